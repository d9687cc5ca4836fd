"""Planner commands: every edit of a plan, undoable, reporting what it changed."""

from __future__ import annotations

from planner.commands.base import Changes, Command, CompositeCommand
from planner.commands.rows import AddRow, DeleteRows, UpdateRow, read_row, table_of

__all__ = ["AddRow", "Changes", "Command", "CompositeCommand", "DeleteRows", "UpdateRow", "read_row", "table_of"]
