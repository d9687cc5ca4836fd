"""One stakeholder in the network: a circle sized by influence, filled by sector (or community), its name below."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QStaticText
from PySide6.QtWidgets import QGraphicsItem, QGraphicsSceneMouseEvent, QStyleOptionGraphicsItem, QWidget

from desktop_app.views.stakeholder_network import network_style as style

# Pens and brushes made once (paint runs for every node on screen, every frame).
OUTLINE_PEN = QPen(style.NODE_OUTLINE, 1.4)
ISOLATED_PEN = QPen(style.NODE_OUTLINE, 2.0, Qt.PenStyle.DashLine)
BROKER_PEN = QPen(style.BROKER_RING, 2.5)
HIGHLIGHT_PEN = QPen(style.HIGHLIGHT_RING, 3.0)
SELECTED_PEN = QPen(style.SELECTED_RING, 3.0)
TEXT_PEN = QPen(style.TEXT_COLOUR)
LABEL_BRUSH = QBrush(style.LABEL_BACKDROP)
OUTLINE_BRUSH = QBrush(style.NODE_OUTLINE)
LABEL_INSET = QPointF(4, 1)  # the name's place in its backdrop, which is 8 wider and 2 taller
# The names drawn last, laid out once (QStaticText: a third cheaper to draw than drawText); about 3 kB each, so
# only as many as a large screen shows at 1:1 are kept.
LABEL_CACHE_SIZE = 600
_laid_out: OrderedDict[tuple[str, str], QStaticText] = OrderedDict()


def laid_out(name: str, font: QFont, font_key: str) -> QStaticText:
    """The name laid out in this font (`font_key`: font.key()), from the cache of the names drawn last."""
    key = (name, font_key)
    text = _laid_out.get(key)
    if text is None:
        text = _laid_out[key] = QStaticText(name)
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.prepare(font=font)
        if len(_laid_out) > LABEL_CACHE_SIZE:
            _laid_out.popitem(last=False)
    else:
        _laid_out.move_to_end(key)
    return text


class NetworkNodeItem(QGraphicsItem):
    """Draws one stakeholder centred on its position; movable and selectable. Holds plain values only."""

    def __init__(self, stakeholder_id: str, name: str, tooltip: str, influence: int, colour: QColor,
                 font: QFont, metrics: QFontMetricsF) -> None:
        super().__init__()
        self.stakeholder_id = stakeholder_id
        self.name = name
        self.radius = style.node_radius(influence)
        self.colour = QColor(colour)
        self._brush = QBrush(self.colour)
        self.broker = False  # ringed when the Brokers highlight is on
        self.isolated = False  # dashed outline
        self.highlighted = False  # a stakeholder of the selected initiative
        self.faded = False
        self.edges: list[Any] = []  # NetworkEdgeItem, kept in step when the node moves
        self.moved: Callable[[NetworkNodeItem], None] | None = None  # called on every move
        self.dropped: Callable[[NetworkNodeItem], None] | None = None  # called when a drag ends
        self._press_position = QPointF()
        self.bounds: QRectF | None = None  # where a drag may take the centre (the layout square)
        self._font = font
        width = metrics.horizontalAdvance(name) + 8
        self._label_rect = QRectF(-width / 2, self.radius + 3, width, metrics.height() + 2)
        self._font_key = font.key()
        r = self.radius + 6
        self._bounds = QRectF(-r, -r, 2 * r, 2 * r).united(self._label_rect).adjusted(-2, -2, 2, 2)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges)
        self.setZValue(2)
        self.setToolTip(tooltip)

    # -- geometry ---------------------------------------------------------------------------------------

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addEllipse(QPointF(0, 0), self.radius + 2, self.radius + 2)
        return path

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionChange and self.bounds is not None:
            box = self.bounds
            return QPointF(min(max(value.x(), box.left()), box.right()), min(max(value.y(), box.top()), box.bottom()))
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            for edge in self.edges:
                edge.adjust()
            if self.moved is not None:
                self.moved(self)
        return super().itemChange(change, value)

    # -- state ------------------------------------------------------------------------------------------

    def set_look(self, colour: QColor, broker: bool, highlighted: bool, faded: bool) -> None:
        self.colour, self.broker, self.highlighted, self.faded = QColor(colour), broker, highlighted, faded
        self._brush = QBrush(self.colour)
        self.setOpacity(style.FADED_OPACITY if faded else 1.0)
        self.setZValue(3 if highlighted else 2)
        self.update()

    # -- mouse ------------------------------------------------------------------------------------------

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self._press_position = QPointF(self.pos())
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if self.pos() != self._press_position and self.dropped is not None:
            self.dropped(self)

    # -- painting ---------------------------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        scale = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        radius = self.radius
        centre = QPointF(0, 0)
        if self.isolated:
            painter.setPen(ISOLATED_PEN)
            painter.setBrush(self._brush)
            painter.drawEllipse(centre, radius, radius)
        else:  # the 1.4-wide outline as two fills: much cheaper to raster than a stroked ellipse
            half = OUTLINE_PEN.widthF() / 2
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(OUTLINE_BRUSH)
            painter.drawEllipse(centre, radius + half, radius + half)
            painter.setBrush(self._brush)
            painter.drawEllipse(centre, radius - half, radius - half)
        if self.broker or self.highlighted or self.isSelected():
            painter.setBrush(Qt.BrushStyle.NoBrush)
            if self.broker:
                painter.setPen(BROKER_PEN)
                painter.drawEllipse(centre, radius + 4, radius + 4)
            if self.highlighted:
                painter.setPen(HIGHLIGHT_PEN)
                painter.drawEllipse(centre, radius + 4, radius + 4)
            if self.isSelected():
                painter.setPen(SELECTED_PEN)
                painter.drawEllipse(centre, radius + 6, radius + 6)
        if scale < style.LABEL_MIN_SCALE:
            return  # far out: circles only
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(LABEL_BRUSH)
        painter.drawRoundedRect(self._label_rect, 3, 3)
        painter.setFont(self._font)
        painter.setPen(TEXT_PEN)
        painter.drawStaticText(self._label_rect.topLeft() + LABEL_INSET,  # centred: the backdrop fits the name
                               laid_out(self.name, self._font, self._font_key))

    def label_visible_at(self, scale: float) -> bool:
        """Whether the name is drawn at this zoom level (level of detail)."""
        return scale >= style.LABEL_MIN_SCALE
