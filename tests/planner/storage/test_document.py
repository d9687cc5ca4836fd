"""PlanDocument: saving whole and atomically, reverting, migrating, locking, read-only media, full disks,
network shares and recovering the work of a process that died."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert, select, text

from planner.commands import AddRow, DeleteRows, UpdateRow
from planner.errors import PlanLockedError, PlannerError, PlanSaveError
from planner.model import Dependency, Initiative, Plan
from planner.storage import (
    SCHEMA_VERSION,
    PlanDocument,
    discard_clean_orphans,
    make_engine,
    orphaned_working_copies,
    recoverable_working_copies,
    validate_plan_file,
)
from planner.storage.lock import current_user, lock_path_for, read_lock
from planner.storage.migrate import upgrade_connection
from planner.storage.network import network_share_warning
from tests.planner.storage.helpers import (
    IS_ROOT,
    dump_database,
    folder_listing,
    initiative_values,
    make_plan,
    plan_id,
    plan_title_in_file,
    read_only_connection,
    remount_read_only,
    restored_modes,
    run_python,
    sha256,
    start_python,
    wait_for_line,
    working_files,
)


def _initiative_titles(source: PlanDocument | Path) -> list[str]:
    if isinstance(source, PlanDocument):
        with source.session() as session:
            return sorted(session.execute(select(Initiative.title)).scalars())
    connection = read_only_connection(source)
    try:
        return sorted(title for (title,) in connection.execute("SELECT title FROM initiative"))
    finally:
        connection.close()


# -- saving, reopening, reverting, closing ----------------------------------------------------------------


def test_new_save_as_and_reopen_keep_everything(tmp_path: Path) -> None:
    document = PlanDocument.new("해담군 AI 계획", 2027, 2031, region_province="강원특별자치도")
    assert document.path is None and document.unsaved and not document.read_only
    first = AddRow("initiative", initiative_values(1, title="AI 돌봄 로봇"))
    second = AddRow("initiative", initiative_values(2, title="스마트 민원"))
    document.apply(first)
    document.apply(second)
    document.apply(AddRow("dependency", {"predecessor_id": first.row_id, "successor_id": second.row_id,
                                         "type": "FS", "lag_months": 2}))
    path = tmp_path / "plan"  # the suffix is added
    document.save_as(path)
    saved = dump_database(document.working_path)
    document.close()

    assert (tmp_path / "plan.cplan").exists() and document.path == tmp_path / "plan.cplan"
    assert dump_database(tmp_path / "plan.cplan") == saved
    with PlanDocument.open(tmp_path / "plan.cplan") as reopened:
        assert not reopened.unsaved
        assert reopened.title() == "해담군 AI 계획"
        assert _initiative_titles(reopened) == ["AI 돌봄 로봇", "스마트 민원"]
        with reopened.session() as session:
            dependency = session.execute(select(Dependency)).scalar_one()
            assert (dependency.predecessor_id, dependency.successor_id, dependency.lag_months) == (
                first.row_id, second.row_id, 2)
            plan = session.execute(select(Plan)).scalar_one()
            assert plan.region_province == "강원특별자치도"
        assert dump_database(reopened.working_path) == saved


def test_save_replaces_the_file_whole_and_leaves_nothing_beside_it(tmp_path: Path) -> None:
    path = make_plan(tmp_path / "plan.cplan", initiatives=3)
    with PlanDocument.open(path) as document:
        inode = path.stat().st_ino
        document.apply(UpdateRow("plan", plan_id(document), {"title": "Saved title"}))
        document.save()
        assert not document.unsaved
        assert folder_listing(tmp_path) == sorted(["app-data", "plan.cplan", "plan.cplan.lock"])
        assert path.stat().st_ino != inode  # a new file was moved into place, the old one never rewritten
        assert validate_plan_file(path).title == "Saved title"
        connection = read_only_connection(path)
        try:
            assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert connection.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        finally:
            connection.close()


def test_a_copy_taken_while_open_holds_every_saved_change_and_no_unsaved_one(tmp_path: Path) -> None:
    path = make_plan(tmp_path / "plan.cplan")
    stick = tmp_path / "usb-stick"
    stick.mkdir()
    with PlanDocument.open(path) as document:
        for number in range(5):
            document.apply(AddRow("initiative", initiative_values(number, title=f"saved {number}")))
        document.apply(UpdateRow("plan", plan_id(document), {"title": "Saved title"}))
        document.save()
        document.apply(AddRow("initiative", initiative_values(99, title="unsaved")))
        document.apply(UpdateRow("plan", plan_id(document), {"title": "Unsaved title"}))

        shutil.copyfile(path, stick / "plan.cplan")  # a plain byte copy, as a file manager makes it

        report = validate_plan_file(stick / "plan.cplan")
        assert report.title == "Saved title"
        assert _initiative_titles(stick / "plan.cplan") == [f"saved {n}" for n in range(5)]
        assert document.title() == "Unsaved title"
    assert not list(stick.glob("*-journal")) and not list(stick.glob("*-wal"))


def test_a_failed_replace_leaves_the_file_and_the_edits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = make_plan(tmp_path / "plan.cplan", title="Original")
    digest = sha256(path)
    with PlanDocument.open(path) as document:
        document.apply(UpdateRow("plan", plan_id(document), {"title": "Edited"}))

        def refuse(*_args: Any) -> None:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr("planner.storage.document.os.replace", refuse)
        with pytest.raises(PlanSaveError) as caught:
            document.save()
        assert str(path) in str(caught.value)
        assert sha256(path) == digest
        assert folder_listing(tmp_path) == sorted(["app-data", "plan.cplan", "plan.cplan.lock"])
        assert document.unsaved and document.title() == "Edited"

        monkeypatch.undo()
        document.save()
    assert plan_title_in_file(path) == "Edited"


def test_save_clears_temporary_files_left_by_a_crashed_save(tmp_path: Path) -> None:
    path = make_plan(tmp_path / "plan.cplan")
    leftovers = [tmp_path / ".plan.cplan.0badf00d.saving", tmp_path / ".plan.cplan.0badf00d.saving-journal"]
    unrelated = tmp_path / ".other.cplan.0badf00d.saving"  # belongs to another plan: left alone
    for leftover in [*leftovers, unrelated]:
        leftover.write_bytes(b"SQLite format 3\x00 half written")
    with PlanDocument.open(path) as document:
        document.apply(UpdateRow("plan", plan_id(document), {"title": "After the crash"}))
        document.save()
    assert not any(leftover.exists() for leftover in leftovers)
    assert unrelated.exists()
    assert plan_title_in_file(path) == "After the crash"


def test_revert_to_saved_drops_unsaved_edits(tmp_path: Path) -> None:
    path = make_plan(tmp_path / "plan.cplan", initiatives=2)
    with PlanDocument.open(path) as document:
        saved = dump_database(document.working_path)
        document.apply(UpdateRow("plan", plan_id(document), {"title": "Unsaved"}))
        document.apply(AddRow("initiative", initiative_values(50)))
        with document.session() as session:
            first = session.execute(select(Initiative.id).order_by(Initiative.code)).scalars().first()
        document.apply(DeleteRows("initiative", [first]))
        assert document.unsaved
        old_working = document.working_path

        document.revert_to_saved()

        assert not document.unsaved
        assert dump_database(document.working_path) == saved
        assert not old_working.exists()
        assert working_files() == sorted([document.working_path.name, document.working_path.with_suffix(".json").name])


def test_revert_to_saved_needs_a_file() -> None:
    with PlanDocument.new("Untitled", 2027, 2031) as document, pytest.raises(PlannerError):
        document.revert_to_saved()


def test_save_of_an_untitled_plan_asks_for_a_place() -> None:
    with PlanDocument.new("Untitled", 2027, 2031) as document:
        with pytest.raises(PlanSaveError) as caught:
            document.save()
        assert "choose where to save" in str(caught.value)
        assert document.unsaved


def test_close_removes_working_copy_sidecar_and_lock(tmp_path: Path) -> None:
    path = make_plan(tmp_path / "plan.cplan")
    document = PlanDocument.open(path)
    document.apply(UpdateRow("plan", plan_id(document), {"title": "Edited"}))
    assert document.working_path.exists() and lock_path_for(path).exists()
    assert len(working_files()) == 2
    document.close()
    assert working_files() == []
    assert not lock_path_for(path).exists()
    assert document.closed
    with pytest.raises(PlannerError):
        document.title()
    document.close()  # a second close does nothing


# -- migration of an older file -----------------------------------------------------------------------------


def _insert_row(connection: Any, table: str, values: dict[str, Any]) -> None:
    """Raw INSERT filling every other NOT NULL column of the file's own table with a neutral value."""
    row = dict(values)
    for column in connection.exec_driver_sql(f'PRAGMA table_info("{table}")').fetchall():
        name, kind, not_null = column[1], str(column[2]).upper(), column[3]
        if not_null and name not in row:
            row[name] = 0 if any(t in kind for t in ("INT", "BOOL")) else ("2027-01-01 00:00:00" if "DATE" in kind else "")
    names = ", ".join(row)
    marks = ", ".join(f":{name}" for name in row)
    connection.execute(text(f"INSERT INTO {table} ({names}) VALUES ({marks})"), row)


