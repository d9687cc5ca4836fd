"""The generated table blocks of a report: initiatives, budget, KPIs, stakeholders, RACI, risks, ethics, funding."""

from __future__ import annotations

import gc
import re
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from decimal import Decimal
from fractions import Fraction
from functools import cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from planner import budget as budget_analysis
from planner.budget import (
    MAX_NATIONAL_SHARE,
    MAX_PER_YEAR,
    MAX_YEARS,
    MIN_NATIONAL_SHARE,
    budget_matrix,
    funding_rule_violations,
    ordered_sources,
    percent_text,
)
from planner.i18n import N_, translate
from planner.model import (
    BudgetLine,
    BudgetTotal,
    ChecklistAnswer,
    Field,
    FundingRule,
    Initiative,
    Kpi,
    KpiTarget,
    Plan,
    Risk,
    Stakeholder,
    Strategy,
)
from planner.model.vocabulary import (
    ATTITUDES,
    CHECKLIST_ITEMS,
    ENGAGEMENT_STRATEGIES,
    FUNDING_SOURCES,
    KPI_TYPES,
    RISK_STATUSES,
    SECTORS,
    engagement_for,
)
from planner.months import YearMonth
from planner.reports.context import plain_paragraph, shortened
from planner.stakeholders.raci import raci_matrix

if TYPE_CHECKING:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Flowable
    from sqlalchemy.orm import Session

    from planner.reports.context import ReportContext

# How many stakeholder columns one RACI table holds before the matrix is split into several tables.
RACI_COLUMNS_PER_TABLE = 8
# Privacy impact assessment thresholds for public bodies (DOMAIN.md "Checks a reviewer applies").
# Light shading of a group row (a field's row in the initiative table).
GROUP_SHADE = (0.93, 0.93, 0.93)
# Space a caption needs below it (itself, a unit line, a header row and a row or two) or it starts a new page.
CAPTION_MIN_SPACE_MM = 35
DASH = "—"


# -- shared helpers (also used by sheets.py and annual.py) ----------------------------------------------------


def vocabulary_label(ctx: ReportContext, vocabulary: Mapping[str, str], code: str | None) -> str:
    """A vocabulary code's label in the report language (an unknown code as it is)."""
    if not code:
        return ""
    return translate(vocabulary[code], ctx.language) if code in vocabulary else code


def column_widths(ctx: ReportContext, weights: Sequence[float], total: float | None = None) -> list[float]:
    """Column widths in the proportions of `weights`, summing exactly to the frame width (or `total`)."""
    width = ctx.frame_width if total is None else total
    scale = width / sum(weights)
    widths = [weight * scale for weight in weights]
    widths[-1] = width - sum(widths[:-1])
    return widths


@cache
def _note_styles() -> dict[str, ParagraphStyle]:
    """The unit line (right-aligned) and table captions, neither kept with the next flowable: reportlab moves a
    kept-together group that is taller than the space left to the next page, which would leave half-empty
    pages before long tables. A CondPageBreak before a caption keeps it off the bottom of a page instead."""
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    from planner.reports.context import paragraph_styles

    styles = paragraph_styles()
    return {
        "unit": ParagraphStyle("block_unit_note", parent=styles["source_note"], alignment=TA_RIGHT, spaceBefore=0,
                               spaceAfter=1, keepWithNext=False),
        "caption": ParagraphStyle("block_caption", parent=styles["caption"], keepWithNext=False),
    }


def unit_note(ctx: ReportContext) -> Flowable:
    """The right-aligned "(단위: 백만원)" line above a money table."""
    from reportlab.platypus import Paragraph

    from planner.reports.context import markup

    return Paragraph(markup(ctx.unit_note()), _note_styles()["unit"])


def caption(ctx: ReportContext, text: str, *, first: bool = False) -> list[Flowable]:
    """A small bold title above a table (plain text, escaped), never alone at the bottom of a page.

    The `first` flowable of a block has no page-break check: the section heading before it keeps with it, and
    a CondPageBreak right after a heading would leave the heading alone at the bottom of a page."""
    from reportlab.platypus import CondPageBreak, Paragraph

    from planner.reports.context import MM, markup

    title = Paragraph(markup(text), _note_styles()["caption"])
    return [title] if first else [CondPageBreak(CAPTION_MIN_SPACE_MM * MM), title]


