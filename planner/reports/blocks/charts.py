"""The chart blocks of a report: roadmap, budget, KPI targets, stakeholder grid and network (vector drawings)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner.errors import CycleError
from planner.i18n import N_, _

if TYPE_CHECKING:
    from reportlab.platypus import Flowable, Paragraph

    from planner.reports.context import ReportContext
    from planner.schedule import ScheduleResult

# Kept free below a caption and its drawing, so rounding never pushes a drawing off its page.
SLACK = 4.0


def caption(ctx: ReportContext, title: str) -> Paragraph:
    """A figure caption: <그림> title (escaped: every character prints as typed)."""
    return ctx.para(ctx.tr(N_("<Figure> {title}")).format(title=title), "caption")


def caption_height(ctx: ReportContext, title: str, width: float) -> float:
    """The height a caption takes above its drawing, its spacing included."""
    paragraph = caption(ctx, title)
    _width, height = paragraph.wrap(width, 10_000)
    return height + paragraph.getSpaceBefore() + paragraph.getSpaceAfter()


def _nothing(ctx: ReportContext, sentence: str) -> list[Flowable]:
    return [ctx.para(ctx.tr(sentence), "placeholder")]


def _schedule(ctx: ReportContext) -> ScheduleResult | None:
    try:
        return ctx.schedule
    except CycleError:
        return None


def roadmap_height(ctx: ReportContext, longest_caption: str) -> float:
    """The height a roadmap page's drawing may take: the landscape frame less the caption and the section's
    heading (and its chapter's), which share the first page with it."""
    h1 = ctx.styles["h1"]
    headings = 2 * h1.leading + h1.spaceBefore + h1.spaceAfter
    return ctx.landscape_height - caption_height(ctx, longest_caption, ctx.landscape_width) - headings - SLACK


def roadmap_chart(ctx: ReportContext) -> list[Flowable]:
    """The roadmap on landscape pages: split by year range and by rows as legibility needs."""
    from reportlab.platypus import PageBreak

    from planner.reports.charts.roadmap import read_roadmap, roadmap_pages

    ctx.tell(_("Drawing the roadmap"))
    schedule = _schedule(ctx)
    data = read_roadmap(ctx.session, schedule, ctx.tr(N_("No field")))
    if not data.rows:
        return _nothing(ctx, N_("The plan has no initiatives yet, so there is no roadmap."))
    title = ctx.tr(N_("Roadmap"))
    longest = f"{title} ({data.first_year}–{data.last_year}, 99/99)"
    height = roadmap_height(ctx, longest)
    pages = roadmap_pages(data, ctx.landscape_width, height, ctx.tr)
    # Landscape pages from the start: the section's heading goes on the first chart page with it.
    flowables: list[Flowable] = list(ctx.landscape())
    if schedule is None:
        flowables.append(ctx.para(ctx.tr(N_(
            "The dependencies form a cycle, so the roadmap shows the planned months without the critical path."
        )), "note"))
    for number, page in enumerate(pages):
        if number:
            flowables.append(PageBreak())
        flowables += [caption(ctx, f"{title} ({page.range_text()})"), page.drawing]
    flowables.extend(ctx.portrait())
    return flowables


def budget_chart(ctx: ReportContext) -> list[Flowable]:
    """Stacked bars of the planned budget by fiscal year and funding source, in 백만원."""
    from planner.budget import budget_matrix
    from planner.reports.charts.budget import budget_drawing

    ctx.tell(_("Drawing the budget chart"))
    matrix = budget_matrix(ctx.session)
    if matrix.total() == 0:
        return _nothing(ctx, N_("No budget is planned yet, so there is no budget chart."))
    drawing = budget_drawing(matrix, ctx.frame_width, ctx.tr)
    return [caption(ctx, ctx.tr(N_("Budget by fiscal year and funding source"))), drawing]


def kpi_chart(ctx: ReportContext) -> list[Flowable]:
    """Small multiples of the plan's KPIs: baseline, yearly targets and recorded actuals."""
    from planner.reports.charts.kpi import kpi_drawings, read_chart_kpis

    ctx.tell(_("Drawing the KPI charts"))
    options = ctx.section.options if ctx.section is not None else {}
    limit = options.get("limit", 6)
    kpis = read_chart_kpis(ctx.session, limit if isinstance(limit, int) and limit > 0 else 6)
    if not kpis:
        return _nothing(ctx, N_("The plan has no KPI with a baseline or target yet, so there is no KPI chart."))
    return [caption(ctx, ctx.tr(N_("KPI targets by year"))), *kpi_drawings(kpis, ctx.frame_width, ctx.tr)]


def stakeholder_grid(ctx: ReportContext) -> list[Flowable]:
    """The power/interest grid with the four engagement quadrants and every stakeholder placed."""
    from planner.reports.charts.stakeholder_grid import grid_drawing, read_grid_stakeholders

    ctx.tell(_("Drawing the stakeholder grid"))
    stakeholders = read_grid_stakeholders(ctx.session)
    if not stakeholders:
        return _nothing(ctx, N_("The plan has no stakeholders yet, so there is no stakeholder grid."))
    title = ctx.tr(N_("Power/interest grid of the stakeholders"))
    height = ctx.frame_height - caption_height(ctx, title, ctx.frame_width) - SLACK
    return [caption(ctx, title), grid_drawing(stakeholders, ctx.frame_width, height, ctx.tr)]


def stakeholder_network(ctx: ReportContext) -> list[Flowable]:
    """The stakeholder network at the saved (or a computed) layout."""
    from planner.reports.charts.stakeholder_network import network_drawing_with_layout, read_network

    ctx.tell(_("Drawing the stakeholder network"))
    network = read_network(ctx.session)
    if not network.nodes:
        return _nothing(ctx, N_("The plan has no stakeholders yet, so there is no stakeholder network."))
    title = ctx.tr(N_("Network of the stakeholders"))
    note = ctx.tr(N_("Names of {count} stakeholders are left out where there is no room; the register lists all."))
    note_paragraph = ctx.para(note.format(count=9999), "source_note")
    note_height = note_paragraph.wrap(ctx.frame_width, 10_000)[1] + note_paragraph.getSpaceBefore()
    height = ctx.frame_height - caption_height(ctx, title, ctx.frame_width) - note_height - SLACK
    drawing, layout = network_drawing_with_layout(network, ctx.frame_width, height, ctx.tr)
    flowables: list[Flowable] = [caption(ctx, title), drawing]
    if layout.unlabelled:
        flowables.append(ctx.para(note.format(count=len(layout.unlabelled)), "source_note"))
    return flowables
