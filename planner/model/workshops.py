"""Workshops: the slide sequence of presentation mode, live ratings, saved rating rounds and sticky notes."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from planner.model.base import Base, RowMixin, utc_now


class PresentationSlide(RowMixin, Base):
    """One slide of the plan's presentation, in order: what it shows (kind + params), its title and notes."""

    __tablename__ = "presentation_slide"

    position: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String(30))  # a key of planner.workshops.SLIDE_KINDS
    params: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # e.g. {"field_id": ...}, {"years": [..]}
    title: Mapped[str] = mapped_column(String(200), default="")  # empty: the slide's automatic title
    notes: Mapped[str] = mapped_column(Text, default="")  # the presenter's notes
    hidden: Mapped[bool] = mapped_column(Boolean, default=False)


class WorkshopRating(RowMixin, Base):
    """The live rating of an initiative in the workshop under way: dot votes and impact × feasibility."""

    __tablename__ = "workshop_rating"

    initiative_id: Mapped[str] = mapped_column(ForeignKey("initiative.id", ondelete="CASCADE"), unique=True)
    votes: Mapped[int] = mapped_column(Integer, default=0)
    impact: Mapped[int | None] = mapped_column(Integer)  # 1-5
    feasibility: Mapped[int | None] = mapped_column(Integer)  # 1-5


class WorkshopRound(RowMixin, Base):
    """A named round of a workshop: the ratings as they stood when it was saved."""

    __tablename__ = "workshop_round"

    name: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now)
    note: Mapped[str] = mapped_column(Text, default="")


class WorkshopRoundItem(RowMixin, Base):
    """One initiative as a round saw it: votes, impact, feasibility and the five prioritisation scores.

    `initiative_id` is deliberately not a foreign key: an initiative deleted later stays comparable."""

    __tablename__ = "workshop_round_item"
    __table_args__ = (UniqueConstraint("round_id", "initiative_id"),)

    round_id: Mapped[str] = mapped_column(ForeignKey("workshop_round.id", ondelete="CASCADE"), index=True)
    initiative_id: Mapped[str] = mapped_column(String(36))
    code: Mapped[str] = mapped_column(String(20), default="")
    title: Mapped[str] = mapped_column(String(300), default="")
    votes: Mapped[int] = mapped_column(Integer, default=0)
    impact: Mapped[int | None] = mapped_column(Integer)
    feasibility: Mapped[int | None] = mapped_column(Integer)
    score_urgency: Mapped[int | None] = mapped_column(Integer)
    score_policy_fit: Mapped[int | None] = mapped_column(Integer)
    score_feasibility: Mapped[int | None] = mapped_column(Integer)
    score_effect: Mapped[int | None] = mapped_column(Integer)
    score_technical: Mapped[int | None] = mapped_column(Integer)


class StickyNote(RowMixin, Base):
    """A sticky note put on an initiative or a stakeholder during a workshop."""

    __tablename__ = "sticky_note"

    target_kind: Mapped[str] = mapped_column(String(30))  # "initiative" or "stakeholder"
    target_id: Mapped[str] = mapped_column(String(36), index=True)
    text: Mapped[str] = mapped_column(Text, default="")
    colour: Mapped[str] = mapped_column(String(20), default="yellow")
    author: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now)
