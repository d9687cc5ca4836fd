"""The one home of Convergence Planner's version: pyproject.toml, the CLI, the app and the frozen build read it."""

from __future__ import annotations

__version__ = "0.1.0"
