"""Baselines: save, list, ghost bars, compare with the plan, exact undo, and the migration that adds them."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, select
from sqlalchemy.orm import Session

from planner.baselines import (
    BEHIND,
    FINISH_OVERDUE,
    LATE_FINISH,
    LATE_START,
    START_OVERDUE,
    BaselineBar,
    BaselineSummary,
    baseline_schedule,
    compare_with_baseline,
    comparison_json,
    find_baseline,
    list_baselines,
    save_baseline_command,
)
from planner.commands import AddRow, CompositeCommand, DeleteRows, UpdateRow
from planner.errors import NotFoundError, ValidationError
from planner.model import Base, BudgetLine, Initiative, Plan, new_id, utc_now
from planner.months import YearMonth
from planner.storage import APPLICATION_ID, SCHEMA_VERSION, PlanDocument, validate_plan_file
from planner.storage.document import make_engine
from planner.storage.migrate import create_schema, upgrade_connection
from planner.storage.schema import REVISIONS, expected_fingerprint, read_fingerprint
from tests.planner.commands.sample_plan import dump_tables
from tests.planner.storage.helpers import insert_as_of_then, same_old_columns
from tests.planner.test_impact import DelayPlan, build_delay_plan, ym


@pytest.fixture
def plan(tmp_path: Path) -> Iterator[DelayPlan]:
    built = build_delay_plan(tmp_path / "baselines.cplan")
    yield built
    built.engine.dispose()


def dump(plan: DelayPlan) -> dict[str, list[dict[str, object]]]:
    with plan.engine.connect() as connection:
        return dump_tables(connection)


def save(plan: DelayPlan, name: str) -> str:
    command = plan.run(lambda session: save_baseline_command(session, name))
    plan.run(command.apply)
    return command.baseline_id


# -- saving and listing -------------------------------------------------------------------------------------


def test_save_list_ghost_bars_and_exact_undo_and_redo(plan: DelayPlan) -> None:
    before = dump(plan)
    command = plan.run(lambda session: save_baseline_command(session, "  2027 승인안 "))
    changes = plan.run(command.apply)
    applied = dump(plan)
    assert changes.kinds == {"baseline", "baseline_item", "baseline_budget"} and command.baseline_id in changes.ids
    assert (len(applied["baseline_item"]), len(applied["baseline_budget"])) == (5, 7)
    [summary] = plan.run(list_baselines)
    assert isinstance(summary, BaselineSummary)
    assert (summary.id, summary.name, summary.item_count) == (command.baseline_id, "2027 승인안", 5)
    assert command.label == "Save baseline '2027 승인안'"
    bars = plan.run(lambda session: baseline_schedule(session, command.baseline_id))
    assert bars == {
        plan.ids["A"]: BaselineBar(ym(2027, 3), 12), plan.ids["B"]: BaselineBar(ym(2028, 3), 6),
        plan.ids["C"]: BaselineBar(ym(2028, 1), 6), plan.ids["D"]: BaselineBar(ym(2027, 2), 3),
        plan.ids["M"]: BaselineBar(ym(2028, 10), 0),
    }
    assert bars[plan.ids["A"]].finish == ym(2028, 2) and bars[plan.ids["M"]].finish == ym(2028, 10)
    item = next(row for row in applied["baseline_item"] if row["initiative_id"] == plan.ids["B"])
    assert (item["code"], item["title"], item["planned_start"], item["duration_months"], item["es"], item["ef"]) == (
        "B", "AI 안부 전화", ym(2027, 1), 6, ym(2028, 3), ym(2028, 9))

    plan.run(command.revert)
    assert dump(plan) == before
    plan.run(command.apply)
    assert dump(plan) == applied
    plan.run(command.revert)
    assert dump(plan) == before


def test_redo_recreates_the_baseline_as_first_saved_even_after_later_edits(plan: DelayPlan) -> None:
    command = plan.run(lambda session: save_baseline_command(session, "v1"))
    plan.run(command.apply)
    applied = dump(plan)
    plan.run(command.revert)
    move = UpdateRow("initiative", plan.ids["A"], {"start_month": YearMonth(2027, 9)})
    plan.run(move.apply)
    plan.run(move.revert)  # the undo stack gives back the plan the baseline was taken of, then redoes it
    plan.run(command.apply)
    assert dump(plan) == applied


def test_names_are_required_short_and_unique(plan: DelayPlan) -> None:
    save(plan, "v1")
    for name, expected in (("v1", "There is already a baseline named 'v1'."), (" v1 ", "already"),
                           ("   ", "Name is required."), ("x" * 201, "longer than 200")):
        with pytest.raises(ValidationError) as raised:
            plan.run(lambda session, name=name: save_baseline_command(session, name))
        assert list(raised.value.problems) == ["name"] and expected in str(raised.value)
    first = plan.run(lambda session: save_baseline_command(session, "v2"))
    second = plan.run(lambda session: save_baseline_command(session, "v2"))
    plan.run(first.apply)
    before = dump(plan)
    with pytest.raises(ValidationError, match="already a baseline named 'v2'"):
        plan.run(second.apply)  # the clash is checked again when the command is applied
    assert dump(plan) == before
    assert [b.name for b in plan.run(list_baselines)] == ["v1", "v2"]


def test_deleting_a_baseline_takes_its_rows_and_undo_brings_them_back(plan: DelayPlan) -> None:
    baseline_id = save(plan, "v1")
    before = dump(plan)
    command = DeleteRows("baseline", [baseline_id])
    plan.run(command.apply)
    after = dump(plan)
    assert after["baseline"] == after["baseline_item"] == after["baseline_budget"] == []
    plan.run(command.revert)
    assert dump(plan) == before


def test_a_missing_baseline_is_named(plan: DelayPlan) -> None:
    with pytest.raises(NotFoundError, match="There is no baseline named 'nope'"):
        plan.run(lambda session: find_baseline(session, "nope"))
    with pytest.raises(NotFoundError):
        plan.run(lambda session: baseline_schedule(session, new_id()))
    with pytest.raises(NotFoundError):
        plan.run(lambda session: compare_with_baseline(session, new_id()))


# -- comparing ------------------------------------------------------------------------------------------------


def _edit_after_the_baseline(plan: DelayPlan) -> None:
    """Move A two months later, add N with money, delete D, cut A's 2027 national money, record progress."""
    ids = plan.ids
    add_n = AddRow("initiative", {"code": "N", "title": "새 과제", "start_month": YearMonth(2029, 1),
                                  "duration_months": 6})
    edits = CompositeCommand("edits", [
        UpdateRow("initiative", ids["A"], {"start_month": YearMonth(2027, 5), "actual_start": YearMonth(2027, 6),
                                           "progress": 20, "status": "in_progress"}),
        UpdateRow("initiative", ids["C"], {"actual_start": YearMonth(2028, 1), "actual_finish": YearMonth(2028, 8),
                                           "progress": 100, "status": "done"}),
        add_n,
        AddRow("budget_line", {"initiative_id": add_n.row_id, "fiscal_year": 2029, "source": "private",
                               "planned_krw": 7_000_000}),
        DeleteRows("initiative", [ids["D"]]),
        UpdateRow("budget_line", ids["b0"], {"planned_krw": 90_000_000}),
    ])
    plan.run(edits.apply)


