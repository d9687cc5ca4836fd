"""What a guideline profile is: the sections of a plan document, the checks and their severity, the cover."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planner.i18n import N_

PROFILE_FORMAT = "convergence-planner-guideline"
PROFILE_FORMAT_VERSION = 1  # the newest version this code reads
SEVERITIES = ("error", "warning", "info")
NUMBERING_SCHEMES = ("ko", "en")

# The generated blocks a section can hold (English descriptions, shown through _()).
BLOCKS: dict[str, str] = {
    "initiative_table": N_("Table of initiatives by field: code, title, period, lead, budget"),
    "roadmap_chart": N_("Roadmap chart: bars, milestones, dependency arrows and the critical path"),
    "budget_table": N_("Budget by fiscal year and funding source"),
    "budget_chart": N_("Chart of the budget by fiscal year and funding source"),
    "budget_by_initiative": N_("Budget of each initiative by fiscal year"),
    "kpi_table": N_("KPIs with type, unit, baseline and yearly targets"),
    "kpi_chart": N_("Chart of the plan's KPI targets by year"),
    "stakeholder_table": N_("Register of stakeholders with sector, influence, interest and engagement"),
    "stakeholder_grid": N_("Power/interest grid of the stakeholders"),
    "stakeholder_network": N_("Network of the relations between stakeholders"),
    "raci_table": N_("RACI matrix of stakeholders on initiatives"),
    "risk_register": N_("Risk register with likelihood, impact and mitigation"),
    "definition_sheets": N_("One definition sheet (과제정의서) per initiative"),
    "ethics_summary": N_("Summary of the AI-ethics and trustworthy-AI self-checks"),
    "results_table": N_("Last year's results: KPI actuals and executed budget against their targets"),
    "year_plan_table": N_("This year's plan: the initiatives running in the year with their budget"),
    "project_summary": N_("Per-project summary table"),
    "funding_summary": N_("Funding rules and how each initiative meets them"),
    "vision_summary": N_("Vision, fields and strategies at a glance"),
    "comments": N_("Comment threads by item: unresolved ones (or all, with the option include: all)"),
}

# The checks a profile can ask for, with the parameters each takes.
CHECKS: dict[str, str] = {
    "required_fields": N_("Every initiative has the fields the profile requires"),
    "lead": N_("Every initiative has a lead organisation or department"),
    "period_in_plan": N_("Every initiative runs inside the plan period"),
    "kpi_present": N_("Every initiative has at least one KPI with a baseline and a target"),
    "kpi_target_year": N_("KPI target years are not before the initiative finishes"),
    "budget_totals": N_("Budget lines add up to the declared totals by year and source"),
    "funding_rules": N_("Funding-rule shares and caps are respected"),
    "dependency_cycle": N_("No dependency cycle"),
    "ai_ethics": N_("AI initiatives have the AI-ethics self-check complete (10 core requirements)"),
    "trustworthy_ai": N_("AI initiatives have the trustworthy-AI self-check complete (15 requirements)"),
    "privacy_impact": N_("The privacy-impact-assessment flag is set where the thresholds are met"),
    "duplicates": N_("No likely duplicate initiatives (same or near-identical titles or purposes)"),
    "raci": N_("RACI rules: one accountable and at least one responsible per initiative"),
    "submission_deadline": N_("The annual plan is submitted by the deadline"),
    "narrative_written": N_("Every narrative section of the profile is written"),
    "plan_period": N_("The plan period has the length the profile expects"),
    "allowed_values": N_("A field holds one of the values the programme allows"),
    "partners": N_("Every initiative has the partners the programme requires (a consortium)"),
    "programme_funding": N_("The programme's national share and yearly cap are respected"),
}

# What `required_fields` may name: initiative attributes (planner.model.attributes) and these derived ones.
DERIVED_FIELDS: dict[str, str] = {
    "lead": N_("Lead (organisation or department)"),
    "kpi": N_("At least one KPI"),
    "budget": N_("Budget lines"),
    "milestone": N_("At least one milestone"),
    "partner": N_("At least one partner"),
    "field": N_("Field"),
    "strategy": N_("Strategy"),
}

# Blocks of the cover, in the order a profile lists them.
COVER_BLOCKS: dict[str, str] = {
    "publication_number": N_("Publication registration number (top left)"),
    "approval_box": N_("Approval box (결재란)"),
    "title": N_("Title"),
    "subtitle": N_("Plan type and period"),
    "region": N_("Region"),
    "date": N_("Date"),
    "lead_organisation": N_("Lead organisation"),
    "contact": N_("Contact table"),
}


@dataclass(frozen=True)
class LocalText:
    """A text in each report language; `get` falls back to English, then to any language given."""

    values: Mapping[str, str]

    def get(self, language: str) -> str:
        return self.values.get(language) or self.values.get("en") or next(iter(self.values.values()), "")


@dataclass(frozen=True)
class SectionSpec:
    """One section of the document: narrative the planner writes, a generated block, or a group of sections."""

    key: str  # unique within the profile, e.g. "overview.background"
    title: LocalText
    narrative: str | None = None  # the NarrativeSection.key the planner writes for this section
    block: str | None = None  # a key of BLOCKS
    options: Mapping[str, Any] = field(default_factory=dict)  # parameters of the block
    hint: LocalText = field(default_factory=lambda: LocalText({}))  # what the section should say
    appendix: bool = False  # numbered 붙임 1, 붙임 2 (Appendix A, B) instead of the heading scheme
    children: tuple[SectionSpec, ...] = ()
    line: int = 0  # where it is written in the profile file


@dataclass(frozen=True)
class CheckSpec:
    """A check the profile asks for, how severe its findings are, and its parameters."""

    id: str  # a key of CHECKS
    severity: str  # error, warning or info
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class CoverSpec:
    """The cover's blocks in order and the approval box's default columns."""

    blocks: tuple[str, ...]
    approval_columns: tuple[LocalText, ...] = ()


@dataclass(frozen=True)
class GuidelineProfile:
    """A validated guideline profile."""

    id: str
    name: LocalText
    description: LocalText
    plan_type: str  # a key of vocabulary.PLAN_TYPES
    language: str  # the report language it is written for
    numbering: str  # "ko" (Ⅰ. 1. 가. ...) or "en" (1. 1.1 1.1.1)
    cover: CoverSpec
    required_fields: tuple[str, ...]
    checks: Mapping[str, CheckSpec]
    sections: tuple[SectionSpec, ...]
    source: Path | None = None  # the file it was read from
    builtin: bool = False  # shipped with the app (read-only)

    def walk(self) -> Iterator[tuple[tuple[int, ...], SectionSpec]]:
        """Every section depth-first with its position path: (1,), (1, 1), (1, 2), (2,), ...

        Appendix sections are numbered among themselves: the first appendix is (1,) of the appendix series.
        """
        def visit(sections: tuple[SectionSpec, ...], prefix: tuple[int, ...]) -> Iterator[
                tuple[tuple[int, ...], SectionSpec]]:
            body = appendix = 0
            for section in sections:
                if section.appendix and not prefix:
                    appendix += 1
                    number = appendix
                else:
                    body += 1
                    number = body
                path = (*prefix, number)
                yield path, section
                yield from visit(section.children, path)

        yield from visit(self.sections, ())

    def narrative_sections(self) -> list[SectionSpec]:
        """The sections the planner writes, in document order."""
        return [section for _path, section in self.walk() if section.narrative]

    def check(self, check_id: str) -> CheckSpec | None:
        """The profile's setting for a check, or None when the profile does not ask for it."""
        return self.checks.get(check_id)
