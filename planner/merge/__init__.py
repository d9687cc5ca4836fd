"""Three-way merge of plan files by row UUID: every change from both sides kept, conflicts listed with both values."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner.lazy_exports import lazy_exports

if TYPE_CHECKING:
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

# Each name's module, imported on first use: `cplan --help` registers the merge commands without loading
# SQLAlchemy and the data model, which the merge itself needs.
_MODULES = {
    "CONFLICT_TYPES": "conflicts",
    "MERGED": "conflicts",
    "MISSING": "conflicts",
    "OURS": "conflicts",
    "THEIRS": "conflicts",
    "ChosenValue": "conflicts",
    "Conflict": "conflicts",
    "conflict_counts": "conflicts",
    "MergeResult": "engine",
    "apply_resolutions": "engine",
    "merge_plans": "engine",
}

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


__getattr__ = lazy_exports(__name__, _MODULES)
