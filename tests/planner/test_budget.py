"""The year × source budget matrix and the funding-rule checks, on small plans with hand-computed numbers."""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction
from typing import Any

import pytest
from sqlalchemy import create_engine, event, func, insert, select
from sqlalchemy.orm import Session

from planner.budget import (
    MAX_NATIONAL_SHARE,
    MAX_PER_YEAR,
    MAX_YEARS,
    MIN_NATIONAL_SHARE,
    budget_by_initiative,
    budget_matrix,
    funding_rule_violations,
    ordered_sources,
    percent_text,
    share_text,
)
from planner.demo import build_demo_plan
from planner.model import Base, BudgetLine, FundingRule, Initiative, Plan, new_id
from planner.months import YearMonth

SMART_VILLAGE = {"name": "Smart Village lead service", "min_national_share_percent": 80, "max_per_year_krw": 100_000_000}
HOSTILE = "$x$ <b>R&D</b> $\\foo$"


@pytest.fixture
def session() -> Iterator[Session]:
    engine = create_engine("sqlite://")
    event.listen(engine, "connect", lambda connection, _record: connection.execute("PRAGMA foreign_keys = ON"))
    Base.metadata.create_all(engine)
    with Session(engine) as opened:
        opened.execute(insert(Plan), [{"id": new_id(), "title": "시험 계획", "start_year": 2027, "end_year": 2031}])
        yield opened
    engine.dispose()


def add_rule(session: Session, **values: Any) -> str:
    rule_id = new_id()
    session.execute(insert(FundingRule), [{"id": rule_id, **values}])
    return rule_id


def add_initiative(session: Session, code: str, rule_id: str | None = None, title: str = "", position: int = 0) -> str:
    initiative_id = new_id()
    session.execute(insert(Initiative), [{
        "id": initiative_id, "code": code, "title": title or f"과제 {code}", "start_month": YearMonth(2028, 1),
        "funding_rule_id": rule_id, "position": position,
    }])
    return initiative_id


def add_money(session: Session, initiative_id: str, year: int, executed: int | None = None, **by_source: int) -> None:
    session.execute(insert(BudgetLine), [
        {"id": new_id(), "initiative_id": initiative_id, "fiscal_year": year, "source": source,
         "planned_krw": amount, "executed_krw": executed}
        for source, amount in by_source.items()
    ])


# -- the matrix ---------------------------------------------------------------------------------------


def test_matrix_cells_and_totals_by_hand(session: Session) -> None:
    first = add_initiative(session, "A-01")
    second = add_initiative(session, "A-02", position=1)
    add_money(session, first, 2028, national=80_000_000, municipal=20_000_000)
    add_money(session, first, 2029, executed=5_000_000, provincial=6_000_000)
    add_money(session, second, 2028, national=1_500_000, private=250_000_000)
    add_money(session, second, 2033, other=1)  # after the plan period

    matrix = budget_matrix(session)
    assert matrix.years == (2027, 2028, 2029, 2030, 2031, 2033)
    assert matrix.sources == ("national", "provincial", "municipal", "private", "other")
    assert matrix.cell(2028, "national") == 81_500_000
    assert matrix.cell(2027, "national") == 0
    assert matrix.year_total(2028) == 80_000_000 + 20_000_000 + 1_500_000 + 250_000_000
    assert matrix.year_total(2033) == 1
    assert matrix.source_total("national") == 81_500_000
    assert matrix.source_total("private") == 250_000_000
    assert matrix.total() == 357_500_001
    assert matrix.has_executed
    assert matrix.cell(2029, "provincial", executed=True) == 5_000_000
    assert matrix.total(executed=True) == 5_000_000

    narrowed = budget_matrix(session, first)
    assert narrowed.initiative_id == first
    assert narrowed.years == (2027, 2028, 2029, 2030, 2031)
    assert narrowed.sources == ("national", "provincial", "municipal")
    assert narrowed.total() == 106_000_000
    assert narrowed.year_total(2028) == 100_000_000


def test_matrix_totals_equal_the_sum_of_budget_lines_on_the_demo_plan(session: Session) -> None:
    session.execute(Plan.__table__.delete())
    build_demo_plan(session, "ko")
    matrix = budget_matrix(session)
    lines = session.execute(select(BudgetLine.fiscal_year, BudgetLine.source, BudgetLine.planned_krw)).all()
    assert matrix.total() == sum(amount for _y, _s, amount in lines) == 19_450_000_000
    for year in matrix.years:
        assert matrix.year_total(year) == sum(amount for y, _s, amount in lines if y == year)
        assert matrix.year_total(year) == sum(matrix.cell(year, source) for source in matrix.sources)
    for source in matrix.sources:
        assert matrix.source_total(source) == sum(amount for _y, s, amount in lines if s == source)
    assert sum(matrix.year_total(year) for year in matrix.years) == matrix.total()
    assert sum(matrix.source_total(source) for source in matrix.sources) == matrix.total()
    assert all(isinstance(amount, int) for amount in matrix.planned.values())

    rows = budget_by_initiative(session)
    assert sum(row.total_krw for row in rows) == matrix.total()
    for row in rows:
        assert budget_matrix(session, row.id).total() == row.total_krw == sum(row.by_year.values())
    by_code = {row.code: row for row in rows}
    assert by_code["E-01"].funding_rule == "스마트빌리지 선도서비스"
    assert by_code["E-01"].national_share() == Fraction(4, 5)
    assert by_code["A-01"].funding_rule == "" and by_code["A-01"].national_share() == 0


