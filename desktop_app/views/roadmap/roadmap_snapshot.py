"""A plain snapshot of what the roadmap draws: scheduled bars, lanes, links and milestones (no ORM, no Qt)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from planner.i18n import N_, _
from planner.model import BudgetLine, Field, Initiative, Milestone, Stakeholder, Strategy
from planner.model.vocabulary import FUNDING_SOURCES
from planner.schedule import ScheduleResult, plan_links, schedule_plan

# How the lanes group initiatives: (key, English label shown through _()).
GROUPINGS: tuple[tuple[str, str], ...] = (
    ("field", N_("Field")),
    ("strategy", N_("Strategy")),
    ("lead", N_("Lead organisation")),
    ("source", N_("Funding source")),
)
GROUPING_KEYS = tuple(key for key, _label in GROUPINGS)
NO_LANE = ""  # the lane key of initiatives outside every lane of a grouping (shown last)
_NO_LANE_LABELS = {
    "field": N_("No field"),
    "strategy": N_("No strategy"),
    "lead": N_("No lead organisation"),
    "source": N_("No budget"),
}


@dataclass(frozen=True, slots=True)
class RoadmapBar:
    """One initiative as scheduled; months are indices, `ef`/`lf` exclusive."""

    id: str
    code: str
    title: str
    duration: int
    planned_start: int
    es: int
    ef: int
    ls: int
    lf: int
    total_float: int
    free_float: int
    critical: bool
    why: str  # Driver.describe(): why it starts when it does
    progress: int
    position: int
    lanes: dict[str, str]  # grouping key -> lane key

    @property
    def milestone(self) -> bool:
        return self.duration == 0

    @property
    def label(self) -> str:
        return f"{self.code}  {self.title}"


@dataclass(frozen=True, slots=True)
class RoadmapLink:
    """A dependency between two bars; `critical` when it joins two critical bars with no slack."""

    id: str
    predecessor_id: str
    successor_id: str
    type: str
    lag: int
    critical: bool


@dataclass(frozen=True, slots=True)
class RoadmapMilestone:
    """A dated checkpoint inside an initiative."""

    initiative_id: str
    title: str
    month: int
    done: bool


@dataclass(frozen=True, slots=True)
class Lane:
    """One swimlane of a grouping, in display order."""

    key: str
    label: str


@dataclass(frozen=True)
class RoadmapSnapshot:
    """Everything the roadmap scene needs, read in one short session."""

    plan_start: int
    plan_end: int  # the last month of the plan period (inclusive)
    finish: int  # exclusive
    bars: tuple[RoadmapBar, ...] = ()
    links: tuple[RoadmapLink, ...] = ()
    milestones: tuple[RoadmapMilestone, ...] = ()
    lanes: dict[str, tuple[Lane, ...]] = field(default_factory=dict)
    critical_path: tuple[str, ...] = ()
    order: tuple[str, ...] = ()  # initiative ids in schedule (topological) order

    @property
    def by_id(self) -> dict[str, RoadmapBar]:
        return {bar.id: bar for bar in self.bars}


def link_slack(kind: str, lag: int, predecessor: RoadmapBar | tuple[int, int], successor: RoadmapBar | tuple[int, int]) -> int:
    """How many months a link leaves between what it requires and where the successor is."""
    p_start, p_finish = (predecessor.es, predecessor.ef) if isinstance(predecessor, RoadmapBar) else predecessor
    s_start, s_finish = (successor.es, successor.ef) if isinstance(successor, RoadmapBar) else successor
    if kind == "SS":
        return s_start - p_start - lag
    if kind == "FF":
        return s_finish - p_finish - lag
    if kind == "SF":
        return s_finish - p_start - lag
    return s_start - p_finish - lag


def roadmap_snapshot(session: Session) -> RoadmapSnapshot:
    """Schedule the plan and read what the roadmap draws as plain values."""
    result: ScheduleResult = schedule_plan(session)
    table = Initiative.__table__
    rows = {
        row.id: row
        for row in session.execute(select(table.c.id, table.c.field_id, table.c.strategy_id, table.c.lead_stakeholder_id,
                                          table.c.lead_department, table.c.progress, table.c.position))
    }
    source_totals: dict[str, dict[str, int]] = {}
    for initiative_id, source, total in session.execute(
        select(BudgetLine.initiative_id, BudgetLine.source, func.sum(BudgetLine.planned_krw))
        .group_by(BudgetLine.initiative_id, BudgetLine.source)
    ):
        source_totals.setdefault(initiative_id, {})[source] = int(total or 0)
    fields = [(r.id, f"{r.code} {r.name}".strip()) for r in session.execute(
        select(Field.id, Field.code, Field.name).order_by(Field.position, Field.code))]
    strategies = [(r.id, f"{r.code} {r.name}".strip()) for r in session.execute(
        select(Strategy.id, Strategy.code, Strategy.name).order_by(Strategy.position, Strategy.code))]
    stakeholders = dict(session.execute(select(Stakeholder.id, Stakeholder.name)).all())
    source_order = {source: n for n, source in enumerate(FUNDING_SOURCES)}

    def largest_source(initiative_id: str) -> str:
        totals = source_totals.get(initiative_id)
        if not totals:
            return NO_LANE
        return min(totals, key=lambda source: (-totals[source], source_order.get(source, len(source_order)), source))

    def lead_of(row: object) -> str:
        name = stakeholders.get(getattr(row, "lead_stakeholder_id", None) or "", "")
        return name or (getattr(row, "lead_department", "") or "").strip()

    bars: list[RoadmapBar] = []
    for item in result.items:
        row = rows.get(item.id)
        lanes = {
            "field": (row.field_id or NO_LANE) if row else NO_LANE,
            "strategy": (row.strategy_id or NO_LANE) if row else NO_LANE,
            "lead": lead_of(row) if row else NO_LANE,
            "source": largest_source(item.id),
        }
        bars.append(RoadmapBar(
            item.id, item.code, item.title, item.duration, item.planned_start, item.es, item.ef, item.ls, item.lf,
            item.total_float, item.free_float, item.critical, item.driver.describe(),
            int(row.progress or 0) if row else 0, int(row.position or 0) if row else 0, lanes,
        ))
    bars.sort(key=lambda bar: (bar.position, bar.code))
    by_id = {bar.id: bar for bar in bars}
    links = []
    for link in plan_links(session):
        predecessor, successor = by_id.get(link.predecessor_id), by_id.get(link.successor_id)
        if predecessor is None or successor is None:
            continue
        critical = predecessor.critical and successor.critical and link_slack(link.type, link.lag, predecessor, successor) <= 0
        links.append(RoadmapLink(link.id, link.predecessor_id, link.successor_id, link.type, link.lag, critical))
    milestone = Milestone.__table__
    milestones = tuple(
        RoadmapMilestone(r.initiative_id, r.title, r.month.index, bool(r.done))
        for r in session.execute(select(milestone.c.initiative_id, milestone.c.title, milestone.c.month, milestone.c.done)
                                 .order_by(milestone.c.month))
        if r.initiative_id in by_id
    )
    used = {key: {bar.lanes[key] for bar in bars} for key in GROUPING_KEYS}
    leads = sorted(name for name in used["lead"] if name)
    sources = sorted((s for s in used["source"] if s), key=lambda s: (source_order.get(s, len(source_order)), s))
    lanes = {
        "field": [Lane(key, label) for key, label in fields if key in used["field"]],
        "strategy": [Lane(key, label) for key, label in strategies if key in used["strategy"]],
        "lead": [Lane(name, name) for name in leads],
        "source": [Lane(s, _(FUNDING_SOURCES.get(s, s))) for s in sources],
    }
    for key in GROUPING_KEYS:
        if NO_LANE in used[key]:
            lanes[key].append(Lane(NO_LANE, _(_NO_LANE_LABELS[key])))
    return RoadmapSnapshot(
        result.plan_start, result.plan_end, result.finish, tuple(bars), tuple(links), milestones,
        {key: tuple(value) for key, value in lanes.items()}, tuple(result.critical_path),
        tuple(item.id for item in result.items),
    )
