"""Processes racing for one plan's lock: exactly one gets it, and a lock file is never seen half-written."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from planner.errors import PlanLockedError
from planner.storage.lock import acquire_lock, lock_path_for, read_lock

RACERS = 8
ROUNDS = 5


def _race(plan: str, barrier, results, release) -> None:
    barrier.wait()
    try:
        lock = acquire_lock(Path(plan))
    except PlanLockedError as error:
        results.put(("locked", error.holder.pid))
        return
    results.put(("won", None) if lock else ("no-lock", None))
    release.wait(10)  # hold the lock (and stay alive) until every racer has tried
    if lock:
        lock.release()


def test_racing_processes_never_both_get_the_lock(tmp_path: Path) -> None:
    context = multiprocessing.get_context("fork")
    for round_number in range(ROUNDS):
        plan = tmp_path / f"plan-{round_number}.cplan"
        plan.write_bytes(b"")
        barrier, results, release = context.Barrier(RACERS), context.Queue(), context.Event()
        racers = [context.Process(target=_race, args=(str(plan), barrier, results, release)) for _ in range(RACERS)]
        for racer in racers:
            racer.start()
        outcomes = [results.get(timeout=30) for _ in racers]
        holder = read_lock(lock_path_for(plan))
        release.set()
        for racer in racers:
            racer.join(30)
        winners = [outcome for outcome in outcomes if outcome[0] == "won"]
        assert len(winners) == 1, outcomes
        assert holder is not None, "the winner's lock file was unreadable while held"
        assert all(outcome == ("locked", holder.pid) for outcome in outcomes if outcome[0] != "won"), outcomes
        assert list(tmp_path.glob(".*.lock.*")) == []  # no private files left behind
