"""The scheduler: hand-computed dependency semantics, drivers, floats, critical paths, properties, demo plan, JSON."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

import planner.schedule as schedule_module
from planner.commands import AddRow
from planner.errors import CycleError
from planner.months import YearMonth
from planner.schedule import (
    DEPENDENCY_TYPES,
    DRIVER_DEPENDENCY,
    DRIVER_NOT_BEFORE,
    DRIVER_PLAN_START,
    DRIVER_PLANNED_START,
    Driver,
    Link,
    ScheduledInitiative,
    ScheduleInput,
    ScheduleResult,
    plan_links,
    schedule,
    schedule_json,
    schedule_plan,
)
from planner.storage.create import create_empty_database, create_plan_database
from planner.storage.document import make_engine

Item = tuple[str, int, int] | tuple[str, int, int, int | None]  # code, planned start, duration[, not_before]


def run(items: Sequence[Item], links: Sequence[tuple[str, str, str, int]], plan_start: int = 0,
        plan_end: int = 120) -> ScheduleResult:
    """Schedule initiatives whose id is their code; links as (predecessor, successor, type, lag)."""
    inputs = [ScheduleInput(item[0], item[0], item[1], item[2], item[3] if len(item) > 3 else None)
              for item in items]
    return schedule(inputs, [Link(p, s, t, lag) for p, s, t, lag in links], plan_start, plan_end)


def requirement(kind: str, lag: int, pred: tuple[int, int], succ_duration: int) -> int:
    """The earliest start a link allows its successor, from the predecessor's (start, exclusive finish)."""
    start, finish = pred
    return {"FS": finish + lag, "SS": start + lag, "FF": finish + lag - succ_duration,
            "SF": start + lag - succ_duration}[kind]


# -- hand-computed dependency semantics -------------------------------------------------------------------------

# Predecessor P works months [4, 10) (start 4, duration 6); successor S lasts 2 months, planned at month 0.
@pytest.mark.parametrize(("kind", "lag", "es"), [
    ("FS", 0, 10), ("FS", 3, 13), ("FS", -2, 8),        # S.start >= 10 + lag
    ("SS", 0, 4), ("SS", 5, 9), ("SS", -3, 1),          # S.start >= 4 + lag
    ("FF", 0, 8), ("FF", 2, 10), ("FF", -4, 4),         # S.finish >= 10 + lag, S.start = that - 2
    ("SF", 0, 2), ("SF", 6, 8), ("SF", -1, 1),          # S.finish >= 4 + lag, S.start = that - 2
    ("SF", -5, 0),                                      # a lead this long no longer binds: planned start
])
def test_each_dependency_type_with_positive_zero_and_negative_lags(kind: str, lag: int, es: int) -> None:
    result = run([("P", 4, 6), ("S", 0, 2)], [("P", "S", kind, lag)])
    successor = result.by_id["S"]
    assert (successor.es, successor.ef) == (es, es + 2)
    assert result.by_id["P"].es == 4
    expected_driver = DRIVER_DEPENDENCY if es > 0 else DRIVER_PLANNED_START
    assert successor.driver.kind == expected_driver


def test_a_negative_lag_propagates_down_a_chain() -> None:
    # A [0, 6); B FS -2 → starts 4, [4, 9); C FF -1 after B → finishes at 8, so starts 5 with 3 months.
    result = run([("A", 0, 6), ("B", 0, 5), ("C", 0, 3)], [("A", "B", "FS", -2), ("B", "C", "FF", -1)])
    assert [(result.by_id[c].es, result.by_id[c].ef) for c in "ABC"] == [(0, 6), (4, 9), (5, 8)]
    assert result.finish == 9
    assert result.critical_path == ("A", "B")
    assert result.by_id["C"].total_float == 1 and result.by_id["C"].free_float == 1


def test_ff_adds_no_extra_lag() -> None:
    # GanttProject #687: an FF link with lag 0 must make both finish together, nothing more.
    result = run([("A", 0, 10), ("B", 0, 4)], [("A", "B", "FF", 0)])
    assert result.by_id["B"].ef == result.by_id["A"].ef == 10
    assert result.by_id["B"].es == 6


