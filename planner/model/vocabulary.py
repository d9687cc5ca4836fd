"""The closed vocabularies of the domain (sectors, funding sources, KPI types, ...) with their labels."""

from __future__ import annotations

from planner.i18n import N_, _

# Each vocabulary maps the stored code to its English label; _() gives the Korean one.
PLAN_TYPES = {
    "master": N_("Local master plan"),
    "annual": N_("Annual implementation plan"),
    "project": N_("Project plan"),
    "isp": N_("ISP/ISMP"),
}
SECTORS = {
    "central_government": N_("Central government"),
    "local_government": N_("Local government"),
    "public_agency": N_("Public agency"),
    "private_company": N_("Private company"),
    "global_partner": N_("Global partner"),
    "civil_society": N_("Civil society & residents"),
    "academia": N_("Academia & research"),
}
ATTITUDES = {
    "champion": N_("Champion"),
    "supportive": N_("Supportive"),
    "neutral": N_("Neutral"),
    "sceptical": N_("Sceptical"),
    "opposed": N_("Opposed"),
}
ENGAGEMENT_STRATEGIES = {
    "manage_closely": N_("Manage closely"),
    "keep_satisfied": N_("Keep satisfied"),
    "keep_informed": N_("Keep informed"),
    "monitor": N_("Monitor"),
}
RELATION_TYPES = {
    "funds": N_("Funds"),
    "regulates": N_("Regulates"),
    "partners": N_("Partners with"),
    "supplies": N_("Supplies"),
    "advises": N_("Advises"),
    "represents": N_("Represents"),
    "informs": N_("Informs"),
    "reports_to": N_("Reports to"),
}
RACI_ROLES = {
    "R": N_("Responsible"),
    "A": N_("Accountable"),
    "C": N_("Consulted"),
    "I": N_("Informed"),
}
DEPENDENCY_TYPES = {
    "FS": N_("Finish to start"),
    "SS": N_("Start to start"),
    "FF": N_("Finish to finish"),
    "SF": N_("Start to finish"),
}
FUNDING_SOURCES = {
    "national": N_("National"),
    "provincial": N_("Provincial"),
    "municipal": N_("Municipal"),
    "private": N_("Private"),
    "other": N_("Other"),
}
KPI_TYPES = {
    "input": N_("Input"),
    "process": N_("Process"),
    "output": N_("Output"),
    "outcome": N_("Outcome"),
}
INITIATIVE_STATUSES = {
    "planned": N_("Planned"),
    "in_progress": N_("In progress"),
    "done": N_("Done"),
    "on_hold": N_("On hold"),
    "cancelled": N_("Cancelled"),
}
PROJECT_TYPES = {
    "isp": N_("ISP/ISMP"),
    "build": N_("Build"),
    "operate": N_("Operate"),
    "research": N_("Research"),
}
RISK_STATUSES = {
    "open": N_("Open"),
    "mitigating": N_("Mitigating"),
    "closed": N_("Closed"),
}
CHECKLISTS = {
    "ai_ethics": N_("AI ethics standard"),
    "trustworthy_ai": N_("Trustworthy AI"),
    "privacy": N_("Privacy impact"),
}
# The items of each checklist (stored as ChecklistAnswer.item_key).
CHECKLIST_ITEMS: dict[str, tuple[str, ...]] = {
    # 인공지능 윤리기준 (2020): the 10 core requirements
    "ai_ethics": (
        "human_rights", "privacy", "diversity", "no_harm", "public_interest", "solidarity", "data_management",
        "accountability", "safety", "transparency",
    ),
    # 신뢰할 수 있는 인공지능 개발 안내서: the 15 requirements
    "trustworthy_ai": (
        "risk_management", "governance", "test_plan", "traceability", "data_details", "abnormal_data",
        "training_data_bias", "open_source_security", "model_bias", "model_attack_defence", "model_explanation",
        "implementation_bias", "safe_mode", "explanation_understanding", "service_scope",
    ),
}
CHECKLIST_ANSWERS = {
    "unanswered": N_("Unanswered"),
    "yes": N_("Yes"),
    "no": N_("No"),
    "not_applicable": N_("Not applicable"),
}


def label(vocabulary: dict[str, str], code: str | None) -> str:
    """The translated label of a code, or the code itself when it is not in the vocabulary."""
    if code is None:
        return ""
    return _(vocabulary[code]) if code in vocabulary else code


def engagement_for(influence: int, interest: int) -> str:
    """The classic power/interest quadrant: high/high manage closely, and so on (3 and above is high)."""
    high_influence, high_interest = influence >= 3, interest >= 3
    if high_influence and high_interest:
        return "manage_closely"
    if high_influence:
        return "keep_satisfied"
    if high_interest:
        return "keep_informed"
    return "monitor"
