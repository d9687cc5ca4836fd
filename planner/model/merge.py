"""Conflicts a three-way merge of plan files left unresolved, kept in the merged plan for a later review."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from planner.model.base import Base, RowMixin, utc_now


class MergeConflict(RowMixin, Base):
    """One unresolved conflict of a merge: which row and field, each side's value, and which side the plan holds.

    `item_id` is deliberately not a foreign key: the row may be one that a side deleted. `sides` holds the
    values as the plan JSON writes them, by side ("base", "ours", "theirs"; a side without the row has no key);
    `involved` lists the ids of every row the conflict concerns (e.g. the dependencies of a cycle)."""

    __tablename__ = "merge_conflict"

    conflict_type: Mapped[str] = mapped_column(String(30))  # a key of planner.merge.conflicts.CONFLICT_TYPES
    item_kind: Mapped[str] = mapped_column(String(30))
    item_id: Mapped[str] = mapped_column(String(36), index=True)
    item_label: Mapped[str] = mapped_column(String(300), default="")
    field_name: Mapped[str] = mapped_column(String(80), default="")
    conflict_key: Mapped[str] = mapped_column(String(300), default="")  # what apply_resolutions is given
    sides: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    kept: Mapped[str] = mapped_column(String(10), default="ours")  # the side whose version the plan holds
    involved: Mapped[list[str]] = mapped_column(JSON, default=list)
    message: Mapped[str] = mapped_column(Text, default="")
    sources: Mapped[str] = mapped_column(Text, default="")  # the files merged, as "BASE | OURS | THEIRS"
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now)
