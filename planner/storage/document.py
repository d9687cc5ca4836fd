"""An open plan: the user's file, the working copy every edit is committed to, Save, Save As and Revert.

The user's file is only ever read (to validate it and copy it into the working copy) and replaced whole
(backup API into a temporary file beside it, fsync, os.replace), so it is complete on its own at every moment.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import re
import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy.orm import Session

from planner.atomic_files import fsync_path as _fsync_path
from planner.commands.base import Changes, Command
from planner.errors import PlanFileError, PlanLockedError, PlannerError, PlanSaveError
from planner.i18n import _
from planner.storage.lock import PlanLock, acquire_lock
from planner.storage.network import network_share_warning
from planner.storage.schema import SCHEMA_VERSION
from planner.storage.validate import validate_plan_file, verify_copy
from planner.storage.working import WorkingCopyInfo, working_dir

PLAN_SUFFIX = ".cplan"
SAVING_SUFFIX = ".saving"


def _connection_configurer(foreign_keys: bool) -> Any:
    def configure(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # pysqlite would begin transactions itself, and only before DML, so schema changes would commit
        # one statement at a time; SQLAlchemy emits BEGIN instead (the "begin" listener below).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
        cursor.execute("PRAGMA trusted_schema = OFF")
        cursor.execute("PRAGMA journal_mode = DELETE")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()

    return configure


def _begin_transaction(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN")


def make_engine(path: Path, *, foreign_keys: bool = True) -> Engine:
    """An engine on one SQLite file with the pragmas every plan connection uses and real transactions
    (schema changes included). Migrations pass foreign_keys=False: SQLite cannot switch it inside one."""
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": 5})
    event.listen(engine, "connect", _connection_configurer(foreign_keys))
    event.listen(engine, "begin", _begin_transaction)
    return engine


def _document_engine(path: Path) -> Engine:
    """The engine of an open plan's working copy: make_engine's, and each connection keeps the old values of
    the rows an edit changes, for the history."""
    from planner.history import install_change_capture

    engine = make_engine(path)
    install_change_capture(engine)
    return engine


def _record_version(path: Path, author: str) -> Any:
    """Record the save of `path` as a new version (planner.merge.lineage); None, with a warning in the log, when
    the file's version records cannot be read — a damaged record must never keep the plan from being saved
    (the versions are rebuilt from the next readable save on)."""
    from planner.merge.lineage import record_version

    try:
        return record_version(path, author)
    except (PlannerError, sqlite3.Error, ValueError, TypeError, KeyError) as error:
        logging.getLogger(__name__).warning("%s: the version of this save was not recorded: %s", path, error)
        return None


def copy_database(source: Path, target: Path) -> None:
    """Copy a whole SQLite database with the backup API (complete even while the source is in use)."""
    source_connection = sqlite3.connect(f"file:{source.as_posix()}?mode=ro", uri=True)
    target_connection = sqlite3.connect(target)
    try:
        source_connection.backup(target_connection)
        target_connection.execute("PRAGMA journal_mode = DELETE")
    finally:
        target_connection.close()
        source_connection.close()


def _roll_back_interrupted_transaction(path: Path) -> None:
    """Let SQLite roll back a transaction a crashed process left half-done in one of our working copies.

    A hot journal beside the file makes every read-only connection fail; the first read-write reader puts
    the file back as it was at the last commit. Only for working copies: user files are never written in place.
    """
    journal = path.with_name(path.name + "-journal")
    if not journal.exists():
        return
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA trusted_schema = OFF")
        connection.execute("SELECT count(*) FROM sqlite_master").fetchall()
    except sqlite3.Error as error:
        raise PlanFileError(path, _("The recovered copy cannot be read: {reason}").format(reason=error), code="damaged") from error
    finally:
        connection.close()


def _temporary_files(target: Path) -> list[Path]:
    """Temporary files a save of `target` writes beside it (and a crashed save may have left there)."""
    pattern = re.compile(re.escape(f".{target.name}.") + r"[0-9a-f]{8}" + re.escape(SAVING_SUFFIX) + r"(-journal)?")
    try:
        return [entry for entry in target.parent.iterdir() if pattern.fullmatch(entry.name)]
    except OSError:
        return []


def _remove_quietly(*paths: Path) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink()


def _writable_reason(path: Path) -> str | None:
    """Why the user's file cannot be saved in place, or None when it can."""
    if not os.access(path, os.W_OK):
        return _("The file is read-only.")
    if not os.access(path.parent, os.W_OK | os.X_OK):
        return _("The folder holding the file is read-only.")
    return None


