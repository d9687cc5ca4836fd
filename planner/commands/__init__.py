"""Planner commands: every edit of a plan, undoable, reporting what it changed."""

from __future__ import annotations

from planner.commands.base import Changes, Command, CompositeCommand
from planner.commands.initiatives import add_initiative_command, next_initiative_code
from planner.commands.rows import AddRow, DeleteRows, UpdateRow, read_row, table_of
from planner.commands.schedule_edits import (
    move_initiative_command,
    move_initiatives_to_command,
    resize_initiative_command,
    shift_initiatives_command,
)

__all__ = [
    "AddRow",
    "Changes",
    "Command",
    "CompositeCommand",
    "DeleteRows",
    "UpdateRow",
    "add_initiative_command",
    "move_initiative_command",
    "move_initiatives_to_command",
    "next_initiative_code",
    "read_row",
    "resize_initiative_command",
    "shift_initiatives_command",
    "table_of",
]
