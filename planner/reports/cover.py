"""The cover of a plan document, from the profile's cover blocks in order (DOMAIN.md: Korean report covers)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from planner.i18n import N_
from planner.months import YearMonth
from planner.reports.context import (
    FONT_REGULAR,
    FRAME_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MM,
    PAGE_HEIGHT,
    TABLE_SIZE,
    markup,
)

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from planner.model import Plan
    from planner.reports.context import ReportContext

COVER_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM  # the cover's frame: no header or footer
TOP_BLOCKS = ("publication_number", "approval_box")
BOTTOM_BLOCKS = ("date", "lead_organisation", "contact")
APPROVAL_CELL_WIDTH = 19 * MM
APPROVAL_SIGNATURE_HEIGHT = 15 * MM


def approval_columns(ctx: ReportContext, plan: Plan) -> list[str]:
    """The 결재란's columns: the plan's own, else the profile's in the report language."""
    columns = [column for column in (plan.approval_columns or []) if str(column).strip()]
    if columns:
        return [str(column) for column in columns]
    return [column.get(ctx.language) for column in ctx.profile.cover.approval_columns]


def plan_period(ctx: ReportContext, plan: Plan) -> str:
    """2027 ~ 2031 (an annual plan: its year)."""
    if plan.plan_type == "annual":
        return str(ctx.report_year)
    if plan.start_year == plan.end_year:
        return str(plan.start_year)
    return f"{plan.start_year} ~ {plan.end_year}"


def _publication_number(ctx: ReportContext, plan: Plan) -> Flowable | None:
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    if not (plan.publication_number or "").strip():
        return None
    label = ctx.para(ctx.tr(N_("Publication registration number")), "cover_small")
    number = ctx.para(plan.publication_number, "cover_small")
    table = Table([[label], [number]], colWidths=[52 * MM], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), 0.6, colors.black),
        ("FONT", (0, 0), (-1, -1), FONT_REGULAR, TABLE_SIZE),
        ("LINEBELOW", (0, 0), (-1, 0), 0.4, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.93, 0.93, 0.93)),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]))
    return table


def _approval_box(ctx: ReportContext, plan: Plan) -> Flowable | None:
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    columns = approval_columns(ctx, plan)
    if not columns:
        return None
    label_text = ctx.tr(N_("Approval"))
    korean_label = ctx.language == "ko" and len(label_text) <= 4
    label = ctx.rich("<br/>".join(markup(character) for character in label_text) if korean_label
                     else markup(label_text), "table_center")
    header = [label, *(ctx.para(column, "table_center") for column in columns)]
    label_width = 8 * MM if korean_label else 16 * MM
    cell_width = min(APPROVAL_CELL_WIDTH, (FRAME_WIDTH * 0.62 - label_width) / len(columns))
    table = Table([header, ["", *([""] * len(columns))]], colWidths=[label_width, *([cell_width] * len(columns))],
                  rowHeights=[None, APPROVAL_SIGNATURE_HEIGHT], hAlign="RIGHT")
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("FONT", (0, 0), (-1, -1), FONT_REGULAR, TABLE_SIZE),
        ("SPAN", (0, 0), (0, 1)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (1, 0), (-1, 0), colors.Color(0.93, 0.93, 0.93)),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ]))
    return table


def _title(ctx: ReportContext, plan: Plan) -> list[Flowable]:
    from reportlab.platypus import HRFlowable

    return [HRFlowable(width="100%", thickness=2.2, spaceAfter=7 * MM),
            ctx.para(plan.title, "cover_title"),
            HRFlowable(width="100%", thickness=0.8, spaceBefore=7 * MM)]


def _subtitle(ctx: ReportContext, plan: Plan) -> Flowable:
    from planner.model.vocabulary import PLAN_TYPES

    kind = ctx.tr(PLAN_TYPES[plan.plan_type]) if plan.plan_type in PLAN_TYPES else plan.plan_type
    return ctx.para(f"{kind} ({plan_period(ctx, plan)})", "cover_subtitle")


def _region(ctx: ReportContext, plan: Plan) -> Flowable | None:
    region = " ".join(part.strip() for part in (plan.region_province, plan.region_district) if (part or "").strip())
    return ctx.para(region, "cover_subtitle") if region else None


def _date(ctx: ReportContext, plan: Plan, today: date) -> Flowable:
    month = plan.document_month or YearMonth(today.year, today.month)
    return ctx.para(ctx.month(month), "cover_date")


def _lead_organisation(ctx: ReportContext, plan: Plan) -> Flowable | None:
    return ctx.para(plan.lead_organisation, "cover_organisation") if (plan.lead_organisation or "").strip() else None