def _version_1_plan(path: Path) -> Path:
    path.touch()
    engine = make_engine(path)
    try:
        with engine.begin() as connection:
            upgrade_connection(connection, "0001")
            _insert_row(connection, "plan", {"id": "plan-1", "title": "2025년 계획", "start_year": 2025,
                                             "end_year": 2029})
            _insert_row(connection, "initiative", {"id": "init-1", "code": "A-1", "title": "AI 민원 상담",
                                                   "start_month": 2025 * 12, "duration_months": 24,
                                                   "status": "planned", "project_type": "build"})
    finally:
        engine.dispose()
    return path


def test_an_older_plan_is_backed_up_then_migrated(tmp_path: Path) -> None:
    path = _version_1_plan(tmp_path / "old.cplan")
    assert validate_plan_file(path).schema_version == 1
    original = sha256(path)

    document = PlanDocument.open(path)
    try:
        backup = tmp_path / "old.v1-backup.cplan"
        assert backup.exists() and sha256(backup) == original
        assert any(backup.name in warning for warning in document.warnings)
        assert sha256(path) == original  # untouched until Save
        assert document.title() == "2025년 계획"
        with document.session() as session:
            initiative = session.execute(select(Initiative)).scalar_one()
            assert (initiative.id, initiative.code, initiative.title, initiative.duration_months) == (
                "init-1", "A-1", "AI 민원 상담", 24)
            assert initiative.start_month.year == 2025 and initiative.start_month.month == 1
        document.apply(AddRow("initiative", initiative_values(2, title="새 과제")))
        assert sha256(path) == original

        document.save()
    finally:
        document.close()

    report = validate_plan_file(path)
    assert report.schema_version == SCHEMA_VERSION and report.title == "2025년 계획"
    assert _initiative_titles(path) == ["AI 민원 상담", "새 과제"]
    assert sha256(backup) == original
    assert validate_plan_file(backup).schema_version == 1


