"""Where the user placed stakeholders on the network map: read them, and set many at once as one undoable edit."""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from planner.commands.base import Changes, Command
from planner.errors import NotFoundError, ValidationError
from planner.i18n import _
from planner.model import NetworkPosition, Stakeholder, new_id, utc_now


def network_positions(session: Session) -> dict[str, tuple[float, float]]:
    """The saved (x, y) of every placed stakeholder, by stakeholder id."""
    table = NetworkPosition.__table__
    return {row.stakeholder_id: (float(row.x), float(row.y))
            for row in session.execute(select(table.c.stakeholder_id, table.c.x, table.c.y))}


class SetNetworkPositions(Command):
    """Save positions for some stakeholders; undo restores every earlier row exactly, or its absence.
    New rows get their id and time on the first apply and keep them, so redo is identical."""

    def __init__(self, positions: Mapping[str, tuple[float, float]], label: str | None = None) -> None:
        self.positions = {key: (float(x), float(y)) for key, (x, y) in positions.items()}
        self._label = label
        self._new_ids = {key: new_id() for key in self.positions}
        self._at: datetime | None = None
        self._before: list[dict[str, Any]] = []

    @property
    def label(self) -> str:
        return self._label or _("Move stakeholders on the network map")

    def apply(self, session: Session) -> Changes:
        table = NetworkPosition.__table__
        ids = list(self.positions)
        self._before = [dict(row) for row in session.execute(
            select(table).where(table.c.stakeholder_id.in_(ids))).mappings()]
        if self._at is None:
            self._at = utc_now()
        kept = {row["stakeholder_id"]: row["id"] for row in self._before}
        session.execute(delete(table).where(table.c.stakeholder_id.in_(ids)))
        rows = [{"id": kept.get(key, self._new_ids[key]), "modified_at": self._at, "stakeholder_id": key,
                 "x": x, "y": y} for key, (x, y) in self.positions.items()]
        if rows:
            session.execute(insert(table), rows)
        return Changes(frozenset({"network_position"}), frozenset(row["id"] for row in rows))

    def revert(self, session: Session) -> Changes:
        table = NetworkPosition.__table__
        removed = set(session.execute(
            select(table.c.id).where(table.c.stakeholder_id.in_(list(self.positions)))).scalars())
        session.execute(delete(table).where(table.c.stakeholder_id.in_(list(self.positions))))
        if self._before:
            session.execute(insert(table), self._before)
        return Changes(frozenset({"network_position"}), frozenset(removed | {row["id"] for row in self._before}))


def set_network_positions_command(session: Session, positions: Mapping[str, tuple[float, float]],
                                  label: str | None = None) -> SetNetworkPositions:
    """One undoable command saving (x, y) for each stakeholder id given. ValidationError for a coordinate that
    is not a finite number, NotFoundError for a stakeholder not in the plan."""
    for x, y in positions.values():
        if not all(isinstance(value, int | float) and math.isfinite(value) for value in (x, y)):
            raise ValidationError({"position": _("A position must be two finite numbers.")})
    table = Stakeholder.__table__
    known = set(session.execute(select(table.c.id).where(table.c.id.in_(list(positions)))).scalars())
    if set(positions) - known:
        raise NotFoundError(_("The stakeholder is no longer in the plan."))
    return SetNetworkPositions(positions, label)
