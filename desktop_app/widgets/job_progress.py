"""The window-modal progress dialog of a background job that the user may cancel (exports)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from planner.i18n import _


def open_job_progress(parent: QWidget | None, label: str, title: str, on_cancel: Callable[[], None],
                      delay_ms: int) -> QProgressDialog:
    """A busy (no range) progress dialog shown after `delay_ms` unless the job ends first; Cancel calls
    `on_cancel`. It stays until close_job_progress (no auto close or reset)."""
    dialog = QProgressDialog(label, _("Cancel"), 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(delay_ms)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.canceled.connect(on_cancel)
    return dialog


def close_job_progress(dialog: QProgressDialog | None, on_cancel: Callable[[], None]) -> None:
    """Close a dialog made by open_job_progress (its Cancel no longer calls `on_cancel`)."""
    if dialog is None:
        return
    dialog.canceled.disconnect(on_cancel)
    dialog.close()
    dialog.deleteLater()