class PlanDocument:
    """One open plan. Use the class methods new(), open() and recover() to get one; close() when done."""

    def __init__(self, working: WorkingCopyInfo, path: Path | None, *, read_only_reason: str | None = None,
                 lock: PlanLock | None = None, warnings: list[str] | None = None, unsaved: bool = False) -> None:
        self._working = working
        self.path = path
        self.read_only_reason = read_only_reason
        self._lock = lock
        self.warnings = list(warnings or [])
        self.engine = _document_engine(working.working_path)
        self._unsaved = unsaved
        self._author = ""
        self.closed = False

    # -- creating and opening -------------------------------------------------------------------------------

    @staticmethod
    def _new_working_path() -> Path:
        return working_dir() / f"{uuid.uuid4().hex}{PLAN_SUFFIX}"

    @classmethod
    def new(cls, title: str, start_year: int, end_year: int, **plan_values: Any) -> PlanDocument:
        """A new, unsaved plan with an empty schema and its plan record."""
        from planner.storage.create import create_plan_database

        working_path = cls._new_working_path()
        create_plan_database(working_path, title=title, start_year=start_year, end_year=end_year, **plan_values)
        working = WorkingCopyInfo.new(working_path, None, title)
        working.unsaved = True
        working.write()
        return cls(working, None, unsaved=True)

    @classmethod
    def open(cls, path: Path | str, *, read_only: bool = False) -> PlanDocument:
        """Validate `path`, migrate an older format (after a backup beside it), and open a working copy.

        Raises PlanFileError for a bad file and PlanLockedError when another instance holds it (call
        again with read_only=True to open it anyway).
        """
        path = Path(path).absolute()
        report = validate_plan_file(path)
        warnings: list[str] = []
        share = network_share_warning(path)
        if share:
            warnings.append(share)
        reason = _writable_reason(path)
        if read_only and reason is None:
            reason = _("Opened read-only.")
        lock = None if reason else acquire_lock(path)
        if reason is None and lock is None:
            reason = _("The folder does not allow a lock file, so the plan opened read-only.")
        working_path = cls._new_working_path()
        try:
            copy_database(path, working_path)
            verify_copy(working_path, report)
            if report.needs_migration:
                if reason is None:
                    backup = _backup_path(path, report.schema_version)
                    shutil.copy2(path, backup)
                    warnings.append(_("The plan was converted to the current file format. The original was kept as {backup}.").format(backup=backup.name))
                from planner.storage.create import migrate_database

                migrate_database(working_path)
        except BaseException as error:
            with contextlib.suppress(OSError):
                working_path.unlink()
            if lock:
                lock.release()
            if isinstance(error, (OSError, sqlite3.Error)):
                raise PlanFileError(path, _("The plan could not be copied for editing: {reason}").format(reason=error), code="unreadable") from error
            raise
        working = WorkingCopyInfo.new(working_path, path, report.title)
        working.write()
        return cls(working, path, read_only_reason=reason, lock=lock, warnings=warnings)

    @classmethod
    def recover(cls, working: WorkingCopyInfo) -> PlanDocument:
        """Take over an orphaned working copy (found at start-up) with its unsaved edits.

        When the plan's file is meanwhile open in another instance (or cannot be locked), the recovered
        plan opens read-only, so its edits can still be kept with Save As.
        """
        _roll_back_interrupted_transaction(working.working_path)
        validate_plan_file(working.working_path)
        source = Path(working.source_path) if working.source_path else None
        lock = None
        reason = None
        if source is not None and source.exists():
            reason = _writable_reason(source)
            if reason is None:
                try:
                    lock = acquire_lock(source)
                except PlanLockedError as error:
                    reason = _("{holder} Use Save As to keep the recovered changes.").format(holder=error)
                else:
                    if lock is None:
                        reason = _("The folder does not allow a lock file, so the plan opened read-only.")
        working.pid = os.getpid()
        working.unsaved = True
        working.write()
        return cls(working, source, read_only_reason=reason, lock=lock, unsaved=True)

    # -- state ----------------------------------------------------------------------------------------------

    @property
    def working_path(self) -> Path:
        return self._working.working_path

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    @property
    def author(self) -> str:
        """Who the history names for the edits made through this document: the name set (the app's settings),
        else the operating system's login name."""
        from planner.history import login_name

        return self._author or login_name()

    @author.setter
    def author(self, name: str) -> None:
        from planner.history import clean_author

        self._author = clean_author(name or "")

    @property
    def unsaved(self) -> bool:
        """Whether the working copy holds edits the user's file does not (the GUI's undo stack refines this)."""
        return self._unsaved

    @property
    def display_name(self) -> str:
        return self.path.name if self.path else _("Untitled plan")

    def title(self) -> str:
        from planner.model import Plan

        with self.session() as session:
            return session.execute(select(Plan.title)).scalar_one()

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A short session in one transaction: committed on success, rolled back on any error."""
        self._check_open()
        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            yield session

    def _check_open(self) -> None:
        if self.closed:
            raise PlannerError(_("The plan is closed."))

    def _edit(self, command: Command, action: str) -> Changes:
        """Run one edit in its own committed transaction, with its entry in the plan's history (planner.history).

        The sidecar says "unsaved" before the edit is committed: a crash between the commit and that note
        would otherwise leave a working copy with committed work that start-up discards as clean.
        """
        from planner.history import begin_capture, record_edit

        was_unsaved = self._unsaved
        self._mark_unsaved()
        try:
            with self.session() as session:
                begin_capture(session)
                changes = command.revert(session) if action == "undo" else command.apply(session)
                record_edit(session, command, changes, action, self.author)
                return changes
        except BaseException:
            if not was_unsaved:  # rolled back: the working copy still equals the saved file
                self._unsaved = False
                self._working.unsaved = False
                self._working.write()
            raise

    def _mark_unsaved(self) -> None:
        self._working.modified_at = datetime.now().astimezone().isoformat(timespec="seconds")
        if not self._unsaved:
            self._unsaved = True
            self._working.unsaved = True
            self._working.write()

    # -- editing --------------------------------------------------------------------------------------------

    def apply(self, command: Command, *, redo: bool = False) -> Changes:
        """Apply a command in its own committed transaction (recorded in the history; `redo` when it was undone
        before); on a refused edit nothing changes."""
        return self._edit(command, "redo" if redo else "do")

    def revert(self, command: Command) -> Changes:
        """Undo a command applied earlier, in its own committed transaction (recorded in the history)."""
        return self._edit(command, "undo")

    # -- saving ---------------------------------------------------------------------------------------------

    def save(self) -> None:
        """Write the whole plan to the user's file. Needs a path and a writable file (else use save_as)."""
        self._check_open()
        if self.path is None:
            raise PlanSaveError(self.display_name, _("The plan has no file yet; choose where to save it."))
        if self.read_only:
            raise PlanSaveError(self.path, _("{reason} Use Save As to keep your changes in another file.").format(reason=self.read_only_reason))
        self._write_to(self.path, holding_lock=self._lock is not None)
        self._saved()

    def save_as(self, target: Path | str) -> None:
        """Write the plan to a new file, which becomes the document's file (and is locked)."""
        self._check_open()
        target = Path(target).absolute()
        if target.suffix.lower() != PLAN_SUFFIX:
            target = target.with_name(target.name + PLAN_SUFFIX)
        if self.path is not None and target == self.path and not self.read_only:
            self.save()
            return
        lock = acquire_lock(target) if target.parent.exists() else None
        try:
            self._write_to(target, holding_lock=lock is not None)
        except BaseException:
            if lock:
                lock.release()
            raise
        if self._lock:
            self._lock.release()
        self._lock = lock
        self.path = target
        self.read_only_reason = None
        self.warnings = [w for w in [network_share_warning(target)] if w]
        self._working.source_path = str(target)
        self._saved()

    def _saved(self) -> None:
        self._unsaved = False
        self._working.unsaved = False
        self._working.title = self.title()
        self._working.write()

    def _write_to(self, target: Path, *, holding_lock: bool = False) -> None:
        """Backup API into a temporary file beside the target, check it, fsync, then os.replace.

        With the target's lock held, temporary files a crashed save left beside it are removed first
        (nobody else can be saving it), so they never pile up.
        """
        if holding_lock:
            _remove_quietly(*_temporary_files(target))
        temporary = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}{SAVING_SUFFIX}")
        temporary_journal = temporary.with_name(temporary.name + "-journal")
        self.engine.dispose()  # no connection of ours holds the working copy while it is copied
        try:
            copy_database(self.working_path, temporary)
            version = _record_version(temporary, self.author)  # the lineage: this save is a new version
            check = sqlite3.connect(temporary)
            try:
                result = check.execute("PRAGMA quick_check").fetchall()
            finally:
                check.close()
            if result != [("ok",)]:
                raise PlanSaveError(target, _("The copy written for saving failed its integrity check; nothing was replaced."))
            _fsync_path(temporary)
            os.replace(temporary, target)
        except (OSError, sqlite3.Error) as error:
            _remove_quietly(temporary, temporary_journal)
            raise PlanSaveError(target, _save_problem(error, target, self.working_path)) from error
        except BaseException:
            _remove_quietly(temporary, temporary_journal)
            raise
        # The file is replaced; making the rename durable is best effort (some file systems, such as SMB
        # shares and FAT sticks under FUSE, refuse fsync on a folder), and must not report a failed save.
        with contextlib.suppress(OSError):
            _fsync_path(target.parent, directory=True)
        if version is not None:
            with contextlib.suppress(OSError, sqlite3.Error):  # the working copy knows the version it now equals
                version.write(self.working_path)

    def revert_to_saved(self) -> None:
        """Throw away every edit since the last save and reload the user's file."""
        self._check_open()
        if self.path is None:
            raise PlannerError(_("The plan has never been saved, so there is nothing to revert to."))
        report = validate_plan_file(self.path)
        self.engine.dispose()
        replacement = self._new_working_path()
        copy_database(self.path, replacement)
        if report.needs_migration:
            from planner.storage.create import migrate_database

            migrate_database(replacement)
        old = self._working
        self._working = WorkingCopyInfo.new(replacement, self.path, report.title)
        self._working.write()
        old.remove()
        self.engine = _document_engine(replacement)
        self._unsaved = False

    def close(self) -> None:
        """Close the plan: release the lock and delete the working copy (save first if needed)."""
        if self.closed:
            return
        self.engine.dispose()
        if self._lock:
            self._lock.release()
            self._lock = None
        self._working.remove()
        self.closed = True

    def __enter__(self) -> PlanDocument:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _backup_path(path: Path, version: int) -> Path:
    candidate = path.with_name(f"{path.stem}.v{version}-backup{path.suffix}")
    counter = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}.v{version}-backup-{counter}{path.suffix}")
        counter += 1
    return candidate


