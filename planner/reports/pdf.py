"""The plan document as a PDF: the story from the profile and the plan, the build, and the checked, atomic export."""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from planner.atomic_files import write_bytes_atomically
from planner.errors import PlannerError
from planner.i18n import N_, _
from planner.reports.context import PORTRAIT_TEMPLATE, ReportContext

if TYPE_CHECKING:
    from reportlab.platypus import Flowable
    from sqlalchemy.orm import Session

    from planner.guidelines.findings import CheckReport
    from planner.guidelines.profile import GuidelineProfile, SectionSpec
    from planner.model import Plan


class ExportRefused(PlannerError):
    """The plan has errors the profile does not allow in a final document; `report` lists them."""

    def __init__(self, report: CheckReport) -> None:
        self.report = report
        errors = report.errors
        super().__init__(_("The PDF was not written: the plan has {count} error(s) under the profile {profile}.")
                         .format(count=len(errors), profile=report.profile_id))


@dataclass(frozen=True)
class ExportResult:
    """What export_pdf wrote."""

    path: Path
    pages: int
    draft: bool
    report: CheckReport


def the_plan(session: Session) -> Plan:
    from sqlalchemy import select

    from planner.model import Plan

    plan = session.scalars(select(Plan).limit(1)).first()
    if plan is None:
        raise PlannerError(_("The file holds no plan record."))
    return plan


# -- the story ---------------------------------------------------------------------------------------------------


def _leading_page_start(flowables: list[Flowable]) -> tuple[str | None, list[Flowable]]:
    """A block that starts with a page of another template (ctx.landscape()): that template and the rest."""
    from reportlab.platypus.flowables import PageBreak

    if flowables and isinstance(flowables[0], PageBreak) and isinstance(flowables[0].nextTemplate, str):
        return flowables[0].nextTemplate, flowables[1:]
    return None, flowables


def _section_flowables(ctx: ReportContext, path: tuple[int, ...], section: SectionSpec, appendix: bool,
                       narratives: dict[str, str]) -> list[Flowable]:
    from planner.guidelines.numbering import heading_label
    from planner.reports.blocks import block_builder
    from planner.reports.document import Heading, page_start, without_blank_pages
    from planner.reports.narrative_flowables import narrative_flowables

    depth = len(path)
    ctx.section, ctx.section_depth = section, depth
    title = section.title.get(ctx.language)
    ctx.tell(title)
    number = heading_label(ctx.profile.numbering, path, appendix=appendix, language=ctx.language)
    content: list[Flowable] = []
    if section.narrative:
        content.extend(narrative_flowables(ctx, narratives.get(section.narrative, "")))
    if section.block:
        content.extend(without_blank_pages(block_builder(section.block)(ctx)))
    template, content = _leading_page_start(content)
    flowables: list[Flowable] = []
    # A chapter starts a page; a section whose block wants a page of its own (landscape) puts its heading there.
    if depth == 1:
        flowables.append(page_start(template or PORTRAIT_TEMPLATE))
    elif template is not None:
        flowables.append(page_start(template))
    flowables.append(Heading(title, depth=depth, number=number))
    flowables.extend(content)
    return flowables


def build_story(ctx: ReportContext, *, today: date | None = None) -> list[Flowable]:
    """Cover, table of contents, then every section of the profile: numbered heading, narrative or block."""
    from sqlalchemy import select

    from planner.model import NarrativeSection
    from planner.reports.cover import cover_flowables
    from planner.reports.document import (
        Heading,
        PageBreakIfNotEmpty,
        assign_heading_keys,
        page_start,
        toc_flowables,
    )

    plan = the_plan(ctx.session)
    narratives = {row.key: row.body or "" for row in ctx.session.scalars(select(NarrativeSection))}
    ctx.tell(ctx.tr(N_("Cover")))
    cover = cover_flowables(ctx, plan, today=today)
    body: list[Flowable] = []
    appendix_of_chapter = False
    for path, section in ctx.profile.walk():
        if len(path) == 1:
            appendix_of_chapter = section.appendix
        flowables = _section_flowables(ctx, path, section, appendix_of_chapter, narratives)
        # A chapter heading with nothing of its own goes on the page its first section starts (e.g. a landscape
        # roadmap), never alone on a page of its own.
        if (len(body) >= 2 and isinstance(body[-1], Heading) and body[-1].depth == 1
                and isinstance(body[-2], PageBreakIfNotEmpty) and flowables
                and isinstance(flowables[0], PageBreakIfNotEmpty)):
            chapter = body.pop()
            body.pop()
            flowables = [flowables[0], chapter, *flowables[1:]]
        body.extend(flowables)
    ctx.section, ctx.section_depth = None, 1
    headings = assign_heading_keys(body)
    ctx.tell(ctx.tr(N_("Table of contents")))
    toc = toc_flowables(headings, ctx.language)
    return [*cover, page_start(PORTRAIT_TEMPLATE), *toc, *body]


