"""Read-only snapshots (initiative rows, stakeholder rows, overview, counts) on a small plan with known numbers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from planner.commands import UpdateRow
from planner.model import ENTITY_CLASSES
from planner.months import YearMonth
from planner.queries import entity_counts, finish_month, initiative_rows, plan_overview, stakeholder_rows
from planner.storage.create import create_plan_database
from planner.storage.document import make_engine
from tests.planner.commands.sample_plan import SamplePlan, build_sample_plan


@pytest.fixture
def plan(tmp_path: Path) -> Iterator[SamplePlan]:
    sample = build_sample_plan(tmp_path / "sample.cplan")
    yield sample
    sample.engine.dispose()


def test_finish_month_is_the_last_month_of_work() -> None:
    assert finish_month(YearMonth(2027, 3), 12) == YearMonth(2028, 2)
    assert finish_month(YearMonth(2027, 3), 1) == YearMonth(2027, 3)
    assert finish_month(YearMonth(2027, 3), 0) == YearMonth(2027, 3)  # a milestone


def test_initiative_rows(plan: SamplePlan) -> None:
    rows = plan.run(initiative_rows)
    assert [row.code for row in rows] == ["A-01", "A-02", "B-01"]  # by position
    first, second, third = rows
    assert (first.title, first.field, first.strategy, first.phase) == ("AI 돌봄 로봇", "AI 복지·돌봄", "돌봄 기반 조성", 1)
    assert (first.start, first.finish, first.duration_months) == (YearMonth(2027, 3), YearMonth(2028, 2), 12)
    assert first.lead == "해담군청 디지털정책과"
    assert (first.budget_krw, first.predecessor_count, first.kpi_count) == (100_000_000, 1, 1)
    assert (first.status, first.progress) == ("planned", 0)
    assert (second.strategy, second.lead, second.budget_krw, second.predecessor_count, second.kpi_count) == (
        "", "", 50_000_000, 1, 0)
    assert (third.field, third.start, third.finish, third.budget_krw, third.predecessor_count) == (
        "스마트 교통", YearMonth(2027, 1), YearMonth(2027, 1), 0, 0)


def test_initiative_lead_falls_back_to_the_department(plan: SamplePlan) -> None:
    plan.run(UpdateRow("initiative", plan.ids["i2"], {"lead_department": "복지정책과"}).apply)
    plan.run(UpdateRow("initiative", plan.ids["i1"], {"lead_stakeholder_id": None,
                                                      "lead_department": "AI융합팀"}).apply)
    leads = {row.code: row.lead for row in plan.run(initiative_rows)}
    assert leads == {"A-01": "AI융합팀", "A-02": "복지정책과", "B-01": ""}


def test_stakeholder_rows(plan: SamplePlan) -> None:
    plan.run(UpdateRow("stakeholder", plan.ids["st2"], {"engagement": "keep_satisfied"}).apply)
    rows = {row.name: row for row in plan.run(stakeholder_rows)}
    assert list(rows) == ["노인복지관", "누리 소프트", "해담군청 디지털정책과"]  # by name
    office, company, centre = rows["해담군청 디지털정책과"], rows["누리 소프트"], rows["노인복지관"]
    assert (office.sector, office.influence, office.interest, office.engagement) == (
        "local_government", 5, 5, "manage_closely")
    assert (office.initiative_count, office.tags, office.engagement_overridden) == (2, ("AI", "행정"), False)
    assert (company.engagement, company.engagement_overridden, company.initiative_count) == (
        "keep_satisfied", True, 1)
    assert (centre.influence, centre.interest, centre.engagement, centre.initiative_count, centre.tags) == (
        3, 3, "manage_closely", 0, ())


def test_plan_overview(plan: SamplePlan) -> None:
    overview = plan.run(plan_overview)
    assert (overview.title, overview.region, overview.start_year, overview.end_year) == (
        "해담군 AI 융합 계획", "해담도 해담군", 2027, 2031)
    assert overview.plan_type == "master"
    assert (overview.field_count, overview.initiative_count, overview.milestone_initiative_count) == (2, 3, 1)
    assert (overview.dependency_count, overview.stakeholder_count, overview.kpi_count) == (2, 3, 2)
    assert overview.budget_total_krw == 150_000_000
    assert overview.budget_by_source == {"national": 130_000_000, "municipal": 20_000_000}
    assert overview.budget_by_year == {2027: 100_000_000, 2028: 50_000_000}
    assert overview.initiatives_by_field == {"AI 복지·돌봄": 2, "스마트 교통": 1}
    assert overview.initiatives_by_status == {"planned": 3}
    assert overview.stakeholders_by_sector == {"local_government": 1, "private_company": 1, "civil_society": 1}


def test_entity_counts(plan: SamplePlan) -> None:
    assert plan.run(entity_counts) == {
        "plan": 1, "narrative_section": 1, "field": 2, "strategy": 1, "stakeholder": 3, "funding_rule": 1,
        "initiative": 3, "milestone": 1, "dependency": 2, "stakeholder_relation": 1, "raci_role": 3,
        "budget_line": 3, "budget_total": 1, "kpi": 2, "kpi_target": 3, "risk": 2, "checklist_answer": 1, "comment": 3,
        "change_log": 1, "baseline": 1, "baseline_item": 1, "baseline_budget": 1, "stakeholder_snapshot": 1,
        "stakeholder_snapshot_item": 1, "network_position": 1,
        "presentation_slide": 1, "workshop_rating": 1, "workshop_round": 1, "workshop_round_item": 1, "sticky_note": 1,
        "merge_conflict": 1,
    }


def test_an_empty_plan_has_zeros_everywhere(tmp_path: Path) -> None:
    path = tmp_path / "empty.cplan"
    create_plan_database(path, title="빈 계획", start_year=2027, end_year=2027, region_district="해담군")
    engine = make_engine(path)
    try:
        empty = SamplePlan(engine, {})
        overview = empty.run(plan_overview)
        assert (overview.region, overview.initiative_count, overview.budget_total_krw) == ("해담군", 0, 0)
        assert overview.budget_by_year == {} and overview.initiatives_by_field == {}
        assert empty.run(initiative_rows) == [] and empty.run(stakeholder_rows) == []
        assert empty.run(entity_counts) == {kind: int(kind == "plan") for kind in ENTITY_CLASSES}
    finally:
        engine.dispose()
