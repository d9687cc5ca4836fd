"""Delay impact: exact moves, budget that follows the work across fiscal years, KPIs at risk, R/A holders."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, insert
from sqlalchemy.orm import Session

from planner.errors import CycleError, ValidationError
from planner.impact import (
    ImpactReport,
    PlanSnapshot,
    impact,
    impact_json,
    plan_snapshot,
    spread,
    working_months,
)
from planner.model import ENTITY_CLASSES
from planner.months import YearMonth
from planner.schedule import Link
from planner.storage.create import create_plan_database
from planner.storage.document import make_engine
from tests.planner.commands.sample_plan import dump_tables


def ym(year: int, month: int) -> int:
    return YearMonth(year, month).index


# The delay plan, 2027–2030:
#   A  2027-03, 12 months (to 2028-02)
#   B  planned 2027-01, 6 months, FS after A            -> 2028-03 .. 2028-08
#   C  planned 2028-01, 6 months, SS after A + 2 months -> 2028-01 .. 2028-06 (its planned start binds)
#   D  planned 2027-01, 3 months, not before 2027-02    -> 2027-02 .. 2027-04
#   M  milestone planned 2028-10, FS after B + 1 month  -> 2028-10 (a tie: the link drives it)
INITIATIVES: dict[str, dict[str, Any]] = {
    "A": {"title": "AI 돌봄 로봇", "start_month": YearMonth(2027, 3), "duration_months": 12},
    "B": {"title": "AI 안부 전화", "start_month": YearMonth(2027, 1), "duration_months": 6},
    "C": {"title": "스마트 정류장", "start_month": YearMonth(2028, 1), "duration_months": 6},
    "D": {"title": "데이터 정비", "start_month": YearMonth(2027, 1), "duration_months": 3,
          "not_before": YearMonth(2027, 2)},
    "M": {"title": "중간 점검", "start_month": YearMonth(2028, 10), "duration_months": 0},
}
LINKS = [("A", "B", "FS", 0), ("A", "C", "SS", 2), ("B", "M", "FS", 1)]
BUDGET = [  # (initiative, fiscal year, source, planned KRW)
    ("A", 2027, "national", 100_000_000),
    ("A", 2027, "municipal", 1_000_001),
    ("A", 2028, "national", 20_000_000),
    ("B", 2028, "national", 60_000_000),
    ("B", 2029, "provincial", 12_000_000),  # a year B does not work in: spread over that year's months
    ("C", 2028, "national", 6_000_000),
    ("M", 2028, "municipal", 5_000_000),
]
KPIS = [  # (kpi, initiative, target years)
    ("kA", "A", [2027, 2028]),
    ("kB", "B", [2028]),
    ("kB2", "B", [2027]),  # already before B finishes
    ("kC", "C", [2027]),  # late too, but C does not move
    ("kM", "M", [2027, 2028]),
    ("kD", "D", []),  # no targets: nothing to judge
]
STAKEHOLDERS = {"s1": "Alpha", "s2": "Beta", "s3": "Gamma", "s4": "Delta"}
ROLES = [("s1", "A", "R"), ("s2", "B", "A"), ("s2", "M", "C"), ("s3", "C", "R"), ("s3", "A", "I"), ("s4", "M", "A")]


@dataclass
class DelayPlan:
    """The delay plan's file, engine and row ids by short name."""

    path: Path
    engine: Engine
    ids: dict[str, str]

    def run(self, work: Any) -> Any:
        with Session(self.engine) as session, session.begin():
            return work(session)


def row_id(name: str) -> str:
    return f"{name:0>8}-0000-4000-8000-000000000000"


