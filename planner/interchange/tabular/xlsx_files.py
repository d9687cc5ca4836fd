"""XLSX workbooks: the zip directory checked before anything is loaded (size, ratio, entries), sheets read
with openpyxl in read-only mode (formulas never evaluated), tables written as one sheet each."""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from planner.atomic_files import replace_atomically
from planner.i18n import _
from planner.interchange.report import ImportReport
from planner.interchange.tabular.sheets import MAX_COLUMNS, SheetData, column_letter, make_sheet

# The zip directory of a workbook is refused beyond these (an XLSX of 0.9 MB can hold 40 MB of XML).
MAX_TOTAL_UNCOMPRESSED = 200 * 1024 * 1024
MAX_ENTRIES = 10_000
MAX_RATIO = 100  # uncompressed : compressed, for entries larger than RATIO_CHECKED_ABOVE
RATIO_CHECKED_ABOVE = 5 * 1024 * 1024
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and encrypted .xlsx
# OOXML writes characters XML cannot hold (and a literal "_xHHHH_") as _xHHHH_ escapes.
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")
_NEEDS_ESCAPE = re.compile(r"[\x00-\x08\x0b-\x1f\ufffe\uffff]")


def escape_text(text: str) -> str:
    """Text as an XLSX string cell holds it: _xHHHH_ for the characters XML cannot carry (and for CR, which
    XML turns into LF), _x005F_ before a literal _xHHHH_."""
    if "_x" in text:
        text = _ESCAPED.sub(lambda match: "_x005F_" + match.group(0)[1:], text)
    if _NEEDS_ESCAPE.search(text):
        text = _NEEDS_ESCAPE.sub(lambda match: f"_x{ord(match.group(0)):04X}_", text)
    return text


def _unescape_match(match: re.Match[str]) -> str:
    code = int(match.group(1), 16)
    return match.group(0) if 0xD800 <= code <= 0xDFFF else chr(code)


def unescape_text(text: str) -> str:
    """A string cell's text with its _xHHHH_ escapes undone (as Excel shows it)."""
    return _ESCAPED.sub(_unescape_match, text) if "_x" in text else text


def _not_a_workbook(data: bytes) -> str:
    if data.startswith(_OLE_SIGNATURE):
        return _("This is an old-style .xls workbook or a password-protected one; save it as an .xlsx "
                 "workbook without a password.")
    head = data[:2048]
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = head.decode("cp949")
        except UnicodeDecodeError:
            text = ""
    first_line = text.split("\n", 1)[0]
    if first_line and "\x00" not in text and any(delimiter in first_line for delimiter in ",;\t"):
        return _("This is not an XLSX workbook but text (a CSV file renamed .xlsx?); name it .csv.")
    return _("This is not an XLSX workbook (it is not a zip archive).")


