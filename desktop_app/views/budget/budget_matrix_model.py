"""The fiscal year × funding source table in KRW million, with totals and funding-rule breaches highlighted."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from desktop_app.models.money_format import decimals_for, krw_text, million_text
from desktop_app.widgets.muted_text import blend
from planner.budget import BudgetMatrix, FundingViolation
from planner.i18n import _
from planner.model.vocabulary import FUNDING_SOURCES, label

KRW_ROLE = int(Qt.ItemDataRole.UserRole)  # the cell's whole amount in KRW (int)
VIOLATIONS_ROLE = int(Qt.ItemDataRole.UserRole) + 5  # the messages of the breaches in the cell (tuple of str)

# The colour breached cells are tinted with (Okabe-Ito vermilion), mixed with the table's background.
BREACH_COLOUR = QColor("#D55E00")
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

AnyIndex = QModelIndex | QPersistentModelIndex
Cell = tuple[int, str | None]  # (year, source); source None is the year's total


def rich_tooltip(lines: Iterable[str]) -> str:
    """Lines of plain text as a tooltip that Qt shows literally (user text such as '<b>' is not markup)."""
    body = "<br>".join(html.escape(line) for line in lines if line)
    return f"<p style='white-space:pre-wrap'>{body}</p>" if body else ""


def breach_brush() -> QBrush:
    """The highlight of a cell that breaks a funding rule, legible in light and dark themes."""
    base = QApplication.palette().color(QPalette.ColorRole.Base)
    return QBrush(blend(BREACH_COLOUR, base, 0.32))


class BudgetMatrixModel(QAbstractTableModel):
    """Rows: the fiscal years, then Total. Columns: the funding sources, then Total. Holds a plain
    BudgetMatrix snapshot; set_matrix() replaces it (a model reset)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._matrix = BudgetMatrix(years=(), sources=())
        self._executed = False
        self._decimals = 0
        self._breaches: dict[Cell, tuple[str, ...]] = {}
        self._bold = QFont()
        self._bold.setBold(True)

    # -- content ----------------------------------------------------------------------------------------

    @property
    def matrix(self) -> BudgetMatrix:
        return self._matrix

    @property
    def executed(self) -> bool:
        return self._executed

    def set_matrix(self, matrix: BudgetMatrix, violations: Sequence[FundingViolation] = (),
                   executed: bool = False) -> None:
        """Show `matrix` (planned or executed amounts) and highlight the cells `violations` lie in."""
        self.beginResetModel()
        self._matrix, self._executed = matrix, executed
        cells = matrix.executed if executed else matrix.planned
        self._decimals = decimals_for(cells.values())
        breaches: dict[Cell, list[str]] = {}
        for violation in violations:
            for cell in violation.cells:
                breaches.setdefault(cell, []).append(violation.message)
        self._breaches = {cell: tuple(messages) for cell, messages in breaches.items()}
        self.endResetModel()

    def amount(self, row: int, column: int) -> int:
        """KRW of a cell (the last row and column are the totals)."""
        matrix, executed = self._matrix, self._executed
        years, sources = matrix.years, matrix.sources
        if row == len(years) and column == len(sources):
            return matrix.total(executed)
        if row == len(years):
            return matrix.source_total(sources[column], executed)
        if column == len(sources):
            return matrix.year_total(years[row], executed)
        return matrix.cell(years[row], sources[column], executed)

    def breaches(self, row: int, column: int) -> tuple[str, ...]:
        """Messages of the funding-rule breaches lying in a cell (none on the Total row)."""
        years, sources = self._matrix.years, self._matrix.sources
        if not 0 <= row < len(years):
            return ()
        source = sources[column] if column < len(sources) else None
        return self._breaches.get((years[row], source), ())

    def text(self, row: int, column: int) -> str:
        krw = self.amount(row, column)
        return million_text(krw, self._decimals) if krw else "–"

    # -- QAbstractTableModel ----------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._matrix.years) + 1

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._matrix.sources) + 1

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row, column = index.row(), index.column()
        if not index.isValid() or not 0 <= row < self.rowCount() or not 0 <= column < self.columnCount():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role == KRW_ROLE:
            return self.amount(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_RIGHT)
        if role == Qt.ItemDataRole.FontRole:
            is_total = row == len(self._matrix.years) or column == len(self._matrix.sources)
            return QFont(self._bold) if is_total else None
        if role == VIOLATIONS_ROLE:
            return self.breaches(row, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            return breach_brush() if self.breaches(row, column) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return rich_tooltip([krw_text(self.amount(row, column)), *self.breaches(row, column)])
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            names = [label(FUNDING_SOURCES, code) for code in self._matrix.sources]
            alignment = _RIGHT
        else:
            names = [str(year) for year in self._matrix.years]
            alignment = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        if not 0 <= section <= len(names):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return names[section] if section < len(names) else _("Total")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(alignment)
        if role == Qt.ItemDataRole.FontRole and section == len(names):
            return QFont(self._bold)
        return None
