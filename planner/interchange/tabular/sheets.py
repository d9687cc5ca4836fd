"""A sheet of cells as read from a CSV file or an XLSX worksheet, where its header row is, and how the report
names its rows."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain, islice

from planner.i18n import _
from planner.interchange.report import ImportReport
from planner.interchange.tabular.cell_values import MAX_CELL_CHARACTERS, blank
from planner.interchange.tabular.tables import guess_kind_from, header_scores

# Data rows read from one sheet at most; a longer sheet is refused.
MAX_ROWS = 100_000
# Columns read from one sheet at most.
MAX_COLUMNS = 500
# The header row is looked for among the first rows (a title row above the headers is common).
HEADER_SEARCH_ROWS = 10
# A header longer than this is cut (no table has such headers).
MAX_HEADER_CHARACTERS = 200


@dataclass
class SheetData:
    """One table of cells: the sheet's title (XLSX) or the file's name (CSV), its headers, its data rows."""

    name: str
    headers: list[str]
    rows: list[list[object]]  # cell values as read (str, int, float, datetime, None); CSV: str
    first_row_number: int  # the spreadsheet row number of rows[0] (2 when the header is row 1)
    encoding: str | None = None  # CSV: "utf-8", "utf-8-sig", "utf-16" or "cp949"

    def place(self, index: int) -> str:
        """How the report names data row `index` (0-based): its spreadsheet row number, and the sheet in a
        workbook."""
        return row_place(self, self.first_row_number + index)


def sheet_place(sheet: SheetData) -> str:
    """How the report names a whole sheet: the sheet of a workbook, the file for a CSV file."""
    if sheet.encoding is not None:
        return _("the file")
    return _("sheet {sheet}").format(sheet=sheet.name)


def row_place(sheet: SheetData, number: int) -> str:
    if sheet.encoding is not None:
        return _("row {number}").format(number=number)
    return _("sheet {sheet} row {number}").format(sheet=sheet.name, number=number)


def guess_kind(sheet: SheetData) -> str | None:
    """The table a sheet holds, from its headers and its name (None when it is not clear)."""
    return guess_kind_from(sheet.name, sheet.headers)


def header_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()[:MAX_HEADER_CHARACTERS]


def _header_row(rows: list[Sequence[object]]) -> int:
    """The index of the header row among the first rows: the first that names at least two columns of a table,
    else the first row that is not empty."""
    first_filled = None
    for index, row in enumerate(rows):
        if all(blank(value) for value in row):
            continue
        if first_filled is None:
            first_filled = index
        if max(header_scores([header_text(value) for value in row]).values()) >= 2:
            return index
    return first_filled if first_filled is not None else 0


def make_sheet(name: str, raw_rows: Iterable[Sequence[object]], report: ImportReport, *,
               encoding: str | None = None) -> SheetData | None:
    """The sheet's headers and data rows from its rows of cells (the first being spreadsheet row 1): empty
    rows at the end dropped (empty rows in between kept as [] so that rows[i] is row first_row_number + i),
    cells longer than Excel allows reported and emptied, more than MAX_ROWS rows or MAX_COLUMNS columns
    reported. None when the sheet holds no cells at all."""
    iterator = iter(raw_rows)
    leading = 0  # empty rows above the first cell
    first = None
    for row in iterator:
        if not all(blank(value) for value in row):
            first = row
            break
        leading += 1
        if leading > MAX_ROWS:
            break
    if first is None:
        return None
    head = [first, *islice(iterator, HEADER_SEARCH_ROWS - 1)]
    header_index = _header_row(head)
    header_cells = list(head[header_index])
    while header_cells and blank(header_cells[-1]):
        header_cells.pop()
    sheet = SheetData(name, [header_text(value) for value in header_cells[:MAX_COLUMNS]], [],
                      leading + header_index + 2, encoding)
    pending_empty = 0
    too_wide_reported = False
    for row in chain(head[header_index + 1:], iterator):
        if all(blank(value) for value in row):
            pending_empty += 1
            continue
        number = sheet.first_row_number + len(sheet.rows) + pending_empty
        if len(sheet.rows) + pending_empty >= MAX_ROWS:
            report.add(row_place(sheet, number), "", _(
                "The sheet has more than {limit:,} rows; it is not read further.").format(limit=MAX_ROWS))
            break
        sheet.rows.extend([] for _row in range(pending_empty))
        pending_empty = 0
        cells = list(row)
        if len(cells) > MAX_COLUMNS:
            if not too_wide_reported and not all(blank(value) for value in cells[MAX_COLUMNS:]):
                report.add(row_place(sheet, number), column_letter(MAX_COLUMNS),
                           _("The sheet has cells beyond column {limit}; at most {limit} columns are "
                             "read.").format(limit=MAX_COLUMNS))
                too_wide_reported = True
            del cells[MAX_COLUMNS:]
        for column, value in enumerate(cells):
            if isinstance(value, str) and len(value) > MAX_CELL_CHARACTERS:
                header = sheet.headers[column] if column < len(sheet.headers) and sheet.headers[column] else \
                    column_letter(column)
                report.add(row_place(sheet, number), header,
                           _("The cell holds {length:,} characters; a cell may hold at most "
                             "{limit:,}.").format(length=len(value), limit=MAX_CELL_CHARACTERS))
                cells[column] = None
        sheet.rows.append(cells)
    return sheet


def column_letter(index: int) -> str:
    """The spreadsheet letter of a 0-based column index (0 → A, 26 → AA)."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters
