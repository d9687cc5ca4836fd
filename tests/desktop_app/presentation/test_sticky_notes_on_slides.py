"""M in the presentation: a sticky note on a stakeholder or initiative of the slide, undoable in one step."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop_app.plan_controller import PlanController
from desktop_app.presentation.presentation_window import PresentationWindow
from desktop_app.workshop.sticky_note_dialog import StickyNoteDialog
from planner.workshops import sticky_notes


def _window(qtbot: Any, controller: PlanController, kind: str) -> PresentationWindow:
    window = PresentationWindow(controller)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.go_to(next(index for index, page in enumerate(window.deck.pages) if page.kind == kind))
    return window


def _write_and_save(dialog: Any, text: str) -> None:
    assert isinstance(dialog, StickyNoteDialog)
    dialog.text_edit.setPlainText(text)
    dialog.author_edit.setText("김주무관")
    dialog.save()
    assert dialog.result() == StickyNoteDialog.DialogCode.Accepted


def test_m_on_the_grid_chooses_a_stakeholder_and_the_note_is_one_undo_step(
        qtbot: Any, demo_controller: PlanController) -> None:
    window = _window(qtbot, demo_controller, "grid")
    QTest.keyClick(window, Qt.Key.Key_M)
    chooser = window.note_target_dialog
    assert chooser is not None and chooser.isVisible()
    targets = [chooser.list_widget.item(row).data(Qt.ItemDataRole.UserRole)
               for row in range(chooser.list_widget.count())]
    assert targets and {target.kind for target in targets} == {"stakeholder"}
    chooser.list_widget.setCurrentRow(1)
    chosen = targets[1]
    chooser.accept()
    dialog = window.sticky_note_dialog
    assert dialog is not None and (dialog.target_kind, dialog.target_id) == ("stakeholder", chosen.target_id)
    undo_count = demo_controller.undo_stack.count()
    _write_and_save(dialog, "주민 설명회 일정 확인 필요")
    notes = demo_controller.read(lambda s: sticky_notes(s, "stakeholder", chosen.target_id))
    assert [(note.text, note.author) for note in notes] == [("주민 설명회 일정 확인 필요", "김주무관")]
    assert demo_controller.undo_stack.count() == undo_count + 1
    demo_controller.undo_stack.undo()
    assert demo_controller.read(lambda s: sticky_notes(s, "stakeholder", chosen.target_id)) == []


def test_m_on_the_roadmap_offers_only_initiatives(qtbot: Any, demo_controller: PlanController) -> None:
    window = _window(qtbot, demo_controller, "roadmap")
    window.handle_key(Qt.Key.Key_M)
    chooser = window.note_target_dialog
    assert chooser is not None
    kinds = {chooser.list_widget.item(row).data(Qt.ItemDataRole.UserRole).kind
             for row in range(chooser.list_widget.count())}
    assert kinds == {"initiative"}  # lanes cannot take a note
    chooser.reject()
    assert window.sticky_note_dialog is None


def test_m_with_a_spotlighted_initiative_goes_straight_to_it(qtbot: Any, demo_controller: PlanController) -> None:
    window = _window(qtbot, demo_controller, "roadmap")
    from planner.presentation import spotlight_targets

    initiative = next(target for target in spotlight_targets(window.current_page) if target.kind == "initiative")
    window.set_spotlight("initiative", initiative.target_id)
    QTest.keyClick(window, Qt.Key.Key_M)
    assert window.note_target_dialog is None  # no chooser
    dialog = window.sticky_note_dialog
    assert dialog is not None and (dialog.target_kind, dialog.target_id) == ("initiative", initiative.target_id)
    _write_and_save(dialog, "예산 재검토")
    notes = demo_controller.read(lambda s: sticky_notes(s, "initiative", initiative.target_id))
    assert [note.text for note in notes] == ["예산 재검토"]
    assert window.spotlight == ("initiative", initiative.target_id)  # the spotlight stays on
    demo_controller.undo_stack.undo()
    assert demo_controller.read(lambda s: sticky_notes(s, "initiative", initiative.target_id)) == []


def test_m_on_a_slide_without_initiatives_or_stakeholders_does_nothing(
        qtbot: Any, demo_controller: PlanController) -> None:
    window = _window(qtbot, demo_controller, "title")
    assert window.add_sticky_note() is None
    assert window.note_target_dialog is None and window.sticky_note_dialog is None
