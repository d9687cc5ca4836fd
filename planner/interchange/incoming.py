"""Rows an import adds to or updates in the open plan: checked against the plan as it will be, applied as one
undoable command."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table, select
from sqlalchemy.orm import Session

from planner.commands.base import Changes, Command
from planner.commands.rows import KIND_LABELS, defer_foreign_keys, kind_of_table, table_of
from planner.i18n import _
from planner.interchange.plan_json import (
    ENCODERS,
    Tables,
    _check_references,
    _check_rules,
    _check_unique,
    _column_defaults,
    _read_rows,
    value_form,
)
from planner.interchange.report import ImportReport
from planner.model import ENTITY_CLASSES, Base, new_id, utc_now


def _plan_tables() -> list[Table]:
    """The plan's tables, parents before children."""
    return [table for table in Base.metadata.sorted_tables
            if any(cls.__table__ is table for cls in ENTITY_CLASSES.values())]


def existing_rows(session: Session, kind: str) -> list[dict[str, Any]]:
    """Every row of one kind in the open plan, as Python values."""
    table = table_of(kind)
    return [dict(row) for row in session.execute(select(table)).mappings()]


@dataclass
class IncomingRows:
    """What an importer found: rows to add (a new id) or to update (the id of a row in the plan), by kind, and
    where each is in the source file ("row 12", "task UID 5") so that every problem names its place.

    Each row holds Python values (str, int, YearMonth, Decimal, date, ...); columns left out get their
    defaults when the row is new and keep their stored value when it is an update."""

    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    places: dict[int, str] = field(default_factory=dict)  # id(row) → where in the source

    def add(self, kind: str, values: dict[str, Any], where: str) -> dict[str, Any]:
        """A new row (its id given in `values`, or a fresh one); returns the row so others can refer to its id."""
        row = dict(values)
        if not row.get("id"):
            row["id"] = new_id()
        self.rows.setdefault(kind, []).append(row)
        self.places[id(row)] = where
        return row

    def update(self, kind: str, current: dict[str, Any], values: dict[str, Any], where: str) -> dict[str, Any]:
        """New values for a row already in the plan (`current`: its stored values, as existing_rows gives)."""
        row = dict(current) | dict(values) | {"id": current["id"]}
        if "modified_at" in row:
            row["modified_at"] = utc_now()
        self.rows.setdefault(kind, []).append(row)
        self.places[id(row)] = where
        return row

    def count(self) -> int:
        return sum(len(rows) for rows in self.rows.values())


def _json_form(row: dict[str, Any], encoders: dict[str, Any]) -> dict[str, Any]:
    return {name: value if value is None or name not in encoders else encoders[name](value)
            for name, value in row.items()}


def check_incoming(session: Session, incoming: IncomingRows, report: ImportReport) -> Tables:
    """Check the incoming rows as part of the plan they would make (every column's type and rule, unique values,
    references, self-links, dependency cycles) and report every problem at its place in the source.

    Returns the checked incoming rows by kind (complete rows: defaults filled in), usable when the report is ok."""
    positions: dict[int, str] = {}
    merged: Tables = {}
    declared: dict[str, set[str]] = {}
    checked: Tables = {}
    for kind in ENTITY_CLASSES:
        table = table_of(kind)
        encoders = {column.name: ENCODERS[value_form(column)] for column in table.columns
                    if value_form(column) in ENCODERS}
        arriving = incoming.rows.get(kind, [])
        arriving_ids = {row["id"] for row in arriving}
        names = {column.name for column in table.columns}
        source: list[dict[str, Any]] = []
        places: list[str] = []
        for row in existing_rows(session, kind):  # the plan's rows first: a clash is reported at the file's row
            if row["id"] not in arriving_ids:
                source.append(_json_form(row, encoders))
                places.append(_("{kind} already in the plan").format(kind=_(KIND_LABELS.get(kind, kind))))
        if arriving:
            defaults = _column_defaults(table)
            for row in arriving:
                complete = {name: make() for name, make in defaults.items() if name not in row} | row
                for name in complete.keys() - names:
                    del complete[name]
                source.append(_json_form(complete, encoders))
                places.append(incoming.places.get(id(row), kind))
        rows = _read_rows(kind, source, report, positions, declared.setdefault(kind, set()),
                          place=lambda _kind, number, places=places: places[number])
        merged[kind] = rows
        checked[kind] = rows[len(rows) - len(arriving):]  # the incoming rows come last (all sound when ok)
        if arriving:
            report.counts[kind] += len(arriving)
    for kind, rows in merged.items():
        _check_unique(kind, rows, positions, report)
    _check_references(merged, declared, positions, report)
    _check_rules(merged, positions, report)
    return {kind: rows for kind, rows in checked.items() if rows}


