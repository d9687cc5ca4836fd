"""Each kind of merge conflict: found, described with every side's value, settled as chosen, never lost."""

from __future__ import annotations

from typing import Any

import pytest

from planner.errors import PlannerError, ValidationError
from planner.merge import MERGED, ChosenValue, Conflict, MergeResult, apply_resolutions
from planner.merge.files import checked_tables
from planner.months import YearMonth
from tests.planner.merge.conftest import ThreeVersions
from tests.planner.merge.versions import add, by_id, delete, tables, update


def only(result: MergeResult, conflict_type: str) -> Conflict:
    found = [conflict for conflict in result.conflicts if conflict.conflict_type == conflict_type]
    assert len(found) == 1, [conflict.line() for conflict in result.conflicts]
    return found[0]


def row(result: MergeResult, kind: str, row_id: str) -> dict[str, Any] | None:
    return by_id(result.tables)[kind].get(row_id)


def assert_sound(result: MergeResult) -> None:
    """The merged rows and their conflict records pass every check a plan file gets."""
    checked_tables(result, "test")


# -- a field changed on both sides ----------------------------------------------------------------------------


def test_same_field_changed_differently_is_a_conflict_with_three_values(versions: ThreeVersions) -> None:
    update(versions.ours, "initiative", "i1", title="우리 제목", progress=40)
    update(versions.theirs, "initiative", "i1", title="그쪽 제목", duration_months=18)
    i1 = versions.ids["i1"]

    result = versions.merge()

    conflict = only(result, "field")
    assert (conflict.kind, conflict.row_id, conflict.field, conflict.kept) == ("initiative", i1, "title", "ours")
    assert (conflict.text("base"), conflict.text("ours"), conflict.text("theirs")) == (
        "AI 돌봄 로봇", "우리 제목", "그쪽 제목")
    assert conflict.label.startswith("A-01") and conflict.field_label == "Title"
    merged = row(result, "initiative", i1)
    assert merged is not None
    assert (merged["title"], merged["progress"], merged["duration_months"]) == ("우리 제목", 40, 18)
    assert result.stats["changed_both"] == 1
    assert_sound(result)

    theirs = versions.merge(prefer="theirs")
    assert row(theirs, "initiative", i1)["title"] == "그쪽 제목"  # type: ignore[index]
    assert only(theirs, "field").kept == "theirs"


def test_a_field_conflict_takes_a_value_of_its_own_checked_like_any_edit(versions: ThreeVersions) -> None:
    update(versions.ours, "initiative", "i1", start_month=YearMonth(2027, 6))
    update(versions.theirs, "initiative", "i1", start_month=YearMonth(2028, 1))
    result = versions.merge()
    conflict = only(result, "field")
    assert (conflict.text("ours"), conflict.text("theirs")) == ("2027-06", "2028-01")

    with pytest.raises(ValidationError):
        conflict.resolve("next spring")
    with pytest.raises(PlannerError):
        apply_resolutions(result, {"field:initiative:nobody:title": "ours"})

    decided = apply_resolutions(result, {conflict.key: YearMonth(2027, 9)})
    assert decided.clean and [item.key for item in decided.resolved] == [conflict.key]
    assert row(decided, "initiative", versions.ids["i1"])["start_month"] == "2027-09"  # type: ignore[index]
    literal = apply_resolutions(versions.merge(), {conflict.key: "theirs"})
    assert row(literal, "initiative", versions.ids["i1"])["start_month"] == "2028-01"  # type: ignore[index]


def test_the_text_ours_can_be_chosen_as_a_value() -> None:
    conflict = Conflict("field", "initiative", "x", "A-01", "title", "field:initiative:x:title", {}, {}, "ours", "",
                        accepts_value=True)
    assert conflict.resolve(ChosenValue("ours")) == (conflict.key, ChosenValue("ours"))
    assert conflict.resolve("ours") == (conflict.key, "ours")


