"""The plan's history: every command recorded as it is applied, undone or redone (who, when, what, before and
after), and the queries the history view and `cplan history` read.

How a record is made cheaply: each connection of an open plan carries temporary triggers (in SQLite's TEMP
schema, never in the file) that keep the old values of the first rows an edit updates or deletes. After the
command, record_edit() reads those old rows, the rows the command's Changes name (added or updated), and writes
one change_log row in the same transaction. Nothing is diffed across the whole plan; a command that touches
thousands of rows stops keeping old rows after a few hundred, so its record holds counts and the first rows.
"""

from __future__ import annotations

import getpass
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, event, insert, select
from sqlalchemy.orm import Session

from planner.i18n import _, format_month
from planner.model import ENTITY_CLASSES, Base, ChangeLogEntry, new_id, utc_now

if TYPE_CHECKING:
    from sqlalchemy import Table

    from planner.commands.base import Changes, Command

# Rows whose fields one entry lists; a larger command keeps the count of each kind and the first rows.
ROWS_PER_ENTRY = 200
# Longer texts are cut in the record (the plan itself keeps them whole).
VALUE_CHARACTERS = 2_000
# Why an entry was written: a command applied, undone, or redone.
ACTIONS = ("do", "undo", "redo")
# Columns that change with every edit and say nothing a reader needs.
UNLISTED_COLUMNS = frozenset({"id", "modified_at"})
# The history itself is never recorded.
UNRECORDED_TABLES = frozenset({"change_log"})

_CAPTURE_LIMIT = ROWS_PER_ENTRY + 50  # old rows the triggers keep for one edit
_STATE_TABLE = "cplan_capture"
_OLD_PREFIX = "cplan_old_"
_SQL_CHUNK = 500  # ids per IN (...) query


# -- who ----------------------------------------------------------------------------------------------------


def login_name() -> str:
    """The operating system's name for the user ("" when it cannot tell)."""
    try:
        return getpass.getuser().strip()
    except Exception:  # no login name on this system (getpass raises KeyError or OSError)
        return ""


def clean_author(name: str) -> str:
    """A name as the history keeps it: one line, at most 100 characters."""
    return " ".join(str(name).split())[:100]


# -- recording ----------------------------------------------------------------------------------------------


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _create_capture(dbapi_connection: Any, _record: Any) -> None:
    """The TEMP tables and triggers of one connection (gone when it closes; the file never holds them)."""
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"CREATE TEMP TABLE IF NOT EXISTS {_STATE_TABLE} (seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL)")
        present = {name for (name,) in cursor.execute("SELECT name FROM main.sqlite_master WHERE type = 'table'")}
        for name in Base.metadata.tables:
            if name in UNRECORDED_TABLES or name not in present:
                continue
            columns = [row[1] for row in cursor.execute(f"PRAGMA main.table_info({_quoted(name)})")]
            if "id" not in columns:
                continue
            shadow = _quoted(_OLD_PREFIX + name)
            column_list = ", ".join(_quoted(column) for column in columns)
            old_values = ", ".join("OLD." + _quoted(column) for column in columns)
            cursor.execute(f"CREATE TEMP TABLE IF NOT EXISTS {shadow} (cplan_seq INTEGER PRIMARY KEY, {column_list})")
            literal = "'" + name.replace("'", "''") + "'"
            for event_name in ("UPDATE", "DELETE"):
                trigger = _quoted(f"cplan_keep_{name}_{event_name.lower()}")
                cursor.execute(
                    f"CREATE TEMP TRIGGER IF NOT EXISTS {trigger} AFTER {event_name} ON main.{_quoted(name)} "
                    f"WHEN (SELECT count(*) FROM {_STATE_TABLE}) < {_CAPTURE_LIMIT} BEGIN "
                    f"INSERT INTO {_STATE_TABLE} (tbl) VALUES ({literal}); "
                    f"INSERT INTO {shadow} (cplan_seq, {column_list}) VALUES (last_insert_rowid(), {old_values}); "
                    "END")
    finally:
        cursor.close()


def install_change_capture(engine: Engine) -> None:
    """Give every connection `engine` opens the triggers that keep old values for record_edit (call before the
    engine's first connection)."""
    event.listen(engine, "connect", _create_capture)


def _capture_installed(connection: Connection) -> bool:
    return connection.exec_driver_sql(
        "SELECT count(*) FROM sqlite_temp_master WHERE type = 'table' AND name = ?", (_STATE_TABLE,)).scalar_one() > 0


