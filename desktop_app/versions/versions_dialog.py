"""File ▸ Versions…: the plan's saved versions, newest first; name one, open one read-only, restore one as a new plan."""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.dialogs import plan_file_filter, show_error
from desktop_app.plan_controller import PlanController
from planner.errors import PlannerError
from planner.i18n import N_, _
from planner.storage.document import PLAN_SUFFIX
from planner.versions import (
    MAX_NAME,
    VersionInfo,
    list_versions,
    name_document_version,
    restore_for_reading,
    restore_version,
)

COLUMNS = (N_("Name"), N_("Saved"), N_("Author"), N_("Content"))
VERSION_ID_ROLE = Qt.ItemDataRole.UserRole


@contextlib.contextmanager
def busy_cursor() -> Iterator[None]:
    """A wait cursor while a slow step (rebuilding a version) runs on the GUI thread."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


class VersionNameDialog(QDialog):
    """Asks for a version's name and an optional note."""

    def __init__(self, parent: QWidget | None, name: str = "", note: str = "", title: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("version_name_dialog")
        self.setWindowTitle(title or _("Name Version"))
        self.name_edit = QLineEdit(name)
        self.name_edit.setObjectName("name_edit")
        self.name_edit.setMaxLength(MAX_NAME)
        self.name_edit.setPlaceholderText(_("e.g. Draft for the council"))
        self.note_edit = QPlainTextEdit(note)
        self.note_edit.setObjectName("note_edit")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(self.fontMetrics().height() * 5)
        form = QFormLayout()
        form.addRow(_("Name:"), self.name_edit)
        form.addRow(_("Note:"), self.note_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.name_edit.textChanged.connect(lambda text: self.ok_button.setEnabled(bool(text.strip())))
        self.ok_button.setEnabled(bool(name.strip()))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(440, self.sizeHint().height())


def ask_version_name(parent: QWidget | None, name: str = "", note: str = "",
                     title: str = "") -> tuple[str, str] | None:
    """(name, note) for a version, or None when the user cancels. (Tests replace this helper.)"""
    dialog = VersionNameDialog(parent, name, note, title)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.name_edit.text().strip(), dialog.note_edit.toPlainText().strip()


def ask_restore_path(parent: QWidget | None, suggested: str) -> Path | None:
    """Where to write a restored version, or None. (Tests replace this helper.)"""
    path, _selected = QFileDialog.getSaveFileName(parent, _("Restore Version as New Plan"), suggested,
                                                  plan_file_filter())
    if not path:
        return None
    target = Path(path)
    return target if target.suffix.lower() == PLAN_SUFFIX else target.with_name(target.name + PLAN_SUFFIX)


def version_source(controller: PlanController) -> Path | None:
    """The file whose versions are listed: the open plan's working copy (it holds the same versions as the saved
    file, and the names given since); None for a team plan, which has no file lineage."""
    path = getattr(controller.document, "working_path", None)
    return Path(path) if path is not None else None


class VersionsDialog(QDialog):
    """Lists the versions of the open plan; the buttons act on the selected one."""

    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.infos: list[VersionInfo] = []
        self.setObjectName("versions_dialog")
        self.setWindowTitle(_("Versions"))
        self.intro_label = QLabel(_("Every save records a version of the plan. The content of the last 100 "
                                    "versions is kept: open one read-only, or restore it as a new plan file."))
        self.intro_label.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("versions_tree")
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setHeaderLabels([_(column) for column in COLUMNS])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(COLUMNS)):
            self.tree.header().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(lambda *_args: self._update_buttons())
        self.tree.itemDoubleClicked.connect(lambda *_args: self.name_selected())
        self.note_label = QLabel()
        self.note_label.setObjectName("note_label")
        self.note_label.setWordWrap(True)
        self.note_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.empty_label = QLabel(_("No saved versions yet: a version is recorded each time the plan is saved."))
        self.empty_label.setWordWrap(True)

        self.name_button = QPushButton(_("&Name…"))
        self.name_button.setObjectName("name_button")
        self.name_button.clicked.connect(self.name_selected)
        self.open_button = QPushButton(_("&Open Read-Only"))
        self.open_button.setObjectName("open_button")
        self.open_button.clicked.connect(self.open_selected)
        self.restore_button = QPushButton(_("&Restore as New Plan…"))
        self.restore_button.setObjectName("restore_button")
        self.restore_button.clicked.connect(self.restore_selected)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (self.name_button, self.open_button, self.restore_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro_label)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.note_label)
        layout.addLayout(buttons)
        self.resize(760, 420)
        self.refresh()

    # -- the list ---------------------------------------------------------------------------------------

    def refresh(self) -> None:
        current = self.selected_id()
        source = version_source(self.controller)
        try:
            self.infos = list_versions(source) if source is not None else []
        except (PlannerError, OSError) as error:
            self.infos = []
            self.note_label.setText(str(error))
        self.tree.clear()
        for info in self.infos:
            item = QTreeWidgetItem([info.name or "—", info.time_text, info.author,
                                    _("kept") if info.rebuildable else _("not kept")])
            item.setData(0, VERSION_ID_ROLE, info.id)
            item.setToolTip(0, info.note or info.id)
            if not info.name:
                item.setForeground(0, self.palette().placeholderText())
            self.tree.addTopLevelItem(item)
            if info.id == current:
                self.tree.setCurrentItem(item)
        if self.tree.currentItem() is None and self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self.empty_label.setVisible(not self.infos)
        self.tree.setVisible(bool(self.infos))
        self._update_buttons()

    def selected_id(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, VERSION_ID_ROLE) if item is not None else None

    def selected(self) -> VersionInfo | None:
        version_id = self.selected_id()
        return next((info for info in self.infos if info.id == version_id), None)

    def select_version(self, version_id: str) -> None:
        for row in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(row)
            if item.data(0, VERSION_ID_ROLE) == version_id:
                self.tree.setCurrentItem(item)

    def _update_buttons(self) -> None:
        info = self.selected()
        document = self.controller.document
        can_name = info is not None and getattr(document, "path", None) is not None and not document.read_only
        self.name_button.setEnabled(can_name)
        self.open_button.setEnabled(info is not None and info.rebuildable)
        self.restore_button.setEnabled(info is not None and info.rebuildable)
        if info is None:
            self.note_label.setText("")
        else:
            details = [_("Version {version}").format(version=info.id)]
            if info.note:
                details.append(info.note)
            if not info.rebuildable:
                details.append(_("Only the last 100 versions keep their content; this one can no longer be opened."))
            self.note_label.setText("\n".join(details))

    # -- the actions ------------------------------------------------------------------------------------

    def name_selected(self) -> bool:
        info = self.selected()
        if info is None or not self.name_button.isEnabled():
            return False
        answer = ask_version_name(self, info.name, info.note)
        if answer is None:
            return False
        try:
            name_document_version(self.controller.document, info.id, *answer)
        except (PlannerError, OSError) as error:
            show_error(self, _("Cannot Name Version"), str(error))
            return False
        self.refresh()
        return True

    def open_selected(self) -> bool:
        """Rebuild the version into a temporary folder and open it read-only in this window (after the usual
        question about the current plan's changes)."""
        info, source = self.selected(), version_source(self.controller)
        window = self.parent()
        if info is None or source is None or not callable(getattr(window, "open_version_copy", None)):
            return False
        folder = Path(tempfile.mkdtemp(prefix="cplan-version-"))
        stem = Path(getattr(self.controller.document, "path", None) or "plan").stem
        try:
            with busy_cursor():
                path = restore_for_reading(source, info.id, folder, stem=stem)
        except (PlannerError, OSError) as error:
            import shutil

            shutil.rmtree(folder, ignore_errors=True)
            show_error(self, _("Cannot Open Version"), str(error))
            return False
        self.accept()
        return bool(window.open_version_copy(path, folder))

    def restore_selected(self) -> Path | None:
        info, source = self.selected(), version_source(self.controller)
        if info is None or source is None:
            return None
        document_path = getattr(self.controller.document, "path", None)
        folder = Path(document_path).parent if document_path else Path.home()
        stem = Path(document_path).stem if document_path else _("plan")
        suffix = info.name or info.time_text.replace(":", "").replace(" ", "-")
        target = ask_restore_path(self, str(folder / f"{stem} ({suffix}){PLAN_SUFFIX}"))
        if target is None:
            return None
        try:
            with busy_cursor():
                written = restore_version(source, info.id, target, force=True)  # the file dialog asked
        except (PlannerError, OSError) as error:
            show_error(self, _("Cannot Restore Version"), str(error))
            return None
        status = getattr(self.parent(), "statusBar", None)
        if callable(status):
            status().showMessage(_("Version restored as {path}.").format(path=written), 10_000)
        self.note_label.setText(_("Version restored as {path}.").format(path=written))
        return written


def show_versions(window: Any, controller: PlanController) -> VersionsDialog:
    """Open the Versions dialog (modal) for the window's plan."""
    dialog = VersionsDialog(controller, window)
    dialog.open()
    return dialog
