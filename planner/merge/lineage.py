"""Lineage of plan files: each save records a version (id, time, author, parents) with what it held, so the common
version of two files that share an ancestor is found, and rebuilt, from the files themselves.

How the content is kept (RCS-style): the newest version of a file holds its plan tables whole (zlib-compressed
JSON, without the history, which only grows); when a save supersedes it, it is replaced by the few changes that
turn the new content back into it. Any version back to the oldest one with content is rebuilt from the head by
applying those changes in turn. Only the newest KEEP_CONTENT versions keep content; older ones keep their ids.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from planner.errors import PlannerError
from planner.i18n import _
from planner.model.base import new_id, utc_now

Tables = dict[str, list[dict[str, Any]]]
Delta = dict[str, dict[str, Any]]  # kind -> id -> the row to put back (None: remove the row)

TABLE = "plan_version"
KEEP_CONTENT = 100  # versions whose content stays rebuildable (the rest keep only their ids)
MAX_SNAPSHOT_BYTES = 1 << 30  # a snapshot larger than this unpacked is refused (a zip bomb)
MAX_PARENTS = 16
MAX_NAME = 200  # a version's name and note, as planner.versions keeps them
MAX_NOTE = 2000
UNSNAPSHOTTED = ("change_log",)  # kinds a snapshot leaves out: the history only grows and merges alike
_TIME_FORMAT = "%Y-%m-%d %H:%M:%S.%f"


class LineageError(PlannerError):
    """A version's content cannot be rebuilt (missing, damaged, or too large)."""


class NoCommonVersion(PlannerError):
    """Two files share no saved version whose content is still in either of them."""


@dataclass(frozen=True)
class Version:
    """One row of plan_version."""

    id: str
    saved_at: str
    author: str = ""
    parents: tuple[str, ...] = ()
    scope: dict[str, Any] | None = None
    snapshot: bytes | None = None
    snapshot_of: str | None = None
    name: str = ""  # what the user called it (named versions, planner.versions); empty for most
    note: str = ""

    @property
    def named(self) -> bool:
        return bool(self.name or self.note)

    @property
    def has_content(self) -> bool:
        return self.snapshot is not None

    @property
    def whole(self) -> bool:
        return self.snapshot is not None and not self.snapshot_of

    def richness(self) -> int:
        return 2 if self.whole else 1 if self.has_content else 0


Versions = dict[str, Version]


# -- reading and packing ----------------------------------------------------------------------------------------


def _parents(text: Any) -> tuple[str, ...]:
    try:
        value = json.loads(text) if isinstance(text, str) else text
    except ValueError:
        return ()
    if not isinstance(value, list):
        return ()
    return tuple(str(item)[:36] for item in value[:MAX_PARENTS] if isinstance(item, str))


def _scope(text: Any) -> dict[str, Any] | None:
    try:
        value = json.loads(text) if isinstance(text, str) else text
    except ValueError:
        return None
    return value if isinstance(value, dict) and isinstance(value.get("rows"), dict) else None


def _has_name_columns(connection: sqlite3.Connection) -> bool:
    """Whether plan_version has the name and note columns (file format 9 on; an older file has not)."""
    columns = {row[1] for row in connection.execute(f"PRAGMA table_info({TABLE})")}
    return {"name", "note"} <= columns


def read_versions(connection: sqlite3.Connection) -> Versions:
    """Every version a plan file records, with its name and note (none for a file without the table); odd
    values are read leniently."""
    exists = connection.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (TABLE,)).fetchone()
    if not exists:
        return {}
    names = "name, note" if _has_name_columns(connection) else "NULL, NULL"
    found: Versions = {}
    for row in connection.execute(f"SELECT id, saved_at, author, parents, scope, snapshot, snapshot_of, {names} "
                                  f"FROM {TABLE}"):
        version_id, saved_at, author, parents, scope, snapshot, snapshot_of, name, note = row
        if not isinstance(version_id, str):
            continue
        found[version_id] = Version(version_id, str(saved_at or ""), str(author or ""), _parents(parents),
                                    _scope(scope), bytes(snapshot) if isinstance(snapshot, bytes) else None,
                                    snapshot_of if isinstance(snapshot_of, str) and snapshot_of else None,
                                    str(name or "")[:MAX_NAME], str(note or "")[:MAX_NOTE])
    return found