def _contact(ctx: ReportContext, plan: Plan) -> Flowable | None:
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    values = [plan.contact_department, plan.contact_name, plan.contact_phone]
    if not any((value or "").strip() for value in values):
        return None
    header = [ctx.tr(N_("In charge")), ctx.tr(N_("Department")), ctx.tr(N_("Rank and name")), ctx.tr(N_("Phone"))]
    widths = [20 * MM, 62 * MM, 42 * MM, 36 * MM]
    rows = [[ctx.para(text, "table_header") for text in header],
            ["", *(ctx.para(value or "", "table_center") for value in values)]]
    table = Table(rows, colWidths=widths, hAlign="CENTER", repeatRows=0)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("FONT", (0, 0), (-1, -1), FONT_REGULAR, TABLE_SIZE),
        ("BOX", (0, 0), (-1, -1), 1.0, colors.black),
        ("SPAN", (0, 0), (0, 1)),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.93, 0.93, 0.93)),
        ("BACKGROUND", (0, 0), (0, -1), colors.Color(0.93, 0.93, 0.93)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def _block(ctx: ReportContext, plan: Plan, name: str, today: date) -> list[Flowable]:
    builders: dict[str, Any] = {
        "publication_number": lambda: _publication_number(ctx, plan),
        "approval_box": lambda: _approval_box(ctx, plan),
        "title": lambda: _title(ctx, plan),
        "subtitle": lambda: _subtitle(ctx, plan),
        "region": lambda: _region(ctx, plan),
        "date": lambda: _date(ctx, plan, today),
        "lead_organisation": lambda: _lead_organisation(ctx, plan),
        "contact": lambda: _contact(ctx, plan),
    }
    built = builders[name]()
    if built is None:
        return []
    return list(built) if isinstance(built, list) else [built]


def _side_by_side(left: Sequence[Flowable], right: Sequence[Flowable]) -> Flowable:
    """The publication number (top left) and the approval box (top right) on one band."""
    from reportlab.platypus import Table, TableStyle

    table = Table([[list(left), list(right)]], colWidths=[FRAME_WIDTH * 0.38, FRAME_WIDTH * 0.62], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONT", (0, 0), (-1, -1), FONT_REGULAR, TABLE_SIZE),
        ("ALIGN", (1, 0), (1, 0), "RIGHT"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]))
    return table


def _height(flowables: Sequence[Flowable]) -> float:
    total = 0.0
    for flowable in flowables:
        _width, height = flowable.wrap(FRAME_WIDTH, COVER_HEIGHT)
        total += height + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total


def cover_flowables(ctx: ReportContext, plan: Plan, *, today: date | None = None) -> list[Flowable]:
    """The cover's flowables, in the profile's order: top blocks at the top, the title in the upper middle,
    date, organisation and contact towards the bottom (a longer cover simply runs onto the next page)."""
    from reportlab.platypus import Spacer

    today = today or date.today()
    order = [name for name in ctx.profile.cover.blocks if name]
    groups: list[tuple[str, list[Flowable]]] = []
    index = 0
    while index < len(order):
        name = order[index]
        following = order[index + 1] if index + 1 < len(order) else None
        if name == "publication_number" and following == "approval_box":
            left, right = _block(ctx, plan, name, today), _block(ctx, plan, following, today)
            groups.append(("top", [_side_by_side(left, right)] if left and right else left + right))
            index += 2
            continue
        groups.append((name, _block(ctx, plan, name, today)))
        index += 1
    groups = [(name, flowables) for name, flowables in groups if flowables]
    names = [name for name, _flowables in groups]
    # Where the free space goes: above the title, and above the first bottom block that follows it.
    title_at = names.index("title") if "title" in names else None
    bottom_at = next((position for position, name in enumerate(names)
                      if name in BOTTOM_BLOCKS and (title_at is None or position > title_at)), None)
    gaps = {position: weight for position, weight in ((title_at, 2.0 if title_at else 1.0), (bottom_at, 3.0))
            if position is not None}
    fixed_gap = 6 * MM
    content = sum(_height(flowables) for _name, flowables in groups) + fixed_gap * max(0, len(groups) - 1)
    free = max(0.0, COVER_HEIGHT - content - 2 * MM)
    weight_total = sum(gaps.values()) or 1.0
    story: list[Flowable] = []
    for position, (_name, flowables) in enumerate(groups):
        if position > 0 or gaps.get(position):
            story.append(Spacer(1, (fixed_gap if position else 0) + free * gaps.get(position, 0.0) / weight_total))
        story.extend(flowables)
    return story
