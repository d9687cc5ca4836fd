"""The power/interest grid: 5 × 5 cells, the four engagement quadrants, every stakeholder listed in its cell.

Placement is greedy and never overlaps: the stakeholders of one cell are spread down the cell one per line
(a point in the sector's colour, then the name cut to the cell's width); a cell with more than its lines hold
ends with "+n more". The quadrant names take one line of the corner cells.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Rect
from reportlab.lib.colors import Color

from planner.i18n import N_
from planner.model.vocabulary import ENGAGEMENT_STRATEGIES, SECTORS, engagement_for
from planner.reports.charts import (
    DARK_GREY,
    GREY,
    LABEL_SIZE,
    ORANGE,
    SKY_BLUE,
    TITLE_SIZE,
    VERMILLION,
    LegendEntry,
    fit_text,
    label,
    legend,
    lighter,
    ordered_sectors,
    placed,
    rotated_label,
    sector_colour,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

LEVELS = 5
LINE_HEIGHT = LABEL_SIZE * 1.35
POINT_RADIUS = 2.8
# Quadrant tints (light, so black text stays legible) and where each quadrant's name goes: its outer corner cell
# (interest, influence) and whether the name takes the cell's top or bottom line.
QUADRANT_TINTS = {
    "manage_closely": lighter(VERMILLION, 0.82),
    "keep_satisfied": lighter(ORANGE, 0.8),
    "keep_informed": lighter(SKY_BLUE, 0.75),
    "monitor": lighter(GREY, 0.75),
}
QUADRANT_CORNERS = {
    "manage_closely": (5, 5, "top"),
    "keep_satisfied": (1, 5, "top"),
    "keep_informed": (5, 1, "bottom"),
    "monitor": (1, 1, "bottom"),
}


@dataclass(frozen=True)
class GridStakeholder:
    id: str
    name: str
    sector: str
    influence: int  # 1..5 (clamped)
    interest: int


@dataclass
class GridLayout:
    """Where each stakeholder went: its point's centre, by id, and the ids left to a '+n more' line."""

    points: dict[str, tuple[float, float]]
    hidden: list[str]


def read_grid_stakeholders(session: Session) -> list[GridStakeholder]:
    """Every stakeholder with influence and interest clamped to 1..5, by name."""
    from sqlalchemy import select

    from planner.model import Stakeholder

    table = Stakeholder.__table__
    rows = session.execute(select(table.c.id, table.c.name, table.c.sector, table.c.influence, table.c.interest)
                           .order_by(table.c.name, table.c.id)).all()
    return [GridStakeholder(row.id, row.name, row.sector or "", _level(row.influence), _level(row.interest))
            for row in rows]


def _level(value: object) -> int:
    try:
        return max(1, min(LEVELS, int(value)))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return 3


def grid_drawing(stakeholders: Sequence[GridStakeholder], width: float, height: float,
                 tr: Callable[[str], str]) -> Drawing:
    """The grid, as large as fits `width` × `height` (square cells), with axis titles and the sector legend."""
    drawing, _layout = grid_drawing_with_layout(stakeholders, width, height, tr)
    return drawing