@contextmanager
def without_garbage_collection() -> Iterator[None]:
    """Pause the cyclic garbage collector while a large block is built: tens of thousands of table cells (no
    cycles among them) would otherwise trigger full collections over the whole growing story."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def empty_state(ctx: ReportContext, text: str) -> list[Flowable]:
    """What a block shows when there is nothing to list: one short sentence, never an empty table."""
    return [ctx.para(text, "note")]


def spacer(height_mm: float = 3) -> Flowable:
    from reportlab.platypus import Spacer

    from planner.reports.context import MM

    return Spacer(1, height_mm * MM)


def section_option(ctx: ReportContext, name: str, default: Any) -> Any:
    """A parameter of the section being built (SectionSpec.options), or `default`."""
    if ctx.section is None:
        return default
    return ctx.section.options.get(name, default)


def number_text(value: Decimal | int | None) -> str:
    """A KPI value as reports write it: 1,234 or 4.5 (no trailing zeros); "" for none."""
    if value is None:
        return ""
    number = Decimal(value)
    if number == number.to_integral_value():
        return f"{int(number):,}"
    return f"{number.normalize():,f}"


def ratio_percent(part: Decimal | int | None, whole: Decimal | int | None) -> str:
    """part / whole as a percentage with one decimal ("" when either is missing or whole is 0)."""
    if part is None or whole is None or whole == 0:
        return ""
    return percent_text(Fraction(Decimal(part)) * 100 / Fraction(Decimal(whole)))


def finish_of(start: YearMonth, duration_months: int) -> YearMonth:
    """The last month an initiative occupies (a milestone: its month)."""
    return start + max(duration_months - 1, 0)


def period_text(start: YearMonth | None, duration_months: int) -> str:
    """`2027. 3. ~ 2028. 2.` (a milestone initiative: its month)."""
    if start is None:
        return ""
    if duration_months <= 1:
        return start.korean()
    return f"{start.korean()} ~ {finish_of(start, duration_months).korean()}"


def lead_text(stakeholder_name: str | None, department: str | None) -> str:
    """The lead as tables show it: the lead organisation, with the department in brackets when both are set."""
    name, department = (stakeholder_name or "").strip(), (department or "").strip()
    if name and department:
        return f"{name} ({department})"
    return name or department


def code_sort_key(code: str) -> tuple[Any, ...]:
    """Natural order of initiative codes: A-2 before A-10."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"(\d+)", code or ""))


def plan_period(session: Session) -> tuple[int, int]:
    row = session.execute(select(Plan.start_year, Plan.end_year)).first()
    if row is None:
        return 0, -1
    return int(row.start_year), int(row.end_year)


def stakeholder_names(session: Session) -> dict[str, str]:
    return dict(session.execute(select(Stakeholder.id, Stakeholder.name)).all())


def initiative_records(session: Session, *columns: Any) -> list[Any]:
    """Initiatives in plan order (position, code) as plain rows: id, code, title, lead and the `columns` asked."""
    table = Initiative.__table__
    stakeholder = Stakeholder.__table__
    query = (
        select(table.c.id, table.c.code, table.c.title, table.c.start_month, table.c.duration_months,
               table.c.lead_department, stakeholder.c.name.label("lead_name"), *columns)
        .outerjoin(stakeholder, stakeholder.c.id == table.c.lead_stakeholder_id)
        .order_by(table.c.position, table.c.code, table.c.id)
    )
    return list(session.execute(query))


def planned_totals(session: Session) -> dict[str, int]:
    """Planned KRW of each initiative (all years and sources)."""
    query = select(BudgetLine.initiative_id, func.sum(BudgetLine.planned_krw)).group_by(BudgetLine.initiative_id)
    return {initiative_id: int(total or 0) for initiative_id, total in session.execute(query)}


def is_ai_initiative(ai_technology: str | None) -> bool:
    """An initiative that uses AI: one whose AI technology is filled in."""
    return bool((ai_technology or "").strip())


def privacy_assessment_needed(data_subjects: int | None, sensitive: bool, unique_identifiers: bool) -> bool:
    """Whether the PIA thresholds are met (the rule lives with the check: planner.guidelines.checks)."""
    from planner.guidelines.checks import privacy_assessment_threshold

    return privacy_assessment_threshold(data_subjects, sensitive, unique_identifiers) is not None


def shade(color: tuple[float, float, float], row: int, first_column: int = 0, last_column: int = -1) -> tuple[Any, ...]:
    from reportlab.lib.colors import Color

    return ("BACKGROUND", (first_column, row), (last_column, row), Color(*color))


# -- initiative table ------------------------------------------------------------------------------------------


