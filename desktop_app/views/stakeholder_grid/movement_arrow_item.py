"""An arrow from a stakeholder's cell in a saved snapshot to where it is now."""

from __future__ import annotations

import math

from PySide6.QtCore import QLineF, QPointF, Qt
from PySide6.QtGui import QBrush, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsPathItem

from desktop_app.views.stakeholder_grid.grid_style import ARROW_COLOUR


class MovementArrowItem(QGraphicsPathItem):
    """A dashed shaft from the old cell's centre (a small ring) and a filled head stopping short of the marker."""

    def __init__(self, stakeholder_id: str, start: QPointF, end: QPointF, head: float, stop_short: float) -> None:
        super().__init__()
        self.stakeholder_id = stakeholder_id
        line = QLineF(start, end)
        if line.length() > stop_short * 2:
            line.setLength(line.length() - stop_short)
        path = QPainterPath()
        path.addEllipse(start, head * 0.35, head * 0.35)
        path.moveTo(line.p1())
        path.lineTo(line.p2())
        self.setPath(path)
        pen = QPen(ARROW_COLOUR, max(2.0, head * 0.18), Qt.PenStyle.DashLine)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        self.setPen(pen)
        self.setZValue(6)
        angle = math.atan2(line.dy(), line.dx())
        tip = line.p2()
        wing = math.radians(25)
        points = [tip] + [QPointF(tip.x() - head * math.cos(angle + side * wing),
                                  tip.y() - head * math.sin(angle + side * wing)) for side in (-1, 1)]
        self.head = QGraphicsPathItem(self)
        head_path = QPainterPath()
        head_path.addPolygon(QPolygonF(points))
        head_path.closeSubpath()
        self.head.setPath(head_path)
        self.head.setBrush(QBrush(ARROW_COLOUR))
        self.head.setPen(QPen(ARROW_COLOUR, 1))
