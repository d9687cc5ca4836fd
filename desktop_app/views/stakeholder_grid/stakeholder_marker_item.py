"""One stakeholder on the grid: a marker coloured by sector and shaped by attitude, and its name label."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QStyleOptionGraphicsItem, QWidget

from desktop_app.views.stakeholder_grid.grid_style import (
    LABEL_BACKDROP,
    OUTLINE_COLOUR,
    SELECTION_COLOUR,
    TEXT_COLOUR,
    marker_path,
    sector_colour,
)
from planner.queries import StakeholderRow


class StakeholderMarkerItem(QGraphicsPathItem):
    """Selectable; the grid view drags it (the plan changes only when it is dropped)."""

    def __init__(self, row: StakeholderRow, radius: float) -> None:
        super().__init__(marker_path(row.attitude, radius))
        self.row = row
        self.stakeholder_id = row.id
        self.radius = radius
        self.home = QPointF()  # where the layout put it; a cancelled drag goes back here
        self.label: GridLabelItem | None = None
        self.setBrush(QBrush(sector_colour(row.sector)))
        self.setPen(QPen(OUTLINE_COLOUR, 1.6))
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setZValue(10)
        self.setToolTip(row.name if not row.organisation else f"{row.name}\n{row.organisation}")

    def place(self, centre: QPointF) -> None:
        self.home = QPointF(centre)
        self.setPos(centre)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addEllipse(QPointF(0, 0), self.radius * 1.3, self.radius * 1.3)  # easy to grab
        return path

    def boundingRect(self) -> QRectF:
        return super().boundingRect().united(self.shape().boundingRect()).adjusted(-4, -4, 4, 4)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.isSelected():
            painter.setPen(QPen(SELECTION_COLOUR, 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(0, 0), self.radius * 1.45, self.radius * 1.45)
        painter.setPen(self.pen())
        painter.setBrush(self.brush())
        painter.drawPath(self.path())


class GridLabelItem(QGraphicsItem):
    """A marker's name on a light backdrop so it stays readable over shading and grid lines."""

    PADDING = 3.0

    def __init__(self, text: str, font: QFont, rect: QRectF) -> None:
        super().__init__()
        self.text = text
        self.font = font
        self.rect = QRectF(rect)
        self.setZValue(8)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def boundingRect(self) -> QRectF:
        return self.rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(LABEL_BACKDROP)
        painter.drawRoundedRect(self.rect, 3, 3)
        painter.setPen(TEXT_COLOUR)
        painter.setFont(self.font)
        painter.drawText(self.rect.adjusted(self.PADDING, 0, -self.PADDING, 0),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, self.text)
