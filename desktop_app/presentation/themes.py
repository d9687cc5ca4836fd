"""The looks of presentation mode: the default theme and a high-contrast one, both on the Okabe–Ito palette."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor

from planner.i18n import N_, _

# Okabe & Ito (2008): the colour-blind-safe palette the reports and the other views use.
ORANGE = "#E69F00"
SKY_BLUE = "#56B4E9"
BLUISH_GREEN = "#009E73"
YELLOW = "#F0E442"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
REDDISH_PURPLE = "#CC79A7"
GREY = "#9E9E9E"

# Fields (lanes) take these in turn; sectors keep the colours the network view and the reports give them.
FIELD_PALETTE = (BLUE, VERMILLION, BLUISH_GREEN, ORANGE, REDDISH_PURPLE, SKY_BLUE, YELLOW)
SECTOR_COLOURS = {
    "central_government": BLUE,
    "local_government": VERMILLION,
    "public_agency": BLUISH_GREEN,
    "private_company": ORANGE,
    "global_partner": REDDISH_PURPLE,
    "civil_society": YELLOW,
    "academia": SKY_BLUE,
}
SOURCE_COLOURS = {"national": BLUE, "provincial": BLUISH_GREEN, "municipal": ORANGE, "private": REDDISH_PURPLE,
                  "other": SKY_BLUE}

THEME_LABELS = {"default": N_("Default"), "high-contrast": N_("High contrast")}


@dataclass(frozen=True)
class Theme:
    """Every colour and line width a slide is drawn with."""

    name: str
    background: str
    text: str
    muted_text: str
    accent: str  # title rules, the revealed year, the spotlight's outline
    panel: str  # cards, lane bands, the quadrant of most interest
    grid_line: str
    outline: str  # around bars and markers
    line_width: float  # the base width of every line, in 1920×1080 pixels
    dim_opacity: float  # what is outside a spotlight is drawn at this opacity
    high_contrast: bool

    def colour(self, name: str) -> QColor:
        return QColor(getattr(self, name))

    def field_colour(self, index: int) -> QColor:
        return QColor(FIELD_PALETTE[index % len(FIELD_PALETTE)])

    def sector_colour(self, sector: str) -> QColor:
        return QColor(SECTOR_COLOURS.get(sector, GREY))

    def source_colour(self, source: str, index: int) -> QColor:
        return QColor(SOURCE_COLOURS.get(source, FIELD_PALETTE[index % len(FIELD_PALETTE)]))


DEFAULT_THEME = Theme(
    name="default", background="#FFFFFF", text="#141414", muted_text="#4A4A4A", accent="#0072B2",
    panel="#EEF3F8", grid_line="#B8B8B8", outline="#1F1F1F", line_width=2.0, dim_opacity=0.18,
    high_contrast=False,
)
HIGH_CONTRAST_THEME = Theme(
    name="high-contrast", background="#000000", text="#FFFFFF", muted_text="#F0F0F0", accent="#FFE600",
    panel="#1C1C1C", grid_line="#FFFFFF", outline="#FFFFFF", line_width=4.0, dim_opacity=0.22,
    high_contrast=True,
)
THEMES = {theme.name: theme for theme in (DEFAULT_THEME, HIGH_CONTRAST_THEME)}


def theme_named(name: str) -> Theme:
    """The theme called `name` ("default" or "high-contrast"); ValueError naming the choices otherwise."""
    try:
        return THEMES[name]
    except KeyError:
        raise ValueError(_("There is no presentation theme '{name}'; choose one of: {names}.").format(
            name=name, names=", ".join(THEMES))) from None


def readable_text_on(fill: QColor) -> QColor:
    """Black or white, whichever reads better on `fill` (by relative luminance)."""
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    luminance = 0.2126 * channel(fill.redF()) + 0.7152 * channel(fill.greenF()) + 0.0722 * channel(fill.blueF())
    return QColor("#000000") if luminance > 0.22 else QColor("#FFFFFF")
