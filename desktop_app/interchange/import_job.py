"""What the import dialog asks the worker thread to do: read a file once, then check it against the plan."""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from planner.commands.base import Command, CompositeCommand
from planner.errors import PlannerError
from planner.i18n import _
from planner.interchange.formats import MAX_IMPORT_BYTES, ImportFormat, ImportOptions
from planner.interchange.report import ImportReport

if TYPE_CHECKING:
    from planner.interchange.tabular import SheetData

log = logging.getLogger(__name__)

PREVIEW_ROWS = 20


def the_file() -> str:
    """How a problem with the whole file is placed (the report's `where`)."""
    return _("the file")


@dataclass
class SheetChoice:
    """What the user chose for one sheet of a tabular file: its table (None: skip it) and column mapping."""

    sheet: SheetData
    kind: str | None
    columns: dict[int, str] = field(default_factory=dict)  # column index (0-based) → field name


@dataclass
class CheckResult:
    """The verdict on a file: the command to execute (None when refused) and every problem found."""

    command: Command | None
    report: ImportReport
    added_updated: dict[str, tuple[int, int]] = field(default_factory=dict)  # row kind → (added, updated)
    replaces_plan: bool = False
    file_rows: Counter[str] = field(default_factory=Counter)  # replaces_plan: rows in the file, by kind
    plan_rows: Counter[str] = field(default_factory=Counter)  # replaces_plan: rows in the plan now, by kind

    @property
    def ok(self) -> bool:
        return self.command is not None and self.report.ok


@dataclass
class ReadResult:
    """A file read once: the sheets of a tabular file (mapped in the dialog), else the importer's verdict."""

    report: ImportReport
    sheets: list[SheetData] = field(default_factory=list)
    guessed: list[SheetChoice] = field(default_factory=list)  # tabular: a choice per sheet, pre-filled
    checked: CheckResult | None = None  # other formats: read and checked in one go


def labelled(command: Command | None, label: str) -> Command | None:
    """The command under the label the Undo menu shows (one undo step, whatever it holds)."""
    if command is None:
        return None
    return CompositeCommand(label, [command])


def import_label(source: Path) -> str:
    return _("Import {file}").format(file=source.name)


def read_source_bytes(path: Path, report: ImportReport) -> bytes | None:
    """The file's bytes, or None with the reason in the report (missing, unreadable, too big)."""
    try:
        size = path.stat().st_size
        if size > MAX_IMPORT_BYTES:
            report.add(the_file(), "", _("is larger than {limit} MB; it is not imported.").format(
                limit=MAX_IMPORT_BYTES // (1024 * 1024)))
            return None
        with path.open("rb") as handle:
            data = handle.read(MAX_IMPORT_BYTES + 1)
    except OSError as error:
        report.add(the_file(), "", _("cannot be read: {reason}").format(reason=error.strerror or str(error)))
        return None
    if len(data) > MAX_IMPORT_BYTES:  # it grew while being read
        report.add(the_file(), "", _("is larger than {limit} MB; it is not imported.").format(
            limit=MAX_IMPORT_BYTES // (1024 * 1024)))
        return None
    return data


def internal_problem(report: ImportReport, error: BaseException) -> None:
    """An importer that raised instead of reporting: one problem in words (and the traceback in the log)."""
    if isinstance(error, PlannerError):
        report.add(the_file(), "", str(error))
        return
    log.error("Import failed", exc_info=error)
    report.add(the_file(), "", _("could not be read because of an internal error: {reason}").format(
        reason=f"{type(error).__name__}: {error}"))


def _rows_by_kind(session: Session) -> Counter[str]:
    from planner.commands.rows import table_of
    from planner.model import ENTITY_CLASSES

    counts: Counter[str] = Counter()
    for kind in ENTITY_CLASSES:
        table = table_of(kind)
        counts[kind] = session.execute(select(func.count()).select_from(table)).scalar_one()
    return +counts


def verdict(session: Session, command: Command | None, report: ImportReport, spec: ImportFormat,
            label: str) -> CheckResult:
    """The result of an importer's read: counts for the summary, the command under the import's label."""
    if command is None or not report.ok:
        if command is None and report.ok:
            report.add(the_file(), "", _("holds nothing to import."))
        return CheckResult(None, report)
    if spec.replaces_plan or not hasattr(command, "summary"):
        tables = getattr(command, "tables", None)
        file_rows = Counter({kind: len(rows) for kind, rows in tables.items() if rows}) if tables else +report.counts
        return CheckResult(labelled(command, label), report, replaces_plan=spec.replaces_plan,
                           file_rows=file_rows, plan_rows=_rows_by_kind(session))
    summary = command.summary(session)  # type: ignore[attr-defined]
    return CheckResult(labelled(command, label), report, added_updated=dict(summary))


def read_import(session: Session, path: Path, spec: ImportFormat) -> ReadResult:
    """Run in the worker: read the file once; a tabular file gives its sheets (with guesses for the mapping
    step), any other is read and checked by its importer. Never raises: every problem is in the report."""
    report = ImportReport()
    data = read_source_bytes(path, report)
    if data is None:
        return ReadResult(report, checked=CheckResult(None, report))
    try:
        if spec.tabular:
            return _read_sheets(data, path, report)
        command, report = spec.read(data, session, ImportOptions(source_name=path.name))
        return ReadResult(report, checked=verdict(session, command, report, spec, import_label(path)))
    except Exception as error:  # a bug in an importer: the dialog shows it as a problem, the plan is untouched
        internal_problem(report, error)
        return ReadResult(report, checked=CheckResult(None, report))


def _read_sheets(data: bytes, path: Path, report: ImportReport) -> ReadResult:
    from planner.interchange import tabular

    sheets = list(tabular.read_sheets(data, path.suffix.lower(), report, name=path.name))
    if not sheets and report.ok:
        report.add(the_file(), "", _("holds no table to import."))
    guessed = []
    for sheet in sheets:
        kind = tabular.guess_kind(sheet)
        columns = dict(tabular.guess_columns(kind, sheet.headers)) if kind else {}
        guessed.append(SheetChoice(sheet, kind, columns))
    if len(guessed) == 1 and guessed[0].kind is None:  # one table: the user need not first say to use it
        guessed[0].kind = next(iter(tabular.TABLE_KINDS))
        guessed[0].columns = dict(tabular.guess_columns(guessed[0].kind, guessed[0].sheet.headers))
    return ReadResult(report, sheets=sheets, guessed=guessed, checked=None if report.ok else CheckResult(None, report))


def check_tabular(session: Session, choices: list[SheetChoice], label: str) -> CheckResult:
    """Run in the worker: one command importing every chosen sheet (parents first, so a budget sheet may name
    the initiatives another sheet adds), or every problem of every sheet."""
    from planner.interchange.tabular.importing import build_import_of

    report = ImportReport()
    parts = [(choice.kind, choice.sheet, dict(choice.columns)) for choice in choices if choice.kind]
    if not parts:
        report.add(the_file(), "", _("no sheet is chosen for import."))
        return CheckResult(None, report)
    try:
        command = build_import_of(session, parts, report, label)
    except Exception as error:  # a bug in the reader: a problem in words, the plan untouched
        internal_problem(report, error)
        return CheckResult(None, report)
    if command is None or not report.ok:
        if report.ok:
            report.add(the_file(), "", _("holds nothing to import."))
        return CheckResult(None, report)
    return CheckResult(command, report, added_updated=dict(command.summary(session)))
