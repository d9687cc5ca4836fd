"""The initiative table page: add, delete with cascade and undo, search, filter, sorting, keyboard, selection."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from desktop_app.models import ID_ROLE
from desktop_app.plan_controller import PlanController
from desktop_app.views import initiatives_view
from desktop_app.views.initiatives_view import InitiativesView
from planner.commands import AddRow
from planner.model import BudgetLine, Dependency, RaciRole
from planner.months import YearMonth
from planner.queries import choices_for, initiative_rows


@pytest.fixture
def view(qtbot: Any, demo_controller: PlanController) -> InitiativesView:
    view = InitiativesView(demo_controller)
    qtbot.addWidget(view)
    view.resize(1200, 600)
    return view


def shown_codes(view: InitiativesView) -> list[str]:
    return [view.proxy.index(row, 0).data() for row in range(view.proxy.rowCount())]


def count(controller: PlanController, column: Any) -> int:
    return controller.read(lambda session: session.execute(select(func.count(column))).scalar_one())


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Answers 'Delete' to every confirmation and records its text."""
    questions: list[str] = []

    def answer(_parent: Any, text: str) -> bool:
        questions.append(text)
        return True

    monkeypatch.setattr(initiatives_view, "confirm_delete", answer)
    return questions


def test_add_creates_one_undoable_row_with_defaults_and_selects_it(view: InitiativesView) -> None:
    controller = view.controller
    new_id = view.add_row()
    assert new_id is not None
    row = next(r for r in controller.read(initiative_rows) if r.id == new_id)
    assert (row.code, row.title, row.start, row.duration_months) == ("X-01", "New initiative", YearMonth(2027, 1), 12)
    assert view.selected_ids() == [new_id]
    assert controller.selection_kind == "initiative" and controller.selection_ids == [new_id]
    assert controller.undo_stack.count() == 1
    assert view.proxy.rowCount() == 17
    view.add_row()
    assert view.model.row_snapshot(view.model.row_of(view.selected_ids()[0])).row.code == "X-02"
    controller.undo_stack.undo()
    controller.undo_stack.undo()
    assert view.proxy.rowCount() == 16
    assert controller.selection_ids == []


def test_add_under_a_field_filter_uses_that_field_and_reveals_the_row(view: InitiativesView) -> None:
    fields = view.controller.read(lambda session: choices_for(session, "field"))
    view.filter_combo.setCurrentIndex(view.filter_combo.findData(fields[1][0]))
    view.search_edit.setText("산불")
    new_id = view.add_row()
    assert view.search_edit.text() == ""  # the search hid the new row
    entry = view.model.row_snapshot(view.model.row_of(new_id))
    assert entry.row.code == "B-05" and entry.field_id == fields[1][0]
    assert view.selected_ids() == [new_id]


def test_delete_with_dependents_asks_then_undo_restores_everything(view: InitiativesView, asked: list[str]) -> None:
    controller = view.controller
    before = (count(controller, BudgetLine.id), count(controller, Dependency.id), count(controller, RaciRole.id))
    view.select_ids([view.model.row_snapshot(1).id, view.model.row_snapshot(2).id])
    assert view.delete_selected()
    assert len(asked) == 1 and "Dependencies: 2" in asked[0] and "Budget lines" in asked[0]
    assert view.proxy.rowCount() == 14
    assert count(controller, BudgetLine.id) < before[0]
    assert controller.undo_stack.count() == 1
    controller.undo_stack.undo()
    assert view.proxy.rowCount() == 16
    assert (count(controller, BudgetLine.id), count(controller, Dependency.id), count(controller, RaciRole.id)) == before


