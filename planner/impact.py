"""Delay impact: what a delay moves, which money changes fiscal year, and which KPIs and partners it touches."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from planner.errors import ValidationError
from planner.i18n import _
from planner.months import YearMonth
from planner.schedule import Link, ScheduleInput, ScheduleResult, plan_links, schedule

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

# The largest delay (either way) a what-if accepts: fifty years, the longest an initiative may run.
MAX_DELAY_MONTHS = 600
# The RACI roles whose holders a delay concerns: who does the work and who answers for it.
IMPACT_ROLES = ("R", "A")


# -- the plan as the analysis needs it -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BudgetAmount:
    """One budget line's planned money: an initiative, a fiscal year, a source, whole KRW."""

    initiative_id: str
    fiscal_year: int
    source: str
    planned_krw: int


@dataclass(frozen=True, slots=True)
class KpiLastTarget:
    """A KPI of an initiative and the last year it has a target for."""

    kpi_id: str
    initiative_id: str
    name: str
    last_target_year: int


@dataclass(frozen=True, slots=True)
class RoleHolder:
    """A stakeholder's RACI role on one initiative."""

    stakeholder_id: str
    name: str
    initiative_id: str
    role: str
    contact: str = ""  # how to reach them (phone, e-mail, ...), as the register holds it


@dataclass(frozen=True)
class PlanSnapshot:
    """Everything impact analysis reads, as plain values (no session): take one, run many what-ifs."""

    plan_start: int
    plan_end: int
    inputs: tuple[ScheduleInput, ...]
    links: tuple[Link, ...]
    budget: tuple[BudgetAmount, ...] = ()
    kpis: tuple[KpiLastTarget, ...] = ()
    roles: tuple[RoleHolder, ...] = ()

    def scheduled(self) -> ScheduleResult:
        return schedule(self.inputs, self.links, self.plan_start, self.plan_end)


def plan_snapshot(session: Session) -> PlanSnapshot:
    """Read the plan a session holds into a PlanSnapshot (initiatives in code order)."""
    from sqlalchemy import func, select

    from planner.model import BudgetLine, Initiative, Kpi, KpiTarget, Plan, RaciRole, Stakeholder

    start_year, end_year = session.execute(select(Plan.start_year, Plan.end_year)).one()
    table = Initiative.__table__
    inputs = tuple(
        ScheduleInput(row.id, row.code, row.start_month.index, row.duration_months,
                      row.not_before.index if row.not_before is not None else None, row.title)
        for row in session.execute(
            select(table.c.id, table.c.code, table.c.title, table.c.start_month, table.c.duration_months,
                   table.c.not_before).order_by(table.c.code)
        )
    )
    budget_table = BudgetLine.__table__
    budget = tuple(
        BudgetAmount(*row) for row in session.execute(
            select(budget_table.c.initiative_id, budget_table.c.fiscal_year, budget_table.c.source,
                   budget_table.c.planned_krw).order_by(budget_table.c.initiative_id, budget_table.c.fiscal_year,
                                                        budget_table.c.source)
        )
    )
    kpi, target = Kpi.__table__, KpiTarget.__table__
    kpis = tuple(
        KpiLastTarget(*row) for row in session.execute(
            select(kpi.c.id, kpi.c.initiative_id, kpi.c.name, func.max(target.c.year))
            .join(target, target.c.kpi_id == kpi.c.id)
            .where(kpi.c.initiative_id.is_not(None))
            .group_by(kpi.c.id)
            .order_by(kpi.c.name, kpi.c.id)
        )
    )
    raci, stakeholder = RaciRole.__table__, Stakeholder.__table__
    roles = tuple(
        RoleHolder(*row) for row in session.execute(
            select(stakeholder.c.id, stakeholder.c.name, raci.c.initiative_id, raci.c.role, stakeholder.c.contact)
            .join(stakeholder, stakeholder.c.id == raci.c.stakeholder_id)
            .order_by(stakeholder.c.name, stakeholder.c.id)
        )
    )
    return PlanSnapshot(YearMonth(start_year, 1).index, YearMonth(end_year, 12).index, inputs,
                        tuple(plan_links(session)), budget, kpis, roles)


# -- the report -------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class InitiativeMove:
    """An initiative that moves: month indices before and after; finishes are the last month worked."""

    id: str
    code: str
    title: str
    start_before: int
    start_after: int
    finish_before: int
    finish_after: int

    @property
    def start_shift(self) -> int:
        return self.start_after - self.start_before

    @property
    def finish_shift(self) -> int:
        return self.finish_after - self.finish_before


@dataclass(frozen=True, slots=True)
class BudgetShift:
    """Money of one budget line (initiative × fiscal year × source) that moves into another fiscal year."""

    initiative_id: str
    code: str
    source: str
    from_year: int
    to_year: int
    krw: int


@dataclass(frozen=True, slots=True)
class KpiAtRisk:
    """A KPI whose last target year comes before its initiative now finishes."""

    kpi_id: str
    name: str
    initiative_id: str
    code: str
    last_target_year: int
    finish_before: int
    finish_after: int
    already_before: bool  # the target year came before the finish even without the delay


