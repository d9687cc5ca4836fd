"""The inspector: a form from ATTRIBUTES that edits the selection through one undoable command per edit."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget
from sqlalchemy.orm import Session

from desktop_app.inspector import InspectorView
from desktop_app.inspector.field_editor_view import ComboFieldEditor, TextBlockFieldEditor
from desktop_app.plan_controller import PlanController
from desktop_app.views.initiatives_view import InitiativesView
from planner.commands import AddRow, DeleteRows, read_row
from planner.months import YearMonth
from planner.queries import initiative_rows, plan_values, stakeholder_rows


@pytest.fixture
def inspector(qtbot: Any, demo_controller: PlanController) -> InspectorView:
    view = InspectorView(demo_controller)
    qtbot.addWidget(view)
    view.resize(360, 900)
    view.show()
    return view


def initiative_ids(controller: PlanController) -> list[str]:
    return [row.id for row in controller.read(initiative_rows)]


def stored(controller: PlanController, kind: str, row_id: str) -> dict[str, Any]:
    return controller.read(lambda session: read_row(session, kind, row_id))


def type_into(qtbot: Any, inspector: InspectorView, name: str, text: str) -> None:
    """Replace the text of a line editor as a user would, and press Enter."""
    line = inspector.editor(name).input
    assert isinstance(line, QLineEdit)
    line.setFocus()
    line.selectAll()
    qtbot.keyClick(line, Qt.Key.Key_Backspace)
    type_text(qtbot, line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)


def type_text(qtbot: Any, widget: QWidget, text: str) -> None:
    """Latin text as key presses; Korean as an input method commits it (QTest cannot press Hangul keys)."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def test_with_nothing_selected_the_plan_record_is_edited(qtbot: Any, inspector: InspectorView) -> None:
    controller = inspector.controller
    assert inspector.kind == "plan"
    assert inspector.kind_label.text() == "Plan"
    assert inspector.editor("title").input.text() == "창원시 AI 융합 기본계획"
    assert isinstance(inspector.editor("plan_type").input, QComboBox)
    assert inspector.editor("plan_type").input.currentText() == "Local master plan"
    type_into(qtbot, inspector, "lead_organisation", "창원특례시")
    assert controller.read(plan_values)["lead_organisation"] == "창원특례시"
    assert controller.undo_stack.undoText() == "Edit Lead organisation"
    type_into(qtbot, inspector, "end_year", "2026")  # before the first year
    assert "before the first year" in inspector.editor("end_year").error_text
    assert controller.read(plan_values)["end_year"] == 2031
    controller.undo_stack.undo()
    assert inspector.editor("lead_organisation").input.text() == "창원시 스마트도시과"


def test_a_title_edited_here_shows_in_the_table_and_undo_brings_the_old_one_back(
    qtbot: Any, demo_controller: PlanController, inspector: InspectorView
) -> None:
    table = InitiativesView(demo_controller)
    qtbot.addWidget(table)
    first = table.model.row_snapshot(0)
    table.select_ids([first.id])
    assert inspector.kind == "initiative" and inspector.ids == [first.id]
    assert inspector.heading_label.text() == "A-01 AI 돌봄 로봇 보급"
    type_into(qtbot, inspector, "title", "AI 돌봄 로봇 확대 보급")
    title_column = table.model.column_of("title")
    assert table.proxy.index(0, title_column).data() == "AI 돌봄 로봇 확대 보급"
    assert inspector.heading_label.text() == "A-01 AI 돌봄 로봇 확대 보급"
    assert demo_controller.undo_stack.count() == 1
    demo_controller.undo_stack.undo()
    assert table.proxy.index(0, title_column).data() == "AI 돌봄 로봇 보급"
    assert inspector.editor("title").input.text() == "AI 돌봄 로봇 보급"
    demo_controller.undo_stack.redo()
    assert inspector.editor("title").input.text() == "AI 돌봄 로봇 확대 보급"


