"""The initiative table model: model-tester clean, refreshed from Changes, search, field filter, numeric sorting."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, QPersistentModelIndex, Qt
from sqlalchemy.orm import Session

from desktop_app.models import ID_ROLE, InitiativeTableModel, RecordFilterProxyModel
from desktop_app.plan_controller import PlanController
from planner.commands import AddRow, DeleteRows, UpdateRow
from planner.months import YearMonth
from planner.queries import choices_for, initiative_rows, plan_values


def column_texts(model: Any, key: str) -> list[str]:
    column = model.sourceModel().column_of(key) if hasattr(model, "sourceModel") else model.column_of(key)
    return [model.index(row, column).data() for row in range(model.rowCount())]


def no_tester_failures(qtlog: Any) -> bool:
    return not [record.message for record in qtlog.records if "FAIL" in record.message]


def test_empty_plan_passes_the_model_testers(qtmodeltester: Any, qtlog: Any, empty_controller: PlanController) -> None:
    model = InitiativeTableModel(empty_controller)
    qtmodeltester.check(model)
    qtmodeltester.check(InitiativeTableModel(empty_controller), force_py=True)
    assert model.rowCount() == 0
    assert model.headerData(model.column_of("budget"), Qt.Orientation.Horizontal) == "Budget (KRW million)"
    assert no_tester_failures(qtlog)


def test_demo_plan_passes_the_model_testers_through_edits_undo_and_redo(
    qtmodeltester: Any, qtlog: Any, demo_controller: PlanController
) -> None:
    model = InitiativeTableModel(demo_controller)
    qtmodeltester.check(model, force_py=True)
    cpp_model = InitiativeTableModel(demo_controller)
    qtmodeltester.check(cpp_model)
    assert model.rowCount() == 16
    first = model.row_snapshot(0).id
    add = AddRow("initiative", {"code": "0-01", "title": "맨 앞 과제", "start_month": YearMonth(2027, 1), "position": -1})
    demo_controller.execute(add)
    demo_controller.execute(UpdateRow("initiative", first, {"code": "Z-99", "position": 99}))  # moves it last
    demo_controller.execute(DeleteRows("initiative", [model.row_snapshot(3).id, model.row_snapshot(4).id]))
    for _step in range(3):
        demo_controller.undo_stack.undo()
    for _step in range(3):
        demo_controller.undo_stack.redo()
    assert model.rowCount() == 15
    assert [row.id for row in model.rows] == [row.id for row in demo_controller.read(initiative_rows)]
    assert no_tester_failures(qtlog)


def test_columns_show_translated_status_months_and_budget_in_millions(demo_controller: PlanController) -> None:
    model = InitiativeTableModel(demo_controller)
    entry = model.row_snapshot(0)
    row, budget = 0, model.column_of("budget")
    assert model.index(row, model.column_of("code")).data() == "A-01"
    assert model.index(row, model.column_of("status")).data() == "Planned"
    assert model.index(row, model.column_of("start")).data() == str(entry.row.start)
    assert model.index(row, budget).data() == f"{entry.row.budget_krw // 1_000_000:,}"
    assert model.index(row, budget).data(Qt.ItemDataRole.ToolTipRole) == f"{entry.row.budget_krw:,} KRW"
    assert model.index(row, budget).data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert model.index(row, model.column_of("progress")).data().endswith("%")


def test_unrelated_changes_do_not_reread(qtbot: Any, demo_controller: PlanController) -> None:
    model = InitiativeTableModel(demo_controller)
    plan_id = demo_controller.read(plan_values)["id"]
    with qtbot.assertNotEmitted(model.refreshed):
        demo_controller.execute(UpdateRow("plan", plan_id, {"vision": "AI로 더 나은 창원"}))
    with qtbot.waitSignal(model.refreshed, timeout=1000):
        demo_controller.execute(AddRow("field", {"code": "E", "name": "AI 교통"}))


def test_selection_follows_the_row_id_across_refreshes(demo_controller: PlanController) -> None:
    model = InitiativeTableModel(demo_controller)
    proxy = RecordFilterProxyModel()
    proxy.setSourceModel(model)
    selection = QItemSelectionModel(proxy)
    chosen = model.row_snapshot(5).id
    selection.select(proxy.index(5, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                     | QItemSelectionModel.SelectionFlag.Rows)
    demo_controller.execute(AddRow("initiative", {"code": "0-01", "title": "앞", "start_month": YearMonth(2027, 1),
                                                  "position": -1}))
    demo_controller.execute(DeleteRows("initiative", [model.row_snapshot(10).id]))
    demo_controller.execute(UpdateRow("initiative", chosen, {"title": "바뀐 제목"}))
    rows = selection.selectedRows()
    assert [index.data(ID_ROLE) for index in rows] == [chosen]
    assert rows[0].row() == 6
    assert model.row_snapshot(6).row.title == "바뀐 제목"


def test_search_matches_code_or_title_in_korean_case_insensitively(demo_controller: PlanController) -> None:
    proxy = RecordFilterProxyModel()
    proxy.setSourceModel(InitiativeTableModel(demo_controller))
    proxy.set_search_text("돌봄")
    assert column_texts(proxy, "code") == ["A-01"]
    proxy.set_search_text("ai 검사")  # every word must match; case-insensitive
    assert column_texts(proxy, "title") == ["치매 조기 발견 AI 검사"]
    proxy.set_search_text("b-0")
    assert column_texts(proxy, "code") == ["B-01", "B-02", "B-03", "B-04"]
    proxy.set_search_text("")
    assert proxy.rowCount() == 16


def test_field_filter_keeps_the_initiatives_of_one_field(demo_controller: PlanController) -> None:
    model = InitiativeTableModel(demo_controller)
    proxy = RecordFilterProxyModel()
    proxy.setSourceModel(model)
    fields = demo_controller.read(lambda session: choices_for(session, "field"))
    proxy.set_filter_value(fields[2][0])
    assert column_texts(proxy, "code") == ["C-01", "C-02", "C-03", "C-04"]
    proxy.set_search_text("챗봇")
    assert column_texts(proxy, "code") == ["C-01"]
    proxy.set_search_text("")
    proxy.set_filter_value("")  # initiatives outside every field
    assert proxy.rowCount() == 0
    demo_controller.execute(UpdateRow("initiative", model.row_snapshot(0).id, {"field_id": None}))
    assert column_texts(proxy, "code") == ["A-01"]


@pytest.mark.parametrize("key", ["budget", "duration", "start"])
def test_sorting_numbers_and_months_is_numeric(demo_controller: PlanController, key: str) -> None:
    model = InitiativeTableModel(demo_controller)
    proxy = RecordFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.sort(model.column_of(key), Qt.SortOrder.DescendingOrder)
    values = {
        "budget": lambda entry: entry.row.budget_krw,
        "duration": lambda entry: entry.row.duration_months,
        "start": lambda entry: entry.row.start,
    }[key]
    shown = [model.row_snapshot(model.row_of(proxy.index(row, 0).data(ID_ROLE))) for row in range(proxy.rowCount())]
    assert [values(entry) for entry in shown] == sorted((values(entry) for entry in model.rows), reverse=True)
    if key == "budget":  # text order would differ: "899" > "11,123"
        texts = column_texts(proxy, "budget")
        assert texts != sorted(texts, reverse=True)


def test_the_model_keeps_snapshots_not_sessions(demo_controller: PlanController) -> None:
    model = InitiativeTableModel(demo_controller)
    assert not [value for value in vars(model).values() if isinstance(value, Session)]
    assert all(type(entry.row).__module__ == "planner.queries" for entry in model.rows)
    persistent = QPersistentModelIndex(model.index(0, 0))
    assert persistent.isValid()


def test_the_bundled_demo_plan_passes_the_model_testers(
    qtmodeltester: Any, qtlog: Any, haedam_controller: PlanController
) -> None:
    model = InitiativeTableModel(haedam_controller)
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(InitiativeTableModel(haedam_controller))
    rows = haedam_controller.read(initiative_rows)
    assert model.rowCount() == len(rows) > 0
    assert [model.index(row, 0).data() for row in range(model.rowCount())] == [row.code for row in rows]
    assert no_tester_failures(qtlog)


def test_months_are_written_as_the_interface_language_writes_them(demo_controller: PlanController) -> None:
    from planner.i18n import current_language, set_language

    previous = current_language()
    try:
        for language, expected in (("ko", "{year}. {month}."), ("en", "{year:04d}-{month:02d}")):
            set_language(language)
            model = InitiativeTableModel(demo_controller)
            start = model.row_snapshot(0).row.start
            assert model.index(0, model.column_of("start")).data() == expected.format(year=start.year,
                                                                                      month=start.month)
    finally:
        set_language(previous)
