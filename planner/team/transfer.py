"""Publishing a plan file to a team database and checking the team plan out as a plan file, whole or not at all."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import JSON, BigInteger, Connection, Integer, String, Table, insert, select, text, update
from sqlalchemy.orm import Session
from sqlalchemy.types import TypeDecorator

from planner.commands.rows import KIND_LABELS, kind_of_table
from planner.i18n import _
from planner.model import DecimalText
from planner.team.connection import ServerAddress, ServerError, make_server_engine, server_errors
from planner.team.schema import AUTHOR_SETTING, plan_tables, require_team_database, team_info

Rows = dict[str, list[dict[str, Any]]]
INT32_RANGE = (-(2**31), 2**31 - 1)
INT64_RANGE = (-(2**63), 2**63 - 1)
PROBLEMS_SHOWN = 10
INSERT_CHUNK = 2_000


@dataclass(frozen=True)
class TransferResult:
    """What a publish or checkout moved: the plan's id and title, and how many rows of each kind."""

    plan_id: str
    title: str
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def initiatives(self) -> int:
        return self.counts.get("initiative", 0)


def _read_rows(connection: Connection) -> Rows:
    rows: Rows = {}
    for table in plan_tables():
        rows[kind_of_table(table)] = [dict(row) for row in connection.execute(select(table)).mappings()]
    return rows


def _insert_rows(connection: Connection, rows: Rows) -> None:
    for table in plan_tables():
        found = rows.get(kind_of_table(table), [])
        for start in range(0, len(found), INSERT_CHUNK):
            connection.execute(insert(table), found[start:start + INSERT_CHUNK])


def _row_label(row: dict[str, Any]) -> str:
    for name in ("code", "title", "name", "key"):
        value = row.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()[:40]
    return str(row.get("id", ""))


def _value_problem(table: Table, column_name: str, value: Any) -> str | None:
    column_type = table.c[column_name].type
    stored = column_type.impl_instance if isinstance(column_type, TypeDecorator) else column_type
    if isinstance(column_type, DecimalText) and value is not None:
        value = str(value)  # stored as its text
    if isinstance(value, str):
        if "\x00" in value:
            return _("holds a NUL character, which PostgreSQL cannot store.")
        limit = getattr(stored, "length", None)
        if isinstance(stored, String) and limit is not None and len(value) > limit:
            return _("is {length} characters long; the server allows at most {limit}.").format(
                length=len(value), limit=limit)
    elif isinstance(value, int) and not isinstance(value, bool):
        bounds = INT64_RANGE if isinstance(stored, BigInteger) else INT32_RANGE if isinstance(stored, Integer) else None
        if bounds is not None and not bounds[0] <= value <= bounds[1]:
            return _("is too large a number for the server.")
    if isinstance(column_type, JSON) and value is not None and "\\u0000" in json.dumps(value):
        return _("holds a NUL character, which PostgreSQL cannot store.")
    return None


def server_problems(rows: Rows) -> list[str]:
    """Values a plan file may hold that PostgreSQL refuses (NUL characters, texts longer than their column,
    whole numbers beyond 32 bits): every one, named by kind, row and field."""
    problems: list[str] = []
    for table in plan_tables():
        kind = kind_of_table(table)
        for row in rows.get(kind, []):
            for name, value in row.items():
                problem = _value_problem(table, name, value)
                if problem:
                    problems.append(_("{kind} {label}, field {field}: {problem}").format(
                        kind=_(KIND_LABELS.get(kind, kind)), label=_row_label(row), field=name, problem=problem))
    return problems


def _refuse_problems(problems: list[str], file: Path) -> None:
    if not problems:
        return
    shown = "; ".join(problems[:PROBLEMS_SHOWN])
    more = len(problems) - PROBLEMS_SHOWN
    extra = " " + _("(and {count} more)").format(count=more) if more > 0 else ""
    raise ServerError(_("{file} cannot be published; nothing was changed on the server: {problems}{more}").format(
        file=file.name, problems=shown, more=extra))


