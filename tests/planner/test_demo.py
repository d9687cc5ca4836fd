"""The bundled Haedam demo plan: its size, its internal consistency and its two languages."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy.orm import Session

from planner.demo import DEMO_NAMESPACE, build_demo_plan, demo_id, load_demo_data
from planner.model import (
    ENTITY_CLASSES,
    Base,
    BudgetLine,
    ChecklistAnswer,
    Dependency,
    Field,
    FundingRule,
    Initiative,
    Kpi,
    KpiTarget,
    Milestone,
    Plan,
    RaciRole,
    Risk,
    Stakeholder,
    StakeholderRelation,
    Strategy,
)
from planner.model.rules import problems_of
from planner.model.vocabulary import SECTORS
from planner.months import YearMonth

HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
DEMO_KINDS = [kind for kind in ENTITY_CLASSES if kind not in ("comment", "change_log")]
ETHICS_ITEMS = {
    "human_rights", "privacy", "diversity", "no_harm", "public_interest", "solidarity", "data_management",
    "accountability", "safety", "transparency",
}
PLAN_FIRST, PLAN_LAST = YearMonth(2027, 1), YearMonth(2031, 12)
Rows = dict[str, dict[str, dict[str, Any]]]


def _engine() -> Engine:
    engine = create_engine("sqlite://")
    event.listen(engine, "connect", lambda connection, _record: connection.execute("PRAGMA foreign_keys = ON"))
    Base.metadata.create_all(engine)
    return engine


def _build(language: str) -> Rows:
    """Build the demo into a fresh in-memory database; every row of every table by kind and id."""
    engine = _engine()
    try:
        with Session(engine) as session:
            build_demo_plan(session, language)
            session.commit()
            return {
                kind: {row["id"]: dict(row) for row in session.execute(select(ENTITY_CLASSES[kind].__table__)).mappings()}
                for kind in DEMO_KINDS
            }
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def ko() -> Rows:
    return _build("ko")


@pytest.fixture(scope="module")
def en() -> Rows:
    return _build("en")


@pytest.fixture
def session() -> Iterator[Session]:
    engine = _engine()
    with Session(engine) as opened:
        yield opened
    engine.dispose()


def _rows(rows: Rows, kind: str) -> list[dict[str, Any]]:
    return list(rows[kind].values())


def _initiatives_by_id(rows: Rows) -> dict[str, dict[str, Any]]:
    return rows["initiative"]


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [item for item in value if isinstance(item, str)]
    return []


def _has_hangul(value: Any) -> bool:
    return any(HANGUL.search(text) for text in _strings(value))


# -- size ----------------------------------------------------------------------------------------------------


def test_counts_are_within_the_planned_ranges(ko: Rows) -> None:
    assert len(ko["plan"]) == 1
    assert 4 <= len(ko["field"]) <= 6
    assert 2 <= len(ko["strategy"]) <= 4
    assert 20 <= len(ko["initiative"]) <= 30
    assert len(ko["dependency"]) >= 30
    assert len(ko["stakeholder"]) >= 30
    assert len(ko["stakeholder_relation"]) >= 20
    assert len(ko["narrative_section"]) >= 11
    assert len(ko["funding_rule"]) >= 3
    assert len({m["initiative_id"] for m in _rows(ko, "milestone")}) >= 8
    assert len(ko["risk"]) >= 5
    assert ko["budget_line"] and ko["kpi_target"] and ko["checklist_answer"] and ko["raci_role"]


def test_the_plan_row_describes_haedam_county(ko: Rows, en: Rows) -> None:
    (plan,) = _rows(ko, "plan")
    assert plan["title"] == "해담군 AI 융합 지역 디지털 전환 계획 (2027–2031)"
    assert (plan["region_province"], plan["region_district"]) == ("해담도", "해담군")
    assert (plan["plan_type"], plan["start_year"], plan["end_year"]) == ("master", 2027, 2031)
    assert plan["lead_organisation"] == "해담군청" and plan["language"] == "ko"
    assert plan["contact_department"] and plan["contact_name"] and plan["contact_phone"]
    assert plan["vision"] and plan["publication_number"]
    (english,) = _rows(en, "plan")
    assert english["title"] == "Haedam County AI-Convergence Regional Digital Transformation Plan (2027–2031)"
    assert (english["region_province"], english["region_district"]) == ("Haedam Province", "Haedam County")
    assert english["lead_organisation"] == "Haedam County Office" and english["language"] == "en"


def test_narrative_sections_cover_the_customary_chapters_and_name_the_laws(ko: Rows, en: Rows) -> None:
    keys = {section["key"] for section in _rows(ko, "narrative_section")}
    assert {
        "overview.background", "overview.purpose", "overview.scope", "overview.legal_basis",
        "environment.policy_trends", "environment.technology_trends", "status.past_results", "status.swot",
        "vision.goals", "governance", "expected_effects",
    } <= keys
    for section in _rows(ko, "narrative_section"):
        assert section["body"].count("\n") >= 5, section["key"]
        assert "□" in section["body"] and "○" in section["body"], section["key"]
    korean_law = next(s["body"] for s in _rows(ko, "narrative_section") if s["key"] == "overview.legal_basis")
    assert "지능정보화 기본법" in korean_law and "제15조" in korean_law
    assert "개인정보 보호법" in korean_law and "제33조" in korean_law
    english_law = next(s["body"] for s in _rows(en, "narrative_section") if s["key"] == "overview.legal_basis")
    assert "Article 15" in english_law and "Article 33" in english_law


# -- stakeholders ----------------------------------------------------------------------------------------------


def test_every_sector_is_present_with_at_least_two_global_partners(ko: Rows) -> None:
    sectors = Counter(s["sector"] for s in _rows(ko, "stakeholder"))
    assert set(sectors) == set(SECTORS)
    assert sectors["global_partner"] >= 2
    for stakeholder in _rows(ko, "stakeholder"):
        assert 1 <= stakeholder["influence"] <= 5 and 1 <= stakeholder["interest"] <= 5
        assert isinstance(stakeholder["tags"], list) and stakeholder["tags"]


def test_relations_join_two_different_stakeholders(ko: Rows) -> None:
    for relation in _rows(ko, "stakeholder_relation"):
        assert relation["source_id"] in ko["stakeholder"] and relation["target_id"] in ko["stakeholder"]
        assert relation["source_id"] != relation["target_id"]
        assert 1 <= relation["strength"] <= 5
    assert {r["directed"] for r in _rows(ko, "stakeholder_relation")} == {True, False}


def test_every_initiative_has_one_accountable_and_a_responsible(ko: Rows) -> None:
    roles: dict[str, Counter[str]] = defaultdict(Counter)
    pairs = Counter((r["initiative_id"], r["stakeholder_id"]) for r in _rows(ko, "raci_role"))
    for role in _rows(ko, "raci_role"):
        roles[role["initiative_id"]][role["role"]] += 1
    assert max(pairs.values()) == 1
    for initiative_id, initiative in ko["initiative"].items():
        assert roles[initiative_id]["A"] == 1, initiative["code"]
        assert roles[initiative_id]["R"] >= 1, initiative["code"]
    assert {r["role"] for r in _rows(ko, "raci_role")} == {"R", "A", "C", "I"}


# -- schedule --------------------------------------------------------------------------------------------------


def test_every_initiative_lies_within_the_plan_period(ko: Rows) -> None:
    for initiative in _rows(ko, "initiative"):
        start, duration = initiative["start_month"], initiative["duration_months"]
        assert PLAN_FIRST <= start <= PLAN_LAST, initiative["code"]
        assert start.index + duration <= PLAN_LAST.index + 1, initiative["code"]
        if initiative["not_before"] is not None:
            assert initiative["not_before"] <= start, initiative["code"]
        phase = 1 if start.year == 2027 else 2 if start.year <= 2029 else 3
        assert initiative["phase"] == phase, initiative["code"]
    durations = [i["duration_months"] for i in _rows(ko, "initiative")]
    assert durations.count(0) >= 2
    assert sum(1 for i in _rows(ko, "initiative") if i["not_before"] is not None) >= 2


def test_milestones_fall_within_their_initiative(ko: Rows) -> None:
    for milestone in _rows(ko, "milestone"):
        initiative = ko["initiative"][milestone["initiative_id"]]
        start = initiative["start_month"].index
        last = start + max(initiative["duration_months"], 1) - 1
        assert start <= milestone["month"].index <= last, initiative["code"]


def test_dependencies_use_every_type_and_leads_as_well_as_lags(ko: Rows) -> None:
    dependencies = _rows(ko, "dependency")
    assert {d["type"] for d in dependencies} == {"FS", "SS", "FF", "SF"}
    assert any(d["lag_months"] > 0 for d in dependencies)
    assert any(d["lag_months"] < 0 for d in dependencies)


def test_the_dependency_graph_is_acyclic(ko: Rows) -> None:
    successors: dict[str, list[str]] = defaultdict(list)
    for dependency in _rows(ko, "dependency"):
        successors[dependency["predecessor_id"]].append(dependency["successor_id"])
    state: dict[str, str] = {}  # "open" while on the DFS stack, then "done"

    def visit(node: str) -> None:
        state[node] = "open"
        for successor in successors[node]:
            assert state.get(successor) != "open", f"cycle through {ko['initiative'][successor]['code']}"
            if successor not in state:
                visit(successor)
        state[node] = "done"

    for node in list(ko["initiative"]):
        if node not in state:
            visit(node)


def test_every_dependency_is_satisfied_by_the_stored_dates(ko: Rows) -> None:
    initiatives = _initiatives_by_id(ko)
    for dependency in _rows(ko, "dependency"):
        predecessor = initiatives[dependency["predecessor_id"]]
        successor = initiatives[dependency["successor_id"]]
        s_pred, d_pred = predecessor["start_month"].index, predecessor["duration_months"]
        s_succ, d_succ = successor["start_month"].index, successor["duration_months"]
        lag = dependency["lag_months"]
        satisfied = {
            "FS": s_succ >= s_pred + d_pred + lag,
            "SS": s_succ >= s_pred + lag,
            "FF": s_succ + d_succ >= s_pred + d_pred + lag,
            "SF": s_succ + d_succ >= s_pred + lag,
        }[dependency["type"]]
        assert satisfied, f"{predecessor['code']} -{dependency['type']} {lag:+d}-> {successor['code']}"


def test_in_progress_initiatives_have_started(ko: Rows) -> None:
    running = [i for i in _rows(ko, "initiative") if i["status"] == "in_progress"]
    assert len(running) >= 3
    for initiative in running:
        assert initiative["actual_start"] is not None and initiative["actual_start"].year == 2027
        assert 0 < initiative["progress"] < 100


# -- money -----------------------------------------------------------------------------------------------------


def _budget_by_initiative_and_year(rows: Rows) -> dict[str, dict[int, dict[str, int]]]:
    found: dict[str, dict[int, dict[str, int]]] = defaultdict(lambda: defaultdict(dict))
    for line in _rows(rows, "budget_line"):
        found[line["initiative_id"]][line["fiscal_year"]][line["source"]] = line["planned_krw"]
    return found


def test_budget_lines_fall_in_the_years_an_initiative_runs(ko: Rows) -> None:
    budget = _budget_by_initiative_and_year(ko)
    for initiative_id, initiative in ko["initiative"].items():
        start, duration = initiative["start_month"].index, initiative["duration_months"]
        running_years = {(start + month) // 12 for month in range(duration)}
        assert set(budget.get(initiative_id, {})) <= running_years, initiative["code"]
    for line in _rows(ko, "budget_line"):
        assert isinstance(line["planned_krw"], int) and line["planned_krw"] > 0
        initiative = ko["initiative"][line["initiative_id"]]
        executed_expected = initiative["status"] == "in_progress" and line["fiscal_year"] == 2027
        assert (line["executed_krw"] is not None) == executed_expected, initiative["code"]
        if line["executed_krw"] is not None:
            assert 0 <= line["executed_krw"] <= line["planned_krw"]
    total = sum(line["planned_krw"] for line in _rows(ko, "budget_line"))
    assert 3_000_000_000 <= total <= 60_000_000_000
    assert {line["source"] for line in _rows(ko, "budget_line")} == {
        "national", "provincial", "municipal", "private", "other",
    }


def test_smart_village_initiatives_respect_the_programme_rule(ko: Rows) -> None:
    rule_id = demo_id("funding_rule", "smart_village")
    rule = ko["funding_rule"][rule_id]
    assert (rule["min_national_share_percent"], rule["max_per_year_krw"]) == (80, 100_000_000)
    budget = _budget_by_initiative_and_year(ko)
    smart_village = [i for i in _rows(ko, "initiative") if i["funding_rule_id"] == rule_id]
    assert len(smart_village) >= 4
    for initiative in smart_village:
        years = budget[initiative["id"]]
        assert years, initiative["code"]
        for year, sources in years.items():
            total = sum(sources.values())
            assert total <= 100_000_000, (initiative["code"], year)
            assert sources.get("national", 0) * 100 >= 80 * total, (initiative["code"], year)


def test_every_funding_rule_is_respected(ko: Rows) -> None:
    budget = _budget_by_initiative_and_year(ko)
    rules = ko["funding_rule"]
    names = {rule["name"] for rule in rules.values()}
    assert {"스마트빌리지 선도서비스", "디지털트윈 시범구역", "국토교통부 디지털트윈"} <= names
    used = set()
    for initiative in _rows(ko, "initiative"):
        rule = rules.get(initiative["funding_rule_id"])
        if rule is None:
            continue
        used.add(rule["id"])
        years = budget[initiative["id"]]
        if rule["max_years"] is not None:
            assert len(years) <= rule["max_years"], initiative["code"]
        for sources in years.values():
            total, national = sum(sources.values()), sources.get("national", 0)
            if rule["max_per_year_krw"] is not None:
                assert total <= rule["max_per_year_krw"], initiative["code"]
            if rule["min_national_share_percent"] is not None:
                assert national * 100 >= rule["min_national_share_percent"] * total, initiative["code"]
            if rule["max_national_share_percent"] is not None:
                assert national * 100 <= rule["max_national_share_percent"] * total, initiative["code"]
    assert used == set(rules)


# -- performance, risks, checks --------------------------------------------------------------------------------


def test_kpis_of_all_four_types_with_baselines_and_targets(ko: Rows) -> None:
    kpis = _rows(ko, "kpi")
    assert {k["type"] for k in kpis} == {"input", "process", "output", "outcome"}
    with_kpi = {k["initiative_id"] for k in kpis}
    assert set(ko["initiative"]) <= with_kpi
    targets: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for target in _rows(ko, "kpi_target"):
        targets[target["kpi_id"]].append(target)
    for kpi in kpis:
        assert kpi["baseline_value"] is not None and kpi["baseline_year"] is not None and kpi["unit"]
        assert targets[kpi["id"]], kpi["name"]
        if kpi["initiative_id"] is not None:
            initiative = ko["initiative"][kpi["initiative_id"]]
            finish = initiative["start_month"] + max(initiative["duration_months"] - 1, 0)
            assert max(t["year"] for t in targets[kpi["id"]]) >= finish.year, initiative["code"]
    actuals = [t for t in _rows(ko, "kpi_target") if t["actual_value"] is not None]
    assert actuals and all(t["year"] == 2027 for t in actuals)


def test_risks_and_privacy_flags(ko: Rows) -> None:
    for risk in _rows(ko, "risk"):
        assert 1 <= risk["likelihood"] <= 5 and 1 <= risk["impact"] <= 5
        assert risk["mitigation"] and risk["owner_stakeholder_id"] in ko["stakeholder"]
    assert any(
        (i["data_subject_count"] or 0) >= 50_000 and (i["sensitive_data"] or i["unique_identifiers"])
        for i in _rows(ko, "initiative")
    ), "at least one initiative should need a privacy impact assessment"


def test_ai_initiatives_answer_the_ten_ethics_requirements(ko: Rows) -> None:
    answers: dict[str, set[str]] = defaultdict(set)
    for answer in _rows(ko, "checklist_answer"):
        assert answer["checklist"] == "ai_ethics"
        answers[answer["initiative_id"]].add(answer["item_key"])
    ai = [i for i in _rows(ko, "initiative") if i["ai_technology"]]
    assert len(ai) >= 10
    for initiative in ai:
        assert answers[initiative["id"]] == ETHICS_ITEMS, initiative["code"]
    assert set(answers) == {i["id"] for i in ai}


def test_every_row_passes_the_apps_own_validation(ko: Rows, en: Rows, session: Session) -> None:
    build_demo_plan(session, "en")
    for kind in DEMO_KINDS:
        for row_id, row in en[kind].items():
            assert problems_of(session, kind, row, row_id) == {}, (kind, row_id)


# -- languages and determinism ---------------------------------------------------------------------------------


def test_ko_and_en_share_ids_and_numbers_and_differ_only_in_text(ko: Rows, en: Rows) -> None:
    translated = 0
    for kind in DEMO_KINDS:
        assert set(ko[kind]) == set(en[kind]), kind
        for row_id, korean in ko[kind].items():
            english = en[kind][row_id]
            for column, value in korean.items():
                if kind == "plan" and column == "language":
                    continue
                if _has_hangul(value):
                    assert english[column] != value, (kind, column)
                    translated += 1
                else:
                    assert english[column] == value, (kind, row_id, column)
    assert translated > 500


def test_no_korean_is_left_in_the_english_build(en: Rows) -> None:
    leftovers = [
        (kind, column, row.get("code") or row.get("key") or row_id)
        for kind in DEMO_KINDS
        for row_id, row in en[kind].items()
        for column, value in row.items()
        if _has_hangul(value)
    ]
    assert leftovers == []


def test_the_korean_build_has_korean_titles(ko: Rows) -> None:
    assert all(_has_hangul(i["title"]) for i in _rows(ko, "initiative"))
    assert all(_has_hangul(s["name"]) for s in _rows(ko, "stakeholder") if s["sector"] != "global_partner")
    assert all(_has_hangul(s["title"]) and _has_hangul(s["body"]) for s in _rows(ko, "narrative_section"))


def test_ids_are_uuid5_of_table_and_key(ko: Rows) -> None:
    import uuid

    assert demo_id("initiative", "A-01") == str(uuid.uuid5(DEMO_NAMESPACE, "initiative:A-01"))
    codes = {i["code"]: row_id for row_id, i in ko["initiative"].items()}
    assert all(codes[code] == demo_id("initiative", code) for code in codes)
    assert {row["modified_at"] for kind in DEMO_KINDS for row in ko[kind].values()} == {
        next(iter(ko["plan"].values()))["modified_at"]
    }


def test_two_builds_are_identical(ko: Rows) -> None:
    assert _build("ko") == ko


def test_positions_follow_the_file_order(ko: Rows) -> None:
    data = load_demo_data()
    by_position = sorted(_rows(ko, "initiative"), key=lambda i: i["position"])
    assert [i["code"] for i in by_position] == [i["code"] for i in data["initiatives"]]
    sections = sorted(_rows(ko, "narrative_section"), key=lambda s: s["position"])
    assert [s["key"] for s in sections] == [s["key"] for s in data["narrative_sections"]]


def test_an_unknown_language_is_refused(session: Session) -> None:
    with pytest.raises(ValueError):
        build_demo_plan(session, "fr")
    assert session.execute(select(Plan.id)).first() is None


def test_the_demo_is_only_built_into_an_empty_plan(session: Session) -> None:
    build_demo_plan(session, "ko")
    with pytest.raises(ValueError):
        build_demo_plan(session, "en")


def test_the_builder_leaves_the_transaction_to_the_caller(session: Session) -> None:
    build_demo_plan(session, "en")
    assert session.in_transaction()
    session.rollback()
    for model in (Plan, Field, Strategy, Stakeholder, FundingRule, Initiative, Milestone, Dependency,
                  StakeholderRelation, RaciRole, BudgetLine, Kpi, KpiTarget, Risk, ChecklistAnswer):
        assert session.execute(select(model.id)).first() is None, model.__tablename__
