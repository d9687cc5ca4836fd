"""Plan files: validation, working copies, atomic saving, locks, migration and crash recovery."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner.lazy_exports import lazy_exports

if TYPE_CHECKING:
    from planner.storage.document import PLAN_SUFFIX, PlanDocument, copy_database, make_engine
    from planner.storage.schema import APPLICATION_ID, SCHEMA_VERSION
    from planner.storage.validate import FileReport, validate_plan_file
    from planner.storage.working import (
        WorkingCopyInfo,
        discard_clean_orphans,
        orphaned_working_copies,
        recoverable_working_copies,
    )

# Each name's module, imported on first use: reading a file (planner.storage.validate) must not import
# SQLAlchemy, which planner.storage.document does.
_MODULES = {
    "APPLICATION_ID": "schema",
    "PLAN_SUFFIX": "document",
    "SCHEMA_VERSION": "schema",
    "FileReport": "validate",
    "PlanDocument": "document",
    "WorkingCopyInfo": "working",
    "copy_database": "document",
    "discard_clean_orphans": "working",
    "make_engine": "document",
    "orphaned_working_copies": "working",
    "recoverable_working_copies": "working",
    "validate_plan_file": "validate",
}

__all__ = [
    "APPLICATION_ID",
    "PLAN_SUFFIX",
    "SCHEMA_VERSION",
    "FileReport",
    "PlanDocument",
    "WorkingCopyInfo",
    "copy_database",
    "discard_clean_orphans",
    "make_engine",
    "orphaned_working_copies",
    "recoverable_working_copies",
    "validate_plan_file",
]


__getattr__ = lazy_exports(__name__, _MODULES)
