"""Month-based critical-path scheduling: early/late dates, floats, drivers, critical path and findings.

Unit: the month, as an integer month index (YearMonth.index). An initiative occupies the months
[start, start + duration); a milestone has duration 0. Internally every finish is exclusive (start + duration);
`display_finish` gives the last month worked (a milestone: its own month).

Early start = the latest of: the plan's first month, the initiative's planned start month (where the planner
put it; it acts as "start no earlier than" so a bar stays where it was placed), its "start no earlier than"
constraint, and what each incoming dependency requires:

    FS  successor.start  >= predecessor.finish + lag
    SS  successor.start  >= predecessor.start  + lag
    FF  successor.finish >= predecessor.finish + lag
    SF  successor.finish >= predecessor.start  + lag

The backward pass runs from the project finish (the latest early finish), so late dates never pass it and
total float is never negative without a deadline; an initiative that ends after the plan period is a finding.
"""

from __future__ import annotations

import gc
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from planner.errors import CycleError
from planner.i18n import _
from planner.months import YearMonth

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

DEPENDENCY_TYPES = ("FS", "SS", "FF", "SF")
_TYPE_INDEX = {name: index for index, name in enumerate(DEPENDENCY_TYPES)}

# Why an initiative starts when it does (Driver.kind), strongest explanation first when several tie.
DRIVER_DEPENDENCY = "dependency"
DRIVER_NOT_BEFORE = "not_before"
DRIVER_PLANNED_START = "planned_start"
DRIVER_PLAN_START = "plan_start"


@dataclass(frozen=True, slots=True)
class ScheduleInput:
    """One initiative as the scheduler needs it (months as indices)."""

    id: str
    code: str
    start: int  # the planned start month
    duration: int
    not_before: int | None = None
    title: str = ""


@dataclass(frozen=True, slots=True)
class Link:
    """A dependency between two initiatives, by id."""

    predecessor_id: str
    successor_id: str
    type: str = "FS"
    lag: int = 0
    id: str = ""


@dataclass(frozen=True, slots=True)
class Driver:
    """What fixes an initiative's early start: a dependency (with its predecessor), a constraint, or the plan."""

    kind: str
    predecessor_id: str | None = None
    predecessor_code: str | None = None
    type: str | None = None
    lag: int | None = None
    month: int | None = None  # the month that constraint asks for

    def describe(self) -> str:
        """One sentence answering 'why does this start then?'."""
        month = str(YearMonth.from_index(self.month)) if self.month is not None else ""
        if self.kind == DRIVER_DEPENDENCY:
            return _("{type} link from {code} with a lag of {lag} months").format(
                type=self.type, code=self.predecessor_code, lag=self.lag
            )
        if self.kind == DRIVER_NOT_BEFORE:
            return _("its 'start no earlier than' constraint ({month})").format(month=month)
        if self.kind == DRIVER_PLANNED_START:
            return _("its planned start ({month})").format(month=month)
        return _("the start of the plan period ({month})").format(month=month)


class ScheduledInitiative(NamedTuple):
    """The schedule of one initiative; finishes are exclusive month indices."""

    id: str
    code: str
    title: str
    duration: int
    planned_start: int
    not_before: int | None
    es: int
    ef: int
    ls: int
    lf: int
    total_float: int
    free_float: int
    critical: bool
    driver: Driver

    @property
    def milestone(self) -> bool:
        return self.duration == 0

    @staticmethod
    def last_month(start: int, finish: int) -> int:
        """The last month worked for an exclusive finish (a milestone: its own month)."""
        return max(finish - 1, start)

    @property
    def display_early_finish(self) -> int:
        return self.last_month(self.es, self.ef)

    @property
    def display_late_finish(self) -> int:
        return self.last_month(self.ls, self.lf)


@dataclass(frozen=True, slots=True)
class Finding:
    """Something the schedule reveals that a planner should look at."""

    kind: str  # ends_after_plan_period | kpi_target_before_finish | milestone_out_of_order
    initiative_code: str
    message: str


