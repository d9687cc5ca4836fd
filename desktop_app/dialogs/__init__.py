"""Every question the app asks the user, as module-level helpers tests can replace with monkeypatch."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from planner.errors import PlanLockedError
from planner.i18n import _

if TYPE_CHECKING:
    from desktop_app.dialogs.new_plan_dialog import NewPlanValues
    from desktop_app.dialogs.recovery_dialog import RecoveryChoice
    from planner.storage.working import WorkingCopyInfo

APP_NAME = "Convergence Planner"
PLAN_SUFFIX = ".cplan"


def plan_file_filter() -> str:
    return _("Convergence Planner plan (*.cplan)")


class SaveChoice(StrEnum):
    """The answer to "save the changes?" before a plan is closed."""

    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def format_timestamp(text: str) -> str:
    """An ISO timestamp (as locks and working copies record them) as 'YYYY-MM-DD HH:MM', else unchanged."""
    try:
        return datetime.fromisoformat(text).strftime("%Y-%m-%d %H:%M")
    except (TypeError, ValueError):
        return text


def ask_save_changes(parent: QWidget | None, name: str) -> SaveChoice:
    """Save / Don't Save / Cancel for a modified plan about to be closed."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(APP_NAME)
    box.setText(_("Do you want to save the changes to “{name}”?").format(name=name))
    box.setInformativeText(_("Your changes will be lost if you don't save them."))
    box.setStandardButtons(
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel
    )
    box.button(QMessageBox.StandardButton.Save).setText(_("Save"))
    box.button(QMessageBox.StandardButton.Discard).setText(_("Don't Save"))
    box.button(QMessageBox.StandardButton.Cancel).setText(_("Cancel"))
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    box.setEscapeButton(QMessageBox.StandardButton.Cancel)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return SaveChoice.SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return SaveChoice.DISCARD
    return SaveChoice.CANCEL


def lock_holder_text(error: PlanLockedError) -> str:
    """Who holds a locked plan and since when, in one sentence."""
    holder = error.holder
    return _("{file} is open in Convergence Planner by {user} on {host} since {since}.").format(
        file=error.path.name, user=holder.user, host=holder.host, since=format_timestamp(holder.since)
    )


def ask_open_read_only(parent: QWidget | None, error: PlanLockedError) -> bool:
    """Tell who holds a locked plan and since when; True when the user chooses to open it read-only."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(APP_NAME)
    box.setText(lock_holder_text(error))
    box.setInformativeText(
        _("You can open it read-only and keep any changes with Save As, or wait until it is closed.")
    )
    read_only = box.addButton(_("Open Read-Only"), QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(_("Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(read_only)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is read_only


def confirm_revert(parent: QWidget | None, name: str) -> bool:
    """Ask before throwing away every change since the last save."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(APP_NAME)
    box.setText(_("Revert “{name}” to the last saved version?").format(name=name))
    box.setInformativeText(_("All changes since the last save will be lost. This cannot be undone."))
    revert = box.addButton(_("Revert"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(_("Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is revert


def ask_open_path(parent: QWidget | None, directory: str = "") -> str | None:
    """The plan file the user chooses to open, or None."""
    path, _selected = QFileDialog.getOpenFileName(
        parent, _("Open Plan"), directory, f"{plan_file_filter()};;{_('All files (*)')}"
    )
    return path or None


def ask_save_path(parent: QWidget | None, suggested: str) -> str | None:
    """Where to save the plan (Save As), or None when the user cancels."""
    path, _selected = QFileDialog.getSaveFileName(parent, _("Save Plan As"), suggested, plan_file_filter())
    if not path:
        return None
    if not path.lower().endswith(PLAN_SUFFIX):
        # Qt's own dialog adds no suffix, so it did not ask about overwriting the file the plan will go to.
        path += PLAN_SUFFIX
        if Path(path).exists() and not _confirm_replace(parent, Path(path)):
            return None
    return path


def ask_export_path(parent: QWidget | None, title: str, suggested: str, file_filter: str) -> str | None:
    """Where to write an exported file (Qt's dialog asks before replacing one), or None."""
    path, _selected = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    return path or None


def ask_folder(parent: QWidget | None, title: str) -> str | None:
    """A folder to write several files into, or None."""
    return QFileDialog.getExistingDirectory(parent, title) or None


def _confirm_replace(parent: QWidget | None, path: Path) -> bool:
    answer = QMessageBox.question(
        parent, APP_NAME, _("{name} already exists. Do you want to replace it?").format(name=path.name),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def ask_new_plan(parent: QWidget | None) -> NewPlanValues | None:
    """Title, region and years of a new plan, or None when the user cancels."""
    from desktop_app.dialogs.new_plan_dialog import NewPlanDialog

    dialog = NewPlanDialog(parent)
    try:
        return dialog.values() if dialog.exec() else None
    finally:
        dialog.deleteLater()


def ask_recovery(parent: QWidget | None, copies: list[WorkingCopyInfo]) -> RecoveryChoice:
    """Recover, Discard or Later for plans left unsaved by a crash."""
    from desktop_app.dialogs.recovery_dialog import RecoveryDialog

    dialog = RecoveryDialog(copies, parent)
    try:
        dialog.exec()
        return dialog.choice()
    finally:
        dialog.deleteLater()


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    """One clear message, no traceback (PlannerError texts are written for users)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(message)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.exec()


_unexpected_box: QMessageBox | None = None


def show_unexpected_error(parent: QWidget | None, summary: str, log_path: Path | None) -> None:
    """A non-modal notice of an internal error; one at a time, so a repeating error cannot stack dialogs."""
    global _unexpected_box
    if _unexpected_box is not None and _unexpected_box.isVisible():
        return
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(APP_NAME)
    box.setText(_("Something went wrong inside Convergence Planner. Your plan is still open; save it soon."))
    details = summary
    if log_path is not None:
        details += "\n" + _("Details were written to {path}.").format(path=log_path)
    box.setInformativeText(details)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setModal(False)
    box.destroyed.connect(_forget_unexpected_box)
    _unexpected_box = box
    box.show()


def _forget_unexpected_box() -> None:
    global _unexpected_box
    _unexpected_box = None


__all__ = [
    "SaveChoice",
    "ask_new_plan",
    "ask_open_path",
    "ask_open_read_only",
    "ask_recovery",
    "ask_save_changes",
    "ask_save_path",
    "confirm_revert",
    "format_timestamp",
    "lock_holder_text",
    "plan_file_filter",
    "show_error",
    "show_unexpected_error",
]
