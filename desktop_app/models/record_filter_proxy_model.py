"""Search, filter and sort over a SnapshotTableModel: the search box and the filter combo of a table view."""

from __future__ import annotations

import unicodedata
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt

from desktop_app.models.snapshot_table_model import FILTER_ROLE, SEARCH_ROLE, SORT_ROLE, SnapshotTableModel


class RecordFilterProxyModel(QSortFilterProxyModel):
    """Keeps the rows whose search text holds every word typed (case-insensitive, Korean included) and
    whose filter value equals the chosen one (None: any). Sorting is passed on to a SnapshotTableModel;
    over other models it sorts by SORT_ROLE, so numbers sort as numbers."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._filter_value: Any = None
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)
        self.setSortLocaleAware(True)

    @property
    def search_words(self) -> list[str]:
        return list(self._words)

    @property
    def filter_value(self) -> Any:
        return self._filter_value

    def set_search_text(self, text: str) -> None:
        words = unicodedata.normalize("NFC", text).casefold().split()
        if words != self._words:
            self.beginFilterChange()
            self._words = words
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_filter_value(self, value: Any) -> None:
        """Show only rows whose FILTER_ROLE equals `value`; None shows every row."""
        if value != self._filter_value:
            self.beginFilterChange()
            self._filter_value = value
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A SnapshotTableModel sorts itself (one Python sort instead of a Python call per comparison);
        this proxy then only filters."""
        model = self.sourceModel()
        if isinstance(model, SnapshotTableModel):
            model.sort(column, order)
        else:
            super().sort(column, order)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        if model is None:
            return False
        index = model.index(source_row, 0, source_parent)
        if self._filter_value is not None and model.data(index, FILTER_ROLE) != self._filter_value:
            return False
        if self._words:
            text = model.data(index, SEARCH_ROLE) or ""
            return all(word in text for word in self._words)
        return True
