"""Runs the force layout on a QThreadPool thread, reporting progress and honouring Cancel."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, Signal

if TYPE_CHECKING:
    from planner.stakeholders.analysis import StakeholderGraph

Positions = dict[str, tuple[float, float]]


def compute_force_layout(graph: StakeholderGraph, seed: int, progress: Any) -> Positions:
    """planner.stakeholders.layout.force_layout (imported when first needed; tests may replace this)."""
    from planner.stakeholders.layout import force_layout

    return force_layout(graph, seed=seed, progress=progress)


class LayoutSignals(QObject):
    """Lives in the GUI thread; the worker's emits reach it queued."""

    progressed = Signal(int, float)  # run number, fraction 0..1
    finished = Signal(int, object)  # run number, positions by id
    cancelled = Signal(int)
    failed = Signal(int, str)


class ForceLayoutWorker(QRunnable):
    """One force layout run over plain values (a frozen StakeholderGraph); never touches Qt items."""

    def __init__(self, run: int, graph: StakeholderGraph, seed: int, signals: LayoutSignals) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.run_number = run
        self.graph = graph
        self.seed = seed
        self.signals = signals
        self.cancel_event = threading.Event()

    def cancel(self) -> None:
        self.cancel_event.set()

    def _emit(self, signal_name: str, *values: object) -> None:
        """Emit to the view; a view already gone cancels the run instead of raising in the pool thread."""
        try:
            getattr(self.signals, signal_name).emit(*values)
        except RuntimeError:  # the signals object (and its view) was deleted
            self.cancel_event.set()

    def _progress(self, fraction: float) -> bool:
        self._emit("progressed", self.run_number, float(fraction))
        return not self.cancel_event.is_set()

    def run(self) -> None:
        from planner.stakeholders.layout import LayoutCancelled

        try:
            positions = compute_force_layout(self.graph, self.seed, self._progress)
        except LayoutCancelled:
            self._emit("cancelled", self.run_number)
            return
        except Exception as error:  # reported in the message bar, never lost in the thread
            self._emit("failed", self.run_number, str(error))
            return
        if self.cancel_event.is_set():
            self._emit("cancelled", self.run_number)
            return
        self._emit("finished", self.run_number, positions)
