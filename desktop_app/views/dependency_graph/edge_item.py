"""One dependency in the graph: a curve from predecessor to successor, its line by type, an arrow and a label."""

from __future__ import annotations

from array import array
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


# The pieces of an edge are kept as numbers only, STRIDE to a piece in one array per edge (a QPainterPath and an
# object per piece took over 80 MB for 10,000 initiatives); a piece's path is traced again when a frame shows it.
# A record: kind, left, top, right, bottom (bounds with PIECE_MARGIN around), start (length along the edge where the
# piece begins, which keeps dashes continuous), then the kind's own numbers:
CURVE = 0  # an S-curve: x1, y1, middle x, end x, end y
CORNER_OUT = 1  # a run and a rounded corner turning vertical: x1, y1, middle x, radius, sign (+1 down)
VERTICAL = 2  # a long vertical run, drawn clipped to the exposed area: x, top, bottom, 1 if downward else 0
CORNER_IN = 3  # a rounded corner turning horizontal and a run: middle x, y1, end y, radius, end x
RUN = 4  # a straight horizontal run: left x, y, right x
STRIDE = 11


@dataclass(frozen=True, slots=True)
class EdgePiece:
    """A stretch of an edge drawn on its own, so a frame draws only the stretches it shows (made on demand from
    an edge's piece records, for reading; painting reads the records).

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


def piece_path(kind: int, a: float, b: float, c: float, d: float, e: float) -> QPainterPath:
    """The path of one curve, corner or run piece from its record's own numbers."""
    path = QPainterPath()  # coordinates as plain numbers: no QPointF to make (this runs while a frame is drawn)
    path.moveTo(a, b)
    if kind == CURVE:
        path.cubicTo(c, b, c, e, d, e)
    elif kind == CORNER_OUT:
        path.lineTo(c - d, b)
        path.quadTo(c, b, c, b + e * d)
    elif kind == CORNER_IN:
        path.quadTo(a, c, a + d, c)
        path.lineTo(e, c)
    else:
        path.lineTo(c, b)
    return path