def test_changes_alike_on_both_sides_and_timestamps_are_no_conflict(versions: ThreeVersions) -> None:
    update(versions.ours, "initiative", "i2", title="같은 제목")
    update(versions.theirs, "initiative", "i2", title="같은 제목")
    update(versions.theirs, "milestone", "m1", title="시범 운영")  # same value: only the time changes

    result = versions.merge()

    assert result.clean
    assert row(result, "initiative", versions.ids["i2"])["title"] == "같은 제목"  # type: ignore[index]
    theirs_time = by_id(tables(versions.theirs))["milestone"][versions.ids["m1"]]
    assert row(result, "milestone", versions.ids["m1"])["modified_at"] == theirs_time["modified_at"]  # the later


# -- deleted on one side, changed on the other ---------------------------------------------------------------


def test_delete_against_modify_is_a_conflict_showing_both(versions: ThreeVersions) -> None:
    delete(versions.ours, "risk", "r1")
    update(versions.theirs, "risk", "r1", title="민원 대응 강화", likelihood=5)
    r1 = versions.ids["r1"]

    result = versions.merge()

    conflict = only(result, "delete_modify")
    assert (conflict.kind, conflict.row_id, conflict.kept) == ("risk", r1, "ours")
    assert conflict.text("ours") == "(deleted)"
    assert "민원 대응 강화" in conflict.text("theirs") and "Likelihood: 5" in conflict.text("theirs")
    assert conflict.values["theirs"]["title"] == "민원 대응 강화"  # the whole row is kept with the conflict
    assert row(result, "risk", r1) is None

    kept = apply_resolutions(result, {conflict.key: "theirs"})
    assert kept.clean and row(kept, "risk", r1)["likelihood"] == 5  # type: ignore[index]


def test_delete_against_no_change_deletes(versions: ThreeVersions) -> None:
    delete(versions.theirs, "initiative", "i3")
    update(versions.ours, "initiative", "i1", title="다른 변경")
    result = versions.merge()
    assert result.clean
    assert row(result, "initiative", versions.ids["i3"]) is None
    assert row(result, "dependency", versions.ids["d2"]) is None  # went with it, as in theirs
    assert result.stats["deleted_theirs"] == 2 and result.stats["changed_ours"] == 1


# -- under a deleted parent, and references to deleted rows ---------------------------------------------------


def test_a_child_added_under_a_parent_the_other_side_deleted_is_a_conflict(versions: ThreeVersions) -> None:
    delete(versions.ours, "initiative", "i2")  # takes its budget line, RACI role, risk and dependency along
    milestone = add(versions.theirs, "milestone", "m_new", initiative_id="i2", title="완료 보고",
                    month=YearMonth(2028, 6))

    result = versions.merge()

    conflict = only(result, "deleted_parent")
    assert (conflict.kind, conflict.row_id, conflict.field, conflict.kept) == (
        "milestone", milestone, "initiative_id", "ours")
    assert conflict.text("ours") == "(deleted)" and conflict.text("theirs").startswith("A-02")
    assert row(result, "milestone", milestone) is None and row(result, "initiative", versions.ids["i2"]) is None
    assert_sound(result)

    theirs = versions.merge(prefer="theirs")
    conflict = only(theirs, "deleted_parent")
    assert conflict.kept == "theirs"
    for kind, short in (("initiative", "i2"), ("budget_line", "b3"), ("raci_role", "raci3"), ("risk", "r2"),
                        ("dependency", "d1")):
        assert row(theirs, kind, versions.ids[short]) is not None, kind  # put back whole, with what it held
        assert versions.ids[short] in conflict.involved
    assert row(theirs, "milestone", milestone) is not None
    assert_sound(theirs)