def read_versions_of(path: Path) -> Versions:
    connection = sqlite3.connect(f"file:{Path(path).as_posix()}?mode=ro", uri=True)
    try:
        return read_versions(connection)
    finally:
        connection.close()


# zlib level 1: a third of the time of the default level for a few per cent more bytes (a save of a
# 5,000-initiative plan spends its time here).
COMPRESSION_LEVEL = 1
# The tables of the version this process saved last, so the next save need not unpack them again.
_last_packed: tuple[str, Tables] | None = None


def pack(value: Any) -> bytes:
    return zlib.compress(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8"),
                         COMPRESSION_LEVEL)


def unpack(blob: bytes) -> Any:
    """The JSON a snapshot holds; LineageError when it is damaged or unpacks to more than MAX_SNAPSHOT_BYTES."""
    try:
        inflater = zlib.decompressobj()
        raw = inflater.decompress(blob, MAX_SNAPSHOT_BYTES)
        if inflater.unconsumed_tail:
            raise LineageError(_("A saved version is too large to unpack."))
        value = json.loads(raw.decode("utf-8"))
    except (zlib.error, ValueError, UnicodeDecodeError) as error:
        raise LineageError(_("A saved version is damaged: {reason}").format(reason=error)) from error
    if not isinstance(value, dict):
        raise LineageError(_("A saved version is damaged: {reason}").format(reason=type(value).__name__))
    return value


def content_tables(session: Session) -> Tables:
    """What a snapshot keeps of a plan: every kind's rows in the plan-JSON form, the history left out."""
    from planner.interchange.plan_json import plan_to_json

    tables = plan_to_json(session)["tables"]
    return {kind: rows for kind, rows in tables.items() if kind not in UNSNAPSHOTTED}


def file_content(path: Path) -> Tables:
    from planner.storage.document import make_engine

    engine = make_engine(path)
    try:
        with Session(engine) as session:
            return content_tables(session)
    finally:
        engine.dispose()


# -- changes between versions ------------------------------------------------------------------------------------


def _by_id(rows: Iterable[Any]) -> dict[str, dict[str, Any]]:
    return {row["id"]: row for row in rows if isinstance(row, dict) and isinstance(row.get("id"), str)}


def changes_back(newer: Mapping[str, list[dict[str, Any]]], older: Mapping[str, list[dict[str, Any]]]) -> Delta:
    """The changes that turn `newer` into `older`: for each kind, the rows to put back or (None) remove."""
    delta: Delta = {}
    for kind in dict.fromkeys([*newer, *older]):
        new_rows, old_rows = _by_id(newer.get(kind, [])), _by_id(older.get(kind, []))
        changes: dict[str, Any] = {row_id: row for row_id, row in old_rows.items() if new_rows.get(row_id) != row}
        changes.update({row_id: None for row_id in new_rows if row_id not in old_rows})
        if changes:
            delta[kind] = changes
    return delta


def apply_changes(tables: Mapping[str, list[dict[str, Any]]], delta: Mapping[str, Any]) -> Tables:
    result: Tables = {kind: list(rows) for kind, rows in tables.items()}
    for kind, changes in delta.items():
        if not isinstance(changes, dict):
            raise LineageError(_("A saved version is damaged: {reason}").format(reason=kind))
        rows = _by_id(result.get(kind, []))
        for row_id, row in changes.items():
            if row is None:
                rows.pop(row_id, None)
            elif isinstance(row, dict):
                rows[row_id] = row
        result[kind] = [rows[row_id] for row_id in sorted(rows)]
    return result


def _tables(value: Any) -> Tables:
    if not all(isinstance(rows, list) for rows in value.values()):
        raise LineageError(_("A saved version is damaged: {reason}").format(reason="tables"))
    return value


