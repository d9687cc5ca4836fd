"""Declared budget totals: compared cell by cell with the lines, and declared from them in one undo step."""

from __future__ import annotations

from planner.budget import declare_totals_command, declared_totals
from planner.commands import AddRow, UpdateRow
from tests.planner.commands.sample_plan import SamplePlan
from tests.planner.commands.test_rows import assert_undo_and_redo_are_exact


def test_differences_name_each_cell(sample_plan: SamplePlan) -> None:
    totals = sample_plan.run(declared_totals)
    # The sample declares 2027 national = 80M and has lines 2027 national 80M, 2027 municipal 20M, 2028 national 50M.
    assert totals.declared == {(2027, "national"): 80_000_000}
    assert totals.lines == {(2027, "national"): 80_000_000, (2027, "municipal"): 20_000_000,
                            (2028, "national"): 50_000_000}
    assert totals.differences() == [(2027, "municipal", None, 20_000_000), (2028, "national", None, 50_000_000)]


def test_declaring_makes_them_equal_and_undo_restores_the_old_totals(sample_plan: SamplePlan) -> None:
    before = sample_plan.run(declared_totals).declared
    command = sample_plan.run(declare_totals_command)
    applied = assert_undo_and_redo_are_exact(sample_plan, command)
    assert len(applied["budget_total"]) == 3
    sample_plan.run(command.apply)
    after = sample_plan.run(declared_totals)
    assert after.differences() == [] and after.declared == after.lines
    sample_plan.run(command.revert)
    assert sample_plan.run(declared_totals).declared == before


def test_a_changed_line_shows_as_a_difference(sample_plan: SamplePlan) -> None:
    sample_plan.run(UpdateRow("budget_line", sample_plan.ids["b1"], {"planned_krw": 81_000_000}).apply)
    sample_plan.run(AddRow("budget_total", {"fiscal_year": 2028, "source": "national",
                                            "amount_krw": 50_000_000}).apply)
    assert sample_plan.run(declared_totals).differences() == [
        (2027, "national", 80_000_000, 81_000_000), (2027, "municipal", None, 20_000_000)]