def initiative_table(ctx: ReportContext) -> list[Flowable]:
    """Initiatives by field (in field order): code, title, period, lead, total budget; sub-totals and a total."""
    ctx.tell(ctx.tr(N_("Initiative table")))
    session = ctx.session
    records = initiative_records(session, Initiative.__table__.c.field_id)
    if not records:
        return empty_state(ctx, ctx.tr(N_("No initiatives have been entered.")))
    fields = session.execute(select(Field.id, Field.code, Field.name).order_by(Field.position, Field.code)).all()
    totals = planned_totals(session)
    by_field: dict[str | None, list[Any]] = defaultdict(list)
    known = {row.id for row in fields}
    for record in records:
        by_field[record.field_id if record.field_id in known else None].append(record)
    groups: list[tuple[str, list[Any]]] = [
        (f"{row.code}. {row.name}" if row.code else row.name, by_field[row.id]) for row in fields if by_field[row.id]
    ]
    if by_field[None]:
        groups.append((ctx.tr(N_("No field")), by_field[None]))

    rows: list[list[Any]] = []
    extra: list[tuple[Any, ...]] = []
    total_rows: list[int] = []
    columns = 5
    for name, members in groups:
        header_index = len(rows) + 1  # +1: the table's header row
        rows.append([plain_paragraph(name, "table_cell", bold=True)] + [""] * (columns - 1))
        extra += [("SPAN", (0, header_index), (-1, header_index)), shade(GROUP_SHADE, header_index)]
        subtotal = 0
        for record in members:
            amount = totals.get(record.id, 0)
            subtotal += amount
            rows.append([record.code, record.title, period_text(record.start_month, record.duration_months),
                         lead_text(record.lead_name, record.lead_department), ctx.money(amount)])
        if len(groups) > 1:
            total_rows.append(len(rows))
            extra.append(("SPAN", (0, len(rows) + 1), (3, len(rows) + 1)))
            rows.append([ctx.tr(N_("Sub-total")), "", "", "", ctx.money(subtotal)])
    total_rows.append(len(rows))
    extra.append(("SPAN", (0, len(rows) + 1), (3, len(rows) + 1)))
    rows.append([ctx.tr(N_("Total")), "", "", "", ctx.money(sum(totals.get(r.id, 0) for r in records))])
    header = [ctx.tr(N_("Code")), ctx.tr(N_("Initiative title")), ctx.tr(N_("Implementation period")),
              ctx.tr(N_("Lead")), ctx.tr(N_("Total budget"))]
    table = ctx.table(header, rows, column_widths(ctx, [14, 58, 38, 38, 22]), numeric=(4,), centered=(0, 2),
                      total_rows=total_rows, extra_style=extra)
    return [unit_note(ctx), table]


# -- budget -----------------------------------------------------------------------------------------------------


def _year_source_table(ctx: ReportContext, years: Sequence[int], sources: Sequence[str],
                       cell: Any, first_header: str) -> Any:
    """Years down, sources across, with row totals (right) and column totals (bottom, shaded)."""
    header = [first_header] + [vocabulary_label(ctx, FUNDING_SOURCES, source) for source in sources]
    header.append(ctx.tr(N_("Total")))
    rows: list[list[Any]] = []
    for year in years:
        values = [cell(year, source) for source in sources]
        rows.append([str(year)] + [ctx.money(value) for value in values] + [ctx.money(sum(values))])
    column_totals = [sum(cell(year, source) for year in years) for source in sources]
    rows.append([ctx.tr(N_("Total"))] + [ctx.money(value) for value in column_totals]
                + [ctx.money(sum(column_totals))])
    numbers = tuple(range(1, len(sources) + 2))
    widths = column_widths(ctx, [1.2] + [1.0] * (len(sources) + 1))
    return ctx.table(header, rows, widths, numeric=numbers, centered=(0,), total_rows=(len(rows) - 1,),
                     extra_style=[("LINEBEFORE", (-1, 0), (-1, -1), 1.0, _black())])


def _black() -> Any:
    from reportlab.lib.colors import black

    return black


def budget_table(ctx: ReportContext) -> list[Flowable]:
    """The budget by fiscal year × funding source in 백만원, with totals; then the declared totals, if any,
    with a mark where the budget lines do not add up to them."""
    ctx.tell(ctx.tr(N_("Budget table")))
    matrix = budget_matrix(ctx.session)
    declared = {(int(year), source): int(amount or 0) for year, source, amount in ctx.session.execute(
        select(BudgetTotal.fiscal_year, BudgetTotal.source, BudgetTotal.amount_krw))}
    if not matrix.planned and not declared:
        return empty_state(ctx, ctx.tr(N_("No budget has been entered.")))
    flowables: list[Flowable] = []
    if matrix.planned:
        flowables += [unit_note(ctx), _year_source_table(ctx, matrix.years, matrix.sources, matrix.cell,
                                                         ctx.tr(N_("Fiscal year")))]
    else:
        flowables += empty_state(ctx, ctx.tr(N_("No budget lines have been entered.")))
    if declared:
        flowables += [spacer(), *_declared_totals(ctx, matrix, declared)]
    return flowables


