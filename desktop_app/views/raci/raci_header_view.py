"""A horizontal header that draws each stakeholder's name turned upright, elided to a fixed height."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPoint, QRect, QSize, Qt, SignalInstance
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader, QWidget

from desktop_app.views.raci.raci_matrix_model import FINDING_ROLE
from desktop_app.views.raci.raci_style import FINDING_TINT


class RotatedHeaderView(QHeaderView):
    """Names read bottom to top; the full name and sector are in the model's tooltip."""

    def __init__(self, parent: QWidget | None = None, max_chars: int = 12) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._max_chars = max_chars
        self.setHighlightSections(True)
        self.setSectionsClickable(True)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # Qt asks for every section's size, and each answer needs the longest name of all: measured once per
        # model state and font, not once per section (2,000 stakeholders made that 4 million measurements).
        self._height: tuple[tuple[int, int, str], int] | None = None

    def setModel(self, model: QAbstractItemModel | None) -> None:
        previous = self.model()
        if previous is not None:
            for signal in self._changes(previous):
                with contextlib.suppress(RuntimeError, TypeError):  # a model already gone, or never connected
                    signal.disconnect(self._forget_height)
        self._height = None
        super().setModel(model)
        if model is not None:
            for signal in self._changes(model):
                signal.connect(self._forget_height)

    @staticmethod
    def _changes(model: QAbstractItemModel) -> list[SignalInstance]:
        return [model.modelAboutToBeReset, model.headerDataChanged, model.columnsAboutToBeInserted,
                model.columnsAboutToBeRemoved, model.layoutAboutToBeChanged]

    def _forget_height(self, *_arguments: object) -> None:
        self._height = None

    def _text_height(self) -> int:
        """How tall the header is: the longest name, up to max_chars average characters."""
        model = self.model()
        key = (id(model), model.columnCount() if model is not None else 0, self.font().key())
        if self._height is None or self._height[0] != key:
            self._height = (key, self._measure_text_height())
        return self._height[1]

    def _measure_text_height(self) -> int:
        metrics = self.fontMetrics()
        limit = metrics.averageCharWidth() * self._max_chars
        model = self.model()
        longest = 0
        if model is not None:
            for section in range(model.columnCount()):
                text = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
                longest = max(longest, metrics.horizontalAdvance(text))
        return min(max(longest, metrics.averageCharWidth() * 4), limit) + 16

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), self._text_height())

    def sectionSizeFromContents(self, logical_index: int) -> QSize:
        return QSize(self.fontMetrics().height() + 14, self._text_height())

    def paintSection(self, painter: QPainter, rect: QRect, logical_index: int) -> None:
        if not rect.isValid():
            return
        model = self.model()
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        option.rect = rect
        option.section = logical_index
        option.text = ""
        selection = self.selectionModel()
        if selection is not None and selection.isColumnSelected(logical_index, QModelIndex()):
            option.state |= QStyle.StateFlag.State_Sunken
        painter.save()
        self.style().drawControl(QStyle.ControlElement.CE_Header, option, painter, self)
        if model is not None and model.headerData(logical_index, Qt.Orientation.Horizontal, FINDING_ROLE):
            painter.fillRect(rect.adjusted(1, 1, -1, -1), QColor(FINDING_TINT))
        text = str(model.headerData(logical_index, Qt.Orientation.Horizontal) or "") if model is not None else ""
        metrics = self.fontMetrics()
        length = rect.height() - 12
        text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, length)
        painter.translate(QPoint(rect.left() + (rect.width() + metrics.ascent() - metrics.descent()) // 2,
                                 rect.bottom() - 6))
        painter.rotate(-90)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(0, 0, text)
        painter.restore()
