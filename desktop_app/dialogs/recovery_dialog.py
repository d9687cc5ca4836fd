"""The start-up dialog offering plans left unsaved by a crash: Recover, Discard or decide Later."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.dialogs import format_timestamp
from planner.i18n import _
from planner.storage.working import WorkingCopyInfo


class RecoveryAction(StrEnum):
    RECOVER = "recover"
    DISCARD = "discard"
    LATER = "later"


@dataclass
class RecoveryChoice:
    """What the user decided, and for which working copies (Recover takes exactly one)."""

    action: RecoveryAction
    copies: list[WorkingCopyInfo] = field(default_factory=list)


class RecoveryDialog(QDialog):
    """Lists each recoverable plan (title, original file or "untitled", last modified) with three choices."""

    def __init__(self, copies: list[WorkingCopyInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Recover Unsaved Plans"))
        self.setMinimumSize(640, 300)
        self._copies = list(copies)
        self._choice = RecoveryChoice(RecoveryAction.LATER)

        intro = QLabel(
            _("Convergence Planner closed unexpectedly while these plans had unsaved changes. "
              "Recover one to continue where you left off.")
        )
        intro.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setAccessibleName(_("Recoverable plans"))
        self.tree.setHeaderLabels([_("Plan"), _("Original file"), _("Last modified")])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        for copy in self._copies:
            item = QTreeWidgetItem(
                [copy.title, copy.source_path or _("untitled"), format_timestamp(copy.modified_at)]
            )
            item.setToolTip(1, copy.source_path or _("The plan had never been saved."))
            item.setData(0, Qt.ItemDataRole.UserRole, str(copy.working_path))
            self.tree.addTopLevelItem(item)
        for column in range(3):
            self.tree.resizeColumnToContents(column)
        if self._copies:
            self.tree.setCurrentItem(self.tree.topLevelItem(0))

        buttons = QDialogButtonBox()
        self.recover_button = QPushButton(_("Recover"))
        self.discard_button = QPushButton(_("Discard"))
        self.later_button = QPushButton(_("Later"))
        buttons.addButton(self.recover_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.discard_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.later_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.recover_button.setDefault(True)
        self.recover_button.clicked.connect(self._on_recover_clicked)
        self.discard_button.clicked.connect(self._on_discard_clicked)
        self.later_button.clicked.connect(self.reject)
        self.tree.itemSelectionChanged.connect(self._on_selection_changed)
        self.tree.itemDoubleClicked.connect(lambda _item, _column: self._on_recover_clicked())

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self._on_selection_changed()

    def selected_copies(self) -> list[WorkingCopyInfo]:
        rows = sorted(self.tree.indexOfTopLevelItem(item) for item in self.tree.selectedItems())
        return [self._copies[row] for row in rows]

    def choice(self) -> RecoveryChoice:
        return self._choice

    def _on_selection_changed(self) -> None:
        count = len(self.tree.selectedItems())
        self.recover_button.setEnabled(count == 1)  # one plan per window
        self.discard_button.setEnabled(count > 0)

    def _on_recover_clicked(self) -> None:
        selected = self.selected_copies()
        if len(selected) != 1:
            return
        self._choice = RecoveryChoice(RecoveryAction.RECOVER, selected)
        self.accept()

    def _on_discard_clicked(self) -> None:
        selected = self.selected_copies()
        if not selected:
            return
        answer = QMessageBox.question(
            self, _("Discard Unsaved Changes"),
            _("Discard the unsaved changes of {count} plan(s)? This cannot be undone.").format(count=len(selected)),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Discard:
            self._choice = RecoveryChoice(RecoveryAction.DISCARD, selected)
            self.accept()
