"""The `cplan` command line: write, show and verify plans, schedule them, weigh delays, keep baselines, map stakeholders."""

from __future__ import annotations

import argparse
import contextlib
import importlib
import json
import os
import sys
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from planner.errors import PlannerError
from planner.i18n import N_, SUPPORTED_LANGUAGES, _, current_language, default_language, set_language

if TYPE_CHECKING:
    from planner.baselines import BaselineComparison
    from planner.impact import ImpactReport
    from planner.schedule import ScheduleResult
    from planner.storage.document import PlanDocument

PROGRAM = "cplan"
EXIT_OK = 0
EXIT_FINDINGS = 1  # a check found problems (reserved for checking commands)
EXIT_BAD_INPUT = 2  # bad input, a bad file or wrong usage
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as a shell reports a process that lost its reader
MAX_SYNTHETIC_ROWS = 1_000_000

# How `cplan info` names each kind of row (English source; shown through _()).
KIND_PLURALS: dict[str, str] = {
    "plan": N_("Plan records"),
    "narrative_section": N_("Narrative sections"),
    "field": N_("Fields"),
    "strategy": N_("Strategies"),
    "stakeholder": N_("Stakeholders"),
    "funding_rule": N_("Funding rules"),
    "initiative": N_("Initiatives"),
    "milestone": N_("Milestones"),
    "dependency": N_("Dependencies"),
    "stakeholder_relation": N_("Stakeholder relations"),
    "raci_role": N_("RACI roles"),
    "budget_line": N_("Budget lines"),
    "budget_total": N_("Budget totals"),
    "presentation_slide": N_("Slides"),
    "workshop_rating": N_("Workshop ratings"),
    "workshop_round": N_("Workshop rounds"),
    "workshop_round_item": N_("Workshop round entries"),
    "sticky_note": N_("Sticky notes"),
    "kpi": N_("KPIs"),
    "kpi_target": N_("KPI targets"),
    "risk": N_("Risks"),
    "checklist_answer": N_("Checklist answers"),
    "comment": N_("Comments"),
    "change_log": N_("Change log entries"),
    "baseline": N_("Baselines"),
    "baseline_item": N_("Baseline initiatives"),
    "baseline_budget": N_("Baseline budget lines"),
    "stakeholder_snapshot": N_("Grid snapshots"),
    "stakeholder_snapshot_item": N_("Grid snapshot entries"),
    "network_position": N_("Network positions"),
    "merge_conflict": N_("Merge conflicts"),
}
# The commands other modules add (each module's register()), in the order `cplan --help` lists them: a command
# line naming one imports only its module, as the others import SQLAlchemy, the data model and more.
COMMAND_MODULES: dict[str, str] = {
    "profiles": "planner.guidelines.profiles_command",
    "check": "planner.guidelines.check_command",
    "export": "planner.reports.export_command",
    "import": "planner.interchange.import_command",
    "history": "planner.history_command",
    "merge": "planner.merge.merge_command",
    "package": "planner.merge.merge_command",  # merge_command.register adds `package` too
    "versions": "planner.merge.versions_command",
    "server": "planner.team.server_command",
}
# Which option of `cplan new` gives each plan field, to name it in a message.
NEW_PLAN_OPTIONS = {
    "title": "--title", "region_province": "--region", "region_district": "--region",
    "start_year": "--start-year", "end_year": "--end-year",
}


class CommandLineError(PlannerError):
    """A problem with what the user asked for; the message is the whole line shown on stderr."""


class _UsageError(Exception):
    """argparse found the command line malformed."""


class _ArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser that reports a usage error as one line (exit 2) instead of usage text plus a line."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(_("{program}: {problem} (see '{program} --help')").format(program=self.prog,
                                                                                    problem=message))


# -- writing plan files -------------------------------------------------------------------------------------


def _refuse_if_open_elsewhere(target: Path) -> None:
    """Never replace a plan that a running Convergence Planner holds open (its lock file says who)."""
    import socket

    from planner.storage.lock import lock_path_for, process_alive, read_lock

    holder = read_lock(lock_path_for(target))
    if holder is not None and (holder.host != socket.gethostname() or process_alive(holder.pid)):
        raise CommandLineError(
            _("{file} is open in Convergence Planner by {user} on {host} since {since}.").format(
                file=target, user=holder.user, host=holder.host, since=holder.since)
        )


def write_plan_file(target: Path, build: Callable[[Path], None], *, force: bool) -> Path:
    """Let `build` write a new plan into a temporary file beside `target`, then put it in place in one step.

    An existing `target` is refused unless `force`; `target` is never left half-written.
    """
    target = target.absolute()
    if target.is_dir():
        raise CommandLineError(_("{file} is a folder, not a plan file.").format(file=target))
    if target.exists() and not force:
        raise CommandLineError(_("{file} already exists; add --force to replace it.").format(file=target))
    if not target.parent.is_dir():
        raise CommandLineError(_("The folder {folder} does not exist.").format(folder=target.parent))
    if target.exists():
        _refuse_if_open_elsewhere(target)
    from planner.atomic_files import replace_atomically

    try:
        from planner.merge.lineage import recording_first_version

        replace_atomically(target, recording_first_version(build))  # copies of a new file share its first version
    except OSError as error:
        raise CommandLineError(
            _("{file} could not be written: {reason}").format(file=target, reason=error.strerror or error)
        ) from error
    return target


