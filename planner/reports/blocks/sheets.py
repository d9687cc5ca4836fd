"""The definition sheets (과제정의서) of a report: one two-column sheet per initiative, in code order."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from planner.budget import ordered_sources
from planner.i18n import N_
from planner.model import (
    BudgetLine,
    Dependency,
    Field,
    Initiative,
    Milestone,
    RaciRole,
    Stakeholder,
    Strategy,
)
from planner.model.vocabulary import (
    DEPENDENCY_TYPES,
    FUNDING_SOURCES,
    KPI_TYPES,
    PROJECT_TYPES,
    RISK_STATUSES,
)
from planner.reports.blocks.tables import (
    baseline_text,
    caption,
    code_sort_key,
    column_widths,
    empty_state,
    is_ai_initiative,
    kpi_records,
    lead_text,
    number_text,
    period_text,
    privacy_assessment_needed,
    risk_records,
    section_option,
    unit_note,
    vocabulary_label,
    without_garbage_collection,
)
from planner.reports.context import plain_paragraph, shortened
from planner.stakeholders.raci import role_sort_key

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from planner.reports.context import ReportContext

# Height below which a sheet starts on the next page when sheets do not each start a page.
SHEET_MIN_SPACE_MM = 90
LABEL_SHADE = (0.94, 0.94, 0.94)


@dataclass
class _SheetData:
    """Everything about the plan's initiatives a definition sheet shows, read in a few queries."""

    initiatives: list[Any]
    fields: dict[str, str]
    strategies: dict[str, str]
    partners: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))
    budget: dict[str, dict[tuple[int, str], int]] = field(default_factory=lambda: defaultdict(dict))
    kpis: dict[str | None, list[Any]] = field(default_factory=lambda: defaultdict(list))
    targets: dict[str, dict[int, tuple[Any, Any]]] = field(default_factory=dict)
    milestones: dict[str, list[Any]] = field(default_factory=lambda: defaultdict(list))
    dependencies: dict[str, list[tuple[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    risks: dict[str | None, list[Any]] = field(default_factory=lambda: defaultdict(list))


def _read(ctx: ReportContext) -> _SheetData:
    session = ctx.session
    table, stakeholder = Initiative.__table__, Stakeholder.__table__
    initiatives = list(session.execute(
        select(table, stakeholder.c.name.label("lead_name"))
        .outerjoin(stakeholder, stakeholder.c.id == table.c.lead_stakeholder_id)))
    initiatives.sort(key=lambda row: (code_sort_key(row.code), row.id))
    fields = {row.id: (f"{row.code}. {row.name}" if row.code else row.name)
              for row in session.execute(select(Field.id, Field.code, Field.name))}
    strategies = {row.id: f"{row.code} {row.name}".strip()
                  for row in session.execute(select(Strategy.id, Strategy.code, Strategy.name))}
    data = _SheetData(initiatives, fields, strategies)
    names = dict(session.execute(select(stakeholder.c.id, stakeholder.c.name)).all())
    raci = RaciRole.__table__
    for initiative_id, stakeholder_id, role in session.execute(
            select(raci.c.initiative_id, raci.c.stakeholder_id, raci.c.role).where(raci.c.role.in_(("R", "C")))):
        data.partners[initiative_id].append((role, names.get(stakeholder_id, "")))
    for initiative_id, year, source, planned in session.execute(
            select(BudgetLine.initiative_id, BudgetLine.fiscal_year, BudgetLine.source, BudgetLine.planned_krw)):
        cells = data.budget[initiative_id]
        cells[(int(year), source)] = cells.get((int(year), source), 0) + int(planned or 0)
    kpis, data.targets = kpi_records(session)
    for kpi in kpis:
        data.kpis[kpi.initiative_id].append(kpi)
    milestone = Milestone.__table__
    for row in session.execute(select(milestone.c.initiative_id, milestone.c.title, milestone.c.month,
                                      milestone.c.done).order_by(milestone.c.month, milestone.c.title)):
        data.milestones[row.initiative_id].append(row)
    codes = {row.id: (row.code, row.title) for row in initiatives}
    dependency = Dependency.__table__
    for row in session.execute(select(dependency.c.predecessor_id, dependency.c.successor_id, dependency.c.type,
                                      dependency.c.lag_months)):
        data.dependencies[row.successor_id].append(("predecessor", (codes.get(row.predecessor_id), row)))
        data.dependencies[row.predecessor_id].append(("successor", (codes.get(row.successor_id), row)))
    risk_initiative = dict(session.execute(select(Initiative.code, Initiative.id)).all())
    for risk in risk_records(session):
        data.risks[risk_initiative.get(risk.initiative_code)].append(risk)
    return data


SHEET_HEADER_CHARACTERS = 160  # the title in a sheet's repeated header row, at most


def definition_sheets(ctx: ReportContext) -> list[Flowable]:
    """One definition sheet per initiative in code order, each under its own heading (in the TOC and outline);
    each starts a page when the section's option page_per_initiative is true (the default)."""
    from reportlab.platypus import CondPageBreak, PageBreak

    from planner.reports.context import MM

    ctx.tell(ctx.tr(N_("Definition sheets")))
    data = _read(ctx)
    if not data.initiatives:
        return empty_state(ctx, ctx.tr(N_("No initiatives have been entered.")))
    page_per_initiative = bool(section_option(ctx, "page_per_initiative", True))
    flowables: list[Flowable] = []
    with without_garbage_collection():
        for index, initiative in enumerate(data.initiatives):
            if index:
                flowables.append(PageBreak() if page_per_initiative else CondPageBreak(SHEET_MIN_SPACE_MM * MM))
            flowables += _sheet(ctx, data, initiative)
    return flowables


def _sheet(ctx: ReportContext, data: _SheetData, initiative: Any) -> list[Flowable]:
    from reportlab.lib.colors import Color

    from planner.reports.blocks.tables import spacer

    tr = ctx.tr
    partners = sorted(data.partners.get(initiative.id, []), key=lambda pair: (role_sort_key(pair[0]), pair[1]))
    partner_text = ", ".join(f"{name} ({role})" for role, name in partners if name)
    pia_needed = privacy_assessment_needed(initiative.data_subject_count, initiative.sensitive_data,
                                           initiative.unique_identifiers)
    yes, no = tr(N_("Yes")), tr(N_("No"))
    privacy = "\n".join([
        tr(N_("Security consultation: {answer}")).format(answer=yes if initiative.security_consultation else no),
        tr(N_("Privacy impact assessment needed: {answer}")).format(answer=yes if pia_needed else no),
        tr(N_("Privacy impact assessment planned: {answer}")).format(
            answer=yes if initiative.privacy_impact_assessment else no),
    ])
    rows: list[list[Any]] = [
        [tr(N_("Field")), data.fields.get(initiative.field_id, "")],
        [tr(N_("Strategy")), data.strategies.get(initiative.strategy_id, "")],
        [tr(N_("Implementation period")), period_text(initiative.start_month, initiative.duration_months)],
        [tr(N_("Lead")), lead_text(initiative.lead_name, initiative.lead_department)],
        [tr(N_("Partner organisations")), partner_text],
        [tr(N_("Purpose")), initiative.purpose],
        [tr(N_("Main content")), initiative.content],
        [tr(N_("Target users")), initiative.target_users],
        [tr(N_("Data used")), initiative.data_used],
        [tr(N_("AI technology")), initiative.ai_technology if is_ai_initiative(initiative.ai_technology) else ""],
        [tr(N_("Project type")), vocabulary_label(ctx, PROJECT_TYPES, initiative.project_type)],
        [tr(N_("Contract method")), initiative.contract_method],
        [tr(N_("Prior consultation")), initiative.prior_consultation],
        [tr(N_("Security and privacy")), privacy],
        [tr(N_("Milestones")), _milestone_lines(ctx, data.milestones.get(initiative.id, []))],
        [tr(N_("Dependencies")), _dependency_lines(ctx, data.dependencies.get(initiative.id, []))],
    ]
    # The header row repeats on every page of the sheet and cannot split: a very long title is shortened there
    # and given whole in the first row.
    full_title = f"{initiative.code} {initiative.title}"
    header_title = shortened(full_title, SHEET_HEADER_CHARACTERS)
    if header_title != full_title:
        rows.insert(0, [tr(N_("Initiative title")), full_title])
    rows = [[plain_paragraph(label, "table_header"), value] for label, value in rows]
    widths = column_widths(ctx, [32, 138])
    shade = [("BACKGROUND", (0, 1), (0, -1), Color(*LABEL_SHADE))]
    table = ctx.table([tr(N_("Initiative title")), header_title], rows, widths, extra_style=shade)
    # The spacer ends the heading's keep-with-next group: kept together with the whole sheet table, a sheet that
    # does not fit in the space left would always move to the next page (the caller leaves room for the start).
    return [ctx.heading(f"{initiative.code} {initiative.title}"), spacer(0.5), table, spacer(2),
            *_budget(ctx, data.budget.get(initiative.id, {})),
            *_kpis(ctx, data.kpis.get(initiative.id, []), data.targets),
            *_risks(ctx, data.risks.get(initiative.id, []))]


def _none(ctx: ReportContext) -> Flowable:
    return ctx.para(ctx.tr(N_("None.")), "source_note")


def _budget(ctx: ReportContext, cells: dict[tuple[int, str], int]) -> list[Flowable]:
    heading = caption(ctx, ctx.tr(N_("Budget by year and source")))
    planned = {key: amount for key, amount in cells.items() if amount}
    if not planned:
        return [*heading, _none(ctx)]
    years = sorted({year for year, _source in planned})
    sources = ordered_sources(source for _year, source in planned)
    header = [ctx.tr(N_("Fiscal year"))] + [vocabulary_label(ctx, FUNDING_SOURCES, s) for s in sources]
    header.append(ctx.tr(N_("Total")))
    rows = [[str(year)] + [ctx.money(planned.get((year, s), 0), blank_zero=True) for s in sources]
            + [ctx.money(sum(planned.get((year, s), 0) for s in sources))] for year in years]
    rows.append([ctx.tr(N_("Total"))] + [ctx.money(sum(planned.get((y, s), 0) for y in years)) for s in sources]
                + [ctx.money(sum(planned.values()))])
    widths = column_widths(ctx, [1.2] + [1.0] * (len(sources) + 1))
    return [*heading, unit_note(ctx), ctx.table(header, rows, widths, numeric=tuple(range(1, len(sources) + 2)),
                                               centered=(0,), total_rows=(len(rows) - 1,))]


def _kpis(ctx: ReportContext, kpis: list[Any], targets: dict[str, dict[int, tuple[Any, Any]]]) -> list[Flowable]:
    from planner.reports.context import MM

    heading = caption(ctx, ctx.tr(N_("KPIs")))
    if not kpis:
        return [*heading, _none(ctx)]
    years = sorted({year for kpi in kpis for year, (value, _actual) in targets.get(kpi.id, {}).items()
                    if value is not None})
    header = [ctx.tr(N_("KPI")), ctx.tr(N_("Type")), ctx.tr(N_("Unit")), ctx.tr(N_("Baseline (year)"))]
    header += [str(year) for year in years]
    rows = [[kpi.name, vocabulary_label(ctx, KPI_TYPES, kpi.type), kpi.unit,
             baseline_text(kpi.baseline_value, kpi.baseline_year)]
            + [number_text(targets.get(kpi.id, {}).get(year, (None, None))[0]) for year in years] for kpi in kpis]
    year_width = min(15 * MM, 75 * MM / max(len(years), 1)) if years else 0
    fixed = [0, 17 * MM, 17 * MM, 22 * MM]
    fixed[0] = ctx.frame_width - sum(fixed) - year_width * len(years)
    return [*heading, ctx.table(header, rows, fixed + [year_width] * len(years),
                               numeric=tuple(range(3, 4 + len(years))), centered=(1, 2))]


def _milestone_lines(ctx: ReportContext, milestones: list[Any]) -> str:
    """One line per milestone: `2027. 5.  Interim report (done)`."""
    done, planned = ctx.tr(N_("Done")), ctx.tr(N_("Planned"))
    return "\n".join(f"{ctx.month(row.month)}  {row.title} ({done if row.done else planned})" for row in milestones)


def _dependency_lines(ctx: ReportContext, links: list[tuple[str, Any]]) -> str:
    """One line per link, predecessors first: `Predecessor: A-01 Title · Finish to start · +2 months`."""
    ordered = sorted(links, key=lambda link: (link[0] != "predecessor", code_sort_key((link[1][0] or ("", ""))[0])))
    lines = []
    for relation, (other, row) in ordered:
        code, title = other or ("", "")
        lag = ctx.tr(N_("{months} months")).format(months=f"{row.lag_months:+d}") if row.lag_months else ""
        kind = ctx.tr(N_("Predecessor")) if relation == "predecessor" else ctx.tr(N_("Successor"))
        parts = [f"{code} {title}".strip(), vocabulary_label(ctx, DEPENDENCY_TYPES, row.type), lag]
        lines.append(f"{kind}: " + " · ".join(part for part in parts if part))
    return "\n".join(lines)


def _risks(ctx: ReportContext, risks: list[Any]) -> list[Flowable]:
    heading = caption(ctx, ctx.tr(N_("Risks")))
    if not risks:
        return [*heading, _none(ctx)]
    rows = [[risk.title, str(risk.likelihood), str(risk.impact), str((risk.likelihood or 0) * (risk.impact or 0)),
             risk.mitigation, vocabulary_label(ctx, RISK_STATUSES, risk.status)] for risk in risks]
    header = [ctx.tr(N_("Risk")), ctx.tr(N_("Likelihood")), ctx.tr(N_("Impact")), ctx.tr(N_("Score")),
              ctx.tr(N_("Mitigation")), ctx.tr(N_("Status"))]
    return [*heading, ctx.table(header, rows, column_widths(ctx, [48, 14, 12, 12, 70, 14]),
                               centered=(1, 2, 3, 5))]
