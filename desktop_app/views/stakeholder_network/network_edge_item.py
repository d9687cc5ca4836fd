"""The relations of the network: straight lines between stakeholders, styled by type, an arrow when directed.

Thousands of long lines cross any screenful of a big network. One QGraphicsItem per relation meant a Python paint
call for each and dashes computed along lines thousands of pixels long; instead each relation is a plain
`NetworkEdge` (its values and geometry) and one `NetworkEdgeLayer` item draws them all. The layer cuts every line
into pieces at the edges of a fixed grid of cells and indexes the pieces by cell, so a frame draws only the cells
it exposes (dashes restart at fixed cell edges, so they stay put while scrolling). A frame exposing up to
PATH_CELLS cells (1:1 and a little further out) joins the cells' pieces as one QPainterPath per pen and its
arrowheads as one per colour, and strokes one path per pen: drawLines flushes the rasteriser's spans after every
line, a third slower at 2,000 stakeholders. The cells' paths are kept for the PATH_CELLS cells drawn last (a path
object costs about 1 kB, too much for every cell of a fitted network); a frame exposing more cells draws their
pieces with drawLines.
Level of detail: a crowded frame at 1:1 or further out draws its lines without antialiasing and its dashed lines
as one-pixel hairlines (same dashes); arrowheads only from ARROW_MIN_SCALE; the type label only on hover. No caching of pixels.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsSceneHoverEvent, QStyleOptionGraphicsItem, QWidget

from desktop_app.views.stakeholder_network import network_style as style
from desktop_app.views.stakeholder_network.network_node_item import NetworkNodeItem

CELL = 384.0  # scene pixels: the side of a grid cell of the piece index, and the longest piece
HOVER_REACH = 5.0  # scene pixels from a line that count as hovering it
# Level of detail: a frame at this zoom or further out drawing more pieces than this is "crowded".
CROWDED_MAX_SCALE = 1.0 + 1e-6
CROWDED_PIECES = 600
PATH_CELLS = 120  # a frame exposing up to this many cells draws paths; the paths of as many cells are kept
# Qt's dash patterns in pen widths, for hairlines with the same dashes.
DASH_PATTERNS = {Qt.PenStyle.DashLine: (4.0, 2.0), Qt.PenStyle.DotLine: (1.0, 2.0),
                 Qt.PenStyle.DashDotLine: (4.0, 2.0, 1.0, 2.0)}
Cell = tuple[int, int]
PenKey = tuple[str, int]  # relation type, strength
LineKey = tuple[float, PenKey]  # opacity, pen
ArrowKey = tuple[float, str]  # opacity, relation type (the arrowhead's colour)


def cut(x1: float, y1: float, x2: float, y2: float) -> list[tuple[Cell, QLineF]]:
    """The line cut where it crosses the grid's cell edges, each piece with the cell it lies in."""
    dx, dy = x2 - x1, y2 - y1
    ts = [0.0, 1.0]
    for a, d in ((x1, dx), (y1, dy)):
        if abs(d) > 1e-9:
            low, high = (a, a + d) if d > 0 else (a + d, a)
            edge = (math.floor(low / CELL) + 1) * CELL
            while edge < high:
                ts.append((edge - a) / d)
                edge += CELL
    ts.sort()
    out = []
    for n in range(len(ts) - 1):
        t0, t1 = ts[n], ts[n + 1]
        if t1 - t0 < 1e-9:
            continue
        mid = (t0 + t1) / 2
        cell = (math.floor((x1 + dx * mid) / CELL), math.floor((y1 + dy * mid) / CELL))
        out.append((cell, QLineF(x1 + dx * t0, y1 + dy * t0, x1 + dx * t1, y1 + dy * t1)))
    return out


