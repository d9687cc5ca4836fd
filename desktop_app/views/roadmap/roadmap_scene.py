"""The roadmap's graphics scene: lanes, rows and the month axis laid out from a snapshot, bars and links as items."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsScene, QGraphicsSceneHelpEvent, QToolTip

from desktop_app.views.roadmap.bar_item import BarItem
from desktop_app.views.roadmap.link_item import LinkLayerItem, LinkRoute, route
from desktop_app.views.roadmap.roadmap_snapshot import RoadmapBar, RoadmapMilestone, RoadmapSnapshot
from desktop_app.views.roadmap.roadmap_style import DEFAULT_MONTH_WIDTH, RoadmapStyle

MARGIN = 16.0  # scene pixels left of the first month and below the last row


@dataclass(frozen=True, slots=True)
class LaneBand:
    """A lane as laid out: its header band at `top`, then its rows."""

    key: str
    label: str
    top: float
    count: int
    first_row: int


def _milestones_by_bar(snapshot: RoadmapSnapshot) -> dict[str, list[RoadmapMilestone]]:
    milestones: dict[str, list[RoadmapMilestone]] = {}
    for milestone in snapshot.milestones:
        milestones.setdefault(milestone.initiative_id, []).append(milestone)
    return milestones


def _rows(snapshot: RoadmapSnapshot, grouping: str) -> tuple[list[RoadmapBar], list[int]]:
    """The bars top to bottom, lane by lane (those in no lane last), and the lane number of each row."""
    lanes = snapshot.lanes.get(grouping, ())
    lane_index = {lane.key: number for number, lane in enumerate(lanes)}
    ordered = sorted(snapshot.bars, key=lambda bar: lane_index.get(bar.lanes.get(grouping, ""), len(lanes)))
    return ordered, [lane_index.get(bar.lanes.get(grouping, ""), len(lanes)) for bar in ordered]


class RoadmapScene(QGraphicsScene):
    """Rebuilt from a fresh snapshot when the plan's shape changes, updated bar by bar when only values did;
    relaid out (not rebuilt) on zoom."""

    def __init__(self, style: RoadmapStyle, parent: object | None = None) -> None:
        super().__init__(parent)
        self.style = style
        self.snapshot: RoadmapSnapshot | None = None
        self.grouping = "field"
        self.ghosts: dict[str, tuple[int, int]] = {}
        self.month_width = DEFAULT_MONTH_WIDTH
        self.bar_items: dict[str, BarItem] = {}
        self.links: list[LinkRoute] = []
        self.link_layer: LinkLayerItem | None = None
        self.row_ids: list[str] = []  # bar ids top to bottom
        self.row_of: dict[str, int] = {}
        self.lane_of_row: list[int] = []
        self.lane_bands: list[LaneBand] = []
        self.row_tops: list[float] = []
        self.first_month = 0
        self.last_month = 12  # exclusive
        self.content_height = 0.0
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)

    # -- building ---------------------------------------------------------------------------------------

    def build(self, snapshot: RoadmapSnapshot, grouping: str, ghosts: Mapping[str, tuple[int, int]] | None = None,
              style: RoadmapStyle | None = None) -> None:
        """Replace every item with those of `snapshot`, grouped into the lanes of `grouping`."""
        self.clear()
        self.bar_items, self.links = {}, []
        if style is not None:
            self.style = style
        self.snapshot, self.grouping, self.ghosts = snapshot, grouping, dict(ghosts or {})
        milestones = _milestones_by_bar(snapshot)
        lanes = snapshot.lanes.get(grouping, ())
        ordered, self.lane_of_row = _rows(snapshot, grouping)
        self.row_ids = [bar.id for bar in ordered]
        self.row_of = {bar_id: row for row, bar_id in enumerate(self.row_ids)}
        for bar in ordered:
            item = BarItem(bar, self.style, milestones.get(bar.id, []))
            item.ghost = self.ghosts.get(bar.id)
            self.addItem(item)
            self.bar_items[bar.id] = item
        self.links = [LinkRoute(link) for link in snapshot.links
                      if link.predecessor_id in self.bar_items and link.successor_id in self.bar_items]
        self.link_layer = LinkLayerItem(self.style)
        self.addItem(self.link_layer)
        self._lanes = lanes
        self.layout(self.month_width)

    def update_from(self, snapshot: RoadmapSnapshot, ghosts: Mapping[str, tuple[int, int]] | None = None) -> bool:
        """Take a snapshot of the same shape as the one shown (the same rows in the same lanes, links, milestones,
        ghosts and month range) by updating only the bars whose values changed, e.g. after a title edit; their
        links are routed again when they moved. False, with nothing done, when the shape differs: build() then."""
        old = self.snapshot
        if (old is None or self.link_layer is None or dict(ghosts or {}) != self.ghosts
                or (snapshot.plan_start, snapshot.plan_end, snapshot.finish) != (old.plan_start, old.plan_end, old.finish)
                or snapshot.lanes.get(self.grouping) != old.lanes.get(self.grouping)
                or snapshot.links != old.links or snapshot.milestones != old.milestones
                or len(snapshot.bars) != len(self.bar_items)):
            return False
        ordered, lane_of_row = _rows(snapshot, self.grouping)
        if lane_of_row != self.lane_of_row or [bar.id for bar in ordered] != self.row_ids:
            return False
        if self._month_range(snapshot) != (self.first_month, self.last_month):
            return False
        changed = [bar for bar in ordered if bar != self.bar_items[bar.id].bar]
        self.snapshot = snapshot
        if not changed:
            return True
        milestones = _milestones_by_bar(snapshot)
        moved: set[str] = set()
        for bar in changed:
            item = self.bar_items[bar.id]
            before = item.bar
            if (bar.es, bar.ef, bar.duration, bar.total_float) != (before.es, before.ef, before.duration,
                                                                   before.total_float):
                moved.add(bar.id)
            item.set_bar(bar, milestones.get(bar.id, []))
            item.layout(self.x_of(bar.es), self.row_tops[self.row_of[bar.id]], self.month_width)
        if moved:
            for link_route in self.links:
                if link_route.link.predecessor_id in moved or link_route.link.successor_id in moved:
                    link_route.points = [(point.x(), point.y()) for point in self._route(link_route)]
            self.link_layer.set_routes(self.links, self.month_width)
            self.link_layer.update()
        self._update_scene_rect()
        return True

    def set_ghosts(self, ghosts: Mapping[str, tuple[int, int]]) -> None:
        self.ghosts = dict(ghosts)
        for bar_id, item in self.bar_items.items():
            item.set_ghost(self.ghosts.get(bar_id))
        self._update_scene_rect()

    # -- geometry ---------------------------------------------------------------------------------------

    def x_of(self, month: float) -> float:
        return (month - self.first_month) * self.month_width

    def month_at(self, x: float) -> float:
        return x / self.month_width + self.first_month

    def header_height(self) -> int:
        return self.style.header_height(self.month_width)

    def row_mid(self, row: int) -> float:
        return self.row_tops[row] + self.style.bar_top + self.style.bar_height / 2

    def layout(self, month_width: float) -> None:
        """Place every item for a month width (pixels per month)."""
        self.month_width = month_width
        snapshot = self.snapshot
        if snapshot is None:
            return
        style = self.style
        self.first_month, self.last_month = self._month_range(snapshot)
        self.lane_bands, self.row_tops = [], []
        y = 0.0
        current = -1
        for row, bar_id in enumerate(self.row_ids):
            lane = self.lane_of_row[row]
            if lane != current:
                current = lane
                count = self.lane_of_row.count(lane)
                label = self._lanes[lane].label if lane < len(self._lanes) else ""
                key = self._lanes[lane].key if lane < len(self._lanes) else ""
                self.lane_bands.append(LaneBand(key, label, y, count, row))
                y += style.lane_height
            self.row_tops.append(y)
            bar = self.bar_items[bar_id].bar
            self.bar_items[bar_id].layout(self.x_of(bar.es), y, month_width)
            y += style.row_height
        self.content_height = y
        for link_route in self.links:
            link_route.points = [(point.x(), point.y()) for point in self._route(link_route)]
        if self.link_layer is not None:
            self.link_layer.set_routes(self.links, month_width)
        self._update_scene_rect()
        self.update()

    def _month_range(self, snapshot: RoadmapSnapshot) -> tuple[int, int]:
        """The first month shown and the one after the last (whole years around the plan, bars and ghosts)."""
        months = [snapshot.plan_start, snapshot.plan_end + 1, snapshot.finish]
        for bar in snapshot.bars:
            months += [bar.es, bar.ef + max(bar.total_float, 0)]
        for start, duration in self.ghosts.values():
            months += [start, start + duration]
        return min(months) // 12 * 12, math.ceil((max(months) + 1) / 12) * 12

    def helpEvent(self, event: QGraphicsSceneHelpEvent) -> None:
        """A bar's tooltip is written when the pointer rests on it (10,000 tooltips made up front took seconds)."""
        for item in self.items(event.scenePos()):
            if isinstance(item, BarItem):
                QToolTip.showText(event.screenPos(), item.toolTip(), event.widget())
                event.setAccepted(True)
                return
        super().helpEvent(event)

    def _update_scene_rect(self) -> None:
        right = self.x_of(self.last_month)
        for item in self.bar_items.values():
            right = max(right, item.pos().x() + item.boundingRect().right())
        header = self.header_height()
        self.setSceneRect(QRectF(-MARGIN, -header, right + 2 * MARGIN, header + self.content_height + MARGIN * 3))

    def _anchor(self, item: BarItem, at_end: bool) -> float:
        """The scene x of a bar's start or end (a milestone: the tip of its diamond)."""
        bar = item.bar
        if bar.milestone:
            half = item.bar_rect().width() / 2
            return self.x_of(bar.es) + (half if at_end else -half)
        return self.x_of(bar.ef if at_end else bar.es)

    def _route(self, link_route: LinkRoute) -> list[QPointF]:
        link = link_route.link
        source, target = self.bar_items[link.predecessor_id], self.bar_items[link.successor_id]
        source_row, target_row = self.row_of[link.predecessor_id], self.row_of[link.successor_id]
        style = self.style
        from_end = link.type in ("FS", "FF")
        into_start = link.type in ("FS", "SS")
        start = QPointF(self._anchor(source, from_end), self.row_mid(source_row))
        below = target_row > source_row
        top = self.row_tops[target_row]
        if into_start:
            end = QPointF(self._anchor(target, False), self.row_mid(target_row))
            channel = top if below else top + style.row_height
        else:
            bar = target.bar
            if bar.milestone:
                x = self.x_of(bar.es)
                half = target.bar_rect().height() / 2
                y = self.row_mid(target_row) + (-half if below else half)
            else:
                x = self.x_of(bar.ef) - min(4.0, bar.duration * self.month_width / 2)
                y = top + style.bar_top if below else top + style.bar_top + style.bar_height
            end = QPointF(x, y)
            channel = top + 1 if below else top + style.row_height - 1
        return route(start, 1 if from_end else -1, end, into_start, style.link_stub, channel)

    # -- drawing ----------------------------------------------------------------------------------------

    def paint_background(self, painter: QPainter, rect: QRectF, visible_left: float) -> None:
        """Plan period, month grid, lane bands (their names kept at the visible left edge)."""
        style = self.style
        painter.fillRect(rect, style.outside_colour)
        snapshot = self.snapshot
        if snapshot is None:
            return
        top, bottom = rect.top(), rect.bottom()
        period = QRectF(self.x_of(snapshot.plan_start), top, (snapshot.plan_end + 1 - snapshot.plan_start) * self.month_width,
                        bottom - top)
        painter.fillRect(period.intersected(rect), style.plan_period_colour)
        # zebra rows, culled to the exposed rect
        zebra = QColor(0, 0, 0, 9)
        first = max(0, self._row_at(top) - 1)
        for row in range(first, len(self.row_tops)):
            y = self.row_tops[row]
            if y > bottom:
                break
            if row % 2:
                painter.fillRect(QRectF(rect.left(), y, rect.width(), style.row_height), zebra)
        # month grid
        first_month = max(self.first_month, int(self.month_at(rect.left())) - 1)
        last_month = min(self.last_month, int(self.month_at(rect.right())) + 2)
        show_months = self.month_width >= 6
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for month in range(first_month, last_month + 1):
            if month % 12 == 0:
                painter.setPen(QPen(style.grid_year, 1.4))
            elif month % 3 == 0 and self.month_width * 3 >= 8:
                painter.setPen(QPen(style.grid_quarter, 1))
            elif show_months:
                painter.setPen(QPen(style.grid_month, 1))
            else:
                continue
            x = self.x_of(month)
            painter.drawLine(QPointF(x, top), QPointF(x, bottom))
        # lane bands
        painter.setFont(style.lane_font)
        for band in self.lane_bands:
            if band.top > bottom or band.top + style.lane_height < top:
                continue
            band_rect = QRectF(rect.left(), band.top, rect.width(), style.lane_height)
            painter.fillRect(band_rect, style.lane_colour)
            painter.setPen(style.lane_text_colour)
            text = f"{band.label}  ({band.count})" if band.label else f"({band.count})"
            text_rect = QRectF(max(visible_left, -MARGIN) + 10, band.top, 4000, style.lane_height)
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)

    def _row_at(self, y: float) -> int:
        """The row at scene y (binary search over the row tops)."""
        low, high = 0, len(self.row_tops)
        while low < high:
            middle = (low + high) // 2
            if self.row_tops[middle] <= y:
                low = middle + 1
            else:
                high = middle
        return max(low - 1, 0)
