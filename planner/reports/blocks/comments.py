"""The comments appendix of a report: every unresolved (or every) comment thread, by the item it is on."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from planner.i18n import N_
from planner.reports.blocks.tables import column_widths, empty_state, section_option

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from planner.comments import CommentRow
    from planner.reports.context import ReportContext

# The block's option `include`: which threads it lists.
INCLUDE_CHOICES = ("unresolved", "all")
# How the appendix names each kind of item (English source; in the report language).
TARGET_KIND_NAMES = {"initiative": N_("Initiative"), "stakeholder": N_("Stakeholder"), "kpi": N_("KPI"),
                     "narrative_section": N_("Section")}
TARGET_ORDER = tuple(TARGET_KIND_NAMES)


def _when(comment: CommentRow) -> str:
    """The day a comment was written, in the computer's time zone (as the report writes dates)."""
    from planner.reports.context import date_text

    if comment.created_at is None:
        return ""
    moment: datetime = comment.created_at
    return date_text(moment.replace(tzinfo=UTC).astimezone().date())


def comments_appendix(ctx: ReportContext) -> list[Flowable]:
    """Comment threads by item: the item, the comment and its replies (author and day each), and whether the
    thread is resolved. Option `include`: `unresolved` (the default) or `all`."""
    from planner.comments import all_threads, target_label
    from planner.reports.context import register_fonts

    register_fonts()  # the table measures its text before any paragraph style is made
    ctx.tell(ctx.tr(N_("Comments")))
    include = str(section_option(ctx, "include", "unresolved") or "unresolved")
    unresolved_only = include != "all"
    threads = all_threads(ctx.session, unresolved_only=unresolved_only)
    labels: dict[tuple[str, str], str] = {}
    for thread in threads:
        key = (thread.comment.target_kind, thread.comment.target_id)
        if key not in labels:
            labels[key] = target_label(ctx.session, *key)
    threads = [thread for thread in threads
               if labels[(thread.comment.target_kind, thread.comment.target_id)]]  # items gone: nothing to read
    if not threads:
        text = N_("There are no unresolved comments.") if unresolved_only else N_("There are no comments.")
        return empty_state(ctx, ctx.tr(text))

    def order(thread: object) -> tuple[int, str]:
        comment = thread.comment  # type: ignore[attr-defined]
        kind_index = TARGET_ORDER.index(comment.target_kind) if comment.target_kind in TARGET_ORDER else len(TARGET_ORDER)
        return kind_index, labels[(comment.target_kind, comment.target_id)]

    threads.sort(key=order)  # stable: within an item, oldest thread first
    open_text, resolved_text = ctx.tr(N_("Unresolved")), ctx.tr(N_("Resolved"))
    unknown = ctx.tr(N_("(unknown)"))
    rows = []
    for thread in threads:
        comment = thread.comment
        kind = ctx.tr(TARGET_KIND_NAMES.get(comment.target_kind, comment.target_kind))
        lines = [comment.body]
        lines += [f"↳ {reply.author or unknown} ({_when(reply)}): {reply.body}" for reply in thread.replies]
        rows.append([f"{kind}\n{labels[(comment.target_kind, comment.target_id)]}", "\n".join(lines),
                     comment.author or unknown, _when(comment), resolved_text if thread.resolved else open_text])
    header = [ctx.tr(N_("Item")), ctx.tr(N_("Comment and replies")), ctx.tr(N_("Author")), ctx.tr(N_("Date")),
              ctx.tr(N_("State"))]
    widths = column_widths(ctx, [32, 76, 20, 25, 15])
    return [ctx.table(header, rows, widths, centered=(3, 4))]
