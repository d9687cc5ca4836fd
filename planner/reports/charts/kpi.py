"""KPI small multiples: one panel per KPI with its baseline, yearly targets and recorded actuals, values shown."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from reportlab.graphics.shapes import Drawing, Group, Line, Rect

from planner.i18n import N_
from planner.reports.charts import (
    BLUE,
    DARK_GREY,
    GREY,
    LABEL_SIZE,
    LIGHT_GREY,
    MM,
    SKY_BLUE,
    TITLE_SIZE,
    LegendEntry,
    fit_text,
    label,
    legend,
    placed,
    text_width,
    wrap_text,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

COLUMNS = 2
PANEL_HEIGHT = 62 * MM
COLUMN_GAP = 8 * MM
ROW_GAP = 5 * MM
DEFAULT_LIMIT = 6
BASELINE_FILL = GREY
TARGET_FILL = SKY_BLUE
ACTUAL_FILL = BLUE


@dataclass(frozen=True)
class KpiYear:
    year: int
    target: Decimal | None
    actual: Decimal | None


@dataclass(frozen=True)
class ChartKpi:
    """One KPI as its panel shows it."""

    name: str
    unit: str
    baseline: Decimal | None
    baseline_year: int | None
    years: tuple[KpiYear, ...]

    @property
    def has_values(self) -> bool:
        return self.baseline is not None or any(y.target is not None or y.actual is not None for y in self.years)

    @property
    def has_actuals(self) -> bool:
        return any(y.actual is not None for y in self.years)


def read_chart_kpis(session: Session, limit: int = DEFAULT_LIMIT) -> list[ChartKpi]:
    """The plan-level KPIs (no initiative), or when there are none the first `limit` outcome KPIs (by
    initiative code, then position); only those with at least one value."""
    from sqlalchemy import select

    from planner.model import Initiative, Kpi, KpiTarget

    kpi = Kpi.__table__
    columns = (kpi.c.id, kpi.c.name, kpi.c.unit, kpi.c.baseline_value, kpi.c.baseline_year)
    rows = session.execute(select(*columns).where(kpi.c.initiative_id.is_(None))
                           .order_by(kpi.c.position, kpi.c.name, kpi.c.id)).all()
    if not rows:
        initiative = Initiative.__table__
        rows = session.execute(
            select(*columns).join(initiative, initiative.c.id == kpi.c.initiative_id)
            .where(kpi.c.type == "outcome").order_by(initiative.c.code, kpi.c.position, kpi.c.name, kpi.c.id)
        ).all()
    target = KpiTarget.__table__
    years: dict[str, list[KpiYear]] = {}
    ids = [row.id for row in rows]
    for kpi_id, year, target_value, actual_value in session.execute(
        select(target.c.kpi_id, target.c.year, target.c.target_value, target.c.actual_value)
        .where(target.c.kpi_id.in_(ids)).order_by(target.c.year)
    ):
        years.setdefault(kpi_id, []).append(KpiYear(int(year), target_value, actual_value))
    kpis = [ChartKpi(row.name, row.unit or "", row.baseline_value, row.baseline_year, tuple(years.get(row.id, ())))
            for row in rows]
    return [item for item in kpis if item.has_values][:limit]


def value_text(value: Decimal | float | int) -> str:
    """A KPI value as written: thousands separators, no trailing zeros (68.0 → 68, 69.50 → 69.5)."""
    number = value if isinstance(value, Decimal) else Decimal(str(value))
    if not number.is_finite():
        return str(number)
    text = format(number.normalize(), ",f")
    return "0" if text in ("-0", "") else text


def kpi_drawings(kpis: Sequence[ChartKpi], width: float, tr: Callable[[str], str]) -> list[Drawing]:
    """A legend, then one drawing per row of COLUMNS panels (so rows can go to the next page)."""
    texts = _Texts(tr)
    entries = [LegendEntry(texts.baseline, BASELINE_FILL, stroke=DARK_GREY),
               LegendEntry(texts.target, TARGET_FILL, stroke=DARK_GREY)]
    if any(item.has_actuals for item in kpis):
        entries.append(LegendEntry(texts.actual, ACTUAL_FILL, stroke=DARK_GREY))
    legend_group, legend_height = legend(entries, width)
    drawings = [Drawing(width, legend_height + 2)]
    drawings[0].add(placed(legend_group, 0, legend_height + 2))
    panel_width = (width - COLUMN_GAP * (COLUMNS - 1)) / COLUMNS
    for first in range(0, len(kpis), COLUMNS):
        drawing = Drawing(width, PANEL_HEIGHT + ROW_GAP)
        for column, item in enumerate(kpis[first:first + COLUMNS]):
            panel = _panel(item, panel_width, PANEL_HEIGHT, texts)
            drawing.add(placed(panel, column * (panel_width + COLUMN_GAP), 0))
        drawings.append(drawing)
    return drawings


class _Texts:
    def __init__(self, tr: Callable[[str], str]) -> None:
        self.baseline = tr(N_("Baseline"))
        self.target = tr(N_("Target"))
        self.actual = tr(N_("Actual"))
        self.unit = tr(N_("(Unit: {unit})"))
        self.no_values = tr(N_("No values recorded"))


def _panel(item: ChartKpi, width: float, height: float, texts: _Texts) -> Group:
    """One KPI's panel, origin at its bottom left."""
    group = Group()
    group.add(Rect(0, 0, width, height, fillColor=None, strokeColor=LIGHT_GREY, strokeWidth=0.6))
    inner = width - 8
    y = height - 4 - TITLE_SIZE
    for line in wrap_text(item.name, inner, TITLE_SIZE, bold=True, max_lines=2):
        group.add(label(4, y, line, TITLE_SIZE, bold=True))
        y -= TITLE_SIZE * 1.3
    if item.unit.strip():
        group.add(label(4, y, fit_text(texts.unit.format(unit=item.unit), inner)))
    title_bottom = height - 4 - TITLE_SIZE * 2.6 - LABEL_SIZE * 1.4

    # Categories: the baseline, then each year with a target or an actual.
    categories: list[tuple[list[str], list[tuple[Decimal, object, float]]]] = []
    if item.baseline is not None:
        year = f"({item.baseline_year})" if item.baseline_year is not None else ""
        categories.append(([texts.baseline, year] if year else [texts.baseline],
                           [(item.baseline, BASELINE_FILL, 1.0)]))
    for entry in item.years:
        bars = []
        if entry.target is not None:
            bars.append((entry.target, TARGET_FILL, 1.0 if entry.actual is None else 0.5))
        if entry.actual is not None:
            bars.append((entry.actual, ACTUAL_FILL, 1.0 if entry.target is None else 0.5))
        if bars:
            categories.append(([str(entry.year)], bars))
    if not categories:
        group.add(label(width / 2, title_bottom / 2, fit_text(texts.no_values, inner), anchor="middle"))
        return group

    values = [float(value) for _names, bars in categories for value, _fill, _share in bars
              if value.is_finite()]
    low, high = min([0.0, *values]), max([0.0, *values])
    if high == low:
        high = low + 1
    axis_labels = max(len(names) for names, _bars in categories)
    plot_bottom = 4 + axis_labels * LABEL_SIZE * 1.25 + 3
    plot_top = title_bottom - LABEL_SIZE * 2.8  # room for two value labels above the tallest bar
    scale = (plot_top - plot_bottom) / (high - low)

    def y_of(value: float) -> float:
        return plot_bottom + (value - low) * scale

    zero = y_of(0.0)
    group.add(Line(4, zero, width - 4, zero, strokeColor=DARK_GREY, strokeWidth=0.6))
    slot = inner / len(categories)
    bar_room = min(slot * 0.7, 18 * MM)
    for index, (names, bars) in enumerate(categories):
        centre = 4 + slot * (index + 0.5)
        left = centre - bar_room / 2
        placed_labels: list[tuple[float, float, float]] = []  # x centre, baseline, width
        for value, fill, share in bars:
            bar_width = bar_room * share
            number = float(value) if value.is_finite() else 0.0
            top = y_of(number)
            bottom, bar_height = min(zero, top), abs(top - zero)
            group.add(Rect(left, bottom, bar_width, max(bar_height, 0.01), fillColor=fill, strokeColor=DARK_GREY,
                           strokeWidth=0.4))
            text = fit_text(value_text(value), slot * 2)
            text_x, text_y, text_w = left + bar_width / 2, (top + 2.5 if number >= 0 else top - LABEL_SIZE - 2), \
                text_width(text)
            for other_x, other_y, other_w in placed_labels:  # two labels side by side would touch: lift one
                if abs(other_x - text_x) < (other_w + text_w) / 2 + 2 and abs(other_y - text_y) < LABEL_SIZE + 1:
                    text_y = max(text_y, other_y + LABEL_SIZE + 1) if number >= 0 else \
                        min(text_y, other_y - LABEL_SIZE - 1)
            placed_labels.append((text_x, text_y, text_w))
            group.add(label(text_x, text_y, text, anchor="middle"))
            left += bar_width
        for line_number, name in enumerate(names):
            group.add(label(centre, plot_bottom - 3 - LABEL_SIZE * (line_number + 1) * 1.2 + 2,
                            fit_text(name, slot - 2), anchor="middle"))
    return group
