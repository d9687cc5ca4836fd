"""Prints what recording the history costs: a one-field edit, and imports of a 10,000-initiative plan (a whole-plan
replacement, its undo, and an update of every initiative), each with and without the recording."""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--initiatives", type=int, default=10_000)
    parser.add_argument("--stakeholders", type=int, default=2_000)
    parser.add_argument("--runs", type=int, default=3, help="repetitions; medians are printed")
    parser.add_argument("--edits", type=int, default=30, help="one-field edits per run")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="cplan-bench-") as temporary:
        folder = Path(temporary)
        os.environ["CPLAN_DATA_DIR"] = str(folder / "app-data")
        sys.path.insert(0, str(ROOT))
        from sqlalchemy import select
        from sqlalchemy.orm import Session

        from planner import history
        from planner.commands import UpdateRow
        from planner.interchange.importing import import_plan_json_command
        from planner.interchange.incoming import IncomingRows, existing_rows, import_rows_command
        from planner.interchange.plan_json import plan_to_json, read_plan_json, render_plan_json
        from planner.interchange.report import ImportReport
        from planner.model import ChangeLogEntry, Initiative
        from planner.storage import PlanDocument
        from planner.storage.create import create_plan_database
        from planner.storage.document import make_engine
        from planner.synth import synthesize_plan

        source = folder / "synth.cplan"
        synthesize_plan(source, options.initiatives, options.stakeholders, seed=1)
        engine = make_engine(source)
        with Session(engine) as session:
            data = render_plan_json(plan_to_json(session))
        engine.dispose()
        tables, report = read_plan_json(data)
        print(f"Python {sys.version.split()[0]}; {options.initiatives:,} initiatives / "
              f"{options.stakeholders:,} stakeholders, {sum(report.counts.values()):,} rows")

        recording = (history.record_edit, history.install_change_capture)
        figures: dict[tuple[str, bool], list[float]] = {}
        writing: dict[str, list[float]] = {}  # time spent in record_edit itself (reading old rows, writing the entry)
        spent: list[float] = []

        def timed_record_edit(*arguments: Any, **keywords: Any) -> bool:
            started = time.perf_counter()
            try:
                return recording[0](*arguments, **keywords)
            finally:
                spent.append(time.perf_counter() - started)

        def timed(label: str, recorded: bool, work: Callable[..., Any], *arguments: Any) -> None:
            spent.clear()
            started = time.perf_counter()
            work(*arguments)
            figures.setdefault((label, recorded), []).append(time.perf_counter() - started)
            if recorded:
                writing.setdefault(label, []).append(sum(spent))

        for run in range(options.runs):
            for recorded in (False, True):
                if recorded:
                    history.record_edit, history.install_change_capture = timed_record_edit, recording[1]
                else:  # the document as it was before the history: no triggers, no entries
                    history.record_edit = lambda *_args, **_kw: False  # type: ignore[assignment]
                    history.install_change_capture = lambda _engine: None  # type: ignore[assignment]
                target = folder / f"target-{run}-{recorded}.cplan"
                create_plan_database(target, title="target", start_year=2027, end_year=2031)
                document = PlanDocument.open(target)
                try:
                    with document.session() as session:
                        replace = import_plan_json_command(session, tables, report=report)
                    timed("import into an empty plan (ReplacePlanCommand)", recorded, document.apply, replace)
                    with document.session() as session:
                        ids = list(session.execute(select(Initiative.id).limit(options.edits)).scalars())
                    for number, row_id in enumerate(ids):
                        edit = UpdateRow("initiative", row_id, {"title": f"제목 {number}"})
                        timed("one-field edit (UpdateRow)", recorded, document.apply, edit)
                    with document.session() as session:
                        again = import_plan_json_command(session, tables, report=report)
                    timed("replace the whole 10k plan again", recorded, document.apply, again)
                    timed("undo that replacement", recorded, document.revert, again)
                    with document.session() as session:
                        incoming = IncomingRows()
                        for row in existing_rows(session, "initiative"):
                            incoming.update("initiative", row, {"title": row["title"] + " ㄱ"}, "row")
                        upsert = import_rows_command(session, incoming, ImportReport(), "Import initiatives")
                    assert upsert is not None
                    timed("update every initiative (UpsertRowsCommand)", recorded, document.apply, upsert)
                    if recorded:
                        with document.session() as session:
                            sizes = [len(str(row)) for row in session.execute(select(ChangeLogEntry.details)).scalars()]
                        figures.setdefault(("largest entry (characters)", True), []).append(max(sizes))
                finally:
                    document.close()
        history.record_edit, history.install_change_capture = recording

        print(f"  {'':<50} {'without':>10} {'with':>10} {'added':>10} {'recording':>10}")
        labels = dict.fromkeys(label for label, _recorded in figures)
        for label in labels:
            if label.startswith("largest"):
                print(f"  {label:<50} {'':>10} {statistics.median(figures[(label, True)]):>10,.0f}")
                continue
            without = statistics.median(figures[(label, False)]) * 1000
            with_history = statistics.median(figures[(label, True)]) * 1000
            entry = statistics.median(writing[label]) * 1000
            print(f"  {label:<50} {without:>8.1f}ms {with_history:>8.1f}ms {with_history - without:>8.1f}ms "
                  f"{entry:>8.1f}ms")
        print(f"  (medians of {options.runs} runs; one-field edits: {options.edits} per run; 'recording' is the time in "
              "record_edit alone, the rest of 'added' is the triggers and noise)")


if __name__ == "__main__":
    main()
