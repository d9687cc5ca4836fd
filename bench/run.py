"""The benchmark suite in one table: each row measured in its own process (median of --repeat runs, min–max, the
process's peak memory) against the targets of PERFORMANCE.md and the issues.

    python bench/run.py                  # every row at full size (several minutes)
    python bench/run.py --quick          # small sizes, one run: checks the script in seconds
    python bench/run.py --only cpm_10k --only pdf_demo --markdown
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.processes import ProcessRun, checkout_env, compile_checkout, cplan, run_process  # noqa: E402

RESULT_PREFIX = "BENCH-RESULT "


@dataclass(frozen=True)
class Sizes:
    """The sizes the rows are measured at (full, or --quick)."""

    cpm: tuple[int, int, int] = (1_000, 10_000, 100_000)
    large: int = 10_000  # the "10k plan": synth, open (CLI, GUI), GUI memory, XLSX rows
    large_stakeholders: int = 2_000
    pdf: int = 500
    views: int = 2_000  # roadmap initiatives, network stakeholders
    relations: int = 5_000
    merge: int = 5_000
    merge_changes: int = 500
    frames: int = 20


QUICK = Sizes(cpm=(100, 1_000, 5_000), large=400, large_stakeholders=80, pdf=60, views=200, relations=400,
              merge=200, merge_changes=20, frames=3)


@dataclass(frozen=True)
class Row:
    """One line of the table: `measure` runs it; `target` is the figure the median must not exceed (None: no
    target)."""

    name: str
    label: Callable[[Sizes], str]
    unit: str
    target: float | None
    measure: Callable[[Workspace, int], Measured]
    note: str = ""


@dataclass
class Measured:
    """What a row's runs gave: each run's figure (in the row's unit), each run's CPU time when known (same
    unit), and the largest peak memory (MB) of the processes."""

    values: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    peak_mb: float = 0.0
    remarks: list[str] = field(default_factory=list)  # printed under the table

    def add(self, values: list[float], cpu: list[float], peak_mb: float) -> Measured:
        self.values += values
        self.cpu += cpu
        self.peak_mb = max(self.peak_mb, peak_mb)
        return self

    @property
    def median(self) -> float:
        return statistics.median(self.values)


@dataclass
class Workspace:
    """The folder the rows share, with the plans several of them use (made once, not timed)."""

    folder: Path
    sizes: Sizes
    made: dict[str, Path] = field(default_factory=dict)

    @property
    def data_dir(self) -> str:
        return str(self.folder / "app-data")

    def env(self, **extra: str) -> dict[str, str]:
        return checkout_env(CPLAN_DATA_DIR=self.data_dir, QT_QPA_PLATFORM="offscreen", **extra)

    def synthetic(self, initiatives: int, stakeholders: int) -> Path:
        """A synthetic plan of this size (seed 1), made by `cplan synth` the first time it is asked for."""
        key = f"synth-{initiatives}-{stakeholders}"
        if key not in self.made:
            path = self.folder / f"{key}.cplan"
            run_process(cplan("synth", str(path), "--initiatives", str(initiatives), "--stakeholders",
                              str(stakeholders), "--seed", "1", "--force"), env=self.env()).check("cplan synth")
            self.made[key] = path
        return self.made[key]

    def large_plan(self) -> Path:
        return self.synthetic(self.sizes.large, self.sizes.large_stakeholders)

    def child(self, name: str, *arguments: str) -> tuple[dict[str, Any], ProcessRun]:
        """Run one measurement of this script (`--child NAME`) as its own process; what it reported."""
        run = run_process([sys.executable, str(Path(__file__).resolve()), "--child", name, *arguments],
                          env=self.env(), cwd=ROOT).check(f"bench/run.py --child {name}")
        lines = [line for line in run.stdout.splitlines() if line.startswith(RESULT_PREFIX)]
        if not lines:
            raise SystemExit(f"bench/run.py --child {name} reported nothing:\n{run.stdout[-2000:]}\n{run.stderr[-2000:]}")
        return json.loads(lines[-1][len(RESULT_PREFIX):]), run


# -- the rows ----------------------------------------------------------------------------------------------------


def _in_child(name: str, *arguments: Callable[[Workspace], object]) -> Callable[[Workspace, int], Measured]:
    """A row measured inside one child process per run."""

    def measure(workspace: Workspace, repeat: int) -> Measured:
        measured = Measured()
        for _run in range(repeat):
            reported, run = workspace.child(name, *(str(argument(workspace)) for argument in arguments))
            measured.add(reported["values"], reported.get("cpu", []), run.peak_mb)
        return measured

    return measure


def _cpm(index: int) -> Callable[[Workspace, int], Measured]:
    def measure(workspace: Workspace, repeat: int) -> Measured:
        reported, run = workspace.child("cpm", str(workspace.sizes.cpm[index]), str(max(repeat, 3)))
        return Measured().add(reported["values"], reported["cpu"], run.peak_mb)

    return measure


def _processes(command: Callable[[Workspace, int], list[str]], what: str) -> Callable[[Workspace, int], Measured]:
    """A row that is a whole process: its wall-clock seconds, start to exit."""

    def measure(workspace: Workspace, repeat: int) -> Measured:
        measured = Measured()
        for number in range(repeat):
            run = run_process(command(workspace, number), env=workspace.env(), cwd=workspace.folder).check(what)
            measured.add([run.seconds], [run.cpu], run.peak_mb)
        return measured

    return measure


def _first_paint(arguments: Callable[[Workspace], list[str]]) -> Callable[[Workspace, int], Measured]:
    """A row timing the app from process start to the main window's first paint (bench_startup's child); its CPU
    figure is the whole process's, which ends right after that paint."""

    def measure(workspace: Workspace, repeat: int) -> Measured:
        from bench.bench_startup import first_paint

        measured = Measured()
        for _run in range(repeat):
            paint, run = first_paint(arguments(workspace), workspace.data_dir)
            measured.add([paint], [run.cpu], run.peak_mb)
        return measured

    return measure


