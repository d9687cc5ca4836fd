"""The roadmap's dependency arrows: orthogonal routes between the anchors each type names, drawn by one layer item.

Thousands of links cross any screenful of a big plan, most as long vertical runs. One item per link meant a
Python paint call for each of them and dashes computed along lines tens of thousands of pixels long; instead one
layer item indexes the segments in horizontal bands cut into pieces at fixed band edges, and each frame draws only
the pieces in the exposed bands with one drawLines call per pen (dashes stay put while scrolling). No pixmap cache.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from desktop_app.views.roadmap.roadmap_snapshot import RoadmapLink
from desktop_app.views.roadmap.roadmap_style import RoadmapStyle

ARROW_MIN_DETAIL = 0.5  # below this painter scale: hairlines only, no arrowheads or type labels
ARROW_MIN_MONTH_WIDTH = 4.0  # below this (scaled) month width arrowheads and labels are left out too
BAND = 256.0  # scene pixels: the segment index's band height and the piece length
PEN_STYLES = {
    "FS": Qt.PenStyle.SolidLine,
    "SS": Qt.PenStyle.DashLine,
    "FF": Qt.PenStyle.DotLine,
    "SF": Qt.PenStyle.DashDotLine,
}

Segment = tuple[float, float, float, float]  # x1, y1, x2, y2


def link_text(kind: str, lag: int) -> str:
    """The small label of a link: its type unless FS, and its lag unless 0 ('SS', 'FF+2', '+1', 'SF-1')."""
    lag_text = f"{lag:+d}" if lag else ""
    return lag_text if kind == "FS" else f"{kind}{lag_text}"


def route(source: QPointF, source_direction: int, target: QPointF, target_into_start: bool, stub: float,
          channel_y: float) -> list[QPointF]:
    """Orthogonal points from a source anchor to a target anchor.

    The source leaves horizontally (+1: rightwards from a bar's end, -1: leftwards from its start). A start
    anchor is entered horizontally from the left; an end anchor is entered vertically (at `target`, a point on
    the bar's top or bottom edge), so the arrow never runs through the label to the right of a bar.
    `channel_y` is a row boundary next to the target where the arrow may run horizontally."""
    xs, ys = source.x(), source.y()
    xt, yt = target.x(), target.y()
    turn = xs + source_direction * stub
    if target_into_start:
        if xt - turn >= stub:
            return [source, QPointF(turn, ys), QPointF(turn, yt), target]
        back = xt - stub
        return [source, QPointF(turn, ys), QPointF(turn, channel_y), QPointF(back, channel_y), QPointF(back, yt), target]
    if source_direction < 0 and xt <= turn:  # leftwards along the source's own row: nothing is drawn there
        return [source, QPointF(xt, ys), target]
    return [source, QPointF(turn, ys), QPointF(turn, channel_y), QPointF(xt, channel_y), target]


@dataclass(slots=True)
class LinkRoute:
    """One dependency as laid out: its points in scene coordinates."""

    link: RoadmapLink
    points: list[tuple[float, float]] = field(default_factory=list)

    @property
    def pen_key(self) -> tuple[str, bool]:
        return self.link.type, self.link.critical

    @property
    def text(self) -> str:
        return link_text(self.link.type, self.link.lag)


def pieces(segment: Segment) -> list[Segment]:
    """A horizontal or vertical segment cut at every multiple of BAND along its run."""
    x1, y1, x2, y2 = segment
    vertical = abs(x2 - x1) < 0.01
    a, b = (y1, y2) if vertical else (x1, x2)
    low, high = min(a, b), max(a, b)
    cuts = [low]
    edge = (math.floor(low / BAND) + 1) * BAND
    while edge < high:
        cuts.append(edge)
        edge += BAND
    cuts.append(high)
    if vertical:
        return [(x1, cuts[n], x1, cuts[n + 1]) for n in range(len(cuts) - 1)]
    return [(cuts[n], y1, cuts[n + 1], y1) for n in range(len(cuts) - 1)]


SMALL_INDEX = 50_000  # up to this many band crossings are listed per band up front; beyond, looked up


def _band_members(first_bands: Sequence[int], last_bands: Sequence[int]) -> Callable[[int], Sequence[int]]:
    """An index of numbered intervals of bands: a function giving the numbers of those that cover a band."""
    total = sum(last - first + 1 for first, last in zip(first_bands, last_bands, strict=True))
    if total <= SMALL_INDEX:
        members: dict[int, list[int]] = {}
        for number, (first, last) in enumerate(zip(first_bands, last_bands, strict=True)):
            for band in range(first, last + 1):
                members.setdefault(band, []).append(number)
        return lambda band: members.get(band, ())
    import numpy as np

    # Big plans: no list per band (millions of entries); each band's members are found when first asked for.
    firsts = np.asarray(first_bands, dtype=np.int32)
    lasts = np.asarray(last_bands, dtype=np.int32)

    def crossing(band: int) -> Sequence[int]:
        return np.flatnonzero((firsts <= band) & (lasts >= band)).tolist()

    return crossing


class LinkLayerItem(QGraphicsItem):
    """Every link of the scene; not interactive; its routes are replaced whenever the layout changes."""

    def __init__(self, style: RoadmapStyle) -> None:
        super().__init__()
        self.style = style
        self.routes: list[LinkRoute] = []
        self.month_width = 1.0
        self._bounds = QRectF()
        self._bands: dict[int, dict[tuple[str, bool], list[Segment]]] = {}  # cut so far, by band_segments()
        self._horizontal_bands: dict[int, dict[tuple[str, bool], list[Segment]]] = {}
        self._verticals: list[tuple[tuple[str, bool], float, float, float]] = []
        self._crossing: Callable[[int], Sequence[int]] = lambda _band: ()  # band -> the verticals crossing it
        self._ends: dict[int, list[int]] = {}  # band -> routes ending there (arrowheads, labels)
        self._whole: dict[tuple[str, bool], list[QLineF]] | None = None  # uncut: made by the first far zoomed-out
        # frame (a QLineF for every run of a big plan took over 10 MB that frames at 1:1 never read)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)  # for the exposed rect
        self.setZValue(1)  # under bars and their labels

    def set_routes(self, routes: Sequence[LinkRoute], month_width: float) -> None:
        """Take new routes. Horizontal runs are cut into their pieces now; vertical runs, which in a big plan
        cross hundreds of bands each, are only indexed by the bands they cross, and cut into the pieces of a
        band when a frame first shows that band."""
        self.prepareGeometryChange()
        self.routes = list(routes)
        self.month_width = month_width
        bands: dict[int, dict[tuple[str, bool], list[Segment]]] = {}
        ends: dict[int, list[int]] = {}
        verticals: list[tuple[tuple[str, bool], float, float, float]] = []  # key, x, low y, high y
        first_bands: list[int] = []
        last_bands: list[int] = []
        left = top = math.inf
        right = bottom = -math.inf
        for number, link_route in enumerate(self.routes):
            key = link_route.pen_key
            points = link_route.points
            for (x1, y1), (x2, y2) in itertools.pairwise(points):
                if abs(x2 - x1) < 0.01:
                    low, high = (y1, y2) if y1 <= y2 else (y2, y1)
                    verticals.append((key, x1, low, high))
                    first_band = math.floor(low / BAND)
                    first_bands.append(first_band)
                    last_bands.append(max(first_band, math.ceil(high / BAND) - 1))
                    continue
                for piece in pieces((x1, y1, x2, y2)):
                    bands.setdefault(math.floor(piece[1] / BAND), {}).setdefault(key, []).append(piece)
            end_y = points[-1][1]
            ends.setdefault(math.floor(end_y / BAND), []).append(number)
            xs = [x for x, _y in points]
            ys = [y for _x, y in points]
            left, right = min(left, *xs), max(right, *xs)
            top, bottom = min(top, *ys), max(bottom, *ys)
        self._horizontal_bands, self._ends, self._whole = bands, ends, None
        self._verticals = verticals
        self._crossing = _band_members(first_bands, last_bands)
        self._bands = {}
        self._bounds = QRectF(left, top, right - left, bottom - top).adjusted(-60, -30, 60, 30) if self.routes else QRectF()

    def band_segments(self, band: int) -> dict[tuple[str, bool], list[Segment]]:
        """The pieces in one band by pen: as pieces() cuts every run, made the first time a band is asked for."""
        segments = self._bands.get(band)
        if segments is None:
            segments = {key: list(pieces) for key, pieces in self._horizontal_bands.get(band, {}).items()}
            band_top, band_bottom = band * BAND, (band + 1) * BAND
            for number in self._crossing(band):
                key, x, low, high = self._verticals[number]
                segments.setdefault(key, []).append((x, max(low, band_top), x, min(high, band_bottom)))
            self._bands[band] = segments
        return segments

    def whole_lines(self) -> dict[tuple[str, bool], list[QLineF]]:
        """Every run uncut, by pen (for frames too far out for dashes), made the first time it is asked for."""
        if self._whole is None:
            whole: dict[tuple[str, bool], list[QLineF]] = {}
            for link_route in self.routes:
                lines = whole.setdefault(link_route.pen_key, [])
                for (x1, y1), (x2, y2) in itertools.pairwise(link_route.points):
                    lines.append(QLineF(x1, y1, x2, y2))
            self._whole = whole
        return self._whole

    def boundingRect(self) -> QRectF:
        return self._bounds

    def _pen(self, key: tuple[str, bool], cosmetic: bool) -> QPen:
        kind, critical = key
        style = self.style
        colour = style.critical_colour if critical else style.link_colour
        if cosmetic:
            return QPen(colour, 0)
        pen_style = PEN_STYLES.get(kind, Qt.PenStyle.SolidLine)
        cap = Qt.PenCapStyle.SquareCap if pen_style == Qt.PenStyle.SolidLine else Qt.PenCapStyle.FlatCap
        return QPen(colour, style.critical_link_width if critical else style.link_width, pen_style, cap,
                    Qt.PenJoinStyle.MiterJoin)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, _widget: QWidget | None = None) -> None:
        if not self.routes:
            return
        detail = option.levelOfDetailFromTransform(painter.worldTransform())
        exposed = option.exposedRect
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if detail < ARROW_MIN_DETAIL:
            whole = self.whole_lines()
            for key in sorted(whole, key=lambda k: k[1]):  # critical on top
                painter.setPen(self._pen(key, True))
                painter.drawLines(whole[key])
            return
        left, right = exposed.left() - 4, exposed.right() + 4
        top, bottom = exposed.top() - 4, exposed.bottom() + 4
        first_band, last_band = math.floor(top / BAND), math.floor(bottom / BAND)
        visible: dict[tuple[str, bool], list[QLineF]] = {}
        for band in range(first_band, last_band + 1):
            for key, segments in self.band_segments(band).items():
                lines = visible.setdefault(key, [])
                if key[0] == "FS":  # solid: clipped exactly to the exposed rect
                    for x1, y1, x2, y2 in segments:
                        if y1 == y2:
                            if top <= y1 <= bottom and x1 <= right and x2 >= left:
                                lines.append(QLineF(max(x1, left), y1, min(x2, right), y2))
                        elif left <= x1 <= right and y1 <= bottom and y2 >= top:
                            lines.append(QLineF(x1, max(y1, top), x2, min(y2, bottom)))
                    continue
                for x1, y1, x2, y2 in segments:  # dashed: whole pieces, so the dashes keep their place
                    if y1 == y2:
                        if top <= y1 <= bottom and x1 <= right and x2 >= left:
                            lines.append(QLineF(x1, y1, x2, y2))
                    elif left <= x1 <= right and y1 <= bottom and y2 >= top:
                        lines.append(QLineF(x1, y1, x2, y2))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for key in sorted(visible, key=lambda k: k[1]):
            if visible[key]:
                painter.setPen(self._pen(key, False))
                painter.drawLines(visible[key])
        if self.month_width * detail < ARROW_MIN_MONTH_WIDTH:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        reach = exposed.adjusted(-60, -30, 60, 30)
        for band in range(math.floor(reach.top() / BAND), math.floor(reach.bottom() / BAND) + 1):
            for number in self._ends.get(band, ()):
                link_route = self.routes[number]
                end_x, end_y = link_route.points[-1]
                if reach.contains(QPointF(end_x, end_y)):
                    self._paint_head(painter, link_route)

    def _paint_head(self, painter: QPainter, link_route: LinkRoute) -> None:
        style = self.style
        (before_x, before_y), (end_x, end_y) = link_route.points[-2], link_route.points[-1]
        colour = style.critical_colour if link_route.link.critical else style.link_colour
        angle = math.atan2(end_y - before_y, end_x - before_x)
        size = max(7.0, style.link_stub * 1.1)
        spread = 0.45
        head = QPolygonF([
            QPointF(end_x, end_y),
            QPointF(end_x - size * math.cos(angle - spread), end_y - size * math.sin(angle - spread)),
            QPointF(end_x - size * math.cos(angle + spread), end_y - size * math.sin(angle + spread)),
        ])
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPolygon(head)
        text = link_route.text
        if text:
            rect = label_rect(style, text, (before_x, before_y), (end_x, end_y))
            painter.setBrush(style.label_backdrop)
            painter.drawRoundedRect(rect, 2, 2)
            painter.setFont(style.small_font)
            painter.setPen(QColor(colour).darker(130))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)


def label_rect(style: RoadmapStyle, text: str, before: tuple[float, float], end: tuple[float, float]) -> QRectF:
    """Where a link's type label goes: above the last run, left of the head; or beside a vertical last run."""
    metrics = style.small_metrics
    width, height = metrics.horizontalAdvance(text) + 4, metrics.height()
    if abs(end[1] - before[1]) < 0.5:
        return QRectF(end[0] - width - style.link_stub * 0.9, end[1] - height - 1, width, height)
    return QRectF(end[0] + 3, (end[1] + before[1]) / 2 - height / 2, width, height)
