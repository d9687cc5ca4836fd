"""`cplan merge BASE OURS THEIRS --out OUT`: merge two versions of a plan into a new file, listing every conflict."""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import Any, TextIO

from planner.i18n import _
from planner.merge.conflicts import CONFLICT_TYPES, conflict_counts
from planner.merge.engine import PREFERENCES, MergeResult


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


def merge_json(result: MergeResult, paths: dict[str, Path], out: Path, base_version: str | None = None
               ) -> dict[str, Any]:
    """What `cplan merge --json` prints (keys in English); `base` is null when the lineage found the base
    (`base_version` then names it)."""
    return {
        "base": str(paths["base"]) if paths.get("base") else None, "base_version": base_version, "ours": str(paths["ours"]), "theirs": str(paths["theirs"]), "out": str(out),
        "prefer": result.prefer, "clean": result.clean, "stats": result.stats,
        "conflict_counts": conflict_counts(result.conflicts),
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
    if stats.get("duplicates_merged"):
        lines.append("  " + _("Rows both sides added alike, kept once: {count}").format(
            count=f"{stats['duplicates_merged']:,}"))
    if result.clean:
        lines.append(_("No conflicts."))
        return lines
    counts = conflict_counts(result.conflicts)
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
    from planner.merge.files import merge_plan_files, write_merged_plan

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
    written = write_merged_plan(result, target, sources=sources, force=args.force, lineage=merged.versions)
    if args.json:
        print(json.dumps(merge_json(result, paths, written, merged.base_version), ensure_ascii=False, indent=2),
              file=out)
    else:
        print("\n".join(merge_lines(result, paths, written, merged.base_name)), file=out)
    return EXIT_OK if result.clean else EXIT_FINDINGS


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
    command.add_argument("--prefer", choices=PREFERENCES, default="ours",
                         help=_("whose version the merged plan holds in a conflict until it is decided "
                                "(default: ours)"))
    command.add_argument("--json", action="store_true", help=_("print JSON (keys in English)"))
    command.add_argument("--force", action="store_true", help=_("replace OUT if it exists"))
    command.add_argument("--allow-unrelated", action="store_true",
                         help=_("merge even files that are not versions of the same plan"))
    command.set_defaults(handler=_command_merge)
    from planner.merge import package

    package.register(commands, language_option)
