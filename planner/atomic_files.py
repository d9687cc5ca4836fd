"""Writing a file whole or not at all: build it beside the target, flush it to disk, put it in place in one step."""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Callable
from pathlib import Path


def fsync_path(path: Path, directory: bool = False) -> None:
    """Flush a file (or a folder's entries, after a rename) to disk."""
    if directory and os.name == "nt":  # pragma: no cover - Windows cannot open folders for fsync
        return
    descriptor = os.open(path, os.O_RDONLY | (getattr(os, "O_DIRECTORY", 0) if directory else 0))
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def temporary_beside(target: Path) -> Path:
    """A hidden, unique name in the target's folder (same file system, so the final rename is atomic)."""
    return target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.writing")


def replace_atomically(target: Path, write: Callable[[Path], None]) -> Path:
    """Let `write` create a temporary file beside `target`, flush it and rename it over `target`.

    On any failure (an OSError or whatever `write` raises) the target is as it was and no temporary file (nor a
    SQLite journal of it) is left behind; the error propagates.
    """
    temporary = temporary_beside(target)
    try:
        write(temporary)
        fsync_path(temporary)
        os.replace(temporary, target)
        fsync_path(target.parent, directory=True)
    finally:
        for leftover in (temporary, temporary.with_name(temporary.name + "-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink()
    return target


def write_bytes_atomically(target: Path, data: bytes) -> Path:
    """replace_atomically for bytes already in memory."""
    def write(path: Path) -> None:
        with open(path, "xb") as handle:
            handle.write(data)

    return replace_atomically(target, write)
