"""Convergence Planner against TaskJuggler (tj3) on the same synthetic project, as whole processes alternating
A B A B: tj3 scheduling the exported .tjp and writing its CSV task report, against `cplan` opening the plan,
scheduling it and writing the same columns (code, name, start, end); separately, cplan's full PDF. Prints the
ratios (target: cplan at least 10x faster at 1,000 and 5,000 initiatives) and whether both schedules agree.

    python bench/vs_taskjuggler.py                      # 1,000 and 5,000 initiatives, 2 pairs each (minutes)
    python bench/vs_taskjuggler.py --sizes 200 --repeat 1
"""

from __future__ import annotations

import argparse
import csv
import os
import platform
import shutil
import statistics
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.processes import ProcessRun, checkout_env, compile_checkout, cplan, run_process  # noqa: E402

TARGET_RATIO = 10.0
TJ3_REPORT = "schedule.csv"  # the exporter's taskreport (planner.interchange.tjp_export.REPORT_NAME)


@dataclass
class Agreement:
    """How the two schedules compare. Months are compared: tj3's Start and End (the first moment after the task;
    a milestone's End is its Start) become the first month and the last month worked, as cplan writes them.
    Tasks downstream of a dependency TaskJuggler cannot express (a lead that would start a task before its
    predecessor starts; the export writes it as a comment) may start earlier in tj3, so they are counted apart."""

    ours: int = 0
    theirs: int = 0
    same_tasks: bool = False
    same_names: int = 0
    comparable: int = 0  # tasks no left-out dependency reaches
    comparable_agree: int = 0
    others: int = 0
    others_agree: int = 0
    differing: list[str] = field(default_factory=list)  # comparable tasks whose months differ (code: ours vs tj3)

    @property
    def fair(self) -> bool:
        return self.same_tasks and self.comparable_agree == self.comparable

    def lines(self) -> list[str]:
        return [
            f"tasks: cplan {self.ours:,}, tj3 {self.theirs:,} — " + ("the same codes" if self.same_tasks
                                                                     else "DIFFERENT codes"),
            f"names equal: {self.same_names:,} of {min(self.ours, self.theirs):,}",
            f"start and end month equal: {self.comparable_agree:,} of {self.comparable:,} tasks no left-out "
            f"dependency reaches" + ("" if not self.differing else f" (differing: {', '.join(self.differing[:5])})"),
            f"  and {self.others_agree:,} of the other {self.others:,} (downstream of a lead tj3 cannot express)",
        ]


def read_tj3_months(path: Path) -> dict[str, tuple[str, str, str]]:
    """tj3's CSV report (semicolon-separated; Code, Id, Start, End, Duration, Name) by code: first month, last
    month worked, name."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    months = {}
    for row in rows:
        start, end = date.fromisoformat(row["Start"]), date.fromisoformat(row["End"])
        last = end if start == end else end - timedelta(days=1)
        months[row["Code"]] = (f"{start:%Y-%m}", f"{last:%Y-%m}", row["Name"])
    return months


def read_cplan_months(path: Path) -> dict[str, tuple[str, str, str]]:
    """`cplan export --kind schedule --lang en`'s CSV (Code, Title, Early start, Early finish) by code."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    return {code: (start, finish, title) for code, title, start, finish in rows[1:]}


def compare_schedules(tj3_csv: Path, cplan_csv: Path, comparable_codes: set[str]) -> Agreement:
    """Compare the two CSV files task by task (see Agreement)."""
    theirs, ours = read_tj3_months(tj3_csv), read_cplan_months(cplan_csv)
    agreement = Agreement(ours=len(ours), theirs=len(theirs), same_tasks=set(ours) == set(theirs))
    for code in sorted(set(ours) & set(theirs)):
        same_months = ours[code][:2] == theirs[code][:2]
        agreement.same_names += ours[code][2] == theirs[code][2]
        if code in comparable_codes:
            agreement.comparable += 1
            agreement.comparable_agree += same_months
            if not same_months:
                agreement.differing.append(f"{code}: {'..'.join(ours[code][:2])} vs {'..'.join(theirs[code][:2])}")
        else:
            agreement.others += 1
            agreement.others_agree += same_months
    return agreement


def comparable_codes(plan: Path) -> set[str]:
    """The initiatives no dependency TaskJuggler cannot express reaches (planner.interchange.tjp_export)."""
    from planner.interchange.tjp_export import exactly_expressed
    from planner.schedule import plan_links, schedule_plan
    from planner.storage import PlanDocument

    document = PlanDocument.open(plan, read_only=True)
    try:
        with document.session() as session:
            return exactly_expressed(schedule_plan(session), plan_links(session))
    finally:
        document.close()


@dataclass
class SizeResult:
    initiatives: int
    tj3: list[ProcessRun]
    ours: list[ProcessRun]
    pdf: list[ProcessRun]
    agreement: Agreement
    exported: str

    @property
    def ratio(self) -> float:
        return statistics.median(run.seconds for run in self.tj3) / statistics.median(run.seconds for run in self.ours)

    @property
    def cpu_ratio(self) -> float:
        return statistics.median(run.cpu for run in self.tj3) / statistics.median(run.cpu for run in self.ours)


