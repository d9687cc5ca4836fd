"""The checks a merged plan gets before it is saved: the schedule and the plan's guideline checks, and which of
their findings the merge introduced (ones neither side had)."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from planner.errors import PlannerError
from planner.guidelines.findings import Finding
from planner.i18n import _, current_language
from planner.schedule import Finding as ScheduleFinding

Tables = dict[str, list[dict[str, Any]]]
REPORTED_SEVERITIES = ("error", "warning")  # info findings are notes, not something a merge breaks
MAX_LINES = 20  # findings listed one per line in the text report (all of them in --json)


@dataclass(frozen=True)
class PlanFindings:
    """What the schedule and the guideline checks (errors and warnings) find in one plan; `problems`: a check
    that could not run at all (the schedule cannot be computed, the guideline profile cannot be loaded)."""

    guideline: tuple[Finding, ...] = ()
    schedule: tuple[ScheduleFinding, ...] = ()
    problems: tuple[str, ...] = ()
    profile: Any = None


def schedule_key(finding: ScheduleFinding) -> tuple[str, str]:
    """What makes two schedule findings the same problem: the kind and the initiative (a late finish is one
    problem however late it is; the messages name the months, which a merge may move)."""
    return finding.kind, finding.initiative_code


@dataclass
class MergeFindings:
    """The findings of the merged plan that neither side had (by finding id: check, item and detail; schedule
    findings by kind and initiative), and checks that could not run on it."""

    errors: list[Finding] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)
    schedule: list[ScheduleFinding] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    profile_id: str = ""
    compared_with: int = 2  # how many sides the findings were compared with (fewer when one could not be read)

    @property
    def clean(self) -> bool:
        return not (self.errors or self.warnings or self.schedule or self.problems)

    @property
    def count(self) -> int:
        return len(self.errors) + len(self.warnings) + len(self.schedule) + len(self.problems)

    def summary(self) -> str:
        """One sentence: what the merge introduced, or that it introduced nothing."""
        if self.clean:
            return _("The merge introduced no new guideline errors, warnings or schedule findings.")
        return _("New in the merged plan (neither side had them): guideline errors {errors}, warnings {warnings}, "
                 "schedule findings {schedule}.").format(
            errors=len(self.errors), warnings=len(self.warnings), schedule=len(self.schedule) + len(self.problems))

    def lines(self, limit: int = MAX_LINES) -> list[str]:
        """Each introduced finding on one line, problems and errors first, at most `limit` (then how many more)."""
        found = [*self.problems,
                 *(_("Error: {message}").format(message=finding.message) for finding in self.errors),
                 *(_("Warning: {message}").format(message=finding.message) for finding in self.warnings),
                 *(_("Schedule: {message}").format(message=finding.message) for finding in self.schedule)]
        shown = found[:limit]
        if len(found) > limit:
            shown.append(_("… and {count} more.").format(count=len(found) - limit))
        return shown

    def as_json(self) -> dict[str, Any]:
        return {
            "profile": self.profile_id, "clean": self.clean, "problems": list(self.problems),
            "counts": {"error": len(self.errors), "warning": len(self.warnings), "schedule": len(self.schedule)},
            "findings": [finding.as_json() for finding in (*self.errors, *self.warnings)],
            "schedule": [{"kind": finding.kind, "initiative": finding.initiative_code, "message": finding.message}
                         for finding in self.schedule],
        }


def plan_findings(session: Session, language: str | None = None, profile: Any = None) -> PlanFindings:
    """Schedule the plan a session holds and run its guideline checks (the plan's own profile unless one is
    given); a check that cannot run is a problem, never an exception."""
    from planner.guidelines.check_command import profile_for
    from planner.guidelines.checks import check_plan
    from planner.schedule import schedule_plan

    problems: list[str] = []
    schedule: tuple[ScheduleFinding, ...] = ()
    try:
        schedule = schedule_plan(session).findings
    except (PlannerError, ValueError) as error:
        problems.append(_("The merged plan cannot be scheduled: {reason}").format(reason=error))
    guideline: tuple[Finding, ...] = ()
    try:
        profile = profile if profile is not None else profile_for(session, None)
        report = check_plan(session, profile, language or current_language())
        guideline = tuple(finding for finding in report.findings if finding.severity in REPORTED_SEVERITIES)
    except PlannerError as error:
        problems.append(_("The guideline checks could not run: {reason}").format(reason=error))
    return PlanFindings(guideline, schedule, tuple(problems), profile)


def findings_of_file(path: Path, language: str | None = None, profile: Any = None) -> PlanFindings | None:
    """The findings of a plan file (opened read-only as the app opens it); None when it cannot be read."""
    from planner.cli import opened_plan

    try:
        with opened_plan(Path(path), read_only=True) as document, document.session() as session:
            return plan_findings(session, language, profile)
    except PlannerError:
        return None


def findings_of_checked_tables(tables: Tables, language: str | None = None, profile: Any = None) -> PlanFindings:
    """The findings of plan tables that passed read_plan_json's checks, written to a temporary plan file."""
    from planner.merge.files import _insert_tables
    from planner.storage.create import create_empty_database
    from planner.storage.document import make_engine

    folder = Path(tempfile.mkdtemp(prefix="cplan-check-"))
    try:
        path = folder / "plan.cplan"
        create_empty_database(path)
        engine = make_engine(path)
        try:
            with engine.begin() as connection:
                _insert_tables(connection, tables)
            with Session(engine) as session:
                return plan_findings(session, language, profile)
        finally:
            engine.dispose()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def findings_of_tables(tables: Mapping[str, list[dict[str, Any]]], language: str | None = None,
                       profile: Any = None) -> PlanFindings | None:
    """The findings of plan tables in the plan-JSON form (a side of a merge); None when they do not pass the
    checks a plan file gets."""
    from planner.interchange.plan_json import FORMAT_NAME, FORMAT_VERSION, read_plan_json, render_plan_json
    from planner.storage.schema import SCHEMA_VERSION

    document = {"format": FORMAT_NAME, "format_version": FORMAT_VERSION, "schema_version": SCHEMA_VERSION,
                "exported_at": datetime.now(UTC).isoformat(timespec="seconds"), "tables": dict(tables)}
    checked, report = read_plan_json(render_plan_json(document))
    if not report.ok:
        return None
    return findings_of_checked_tables(checked, language, profile)


