"""Prints team-plan figures: ten simulated editors on a 200-initiative plan (edits/s, conflicts, notification
latency median/max) and whether any update was lost. Needs PostgreSQL: --url names a superuser URL of an
existing server (a new database is made there and dropped), else a throw-away server is started (initdb)."""

from __future__ import annotations

import argparse
import contextlib
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--editors", type=int, default=10)
    parser.add_argument("--initiatives", type=int, default=200)
    parser.add_argument("--hot-rows", type=int, default=20, help="how many initiatives the editors share")
    parser.add_argument("--url", default="", help="postgresql://SUPERUSER@HOST:PORT/postgres (else initdb)")
    args = parser.parse_args()

    from tests.team.conftest import _server_from_url, _start_server, _stop_server

    with tempfile.TemporaryDirectory(prefix="cplan-bench-team-") as folder:
        started_here = not args.url
        if started_here:
            import os
            import pwd

            if os.geteuid() == 0:
                account = pwd.getpwnam("postgres")
                os.chown(folder, account.pw_uid, account.pw_gid)
            server = _start_server(Path(folder))
        else:
            server = _server_from_url(args.url)
        try:
            return _run(server, Path(folder), args)
        finally:
            if started_here:
                _stop_server(Path(folder))


def _run(server: object, folder: Path, args: argparse.Namespace) -> int:
    from planner.cli import main as cplan
    from planner.synth import synthesize_plan
    from planner.team.session import TeamPlan
    from planner.team.simulation import check_no_lost_update, run_editors

    database = server.create_database()  # type: ignore[attr-defined]
    try:
        url = server.url(database)  # type: ignore[attr-defined]
        plan = folder / "bench.cplan"
        synthesize_plan(plan, args.initiatives, max(args.initiatives // 5, 1), seed=8)
        with contextlib.redirect_stdout(sys.stderr):
            assert cplan(["server", "init", url]) == 0
            assert cplan(["server", "publish", str(plan), url]) == 0
        result = run_editors(url, editors=args.editors, seconds=args.seconds, hot_rows=args.hot_rows, seed=1)
        with TeamPlan.connect(url) as reader:
            final = {row["id"]: row for row in reader.read_rows("initiative")}
        problems = check_no_lost_update(result, final)
        median, worst = result.latency_summary()
        print(f"editors: {args.editors}, initiatives: {args.initiatives}, shared rows: {args.hot_rows}, "
              f"run: {result.seconds:.1f} s")
        print(f"committed edits: {len(result.committed)} ({result.edits_per_second:.0f}/s), "
              f"conflicts reported: {len(result.refused)}, lost connections: {len(result.lost_connection)}")
        print(f"notifications heard: {len(result.heard)} of {len(result.committed)}; "
              f"latency median {median * 1000:.1f} ms, max {worst * 1000:.1f} ms (target ≤ 1000 ms)")
        print(f"lost updates: {len(problems)}" + (f" — first: {problems[0]}" if problems else ""))
        return 0 if not problems and worst <= 1.0 else 1
    finally:
        with contextlib.suppress(Exception):
            server.drop_database(database)  # type: ignore[attr-defined]


if __name__ == "__main__":
    sys.exit(main())
