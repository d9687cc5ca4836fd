"""`cplan import SRC --into FILE`: check a file, report every problem, or import it as one command."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from planner.i18n import _

if TYPE_CHECKING:
    from planner.interchange.formats import ImportFormat
    from planner.interchange.report import ImportReport

REPORT_LINE_LIMIT = 50


def _format_for(source: Path, format_name: str | None) -> ImportFormat:
    from planner.cli import CommandLineError
    from planner.interchange.formats import IMPORT_FORMATS, SAVE_AS_HINTS, import_format_for

    spec = import_format_for(source, format_name)
    if spec is not None:
        return spec
    hint = SAVE_AS_HINTS.get(source.suffix.lower())
    if hint is not None and format_name is None:
        raise CommandLineError(f"{source}: {_(hint)}")
    formats = ", ".join(f"{', '.join(spec.suffixes)} ({_(spec.description)})" for spec in IMPORT_FORMATS.values())
    raise CommandLineError(_("{file}: cplan import cannot read '{suffix}' files; it reads {formats}. "
                             "Name the format with --format.").format(file=source, suffix=source.suffix or source.name,
                                                                       formats=formats))


def _column_names(pairs: list[str]) -> dict[str, str] | None:
    from planner.cli import CommandLineError

    if not pairs:
        return None
    names: dict[str, str] = {}
    for pair in pairs:
        header, equals, field_name = pair.rpartition("=")
        if not equals or not header.strip() or not field_name.strip():
            raise CommandLineError(_("--column: '{value}' is not HEADER=FIELD.").format(value=pair))
        names[header.strip()] = field_name.strip()
    return names


def _read_source(source: Path) -> bytes:
    from planner.cli import CommandLineError
    from planner.interchange.formats import MAX_IMPORT_BYTES as MAX_FILE_BYTES

    if not source.is_file():
        raise CommandLineError(_("{file} is not a file.").format(file=source))
    if source.stat().st_size > MAX_FILE_BYTES:
        raise CommandLineError(_("{file} is larger than {limit} MB; it is not imported.").format(
            file=source, limit=MAX_FILE_BYTES // (1024 * 1024)))
    return source.read_bytes()


def _print_report(report: ImportReport, source: Path, args: argparse.Namespace, out: TextIO, *,
                  imported: bool, changes: dict[str, tuple[int, int]] | None = None) -> None:
    """What the import found (every problem) or did; `changes`: rows added and updated by kind, when known."""
    from planner.cli import KIND_PLURALS

    if args.json:
        extra: dict[str, object] = {"source": str(source), "into": str(args.into), "imported": imported,
                                    "dry_run": args.dry_run}
        if changes is not None:
            extra["added"] = {kind: added for kind, (added, _updated) in changes.items() if added}
            extra["updated"] = {kind: updated for kind, (_added, updated) in changes.items() if updated}
        print(json.dumps(report.as_json() | extra, ensure_ascii=False, indent=2), file=out)
        return
    if not report.ok:
        print(_("{file}: not imported, {count} problem(s) found; the plan is unchanged.").format(
            file=source, count=report.problem_count), file=out)
        for line in report.lines(REPORT_LINE_LIMIT):
            print(f"  - {line}", file=out)
        return
    parts = []
    for kind, count in sorted(report.counts.items()):
        if not count:
            continue
        label = _(KIND_PLURALS.get(kind, kind))
        if changes is None:
            parts.append(f"{label} {count:,}")
            continue
        added, updated = changes.get(kind, (0, 0))
        parts.append(_("{kind}: {added} added, {updated} updated, {unchanged} unchanged").format(
            kind=label, added=f"{added:,}", updated=f"{updated:,}", unchanged=f"{max(count - added - updated, 0):,}"))
    counts = "; ".join(parts) or "-"
    total = sum(report.counts.values())
    if imported:
        message = _("Imported {file} into {plan} ({rows} rows read): {counts}.")
    else:
        message = _("{file} can be imported into {plan} ({rows} rows read): {counts}. Nothing was written "
                    "(--dry-run).")
    print(message.format(rows=f"{total:,}", file=source, plan=args.into, counts=counts), file=out)


def _command_import(args: argparse.Namespace, out: TextIO) -> int:
    from planner.cli import EXIT_BAD_INPUT, EXIT_OK, CommandLineError, opened_plan
    from planner.interchange.formats import ImportOptions

    source = Path(args.source)
    spec = _format_for(source, args.format)
    options = ImportOptions(source_name=source.name, kind=args.kind, sheet=args.sheet,
                            column_names=_column_names(args.column))
    data = _read_source(source)
    with opened_plan(args.into, read_only=args.dry_run) as document:
        if not args.dry_run and document.read_only:
            raise CommandLineError(_("{file}: {reason}").format(file=document.path, reason=document.read_only_reason))
        with document.session() as session:
            command, report = spec.read(data, session, options)
            summary = getattr(command, "summary", None)  # rows added and updated, for imports into the plan
            changes = summary(session) if command is not None and report.ok and summary is not None else None
        if command is None or not report.ok:
            _print_report(report, source, args, out, imported=False)
            return EXIT_BAD_INPUT
        if not args.dry_run:
            document.apply(command)
            document.save()
    _print_report(report, source, args, out, imported=not args.dry_run, changes=changes)
    return EXIT_OK


def register(commands: argparse._SubParsersAction, language_option: argparse.ArgumentParser) -> None:
    """Add `cplan import SRC --into FILE [--format F] [--kind T] [--sheet S] [--column H=F] [--dry-run] [--json]`."""
    from planner.interchange.formats import IMPORT_FORMATS

    command = commands.add_parser(
        "import", parents=[language_option], help=_("import a file into a plan, after checking all of it"),
        description=_("Check the file and, when it has no problems, import it into the plan as one change. Exit "
                      "status: 0 when imported (or importable, with --dry-run), 2 when the file is refused (every "
                      "problem is listed; the plan is unchanged) or on bad input."))
    command.add_argument("source", metavar="SRC", help=_("the file to import"))
    command.add_argument("--into", required=True, metavar="FILE", help=_("the plan file to import into"))
    command.add_argument("--format", choices=sorted(IMPORT_FORMATS), default=None,
                         help=_("the format of SRC (default: from its suffix)"))
    command.add_argument("--kind", default=None, metavar="TABLE",
                         help=_("for .csv/.xlsx: the table the rows are (initiatives, stakeholders, relations, "
                                "budget_lines, kpis, roles; default: recognised from the headers)"))
    command.add_argument("--sheet", default=None, metavar="NAME", help=_("for .xlsx: read only this sheet"))
    command.add_argument("--column", action="append", default=[], metavar="HEADER=FIELD",
                         help=_("for .csv/.xlsx: read the column HEADER as FIELD (repeatable; "
                                "others by their recognised headers)"))
    command.add_argument("--dry-run", action="store_true", help=_("check and count only; write nothing"))
    command.add_argument("--json", action="store_true", help=_("print JSON (keys in English)"))
    command.set_defaults(handler=_command_import)
