"""Export PDF from the app: choose the file, run the checks, offer a draft when they find errors, export."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.plan_controller import PlanController
from desktop_app.printing.pdf_job import PdfJob, PdfJobResult, PdfRequest, plan_profile_and_language
from desktop_app.settings import remember_folder, remembered_folder
from desktop_app.widgets.job_progress import close_job_progress, open_job_progress
from planner.errors import PlannerError
from planner.guidelines.findings import severity_label
from planner.i18n import _

LAST_FOLDER_KEY = "export/last_pdf_folder"
ERRORS_LISTED = 20  # the draft question lists this many errors, then "and N more"

# What the user chose when the checks found errors.
EXPORT_DRAFT = "draft"
SHOW_CHECKS = "checks"
CANCEL = "cancel"


def last_export_folder() -> str:
    return remembered_folder(LAST_FOLDER_KEY)


def remember_export_folder(folder: Path) -> None:
    remember_folder(LAST_FOLDER_KEY, folder)


def pdf_file_name(title: str) -> str:
    """A file name from the plan title: characters no file system takes become "_"."""
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "_", title).strip(" ._")
    return f"{name[:120] or _('plan')}.pdf"


def suggested_target(controller: PlanController, title: str) -> Path:
    """The default file: the plan title + .pdf in the last export folder, else beside the plan, else home."""
    folder = last_export_folder()
    if not folder and controller.document.path is not None:
        folder = str(controller.document.path.parent)
    return Path(folder or Path.home()) / pdf_file_name(title)


def ask_pdf_target(parent: QWidget | None, suggested: Path) -> Path | None:
    """The file chosen in the save dialog, ending in .pdf, or None when the user cancels."""
    path, _selected = QFileDialog.getSaveFileName(parent, _("Export PDF"), str(suggested),
                                                  _("PDF documents (*.pdf)"))
    if not path:
        return None
    if not path.lower().endswith(".pdf"):
        path += ".pdf"
        if Path(path).exists():
            answer = QMessageBox.question(
                parent, _("Export PDF"),
                _("{name} already exists. Do you want to replace it?").format(name=Path(path).name),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return None
    return Path(path)


def target_problem(target: Path) -> str | None:
    """Why nothing can be written to `target`, found before building; None when it looks writable."""
    folder = target.parent
    if not folder.is_dir():
        return _("The folder {folder} does not exist.").format(folder=folder)
    if target.is_dir():
        return _("{path} is a folder, not a file.").format(path=target)
    if not os.access(folder, os.W_OK | os.X_OK):
        return _("The folder {folder} is read-only.").format(folder=folder)
    if target.exists() and not os.access(target, os.W_OK):
        return _("The file is read-only.")
    return None


class CheckErrorsDialog(QDialog):
    """The errors that stop an export, with the choices: export a draft, show the checks, or cancel."""

    def __init__(self, report: Any, profile_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Export PDF"))
        self.choice = CANCEL
        errors = list(report.errors)
        heading = QLabel(_("The plan has {count} errors under the profile “{profile}”. A PDF with errors can only "
                           "be exported as a draft, marked “초안 / DRAFT” on every page.").format(
                               count=len(errors), profile=profile_name))
        heading.setWordWrap(True)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        self.error_list = QTableWidget(0, 3)
        self.error_list.setObjectName("export_error_list")
        self.error_list.setAccessibleName(_("Errors found by the checks"))
        self.error_list.setHorizontalHeaderLabels([_("Severity"), _("Item"), _("Message")])
        self.error_list.verticalHeader().hide()
        self.error_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.error_list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.error_list.setWordWrap(True)
        self.error_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        for finding in errors[:ERRORS_LISTED]:
            row = self.error_list.rowCount()
            self.error_list.insertRow(row)
            for column, text in enumerate((severity_label(finding.severity), finding.item_label or "—", finding.detail)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.error_list.setItem(row, column, item)
        header = self.error_list.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.error_list.setColumnWidth(1, 220)
        header.sectionResized.connect(lambda *_args: self.error_list.resizeRowsToContents())
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.error_list, 1)
        if len(errors) > ERRORS_LISTED:
            more = QLabel(_("and {count} more").format(count=len(errors) - ERRORS_LISTED))
            more.setObjectName("more_errors_label")
            layout.addWidget(more)
        buttons = QDialogButtonBox()
        self.draft_button = QPushButton(_("Export draft with watermark"))
        self.checks_button = QPushButton(_("Show checks"))
        cancel = buttons.addButton(_("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.addButton(self.draft_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.checks_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.draft_button.clicked.connect(lambda: self._choose(EXPORT_DRAFT))
        self.checks_button.clicked.connect(lambda: self._choose(SHOW_CHECKS))
        cancel.clicked.connect(self.reject)
        self.checks_button.setDefault(True)
        layout.addWidget(buttons)
        self.resize(900, 480)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.error_list.resizeRowsToContents()

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()


def ask_draft_choice(parent: QWidget | None, report: Any, profile_name: str) -> str:
    """EXPORT_DRAFT, SHOW_CHECKS or CANCEL, asked in a CheckErrorsDialog."""
    dialog = CheckErrorsDialog(report, profile_name, parent)
    try:
        dialog.exec()
        return dialog.choice
    finally:
        dialog.deleteLater()


def show_export_done(parent: QWidget | None, message: str, path: Path) -> None:
    """Say where the PDF went, with an "Open folder" button."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(_("Export PDF"))
    box.setText(message)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    open_folder = box.addButton(_("Open folder"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Ok)
    box.exec()
    if box.clickedButton() is open_folder:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))
    box.deleteLater()