def build_delay_plan(path: Path) -> DelayPlan:
    """Write the delay plan to `path` (schema of the current version)."""
    create_plan_database(path, title="지연 영향 계획", start_year=2027, end_year=2030)
    engine = make_engine(path)
    ids: dict[str, str] = {}

    def add(kind: str, short: str, **values: Any) -> None:
        ids[short] = row_id(short)
        with engine.begin() as connection:
            connection.execute(insert(ENTITY_CLASSES[kind].__table__).values(id=ids[short], **values))

    for code, values in INITIATIVES.items():
        add("initiative", code, code=code, **values)
    for number, (before, after, kind, lag) in enumerate(LINKS):
        add("dependency", f"d{number}", predecessor_id=ids[before], successor_id=ids[after], type=kind, lag_months=lag)
    for number, (code, year, source, amount) in enumerate(BUDGET):
        add("budget_line", f"b{number}", initiative_id=ids[code], fiscal_year=year, source=source, planned_krw=amount)
    for kpi, code, years in KPIS:
        add("kpi", kpi, initiative_id=ids[code], name=f"KPI {kpi}", type="output")
        for year in years:
            add("kpi_target", f"{kpi}t{year}", kpi_id=ids[kpi], year=year)
    for name, label in STAKEHOLDERS.items():
        add("stakeholder", name, name=label, sector="private_company")
    for number, (stakeholder, code, role) in enumerate(ROLES):
        add("raci_role", f"r{number}", stakeholder_id=ids[stakeholder], initiative_id=ids[code], role=role)
    return DelayPlan(path, engine, ids)


@pytest.fixture
def delay_plan(tmp_path: Path) -> Iterator[DelayPlan]:
    plan = build_delay_plan(tmp_path / "delay.cplan")
    yield plan
    plan.engine.dispose()


@pytest.fixture
def snapshot(delay_plan: DelayPlan) -> PlanSnapshot:
    return delay_plan.run(plan_snapshot)


def moves(report: ImpactReport) -> dict[str, tuple[str, str, str, str]]:
    """{code: (start before, start after, finish before, finish after)} as 'YYYY-MM'."""
    month = YearMonth.from_index
    return {m.code: (str(month(m.start_before)), str(month(m.start_after)), str(month(m.finish_before)),
                     str(month(m.finish_after))) for m in report.moves}


def assert_money_conserved(report: ImpactReport) -> None:
    for initiative_id, before in report.budget_before.items():
        after = report.budget_after[initiative_id]
        for source in {s for _y, s in before} | {s for _y, s in after}:
            assert sum(v for (_y, s), v in before.items() if s == source) == sum(
                v for (_y, s), v in after.items() if s == source)


# -- the spreading rule -------------------------------------------------------------------------------------


def test_spread_is_whole_even_and_adds_up() -> None:
    assert [amount for _m, amount in spread(1_000_001, list(range(10)))] == [100_000] * 9 + [100_001]
    assert [amount for _m, amount in spread(10, [1, 2, 3])] == [3, 3, 4]
    assert [amount for _m, amount in spread(2, [1, 2, 3])] == [0, 1, 1]
    for amount in (0, 1, 7, 99_999_999, 123_456_789_012):
        for count in (1, 5, 12):
            parts = spread(amount, list(range(count)))
            assert sum(p for _m, p in parts) == amount and max(p for _m, p in parts) - min(p for _m, p in parts) <= 1


def test_working_months_of_a_year() -> None:
    assert working_months(ym(2027, 3), 12, 2027) == list(range(ym(2027, 3), ym(2028, 1)))
    assert working_months(ym(2027, 3), 12, 2028) == [ym(2028, 1), ym(2028, 2)]
    assert working_months(ym(2028, 10), 0, 2028) == [ym(2028, 10)]  # a milestone: its own month
    assert working_months(ym(2027, 3), 12, 2030) == list(range(ym(2030, 1), ym(2031, 1)))  # no work: the year


# -- a delay ------------------------------------------------------------------------------------------------


def test_a_delay_moves_the_initiative_and_what_its_links_push(snapshot: PlanSnapshot) -> None:
    report = impact(snapshot, {"A": 3})
    assert moves(report) == {
        "A": ("2027-03", "2027-06", "2028-02", "2028-05"),
        "B": ("2028-03", "2028-06", "2028-08", "2028-11"),
        "M": ("2028-10", "2029-01", "2028-10", "2029-01"),
    }  # C keeps its planned start (its SS link asks only for 2027-08); D is unrelated
    assert [m.code for m in report.moves] == ["A", "B", "M"]  # causes before effects
    assert all(m.start_shift == m.finish_shift == 3 for m in report.moves)
    assert (str(YearMonth.from_index(report.finish_before)), str(YearMonth.from_index(report.finish_after))) == (
        "2028-10", "2029-01")
    assert report.finish_shift == 3 and report.delays == {"A": 3}


