"""A team plan in the window: opening it, other users' edits shown live, stale edits and a lost server explained.

TeamLink belongs to the window's PlanController (deleted with it). It answers the TeamDocument's questions
(stale edit: "Reload", "Keep Mine" or "Merge…"; server unreachable: continue on a local copy), turns
notifications from the listener thread into the controller's plan_changed (the views refresh as after any edit),
and shows notices in the status bar. A connection lost while the plan is read (a view refreshing, the background
local copy) is tried again at once on a new connection; only when the server cannot be reached is the user
offered the local copy, once, until the server is back.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop_app import dialogs, settings
from planner.commands.base import Changes
from planner.commands.rows import kind_of_table
from planner.errors import PlannerError
from planner.i18n import _
from planner.storage import PLAN_SUFFIX
from planner.team.connection import ConnectionLostError, ServerAddress, ServerError
from planner.team.document import KEEP_MINE, RELOAD, StaleAnswer, TeamDocument
from planner.team.live import ChangeListener, RemoteChange
from planner.team.schema import plan_tables
from planner.team.session import StaleEditError

if TYPE_CHECKING:
    from desktop_app.main_window import MainWindow

log = logging.getLogger(__name__)

COALESCE_MS = 100  # notifications arriving together refresh the views once (well within the 1 s promise)
NOTICE_MS = 10_000
CACHE_REFRESH_MS = 30_000  # the local copy kept for "continue on a local copy" follows others' edits this late
PAUSE_NOTICE_MS = 3_000  # a listening connection back within this long was lost and restored without a word


def all_kinds() -> frozenset[str]:
    return frozenset(kind_of_table(table) for table in plan_tables())


def stale_summary(error: StaleEditError) -> str:
    """The headline of a stale-edit question: "Changed by NAME at TIME"."""
    when = error.changed_at.astimezone().strftime("%Y-%m-%d %H:%M:%S") if error.changed_at else "?"
    return _("Changed by {name} at {time}").format(name=error.changed_by or "?", time=when)


def ask_stale_choice(parent: QWidget | None, error: StaleEditError) -> StaleAnswer:
    """Reload (take theirs), Keep Mine (make my edit again on the row as it is now) or, when both changed the
    same fields, Merge… (pick theirs or mine per field; back to this question when the user goes back)."""
    from desktop_app.team.stale_merge_dialog import ask_merge_fields

    while True:
        box = QMessageBox(parent)
        box.setObjectName("stale_edit_box")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_("Changed by Someone Else"))
        box.setText(stale_summary(error))
        box.setInformativeText(str(error))
        reload_button = box.addButton(_("Reload"), QMessageBox.ButtonRole.RejectRole)
        keep_button = box.addButton(_("Keep Mine"), QMessageBox.ButtonRole.AcceptRole)
        reload_button.setObjectName("reload_button")
        keep_button.setObjectName("keep_mine_button")
        merge_button = None
        if error.fields:
            merge_button = box.addButton(_("Merge…"), QMessageBox.ButtonRole.ActionRole)
            merge_button.setObjectName("merge_button")
        box.setDefaultButton(reload_button)
        box.setEscapeButton(reload_button)
        box.exec()
        clicked = box.clickedButton()
        if merge_button is not None and clicked is merge_button:
            merged = ask_merge_fields(parent, error)
            if merged is None:
                continue  # back to the question
            return merged
        return KEEP_MINE if clicked is keep_button else RELOAD


def ask_continue_locally(parent: QWidget | None, error: ServerError, *, editing: bool = True) -> bool:
    """Whether to continue on a local copy now that the server cannot be reached (`editing`: it was found out
    by an edit, which was not made — or may have been, when the connection broke as it was saved)."""
    box = QMessageBox(parent)
    box.setObjectName("server_unreachable_box")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_("Server Unreachable"))
    if not editing:
        box.setText(_("The team plan's server cannot be reached; the plan shown may not be up to date."))
    elif getattr(error, "outcome_unknown", False):
        box.setText(_("The team plan's server cannot be reached; whether your last edit was saved is not known."))
    else:
        box.setText(_("The team plan's server cannot be reached; your last edit was not made."))
    box.setInformativeText(_("{reason}\n\nYou can continue on a local copy of the plan as you last saw it and "
                             "merge it back later (File ▸ Merge Plan from File…).").format(reason=error))
    local = box.addButton(_("Continue on a Local Copy"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(_("Keep Waiting"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is local


class TeamLink(QObject):
    """Connects one open TeamDocument to the window: live updates, conflict questions, notices."""

    remote_change = Signal(object)  # RemoteChange, from the listener thread (queued to the GUI thread)
    connection_state = Signal(bool)

    def __init__(self, window: MainWindow, document: TeamDocument) -> None:
        super().__init__(window.controller)
        self.window = window
        self.document = document
        self.pending_kinds: set[str] = set()
        self.pending_authors: list[str] = []
        self.ask_stale = ask_stale_choice  # replaceable in tests
        self.ask_continue = ask_continue_locally
        self._checking = False  # a lost read is being looked into
        self._offered_while_lost = False  # the local copy was offered; not again until the server is back
        self._coalesce = QTimer(self, singleShot=True, interval=COALESCE_MS)
        self._coalesce.timeout.connect(self._apply_pending)
        self._cache_timer = QTimer(self, singleShot=True, interval=CACHE_REFRESH_MS)
        self._cache_timer.timeout.connect(self._refresh_cache)
        self.live = True  # whether the listening connection is up (as last told)
        self._pause_notice = QTimer(self, singleShot=True, interval=PAUSE_NOTICE_MS)
        self._pause_notice.timeout.connect(lambda: self.show_notice(
            _("Live updates paused: the connection to the server was lost. Reconnecting…")))
        self.remote_change.connect(self._on_remote_change)
        self.connection_state.connect(self._on_connection_state)
        document.resolve_stale = lambda error: self.ask_stale(self.window, error)
        document.on_unreachable = self._on_unreachable
        document.on_connection_lost = self._on_read_lost
        document.team.on_notice = self.show_notice
        window.controller.edit_refused.connect(
            lambda message: dialogs.show_error(self.window, _("Edit Not Made"), message))
        self.listener = ChangeListener(document.address, document.team.client_id, self.remote_change.emit,
                                       self.connection_state.emit)
        document.listener = self.listener  # stopped when the document closes

    def start(self) -> None:
        self.listener.start()
        self._refresh_cache()

    # -- live updates -------------------------------------------------------------------------------------

    def _on_remote_change(self, change: RemoteChange) -> None:
        self.pending_kinds |= all_kinds() if change.kinds is None else set(change.kinds)
        if change.author:
            self.pending_authors.append(change.author)
        if not self._coalesce.isActive():
            self._coalesce.start()

    def _apply_pending(self) -> None:
        controller = self.window.controller
        if controller is None or controller.document is not self.document or self.document.closed:
            return
        kinds, self.pending_kinds = frozenset(self.pending_kinds), set()
        authors, self.pending_authors = list(dict.fromkeys(self.pending_authors)), []
        try:
            self.document.remember_all(kinds)  # the user now sees their change: my next edit builds on it
        except ConnectionLostError as error:
            self._on_read_lost(error)
        except PlannerError as error:
            log.info("Live update: could not read the changed rows: %s", error)
        controller.plan_changed.emit(Changes(kinds), None)
        if authors:
            self.show_notice(_("Updated with changes by {names}.").format(names=", ".join(authors)))
        self._cache_timer.start()

    def _on_connection_state(self, connected: bool) -> None:
        """A listening connection lost and restored within PAUSE_NOTICE_MS is not mentioned (an idle connection
        the server or network dropped); a longer pause is, and so is its end."""
        self.live = connected
        if connected:
            self._offered_while_lost = False
            if self._pause_notice.isActive():
                self._pause_notice.stop()
            else:
                self.show_notice(_("Connected to the server again; live updates resumed."))
        else:
            self._pause_notice.start()

    def _refresh_cache(self) -> None:
        try:
            self.document.refresh_cache()  # a lost connection is told to _on_read_lost
        except (PlannerError, OSError) as error:
            log.info("Team plan: could not refresh the local copy: %s", error)

    # -- a connection lost while reading ------------------------------------------------------------------

    def _on_read_lost(self, error: ConnectionLostError) -> None:
        """A read found the connection gone: look into it once the read has unwound (reads may come from
        several views at once; one look is enough)."""
        log.info("Team plan: connection lost while reading: %s", error)
        if self._checking:
            return
        self._checking = True
        QTimer.singleShot(0, self._check_after_lost_read)

    def _check_after_lost_read(self) -> None:
        """Try the server on a new connection: back, the views read again (no question); unreachable, offer the
        local copy (once, until the server is back)."""
        try:
            if self.document.closed:
                return
            try:
                self.document.check_connection()
            except ConnectionLostError as error:
                if not self._offered_while_lost:
                    self._offered_while_lost = True
                    self._offer_local_copy(error, editing=False)
                return
            except PlannerError as error:
                log.info("Team plan: the server answered with an error after a lost read: %s", error)
                return
            controller = self.window.controller
            if controller is not None and controller.document is self.document:
                with contextlib.suppress(PlannerError):
                    self.document.remember_all()
                controller.plan_changed.emit(Changes(all_kinds()), None)
        finally:
            self._checking = False

    # -- questions and notices ----------------------------------------------------------------------------

    def show_notice(self, message: str) -> None:
        self.window.statusBar().showMessage(message, NOTICE_MS)

    def _on_unreachable(self, error: ServerError) -> None:
        self._offer_local_copy(error, editing=True)

    def _offer_local_copy(self, error: ServerError, *, editing: bool) -> None:
        copy = self.document.last_copy
        if copy is None or not copy.exists():
            dialogs.show_error(self.window, _("Server Unreachable"), str(error))
            return
        if not self.ask_continue(self.window, error, editing=editing):
            return
        recent = settings.recent_files()
        folder = Path(recent[0]).parent if recent else Path.home()
        name = f"{self.document.display_name}-local{PLAN_SUFFIX}".replace("/", "-")
        target = dialogs.ask_save_path(self.window, str(folder / name))
        if not target:
            return
        try:
            shutil.copyfile(copy, target)
        except OSError as error_copying:
            dialogs.show_error(self.window, _("Cannot Save Plan"), str(error_copying))
            return
        # Switch once the edit that found the server gone has finished unwinding.
        QTimer.singleShot(0, lambda: self.window.open_path(target))


def open_team_plan(window: MainWindow) -> bool:
    """File ▸ Open Team Plan…: ask for the login, open the plan in `window`. True when it was opened."""
    from desktop_app.team.open_dialog import ask_team_login, remember_login

    login = ask_team_login(window)
    if login is None:
        return False

    def remember() -> None:
        if not remember_login(login):
            window.statusBar().showMessage(_("The system keyring did not keep the password; you will type it "
                                             "next time."), NOTICE_MS)

    return open_team_address(window, login.address(), remember=remember)


def open_team_address(window: MainWindow, address: ServerAddress | str,
                      remember: Callable[[], None] | None = None) -> bool:
    """Open the team plan at `address` (a ServerAddress or URL) in `window`, with live updates."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        document = TeamDocument.open(address, author=settings.user_name())
    except PlannerError as error:
        QApplication.restoreOverrideCursor()
        dialogs.show_error(window, _("Cannot Open Team Plan"), str(error))
        return False
    QApplication.restoreOverrideCursor()
    if remember is not None:
        remember()
    if not window.adopt(document):  # type: ignore[arg-type]
        return False
    link = TeamLink(window, document)
    link.start()
    window.team_link = link
    return True