# -- sub-commands ---------------------------------------------------------------------------------------------


def _command_demo(args: argparse.Namespace, out: TextIO) -> int:
    language = args.lang or current_language()
    try:
        from planner.demo import build_demo_plan
    except ImportError as error:
        if error.name != "planner.demo":
            raise
        raise CommandLineError(_("The demo plan is not part of this installation.")) from None

    def build(path: Path) -> None:
        from sqlalchemy.orm import Session

        from planner.storage.create import create_empty_database
        from planner.storage.document import make_engine

        create_empty_database(path)
        engine = make_engine(path)
        try:
            with Session(engine) as session, session.begin():
                build_demo_plan(session, language=language)
        finally:
            engine.dispose()

    target = write_plan_file(Path(args.out), build, force=args.force)
    print(_("Wrote the demo plan to {file}.").format(file=target), file=out)
    return EXIT_OK


def split_region(region: str) -> tuple[str, str]:
    """'해담도 해담군' -> ('해담도', '해담군'): province and district split at the first space; one word is a district."""
    parts = region.strip().split(maxsplit=1)
    if len(parts) == 2:
        return parts[0], parts[1]
    return "", parts[0] if parts else ""


def new_plan_values(title: str, region: str, start_year: int, end_year: int) -> dict[str, Any]:
    """The plan record `cplan new` writes; CommandLineError naming the option when a value breaks a rule."""
    from planner.model.attributes import ATTRIBUTES

    province, district = split_region(region)
    values: dict[str, Any] = {"title": title.strip(), "region_province": province, "region_district": district,
                              "start_year": start_year, "end_year": end_year}
    problems = []
    for spec in ATTRIBUTES["plan"]:
        if spec.name in values:
            problem = spec.problem(values[spec.name])
            if problem:
                problems.append(f"{NEW_PLAN_OPTIONS[spec.name]}: {problem}")
    if not problems and end_year < start_year:
        problems.append(f"--end-year: {_('The last year comes before the first year.')}")
    if problems:
        raise CommandLineError(" ".join(problems))
    return values


def _command_new(args: argparse.Namespace, out: TextIO) -> int:
    values = new_plan_values(args.title, args.region, args.start_year, args.end_year)

    def build(path: Path) -> None:
        from planner.storage.create import create_plan_database

        create_plan_database(path, language=current_language(), **values)

    target = write_plan_file(Path(args.out), build, force=args.force)
    print(_("Wrote the new plan {title} to {file}.").format(title=values["title"], file=target), file=out)
    return EXIT_OK


def read_plan_summary(path: Path) -> dict[str, Any]:
    """What `cplan info` shows, read with plain SQL from the file itself (validated first, opened read-only)."""
    from planner.model import ENTITY_CLASSES
    from planner.storage.validate import open_read_only, validate_plan_file

    report = validate_plan_file(path)
    connection = open_read_only(path)
    try:
        tables = {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        counts: dict[str, int] = {}
        for kind, model in ENTITY_CLASSES.items():
            table = model.__tablename__
            counts[kind] = connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] if table in tables else 0
        plan = connection.execute(
            "SELECT title, region_province, region_district, start_year, end_year, plan_type, language FROM plan"
        ).fetchone()
        budget_total = connection.execute("SELECT coalesce(sum(planned_krw), 0) FROM budget_line").fetchone()[0]
        milestone_initiatives = connection.execute(
            "SELECT count(*) FROM initiative WHERE duration_months = 0").fetchone()[0]
    finally:
        connection.close()
    title, province, district, start_year, end_year, plan_type, language = plan
    return {
        "file": str(path), "schema_version": report.schema_version, "needs_migration": report.needs_migration,
        "title": title, "region": " ".join(part for part in (province, district) if part),
        "region_province": province, "region_district": district, "start_year": start_year,
        "end_year": end_year, "plan_type": plan_type, "language": language, "budget_total_krw": int(budget_total),
        "milestone_initiatives": milestone_initiatives, "counts": counts,
    }


def display_width(text: str) -> int:
    """Columns `text` takes in a terminal: Hangul and other wide characters take two."""
    return sum(2 if unicodedata.east_asian_width(character) in ("W", "F") else 1 for character in text)


