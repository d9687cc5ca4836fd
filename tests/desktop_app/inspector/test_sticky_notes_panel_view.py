"""The inspector's sticky notes panel: lists, adds and deletes the notes of an initiative or stakeholder, undoably."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop_app.inspector.inspector_view import InspectorView
from desktop_app.inspector.sticky_notes_panel_view import StickyNotesPanel
from desktop_app.plan_controller import PlanController
from planner.stakeholders.raci import raci_matrix
from planner.workshops import add_sticky_note_command, sticky_notes


@pytest.fixture
def panel(qtbot: Any, demo_controller: PlanController) -> Iterator[StickyNotesPanel]:
    container = QWidget()  # as under the inspector: hiding the panel leaves its parent shown
    qtbot.addWidget(container)
    panel = StickyNotesPanel(demo_controller, container)
    QVBoxLayout(container).addWidget(panel)
    container.resize(700, 400)
    container.show()
    yield panel
    del container


def _add(controller: PlanController, kind: str, target_id: str, text: str, colour: str = "yellow",
         author: str = "") -> None:
    controller.execute(controller.read(lambda s: add_sticky_note_command(s, kind, target_id, text, colour, author)))


def test_hidden_without_a_single_initiative_or_stakeholder(panel: StickyNotesPanel,
                                                          demo_controller: PlanController) -> None:
    assert panel.isHidden()
    demo_controller.select("field", ["x"])
    assert panel.isHidden()
    holders = demo_controller.read(raci_matrix).stakeholders
    demo_controller.select("stakeholder", [holders[0].id, holders[1].id])
    assert panel.isHidden()


def test_lists_the_notes_of_a_stakeholder_and_follows_changes(panel: StickyNotesPanel,
                                                              demo_controller: PlanController) -> None:
    holder = demo_controller.read(raci_matrix).stakeholders[0]
    demo_controller.select("stakeholder", [holder.id])
    assert not panel.isHidden() and panel.row_texts() == [] and panel.empty_label.isVisibleTo(panel)
    assert not panel.delete_button.isEnabled()
    _add(demo_controller, "stakeholder", holder.id, "협약서 초안 요청", "pink", "박팀장")
    _add(demo_controller, "stakeholder", holder.id, "두 번째\n메모")
    rows = panel.row_texts()
    assert [row[1:3] for row in rows] == [["협약서 초안 요청", "박팀장"], ["두 번째 메모", ""]]
    assert rows[0][0] == "Pink" and rows[1][0] == "Yellow"  # the colour named in words
    assert all(len(row[3]) == 10 for row in rows)  # YYYY-MM-DD
    assert panel.title_label.text() == "Sticky notes (2)" and panel.tree.accessibleName() == "Sticky notes (2)"
    demo_controller.undo_stack.undo()
    assert len(panel.row_texts()) == 1


def test_add_note_opens_the_dialog_and_saving_is_one_undo_entry(panel: StickyNotesPanel,
                                                                demo_controller: PlanController) -> None:
    initiative = demo_controller.read(raci_matrix).initiatives[0]
    demo_controller.select("initiative", [initiative.id])
    QTest.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    dialog = panel.sticky_note_dialog
    assert dialog is not None and (dialog.target_kind, dialog.target_id) == ("initiative", initiative.id)
    dialog.text_edit.setPlainText("주민 의견 반영")
    count = demo_controller.undo_stack.count()
    dialog.save()
    assert demo_controller.undo_stack.count() == count + 1
    assert [row[1] for row in panel.row_texts()] == ["주민 의견 반영"]
    demo_controller.undo_stack.undo()
    assert panel.row_texts() == []
    assert demo_controller.read(lambda s: sticky_notes(s, "initiative", initiative.id)) == []


def test_delete_removes_the_chosen_note_undoably(panel: StickyNotesPanel, demo_controller: PlanController) -> None:
    initiative = demo_controller.read(raci_matrix).initiatives[0]
    demo_controller.select("initiative", [initiative.id])
    _add(demo_controller, "initiative", initiative.id, "첫째")
    _add(demo_controller, "initiative", initiative.id, "둘째")
    panel.tree.setCurrentItem(panel.tree.topLevelItem(1))
    QTest.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert [note.text for note in demo_controller.read(lambda s: sticky_notes(s, "initiative", initiative.id))] \
        == ["첫째"]
    assert [row[1] for row in panel.row_texts()] == ["첫째"]
    panel.tree.setFocus()
    panel.tree.setCurrentItem(panel.tree.topLevelItem(0))
    QTest.keyClick(panel.tree, Qt.Key.Key_Delete)  # the keyboard way
    assert panel.row_texts() == []
    demo_controller.undo_stack.undo()
    demo_controller.undo_stack.undo()
    assert [row[1] for row in panel.row_texts()] == ["첫째", "둘째"]


def test_controls_have_accessible_names(panel: StickyNotesPanel, demo_controller: PlanController) -> None:
    holder = demo_controller.read(raci_matrix).stakeholders[0]
    demo_controller.select("stakeholder", [holder.id])
    for control in (panel.add_button, panel.delete_button, panel.tree):
        assert control.accessibleName()


def test_the_inspector_shows_the_panel_under_the_linked_panel(qtbot: Any, demo_controller: PlanController) -> None:
    inspector = InspectorView(demo_controller)
    qtbot.addWidget(inspector)
    inspector.resize(600, 900)
    inspector.show()
    holder = demo_controller.read(raci_matrix).stakeholders[0]
    demo_controller.select("stakeholder", [holder.id])
    assert inspector.sticky_notes_panel.isVisible()
    layout = inspector.layout()
    assert layout.indexOf(inspector.sticky_notes_panel) == layout.indexOf(inspector.linked_panel) + 1
    demo_controller.select("plan", [])
    assert not inspector.sticky_notes_panel.isVisible()
