"""Baselines: save the schedule and budget under a name, list them, and compare the living plan with one."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from planner.commands.base import Changes, Command
from planner.errors import NotFoundError, ValidationError
from planner.i18n import N_, _
from planner.impact import plan_snapshot
from planner.model import Baseline, BaselineBudget, BaselineItem, BudgetLine, Initiative, new_id, utc_now
from planner.model.attributes import attribute
from planner.months import YearMonth

# What compare_with_baseline says about an initiative's progress (ProgressCheck.flags).
LATE_START = "late_start"  # it started after the baseline's start month
START_OVERDUE = "start_overdue"  # the baseline's start month has passed and it has not started
LATE_FINISH = "late_finish"  # it finished after the baseline's last month
FINISH_OVERDUE = "finish_overdue"  # the baseline's last month has passed and it has not finished
BEHIND = "behind"  # its progress is below the share of the baseline's months already past
PROGRESS_FLAGS = (LATE_START, START_OVERDUE, LATE_FINISH, FINISH_OVERDUE, BEHIND)
PROGRESS_FLAG_LABELS = {
    LATE_START: N_("started late"),
    START_OVERDUE: N_("not started yet"),
    LATE_FINISH: N_("finished late"),
    FINISH_OVERDUE: N_("not finished yet"),
    BEHIND: N_("behind plan"),
}
BASELINE_KINDS = ("baseline", "baseline_item", "baseline_budget")


@dataclass(frozen=True, slots=True)
class BaselineSummary:
    """One saved baseline, as a list shows it."""

    id: str
    name: str
    created_at: datetime
    item_count: int


@dataclass(frozen=True, slots=True)
class BaselineBar:
    """Where a baseline put an initiative: its early start (month index) and duration in months."""

    start: int
    duration: int

    @property
    def finish(self) -> int:
        """The last month worked (a milestone: its own month)."""
        return max(self.start + self.duration - 1, self.start)


# -- saving ----------------------------------------------------------------------------------------------------


def _name_problem(session: Session, name: str, baseline_id: str | None = None) -> str | None:
    problem = attribute("baseline", "name").problem(name)
    if problem:
        return problem
    query = select(func.count()).select_from(Baseline.__table__).where(Baseline.__table__.c.name == name)
    if baseline_id is not None:
        query = query.where(Baseline.__table__.c.id != baseline_id)
    if session.execute(query).scalar_one():
        return _("There is already a baseline named '{name}'.").format(name=name)
    return None


class SaveBaseline(Command):
    """Save the current schedule and budget as a named baseline; undo removes it and all it holds.

    The rows are captured on the first apply and kept, so redo recreates the very same baseline."""

    def __init__(self, name: str, note: str = "") -> None:
        self.name = name
        self.note = note
        self.baseline_id = new_id()
        self._rows: dict[str, list[dict[str, Any]]] | None = None

    @property
    def label(self) -> str:
        return _("Save baseline '{name}'").format(name=self.name)

    def _capture(self, session: Session) -> dict[str, list[dict[str, Any]]]:
        snapshot = plan_snapshot(session)
        result = snapshot.scheduled()
        now = utc_now()
        items = [
            {"id": new_id(), "modified_at": now, "baseline_id": self.baseline_id, "initiative_id": item.id,
             "code": item.code, "title": item.title, "planned_start": item.start,
             "duration_months": max(item.duration, 0), "es": result.es[index], "ef": result.ef[index]}
            for index, item in enumerate(snapshot.inputs)
        ]
        budget = [
            {"id": new_id(), "modified_at": now, "baseline_id": self.baseline_id, "initiative_id": line.initiative_id,
             "fiscal_year": line.fiscal_year, "source": line.source, "planned_krw": line.planned_krw}
            for line in snapshot.budget
        ]
        baseline = [{"id": self.baseline_id, "modified_at": now, "name": self.name, "created_at": now,
                     "note": self.note}]
        return {"baseline": baseline, "baseline_item": items, "baseline_budget": budget}

    def apply(self, session: Session) -> Changes:
        problem = _name_problem(session, self.name, self.baseline_id)
        if problem:
            raise ValidationError({"name": problem})
        if self._rows is None:
            self._rows = self._capture(session)
        for kind, table in zip(BASELINE_KINDS, (Baseline.__table__, BaselineItem.__table__,
                                                BaselineBudget.__table__), strict=True):
            if self._rows[kind]:
                session.execute(insert(table), self._rows[kind])
        return self._changes()

    def revert(self, session: Session) -> Changes:
        for table in (BaselineBudget.__table__, BaselineItem.__table__):
            session.execute(delete(table).where(table.c.baseline_id == self.baseline_id))
        session.execute(delete(Baseline.__table__).where(Baseline.__table__.c.id == self.baseline_id))
        return self._changes()

    def _changes(self) -> Changes:
        ids = [row["id"] for rows in (self._rows or {}).values() for row in rows]
        return Changes(frozenset(BASELINE_KINDS), frozenset(ids) | {self.baseline_id})


def save_baseline_command(session: Session, name: str, note: str = "") -> SaveBaseline:
    """One undoable command saving the current schedule and budget as the baseline `name` (trimmed).
    ValidationError at once when the name is empty, too long or already taken."""
    name = name.strip()
    problem = _name_problem(session, name)
    if problem:
        raise ValidationError({"name": problem})
    return SaveBaseline(name, note)


# -- reading ----------------------------------------------------------------------------------------------------


def list_baselines(session: Session) -> list[BaselineSummary]:
    """Every baseline, oldest first, with how many initiatives it holds."""
    baseline, item = Baseline.__table__, BaselineItem.__table__
    rows = session.execute(
        select(baseline.c.id, baseline.c.name, baseline.c.created_at, func.count(item.c.id))
        .outerjoin(item, item.c.baseline_id == baseline.c.id)
        .group_by(baseline.c.id)
        .order_by(baseline.c.created_at, baseline.c.name)
    )
    return [BaselineSummary(row[0], row[1], row[2], int(row[3])) for row in rows]


def find_baseline(session: Session, name: str) -> str:
    """The id of the baseline called `name`; NotFoundError naming it when there is none."""
    found = session.execute(
        select(Baseline.__table__.c.id).where(Baseline.__table__.c.name == name.strip())
    ).scalar_one_or_none()
    if found is None:
        raise NotFoundError(_("There is no baseline named '{name}'.").format(name=name))
    return str(found)


def _summary(session: Session, baseline_id: str) -> BaselineSummary:
    for summary in list_baselines(session):
        if summary.id == baseline_id:
            return summary
    raise NotFoundError(_("The baseline is no longer in the plan."))


def _items(session: Session, baseline_id: str) -> list[Any]:
    item = BaselineItem.__table__
    return list(session.execute(
        select(item.c.initiative_id, item.c.code, item.c.title, item.c.duration_months, item.c.es, item.c.ef)
        .where(item.c.baseline_id == baseline_id)
        .order_by(item.c.code)
    ))


def baseline_schedule(session: Session, baseline_id: str) -> dict[str, BaselineBar]:
    """Where the baseline put each initiative, by initiative id (the roadmap's ghost bars)."""
    _summary(session, baseline_id)
    return {row.initiative_id: BaselineBar(row.es, row.duration_months) for row in _items(session, baseline_id)}


# -- comparing --------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class InitiativeSlip:
    """An initiative in both the baseline and the plan; months are indices, finishes the last month worked."""

    initiative_id: str
    code: str
    title: str
    baseline_start: int
    baseline_finish: int
    current_start: int
    current_finish: int

    @property
    def start_slip(self) -> int:
        """Months later (positive) or earlier (negative) than the baseline."""
        return self.current_start - self.baseline_start

    @property
    def finish_slip(self) -> int:
        return self.current_finish - self.baseline_finish


@dataclass(frozen=True, slots=True)
class BaselineEntry:
    """An initiative found only on one side (added since the baseline, or removed)."""

    initiative_id: str
    code: str
    title: str


@dataclass(frozen=True, slots=True)
class BudgetDifference:
    """Planned KRW of one fiscal year (or source) in the baseline and now."""

    key: int | str
    baseline_krw: int
    current_krw: int

    @property
    def difference(self) -> int:
        return self.current_krw - self.baseline_krw


@dataclass(frozen=True, slots=True)
class ProgressCheck:
    """An initiative's recorded progress and actual months against the baseline's months."""

    initiative_id: str
    code: str
    status: str
    progress: int  # percent, as recorded
    planned_progress: int  # percent of the baseline's months that lie before the as-of month
    baseline_start: int
    baseline_finish: int
    actual_start: int | None
    actual_finish: int | None
    flags: tuple[str, ...]


@dataclass(frozen=True)
class BaselineComparison:
    """The plan now against a baseline."""

    baseline: BaselineSummary
    as_of: int  # the month progress is judged at
    slips: tuple[InitiativeSlip, ...]  # every initiative on both sides, in code order
    added: tuple[BaselineEntry, ...]
    removed: tuple[BaselineEntry, ...]
    baseline_finish: int  # the project's last month worked (the plan's first month when empty)
    current_finish: int
    budget_by_year: tuple[BudgetDifference, ...]
    budget_by_source: tuple[BudgetDifference, ...]
    progress: tuple[ProgressCheck, ...]

    @property
    def finish_slip(self) -> int:
        return self.current_finish - self.baseline_finish

    @property
    def slipped(self) -> tuple[InitiativeSlip, ...]:
        return tuple(slip for slip in self.slips if slip.start_slip or slip.finish_slip)

    @property
    def budget_baseline_total(self) -> int:
        return sum(entry.baseline_krw for entry in self.budget_by_year)

    @property
    def budget_current_total(self) -> int:
        return sum(entry.current_krw for entry in self.budget_by_year)

    def slip_of(self, code: str) -> InitiativeSlip | None:
        return next((slip for slip in self.slips if slip.code == code), None)

    def progress_of(self, code: str) -> ProgressCheck | None:
        return next((check for check in self.progress if check.code == code), None)


def _differences(baseline: Mapping[Any, int], current: Mapping[Any, int]) -> tuple[BudgetDifference, ...]:
    keys = sorted(set(baseline) | set(current), key=lambda key: (str(type(key)), key))
    return tuple(BudgetDifference(key, baseline.get(key, 0), current.get(key, 0)) for key in keys)


def _sum_by(rows: list[Any], position: int) -> dict[Any, int]:
    totals: dict[Any, int] = {}
    for row in rows:
        totals[row[position]] = totals.get(row[position], 0) + int(row[-1] or 0)
    return totals


def _current_month() -> int:
    today = utc_now()
    return YearMonth(today.year, today.month).index


def progress_check(initiative_id: str, code: str, status: str, progress: int, actual_start: int | None,
                   actual_finish: int | None, bar: BaselineBar, as_of: int) -> ProgressCheck:
    """Judge one initiative's progress at the month `as_of` against the baseline's months `bar`."""
    start, finish = bar.start, bar.finish
    if bar.duration > 0:
        planned = 100 * min(max(as_of - start, 0), bar.duration) // bar.duration
    else:
        planned = 100 if as_of > start else 0
    finished = actual_finish is not None or status == "done"
    flags: list[str] = []
    if status != "cancelled":
        if actual_start is not None and actual_start > start:
            flags.append(LATE_START)
        if actual_start is None and not finished and as_of > start:
            flags.append(START_OVERDUE)
        if actual_finish is not None and actual_finish > finish:
            flags.append(LATE_FINISH)
        if not finished and as_of > finish:
            flags.append(FINISH_OVERDUE)
        if not finished and progress < planned:
            flags.append(BEHIND)
    return ProgressCheck(initiative_id, code, status, progress, planned, start, finish, actual_start, actual_finish,
                         tuple(flags))


def compare_with_baseline(session: Session, baseline_id: str, *, as_of: YearMonth | None = None) -> BaselineComparison:
    """The plan now against the baseline: slips in months, added and removed initiatives, budget differences
    by fiscal year and by source, and progress and actual months against the baseline's months at `as_of`
    (default: this month)."""
    from planner.schedule import schedule_plan

    summary = _summary(session, baseline_id)
    month = as_of.index if as_of is not None else _current_month()
    base_items = {row.initiative_id: row for row in _items(session, baseline_id)}
    result = schedule_plan(session)
    current = {item.id: item for item in result.items}
    initiative = Initiative.__table__
    records = {
        row.id: row for row in session.execute(
            select(initiative.c.id, initiative.c.status, initiative.c.progress, initiative.c.actual_start,
                   initiative.c.actual_finish)
        )
    }

    slips: list[InitiativeSlip] = []
    checks: list[ProgressCheck] = []
    for initiative_id, row in sorted(base_items.items(), key=lambda entry: entry[1].code):
        item = current.get(initiative_id)
        if item is None:
            continue
        bar = BaselineBar(row.es, row.duration_months)
        slips.append(InitiativeSlip(initiative_id, item.code, item.title, bar.start, bar.finish, item.es,
                                    item.display_early_finish))
        record = records[initiative_id]
        checks.append(progress_check(
            initiative_id, item.code, record.status, record.progress,
            record.actual_start.index if record.actual_start is not None else None,
            record.actual_finish.index if record.actual_finish is not None else None, bar, month,
        ))
    added = tuple(sorted((BaselineEntry(item.id, item.code, item.title) for item in current.values()
                          if item.id not in base_items), key=lambda entry: entry.code))
    removed = tuple(BaselineEntry(row.initiative_id, row.code, row.title) for row in base_items.values()
                    if row.initiative_id not in current)
    baseline_finish = max((BaselineBar(row.es, row.duration_months).finish for row in base_items.values()),
                          default=result.plan_start)

    budget = BaselineBudget.__table__
    baseline_rows = list(session.execute(
        select(budget.c.fiscal_year, budget.c.source, budget.c.planned_krw).where(budget.c.baseline_id == baseline_id)
    ))
    line = BudgetLine.__table__
    current_rows = list(session.execute(select(line.c.fiscal_year, line.c.source, line.c.planned_krw)))
    return BaselineComparison(
        summary, month, tuple(slips), added, tuple(sorted(removed, key=lambda entry: entry.code)), baseline_finish,
        result.display_finish,
        _differences(_sum_by(baseline_rows, 0), _sum_by(current_rows, 0)),
        _differences(_sum_by(baseline_rows, 1), _sum_by(current_rows, 1)),
        tuple(checks),
    )


# -- JSON --------------------------------------------------------------------------------------------------------


def comparison_json(comparison: BaselineComparison) -> dict[str, object]:
    """The JSON form of a comparison (cplan baseline FILE compare NAME --json): months as 'YYYY-MM'."""

    def month(index: int | None) -> str | None:
        return None if index is None else str(YearMonth.from_index(index))

    return {
        "baseline": {"name": comparison.baseline.name, "created_at": comparison.baseline.created_at.isoformat(),
                     "initiatives": comparison.baseline.item_count},
        "as_of": month(comparison.as_of),
        "finish_baseline": month(comparison.baseline_finish),
        "finish_current": month(comparison.current_finish),
        "finish_slip": comparison.finish_slip,
        "slips": [
            {"code": slip.code, "title": slip.title, "baseline_start": month(slip.baseline_start),
             "current_start": month(slip.current_start), "start_slip": slip.start_slip,
             "baseline_finish": month(slip.baseline_finish), "current_finish": month(slip.current_finish),
             "finish_slip": slip.finish_slip}
            for slip in comparison.slips
        ],
        "added": [{"code": entry.code, "title": entry.title} for entry in comparison.added],
        "removed": [{"code": entry.code, "title": entry.title} for entry in comparison.removed],
        "budget": {
            "baseline_total": comparison.budget_baseline_total,
            "current_total": comparison.budget_current_total,
            "by_year": [{"year": entry.key, "baseline": entry.baseline_krw, "current": entry.current_krw,
                         "difference": entry.difference} for entry in comparison.budget_by_year],
            "by_source": [{"source": entry.key, "baseline": entry.baseline_krw, "current": entry.current_krw,
                           "difference": entry.difference} for entry in comparison.budget_by_source],
        },
        "progress": [
            {"code": check.code, "status": check.status, "progress": check.progress,
             "planned_progress": check.planned_progress, "baseline_start": month(check.baseline_start),
             "baseline_finish": month(check.baseline_finish), "actual_start": month(check.actual_start),
             "actual_finish": month(check.actual_finish), "flags": list(check.flags)}
            for check in comparison.progress
        ],
    }
