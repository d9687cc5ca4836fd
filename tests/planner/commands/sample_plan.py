"""A small hand-built plan with at least one row of every kind, and helpers to run commands and dump tables."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, insert, select, update
from sqlalchemy.orm import Session

from planner.model import ENTITY_CLASSES, Base, Plan
from planner.months import YearMonth
from planner.storage.create import create_plan_database
from planner.storage.document import make_engine

T = TypeVar("T")
# Every row of the sample plan was last modified at this time, long before any test runs.
OLD_TIME = datetime(2020, 1, 2, 3, 4, 5, 600000)

TableDump = dict[str, list[dict[str, Any]]]


@dataclass
class SamplePlan:
    """The sample plan's engine and the ids of its rows, by a short name ('i1', 'st2', ...)."""

    engine: Engine
    ids: dict[str, str]

    def run(self, work: Callable[[Session], T]) -> T:
        """Run `work` in one committed transaction (rolled back if it raises)."""
        with Session(self.engine) as session, session.begin():
            return work(session)

    def dump(self) -> TableDump:
        with self.engine.connect() as connection:
            return dump_tables(connection)


def dump_tables(connection: Connection) -> TableDump:
    """Every table, every column, as stored (no type conversion), rows sorted by id."""
    dumped: TableDump = {}
    for table in Base.metadata.sorted_tables:
        rows = connection.exec_driver_sql(f'SELECT * FROM "{table.name}" ORDER BY id').mappings().all()
        dumped[table.name] = [dict(row) for row in rows]
    return dumped


