"""Prints the three-way merge of two 5,000-initiative plans with 500 changes on each side (target: 2 s for the
merge itself); reading the three files and writing the merged one are reported separately."""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _command(action: str, target: str, value: int) -> Any:
    from planner.commands import AddRow, DeleteRows, UpdateRow
    from planner.months import YearMonth

    if action == "title":
        return UpdateRow("initiative", target, {"title": f"과제 {value}"})
    if action == "progress":
        return UpdateRow("initiative", target, {"progress": value % 101})
    if action == "budget":
        return UpdateRow("budget_line", target, {"planned_krw": value * 1000})
    if action == "stakeholder":
        return UpdateRow("stakeholder", target, {"notes": f"메모 {value}"})
    if action == "milestone":
        return UpdateRow("milestone", target, {"done": bool(value % 2)})
    if action == "add_milestone":
        return AddRow("milestone", {"initiative_id": target, "title": "점검", "month": YearMonth(2028, 1 + value % 12)})
    if action == "add_budget":
        return AddRow("budget_line", {"initiative_id": target, "fiscal_year": 2031, "source": "private",
                                      "planned_krw": value})
    return DeleteRows("risk" if action == "delete_risk" else "initiative", [target])


def edit(path: Path, changes: int, seed: int, shared_seed: int) -> None:
    """Make `changes` edits with the app's commands, in one transaction: field edits, added rows, deletions.
    A tenth of them touch the same rows as the other side (from `shared_seed`), with other values."""
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from planner.errors import PlannerError
    from planner.model import BudgetLine, Initiative, Milestone, Risk, Stakeholder
    from planner.storage.document import make_engine

    engine = make_engine(path)
    own, shared = random.Random(seed), random.Random(shared_seed)
    try:
        with Session(engine) as session, session.begin():
            ids = {model: list(session.execute(select(model.id).order_by(model.id)).scalars())
                   for model in (Initiative, Stakeholder, Milestone, Risk, BudgetLine)}
            deleted: set[str] = set()
            made = 0
            while made < changes:
                pick = shared if made % 10 == 0 else own
                action = pick.choice(("title", "title", "progress", "budget", "stakeholder", "milestone",
                                      "add_milestone", "add_budget", "delete_risk", "delete_initiative"))
                try:
                    if action in ("title", "progress", "add_milestone", "add_budget", "delete_initiative"):
                        target = pick.choice(ids[Initiative])
                    elif action == "budget":
                        target = pick.choice(ids[BudgetLine])
                    elif action == "stakeholder":
                        target = pick.choice(ids[Stakeholder])
                    elif action == "milestone":
                        target = pick.choice(ids[Milestone])
                    else:
                        target = pick.choice(ids[Risk])
                    if target in deleted:
                        continue
                    command = _command(action, target, own.randint(0, 10**6))
                    with session.begin_nested():
                        command.apply(session)
                except PlannerError:
                    continue
                if action.startswith("delete"):
                    deleted.add(target)
                made += 1
    finally:
        engine.dispose()


def prepare_versions(folder: Path, initiatives: int, stakeholders: int, changes: int) -> tuple[Path, Path, Path]:
    """A synthetic base plan and two copies with `changes` edits each (a tenth on the same rows): base, ours,
    theirs."""
    from planner.synth import synthesize_plan

    base = folder / "base.cplan"
    synthesize_plan(base, initiatives, stakeholders, seed=1)
    ours, theirs = folder / "ours.cplan", folder / "theirs.cplan"
    for path, seed in ((ours, 2), (theirs, 3)):
        shutil.copyfile(base, path)
        edit(path, changes, seed, shared_seed=7)
    return base, ours, theirs


def merge_once(base: Path, ours: Path, theirs: Path, out: Path) -> tuple[dict[str, float], Any]:
    """Read the three files, merge them and write the result to `out`: the seconds of each phase and the
    merge result."""
    from planner.merge import merge_plans
    from planner.merge.files import read_plan_tables, write_merged_plan

    phases: dict[str, float] = {}
    started = time.perf_counter()
    versions = [read_plan_tables(path) for path in (base, ours, theirs)]
    phases["read the three files (open + tables)"] = time.perf_counter() - started
    started = time.perf_counter()
    result = merge_plans(*versions)
    phases["merge (rows, fields, checks)"] = time.perf_counter() - started
    started = time.perf_counter()
    write_merged_plan(result, out, sources="bench")
    phases["write the merged file (check, insert, verify)"] = time.perf_counter() - started
    return phases, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--initiatives", type=int, default=5_000)
    parser.add_argument("--stakeholders", type=int, default=1_000)
    parser.add_argument("--changes", type=int, default=500, help="changes on each side")
    parser.add_argument("--runs", type=int, default=3, help="repetitions; medians are printed")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="cplan-bench-") as temporary:
        folder = Path(temporary)
        os.environ["CPLAN_DATA_DIR"] = str(folder / "app-data")
        from planner.merge import conflict_counts

        base, ours, theirs = prepare_versions(folder, options.initiatives, options.stakeholders, options.changes)
        print(f"Python {sys.version.split()[0]}; {options.initiatives:,} initiatives / {options.stakeholders:,} "
              f"stakeholders; {options.changes} changes on each side")
        runs: dict[str, list[float]] = {}
        for run in range(options.runs):
            phases, result = merge_once(base, ours, theirs, folder / f"merged-{run}.cplan")
            for name, seconds in phases.items():
                runs.setdefault(name, []).append(seconds)
        rows = sum(len(rows) for rows in result.tables.values())
        print(f"{rows:,} merged rows; stats: " + ", ".join(f"{name} {count:,}" for name, count in result.stats.items()
                                                           if count))
        print("conflicts: " + (", ".join(f"{name} {count}" for name, count in conflict_counts(result.conflicts).items())
                               or "none"))
        for name, seconds in runs.items():
            print(f"  {name:<48} median {statistics.median(seconds):6.2f} s  (runs: "
                  + ", ".join(f"{value:.2f}" for value in seconds) + ")")

if __name__ == "__main__":
    main()