def test_delete_is_not_made_when_the_user_cancels(view: InitiativesView, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(initiatives_view, "confirm_delete", lambda _parent, _text: False)
    view.select_ids([view.model.row_snapshot(0).id])
    assert not view.delete_selected()
    assert view.proxy.rowCount() == 16
    assert view.controller.undo_stack.count() == 0


def test_delete_without_dependents_does_not_ask(view: InitiativesView, asked: list[str]) -> None:
    new_id = view.add_row()
    assert view.selected_ids() == [new_id]
    assert view.delete_selected()
    assert asked == []
    assert view.model.row_of(str(new_id)) == -1


def test_del_key_deletes_and_enter_and_double_click_ask_for_the_inspector(qtbot: Any, view: InitiativesView,
                                                                            asked: list[str]) -> None:
    view.show()
    qtbot.waitExposed(view)
    view.select_ids([view.model.row_snapshot(0).id])
    view.table.setFocus()
    with qtbot.waitSignal(view.inspector_requested, timeout=1000):
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    with qtbot.waitSignal(view.inspector_requested, timeout=1000):
        view.table.doubleClicked.emit(view.proxy.index(0, 1))
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert view.proxy.rowCount() == 15
    assert view.controller.undo_stack.count() == 1


def test_ctrl_f_focuses_the_search_box(qtbot: Any, view: InitiativesView) -> None:
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(view.search_edit.hasFocus, timeout=1000)
    view.table.setFocus()
    view.focus_search()
    qtbot.waitUntil(view.search_edit.hasFocus, timeout=1000)


def test_search_box_and_field_combo_narrow_the_rows(view: InitiativesView) -> None:
    view.search_edit.setText("AI")
    assert 0 < view.proxy.rowCount() < 16
    view.search_edit.setText("데이터")
    assert shown_codes(view) == ["D-01"]
    view.search_edit.clear()
    view.filter_combo.setCurrentIndex(view.filter_combo.findText("C AI 행정·민원"))
    assert shown_codes(view) == ["C-01", "C-02", "C-03", "C-04"]
    assert "4 of 16" in view.count_label.text()
    view.filter_combo.setCurrentIndex(0)
    assert view.proxy.rowCount() == 16


def test_new_fields_appear_in_the_filter_combo(view: InitiativesView) -> None:
    entries = view.filter_combo.count()
    view.controller.execute(AddRow("field", {"code": "E", "name": "AI 교통"}))
    assert view.filter_combo.count() == entries + 1
    assert view.filter_combo.findText("E AI 교통") > 0


def test_clicking_the_budget_header_sorts_by_amount(view: InitiativesView) -> None:
    budget = view.model.column_of("budget")
    view.table.sortByColumn(budget, Qt.SortOrder.AscendingOrder)
    assert view.model.sort_column == budget  # the model sorts itself; the proxy only filters
    amounts = [view.model.row_snapshot(view.model.row_of(view.proxy.index(row, 0).data(ID_ROLE))).row.budget_krw
               for row in range(view.proxy.rowCount())]
    assert amounts == sorted(amounts)


def test_selection_is_shared_with_the_controller(view: InitiativesView) -> None:
    controller = view.controller
    ids = [view.model.row_snapshot(3).id, view.model.row_snapshot(7).id]
    view.select_ids(ids)
    assert (controller.selection_kind, controller.selection_ids) == ("initiative", ids)
    controller.select("initiative", [ids[0]])  # e.g. the roadmap selected one
    assert view.selected_ids() == [ids[0]]
    controller.select("stakeholder", ["someone"])
    assert view.selected_ids() == []
    assert controller.selection_kind == "stakeholder"


def test_the_view_starts_with_the_controllers_selection(qtbot: Any, demo_controller: PlanController) -> None:
    first = demo_controller.read(initiative_rows)[4].id
    demo_controller.select("initiative", [first])
    view = InitiativesView(demo_controller)
    qtbot.addWidget(view)
    assert view.selected_ids() == [first]


def test_views_reload_when_the_document_is_replaced(qtbot: Any, view: InitiativesView, tmp_path: Any) -> None:
    controller = view.controller
    controller.save_as(str(tmp_path / "saved.cplan"))  # emits document_replaced
    assert view.proxy.rowCount() == 16
    view.add_row()
    controller.revert_to_saved()
    assert view.proxy.rowCount() == 16
    assert view.filter_combo.count() == 6  # all, four fields, no field


def test_a_large_table_filters_once_typing_pauses(view: InitiativesView, qtbot: Any,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop_app.widgets import busy

    monkeypatch.setattr(busy, "LARGE_WORK_ROWS", 0)  # as with 10,000 initiatives
    every = shown_codes(view)
    view.search_edit.setText("데")
    view.search_edit.setText("데이터")
    assert shown_codes(view) == every  # not filtered on each keystroke
    qtbot.waitUntil(lambda: shown_codes(view) == ["D-01"], timeout=2000)
    view.search_edit.clear()
    qtbot.waitUntil(lambda: shown_codes(view) == every, timeout=2000)
