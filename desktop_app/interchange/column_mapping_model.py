"""The import dialog's tables: which field each file column is read as (editable), the preview and the problems."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from planner.i18n import N_, _

if TYPE_CHECKING:
    from planner.interchange.report import ImportProblem
    from planner.interchange.tabular import SheetData, TableSpec

AnyIndex = QModelIndex | QPersistentModelIndex
FIELD_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # the field name a column is read as ("" when ignored)
SAMPLE_VALUES = 3  # values shown per column in the sample
SAMPLE_ROWS = 50  # rows looked through for them
CELL_CHARS = 80  # longer cell texts are cut in the tables (the tooltip has the whole text)
TOOLTIP_CHARS = 24  # texts longer than this get a tooltip


def cell_text(value: Any) -> str:
    """A cell as one line of text."""
    if value is None:
        return ""
    return " ".join(str(value).split())


def short(text: str, limit: int = CELL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def ignore_label() -> str:
    return _("— ignore —")


def column_header(headers: Sequence[Any], index: int) -> str:
    """A file column's name: its header, else its position."""
    header = cell_text(headers[index]) if index < len(headers) else ""
    return header or _("(column {number})").format(number=index + 1)


class ColumnMappingModel(QAbstractTableModel):
    """One row per column of the file: its header, the field it is read as (column 1 is editable; one field
    per column at most — choosing a field already taken frees the other column) and a few sample values."""

    mapping_changed = Signal()

    HEADERS = (N_("Column in the file"), N_("Read as"), N_("Sample values"))

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._spec: TableSpec | None = None
        self._headers: list[str] = []
        self._samples: list[str] = []
        self._fields: list[str] = []  # per file column: the field name, "" when ignored
        self._labels: dict[str, str] = {}
        self._extra: dict[str, str] = {}
        self._required: set[str] = set()

    # -- filling ------------------------------------------------------------------------------------------

    def set_sheet(self, sheet: SheetData | None, spec: TableSpec | None, columns: dict[int, str],
                  extra_fields: dict[str, str] | None = None) -> None:
        """Show a sheet's columns read as `columns` (index → field) for the table `spec` (None: skipped);
        `extra_fields` (field → label) are fields made up from the sheet's headers (a KPI's target per year)."""
        self.beginResetModel()
        self._spec = spec
        self._extra = dict(extra_fields or {}) if spec is not None else {}
        width = 0
        if sheet is not None:
            width = max([len(sheet.headers), *(len(row) for row in sheet.rows[:SAMPLE_ROWS])], default=0)
        self._headers = [column_header(sheet.headers, index) if sheet is not None else "" for index in range(width)]
        self._samples = [self._sample(sheet, index) for index in range(width)] if sheet is not None else []
        self._labels = {column.field: _(column.label) for column in spec.columns} if spec is not None else {}
        self._labels.update(self._extra)
        self._required = {column.field for column in spec.columns if column.required} if spec is not None else set()
        self._fields = [columns.get(index, "") if columns.get(index, "") in self._labels else ""
                        for index in range(width)]
        self.endResetModel()

    @staticmethod
    def _sample(sheet: SheetData, index: int) -> str:
        values: list[str] = []
        for row in sheet.rows[:SAMPLE_ROWS]:
            text = cell_text(row[index]) if index < len(row) else ""
            if text:
                values.append(short(text, 30))
            if len(values) == SAMPLE_VALUES:
                break
        return " · ".join(values)

    # -- what the user chose ------------------------------------------------------------------------------

    def columns(self) -> dict[int, str]:
        """The mapping: column index → field, ignored columns left out."""
        return {index: name for index, name in enumerate(self._fields) if name}

    def field_choices(self) -> list[tuple[str, str]]:
        """(label, field) for the combo box: "— ignore —" first, required fields marked with *."""
        choices = [(ignore_label(), "")]
        if self._spec is not None:
            for column in self._spec.columns:
                label = _(column.label)
                choices.append((f"{label} *" if column.required else label, column.field))
            choices.extend((label, name) for name, label in self._extra.items())
        return choices

    def missing_required(self) -> list[str]:
        """Labels of the required fields no column is read as."""
        if self._spec is None:
            return []
        mapped = set(self._fields)
        return [_(column.label) for column in self._spec.columns if column.required and column.field not in mapped]

    def set_field(self, row: int, field_name: str) -> bool:
        return self.setData(self.index(row, 1), field_name, Qt.ItemDataRole.EditRole)

    def field_of(self, row: int) -> str:
        return self._fields[row]

    # -- the model ----------------------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._headers)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 3:
            return _(self.HEADERS[section])
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 1 and self._spec is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._headers):
            return None
        row, column = index.row(), index.column()
        name = self._fields[row]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return self._headers[row]
            if column == 1:
                if not name:
                    return ignore_label()
                label = self._labels.get(name, name)
                return f"{label} *" if name in self._required else label
            return self._samples[row]
        if role == Qt.ItemDataRole.EditRole and column == 1:
            return name
        if role == FIELD_ROLE:
            return name
        if role == Qt.ItemDataRole.FontRole and column == 1 and not name:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setItalic(True)
            return font
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != 1:
            return False
        name = str(value or "")
        if name and name not in self._labels:
            return False
        row = index.row()
        if self._fields[row] == name:
            return True
        if name:
            for other, taken in enumerate(self._fields):
                if taken == name and other != row:  # one column per field: the other column lets it go
                    self._fields[other] = ""
                    changed = self.index(other, 1)
                    self.dataChanged.emit(changed, changed)
        self._fields[row] = name
        self.dataChanged.emit(index, index)
        self.mapping_changed.emit()
        return True


