"""Live updates, lost connections and the team document the app opens: against a real PostgreSQL server."""

from __future__ import annotations

import queue
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from planner.commands.rows import AddRow, UpdateRow
from planner.errors import PlannerError
from planner.team.connection import ConnectionLostError, ServerAddress, ServerError, make_server_engine
from planner.team.document import KEEP_MINE, RELOAD, EditNotMade, TeamDocument
from planner.team.live import ChangeListener, RemoteChange, parse_payload
from planner.team.schema import EDITOR_ROLE, VIEWER_ROLE
from planner.team.session import StaleEditError, TeamPlan
from tests.team.conftest import PgServer

NOTICE_SECONDS = 5.0  # generous bound for a test to wait; the bench measures the real latency


@pytest.fixture
def published(pg_server: PgServer, published_database: str, capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    return pg_server.url(published_database)


@pytest.fixture
def two_users(published: str) -> Iterator[tuple[TeamPlan, TeamPlan]]:
    alice = TeamPlan.connect(published, author="김민수")
    bob = TeamPlan.connect(published, author="이영희")
    yield alice, bob
    alice.close()
    bob.close()


def _initiative(team: TeamPlan, code: str) -> dict[str, Any]:
    return next(row for row in team.read_rows("initiative") if row["code"] == code)


def _backend_pids(server: PgServer, database: str) -> list[int]:
    with server.connect() as admin:
        return [row[0] for row in admin.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid() "
            "AND application_name = 'Convergence Planner'", (database,)).fetchall()]


def _terminate(server: PgServer, pids: list[int]) -> None:
    with server.connect() as admin:
        for pid in pids:
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))


def _unreachable(address: ServerAddress) -> ServerAddress:
    """The same server's address at a port where nothing listens (socket folder or TCP alike)."""
    url = address.url.set(port=1)
    if "port" in url.query:
        url = url.update_query_dict({"port": "1"})
    return ServerAddress(url)


# -- live updates ---------------------------------------------------------------------------------------------

def test_an_edit_is_announced_to_other_clients_and_not_to_its_own(two_users: tuple[TeamPlan, TeamPlan]) -> None:
    alice, bob = two_users
    heard_by_bob: queue.Queue[RemoteChange] = queue.Queue()
    heard_by_alice: queue.Queue[RemoteChange] = queue.Queue()
    bob_listens = ChangeListener(bob.address, bob.client_id, heard_by_bob.put)
    alice_listens = ChangeListener(alice.address, alice.client_id, heard_by_alice.put)
    bob_listens.start()
    alice_listens.start()
    try:
        assert bob_listens.connected and alice_listens.connected
        target = _initiative(alice, "A-01")
        alice.apply(UpdateRow("initiative", target["id"], {"title": "실시간 제목"}))
        change = heard_by_bob.get(timeout=NOTICE_SECONDS)
        assert change.author == "김민수"
        assert change.kinds is not None and "initiative" in change.kinds
        bob.apply(UpdateRow("initiative", target["id"], {"purpose": "밥"}))
        assert heard_by_alice.get(timeout=NOTICE_SECONDS).author == "이영희"
        assert heard_by_bob.empty()  # bob's own edit was not announced back to him
        assert heard_by_alice.empty()
    finally:
        bob_listens.stop()
        alice_listens.stop()


def test_a_refused_edit_announces_nothing(two_users: tuple[TeamPlan, TeamPlan]) -> None:
    alice, bob = two_users
    heard: queue.Queue[RemoteChange] = queue.Queue()
    watcher = TeamPlan.connect(alice.address, author="관찰자")
    listener = ChangeListener(watcher.address, watcher.client_id, heard.put)
    listener.start()
    try:
        target = _initiative(alice, "A-01")
        _initiative(bob, "A-01")
        alice.apply(UpdateRow("initiative", target["id"], {"title": "첫 번째"}))
        assert heard.get(timeout=NOTICE_SECONDS).author == "김민수"
        with pytest.raises(StaleEditError):
            bob.apply(UpdateRow("initiative", target["id"], {"title": "두 번째"}))
        alice.apply(UpdateRow("initiative", target["id"], {"purpose": "표지"}))
        assert heard.get(timeout=NOTICE_SECONDS).author == "김민수"  # the next one is alice's, not bob's
    finally:
        listener.stop()
        watcher.close()


