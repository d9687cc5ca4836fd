"""Open-time validation of a plan file: every check runs read-only, before anything is written."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from planner.errors import PlanFileError
from planner.i18n import _
from planner.storage.schema import (
    ALEMBIC_VERSION_TABLE,
    APPLICATION_ID,
    REVISIONS,
    SCHEMA_VERSION,
    schema_differences,
)

SQLITE_HEADER = b"SQLite format 3\x00"
_HEADER_SIZE = 100


@dataclass(frozen=True)
class FileReport:
    """What validation learned about a sound plan file."""

    path: Path
    schema_version: int
    title: str

    @property
    def needs_migration(self) -> bool:
        return self.schema_version < SCHEMA_VERSION


def _describe_foreign_header(head: bytes) -> str:
    if head.startswith(b"PK\x03\x04"):
        return _("It is a ZIP archive (for example an Excel or HWPX file), not a plan.")
    if head.startswith(b"%PDF"):
        return _("It is a PDF document, not a plan.")
    if head.lstrip().startswith((b"<?xml", b"<")):
        return _("It is an XML or HTML document, not a plan.")
    if head.strip(b"\x00") == b"":
        return _("It contains only zero bytes; the file was damaged, perhaps by a power cut.")
    return _("It is not a Convergence Planner plan (not an SQLite database).")


def open_read_only(path: Path) -> sqlite3.Connection:
    """Open a database file strictly read-only, running none of its code on the way."""
    uri = "file:" + path.resolve().as_posix().replace("?", "%3F").replace("#", "%23") + "?mode=ro"
    connection = sqlite3.connect(uri, uri=True, isolation_level=None)
    connection.execute("PRAGMA trusted_schema = OFF")
    connection.execute("PRAGMA query_only = ON")
    return connection


def validate_plan_file(path: Path | str) -> FileReport:
    """Check that `path` is a sound plan this app can open; raise PlanFileError naming the problem."""
    path = Path(path)
    version = _checked_header(path)
    connection = _open_checked(path)
    try:
        title = _checked_contents(path, connection, version)
    finally:
        connection.close()
    return FileReport(path=path, schema_version=version, title=title)


@contextlib.contextmanager
def validated_snapshot(path: Path | str) -> Iterator[tuple[FileReport, sqlite3.Connection]]:
    """`path` checked as validate_plan_file checks it, with a read-only connection inside one read transaction
    that began before the checks: every row read through it is of the file that was checked, even when the
    file is replaced meanwhile. For reading a plan of any format version without a working copy (a file of an
    older format is as it is on disk, not converted: see FileReport.needs_migration)."""
    path = Path(path)
    version = _checked_header(path)
    connection = _open_checked(path)
    try:
        try:
            connection.execute("BEGIN")
            # The file read from here on must be the one whose header was checked (not one swapped in between).
            found = (connection.execute("PRAGMA user_version").fetchone()[0],
                     connection.execute("PRAGMA application_id").fetchone()[0])
        except sqlite3.DatabaseError as error:
            raise PlanFileError(path, _("The file is damaged: {reason}").format(reason=error), code="damaged") from error
        if found != (version, APPLICATION_ID):
            raise PlanFileError(
                path, _("The file changed while it was being opened; nothing was opened. Try again."), code="changed"
            )
        title = _checked_contents(path, connection, version)
        yield FileReport(path=path, schema_version=version, title=title), connection
    finally:
        connection.close()


def _checked_header(path: Path) -> int:
    """The format version in the header of a file that looks like a plan of a version this app reads."""
    if not path.exists():
        raise PlanFileError(path, _("The file does not exist."), code="missing")
    if not path.is_file():
        raise PlanFileError(path, _("This is a folder, not a plan file."), code="not_a_file")
    try:
        with path.open("rb") as handle:
            head = handle.read(_HEADER_SIZE)
        size = path.stat().st_size
    except OSError as error:
        raise PlanFileError(path, _("The file cannot be read: {reason}").format(reason=error.strerror), code="unreadable") from error
    if size == 0:
        raise PlanFileError(path, _("The file is empty (0 bytes); it holds no plan."), code="empty")
    if not head.startswith(SQLITE_HEADER):
        # A file of zero bytes only is what a power cut leaves of a plan: damaged, not foreign.
        code = "damaged" if head.strip(b"\x00") == b"" else "not_sqlite"
        raise PlanFileError(path, _describe_foreign_header(head), code=code)
    if len(head) < _HEADER_SIZE:
        raise PlanFileError(path, _("The file is cut short (truncated); it cannot be read."), code="damaged")
    application_id = int.from_bytes(head[68:72], "big")
    if application_id != APPLICATION_ID:
        raise PlanFileError(
            path, _("It is an SQLite database of another application, not a plan."), code="foreign"
        )
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    page_count = int.from_bytes(head[28:32], "big")
    if page_size and page_count and size < page_size * page_count:
        raise PlanFileError(path, _("The file is cut short (truncated); it cannot be read."), code="damaged")
    version = int.from_bytes(head[60:64], "big", signed=True)
    if version > SCHEMA_VERSION:
        raise PlanFileError(
            path,
            _(
                "It was saved by a newer version of Convergence Planner (file format {found}; "
                "this version reads up to {supported}). Please update the application."
            ).format(found=version, supported=SCHEMA_VERSION),
            code="newer",
        )
    if version not in REVISIONS:
        raise PlanFileError(path, _("Its file format version ({found}) is unknown.").format(found=version), code="damaged")
    return version


def _open_checked(path: Path) -> sqlite3.Connection:
    try:
        return open_read_only(path)
    except sqlite3.Error as error:
        raise PlanFileError(path, _("The file cannot be opened: {reason}").format(reason=error), code="unreadable") from error


def _checked_contents(path: Path, connection: sqlite3.Connection, version: int) -> str:
    """Check the database behind `connection` (integrity, schema, version records, one plan); its title."""
    try:
        check = connection.execute("PRAGMA quick_check").fetchall()
        if check != [("ok",)]:
            raise PlanFileError(path, _("The file is damaged (its integrity check failed)."), code="damaged")
        differences = schema_differences(connection, version)
        if differences:
            raise PlanFileError(
                path,
                _(
                    "It contains database objects this application does not make ({objects}). "
                    "It was not opened, to protect your data."
                ).format(objects=", ".join(differences[:5])),
                code="hostile",
            )
        revision = connection.execute(f"SELECT version_num FROM {ALEMBIC_VERSION_TABLE}").fetchall()
        if revision != [(REVISIONS[version],)]:
            raise PlanFileError(path, _("Its version records disagree; the file is damaged."), code="damaged")
        titles = connection.execute("SELECT title FROM plan").fetchall()
        if len(titles) != 1:
            raise PlanFileError(path, _("It holds no plan record; the file is damaged."), code="damaged")
    except sqlite3.DatabaseError as error:
        raise PlanFileError(path, _("The file is damaged: {reason}").format(reason=error), code="damaged") from error
    return str(titles[0][0])


def verify_copy(copy_path: Path, report: FileReport) -> None:
    """Check that the working copy taken after validation is still the file that was validated (same format
    version and schema): a file swapped in between is refused. Cheap: no integrity scan."""
    try:
        connection = open_read_only(copy_path)
        try:
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            application_id = connection.execute("PRAGMA application_id").fetchone()[0]
            differences = schema_differences(connection, report.schema_version)
        finally:
            connection.close()
    except sqlite3.DatabaseError:
        version, application_id, differences = None, None, ["unreadable"]
    if version != report.schema_version or application_id != APPLICATION_ID or differences:
        raise PlanFileError(
            report.path, _("The file changed while it was being opened; nothing was opened. Try again."), code="changed"
        )