class NetworkEdge:
    """One relation between the rims of two nodes: plain values and geometry, drawn by the NetworkEdgeLayer."""

    def __init__(self, relation_id: str, source: NetworkNodeItem, target: NetworkNodeItem, type_: str,
                 type_label: str, directed: bool, strength: int, label_size: tuple[float, float]) -> None:
        self.relation_id = relation_id
        self.source = source
        self.target = target
        self.type = type_
        self.type_label = type_label
        self.directed = directed
        self.strength = strength
        self.hovered = False
        self.layer: NetworkEdgeLayer | None = None
        self.number = -1  # index in the layer
        self._visible = True
        self._opacity = 1.0
        self._label_size = label_size
        self._line = QLineF()
        self._arrow = QPolygonF()
        self._label_rect = QRectF()
        self.cells: list[Cell] = []
        source.edges.append(self)
        target.edges.append(self)
        self.update_geometry()

    @property
    def colour(self) -> QColor:
        return style.RELATION_COLOURS.get(self.type, style.DEFAULT_RELATION_COLOUR)

    @property
    def pen_key(self) -> PenKey:
        return self.type, self.strength

    # -- as a graphics item would answer ------------------------------------------------------------------

    def toolTip(self) -> str:
        return self.type_label

    def isVisible(self) -> bool:
        return self._visible

    def setVisible(self, visible: bool) -> None:
        if visible != self._visible:
            self._visible = visible
            if self.layer is not None:
                self.layer.looks_changed()

    def opacity(self) -> float:
        return self._opacity

    def setOpacity(self, opacity: float) -> None:
        if opacity != self._opacity:
            self._opacity = opacity
            if self.layer is not None:
                self.layer.looks_changed()

    def line(self) -> QLineF:
        return QLineF(self._line)

    def arrow(self) -> QPolygonF:
        return QPolygonF(self._arrow)

    def label_rect(self) -> QRectF:
        return QRectF(self._label_rect)

    # -- geometry -------------------------------------------------------------------------------------------

    def adjust(self) -> None:
        """Follow the two nodes (called when either moves)."""
        if self.layer is not None:
            self.layer.edge_moved(self)
        else:
            self.update_geometry()

    def update_geometry(self) -> None:
        """The line from rim to rim, the arrowhead and the hover label's place."""
        a, b = self.source.pos(), self.target.pos()
        ax, ay, bx, by = a.x(), a.y(), b.x(), b.y()
        length = math.hypot(bx - ax, by - ay)
        if length < 1e-6:
            self._line = QLineF(ax, ay, ax, ay)
        else:
            ux, uy = (bx - ax) / length, (by - ay) / length
            rs, rt = self.source.radius, self.target.radius + 2
            self._line = QLineF(ax + ux * rs, ay + uy * rs, bx - ux * rt, by - uy * rt)
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

    def distance_to(self, point: QPointF) -> float:
        line = self._line
        x1, y1, x2, y2 = line.x1(), line.y1(), line.x2(), line.y2()
        dx, dy = x2 - x1, y2 - y1
        length2 = dx * dx + dy * dy
        t = 0.0 if length2 < 1e-9 else max(0.0, min(1.0, ((point.x() - x1) * dx + (point.y() - y1) * dy) / length2))
        return math.hypot(point.x() - (x1 + dx * t), point.y() - (y1 + dy * t))

    def hover_rect(self) -> QRectF:
        margin = style.ARROW_LENGTH + 8
        rect = QRectF(self._line.p1(), self._line.p2()).normalized().adjusted(-margin, -margin, margin, margin)
        return rect.united(self._label_rect)


