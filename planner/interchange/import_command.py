"""`cplan import SRC --into FILE`: check a file, report every problem, or import it as one command."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from planner.i18n import N_, _

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from planner.commands.base import Command
    from planner.interchange.report import ImportReport

# An importer reads a file's bytes against the open plan: the command to apply (None when refused) and the report.
Importer = Callable[[bytes, "Session"], "tuple[Command | None, ImportReport]"]
REPORT_LINE_LIMIT = 50


def import_plan_json(data: bytes, session: Session) -> tuple[Command | None, ImportReport]:
    """The complete plan from JSON, replacing the open plan."""
    from planner.interchange.importing import import_plan_json_command
    from planner.interchange.plan_json import read_plan_json

    tables, report = read_plan_json(data)
    if not report.ok:
        return None, report
    return import_plan_json_command(session, tables, mode="replace"), report


# The formats `cplan import` reads, by name (--format) and the source's suffix.
IMPORTERS: dict[str, tuple[str, tuple[str, ...], Importer]] = {
    "json": (N_("complete plan as JSON"), (".json",), import_plan_json),
}


def _importer_for(source: Path, format_name: str | None) -> Importer:
    from planner.cli import CommandLineError

    if format_name is not None:
        return IMPORTERS[format_name][2]
    suffix = source.suffix.lower()
    for _description, suffixes, importer in IMPORTERS.values():
        if suffix in suffixes:
            return importer
    formats = ", ".join(f"{', '.join(suffixes)} ({_(description)})" for description, suffixes, _i in IMPORTERS.values())
    raise CommandLineError(_("{file}: cplan import cannot read '{suffix}' files; it reads {formats}. "
                             "Name the format with --format.").format(file=source, suffix=suffix or source.name,
                                                                       formats=formats))


def _read_source(source: Path) -> bytes:
    from planner.cli import CommandLineError
    from planner.interchange.plan_json import MAX_FILE_BYTES

    if not source.is_file():
        raise CommandLineError(_("{file} is not a file.").format(file=source))
    if source.stat().st_size > MAX_FILE_BYTES:
        raise CommandLineError(_("{file} is larger than {limit} MB; it is not imported.").format(
            file=source, limit=MAX_FILE_BYTES // (1024 * 1024)))
    return source.read_bytes()


def _print_report(report: ImportReport, source: Path, args: argparse.Namespace, out: TextIO, *,
                  imported: bool) -> None:
    if args.json:
        print(json.dumps(report.as_json() | {"source": str(source), "into": str(args.into), "imported": imported,
                                             "dry_run": args.dry_run}, ensure_ascii=False, indent=2), file=out)
        return
    if not report.ok:
        print(_("{file}: not imported, {count} problem(s) found; the plan is unchanged.").format(
            file=source, count=report.problem_count), file=out)
        for line in report.lines(REPORT_LINE_LIMIT):
            print(f"  - {line}", file=out)
        return
    counts = ", ".join(f"{kind} {count}" for kind, count in sorted(report.counts.items()) if count)
    total = sum(report.counts.values())
    if imported:
        message = _("Imported {rows} rows from {file} into {plan}: {counts}.")
    else:
        message = _("{file} can be imported into {plan} ({rows} rows: {counts}); nothing was written (--dry-run).")
    print(message.format(rows=total, file=source, plan=args.into, counts=counts or "-"), file=out)


def _command_import(args: argparse.Namespace, out: TextIO) -> int:
    from planner.cli import EXIT_BAD_INPUT, EXIT_OK, CommandLineError, opened_plan

    source = Path(args.source)
    importer = _importer_for(source, args.format)
    data = _read_source(source)
    with opened_plan(args.into, read_only=args.dry_run) as document:
        if not args.dry_run and document.read_only:
            raise CommandLineError(_("{file}: {reason}").format(file=document.path, reason=document.read_only_reason))
        with document.session() as session:
            command, report = importer(data, session)
        if command is None or not report.ok:
            _print_report(report, source, args, out, imported=False)
            return EXIT_BAD_INPUT
        if not args.dry_run:
            document.apply(command)
            document.save()
    _print_report(report, source, args, out, imported=not args.dry_run)
    return EXIT_OK


def register(commands: argparse._SubParsersAction, language_option: argparse.ArgumentParser) -> None:
    """Add `cplan import SRC --into FILE [--format F] [--dry-run] [--json]`."""
    command = commands.add_parser(
        "import", parents=[language_option], help=_("import a file into a plan, after checking all of it"),
        description=_("Check the file and, when it has no problems, import it into the plan as one change. Exit "
                      "status: 0 when imported (or importable, with --dry-run), 2 when the file is refused (every "
                      "problem is listed; the plan is unchanged) or on bad input."))
    command.add_argument("source", metavar="SRC", help=_("the file to import"))
    command.add_argument("--into", required=True, metavar="FILE", help=_("the plan file to import into"))
    command.add_argument("--format", choices=sorted(IMPORTERS), default=None,
                         help=_("the format of SRC (default: from its suffix)"))
    command.add_argument("--dry-run", action="store_true", help=_("check and count only; write nothing"))
    command.add_argument("--json", action="store_true", help=_("print JSON (keys in English)"))
    command.set_defaults(handler=_command_import)