def test_budget_follows_the_months_of_work_into_the_next_year(snapshot: PlanSnapshot) -> None:
    report = impact(snapshot, {"A": 3})
    shifts = {(s.code, s.source, s.from_year, s.to_year): s.krw for s in report.budget_shifts}
    assert shifts == {
        # A's 2027 money is spread over its ten 2027 months; three of them (Oct-Dec) now fall in 2028.
        ("A", "national", 2027, 2028): 30_000_000,
        ("A", "municipal", 2027, 2028): 300_001,  # 100,000 + 100,000 + 100,001: the whole-KRW remainder too
        # B's 2029 money (a year it does not work in) sits over 2029's months; Oct-Dec move into 2030.
        ("B", "provincial", 2029, 2030): 3_000_000,
        # The milestone's money goes with its month, into 2029.
        ("M", "municipal", 2028, 2029): 5_000_000,
    }  # A's 2028 money (Jan-Feb -> Apr-May) and B's 2028 money (Mar-Aug -> Jun-Nov) stay in 2028
    assert report.budget_moved_krw == sum(shifts.values())
    a = snapshot.inputs[[i.code for i in snapshot.inputs].index("A")].id
    assert report.budget_before[a] == {(2027, "national"): 100_000_000, (2027, "municipal"): 1_000_001,
                                       (2028, "national"): 20_000_000}
    assert report.budget_after[a] == {(2027, "national"): 70_000_000, (2027, "municipal"): 700_000,
                                      (2028, "national"): 50_000_000, (2028, "municipal"): 300_001}
    assert set(report.budget_before) == {i.id for i in snapshot.inputs if i.code in ("A", "B", "M")}
    assert_money_conserved(report)


def test_kpis_whose_last_target_year_now_comes_before_the_finish(snapshot: PlanSnapshot) -> None:
    report = impact(snapshot, {"A": 3})
    assert [(k.code, k.name, k.last_target_year, k.already_before) for k in report.kpis] == [
        ("B", "KPI kB2", 2027, True),  # B finished in 2028 already
        ("M", "KPI kM", 2028, False),  # the milestone moves into 2029: newly at risk
    ]  # kA (2028, A now ends 2028-05) and kB (2028, B ends 2028-11) are fine; C does not move


def test_stakeholders_with_r_or_a_on_what_moved(snapshot: PlanSnapshot) -> None:
    report = impact(snapshot, {"A": 3})
    assert [(s.name, s.roles) for s in report.stakeholders] == [
        ("Alpha", (("A", "R"),)),
        ("Beta", (("B", "A"),)),  # Beta's C on M does not count
        ("Delta", (("M", "A"),)),
    ]  # Gamma: R on C (did not move) and only I on A


def test_several_delays_at_once(snapshot: PlanSnapshot) -> None:
    report = impact(snapshot, {"A": 1, "D": 2})
    assert moves(report) == {
        "A": ("2027-03", "2027-04", "2028-02", "2028-03"),
        "B": ("2028-03", "2028-04", "2028-08", "2028-09"),
        "M": ("2028-10", "2028-11", "2028-10", "2028-11"),
        "D": ("2027-02", "2027-04", "2027-04", "2027-06"),
    }
    assert_money_conserved(report)


def test_no_delay_moves_nothing(snapshot: PlanSnapshot) -> None:
    report = impact(snapshot, {"A": 0})
    assert report.moves == () and report.budget_shifts == () and report.kpis == () and report.stakeholders == ()
    assert report.finish_shift == 0


# -- pulling earlier --------------------------------------------------------------------------------------------


def test_a_pull_earlier_moves_as_far_as_the_planned_start_allows(snapshot: PlanSnapshot) -> None:
    report = impact(snapshot, {"C": -4})
    assert moves(report) == {"C": ("2028-01", "2027-09", "2028-06", "2028-02")}
    assert {(s.code, s.source, s.from_year, s.to_year): s.krw for s in report.budget_shifts} == {
        ("C", "national", 2028, 2027): 4_000_000}  # Jan-Apr 2028 -> Sep-Dec 2027
    assert report.finish_shift == 0


