"""The slide sequence dialog: reorder, add, remove, hide, titles and notes; OK is one undo entry."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop_app.plan_controller import PlanController
from desktop_app.presentation.slide_sequence_dialog import SlideSequenceDialog
from planner.presentation import SlideSpec, default_slides, slides


def _dialog(qtbot: Any, controller: PlanController) -> SlideSequenceDialog:
    dialog = SlideSequenceDialog(controller)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_an_edited_sequence_is_saved_as_one_undo_entry_and_undo_restores_it(qtbot: Any,
                                                                             demo_controller: PlanController) -> None:
    defaults = demo_controller.read(default_slides)
    dialog = _dialog(qtbot, demo_controller)
    assert dialog.specs() == defaults
    dialog.list_widget.setCurrentRow(len(defaults) - 1)  # the KPIs to the top, by keyboard
    dialog.list_widget.setFocus()
    for _ in range(len(defaults) - 1):
        QTest.keyClick(dialog.list_widget, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert dialog.specs()[0].kind == "kpis" and dialog.list_widget.currentRow() == 0
    dialog.title_edit.setText("핵심 성과")
    dialog.title_edit.textEdited.emit("핵심 성과")
    dialog.notes_edit.setPlainText("목표를 먼저 보여줌")
    dialog.list_widget.setCurrentRow(1)  # the title slide: hidden
    dialog.hidden_check.setChecked(True)
    dialog.list_widget.setCurrentRow(2)  # the roadmap: removed
    dialog.remove_button.click()
    dialog.list_widget.setCurrentRow(dialog.list_widget.count() - 1)
    dialog.add_slide(SlideSpec("ratings"))
    assert "핵심 성과" in dialog.list_widget.item(0).text()
    before = demo_controller.undo_stack.count()
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert demo_controller.undo_stack.count() == before + 1
    saved = demo_controller.read(slides)
    assert [spec.kind for spec in saved] == ["kpis", "title", *[spec.kind for spec in defaults[2:-1]], "ratings"]
    assert (saved[0].title, saved[0].notes, saved[1].hidden) == ("핵심 성과", "목표를 먼저 보여줌", True)
    demo_controller.undo_stack.undo()
    assert demo_controller.read(slides) == defaults
    demo_controller.undo_stack.redo()
    assert [spec.kind for spec in demo_controller.read(slides)] == [spec.kind for spec in saved]


def test_the_add_menu_offers_every_kind_and_every_field(qtbot: Any, demo_controller: PlanController) -> None:
    dialog = _dialog(qtbot, demo_controller)
    texts = [action.text() for action in dialog.add_menu.actions()]
    field_count = sum(1 for spec in demo_controller.read(default_slides) if spec.kind == "field")
    assert len(texts) == 7 + field_count
    dialog.add_menu.actions()[-1].trigger()
    assert dialog.specs()[1].kind == "field"  # after the current (first) slide


def test_cancel_changes_nothing(qtbot: Any, demo_controller: PlanController) -> None:
    dialog = _dialog(qtbot, demo_controller)
    dialog.remove_current()
    dialog.reject()
    assert demo_controller.undo_stack.count() == 0
    assert demo_controller.read(slides) == demo_controller.read(default_slides)


def test_a_refused_sequence_keeps_the_dialog_open_with_the_reason(qtbot: Any, demo_controller: PlanController) -> None:
    dialog = _dialog(qtbot, demo_controller)
    dialog.add_slide(SlideSpec("poster"))
    dialog.accept()
    assert dialog.isVisible() and "poster" in dialog.message_label.text()
    assert demo_controller.undo_stack.count() == 0
