"""Plan files: validation, working copies, atomic saving, locks, migration and crash recovery."""

from __future__ import annotations

from planner.storage.document import PLAN_SUFFIX, PlanDocument, copy_database, make_engine
from planner.storage.schema import APPLICATION_ID, SCHEMA_VERSION
from planner.storage.validate import FileReport, validate_plan_file
from planner.storage.working import (
    WorkingCopyInfo,
    discard_clean_orphans,
    orphaned_working_copies,
    recoverable_working_copies,
)

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
