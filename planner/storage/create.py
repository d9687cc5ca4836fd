"""Creating a fresh plan database file, and migrating a working copy to the current format."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import insert

from planner.model import Plan, new_id, utc_now
from planner.storage.migrate import create_schema, upgrade_connection


def create_plan_database(path: Path, *, title: str, start_year: int, end_year: int, **plan_values: Any) -> None:
    """A new file at `path` holding an empty plan with its plan record (raises if `path` exists)."""
    from planner.storage.document import make_engine

    if path.exists():
        raise FileExistsError(path)
    engine = make_engine(path)
    try:
        with engine.begin() as connection:
            create_schema(connection)
            connection.execute(
                insert(Plan.__table__).values(
                    id=new_id(), modified_at=utc_now(), title=title, start_year=start_year, end_year=end_year,
                    **plan_values,
                )
            )
    finally:
        engine.dispose()


def create_empty_database(path: Path) -> None:
    """A new file with the current schema and no rows at all (bulk builders add the plan record)."""
    from planner.storage.document import make_engine

    if path.exists():
        raise FileExistsError(path)
    engine = make_engine(path)
    try:
        with engine.begin() as connection:
            create_schema(connection)
    finally:
        engine.dispose()


def migrate_database(path: Path) -> None:
    """Upgrade a working copy in place to the newest format, in one transaction."""
    from planner.storage.document import make_engine

    engine = make_engine(path, foreign_keys=False)  # batch migrations rebuild tables; no cascades then
    try:
        with engine.begin() as connection:
            upgrade_connection(connection)
    finally:
        engine.dispose()
