"""The roadmap chart: initiatives by field on a month grid, over as many landscape pages as legibility needs.

A page shows a year range and a run of rows. The month width never falls below MIN_MONTH_WIDTH (1.6 mm) and
type never below 8 pt: a period too wide for one page is split into year ranges of (nearly) equal length, and
rows that do not fit continue on further pages, each with the header and time scale repeated. Bars cut by a
page's range end in a point; dependency arrows are drawn only when both ends are on the page.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reportlab.graphics.shapes import Drawing, Group, Line, Polygon, PolyLine, Rect
from reportlab.lib.colors import Color, HexColor, white

from planner.i18n import N_
from planner.months import YearMonth
from planner.reports.charts import (
    DARK_GREY,
    GREY,
    LABEL_SIZE,
    LIGHT_GREY,
    MM,
    PALE_GREY,
    VERMILLION,
    LegendEntry,
    arrow_head,
    diamond,
    fit_text,
    label,
    legend,
    placed,
    text_width,
    wrap_text,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from planner.schedule import ScheduleResult

MIN_MONTH_WIDTH = 1.6 * MM  # below this a month cannot be read in print
ROW_HEIGHT = 10.5  # points: the least row height, 8 pt type with room above and below
MAX_ROW_HEIGHT = 15.0  # rows grow up to this when a page has room to spare
HEADER_ROW = 12.0
HEADER_HEIGHT = 2 * HEADER_ROW  # the year row and the quarter row
FIELD_WIDTH = 26 * MM
LABEL_MIN_WIDTH, LABEL_MAX_WIDTH = 40 * MM, 80 * MM
LEGEND_GAP = 6.0
BAR_SHARE = 0.56  # of the row height
LATEST_EXTRA_YEARS = 5  # the time scale runs at most this far past the plan period (later work is marked)
CUT_TIP = 4.0  # length of the point that marks a bar continuing beyond the page's range

BAR_FILL = HexColor("#B3B3B3")
BAR_OUTLINE = DARK_GREY
CRITICAL_FILL = VERMILLION
CRITICAL_OUTLINE = HexColor("#5C2600")
PROGRESS_FILL = HexColor("#262626")
LINK_COLOUR = DARK_GREY
FIELD_FILL = HexColor("#E8EEF4")


@dataclass(frozen=True)
class RoadmapRow:
    """One initiative as the roadmap draws it; months are month indexes, `finish` exclusive."""

    id: str
    code: str
    title: str
    field_label: str
    start: int
    finish: int
    critical: bool
    progress: int = 0
    milestones: tuple[int, ...] = ()  # the months of its Milestone rows

    @property
    def milestone(self) -> bool:
        return self.finish <= self.start


@dataclass(frozen=True)
class RoadmapLink:
    predecessor_id: str
    successor_id: str
    type: str = "FS"


@dataclass(frozen=True)
class RoadmapData:
    """Everything the roadmap shows: rows in field order, links, the years of the time scale."""

    rows: tuple[RoadmapRow, ...]
    links: tuple[RoadmapLink, ...]
    first_year: int
    last_year: int
    scheduled: bool = True  # False: a dependency cycle left the planned months and no critical path
    has_fields: bool = True


@dataclass
class RoadmapPage:
    """One page of the roadmap: its drawing and what was drawn on it (for captions and checks)."""

    first_year: int
    last_year: int
    part: int  # 1-based run of rows within the year range
    parts: int
    rows: tuple[RoadmapRow, ...]
    drawing: Drawing
    bar_colours: dict[str, Color] = field(default_factory=dict)  # code -> fill of its bar or diamond
    arrows: list[tuple[str, str]] = field(default_factory=list)  # (predecessor code, successor code)
    month_width: float = 0.0

    def range_text(self) -> str:
        years = f"{self.first_year}" if self.first_year == self.last_year else f"{self.first_year}–{self.last_year}"
        return years if self.parts == 1 else f"{years}, {self.part}/{self.parts}"


def read_roadmap(session: Session, schedule: ScheduleResult | None, no_field: str) -> RoadmapData:
    """The plan's roadmap rows (fields in order, then initiatives without a field under `no_field`).

    `schedule` None (a dependency cycle) shows each initiative at its planned months, none critical."""
    from sqlalchemy import select

    from planner.model import Field, Initiative, Milestone, Plan
    from planner.schedule import plan_links

    start_year, end_year = session.execute(select(Plan.start_year, Plan.end_year)).one()
    fields = session.execute(select(Field.id, Field.code, Field.name).order_by(Field.position, Field.code)).all()
    field_order = {row.id: index for index, row in enumerate(fields)}
    field_names = {row.id: (f"{row.code}. {row.name}" if row.code else row.name) for row in fields}
    milestones: dict[str, list[int]] = {}
    for initiative_id, month in session.execute(select(Milestone.initiative_id, Milestone.month)):
        milestones.setdefault(initiative_id, []).append(month.index)
    table = Initiative.__table__
    initiatives = session.execute(select(
        table.c.id, table.c.code, table.c.title, table.c.field_id, table.c.start_month, table.c.duration_months,
        table.c.progress, table.c.position)).all()
    scheduled = schedule.by_id if schedule is not None else {}
    rows = []
    for row in sorted(initiatives, key=lambda r: (field_order.get(r.field_id, len(field_order)), r.position,
                                                   r.code)):
        item = scheduled.get(row.id)
        start = item.es if item is not None else row.start_month.index
        finish = item.ef if item is not None else start + max(row.duration_months or 0, 0)
        rows.append(RoadmapRow(
            row.id, row.code, row.title, field_names.get(row.field_id, no_field), start, finish,
            bool(item.critical) if item is not None else False, max(0, min(100, int(row.progress or 0))),
            tuple(sorted(milestones.get(row.id, ()))),
        ))
    links = tuple(RoadmapLink(link.predecessor_id, link.successor_id, link.type) for link in plan_links(session))
    first_year = int(start_year)
    last_work = max((max(r.finish - 1, r.start) for r in rows), default=YearMonth(end_year, 12).index)
    last_year = min(max(int(end_year), YearMonth.from_index(last_work).year), int(end_year) + LATEST_EXTRA_YEARS)
    return RoadmapData(tuple(rows), links, first_year, max(first_year, last_year), schedule is not None,
                       bool(fields))


def split_years(first: int, last: int, most: int) -> list[tuple[int, int]]:
    """The years first..last in consecutive ranges of at most `most` years, as equal in length as possible."""
    count = last - first + 1
    pages = max(1, math.ceil(count / max(1, most)))
    base, extra = divmod(count, pages)
    ranges, year = [], first
    for page in range(pages):
        length = base + (1 if page < extra else 0)
        ranges.append((year, year + length - 1))
        year += length
    return ranges


def split_rows(count: int, most: int) -> list[tuple[int, int]]:
    """Row positions 0..count-1 in runs of at most `most`, as equal in length as possible: (begin, end)."""
    if count == 0:
        return []
    parts = max(1, math.ceil(count / max(1, most)))
    base, extra = divmod(count, parts)
    runs, begin = [], 0
    for part in range(parts):
        length = base + (1 if part < extra else 0)
        runs.append((begin, begin + length))
        begin += length
    return runs


class _Texts:
    """The fixed words of the chart in the report language."""

    def __init__(self, tr: Callable[[str], str]) -> None:
        self.field = tr(N_("Field"))
        self.initiative = tr(N_("Initiative"))
        self.quarter = tr(N_("Q{quarter}"))
        self.bar = tr(N_("Initiative"))
        self.critical = tr(N_("Critical path"))
        self.milestone = tr(N_("Milestone"))
        self.dependency = tr(N_("Dependency"))
        self.progress = tr(N_("Progress"))
        self.continues = tr(N_("Continues beyond the years shown"))


def roadmap_pages(data: RoadmapData, width: float, height: float, tr: Callable[[str], str]) -> list[RoadmapPage]:
    """The roadmap drawn on pages of `width` × `height` points (each drawing fits; empty list: no rows)."""
    if not data.rows:
        return []
    texts = _Texts(tr)
    field_width = FIELD_WIDTH if data.has_fields else 0.0
    label_width = _label_width(data.rows)
    grid_width = width - field_width - label_width
    most_years = max(1, int(grid_width // (12 * MIN_MONTH_WIDTH)))
    year_ranges = split_years(data.first_year, data.last_year, most_years)
    longest = max(last - first + 1 for first, last in year_ranges)
    month_width = grid_width / (12 * longest)  # one scale on every page, so pages compare

    scale_start, scale_end = YearMonth(data.first_year, 1).index, YearMonth(data.last_year + 1, 1).index
    cut = len(year_ranges) > 1 or any(row.start < scale_start or max(row.finish, row.start + 1) > scale_end
                                      for row in data.rows)
    entries = _legend_entries(data, texts, cut)
    _legend_group, legend_height = legend(entries, width)
    body_height = height - HEADER_HEIGHT - LEGEND_GAP - legend_height - 1
    rows_per_page = max(1, int(body_height // ROW_HEIGHT))
    runs = split_rows(len(data.rows), rows_per_page)
    row_height = min(MAX_ROW_HEIGHT, body_height / max(end - begin for begin, end in runs))

    labels = {row.id: _row_label(row, label_width) for row in data.rows}
    field_lines: dict[tuple[str, int], list[str]] = {}
    pages = []
    for first, last in year_ranges:
        for part, (begin, end) in enumerate(runs, start=1):
            page = RoadmapPage(first, last, part, len(runs), data.rows[begin:end], Drawing(width, 0),
                               month_width=month_width)
            _draw_page(page, data, texts, _Geometry(field_width, label_width, month_width, row_height), labels,
                       field_lines, entries)
            pages.append(page)
    return pages


def _label_width(rows: Sequence[RoadmapRow]) -> float:
    # A title longer than 120 characters is wider than the column can be anyway: measure no more of it.
    widest = max(text_width(row.code[:40], bold=True) + 4 + text_width(row.title[:120]) + 8 for row in rows[:2000])
    return max(LABEL_MIN_WIDTH, min(LABEL_MAX_WIDTH, widest))


def _row_label(row: RoadmapRow, width: float) -> tuple[str, float, str]:
    """The code (bold), where the title starts, and the title, cut to the label column."""
    code = fit_text(row.code, width * 0.45, bold=True)
    offset = text_width(code, bold=True) + 4 if code else 0.0
    return code, offset, fit_text(row.title, width - 6 - offset)


def _legend_entries(data: RoadmapData, texts: _Texts, cut: bool) -> list[LegendEntry]:
    entries = [LegendEntry(texts.bar, BAR_FILL, stroke=BAR_OUTLINE)]
    if data.scheduled:
        entries.append(LegendEntry(texts.critical, CRITICAL_FILL, stroke=CRITICAL_OUTLINE))
    entries.append(LegendEntry(texts.milestone, Color(0, 0, 0), "diamond"))
    if data.links:
        entries.append(LegendEntry(texts.dependency, LINK_COLOUR, "arrow"))
    if any(row.progress for row in data.rows):
        entries.append(LegendEntry(texts.progress, PROGRESS_FILL))
    if cut:
        entries.append(LegendEntry(texts.continues, BAR_FILL, "pointed", stroke=BAR_OUTLINE))
    return entries


@dataclass(frozen=True)
class _Geometry:
    field_width: float
    label_width: float
    month_width: float
    row_height: float


def _draw_page(page: RoadmapPage, data: RoadmapData, texts: _Texts, geometry: _Geometry,
               labels: dict[str, tuple[str, float, str]], field_lines: dict[tuple[str, int], list[str]],
               entries: list[LegendEntry]) -> None:
    field_width, label_width = geometry.field_width, geometry.label_width
    month_width, row_height = geometry.month_width, geometry.row_height
    rows = page.rows
    drawing = page.drawing
    width = drawing.width
    legend_group, legend_height = legend(entries, width)
    months = (page.last_year - page.first_year + 1) * 12
    first_month = YearMonth(page.first_year, 1).index
    end_month = first_month + months  # exclusive
    grid_x = field_width + label_width
    grid_right = grid_x + months * month_width
    body_height = len(rows) * row_height
    height = HEADER_HEIGHT + body_height + LEGEND_GAP + legend_height
    drawing.height = height
    top = height
    body_top = top - HEADER_HEIGHT
    body_bottom = body_top - body_height

    def x_of(month: int) -> float:
        return grid_x + (month - first_month) * month_width

    def row_middle(index: int) -> float:
        return body_top - (index + 0.5) * row_height

    background = Group()
    lines = Group()
    marks = Group()
    words = Group()

    # Header: the left column titles, the years, the quarters and month ticks.
    background.add(Rect(0, body_top, grid_right, HEADER_HEIGHT, fillColor=PALE_GREY, strokeColor=None,
                        strokeWidth=0))
    header_middle = body_top + HEADER_HEIGHT / 2 - LABEL_SIZE * 0.35
    if field_width:
        words.add(label(field_width / 2, header_middle, fit_text(texts.field, field_width - 4, bold=True),
                        bold=True, anchor="middle"))
        lines.add(Line(field_width, body_bottom, field_width, top, strokeColor=DARK_GREY, strokeWidth=0.5))
    words.add(label(field_width + label_width / 2, header_middle,
                    fit_text(texts.initiative, label_width - 4, bold=True), bold=True, anchor="middle"))
    lines.add(Line(grid_x, body_bottom, grid_x, top, strokeColor=DARK_GREY, strokeWidth=0.5))
    year_row = body_top + HEADER_ROW
    lines.add(Line(grid_x, year_row, grid_right, year_row, strokeColor=GREY, strokeWidth=0.4))
    quarter_width = 3 * month_width
    quarter_texts = [texts.quarter.format(quarter=q) for q in range(1, 5)]
    if max(text_width(text) for text in quarter_texts) > quarter_width - 2:
        quarter_texts = [str(q) for q in range(1, 5)]
    show_quarters = max(text_width(text) for text in quarter_texts) <= quarter_width - 2
    for year in range(page.first_year, page.last_year + 1):
        left = x_of(YearMonth(year, 1).index)
        words.add(label(left + 6 * month_width, year_row + HEADER_ROW / 2 - LABEL_SIZE * 0.35, str(year),
                        bold=True, anchor="middle"))
        for month in range(12):
            x = left + month * month_width
            if month == 0:
                continue
            if month % 3 == 0:
                lines.add(Line(x, body_bottom, x, year_row, strokeColor=LIGHT_GREY, strokeWidth=0.4))
            else:
                lines.add(Line(x, body_top, x, body_top + 1.8, strokeColor=GREY, strokeWidth=0.3))
        if show_quarters:
            for quarter in range(4):
                words.add(label(left + (quarter * 3 + 1.5) * month_width, body_top + HEADER_ROW / 2
                                - LABEL_SIZE * 0.25, quarter_texts[quarter], anchor="middle"))
        if year > page.first_year:
            lines.add(Line(left, body_bottom, left, top, strokeColor=GREY, strokeWidth=0.6))
    lines.add(Line(0, body_top, grid_right, body_top, strokeColor=DARK_GREY, strokeWidth=0.6))

    # Body: zebra rows, field cells, labels, bars, milestones.
    positions = {row.id: index for index, row in enumerate(rows)}
    segments: list[tuple[str, int, int]] = []
    for index, row in enumerate(rows):
        if index % 2 == 1:
            background.add(Rect(field_width, body_top - (index + 1) * row_height, grid_right - field_width,
                                row_height, fillColor=PALE_GREY, strokeColor=None, strokeWidth=0))
        if segments and segments[-1][0] == row.field_label:
            segments[-1] = (row.field_label, segments[-1][1], index + 1)
        else:
            segments.append((row.field_label, index, index + 1))
        code, offset, title = labels[row.id]
        baseline = row_middle(index) - LABEL_SIZE * 0.35
        words.add(label(field_width + 3, baseline, code, bold=True))
        words.add(label(field_width + 3 + offset, baseline, title))
        page.bar_colours[row.code] = _draw_row(marks, row, row_middle(index), row_height, first_month,
                                               end_month, x_of, (grid_x, grid_right))
    for field_label, begin, end in segments:
        y_top, y_bottom = body_top - begin * row_height, body_top - end * row_height
        if begin > 0:
            lines.add(Line(0, y_top, grid_right, y_top, strokeColor=DARK_GREY, strokeWidth=0.6))
        if not field_width:
            continue
        background.add(Rect(0, y_bottom, field_width, y_top - y_bottom, fillColor=FIELD_FILL, strokeColor=None,
                            strokeWidth=0))
        line_height = LABEL_SIZE * 1.25
        most = max(1, int((y_top - y_bottom - 2) // line_height))
        key = (field_label, most)
        if key not in field_lines:
            field_lines[key] = wrap_text(field_label, field_width - 5, bold=True, max_lines=most)
        text_lines = field_lines[key]
        first_baseline = (y_top + y_bottom) / 2 + (len(text_lines) - 1) * line_height / 2 - LABEL_SIZE * 0.35
        for number, text in enumerate(text_lines):
            words.add(label(3, first_baseline - number * line_height, text, bold=True))

    # Dependencies with both ends on this page.
    by_id = {row.id: row for row in rows}
    for link in data.links:
        predecessor, successor = by_id.get(link.predecessor_id), by_id.get(link.successor_id)
        if predecessor is None or successor is None:
            continue
        from_finish, to_finish = link.type in ("FS", "FF"), link.type in ("FF", "SF")
        start = _anchor(predecessor, from_finish, x_of, first_month, end_month, row_height)
        end = _anchor(successor, to_finish, x_of, first_month, end_month, row_height)
        if start is None or end is None:
            continue
        source_index, target_index = positions[predecessor.id], positions[successor.id]
        between = body_top - (target_index if source_index < target_index else target_index + 1) * row_height
        _draw_link(marks, (start, row_middle(source_index), 1 if from_finish else -1),
                   (end, row_middle(target_index), -1 if to_finish else 1), between, (grid_x, grid_right))
        page.arrows.append((predecessor.code, successor.code))

    lines.add(Rect(0, body_bottom, grid_right, top - body_bottom, fillColor=None, strokeColor=Color(0, 0, 0),
                   strokeWidth=0.8))
    for group in (background, lines, marks, words):
        drawing.add(group)
    drawing.add(placed(legend_group, 0, legend_height))


def _draw_row(marks: Group, row: RoadmapRow, middle: float, row_height: float, first_month: int, end_month: int,
              x_of: Callable[[int], float], grid: tuple[float, float]) -> Color:
    """The bar (or diamond) of one row and its milestones; returns the fill used."""
    grid_x, grid_right = grid
    fill, outline, outline_width = ((CRITICAL_FILL, CRITICAL_OUTLINE, 0.8) if row.critical
                                    else (BAR_FILL, BAR_OUTLINE, 0.4))
    half = row_height * BAR_SHARE / 2
    if row.milestone:
        if first_month <= row.start < end_month:
            centre = x_of(row.start) + (x_of(row.start + 1) - x_of(row.start)) / 2
            marks.add(diamond(centre, middle, row_height * 0.36, fill if row.critical else Color(0, 0, 0),
                              outline, 0.6))
        else:
            _off_page_mark(marks, row.start >= end_month, middle, grid_x, grid_right)
    elif row.finish <= first_month or row.start >= end_month:
        _off_page_mark(marks, row.start >= end_month, middle, grid_x, grid_right)
    else:
        left_cut, right_cut = row.start < first_month, row.finish > end_month
        left = x_of(max(row.start, first_month))
        right = x_of(min(row.finish, end_month))
        tip = min(CUT_TIP, (right - left) / 2)
        bottom, top = middle - half, middle + half
        points = [left + (tip if left_cut else 0), bottom, right - (tip if right_cut else 0), bottom]
        if right_cut:
            points += [right, middle]
        points += [right - (tip if right_cut else 0), top, left + (tip if left_cut else 0), top]
        if left_cut:
            points += [left, middle]
        marks.add(Polygon(points, fillColor=fill, strokeColor=outline, strokeWidth=outline_width))
        if row.progress:
            done = x_of(row.start) + (x_of(row.finish) - x_of(row.start)) * row.progress / 100
            done_right = min(done, right - (tip if right_cut else 0))
            done_left = left + (tip if left_cut else 0)
            if done_right > done_left:
                marks.add(Rect(done_left, bottom + 0.8, done_right - done_left, 2.2, fillColor=PROGRESS_FILL,
                               strokeColor=None, strokeWidth=0))
    for month in row.milestones:
        if first_month <= month < end_month:
            centre = x_of(month) + (x_of(month + 1) - x_of(month)) / 2
            marks.add(diamond(centre, middle, row_height * 0.3, Color(0, 0, 0), white, 0.6))
    return fill


def _off_page_mark(marks: Group, later: bool, middle: float, grid_x: float, grid_right: float) -> None:
    """A small grey pointer at the grid's edge: this row's work lies before or after the years shown."""
    size = 3.5
    if later:
        x = grid_right - 1.5
        marks.add(Polygon([x, middle, x - size, middle + size, x - size, middle - size], fillColor=GREY,
                          strokeColor=None, strokeWidth=0))
    else:
        x = grid_x + 1.5
        marks.add(Polygon([x, middle, x + size, middle + size, x + size, middle - size], fillColor=GREY,
                          strokeColor=None, strokeWidth=0))


def _anchor(row: RoadmapRow, at_finish: bool, x_of: Callable[[int], float], first_month: int,
            end_month: int, row_height: float) -> float | None:
    """The x where a link leaves or reaches a row (its start or its finish), None when off the page."""
    if row.milestone:
        if not first_month <= row.start < end_month:
            return None
        centre = x_of(row.start) + (x_of(row.start + 1) - x_of(row.start)) / 2
        half = row_height * 0.36
        return centre + half if at_finish else centre - half
    month = row.finish if at_finish else row.start
    inside = first_month < month <= end_month if at_finish else first_month <= month < end_month
    return x_of(month) if inside else None


def _draw_link(marks: Group, start: tuple[float, float, int], end: tuple[float, float, int],
               between: float, grid: tuple[float, float]) -> None:
    """An elbow connector from a predecessor's anchor to an arrow at the successor's: (x, y, direction) each.

    The line leaves the predecessor outwards (rightwards from a finish, leftwards from a start) and enters the
    successor from outside (a start from the left, a finish from the right). When the vertical run cannot drop
    straight onto the target row it runs along `between` (the edge of the target row facing the source)."""
    start_x, start_y, leave = start
    end_x, end_y, enter = end
    arrow = 3.5
    points = _route(start_x, start_y, end_x, end_y, between, leave, enter, 3.0, arrow)
    low, high = grid[0] + 1, grid[1] - 1  # elbows stay inside the month grid, off the label column
    points = [min(high, max(low, value)) if index % 2 == 0 else value for index, value in enumerate(points)]
    marks.add(PolyLine(points, strokeColor=LINK_COLOUR, strokeWidth=0.5))
    marks.add(arrow_head(end_x, end_y, enter, 0, arrow, LINK_COLOUR))


def _route(start_x: float, start_y: float, end_x: float, end_y: float, between: float, leave: int, enter: int,
           step: float, arrow: float) -> list[float]:
    out_x = start_x + leave * step
    approach_x = end_x - enter * (step + arrow)
    if (enter == 1 and out_x <= approach_x) or (enter == -1 and out_x >= approach_x):
        return [start_x, start_y, out_x, start_y, out_x, end_y, end_x - enter * arrow, end_y]
    return [start_x, start_y, out_x, start_y, out_x, between, approach_x, between, approach_x, end_y,
            end_x - enter * arrow, end_y]
