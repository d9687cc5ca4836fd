"""The blocks of an annual implementation plan: last year's results, this year's plan, the per-project summary.

The annual plan for year P (ReportContext.report_year) reports the results of year P + results_year_offset
(a section option, default -1: the year before) as recorded in the plan: each KPI's target and actual for that
year, and each initiative's planned and executed budget for that fiscal year.
"""

from __future__ import annotations

from collections import defaultdict
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from planner.budget import NATIONAL, ordered_sources, percent_text
from planner.i18n import N_
from planner.model import BudgetLine, Initiative, Kpi, KpiTarget
from planner.model.vocabulary import FUNDING_SOURCES, INITIATIVE_STATUSES
from planner.months import YearMonth
from planner.reports.blocks.tables import (
    DASH,
    caption,
    column_widths,
    empty_state,
    finish_of,
    initiative_records,
    lead_text,
    number_text,
    period_text,
    ratio_percent,
    section_option,
    spacer,
    unit_note,
    vocabulary_label,
)
from planner.reports.context import shortened

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from planner.reports.context import ReportContext

PURPOSE_LENGTH = 80  # characters of an initiative's purpose the per-project summary shows


def results_year(ctx: ReportContext) -> int:
    """The year whose results the report shows: report year + results_year_offset (default -1)."""
    try:
        offset = int(section_option(ctx, "results_year_offset", -1))
    except (TypeError, ValueError):
        offset = -1
    return ctx.report_year + offset


def results_table(ctx: ReportContext) -> list[Flowable]:
    """The results year's KPI targets against their actuals, and its planned budget against the executed."""
    ctx.tell(ctx.tr(N_("Results table")))
    year = results_year(ctx)
    return [*_kpi_results(ctx, year), spacer(), *_budget_results(ctx, year)]


def _kpi_results(ctx: ReportContext, year: int) -> list[Flowable]:
    heading = caption(ctx, ctx.tr(N_("KPI results for {year}")).format(year=year), first=True)
    kpi, target, initiative = Kpi.__table__, KpiTarget.__table__, Initiative.__table__
    records = ctx.session.execute(
        select(kpi.c.name, kpi.c.unit, kpi.c.type, target.c.target_value, target.c.actual_value,
               initiative.c.code.label("initiative_code"))
        .join(target, target.c.kpi_id == kpi.c.id)
        .outerjoin(initiative, initiative.c.id == kpi.c.initiative_id)
        .where(target.c.year == year)
        .order_by(initiative.c.id.is_not(None), initiative.c.position, initiative.c.code, kpi.c.position,
                  kpi.c.name)).all()
    if not records:
        return [*heading, *empty_state(ctx, ctx.tr(N_("No KPI targets are recorded for {year}.")).format(year=year))]
    plan_label = ctx.tr(N_("Whole plan"))
    not_recorded = ctx.tr(N_("not recorded"))
    rows = []
    for row in records:
        actual = number_text(row.actual_value) if row.actual_value is not None else not_recorded
        achievement = ratio_percent(row.actual_value, row.target_value)
        rows.append([row.initiative_code or plan_label, row.name, row.unit, number_text(row.target_value), actual,
                     f"{achievement} %" if achievement else DASH])
    header = [ctx.tr(N_("Initiative")), ctx.tr(N_("KPI")), ctx.tr(N_("Unit")), ctx.tr(N_("Target")),
              ctx.tr(N_("Actual")), ctx.tr(N_("Achievement"))]
    recorded = sum(1 for row in records if row.actual_value is not None)
    note = ctx.tr(N_("Actuals recorded for {recorded} of {count} KPIs; achievement = actual ÷ target.")).format(
        recorded=recorded, count=len(records))
    return [*heading, ctx.table(header, rows, column_widths(ctx, [16, 70, 14, 22, 24, 24]), numeric=(3, 4, 5),
                               centered=(0, 2)),
            ctx.para(note, "source_note")]


