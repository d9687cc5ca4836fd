"""Planner commands: every edit of a plan, undoable, reporting what it changed."""

from __future__ import annotations

from planner.commands.base import Changes, Command, CompositeCommand
from planner.commands.initiatives import (
    add_initiative_command,
    move_initiatives_command,
    next_initiative_code,
)
from planner.commands.rows import AddRow, DeleteRows, UpdateRow, read_row, table_of

__all__ = [
    "AddRow",
    "Changes",
    "Command",
    "CompositeCommand",
    "DeleteRows",
    "UpdateRow",
    "add_initiative_command",
    "move_initiatives_command",
    "next_initiative_code",
    "read_row",
    "table_of",
]
