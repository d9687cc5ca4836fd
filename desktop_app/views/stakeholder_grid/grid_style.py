"""Colours, marker shapes and projector-sized fonts of the stakeholder grid (Okabe–Ito, colour-blind safe)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainterPath, QPolygonF

from planner.i18n import N_

# Okabe–Ito: one hue per sector; shapes (not colours alone) tell the attitudes apart.
SECTOR_COLOURS = {
    "central_government": QColor("#0072B2"),  # blue
    "local_government": QColor("#D55E00"),  # vermillion
    "public_agency": QColor("#009E73"),  # bluish green
    "private_company": QColor("#E69F00"),  # orange
    "global_partner": QColor("#CC79A7"),  # reddish purple
    "civil_society": QColor("#56B4E9"),  # sky blue
    "academia": QColor("#F0E442"),  # yellow
}
UNKNOWN_SECTOR_COLOUR = QColor("#8C8C8C")
ATTITUDE_SHAPES = {
    "champion": "star",
    "supportive": "circle",
    "neutral": "diamond",
    "sceptical": "triangle",
    "opposed": "square",
}
ATTITUDE_SYMBOLS = {"champion": "★", "supportive": "●", "neutral": "◆", "sceptical": "▲", "opposed": "■"}
# The quadrants by engagement strategy: (high influence?, high interest?), a light tint, the name.
QUADRANTS = {
    "keep_satisfied": (True, False, QColor("#FCEFD2"), N_("Keep satisfied")),
    "manage_closely": (True, True, QColor("#F9DCCB"), N_("Manage closely")),
    "monitor": (False, False, QColor("#EEEEEE"), N_("Monitor")),
    "keep_informed": (False, True, QColor("#DDEEF9"), N_("Keep informed")),
}
HIGH_FROM = 3  # engagement_for: 3 and above is high
TEXT_COLOUR = QColor("#1A1A1A")
MUTED_TEXT_COLOUR = QColor("#4A4A4A")
OUTLINE_COLOUR = QColor("#1A1A1A")
CELL_LINE_COLOUR = QColor("#BFBFBF")
QUADRANT_LINE_COLOUR = QColor("#4D4D4D")
SELECTION_COLOUR = QColor("#000000")
ARROW_COLOUR = QColor("#333333")
LABEL_BACKDROP = QColor(255, 255, 255, 225)


def sector_colour(sector: str) -> QColor:
    return QColor(SECTOR_COLOURS.get(sector, UNKNOWN_SECTOR_COLOUR))


def marker_path(attitude: str, radius: float) -> QPainterPath:
    """The outline of an attitude's marker, centred on (0, 0), about 2·radius across."""
    shape = ATTITUDE_SHAPES.get(attitude, "circle")
    path = QPainterPath()
    if shape == "circle":
        path.addEllipse(QPointF(0, 0), radius * 0.9, radius * 0.9)
    elif shape == "square":
        side = radius * 0.8
        path.addRect(-side, -side, 2 * side, 2 * side)
    elif shape == "diamond":
        path.addPolygon(QPolygonF([QPointF(0, -radius), QPointF(radius, 0), QPointF(0, radius), QPointF(-radius, 0)]))
    elif shape == "triangle":
        path.addPolygon(QPolygonF([QPointF(0, -radius), QPointF(radius, radius * 0.8),
                                   QPointF(-radius, radius * 0.8)]))
    else:  # star
        points = []
        for number in range(10):
            angle = -math.pi / 2 + number * math.pi / 5
            length = radius * (1.15 if number % 2 == 0 else 0.5)
            points.append(QPointF(length * math.cos(angle), length * math.sin(angle)))
        path.addPolygon(QPolygonF(points))
    path.closeSubpath()
    return path


@dataclass
class GridStyle:
    """Fonts and sizes from one base font, large enough to read on a projector."""

    base_font: QFont

    def __post_init__(self) -> None:
        size = self.base_font.pointSizeF()
        if size <= 0:
            size = 10.0
        size = max(size, 10.0) * 1.45
        self.label_font = QFont(self.base_font)
        self.label_font.setPointSizeF(size)
        self.axis_font = QFont(self.base_font)
        self.axis_font.setPointSizeF(size * 1.1)
        self.axis_font.setBold(True)
        self.tick_font = QFont(self.base_font)
        self.tick_font.setPointSizeF(size)
        self.quadrant_font = QFont(self.base_font)
        self.quadrant_font.setPointSizeF(size * 1.2)
        self.quadrant_font.setBold(True)
        self.label_metrics = QFontMetricsF(self.label_font)
        self.axis_metrics = QFontMetricsF(self.axis_font)
        self.tick_metrics = QFontMetricsF(self.tick_font)
        self.quadrant_metrics = QFontMetricsF(self.quadrant_font)
        self.marker_radius = max(8.0, self.label_metrics.height() * 0.45)
