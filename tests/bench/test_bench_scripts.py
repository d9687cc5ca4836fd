"""The benchmark scripts keep working: bench/run.py measures a cheap row and prints its table, and
bench/vs_taskjuggler.py's comparison of the two schedules finds agreement and disagreement. No timings asserted."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import planner.cli as cli
from bench.processes import ROOT, checkout_env, run_process
from bench.vs_taskjuggler import comparable_codes, compare_schedules

TJ3 = shutil.which("tj3")
needs_tj3 = pytest.mark.skipif(TJ3 is None, reason="TaskJuggler (tj3, Debian package tj3) is not installed")


def run_script(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), *args], capture_output=True, text=True,
                          env=checkout_env(), cwd=ROOT, timeout=300)


def test_run_py_quick_measures_one_row_and_prints_the_table() -> None:
    result = run_script("--quick", "--only", "cpm_10k")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[1].split()[:3] == ["benchmark", "median", "min–max"]
    rows = [line for line in lines if line.startswith("CPM schedule()")]
    assert len(rows) == 1 and "1,000 initiatives" in rows[0]  # the quick size of the 10k row
    assert "≤ 20 ms" in rows[0] and "(quick)" in rows[0] and " MB " in rows[0]


def test_run_py_prints_markdown_and_refuses_an_unknown_row() -> None:
    result = run_script("--quick", "--only", "cpm_1k", "--markdown")
    assert result.returncode == 0, result.stderr
    table = [line for line in result.stdout.splitlines() if line.startswith("|")]
    assert table[0].startswith("| benchmark | median |") and table[1].startswith("|---|")
    assert table[2].startswith("| CPM schedule(), 100 initiatives |") and len(table) == 3
    refused = run_script("--only", "no_such_row")
    assert refused.returncode == 2 and "no_such_row" in refused.stderr


def test_a_child_measurement_reports_its_own_peak_memory() -> None:
    run = run_process([sys.executable, "-c", "data = bytearray(64 * 1024 * 1024); data[::4096] = b'x' * len(data[::4096])"],
                      env=checkout_env())
    assert run.returncode == 0 and run.peak_mb > 64 and run.cpu > 0


@needs_tj3
def test_the_comparison_finds_both_schedules_agree_and_notices_a_difference(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    plan = tmp_path / "p.cplan"
    assert cli.main(["synth", str(plan), "--initiatives", "40", "--stakeholders", "10", "--seed", "3"]) == 0
    assert cli.main(["export", str(plan), "--to", str(tmp_path / "p.tjp"), "--lang", "en"]) == 0
    ours = tmp_path / "ours.csv"
    assert cli.main(["export", str(plan), "--to", str(ours), "--kind", "schedule", "--lang", "en"]) == 0
    capsys.readouterr()
    out = tmp_path / "tj3-out"
    out.mkdir()
    tj3 = run_process([str(TJ3), "--no-color", "--silent", "-o", str(out), str(tmp_path / "p.tjp")])
    assert tj3.returncode == 0, tj3.stdout[-2000:] + tj3.stderr[-2000:]

    comparable = comparable_codes(plan)
    agreement = compare_schedules(out / "schedule.csv", ours, comparable)
    assert agreement.same_tasks and agreement.ours == agreement.theirs == 40
    assert agreement.same_names == 40
    assert agreement.comparable == len(comparable) > 10 and agreement.comparable_agree == agreement.comparable
    assert agreement.fair and agreement.differing == []

    # One comparable task a month later in our file: the comparison says which, and the race is not fair.
    lines = ours.read_text("utf-8-sig").splitlines()
    number, line = next((number, line) for number, line in enumerate(lines) if line.split(",")[0] in comparable)
    code, title, start, finish = line.split(",")
    year, month = map(int, finish.split("-"))
    later = f"{year + month // 12}-{month % 12 + 1:02d}"
    lines[number] = ",".join([code, title, start, later])
    ours.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    changed = compare_schedules(out / "schedule.csv", ours, comparable)
    assert not changed.fair and changed.comparable_agree == changed.comparable - 1
    assert changed.differing == [f"{code}: {start}..{later} vs {start}..{finish}"]
