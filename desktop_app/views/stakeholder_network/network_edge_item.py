"""One relation in the network: a straight line between two stakeholders, styled by type, an arrow when directed."""

from __future__ import annotations

import math

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QGraphicsItem, QGraphicsSceneHoverEvent, QStyleOptionGraphicsItem, QWidget

from desktop_app.views.stakeholder_network import network_style as style
from desktop_app.views.stakeholder_network.network_node_item import NetworkNodeItem


class NetworkEdgeItem(QGraphicsItem):
    """Draws one relation between the rims of its two nodes; shows its type beside the line on hover."""

    def __init__(self, relation_id: str, source: NetworkNodeItem, target: NetworkNodeItem, type_: str,
                 type_label: str, directed: bool, strength: int, font: QFont, metrics: QFontMetricsF) -> None:
        super().__init__()
        self.relation_id = relation_id
        self.source = source
        self.target = target
        self.type = type_
        self.type_label = type_label
        self.directed = directed
        self.strength = strength
        self.hovered = False
        self._font = font
        self._label_size = (metrics.horizontalAdvance(type_label) + 8, metrics.height() + 2)
        self._line = QLineF()
        self._arrow = QPolygonF()
        self._label_rect = QRectF()
        self._bounds = QRectF()
        self._shape = QPainterPath()
        self.setAcceptHoverEvents(True)
        self.setZValue(0)
        self.setToolTip(type_label)
        source.edges.append(self)
        target.edges.append(self)
        self.adjust()

    @property
    def colour(self) -> QColor:
        return style.RELATION_COLOURS.get(self.type, style.DEFAULT_RELATION_COLOUR)

    def adjust(self) -> None:
        """Follow the two nodes: the line runs from rim to rim."""
        self.prepareGeometryChange()
        a, b = self.source.pos(), self.target.pos()
        line = QLineF(a, b)
        length = line.length()
        if length < 1e-6:
            self._line = QLineF(a, a)
        else:
            ux, uy = (b.x() - a.x()) / length, (b.y() - a.y()) / length
            start = QPointF(a.x() + ux * self.source.radius, a.y() + uy * self.source.radius)
            end = QPointF(b.x() - ux * (self.target.radius + 2), b.y() - uy * (self.target.radius + 2))
            self._line = QLineF(start, end)
        self._arrow = QPolygonF()
        if self.directed and self._line.length() > style.ARROW_LENGTH:
            tip = self._line.p2()
            angle = math.atan2(self._line.dy(), self._line.dx())
            size, half = style.ARROW_LENGTH + style.edge_width(self.strength), math.radians(24)
            self._arrow = QPolygonF([
                tip,
                QPointF(tip.x() - size * math.cos(angle - half), tip.y() - size * math.sin(angle - half)),
                QPointF(tip.x() - size * math.cos(angle + half), tip.y() - size * math.sin(angle + half)),
            ])
        width, height = self._label_size
        middle = self._line.center()
        self._label_rect = QRectF(middle.x() - width / 2, middle.y() - height / 2, width, height)
        path = QPainterPath(self._line.p1())
        path.lineTo(self._line.p2())
        stroker = QPainterPathStroker()
        stroker.setWidth(8)
        self._shape = stroker.createStroke(path)
        margin = style.ARROW_LENGTH + 6
        self._bounds = QRectF(self._line.p1(), self._line.p2()).normalized().adjusted(-margin, -margin, margin, margin)
        self._bounds = self._bounds.united(self._label_rect)

    # -- geometry ---------------------------------------------------------------------------------------

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return self._shape

    def line(self) -> QLineF:
        return QLineF(self._line)

    # -- hover ------------------------------------------------------------------------------------------

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.hovered = True
        self.update()
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.hovered = False
        self.update()
        super().hoverLeaveEvent(event)

    # -- painting ---------------------------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        scale = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        colour = self.colour
        width = style.edge_width(self.strength) + (1.5 if self.hovered else 0.0)
        pen = QPen(colour, width, style.RELATION_PEN_STYLES.get(self.type, Qt.PenStyle.SolidLine),
                   Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        painter.drawLine(self._line)
        if not self._arrow.isEmpty() and scale >= style.ARROW_MIN_SCALE:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(colour))
            painter.drawPolygon(self._arrow)
        if self.hovered and scale >= style.LABEL_MIN_SCALE:
            painter.setPen(QPen(colour, 1))
            painter.setBrush(QBrush(style.SCENE_BACKGROUND))
            painter.drawRoundedRect(self._label_rect, 4, 4)
            painter.setFont(self._font)
            painter.setPen(style.TEXT_COLOUR)
            painter.drawText(self._label_rect, Qt.AlignmentFlag.AlignCenter, self.type_label)
