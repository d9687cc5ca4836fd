"""Named versions: list a plan file's saved versions, give one a name and a note, restore one as a new plan."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from planner.errors import PlannerError
from planner.i18n import _
from planner.merge import lineage
from planner.merge.lineage import TABLE, Version, Versions

MAX_NAME = 200
MAX_NOTE = 2000


class VersionError(PlannerError):
    """A version cannot be named or restored (unknown id, content no longer kept, a file of an older format)."""


@dataclass(frozen=True)
class VersionInfo:
    """One saved version as the user sees it: when, by whom, what it is called, whether it can be rebuilt."""

    id: str
    saved_at: str
    author: str
    name: str
    note: str
    parents: tuple[str, ...]
    rebuildable: bool
    head: bool

    @property
    def time_text(self) -> str:
        """'2026-03-02 23:05': when it was saved, in this computer's time zone (recorded in UTC)."""
        try:
            recorded = datetime.strptime(self.saved_at[:19], "%Y-%m-%d %H:%M:%S")
        except ValueError:  # a hand-made or damaged record: shown as it is
            return self.saved_at[:16]
        return recorded.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "saved_at": self.saved_at, "author": self.author, "name": self.name,
                "note": self.note, "parents": list(self.parents), "content": self.rebuildable, "head": self.head}


def _has_name_columns(connection: sqlite3.Connection) -> bool:
    columns = {row[1] for row in connection.execute(f"PRAGMA table_info({TABLE})")}
    return {"name", "note"} <= columns


def read_names(connection: sqlite3.Connection) -> dict[str, tuple[str, str]]:
    """version id -> (name, note) for every named version (none in a file of an older format)."""
    exists = connection.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (TABLE,)).fetchone()
    if not exists or not _has_name_columns(connection):
        return {}
    found: dict[str, tuple[str, str]] = {}
    for version_id, name, note in connection.execute(f"SELECT id, name, note FROM {TABLE}"):
        if isinstance(version_id, str) and (name or note):
            found[version_id] = (str(name or "")[:MAX_NAME], str(note or "")[:MAX_NOTE])
    return found


def rebuildable(version_id: str, versions: Versions) -> bool:
    """Whether the content of a version can be rebuilt: its chain of changes reaches a whole snapshot (checked
    without unpacking anything; a damaged snapshot is only found when it is rebuilt)."""
    seen: set[str] = set()
    current = version_id
    while True:
        version = versions.get(current)
        if version is None or version.snapshot is None or current in seen:
            return False
        if version.snapshot_of is None:
            return True
        seen.add(current)
        current = version.snapshot_of


def version_infos(versions: Versions, names: dict[str, tuple[str, str]]) -> list[VersionInfo]:
    """The versions, newest first."""
    head_ids = set(lineage.heads(versions))
    infos = [VersionInfo(version.id, version.saved_at, version.author,
                         *names.get(version.id, (version.name, version.note)),
                         version.parents, rebuildable(version.id, versions), version.id in head_ids)
             for version in versions.values()]
    return sorted(infos, key=lambda info: (info.saved_at, info.id), reverse=True)


