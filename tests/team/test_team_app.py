"""The team plan in the app: Open Team Plan…, live updates from other users, stale edits, a lost server."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from desktop_app.team.open_dialog import OpenTeamPlanDialog, TeamLogin, keyring_available
from planner.commands.rows import UpdateRow
from planner.team.connection import ServerAddress
from planner.team.document import KEEP_MINE, RELOAD
from planner.team.schema import EDITOR_ROLE, VIEWER_ROLE
from planner.team.session import StaleEditError, TeamPlan
from tests.desktop_app import conftest as desktop_fixtures
from tests.desktop_app.conftest import DialogScript
from tests.team.conftest import PgServer

WAIT_MS = 5_000
# the desktop app's fixtures: a main window, and scripted answers to its dialogs
dialogs_script = desktop_fixtures.dialogs_script
make_window = desktop_fixtures.make_window


def _login(server: PgServer, database: str, role: str) -> TeamLogin:
    user = server.login_role(role)
    return TeamLogin(server.tcp_host or "127.0.0.1", server.port, database, user, server._passwords[user])


@pytest.fixture
def editor_window(pg_server: PgServer, published_database: str, make_window: Callable[..., Any],
                  monkeypatch: pytest.MonkeyPatch) -> tuple[Any, TeamLogin]:
    login = _login(pg_server, published_database, EDITOR_ROLE)
    monkeypatch.setattr("desktop_app.team.open_dialog.ask_team_login", lambda _parent: login)
    window = make_window()
    assert window.open_team_plan()
    return window, login


def _other(pg_server: PgServer, published_database: str) -> TeamPlan:
    return TeamPlan.connect(pg_server.url(published_database), author="김민수")


def _a01(team: TeamPlan) -> dict[str, Any]:
    return next(row for row in team.read_rows("initiative") if row["code"] == "A-01")


def test_open_team_plan_shows_the_plan_without_the_password(editor_window: tuple[Any, TeamLogin]) -> None:
    window, login = editor_window
    assert window.document.saves_every_edit
    assert "(team plan)" in window.windowTitle()
    assert login.password not in window.windowTitle()
    assert login.password not in window.path_label.text() and "***" in window.path_label.text()
    assert window.team_link.listener.connected


def test_edits_are_saved_at_once_and_the_plan_never_counts_as_modified(
        editor_window: tuple[Any, TeamLogin], pg_server: PgServer, published_database: str,
        dialogs_script: DialogScript) -> None:
    window, _login_used = editor_window
    with _other(pg_server, published_database) as other:
        target = _a01(other)
        window.controller.execute(UpdateRow("initiative", target["id"], {"title": "앱에서 고친 제목"}))
        assert _a01(other)["title"] == "앱에서 고친 제목"
        assert window.controller.undo_stack.count() == 1
        assert not window.is_modified()
        assert window.save()  # nothing to ask: it is on the server already
        assert dialogs_script.asked == []
        window.controller.undo_stack.undo()
        assert _a01(other)["title"] == target["title"]


def test_other_users_edits_appear_live(editor_window: tuple[Any, TeamLogin], pg_server: PgServer,
                                       published_database: str, qtbot: Any) -> None:
    window, _login_used = editor_window
    heard: list[frozenset[str]] = []
    window.controller.plan_changed.connect(lambda changes, _initiator: heard.append(changes.kinds))
    with _other(pg_server, published_database) as other:
        other.apply(UpdateRow("initiative", _a01(other)["id"], {"title": "다른 사람이 바꾼 제목"}))
        qtbot.waitUntil(lambda: any("initiative" in kinds for kinds in heard), timeout=WAIT_MS)
    assert "김민수" in window.statusBar().currentMessage()


def test_a_viewer_opens_read_only_and_the_title_says_so(pg_server: PgServer, published_database: str,
                                                        make_window: Callable[..., Any],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    login = _login(pg_server, published_database, VIEWER_ROLE)
    monkeypatch.setattr("desktop_app.team.open_dialog.ask_team_login", lambda _parent: login)
    window = make_window()
    assert window.open_team_plan()
    assert window.document.read_only
    assert "read-only" in window.windowTitle()


def test_a_wrong_password_is_one_clear_message(pg_server: PgServer, published_database: str,
                                               make_window: Callable[..., Any], dialogs_script: DialogScript,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    login = _login(pg_server, published_database, EDITOR_ROLE)
    wrong = TeamLogin(login.host, login.port, login.database, login.user, "not-the-password")
    monkeypatch.setattr("desktop_app.team.open_dialog.ask_team_login", lambda _parent: wrong)
    window = make_window()
    assert not window.open_team_plan()
    assert window.controller is None
    [message] = dialogs_script.messages()
    assert "refused the login" in message and "not-the-password" not in message


def _stale_edit(window: Any, other: TeamPlan, choice: str) -> tuple[list[StaleEditError], str]:
    window.team_link.listener.stop()  # no live update in between: my view of the row is old
    target = _a01(other)
    other.apply(UpdateRow("initiative", target["id"], {"title": "그쪽 제목"}))
    asked: list[StaleEditError] = []
    window.team_link.ask_stale = lambda _parent, error: asked.append(error) or choice
    window.controller.execute(UpdateRow("initiative", target["id"], {"title": "내 제목"}))
    return asked, target["id"]


def test_reload_takes_theirs_and_refreshes_the_views(editor_window: tuple[Any, TeamLogin], pg_server: PgServer,
                                                     published_database: str) -> None:
    window, _login_used = editor_window
    refreshed: list[frozenset[str]] = []
    window.controller.plan_changed.connect(lambda changes, _initiator: refreshed.append(changes.kinds))
    with _other(pg_server, published_database) as other:
        asked, _row = _stale_edit(window, other, RELOAD)
        assert _a01(other)["title"] == "그쪽 제목"
    assert len(asked) == 1 and asked[0].changed_by == "김민수"
    from desktop_app.team.team_link import stale_summary

    assert stale_summary(asked[0]).startswith("Changed by 김민수 at ")
    assert window.controller.undo_stack.count() == 0  # my edit was dropped
    assert refreshed and "initiative" in refreshed[-1]


def test_keep_mine_makes_my_edit_again(editor_window: tuple[Any, TeamLogin], pg_server: PgServer,
                                       published_database: str) -> None:
    window, _login_used = editor_window
    with _other(pg_server, published_database) as other:
        asked, _row = _stale_edit(window, other, KEEP_MINE)
        assert _a01(other)["title"] == "내 제목"
    assert len(asked) == 1
    assert window.controller.undo_stack.count() == 1


def test_an_undo_someone_overtook_is_asked_about_too_and_never_raises(
        editor_window: tuple[Any, TeamLogin], pg_server: PgServer, published_database: str,
        dialogs_script: DialogScript) -> None:
    window, _login_used = editor_window
    window.team_link.listener.stop()
    with _other(pg_server, published_database) as other:
        target = _a01(other)
        window.controller.execute(UpdateRow("initiative", target["id"], {"title": "내 제목"}))
        other.remember("initiative", [target["id"]])
        other.apply(UpdateRow("initiative", target["id"], {"title": "그 뒤 그쪽 제목"}))
        asked: list[StaleEditError] = []
        window.team_link.ask_stale = lambda _parent, error: asked.append(error) or RELOAD
        window.controller.undo_stack.undo()  # called by Qt: must not raise
        assert len(asked) == 1
        assert _a01(other)["title"] == "그 뒤 그쪽 제목"
    assert dialogs_script.messages() == []  # the user already answered; no second message


def test_the_stale_question_offers_reload_and_keep_mine(qtbot: Any) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from desktop_app.team.team_link import ask_stale_choice

    error = StaleEditError("initiative", "x", "A-01", "김민수", None, ["title"])

    def click(name: str) -> None:
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
        assert {button.text() for button in box.buttons()} == {"Reload", "Keep Mine"}
        next(b for b in box.buttons() if b.objectName() == name).click()

    QTimer.singleShot(50, lambda: click("keep_mine_button"))
    assert ask_stale_choice(None, error) == KEEP_MINE
    QTimer.singleShot(50, lambda: click("reload_button"))
    assert ask_stale_choice(None, error) == RELOAD


def test_an_unreachable_server_offers_a_local_copy(editor_window: tuple[Any, TeamLogin], tmp_path: Path,
                                                   dialogs_script: DialogScript, qtbot: Any) -> None:
    window, _login_used = editor_window
    document = window.document
    team = document.team
    target = _a01(team)
    team.engine.dispose()
    team.address = ServerAddress(team.address.url.set(port=1))
    from planner.team.connection import make_server_engine

    team.engine = make_server_engine(team.address)
    window.team_link.ask_continue = lambda _parent, _error: True
    local = tmp_path / "local.cplan"
    dialogs_script.answer("ask_save_path", str(local))
    window.controller.execute(UpdateRow("initiative", target["id"], {"title": "안 닿는 수정"}))
    assert window.controller.undo_stack.count() == 0
    qtbot.waitUntil(lambda: window.document is not None and window.document.path == local, timeout=WAIT_MS)
    assert document.closed and local.exists()
    assert not getattr(window.document, "saves_every_edit", False)


def test_the_dialog_remembers_the_server_but_never_the_password(qtbot: Any, private_data_dir: Path) -> None:
    dialog = OpenTeamPlanDialog()
    qtbot.addWidget(dialog)
    assert dialog.remember_check.isHidden() == (not keyring_available())
    dialog.host_edit.setText("")
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted and "host" in dialog.problem_label.text()
    dialog.host_edit.setText("db.example.go.kr")
    dialog.database_edit.setText("plan")
    dialog.user_edit.setText("kim")
    dialog.password_edit.setText("s3cret-pass")
    dialog.accept()
    login = dialog.login()
    assert login.address().masked == "postgresql://kim:***@db.example.go.kr:5432/plan"
    from desktop_app.team.open_dialog import remember_login, remembered_login

    remember_login(login)
    assert remembered_login() == {"host": "db.example.go.kr", "port": "5432", "database": "plan", "user": "kim"}
    stored = "".join(path.read_text(errors="replace") for path in private_data_dir.rglob("*") if path.is_file())
    assert "s3cret-pass" not in stored
    again = OpenTeamPlanDialog()
    qtbot.addWidget(again)
    assert again.user_edit.text() == "kim" and again.password_edit.text() == ""
