"""The one progress indicator of long GUI-thread work: a wait cursor and a status-bar message with a moving bar."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProgressBar,
    QStatusBar,
    QWidget,
)

from planner.i18n import _

# Work on this many initiatives (or stakeholders, rows…) or more is expected to hold the GUI thread over 100 ms
# (at 10,000 initiatives building the roadmap takes seconds); smaller work runs without the indicator, which
# would only flicker. One thread cannot show it "after a short delay", so the decision is made by size.
LARGE_WORK_ROWS = 1_500

_BUSY_WIDGET_NAME = "busy_indicator"
# After the work, events are processed until a pass finds nothing to do (at most this many passes): a
# zero-delay timer, the layout and resize it asks for, the paint that follows.
_SETTLING_PASSES = 6
_IDLE_PASS_SECONDS = 0.002
_spans: list[tuple[float, float]] | None = None  # (shown, hidden) perf_counter times, while recording


def is_large(rows: int) -> bool:
    """Whether work on `rows` items is expected to be long enough to show the indicator."""
    return rows >= LARGE_WORK_ROWS


def record_spans() -> list[tuple[float, float]]:
    """Start keeping the times (time.perf_counter) the indicator was shown and hidden: for benchmarks."""
    global _spans
    _spans = []
    return _spans


class BusyIndicatorView(QWidget):
    """The status-bar part: the message and an indeterminate progress bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(_BUSY_WIDGET_NAME)
        self.active = False  # between the start and the end of the outermost busy()
        self.label = QLabel()
        self.label.setObjectName("busy_label")
        self.bar = QProgressBar()
        self.bar.setObjectName("busy_bar")
        self.bar.setRange(0, 0)  # indeterminate: we cannot tell how far the work is
        self.bar.setTextVisible(False)
        self.bar.setMaximumWidth(160)
        self.bar.setMaximumHeight(self.fontMetrics().height())
        self.bar.setAccessibleName(_("Working"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)

    def message(self) -> str:
        return self.label.text()


def indicator_of(window: QWidget | None) -> BusyIndicatorView | None:
    """The indicator in `window`'s status bar (created when first asked for); None without a main window."""
    main = window.window() if window is not None else None
    if not isinstance(main, QMainWindow):
        return None
    found = main.findChild(BusyIndicatorView, _BUSY_WIDGET_NAME)
    if found is None:
        found = BusyIndicatorView()
        main.statusBar().addWidget(found, 1)
        found.hide()
    return found


def is_busy(window: QWidget | None) -> bool:
    """Whether the indicator is showing in `window` now."""
    indicator = indicator_of(window)
    return indicator is not None and indicator.active


@contextmanager
def busy(window: QWidget | None, message: str, *, show: bool = True, settle: bool = True) -> Iterator[None]:
    """Around long work on the GUI thread: a wait cursor and `message` with a moving bar in the status bar of
    `window`'s main window, painted before the work starts and removed after it (also when it raises).
    `show=False` (small work) runs the work without them; nested uses keep the outer message.
    With `settle`, pending events other than user input run before the work (so the window system shows the
    indicator) and after it (what the work queued: a fit, a layout, the first paint). Pass settle=False where
    another event could start a second edit inside this one (inside an undo stack's push, undo or redo)."""
    indicator = indicator_of(window) if show else None
    if indicator is None or indicator.active or QApplication.instance() is None:
        yield
        return
    indicator.active = True
    indicator.label.setText(message)
    indicator.show()
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    shown = time.perf_counter()
    try:
        status_bar = indicator.parentWidget()
        if isinstance(status_bar, QStatusBar) and status_bar.isVisible():
            status_bar.clearMessage()  # a passing message would cover the indicator
            layout = status_bar.layout()
            if layout is not None:
                layout.activate()  # the indicator's place, now rather than in a later event
            status_bar.repaint()  # painted now: the work that follows keeps the event loop away
        if settle:  # let the window system take the cursor and the paint, but take no clicks or keys meanwhile
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        yield
        # what the work queued (layouts, a fit to the window, then the paint that queues) runs under it too
        for _pass in range(_SETTLING_PASSES if settle else 0):
            began = time.perf_counter()
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
            if time.perf_counter() - began < _IDLE_PASS_SECONDS:
                break
    finally:
        QGuiApplication.restoreOverrideCursor()
        indicator.active = False
        indicator.hide()
        indicator.label.clear()
        if _spans is not None:
            _spans.append((shown, time.perf_counter()))


def matplotlib_loaded() -> bool:
    """Whether matplotlib has been imported already (its first import takes over half a second)."""
    return "matplotlib.figure" in sys.modules
