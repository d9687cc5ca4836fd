"""What each editable field of each kind of row is: label, value kind, limits. Inspector, validation and
import all read these specs, so a rule is written once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from planner.i18n import N_, _
from planner.model import vocabulary as v
from planner.months import YearMonth

_DATE_PATTERN = re.compile(r"^(\d{4})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{1,2})\s*\.?$")


def parse_date(text: str) -> date:
    """A day written 2026-09-10, 2026. 9. 10. or 2026/9/10; ValueError otherwise."""
    match = _DATE_PATTERN.match(text.strip())
    if match is None:
        raise ValueError(text)
    year, month, day = (int(part) for part in match.groups())
    return date(year, month, day)


@dataclass(frozen=True)
class Attribute:
    """One editable field: `kind` is text, multiline, int, money, score, month, date, choice, ref, bool, decimal
    or tags."""

    name: str
    label: str  # English source; shown through _()
    kind: str = "text"
    required: bool = False
    minimum: int | None = None
    maximum: int | None = None
    choices: dict[str, str] | None = None
    ref_kind: str | None = None
    max_length: int | None = None
    example: str | None = None  # shown as the input's placeholder, when the kind's usual example does not fit

    def parse(self, text: str) -> Any:
        """Turn what a user typed into the stored value; raise ValueError with a message naming the field."""
        raw = text.strip()
        if raw == "":
            if self.required:
                raise ValueError(_("{field} is required.").format(field=_(self.label)))
            return {"text": "", "multiline": "", "bool": False, "tags": []}.get(self.kind)
        try:
            if self.kind in ("int", "score"):
                return int(raw.replace(",", ""))
            if self.kind == "money":
                return int(raw.replace(",", "").replace("_", "").replace(" ", ""))
            if self.kind == "decimal":
                return Decimal(raw.replace(",", ""))
            if self.kind == "month":
                return YearMonth.parse(raw)
            if self.kind == "date":
                return parse_date(raw)
            if self.kind == "bool":
                return raw.lower() in ("1", "true", "yes", "y", "예", "o", "✓")
            if self.kind == "tags":
                return [tag.strip() for tag in raw.replace("，", ",").split(",") if tag.strip()]
        except (ValueError, InvalidOperation):
            raise ValueError(
                _("{field}: '{text}' is not a valid value.").format(field=_(self.label), text=raw)
            ) from None
        return text if self.kind == "multiline" else raw

    def format(self, value: Any) -> str:
        if value is None:
            return ""
        if self.kind == "money":
            return f"{int(value):,}"
        if self.kind == "tags":
            return ", ".join(value)
        if self.kind == "bool":
            return _("Yes") if value else _("No")
        if self.kind == "date" and isinstance(value, date):
            return value.isoformat()
        return str(value)

    def problem(self, value: Any) -> str | None:
        """What is wrong with a stored value, or None."""
        name = _(self.label)
        if value is None or value == "" or value == []:
            return _("{field} is required.").format(field=name) if self.required else None
        if self.kind in ("int", "money", "score") and (isinstance(value, bool) or not isinstance(value, int)):
            return _("{field} must be a whole number.").format(field=name)
        if self.kind == "month" and not isinstance(value, YearMonth):
            return _("{field} must be a month such as 2027-03.").format(field=name)
        if self.kind == "date" and not isinstance(value, date):
            return _("{field} must be a date such as 2026-09-10.").format(field=name)
        if self.kind in ("int", "money", "score"):
            if self.minimum is not None and value < self.minimum:
                return _("{field} must be at least {minimum}.").format(field=name, minimum=self.minimum)
            if self.maximum is not None and value > self.maximum:
                return _("{field} must be at most {maximum}.").format(field=name, maximum=self.maximum)
        if self.kind == "choice" and self.choices is not None and value not in self.choices:
            return _("{field}: '{value}' is not one of the allowed values.").format(field=name, value=value)
        if self.max_length is not None and isinstance(value, str) and len(value) > self.max_length:
            return _("{field} is longer than {limit} characters.").format(field=name, limit=self.max_length)
        return None


def _score(name: str, label: str) -> Attribute:
    return Attribute(name, label, "score", minimum=1, maximum=5)


ATTRIBUTES: dict[str, tuple[Attribute, ...]] = {
    "plan": (
        Attribute("title", N_("Title"), required=True, max_length=300),
        Attribute("region_province", N_("Province (시·도)"), max_length=100),
        Attribute("region_district", N_("City/county/district (시·군·구)"), max_length=100),
        Attribute("plan_type", N_("Plan type"), "choice", required=True, choices=v.PLAN_TYPES),
        Attribute("start_year", N_("First year"), "int", required=True, minimum=1990, maximum=2100),
        Attribute("end_year", N_("Last year"), "int", required=True, minimum=1990, maximum=2100),
        Attribute("lead_organisation", N_("Lead organisation"), max_length=200),
        Attribute("contact_department", N_("Contact department"), max_length=200),
        Attribute("contact_name", N_("Contact name"), max_length=100),
        Attribute("contact_phone", N_("Contact phone"), max_length=50),
        Attribute("publication_number", N_("Publication registration number"), max_length=50),
        Attribute("vision", N_("Vision"), "multiline"),
        Attribute("document_month", N_("Date on the cover"), "month"),
        Attribute("submission_date", N_("Submission date"), "date"),
        Attribute("report_year", N_("Year of the annual plan"), "int", minimum=1990, maximum=2100),
        Attribute("approval_columns", N_("Approval box columns"), "tags",
                  example=N_("Officer, Team leader, Director, Director-general")),
    ),
    "field": (
        Attribute("code", N_("Code"), required=True, max_length=20),
        Attribute("name", N_("Name"), required=True, max_length=200),
        Attribute("description", N_("Description"), "multiline"),
    ),
    "strategy": (
        Attribute("code", N_("Code"), required=True, max_length=20),
        Attribute("name", N_("Name"), required=True, max_length=200),
        Attribute("field_id", N_("Field"), "ref", ref_kind="field"),
        Attribute("description", N_("Description"), "multiline"),
    ),
    "initiative": (
        Attribute("code", N_("Code"), required=True, max_length=20),
        Attribute("title", N_("Title"), required=True, max_length=300),
        Attribute("field_id", N_("Field"), "ref", ref_kind="field"),
        Attribute("strategy_id", N_("Strategy"), "ref", ref_kind="strategy"),
        Attribute("phase", N_("Phase"), "int", minimum=1, maximum=9),
        Attribute("start_month", N_("Start month"), "month", required=True),
        Attribute("duration_months", N_("Duration (months)"), "int", required=True, minimum=0, maximum=600),
        Attribute("not_before", N_("Start no earlier than"), "month"),
        Attribute("lead_stakeholder_id", N_("Lead organisation"), "ref", ref_kind="stakeholder"),
        Attribute("lead_department", N_("Lead department"), max_length=200),
        Attribute("status", N_("Status"), "choice", required=True, choices=v.INITIATIVE_STATUSES),
        Attribute("progress", N_("Progress (%)"), "int", required=True, minimum=0, maximum=100),
        Attribute("actual_start", N_("Actual start"), "month"),
        Attribute("actual_finish", N_("Actual finish"), "month"),
        Attribute("purpose", N_("Purpose"), "multiline"),
        Attribute("content", N_("Content"), "multiline"),
        Attribute("target_users", N_("Target users"), "multiline"),
        Attribute("ai_technology", N_("AI technology"), "multiline"),
        Attribute("service_domain", N_("Service domain"), max_length=200),
        Attribute("data_used", N_("Data used"), "multiline"),
        _score("score_urgency", N_("Urgency")),
        _score("score_policy_fit", N_("Policy fit")),
        _score("score_feasibility", N_("Feasibility")),
        _score("score_effect", N_("Effect")),
        _score("score_technical", N_("Technical feasibility")),
        Attribute("project_type", N_("Project type"), "choice", required=True, choices=v.PROJECT_TYPES),
        Attribute("contract_method", N_("Contract method"), max_length=200),
        Attribute("prior_consultation", N_("Prior consultation"), max_length=200),
        Attribute("security_consultation", N_("Security consultation needed"), "bool"),
        Attribute("data_subject_count", N_("Data subjects"), "int", minimum=0),
        Attribute("sensitive_data", N_("Sensitive data"), "bool"),
        Attribute("unique_identifiers", N_("Unique identifiers"), "bool"),
        Attribute("privacy_impact_assessment", N_("Privacy impact assessment planned or done"), "bool"),
        Attribute("funding_rule_id", N_("Funding rule"), "ref", ref_kind="funding_rule"),
    ),
    "milestone": (
        Attribute("title", N_("Title"), required=True, max_length=300),
        Attribute("month", N_("Month"), "month", required=True),
        Attribute("done", N_("Done"), "bool"),
    ),
    "dependency": (
        Attribute("predecessor_id", N_("Predecessor"), "ref", required=True, ref_kind="initiative"),
        Attribute("successor_id", N_("Successor"), "ref", required=True, ref_kind="initiative"),
        Attribute("type", N_("Type"), "choice", required=True, choices=v.DEPENDENCY_TYPES),
        Attribute("lag_months", N_("Lag (months)"), "int", required=True, minimum=-120, maximum=120),
    ),
    "stakeholder": (
        Attribute("name", N_("Name"), required=True, max_length=200),
        Attribute("organisation", N_("Organisation"), max_length=200),
        Attribute("sector", N_("Sector"), "choice", required=True, choices=v.SECTORS),
        Attribute("role", N_("Role"), "multiline"),
        Attribute("influence", N_("Influence"), "score", required=True, minimum=1, maximum=5),
        Attribute("interest", N_("Interest"), "score", required=True, minimum=1, maximum=5),
        Attribute("attitude", N_("Attitude"), "choice", required=True, choices=v.ATTITUDES),
        Attribute("engagement", N_("Engagement strategy"), "choice", choices=v.ENGAGEMENT_STRATEGIES),
        Attribute("contact", N_("Contact"), max_length=300),
        Attribute("tags", N_("Tags"), "tags"),
        Attribute("notes", N_("Notes"), "multiline"),
    ),
    "stakeholder_relation": (
        Attribute("source_id", N_("From"), "ref", required=True, ref_kind="stakeholder"),
        Attribute("target_id", N_("To"), "ref", required=True, ref_kind="stakeholder"),
        Attribute("type", N_("Type"), "choice", required=True, choices=v.RELATION_TYPES),
        Attribute("directed", N_("Directed"), "bool"),
        Attribute("strength", N_("Strength"), "score", required=True, minimum=1, maximum=5),
        Attribute("notes", N_("Notes"), "multiline"),
    ),
    "raci_role": (
        Attribute("stakeholder_id", N_("Stakeholder"), "ref", required=True, ref_kind="stakeholder"),
        Attribute("initiative_id", N_("Initiative"), "ref", required=True, ref_kind="initiative"),
        Attribute("role", N_("Role"), "choice", required=True, choices=v.RACI_ROLES),
    ),
    "funding_rule": (
        Attribute("name", N_("Name"), required=True, max_length=200),
        Attribute("programme", N_("Programme"), max_length=200),
        Attribute("min_national_share_percent", N_("Minimum national share (%)"), "int", minimum=0, maximum=100),
        Attribute("max_national_share_percent", N_("Maximum national share (%)"), "int", minimum=0, maximum=100),
        Attribute("max_per_year_krw", N_("Maximum per year (KRW)"), "money", minimum=0),
        Attribute("max_years", N_("Maximum years"), "int", minimum=1, maximum=50),
        Attribute("description", N_("Description"), "multiline"),
    ),
    "budget_line": (
        Attribute("initiative_id", N_("Initiative"), "ref", required=True, ref_kind="initiative"),
        Attribute("fiscal_year", N_("Fiscal year"), "int", required=True, minimum=1990, maximum=2100),
        Attribute("source", N_("Funding source"), "choice", required=True, choices=v.FUNDING_SOURCES),
        Attribute("planned_krw", N_("Planned (KRW)"), "money", required=True, minimum=0),
        Attribute("executed_krw", N_("Executed (KRW)"), "money", minimum=0),
    ),
    "budget_total": (
        Attribute("fiscal_year", N_("Fiscal year"), "int", required=True, minimum=1990, maximum=2100),
        Attribute("source", N_("Funding source"), "choice", required=True, choices=v.FUNDING_SOURCES),
        Attribute("amount_krw", N_("Declared total (KRW)"), "money", required=True, minimum=0),
    ),
    "presentation_slide": (
        Attribute("kind", N_("Slide type"), required=True, max_length=30),
        Attribute("title", N_("Title"), max_length=200),
        Attribute("notes", N_("Presenter's notes"), "multiline"),
        Attribute("hidden", N_("Hidden"), "bool"),
    ),
    "workshop_rating": (
        Attribute("initiative_id", N_("Initiative"), "ref", required=True, ref_kind="initiative"),
        Attribute("votes", N_("Votes"), "int", required=True, minimum=0, maximum=999),
        Attribute("impact", N_("Impact"), "score", minimum=1, maximum=5),
        Attribute("feasibility", N_("Feasibility"), "score", minimum=1, maximum=5),
    ),
    "workshop_round": (
        Attribute("name", N_("Name"), required=True, max_length=200),
        Attribute("note", N_("Note"), "multiline"),
    ),
    "workshop_round_item": (
        Attribute("round_id", N_("Workshop round"), "ref", required=True, ref_kind="workshop_round"),
        Attribute("votes", N_("Votes"), "int", required=True, minimum=0, maximum=999),
    ),
    "sticky_note": (
        Attribute("target_kind", N_("On"), "choice", required=True,
                  choices={"initiative": N_("Initiative"), "stakeholder": N_("Stakeholder")}),
        Attribute("text", N_("Text"), "multiline", required=True),
        Attribute("colour", N_("Colour"), max_length=20),
    ),
    "kpi": (
        Attribute("initiative_id", N_("Initiative"), "ref", ref_kind="initiative"),
        Attribute("name", N_("Name"), required=True, max_length=300),
        Attribute("type", N_("Type"), "choice", required=True, choices=v.KPI_TYPES),
        Attribute("unit", N_("Unit"), max_length=50),
        Attribute("baseline_value", N_("Baseline"), "decimal"),
        Attribute("baseline_year", N_("Baseline year"), "int", minimum=1990, maximum=2100),
        Attribute("method", N_("How measured"), "multiline"),
    ),
    "kpi_target": (
        Attribute("kpi_id", N_("KPI"), "ref", required=True, ref_kind="kpi"),
        Attribute("year", N_("Year"), "int", required=True, minimum=1990, maximum=2100),
        Attribute("target_value", N_("Target"), "decimal"),
        Attribute("actual_value", N_("Actual"), "decimal"),
    ),
    "risk": (
        Attribute("initiative_id", N_("Initiative"), "ref", ref_kind="initiative"),
        Attribute("title", N_("Title"), required=True, max_length=300),
        Attribute("description", N_("Description"), "multiline"),
        Attribute("likelihood", N_("Likelihood"), "score", required=True, minimum=1, maximum=5),
        Attribute("impact", N_("Impact"), "score", required=True, minimum=1, maximum=5),
        Attribute("mitigation", N_("Mitigation"), "multiline"),
        Attribute("owner_stakeholder_id", N_("Owner"), "ref", ref_kind="stakeholder"),
        Attribute("status", N_("Status"), "choice", required=True, choices=v.RISK_STATUSES),
    ),
    "checklist_answer": (
        Attribute("initiative_id", N_("Initiative"), "ref", required=True, ref_kind="initiative"),
        Attribute("checklist", N_("Checklist"), "choice", required=True, choices=v.CHECKLISTS),
        Attribute("item_key", N_("Item"), required=True, max_length=80),
        Attribute("answer", N_("Answer"), "choice", required=True, choices=v.CHECKLIST_ANSWERS),
        Attribute("note", N_("Note"), "multiline"),
    ),
    "narrative_section": (
        Attribute("key", N_("Key"), required=True, max_length=80),
        Attribute("title", N_("Title"), required=True, max_length=200),
        Attribute("body", N_("Text"), "multiline"),
    ),
    "comment": (
        Attribute("body", N_("Comment"), "multiline", required=True),
        Attribute("resolved", N_("Resolved"), "bool"),
    ),
    "baseline": (
        Attribute("name", N_("Name"), required=True, max_length=200),
        Attribute("note", N_("Note"), "multiline"),
    ),
    "baseline_item": (
        Attribute("baseline_id", N_("Baseline plan"), "ref", required=True, ref_kind="baseline"),
        Attribute("code", N_("Code"), required=True, max_length=20),
        Attribute("title", N_("Title"), max_length=300),
        Attribute("planned_start", N_("Planned start"), "int", required=True),
        Attribute("duration_months", N_("Duration (months)"), "int", required=True, minimum=0, maximum=600),
        Attribute("es", N_("Early start"), "int", required=True),
        Attribute("ef", N_("Early finish"), "int", required=True),
    ),
    "baseline_budget": (
        Attribute("baseline_id", N_("Baseline plan"), "ref", required=True, ref_kind="baseline"),
        Attribute("fiscal_year", N_("Fiscal year"), "int", required=True, minimum=1990, maximum=2100),
        Attribute("source", N_("Funding source"), required=True, max_length=20),
        Attribute("planned_krw", N_("Planned (KRW)"), "money", required=True, minimum=0),
    ),
    "stakeholder_snapshot": (
        Attribute("name", N_("Name"), required=True, max_length=200),
        Attribute("note", N_("Note"), "multiline"),
    ),
    "stakeholder_snapshot_item": (
        Attribute("snapshot_id", N_("Grid snapshot"), "ref", required=True, ref_kind="stakeholder_snapshot"),
        Attribute("influence", N_("Influence"), "score", required=True, minimum=1, maximum=5),
        Attribute("interest", N_("Interest"), "score", required=True, minimum=1, maximum=5),
        Attribute("attitude", N_("Attitude"), "choice", required=True, choices=v.ATTITUDES),
    ),
    "network_position": (
        Attribute("stakeholder_id", N_("Stakeholder"), "ref", required=True, ref_kind="stakeholder"),
    ),
}


def attribute(kind: str, name: str) -> Attribute:
    for candidate in ATTRIBUTES[kind]:
        if candidate.name == name:
            return candidate
    raise KeyError(f"{kind}.{name}")
