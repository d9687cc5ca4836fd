"""`cplan merge BASE OURS THEIRS --out OUT`: merge two versions of a plan into a new file, listing every conflict."""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from planner.i18n import _

# The merge modules load SQLAlchemy and the data model: imported where they are used, so that registering the
# command (every `cplan` start) stays cheap.
if TYPE_CHECKING:
    from planner.merge.engine import MergeResult
    from planner.merge.files import FileMerge
    from planner.merge.verify import MergeFindings


def _same_file(first: Path, second: Path) -> bool:
    if first.absolute() == second.absolute():
        return True
    try:
        return first.exists() and second.exists() and os.path.samefile(first, second)
    except OSError:
        return False


def _check_target(out: Path, inputs: list[Path], force: bool) -> None:
    """Refuse, before any work, an OUT that is one of the merged files (never, even with --force) or that
    exists without --force."""
    from planner.cli import CommandLineError

    for source in inputs:
        if _same_file(out, source):
            raise CommandLineError(_("{file} is one of the files being merged; write the merged plan to a new "
                                     "file.").format(file=out))
    if out.exists() and not force and not out.is_dir():
        raise CommandLineError(_("{file} already exists; add --force to replace it.").format(file=out.absolute()))


def _counts_line(stats: dict[str, int], side: str) -> str:
    return _("{added} added, {changed} changed, {deleted} deleted").format(
        added=f"{stats[f'added_{side}']:,}", changed=f"{stats[f'changed_{side}']:,}",
        deleted=f"{stats[f'deleted_{side}']:,}")


def _conflict_counts(result: MergeResult) -> dict[str, int]:
    from planner.merge.conflicts import conflict_counts

    return conflict_counts(result.conflicts)


def merge_json(result: MergeResult, paths: dict[str, Path], out: Path, base_version: str | None = None
               ) -> dict[str, Any]:
    """What `cplan merge --json` prints (keys in English); `base` is null when the lineage found the base
    (`base_version` then names it)."""
    return {
        "base": str(paths["base"]) if paths.get("base") else None, "base_version": base_version, "ours": str(paths["ours"]), "theirs": str(paths["theirs"]), "out": str(out),
        "prefer": result.prefer, "clean": result.clean, "stats": result.stats,
        "conflict_counts": _conflict_counts(result),
        "conflicts": [conflict.as_json() for conflict in result.conflicts],
    }


def merge_lines(result: MergeResult, paths: dict[str, Path], out: Path, base_name: str | None = None) -> list[str]:
    """The readable report: what came from where, then each conflict on one line."""
    stats = result.stats
    lines = [
        _("Merged {ours} and {theirs} (common version {base}) into {out}.").format(
            ours=paths["ours"].name, theirs=paths["theirs"].name, base=base_name or paths["base"].name, out=out),
        "  " + _("From ours: {counts}").format(counts=_counts_line(stats, "ours")),
        "  " + _("From theirs: {counts}").format(counts=_counts_line(stats, "theirs")),
        "  " + _("On both sides: {counts}").format(counts=_counts_line(stats, "both")),
        "  " + _("Unchanged rows: {count}").format(count=f"{stats['unchanged']:,}"),
    ]
    if stats.get("history_added"):
        lines.append("  " + _("History entries only one side had, kept: {count}").format(
            count=f"{stats['history_added']:,}"))
    if stats.get("duplicates_merged"):
        lines.append("  " + _("Rows both sides added alike, kept once: {count}").format(
            count=f"{stats['duplicates_merged']:,}"))
    if result.clean:
        lines.append(_("No conflicts."))
        return lines
    from planner.merge.conflicts import CONFLICT_TYPES

    counts = _conflict_counts(result)
    lines.append(_("Conflicts ({count}): {kinds}").format(
        count=len(result.conflicts),
        kinds=", ".join(f"{_(CONFLICT_TYPES[name])} {count}" for name, count in counts.items())))
    lines += [f"  - {conflict.line()}" for conflict in result.conflicts]
    if result.prefer == "theirs":
        holds = _("Until they are decided, the merged plan holds their version of each conflict (for a broken "
                  "funding rule, both sides' changes); every conflict is recorded in {out} for review.")
    else:
        holds = _("Until they are decided, the merged plan holds our version of each conflict (for a broken "
                  "funding rule, both sides' changes); every conflict is recorded in {out} for review.")
    lines.append(holds.format(out=out.name))
    return lines