def _bound_rows(connection: Connection, table: Table, rows: list[dict[str, Any]],
                names: list[str]) -> list[tuple[Any, ...]]:
    columns = [table.c[name] for name in names]
    processors = [column.type.bind_processor(connection.dialect) for column in columns]
    return [tuple(value if process is None else process(value)
                  for process, value in zip(processors, (row.get(name) for name in names), strict=True))
            for row in rows]


class UpsertRowsCommand(Command):
    """Add the new rows and update the existing ones of an import, all at once; revert restores each updated
    row exactly as it was stored and removes the added ones."""

    def __init__(self, tables: Tables, label: str) -> None:
        self.tables = tables
        self._label = label
        self._before: dict[str, tuple[list[str], list[tuple[Any, ...]]]] = {}
        self._added: dict[str, list[str]] = {}

    @property
    def label(self) -> str:
        return self._label

    def summary(self, session: Session) -> dict[str, tuple[int, int]]:
        """How many rows of each kind the command adds and updates, against the plan as it is now."""
        result: dict[str, tuple[int, int]] = {}
        for kind, rows in self.tables.items():
            present = self._present_ids(session.connection(), table_of(kind), rows)
            result[kind] = (len(rows) - len(present), len(present))
        return result

    @staticmethod
    def _present_ids(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> set[str]:
        wanted = {row["id"] for row in rows}
        return {row_id for (row_id,) in connection.exec_driver_sql(f'SELECT id FROM "{table.name}"')
                if row_id in wanted}

    def _changes(self) -> Changes:
        ids = frozenset(row["id"] for rows in self.tables.values() for row in rows)
        return Changes(frozenset(self.tables), ids)

    def apply(self, session: Session) -> Changes:
        defer_foreign_keys(session)
        connection = session.connection()
        self._before, self._added = {}, {}
        for table in _plan_tables():
            kind = kind_of_table(table)
            rows = self.tables.get(kind)
            if not rows:
                continue
            names = [column.name for column in table.columns]
            present = self._present_ids(connection, table, rows)
            updated = [row for row in rows if row["id"] in present]
            added = [row for row in rows if row["id"] not in present]
            if updated:
                result = connection.exec_driver_sql(
                    f'SELECT * FROM "{table.name}" WHERE id IN ({", ".join("?" for _row in updated)})'
                    if len(updated) < 900 else f'SELECT * FROM "{table.name}"',
                    tuple(row["id"] for row in updated) if len(updated) < 900 else ())
                stored_names = [column[0] for column in result.cursor.description]
                self._before[table.name] = (stored_names, [tuple(row) for row in result
                                                           if row[stored_names.index("id")] in present])
                settings = ", ".join(f'"{name}" = ?' for name in names if name != "id")
                values = [(*bound[1:], bound[0]) for bound in
                          _bound_rows(connection, table, updated, ["id", *[n for n in names if n != "id"]])]
                connection.exec_driver_sql(f'UPDATE "{table.name}" SET {settings} WHERE id = ?', values)
            if added:
                quoted = ", ".join(f'"{name}"' for name in names)
                marks = ", ".join("?" for _name in names)
                connection.exec_driver_sql(f'INSERT INTO "{table.name}" ({quoted}) VALUES ({marks})',
                                           _bound_rows(connection, table, added, names))
                self._added[table.name] = [row["id"] for row in added]
        return self._changes()

    def revert(self, session: Session) -> Changes:
        defer_foreign_keys(session)
        connection = session.connection()
        # Updated rows first: one moved under an added row must be back under its old parent before that
        # parent goes (a cascade would take it along).
        for table_name, (names, rows) in self._before.items():
            settings = ", ".join(f'"{name}" = ?' for name in names if name != "id")
            position = names.index("id")
            values = [(*(value for index, value in enumerate(row) if index != position), row[position])
                      for row in rows]
            connection.exec_driver_sql(f'UPDATE "{table_name}" SET {settings} WHERE id = ?', values)
        for table in reversed(_plan_tables()):
            added = self._added.get(table.name)
            if added:
                connection.exec_driver_sql(f'DELETE FROM "{table.name}" WHERE id = ?', [(row_id,) for row_id in added])
        return self._changes()


def import_rows_command(session: Session, incoming: IncomingRows, report: ImportReport,
                        label: str) -> UpsertRowsCommand | None:
    """The command that adds and updates the incoming rows, or None when the check finds any problem (then the
    report lists them all and nothing changes)."""
    if not incoming.count():
        report.add(_("the file"), "", _("holds no rows to import."))
    checked = check_incoming(session, incoming, report)
    if not report.ok:
        return None
    return UpsertRowsCommand(checked, label)


def summary_counts(summary: dict[str, tuple[int, int]]) -> Counter[str]:
    """Rows by kind from a command summary (added + updated)."""
    return Counter({kind: added + updated for kind, (added, updated) in summary.items()})
