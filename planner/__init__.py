"""Convergence Planner's screen-free core: model, storage, commands, queries and the CLI."""

from __future__ import annotations

from planner._version import __version__


def version() -> str:
    """The version of the running code, e.g. "0.1.0".

    planner/_version.py is the single source: pyproject.toml takes the distribution's version from it
    (setuptools dynamic version), so an installed wheel's metadata, a source checkout, an editable install
    whose metadata predates a version bump and a frozen build without any dist-info all report the same."""
    return __version__


__all__ = ["__version__", "version"]
