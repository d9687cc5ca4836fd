"""A read-only table model over a list of plain row snapshots, refreshed from the controller's Changes."""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from sqlalchemy.orm import Session

from desktop_app.plan_controller import PlanController
from planner.commands import Changes
from planner.i18n import _

ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # the row's id (same in every column)
SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 2  # a value that sorts right: numbers as numbers, months as indexes
SEARCH_ROLE = int(Qt.ItemDataRole.UserRole) + 3  # the casefolded text the search box matches (column 0)
FILTER_ROLE = int(Qt.ItemDataRole.UserRole) + 4  # the value the filter combo compares with (column 0)

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

AnyIndex = QModelIndex | QPersistentModelIndex


class HasId(Protocol):
    @property
    def id(self) -> str: ...


R = TypeVar("R", bound=HasId)


@dataclass(frozen=True)
class Column(Generic[R]):
    """One column: its header (English source, shown through _()), how to show, sort and explain a row."""

    key: str
    header: str
    display: Callable[[R], str]
    sort: Callable[[R], Any] | None = None  # default: the display text
    tooltip: Callable[[R], str] | None = None
    numeric: bool = False  # right-aligned
    width_chars: int = 6  # the narrowest sensible width, in average characters
    max_chars: int = 40  # the widest the column starts, however long its text
    italic: Callable[[R], bool] | None = None


