"""A list of labelled horizontal bars with their values: a chart drawn with QPainter, no matplotlib."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget


class BarListView(QWidget):
    """One line per item: its label, a bar proportional to its value, and the value as text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[tuple[str, float, str]] = []
        self.empty_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    @property
    def items(self) -> list[tuple[str, float, str]]:
        return list(self._items)

    def set_items(self, items: Sequence[tuple[str, float, str]]) -> None:
        """(label, value, value text) triples, drawn in the given order."""
        self._items = list(items)
        self.setToolTip("\n".join(f"{label}: {text}" for label, _value, text in self._items))
        self.updateGeometry()
        self.update()

    def _line_height(self) -> int:
        return int(self.fontMetrics().height() * 1.7)

    def sizeHint(self) -> QSize:
        lines = max(len(self._items), 1)
        return QSize(self.fontMetrics().averageCharWidth() * 40, lines * self._line_height() + 4)

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().averageCharWidth() * 24, self.sizeHint().height())

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        metrics = self.fontMetrics()
        if not self._items:
            painter.setPen(palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.empty_text)
            return
        width = self.width()
        label_width = min(max(metrics.horizontalAdvance(label) for label, _v, _t in self._items) + 12, int(width * 0.42))
        value_width = max(metrics.horizontalAdvance(text) for _l, _v, text in self._items) + 10
        bar_width = max(width - label_width - value_width - 8, 10)
        largest = max((value for _l, value, _t in self._items), default=0) or 1
        line = self._line_height()
        bar_height = int(line * 0.55)
        for number, (label, value, text) in enumerate(self._items):
            top = number * line
            text_rect = QRect(0, top, label_width - 8, line)
            painter.setPen(palette.color(QPalette.ColorRole.WindowText))
            elided = metrics.elidedText(label, Qt.TextElideMode.ElideRight, text_rect.width())
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided)
            length = int(bar_width * value / largest) if value > 0 else 0
            bar = QRect(label_width, top + (line - bar_height) // 2, max(length, 2 if value > 0 else 0), bar_height)
            painter.fillRect(bar, palette.color(QPalette.ColorRole.Highlight))
            value_rect = QRect(label_width + length + 6, top, value_width, line)
            painter.drawText(value_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