def begin_capture(session: Session) -> None:
    """Forget old rows kept by writes that were not commands (call at the start of an edit's transaction)."""
    connection = session.connection()
    if _capture_installed(connection):
        _clear_capture(connection)


def _clear_capture(connection: Connection) -> None:
    tables = [name for (name,) in connection.exec_driver_sql(f"SELECT DISTINCT tbl FROM {_STATE_TABLE}")]
    for name in tables:
        connection.exec_driver_sql(f"DELETE FROM temp.{_quoted(_OLD_PREFIX + name)}")
    if tables:
        connection.exec_driver_sql(f"DELETE FROM temp.{_STATE_TABLE}")


def command_name(command: Command) -> str:
    """A stable name for a kind of command: UpdateRow → update_row, ReplacePlanCommand → replace_plan."""
    name = type(command).__name__
    name = re.sub(r"Command$", "", name) or name
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def entry_summary(label: str, action: str) -> str:
    """What the history says an entry did: the command's label, or "Undo: …" / "Redo: …"."""
    if action == "undo":
        return _("Undo: {action}").format(action=label)
    if action == "redo":
        return _("Redo: {action}").format(action=label)
    return label


def record_edit(session: Session, command: Command, changes: Changes, action: str, author: str) -> None:
    """Write the change_log row of `command` just applied ("do", "redo") or reverted ("undo") in `session`'s
    transaction: one row for every apply, undo and redo, also when nothing in the plan changed."""
    if action not in ACTIONS:
        raise ValueError(f"unknown history action {action!r}")
    connection = session.connection()
    installed = _capture_installed(connection)
    details = _details(connection, changes, installed)
    if installed:
        _clear_capture(connection)
    details["action"] = action
    _write_entry(session, command, action, author, details)


def _write_entry(session: Session, command: Command, action: str, author: str, details: dict[str, Any], *,
                 entry_id: str | None = None, at: datetime | None = None) -> None:
    """The change_log row of one edit (record_edit's and record_team_edit's one writer)."""
    now = at or utc_now()
    session.execute(insert(ChangeLogEntry.__table__).values(
        id=entry_id or new_id(), modified_at=now, at=now, author=clean_author(author), command=command_name(command),
        summary=entry_summary(command.label, action), details=details))


@dataclass(frozen=True)
class TouchedRow:
    """One row a team-plan edit touched, as PostgreSQL's to_jsonb wrote it before and after (None: the row did
    not exist then). Server-only columns (row versions) are ignored."""

    kind: str
    id: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None


def record_team_edit(session: Session, command: Command, changes: Changes, action: str, author: str,
                     rows: Iterable[TouchedRow], *, entry_id: str | None = None, at: datetime | None = None) -> None:
    """Write the change_log row of `command` just applied, undone or redone on a team plan (PostgreSQL), in
    `session`'s transaction: the same entry record_edit writes for a file, built from the rows the server's
    trigger noted. `entry_id` (the edit's own id) lets a retry find out whether the edit was already committed."""
    if action not in ACTIONS:
        raise ValueError(f"unknown history action {action!r}")
    records: list[dict[str, Any]] = []
    counts: Counter[str] = Counter()
    truncated = False
    for row in rows:
        if row.kind in UNRECORDED_TABLES or row.kind not in Base.metadata.tables:
            continue
        columns = Base.metadata.tables[row.kind].columns
        before = None if row.before is None else {name: value for name, value in row.before.items() if name in columns}
        after = None if row.after is None else {name: value for name, value in row.after.items() if name in columns}
        record = _row_record(row.kind, row.id, before, after, value_of=json_row_value)
        if record is None:
            continue
        counts[row.kind] += 1
        if len(records) < ROWS_PER_ENTRY:
            records.append(record)
        else:
            truncated = True
    order = _table_order()
    records.sort(key=lambda record: order.get(record["kind"], len(order)))
    recorded_kinds = {kind for kind in changes.kinds if kind in ENTITY_CLASSES and kind not in UNRECORDED_TABLES}
    kinds = sorted({record["kind"] for record in records} | set(counts) | (recorded_kinds if not counts else set()))
    details: dict[str, Any] = {"kinds": kinds, "rows": records, "counts": dict(sorted(counts.items())),
                               "total_rows": sum(counts.values()), "truncated": truncated, "action": action}
    _write_entry(session, command, action, author, details, entry_id=entry_id, at=at)


# -- what an edit changed -------------------------------------------------------------------------------------


@cache
def _sqlite_dialect() -> Any:
    from sqlalchemy.dialects import sqlite

    return sqlite.dialect()