def _declared_totals(ctx: ReportContext, matrix: Any, declared: Mapping[tuple[int, str], int]) -> list[Flowable]:
    years = sorted({year for year, _source in declared} | set(matrix.years))
    sources = ordered_sources({source for _year, source in declared} | set(matrix.sources))
    mark = "※"
    header = [ctx.tr(N_("Fiscal year"))] + [vocabulary_label(ctx, FUNDING_SOURCES, s) for s in sources]
    header.append(ctx.tr(N_("Total")))
    rows: list[list[Any]] = []
    mismatches = 0

    def shown(declared_krw: int | None, lines_krw: int) -> str:
        nonlocal mismatches
        if declared_krw is None:
            return "" if lines_krw == 0 else f"{DASH} {mark}\n({ctx.money(lines_krw)})"
        if declared_krw != lines_krw:
            mismatches += 1
            return f"{ctx.money(declared_krw)} {mark}\n({ctx.money(lines_krw)})"
        return ctx.money(declared_krw)

    for year in years:
        row: list[Any] = [str(year)]
        for source in sources:
            value = declared.get((year, source))
            lines = matrix.cell(year, source)
            if value is None and lines:
                mismatches += 1
            row.append(shown(value, lines))
        row.append(ctx.money(sum(amount for (y, _s), amount in declared.items() if y == year)))
        rows.append(row)
    total_row: list[Any] = [ctx.tr(N_("Total"))]
    for source in sources:
        total_row.append(ctx.money(sum(amount for (_y, s), amount in declared.items() if s == source)))
    total_row.append(ctx.money(sum(declared.values())))
    rows.append(total_row)
    widths = column_widths(ctx, [1.2] + [1.0] * (len(sources) + 1))
    flowables: list[Flowable] = [*caption(ctx, ctx.tr(N_("Totals declared by the plan"))), unit_note(ctx),
                                 ctx.table(header, rows, widths, numeric=tuple(range(1, len(sources) + 2)),
                                           centered=(0,), total_rows=(len(rows) - 1,))]
    if mismatches:
        flowables.append(ctx.para(ctx.tr(N_(
            "{mark} The budget lines do not add up to the declared total ({count} cells); their sum is shown in "
            "brackets.")).format(mark=mark, count=mismatches), "source_note"))
    else:
        flowables.append(ctx.para(ctx.tr(N_("The budget lines add up to the declared totals.")), "source_note"))
    return flowables


def budget_by_initiative(ctx: ReportContext) -> list[Flowable]:
    """Each initiative's planned budget by fiscal year, with row and column totals (in 백만원)."""
    ctx.tell(ctx.tr(N_("Budget by initiative")))
    budgets = [item for item in budget_analysis.budget_by_initiative(ctx.session) if item.total_krw]
    if not budgets:
        return empty_state(ctx, ctx.tr(N_("No budget has been entered.")))
    start, end = plan_period(ctx.session)
    years = sorted(set(range(start, end + 1)) | {year for item in budgets for year in item.by_year})
    header = [ctx.tr(N_("Code")), ctx.tr(N_("Initiative title"))] + [str(year) for year in years]
    header.append(ctx.tr(N_("Total")))
    rows: list[list[Any]] = []
    for item in budgets:
        rows.append([item.code, item.title] + [ctx.money(item.by_year.get(year, 0), blank_zero=True)
                                               for year in years] + [ctx.money(item.total_krw)])
    year_totals = [sum(item.by_year.get(year, 0) for item in budgets) for year in years]
    rows.append([ctx.tr(N_("Total")), ""] + [ctx.money(value) for value in year_totals]
                + [ctx.money(sum(year_totals))])
    from planner.reports.context import MM

    number_width = min(17 * MM, (ctx.frame_width - 14 * MM - 40 * MM) / (len(years) + 1))
    title_width = ctx.frame_width - 14 * MM - number_width * (len(years) + 1)
    widths = [14 * MM, title_width] + [number_width] * (len(years) + 1)
    numbers = tuple(range(2, len(years) + 3))
    table = ctx.table(header, rows, widths, numeric=numbers, centered=(0,), total_rows=(len(rows) - 1,),
                      extra_style=[("SPAN", (0, len(rows)), (1, len(rows)))])
    return [unit_note(ctx), table]


# -- KPIs ---------------------------------------------------------------------------------------------------------


def kpi_records(session: Session) -> tuple[list[Any], dict[str, dict[int, tuple[Decimal | None, Decimal | None]]]]:
    """Every KPI (plan-level first, then by initiative in plan order) and its targets and actuals by year."""
    kpi, initiative = Kpi.__table__, Initiative.__table__
    kpis = list(session.execute(
        select(kpi.c.id, kpi.c.initiative_id, kpi.c.name, kpi.c.type, kpi.c.unit, kpi.c.baseline_value,
               kpi.c.baseline_year, initiative.c.code.label("initiative_code"))
        .outerjoin(initiative, initiative.c.id == kpi.c.initiative_id)
        .order_by(initiative.c.id.is_not(None), initiative.c.position, initiative.c.code, kpi.c.position, kpi.c.name)
    ))
    target = KpiTarget.__table__
    targets: dict[str, dict[int, tuple[Decimal | None, Decimal | None]]] = defaultdict(dict)
    for kpi_id, year, target_value, actual_value in session.execute(
            select(target.c.kpi_id, target.c.year, target.c.target_value, target.c.actual_value)):
        targets[kpi_id][int(year)] = (target_value, actual_value)
    return kpis, targets


def baseline_text(value: Decimal | None, year: int | None) -> str:
    """`68 (2026)`."""
    text = number_text(value)
    if year is not None:
        text = f"{text} ({year})" if text else f"({year})"
    return text