def introduced(merged: PlanFindings, sides: Sequence[PlanFindings | None]) -> MergeFindings:
    """The findings of the merged plan that none of the sides had (sides that could not be read are left out)."""
    known = [side for side in sides if side is not None]
    side_ids = {finding.id for side in known for finding in side.guideline}
    side_schedule = {schedule_key(finding) for side in known for finding in side.schedule}
    new = [finding for finding in merged.guideline if finding.id not in side_ids]
    return MergeFindings(
        errors=[finding for finding in new if finding.severity == "error"],
        warnings=[finding for finding in new if finding.severity == "warning"],
        schedule=[finding for finding in merged.schedule if schedule_key(finding) not in side_schedule],
        problems=list(merged.problems), profile_id=str(getattr(merged.profile, "id", "") or ""),
        compared_with=len(known))


def merge_findings(merged: PlanFindings, sides: Sequence[Path | Mapping[str, list[dict[str, Any]]]],
                   language: str | None = None) -> MergeFindings:
    """What the merge introduced: `merged`'s findings against each side's, a side given as a plan file (read as
    it is) or as the tables the merge took it as (a department package completed with the base's rows), all
    checked with the merged plan's guideline profile."""
    found: list[PlanFindings | None] = []
    for side in sides:
        if isinstance(side, Path):
            found.append(findings_of_file(side, language, merged.profile))
        else:
            found.append(findings_of_tables(side, language, merged.profile))
    return introduced(merged, found)