def test_dependencies_stop_a_pull_and_the_report_shows_what_really_moved(snapshot: PlanSnapshot) -> None:
    report = impact(snapshot, {"C": -12})
    assert moves(report) == {"C": ("2028-01", "2027-05", "2028-06", "2027-10")}  # SS after A + 2 stops it
    assert report.moves[0].start_shift == -8
    assert {(s.code, s.from_year, s.to_year): s.krw for s in report.budget_shifts} == {("C", 2028, 2027): 6_000_000}
    assert_money_conserved(report)


def test_a_pull_held_by_a_link_or_a_constraint_moves_nothing(snapshot: PlanSnapshot) -> None:
    assert impact(snapshot, {"B": -5}).moves == ()  # FS after A holds it
    assert impact(snapshot, {"D": -3}).moves == ()  # 'start no earlier than 2027-02' holds it
    report = impact(snapshot, {"A": -6})  # the plan's first month holds it two months earlier
    assert moves(report)["A"] == ("2027-03", "2027-01", "2028-02", "2027-12")
    assert moves(report)["B"] == ("2028-03", "2028-01", "2028-08", "2028-06")
    assert "C" not in moves(report)


# -- bad input -----------------------------------------------------------------------------------------------------


def test_unknown_codes_are_named(snapshot: PlanSnapshot) -> None:
    with pytest.raises(ValidationError) as raised:
        impact(snapshot, {"A": 1, "Z-99": 2, "Q": 1})
    assert set(raised.value.problems) == {"Z-99", "Q"}
    assert "Z-99" in str(raised.value) and "Q" in str(raised.value)


@pytest.mark.parametrize("months", [1.5, "3", None, True, 601, -601])
def test_months_must_be_whole_and_bounded(snapshot: PlanSnapshot, months: object) -> None:
    with pytest.raises(ValidationError) as raised:
        impact(snapshot, {"B": months})  # type: ignore[dict-item]
    assert list(raised.value.problems) == ["B"] and str(raised.value).startswith("B:")


def test_a_cycle_is_refused_with_its_name(snapshot: PlanSnapshot) -> None:
    ids = {item.code: item.id for item in snapshot.inputs}
    cyclic = PlanSnapshot(snapshot.plan_start, snapshot.plan_end, snapshot.inputs,
                          (*snapshot.links, Link(ids["M"], ids["A"], "FS", 0)))
    with pytest.raises(CycleError) as raised:
        impact(cyclic, {"A": 1})
    assert raised.value.cycle == ["A", "B", "M", "A"]


# -- from a session ------------------------------------------------------------------------------------------------


def test_from_a_session_the_same_report_and_nothing_written(delay_plan: DelayPlan, snapshot: PlanSnapshot) -> None:
    with delay_plan.engine.connect() as connection:
        before = dump_tables(connection)
    report = delay_plan.run(lambda session: impact(session, {"A": 3, "C": -12}))
    with delay_plan.engine.connect() as connection:
        assert dump_tables(connection) == before
    assert report == impact(snapshot, {"A": 3, "C": -12})
    assert set(moves(report)) == {"A", "B", "C", "M"}


def test_json_form(snapshot: PlanSnapshot) -> None:
    data = impact_json(impact(snapshot, {"A": 3}))
    assert (data["finish_before"], data["finish_after"], data["finish_shift"]) == ("2028-10", "2029-01", 3)
    assert data["moves"][0] == {"code": "A", "title": "AI 돌봄 로봇", "start_before": "2027-03",
                                "start_after": "2027-06", "start_shift": 3, "finish_before": "2028-02",
                                "finish_after": "2028-05", "finish_shift": 3}
    assert {"code": "A", "source": "municipal", "from_year": 2027, "to_year": 2028, "krw": 300_001} in data[
        "budget_shifts"]
    assert [k["code"] for k in data["kpis"]] == ["B", "M"]  # type: ignore[union-attr]
    assert data["stakeholders"][0] == {"name": "Alpha", "contact": "", "roles": [{"code": "A", "role": "R"}]}