def _ranges(rows: Sequence[int]) -> list[tuple[int, int]]:
    """Sorted row numbers as (first, last) runs of consecutive numbers."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs


class SnapshotTableModel(QAbstractTableModel, Generic[R]):
    """Holds snapshots (frozen dataclasses with an `id`), never an ORM object or a Session.

    refresh() re-reads the rows and tells the views exactly what happened: removed rows, moved rows
    (a layout change that carries persistent indexes along), inserted rows and changed rows. Selections
    and the current index therefore survive every refresh, undo and redo.
    """

    refreshed = Signal()  # after the rows were read again (even if nothing changed)

    # Kinds of row whose change may alter what this table shows.
    WATCHED_KINDS: frozenset[str] = frozenset()

    def __init__(self, controller: PlanController | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._rows: list[R] = []  # as shown: in the plan's order, or sorted by sort()
        self._plan_order: list[R] = []  # as read
        self._sort_column, self._sort_order = -1, Qt.SortOrder.AscendingOrder
        self._row_numbers: dict[str, int] | None = None  # id -> row, built when first asked for
        self._columns: list[Column[R]] = self.make_columns()
        if controller is not None:
            controller.plan_changed.connect(self._on_plan_changed)
            controller.document_replaced.connect(self._on_document_replaced)
            self._plan_order = list(controller.read(self.read_rows))
            self.prepare_rows(self._plan_order)
            self._rows = self._ordered(self._plan_order)

    # -- to implement -----------------------------------------------------------------------------------

    @abstractmethod
    def make_columns(self) -> list[Column[R]]:
        """The columns, in order."""

    @abstractmethod
    def read_rows(self, session: Session) -> list[R]:
        """Read every row (plain snapshots) in the given short session."""

    def prepare_rows(self, rows: Sequence[R]) -> bool:
        """Look at a new set of rows before they are shown (e.g. to pick a number format for a whole column);
        True when that changes how unchanged rows look too."""
        return False

    def search_text(self, row: R) -> str:
        """The text the search box matches, before casefolding."""
        return ""

    def filter_value(self, row: R) -> Any:
        """The value the filter combo compares with."""
        return None

    # -- rows -------------------------------------------------------------------------------------------

    @property
    def rows(self) -> list[R]:
        return list(self._rows)

    @property
    def columns(self) -> list[Column[R]]:
        return list(self._columns)

    def column_of(self, key: str) -> int:
        return next(i for i, column in enumerate(self._columns) if column.key == key)

    def row_of(self, row_id: str) -> int:
        """Row number of an id, or -1."""
        if self._row_numbers is None:
            self._row_numbers = {row.id: number for number, row in enumerate(self._rows)}
        return self._row_numbers.get(row_id, -1)

    def row_snapshot(self, number: int) -> R:
        return self._rows[number]

    def refresh(self) -> None:
        """Read the rows again and apply the difference."""
        if self._controller is None:
            return
        self.set_rows(self._controller.read(self.read_rows))

    def set_rows(self, rows: Sequence[R]) -> None:
        """Replace the rows (in the plan's order; the model keeps its sorting)."""
        self._plan_order = list(rows)
        restyled = self.prepare_rows(self._plan_order)
        self._show_rows(self._ordered(self._plan_order), restyled)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column's sort value in Python (fast for tens of thousands of rows); -1: the plan's order."""
        self._sort_column = column if 0 <= column < len(self._columns) else -1
        self._sort_order = order
        self._show_rows(self._ordered(self._plan_order), False)

    @property
    def sort_column(self) -> int:
        return self._sort_column

    def _ordered(self, rows: list[R]) -> list[R]:
        if self._sort_column < 0:
            return list(rows)
        column = self._columns[self._sort_column]
        if column.sort is not None:
            key: Callable[[R], Any] = column.sort
        else:
            def key(row: R) -> Any:
                return column.display(row).casefold()
        return sorted(rows, key=key, reverse=self._sort_order == Qt.SortOrder.DescendingOrder)

    def _show_rows(self, new_rows: list[R], restyled: bool) -> None:
        """Change the shown rows with fine-grained signals: removes, a reorder, inserts, then data changes.
        Persistent indexes (selections, the current row) follow their rows' ids through all of it."""
        new_ids = [row.id for row in new_rows]
        wanted = set(new_ids)
        doomed = [number for number, row in enumerate(self._rows) if row.id not in wanted]
        for first, last in reversed(_ranges(doomed)):
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._rows[first:last + 1]
            self._row_numbers = None
            self.endRemoveRows()

        kept = {row.id for row in self._rows}
        kept_order = [row_id for row_id in new_ids if row_id in kept]
        current_ids = [row.id for row in self._rows]
        if current_ids != kept_order:
            position = {row_id: number for number, row_id in enumerate(kept_order)}
            self.layoutAboutToBeChanged.emit()
            old_indexes = self.persistentIndexList()
            new_indexes = [
                self.index(position[current_ids[index.row()]], index.column()) if index.isValid() else QModelIndex()
                for index in old_indexes
            ]
            self._rows.sort(key=lambda row: position[row.id])
            self._row_numbers = None
            self.changePersistentIndexList(old_indexes, new_indexes)
            self.layoutChanged.emit()

        inserted = [number for number, row_id in enumerate(new_ids) if row_id not in kept]
        for first, last in _ranges(inserted):
            self.beginInsertRows(QModelIndex(), first, last)
            self._rows[first:first] = new_rows[first:last + 1]
            self._row_numbers = None
            self.endInsertRows()

        changed = [number for number, (old, new) in enumerate(zip(self._rows, new_rows, strict=True))
                   if restyled or old != new]
        self._rows = new_rows
        self._row_numbers = None
        last_column = len(self._columns) - 1
        for first, last in _ranges(changed):
            self.dataChanged.emit(self.index(first, 0), self.index(last, last_column))
        self.refreshed.emit()

    def reset_rows(self) -> None:
        """Read everything again with a model reset (after the document was replaced)."""
        self.beginResetModel()
        self._plan_order = list(self._controller.read(self.read_rows)) if self._controller is not None else []
        self.prepare_rows(self._plan_order)
        self._rows = self._ordered(self._plan_order)
        self._row_numbers = None
        self.endResetModel()
        self.refreshed.emit()

    def _on_plan_changed(self, changes: Changes, _initiator: object) -> None:
        if changes.touches(*self.WATCHED_KINDS):
            self.refresh()

    def _on_document_replaced(self) -> None:
        self.reset_rows()

    # -- QAbstractTableModel ----------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._columns)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or not 0 <= index.column() < len(self._columns):
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(row)
        if role == SORT_ROLE:
            if column.sort is None:
                return column.display(row).casefold()
            value = column.sort(row)
            # Qt compares Python ints of different sizes inconsistently (int, uint, qlonglong variants);
            # as floats they compare right, exactly up to 2**53 (9 quadrillion won).
            return float(value) if isinstance(value, int) else value
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip(row) if column.tooltip is not None else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_RIGHT if column.numeric else _LEFT)
        if role == ID_ROLE:
            return row.id
        if role == SEARCH_ROLE:
            return self.search_text(row)
        if role == FILTER_ROLE:
            return self.filter_value(row)
        if role == Qt.ItemDataRole.FontRole and column.italic is not None and column.italic(row):
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return _(column.header)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_RIGHT if column.numeric else _LEFT)
        return None