def _budget_results(ctx: ReportContext, year: int) -> list[Flowable]:
    heading = caption(ctx, ctx.tr(N_("Budget executed in {year}")).format(year=year))
    line = BudgetLine.__table__
    sums = {row.initiative_id: row for row in ctx.session.execute(
        select(line.c.initiative_id, func.sum(line.c.planned_krw).label("planned"),
               func.sum(line.c.executed_krw).label("executed"), func.count(line.c.executed_krw).label("recorded"))
        .where(line.c.fiscal_year == year).group_by(line.c.initiative_id))}
    records = [record for record in initiative_records(ctx.session) if record.id in sums]
    if not records:
        return [*heading, *empty_state(ctx, ctx.tr(N_("No budget is planned for {year}.")).format(year=year))]
    rows = []
    planned_total = executed_total = 0
    for record in records:
        amounts = sums[record.id]
        planned, executed = int(amounts.planned or 0), int(amounts.executed or 0)
        planned_total += planned
        executed_total += executed
        if amounts.recorded:
            rate = ratio_percent(executed, planned)
            rows.append([record.code, record.title, ctx.money(planned), ctx.money(executed),
                         f"{rate} %" if rate else DASH])
        else:
            rows.append([record.code, record.title, ctx.money(planned), ctx.tr(N_("not recorded")), DASH])
    rate = ratio_percent(executed_total, planned_total)
    rows.append([ctx.tr(N_("Total")), "", ctx.money(planned_total), ctx.money(executed_total),
                 f"{rate} %" if rate else DASH])
    header = [ctx.tr(N_("Code")), ctx.tr(N_("Initiative title")), ctx.tr(N_("Planned")), ctx.tr(N_("Executed")),
              ctx.tr(N_("Execution rate"))]
    table = ctx.table(header, rows, column_widths(ctx, [16, 82, 24, 24, 24]), numeric=(2, 3, 4), centered=(0,),
                      total_rows=(len(rows) - 1,), extra_style=[("SPAN", (0, len(rows)), (1, len(rows)))])
    return [*heading, unit_note(ctx), table]


def _year_budget(ctx: ReportContext, year: int) -> dict[str, dict[str, int]]:
    """Planned KRW of `year` by initiative and source."""
    by_initiative: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for initiative_id, source, planned in ctx.session.execute(
            select(BudgetLine.initiative_id, BudgetLine.source, BudgetLine.planned_krw)
            .where(BudgetLine.fiscal_year == year)):
        by_initiative[initiative_id][source] += int(planned or 0)
    return by_initiative


def year_plan_table(ctx: ReportContext) -> list[Flowable]:
    """The initiatives running in the report year (or with money in it): code, title, period, the year's budget
    by source, lead."""
    from planner.reports.context import MM

    ctx.tell(ctx.tr(N_("Year plan table")))
    year = ctx.report_year
    budget = _year_budget(ctx, year)
    first, last = YearMonth(year, 1), YearMonth(year, 12)
    records = [record for record in initiative_records(ctx.session)
               if record.id in budget
               or (record.start_month <= last and finish_of(record.start_month, record.duration_months) >= first)]
    if not records:
        return empty_state(ctx, ctx.tr(N_("No initiative runs in {year}.")).format(year=year))
    sources = ordered_sources(source for amounts in budget.values() for source, amount in amounts.items() if amount)
    number_width, code_width, period_width, lead_width = 14 * MM, 13 * MM, 25 * MM, 25 * MM
    numbers = len(sources) + 1
    title_width = ctx.frame_width - code_width - period_width - lead_width - numbers * number_width
    merged = title_width < 38 * MM  # too narrow: period and lead share one column
    if merged:
        title_width += lead_width
    header = [ctx.tr(N_("Code")), ctx.tr(N_("Initiative title")),
              ctx.tr(N_("Period / lead")) if merged else ctx.tr(N_("Implementation period"))]
    header += [vocabulary_label(ctx, FUNDING_SOURCES, source) for source in sources] + [ctx.tr(N_("Total"))]
    if not merged:
        header.append(ctx.tr(N_("Lead")))
    rows: list[list[Any]] = []
    for record in records:
        amounts = budget.get(record.id, {})
        period = period_text(record.start_month, record.duration_months)
        lead = lead_text(record.lead_name, record.lead_department)
        row: list[Any] = [record.code, record.title, f"{period}\n{lead}".strip() if merged else period]
        row += [ctx.money(amounts.get(source, 0), blank_zero=True) for source in sources]
        row.append(ctx.money(sum(amounts.values())))
        if not merged:
            row.append(lead)
        rows.append(row)
    total_row: list[Any] = [ctx.tr(N_("Total")), "", ""]
    total_row += [ctx.money(sum(amounts.get(source, 0) for amounts in budget.values())) for source in sources]
    total_row.append(ctx.money(sum(sum(amounts.values()) for amounts in budget.values())))
    if not merged:
        total_row.append("")
    rows.append(total_row)
    widths = [code_width, title_width, period_width] + [number_width] * numbers
    if not merged:
        widths.append(lead_width)
    table = ctx.table(header, rows, widths, numeric=tuple(range(3, 3 + numbers)), centered=(0, 2),
                      total_rows=(len(rows) - 1,), extra_style=[("SPAN", (0, len(rows)), (2, len(rows)))])
    intro = ctx.para(ctx.tr(N_("{count} initiatives run in {year}.")).format(count=len(records), year=year), "note")
    return [intro, unit_note(ctx), table]


