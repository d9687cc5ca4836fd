"""Changes records and CompositeCommand: several edits as one undo entry, reverted in reverse order."""

from __future__ import annotations

from sqlalchemy.orm import Session

from planner.commands import AddRow, Changes, Command, CompositeCommand, DeleteRows, UpdateRow
from planner.errors import ValidationError
from planner.months import YearMonth
from tests.planner.commands.sample_plan import SamplePlan


class RecordingCommand(Command):
    """Writes nothing; notes in a shared journal when it is applied and reverted."""

    def __init__(self, name: str, journal: list[str]) -> None:
        self.name = name
        self.journal = journal

    @property
    def label(self) -> str:
        return self.name

    def apply(self, session: Session) -> Changes:
        self.journal.append(f"apply {self.name}")
        return Changes.of(self.name, [self.name])

    def revert(self, session: Session) -> Changes:
        self.journal.append(f"revert {self.name}")
        return Changes.of(self.name, [self.name])


def test_changes_combine_and_say_whether_the_schedule_moved() -> None:
    combined = Changes.of("stakeholder", ["s"]) | Changes.of("dependency", ["d"])
    assert combined.kinds == {"stakeholder", "dependency"} and combined.ids == {"s", "d"}
    assert combined.affects_schedule and combined.touches("stakeholder", "kpi")
    assert not Changes.of("stakeholder").affects_schedule
    assert not Changes() and Changes.of("kpi")


def test_composite_applies_in_order_and_reverts_in_reverse_order(sample_plan: SamplePlan) -> None:
    journal: list[str] = []
    composite = CompositeCommand("three", [RecordingCommand(name, journal) for name in ("a", "b", "c")])
    applied = sample_plan.run(composite.apply)
    reverted = sample_plan.run(composite.revert)
    assert journal == ["apply a", "apply b", "apply c", "revert c", "revert b", "revert a"]
    assert applied.kinds == reverted.kinds == {"a", "b", "c"}
    assert composite.label == "three"


def test_composite_of_real_edits_undoes_and_redoes_exactly(sample_plan: SamplePlan) -> None:
    ids = sample_plan.ids
    new_initiative = AddRow("initiative", {"code": "B-02", "title": "AI 신호 제어", "field_id": ids["fB"],
                                           "start_month": YearMonth(2029, 1)})
    composite = CompositeCommand("add and link", [
        new_initiative,
        AddRow("dependency", {"predecessor_id": ids["i3"], "successor_id": new_initiative.row_id}),
        UpdateRow("initiative", ids["i3"], {"duration_months": 2}),
        DeleteRows("stakeholder", [ids["st2"]]),
    ])
    before = sample_plan.dump()
    changes = sample_plan.run(composite.apply)
    applied = sample_plan.dump()
    assert {"initiative", "dependency", "stakeholder", "raci_role", "risk"} <= changes.kinds
    sample_plan.run(composite.revert)
    assert sample_plan.dump() == before
    sample_plan.run(composite.apply)
    assert sample_plan.dump() == applied


def test_a_refused_step_leaves_the_whole_composite_undone(sample_plan: SamplePlan) -> None:
    ids = sample_plan.ids
    composite = CompositeCommand("two", [
        UpdateRow("initiative", ids["i1"], {"title": "바뀐 제목"}),
        UpdateRow("stakeholder", ids["st1"], {"influence": 7}),
    ])
    before = sample_plan.dump()
    try:
        sample_plan.run(composite.apply)
    except ValidationError as refusal:
        assert "influence" in refusal.problems
    else:  # pragma: no cover - the edit must be refused
        raise AssertionError("influence 7 was accepted")
    assert sample_plan.dump() == before