def test_compare_slips_added_removed_budget_and_progress(plan: DelayPlan) -> None:
    baseline_id = save(plan, "v1")
    _edit_after_the_baseline(plan)
    comparison = plan.run(lambda session: compare_with_baseline(session, baseline_id, as_of=YearMonth(2028, 9)))
    slips = {s.code: (s.start_slip, s.finish_slip) for s in comparison.slips}
    assert slips == {"A": (2, 2), "B": (2, 2), "C": (0, 0), "M": (2, 2)}
    assert [s.code for s in comparison.slipped] == ["A", "B", "M"]
    a = comparison.slip_of("A")
    assert a is not None and (a.baseline_start, a.current_start, a.baseline_finish, a.current_finish) == (
        ym(2027, 3), ym(2027, 5), ym(2028, 2), ym(2028, 4))
    assert [(e.code, e.title) for e in comparison.added] == [("N", "새 과제")]
    assert [(e.code, e.title, e.initiative_id) for e in comparison.removed] == [("D", "데이터 정비", plan.ids["D"])]
    assert (comparison.baseline_finish, comparison.current_finish, comparison.finish_slip) == (
        ym(2028, 10), ym(2029, 6), 8)

    assert [(e.key, e.baseline_krw, e.current_krw, e.difference) for e in comparison.budget_by_year] == [
        (2027, 101_000_001, 91_000_001, -10_000_000),
        (2028, 91_000_000, 91_000_000, 0),
        (2029, 12_000_000, 19_000_000, 7_000_000),
    ]
    assert [(e.key, e.difference) for e in comparison.budget_by_source] == [
        ("municipal", 0), ("national", -10_000_000), ("private", 7_000_000), ("provincial", 0)]
    assert (comparison.budget_baseline_total, comparison.budget_current_total) == (204_000_001, 201_000_001)

    flags = {check.code: check.flags for check in comparison.progress}
    assert flags == {
        "A": (LATE_START, FINISH_OVERDUE, BEHIND),  # started 2027-06, planned 2027-03; due 2028-02; 20 % of 100 %
        "B": (START_OVERDUE, FINISH_OVERDUE, BEHIND),  # due 2028-03 .. 2028-08, nothing recorded
        "C": (LATE_FINISH,),  # done, but finished 2028-08 instead of 2028-06
        "M": (),  # the milestone is due in 2028-10, after the as-of month
    }
    planned = {check.code: check.planned_progress for check in comparison.progress}
    assert planned == {"A": 100, "B": 100, "C": 100, "M": 0}
    check_a = comparison.progress_of("A")
    assert check_a is not None and (check_a.progress, check_a.actual_start, check_a.actual_finish) == (
        20, ym(2027, 6), None)

    # The deleted initiative still has its ghost bar; the added one has none.
    bars = plan.run(lambda session: baseline_schedule(session, baseline_id))
    assert plan.ids["D"] in bars and len(bars) == 5


