"""Presentation mode without a screen: the plan's slide sequence, its defaults, and each slide's plain content."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner.commands.base import Command, CompositeCommand
from planner.commands.rows import AddRow, DeleteRows
from planner.errors import PlannerError
from planner.i18n import N_, SUPPORTED_LANGUAGES, _, translate
from planner.model import (
    BudgetLine,
    Field,
    Initiative,
    Kpi,
    KpiTarget,
    Plan,
    PresentationSlide,
    Stakeholder,
    WorkshopRating,
    new_id,
)
from planner.model.vocabulary import ENGAGEMENT_STRATEGIES, FUNDING_SOURCES, KPI_TYPES, SECTORS
from planner.months import YearMonth

# Every kind of slide, with its name as the sequence dialog shows it.
SLIDE_KINDS: dict[str, str] = {
    "title": N_("Title and vision"),
    "roadmap": N_("Roadmap by year"),
    "field": N_("Initiatives of one field"),
    "grid": N_("Stakeholder grid"),
    "network": N_("Stakeholder network"),
    "budget": N_("Budget by year"),
    "kpis": N_("Key performance indicators"),
    "ratings": N_("Workshop ratings"),
}

# How many items one page of a slide holds, so that every line can be read from the back of a room.
FIELD_ITEMS_PER_PAGE = 6
KPIS_PER_PAGE = 6
RATINGS_PER_PAGE = 8
ROADMAP_ROWS_PER_PAGE = 16
NETWORK_LABELS = 14  # the best-connected stakeholders are named; the others are dots


@dataclass(frozen=True)
class SlideSpec:
    """One slide of the sequence: what it shows (kind + params), its own title (empty: automatic) and notes."""

    kind: str
    params: Mapping[str, Any] = field(default_factory=dict)
    title: str = ""
    notes: str = ""
    hidden: bool = False
    slide_id: str | None = None  # the PresentationSlide row, None for a default slide not yet saved


# -- the content of each kind of slide: plain values, no ORM objects --------------------------------------


@dataclass(frozen=True)
class TitleContent:
    plan_title: str
    lines: tuple[str, ...]  # region, lead organisation, period
    vision_label: str
    vision: str


@dataclass(frozen=True)
class RoadmapBar:
    initiative_id: str
    code: str
    title: str
    start: int  # month index of the first month
    finish: int  # month index of the last month (a milestone: its own month)
    milestone: bool

    @property
    def start_year(self) -> int:
        return YearMonth.from_index(self.start).year


@dataclass(frozen=True)
class RoadmapLane:
    field_id: str | None
    label: str
    colour_index: int  # into the theme's palette
    rows: tuple[tuple[RoadmapBar, ...], ...]  # bars packed into rows that do not overlap in time


@dataclass(frozen=True)
class RoadmapContent:
    years: tuple[int, ...]
    lanes: tuple[RoadmapLane, ...]
    empty_text: str


@dataclass(frozen=True)
class FieldItem:
    initiative_id: str
    code: str
    title: str
    period: str
    budget: str


@dataclass(frozen=True)
class FieldContent:
    field_id: str
    code: str
    name: str
    colour_index: int
    items: tuple[FieldItem, ...]
    empty_text: str
    budget_label: str


@dataclass(frozen=True)
class GridStakeholder:
    stakeholder_id: str
    name: str
    sector: str
    influence: int
    interest: int
    attitude: str


@dataclass(frozen=True)
class GridContent:
    stakeholders: tuple[GridStakeholder, ...]
    influence_label: str
    interest_label: str
    quadrant_labels: Mapping[str, str]  # engagement strategy code -> label
    empty_text: str


@dataclass(frozen=True)
class NetworkNode:
    stakeholder_id: str
    name: str
    sector: str
    x: float  # 0..1
    y: float  # 0..1
    degree: int
    labelled: bool


@dataclass(frozen=True)
class NetworkEdge:
    source_id: str
    target_id: str
    directed: bool


@dataclass(frozen=True)
class NetworkContent:
    nodes: tuple[NetworkNode, ...]
    edges: tuple[NetworkEdge, ...]
    sectors: tuple[tuple[str, str], ...]  # (code, label) of the sectors present, in vocabulary order
    empty_text: str


@dataclass(frozen=True)
class BudgetContent:
    years: tuple[int, ...]
    sources: tuple[tuple[str, str], ...]  # (code, label)
    amounts: Mapping[tuple[int, str], int]  # KRW by (year, source)
    total_text: str
    unit_label: str
    empty_text: str

    def year_total(self, year: int) -> int:
        return sum(amount for (y, _s), amount in self.amounts.items() if y == year)


@dataclass(frozen=True)
class KpiItem:
    name: str
    kind_label: str
    baseline: str
    target: str


@dataclass(frozen=True)
class KpisContent:
    items: tuple[KpiItem, ...]
    baseline_label: str
    target_label: str
    empty_text: str


@dataclass(frozen=True)
class RatingItem:
    initiative_id: str
    code: str
    title: str
    votes: int
    impact: int | None
    feasibility: int | None


@dataclass(frozen=True)
class RatingsContent:
    items: tuple[RatingItem, ...]
    votes_label: str
    impact_label: str
    feasibility_label: str
    empty_text: str


SlideContent = (TitleContent | RoadmapContent | FieldContent | GridContent | NetworkContent | BudgetContent
                | KpisContent | RatingsContent)


@dataclass(frozen=True)
class SpotlightTarget:
    """Something a spotlight can pick on a slide: a lane ("field"), an "initiative" or a "stakeholder"."""

    kind: str
    target_id: str | None
    label: str


@dataclass(frozen=True)
class SlidePage:
    """One page as the audience sees it; a slide with many items has several pages."""

    spec_index: int  # the slide's position in slides(session)
    kind: str
    title: str
    notes: str
    steps: int  # reveal steps (the roadmap: one per year); 1 for the other kinds
    page: int  # 1-based
    page_count: int
    content: SlideContent

    @property
    def heading(self) -> str:
        """The title, with the page number when the slide has several pages."""
        if self.page_count <= 1:
            return self.title
        return f"{self.title} ({self.page}/{self.page_count})"


@dataclass(frozen=True)
class Deck:
    """The pages of the visible slides, in order, in one language."""

    language: str
    plan_title: str
    pages: tuple[SlidePage, ...]

    def __len__(self) -> int:
        return len(self.pages)


# -- the sequence -------------------------------------------------------------------------------------------


def field_rows(session: Session) -> list[tuple[str, str, str, str]]:
    """Every field as (id, code, name, description), in the plan's order."""
    table = Field.__table__
    return [(row.id, row.code, row.name, row.description or "") for row in session.execute(
        select(table.c.id, table.c.code, table.c.name, table.c.description).order_by(table.c.position, table.c.code)
    )]


