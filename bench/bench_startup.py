"""Time from process start to the main window's first paint: start page, demo plan, a 10,000-initiative plan."""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RUNS = int(os.environ.get("RUNS", "7"))

from bench.processes import ProcessRun, checkout_env, cplan, run_process  # noqa: E402

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


def first_paint(arguments: list[str], data_dir: str, child: str = CHILD) -> tuple[float, ProcessRun]:
    """Start the app with `arguments` offscreen: seconds to the main window's first paint, and the process's run
    (seconds to its exit, peak memory, CPU)."""
    started = time.time()
    run = run_process([sys.executable, "-c", child, *arguments], cwd=ROOT,
                      env=checkout_env(QT_QPA_PLATFORM="offscreen", CPLAN_DATA_DIR=data_dir))
    painted = [float(line.split()[1]) for line in run.stdout.splitlines() if line.startswith("PAINTED")]
    if not painted:
        raise SystemExit(f"no paint seen for {arguments}:\n{run.stdout}\n{run.stderr}")
    return painted[0] - started, run


def report(label: str, arguments: list[str], data_dir: str) -> None:
    runs = [first_paint(arguments, data_dir) for _ in range(RUNS)]
    paints = [paint for paint, _run in runs]
    print(f"{label:<38} first paint median {statistics.median(paints):6.3f} s "
          f"(min {min(paints):.3f}, max {max(paints):.3f}); whole process "
          f"{statistics.median(run.seconds for _paint, run in runs):.3f} s; "
          f"peak {max(run.peak_mb for _paint, run in runs):.0f} MB")


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        big = Path(folder) / "synthetic-10k.cplan"
        run_process(cplan("synth", str(big), "--initiatives", "10000", "--stakeholders", "2000"),
                    env=checkout_env()).check("cplan synth")
        data_dir = str(Path(folder) / "data")
        print(f"{RUNS} runs each, offscreen; targets: demo ≤ 0.8 s, 10,000 initiatives ≤ 2 s")
        report("start page", [], data_dir)
        report("demo plan (--demo)", ["--demo"], data_dir)
        report("10,000 initiatives, overview", [str(big)], data_dir)
        report("10,000 initiatives, initiative table", [str(big), "--view", "initiatives"], data_dir)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
