"""Guideline profile files: the shipped ones load, broken ones are refused with every problem and its line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.errors import NotFoundError, PlannerError
from planner.guidelines import loader
from planner.guidelines.loader import (
    MAX_PROFILE_BYTES,
    ProfileCopyError,
    ProfileError,
    ProfileProblem,
    all_profiles,
    builtin_profiles,
    copy_profile,
    find_profile,
    load_profile_file,
    load_profile_text,
    profile_for_plan,
    user_profiles_dir,
)
from planner.guidelines.profile import BLOCKS, CHECKS, GuidelineProfile
from planner.i18n import set_language
from planner.resources import resource_path

ROOT = Path(__file__).resolve().parents[3]
SHIPPED = ("kr-master-plan", "kr-annual-implementation", "kr-smart-village", "en-partner-brief")

# A small sound profile; the broken-file matrix replaces one of its lines (line numbers in the comments).
BASE = """\
format: convergence-planner-guideline
format_version: 1
id: test-profile
name: {ko: 시험, en: Test}
plan_type: master
language: ko
numbering: ko
cover:
  blocks: [title, date]
required_fields: [lead, purpose]
checks:
  lead: {severity: error}
  duplicates: {severity: warning, title_similarity: 0.8}
sections:
  - key: overview
    title: {ko: 개요, en: Overview}
    sections:
      - key: overview.background
        title: {ko: 추진 배경, en: Background}
        narrative: overview.background
  - key: initiatives
    title: {ko: 추진과제, en: Initiatives}
    block: initiative_table
  - key: sheets
    title: {ko: 과제정의서, en: Sheets}
    block: definition_sheets
    appendix: true