def default_slides(session: Session) -> list[SlideSpec]:
    """Title, roadmap, one slide per field, stakeholder grid and network, budget and KPIs."""
    specs = [SlideSpec("title"), SlideSpec("roadmap")]
    specs += [SlideSpec("field", {"field_id": field_id}) for field_id, _c, _n, _d in field_rows(session)]
    specs += [SlideSpec("grid"), SlideSpec("network"), SlideSpec("budget"), SlideSpec("kpis")]
    return specs


def slides(session: Session) -> list[SlideSpec]:
    """The plan's saved slides in position order (hidden ones flagged), else the default sequence."""
    table = PresentationSlide.__table__
    rows = session.execute(select(table).order_by(table.c.position, table.c.id)).mappings().all()
    if not rows:
        return default_slides(session)
    return [SlideSpec(row["kind"], dict(row["params"] or {}), row["title"] or "", row["notes"] or "",
                      bool(row["hidden"]), row["id"]) for row in rows]


def save_sequence_command(session: Session, specs: Sequence[SlideSpec]) -> Command:
    """One undoable edit replacing the plan's slide rows by `specs` (order, kinds, params, titles, notes, hidden).

    Raises PlannerError naming the first slide of an unknown kind or with params that are not a mapping."""
    for number, spec in enumerate(specs, start=1):
        if spec.kind not in SLIDE_KINDS:
            raise PlannerError(_("Slide {number} has an unknown type '{kind}'; choose one of: {kinds}.").format(
                number=number, kind=spec.kind, kinds=", ".join(SLIDE_KINDS)))
        if not isinstance(spec.params, Mapping):
            raise PlannerError(_("Slide {number} has settings that are not a list of names and values.").format(
                number=number))
    table = PresentationSlide.__table__
    existing = [row.id for row in session.execute(select(table.c.id))]
    commands: list[Command] = []
    if existing:
        commands.append(DeleteRows("presentation_slide", existing))
    used: set[str] = set()
    for position, spec in enumerate(specs):
        slide_id = spec.slide_id if spec.slide_id and spec.slide_id not in used else new_id()
        used.add(slide_id)
        commands.append(AddRow("presentation_slide", {
            "id": slide_id, "position": position, "kind": spec.kind, "params": dict(spec.params),
            "title": spec.title, "notes": spec.notes, "hidden": bool(spec.hidden),
        }))
    return CompositeCommand(_("Edit slide sequence"), commands)