def _command_merge(args: argparse.Namespace, out: TextIO) -> int:
    from planner.cli import EXIT_FINDINGS, EXIT_OK
    from planner.merge.files import merge_entry, merge_entry_details, merge_plan_files, write_merged_plan

    if args.theirs is None:  # two files: the base is found in their lineage
        paths = {"ours": Path(args.base), "theirs": Path(args.ours)}
    else:
        paths = {"base": Path(args.base), "ours": Path(args.ours), "theirs": Path(args.theirs)}
    target = Path(args.out)
    _check_target(target, list(paths.values()), args.force)
    merged = merge_plan_files(paths.get("base"), paths["ours"], paths["theirs"], prefer=args.prefer,
                              allow_unrelated=args.allow_unrelated)
    result = merged.result
    sources = " | ".join([merged.base_name, paths["ours"].name, paths["theirs"].name])
    entry = merge_entry(_("Merge {file} into {plan}").format(file=paths["theirs"].name, plan=paths["ours"].name),
                        merge_entry_details(result, {"base": merged.base_name, "ours": paths["ours"].name,
                                                     "theirs": paths["theirs"].name}))
    checked: list[MergeFindings] = []
    written = write_merged_plan(result, target, sources=sources, force=args.force, lineage=merged.versions,
                                entry=entry, inspect=lambda path: checked.append(checks_or_problem(path, merged)))
    findings = checked[0]
    if args.json:
        report = merge_json(result, paths, written, merged.base_version)
        report["checks"] = findings.as_json()
        print(json.dumps(report, ensure_ascii=False, indent=2), file=out)
    else:
        lines = merge_lines(result, paths, written, merged.base_name)
        lines.append(_("Checks of the merged plan (schedule, guideline profile {profile}):").format(
            profile=findings.profile_id or "-"))
        lines.append("  " + findings.summary())
        lines += [f"  - {line}" for line in findings.lines()]
        print("\n".join(lines), file=out)
    return EXIT_OK if result.clean else EXIT_FINDINGS


def checks_or_problem(path: Path, merged: FileMerge) -> MergeFindings:
    """check_merged_file, or what kept it from running: the checks inform, they never stop a merge being saved."""
    import sqlite3

    from sqlalchemy.exc import SQLAlchemyError

    from planner.errors import PlannerError
    from planner.merge.verify import MergeFindings

    try:
        return check_merged_file(path, merged)
    except (PlannerError, sqlite3.Error, SQLAlchemyError, ValueError, KeyError, TypeError) as error:
        return MergeFindings(problems=[_("The checks of the merged plan could not run: {reason}").format(
            reason=error)], compared_with=0)


def check_merged_file(path: Path, merged: FileMerge) -> MergeFindings:
    """The schedule and guideline checks of the merged plan written at `path` (not yet in place), compared with
    both sides: a side that is a whole plan file is checked as it is, a department package as the merge
    completed it."""
    from sqlalchemy.orm import Session

    from planner.merge import lineage
    from planner.merge.verify import merge_findings, plan_findings
    from planner.storage.document import make_engine

    engine = make_engine(path)
    try:
        with Session(engine) as session:
            found = plan_findings(session)
    finally:
        engine.dispose()
    sides: list[Any] = []
    for index, (side_path, versions) in enumerate(zip(merged.paths, merged.versions, strict=True), start=1):
        whole = side_path is not None and lineage.scope_of(versions) is None
        sides.append(side_path if whole else merged.result.inputs[index])
    return merge_findings(found, sides)


def register(commands: argparse._SubParsersAction, language_option: argparse.ArgumentParser) -> None:
    """Add `cplan merge [BASE] OURS THEIRS --out OUT [--prefer ours|theirs] [--json] [--force] [--allow-unrelated]`
    (and `cplan package`)."""
    command = commands.add_parser(
        "merge", parents=[language_option], help=_("merge two versions of a plan into a new plan file"),
        usage="cplan merge [BASE] OURS THEIRS --out OUT [--prefer {ours,theirs}] [--json] [--force] "
              "[--allow-unrelated] [--lang {ko,en}]",
        epilog=_("Without BASE, the version both files started from is found in their lineage (every save "
                 "records one); when they share none, give BASE."),
        description=_("Merge OURS and THEIRS, two versions of a plan that both come from BASE, into the new file "
                      "OUT: every change only one side made is kept, and what both changed differently is listed "
                      "as a conflict (recorded in OUT for review). Exit status: 0 when there are no conflicts, 1 "
                      "when conflicts remain, 2 on bad input (nothing is written)."))
    command.add_argument("base", metavar="BASE", help=_("the common earlier version (may be left out)"))
    command.add_argument("ours", metavar="OURS", help=_("our version"))
    command.add_argument("theirs", metavar="THEIRS", nargs="?", help=_("their version"))
    command.add_argument("--out", required=True, metavar="OUT", help=_("the merged plan file to write"))
    command.add_argument("--prefer", choices=("ours", "theirs"), default="ours",
                         help=_("whose version the merged plan holds in a conflict until it is decided "
                                "(default: ours)"))
    command.add_argument("--json", action="store_true", help=_("print JSON (keys in English)"))
    command.add_argument("--force", action="store_true", help=_("replace OUT if it exists"))
    command.add_argument("--allow-unrelated", action="store_true",
                         help=_("merge even files that are not versions of the same plan"))
    command.set_defaults(handler=_command_merge)
    from planner.merge import package

    package.register(commands, language_option)
