"""The one home of matplotlib in the GUI: standalone Figures with the Korean font, and their Qt canvas."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from planner.fonts import FONT_FAMILY, FONT_FILES, font_path

if TYPE_CHECKING:  # matplotlib is imported only when a chart is made (start-up time)
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure
    from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

# Okabe & Ito's palette, distinguishable with every common colour-vision deficiency (and in grey).
COLOUR_BLIND_SAFE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
# Families tried in turn for each glyph: NanumGothic (Hangul and Latin), then matplotlib's own font.
FONT_FAMILIES = [FONT_FAMILY, "DejaVu Sans"]

_font_registered: bool | None = None


def register_korean_font() -> bool:
    """Add NanumGothic (regular and bold) to matplotlib's font manager once; False if the files are missing."""
    global _font_registered
    if _font_registered is not None:
        return _font_registered
    from matplotlib import font_manager

    added = False
    for weight in FONT_FILES:
        try:
            font_manager.fontManager.addfont(str(font_path(weight)))
            added = True
        except (FileNotFoundError, RuntimeError, OSError) as error:
            log.warning("Korean chart font %s not loaded: %s", weight, error)
    _font_registered = added
    return added


def make_figure(width_inches: float = 8.0, height_inches: float = 4.5, dpi: float = 100) -> Figure:
    """A standalone Figure (never pyplot: no global figure state) laid out so labels are not clipped.
    Call apply_korean_font(figure) after drawing into it."""
    from matplotlib.figure import Figure

    register_korean_font()
    return Figure(figsize=(width_inches, height_inches), dpi=dpi, layout="constrained")


def apply_korean_font(figure: Figure) -> None:
    """Give every text of the figure (titles, labels, legend, tick labels, also future ticks) the Korean
    font, on this figure only: rcParams stay untouched."""
    from matplotlib.text import Text

    if not register_korean_font():
        return
    for axes in figure.axes:
        axes.tick_params(labelfontfamily=FONT_FAMILIES)
    for text in figure.findobj(Text):
        text.set_fontfamily(FONT_FAMILIES)


def plain_text(figure: Figure) -> None:
    """Draw every text of the figure literally: '$' in user text is not mathtext (RELIABILITY.md)."""
    from matplotlib.text import Text

    for text in figure.findobj(Text):
        text.set_parse_math(False)


def make_canvas(figure: Figure, parent: QWidget | None = None) -> FigureCanvasQTAgg:
    """A Qt widget drawing `figure` (Agg rendering), growing with its layout."""
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from PySide6.QtWidgets import QSizePolicy

    canvas = FigureCanvasQTAgg(figure)
    if parent is not None:
        canvas.setParent(parent)
    canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
    return canvas
