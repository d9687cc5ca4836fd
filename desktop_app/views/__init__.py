"""The main window's pages: overview dashboard, initiative table, stakeholder register (and later views)."""

from __future__ import annotations

import importlib
from typing import Any

_LAZY = {
    "OverviewView": "desktop_app.views.overview_view",
    "InitiativesView": "desktop_app.views.initiatives_view",
    "StakeholdersView": "desktop_app.views.stakeholders_view",
}

__all__ = ["InitiativesView", "OverviewView", "StakeholdersView"]


def __getattr__(name: str) -> Any:
    """Import a view's module only when the view is first asked for (keeps start-up fast)."""
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