@dataclass(frozen=True, slots=True)
class StakeholderTouched:
    """A stakeholder holding R or A on moved initiatives, with (initiative code, role) pairs."""

    id: str
    name: str
    roles: tuple[tuple[str, str], ...]
    contact: str = ""  # whom to inform is no use without how: the register's contact


@dataclass(frozen=True)
class ImpactReport:
    """What the delays do to the plan. Nothing is written; months are month indices.

    `budget_before` / `budget_after` hold, per moved initiative with money, its planned KRW by
    (fiscal year, source); the totals per initiative and source are the same before and after."""

    delays: Mapping[str, int]
    moves: tuple[InitiativeMove, ...]
    finish_before: int  # the project's last month worked
    finish_after: int
    budget_shifts: tuple[BudgetShift, ...]
    budget_before: Mapping[str, Mapping[tuple[int, str], int]]
    budget_after: Mapping[str, Mapping[tuple[int, str], int]]
    kpis: tuple[KpiAtRisk, ...]
    stakeholders: tuple[StakeholderTouched, ...]

    @property
    def finish_shift(self) -> int:
        return self.finish_after - self.finish_before

    def move_of(self, code: str) -> InitiativeMove | None:
        return next((move for move in self.moves if move.code == code), None)

    @property
    def budget_moved_krw(self) -> int:
        return sum(shift.krw for shift in self.budget_shifts)


# -- the analysis ----------------------------------------------------------------------------------------------


def check_delays(delays: Mapping[str, object], codes: Sequence[str]) -> dict[str, int]:
    """The delays as {code: months}; ValidationError naming every unknown code or non-whole month count."""
    known = set(codes)
    problems: dict[str, str] = {}
    checked: dict[str, int] = {}
    for code, months in delays.items():
        if code not in known:
            problems[str(code)] = _("There is no initiative with the code {code}.").format(code=code)
        elif isinstance(months, bool) or not isinstance(months, int):
            problems[code] = _("{code}: the delay must be a whole number of months, not '{value}'.").format(
                code=code, value=months)
        elif not -MAX_DELAY_MONTHS <= months <= MAX_DELAY_MONTHS:
            problems[code] = _("{code}: the delay must be between {minimum} and {maximum} months.").format(
                code=code, minimum=-MAX_DELAY_MONTHS, maximum=MAX_DELAY_MONTHS)
        else:
            checked[code] = months
    if problems:
        raise ValidationError(problems)
    return checked


def impact(plan: Session | PlanSnapshot, delays: Mapping[str, int]) -> ImpactReport:
    """Delay initiatives (code -> months, negative = earlier) in memory, reschedule, and report the impact.

    A delayed initiative is asked to start `months` after (or before) its current early start; its
    dependencies, its 'start no earlier than' and the plan's first month still bind, so a pull earlier may
    be stopped, and a delay pushes successors only as far as their links require. Raises ValidationError
    for unknown codes or bad month counts and CycleError when the dependencies form a cycle."""
    snapshot = plan if isinstance(plan, PlanSnapshot) else plan_snapshot(plan)
    checked = check_delays(delays, [item.code for item in snapshot.inputs])
    before = snapshot.scheduled()
    position = {item.id: index for index, item in enumerate(snapshot.inputs)}
    inputs = tuple(
        replace(item, start=before.es[index] + checked[item.code]) if item.code in checked else item
        for index, item in enumerate(snapshot.inputs)
    )
    after = schedule(inputs, snapshot.links, snapshot.plan_start, snapshot.plan_end)

    moves: list[InitiativeMove] = []
    for index in before.order:
        if before.es[index] == after.es[index] and before.ef[index] == after.ef[index]:
            continue
        item = snapshot.inputs[index]
        moves.append(InitiativeMove(
            item.id, item.code, item.title, before.es[index], after.es[index],
            _last_month(before.es[index], before.ef[index]), _last_month(after.es[index], after.ef[index]),
        ))
    moved = {move.id: move for move in moves}

    shifts, budget_before, budget_after = _budget_impact(snapshot, moved, position, before)
    kpis = tuple(sorted((
        KpiAtRisk(kpi.kpi_id, kpi.name, kpi.initiative_id, moved[kpi.initiative_id].code, kpi.last_target_year,
                  moved[kpi.initiative_id].finish_before, moved[kpi.initiative_id].finish_after,
                  kpi.last_target_year < _year(moved[kpi.initiative_id].finish_before))
        for kpi in snapshot.kpis
        if kpi.initiative_id in moved and kpi.last_target_year < _year(moved[kpi.initiative_id].finish_after)
    ), key=lambda kpi: (kpi.code, kpi.name, kpi.kpi_id)))
    touched: dict[str, tuple[str, list[tuple[str, str]]]] = {}
    contacts: dict[str, str] = {}
    for holder in snapshot.roles:
        if holder.role in IMPACT_ROLES and holder.initiative_id in moved:
            touched.setdefault(holder.stakeholder_id, (holder.name, []))[1].append(
                (moved[holder.initiative_id].code, holder.role))
            contacts[holder.stakeholder_id] = holder.contact
    stakeholders = tuple(
        StakeholderTouched(stakeholder_id, name, tuple(sorted(roles)), contacts.get(stakeholder_id, ""))
        for stakeholder_id, (name, roles) in sorted(touched.items(), key=lambda entry: (entry[1][0], entry[0]))
    )
    return ImpactReport(
        checked, tuple(moves), before.display_finish, after.display_finish, shifts, budget_before, budget_after,
        kpis, stakeholders,
    )


