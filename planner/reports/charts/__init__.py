"""The report's charts as vector drawings, and what they share: palette, text fitting, legends, ticks, arrows.

Why vector reportlab.graphics Drawings rather than matplotlib images: a chart drawn with reportlab's own shapes
(Rect, Line, PolyLine, Polygon, String, Circle, Group) is written into the PDF as vector paths and text, so it
prints crisp at any size and zoom; its text uses the same embedded NanumGothic subset as the body (no second
copy of the font, and the chart's words are searchable and extractable); building one takes a few milliseconds
where a matplotlib figure rendered to PNG takes about 150 ms, which matters for a 100-page plan with dozens of
chart pages; and a String draws its text literally — matplotlib would read `$5 to $10` as mathtext, reportlab
prints it as typed. The layouts here are simple (bars, grids, points, lines), so nothing matplotlib offers is
missed. Every label is user text made plain (no control characters, newlines as spaces) and shortened with "…"
to the width it is given, measured with pdfmetrics.stringWidth in the font it is drawn in.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Circle, Group, Line, Polygon, Rect, String
from reportlab.lib.colors import Color, HexColor, black, white
from reportlab.pdfbase.pdfmetrics import stringWidth

from planner.palette import OKABE_ITO
from planner.palette import SECTOR_COLOURS as PALETTE_SECTOR_COLOURS
from planner.reports.context import FONT_BOLD, FONT_REGULAR, MM, clean, register_fonts

# Okabe & Ito (2008), the colour-blind-safe palette (the desktop views use the same colours).
ORANGE = HexColor(OKABE_ITO["orange"])
SKY_BLUE = HexColor(OKABE_ITO["sky_blue"])
BLUISH_GREEN = HexColor(OKABE_ITO["bluish_green"])
YELLOW = HexColor(OKABE_ITO["yellow"])
BLUE = HexColor(OKABE_ITO["blue"])
VERMILLION = HexColor(OKABE_ITO["vermillion"])
REDDISH_PURPLE = HexColor(OKABE_ITO["reddish_purple"])
GREY = HexColor("#9E9E9E")
LIGHT_GREY = HexColor("#D9D9D9")
PALE_GREY = HexColor("#F2F2F2")
DARK_GREY = HexColor("#4D4D4D")
TEXT = black
MUTED_TEXT = HexColor("#404040")

# The fill of each sector, as the desktop network view has it (planner.palette).
SECTOR_COLOURS: dict[str, Color] = {sector: HexColor(value) for sector, value in PALETTE_SECTOR_COLOURS.items()}
UNKNOWN_SECTOR_COLOUR = GREY

LABEL_SIZE = 8.0  # the smallest type any chart uses: legible when printed
TITLE_SIZE = 9.0
ELLIPSIS = "…"
_NARROWEST_GLYPH = 0.12  # of the font size: no NanumGothic glyph is narrower, so longer text is cut unmeasured


def font(bold: bool = False) -> str:
    """The chart font name (registered with reportlab on first use)."""
    register_fonts()
    return FONT_BOLD if bold else FONT_REGULAR


def plain(text: object) -> str:
    """User text for one line of a chart: control characters and newlines become spaces, ends trimmed."""
    return clean("" if text is None else str(text)).replace("\n", " ").strip()


def text_width(text: str, size: float = LABEL_SIZE, bold: bool = False) -> float:
    """The width of a text in points, in the chart font."""
    return stringWidth(text, font(bold), size)


def _fitting_prefix(line: str, width: float, name: str, size: float, suffix: str = "") -> int:
    """How many leading characters of `line` fit in `width` followed by `suffix` (binary search)."""
    low, high = 0, min(len(line), int(width / (size * _NARROWEST_GLYPH)) + 1)
    while low < high:
        middle = (low + high + 1) // 2
        if stringWidth(line[:middle].rstrip() + suffix, name, size) <= width:
            low = middle
        else:
            high = middle - 1
    return low


def fit_text(text: object, width: float, size: float = LABEL_SIZE, bold: bool = False) -> str:
    """One line of plain text no wider than `width`, cut with "…" when it is longer ("" when nothing fits)."""
    line = plain(text)
    if width <= 0 or not line:
        return ""
    name = font(bold)
    if len(line) <= width / (size * _NARROWEST_GLYPH) + 1 and stringWidth(line, name, size) <= width:
        return line
    if stringWidth(ELLIPSIS, name, size) > width:
        return ""
    return line[:_fitting_prefix(line, width, name, size, ELLIPSIS)].rstrip() + ELLIPSIS


def wrap_text(text: object, width: float, size: float = LABEL_SIZE, bold: bool = False,
              max_lines: int = 2) -> list[str]:
    """Plain text broken into at most `max_lines` lines of `width` (at spaces, else anywhere: Korean may break
    between syllables); the last line is cut with "…" when text is left over."""
    name = font(bold)
    rest = plain(text)
    lines: list[str] = []
    while rest and len(lines) < max_lines:
        if len(lines) == max_lines - 1 or (len(rest) <= width / (size * _NARROWEST_GLYPH) + 1
                                           and stringWidth(rest, name, size) <= width):
            lines.append(fit_text(rest, width, size, bold))
            break
        cut = max(_fitting_prefix(rest, width, name, size), 1)
        if rest[cut:cut + 1] != " ":
            space = rest.rfind(" ", 0, cut)
            if space > 0:
                cut = space
        lines.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    return [line for line in lines if line]


def label(x: float, y: float, text: str, size: float = LABEL_SIZE, *, bold: bool = False, anchor: str = "start",
          colour: Color = TEXT) -> String:
    """A String in the chart font (text drawn literally; callers fit it first)."""
    return String(x, y, text, fontName=font(bold), fontSize=size, fillColor=colour, textAnchor=anchor)


def rotated_label(x: float, y: float, text: str, size: float = LABEL_SIZE, *, bold: bool = False,
                  anchor: str = "middle") -> Group:
    """A label turned a quarter to the left (reading upwards), its baseline through (x, y)."""
    group = Group(label(0, 0, text, size, bold=bold, anchor=anchor))
    group.transform = (0, 1, -1, 0, x, y)
    return group


def arrow_head(x: float, y: float, dx: float, dy: float, size: float = 4.0, colour: Color = DARK_GREY) -> Polygon:
    """A filled triangle with its tip at (x, y) pointing along (dx, dy)."""
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    back_x, back_y = x - ux * size, y - uy * size
    half = size * 0.45
    return Polygon([x, y, back_x - uy * half, back_y + ux * half, back_x + uy * half, back_y - ux * half],
                   fillColor=colour, strokeColor=None, strokeWidth=0)


def diamond(x: float, y: float, half: float, fill: Color = black, stroke: Color | None = black,
            stroke_width: float = 0.5) -> Polygon:
    """A milestone diamond centred on (x, y)."""
    return Polygon([x - half, y, x, y + half, x + half, y, x, y - half], fillColor=fill, strokeColor=stroke,
                   strokeWidth=stroke_width if stroke is not None else 0)


def nice_step(span: float, count: int = 5) -> float:
    """A round step (1, 2, 2.5 or 5 × 10^n) giving about `count` intervals over `span`."""
    if span <= 0:
        return 1.0
    raw = span / count
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values from at most `low` to at least `high` (0 included when the range spans it)."""
    low, high = min(low, 0.0), max(high, 0.0)
    if high - low <= 0:
        high = low + 1
    step = nice_step(high - low, count)
    first = math.floor(low / step) * step
    last = math.ceil(high / step) * step
    return [first + step * index for index in range(round((last - first) / step) + 1)]


