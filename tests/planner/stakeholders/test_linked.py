"""Linked queries: the stakeholders of an initiative (A, R, C, I) and the initiatives of a stakeholder, scheduled."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from planner.commands import AddRow, UpdateRow
from planner.errors import NotFoundError
from planner.months import YearMonth
from planner.stakeholders.linked import (
    LinkedInitiative,
    LinkedStakeholder,
    initiative_stakeholders,
    stakeholder_initiatives,
)
from tests.planner.commands.sample_plan import SamplePlan, build_sample_plan

ym = YearMonth


@pytest.fixture
def plan(tmp_path: Path) -> Iterator[SamplePlan]:
    built = build_sample_plan(tmp_path / "linked.cplan")
    ids = built.ids
    built.run(UpdateRow("stakeholder", ids["st2"], {"contact": "02-123-4567", "organisation": "누리"}).apply)
    built.run(AddRow("raci_role", {"stakeholder_id": ids["st3"], "initiative_id": ids["i1"], "role": "A"}).apply)
    built.run(AddRow("raci_role", {"stakeholder_id": ids["st3"], "initiative_id": ids["i3"], "role": "I"}).apply)
    # i1: st1 R, st2 C, st3 A; i2: st1 A; i3: st3 I
    yield built
    built.engine.dispose()


def test_the_stakeholders_of_an_initiative_accountable_first(plan: SamplePlan) -> None:
    ids = plan.ids
    linked = plan.run(lambda s: initiative_stakeholders(s, ids["i1"]))
    assert linked == [
        LinkedStakeholder(ids["st3"], "노인복지관", "", "civil_society", "A", ""),
        LinkedStakeholder(ids["st1"], "해담군청 디지털정책과", "", "local_government", "R", ""),
        LinkedStakeholder(ids["st2"], "누리 소프트", "누리", "private_company", "C", "02-123-4567"),
    ]
    assert plan.run(lambda s: initiative_stakeholders(s, ids["i3"]))[0].role == "I"


def test_an_initiative_without_roles_has_no_stakeholders(plan: SamplePlan) -> None:
    plan.run(AddRow("initiative", {"id": "lonely", "code": "C-01", "title": "홀로", "start_month": ym(2027, 1),
                                   "duration_months": 1}).apply)
    assert plan.run(lambda s: initiative_stakeholders(s, "lonely")) == []


def test_the_initiatives_of_a_stakeholder_with_their_schedule(plan: SamplePlan) -> None:
    ids = plan.ids
    # B-01: a milestone in 2027-01 with 4 months of float; A-01 2027-03..2028-02 and A-02 2028-04..2028-09 critical
    assert plan.run(lambda s: stakeholder_initiatives(s, ids["st3"])) == [
        LinkedInitiative(ids["i3"], "B-01", "스마트 정류장", "I", ym(2027, 1).index, ym(2027, 1).index, False, 4),
        LinkedInitiative(ids["i1"], "A-01", "AI 돌봄 로봇", "A", ym(2027, 3).index, ym(2028, 2).index, True, 0),
    ]
    assert plan.run(lambda s: stakeholder_initiatives(s, ids["st1"])) == [
        LinkedInitiative(ids["i1"], "A-01", "AI 돌봄 로봇", "R", ym(2027, 3).index, ym(2028, 2).index, True, 0),
        LinkedInitiative(ids["i2"], "A-02", "AI 안부 전화", "A", ym(2028, 4).index, ym(2028, 9).index, True, 0),
    ]


def test_the_schedule_follows_edits(plan: SamplePlan) -> None:
    ids = plan.ids
    plan.run(UpdateRow("initiative", ids["i3"], {"start_month": ym(2027, 7)}).apply)  # pushes A-01 (SS -2)
    linked = plan.run(lambda s: stakeholder_initiatives(s, ids["st3"]))
    assert [(i.code, i.start, i.critical, i.total_float) for i in linked] == [
        ("A-01", ym(2027, 5).index, True, 0), ("B-01", ym(2027, 7).index, True, 0)]


def test_a_stakeholder_without_roles_and_unknown_ids(plan: SamplePlan) -> None:
    plan.run(AddRow("stakeholder", {"id": "new", "name": "새 기관", "sector": "academia"}).apply)
    assert plan.run(lambda s: stakeholder_initiatives(s, "new")) == []
    with pytest.raises(NotFoundError):
        plan.run(lambda s: stakeholder_initiatives(s, "missing"))
    with pytest.raises(NotFoundError):
        plan.run(lambda s: initiative_stakeholders(s, "missing"))
