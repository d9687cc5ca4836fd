"""The main window: opening, navigating, the modified marker, saving, closing prompts, locks and recovery."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QToolButton, QWidget

from desktop_app import settings
from desktop_app.dialogs import SaveChoice
from desktop_app.dialogs.new_plan_dialog import NewPlanValues
from desktop_app.dialogs.recovery_dialog import RecoveryAction, RecoveryChoice, RecoveryDialog
from desktop_app.main_window import VIEW_NAMES, MainWindow
from desktop_app.views.placeholder_view import PlaceholderView
from planner.commands import UpdateRow
from planner.errors import PlanSaveError
from planner.queries import plan_values
from planner.storage import PlanDocument, recoverable_working_copies, validate_plan_file
from tests.desktop_app.conftest import DialogScript, make_plan_file


def set_plan_title(window: MainWindow, title: str) -> None:
    """One undoable edit through the controller, as a view would make it."""
    assert window.controller is not None
    plan_id = window.controller.read(plan_values)["id"]
    window.controller.execute(UpdateRow("plan", plan_id, {"title": title}))


def write_foreign_lock(plan: Path, user: str = "kim", host: str = "OTHER-PC") -> None:
    """A lock held by an instance on another computer (never taken over as stale)."""
    lock = plan.with_name(plan.name + ".lock")
    lock.write_text(json.dumps({"user": user, "host": host, "pid": 4242, "since": "2026-03-02T09:15:00+09:00",
                                "path": str(plan)}), encoding="utf-8")


# -- opening ----------------------------------------------------------------------------------------------


def test_opens_the_plan_given_on_the_command_line(make_window: Any, plan_file: Path) -> None:
    window = make_window(str(plan_file))
    assert window.document is not None and window.document.path == plan_file
    assert window.centralWidget().currentWidget() is window.workspace
    assert window.windowTitle() == "Test plan[*] — Convergence Planner"
    assert not window.isWindowModified()
    assert window.path_label.text() == str(plan_file)
    assert window.current_view_name() == "overview"
    assert window.inspector_dock.isVisible()
    assert settings.recent_files() == [str(plan_file)]


def test_start_page_appears_without_a_file(make_window: Any) -> None:
    window = make_window()
    assert window.controller is None
    assert window.centralWidget().currentWidget() is window.start_page
    assert window.windowTitle() == "Convergence Planner"
    assert not window.save_action.isEnabled()
    assert not window.inspector_dock.isVisible()


def test_view_option_selects_the_first_view(make_window: Any, plan_file: Path) -> None:
    window = make_window(str(plan_file), "--view", "budget")
    assert window.current_view_name() == "budget"
    assert type(window.current_view()).__name__ == "BudgetView"


def test_opening_a_bad_file_shows_one_message_and_keeps_the_current_plan(
    make_window: Any, plan_file: Path, tmp_path: Path, dialogs_script: DialogScript
) -> None:
    window = make_window(str(plan_file))
    bad = tmp_path / "report.cplan"
    bad.write_bytes(b"PK\x03\x04 this is a zip archive, not a plan")
    before = bad.read_bytes()

    assert window.open_path(bad) is False

    assert dialogs_script.names() == ["show_error"]
    message = dialogs_script.messages()[0]
    assert "report.cplan" in message and "ZIP archive" in message and "Traceback" not in message
    assert window.document is not None and window.document.path == plan_file
    assert bad.read_bytes() == before
    assert str(bad) not in settings.recent_files()


def test_a_bad_file_on_the_command_line_shows_the_message_over_the_start_page(
    make_window: Any, tmp_path: Path, dialogs_script: DialogScript
) -> None:
    empty = tmp_path / "empty.cplan"
    empty.write_bytes(b"")
    window = make_window(str(empty))
    assert window.controller is None
    assert window.centralWidget().currentWidget() is window.start_page
    assert "0 bytes" in dialogs_script.messages()[0]


def test_a_locked_file_offers_to_open_read_only(
    make_window: Any, plan_file: Path, dialogs_script: DialogScript
) -> None:
    write_foreign_lock(plan_file)
    window = make_window()
    dialogs_script.answer("ask_open_read_only", False)
    assert window.open_path(plan_file) is False
    assert window.controller is None
    locked_error = dialogs_script.asked[0][1][0]
    assert locked_error.holder.user == "kim" and locked_error.holder.host == "OTHER-PC"

    dialogs_script.answer("ask_open_read_only", True)
    assert window.open_path(plan_file) is True
    assert window.document is not None and window.document.read_only
    assert window.read_only_bar.isVisible()
    banner = window.read_only_bar.label.text()
    assert "by kim on OTHER-PC since 2026-03-02 09:15" in banner and "Save As" in banner
    assert window.read_only_bar.button.text() == "Save As…"
    assert window.read_only_label.text() == "Read-only"


def test_the_lock_question_names_who_holds_the_file_and_since_when(plan_file: Path, qtbot: Any,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from desktop_app import dialogs
    from planner.errors import PlanLockedError

    write_foreign_lock(plan_file)
    with pytest.raises(PlanLockedError) as caught:
        PlanDocument.open(plan_file)
    shown: dict[str, str] = {}

    def fake_exec(box: QMessageBox) -> int:
        shown["text"] = box.text()
        shown["buttons"] = ",".join(button.text() for button in box.buttons())
        box.buttons()[0].click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    dialogs.ask_open_read_only(None, caught.value)
    assert "kim" in shown["text"] and "OTHER-PC" in shown["text"] and "2026-03-02 09:15" in shown["text"]
    assert "Open Read-Only" in shown["buttons"] and "Cancel" in shown["buttons"]


def test_recent_files_are_recorded_and_a_missing_one_is_greyed(
    make_window: Any, plan_file: Path, tmp_path: Path
) -> None:
    other = make_plan_file(tmp_path / "other.cplan", "Other plan")
    window = make_window(str(plan_file))
    assert window.open_path(other)
    assert settings.recent_files() == [str(other), str(plan_file)]
    window.close_plan()
    plan_file.unlink()
    window.start_page.refresh()
    assert window.start_page.recent_paths() == [str(other), str(plan_file)]
    missing = window.start_page.recent_list.item(1)
    assert "no longer" in missing.toolTip()
    assert missing.foreground().color() != window.start_page.recent_list.item(0).foreground().color()

    window.start_page.recent_list.setCurrentRow(1)
    window.start_page.remove_button.click()
    assert settings.recent_files() == [str(other)]


def test_document_warnings_show_once_in_a_message_bar(
    make_window: Any, plan_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import planner.storage.document as document_module

    monkeypatch.setattr(document_module, "network_share_warning", lambda _path: "The plan is on a network share.")
    window = make_window(str(plan_file))
    assert window.warning_bar.isVisible()
    assert window.warning_bar.label.text() == "The plan is on a network share."
    set_plan_title(window, "Edited")
    window.warning_bar.findChild(QToolButton).click()
    assert not window.warning_bar.isVisible()
    window.save()
    assert not window.warning_bar.isVisible()


# -- navigating -------------------------------------------------------------------------------------------


def test_navigator_switches_views_with_ctrl_1_to_9_and_their_own_keys(make_window: Any, plan_file: Path,
                                                                     qtbot: Any) -> None:
    window = make_window(str(plan_file))
    window.activateWindow()
    qtbot.waitActive(window)
    for number, name in reversed(list(enumerate(VIEW_NAMES[:9], start=1))):
        qtbot.keyClick(window.windowHandle(), getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier)
        assert window.current_view_name() == name
        assert window.navigator.currentRow() == number - 1
        assert window.view_stack.currentIndex() == number - 1
        assert window.view_actions[number - 1].isChecked()
        assert window.current_view() is not None
    expected = {"roadmap": "RoadmapView", "dependencies": "DependencyGraphView", "budget": "BudgetView",
                "grid": "StakeholderGridView", "network": "StakeholderNetworkView", "raci": "RaciView",
                "document": "DocumentView"}
    for name, class_name in expected.items():
        assert type(window.view(name)).__name__ == class_name
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_D,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.current_view_name() == "document"
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_F7)
    assert window.current_view_name() == "checks"
    assert type(window.current_view()).__name__ == "ChecksView"
    assert not any(isinstance(window.view(name), PlaceholderView) for name in VIEW_NAMES)


def test_delete_and_find_go_to_the_current_view(
    make_window: Any, plan_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app import main_window

    class FakeTableView(QWidget):
        def __init__(self) -> None:
            super().__init__()
            self.calls: list[str] = []

        def delete_selected(self) -> None:
            self.calls.append("delete")

        def focus_search(self) -> None:
            self.calls.append("find")

    real = main_window._create_view
    monkeypatch.setattr(main_window, "_create_view",
                        lambda name, controller: FakeTableView() if name == "initiatives" else real(name, controller))
    window = make_window(str(plan_file))
    window.select_view("overview")  # nothing to delete or find there
    assert not window.delete_action.isEnabled() and not window.find_action.isEnabled()
    window.select_view("initiatives")
    assert window.delete_action.isEnabled() and window.find_action.isEnabled()
    window.delete_action.trigger()
    window.find_action.trigger()
    assert window.current_view().calls == ["delete", "find"]


def test_the_inspector_can_be_hidden_and_shown(make_window: Any, plan_file: Path) -> None:
    window = make_window(str(plan_file))
    assert window.inspector_dock.isVisible() and window.inspector_action.isChecked()
    window.inspector_action.trigger()
    assert not window.inspector_dock.isVisible()
    window.inspector_action.trigger()
    assert window.inspector_dock.isVisible()


# -- editing and saving -----------------------------------------------------------------------------------


def test_title_marker_follows_edit_undo_redo_and_save(make_window: Any, plan_file: Path) -> None:
    window = make_window(str(plan_file))
    assert not window.isWindowModified()
    set_plan_title(window, "Renamed plan")
    assert window.isWindowModified()
    assert window.windowTitle() == "Renamed plan[*] — Convergence Planner"
    label = window.controller.undo_stack.undoText()
    assert "plan" in label.lower() and window.undo_action.text() == f"Undo {label}"
    window.undo_action.trigger()
    assert not window.isWindowModified()
    assert window.windowTitle().startswith("Test plan")
    window.redo_action.trigger()
    assert window.isWindowModified()
    window.save_action.trigger()
    assert not window.isWindowModified()
    assert window.controller.undo_stack.isClean()


def test_save_writes_the_file(make_window: Any, plan_file: Path) -> None:
    window = make_window(str(plan_file))
    set_plan_title(window, "Saved title")
    assert window.save() is True
    assert validate_plan_file(plan_file).title == "Saved title"
    window.close_plan()
    with PlanDocument.open(plan_file) as reopened:
        assert reopened.title() == "Saved title"


def test_save_on_a_read_only_plan_goes_to_save_as(
    make_window: Any, plan_file: Path, tmp_path: Path, dialogs_script: DialogScript, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app import dialogs

    monkeypatch.setattr(dialogs, "ask_save_path", dialogs_script.originals["ask_save_path"])
    target = tmp_path / "copy"
    asked: list[str] = []

    def fake_get_save_file_name(_parent: Any, _caption: str, suggested: str, file_filter: str) -> tuple[str, str]:
        asked.append(file_filter)
        return str(target), file_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_get_save_file_name))
    window = make_window()
    assert window.open_path(plan_file, read_only=True)
    set_plan_title(window, "Edited while read-only")
    before = plan_file.read_bytes()

    window.save_action.trigger()

    assert asked == ["Convergence Planner plan (*.cplan)"]
    saved = target.with_name("copy.cplan")
    assert window.document.path == saved and not window.document.read_only
    assert validate_plan_file(saved).title == "Edited while read-only"
    assert plan_file.read_bytes() == before
    assert not window.isWindowModified() and not window.read_only_bar.isVisible()
    assert settings.recent_files()[0] == str(saved)


def test_a_failed_save_shows_the_message_and_keeps_the_edits(
    make_window: Any, plan_file: Path, dialogs_script: DialogScript, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(str(plan_file))
    set_plan_title(window, "Unsaved title")

    def disk_full(_document: PlanDocument) -> None:
        raise PlanSaveError(plan_file, "The disk is full. The file was not changed and your edits are kept.")

    monkeypatch.setattr(PlanDocument, "save", disk_full)
    assert window.save() is False
    assert "disk is full" in dialogs_script.messages()[0]
    assert window.isWindowModified() and window.controller is not None
    assert window.plan_title() == "Unsaved title"
    assert validate_plan_file(plan_file).title == "Test plan"


def test_revert_asks_first_then_reloads_the_file(
    make_window: Any, plan_file: Path, dialogs_script: DialogScript
) -> None:
    window = make_window(str(plan_file))
    set_plan_title(window, "Changed")
    dialogs_script.answer("confirm_revert", False)
    assert window.revert() is False
    assert window.plan_title() == "Changed"
    dialogs_script.answer("confirm_revert", True)
    assert window.revert() is True
    assert window.plan_title() == "Test plan"
    assert not window.isWindowModified()
    assert not window.controller.undo_stack.canUndo()


def test_new_plan_from_the_dialog_is_untitled_and_modified(
    make_window: Any, dialogs_script: DialogScript
) -> None:
    window = make_window()
    dialogs_script.answer("ask_new_plan", NewPlanValues("새 계획", "전라남도", "순천시", 2026, 2029))
    assert window.new_plan() is True
    assert window.document is not None and window.document.path is None
    assert window.plan_title() == "새 계획"
    assert window.isWindowModified()
    assert window.path_label.text() == "Not saved yet"
    assert not window.revert_action.isEnabled()


# -- closing ----------------------------------------------------------------------------------------------


def test_closing_a_modified_plan_asks_and_cancel_keeps_the_window_open(
    make_window: Any, plan_file: Path, dialogs_script: DialogScript
) -> None:
    window = make_window(str(plan_file))
    set_plan_title(window, "Keep me")
    dialogs_script.answer("ask_save_changes", SaveChoice.CANCEL, SaveChoice.CANCEL)

    assert window.close() is False
    assert window.isVisible() and window.controller is not None
    window.close_action.trigger()
    assert window.controller is not None
    assert dialogs_script.names() == ["ask_save_changes", "ask_save_changes"]
    assert dialogs_script.asked[0][1] == ("Keep me",)

    dialogs_script.answer("ask_save_changes", SaveChoice.DISCARD)
    assert window.close() is True
    assert validate_plan_file(plan_file).title == "Test plan"


def test_closing_with_save_writes_the_plan(make_window: Any, plan_file: Path, dialogs_script: DialogScript) -> None:
    window = make_window(str(plan_file))
    set_plan_title(window, "Saved on close")
    dialogs_script.answer("ask_save_changes", SaveChoice.SAVE)
    assert window.close_plan() is True
    assert window.centralWidget().currentWidget() is window.start_page
    assert validate_plan_file(plan_file).title == "Saved on close"
    assert not plan_file.with_name(plan_file.name + ".lock").exists()


def test_opening_another_plan_asks_about_the_modified_one(
    make_window: Any, plan_file: Path, tmp_path: Path, dialogs_script: DialogScript
) -> None:
    other = make_plan_file(tmp_path / "other.cplan", "Other plan")
    window = make_window(str(plan_file))
    set_plan_title(window, "Edited")
    dialogs_script.answer("ask_save_changes", SaveChoice.CANCEL)
    assert window.open_path(other) is False
    assert window.document.path == plan_file
    assert not other.with_name("other.cplan.lock").exists()  # the refused plan let go of its lock

    dialogs_script.answer("ask_save_changes", SaveChoice.DISCARD)
    assert window.open_path(other) is True
    assert window.plan_title() == "Other plan"
    assert not plan_file.with_name(plan_file.name + ".lock").exists()


def test_an_unmodified_plan_closes_without_a_question(make_window: Any, plan_file: Path,
                                                      dialogs_script: DialogScript) -> None:
    window = make_window(str(plan_file))
    working = window.document.working_path
    assert window.close() is True
    assert dialogs_script.asked == []
    assert not working.exists()
    geometry, _state = settings.window_layout()
    assert geometry is not None


# -- crash recovery ---------------------------------------------------------------------------------------

CRASHING_EDITOR = textwrap.dedent(
    """
    import os, sys
    from planner.commands import UpdateRow
    from planner.queries import plan_values
    from planner.storage import PlanDocument

    document = PlanDocument.new("Crashed plan", 2026, 2030) if sys.argv[1] == "-" else PlanDocument.open(sys.argv[1])
    with document.session() as session:
        plan_id = plan_values(session)["id"]
    document.apply(UpdateRow("plan", plan_id, {"title": "Edited before the crash"}))
    os._exit(0)  # dies without closing: the working copy stays behind
    """
)


def crash_while_editing(source: Path | None) -> None:
    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, PYTHONPATH=str(root))
    subprocess.run([sys.executable, "-c", CRASHING_EDITOR, str(source) if source else "-"], check=True, env=env,
                   cwd=root, timeout=120)


def test_recovery_dialog_lists_the_orphan(qtbot: Any) -> None:
    crash_while_editing(None)
    copies = recoverable_working_copies()
    assert len(copies) == 1
    dialog = RecoveryDialog(copies)
    qtbot.addWidget(dialog)
    item = dialog.tree.topLevelItem(0)
    assert item.text(0) == "Crashed plan"
    assert item.text(1) == "untitled"
    assert item.text(2)[:4].isdigit()
    assert dialog.recover_button.isEnabled()
    dialog.recover_button.click()
    assert dialog.choice().action == RecoveryAction.RECOVER and dialog.choice().copies == copies


def test_recover_opens_the_orphan_as_modified(
    make_window: Any, plan_file: Path, dialogs_script: DialogScript
) -> None:
    crash_while_editing(plan_file)
    dialogs_script.answer("ask_recovery", lambda copies: RecoveryChoice(RecoveryAction.RECOVER, copies[:1]))
    window = make_window()
    window.offer_recovery()
    assert dialogs_script.names() == ["ask_recovery"]
    assert window.document is not None and window.document.path == plan_file
    assert window.plan_title() == "Edited before the crash"
    assert window.isWindowModified() and window.is_modified()
    assert validate_plan_file(plan_file).title == "Test plan"  # the file itself is untouched until saved
    assert window.save() is True
    assert validate_plan_file(plan_file).title == "Edited before the crash"
    assert not window.isWindowModified()
    assert recoverable_working_copies() == []


def test_discard_removes_the_orphan_and_later_keeps_it(make_window: Any, dialogs_script: DialogScript) -> None:
    crash_while_editing(None)
    window = make_window()
    dialogs_script.answer("ask_recovery", RecoveryChoice(RecoveryAction.LATER))
    window.offer_recovery()
    assert len(recoverable_working_copies()) == 1
    dialogs_script.answer("ask_recovery", lambda copies: RecoveryChoice(RecoveryAction.DISCARD, copies))
    window.offer_recovery()
    assert recoverable_working_copies() == []
    assert window.controller is None


# -- smaller pieces ---------------------------------------------------------------------------------------


def test_a_view_asking_for_the_inspector_shows_it(make_window: Any, plan_file: Path) -> None:
    window = make_window(str(plan_file))
    window.inspector_action.trigger()
    assert not window.inspector_dock.isVisible()
    view = window.view("initiatives")
    if not hasattr(view, "inspector_requested"):
        pytest.skip("the initiatives view offers no inspector_requested signal")
    view.inspector_requested.emit()
    assert window.inspector_dock.isVisible()


def test_save_as_adds_the_suffix_and_asks_before_replacing(
    qapp: Any, tmp_path: Path, dialogs_script: DialogScript, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    ask_save_path = dialogs_script.originals["ask_save_path"]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_args: (str(tmp_path / "plan"), "")))
    assert ask_save_path(None, "") == str(tmp_path / "plan.cplan")
    (tmp_path / "plan.cplan").write_bytes(b"x")
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *_args: answers.pop(0)))
    assert ask_save_path(None, "") is None
    assert ask_save_path(None, "") == str(tmp_path / "plan.cplan")


def test_new_plan_dialog_checks_its_fields_as_they_are_typed(qtbot: Any) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    from desktop_app.dialogs.new_plan_dialog import NewPlanDialog

    dialog = NewPlanDialog()
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.title_edit, "Haedam AI plan")  # QTest aborts on non-ASCII key clicks
    assert ok.isEnabled()
    dialog.start_spin.setValue(2030)
    dialog.end_spin.setValue(2028)
    assert not ok.isEnabled()
    problem = dialog.findChild(QLabel, "problem_end_year")
    assert problem.isVisibleTo(dialog) and "last year comes before the first year" in problem.text()
    dialog.end_spin.setValue(2034)
    assert ok.isEnabled() and not problem.isVisibleTo(dialog)
    assert dialog.values() == NewPlanValues("Haedam AI plan", "", "", 2030, 2034)


QUITTING_SESSION = textwrap.dedent(
    """
    import sys
    from PySide6.QtWidgets import QApplication
    import desktop_app.app as app
    from desktop_app.main_window import MainWindow
    from planner.commands import UpdateRow
    from planner.queries import plan_values

    def edit_then_quit(window):
        controller = window.controller
        controller.execute(UpdateRow("plan", controller.read(plan_values)["id"], {"title": "Edited, then quit"}))
        QApplication.exit(0)  # the event loop ends without a close event (quit() would ask to close first)

    MainWindow.offer_recovery = edit_then_quit
    sys.exit(app.main(sys.argv[1:]))
    """
)


def test_ending_without_a_close_event_keeps_unsaved_work_for_recovery(plan_file: Path, private_data_dir: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, PYTHONPATH=str(root), QT_QPA_PLATFORM="offscreen", CPLAN_DATA_DIR=str(private_data_dir))
    result = subprocess.run([sys.executable, "-c", QUITTING_SESSION, str(plan_file)], env=env, cwd=root,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    copies = recoverable_working_copies()
    assert [copy.source_path for copy in copies] == [str(plan_file)]
    with PlanDocument.recover(copies[0]) as recovered:
        assert recovered.title() == "Edited, then quit"
    assert validate_plan_file(plan_file).title == "Test plan"


def test_the_workshop_menu_presents_exports_and_captures(make_window: Any, dialogs_script: Any, tmp_path: Path,
                                                         qtbot: Any) -> None:
    from pypdf import PdfReader

    from desktop_app.presentation.presentation_window import PresentationWindow
    from desktop_app.workshop.rating_panel_view import RatingPanel
    from desktop_app.workshop.rounds_dialog import RoundsDialog

    window = make_window("--demo")
    window.present_action.trigger()
    presentation = window._presentation
    assert isinstance(presentation, PresentationWindow) and presentation.isVisible()
    qtbot.keyClick(presentation, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not presentation.isVisible())

    handout = tmp_path / "handout.pdf"
    dialogs_script.answer("ask_export_path", str(handout))
    window.export_slides_pdf_action.trigger()
    assert len(PdfReader(str(handout)).pages) >= 2
    dialogs_script.answer("ask_folder", str(tmp_path / "slides"))
    window.export_slides_png_action.trigger()
    assert len(list((tmp_path / "slides").glob("*.png"))) >= 4
    assert "show_error" not in dialogs_script.names()

    window.ratings_action.trigger()
    assert isinstance(window._ratings_panel, RatingPanel) and window._ratings_panel.isVisible()
    window._ratings_panel.close()
    window.rounds_action.trigger()
    rounds = next(widget for widget in window.findChildren(RoundsDialog))
    assert rounds.isVisible()
    rounds.close()
