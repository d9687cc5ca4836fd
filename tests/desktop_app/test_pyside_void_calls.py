"""Regression test: PySide6 6.12.0 on Python 3.11 aborts after a few thousand calls of void Qt methods."""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = """
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QWidget

app = QApplication([])
obj = QObject()
widget = QWidget()
for number in range(20_000):
    obj.setObjectName("x")          # a void method of QObject
    widget.setWindowTitle("title")  # and one of a widget
print("done")
"""


def test_void_qt_calls_do_not_kill_the_interpreter() -> None:
    """20,000 void calls in a child process must end normally (6.12.0 dies with `none_dealloc`)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, f"exit {result.returncode}: {result.stderr[-2000:]}"
    assert result.stdout.strip() == "done"