def number_text(value: float | int, decimals: int = 0) -> str:
    """A number with thousands separators and at most `decimals` decimals (trailing zeros dropped)."""
    text = f"{value:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


@dataclass(frozen=True)
class LegendEntry:
    """One entry of a legend: a swatch (bar, point, diamond, line or arrow) and its text."""

    text: str
    colour: Color
    kind: str = "bar"  # bar | point | diamond | line | arrow | pointed
    stroke: Color | None = None


SWATCH = 10.0  # width of a legend swatch
_ENTRY_GAP = 12.0


def _swatch(entry: LegendEntry, x: float, y: float) -> list[object]:
    middle = y + LABEL_SIZE * 0.35
    if entry.kind == "point":
        return [Circle(x + SWATCH / 2, middle, 3.2, fillColor=entry.colour, strokeColor=entry.stroke or DARK_GREY,
                       strokeWidth=0.5)]
    if entry.kind == "diamond":
        return [diamond(x + SWATCH / 2, middle, 3.5, entry.colour, entry.stroke)]
    if entry.kind == "line":
        return [Line(x, middle, x + SWATCH, middle, strokeColor=entry.colour, strokeWidth=1.2)]
    if entry.kind == "arrow":
        return [Line(x, middle, x + SWATCH - 3, middle, strokeColor=entry.colour, strokeWidth=0.6),
                arrow_head(x + SWATCH, middle, 1, 0, 3.5, entry.colour)]
    if entry.kind == "pointed":
        top, bottom = middle + 3, middle - 3
        return [Polygon([x, bottom, x + SWATCH - 3, bottom, x + SWATCH, middle, x + SWATCH - 3, top, x, top],
                        fillColor=entry.colour, strokeColor=entry.stroke, strokeWidth=0.5 if entry.stroke else 0)]
    return [Rect(x, middle - 3, SWATCH, 6, fillColor=entry.colour, strokeColor=entry.stroke,
                 strokeWidth=0.5 if entry.stroke else 0)]