def test_milestones_take_no_months() -> None:
    # A [0, 4); milestone M after it (FS 0) sits at month 4; C after the milestone (FS 0) also starts at 4.
    result = run([("A", 0, 4), ("M", 0, 0), ("C", 0, 3)], [("A", "M", "FS", 0), ("M", "C", "FS", 0)])
    milestone = result.by_id["M"]
    assert milestone.milestone and (milestone.es, milestone.ef) == (4, 4)
    assert milestone.display_early_finish == 4
    assert result.by_id["C"].es == 4 and result.by_id["C"].display_early_finish == 6
    assert result.display_finish == 6
    assert result.critical_path == ("A", "M", "C")


def test_a_milestone_as_ff_successor_sits_at_the_predecessors_finish() -> None:
    result = run([("A", 2, 5), ("M", 0, 0)], [("A", "M", "FF", 1)])
    assert (result.by_id["M"].es, result.by_id["M"].ef) == (8, 8)


def test_not_before_holds_an_initiative_back() -> None:
    result = run([("A", 0, 3, 6)], [])
    item = result.by_id["A"]
    assert (item.es, item.ef, item.not_before) == (6, 9, 6)
    assert item.driver == Driver(DRIVER_NOT_BEFORE, month=6)


def test_the_plan_start_holds_back_an_initiative_planned_before_it() -> None:
    result = run([("A", 3, 2)], [], plan_start=10)
    assert result.by_id["A"].es == 10
    assert result.by_id["A"].driver == Driver(DRIVER_PLAN_START, month=10)


@pytest.mark.parametrize(("not_before", "link_lag", "kind", "month"), [
    (None, None, DRIVER_PLANNED_START, 5),      # planned start 5 alone
    (7, None, DRIVER_NOT_BEFORE, 7),            # the constraint is later
    (5, None, DRIVER_NOT_BEFORE, 5),            # tie constraint / planned start: the constraint explains it
    (7, 4, DRIVER_DEPENDENCY, 8),               # the dependency (A [0, 4) FS +4) is later still
    (8, 4, DRIVER_DEPENDENCY, 8),               # tie dependency / constraint: the dependency wins
    (None, 1, DRIVER_DEPENDENCY, 5),            # tie dependency / planned start: the dependency wins
    (None, -2, DRIVER_PLANNED_START, 5),        # the dependency asks for 2 only
])
def test_which_driver_wins(not_before: int | None, link_lag: int | None, kind: str, month: int) -> None:
    links = [] if link_lag is None else [("A", "B", "FS", link_lag)]
    result = run([("A", 0, 4), ("B", 5, 2, not_before)], links, plan_start=0)
    driver = result.by_id["B"].driver
    assert (driver.kind, driver.month, result.by_id["B"].es) == (kind, month, month)
    if kind == DRIVER_DEPENDENCY:
        assert (driver.predecessor_id, driver.predecessor_code, driver.type, driver.lag) == ("A", "A", "FS", link_lag)


def test_a_tie_with_the_plan_start_goes_to_the_planned_start() -> None:
    assert run([("A", 0, 1)], []).by_id["A"].driver.kind == DRIVER_PLANNED_START


def test_the_first_of_two_tying_links_drives() -> None:
    # A [0, 4) FS 0 and B [2, 4) SS 2 both ask for month 4; the first link given wins.
    result = run([("A", 0, 4), ("B", 2, 2), ("C", 0, 1)], [("B", "C", "SS", 2), ("A", "C", "FS", 0)])
    assert result.by_id["C"].driver.predecessor_code == "B"


def test_driver_descriptions_answer_why_it_starts_then() -> None:
    assert Driver(DRIVER_DEPENDENCY, "x", "B-01", "FS", 0, month=2028 * 12).describe() == \
        "FS link from B-01 with a lag of 0 months"
    assert Driver(DRIVER_NOT_BEFORE, month=2028 * 12 + 2).describe() == \
        "its 'start no earlier than' constraint (2028-03)"
    assert Driver(DRIVER_PLANNED_START, month=2027 * 12).describe() == "its planned start (2027-01)"
    assert Driver(DRIVER_PLAN_START, month=2027 * 12).describe() == "the start of the plan period (2027-01)"