def show_export_failure(parent: QWidget | None, message: str, title: str | None = None) -> None:
    """A warning that an export failed (the message names the file and why), titled `title` or "Export PDF"."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title or _("Export PDF"))
    box.setText(message)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.exec()
    box.deleteLater()


class ExportFlow(QObject):
    """Runs one "Export PDF…" from start() to the message at its end.

    The questions are attributes so tests can answer them: choose_target(parent, suggested) -> Path | None,
    confirm_draft(parent, report, profile_name) -> EXPORT_DRAFT | SHOW_CHECKS | CANCEL,
    show_done(parent, message, path), show_failure(parent, message). The main window connects
    show_checks_requested (open the Checks panel) and may connect exported(path, pages)."""

    exported = Signal(str, int)  # the PDF written and its page count
    failed = Signal(str)  # the message shown
    show_checks_requested = Signal()  # the user chose "Show checks" instead of a draft
    ended = Signal()  # after success, failure or cancel: the flow is over

    def __init__(self, controller: PlanController, parent_widget: QWidget | None = None, *,
                 profile_id: str | None = None, language: str | None = None) -> None:
        super().__init__(parent_widget)
        self.controller = controller
        self.parent_widget = parent_widget
        self.profile_id = profile_id
        self.language = language
        self.choose_target: Callable[[QWidget | None, Path], Path | None] = ask_pdf_target
        self.confirm_draft: Callable[[QWidget | None, Any, str], str] = ask_draft_choice
        self.show_done: Callable[[QWidget | None, str, Path], None] = show_export_done
        self.show_failure: Callable[[QWidget | None, str], None] = show_export_failure
        self.job: PdfJob | None = None
        self.progress_dialog: QProgressDialog | None = None
        self.target: Path | None = None

    def start(self) -> None:
        """Ask, check, and start the export; the rest happens when the job reports back."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # the checks take a few tens of milliseconds
        try:
            profile, language, title, report = self.controller.read(self._check)
        except PlannerError as error:
            QApplication.restoreOverrideCursor()
            self._fail(str(error))
            return
        QApplication.restoreOverrideCursor()
        target = self.choose_target(self.parent_widget, suggested_target(self.controller, title))
        if target is None:
            self.ended.emit()
            return
        self.target = Path(target)
        problem = target_problem(self.target)
        if problem is not None:
            self._fail(_("The PDF could not be written to {path}: {reason}").format(path=self.target, reason=problem))
            return
        force = False
        if report.has_errors:
            choice = self.confirm_draft(self.parent_widget, report, profile.name.get(language))
            if choice == SHOW_CHECKS:
                self.show_checks_requested.emit()
            if choice != EXPORT_DRAFT:
                self.ended.emit()
                return
            force = True
        self._export(PdfRequest(profile.id, language, target=self.target, force=force))

    def _check(self, session: Any) -> tuple[Any, str, str, Any]:
        from sqlalchemy import select

        from planner.guidelines.checks import check_plan
        from planner.model import Plan

        profile, language = plan_profile_and_language(session, PdfRequest(self.profile_id, self.language))
        title = session.execute(select(Plan.title)).scalar() or ""
        return profile, language, title, check_plan(session, profile, language)

    def _export(self, request: PdfRequest) -> None:
        self.job = PdfJob(self.controller, request, self)
        self.progress_dialog = open_job_progress(self.parent_widget, _("Exporting the PDF…"), _("Export PDF"),
                                                 self.cancel, 300)
        self.job.progress.connect(self.progress_dialog.setLabelText)
        self.job.finished.connect(self._on_job_finished)
        self.job.failed.connect(self._on_job_failed)
        self.job.start()

    def cancel(self) -> None:
        """Stop the export: nothing is reported and no new file is left behind."""
        if self.job is not None and self.job.running:
            self.job.cancel()
            self._close_progress()
            self.ended.emit()

    def _close_progress(self) -> None:
        close_job_progress(self.progress_dialog, self.cancel)
        self.progress_dialog = None

    def _on_job_finished(self, result: PdfJobResult) -> None:
        self._close_progress()
        assert result.path is not None
        remember_export_folder(result.path.parent)
        self.exported.emit(str(result.path), result.pages)
        message = _("PDF saved: {path} ({pages} pages)").format(path=result.path, pages=result.pages)
        if result.draft:
            message += "\n" + _("It is a draft: every page is marked “초안 / DRAFT”.")
        self.show_done(self.parent_widget, message, result.path)
        self.ended.emit()

    def _on_job_failed(self, message: str) -> None:
        self._close_progress()
        self._fail(message)

    def _fail(self, message: str) -> None:
        self.failed.emit(message)
        self.show_failure(self.parent_widget, message)
        self.ended.emit()