def test_a_second_migration_keeps_the_first_backup(tmp_path: Path) -> None:
    path = _version_1_plan(tmp_path / "old.cplan")
    (tmp_path / "old.v1-backup.cplan").write_bytes(b"an earlier backup")
    with PlanDocument.open(path):
        pass
    assert (tmp_path / "old.v1-backup.cplan").read_bytes() == b"an earlier backup"
    assert sha256(tmp_path / "old.v1-backup-2.cplan") == sha256(path)


# -- two instances --------------------------------------------------------------------------------------------

HOLDER = r"""
import sys
from planner.storage import PlanDocument
document = PlanDocument.open(sys.argv[1])
print("ready", flush=True)
sys.stdin.readline()
document.close()
print("closed", flush=True)
"""


def test_second_open_in_one_process_is_told_who_holds_it(tmp_path: Path) -> None:
    path = make_plan(tmp_path / "plan.cplan")
    first = PlanDocument.open(path)
    try:
        since = read_lock(lock_path_for(path)).since
        with pytest.raises(PlanLockedError) as caught:
            PlanDocument.open(path)
        message = str(caught.value)
        for part in (current_user(), socket.gethostname(), since, "plan.cplan"):
            assert part in message
        assert caught.value.holder.pid == os.getpid()
        assert len(working_files()) == 2  # the refused open left no working copy

        with PlanDocument.open(path, read_only=True) as second:
            assert second.read_only and second.read_only_reason
            second.apply(UpdateRow("plan", plan_id(second), {"title": "Edited read-only"}))
            with pytest.raises(PlanSaveError) as refused:
                second.save()
            assert "Save As" in str(refused.value)
        assert read_lock(lock_path_for(path)).pid == os.getpid()  # closing the read-only one kept the lock
    finally:
        first.close()
    assert not lock_path_for(path).exists()


