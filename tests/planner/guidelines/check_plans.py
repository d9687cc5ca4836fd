"""Small plans built row by row for the conformance-check tests, and profiles built from the dataclasses."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import create_engine, event, insert, update
from sqlalchemy.orm import Session

from planner.guidelines.profile import CHECKS, CheckSpec, CoverSpec, GuidelineProfile, LocalText, SectionSpec
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
    Stakeholder,
    Strategy,
    new_id,
)
from planner.model.vocabulary import CHECKLIST_ITEMS
from planner.months import YearMonth

PLAN_START, PLAN_END = 2027, 2031
MARCH_2027 = YearMonth(2027, 3)
SEPTEMBER_2027 = YearMonth(2027, 9)

# Sections of the test profiles that the planner writes.
BACKGROUND = SectionSpec("overview.background", LocalText({"ko": "추진 배경", "en": "Background"}),
                         narrative="background")
SWOT = SectionSpec("status.swot", LocalText({"ko": "SWOT 분석", "en": "SWOT analysis"}), narrative="swot")
VISION_BLOCK = SectionSpec("vision.summary", LocalText({"ko": "비전", "en": "Vision"}), block="vision_summary")


def profile_with(checks: Mapping[str, str | tuple[str, Mapping[str, Any]]], *,
                 required_fields: tuple[str, ...] = (), language: str = "ko",
                 sections: tuple[SectionSpec, ...] = (BACKGROUND, SWOT, VISION_BLOCK)) -> GuidelineProfile:
    """A profile asking for `checks`: id -> severity, or id -> (severity, params)."""
    specs = {}
    for check_id, setting in checks.items():
        severity, params = (setting, {}) if isinstance(setting, str) else setting
        specs[check_id] = CheckSpec(check_id, severity, dict(params))
    return GuidelineProfile(
        id="test-profile", name=LocalText({"ko": "시험 지침", "en": "Test guideline"}),
        description=LocalText({"en": "For tests"}), plan_type="master", language=language, numbering="ko",
        cover=CoverSpec(("title",)), required_fields=required_fields, checks=specs, sections=sections)


def every_check_profile(severity: str = "error", **params: Mapping[str, Any]) -> GuidelineProfile:
    """A profile asking for every check at one severity (params by check id)."""
    return profile_with({check_id: (severity, params.get(check_id, {})) for check_id in CHECKS},
                        required_fields=("lead", "kpi", "budget", "field", "purpose"))


@contextmanager
def empty_plan(**plan_values: Any) -> Iterator[PlanBuilder]:
    """An in-memory plan (2027–2031) with nothing in it yet."""
    engine = create_engine("sqlite://")
    event.listen(engine, "connect", lambda connection, _record: connection.execute("PRAGMA foreign_keys = ON"))
    Base.metadata.create_all(engine)
    try:
        with Session(engine) as session:
            values = {"id": new_id(), "title": "해담군 AI 융합 기본계획", "start_year": PLAN_START,
                      "end_year": PLAN_END, **plan_values}
            session.execute(insert(Plan), [values])
            yield PlanBuilder(session, values["id"])
    finally:
        engine.dispose()


class PlanBuilder:
    """Adds rows to a test plan; every method returns the new row's id."""

    def __init__(self, session: Session, plan_id: str) -> None:
        self.session = session
        self.plan_id = plan_id
        self.positions = 0

    def _add(self, table: Any, values: dict[str, Any]) -> str:
        row_id = values.setdefault("id", new_id())
        self.session.execute(insert(table), [values])
        return row_id

    def set_plan(self, **values: Any) -> None:
        self.session.execute(update(Plan).where(Plan.id == self.plan_id).values(**values))

    def stakeholder(self, name: str, sector: str = "local_government") -> str:
        return self._add(Stakeholder, {"name": name, "sector": sector})

    def field(self, code: str = "A", name: str = "AI 복지·돌봄") -> str:
        return self._add(Field, {"code": code, "name": name})

    def strategy(self, code: str = "1-1", name: str = "돌봄 기반 조성") -> str:
        return self._add(Strategy, {"code": code, "name": name})

    def initiative(self, code: str, title: str | None = None, *, start: YearMonth = MARCH_2027,
                   duration: int = 12, **values: Any) -> str:
        """An initiative with a lead department (no lead is `lead_department=""`)."""
        self.positions += 1
        row = {"code": code, "title": title if title is not None else f"과제 {code}", "start_month": start,
               "duration_months": duration, "position": self.positions, "lead_department": "디지털정책과",
               **values}
        return self._add(Initiative, row)

    def complete_initiative(self, code: str, title: str | None = None, **values: Any) -> str:
        """An initiative that passes the per-initiative checks: lead, KPI with baseline and a target in its
        finish year, budget, field, purpose."""
        field_id = values.pop("field_id", None) or self.field(code=f"F{code}", name=f"분야 {code}")
        initiative_id = self.initiative(code, title, field_id=field_id,
                                        purpose=values.pop("purpose", f"{code} 목적"), **values)
        self.kpi(initiative_id, baseline=Decimal("10"), targets={2031: Decimal("20")})
        self.budget(initiative_id, 2027, national=50_000_000, municipal=50_000_000)
        return initiative_id

    def kpi(self, initiative_id: str | None, name: str = "이용자 수", *, baseline: Decimal | None = Decimal("1"),
            targets: Mapping[int, Decimal | None] | None = None) -> str:
        kpi_id = self._add(Kpi, {"initiative_id": initiative_id, "name": name, "type": "output", "unit": "명",
                                 "baseline_value": baseline})
        for year, value in (targets or {}).items():
            self._add(KpiTarget, {"kpi_id": kpi_id, "year": year, "target_value": value})
        return kpi_id

    def budget(self, initiative_id: str, year: int, **by_source: int) -> None:
        for source, amount in by_source.items():
            self._add(BudgetLine, {"initiative_id": initiative_id, "fiscal_year": year, "source": source,
                                   "planned_krw": amount})

    def budget_total(self, year: int, source: str, amount: int) -> str:
        return self._add(BudgetTotal, {"fiscal_year": year, "source": source, "amount_krw": amount})

    def funding_rule(self, name: str = "스마트빌리지", **values: Any) -> str:
        return self._add(FundingRule, {"name": name, **values})

    def milestone(self, initiative_id: str, title: str = "시범 운영", month: YearMonth = SEPTEMBER_2027) -> str:
        return self._add(Milestone, {"initiative_id": initiative_id, "title": title, "month": month})

    def depends(self, predecessor_id: str, successor_id: str) -> str:
        return self._add(Dependency, {"predecessor_id": predecessor_id, "successor_id": successor_id})

    def role(self, stakeholder_id: str, initiative_id: str, role: str) -> str:
        return self._add(RaciRole, {"stakeholder_id": stakeholder_id, "initiative_id": initiative_id, "role": role})

    def answer(self, initiative_id: str, checklist: str, items: tuple[str, ...] | None = None,
               answer: str = "yes") -> None:
        """Answer items of a checklist (all of them by default)."""
        for item in CHECKLIST_ITEMS[checklist] if items is None else items:
            self._add(ChecklistAnswer, {"initiative_id": initiative_id, "checklist": checklist, "item_key": item,
                                        "answer": answer})

    def narrative(self, key: str, body: str, title: str = "") -> str:
        return self._add(NarrativeSection, {"key": key, "title": title or key, "body": body})

    def submitted(self, day: date | None, report_year: int | None = None) -> None:
        self.set_plan(submission_date=day, report_year=report_year, plan_type="annual")
