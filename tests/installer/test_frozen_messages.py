"""What an installed (frozen) app says where a source installation would tell the user to pip install."""

from __future__ import annotations

import sys

import pytest

from planner.team.connection import ServerError, require_driver


@pytest.fixture
def without_driver(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # `import psycopg` now raises ImportError


def test_frozen_app_without_driver_names_the_build_option_not_pip(
        without_driver: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    with pytest.raises(ServerError) as raised:
        require_driver()
    message = str(raised.value)
    assert "built without team plans" in message
    assert "CPLAN_BUNDLE_TEAM=0" in message
    assert "pip" not in message


def test_source_installation_without_driver_says_how_to_install_it(
        without_driver: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(sys, "frozen", raising=False)
    with pytest.raises(ServerError) as raised:
        require_driver()
    assert 'pip install "convergence-planner[team]"' in str(raised.value)
