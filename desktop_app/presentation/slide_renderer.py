"""Draws one slide page with QPainter on a 1920×1080 logical canvas, big type only, scaled to any target."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QPolygonF

from desktop_app.fonts import register_korean_fonts
from desktop_app.presentation.themes import Theme, readable_text_on
from planner.fonts import FONT_FAMILY
from planner.presentation import (
    BudgetContent,
    FieldContent,
    GridContent,
    KpisContent,
    NetworkContent,
    RatingsContent,
    RoadmapContent,
    SlidePage,
    TitleContent,
)

SLIDE_WIDTH = 1920
SLIDE_HEIGHT = 1080
MIN_TEXT_PX = 24  # nothing smaller at 1920×1080: legible from the back of a room
MARGIN = 80
BODY_TOP = 170
BODY_BOTTOM = 1005
ELLIPSIS = "…"

Spotlight = tuple[str, str | None]  # (kind, id): "field" (a roadmap lane), "initiative" or "stakeholder"


def wrap_text(metrics: QFontMetricsF, text: str, width: float, max_lines: int) -> list[str]:
    """`text` broken into lines no wider than `width` (at spaces, else anywhere), at most `max_lines`; the last
    line ends in "…" when text was left out."""
    words = " ".join(text.split()).split(" ") if text.strip() else []
    lines: list[str] = []
    current = ""
    pending = list(reversed(words))
    while pending:
        word = pending.pop()
        candidate = f"{current} {word}" if current else word
        if metrics.horizontalAdvance(candidate) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
            current = ""
            pending.append(word)
            continue
        # one word wider than the line: break it where it no longer fits
        cut = max(1, len(word) - 1)
        while cut > 1 and metrics.horizontalAdvance(word[:cut]) > width:
            cut -= 1
        lines.append(word[:cut])
        pending.append(word[cut:])
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        kept = lines[:max_lines]
        kept[-1] = metrics.elidedText(kept[-1] + " " + ELLIPSIS * 3, Qt.TextElideMode.ElideRight, width)
        if not kept[-1].endswith(ELLIPSIS):
            kept[-1] = metrics.elidedText(kept[-1] + ELLIPSIS, Qt.TextElideMode.ElideRight, width)
        return kept
    return lines


class SlideRenderer:
    """Paints SlidePages in one theme. Every font it uses goes through font(), which refuses type under 24 px
    and records each size in `used_font_sizes` (the tests read it)."""

    def __init__(self, theme: Theme) -> None:
        self.theme = theme
        self.family = register_korean_fonts() or FONT_FAMILY
        self.used_font_sizes: set[int] = set()

    # -- fonts and text ---------------------------------------------------------------------------------

    def font(self, pixels: int, bold: bool = False) -> QFont:
        if pixels < MIN_TEXT_PX:
            raise ValueError(f"slide type of {pixels} px is under the {MIN_TEXT_PX} px minimum")
        self.used_font_sizes.add(pixels)
        font = QFont(self.family)
        font.setPixelSize(pixels)
        font.setBold(bold)
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        return font

    def metrics(self, pixels: int, bold: bool = False) -> QFontMetricsF:
        return QFontMetricsF(self.font(pixels, bold))

    def _line(self, painter: QPainter, rect: QRectF, text: str, pixels: int, *, bold: bool = False,
              colour: QColor | None = None, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> None:
        """One line of text in `rect`, vertically centred, shortened with "…" to its width."""
        font = self.font(pixels, bold)
        painter.setFont(font)
        painter.setPen(colour or self.theme.colour("text"))
        shown = QFontMetricsF(font).elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect, int(align | Qt.AlignmentFlag.AlignVCenter), shown)

    def _paragraph(self, painter: QPainter, rect: QRectF, text: str, pixels: int, *, bold: bool = False,
                   colour: QColor | None = None, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
                   spacing: float = 1.3, max_lines: int | None = None, centre_vertically: bool = False) -> float:
        """Wrapped text inside `rect` (lines that do not fit are left out, the last kept one ends in "…");
        returns the height used."""
        font = self.font(pixels, bold)
        metrics = QFontMetricsF(font)
        line_height = pixels * spacing
        fitting = max(1, int(rect.height() // line_height))
        lines = wrap_text(metrics, text, rect.width(), min(fitting, max_lines or fitting))
        painter.setFont(font)
        painter.setPen(colour or self.theme.colour("text"))
        used = line_height * len(lines)
        top = rect.top() + ((rect.height() - used) / 2 if centre_vertically else 0)
        for number, line in enumerate(lines):
            line_rect = QRectF(rect.left(), top + number * line_height, rect.width(), line_height)
            painter.drawText(line_rect, int(align | Qt.AlignmentFlag.AlignVCenter), line)
        return used

    def _pen(self, colour: QColor, width: float = 1.0) -> QPen:
        pen = QPen(colour, self.theme.line_width * width)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        return pen

    # -- the whole page ---------------------------------------------------------------------------------

    def paint(self, painter: QPainter, page: SlidePage | None, target: QRectF, *, step: int | None = None,
              spotlight: Spotlight | None = None, footer: str = "") -> None:
        """Draw `page` letterboxed into `target` (step: reveal steps shown, 0-based; None: all)."""
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.fillRect(target, QColor("#000000"))
        scale = min(target.width() / SLIDE_WIDTH, target.height() / SLIDE_HEIGHT)
        painter.translate(target.left() + (target.width() - SLIDE_WIDTH * scale) / 2,
                          target.top() + (target.height() - SLIDE_HEIGHT * scale) / 2)
        painter.scale(scale, scale)
        painter.setClipRect(QRectF(0, 0, SLIDE_WIDTH, SLIDE_HEIGHT))
        painter.fillRect(QRectF(0, 0, SLIDE_WIDTH, SLIDE_HEIGHT), self.theme.colour("background"))
        if page is not None:
            self._paint_page(painter, page, step, spotlight)
            if footer:
                self._line(painter, QRectF(MARGIN, 1020, SLIDE_WIDTH - 2 * MARGIN, 44), footer, 24,
                           colour=self.theme.colour("muted_text"), align=Qt.AlignmentFlag.AlignRight)
        painter.restore()

    def _paint_page(self, painter: QPainter, page: SlidePage, step: int | None, spotlight: Spotlight | None) -> None:
        content = page.content
        if isinstance(content, TitleContent):
            self._paint_title(painter, content)
            return
        self._heading(painter, page.heading)
        body = QRectF(MARGIN, BODY_TOP, SLIDE_WIDTH - 2 * MARGIN, BODY_BOTTOM - BODY_TOP)
        painters: dict[type, Callable[..., None]] = {
            RoadmapContent: self._paint_roadmap, FieldContent: self._paint_field, GridContent: self._paint_grid,
            NetworkContent: self._paint_network, BudgetContent: self._paint_budget, KpisContent: self._paint_kpis,
            RatingsContent: self._paint_ratings,
        }
        if isinstance(content, RoadmapContent):
            last = len(content.years) - 1
            self._paint_roadmap(painter, body, content, last if step is None else max(0, min(step, last)), spotlight)
        else:
            painters[type(content)](painter, body, content, spotlight)

    def _heading(self, painter: QPainter, title: str) -> None:
        self._line(painter, QRectF(MARGIN, 40, SLIDE_WIDTH - 2 * MARGIN, 84), title, 52, bold=True)
        painter.fillRect(QRectF(MARGIN, 134, SLIDE_WIDTH - 2 * MARGIN, self.theme.line_width * 2),
                         self.theme.colour("accent"))

    def _empty(self, painter: QPainter, body: QRectF, text: str) -> None:
        self._paragraph(painter, body, text, 40, colour=self.theme.colour("muted_text"),
                        align=Qt.AlignmentFlag.AlignHCenter, centre_vertically=True)

    def _dimmed(self, painter: QPainter, lit: bool, spotlight: Spotlight | None) -> None:
        painter.setOpacity(1.0 if spotlight is None or lit else self.theme.dim_opacity)

    # -- title and vision -------------------------------------------------------------------------------

    def _paint_title(self, painter: QPainter, content: TitleContent) -> None:
        width = SLIDE_WIDTH - 2 * MARGIN - 80
        used = self._paragraph(painter, QRectF(MARGIN + 40, 110, width, 260), content.plan_title, 68, bold=True,
                               align=Qt.AlignmentFlag.AlignHCenter, spacing=1.25, max_lines=3)
        top = 110 + used + 30
        painter.fillRect(QRectF(SLIDE_WIDTH / 2 - 160, top, 320, self.theme.line_width * 3),
                         self.theme.colour("accent"))
        top += 40
        for line in content.lines:
            self._line(painter, QRectF(MARGIN, top, SLIDE_WIDTH - 2 * MARGIN, 52), line, 36,
                       colour=self.theme.colour("muted_text"), align=Qt.AlignmentFlag.AlignHCenter)
            top += 56
        if not content.vision.strip():
            return
        panel = QRectF(MARGIN + 80, max(top + 30, 600), SLIDE_WIDTH - 2 * MARGIN - 160, 0)
        panel.setBottom(BODY_BOTTOM)
        painter.setPen(self._pen(self.theme.colour("accent")))
        painter.setBrush(self.theme.colour("panel"))
        painter.drawRoundedRect(panel, 24, 24)
        self._line(painter, QRectF(panel.left() + 48, panel.top() + 24, panel.width() - 96, 48), content.vision_label,
                   32, bold=True, colour=self.theme.colour("accent"))
        self._paragraph(painter, QRectF(panel.left() + 48, panel.top() + 84, panel.width() - 96,
                                        panel.height() - 108),
                        content.vision, 44, align=Qt.AlignmentFlag.AlignHCenter, spacing=1.35,
                        centre_vertically=True)

    # -- roadmap ----------------------------------------------------------------------------------------

    def _paint_roadmap(self, painter: QPainter, body: QRectF, content: RoadmapContent, step: int,
                       spotlight: Spotlight | None) -> None:
        theme = self.theme
        label_width = 380
        left = body.left() + label_width + 20
        right = body.right()
        years = content.years
        first_month = years[0] * 12
        month_width = (right - left) / (12 * len(years))
        revealed = years[step]
        axis_height = 56
        # year columns: the revealed ones clear, the current one marked, the rest shaded
        for number, year in enumerate(years):
            x = left + number * 12 * month_width
            column = QRectF(x, body.top(), 12 * month_width, body.height())
            if year > revealed:
                painter.fillRect(column, theme.colour("panel"))
            colour = theme.colour("accent") if year == revealed else (
                theme.colour("text") if year < revealed else theme.colour("muted_text"))
            self._line(painter, QRectF(x, body.top(), 12 * month_width, axis_height), str(year), 34, bold=True,
                       colour=colour, align=Qt.AlignmentFlag.AlignHCenter)
            if year == revealed:
                painter.fillRect(QRectF(x + 8, body.top() + axis_height - 6, 12 * month_width - 16,
                                        theme.line_width * 2), theme.colour("accent"))
        painter.setPen(self._pen(theme.colour("grid_line"), 0.75))
        for number in range(len(years) + 1):
            x = left + number * 12 * month_width
            painter.drawLine(QPointF(x, body.top() + axis_height), QPointF(x, body.bottom()))
        if not content.lanes:
            self._empty(painter, QRectF(left, body.top() + axis_height, right - left, body.height() - axis_height),
                        content.empty_text)
            return
        lane_gap = 14
        rows_total = sum(len(lane.rows) for lane in content.lanes)
        available = body.height() - axis_height - lane_gap * len(content.lanes)
        row_height = min(64.0, max(40.0, available / max(rows_total, 1)))
        top = body.top() + axis_height + lane_gap / 2
        for lane in content.lanes:
            height = max(len(lane.rows) * row_height, 44.0)
            lane_lit = spotlight is None or (spotlight[0] == "field" and spotlight[1] == lane.field_id)
            self._dimmed(painter, lane_lit or spotlight[0] == "initiative", spotlight)  # type: ignore[index]
            band = QRectF(body.left(), top - lane_gap / 2 + 2, body.width(), height + lane_gap - 4)
            if not theme.high_contrast:
                painter.fillRect(band, _tint(theme.field_colour(lane.colour_index), 0.16))
            painter.fillRect(QRectF(body.left(), band.top(), 10, band.height()), theme.field_colour(lane.colour_index))
            self._dimmed(painter, lane_lit, spotlight)
            lines = max(1, int(height // 32))
            self._paragraph(painter, QRectF(body.left() + 22, top, label_width - 22, height), lane.label, 26,
                            bold=True, spacing=1.2, max_lines=lines, centre_vertically=True)
            for row_number, row in enumerate(lane.rows):
                y = top + row_number * row_height
                for bar in row:
                    if bar.start_year > revealed:
                        continue
                    lit = lane_lit if spotlight is None or spotlight[0] == "field" else bar.initiative_id == spotlight[1]
                    self._dimmed(painter, lit, spotlight)
                    self._paint_bar(painter, bar.code, bar.title, bar.milestone,
                                    left + (bar.start - first_month) * month_width,
                                    left + (bar.finish + 1 - first_month) * month_width,
                                    QRectF(0, y + 4, 0, row_height - 8), theme.field_colour(lane.colour_index),
                                    highlighted=spotlight is not None and lit, right_edge=right)
            painter.setOpacity(1.0)
            top += height + lane_gap

    def _paint_bar(self, painter: QPainter, code: str, title: str, milestone: bool, x0: float, x1: float,
                   row: QRectF, fill: QColor, *, highlighted: bool, right_edge: float) -> None:
        theme = self.theme
        outline = self._pen(theme.colour("accent") if highlighted else theme.colour("outline"),
                            2.0 if highlighted else 0.6)
        metrics = self.metrics(24, True)
        if milestone:
            size = row.height() / 2
            centre = QPointF(x0 + size, row.center().y())
            painter.setPen(outline)
            painter.setBrush(fill)
            painter.drawPolygon(QPolygonF([centre + QPointF(0, -size), centre + QPointF(size, 0),
                                           centre + QPointF(0, size), centre + QPointF(-size, 0)]))
            width = metrics.horizontalAdvance(code) + 4
            if centre.x() + size + 6 + width <= right_edge:
                label_rect = QRectF(centre.x() + size + 6, row.top(), width, row.height())
            else:  # no room on the right: the code goes before the diamond
                label_rect = QRectF(centre.x() - size - 6 - width, row.top(), width, row.height())
            self._line(painter, label_rect, code, 24, bold=True, colour=theme.colour("text"))
            return
        rect = QRectF(x0, row.top(), max(x1 - x0, 4.0), row.height())
        painter.setPen(outline)
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, 6, 6)
        inner = rect.adjusted(10, 0, -8, 0)
        if inner.width() >= metrics.horizontalAdvance(code):
            self._line(painter, inner, f"{code} {title}", 24, bold=True, colour=readable_text_on(fill))
        else:
            self._line(painter, QRectF(rect.right() + 6, row.top(), max(0.0, right_edge - rect.right() - 6),
                                       row.height()), code, 24, bold=True, colour=theme.colour("text"))

    # -- one field's initiatives ------------------------------------------------------------------------

    def _paint_field(self, painter: QPainter, body: QRectF, content: FieldContent,
                     spotlight: Spotlight | None) -> None:
        theme = self.theme
        if not content.items:
            self._empty(painter, body, content.empty_text)
            return
        header = 44
        self._line(painter, QRectF(body.right() - 470, body.top(), 470, header), content.budget_label, 24,
                   colour=theme.colour("muted_text"), align=Qt.AlignmentFlag.AlignRight)
        row_height = min(136.0, (body.height() - header) / len(content.items))
        colour = theme.field_colour(content.colour_index)
        for number, item in enumerate(content.items):
            top = body.top() + header + number * row_height
            lit = spotlight is None or item.initiative_id == spotlight[1]
            self._dimmed(painter, lit, spotlight)
            card = QRectF(body.left(), top + 6, body.width(), row_height - 12)
            painter.setPen(self._pen(theme.colour("accent"), 2.0) if spotlight is not None and lit else Qt.PenStyle.NoPen)
            painter.setBrush(theme.colour("panel"))
            painter.drawRoundedRect(card, 14, 14)
            code_box = QRectF(card.left() + 20, card.center().y() - 30, 150, 60)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(code_box, 10, 10)
            self._line(painter, code_box, item.code, 30, bold=True, colour=readable_text_on(colour),
                       align=Qt.AlignmentFlag.AlignHCenter)
            self._paragraph(painter, QRectF(code_box.right() + 28, card.top() + 8, 1040, card.height() - 16),
                            item.title, 36, bold=True, spacing=1.25, max_lines=2, centre_vertically=True)
            right = QRectF(card.right() - 470, card.top(), 450, card.height())
            self._line(painter, QRectF(right.left(), right.top() + 8, right.width(), right.height() / 2 - 8),
                       item.period, 30, align=Qt.AlignmentFlag.AlignRight)
            if item.budget:
                self._line(painter, QRectF(right.left(), right.center().y(), right.width(), right.height() / 2 - 8),
                           item.budget, 30, bold=True, colour=theme.colour("muted_text"),
                           align=Qt.AlignmentFlag.AlignRight)
        painter.setOpacity(1.0)

    # -- stakeholder grid -------------------------------------------------------------------------------

    def _paint_grid(self, painter: QPainter, body: QRectF, content: GridContent,
                    spotlight: Spotlight | None) -> None:
        theme = self.theme
        if not content.stakeholders:
            self._empty(painter, body, content.empty_text)
            return
        band = 40
        plot = QRectF(body.left() + 70, body.top() + band + 8, body.width() - 70, body.height() - 2 * band - 70)
        cell_w, cell_h = plot.width() / 5, plot.height() / 5
        # the quadrant of most interest (high influence, high interest) tinted
        painter.fillRect(QRectF(plot.left() + 2 * cell_w, plot.top(), 3 * cell_w, 3 * cell_h), theme.colour("panel"))
        painter.setPen(self._pen(theme.colour("grid_line"), 0.5))
        for number in range(6):
            painter.drawLine(QPointF(plot.left() + number * cell_w, plot.top()),
                             QPointF(plot.left() + number * cell_w, plot.bottom()))
            painter.drawLine(QPointF(plot.left(), plot.top() + number * cell_h),
                             QPointF(plot.right(), plot.top() + number * cell_h))
        painter.setPen(self._pen(theme.colour("text"), 1.5))
        painter.drawLine(QPointF(plot.left() + 2 * cell_w, plot.top()), QPointF(plot.left() + 2 * cell_w, plot.bottom()))
        painter.drawLine(QPointF(plot.left(), plot.top() + 3 * cell_h), QPointF(plot.right(), plot.top() + 3 * cell_h))
        quadrant_width = plot.width() / 2 - 20
        accent = theme.colour("accent")
        self._line(painter, QRectF(plot.left(), body.top(), quadrant_width, band), content.quadrant_labels["keep_satisfied"],
                   26, bold=True, colour=accent)
        self._line(painter, QRectF(plot.right() - quadrant_width, body.top(), quadrant_width, band),
                   content.quadrant_labels["manage_closely"], 26, bold=True, colour=accent,
                   align=Qt.AlignmentFlag.AlignRight)
        bottom_band = QRectF(plot.left(), plot.bottom() + 58, plot.width(), band)
        self._line(painter, QRectF(bottom_band.left(), bottom_band.top(), quadrant_width, band),
                   content.quadrant_labels["monitor"], 26, bold=True, colour=accent)
        self._line(painter, QRectF(bottom_band.right() - quadrant_width, bottom_band.top(), quadrant_width, band),
                   content.quadrant_labels["keep_informed"], 26, bold=True, colour=accent,
                   align=Qt.AlignmentFlag.AlignRight)
        self._line(painter, QRectF(plot.left(), plot.bottom() + 10, plot.width(), 44), f"{content.interest_label} →",
                   30, bold=True, align=Qt.AlignmentFlag.AlignHCenter)
        painter.save()
        painter.translate(body.left() + 8, plot.center().y())
        painter.rotate(-90)
        self._line(painter, QRectF(-plot.height() / 2, 0, plot.height(), 48), f"{content.influence_label} →", 30,
                   bold=True, align=Qt.AlignmentFlag.AlignHCenter)
        painter.restore()
        cells: dict[tuple[int, int], list] = {}
        for person in content.stakeholders:
            key = (min(max(person.interest, 1), 5), min(max(person.influence, 1), 5))
            cells.setdefault(key, []).append(person)
        line_height = 30.0
        capacity = max(1, int((cell_h - 12) // line_height))
        for (interest, influence), people in cells.items():
            cell = QRectF(plot.left() + (interest - 1) * cell_w, plot.top() + (5 - influence) * cell_h, cell_w, cell_h)
            lit_people = [person for person in people if spotlight is not None and person.stakeholder_id == spotlight[1]]
            shown = people if len(people) <= capacity else [
                *lit_people, *[p for p in people if p not in lit_people]][:capacity - 1]
            for number, person in enumerate(shown):
                y = cell.top() + 6 + number * line_height
                lit = spotlight is None or person.stakeholder_id == spotlight[1]
                self._dimmed(painter, lit, spotlight)
                painter.setPen(self._pen(theme.colour("outline"), 0.5))
                painter.setBrush(theme.sector_colour(person.sector))
                painter.drawEllipse(QPointF(cell.left() + 20, y + line_height / 2), 9, 9)
                if spotlight is not None and lit:
                    painter.setPen(self._pen(theme.colour("accent"), 1.5))
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    painter.drawRoundedRect(QRectF(cell.left() + 4, y, cell.width() - 8, line_height), 6, 6)
                self._line(painter, QRectF(cell.left() + 36, y, cell.width() - 44, line_height), person.name, 24,
                           bold=spotlight is not None and lit)
            if len(shown) < len(people):
                self._dimmed(painter, False, spotlight)
                self._line(painter, QRectF(cell.left() + 36, cell.top() + 6 + len(shown) * line_height, cell.width() - 44,
                                           line_height), f"+{len(people) - len(shown)}", 24, bold=True,
                           colour=theme.colour("muted_text"))
        painter.setOpacity(1.0)

    # -- stakeholder network ----------------------------------------------------------------------------

    def _paint_network(self, painter: QPainter, body: QRectF, content: NetworkContent,
                       spotlight: Spotlight | None) -> None:
        theme = self.theme
        if not content.nodes:
            self._empty(painter, body, content.empty_text)
            return
        legend_width = 360
        plot = QRectF(body.left() + 60, body.top() + 30, body.width() - legend_width - 120, body.height() - 80)
        position = {node.stakeholder_id: QPointF(plot.left() + node.x * plot.width(), plot.top() + node.y * plot.height())
                    for node in content.nodes}
        neighbours: set[str] = set()
        if spotlight is not None:
            neighbours.add(str(spotlight[1]))
            for edge in content.edges:
                if spotlight[1] in (edge.source_id, edge.target_id):
                    neighbours.update((edge.source_id, edge.target_id))
        for edge in content.edges:
            if edge.source_id not in position or edge.target_id not in position:
                continue
            lit = spotlight is None or spotlight[1] in (edge.source_id, edge.target_id)
            self._dimmed(painter, lit, spotlight)
            painter.setPen(self._pen(theme.colour("accent") if spotlight is not None and lit else theme.colour("grid_line"),
                                     1.5 if spotlight is not None and lit else 0.9))
            painter.drawLine(position[edge.source_id], position[edge.target_id])
        radius = {node.stakeholder_id: min(30.0, 14.0 + 2.5 * node.degree) for node in content.nodes}
        for node in content.nodes:
            lit = spotlight is None or node.stakeholder_id in neighbours
            self._dimmed(painter, lit, spotlight)
            painter.setPen(self._pen(theme.colour("accent") if spotlight is not None and node.stakeholder_id == spotlight[1]
                                     else theme.colour("outline"), 2.0 if spotlight is not None else 0.8))
            painter.setBrush(theme.sector_colour(node.sector))
            painter.drawEllipse(position[node.stakeholder_id], radius[node.stakeholder_id], radius[node.stakeholder_id])
        # labels: the best-connected first (and the spotlit ones), never on top of one another
        metrics = self.metrics(24, True)
        placed: list[QRectF] = []
        order = sorted(content.nodes, key=lambda node: (spotlight is None or node.stakeholder_id not in neighbours,
                                                        not node.labelled, -node.degree, node.name))
        for node in order:
            spotlit = spotlight is not None and node.stakeholder_id in neighbours
            if not node.labelled and not spotlit:
                continue
            name = metrics.elidedText(node.name, Qt.TextElideMode.ElideRight, 300)
            width = metrics.horizontalAdvance(name) + 16
            centre = position[node.stakeholder_id]
            r = radius[node.stakeholder_id]
            for dy in (r + 4, -r - 40):
                box = QRectF(centre.x() - width / 2, centre.y() + dy, width, 36)
                box.moveLeft(min(max(box.left(), body.left()), plot.right() + 40 - box.width()))
                if not any(box.intersects(other) for other in placed):
                    break
            else:
                continue
            placed.append(box)
            self._dimmed(painter, spotlight is None or spotlit, spotlight)
            fill = QColor(theme.colour("background"))
            fill.setAlphaF(0.85)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(box, 8, 8)
            self._line(painter, box, name, 24, bold=True, align=Qt.AlignmentFlag.AlignHCenter)
        painter.setOpacity(1.0)
        legend = QRectF(body.right() - legend_width, body.top() + 30, legend_width, body.height() - 30)
        top = legend.top()
        for code, label in content.sectors:
            if top + 44 > legend.bottom():
                break
            painter.setPen(self._pen(theme.colour("outline"), 0.8))
            painter.setBrush(theme.sector_colour(code))
            painter.drawEllipse(QPointF(legend.left() + 16, top + 22), 14, 14)
            used = self._paragraph(painter, QRectF(legend.left() + 44, top + 2, legend.width() - 44, 80), label, 26,
                                   spacing=1.25, max_lines=2)
            top += max(used, 40) + 16

    # -- budget -----------------------------------------------------------------------------------------

    def _paint_budget(self, painter: QPainter, body: QRectF, content: BudgetContent,
                      spotlight: Spotlight | None) -> None:
        theme = self.theme
        if not content.amounts:
            self._empty(painter, body, content.empty_text)
            return
        legend_width = 340
        self._line(painter, QRectF(body.left(), body.top(), 700, 44), content.unit_label, 26,
                   colour=theme.colour("muted_text"))
        self._line(painter, QRectF(body.right() - 1000, body.top(), 1000, 44), content.total_text, 34, bold=True,
                   align=Qt.AlignmentFlag.AlignRight)
        plot = QRectF(body.left() + 20, body.top() + 110, body.width() - legend_width - 60, body.height() - 180)
        largest = max((content.year_total(year) for year in content.years), default=0) or 1
        column = plot.width() / len(content.years)
        bar_width = min(column * 0.62, 220)
        painter.setPen(self._pen(theme.colour("text"), 1.0))
        painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
        for number, year in enumerate(content.years):
            x = plot.left() + number * column + (column - bar_width) / 2
            bottom = plot.bottom()
            for index, (source, _label) in enumerate(content.sources):
                amount = content.amounts.get((year, source), 0)
                if not amount:
                    continue
                height = plot.height() * amount / largest
                segment = QRectF(x, bottom - height, bar_width, height)
                fill = theme.source_colour(source, index)
                painter.setPen(self._pen(theme.colour("background"), 0.75))
                painter.setBrush(fill)
                painter.drawRect(segment)
                text = _millions(amount)
                if height >= 36 and self.metrics(24).horizontalAdvance(text) <= bar_width - 12:
                    self._line(painter, segment, text, 24, colour=readable_text_on(fill),
                               align=Qt.AlignmentFlag.AlignHCenter)
                bottom -= height
            total = content.year_total(year)
            if total:
                self._line(painter, QRectF(x - 40, bottom - 46, bar_width + 80, 42), _millions(total), 28, bold=True,
                           align=Qt.AlignmentFlag.AlignHCenter)
            self._line(painter, QRectF(plot.left() + number * column, plot.bottom() + 8, column, 48), str(year), 32,
                       bold=True, align=Qt.AlignmentFlag.AlignHCenter)
        top = plot.top()
        for index, (source, label) in enumerate(content.sources):
            painter.setPen(self._pen(theme.colour("outline"), 0.6))
            painter.setBrush(theme.source_colour(source, index))
            painter.drawRect(QRectF(body.right() - legend_width, top + 6, 32, 32))
            self._line(painter, QRectF(body.right() - legend_width + 48, top, legend_width - 48, 44), label, 28)
            top += 60

    # -- KPIs -------------------------------------------------------------------------------------------

    def _paint_kpis(self, painter: QPainter, body: QRectF, content: KpisContent,
                    spotlight: Spotlight | None) -> None:
        theme = self.theme
        if not content.items:
            self._empty(painter, body, content.empty_text)
            return
        name_width, value_width, arrow_width = 900.0, 360.0, 90.0
        target_left = body.right() - value_width - 20
        baseline_left = target_left - arrow_width - value_width
        self._line(painter, QRectF(baseline_left, body.top(), value_width, 44), content.baseline_label, 26,
                   colour=theme.colour("muted_text"), align=Qt.AlignmentFlag.AlignRight)
        self._line(painter, QRectF(target_left, body.top(), value_width, 44), content.target_label, 26,
                   colour=theme.colour("muted_text"), align=Qt.AlignmentFlag.AlignRight)
        row_height = min(132.0, (body.height() - 50) / len(content.items))
        for number, item in enumerate(content.items):
            top = body.top() + 50 + number * row_height
            card = QRectF(body.left(), top + 5, body.width(), row_height - 10)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(theme.colour("panel"))
            painter.drawRoundedRect(card, 14, 14)
            self._line(painter, QRectF(card.left() + 24, card.top() + 6, name_width - 24, 36), item.kind_label, 24,
                       colour=theme.colour("muted_text"))
            self._paragraph(painter, QRectF(card.left() + 24, card.top() + 42, name_width - 24, card.height() - 46),
                            item.name, 34, bold=True, spacing=1.2, max_lines=2)
            self._line(painter, QRectF(baseline_left, card.top(), value_width, card.height()), item.baseline, 34,
                       align=Qt.AlignmentFlag.AlignRight)
            self._line(painter, QRectF(baseline_left + value_width, card.top(), arrow_width, card.height()), "→", 34,
                       colour=theme.colour("muted_text"), align=Qt.AlignmentFlag.AlignHCenter)
            self._line(painter, QRectF(target_left, card.top(), value_width, card.height()), item.target, 34,
                       bold=True, colour=theme.colour("accent"), align=Qt.AlignmentFlag.AlignRight)

    # -- workshop ratings (the static picture; the live capture is the workshop panel's) -----------------

    def _paint_ratings(self, painter: QPainter, body: QRectF, content: RatingsContent,
                       spotlight: Spotlight | None) -> None:
        theme = self.theme
        if not content.items:
            self._empty(painter, body, content.empty_text)
            return
        header = 44
        title_width, bar_left = 820.0, body.left() + 860
        bar_room = body.right() - bar_left - 420
        most = max(item.votes for item in content.items) or 1
        self._line(painter, QRectF(bar_left, body.top(), bar_room, header), content.votes_label, 26,
                   colour=theme.colour("muted_text"))
        self._line(painter, QRectF(body.right() - 400, body.top(), 400, header),
                   f"{content.impact_label} · {content.feasibility_label}", 26, colour=theme.colour("muted_text"),
                   align=Qt.AlignmentFlag.AlignRight)
        row_height = min(100.0, (body.height() - header) / len(content.items))
        for number, item in enumerate(content.items):
            top = body.top() + header + number * row_height
            lit = spotlight is None or item.initiative_id == spotlight[1]
            self._dimmed(painter, lit, spotlight)
            self._line(painter, QRectF(body.left(), top, title_width, row_height), f"{item.code} {item.title}", 30,
                       bold=True)
            width = bar_room * item.votes / most
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(theme.colour("accent"))
            painter.drawRect(QRectF(bar_left, top + row_height * 0.2, max(width, 2.0), row_height * 0.6))
            self._line(painter, QRectF(bar_left + width + 12, top, 120, row_height), str(item.votes), 30, bold=True)
            scores = f"{item.impact if item.impact is not None else '—'} · " \
                     f"{item.feasibility if item.feasibility is not None else '—'}"
            self._line(painter, QRectF(body.right() - 400, top, 400, row_height), scores, 30,
                       align=Qt.AlignmentFlag.AlignRight)
        painter.setOpacity(1.0)


def _tint(colour: QColor, strength: float) -> QColor:
    """`colour` mixed into white: a pale band that keeps the hue."""
    return QColor.fromRgbF(1 - (1 - colour.redF()) * strength, 1 - (1 - colour.greenF()) * strength,
                           1 - (1 - colour.blueF()) * strength)


def _millions(krw: int) -> str:
    millions = krw / 1_000_000
    return f"{round(millions):,}" if millions >= 10 else f"{millions:,.1f}"