class ScheduleResult:
    """The whole schedule, kept as arrays by input position; per-initiative records are built when asked for.

    `order` lists input positions in topological order; `items` gives ScheduledInitiative records in that order.
    """

    def __init__(self, plan_start: int, plan_end: int, finish: int, inputs: Sequence[ScheduleInput],
                 order: list[int], arrays: dict[str, list[int]], drivers: list[tuple[int, int]],
                 incoming: list[list[tuple[int, int, int]]], findings: tuple[Finding, ...] = ()) -> None:
        self.plan_start = plan_start
        self.plan_end = plan_end
        self.finish = finish  # exclusive: the month after the last month worked (plan_start when empty)
        self.inputs = inputs
        self.order = order
        self.es, self.ef = arrays["es"], arrays["ef"]
        self.ls, self.lf = arrays["ls"], arrays["lf"]
        self.total_float, self.free_float = arrays["total_float"], arrays["free_float"]
        self._drivers = drivers  # per position: (driver kind code, position in incoming[] or -1)
        self._incoming = incoming
        self.findings = findings
        self._items: tuple[ScheduledInitiative, ...] | None = None
        self._paths: tuple[tuple[str, ...], ...] | None = None

    def with_findings(self, findings: Sequence[Finding]) -> ScheduleResult:
        result = ScheduleResult(self.plan_start, self.plan_end, self.finish, self.inputs, self.order,
                                {"es": self.es, "ef": self.ef, "ls": self.ls, "lf": self.lf,
                                 "total_float": self.total_float, "free_float": self.free_float},
                                self._drivers, self._incoming, tuple(findings))
        result._items, result._paths = self._items, self._paths
        return result

    def driver(self, position: int) -> Driver:
        kind, link = self._drivers[position]
        item = self.inputs[position]
        if kind == _DRIVER_CODES[DRIVER_DEPENDENCY]:
            predecessor, type_index, lag = self._incoming[position][link]
            return Driver(DRIVER_DEPENDENCY, self.inputs[predecessor].id, self.inputs[predecessor].code,
                          DEPENDENCY_TYPES[type_index], lag, month=self.es[position])
        if kind == _DRIVER_CODES[DRIVER_NOT_BEFORE]:
            return Driver(DRIVER_NOT_BEFORE, month=item.not_before)
        if kind == _DRIVER_CODES[DRIVER_PLANNED_START]:
            return Driver(DRIVER_PLANNED_START, month=item.start)
        return Driver(DRIVER_PLAN_START, month=self.plan_start)

    def item(self, position: int) -> ScheduledInitiative:
        source = self.inputs[position]
        total = self.total_float[position]
        return ScheduledInitiative(
            source.id, source.code, source.title, max(source.duration, 0), source.start, source.not_before,
            self.es[position], self.ef[position], self.ls[position], self.lf[position], total,
            self.free_float[position], total <= 0, self.driver(position),
        )

    @property
    def items(self) -> tuple[ScheduledInitiative, ...]:
        if self._items is None:
            self._items = tuple(self.item(position) for position in self.order)
        return self._items

    @property
    def by_id(self) -> dict[str, ScheduledInitiative]:
        return {item.id: item for item in self.items}

    @property
    def critical_paths(self) -> tuple[tuple[str, ...], ...]:
        """Chains of critical initiatives ending at the project finish, followed back through their drivers;
        longest first."""
        if self._paths is None:
            dependency = _DRIVER_CODES[DRIVER_DEPENDENCY]
            paths: list[tuple[str, ...]] = []
            for position in self.order:
                if self.total_float[position] > 0 or self.ef[position] != self.finish:
                    continue
                chain = [self.inputs[position].code]
                current = position
                while self._drivers[current][0] == dependency:
                    previous = self._incoming[current][self._drivers[current][1]][0]
                    if self.total_float[previous] > 0:
                        break
                    chain.append(self.inputs[previous].code)
                    current = previous
                paths.append(tuple(reversed(chain)))
            paths.sort(key=lambda path: (-len(path), path))
            self._paths = tuple(paths)
        return self._paths

    @property
    def critical_path(self) -> tuple[str, ...]:
        return self.critical_paths[0] if self.critical_paths else ()

    @property
    def display_finish(self) -> int:
        """The last month any initiative works (the plan's start when there is nothing)."""
        if not self.inputs:
            return self.plan_start
        return max(max(self.ef[i] - 1, self.es[i]) for i in range(len(self.inputs)))


_DRIVER_CODES = {DRIVER_PLAN_START: 0, DRIVER_PLANNED_START: 1, DRIVER_NOT_BEFORE: 2, DRIVER_DEPENDENCY: 3}


def find_cycle(count: int, successors: Sequence[Sequence[int]], within: set[int]) -> list[int]:
    """One cycle among the nodes `within` (every one of which lies on or leads into a cycle), in order."""
    start = min(within)
    seen_at: dict[int, int] = {}
    path: list[int] = []
    node = start
    while node not in seen_at:
        seen_at[node] = len(path)
        path.append(node)
        node = next(nxt for nxt in successors[node] if nxt in within)
    return [*path[seen_at[node]:], node]


def schedule(
    initiatives: Sequence[ScheduleInput], links: Sequence[Link], plan_start: int, plan_end: int
) -> ScheduleResult:
    """Schedule initiatives under dependencies; raise CycleError naming a cycle if the links contain one.

    A plain pass over integer arrays in topological order (the measured fastest pure-Python form)."""
    collecting = gc.isenabled()
    gc.disable()  # the passes allocate many small tuples and no cycles; the collector only slows them
    try:
        return _schedule(initiatives, links, plan_start, plan_end)
    finally:
        if collecting:
            gc.enable()


