"""`cplan export`: write a plan document (PDF) or another format."""

from __future__ import annotations

import argparse
import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from planner.i18n import N_, _
from planner.reports.schedule_csv import SCHEDULE_KIND

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from planner.guidelines.profile import GuidelineProfile
    from planner.interchange.formats import ExportFormat


@dataclass(frozen=True)
class ExportRequest:
    """What the user asked `cplan export` for."""

    plan_file: Path
    target: Path
    profile_spec: str | None  # a profile id or a profile file (.yaml); None: the plan's own profile
    language: str | None  # the report language; None: the profile's
    force: bool
    report_year: int | None
    kind: str | None = None  # CSV: which table


# An exporter writes the plan to request.target, prints one line about it and returns the exit code.
Exporter = Callable[[ExportRequest, TextIO], int]


def resolve_profile(session: Session, spec: str | None) -> GuidelineProfile:
    """The profile named on the command line (an id, or a path to a .yaml file), else the plan's own."""
    from planner.guidelines import loader
    from planner.reports.pdf import the_plan

    if spec is None:
        plan = the_plan(session)
        return loader.profile_for_plan(plan.plan_type, plan.guideline_profile_id)
    if spec.lower().endswith((".yaml", ".yml")) and Path(spec).is_file():
        return loader.load_profile_file(spec)
    return loader.find_profile(spec)


def export_pdf_file(request: ExportRequest, out: TextIO) -> int:
    """Check the plan, refuse (exit 1, the errors listed) or write the PDF (a draft when forced past errors)."""
    from planner.cli import EXIT_FINDINGS, EXIT_OK, opened_plan
    from planner.reports.pdf import ExportRefused, export_pdf

    with opened_plan(request.plan_file) as document, document.session() as session:
        profile = resolve_profile(session, request.profile_spec)
        language = request.language or profile.language
        try:
            result = export_pdf(session, profile, language, request.target, force=request.force,
                                report_year=request.report_year)
        except ExportRefused as refusal:
            print(str(refusal), file=out)
            for finding in refusal.report.errors:
                where = f"{finding.item_label}: " if finding.item_label else ""
                print(f"  - [{finding.check}] {where}{finding.detail}", file=out)
            print(_("Correct them, or add --force to write a draft marked 초안 / DRAFT."), file=out)
            return EXIT_FINDINGS
    if result.draft:
        message = _("Wrote a draft (초안 / DRAFT) to {file}: {pages} pages, {errors} error(s) left.")
    else:
        message = _("Wrote {file}: {pages} pages.")
    print(message.format(file=result.path, pages=result.pages, errors=len(result.report.errors)), file=out)
    return EXIT_OK


def export_interchange_file(request: ExportRequest, out: TextIO) -> int:
    """Write one of the interchange formats (planner.interchange.formats) and print what went out."""
    from planner.cli import EXIT_OK, CommandLineError, opened_plan
    from planner.i18n import current_language
    from planner.interchange.formats import ExportOptions, export_format_for

    spec = export_format_for(request.target)
    assert spec is not None
    if request.kind is not None and not spec.kinds:
        raise CommandLineError(_("--kind chooses the table of a .csv file; {suffix} files hold more than one.")
                               .format(suffix=spec.suffix))
    if request.kind is not None and request.kind not in spec.kinds:
        raise CommandLineError(_("--kind: '{kind}' is not one of: {kinds}.").format(
            kind=request.kind, kinds=", ".join(spec.kinds)))
    options = ExportOptions(language=request.language or current_language(), kind=request.kind)
    if spec.suffix == ".csv" and options.kind == SCHEDULE_KIND:
        # Straight from the file (no SQLAlchemy, no working copy); a file of an older format is converted first.
        from planner.reports.schedule_csv import write_schedule_of_file

        written = write_schedule_of_file(request.plan_file, request.target, options.language)
        if written is not None:
            print(written, file=out)
            return EXIT_OK
    with opened_plan(request.plan_file) as document, document.session() as session:
        print(spec.write(session, request.target, options), file=out)
    return EXIT_OK


