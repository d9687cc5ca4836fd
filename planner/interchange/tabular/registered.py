"""The CSV and XLSX entries of the format registry: reading a file into one import command, writing tables."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from planner.commands.base import Command
from planner.i18n import _
from planner.interchange.formats import ExportOptions, ImportOptions
from planner.interchange.report import ImportReport
from planner.interchange.tabular.exporting import (
    SCHEDULE_KIND,
    write_schedule_csv,
    write_table_csv,
    write_workbook_xlsx,
)
from planner.interchange.tabular.importing import build_import_of, columns_with_names, read_sheets
from planner.interchange.tabular.sheets import SheetData, guess_kind, sheet_place
from planner.interchange.tabular.tables import TABLE_KINDS, guess_columns


def _kinds_named() -> str:
    return ", ".join(TABLE_KINDS)


def _sheets_to_import(sheets: list[SheetData], options: ImportOptions, report: ImportReport
                      ) -> list[tuple[str, SheetData]]:
    """Each sheet with the table it holds: the one named by options.kind, else the one its name and headers
    show; a sheet whose table is not clear is reported, not guessed."""
    if options.kind is not None and options.kind not in TABLE_KINDS:
        report.add(_("the file"), "", _("'{kind}' is not a table; choose one of: {kinds}.").format(
            kind=options.kind, kinds=_kinds_named()))
        return []
    chosen: list[tuple[str, SheetData]] = []
    guesses = [(sheet, guess_kind(sheet)) for sheet in sheets]
    if options.kind is not None:
        if len(sheets) == 1:
            return [(options.kind, sheets[0])]
        chosen = [(options.kind, sheet) for sheet, kind in guesses if kind == options.kind]
        if not chosen:
            report.add(_("the file"), "", _(
                "No sheet holds {table}; name the sheet to read (--sheet).").format(table=options.kind))
        return chosen
    for sheet, kind in guesses:
        if kind is None:
            where = sheet_place(sheet)
            headers = ", ".join(header for header in sheet.headers[:8] if header) or "-"
            report.add(where, "", _("Which table this holds is not clear from its name and headers "
                                    "({headers}); name the table ({kinds}).").format(
                headers=headers, kinds=_kinds_named()))
        else:
            chosen.append((kind, sheet))
    return chosen


def import_tabular(data: bytes, suffix: str, session: Session, options: ImportOptions
                   ) -> tuple[Command | None, ImportReport]:
    """Read a CSV file or an XLSX workbook into one command adding and updating the rows of its tables (None
    with every problem in the report when anything is wrong; the plan is never changed here)."""
    report = ImportReport()
    sheets = read_sheets(data, suffix, report, name=options.source_name, only_sheet=options.sheet)
    if not sheets:
        if report.ok:
            report.add(_("the file"), "", _("holds no rows to import."))
        return None, report
    parts: list[tuple[str, SheetData, dict[int, str]]] = []
    for kind, sheet in _sheets_to_import(sheets, options, report):
        if options.columns is not None:
            columns = dict(options.columns)
        else:
            columns = guess_columns(kind, sheet.headers)
            if options.column_names:
                columns = columns_with_names(kind, sheet, columns, options.column_names, report)
        parts.append((kind, sheet, columns))
    if not parts:
        return None, report
    label = _("Import {file}").format(file=options.source_name or suffix.lstrip(".").upper())
    return build_import_of(session, parts, report, label), report


def export_tabular(session: Session, target: Path, suffix: str, options: ExportOptions) -> str:
    """Write one table as CSV (options.kind, default initiatives; `schedule`: the computed schedule) or every
    table as one XLSX workbook."""
    if suffix == ".csv" and options.kind == SCHEDULE_KIND:
        count = write_schedule_csv(session, target, options.language)
        return _("Wrote {count} rows of {table} to {file}.").format(count=count, table=_("Schedule"), file=target)
    if suffix == ".csv":
        kind = options.kind or "initiatives"
        count = write_table_csv(session, kind, target, options.language)
        return _("Wrote {count} rows of {table} to {file}.").format(
            count=count, table=_(TABLE_KINDS[kind].label), file=target)
    counts = write_workbook_xlsx(session, target, options.language)
    listed = ", ".join(f"{_(TABLE_KINDS[name].label)} {count}" for name, count in counts.items())
    return _("Wrote {file}: {counts} rows.").format(file=target, counts=listed)
