"""Colours, line styles and sizes of the stakeholder network (Okabe–Ito colours, safe for colour-blind readers)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from planner.palette import OKABE_ITO
from planner.palette import SECTOR_COLOURS as PALETTE_SECTOR_COLOURS

# Okabe & Ito (2008), from planner.palette (the reports draw with the same colours).
ORANGE = QColor(OKABE_ITO["orange"])
SKY_BLUE = QColor(OKABE_ITO["sky_blue"])
BLUISH_GREEN = QColor(OKABE_ITO["bluish_green"])
YELLOW = QColor(OKABE_ITO["yellow"])
BLUE = QColor(OKABE_ITO["blue"])
VERMILLION = QColor(OKABE_ITO["vermillion"])
REDDISH_PURPLE = QColor(OKABE_ITO["reddish_purple"])
BLACK = QColor(OKABE_ITO["black"])
GREY = QColor("#8C8C8C")

SCENE_BACKGROUND = QColor("#F7F7F5")
TEXT_COLOUR = QColor("#1F1F1F")
NODE_OUTLINE = QColor("#3A3A3A")
BROKER_RING = BLACK
SELECTED_RING = BLUE
HIGHLIGHT_RING = VERMILLION
LABEL_BACKDROP = QColor(247, 247, 245, 200)

# The fill of each sector (planner.palette).
SECTOR_COLOURS = {sector: QColor(value) for sector, value in PALETTE_SECTOR_COLOURS.items()}
# Communities are coloured in this order (the largest first); more communities repeat it.
COMMUNITY_COLOURS = (BLUE, ORANGE, BLUISH_GREEN, VERMILLION, SKY_BLUE, REDDISH_PURPLE, YELLOW, GREY)

# The colour and line of each relation type (codes as in planner.model.vocabulary.RELATION_TYPES).
RELATION_COLOURS = {
    "funds": QColor("#B07A00"),
    "regulates": VERMILLION,
    "partners": BLUISH_GREEN,
    "supplies": BLUE,
    "advises": QColor("#2C8CC4"),
    "represents": REDDISH_PURPLE,
    "informs": QColor("#6E6E6E"),
    "reports_to": BLACK,
}
RELATION_PEN_STYLES = {
    "funds": Qt.PenStyle.SolidLine,
    "regulates": Qt.PenStyle.DashLine,
    "partners": Qt.PenStyle.SolidLine,
    "supplies": Qt.PenStyle.DashDotLine,
    "advises": Qt.PenStyle.DotLine,
    "represents": Qt.PenStyle.DashLine,
    "informs": Qt.PenStyle.DotLine,
    "reports_to": Qt.PenStyle.DashDotLine,
}
DEFAULT_RELATION_COLOUR = QColor("#5F5F5F")

FADED_OPACITY = 0.18

# Sizes in scene units (pixels at 100 %).
BASE_RADIUS = 9.0
RADIUS_PER_INFLUENCE = 4.5  # influence 1..5 → radius 13.5..31.5
ARROW_LENGTH = 11.0
LABEL_PIXELS = 13
EDGE_LABEL_PIXELS = 11
UNIT_SPACING = 120.0  # the unit square is scaled to about this many scene units per √node
MIN_SIDE = 700.0
# Level of detail: below these zoom levels labels (and then arrowheads) are not drawn.
LABEL_MIN_SCALE = 0.45
ARROW_MIN_SCALE = 0.2


def node_radius(influence: int) -> float:
    return BASE_RADIUS + RADIUS_PER_INFLUENCE * max(1, min(5, influence))


def edge_width(strength: int) -> float:
    return 0.6 + 0.55 * max(1, min(5, strength))


def scene_side(count: int) -> float:
    """The side of the square the unit-square layouts are scaled to, for `count` stakeholders."""
    return max(MIN_SIDE, UNIT_SPACING * count ** 0.5 * 1.6)
