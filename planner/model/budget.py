"""Budget lines by fiscal year and funding source, and the funding rules of programmes."""

from __future__ import annotations

from sqlalchemy import BigInteger, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from planner.model.base import Base, RowMixin


class FundingRule(RowMixin, Base):
    """A programme's funding rule, e.g. Smart Village: at least 80 % national, at most 100M KRW a year."""

    __tablename__ = "funding_rule"

    name: Mapped[str] = mapped_column(String(200))
    programme: Mapped[str] = mapped_column(String(200), default="")
    min_national_share_percent: Mapped[int | None] = mapped_column(Integer)
    max_national_share_percent: Mapped[int | None] = mapped_column(Integer)
    max_per_year_krw: Mapped[int | None] = mapped_column(BigInteger)
    max_years: Mapped[int | None] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(Text, default="")


class BudgetLine(RowMixin, Base):
    """Money for one initiative in one fiscal year from one source, in whole KRW."""

    __tablename__ = "budget_line"
    __table_args__ = (UniqueConstraint("initiative_id", "fiscal_year", "source"),)

    initiative_id: Mapped[str] = mapped_column(ForeignKey("initiative.id", ondelete="CASCADE"), index=True)
    fiscal_year: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(20))
    planned_krw: Mapped[int] = mapped_column(BigInteger, default=0)
    executed_krw: Mapped[int | None] = mapped_column(BigInteger)


class BudgetTotal(RowMixin, Base):
    """The total a plan declares for one fiscal year and source (its summary table); the lines must add up to it."""

    __tablename__ = "budget_total"
    __table_args__ = (UniqueConstraint("fiscal_year", "source"),)

    fiscal_year: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(20))
    amount_krw: Mapped[int] = mapped_column(BigInteger, default=0)
