"""Lineage of a plan file: the saved versions it descends from (plan_version), with what each one held."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from planner.model.base import Base, new_id, utc_now


class PlanVersion(Base):
    """One saved version of the plan: when, by whom, the versions it came from, and (for recent versions) what it
    held, so that two files sharing a version can be merged without the user finding the base file.

    Not an item of the plan (not in ENTITY_CLASSES): no command edits it, undo never touches it, and the plan
    JSON does not carry it. `snapshot` is zlib-compressed JSON: the version's plan tables (without the history)
    when `snapshot_of` is empty, else the changes that turn the content of version `snapshot_of` (a later one)
    back into this version's (planner.merge.lineage). `scope` marks a department package: the rows it was
    exported with, by kind; rows of the plan outside it are not in the file and do not count as deleted. `name`
    and `note` are what the user called a version (named versions, planner.versions); empty for most."""

    __tablename__ = "plan_version"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    saved_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now, index=True)
    author: Mapped[str] = mapped_column(String(200), default="")
    parents: Mapped[list[str]] = mapped_column(JSON, default=list)
    scope: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    snapshot: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    snapshot_of: Mapped[str | None] = mapped_column(String(36), nullable=True)
    name: Mapped[str | None] = mapped_column(String(200), nullable=True)
    note: Mapped[str | None] = mapped_column(Text, nullable=True)