def test_a_comment_on_a_deleted_initiative_is_not_lost_silently(versions: ThreeVersions) -> None:
    delete(versions.theirs, "initiative", "i3")
    comment = add(versions.ours, "comment", "c_new", target_kind="initiative", target_id=versions.ids["i3"],
                  body="부지 검토")
    result = versions.merge(prefer="theirs")
    conflict = only(result, "deleted_parent")
    assert (conflict.kind, conflict.row_id, conflict.field) == ("comment", comment, "target_id")
    assert row(result, "comment", comment) is None
    assert conflict.values["ours"] == versions.ids["i3"] and conflict.values["theirs"] is not None
    kept = apply_resolutions(result, {conflict.key: "ours"})
    assert row(kept, "comment", comment) is not None and row(kept, "initiative", versions.ids["i3"]) is not None


def test_a_reference_to_a_row_the_other_side_deleted_is_a_conflict(versions: ThreeVersions) -> None:
    delete(versions.ours, "stakeholder", "st3")
    update(versions.theirs, "initiative", "i2", lead_stakeholder_id=versions.ids["st3"])

    result = versions.merge()

    conflict = only(result, "dangling_reference")
    assert (conflict.kind, conflict.row_id, conflict.field) == ("initiative", versions.ids["i2"],
                                                                 "lead_stakeholder_id")
    assert conflict.text("theirs") == "노인복지관" and conflict.text("ours") == "(deleted)"
    assert row(result, "initiative", versions.ids["i2"])["lead_stakeholder_id"] is None  # type: ignore[index]
    assert_sound(result)
    kept = apply_resolutions(result, {conflict.key: "theirs"})
    assert row(kept, "stakeholder", versions.ids["st3"]) is not None
    assert row(kept, "initiative", versions.ids["i2"])["lead_stakeholder_id"] == versions.ids["st3"]  # type: ignore[index]


# -- rules broken only by combining both sides ----------------------------------------------------------------


def test_years_changed_on_both_sides_into_a_broken_period_are_a_conflict(versions: ThreeVersions) -> None:
    update(versions.ours, "plan", "plan", start_year=2030)
    update(versions.theirs, "plan", "plan", end_year=2029)

    result = versions.merge()

    conflict = only(result, "row_rule")
    assert conflict.kind == "plan" and conflict.message == "The last year comes before the first year."
    assert conflict.text("ours") == "First year: 2030, Last year: 2031"
    assert conflict.text("theirs") == "First year: 2027, Last year: 2029"
    plan = result.tables["plan"][0]
    assert (plan["start_year"], plan["end_year"]) == (2030, 2031)
    assert_sound(result)


def test_a_relation_to_itself_made_by_combining_both_sides_is_a_conflict(versions: ThreeVersions) -> None:
    update(versions.ours, "stakeholder_relation", "rel1", source_id=versions.ids["st3"])  # st3 → st2
    update(versions.theirs, "stakeholder_relation", "rel1", target_id=versions.ids["st3"])  # st1 → st3

    result = versions.merge(prefer="theirs")

    conflict = only(result, "row_rule")
    assert conflict.message == "A stakeholder cannot be related to itself."
    relation = row(result, "stakeholder_relation", versions.ids["rel1"])
    assert relation is not None
    assert (relation["source_id"], relation["target_id"]) == (versions.ids["st1"], versions.ids["st3"])
    assert_sound(result)


def test_the_same_code_added_on_both_sides_is_a_conflict_and_both_initiatives_stay(versions: ThreeVersions) -> None:
    ours = add(versions.ours, "initiative", "i_ours", code="C-01", title="AI 산불 감시",
               start_month=YearMonth(2028, 1))
    theirs = add(versions.theirs, "initiative", "i_theirs", code="C-01", title="AI 침수 예측",
                 start_month=YearMonth(2029, 1))

    result = versions.merge()

    conflict = only(result, "unique")
    assert (conflict.kind, conflict.row_id, conflict.field) == ("initiative", theirs, "code")
    assert conflict.text("ours") == "C-01 AI 산불 감시" and conflict.text("theirs") == "C-01 AI 침수 예측"
    assert row(result, "initiative", ours)["code"] == "C-01"  # type: ignore[index]
    assert row(result, "initiative", theirs)["code"] == "C-01~2"  # type: ignore[index]
    assert set(conflict.involved) >= {ours, theirs}
    assert_sound(result)

    swapped = apply_resolutions(result, {conflict.key: "theirs"})
    assert row(swapped, "initiative", theirs)["code"] == "C-01"  # type: ignore[index]
    assert row(swapped, "initiative", ours)["code"] == "C-01~2"  # type: ignore[index]