def _command_info(args: argparse.Namespace, out: TextIO) -> int:
    summary = read_plan_summary(Path(args.file))
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2), file=out)
        return EXIT_OK
    budget = _("{amount} KRW").format(amount=f"{summary['budget_total_krw']:,}")
    lines = [
        summary["title"],
        f"  {_('File')}: {summary['file']}",
        f"  {_('Region')}: {summary['region'] or '-'}",
        f"  {_('Period')}: {summary['start_year']}–{summary['end_year']}",
        f"  {_('File format version')}: {summary['schema_version']}",
        f"  {_('Budget total')}: {budget}",
    ]
    if summary["needs_migration"]:
        lines.append(f"  {_('The plan will be converted to the current file format when it is opened.')}")
    labels = {kind: _(KIND_PLURALS.get(kind, kind)) for kind in summary["counts"]}
    width = max(display_width(label) for label in labels.values())
    for kind, count in summary["counts"].items():
        padding = " " * (width - display_width(labels[kind]))
        lines.append(f"  {labels[kind]}{padding}  {count:>9,}")
        if kind == "initiative" and summary["milestone_initiatives"]:
            lines.append(f"    {_('of which milestones (0 months)')}: {summary['milestone_initiatives']:,}")
    print("\n".join(lines), file=out)
    return EXIT_OK


def _command_verify(args: argparse.Namespace, out: TextIO) -> int:
    from planner.storage.validate import validate_plan_file

    report = validate_plan_file(Path(args.file))
    print(_("OK: {file}").format(file=report.path), file=out)
    return EXIT_OK


def _command_synth(args: argparse.Namespace, out: TextIO) -> int:
    for option, value in (("--initiatives", args.initiatives), ("--stakeholders", args.stakeholders)):
        if not 0 <= value <= MAX_SYNTHETIC_ROWS:
            raise CommandLineError(_("{option} must be between 0 and {maximum}.").format(
                option=option, maximum=f"{MAX_SYNTHETIC_ROWS:,}"))
    from planner.synth import synthesize_plan

    target = write_plan_file(
        Path(args.out), lambda path: synthesize_plan(path, args.initiatives, args.stakeholders, args.seed),
        force=args.force,
    )
    print(_("Wrote a synthetic plan with {initiatives} initiatives and {stakeholders} stakeholders to {file}.")
          .format(initiatives=f"{args.initiatives:,}", stakeholders=f"{args.stakeholders:,}", file=target),
          file=out)
    return EXIT_OK


# -- schedule, impact and baselines ---------------------------------------------------------------------------


@contextlib.contextmanager
def opened_plan(path: str | Path, *, read_only: bool = True) -> Iterator[PlanDocument]:
    """A plan file opened as the app opens it (validated, an older format converted in the working copy);
    closed, with its working copy removed, at the end."""
    from planner.storage.document import PlanDocument

    document = PlanDocument.open(Path(path), read_only=read_only)
    try:
        yield document
    finally:
        document.close()


def _month(index: int | None) -> str:
    from planner.months import YearMonth

    return "-" if index is None else str(YearMonth.from_index(index))


def _signed(months: int) -> str:
    return f"{months:+d}"


def fit(text: str, width: int) -> str:
    """`text` cut to at most `width` terminal columns, an ellipsis marking the cut."""
    if display_width(text) <= width:
        return text
    kept = ""
    for character in text:
        if display_width(kept + character) > width - 1:
            break
        kept += character
    return kept + "…"


def format_table(header: Sequence[str], rows: Sequence[Sequence[str]], *, indent: str = "",
                 right: Sequence[int] = ()) -> list[str]:
    """Columns padded to their widest cell (Hangul counted twice); the columns in `right` right-aligned."""
    widths = [max([display_width(row[column]) for row in [header, *rows]]) for column in range(len(header))]
    lines = []
    for row in [header, *rows]:
        cells = []
        for column, cell in enumerate(row):
            padding = " " * (widths[column] - display_width(cell))
            cells.append(padding + cell if column in right else cell + padding)
        lines.append((indent + "  ".join(cells)).rstrip())
    return lines


def schedule_lines(result: ScheduleResult) -> list[str]:
    """The readable schedule: one row per initiative in start order, then the finish, critical path, findings."""
    items = sorted(result.items, key=lambda item: (item.es, item.code))
    rows = [
        [item.code, fit(item.title, 30), _month(item.es), _month(item.display_early_finish), str(item.total_float),
         "*" if item.critical else "", item.driver.describe()]
        for item in items
    ]
    header = [_("Code"), _("Title"), _("Start"), _("Finish"), _("Float"), _("Critical"), _("Driver")]
    lines = format_table(header, rows, right=(4,))
    lines.append("")
    lines.append(f"{_('Project finish')}: {_month(result.display_finish) if result.items else '-'}")
    lines.append(f"{_('Critical path')}: {' → '.join(result.critical_path) or '-'}")
    if result.findings:
        lines.append(_("Findings ({count}):").format(count=len(result.findings)))
        lines += [f"  - {finding.message}" for finding in result.findings]
    return lines


def _command_schedule(args: argparse.Namespace, out: TextIO) -> int:
    from planner.schedule import plan_links, schedule_json, schedule_plan

    with opened_plan(args.file) as document, document.session() as session:
        result = schedule_plan(session)
        links = plan_links(session)
    if args.json:
        print(json.dumps(schedule_json(result, links), ensure_ascii=False, indent=2), file=out)
    else:
        print("\n".join(schedule_lines(result)), file=out)
    return EXIT_FINDINGS if result.findings else EXIT_OK


