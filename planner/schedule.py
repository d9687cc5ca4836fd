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
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from operator import attrgetter
from typing import TYPE_CHECKING, NamedTuple

from planner.errors import CycleError
from planner.i18n import _
from planner.months import YearMonth

if TYPE_CHECKING:
    import sqlite3

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
            text = (_("{type} link from {code} with a lag of {lag} month") if abs(self.lag or 0) == 1
                    else _("{type} link from {code} with a lag of {lag} months"))
            return text.format(type=self.type, code=self.predecessor_code, lag=self.lag)
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


class _Links(NamedTuple):
    """The links that bind, as parallel lists: predecessor and successor positions, type index, lag."""

    predecessors: list[int]
    successors: list[int]
    types: list[int]
    lags: list[int]


class ScheduleResult:
    """The whole schedule, kept as arrays by input position; per-initiative records are built when asked for.

    `order` lists input positions in topological order, level by level (an initiative comes after all its
    predecessors; within a level, in input order); `items` gives ScheduledInitiative records in that order.
    """

    def __init__(self, plan_start: int, plan_end: int, finish: int, inputs: Sequence[ScheduleInput],
                 order: list[int], arrays: dict[str, list[int]], drivers: list[int], links: _Links,
                 findings: tuple[Finding, ...] = ()) -> None:
        self.plan_start = plan_start
        self.plan_end = plan_end
        self.finish = finish  # exclusive: the month after the last month worked (plan_start when empty)
        self.inputs = inputs
        self.order = order
        self.es, self.ef = arrays["es"], arrays["ef"]
        self.ls, self.lf = arrays["ls"], arrays["lf"]
        self.total_float, self.free_float = arrays["total_float"], arrays["free_float"]
        self._drivers = drivers  # per position: the index in `links` of the driving link, or -1
        self._links = links
        self.findings = findings
        self._items: tuple[ScheduledInitiative, ...] | None = None
        self._paths: tuple[tuple[str, ...], ...] | None = None

    def with_findings(self, findings: Sequence[Finding]) -> ScheduleResult:
        result = ScheduleResult(self.plan_start, self.plan_end, self.finish, self.inputs, self.order,
                                {"es": self.es, "ef": self.ef, "ls": self.ls, "lf": self.lf,
                                 "total_float": self.total_float, "free_float": self.free_float},
                                self._drivers, self._links, tuple(findings))
        result._items, result._paths = self._items, self._paths
        return result

    def driver(self, position: int) -> Driver:
        """Why the initiative at this input position starts at its early start; a dependency wins a tie
        (the first such link in input order), then the 'start no earlier than' constraint, then the planned
        start, then the plan's start."""
        link = self._drivers[position]
        early_start = self.es[position]
        if link >= 0:
            links = self._links
            predecessor = self.inputs[links.predecessors[link]]
            return Driver(DRIVER_DEPENDENCY, predecessor.id, predecessor.code, DEPENDENCY_TYPES[links.types[link]],
                          links.lags[link], month=early_start)
        item = self.inputs[position]
        if item.not_before is not None and item.not_before == early_start:
            return Driver(DRIVER_NOT_BEFORE, month=item.not_before)
        if item.start == early_start:
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
            item = self.item
            self._items = tuple(map(item, self.order))
        return self._items

    @property
    def by_id(self) -> dict[str, ScheduledInitiative]:
        return {item.id: item for item in self.items}

    @property
    def critical_paths(self) -> tuple[tuple[str, ...], ...]:
        """Chains of critical initiatives ending at the project finish, followed back through their drivers;
        longest first."""
        if self._paths is None:
            predecessors = self._links.predecessors
            paths: list[tuple[str, ...]] = []
            for position in self.order:
                if self.total_float[position] > 0 or self.ef[position] != self.finish:
                    continue
                chain = [self.inputs[position].code]
                current = position
                while self._drivers[current] >= 0:
                    previous = predecessors[self._drivers[current]]
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


def find_cycle(count: int, successors: Sequence[Sequence[int]], within: set[int]) -> list[int]:
    """One cycle among the nodes `within`, in order, the first repeated last. Every node within must lie on a
    cycle or be reachable from one (what a topological sort leaves over): each then has a predecessor within,
    so walking back through predecessors must come round."""
    predecessors: dict[int, list[int]] = {}
    for node in sorted(within):
        for successor in successors[node]:
            if successor in within:
                predecessors.setdefault(successor, []).append(node)
    seen_at: dict[int, int] = {}
    path: list[int] = []
    node = min(within)
    while node not in seen_at:
        seen_at[node] = len(path)
        path.append(node)
        node = predecessors[node][0]
    cycle = path[seen_at[node]:][::-1]  # walked backwards: reverse into link direction
    first = cycle.index(min(cycle))
    cycle = cycle[first:] + cycle[:first]
    return [*cycle, cycle[0]]


def schedule(
    initiatives: Sequence[ScheduleInput], links: Sequence[Link], plan_start: int, plan_end: int
) -> ScheduleResult:
    """Schedule initiatives under dependencies; raise CycleError naming a cycle if the links contain one.

    Every link becomes one difference constraint between early starts (successor.start >= predecessor.start +
    offset, the offset folding in the lag and the durations its type involves), so both passes are plain
    longest-path sweeps over flat integer lists in topological order."""
    collecting = gc.isenabled()
    gc.disable()  # the passes allocate many small objects and no cycles; the collector only slows them
    try:
        return _schedule(initiatives, links, plan_start, plan_end)
    finally:
        if collecting:
            gc.enable()


_ID = attrgetter("id")
_START = attrgetter("start")
_DURATION = attrgetter("duration")
_NOT_BEFORE = attrgetter("not_before")
_PREDECESSOR = attrgetter("predecessor_id")
_SUCCESSOR = attrgetter("successor_id")
_TYPE = attrgetter("type")
_LAG = attrgetter("lag")
# From this many initiatives on, the passes run vectorised (numpy) over each topological level that has at
# least NUMPY_LEVEL_LINKS outgoing links; results are identical either way.
NUMPY_FROM = 4_000
NUMPY_LEVEL_LINKS = 200
# A process that has not imported numpy yet pays about 0.1 s for it, more than the vectorised passes save below
# this many initiatives (`cplan export --kind schedule` of 5,000: 0.24 s with the import, 0.14 s without).
NUMPY_IMPORT_FROM = 10_000
_FROM_FINISH = (1, 0, 1, 0)  # FS, SS, FF, SF: does the predecessor's finish (1) or start (0) bind?
_TO_FINISH = (0, 0, 1, 1)  # ... and the successor's finish or start?


def _read_links(index: dict[str, int], links: Sequence[Link]) -> _Links:
    position = index.__getitem__
    try:
        predecessors = list(map(position, map(_PREDECESSOR, links)))
        successors = list(map(position, map(_SUCCESSOR, links)))
    except KeyError:  # a link to an initiative outside this schedule does not bind
        links = [link for link in links if link.predecessor_id in index and link.successor_id in index]
        predecessors = list(map(position, map(_PREDECESSOR, links)))
        successors = list(map(position, map(_SUCCESSOR, links)))
    try:
        types = list(map(_TYPE_INDEX.__getitem__, map(_TYPE, links)))
    except KeyError as error:
        raise ValueError(f"Unknown dependency type {error.args[0]!r}; use one of {', '.join(DEPENDENCY_TYPES)}") \
            from None
    return _Links(predecessors, successors, types, list(map(_LAG, links)))


