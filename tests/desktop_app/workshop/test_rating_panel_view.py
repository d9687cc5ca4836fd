"""The rating panel: keys edit votes, impact, feasibility and scores as single undo entries; quick add, notes, rounds."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop_app.plan_controller import PlanController
from desktop_app.workshop.rating_panel_view import TEXT_PX, RatingPanel, RatingTableModel
from planner.workshops import METHODS, RatingRow, rating_rows, round_list, sticky_notes
from tests.desktop_app.views.conftest import demo_controller, empty_controller  # noqa: F401  (fixtures)


@pytest.fixture
def panel(qtbot: Any, demo_controller: PlanController) -> RatingPanel:  # noqa: F811
    view = RatingPanel(demo_controller)
    qtbot.addWidget(view)
    view.resize(1920, 1080)
    view.show()
    qtbot.waitExposed(view)
    view.table.setFocus()
    return view


def row_of(panel: RatingPanel, initiative_id: str) -> RatingRow:
    return next(row for row in panel.controller.read(rating_rows) if row.id == initiative_id)


def press(panel: RatingPanel, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(panel.table, key, modifier)


def go_to_row(panel: RatingPanel, number: int) -> str:
    panel.select_initiative(panel.model.rows[number].id)
    return panel.model.rows[number].id


@pytest.mark.parametrize("method", list(METHODS))
def test_the_model_passes_the_model_tester(qtmodeltester: Any, demo_controller: PlanController,  # noqa: F811
                                           method: str) -> None:
    model = RatingTableModel()
    model.set_rows(demo_controller.read(lambda s: rating_rows(s, method)), method)
    qtmodeltester.check(model, force_py=True)
    model.set_rows([], method)
    qtmodeltester.check(model, force_py=True)


def test_the_panel_shows_every_initiative_in_large_type(panel: RatingPanel) -> None:
    assert panel.model.rowCount() == 16
    assert panel.table.font().pixelSize() >= 24 and panel.font().pixelSize() == TEXT_PX
    assert panel.table.horizontalHeader().font().pixelSize() >= 24
    assert panel.hint_label.font().pixelSize() >= 24
    assert [row.rank for row in panel.model.rows] == list(range(1, 17))


def test_plus_and_minus_change_votes_one_undo_entry_each(panel: RatingPanel) -> None:
    stack = panel.controller.undo_stack
    initiative_id = go_to_row(panel, 5)
    press(panel, Qt.Key.Key_Plus)
    press(panel, Qt.Key.Key_Equal)
    assert row_of(panel, initiative_id).votes == 2
    assert stack.count() == 2
    press(panel, Qt.Key.Key_Minus)
    assert row_of(panel, initiative_id).votes == 1 and stack.count() == 3
    stack.undo()
    stack.undo()
    assert row_of(panel, initiative_id).votes == 1
    stack.undo()
    assert row_of(panel, initiative_id).votes == 0


def test_taking_a_vote_from_none_shows_why_and_changes_nothing(panel: RatingPanel) -> None:
    go_to_row(panel, 0)
    press(panel, Qt.Key.Key_Minus)
    assert panel.controller.undo_stack.count() == 0
    assert not panel.message_bar.isHidden() and "no votes" in panel.message_bar.text()


def test_votes_re_sort_the_ranking_and_highlight_the_moved_row(panel: RatingPanel) -> None:
    initiative_id = go_to_row(panel, 15)
    press(panel, Qt.Key.Key_Plus)
    assert panel.model.rows[0].id == initiative_id
    assert panel.current_initiative_id() == initiative_id  # the current row followed it to the top
    assert panel.model.highlight_id == initiative_id
    assert panel.model.moves[initiative_id] == 15
    move_column = panel.model.column_of("move")
    assert panel.model.index(0, move_column).data() == "▲15"
    assert panel.model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is not None


def test_digits_set_impact_and_shift_digits_feasibility_in_the_matrix(panel: RatingPanel) -> None:
    panel.set_method("matrix")
    stack = panel.controller.undo_stack
    initiative_id = go_to_row(panel, 3)
    press(panel, Qt.Key.Key_4)
    assert (row_of(panel, initiative_id).impact, stack.count()) == (4, 1)
    press(panel, Qt.Key.Key_2, Qt.KeyboardModifier.ShiftModifier)
    assert (row_of(panel, initiative_id).feasibility, stack.count()) == (2, 2)
    assert panel.model.rows[0].id == initiative_id  # the only one rated: first
    press(panel, Qt.Key.Key_At)  # Shift+2 on a US layout arrives as '@'
    assert stack.count() == 2  # unchanged value: no edit
    press(panel, Qt.Key.Key_Tab)  # the current column moves to feasibility
    press(panel, Qt.Key.Key_5)
    assert (row_of(panel, initiative_id).feasibility, row_of(panel, initiative_id).impact) == (5, 4)
    press(panel, Qt.Key.Key_0)
    assert row_of(panel, initiative_id).feasibility is None and stack.count() == 4
    for _ in range(4):
        stack.undo()
    assert (row_of(panel, initiative_id).impact, row_of(panel, initiative_id).feasibility) == (None, None)


def test_tab_and_digits_set_the_five_scores(panel: RatingPanel) -> None:
    panel.set_method("scores")
    stack = panel.controller.undo_stack
    initiative_id = go_to_row(panel, 2)
    press(panel, Qt.Key.Key_3)
    press(panel, Qt.Key.Key_Tab)
    press(panel, Qt.Key.Key_5)
    press(panel, Qt.Key.Key_Tab)
    press(panel, Qt.Key.Key_Tab)
    press(panel, Qt.Key.Key_Tab)
    press(panel, Qt.Key.Key_1)
    row = row_of(panel, initiative_id)
    assert row.scores == (3, 5, None, None, 1)
    assert stack.count() == 3
    assert panel.model.rows[0].id == initiative_id  # the highest total
    assert panel.model.index(0, panel.model.column_of("total")).data() == "9"
    stack.undo()
    assert row_of(panel, initiative_id).scores == (3, 5, None, None, None)


def test_control_z_in_the_panel_undoes(panel: RatingPanel) -> None:
    initiative_id = go_to_row(panel, 1)
    press(panel, Qt.Key.Key_Plus)
    press(panel, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert row_of(panel, initiative_id).votes == 0
    press(panel, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert row_of(panel, initiative_id).votes == 1


def test_m_switches_the_method(panel: RatingPanel) -> None:
    press(panel, Qt.Key.Key_M)
    assert panel.method == "matrix" and panel.method_buttons["matrix"].isChecked()
    assert panel.model.column_of("impact") >= 0
    press(panel, Qt.Key.Key_M)
    press(panel, Qt.Key.Key_M)
    assert panel.method == "dots"


def test_one_field_shown_and_ranked_alone(panel: RatingPanel) -> None:
    panel.field_combo.setCurrentIndex(2)  # the second field
    assert panel.model.rowCount() == 4
    assert {row.field_code for row in panel.model.rows} == {"B"}


def test_n_adds_an_initiative_inline(panel: RatingPanel) -> None:
    go_to_row(panel, 0)
    field_code = panel.model.rows[0].field_code
    press(panel, Qt.Key.Key_N)
    assert panel.quick_add_bar.isVisible() and panel.quick_add_edit.hasFocus()
    panel.quick_add_edit.setText("AI 농업 드론")
    QTest.keyClick(panel.quick_add_edit, Qt.Key.Key_Return)
    assert not panel.quick_add_bar.isVisible()
    assert panel.controller.undo_stack.count() == 1
    added = next(row for row in panel.model.rows if row.title == "AI 농업 드론")
    assert added.field_code == field_code and added.code == f"{field_code}-05"
    assert panel.current_initiative_id() == added.id


def test_quick_add_refuses_an_empty_title_and_escape_closes(panel: RatingPanel) -> None:
    press(panel, Qt.Key.Key_N)
    QTest.keyClick(panel.quick_add_edit, Qt.Key.Key_Return)
    assert panel.quick_add_bar.isVisible() and "required" in panel.message_bar.text()
    QTest.keyClick(panel.quick_add_edit, Qt.Key.Key_Escape)
    assert not panel.quick_add_bar.isVisible() and panel.controller.undo_stack.count() == 0


def test_shift_n_adds_a_stakeholder(panel: RatingPanel) -> None:
    press(panel, Qt.Key.Key_N, Qt.KeyboardModifier.ShiftModifier)
    assert panel.quick_add_kind == "stakeholder"
    panel.quick_add_edit.setText("청년 농업인회")
    QTest.keyClick(panel.quick_add_edit, Qt.Key.Key_Return)
    assert panel.controller.undo_stack.count() == 1
    assert "청년 농업인회" in panel.controller.undo_stack.text(0)


def test_s_adds_a_sticky_note_enter_saves(panel: RatingPanel) -> None:
    initiative_id = go_to_row(panel, 4)
    press(panel, Qt.Key.Key_S)
    dialog = panel.sticky_note_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.text_edit.insertPlainText("주민 설명회 필요")
    dialog.colour_combo.setCurrentIndex(dialog.colour_combo.findData("green"))
    QTest.keyClick(dialog.text_edit, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    notes = panel.controller.read(lambda s: sticky_notes(s, "initiative", initiative_id))
    assert [(n.text, n.colour) for n in notes] == [("주민 설명회 필요", "green")]
    assert panel.model.index(panel.model.row_of(initiative_id), panel.model.column_of("notes")).data() == "1"
    panel.controller.undo_stack.undo()
    assert panel.controller.read(lambda s: sticky_notes(s, "initiative", initiative_id)) == []


def test_an_empty_sticky_note_keeps_the_dialog_open(panel: RatingPanel) -> None:
    go_to_row(panel, 0)
    press(panel, Qt.Key.Key_S)
    dialog = panel.sticky_note_dialog
    assert dialog is not None
    QTest.keyClick(dialog.text_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and not dialog.error_label.isHidden()
    assert panel.controller.undo_stack.count() == 0
    dialog.reject()


def test_r_saves_a_round_and_signals_it(qtbot: Any, panel: RatingPanel) -> None:
    press(panel, Qt.Key.Key_Plus)
    press(panel, Qt.Key.Key_R)
    assert panel.quick_add_edit.text() == "Round 1"
    with qtbot.waitSignal(panel.round_saved) as saved:
        QTest.keyClick(panel.quick_add_edit, Qt.Key.Key_Return)
    assert saved.args == ["Round 1"]
    assert [summary.name for summary in panel.controller.read(round_list)] == ["Round 1"]
    assert panel.controller.undo_stack.count() == 2
    assert not panel.save_round("Round 1")  # taken
    assert "already" in panel.message_bar.text()


def test_the_empty_plan_shows_an_empty_panel(qtbot: Any, empty_controller: PlanController) -> None:  # noqa: F811
    view = RatingPanel(empty_controller)
    qtbot.addWidget(view)
    view.show()
    QTest.keyClick(view.table, Qt.Key.Key_Plus)
    QTest.keyClick(view.table, Qt.Key.Key_S)
    assert view.model.rowCount() == 0 and empty_controller.undo_stack.count() == 0
