"""Shared test set-up: offscreen Qt, English messages, and a private data folder for every test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["CPLAN_LANG"] = "en"


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Working copies and settings of each test go to its own folder, never the user's."""
    folder = tmp_path / "app-data"
    monkeypatch.setenv("CPLAN_DATA_DIR", str(folder))
    from planner.i18n import set_language

    set_language("en")
    return folder
