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


def _visible(kind: type) -> Any:
    from PySide6.QtWidgets import QApplication

    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    return found[0] if found else None


def test_the_stale_question_offers_reload_keep_mine_and_merge(qtbot: Any) -> None:
    from PySide6.QtWidgets import QMessageBox

    from desktop_app.team.team_link import ask_stale_choice

    error = StaleEditError("initiative", "x", "A-01", "김민수", None, ["title"], theirs={"title": "그쪽"},
                           mine={"title": "내 것"})
    offered: list[set[str]] = []

    def click(name: str) -> None:
        box = _visible(QMessageBox)
        offered.append({button.text() for button in box.buttons()})
        next(b for b in box.buttons() if b.objectName() == name).click()

    from PySide6.QtCore import QTimer

    QTimer.singleShot(50, lambda: click("keep_mine_button"))
    assert ask_stale_choice(None, error) == KEEP_MINE
    QTimer.singleShot(50, lambda: click("reload_button"))
    assert ask_stale_choice(None, error) == RELOAD
    assert offered == [{"Reload", "Keep Mine", "Merge…"}] * 2
    deleted = StaleEditError("initiative", "x", "A-01", "김민수", None, [])  # a deletion: nothing to merge
    QTimer.singleShot(50, lambda: click("reload_button"))
    assert ask_stale_choice(None, deleted) == RELOAD
    assert offered[-1] == {"Reload", "Keep Mine"}


def test_merge_lists_theirs_and_mine_per_field_and_going_back_asks_again(qtbot: Any) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from desktop_app.team.stale_merge_dialog import StaleMergeDialog
    from desktop_app.team.team_link import ask_stale_choice
    from planner.team.document import MergeChoice

    error = StaleEditError("initiative", "x", "A-01", "김민수", None, ["start_month", "status", "title"],
                           theirs={"title": "그쪽 제목", "start_month": 2027 * 12 + 5, "status": "done"},
                           mine={"title": "내 제목", "start_month": 2027 * 12 + 2, "status": None})
    steps: list[str] = []

    def in_box(name: str) -> None:
        steps.append("box")
        next(b for b in _visible(QMessageBox).buttons() if b.objectName() == name).click()

    def in_dialog(go_back: bool) -> None:
        dialog = _visible(StaleMergeDialog)
        steps.append("dialog")
        texts = {name: (dialog.theirs_buttons[name].text(), dialog.mine_buttons[name].text())
                 for name in error.fields}
        assert texts == {"title": ("그쪽 제목", "내 제목"), "start_month": ("2027-06", "2027-03"),
                         "status": ("Done", "(empty)")}
        assert all(button.isChecked() for button in dialog.mine_buttons.values())  # mine by default
        if go_back:
            dialog.back_button.click()
            QTimer.singleShot(50, lambda: in_box("merge_button"))
            QTimer.singleShot(150, lambda: in_dialog(go_back=False))
            return
        dialog.theirs_buttons["title"].click()
        dialog.merge_button.click()

    QTimer.singleShot(50, lambda: in_box("merge_button"))
    QTimer.singleShot(150, lambda: in_dialog(go_back=True))
    assert ask_stale_choice(None, error) == MergeChoice(frozenset({"start_month", "status"}))
    assert steps == ["box", "dialog", "box", "dialog"]


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
    window.team_link.ask_continue = lambda _parent, _error, **_how: True
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


def test_merge_in_the_window_makes_one_undoable_edit(editor_window: tuple[Any, TeamLogin], pg_server: PgServer,
                                                     published_database: str) -> None:
    from planner.team.document import MergeChoice

    window, _login_used = editor_window
    window.team_link.listener.stop()
    with _other(pg_server, published_database) as other:
        target = _a01(other)
        other.apply(UpdateRow("initiative", target["id"], {"title": "그쪽 제목", "purpose": "그쪽 목적"}))
        window.team_link.ask_stale = lambda _parent, _error: MergeChoice(frozenset({"purpose"}))
        window.controller.execute(UpdateRow("initiative", target["id"], {"title": "내 제목", "purpose": "내 목적"}))
        merged = _a01(other)
        assert (merged["title"], merged["purpose"]) == ("그쪽 제목", "내 목적")
        assert window.controller.undo_stack.count() == 1
        window.controller.undo_stack.undo()
        undone = _a01(other)
        assert (undone["title"], undone["purpose"]) == ("그쪽 제목", "그쪽 목적")