def _schedule(
    initiatives: Sequence[ScheduleInput], links: Sequence[Link], plan_start: int, plan_end: int
) -> ScheduleResult:
    count = len(initiatives)
    index = dict(zip(map(_ID, initiatives), range(count), strict=True))
    bound = _read_links(index, links)
    durations = [duration if duration > 0 else 0 for duration in map(_DURATION, initiatives)]
    es = [start if start > plan_start else plan_start for start in map(_START, initiatives)]
    not_before = list(map(_NOT_BEFORE, initiatives))
    if not_before.count(None) != count:
        for position, month in enumerate(not_before):
            if month is not None and month > es[position]:
                es[position] = month
    if count >= NUMPY_FROM and (count >= NUMPY_IMPORT_FROM or "numpy" in sys.modules):
        order, arrays, drivers = _passes_numpy(initiatives, bound, durations, es, plan_start)
    else:
        order, arrays, drivers = _passes(initiatives, bound, durations, es, plan_start)
    finish = max(arrays["ef"], default=plan_start)
    return ScheduleResult(plan_start, plan_end, finish, initiatives, order, arrays, drivers, bound)


def _passes(initiatives: Sequence[ScheduleInput], bound: _Links, durations: list[int], es: list[int],
            plan_start: int) -> tuple[list[int], dict[str, list[int]], list[int]]:
    """Both passes over plain lists; `es` holds each initiative's own earliest start and is updated in place."""
    count = len(durations)
    predecessors, successors = bound.predecessors, bound.successors
    from_finish, to_finish = _FROM_FINISH, _TO_FINISH
    offsets = [lag + durations[p] * from_finish[kind] - durations[s] * to_finish[kind]
               for p, s, kind, lag in zip(predecessors, successors, bound.types, bound.lags, strict=True)]

    # Outgoing links grouped by predecessor (CSR: node n's links are slots first[n] .. first[n + 1] - 1,
    # in input order), and the indegrees for Kahn's sort.
    first = [0] * (count + 1)
    indegree = [0] * count
    for p in predecessors:
        first[p] += 1
    for s in successors:
        indegree[s] += 1
    first = [0, *accumulate(first[:count])]
    slot = first[:count]
    out_node = [0] * len(predecessors)
    out_offset = [0] * len(predecessors)
    for p, s, offset in zip(predecessors, successors, offsets, strict=True):
        j = slot[p]
        slot[p] = j + 1
        out_node[j] = s
        out_offset[j] = offset

    order: list[int] = []
    _forward([node for node in range(count) if not indegree[node]], order, es, indegree, first, out_node,
             out_offset)
    if len(order) < count:
        _raise_cycle(initiatives, predecessors, successors, indegree)
    ef = [start + duration for start, duration in zip(es, durations, strict=True)]
    finish = max(ef, default=plan_start)

    # Drivers: the first link (in input order) that holds with equality wins over every constraint.
    drivers = [-1] * count
    for link, (p, s, offset) in enumerate(zip(predecessors, successors, offsets, strict=True)):
        if drivers[s] < 0 and es[p] + offset == es[s]:
            drivers[s] = link

    # Backward pass from the project finish; in the same sweep, the latest start each node could take
    # without delaying any successor's early start (its free float).
    ls = [finish - duration for duration in durations]
    free_limit = ls[:]
    for node in reversed(order):
        begin, end = first[node], first[node + 1]
        if begin == end:
            continue
        late, free = ls[node], free_limit[node]
        for j in range(begin, end):
            successor = out_node[j]
            offset = out_offset[j]
            bound_late = ls[successor] - offset
            if bound_late < late:
                late = bound_late
            bound_free = es[successor] - offset
            if bound_free < free:
                free = bound_free
        ls[node], free_limit[node] = late, free
    lf = [start + duration for start, duration in zip(ls, durations, strict=True)]
    total_float = [late - early for late, early in zip(ls, es, strict=True)]
    free_float = [limit - early for limit, early in zip(free_limit, es, strict=True)]
    return order, {"es": es, "ef": ef, "ls": ls, "lf": lf, "total_float": total_float,
                   "free_float": free_float}, drivers


def _forward(level: list[int], order: list[int], es: list[int], indegree: list[int], first: list[int],
             out_node: list[int], out_offset: list[int]) -> None:
    """The forward pass fused with Kahn's sort, level by level from `level` (sorted): a node's early start is
    final once it is ready. Appends to `order`; updates `es` and `indegree` in place."""
    while level:
        order += level
        ready: list[int] = []
        for node in level:
            begin, end = first[node], first[node + 1]
            if begin == end:
                continue
            start = es[node]
            for j in range(begin, end):
                successor = out_node[j]
                required = start + out_offset[j]
                if required > es[successor]:
                    es[successor] = required
                remaining = indegree[successor] - 1
                indegree[successor] = remaining
                if not remaining:
                    ready.append(successor)
        ready.sort()
        level = ready


