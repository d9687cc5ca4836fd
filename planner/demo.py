"""The bundled demo plan (fictional Haedam County, 2027–2031), built in Korean or English from resources/demo."""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from planner.model import (
    Base,
    BudgetLine,
    BudgetTotal,
    ChecklistAnswer,
    Dependency,
    Field,
    FundingRule,
    Initiative,
    Kpi,
    KpiTarget,
    Milestone,
    NarrativeSection,
    Plan,
    RaciRole,
    Risk,
    Stakeholder,
    StakeholderRelation,
    Strategy,
)
from planner.model import vocabulary as v
from planner.months import YearMonth
from planner.resources import resource_path

# Namespace of the demo's row ids: uuid5(DEMO_NAMESPACE, "table:key"), identical in every build and language.
DEMO_NAMESPACE = uuid.UUID("0b9f3c2e-7a41-5d8e-9f26-4c1d8e7a5b30")
# Every demo row carries this modification time, so two builds are identical row for row.
DEMO_MODIFIED_AT = datetime(2027, 11, 1, 9, 0, 0)
DEMO_LANGUAGES = ("ko", "en")
DEMO_FILE = ("demo", "haedam.json")

# Tables in the order their rows are inserted (every reference points to a table earlier in the list).
_TABLE_ORDER: tuple[type[Base], ...] = (
    Plan, NarrativeSection, Field, Strategy, Stakeholder, FundingRule, Initiative, Milestone, Dependency,
    StakeholderRelation, RaciRole, BudgetLine, BudgetTotal, Kpi, KpiTarget, Risk, ChecklistAnswer,
)


def demo_id(table: str, key: str) -> str:
    """The fixed id of the demo row `key` of `table`, e.g. demo_id("initiative", "A-01")."""
    return str(uuid.uuid5(DEMO_NAMESPACE, f"{table}:{key}"))


def load_demo_data() -> dict[str, Any]:
    """The demo plan as stored: bilingual texts, rows referring to each other by code and key."""
    with resource_path(*DEMO_FILE).open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def build_demo_plan(session: Session, language: str = "ko") -> None:
    """Insert the whole demo plan, its texts in `language` ("ko" or "en"), into the empty plan of `session`.

    The caller owns the transaction: rows are inserted and flushed, never committed."""
    if language not in DEMO_LANGUAGES:
        raise ValueError(f"The demo plan exists in {' and '.join(DEMO_LANGUAGES)}, not in {language!r}.")
    for model in _TABLE_ORDER:
        if session.execute(select(func.count()).select_from(model.__table__)).scalar_one():
            raise ValueError(f"The demo plan needs an empty plan, but table {model.__tablename__} has rows.")
    rows = _DemoRows(language).build(load_demo_data())
    for model in _TABLE_ORDER:
        values = rows[model.__tablename__]
        if values:
            session.execute(insert(model.__table__), values)
    session.flush()


def _month(text: str | None) -> YearMonth | None:
    return None if text is None else YearMonth.parse(text)


def _decimal(value: int | str | None) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _code(vocabulary: Mapping[str, str], value: str, what: str) -> str:
    if value not in vocabulary:
        raise ValueError(f"Demo data: {value!r} is not a valid {what}.")
    return value