"""


def replaced(line_number: int, new_text: str, text: str = BASE) -> str:
    lines = text.split("\n")
    lines[line_number - 1] = new_text
    return "\n".join(lines)


def problems_of(text: str) -> list[ProfileProblem]:
    with pytest.raises(ProfileError) as caught:
        load_profile_text(text)
    return caught.value.problems


# -- the shipped profiles ----------------------------------------------------------------------------------


def test_every_shipped_profile_loads_and_is_marked_built_in() -> None:
    profiles = {profile.id: profile for profile in builtin_profiles()}
    assert set(SHIPPED) <= set(profiles)
    for profile in profiles.values():
        assert profile.builtin and profile.source is not None and profile.source.parent == resource_path("guidelines")
        assert profile.sections and all(section.line > 0 for _path, section in profile.walk())
        assert set(profile.checks) <= set(CHECKS)
        assert all(section.block in BLOCKS for _path, section in profile.walk() if section.block)
    assert builtin_profiles() is builtin_profiles()  # read once


def test_the_master_plan_follows_the_customary_skeleton() -> None:
    profile = find_profile("kr-master-plan")
    assert (profile.plan_type, profile.language, profile.numbering) == ("master", "ko", "ko")
    top = [(section.title.get("ko"), section.appendix) for section in profile.sections]
    assert top == [("개요", False), ("환경분석", False), ("현황분석", False), ("비전·목표·추진전략", False),
                   ("추진과제", False), ("이행계획", False), ("추진체계·성과관리", False), ("기대효과", False),
                   ("과제정의서", True), ("예산 총괄표", True), ("AI 윤리 자율점검 결과", True)]
    blocks = {section.block for _path, section in profile.walk() if section.block}
    assert {"vision_summary", "initiative_table", "roadmap_chart", "budget_table", "budget_chart",
            "budget_by_initiative", "funding_summary", "stakeholder_table", "stakeholder_grid",
            "stakeholder_network", "raci_table", "kpi_table", "kpi_chart", "risk_register", "definition_sheets",
            "ethics_summary"} == blocks
    assert profile.cover.blocks[:2] == ("publication_number", "approval_box")
    assert [column.get("ko") for column in profile.cover.approval_columns] == ["담당", "팀장", "과장", "국장"]
    assert profile.check("trustworthy_ai").severity == "info"
    assert dict(profile.check("plan_period").params) == {"min_years": 3, "max_years": 5}


def test_the_master_plan_asks_for_exactly_the_narratives_the_demo_plan_has() -> None:
    demo = json.loads(resource_path("demo", "haedam.json").read_text("utf-8"))
    demo_keys = [entry["key"] for entry in demo["narrative_sections"]]
    assert [section.narrative for section in find_profile("kr-master-plan").narrative_sections()] == demo_keys


def test_the_annual_plan_is_due_on_10_september_of_the_year_before() -> None:
    profile = find_profile("kr-annual-implementation")
    assert profile.plan_type == "annual"
    deadline = profile.check("submission_deadline")
    assert deadline.severity == "error"
    assert dict(deadline.params) == {"month": 9, "day": 10, "year_offset": -1}
    blocks = [section.block for _path, section in profile.walk() if section.block]
    assert {"results_table", "year_plan_table", "budget_table", "project_summary"} <= set(blocks)
    assert next(section.block for section in profile.sections if section.appendix) == "project_summary"
    assert {"annual.overview", "annual.results_summary", "annual.direction"} <= {
        section.narrative for section in profile.narrative_sections()}


def test_the_smart_village_profile_holds_the_programme_rules() -> None:
    profile = find_profile("kr-smart-village")
    assert profile.plan_type == "project"
    allowed = profile.check("allowed_values")
    assert allowed.params["field"] == "service_domain"
    assert allowed.params["values"] == ("농어촌소득증대", "생활편의 개선", "생활 속 안전강화", "주민생활시설 스마트화")
    assert dict(profile.check("partners").params) == {"sectors": ("private_company",), "min": 1}
    assert dict(profile.check("programme_funding").params) == {
        "min_national_share_percent": 80, "max_national_share_percent": None, "max_per_year_krw": 100_000_000,
        "max_years": None}
    assert profile.check("trustworthy_ai").severity == "error"


def test_the_partner_brief_is_english_and_mostly_warns() -> None:
    profile = find_profile("en-partner-brief")
    assert (profile.language, profile.numbering) == ("en", "en")
    severities = [check.severity for check in profile.checks.values()]
    assert severities.count("error") == 1 and profile.check("dependency_cycle").severity == "error"
    assert profile.check("submission_deadline") is None
    assert len(profile.sections) < len(find_profile("kr-master-plan").sections)


def test_defaults_fill_every_check_parameter_and_leave_optional_keys_at_their_defaults() -> None:
    text = BASE.replace("  duplicates: {severity: warning, title_similarity: 0.8}\n",
                        "  duplicates: {severity: warning}\n  submission_deadline: {severity: info}\n")
    text = "\n".join(line for line in text.split("\n") if line not in ("numbering: ko", "cover:", "  blocks: [title, date]"))
    profile = load_profile_text(text)
    assert dict(profile.check("duplicates").params) == {"title_similarity": 0.9, "purpose_similarity": 0.9}
    assert dict(profile.check("submission_deadline").params) == {"month": 9, "day": 10, "year_offset": -1}
    assert dict(profile.check("lead").params) == {}
    assert profile.numbering == "ko"
    assert profile.cover.blocks == loader.DEFAULT_COVER_BLOCKS
    assert profile.description.get("ko") == "" and not profile.builtin and profile.source is None


def test_plain_scalars_are_read_as_the_text_they_spell() -> None:
    profile = load_profile_text(replaced(19, "        title: {ko: 2024, en: yes}"))
    section = profile.sections[0].children[0]
    assert (section.title.get("ko"), section.title.get("en"), section.line) == ("2024", "yes", 18)


# -- broken files ------------------------------------------------------------------------------------------


BROKEN = [
    # (line replaced, new text, expected line, expected where, a fragment of the message)
    (1, "format: something-else", 1, "format", "The format must be 'convergence-planner-guideline'"),
    (2, "format_version: 2", 2, "format_version", "newer than this application reads"),
    (2, "format_version: one", 2, "format_version", "Expected a whole number"),
    (3, "id: Test_Profile", 3, "id", "The id 'Test_Profile' is not valid"),
    (4, "name: {fr: Essai}", 4, "name.fr", "Unknown key 'fr'; allowed here: ko, en"),
    (4, "name: {ko: '', en: ''}", 4, "name", "at least one language"),
    (4, "name: 시험", 4, "name", "Expected a mapping"),
    (5, "plan_type: masterplan", 5, "plan_type", "Unknown plan type 'masterplan'; choose one of: master, annual"),
    (6, "language: fr", 6, "language", "Unknown report language 'fr'"),
    (7, "numbering: roman", 7, "numbering", "Unknown numbering scheme 'roman'; choose one of: ko, en"),
    (7, "numberng: ko", 7, "numberng", "Unknown key 'numberng'"),
    (9, "  blocks: [title, logo]", 9, "cover.blocks[1]", "Unknown cover block 'logo'"),
    (9, "  blocks: [title, title]", 9, "cover.blocks[1]", "'title' is listed twice"),
    (9, "  blocks: [title, approval_box]", 9, "cover", "list its columns under approval_columns"),
    (10, "required_fields: [lead, leader]", 10, "required_fields[1]", "did you mean 'lead'?"),
    (10, "required_fields: lead", 10, "required_fields", "Expected a list"),
    (12, "  lead: error", 12, "checks.lead", "Write the check as a mapping"),
    (12, "  lead: {severity: fatal}", 12, "checks.lead.severity", "Unknown severity 'fatal'; choose one of: error"),
    (12, "  lead: {}", 12, "checks.lead", "The key 'severity' is missing"),
    (12, "  lead: {severity: error, strict: true}", 12, "checks.lead.strict", "Unknown key 'strict'; allowed here: severity"),
    (12, "  leed: {severity: error}", 12, "checks.leed", "Unknown check id 'leed'"),
    (13, "  duplicates: {severity: warning, title_similarity: 1.5}", 13, "checks.duplicates.title_similarity",
     "between 0.0 and 1.0"),
    (13, "  duplicates: {severity: warning, title_similarity: high}", 13, "checks.duplicates.title_similarity",
     "Expected a number"),
    (13, "  duplicates: {severity: warning, title_similarity: .nan}", 13, "checks.duplicates.title_similarity",
     "Expected a number"),
    (13, "  plan_period: {severity: warning, min_years: 5, max_years: 3}", 13, "checks.plan_period",
     "min_years is larger than max_years"),
    (13, "  plan_period: {severity: warning, min_years: true}", 13, "checks.plan_period.min_years",
     "Expected a whole number"),
    (13, "  submission_deadline: {severity: error, month: 2, day: 29}", 13, "checks.submission_deadline",
     "Month 2 has no day 29 every year"),
    (13, "  submission_deadline: {severity: error, month: 13}", 13, "checks.submission_deadline.month",
     "between 1 and 12"),
    (13, "  allowed_values: {severity: error, values: [a]}", 13, "checks.allowed_values", "The key 'field' is missing"),
    (13, "  allowed_values: {severity: error, field: phase, values: [a]}", 13, "checks.allowed_values.field",
     "choose a text or choice field"),
    (13, "  allowed_values: {severity: error, field: status, values: [finished]}", 13, "checks.allowed_values.values",
     "'finished' is not a value of status"),
    (13, "  allowed_values: {severity: error, field: service_domain, values: []}", 13,
     "checks.allowed_values.values", "The list is empty"),
    (13, "  partners: {severity: error, sectors: [company]}", 13, "checks.partners.sectors[0]", "Unknown sector 'company'"),
    (13, "  partners: {severity: error, min: 0}", 13, "checks.partners.min", "between 1 and 100"),
    (13, "  programme_funding: {severity: error, min_national_share_percent: 90, max_national_share_percent: 80}",
     13, "checks.programme_funding", "min_national_share_percent is larger than max_national_share_percent"),
    (13, "  programme_funding: {severity: error, max_per_year_krw: -1}", 13, "checks.programme_funding.max_per_year_krw",
     "between 0 and"),
    (13, "  ai_ethics: {severity: error, items: 10}", 13, "checks.ai_ethics.items", "Unknown key 'items'"),
    (15, "  - key: Overview", 15, "sections[0].key", "The section key 'Overview' is not valid"),
    (18, "      - key: overview", 18, "sections[0].sections[0].key", "The section key 'overview' is used twice (first on line 15)"),
    (20, "        narrative: 'Overview Background'", 20, "sections[0].sections[0].narrative", "The narrative key"),
    (20, "        block: gantt", 20, "sections[0].sections[0].block", "Unknown block id 'gantt'"),
    (20, "        block: kpi_charts", 20, "sections[0].sections[0].block", "did you mean 'kpi_chart'?"),
    (20, "        appendix: true", 18, "sections[0].sections[0]", "A section needs a narrative, a block or sections"),
    (20, "        hint: {ko: 내용}", 18, "sections[0].sections[0]", "A section needs a narrative, a block or sections"),
    (20, "        options: {rows: 5}", 20, "sections[0].sections[0].options", "Options are only for sections with a block"),
    (23, "    narrative: overview.background", 23, "sections[1].narrative",
     "The narrative 'overview.background' is used by two sections (first on line 20)"),
    (23, "    block: initiative_table\n    narrative: initiatives", 24, "sections[1].narrative",
     "A section holds one of narrative, block or sections; this one has block, narrative"),
    (23, "    block: initiative_table\n    options: {columns: [{a: 1}]}", 24, "sections[1].options.columns",
     "An option holds a value or a list of values"),
    (22, "    titel: {ko: 추진과제}", 22, "sections[1].titel", "Unknown key 'titel'"),
    (22, "    title: {ko: \"a\\u0007b\"}", 22, "sections[1].title.ko", "without control characters"),
    (22, "    title: {ko: " + "가" * 201 + "}", 22, "sections[1].title.ko", "too long (201 characters; at most 200)"),
    (27, "    appendix: yes please", 27, "sections[2].appendix", "Expected true or false"),
    (27, "    appendix: true\n  - key: late\n    title: {ko: 늦음}\n    block: kpi_table", 28, "sections[3]",
     "A body section cannot follow an appendix"),
    (20, "        narrative: overview.background\n        appendix: true", 21, "sections[0].sections[0].appendix",
     "Only top-level sections can be appendices"),
    (12, "  lead: {severity: error}\n  lead: {severity: warning}", 13, "checks.lead",
     "The key 'lead' appears twice (first on line 12)"),
    (12, "  1: {severity: error}", 12, "checks.1", "Unknown check id '1'"),
    (12, "  [a]: {severity: error}", 12, "checks", "Keys must be text"),
]


@pytest.mark.parametrize(("line_number", "new_text", "line", "where", "fragment"), BROKEN,
                         ids=[f"{case[0]}:{case[1][:40]}" for case in BROKEN])
def test_a_broken_profile_names_the_line_and_the_problem(line_number: int, new_text: str, line: int, where: str,
                                                          fragment: str) -> None:
    problems = problems_of(replaced(line_number, new_text))
    assert any(problem.line == line and problem.where == where and fragment in problem.message
               for problem in problems), [str(problem) for problem in problems]


def test_a_missing_required_key_is_reported_at_its_mapping() -> None:
    problems = problems_of(replaced(5, "# no plan type"))
    assert [(p.line, p.column, p.where, p.message) for p in problems] == [
        (1, 1, "", "The key 'plan_type' is missing.")]
    section_problems = problems_of(replaced(16, "    hint: {ko: 제목 없음}"))
    assert any(p.line == 15 and p.where == "sections[0]" and "'title' is missing" in p.message
               for p in section_problems)


def test_all_problems_of_a_file_are_reported_in_line_order_with_file_and_line_in_the_message(
        tmp_path: Path) -> None:
    text = replaced(5, "plan_type: masterplan")
    text = replaced(12, "  lead: {severity: fatal}", text)
    text = replaced(23, "    block: gantt", text)
    path = tmp_path / "broken.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProfileError) as caught:
        load_profile_file(path)
    error = caught.value
    assert isinstance(error, PlannerError) and error.source == path
    assert [(p.line, p.where) for p in error.problems] == [
        (5, "plan_type"), (12, "checks.lead.severity"), (23, "sections[1].block")]
    assert str(error.problems[2]) == (
        "line 23, column 12 (sections[1].block): Unknown block id 'gantt'; docs/guideline-profiles.md lists them.")
    assert str(error).startswith(f"{path}: line 5, column 12 (plan_type): Unknown plan type 'masterplan'")
    assert "line 23, column 12" in str(error)


def test_the_message_lists_five_problems_and_counts_the_rest() -> None:
    text = BASE.replace("required_fields: [lead, purpose]",
                        "required_fields: [a1, a2, a3, a4, a5, a6, a7]")
    with pytest.raises(ProfileError) as caught:
        load_profile_text(text)
    assert len(caught.value.problems) == 7
    assert str(caught.value).endswith("(and 2 more)")


def test_problems_are_translated_into_korean() -> None:
    set_language("ko")
    try:
        shown = str(problems_of(replaced(6, "language: fr"))[0])
    finally:
        set_language("en")
    assert shown == "6행 11열 (language): 알 수 없는 보고서 언어 'fr'입니다. 다음 중에서 선택하십시오: ko, en."


# -- what YAML may not do ----------------------------------------------------------------------------------


def test_anchors_and_aliases_are_refused_so_an_alias_bomb_never_expands() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8))
    problems = problems_of(bomb)
    assert problems[0].line == 1 and "Anchors and aliases" in problems[0].message
    assert {problem.line for problem in problems} == set(range(1, 10))
    merged = problems_of(BASE + "extra: &base {a: 1}\nother:\n  <<: *base\n")
    assert [p.line for p in merged] == [28, 30]


def test_tags_are_refused() -> None:
    problems = problems_of(replaced(3, "id: !!python/object/apply:os.system [echo hi]"))
    assert problems[0].line == 3 and "Tags such as" in problems[0].message and "python/object" in problems[0].message
    assert "Tags such as !custom" in problems_of(replaced(3, "id: !custom test"))[0].message


def test_a_yaml_syntax_error_names_its_line() -> None:
    problems = problems_of(replaced(16, "    title: {ko: 개요, en: Overview"))
    assert len(problems) == 1 and problems[0].line == 17
    assert problems[0].message.startswith("The file is not valid YAML:")


def test_empty_files_lists_and_deep_nesting_are_refused() -> None:
    assert problems_of("")[0].message == "The file is empty."
    assert problems_of("# only a comment\n")[0].message == "The file is empty."
    assert "Expected a mapping" in problems_of("- a\n- b\n")[0].message
    deep = problems_of("a:\n  b: " + "[" * 200_000 + "]" * 200_000)
    assert (deep[0].line, deep[0].message) == (2, "The file is nested too deeply to be a profile.")
    nested_mappings = "".join(f"{'  ' * level}k{level}:\n" for level in range(100)) + "  " * 100 + "v: 1\n"
    assert "nested too deeply" in problems_of(nested_mappings)[0].message
    assert "valid YAML" in problems_of(BASE + "---\nid: second\n")[0].message
    no_sections = "\n".join([*BASE.split("\n")[:13], "sections: []"])
    assert [(p.line, p.where, p.message) for p in problems_of(no_sections)] == [(14, "sections", "The list is empty.")]


def test_a_file_with_too_many_values_or_problems_stops_early() -> None:
    many_values = problems_of("required_fields:\n" + "".join(f"  - f{i}\n" for i in range(30_000)))
    assert len(many_values) == 1 and "more than 20,000 values" in many_values[0].message
    many_problems = problems_of(BASE.replace("required_fields: [lead, purpose]", "required_fields: [" + ", ".join(
        f"f{i}" for i in range(500)) + "]"))
    assert len(many_problems) == loader.MAX_PROBLEMS + 1
    assert str(many_problems[-1]) == "Reading stopped after 100 problems."


def test_a_file_over_one_megabyte_is_refused_without_being_parsed(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_bytes(BASE.encode() + b"#" * MAX_PROFILE_BYTES)
    with pytest.raises(ProfileError) as caught:
        load_profile_file(path)
    assert "larger than 1,000,000 bytes" in str(caught.value) and str(path) in str(caught.value)


def test_a_file_that_is_not_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "euc-kr.yaml"
    path.write_bytes(replaced(4, "name: {ko: 시험}").encode("euc-kr"))
    with pytest.raises(ProfileError) as caught:
        load_profile_file(path)
    assert caught.value.problems[0].line == 4 and "not UTF-8" in caught.value.problems[0].message


def test_a_byte_order_mark_is_accepted_and_a_missing_file_is_a_profile_error(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + BASE.encode())
    assert load_profile_file(path).id == "test-profile"
    with pytest.raises(ProfileError, match="cannot be read"):
        load_profile_file(tmp_path / "missing.yaml")


def test_a_control_character_in_the_file_names_its_line() -> None:
    problems = problems_of(replaced(4, "name: {ko: a\x00b}"))
    assert problems[0].line == 4 and "U+0000" in problems[0].message


# -- user profiles -----------------------------------------------------------------------------------------


def test_user_profiles_live_in_the_data_folder(private_data_dir: Path) -> None:
    assert user_profiles_dir() == private_data_dir / "guidelines"
    profiles, errors = all_profiles()  # the folder need not exist
    assert [profile.id for profile in profiles] == [profile.id for profile in builtin_profiles()] and errors == []


def test_user_profiles_are_listed_and_broken_ones_reported_without_raising(private_data_dir: Path) -> None:
    folder = private_data_dir / "guidelines"
    folder.mkdir(parents=True)
    (folder / "a-good.yaml").write_text(BASE.replace("id: test-profile", "id: a-good"), encoding="utf-8")
    (folder / "b-broken.yaml").write_text(replaced(23, "    block: gantt"), encoding="utf-8")
    (folder / "c-taken.yaml").write_text(BASE.replace("id: test-profile", "id: kr-master-plan"), encoding="utf-8")
    (folder / "d-again.yaml").write_text(BASE.replace("id: test-profile", "id: a-good"), encoding="utf-8")
    (folder / "e-binary.yaml").write_bytes(b"\xff\xfe\x00garbage")
    (folder / "notes.txt").write_text("not a profile", encoding="utf-8")
    profiles, errors = all_profiles()
    user = [profile for profile in profiles if not profile.builtin]
    assert [(profile.id, profile.source) for profile in user] == [("a-good", folder / "a-good.yaml")]
    assert [error.source.name for error in errors] == ["b-broken.yaml", "c-taken.yaml", "d-again.yaml",
                                                       "e-binary.yaml"]
    assert errors[0].problems[0].line == 23
    assert (errors[1].problems[0].line, errors[1].problems[0].where) == (3, "id")
    assert "id of a built-in profile" in errors[1].problems[0].message
    assert str(folder / "a-good.yaml") in errors[2].problems[0].message
    assert find_profile("a-good").source == folder / "a-good.yaml"
    with pytest.raises(ProfileError) as caught:
        find_profile("b-broken")  # the file named after the id is broken: say why, not "unknown"
    assert caught.value.problems[0].line == 23


def test_find_profile_refuses_an_unknown_id_naming_the_known_ones() -> None:
    with pytest.raises(NotFoundError, match=r"There is no guideline profile 'nope'; the profiles are: .*kr-master-plan"):
        find_profile("nope")


@pytest.mark.parametrize(("plan_type", "profile_id", "expected"), [
    ("master", None, "kr-master-plan"), ("project", None, "kr-master-plan"), ("isp", None, "kr-master-plan"),
    ("annual", None, "kr-annual-implementation"), ("annual", "missing-profile", "kr-annual-implementation"),
    ("master", "kr-smart-village", "kr-smart-village"), ("unknown", "", "kr-master-plan"),
    ("master", "en-partner-brief", "en-partner-brief"),
])
def test_profile_for_plan_falls_back_on_the_default_of_the_plan_type(plan_type: str, profile_id: str | None,
                                                                      expected: str) -> None:
    assert profile_for_plan(plan_type, profile_id).id == expected


def test_profile_for_plan_falls_back_when_the_plans_user_profile_is_broken(private_data_dir: Path) -> None:
    folder = private_data_dir / "guidelines"
    folder.mkdir(parents=True)
    (folder / "mine.yaml").write_text(BASE.replace("id: test-profile", "id: mine").replace("plan_type: master",
                                                                                         "plan_type: x"), "utf-8")
    assert profile_for_plan("annual", "mine").id == "kr-annual-implementation"


# -- copying -----------------------------------------------------------------------------------------------


def test_copy_keeps_the_comments_changes_id_and_names_then_edits_load(private_data_dir: Path) -> None:
    target = copy_profile("kr-master-plan", "my-plan")
    assert target == private_data_dir / "guidelines" / "my-plan.yaml"
    original = resource_path("guidelines", "kr-master-plan.yaml").read_text("utf-8")
    copied = target.read_text("utf-8")
    assert [line for line in copied.split("\n") if line.lstrip().startswith("#")] == [
        line for line in original.split("\n") if line.lstrip().startswith("#")]
    assert len(copied.split("\n")) == len(original.split("\n"))
    profile = find_profile("my-plan")
    assert not profile.builtin and profile.source == target
    assert profile.name.get("ko") == "지역 지능정보화 기본계획 (5개년) (my-plan)"
    assert profile.sections == find_profile("kr-master-plan").sections
    assert [path.name for path in target.parent.iterdir()] == ["my-plan.yaml"]  # no temporary left

    # Edit: switch off a check and make a mistake; the mistake is reported with its line.
    edited = copied.replace("  raci:              {severity: warning}\n", "")
    edited = edited.replace("block: kpi_chart\n", "block: kpi_charts\n")
    target.write_text(edited, encoding="utf-8")
    _profiles, errors = all_profiles()
    [error] = errors
    bad_line = edited.split("\n").index("        block: kpi_charts") + 1
    assert [(problem.line, problem.message) for problem in error.problems] == [
        (bad_line, "Unknown block id 'kpi_charts'; did you mean 'kpi_chart'?")]
    target.write_text(edited.replace("kpi_charts", "kpi_chart"), encoding="utf-8")
    assert find_profile("my-plan").check("raci") is None


def test_copy_of_a_copy_and_into_a_chosen_folder(tmp_path: Path) -> None:
    first = copy_profile("en-partner-brief", "brief-a")
    second = copy_profile("brief-a", "brief-b", target_dir=tmp_path / "elsewhere")
    assert second == tmp_path / "elsewhere" / "brief-b.yaml"
    assert load_profile_file(second).name.get("en") == "Plan brief for global partners (English) (brief-a) (brief-b)"
    assert first.exists()


@pytest.mark.parametrize("new_id", ["Bad", "x", "1abc", "a_b", "a" * 81, "../escape", "kr master"])
def test_copy_refuses_a_malformed_id(new_id: str) -> None:
    with pytest.raises(ProfileCopyError, match="is not valid"):
        copy_profile("kr-master-plan", new_id)
    assert not user_profiles_dir().exists()


def test_copy_refuses_a_taken_id_an_existing_file_and_an_unknown_source(private_data_dir: Path) -> None:
    with pytest.raises(ProfileCopyError, match="already a profile with the id 'kr-smart-village'"):
        copy_profile("kr-master-plan", "kr-smart-village")
    folder = private_data_dir / "guidelines"
    folder.mkdir(parents=True)
    (folder / "occupied.yaml").write_text("not: a profile\n", encoding="utf-8")
    with pytest.raises(ProfileCopyError, match=r"occupied\.yaml already exists"):
        copy_profile("kr-master-plan", "occupied")
    assert (folder / "occupied.yaml").read_text("utf-8") == "not: a profile\n"
    with pytest.raises(NotFoundError):
        copy_profile("nope", "fresh-id")


def test_copy_reports_a_folder_that_cannot_be_written(tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(ProfileCopyError, match="could not be written"):
        copy_profile("kr-master-plan", "fresh-id", target_dir=blocker)


def test_copy_handles_flow_and_quoted_names(private_data_dir: Path, tmp_path: Path) -> None:
    folder = private_data_dir / "guidelines"
    folder.mkdir(parents=True)
    text = BASE.replace("name: {ko: 시험, en: Test}", 'name: {ko: "따옴표 \\"시험\\"", en: \'It\'\'s\'}')
    (folder / "quoted.yaml").write_text(text.replace("id: test-profile", "id: quoted"), encoding="utf-8")
    target = copy_profile("quoted", "quoted-copy", target_dir=tmp_path / "out")
    copied = load_profile_file(target)
    assert copied.name.get("ko") == '따옴표 "시험" (quoted-copy)' and copied.name.get("en") == "It's (quoted-copy)"


def test_loaded_profiles_are_guideline_profiles_with_immutable_settings() -> None:
    profile = load_profile_text(BASE)
    assert isinstance(profile, GuidelineProfile)
    with pytest.raises(TypeError):
        profile.check("duplicates").params["title_similarity"] = 0.1  # type: ignore[index]
