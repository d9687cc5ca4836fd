"""Prints PDF build times: the demo plan and a synthetic 500-initiative plan (median of 3, pages, the parts)."""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"demo": 2.0, "synthetic": 4.0}  # seconds, from the issue
sys.path.insert(0, str(ROOT))


def write_demo_plan(path: Path, language: str) -> None:
    """The demo plan as a .cplan file at `path`."""
    from sqlalchemy.orm import Session

    from planner.demo import build_demo_plan
    from planner.storage.create import create_empty_database
    from planner.storage.document import make_engine

    create_empty_database(path)
    engine = make_engine(path)
    with Session(engine) as session, session.begin():
        build_demo_plan(session, language=language)
    engine.dispose()


def pdf_builds(path: Path, profile_id: str, runs: int,
               profile_run: bool = False) -> tuple[list[float], list[float], int, int]:
    """Build the PDF of the plan at `path` once untimed (imports, caches), then `runs` times: the seconds (wall
    clock, then CPU) of each timed build, the pages and the bytes."""
    from sqlalchemy.orm import Session

    from planner.guidelines.loader import find_profile
    from planner.reports.pdf import render_pdf
    from planner.storage import PlanDocument

    profile = find_profile(profile_id)
    document = PlanDocument.open(path)
    timings, cpu, pages, size = [], [], 0, 0
    try:
        with document.session() as session:
            def build(session: Session = session) -> tuple[bytes, int]:
                return render_pdf(session, profile, profile.language)

            build()  # a first, untimed build: imports, matplotlib's font cache, reportlab's caches
            for _run in range(runs):
                started, cpu_started = time.perf_counter(), time.process_time()
                data, pages = build()
                timings.append(time.perf_counter() - started)
                cpu.append(time.process_time() - cpu_started)
                size = len(data)
            if profile_run:
                import cProfile
                import pstats

                profiler = cProfile.Profile()
                profiler.runcall(build)
                pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    finally:
        document.close()
    return timings, cpu, pages, size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--initiatives", type=int, default=500)
    parser.add_argument("--stakeholders", type=int, default=120)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profile", default="kr-master-plan")
    parser.add_argument("--profile-run", action="store_true", help="print the top cProfile entries of one build")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="cplan-bench-pdf-") as temporary:
        folder = Path(temporary)
        os.environ["CPLAN_DATA_DIR"] = str(folder / "app-data")
        from planner.guidelines.loader import find_profile
        from planner.reports.context import register_fonts
        from planner.synth import synthesize_plan

        print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs; profile {options.profile}")
        profile = find_profile(options.profile)
        started = time.perf_counter()
        register_fonts()
        print(f"{'font registration (once per process)':<44} {time.perf_counter() - started:6.2f} s")

        demo_path = folder / "demo.cplan"
        write_demo_plan(demo_path, profile.language)
        synthetic_path = folder / "synthetic.cplan"
        synthesize_plan(synthetic_path, options.initiatives, options.stakeholders, seed=0)

        for label, path, target in (("demo plan (28 initiatives)", demo_path, TARGETS["demo"]),
                                    (f"synthetic plan ({options.initiatives} initiatives)", synthetic_path,
                                     TARGETS["synthetic"])):
            timings, _cpu, pages, size = pdf_builds(path, options.profile, options.runs, options.profile_run)
            median = statistics.median(timings)
            verdict = "ok" if median <= target else "OVER"
            print(f"{label:<44} median {median:6.2f} s  min–max {min(timings):.2f}–{max(timings):.2f} s  "
                  f"{pages:4d} pages  {size / 1e6:5.2f} MB  target ≤ {target:.0f} s: {verdict}", flush=True)

if __name__ == "__main__":
    main()