def _passes_numpy(initiatives: Sequence[ScheduleInput], bound: _Links, durations: list[int], es: list[int],
                  plan_start: int) -> tuple[list[int], dict[str, list[int]], list[int]]:
    """The same passes as `_passes`, with the same results, vectorised over each topological level while the
    levels are wide; once they narrow (long chains) the rest runs as in `_passes`."""
    import numpy as np

    count, link_count = len(durations), len(bound.predecessors)
    whole = np.int64
    pred = np.fromiter(bound.predecessors, whole, link_count)
    succ = np.fromiter(bound.successors, whole, link_count)
    kind = np.fromiter(bound.types, whole, link_count)
    duration = np.fromiter(durations, whole, count)
    offset = (np.fromiter(bound.lags, whole, link_count) + duration[pred] * np.array(_FROM_FINISH)[kind]
              - duration[succ] * np.array(_TO_FINISH)[kind])
    by_pred = np.argsort(pred, kind="stable")
    out_pred, out_node, out_offset = pred[by_pred], succ[by_pred], offset[by_pred]
    first = np.zeros(count + 1, whole)
    np.cumsum(np.bincount(pred, minlength=count), out=first[1:])
    indegree = np.bincount(succ, minlength=count)
    early = np.fromiter(es, whole, count)

    # Forward, a level at a time; keeps each level's nodes and its outgoing link slots for the backward pass.
    levels: list[tuple[np.ndarray, np.ndarray]] = []
    level = np.flatnonzero(indegree == 0)
    tail: list[int] = []  # the order of the narrow levels run in plain Python
    lists: tuple[list[int], list[int], list[int]] = ([], [], [])  # the CSR arrays as lists, for the tail
    while level.size:
        begins = first[level]
        sizes = first[level + 1] - begins
        total = int(sizes.sum())
        if not total:
            levels.append((level, np.empty(0, whole)))
            break
        if total < NUMPY_LEVEL_LINKS and levels:
            lists = first.tolist(), out_node.tolist(), out_offset.tolist()
            es, remaining = early.tolist(), indegree.tolist()
            _forward(level.tolist(), tail, es, remaining, *lists)
            early, indegree = np.array(es, whole), np.array(remaining, whole)
            break
        ends = np.cumsum(sizes)
        slots = np.arange(total, dtype=whole) + np.repeat(begins - ends + sizes, sizes)
        levels.append((level, slots))
        targets = out_node[slots]
        np.maximum.at(early, targets, early[out_pred[slots]] + out_offset[slots])
        touched, hits = np.unique(targets, return_counts=True)
        indegree[touched] -= hits
        level = touched[indegree[touched] == 0]
    processed = sum(int(nodes.size) for nodes, _slots in levels) + len(tail)
    if processed < count:
        _raise_cycle(initiatives, bound.predecessors, bound.successors, indegree.tolist())

    early_finish = early + duration
    finish = int(early_finish.max()) if count else plan_start
    tight = np.flatnonzero(early[pred] + offset == early[succ])
    driver = np.full(count, link_count, whole)
    np.minimum.at(driver, succ[tight], tight)
    driver[driver == link_count] = -1

    late = finish - duration
    if tail:
        ls = late.tolist()
        _backward(tail, ls, *lists)
        late = np.array(ls, whole)
    for nodes, slots in reversed(levels):
        del nodes
        np.minimum.at(late, out_pred[slots], late[out_node[slots]] - out_offset[slots])
    free_limit = finish - duration
    np.minimum.at(free_limit, pred, early[succ] - offset)
    order = np.concatenate([nodes for nodes, _slots in levels]).tolist() if levels else []
    arrays = {"es": early.tolist(), "ef": early_finish.tolist(), "ls": late.tolist(),
              "lf": (late + duration).tolist(), "total_float": (late - early).tolist(),
              "free_float": (free_limit - early).tolist()}
    return order + tail, arrays, driver.tolist()


