"""What a conformance check reports: findings with a severity, a message and the item they concern."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from planner.i18n import N_, translate

SEVERITY_LABELS: dict[str, str] = {"error": N_("Error"), "warning": N_("Warning"), "info": N_("Info")}


def severity_label(severity: str, language: str | None = None) -> str:
    """A severity's name in a language (the interface's when None)."""
    from planner.i18n import current_language

    text = SEVERITY_LABELS.get(severity)
    return translate(text, language or current_language()) if text else severity


@dataclass(frozen=True)
class Finding:
    """One problem (or note) a check found in a plan."""

    id: str  # stable and unique within a report: "<check>:<item id or ->[:<detail>]"
    check: str  # a key of planner.guidelines.profile.CHECKS
    severity: str  # error, warning or info
    message: str  # in the report language
    item_kind: str | None = None  # "initiative", "kpi", "stakeholder", "narrative_section", "plan", ... or None
    item_id: str | None = None  # the row's UUID (None for a finding about the plan as a whole)
    item_label: str = ""  # e.g. "A-01 AI 돌봄 로봇", for lists

    @property
    def detail(self) -> str:
        """The message without the item's label in front, for lists that show the item in a column of its own."""
        prefix = f"{self.item_label}: "
        if self.item_label and self.message.startswith(prefix) and len(self.message) > len(prefix):
            return self.message[len(prefix):]
        return self.message

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "check": self.check, "severity": self.severity, "message": self.message,
                "item_kind": self.item_kind, "item_id": self.item_id, "item_label": self.item_label}


@dataclass(frozen=True)
class CheckReport:
    """Every finding of one run of the checks, errors first."""

    profile_id: str
    language: str
    findings: tuple[Finding, ...]

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(finding for finding in self.findings if finding.severity == "error")

    @property
    def has_errors(self) -> bool:
        return any(finding.severity == "error" for finding in self.findings)

    def counts(self) -> dict[str, int]:
        counted = Counter(finding.severity for finding in self.findings)
        return {severity: counted.get(severity, 0) for severity in ("error", "warning", "info")}

    def as_json(self) -> dict[str, Any]:
        return {"profile": self.profile_id, "language": self.language, "counts": self.counts(),
                "findings": [finding.as_json() for finding in self.findings]}
