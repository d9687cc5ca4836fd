"""Colours, line styles and sizes of the dependency graph (Okabe–Ito colours, safe for colour-blind readers)."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from planner.i18n import N_

# Okabe & Ito (2008): distinguishable with every common colour-vision deficiency.
VERMILLION = QColor("#D55E00")  # critical
BLUE = QColor("#0072B2")  # the selected node and its upstream chain
BLUISH_GREEN = QColor("#009E73")  # downstream chain
SKY_TINT = QColor("#DCEEFA")  # upstream fill
GREEN_TINT = QColor("#D2F0E6")  # downstream fill
CRITICAL_TINT = QColor("#FBE3D2")  # critical fill
NODE_FILL = QColor("#FFFFFF")
NODE_BORDER = QColor("#7A7A7A")
EDGE_COLOUR = QColor("#5F5F5F")
TEXT_COLOUR = QColor("#1F1F1F")
MUTED_TEXT = QColor("#5A5A5A")
SCENE_BACKGROUND = QColor("#F7F7F5")

FADED_OPACITY = 0.22
CONTEXT_OPACITY = 0.45  # initiatives of another field shown because they link to the filtered one

# Sizes in scene units (pixels at 100 %).
NODE_WIDTH = 150.0
NODE_HEIGHT = 86.0
COLUMN_GAP = 58.0
ROW_GAP = 18.0
DUMMY_HEIGHT = 10.0
ARROW_LENGTH = 11.0
CODE_PIXELS = 16
TITLE_PIXELS = 14
LABEL_PIXELS = 12
TITLE_LINES = 3
# Below these zoom levels the text is not drawn (level of detail for large plans).
TEXT_MIN_SCALE = 0.42
SHAPE_MIN_SCALE = 0.15  # below: nodes as plain blocks, edges without arrowheads
EDGE_LABEL_MIN_SCALE = 0.55

# The line of each dependency type; names as in planner.model.vocabulary.DEPENDENCY_TYPES.
TYPE_PEN_STYLES = {
    "FS": Qt.PenStyle.SolidLine,
    "SS": Qt.PenStyle.DashLine,
    "FF": Qt.PenStyle.DotLine,
    "SF": Qt.PenStyle.DashDotLine,
}
# FF's dots: square ones (round caps on tiny dashes cost about 40 times more to draw).
DOT_PATTERN = [1.0, 1.6]
TYPE_NAMES = {
    "FS": N_("Finish to start"),
    "SS": N_("Start to start"),
    "FF": N_("Finish to finish"),
    "SF": N_("Start to finish"),
}


class Role(Enum):
    """How a node or edge is shown relative to the current selection and field filter."""

    NORMAL = "normal"
    SELECTED = "selected"
    UPSTREAM = "upstream"
    DOWNSTREAM = "downstream"
    FADED = "faded"  # off the selected chains, or from another field shown for context
