"""Service templates: the catalogue loads and validates, bad catalogues name what is wrong, and adding a
template is one exact undo entry whose rows keep every rule."""

from __future__ import annotations

import copy
import json
from collections import defaultdict
from collections.abc import Callable, Iterator
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from planner.commands.templates import add_from_template_command, suggested_start_month
from planner.model import (
    BudgetLine,
    ChecklistAnswer,
    Dependency,
    FundingRule,
    Initiative,
    Kpi,
    KpiTarget,
)
from planner.model.rules import problems_of
from planner.months import YearMonth
from planner.queries import finish_month
from planner.resources import resource_path
from planner.storage import PlanDocument
from planner.storage.create import create_empty_database
from planner.storage.document import make_engine
from planner.templates import (
    CATALOGUE_FILE,
    CHECKLIST_ITEMS,
    BudgetShare,
    TemplateCatalogueError,
    largest_remainder,
    list_templates,
    load_catalogue,
    parse_catalogue,
    read_catalogue,
    yearly_amounts,
)
from tests.planner.commands.sample_plan import TableDump, dump_tables

SMART_VILLAGE = ("smart_village_income", "smart_village_convenience", "smart_village_safety", "smart_village_facilities")
REQUIRED = (*SMART_VILLAGE, "digital_twin_pilot", "ai_elder_care", "ai_civil_service_assistant", "smart_farming",
            "regional_data_platform")
TEMPLATE_IDS = tuple(load_catalogue())
CHILD_KINDS = ("budget_line", "kpi", "kpi_target", "checklist_answer", "dependency", "funding_rule")


def raw_catalogue() -> dict[str, Any]:
    with resource_path(*CATALOGUE_FILE).open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def template_of(data: dict[str, Any], template_id: str) -> dict[str, Any]:
    return next(item for item in data["templates"] if item["id"] == template_id)


# -- plans ------------------------------------------------------------------------------------------------


@pytest.fixture
def empty_plan() -> Iterator[PlanDocument]:
    document = PlanDocument.new("빈 계획", 2027, 2031)
    yield document
    document.close()


@pytest.fixture
def demo_plan(tmp_path: Path) -> Iterator[PlanDocument]:
    from planner.demo import build_demo_plan

    path = tmp_path / "haedam.cplan"
    create_empty_database(path)
    engine = make_engine(path)
    try:
        with Session(engine) as session, session.begin():
            build_demo_plan(session, "ko")
    finally:
        engine.dispose()
    document = PlanDocument.open(path)
    yield document
    document.close()


def dump(document: PlanDocument) -> TableDump:
    """Every table but the history, which only grows (undo adds an entry of its own: planner.history)."""
    with document.engine.connect() as connection:
        return {kind: rows for kind, rows in dump_tables(connection).items() if kind != "change_log"}


def run(document: PlanDocument, work: Callable[[Session], Any]) -> Any:
    with document.session() as session:
        return work(session)


def add(document: PlanDocument, template_id: str, **options: Any) -> Any:
    command = run(document, lambda session: add_from_template_command(session, template_id, **options))
    document.apply(command)
    return command


# -- the catalogue -----------------------------------------------------------------------------------------


def test_the_catalogue_loads_with_every_required_service_model() -> None:
    catalogue = load_catalogue()
    assert len(catalogue) >= 9
    assert set(REQUIRED) <= set(catalogue)
    for template in catalogue.values():
        assert {kpi.type for kpi in template.kpis} == {"input", "process", "output", "outcome"}, template.id
        for language in ("ko", "en"):
            assert template.text("name", language) and template.text("purpose", language)
    assert catalogue["ai_civil_service_assistant"].prerequisites[0] == "regional_data_platform"
    assert "isp" in catalogue["regional_data_platform"].prerequisites


def test_smart_village_templates_follow_the_programme_rule() -> None:
    catalogue = load_catalogue()
    for template_id in SMART_VILLAGE:
        template = catalogue[template_id]
        rule = template.funding_rule
        assert rule is not None
        assert (rule.min_national_share_percent, rule.max_per_year_krw, rule.max_years) == (80, 100_000_000, 2)
        assert rule.name.get("ko") == "스마트빌리지 선도서비스"
        for sources in template.yearly_budget().values():
            assert sum(sources.values()) <= 100_000_000
            assert Fraction(sources["national"], sum(sources.values())) >= Fraction(80, 100)
    names = {catalogue[t].text("service_domain", "ko") for t in SMART_VILLAGE}
    assert names == {"농어촌소득증대", "생활편의 개선", "생활 속 안전강화", "주민생활시설 스마트화"}