def _report_context(session: Session, profile: GuidelineProfile, language: str, *, draft: bool,
                    report_year: int | None, progress: Callable[[str], None] | None) -> ReportContext:
    plan = the_plan(session)
    year = report_year or plan.report_year or plan.start_year
    return ReportContext(session=session, profile=profile, language=language, report_year=year, draft=draft,
                         progress=progress)


def render_pdf(session: Session, profile: GuidelineProfile, language: str, *, draft: bool = False,
               report_year: int | None = None, progress: Callable[[str], None] | None = None,
               today: date | None = None, invariant: bool = False) -> tuple[bytes, int]:
    """The PDF's bytes and its page count (see build_pdf)."""
    from planner import __version__
    from planner.reports.document import render_story

    ctx = _report_context(session, profile, language, draft=draft, report_year=report_year, progress=progress)
    plan = the_plan(session)
    # Tens of thousands of flowables and no reference cycles worth collecting while they live: pause the cyclic
    # collector, which would otherwise sweep the growing story again and again.
    collecting = gc.isenabled()
    gc.disable()
    try:
        story = build_story(ctx, today=today)
        ctx.tell(ctx.tr(N_("Laying out the pages")))
        rendered = render_story(story, title=plan.title, author=plan.lead_organisation,
                                subject=profile.name.get(language), creator=f"Convergence Planner {__version__}",
                                language=language, draft=draft, invariant=invariant)
    finally:
        if collecting:
            gc.enable()
    return rendered.data, rendered.pages


def build_pdf(session: Session, profile: GuidelineProfile, language: str, *, draft: bool = False,
              report_year: int | None = None, progress: Callable[[str], None] | None = None,
              today: date | None = None, invariant: bool = False) -> bytes:
    """The plan document as PDF bytes, laid out per the profile in the report `language` ('ko' or 'en').

    `draft` adds the "초안 / DRAFT" watermark; `report_year` overrides the plan's (annual plans);
    `today` fixes the cover's month when the plan has none; `invariant` makes the bytes reproducible.
    """
    data, _pages = render_pdf(session, profile, language, draft=draft, report_year=report_year, progress=progress,
                              today=today, invariant=invariant)
    return data


# -- export --------------------------------------------------------------------------------------------------


def write_atomically(target: Path, data: bytes) -> Path:
    """Write `data` to a temporary file beside `target`, fsync it, and put it in place in one step.

    On any failure the target is as it was and no temporary file is left behind.
    """
    target = Path(target).absolute()
    if target.is_dir():
        raise PlannerError(_("{file} is a folder, not a file.").format(file=target))
    if not target.parent.is_dir():
        raise PlannerError(_("The folder {folder} does not exist.").format(folder=target.parent))
    try:
        write_bytes_atomically(target, data)
    except OSError as error:
        raise PlannerError(_("{file} could not be written: {reason}").format(
            file=target, reason=error.strerror or error)) from error
    return target


def export_pdf(session: Session, profile: GuidelineProfile, language: str, target: Path, *, force: bool = False,
               today: date | None = None, progress: Callable[[str], None] | None = None,
               report_year: int | None = None) -> ExportResult:
    """Check the plan against the profile and write its PDF to `target` atomically.

    Errors refuse the export (ExportRefused, with the report) unless `force`; a forced export past errors is
    a draft with a watermark. Nothing is written when anything fails.
    """
    from planner.guidelines.checks import check_plan

    report = check_plan(session, profile, language, today=today)
    if report.has_errors and not force:
        raise ExportRefused(report)
    draft = report.has_errors
    data, pages = render_pdf(session, profile, language, draft=draft, report_year=report_year, progress=progress,
                             today=today)
    path = write_atomically(Path(target), data)
    return ExportResult(path=path, pages=pages, draft=draft, report=report)
