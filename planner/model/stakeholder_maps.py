"""Stakeholder maps: saved snapshots of the influence/interest grid and saved network-map positions."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from planner.model.base import Base, RowMixin, utc_now


class StakeholderSnapshot(RowMixin, Base):
    """A named copy of every stakeholder's place on the influence/interest grid, taken at one moment."""

    __tablename__ = "stakeholder_snapshot"

    name: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now)
    note: Mapped[str] = mapped_column(Text, default="")


class StakeholderSnapshotItem(RowMixin, Base):
    """One stakeholder as a snapshot saw it.

    `stakeholder_id` is deliberately not a foreign key: a stakeholder deleted later stays comparable."""

    __tablename__ = "stakeholder_snapshot_item"
    __table_args__ = (UniqueConstraint("snapshot_id", "stakeholder_id"),)

    snapshot_id: Mapped[str] = mapped_column(ForeignKey("stakeholder_snapshot.id", ondelete="CASCADE"), index=True)
    stakeholder_id: Mapped[str] = mapped_column(String(36))
    influence: Mapped[int] = mapped_column(Integer, default=3)  # 1-5
    interest: Mapped[int] = mapped_column(Integer, default=3)  # 1-5
    attitude: Mapped[str] = mapped_column(String(20), default="neutral")


class NetworkPosition(RowMixin, Base):
    """Where the user placed a stakeholder on the network map (unit square); no row = not placed."""

    __tablename__ = "network_position"

    stakeholder_id: Mapped[str] = mapped_column(
        ForeignKey("stakeholder.id", ondelete="CASCADE"), unique=True)
    x: Mapped[float] = mapped_column(Float, default=0.0)
    y: Mapped[float] = mapped_column(Float, default=0.0)
