"""The working-copy area in the user's data folder: one SQLite copy per open plan, and crash recovery."""

from __future__ import annotations

import contextlib
import json
import os
import socket
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from planner.storage.lock import process_alive

APP_DIR_NAME = "ConvergencePlanner"


def data_dir() -> Path:
    """The user data folder (CPLAN_DATA_DIR overrides it, for tests and portable installs)."""
    override = os.environ.get("CPLAN_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_DIR_NAME, appauthor=False))


def working_dir() -> Path:
    folder = data_dir() / "working"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@dataclass
class WorkingCopyInfo:
    """The sidecar of a working copy: which plan it belongs to, who edits it, whether it holds unsaved work."""

    working_path: Path
    source_path: str | None
    title: str
    pid: int
    host: str
    opened_at: str
    modified_at: str
    unsaved: bool

    @property
    def meta_path(self) -> Path:
        return self.working_path.with_suffix(".json")

    def write(self) -> None:
        data = {k: v for k, v in self.__dict__.items() if k != "working_path"}
        temporary = self.meta_path.with_suffix(".json.tmp")
        temporary.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, self.meta_path)

    @classmethod
    def read(cls, meta_path: Path) -> WorkingCopyInfo | None:
        try:
            data: dict[str, Any] = json.loads(meta_path.read_text(encoding="utf-8"))
            return cls(working_path=meta_path.with_suffix(".cplan"), **data)
        except (OSError, ValueError, TypeError):
            return None

    @classmethod
    def new(cls, working_path: Path, source_path: Path | None, title: str) -> WorkingCopyInfo:
        now = datetime.now().astimezone().isoformat(timespec="seconds")
        return cls(working_path, str(source_path) if source_path else None, title, os.getpid(),
                   socket.gethostname(), now, now, False)

    def remove(self) -> None:
        for path in (self.working_path, self.meta_path, self.working_path.with_name(self.working_path.name + "-journal")):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()


def orphaned_working_copies() -> list[WorkingCopyInfo]:
    """Working copies whose editing process has died; those with unsaved work come first, newest first."""
    found: list[WorkingCopyInfo] = []
    host = socket.gethostname()
    for meta_path in sorted(working_dir().glob("*.json")):
        info = WorkingCopyInfo.read(meta_path)
        if info is None or not info.working_path.exists():
            continue
        if info.host == host and process_alive(info.pid) and info.pid != os.getpid():
            continue
        if info.host == host and info.pid == os.getpid():
            continue
        found.append(info)
    found.sort(key=lambda i: i.modified_at, reverse=True)
    return sorted(found, key=lambda i: not i.unsaved)


def recoverable_working_copies() -> list[WorkingCopyInfo]:
    """Orphaned working copies that hold unsaved work, for the 'recover' offer at start-up."""
    return [info for info in orphaned_working_copies() if info.unsaved]


def discard_clean_orphans() -> int:
    """Remove orphaned working copies that hold nothing unsaved; return how many went."""
    removed = 0
    for info in orphaned_working_copies():
        if not info.unsaved:
            info.remove()
            removed += 1
    return removed
