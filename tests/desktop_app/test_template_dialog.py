"""The "Add from template" dialog and the initiative table's toolbar action: one initiative, one undo entry."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from desktop_app.dialogs import template_dialog
from desktop_app.dialogs.template_dialog import TemplateDialog
from desktop_app.plan_controller import PlanController
from desktop_app.views.initiatives_view import InitiativesView
from planner.commands.templates import add_from_template_command
from planner.model import BudgetLine, Initiative
from planner.months import YearMonth
from planner.queries import choices_for
from planner.storage import PlanDocument
from planner.templates import load_catalogue


@pytest.fixture
def controller(qtbot: Any) -> Iterator[PlanController]:
    document = PlanDocument.new("템플릿 시험 계획", 2027, 2031)
    with document.session() as session:
        from planner.commands import AddRow

        AddRow("field", {"code": "C", "name": "AI 복지·돌봄"}).apply(session)
    controller = PlanController(document)
    yield controller
    controller.undo_stack.clear()
    document.close()


def initiative_count(controller: PlanController) -> int:
    return controller.read(lambda session: session.execute(select(func.count(Initiative.id))).scalar_one())


def make_dialog(qtbot: Any, controller: PlanController) -> TemplateDialog:
    dialog = TemplateDialog(controller)
    qtbot.addWidget(dialog)
    return dialog


def test_the_dialog_lists_every_template_with_its_duration_budget_and_rule(qtbot: Any,
                                                                          controller: PlanController) -> None:
    dialog = make_dialog(qtbot, controller)
    listed = dialog.template_list
    assert listed.topLevelItemCount() == len(load_catalogue())
    dialog.select_template("smart_village_income")
    item = listed.currentItem()
    assert item.text(0).startswith("스마트빌리지") or item.text(0).startswith("Smart Village")
    assert (item.text(2), item.text(3)) == ("24", "200")  # months, KRW million
    assert item.text(4) == "Smart Village lead service"
    assert listed.headerItem().text(3) == "Budget (KRW million)"
    html = dialog.details_view.toPlainText()
    assert "Year 1: National 80, Provincial 6, Municipal 14" in html
    assert "Outcome:" in html and "AI ethics standard: 6 items" in html
    assert dialog.start_month() == YearMonth(2027, 1)
    assert dialog.prerequisites_label.isHidden()


def test_ok_adds_one_initiative_selects_it_and_undo_removes_it(qtbot: Any, controller: PlanController) -> None:
    dialog = make_dialog(qtbot, controller)
    dialog.select_template("ai_civil_service_assistant")
    assert not dialog.prerequisites_label.isHidden()
    assert "not in the plan yet" in dialog.prerequisites_label.text()
    number = dialog.field_combo.findText("C AI 복지·돌봄")
    assert number > 0
    dialog.field_combo.setCurrentIndex(number)
    dialog.set_start_month(YearMonth(2028, 3))
    dialog.accept()
    command = dialog.added
    assert command is not None and dialog.result() == TemplateDialog.DialogCode.Accepted
    assert command.code == "C-01" and command.start_month == YearMonth(2028, 3)
    assert controller.undo_stack.count() == 1
    assert controller.undo_stack.undoText() == "Add '생성형 AI 민원상담 도우미' from template"
    assert controller.selection_kind == "initiative" and controller.selection_ids == [command.initiative_id]
    assert initiative_count(controller) == 1
    controller.undo_stack.undo()
    assert initiative_count(controller) == 0
    assert controller.read(lambda session: session.execute(select(func.count(BudgetLine.id))).scalar_one()) == 0


def test_the_start_month_follows_a_prerequisite_in_the_plan(qtbot: Any, controller: PlanController) -> None:
    controller.execute(controller.read(lambda session: add_from_template_command(session, "isp")))
    dialog = make_dialog(qtbot, controller)
    dialog.select_template("regional_data_platform")
    assert dialog.start_month() == YearMonth(2027, 7)
    assert dialog.prerequisites_label.isHidden()
    assert "Linked after: X-01" in dialog.details_view.toPlainText()


def test_a_refused_addition_shows_the_reason_and_keeps_the_dialog_open(
    qtbot: Any, controller: PlanController, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planner.errors import ValidationError

    def refuse(_command: Any, _initiator: Any = None) -> None:
        raise ValidationError({"code": "'C-01' is already used by another item."})

    dialog = make_dialog(qtbot, controller)
    monkeypatch.setattr(controller, "execute", refuse)
    dialog.accept()
    assert dialog.added is None and dialog.result() != TemplateDialog.DialogCode.Accepted
    assert not dialog.error_label.isHidden() and "already used" in dialog.error_label.text()


def drive_dialog(template_id: str) -> Any:
    """A stand-in for choose_template that picks `template_id` and presses OK without exec()."""
    def choose(parent: Any, controller: PlanController) -> Any:
        dialog = TemplateDialog(controller, parent)
        try:
            dialog.select_template(template_id)
            dialog.accept()
            return dialog.added
        finally:
            dialog.deleteLater()

    return choose


def test_the_toolbar_action_adds_from_the_dialog(qtbot: Any, controller: PlanController,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    view = InitiativesView(controller)
    qtbot.addWidget(view)
    actions = view.toolbar.actions()
    assert actions.index(view.template_action) == actions.index(view.add_action) + 1
    assert view.template_action.text() == "Add from template…"
    monkeypatch.setattr(template_dialog, "choose_template", drive_dialog("smart_farming"))
    view.template_action.trigger()
    assert initiative_count(controller) == 1 and view.proxy.rowCount() == 1
    (new_id,) = view.selected_ids()
    assert controller.read(lambda session: session.get(Initiative, new_id).template_id) == "smart_farming"
    monkeypatch.setattr(template_dialog, "choose_template", lambda _parent, _controller: None)
    assert view.add_from_template() is None
    assert controller.undo_stack.count() == 1


def test_add_from_template_in_the_main_window_then_ctrl_z(make_window: Any, plan_file: Path, qtbot: Any,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window(str(plan_file))
    window.select_view("initiatives")
    view = window.current_view()
    assert isinstance(view, InitiativesView)
    monkeypatch.setattr(template_dialog, "choose_template", drive_dialog("ai_elder_care"))
    view.template_action.trigger()
    controller = window.controller
    assert initiative_count(controller) == 1 and view.proxy.rowCount() == 1
    assert controller.undo_stack.count() == 1
    assert controller.read(lambda session: choices_for(session, "funding_rule")) == []
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert initiative_count(controller) == 0 and view.proxy.rowCount() == 0
    assert controller.undo_stack.index() == 0