def check_workbook_zip(data: bytes, report: ImportReport) -> bool:
    """Whether the bytes are a zip archive that may be opened as a workbook: entries, total size and
    compression ratio within limits, nothing encrypted, a workbook part present. Every refusal goes into
    `report`."""
    where = _("the file")
    if not data.startswith(b"PK"):
        report.add(where, "", _not_a_workbook(data))
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError,
            NotImplementedError) as error:
        report.add(where, "", _("The workbook's zip archive is damaged: {problem}.").format(problem=error))
        return False
    sound = True
    if len(entries) > MAX_ENTRIES:
        report.add(where, "", _("The workbook holds {count:,} parts; at most {limit:,} are read.").format(
            count=len(entries), limit=MAX_ENTRIES))
        return False
    total = sum(entry.file_size for entry in entries)
    if total > MAX_TOTAL_UNCOMPRESSED:
        report.add(where, "", _(
            "The workbook would unpack to {size:,} MB; at most {limit:,} MB are read.").format(
                size=total // (1024 * 1024), limit=MAX_TOTAL_UNCOMPRESSED // (1024 * 1024)))
        sound = False
    for entry in entries:
        if entry.flag_bits & 0x1:
            report.add(where, entry.filename,
                       _("The part is encrypted; save the workbook without a password."))
            sound = False
        elif entry.file_size > RATIO_CHECKED_ABOVE and \
                entry.file_size > MAX_RATIO * max(entry.compress_size, 1):
            report.add(where, entry.filename, _("The part unpacks to {size:,} MB from {packed:,} bytes (more "
                                                "than {ratio}:1); it is refused as a zip bomb.").format(
                size=entry.file_size // (1024 * 1024), packed=entry.compress_size, ratio=MAX_RATIO))
            sound = False
    if sound and not any(entry.filename.lower() in ("xl/workbook.xml", "xl/workbook.bin")
                         for entry in entries):
        report.add(where, "", _("The zip archive holds no Excel workbook (xl/workbook.xml is missing)."))
        sound = False
    return sound


def _read_error(error: BaseException) -> str:
    """What a workbook openpyxl could not read has wrong: XML entities and DTDs (refused by defusedxml)
    named as such, any other error as openpyxl says it."""
    from defusedxml import DefusedXmlException

    cause: BaseException | None = error
    while cause is not None and not isinstance(cause, DefusedXmlException):
        cause = cause.__cause__ or cause.__context__
    if cause is not None:
        return _("The workbook's XML declares entities or a DTD ({problem}); such files are refused.").format(
            problem=cause)
    return _("The workbook cannot be read: {problem}.").format(problem=str(error) or type(error).__name__)


def _cell_value(value: Any) -> Any:
    if isinstance(value, str):
        return unescape_text(value)
    return value


def _sheet_rows(worksheet: Any, report: ImportReport, sheet_name: str) -> Iterator[Sequence[object]]:
    try:
        for row in worksheet.iter_rows(values_only=True):
            if len(row) > MAX_COLUMNS + 1:
                row = row[:MAX_COLUMNS + 1]  # one more than read, so that make_sheet reports the width
            yield [_cell_value(value) for value in row]
    except Exception as error:  # a damaged sheet: openpyxl raises many kinds of errors
        report.add(_("sheet {sheet}").format(sheet=sheet_name), "", _read_error(error))


def read_xlsx(data: bytes, report: ImportReport, only_sheet: str | None = None) -> list[SheetData]:
    """The sheets of a workbook that hold cells (only `only_sheet` when given), each as read; [] with the
    reasons in `report` when the file is refused."""
    if not check_workbook_zip(data, report):
        return []
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
    except Exception as error:  # openpyxl raises many kinds of errors for damaged parts
        report.add(_("the file"), "", _read_error(error))
        return []
    sheets: list[SheetData] = []
    try:
        names = [worksheet.title for worksheet in workbook.worksheets]
        if only_sheet is not None and only_sheet not in names:
            report.add(_("the file"), "", _("The workbook has no sheet named '{sheet}'; its sheets are: "
                                            "{sheets}.").format(sheet=only_sheet, sheets=", ".join(names)))
            return []
        for worksheet in workbook.worksheets:
            if only_sheet is not None and worksheet.title != only_sheet:
                continue
            if hasattr(worksheet, "reset_dimensions"):
                worksheet.reset_dimensions()  # a wrong <dimension> must not cut rows off
            sheet = make_sheet(worksheet.title, _sheet_rows(worksheet, report, worksheet.title), report)
            if sheet is not None:
                sheets.append(sheet)
    finally:
        workbook.close()
    return sheets


# -- writing ----------------------------------------------------------------------------------------------


@dataclass
class SheetOut:
    """A table as a sheet: its title, headers, the format of each column and its rows of cell values (str,
    int, float, datetime for months, None)."""

    title: str
    headers: list[str]
    formats: list[str]  # per column: "" or a number format (months)
    rows: list[list[Any]]
    hidden: frozenset[int] = frozenset()  # columns hidden (the row ids)


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(character) in "WF" else 1 for character in text)


def column_widths(sheet: SheetOut, sample: int = 200) -> list[float]:
    """Sensible widths: the widest of the header and the first rows' cells (first line only), 8 to 50."""
    widths: list[float] = []
    for index, header in enumerate(sheet.headers):
        widest = _display_width(header) + 2
        for row in sheet.rows[:sample]:
            value = row[index]
            if value is None:
                continue
            if isinstance(value, str):
                text = value.split("\n", 1)[0]
            else:
                text = "2027. 12." if isinstance(value, datetime) else str(value)
            widest = max(widest, _display_width(text[:60]) + 1)
        widths.append(float(min(max(widest, 8), 50)))
    return widths


def write_xlsx(target: Path, sheets: Iterable[SheetOut]) -> None:
    """Write the sheets as one workbook, atomically: headers bold and frozen, widths sensible, months as
    dates.

    Written in openpyxl's write-only mode (no cell objects kept), with each sheet's size declared as Excel
    declares it: without a <dimension>, openpyxl's reader parses a whole sheet once just to size it."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    bold = Font(bold=True)
    for table in sheets:
        worksheet = workbook.create_sheet(title=table.title)
        worksheet.freeze_panes = "A2"
        for index, width in enumerate(column_widths(table)):
            dimension = worksheet.column_dimensions[column_letter(index)]
            dimension.width = width
            dimension.hidden = index in table.hidden
        size = f"A1:{column_letter(max(len(table.headers), 1) - 1)}{len(table.rows) + 1}"
        worksheet.calculate_dimension = lambda size=size: size  # what the writer asks for its <dimension>
        header_cells = []
        for header in table.headers:
            cell = WriteOnlyCell(worksheet, value=header)
            cell.font = bold
            header_cells.append(cell)
        worksheet.append(header_cells)
        formatted = [(index, number_format) for index, number_format in enumerate(table.formats)
                     if number_format]
        for row in table.rows:
            if formatted:
                row = list(row)
                for index, number_format in formatted:
                    if row[index] is not None:
                        cell = WriteOnlyCell(worksheet, value=row[index])
                        cell.number_format = number_format
                        row[index] = cell
            worksheet.append(row)

    def write(path: Path) -> None:
        workbook.save(path)

    replace_atomically(target, write)