def _plan_years(session: Session) -> tuple[int, int]:
    start, end = session.execute(select(Plan.start_year, Plan.end_year)).one()
    return int(start), int(end)


def _roadmap_years(session: Session, spec: SlideSpec) -> tuple[int, ...]:
    start, end = _plan_years(session)
    wanted = spec.params.get("years") if isinstance(spec.params, Mapping) else None
    if isinstance(wanted, list) and wanted:
        chosen = tuple(sorted({int(year) for year in wanted if isinstance(year, int) and start <= year <= end}))
        if chosen:
            return tuple(range(chosen[0], chosen[-1] + 1))
    return tuple(range(start, end + 1))


def reveal_steps(session: Session, spec: SlideSpec) -> int:
    """How many presses a slide takes before the next slide: the roadmap one per year, any other slide one."""
    if spec.kind == "roadmap":
        return max(1, len(_roadmap_years(session, spec)))
    return 1


def plan_language(session: Session) -> str:
    """The plan's own language, "ko" or "en" (anything else reads as Korean)."""
    language = session.execute(select(Plan.language)).scalar_one_or_none()
    return language if language in SUPPORTED_LANGUAGES else "ko"


# -- building the deck --------------------------------------------------------------------------------------


class _Text:
    """Translation into one given language (the plan's, or the one asked for)."""

    def __init__(self, language: str) -> None:
        self.language = language

    def __call__(self, text: str) -> str:
        return translate(text, self.language)

    def vocabulary(self, vocabulary: Mapping[str, str], code: str | None) -> str:
        if code is None:
            return ""
        return translate(vocabulary[code], self.language) if code in vocabulary else code


def month_text(month: YearMonth) -> str:
    return f"{month.year}.{month.month}"


def millions_text(krw: int) -> str:
    """KRW in millions with separators: 1,234 (12.5 when not a whole million)."""
    if krw % 1_000_000 == 0:
        return f"{krw // 1_000_000:,}"
    return f"{krw / 1_000_000:,.1f}"


def _number_text(value: Decimal | None) -> str:
    if value is None:
        return "—"
    normal = value.normalize()
    return f"{normal:,f}" if normal == normal.to_integral() else f"{normal:,}"


def build_deck(session: Session, language: str | None = None, *, include_hidden: bool = False) -> Deck:
    """Every page of the plan's visible slides (or all of them), titles and labels in `language` (None: the
    plan's own language)."""
    language = language if language in SUPPORTED_LANGUAGES else plan_language(session)
    builder = _DeckBuilder(session, _Text(language))
    pages: list[SlidePage] = []
    for index, spec in enumerate(slides(session)):
        if spec.hidden and not include_hidden:
            continue
        pages.extend(builder.pages(index, spec))
    title = session.execute(select(Plan.title)).scalar_one_or_none() or ""
    return Deck(language, title, tuple(pages))


def slide_pages(session: Session, spec: SlideSpec, spec_index: int = 0, language: str | None = None) -> list[SlidePage]:
    """The pages of one slide (for previews in the sequence dialog)."""
    language = language if language in SUPPORTED_LANGUAGES else plan_language(session)
    return _DeckBuilder(session, _Text(language)).pages(spec_index, spec)