def grid_drawing_with_layout(stakeholders: Sequence[GridStakeholder], width: float, height: float,
                             tr: Callable[[str], str]) -> tuple[Drawing, GridLayout]:
    sectors = ordered_sectors(item.sector for item in stakeholders)
    entries = [LegendEntry(tr(SECTORS[code]) if code in SECTORS else code, sector_colour(code), "point")
               for code in sectors]
    axis_left = LABEL_SIZE * 3.2  # the rotated influence title and the tick numbers
    axis_bottom = LABEL_SIZE * 3.4  # the tick numbers and the interest title
    legend_group, legend_height = legend(entries, width - axis_left)
    side = min(width - axis_left - 2, height - axis_bottom - legend_height - 8)
    cell = side / LEVELS
    drawing = Drawing(width, side + axis_bottom + legend_height + 8)
    grid_left, grid_bottom = axis_left, legend_height + 8 + axis_bottom

    background, lines, marks, words = Group(), Group(), Group(), Group()
    for interest in range(1, LEVELS + 1):
        for influence in range(1, LEVELS + 1):
            quadrant = engagement_for(influence, interest)
            background.add(Rect(grid_left + (interest - 1) * cell, grid_bottom + (influence - 1) * cell, cell, cell,
                                fillColor=QUADRANT_TINTS[quadrant], strokeColor=None, strokeWidth=0))
    for step in range(LEVELS + 1):
        x, y = grid_left + step * cell, grid_bottom + step * cell
        lines.add(Line(x, grid_bottom, x, grid_bottom + side, strokeColor=Color(1, 1, 1), strokeWidth=1.2))
        lines.add(Line(grid_left, y, grid_left + side, y, strokeColor=Color(1, 1, 1), strokeWidth=1.2))
    # The quadrant borders (3 and above is high) and the frame.
    split_x, split_y = grid_left + 2 * cell, grid_bottom + 2 * cell
    lines.add(Line(split_x, grid_bottom, split_x, grid_bottom + side, strokeColor=DARK_GREY, strokeWidth=1.0))
    lines.add(Line(grid_left, split_y, grid_left + side, split_y, strokeColor=DARK_GREY, strokeWidth=1.0))
    lines.add(Rect(grid_left, grid_bottom, side, side, fillColor=None, strokeColor=DARK_GREY, strokeWidth=0.8))
    for level in range(1, LEVELS + 1):
        middle = (level - 0.5) * cell
        words.add(label(grid_left + middle, grid_bottom - LABEL_SIZE - 3, str(level), anchor="middle"))
        words.add(label(grid_left - 4, grid_bottom + middle - LABEL_SIZE * 0.35, str(level), anchor="end"))
    words.add(label(grid_left + side / 2, grid_bottom - LABEL_SIZE * 2.6 - 3,
                    fit_text(tr(N_("Interest")) + " →", side, bold=True), bold=True, anchor="middle"))
    words.add(rotated_label(grid_left - LABEL_SIZE * 1.6 - 2, grid_bottom + side / 2,
                            fit_text(tr(N_("Influence")) + " →", side, bold=True), bold=True))

    reserved: dict[tuple[int, int], str] = {}
    for quadrant, (interest, influence, where) in QUADRANT_CORNERS.items():
        reserved[(interest, influence)] = where
        cell_left = grid_left + (interest - 1) * cell
        cell_bottom = grid_bottom + (influence - 1) * cell
        text = fit_text(tr(ENGAGEMENT_STRATEGIES[quadrant]), cell - 6, TITLE_SIZE, bold=True)
        baseline = cell_bottom + cell - 3 - TITLE_SIZE if where == "top" else cell_bottom + 4
        anchor_x, anchor = (cell_left + cell - 3, "end") if interest == LEVELS else (cell_left + 3, "start")
        words.add(label(anchor_x, baseline, text, TITLE_SIZE, bold=True, anchor=anchor))

    layout = GridLayout({}, [])
    cells: dict[tuple[int, int], list[GridStakeholder]] = {}
    for item in stakeholders:
        cells.setdefault((item.interest, item.influence), []).append(item)
    more = tr(N_("+{count} more"))
    for (interest, influence), members in sorted(cells.items()):
        cell_left = grid_left + (interest - 1) * cell
        cell_top = grid_bottom + influence * cell
        where = reserved.get((interest, influence))
        first_top = cell_top - 3 - (TITLE_SIZE * 1.3 if where == "top" else 0)
        usable = cell - 6 - (TITLE_SIZE * 1.3 if where else 0)
        capacity = max(1, int(usable // LINE_HEIGHT))
        shown = members if len(members) <= capacity else members[:capacity - 1]
        for number, item in enumerate(shown):
            baseline = first_top - (number + 1) * LINE_HEIGHT + (LINE_HEIGHT - LABEL_SIZE) / 2 + 1
            centre = (cell_left + 3 + POINT_RADIUS, baseline + LABEL_SIZE * 0.35)
            marks.add(Circle(*centre, POINT_RADIUS, fillColor=sector_colour(item.sector), strokeColor=DARK_GREY,
                             strokeWidth=0.5))
            words.add(label(cell_left + 3 + 2 * POINT_RADIUS + 3, baseline,
                            fit_text(item.name, cell - 9 - 2 * POINT_RADIUS)))
            layout.points[item.id] = centre
        if len(shown) < len(members):
            baseline = first_top - capacity * LINE_HEIGHT + (LINE_HEIGHT - LABEL_SIZE) / 2 + 1
            words.add(label(cell_left + 3, baseline,
                            fit_text(more.format(count=len(members) - len(shown)), cell - 6)))
            layout.hidden.extend(item.id for item in members[len(shown):])
    for group in (background, lines, marks, words):
        drawing.add(group)
    drawing.add(placed(legend_group, axis_left, legend_height))
    return drawing, layout
