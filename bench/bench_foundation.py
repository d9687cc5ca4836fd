"""Prints foundation figures: cplan synth (in-process and as a process), cplan info as a process, PlanDocument.open."""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def measure(label: str, runs: int, work: Callable[[int], None],
            untimed_before: Callable[[int], None] | None = None) -> list[float]:
    """Run work(run_number) `runs` times (each after untimed_before(run_number), if given); print the median
    and the min–max in seconds."""
    timings = []
    for run in range(runs):
        if untimed_before is not None:
            untimed_before(run)
        started = time.perf_counter()
        work(run)
        timings.append(time.perf_counter() - started)
    print(f"{label:<58} median {statistics.median(timings):7.3f} s   "
          f"min–max {min(timings):.3f}–{max(timings):.3f} s   ({runs} runs)", flush=True)
    return timings


def run_cplan(folder: Path, *args: str) -> None:
    env = os.environ | {"PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    result = subprocess.run([sys.executable, "-m", "planner.cli", *args], cwd=folder, env=env,
                            capture_output=True, text=True, encoding="utf-8")
    if result.returncode != 0:
        raise SystemExit(f"cplan {' '.join(args)} failed: {result.stderr.strip()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--initiatives", type=int, default=10_000)
    parser.add_argument("--stakeholders", type=int, default=2_000)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="cplan-bench-") as temporary:
        folder = Path(temporary)
        os.environ["CPLAN_DATA_DIR"] = str(folder / "app-data")  # working copies stay in the temporary folder
        sys.path.insert(0, str(ROOT))
        from planner.cli import main as cplan
        from planner.storage import PlanDocument

        size = f"{options.initiatives:,} initiatives / {options.stakeholders:,} stakeholders"
        counts = ["--initiatives", str(options.initiatives), "--stakeholders", str(options.stakeholders)]
        print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs; {size}")

        def synth_in_process(run: int) -> None:
            with contextlib.redirect_stdout(io.StringIO()):
                code = cplan(["synth", str(folder / f"in-process-{run}.cplan"), *counts])
            if code != 0:
                raise SystemExit("cplan synth failed")

        measure("cplan synth, in-process (main([...]))", options.runs, synth_in_process)
        measure("cplan synth, whole process", options.runs,
                lambda run: run_cplan(folder, "synth", f"process-{run}.cplan", *counts))
        plan = folder / "process-0.cplan"
        print(f"{'plan file size':<58} {plan.stat().st_size / 1e6:7.1f} MB")
        measure("cplan info, whole process", options.runs, lambda run: run_cplan(folder, "info", plan.name))
        measure("cplan info --json, whole process", options.runs,
                lambda run: run_cplan(folder, "info", "--json", plan.name))
        measure("python -c pass (interpreter start, for scale)", options.runs,
                lambda run: subprocess.run([sys.executable, "-c", "pass"], check=True))

        opened: list[PlanDocument] = []

        def close_previous(run: int) -> None:
            while opened:
                opened.pop().close()

        measure("PlanDocument.open (validate, lock, copy), in-process", options.runs,
                lambda run: opened.append(PlanDocument.open(plan)), untimed_before=close_previous)
        close_previous(0)

if __name__ == "__main__":
    main()