def test_free_float_is_less_than_total_float_when_a_successor_has_slack() -> None:
    # A [0, 2) → B (1 month) FS 0; D [0, 10) alone sets the finish. B may slip 7, and A with it, but
    # A slipping at all delays B's early start: free float 0, total float 7.
    result = run([("A", 0, 2), ("B", 0, 1), ("D", 0, 10)], [("A", "B", "FS", 0)])
    a, b, d = (result.by_id[c] for c in "ABD")
    assert (a.total_float, a.free_float) == (7, 0)
    assert (b.total_float, b.free_float) == (7, 7)
    assert (d.total_float, d.free_float, d.critical) == (0, 0, True)
    assert (a.ls, a.lf, b.ls, b.lf) == (7, 9, 9, 10)
    assert result.critical_paths == (("D",),)


def test_the_critical_path_follows_the_drivers_back_from_the_finish() -> None:
    # A [0, 3) → B FS 1 [4, 8) → C SS 2 [6, 12); X [0, 5) → B FS -1 asks for 4 too but comes second.
    result = run([("A", 0, 3), ("X", 0, 5), ("B", 0, 4), ("C", 0, 6), ("Y", 0, 2)],
                 [("A", "B", "FS", 1), ("X", "B", "FS", -1), ("B", "C", "SS", 2)])
    assert result.critical_path == ("A", "B", "C")
    assert [result.by_id[c].critical for c in "AXBCY"] == [True, True, True, True, False]
    assert result.by_id["Y"].total_float == 10


def test_two_critical_paths() -> None:
    result = run([("A", 0, 4), ("B", 0, 6), ("C", 0, 6), ("D", 0, 4), ("E", 0, 3)],
                 [("A", "B", "FS", 0), ("C", "D", "FS", 0)])
    assert result.finish == 10
    assert result.critical_paths == (("A", "B"), ("C", "D"))
    assert result.critical_path == ("A", "B")
    assert result.by_id["E"].total_float == 7


def test_an_empty_plan() -> None:
    result = run([], [], plan_start=24)
    assert (result.items, result.critical_path, result.finish, result.display_finish) == ((), (), 24, 24)


def test_links_to_initiatives_outside_the_schedule_do_not_bind() -> None:
    result = run([("A", 0, 2)], [("gone", "A", "FS", 5), ("A", "gone", "FS", 0)])
    assert result.by_id["A"].es == 0


@pytest.mark.parametrize(("links", "cycle"), [
    ([("A", "B", "FS", 0), ("B", "A", "SS", 0)], ["A", "B", "A"]),
    ([("A", "A", "FS", 0)], ["A", "A"]),
    # The cycle lies downstream of C and has D hanging below it (an old bug: StopIteration, no CycleError).
    ([("C", "B", "FS", 0), ("A", "B", "FS", 0), ("B", "A", "FF", 0), ("A", "D", "FS", 0)], ["A", "B", "A"]),
])
def test_a_cycle_is_named(links: list[tuple[str, str, str, int]], cycle: list[str]) -> None:
    with pytest.raises(CycleError) as raised:
        run([("D", 0, 1), ("C", 0, 1), ("B", 0, 1), ("A", 0, 1)], links)
    assert raised.value.cycle == cycle
    assert " → ".join(cycle) in str(raised.value)


def test_item_records_and_arrays_agree() -> None:
    result = run([("A", 0, 3), ("B", 0, 2)], [("A", "B", "SS", 1)])
    for position in result.order:
        item = result.item(position)
        assert isinstance(item, ScheduledInitiative)
        assert (item.es, item.ef, item.ls, item.lf, item.total_float, item.free_float) == (
            result.es[position], result.ef[position], result.ls[position], result.lf[position],
            result.total_float[position], result.free_float[position])
        assert item.driver == result.driver(position)
    assert [item.code for item in result.items] == ["A", "B"]


# -- properties on random graphs ----------------------------------------------------------------------------------


