"""Grid snapshots: save every stakeholder's place on the influence/interest grid, list them, see who moved since."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from planner.commands.base import Changes, Command
from planner.errors import NotFoundError, ValidationError
from planner.i18n import _
from planner.model import Stakeholder, StakeholderSnapshot, StakeholderSnapshotItem, new_id, utc_now
from planner.model.attributes import attribute

SNAPSHOT_KINDS = ("stakeholder_snapshot", "stakeholder_snapshot_item")


@dataclass(frozen=True, slots=True)
class GridSnapshotSummary:
    """One saved grid snapshot, as a list shows it."""

    id: str
    name: str
    created_at: datetime
    count: int


@dataclass(frozen=True, slots=True)
class GridMovement:
    """A stakeholder whose place on the grid differs from the snapshot (old_* None: added since)."""

    stakeholder_id: str
    name: str
    old_influence: int | None
    old_interest: int | None
    new_influence: int
    new_interest: int


def _name_problem(session: Session, name: str, snapshot_id: str | None = None) -> str | None:
    problem = attribute("stakeholder_snapshot", "name").problem(name)
    if problem:
        return problem
    table = StakeholderSnapshot.__table__
    query = select(func.count()).select_from(table).where(table.c.name == name)
    if snapshot_id is not None:
        query = query.where(table.c.id != snapshot_id)
    if session.execute(query).scalar_one():
        return _("There is already a grid snapshot named '{name}'.").format(name=name)
    return None


class SaveGridSnapshot(Command):
    """Save the grid under a name; undo removes the snapshot and all it holds. Rows are captured on the first
    apply and kept, so redo recreates the very same snapshot."""

    def __init__(self, name: str, note: str = "") -> None:
        self.name = name
        self.note = note
        self.snapshot_id = new_id()
        self._rows: dict[str, list[dict[str, Any]]] | None = None

    @property
    def label(self) -> str:
        return _("Save grid snapshot '{name}'").format(name=self.name)

    def _capture(self, session: Session) -> dict[str, list[dict[str, Any]]]:
        now = utc_now()
        stakeholder = Stakeholder.__table__
        items = [
            {"id": new_id(), "modified_at": now, "snapshot_id": self.snapshot_id, "stakeholder_id": row.id,
             "influence": row.influence, "interest": row.interest, "attitude": row.attitude}
            for row in session.execute(
                select(stakeholder.c.id, stakeholder.c.influence, stakeholder.c.interest, stakeholder.c.attitude)
                .order_by(stakeholder.c.id))
        ]
        snapshot = [{"id": self.snapshot_id, "modified_at": now, "name": self.name, "created_at": now,
                     "note": self.note}]
        return {"stakeholder_snapshot": snapshot, "stakeholder_snapshot_item": items}

    def apply(self, session: Session) -> Changes:
        problem = _name_problem(session, self.name, self.snapshot_id)
        if problem:
            raise ValidationError({"name": problem})
        if self._rows is None:
            self._rows = self._capture(session)
        for kind, table in zip(SNAPSHOT_KINDS, (StakeholderSnapshot.__table__, StakeholderSnapshotItem.__table__),
                               strict=True):
            if self._rows[kind]:
                session.execute(insert(table), self._rows[kind])
        return self._changes()

    def revert(self, session: Session) -> Changes:
        item = StakeholderSnapshotItem.__table__
        session.execute(delete(item).where(item.c.snapshot_id == self.snapshot_id))
        session.execute(delete(StakeholderSnapshot.__table__).where(StakeholderSnapshot.__table__.c.id == self.snapshot_id))
        return self._changes()

    def _changes(self) -> Changes:
        ids = [row["id"] for rows in (self._rows or {}).values() for row in rows]
        return Changes(frozenset(SNAPSHOT_KINDS), frozenset(ids) | {self.snapshot_id})


def save_grid_snapshot_command(session: Session, name: str, note: str = "") -> SaveGridSnapshot:
    """One undoable command saving every stakeholder's influence, interest and attitude as the snapshot `name`
    (trimmed). ValidationError at once when the name is empty, too long or already taken."""
    name = name.strip()
    problem = _name_problem(session, name)
    if problem:
        raise ValidationError({"name": problem})
    return SaveGridSnapshot(name, note)


def list_grid_snapshots(session: Session) -> list[GridSnapshotSummary]:
    """Every grid snapshot, oldest first, with how many stakeholders it holds."""
    snapshot, item = StakeholderSnapshot.__table__, StakeholderSnapshotItem.__table__
    rows = session.execute(
        select(snapshot.c.id, snapshot.c.name, snapshot.c.created_at, func.count(item.c.id))
        .outerjoin(item, item.c.snapshot_id == snapshot.c.id)
        .group_by(snapshot.c.id)
        .order_by(snapshot.c.created_at, snapshot.c.name)
    )
    return [GridSnapshotSummary(row[0], row[1], row[2], int(row[3])) for row in rows]


def find_grid_snapshot(session: Session, name: str) -> str:
    """The id of the grid snapshot called `name`; NotFoundError naming it when there is none."""
    table = StakeholderSnapshot.__table__
    found = session.execute(select(table.c.id).where(table.c.name == name.strip())).scalar_one_or_none()
    if found is None:
        raise NotFoundError(_("There is no grid snapshot named '{name}'.").format(name=name))
    return str(found)


def grid_movements(session: Session, snapshot_id: str) -> list[GridMovement]:
    """The stakeholders whose influence or interest differs from the snapshot, and those added since (old_*
    None), by name. Stakeholders deleted since are not listed. NotFoundError for an unknown snapshot."""
    snapshot, item, stakeholder = (StakeholderSnapshot.__table__, StakeholderSnapshotItem.__table__,
                                   Stakeholder.__table__)
    if session.execute(select(snapshot.c.id).where(snapshot.c.id == snapshot_id)).first() is None:
        raise NotFoundError(_("The grid snapshot is no longer in the plan."))
    old = {row.stakeholder_id: (row.influence, row.interest) for row in session.execute(
        select(item.c.stakeholder_id, item.c.influence, item.c.interest).where(item.c.snapshot_id == snapshot_id))}
    movements: list[GridMovement] = []
    for row in session.execute(
        select(stakeholder.c.id, stakeholder.c.name, stakeholder.c.influence, stakeholder.c.interest)
        .order_by(stakeholder.c.name, stakeholder.c.id)
    ):
        before = old.get(row.id)
        if before is None:
            movements.append(GridMovement(row.id, row.name, None, None, row.influence, row.interest))
        elif before != (row.influence, row.interest):
            movements.append(GridMovement(row.id, row.name, before[0], before[1], row.influence, row.interest))
    return movements
