"""Fixtures shared by the planner tests: tmpfs mounts (real full disks and read-only media) always undone."""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest


@pytest.fixture
def tmpfs() -> Iterator[Callable[..., Path]]:
    """Mount a tmpfs of a given size on a folder (root only); every mount is undone at the end of the test."""
    mounted: list[Path] = []

    def mount(folder: Path, size: str) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], check=True,
                       capture_output=True)
        mounted.append(folder)
        return folder

    yield mount
    for folder in reversed(mounted):
        result = subprocess.run(["umount", str(folder)], capture_output=True)
        if result.returncode != 0:
            subprocess.run(["umount", "-l", str(folder)], capture_output=True)