@st.composite
def plans(draw: st.DrawFn, with_cycle: bool = False) -> tuple[list[ScheduleInput], list[Link], int]:
    count = draw(st.integers(1 if not with_cycle else 2, 14))
    plan_start = draw(st.integers(0, 24))
    inputs = [
        ScheduleInput(f"id{i}", f"C{i:02d}", draw(st.integers(0, 48)), draw(st.integers(0, 36)),
                      draw(st.none() | st.integers(0, 60)))
        for i in range(count)
    ]
    rank = draw(st.permutations(range(count)))  # links only go up this ranking: a DAG in any input order
    pairs = draw(st.lists(st.tuples(st.integers(0, count - 1), st.integers(0, count - 1)), max_size=3 * count))
    links = []
    for a, b in pairs:
        if rank[a] == rank[b]:
            continue
        p, s = (a, b) if rank[a] < rank[b] else (b, a)
        links.append(Link(f"id{p}", f"id{s}", draw(st.sampled_from(DEPENDENCY_TYPES)), draw(st.integers(-6, 12))))
    if with_cycle:
        length = draw(st.integers(1, count))
        ring = draw(st.permutations(range(count)))[:length]
        for p, s in zip(ring, [*ring[1:], ring[0]], strict=True):
            links.insert(draw(st.integers(0, len(links))), Link(f"id{p}", f"id{s}", draw(
                st.sampled_from(DEPENDENCY_TYPES)), draw(st.integers(-6, 12))))
    return inputs, links, plan_start


def check_dependencies(result: ScheduleResult, links: Sequence[Link], late: bool = False) -> None:
    position = {item.id: index for index, item in enumerate(result.inputs)}
    starts, finishes = (result.ls, result.lf) if late else (result.es, result.ef)
    for link in links:
        p, s = position[link.predecessor_id], position[link.successor_id]
        duration = finishes[s] - starts[s]
        assert starts[s] >= requirement(link.type, link.lag, (starts[p], finishes[p]), duration), link


@pytest.fixture(params=["lists", "numpy"])
def engine_kind(request: pytest.FixtureRequest) -> Iterator[str]:
    """Run a test over the plain-list passes and over the vectorised ones (all levels vectorised)."""
    if request.param == "numpy":
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(schedule_module, "NUMPY_FROM", 0)
            patch.setattr(schedule_module, "NUMPY_IMPORT_FROM", 0)
            patch.setattr(schedule_module, "NUMPY_LEVEL_LINKS", 3)
            yield request.param
    else:
        yield request.param


PROPERTY_SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@PROPERTY_SETTINGS
@given(plan=plans())
def test_schedule_properties(plan: tuple[list[ScheduleInput], list[Link], int], engine_kind: str) -> None:
    inputs, links, plan_start = plan
    result = schedule(inputs, links, plan_start, plan_start + 60)
    check_dependencies(result, links)
    check_dependencies(result, links, late=True)
    assert sorted(result.order) == list(range(len(inputs)))
    for index, item in enumerate(result.inputs):
        es, ef, ls, lf = result.es[index], result.ef[index], result.ls[index], result.lf[index]
        assert es >= max(item.start, plan_start, item.not_before if item.not_before is not None else plan_start)
        assert ef - es == lf - ls == item.duration
        assert result.total_float[index] == ls - es >= 0
        assert 0 <= result.free_float[index] <= result.total_float[index]
        assert lf <= result.finish and ef <= result.finish
        record = result.item(index)
        assert record.critical == (record.total_float == 0)
        driver = result.driver(index)
        assert driver.month == es
        if driver.kind == DRIVER_DEPENDENCY:
            predecessor = next(i for i, x in enumerate(inputs) if x.id == driver.predecessor_id)
            assert requirement(driver.type or "", driver.lag or 0, (result.es[predecessor], result.ef[predecessor]),
                               item.duration) == es
    assert result.finish == max(result.ef, default=plan_start)
    for path in result.critical_paths:
        assert all(result.by_id[f"id{int(code[1:])}"].critical for code in path)
        assert result.by_id[f"id{int(path[-1][1:])}"].ef == result.finish


@PROPERTY_SETTINGS
@given(plan=plans())
def test_scheduling_is_repeatable_and_idempotent(plan: tuple[list[ScheduleInput], list[Link], int],
                                                 engine_kind: str) -> None:
    inputs, links, plan_start = plan
    first = schedule(inputs, links, plan_start, plan_start + 60)
    again = schedule(inputs, links, plan_start, plan_start + 60)
    assert first.items == again.items and first.order == again.order
    assert first.critical_paths == again.critical_paths
    placed = [replace(item, start=first.es[index]) for index, item in enumerate(inputs)]
    settled = schedule(placed, links, plan_start, plan_start + 60)
    for name in ("es", "ef", "ls", "lf", "total_float", "free_float"):
        assert getattr(settled, name) == getattr(first, name), name