@cache
def _converters(table_name: str) -> dict[str, Callable[[Any], Any]]:
    """Per column: stored value → the JSON form the plan's JSON file uses (months '2027-03', decimals as text)."""
    from planner.interchange.plan_json import ENCODERS, value_form

    table = Base.metadata.tables[table_name]
    dialect = _sqlite_dialect()
    converters: dict[str, Callable[[Any], Any]] = {}
    for column in table.columns:
        process = column.type.dialect_impl(dialect).result_processor(dialect, None)
        try:
            encode = ENCODERS.get(value_form(column))
        except TypeError:
            encode = None
        converters[column.name] = _converter(process, encode)
    return converters


def _converter(process: Callable[[Any], Any] | None, encode: Callable[[Any], Any] | None) -> Callable[[Any], Any]:
    def convert(raw: Any) -> Any:
        value = process(raw) if process is not None else raw
        return encode(value) if encode is not None and value is not None else value

    return convert


def _json_value(table_name: str, column: str, raw: Any) -> Any:
    """A stored value in a JSON-safe form, long texts cut; a value the column cannot read is kept as text."""
    if raw is None:
        return None
    if isinstance(raw, bytes):
        return raw.hex()[:VALUE_CHARACTERS]
    convert = _converters(table_name).get(column)
    try:
        value = convert(raw) if convert is not None else raw
    except Exception:  # a stored value the column type cannot read (a damaged or hand-edited file)
        value = raw if isinstance(raw, (int, float)) else str(raw)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return _cut_value(value)


def _cut_value(value: Any) -> Any:
    """A long text, or a list or mapping whose JSON is long, cut to VALUE_CHARACTERS with an ellipsis (the
    history keeps what a person reads, not whole documents)."""
    if isinstance(value, str) and len(value) > VALUE_CHARACTERS:
        return value[:VALUE_CHARACTERS] + "…"
    if isinstance(value, (list, dict)):
        text = json.dumps(value, ensure_ascii=False)
        if len(text) > VALUE_CHARACTERS:
            return text[:VALUE_CHARACTERS] + "…"
    return value


@cache
def _json_row_forms(table_name: str) -> dict[str, str]:
    """Per column: how the plan's JSON file writes its values (planner.interchange.plan_json.value_form)."""
    from planner.interchange.plan_json import value_form

    forms: dict[str, str] = {}
    for column in Base.metadata.tables[table_name].columns:
        try:
            forms[column.name] = value_form(column)
        except TypeError:
            forms[column.name] = "text"
    return forms


def json_row_value(kind: str, name: str, raw: Any) -> Any:
    """A value as PostgreSQL's to_jsonb writes it (a team plan's row) in the form the history keeps: months
    '2027-03', decimals as text, times in ISO form, long texts cut — the same form record_edit gives a file's."""
    from planner.interchange.plan_json import ENCODERS
    from planner.months import YearMonth

    if raw is None:
        return None
    form = _json_row_forms(kind).get(name, "text") if kind in Base.metadata.tables else "text"
    value = raw
    try:
        if form == "month" and isinstance(raw, int) and not isinstance(raw, bool):
            value = ENCODERS["month"](YearMonth.from_index(raw))
        elif form == "decimal":
            value = str(raw)
        elif form == "datetime" and isinstance(raw, str):
            value = datetime.fromisoformat(raw).isoformat()
        elif form == "bool" and isinstance(raw, int):
            value = bool(raw)
    except (ValueError, TypeError, OverflowError):  # a value the column's form cannot read: kept as it is
        value = raw
    return _cut_value(value)


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def row_label(kind: str, values: dict[str, Any]) -> str:
    """A short name for a row as the history shows it: 'A-01 Title', a name, a title, a year, or ''."""
    if kind == "initiative":
        return f"{values.get('code') or ''} {values.get('title') or ''}".strip()
    if kind in ("field", "strategy") and values.get("code"):
        return f"{values.get('code')} {values.get('name') or ''}".strip()
    for key in ("title", "name", "key", "code"):
        if values.get(key):
            return str(values[key])
    for key in ("body", "text"):
        if values.get(key):
            text = " ".join(str(values[key]).split())
            return text if len(text) <= 40 else text[:39] + "…"
    if values.get("fiscal_year"):
        return " ".join(str(values[key]) for key in ("fiscal_year", "source") if values.get(key))
    if values.get("year"):
        return str(values["year"])
    return ""


