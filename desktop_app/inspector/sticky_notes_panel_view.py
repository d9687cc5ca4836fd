"""The inspector's sticky notes: the notes on the selected initiative or stakeholder, with add and delete."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.plan_controller import PlanController
from desktop_app.widgets.message_bar_view import MessageBarView
from desktop_app.widgets.muted_text import mute
from desktop_app.widgets.refresh_when_shown import StaleRefresher
from desktop_app.workshop.sticky_note_dialog import NOTE_PAPER, StickyNoteDialog
from planner.commands import Changes, DeleteRows
from planner.errors import PlannerError
from planner.i18n import _
from planner.queries import choices_for
from planner.workshops import STICKY_COLOURS, StickyNoteRow, sticky_notes

NOTE_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # the id of the note a row stands for
NOTE_KINDS = ("initiative", "stakeholder")


def swatch_icon(colour: str, size: int = 14) -> QIcon:
    """A square of the note's paper colour with a dark edge (the colour is also named in words)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(NOTE_PAPER.get(colour, NOTE_PAPER["yellow"])))
    painter = QPainter(pixmap)
    painter.setPen(QColor("#555555"))
    painter.drawRect(0, 0, size - 1, size - 1)
    painter.end()
    return QIcon(pixmap)


class StickyNotesPanel(QWidget):
    """Shown under the inspector's linked panel for one selected initiative or stakeholder; hidden otherwise.
    "Add note…" opens the StickyNoteDialog; "Delete" removes the chosen note (one undo entry)."""

    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sticky_notes_panel")
        self.controller = controller
        self.kind = ""  # "initiative" or "stakeholder" ("" when hidden)
        self.item_id = ""
        self.notes: list[StickyNoteRow] = []
        self.sticky_note_dialog: StickyNoteDialog | None = None

        self.title_label = QLabel()
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.empty_label = QLabel(_("No sticky notes yet."))
        self.empty_label.setWordWrap(True)
        mute(self.empty_label)
        self.tree = QTreeWidget()
        self.tree.setObjectName("sticky_notes_tree")
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels([_("Colour"), _("Text"), _("Author"), _("Date")])
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.tree.currentItemChanged.connect(lambda *_args: self._update_buttons())
        self.add_button = QPushButton(_("Add note…"))
        self.add_button.setAccessibleName(_("Add a sticky note"))
        self.add_button.clicked.connect(self.add_note)
        self.delete_button = QPushButton(_("Delete"))
        self.delete_button.setAccessibleName(_("Delete the chosen sticky note"))
        self.delete_button.setToolTip(_("Delete the chosen sticky note (Delete)"))
        self.delete_button.clicked.connect(self.delete_current)
        self.message_bar = MessageBarView()

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.setSpacing(4)
        layout.addWidget(self.title_label)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.tree)
        layout.addLayout(buttons)

        controller.selection_changed.connect(self._on_selection_changed)
        controller.plan_changed.connect(self._on_plan_changed)
        controller.document_replaced.connect(self.refresh)
        self.refresher = StaleRefresher(self, self.refresh)
        self.show_selection(controller.selection_kind, controller.selection_ids)

    # -- public -----------------------------------------------------------------------------------------

    def show_selection(self, kind: str, ids: Sequence[str]) -> None:
        """Follow the shared selection: one initiative or one stakeholder shows its notes."""
        if kind in NOTE_KINDS and len(ids) == 1:
            self.kind, self.item_id = kind, ids[0]
        else:
            self.kind, self.item_id = "", ""
        self.refresh()

    def refresh(self) -> None:
        """Read the notes of the shown item again."""
        self.refresher.mark_refreshed()
        notes: list[StickyNoteRow] = []
        if self.kind:
            try:
                notes = self.controller.read(lambda session: sticky_notes(session, self.kind, self.item_id))
            except PlannerError:
                self.kind, self.item_id = "", ""  # the plan is closed
        self.notes = notes
        self.setVisible(bool(self.kind))
        title = _("Sticky notes ({count})").format(count=len(notes))
        self.title_label.setText(title)
        self.tree.setAccessibleName(title)
        self.empty_label.setVisible(not notes)
        self.tree.setVisible(bool(notes))
        current = self.current_note_id()
        self.tree.clear()
        for note in notes:
            colour = _(STICKY_COLOURS.get(note.colour, note.colour))
            item = QTreeWidgetItem([colour, note.text.replace("\n", " "), note.author,
                                    note.created_at.strftime("%Y-%m-%d") if note.created_at else ""])
            item.setData(0, NOTE_ID_ROLE, note.id)
            item.setIcon(0, swatch_icon(note.colour))
            item.setToolTip(1, note.text)
            self.tree.addTopLevelItem(item)
            if note.id == current:
                self.tree.setCurrentItem(item)
        if notes and self.tree.currentItem() is None:
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        rows = min(max(len(notes), 1), 6)
        row_height = max(self.tree.sizeHintForRow(0) if notes else 0, self.tree.fontMetrics().height() + 8, 18)
        self.tree.setFixedHeight(self.tree.header().sizeHint().height() + row_height * rows
                                 + 2 * self.tree.frameWidth() + 2)
        self._update_buttons()

    def row_texts(self) -> list[list[str]]:
        """The text of every cell, row by row (for tests and accessibility checks)."""
        return [[self.tree.topLevelItem(n).text(c) for c in range(self.tree.columnCount())]
                for n in range(self.tree.topLevelItemCount())]

    def current_note_id(self) -> str | None:
        item = self.tree.currentItem()
        return str(item.data(0, NOTE_ID_ROLE)) if item is not None else None

    def add_note(self) -> StickyNoteDialog | None:
        """Open the sticky note dialog for the shown item (non-modal)."""
        if not self.kind:
            return None
        self.sticky_note_dialog = StickyNoteDialog(self.controller, self.kind, self.item_id, self._item_name(),
                                                   self)
        self.sticky_note_dialog.finished.connect(lambda _result: self.add_button.setFocus())
        self.sticky_note_dialog.open()
        return self.sticky_note_dialog

    def delete_current(self) -> bool:
        """Delete the chosen note as one undo entry; True when it was deleted."""
        note_id = self.current_note_id()
        if note_id is None:
            return False
        try:
            self.controller.execute(DeleteRows("sticky_note", [note_id], label=_("Delete sticky note")), self)
        except PlannerError as error:
            self.message_bar.show_message(str(error))
            return False
        self.message_bar.hide()
        return True

    # -- helpers ----------------------------------------------------------------------------------------

    def _item_name(self) -> str:
        try:
            choices = self.controller.read(lambda session: choices_for(session, self.kind))
        except PlannerError:
            return ""
        return next((text for value, text in choices if value == self.item_id), "")

    def _update_buttons(self) -> None:
        self.delete_button.setEnabled(self.tree.currentItem() is not None)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete and self.tree.hasFocus():
            self.delete_current()
            return
        super().keyPressEvent(event)

    # -- handlers ---------------------------------------------------------------------------------------

    def _on_selection_changed(self, kind: str, ids: list[str]) -> None:
        self.show_selection(kind, ids)

    def _on_plan_changed(self, changes: Changes, _initiator: object) -> None:
        if self.kind and changes.touches("sticky_note", self.kind):
            self.refresher.mark_changed()
