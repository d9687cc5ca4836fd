"""The file formats a plan is imported from and exported to: one registry for the CLI and the app."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from planner.i18n import N_

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from planner.commands.base import Command
    from planner.interchange.report import ImportReport

# Files larger than this are refused before they are read.
MAX_IMPORT_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True)
class ImportOptions:
    """What the user said about a file beyond its bytes."""

    source_name: str = ""  # the file's name, for messages and the command's label
    kind: str | None = None  # tabular files: which table (see tabular.TABLE_KINDS); None: from headers/sheet names
    columns: dict[int, str] | None = None  # tabular files: column index (0-based) → field name (the app's mapping)
    column_names: dict[str, str] | None = None  # tabular files: header → field name (cplan import --column)
    sheet: str | None = None  # XLSX: the one sheet to read; None: every sheet whose table is recognised


@dataclass(frozen=True)
class ExportOptions:
    """What the user chose for an export."""

    language: str = "ko"  # headers, labels and month names
    kind: str | None = None  # CSV: which table (see tabular.TABLE_KINDS); None: initiatives


# An importer reads a file's bytes against the open plan: the command to apply (None when refused) and the
# report of every problem (and the rows found, by kind). It never changes the plan itself.
Importer = Callable[["bytes", "Session", ImportOptions], "tuple[Command | None, ImportReport]"]
# An exporter writes the open plan to a file (atomically) and returns one line saying what it wrote.
Exporter = Callable[["Session", Path, ExportOptions], str]


@dataclass(frozen=True)
class ImportFormat:
    name: str  # for --format
    description: str  # English source; shown through _()
    suffixes: tuple[str, ...]
    read: Importer
    replaces_plan: bool = False  # True: the file is a whole plan and replaces the open one
    tabular: bool = False  # True: the app offers the column-mapping step


@dataclass(frozen=True)
class ExportFormat:
    name: str
    description: str  # English source; shown through _()
    suffix: str
    write: Exporter
    kinds: tuple[str, ...] = field(default_factory=tuple)  # tables the user may choose (CSV)


def _import_json(data: bytes, session: Session, options: ImportOptions) -> tuple[Command | None, ImportReport]:
    from planner.interchange.importing import import_plan_json_command
    from planner.interchange.plan_json import read_plan_json

    tables, report = read_plan_json(data)
    if not report.ok:
        return None, report
    return import_plan_json_command(session, tables, mode="replace"), report


def _export_json(session: Session, target: Path, options: ExportOptions) -> str:
    from planner.interchange.export_json import write_plan_json_summary

    return write_plan_json_summary(session, target)


def _import_graphml(data: bytes, session: Session, options: ImportOptions) -> tuple[Command | None, ImportReport]:
    from planner.interchange.graphml import read_graphml

    return read_graphml(data, session, options)


def _export_graphml(session: Session, target: Path, options: ExportOptions) -> str:
    from planner.interchange.graphml import write_graphml

    return write_graphml(session, target, options)


def _export_ics(session: Session, target: Path, options: ExportOptions) -> str:
    from planner.interchange.calendar_export import write_calendar

    return write_calendar(session, target, options)


def _export_tjp(session: Session, target: Path, options: ExportOptions) -> str:
    from planner.interchange.tjp_export import write_tjp

    return write_tjp(session, target, options)


def _import_mspdi(data: bytes, session: Session, options: ImportOptions) -> tuple[Command | None, ImportReport]:
    from planner.interchange.mspdi import read_mspdi

    return read_mspdi(data, session, options)


def _export_mspdi(session: Session, target: Path, options: ExportOptions) -> str:
    from planner.interchange.mspdi import write_mspdi

    return write_mspdi(session, target, options)


def _import_gan(data: bytes, session: Session, options: ImportOptions) -> tuple[Command | None, ImportReport]:
    from planner.interchange.gantt_project import read_gan

    return read_gan(data, session, options)


def _export_gan(session: Session, target: Path, options: ExportOptions) -> str:
    from planner.interchange.gantt_project import write_gan

    return write_gan(session, target, options)


def _import_table(suffix: str) -> Importer:
    def read(data: bytes, session: Session, options: ImportOptions) -> tuple[Command | None, ImportReport]:
        from planner.interchange.tabular.registered import import_tabular

        return import_tabular(data, suffix, session, options)

    return read


def _export_table(suffix: str) -> Exporter:
    def write(session: Session, target: Path, options: ExportOptions) -> str:
        from planner.interchange.tabular.registered import export_tabular

        return export_tabular(session, target, suffix, options)

    return write


# The keys of planner.interchange.tabular.TABLE_KINDS (not imported here: it loads the model; a test compares).
TABLE_KIND_NAMES = ("initiatives", "stakeholders", "relations", "budget_lines", "kpis", "roles")

IMPORT_FORMATS: dict[str, ImportFormat] = {
    "json": ImportFormat("json", N_("complete plan as JSON"), (".json",), _import_json, replaces_plan=True),
    "graphml": ImportFormat("graphml", N_("stakeholder network (GraphML: Gephi, yEd)"), (".graphml",), _import_graphml),
    "mspdi": ImportFormat("mspdi", N_("schedule as Microsoft Project XML (MS Project, ProjectLibre)"), (".xml",),
                          _import_mspdi),
    "gan": ImportFormat("gan", N_("schedule as a GanttProject file (.gan)"), (".gan",), _import_gan),
    "csv": ImportFormat("csv", N_("one table as CSV (initiatives, stakeholders, relations, budget, KPIs, roles)"),
                        (".csv",), _import_table(".csv"), tabular=True),
    "xlsx": ImportFormat("xlsx", N_("tables as an Excel workbook (.xlsx), one sheet each"), (".xlsx",),
                         _import_table(".xlsx"), tabular=True),
}

EXPORT_FORMATS: dict[str, ExportFormat] = {
    "json": ExportFormat("json", N_("complete plan as JSON"), ".json", _export_json),
    "graphml": ExportFormat("graphml", N_("stakeholder network (GraphML: Gephi, yEd)"), ".graphml", _export_graphml),
    "ics": ExportFormat("ics", N_("initiatives and milestones as a calendar (iCalendar)"), ".ics", _export_ics),
    "tjp": ExportFormat("tjp", N_("schedule model for TaskJuggler (.tjp)"), ".tjp", _export_tjp),
    "mspdi": ExportFormat("mspdi", N_("schedule as Microsoft Project XML (MS Project, ProjectLibre)"), ".xml",
                          _export_mspdi),
    "gan": ExportFormat("gan", N_("schedule as a GanttProject file (.gan)"), ".gan", _export_gan),
    "csv": ExportFormat("csv", N_("one table as CSV (initiatives, stakeholders, relations, budget, KPIs, roles, "
                                  "schedule)"),
                        ".csv", _export_table(".csv"), kinds=(*TABLE_KIND_NAMES, "schedule")),
    "xlsx": ExportFormat("xlsx", N_("tables as an Excel workbook (.xlsx), one sheet each"), ".xlsx",
                         _export_table(".xlsx")),
}


# Files people often have that no format reads, and what to do instead (English source; shown through _()).
SAVE_AS_HINTS: dict[str, str] = {
    ".mpp": N_("MS Project's own .mpp files are not read: in MS Project choose File ▸ Save As ▸ XML Format (*.xml) "
               "and import that file."),
    ".xls": N_("Excel 97–2003 .xls files are not read: open the file in Excel and save it as an Excel Workbook "
               "(*.xlsx), or as CSV."),
    ".hwp": N_("Hangul documents are not read: copy the table into Excel and save it as *.xlsx or CSV."),
    ".hwpx": N_("Hangul documents are not read: copy the table into Excel and save it as *.xlsx or CSV."),
}


def import_format_for(path: Path | str, format_name: str | None = None) -> ImportFormat | None:
    """The format named, else the one that reads files with this suffix; None when no format does."""
    if format_name is not None:
        return IMPORT_FORMATS.get(format_name)
    suffix = Path(path).suffix.lower()
    return next((spec for spec in IMPORT_FORMATS.values() if suffix in spec.suffixes), None)


def export_format_for(path: Path | str) -> ExportFormat | None:
    suffix = Path(path).suffix.lower()
    return next((spec for spec in EXPORT_FORMATS.values() if spec.suffix == suffix), None)
