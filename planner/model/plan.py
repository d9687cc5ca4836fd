"""The plan itself, its narrative sections, fields (분야) and strategies."""

from __future__ import annotations

from datetime import date

from sqlalchemy import JSON, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from planner.model.base import Base, RowMixin, YearMonthType
from planner.months import YearMonth


class Plan(RowMixin, Base):
    """The single row describing the plan a file holds."""

    __tablename__ = "plan"

    title: Mapped[str] = mapped_column(String(300))
    region_province: Mapped[str] = mapped_column(String(100), default="")  # 시·도
    region_district: Mapped[str] = mapped_column(String(100), default="")  # 시·군·구
    plan_type: Mapped[str] = mapped_column(String(20), default="master")
    start_year: Mapped[int] = mapped_column(Integer)
    end_year: Mapped[int] = mapped_column(Integer)
    lead_organisation: Mapped[str] = mapped_column(String(200), default="")
    contact_department: Mapped[str] = mapped_column(String(200), default="")
    contact_name: Mapped[str] = mapped_column(String(100), default="")
    contact_phone: Mapped[str] = mapped_column(String(50), default="")
    vision: Mapped[str] = mapped_column(Text, default="")
    publication_number: Mapped[str] = mapped_column(String(50), default="")  # 발간등록번호
    language: Mapped[str] = mapped_column(String(5), default="ko")
    guideline_profile_id: Mapped[str] = mapped_column(String(80), default="kr-master-plan")
    # Columns added by later revisions sort after the mixin's, where ALTER TABLE puts them.
    document_month: Mapped[YearMonth | None] = mapped_column(YearMonthType, sort_order=10)  # the cover's date, e.g. 2027. 1.
    submission_date: Mapped[date | None] = mapped_column(Date, sort_order=10)  # when the plan goes (went) to the ministries
    report_year: Mapped[int | None] = mapped_column(Integer, sort_order=10)  # the year an annual plan is for (None: first year)
    approval_columns: Mapped[list[str]] = mapped_column(JSON, default=list, server_default="[]", sort_order=10)  # 결재란 columns; empty: the profile's


class NarrativeSection(RowMixin, Base):
    """A section of prose the planner writes (background, trends, SWOT, vision, ...)."""

    __tablename__ = "narrative_section"

    key: Mapped[str] = mapped_column(String(80), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class Field(RowMixin, Base):
    """A field (분야) grouping initiatives, e.g. 'AI 복지·돌봄'."""

    __tablename__ = "field"

    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class Strategy(RowMixin, Base):
    """A strategy (추진전략) that initiatives serve, optionally within a field."""

    __tablename__ = "strategy"

    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    field_id: Mapped[str | None] = mapped_column(ForeignKey("field.id", ondelete="SET NULL"), index=True)
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
