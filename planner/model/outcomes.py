"""KPIs with yearly targets and actuals, risks, and checklist answers (AI ethics, trustworthy AI, privacy)."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from planner.model.base import Base, DecimalText, RowMixin


class Kpi(RowMixin, Base):
    """A key performance indicator of an initiative (or of the whole plan when initiative_id is empty)."""

    __tablename__ = "kpi"

    initiative_id: Mapped[str | None] = mapped_column(
        ForeignKey("initiative.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(300))
    type: Mapped[str] = mapped_column(String(10))  # input / process / output / outcome
    unit: Mapped[str] = mapped_column(String(50), default="")
    baseline_value: Mapped[Decimal | None] = mapped_column(DecimalText)
    baseline_year: Mapped[int | None] = mapped_column(Integer)
    method: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class KpiTarget(RowMixin, Base):
    """A KPI's target and actual value for one year."""

    __tablename__ = "kpi_target"
    __table_args__ = (UniqueConstraint("kpi_id", "year"),)

    kpi_id: Mapped[str] = mapped_column(ForeignKey("kpi.id", ondelete="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    target_value: Mapped[Decimal | None] = mapped_column(DecimalText)
    actual_value: Mapped[Decimal | None] = mapped_column(DecimalText)


class Risk(RowMixin, Base):
    """A risk to an initiative (or the plan), with likelihood, impact and mitigation."""

    __tablename__ = "risk"

    initiative_id: Mapped[str | None] = mapped_column(
        ForeignKey("initiative.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    likelihood: Mapped[int] = mapped_column(Integer, default=3)  # 1-5
    impact: Mapped[int] = mapped_column(Integer, default=3)  # 1-5
    mitigation: Mapped[str] = mapped_column(Text, default="")
    owner_stakeholder_id: Mapped[str | None] = mapped_column(
        ForeignKey("stakeholder.id", ondelete="SET NULL"), index=True
    )
    status: Mapped[str] = mapped_column(String(20), default="open")


class ChecklistAnswer(RowMixin, Base):
    """An initiative's answer to one item of a checklist (AI ethics, trustworthy AI, privacy)."""

    __tablename__ = "checklist_answer"
    __table_args__ = (UniqueConstraint("initiative_id", "checklist", "item_key"),)

    initiative_id: Mapped[str] = mapped_column(ForeignKey("initiative.id", ondelete="CASCADE"), index=True)
    checklist: Mapped[str] = mapped_column(String(30))
    item_key: Mapped[str] = mapped_column(String(80))
    answer: Mapped[str] = mapped_column(String(20), default="unanswered")
    note: Mapped[str] = mapped_column(Text, default="")