def test_an_empty_plan_has_the_plan_years_and_no_sources(session: Session) -> None:
    matrix = budget_matrix(session)
    assert matrix.years == (2027, 2028, 2029, 2030, 2031)
    assert matrix.sources == () and matrix.total() == 0 and matrix.is_empty and not matrix.has_executed
    assert budget_by_initiative(session) == []


def test_sources_follow_the_vocabulary_then_unknown_codes() -> None:
    assert ordered_sources(["zeta", "private", "national", "alpha"]) == ("national", "private", "alpha", "zeta")


def test_budget_by_initiative_lists_initiatives_without_money_too(session: Session) -> None:
    rule = add_rule(session, **SMART_VILLAGE)
    second = add_initiative(session, "B-02", position=2)
    first = add_initiative(session, "B-01", rule, position=1)
    add_money(session, first, 2029, municipal=3, national=7)
    rows = budget_by_initiative(session)
    assert [row.code for row in rows] == ["B-01", "B-02"]
    assert rows[0].by_source == {"national": 7, "municipal": 3}
    assert list(rows[0].by_source) == ["national", "municipal"]
    assert rows[0].funding_rule == "Smart Village lead service"
    assert rows[0].national_share() == Fraction(7, 10)
    assert (rows[1].id, rows[1].total_krw, rows[1].national_share()) == (second, 0, None)


# -- funding rules ------------------------------------------------------------------------------------


def test_national_share_below_the_minimum(session: Session) -> None:
    rule = add_rule(session, **SMART_VILLAGE)
    initiative = add_initiative(session, "B-04", rule, title="스마트 경로당")
    add_money(session, initiative, 2029, national=50_000_000, municipal=30_000_000)  # 50 / 80 = 62.5 %
    [violation] = funding_rule_violations(session)
    assert violation.kind == MIN_NATIONAL_SHARE
    assert (violation.initiative_id, violation.initiative_code, violation.initiative_title) == (
        initiative, "B-04", "스마트 경로당")
    assert (violation.rule_id, violation.rule_name, violation.year) == (rule, "Smart Village lead service", 2029)
    assert violation.actual == Fraction(125, 2) and violation.limit == 80
    assert violation.message == (
        "B-04, 2029: national share 62.5 % is below the 80 % minimum of 'Smart Village lead service'")
    assert violation.cells == ((2029, "national"), (2029, None))


@pytest.mark.parametrize(
    ("national", "other", "broken", "shown"),
    [
        (80_000_000, 20_000_000, False, ""),  # exactly 80 %: complies
        (79_900_000, 20_100_000, True, "79.9"),
        (7_996, 2_004, True, "79.9"),  # 79.96 % is still below: never shown as 80.0
        (800_000_001, 199_999_999, False, ""),
        (799_999_999, 200_000_001, True, "79.9"),  # 79.9999999 %
        (0, 1, True, "0.0"),
    ],
)
def test_minimum_share_boundaries(session: Session, national: int, other: int, broken: bool, shown: str) -> None:
    rule = add_rule(session, name="최소 국비", min_national_share_percent=80)
    add_money(session, add_initiative(session, "E-01", rule), 2028, national=national, provincial=other)
    violations = funding_rule_violations(session)
    assert bool(violations) is broken
    if broken:
        assert violations[0].actual == Fraction(national * 100, national + other)
        assert f"national share {shown} % is below the 80 % minimum" in violations[0].message


@pytest.mark.parametrize(
    ("national", "local", "broken", "shown"),
    [(350_000_000, 350_000_000, False, ""), (350_000_001, 349_999_999, True, "50.1"), (501, 499, True, "50.1"),
     (1, 0, True, "100.0")],
)
def test_maximum_share_boundaries(session: Session, national: int, local: int, broken: bool, shown: str) -> None:
    rule = add_rule(session, name="MOLIT digital twin", max_national_share_percent=50)
    add_money(session, add_initiative(session, "B-02", rule), 2027, national=national, municipal=local)
    violations = funding_rule_violations(session)
    assert bool(violations) is broken
    if broken:
        assert violations[0].kind == MAX_NATIONAL_SHARE and violations[0].limit == 50
        assert violations[0].message == (
            f"B-02, 2027: national share {shown} % is above the 50 % maximum of 'MOLIT digital twin'")


