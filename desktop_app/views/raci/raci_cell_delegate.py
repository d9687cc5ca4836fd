"""Paints a RACI cell: the role's colour, its letter, a frame for the current cell and for a finding."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop_app.views.raci.raci_matrix_model import FINDING_ROLE
from desktop_app.views.raci.raci_style import FINDING_FRAME

_SELECTED_FRAME = QColor("#202020")


class RaciCellDelegate(QStyledItemDelegate):
    """Keeps the role colours visible when cells are selected: selection is a dark inner frame, not a fill."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        painter.save()
        rect = option.rect
        background = index.data(Qt.ItemDataRole.BackgroundRole)
        if isinstance(background, QBrush):
            painter.fillRect(rect, background)
        elif option.features & QStyleOptionViewItem.ViewItemFeature.Alternate:
            painter.fillRect(rect, option.palette.alternateBase())
        else:
            painter.fillRect(rect, option.palette.base())
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        if text:
            foreground = index.data(Qt.ItemDataRole.ForegroundRole)
            painter.setPen(foreground.color() if isinstance(foreground, QBrush) else option.palette.text().color())
            font = QFont(option.font)
            font.setBold(True)
            painter.setFont(font)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        if index.data(FINDING_ROLE):
            pen = QPen(QColor(FINDING_FRAME), 2, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(2, 2, -3, -3))
        if option.state & QStyle.StateFlag.State_Selected:
            painter.setPen(QPen(_SELECTED_FRAME, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(QPen(_SELECTED_FRAME, 1, Qt.PenStyle.DotLine))
            painter.drawRect(rect.adjusted(4, 4, -5, -5))
        painter.restore()
