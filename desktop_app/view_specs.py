"""The main window's views: their names (for --view), labels and order; no Qt, so start-up can read it."""

from __future__ import annotations

from dataclasses import dataclass

from planner.i18n import N_


@dataclass(frozen=True)
class ViewSpec:
    """One navigator entry: its name (for --view), its label, and for a placeholder what is coming."""

    name: str
    label: str  # English source, shown through _()
    coming: str | None = None  # set for views a later release delivers


VIEW_SPECS: tuple[ViewSpec, ...] = (
    ViewSpec("overview", N_("Overview")),
    ViewSpec("initiatives", N_("Initiatives")),
    ViewSpec("roadmap", N_("Roadmap")),
    ViewSpec("dependencies", N_("Dependencies")),
    ViewSpec("stakeholders", N_("Stakeholders")),
    ViewSpec("grid", N_("Power/interest grid")),
    ViewSpec("network", N_("Relationship network")),
    ViewSpec("raci", N_("RACI")),
    ViewSpec("budget", N_("Budget")),
    ViewSpec("document", N_("Document")),
    ViewSpec("checks", N_("Checks")),
    ViewSpec("history", N_("History")),
)
VIEW_NAMES: tuple[str, ...] = tuple(spec.name for spec in VIEW_SPECS)
