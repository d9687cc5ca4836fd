"""Comments on any item of the plan and the log of changes made to it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from planner.model.base import Base, RowMixin, utc_now


class Comment(RowMixin, Base):
    """A comment (or a reply, with parent_id) on an initiative, stakeholder, KPI or section."""

    __tablename__ = "comment"

    target_kind: Mapped[str] = mapped_column(String(30))
    target_id: Mapped[str] = mapped_column(String(36), index=True)
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("comment.id", ondelete="CASCADE"), index=True)
    author: Mapped[str] = mapped_column(String(100), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now)
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)


class ChangeLogEntry(RowMixin, Base):
    """One recorded change: who, when, which command, and what it changed."""

    __tablename__ = "change_log"

    at: Mapped[datetime] = mapped_column(DateTime, default=utc_now, index=True)
    author: Mapped[str] = mapped_column(String(100), default="")
    command: Mapped[str] = mapped_column(String(80))
    summary: Mapped[str] = mapped_column(Text, default="")
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