def rebuild(version_id: str, versions: Versions) -> Tables:
    """The plan tables of one version, from the versions known (LineageError when its content is gone)."""
    chain: list[bytes] = []
    seen: set[str] = set()
    current = version_id
    while True:
        version = versions.get(current)
        if version is None or version.snapshot is None or current in seen or len(seen) > len(versions):
            raise LineageError(_("The content of version {version} is no longer kept.").format(version=version_id))
        seen.add(current)
        if version.snapshot_of is None:
            tables = _tables(unpack(version.snapshot))
            break
        chain.append(version.snapshot)
        current = version.snapshot_of
    for blob in reversed(chain):
        tables = apply_changes(tables, unpack(blob))
    return tables


# -- the graph ---------------------------------------------------------------------------------------------------


def heads(versions: Versions) -> list[str]:
    """The versions no other version descends from (one per line of work; two after a merge until it is saved)."""
    parents = {parent for version in versions.values() for parent in version.parents}
    return sorted((version_id for version_id in versions if version_id not in parents),
                  key=lambda version_id: versions[version_id].saved_at)


def ancestors(versions: Versions, starts: Iterable[str]) -> set[str]:
    """The given versions and every version they descend from (ids only known as parents included)."""
    found: set[str] = set()
    pending = list(starts)
    while pending:
        current = pending.pop()
        if current in found:
            continue
        found.add(current)
        version = versions.get(current)
        if version is not None:
            pending.extend(version.parents)
    return found


def combined_names(first: Version, second: Version) -> tuple[str, str]:
    """The (name, note) of a version two files both record: the first file's name when both named it (the
    second's different name is then added to the note, "Also named “…”.", so nothing is lost), each note once."""
    if not second.named or (first.name, first.note) == (second.name, second.note):
        return first.name, first.note
    if not first.named:
        return second.name, second.note
    name = first.name or second.name
    notes = [first.note] if first.note else []
    if second.name and second.name != name:
        also = _("Also named “{name}”.").format(name=second.name)
        if also not in first.note:
            notes.append(also)
    if second.note and second.note not in first.note:
        notes.append(second.note)
    return name, "\n".join(notes)[:MAX_NOTE]


def with_names(version: Version, name: str, note: str) -> Version:
    return version if (version.name, version.note) == (name, note) else replace(version, name=name, note=note)


def union(*groups: Versions) -> Versions:
    """The versions of several files; a version known to several keeps the richest content (whole, changes, none)
    and its name and note as combined_names gives them, the earlier group first (ours before theirs)."""
    merged: Versions = {}
    for group in groups:
        for version_id, version in group.items():
            known = merged.get(version_id)
            if known is None:
                merged[version_id] = version
                continue
            name, note = combined_names(known, version)
            merged[version_id] = with_names(version if version.richness() > known.richness() else known, name, note)
    return merged


def scope_of(versions: Versions) -> dict[str, Any] | None:
    """The package scope of a file: its heads' scope when every head has the same one (None: the whole plan)."""
    scopes = [versions[version_id].scope for version_id in heads(versions)]
    if scopes and all(scope is not None and scope == scopes[0] for scope in scopes):
        return scopes[0]
    return None


@dataclass
class CommonVersion:
    """The version two files share, with its content rebuilt."""

    version: Version
    tables: Tables


def common_version(ours: Versions, theirs: Versions) -> CommonVersion:
    """The latest version both lines of work descend from whose content either file still holds.

    NoCommonVersion when they share none (or only versions whose content is no longer kept)."""
    known = union(ours, theirs)
    shared = ancestors(ours, heads(ours)) & ancestors(theirs, heads(theirs))
    candidates = sorted((known[version_id] for version_id in shared if version_id in known),
                        key=lambda version: version.saved_at, reverse=True)
    for candidate in candidates:
        try:
            return CommonVersion(candidate, rebuild(candidate.id, known))
        except LineageError:
            continue
    if shared:
        raise NoCommonVersion(_("The two files share versions, but neither keeps the content of one any more."))
    raise NoCommonVersion(_("The two files share no saved version."))


