"""Editing a team plan on PostgreSQL with the same Command classes as a file, with optimistic concurrency.

A TeamPlan remembers the version of each row its user has read (read_rows, remember). An edit runs the command
in one transaction; the server's trigger notes every row the command touched with the values it had just before
(planner.team.schema). Before committing, the edit is compared with what the user read: when a row it changes or
deletes has a newer version, and another user changed one of the very fields this edit changes (or any field of
a row this edit deletes), the transaction is rolled back and StaleEditError names who changed it and when.
Changes to other fields of the same row, or to other rows, are kept on both sides.

Every edit (do, undo, redo) writes its change_log entry in the same transaction (planner.history.record_team_edit),
with an id made before the first attempt: when the connection breaks as the edit commits, the retry first looks
that entry up, so an edit that did arrive is neither made twice nor reported as failed.
"""

from __future__ import annotations

import contextlib
import json
import time
import uuid
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, func, literal_column, select, text
from sqlalchemy.orm import Session

from planner.commands.base import Changes, Command
from planner.commands.rows import KIND_LABELS, kind_of_table, read_row, table_of
from planner.errors import PlannerError
from planner.history import TouchedRow, record_team_edit
from planner.i18n import _
from planner.model import ChangeLogEntry, new_id
from planner.model.attributes import ATTRIBUTES
from planner.model.rules import check_row
from planner.team.connection import (
    ConnectionLostError,
    ServerAddress,
    make_server_engine,
    parse_server_address,
    server_errors,
)
from planner.team.schema import (
    AUTHOR_SETTING,
    HISTORY_TABLE,
    TOUCHED_TABLE,
    TOUCHED_TABLE_SQL,
    VERSION_COLUMN,
    VERSION_COLUMNS,
    ServerPlanInfo,
    plan_tables,
    require_team_database,
)

# Columns that change with every edit; a difference in them alone is no conflict.
BOOKKEEPING_COLUMNS = frozenset({*VERSION_COLUMNS, "modified_at"})
READ_CHUNK = 1_000
# The channel every committed edit is announced on (planner.team.live listens): a JSON payload with the
# editing TeamPlan's client id (so it can ignore its own), the author and the kinds of row that changed.
CHANGES_CHANNEL = "cplan_changes"
HISTORY_KIND = HISTORY_TABLE  # written by every edit, never edited: no version is remembered for it
# Which fields of which rows an edit leaves as it finds them ("merge": theirs for these, mine for the rest).
KeepFound = Mapping[tuple[str, str], Collection[str]]


def change_payload(client: str, author: str, kinds: Iterable[str]) -> str:
    """The NOTIFY payload of one edit (well under PostgreSQL's 8000-byte limit: kinds are short names); `at`
    is the sender's clock just before its commit (for measuring how soon others hear of it)."""
    return json.dumps({"client": client, "by": author[:100], "kinds": sorted(set(kinds)), "at": time.time()},
                      ensure_ascii=False)


class StaleEditError(PlannerError):
    """Someone else changed (or deleted) a row this edit changes since it was read; nothing was written.

    `changed_by` and `changed_at` say who made the last change and when; `fields` which fields both changed
    (empty when the edit deletes the row); `theirs` and `mine` the value of each of those fields on the server
    now and in this edit (as PostgreSQL's to_jsonb writes them; planner.history.json_row_value reads them);
    `found` the row as the server had it (its version and values), which the user is shown and answers about."""

    def __init__(self, kind: str, row_id: str, label: str, changed_by: str, changed_at: datetime | None,
                 fields: list[str], *, theirs: Mapping[str, Any] | None = None,
                 mine: Mapping[str, Any] | None = None, found: SeenRow | None = None) -> None:
        self.kind = kind
        self.row_id = row_id
        self.label = label
        self.changed_by = changed_by
        self.changed_at = changed_at
        self.fields = fields
        self.theirs = dict(theirs or {})
        self.mine = dict(mine or {})
        self.found = found
        when = changed_at.astimezone().strftime("%Y-%m-%d %H:%M:%S") if changed_at else "?"
        noun = _(KIND_LABELS.get(kind, kind))
        if fields:
            message = _("{name} changed the {kind} “{label}” at {time} after you read it ({fields}); your edit was "
                        "not made. Reload it, keep yours or merge.")
        else:
            message = _("{name} changed the {kind} “{label}” at {time} after you read it; your edit was not made. "
                        "Reload it, keep yours or merge.")
        super().__init__(message.format(name=changed_by or "?", kind=noun, label=label, time=when,
                                        fields=", ".join(_field_label(kind, name) for name in fields)))