def automatic_title(kind: str, language: str) -> str:
    """The title a slide of `kind` has when its own title is empty (the field slide: the field's name)."""
    titles = {
        "title": N_("Vision"), "roadmap": N_("Roadmap"), "field": N_("Initiatives of one field"),
        "grid": N_("Stakeholders: influence and interest"), "network": N_("Stakeholder network"),
        "budget": N_("Budget by year"), "kpis": N_("Key performance indicators"), "ratings": N_("Workshop ratings"),
    }
    return translate(titles.get(kind, kind), language)


def _chunks(items: Sequence[Any], size: int) -> list[tuple[Any, ...]]:
    """Items split into the fewest pages of at most `size`, balanced (7 by 6: 4 and 3)."""
    if not items:
        return [()]
    count = math.ceil(len(items) / size)
    per_page = math.ceil(len(items) / count)
    return [tuple(items[start:start + per_page]) for start in range(0, len(items), per_page)]


def pack_rows(bars: Sequence[RoadmapBar], label_months: int = 4) -> tuple[tuple[RoadmapBar, ...], ...]:
    """Bars (by start, then code) into the fewest rows where no two bars of a row come within a month of each
    other; every bar reserves at least `label_months` months so that its code can be read beside a short bar."""
    rows: list[list[RoadmapBar]] = []
    ends: list[int] = []
    for bar in sorted(bars, key=lambda bar: (bar.start, bar.code)):
        end_of_bar = max(bar.finish, bar.start + label_months - 1)
        for number, end in enumerate(ends):
            if bar.start > end + 1:
                rows[number].append(bar)
                ends[number] = end_of_bar
                break
        else:
            rows.append([bar])
            ends.append(end_of_bar)
    return tuple(tuple(row) for row in rows)


