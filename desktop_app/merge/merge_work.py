"""What the merge dialog asks the worker thread to do: merge another file into the open plan, then check the
result of the user's choices; and the one undoable command that makes the open plan the merged one."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from planner.commands.base import Changes
from planner.errors import PlannerError
from planner.i18n import _, current_language
from planner.interchange.importing import ReplacePlanCommand
from planner.merge import lineage
from planner.merge.engine import MergeResult, apply_resolutions, merge_plans
from planner.merge.files import MergeRefused, check_lineage, checked_tables, plan_id, read_plan_tables
from planner.merge.lineage import Version, Versions
from planner.merge.verify import MergeFindings, findings_of_checked_tables, merge_findings


@dataclass
class MergeOutcome:
    """The merge of `other` into the open plan: the result (None when it could not be made), the other file's
    versions, and what the base was. `needs_base`: the files share no version; the user may choose a base file."""

    other: Path
    result: MergeResult | None = None
    their_versions: Versions = field(default_factory=dict)
    base_name: str = ""
    problem: str = ""
    needs_base: bool = False

    @property
    def sources(self) -> str:
        return " | ".join([self.base_name, _("open plan"), self.other.name])


def merge_into_open_plan(session: Session, other: Path, base: Path | None = None) -> MergeOutcome:
    """Run in the worker on a snapshot of the open plan: merge `other` into it (ours: the open plan, with its
    unsaved edits; theirs: the file), the base found by lineage unless a `base` file is given."""
    from planner.interchange.plan_json import plan_to_json

    outcome = MergeOutcome(Path(other))
    ours = plan_to_json(session)["tables"]
    raw = session.connection().connection.driver_connection
    our_versions = lineage.read_versions(raw)  # type: ignore[arg-type]
    try:
        theirs = lineage.read_plan_file(Path(other))
        outcome.their_versions = theirs.versions
        if base is None:
            if plan_id(ours) != plan_id(theirs.tables):
                outcome.problem = _("{file} is not a version of this plan (it began as a different plan).").format(
                    file=Path(other).name)
                return outcome
            try:
                base_tables, ours, their_tables, common = lineage.merge_inputs(
                    ours, our_versions, theirs.tables, theirs.versions)
            except lineage.NoCommonVersion as error:
                outcome.needs_base = True
                outcome.problem = _("The open plan and {file} have no common saved version to merge from ({reason}). "
                                    "Choose the file both started from.").format(
                    file=Path(other).name, reason=str(error).rstrip("."))
                return outcome
            outcome.base_name = _("saved {when}").format(when=lineage.version_text(common))
        else:
            base_tables = read_plan_tables(Path(base))
            check_lineage([Path(base), Path(other)], [base_tables, theirs.tables])
            ours = lineage.fill_outside_scope(base_tables, ours, lineage.scope_of(our_versions))
            their_tables = lineage.fill_outside_scope(base_tables, theirs.tables, lineage.scope_of(theirs.versions))
            outcome.base_name = Path(base).name
        outcome.result = merge_plans(base_tables, ours, their_tables)
    except PlannerError as error:
        outcome.problem = str(error)
    return outcome


@dataclass
class CheckedMerge:
    """The merge with the user's choices: conflicts the choices caused (to review again), else the checked rows
    (None with `blockers` when the result is not a sound plan) and what the schedule and the guideline checks
    find in it that neither side had (shown before the merge is applied)."""

    result: MergeResult
    tables: dict[str, list[dict[str, Any]]] | None = None
    blockers: list[str] = field(default_factory=list)
    findings: MergeFindings | None = None


def decide_and_check(outcome: MergeOutcome, choices: dict[str, Any]) -> CheckedMerge:
    """Run in the worker: the merge again with `choices` (conflict key -> ours/theirs/merged), then the result
    checked as a plan file is (types, limits, unique values, references, cycles), scheduled, and run through the
    plan's guideline checks, compared with both sides as the merge took them."""
    assert outcome.result is not None
    result = apply_resolutions(outcome.result, choices) if choices else outcome.result
    checked = CheckedMerge(result)
    if result.conflicts:
        return checked
    try:
        tables = checked_tables(result, outcome.sources)
    except MergeRefused as error:
        checked.blockers.append(str(error))
        return checked
    merged = findings_of_checked_tables(tables, current_language())
    _base, ours, theirs = result.inputs
    checked.findings = merge_findings(merged, [ours, theirs], current_language())
    checked.tables = tables
    return checked


class MergePlanCommand(ReplacePlanCommand):
    """Make the open plan the merged one (ReplacePlanCommand: revert puts every row back) and record the other
    file's versions in its lineage, so the next save descends from both; revert takes those away again."""

    def __init__(self, tables: dict[str, list[dict[str, Any]]], their_versions: Versions, label: str) -> None:
        super().__init__(tables, label)
        self.their_versions = their_versions
        self._versions_added: list[str] = []
        self._names_before: dict[str, tuple[str, str]] = {}  # version id -> (name, note) the open plan had

    def apply(self, session: Session) -> Changes:
        changes = super().apply(session)
        raw = session.connection().connection.driver_connection
        present = lineage.read_versions(raw)  # type: ignore[arg-type]
        added: list[Version] = [version for version_id, version in self.their_versions.items()
                                if version_id not in present]
        renamed: list[Version] = []  # versions both record, named in the other file: the names travel too
        for version_id, version in self.their_versions.items():
            known = present.get(version_id)
            if known is not None and lineage.combined_names(known, version) != (known.name, known.note):
                renamed.append(lineage.with_names(known, *lineage.combined_names(known, version)))
        lineage.write_versions(raw, [*added, *renamed])  # type: ignore[arg-type]
        self._versions_added = [version.id for version in added]
        self._names_before = {version.id: (present[version.id].name, present[version.id].note) for version in renamed}
        return changes

    def revert(self, session: Session) -> Changes:
        connection = session.connection()
        if self._versions_added:
            connection.exec_driver_sql(f"DELETE FROM {lineage.TABLE} WHERE id = ?",
                                       [(version_id,) for version_id in self._versions_added])
        if self._names_before:
            connection.exec_driver_sql(f"UPDATE {lineage.TABLE} SET name = ?, note = ? WHERE id = ?",
                                       [(name or None, note or None, version_id)
                                        for version_id, (name, note) in self._names_before.items()])
        return super().revert(session)
