"""The "merge" answer to a stale edit on a team plan: mine for the fields I pick, theirs for the others."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from planner.commands.rows import UpdateRow
from planner.errors import ValidationError
from planner.history import history_entries, json_row_value
from planner.months import YearMonth
from planner.team.document import MergeChoice, TeamDocument
from planner.team.session import StaleEditError, TeamPlan
from tests.team.conftest import PgServer


@pytest.fixture
def published(pg_server: PgServer, published_database: str, capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    return pg_server.url(published_database)


@pytest.fixture
def mine_and_theirs(published: str) -> Iterator[tuple[TeamDocument, TeamPlan, dict[str, Any]]]:
    """My open team plan, another user who then changes title and purpose of A-01, and A-01 as I read it."""
    document = TeamDocument.open(published, author="이영희")
    other = TeamPlan.connect(published, author="김민수")
    original = _initiative(other, "A-01")
    other.apply(UpdateRow("initiative", original["id"], {"title": "그쪽 제목", "purpose": "그쪽 목적"}))
    yield document, other, original
    document.close()
    other.close()


def _initiative(team: TeamPlan, code: str) -> dict[str, Any]:
    return next(row for row in team.read_rows("initiative") if row["code"] == code)


def _my_edit(row_id: str) -> UpdateRow:
    return UpdateRow("initiative", row_id, {"title": "내 제목", "purpose": "내 목적", "progress": 65})


def test_merge_keeps_mine_for_the_picked_fields_theirs_for_the_rest_and_my_other_fields(
        mine_and_theirs: tuple[TeamDocument, TeamPlan, dict[str, Any]]) -> None:
    document, other, original = mine_and_theirs
    asked: list[StaleEditError] = []
    document.resolve_stale = lambda error: asked.append(error) or MergeChoice(frozenset({"title"}))
    document.apply(_my_edit(original["id"]))
    [error] = asked
    assert error.fields == ["purpose", "title"]
    assert error.theirs == {"title": "그쪽 제목", "purpose": "그쪽 목적"}
    assert error.mine == {"title": "내 제목", "purpose": "내 목적"}
    merged = _initiative(other, "A-01")
    assert (merged["title"], merged["purpose"], merged["progress"]) == ("내 제목", "그쪽 목적", 65)
    with document.session() as session:
        newest = history_entries(session)[0]
    assert newest.author == "이영희" and newest.action == "do"
    [row] = newest.rows
    assert {change.name: (change.before, change.after) for change in row.fields} == {
        "title": ("그쪽 제목", "내 제목"), "progress": (original["progress"], 65)}  # purpose: theirs, untouched


def test_the_merged_edit_undoes_and_redoes_as_merged(
        mine_and_theirs: tuple[TeamDocument, TeamPlan, dict[str, Any]]) -> None:
    document, other, original = mine_and_theirs
    document.resolve_stale = lambda _error: MergeChoice(frozenset({"purpose"}))
    edit = _my_edit(original["id"])
    document.apply(edit)
    assert (_initiative(other, "A-01")["title"], _initiative(other, "A-01")["purpose"]) == ("그쪽 제목", "내 목적")
    document.revert(edit)
    undone = _initiative(other, "A-01")
    assert (undone["title"], undone["purpose"], undone["progress"]) == ("그쪽 제목", "그쪽 목적", original["progress"])
    document.apply(edit, redo=True)
    redone = _initiative(other, "A-01")
    assert (redone["title"], redone["purpose"], redone["progress"]) == ("그쪽 제목", "내 목적", 65)


def test_a_change_made_again_while_the_user_chose_is_asked_about_again(
        mine_and_theirs: tuple[TeamDocument, TeamPlan, dict[str, Any]]) -> None:
    document, other, original = mine_and_theirs
    asked: list[StaleEditError] = []

    def answer(error: StaleEditError) -> MergeChoice:
        asked.append(error)
        if len(asked) == 1:  # while the first question is open, they change the title once more
            other.remember("initiative", [original["id"]])
            other.apply(UpdateRow("initiative", original["id"], {"title": "그쪽 두 번째 제목"}))
        return MergeChoice(frozenset())  # theirs for every conflicting field

    document.resolve_stale = answer
    document.apply(_my_edit(original["id"]))
    assert len(asked) == 2 and asked[1].theirs["title"] == "그쪽 두 번째 제목"
    final = _initiative(other, "A-01")
    assert (final["title"], final["purpose"], final["progress"]) == ("그쪽 두 번째 제목", "그쪽 목적", 65)


def test_a_merge_that_breaks_a_rule_of_the_row_is_refused_and_writes_nothing(published: str) -> None:
    with TeamDocument.open(published, author="이영희") as document, TeamPlan.connect(published, author="김민수") as other:
        original = _initiative(other, "A-01")
        other.apply(UpdateRow("initiative", original["id"], {"actual_start": YearMonth(2027, 6),
                                                             "actual_finish": YearMonth(2027, 9)}))
        # Mine: March to May. Their start with my finish would finish before it starts.
        document.resolve_stale = lambda _error: MergeChoice(frozenset({"actual_finish"}))
        before = _initiative(other, "A-01")
        with pytest.raises(ValidationError, match="actual finish comes before"):
            document.apply(UpdateRow("initiative", original["id"], {"actual_start": YearMonth(2027, 3),
                                                                    "actual_finish": YearMonth(2027, 5)}))
        assert _initiative(other, "A-01") == before


def test_values_are_shown_as_the_history_shows_them() -> None:
    assert json_row_value("initiative", "start_month", 2027 * 12 + 2) == "2027-03"
    assert json_row_value("kpi_target", "target_value", "98.25") == "98.25"
    assert json_row_value("initiative", "modified_at", "2026-11-29T13:31:34.5") == "2026-11-29T13:31:34.500000"
    assert json_row_value("stakeholder", "tags", ["민간"]) == ["민간"]
    assert json_row_value("initiative", "title", "가" * 3_000).endswith("…")
