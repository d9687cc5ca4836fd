"""Versions of the sample plan for merge tests: copies of its file, edited with the app's own commands."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from sqlalchemy import event, select
from sqlalchemy.exc import IntegrityError

from planner.commands import AddRow, Command, DeleteRows, UpdateRow
from planner.errors import PlannerError
from planner.interchange.plan_json import TIMESTAMP_COLUMNS, plan_to_json
from planner.model import ENTITY_CLASSES
from planner.storage.document import make_engine
from tests.planner.commands.sample_plan import SamplePlan

Tables = dict[str, list[dict[str, Any]]]


def copy_plan(source: SamplePlan, path: Path, target: Path, *, durable: bool = True) -> SamplePlan:
    """A copy of the plan file at `path` (the plan `source`) as a plan of its own at `target`; not `durable`:
    commits are not flushed to disk (fast, for copies thrown away after the test)."""
    shutil.copyfile(path, target)
    engine = make_engine(target)
    if not durable:
        event.listen(engine, "connect", _without_syncing)
    return SamplePlan(engine, dict(source.ids))


def _without_syncing(connection: Any, _record: Any) -> None:
    connection.execute("PRAGMA synchronous = OFF")
    connection.execute("PRAGMA journal_mode = MEMORY")


def apply(plan: SamplePlan, command: Command) -> bool:
    """Apply a command as the app does; False when the model refuses it (nothing changes then)."""
    try:
        plan.run(command.apply)
    except (PlannerError, IntegrityError):
        return False
    return True


def update(plan: SamplePlan, kind: str, short: str, **values: Any) -> None:
    assert apply(plan, UpdateRow(kind, plan.ids[short], values)), (kind, short, values)


def add(plan: SamplePlan, kind: str, short: str, **values: Any) -> str:
    """Add a row and remember its id under `short`; values named after a short name are mapped to ids."""
    command = AddRow(kind, {name: plan.ids.get(value, value) if isinstance(value, str) and name.endswith("_id")
                            else value for name, value in values.items()})
    assert apply(plan, command), (kind, values)
    plan.ids[short] = command.row_id
    return command.row_id


def delete(plan: SamplePlan, kind: str, short: str) -> None:
    assert apply(plan, DeleteRows(kind, [plan.ids[short]])), (kind, short)


def tables(plan: SamplePlan) -> Tables:
    return plan.run(plan_to_json)["tables"]


def row_ids(plan: SamplePlan, kind: str) -> list[str]:
    table = ENTITY_CLASSES[kind].__table__
    return plan.run(lambda session: list(session.execute(select(table.c.id).order_by(table.c.id)).scalars()))


def by_id(tables: Tables) -> dict[str, dict[str, dict[str, Any]]]:
    return {kind: {row["id"]: row for row in rows} for kind, rows in tables.items()}


def content_columns(kind: str) -> list[str]:
    return [column.name for column in ENTITY_CLASSES[kind].__table__.columns
            if column.name != "id" and column.name not in TIMESTAMP_COLUMNS]


def without_timestamps(row: dict[str, Any] | None) -> dict[str, Any] | None:
    return None if row is None else {name: value for name, value in row.items() if name not in TIMESTAMP_COLUMNS}
