"""Build a plan's PDF in the background: a snapshot of the working copy, its own session, signals back."""

from __future__ import annotations

import contextlib
import logging
import shutil
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.plan_controller import PlanController
from planner.errors import PlannerError
from planner.i18n import _

log = logging.getLogger(__name__)

SNAPSHOT_NAME = "snapshot.cplan"

# One build at a time: reportlab's font registry and matplotlib's caches are shared by the whole process,
# and two PDFs built at once would only slow each other down. Queued jobs start when the running one ends.
_build_pool: QThreadPool | None = None


def build_pool() -> QThreadPool:
    """The single-thread pool every PdfJob runs on (the main window can wait on it when quitting)."""
    global _build_pool
    if _build_pool is None:
        _build_pool = QThreadPool()
        _build_pool.setMaxThreadCount(1)
        _build_pool.setExpiryTimeout(5000)
    return _build_pool


@dataclass(frozen=True)
class PdfRequest:
    """What to build. With `target` the PDF is exported there (export_pdf, atomic); without, its bytes are
    built for the preview, as a draft when `draft` is True, or when None as a draft exactly when the
    profile's checks find errors (what an export with the draft choice would write)."""

    profile_id: str | None = None  # None: the plan's own profile
    language: str | None = None  # None: the profile's report language
    draft: bool | None = None
    target: Path | None = None
    force: bool = False  # export a draft even though the checks find errors


@dataclass(frozen=True)
class PdfJobResult:
    """What a finished job made: the PDF's bytes (preview) or the file it wrote (export)."""

    profile_id: str
    language: str
    draft: bool
    report: Any  # the planner.guidelines.findings.CheckReport the build was checked with (None if not checked)
    pdf: bytes | None = None  # preview
    path: Path | None = None  # export
    pages: int = 0  # export: pages written


class JobCancelled(Exception):
    """Raised inside the worker (from the progress callback) to stop a cancelled build early."""


def plan_profile_and_language(session: Session, request: PdfRequest) -> tuple[Any, str]:
    """The guideline profile and report language a request means for the plan in `session`: the profile asked
    for (NotFoundError or ProfileError when it is missing or broken), else the plan's own (or its default)."""
    from planner.guidelines.loader import find_profile, profile_for_plan
    from planner.model import Plan

    plan = session.execute(select(Plan)).scalars().first()
    if plan is None:
        raise PlannerError(_("The file holds no plan record."))
    if request.profile_id:
        profile = find_profile(request.profile_id)
    else:
        profile = profile_for_plan(plan.plan_type, plan.guideline_profile_id)
    return profile, request.language or profile.language


def run_request(session: Session, request: PdfRequest, progress: Callable[..., None] | None = None) -> PdfJobResult:
    """Build or export what `request` asks for from the plan in `session` (no Qt: runs in the worker)."""
    from planner.reports.pdf import build_pdf, export_pdf

    profile, language = plan_profile_and_language(session, request)
    if request.target is not None:
        exported = export_pdf(session, profile, language, request.target, force=request.force, progress=progress)
        return PdfJobResult(profile.id, language, bool(exported.draft), exported.report,
                            path=Path(exported.path), pages=int(exported.pages))
    report = None
    draft = request.draft
    if draft is None:
        from planner.guidelines.checks import check_plan

        report = check_plan(session, profile, language)
        draft = report.has_errors
    pdf = build_pdf(session, profile, language, draft=draft, progress=progress)
    return PdfJobResult(profile.id, language, draft, report, pdf=pdf)


def failure_message(error: BaseException, request: PdfRequest) -> str:
    """A message for the user naming what failed (the target file when there is one) and why."""
    if isinstance(error, PlannerError):
        return str(error)
    if isinstance(error, OSError):
        reason = error.strerror or str(error)
        where = Path(error.filename) if error.filename else request.target
        if where is not None:
            return _("The PDF could not be written to {path}: {reason}").format(path=where, reason=reason)
        return _("The PDF could not be built: {reason}").format(reason=reason)
    return _("The PDF could not be built because of an internal error: {reason}").format(
        reason=f"{type(error).__name__}: {error}")


class _Relay(QObject):
    """Carries the worker's news to the GUI thread (queued: the relay lives in the GUI thread)."""

    progressed = Signal(str)
    succeeded = Signal(object)
    failed = Signal(str)