def _single_plan(rows: Rows, where: str) -> dict[str, Any]:
    plans = rows.get("plan", [])
    if len(plans) != 1:
        raise ServerError(_("{source} must hold exactly one plan, not {count}.").format(source=where, count=len(plans)))
    return plans[0]


def _counts(rows: Rows) -> dict[str, int]:
    return {kind: len(found) for kind, found in rows.items() if found}


def read_plan_file_rows(path: Path) -> Rows:
    """Every row of a plan file with its stored values, read as the app opens it (validated, migrated)."""
    from planner.cli import opened_plan

    with opened_plan(path, read_only=True) as document, document.session() as session:
        return _read_rows(session.connection())


def publish_plan(path: Path, address: ServerAddress, *, replace: bool = False, author: str = "") -> TransferResult:
    """Upload the plan file at `path` to the team database in one transaction.

    Refused (ServerError, nothing changed) when the database already holds a plan and `replace` is False, when
    it is not set up, or when a value of the file does not fit PostgreSQL."""
    path = Path(path)
    rows = read_plan_file_rows(path)
    plan = _single_plan(rows, path.name)
    _refuse_problems(server_problems(rows), path)
    engine = make_server_engine(address)
    try:
        with server_errors(address), engine.begin() as connection:
            info = require_team_database(connection, address.database)
            held = connection.execute(text('SELECT id, title FROM "plan"')).first()
            if held is not None and not replace:
                raise ServerError(_("The database {database} already holds the plan “{title}” (published by {who}); "
                                    "add --replace to replace it.").format(
                                        database=address.database, title=held.title, who=info.published_by or "?"))
            connection.execute(text("SELECT set_config(:name, :author, true)"),
                               {"name": AUTHOR_SETTING, "author": author})
            connection.execute(text("SET CONSTRAINTS ALL DEFERRED"))
            if held is not None:
                names = ", ".join(connection.dialect.identifier_preparer.quote(t.name) for t in plan_tables())
                connection.execute(text(f"TRUNCATE {names}"))
            _insert_rows(connection, rows)
            connection.execute(update(team_info).values(
                plan_id=plan["id"], plan_title=plan["title"], published_at=text("now()"),
                published_by=author or text("session_user"), published_from=path.name))
    finally:
        engine.dispose()
    return TransferResult(str(plan["id"]), str(plan["title"]), _counts(rows))


def read_server_rows(address: ServerAddress) -> Rows:
    """Every row of the team plan, read in one consistent snapshot."""
    engine = make_server_engine(address)
    try:
        with server_errors(address), engine.connect() as connection:
            connection = connection.execution_options(isolation_level="REPEATABLE READ")
            with connection.begin():
                connection.execute(text("SET TRANSACTION READ ONLY"))
                require_team_database(connection, address.database)
                rows = _read_rows(connection)
    finally:
        engine.dispose()
    if not rows.get("plan"):
        raise ServerError(_("The database {database} holds no plan yet; publish one with 'cplan server publish'.")
                          .format(database=address.database))
    return rows


def write_plan_rows(path: Path, rows: Rows) -> None:
    """Write `rows` into a new plan file at `path` (which must not exist): the current schema, every row."""
    from planner.commands.rows import defer_foreign_keys
    from planner.storage.create import create_empty_database
    from planner.storage.document import make_engine

    create_empty_database(path)
    engine = make_engine(path)
    try:
        with Session(engine) as session, session.begin():
            defer_foreign_keys(session)
            _insert_rows(session.connection(), rows)
    finally:
        engine.dispose()


def checkout_plan(address: ServerAddress, target: Path, *, force: bool = False) -> tuple[Path, TransferResult]:
    """Write the team plan to the plan file `target` (whole or not at all; an existing file only with `force`).
    The copy keeps the plan's id, so it merges back with `cplan merge`."""
    from planner.cli import write_plan_file

    rows = read_server_rows(address)
    plan = _single_plan(rows, address.masked)
    written = write_plan_file(Path(target), lambda path: write_plan_rows(path, rows), force=force)
    return written, TransferResult(str(plan["id"]), str(plan["title"]), _counts(rows))
