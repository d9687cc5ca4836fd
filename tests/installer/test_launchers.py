"""The frozen executables' entry scripts, run from source: the GUI's first-paint probe and the CLI launcher."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _environment(tmp_path: Path, **extra: str) -> dict[str, str]:
    return os.environ | {"QT_QPA_PLATFORM": "offscreen", "CPLAN_DATA_DIR": str(tmp_path / "data"),
                         "CPLAN_LANG": "en", **extra}


def test_first_paint_probe_reports_the_window_with_the_demo_plan_and_quits(tmp_path: Path) -> None:
    started = time.time()
    result = subprocess.run([sys.executable, str(ROOT / "installer" / "launch_gui.py"), "--demo"],
                            capture_output=True, text=True, timeout=120, cwd=tmp_path,
                            env=_environment(tmp_path, CPLAN_REPORT_FIRST_PAINT="1"))
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith("FIRST_PAINT ")]
    assert len(lines) == 1
    assert started < float(lines[0].split()[1]) < time.time()


def test_cli_launcher_runs_cplan(tmp_path: Path) -> None:
    from planner import version

    result = subprocess.run([sys.executable, str(ROOT / "installer" / "launch_cli.py"), "--version"],
                            capture_output=True, text=True, timeout=60, cwd=tmp_path, env=_environment(tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"cplan {version()}"


def test_smoke_script_is_executable_and_valid_bash() -> None:
    for script in ("smoke", "build_frozen.sh", "build_deb.sh"):
        path = ROOT / "installer" / script
        assert os.access(path, os.X_OK), f"{script} is not executable"
        result = subprocess.run(["bash", "-n", str(path)], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