def _write_lock(path: Path, **values: Any) -> None:
    data = {"user": "kim", "host": socket.gethostname(), "pid": os.getpid(),
            "since": "2027-03-02T09:00:00+09:00", "path": str(path)} | values
    lock_path_for(path).write_text(json.dumps(data), encoding="utf-8")


def _dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_a_lock_left_by_a_dead_process_is_taken_over(tmp_path: Path) -> None:
    path = make_plan(tmp_path / "plan.cplan")
    _write_lock(path, pid=_dead_pid())
    with PlanDocument.open(path) as document:
        assert not document.read_only
        holder = read_lock(lock_path_for(path))
        assert holder is not None and holder.pid == os.getpid() and holder.user == current_user()


def test_an_unreadable_lock_is_taken_over(tmp_path: Path) -> None:
    path = make_plan(tmp_path / "plan.cplan")
    lock_path_for(path).write_bytes(b"")  # a process died between creating and writing it
    with PlanDocument.open(path) as document:
        assert not document.read_only
        assert read_lock(lock_path_for(path)).pid == os.getpid()


def test_a_lock_from_another_computer_is_respected(tmp_path: Path) -> None:
    path = make_plan(tmp_path / "plan.cplan")
    _write_lock(path, host="PLANNING-PC-07", pid=_dead_pid())
    with pytest.raises(PlanLockedError) as caught:
        PlanDocument.open(path)
    assert "PLANNING-PC-07" in str(caught.value) and "kim" in str(caught.value)
    with PlanDocument.open(path, read_only=True) as document:
        assert document.read_only
    assert read_lock(lock_path_for(path)).host == "PLANNING-PC-07"


def test_a_real_second_process_holds_the_plan(tmp_path: Path) -> None:
    path = make_plan(tmp_path / "plan.cplan")
    holder = start_python(HOLDER, path)
    try:
        wait_for_line(holder, "ready")
        with pytest.raises(PlanLockedError) as caught:
            PlanDocument.open(path)
        assert caught.value.holder.pid == holder.pid
        assert caught.value.holder.since in str(caught.value)
        assert orphaned_working_copies() == []  # a live instance's working copy is not an orphan
        with PlanDocument.open(path, read_only=True) as document:
            assert document.read_only

        assert holder.stdin is not None
        holder.stdin.write("quit\n")
        holder.stdin.flush()
        wait_for_line(holder, "closed")
    finally:
        holder.kill()
        holder.communicate()
    with PlanDocument.open(path) as document:
        assert not document.read_only


# -- read-only media and full disks ------------------------------------------------------------------------


@contextlib.contextmanager
def _read_only(folder: Path, path: Path) -> Any:
    """Make `folder` and the plan in it unwritable: remount the tmpfs (root ignores chmod), else chmod."""
    if IS_ROOT:
        remount_read_only(folder)
        yield
        return
    with restored_modes(folder, path):
        path.chmod(0o444)
        folder.chmod(0o555)
        yield


