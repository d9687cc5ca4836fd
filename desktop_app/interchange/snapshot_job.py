"""Work on a snapshot of the open plan in a background thread (imports read and checked, exports written)."""

from __future__ import annotations

import contextlib
import logging
import shutil
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal
from sqlalchemy.orm import Session

from desktop_app.plan_controller import PlanController
from planner.errors import PlannerError
from planner.i18n import _

log = logging.getLogger(__name__)

SNAPSHOT_NAME = "snapshot.cplan"

_pool: QThreadPool | None = None


def interchange_pool() -> QThreadPool:
    """The thread pool imports and exports run on: one job at a time (each holds a copy of the plan)."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(1)
        _pool.setExpiryTimeout(5000)
    return _pool


# The work a job does: given a session on the snapshot (a read-only view of the plan as it was when the job
# started), return a result for the GUI thread. It runs in the worker thread: no Qt widgets, no controller.
Work = Callable[[Session], Any]
# Turns an exception the work raised into the message the user reads.
FailureText = Callable[[BaseException], str]


def default_failure_text(error: BaseException) -> str:
    if isinstance(error, PlannerError):
        return str(error)
    if isinstance(error, OSError):
        return error.strerror or str(error)
    return _("An internal error stopped the work: {reason}").format(reason=f"{type(error).__name__}: {error}")


class _Relay(QObject):
    """Carries the worker's news to the GUI thread (queued: the relay lives in the GUI thread)."""

    succeeded = Signal(object)
    failed = Signal(str)


class SnapshotJob(QObject):
    """One piece of work on a copy of the plan. start() copies the working copy (tens of milliseconds, on the
    GUI thread) and runs `work` on that copy in a worker thread with its own engine and session.

    Emits exactly one of finished(result) or failed(message), none after cancel(). The copy is deleted when
    the worker ends. The work itself cannot be interrupted: a cancelled job runs to its end unheard, and
    `on_discarded(result)` may clean up what it made (e.g. remove an exported file)."""

    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, controller: PlanController, work: Work, parent: QObject | None = None, *,
                 failure_text: FailureText = default_failure_text,
                 on_discarded: Callable[[Any], None] | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.work = work
        self.failure_text = failure_text
        self.on_discarded = on_discarded
        self.running = False
        self._cancelled = threading.Event()
        self._done = threading.Event()
        self._done.set()
        self._relay = _Relay()
        self._relay.succeeded.connect(self._on_succeeded)
        self._relay.failed.connect(self._on_failed)

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def start(self) -> None:
        """Copy the plan now and queue the work. A copy that fails is reported by failed()."""
        from planner.storage.document import copy_database

        if self.running:
            raise RuntimeError("This job is already running.")
        self.running = True
        self._done.clear()
        folder = Path(tempfile.mkdtemp(prefix="cplan-interchange-"))
        snapshot = folder / SNAPSHOT_NAME
        try:
            copy_database(self.controller.document.working_path, snapshot)
        except Exception as error:  # a full disk, a closed plan: said in words, never a traceback
            shutil.rmtree(folder, ignore_errors=True)
            self._done.set()
            self.running = False
            self.failed.emit(_("The plan could not be copied for this work: {reason}").format(reason=error))
            return
        work, failure_text, relay, cancelled, done = self.work, self.failure_text, self._relay, self._cancelled, self._done
        interchange_pool().start(lambda: _run(snapshot, work, failure_text, relay, cancelled, done))

    def cancel(self) -> None:
        """Stop caring about the result: no signal follows, and on_discarded gets what the work made."""
        if self._cancelled.is_set():
            return
        self._cancelled.set()
        self.running = False

    def wait(self, timeout_seconds: float = 60.0) -> bool:
        """Block until the worker has ended (tests, shutdown); True when it has."""
        return self._done.wait(timeout_seconds)

    def _on_succeeded(self, result: Any) -> None:
        if self.cancelled:
            if self.on_discarded is not None:
                with contextlib.suppress(Exception):
                    self.on_discarded(result)
            return
        self.running = False
        self.finished.emit(result)

    def _on_failed(self, message: str) -> None:
        if self.cancelled:
            return
        self.running = False
        self.failed.emit(message)


def _run(snapshot: Path, work: Work, failure_text: FailureText, relay: _Relay, cancelled: threading.Event,
         done: threading.Event) -> None:
    """The worker: open the snapshot with its own engine, run the work, report back, delete the snapshot."""
    from planner.storage.document import make_engine

    try:
        if cancelled.is_set():
            relay.failed.emit("")
            return
        engine = make_engine(snapshot)
        try:
            with Session(engine) as session:
                try:
                    result = work(session)
                finally:
                    session.rollback()  # the work only reads; nothing it did stays, even in the copy
        finally:
            engine.dispose()
        relay.succeeded.emit(result)
    except Exception as error:
        if not isinstance(error, (PlannerError, OSError)):
            log.exception("Background import/export work failed")
        try:
            message = failure_text(error)
        except Exception:
            message = default_failure_text(error)
        relay.failed.emit(message)
    finally:
        shutil.rmtree(snapshot.parent, ignore_errors=True)
        done.set()
