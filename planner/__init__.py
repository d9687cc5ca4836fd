"""Convergence Planner's screen-free core: model, storage, commands, queries and the CLI."""

from __future__ import annotations

__version__ = "0.1.0"