def interchange_formats() -> list[ExportFormat]:
    from planner.interchange.formats import EXPORT_FORMATS

    return list(EXPORT_FORMATS.values())


def exporters() -> dict[str, tuple[str, Exporter]]:
    """The formats `cplan export` writes, by the target's suffix."""
    table: dict[str, tuple[str, Exporter]] = {".pdf": (N_("PDF document"), export_pdf_file)}
    for spec in interchange_formats():
        table[spec.suffix] = (spec.description, export_interchange_file)
    return table


def _check_export_target(plan_file: Path, target: Path) -> None:
    """CommandLineError, before anything is read or written, when `target` cannot take the export: a folder, a
    folder that does not exist, or the plan file itself (which the export would replace)."""
    from planner.cli import CommandLineError

    if target.is_dir():
        raise CommandLineError(_("{file} is a folder; give a file name to write.").format(file=target))
    if not target.absolute().parent.is_dir():
        raise CommandLineError(_("The folder {folder} does not exist.").format(folder=target.absolute().parent))
    with contextlib.suppress(OSError):  # a plan file that is not there is reported when it is opened
        if target.exists() and os.path.samefile(plan_file, target):
            raise CommandLineError(_("{file} is the plan itself; exporting to it would replace the plan. Choose "
                                     "another file name.").format(file=target))


def _command_export(args: argparse.Namespace, out: TextIO) -> int:
    from planner.cli import CommandLineError

    target = Path(args.to)
    suffix = target.suffix.lower()
    table = exporters()
    if suffix not in table:
        formats = ", ".join(f"{name} ({_(description)})" for name, (description, _exporter) in table.items())
        raise CommandLineError(_("{file}: cplan export cannot write '{suffix}' files; it writes {formats}.")
                               .format(file=target, suffix=suffix or target.name, formats=formats))
    if args.year is not None and not 1900 <= args.year <= 2200:
        raise CommandLineError(_("--year: {year} is not a plausible year.").format(year=args.year))
    _check_export_target(Path(args.file), target)
    request = ExportRequest(plan_file=Path(args.file), target=target, profile_spec=args.profile,
                            language=getattr(args, "lang", None), force=args.force, report_year=args.year,
                            kind=args.kind)
    _description, exporter = table[suffix]
    return exporter(request, out)


def register(commands: argparse._SubParsersAction, language_option: argparse.ArgumentParser) -> None:
    """Add `cplan export FILE --to OUT.pdf [--profile ID] [--lang ko|en] [--force] [--year YYYY]`."""
    export = commands.add_parser(
        "export", parents=[language_option], help=_("write the plan document (PDF, after checking it) or another format"),
        description=_("Check the plan against its guideline profile and write the document. Exit status: 0 when "
                      "written, 1 when the profile's errors refuse it (listed; --force writes a draft), 2 on bad "
                      "input. --lang also chooses the document's language (default: the profile's)."))
    export.add_argument("file", metavar="FILE", help=_("the plan file"))
    export.add_argument("--to", required=True, metavar="OUT", help=_(
        "the file to write; its suffix picks the format (.pdf, .json, .csv, .xlsx, .xml, .gan, .graphml, .ics, "
        ".tjp)"))
    export.add_argument("--kind", default=None, metavar="TABLE",
                        help=_("for .csv: the table to write (initiatives, stakeholders, relations, budget_lines, "
                               "kpis, roles; default: initiatives)"))
    export.add_argument("--profile", metavar="ID", default=None,
                        help=_("the guideline profile (an id or a .yaml file; default: the plan's own)"))
    export.add_argument("--force", action="store_true",
                        help=_("write a draft marked 초안 / DRAFT even when the checks find errors"))
    export.add_argument("--year", type=int, default=None, metavar="YYYY",
                        help=_("the year an annual plan is for (default: the plan's)"))
    export.set_defaults(handler=_command_export)