def test_the_listener_reconnects_and_asks_for_a_full_reload(pg_server: PgServer, published_database: str,
                                                            two_users: tuple[TeamPlan, TeamPlan]) -> None:
    alice, bob = two_users
    heard: queue.Queue[RemoteChange] = queue.Queue()
    states: list[bool] = []
    listener = ChangeListener(bob.address, bob.client_id, heard.put, states.append)
    listener.start()
    try:
        assert listener.backend_pid is not None
        _terminate(pg_server, [listener.backend_pid])
        change = heard.get(timeout=NOTICE_SECONDS)
        assert change.kinds is None  # notifications may have been missed: reload everything
        assert states[:2] == [False, True]
        target = _initiative(alice, "A-01")
        alice.apply(UpdateRow("initiative", target["id"], {"title": "다시 연결 후"}))
        assert heard.get(timeout=NOTICE_SECONDS).kinds == frozenset({"initiative", "change_log"})  # and its entry
    finally:
        listener.stop()


@pytest.mark.parametrize("payload", ["", "not json", "[]", '{"kinds": "initiative"}', '{"client": 1}'])
def test_foreign_payloads_are_ignored(payload: str) -> None:
    assert parse_payload(payload) is None


# -- lost connections -------------------------------------------------------------------------------------------

def test_an_idle_connection_killed_on_the_server_is_restored_silently(
        pg_server: PgServer, published_database: str, two_users: tuple[TeamPlan, TeamPlan]) -> None:
    alice, _bob = two_users
    target = _initiative(alice, "A-01")
    _terminate(pg_server, _backend_pids(pg_server, published_database))
    notices: list[str] = []
    alice.on_notice = notices.append
    alice.apply(UpdateRow("initiative", target["id"], {"title": "유휴 후 수정"}))
    assert _initiative(alice, "A-01")["title"] == "유휴 후 수정"
    assert notices == []


def test_a_connection_killed_during_an_edit_keeps_the_edit_and_retries_it_once(
        pg_server: PgServer, published_database: str, two_users: tuple[TeamPlan, TeamPlan]) -> None:
    alice, bob = two_users
    target = _initiative(alice, "A-01")
    before = _initiative(bob, "A-01")

    class KilledMidway(UpdateRow):
        """An edit during which the server ends the editing connection (the first time only)."""

        killed = False

        def apply(self, session: Any) -> Any:
            changes = super().apply(session)
            if not KilledMidway.killed:
                KilledMidway.killed = True
                pid = session.execute(text("SELECT pg_backend_pid()")).scalar_one()
                _terminate(pg_server, [pid])
            return changes

    notices: list[str] = []
    alice.on_notice = notices.append
    alice.apply(KilledMidway("initiative", target["id"], {"title": "끊겨도 남는 수정"}))
    after = _initiative(bob, "A-01")
    assert after["title"] == "끊겨도 남는 수정"
    assert after["purpose"] == before["purpose"]
    assert len(notices) == 1 and "끊겨도 남는 수정" not in notices[0] and "lost" in notices[0]


def test_an_unreachable_server_raises_connection_lost_and_writes_nothing(published: str) -> None:
    team = TeamPlan.connect(published, author="김민수")
    target = _initiative(team, "A-01")
    team.engine.dispose()
    address = team.address
    team.address = _unreachable(address)
    team.engine = make_server_engine(team.address)
    try:
        with pytest.raises(ConnectionLostError) as lost:
            team.apply(UpdateRow("initiative", target["id"], {"title": "안 닿음"}))
        assert "Traceback" not in str(lost.value)
    finally:
        team.close()
    with TeamPlan.connect(published) as check:
        assert _initiative(check, "A-01")["title"] == target["title"]


# -- the team document ------------------------------------------------------------------------------------------

def test_a_team_document_opens_edits_and_writes_a_local_copy(published: str, tmp_path: Path) -> None:
    with TeamDocument.open(published, author="김민수") as document:
        assert not document.read_only and document.path is None and not document.unsaved
        assert document.title() and "***" not in document.display_name
        with document.session() as session:
            from planner.queries import initiative_rows

            rows = initiative_rows(session)
        first = rows[0]
        document.apply(UpdateRow("initiative", first.id, {"title": "문서에서 수정"}))
        document.save_as(tmp_path / "copy.cplan")
    from planner.storage import PlanDocument

    with PlanDocument.open(tmp_path / "copy.cplan") as copy, copy.session() as session:
        from planner.model import Initiative

        assert session.get(Initiative, first.id).title == "문서에서 수정"


