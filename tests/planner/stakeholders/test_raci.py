"""RACI matrix and rules: each rule broken and kept, the demo plan, and the command that sets one cell."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from planner.commands import AddRow, UpdateRow
from planner.demo import build_demo_plan
from planner.errors import NotFoundError, ValidationError
from planner.model import RaciRole
from planner.stakeholders.raci import (
    LEAD_NOT_ACCOUNTABLE,
    NO_ACCOUNTABLE,
    NO_RESPONSIBLE,
    SEVERAL_ACCOUNTABLE,
    STAKEHOLDER_WITHOUT_ROLE,
    RaciFinding,
    raci_findings,
    raci_matrix,
    set_raci_role_command,
)
from planner.storage.migrate import create_schema
from tests.planner.commands.sample_plan import SamplePlan, build_sample_plan
from tests.planner.commands.test_rows import assert_undo_and_redo_are_exact


@pytest.fixture
def plan(tmp_path: Path) -> Iterator[SamplePlan]:
    built = build_sample_plan(tmp_path / "raci.cplan")
    yield built
    built.engine.dispose()


def set_role(plan: SamplePlan, initiative: str, stakeholder: str, role: str | None) -> None:
    command = plan.run(lambda s: set_raci_role_command(s, plan.ids[initiative], plan.ids[stakeholder], role))
    plan.run(command.apply)


def findings(plan: SamplePlan) -> list[RaciFinding]:
    return plan.run(raci_findings)


def kinds_on(plan: SamplePlan, initiative: str) -> set[str]:
    return {f.kind for f in findings(plan) if f.initiative_id == plan.ids[initiative]}


def make_sound(plan: SamplePlan) -> None:
    """i1: st1 A (the lead) + st2 R; i2: st1 A, st3 R; i3: st1 A, st2 R. Every stakeholder has a role."""
    set_role(plan, "i1", "st1", "A")
    set_role(plan, "i1", "st2", "R")
    set_role(plan, "i2", "st3", "R")
    set_role(plan, "i3", "st1", "A")
    set_role(plan, "i3", "st2", "R")


def test_the_matrix_holds_every_initiative_stakeholder_and_cell(plan: SamplePlan) -> None:
    matrix = plan.run(raci_matrix)
    ids = plan.ids
    assert [i.code for i in matrix.initiatives] == ["A-01", "A-02", "B-01"]
    assert matrix.initiatives[0] == (ids["i1"], "A-01", "AI 돌봄 로봇", ids["st1"])
    assert {s.id for s in matrix.stakeholders} == {ids["st1"], ids["st2"], ids["st3"]}
    assert matrix.cells == {(ids["i1"], ids["st1"]): "R", (ids["i1"], ids["st2"]): "C", (ids["i2"], ids["st1"]): "A"}
    assert matrix.role(ids["i1"], ids["st2"]) == "C" and matrix.role(ids["i3"], ids["st1"]) is None


def test_a_sound_matrix_has_no_findings(plan: SamplePlan) -> None:
    make_sound(plan)
    assert findings(plan) == []


def test_no_accountable_is_found_and_fixed(plan: SamplePlan) -> None:
    assert NO_ACCOUNTABLE in kinds_on(plan, "i1")
    set_role(plan, "i1", "st1", "A")
    assert NO_ACCOUNTABLE not in kinds_on(plan, "i1")


def test_several_accountable_names_them(plan: SamplePlan) -> None:
    make_sound(plan)
    set_role(plan, "i1", "st2", "A")
    [finding] = [f for f in findings(plan) if f.kind == SEVERAL_ACCOUNTABLE]
    assert finding.initiative_code == "A-01" and "누리 소프트" in finding.message and "해담군청" in finding.message
    set_role(plan, "i1", "st2", "R")
    assert findings(plan) == []


def test_no_responsible_is_found_and_fixed(plan: SamplePlan) -> None:
    assert NO_RESPONSIBLE in kinds_on(plan, "i2")
    set_role(plan, "i2", "st3", "R")
    assert NO_RESPONSIBLE not in kinds_on(plan, "i2")


def test_a_lead_that_is_not_the_accountable_one(plan: SamplePlan) -> None:
    make_sound(plan)
    set_role(plan, "i1", "st1", "R")
    set_role(plan, "i1", "st2", "A")
    [finding] = findings(plan)
    assert (finding.kind, finding.initiative_code, finding.stakeholder_id) == (
        LEAD_NOT_ACCOUNTABLE, "A-01", plan.ids["st1"])
    set_role(plan, "i1", "st1", "A")
    set_role(plan, "i1", "st2", "R")
    assert findings(plan) == []


def test_no_accountable_at_all_does_not_also_blame_the_lead(plan: SamplePlan) -> None:
    assert kinds_on(plan, "i1") == {NO_ACCOUNTABLE}  # st1, the lead, is R; nobody is A


def test_a_stakeholder_without_any_role(plan: SamplePlan) -> None:
    without = [f for f in findings(plan) if f.kind == STAKEHOLDER_WITHOUT_ROLE]
    assert [(f.stakeholder_id, f.initiative_id) for f in without] == [(plan.ids["st3"], None)]
    set_role(plan, "i3", "st3", "I")
    assert not [f for f in findings(plan) if f.kind == STAKEHOLDER_WITHOUT_ROLE]


def test_cancelled_initiatives_are_exempt(plan: SamplePlan) -> None:
    make_sound(plan)
    set_role(plan, "i3", "st1", None)
    assert kinds_on(plan, "i3") == {NO_ACCOUNTABLE}
    plan.run(UpdateRow("initiative", plan.ids["i3"], {"status": "cancelled"}).apply)
    assert findings(plan) == []


def test_findings_come_in_plan_order(plan: SamplePlan) -> None:
    assert [(f.initiative_code, f.kind) for f in findings(plan)] == [
        ("A-01", NO_ACCOUNTABLE), ("A-02", NO_RESPONSIBLE), ("B-01", NO_ACCOUNTABLE), ("B-01", NO_RESPONSIBLE),
        (None, STAKEHOLDER_WITHOUT_ROLE)]


def test_the_demo_plan_keeps_every_raci_rule() -> None:
    engine = create_engine("sqlite://")
    with engine.begin() as connection:
        create_schema(connection)
    for language in ("ko", "en"):
        with Session(engine) as session, session.begin():
            build_demo_plan(session, language)
            assert raci_findings(session) == []
            assert len(raci_matrix(session).cells) > 100
            session.rollback()


# -- the command ----------------------------------------------------------------------------------------------


def _role_rows(plan: SamplePlan) -> dict[tuple[str, str], str]:
    raci = RaciRole.__table__
    return plan.run(lambda s: {(r.initiative_id, r.stakeholder_id): r.role for r in s.execute(
        select(raci.c.initiative_id, raci.c.stakeholder_id, raci.c.role))})


@pytest.mark.parametrize(("initiative", "stakeholder", "role", "expected"), [
    ("i3", "st3", "I", "I"),  # add
    ("i1", "st2", "A", "A"),  # change
    ("i1", "st1", None, None),  # clear
    ("i1", "st1", "", None),  # clear, as an empty cell
])
def test_set_role_adds_changes_and_clears_with_exact_undo(plan: SamplePlan, initiative: str, stakeholder: str,
                                                          role: str | None, expected: str | None) -> None:
    key = (plan.ids[initiative], plan.ids[stakeholder])
    command = plan.run(lambda s: set_raci_role_command(s, key[0], key[1], role))
    plan.run(command.apply)
    assert _role_rows(plan).get(key) == expected
    plan.run(command.revert)
    assert_undo_and_redo_are_exact(plan, command)


def test_set_role_takes_lower_case_and_does_nothing_when_nothing_changes(plan: SamplePlan) -> None:
    ids = plan.ids
    command = plan.run(lambda s: set_raci_role_command(s, ids["i1"], ids["st3"], "c"))
    assert isinstance(command, AddRow) and command.values["role"] == "C"
    assert "노인복지관" in command.label and "A-01" in command.label
    before = plan.dump()
    for role, stakeholder in (("R", "st1"), (None, "st3")):
        same = plan.run(lambda s, r=role, st=stakeholder: set_raci_role_command(s, ids["i1"], ids[st], r))
        assert not plan.run(same.apply)
        assert plan.dump() == before


def test_set_role_refuses_bad_input(plan: SamplePlan) -> None:
    ids = plan.ids
    with pytest.raises(ValidationError):
        plan.run(lambda s: set_raci_role_command(s, ids["i1"], ids["st1"], "X"))
    with pytest.raises(NotFoundError):
        plan.run(lambda s: set_raci_role_command(s, "no-such-initiative", ids["st1"], "R"))
    with pytest.raises(NotFoundError):
        plan.run(lambda s: set_raci_role_command(s, ids["i1"], "no-such-stakeholder", "R"))
