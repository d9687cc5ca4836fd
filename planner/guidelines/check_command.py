"""`cplan check`: check a plan against a guideline profile."""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from planner.guidelines.findings import severity_label
from planner.i18n import _

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from planner.guidelines.findings import CheckReport, severity_label
    from planner.guidelines.profile import GuidelineProfile

# How the table names each severity (English source; shown through _()).
ITEM_WIDTH = 32


def profile_for(session: Session, spec: str | None) -> GuidelineProfile:
    """The profile named on the command line (an id, or a .yaml file), else the plan's own (or its plan type's
    default when the plan's is not installed)."""
    from sqlalchemy import select

    from planner.guidelines import loader
    from planner.model import Plan

    if spec is None:
        plan_type, profile_id = session.execute(select(Plan.plan_type, Plan.guideline_profile_id)).one()
        return loader.profile_for_plan(plan_type, profile_id)
    if spec.lower().endswith((".yaml", ".yml")) and Path(spec).is_file():
        return loader.load_profile_file(spec)
    return loader.find_profile(spec)


def parse_today(text: str | None) -> date | None:
    """The --today value (YYYY-MM-DD); CommandLineError naming the option when it is not a date."""
    from planner.cli import CommandLineError

    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise CommandLineError(
            _("--today: '{value}' is not a date such as 2026-09-10.").format(value=text)) from None


def report_lines(report: CheckReport, profile: GuidelineProfile) -> list[str]:
    """The readable report: severity, check, item and message of each finding, then the counts."""
    from planner.cli import fit, format_table

    rows = []
    for finding in report.findings:
        rows.append([severity_label(finding.severity), finding.check,
                     fit(finding.item_label, ITEM_WIDTH), finding.detail])  # the item column names the item
    name = profile.name.get(report.language)
    lines = [_("Checked against the profile {id} ({name}).").format(id=profile.id, name=name)]
    if rows:
        lines += format_table([_("Severity"), _("Check"), _("Item"), _("Message")], rows)
    counts = report.counts()
    lines.append(_("{errors} error(s), {warnings} warning(s), {notes} note(s).").format(
        errors=counts["error"], warnings=counts["warning"], notes=counts["info"]))
    return lines


def _command_check(args: argparse.Namespace, out: TextIO) -> int:
    from planner.cli import EXIT_FINDINGS, EXIT_OK, opened_plan
    from planner.guidelines.checks import check_plan

    today = parse_today(args.today)
    with opened_plan(args.file) as document, document.session() as session:
        profile = profile_for(session, args.profile)
        language = getattr(args, "lang", None) or profile.language
        report = check_plan(session, profile, language, today=today)
    if args.json:
        print(json.dumps(report.as_json(), ensure_ascii=False, indent=2), file=out)
    else:
        print("\n".join(report_lines(report, profile)), file=out)
    return EXIT_FINDINGS if report.has_errors else EXIT_OK


def register(commands: argparse._SubParsersAction, language_option: argparse.ArgumentParser) -> None:
    """Add `cplan check FILE [--profile ID] [--lang ko|en] [--json] [--today YYYY-MM-DD]`."""
    check = commands.add_parser(
        "check", parents=[language_option], help=_("check a plan against its guideline profile"),
        description=_("Run the checks of a guideline profile on a plan and list the findings. Exit status: 0 when "
                      "no check finds an error, 1 when one does, 2 on bad input. --lang also chooses the language "
                      "of the findings (default: the profile's)."))
    check.add_argument("file", metavar="FILE", help=_("the plan file"))
    check.add_argument("--profile", metavar="ID", default=None,
                       help=_("the guideline profile (an id or a .yaml file; default: the plan's own)"))
    check.add_argument("--json", action="store_true", help=_("print JSON (keys in English)"))
    check.add_argument("--today", metavar="YYYY-MM-DD", default=None,
                       help=_("the day deadlines are judged at (default: today)"))
    check.set_defaults(handler=_command_check)