def test_list_templates_in_each_language() -> None:
    korean = {summary.id: summary for summary in list_templates("ko")}
    english = {summary.id: summary for summary in list_templates("en")}
    assert list(korean) == list(TEMPLATE_IDS)
    assistant = korean["ai_civil_service_assistant"]
    assert assistant.name == "생성형 AI 민원상담 도우미"
    assert english["ai_civil_service_assistant"].name == "Generative-AI civil-service assistant"
    assert assistant.duration_months == 12 and assistant.budget_total_krw == 600_000_000
    assert [kind for kind, _name, _unit in assistant.kpis] == ["input", "process", "output", "outcome"]
    assert dict(assistant.prerequisites)["regional_data_platform"] == "지역 데이터 통합 플랫폼 구축"
    assert korean["smart_village_income"].funding_rule == "스마트빌리지 선도서비스"
    assert english["smart_village_income"].funding_rule == "Smart Village lead service"
    assert korean["ai_elder_care"].funding_rule == ""


def test_amounts_are_split_by_largest_remainder_and_add_up_exactly() -> None:
    assert largest_remainder(100, [Fraction(1)] * 3) == [34, 33, 33]
    assert largest_remainder(0, [Fraction(1), Fraction(2)]) == [0, 0]
    thirds = [BudgetShare(year, source, share_percent=Fraction(100, 6))
              for year in range(3) for source in ("national", "municipal")]
    amounts = yearly_amounts(1_000_000_001, thirds)
    assert sum(sum(sources.values()) for sources in amounts.values()) == 1_000_000_001
    assert [sum(sources.values()) for sources in amounts.values()] == [333_333_334, 333_333_334, 333_333_333]
    fixed = yearly_amounts(0, [BudgetShare(1, "municipal", amount_krw=5), BudgetShare(0, "national", amount_krw=7)])
    assert fixed == {0: {"national": 7}, 1: {"municipal": 5}}


def _unknown_key(data: dict[str, Any]) -> None:
    template_of(data, "isp")["colour"] = "blue"


def _missing_language(data: dict[str, Any]) -> None:
    del template_of(data, "isp")["name"]["en"]


def _bad_source(data: dict[str, Any]) -> None:
    template_of(data, "isp")["budget"]["lines"][0]["source"] = "state"


def _bad_kpi_type(data: dict[str, Any]) -> None:
    template_of(data, "smart_farming")["kpis"][0]["type"] = "impact"


def _bad_checklist_key(data: dict[str, Any]) -> None:
    template_of(data, "ai_elder_care")["checklists"]["ai_ethics"][0] = "fairness"


def _shares_not_100(data: dict[str, Any]) -> None:
    template_of(data, "isp")["budget"]["lines"][0]["share_percent"] = 20


def _duplicate_id(data: dict[str, Any]) -> None:
    data["templates"].append(copy.deepcopy(template_of(data, "isp")))


def _unknown_prerequisite(data: dict[str, Any]) -> None:
    template_of(data, "regional_data_platform")["prerequisites"] = ["isp", "data_lake"]


def _prerequisite_cycle(data: dict[str, Any]) -> None:
    template_of(data, "isp")["prerequisites"] = ["ai_civil_service_assistant"]


def _over_the_rule(data: dict[str, Any]) -> None:
    lines = template_of(data, "smart_village_safety")["budget"]["lines"]
    lines[0]["share_percent"], lines[2]["share_percent"] = 35, 12  # 70M national of 100M


def _missing_key(data: dict[str, Any]) -> None:
    del template_of(data, "smart_farming")["duration_months"]


def _newer_format(data: dict[str, Any]) -> None:
    data["format_version"] = 99


def _missing_kpi_type(data: dict[str, Any]) -> None:
    kpis = template_of(data, "isp")["kpis"]
    kpis[:] = [kpi for kpi in kpis if kpi["type"] != "outcome"]


