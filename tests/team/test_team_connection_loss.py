"""A connection that breaks as an edit commits: the edit is neither lost nor made twice, and the user is told the
truth (pg_terminate_backend on a real server)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import text

from planner.commands.rows import AddRow, DeleteRows, UpdateRow
from planner.history import history_entries
from planner.team.connection import ConnectionLostError, ServerAddress, make_server_engine
from planner.team.document import EditNotMade, TeamDocument
from planner.team.session import TeamPlan
from tests.team.conftest import PgServer


@pytest.fixture
def published(pg_server: PgServer, published_database: str, capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    return pg_server.url(published_database)


@pytest.fixture
def team(published: str) -> Iterator[TeamPlan]:
    with TeamPlan.connect(published, author="김민수") as opened:
        yield opened


def _terminate(server: PgServer, pid: int) -> None:
    with server.connect() as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (pid,))


def _break_after_commit(team: TeamPlan, server: PgServer, then: Callable[[], None] | None = None) -> list[int]:
    """The next commit reaches the server, but its answer does not reach the app: the server ends the connection
    right after committing (as when the network fails then). Returns the list the killed pid is put in."""
    dialect = team.engine.dialect
    commit = dialect.do_commit
    killed: list[int] = []

    def do_commit(dbapi_connection: Any) -> None:
        commit(dbapi_connection)
        if killed:
            return
        driver = getattr(dbapi_connection, "driver_connection", dbapi_connection)
        killed.append(driver.info.backend_pid)
        _terminate(server, killed[0])
        if then is not None:
            then()
        driver.execute("SELECT 1")  # the client finds the connection gone, as after a lost commit answer

    dialect.do_commit = do_commit  # type: ignore[method-assign]
    return killed


def _entry_count(team: TeamPlan) -> int:
    with team.session() as session:
        return session.execute(text("SELECT count(*) FROM change_log")).scalar_one()


def _initiative(team: TeamPlan, code: str) -> dict[str, Any]:
    return next(row for row in team.read_rows("initiative") if row["code"] == code)


EDITS: dict[str, Callable[[TeamPlan], Any]] = {
    "add": lambda team: AddRow("field", {"code": "F9", "name": "끊겨도 한 번"}),
    "update": lambda team: UpdateRow("initiative", _initiative(team, "A-01")["id"], {"title": "끊겨도 한 번"}),
    "delete": lambda team: DeleteRows("initiative", [_initiative(team, "A-02")["id"]]),
}


@pytest.mark.parametrize("kind_of_edit", sorted(EDITS))
def test_an_edit_committed_as_the_connection_broke_is_not_made_again_nor_reported_as_failed(
        team: TeamPlan, pg_server: PgServer, kind_of_edit: str) -> None:
    edit = EDITS[kind_of_edit](team)
    before = {kind: team.read_rows(kind) for kind in ("field", "initiative")}
    entries = _entry_count(team)
    notices: list[str] = []
    team.on_notice = notices.append
    killed = _break_after_commit(team, pg_server)
    team.apply(edit)  # no error: the edit did arrive
    assert killed, "the connection was not broken"
    after = {kind: team.read_rows(kind) for kind in ("field", "initiative")}
    assert _entry_count(team) == entries + 1  # made once
    if kind_of_edit == "add":
        assert [row["code"] for row in after["field"]].count("F9") == 1
    elif kind_of_edit == "update":
        assert _initiative(team, "A-01")["title"] == "끊겨도 한 번"
    else:
        assert len(after["initiative"]) == len(before["initiative"]) - 1
    assert len(notices) == 1 and "saved once" in notices[0]
    team.revert(edit)  # the command holds what it did: its undo works as after any edit
    restored = {kind: team.read_rows(kind) for kind in ("field", "initiative")}
    assert {kind: len(rows) for kind, rows in restored.items()} == {kind: len(rows) for kind, rows in before.items()}


def test_an_edit_broken_before_its_commit_is_made_once_by_the_retry(team: TeamPlan, pg_server: PgServer) -> None:
    target = _initiative(team, "A-01")
    entries = _entry_count(team)

    class KilledMidway(AddRow):
        killed = False

        def apply(self, session: Any) -> Any:
            changes = super().apply(session)
            if not KilledMidway.killed:
                KilledMidway.killed = True
                _terminate(pg_server, session.execute(text("SELECT pg_backend_pid()")).scalar_one())
            return changes

    notices: list[str] = []
    team.on_notice = notices.append
    team.apply(KilledMidway("milestone", {"initiative_id": target["id"], "title": "중간에 끊긴 추가",
                                          "month": target["start_month"]}))
    assert [row["title"] for row in team.read_rows("milestone")].count("중간에 끊긴 추가") == 1
    assert _entry_count(team) == entries + 1
    assert len(notices) == 1 and "was made" in notices[0]


def test_when_the_server_cannot_be_asked_the_user_is_told_the_outcome_is_unknown(
        published: str, pg_server: PgServer) -> None:
    document = TeamDocument.open(published, author="김민수")
    told: list[ConnectionLostError] = []
    document.on_unreachable = told.append
    team = document.team

    def server_gone() -> None:
        unreachable = ServerAddress(team.address.url.set(port=1).update_query_dict({"port": "1"})
                                    if "port" in team.address.url.query else team.address.url.set(port=1))
        team.engine = make_server_engine(unreachable)

    _break_after_commit(team, pg_server, then=server_gone)
    try:
        with pytest.raises(EditNotMade):
            document.apply(AddRow("field", {"code": "F9", "name": "닿았는지 모름"}))
        [error] = told
        assert error.outcome_unknown and "cannot be reached to tell whether it arrived" in str(error)
    finally:
        document.close()
    with TeamPlan.connect(published) as check:
        assert [row["code"] for row in check.read_rows("field")].count("F9") == 1  # it had arrived
        with check.session() as session:
            assert history_entries(session)[0].rows[0].label.startswith("F9")


def test_a_retry_that_breaks_as_it_commits_is_found_on_the_server_too(team: TeamPlan, pg_server: PgServer) -> None:
    target = _initiative(team, "A-01")
    entries = _entry_count(team)

    class KilledMidway(UpdateRow):
        killed = False

        def apply(self, session: Any) -> Any:
            changes = super().apply(session)
            if not KilledMidway.killed:
                KilledMidway.killed = True
                _terminate(pg_server, session.execute(text("SELECT pg_backend_pid()")).scalar_one())
            return changes

    notices: list[str] = []
    team.on_notice = notices.append
    killed = _break_after_commit(team, pg_server)  # the first commit is the retry's
    team.apply(KilledMidway("initiative", target["id"], {"title": "두 번 끊겨도 한 번"}))
    assert killed and _initiative(team, "A-01")["title"] == "두 번 끊겨도 한 번"
    assert _entry_count(team) == entries + 1
    assert len(notices) == 1 and "saved once" in notices[0]
