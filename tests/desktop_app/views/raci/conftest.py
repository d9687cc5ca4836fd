"""The plan fixtures of the view tests, for the RACI view tests."""

from __future__ import annotations

from tests.desktop_app.views.conftest import demo_controller, empty_controller, haedam_controller

__all__ = ["demo_controller", "empty_controller", "haedam_controller"]
