"""The `cplan` command line: write the demo, new and synthetic plans, show and verify plan files, no screen."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import unicodedata
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

from planner.errors import PlannerError
from planner.i18n import N_, SUPPORTED_LANGUAGES, _, current_language, default_language, set_language

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
    "kpi": N_("KPIs"),
    "kpi_target": N_("KPI targets"),
    "risk": N_("Risks"),
    "checklist_answer": N_("Checklist answers"),
    "comment": N_("Comments"),
    "change_log": N_("Change log entries"),
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


def _fsync(path: Path, directory: bool = False) -> None:
    if directory and os.name == "nt":  # pragma: no cover - Windows cannot open folders for fsync
        return
    descriptor = os.open(path, os.O_RDONLY | (getattr(os, "O_DIRECTORY", 0) if directory else 0))
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


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
    temporary = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.writing")
    try:
        build(temporary)
        _fsync(temporary)
        os.replace(temporary, target)
        _fsync(target.parent, directory=True)
    except OSError as error:
        raise CommandLineError(
            _("{file} could not be written: {reason}").format(file=target, reason=error.strerror or error)
        ) from error
    finally:
        for leftover in (temporary, temporary.with_name(temporary.name + "-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink()
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


# -- the parser ---------------------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    """The whole command line; build it after choosing the language, as its help is translated."""
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


def _one_line(message: str) -> str:
    return " ".join(message.split())


def main(argv: Sequence[str] | None = None) -> int:
    """Run one `cplan` command; return the exit code (0 success, 1 findings, 2 bad input or usage)."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    previous_language = current_language()
    set_language(_requested_language(arguments) or default_language())
    try:
        try:
            args = build_parser().parse_args(arguments)
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
