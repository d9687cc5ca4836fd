"""Network-map positions: read, set many as one command, undo restores earlier values and absence exactly."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from planner.commands import DeleteRows
from planner.errors import NotFoundError, ValidationError
from planner.stakeholders.positions import network_positions, set_network_positions_command
from tests.planner.commands.sample_plan import SamplePlan, build_sample_plan
from tests.planner.commands.test_rows import assert_undo_and_redo_are_exact


@pytest.fixture
def plan(tmp_path: Path) -> Iterator[SamplePlan]:
    built = build_sample_plan(tmp_path / "positions.cplan")
    yield built
    built.engine.dispose()


def test_the_sample_has_one_saved_position(plan: SamplePlan) -> None:
    assert plan.run(network_positions) == {plan.ids["st1"]: (0.25, 0.75)}


def test_set_moves_one_and_places_two_then_undo_restores_value_and_absence(plan: SamplePlan) -> None:
    ids = plan.ids
    wanted = {ids["st1"]: (0.5, 0.5), ids["st2"]: (0.125, 0.875), ids["st3"]: (1.0, 0.0)}
    command = plan.run(lambda s: set_network_positions_command(s, wanted, label="자동 배치"))
    assert command.label == "자동 배치"
    before = plan.dump()
    applied = assert_undo_and_redo_are_exact(plan, command)
    moved = [row for row in applied["network_position"] if row["stakeholder_id"] == ids["st1"]]
    assert [row["id"] for row in moved] == [ids["np1"]]  # the existing row is kept, not replaced
    plan.run(command.apply)
    assert plan.run(network_positions) == wanted
    plan.run(command.revert)
    assert plan.run(network_positions) == {ids["st1"]: (0.25, 0.75)}
    assert plan.dump() == before


def test_an_empty_set_and_a_default_label(plan: SamplePlan) -> None:
    command = plan.run(lambda s: set_network_positions_command(s, {}))
    before = plan.dump()
    plan.run(command.apply)
    assert plan.dump() == before and command.label


def test_positions_go_with_their_stakeholder(plan: SamplePlan) -> None:
    ids = plan.ids
    plan.run(DeleteRows("stakeholder", [ids["st1"]]).apply)
    assert plan.run(network_positions) == {}


def test_bad_positions_are_refused(plan: SamplePlan) -> None:
    ids = plan.ids
    with pytest.raises(ValidationError):
        plan.run(lambda s: set_network_positions_command(s, {ids["st1"]: (float("nan"), 0.0)}))
    with pytest.raises(NotFoundError):
        plan.run(lambda s: set_network_positions_command(s, {"missing": (0.0, 0.0)}))
