"""A dialog that works in the background, pictured once its work is done (for --screenshot)."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication, QDialog


def screenshot_when_idle(dialog: QDialog, target: Path, width: int, height: int, seconds: float = 60.0) -> bool:
    """Show `dialog` at width × height, wait (at most `seconds`) until its `busy` property is false, save a
    picture of it to `target` (PNG) and close it; True when the picture was written."""
    app = QApplication.instance()
    assert app is not None
    dialog.resize(width, height)
    dialog.show()
    deadline = time.monotonic() + seconds
    while getattr(dialog, "busy", False) and time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.01)
    for _round in range(20):  # let the last results lay themselves out
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.01)
    picture = dialog.grab()
    saved = not picture.isNull() and picture.save(str(target), "PNG")
    dialog.done(0)
    dialog.deleteLater()
    return bool(saved)
