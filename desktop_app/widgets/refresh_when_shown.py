"""Refresh a view now when it is visible, else once when it is next shown (hidden views do no work)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


class StaleRefresher(QObject):
    """Owned by a view: `mark_changed()` calls the view's refresh now if it is visible, otherwise marks it
    stale, and an event filter on the view refreshes it when it is next shown. The view's own refresh calls
    `mark_refreshed()`, so a refresh made any other way also clears the mark."""

    def __init__(self, view: QWidget, refresh: Callable[[], object]) -> None:
        super().__init__(view)
        self._view = view
        self._refresh = refresh
        self._stale = False
        view.installEventFilter(self)

    @property
    def stale(self) -> bool:
        """True when the view missed a change while hidden."""
        return self._stale

    def mark_changed(self) -> None:
        """What the view shows changed: refresh now if it is visible, else on the next show."""
        if self._view.isVisible():
            self._refresh()
        else:
            self._stale = True

    def mark_refreshed(self) -> None:
        """The view has just read everything again."""
        self._stale = False

    def refresh_if_stale(self) -> None:
        """Catch up on a change missed while hidden."""
        if self._stale:
            self._stale = False
            self._refresh()

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:  # installed on the view alone
            self.refresh_if_stale()
        return False