def test_a_plan_on_read_only_media_opens_read_only_and_saves_elsewhere(tmp_path: Path, tmpfs: Any) -> None:
    folder = tmp_path / "read-only"
    if IS_ROOT:
        tmpfs(folder, "4m")
    else:
        folder.mkdir()
    path = make_plan(folder / "plan.cplan", title="On a locked stick", initiatives=2)
    digest = sha256(path)
    writable = tmp_path / "writable"
    writable.mkdir()

    with _read_only(folder, path):
        listing = folder_listing(folder)
        with PlanDocument.open(path) as document:
            assert document.read_only
            assert "read-only" in document.read_only_reason
            assert folder_listing(folder) == listing  # not even a lock file
            document.apply(UpdateRow("plan", plan_id(document), {"title": "Edited on the way"}))
            with pytest.raises(PlanSaveError) as caught:
                document.save()
            assert str(path) in str(caught.value) and "Save As" in str(caught.value)
            assert document.unsaved

            document.save_as(writable / "copy.cplan")

            assert not document.read_only and not document.unsaved
            assert document.path == writable / "copy.cplan"
            assert lock_path_for(writable / "copy.cplan").exists()
        assert folder_listing(folder) == listing
        assert sha256(path) == digest
    assert validate_plan_file(writable / "copy.cplan").title == "Edited on the way"


def _bulk_initiatives(document: PlanDocument, count: int) -> None:
    with document.session() as session:
        session.execute(insert(Initiative.__table__), [
            initiative_values(number, title=f"Initiative {number} " + "가" * 80, content="내용 " * 60)
            for number in range(count)
        ])


DISK_FULL = r"""
import json, sys
from pathlib import Path
from tests.planner.storage.test_document import disk_full_scenario
print(json.dumps(disk_full_scenario(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]))))
"""


