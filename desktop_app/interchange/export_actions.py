"""File ▸ Export ▸ one action per registered format: choose the file (and the table for CSV), write it off the GUI
thread, say what was written in the status bar."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from desktop_app.interchange.snapshot_job import SnapshotJob
from desktop_app.plan_controller import PlanController
from desktop_app.widgets.job_progress import close_job_progress, open_job_progress
from planner.errors import PlannerError
from planner.i18n import _, current_language
from planner.interchange.formats import EXPORT_FORMATS, ExportFormat, ExportOptions

LAST_FOLDER_KEY = "export/last_interchange_folder"
PROGRESS_DELAY_MS = 400  # the progress dialog appears only for exports that take longer than this


# -- the menu -------------------------------------------------------------------------------------------------


def format_title(spec: ExportFormat) -> str:
    """The format as a title: its description with a capital first letter, and its suffix unless it names it."""
    description = _(spec.description)
    title = f"{description[:1].upper()}{description[1:]}"
    return title if spec.suffix in title.lower() else f"{title} ({spec.suffix})"


def with_mnemonic(spec: ExportFormat, used: set[str]) -> str:
    """The menu text: the title with its mnemonic on a letter of the suffix not used by an entry before ("(.&gan)";
    the suffix is Latin in every language, so the key is the same in Korean and English), then "…"."""
    title = format_title(spec).replace("&", "&&")
    start = title.lower().rfind(spec.suffix)
    letters = spec.suffix.lstrip(".")
    position = next((number for number, letter in enumerate(letters)
                     if letter.isalnum() and letter.lower() not in used), None)
    if start < 0 or position is None:
        return f"{title}…"
    used.add(letters[position].lower())
    at = start + 1 + position  # after the dot
    return f"{title[:at]}&{title[at:]}…"


def export_actions(window: Any, parent: QObject) -> list[QAction]:
    """One action per export format in the registry (in its order), each running an InterchangeExportFlow."""
    actions: list[QAction] = []
    used: set[str] = set()
    for name, spec in EXPORT_FORMATS.items():
        action = QAction(with_mnemonic(spec, used), parent)
        action.setObjectName(f"export_{name}_action")
        action.setStatusTip(_("Write the plan to a file: {format}").format(format=format_title(spec)))
        action.setData(name)
        action.triggered.connect(lambda _checked=False, format_name=name: export_with_dialogs(window, format_name))
        actions.append(action)
    return actions


def fill_export_menu(window: Any, menu: QMenu) -> list[QAction]:
    """Put the export actions into `menu` (rebuilt each time it opens, so formats registered later appear)."""
    menu.clear()
    actions = export_actions(window, menu)
    for action in actions:
        menu.addAction(action)
        action.setEnabled(getattr(window, "controller", None) is not None)
    return actions


# -- questions -----------------------------------------------------------------------------------------------


def safe_file_stem(title: str) -> str:
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "_", title).strip(" ._")
    return name[:120] or _("plan")


def table_label(kind: str) -> str:
    try:
        from planner.interchange.tabular import TABLE_KINDS
    except ImportError:
        return kind
    spec = TABLE_KINDS.get(kind)
    if spec is None and kind == "schedule":  # the computed schedule: a report, not one of the importable tables
        return _("Schedule")
    return _(spec.label) if spec is not None else kind


class TableChoiceDialog(QDialog):
    """Which table a CSV file gets (a CSV file holds one table)."""

    def __init__(self, kinds: tuple[str, ...] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("table_choice_dialog")
        self.setWindowTitle(_("Export a Table"))
        if not kinds:
            try:
                from planner.interchange.tabular import TABLE_KINDS

                kinds = tuple(TABLE_KINDS)
            except ImportError:
                kinds = ()
        self.table_list = QListWidget()
        self.table_list.setObjectName("table_choice_list")
        self.table_list.setAccessibleName(_("Tables"))
        self.table_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for kind in kinds:
            item = QListWidgetItem(table_label(kind))
            item.setData(Qt.ItemDataRole.UserRole, kind)
            self.table_list.addItem(item)
        self.table_list.setCurrentRow(0)
        self.table_list.itemDoubleClicked.connect(lambda _item: self.accept())
        caption = QLabel(_("A CSV file holds one table. &Which table do you want to export?"))
        caption.setWordWrap(True)
        caption.setBuddy(self.table_list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Export"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(caption)
        layout.addWidget(self.table_list, 1)
        layout.addWidget(buttons)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 60, metrics.height() * (len(kinds) + 10))

    def chosen_kind(self) -> str | None:
        item = self.table_list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None


def ask_table_kind(parent: QWidget | None, kinds: tuple[str, ...]) -> str | None:
    """The table the user chooses for a CSV export, or None."""
    dialog = TableChoiceDialog(kinds, parent)
    try:
        return dialog.chosen_kind() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def ask_target(parent: QWidget | None, spec: ExportFormat, suggested: Path) -> Path | None:
    """The file to write, ending in the format's suffix, or None (Qt's dialog asks before replacing a file;
    when the suffix is added here, this asks)."""
    from desktop_app import dialogs

    chosen = dialogs.ask_export_path(parent, _("Export {format}").format(format=format_title(spec)), str(suggested),
                                     f"{format_title(spec)} (*{spec.suffix})")
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != spec.suffix:
        path = path.with_name(path.name + spec.suffix)
        if path.exists() and not confirm_replace(parent, path):
            return None
    return path


def confirm_replace(parent: QWidget | None, path: Path) -> bool:
    answer = QMessageBox.question(
        parent, _("Export"), _("{name} already exists. Do you want to replace it?").format(name=path.name),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def show_export_failure(parent: QWidget | None, message: str) -> None:
    from desktop_app.printing.export_flow import show_export_failure as show_failure

    show_failure(parent, message, _("Export"))


def last_export_folder() -> str:
    from desktop_app.settings import remembered_folder

    return remembered_folder(LAST_FOLDER_KEY)


def remember_export_folder(folder: Path) -> None:
    from desktop_app.settings import remember_folder

    remember_folder(LAST_FOLDER_KEY, folder)


# -- the flow -------------------------------------------------------------------------------------------------


def failure_message(target: Path, error: BaseException) -> str:
    """The message naming the file that could not be written and why."""
    if isinstance(error, OSError):
        reason = error.strerror or str(error)
    elif isinstance(error, PlannerError):
        reason = str(error)
    else:
        reason = _("an internal error: {reason}").format(reason=f"{type(error).__name__}: {error}")
    return _("{file} could not be written: {reason}").format(file=target, reason=reason)


class InterchangeExportFlow(QObject):
    """One File ▸ Export ▸ format…: the table (CSV), the file, the export in the background, the outcome.

    The questions are attributes tests replace: choose_kind(parent, kinds) -> kind | None,
    choose_target(parent, spec, suggested) -> Path | None, show_failure(parent, message)."""

    exported = Signal(str)  # the exporter's line saying what it wrote
    failed = Signal(str)
    ended = Signal()

    def __init__(self, controller: PlanController, spec: ExportFormat, parent_widget: QWidget | None = None, *,
                 language: str | None = None) -> None:
        super().__init__(parent_widget)
        self.controller = controller
        self.spec = spec
        self.parent_widget = parent_widget
        self.language = language or current_language()
        self.choose_kind: Callable[[QWidget | None, tuple[str, ...]], str | None] = ask_table_kind
        self.choose_target: Callable[[QWidget | None, ExportFormat, Path], Path | None] = ask_target
        self.show_failure: Callable[[QWidget | None, str], None] = show_export_failure
        self.job: SnapshotJob | None = None
        self.progress_dialog: QProgressDialog | None = None
        self.target: Path | None = None

    def suggested_target(self, kind: str | None) -> Path:
        from desktop_app.printing.export_flow import last_export_folder as last_pdf_folder

        try:
            title = self.controller.document.title()
        except PlannerError:
            title = self.controller.document.display_name
        stem = safe_file_stem(title)
        if kind:
            stem = f"{stem}-{safe_file_stem(table_label(kind))}"
        folder = last_export_folder() or last_pdf_folder()
        if not folder and self.controller.document.path is not None:
            folder = str(self.controller.document.path.parent)
        return Path(folder or Path.home()) / f"{stem}{self.spec.suffix}"

    def start(self) -> None:
        """Ask the questions and start writing; the rest happens when the job reports back."""
        from desktop_app.printing.export_flow import target_problem

        kind: str | None = None
        if self.spec.kinds:
            kind = self.choose_kind(self.parent_widget, self.spec.kinds)
            if kind is None:
                self.ended.emit()
                return
        target = self.choose_target(self.parent_widget, self.spec, self.suggested_target(kind))
        if target is None:
            self.ended.emit()
            return
        self.target = Path(target).absolute()
        problem = target_problem(self.target)
        if problem is not None:
            self._fail(_("{file} could not be written: {reason}").format(file=self.target, reason=problem))
            return
        self._run(ExportOptions(language=self.language, kind=kind))

    def _run(self, options: ExportOptions) -> None:
        assert self.target is not None
        target, write, existed = self.target, self.spec.write, self.target.exists()

        def discard(_line: Any) -> None:  # cancelled after all: a file that was not there before goes again
            if not existed:
                with contextlib.suppress(OSError):
                    target.unlink()

        self.job = SnapshotJob(self.controller, lambda session: write(session, target, options), self,
                               failure_text=lambda error: failure_message(target, error), on_discarded=discard)
        self.progress_dialog = open_job_progress(self.parent_widget, _("Writing {file}…").format(file=target.name),
                                                 _("Export"), self.cancel, PROGRESS_DELAY_MS)
        self.job.finished.connect(self._on_finished)
        self.job.failed.connect(self._on_failed)
        self.job.start()

    def cancel(self) -> None:
        """Stop waiting for the export: no message follows and a new file is removed when it arrives."""
        if self.job is not None and self.job.running:
            self.job.cancel()
            self._close_progress()
            self.ended.emit()

    def _close_progress(self) -> None:
        close_job_progress(self.progress_dialog, self.cancel)
        self.progress_dialog = None

    def _on_finished(self, line: Any) -> None:
        self._close_progress()
        if self.target is not None:
            remember_export_folder(self.target.parent)
        self.exported.emit(str(line))
        self.ended.emit()

    def _on_failed(self, message: str) -> None:
        self._close_progress()
        self._fail(message)

    def _fail(self, message: str) -> None:
        self.failed.emit(message)
        self.show_failure(self.parent_widget, message)
        self.ended.emit()


_running: list[InterchangeExportFlow] = []  # kept alive while they run


def export_with_dialogs(window: Any, format_name: str) -> InterchangeExportFlow | None:
    """File ▸ Export ▸ a format: run the flow; the status bar shows what was written."""
    controller = getattr(window, "controller", None)
    spec = EXPORT_FORMATS.get(format_name)
    if controller is None or spec is None:
        return None
    commit = getattr(window, "commit_pending_edits", None)
    if callable(commit):
        commit()
    flow = InterchangeExportFlow(controller, spec, window)
    flow.exported.connect(lambda line: window.statusBar().showMessage(line, 15_000))
    _running.append(flow)
    flow.ended.connect(lambda: _running.remove(flow) if flow in _running else None)
    flow.start()
    return flow
