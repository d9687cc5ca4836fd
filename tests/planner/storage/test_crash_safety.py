"""kill -9 at random moments over hundreds of edit/save cycles: the plan file is always whole and current."""

from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

import pytest

from planner.storage import validate_plan_file
from tests.planner.storage.helpers import make_plan, read_only_connection, start_python, wait_for_line

CYCLES = 200
SEED = 20270301

# A small fork server: it imports and warms up once, then on "run" forks a worker that opens the plan, edits,
# saves and closes it in a loop, acknowledging each completed save durably; on "reap PID" it reaps the worker
# (so its pid is really gone and its lock is stale) and reports the wait status.
FORK_SERVER = r"""
import os, sys, traceback
from pathlib import Path
from sqlalchemy import select
from planner.commands import UpdateRow
from planner.model import Plan
from planner.storage import PlanDocument

plan, acknowledged, attempted, scratch = (Path(arg) for arg in sys.argv[1:5])


def title_command(document, title):
    with document.session() as session:
        plan_id = session.execute(select(Plan.id)).scalar_one()
    return UpdateRow("plan", plan_id, {"title": title})


def edit_save_loop():
    done = acknowledged.read_text().split() if acknowledged.exists() else []
    n = int(done[-1]) + 1 if done else 1
    while True:
        with attempted.open("a") as log:
            log.write(f"{n}\n")
        document = PlanDocument.open(plan)
        try:
            document.apply(title_command(document, f"v{n}"))
            document.save()
            descriptor = os.open(acknowledged, os.O_WRONLY | os.O_APPEND | os.O_CREAT)
            os.write(descriptor, f"{n}\n".encode())
            os.fsync(descriptor)
            os.close(descriptor)
        finally:
            document.close()
        n += 1


# Warm up on a scratch plan, so that kills land in saving rather than in first-call set-up.
warm_up = PlanDocument.new("warm-up", 2027, 2031)
warm_up.apply(title_command(warm_up, "warm"))
warm_up.save_as(scratch)
warm_up.close()
PlanDocument.open(scratch).close()
print("ready", flush=True)

for line in sys.stdin:
    command = line.split()
    if command[0] == "run":
        worker = os.fork()
        if worker == 0:
            try:
                edit_save_loop()
            except BaseException:
                traceback.print_exc()
                sys.stderr.flush()
            os._exit(1)
        print(worker, flush=True)
    elif command[0] == "reap":
        print(os.waitpid(int(command[1]), 0)[1], flush=True)
"""


def _last_acknowledged(acknowledged: Path) -> int:
    done = acknowledged.read_text().split() if acknowledged.exists() else []
    return int(done[-1]) if done else 0


def _check_plan(plan: Path, acknowledged: Path) -> None:
    assert plan.stat().st_size > 0
    report = validate_plan_file(plan)
    connection = read_only_connection(plan)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        connection.close()
    last = _last_acknowledged(acknowledged)
    # The last acknowledged save, or the one after it (saved, killed before acknowledging): never older.
    assert report.title in (f"v{last}", f"v{last + 1}"), (report.title, last)
    leftovers = [p.name for p in plan.parent.iterdir() if p.name.endswith((".saving", ".saving-journal"))]
    assert len([name for name in leftovers if name.endswith(".saving")]) <= 1, leftovers
    assert len(leftovers) <= 2, leftovers


@pytest.mark.slow
def test_kill_9_during_edit_save_cycles_never_loses_an_acknowledged_save(tmp_path: Path) -> None:
    (tmp_path / "plans").mkdir()
    plan = make_plan(tmp_path / "plans" / "plan.cplan", title="v0")
    acknowledged = tmp_path / "acknowledged.log"
    attempted = tmp_path / "attempted.log"
    errors = tmp_path / "fork-server.err"
    chooser = random.Random(SEED)

    with errors.open("w") as stderr:
        server = start_python(FORK_SERVER, plan, acknowledged, attempted, tmp_path / "scratch.cplan", stderr=stderr)
    assert server.stdin is not None and server.stdout is not None

    def ask(command: str) -> int:
        server.stdin.write(command + "\n")
        server.stdin.flush()
        answer = server.stdout.readline()
        if not answer.strip():
            pytest.fail(f"the fork server died:\n{errors.read_text()}")
        return int(answer)

    kills = 0
    started = time.monotonic()
    try:
        wait_for_line(server, "ready")
        while not attempted.exists() or len(attempted.read_text().split()) < CYCLES:
            worker = ask("run")
            time.sleep(chooser.uniform(0.005, 0.080))
            os.kill(worker, signal.SIGKILL)
            status = ask(f"reap {worker}")
            if not (os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL):
                pytest.fail(f"worker {worker} stopped by itself:\n{errors.read_text()}")
            kills += 1
            _check_plan(plan, acknowledged)
    finally:
        server.kill()
        server.communicate()

    attempts = len(attempted.read_text().split())
    saves = len(acknowledged.read_text().split()) if acknowledged.exists() else 0
    print(f"\n{attempts} edit/save cycles attempted, {saves} acknowledged, {kills} kills, "
          f"{time.monotonic() - started:.1f} s")
    assert attempts >= CYCLES
    assert saves > 0 and kills > 0