def kpi_table(ctx: ReportContext) -> list[Flowable]:
    """KPIs (plan-level first, then per initiative): name, type, unit, baseline (year), targets by year."""
    ctx.tell(ctx.tr(N_("KPI table")))
    kpis, targets = kpi_records(ctx.session)
    if not kpis:
        return empty_state(ctx, ctx.tr(N_("No KPIs have been set.")))
    years = sorted({year for kpi in kpis for year, (value, _actual) in targets.get(kpi.id, {}).items()
                    if value is not None})
    header = [ctx.tr(N_("Initiative")), ctx.tr(N_("KPI")), ctx.tr(N_("Type")), ctx.tr(N_("Unit")),
              ctx.tr(N_("Baseline (year)"))] + [str(year) for year in years]
    rows: list[list[Any]] = []
    previous: str | None = "\0"
    plan_label = ctx.tr(N_("Whole plan"))
    for kpi in kpis:
        owner = kpi.initiative_code or plan_label
        shown_owner = owner if owner != previous else ""
        previous = owner
        values = targets.get(kpi.id, {})
        rows.append([shown_owner, kpi.name, vocabulary_label(ctx, KPI_TYPES, kpi.type), kpi.unit,
                     baseline_text(kpi.baseline_value, kpi.baseline_year)]
                    + [number_text(values.get(year, (None, None))[0]) for year in years])
    from planner.reports.context import MM

    year_width = min(15 * MM, 70 * MM / max(len(years), 1)) if years else 0
    fixed = [16 * MM, 0, 17 * MM, 17 * MM, 22 * MM]
    fixed[1] = ctx.frame_width - sum(fixed) - year_width * len(years)
    widths = fixed + [year_width] * len(years)
    return [ctx.table(header, rows, widths, numeric=tuple(range(4, 5 + len(years))), centered=(0, 2, 3))]


# -- stakeholders -------------------------------------------------------------------------------------------------


def stakeholder_table(ctx: ReportContext) -> list[Flowable]:
    """The stakeholder register: name, organisation, sector, influence, interest, attitude, engagement."""
    ctx.tell(ctx.tr(N_("Stakeholder table")))
    table = Stakeholder.__table__
    records = ctx.session.execute(
        select(table.c.name, table.c.organisation, table.c.sector, table.c.influence, table.c.interest,
               table.c.attitude, table.c.engagement).order_by(table.c.sector, table.c.name, table.c.id)).all()
    if not records:
        return empty_state(ctx, ctx.tr(N_("No stakeholders have been entered.")))
    sector_order = {code: index for index, code in enumerate(SECTORS)}
    records.sort(key=lambda r: (sector_order.get(r.sector, len(sector_order)), r.sector, -r.influence, r.name))
    rows = [
        [r.name, r.organisation, vocabulary_label(ctx, SECTORS, r.sector), str(r.influence), str(r.interest),
         vocabulary_label(ctx, ATTITUDES, r.attitude),
         vocabulary_label(ctx, ENGAGEMENT_STRATEGIES, r.engagement or engagement_for(r.influence, r.interest))]
        for r in records
    ]
    header = [ctx.tr(N_("Name")), ctx.tr(N_("Organisation")), ctx.tr(N_("Sector")), ctx.tr(N_("Influence")),
              ctx.tr(N_("Interest")), ctx.tr(N_("Attitude")), ctx.tr(N_("Engagement strategy"))]
    widths = column_widths(ctx, [30, 32, 24, 13, 13, 18, 22])
    return [ctx.table(header, rows, widths, numeric=(), centered=(2, 3, 4, 5, 6))]


RACI_HEADER_CHARACTERS = 16  # a stakeholder's name in a RACI column header, at most


def raci_table(ctx: ReportContext) -> list[Flowable]:
    """The RACI matrix of initiatives × stakeholders, split into tables of at most eight stakeholder columns;
    each table lists the initiatives on which one of its stakeholders has a role."""
    ctx.tell(ctx.tr(N_("RACI table")))
    matrix = raci_matrix(ctx.session)
    if not matrix.cells:
        return empty_state(ctx, ctx.tr(N_("No RACI roles have been assigned.")))
    with_role = {stakeholder_id for _initiative_id, stakeholder_id in matrix.cells}
    holders = [holder for holder in matrix.stakeholders if holder.id in with_role]
    by_initiative: dict[str, dict[str, str]] = defaultdict(dict)
    for (initiative_id, stakeholder_id), role in matrix.cells.items():
        by_initiative[initiative_id][stakeholder_id] = role
    per_table = int(section_option(ctx, "raci_columns", RACI_COLUMNS_PER_TABLE) or RACI_COLUMNS_PER_TABLE)
    chunks = [holders[index:index + per_table] for index in range(0, len(holders), per_table)]
    from planner.reports.context import MM

    flowables: list[Flowable] = [ctx.para(ctx.tr(N_(
        "R = responsible, A = accountable, C = consulted, I = informed")), "source_note")]
    for number, chunk in enumerate(chunks, start=1):
        ids = [holder.id for holder in chunk]
        rows = []
        for item in matrix.initiatives:
            roles = by_initiative.get(item.id, {})
            if any(stakeholder_id in roles for stakeholder_id in ids):
                rows.append([item.code, item.title] + [roles.get(stakeholder_id, "") for stakeholder_id in ids])
        role_width = min(17 * MM, (ctx.frame_width - 15 * MM - 40 * MM) / len(chunk))
        widths = [15 * MM, ctx.frame_width - 15 * MM - role_width * len(chunk)] + [role_width] * len(chunk)
        # A repeated header row cannot split across pages: long names are shortened there and given in full below.
        names = [shortened(holder.name, RACI_HEADER_CHARACTERS) for holder in chunk]
        header = [ctx.tr(N_("Code")), ctx.tr(N_("Initiative title")), *names]
        if len(chunks) > 1:
            flowables.extend(caption(ctx, ctx.tr(N_("RACI matrix ({number}/{count})")).format(
                number=number, count=len(chunks))))
        flowables.append(ctx.table(header, rows, widths, centered=(0, *range(2, len(chunk) + 2))))
        full_names = [(short, holder.name) for short, holder in zip(names, chunk, strict=True)
                      if short != holder.name]
        if full_names:
            flowables.append(ctx.para(ctx.tr(N_("Full names: {names}")).format(
                names="; ".join(f"{short} = {name}" for short, name in full_names)), "source_note"))
        flowables.append(spacer(2))
    return flowables