class FieldChoiceDelegate(QStyledItemDelegate):
    """Edits the "Read as" column with a combo box of the table's fields."""

    def __init__(self, model: ColumnMappingModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model

    def createEditor(self, parent: QWidget, _option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:
        editor = QComboBox(parent)
        editor.setAccessibleName(_("Read as"))
        for label, name in self._model.field_choices():
            editor.addItem(label, name)
        editor.activated.connect(lambda _number, box=editor: self._commit(box))
        QTimer.singleShot(0, editor, editor.showPopup)  # the list opens at once: arrows move in it, Enter chooses
        return editor

    def _commit(self, editor: QComboBox) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor)

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        number = editor.findData(index.data(Qt.ItemDataRole.EditRole) or "")
        editor.setCurrentIndex(max(number, 0))

    def setModelData(self, editor: QWidget, model: Any, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData() or "", Qt.ItemDataRole.EditRole)


class TextTableModel(QAbstractTableModel):
    """A read-only table of texts with headers (the preview; the problems, sortable by any column)."""

    def __init__(self, headers: Sequence[str] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers: list[str] = list(headers)
        self._rows: list[list[str]] = []
        self._row_labels: list[str] = []

    def set_rows(self, headers: Sequence[str], rows: Sequence[Sequence[Any]],
                 row_labels: Sequence[str] | None = None) -> None:
        """New contents; `row_labels` name the rows in the vertical header (default: 1, 2, 3, ...)."""
        self.beginResetModel()
        self._headers = list(headers)
        self._rows = [[cell_text(value) for value in row] for row in rows]
        self._row_labels = list(row_labels) if row_labels is not None else []
        self.endResetModel()

    def rows(self) -> list[list[str]]:
        return [list(row) for row in self._rows]

    def headers(self) -> list[str]:
        return list(self._headers)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        if section < len(self._row_labels):
            return self._row_labels[section]
        return str(section + 1)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        text = row[index.column()] if index.column() < len(row) else ""
        if role == Qt.ItemDataRole.DisplayRole:
            return short(text)
        if role == Qt.ItemDataRole.ToolTipRole:
            return text if len(text) > TOOLTIP_CHARS else None  # a column narrower than the text elides it
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.beginResetModel()
        self._row_labels = []  # sorted rows are numbered afresh
        self._rows.sort(key=lambda row: _natural_key(row[column] if column < len(row) else ""),
                        reverse=order == Qt.SortOrder.DescendingOrder)
        self.endResetModel()


def _natural_key(text: str) -> list[Any]:
    """Sort "row 9" before "row 10"."""
    import re

    return [(0, int(part), "") if part.isdigit() else (1, 0, part.casefold())
            for part in re.split(r"(\d+)", text) if part]


def problem_rows(problems: Sequence[ImportProblem]) -> list[list[str]]:
    return [[problem.where, problem.field, problem.message] for problem in problems]


def problem_headers() -> list[str]:
    return [_("Where"), _("Column or field"), _("What is wrong")]