def _schedule(
    initiatives: Sequence[ScheduleInput], links: Sequence[Link], plan_start: int, plan_end: int
) -> ScheduleResult:
    count = len(initiatives)
    index = {item.id: position for position, item in enumerate(initiatives)}
    durations = [item.duration if item.duration > 0 else 0 for item in initiatives]
    incoming: list[list[tuple[int, int, int]]] = [[] for _ in range(count)]  # (pred, type, lag)
    outgoing: list[list[tuple[int, int, int]]] = [[] for _ in range(count)]  # (succ, type, lag)
    indegree = [0] * count
    type_index = _TYPE_INDEX
    for link in links:
        p, s = index.get(link.predecessor_id), index.get(link.successor_id)
        if p is None or s is None:
            continue  # a link to an initiative outside this schedule does not bind
        kind = type_index[link.type]
        incoming[s].append((p, kind, link.lag))
        outgoing[p].append((s, kind, link.lag))
        indegree[s] += 1

    # Topological order (Kahn), in input order among the ready ones so the result is stable.
    order = [i for i in range(count) if indegree[i] == 0]
    head = 0
    while head < len(order):
        for successor, _kind, _lag in outgoing[order[head]]:
            indegree[successor] -= 1
            if indegree[successor] == 0:
                order.append(successor)
        head += 1
    if len(order) < count:
        stuck = set(range(count)) - set(order)
        codes = [item.code for item in initiatives]
        cycle = [codes[i] for i in find_cycle(count, [[s for s, _k, _l in out] for out in outgoing], stuck)]
        message = _("These dependencies form a cycle: {cycle}.").format(cycle=" → ".join(cycle))
        raise CycleError({"dependency": message}, cycle)

    # Forward pass; the driver is (kind code, link position), a dependency winning ties.
    es = [0] * count
    ef = [0] * count
    drivers: list[tuple[int, int]] = [(0, -1)] * count
    for node in order:
        item = initiatives[node]
        best, driver = plan_start, (0, -1)
        if item.start >= best:
            best, driver = item.start, (1, -1)
        if item.not_before is not None and item.not_before >= best:
            best, driver = item.not_before, (2, -1)
        duration = durations[node]
        for position, (predecessor, kind, lag) in enumerate(incoming[node]):
            if kind == 0:
                required = ef[predecessor] + lag
            elif kind == 1:
                required = es[predecessor] + lag
            elif kind == 2:
                required = ef[predecessor] + lag - duration
            else:
                required = es[predecessor] + lag - duration
            if required > best or (required == best and driver[0] != 3):
                best, driver = required, (3, position)
        es[node], ef[node], drivers[node] = best, best + duration, driver
    finish = max(ef, default=plan_start)

    # Backward pass from the project finish.
    lf = [finish] * count
    ls = [0] * count
    for node in reversed(order):
        latest = finish
        duration = durations[node]
        for successor, kind, lag in outgoing[node]:
            if kind == 0:
                bound = ls[successor] - lag
            elif kind == 1:
                bound = ls[successor] - lag + duration
            elif kind == 2:
                bound = lf[successor] - lag
            else:
                bound = lf[successor] - lag + duration
            if bound < latest:
                latest = bound
        lf[node], ls[node] = latest, latest - duration

    # Total float = late - early start; free float = the least slack left on any outgoing link (or to the end).
    total_float = [ls[i] - es[i] for i in range(count)]
    free_float = [0] * count
    for node in range(count):
        free = finish - ef[node]
        early_start, early_finish = es[node], ef[node]
        for successor, kind, lag in outgoing[node]:
            if kind == 0:
                slack = es[successor] - early_finish - lag
            elif kind == 1:
                slack = es[successor] - early_start - lag
            elif kind == 2:
                slack = ef[successor] - early_finish - lag
            else:
                slack = ef[successor] - early_start - lag
            if slack < free:
                free = slack
        free_float[node] = free if free > 0 else 0
    arrays = {"es": es, "ef": ef, "ls": ls, "lf": lf, "total_float": total_float, "free_float": free_float}
    return ScheduleResult(plan_start, plan_end, finish, initiatives, order, arrays, drivers, incoming)