def test_letters_in_the_duration_show_an_inline_error_and_change_nothing(qtbot: Any, inspector: InspectorView) -> None:
    controller = inspector.controller
    target = initiative_ids(controller)[0]
    controller.select("initiative", [target])
    before = stored(controller, "initiative", target)
    type_into(qtbot, inspector, "duration_months", "abc")
    editor = inspector.editor("duration_months")
    assert editor.has_error and not editor.error_label.isHidden()
    assert "Duration (months)" in editor.error_text and "abc" in editor.error_text
    assert editor.input.text() == "abc"  # the typed text stays for correcting
    assert controller.undo_stack.count() == 0
    assert stored(controller, "initiative", target) == before
    type_into(qtbot, inspector, "duration_months", "-3")  # parses, but the model refuses it
    assert "at least 0" in editor.error_text and editor.input.text() == "-3"
    type_into(qtbot, inspector, "duration_months", "18")
    assert not editor.has_error
    assert stored(controller, "initiative", target)["duration_months"] == 18
    assert controller.undo_stack.count() == 1


def test_a_duplicate_code_shows_an_inline_error(qtbot: Any, inspector: InspectorView) -> None:
    controller = inspector.controller
    ids = initiative_ids(controller)
    controller.select("initiative", [ids[1]])
    type_into(qtbot, inspector, "code", "A-01")
    editor = inspector.editor("code")
    assert editor.error_text == "'A-01' is already used by another item."
    assert stored(controller, "initiative", ids[1])["code"] == "A-02"
    assert controller.undo_stack.count() == 0
    type_into(qtbot, inspector, "code", "A-20")
    assert not editor.has_error and stored(controller, "initiative", ids[1])["code"] == "A-20"


def test_an_error_is_dropped_when_another_item_is_selected(qtbot: Any, inspector: InspectorView) -> None:
    controller = inspector.controller
    ids = initiative_ids(controller)
    controller.select("initiative", [ids[0]])
    type_into(qtbot, inspector, "start_month", "내년 봄")
    assert inspector.editor("start_month").has_error
    controller.select("initiative", [ids[1]])
    assert not inspector.editor("start_month").has_error
    assert inspector.editor("start_month").input.text() == str(stored(controller, "initiative", ids[1])["start_month"])


def test_months_money_choices_references_and_check_boxes(qtbot: Any, inspector: InspectorView) -> None:
    controller = inspector.controller
    target = initiative_ids(controller)[0]
    controller.select("initiative", [target])
    type_into(qtbot, inspector, "start_month", "2028년 3월")
    assert stored(controller, "initiative", target)["start_month"] == YearMonth(2028, 3)
    assert inspector.editor("start_month").input.text() == "2028-03"
    status = inspector.editor("status")
    assert isinstance(status, ComboFieldEditor)
    status.choose("in_progress")
    assert stored(controller, "initiative", target)["status"] == "in_progress"
    field = inspector.editor("field_id")
    assert field.input.itemText(0) == "—" and field.input.itemText(1) == "A AI 복지·돌봄"
    field.choose(None)
    assert stored(controller, "initiative", target)["field_id"] is None
    urgency = inspector.editor("score_urgency")
    urgency.choose(4)
    assert stored(controller, "initiative", target)["score_urgency"] == 4
    sensitive = inspector.editor("sensitive_data").input
    assert isinstance(sensitive, QCheckBox)
    sensitive.click()
    assert stored(controller, "initiative", target)["sensitive_data"] is True
    assert controller.undo_stack.count() == 5

    line = AddRow("budget_line", {"initiative_id": target, "fiscal_year": 2031, "source": "other",
                                  "planned_krw": 1_234_000_000})
    controller.execute(line)
    controller.select("budget_line", [line.row_id])
    assert inspector.editor("planned_krw").input.text() == "1,234,000,000"
    type_into(qtbot, inspector, "planned_krw", "2,000,000,000")
    assert stored(controller, "budget_line", line.row_id)["planned_krw"] == 2_000_000_000
    assert inspector.editor("planned_krw").input.text() == "2,000,000,000"


