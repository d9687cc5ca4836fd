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


IMPORT_FORMATS: dict[str, ImportFormat] = {
    "json": ImportFormat("json", N_("complete plan as JSON"), (".json",), _import_json, replaces_plan=True),
}

EXPORT_FORMATS: dict[str, ExportFormat] = {
    "json": ExportFormat("json", N_("complete plan as JSON"), ".json", _export_json),
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
