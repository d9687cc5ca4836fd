"""The Preferences dialog: the interface language stored for the next start, or the system's."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QMainWindow

from desktop_app import app, settings, settings_dialog
from desktop_app.settings_dialog import (
    FOLLOW_SYSTEM,
    SettingsDialog,
    format_sample,
    open_settings,
    settings_action,
)
from planner.i18n import set_language


def test_the_stored_language_is_preselected(qtbot: Any) -> None:
    settings.set_last_language("ko")
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    assert dialog.choice() == "ko"
    assert [dialog.language_combo.itemData(i) for i in range(3)] == [FOLLOW_SYSTEM, "ko", "en"]


def test_nothing_stored_means_following_the_system(qtbot: Any) -> None:
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    assert dialog.choice() == FOLLOW_SYSTEM
    assert dialog.language_combo.itemText(0) == "Follow the system (English)"  # CPLAN_LANG=en in the tests


def test_choosing_another_language_says_it_applies_at_the_next_start(qtbot: Any) -> None:
    set_language("en")
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    assert dialog.restart_label.text() == ""
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("ko"))
    assert dialog.needs_restart()
    assert dialog.restart_label.text() == (
        "The interface will be in Korean from the next start of Convergence Planner.")
    assert dialog.sample_label.text() == "1,250,000,000원 · 2027. 3. · 2027. 3. 5."
    assert dialog.apply() is True
    assert settings.last_language() == "ko"


def test_following_the_system_is_stored_and_start_up_honours_it(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    settings.set_last_language("ko")
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.language_combo.setCurrentIndex(0)
    dialog.apply()
    assert settings.last_language() == FOLLOW_SYSTEM
    assert settings_dialog.stored_choice() == FOLLOW_SYSTEM
    monkeypatch.delenv("CPLAN_LANG")
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")
    monkeypatch.setattr("locale.getlocale", lambda *args: ("ko_KR", "UTF-8"))
    monkeypatch.setattr("planner.i18n._current_language", "")  # a fresh start: nothing chosen yet
    assert app.choose_language(None) == "ko"
    assert settings_dialog.effective_language(FOLLOW_SYSTEM) == "ko"


def test_formats_follow_the_chosen_language() -> None:
    assert format_sample("en") == "1,250,000,000 KRW · 2027-03 · 2027-03-05"


def test_ok_stores_the_choice_and_tells_the_window(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)

    def choose_korean(dialog: SettingsDialog) -> QDialog.DialogCode:
        dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("ko"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SettingsDialog, "exec", choose_korean)
    assert open_settings(window) is True
    assert settings.last_language() == "ko"
    assert "next start" in window.statusBar().currentMessage()


def test_cancel_stores_nothing(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(SettingsDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    assert open_settings(None) is False
    assert settings.last_language() is None


def test_the_menu_action_opens_the_dialog_by_keyboard(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    opened: list[object] = []
    monkeypatch.setattr(settings_dialog, "open_settings", lambda parent: opened.append(parent))
    action = settings_action(window)
    assert action.text() == "&Preferences…"
    assert "Ctrl+," in [key.toString() for key in action.shortcuts()]
    assert action in window.actions()
    action.trigger()
    assert opened == [window]