def test_planned_progress_part_way_and_the_default_month(plan: DelayPlan) -> None:
    baseline_id = save(plan, "v1")
    midway = plan.run(lambda session: compare_with_baseline(session, baseline_id, as_of=YearMonth(2027, 6)))
    check = midway.progress_of("A")
    assert check is not None and (check.planned_progress, check.flags) == (25, (START_OVERDUE, BEHIND))
    assert midway.slipped == () and midway.added == () and midway.removed == () and midway.finish_slip == 0
    today = utc_now()
    default = plan.run(lambda session: compare_with_baseline(session, baseline_id))
    assert default.as_of == YearMonth(today.year, today.month).index


def test_comparison_json(plan: DelayPlan) -> None:
    baseline_id = save(plan, "v1")
    _edit_after_the_baseline(plan)
    data = plan.run(lambda session: comparison_json(
        compare_with_baseline(session, baseline_id, as_of=YearMonth(2028, 9))))
    assert data["as_of"] == "2028-09" and data["finish_slip"] == 8
    assert data["baseline"]["name"] == "v1" and data["baseline"]["initiatives"] == 5  # type: ignore[index]
    assert data["slips"][0] == {  # type: ignore[index]
        "code": "A", "title": "AI 돌봄 로봇", "baseline_start": "2027-03", "current_start": "2027-05",
        "start_slip": 2, "baseline_finish": "2028-02", "current_finish": "2028-04", "finish_slip": 2}
    assert data["removed"] == [{"code": "D", "title": "데이터 정비"}]
    assert data["budget"]["by_source"][2] == {  # type: ignore[index]
        "source": "private", "baseline": 0, "current": 7_000_000, "difference": 7_000_000}
    assert data["progress"][2]["flags"] == ["late_finish"]  # type: ignore[index]


# -- the file format -------------------------------------------------------------------------------------------


def _fingerprint(engine: Engine) -> object:
    with engine.connect() as connection:
        raw = connection.connection.driver_connection
        assert raw is not None
        return read_fingerprint(raw)  # type: ignore[arg-type]