class _DeckBuilder:
    def __init__(self, session: Session, text: _Text) -> None:
        self.session = session
        self.text = text
        self._fields = field_rows(session)
        self._schedule: dict[str, tuple[int, int]] | None = None

    # each slide kind -> its pages' contents
    def pages(self, index: int, spec: SlideSpec) -> list[SlidePage]:
        build = getattr(self, f"_{spec.kind}", None)
        if build is None:
            contents: list[SlideContent] = [TitleContent(
                self.text(N_("Unknown slide")), (self.text(N_("This slide's type is not known: {kind}")).format(
                    kind=spec.kind),), "", "")]
            title = self.text(N_("Unknown slide"))
        else:
            title, contents = build(spec)
        if spec.title.strip():
            title = spec.title.strip()
        steps = reveal_steps(self.session, spec)
        return [SlidePage(index, spec.kind, title, spec.notes, steps, number, len(contents), content)
                for number, content in enumerate(contents, start=1)]

    def _months(self) -> dict[str, tuple[int, int]]:
        """Each initiative's first and last scheduled month (its planned ones when the schedule cannot be made)."""
        if self._schedule is None:
            from planner.schedule import schedule_plan

            try:
                result = schedule_plan(self.session)
                self._schedule = {item.id: (item.es, item.display_early_finish) for item in result.items}
            except PlannerError:
                table = Initiative.__table__
                self._schedule = {
                    row.id: (row.start_month.index, row.start_month.index + max(row.duration_months, 1) - 1)
                    for row in self.session.execute(select(table.c.id, table.c.start_month, table.c.duration_months))
                }
        return self._schedule

    def _initiatives(self) -> list[Any]:
        table = Initiative.__table__
        return list(self.session.execute(
            select(table.c.id, table.c.code, table.c.title, table.c.field_id, table.c.duration_months)
            .order_by(table.c.position, table.c.code)))

    def _title(self, spec: SlideSpec) -> tuple[str, list[SlideContent]]:
        plan = self.session.execute(select(Plan)).scalar_one()
        region = " ".join(part for part in (plan.region_province, plan.region_district) if part)
        lines = tuple(line for line in (region, plan.lead_organisation, f"{plan.start_year}–{plan.end_year}") if line)
        return plan.title, [TitleContent(plan.title, lines, self.text(N_("Vision")), plan.vision or "")]

    def _roadmap(self, spec: SlideSpec) -> tuple[str, list[SlideContent]]:
        years = _roadmap_years(self.session, spec)
        first, last = YearMonth(years[0], 1).index, YearMonth(years[-1], 12).index
        months = self._months()
        wanted = spec.params.get("field_ids")
        fields = [row for row in self._fields if not isinstance(wanted, list) or row[0] in wanted]
        lanes_of: dict[str | None, list[RoadmapBar]] = {row[0]: [] for row in fields}
        for row in self._initiatives():
            start, finish = months.get(row.id, (first, first))
            if finish < first or start > last:
                continue
            key = row.field_id if row.field_id in lanes_of else None
            if key is None and isinstance(wanted, list):
                continue
            lanes_of.setdefault(key, []).append(RoadmapBar(row.id, row.code, row.title, max(start, first),
                                                           min(finish, last), row.duration_months == 0))
        colour_of = {row[0]: number for number, row in enumerate(self._fields)}
        lanes: list[RoadmapLane] = []
        for field_id, code, name, _description in fields:
            if lanes_of.get(field_id):
                lanes.append(RoadmapLane(field_id, f"{code}. {name}", colour_of[field_id],
                                         pack_rows(lanes_of[field_id])))
        if lanes_of.get(None):
            lanes.append(RoadmapLane(None, self.text(N_("No field")), len(self._fields), pack_rows(lanes_of[None])))
        title = self.text(N_("Roadmap {start}–{end}")).format(start=years[0], end=years[-1])
        pages: list[list[RoadmapLane]] = [[]]
        used = 0
        for lane in lanes:
            if used and used + len(lane.rows) > ROADMAP_ROWS_PER_PAGE:
                pages.append([])  # a lane stays on one page when it can
                used = 0
            rows = lane.rows
            while rows:
                if used >= ROADMAP_ROWS_PER_PAGE:
                    pages.append([])
                    used = 0
                part, rows = rows[:ROADMAP_ROWS_PER_PAGE - used], rows[ROADMAP_ROWS_PER_PAGE - used:]
                pages[-1].append(RoadmapLane(lane.field_id, lane.label, lane.colour_index, part))
                used += len(part)
        empty = self.text(N_("No initiatives fall within these years."))
        return title, [RoadmapContent(years, tuple(page), empty) for page in pages]

    def _field(self, spec: SlideSpec) -> tuple[str, list[SlideContent]]:
        field_id = spec.params.get("field_id")
        found = next(((number, row) for number, row in enumerate(self._fields) if row[0] == field_id), None)
        if found is None:
            missing = self.text(N_("This field is no longer in the plan."))
            return self.text(N_("Initiatives of one field")), [
                FieldContent(str(field_id or ""), "", "", 0, (), missing, "")]
        colour, (row_id, code, name, _description) = found
        months = self._months()
        budgets: dict[str, int] = {}
        lines = BudgetLine.__table__
        for initiative_id, amount in self.session.execute(select(lines.c.initiative_id, lines.c.planned_krw)):
            budgets[initiative_id] = budgets.get(initiative_id, 0) + int(amount or 0)
        items: list[FieldItem] = []
        for row in self._initiatives():
            if row.field_id != row_id:
                continue
            start, finish = months.get(row.id, (0, 0))
            first, final = YearMonth.from_index(start), YearMonth.from_index(finish)
            period = month_text(first) if row.duration_months == 0 else f"{month_text(first)}–{month_text(final)}"
            budget = millions_text(budgets[row.id]) if budgets.get(row.id) else ""
            items.append(FieldItem(row.id, row.code, row.title, period, budget))
        empty = self.text(N_("No initiatives in this field yet."))
        label = self.text(N_("KRW million"))
        return f"{code}. {name}", [FieldContent(row_id, code, name, colour, chunk, empty, label)
                                   for chunk in _chunks(items, FIELD_ITEMS_PER_PAGE)]

    def _stakeholder_rows(self) -> list[Any]:
        table = Stakeholder.__table__
        return list(self.session.execute(
            select(table.c.id, table.c.name, table.c.sector, table.c.influence, table.c.interest, table.c.attitude)
            .order_by(table.c.name, table.c.id)))

    def _grid(self, spec: SlideSpec) -> tuple[str, list[SlideContent]]:
        people = tuple(GridStakeholder(row.id, row.name, row.sector, int(row.influence), int(row.interest),
                                       row.attitude) for row in self._stakeholder_rows())
        quadrants = {code: self.text(label) for code, label in ENGAGEMENT_STRATEGIES.items()}
        content = GridContent(people, self.text(N_("Influence")), self.text(N_("Interest")), quadrants,
                              self.text(N_("No stakeholders yet.")))
        return self.text(N_("Stakeholders: influence and interest")), [content]

    def _network(self, spec: SlideSpec) -> tuple[str, list[SlideContent]]:
        from planner.stakeholders.analysis import stakeholder_graph
        from planner.stakeholders.layout import sector_rings_layout
        from planner.stakeholders.positions import network_positions

        graph = stakeholder_graph(self.session)
        saved = network_positions(self.session)
        layout = sector_rings_layout(graph)
        positions = {node.id: saved.get(node.id, layout.get(node.id, (0.5, 0.5))) for node in graph.nodes}
        if positions:
            xs = [x for x, _y in positions.values()]
            ys = [y for _x, y in positions.values()]
            span_x, span_y = max(xs) - min(xs) or 1.0, max(ys) - min(ys) or 1.0
            positions = {key: ((x - min(xs)) / span_x if len(xs) > 1 else 0.5,
                               (y - min(ys)) / span_y if len(ys) > 1 else 0.5)
                         for key, (x, y) in positions.items()}
        degree: dict[str, int] = {node.id: 0 for node in graph.nodes}
        pairs: set[tuple[str, str]] = set()
        for edge in graph.edges:
            if edge.source_id == edge.target_id:
                continue
            pair = tuple(sorted((edge.source_id, edge.target_id)))
            if pair not in pairs:
                pairs.add(pair)  # type: ignore[arg-type]
                degree[edge.source_id] = degree.get(edge.source_id, 0) + 1
                degree[edge.target_id] = degree.get(edge.target_id, 0) + 1
        named = {node.id for node in sorted(graph.nodes, key=lambda node: (-degree.get(node.id, 0), -node.influence,
                                                                            node.name))[:NETWORK_LABELS]}
        nodes = tuple(NetworkNode(node.id, node.name, node.sector, positions[node.id][0], positions[node.id][1],
                                  degree.get(node.id, 0), node.id in named) for node in graph.nodes)
        edges = tuple(NetworkEdge(edge.source_id, edge.target_id, edge.directed) for edge in graph.edges
                      if edge.source_id != edge.target_id)
        present = {node.sector for node in graph.nodes}
        sectors = tuple((code, self.text.vocabulary(SECTORS, code)) for code in SECTORS if code in present)
        sectors += tuple((code, code) for code in sorted(present - set(SECTORS)))
        content = NetworkContent(nodes, edges, sectors, self.text(N_("No stakeholders yet.")))
        return self.text(N_("Stakeholder network")), [content]

    def _budget(self, spec: SlideSpec) -> tuple[str, list[SlideContent]]:
        start, end = _plan_years(self.session)
        lines = BudgetLine.__table__
        amounts: dict[tuple[int, str], int] = {}
        for year, source, amount in self.session.execute(
                select(lines.c.fiscal_year, lines.c.source, lines.c.planned_krw)):
            if amount:
                amounts[(int(year), source)] = amounts.get((int(year), source), 0) + int(amount)
        years = tuple(sorted(set(range(start, end + 1)) | {year for year, _s in amounts}))
        present = {source for _y, source in amounts}
        sources = tuple((code, self.text.vocabulary(FUNDING_SOURCES, code)) for code in FUNDING_SOURCES
                        if code in present) + tuple((code, code) for code in sorted(present - set(FUNDING_SOURCES)))
        total = self.text(N_("Total {amount} million KRW")).format(amount=millions_text(sum(amounts.values())))
        content = BudgetContent(years, sources, amounts, total, self.text(N_("KRW million")),
                                self.text(N_("No budget has been planned yet.")))
        return self.text(N_("Budget by year")), [content]

    def _kpis(self, spec: SlideSpec) -> tuple[str, list[SlideContent]]:
        kpis, targets = Kpi.__table__, KpiTarget.__table__
        last_target: dict[str, tuple[int, Decimal | None]] = {}
        for kpi_id, year, value in self.session.execute(
                select(targets.c.kpi_id, targets.c.year, targets.c.target_value).order_by(targets.c.year)):
            last_target[kpi_id] = (int(year), value)
        rows = list(self.session.execute(
            select(kpis.c.id, kpis.c.name, kpis.c.type, kpis.c.unit, kpis.c.baseline_value, kpis.c.initiative_id,
                   kpis.c.position)))
        order = {"outcome": 0, "output": 1, "process": 2, "input": 3}
        # the plan's own KPIs first, then outcomes before outputs; only KPIs with a target make a slide
        rows.sort(key=lambda row: (row.initiative_id is not None, order.get(row.type, 4), row.position, row.name))
        chosen = [row for row in rows if row.initiative_id is None or row.id in last_target]
        items: list[KpiItem] = []
        for row in chosen:
            unit = f" {row.unit}" if row.unit else ""
            baseline = _number_text(row.baseline_value) + (unit if row.baseline_value is not None else "")
            year, value = last_target.get(row.id, (None, None))
            target = "—" if value is None else f"{_number_text(value)}{unit} ({year})"
            items.append(KpiItem(row.name, self.text.vocabulary(KPI_TYPES, row.type), baseline, target))
        items = items[:KPIS_PER_PAGE * 2]  # a projector is not a report: two pages at most
        content_pages = [KpisContent(chunk, self.text(N_("Baseline")), self.text(N_("Target")),
                                     self.text(N_("No KPIs yet."))) for chunk in _chunks(items, KPIS_PER_PAGE)]
        return self.text(N_("Key performance indicators")), list(content_pages)

    def _ratings(self, spec: SlideSpec) -> tuple[str, list[SlideContent]]:
        ratings, initiatives = WorkshopRating.__table__, Initiative.__table__
        rows = self.session.execute(
            select(initiatives.c.id, initiatives.c.code, initiatives.c.title, ratings.c.votes, ratings.c.impact,
                   ratings.c.feasibility)
            .join(ratings, ratings.c.initiative_id == initiatives.c.id))
        items = sorted((RatingItem(row.id, row.code, row.title, int(row.votes or 0), row.impact, row.feasibility)
                        for row in rows), key=lambda item: (-item.votes, item.code))
        content_pages = [RatingsContent(chunk, self.text(N_("Votes")), self.text(N_("Impact")),
                                        self.text(N_("Feasibility")), self.text(N_("No votes recorded yet.")))
                         for chunk in _chunks(items, RATINGS_PER_PAGE)]
        return self.text(N_("Workshop ratings")), list(content_pages)


def spotlight_targets(page: SlidePage) -> list[SpotlightTarget]:
    """What a spotlight can pick on a page: its lanes and initiatives, or its stakeholders."""
    content = page.content
    if isinstance(content, RoadmapContent):
        targets = [SpotlightTarget("field", lane.field_id, lane.label) for lane in content.lanes]
        targets += [SpotlightTarget("initiative", bar.initiative_id, f"{bar.code} {bar.title}")
                    for lane in content.lanes for row in lane.rows for bar in row]
        return targets
    if isinstance(content, FieldContent):
        return [SpotlightTarget("initiative", item.initiative_id, f"{item.code} {item.title}") for item in content.items]
    if isinstance(content, RatingsContent):
        return [SpotlightTarget("initiative", item.initiative_id, f"{item.code} {item.title}") for item in content.items]
    if isinstance(content, GridContent):
        return [SpotlightTarget("stakeholder", person.stakeholder_id, person.name) for person in content.stakeholders]
    if isinstance(content, NetworkContent):
        return [SpotlightTarget("stakeholder", node.stakeholder_id, node.name)
                for node in sorted(content.nodes, key=lambda node: node.name)]
    return []
