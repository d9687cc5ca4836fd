"""One dependency in the graph: a curve from predecessor to successor, its line by type, an arrow and a label."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from desktop_app.views.dependency_graph import graph_style as style
from desktop_app.views.dependency_graph.graph_style import Role
from desktop_app.views.dependency_graph.node_item import NodeFonts
from planner.i18n import _

PIECE_MARGIN = 6.0  # added around each piece's bounds: half the widest pen and the selection halo


def link_text(type_: str, lag: int) -> str:
    """'FS', 'SS+3', 'FF−2': the type and, when there is one, the lag in months."""
    if lag == 0:
        return type_
    return f"{type_}+{lag}" if lag > 0 else f"{type_}−{-lag}"


@dataclass(frozen=True, slots=True)
class EdgePiece:
    """A stretch of an edge drawn on its own, so a frame draws only the stretches it shows.

    A curve or short run has a `path`; a long vertical run has none and is clipped to the exposed area
    (wide antialiased strokes cost by their whole length, however little of them is on screen). Pieces come
    in order from left to right and never go back left."""

    left: float  # bounds, with PIECE_MARGIN around
    top: float
    right: float
    bottom: float
    start: float  # length along the edge where the piece begins (keeps dashes continuous)
    path: QPainterPath | None = None
    x: float = 0.0  # a vertical run: its x, ends and direction
    run_top: float = 0.0
    run_bottom: float = 0.0
    downward: bool = True


def route_pieces(start: QPointF, bends: Sequence[tuple[float, float, float]], end: QPointF,
                 lanes: Sequence[float] = ()) -> tuple[QPainterPath, list[EdgePiece], QPointF]:
    """The edge from `start` through each bend (left x, right x, y) to `end`, as one path and as pieces.

    Between columns: an S-curve with horizontal ends, or, when it climbs more than the gap is wide, two rounded
    corners joined by a vertical run at `lanes[hop]` of the gap's width (default: its middle). Through a
    column: a straight run. The point returned is the middle of the last hop, where the label goes."""
    full = QPainterPath(start)
    pieces: list[EdgePiece] = []
    length = 0.0

    def add(path: QPainterPath) -> None:
        nonlocal length
        bounds = path.boundingRect()
        pieces.append(EdgePiece(bounds.left() - PIECE_MARGIN, bounds.top() - PIECE_MARGIN, bounds.right() + PIECE_MARGIN,
                                bounds.bottom() + PIECE_MARGIN, length, path))
        full.connectPath(path)
        length += path.length()

    current = start
    anchor = start
    for hop, (left, right, y) in enumerate([*bends, (end.x(), end.x(), end.y())]):
        x1, y1 = current.x(), current.y()
        width = left - x1
        if abs(y - y1) <= width:
            middle = x1 + width / 2
            path = QPainterPath(current)
            path.cubicTo(QPointF(middle, y1), QPointF(middle, y), QPointF(left, y))
            add(path)
            anchor = QPointF(middle, (y1 + y) / 2)
        else:
            middle = x1 + width * (lanes[hop] if hop < len(lanes) else 0.5)
            radius = min(middle - x1, left - middle)
            sign = 1.0 if y > y1 else -1.0
            corner = QPainterPath(current)
            corner.lineTo(QPointF(middle - radius, y1))
            corner.quadTo(QPointF(middle, y1), QPointF(middle, y1 + sign * radius))
            add(corner)
            a, b = y1 + sign * radius, y - sign * radius
            anchor = QPointF(middle, (y1 + y) / 2)
            top, bottom = min(a, b), max(a, b)
            pieces.append(EdgePiece(middle - PIECE_MARGIN, top - PIECE_MARGIN, middle + PIECE_MARGIN,
                                    bottom + PIECE_MARGIN, length, None, middle, top, bottom, sign > 0))
            full.lineTo(QPointF(middle, b))
            length += abs(b - a)
            corner = QPainterPath(QPointF(middle, b))
            corner.quadTo(QPointF(middle, y), QPointF(middle + radius, y))
            corner.lineTo(QPointF(left, y))
            add(corner)
        if right > left:
            run = QPainterPath(QPointF(left, y))
            run.lineTo(QPointF(right, y))
            add(run)
        current = QPointF(right, y)
    return full, pieces, anchor


class EdgeItem(QGraphicsItem):
    """Draws one dependency; selectable so Del can remove it. Holds ids and values only."""

    def __init__(self, dependency_id: str, predecessor_id: str, successor_id: str, type_: str, lag: int,
                 critical: bool, fonts: NodeFonts) -> None:
        super().__init__()
        self.dependency_id = dependency_id
        self.predecessor_id = predecessor_id
        self.successor_id = successor_id
        self.type = type_
        self.lag = lag
        self.critical = critical
        self.role = Role.NORMAL
        self.text = link_text(type_, lag)
        self._fonts = fonts
        self._path = QPainterPath()
        self._pieces: list[EdgePiece] = []
        self._shape: QPainterPath | None = QPainterPath()  # None: made from the path when first asked for
        self._arrow = QPolygonF()
        self._arrow_bounds = QRectF()
        self._label_rect = QRectF()
        self._bounds = QRectF()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)  # for exposedRect
        self.setZValue(0)
        self.setToolTip(_("{type} link with a lag of {lag} months").format(type=_(style.TYPE_NAMES.get(type_, type_)), lag=lag)
                        + ("\n" + _("On the critical path") if critical else ""))

    def route(self, start: QPointF, bends: Sequence[tuple[float, float, float]], end: QPointF,
              lanes: Sequence[float] = ()) -> None:
        """Lay the edge from `start` (predecessor's right side) through `bends` to `end` (successor's left side);
        `lanes` places its vertical runs across the gaps (see route_pieces)."""
        self.prepareGeometryChange()
        tip = QPointF(end.x() - 1, end.y())
        base = QPointF(end.x() - style.ARROW_LENGTH, end.y())
        self._path, self._pieces, anchor = route_pieces(start, bends, base, lanes)
        half = style.ARROW_LENGTH * 0.45
        self._arrow = QPolygonF([tip, QPointF(base.x(), base.y() - half), QPointF(base.x(), base.y() + half)])
        self._arrow_bounds = self._arrow.boundingRect().adjusted(-2, -2, 2, 2)
        # The label sits on the last hop before the successor.
        width, height = self._fonts.label_size(self.text)
        self._label_rect = QRectF(anchor.x() - width / 2, anchor.y() - height / 2, width, height)
        self._shape = None  # the grab area: outlined when Qt first asks (a click or a rubber band near the edge)
        self._bounds = self._path.boundingRect().united(self._label_rect).united(self._arrow_bounds).adjusted(
            -PIECE_MARGIN, -PIECE_MARGIN, PIECE_MARGIN, PIECE_MARGIN)
        self.update()

    # -- geometry ---------------------------------------------------------------------------------------

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        if self._shape is None:
            stroker = QPainterPathStroker()
            stroker.setWidth(10)
            self._shape = stroker.createStroke(self._path)
            self._shape.addRect(self._label_rect)
        return self._shape

    @property
    def path(self) -> QPainterPath:
        return self._path

    @property
    def pieces(self) -> list[EdgePiece]:
        return self._pieces

    # -- state ------------------------------------------------------------------------------------------

    def set_role(self, role: Role, context: bool = False) -> None:
        self.role = role
        self.setOpacity(style.FADED_OPACITY * 0.8 if role is Role.FADED else (style.CONTEXT_OPACITY if context else 1.0))
        self.setZValue(1 if role in (Role.UPSTREAM, Role.DOWNSTREAM) else 0)
        self.update()

    # -- painting ---------------------------------------------------------------------------------------

    def _colour_and_width(self) -> tuple[QColor, float]:
        if self.role is Role.UPSTREAM:
            return (style.VERMILLION if self.critical else style.BLUE), 2.6
        if self.role is Role.DOWNSTREAM:
            return (style.VERMILLION if self.critical else style.BLUISH_GREEN), 2.6
        if self.critical:
            return style.VERMILLION, 2.8
        return style.EDGE_COLOUR, 1.5

    def _stroke(self, painter: QPainter, pen: QPen, exposed: QRectF, whole: bool) -> None:
        """Draw the pieces that meet `exposed` (all of the path at once when thin lines are cheap anyway)."""
        if whole:
            painter.setPen(pen)
            painter.drawPath(self._path)
            return
        dashed = pen.style() != Qt.PenStyle.SolidLine
        width = pen.widthF() or 1.0
        # Qt walks the dash pattern up to the offset, so keep the offset within one period of the pattern.
        period = sum(pen.dashPattern()) or 1.0 if dashed else 1.0
        painter.setPen(pen)
        left, top, right, bottom = exposed.left(), exposed.top(), exposed.right(), exposed.bottom()
        for piece in self._pieces:
            if piece.right < left or piece.bottom < top or piece.top > bottom:
                continue
            if piece.left > right:
                break  # pieces run left to right
            if piece.path is not None:
                if dashed:
                    pen.setDashOffset((piece.start / width) % period)
                    painter.setPen(pen)
                painter.drawPath(piece.path)
                continue
            first = max(piece.run_top, top - PIECE_MARGIN)
            last = min(piece.run_bottom, bottom + PIECE_MARGIN)
            if first >= last:
                continue
            if dashed:
                along = first - piece.run_top if piece.downward else piece.run_bottom - last
                pen.setDashOffset(((piece.start + along) / width) % period)
                painter.setPen(pen)
            if piece.downward:
                painter.drawLine(QPointF(piece.x, first), QPointF(piece.x, last))
            else:
                painter.drawLine(QPointF(piece.x, last), QPointF(piece.x, first))

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        colour, width = self._colour_and_width()
        scale = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        exposed = option.exposedRect  # type: ignore[attr-defined]
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if self.isSelected():
            halo = QColor(style.BLUE)
            halo.setAlpha(90)
            halo_width = width + 7
            self._stroke(painter, QPen(halo, halo_width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap), exposed,
                         halo_width * scale <= 1)
        pen = QPen(colour, width, style.TYPE_PEN_STYLES.get(self.type, Qt.PenStyle.SolidLine), Qt.PenCapStyle.FlatCap)
        if self.type == "FF":
            pen.setDashPattern(style.DOT_PATTERN)
        self._stroke(painter, pen, exposed, width * scale <= 1)
        if scale >= style.SHAPE_MIN_SCALE and self._arrow_bounds.intersects(exposed):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(colour))
            painter.drawPolygon(self._arrow)
        if scale < style.EDGE_LABEL_MIN_SCALE or not self._label_rect.intersects(exposed):
            return
        painter.setPen(QPen(colour, 1))
        painter.setBrush(QBrush(style.SCENE_BACKGROUND))
        painter.drawRoundedRect(self._label_rect, 4, 4)
        painter.setFont(self._fonts.label)
        painter.setPen(style.TEXT_COLOUR)
        painter.drawText(self._label_rect, Qt.AlignmentFlag.AlignCenter, self.text)