def disk_full_scenario(target: Path, elsewhere: Path, file_size_limit: int = 0) -> dict[str, Any]:
    """Save As a plan too big for `target`'s disk (or above a file-size limit), then save it elsewhere."""
    document = PlanDocument.new("Big plan", 2027, 2031)
    try:
        _bulk_initiatives(document, 3000)
        document.apply(UpdateRow("plan", plan_id(document), {"title": "Big plan, edited"}))
        before = dump_database(document.working_path)
        if file_size_limit:
            import resource  # POSIX only, like this path of the test

            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_size_limit, resource.RLIM_INFINITY))
        try:
            document.save_as(target)
        except PlanSaveError as error:
            outcome = {"error": str(error), "path": str(error.path)}
        else:
            outcome = {"error": None}
        finally:
            if file_size_limit:
                resource.setrlimit(resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
        outcome["edits_kept"] = dump_database(document.working_path) == before and document.unsaved
        outcome["path_after_failure"] = str(document.path)
        document.save_as(elsewhere)
        outcome["saved_elsewhere"] = str(document.path)
        return outcome
    finally:
        document.close()


@pytest.mark.parametrize("limit", ["full_disk", "file_size_limit"])
def test_a_save_that_does_not_fit_keeps_the_file_and_the_edits(tmp_path: Path, tmpfs: Any, limit: str) -> None:
    # A full disk is a small tmpfs when root (root ignores quotas and permissions); otherwise, and for
    # the file-size limit case, RLIMIT_FSIZE in a child process stops the write instead.
    in_process = IS_ROOT and limit == "full_disk"
    folder = tmp_path / "small-disk"
    if in_process:
        tmpfs(folder, "640k")
    else:
        folder.mkdir()
    target = make_plan(folder / "plan.cplan", title="Existing plan")
    digest = sha256(target)
    listing = folder_listing(folder)
    elsewhere = tmp_path / "elsewhere.cplan"

    if in_process:
        outcome = disk_full_scenario(target, elsewhere)
    else:
        result = run_python(DISK_FULL, target, elsewhere, 1 << 20)
        assert result.returncode == 0, result.stderr
        outcome = json.loads(result.stdout)

    assert outcome["error"] is not None, "the save should have failed"
    assert str(target) in outcome["error"]
    assert ("disk is full" if in_process else "exceed the size") in outcome["error"]
    assert "Traceback" not in outcome["error"] and "I/O error" not in outcome["error"]
    assert outcome["edits_kept"]
    assert outcome["path_after_failure"] == "None"
    assert folder_listing(folder) == listing  # no temporary file, journal or lock left
    assert sha256(target) == digest
    assert outcome["saved_elsewhere"] == str(elsewhere)
    assert validate_plan_file(elsewhere).title == "Big plan, edited"
    connection = read_only_connection(elsewhere)
    try:
        assert connection.execute("SELECT count(*) FROM initiative").fetchone() == (3000,)
    finally:
        connection.close()


def test_a_folder_that_refuses_fsync_does_not_fail_the_save(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from planner.storage import document as document_module

    real_fsync = document_module._fsync_path

    def fsync(path: Path, directory: bool = False) -> None:
        if directory:  # as SMB shares and some FUSE file systems answer
            raise OSError(22, "Invalid argument")
        real_fsync(path, directory)

    path = make_plan(tmp_path / "plan.cplan")
    monkeypatch.setattr(document_module, "_fsync_path", fsync)
    with PlanDocument.open(path) as document:
        document.apply(UpdateRow("plan", plan_id(document), {"title": "Saved on a share"}))
        document.save()
        assert not document.unsaved
    assert plan_title_in_file(path) == "Saved on a share"


# -- network shares --------------------------------------------------------------------------------------------

MOUNTS = """\
sysfs /sys sysfs rw,nosuid 0 0
/dev/sda2 / ext4 rw,relatime 0 0
fileserver:/export/plans /mnt/plans nfs4 rw,relatime,vers=4.2 0 0
//nas/team /mnt/team\\040share cifs rw,relatime 0 0
/dev/sdb1 /mnt/plans/local ext4 rw 0 0
"""


@pytest.mark.parametrize(("path", "filesystem"), [
    ("/mnt/plans/2027/plan.cplan", "nfs4"),
    ("/mnt/team share/plan.cplan", "cifs"),
    ("/home/kim/plan.cplan", None),
    ("/mnt/plans/local/plan.cplan", None),  # a local disk mounted inside the share
    ("/mnt/plansX/plan.cplan", None),  # a name that only starts like the share
])
def test_network_share_warning_from_mount_table(path: str, filesystem: str | None) -> None:
    warning = network_share_warning(path, mounts_text=MOUNTS)
    if filesystem is None:
        assert warning is None
    else:
        assert warning is not None and filesystem in warning and path in warning and "network share" in warning


@pytest.mark.parametrize("path", ["\\\\server\\share\\plan.cplan", "//server/share/plan.cplan"])
def test_network_share_warning_for_unc_paths(path: str) -> None:
    warning = network_share_warning(path, mounts_text="/dev/sda2 / ext4 rw 0 0\n")
    assert warning is not None and path in warning


def test_network_share_warning_follows_symlinks(tmp_path: Path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    (tmp_path / "shortcut").symlink_to(share)
    mounts = f"/dev/sda2 / ext4 rw 0 0\nserver:/x {share} nfs rw 0 0\n"
    assert network_share_warning(tmp_path / "shortcut" / "plan.cplan", mounts_text=mounts) is not None


def test_a_local_plan_has_no_network_warning(tmp_path: Path) -> None:
    path = make_plan(tmp_path / "plan.cplan")
    with PlanDocument.open(path) as document:
        assert document.warnings == []


# -- crash recovery -------------------------------------------------------------------------------------------

EDIT_AND_WAIT = r"""
import sqlite3, sys, time
from sqlalchemy import select
from planner.commands import AddRow, UpdateRow
from planner.model import Plan
from planner.months import YearMonth
from planner.storage import PlanDocument

document = PlanDocument.open(sys.argv[1])
mode = sys.argv[2]
if mode != "clean":
    with document.session() as session:
        plan_id = session.execute(select(Plan.id)).scalar_one()
    document.apply(UpdateRow("plan", plan_id, {"title": "Unsaved title"}))
    document.apply(AddRow("initiative", {"id": "unsaved-1", "code": "U-1", "title": "Unsaved initiative",
                                         "start_month": YearMonth(2028, 3)}))
if mode == "mid-transaction":
    connection = sqlite3.connect(document.working_path, isolation_level=None)
    connection.execute("PRAGMA cache_size = 1")  # changed pages spill into the file before any commit
    connection.execute("BEGIN")
    connection.execute("UPDATE initiative SET title = title || ' (half done)'")
    connection.execute("UPDATE plan SET title = 'Never committed'")
print("ready", flush=True)
time.sleep(600)
"""


def _run_and_kill(path: Path, mode: str) -> None:
    child = start_python(EDIT_AND_WAIT, path, mode)
    try:
        wait_for_line(child, "ready")
    finally:
        child.send_signal(signal.SIGKILL)
        child.communicate()  # reaped: its pid is really gone


@pytest.mark.parametrize("mode", ["edit", "mid-transaction"])
def test_unsaved_work_of_a_killed_process_is_recovered(tmp_path: Path, mode: str) -> None:
    path = make_plan(tmp_path / "plan.cplan", title="Saved title", initiatives=150 if mode != "edit" else 2)
    digest = sha256(path)
    _run_and_kill(path, mode)
    if mode == "mid-transaction":
        assert [name for name in working_files() if name.endswith("-journal")], "no hot journal was left"

    found = recoverable_working_copies()
    assert len(found) == 1
    info = found[0]
    assert info.title == "Saved title" and info.source_path == str(path) and info.unsaved
    assert sha256(path) == digest

    document = PlanDocument.recover(info)
    try:
        assert not document.read_only and document.unsaved and document.path == path
        assert document.title() == "Unsaved title"
        titles = _initiative_titles(document)
        assert "Unsaved initiative" in titles
        assert not any("half done" in title for title in titles)
        assert read_lock(lock_path_for(path)).pid == os.getpid()
        assert recoverable_working_copies() == []  # now ours
        document.save()
    finally:
        document.close()
    assert plan_title_in_file(path) == "Unsaved title"
    assert working_files() == []


def test_a_clean_orphan_is_discarded(tmp_path: Path) -> None:
    path = make_plan(tmp_path / "plan.cplan")
    _run_and_kill(path, "clean")
    assert len(orphaned_working_copies()) == 1
    assert recoverable_working_copies() == []
    assert discard_clean_orphans() == 1
    assert working_files() == []
    with PlanDocument.open(path) as document:  # and the dead process's lock is taken over
        assert not document.read_only


KILLED_AT_SIDECAR = r"""
import os, signal, sys
from sqlalchemy import select
from planner.commands import UpdateRow
from planner.model import Plan
from planner.storage import PlanDocument, working

document = PlanDocument.open(sys.argv[1])
with document.session() as session:
    plan_id = session.execute(select(Plan.id)).scalar_one()
# The process dies the moment it records that the working copy holds unsaved work.
working.WorkingCopyInfo.write = lambda self: os.kill(os.getpid(), signal.SIGKILL)
document.apply(UpdateRow("plan", plan_id, {"title": "Edit at the crash"}))
print("survived", flush=True)
"""


def test_an_edit_is_never_in_a_working_copy_marked_clean(tmp_path: Path) -> None:
    path = make_plan(tmp_path / "plan.cplan", title="Saved title")
    result = run_python(KILLED_AT_SIDECAR, path)
    assert result.returncode == -signal.SIGKILL, result.stderr
    (orphan,) = orphaned_working_copies()
    edit_committed = plan_title_in_file(orphan.working_path) == "Edit at the crash"
    if edit_committed:
        assert [info.working_path for info in recoverable_working_copies()] == [orphan.working_path]
    discard_clean_orphans()
    # Whatever was committed survives the start-up clean-up.
    assert orphan.working_path.exists() or not edit_committed


def test_recovery_while_another_instance_holds_the_plan_opens_read_only(tmp_path: Path) -> None:
    path = make_plan(tmp_path / "plan.cplan", title="Saved title")
    _run_and_kill(path, "edit")
    (info,) = recoverable_working_copies()
    holder = start_python(HOLDER, path)
    try:
        wait_for_line(holder, "ready")
        document = PlanDocument.recover(info)
        try:
            assert document.read_only
            assert current_user() in document.read_only_reason and "Save As" in document.read_only_reason
            assert document.unsaved and document.title() == "Unsaved title"
            with pytest.raises(PlanSaveError):
                document.save()
            document.save_as(tmp_path / "recovered.cplan")
        finally:
            document.close()
        assert read_lock(lock_path_for(path)).pid == holder.pid  # the other instance keeps its lock
    finally:
        holder.kill()
        holder.communicate()
    assert plan_title_in_file(tmp_path / "recovered.cplan") == "Unsaved title"
    assert plan_title_in_file(path) == "Saved title"