def _raw_rows(connection: Connection, table_name: str, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """The stored rows with these ids, as stored (no conversion), by id."""
    found: dict[str, dict[str, Any]] = {}
    for start in range(0, len(ids), _SQL_CHUNK):
        chunk = list(ids[start:start + _SQL_CHUNK])
        result = connection.exec_driver_sql(
            f"SELECT * FROM main.{_quoted(table_name)} WHERE id IN ({', '.join('?' for _id in chunk)})", tuple(chunk))
        names = [column[0] for column in result.cursor.description]
        for row in result:
            values = dict(zip(names, row, strict=True))
            found[values["id"]] = values
    return found


def _row_record(kind: str, row_id: str, before: dict[str, Any] | None,
                after: dict[str, Any] | None,
                value_of: Callable[[str, str, Any], Any] | None = None) -> dict[str, Any] | None:
    """One row of an entry: its kind, id, name, what happened, and each changed field as [before, after]
    (None when the row was touched but no listed field changed). `value_of` turns a value as the rows hold it
    into the record's form (default: a value as SQLite stores it)."""
    value_of = value_of or _json_value
    names = [name for name in (after or before or {}) if name not in UNLISTED_COLUMNS]
    fields: dict[str, list[Any]] = {}
    for name in names:
        old = before.get(name) if before is not None else None
        new = after.get(name) if after is not None else None
        if before is not None and after is not None and old == new:
            continue
        if (before is None and _empty(new)) or (after is None and _empty(old)):
            continue
        fields[name] = [value_of(kind, name, old), value_of(kind, name, new)]
    change = "added" if before is None else "deleted" if after is None else "updated"
    if change == "updated" and not fields:
        return None
    shown = {name: value_of(kind, name, value) for name, value in (after or before or {}).items()
             if name in ("code", "title", "name", "key", "body", "text", "fiscal_year", "source", "year")}
    return {"kind": kind, "id": row_id, "label": row_label(kind, shown), "change": change, "fields": fields}


def _details(connection: Connection, changes: Changes, installed: bool) -> dict[str, Any]:
    """What the command changed, as the entry's details; a command that changed no listed field gets an entry
    with no rows (its kinds from its Changes), so the history has an entry for every undo step."""
    captured: list[tuple[str, int, dict[str, Any]]] = []  # (table, order, old row) in the order they were changed
    firings = 0
    if installed:
        for (table_name,) in connection.exec_driver_sql(f"SELECT DISTINCT tbl FROM {_STATE_TABLE}").fetchall():
            result = connection.exec_driver_sql(f"SELECT * FROM temp.{_quoted(_OLD_PREFIX + table_name)}")
            names = [column[0] for column in result.cursor.description]
            for row in result:
                values = dict(zip(names, row, strict=True))
                captured.append((table_name, int(values.pop("cplan_seq")), values))
        captured.sort(key=lambda item: item[1])
        firings = len(captured)
    truncated = firings >= _CAPTURE_LIMIT
    first_old: dict[tuple[str, str], dict[str, Any]] = {}
    for table_name, _seq, values in captured:
        first_old.setdefault((table_name, values["id"]), values)

    records: list[dict[str, Any]] = []
    counts: Counter[str] = Counter()
    located: set[str] = set()
    by_table: dict[str, list[str]] = {}
    for table_name, row_id in first_old:
        by_table.setdefault(table_name, []).append(row_id)
    current = {table_name: _raw_rows(connection, table_name, ids) for table_name, ids in by_table.items()}
    for (table_name, row_id), before in first_old.items():
        located.add(row_id)
        record = _row_record(table_name, row_id, before, current[table_name].get(row_id))
        if record is None:
            continue
        counts[table_name] += 1
        if len(records) < ROWS_PER_ENTRY:
            records.append(record)
        else:
            truncated = True

    recorded_kinds = sorted(kind for kind in changes.kinds if kind in ENTITY_CLASSES and kind not in UNRECORDED_TABLES
                            and ENTITY_CLASSES[kind].__table__.name in Base.metadata.tables)
    whole_plan = bool(changes.kinds) and not changes.ids and len(recorded_kinds) > 1
    plan_rows: dict[str, int] = {}
    if whole_plan:  # the command replaced whole tables (an import): every row now in them is new or kept
        for kind in recorded_kinds:
            table_name = ENTITY_CLASSES[kind].__table__.name
            plan_rows[kind] = connection.exec_driver_sql(f"SELECT count(*) FROM main.{_quoted(table_name)}").scalar_one()
            if truncated or not plan_rows[kind]:
                continue
            result = connection.exec_driver_sql(f"SELECT * FROM main.{_quoted(table_name)}")
            names = [column[0] for column in result.cursor.description]
            for row in result:
                after = dict(zip(names, row, strict=True))
                if after["id"] in located:
                    continue
                located.add(after["id"])
                counts[kind] += 1
                if len(records) < ROWS_PER_ENTRY:
                    record = _row_record(kind, after["id"], None, after)
                    if record is not None:
                        records.append(record)
                else:
                    truncated = True
                    break
    else:
        remaining = [row_id for row_id in changes.ids if row_id not in located]
        for kind in recorded_kinds:
            if not remaining:
                break
            table_name = ENTITY_CLASSES[kind].__table__.name
            if truncated:  # old values were not all kept: count the rows, do not guess what happened to them
                present = _present_ids(connection, table_name, remaining)
                counts[kind] += len(present)
            else:
                rows = _raw_rows(connection, table_name, remaining)
                present = set(rows)
                for row_id in sorted(present):
                    counts[kind] += 1
                    if len(records) < ROWS_PER_ENTRY:
                        record = _row_record(kind, row_id, None, rows[row_id])
                        if record is not None:
                            records.append(record)
                    else:
                        truncated = True
            remaining = [row_id for row_id in remaining if row_id not in present]
        if truncated and remaining:
            counts["?"] += len(remaining)  # gone after the command, and their old values were not kept
    order = _table_order()
    records.sort(key=lambda record: order.get(record["kind"], len(order)))  # parents first: the item, then its parts
    kinds = sorted({record["kind"] for record in records} | {kind for kind, count in counts.items() if count and kind != "?"}
                   | (set(recorded_kinds) if whole_plan or not counts else set()))
    details: dict[str, Any] = {"kinds": kinds, "rows": records, "counts": dict(sorted(counts.items())),
                               "total_rows": sum(counts.values()), "truncated": truncated}
    if whole_plan:
        details["whole_plan"] = True
        details["plan_rows"] = plan_rows
    return details


@cache
def _table_order() -> dict[str, int]:
    """Parents before children (foreign keys), and comments and sticky notes (which refer to any item without
    a foreign key) after everything."""
    from planner.commands.rows import GENERIC_REFERENCES

    last = {kind for kind, _column in GENERIC_REFERENCES}
    tables = [table.name for table in Base.metadata.sorted_tables]
    return {name: index for index, name in enumerate([*(t for t in tables if t not in last),
                                                      *(t for t in tables if t in last)])}


def _present_ids(connection: Connection, table_name: str, ids: Sequence[str]) -> set[str]:
    present: set[str] = set()
    for start in range(0, len(ids), _SQL_CHUNK):
        chunk = tuple(ids[start:start + _SQL_CHUNK])
        present.update(row_id for (row_id,) in connection.exec_driver_sql(
            f"SELECT id FROM main.{_quoted(table_name)} WHERE id IN ({', '.join('?' for _id in chunk)})", chunk))
    return present


# -- reading the history ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldChange:
    """One field of a row: its value before and after (JSON forms; None when the row did not exist)."""

    name: str
    before: Any
    after: Any


@dataclass(frozen=True)
class RowChange:
    """One row an entry changed: added, updated or deleted."""

    kind: str
    id: str
    label: str
    change: str  # "added", "updated" or "deleted"
    fields: tuple[FieldChange, ...]


@dataclass(frozen=True)
class HistoryEntry:
    """One recorded command: who, when (UTC), what, and the rows it changed (the first ROWS_PER_ENTRY)."""

    id: str
    at: datetime  # UTC, without a zone (as SQLite keeps it)
    author: str
    command: str
    summary: str
    action: str  # "do", "undo" or "redo"
    kinds: tuple[str, ...]
    rows: tuple[RowChange, ...]
    counts: dict[str, int] = field(default_factory=dict)  # rows changed per kind ("?" for rows of unknown kind)
    total_rows: int = 0
    truncated: bool = False  # more rows changed than the entry lists
    whole_plan: bool = False  # the command replaced the whole plan (an import)
    plan_rows: dict[str, int] = field(default_factory=dict)  # rows per kind after a whole-plan replacement

    @property
    def local_time(self) -> datetime:
        """When, in the computer's time zone."""
        return self.at.replace(tzinfo=UTC).astimezone()

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "at": self.at.replace(tzinfo=UTC).isoformat(), "author": self.author,
            "command": self.command, "summary": self.summary, "action": self.action, "kinds": list(self.kinds),
            "counts": dict(self.counts), "total_rows": self.total_rows, "truncated": self.truncated,
            "whole_plan": self.whole_plan, "plan_rows": dict(self.plan_rows),
            "rows": [{"kind": row.kind, "id": row.id, "label": row.label, "change": row.change,
                      "fields": {change.name: {"before": change.before, "after": change.after}
                                 for change in row.fields}} for row in self.rows],
        }