def test_a_code_changed_on_one_side_to_a_code_the_other_side_gave_a_new_row(versions: ThreeVersions) -> None:
    update(versions.ours, "initiative", "i3", code="C-05")
    added = add(versions.theirs, "initiative", "i_new", code="C-05", title="새 과제", start_month=YearMonth(2030, 1))
    result = versions.merge(prefer="theirs")
    conflict = only(result, "unique")
    assert row(result, "initiative", added)["code"] == "C-05"  # type: ignore[index]
    assert row(result, "initiative", versions.ids["i3"])["code"] == "B-01"  # back to its code in theirs
    assert "B-01" in conflict.message
    assert_sound(result)


def test_the_same_link_added_alike_on_both_sides_is_kept_once(versions: ThreeVersions) -> None:
    for plan in (versions.ours, versions.theirs):
        add(plan, "dependency", "d_new", predecessor_id="i3", successor_id="i2", type="FF", lag_months=1)
    result = versions.merge()
    assert result.clean and result.stats["duplicates_merged"] == 1
    pairs = [(d["predecessor_id"], d["successor_id"]) for d in result.tables["dependency"]]
    assert pairs.count((versions.ids["i3"], versions.ids["i2"])) == 1
    assert_sound(result)


def test_two_budget_lines_for_one_cell_are_a_conflict_and_the_other_is_kept_in_it(versions: ThreeVersions) -> None:
    for plan, amount in ((versions.ours, 10_000_000), (versions.theirs, 30_000_000)):
        add(plan, "budget_line", "b_new", initiative_id="i3", fiscal_year=2029, source="national", planned_krw=amount)

    result = versions.merge()

    conflict = only(result, "unique")
    assert conflict.kind == "budget_line"
    lines = [line for line in result.tables["budget_line"] if line["initiative_id"] == versions.ids["i3"]]
    assert [line["planned_krw"] for line in lines] == [10_000_000]
    assert conflict.values["merged"]["planned_krw"] == 30_000_000  # the line left out, whole
    assert_sound(result)


def test_a_dependency_cycle_that_exists_only_after_merging_is_a_conflict(versions: ThreeVersions) -> None:
    add(versions.base, "initiative", "i4", code="B-02", title="스마트 가로등", start_month=YearMonth(2029, 1))
    versions.fork()
    ours = add(versions.ours, "dependency", "d_ours", predecessor_id="i2", successor_id="i4")  # B-01→A-01→A-02→B-02
    theirs = add(versions.theirs, "dependency", "d_theirs", predecessor_id="i4", successor_id="i3")  # B-02→B-01→...

    result = versions.merge()

    conflict = only(result, "cycle")
    assert conflict.kind == "dependency" and conflict.row_id == theirs and conflict.kept == "ours"
    assert set(conflict.label.split(" → ")) == {"A-01", "A-02", "B-01", "B-02"}
    assert conflict.text("ours") == "A-02 → B-02" and conflict.text("theirs") == "B-02 → B-01"
    assert row(result, "dependency", ours) is not None and row(result, "dependency", theirs) is None
    assert_sound(result)

    swapped = apply_resolutions(result, {conflict.key: "theirs"})
    assert row(swapped, "dependency", ours) is None and row(swapped, "dependency", theirs) is not None
    assert_sound(swapped)


