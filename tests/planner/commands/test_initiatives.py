"""Initiative commands: the next free code, adding with sensible defaults, moving several in one undo entry."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from planner.commands import (
    UpdateRow,
    add_initiative_command,
    next_initiative_code,
    read_row,
)
from planner.model import Field
from planner.months import YearMonth
from planner.storage.create import create_empty_database
from planner.storage.document import make_engine
from tests.planner.commands.sample_plan import SamplePlan
from tests.planner.commands.test_rows import assert_undo_and_redo_are_exact, rows_by_id


def test_next_code_continues_the_fields_numbering(sample_plan: SamplePlan) -> None:
    ids = sample_plan.ids

    def codes(session: Session) -> tuple[str, str, str]:
        return (next_initiative_code(session, ids["fA"]), next_initiative_code(session, ids["fB"]),
                next_initiative_code(session))

    assert sample_plan.run(codes) == ("A-03", "B-02", "X-01")


def test_next_code_keeps_a_wider_numbering(sample_plan: SamplePlan) -> None:
    ids = sample_plan.ids
    sample_plan.run(UpdateRow("initiative", ids["i2"], {"code": "A-009"}).apply)
    assert sample_plan.run(lambda session: next_initiative_code(session, ids["fA"])) == "A-010"


def test_add_initiative_fills_code_field_title_month_and_position(sample_plan: SamplePlan) -> None:
    ids = sample_plan.ids
    command = sample_plan.run(lambda session: add_initiative_command(session, strategy_id=ids["s1"]))
    assert command.label == "Add initiative"
    applied = assert_undo_and_redo_are_exact(sample_plan, command)
    sample_plan.run(command.apply)
    added = sample_plan.run(lambda session: read_row(session, "initiative", command.row_id))
    assert added["code"] == "A-03" and added["field_id"] == ids["fA"] and added["strategy_id"] == ids["s1"]
    assert added["title"] == "New initiative"
    assert added["start_month"] == YearMonth(2027, 1) and added["duration_months"] == 12
    assert added["position"] == 3
    assert command.row_id in rows_by_id(applied, "initiative")


def test_add_initiative_keeps_what_the_caller_chose(sample_plan: SamplePlan) -> None:
    command = sample_plan.run(lambda session: add_initiative_command(
        session, code="X-1", title="직접 입력", start_month=YearMonth(2030, 4), duration_months=0, position=9))
    sample_plan.run(command.apply)
    added = sample_plan.run(lambda session: read_row(session, "initiative", command.row_id))
    assert (added["code"], added["title"], added["start_month"], added["duration_months"], added["position"]) == (
        "X-1", "직접 입력", YearMonth(2030, 4), 0, 9)


def test_add_initiative_on_the_demo_plan_continues_its_codes(tmp_path: Path) -> None:
    demo = pytest.importorskip("planner.demo")
    path = tmp_path / "demo.cplan"
    create_empty_database(path)
    engine = make_engine(path)
    try:
        with Session(engine) as session, session.begin():
            demo.build_demo_plan(session, language="ko")
        with Session(engine) as session, session.begin():
            field_a = session.execute(select(Field.id).where(Field.code == "A")).scalar_one()
            command = add_initiative_command(session, field_id=field_a, title="새 과제")
            command.apply(session)
        assert command.values["code"] == "A-08"
    finally:
        engine.dispose()