def test_the_history_view_lists_the_team_plans_edits(editor_window: tuple[Any, TeamLogin], pg_server: PgServer,
                                                     published_database: str, qtbot: Any) -> None:
    window, _login_used = editor_window
    with _other(pg_server, published_database) as other:
        target = _a01(other)
    window.controller.execute(UpdateRow("initiative", target["id"], {"title": "이력에 보일 제목"}))
    window.select_view("history")
    view = window.view("history")
    view.refresh()
    newest = view.row_texts()[0]
    assert window.controller.author in newest  # who: the name the app records (Preferences, else the login)
    assert UpdateRow("initiative", "", {}).label in newest and any("A-01" in cell for cell in newest)
    view.table.selectRow(0)
    details = [" ".join(line) for line in view.details_texts()]
    assert any("이력에 보일 제목" in line for line in details)


def _kill_app_connections(server: PgServer, database: str) -> None:
    with server.connect() as admin:
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s "
                      "AND pid <> pg_backend_pid() AND application_name LIKE 'Convergence Planner%%'", (database,))


def test_a_connection_lost_while_idle_is_restored_without_a_word(
        editor_window: tuple[Any, TeamLogin], pg_server: PgServer, published_database: str,
        dialogs_script: DialogScript, qtbot: Any) -> None:
    window, _login_used = editor_window
    listener = window.team_link.listener
    first_listener = listener.backend_pid
    with _other(pg_server, published_database) as other:
        target = _a01(other)
        states: list[bool] = []
        window.team_link.connection_state.connect(states.append)
        _kill_app_connections(pg_server, published_database)  # the app's pool and its listening connection
        qtbot.waitUntil(lambda: states[-2:] == [False, True], timeout=WAIT_MS)
        assert listener.backend_pid != first_listener
        asked: list[Any] = []
        window.team_link.ask_continue = lambda *args, **kwargs: asked.append(args) or False
        window.controller.execute(UpdateRow("initiative", target["id"], {"title": "쉬고 난 뒤 제목"}))
        assert _a01(other)["title"] == "쉬고 난 뒤 제목"
    assert window.controller.undo_stack.count() == 1
    assert asked == [] and dialogs_script.asked == []
    assert window.statusBar().currentMessage() == ""  # nothing said about the lost connections


def test_a_connection_lost_during_a_read_is_retried_silently_when_the_server_answers(
        editor_window: tuple[Any, TeamLogin], pg_server: PgServer, dialogs_script: DialogScript,
        qtbot: Any) -> None:
    from sqlalchemy import text

    from planner.errors import PlannerError

    window, _login_used = editor_window
    asked: list[Any] = []
    window.team_link.ask_continue = lambda *args, **kwargs: asked.append(kwargs) or False
    refreshed: list[frozenset[str]] = []
    window.controller.plan_changed.connect(lambda changes, _initiator: refreshed.append(changes.kinds))

    def read_while_the_server_ends_the_connection(session: Any) -> Any:
        pid = session.execute(text("SELECT pg_backend_pid()")).scalar_one()
        with pg_server.connect() as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        return session.execute(text("SELECT count(*) FROM initiative")).scalar_one()

    with pytest.raises(PlannerError):
        window.controller.read(read_while_the_server_ends_the_connection)  # the view that read gets its error
    qtbot.waitUntil(lambda: any("initiative" in kinds for kinds in refreshed), timeout=WAIT_MS)  # views read again
    assert asked == [] and dialogs_script.asked == []


def test_an_unreachable_server_found_by_a_read_offers_the_local_copy_once(
        editor_window: tuple[Any, TeamLogin], qtbot: Any) -> None:
    from planner.errors import PlannerError
    from planner.team.connection import make_server_engine

    window, _login_used = editor_window
    document = window.document
    assert document.last_copy is not None and document.last_copy.exists()
    asked: list[dict[str, Any]] = []
    window.team_link.ask_continue = lambda _parent, _error, **how: asked.append(how) or False  # keep waiting
    team = document.team
    team.engine.dispose()
    team.address = ServerAddress(team.address.url.set(port=1))
    team.engine = make_server_engine(team.address)
    for _attempt in range(2):
        with pytest.raises(PlannerError):
            window.controller.read(lambda session: session.connection())
        qtbot.wait(50)
    window.team_link._refresh_cache()  # the background copy finds the server gone too
    qtbot.waitUntil(lambda: len(asked) >= 1, timeout=WAIT_MS)
    qtbot.wait(100)
    assert asked == [{"editing": False}]  # asked once, about reading, not about an edit
    window.team_link.connection_state.emit(True)  # the server is back: a later loss is asked about again
    with pytest.raises(PlannerError):
        window.controller.read(lambda session: session.connection())
    qtbot.waitUntil(lambda: len(asked) == 2, timeout=WAIT_MS)