# -- risks ----------------------------------------------------------------------------------------------------------


def risk_records(session: Session, initiative_id: str | None = None) -> list[Any]:
    """Risks with their initiative's code and owner's name, highest score (likelihood × impact) first."""
    risk, initiative, stakeholder = Risk.__table__, Initiative.__table__, Stakeholder.__table__
    query = (
        select(risk.c.title, risk.c.description, risk.c.likelihood, risk.c.impact, risk.c.mitigation,
               risk.c.status, initiative.c.code.label("initiative_code"), stakeholder.c.name.label("owner"))
        .outerjoin(initiative, initiative.c.id == risk.c.initiative_id)
        .outerjoin(stakeholder, stakeholder.c.id == risk.c.owner_stakeholder_id)
    )
    if initiative_id is not None:
        query = query.where(risk.c.initiative_id == initiative_id)
    records = list(session.execute(query))
    records.sort(key=lambda r: (-(r.likelihood or 0) * (r.impact or 0), code_sort_key(r.initiative_code or ""),
                                r.title))
    return records


def risk_register(ctx: ReportContext) -> list[Flowable]:
    """Risks, highest score first: risk, initiative, likelihood, impact, score, mitigation, owner, status."""
    ctx.tell(ctx.tr(N_("Risk register")))
    records = risk_records(ctx.session)
    if not records:
        return empty_state(ctx, ctx.tr(N_("No risks have been recorded.")))
    plan_label = ctx.tr(N_("Whole plan"))
    rows = []
    for r in records:
        title = r.title if not (r.description or "").strip() else f"{r.title}\n{r.description}"
        rows.append([title, r.initiative_code or plan_label, str(r.likelihood), str(r.impact),
                     str((r.likelihood or 0) * (r.impact or 0)), r.mitigation, r.owner or "",
                     vocabulary_label(ctx, RISK_STATUSES, r.status)])
    header = [ctx.tr(N_("Risk")), ctx.tr(N_("Initiative")), ctx.tr(N_("Likelihood")), ctx.tr(N_("Impact")),
              ctx.tr(N_("Score")), ctx.tr(N_("Mitigation")), ctx.tr(N_("Owner")), ctx.tr(N_("Status"))]
    widths = column_widths(ctx, [38, 15, 13, 12, 12, 44, 22, 14])
    return [ctx.table(header, rows, widths, numeric=(), centered=(1, 2, 3, 4, 7)),
            ctx.para(ctx.tr(N_("Likelihood and impact from 1 (low) to 5 (high); score = likelihood × impact.")),
                     "source_note")]


# -- AI ethics ----------------------------------------------------------------------------------------------------


def checklist_counts(session: Session) -> dict[tuple[str, str], int]:
    """(initiative id, checklist) -> number of items answered (yes, no or not applicable)."""
    answer = ChecklistAnswer.__table__
    query = (select(answer.c.initiative_id, answer.c.checklist, answer.c.item_key)
             .where(answer.c.answer != "unanswered"))
    counts: dict[tuple[str, str], set[str]] = defaultdict(set)
    for initiative_id, checklist, item_key in session.execute(query):
        if item_key in CHECKLIST_ITEMS.get(checklist, ()):
            counts[(initiative_id, checklist)].add(item_key)
    return {key: len(items) for key, items in counts.items()}