BAD_CATALOGUES = {
    "unknown key": (_unknown_key, "Template 'isp', colour: is not a known key"),
    "missing language": (_missing_language, "Template 'isp', name: has no English text ('en')"),
    "unknown source": (_bad_source, "Template 'isp', budget.lines[0].source: 'state' is not a funding source"),
    "unknown KPI type": (_bad_kpi_type, "Template 'smart_farming', kpis[0].type: 'impact' is not a KPI type"),
    "unknown checklist item": (
        _bad_checklist_key, "Template 'ai_elder_care', checklists.ai_ethics[0]: 'fairness' is not an item"),
    "shares not 100 %": (_shares_not_100, "Template 'isp', budget.lines: shares add up to 90 %, not 100 %"),
    "duplicate id": (_duplicate_id, "Template 'isp', id: is used by another template too"),
    "unknown prerequisite": (
        _unknown_prerequisite, "Template 'regional_data_platform', prerequisites[1]: names an unknown template "
                               "'data_lake'"),
    "prerequisite cycle": (_prerequisite_cycle, "prerequisites: form a cycle:"),
    "budget over its own rule": (
        _over_the_rule, "Template 'smart_village_safety', budget.lines: year 0: national share 70 % is below the "
                        "80 % of its funding rule"),
    "missing key": (_missing_key, "Template 'smart_farming', duration_months: is missing"),
    "newer format": (_newer_format, "Template catalogue, format_version: 99 is newer"),
    "KPI type missing": (_missing_kpi_type, "Template 'isp', kpis: need at least one KPI of each type; missing: outcome"),
}


@pytest.mark.parametrize("case", BAD_CATALOGUES)
def test_a_bad_catalogue_names_the_template_and_field(case: str) -> None:
    spoil, expected = BAD_CATALOGUES[case]
    data = raw_catalogue()
    spoil(data)
    with pytest.raises(TemplateCatalogueError) as caught:
        parse_catalogue(data, "catalogue.json")
    message = str(caught.value)
    assert expected in message
    assert len(caught.value.problems) == 1, message


def test_an_unreadable_catalogue_file_is_a_catalogue_error(tmp_path: Path) -> None:
    path = tmp_path / "catalogue.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(TemplateCatalogueError, match=r"catalogue\.json"):
        read_catalogue(path)


# -- adding a template -------------------------------------------------------------------------------------


def rows_of(document: PlanDocument, initiative_id: str) -> dict[str, list[Any]]:
    def read(session: Session) -> dict[str, list[Any]]:
        kpi_ids = session.execute(select(Kpi.id).where(Kpi.initiative_id == initiative_id)).scalars().all()
        return {
            "initiative": session.execute(select(Initiative).where(Initiative.id == initiative_id)).scalars().all(),
            "budget_line": session.execute(select(BudgetLine).where(BudgetLine.initiative_id == initiative_id)).scalars().all(),
            "kpi": session.execute(select(Kpi).where(Kpi.initiative_id == initiative_id)).scalars().all(),
            "kpi_target": session.execute(select(KpiTarget).where(KpiTarget.kpi_id.in_(kpi_ids))).scalars().all(),
            "checklist_answer": session.execute(
                select(ChecklistAnswer).where(ChecklistAnswer.initiative_id == initiative_id)).scalars().all(),
            "dependency": session.execute(
                select(Dependency).where(Dependency.successor_id == initiative_id)).scalars().all(),
        }

    return run(document, read)


def assert_rows_keep_every_rule(document: PlanDocument, rows: dict[str, list[Any]]) -> None:
    def check(session: Session) -> None:
        for kind, objects in rows.items():
            for row in objects:
                values = {column.name: getattr(row, column.name) for column in row.__table__.columns}
                assert problems_of(session, kind, values, row.id) == {}, (kind, values)

    run(document, check)


def assert_template_added(document: PlanDocument, template_id: str, command: Any, start: YearMonth) -> None:
    template = load_catalogue()[template_id]
    rows = rows_of(document, command.initiative_id)
    assert_rows_keep_every_rule(document, rows)
    (initiative,) = rows["initiative"]
    assert initiative.template_id == template_id and initiative.code == command.code
    assert initiative.start_month == start and initiative.duration_months == template.duration_months
    assert initiative.project_type == template.project_type and initiative.status == "planned"
    assert sum(line.planned_krw for line in rows["budget_line"]) == template.budget_total_krw
    assert all(isinstance(line.planned_krw, int) for line in rows["budget_line"])
    assert {line.fiscal_year for line in rows["budget_line"]} <= set(
        range(start.year, finish_month(start, template.duration_months).year + 1))
    assert {kpi.type for kpi in rows["kpi"]} == {"input", "process", "output", "outcome"}
    finish_year = finish_month(start, template.duration_months).year
    assert max(target.year for target in rows["kpi_target"]) >= finish_year
    expected = {(checklist, key) for checklist, keys in template.checklists.items() for key in keys}
    assert {(a.checklist, a.item_key) for a in rows["checklist_answer"]} == expected
    assert {a.answer for a in rows["checklist_answer"]} <= {"unanswered"}
    if template.funding_rule is None:
        assert initiative.funding_rule_id is None
    else:
        rule = run(document, lambda s: s.get(FundingRule, initiative.funding_rule_id))
        assert rule.name in template.funding_rule.name.all()
        by_year: dict[int, dict[str, int]] = defaultdict(dict)
        for line in rows["budget_line"]:
            by_year[line.fiscal_year][line.source] = line.planned_krw
        if rule.max_years is not None:
            assert len(by_year) <= rule.max_years
        for sources in by_year.values():
            total = sum(sources.values())
            if rule.max_per_year_krw is not None:
                assert total <= rule.max_per_year_krw
            share = Fraction(sources.get("national", 0) * 100, total)
            assert rule.min_national_share_percent is None or share >= rule.min_national_share_percent
            assert rule.max_national_share_percent is None or share <= rule.max_national_share_percent


