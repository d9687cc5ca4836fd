"""The History view: lists the edits made through the controller (undo and redo too) under the user's name, filters
them, shows each field before and after, and follows the plan as it changes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest

from desktop_app import settings
from desktop_app.plan_controller import PlanController
from desktop_app.views.history.history_table_model import HistoryTableModel
from desktop_app.views.history.history_view import HistoryView
from planner.commands import UpdateRow
from planner.comments import add_comment_command
from planner.stakeholders.raci import raci_matrix


@pytest.fixture
def view(qtbot: Any, demo_controller: PlanController) -> Iterator[HistoryView]:
    history = HistoryView(demo_controller)
    qtbot.addWidget(history)
    history.resize(1200, 700)
    history.show()
    yield history


def _edit_title(controller: PlanController, title: str) -> str:
    initiative = controller.read(raci_matrix).initiatives[0]
    controller.execute(UpdateRow("initiative", initiative.id, {"title": title}))
    return initiative.id


def test_an_edit_through_the_controller_is_listed_with_the_name_from_preferences(view: HistoryView,
                                                                                  demo_controller: PlanController) -> None:
    assert view.row_texts() == [] and view.empty_label.isVisibleTo(view)
    assert "No changes have been recorded yet" in view.empty_label.text()
    settings.set_user_name("김주무관")
    _edit_title(demo_controller, "AI 돌봄 로봇 시범사업")
    [row] = view.row_texts()
    assert row[1:] == ["김주무관", "Edit initiative", "Initiative · A-01 AI 돌봄 로봇 시범사업"]
    assert len(row[0]) == len("2027-03-01 09:00")
    assert view.details_texts() == [
        ["Initiative · A-01 AI 돌봄 로봇 시범사업 (changed)", "", ""], ["  Title", "AI 돌봄 로봇 보급", "AI 돌봄 로봇 시범사업"]]
    assert view.count_label.text() == "1 changes"
    settings.set_user_name("")  # the OS login name again
    demo_controller.undo_stack.undo()
    demo_controller.undo_stack.redo()
    summaries = [row[2] for row in view.row_texts()]
    assert summaries == ["Redo: Edit initiative", "Undo: Edit initiative", "Edit initiative"]
    from planner.history import login_name

    assert view.row_texts()[0][1] == (login_name() or "(unknown)")


def test_filters_narrow_the_list(view: HistoryView, demo_controller: PlanController) -> None:
    settings.set_user_name("김주무관")
    initiative_id = _edit_title(demo_controller, "첫 수정")
    settings.set_user_name("박팀장")
    holder = demo_controller.read(raci_matrix).stakeholders[0]
    demo_controller.execute(UpdateRow("stakeholder", holder.id, {"interest": 1}))
    demo_controller.execute(demo_controller.read(
        lambda s: add_comment_command(s, "initiative", initiative_id, "검토 요청", "박팀장")))
    assert len(view.row_texts()) == 3
    view.author_combo.setCurrentIndex(view.author_combo.findData("김주무관"))
    view.author_combo.activated.emit(view.author_combo.currentIndex())
    assert [row[2] for row in view.row_texts()] == ["Edit initiative"]
    view.author_combo.setCurrentIndex(0)
    view.kind_combo.setCurrentIndex(view.kind_combo.findData("comment"))
    view.kind_combo.activated.emit(view.kind_combo.currentIndex())
    assert [row[2] for row in view.row_texts()] == ["Add comment"]
    view.kind_combo.setCurrentIndex(0)
    view.kind_combo.activated.emit(0)
    view.search_edit.setText(holder.name)
    view.refresh()  # as the search timer does a moment after typing
    assert [row[2] for row in view.row_texts()] == ["Edit stakeholder"]
    view.search_edit.setText("")
    tomorrow = date.today() + timedelta(days=1)
    view.since_edit.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    view.since_check.setChecked(True)
    assert view.row_texts() == [] and view.empty_label.text() == "No change matches the filters."
    view.since_check.setChecked(False)
    view.until_edit.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    view.until_check.setChecked(True)
    assert len(view.row_texts()) == 3
    assert view.filters().until is not None and view.filters().since is None


def test_the_selected_entry_stays_selected_and_its_item_can_be_selected_from_the_details(
        view: HistoryView, demo_controller: PlanController, qtbot: Any) -> None:
    initiative_id = _edit_title(demo_controller, "선택 유지")
    view.table.selectRow(0)
    demo_controller.execute(UpdateRow("initiative", initiative_id, {"phase": 3}))
    assert view.current_entry() is not None and view.current_entry().summary == "Edit initiative"
    demo_controller.select("plan", [])
    item = view.details_tree.topLevelItem(0)
    with qtbot.waitSignal(demo_controller.selection_changed):
        view.details_tree.itemActivated.emit(item, 0)
    assert (demo_controller.selection_kind, demo_controller.selection_ids) == ("initiative", [initiative_id])


def test_a_hidden_view_catches_up_when_shown(view: HistoryView, demo_controller: PlanController) -> None:
    view.hide()
    _edit_title(demo_controller, "숨은 동안")
    assert view.refresher.stale
    view.show()
    assert [row[2] for row in view.row_texts()] == ["Edit initiative"]


def test_ctrl_f_puts_the_cursor_in_the_search_box(view: HistoryView, qtbot: Any) -> None:
    view.table.setFocus()
    view.activateWindow()
    qtbot.waitActive(view)
    QTest.keyClick(view.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert view.search_edit.hasFocus()


def test_the_table_model(qtmodeltester: Any, view: HistoryView, demo_controller: PlanController) -> None:
    _edit_title(demo_controller, "모델 검사")
    demo_controller.undo_stack.undo()
    model = view.model
    assert isinstance(model, HistoryTableModel) and model.rowCount() == 2
    qtmodeltester.check(model)
    assert model.data(model.index(0, 2), Qt.ItemDataRole.FontRole).italic()  # the undo, in italics
    assert model.data(model.index(1, 2), Qt.ItemDataRole.FontRole) is None
