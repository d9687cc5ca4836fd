"""Grid snapshots: save, list, movements since, exact undo, and the migration of a version-3 file."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import insert, select

from planner.commands import AddRow, DeleteRows, UpdateRow
from planner.errors import NotFoundError, ValidationError
from planner.model import Plan, RaciRole, Stakeholder, StakeholderSnapshot, new_id, utc_now
from planner.stakeholders.positions import network_positions, set_network_positions_command
from planner.stakeholders.snapshots import (
    GridMovement,
    find_grid_snapshot,
    grid_movements,
    list_grid_snapshots,
    save_grid_snapshot_command,
)
from planner.storage import SCHEMA_VERSION, PlanDocument, validate_plan_file
from planner.storage.document import make_engine
from planner.storage.migrate import upgrade_connection
from planner.storage.schema import REVISIONS, expected_fingerprint
from tests.planner.commands.sample_plan import SamplePlan, build_sample_plan
from tests.planner.commands.test_rows import assert_undo_and_redo_are_exact
from tests.planner.storage.helpers import insert_as_of_then, same_old_columns


@pytest.fixture
def plan(tmp_path: Path) -> Iterator[SamplePlan]:
    built = build_sample_plan(tmp_path / "snapshots.cplan")
    yield built
    built.engine.dispose()


def save(plan: SamplePlan, name: str) -> str:
    command = plan.run(lambda s: save_grid_snapshot_command(s, name))
    plan.run(command.apply)
    return command.snapshot_id


def test_save_lists_and_undoes_exactly(plan: SamplePlan) -> None:
    command = plan.run(lambda s: save_grid_snapshot_command(s, "  착수 회의  "))
    applied = assert_undo_and_redo_are_exact(plan, command)
    assert command.name == "착수 회의" and "착수 회의" in command.label
    items = [row for row in applied["stakeholder_snapshot_item"] if row["snapshot_id"] == command.snapshot_id]
    assert {row["stakeholder_id"] for row in items} == {plan.ids[s] for s in ("st1", "st2", "st3")}
    plan.run(command.apply)
    summaries = plan.run(list_grid_snapshots)
    assert [(s.name, s.count) for s in summaries] == [("2027 상반기", 1), ("착수 회의", 3)]
    assert plan.run(lambda s: find_grid_snapshot(s, "착수 회의")) == command.snapshot_id


def test_names_must_be_unique_and_present(plan: SamplePlan) -> None:
    for name in ("", "   ", "2027 상반기", "x" * 201):
        with pytest.raises(ValidationError):
            plan.run(lambda s, n=name: save_grid_snapshot_command(s, n))
    with pytest.raises(NotFoundError):
        plan.run(lambda s: find_grid_snapshot(s, "없는 스냅숏"))
    with pytest.raises(NotFoundError):
        plan.run(lambda s: grid_movements(s, "missing"))


def test_a_fresh_snapshot_shows_no_movement(plan: SamplePlan) -> None:
    snapshot = save(plan, "지금")
    assert plan.run(lambda s: grid_movements(s, snapshot)) == []


def test_movements_list_who_moved_and_who_was_added(plan: SamplePlan) -> None:
    ids = plan.ids
    snapshot = save(plan, "전")
    plan.run(UpdateRow("stakeholder", ids["st2"], {"influence": 4}).apply)
    plan.run(UpdateRow("stakeholder", ids["st3"], {"attitude": "opposed"}).apply)  # not a move on the grid
    plan.run(AddRow("stakeholder", {"id": "new", "name": "가람대학교", "sector": "academia", "interest": 5}).apply)
    plan.run(DeleteRows("stakeholder", [ids["st1"]]).apply)  # gone since: not listed
    assert plan.run(lambda s: grid_movements(s, snapshot)) == [
        GridMovement("new", "가람대학교", None, None, 3, 5),
        GridMovement(ids["st2"], "누리 소프트", 2, 4, 4, 4),
    ]
    # the sample's own snapshot saw st1 at 4/5 only: st2 and st3 count as added since
    old = plan.run(lambda s: grid_movements(s, ids["ss1"]))
    assert {m.stakeholder_id for m in old} == {"new", ids["st2"], ids["st3"]}


def test_deleting_a_snapshot_takes_its_items_and_undo_brings_them_back(plan: SamplePlan) -> None:
    snapshot = save(plan, "삭제할 것")
    applied = assert_undo_and_redo_are_exact(plan, DeleteRows("stakeholder_snapshot", [snapshot]))
    assert not [row for row in applied["stakeholder_snapshot_item"] if row["snapshot_id"] == snapshot]


# -- migration ------------------------------------------------------------------------------------------------


def _version_3_file(path: Path) -> dict[str, str]:
    engine = make_engine(path)
    ids = {"plan": new_id(), "stakeholder": new_id()}
    with engine.begin() as connection:
        upgrade_connection(connection, "0003")
        insert_as_of_then(connection, Plan, id=ids["plan"], modified_at=utc_now(), title="옛 계획",
                          start_year=2027, end_year=2030)
        connection.execute(insert(Stakeholder.__table__).values(
            id=ids["stakeholder"], modified_at=utc_now(), name="옛 기관", organisation="", sector="academia",
            role="", influence=4, interest=2, attitude="neutral", contact="", notes="", tags=[]))
        connection.exec_driver_sql("PRAGMA user_version = 3")
    engine.dispose()
    return ids


def _rows(path: Path, table: str) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    try:
        return connection.execute(f'SELECT * FROM "{table}" ORDER BY id').fetchall()
    finally:
        connection.close()


def test_a_version_3_file_is_migrated_keeps_its_data_and_takes_snapshots_and_positions(tmp_path: Path) -> None:
    assert SCHEMA_VERSION >= 4 and REVISIONS[4] == "0004"
    assert not {"stakeholder_snapshot", "network_position"} & set(expected_fingerprint(3).tables)
    path = tmp_path / "old.cplan"
    ids = _version_3_file(path)
    original = path.read_bytes()
    kept = {table: _rows(path, table) for table in ("plan", "stakeholder")}
    report = validate_plan_file(path)
    assert (report.schema_version, report.needs_migration) == (3, True)

    document = PlanDocument.open(path)
    try:
        with document.session() as session:
            snapshot = save_grid_snapshot_command(session, "이관 직후")
            positions = set_network_positions_command(session, {ids["stakeholder"]: (0.5, 0.25)})
        document.apply(snapshot)
        document.apply(positions)
        with document.session() as session:
            assert network_positions(session) == {ids["stakeholder"]: (0.5, 0.25)}
            assert session.execute(select(RaciRole.id)).all() == []
            assert [s.count for s in list_grid_snapshots(session)] == [1]
        document.save()
    finally:
        document.close()

    assert validate_plan_file(path).schema_version == SCHEMA_VERSION
    assert {table: same_old_columns(_rows(path, table), kept[table]) for table in kept} == kept
    assert [row for row in _rows(path, "stakeholder_snapshot") if "이관 직후" in row]
    assert len(_rows(path, "network_position")) == 1
    assert (tmp_path / "old.v3-backup.cplan").read_bytes() == original
    assert StakeholderSnapshot.__tablename__ == "stakeholder_snapshot"
