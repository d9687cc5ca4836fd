"""Prints the XLSX round trip of a synthetic plan's initiatives: export, read, check + command, apply (target:
importing a 10,000-initiative sheet ≤ 5 s, read + check + apply). Wall-clock and CPU seconds are both printed:
on a busy machine the CPU time says what the import costs by itself."""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def export_sheet(source: Path, target: Path, table: str) -> None:
    """One table of the plan at `source` as a one-sheet XLSX file (Korean headers)."""
    from sqlalchemy.orm import Session

    from planner.interchange.tabular.exporting import exported_table, sheet_of
    from planner.interchange.tabular.xlsx_files import write_xlsx
    from planner.storage.document import make_engine

    engine = make_engine(source)
    with Session(engine) as session:
        write_xlsx(target, [sheet_of(exported_table(session, table, "ko"), "ko")])
    engine.dispose()


def import_initiatives(sheet_file: Path, stakeholders_file: Path, target: Path) -> tuple[dict[str, tuple[float, float]], Any]:
    """Import the initiatives sheet into a new plan at `target` whose stakeholders were imported first (not
    timed: a planner imports them before the initiatives). Returns the wall-clock and CPU seconds of each phase
    (read, check, apply) and the import report."""
    from sqlalchemy.orm import Session

    from planner.interchange.formats import ImportOptions
    from planner.interchange.report import ImportReport
    from planner.interchange.tabular.importing import build_import_of, read_sheets
    from planner.interchange.tabular.registered import import_tabular
    from planner.interchange.tabular.sheets import guess_kind
    from planner.interchange.tabular.tables import guess_columns
    from planner.storage.create import create_plan_database
    from planner.storage.document import make_engine

    phases: dict[str, tuple[float, float]] = {}

    @contextlib.contextmanager
    def phase(label: str) -> Iterator[None]:
        wall, cpu = time.perf_counter(), time.process_time()
        yield
        phases[label] = (time.perf_counter() - wall, time.process_time() - cpu)

    create_plan_database(target, title="target", start_year=2027, end_year=2031)
    engine = make_engine(target)
    with Session(engine) as session, session.begin():
        command, stakeholder_report = import_tabular(stakeholders_file.read_bytes(), ".xlsx", session,
                                                     ImportOptions(source_name="stakeholders.xlsx"))
        if command is None:
            raise SystemExit("\n".join(stakeholder_report.lines()))
        command.apply(session)
    engine.dispose()

    with phase("read (zip checks + openpyxl)"):
        report = ImportReport()
        sheets = read_sheets(sheet_file.read_bytes(), ".xlsx", report)

    engine = make_engine(target)
    with Session(engine) as session:
        session.begin()
        with phase("cells + match + check (command)"):
            sheet = sheets[0]
            kind = guess_kind(sheet)
            assert kind == "initiatives", kind
            columns = guess_columns(kind, sheet.headers)
            command = build_import_of(session, [(kind, sheet, columns)], report, "bench")
        if command is None:
            raise SystemExit("\n".join(report.lines()))
        with phase("apply (one command, committed)"):
            command.apply(session)
            session.commit()
    engine.dispose()
    return phases, report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--initiatives", type=int, default=10_000)
    parser.add_argument("--stakeholders", type=int, default=2_000)
    parser.add_argument("--runs", type=int, default=3, help="repetitions; medians are printed")
    parser.add_argument("--workbook", action="store_true", help="also time the whole workbook (every table)")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="cplan-bench-") as temporary:
        folder = Path(temporary)
        os.environ["CPLAN_DATA_DIR"] = str(folder / "app-data")
        from sqlalchemy.orm import Session

        from planner.interchange.formats import ImportOptions
        from planner.interchange.tabular.exporting import write_workbook_xlsx
        from planner.interchange.tabular.registered import import_tabular
        from planner.storage.create import create_plan_database
        from planner.storage.document import make_engine
        from planner.synth import synthesize_plan

        source = folder / "synth.cplan"
        synthesize_plan(source, options.initiatives, options.stakeholders, seed=1)
        print(f"Python {sys.version.split()[0]}; {options.initiatives:,} initiatives / "
              f"{options.stakeholders:,} stakeholders")
        stakeholders_file = folder / "stakeholders.xlsx"
        sheet_file = folder / "initiatives.xlsx"
        export_sheet(source, stakeholders_file, "stakeholders")

        runs: dict[str, list[tuple[float, float]]] = {}
        for run in range(options.runs):
            wall, cpu = time.perf_counter(), time.process_time()
            export_sheet(source, sheet_file, "initiatives")
            runs.setdefault("export (initiatives sheet)", []).append((time.perf_counter() - wall,
                                                                      time.process_time() - cpu))
            phases, report = import_initiatives(sheet_file, stakeholders_file, folder / f"target-{run}.cplan")
            for label, figures in phases.items():
                runs.setdefault(label, []).append(figures)
        figures = {label: (statistics.median(wall for wall, _cpu in times),
                           statistics.median(cpu for _wall, cpu in times)) for label, times in runs.items()}
        megabytes = sheet_file.stat().st_size / 1e6
        print(f"{report.counts['initiative']:,} initiative rows, {megabytes:.1f} MB of XLSX")
        print(f"  {'':<36} {'wall':>9} {'CPU':>9}")
        for label, (wall, cpu) in figures.items():
            print(f"  {label:<36} {wall:7.3f} s {cpu:7.3f} s")
        wall_total = sum(wall for label, (wall, _cpu) in figures.items() if not label.startswith("export"))
        cpu_total = sum(cpu for label, (_wall, cpu) in figures.items() if not label.startswith("export"))
        print(f"  (medians of {options.runs} runs)")
        verdict = "met" if wall_total <= 5 else "NOT met"
        print(f"  {'import (read + check + apply)':<36} {wall_total:7.3f} s {cpu_total:7.3f} s   "
              f"(target ≤ 5 s: {verdict})")

        if options.workbook:
            engine = make_engine(source)
            started = time.perf_counter()
            with Session(engine) as session:
                counts = write_workbook_xlsx(session, folder / "all.xlsx", "ko")
            engine.dispose()
            seconds = time.perf_counter() - started
            print(f"  whole workbook export ({sum(counts.values()):,} rows)  {seconds:7.3f} s")
            target = folder / "all-target.cplan"
            create_plan_database(target, title="target", start_year=2027, end_year=2031)
            engine = make_engine(target)
            started = time.perf_counter()
            with Session(engine) as session, session.begin():
                data = (folder / "all.xlsx").read_bytes()
                command, workbook_report = import_tabular(data, ".xlsx", session,
                                                          ImportOptions(source_name="all.xlsx"))
                if command is None:
                    raise SystemExit("\n".join(workbook_report.lines()))
                command.apply(session)
            engine.dispose()
            print(f"  whole workbook import                {time.perf_counter() - started:7.3f} s")


if __name__ == "__main__":
    main()
