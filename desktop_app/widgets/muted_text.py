"""Secondary text (captions, notes, counts) in a softer colour that stays legible in light and dark themes."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget


def blend(first: QColor, second: QColor, share: float) -> QColor:
    """`share` of `first` mixed with the rest of `second`."""
    return QColor(
        round(first.red() * share + second.red() * (1 - share)),
        round(first.green() * share + second.green() * (1 - share)),
        round(first.blue() * share + second.blue() * (1 - share)),
    )


def mute(widget: QWidget, share: float = 0.62) -> None:
    """Draw the widget's text part-way between the text and the background colour."""
    palette = widget.palette()
    colour = blend(palette.color(QPalette.ColorRole.WindowText), palette.color(QPalette.ColorRole.Window), share)
    palette.setColor(QPalette.ColorRole.WindowText, colour)
    widget.setPalette(palette)