def schedule_plan(session: Session) -> ScheduleResult:
    """Schedule the plan a session holds, with its findings (reads plain rows; holds no ORM objects)."""
    from sqlalchemy import func, select

    from planner.model import Initiative, Kpi, KpiTarget, Milestone, Plan

    start_year, end_year = session.execute(select(Plan.start_year, Plan.end_year)).one()
    plan_start, plan_end = YearMonth(start_year, 1).index, YearMonth(end_year, 12).index
    table = Initiative.__table__
    inputs = [
        ScheduleInput(row.id, row.code, row.start_month.index, row.duration_months,
                      row.not_before.index if row.not_before is not None else None, row.title)
        for row in session.execute(
            select(table.c.id, table.c.code, table.c.title, table.c.start_month, table.c.duration_months,
                   table.c.not_before)
        )
    ]
    result = schedule(inputs, plan_links(session), plan_start, plan_end)
    by_id = result.by_id
    findings: list[Finding] = []
    for item in result.items:
        if item.display_early_finish > plan_end:
            findings.append(Finding("ends_after_plan_period", item.code, _(
                "{code} ends in {finish}, after the plan period ends ({end})."
            ).format(code=item.code, finish=YearMonth.from_index(item.display_early_finish),
                     end=YearMonth.from_index(plan_end))))
    kpi, target = Kpi.__table__, KpiTarget.__table__
    # A KPI's last target year must not come before the initiative finishes (intermediate years are fine).
    last_target_years = session.execute(
        select(kpi.c.initiative_id, kpi.c.name, func.max(target.c.year))
        .join(target, target.c.kpi_id == kpi.c.id)
        .where(kpi.c.initiative_id.is_not(None))
        .group_by(kpi.c.id)
    ).all()
    for initiative_id, name, year in sorted(last_target_years, key=lambda row: (by_id[row[0]].code if row[0] in by_id else "", row[1])):
        item = by_id.get(initiative_id)
        finish = YearMonth.from_index(item.display_early_finish) if item else None
        if item is not None and finish is not None and year < finish.year:
            findings.append(Finding("kpi_target_before_finish", item.code, _(
                "{code}: the last target of the KPI '{kpi}' is for {year}, before the initiative finishes ({finish})."
            ).format(code=item.code, kpi=name, year=year, finish=finish)))
    milestone = Milestone.__table__
    for initiative_id, title, month in session.execute(
        select(milestone.c.initiative_id, milestone.c.title, milestone.c.month).order_by(milestone.c.month)
    ):
        item = by_id.get(initiative_id)
        if item is not None and not item.es <= month.index <= item.display_early_finish:
            findings.append(Finding("milestone_out_of_order", item.code, _(
                "{code}: the milestone '{milestone}' ({month}) falls outside the initiative's months "
                "({start} – {finish})."
            ).format(code=item.code, milestone=title, month=month, start=YearMonth.from_index(item.es),
                     finish=YearMonth.from_index(item.display_early_finish))))
    return result.with_findings(findings)


def schedule_json(result: ScheduleResult, links: Sequence[Link]) -> dict[str, object]:
    """The documented JSON form of a schedule (cplan schedule --json): months as 'YYYY-MM', finishes as the
    last month worked, so every dependency can be rechecked from this output alone."""

    def month(index: int | None) -> str | None:
        return None if index is None else str(YearMonth.from_index(index))

    by_id = result.by_id
    predecessors: dict[str, list[dict[str, object]]] = {}
    for link in links:
        if link.predecessor_id in by_id and link.successor_id in by_id:
            predecessors.setdefault(link.successor_id, []).append(
                {"code": by_id[link.predecessor_id].code, "type": link.type, "lag": link.lag}
            )
    return {
        "plan_start": month(result.plan_start),
        "plan_end": month(result.plan_end),
        "finish": month(result.display_finish),
        "initiatives": [
            {
                "code": item.code,
                "title": item.title,
                "duration": item.duration,
                "milestone": item.milestone,
                "not_before": month(item.not_before),
                "predecessors": sorted(predecessors.get(item.id, []), key=lambda p: str(p["code"])),
                "es": month(item.es),
                "ef": month(item.display_early_finish),
                "ls": month(item.ls),
                "lf": month(item.display_late_finish),
                "total_float": item.total_float,
                "free_float": item.free_float,
                "critical": item.critical,
                "driver": _driver_json(item.driver),
            }
            for item in result.items
        ],
        "critical_path": list(result.critical_path),
        "findings": [{"kind": f.kind, "code": f.initiative_code, "message": f.message} for f in result.findings],
    }


def _driver_json(driver: Driver) -> dict[str, object]:
    data: dict[str, object] = {"kind": driver.kind}
    if driver.kind == DRIVER_DEPENDENCY:
        data |= {"code": driver.predecessor_code, "type": driver.type, "lag": driver.lag}
    if driver.month is not None:
        data["month"] = str(YearMonth.from_index(driver.month))
    return data


def plan_links(session: Session) -> list[Link]:
    """Every dependency of the plan as a Link."""
    from sqlalchemy import select

    from planner.model import Dependency

    table = Dependency.__table__
    return [
        Link(row.predecessor_id, row.successor_id, row.type, row.lag_months, row.id)
        for row in session.execute(select(table.c.id, table.c.predecessor_id, table.c.successor_id, table.c.type,
                                          table.c.lag_months))
    ]