def _synth_command(workspace: Workspace, run: int) -> list[str]:
    sizes = workspace.sizes
    return cplan("synth", str(workspace.folder / f"synth-run-{run}.cplan"), "--initiatives", str(sizes.large),
                 "--stakeholders", str(sizes.large_stakeholders), "--seed", "1", "--force")


def _xlsx_files(workspace: Workspace) -> str:
    if "xlsx" not in workspace.made:
        workspace.child("prepare_xlsx", str(workspace.large_plan()), str(workspace.folder))
        workspace.made["xlsx"] = workspace.folder
    return str(workspace.folder)


def _merge_versions(workspace: Workspace) -> str:
    if "merge" not in workspace.made:
        folder = workspace.folder / "merge"
        folder.mkdir(exist_ok=True)
        sizes = workspace.sizes
        workspace.child("prepare_merge", str(folder), str(sizes.merge), str(sizes.merge // 5), str(sizes.merge_changes))
        workspace.made["merge"] = folder
    return str(workspace.made["merge"])


def _gui_memory(workspace: Workspace, repeat: int) -> Measured:
    reported, _run = workspace.child("gui_walk", str(workspace.large_plan()))
    measured = Measured().add([reported["memory"]["rss"]], [], reported["memory"]["peak"])
    slow = [f"{label} {max(times):.0f} ms" for label, times in reported["operations"].items() if max(times) > 100]
    measured.remarks.append("GUI thread busy over 100 ms: " + ("; ".join(slow) if slow else "never"))
    return measured


ROWS: tuple[Row, ...] = (
    Row("cpm_1k", lambda s: f"CPM schedule(), {s.cpm[0]:,} initiatives", "ms", None, _cpm(0)),
    Row("cpm_10k", lambda s: f"CPM schedule(), {s.cpm[1]:,} initiatives", "ms", 20.0, _cpm(1)),
    Row("cpm_100k", lambda s: f"CPM schedule(), {s.cpm[2]:,} initiatives", "ms", 400.0, _cpm(2)),
    Row("synth_10k", lambda s: f"cplan synth, {s.large:,} initiatives (process)", "s", 3.0,
        _processes(_synth_command, "cplan synth")),
    Row("open_10k_cli", lambda s: f"cplan info, {s.large:,}-initiative plan (process)", "s", 1.0,
        _processes(lambda w, run: cplan("info", str(w.large_plan())), "cplan info")),
    Row("open_10k_gui", lambda s: f"GUI first paint, {s.large:,}-initiative plan", "s", 2.0,
        _first_paint(lambda w: [str(w.large_plan())])),
    Row("first_window_demo", lambda s: "GUI first paint, demo plan", "s", 0.8, _first_paint(lambda w: ["--demo"])),
    Row("roadmap_frame", lambda s: f"roadmap frame 1:1, {s.views:,} initiatives", "ms", 16.0,
        _in_child("roadmap", lambda w: w.sizes.views, lambda w: w.sizes.frames),
        note="median over frames"),
    Row("network_frame", lambda s: f"network frame 1:1, {s.views:,} stakeholders", "ms", 16.0,
        _in_child("network", lambda w: w.sizes.views, lambda w: w.sizes.relations, lambda w: w.sizes.frames),
        note="median over frames"),
    Row("pdf_demo", lambda s: "PDF, demo plan", "s", 2.0, _in_child("pdf", lambda w: "demo")),
    Row("pdf_500", lambda s: f"PDF, {s.pdf:,}-initiative plan", "s", 4.0,
        _in_child("pdf", lambda w: w.synthetic(w.sizes.pdf, max(20, w.sizes.pdf // 4)))),
    Row("xlsx_import_10k", lambda s: f"XLSX import, {s.large:,} initiative rows", "s", 5.0,
        _in_child("xlsx_import", _xlsx_files), note="read + check + apply"),
    Row("merge_5k", lambda s: f"merge two {s.merge:,}-initiative plans, {s.merge_changes} changes each", "s", 2.0,
        _in_child("merge", _merge_versions), note="merge itself; reading and writing apart"),
    Row("gui_memory_10k", lambda s: f"GUI memory, {s.large:,}-initiative plan, every view", "MB", 300.0,
        _gui_memory, note="resident after visiting every view; peak in the memory column"),
)


# -- the children: one measurement each, reported as one JSON line ------------------------------------------------


def _report(**figures: Any) -> None:
    print(RESULT_PREFIX + json.dumps(figures), flush=True)


def child_cpm(count: str, repeat: str) -> None:
    from bench.bench_schedule import PLAN_END, PLAN_START, random_plan
    from planner.schedule import schedule

    inputs, links = random_plan(int(count))
    schedule(inputs, links, PLAN_START, PLAN_END)  # warm up
    values, cpu = [], []
    for _run in range(int(repeat)):
        began, cpu_began = time.perf_counter(), time.process_time()
        schedule(inputs, links, PLAN_START, PLAN_END)
        values.append((time.perf_counter() - began) * 1000)
        cpu.append((time.process_time() - cpu_began) * 1000)
    _report(values=values, cpu=cpu)


def child_roadmap(initiatives: str, frames: str) -> None:
    from bench.bench_roadmap import measure_roadmap

    figures = measure_roadmap(int(initiatives), int(frames), say=lambda _line: None)
    _report(values=[statistics.median(figures["at_one"])])


def child_network(stakeholders: str, relations: str, frames: str) -> None:
    from bench.bench_stakeholder_views import measure_views

    figures = measure_views(int(stakeholders), int(relations), int(frames), say=lambda _line: None)
    _report(values=[statistics.median(figures["network"])])


def child_pdf(plan: str) -> None:
    from bench.bench_pdf import pdf_builds, write_demo_plan

    path = Path(plan)
    if plan == "demo":
        path = Path(tempfile.mkdtemp(prefix="bench-pdf-")) / "demo.cplan"
        write_demo_plan(path, "ko")
    timings, cpu, _pages, _size = pdf_builds(path, "kr-master-plan", 1)
    _report(values=timings, cpu=cpu)


def child_prepare_xlsx(plan: str, folder: str) -> None:
    from bench.bench_xlsx import export_sheet

    export_sheet(Path(plan), Path(folder) / "stakeholders.xlsx", "stakeholders")
    export_sheet(Path(plan), Path(folder) / "initiatives.xlsx", "initiatives")
    _report(values=[])


def child_xlsx_import(folder: str) -> None:
    from bench.bench_xlsx import import_initiatives

    target = Path(tempfile.mkdtemp(prefix="bench-xlsx-")) / "target.cplan"
    phases, _report_lines = import_initiatives(Path(folder) / "initiatives.xlsx", Path(folder) / "stakeholders.xlsx",
                                               target)
    _report(values=[sum(wall for wall, _cpu in phases.values())], cpu=[sum(cpu for _wall, cpu in phases.values())])


def child_prepare_merge(folder: str, initiatives: str, stakeholders: str, changes: str) -> None:
    from bench.bench_merge import prepare_versions

    prepare_versions(Path(folder), int(initiatives), int(stakeholders), int(changes))
    _report(values=[])


def child_merge(folder: str) -> None:
    from bench.bench_merge import merge_once

    versions = [Path(folder) / f"{name}.cplan" for name in ("base", "ours", "theirs")]
    out = Path(tempfile.mkdtemp(prefix="bench-merge-")) / "merged.cplan"
    phases, _result = merge_once(*versions, out)
    _report(values=[phases["merge (rows, fields, checks)"]], phases=phases)


def child_gui_walk(plan: str) -> None:
    from bench.bench_gui_responsiveness import walk_gui

    figures, memory = walk_gui(Path(plan), say=lambda _line: None)
    _report(values=[memory["rss"]], memory=memory, operations=figures)


CHILDREN: dict[str, Callable[..., None]] = {
    "cpm": child_cpm, "roadmap": child_roadmap, "network": child_network, "pdf": child_pdf,
    "prepare_xlsx": child_prepare_xlsx, "xlsx_import": child_xlsx_import, "prepare_merge": child_prepare_merge,
    "merge": child_merge, "gui_walk": child_gui_walk,
}


# -- the table ---------------------------------------------------------------------------------------------------


def _number(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value:.2f} s"
    if unit == "ms":
        return f"{value:.1f} ms" if value < 100 else f"{value:.0f} ms"
    return f"{value:.0f} {unit}"


def table_lines(results: list[tuple[Row, Measured]], sizes: Sizes, quick: bool, markdown: bool) -> list[str]:
    header = ["benchmark", "median", "min–max", "runs", "CPU", "peak memory", "target", ""]
    body = []
    for row, measured in results:
        if row.target is None:
            target, verdict = "–", ""
        else:
            target = f"≤ {row.target:g} {row.unit}"
            verdict = "(quick)" if quick else ("✓" if measured.median <= row.target else "✗")
        values = measured.values
        spread = "–" if len(values) == 1 else f"{_number(min(values), row.unit)} – {_number(max(values), row.unit)}"
        cpu = _number(statistics.median(measured.cpu), row.unit) if measured.cpu else "–"
        body.append([row.label(sizes), _number(measured.median, row.unit), spread, str(len(values)), cpu,
                     f"{measured.peak_mb:.0f} MB", target, verdict])
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(cells) + " |" for cells in body]
        return lines
    widths = [max(len(cells[column]) for cells in [header, *body]) for column in range(len(header))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(header, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * width for width in widths))
    lines += ["  ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True)).rstrip()
              for cells in body]
    return lines


def machine_line() -> str:
    return (f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC; Python {platform.python_version()}; "
            f"{os.cpu_count()} CPUs; {platform.system()} {platform.machine()}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3, help="runs per row (default 3); medians are printed")
    parser.add_argument("--quick", action="store_true", help="small sizes and one run: checks the script quickly")
    parser.add_argument("--only", action="append", choices=[row.name for row in ROWS], metavar="NAME",
                        help="measure only this row (repeatable): " + ", ".join(row.name for row in ROWS))
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    parser.add_argument("--child", nargs="+", metavar=("NAME", "ARG"), help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.child:
        name, *arguments = options.child
        CHILDREN[name](*arguments)
        return 0
    sizes = QUICK if options.quick else Sizes()
    repeat = 1 if options.quick else max(1, options.repeat)
    rows = [row for row in ROWS if not options.only or row.name in options.only]
    results: list[tuple[Row, Measured]] = []
    print(f"bench/run.py: {len(rows)} rows, {repeat} run(s) each{' (quick sizes)' if options.quick else ''}; "
          f"{machine_line()}", file=sys.stderr, flush=True)
    compile_checkout()
    with tempfile.TemporaryDirectory(prefix="cplan-bench-run-") as folder:
        workspace = Workspace(Path(folder), sizes)
        for row in rows:
            began = time.perf_counter()
            results.append((row, row.measure(workspace, repeat)))
            print(f"  {row.name}: done in {time.perf_counter() - began:.0f} s", file=sys.stderr, flush=True)
    print(machine_line())
    for line in table_lines(results, sizes, options.quick, options.markdown):
        print(line)
    notes = [f"{row.label(sizes)}: {row.note}" for row, _measured in results if row.note]
    notes += [remark for _row, measured in results for remark in measured.remarks]
    for note in notes:
        print(("- " if options.markdown else "  ") + note)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