class MemoryKeyring:
    """A keyring backend that keeps passwords in this process only."""

    def __init__(self) -> None:
        from keyring.backend import KeyringBackend

        class Backend(KeyringBackend):
            priority = 1  # type: ignore[assignment]
            stored: dict[tuple[str, str], str] = {}

            def get_password(self, service: str, username: str) -> str | None:
                return self.stored.get((service, username))

            def set_password(self, service: str, username: str, password: str) -> None:
                self.stored[(service, username)] = password

            def delete_password(self, service: str, username: str) -> None:
                self.stored.pop((service, username), None)

        self.backend = Backend()
        self.backend.stored = {}


@pytest.fixture
def memory_keyring() -> Any:
    keyring = pytest.importorskip("keyring", reason="the keyring tests need the keyring package ('.[team]')")
    previous = keyring.get_keyring()
    memory = MemoryKeyring().backend
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(previous)


def _fill(dialog: OpenTeamPlanDialog, password: str, remember: bool) -> None:
    dialog.host_edit.setText("db.example.go.kr")
    dialog.database_edit.setText("plan")
    dialog.user_edit.setText("kim")
    dialog.password_edit.setText(password)
    dialog.remember_check.setChecked(remember)


def _everything_written(folder: Path) -> str:
    return "".join(path.read_text(errors="replace") for path in folder.rglob("*") if path.is_file())


def test_a_ticked_password_lives_only_in_the_keyring_and_is_recalled(qtbot: Any, private_data_dir: Path,
                                                                      memory_keyring: Any) -> None:
    from desktop_app.team.open_dialog import KEYRING_SERVICE, remember_login

    dialog = OpenTeamPlanDialog()
    qtbot.addWidget(dialog)
    assert not dialog.remember_check.isHidden()
    _fill(dialog, "keyring-secret-1", remember=True)
    assert remember_login(dialog.login())
    assert memory_keyring.stored == {(KEYRING_SERVICE, "kim@db.example.go.kr:5432/plan"): "keyring-secret-1"}
    assert "keyring-secret-1" not in _everything_written(private_data_dir)
    again = OpenTeamPlanDialog()
    qtbot.addWidget(again)
    assert again.password_edit.text() == "keyring-secret-1" and again.remember_check.isChecked()
    again.remember_check.setChecked(False)  # unticked: the stored password is removed
    assert remember_login(again.login())
    assert memory_keyring.stored == {}
    third = OpenTeamPlanDialog()
    qtbot.addWidget(third)
    assert third.password_edit.text() == "" and not third.remember_check.isChecked()


def test_an_unticked_password_is_stored_nowhere(qtbot: Any, private_data_dir: Path, memory_keyring: Any) -> None:
    from desktop_app.team.open_dialog import remember_login

    dialog = OpenTeamPlanDialog()
    qtbot.addWidget(dialog)
    _fill(dialog, "typed-each-time", remember=False)
    assert remember_login(dialog.login())
    assert memory_keyring.stored == {}
    assert "typed-each-time" not in _everything_written(private_data_dir)


def test_a_keyring_that_refuses_does_not_stop_the_login(qtbot: Any, private_data_dir: Path, memory_keyring: Any,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from keyring.errors import PasswordSetError

    from desktop_app.team.open_dialog import remember_login, remembered_login

    def refuse(*_args: Any) -> None:
        raise PasswordSetError("locked")

    monkeypatch.setattr(memory_keyring, "set_password", refuse)
    dialog = OpenTeamPlanDialog()
    qtbot.addWidget(dialog)
    _fill(dialog, "not-kept", remember=True)
    assert not remember_login(dialog.login())
    assert remembered_login()["user"] == "kim"  # the rest is remembered


def test_without_keyring_the_option_is_hidden_and_nothing_is_kept(qtbot: Any, private_data_dir: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop_app.team import open_dialog

    monkeypatch.setattr(open_dialog, "keyring_available", lambda: False)
    dialog = OpenTeamPlanDialog()
    qtbot.addWidget(dialog)
    assert dialog.remember_check.isHidden()
    _fill(dialog, "no-keyring-here", remember=True)  # even if ticked by a script, it is not used
    assert not dialog.login().remember_password
    assert open_dialog.remember_login(dialog.login())
    assert "no-keyring-here" not in _everything_written(private_data_dir)
    labels = " ".join(label.text() for label in dialog.findChildren(open_dialog.QLabel))
    assert "type it each time" in labels