def _rows() -> list[tuple[str, dict[str, Any]]]:
    """(kind, values) of the sample plan in insertion order; each value dict has a short 'id' name."""
    ym = YearMonth
    return [
        ("narrative_section", {"id": "sec1", "key": "background", "title": "추진 배경", "body": "배경", "position": 0}),
        ("field", {"id": "fA", "code": "A", "name": "AI 복지·돌봄", "position": 0}),
        ("field", {"id": "fB", "code": "B", "name": "스마트 교통", "position": 1}),
        ("strategy", {"id": "s1", "code": "1-1", "name": "돌봄 기반 조성", "field_id": "fA"}),
        ("stakeholder", {"id": "st1", "name": "해담군청 디지털정책과", "sector": "local_government",
                         "influence": 5, "interest": 5, "tags": ["AI", "행정"]}),
        ("stakeholder", {"id": "st2", "name": "누리 소프트", "sector": "private_company", "influence": 2,
                         "interest": 4}),
        ("stakeholder", {"id": "st3", "name": "노인복지관", "sector": "civil_society"}),
        ("funding_rule", {"id": "fr1", "name": "스마트빌리지", "min_national_share_percent": 80,
                          "max_per_year_krw": 100_000_000}),
        ("initiative", {"id": "i1", "code": "A-01", "title": "AI 돌봄 로봇", "field_id": "fA", "strategy_id": "s1",
                        "start_month": ym(2027, 3), "duration_months": 12, "lead_stakeholder_id": "st1",
                        "funding_rule_id": "fr1", "phase": 1, "position": 0}),
        ("initiative", {"id": "i2", "code": "A-02", "title": "AI 안부 전화", "field_id": "fA",
                        "start_month": ym(2028, 1), "duration_months": 6, "position": 1}),
        ("initiative", {"id": "i3", "code": "B-01", "title": "스마트 정류장", "field_id": "fB",
                        "start_month": ym(2027, 1), "duration_months": 0, "position": 2}),
        ("milestone", {"id": "m1", "initiative_id": "i1", "title": "시범 운영", "month": ym(2027, 9)}),
        ("dependency", {"id": "d1", "predecessor_id": "i1", "successor_id": "i2", "type": "FS", "lag_months": 1}),
        ("dependency", {"id": "d2", "predecessor_id": "i3", "successor_id": "i1", "type": "SS", "lag_months": -2}),
        ("stakeholder_relation", {"id": "rel1", "source_id": "st1", "target_id": "st2", "type": "funds"}),
        ("raci_role", {"id": "raci1", "stakeholder_id": "st1", "initiative_id": "i1", "role": "R"}),
        ("raci_role", {"id": "raci2", "stakeholder_id": "st2", "initiative_id": "i1", "role": "C"}),
        ("raci_role", {"id": "raci3", "stakeholder_id": "st1", "initiative_id": "i2", "role": "A"}),
        ("budget_line", {"id": "b1", "initiative_id": "i1", "fiscal_year": 2027, "source": "national",
                         "planned_krw": 80_000_000}),
        ("budget_line", {"id": "b2", "initiative_id": "i1", "fiscal_year": 2027, "source": "municipal",
                         "planned_krw": 20_000_000, "executed_krw": 5_000_000}),
        ("budget_line", {"id": "b3", "initiative_id": "i2", "fiscal_year": 2028, "source": "national",
                         "planned_krw": 50_000_000}),
        ("budget_total", {"id": "bt1", "fiscal_year": 2027, "source": "national", "amount_krw": 80_000_000}),
        ("presentation_slide", {"id": "ps1", "position": 0, "kind": "title", "params": {}, "notes": "인사말"}),
        ("workshop_rating", {"id": "wr1", "initiative_id": "i1", "votes": 3, "impact": 4, "feasibility": 2}),
        ("workshop_round", {"id": "wround1", "name": "1차 워크숍"}),
        ("workshop_round_item", {"id": "wri1", "round_id": "wround1", "initiative_id": "i1", "code": "A-01",
                                 "votes": 2}),
        ("sticky_note", {"id": "sn1", "target_kind": "initiative", "target_id": "i1", "text": "주민 의견 수렴"}),
        ("kpi", {"id": "k1", "initiative_id": "i1", "name": "돌봄 대상자 수", "type": "output", "unit": "명",
                 "baseline_value": Decimal("120"), "baseline_year": 2026}),
        ("kpi", {"id": "k2", "initiative_id": None, "name": "주민 만족도", "type": "outcome", "unit": "점",
                 "baseline_value": Decimal("72.5"), "position": 1}),
        ("kpi_target", {"id": "t1", "kpi_id": "k1", "year": 2028, "target_value": Decimal("150")}),
        ("kpi_target", {"id": "t2", "kpi_id": "k1", "year": 2031, "target_value": Decimal("300.25")}),
        ("kpi_target", {"id": "t3", "kpi_id": "k2", "year": 2031, "target_value": Decimal("85")}),
        ("risk", {"id": "r1", "initiative_id": "i1", "title": "개인정보 민원", "owner_stakeholder_id": "st2"}),
        ("risk", {"id": "r2", "initiative_id": "i2", "title": "예산 지연", "owner_stakeholder_id": "st1"}),
        ("checklist_answer", {"id": "ca1", "initiative_id": "i1", "checklist": "ai_ethics",
                              "item_key": "human_rights", "answer": "yes"}),
        ("comment", {"id": "c1", "target_kind": "initiative", "target_id": "i1", "author": "김", "body": "확인",
                     "created_at": OLD_TIME}),
        ("comment", {"id": "c2", "target_kind": "initiative", "target_id": "i1", "parent_id": "c1",
                     "author": "이", "body": "답글", "created_at": OLD_TIME}),
        ("comment", {"id": "c3", "target_kind": "stakeholder", "target_id": "st1", "body": "연락처 확인",
                     "created_at": OLD_TIME}),
        ("change_log", {"id": "log1", "at": OLD_TIME, "command": "import", "summary": "가져오기",
                        "details": {"rows": 3}}),
        ("baseline", {"id": "bl1", "name": "2027 승인안", "created_at": OLD_TIME, "note": "의회 승인"}),
        ("baseline_item", {"id": "bli1", "baseline_id": "bl1", "initiative_id": "i1", "code": "A-01",
                           "title": "AI 돌봄 로봇", "planned_start": ym(2027, 3).index, "duration_months": 12,
                           "es": ym(2027, 3).index, "ef": ym(2028, 3).index}),
        ("baseline_budget", {"id": "blb1", "baseline_id": "bl1", "initiative_id": "i1", "fiscal_year": 2027,
                             "source": "national", "planned_krw": 80_000_000}),
        ("stakeholder_snapshot", {"id": "ss1", "name": "2027 상반기", "created_at": OLD_TIME, "note": "착수 전"}),
        ("stakeholder_snapshot_item", {"id": "ssi1", "snapshot_id": "ss1", "stakeholder_id": "st1", "influence": 4,
                                       "interest": 5, "attitude": "supportive"}),
        ("network_position", {"id": "np1", "stakeholder_id": "st1", "x": 0.25, "y": 0.75}),
        ("merge_conflict", {"id": "mc1", "conflict_type": "field", "item_kind": "initiative",
                            "item_id": "000000i2-0000-4000-8000-000000000000", "item_label": "A-02 AI 안부 전화",
                            "field_name": "title", "conflict_key": "field:initiative:i2:title",
                            "sides": {"ours": {"text": "AI 안부 전화", "value": "AI 안부 전화"}}, "kept": "ours",
                            "involved": ["000000i2-0000-4000-8000-000000000000"], "message": "Both sides changed Title.",
                            "sources": "a.cplan | b.cplan | c.cplan", "created_at": OLD_TIME}),
    ]


# Short names that are row ids of the sample plan (everything else in a value dict is a plain value).
REFERENCE_COLUMNS = frozenset({
    "field_id", "strategy_id", "lead_stakeholder_id", "funding_rule_id", "initiative_id", "predecessor_id",
    "successor_id", "source_id", "target_id", "stakeholder_id", "kpi_id", "owner_stakeholder_id", "parent_id",
    "baseline_id", "snapshot_id", "round_id",
})


def build_sample_plan(path: Path) -> SamplePlan:
    """Write the sample plan to `path`; row ids are real UUID-like strings, mapped from the short names."""
    create_plan_database(path, title="해담군 AI 융합 계획", start_year=2027, end_year=2031,
                         region_province="해담도", region_district="해담군")
    engine = make_engine(path)
    rows = _rows()
    ids = {values["id"]: f"{values['id']:0>8}-0000-4000-8000-000000000000" for _kind, values in rows}
    with engine.begin() as connection:
        ids["plan"] = connection.execute(select(Plan.id)).scalar_one()
        connection.execute(update(Plan.__table__).values(modified_at=OLD_TIME))
        for kind, values in rows:
            row = {
                name: ids[value] if (name == "id" or name in REFERENCE_COLUMNS) and value is not None else value
                for name, value in values.items()
            }
            row["modified_at"] = OLD_TIME
            connection.execute(insert(ENTITY_CLASSES[kind].__table__).values(**row))
    return SamplePlan(engine, ids)