def project_summary(ctx: ReportContext) -> list[Flowable]:
    """One line per project: code, title, purpose (shortened), period, total budget, national share, KPI count,
    status."""
    ctx.tell(ctx.tr(N_("Project summary")))
    table = Initiative.__table__
    records = initiative_records(ctx.session, table.c.purpose, table.c.status)
    if not records:
        return empty_state(ctx, ctx.tr(N_("No initiatives have been entered.")))
    totals: dict[str, int] = defaultdict(int)
    national: dict[str, int] = defaultdict(int)
    for initiative_id, source, planned in ctx.session.execute(
            select(BudgetLine.initiative_id, BudgetLine.source, BudgetLine.planned_krw)):
        totals[initiative_id] += int(planned or 0)
        if source == NATIONAL:
            national[initiative_id] += int(planned or 0)
    kpi_counts = dict(ctx.session.execute(
        select(Kpi.initiative_id, func.count()).where(Kpi.initiative_id.is_not(None))
        .group_by(Kpi.initiative_id)).all())
    rows = []
    for record in records:
        total = totals.get(record.id, 0)
        share = f"{percent_text(Fraction(national.get(record.id, 0) * 100, total))} %" if total else DASH
        rows.append([record.code, record.title, shortened(record.purpose, PURPOSE_LENGTH),
                     period_text(record.start_month, record.duration_months), ctx.money(total), share,
                     str(kpi_counts.get(record.id, 0)), vocabulary_label(ctx, INITIATIVE_STATUSES, record.status)])
    rows.append([ctx.tr(N_("Total")), "", "", "", ctx.money(sum(totals.get(r.id, 0) for r in records)),
                 _share_of_total(records, totals, national), str(sum(kpi_counts.get(r.id, 0) for r in records)), ""])
    header = [ctx.tr(N_("Code")), ctx.tr(N_("Initiative title")), ctx.tr(N_("Purpose")), ctx.tr(N_("Period")),
              ctx.tr(N_("Total budget")), ctx.tr(N_("National share")), ctx.tr(N_("KPIs")), ctx.tr(N_("Status"))]
    widths = column_widths(ctx, [13, 30, 43, 25, 17, 15, 10, 17])
    return [unit_note(ctx), ctx.table(header, rows, widths, numeric=(4, 5, 6), centered=(0, 3, 7),
                                      total_rows=(len(rows) - 1,),
                                      extra_style=[("SPAN", (0, len(rows)), (3, len(rows)))])]


def _share_of_total(records: list[Any], totals: dict[str, int], national: dict[str, int]) -> str:
    total = sum(totals.get(r.id, 0) for r in records)
    if not total:
        return DASH
    return f"{percent_text(Fraction(sum(national.get(r.id, 0) for r in records) * 100, total))} %"
