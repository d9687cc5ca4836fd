"""A team plan as an open document: what the app's controller and views use of a PlanDocument, on a TeamPlan.

Every edit is committed on the server at once, so there is nothing to save; Save As writes a local copy (a
checkout). Stale edits are resolved through `resolve_stale` (the app asks the user: reload theirs, keep mine, or
merge field by field); a connection lost during an edit is retried once (TeamPlan); when the server stays
unreachable the edit is not made and `on_unreachable` is told, so the user can continue on the last local copy.
A connection lost while the app reads the plan (a view refreshing) is told to `on_connection_lost`.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
import weakref
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

from planner.commands.base import Changes, Command
from planner.commands.rows import kind_of_table, table_of
from planner.errors import PlannerError
from planner.i18n import _
from planner.team.connection import ConnectionLostError, ServerAddress, ServerError, parse_server_address
from planner.team.live import ChangeListener
from planner.team.schema import plan_tables
from planner.team.session import HISTORY_KIND, StaleEditError, TeamPlan

RELOAD = "reload"  # take theirs: drop my edit, show the row as it is now
KEEP_MINE = "keep"  # re-read the row and make the same edit again
MERGE = "merge"  # re-read the row; mine for the fields the user picks, theirs for the other conflicting ones
KEEP_MINE_ATTEMPTS = 3  # "keep mine" or "merge" repeated when yet another user changes the row in between


@dataclass(frozen=True)
class MergeChoice:
    """The answer "merge" to a stale edit: of the conflicting fields, those where my value wins (`mine`); theirs
    stays in the others. The fields of my edit that did not conflict are always kept."""

    mine: frozenset[str]
    choice: str = MERGE


StaleAnswer = str | MergeChoice


class EditNotMade(PlannerError):
    """An edit that was not made, and the user already knows why (a stale edit reloaded, the server gone):
    the controller refreshes the views instead of showing this as an error."""

    already_reported = True

    def __init__(self, message: str, kinds: frozenset[str]) -> None:
        super().__init__(message)
        self.kinds = kinds


def _editor_can_write(session: Session) -> bool:
    table = table_of("initiative").name
    return bool(session.execute(text("SELECT has_table_privilege(current_user, :table, 'UPDATE')"),
                                {"table": table}).scalar_one())


class TeamDocument:
    """An open team plan. Use open(); close() when done. Offers the PlanDocument members the app uses."""

    saves_every_edit = True  # the controller applies before pushing, and never counts the plan as modified

    def __init__(self, team: TeamPlan, *, read_only_reason: str | None = None) -> None:
        self.team = team
        self.path: Path | None = None
        self.read_only_reason = read_only_reason
        self.warnings: list[str] = []
        self.closed = False
        self.resolve_stale: Callable[[StaleEditError], StaleAnswer] | None = None
        self.on_unreachable: Callable[[ServerError], None] | None = None
        # Told when the connection is lost while the plan is read (not during an edit): the app retries, or
        # offers a local copy.
        self.on_connection_lost: Callable[[ConnectionLostError], None] | None = None
        # The fields each merged edit left to the other user, so a redo merges the same way.
        self._kept_theirs: weakref.WeakKeyDictionary[Command, dict[tuple[str, str], frozenset[str]]] = \
            weakref.WeakKeyDictionary()
        self.last_copy: Path | None = None  # the last local copy written (Save As or the cache)
        self.listener: ChangeListener | None = None  # live updates (the app's), stopped on close
        self._cache_dir = Path(tempfile.mkdtemp(prefix="cplan-team-"))

    @classmethod
    def open(cls, url: str | ServerAddress, *, author: str = "") -> TeamDocument:
        """Connect to the team plan at `url`; read-only for a login that may not change rows (a viewer).
        ServerError when it cannot be reached, is not set up, or holds no plan yet."""
        address = url if isinstance(url, ServerAddress) else parse_server_address(url)
        team = TeamPlan.connect(address, author=author)
        try:
            if not team.info.plan_id:
                raise ServerError(_("The database {database} holds no plan yet; publish one with 'cplan server "
                                    "publish'.").format(database=address.database))
            with team.session() as session:
                writable = _editor_can_write(session)
            reason = None if writable else _("Your login on the server may only read this team plan (viewer).")
            document = cls(team, read_only_reason=reason)
            document.remember_all()
        except BaseException:
            team.close()
            raise
        return document

    # -- what the app shows ---------------------------------------------------------------------------------

    @property
    def address(self) -> ServerAddress:
        return self.team.address

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    @property
    def unsaved(self) -> bool:
        return False

    @property
    def engine(self) -> Engine:
        return self.team.engine

    @property
    def author(self) -> str:
        """Who the server records for this user's edits: the name set in the app, else the login on the server."""
        return self.team.author or self.address.url.username or ""

    @author.setter
    def author(self, name: str) -> None:
        from planner.history import clean_author

        self.team.author = clean_author(name or "")  # empty: the server records the login name (session_user)

    @property
    def server_label(self) -> str:
        """Where the plan lives, without any password: postgresql://user:***@host:port/database."""
        return self.address.masked

    @property
    def display_name(self) -> str:
        return self.team.info.plan_title or self.address.database

    @property
    def title_note(self) -> str:
        """What the window title adds after the plan's title."""
        if self.read_only:
            return _("team plan, read-only")
        return _("team plan")

    def title(self) -> str:
        from planner.model import Plan

        with self.session() as session:
            return session.execute(select(Plan.title)).scalar_one()

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A short session in one transaction on the server (ServerError when it cannot be reached; a lost
        connection is also told to `on_connection_lost`)."""
        if self.closed:
            raise PlannerError(_("The plan is closed."))
        try:
            with self.team.session() as session:
                yield session
        except ConnectionLostError as error:
            self._tell_connection_lost(error)
            raise

    def _tell_connection_lost(self, error: ConnectionLostError) -> None:
        if self.on_connection_lost is not None:
            self.on_connection_lost(error)

    def check_connection(self) -> None:
        """Reach the server on a new connection (ConnectionLostError when it cannot be reached)."""
        self.team.engine.dispose()
        with self.team.session() as session:
            session.execute(text("SELECT 1"))

    # -- editing ---------------------------------------------------------------------------------------------

    def apply(self, command: Command, *, redo: bool = False) -> Changes:
        return self._edit(command, "redo" if redo else "do")

    def revert(self, command: Command) -> Changes:
        return self._edit(command, "undo")

    def _edit(self, command: Command, action: str) -> Changes:
        if self.read_only:
            raise PlannerError(self.read_only_reason or "")
        attempts = 0
        keep_found = self._kept_theirs.get(command) if action == "redo" else None
        while True:
            try:
                if action == "undo":
                    return self.team.revert(command)
                changes = self.team.apply(command, redo=action == "redo", keep_found=keep_found)
                if keep_found:
                    with contextlib.suppress(TypeError):  # a command that cannot be weakly referred to: redo unmerged
                        self._kept_theirs[command] = dict(keep_found)
                return changes
            except StaleEditError as error:
                answer = self.resolve_stale(error) if self.resolve_stale is not None else None
                if answer is None:
                    raise
                if answer == RELOAD:
                    self.team.remember(error.kind, [error.row_id])  # the views show the row as it is now
                else:  # mine over what the user was shown: a change made while they chose is asked about again
                    self.team.remember_found(error)
                if isinstance(answer, MergeChoice) and error.fields and attempts < KEEP_MINE_ATTEMPTS:
                    attempts += 1
                    keep_found = dict(keep_found or {})
                    key = (error.kind, error.row_id)
                    # asked again about the same row: what was left to them before stays theirs unless picked now
                    theirs = (frozenset(error.fields) | frozenset(keep_found.get(key, ()))) - answer.mine
                    if theirs:
                        keep_found[key] = theirs
                    else:
                        keep_found.pop(key, None)
                    continue
                if answer == KEEP_MINE and attempts < KEEP_MINE_ATTEMPTS:
                    attempts += 1
                    continue
                raise EditNotMade(_("Your edit “{label}” was not made; the plan shows the other change.").format(
                    label=command.label), frozenset({error.kind})) from None
            except ConnectionLostError as error:
                if self.on_unreachable is None:
                    raise
                self.on_unreachable(error)
                raise EditNotMade(str(error), frozenset()) from None

    def remember_all(self, kinds: frozenset[str] | None = None) -> None:
        """Note the versions of every row (of `kinds`) as the user sees them now: edits made after this overwrite
        only what the user has seen; a later change by someone else to the same field is reported as stale."""
        wanted = [kind_of_table(table) for table in plan_tables() if kind_of_table(table) != HISTORY_KIND]
        for kind in wanted:
            if kinds is None or kind in kinds:
                self.team.remember(kind)

    # -- copies ----------------------------------------------------------------------------------------------

    def save(self) -> None:
        """Nothing to do: every edit is already committed on the server."""

    def save_as(self, target: Path | str) -> None:
        """Write a local copy of the team plan (a checkout that merges back); the document stays the team plan."""
        from planner.team.transfer import checkout_plan

        written, _result = checkout_plan(self.address, Path(target), force=True)
        self.last_copy = written

    def revert_to_saved(self) -> None:
        self.remember_all()

    def refresh_cache(self) -> Path:
        """Write the team plan as it is now to this document's own local copy (for "continue on a local copy"
        when the server becomes unreachable) and return it."""
        from planner.team.transfer import checkout_plan

        target = self._cache_dir / "team-plan.cplan"
        try:
            written, _result = checkout_plan(self.address, target, force=True)
        except ConnectionLostError as error:
            self._tell_connection_lost(error)
            raise
        self.last_copy = written
        return written

    @property
    def working_path(self) -> Path:
        """A fresh local copy of the plan, for the app's snapshots (PDF and exports read a copy)."""
        return self.refresh_cache()

    def close(self) -> None:
        if self.closed:
            return
        if self.listener is not None:
            self.listener.stop()
            self.listener = None
        self.team.close()
        shutil.rmtree(self._cache_dir, ignore_errors=True)
        self.closed = True

    def __enter__(self) -> TeamDocument:
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self.close()
