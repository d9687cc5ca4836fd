"""The GUI with a large plan, offscreen: how long each operation holds the GUI thread (open, every view, search and
filter, an edit and its undo; target: nothing over 100 ms without a progress indicator) and the memory it uses."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LIMIT_MS = 100.0
SETTLE_SECONDS = 0.3  # events are drained until none has run for this long (debounce timers included)


def memory_mb() -> dict[str, float]:
    """This process's resident set now ("rss") and its peak ("peak"), in MB, from /proc/self/status."""
    figures = {"rss": 0.0, "peak": 0.0}
    names = {"VmRSS:": "rss", "VmHWM:": "peak"}
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            parts = line.split()
            if parts and parts[0] in names:
                figures[names[parts[0]]] = int(parts[1]) / 1024
    return figures


def _drain(app: object, long_slices: list[tuple[float, float]] | None = None) -> float:
    """Process events until the GUI has been idle for SETTLE_SECONDS; the longest single slice (ms) of work the
    GUI thread did meanwhile. Slices over LIMIT_MS are added to `long_slices` as (start, end) times."""
    from PySide6.QtCore import QEvent

    longest = 0.0
    quiet_since = time.perf_counter()
    while time.perf_counter() - quiet_since < SETTLE_SECONDS:
        began = time.perf_counter()
        app.processEvents()  # type: ignore[attr-defined]
        # as the event loop of app.exec() does: objects given to deleteLater() go now
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # type: ignore[attr-defined]
        ended = time.perf_counter()
        spent = (ended - began) * 1000
        longest = max(longest, spent)
        if long_slices is not None and spent > LIMIT_MS:
            long_slices.append((began, ended))
        if spent > 2:
            quiet_since = time.perf_counter()
        else:
            time.sleep(0.005)
    return longest


def uncovered_ms(stretch: tuple[float, float], spans: list[tuple[float, float]]) -> float:
    """The milliseconds of a stretch of GUI-thread work during which the busy indicator was not showing."""
    start, end = stretch
    covered = 0.0
    for shown, hidden in spans:
        covered += max(0.0, min(end, hidden) - max(start, shown))
    return max(0.0, (end - start) - covered) * 1000


def walk_gui(plan: Path, say: Callable[[str], None] = print) -> tuple[dict[str, tuple[float, float]], dict[str, float]]:
    """Open `plan` in the main window and go through the operations. For each: the milliseconds of the call
    itself and of the longest stretch of GUI-thread work that followed (repaints, debounced refreshes); then
    the memory at the end."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from desktop_app.fonts import apply_application_font

    apply_application_font(app)  # type: ignore[arg-type]
    from desktop_app.main_window import MainWindow
    from desktop_app.view_specs import VIEW_NAMES
    from desktop_app.widgets.busy import record_spans
    from planner.commands import UpdateRow

    figures: dict[str, tuple[float, float]] = {}
    without_indicator: list[str] = []  # operations with a stretch over LIMIT_MS and no busy indicator
    busy_spans = record_spans()

    def timed(label: str, operation: Callable[[], object]) -> None:
        began = time.perf_counter()
        operation()
        ended = time.perf_counter()
        call = (ended - began) * 1000
        long_slices = [(began, ended)] if call > LIMIT_MS else []
        after = _drain(app, long_slices)
        figures[label] = (call, after)
        flag = ""
        if long_slices:
            bare = max(uncovered_ms(stretch, busy_spans) for stretch in long_slices)
            if bare > LIMIT_MS:
                flag = f"  OVER 100 ms WITHOUT indicator ({bare:.0f} ms bare)"
                without_indicator.append(label)
            else:
                flag = "  over 100 ms, with indicator"
        say(f"{label:<40} call {call:8.1f} ms   longest slice after {after:8.1f} ms   "
            f"resident {memory_mb()['rss']:5.0f} MB{flag}")

    window = MainWindow()
    window.offer_recovery = lambda: None  # type: ignore[method-assign]
    window.resize(1600, 1000)
    window.show()  # the start page, as the user sees it before opening a plan
    _drain(app)

    timed("open the plan (window shown)", lambda: window.open_path(plan))
    for name in VIEW_NAMES:
        timed(f"switch to {name}", lambda name=name: window.select_view(name))
    for name in VIEW_NAMES:
        timed(f"switch again to {name} (built)", lambda name=name: window.select_view(name))

    window.select_view("initiatives")
    _drain(app)
    table = window.view("initiatives")
    timed("search: type 'A-1'", lambda: table.search_edit.setText("A-1"))  # type: ignore[union-attr]
    timed("search: clear", lambda: table.search_edit.clear())  # type: ignore[union-attr]
    timed("filter: the first field", lambda: table.filter_combo.setCurrentIndex(1))  # type: ignore[union-attr]
    timed("filter: all fields", lambda: table.filter_combo.setCurrentIndex(0))  # type: ignore[union-attr]

    controller = window.controller
    assert controller is not None
    from planner.model import Initiative

    def first_initiative(session: object) -> tuple[str, str]:
        from sqlalchemy import select

        row = session.execute(select(Initiative.id, Initiative.title).limit(1)).one()  # type: ignore[attr-defined]
        return row.id, row.title

    initiative_id, title = controller.read(first_initiative)
    for view_name in ("initiatives", "roadmap"):
        window.select_view(view_name)
        _drain(app)
        timed(f"edit a title ({view_name} shown)",
              lambda: controller.execute(UpdateRow("initiative", initiative_id, {"title": title + " (edited)"})))
        timed(f"undo ({view_name} shown)", controller.undo_stack.undo)
    memory = memory_mb()
    say(f"memory: resident {memory['rss']:.0f} MB, peak {memory['peak']:.0f} MB")
    say(f"over {LIMIT_MS:.0f} ms without the busy indicator: " + (", ".join(without_indicator) or "none"))
    window.shutdown()
    window.close()
    return figures, memory


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("plan", nargs="?", help="a .cplan file (default: a synthetic plan of --initiatives)")
    parser.add_argument("--initiatives", type=int, default=10_000)
    parser.add_argument("--stakeholders", type=int, default=2_000)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="cplan-bench-gui-") as folder:
        os.environ.setdefault("CPLAN_DATA_DIR", str(Path(folder) / "app-data"))
        plan = Path(options.plan) if options.plan else Path(folder) / "synthetic.cplan"
        if not options.plan:
            from planner.synth import synthesize_plan

            synthesize_plan(plan, options.initiatives, options.stakeholders)
        figures, _memory = walk_gui(plan)
        over = [label for label, times in figures.items() if max(times) > LIMIT_MS]
        print(f"over {LIMIT_MS:.0f} ms (with or without the indicator): " + (", ".join(over) if over else "none"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
