"""The narrative editor: stored text shown as rich text and back unchanged, typing stored as one undo entry per
burst, levels, bold, the plan's undo, and text never lost."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from desktop_app.plan_controller import PlanController
from desktop_app.views.document.narrative_editor_view import (
    NARRATIVE_MIME_TYPE,
    NarrativeEditor,
    block_level,
    read_narrative_row,
    read_narrative_rows,
)
from planner.commands import AddRow, UpdateRow
from planner.narrative import format_narrative, parse_narrative
from planner.resources import resource_path

HOSTILE_BODIES = [
    "<b>not bold</b> & R&D <img src=x> <a href=\"javascript:alert(1)\">x</a>",
    "□ R&D **예산** 50% \\* \\\\ 끝",  # canonical: escaped star and backslash
    "  ○ x<y and $5 to $10",
    "",
    "□ \n  ○ \n\n      · 점",  # empty bullets and a gap
]
RAW_HOSTILE_BODIES = [  # not in the canonical form: read the same, written canonically
    ("a ** b", "a \\*\\* b"),  # an unclosed ** is text
    ("C:\\temp\\new", "C:\\\\temp\\\\new"),  # a lone backslash is text
    ("**bold** and ***", "**bold** and \\*\\*\\*"),
    ("ㆍ 가운뎃점\n• 점", "      · 가운뎃점\n      · 점"),
    ("plain   \n\n\n", "plain"),
]


@pytest.fixture
def host(qtbot: Any) -> QWidget:
    """A shown window holding the editor and a line edit to move the focus to."""
    widget = QWidget()
    QVBoxLayout(widget)
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    return widget


def make_editor(qtbot: Any, host: QWidget, controller: PlanController, key: str = "overview.background",
                title: str = "추진 배경", position: int = 0) -> NarrativeEditor:
    editor = NarrativeEditor(controller)
    other = QLineEdit()
    other.setObjectName("elsewhere")
    host.layout().addWidget(editor)
    host.layout().addWidget(other)
    host.show()
    qtbot.waitExposed(host)
    editor.set_section(key, title, position)
    return editor


@pytest.fixture
def section_controller(empty_controller: PlanController) -> Iterator[PlanController]:
    """The empty plan with one narrative section, 추진 배경, holding two lines."""
    with empty_controller.document.session() as session:
        AddRow("narrative_section", {"key": "overview.background", "title": "추진 배경",
                                     "body": "□ 첫째 줄\n  ○ 둘째 줄", "position": 0}).apply(session)
    yield empty_controller


def stored(controller: PlanController, key: str = "overview.background") -> str | None:
    row = controller.read(lambda session: read_narrative_row(session, key))
    return None if row is None else row.body


def wait_stored(qtbot: Any, editor: NarrativeEditor) -> None:
    """Wait for the idle commit of what was typed."""
    qtbot.waitUntil(lambda: not editor.has_pending_edits, timeout=5000)


def move_to_end(editor: NarrativeEditor) -> None:
    cursor = editor.text_edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.text_edit.setTextCursor(cursor)


def select_block(editor: NarrativeEditor, number: int) -> None:
    block = editor.text_edit.document().findBlockByNumber(number)
    cursor = QTextCursor(block)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
    editor.text_edit.setTextCursor(cursor)


# -- round trips ------------------------------------------------------------------------------------------------


def demo_bodies(language: str) -> list[tuple[str, str]]:
    data = json.loads(resource_path("demo", "haedam.json").read_text("utf-8"))
    return [(section["key"], section["body"][language] if isinstance(section["body"], dict) else section["body"])
            for section in data["narrative_sections"]]


def test_every_demo_body_round_trips_unchanged(qtbot: Any, host: QWidget,
                                               haedam_controller: PlanController) -> None:
    editor = make_editor(qtbot, host, haedam_controller)
    rows = haedam_controller.read(read_narrative_rows)
    assert len(rows) == 11
    for key, row in rows.items():
        editor.set_section(key, row.title, row.position)
        assert editor.text() == row.body, key
        assert not editor.has_pending_edits
    assert haedam_controller.undo_stack.count() == 0  # showing a section writes nothing


def test_english_demo_bodies_are_read_the_same_and_written_with_indented_dashes(qtbot: Any, host: QWidget,
                                                                               empty_controller: PlanController
                                                                               ) -> None:
    """The English demo writes level-3 dashes at the line start; the format indents them by four spaces."""
    editor = make_editor(qtbot, host, empty_controller)
    for key, body in demo_bodies("en"):
        editor.load_body(body)
        exported = editor.text()
        assert parse_narrative(exported) == parse_narrative(body), key
        assert exported == format_narrative(parse_narrative(body))
        differing = [(a, b) for a, b in zip(body.split("\n"), exported.split("\n"), strict=True) if a != b]
        assert all(b == f"    {a}" and a.startswith("- ") for a, b in differing), key


@pytest.mark.parametrize("body", HOSTILE_BODIES)
def test_hostile_canonical_bodies_round_trip(qtbot: Any, host: QWidget, empty_controller: PlanController,
                                             body: str) -> None:
    editor = make_editor(qtbot, host, empty_controller)
    editor.load_body(body)
    assert editor.text() == body


@pytest.mark.parametrize(("body", "written"), RAW_HOSTILE_BODIES)
def test_hostile_raw_bodies_keep_their_meaning(qtbot: Any, host: QWidget, empty_controller: PlanController,
                                               body: str, written: str) -> None:
    editor = make_editor(qtbot, host, empty_controller)
    editor.load_body(body)
    assert editor.text() == written
    assert parse_narrative(editor.text()) == parse_narrative(body)


def test_shown_text_has_markers_painted_not_typed(qtbot: Any, host: QWidget,
                                                  section_controller: PlanController) -> None:
    editor = make_editor(qtbot, host, section_controller)
    document = editor.text_edit.document()
    assert editor.text_edit.toPlainText() == "첫째 줄\n둘째 줄"
    first, second = document.firstBlock(), document.firstBlock().next()
    assert (block_level(first), block_level(second)) == (1, 2)
    assert second.blockFormat().leftMargin() > first.blockFormat().leftMargin() > 0
    assert not editor.grab().isNull()


# -- storing ------------------------------------------------------------------------------------------------------


def test_a_burst_of_typing_is_one_undo_entry(qtbot: Any, host: QWidget,
                                             section_controller: PlanController) -> None:
    editor = make_editor(qtbot, host, section_controller)
    move_to_end(editor)
    for piece in ("이며", ", 인구가", " 감소함"):
        editor.text_edit.insertPlainText(piece)
    assert editor.has_pending_edits
    assert section_controller.undo_stack.count() == 0
    wait_stored(qtbot, editor)
    assert section_controller.undo_stack.count() == 1
    assert stored(section_controller) == "□ 첫째 줄\n  ○ 둘째 줄이며, 인구가 감소함"
    assert section_controller.undo_stack.undoText().startswith("Edit the text of")


def test_ctrl_b_on_a_selection_stores_bold_marks(qtbot: Any, host: QWidget,
                                                 section_controller: PlanController) -> None:
    editor = make_editor(qtbot, host, section_controller)
    cursor = QTextCursor(editor.text_edit.document().firstBlock())
    cursor.movePosition(QTextCursor.MoveOperation.NextWord, QTextCursor.MoveMode.KeepAnchor)
    editor.text_edit.setTextCursor(cursor)
    editor.text_edit.setFocus()
    QTest.keyClick(editor.text_edit, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert editor.bold_action.isChecked()
    editor.commit()
    assert stored(section_controller) == "□ **첫째 **줄\n  ○ 둘째 줄"
    QTest.keyClick(editor.text_edit, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)  # and off again
    editor.commit()
    assert stored(section_controller) == "□ 첫째 줄\n  ○ 둘째 줄"


def test_alt_digits_and_tab_set_the_bullet_levels(qtbot: Any, host: QWidget,
                                                  empty_controller: PlanController) -> None:
    editor = make_editor(qtbot, host, empty_controller)
    edit = editor.text_edit
    edit.setFocus()
    edit.insertPlainText("배경")
    QTest.keyClick(edit, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert editor.text() == "□ 배경"
    assert editor.style_combo.currentData() == 1
    QTest.keyClick(edit, Qt.Key.Key_Return)  # Enter continues the level
    edit.insertPlainText("인구 감소")
    assert editor.text() == "□ 배경\n□ 인구 감소"
    QTest.keyClick(edit, Qt.Key.Key_Tab)
    assert editor.text() == "□ 배경\n  ○ 인구 감소"
    QTest.keyClick(edit, Qt.Key.Key_Return)
    edit.insertPlainText("고령화")
    QTest.keyClick(edit, Qt.Key.Key_Tab)
    QTest.keyClick(edit, Qt.Key.Key_Tab)
    assert editor.text() == "□ 배경\n  ○ 인구 감소\n      · 고령화"
    QTest.keyClick(edit, Qt.Key.Key_Tab)  # no deeper than ·
    QTest.keyClick(edit, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert editor.text() == "□ 배경\n  ○ 인구 감소\n    - 고령화"
    QTest.keyClick(edit, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert editor.text() == "□ 배경\n  ○ 인구 감소\n  ○ 고령화"
    QTest.keyClick(edit, Qt.Key.Key_0, Qt.KeyboardModifier.AltModifier)
    assert editor.text() == "□ 배경\n  ○ 인구 감소\n고령화"
    wait_stored(qtbot, editor)
    assert stored(empty_controller) == "□ 배경\n  ○ 인구 감소\n고령화"
    assert empty_controller.undo_stack.count() == 1


def test_levels_apply_to_every_selected_line_and_the_combo(qtbot: Any, host: QWidget,
                                                           section_controller: PlanController) -> None:
    editor = make_editor(qtbot, host, section_controller)
    cursor = editor.text_edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
    editor.text_edit.setTextCursor(cursor)
    editor.change_level(1)
    assert editor.text() == "  ○ 첫째 줄\n    - 둘째 줄"
    editor.style_combo.setCurrentIndex(editor.style_combo.findData(4))
    editor.style_combo.activated.emit(editor.style_combo.currentIndex())
    assert editor.text() == "      · 첫째 줄\n      · 둘째 줄"


def test_enter_on_an_empty_bullet_ends_the_bullets_and_backspace_removes_one(
        qtbot: Any, host: QWidget, section_controller: PlanController) -> None:
    editor = make_editor(qtbot, host, section_controller)
    edit = editor.text_edit
    edit.setFocus()
    move_to_end(editor)
    QTest.keyClick(edit, Qt.Key.Key_Return)
    QTest.keyClick(edit, Qt.Key.Key_Return)
    edit.insertPlainText("맺음말")
    assert editor.text() == "□ 첫째 줄\n  ○ 둘째 줄\n맺음말"
    select_block(editor, 1)
    cursor = edit.textCursor()
    cursor.setPosition(cursor.selectionStart())
    edit.setTextCursor(cursor)
    QTest.keyClick(edit, Qt.Key.Key_Backspace)
    assert editor.text() == "□ 첫째 줄\n둘째 줄\n맺음말"


def test_typing_a_marker_and_space_starts_that_bullet(qtbot: Any, host: QWidget,
                                                      empty_controller: PlanController) -> None:
    editor = make_editor(qtbot, host, empty_controller)
    edit = editor.text_edit
    edit.setFocus()
    QTest.keyClick(edit, Qt.Key.Key_Minus)
    QTest.keyClick(edit, Qt.Key.Key_Space)
    QTest.keyClicks(edit, "item")
    assert editor.text() == "    - item"
    QTest.keyClick(edit, Qt.Key.Key_Return)
    QTest.keyClicks(edit, "5-3 ")  # a dash inside the text stays text
    assert editor.text() == "    - item\n    - 5-3 "


def test_a_missing_section_is_added_on_first_edit_and_undo_removes_it(qtbot: Any, host: QWidget,
                                                                      empty_controller: PlanController) -> None:
    editor = make_editor(qtbot, host, empty_controller, key="expected_effects", title="기대효과", position=7)
    assert stored(empty_controller, "expected_effects") is None
    editor.text_edit.insertPlainText("주민 삶의 질 향상")
    wait_stored(qtbot, editor)
    row = empty_controller.read(lambda session: read_narrative_row(session, "expected_effects"))
    assert row is not None
    assert (row.title, row.body, row.position) == ("기대효과", "주민 삶의 질 향상", 7)
    assert empty_controller.undo_stack.count() == 1
    editor.text_edit.insertPlainText("에 기여함")
    wait_stored(qtbot, editor)
    assert stored(empty_controller, "expected_effects") == "주민 삶의 질 향상에 기여함"
    assert empty_controller.undo_stack.count() == 2
    editor.text_edit.setFocus()
    QTest.keyClick(editor.text_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.text() == "주민 삶의 질 향상"
    QTest.keyClick(editor.text_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(empty_controller, "expected_effects") is None
    assert editor.text() == ""
    QTest.keyClick(editor.text_edit, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert stored(empty_controller, "expected_effects") == "주민 삶의 질 향상"
    assert editor.text() == "주민 삶의 질 향상"


def test_ctrl_z_stores_pending_text_then_undoes_it(qtbot: Any, host: QWidget,
                                                   section_controller: PlanController) -> None:
    editor = make_editor(qtbot, host, section_controller)
    move_to_end(editor)
    editor.text_edit.insertPlainText(" 추가")
    editor.text_edit.setFocus()
    QTest.keyClick(editor.text_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert section_controller.undo_stack.count() == 1  # the typing was stored, then undone
    assert section_controller.undo_stack.index() == 0
    assert stored(section_controller) == "□ 첫째 줄\n  ○ 둘째 줄"
    assert editor.text() == "□ 첫째 줄\n  ○ 둘째 줄"
    assert not editor.has_pending_edits


def test_a_change_made_elsewhere_is_shown_keeping_the_cursor(qtbot: Any, host: QWidget,
                                                             section_controller: PlanController) -> None:
    editor = make_editor(qtbot, host, section_controller)
    cursor = QTextCursor(editor.text_edit.document().findBlockByNumber(1))
    cursor.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.MoveAnchor, 2)
    editor.text_edit.setTextCursor(cursor)
    row = section_controller.read(lambda session: read_narrative_row(session, "overview.background"))
    assert row is not None
    section_controller.execute(UpdateRow("narrative_section", row.id, {"body": "□ 첫째 줄\n  ○ 셋째 줄\n· 끝"}))
    assert editor.text() == "□ 첫째 줄\n  ○ 셋째 줄\n      · 끝"
    assert (editor.text_edit.textCursor().blockNumber(), editor.text_edit.textCursor().positionInBlock()) == (1, 2)
    assert section_controller.undo_stack.count() == 1
    section_controller.undo_stack.undo()
    assert editor.text() == "□ 첫째 줄\n  ○ 둘째 줄"


def test_text_typed_before_a_change_elsewhere_is_not_lost(qtbot: Any, host: QWidget,
                                                          section_controller: PlanController) -> None:
    editor = make_editor(qtbot, host, section_controller)
    move_to_end(editor)
    editor.text_edit.insertPlainText(" 입력 중")
    row = section_controller.read(lambda session: read_narrative_row(session, "overview.background"))
    assert row is not None
    section_controller.execute(UpdateRow("narrative_section", row.id, {"title": "배경"}))
    assert stored(section_controller) == "□ 첫째 줄\n  ○ 둘째 줄 입력 중"
    assert editor.text() == "□ 첫째 줄\n  ○ 둘째 줄 입력 중"


@pytest.mark.parametrize("how", ["focus_out", "switch_section", "hide"])
def test_pending_text_is_stored_on_focus_out_switch_and_hide(qtbot: Any, host: QWidget,
                                                            section_controller: PlanController, how: str) -> None:
    editor = make_editor(qtbot, host, section_controller)
    editor.text_edit.setFocus()
    qtbot.waitUntil(editor.text_edit.hasFocus)
    move_to_end(editor)
    editor.text_edit.insertPlainText("!")
    if how == "focus_out":
        host.findChild(QLineEdit, "elsewhere").setFocus()
        qtbot.waitUntil(lambda: not editor.text_edit.hasFocus())
    elif how == "switch_section":
        editor.set_section("expected_effects", "기대효과", 1)
        assert editor.text() == ""
    else:
        editor.hide()
    assert not editor.has_pending_edits
    assert stored(section_controller) == "□ 첫째 줄\n  ○ 둘째 줄!"
    assert section_controller.undo_stack.count() == 1


def test_a_window_shortcut_stores_the_typed_text_first(qtbot: Any, host: QWidget,
                                                      section_controller: PlanController) -> None:
    """Ctrl+S (or any window shortcut) pressed while typing: the text is in the plan before the action runs."""
    editor = make_editor(qtbot, host, section_controller)
    saved: list[str | None] = []
    save = QAction("Save", host)
    save.setShortcut(QKeySequence("Ctrl+S"))
    save.triggered.connect(lambda: saved.append(stored(section_controller)))
    host.addAction(save)
    host.activateWindow()
    editor.text_edit.setFocus()
    qtbot.waitUntil(editor.text_edit.hasFocus)
    move_to_end(editor)
    editor.text_edit.insertPlainText("!")
    QTest.keyClick(editor.text_edit, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)  # editing keys do not
    QTest.keyClick(editor.text_edit, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert editor.has_pending_edits
    QTest.keyClick(editor.text_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not editor.has_pending_edits
    assert stored(section_controller) == "□ 첫째 줄\n  ○ 둘째 줄!"
    assert saved in ([], ["□ 첫째 줄\n  ○ 둘째 줄!"])  # (offscreen, the window may not be the active one)


def test_nothing_is_written_when_the_text_is_unchanged(qtbot: Any, host: QWidget,
                                                       section_controller: PlanController) -> None:
    editor = make_editor(qtbot, host, section_controller)
    move_to_end(editor)
    editor.text_edit.insertPlainText("x")
    editor.text_edit.textCursor().deletePreviousChar()
    editor.commit()
    assert section_controller.undo_stack.count() == 0
    editor.set_section("new.section", "새 섹션")
    editor.text_edit.insertPlainText("   ")
    editor.text_edit.selectAll()
    editor.text_edit.textCursor().removeSelectedText()
    editor.commit()
    assert section_controller.undo_stack.count() == 0
    assert stored(section_controller, "new.section") is None


def test_the_editor_own_undo_is_off_and_without_a_section_it_is_read_only(qtbot: Any, host: QWidget,
                                                                         section_controller: PlanController) -> None:
    editor = make_editor(qtbot, host, section_controller)
    assert not editor.text_edit.isUndoRedoEnabled()
    editor.set_section(None)
    assert editor.text_edit.isReadOnly()
    assert not editor.style_combo.isEnabled()
    editor.set_level(2)
    editor.toggle_bold()
    assert editor.text() == ""


# -- clipboard ----------------------------------------------------------------------------------------------------


def test_pasted_lines_with_markers_become_bullets_and_stars_stay_text(qtbot: Any, host: QWidget,
                                                                      empty_controller: PlanController) -> None:
    editor = make_editor(qtbot, host, empty_controller)
    mime = QMimeData()
    mime.setText("□ 추진 배경\n  ○ 인구 *14%* 감소\r\n계획 <b>수립</b>")
    mime.setHtml("<p style='color:red'>ignored</p>")
    editor.text_edit.insertFromMimeData(mime)
    assert editor.text() == "□ 추진 배경\n  ○ 인구 \\*14%\\* 감소\n계획 <b>수립</b>"
    single = QMimeData()
    single.setText(" **x** ")
    editor.text_edit.insertFromMimeData(single)
    assert editor.text().endswith("계획 <b>수립</b> \\*\\*x\\*\\* ")


def test_copied_text_carries_the_stored_format_between_editors(qtbot: Any, host: QWidget,
                                                               section_controller: PlanController) -> None:
    editor = make_editor(qtbot, host, section_controller)
    editor.text_edit.selectAll()
    mime = editor.text_edit.createMimeDataFromSelection()
    assert bytes(mime.data(NARRATIVE_MIME_TYPE).data()).decode() == "□ 첫째 줄\n  ○ 둘째 줄"
    assert mime.text() == "□ 첫째 줄\n  ○ 둘째 줄"
    editor.set_section("other", "다른 섹션")
    editor.text_edit.insertFromMimeData(mime)
    assert editor.text() == "□ 첫째 줄\n  ○ 둘째 줄"