@dataclass(frozen=True)
class HistoryFilters:
    """Which entries to list: by author, kind of item, text in what they say, and a time range (UTC)."""

    author: str | None = None
    kind: str | None = None
    text: str = ""
    since: datetime | None = None  # inclusive, UTC without a zone
    until: datetime | None = None  # exclusive, UTC without a zone
    limit: int | None = None  # the newest this many


def local_day_start(day: date) -> datetime:
    """The first moment of a day in the computer's time zone, as UTC without a zone (for HistoryFilters)."""
    return datetime.combine(day, time.min).astimezone().astimezone(UTC).replace(tzinfo=None)


def local_day_end(day: date) -> datetime:
    """The first moment after a day in the computer's time zone, as UTC without a zone (an exclusive bound)."""
    return local_day_start(day + timedelta(days=1))


def _entry(row: Any) -> HistoryEntry:
    details = row.details if isinstance(row.details, dict) else {}
    rows: list[RowChange] = []
    items = details.get("rows")
    for item in items if isinstance(items, list) else ():
        if not isinstance(item, dict):
            continue
        fields = item.get("fields") if isinstance(item.get("fields"), dict) else {}
        rows.append(RowChange(
            kind=str(item.get("kind", "")), id=str(item.get("id", "")), label=str(item.get("label") or ""),
            change=str(item.get("change", "")),
            fields=tuple(FieldChange(str(name), *(pair if isinstance(pair, list) and len(pair) == 2 else (None, pair)))
                         for name, pair in fields.items())))
    counts = details.get("counts") if isinstance(details.get("counts"), dict) else {}
    plan_rows = details.get("plan_rows") if isinstance(details.get("plan_rows"), dict) else {}
    kinds = details.get("kinds")
    return HistoryEntry(
        id=row.id, at=row.at, author=row.author or "", command=row.command or "", summary=row.summary or "",
        action=str(details.get("action", "do")), kinds=tuple(str(kind) for kind in kinds) if isinstance(kinds, list) else (),
        rows=tuple(rows), counts={str(k): int(v) for k, v in counts.items() if isinstance(v, int)},
        total_rows=int(details.get("total_rows") or 0), truncated=bool(details.get("truncated")),
        whole_plan=bool(details.get("whole_plan")),
        plan_rows={str(k): int(v) for k, v in plan_rows.items() if isinstance(v, int)})


