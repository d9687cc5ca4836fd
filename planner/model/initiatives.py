"""Initiatives (과제), their milestones and the dependencies between them."""

from __future__ import annotations

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Integer, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column

from planner.model.base import Base, RowMixin, YearMonthType
from planner.months import YearMonth


class Initiative(RowMixin, Base):
    """One initiative of the roadmap: what, when, who leads, how it is judged and checked."""

    __tablename__ = "initiative"

    code: Mapped[str] = mapped_column(String(20), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    purpose: Mapped[str] = mapped_column(Text, default="")
    content: Mapped[str] = mapped_column(Text, default="")
    target_users: Mapped[str] = mapped_column(Text, default="")
    field_id: Mapped[str | None] = mapped_column(ForeignKey("field.id", ondelete="SET NULL"), index=True)
    strategy_id: Mapped[str | None] = mapped_column(ForeignKey("strategy.id", ondelete="SET NULL"), index=True)
    phase: Mapped[int | None] = mapped_column(Integer)
    start_month: Mapped[YearMonth] = mapped_column(YearMonthType)
    duration_months: Mapped[int] = mapped_column(Integer, default=12)  # 0 = a milestone initiative
    not_before: Mapped[YearMonth | None] = mapped_column(YearMonthType)  # "start no earlier than"
    ai_technology: Mapped[str] = mapped_column(Text, default="")
    service_domain: Mapped[str] = mapped_column(String(200), default="")
    data_used: Mapped[str] = mapped_column(Text, default="")
    lead_stakeholder_id: Mapped[str | None] = mapped_column(
        ForeignKey("stakeholder.id", ondelete="SET NULL"), index=True
    )
    lead_department: Mapped[str] = mapped_column(String(200), default="")
    score_urgency: Mapped[int | None] = mapped_column(Integer)  # 시급성 1-5
    score_policy_fit: Mapped[int | None] = mapped_column(Integer)  # 정책적 타당성 1-5
    score_feasibility: Mapped[int | None] = mapped_column(Integer)  # 실현가능성 1-5
    score_effect: Mapped[int | None] = mapped_column(Integer)  # 효과성 1-5
    score_technical: Mapped[int | None] = mapped_column(Integer)  # 기술구현성 1-5
    status: Mapped[str] = mapped_column(String(20), default="planned")
    progress: Mapped[int] = mapped_column(Integer, default=0)  # percent
    actual_start: Mapped[YearMonth | None] = mapped_column(YearMonthType)
    actual_finish: Mapped[YearMonth | None] = mapped_column(YearMonthType)
    project_type: Mapped[str] = mapped_column(String(20), default="build")
    contract_method: Mapped[str] = mapped_column(String(200), default="")
    prior_consultation: Mapped[str] = mapped_column(String(200), default="")  # 사전협의 status
    security_consultation: Mapped[bool] = mapped_column(Boolean, default=False)
    data_subject_count: Mapped[int | None] = mapped_column(Integer)  # for the PIA thresholds
    sensitive_data: Mapped[bool] = mapped_column(Boolean, default=False)
    unique_identifiers: Mapped[bool] = mapped_column(Boolean, default=False)
    privacy_impact_assessment: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false(), sort_order=10
    )  # PIA planned or done
    funding_rule_id: Mapped[str | None] = mapped_column(
        ForeignKey("funding_rule.id", ondelete="SET NULL"), index=True
    )
    template_id: Mapped[str | None] = mapped_column(String(80))
    position: Mapped[int] = mapped_column(Integer, default=0)


class Milestone(RowMixin, Base):
    """A dated checkpoint within an initiative."""

    __tablename__ = "milestone"

    initiative_id: Mapped[str] = mapped_column(ForeignKey("initiative.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    month: Mapped[YearMonth] = mapped_column(YearMonthType)
    done: Mapped[bool] = mapped_column(Boolean, default=False)


class Dependency(RowMixin, Base):
    """A precedence link between two initiatives: FS, SS, FF or SF, with a lag in months (negative = lead)."""

    __tablename__ = "dependency"
    __table_args__ = (
        UniqueConstraint("predecessor_id", "successor_id"),
        CheckConstraint("predecessor_id <> successor_id", name="not_self"),
    )

    predecessor_id: Mapped[str] = mapped_column(ForeignKey("initiative.id", ondelete="CASCADE"), index=True)
    successor_id: Mapped[str] = mapped_column(ForeignKey("initiative.id", ondelete="CASCADE"), index=True)
    type: Mapped[str] = mapped_column(String(2), default="FS")
    lag_months: Mapped[int] = mapped_column(Integer, default=0)
