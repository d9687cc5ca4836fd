"""AddRow, UpdateRow and DeleteRows on every kind of row: undo restores exactly, redo repeats exactly."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy.orm import Session

from planner.commands import AddRow, Command, DeleteRows, UpdateRow
from planner.errors import NotFoundError, ValidationError
from planner.model import ENTITY_CLASSES
from planner.months import YearMonth
from tests.planner.commands.sample_plan import OLD_TIME, SamplePlan, TableDump, dump_tables

Ids = dict[str, str]

NEW_ROWS: dict[str, Callable[[Ids], dict[str, Any]]] = {
    "narrative_section": lambda ids: {"key": "vision", "title": "비전", "body": "사람 중심의 AI"},
    "field": lambda ids: {"code": "C", "name": "환경·에너지"},
    "strategy": lambda ids: {"code": "2-1", "name": "교통 서비스 고도화", "field_id": ids["fB"]},
    "stakeholder": lambda ids: {"name": "가상대학교", "sector": "academia", "interest": 4, "tags": ["연구"]},
    "funding_rule": lambda ids: {"name": "디지털트윈", "max_per_year_krw": 5_000_000_000, "max_years": 3},
    "initiative": lambda ids: {"code": "B-02", "title": "AI 신호 제어", "field_id": ids["fB"],
                               "start_month": YearMonth(2029, 1), "duration_months": 18,
                               "lead_stakeholder_id": ids["st2"]},
    "milestone": lambda ids: {"initiative_id": ids["i2"], "title": "완료 보고", "month": YearMonth(2028, 6)},
    "dependency": lambda ids: {"predecessor_id": ids["i3"], "successor_id": ids["i2"], "type": "FF",
                               "lag_months": -1},
    "stakeholder_relation": lambda ids: {"source_id": ids["st2"], "target_id": ids["st3"], "type": "partners",
                                         "directed": False},
    "raci_role": lambda ids: {"stakeholder_id": ids["st3"], "initiative_id": ids["i1"], "role": "I"},
    "budget_total": lambda ids: {"fiscal_year": 2028, "source": "national", "amount_krw": 50_000_000},
    "presentation_slide": lambda ids: {"position": 1, "kind": "roadmap", "params": {"years": [2027, 2028]}},
    "workshop_rating": lambda ids: {"initiative_id": ids["i2"], "votes": 1},
    "workshop_round": lambda ids: {"name": "2차 워크숍"},
    "workshop_round_item": lambda ids: {"round_id": ids["wround1"], "initiative_id": ids["i2"], "votes": 5},
    "sticky_note": lambda ids: {"target_kind": "stakeholder", "target_id": ids["st1"], "text": "협약 필요"},
    "budget_line": lambda ids: {"initiative_id": ids["i2"], "fiscal_year": 2028, "source": "municipal",
                                "planned_krw": 12_500_000},
    "kpi": lambda ids: {"initiative_id": ids["i2"], "name": "통화 건수", "type": "process",
                        "baseline_value": Decimal("0.5")},
    "kpi_target": lambda ids: {"kpi_id": ids["k2"], "year": 2029, "target_value": Decimal("78.5")},
    "risk": lambda ids: {"initiative_id": ids["i3"], "title": "부지 확보", "likelihood": 4, "impact": 2},
    "checklist_answer": lambda ids: {"initiative_id": ids["i2"], "checklist": "privacy", "item_key": "consent",
                                     "answer": "no"},
    "comment": lambda ids: {"target_kind": "initiative", "target_id": ids["i2"], "body": "검토 필요"},
    "change_log": lambda ids: {"command": "edit", "summary": "수정", "details": {"fields": ["title"]}},
    "baseline": lambda ids: {"name": "2028 수정안", "note": "예산 조정 반영"},
    "baseline_item": lambda ids: {"baseline_id": ids["bl1"], "initiative_id": ids["i2"], "code": "A-02",
                                  "title": "AI 안부 전화", "planned_start": YearMonth(2028, 1).index,
                                  "duration_months": 6, "es": YearMonth(2028, 4).index,
                                  "ef": YearMonth(2028, 10).index},
    "baseline_budget": lambda ids: {"baseline_id": ids["bl1"], "initiative_id": ids["i2"], "fiscal_year": 2028,
                                    "source": "national", "planned_krw": 50_000_000},
    "stakeholder_snapshot": lambda ids: {"name": "2027 하반기", "note": "중간 점검"},
    "stakeholder_snapshot_item": lambda ids: {"snapshot_id": ids["ss1"], "stakeholder_id": ids["st2"],
                                              "influence": 2, "interest": 4, "attitude": "sceptical"},
    "network_position": lambda ids: {"stakeholder_id": ids["st2"], "x": 0.5, "y": 0.125},
    "merge_conflict": lambda ids: {"conflict_type": "delete_modify", "item_kind": "risk", "item_id": ids["r1"]},
}

# (short name of the row, new values) per kind.
EDITS: dict[str, tuple[str, Callable[[Ids], dict[str, Any]]]] = {
    "plan": ("plan", lambda ids: {"title": "새 제목", "end_year": 2032, "vision": "함께 성장"}),
    "narrative_section": ("sec1", lambda ids: {"body": "새 배경"}),
    "field": ("fA", lambda ids: {"name": "AI 돌봄"}),
    "strategy": ("s1", lambda ids: {"field_id": ids["fB"]}),
    "stakeholder": ("st2", lambda ids: {"influence": 5, "tags": ["기업"], "engagement": "keep_satisfied"}),
    "funding_rule": ("fr1", lambda ids: {"max_years": 2}),
    "initiative": ("i1", lambda ids: {"start_month": YearMonth(2027, 6), "duration_months": 9,
                                      "lead_stakeholder_id": None}),
    "milestone": ("m1", lambda ids: {"done": True}),
    "dependency": ("d1", lambda ids: {"type": "SS", "lag_months": -1}),
    "stakeholder_relation": ("rel1", lambda ids: {"strength": 5}),
    "raci_role": ("raci2", lambda ids: {"role": "A"}),
    "budget_line": ("b1", lambda ids: {"planned_krw": 90_000_000, "executed_krw": 1}),
    "budget_total": ("bt1", lambda ids: {"amount_krw": 90_000_000}),
    "presentation_slide": ("ps1", lambda ids: {"notes": "다음 장으로", "hidden": True}),
    "workshop_rating": ("wr1", lambda ids: {"votes": 4}),
    "workshop_round": ("wround1", lambda ids: {"note": "오전 세션"}),
    "workshop_round_item": ("wri1", lambda ids: {"votes": 7}),
    "sticky_note": ("sn1", lambda ids: {"text": "예산 재검토"}),
    "kpi": ("k1", lambda ids: {"baseline_value": Decimal("130.5")}),
    "kpi_target": ("t1", lambda ids: {"actual_value": Decimal("149")}),
    "risk": ("r1", lambda ids: {"status": "mitigating", "owner_stakeholder_id": None}),
    "checklist_answer": ("ca1", lambda ids: {"answer": "not_applicable", "note": "해당 없음"}),
    "comment": ("c1", lambda ids: {"resolved": True}),
    "change_log": ("log1", lambda ids: {"summary": "수정됨"}),
    "baseline": ("bl1", lambda ids: {"name": "2027 확정안", "note": ""}),
    "baseline_item": ("bli1", lambda ids: {"es": YearMonth(2027, 4).index, "ef": YearMonth(2028, 4).index}),
    "baseline_budget": ("blb1", lambda ids: {"planned_krw": 70_000_000}),
    "stakeholder_snapshot": ("ss1", lambda ids: {"name": "2027 상반기 확정", "note": ""}),
    "stakeholder_snapshot_item": ("ssi1", lambda ids: {"influence": 3, "attitude": "neutral"}),
    "network_position": ("np1", lambda ids: {"x": 0.375, "y": 0.5}),
    "merge_conflict": ("mc1", lambda ids: {"kept": "theirs"}),
}

DELETIONS: dict[str, str] = {
    "narrative_section": "sec1", "field": "fA", "strategy": "s1", "stakeholder": "st2", "funding_rule": "fr1",
    "initiative": "i1", "milestone": "m1", "dependency": "d1", "stakeholder_relation": "rel1",
    "raci_role": "raci1", "budget_line": "b1", "budget_total": "bt1", "presentation_slide": "ps1",
    "workshop_rating": "wr1", "workshop_round": "wround1", "workshop_round_item": "wri1", "sticky_note": "sn1", "kpi": "k1", "kpi_target": "t1", "risk": "r1",
    "checklist_answer": "ca1", "comment": "c1", "change_log": "log1", "baseline": "bl1", "baseline_item": "bli1",
    "baseline_budget": "blb1", "stakeholder_snapshot": "ss1", "stakeholder_snapshot_item": "ssi1",
    "network_position": "np1", "merge_conflict": "mc1",
}


def assert_undo_and_redo_are_exact(plan: SamplePlan, command: Command) -> TableDump:
    """Apply, revert, apply again, revert again: each revert gives the state before, each apply the same
    state as the first apply. Returns the applied state."""
    before = plan.dump()
    plan.run(command.apply)
    applied = plan.dump()
    assert applied != before
    plan.run(command.revert)
    assert plan.dump() == before
    plan.run(command.apply)
    assert plan.dump() == applied
    plan.run(command.revert)
    assert plan.dump() == before
    return applied


def rows_by_id(dump: TableDump, table: str) -> dict[str, dict[str, Any]]:
    return {row["id"]: row for row in dump[table]}


def test_the_tables_of_this_test_cover_every_kind() -> None:
    assert set(NEW_ROWS) == set(ENTITY_CLASSES) - {"plan"}
    assert set(EDITS) == set(ENTITY_CLASSES)
    assert set(DELETIONS) == set(ENTITY_CLASSES) - {"plan"}


@pytest.mark.parametrize("kind", sorted(NEW_ROWS))
def test_add_row_then_undo_and_redo(sample_plan: SamplePlan, kind: str) -> None:
    command = AddRow(kind, NEW_ROWS[kind](sample_plan.ids))
    applied = assert_undo_and_redo_are_exact(sample_plan, command)
    added = rows_by_id(applied, ENTITY_CLASSES[kind].__tablename__)[command.row_id]
    assert added["modified_at"] is not None


@pytest.mark.parametrize("kind", sorted(EDITS))
def test_update_row_then_undo_and_redo(sample_plan: SamplePlan, kind: str) -> None:
    short_name, new_values = EDITS[kind]
    row_id = sample_plan.ids[short_name]
    before = rows_by_id(sample_plan.dump(), kind)[row_id]
    applied = assert_undo_and_redo_are_exact(sample_plan, UpdateRow(kind, row_id, new_values(sample_plan.ids)))
    after = rows_by_id(applied, kind)[row_id]
    assert after["modified_at"] != before["modified_at"]
    assert {name for name in after if after[name] != before[name]} <= set(new_values(sample_plan.ids)) | {
        "modified_at"}


@pytest.mark.parametrize("kind", sorted(DELETIONS))
def test_delete_rows_then_undo_and_redo(sample_plan: SamplePlan, kind: str) -> None:
    row_id = sample_plan.ids[DELETIONS[kind]]
    applied = assert_undo_and_redo_are_exact(sample_plan, DeleteRows(kind, [row_id]))
    assert row_id not in rows_by_id(applied, kind)


def test_deleting_an_initiative_removes_everything_hanging_on_it_and_undo_brings_it_back(
    sample_plan: SamplePlan,
) -> None:
    ids = sample_plan.ids
    before = sample_plan.dump()
    command = DeleteRows("initiative", [ids["i1"]])
    changes = sample_plan.run(command.apply)
    after = sample_plan.dump()
    gone = {ids[name] for name in ("i1", "d1", "d2", "b1", "b2", "raci1", "raci2", "k1", "t1", "t2", "m1", "r1",
                                   "ca1", "c1", "c2", "wr1", "sn1")}
    # Exactly those rows went (dependencies in both directions, the comment's reply too); nothing else changed.
    assert after == {table: [row for row in rows if row["id"] not in gone] for table, rows in before.items()}
    assert changes.kinds >= {"initiative", "dependency", "budget_line", "raci_role", "kpi", "kpi_target",
                             "milestone", "risk", "checklist_answer", "comment", "workshop_rating", "sticky_note"}
    assert changes.affects_schedule
    sample_plan.run(command.revert)
    assert sample_plan.dump() == before
    sample_plan.run(command.apply)
    assert sample_plan.dump() == after


def test_deleting_a_stakeholder_empties_the_references_to_it_and_undo_restores_them(
    sample_plan: SamplePlan,
) -> None:
    ids = sample_plan.ids
    before = sample_plan.dump()
    command = DeleteRows("stakeholder", [ids["st1"]])
    changes = sample_plan.run(command.apply)
    after = sample_plan.dump()
    for table, name in (("stakeholder", "st1"), ("stakeholder_relation", "rel1"), ("raci_role", "raci1"),
                        ("raci_role", "raci3"), ("comment", "c3")):
        assert ids[name] not in rows_by_id(after, table)
    led = rows_by_id(after, "initiative")[ids["i1"]]
    owned = rows_by_id(after, "risk")[ids["r2"]]
    assert led["lead_stakeholder_id"] is None and owned["owner_stakeholder_id"] is None
    assert led["modified_at"] != str(OLD_TIME) and owned["modified_at"] != str(OLD_TIME)
    assert rows_by_id(after, "initiative")[ids["i2"]] == rows_by_id(before, "initiative")[ids["i2"]]
    assert {"stakeholder", "initiative", "risk", "raci_role", "stakeholder_relation", "comment"} <= changes.kinds
    sample_plan.run(command.revert)
    restored = sample_plan.dump()
    assert restored == before
    assert rows_by_id(restored, "initiative")[ids["i1"]]["lead_stakeholder_id"] == ids["st1"]
    sample_plan.run(command.apply)
    assert sample_plan.dump() == after  # redo empties the references with the very same modification time


def test_deleting_a_field_empties_strategies_and_initiatives_in_it(sample_plan: SamplePlan) -> None:
    ids = sample_plan.ids
    applied = assert_undo_and_redo_are_exact(sample_plan, DeleteRows("field", [ids["fA"]]))
    assert rows_by_id(applied, "strategy")[ids["s1"]]["field_id"] is None
    assert rows_by_id(applied, "initiative")[ids["i1"]]["field_id"] is None
    assert rows_by_id(applied, "initiative")[ids["i2"]]["field_id"] is None
    assert rows_by_id(applied, "initiative")[ids["i3"]]["field_id"] == ids["fB"]


def test_deleting_a_kpi_takes_its_targets(sample_plan: SamplePlan) -> None:
    ids = sample_plan.ids
    applied = assert_undo_and_redo_are_exact(sample_plan, DeleteRows("kpi", [ids["k1"]]))
    assert set(rows_by_id(applied, "kpi_target")) == {ids["t3"]}


def test_deleting_a_comment_takes_its_replies(sample_plan: SamplePlan) -> None:
    ids = sample_plan.ids
    applied = assert_undo_and_redo_are_exact(sample_plan, DeleteRows("comment", [ids["c1"]]))
    assert set(rows_by_id(applied, "comment")) == {ids["c3"]}


def test_deleting_linked_initiatives_together_removes_their_link_once(sample_plan: SamplePlan) -> None:
    ids = sample_plan.ids
    command = DeleteRows("initiative", [ids["i1"], ids["i2"], ids["i1"]])
    applied = assert_undo_and_redo_are_exact(sample_plan, command)
    assert set(rows_by_id(applied, "initiative")) == {ids["i3"]}
    assert applied["dependency"] == [] and applied["raci_role"] == [] and applied["budget_line"] == []
    assert set(rows_by_id(applied, "risk")) == set()
    assert command.label == "Delete 2 items"


def test_deleting_a_row_that_is_gone_raises_not_found(sample_plan: SamplePlan) -> None:
    with pytest.raises(NotFoundError):
        sample_plan.run(DeleteRows("initiative", ["no-such-initiative"]).apply)
    with pytest.raises(NotFoundError):
        sample_plan.run(UpdateRow("initiative", "no-such-initiative", {"title": "x"}).apply)


def test_add_row_fixes_its_id_and_timestamps_so_redo_recreates_the_same_row(sample_plan: SamplePlan) -> None:
    command = AddRow("comment", NEW_ROWS["comment"](sample_plan.ids))
    sample_plan.run(command.apply)
    first = rows_by_id(sample_plan.dump(), "comment")[command.row_id]
    sample_plan.run(command.revert)
    sample_plan.run(command.apply)
    assert rows_by_id(sample_plan.dump(), "comment")[command.row_id] == first
    assert first["created_at"] == first["modified_at"]


def test_labels_name_the_kind() -> None:
    assert AddRow("initiative", {}).label == "Add initiative"
    assert UpdateRow("kpi_target", "x", {}).label == "Edit KPI target"
    assert DeleteRows("stakeholder", ["x"]).label == "Delete stakeholder"


REFUSALS: dict[str, tuple[Callable[[Ids], Command], str]] = {
    "duplicate initiative code": (lambda ids: AddRow("initiative", {
        "code": "A-01", "title": "중복", "start_month": YearMonth(2027, 1)}), "code"),
    "duplicate code on edit": (lambda ids: UpdateRow("initiative", ids["i2"], {"code": "A-01"}), "code"),
    "duplicate field code": (lambda ids: AddRow("field", {"code": "A", "name": "중복 분야"}), "code"),
    "influence 7": (lambda ids: UpdateRow("stakeholder", ids["st1"], {"influence": 7}), "influence"),
    "self-dependency": (lambda ids: AddRow("dependency", {
        "predecessor_id": ids["i1"], "successor_id": ids["i1"]}), "successor_id"),
    "duplicate dependency pair": (lambda ids: AddRow("dependency", {
        "predecessor_id": ids["i1"], "successor_id": ids["i2"], "type": "SS"}), "successor_id"),
    "missing required title": (lambda ids: AddRow("initiative", {
        "code": "A-09", "start_month": YearMonth(2027, 1)}), "title"),
    "empty required title": (lambda ids: UpdateRow("initiative", ids["i1"], {"title": ""}), "title"),
    "dangling reference on add": (lambda ids: AddRow("budget_line", {
        "initiative_id": "no-such-initiative", "fiscal_year": 2027, "source": "national",
        "planned_krw": 1}), "initiative_id"),
    "dangling reference on edit": (lambda ids: UpdateRow("initiative", ids["i2"], {
        "lead_stakeholder_id": "no-such-stakeholder"}), "lead_stakeholder_id"),
    "end_year before start_year": (lambda ids: UpdateRow("plan", ids["plan"], {"end_year": 2026}), "end_year"),
    "duplicate budget line": (lambda ids: AddRow("budget_line", {
        "initiative_id": ids["i1"], "fiscal_year": 2027, "source": "national", "planned_krw": 5}), "source"),
    "negative money": (lambda ids: UpdateRow("budget_line", ids["b1"], {"planned_krw": -1}), "planned_krw"),
}


@pytest.mark.parametrize("case", sorted(REFUSALS))
def test_a_refused_edit_raises_validation_error_naming_the_field_and_changes_nothing(
    sample_plan: SamplePlan, case: str,
) -> None:
    make_command, field_name = REFUSALS[case]
    before = sample_plan.dump()
    with Session(sample_plan.engine) as session, session.begin():
        with pytest.raises(ValidationError) as refusal:
            make_command(sample_plan.ids).apply(session)
        assert dump_tables(session.connection()) == before  # nothing written, even before the rollback
    assert field_name in refusal.value.problems
    assert refusal.value.problems[field_name] and str(refusal.value)
    assert sample_plan.dump() == before


def test_update_row_refuses_to_set_the_id_or_the_modification_time() -> None:
    with pytest.raises(ValueError):
        UpdateRow("initiative", "x", {"id": "y"})
    with pytest.raises(ValueError):
        UpdateRow("initiative", "x", {"modified_at": OLD_TIME})
