"""Three-way merge of plan files by row UUID: every change from both sides kept, conflicts listed with both values."""

from __future__ import annotations

from planner.merge.conflicts import (
    CONFLICT_TYPES,
    MERGED,
    MISSING,
    OURS,
    THEIRS,
    ChosenValue,
    Conflict,
    conflict_counts,
)
from planner.merge.engine import MergeResult, apply_resolutions, merge_plans

__all__ = [
    "CONFLICT_TYPES",
    "MERGED",
    "MISSING",
    "OURS",
    "THEIRS",
    "ChosenValue",
    "Conflict",
    "MergeResult",
    "apply_resolutions",
    "conflict_counts",
    "merge_plans",
]
