"""Time from process start to the main window's first paint: start page, demo plan, a 10,000-initiative plan."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = int(os.environ.get("RUNS", "7"))

# Runs the real entry point and prints the wall-clock time of the first paint of the main window.
CHILD = r"""
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
import desktop_app.app as app_module
from desktop_app.main_window import MainWindow

class FirstPaintWatcher(QObject):
    seen = False
    def eventFilter(self, watched, event):
        if not self.seen and event.type() == QEvent.Type.Paint and hasattr(watched, "window") \
                and isinstance(watched.window(), MainWindow):
            self.seen = True
            print("PAINTED", time.time(), flush=True)
            QTimer.singleShot(0, self.finish)
        return False
    def finish(self):
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow):
                widget.shutdown()
        QApplication.exit(0)

watcher = FirstPaintWatcher()
original = app_module.create_application
def create(argv):
    application = original(argv)
    application.installEventFilter(watcher)
    return application
app_module.create_application = create
MainWindow.offer_recovery = lambda self: None
sys.exit(app_module.main(sys.argv[1:]))
"""


def first_paint(arguments: list[str], data_dir: str) -> tuple[float, float]:
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen", "CPLAN_DATA_DIR": data_dir}
    started = time.time()
    result = subprocess.run([sys.executable, "-c", CHILD, *arguments], capture_output=True, text=True, env=env, cwd=ROOT)
    ended = time.time()
    painted = [float(line.split()[1]) for line in result.stdout.splitlines() if line.startswith("PAINTED")]
    if not painted:
        raise SystemExit(f"no paint seen for {arguments}:\n{result.stdout}\n{result.stderr}")
    return painted[0] - started, ended - started


def report(label: str, arguments: list[str], data_dir: str) -> None:
    runs = [first_paint(arguments, data_dir) for _ in range(RUNS)]
    paints = [paint for paint, _whole in runs]
    print(f"{label:<38} first paint median {statistics.median(paints):6.3f} s "
          f"(min {min(paints):.3f}, max {max(paints):.3f}); whole process {statistics.median(w for _p, w in runs):.3f} s")


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        big = Path(folder) / "synthetic-10k.cplan"
        subprocess.run([sys.executable, "-m", "planner.cli", "synth", str(big), "--initiatives", "10000",
                        "--stakeholders", "2000"], check=True, cwd=ROOT, capture_output=True)
        data_dir = str(Path(folder) / "data")
        print(f"{RUNS} runs each, offscreen; targets: demo ≤ 0.8 s, 10,000 initiatives ≤ 2 s")
        report("start page", [], data_dir)
        report("demo plan (--demo)", ["--demo"], data_dir)
        report("10,000 initiatives, overview", [str(big)], data_dir)
        report("10,000 initiatives, initiative table", [str(big), "--view", "initiatives"], data_dir)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