def route_pieces(start: QPointF, bends: Sequence[tuple[float, float, float]], end: QPointF,
                 lanes: Sequence[float] = ()) -> tuple[QPainterPath, array[float], QPointF]:
    """The edge from `start` through each bend (left x, right x, y) to `end`, as one path and as piece records.

    Between columns: an S-curve with horizontal ends, or, when it climbs more than the gap is wide, two rounded
    corners joined by a vertical run at `lanes[hop]` of the gap's width (default: its middle). Through a
    column: a straight run. The point returned is the middle of the last hop, where the label goes."""
    full = QPainterPath(start)
    pieces: array[float] = array("d")
    length = 0.0

    def add(kind: int, a: float, b: float, c: float, d: float = 0.0, e: float = 0.0) -> None:
        nonlocal length
        path = piece_path(kind, a, b, c, d, e)  # only to measure it and to add it to the whole path
        bounds = path.boundingRect()
        pieces.extend((kind, bounds.left() - PIECE_MARGIN, bounds.top() - PIECE_MARGIN,
                       bounds.right() + PIECE_MARGIN, bounds.bottom() + PIECE_MARGIN, length, a, b, c, d, e))
        full.connectPath(path)
        length += path.length()

    current = start
    anchor = start
    for hop, (left, right, y) in enumerate([*bends, (end.x(), end.x(), end.y())]):
        x1, y1 = current.x(), current.y()
        width = left - x1
        if abs(y - y1) <= width:
            middle = x1 + width / 2
            add(CURVE, x1, y1, middle, left, y)
            anchor = QPointF(middle, (y1 + y) / 2)
        else:
            middle = x1 + width * (lanes[hop] if hop < len(lanes) else 0.5)
            radius = min(middle - x1, left - middle)
            sign = 1.0 if y > y1 else -1.0
            add(CORNER_OUT, x1, y1, middle, radius, sign)
            a, b = y1 + sign * radius, y - sign * radius
            anchor = QPointF(middle, (y1 + y) / 2)
            top, bottom = min(a, b), max(a, b)
            pieces.extend((VERTICAL, middle - PIECE_MARGIN, top - PIECE_MARGIN, middle + PIECE_MARGIN,
                           bottom + PIECE_MARGIN, length, middle, top, bottom, 1.0 if sign > 0 else 0.0, 0.0))
            full.lineTo(QPointF(middle, b))
            length += abs(b - a)
            add(CORNER_IN, middle, b, y, radius, left)
        if right > left:
            add(RUN, left, y, right)
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
        self._pieces: array[float] = array("d")  # STRIDE numbers a piece (see route_pieces)
        self._label_rect = QRectF()
        self._arrow_bounds = QRectF()
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
        base = QPointF(end.x() - style.ARROW_LENGTH, end.y())
        self._path, self._pieces, anchor = route_pieces(start, bends, base, lanes)
        # The label sits on the last hop before the successor.
        width, height = self._fonts.label_size(self.text)
        self._label_rect = QRectF(anchor.x() - width / 2, anchor.y() - height / 2, width, height)
        self._arrow_bounds = self._arrow().boundingRect().adjusted(-2, -2, 2, 2)
        self._bounds = self._path.boundingRect().united(self._label_rect).united(self._arrow_bounds).adjusted(
            -PIECE_MARGIN, -PIECE_MARGIN, PIECE_MARGIN, PIECE_MARGIN)
        self.update()

    # -- geometry ---------------------------------------------------------------------------------------

    def _arrow(self) -> QPolygonF:
        """The arrowhead at the end of the path (made when drawn, not kept for every edge)."""
        base = self._path.currentPosition()
        tip = QPointF(base.x() + style.ARROW_LENGTH - 1, base.y())
        half = style.ARROW_LENGTH * 0.45
        return QPolygonF([tip, QPointF(base.x(), base.y() - half), QPointF(base.x(), base.y() + half)])

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        """The grab area, outlined each time Qt asks (a click or a rubber band near the edge): kept for every
        edge a rubber band touched, outlines took tens of megabytes in a large plan."""
        stroker = QPainterPathStroker()
        stroker.setWidth(10)
        shape = stroker.createStroke(self._path)
        shape.addRect(self._label_rect)
        return shape

    @property
    def path(self) -> QPainterPath:
        return self._path

    @property
    def pieces(self) -> list[EdgePiece]:
        """The pieces drawn one by one when zoomed in, made from the records when asked for."""
        result = []
        records = self._pieces
        for at in range(0, len(records), STRIDE):
            kind, left, top, right, bottom, start, a, b, c, d, e = records[at:at + STRIDE]
            if kind == VERTICAL:
                result.append(EdgePiece(left, top, right, bottom, start, None, a, b, c, d > 0))
            else:
                result.append(EdgePiece(left, top, right, bottom, start, piece_path(int(kind), a, b, c, d, e)))
        return result

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
        records = self._pieces
        for at in range(0, len(records), STRIDE):
            if records[at + 3] < left or records[at + 4] < top or records[at + 2] > bottom:
                continue
            if records[at + 1] > right:
                break  # pieces run left to right
            kind, _left, _top, _right, _bottom, start, a, b, c, d, e = records[at:at + STRIDE]
            if kind != VERTICAL:
                if dashed:
                    pen.setDashOffset((start / width) % period)
                    painter.setPen(pen)
                painter.drawPath(piece_path(int(kind), a, b, c, d, e))
                continue
            x, run_top, run_bottom, downward = a, b, c, d > 0
            first = max(run_top, top - PIECE_MARGIN)
            last = min(run_bottom, bottom + PIECE_MARGIN)
            if first >= last:
                continue
            if dashed:
                along = first - run_top if downward else run_bottom - last
                pen.setDashOffset(((start + along) / width) % period)
                painter.setPen(pen)
            if downward:
                painter.drawLine(QPointF(x, first), QPointF(x, last))
            else:
                painter.drawLine(QPointF(x, last), QPointF(x, first))

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
            painter.drawPolygon(self._arrow())
        if scale < style.EDGE_LABEL_MIN_SCALE or not self._label_rect.intersects(exposed):
            return
        painter.setPen(QPen(colour, 1))
        painter.setBrush(QBrush(style.SCENE_BACKGROUND))
        painter.drawRoundedRect(self._label_rect, 4, 4)
        painter.setFont(self._fonts.label)
        painter.setPen(style.TEXT_COLOUR)
        painter.drawText(self._label_rect, Qt.AlignmentFlag.AlignCenter, self.text)
