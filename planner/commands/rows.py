"""Generic commands on rows of any kind: add, update fields, and delete with an exact-restoring cascade."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Table, delete, insert, select, text, update
from sqlalchemy.orm import Session

from planner.commands.base import Changes, Command
from planner.errors import NotFoundError, PlannerError
from planner.i18n import N_, _
from planner.model import ENTITY_CLASSES, new_id, utc_now
from planner.model.rules import check_row

# Rows that refer to others without a foreign key, deleted along with their target.
GENERIC_REFERENCES: tuple[tuple[str, str], ...] = (("comment", "target_id"), ("sticky_note", "target_id"))
# Columns stamped with the time a row is made; AddRow fixes them on first apply so redo is identical.
TIMESTAMP_COLUMNS = ("modified_at", "created_at", "at")

# How a command's label names each kind of row (English source; shown through _()).
KIND_LABELS = {
    "plan": N_("plan details"), "narrative_section": N_("section"), "field": N_("field"),
    "strategy": N_("strategy"), "stakeholder": N_("stakeholder"), "funding_rule": N_("funding rule"),
    "initiative": N_("initiative"), "milestone": N_("milestone"), "dependency": N_("dependency"),
    "stakeholder_relation": N_("relation"), "raci_role": N_("role"), "budget_line": N_("budget line"),
    "budget_total": N_("budget total"),
    "presentation_slide": N_("slide"), "workshop_rating": N_("workshop rating"),
    "workshop_round": N_("workshop round"), "workshop_round_item": N_("workshop round entry"),
    "sticky_note": N_("sticky note"),
    "kpi": N_("KPI"), "kpi_target": N_("KPI target"), "risk": N_("risk"),
    "checklist_answer": N_("checklist answer"), "comment": N_("comment"), "change_log": N_("change log entry"),
    "baseline": N_("baseline"), "baseline_item": N_("baseline entry"), "baseline_budget": N_("baseline budget"),
    "stakeholder_snapshot": N_("grid snapshot"), "stakeholder_snapshot_item": N_("grid snapshot entry"),
    "network_position": N_("network position"), "merge_conflict": N_("merge conflict"),
}


def table_of(kind: str) -> Table:
    try:
        return ENTITY_CLASSES[kind].__table__  # type: ignore[return-value]
    except KeyError:
        raise PlannerError(_("Unknown kind of item: {kind}").format(kind=kind)) from None


def kind_of_table(table: Table) -> str:
    return next(kind for kind, cls in ENTITY_CLASSES.items() if cls.__table__ is table)


def read_row(session: Session, kind: str, row_id: str) -> dict[str, Any]:
    """The stored values of one row as a plain dict; NotFoundError if it is gone."""
    table = table_of(kind)
    row = session.execute(select(table).where(table.c.id == row_id)).mappings().first()
    if row is None:
        raise NotFoundError(_("The {kind} you edited is no longer in the plan.").format(kind=_(KIND_LABELS.get(kind, kind))))
    return dict(row)


def defer_foreign_keys(session: Session) -> None:
    """Check foreign keys at commit, not per statement, so rows can be restored in any order."""
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("PRAGMA defer_foreign_keys = ON"))


def _defaults(kind: str) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for column in table_of(kind).columns:
        default = column.default
        if default is not None and default.is_scalar:
            values[column.name] = default.arg
        elif default is not None and default.is_callable and column.name != "id" and column.name not in TIMESTAMP_COLUMNS:
            values[column.name] = default.arg(None)  # type: ignore[call-arg, operator]
    return values


class AddRow(Command):
    """Add one row; its id is fixed at construction so redo recreates the very same row."""

    def __init__(self, kind: str, values: Mapping[str, Any], label: str | None = None) -> None:
        self.kind = kind
        self.values = dict(values)
        self.values.setdefault("id", new_id())
        self._label = label

    @property
    def row_id(self) -> str:
        return str(self.values["id"])

    @property
    def label(self) -> str:
        return self._label or _("Add {kind}").format(kind=_(KIND_LABELS.get(self.kind, self.kind)))

    def apply(self, session: Session) -> Changes:
        row = _defaults(self.kind) | self.values
        check_row(session, self.kind, row, None)
        now = utc_now()
        for name in TIMESTAMP_COLUMNS:
            if name in table_of(self.kind).columns:
                row.setdefault(name, now)
        self.values = row  # keep the timestamps so redo recreates the row identically
        session.execute(insert(table_of(self.kind)).values(**row))
        return Changes.of(self.kind, [self.row_id])

    def revert(self, session: Session) -> Changes:
        table = table_of(self.kind)
        session.execute(delete(table).where(table.c.id == self.row_id))
        return Changes.of(self.kind, [self.row_id])


class UpdateRow(Command):
    """Set some fields of one row; revert puts back the old values and the old modification time."""

    def __init__(self, kind: str, row_id: str, values: Mapping[str, Any], label: str | None = None) -> None:
        if "id" in values or "modified_at" in values:
            raise ValueError("UpdateRow sets fields; a row's id and modification time are not among them")
        self.kind = kind
        self.row_id = row_id
        self.values = dict(values)
        self._label = label
        self._before: dict[str, Any] | None = None
        self._modified_at: datetime | None = None

    @property
    def label(self) -> str:
        return self._label or _("Edit {kind}").format(kind=_(KIND_LABELS.get(self.kind, self.kind)))

    def apply(self, session: Session) -> Changes:
        current = read_row(session, self.kind, self.row_id)
        check_row(session, self.kind, current | self.values, self.row_id)
        self._before = {name: current[name] for name in self.values} | {"modified_at": current["modified_at"]}
        if self._modified_at is None:
            self._modified_at = utc_now()
        table = table_of(self.kind)
        session.execute(
            update(table).where(table.c.id == self.row_id).values(**self.values, modified_at=self._modified_at)
        )
        return Changes.of(self.kind, [self.row_id])

    def revert(self, session: Session) -> Changes:
        assert self._before is not None, "revert() before apply()"
        table = table_of(self.kind)
        session.execute(update(table).where(table.c.id == self.row_id).values(**self._before))
        return Changes.of(self.kind, [self.row_id])


@dataclass
class _Nulling:
    kind: str
    row_id: str
    column: str
    old_value: Any
    old_modified_at: Any


class DeleteRows(Command):
    """Delete rows and everything that depends on them; revert restores every row exactly.

    The foreign keys' ondelete rules say what follows: CASCADE rows are deleted too (recursively),
    SET NULL references are emptied. Comments on a deleted item go with it.
    """

    def __init__(self, kind: str, row_ids: Iterable[str], label: str | None = None) -> None:
        self.kind = kind
        self.row_ids = list(dict.fromkeys(row_ids))
        self._label = label
        self._deleted: list[tuple[str, dict[str, Any]]] = []  # parents first
        self._nullings: list[_Nulling] = []
        self._nulled_at: datetime | None = None

    @property
    def label(self) -> str:
        noun = _(KIND_LABELS.get(self.kind, self.kind))
        if len(self.row_ids) == 1:
            return _("Delete {kind}").format(kind=noun)
        return _("Delete {count} items").format(count=len(self.row_ids))

    def _collect(self, session: Session) -> None:
        self._deleted, self._nullings = [], []
        seen: set[tuple[str, str]] = set()
        nulled: set[tuple[str, str, str]] = set()
        pending: deque[tuple[str, str]] = deque((self.kind, row_id) for row_id in self.row_ids)
        for kind, row_id in pending:
            read_row(session, kind, row_id)  # raises NotFoundError for a vanished row
        while pending:
            kind, row_id = pending.popleft()
            if (kind, row_id) in seen:
                continue
            seen.add((kind, row_id))
            self._deleted.append((kind, read_row(session, kind, row_id)))
            target_table = table_of(kind)
            for child_kind, child_class in ENTITY_CLASSES.items():
                child = child_class.__table__
                for key in child.foreign_keys:  # type: ignore[attr-defined]
                    if key.column.table is not target_table:
                        continue
                    column = key.parent
                    rows = session.execute(select(child).where(column == row_id)).mappings().all()
                    for row in rows:
                        if key.ondelete == "CASCADE":
                            pending.append((child_kind, row["id"]))
                        elif (child_kind, row["id"], column.name) not in nulled:
                            nulled.add((child_kind, row["id"], column.name))
                            self._nullings.append(
                                _Nulling(child_kind, row["id"], column.name, row[column.name], row["modified_at"])
                            )
            for ref_kind, ref_column in GENERIC_REFERENCES:
                ref_table = table_of(ref_kind)
                for (ref_id,) in session.execute(select(ref_table.c.id).where(ref_table.c[ref_column] == row_id)):
                    pending.append((ref_kind, ref_id))
        deleted_keys = {(kind, row["id"]) for kind, row in self._deleted}
        self._nullings = [n for n in self._nullings if (n.kind, n.row_id) not in deleted_keys]

    def apply(self, session: Session) -> Changes:
        self._collect(session)
        defer_foreign_keys(session)
        if self._nulled_at is None:
            self._nulled_at = utc_now()  # fixed once, so redo leaves the emptied rows as the first apply did
        now = self._nulled_at
        changes = Changes()
        for nulling in self._nullings:
            table = table_of(nulling.kind)
            session.execute(
                update(table).where(table.c.id == nulling.row_id).values({nulling.column: None, "modified_at": now})
            )
            changes |= Changes.of(nulling.kind, [nulling.row_id])
        for kind, row in reversed(self._deleted):
            table = table_of(kind)
            session.execute(delete(table).where(table.c.id == row["id"]))
            changes |= Changes.of(kind, [row["id"]])
        return changes

    def revert(self, session: Session) -> Changes:
        defer_foreign_keys(session)
        changes = Changes()
        for kind, row in self._deleted:
            session.execute(insert(table_of(kind)).values(**row))
            changes |= Changes.of(kind, [row["id"]])
        for nulling in self._nullings:
            table = table_of(nulling.kind)
            session.execute(
                update(table)
                .where(table.c.id == nulling.row_id)
                .values({nulling.column: nulling.old_value, "modified_at": nulling.old_modified_at})
            )
            changes |= Changes.of(nulling.kind, [nulling.row_id])
        return changes