def test_a_second_accountable_only_after_merging_is_a_conflict(versions: ThreeVersions) -> None:
    update(versions.ours, "raci_role", "raci2", role="A")  # 누리 소프트 becomes A on A-01
    added = add(versions.theirs, "raci_role", "raci_new", stakeholder_id="st3", initiative_id="i1", role="A")

    result = versions.merge()

    conflict = only(result, "second_accountable")
    assert (conflict.kind, conflict.row_id) == ("initiative", versions.ids["i1"])
    assert conflict.text("ours") == "누리 소프트" and conflict.text("theirs") == "노인복지관"
    assert "2 stakeholders are accountable (A)" in conflict.message
    assert row(result, "raci_role", added) is None
    assert row(result, "raci_role", versions.ids["raci2"])["role"] == "A"  # type: ignore[index]

    both = apply_resolutions(result, {conflict.key: MERGED})
    assert row(both, "raci_role", added) is not None and both.clean
    theirs = apply_resolutions(result, {conflict.key: "theirs"})
    assert row(theirs, "raci_role", versions.ids["raci2"])["role"] == "C"  # type: ignore[index]
    assert row(theirs, "raci_role", added)["role"] == "A"  # type: ignore[index]


def test_a_funding_rule_broken_only_after_merging_is_a_conflict(versions: ThreeVersions) -> None:
    add(versions.base, "funding_rule", "fr2", name="지역 매칭", min_national_share_percent=50)
    update(versions.base, "initiative", "i2", funding_rule_id=versions.base.ids["fr2"])  # 2028: 50M national
    versions.fork()
    add(versions.ours, "budget_line", "b_m", initiative_id="i2", fiscal_year=2028, source="municipal",
        planned_krw=40_000_000)  # 55.6 % national
    add(versions.theirs, "budget_line", "b_p", initiative_id="i2", fiscal_year=2028, source="provincial",
        planned_krw=30_000_000)  # 62.5 % national

    result = versions.merge()

    conflict = only(result, "funding_rule")
    assert (conflict.kind, conflict.row_id, conflict.kept) == ("initiative", versions.ids["i2"], "merged")
    assert "41.7 %" in conflict.message and "50 % minimum" in conflict.message
    assert conflict.text("ours") == "2028: National 50,000,000, Municipal 40,000,000"
    assert conflict.text("merged") == "2028: National 50,000,000, Provincial 30,000,000, Municipal 40,000,000"
    assert len([line for line in result.tables["budget_line"] if line["initiative_id"] == versions.ids["i2"]]) == 3

    ours = apply_resolutions(result, {conflict.key: "ours"})
    lines = {line["source"] for line in ours.tables["budget_line"] if line["initiative_id"] == versions.ids["i2"]}
    assert lines == {"national", "municipal"} and ours.clean


def test_a_funding_rule_already_broken_on_one_side_is_not_a_merge_conflict(versions: ThreeVersions) -> None:
    update(versions.ours, "budget_line", "b1", planned_krw=60_000_000)  # 75 % national: broken in ours already
    update(versions.theirs, "budget_line", "b2", executed_krw=6_000_000)
    assert versions.merge().clean


def test_a_reference_of_ones_own_must_name_a_row_of_the_plan_and_a_decision_can_change(
        versions: ThreeVersions) -> None:
    update(versions.ours, "initiative", "i2", lead_stakeholder_id=versions.ids["st2"])
    update(versions.theirs, "initiative", "i2", lead_stakeholder_id=versions.ids["st3"])
    result = versions.merge()
    conflict = only(result, "field")
    assert (conflict.text("ours"), conflict.text("theirs")) == ("누리 소프트", "노인복지관")

    with pytest.raises(ValidationError, match="refers to an item that is not in the plan"):
        apply_resolutions(result, {conflict.key: "00000000-0000-4000-8000-00000000dead"})
    decided = apply_resolutions(result, {conflict.key: versions.ids["st1"]})
    assert row(decided, "initiative", versions.ids["i2"])["lead_stakeholder_id"] == versions.ids["st1"]  # type: ignore[index]
    changed = apply_resolutions(decided, {conflict.key: "theirs"})
    assert row(changed, "initiative", versions.ids["i2"])["lead_stakeholder_id"] == versions.ids["st3"]  # type: ignore[index]
    assert changed.clean and len(changed.resolved) == 1
