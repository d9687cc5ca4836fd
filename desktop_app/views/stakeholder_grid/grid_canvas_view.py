"""The influence × interest plot: shaded, named quadrants, markers spread in their cells, labels, drag to move."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QMouseEvent, QPainter, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QWidget,
)

from desktop_app.views.stakeholder_grid.grid_layout import (
    HIGH,
    LOW,
    SCALE,
    GridGeometry,
    RectIndex,
    candidate_rects,
    place_label,
    slot_grid,
    spread_in_cell,
)
from desktop_app.views.stakeholder_grid.grid_style import (
    CELL_LINE_COLOUR,
    HIGH_FROM,
    MUTED_TEXT_COLOUR,
    QUADRANT_LINE_COLOUR,
    QUADRANTS,
    TEXT_COLOUR,
    GridStyle,
)
from desktop_app.views.stakeholder_grid.movement_arrow_item import MovementArrowItem
from desktop_app.views.stakeholder_grid.stakeholder_marker_item import GridLabelItem, StakeholderMarkerItem
from planner.i18n import _
from planner.queries import StakeholderRow

MIN_LABEL_CHARS = 5  # an elided label keeps at least this many characters, or is left out
# A movement to draw: (stakeholder id, old influence, old interest).
Movement = tuple[str, int, int]


class GridCanvasView(QGraphicsView):
    """Shows rows and movements; reports a drop (`marker_dropped`) and a click selection (`selection_made`).

    The scene is laid out in viewport pixels and rebuilt on resize, so type keeps its size on a projector."""

    marker_dropped = Signal(str, int, int)  # stakeholder id, influence, interest
    selection_made = Signal(object)  # list of stakeholder ids

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("grid_canvas")
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setMinimumSize(480, 360)
        self.grid_style = GridStyle(self.font())
        self.rows: list[StakeholderRow] = []
        self.movements: list[Movement] = []
        self.selected_ids: set[str] = set()
        self.markers: dict[str, StakeholderMarkerItem] = {}
        self.labels: dict[str, GridLabelItem] = {}
        self.arrows: list[MovementArrowItem] = []
        self.quadrant_titles: dict[str, QGraphicsSimpleTextItem] = {}
        self.geometry_ = GridGeometry(QRectF(0, 0, 500, 500))
        self._drag: tuple[StakeholderMarkerItem, QPointF, QPointF] | None = None  # marker, press, offset
        self._dragging = False
        self._target: QGraphicsRectItem | None = None

    # -- public -----------------------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[StakeholderRow]) -> None:
        self.rows = list(rows)
        self.rebuild()

    def set_movements(self, movements: Sequence[Movement]) -> None:
        self.movements = list(movements)
        self.rebuild()

    def set_selected_ids(self, ids: Sequence[str]) -> None:
        self.selected_ids = set(ids)
        for stakeholder_id, marker in self.markers.items():
            marker.setSelected(stakeholder_id in self.selected_ids)

    def marker_of(self, stakeholder_id: str) -> StakeholderMarkerItem:
        return self.markers[stakeholder_id]

    def rebuild(self) -> None:
        """Lay everything out again for the current rows, movements and viewport size."""
        self._drag, self._dragging, self._target = None, False, None
        scene = self.scene()
        scene.clear()
        self.markers, self.labels, self.arrows, self.quadrant_titles = {}, {}, [], {}
        width, height = max(self.viewport().width(), 480), max(self.viewport().height(), 360)
        scene.setSceneRect(0, 0, width, height)
        self._draw_frame(QRectF(0, 0, width, height))
        self._draw_markers()
        self._draw_labels()
        self._draw_arrows()

    # -- drawing ----------------------------------------------------------------------------------------

    def _draw_frame(self, area: QRectF) -> None:
        style, scene = self.grid_style, self.scene()
        outer = area.adjusted(10, 10, -14, -10)
        axis_h = style.axis_metrics.height()
        tick_h = style.tick_metrics.height()
        strip = style.quadrant_metrics.height() * 1.5
        left = outer.left() + axis_h * 1.5 + style.tick_metrics.horizontalAdvance("5") + 16
        plot = QRectF(QPointF(left, outer.top() + strip),
                      QPointF(outer.right(), outer.bottom() - strip - tick_h * 1.4 - axis_h * 1.4))
        geometry = self.geometry_ = GridGeometry(plot)
        split_x, split_y = geometry.x_of(HIGH_FROM), geometry.y_of(HIGH_FROM - 1)
        for code, (high_influence, high_interest, tint, name) in QUADRANTS.items():
            x0, x1 = (split_x, plot.right()) if high_interest else (plot.left(), split_x)
            y0, y1 = (plot.top() - strip, split_y) if high_influence else (split_y, plot.bottom() + strip)
            rect = QRectF(QPointF(x0, y0), QPointF(x1, y1))
            shade = scene.addRect(rect, QPen(Qt.PenStyle.NoPen), QBrush(tint))
            shade.setZValue(0)
            title = scene.addSimpleText(_(name), style.quadrant_font)
            title.setBrush(QBrush(TEXT_COLOUR))
            bounds = title.boundingRect()
            title_y = (y0 if high_influence else y1 - strip) + (strip - bounds.height()) / 2
            title.setPos(rect.center().x() - bounds.width() / 2, title_y)
            title.setZValue(2)
            title.setData(0, code)
            self.quadrant_titles[code] = title
        cell_pen = QPen(CELL_LINE_COLOUR, 1)
        for value in range(LOW, HIGH + 2):
            scene.addLine(geometry.x_of(value), plot.top(), geometry.x_of(value), plot.bottom(), cell_pen).setZValue(1)
            scene.addLine(plot.left(), geometry.y_of(value - 1), plot.right(), geometry.y_of(value - 1),
                          cell_pen).setZValue(1)
        split_pen = QPen(QUADRANT_LINE_COLOUR, 2.5)
        scene.addLine(split_x, plot.top() - strip, split_x, plot.bottom() + strip, split_pen).setZValue(3)
        scene.addLine(plot.left(), split_y, plot.right(), split_y, split_pen).setZValue(3)
        for value in SCALE:  # ticks
            cell = geometry.cell_rect(value, value)
            tick = scene.addSimpleText(str(value), style.tick_font)
            tick.setBrush(QBrush(MUTED_TEXT_COLOUR))
            bounds = tick.boundingRect()
            tick.setPos(cell.center().x() - bounds.width() / 2, plot.bottom() + strip + tick_h * 0.2)
            tick = scene.addSimpleText(str(value), style.tick_font)
            tick.setBrush(QBrush(MUTED_TEXT_COLOUR))
            tick.setPos(plot.left() - bounds.width() - 10, cell.center().y() - bounds.height() / 2)
        x_title = scene.addSimpleText(_("Interest") + "  →", style.axis_font)
        x_title.setBrush(QBrush(TEXT_COLOUR))
        bounds = x_title.boundingRect()
        x_title.setPos(plot.center().x() - bounds.width() / 2, plot.bottom() + strip + tick_h * 1.4)
        y_title = scene.addSimpleText(_("Influence") + "  →", style.axis_font)
        y_title.setBrush(QBrush(TEXT_COLOUR))
        bounds = y_title.boundingRect()
        y_title.setRotation(-90)
        y_title.setPos(outer.left(), plot.center().y() + bounds.width() / 2)

    def _cell_groups(self) -> dict[tuple[int, int], list[StakeholderRow]]:
        groups: dict[tuple[int, int], list[StakeholderRow]] = defaultdict(list)
        for row in self.rows:
            groups[(row.influence, row.interest)].append(row)
        return groups

    def _row_height(self) -> float:
        style = self.grid_style
        return max(style.marker_radius * 2.6, style.label_metrics.height() + 6)

    def _draw_markers(self) -> None:
        radius, geometry = self.grid_style.marker_radius, self.geometry_
        ratio = self.viewport().devicePixelRatioF()
        for (influence, interest), rows in sorted(self._cell_groups().items(), key=lambda item: (-item[0][0], item[0][1])):
            cell = geometry.cell_rect(influence, interest).adjusted(4, 3, -4, -3)
            centres = spread_in_cell(len(rows), cell, self._row_height(), radius * 1.6)
            for row, centre in zip(rows, centres, strict=True):
                marker = StakeholderMarkerItem(row, radius, ratio)
                marker.place(centre)
                marker.setSelected(row.id in self.selected_ids)
                self.scene().addItem(marker)
                self.markers[row.id] = marker

    def _draw_labels(self) -> None:
        """Greedy: each label takes the first free place around its marker; in stages, so labels that fit
        in their own cell are placed before any spills over, and none crosses a quadrant line unless it must."""
        style, geometry = self.grid_style, self.geometry_
        metrics, radius = style.label_metrics, style.marker_radius
        gap, padding = 4.0, GridLabelItem.PADDING
        obstacles = RectIndex(marker.sceneBoundingRect().adjusted(3, 3, -3, -3) for marker in self.markers.values())
        for title in self.quadrant_titles.values():
            obstacles.add(title.sceneBoundingRect())
        widths: dict[str, tuple[float, float, float]] = {}
        for (influence, interest), rows in self._cell_groups().items():
            columns, _rows = slot_grid(len(rows), geometry.cell_rect(influence, interest), self._row_height())
            slot_width = geometry.cell_width / max(columns, 1)
            widest = max(slot_width - radius * 2.6 - gap * 2, geometry.cell_width * 0.42)
            for row in rows:
                widths[row.id] = (geometry.cell_width * 0.95, widest, widest * 0.6)
        # Never across a quadrant line: a label there reads as the other strategy. No room: no label (tooltip).
        stages = [(0, "cell"), (0, "quadrant"), (1, "quadrant"), (2, "quadrant")]
        for width_number, area_name in stages:
            for row in self.rows:
                if row.id in self.labels:
                    continue
                marker = self.markers[row.id]
                if area_name == "cell":
                    area = geometry.cell_rect(row.influence, row.interest).adjusted(-1, -1, 1, 1)
                else:
                    area = self._quadrant_rect(row.influence, row.interest).adjusted(-2, -2, 2, 2)
                text = metrics.elidedText(row.name, Qt.TextElideMode.ElideRight, widths[row.id][width_number] - 2 * padding)
                if text != row.name and len(text.rstrip("…")) < MIN_LABEL_CHARS:
                    continue  # "(주)…" tells nobody anything; the marker keeps its tooltip
                size = (metrics.horizontalAdvance(text) + 2 * padding + 1, metrics.height() + 2)
                rect = place_label(candidate_rects(marker.home, radius, size, gap), obstacles, area)
                if rect is None:
                    continue
                label = GridLabelItem(text, style.label_font, rect)
                self.scene().addItem(label)
                marker.label = label
                self.labels[row.id] = label
                obstacles.add(rect)

    def _quadrant_rect(self, influence: int, interest: int) -> QRectF:
        geometry, plot = self.geometry_, self.geometry_.plot
        split_x, split_y = geometry.x_of(HIGH_FROM), geometry.y_of(HIGH_FROM - 1)
        x0, x1 = (split_x, plot.right()) if interest >= HIGH_FROM else (plot.left(), split_x)
        y0, y1 = (plot.top(), split_y) if influence >= HIGH_FROM else (split_y, plot.bottom())
        return QRectF(QPointF(x0, y0), QPointF(x1, y1))

    def _draw_arrows(self) -> None:
        style, geometry = self.grid_style, self.geometry_
        for stakeholder_id, influence, interest in self.movements:
            marker = self.markers.get(stakeholder_id)
            if marker is None:
                continue
            start = geometry.cell_rect(influence, interest).center()
            arrow = MovementArrowItem(stakeholder_id, start, marker.home, style.marker_radius * 1.3,
                                      style.marker_radius * 1.5)
            self.scene().addItem(arrow)
            self.arrows.append(arrow)

    # -- mouse ------------------------------------------------------------------------------------------

    def _marker_at(self, point: QPointF) -> StakeholderMarkerItem | None:
        for item in self.items(point.toPoint()):
            candidate: QGraphicsItem | None = item
            if isinstance(candidate, StakeholderMarkerItem):
                return candidate
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        marker = self._marker_at(event.position())
        toggle = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if marker is None:
            if not toggle:
                self._emit_selection(set())
            event.accept()
            return
        chosen = set(self.selected_ids)
        if toggle:
            chosen ^= {marker.stakeholder_id}
        elif marker.stakeholder_id not in chosen:
            chosen = {marker.stakeholder_id}
        self._emit_selection(chosen)
        press = self.mapToScene(event.position().toPoint())
        self._drag = (marker, press, press - marker.pos())
        self._dragging = False
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag is None:
            super().mouseMoveEvent(event)
            return
        marker, press, offset = self._drag
        point = self.mapToScene(event.position().toPoint())
        if not self._dragging and (point - press).manhattanLength() < QApplication.startDragDistance():
            return
        if not self._dragging:
            self._dragging = True
            marker.setCursor(Qt.CursorShape.ClosedHandCursor)
            marker.setZValue(20)
            if marker.label is not None:
                marker.label.hide()
            self._target = self.scene().addRect(QRectF(), QPen(TEXT_COLOUR, 2.5, Qt.PenStyle.DashLine),
                                                QBrush(QColor(0, 0, 0, 20)))
            self._target.setZValue(5)
        marker.setPos(point - offset)
        if self._target is not None:
            self._target.setRect(self.geometry_.cell_rect(*self.geometry_.cell_at(marker.pos())))
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag is None or event.button() != Qt.MouseButton.LeftButton:
            super().mouseReleaseEvent(event)
            return
        marker, _press, _offset = self._drag
        dragged = self._dragging
        self._drag, self._dragging = None, False
        if self._target is not None:
            self.scene().removeItem(self._target)
            self._target = None
        event.accept()
        if not dragged:
            return
        influence, interest = self.geometry_.cell_at(marker.pos())
        if (influence, interest) == (marker.row.influence, marker.row.interest):
            self._snap_back(marker)
            return
        self.marker_dropped.emit(marker.stakeholder_id, influence, interest)

    def _snap_back(self, marker: StakeholderMarkerItem) -> None:
        marker.setPos(marker.home)
        marker.setZValue(10)
        marker.setCursor(Qt.CursorShape.OpenHandCursor)
        if marker.label is not None:
            marker.label.show()

    def _emit_selection(self, chosen: set[str]) -> None:
        ordered = [row.id for row in self.rows if row.id in chosen]
        self.set_selected_ids(ordered)
        self.selection_made.emit(ordered)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.rebuild()