def parse_delays(values: Sequence[str]) -> dict[str, int]:
    """'A-01=3', 'B-02=-2', ... as {code: months}; CommandLineError naming the value that is not one."""
    delays: dict[str, int] = {}
    for value in values:
        code, separator, months = value.partition("=")
        code = code.strip()
        if not separator or not code:
            raise CommandLineError(_("--delay {value}: write it as CODE=MONTHS, e.g. A-01=3.").format(value=value))
        try:
            number = int(months.strip())
        except ValueError:
            raise CommandLineError(_("--delay {value}: the months for {code} must be a whole number, e.g. {code}=3.")
                                   .format(value=value, code=code)) from None
        if code in delays:
            raise CommandLineError(_("--delay: {code} is given more than once.").format(code=code))
        delays[code] = number
    return delays


def _money(amount: int) -> str:
    return _("{amount} KRW").format(amount=f"{amount:,}")


def impact_lines(report: ImpactReport) -> list[str]:
    """The readable impact report."""
    from planner.model.vocabulary import FUNDING_SOURCES

    delays = ", ".join(f"{code} {_signed(months)}" for code, months in report.delays.items())
    lines = [
        f"{_('Delays (months)')}: {delays}",
        f"{_('Project finish')}: {_month(report.finish_before)} → {_month(report.finish_after)} "
        f"({_signed(report.finish_shift)})",
    ]
    if not report.moves:
        lines.append(_("Nothing moves."))
        return lines
    lines.append("")
    lines.append(_("Initiatives that move ({count}):").format(count=len(report.moves)))
    lines += format_table(
        [_("Code"), _("Title"), _("Start"), "", _("Finish"), ""],
        [[move.code, fit(move.title, 30), f"{_month(move.start_before)} → {_month(move.start_after)}",
          _signed(move.start_shift), f"{_month(move.finish_before)} → {_month(move.finish_after)}",
          _signed(move.finish_shift)] for move in report.moves],
        indent="  ", right=(3, 5),
    )
    if report.budget_shifts:
        lines.append("")
        lines.append(_("Budget that moves into another fiscal year ({amount} in all):").format(
            amount=_money(report.budget_moved_krw)))
        lines += format_table(
            [_("Code"), _("Funding source"), _("Fiscal year"), _("Amount")],
            [[shift.code, _(FUNDING_SOURCES.get(shift.source, shift.source)),
              f"{shift.from_year} → {shift.to_year}", _money(shift.krw)] for shift in report.budget_shifts],
            indent="  ", right=(3,),
        )
    if report.kpis:
        lines.append("")
        lines.append(_("KPIs whose last target year comes before the initiative finishes:"))
        lines += [
            "  " + _("{code}: '{kpi}' (last target {year}, finishes {finish})").format(
                code=kpi.code, kpi=kpi.name, year=kpi.last_target_year, finish=_month(kpi.finish_after))
            + (" " + _("(already the case without the delay)") if kpi.already_before else "")
            for kpi in report.kpis
        ]
    if report.stakeholders:
        lines.append("")
        lines.append(_("Stakeholders responsible (R) or accountable (A) for what moves:"))
        lines += [
            f"  {holder.name}: {', '.join(f'{code} ({role})' for code, role in holder.roles)}"
            + (" — " + _("contact: {contact}").format(contact=holder.contact) if holder.contact else "")
            for holder in report.stakeholders
        ]
    return lines


def _command_impact(args: argparse.Namespace, out: TextIO) -> int:
    from planner.impact import impact, impact_json, plan_snapshot

    delays = parse_delays(args.delay)
    with opened_plan(args.file) as document, document.session() as session:
        snapshot = plan_snapshot(session)
    report = impact(snapshot, delays)
    if args.json:
        print(json.dumps(impact_json(report), ensure_ascii=False, indent=2), file=out)
    else:
        print("\n".join(impact_lines(report)), file=out)
    return EXIT_OK


def _command_baseline_save(args: argparse.Namespace, out: TextIO) -> int:
    from planner.baselines import save_baseline_command

    with opened_plan(args.file, read_only=False) as document:
        if document.read_only:
            raise CommandLineError(_("{file}: {reason}").format(file=document.path, reason=document.read_only_reason))
        with document.session() as session:
            command = save_baseline_command(session, args.name, args.note)
        document.apply(command)
        document.save()
        warnings = list(document.warnings)
    if args.json:
        print(json.dumps({"id": command.baseline_id, "name": command.name, "file": str(document.path)},
                         ensure_ascii=False, indent=2), file=out)
        return EXIT_OK
    for warning in warnings:
        print(warning, file=out)
    print(_("Saved the baseline '{name}' in {file}.").format(name=command.name, file=document.path), file=out)
    return EXIT_OK


