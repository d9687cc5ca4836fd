"""A read-only table of history entries (time, author, what, items): a thin model over planner.history snapshots."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from planner.history import HistoryEntry, author_text, items_text, omitted_note
from planner.i18n import N_, _

ENTRY_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # the entry's id (every column)
COLUMNS = (N_("Time"), N_("Author"), N_("What"), N_("Items"))
TIME_FORMAT = "%Y-%m-%d %H:%M"

AnyIndex = QModelIndex | QPersistentModelIndex


class HistoryTableModel(QAbstractTableModel):
    """Entries newest first, as history_entries() gives them; undo and redo entries in italics."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.entries: list[HistoryEntry] = []

    def set_entries(self, entries: Sequence[HistoryEntry]) -> None:
        """Show these entries instead (the view keeps its selection by entry id)."""
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def entry(self, row: int) -> HistoryEntry | None:
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def row_of(self, entry_id: str) -> int:
        """The row of an entry, or -1 when it is not shown."""
        return next((row for row, entry in enumerate(self.entries) if entry.id == entry_id), -1)

    # -- QAbstractTableModel ----------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return _(COLUMNS[section])
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.entry(index.row())
        if entry is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell_text(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0:
                return entry.local_time.strftime("%Y-%m-%d %H:%M:%S %Z")
            if column == 2:
                return "\n".join(text for text in (entry.summary, omitted_note(entry)) if text)
            return self.cell_text(entry, column) or None
        if role == ENTRY_ID_ROLE:
            return entry.id
        if role == Qt.ItemDataRole.FontRole and entry.action != "do":
            font = QFont()
            font.setItalic(True)
            return font
        return None

    @staticmethod
    def cell_text(entry: HistoryEntry, column: int) -> str:
        if column == 0:
            return entry.local_time.strftime(TIME_FORMAT)
        if column == 1:
            return author_text(entry.author)
        if column == 2:
            return entry.summary
        if column == 3:
            return items_text(entry)
        return ""