def _median(runs: list[ProcessRun]) -> str:
    seconds = [run.seconds for run in runs]
    spread = f" ({min(seconds):.2f}–{max(seconds):.2f})" if len(seconds) > 1 else ""
    return (f"{statistics.median(seconds):6.2f} s{spread}, CPU {statistics.median(run.cpu for run in runs):.2f} s, "
            f"peak {max(run.peak_mb for run in runs):.0f} MB")


def race(initiatives: int, folder: Path, repeat: int, pdf_repeat: int, tj3: str) -> SizeResult:
    """One size: build, export, then A B A B …, then the PDF; print as it goes."""
    env = checkout_env(CPLAN_DATA_DIR=str(folder / "app-data"))
    plan, project = folder / "plan.cplan", folder / "plan.tjp"
    stakeholders = max(20, initiatives // 5)
    run_process(cplan("synth", str(plan), "--initiatives", str(initiatives), "--stakeholders", str(stakeholders),
                      "--seed", "1", "--force"), env=env).check("cplan synth")
    exported = run_process(cplan("export", str(plan), "--to", str(project), "--lang", "en"), env=env)
    exported.check("cplan export .tjp")
    print(f"-- {initiatives:,} initiatives: {exported.stdout.strip()}", flush=True)
    tj3_out, ours_csv = folder / "tj3-out", folder / "ours.csv"
    tj3_out.mkdir(exist_ok=True)
    tj3_command = [tj3, "--no-color", "--silent", "-o", str(tj3_out), str(project)]
    ours_command = cplan("export", str(plan), "--to", str(ours_csv), "--kind", "schedule", "--lang", "en")
    run_process(ours_command, env=env, cwd=folder).check("cplan export --kind schedule")  # warm: disk cache
    theirs_runs: list[ProcessRun] = []
    ours_runs: list[ProcessRun] = []
    for pair in range(repeat):
        theirs_runs.append(run_process(tj3_command, cwd=folder).check("tj3"))
        ours_runs.append(run_process(ours_command, env=env, cwd=folder).check("cplan export --kind schedule"))
        print(f"   pair {pair + 1}: tj3 {theirs_runs[-1].seconds:6.2f} s   cplan {ours_runs[-1].seconds:6.2f} s",
              flush=True)
    agreement = compare_schedules(tj3_out / TJ3_REPORT, ours_csv, comparable_codes(plan))
    pdf_runs = [run_process(cplan("export", str(plan), "--to", str(folder / "plan.pdf"), "--force"), env=env,
                            cwd=folder).check("cplan export .pdf") for _run in range(pdf_repeat)]
    result = SizeResult(initiatives, theirs_runs, ours_runs, pdf_runs, agreement, exported.stdout.strip())
    print(f"   tj3 schedule + CSV        {_median(theirs_runs)}")
    print(f"   cplan schedule + CSV      {_median(ours_runs)}   → {result.ratio:.1f}× faster "
          f"({result.cpu_ratio:.1f}× in CPU time)")
    print(f"   cplan full PDF            {_median(pdf_runs)}")
    for line in agreement.lines():
        print(f"   {line}")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 5_000], metavar="N",
                        help="initiatives (default 1000 5000)")
    parser.add_argument("--repeat", type=int, default=2, help="A B pairs per size (default 2)")
    parser.add_argument("--pdf-repeat", type=int, default=1, help="PDF builds per size (default 1)")
    options = parser.parse_args(argv)
    tj3 = shutil.which("tj3")
    if tj3 is None:
        print("tj3 (TaskJuggler) is not installed: apt-get install tj3", file=sys.stderr)
        return 2
    version = run_process([tj3, "--version"]).stdout.strip().splitlines()
    print(f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC; Python {platform.python_version()}; {os.cpu_count()} CPUs; "
          f"{version[0] if version else 'tj3'}")
    compile_checkout()
    results = []
    with tempfile.TemporaryDirectory(prefix="cplan-vs-tj3-") as temporary:
        for size in options.sizes:
            folder = Path(temporary) / str(size)
            folder.mkdir()
            results.append(race(size, folder, max(1, options.repeat), max(1, options.pdf_repeat), tj3))
    print()
    print("| initiatives | tj3 schedule + CSV | cplan schedule + CSV | ratio (CPU ratio) | cplan PDF | "
          "schedules agree |")
    print("|---|---|---|---|---|---|")
    for result in results:
        tj3_median = statistics.median(run.seconds for run in result.tj3)
        ours_median = statistics.median(run.seconds for run in result.ours)
        verdict = "✓" if result.ratio >= TARGET_RATIO else "✗"
        agreement = result.agreement
        print(f"| {result.initiatives:,} | {tj3_median:.2f} s | {ours_median:.2f} s | {result.ratio:.1f}× "
              f"{verdict} ({result.cpu_ratio:.1f}×; target ≥ {TARGET_RATIO:g}×) | {statistics.median(r.seconds for r in result.pdf):.2f} s | "
              f"{agreement.comparable_agree:,}/{agreement.comparable:,}"
              f"{'' if agreement.same_tasks else ', different tasks'} |")
    return 0 if all(result.agreement.fair for result in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
