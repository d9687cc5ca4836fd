"""The inspector's comments panel: threads on the selected item; add, reply, resolve and delete, each one undo entry
under the user's name from Preferences."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop_app import settings
from desktop_app.inspector.comments_panel_view import CommentsPanel
from desktop_app.inspector.inspector_view import InspectorView
from desktop_app.plan_controller import PlanController
from planner.comments import comment_threads
from planner.stakeholders.raci import raci_matrix


@pytest.fixture
def panel(qtbot: Any, demo_controller: PlanController) -> Iterator[CommentsPanel]:
    container = QWidget()  # as under the inspector: hiding the panel leaves its parent shown
    qtbot.addWidget(container)
    panel = CommentsPanel(demo_controller, container)
    QVBoxLayout(container).addWidget(panel)
    container.resize(700, 500)
    container.show()
    yield panel
    del container


def _select_initiative(controller: PlanController) -> str:
    initiative = controller.read(raci_matrix).initiatives[0]
    controller.select("initiative", [initiative.id])
    return initiative.id


def test_shown_for_one_commentable_item_only(panel: CommentsPanel, demo_controller: PlanController) -> None:
    assert panel.isHidden()
    holders = demo_controller.read(raci_matrix).stakeholders
    demo_controller.select("stakeholder", [holders[0].id, holders[1].id])
    assert panel.isHidden()
    demo_controller.select("field", ["x"])
    assert panel.isHidden()
    demo_controller.select("stakeholder", [holders[0].id])
    assert not panel.isHidden() and panel.empty_label.isVisibleTo(panel)
    assert panel.title_label.text() == "Comments (0)"
    assert not panel.add_button.isEnabled() and not panel.reply_button.isEnabled()


def test_add_reply_resolve_each_one_undo_entry(panel: CommentsPanel, demo_controller: PlanController) -> None:
    initiative_id = _select_initiative(demo_controller)
    stack = demo_controller.undo_stack
    settings.set_user_name("김주무관")
    panel.editor.setPlainText("예산 산출 근거를 보완해 주세요.")
    assert panel.add_button.isEnabled()
    QTest.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert stack.count() == 1 and panel.editor.toPlainText() == ""
    assert panel.row_texts()[0][:2] == ["예산 산출 근거를 보완해 주세요.", "김주무관"]
    assert panel.title_label.text() == "Comments (1 unresolved)"
    settings.set_user_name("박팀장")
    panel.tree.setCurrentItem(panel.tree.topLevelItem(0))
    panel.editor.setPlainText("다음 주까지 보완하겠습니다.")
    QTest.mouseClick(panel.reply_button, Qt.MouseButton.LeftButton)
    assert [row[:2] for row in panel.row_texts()] == [["예산 산출 근거를 보완해 주세요.", "김주무관"],
                                                      ["  다음 주까지 보완하겠습니다.", "박팀장"]]
    panel.tree.setCurrentItem(panel.tree.topLevelItem(0).child(0))  # resolving from a reply resolves the thread
    assert panel.resolve_button.text() == "Resolve"
    QTest.mouseClick(panel.resolve_button, Qt.MouseButton.LeftButton)
    assert panel.row_texts()[0][0] == "✓ 예산 산출 근거를 보완해 주세요."
    shown = panel.full_text_label.text().splitlines()  # the chosen comment whole, with who and when
    assert shown[0].startswith("박팀장 · ") and shown[1:] == ["다음 주까지 보완하겠습니다."]
    panel.tree.setCurrentItem(panel.tree.topLevelItem(0))
    assert panel.full_text_label.text().splitlines()[0].endswith("(Resolved)")
    assert panel.title_label.text() == "Comments (1)" and panel.resolve_button.text() == "Reopen"
    assert stack.count() == 3
    [thread] = demo_controller.read(lambda s: comment_threads(s, "initiative", initiative_id))
    assert thread.resolved and thread.comment.author == "김주무관" and thread.replies[0].author == "박팀장"
    stack.undo()
    assert panel.title_label.text() == "Comments (1 unresolved)"
    stack.undo()
    stack.undo()
    assert panel.row_texts() == [] and panel.title_label.text() == "Comments (0)"
    stack.redo()
    assert [row[0] for row in panel.row_texts()] == ["예산 산출 근거를 보완해 주세요."]


def test_ctrl_enter_adds_and_delete_removes_the_chosen_thread(panel: CommentsPanel, demo_controller: PlanController,
                                                              qtbot: Any) -> None:
    _select_initiative(demo_controller)
    panel.editor.setFocus()
    panel.window().activateWindow()
    qtbot.waitActive(panel.window())
    QTest.keyClicks(panel.editor, "Check the schedule")  # (QTest types Latin-1 only)
    QTest.keyClick(panel.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert [row[0] for row in panel.row_texts()] == ["Check the schedule"]
    panel.tree.setCurrentItem(panel.tree.topLevelItem(0))
    panel.tree.setFocus()
    QTest.keyClick(panel.tree, Qt.Key.Key_Delete)
    assert panel.row_texts() == [] and demo_controller.undo_stack.count() == 2
    assert demo_controller.undo_stack.undoText() == "Delete comment"


def test_a_refused_comment_shows_why(panel: CommentsPanel, demo_controller: PlanController) -> None:
    _select_initiative(demo_controller)
    panel.editor.setPlainText("가" * 5_001)
    assert not panel.add_comment()
    assert "at most 5,000" in panel.message_bar.text() and not panel.message_bar.isHidden()
    assert demo_controller.undo_stack.count() == 0


def test_the_inspector_holds_the_panel_under_the_sticky_notes(qtbot: Any, demo_controller: PlanController) -> None:
    inspector = InspectorView(demo_controller)
    qtbot.addWidget(inspector)
    inspector.show()
    _select_initiative(demo_controller)
    layout = inspector.layout()
    positions = [layout.indexOf(inspector.sticky_notes_panel), layout.indexOf(inspector.comments_panel)]
    assert positions[0] >= 0 and positions[1] == positions[0] + 1
    assert inspector.comments_panel.isVisible()