def _matches_text(entry: HistoryEntry, needle: str) -> bool:
    haystack = [entry.summary, entry.author, *(row.label for row in entry.rows)]
    haystack += [str(value) for row in entry.rows for change in row.fields
                 for value in (change.before, change.after) if isinstance(value, str)]
    return any(needle in text.casefold() for text in haystack)


def history_entries(session: Session, filters: HistoryFilters | None = None) -> list[HistoryEntry]:
    """The recorded entries that pass `filters`, newest first."""
    filters = filters or HistoryFilters()
    table = ChangeLogEntry.__table__
    query = select(table.c.id, table.c.at, table.c.author, table.c.command, table.c.summary, table.c.details)
    if filters.author is not None:
        query = query.where(table.c.author == filters.author)
    if filters.since is not None:
        query = query.where(table.c.at >= filters.since)
    if filters.until is not None:
        query = query.where(table.c.at < filters.until)
    if filters.kind:
        query = query.where(table.c.details.cast(_text_type()).like(f'%"{filters.kind}"%'))
    query = query.order_by(table.c.at.desc(), _insertion_order(session, table).desc())
    needle = filters.text.strip().casefold()
    entries: list[HistoryEntry] = []
    for row in session.execute(query):
        entry = _entry(row)
        if filters.kind and filters.kind not in entry.kinds:
            continue
        if needle and not _matches_text(entry, needle):
            continue
        entries.append(entry)
        if filters.limit is not None and len(entries) >= filters.limit:
            break
    return entries


def _text_type() -> Any:
    from sqlalchemy import Text

    return Text()


def _rowid(table: Table) -> Any:
    from sqlalchemy import literal_column

    return literal_column(f"{_quoted(table.name)}.rowid")