def _connect_read_only(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(f"file:{Path(path).as_posix()}?mode=ro", uri=True)
    connection.execute("PRAGMA trusted_schema = OFF")
    return connection


def list_versions(path: Path) -> list[VersionInfo]:
    """Every version a plan file records, newest first (the file is validated first; PlanFileError if it is
    not a plan)."""
    from planner.storage.validate import validate_plan_file

    validate_plan_file(path)
    connection = _connect_read_only(Path(path))
    try:
        return version_infos(lineage.read_versions(connection), read_names(connection))
    finally:
        connection.close()


def find_version(versions: Versions, version_id: str) -> Version:
    """The version `version_id` names; a unique prefix of at least 4 characters is enough (as git allows)."""
    text = version_id.strip().lower()
    if text in versions:
        return versions[text]
    matches = [key for key in versions if len(text) >= 4 and key.lower().startswith(text)]
    if len(matches) == 1:
        return versions[matches[0]]
    if len(matches) > 1:
        raise VersionError(_("{version} matches several versions; give more of its id.").format(version=version_id))
    raise VersionError(_("The plan has no version {version}.").format(version=version_id))


def write_name(connection: sqlite3.Connection, version_id: str, name: str, note: str | None) -> None:
    """Set a version's name (and note, unless None) in an open plan database (one of this format)."""
    if not _has_name_columns(connection):
        raise VersionError(_("The plan file is of an older format; open and save it in the app first."))
    clean_name = " ".join(name.split())[:MAX_NAME] or None
    if note is None:
        connection.execute(f"UPDATE {TABLE} SET name = ? WHERE id = ?", (clean_name, version_id))
    else:
        connection.execute(f"UPDATE {TABLE} SET name = ?, note = ? WHERE id = ?",
                           (clean_name, note.strip()[:MAX_NOTE] or None, version_id))


def _name_in_file(path: Path, version_id: str, name: str, note: str | None) -> None:
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA trusted_schema = OFF")
        connection.execute("BEGIN")
        write_name(connection, version_id, name, note)
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
    finally:
        connection.close()


def name_version(path: Path, version_id: str, name: str, note: str | None = None) -> VersionInfo:
    """Name a version of a plan file that is not open: the file is replaced whole (a copy written beside it,
    checked, renamed over it), never written in place. Returns the named version."""
    from planner.cli import write_plan_file
    from planner.storage.document import copy_database
    from planner.storage.validate import validate_plan_file

    path = Path(path)
    report = validate_plan_file(path)
    if report.needs_migration:
        raise VersionError(_("The plan file is of an older format; open and save it in the app first."))
    version = find_version(lineage.read_versions_of(path), version_id)

    def build(target: Path) -> None:
        copy_database(path, target)
        _name_in_file(target, version.id, name, note)

    write_plan_file(path, build, force=True)
    validate_plan_file(path)
    return next(info for info in list_versions(path) if info.id == version.id)


def name_document_version(document: Any, version_id: str, name: str, note: str | None = None) -> None:
    """Name a version of an open plan (a PlanDocument holding its file's lock): the name goes into the working
    copy and into the saved file (replaced whole), both of which hold the version."""
    from planner.atomic_files import replace_atomically
    from planner.storage.document import copy_database

    if document.path is None or document.read_only:
        raise VersionError(_("Only a saved plan that is open for editing can name its versions."))
    path = Path(document.path)

    def build(target: Path) -> None:
        copy_database(path, target)
        _name_in_file(target, version_id, name, note)

    document.engine.dispose()
    replace_atomically(path, build)
    _name_in_file(Path(document.working_path), version_id, name, note)


def latest_version_id(path: Path) -> str | None:
    """The version a save just recorded: the newest one the file holds."""
    versions = lineage.read_versions_of(Path(path))
    newest = max(versions.values(), key=lambda version: (version.saved_at, version.id), default=None)
    return newest.id if newest else None


# -- restoring ---------------------------------------------------------------------------------------------------


def version_tables(path: Path, version_id: str) -> tuple[Version, Versions, dict[str, list[dict[str, Any]]]]:
    """(the version, every version of the file, its plan tables checked as a plan file takes them)."""
    from planner.interchange.plan_json import FORMAT_NAME, FORMAT_VERSION, read_plan_json, render_plan_json
    from planner.storage.schema import SCHEMA_VERSION
    from planner.storage.validate import validate_plan_file

    validate_plan_file(path)
    versions = lineage.read_versions_of(Path(path))
    version = find_version(versions, version_id)
    try:
        tables = lineage.rebuild(version.id, versions)
    except lineage.LineageError as error:
        raise VersionError(_("Version {version} cannot be restored: {reason}").format(
            version=version.id[:8], reason=str(error))) from error
    document = {"format": FORMAT_NAME, "format_version": FORMAT_VERSION, "schema_version": SCHEMA_VERSION,
                "exported_at": version.saved_at, "tables": tables}
    checked, report = read_plan_json(render_plan_json(document))
    if not report.ok:
        raise VersionError(_("Version {version} cannot be restored; its content failed the checks: {problems}")
                           .format(version=version.id[:8], problems="; ".join(report.lines(10))))
    return version, versions, checked


def _record_restored_lineage(path: Path, version: Version, versions: Versions,
                             tables: dict[str, list[dict[str, Any]]]) -> None:
    """The restored file shares the lineage: it records the restored version and the versions it descends from
    (by id; only the restored one keeps content), and a new version of its own descended from it. `tables` is
    the new file's content."""
    from planner.history import login_name

    kept = lineage.ancestors(versions, [version.id])
    added = [replace(versions[version_id], snapshot=None, snapshot_of=None)
             for version_id in kept if version_id in versions and version_id != version.id]
    added.append(replace(version, snapshot=lineage.pack(tables), snapshot_of=None))
    record = lineage.prepare_version(tables, {}, login_name(), parents=[version.id],
                                     added=added)
    record.write(path)


def restore_version(path: Path, version_id: str, target: Path, *, force: bool = False) -> Path:
    """Write version `version_id` of the plan file `path` as the new plan file `target` (atomically; an existing
    file only with `force`). The new file shares the lineage, so it merges with the original later."""
    from planner.cli import CommandLineError, write_plan_file
    from planner.merge.files import _insert_tables
    from planner.storage.create import create_empty_database
    from planner.storage.document import make_engine
    from planner.storage.validate import validate_plan_file

    path, target = Path(path), Path(target)
    if target.exists() and path.exists() and target.resolve() == path.resolve():
        raise CommandLineError(_("{file} is the plan the version comes from; restore it to a new file.").format(
            file=target))
    version, versions, tables = version_tables(path, version_id)

    def build(new_path: Path) -> None:
        create_empty_database(new_path)
        engine = make_engine(new_path)
        try:
            with engine.begin() as connection:
                _insert_tables(connection, tables)
        finally:
            engine.dispose()
        # the versions keep their names and notes (lineage.Version carries them)
        _record_restored_lineage(new_path, version, versions, lineage.file_content(new_path))

    written = write_plan_file(target, build, force=force)
    validate_plan_file(written)
    return written


def restore_for_reading(path: Path, version_id: str, folder: Path, *, stem: str = "") -> Path:
    """Write a version into `folder` (a temporary folder) for opening read-only; the file is named after the plan
    (`stem`, else the file's) and the version's time."""
    version = find_version(lineage.read_versions_of(Path(path)), version_id)
    stamp = version.saved_at[:16].replace(":", "").replace(" ", "-")
    return restore_version(path, version.id, Path(folder) / f"{stem or Path(path).stem} ({stamp}).cplan")
