"""Live workshop capture: ranking per method, exact undo of every command, rounds saved and compared."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from planner.commands import Command, DeleteRows
from planner.errors import NotFoundError, ValidationError
from planner.model import Initiative, Stakeholder, StickyNote, WorkshopRating, WorkshopRoundItem
from planner.workshops import (
    METHODS,
    SCORE_NAMES,
    RatingRow,
    add_sticky_note_command,
    add_vote_command,
    added_row_id,
    clear_ratings_command,
    compare_rounds,
    default_round_name,
    delete_round_command,
    quick_add_initiative_command,
    quick_add_stakeholder_command,
    rating_rows,
    round_list,
    save_round_command,
    set_rating_command,
    set_score_command,
    sticky_notes,
)
from tests.planner.commands.sample_plan import SamplePlan, build_sample_plan
from tests.planner.commands.test_rows import assert_undo_and_redo_are_exact


@pytest.fixture
def plan(tmp_path: Path) -> Iterator[SamplePlan]:
    built = build_sample_plan(tmp_path / "workshops.cplan")
    yield built
    built.engine.dispose()


def run(plan: SamplePlan, make: Callable[[Session], Command]) -> Command:
    """Build a command in one transaction and apply it in another (as the undo stack does)."""
    command = plan.run(make)
    plan.run(command.apply)
    return command


def rows(plan: SamplePlan, method: str = "dots", field_id: str | None = None) -> list[RatingRow]:
    return plan.run(lambda s: rating_rows(s, method, field_id))


def codes(found: list[RatingRow]) -> list[str]:
    return [row.code for row in found]


def rate(plan: SamplePlan, short: str, **values: Any) -> None:
    run(plan, lambda s: set_rating_command(s, plan.ids[short], **values))


def score(plan: SamplePlan, short: str, values: list[int | None]) -> None:
    for name, value in zip(SCORE_NAMES, values, strict=True):
        run(plan, lambda s, name=name, value=value: set_score_command(s, plan.ids[short], name, value))


# -- ranking -------------------------------------------------------------------------------------------------


def test_rating_rows_list_every_initiative_with_its_values_and_rank(plan: SamplePlan) -> None:
    found = rows(plan)
    assert codes(found) == ["A-01", "A-02", "B-01"]  # A-01 has 3 votes; the others tie at 0, by code
    first = found[0]
    assert (first.id, first.title, first.field_code, first.votes, first.impact, first.feasibility) == (
        plan.ids["i1"], "AI 돌봄 로봇", "A", 3, 4, 2)
    assert first.scores == (None,) * 5
    assert first.note_count == 1
    assert [row.rank for row in found] == [1, 2, 3]
    assert found[1].votes == 0 and found[1].impact is None


def test_dots_rank_by_votes_with_ties_by_code(plan: SamplePlan) -> None:
    run(plan, lambda s: add_vote_command(s, plan.ids["i3"], 5))
    assert codes(rows(plan)) == ["B-01", "A-01", "A-02"]
    run(plan, lambda s: add_vote_command(s, plan.ids["i2"], 3))
    assert codes(rows(plan)) == ["B-01", "A-01", "A-02"]  # tie at 3: by code
    assert [(row.code, row.votes, row.rank) for row in rows(plan)] == [("B-01", 5, 1), ("A-01", 3, 2), ("A-02", 3, 3)]


def test_matrix_ranks_by_product_then_impact_then_code_unrated_last(plan: SamplePlan) -> None:
    rate(plan, "i1", impact=2, feasibility=4)  # 8
    rate(plan, "i3", impact=4, feasibility=2)  # 8, higher impact
    rate(plan, "i2", impact=5)  # feasibility missing: unrated
    found = rows(plan, "matrix")
    assert codes(found) == ["B-01", "A-01", "A-02"]
    assert [row.value("matrix") for row in found] == [8, 8, None]
    rate(plan, "i2", feasibility=2)  # 10
    assert codes(rows(plan, "matrix")) == ["A-02", "B-01", "A-01"]
    rate(plan, "i1", impact=4, feasibility=2)  # 8 and impact 4, like B-01: by code
    assert codes(rows(plan, "matrix")) == ["A-02", "A-01", "B-01"]


def test_scores_rank_by_the_sum_of_the_five(plan: SamplePlan) -> None:
    score(plan, "i2", [5, 5, 5, 5, 5])
    score(plan, "i3", [5, 5, 5, 5, None])  # 20
    score(plan, "i1", [4, 4, 4, 4, 4])  # 20: tie with B-01, A-01 first by code
    found = rows(plan, "scores")
    assert codes(found) == ["A-02", "A-01", "B-01"]
    assert [row.value("scores") for row in found] == [25, 20, 20]
    assert found[2].score("score_technical") is None


def test_rows_of_one_field_are_ranked_among_themselves(plan: SamplePlan) -> None:
    run(plan, lambda s: add_vote_command(s, plan.ids["i3"], 9))
    found = rows(plan, "dots", plan.ids["fA"])
    assert [(row.code, row.rank) for row in found] == [("A-01", 1), ("A-02", 2)]


def test_an_unknown_method_is_refused(plan: SamplePlan) -> None:
    with pytest.raises(ValidationError, match="ranking"):
        rows(plan, "ranking")
    assert set(METHODS) == {"dots", "matrix", "scores"}


# -- commands: exact undo and redo -----------------------------------------------------------------------------


@pytest.mark.parametrize("make", [
    lambda s, ids: add_vote_command(s, ids["i1"], 1),  # the rating exists: UpdateRow
    lambda s, ids: add_vote_command(s, ids["i1"], -3),
    lambda s, ids: add_vote_command(s, ids["i2"], 1),  # no rating yet: AddRow
    lambda s, ids: set_rating_command(s, ids["i1"], impact=5),
    lambda s, ids: set_rating_command(s, ids["i1"], feasibility=None),
    lambda s, ids: set_rating_command(s, ids["i3"], impact=1, feasibility=3),
    lambda s, ids: set_score_command(s, ids["i2"], "score_policy_fit", 4),
    lambda s, ids: clear_ratings_command(s),
    lambda s, ids: save_round_command(s, "2차 워크숍", "오후 세션"),
    lambda s, ids: delete_round_command(s, ids["wround1"]),
    lambda s, ids: add_sticky_note_command(s, "initiative", ids["i2"], "예산 확인 필요", "pink", "박"),
    lambda s, ids: add_sticky_note_command(s, "stakeholder", ids["st3"], "주민 설명회 요청"),
    lambda s, ids: quick_add_initiative_command(s, "AI 농업 드론", ids["fB"]),
    lambda s, ids: quick_add_stakeholder_command(s, "청년회", "civil_society"),
], ids=["vote+", "vote-", "vote-new", "impact", "clear-feasibility", "rate-new", "score", "clear", "save-round",
        "delete-round", "note-initiative", "note-stakeholder", "quick-initiative", "quick-stakeholder"])
def test_every_command_applies_and_reverts_exactly(plan: SamplePlan, make: Callable[..., Command]) -> None:
    command = plan.run(lambda s: make(s, plan.ids))
    assert command.label
    assert_undo_and_redo_are_exact(plan, command)


def test_a_vote_creates_the_rating_and_votes_never_go_below_zero(plan: SamplePlan) -> None:
    run(plan, lambda s: add_vote_command(s, plan.ids["i2"], 1))
    rating = plan.run(lambda s: s.execute(select(WorkshopRating.votes, WorkshopRating.impact)
                                          .where(WorkshopRating.initiative_id == plan.ids["i2"])).one())
    assert tuple(rating) == (1, None)
    run(plan, lambda s: add_vote_command(s, plan.ids["i2"], -1))
    with pytest.raises(ValidationError, match="A-02"):
        plan.run(lambda s: add_vote_command(s, plan.ids["i2"], -1))
    with pytest.raises(ValidationError, match="B-01"):
        plan.run(lambda s: add_vote_command(s, plan.ids["i3"], -1))  # no rating at all
    with pytest.raises(NotFoundError):
        plan.run(lambda s: add_vote_command(s, "no-such-initiative", 1))


def test_values_outside_one_to_five_and_unknown_scores_are_refused(plan: SamplePlan) -> None:
    with pytest.raises(ValidationError, match="1 to 5") as refused:
        plan.run(lambda s: set_rating_command(s, plan.ids["i1"], impact=6))
    assert set(refused.value.problems) == {"impact"}
    with pytest.raises(ValidationError):
        plan.run(lambda s: set_rating_command(s, plan.ids["i1"]))
    with pytest.raises(ValidationError, match="score_beauty"):
        plan.run(lambda s: set_score_command(s, plan.ids["i1"], "score_beauty", 3))
    with pytest.raises(ValidationError, match="1 to 5"):
        plan.run(lambda s: set_score_command(s, plan.ids["i1"], "score_effect", 0))


def test_set_score_changes_the_initiative(plan: SamplePlan) -> None:
    run(plan, lambda s: set_score_command(s, plan.ids["i1"], "score_urgency", 5))
    assert plan.run(lambda s: s.execute(select(Initiative.score_urgency).where(Initiative.id == plan.ids["i1"]))
                    .scalar_one()) == 5


def test_clearing_keeps_the_scores_and_refuses_when_nothing_to_clear(plan: SamplePlan) -> None:
    run(plan, lambda s: set_score_command(s, plan.ids["i1"], "score_urgency", 5))
    run(plan, clear_ratings_command)
    assert all(row.votes == 0 and row.impact is None for row in rows(plan))
    assert rows(plan, "scores")[0].score("score_urgency") == 5
    with pytest.raises(ValidationError, match="no workshop ratings"):
        plan.run(clear_ratings_command)


def test_sticky_notes_and_their_refusals(plan: SamplePlan) -> None:
    run(plan, lambda s: add_sticky_note_command(s, "initiative", plan.ids["i1"], "  예산 재검토  ", "blue", "김"))
    notes = plan.run(lambda s: sticky_notes(s, "initiative", plan.ids["i1"]))
    assert [(n.text, n.colour) for n in notes] == [("주민 의견 수렴", "yellow"), ("예산 재검토", "blue")]
    with pytest.raises(ValidationError, match="Write something"):
        plan.run(lambda s: add_sticky_note_command(s, "initiative", plan.ids["i1"], "   "))
    with pytest.raises(ValidationError, match="purple"):
        plan.run(lambda s: add_sticky_note_command(s, "initiative", plan.ids["i1"], "x", "purple"))
    with pytest.raises(ValidationError):
        plan.run(lambda s: add_sticky_note_command(s, "kpi", plan.ids["k1"], "x"))
    with pytest.raises(NotFoundError):
        plan.run(lambda s: add_sticky_note_command(s, "stakeholder", plan.ids["i1"], "x"))


def test_a_sticky_note_goes_with_its_initiative(plan: SamplePlan) -> None:
    run(plan, lambda s: add_sticky_note_command(s, "initiative", plan.ids["i2"], "메모"))
    run(plan, lambda s: DeleteRows("initiative", [plan.ids["i2"]]))
    assert plan.run(lambda s: s.execute(select(StickyNote.id).where(StickyNote.target_id == plan.ids["i2"])).all()) == []


def test_quick_adds(plan: SamplePlan) -> None:
    command = run(plan, lambda s: quick_add_initiative_command(s, " AI 농업 드론 ", plan.ids["fB"]))
    added = plan.run(lambda s: s.execute(select(Initiative.code, Initiative.title, Initiative.field_id)
                                         .where(Initiative.id == added_row_id(command))).one())
    assert tuple(added) == ("B-02", "AI 농업 드론", plan.ids["fB"])
    assert "AI 농업 드론" in command.label
    command = run(plan, lambda s: quick_add_initiative_command(s, "무소속 과제"))
    assert plan.run(lambda s: s.execute(select(Initiative.code).where(Initiative.id == added_row_id(command)))
                    .scalar_one()) == "X-01"
    command = run(plan, lambda s: quick_add_stakeholder_command(s, "청년회"))
    stakeholder = plan.run(lambda s: s.execute(select(Stakeholder.name, Stakeholder.sector)
                                               .where(Stakeholder.id == added_row_id(command))).one())
    assert tuple(stakeholder) == ("청년회", "civil_society")
    with pytest.raises(ValidationError, match="required"):
        plan.run(lambda s: quick_add_initiative_command(s, "  "))
    with pytest.raises(ValidationError, match="required"):
        plan.run(lambda s: quick_add_stakeholder_command(s, ""))
    with pytest.raises(ValidationError, match="martians"):
        plan.run(lambda s: quick_add_stakeholder_command(s, "화성인", "martians"))
    with pytest.raises(NotFoundError):
        plan.run(lambda s: quick_add_initiative_command(s, "x", "no-such-field"))


# -- rounds ----------------------------------------------------------------------------------------------------


def save(plan: SamplePlan, name: str) -> str:
    command = run(plan, lambda s: save_round_command(s, name))
    return command.round_id  # type: ignore[attr-defined, no-any-return]


def test_saving_a_round_copies_the_current_values(plan: SamplePlan) -> None:
    score(plan, "i2", [1, 2, 3, 4, 5])
    round_id = save(plan, "  2차 워크숍 ")
    item = WorkshopRoundItem.__table__
    items = plan.run(lambda s: {row["initiative_id"]: SimpleNamespace(**row) for row in s.execute(
        select(item).where(item.c.round_id == round_id)).mappings()})
    assert set(items) == {plan.ids["i1"], plan.ids["i2"], plan.ids["i3"]}
    first, second = items[plan.ids["i1"]], items[plan.ids["i2"]]
    assert (first.code, first.title, first.votes, first.impact, first.feasibility) == ("A-01", "AI 돌봄 로봇", 3, 4, 2)
    assert [getattr(second, name) for name in SCORE_NAMES] == [1, 2, 3, 4, 5]
    assert (second.votes, second.impact) == (0, None)
    listed = plan.run(round_list)
    assert [(summary.name, summary.count) for summary in listed] == [("1차 워크숍", 1), ("2차 워크숍", 3)]


def test_round_names_must_be_given_and_unique(plan: SamplePlan) -> None:
    with pytest.raises(ValidationError, match="already a workshop round named '1차 워크숍'"):
        plan.run(lambda s: save_round_command(s, " 1차 워크숍"))
    with pytest.raises(ValidationError, match="name"):
        plan.run(lambda s: save_round_command(s, "   "))
    assert plan.run(default_round_name) == "Round 2"


def test_compare_rounds_shows_values_ranks_and_moves(plan: SamplePlan) -> None:
    first = save(plan, "오전")
    run(plan, lambda s: add_vote_command(s, plan.ids["i3"], 5))
    run(plan, lambda s: add_vote_command(s, plan.ids["i2"], 1))
    second = save(plan, "오후")
    comparison = plan.run(lambda s: compare_rounds(s, first, second, "dots"))
    assert (comparison.first.name, comparison.second.name, comparison.method) == ("오전", "오후", "dots")
    table = [(c.code, c.first_value, c.second_value, c.change, c.first_rank, c.second_rank, c.rank_change)
             for c in comparison.changes]
    assert table == [("B-01", 0, 5, 5, 3, 1, 2), ("A-01", 3, 3, 0, 1, 2, -1), ("A-02", 0, 1, 1, 2, 3, -1)]
    assert [c.code for c in comparison.moved] == ["B-01", "A-01", "A-02"]
    same = plan.run(lambda s: compare_rounds(s, second, second, "dots"))
    assert same.moved == []


def test_compare_rounds_shows_what_appeared_and_disappeared(plan: SamplePlan) -> None:
    first = save(plan, "오전")
    added = added_row_id(run(plan, lambda s: quick_add_initiative_command(s, "AI 농업 드론", plan.ids["fB"])))
    run(plan, lambda s: add_vote_command(s, added, 7))
    run(plan, lambda s: DeleteRows("initiative", [plan.ids["i1"]]))  # gone before the second round
    second = save(plan, "오후")
    comparison = plan.run(lambda s: compare_rounds(s, first, second, "dots"))
    by_code = {c.code: c for c in comparison.changes}
    assert by_code["B-02"].appeared and by_code["B-02"].second_rank == 1 and by_code["B-02"].first_value is None
    gone = by_code["A-01"]
    assert gone.disappeared and (gone.title, gone.first_rank, gone.first_value) == ("AI 돌봄 로봇", 1, 3)
    assert comparison.changes[-1] is gone  # only in the first round: listed last
    assert gone.rank_change is None and gone.change is None


def test_rounds_still_compare_after_an_initiative_is_deleted(plan: SamplePlan) -> None:
    rate(plan, "i2", impact=5, feasibility=5)
    first = save(plan, "오전")
    rate(plan, "i2", impact=1)
    second = save(plan, "오후")
    run(plan, lambda s: DeleteRows("initiative", [plan.ids["i2"]]))
    comparison = plan.run(lambda s: compare_rounds(s, first, second, "matrix"))
    moved = next(c for c in comparison.changes if c.code == "A-02")
    assert (moved.first_value, moved.second_value, moved.change) == (25, 5, -20)
    assert (moved.first_rank, moved.second_rank, moved.rank_change) == (1, 2, -1)
    assert not moved.appeared and not moved.disappeared


def test_deleting_a_round_and_unknown_rounds(plan: SamplePlan) -> None:
    first = save(plan, "오전")
    run(plan, lambda s: delete_round_command(s, first))
    assert [summary.name for summary in plan.run(round_list)] == ["1차 워크숍"]
    with pytest.raises(NotFoundError):
        plan.run(lambda s: compare_rounds(s, first, plan.ids["wround1"], "dots"))
    with pytest.raises(NotFoundError):
        plan.run(lambda s: delete_round_command(s, first))
