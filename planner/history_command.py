"""`cplan history FILE|URL`: who changed what in a plan, and when, newest first (filters as in the app's History view)."""

from __future__ import annotations

import argparse
import contextlib
import json
from collections.abc import Callable, Iterator
from datetime import date
from typing import TYPE_CHECKING, Any, TextIO

from planner.i18n import _

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

DETAIL_ROWS_SHOWN = 20  # rows listed per entry with --details before "and n more"
DETAIL_FIELDS_SHOWN = 12  # fields listed per row with --details before "and n more"


def _day(text: str) -> date:
    from planner.model.attributes import parse_date

    try:
        return parse_date(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("'{value}' is not a date such as 2026-09-10.").format(value=text)) from None


def _kind(text: str) -> str:
    from planner.history import FILTER_KINDS
    from planner.model import ENTITY_CLASSES

    if text in ENTITY_CLASSES and text != "change_log":
        return text
    raise argparse.ArgumentTypeError(_("'{value}' is not a kind of item; use one of: {kinds}.").format(
        value=text, kinds=", ".join(FILTER_KINDS)))


def _positive(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(_("'{value}' is not a whole number of at least 1.").format(value=text))
    return number


def entry_lines(entries: list, references: dict[str, str], *, details: bool) -> list[str]:
    """The entries as a table (time, author, what, items), each followed by its rows with --details."""
    from planner.cli import fit, format_table
    from planner.history import author_text, describe_entry, items_text, omitted_note

    header = [_("Time"), _("Author"), _("What"), _("Items")]
    rows = [[entry.local_time.strftime("%Y-%m-%d %H:%M"), fit(author_text(entry.author), 20), fit(entry.summary, 50),
             fit(items_text(entry), 50)] for entry in entries]
    if not details:
        return format_table(header, rows)
    table = format_table(header, rows)
    lines = [table[0]]
    for entry, line in zip(entries, table[1:], strict=True):
        lines.append(line)
        described = describe_entry(entry, references)
        for row in described[:DETAIL_ROWS_SHOWN]:
            name = f" «{row.label}»" if row.label else ""
            lines.append(f"    {row.kind_label}{name}: {row.change_label}")
            for label, before, after in row.fields[:DETAIL_FIELDS_SHOWN]:
                if row.change == "added":
                    lines.append(f"      {label}: {fit(after, 60)}")
                elif row.change == "deleted":
                    lines.append(f"      {label}: {fit(before, 60)}")
                else:
                    lines.append(f"      {label}: {fit(before, 40) or '—'} → {fit(after, 40) or '—'}")
            if len(row.fields) > DETAIL_FIELDS_SHOWN:
                lines.append("      " + _("… and {count} more fields").format(count=len(row.fields) - DETAIL_FIELDS_SHOWN))
        if len(described) > DETAIL_ROWS_SHOWN:
            lines.append("    " + _("… and {count} more items").format(count=len(described) - DETAIL_ROWS_SHOWN))
        note = omitted_note(entry)
        if note:
            lines.append(f"    {note}")
    return lines


SERVER_PREFIXES = ("postgresql://", "postgresql+psycopg://", "postgres://")


@contextlib.contextmanager
def _history_session(location: str, opened_plan: Callable[..., Any]) -> Iterator[Session]:
    """A reading session on a plan file, or on the team plan at a postgresql:// address."""
    if location.strip().lower().startswith(SERVER_PREFIXES):
        from planner.team.session import TeamPlan

        with TeamPlan.connect(location) as team, team.session() as session:
            yield session
        return
    with opened_plan(location) as document, document.session() as session:
        yield session


def _command_history(args: argparse.Namespace, out: TextIO) -> int:
    from planner.cli import EXIT_OK, opened_plan
    from planner.history import (
        HistoryFilters,
        history_count,
        history_entries,
        local_day_end,
        local_day_start,
        reference_labels,
    )

    filters = HistoryFilters(
        author=args.author, kind=args.kind, text=args.text or "",
        since=local_day_start(args.since) if args.since else None,
        until=local_day_end(args.until) if args.until else None, limit=args.limit)
    with _history_session(args.file, opened_plan) as session:
        entries = history_entries(session, filters)
        total = history_count(session)
        references = reference_labels(session, entries) if args.details and not args.json else {}
    if args.json:
        print(json.dumps({"file": str(args.file), "entries": [entry.as_json() for entry in entries]},
                         ensure_ascii=False, indent=2), file=out)
        return EXIT_OK
    if not entries:
        print(_("The plan has no history yet.") if not total else _("No history entries match."), file=out)
        return EXIT_OK
    print("\n".join(entry_lines(entries, references, details=args.details)), file=out)
    if len(entries) < total:
        print(_("{shown} of {total} entries shown.").format(shown=f"{len(entries):,}", total=f"{total:,}"), file=out)
    return EXIT_OK


def register(commands: argparse._SubParsersAction, language_option: argparse.ArgumentParser) -> None:
    """Add `cplan history FILE [--author A] [--kind K] [--since DATE] [--until DATE] [--text T] [--limit N]
    [--details] [--json]`."""
    command = commands.add_parser(
        "history", parents=[language_option], help=_("show who changed what in a plan, and when"),
        description=_("List the plan's recorded changes, newest first: time (your computer's time zone), author, "
                      "what was done and the items it changed. Undo and redo are recorded too. The file is only "
                      "read."))
    command.add_argument("file", metavar="FILE", help=_("the plan file, or a team plan's postgresql:// address"))
    command.add_argument("--author", default=None, metavar="NAME", help=_("only the changes made by NAME"))
    command.add_argument("--kind", type=_kind, default=None, metavar="KIND",
                         help=_("only the changes to this kind of item (initiative, stakeholder, kpi, ...)"))
    command.add_argument("--since", type=_day, default=None, metavar="DATE",
                         help=_("only the changes on or after this day (YYYY-MM-DD)"))
    command.add_argument("--until", type=_day, default=None, metavar="DATE",
                         help=_("only the changes on or before this day (YYYY-MM-DD)"))
    command.add_argument("--text", default=None, metavar="TEXT",
                         help=_("only the changes whose description, items or values contain TEXT"))
    command.add_argument("--limit", type=_positive, default=None, metavar="N", help=_("only the newest N changes"))
    command.add_argument("--details", action="store_true", help=_("list the fields each change set, before and after"))
    command.add_argument("--json", action="store_true", help=_("print JSON (keys in English)"))
    command.set_defaults(handler=_command_history)