def fill_outside_scope(base: Tables, side: Tables, scope: Mapping[str, Any] | None) -> Tables:
    """A department package as a whole plan: every row of `base` outside the package's scope (never exported
    to it) is taken as unchanged, so the merge does not count it as deleted."""
    if scope is None:
        return side
    inside = {kind: set(ids) for kind, ids in scope.get("rows", {}).items() if isinstance(ids, list)}
    filled: Tables = {kind: list(rows) for kind, rows in side.items()}
    for kind, rows in base.items():
        present = {row["id"] for row in filled.get(kind, [])}
        scoped = inside.get(kind, set())
        extra = [row for row in rows if row["id"] not in scoped and row["id"] not in present]
        if extra:
            filled[kind] = sorted([*filled.get(kind, []), *extra], key=lambda row: row["id"])
    return filled


# -- recording a version -----------------------------------------------------------------------------------------


@dataclass
class VersionRecord:
    """A version to record in a plan file: the new row, the superseded versions turned into changes, the
    versions whose content is dropped, other files' versions to add. `write` applies it to a file (the saved
    file, then the same to the working copy, which holds the same versions)."""

    version: Version
    superseded: dict[str, bytes] = field(default_factory=dict)  # version id -> changes back from the new one
    dropped: list[str] = field(default_factory=list)
    added: list[Version] = field(default_factory=list)

    def write(self, path: Path) -> None:
        connection = sqlite3.connect(path, isolation_level=None)
        try:
            connection.execute("BEGIN")
            write_versions(connection, self.added)
            write_versions(connection, [self.version])
            connection.executemany(f"UPDATE {TABLE} SET snapshot = ?, snapshot_of = ? WHERE id = ?",
                                   [(blob, self.version.id, version_id) for version_id, blob in self.superseded.items()])
            connection.executemany(f"UPDATE {TABLE} SET snapshot = NULL, snapshot_of = NULL WHERE id = ?",
                                   [(version_id,) for version_id in self.dropped])
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise
        finally:
            connection.close()