def _insertion_order(session: Session, table: Table) -> Any:
    """Which of two entries made at the same moment came later: SQLite's rowid; on a team plan's server the
    row version its trigger stamps (planner.team.schema), which grows with every insert."""
    from sqlalchemy import literal_column

    if session.get_bind().dialect.name == "postgresql":
        return literal_column(f"{_quoted(table.name)}.cplan_version")
    return _rowid(table)


def history_authors(session: Session) -> list[str]:
    """Everyone who has an entry in the history, by name."""
    table = ChangeLogEntry.__table__
    return sorted({author for (author,) in session.execute(select(table.c.author).distinct())},
                  key=lambda name: (name == "", name.casefold()))


def history_count(session: Session) -> int:
    from sqlalchemy import func

    return session.execute(select(func.count()).select_from(ChangeLogEntry.__table__)).scalar_one()


# -- describing an entry ------------------------------------------------------------------------------------

# The kinds of item the history view offers as a filter, in this order.
FILTER_KINDS = ("plan", "narrative_section", "field", "strategy", "initiative", "milestone", "dependency",
                "stakeholder", "stakeholder_relation", "raci_role", "budget_line", "budget_total", "funding_rule",
                "kpi", "kpi_target", "risk", "checklist_answer", "comment", "sticky_note", "baseline",
                "stakeholder_snapshot", "presentation_slide", "workshop_rating", "workshop_round")

def kind_label(kind: str) -> str:
    """A kind of item in words ('initiative' → 'Initiative'), translated."""
    from planner.commands.rows import KIND_LABELS

    if kind == "?":
        return _("other items")
    text = _(KIND_LABELS.get(kind, kind.replace("_", " ")))
    return text[:1].upper() + text[1:]


def change_label(change: str) -> str:
    return {"added": _("added"), "updated": _("changed"), "deleted": _("deleted")}.get(change, change)


@cache
def _foreign_key_kinds() -> dict[tuple[str, str], str]:
    """(kind, column) → the kind of item the column refers to, from the tables' foreign keys."""
    kinds: dict[tuple[str, str], str] = {}
    for table in Base.metadata.tables.values():
        for column in table.columns:
            for key in column.foreign_keys:
                kinds[(table.name, column.name)] = key.column.table.name
    return kinds


def _reference_kind(kind: str, name: str) -> str | None:
    """The kind of item a field refers to (None for a field that holds no reference)."""
    from planner.model.attributes import ATTRIBUTES

    for spec in ATTRIBUTES.get(kind, ()):
        if spec.name == name and spec.kind == "ref" and spec.ref_kind:
            return spec.ref_kind
    referred = _foreign_key_kinds().get((kind, name))
    if referred is None and name.endswith("_id") and name[:-3] in ENTITY_CLASSES:
        referred = name[:-3]  # a snapshot's copy of an id (baseline entries keep their initiative's)
    return referred


def field_label(kind: str, name: str) -> str:
    """A field's label from the inspector's specs (planner.model.attributes), else its name in words."""
    from planner.model.attributes import ATTRIBUTES

    for spec in ATTRIBUTES.get(kind, ()):
        if spec.name == name:
            return _(spec.label)
    known = {"position": _("Position"), "created_at": _("Created"), "resolved": _("Resolved"),
             "target_kind": _("Kind of item"), "target_id": _("Item"), "parent_id": _("Replies to"),
             "author": _("Author")}
    if name in known:
        return known[name]
    referred = _reference_kind(kind, name)
    return kind_label(referred) if referred else name.replace("_", " ")


def value_text(kind: str, name: str, value: Any, references: dict[str, str] | None = None) -> str:
    """A recorded value as a reader wants it: choices by label, months and money as the interface writes them,
    references by the name of the item (when it is still in the plan)."""
    from planner.model.attributes import ATTRIBUTES

    if value is None:
        return ""
    if isinstance(value, str) and (name == "target_id" or _reference_kind(kind, name)):
        return (references or {}).get(value) or value[:8]
    spec = next((spec for spec in ATTRIBUTES.get(kind, ()) if spec.name == name), None)
    if spec is not None:
        if spec.kind == "choice" and spec.choices and value in spec.choices:
            return _(spec.choices[value])
        if spec.kind == "month" and isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}", value):
            return format_month(int(value[:4]), int(value[5:]))
        if spec.kind == "money" and isinstance(value, int):
            return f"{value:,}"
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    if name in ("at", "created_at") and isinstance(value, str):
        try:
            return datetime.fromisoformat(value).replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")
        except ValueError:
            return value
    return " ".join(str(value).split()) if isinstance(value, str) and "\n" in value else str(value)


