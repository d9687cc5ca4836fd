"""The user's name in Preferences: stored by OK, kept by Cancel, and the name the next edits are recorded under."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QDialog
from sqlalchemy import select

from desktop_app import settings
from desktop_app.plan_controller import PlanController
from desktop_app.settings_dialog import SettingsDialog, open_settings
from planner import history
from planner.commands import UpdateRow
from planner.history import history_entries
from planner.model import Plan
from planner.storage import PlanDocument


def test_the_name_field_shows_the_stored_name(qtbot: Any) -> None:
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    assert dialog.name_edit.text() == "" and dialog.name_edit.placeholderText() == "Your login name when left empty"
    settings.set_user_name("김주무관")
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    assert dialog.name_edit.text() == "김주무관"
    assert dialog.name_edit.accessibleName() == "Your name" and dialog.name_edit.maxLength() == 100


def test_ok_stores_the_name_and_cancel_keeps_the_old_one(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    def type_name(name: str) -> Any:
        def run(dialog: SettingsDialog) -> QDialog.DialogCode:
            dialog.name_edit.setText(name)
            return QDialog.DialogCode.Accepted if name != "취소" else QDialog.DialogCode.Rejected
        return run

    monkeypatch.setattr(SettingsDialog, "exec", type_name("  박\t팀장 "))
    assert open_settings(None) is True
    assert settings.user_name() == "박 팀장"
    monkeypatch.setattr(SettingsDialog, "exec", type_name("취소"))
    assert open_settings(None) is False
    assert settings.user_name() == "박 팀장"


def test_edits_are_recorded_under_the_name_set_at_the_time(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(history.getpass, "getuser", lambda: "kimjm")
    document = PlanDocument.new("이름 시험", 2027, 2031)
    controller = PlanController(document)
    try:
        plan_id = controller.read(lambda session: session.execute(select(Plan.id)).scalar_one())
        controller.execute(UpdateRow("plan", plan_id, {"title": "첫째"}))
        settings.set_user_name("박팀장")
        controller.execute(UpdateRow("plan", plan_id, {"title": "둘째"}))
        controller.undo_stack.undo()
        assert controller.author == "박팀장"
        entries = controller.read(history_entries)
        assert [(entry.author, entry.action) for entry in reversed(entries)] == [
            ("kimjm", "do"), ("박팀장", "do"), ("박팀장", "undo")]
        controller.validate(UpdateRow("plan", plan_id, {"title": "셋째"}))  # a dry run is not recorded
        assert len(controller.read(history_entries)) == 3
    finally:
        controller.undo_stack.clear()
        document.close()
