"""Prints scheduler figures: schedule() on random DAGs of 1k / 10k / 100k initiatives, and materialising .items."""

from __future__ import annotations

import argparse
import gc
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from planner.schedule import DEPENDENCY_TYPES, Link, ScheduleInput, ScheduleResult, schedule  # noqa: E402

PLAN_START = 2027 * 12
PLAN_END = 2031 * 12 + 11
LINKS_PER_INITIATIVE = 1.5
TYPE_WEIGHTS = (0.6, 0.2, 0.12, 0.08)  # FS, SS, FF, SF as in planner.synth


def _uuid(generator: random.Random) -> str:
    text = f"{generator.getrandbits(128):032x}"
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


def random_plan(count: int, seed: int = 1) -> tuple[list[ScheduleInput], list[Link]]:
    """`count` initiatives with ~1.5 links each (all four types, leads and lags) forming a DAG; links carry
    their own copies of the id strings, as rows read from the database do."""
    generator = random.Random(seed)
    inputs = []
    for number in range(count):
        duration = 0 if generator.random() < 0.05 else generator.randint(1, 24)
        not_before = PLAN_START + generator.randrange(60) if generator.random() < 0.05 else None
        inputs.append(ScheduleInput(_uuid(generator), f"A-{number:06d}", PLAN_START + generator.randrange(48),
                                    duration, not_before))
    rank = list(range(count))
    generator.shuffle(rank)  # topological rank of each input position, so input order is not topological
    by_rank = sorted(range(count), key=rank.__getitem__)
    links: list[Link] = []
    seen: set[tuple[int, int]] = set()
    wanted = min(round(LINKS_PER_INITIATIVE * count), count * (count - 1) // 2)
    while len(links) < wanted:
        later = generator.randrange(1, count)
        earlier = max(0, later - 1 - int(generator.expovariate(1 / 50)))
        pair = (by_rank[earlier], by_rank[later])
        if pair in seen:
            continue
        seen.add(pair)
        kind = generator.choices(DEPENDENCY_TYPES, TYPE_WEIGHTS)[0]
        links.append(Link("".join(inputs[pair[0]].id), "".join(inputs[pair[1]].id), kind,
                          generator.randint(-3, 6), _uuid(generator)))
    return inputs, links


def measure(label: str, runs: int, work: Callable[[], object], before: Callable[[], None] | None = None) -> float:
    timings = []
    for _run in range(runs):
        if before is not None:
            before()
        started = time.perf_counter()
        work()
        timings.append(time.perf_counter() - started)
    median = statistics.median(timings)
    print(f"{label:<44} median {median * 1000:8.1f} ms   min–max {min(timings) * 1000:.1f}–"
          f"{max(timings) * 1000:.1f} ms   ({runs} runs)", flush=True)
    return median


def measure_result_parts(inputs: list[ScheduleInput], links: list[Link], runs: int) -> None:
    """Time the lazily built parts of a result, each on a fresh result."""
    results: list[ScheduleResult] = []

    def fresh() -> None:
        results[:] = [schedule(inputs, links, PLAN_START, PLAN_END)]
        gc.collect()

    measure(".items materialised", runs, lambda: results[0].items, before=fresh)
    measure(".critical_paths", runs, lambda: results[0].critical_paths, before=fresh)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="*", default=[1_000, 10_000, 100_000])
    parser.add_argument("--runs", type=int, default=7)
    options = parser.parse_args()
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs; {LINKS_PER_INITIATIVE} links per initiative")
    for count in options.sizes:
        inputs, links = random_plan(count)
        print(f"-- {count:,} initiatives, {len(links):,} links")
        gc.collect()
        measure("schedule() (ScheduleResult built)", options.runs,
                lambda inputs=inputs, links=links: schedule(inputs, links, PLAN_START, PLAN_END))
        measure_result_parts(inputs, links, options.runs)


if __name__ == "__main__":
    main()