def test_create_all_and_the_migrations_give_the_same_baseline_tables() -> None:
    created, migrated = create_engine("sqlite://"), create_engine("sqlite://")
    with created.begin() as connection:
        create_schema(connection)
    with migrated.begin() as connection:
        upgrade_connection(connection)
    assert _fingerprint(created) == _fingerprint(migrated) == expected_fingerprint(SCHEMA_VERSION)
    tables = expected_fingerprint(SCHEMA_VERSION).tables
    assert {"baseline", "baseline_item", "baseline_budget"} <= set(tables)
    assert not {"baseline", "baseline_item"} & set(expected_fingerprint(2).tables)
    assert SCHEMA_VERSION >= 3 and REVISIONS[3] == "0003"
    keys = {key for key in expected_fingerprint(SCHEMA_VERSION).foreign_keys if key[0].startswith("baseline")}
    assert keys == {("baseline_item", "baseline", "baseline_id", "id", "CASCADE"),
                    ("baseline_budget", "baseline", "baseline_id", "id", "CASCADE")}  # initiative_id: no key


def _version_2_file(path: Path) -> dict[str, str]:
    engine = make_engine(path)
    ids = {"plan": new_id(), "initiative": new_id(), "budget": new_id()}
    with engine.begin() as connection:
        upgrade_connection(connection, "0002")
        insert_as_of_then(connection, Plan, id=ids["plan"], modified_at=utc_now(), title="옛 계획",
                           start_year=2027, end_year=2030)
        insert_as_of_then(connection, Initiative, id=ids["initiative"], modified_at=utc_now(), code="A-01",
                           title="옛 과제", start_month=YearMonth(2027, 4).index, duration_months=9)
        insert_as_of_then(connection, BudgetLine, id=ids["budget"], modified_at=utc_now(),
                           initiative_id=ids["initiative"], fiscal_year=2027, source="national",
                           planned_krw=30_000_000)
    engine.dispose()
    return ids


def _rows(path: Path, table: str) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    try:
        return connection.execute(f'SELECT * FROM "{table}" ORDER BY id').fetchall()
    finally:
        connection.close()


def test_a_version_2_file_is_migrated_keeps_its_data_and_takes_a_baseline(tmp_path: Path) -> None:
    path = tmp_path / "old.cplan"
    ids = _version_2_file(path)
    original = path.read_bytes()
    old_tables = {table: _rows(path, table) for table in ("plan", "initiative", "budget_line")}
    report = validate_plan_file(path)
    assert (report.schema_version, report.needs_migration) == (2, True)

    document = PlanDocument.open(path)
    try:
        engine = make_engine(document.working_path)
        try:
            assert _fingerprint(engine) == expected_fingerprint(SCHEMA_VERSION)
        finally:
            engine.dispose()
        with document.session() as session:
            assert session.execute(select(Initiative.code)).scalars().all() == ["A-01"]
            command = save_baseline_command(session, "이관 직후")
        document.apply(command)
        document.save()
    finally:
        document.close()

    assert validate_plan_file(path).schema_version == SCHEMA_VERSION
    connection = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    try:
        assert connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [
            (REVISIONS[SCHEMA_VERSION],)]
    finally:
        connection.close()
    # Later revisions append columns; the columns the file had keep their values.
    assert {table: same_old_columns(_rows(path, table), old_tables[table]) for table in old_tables} == old_tables
    [baseline_row] = _rows(path, "baseline")
    assert "이관 직후" in baseline_row
    [item] = _rows(path, "baseline_item")
    assert ids["initiative"] in item and ym(2027, 4) in item
    assert (tmp_path / "old.v2-backup.cplan").read_bytes() == original


def test_the_model_registers_the_new_kinds() -> None:
    from planner.model import ENTITY_CLASSES
    from planner.model.attributes import ATTRIBUTES

    for kind in ("baseline", "baseline_item", "baseline_budget"):
        assert ENTITY_CLASSES[kind].__tablename__ == kind
        assert kind in ATTRIBUTES
        assert ENTITY_CLASSES[kind].__table__ in Base.metadata.sorted_tables


def test_adding_rows_of_the_new_kinds_follows_the_rules(plan: DelayPlan) -> None:
    baseline_id = save(plan, "v1")
    with Session(plan.engine) as session, session.begin():
        with pytest.raises(ValidationError):
            AddRow("baseline_item", {"baseline_id": new_id(), "initiative_id": new_id(), "code": "Z",
                                     "planned_start": 1, "duration_months": 1, "es": 1, "ef": 2}).apply(session)
        AddRow("baseline_budget", {"baseline_id": baseline_id, "initiative_id": new_id(), "fiscal_year": 2030,
                                   "source": "national", "planned_krw": 1}).apply(session)