def test_text_blocks_are_committed_when_the_focus_leaves(qtbot: Any, inspector: InspectorView) -> None:
    controller = inspector.controller
    target = initiative_ids(controller)[0]
    controller.select("initiative", [target])
    purpose = inspector.editor("purpose")
    assert isinstance(purpose, TextBlockFieldEditor) and isinstance(purpose.input, QPlainTextEdit)
    purpose.input.setFocus()
    type_text(qtbot, purpose.input, "홀몸 어르신 돌봄 공백 해소")
    inspector.editor("title").input.setFocus()
    qtbot.waitUntil(lambda: stored(controller, "initiative", target)["purpose"] == "홀몸 어르신 돌봄 공백 해소",
                    timeout=2000)
    assert controller.undo_stack.undoText() == "Edit Purpose"


def test_several_selected_items_are_edited_as_one_undo_entry(qtbot: Any, inspector: InspectorView) -> None:
    controller = inspector.controller
    ids = initiative_ids(controller)[:3]
    controller.select("initiative", ids)
    assert inspector.heading_label.text() == "3 items selected"
    assert "code" not in inspector.editors  # unique: one at a time
    status = inspector.editor("status")
    assert status.input.currentText() == "Several values"
    assert inspector.editor("lead_department").input.text() == "스마트도시과"  # the same in all three
    status.choose("cancelled")
    assert [stored(controller, "initiative", row_id)["status"] for row_id in ids] == ["cancelled"] * 3
    assert controller.undo_stack.count() == 1
    assert status.input.currentText() == "Cancelled"
    type_into(qtbot, inspector, "progress", "50")
    assert controller.undo_stack.count() == 2
    controller.undo_stack.undo()
    controller.undo_stack.undo()
    assert [stored(controller, "initiative", row_id)["status"] for row_id in ids] == ["planned", "in_progress", "done"]
    assert inspector.editor("status").input.currentText() == "Several values"


def test_a_failed_multi_edit_changes_none_of_the_items(qtbot: Any, inspector: InspectorView) -> None:
    controller = inspector.controller
    ids = initiative_ids(controller)[:2]
    controller.select("initiative", ids)
    type_into(qtbot, inspector, "progress", "150")
    assert "at most 100" in inspector.editor("progress").error_text
    assert controller.undo_stack.count() == 0


def test_the_selected_item_deleted_and_restored_through_undo(inspector: InspectorView) -> None:
    controller = inspector.controller
    target = initiative_ids(controller)[5]
    controller.select("initiative", [target])
    controller.execute(DeleteRows("initiative", [target]))
    assert inspector.kind == "plan"  # nothing left to show
    controller.undo_stack.undo()
    assert inspector.kind == "initiative" and inspector.ids == [target]


def test_stakeholder_engagement_can_go_back_to_derived(inspector: InspectorView) -> None:
    controller = inspector.controller
    row = next(r for r in controller.read(stakeholder_rows) if r.engagement_overridden)
    controller.select("stakeholder", [row.id])
    engagement = inspector.editor("engagement")
    assert engagement.input.currentText() == "Keep satisfied"
    engagement.choose(None)
    assert engagement.input.currentText() == "Derived from influence and interest"
    assert stored(controller, "stakeholder", row.id)["engagement"] is None


def test_reference_choices_follow_new_rows(inspector: InspectorView) -> None:
    controller = inspector.controller
    controller.select("initiative", [initiative_ids(controller)[0]])
    controller.execute(AddRow("field", {"code": "E", "name": "AI 교통"}))
    assert inspector.editor("field_id").input.findText("E AI 교통") > 0


def test_the_inspector_holds_no_session(inspector: InspectorView) -> None:
    inspector.controller.select("initiative", [initiative_ids(inspector.controller)[0]])
    holders = [inspector, *inspector.editors.values()]
    assert not [value for holder in holders for value in vars(holder).values() if isinstance(value, Session)]


def test_undo_updates_a_combo_that_has_the_focus(inspector: InspectorView) -> None:
    controller = inspector.controller
    controller.select("initiative", [initiative_ids(controller)[0]])
    status = inspector.editor("status")
    status.input.setFocus()
    status.choose("done")
    assert status.input.currentText() == "Done"
    controller.undo_stack.undo()
    assert status.input.currentText() == "Planned"
