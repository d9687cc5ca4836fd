"""Helpers shared by the storage tests: plan files, byte fingerprints, table dumps, child processes, mounts."""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

import planner
from planner.commands import AddRow
from planner.model import Plan
from planner.months import YearMonth
from planner.storage import PlanDocument
from planner.storage.working import working_dir

REPO_ROOT = Path(planner.__file__).resolve().parent.parent
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def initiative_values(number: int, **values: Any) -> dict[str, Any]:
    return {"code": f"I-{number:04d}", "title": f"Initiative {number}", "start_month": YearMonth(2027, 1)} | values


def plan_id(document: PlanDocument) -> str:
    with document.session() as session:
        return session.execute(select(Plan.id)).scalar_one()


def make_plan(path: Path, *, title: str = "Test plan", initiatives: int = 0) -> Path:
    """Save a plan with `initiatives` initiatives at `path` and close it (no lock, no working copy left)."""
    document = PlanDocument.new(title, 2027, 2031)
    try:
        for number in range(initiatives):
            document.apply(AddRow("initiative", initiative_values(number)))
        document.save_as(path)
    finally:
        document.close()
    return path


def read_only_connection(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)


def dump_database(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (all columns, sorted), read without writing anything."""
    connection = read_only_connection(path)
    try:
        tables = [name for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"
        )]
        dump: dict[str, list[tuple[Any, ...]]] = {}
        for table in tables:
            columns = [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]
            rows = connection.execute(f'SELECT * FROM "{table}"').fetchall()
            dump[table] = sorted(rows, key=lambda row, c=columns: repr(row[c.index("id")]) if "id" in c else repr(row))
        return dump
    finally:
        connection.close()


def plan_title_in_file(path: Path) -> str:
    connection = read_only_connection(path)
    try:
        return connection.execute("SELECT title FROM plan").fetchone()[0]
    finally:
        connection.close()


def working_files() -> list[str]:
    """What the working-copy area holds (working copies, sidecars, journals)."""
    return sorted(p.name for p in working_dir().iterdir())


def folder_listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def child_env() -> dict[str, str]:
    """The environment of a child process: this test's data folder and the planner under test."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO_ROOT), *filter(None, [env.get("PYTHONPATH")])])
    env["CPLAN_LANG"] = "en"
    return env


def start_python(code: str, *args: str | Path, **popen: Any) -> subprocess.Popen[str]:
    """A Python child running `code` with `args`, stdin/stdout as text pipes (for ready/go hand-shakes)."""
    popen.setdefault("stdin", subprocess.PIPE)
    popen.setdefault("stdout", subprocess.PIPE)
    popen.setdefault("stderr", subprocess.PIPE)
    return subprocess.Popen(
        [sys.executable, "-c", code, *map(str, args)], env=child_env(), text=True, cwd=str(REPO_ROOT), **popen
    )


def run_python(code: str, *args: str | Path, timeout: float = 120, **run: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code, *map(str, args)], env=child_env(), text=True, capture_output=True,
        cwd=str(REPO_ROOT), timeout=timeout, **run,
    )


def wait_for_line(process: subprocess.Popen[str], expected: str) -> None:
    """Block until the child prints `expected` on a line of its own; fail with its stderr if it dies first."""
    assert process.stdout is not None
    line = process.stdout.readline()
    if line.strip() != expected:
        process.kill()
        _out, err = process.communicate()
        pytest.fail(f"child process did not report {expected!r} (got {line!r}); stderr:\n{err}")


def remount_read_only(folder: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True, capture_output=True)


@contextlib.contextmanager
def restored_modes(*paths: Path) -> Iterator[None]:
    """Put back the permission bits of `paths` afterwards (so pytest can clean tmp_path)."""
    modes = {path: path.stat().st_mode for path in paths}
    try:
        yield
    finally:
        for path, mode in modes.items():
            with contextlib.suppress(OSError):
                path.chmod(mode)


def insert_as_of_then(connection: Any, model: Any, **values: Any) -> None:
    """Insert a row into a table of an older schema: the model's defaults for the columns that table has."""
    from sqlalchemy import MetaData, Table, insert

    old = Table(model.__tablename__, MetaData(), autoload_with=connection)
    row = {column.name: column.default.arg for column in model.__table__.columns
           if column.name in old.columns and column.default is not None and not callable(column.default.arg)}
    connection.execute(insert(old).values({**row, **values}))


def same_old_columns(rows: list[tuple[object, ...]], old_rows: list[tuple[object, ...]]) -> list[tuple[object, ...]]:
    """Rows cut to the columns an older file had (later revisions append columns)."""
    width = len(old_rows[0]) if old_rows else 0
    return [row[:width] for row in rows]
