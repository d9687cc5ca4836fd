"""Roadmap drags: moves refused before what the schedule requires (naming why), allowed ones exact to undo."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from planner.commands import UpdateRow
from planner.commands.schedule_edits import (
    move_initiative_command,
    resize_initiative_command,
    shift_initiatives_command,
)
from planner.errors import NotFoundError, ScheduleConflictError, ValidationError
from planner.months import YearMonth
from planner.schedule import schedule_plan
from tests.planner.commands.sample_plan import SamplePlan
from tests.planner.commands.test_rows import assert_undo_and_redo_are_exact, rows_by_id

# The sample plan (2027–2031): B-01 (i3) a milestone at 2027-01 –SS −2→ A-01 (i1) 2027-03, 12 months
# –FS +1→ A-02 (i2) planned 2028-01, 6 months (so scheduled at 2028-04).


def es_of(plan: SamplePlan, key: str) -> YearMonth:
    return YearMonth.from_index(plan.run(lambda session: schedule_plan(session).by_id[plan.ids[key]].es))


def make_consistent(plan: SamplePlan) -> None:
    """Lag 0 on A-01 → A-02 and A-02 where that link puts it (2028-03)."""
    ids = plan.ids
    plan.run(UpdateRow("dependency", ids["d1"], {"lag_months": 0}).apply)
    plan.run(UpdateRow("initiative", ids["i2"], {"start_month": YearMonth(2028, 3)}).apply)


def assert_refused(plan: SamplePlan, build: object, message: str) -> None:
    before = plan.dump()
    with pytest.raises(ScheduleConflictError) as raised:
        plan.run(build)  # type: ignore[arg-type]
    assert str(raised.value) == message
    assert plan.dump() == before


def test_a_move_before_a_dependency_is_refused_naming_the_link(sample_plan: SamplePlan) -> None:
    make_consistent(sample_plan)
    i2 = sample_plan.ids["i2"]
    assert_refused(sample_plan, lambda s: move_initiative_command(s, i2, YearMonth(2028, 1)),
                   "A-02 cannot start before 2028-03: FS link from A-01 with a lag of 0 months.")


def test_a_move_still_short_of_what_the_dependency_needs_is_refused(sample_plan: SamplePlan) -> None:
    # A-02 is stored at 2028-01 but the FS +1 link needs 2028-04: 2028-02 would not take effect either.
    i2 = sample_plan.ids["i2"]
    assert_refused(sample_plan, lambda s: move_initiative_command(s, i2, YearMonth(2028, 2)),
                   "A-02 cannot start before 2028-04: FS link from A-01 with a lag of 1 month.")


def test_a_move_before_the_plan_period_is_refused(sample_plan: SamplePlan) -> None:
    i1 = sample_plan.ids["i1"]
    assert_refused(sample_plan, lambda s: move_initiative_command(s, i1, YearMonth(2026, 12)),
                   "A-01 cannot start before 2027-01: the start of the plan period (2027-01).")


def test_a_move_before_the_start_no_earlier_than_constraint_is_refused(sample_plan: SamplePlan) -> None:
    i1 = sample_plan.ids["i1"]
    sample_plan.run(UpdateRow("initiative", i1, {"not_before": YearMonth(2027, 6)}).apply)
    assert_refused(sample_plan, lambda s: move_initiative_command(s, i1, YearMonth(2027, 4)),
                   "A-01 cannot start before 2027-06: its 'start no earlier than' constraint (2027-06).")


def test_a_command_is_checked_again_when_applied(sample_plan: SamplePlan) -> None:
    i1 = sample_plan.ids["i1"]
    command = sample_plan.run(lambda s: move_initiative_command(s, i1, YearMonth(2027, 4)))
    sample_plan.run(UpdateRow("initiative", i1, {"not_before": YearMonth(2027, 5)}).apply)
    before = sample_plan.dump()
    with pytest.raises(ScheduleConflictError, match="constraint"):
        sample_plan.run(command.apply)
    assert sample_plan.dump() == before


def test_an_allowed_move_earlier_applies_and_reverts_exactly(sample_plan: SamplePlan) -> None:
    i1 = sample_plan.ids["i1"]
    command = sample_plan.run(lambda s: move_initiative_command(s, i1, YearMonth(2027, 1)))
    assert command.label == "Move initiative"
    applied = assert_undo_and_redo_are_exact(sample_plan, command)
    assert rows_by_id(applied, "initiative")[i1]["start_month"] == YearMonth(2027, 1).index


def test_moving_later_pushes_the_successors_through_the_schedule(sample_plan: SamplePlan) -> None:
    ids = sample_plan.ids
    command = sample_plan.run(lambda s: move_initiative_command(s, ids["i1"], YearMonth(2027, 9)))
    applied = assert_undo_and_redo_are_exact(sample_plan, command)
    assert rows_by_id(applied, "initiative")[ids["i2"]]["start_month"] == YearMonth(2028, 1).index  # unstored
    sample_plan.run(command.apply)
    assert es_of(sample_plan, "i2") == YearMonth(2028, 10)


def test_several_bars_move_together_checked_with_each_other(sample_plan: SamplePlan) -> None:
    make_consistent(sample_plan)
    ids = sample_plan.ids
    # Alone, A-02 may not move two months earlier; with A-01 moving as well it may.
    assert_refused(sample_plan, lambda s: shift_initiatives_command(s, [ids["i2"]], -2),
                   "A-02 cannot start before 2028-03: FS link from A-01 with a lag of 0 months.")
    command = sample_plan.run(lambda s: shift_initiatives_command(s, [ids["i1"], ids["i2"], ids["i1"]], -2))
    assert command.label == "Move 2 initiatives"
    applied = assert_undo_and_redo_are_exact(sample_plan, command)
    moved = rows_by_id(applied, "initiative")
    assert moved[ids["i1"]]["start_month"] == YearMonth(2027, 1).index
    assert moved[ids["i2"]]["start_month"] == YearMonth(2028, 1).index
    # One month more would put A-01 before the plan period: the whole drag is refused.
    assert_refused(sample_plan, lambda s: shift_initiatives_command(s, [ids["i1"], ids["i2"]], -3),
                   "A-01 cannot start before 2027-01: the start of the plan period (2027-01).")


def test_resizing_pushes_successors_and_reverts_exactly(sample_plan: SamplePlan) -> None:
    ids = sample_plan.ids
    command = sample_plan.run(lambda s: resize_initiative_command(s, ids["i1"], 18))
    assert command.label == "Resize initiative"
    applied = assert_undo_and_redo_are_exact(sample_plan, command)
    assert rows_by_id(applied, "initiative")[ids["i1"]]["duration_months"] == 18
    sample_plan.run(command.apply)
    assert es_of(sample_plan, "i2") == YearMonth(2028, 10)
    milestone = sample_plan.run(lambda s: resize_initiative_command(s, ids["i2"], 0))
    sample_plan.run(milestone.apply)
    assert sample_plan.run(lambda s: schedule_plan(s).by_id[ids["i2"]].milestone)


def test_a_negative_duration_is_refused(sample_plan: SamplePlan) -> None:
    i1 = sample_plan.ids["i1"]
    before = sample_plan.dump()
    with pytest.raises(ValidationError) as raised:
        sample_plan.run(lambda s: resize_initiative_command(s, i1, -1))
    assert "duration_months" in raised.value.problems
    assert sample_plan.dump() == before


def test_moving_an_initiative_that_is_gone(sample_plan: SamplePlan) -> None:
    def work(session: Session) -> object:
        return move_initiative_command(session, "no-such-id", YearMonth(2028, 1))

    with pytest.raises(NotFoundError):
        sample_plan.run(work)