def _field_label(kind: str, name: str) -> str:
    for candidate in ATTRIBUTES.get(kind, ()):
        if candidate.name == name:
            return _(candidate.label)
    return name


def _row_label(values: dict[str, Any]) -> str:
    for name in ("code", "title", "name", "key"):
        value = values.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()[:60]
    return str(values.get("id", ""))


@dataclass(frozen=True)
class SeenRow:
    """A row as its user last read it: its version and its values as the server writes them in JSON."""

    version: int
    values: dict[str, Any]


@dataclass
class _Touched:
    """What one edit did to one row: the first old state it found and the last new state it left."""

    kind: str
    row_id: str
    operations: list[str] = field(default_factory=list)
    old_version: int | None = None
    old_changed_by: str = ""
    old_changed_at: datetime | None = None
    old_row: dict[str, Any] | None = None
    new_version: int | None = None
    new_row: dict[str, Any] | None = None
    changed_fields: set[str] = field(default_factory=set)


@dataclass
class _Committing:
    """What an attempt of an edit had done when it reached its commit (kept in case the connection breaks then)."""

    changes: Changes | None = None
    touched: list[_Touched] = field(default_factory=list)


def _as_dict(value: Any) -> dict[str, Any] | None:
    if value is None:
        return None
    return value if isinstance(value, dict) else json.loads(value)