class _DemoRows:
    """Turns the stored demo into rows of every table, in one language, with deterministic ids."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.rows: dict[str, list[dict[str, Any]]] = {model.__tablename__: [] for model in _TABLE_ORDER}
        self.keys: dict[str, set[str]] = {model.__tablename__: set() for model in _TABLE_ORDER}

    # -- helpers ----------------------------------------------------------------------------------------

    def text(self, value: str | Mapping[str, Any] | None) -> str:
        """A text in the chosen language; a plain string is the same in both."""
        if value is None:
            return ""
        if isinstance(value, str):
            return value
        return str(value[self.language])

    def tags(self, value: list[str] | Mapping[str, list[str]] | None) -> list[str]:
        if value is None:
            return []
        if isinstance(value, Mapping):
            return [str(tag) for tag in value[self.language]]
        return [str(tag) for tag in value]

    def add(self, table: str, key: str, values: dict[str, Any]) -> str:
        """Append one row of `table` named `key` and return its id."""
        if key in self.keys[table]:
            raise ValueError(f"Demo data: {table} {key!r} appears twice.")
        self.keys[table].add(key)
        row_id = demo_id(table, key)
        self.rows[table].append({"id": row_id, "modified_at": DEMO_MODIFIED_AT, **values})
        return row_id

    def ref(self, table: str, key: str | None) -> str | None:
        """The id of an earlier row of `table` named `key` (None stays None)."""
        if key is None:
            return None
        if key not in self.keys[table]:
            raise ValueError(f"Demo data refers to an unknown {table} {key!r}.")
        return demo_id(table, key)

    # -- tables -----------------------------------------------------------------------------------------

    def build(self, data: Mapping[str, Any]) -> dict[str, list[dict[str, Any]]]:
        self.plan(data["plan"])
        for position, section in enumerate(data["narrative_sections"]):
            self.add("narrative_section", section["key"], {
                "key": section["key"], "title": self.text(section["title"]), "body": self.text(section["body"]),
                "position": position,
            })
        for position, item in enumerate(data["fields"]):
            self.add("field", item["code"], {
                "code": item["code"], "name": self.text(item["name"]),
                "description": self.text(item.get("description")), "position": position,
            })
        for position, item in enumerate(data["strategies"]):
            self.add("strategy", item["code"], {
                "code": item["code"], "name": self.text(item["name"]), "field_id": self.ref("field", item.get("field")),
                "description": self.text(item.get("description")), "position": position,
            })
        for item in data["stakeholders"]:
            self.stakeholder(item)
        for item in data["funding_rules"]:
            self.add("funding_rule", item["key"], {
                "name": self.text(item["name"]), "programme": self.text(item.get("programme")),
                "min_national_share_percent": item.get("min_national_share_percent"),
                "max_national_share_percent": item.get("max_national_share_percent"),
                "max_per_year_krw": item.get("max_per_year_krw"), "max_years": item.get("max_years"),
                "description": self.text(item.get("description")),
            })
        for position, item in enumerate(data["initiatives"]):
            self.initiative(item, position)
        for item in data["initiatives"]:
            self.initiative_details(item)
        for item in data["dependencies"]:
            predecessor, successor = item["predecessor"], item["successor"]
            self.add("dependency", f"{predecessor}>{successor}", {
                "predecessor_id": self.ref("initiative", predecessor),
                "successor_id": self.ref("initiative", successor),
                "type": _code(v.DEPENDENCY_TYPES, item["type"], "dependency type"),
                "lag_months": int(item["lag_months"]),
            })
        for item in data["stakeholder_relations"]:
            source, target, kind = item["source"], item["target"], item["type"]
            self.add("stakeholder_relation", f"{source}>{target}:{kind}", {
                "source_id": self.ref("stakeholder", source), "target_id": self.ref("stakeholder", target),
                "type": _code(v.RELATION_TYPES, kind, "relation type"), "directed": bool(item["directed"]),
                "strength": int(item["strength"]), "notes": self.text(item.get("notes")),
            })
        for position, item in enumerate(data.get("plan_kpis", [])):
            self.kpi(None, "plan", position, item)
        self.budget_totals()
        return self.rows

    def budget_totals(self) -> None:
        """The totals the plan's summary table declares: here, exactly what the initiatives' lines add up to."""
        totals: dict[tuple[int, str], int] = {}
        for line in self.rows["budget_line"]:
            key = (line["fiscal_year"], line["source"])
            totals[key] = totals.get(key, 0) + line["planned_krw"]
        for (year, source), amount in sorted(totals.items()):
            self.add("budget_total", f"{year}:{source}", {"fiscal_year": year, "source": source, "amount_krw": amount})

    def plan(self, item: Mapping[str, Any]) -> None:
        self.add("plan", item["key"], {
            "title": self.text(item["title"]),
            "region_province": self.text(item.get("region_province")),
            "region_district": self.text(item.get("region_district")),
            "plan_type": _code(v.PLAN_TYPES, item["plan_type"], "plan type"),
            "start_year": int(item["start_year"]), "end_year": int(item["end_year"]),
            "lead_organisation": self.text(item.get("lead_organisation")),
            "contact_department": self.text(item.get("contact_department")),
            "contact_name": self.text(item.get("contact_name")),
            "contact_phone": self.text(item.get("contact_phone")),
            "vision": self.text(item.get("vision")),
            "publication_number": self.text(item.get("publication_number")),
            "language": self.language,
            "guideline_profile_id": item.get("guideline_profile_id", "kr-master-plan"),
            "document_month": _month(item.get("document_month")),
        })

    def stakeholder(self, item: Mapping[str, Any]) -> None:
        engagement = item.get("engagement")
        self.add("stakeholder", item["key"], {
            "name": self.text(item["name"]), "organisation": self.text(item.get("organisation")),
            "sector": _code(v.SECTORS, item["sector"], "sector"), "role": self.text(item.get("role")),
            "influence": int(item["influence"]), "interest": int(item["interest"]),
            "attitude": _code(v.ATTITUDES, item["attitude"], "attitude"),
            "engagement": None if engagement is None else _code(v.ENGAGEMENT_STRATEGIES, engagement, "engagement"),
            "contact": self.text(item.get("contact")), "notes": self.text(item.get("notes")),
            "tags": self.tags(item.get("tags")),
        })

    def initiative(self, item: Mapping[str, Any], position: int) -> None:
        self.add("initiative", item["code"], {
            "code": item["code"], "title": self.text(item["title"]),
            "purpose": self.text(item.get("purpose")), "content": self.text(item.get("content")),
            "target_users": self.text(item.get("target_users")),
            "field_id": self.ref("field", item.get("field")), "strategy_id": self.ref("strategy", item.get("strategy")),
            "phase": item.get("phase"),
            "start_month": _month(item["start_month"]), "duration_months": int(item["duration_months"]),
            "not_before": _month(item.get("not_before")),
            "ai_technology": self.text(item.get("ai_technology")),
            "service_domain": self.text(item.get("service_domain")),
            "data_used": self.text(item.get("data_used")),
            "lead_stakeholder_id": self.ref("stakeholder", item.get("lead")),
            "lead_department": self.text(item.get("lead_department")),
            "score_urgency": item.get("score_urgency"), "score_policy_fit": item.get("score_policy_fit"),
            "score_feasibility": item.get("score_feasibility"), "score_effect": item.get("score_effect"),
            "score_technical": item.get("score_technical"),
            "status": _code(v.INITIATIVE_STATUSES, item.get("status", "planned"), "status"),
            "progress": int(item.get("progress", 0)),
            "actual_start": _month(item.get("actual_start")), "actual_finish": _month(item.get("actual_finish")),
            "project_type": _code(v.PROJECT_TYPES, item.get("project_type", "build"), "project type"),
            "contract_method": self.text(item.get("contract_method")),
            "prior_consultation": self.text(item.get("prior_consultation")),
            "security_consultation": bool(item.get("security_consultation", False)),
            "data_subject_count": item.get("data_subject_count"),
            "sensitive_data": bool(item.get("sensitive_data", False)),
            "unique_identifiers": bool(item.get("unique_identifiers", False)),
            "privacy_impact_assessment": bool(item.get("privacy_impact_assessment", False)),
            "funding_rule_id": self.ref("funding_rule", item.get("funding_rule")),
            "template_id": None, "position": position,
        })

    def initiative_details(self, item: Mapping[str, Any]) -> None:
        """Milestones, roles, budget, KPIs, risks and checklist answers of one initiative."""
        code = item["code"]
        initiative_id = self.ref("initiative", code)
        for number, milestone in enumerate(item.get("milestones", []), start=1):
            self.add("milestone", f"{code}:{number}", {
                "initiative_id": initiative_id, "title": self.text(milestone["title"]),
                "month": _month(milestone["month"]), "done": bool(milestone.get("done", False)),
            })
        for role in item.get("raci", []):
            stakeholder = role["stakeholder"]
            self.add("raci_role", f"{code}:{stakeholder}", {
                "stakeholder_id": self.ref("stakeholder", stakeholder), "initiative_id": initiative_id,
                "role": _code(v.RACI_ROLES, role["role"], "RACI role"),
            })
        for line in item.get("budget", []):
            source = _code(v.FUNDING_SOURCES, line["source"], "funding source")
            self.add("budget_line", f"{code}:{line['year']}:{source}", {
                "initiative_id": initiative_id, "fiscal_year": int(line["year"]), "source": source,
                "planned_krw": int(line["planned_krw"]),
                "executed_krw": None if line.get("executed_krw") is None else int(line["executed_krw"]),
            })
        for position, kpi in enumerate(item.get("kpis", [])):
            self.kpi(initiative_id, code, position, kpi)
        for number, risk in enumerate(item.get("risks", []), start=1):
            self.add("risk", f"{code}:{number}", {
                "initiative_id": initiative_id, "title": self.text(risk["title"]),
                "description": self.text(risk.get("description")),
                "likelihood": int(risk["likelihood"]), "impact": int(risk["impact"]),
                "mitigation": self.text(risk.get("mitigation")),
                "owner_stakeholder_id": self.ref("stakeholder", risk.get("owner")),
                "status": _code(v.RISK_STATUSES, risk.get("status", "open"), "risk status"),
            })
        for answer in item.get("checklist_answers", []):
            checklist = _code(v.CHECKLISTS, answer["checklist"], "checklist")
            self.add("checklist_answer", f"{code}:{checklist}:{answer['item']}", {
                "initiative_id": initiative_id, "checklist": checklist, "item_key": answer["item"],
                "answer": _code(v.CHECKLIST_ANSWERS, answer["answer"], "checklist answer"),
                "note": self.text(answer.get("note")),
            })

    def kpi(self, initiative_id: str | None, owner: str, position: int, item: Mapping[str, Any]) -> None:
        key = f"{owner}:{position + 1}"
        kpi_id = self.add("kpi", key, {
            "initiative_id": initiative_id, "name": self.text(item["name"]),
            "type": _code(v.KPI_TYPES, item["type"], "KPI type"), "unit": self.text(item.get("unit")),
            "baseline_value": _decimal(item.get("baseline_value")), "baseline_year": item.get("baseline_year"),
            "method": self.text(item.get("method")), "position": position,
        })
        for target in item.get("targets", []):
            self.add("kpi_target", f"{key}:{target['year']}", {
                "kpi_id": kpi_id, "year": int(target["year"]),
                "target_value": _decimal(target.get("target_value")),
                "actual_value": _decimal(target.get("actual_value")),
            })
