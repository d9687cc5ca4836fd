"""Editing a team plan with the ordinary commands: optimistic concurrency between users, permissions, undo."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from sqlalchemy import update

from planner.commands.rows import AddRow, DeleteRows, UpdateRow
from planner.model import Initiative
from planner.team.connection import ServerError
from planner.team.schema import EDITOR_ROLE, VIEWER_ROLE
from planner.team.session import StaleEditError, TeamPlan
from tests.team.conftest import PgServer

KINDS_OF_AN_INITIATIVE = ("initiative", "milestone", "dependency", "budget_line", "raci_role", "risk", "kpi",
                          "kpi_target", "comment")


@pytest.fixture
def published(pg_server: PgServer, published_database: str, capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    return pg_server.url(published_database)


@pytest.fixture
def two_users(published: str) -> Any:
    alice = TeamPlan.connect(published, author="김민수")
    bob = TeamPlan.connect(published, author="이영희")
    yield alice, bob
    alice.close()
    bob.close()


def _initiative(team: TeamPlan, code: str) -> dict[str, Any]:
    return next(row for row in team.read_rows("initiative") if row["code"] == code)


def _everything(team: TeamPlan) -> dict[str, list[dict[str, Any]]]:
    return {kind: team.read_rows(kind) for kind in KINDS_OF_AN_INITIATIVE}


def test_the_second_edit_of_the_same_field_is_refused_naming_the_first_editor(two_users: Any) -> None:
    alice, bob = two_users
    target = _initiative(alice, "A-01")
    _initiative(bob, "A-01")
    alice.apply(UpdateRow("initiative", target["id"], {"title": "앨리스의 제목"}))
    with pytest.raises(StaleEditError) as refused:
        bob.apply(UpdateRow("initiative", target["id"], {"title": "밥의 제목"}))
    error = refused.value
    assert error.changed_by == "김민수"
    assert error.changed_at is not None
    assert error.fields == ["title"]
    assert "김민수" in str(error) and "A-01" in str(error) and "Title" in str(error)
    assert error.changed_at.astimezone().strftime("%Y-%m-%d %H:%M") in str(error)
    assert _initiative(alice, "A-01")["title"] == "앨리스의 제목"  # nothing of bob's was written


def test_keep_mine_after_a_refusal_overwrites_once_the_row_is_read_again(two_users: Any) -> None:
    alice, bob = two_users
    target = _initiative(alice, "A-01")
    _initiative(bob, "A-01")
    alice.apply(UpdateRow("initiative", target["id"], {"title": "앨리스의 제목"}))
    edit = UpdateRow("initiative", target["id"], {"title": "밥의 제목"})
    with pytest.raises(StaleEditError):
        bob.apply(edit)
    bob.remember("initiative", [target["id"]])
    bob.apply(edit)
    assert _initiative(alice, "A-01")["title"] == "밥의 제목"


def test_edits_of_different_fields_of_one_row_are_both_kept(two_users: Any) -> None:
    alice, bob = two_users
    target = _initiative(alice, "A-01")
    _initiative(bob, "A-01")
    alice.apply(UpdateRow("initiative", target["id"], {"title": "앨리스의 제목"}))
    bob.apply(UpdateRow("initiative", target["id"], {"purpose": "밥의 목적", "progress": 40}))
    final = _initiative(alice, "A-01")
    assert (final["title"], final["purpose"], final["progress"]) == ("앨리스의 제목", "밥의 목적", 40)


def test_edits_of_different_rows_both_succeed(two_users: Any) -> None:
    alice, bob = two_users
    first, second = _initiative(alice, "A-01"), _initiative(alice, "A-02")
    bob.read_rows("initiative")
    alice.apply(UpdateRow("initiative", first["id"], {"title": "하나"}))
    bob.apply(UpdateRow("initiative", second["id"], {"title": "둘"}))
    assert (_initiative(bob, "A-01")["title"], _initiative(bob, "A-02")["title"]) == ("하나", "둘")


def test_the_same_value_written_twice_is_no_conflict(two_users: Any) -> None:
    alice, bob = two_users
    target = _initiative(alice, "A-01")
    _initiative(bob, "A-01")
    alice.apply(UpdateRow("initiative", target["id"], {"title": "같은 제목"}))
    bob.apply(UpdateRow("initiative", target["id"], {"title": "같은 제목"}))


def test_deleting_a_row_someone_changed_since_is_refused_and_deletes_nothing(two_users: Any) -> None:
    alice, bob = two_users
    target = _initiative(alice, "A-02")
    before = _everything(alice)
    bob.read_rows("initiative")
    bob.apply(UpdateRow("initiative", target["id"], {"progress": 70}))
    with pytest.raises(StaleEditError) as refused:
        alice.apply(DeleteRows("initiative", [target["id"]]))
    assert refused.value.changed_by == "이영희" and refused.value.fields == []
    after = _everything(alice)
    assert {kind: len(rows) for kind, rows in after.items()} == {kind: len(rows) for kind, rows in before.items()}


def test_undo_is_checked_like_any_edit(two_users: Any) -> None:
    alice, bob = two_users
    target = _initiative(alice, "A-01")
    edit = UpdateRow("initiative", target["id"], {"title": "앨리스의 제목"})
    alice.apply(edit)
    _initiative(bob, "A-01")
    bob.apply(UpdateRow("initiative", target["id"], {"title": "밥이 고친 제목"}))
    with pytest.raises(StaleEditError, match="이영희"):
        alice.revert(edit)
    assert _initiative(alice, "A-01")["title"] == "밥이 고친 제목"


def test_add_update_delete_and_their_undo_run_unchanged_on_the_server(published: str) -> None:
    with TeamPlan.connect(published, author="김민수") as team:
        before = _everything(team)
        target = next(row for row in before["initiative"] if row["code"] == "A-02")
        delete = DeleteRows("initiative", [target["id"]])
        changes = team.apply(delete)
        assert {"initiative", "budget_line", "dependency"} <= changes.kinds
        assert all(row["id"] != target["id"] for row in team.read_rows("initiative"))
        team.revert(delete)
        restored = _everything(team)
        assert restored == before  # every cascaded row back, every value (and modification time) as it was
        add = AddRow("field", {"code": "F9", "name": "새 분야"})
        team.apply(add)
        assert any(row["code"] == "F9" for row in team.read_rows("field"))
        team.revert(add)
        assert all(row["code"] != "F9" for row in team.read_rows("field"))


def test_a_row_changed_while_an_edit_waits_for_its_lock_is_still_caught(published: str) -> None:
    """The real race: bob's update waits on alice's uncommitted change of the same row, then finds it."""
    alice = TeamPlan.connect(published, author="김민수")
    bob = TeamPlan.connect(published, author="이영희")
    try:
        target = _initiative(bob, "A-01")
        outcome: list[BaseException | None] = []
        waiting = threading.Event()

        def bob_edits() -> None:
            waiting.set()
            try:
                bob.apply(UpdateRow("initiative", target["id"], {"title": "밥의 제목"}))
                outcome.append(None)
            except BaseException as error:  # handed to the test thread
                outcome.append(error)

        with alice.session() as session:
            session.execute(update(Initiative.__table__).where(Initiative.id == target["id"]).values(title="앨리스"))
            worker = threading.Thread(target=bob_edits)
            worker.start()
            waiting.wait()
            with alice.session() as watcher:  # wait until bob's UPDATE is blocked on alice's row lock
                for _attempt in range(2_000):
                    blocked = watcher.connection().exec_driver_sql(
                        "SELECT count(*) FROM pg_locks WHERE NOT granted").scalar_one()
                    if blocked:
                        break
                    watcher.connection().exec_driver_sql("SELECT pg_sleep(0.005)")
        worker.join(timeout=60)
        assert len(outcome) == 1 and isinstance(outcome[0], StaleEditError)
        assert outcome[0].changed_by == "김민수"
        assert _initiative(alice, "A-01")["title"] == "앨리스"
    finally:
        alice.close()
        bob.close()


def test_a_viewer_gets_a_clear_refusal_and_an_editor_may_edit(pg_server: PgServer, published_database: str,
                                                              published: str) -> None:
    viewer, editor = pg_server.login_role(VIEWER_ROLE), pg_server.login_role(EDITOR_ROLE)
    with TeamPlan.connect(pg_server.url(published_database, user=viewer)) as team:
        target = _initiative(team, "A-01")
        with pytest.raises(ServerError) as refused:
            team.apply(UpdateRow("initiative", target["id"], {"title": "몰래"}))
        assert "permission denied" in str(refused.value) and "role does not allow" in str(refused.value)
    with TeamPlan.connect(pg_server.url(published_database, user=editor)) as team:
        assert _initiative(team, "A-01")["title"] == target["title"]
        team.apply(UpdateRow("initiative", target["id"], {"title": "편집자의 제목"}))
        with team.session() as session:
            stamped = session.connection().exec_driver_sql(
                "SELECT cplan_changed_by FROM initiative WHERE code = 'A-01'").scalar_one()
        assert stamped == editor  # no author name given: the database login