class TeamPlan:
    """A plan shared on a PostgreSQL server, edited with the planner's Command classes unchanged.

    Use connect(); close() when done. Each edit runs in its own short transaction, like PlanDocument's."""

    def __init__(self, address: ServerAddress, engine: Engine, info: ServerPlanInfo, author: str = "") -> None:
        self.address = address
        self.engine = engine
        self.info = info
        self.author = author
        self._seen: dict[tuple[str, str], SeenRow] = {}
        self.closed = False
        # Told (in the editing thread) when an edit was retried after the connection broke.
        self.on_notice: Callable[[str], None] | None = None
        self.client_id = uuid.uuid4().hex

    @classmethod
    def connect(cls, url: str | ServerAddress, *, author: str = "") -> TeamPlan:
        """Open the team plan at `url` (ServerError when it cannot be reached, is not set up, or is another format)."""
        address = url if isinstance(url, ServerAddress) else parse_server_address(url)
        engine = make_server_engine(address)
        try:
            with server_errors(address), engine.connect() as connection:
                info = require_team_database(connection, address.database)
        except BaseException:
            engine.dispose()
            raise
        return cls(address, engine, info, author)

    def close(self) -> None:
        if not self.closed:
            self.engine.dispose()
            self.closed = True

    def __enter__(self) -> TeamPlan:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- reading --------------------------------------------------------------------------------------------

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A short session in one transaction that names the author to the server's trigger: committed on
        success, rolled back on any error; driver errors arrive as ServerError."""
        if self.closed:
            raise PlannerError(_("The plan is closed."))
        with server_errors(self.address), Session(self.engine, expire_on_commit=False) as session, session.begin():
            session.execute(text("SELECT set_config(:name, :author, true)"),
                            {"name": AUTHOR_SETTING, "author": self.author})
            yield session

    def read_rows(self, kind: str, ids: Iterable[str] | None = None) -> list[dict[str, Any]]:
        """Rows of one kind (all, or those with `ids`) as plain dicts, remembering the version of each as read."""
        table = table_of(kind)
        whole_row = func.to_jsonb(literal_column(self.engine.dialect.identifier_preparer.quote(table.name)))
        version = literal_column(f"{self.engine.dialect.identifier_preparer.quote(table.name)}.{VERSION_COLUMN}")
        statement = select(table, version.label("_cplan_version"), whole_row.label("_cplan_row"))
        wanted = None if ids is None else list(dict.fromkeys(ids))
        found: list[dict[str, Any]] = []
        with self.session() as session:
            batches = [None] if wanted is None else [wanted[i:i + READ_CHUNK] for i in range(0, len(wanted), READ_CHUNK)]
            for batch in batches:
                query = statement if batch is None else statement.where(table.c.id.in_(batch))
                for row in session.execute(query.order_by(table.c.id)).mappings():
                    values = dict(row)
                    seen_version = values.pop("_cplan_version")
                    whole = _as_dict(values.pop("_cplan_row")) or {}
                    self._seen[(kind, values["id"])] = SeenRow(int(seen_version), whole)
                    found.append(values)
        return found

    def remember(self, kind: str, ids: Iterable[str] | None = None) -> None:
        """Note the current version of rows the user is looking at (what read_rows does, without the rows):
        after a StaleEditError, remembering the row again is "keep mine" — the next edit overwrites."""
        self.read_rows(kind, ids)

    def remember_found(self, error: StaleEditError) -> None:
        """Take the row a stale edit found as read — as the user was shown it when asked — so the next edit
        overwrites that state only: a change made while the user was choosing is reported again."""
        if error.found is None:
            self.remember(error.kind, [error.row_id])
        else:
            self._seen[(error.kind, error.row_id)] = error.found

    def forget(self, kind: str, ids: Iterable[str]) -> None:
        for row_id in ids:
            self._seen.pop((kind, row_id), None)

    def seen_version(self, kind: str, row_id: str) -> int | None:
        seen = self._seen.get((kind, row_id))
        return None if seen is None else seen.version

    # -- editing --------------------------------------------------------------------------------------------

    def apply(self, command: Command, *, redo: bool = False, keep_found: KeepFound | None = None) -> Changes:
        """Apply a command in its own transaction on the server (recorded in the history; `redo` when it was
        undone before); StaleEditError (nothing written) when it would overwrite another user's newer change to a
        row this user read. `keep_found` names fields of rows the edit leaves as it finds them (a merge)."""
        return self._edit(command, "redo" if redo else "do", keep_found)

    def revert(self, command: Command) -> Changes:
        """Undo a command applied earlier, in its own transaction (checked and recorded like apply)."""
        return self._edit(command, "undo", None)

    def _edit(self, command: Command, action: str, keep_found: KeepFound | None) -> Changes:
        """One edit; when the connection breaks during it, the broken connections are dropped and, on a new one,
        the edit's history entry is looked up: found, the edit was committed as the connection broke (it is not
        made again); not found, the same edit is tried once more, with a notice. ConnectionLostError when the
        server cannot be reached again (the caller still holds the command)."""
        edit_id = new_id()
        first = _Committing()
        try:
            return self._edit_once(command, action, edit_id, keep_found, first)
        except ConnectionLostError:
            self.engine.dispose()
        if first.changes is not None and self._was_committed(edit_id, command):
            return self._committed_before(command, first)
        retried = _Committing()
        try:
            changes = self._edit_once(command, action, edit_id, keep_found, retried)
        except PlannerError:
            # The retry broke as it committed, or the first attempt was still committing on the server when the
            # retry began (the entry's id is unique: at most one attempt is committed, and the entry says which).
            reached_commit = retried if retried.changes is not None else first
            if reached_commit.changes is not None and self._was_committed(edit_id, command):
                return self._committed_before(command, reached_commit)
            raise
        self._notify(_("The connection to the server was lost during your edit; it was restored and the edit "
                       "“{label}” was made.").format(label=command.label))
        return changes

    def _was_committed(self, edit_id: str, command: Command) -> bool:
        """Whether the edit's history entry is on the server (the edit was committed). ConnectionLostError saying
        the outcome is unknown when the server cannot be asked."""
        try:
            with self.session() as session:
                found = session.execute(select(ChangeLogEntry.id).where(ChangeLogEntry.id == edit_id)).first()
        except ConnectionLostError as error:
            unknown = ConnectionLostError(_("The connection to the server was lost while your edit “{label}” was "
                                            "being saved, and the server cannot be reached to tell whether it "
                                            "arrived: {reason}").format(label=command.label, reason=error))
            unknown.outcome_unknown = True
            raise unknown from None
        return found is not None

    def _committed_before(self, command: Command, committing: _Committing) -> Changes:
        self._note_seen(committing.touched)
        self._notify(_("The connection to the server was lost just as your edit “{label}” was saved; the server "
                       "has it, saved once.").format(label=command.label))
        assert committing.changes is not None
        return committing.changes

    def _notify(self, message: str) -> None:
        if self.on_notice is not None:
            self.on_notice(message)

    def _edit_once(self, command: Command, action: str, edit_id: str, keep_found: KeepFound | None,
                   committing: _Committing) -> Changes:
        with self.session() as session:
            session.execute(text(TOUCHED_TABLE_SQL))
            session.execute(text("SET CONSTRAINTS ALL DEFERRED"))
            changes = command.revert(session) if action == "undo" else command.apply(session)
            if keep_found:
                self._keep_as_found(session, keep_found)
            touched = self._touched(session)
            self._refuse_stale(touched)
            login, now = session.execute(text(
                "SELECT session_user, (clock_timestamp() AT TIME ZONE 'UTC')")).one()
            author = self.author or self.address.url.username or login
            record_team_edit(session, command, changes, action, author,
                             [TouchedRow(row.kind, row.row_id, row.old_row, row.new_row) for row in touched],
                             entry_id=edit_id, at=now)
            kinds = set(changes.kinds) | {row.kind for row in touched} | {HISTORY_KIND}
            # delivered by the server at commit, and only if the edit commits
            session.execute(text("SELECT pg_notify(:channel, :payload)"),
                            {"channel": CHANGES_CHANNEL, "payload": change_payload(self.client_id, author, kinds)})
            committing.changes, committing.touched = changes, touched
        self._note_seen(touched)
        return changes

    def _note_seen(self, touched: list[_Touched]) -> None:
        for row in touched:
            if row.new_row is None or row.new_version is None:
                self._seen.pop((row.kind, row.row_id), None)
            else:
                self._seen[(row.kind, row.row_id)] = SeenRow(row.new_version, row.new_row)

    def _keep_as_found(self, session: Session, keep_found: KeepFound) -> None:
        """Put the named fields of rows the command changed back to the values they had when this edit began
        (another user's, in a merge), then check the row's rules on the result."""
        found = {(row.kind, row.row_id): row for row in self._touched(session)}
        quote = self.engine.dialect.identifier_preparer.quote
        for (kind, row_id), names in keep_found.items():
            row = found.get((kind, row_id))
            table = table_of(kind)
            wanted = [name for name in names if name in table.c and name != "id" and name not in BOOKKEEPING_COLUMNS]
            if row is None or row.old_row is None or row.new_row is None or not wanted:
                continue
            assignments = ", ".join(f"{quote(name)} = found.{quote(name)}" for name in wanted)
            session.execute(text(
                f"UPDATE {quote(table.name)} AS target SET {assignments} "
                f"FROM jsonb_populate_record(NULL::{quote(table.name)}, CAST(:found AS jsonb)) AS found "
                "WHERE target.id = :row_id"), {"found": json.dumps(row.old_row), "row_id": row_id})
            check_row(session, kind, read_row(session, kind, row_id), row_id)

    def _touched(self, session: Session) -> list[_Touched]:
        kinds = {table.name: kind_of_table(table) for table in plan_tables()}
        by_row: dict[tuple[str, str], _Touched] = {}
        result = session.execute(text(
            f"SELECT table_name, row_id, operation, old_version, old_changed_by, old_changed_at, old_row, "
            f"new_version, new_row FROM pg_temp.{TOUCHED_TABLE} ORDER BY seq"))
        for entry in result.mappings():
            kind = kinds.get(entry["table_name"], entry["table_name"])
            key = (kind, entry["row_id"])
            row = by_row.get(key)
            if row is None:
                row = by_row[key] = _Touched(kind, entry["row_id"])
                row.old_version = entry["old_version"]
                row.old_changed_by = entry["old_changed_by"] or ""
                row.old_changed_at = entry["old_changed_at"]
                row.old_row = _as_dict(entry["old_row"])
            row.operations.append(entry["operation"])
            old, new = _as_dict(entry["old_row"]), _as_dict(entry["new_row"])
            if old is not None and new is not None:
                row.changed_fields |= {name for name in new if name not in BOOKKEEPING_COLUMNS
                                       and new.get(name) != old.get(name)}
            row.new_version = entry["new_version"]
            row.new_row = new
        return list(by_row.values())

    def _refuse_stale(self, touched: list[_Touched]) -> None:
        for row in touched:
            seen = self._seen.get((row.kind, row.row_id))
            if seen is None or row.old_row is None or row.old_version == seen.version:
                continue  # never read, added by this edit, or unchanged since it was read
            if "DELETE" in row.operations:
                conflicting: list[str] = []
            else:
                changed_since = {name for name in row.old_row if name not in BOOKKEEPING_COLUMNS
                                 and row.old_row.get(name) != seen.values.get(name)}
                conflicting = sorted(row.changed_fields & changed_since)
                if not conflicting:
                    continue
            raise StaleEditError(row.kind, row.row_id, _row_label(row.old_row), row.old_changed_by,
                                 row.old_changed_at, conflicting,
                                 theirs={name: row.old_row.get(name) for name in conflicting},
                                 mine={name: (row.new_row or {}).get(name) for name in conflicting},
                                 found=None if row.old_version is None else SeenRow(row.old_version, row.old_row))
