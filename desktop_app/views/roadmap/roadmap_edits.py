"""The commands the roadmap's drags make (move, resize, link) and its baseline look-ups, all through planner."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy.orm import Session

from planner import baselines
from planner.commands import AddRow, Command
from planner.commands.schedule_edits import move_initiatives_to_command, resize_initiative_command
from planner.i18n import _
from planner.months import YearMonth


def move_command(session: Session, starts: Mapping[str, int]) -> Command:
    """One command putting each initiative at a new start month (index); ScheduleConflictError, naming the
    reason, if one of them cannot start that early. Several bars moved together are one undo entry."""
    return move_initiatives_to_command(
        session, {initiative_id: YearMonth.from_index(start) for initiative_id, start in starts.items()})


def resize_command(session: Session, initiative_id: str, duration: int) -> Command:
    """The command giving an initiative a new duration in months."""
    return resize_initiative_command(session, initiative_id, duration)


def link_command(predecessor_id: str, successor_id: str, kind: str = "FS") -> AddRow:
    """A new dependency (FS by default, no lag); the planner refuses one that closes a cycle (CycleError)."""
    return AddRow("dependency", {"predecessor_id": predecessor_id, "successor_id": successor_id,
                                 "type": kind, "lag_months": 0}, label=_("Link initiatives"))


def list_baselines(session: Session) -> list[tuple[str, str]]:
    """(id, name) of every saved baseline, for the chooser."""
    return [(summary.id, summary.name) for summary in baselines.list_baselines(session)]


def baseline_bars(session: Session, baseline_id: str) -> dict[str, tuple[int, int]]:
    """{initiative id: (start month index, duration)} of a baseline, for its ghost bars."""
    return {initiative_id: (int(bar.start), int(bar.duration))
            for initiative_id, bar in baselines.baseline_schedule(session, baseline_id).items()}