class PdfJob(QObject):
    """One PDF build or export. start() snapshots the plan's working copy (a few ms, on the GUI thread) and
    builds from that snapshot in a worker thread with its own engine and session, never the GUI's.

    Emits progress(text) while building, then exactly one of finished(PdfJobResult) or failed(message) —
    none after cancel(). The snapshot folder is deleted when the worker ends, in every case."""

    progress = Signal(str)
    finished = Signal(object)  # PdfJobResult
    failed = Signal(str)

    def __init__(self, controller: PlanController, request: PdfRequest, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.request = request
        self.snapshot_dir: Path | None = None
        self.running = False
        self._cancelled = threading.Event()
        self._done = threading.Event()
        self._done.set()
        self._target_existed = False
        self._relay = _Relay()
        self._relay.progressed.connect(self._on_progressed)
        self._relay.succeeded.connect(self._on_succeeded)
        self._relay.failed.connect(self._on_failed)

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    @property
    def snapshot_path(self) -> Path | None:
        return None if self.snapshot_dir is None else self.snapshot_dir / SNAPSHOT_NAME

    def start(self) -> None:
        """Snapshot the working copy now and queue the build. A snapshot that fails is reported by failed()."""
        from planner.storage.document import copy_database

        if self.running:
            raise RuntimeError("This PdfJob is already running.")
        self.running = True
        self._done.clear()
        self._target_existed = self.request.target is not None and self.request.target.exists()
        try:
            self.snapshot_dir = Path(tempfile.mkdtemp(prefix="cplan-pdf-"))
            copy_database(self.controller.document.working_path, self.snapshot_dir / SNAPSHOT_NAME)
        except Exception as error:
            self._remove_snapshot()
            self._done.set()
            self.running = False
            self.failed.emit(_("The plan could not be copied for the PDF: {reason}").format(reason=error))
            return
        snapshot, relay, cancelled, done = self.snapshot_path, self._relay, self._cancelled, self._done
        assert snapshot is not None
        request = self.request
        build_pool().start(lambda: _work(snapshot, request, relay, cancelled, done))

    def cancel(self) -> None:
        """Stop caring about the result: the worker stops at its next progress step, no signal follows,
        and what it made is removed (an exported file is removed unless it replaced an existing one)."""
        if self._cancelled.is_set():
            return
        self._cancelled.set()
        self.running = False

    def wait(self, timeout_seconds: float = 30.0) -> bool:
        """Block until the worker has ended (for tests and shutdown); True when it has."""
        return self._done.wait(timeout_seconds)

    # -- worker news (GUI thread) -------------------------------------------------------------------------

    def _on_progressed(self, text: str) -> None:
        if not self.cancelled:
            self.progress.emit(text)

    def _on_succeeded(self, result: PdfJobResult) -> None:
        self._remove_snapshot()
        if self.cancelled:
            self._discard(result)
            return
        self.running = False
        self.finished.emit(result)

    def _on_failed(self, message: str) -> None:
        self._remove_snapshot()
        if self.cancelled:
            return
        self.running = False
        self.failed.emit(message)

    def _discard(self, result: PdfJobResult) -> None:
        """A cancelled export that still got written: remove the new file (never one that was replaced)."""
        if result.path is not None and not self._target_existed:
            with contextlib.suppress(OSError):
                result.path.unlink()

    def _remove_snapshot(self) -> None:
        if self.snapshot_dir is not None:
            shutil.rmtree(self.snapshot_dir, ignore_errors=True)


def _work(snapshot: Path, request: PdfRequest, relay: _Relay, cancelled: threading.Event,
          done: threading.Event) -> None:
    """The worker: open the snapshot with its own engine, build, report back, delete the snapshot."""
    from planner.storage.document import make_engine

    def progress(*args: Any, **_kwargs: Any) -> None:
        if cancelled.is_set():
            raise JobCancelled
        text = next((arg for arg in args if isinstance(arg, str)), "")
        if text:
            relay.progressed.emit(text)

    try:
        if cancelled.is_set():
            raise JobCancelled
        engine = make_engine(snapshot)
        try:
            with Session(engine) as session:
                result = run_request(session, request, progress)
        finally:
            engine.dispose()
        relay.succeeded.emit(result)
    except JobCancelled:
        relay.failed.emit("")
    except Exception as error:
        if not isinstance(error, (PlannerError, OSError)):
            log.exception("Building the PDF failed")
        relay.failed.emit(failure_message(error, request))
    finally:
        shutil.rmtree(snapshot.parent, ignore_errors=True)
        done.set()