def _command_baseline_list(args: argparse.Namespace, out: TextIO) -> int:
    from planner.baselines import list_baselines

    with opened_plan(args.file) as document, document.session() as session:
        baselines = list_baselines(session)
    if args.json:
        print(json.dumps([{"name": b.name, "created_at": b.created_at.isoformat(), "initiatives": b.item_count}
                          for b in baselines], ensure_ascii=False, indent=2), file=out)
        return EXIT_OK
    if not baselines:
        print(_("The plan has no baselines yet."), file=out)
        return EXIT_OK
    rows = [[b.name, b.created_at.strftime("%Y-%m-%d %H:%M"), str(b.item_count)] for b in baselines]
    print("\n".join(format_table([_("Name"), _("Saved (UTC)"), _("Initiatives")], rows, right=(2,))), file=out)
    return EXIT_OK


def comparison_lines(comparison: BaselineComparison) -> list[str]:
    """The readable comparison with a baseline."""
    from planner.baselines import PROGRESS_FLAG_LABELS
    from planner.model.vocabulary import FUNDING_SOURCES

    lines = [
        _("Compared with the baseline '{name}' (saved {saved}), progress as of {month}").format(
            name=comparison.baseline.name, saved=comparison.baseline.created_at.strftime("%Y-%m-%d"),
            month=_month(comparison.as_of)),
        f"{_('Project finish')}: {_month(comparison.baseline_finish)} → {_month(comparison.current_finish)} "
        f"({_signed(comparison.finish_slip)})",
    ]
    lines.append("")
    if comparison.slipped:
        lines.append(_("Initiatives that moved ({count}):").format(count=len(comparison.slipped)))
        lines += format_table(
            [_("Code"), _("Title"), _("Start"), "", _("Finish"), ""],
            [[slip.code, fit(slip.title, 30), f"{_month(slip.baseline_start)} → {_month(slip.current_start)}",
              _signed(slip.start_slip), f"{_month(slip.baseline_finish)} → {_month(slip.current_finish)}",
              _signed(slip.finish_slip)] for slip in comparison.slipped],
            indent="  ", right=(3, 5),
        )
    else:
        lines.append(_("No initiative moved."))
    for heading, entries in ((_("Added since the baseline:"), comparison.added),
                             (_("Removed since the baseline:"), comparison.removed)):
        if entries:
            lines.append(heading)
            lines += [f"  {entry.code}  {entry.title}" for entry in entries]
    lines.append("")
    lines.append(_("Budget: {baseline} → {current}").format(
        baseline=_money(comparison.budget_baseline_total), current=_money(comparison.budget_current_total)))
    for column, entries in ((_("Fiscal year"), comparison.budget_by_year),
                            (_("Funding source"), comparison.budget_by_source)):
        changed = [entry for entry in entries if entry.difference]
        if changed:
            lines += format_table(
                [column, _("Baseline plan"), _("Now"), _("Difference")],
                [[_(FUNDING_SOURCES.get(str(entry.key), str(entry.key))), f"{entry.baseline_krw:,}",
                  f"{entry.current_krw:,}", f"{entry.difference:+,}"] for entry in changed],
                indent="  ", right=(1, 2, 3),
            )
    flagged = [check for check in comparison.progress if check.flags]
    if flagged:
        lines.append("")
        lines.append(_("Progress against the baseline:"))
        lines += format_table(
            [_("Code"), _("Progress"), _("Planned"), _("Actual start"), _("Actual finish"), _("Notes")],
            [[check.code, f"{check.progress}%", f"{check.planned_progress}%", _month(check.actual_start),
              _month(check.actual_finish), ", ".join(_(PROGRESS_FLAG_LABELS[flag]) for flag in check.flags)]
             for check in flagged],
            indent="  ", right=(1, 2),
        )
    return lines


def _command_baseline_compare(args: argparse.Namespace, out: TextIO) -> int:
    from planner.baselines import compare_with_baseline, comparison_json, find_baseline
    from planner.months import YearMonth

    as_of = None
    if args.as_of is not None:
        try:
            as_of = YearMonth.parse(args.as_of)
        except ValueError as error:
            raise CommandLineError(f"--as-of: {error}") from None
    with opened_plan(args.file) as document, document.session() as session:
        comparison = compare_with_baseline(session, find_baseline(session, args.name), as_of=as_of)
    if args.json:
        print(json.dumps(comparison_json(comparison), ensure_ascii=False, indent=2), file=out)
    else:
        print("\n".join(comparison_lines(comparison)), file=out)
    return EXIT_OK


# -- stakeholders and RACI ------------------------------------------------------------------------------------


