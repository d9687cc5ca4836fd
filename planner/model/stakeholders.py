"""Stakeholders, the relations between them and their RACI roles on initiatives."""

from __future__ import annotations

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from planner.model.base import Base, RowMixin


class Stakeholder(RowMixin, Base):
    """A person or organisation with a stake in the plan."""

    __tablename__ = "stakeholder"

    name: Mapped[str] = mapped_column(String(200))
    organisation: Mapped[str] = mapped_column(String(200), default="")
    sector: Mapped[str] = mapped_column(String(30))
    role: Mapped[str] = mapped_column(Text, default="")
    influence: Mapped[int] = mapped_column(Integer, default=3)  # 1-5
    interest: Mapped[int] = mapped_column(Integer, default=3)  # 1-5
    attitude: Mapped[str] = mapped_column(String(20), default="neutral")
    engagement: Mapped[str | None] = mapped_column(String(20))  # None = derived from influence/interest
    contact: Mapped[str] = mapped_column(String(300), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)


class StakeholderRelation(RowMixin, Base):
    """A relation between two stakeholders: funds, regulates, partners with, ..."""

    __tablename__ = "stakeholder_relation"

    source_id: Mapped[str] = mapped_column(ForeignKey("stakeholder.id", ondelete="CASCADE"), index=True)
    target_id: Mapped[str] = mapped_column(ForeignKey("stakeholder.id", ondelete="CASCADE"), index=True)
    type: Mapped[str] = mapped_column(String(20), default="partners")
    directed: Mapped[bool] = mapped_column(Boolean, default=True)
    strength: Mapped[int] = mapped_column(Integer, default=3)  # 1-5
    notes: Mapped[str] = mapped_column(Text, default="")


class RaciRole(RowMixin, Base):
    """The RACI role (R, A, C or I) of one stakeholder on one initiative."""

    __tablename__ = "raci_role"
    __table_args__ = (UniqueConstraint("stakeholder_id", "initiative_id"),)

    stakeholder_id: Mapped[str] = mapped_column(ForeignKey("stakeholder.id", ondelete="CASCADE"), index=True)
    initiative_id: Mapped[str] = mapped_column(ForeignKey("initiative.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(1))
