"""CSV files: the encoding (UTF-8 with or without BOM, CP949/EUC-KR) and delimiter found deterministically,
rows read with the csv module, tables written as UTF-8 with BOM and CRLF (as Korean Excel opens them)."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from pathlib import Path

from planner.atomic_files import write_bytes_atomically
from planner.i18n import _
from planner.interchange.report import ImportReport
from planner.interchange.tabular.sheets import SheetData, make_sheet

# Line numbers named in an encoding problem, at most.
MAX_LINES_NAMED = 5
DELIMITERS = (",", ";", "\t")


def _line_list(numbers: list[int]) -> str:
    named = ", ".join(str(number) for number in numbers[:MAX_LINES_NAMED])
    return named + (_(" (and {count} more)").format(count=len(numbers) - MAX_LINES_NAMED)
                    if len(numbers) > MAX_LINES_NAMED else "")


def decode_csv(data: bytes, report: ImportReport) -> tuple[str, str] | None:
    """The file's text and its encoding ("utf-8-sig", "utf-8", "utf-16" or "cp949"): strict UTF-8 first, then
    CP949 (a superset of EUC-KR). A file mixing the two, or with bytes neither reads, is reported with its
    line numbers (None)."""
    where = _("the file")
    if data.startswith(b"PK\x03\x04"):
        report.add(where, "", _("This is a zip archive (an XLSX workbook?), not CSV text; save it as .xlsx "
                                "or export it as CSV."))
        return None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as error:
            report.add(where, "", _("The file is not valid UTF-16 text (byte {offset}).").format(
                offset=error.start))
            return None
    has_bom = data.startswith(codecs.BOM_UTF8)
    try:
        return data.decode("utf-8-sig"), "utf-8-sig" if has_bom else "utf-8"
    except UnicodeDecodeError:
        pass
    utf8_lines: list[int] = []
    cp949_lines: list[int] = []
    unreadable: list[int] = []
    for number, line in enumerate(data.split(b"\n"), start=1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8-sig" if number == 1 else "utf-8")
            utf8_lines.append(number)
            continue
        except UnicodeDecodeError:
            pass
        try:
            line.decode("cp949")
            cp949_lines.append(number)
        except UnicodeDecodeError:
            unreadable.append(number)
    if unreadable:
        report.add(where, "", _("Line(s) {lines} are neither UTF-8 nor CP949/EUC-KR text; save the file "
                                "again as CSV (UTF-8).").format(lines=_line_list(unreadable)))
    if utf8_lines and cp949_lines:
        report.add(where, "", _("The file mixes encodings: UTF-8 on line(s) {utf8}, CP949/EUC-KR on line(s) "
                                "{cp949}; save it again in one encoding (CSV UTF-8).").format(
                                    utf8=_line_list(utf8_lines), cp949=_line_list(cp949_lines)))
    if unreadable or (utf8_lines and cp949_lines):
        return None
    if has_bom:
        report.add(where, "", _("The file mixes encodings: it starts as UTF-8 (with a BOM) but line(s) "
                                "{lines} are CP949/EUC-KR; save it again in one encoding (CSV "
                                "UTF-8).").format(lines=_line_list(cp949_lines)))
        return None
    return data.decode("cp949"), "cp949"


def sniff_delimiter(text: str) -> str:
    """The delimiter of the first line that is not empty: the most frequent of , ; TAB outside quotes (a comma
    when none appears)."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for character in first:
        if character == '"':
            quoted = not quoted
        elif not quoted and character in counts:
            counts[character] += 1
    best = max(DELIMITERS, key=lambda delimiter: counts[delimiter])  # ties: the first, a comma
    return best if counts[best] else ","


def _records(text: str, delimiter: str, report: ImportReport) -> Iterator[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    number = 0
    try:
        for number, record in enumerate(reader, start=1):  # noqa: B007 - the number is named after a failure
            yield record
    except csv.Error as error:
        report.add(_("row {number}").format(number=number + 1), "",
                   _("The CSV text cannot be read from here on ({problem}): a cell is longer than {limit:,} "
                     "characters or a quotation mark is not closed.").format(problem=error,
                                                                            limit=csv.field_size_limit()))


def read_csv(data: bytes, name: str, report: ImportReport) -> list[SheetData]:
    """The one table of a CSV file ([] when it cannot be read or holds no cells; the reason in `report`)."""
    decoded = decode_csv(data, report)
    if decoded is None:
        return []
    text, encoding = decoded
    sheet = make_sheet(name, _records(text, sniff_delimiter(text), report), report, encoding=encoding)
    return [sheet] if sheet is not None else []


def render_csv(headers: list[str], rows: list[list[str]]) -> bytes:
    """A table as CSV bytes: UTF-8 with BOM, CRLF line ends, quoted where needed."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def write_csv(target: Path, headers: list[str], rows: list[list[str]]) -> None:
    write_bytes_atomically(target, render_csv(headers, rows))