def stakeholder_rows(session: Any) -> list[dict[str, Any]]:
    """Every stakeholder with its grid quadrant, engagement strategy and (when the analysis is there) its place in
    the network: the rows of `cplan stakeholders`, JSON keys in English."""
    from planner.model import Stakeholder
    from planner.model.vocabulary import engagement_for

    table = Stakeholder.__table__
    strategies = dict(session.execute(table.select().with_only_columns(table.c.id, table.c.engagement)).all())
    try:
        from planner.stakeholders.analysis import network_metrics, stakeholder_graph
    except ImportError:  # the network analysis is optional: without it, no centrality
        graph_nodes = None
        metrics: dict[str, Any] = {}
    else:
        graph = stakeholder_graph(session)
        graph_nodes = graph.nodes
        metrics = network_metrics(graph)
    if graph_nodes is None:
        rows = session.execute(table.select().with_only_columns(
            table.c.id, table.c.name, table.c.organisation, table.c.sector, table.c.influence, table.c.interest,
            table.c.attitude).order_by(table.c.name, table.c.id)).all()
    else:
        rows = [(n.id, n.name, n.organisation, n.sector, n.influence, n.interest, n.attitude) for n in graph_nodes]
    result = []
    for row_id, name, organisation, sector, influence, interest, attitude in rows:
        quadrant = engagement_for(influence, interest)
        found = metrics.get(row_id)
        result.append({
            "id": row_id, "name": name, "organisation": organisation or "", "sector": sector,
            "influence": influence, "interest": interest, "attitude": attitude, "quadrant": quadrant,
            "strategy": strategies.get(row_id) or quadrant,
            "centrality": None if found is None else round(found.degree_centrality, 4),
            "betweenness": None if found is None else round(found.betweenness, 4),
            "degree": None if found is None else found.degree,
            "community": None if found is None else found.community,
            "broker": None if found is None else found.broker,
            "isolated": None if found is None else found.isolated,
        })
    return result


def stakeholder_lines(rows: Sequence[dict[str, Any]]) -> list[str]:
    """The readable stakeholder map: one row per stakeholder, by name."""
    from planner.model import vocabulary as v

    if not rows:
        return [_("The plan has no stakeholders yet.")]
    table = [
        [fit(row["name"], 24), fit(v.label(v.SECTORS, row["sector"]), 16), str(row["influence"]), str(row["interest"]),
         v.label(v.ENGAGEMENT_STRATEGIES, row["quadrant"]), v.label(v.ENGAGEMENT_STRATEGIES, row["strategy"]),
         "-" if row["centrality"] is None else f"{row['centrality']:.2f}",
         "-" if row["community"] is None else str(row["community"] + 1),
         "*" if row["broker"] else ""]
        for row in rows
    ]
    header = [_("Name"), _("Sector"), _("Influence"), _("Interest"), _("Quadrant"), _("Strategy"), _("Centrality"),
              _("Community"), _("Broker")]
    return format_table(header, table, right=(2, 3, 6, 7))


def _command_stakeholders(args: argparse.Namespace, out: TextIO) -> int:
    with opened_plan(args.file) as document, document.session() as session:
        rows = stakeholder_rows(session)
    if args.json:
        print(json.dumps({"stakeholders": rows}, ensure_ascii=False, indent=2), file=out)
    else:
        print("\n".join(stakeholder_lines(rows)), file=out)
    return EXIT_OK


def raci_json(matrix: Any, findings: Sequence[Any]) -> dict[str, Any]:
    """The RACI matrix and its findings as JSON (keys in English, roles by letter)."""
    from planner.stakeholders.raci import role_sort_key

    names = {holder.id: holder.name for holder in matrix.stakeholders}
    initiatives = []
    for item in matrix.initiatives:
        cells = sorted(((role, names[sid]) for (iid, sid), role in matrix.cells.items() if iid == item.id),
                       key=lambda cell: (role_sort_key(cell[0]), cell[1]))
        initiatives.append({"code": item.code, "title": item.title,
                            "lead": names.get(item.lead_stakeholder_id or ""),
                            "roles": [{"role": role, "stakeholder": name} for role, name in cells]})
    return {
        "initiatives": initiatives,
        "findings": [{"kind": f.kind, "initiative": f.initiative_code, "stakeholder": f.stakeholder_name,
                      "message": f.message} for f in findings],
    }


def raci_lines(data: dict[str, Any]) -> list[str]:
    """The readable RACI matrix: one line per initiative listing who holds each role, then the findings."""
    rows = []
    for item in data["initiatives"]:
        by_role: dict[str, list[str]] = {}
        for cell in item["roles"]:
            by_role.setdefault(cell["role"], []).append(cell["stakeholder"])
        rows.append([item["code"], fit(item["title"], 30)]
                    + [fit(", ".join(by_role.get(r, [])), 40) or "-" for r in "ARCI"])
    header = [_("Code"), _("Title"), _("Accountable (A)"), _("Responsible (R)"), _("Consulted (C)"),
              _("Informed (I)")]
    lines = format_table(header, rows) if rows else [_("The plan has no initiatives yet.")]
    if data["findings"]:
        lines.append("")
        lines.append(_("Findings ({count}):").format(count=len(data["findings"])))
        lines += [f"  - {finding['message']}" for finding in data["findings"]]
    return lines


def _command_raci(args: argparse.Namespace, out: TextIO) -> int:
    from planner.stakeholders.raci import raci_findings, raci_matrix

    with opened_plan(args.file) as document, document.session() as session:
        data = raci_json(raci_matrix(session), raci_findings(session))
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2), file=out)
    else:
        print("\n".join(raci_lines(data)), file=out)
    return EXIT_FINDINGS if data["findings"] else EXIT_OK