def test_a_viewer_opens_read_only_and_cannot_edit(pg_server: PgServer, published_database: str) -> None:
    viewer = pg_server.login_role(VIEWER_ROLE)
    with TeamDocument.open(pg_server.url(published_database, user=viewer, tcp=True)) as document:
        assert document.read_only and "viewer" in (document.read_only_reason or "")
        with pytest.raises(PlannerError):
            document.apply(AddRow("stakeholder", {"name": "보는 사람"}))


def test_an_editor_login_opens_writable(pg_server: PgServer, published_database: str) -> None:
    editor = pg_server.login_role(EDITOR_ROLE)
    with TeamDocument.open(pg_server.url(published_database, user=editor, tcp=True)) as document:
        assert not document.read_only


def test_a_database_without_a_plan_is_refused_clearly(pg_server: PgServer, initialised_database: str) -> None:
    with pytest.raises(ServerError, match="no plan yet"):
        TeamDocument.open(pg_server.url(initialised_database))


def _stale_setup(published: str) -> tuple[TeamDocument, TeamPlan, str]:
    document = TeamDocument.open(published, author="이영희")
    other = TeamPlan.connect(published, author="김민수")
    target = _initiative(other, "A-01")
    other.apply(UpdateRow("initiative", target["id"], {"title": "그쪽 제목"}))
    return document, other, target["id"]


def test_reload_drops_my_stale_edit_and_keeps_theirs(published: str) -> None:
    document, other, row_id = _stale_setup(published)
    asked: list[StaleEditError] = []
    document.resolve_stale = lambda error: asked.append(error) or RELOAD
    try:
        with pytest.raises(EditNotMade) as dropped:
            document.apply(UpdateRow("initiative", row_id, {"title": "내 제목"}))
        assert dropped.value.kinds == frozenset({"initiative"})
        assert len(asked) == 1 and asked[0].changed_by == "김민수" and asked[0].changed_at is not None
        assert _initiative(other, "A-01")["title"] == "그쪽 제목"
        document.apply(UpdateRow("initiative", row_id, {"title": "다시 본 뒤 내 제목"}))  # now read: no conflict
        assert _initiative(other, "A-01")["title"] == "다시 본 뒤 내 제목"
    finally:
        document.close()
        other.close()


def test_keep_mine_re_applies_the_same_edit(published: str) -> None:
    document, other, row_id = _stale_setup(published)
    document.resolve_stale = lambda error: KEEP_MINE
    try:
        document.apply(UpdateRow("initiative", row_id, {"title": "내 제목"}))
        assert _initiative(other, "A-01")["title"] == "내 제목"
    finally:
        document.close()
        other.close()


def test_without_a_resolver_the_stale_edit_is_raised(published: str) -> None:
    document, other, row_id = _stale_setup(published)
    try:
        with pytest.raises(StaleEditError):
            document.apply(UpdateRow("initiative", row_id, {"title": "내 제목"}))
    finally:
        document.close()
        other.close()


def test_remembering_after_a_live_update_makes_the_next_edit_current(published: str) -> None:
    document, other, row_id = _stale_setup(published)
    try:
        document.remember_all(frozenset({"initiative"}))  # what the app does when it hears of the change
        document.apply(UpdateRow("initiative", row_id, {"title": "최신을 본 뒤"}))
        assert _initiative(other, "A-01")["title"] == "최신을 본 뒤"
    finally:
        document.close()
        other.close()


def test_unreachable_during_an_edit_tells_the_app_and_makes_nothing(published: str) -> None:
    document = TeamDocument.open(published, author="김민수")
    told: list[ServerError] = []
    document.on_unreachable = told.append
    copy = document.refresh_cache()
    try:
        target = _initiative(document.team, "A-01")
        document.team.engine.dispose()
        document.team.address = _unreachable(document.address)
        document.team.engine = make_server_engine(document.team.address)
        with pytest.raises(EditNotMade):
            document.apply(UpdateRow("initiative", target["id"], {"title": "안 닿음"}))
        assert len(told) == 1 and isinstance(told[0], ConnectionLostError)
        assert copy.exists() and document.last_copy == copy
    finally:
        document.close()


def test_a_listener_on_an_unreachable_server_says_so_and_stops(published: str) -> None:
    with TeamPlan.connect(published) as team:
        address = _unreachable(team.address)
    heard: list[RemoteChange] = []
    listener = ChangeListener(address, "me", heard.append)
    listener.start()
    assert not listener.connected
    listener.stop()
    assert heard == []