def legend(entries: Sequence[LegendEntry], width: float, size: float = LABEL_SIZE) -> tuple[Group, float]:
    """Legend entries in rows from the left, a new row when the next would pass `width`; (group, height).

    The group's origin is its top left corner (rows go downwards); each text is cut to fit the width."""
    group = Group()
    row_height = size * 1.6
    x, row = 0.0, 0
    for entry in entries:
        text = fit_text(entry.text, width - SWATCH - 4, size)
        needed = SWATCH + 4 + text_width(text, size)
        if x > 0 and x + needed > width:
            x, row = 0.0, row + 1
        baseline = -(row + 1) * row_height + (row_height - size) / 2 + size * 0.2
        for shape in _swatch(entry, x, baseline):
            group.add(shape)
        group.add(label(x + SWATCH + 4, baseline, text, size))
        x += needed + _ENTRY_GAP
    rows = row + 1 if entries else 0
    return group, rows * row_height


def placed(group: Group, dx: float, dy: float) -> Group:
    """A group moved by (dx, dy)."""
    group.translate(dx, dy)
    return group


def sector_colour(sector: str) -> Color:
    return SECTOR_COLOURS.get(sector, UNKNOWN_SECTOR_COLOUR)


def ordered_sectors(codes: Iterable[str]) -> list[str]:
    """Sector codes in vocabulary order, unknown codes after them alphabetically."""
    from planner.model.vocabulary import SECTORS

    used = set(codes)
    return [code for code in SECTORS if code in used] + sorted(used - set(SECTORS))


def lighter(colour: Color, amount: float) -> Color:
    """A colour mixed with white (amount 0 = the colour, 1 = white)."""
    return Color(colour.red + (1 - colour.red) * amount, colour.green + (1 - colour.green) * amount,
                 colour.blue + (1 - colour.blue) * amount)


__all__ = [
    "BLUE", "DARK_GREY", "ELLIPSIS", "GREY", "LABEL_SIZE", "LIGHT_GREY", "MM", "MUTED_TEXT", "PALE_GREY",
    "SECTOR_COLOURS", "SKY_BLUE", "TEXT", "TITLE_SIZE", "VERMILLION", "LegendEntry", "arrow_head", "diamond",
    "fit_text", "font", "label", "legend", "lighter", "nice_ticks", "number_text", "ordered_sectors", "placed",
    "plain", "rotated_label", "sector_colour", "text_width", "white", "wrap_text",
]