def _last_month(start: int, finish: int) -> int:
    return max(finish - 1, start)


def _year(month: int) -> int:
    return month // 12


def working_months(start: int, duration: int, fiscal_year: int) -> list[int]:
    """The months an initiative works in one fiscal year (a milestone works in its own month); when it works
    in none of them, the year's twelve months (money budgeted outside the work stays spread over its year)."""
    months = [m for m in range(start, start + max(duration, 1)) if _year(m) == fiscal_year]
    return months or list(range(fiscal_year * 12, fiscal_year * 12 + 12))


def spread(amount: int, months: Sequence[int]) -> list[tuple[int, int]]:
    """Split whole KRW over months as evenly as whole numbers allow (the remainder spread out, not piled up);
    the parts always add up to `amount`."""
    count = len(months)
    return [(month, amount * (k + 1) // count - amount * k // count) for k, month in enumerate(months)]


def _budget_impact(
    snapshot: PlanSnapshot, moved: Mapping[str, InitiativeMove], position: Mapping[str, int],
    before: ScheduleResult,
) -> tuple[tuple[BudgetShift, ...], dict[str, dict[tuple[int, str], int]], dict[str, dict[tuple[int, str], int]]]:
    """Budget follows the months of work: each line's yearly amount is spread over the initiative's working
    months in that year and moves with them by the initiative's shift; what lands in another year crosses."""
    crossing: dict[tuple[str, str, int, int], int] = defaultdict(int)
    budget_before: dict[str, dict[tuple[int, str], int]] = {}
    budget_after: dict[str, dict[tuple[int, str], int]] = {}
    for line in snapshot.budget:
        move = moved.get(line.initiative_id)
        if move is None:
            continue
        index = position[line.initiative_id]
        old = budget_before.setdefault(line.initiative_id, {})
        new = budget_after.setdefault(line.initiative_id, {})
        key = (line.fiscal_year, line.source)
        old[key] = old.get(key, 0) + line.planned_krw
        months = working_months(before.es[index], snapshot.inputs[index].duration, line.fiscal_year)
        for month, amount in spread(line.planned_krw, months):
            year = _year(month + move.start_shift)
            new[(year, line.source)] = new.get((year, line.source), 0) + amount
            if year != line.fiscal_year and amount:
                crossing[(line.initiative_id, line.source, line.fiscal_year, year)] += amount
    order = {move_id: rank for rank, move_id in enumerate(moved)}
    shifts = tuple(
        BudgetShift(initiative_id, moved[initiative_id].code, source, from_year, to_year, krw)
        for (initiative_id, source, from_year, to_year), krw in sorted(
            crossing.items(), key=lambda entry: (order[entry[0][0]], entry[0][2], entry[0][1], entry[0][3]))
    )
    for amounts in budget_after.values():
        for key in [key for key, value in amounts.items() if value == 0]:
            del amounts[key]
    return shifts, budget_before, budget_after


# -- JSON --------------------------------------------------------------------------------------------------------


def impact_json(report: ImpactReport) -> dict[str, object]:
    """The JSON form of an impact report (cplan impact --json): months as 'YYYY-MM', money in whole KRW."""

    def month(index: int) -> str:
        return str(YearMonth.from_index(index))

    return {
        "delays": dict(report.delays),
        "finish_before": month(report.finish_before),
        "finish_after": month(report.finish_after),
        "finish_shift": report.finish_shift,
        "moves": [
            {"code": move.code, "title": move.title, "start_before": month(move.start_before),
             "start_after": month(move.start_after), "start_shift": move.start_shift,
             "finish_before": month(move.finish_before), "finish_after": month(move.finish_after),
             "finish_shift": move.finish_shift}
            for move in report.moves
        ],
        "budget_shifts": [
            {"code": shift.code, "source": shift.source, "from_year": shift.from_year, "to_year": shift.to_year,
             "krw": shift.krw}
            for shift in report.budget_shifts
        ],
        "kpis": [
            {"code": kpi.code, "kpi": kpi.name, "last_target_year": kpi.last_target_year,
             "finish_before": month(kpi.finish_before), "finish_after": month(kpi.finish_after),
             "already_before": kpi.already_before}
            for kpi in report.kpis
        ],
        "stakeholders": [
            {"name": holder.name, "contact": holder.contact,
             "roles": [{"code": code, "role": role} for code, role in holder.roles]}
            for holder in report.stakeholders
        ],
    }
