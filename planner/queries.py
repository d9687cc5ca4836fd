"""Read-only snapshots of a plan as plain dataclasses: table rows, key figures, entity counts."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from planner.model import (
    ENTITY_CLASSES,
    BudgetLine,
    Dependency,
    Field,
    Initiative,
    Kpi,
    Plan,
    RaciRole,
    Stakeholder,
    Strategy,
)
from planner.model.vocabulary import engagement_for
from planner.months import YearMonth


@dataclass(frozen=True)
class InitiativeRow:
    """One line of the initiative table."""

    id: str
    code: str
    title: str
    field: str
    strategy: str
    phase: int | None
    start: YearMonth
    finish: YearMonth  # the last month of work (a milestone: its month)
    duration_months: int
    lead: str
    status: str
    progress: int
    budget_krw: int
    predecessor_count: int
    kpi_count: int


@dataclass(frozen=True)
class StakeholderRow:
    """One line of the stakeholder register."""

    id: str
    name: str
    organisation: str
    sector: str
    influence: int
    interest: int
    attitude: str
    engagement: str  # the override, or the one derived from influence and interest
    engagement_overridden: bool
    initiative_count: int
    tags: tuple[str, ...]


@dataclass(frozen=True)
class PlanOverview:
    """The key figures of the Overview dashboard."""

    title: str
    region: str
    start_year: int
    end_year: int
    lead_organisation: str
    plan_type: str
    field_count: int
    initiative_count: int
    milestone_initiative_count: int
    dependency_count: int
    stakeholder_count: int
    kpi_count: int
    budget_total_krw: int
    budget_by_source: dict[str, int] = field(default_factory=dict)
    budget_by_year: dict[int, int] = field(default_factory=dict)
    initiatives_by_field: dict[str, int] = field(default_factory=dict)
    initiatives_by_status: dict[str, int] = field(default_factory=dict)
    stakeholders_by_sector: dict[str, int] = field(default_factory=dict)


def finish_month(start: YearMonth, duration_months: int) -> YearMonth:
    """The last month an initiative occupies ([start, start + duration)); a milestone's is its start."""
    return start + max(duration_months - 1, 0)


def initiative_rows(session: Session) -> list[InitiativeRow]:
    fields = dict(session.execute(select(Field.id, Field.name)).all())
    strategies = dict(session.execute(select(Strategy.id, Strategy.name)).all())
    stakeholders = dict(session.execute(select(Stakeholder.id, Stakeholder.name)).all())
    budgets = dict(
        session.execute(select(BudgetLine.initiative_id, func.sum(BudgetLine.planned_krw)).group_by(BudgetLine.initiative_id)).all()
    )
    predecessors = dict(
        session.execute(select(Dependency.successor_id, func.count()).group_by(Dependency.successor_id)).all()
    )
    kpis = dict(session.execute(select(Kpi.initiative_id, func.count()).group_by(Kpi.initiative_id)).all())
    rows = []
    table = Initiative.__table__
    query = select(
        table.c.id, table.c.code, table.c.title, table.c.field_id, table.c.strategy_id, table.c.phase,
        table.c.start_month, table.c.duration_months, table.c.lead_stakeholder_id, table.c.lead_department,
        table.c.status, table.c.progress,
    ).order_by(table.c.position, table.c.code)
    for r in session.execute(query):
        lead = stakeholders.get(r.lead_stakeholder_id, "") if r.lead_stakeholder_id else r.lead_department
        rows.append(
            InitiativeRow(
                id=r.id, code=r.code, title=r.title, field=fields.get(r.field_id, ""),
                strategy=strategies.get(r.strategy_id, ""), phase=r.phase, start=r.start_month,
                finish=finish_month(r.start_month, r.duration_months), duration_months=r.duration_months,
                lead=lead or "", status=r.status, progress=r.progress, budget_krw=int(budgets.get(r.id, 0) or 0),
                predecessor_count=int(predecessors.get(r.id, 0)), kpi_count=int(kpis.get(r.id, 0)),
            )
        )
    return rows


