"""Baselines: named, frozen copies of the schedule and budget to compare the living plan against."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from planner.model.base import Base, RowMixin, utc_now


class Baseline(RowMixin, Base):
    """A named snapshot of the plan's schedule and budget, taken at one moment."""

    __tablename__ = "baseline"

    name: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now)
    note: Mapped[str] = mapped_column(Text, default="")


class BaselineItem(RowMixin, Base):
    """One initiative as a baseline saw it; months are month indices, `ef` exclusive as in the scheduler.

    `initiative_id` is deliberately not a foreign key: an initiative deleted later stays comparable."""

    __tablename__ = "baseline_item"
    __table_args__ = (UniqueConstraint("baseline_id", "initiative_id"),)

    baseline_id: Mapped[str] = mapped_column(ForeignKey("baseline.id", ondelete="CASCADE"), index=True)
    initiative_id: Mapped[str] = mapped_column(String(36))
    code: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(300), default="")
    planned_start: Mapped[int] = mapped_column(Integer)  # the initiative's start_month, as a month index
    duration_months: Mapped[int] = mapped_column(Integer, default=0)
    es: Mapped[int] = mapped_column(Integer)  # early start, month index
    ef: Mapped[int] = mapped_column(Integer)  # early finish, exclusive month index


class BaselineBudget(RowMixin, Base):
    """One budget line as a baseline saw it (the initiative by plain id, as in BaselineItem)."""

    __tablename__ = "baseline_budget"
    __table_args__ = (UniqueConstraint("baseline_id", "initiative_id", "fiscal_year", "source"),)

    baseline_id: Mapped[str] = mapped_column(ForeignKey("baseline.id", ondelete="CASCADE"), index=True)
    initiative_id: Mapped[str] = mapped_column(String(36))
    fiscal_year: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(20))
    planned_krw: Mapped[int] = mapped_column(BigInteger, default=0)
