"""Roadmap drags as commands: move bars in time or resize them, refused when the schedule would not honour it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from sqlalchemy.orm import Session

from planner.commands.base import Changes, CompositeCommand
from planner.commands.rows import UpdateRow, read_row
from planner.errors import ScheduleConflictError
from planner.i18n import _
from planner.model.rules import check_row
from planner.months import YearMonth
from planner.schedule import plan_inputs, plan_links, schedule


class ScheduleEdit(CompositeCommand):
    """Updates of initiatives' start months and durations as one undo entry. Before every apply (redo too) the
    new start months are checked against the schedule: a bar may not be put before what its dependencies, its
    'start no earlier than' constraint or the plan period require (there it would not take effect)."""

    def __init__(self, label: str, updates: Iterable[UpdateRow], new_starts: Mapping[str, YearMonth]) -> None:
        super().__init__(label, list(updates))
        self.new_starts = dict(new_starts)

    def apply(self, session: Session) -> Changes:
        check_new_starts(session, self.new_starts)
        return super().apply(session)


def check_new_starts(session: Session, new_starts: Mapping[str, YearMonth]) -> None:
    """Raise ScheduleConflictError naming the binding reason if any initiative (by id) would be scheduled later
    than its new start month, with every other moved initiative at its own new start."""
    if not new_starts:
        return
    plan_start, plan_end, inputs = plan_inputs(session)
    moved = {initiative_id: month.index for initiative_id, month in new_starts.items()}
    inputs = [replace(item, start=moved[item.id]) if item.id in moved else item for item in inputs]
    result = schedule(inputs, plan_links(session), plan_start, plan_end)
    for position, item in enumerate(inputs):
        if item.id in moved and result.es[position] > item.start:
            raise ScheduleConflictError(
                _("{code} cannot start before {month}: {reason}.").format(
                    code=item.code, month=YearMonth.from_index(result.es[position]),
                    reason=result.driver(position).describe()),
                item.code,
            )


def move_initiatives_to_command(session: Session, new_starts: Mapping[str, YearMonth]) -> ScheduleEdit:
    """Put initiatives (by id) at new start months as one undo entry; ScheduleConflictError if one of them
    cannot start that early. Successors that must now start later follow through the schedule."""
    for initiative_id in new_starts:
        read_row(session, "initiative", initiative_id)  # NotFoundError for a vanished initiative
    check_new_starts(session, new_starts)
    updates = [UpdateRow("initiative", initiative_id, {"start_month": month})
               for initiative_id, month in new_starts.items()]
    label = _("Move initiative") if len(updates) == 1 else _("Move {count} initiatives").format(count=len(updates))
    return ScheduleEdit(label, updates, new_starts)


def move_initiative_command(session: Session, initiative_id: str, new_start: YearMonth) -> ScheduleEdit:
    """Move one initiative's bar to start at `new_start` (a drag on the roadmap)."""
    return move_initiatives_to_command(session, {initiative_id: new_start})


def shift_initiatives_command(session: Session, initiative_ids: Iterable[str], months: int) -> ScheduleEdit:
    """Move several bars earlier (negative) or later by whole months together, as one undo entry; refused as a
    whole if any of them cannot start that early."""
    new_starts = {
        initiative_id: read_row(session, "initiative", initiative_id)["start_month"] + months
        for initiative_id in dict.fromkeys(initiative_ids)
    }
    return move_initiatives_to_command(session, new_starts)


def resize_initiative_command(session: Session, initiative_id: str, new_duration: int) -> ScheduleEdit:
    """Give an initiative a new duration in months (0 makes it a milestone); ValidationError if negative.
    Successors that must now start later follow through the schedule."""
    values = {"duration_months": new_duration}
    check_row(session, "initiative", read_row(session, "initiative", initiative_id) | values, initiative_id)
    return ScheduleEdit(_("Resize initiative"), [UpdateRow("initiative", initiative_id, values)], {})