def test_the_yearly_cap_counts_every_source(session: Session) -> None:
    rule = add_rule(session, **SMART_VILLAGE)
    initiative = add_initiative(session, "E-02", rule)
    add_money(session, initiative, 2028, national=80_000_000, provincial=6_000_000, municipal=14_000_000)  # = cap
    add_money(session, initiative, 2029, national=80_000_001, provincial=6_000_000, municipal=14_000_000)  # 80.0000008 %
    [violation] = funding_rule_violations(session)
    assert (violation.kind, violation.year, violation.actual, violation.limit) == (
        MAX_PER_YEAR, 2029, 100_000_001, 100_000_000)
    assert violation.message == (
        "E-02, 2029: 100,000,001 KRW planned is above the 100,000,000 KRW a year allowed by "
        "'Smart Village lead service'")
    assert violation.cells == ((2029, None),)


def test_too_many_funded_years(session: Session) -> None:
    rule = add_rule(session, name="Digital twin pilot zone", max_per_year_krw=5_000_000_000, max_years=3)
    initiative = add_initiative(session, "B-04", rule)
    for year in (2028, 2029, 2030, 2031, 2032):
        add_money(session, initiative, year, national=1_000_000_000)
    add_money(session, initiative, 2027, municipal=0)  # a line without money is no funded year
    [violation] = funding_rule_violations(session)
    assert (violation.kind, violation.year, violation.actual, violation.limit) == (MAX_YEARS, 2031, 5, 3)
    assert violation.cells == ((2031, None), (2032, None))
    assert violation.message == (
        "B-04: money planned in 5 fiscal years (2028, 2029, 2030, 2031, 2032), more than the 3 allowed by "
        "'Digital twin pilot zone'")


def test_several_breaches_come_by_initiative_then_year(session: Session) -> None:
    rule = add_rule(session, **SMART_VILLAGE, max_years=1)
    later = add_initiative(session, "E-02", rule, position=2)
    earlier = add_initiative(session, "E-01", rule, position=1)
    add_money(session, later, 2028, national=10, municipal=90)
    add_money(session, earlier, 2029, national=50_000_000, municipal=100_000_000)
    add_money(session, earlier, 2028, national=90_000_000, municipal=10_000_000)
    found = [(v.initiative_code, v.year, v.kind) for v in funding_rule_violations(session)]
    assert found == [
        ("E-01", 2029, MIN_NATIONAL_SHARE), ("E-01", 2029, MAX_PER_YEAR), ("E-01", 2029, MAX_YEARS),
        ("E-02", 2028, MIN_NATIONAL_SHARE),
    ]


def test_no_rules_no_violations(session: Session) -> None:
    initiative = add_initiative(session, "A-01")
    add_money(session, initiative, 2028, municipal=9_000_000_000)
    assert funding_rule_violations(session) == []
    add_rule(session, **SMART_VILLAGE)  # a rule nobody follows
    assert funding_rule_violations(session) == []
    follower = add_initiative(session, "A-02", session.execute(select(FundingRule.id)).scalar_one())
    assert funding_rule_violations(session) == []  # follows it but has no money yet
    add_money(session, follower, 2029, national=0, municipal=0)
    assert funding_rule_violations(session) == []


def test_a_rule_without_limits_is_never_broken(session: Session) -> None:
    rule = add_rule(session, name="설명만 있는 규칙")
    add_money(session, add_initiative(session, "A-01", rule), 2028, private=10**15)
    assert funding_rule_violations(session) == []


@pytest.mark.parametrize("language", ["ko", "en"])
def test_the_bundled_demo_plan_complies(session: Session, language: str) -> None:
    session.execute(Plan.__table__.delete())
    build_demo_plan(session, language)
    assert session.execute(select(func.count()).where(Initiative.funding_rule_id.is_not(None))).scalar_one() == 6
    assert funding_rule_violations(session) == []


def test_user_text_appears_literally_in_messages(session: Session) -> None:
    rule = add_rule(session, name=HOSTILE, min_national_share_percent=80)
    add_money(session, add_initiative(session, "R&D-<1>", rule, title=HOSTILE), 2030, national=1, municipal=1)
    [violation] = funding_rule_violations(session)
    assert violation.message == f"R&D-<1>, 2030: national share 50.0 % is below the 80 % minimum of '{HOSTILE}'"
    assert violation.rule_name == violation.initiative_title == HOSTILE


def test_percent_texts_round_half_up_but_never_onto_the_limit() -> None:
    assert percent_text(Fraction(125, 2)) == "62.5"
    assert percent_text(Fraction(7996, 100)) == "80.0"
    assert percent_text(Fraction(7, 9) * 100) == "77.8"
    assert percent_text(Fraction(100)) == "100.0"
    assert percent_text(Fraction(0)) == "0.0"
    assert share_text(Fraction(7996, 100), 80, below=True) == "79.9"
    assert share_text(Fraction(7, 9) * 100, 80, below=True) == "77.8"
    assert share_text(Fraction(5001, 100), 50, below=False) == "50.1"
    assert share_text(Fraction(5049, 100), 50, below=False) == "50.5"