def ethics_summary(ctx: ReportContext) -> list[Flowable]:
    """Per AI initiative: AI-ethics items answered of 10, trustworthy-AI items of 15, PIA needed and planned."""
    ctx.tell(ctx.tr(N_("Ethics summary")))
    table = Initiative.__table__
    records = [r for r in initiative_records(
        ctx.session, table.c.ai_technology, table.c.data_subject_count, table.c.sensitive_data,
        table.c.unique_identifiers, table.c.privacy_impact_assessment) if is_ai_initiative(r.ai_technology)]
    if not records:
        return empty_state(ctx, ctx.tr(N_("The plan has no AI initiatives.")))
    counts = checklist_counts(ctx.session)
    ethics_items, trust_items = len(CHECKLIST_ITEMS["ai_ethics"]), len(CHECKLIST_ITEMS["trustworthy_ai"])
    yes, no = ctx.tr(N_("Yes")), ctx.tr(N_("No"))
    rows = []
    for r in records:
        needed = privacy_assessment_needed(r.data_subject_count, r.sensitive_data, r.unique_identifiers)
        ethics = counts.get((r.id, "ai_ethics"), 0)
        trust = counts.get((r.id, "trustworthy_ai"), 0)
        rows.append([r.code, r.title, r.ai_technology, f"{ethics}/{ethics_items}", f"{trust}/{trust_items}",
                     yes if needed else no, yes if r.privacy_impact_assessment else no])
    header = [ctx.tr(N_("Code")), ctx.tr(N_("Initiative title")), ctx.tr(N_("AI technology")),
              ctx.tr(N_("AI ethics (10)")), ctx.tr(N_("Trustworthy AI (15)")), ctx.tr(N_("PIA needed")),
              ctx.tr(N_("PIA planned"))]
    widths = column_widths(ctx, [14, 45, 37, 17, 19, 19, 19])
    missing = [index for index, r in enumerate(rows) if r[3] != f"{ethics_items}/{ethics_items}"]
    extra = [("FONTNAME", (3, index + 1), (3, index + 1), "NanumGothic-Bold") for index in missing]
    return [
        ctx.table(header, rows, widths, centered=(0, 3, 4, 5, 6), extra_style=extra),
        ctx.para(ctx.tr(N_(
            "AI ethics: items of the national AI ethics standard's 10 core requirements answered; trustworthy AI: "
            "items of the 15 requirements of the trustworthy-AI development guide answered. PIA needed: 50,000 or "
            "more data subjects with sensitive or unique-identifier data, or 1,000,000 or more data subjects.")),
            "source_note"),
    ]


# -- funding rules ----------------------------------------------------------------------------------------------


VIOLATION_LABELS = {
    MIN_NATIONAL_SHARE: N_("national share below the minimum"),
    MAX_NATIONAL_SHARE: N_("national share above the maximum"),
    MAX_PER_YEAR: N_("yearly amount above the cap"),
    MAX_YEARS: N_("too many fiscal years"),
}


def _share_limits(ctx: ReportContext, low: int | None, high: int | None) -> str:
    if low is not None and high is not None:
        return f"{low}–{high} %"
    if low is not None:
        return ctx.tr(N_("at least {percent} %")).format(percent=low)
    if high is not None:
        return ctx.tr(N_("at most {percent} %")).format(percent=high)
    return DASH


def funding_summary(ctx: ReportContext) -> list[Flowable]:
    """The funding rules, then each initiative that follows one: national share, largest yearly amount, result."""
    ctx.tell(ctx.tr(N_("Funding summary")))
    rule = FundingRule.__table__
    rules = ctx.session.execute(select(rule).order_by(rule.c.name, rule.c.id)).all()
    if not rules:
        return empty_state(ctx, ctx.tr(N_("No funding rules are set.")))
    rule_rows = [[r.name, r.programme, _share_limits(ctx, r.min_national_share_percent, r.max_national_share_percent),
                  ctx.money(r.max_per_year_krw) if r.max_per_year_krw is not None else DASH,
                  str(r.max_years) if r.max_years is not None else DASH] for r in rules]
    rule_header = [ctx.tr(N_("Funding rule")), ctx.tr(N_("Programme")), ctx.tr(N_("National share")),
                   ctx.tr(N_("Cap a year")), ctx.tr(N_("Years at most"))]
    flowables: list[Flowable] = [
        unit_note(ctx),
        ctx.table(rule_header, rule_rows, column_widths(ctx, [40, 60, 24, 24, 22]), numeric=(3,), centered=(2, 4)),
        spacer(),
    ]
    followers = ctx.session.execute(select(Initiative.id, Initiative.funding_rule_id)
                                    .where(Initiative.funding_rule_id.is_not(None))).all()
    rule_of = dict(followers)
    budgets = [item for item in budget_analysis.budget_by_initiative(ctx.session) if item.id in rule_of]
    if not budgets:
        return flowables + empty_state(ctx, ctx.tr(N_("No initiative follows a funding rule.")))
    caps = {r.id: r for r in rules}
    violations: dict[str, list[Any]] = defaultdict(list)
    for violation in funding_rule_violations(ctx.session):
        violations[violation.initiative_id].append(violation)
    rows = []
    for item in budgets:
        limits = caps.get(rule_of[item.id])
        share = item.national_share()
        largest = max(item.by_year.values(), default=0)
        cap = limits.max_per_year_krw if limits is not None else None
        found = violations.get(item.id, [])
        if found:
            result = "\n".join(
                f"{ctx.tr(VIOLATION_LABELS.get(v.kind, v.kind))}" + (f" ({v.year})" if v.year else "")
                for v in found)
        else:
            result = ctx.tr(N_("Meets the rule"))
        rows.append([item.code, item.title, item.funding_rule,
                     f"{percent_text(share * 100)} %" if share is not None else DASH,
                     ctx.money(largest) + (f" / {ctx.money(cap)}" if cap is not None else ""), result])
    header = [ctx.tr(N_("Code")), ctx.tr(N_("Initiative title")), ctx.tr(N_("Funding rule")),
              ctx.tr(N_("National share")), ctx.tr(N_("Largest year / cap")), ctx.tr(N_("Result"))]
    breaches = [index for index, item in enumerate(budgets) if violations.get(item.id)]
    extra = [("FONTNAME", (5, index + 1), (5, index + 1), "NanumGothic-Bold") for index in breaches]
    flowables.append(ctx.table(header, rows, column_widths(ctx, [14, 44, 30, 18, 26, 38]), numeric=(3, 4),
                               centered=(0,), extra_style=extra))
    flowables.append(ctx.para(ctx.tr(N_(
        "National share: national money over all planned money of the initiative. Each fiscal year is checked "
        "against the rule.")), "source_note"))
    return flowables


