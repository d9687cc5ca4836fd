"""Ctrl+F inside a view with a search box: the view claims it before the window-wide Find does."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QKeyEvent, QKeySequence


class ClaimsFindShortcut:
    """Mixin for a QWidget with a `focus_search()` method: Ctrl+F pressed inside it focuses its search box."""

    def focus_search(self) -> None:  # pragma: no cover - every user defines it
        raise NotImplementedError

    def event(self, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and event.matches(QKeySequence.StandardKey.Find)):
            event.accept()
            return True
        return super().event(event)  # type: ignore[misc]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Find):
            self.focus_search()
            event.accept()
            return
        super().keyPressEvent(event)  # type: ignore[misc]