def stakeholder_rows(session: Session) -> list[StakeholderRow]:
    involvement = dict(
        session.execute(
            select(RaciRole.stakeholder_id, func.count(func.distinct(RaciRole.initiative_id))).group_by(RaciRole.stakeholder_id)
        ).all()
    )
    rows = []
    table = Stakeholder.__table__
    for r in session.execute(select(table).order_by(table.c.name)):
        derived = engagement_for(r.influence, r.interest)
        rows.append(
            StakeholderRow(
                id=r.id, name=r.name, organisation=r.organisation, sector=r.sector, influence=r.influence,
                interest=r.interest, attitude=r.attitude, engagement=r.engagement or derived,
                engagement_overridden=r.engagement is not None, initiative_count=int(involvement.get(r.id, 0)),
                tags=tuple(r.tags or ()),
            )
        )
    return rows


def plan_overview(session: Session) -> PlanOverview:
    plan = session.execute(select(Plan.__table__)).one()
    fields = dict(session.execute(select(Field.id, Field.name)).all())
    by_field: Counter[str] = Counter()
    by_status: Counter[str] = Counter()
    milestones = 0
    for field_id, status, duration in session.execute(
        select(Initiative.field_id, Initiative.status, Initiative.duration_months)
    ):
        by_field[fields.get(field_id, "")] += 1
        by_status[status] += 1
        milestones += duration == 0
    by_source = {s: int(t) for s, t in session.execute(
        select(BudgetLine.source, func.sum(BudgetLine.planned_krw)).group_by(BudgetLine.source))}
    by_year = {int(y): int(t) for y, t in session.execute(
        select(BudgetLine.fiscal_year, func.sum(BudgetLine.planned_krw)).group_by(BudgetLine.fiscal_year).order_by(BudgetLine.fiscal_year))}
    by_sector = dict(session.execute(select(Stakeholder.sector, func.count()).group_by(Stakeholder.sector)).all())
    region = " ".join(part for part in (plan.region_province, plan.region_district) if part)
    return PlanOverview(
        title=plan.title, region=region, start_year=plan.start_year, end_year=plan.end_year,
        lead_organisation=plan.lead_organisation, plan_type=plan.plan_type, field_count=len(fields),
        initiative_count=sum(by_status.values()), milestone_initiative_count=milestones,
        dependency_count=count_rows(session, "dependency"), stakeholder_count=sum(by_sector.values()),
        kpi_count=count_rows(session, "kpi"), budget_total_krw=sum(by_source.values()),
        budget_by_source=by_source, budget_by_year=by_year, initiatives_by_field=dict(by_field),
        initiatives_by_status=dict(by_status), stakeholders_by_sector=by_sector,
    )


def count_rows(session: Session, kind: str) -> int:
    return int(session.execute(select(func.count()).select_from(ENTITY_CLASSES[kind].__table__)).scalar_one())


def entity_counts(session: Session) -> dict[str, int]:
    """How many rows of every kind the plan holds."""
    return {kind: count_rows(session, kind) for kind in ENTITY_CLASSES}


def plan_values(session: Session) -> dict[str, Any]:
    """The plan record as a dict."""
    return dict(session.execute(select(Plan.__table__)).mappings().one())


def choices_for(session: Session, kind: str) -> list[tuple[str, str]]:
    """(id, display name) pairs of every row of a kind that a reference field may point to."""
    table = ENTITY_CLASSES[kind].__table__
    if kind == "initiative":
        query = select(table.c.id, table.c.code + " " + table.c.title).order_by(table.c.position, table.c.code)
    elif kind in ("field", "strategy"):
        query = select(table.c.id, table.c.code + " " + table.c.name).order_by(table.c.position, table.c.code)
    elif kind == "kpi":
        query = select(table.c.id, table.c.name).order_by(table.c.position)
    else:
        query = select(table.c.id, table.c.name).order_by(table.c.name)
    return [(row[0], row[1]) for row in session.execute(query)]
