"""Prints the JSON round trip of a synthetic plan: export, parse and check, import (target: 3 s in all)."""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--initiatives", type=int, default=10_000)
    parser.add_argument("--stakeholders", type=int, default=2_000)
    parser.add_argument("--runs", type=int, default=3, help="repetitions; medians are printed")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="cplan-bench-") as temporary:
        folder = Path(temporary)
        os.environ["CPLAN_DATA_DIR"] = str(folder / "app-data")
        sys.path.insert(0, str(ROOT))
        from sqlalchemy.orm import Session

        from planner.interchange.importing import import_plan_json_command
        from planner.interchange.plan_json import plan_to_json, read_plan_json, render_plan_json
        from planner.storage.create import create_plan_database
        from planner.storage.document import make_engine
        from planner.synth import synthesize_plan

        source = folder / "synth.cplan"
        synthesize_plan(source, options.initiatives, options.stakeholders, seed=1)
        print(f"Python {sys.version.split()[0]}; {options.initiatives:,} initiatives / "
              f"{options.stakeholders:,} stakeholders")
        runs: dict[str, list[float]] = {}
        for run in range(options.runs):
            started = time.perf_counter()
            engine = make_engine(source)
            with Session(engine) as session:
                data = render_plan_json(plan_to_json(session))
            engine.dispose()
            runs.setdefault("export (tables → JSON bytes)", []).append(time.perf_counter() - started)

            started = time.perf_counter()
            tables, report = read_plan_json(data)
            runs.setdefault("parse + check", []).append(time.perf_counter() - started)
            if not report.ok:
                raise SystemExit("\n".join(report.lines()))

            target = folder / f"target-{run}.cplan"
            create_plan_database(target, title="target", start_year=2027, end_year=2031)
            started = time.perf_counter()
            engine = make_engine(target)
            with Session(engine) as session, session.begin():
                command = import_plan_json_command(session, tables, report=report)
                command.apply(session)
            engine.dispose()
            runs.setdefault("import (one command, committed)", []).append(time.perf_counter() - started)
        figures = {label: statistics.median(seconds) for label, seconds in runs.items()}

        rows = sum(report.counts.values())
        print(f"{rows:,} rows, {len(data) / 1e6:.1f} MB of JSON")
        for label, seconds in figures.items():
            print(f"  {label:<36} {seconds:7.3f} s")
        total = sum(figures.values())
        print(f"  (medians of {options.runs} runs)")
        print(f"  {'round trip':<36} {total:7.3f} s   (target ≤ 3 s: {'met' if total <= 3 else 'NOT met'})")


if __name__ == "__main__":
    main()