def _file_size_limit() -> float:
    """The largest file this process may write (RLIMIT_FSIZE), or infinity."""
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows
        return float("inf")
    soft, _hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    return float("inf") if soft == resource.RLIM_INFINITY else float(soft)


def _save_problem(error: BaseException, target: Path, source: Path) -> str:
    number = getattr(error, "errno", None)
    sqlite_code = getattr(error, "sqlite_errorcode", None)
    # SQLite reports a failed write as a bare "disk I/O error"; the errno is lost, so look at the disk.
    write_failed = sqlite_code in (sqlite3.SQLITE_IOERR_WRITE, sqlite3.SQLITE_IOERR) or number == errno.EIO
    try:
        needed = source.stat().st_size
    except OSError:
        needed = 0
    try:
        free = shutil.disk_usage(target.parent).free
    except OSError:
        free = None
    if number == errno.ENOSPC or sqlite_code == sqlite3.SQLITE_FULL or "full" in str(error).lower() or (
        write_failed and free is not None and free < needed
    ):
        return _("The disk is full. The file was not changed and your edits are kept; free some space or save elsewhere.")
    if number == errno.EFBIG or (write_failed and needed > _file_size_limit()):
        return _("The file would exceed the size this disk allows. The file was not changed and your edits are kept.")
    if number in (errno.EACCES, errno.EPERM, errno.EROFS):
        return _("The file or its folder is read-only. The file was not changed and your edits are kept; use Save As.")
    return _("Saving failed ({reason}). The file was not changed and your edits are kept.").format(reason=error)


__all__ = ["PLAN_SUFFIX", "SCHEMA_VERSION", "PlanDocument", "copy_database", "make_engine"]
