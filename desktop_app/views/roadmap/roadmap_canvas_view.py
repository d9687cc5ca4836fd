"""The roadmap's graphics view: pinned month headers, today line, zoom, and the drags that move, resize and link bars."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field

from PySide6.QtCore import QDate, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QPen, QWheelEvent
from PySide6.QtWidgets import QApplication, QGraphicsLineItem, QGraphicsView, QWidget

from desktop_app.views.roadmap.bar_item import BarItem
from desktop_app.views.roadmap.roadmap_scene import MARGIN, RoadmapScene
from desktop_app.views.roadmap.roadmap_style import MAX_MONTH_WIDTH, MIN_MONTH_WIDTH
from planner.i18n import _
from planner.months import YearMonth

ZOOM_STEP = 1.25


@dataclass
class _Drag:
    """A drag in progress: moving bars, changing one bar's duration, or drawing a link."""

    kind: str  # "move" | "resize" | "link"
    item: BarItem
    press_x: float
    items: list[BarItem] = field(default_factory=list)
    months: int = 0
    duration: int = 0
    line: QGraphicsLineItem | None = None
    target: BarItem | None = None
    started: bool = False


class RoadmapCanvasView(QGraphicsView):
    """Emits what the user asked for; RoadmapView turns it into commands and shows refusals."""

    bars_dropped = Signal(object)  # {initiative id: new start month index}
    bar_end_dropped = Signal(str, int)  # initiative id, new duration in months
    link_dropped = Signal(str, str)  # predecessor id, successor id
    nudge_pressed = Signal(int)  # months (Alt+Left / Alt+Right)
    enter_pressed = Signal()
    delete_pressed = Signal()
    zoom_changed = Signal(float)  # month width

    def __init__(self, scene: RoadmapScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.roadmap_scene = scene
        self.link_mode = False  # the link tool: a plain drag from bar to bar draws a dependency
        self.today: QDate | None = None  # None: the real date (screenshots fix one)
        self._drag: _Drag | None = None
        self._hint = ""
        self._hint_pos = QPointF()
        self.setObjectName("roadmap_canvas")
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing, True)
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheNone)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)

    # -- zoom -------------------------------------------------------------------------------------------

    @property
    def month_width(self) -> float:
        return self.roadmap_scene.month_width

    def set_month_width(self, width: float, anchor: float | None = None) -> None:
        """Zoom the time axis to `width` pixels a month, keeping the month under viewport x `anchor` in place."""
        width = min(max(width, MIN_MONTH_WIDTH), MAX_MONTH_WIDTH)
        scene = self.roadmap_scene
        if abs(width - scene.month_width) < 1e-6:
            return
        anchor = self.viewport().width() / 2 if anchor is None else anchor
        month = scene.month_at(self.mapToScene(QPoint(int(anchor), 0)).x())
        scene.layout(width)
        bar = self.horizontalScrollBar()
        shift = self.mapFromScene(QPointF(scene.x_of(month), 0)).x() - anchor
        bar.setValue(int(bar.value() + shift))
        self.viewport().update()
        self.zoom_changed.emit(width)

    def zoom_in(self) -> None:
        self.set_month_width(self.month_width * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_month_width(self.month_width / ZOOM_STEP)

    def fit(self) -> None:
        """Fit the plan period and every bar, with its label, into the width of the viewport."""
        scene = self.roadmap_scene
        snapshot = scene.snapshot
        if snapshot is None:
            return
        available = max(self.viewport().width() - 2 * MARGIN - 4, 200)
        last = max([snapshot.plan_end + 1, snapshot.finish, *(bar.ef for bar in snapshot.bars)])
        first = min([snapshot.plan_start, *(bar.es for bar in snapshot.bars)]) // 12 * 12
        width = available / max(last - first, 1)
        floor = width * 0.35
        for item in scene.bar_items.values():
            bar = item.bar
            end = max(bar.ef, bar.es)
            outside = bar.milestone or bar.duration * width < item._label_width + 12
            if outside:
                extra = scene.style.label_gap + item._label_width + 10 + (item.bar_rect().width() / 2 if bar.milestone else 0)
                if end > first:
                    width = min(width, max((available - extra) / (end - first), floor))
        self.set_month_width(width, 0)
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().minimum())

    def scroll_to_top(self) -> None:
        self.verticalScrollBar().setValue(self.verticalScrollBar().minimum())

    # -- painting ---------------------------------------------------------------------------------------

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self.viewport().update()  # the headers are pinned: a scrolled copy of them would smear

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        self.roadmap_scene.paint_background(painter, rect, self.mapToScene(QPoint(0, 0)).x())

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        scene = self.roadmap_scene
        if scene.snapshot is None:
            return
        transform = painter.worldTransform()
        painter.save()
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        today = transform.map(QPointF(scene.x_of(self._today_month()), 0)).x()
        self._paint_today(painter, today)
        self._paint_header(painter, transform)
        self._paint_today_tag(painter, today)
        if self._hint:
            self._paint_hint(painter)
        painter.restore()

    def _today_month(self) -> float:
        today = self.today or QDate.currentDate()
        days = calendar.monthrange(today.year(), today.month())[1]
        return today.year() * 12 + today.month() - 1 + (today.day() - 1) / days

    def _paint_today(self, painter: QPainter, x: float) -> None:
        style = self.roadmap_scene.style
        header = self.roadmap_scene.header_height()
        if not 0 <= x <= self.viewport().width():
            return
        painter.setPen(QPen(style.today_colour, 2.5))
        painter.drawLine(QPointF(x, header), QPointF(x, self.viewport().height()))

    def _paint_today_tag(self, painter: QPainter, x: float) -> None:
        """'Today' in the header's bottom row, above its line."""
        style = self.roadmap_scene.style
        header = self.roadmap_scene.header_height()
        if not 0 <= x <= self.viewport().width():
            return
        painter.setFont(style.small_font)
        text = _("Today")
        width = style.small_metrics.horizontalAdvance(text) + 8
        height = style.small_metrics.height() + 2
        tag = QRectF(x - width / 2, header - height - 1, width, height)
        painter.fillRect(tag, style.today_colour)
        painter.setPen(Qt.GlobalColor.white)
        painter.drawText(tag, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_header(self, painter: QPainter, transform: object) -> None:
        scene = self.roadmap_scene
        style = scene.style
        snapshot = scene.snapshot
        assert snapshot is not None
        width = self.viewport().width()
        row = style.header_row_height
        height = scene.header_height()
        painter.fillRect(QRectF(0, 0, width, height), style.header_colour)

        def vx(month: float) -> float:
            return transform.map(QPointF(scene.x_of(month), 0)).x()  # type: ignore[attr-defined]

        left_month = int(scene.month_at(self.mapToScene(QPoint(0, 0)).x())) - 1
        right_month = int(scene.month_at(self.mapToScene(QPoint(width, 0)).x())) + 2
        # the plan period marked under the years
        period_left, period_right = max(vx(snapshot.plan_start), 0), min(vx(snapshot.plan_end + 1), width)
        if period_right > period_left:
            painter.fillRect(QRectF(period_left, height - 4, period_right - period_left, 4), style.bar_colour.lighter(150))
        quarters, months = style.header_rows(scene.month_width)
        align = Qt.AlignmentFlag.AlignCenter
        painter.setPen(QPen(style.grid_year, 1))
        painter.setFont(style.year_font)
        for year in range(left_month // 12, right_month // 12 + 1):
            left, right = vx(year * 12), vx(year * 12 + 12)
            if right < 0 or left > width:
                continue
            painter.setPen(QPen(style.grid_year, 1))
            painter.drawLine(QPointF(left, 0), QPointF(left, height))
            visible = QRectF(max(left, 0), 0, min(right, width) - max(left, 0), row)  # the year stays in sight
            if visible.width() >= style.header_metrics.horizontalAdvance(str(year)) * 1.2 + 6:
                painter.setPen(style.text_colour)
                painter.drawText(visible, align, str(year))
        painter.setFont(style.header_font)
        line = 1
        if quarters:
            top = row * line
            for quarter in range(left_month // 3, right_month // 3 + 1):
                left, right = vx(quarter * 3), vx(quarter * 3 + 3)
                if right < 0 or left > width:
                    continue
                painter.setPen(QPen(style.grid_quarter, 1))
                painter.drawLine(QPointF(left, top), QPointF(left, height))
                painter.setPen(style.text_colour)
                painter.drawText(QRectF(left, top, right - left, row), align, f"Q{quarter % 4 + 1}")
            line += 1
        if months:
            top = row * line
            painter.setPen(style.muted_text_colour)
            for month in range(left_month, right_month + 1):
                left, right = vx(month), vx(month + 1)
                if right < 0 or left > width:
                    continue
                painter.drawText(QRectF(left, top, right - left, row), align, str(month % 12 + 1))
        painter.setPen(QPen(style.grid_year, 1.5))
        painter.drawLine(QPointF(0, height), QPointF(width, height))

    def _paint_hint(self, painter: QPainter) -> None:
        style = self.roadmap_scene.style
        painter.setFont(style.code_font)
        metrics = style.code_metrics
        rect = QRectF(self._hint_pos.x() + 14, self._hint_pos.y() + 16, metrics.horizontalAdvance(self._hint) + 14,
                      metrics.height() + 8)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(style.text_colour, 1))
        painter.setBrush(style.header_colour)
        painter.drawRoundedRect(rect, 4, 4)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self._hint)

    # -- hit testing ------------------------------------------------------------------------------------

    def bar_at(self, position: QPoint) -> BarItem | None:
        """The bar (or its label) under a viewport position, ignoring the header band."""
        if position.y() < self.roadmap_scene.header_height():
            return None
        for item in self.items(position):
            if isinstance(item, BarItem):
                return item
        return None

    def selected_bars(self) -> list[BarItem]:
        scene = self.roadmap_scene
        return sorted((item for item in scene.selectedItems() if isinstance(item, BarItem)),
                      key=lambda item: scene.row_of.get(item.bar.id, 0))

    def select_bars(self, items: list[BarItem], *, reveal: bool = True) -> None:
        scene = self.roadmap_scene
        wanted = set(map(id, items))
        for item in scene.selectedItems():
            if id(item) not in wanted:
                item.setSelected(False)
        for item in items:
            item.setSelected(True)
        if items and reveal:
            self.reveal(items[0])

    def reveal(self, item: BarItem) -> None:
        rect = item.mapRectToScene(item.bar_rect())
        header = self.roadmap_scene.header_height()
        self.ensureVisible(rect, 40, int(header + 12))

    # -- mouse ------------------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        position = event.position().toPoint()
        item = self.bar_at(position)
        if item is None:
            super().mousePressEvent(event)  # rubber-band selection on empty space
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        modifiers = event.modifiers()
        scene_x = self.mapToScene(position).x()
        if self.link_mode or modifiers & Qt.KeyboardModifier.ShiftModifier:
            line = QGraphicsLineItem()
            line.setPen(QPen(self.roadmap_scene.style.text_colour, 2, Qt.PenStyle.DashLine))
            line.setZValue(10)
            start = item.mapToScene(item.bar_rect().center())
            line.setLine(start.x(), start.y(), start.x(), start.y())
            self.roadmap_scene.addItem(line)
            self._drag = _Drag("link", item, scene_x, line=line)
            event.accept()
            return
        if modifiers & Qt.KeyboardModifier.ControlModifier:
            item.setSelected(not item.isSelected())
            event.accept()
            return
        if not item.isSelected():
            self.select_bars([item], reveal=False)
        local = item.mapFromScene(self.mapToScene(position))
        if item.on_resize_handle(local):
            self._drag = _Drag("resize", item, scene_x, items=[item], duration=item.bar.duration)
        else:
            self._drag = _Drag("move", item, scene_x, items=self.selected_bars())
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        drag = self._drag
        position = event.position().toPoint()
        if drag is None:
            item = self.bar_at(position)
            on_handle = item is not None and item.on_resize_handle(item.mapFromScene(self.mapToScene(position)))
            self.viewport().setCursor(Qt.CursorShape.SizeHorCursor if on_handle else Qt.CursorShape.ArrowCursor)
            super().mouseMoveEvent(event)
            return
        scene_point = self.mapToScene(position)
        months = round((scene_point.x() - drag.press_x) / self.month_width)
        if not drag.started and abs(scene_point.x() - drag.press_x) < QApplication.startDragDistance() / 2:
            months = 0
        else:
            drag.started = True
        self._hint_pos = QPointF(position)
        if drag.kind == "move":
            drag.months = months
            for item in drag.items:
                item.set_preview(offset=months)
            self._hint = self._move_hint(drag)
        elif drag.kind == "resize":
            drag.duration = max(1, drag.item.bar.duration + months)
            drag.item.set_preview(duration=drag.duration)
            self._hint = _("{months} months").format(months=drag.duration)
        else:
            assert drag.line is not None
            line = drag.line.line()
            drag.line.setLine(line.x1(), line.y1(), scene_point.x(), scene_point.y())
            target = self.bar_at(position)
            target = target if target is not drag.item else None
            if target is not drag.target:
                if drag.target is not None:
                    drag.target.link_target = False
                    drag.target.update()
                if target is not None:
                    target.link_target = True
                    target.update()
                drag.target = target
            self._hint = f"{drag.item.bar.code} → {target.bar.code}" if target else drag.item.bar.code
        self.viewport().update()
        event.accept()

    def _move_hint(self, drag: _Drag) -> str:
        start = drag.item.bar.es + drag.months
        text = str(YearMonth.from_index(start))
        if drag.months:
            text += f"  ({drag.months:+d})"
        return text

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        drag = self._drag
        if drag is None or event.button() != Qt.MouseButton.LeftButton:
            super().mouseReleaseEvent(event)
            return
        self._drag = None
        self._hint = ""
        self.viewport().update()
        event.accept()
        if drag.kind == "link":
            if drag.line is not None:
                self.roadmap_scene.removeItem(drag.line)
            if drag.target is not None:
                drag.target.link_target = False
                drag.target.update()
                self.link_dropped.emit(drag.item.bar.id, drag.target.bar.id)  # the scene may be rebuilt now
            return
        if drag.kind == "resize":
            if drag.duration != drag.item.bar.duration and drag.started:
                self.bar_end_dropped.emit(drag.item.bar.id, drag.duration)
            else:
                self.cancel_previews()
            return
        if drag.months:
            self.bars_dropped.emit({item.bar.id: item.bar.es + drag.months for item in drag.items})
        else:
            self.cancel_previews()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self.bar_at(event.position().toPoint()) is not None:
            self.enter_pressed.emit()
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def abort_drag(self) -> None:
        """Forget a drag in progress (the scene is about to be rebuilt under it)."""
        self._drag = None
        self._hint = ""

    def cancel_previews(self) -> None:
        """Put every dragged bar back where the plan has it (a refused or empty drag)."""
        for item in self.roadmap_scene.bar_items.values():
            item.set_preview()
            item.link_target = False

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.set_month_width(self.month_width * ZOOM_STEP ** steps, event.position().x())
            event.accept()
            return
        super().wheelEvent(event)

    # -- keyboard ---------------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        alt = modifiers == Qt.KeyboardModifier.AltModifier
        plain = modifiers == Qt.KeyboardModifier.NoModifier
        if alt and key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.nudge_pressed.emit(-1 if key == Qt.Key.Key_Left else 1)
        elif plain and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self._step_row(-1 if key == Qt.Key.Key_Up else 1)
        elif plain and key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self._step_lane(-1 if key == Qt.Key.Key_Left else 1)
        elif plain and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enter_pressed.emit()
        elif plain and key == Qt.Key.Key_Delete:
            self.delete_pressed.emit()
        elif plain and key == Qt.Key.Key_Escape and self._drag is not None:
            self._drag = None
            self.cancel_previews()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def _current_row(self) -> int | None:
        selected = self.selected_bars()
        return self.roadmap_scene.row_of.get(selected[0].bar.id) if selected else None

    def _select_row(self, row: int) -> None:
        scene = self.roadmap_scene
        if 0 <= row < len(scene.row_ids):
            self.select_bars([scene.bar_items[scene.row_ids[row]]])

    def _step_row(self, step: int) -> None:
        """Up/Down: the bar above or below (across lanes)."""
        row = self._current_row()
        if row is None:
            self._select_row(0 if step > 0 else len(self.roadmap_scene.row_ids) - 1)
        else:
            self._select_row(min(max(row + step, 0), len(self.roadmap_scene.row_ids) - 1))

    def _step_lane(self, step: int) -> None:
        """Left/Right: the first bar of the previous or next lane."""
        scene = self.roadmap_scene
        if not scene.lane_bands:
            return
        row = self._current_row()
        current = 0
        if row is not None:
            current = max(n for n, band in enumerate(scene.lane_bands) if band.first_row <= row)
            current = min(max(current + step, 0), len(scene.lane_bands) - 1)
        self._select_row(scene.lane_bands[current].first_row)
