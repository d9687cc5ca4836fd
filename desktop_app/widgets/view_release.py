"""A large plan in the main window: which opens and view switches are long work; letting go of hidden views."""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QWidget
from sqlalchemy.exc import SQLAlchemyError

from desktop_app.widgets.busy import is_large, matplotlib_loaded
from desktop_app.widgets.refresh_when_shown import StaleRefresher
from planner.errors import PlannerError
from planner.queries import count_rows

# Views that draw matplotlib charts: their first build imports matplotlib (over half a second), whatever the size.
CHART_VIEWS = frozenset({"budget"})
# With a large plan only this many views are kept built: the one shown and the one before it (going back and
# forth between two views stays instant). The others are rebuilt, under the busy indicator, when shown again;
# every built view of a 10,000-initiative plan held together take over 600 MB.
KEPT_VIEWS = 2
# A plan file this big (bytes) holds thousands of initiatives: opening it shows the busy indicator.
LARGE_PLAN_FILE_BYTES = 8 * 1024 * 1024


class PlanSize(Protocol):
    """What deciding needs to know about the plan (PlanController has it)."""

    def is_large(self) -> bool: ...


def is_stale(view: QWidget) -> bool:
    """Whether a built view missed changes while hidden (it reads them again when shown)."""
    return any(refresher.stale for refresher in view.findChildren(StaleRefresher))


def view_work_is_long(name: str, view: QWidget | None, controller: PlanSize) -> bool:
    """Whether showing the view `name` (`view` when it is built) is long work: it imports matplotlib for the
    first time, or it must be built or brought up to date for a large plan."""
    if name in CHART_VIEWS and view is None and not matplotlib_loaded():
        return True
    if view is not None and not is_stale(view):
        return False
    return controller.is_large()


def release_hidden_views(views: dict[str, QWidget], order: list[str]) -> list[str]:
    """Delete the built views other than the last KEPT_VIEWS of `order` (names, most recent last), after they
    hand over typed text and stop background layouts; returns the names released. Their memory goes back to
    the system at once (under the caller's busy indicator)."""
    kept = set(order[-KEPT_VIEWS:])
    released = [name for name in views if name not in kept]
    for name in released:
        view = views.pop(name)
        for hand_over in ("commit_pending", "cancel_layout"):  # typed text; a layout running in the background
            method = getattr(view, hand_over, None)
            if callable(method):
                method()
        view.hide()
        view.setParent(None)
        view.deleteLater()
        # now, not in a later turn of the event loop: the caller's busy indicator covers the work
        QCoreApplication.sendPostedEvents(view, QEvent.Type.DeferredDelete)
        del view
    if released:
        gc.collect()  # the views' Python objects (scene items, snapshots) are held in reference cycles
        give_back_free_memory()
    return released


def give_back_free_memory() -> None:
    """Ask the C allocator to return freed pages to the system (glibc keeps them otherwise, so the resident
    size would not fall after a view is released). Does nothing where there is no malloc_trim."""
    library = ctypes.util.find_library("c")
    if not library:
        return
    try:
        trim = ctypes.CDLL(library).malloc_trim
    except (OSError, AttributeError):  # not glibc
        return
    trim(0)


def is_large_plan_file(path: Path) -> bool:
    """Whether opening this plan file is long work (by its size, before it is read)."""
    try:
        return path.stat().st_size >= LARGE_PLAN_FILE_BYTES
    except OSError:  # opening it will say what is wrong
        return False


def is_large_plan(document: Any) -> bool:
    """Whether showing an opened plan (a PlanDocument or team plan) is long work: counted in one short read."""
    try:
        with document.session() as session:
            return is_large(count_rows(session, "initiative") + count_rows(session, "stakeholder"))
    except (PlannerError, OSError, SQLAlchemyError):  # opening it will say what is wrong
        return False