@settings(max_examples=150, deadline=None)
@given(plan=plans())
def test_the_vectorised_passes_give_the_same_schedule(plan: tuple[list[ScheduleInput], list[Link], int]) -> None:
    inputs, links, plan_start = plan
    plain = schedule(inputs, links, plan_start, plan_start + 60)
    for level_links in (0, 2, 5):
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(schedule_module, "NUMPY_FROM", 0)
            patch.setattr(schedule_module, "NUMPY_IMPORT_FROM", 0)
            patch.setattr(schedule_module, "NUMPY_LEVEL_LINKS", level_links)
            vectorised = schedule(inputs, links, plan_start, plan_start + 60)
        assert vectorised.items == plain.items and vectorised.critical_paths == plain.critical_paths
        assert all(type(value) is int for value in vectorised.es + vectorised.total_float + vectorised.order)


@PROPERTY_SETTINGS
@given(plan=plans(with_cycle=True))
def test_a_cycle_always_raises_naming_a_real_cycle(plan: tuple[list[ScheduleInput], list[Link], int],
                                                   engine_kind: str) -> None:
    inputs, links, plan_start = plan
    with pytest.raises(CycleError) as raised:
        schedule(inputs, links, plan_start, plan_start + 60)
    cycle = raised.value.cycle
    linked = {(f"C{int(link.predecessor_id[2:]):02d}", f"C{int(link.successor_id[2:]):02d}") for link in links}
    assert len(cycle) >= 2 and cycle[0] == cycle[-1]
    assert len(set(cycle[:-1])) == len(cycle) - 1
    assert all((a, b) in linked for a, b in pairwise(cycle))


# -- the demo plan, the JSON form and the findings ------------------------------------------------------------


@pytest.fixture
def demo_session(tmp_path: Path) -> Iterator[Session]:
    demo = pytest.importorskip("planner.demo")
    path = tmp_path / "demo.cplan"
    create_empty_database(path)
    engine = make_engine(path)
    with Session(engine) as session, session.begin():
        demo.build_demo_plan(session, language="en")
        yield session
    engine.dispose()


def month(text: str) -> int:
    return YearMonth.parse(text).index


def recheck_from_json(data: dict[str, Any]) -> int:
    """Recheck every dependency, early and late, and the floats from the JSON alone; the number of links."""
    rows = {row["code"]: row for row in data["initiatives"]}
    checked = 0

    def dates(row: dict[str, Any], late: bool) -> tuple[int, int]:
        start = month(row["ls" if late else "es"])
        last = month(row["lf" if late else "ef"])
        assert last == max(start + row["duration"] - 1, start)  # finishes are the last month worked
        return start, start + row["duration"]

    for row in rows.values():
        assert month(row["es"]) >= month(data["plan_start"])
        if row["not_before"] is not None:
            assert month(row["es"]) >= month(row["not_before"])
        assert row["total_float"] == month(row["ls"]) - month(row["es"]) >= row["free_float"] >= 0
        assert row["critical"] == (row["total_float"] == 0)
        assert row["milestone"] == (row["duration"] == 0)
        assert month(row["driver"]["month"]) == month(row["es"])
        for predecessor in row["predecessors"]:
            for late in (False, True):
                p_start, p_finish = dates(rows[predecessor["code"]], late)
                start, _finish = dates(row, late)
                needed = requirement(predecessor["type"], predecessor["lag"], (p_start, p_finish), row["duration"])
                assert start >= needed, (predecessor, row["code"], late)
            checked += 1
    for code in data["critical_path"]:
        assert rows[code]["critical"]
    return checked


def test_the_demo_plan_schedules_as_written(demo_session: Session) -> None:
    result = schedule_plan(demo_session)
    assert result.items
    moved = [item.code for item in result.items if item.es != item.planned_start]
    assert moved == []
    assert result.critical_path
    assert all(result.by_id[item.id].critical for item in result.items if item.code in result.critical_path)
    assert result.display_finish <= result.plan_end