@pytest.mark.parametrize("template_id", TEMPLATE_IDS)
def test_each_template_added_to_an_empty_plan_keeps_every_rule(empty_plan: PlanDocument, template_id: str) -> None:
    command = add(empty_plan, template_id)
    assert command.label == f"Add '{load_catalogue()[template_id].text('name', 'ko')}' from template"
    assert command.code == "X-01"
    assert_template_added(empty_plan, template_id, command, YearMonth(2027, 1))
    assert command.missing_prerequisites == [
        load_catalogue()[p].text("name", "ko") for p in load_catalogue()[template_id].prerequisites]


@pytest.mark.parametrize("template_id", TEMPLATE_IDS)
def test_each_template_added_to_the_demo_plan_keeps_every_rule(demo_plan: PlanDocument, template_id: str) -> None:
    field_id = run(demo_plan, lambda s: s.execute(select(Initiative.field_id).where(Initiative.code == "C-01")).scalar_one())
    command = add(demo_plan, template_id, start_month=YearMonth(2028, 7), field_id=field_id)
    assert command.code == "C-05"
    assert_template_added(demo_plan, template_id, command, YearMonth(2028, 7))


def test_smart_village_reuses_the_plans_rule_and_keeps_it(demo_plan: PlanDocument) -> None:
    from planner.budget import funding_rule_violations

    rules_before = run(demo_plan, lambda s: s.execute(select(FundingRule.id)).scalars().all())
    violations_before = run(demo_plan, funding_rule_violations)
    for template_id in SMART_VILLAGE:
        command = add(demo_plan, template_id, start_month=YearMonth(2030, 1))
        assert not command.funding_rule_added and command.funding_rule == "스마트빌리지 선도서비스"
    assert run(demo_plan, lambda s: s.execute(select(FundingRule.id)).scalars().all()) == rules_before
    assert run(demo_plan, funding_rule_violations) == violations_before


def test_every_template_keeps_its_own_funding_rule_by_the_budget_check(empty_plan: PlanDocument) -> None:
    from planner.budget import funding_rule_violations

    for template_id in TEMPLATE_IDS:
        add(empty_plan, template_id, start_month=YearMonth(2027, 7))
    assert run(empty_plan, funding_rule_violations) == []
    rules = run(empty_plan, lambda s: s.execute(select(FundingRule.name)).scalars().all())
    assert sorted(rules) == sorted({t.funding_rule.name.get("ko") for t in load_catalogue().values() if t.funding_rule})


def test_prerequisites_in_the_plan_are_linked_finish_to_start(empty_plan: PlanDocument) -> None:
    isp = add(empty_plan, "isp")
    platform = add(empty_plan, "regional_data_platform")
    assert platform.linked_codes == [isp.code] and platform.missing_prerequisites == []
    assert platform.start_month == YearMonth(2027, 7)  # the month after the six-month ISP
    assistant = add(empty_plan, "ai_civil_service_assistant")
    # the platform already follows the ISP, so the assistant is linked to the platform only
    assert assistant.linked_codes == [platform.code] and assistant.missing_prerequisites == []
    assert assistant.start_month == YearMonth(2029, 1)
    links = run(empty_plan, lambda s: [(d.predecessor_id, d.successor_id, d.type, d.lag_months)
                                       for d in s.execute(select(Dependency)).scalars()])
    assert sorted(links) == sorted([(isp.initiative_id, platform.initiative_id, "FS", 0),
                                    (platform.initiative_id, assistant.initiative_id, "FS", 0)])
    assert "Follows X-02 (finish to start)." in assistant.summary()


