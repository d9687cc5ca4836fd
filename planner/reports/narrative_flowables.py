"""A narrative section's body as report paragraphs: □ ○ - · bullets with hanging indents, paragraphs, bold."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner.i18n import N_
from planner.narrative import MAX_LEVEL, NarrativeBlock, parse_narrative
from planner.reports.context import BODY_SIZE, markup

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from planner.reports.context import ReportContext

GAP_HEIGHT = BODY_SIZE * 0.6


def runs_markup(block: NarrativeBlock) -> str:
    """The block's text as Paragraph markup: every run escaped, bold runs inside <b>."""
    return "".join(f"<b>{markup(run.text)}</b>" if run.bold else markup(run.text) for run in block.runs if run.text)


def placeholder_text(ctx: ReportContext) -> str:
    """"(작성 필요: <hint>)" in the report language, for a section the planner has not written."""
    hint = ctx.section.hint.get(ctx.language) if ctx.section is not None else ""
    if hint:
        return ctx.tr(N_("(To be written: {hint})")).format(hint=hint)
    return ctx.tr(N_("(To be written)"))


def narrative_flowables(ctx: ReportContext, body: str) -> list[Flowable]:
    """The flowables of a narrative body (planner.narrative format); a placeholder line when it is empty."""
    from reportlab.platypus import Spacer

    blocks = parse_narrative(body or "")
    if not any(block.text.strip() for block in blocks):
        return [ctx.para(placeholder_text(ctx), "placeholder")]
    flowables: list[Flowable] = []
    for block in blocks:
        if block.is_gap:
            if flowables:  # a gap at the very start adds nothing
                flowables.append(Spacer(1, GAP_HEIGHT))
        elif block.level == 0:
            flowables.append(ctx.rich(runs_markup(block), "body"))
        else:
            level = min(block.level, MAX_LEVEL)
            flowables.append(ctx.rich(runs_markup(block), f"bullet{level}", bullet=block.marker))
    return flowables