def _backward(order: list[int], ls: list[int], first: list[int], out_node: list[int],
              out_offset: list[int]) -> None:
    """The backward pass over `order` (topological; run in reverse), lowering `ls` in place."""
    for node in reversed(order):
        begin, end = first[node], first[node + 1]
        if begin == end:
            continue
        late = ls[node]
        for j in range(begin, end):
            bound_late = ls[out_node[j]] - out_offset[j]
            if bound_late < late:
                late = bound_late
        ls[node] = late


def _raise_cycle(initiatives: Sequence[ScheduleInput], predecessors: list[int], successors: list[int],
                 indegree: list[int]) -> None:
    stuck = {node for node, remaining in enumerate(indegree) if remaining}
    outgoing: list[list[int]] = [[] for _ in range(len(initiatives))]
    for p, s in zip(predecessors, successors, strict=True):
        outgoing[p].append(s)
    ring = [initiatives[node].code for node in find_cycle(len(initiatives), outgoing, stuck)[:-1]]
    first = ring.index(min(ring))  # start from the lowest code, so the same cycle always reads the same
    cycle = [*ring[first:], *ring[:first], ring[first]]
    message = _("These dependencies form a cycle: {cycle}.").format(cycle=" → ".join(cycle))
    raise CycleError({"dependency": message}, cycle)


def plan_inputs(session: Session) -> tuple[int, int, list[ScheduleInput]]:
    """The plan period's first and last month and every initiative as a ScheduleInput, read as plain rows."""
    from sqlalchemy import select

    from planner.model import Initiative, Plan

    start_year, end_year = session.execute(select(Plan.start_year, Plan.end_year)).one()
    table = Initiative.__table__
    inputs = [
        ScheduleInput(row.id, row.code, row.start_month.index, row.duration_months,
                      row.not_before.index if row.not_before is not None else None, row.title)
        for row in session.execute(
            select(table.c.id, table.c.code, table.c.title, table.c.start_month, table.c.duration_months,
                   table.c.not_before)
        )
    ]
    return YearMonth(start_year, 1).index, YearMonth(end_year, 12).index, inputs


def schedule_dates(session: Session) -> ScheduleResult:
    """Schedule the plan a session holds, without the findings (for exports that only write the dates)."""
    plan_start, plan_end, inputs = plan_inputs(session)
    return schedule(inputs, plan_links(session), plan_start, plan_end)


def schedule_dates_of_database(connection: sqlite3.Connection) -> ScheduleResult:
    """schedule_dates of a plan file read with plain SQL on a connection to it (one whose schema has been
    checked: planner.storage.validate.validated_snapshot), without SQLAlchemy: the same rows in the same order
    (months are stored as their month index), so the same result."""
    start_year, end_year = connection.execute("SELECT start_year, end_year FROM plan").fetchone()
    inputs = [
        ScheduleInput(id_, code, start_month, duration_months, not_before, title)
        for id_, code, title, start_month, duration_months, not_before in connection.execute(
            "SELECT id, code, title, start_month, duration_months, not_before FROM initiative")
    ]
    links = [
        Link(predecessor_id, successor_id, type_, lag_months, id_)
        for id_, predecessor_id, successor_id, type_, lag_months in connection.execute(
            "SELECT id, predecessor_id, successor_id, type, lag_months FROM dependency")
    ]
    return schedule(inputs, links, YearMonth(start_year, 1).index, YearMonth(end_year, 12).index)


def schedule_plan(session: Session) -> ScheduleResult:
    """Schedule the plan a session holds, with its findings (reads plain rows; holds no ORM objects)."""
    from sqlalchemy import func, select

    from planner.model import Kpi, KpiTarget, Milestone

    result = schedule_dates(session)
    plan_end = result.plan_end
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