def write_versions(connection: sqlite3.Connection, versions: Sequence[Version]) -> None:
    """Add versions with their names (a version already there keeps its row, unless it has lost content the new
    one has; its name and note stay first, combined with the new one's as combined_names does)."""
    present = read_versions(connection)
    has_names = _has_name_columns(connection)
    rows = []
    renamed = []
    for version in versions:
        known = present.get(version.id)
        name, note = (version.name, version.note) if known is None else combined_names(known, version)
        if known is not None and known.richness() >= version.richness():
            if (name, note) != (known.name, known.note):
                renamed.append((name or None, note or None, version.id))
            continue
        rows.append((version.id, version.saved_at, version.author[:200], json.dumps(list(version.parents)),
                     None if version.scope is None else json.dumps(version.scope, ensure_ascii=False),
                     version.snapshot, version.snapshot_of, name or None, note or None))
    if has_names:
        connection.executemany(f"INSERT OR REPLACE INTO {TABLE} (id, saved_at, author, parents, scope, snapshot, "
                               f"snapshot_of, name, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        connection.executemany(f"UPDATE {TABLE} SET name = ?, note = ? WHERE id = ?", renamed)
    else:  # a file of an older format has nowhere to keep names
        connection.executemany(f"INSERT OR REPLACE INTO {TABLE} (id, saved_at, author, parents, scope, snapshot, "
                               f"snapshot_of) VALUES (?, ?, ?, ?, ?, ?, ?)", [row[:7] for row in rows])


def prepare_version(tables: Tables, versions: Versions, author: str, *, parents: Sequence[str] | None = None,
                    scope: Any = ..., added: Sequence[Version] = (), now: datetime | None = None) -> VersionRecord:
    """The record of a new version holding `tables`, descended from `parents` (default: the heads of `versions`,
    the versions the file holds; `added` are other files' versions it takes in). A package scope is inherited
    when every parent has the same one."""
    known = union(versions, {version.id: version for version in added})
    parent_ids = list(dict.fromkeys(heads(known) if parents is None else parents))[:MAX_PARENTS]
    if scope is ...:
        scopes = [known[parent].scope for parent in parent_ids if parent in known]
        scope = scopes[0] if parent_ids and len(scopes) == len(parent_ids) and all(
            item is not None and item == scopes[0] for item in scopes) else None
    stamp = (now or utc_now()).strftime(_TIME_FORMAT)
    global _last_packed
    version = Version(new_id(), stamp, author, tuple(parent_ids), scope, pack(tables), None)
    record = VersionRecord(version, added=list(added))
    for parent in parent_ids:
        previous = known.get(parent)
        if previous is None or not previous.whole or previous.snapshot is None:
            continue
        if _last_packed is not None and _last_packed[0] == parent:
            older = _last_packed[1]
        else:
            try:
                older = _tables(unpack(previous.snapshot))
            except LineageError:
                record.dropped.append(parent)
                continue
        record.superseded[parent] = pack(changes_back(tables, older))
    _last_packed = (version.id, tables)
    after = {**known, version.id: version}
    for version_id, blob in record.superseded.items():
        after[version_id] = replace(after[version_id], snapshot=blob, snapshot_of=version.id)
    with_content = sorted((item for item in after.values() if item.has_content), key=lambda item: item.saved_at,
                          reverse=True)
    record.dropped += [item.id for item in with_content[KEEP_CONTENT:] if item.id != version.id]
    return record


def record_version(path: Path, author: str, **options: Any) -> VersionRecord:
    """Record a new version of the plan file `path` (its current content), written into the file; returns the
    record, so the same can be written to another copy holding the same versions."""
    record = prepare_version(file_content(path), read_versions_of(path), author, **options)
    record.write(path)
    return record


def record_first_version(path: Path) -> None:
    """A plan file just made (cplan new, demo, synth, import --out, ...) starts its lineage: copies of it share
    this version. Files that already record versions (a merged plan, a package) are left as they are."""
    from planner.history import login_name

    connection = sqlite3.connect(path)
    try:
        exists = connection.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                                    (TABLE,)).fetchone()
        has_versions = bool(exists) and connection.execute(f"SELECT count(*) FROM {TABLE}").fetchone()[0] > 0
    finally:
        connection.close()
    if exists and not has_versions:
        record_version(path, login_name())


def recording_first_version(build: Any) -> Any:
    """`build` (writes a new plan file at a path), then its first version recorded."""
    def build_and_record(path: Path) -> None:
        build(path)
        record_first_version(path)

    return build_and_record


# -- files -------------------------------------------------------------------------------------------------------


@dataclass
class PlanFile:
    """A plan file read for merging: its tables (plan-JSON form, as the app opens it) and versions."""

    path: Path
    tables: Tables
    versions: Versions


def read_plan_file(path: Path) -> PlanFile:
    """A plan file as the merge reads it (validated and opened read-only as the app opens it)."""
    from planner.cli import opened_plan
    from planner.interchange.plan_json import plan_to_json

    with opened_plan(path, read_only=True) as document:
        with document.session() as session:
            tables = plan_to_json(session)["tables"]
        document.engine.dispose()
        versions = read_versions_of(document.working_path)
    return PlanFile(Path(path), tables, versions)


def version_text(version: Version) -> str:
    """'2026-03-02 14:05 by 김담당' (the time as recorded, UTC)."""
    when = version.saved_at[:16]
    return _("{time} by {author}").format(time=when, author=version.author) if version.author else when


def merge_inputs(ours: Tables, our_versions: Versions, theirs: Tables,
                 their_versions: Versions) -> tuple[Tables, Tables, Tables, Version]:
    """(base, ours, theirs, the common version) for merging two lines of work without a base file: the base is
    rebuilt from the files' lineage, and a department package is completed with the base's rows outside its
    scope. NoCommonVersion when the files share no version with content."""
    common = common_version(our_versions, their_versions)
    ours = fill_outside_scope(common.tables, ours, scope_of(our_versions))
    theirs = fill_outside_scope(common.tables, theirs, scope_of(their_versions))
    return common.tables, ours, theirs, common.version
