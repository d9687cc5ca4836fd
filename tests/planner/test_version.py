"""The version has one home (planner/_version.py) that pyproject, planner.version() and `cplan --version` share."""

from __future__ import annotations

import importlib
import tomllib
from pathlib import Path

import pytest
from packaging.version import Version

import planner
from planner import _version
from planner.cli import main as cplan

ROOT = Path(__file__).resolve().parents[2]


def test_version_is_the_constant_in_planner_version_module() -> None:
    assert planner.version() == _version.__version__ == planner.__version__
    assert str(Version(planner.version())) == planner.version()  # a normalised PEP 440 version


def test_pyproject_takes_the_distribution_version_from_the_same_constant() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in pyproject["project"] and "version" in pyproject["project"]["dynamic"]
    module, _dot, name = pyproject["tool"]["setuptools"]["dynamic"]["version"]["attr"].rpartition(".")
    assert getattr(importlib.import_module(module), name) == planner.version()


def test_cplan_version_prints_the_program_and_the_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert cplan(["--version"]) == 0
    assert capsys.readouterr().out == f"cplan {planner.version()}\n"