def reference_labels(session: Session, entries: Iterable[HistoryEntry]) -> dict[str, str]:
    """Names of the items the entries' reference fields point to that are still in the plan, by id."""
    wanted: dict[str, set[str]] = {}
    for entry in entries:
        for row in entry.rows:
            values = {change.name: change.after if change.after is not None else change.before for change in row.fields}
            if isinstance(values.get("target_kind"), str) and isinstance(values.get("target_id"), str):
                wanted.setdefault(values["target_kind"], set()).add(values["target_id"])
            for change in row.fields:
                referred = _reference_kind(row.kind, change.name)
                if referred is None:
                    continue
                for value in (change.before, change.after):
                    if isinstance(value, str):
                        wanted.setdefault(referred, set()).add(value)
    labels: dict[str, str] = {}
    for kind, ids in wanted.items():
        if kind not in ENTITY_CLASSES:
            continue
        table = ENTITY_CLASSES[kind].__table__
        id_list = sorted(ids)
        for start in range(0, len(id_list), _SQL_CHUNK):
            chunk = id_list[start:start + _SQL_CHUNK]
            for row in session.execute(select(table).where(table.c.id.in_(chunk))).mappings():
                labels[row["id"]] = row_label(kind, dict(row)) or row["id"][:8]
    return labels


@dataclass(frozen=True)
class RowDescription:
    """One changed row in words: 'Initiative', 'A-01 Title', 'changed', and (field, before, after) texts."""

    kind: str
    kind_label: str
    label: str
    change: str
    change_label: str
    fields: tuple[tuple[str, str, str], ...]


def describe_entry(entry: HistoryEntry, references: dict[str, str] | None = None) -> list[RowDescription]:
    """The rows of an entry in readable words (labels from planner.model.attributes, values as shown in the app)."""
    return [RowDescription(
        kind=row.kind, kind_label=kind_label(row.kind), label=row.label, change=row.change,
        change_label=change_label(row.change),
        fields=tuple((field_label(row.kind, change.name), value_text(row.kind, change.name, change.before, references),
                      value_text(row.kind, change.name, change.after, references)) for change in row.fields))
        for row in entry.rows]


def items_text(entry: HistoryEntry) -> str:
    """What an entry changed: the item when it is one ('Initiative · A-01 Title'), else how many of each kind
    ('Initiative 3, Budget line 12'), or the plan's rows after a whole-plan replacement."""
    counts = entry.plan_rows if entry.whole_plan else entry.counts
    if not entry.whole_plan and entry.total_rows == 1 and len(entry.rows) == 1 and entry.rows[0].label:
        return f"{kind_label(entry.rows[0].kind)} · {entry.rows[0].label}"
    parts = [f"{kind_label(kind)} {count:,}" for kind, count in sorted(counts.items(), key=lambda item: -item[1])
             if count]
    if entry.whole_plan:
        return _("Whole plan: {items}").format(items=", ".join(parts[:4]) or "-")
    if len(parts) > 3:
        parts = [*parts[:3], "…"]
    return ", ".join(parts)


def omitted_note(entry: HistoryEntry) -> str:
    """The note under an entry's rows when they are not all listed, or when there are none ("" otherwise)."""
    if not entry.rows and not entry.whole_plan and not entry.counts:
        return _("No field of the plan changed.")
    if not entry.truncated:
        return ""
    if entry.whole_plan:
        return _("The whole plan was replaced; this entry lists the first {shown} changed rows it kept.").format(
            shown=len(entry.rows))
    return _("This entry lists the first {shown} of {total} changed rows; the counts cover them all.").format(
        shown=len(entry.rows), total=f"{max(entry.total_rows, len(entry.rows)):,}")


def author_text(author: str) -> str:
    return author or _("(unknown)")


__all__ = [
    "ACTIONS",
    "FILTER_KINDS",
    "ROWS_PER_ENTRY",
    "FieldChange",
    "HistoryEntry",
    "HistoryFilters",
    "RowChange",
    "RowDescription",
    "TouchedRow",
    "author_text",
    "begin_capture",
    "clean_author",
    "command_name",
    "describe_entry",
    "field_label",
    "history_authors",
    "history_count",
    "history_entries",
    "install_change_capture",
    "items_text",
    "json_row_value",
    "kind_label",
    "local_day_end",
    "local_day_start",
    "login_name",
    "omitted_note",
    "record_edit",
    "record_team_edit",
    "reference_labels",
    "row_label",
    "value_text",
]
