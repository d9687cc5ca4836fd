"""Entry script of the frozen `convergence-planner` executable: the desktop app, with an optional start-up probe."""

from __future__ import annotations

import os
import sys
import time

# With CPLAN_REPORT_FIRST_PAINT=1 the app prints "FIRST_PAINT <seconds since the epoch>" when its main window
# first paints, then quits: installer/smoke measures the frozen start-up with it (as bench/bench_startup.py
# does for the source tree). Without the variable nothing here runs.
PROBE_VARIABLE = "CPLAN_REPORT_FIRST_PAINT"


def _give_windowed_streams() -> None:
    """A windowed Windows build has no console: sys.stdout/stderr are None and a print would raise."""
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115


def _install_first_paint_probe() -> None:
    """Wrap create_application so the QApplication reports the main window's first paint and exits."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    import desktop_app.app as app_module
    from desktop_app.main_window import MainWindow

    class FirstPaintProbe(QObject):
        """Prints the time of the main window's first paint, closes the window and ends the event loop."""

        seen = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            window = getattr(watched, "window", None)
            if not self.seen and event.type() == QEvent.Type.Paint and callable(window) \
                    and isinstance(window(), MainWindow):
                self.seen = True
                print(f"FIRST_PAINT {time.time():.6f}", flush=True)
                QTimer.singleShot(0, self.finish)
            return False

        def finish(self) -> None:
            for widget in QApplication.topLevelWidgets():
                if isinstance(widget, MainWindow):
                    widget.shutdown()
            QApplication.exit(0)

    probe = FirstPaintProbe()
    original = app_module.create_application

    def create_application_with_probe(argv: list[str]) -> QApplication:
        application = original(argv)
        application.installEventFilter(probe)
        return application

    app_module.create_application = create_application_with_probe
    MainWindow.offer_recovery = lambda self: None  # no recovery question in a measurement


def run() -> int:
    _give_windowed_streams()
    if os.environ.get(PROBE_VARIABLE) == "1":
        _install_first_paint_probe()
    from desktop_app.app import main

    return main(sys.argv[1:])


if __name__ == "__main__":
    raise SystemExit(run())
