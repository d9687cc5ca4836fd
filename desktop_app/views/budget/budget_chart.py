"""Stacked bars of a budget by fiscal year and funding source, drawn into a standalone matplotlib Figure."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from desktop_app.charts import COLOUR_BLIND_SAFE, apply_korean_font, plain_text
from desktop_app.models.money_format import MILLION, million_unit
from planner.budget import BudgetMatrix
from planner.i18n import _
from planner.model.vocabulary import FUNDING_SOURCES, label

if TYPE_CHECKING:
    from matplotlib.figure import Figure

# Every source keeps its colour whatever the scope shows (national always blue, and so on).
SOURCE_COLOURS = dict(zip(FUNDING_SOURCES, COLOUR_BLIND_SAFE, strict=False))

# The widest chart title, in columns (a Hangul syllable takes two); longer titles end in an ellipsis.
TITLE_COLUMNS = 64


def elided(text: str, columns: int) -> str:
    """`text` cut to `columns` display columns (wide East Asian characters count two), ending in '…'."""
    def width(character: str) -> int:
        return 2 if unicodedata.east_asian_width(character) in ("W", "F") else 1

    if sum(width(character) for character in text) <= columns:
        return text
    kept, used = [], 0
    for character in text:
        if used + width(character) > columns - 1:
            break
        kept.append(character)
        used += width(character)
    return "".join(kept).rstrip() + "…"


def source_colour(source: str, number: int) -> str:
    """The colour of a source; unknown codes take the palette's later colours by position."""
    extra = COLOUR_BLIND_SAFE[len(SOURCE_COLOURS):]
    return SOURCE_COLOURS.get(source) or extra[number % len(extra)]


def draw_budget_chart(figure: Figure, matrix: BudgetMatrix, title: str, executed: bool = False) -> None:
    """Replace the figure's content with one bar container per source, stacked by year, in KRW million.
    `title` may be user text: it is drawn literally (no mathtext)."""
    from matplotlib.ticker import FuncFormatter

    figure.clear()
    axes = figure.add_subplot()
    positions = list(range(len(matrix.years)))
    bottoms = [0.0] * len(positions)
    for number, source in enumerate(matrix.sources):
        heights = [matrix.cell(year, source, executed) / MILLION for year in matrix.years]
        axes.bar(positions, heights, bottom=bottoms, width=0.62, label=label(FUNDING_SOURCES, source),
                 color=source_colour(source, number), edgecolor="white", linewidth=0.8, zorder=3)
        bottoms = [bottom + height for bottom, height in zip(bottoms, heights, strict=True)]
    axes.set_xticks(positions, [str(year) for year in matrix.years])
    axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _position: f"{value:,.0f}"))
    axes.set_ylabel(million_unit())
    axes.set_xlabel(_("Fiscal year"))
    # Not wrap=True: matplotlib 3.11 measures wrapped words as mathtext even with parse_math=False.
    axes.set_title(elided(title, TITLE_COLUMNS), loc="left", parse_math=False)
    axes.grid(axis="y", color="#dddddd", linewidth=0.8, zorder=0)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    if matrix.sources:
        handles, labels = axes.get_legend_handles_labels()
        # Listed top to bottom as the segments are stacked.
        axes.legend(handles[::-1], labels[::-1], loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    else:
        axes.set_ylim(0, 1)
        axes.set_yticks([])
        axes.text(0.5, 0.5, _("No budget lines yet."), transform=axes.transAxes, ha="center", va="center",
                  color="#777777")
    apply_korean_font(figure)
    plain_text(figure)
