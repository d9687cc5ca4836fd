"""The budget chart: planned money stacked by funding source for each fiscal year, in 백만원 (KRW million)."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.graphics.shapes import Drawing, Group, Line, Rect
from reportlab.lib.colors import Color, HexColor

from planner.budget import BudgetMatrix
from planner.i18n import N_
from planner.model.vocabulary import FUNDING_SOURCES
from planner.reports.charts import (
    BLUISH_GREEN,
    DARK_GREY,
    LABEL_SIZE,
    LIGHT_GREY,
    MM,
    ORANGE,
    REDDISH_PURPLE,
    SKY_BLUE,
    YELLOW,
    LegendEntry,
    fit_text,
    label,
    legend,
    nice_ticks,
    placed,
    text_width,
)
from planner.reports.context import money_millions

# Light enough for black labels inside the segments; distinct for colour-blind readers (Okabe–Ito).
SOURCE_COLOURS: dict[str, Color] = {
    "national": SKY_BLUE,
    "provincial": ORANGE,
    "municipal": BLUISH_GREEN,
    "private": YELLOW,
    "other": HexColor("#C8C8C8"),
}
EXTRA_COLOURS = (REDDISH_PURPLE, HexColor("#A6D8F5"), HexColor("#F5CE80"), HexColor("#80CFB9"))
CHART_HEIGHT = 100 * MM
MILLION = 1_000_000


def source_colour(source: str, unknown_index: int = 0) -> Color:
    return SOURCE_COLOURS.get(source) or EXTRA_COLOURS[unknown_index % len(EXTRA_COLOURS)]


def budget_drawing(matrix: BudgetMatrix, width: float, tr: Callable[[str], str],
                   height: float = CHART_HEIGHT) -> Drawing:
    """Stacked bars of `matrix`'s planned money: one bar per fiscal year, one segment per source (in
    vocabulary order from the bottom), the year's total above each bar; y axis in 백만원 with round ticks."""
    sources = list(matrix.sources)
    unknown = [source for source in sources if source not in SOURCE_COLOURS]
    colours = {source: source_colour(source, unknown.index(source) if source in unknown else 0)
               for source in sources}
    names = {source: tr(FUNDING_SOURCES[source]) if source in FUNDING_SOURCES else source for source in sources}
    years = list(matrix.years)
    totals = {year: sum(max(matrix.cell(year, source), 0) for source in sources) for year in years}
    ticks = nice_ticks(0, max(totals.values(), default=0) / MILLION)
    tick_texts = [money_millions(round(tick * MILLION)) for tick in ticks]
    axis_width = max(text_width(text) for text in tick_texts) + 6
    unit = tr(N_("(Unit: KRW million)"))
    entries = [LegendEntry(names[source], colours[source], stroke=DARK_GREY) for source in sources]
    legend_group, legend_height = legend(entries, width - axis_width)

    drawing = Drawing(width, height)
    top_space = LABEL_SIZE * 2.6  # the unit line and room for the totals above the tallest bar
    bottom_space = LABEL_SIZE * 2.2 + 6 + legend_height  # year labels and the legend
    plot_left, plot_right = axis_width, width - 2
    plot_bottom, plot_top = bottom_space, height - top_space
    scale = (plot_top - plot_bottom) / (ticks[-1] - ticks[0])

    def y_of(millions: float) -> float:
        return plot_bottom + (millions - ticks[0]) * scale

    grid = Group()
    bars = Group()
    words = Group()
    words.add(label(0, height - LABEL_SIZE, fit_text(unit, width)))
    for tick, text in zip(ticks, tick_texts, strict=True):
        y = y_of(tick)
        grid.add(Line(plot_left, y, plot_right, y, strokeColor=LIGHT_GREY if tick else DARK_GREY,
                      strokeWidth=0.4 if tick else 0.8))
        words.add(label(plot_left - 4, y - LABEL_SIZE * 0.35, text, anchor="end"))
    grid.add(Line(plot_left, plot_bottom, plot_left, plot_top, strokeColor=DARK_GREY, strokeWidth=0.6))

    slot = (plot_right - plot_left) / max(1, len(years))
    bar_width = min(slot * 0.55, 28 * MM)
    for index, year in enumerate(years):
        centre = plot_left + slot * (index + 0.5)
        left = centre - bar_width / 2
        base = 0.0
        for source in sources:
            amount = max(matrix.cell(year, source), 0)
            if not amount:
                continue
            bottom, top = y_of(base / MILLION), y_of((base + amount) / MILLION)
            bars.add(Rect(left, bottom, bar_width, top - bottom, fillColor=colours[source], strokeColor=DARK_GREY,
                          strokeWidth=0.4))
            text = money_millions(amount)
            if top - bottom >= LABEL_SIZE + 3 and text_width(text) <= bar_width - 4:
                words.add(label(centre, (bottom + top) / 2 - LABEL_SIZE * 0.35, text, anchor="middle"))
            base += amount
        words.add(label(centre, y_of(base / MILLION) + 3, fit_text(money_millions(totals[year]), slot, bold=True),
                        bold=True, anchor="middle"))
        words.add(label(centre, plot_bottom - LABEL_SIZE - 4, fit_text(str(year), slot), anchor="middle"))
    for group in (grid, bars, words):
        drawing.add(group)
    drawing.add(placed(legend_group, plot_left, legend_height))
    return drawing