def test_missing_prerequisites_are_reported(empty_plan: PlanDocument) -> None:
    command = add(empty_plan, "ai_civil_service_assistant")
    assert command.missing_prerequisites == ["지역 데이터 통합 플랫폼 구축", "AI 융합 정보화전략계획(ISP) 수립"]
    assert "Suggested first, not in the plan: 지역 데이터 통합 플랫폼 구축" in command.summary()
    assert run(empty_plan, lambda s: s.execute(select(Dependency)).first()) is None
    assert run(empty_plan, lambda s: suggested_start_month(s, "ai_civil_service_assistant")) == YearMonth(2027, 1)


def test_adding_a_template_is_one_command_that_undoes_and_redoes_exactly(demo_plan: PlanDocument) -> None:
    add(demo_plan, "isp")
    before = dump(demo_plan)
    command = run(demo_plan, lambda s: add_from_template_command(s, "regional_data_platform"))
    demo_plan.apply(command)
    applied = dump(demo_plan)
    added = {table: len(applied[table]) - len(before[table]) for table in applied}
    template = load_catalogue()["regional_data_platform"]
    assert added["initiative"] == 1 and added["dependency"] == 1
    assert added["kpi"] == len(template.kpis)
    assert added["kpi_target"] == sum(len(kpi.targets) for kpi in template.kpis)
    assert added["checklist_answer"] == sum(len(keys) for keys in template.checklists.values())
    demo_plan.revert(command)
    assert dump(demo_plan) == before
    demo_plan.apply(command)
    assert dump(demo_plan) == applied
    demo_plan.revert(command)
    assert dump(demo_plan) == before


def test_a_new_funding_rule_goes_with_the_undo(empty_plan: PlanDocument) -> None:
    before = dump(empty_plan)
    command = add(empty_plan, "digital_twin_pilot")
    assert command.funding_rule_added
    assert len(dump(empty_plan)["funding_rule"]) == 1
    empty_plan.revert(command)
    assert dump(empty_plan) == before


def test_texts_follow_the_plans_language_or_the_one_asked_for(empty_plan: PlanDocument) -> None:
    command = add(empty_plan, "smart_farming", language="en")
    rows = rows_of(empty_plan, command.initiative_id)
    assert rows["initiative"][0].title == "AI smart farming roll-out"
    assert {kpi.name for kpi in rows["kpi"]} >= {"Farms equipped"}
    korean = add(empty_plan, "smart_farming")
    assert rows_of(empty_plan, korean.initiative_id)["initiative"][0].title == "AI 스마트팜 확산"
    assert korean.code == "X-02"


def test_kpi_targets_count_from_the_start_or_the_finish_year(empty_plan: PlanDocument) -> None:
    command = add(empty_plan, "smart_village_income", start_month=YearMonth(2027, 7))  # 24 months: to 2029-06
    rows = rows_of(empty_plan, command.initiative_id)
    by_kpi = {kpi.type: kpi for kpi in rows["kpi"]}
    targets = defaultdict(dict)
    for target in rows["kpi_target"]:
        targets[target.kpi_id][target.year] = target.target_value
    assert targets[by_kpi["input"].id] == {2027: Decimal(90), 2028: Decimal(100)}
    assert targets[by_kpi["outcome"].id] == {2029: Decimal(10), 2030: Decimal(15)}
    assert by_kpi["input"].baseline_year == 2026
    assert sorted({line.fiscal_year for line in rows["budget_line"]}) == [2027, 2028]


def test_an_unknown_template_or_field_is_refused(empty_plan: PlanDocument) -> None:
    from planner.errors import NotFoundError, ValidationError

    with pytest.raises(NotFoundError, match="no template 'nope'"):
        run(empty_plan, lambda s: add_from_template_command(s, "nope"))
    before = dump(empty_plan)
    command = run(empty_plan, lambda s: add_from_template_command(s, "isp", field_id="missing-field"))
    with pytest.raises(ValidationError, match="Field"):
        empty_plan.apply(command)
    assert dump(empty_plan) == before


def test_checklist_vocabulary_matches_the_demo_plans_ethics_items() -> None:
    from planner.demo import load_demo_data

    demo_keys = {answer["item"] for item in load_demo_data()["initiatives"]
                 for answer in item.get("checklist_answers", []) if answer["checklist"] == "ai_ethics"}
    assert demo_keys == set(CHECKLIST_ITEMS["ai_ethics"])
    assert len(CHECKLIST_ITEMS["trustworthy_ai"]) == 15