# -- the parser ---------------------------------------------------------------------------------------------


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole command line; build it after choosing the language, as its help is translated.

    With `command`, only that command of the ones other modules add (COMMAND_MODULES) is added, so that a
    command line naming it imports none of the others (see _parse_arguments)."""
    from planner import __version__

    language_option = _ArgumentParser(add_help=False)
    language_option.add_argument("--lang", choices=SUPPORTED_LANGUAGES, default=argparse.SUPPRESS,
                                 help=_("language of messages (ko or en)"))
    # For commands that write a plan, --lang is also the language of the plan (its texts, its reports).
    plan_language_option = _ArgumentParser(add_help=False)
    plan_language_option.add_argument("--lang", choices=SUPPORTED_LANGUAGES, default=argparse.SUPPRESS,
                                      help=_("language of messages and of the plan written (ko or en)"))
    parser = _ArgumentParser(prog=PROGRAM, description=_("Convergence Planner without a screen."))
    parser.add_argument("--lang", choices=SUPPORTED_LANGUAGES, default=None,
                        help=_("language of messages (ko or en)"))
    parser.add_argument("--version", action="version", version=f"{PROGRAM} {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    demo = commands.add_parser("demo", parents=[plan_language_option], help=_("write the demo plan"))
    demo.add_argument("out", metavar="OUT", help=_("the plan file to write"))
    demo.add_argument("--force", action="store_true", help=_("replace OUT if it exists"))
    demo.set_defaults(handler=_command_demo)

    new = commands.add_parser("new", parents=[plan_language_option], help=_("write a new, empty plan"))
    new.add_argument("out", metavar="OUT", help=_("the plan file to write"))
    new.add_argument("--title", required=True, help=_("the plan's title"))
    new.add_argument("--region", default="", help=_("province and district, e.g. '해담도 해담군'"))
    new.add_argument("--start-year", type=int, required=True, metavar="YEAR", help=_("the plan's first year"))
    new.add_argument("--end-year", type=int, required=True, metavar="YEAR", help=_("the plan's last year"))
    new.add_argument("--force", action="store_true", help=_("replace OUT if it exists"))
    new.set_defaults(handler=_command_new)

    info = commands.add_parser("info", parents=[language_option], help=_("show what a plan holds"))
    info.add_argument("file", metavar="FILE", help=_("the plan file"))
    info.add_argument("--json", action="store_true", help=_("print JSON (keys in English)"))
    info.set_defaults(handler=_command_info)

    verify = commands.add_parser("verify", parents=[language_option],
                                 help=_("check a plan file as opening it would"))
    verify.add_argument("file", metavar="FILE", help=_("the plan file"))
    verify.set_defaults(handler=_command_verify)

    synth = commands.add_parser("synth", parents=[language_option], help=_("write a synthetic plan of any size"))
    synth.add_argument("out", metavar="OUT", help=_("the plan file to write"))
    synth.add_argument("--initiatives", type=int, required=True, metavar="N", help=_("how many initiatives"))
    synth.add_argument("--stakeholders", type=int, required=True, metavar="M", help=_("how many stakeholders"))
    synth.add_argument("--seed", type=int, default=0, metavar="S", help=_("random seed (the same seed, the same plan)"))
    synth.add_argument("--force", action="store_true", help=_("replace OUT if it exists"))
    synth.set_defaults(handler=_command_synth)

    schedule = commands.add_parser(
        "schedule", parents=[language_option], help=_("show the schedule: dates, floats, critical path, drivers"),
        description=_("Show the plan's schedule. Exit status: 0 when the schedule has no findings, 1 when it has "
                      "findings (listed after the table, or under 'findings' in the JSON), 2 on bad input or a "
                      "dependency cycle."))
    schedule.add_argument("file", metavar="FILE", help=_("the plan file"))
    schedule.add_argument("--json", action="store_true", help=_("print JSON (keys in English)"))
    schedule.set_defaults(handler=_command_schedule)

    impact = commands.add_parser(
        "impact", parents=[language_option], help=_("what if initiatives start later or earlier"),
        description=_("Delay initiatives in memory (nothing is written) and show what moves, the new finish, "
                      "budget that changes fiscal year, KPIs at risk and the stakeholders concerned."))
    impact.add_argument("file", metavar="FILE", help=_("the plan file"))
    impact.add_argument("--delay", action="append", required=True, metavar="CODE=MONTHS",
                        help=_("delay an initiative by whole months (negative: earlier); repeat for more"))
    impact.add_argument("--json", action="store_true", help=_("print JSON (keys in English)"))
    impact.set_defaults(handler=_command_impact)

    baseline = commands.add_parser("baseline", parents=[language_option],
                                   help=_("save, list and compare baselines of the schedule and budget"))
    baseline.add_argument("file", metavar="FILE", help=_("the plan file"))
    actions = baseline.add_subparsers(dest="action", required=True, metavar="ACTION")
    save = actions.add_parser("save", parents=[language_option],
                              help=_("save the current schedule and budget as a baseline (writes FILE)"))
    save.add_argument("name", metavar="NAME", help=_("the baseline's name"))
    save.add_argument("--note", default="", help=_("a note kept with the baseline"))
    save.add_argument("--json", action="store_true", help=_("print JSON (keys in English)"))
    save.set_defaults(handler=_command_baseline_save)
    listing = actions.add_parser("list", parents=[language_option], help=_("list the saved baselines"))
    listing.add_argument("--json", action="store_true", help=_("print JSON (keys in English)"))
    listing.set_defaults(handler=_command_baseline_list)
    compare = actions.add_parser("compare", parents=[language_option],
                                 help=_("compare the plan with a baseline"))
    compare.add_argument("name", metavar="NAME", help=_("the baseline's name"))
    compare.add_argument("--as-of", metavar="YYYY-MM", help=_("the month progress is judged at (default: this month)"))
    compare.add_argument("--json", action="store_true", help=_("print JSON (keys in English)"))
    compare.set_defaults(handler=_command_baseline_compare)

    stakeholders = commands.add_parser(
        "stakeholders", parents=[language_option],
        help=_("show the stakeholders: grid quadrant, strategy, centrality, community"))
    stakeholders.add_argument("file", metavar="FILE", help=_("the plan file"))
    stakeholders.add_argument("--json", action="store_true", help=_("print JSON (keys in English)"))
    stakeholders.set_defaults(handler=_command_stakeholders)

    raci = commands.add_parser(
        "raci", parents=[language_option], help=_("show the RACI matrix and check its rules"),
        description=_("Show who is accountable, responsible, consulted and informed on each initiative. Exit "
                      "status: 0 when every RACI rule holds, 1 when one is broken (the findings are listed), 2 on "
                      "bad input."))
    raci.add_argument("file", metavar="FILE", help=_("the plan file"))
    raci.add_argument("--json", action="store_true", help=_("print JSON (keys in English)"))
    raci.set_defaults(handler=_command_raci)

    wanted = set(COMMAND_MODULES.values()) if command is None else {COMMAND_MODULES.get(command)}
    for module_name in dict.fromkeys(COMMAND_MODULES.values()):
        if module_name in wanted:
            importlib.import_module(module_name).register(commands, language_option)
    return parser


def _requested_language(argv: Sequence[str]) -> str | None:
    """The --lang value, read before parsing so that help and errors are already in that language."""
    for index, token in enumerate(argv):
        if token == "--":
            break
        value = None
        if token == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        elif token.startswith("--lang="):
            value = token.split("=", 1)[1]
        if value in SUPPORTED_LANGUAGES:
            return value
    return None


def _requested_command(argv: Sequence[str]) -> str | None:
    """The command word, read before parsing when only --lang comes before it; None when anything else does
    (--help, --version, an abbreviated option, `--`), so that the whole parser reads that command line."""
    tokens = iter(argv)
    for token in tokens:
        if token == "--lang":
            next(tokens, None)
        elif not token.startswith("--lang="):
            return None if token.startswith("-") else token
    return None


def _parse_arguments(argv: Sequence[str]) -> argparse.Namespace:
    """Parse with only the named command added (quick to start); a command line that parser refuses is parsed
    again by the whole parser, so every usage message reads exactly as the whole command line words it."""
    command = _requested_command(argv)
    if command is not None:
        with contextlib.suppress(_UsageError):
            return build_parser(command).parse_args(argv)
    return build_parser().parse_args(argv)


def _one_line(message: str) -> str:
    return " ".join(message.split())


def main(argv: Sequence[str] | None = None) -> int:
    """Run one `cplan` command; return the exit code (0 success, 1 findings, 2 bad input or usage)."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    previous_language = current_language()
    set_language(_requested_language(arguments) or default_language())
    try:
        try:
            args = _parse_arguments(arguments)
            return int(args.handler(args, sys.stdout))
        except SystemExit as exit_request:  # --help and --version
            code = exit_request.code
            return code if isinstance(code, int) else EXIT_OK if code is None else EXIT_BAD_INPUT
        except _UsageError as error:
            print(_one_line(str(error)), file=sys.stderr)
            return EXIT_BAD_INPUT
        except PlannerError as error:
            print(f"{PROGRAM}: {_one_line(str(error))}", file=sys.stderr)
            return EXIT_BAD_INPUT
        except BrokenPipeError:  # the reader went away (e.g. `cplan info FILE | head`): stop quietly
            with contextlib.suppress(OSError, ValueError, AttributeError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return EXIT_BROKEN_PIPE
        except OSError as error:
            reason = error.strerror or str(error)
            where = f"{error.filename}: " if error.filename else ""
            print(f"{PROGRAM}: {_one_line(where + reason)}", file=sys.stderr)
            return EXIT_BAD_INPUT
        except KeyboardInterrupt:
            print(f"{PROGRAM}: {_('interrupted')}", file=sys.stderr)
            return EXIT_INTERRUPTED
        except Exception as error:  # never a traceback: one line naming what went wrong
            print(f"{PROGRAM}: {_one_line(_('unexpected error: {error}').format(error=f'{type(error).__name__}: {error}'))}",
                  file=sys.stderr)
            return EXIT_BAD_INPUT
    finally:
        set_language(previous_language)


if __name__ == "__main__":
    raise SystemExit(main())