# -- vision ---------------------------------------------------------------------------------------------------


def vision_summary(ctx: ReportContext) -> list[Flowable]:
    """The vision, then fields → strategies → the number of initiatives, as one table."""
    ctx.tell(ctx.tr(N_("Vision summary")))
    session = ctx.session
    vision = session.execute(select(Plan.vision)).scalar_one_or_none() or ""
    fields = session.execute(select(Field.id, Field.code, Field.name).order_by(Field.position, Field.code)).all()
    strategies = session.execute(select(Strategy.id, Strategy.code, Strategy.name, Strategy.field_id)
                                 .order_by(Strategy.position, Strategy.code)).all()
    counts: dict[tuple[str | None, str | None], int] = defaultdict(int)
    for field_id, strategy_id in session.execute(select(Initiative.field_id, Initiative.strategy_id)):
        counts[(field_id, strategy_id)] += 1
    flowables: list[Flowable] = []
    if vision.strip():
        from reportlab.platypus import Table, TableStyle

        box = Table([[ctx.para(vision, "h4")]], colWidths=[ctx.frame_width])
        box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1.2, _black()), ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                                 ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
        flowables += [*caption(ctx, ctx.tr(N_("Vision")), first=True), box, spacer()]
    if not fields and not strategies:
        if not flowables:
            return empty_state(ctx, ctx.tr(N_("No vision, fields or strategies have been entered.")))
        return flowables
    # Each field lists the strategies its initiatives serve, and the strategies defined in it that none serve yet.
    field_ids = {row.id for row in fields}
    strategy_ids = {row.id for row in strategies}
    home = {row.id: (row.field_id if row.field_id in field_ids else None) for row in strategies}
    served = {strategy_id for (_field_id, strategy_id), count in counts.items() if count}
    groups: list[tuple[str, list[tuple[str, int]]]] = []
    for field in [*fields, None]:
        field_id = field.id if field is not None else None
        used = {strategy_id for (f, strategy_id), count in counts.items()
                if (f if f in field_ids else None) == field_id and count}
        members = [(f"{s.code} {s.name}".strip(), _count(counts, field_ids, field_id, s.id)) for s in strategies
                   if s.id in used or (home[s.id] == field_id and (field_id is not None or s.id not in served))]
        unassigned = sum(count for (f, strategy_id), count in counts.items()
                         if (f if f in field_ids else None) == field_id and strategy_id not in strategy_ids)
        if unassigned:
            members.append((ctx.tr(N_("No strategy")), unassigned))
        if field is None:
            if not members:
                continue
            name = ctx.tr(N_("No field"))
        else:
            name = f"{field.code}. {field.name}" if field.code else field.name
            if not members:
                members = [(DASH, 0)]
        groups.append((name, members))
    rows: list[list[Any]] = []
    extra: list[tuple[Any, ...]] = []
    for name, members in groups:
        first = len(rows) + 1
        for index, (strategy, count) in enumerate(members):
            rows.append([name if index == 0 else "", strategy, str(count)])
        if len(members) > 1:
            extra.append(("SPAN", (0, first), (0, first + len(members) - 1)))
    total = sum(counts.values())
    rows.append([ctx.tr(N_("Total")), "", str(total)])
    extra.append(("SPAN", (0, len(rows)), (1, len(rows))))
    header = [ctx.tr(N_("Field")), ctx.tr(N_("Strategy")), ctx.tr(N_("Initiatives"))]
    flowables.append(ctx.table(header, rows, column_widths(ctx, [50, 95, 25]), numeric=(2,),
                               total_rows=(len(rows) - 1,), extra_style=extra))
    return flowables


def _count(counts: Mapping[tuple[str | None, str | None], int], field_ids: set[str], field_id: str | None,
           strategy_id: str) -> int:
    """Initiatives in a field (None: in no known field) serving a strategy."""
    return sum(count for (f, s), count in counts.items()
               if s == strategy_id and (f if f in field_ids else None) == field_id)
