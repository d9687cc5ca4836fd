"""Making the open plan equal to an imported file, as one undoable command."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, delete
from sqlalchemy.orm import Session

from planner.commands.base import Changes, Command
from planner.commands.rows import defer_foreign_keys, kind_of_table
from planner.errors import PlannerError
from planner.i18n import _
from planner.interchange.report import ImportRejected, ImportReport
from planner.model import ENTITY_CLASSES, Base

IMPORT_MODES = ("replace",)
RawRows = dict[str, tuple[list[str], list[tuple[Any, ...]]]]


def _plan_tables() -> list[Any]:
    """The plan's tables, parents before children; not the history (change_log), which an import never clears:
    history is append-only (planner.history). The file's own entries are added to it (ReplacePlanCommand)."""
    return [table for table in Base.metadata.sorted_tables if table.name != "change_log"
            and any(cls.__table__ is table for cls in ENTITY_CLASSES.values())]


def _snapshot(connection: Connection) -> RawRows:
    """Every row of every plan table exactly as stored (no type conversion)."""
    snapshot: RawRows = {}
    for table in _plan_tables():
        result = connection.exec_driver_sql(f'SELECT * FROM "{table.name}"')
        snapshot[table.name] = ([column[0] for column in result.cursor.description], [tuple(r) for r in result])
    return snapshot


def _clear(session: Session) -> None:
    for table in reversed(_plan_tables()):
        session.execute(delete(table))


def _insert_rows(connection: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    """Insert checked rows (every column present, as read_plan_json gives them) in one executemany: each column's
    own bind conversion (months, decimals, JSON, ...) once per value, without the per-statement work of a Core
    insert — a 10,000-initiative plan is 115,000 rows."""
    columns = list(table.columns)
    processors = [column.type.bind_processor(connection.dialect) for column in columns]
    names = [column.name for column in columns]
    values = [tuple(value if process is None else process(value)
                    for process, value in zip(processors, (row.get(name) for name in names), strict=True))
              for row in rows]
    quoted = ", ".join(f'"{name}"' for name in names)
    marks = ", ".join("?" for _name in names)
    connection.exec_driver_sql(f'INSERT INTO "{table.name}" ({quoted}) VALUES ({marks})', values)


class ReplacePlanCommand(Command):
    """Replace every row of the plan by the rows of a file (the plan row too: one plan row, the file's);
    revert puts back every previous row exactly as it was stored. The history is not replaced: the file's
    entries that the plan does not hold yet are added to it, and revert takes only those away again."""

    def __init__(self, tables: dict[str, list[dict[str, Any]]], label: str | None = None) -> None:
        self.tables = tables
        self._label = label
        self._before: RawRows | None = None
        self._history_added: list[str] = []

    @property
    def label(self) -> str:
        return self._label or _("Import plan")

    @property
    def row_count(self) -> int:
        return sum(len(rows) for rows in self.tables.values())

    def _changes(self) -> Changes:
        return Changes(frozenset(ENTITY_CLASSES), frozenset())

    def apply(self, session: Session) -> Changes:
        self._before = _snapshot(session.connection())
        defer_foreign_keys(session)
        _clear(session)
        connection = session.connection()
        for table in _plan_tables():
            rows = self.tables.get(kind_of_table(table), [])
            if rows:
                _insert_rows(connection, table, rows)
        history = ENTITY_CLASSES["change_log"].__table__
        kept = {row_id for (row_id,) in connection.exec_driver_sql(f'SELECT id FROM "{history.name}"')}
        added = [row for row in self.tables.get("change_log", []) if row["id"] not in kept]
        if added:
            _insert_rows(connection, history, added)
        self._history_added = [row["id"] for row in added]
        return self._changes()

    def revert(self, session: Session) -> Changes:
        assert self._before is not None, "revert() before apply()"
        defer_foreign_keys(session)
        _clear(session)
        connection = session.connection()
        for table in _plan_tables():
            names, rows = self._before[table.name]
            if rows:
                quoted = ", ".join(f'"{name}"' for name in names)
                marks = ", ".join("?" for _name in names)
                connection.exec_driver_sql(f'INSERT INTO "{table.name}" ({quoted}) VALUES ({marks})', rows)
        if self._history_added:
            connection.exec_driver_sql('DELETE FROM "change_log" WHERE id = ?', [(row_id,) for row_id in self._history_added])
        return self._changes()


def import_plan_json_command(session: Session, tables: dict[str, list[dict[str, Any]]], *, mode: str = "replace",
                             report: ImportReport | None = None, source: str = "") -> ReplacePlanCommand:
    """The command that makes the open plan equal to the checked file (`tables` from read_plan_json).

    Refuses (ImportRejected) when the report has problems; nothing changes until the command is applied."""
    if mode not in IMPORT_MODES:
        raise PlannerError(_("Unknown import mode '{mode}'; use one of: {modes}.").format(
            mode=mode, modes=", ".join(IMPORT_MODES)))
    if report is not None and not report.ok:
        raise ImportRejected(source or _("the file"), report)
    if len(tables.get("plan", [])) != 1:
        raise PlannerError(_("The file must hold exactly one plan row, not {count}.").format(
            count=len(tables.get("plan", []))))
    return ReplacePlanCommand(tables)
