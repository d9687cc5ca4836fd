"""Model rules that are not about one field alone: checklist item keys."""

from __future__ import annotations

import pytest

from planner.commands import AddRow
from planner.errors import ValidationError
from planner.months import YearMonth
from planner.queries import count_rows
from planner.storage import PlanDocument


@pytest.fixture
def document_with_initiative() -> tuple[PlanDocument, str]:
    document = PlanDocument.new("rules", 2027, 2031)
    add = AddRow("initiative", {"code": "A-01", "title": "AI", "start_month": YearMonth(2027, 1)})
    document.apply(add)
    yield document, add.row_id
    document.close()


def test_an_ethics_answer_must_name_one_of_the_ten_core_requirements(document_with_initiative) -> None:
    document, initiative_id = document_with_initiative
    answer = {"initiative_id": initiative_id, "checklist": "ai_ethics", "answer": "yes"}
    document.apply(AddRow("checklist_answer", answer | {"item_key": "transparency"}))
    with pytest.raises(ValidationError) as refused:
        document.apply(AddRow("checklist_answer", answer | {"item_key": "transparancy"}))
    assert "item_key" in refused.value.problems
    with document.session() as session:
        assert count_rows(session, "checklist_answer") == 1


def test_a_checklist_without_a_fixed_item_list_accepts_any_key(document_with_initiative) -> None:
    document, initiative_id = document_with_initiative
    document.apply(AddRow("checklist_answer", {"initiative_id": initiative_id, "checklist": "privacy",
                                               "item_key": "automated_decisions", "answer": "no"}))
    with document.session() as session:
        assert count_rows(session, "checklist_answer") == 1


def test_renaming_a_baseline_to_a_name_in_use_is_refused_clearly(document_with_initiative) -> None:
    from planner.baselines import save_baseline_command
    from planner.commands import UpdateRow

    document, _initiative_id = document_with_initiative
    for name in ("before workshop", "after workshop"):
        with document.session() as session:
            command = save_baseline_command(session, name)
        document.apply(command)
    with document.session() as session:
        from sqlalchemy import select

        from planner.model import Baseline

        second = session.execute(select(Baseline.id).where(Baseline.name == "after workshop")).scalar_one()
    with pytest.raises(ValidationError) as refused:
        document.apply(UpdateRow("baseline", second, {"name": "before workshop"}))
    assert "name" in refused.value.problems