def test_the_json_form_has_the_documented_keys_and_can_be_rechecked(demo_session: Session) -> None:
    links = plan_links(demo_session)
    data = schedule_json(schedule_plan(demo_session), links)
    assert set(data) == {"plan_start", "plan_end", "finish", "initiatives", "critical_path", "findings"}
    for row in data["initiatives"]:
        assert set(row) == {"code", "title", "duration", "milestone", "not_before", "predecessors", "es", "ef",
                            "ls", "lf", "total_float", "free_float", "critical", "driver"}
        assert all(set(p) == {"code", "type", "lag"} for p in row["predecessors"])
        assert row["driver"]["kind"] in {DRIVER_DEPENDENCY, DRIVER_NOT_BEFORE, DRIVER_PLANNED_START, DRIVER_PLAN_START}
    assert recheck_from_json(data) == len(links) > 0
    assert data["critical_path"]
    assert month(data["finish"]) == max(month(row["ef"]) for row in data["initiatives"])


@pytest.fixture
def small_plan(tmp_path: Path) -> Iterator[Session]:
    """An empty 2027–2031 plan, in a session whose transaction the test runs in."""
    path = tmp_path / "small.cplan"
    create_plan_database(path, title="Findings", start_year=2027, end_year=2031)
    engine = make_engine(path)
    with Session(engine) as session, session.begin():
        yield session
    engine.dispose()


def add(session: Session, kind: str, **values: Any) -> str:
    command = AddRow(kind, values)
    command.apply(session)
    return command.row_id


def test_findings_name_what_a_planner_should_look_at(small_plan: Session) -> None:
    late = add(small_plan, "initiative", code="A-01", title="Late", start_month=YearMonth(2031, 6),
               duration_months=12)
    inside = add(small_plan, "initiative", code="A-02", title="Inside", start_month=YearMonth(2028, 1),
                 duration_months=30)  # works 2028-01 .. 2030-06
    add(small_plan, "initiative", code="A-03", title="Quiet", start_month=YearMonth(2027, 1), duration_months=6)
    early_kpi = add(small_plan, "kpi", initiative_id=inside, name="Early KPI", type="output")
    for year in (2028, 2029):
        add(small_plan, "kpi_target", kpi_id=early_kpi, year=year, target_value=1)
    fine_kpi = add(small_plan, "kpi", initiative_id=inside, name="Fine KPI", type="output")
    for year in (2028, 2030):  # an intermediate target year before the finish is fine
        add(small_plan, "kpi_target", kpi_id=fine_kpi, year=year, target_value=1)
    add(small_plan, "milestone", initiative_id=inside, title="Too early", month=YearMonth(2027, 12))
    add(small_plan, "milestone", initiative_id=inside, title="On time", month=YearMonth(2030, 6))
    add(small_plan, "milestone", initiative_id=late, title="After", month=YearMonth(2032, 6))
    result = schedule_plan(small_plan)
    found = sorted((f.kind, f.initiative_code) for f in result.findings)
    assert found == [("ends_after_plan_period", "A-01"), ("kpi_target_before_finish", "A-02"),
                     ("milestone_out_of_order", "A-01"), ("milestone_out_of_order", "A-02")]
    messages = " ".join(f.message for f in result.findings)
    assert "A-01 ends in 2032-05, after the plan period ends (2031-12)." in messages
    assert "'Early KPI' is for 2029, before the initiative finishes (2030-06)" in messages
    assert "'Too early' (2027-12) falls outside" in messages
    assert "Fine KPI" not in messages and "On time" not in messages


def test_a_dependency_pushes_an_initiative_past_the_plan_period(small_plan: Session) -> None:
    first = add(small_plan, "initiative", code="A-01", title="First", start_month=YearMonth(2027, 1),
                duration_months=60)
    second = add(small_plan, "initiative", code="A-02", title="Second", start_month=YearMonth(2031, 1),
                 duration_months=3)
    add(small_plan, "dependency", predecessor_id=first, successor_id=second, type="FS", lag_months=0)
    result = schedule_plan(small_plan)
    assert result.by_id[second].es == YearMonth(2032, 1).index
    assert [(f.kind, f.initiative_code) for f in result.findings] == [("ends_after_plan_period", "A-02")]