class NetworkEdgeLayer(QGraphicsItem):
    """Every relation of the scene, under the nodes; shows a relation's type when hovered."""

    def __init__(self, font: QFont, metrics: QFontMetricsF) -> None:
        super().__init__()
        self.edges: list[NetworkEdge] = []
        self._font = font
        self._metrics = metrics
        self._cells: dict[Cell, dict[int, list[QLineF]]] = {}  # cell -> edge number -> its pieces there
        self._tips: dict[Cell, set[int]] = {}  # cell -> edges whose arrow tip is there
        self._tip_cell: dict[int, Cell] = {}
        # What each cell draws, made when first needed after a change: its visible pieces by (opacity, pen) as
        # lists; the same as one path each and how many pieces (for the PATH_CELLS cells drawn last); and the
        # arrowheads whose tips are in the cell as one path per (opacity, type) (as many cells).
        self._drawn: dict[Cell, dict[LineKey, list[QLineF]]] = {}
        self._drawn_paths: OrderedDict[Cell, tuple[dict[LineKey, QPainterPath], int]] = OrderedDict()
        self._drawn_arrows: OrderedDict[Cell, dict[ArrowKey, QPainterPath]] = OrderedDict()
        self._pens: dict[tuple[PenKey, bool, bool], QPen] = {}
        self._brushes: dict[str, QBrush] = {}
        self._batch = 0
        self._dirty: set[int] = set()
        self._bounds = QRectF()
        self.hovered: NetworkEdge | None = None
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(True)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)  # for the exposed rect
        self.setZValue(0)

    def label_size(self, text: str) -> tuple[float, float]:
        return self._metrics.horizontalAdvance(text) + 8, self._metrics.height() + 2

    # -- contents -------------------------------------------------------------------------------------------

    def set_edges(self, edges: Iterable[NetworkEdge]) -> None:
        self.edges = list(edges)
        for number, edge in enumerate(self.edges):
            edge.layer, edge.number = self, number
        self.reindex()

    def begin_batch(self) -> None:
        """Moves until end_batch are indexed once, at the end."""
        self._batch += 1

    def end_batch(self) -> None:
        self._batch -= 1
        if self._batch == 0 and self._dirty:
            if len(self._dirty) > len(self.edges) // 4:
                self._dirty.clear()
                self.reindex()
            else:
                dirty, self._dirty = self._dirty, set()
                for number in dirty:
                    self._reindex_edge(self.edges[number])
                self.update()

    def reindex(self) -> None:
        self._cells, self._tips, self._tip_cell = {}, {}, {}
        self._forget_drawn()
        bounds = QRectF()
        for edge in self.edges:
            edge.update_geometry()
            self._add(edge)
            bounds = bounds.united(edge.hover_rect())
        self.prepareGeometryChange()
        self._bounds = bounds
        self.update()

    def edge_moved(self, edge: NetworkEdge) -> None:
        if self._batch:
            self._dirty.add(edge.number)
            return
        old = edge.hover_rect()
        self._reindex_edge(edge)
        self.update(old.united(edge.hover_rect()))

    def looks_changed(self) -> None:
        """Visibility or opacity of some relation changed."""
        self._forget_drawn()
        self.update()

    def _forget_drawn(self, cell: Cell | None = None) -> None:
        """Drop what this cell (None: every cell) draws; it is made again when next drawn."""
        if cell is None:
            self._drawn, self._drawn_paths, self._drawn_arrows = {}, OrderedDict(), OrderedDict()
        else:
            self._drawn.pop(cell, None)
            self._drawn_paths.pop(cell, None)

    def _reindex_edge(self, edge: NetworkEdge) -> None:
        number = edge.number
        for cell in edge.cells:
            self._cells.get(cell, {}).pop(number, None)
            self._forget_drawn(cell)
        tip_cell = self._tip_cell.pop(number, None)
        if tip_cell is not None:
            self._tips.get(tip_cell, set()).discard(number)
            self._drawn_arrows.pop(tip_cell, None)
        edge.update_geometry()
        self._add(edge)
        rect = edge.hover_rect()
        if not self._bounds.contains(rect):  # grows only; reindex() makes it tight again
            self.prepareGeometryChange()
            self._bounds = self._bounds.united(rect)

    def _add(self, edge: NetworkEdge) -> None:
        line, number = edge._line, edge.number
        cells: list[Cell] = []
        for cell, piece in cut(line.x1(), line.y1(), line.x2(), line.y2()):
            pieces = self._cells.setdefault(cell, {}).setdefault(number, [])
            if not pieces:
                cells.append(cell)
                self._forget_drawn(cell)
            pieces.append(piece)
        edge.cells = cells
        if not edge._arrow.isEmpty():
            cell = (math.floor(line.x2() / CELL), math.floor(line.y2() / CELL))
            self._tips.setdefault(cell, set()).add(number)
            self._tip_cell[number] = cell
            self._drawn_arrows.pop(cell, None)

    def _cell_lines(self, cell: Cell) -> dict[LineKey, list[QLineF]]:
        """The visible pieces in this cell by opacity and pen."""
        drawn = self._drawn.get(cell)
        if drawn is None:
            drawn = {}
            edges = self.edges
            for number, pieces in self._cells.get(cell, {}).items():
                edge = edges[number]
                if edge._visible:
                    drawn.setdefault((edge._opacity, edge.pen_key), []).extend(pieces)
            self._drawn[cell] = drawn
        return drawn

    def _cell_paths(self, cell: Cell) -> tuple[dict[LineKey, QPainterPath], int]:
        """The visible pieces in this cell by opacity and pen as one path each; and how many pieces there are."""
        drawn = self._drawn_paths.get(cell)
        if drawn is None:
            grouped = self._cell_lines(cell)
            paths = {}
            for key, lines in grouped.items():
                path = paths[key] = QPainterPath()
                path.reserve(2 * len(lines))
                for line in lines:
                    path.moveTo(line.p1())
                    path.lineTo(line.p2())
            drawn = self._drawn_paths[cell] = (paths, sum(map(len, grouped.values())))
            if len(self._drawn_paths) > PATH_CELLS:
                self._drawn_paths.popitem(last=False)
        else:
            self._drawn_paths.move_to_end(cell)
        return drawn

    def _cell_arrows(self, cell: Cell) -> dict[ArrowKey, QPainterPath]:
        """The arrowheads of the visible relations whose tips are in this cell, by opacity and type: one path each
        (winding fill: every arrowhead is wound the same way, so overlapping ones stay filled)."""
        drawn = self._drawn_arrows.get(cell)
        if drawn is not None:
            self._drawn_arrows.move_to_end(cell)
        else:
            drawn = {}
            edges = self.edges
            for number in self._tips.get(cell, ()):
                edge = edges[number]
                if edge._visible:
                    key = (edge._opacity, edge.type)
                    path = drawn.get(key)
                    if path is None:
                        path = drawn[key] = QPainterPath()
                        path.setFillRule(Qt.FillRule.WindingFill)
                    path.addPolygon(edge._arrow)
                    path.closeSubpath()
            self._drawn_arrows[cell] = drawn
            if len(self._drawn_arrows) > PATH_CELLS:
                self._drawn_arrows.popitem(last=False)
        return drawn

    # -- geometry -------------------------------------------------------------------------------------------

    def boundingRect(self) -> QRectF:
        return self._bounds

    def edge_at(self, point: QPointF) -> NetworkEdge | None:
        """The visible relation nearest to this scene point, within HOVER_REACH."""
        cx, cy = math.floor(point.x() / CELL), math.floor(point.y() / CELL)
        best, best_distance = None, HOVER_REACH
        seen: set[int] = set()
        for cell in ((cx + i, cy + j) for i in (-1, 0, 1) for j in (-1, 0, 1)):
            for number in self._cells.get(cell, {}):
                if number in seen:
                    continue
                seen.add(number)
                edge = self.edges[number]
                if not edge._visible:
                    continue
                distance = edge.distance_to(point)
                if distance <= best_distance:
                    best, best_distance = edge, distance
        return best

    # -- hover ----------------------------------------------------------------------------------------------

    def _set_hovered(self, edge: NetworkEdge | None) -> None:
        if edge is self.hovered:
            return
        for old in (self.hovered, edge):
            if old is not None:
                self.update(old.hover_rect())
        if self.hovered is not None:
            self.hovered.hovered = False
        self.hovered = edge
        if edge is not None:
            edge.hovered = True
        self.setToolTip(edge.type_label if edge is not None else "")

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._set_hovered(self.edge_at(event.pos()))
        super().hoverEnterEvent(event)

    def hoverMoveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._set_hovered(self.edge_at(event.pos()))
        super().hoverMoveEvent(event)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._set_hovered(None)
        super().hoverLeaveEvent(event)

    # -- painting -------------------------------------------------------------------------------------------

    def _pen(self, key: PenKey, hovered: bool = False, hairline: bool = False) -> QPen:
        """The pen of a relation type and strength, made once. A dashed `hairline` pen is one device pixel
        wide with the dashes as long as the full-width pen's (wide dashed lines are the slow ones to raster)."""
        type_, strength = key
        pen_style = style.RELATION_PEN_STYLES.get(type_, Qt.PenStyle.SolidLine)
        hairline = hairline and not hovered and pen_style in DASH_PATTERNS
        pen = self._pens.get((key, hovered, hairline))
        if pen is None:
            width = style.edge_width(strength) + (1.5 if hovered else 0.0)
            pen = QPen(style.RELATION_COLOURS.get(type_, style.DEFAULT_RELATION_COLOUR), width, pen_style,
                       Qt.PenCapStyle.FlatCap)
            if hairline:
                pen.setWidthF(0)
                pen.setDashPattern([length * width for length in DASH_PATTERNS[pen_style]])
            self._pens[(key, hovered, hairline)] = pen
        return pen

    def _brush(self, type_: str) -> QBrush:
        brush = self._brushes.get(type_)
        if brush is None:
            brush = self._brushes[type_] = QBrush(style.RELATION_COLOURS.get(type_, style.DEFAULT_RELATION_COLOUR))
        return brush

    @staticmethod
    def _cells_in(rect: QRectF) -> list[Cell]:
        first_x, last_x = math.floor(rect.left() / CELL), math.floor(rect.right() / CELL)
        first_y, last_y = math.floor(rect.top() / CELL), math.floor(rect.bottom() / CELL)
        return [(x, y) for x in range(first_x, last_x + 1) for y in range(first_y, last_y + 1)]

    @staticmethod
    def _joined(parts: Iterable[dict[Any, QPainterPath]]) -> dict[Any, QPainterPath]:
        """The paths of several cells joined by key (the cells' own paths are not changed)."""
        joined: dict[Any, QPainterPath] = {}
        for part in parts:
            for key, path in part.items():
                whole = joined.get(key)
                if whole is None:
                    joined[key] = QPainterPath(path)  # a shared copy until something is added
                else:
                    whole.addPath(path)
        return joined

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, _widget: QWidget | None = None) -> None:
        if not self.edges:
            return
        scale = option.levelOfDetailFromTransform(painter.worldTransform())
        exposed = option.exposedRect.adjusted(-2, -2, 2, 2)
        cells = self._cells_in(exposed)
        lines: dict[LineKey, QPainterPath] | dict[LineKey, list[QLineF]]
        if len(cells) <= PATH_CELLS:
            visible = [self._cell_paths(cell) for cell in cells]
            pieces = sum(count for _paths, count in visible)
            lines = self._joined(paths for paths, _count in visible)
        else:  # far out: too many cells to keep paths for
            lines = {}
            for cell in cells:
                for key, cell_lines in self._cell_lines(cell).items():
                    lines.setdefault(key, []).extend(cell_lines)
            pieces = sum(map(len, lines.values()))
        # A crowded frame at 1:1 or further out: thin lines without antialiasing, dashed ones as hairlines.
        crowded = scale <= CROWDED_MAX_SCALE and pieces > CROWDED_PIECES
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, not crowded)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        base_opacity = painter.opacity()
        for key in sorted(lines):  # faded first, then by type and strength
            opacity, pen_key = key
            painter.setOpacity(base_opacity * opacity)
            painter.setPen(self._pen(pen_key, hairline=crowded))
            drawn = lines[key]
            if isinstance(drawn, QPainterPath):
                painter.drawPath(drawn)
            else:
                painter.drawLines(drawn)
        if scale >= style.ARROW_MIN_SCALE:
            # An arrowhead reaches up to its length and a little more back from its tip, into other cells.
            reach = 2 * style.ARROW_LENGTH
            arrows = self._joined(self._cell_arrows(cell)
                                  for cell in self._cells_in(exposed.adjusted(-reach, -reach, reach, reach)))
            painter.setPen(Qt.PenStyle.NoPen)
            for key in sorted(arrows):
                opacity, type_ = key
                painter.setOpacity(base_opacity * opacity)
                painter.setBrush(self._brush(type_))
                painter.drawPath(arrows[key])
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        edge = self.hovered
        if edge is not None and edge._visible:
            painter.setOpacity(base_opacity * edge._opacity)
            painter.setPen(self._pen(edge.pen_key, True))
            painter.drawLine(edge._line)
            if scale >= style.LABEL_MIN_SCALE:
                colour = edge.colour
                painter.setPen(QPen(colour, 1))
                painter.setBrush(QBrush(style.SCENE_BACKGROUND))
                painter.drawRoundedRect(edge._label_rect, 4, 4)
                painter.setFont(self._font)
                painter.setPen(style.TEXT_COLOUR)
                painter.drawText(edge._label_rect, Qt.AlignmentFlag.AlignCenter, edge.type_label)
        painter.setOpacity(base_opacity)
