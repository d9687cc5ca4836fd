"""Colours, fonts and sizes of the roadmap: a colour-blind-safe palette and a large-type option for projectors."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtGui import QColor, QFont, QFontMetricsF

# Okabe-Ito, the colour-blind-safe palette: critical vs. other bars differ in hue, lightness and outline width.
BLUE = QColor("#0072B2")
VERMILLION = QColor("#D55E00")
BLUISH_GREEN = QColor("#009E73")
REDDISH_PURPLE = QColor("#CC79A7")
YELLOW = QColor("#F0E442")
SKY_BLUE = QColor("#56B4E9")

LARGE_TYPE_FACTOR = 1.5
DEFAULT_MONTH_WIDTH = 22.0
MIN_MONTH_WIDTH = 1.5
MAX_MONTH_WIDTH = 160.0


@dataclass
class RoadmapStyle:
    """Everything the items and the canvas draw with, sized from one base font."""

    base_font: QFont
    large_type: bool = False
    bar_colour: QColor = field(default_factory=lambda: QColor(BLUE))
    critical_colour: QColor = field(default_factory=lambda: QColor(VERMILLION))
    critical_outline: QColor = field(default_factory=lambda: QColor("#5C2600"))
    bar_outline: QColor = field(default_factory=lambda: QColor("#003A5C"))
    float_colour: QColor = field(default_factory=lambda: QColor("#8C8C8C"))
    link_colour: QColor = field(default_factory=lambda: QColor("#4D4D4D"))
    today_colour: QColor = field(default_factory=lambda: QColor(REDDISH_PURPLE))
    text_colour: QColor = field(default_factory=lambda: QColor("#1A1A1A"))
    muted_text_colour: QColor = field(default_factory=lambda: QColor("#5A5A5A"))
    plan_period_colour: QColor = field(default_factory=lambda: QColor("#FFFFFF"))
    outside_colour: QColor = field(default_factory=lambda: QColor("#E9E9E9"))
    lane_colour: QColor = field(default_factory=lambda: QColor("#DCE6F0"))
    lane_text_colour: QColor = field(default_factory=lambda: QColor("#14283C"))
    header_colour: QColor = field(default_factory=lambda: QColor("#F4F6F8"))
    grid_month: QColor = field(default_factory=lambda: QColor("#EFEFEF"))
    grid_quarter: QColor = field(default_factory=lambda: QColor("#D6D6D6"))
    grid_year: QColor = field(default_factory=lambda: QColor("#9E9E9E"))
    selection_colour: QColor = field(default_factory=lambda: QColor("#000000"))
    label_backdrop: QColor = field(default_factory=lambda: QColor(255, 255, 255, 215))
    ghost_fill: QColor = field(default_factory=lambda: QColor(0, 0, 0, 28))
    ghost_outline: QColor = field(default_factory=lambda: QColor("#505050"))

    def __post_init__(self) -> None:
        factor = LARGE_TYPE_FACTOR if self.large_type else 1.0
        size = self.base_font.pointSizeF()
        if size <= 0:
            size = 10.0
        self.font = QFont(self.base_font)
        self.font.setPointSizeF(max(size, 10.0) * 1.1 * factor)
        self.code_font = QFont(self.font)
        self.code_font.setBold(True)
        self.small_font = QFont(self.font)
        self.small_font.setPointSizeF(self.font.pointSizeF() * 0.78)
        self.header_font = QFont(self.font)
        self.header_font.setPointSizeF(self.font.pointSizeF() * 0.92)
        self.year_font = QFont(self.header_font)
        self.year_font.setBold(True)
        self.lane_font = QFont(self.font)
        self.lane_font.setBold(True)
        self.metrics = QFontMetricsF(self.font)
        self.code_metrics = QFontMetricsF(self.code_font)
        self.small_metrics = QFontMetricsF(self.small_font)
        self.header_metrics = QFontMetricsF(self.header_font)
        text_height = self.metrics.height()
        self.row_height = round(text_height * 2.15)
        self.lane_height = round(text_height * 1.7)
        self.bar_top = round(self.row_height * 0.14)
        self.bar_height = round(self.row_height * 0.56)
        self.tail_top = self.bar_top + self.bar_height + max(2, round(self.row_height * 0.05))
        self.tail_height = max(3, round(self.row_height * 0.09))
        self.header_row_height = round(self.header_metrics.height() * 1.45)
        self.label_gap = round(text_height * 0.7)  # between a bar's end and its outside label (links turn inside it)
        self.link_stub = round(text_height * 0.4)
        self.label_max_width = text_height * 26
        self.handle_width = max(6.0, text_height * 0.45)
        # Thin pens take the rasteriser's fast path (a 1.4 px dashed line costs three times a 1 px one).
        self.link_width = 2.0 if self.large_type else 1.0
        self.critical_link_width = 3.5 if self.large_type else 2.6

    def header_rows(self, month_width: float) -> tuple[bool, bool]:
        """Whether the header shows quarters and months at this zoom (years always)."""
        quarters = month_width * 3 >= self.header_metrics.horizontalAdvance("Q4") + 8
        months = month_width >= self.header_metrics.horizontalAdvance("12") + 8
        return quarters, months

    def header_height(self, month_width: float) -> int:
        quarters, months = self.header_rows(month_width)
        return self.header_row_height * (1 + int(quarters) + int(months))
