"""The lock beside an open plan file: who has it open, since when; stale locks are taken over."""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
import uuid
from datetime import datetime
from pathlib import Path

from planner.errors import LockInfo, PlanLockedError
from planner.i18n import _


def lock_path_for(plan_path: Path) -> Path:
    return plan_path.with_name(plan_path.name + ".lock")


def current_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def process_alive(pid: int) -> bool:
    """Whether a process with this id runs on this machine."""
    if pid <= 0:
        return False
    if os.name == "nt":  # pragma: no cover - Windows only
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)
        if not handle:
            return False
        ctypes.windll.kernel32.CloseHandle(handle)
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def read_lock(lock_path: Path) -> LockInfo | None:
    """The holder recorded in a lock file, or None when there is none or it cannot be read."""
    try:
        data = json.loads(lock_path.read_text(encoding="utf-8"))
        return LockInfo(
            user=str(data["user"]), host=str(data["host"]), pid=int(data["pid"]), since=str(data["since"]),
            path=lock_path,
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


class PlanLock:
    """A held lock; release() removes it if it is still ours."""

    def __init__(self, lock_path: Path, info: LockInfo) -> None:
        self.lock_path = lock_path
        self.info = info

    def release(self) -> None:
        holder = read_lock(self.lock_path)
        if holder and holder.pid == self.info.pid and holder.host == self.info.host and holder.since == self.info.since:
            with contextlib.suppress(OSError):
                self.lock_path.unlink()


def _is_stale(holder: LockInfo | None) -> bool:
    if holder is None:
        return True  # unreadable or half-written lock: nobody can be shown as its holder
    return holder.host == socket.gethostname() and not process_alive(holder.pid)


def acquire_lock(plan_path: Path) -> PlanLock | None:
    """Take the lock of `plan_path`. None when the folder cannot hold a lock (read-only media).

    Raises PlanLockedError when a live process holds it; a stale lock is taken over.
    """
    lock_path = lock_path_for(plan_path)
    info = LockInfo(
        user=current_user(), host=socket.gethostname(), pid=os.getpid(),
        since=datetime.now().astimezone().isoformat(timespec="seconds"), path=lock_path,
    )
    payload = json.dumps(info.__dict__ | {"path": str(plan_path)}, ensure_ascii=False).encode("utf-8")
    for _attempt in range(2):
        try:
            _place_lock_file(lock_path, payload)
        except FileExistsError:
            holder = read_lock(lock_path)
            if not _is_stale(holder):
                assert holder is not None
                raise PlanLockedError(
                    plan_path,
                    holder,
                    _("{file} is open in Convergence Planner by {user} on {host} since {since}.").format(
                        file=plan_path.name, user=holder.user, host=holder.host, since=holder.since
                    ),
                ) from None
            with contextlib.suppress(FileNotFoundError):
                lock_path.unlink()
            continue
        except OSError:
            return None
        return PlanLock(lock_path, info)
    return None


def _place_lock_file(lock_path: Path, payload: bytes) -> None:
    """Create the lock file whole, never visible half-written: write a private file, then hard-link it
    into place (atomic; FileExistsError when a lock is there). Where the file system has no hard links
    (FAT on a USB stick) it falls back to an exclusive create followed by the write."""
    private = lock_path.with_name(f".{lock_path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}")
    with private.open("xb") as handle:
        handle.write(payload)
    try:
        os.link(private, lock_path)
    except FileExistsError:
        raise
    except OSError:
        descriptor = os.open(lock_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        with os.fdopen(descriptor, "wb") as lock_handle:
            lock_handle.write(payload)
    finally:
        with contextlib.suppress(OSError):
            private.unlink()
