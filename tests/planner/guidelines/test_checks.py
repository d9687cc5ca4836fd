"""The conformance checks: for every check a failing and a passing plan, severities from the profile, messages in
the report language, stable unique ids, sorting, and the demo plan checked against every check."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import create_engine, event, select
from sqlalchemy.orm import Session

from planner.demo import build_demo_plan
from planner.guidelines.checks import CHECK_FUNCTIONS, check_plan, normalised_text, similar_text_pairs
from planner.guidelines.findings import CheckReport, Finding
from planner.guidelines.profile import CHECKS, GuidelineProfile, LocalText, SectionSpec
from planner.i18n import set_language
from planner.model import ENTITY_CLASSES, Base, Plan
from planner.months import YearMonth
from tests.planner.guidelines.check_plans import (
    PlanBuilder,
    empty_plan,
    every_check_profile,
    profile_with,
)

TODAY = date(2026, 5, 1)


@pytest.fixture
def plan() -> Iterator[PlanBuilder]:
    with empty_plan() as builder:
        yield builder


def check(builder: PlanBuilder, profile: GuidelineProfile, language: str = "en",
          today: date = TODAY) -> CheckReport:
    return check_plan(builder.session, profile, language, today=today)


def findings(builder: PlanBuilder, check_id: str, params: dict[str, Any] | None = None, *,
             language: str = "en", severity: str = "error", today: date = TODAY,
             required_fields: tuple[str, ...] = ()) -> list[Finding]:
    """The findings of one check, asked for alone."""
    profile = profile_with({check_id: (severity, params or {})}, required_fields=required_fields)
    report = check(builder, profile, language, today)
    assert {finding.check for finding in report.findings} <= {check_id}
    return list(report.findings)


def messages(found: list[Finding]) -> list[str]:
    return [finding.message for finding in found]


# -- the registry -------------------------------------------------------------------------------------------


def test_every_check_of_the_contract_has_a_function() -> None:
    assert set(CHECK_FUNCTIONS) == set(CHECKS)


def test_a_plan_that_meets_every_check_has_no_findings(plan: PlanBuilder) -> None:
    lead = plan.stakeholder("해담군청", "local_government")
    company = plan.stakeholder("누리 소프트", "private_company")
    first = plan.complete_initiative("A-01", "AI 돌봄 로봇", lead_stakeholder_id=lead, ai_technology="음성 인식",
                                     service_domain="생활편의 개선")
    second = plan.complete_initiative("A-02", "스마트 정류장", service_domain="생활편의 개선")
    plan.depends(first, second)
    plan.answer(first, "ai_ethics")
    plan.answer(first, "trustworthy_ai", answer="not_applicable")
    for initiative in (first, second):
        plan.role(lead if initiative == first else company, initiative, "A")
        plan.role(company if initiative == first else lead, initiative, "R")
    plan.budget_total(2027, "national", 100_000_000)
    plan.budget_total(2027, "municipal", 100_000_000)
    plan.narrative("background", "배경을 적음")
    plan.narrative("swot", "강점과 약점")
    plan.submitted(date(2026, 9, 1))
    profile = every_check_profile(
        programme_funding={"min_national_share_percent": 50, "max_per_year_krw": 100_000_000},
        allowed_values={"field": "service_domain", "values": ("생활편의 개선",)},
        partners={"sectors": ("private_company", "local_government"), "min": 1},
        plan_period={"min_years": 5, "max_years": 5})
    report = check(plan, profile)
    assert report.findings == ()
    assert report.counts() == {"error": 0, "warning": 0, "info": 0}
    assert not report.has_errors and report.profile_id == "test-profile" and report.language == "en"


# -- required_fields ----------------------------------------------------------------------------------------


def test_required_fields_lists_what_is_missing(plan: PlanBuilder) -> None:
    plan.initiative("A-01", "AI 돌봄 로봇", lead_department="", security_consultation=False)
    wanted = ("lead", "kpi", "budget", "milestone", "partner", "field", "strategy", "purpose", "phase",
              "security_consultation")
    (finding,) = findings(plan, "required_fields", required_fields=wanted)
    assert finding.message == (
        "A-01 AI 돌봄 로봇: missing Lead (organisation or department), At least one KPI, Budget lines, "
        "At least one milestone, At least one partner, Field, Strategy, Purpose, Phase")
    assert (finding.item_kind, finding.item_label) == ("initiative", "A-01 AI 돌봄 로봇")
    (korean,) = findings(plan, "required_fields", required_fields=("purpose", "lead"), language="ko")
    assert korean.message == "A-01 AI 돌봄 로봇: 필수 항목 누락(목적, 주관(기관 또는 부서))"


def test_required_fields_passes_when_everything_is_there(plan: PlanBuilder) -> None:
    lead = plan.stakeholder("해담군청")
    partner = plan.stakeholder("누리 소프트", "private_company")
    initiative = plan.complete_initiative("A-01", lead_stakeholder_id=lead, strategy_id=plan.strategy(), phase=1)
    plan.milestone(initiative)
    plan.role(lead, initiative, "A")
    plan.role(partner, initiative, "C")
    wanted = ("lead", "kpi", "budget", "milestone", "partner", "field", "strategy", "purpose", "phase")
    assert findings(plan, "required_fields", required_fields=wanted) == []


def test_the_lead_alone_with_a_role_is_not_a_partner(plan: PlanBuilder) -> None:
    lead = plan.stakeholder("해담군청")
    initiative = plan.complete_initiative("A-01", lead_stakeholder_id=lead)
    plan.role(lead, initiative, "A")
    (finding,) = findings(plan, "required_fields", required_fields=("partner",))
    assert finding.message.endswith("missing At least one partner")


def test_blank_text_counts_as_missing(plan: PlanBuilder) -> None:
    plan.initiative("A-01", purpose="   \n ")
    assert messages(findings(plan, "required_fields", required_fields=("purpose",))) == [
        "A-01 과제 A-01: missing Purpose"]


# -- lead ---------------------------------------------------------------------------------------------------


def test_lead_missing(plan: PlanBuilder) -> None:
    plan.initiative("A-01", "AI 돌봄 로봇", lead_department="  ")
    assert messages(findings(plan, "lead")) == ["A-01 AI 돌봄 로봇: no lead organisation or department"]
    assert messages(findings(plan, "lead", language="ko")) == ["A-01 AI 돌봄 로봇: 주관 기관 또는 주관 부서 없음"]


def test_lead_organisation_or_department_is_enough(plan: PlanBuilder) -> None:
    plan.initiative("A-01", lead_department="", lead_stakeholder_id=plan.stakeholder("해담군청"))
    plan.initiative("A-02", lead_department="스마트도시과")
    assert findings(plan, "lead") == []


# -- period_in_plan -----------------------------------------------------------------------------------------


def test_period_outside_the_plan(plan: PlanBuilder) -> None:
    early = plan.initiative("A-01", start=YearMonth(2026, 11), duration=12)
    late = plan.initiative("A-02", start=YearMonth(2031, 6), duration=12)
    found = findings(plan, "period_in_plan")
    assert [finding.item_id for finding in found] == [early, late]
    assert messages(found) == [
        "A-01 과제 A-01: runs 2026-11 to 2027-10, outside the plan period 2027–2031",
        "A-02 과제 A-02: runs 2031-06 to 2032-05, outside the plan period 2027–2031",
    ]
    assert messages(findings(plan, "period_in_plan", language="ko"))[0] == (
        "A-01 과제 A-01: 추진 기간 2026. 11.~2027. 10.이 계획 기간(2027~2031년)을 벗어남")


def test_period_inside_the_plan(plan: PlanBuilder) -> None:
    plan.initiative("A-01", start=YearMonth(2027, 1), duration=60)  # the last month is 2031-12
    plan.initiative("A-02", start=YearMonth(2031, 12), duration=0)  # a milestone in the last month
    assert findings(plan, "period_in_plan") == []


# -- kpi_present and kpi_target_year ------------------------------------------------------------------------


def test_kpi_missing_or_incomplete(plan: PlanBuilder) -> None:
    plan.initiative("A-01")
    without_baseline = plan.initiative("A-02")
    plan.kpi(without_baseline, baseline=None, targets={2028: Decimal("5")})
    without_target = plan.initiative("A-03")
    plan.kpi(without_target, targets={2028: None})
    plan.kpi(None, "주민 만족도", targets={2031: Decimal("80")})  # a plan-level KPI belongs to no initiative
    assert messages(findings(plan, "kpi_present")) == [
        "A-01 과제 A-01: no KPI",
        "A-02 과제 A-02: none of its 1 KPIs has both a baseline and a target",
        "A-03 과제 A-03: none of its 1 KPIs has both a baseline and a target",
    ]
    assert messages(findings(plan, "kpi_present", language="ko"))[0] == "A-01 과제 A-01: 성과지표 없음"


def test_kpi_present_passes_with_one_complete_kpi(plan: PlanBuilder) -> None:
    initiative = plan.initiative("A-01")
    plan.kpi(initiative, baseline=None)
    plan.kpi(initiative, "만족도", baseline=Decimal("0"), targets={2027: Decimal("3")})
    assert findings(plan, "kpi_present") == []


def test_kpi_target_before_the_finish(plan: PlanBuilder) -> None:
    initiative = plan.initiative("A-01", "AI 돌봄 로봇", start=YearMonth(2028, 7), duration=18)  # ends 2029-12
    short = plan.kpi(initiative, "돌봄 대상자 수", targets={2027: Decimal("1"), 2028: Decimal("2")})
    plan.kpi(initiative, "만족도", targets={2029: Decimal("4")})
    plan.kpi(initiative, "목표 없음")  # no target at all: kpi_present's business
    (finding,) = findings(plan, "kpi_target_year", severity="warning")
    assert (finding.item_kind, finding.item_id, finding.severity) == ("kpi", short, "warning")
    assert finding.item_label == "A-01 AI 돌봄 로봇 · 돌봄 대상자 수"
    assert finding.message == ("A-01 AI 돌봄 로봇: the last target of KPI '돌봄 대상자 수' is for 2028, before the "
                               "initiative finishes in 2029")
    (korean,) = findings(plan, "kpi_target_year", language="ko")
    assert korean.message == ("A-01 AI 돌봄 로봇: 성과지표 '돌봄 대상자 수'의 마지막 목표 연도(2028년)가 과제 종료 "
                              "연도(2029년)보다 이름")


def test_kpi_target_in_the_finish_year_passes(plan: PlanBuilder) -> None:
    initiative = plan.initiative("A-01", start=YearMonth(2028, 7), duration=18)
    plan.kpi(initiative, targets={2029: Decimal("2")})
    assert findings(plan, "kpi_target_year") == []


# -- budget_totals ------------------------------------------------------------------------------------------


def test_no_declared_totals_is_one_note(plan: PlanBuilder) -> None:
    plan.budget(plan.initiative("A-01"), 2027, national=1_000)
    (finding,) = findings(plan, "budget_totals", severity="error")
    assert finding.severity == "info" and finding.id == "budget_totals:-"
    assert (finding.item_kind, finding.item_id) == ("plan", None)
    assert finding.message == ("The plan declares no budget totals; the budget summary uses the sums of the "
                               "budget lines")


def test_totals_that_the_lines_do_not_add_up_to(plan: PlanBuilder) -> None:
    first, second = plan.initiative("A-01"), plan.initiative("A-02")
    plan.budget(first, 2027, national=80_000_000, municipal=20_000_000)
    plan.budget(second, 2027, national=40_000_000)
    plan.budget(second, 2028, provincial=5_000_000)
    national = plan.budget_total(2027, "national", 100_000_000)
    plan.budget_total(2027, "municipal", 20_000_000)
    found = findings(plan, "budget_totals")
    assert [(finding.item_kind, finding.item_id, finding.item_label) for finding in found] == [
        ("budget_total", national, "2027 National"), ("budget_total", None, "2028 Provincial")]
    assert messages(found) == [
        "2027 National: the budget lines add up to 120,000,000 KRW, but the declared total is 100,000,000 KRW "
        "(difference +20,000,000 KRW)",
        "2028 Provincial: the budget lines add up to 5,000,000 KRW, but the plan declares no total for this year "
        "and source",
    ]
    assert [finding.id for finding in found] == [f"budget_totals:{national}", "budget_totals:-:2028-provincial"]
    assert messages(findings(plan, "budget_totals", language="ko"))[0] == (
        "2027 국비: 예산 항목 합계 120,000,000원이(가) 총액 100,000,000원과(와) 다름(차이 +20,000,000원)")


def test_totals_that_match(plan: PlanBuilder) -> None:
    plan.budget(plan.initiative("A-01"), 2027, national=80_000_000, municipal=20_000_000)
    plan.budget_total(2027, "national", 80_000_000)
    plan.budget_total(2027, "municipal", 20_000_000)
    plan.budget_total(2028, "municipal", 0)  # a zero total with no lines adds up
    assert findings(plan, "budget_totals") == []


def test_an_empty_budget_needs_no_totals(plan: PlanBuilder) -> None:
    plan.initiative("A-01")
    assert findings(plan, "budget_totals") == []


# -- funding_rules and programme_funding -------------------------------------------------------------------


def test_funding_rule_breaches(plan: PlanBuilder) -> None:
    rule = plan.funding_rule("스마트빌리지", min_national_share_percent=80, max_per_year_krw=100_000_000,
                             max_years=1)
    initiative = plan.initiative("A-03", "AI 돌봄", funding_rule_id=rule)
    plan.budget(initiative, 2028, national=50_000_000, municipal=30_000_000)  # 62.5 %
    plan.budget(initiative, 2029, national=120_000_000)
    found = findings(plan, "funding_rules")
    assert messages(found) == [
        "A-03 AI 돌봄: national share 62.5% is below the 80% minimum of '스마트빌리지' (2028)",
        "A-03 AI 돌봄: 120,000,000 KRW planned in 2029 is above the 100,000,000 KRW a year allowed by '스마트빌리지'",
        "A-03 AI 돌봄: money planned in 2 fiscal years (2028, 2029), more than the 1 allowed by '스마트빌리지'",
    ]
    assert [finding.id for finding in found] == [
        f"funding_rules:{initiative}:min_national_share:2028", f"funding_rules:{initiative}:max_per_year:2029",
        f"funding_rules:{initiative}:max_years"]
    assert messages(findings(plan, "funding_rules", language="ko"))[0] == (
        "A-03 AI 돌봄: 국비 비율 62.5%가 '스마트빌리지'의 최소 80%보다 낮음 (2028년)")


def test_funding_rule_met_exactly(plan: PlanBuilder) -> None:
    rule = plan.funding_rule(min_national_share_percent=80, max_per_year_krw=100_000_000)
    plan.budget(plan.initiative("A-01", funding_rule_id=rule), 2028, national=80_000_000, municipal=20_000_000)
    plan.budget(plan.initiative("A-02"), 2028, municipal=500_000_000)  # follows no rule
    assert findings(plan, "funding_rules") == []


def test_programme_funding_applies_to_every_initiative(plan: PlanBuilder) -> None:
    params = {"min_national_share_percent": 80, "max_per_year_krw": 100_000_000}
    share = plan.initiative("A-01", "스마트 경로당")
    plan.budget(share, 2027, national=79_960_000, municipal=20_040_000)  # 79.96 %: shown as 79.9, not 80.0
    big = plan.initiative("A-02", "스마트 가로등")
    plan.budget(big, 2028, national=160_000_000, municipal=40_000_000)
    assert messages(findings(plan, "programme_funding", params)) == [
        "A-01 스마트 경로당: national share 79.9% is below the programme's 80% minimum (2027)",
        "A-02 스마트 가로등: 200,000,000 KRW planned in 2028 is above the programme's 100,000,000 KRW a year",
    ]
    assert messages(findings(plan, "programme_funding", params, language="ko")) == [
        "A-01 스마트 경로당: 국비 비율 79.9%가 사업 기준 최소 80%보다 낮음 (2027년)",
        "A-02 스마트 가로등: 2028년 계획 금액 200,000,000원이(가) 사업 기준 연간 한도 100,000,000원을(를) 초과함",
    ]


def test_programme_funding_maximum_share_and_years(plan: PlanBuilder) -> None:
    initiative = plan.initiative("A-01")
    plan.budget(initiative, 2027, national=60, municipal=40)
    plan.budget(initiative, 2028, national=50, municipal=50)
    found = findings(plan, "programme_funding", {"max_national_share_percent": 50, "max_years": 1})
    assert messages(found) == [
        "A-01 과제 A-01: national share 60.0% is above the programme's 50% maximum (2027)",
        "A-01 과제 A-01: money planned in 2 fiscal years (2027, 2028), more than the programme's 1",
    ]


def test_programme_funding_passes(plan: PlanBuilder) -> None:
    plan.budget(plan.initiative("A-01"), 2027, national=80_000_000, municipal=20_000_000)
    plan.initiative("A-02")  # no money: nothing to check
    params = {"min_national_share_percent": 80, "max_per_year_krw": 100_000_000}
    assert findings(plan, "programme_funding", params) == []
    assert findings(plan, "programme_funding", {}) == []  # a programme with no limits


# -- dependency_cycle ---------------------------------------------------------------------------------------


def test_dependency_cycle_named_in_order(plan: PlanBuilder) -> None:
    first, second, third = plan.initiative("A-01"), plan.initiative("A-02"), plan.initiative("A-03")
    outside = plan.initiative("B-01")
    plan.depends(third, first)  # inserted out of order: the cycle is still named from A-01
    plan.depends(second, third)
    plan.depends(first, second)
    plan.depends(third, outside)
    (finding,) = findings(plan, "dependency_cycle")
    assert finding.item_id == first and finding.id == f"dependency_cycle:{first}"
    assert finding.message == "A-01 과제 A-01: dependency cycle A-01 → A-02 → A-03 → A-01"
    (korean,) = findings(plan, "dependency_cycle", language="ko")
    assert korean.message == "A-01 과제 A-01: 선후행 관계 순환(A-01 → A-02 → A-03 → A-01)"


def test_two_separate_cycles_and_a_tangle(plan: PlanBuilder) -> None:
    a, b, c, d, e = (plan.initiative(code) for code in ("A-01", "A-02", "A-03", "B-01", "B-02"))
    plan.depends(c, a)  # a, b and c tangle in two loops: a-b-a and a-c-a
    plan.depends(a, c)
    plan.depends(b, a)
    plan.depends(a, b)
    plan.depends(e, d)
    plan.depends(d, e)
    found = findings(plan, "dependency_cycle")
    assert [finding.item_id for finding in found] == [a, d]
    assert messages(found) == [
        "A-01 과제 A-01: dependency cycle A-01 → A-02 → A-01; 3 initiatives depend on each other in loops",
        "B-01 과제 B-01: dependency cycle B-01 → B-02 → B-01",
    ]
    assert messages(findings(plan, "dependency_cycle", language="ko"))[0] == (
        "A-01 과제 A-01: 선후행 관계 순환(A-01 → A-02 → A-01), 과제 3개가 순환 관계로 얽혀 있음")


def test_no_dependency_cycle(plan: PlanBuilder) -> None:
    a, b, c = plan.initiative("A-01"), plan.initiative("A-02"), plan.initiative("A-03")
    plan.depends(a, b)
    plan.depends(a, c)
    plan.depends(b, c)
    assert findings(plan, "dependency_cycle") == []


# -- ai_ethics and trustworthy_ai ---------------------------------------------------------------------------


def test_ai_ethics_incomplete(plan: PlanBuilder) -> None:
    initiative = plan.initiative("A-01", "AI 돌봄 로봇", ai_technology="음성 인식")
    plan.answer(initiative, "ai_ethics", ("human_rights", "privacy", "diversity", "no_harm", "public_interest",
                                          "solidarity"))
    plan.answer(initiative, "ai_ethics", ("data_management",), answer="not_applicable")
    plan.answer(initiative, "ai_ethics", ("accountability",), answer="unanswered")
    plan.initiative("A-02", "주민 교육")  # no AI: no self-check needed
    assert messages(findings(plan, "ai_ethics")) == [
        "A-01 AI 돌봄 로봇: AI-ethics self-check incomplete, 3 of the 10 core requirements unanswered"]
    assert messages(findings(plan, "ai_ethics", language="ko")) == [
        "A-01 AI 돌봄 로봇: 인공지능 윤리 자율점검 미완료(핵심 요건 10개 중 3개 미응답)"]


def test_ai_ethics_complete(plan: PlanBuilder) -> None:
    initiative = plan.initiative("A-01", ai_technology="음성 인식")
    plan.answer(initiative, "ai_ethics", answer="no")  # answered, even if the answer is no
    plan.answer(initiative, "trustworthy_ai", ("governance",), answer="yes")  # another checklist
    assert findings(plan, "ai_ethics") == []


def test_trustworthy_ai_incomplete_and_complete(plan: PlanBuilder) -> None:
    missing = plan.initiative("A-01", "AI 돌봄 로봇", ai_technology="음성 인식")
    plan.answer(missing, "ai_ethics")
    plan.answer(missing, "trustworthy_ai", ("governance", "test_plan"))
    done = plan.initiative("A-02", ai_technology="영상 분석")
    plan.answer(done, "trustworthy_ai", answer="not_applicable")
    assert messages(findings(plan, "trustworthy_ai", severity="info")) == [
        "A-01 AI 돌봄 로봇: trustworthy-AI self-check incomplete, 13 of the 15 requirements unanswered"]
    assert messages(findings(plan, "trustworthy_ai", language="ko")) == [
        "A-01 AI 돌봄 로봇: 신뢰할 수 있는 인공지능 자율점검 미완료(요건 15개 중 13개 미응답)"]


# -- privacy_impact -----------------------------------------------------------------------------------------


def test_privacy_impact_thresholds(plan: PlanBuilder) -> None:
    plan.initiative("A-01", "주민 건강 플랫폼", data_subject_count=1_200_000)
    plan.initiative("A-02", "치매 선별", data_subject_count=60_000, sensitive_data=True)
    plan.initiative("A-03", "교통 분석", data_subject_count=50_000, unique_identifiers=True)
    assert messages(findings(plan, "privacy_impact")) == [
        "A-01 주민 건강 플랫폼: 1,200,000 data subjects (the threshold is 1,000,000): a privacy impact assessment "
        "is required but not marked as planned or done",
        "A-02 치매 선별: 60,000 data subjects with sensitive data or unique identifiers (the threshold is 50,000): a "
        "privacy impact assessment is required but not marked as planned or done",
        "A-03 교통 분석: 50,000 data subjects with sensitive data or unique identifiers (the threshold is 50,000): "
        "a privacy impact assessment is required but not marked as planned or done",
    ]
    assert messages(findings(plan, "privacy_impact", language="ko"))[1] == (
        "A-02 치매 선별: 민감정보 또는 고유식별정보 처리 정보주체 60,000명(기준 50,000명 이상)으로 개인정보 "
        "영향평가 대상이나 영향평가 계획·실시 표시 없음")


def test_privacy_impact_below_the_thresholds_or_assessed(plan: PlanBuilder) -> None:
    plan.initiative("A-01", data_subject_count=1_200_000, privacy_impact_assessment=True)
    plan.initiative("A-02", data_subject_count=49_999, sensitive_data=True)
    plan.initiative("A-03", data_subject_count=999_999)  # no sensitive data: only the 1,000,000 threshold
    plan.initiative("A-04")
    assert findings(plan, "privacy_impact") == []


# -- duplicates ---------------------------------------------------------------------------------------------


def test_normalised_text() -> None:
    assert normalised_text("  AI 돌봄-로봇! ") == normalised_text("ＡＩ돌봄 로봇") == "ai돌봄로봇"
    assert normalised_text(" ,. ") == ""


def test_duplicate_titles_and_purposes(plan: PlanBuilder) -> None:
    first = plan.initiative("A-01", "AI 돌봄 로봇", purpose="독거노인 안전 확인")
    same = plan.initiative("A-02", "AI돌봄-로봇", purpose="어르신 말벗")
    alike = plan.initiative("B-01", "스마트 버스정류장 구축 사업", purpose="대중교통 편의 향상")
    plan.initiative("B-02", "스마트 버스정류장 구축", purpose="대중교통 이용 편의 향상")
    third = plan.initiative("C-01", "AI 돌봄 로봇", purpose="독거노인 안전 확인")
    plan.initiative("C-02", "산불 감시 드론", purpose="산림 재난 예방")
    found = findings(plan, "duplicates", {"title_similarity": 0.85, "purpose_similarity": 0.85},
                     severity="warning")
    assert messages(found) == [
        "A-02 AI돌봄-로봇: likely a duplicate of A-01 AI 돌봄 로봇 (same title)",
        "B-02 스마트 버스정류장 구축: likely a duplicate of B-01 스마트 버스정류장 구축 사업 (title 90% alike, "
        "purpose 88% alike)",
        "C-01 AI 돌봄 로봇: likely a duplicate of A-01 AI 돌봄 로봇 (same title, same purpose)",
    ]
    assert [finding.id for finding in found] == [
        f"duplicates:{same}:{first}", f"duplicates:{found[1].item_id}:{alike}", f"duplicates:{third}:{first}"]
    assert {finding.severity for finding in found} == {"warning"}
    assert messages(findings(plan, "duplicates", {"title_similarity": 0.85, "purpose_similarity": 0.85},
                             language="ko"))[2] == (
        "C-01 AI 돌봄 로봇: A-01 AI 돌봄 로봇과(와) 중복 가능성 있음(제목 동일, 목적 동일)")


def test_no_duplicates(plan: PlanBuilder) -> None:
    plan.initiative("A-01", "AI 돌봄 로봇", purpose="독거노인 안전 확인")
    plan.initiative("A-02", "AI 안부 전화", purpose="")
    plan.initiative("A-03", "스마트 정류장", purpose="")  # empty purposes are not duplicates of each other
    assert findings(plan, "duplicates") == []


def test_similarity_one_finds_only_equal_texts(plan: PlanBuilder) -> None:
    plan.initiative("A-01", "스마트 버스정류장 구축 사업")
    plan.initiative("A-02", "스마트 버스정류장 구축")
    assert findings(plan, "duplicates", {"title_similarity": 1.0, "purpose_similarity": 1.0}) == []


def test_similar_pairs_among_thousands_of_titles() -> None:
    syllables = [chr(0xAC00 + 28 * index) for index in range(300)]  # 가, 개, 갸, ... without final consonants
    generator = random.Random(5)
    texts = ["".join(generator.choice(syllables) for _ in range(generator.randint(6, 14))) for _ in range(5_000)]
    texts.append(texts[10][:-1] + "팀")  # differs from text 10 in its last syllable only
    pairs = similar_text_pairs(texts, 0.85)
    assert pairs[len(texts) - 1][0] == 10
    assert pairs[len(texts) - 1][1] >= 0.85
    assert all(earlier < later for later, (earlier, _ratio) in pairs.items())


def test_similar_pairs_among_numbered_titles_stay_bounded() -> None:
    texts = [normalised_text(f"스마트 경로당 {number}호 구축") for number in range(1_500)]
    pairs = similar_text_pairs(texts, 0.9)
    assert pairs  # "스마트 경로당 1001호 구축" and "스마트 경로당 1002호 구축" are alike
    assert all(earlier < later and ratio >= 0.9 for later, (earlier, ratio) in pairs.items())


# -- raci ---------------------------------------------------------------------------------------------------


def test_raci_rules_broken(plan: PlanBuilder) -> None:
    county = plan.stakeholder("해담군청")
    company = plan.stakeholder("누리 소프트", "private_company")
    institute = plan.stakeholder("해담연구원", "academia")
    idle = plan.stakeholder("노인복지관", "civil_society")
    nobody = plan.initiative("A-01", "AI 돌봄 로봇")
    plan.role(county, nobody, "C")
    several = plan.initiative("A-02", "스마트 정류장", lead_stakeholder_id=county)
    plan.role(company, several, "A")
    plan.role(institute, several, "A")
    plan.role(county, several, "R")
    found = findings(plan, "raci", severity="warning")
    assert messages(found) == [
        "A-01 AI 돌봄 로봇: nobody is accountable (A)",
        "A-01 AI 돌봄 로봇: nobody is responsible (R)",
        "A-02 스마트 정류장: 2 stakeholders are accountable (A): 누리 소프트, 해담연구원; there should be exactly one",
        "A-02 스마트 정류장: the lead organisation 해담군청 is not the accountable one (A)",
        "노인복지관: no role on any initiative",
    ]
    assert (found[-1].item_kind, found[-1].item_id, found[-1].item_label) == ("stakeholder", idle, "노인복지관")
    assert found[0].id == f"raci:{nobody}:no_accountable"
    assert messages(findings(plan, "raci", language="ko"))[2] == (
        "A-02 스마트 정류장: 최종 책임자(A)가 2명임(누리 소프트, 해담연구원), 한 명이어야 함")


def test_raci_rules_kept(plan: PlanBuilder) -> None:
    county = plan.stakeholder("해담군청")
    company = plan.stakeholder("누리 소프트", "private_company")
    initiative = plan.initiative("A-01", lead_stakeholder_id=county)
    plan.role(county, initiative, "A")
    plan.role(company, initiative, "R")
    plan.initiative("A-02", status="cancelled")  # cancelled: exempt
    assert findings(plan, "raci") == []


# -- submission_deadline ------------------------------------------------------------------------------------


def test_submission_missing_before_and_after_the_deadline(plan: PlanBuilder) -> None:
    plan.submitted(None, report_year=2028)  # due 2027-09-10
    (before,) = findings(plan, "submission_deadline", today=date(2027, 9, 10))
    assert before.message == "The annual plan for 2028 is due on 2027-09-10; no submission date is recorded yet"
    assert (before.item_kind, before.item_id, before.item_label) == ("plan", None, "해담군 AI 융합 기본계획")
    (after,) = findings(plan, "submission_deadline", today=date(2027, 9, 11))
    assert after.message == "The annual plan for 2028 was due on 2027-09-10 and has no submission date"
    (korean,) = findings(plan, "submission_deadline", today=date(2027, 9, 11), language="ko")
    assert korean.message == "2028년 실행계획의 제출 기한(2027. 9. 10.)이 지났으나 제출일이 없음"


def test_submission_late_or_on_time(plan: PlanBuilder) -> None:
    plan.submitted(date(2026, 9, 11))  # no report year: the first year, 2027, due 2026-09-10
    (late,) = findings(plan, "submission_deadline")
    assert late.message == "The annual plan for 2027 is submitted on 2026-09-11, after the deadline 2026-09-10"
    assert late.id == "submission_deadline:-:late"
    plan.submitted(date(2026, 9, 10))
    assert findings(plan, "submission_deadline", today=date(2030, 1, 1)) == []


def test_submission_deadline_params(plan: PlanBuilder) -> None:
    plan.submitted(date(2027, 3, 1), report_year=2027)
    params = {"month": 3, "day": 31, "year_offset": 0}  # due 2027-03-31
    assert findings(plan, "submission_deadline", params) == []
    params = {"month": 2, "day": 28, "year_offset": 0}
    assert len(findings(plan, "submission_deadline", params)) == 1


# -- narrative_written ----------------------------------------------------------------------------------------


def test_narrative_sections_not_written(plan: PlanBuilder) -> None:
    plan.narrative("background", "배경을 적음")
    blank = plan.narrative("swot", "  \n ")
    (finding,) = findings(plan, "narrative_written")
    assert (finding.item_kind, finding.item_id, finding.item_label) == ("narrative_section", blank, "SWOT analysis")
    assert finding.message == "Section 'SWOT analysis' is not written"
    (korean,) = findings(plan, "narrative_written", language="ko")
    assert (korean.message, korean.item_label) == ("'SWOT 분석' 절이 작성되지 않음", "SWOT 분석")


def test_narrative_section_with_no_row(plan: PlanBuilder) -> None:
    plan.narrative("background", "배경")
    (finding,) = findings(plan, "narrative_written")
    assert (finding.item_id, finding.id) == (None, "narrative_written:-:swot")
    short = findings(plan, "narrative_written", {"min_characters": 5})
    assert messages(short) == ["Section 'Background' has 2 characters of text; at least 5 expected",
                               "Section 'SWOT analysis' is not written"]


def test_narrative_sections_written(plan: PlanBuilder) -> None:
    plan.narrative("background", "배경을 적음")
    plan.narrative("swot", "□ 강점\n ○ 데이터")
    assert findings(plan, "narrative_written") == []


def test_narrative_sections_inside_groups_are_checked() -> None:
    nested = SectionSpec("overview", LocalText({"en": "Overview"}), children=(
        SectionSpec("overview.purpose", LocalText({"en": "Purpose"}), narrative="overview.purpose"),))
    profile = profile_with({"narrative_written": "warning"}, sections=(nested,))
    with empty_plan() as builder:
        (finding,) = check(builder, profile).findings
    assert (finding.message, finding.severity) == ("Section 'Purpose' is not written", "warning")


# -- plan_period ----------------------------------------------------------------------------------------------


def test_plan_period_too_long_or_short(plan: PlanBuilder) -> None:
    (long,) = findings(plan, "plan_period", {"min_years": 1, "max_years": 4})
    assert long.message == "The plan period 2027–2031 is 5 years; the profile expects at most 4 years"
    (short,) = findings(plan, "plan_period", {"min_years": 6, "max_years": 10}, language="ko")
    assert short.message == "계획 기간 2027~2031년은 5년으로 지침의 최소 6년보다 짧음"
    assert (short.item_kind, short.id) == ("plan", "plan_period:-:short")


def test_plan_period_as_expected(plan: PlanBuilder) -> None:
    assert findings(plan, "plan_period", {"min_years": 5, "max_years": 5}) == []
    assert findings(plan, "plan_period") == []  # the defaults: 1 to 10 years


# -- allowed_values and partners ----------------------------------------------------------------------------


def test_allowed_values(plan: PlanBuilder) -> None:
    params = {"field": "service_domain", "values": ("생활편의 개선", "생활 속 안전강화")}
    plan.initiative("A-01", "스마트 경로당", service_domain="생활편의 개선")
    plan.initiative("A-02", "드론 배송", service_domain="물류")
    plan.initiative("A-03", "마을 와이파이")
    assert messages(findings(plan, "allowed_values", params)) == [
        "A-02 드론 배송: Service domain '물류' is not one of the allowed values (생활편의 개선, 생활 속 안전강화)",
        "A-03 마을 와이파이: Service domain is empty; allowed values: 생활편의 개선, 생활 속 안전강화",
    ]
    choice = {"field": "project_type", "values": ("build", "operate")}
    plan.session.execute(Plan.__table__.update().values(title="계획"))
    found = findings(plan, "allowed_values", choice)
    assert found == []  # every initiative is a build project by default
    plan.initiative("A-04", project_type="research")
    assert messages(findings(plan, "allowed_values", choice)) == [
        "A-04 과제 A-04: Project type 'Research' is not one of the allowed values (Build, Operate)"]


def test_allowed_values_all_allowed(plan: PlanBuilder) -> None:
    plan.initiative("A-01", service_domain=" 생활편의 개선 ")
    assert findings(plan, "allowed_values", {"field": "service_domain", "values": ("생활편의 개선",)}) == []


def test_partners(plan: PlanBuilder) -> None:
    params = {"sectors": ("private_company",), "min": 1}
    company = plan.stakeholder("누리 소프트", "private_company")
    institute = plan.stakeholder("해담연구원", "academia")
    informed = plan.initiative("A-01", "스마트 경로당")
    plan.role(company, informed, "I")
    plan.role(institute, informed, "R")
    consortium = plan.initiative("A-02", "스마트 가로등")
    plan.role(company, consortium, "C")
    assert messages(findings(plan, "partners", params)) == [
        "A-01 스마트 경로당: 0 partners (Private company) responsible (R) or consulted (C); at least 1 required"]
    assert messages(findings(plan, "partners", params, language="ko")) == [
        "A-01 스마트 경로당: 실무 담당(R) 또는 협의(C) 역할의 협력기관(민간기업)이 0곳으로 최소 1곳에 못 미침"]


def test_partners_present(plan: PlanBuilder) -> None:
    company = plan.stakeholder("누리 소프트", "private_company")
    other = plan.stakeholder("한빛 데이터", "private_company")
    initiative = plan.initiative("A-01")
    plan.role(company, initiative, "R")
    plan.role(other, initiative, "C")
    assert findings(plan, "partners", {"sectors": ("private_company",), "min": 2}) == []
    assert findings(plan, "partners", {}) == []  # any sector, at least one


# -- the report as a whole ---------------------------------------------------------------------------------


def _troubled_plan(plan: PlanBuilder) -> dict[str, str]:
    first = plan.initiative("A-01", "AI 돌봄 로봇", lead_department="", ai_technology="음성 인식")
    second = plan.initiative("A-02", "AI 안부 전화", start=YearMonth(2026, 1))
    plan.depends(first, second)
    plan.depends(second, first)
    plan.budget(second, 2027, national=1_000)
    return {"first": first, "second": second}


def test_findings_sorted_errors_first_then_by_item(plan: PlanBuilder) -> None:
    ids = _troubled_plan(plan)
    profile = profile_with({"lead": "warning", "period_in_plan": "error", "kpi_present": "error",
                            "dependency_cycle": "error", "ai_ethics": "warning", "budget_totals": "error",
                            "plan_period": ("info", {"max_years": 4})})
    report = check(plan, profile)
    assert [(finding.severity, finding.check, finding.item_id) for finding in report.findings] == [
        ("error", "kpi_present", ids["first"]),
        ("error", "dependency_cycle", ids["first"]),
        ("error", "period_in_plan", ids["second"]),
        ("error", "kpi_present", ids["second"]),
        ("warning", "lead", ids["first"]),
        ("warning", "ai_ethics", ids["first"]),
        ("info", "plan_period", None),
        ("info", "budget_totals", None),
    ]
    assert report.counts() == {"error": 4, "warning": 2, "info": 2}
    assert report.has_errors and len(report.errors) == 4


def test_severity_comes_from_the_profile(plan: PlanBuilder) -> None:
    _troubled_plan(plan)
    for severity in ("error", "warning", "info"):
        report = check(plan, profile_with({"lead": severity, "kpi_present": severity}))
        assert {finding.severity for finding in report.findings} == {severity}


def test_ids_unique_and_stable(plan: PlanBuilder) -> None:
    _troubled_plan(plan)
    profile = every_check_profile(programme_funding={"min_national_share_percent": 80},
                                  allowed_values={"field": "service_domain", "values": ("x",)})
    first, again = check(plan, profile), check(plan, profile, language="ko")
    ids = [finding.id for finding in first.findings]
    assert len(ids) == len(set(ids)) > 10
    assert ids == [finding.id for finding in again.findings]
    assert all(finding.id.startswith(f"{finding.check}:") for finding in first.findings)
    assert [finding.message for finding in first.findings] != [finding.message for finding in again.findings]


def test_report_language_is_not_the_interface_language(plan: PlanBuilder) -> None:
    _troubled_plan(plan)
    set_language("ko")
    try:
        report = check(plan, profile_with({"lead": "error"}), language="en")
    finally:
        set_language("en")
    assert report.findings[0].message == "A-01 AI 돌봄 로봇: no lead organisation or department"


def test_hostile_text_is_kept_as_typed(plan: PlanBuilder) -> None:
    hostile = "{item} <b>R&D</b> {0} $5 to $10"
    plan.initiative("A-01", hostile, lead_department="")
    (finding,) = check(plan, profile_with({"lead": "error"})).findings
    assert finding.message == f"A-01 {hostile}: no lead organisation or department"


def test_an_empty_plan_checks_cleanly() -> None:
    with empty_plan() as builder:
        report = check(builder, every_check_profile())
    assert [finding.check for finding in report.findings] == [
        "submission_deadline", "narrative_written", "narrative_written"]


# -- the demo plan ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_session() -> Iterator[Session]:
    engine = create_engine("sqlite://")
    event.listen(engine, "connect", lambda connection, _record: connection.execute("PRAGMA foreign_keys = ON"))
    Base.metadata.create_all(engine)
    with Session(engine) as session:
        build_demo_plan(session, "ko")
        session.flush()
        yield session
    engine.dispose()


def test_the_demo_plan_against_every_check(demo_session: Session) -> None:
    profile = every_check_profile(
        programme_funding={"min_national_share_percent": 50, "max_per_year_krw": 2_000_000_000},
        allowed_values={"field": "project_type", "values": ("isp", "build", "operate", "research")},
        partners={"sectors": ("private_company", "academia", "public_agency"), "min": 1},
        plan_period={"min_years": 5, "max_years": 5})
    report = check_plan(demo_session, profile, "ko", today=date(2026, 1, 15))
    ids = [finding.id for finding in report.findings]
    assert len(ids) == len(set(ids))
    kinds = {"initiative": "initiative", "kpi": "kpi", "stakeholder": "stakeholder",
             "narrative_section": "narrative_section", "budget_total": "budget_total"}
    for finding in report.findings:
        assert finding.message and finding.item_label, finding
        if finding.item_id is not None:
            table = ENTITY_CLASSES[kinds[finding.item_kind or ""]].__table__
            assert demo_session.execute(select(table.c.id).where(table.c.id == finding.item_id)).first()
    ranks = {"error": 0, "warning": 1, "info": 2}
    assert [ranks[finding.severity] for finding in report.findings] == sorted(
        ranks[finding.severity] for finding in report.findings)
    # The demo is a well-formed plan: no loops, no funding-rule breaches, nothing outside its period.
    checks = {finding.check for finding in report.findings}
    assert checks.isdisjoint({"dependency_cycle", "period_in_plan", "plan_period", "allowed_values"})
