"""One initiative on the roadmap: its bar (or diamond), progress, float tail, baseline ghost, milestones and label."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from desktop_app.views.roadmap.roadmap_snapshot import RoadmapBar, RoadmapMilestone
from desktop_app.views.roadmap.roadmap_style import RoadmapStyle
from planner.i18n import _
from planner.months import YearMonth

LABEL_MIN_DETAIL = 0.45  # below this painter scale labels are skipped (unreadable anyway)
DETAIL_MIN_MONTH_WIDTH = 4.0  # below this month width, progress, milestones and outlines are left out


def diamond(centre: QPointF, half: float) -> QPolygonF:
    x, y = centre.x(), centre.y()
    return QPolygonF([QPointF(x, y - half), QPointF(x + half, y), QPointF(x, y + half), QPointF(x - half, y)])


def month_text(index: int) -> str:
    """A month index as the interface language writes the month."""
    return YearMonth.from_index(index).label()


class BarItem(QGraphicsItem):
    """Drawn in local coordinates whose x = 0 is the bar's early start and y = 0 the top of its row."""

    def __init__(self, bar: RoadmapBar, style: RoadmapStyle, milestones: list[RoadmapMilestone]) -> None:
        super().__init__()
        self.bar = bar
        self.style = style
        self.milestones = milestones
        self.ghost: tuple[int, int] | None = None  # baseline (start, duration)
        self.month_width = 1.0
        self.preview_offset = 0  # months, while dragged
        self.preview_duration: int | None = None  # months, while its end is dragged
        self.link_target = False  # highlighted as the end of a link being drawn
        self._label_width = self._measure_label()
        self._bounds = QRectF()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setAcceptHoverEvents(False)
        self.setZValue(2)

    def _measure_label(self) -> float:
        style = self.style
        width = style.code_metrics.horizontalAdvance(self.bar.code) + style.metrics.horizontalAdvance(
            "  " + self.bar.title)
        return min(width, style.label_max_width)

    def set_bar(self, bar: RoadmapBar, milestones: list[RoadmapMilestone]) -> None:
        """Show new values of the same initiative (then lay it out again)."""
        self.bar = bar
        self.milestones = milestones
        self._label_width = self._measure_label()
        self.update()

    def toolTip(self) -> str:
        """Written when asked for (RoadmapScene.helpEvent), not for every bar when the scene is built."""
        return self.tooltip_text()

    # -- geometry ---------------------------------------------------------------------------------------

    def layout(self, x: float, y: float, month_width: float) -> None:
        self.prepareGeometryChange()
        self.month_width = month_width
        self.setPos(x, y)
        self._bounds = self._compute_bounds()

    @property
    def duration(self) -> int:
        return self.preview_duration if self.preview_duration is not None else self.bar.duration

    def bar_rect(self) -> QRectF:
        """The bar in local coordinates (a milestone: the diamond's box)."""
        style = self.style
        left = self.preview_offset * self.month_width
        if self.bar.milestone:
            half = style.bar_height * 0.62
            return QRectF(left - half, style.bar_top + style.bar_height / 2 - half, 2 * half, 2 * half)
        return QRectF(left, style.bar_top, max(self.duration * self.month_width, 1.0), style.bar_height)

    def label_inside(self) -> bool:
        return not self.bar.milestone and self._label_width + 12 <= self.bar_rect().width()

    def label_rect(self) -> QRectF:
        rect = self.bar_rect()
        style = self.style
        height = style.metrics.height() + 4
        top = rect.center().y() - height / 2
        if self.label_inside():
            return QRectF(rect.left() + 6, top, rect.width() - 12, height)
        return QRectF(rect.right() + style.label_gap, top, self._label_width + 6, height)

    def _tail_width(self) -> float:
        return max(self.bar.total_float, 0) * self.month_width

    def _compute_bounds(self) -> QRectF:
        rect = self.bar_rect()
        bounds = rect.united(self.label_rect())
        tail = QRectF(rect.right(), self.style.tail_top - 4, self._tail_width() + 4, self.style.tail_height + 8)
        bounds = bounds.united(tail)
        if self.ghost is not None:
            bounds = bounds.united(self.ghost_rect())
        return bounds.adjusted(-5, -3, 5, 3)

    def ghost_rect(self) -> QRectF:
        assert self.ghost is not None
        start, duration = self.ghost
        style = self.style
        left = (start - self.bar.es) * self.month_width
        return QRectF(left, style.bar_top - style.bar_top * 0.55, max(duration * self.month_width, 3.0),
                      style.bar_height + style.bar_top * 1.1)

    def set_ghost(self, ghost: tuple[int, int] | None) -> None:
        self.prepareGeometryChange()
        self.ghost = ghost
        self._bounds = self._compute_bounds()
        self.update()

    def set_preview(self, offset: int = 0, duration: int | None = None) -> None:
        if offset == self.preview_offset and duration == self.preview_duration:
            return
        self.prepareGeometryChange()
        self.preview_offset, self.preview_duration = offset, duration
        self._bounds = self._compute_bounds()
        self.update()

    def on_resize_handle(self, local: QPointF) -> bool:
        """Whether a point (local coordinates) is on the bar's right end, where a drag changes its duration."""
        if self.bar.milestone:
            return False
        rect = self.bar_rect()
        handle = self.style.handle_width
        return abs(local.x() - rect.right()) <= handle and rect.top() - 2 <= local.y() <= rect.bottom() + 2

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(self.bar_rect().united(self.label_rect()).adjusted(-3, -2, 3, 2))
        return path

    # -- text -------------------------------------------------------------------------------------------

    def tooltip_text(self) -> str:
        bar = self.bar
        lines = [bar.label]
        if bar.milestone:
            lines.append(_("Milestone: {month}").format(month=month_text(bar.es)))
        else:
            lines.append(_("{start} – {finish} ({months} months)").format(
                start=month_text(bar.es), finish=month_text(max(bar.ef - 1, bar.es)), months=bar.duration))
        lines.append(_("Latest start {start}, latest finish {finish}").format(
            start=month_text(bar.ls), finish=month_text(max(bar.lf - 1, bar.ls))))
        lines.append(_("Total float {total} months, free float {free} months").format(
            total=bar.total_float, free=bar.free_float))
        if not bar.milestone:
            lines.append(_("Progress {percent}%").format(percent=bar.progress))
        if bar.critical:
            lines.append(_("Critical: it has no float, so any delay moves the plan's finish."))
        else:
            lines.append(_("Not critical: it can slip {months} months without moving the plan's finish.").format(
                months=bar.total_float))
        lines.append(_("It starts then because of {reason}.").format(reason=bar.why))
        return "\n".join(lines)

    # -- painting ---------------------------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, _widget: QWidget | None = None) -> None:
        style = self.style
        detail = option.levelOfDetailFromTransform(painter.worldTransform())
        fine = self.month_width * detail >= DETAIL_MIN_MONTH_WIDTH
        bar = self.bar
        colour = style.critical_colour if bar.critical else style.bar_colour
        rect = self.bar_rect()
        if self.ghost is not None:
            painter.setPen(QPen(style.ghost_outline, 1.2, Qt.PenStyle.DashLine))
            painter.setBrush(style.ghost_fill)
            painter.drawRect(self.ghost_rect())
        tail = self._tail_width()
        if tail > 0 and not bar.critical:
            top = style.tail_top
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(style.float_colour)
            start = rect.right() if not bar.milestone else rect.center().x()
            painter.drawRect(QRectF(start, top, tail, style.tail_height))
            painter.drawRect(QRectF(start + tail - 2, top - 4, 2, style.tail_height + 4))
        outline_width = 3.0 if bar.critical else 1.2
        outline = style.critical_outline if bar.critical else style.bar_outline
        if bar.milestone:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(QPen(outline, outline_width) if fine else Qt.PenStyle.NoPen)
            painter.setBrush(colour if bar.critical else style.text_colour)
            painter.drawPolygon(diamond(rect.center(), rect.width() / 2))
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRect(rect)
            if fine and bar.progress > 0:
                done = QRectF(rect.left(), rect.top(), rect.width() * min(bar.progress, 100) / 100, rect.height())
                painter.setBrush(colour.darker(165))
                painter.drawRect(done)
            if fine:
                painter.setPen(QPen(outline, outline_width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.SquareCap,
                                    Qt.PenJoinStyle.MiterJoin))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                inset = outline_width / 2
                painter.drawRect(rect.adjusted(inset, inset, -inset, -inset))
            if fine and self.milestones:
                self._paint_milestones(painter, rect)
        if self.isSelected() or self.link_target:
            pen = QPen(style.selection_colour, 2.5, Qt.PenStyle.SolidLine if self.isSelected() else Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(-4, -4, 4, 4))
        if detail >= LABEL_MIN_DETAIL:
            self._paint_label(painter, colour)

    def _paint_milestones(self, painter: QPainter, rect: QRectF) -> None:
        style = self.style
        half = max(4.0, style.bar_height * 0.28)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for milestone in self.milestones:
            x = (milestone.month - self.bar.es + 0.5 + self.preview_offset) * self.month_width
            painter.setPen(QPen(style.text_colour, 1.2))
            painter.setBrush(QBrush(style.text_colour if milestone.done else QColor("#FFFFFF")))
            painter.drawPolygon(diamond(QPointF(x, rect.top()), half))

    def _paint_label(self, painter: QPainter, colour: QColor) -> None:
        style = self.style
        rect = self.label_rect()
        inside = self.label_inside()
        code_width = style.code_metrics.horizontalAdvance(self.bar.code)
        if inside:
            text_colour = QColor("#FFFFFF")
        else:
            text_colour = style.text_colour
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(style.label_backdrop)
            painter.drawRoundedRect(rect.adjusted(-3, 0, 3, 0), 3, 3)
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.setPen(text_colour)
        painter.setFont(style.code_font)
        painter.drawText(rect, align, self.bar.code)
        title_rect = rect.adjusted(code_width + style.metrics.horizontalAdvance("  "), 0, 0, 0)
        painter.setFont(style.font)
        title = style.metrics.elidedText(self.bar.title, Qt.TextElideMode.ElideRight, max(title_rect.width(), 0))
        painter.drawText(title_rect, align, title)
