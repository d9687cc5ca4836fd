"""Plans for the view, model and inspector tests (empty, a built Korean sample, the bundled demo), each under a controller."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from desktop_app.plan_controller import PlanController
from planner.commands import AddRow
from planner.months import YearMonth
from planner.storage import PlanDocument

FIELDS = [("A", "AI 복지·돌봄"), ("B", "AI 안전·환경"), ("C", "AI 행정·민원"), ("D", "데이터 기반 산업")]
STAKEHOLDERS = [
    ("과학기술정보통신부", "인공지능정책과", "central_government", 5, 3, "supportive"),
    ("행정안전부", "디지털정부국", "central_government", 5, 2, "neutral"),
    ("경상남도", "디지털혁신과", "local_government", 4, 5, "champion"),
    ("창원시", "정보통신담당관", "local_government", 3, 5, "champion"),
    ("한국지능정보사회진흥원", "NIA 지역혁신팀", "public_agency", 4, 4, "supportive"),
    ("네이버클라우드", "공공사업본부", "private_company", 2, 4, "supportive"),
    ("창원대학교", "AI융합연구소", "academia", 2, 3, "neutral"),
    ("주민자치회", "의창구 연합회", "civil_society", 1, 4, "sceptical"),
    ("Global AI Partners", "Seoul office", "global_partner", 2, 2, "neutral"),
]
TITLES = [
    "AI 돌봄 로봇 보급", "독거노인 AI 안부 확인", "치매 조기 발견 AI 검사", "AI 건강 코칭 플랫폼",
    "AI 산불 감시 카메라", "하천 범람 예측 AI", "미세먼지 AI 예보", "스마트 CCTV 관제 고도화",
    "AI 민원 상담 챗봇", "행정문서 AI 요약", "AI 기반 복지 사각지대 발굴", "공무원 AI 역량 교육",
    "지역 데이터 댐 구축", "AI 스타트업 지원 센터", "제조 AI 실증 랩", "AI 인재 양성 아카데미",
]
SOURCES = ("national", "provincial", "municipal", "private")


def add(session: Any, kind: str, values: dict[str, Any]) -> str:
    command = AddRow(kind, values)
    command.apply(session)
    return command.row_id


def build_sample_plan(document: PlanDocument, initiatives_per_field: int = 4) -> None:
    """Fields, strategies, stakeholders, initiatives with budgets, dependencies, KPIs and RACI roles."""
    with document.session() as session:
        field_ids = [add(session, "field", {"code": code, "name": name, "position": n})
                     for n, (code, name) in enumerate(FIELDS)]
        strategy_ids = [add(session, "strategy", {"code": f"S{n + 1}", "name": f"{name} 전략", "field_id": field_ids[n]})
                        for n, (_code, name) in enumerate(FIELDS)]
        stakeholder_ids = [
            add(session, "stakeholder", {"name": name, "organisation": organisation, "sector": sector,
                                         "influence": influence, "interest": interest, "attitude": attitude,
                                         "tags": ["자문단"] if n % 3 == 0 else [],
                                         "engagement": "keep_satisfied" if sector == "global_partner" else None})
            for n, (name, organisation, sector, influence, interest, attitude) in enumerate(STAKEHOLDERS)
        ]
        initiative_ids: list[str] = []
        number = 0
        for f, (code, _name) in enumerate(FIELDS):
            for i in range(initiatives_per_field):
                title = TITLES[number % len(TITLES)] + ("" if number < len(TITLES) else f" {number // len(TITLES) + 1}단계")
                initiative_id = add(session, "initiative", {
                    "code": f"{code}-{i + 1:02d}", "title": title, "field_id": field_ids[f],
                    "strategy_id": strategy_ids[f], "phase": 1 + i % 3,
                    "start_month": YearMonth(2027 + i % 3, 1 + (number * 5) % 12),
                    "duration_months": 0 if i == 3 else 6 + (number * 7) % 30,
                    "lead_stakeholder_id": stakeholder_ids[number % len(stakeholder_ids)] if number % 4 else None,
                    "lead_department": "스마트도시과", "status": ("planned", "in_progress", "done", "on_hold")[number % 4],
                    "progress": (number * 13) % 101, "position": number,
                })
                initiative_ids.append(initiative_id)
                for year in range(2027, 2027 + 1 + i % 3):
                    for s, source in enumerate(SOURCES[: 1 + (number + year) % 4]):
                        # from 90 million to several billion won, so text and number order differ
                        amount = (90 + 37 * ((number * 7 + s * 3 + year) % 29)) * 1_000_000 * (10 if s == 0 and i == 0 else 1)
                        add(session, "budget_line", {"initiative_id": initiative_id, "fiscal_year": year,
                                                     "source": source, "planned_krw": amount})
                add(session, "kpi", {"initiative_id": initiative_id, "name": f"{title} 이용자 수", "type": "output",
                                     "unit": "명"})
                for r, role in enumerate("RAC"):
                    add(session, "raci_role", {"initiative_id": initiative_id, "role": role,
                                               "stakeholder_id": stakeholder_ids[(number + r * 2) % len(stakeholder_ids)]})
                number += 1
        for n in range(1, len(initiative_ids)):
            if n % 3:
                add(session, "dependency", {"predecessor_id": initiative_ids[n - 1], "successor_id": initiative_ids[n],
                                            "type": "FS", "lag_months": 0})


@pytest.fixture
def empty_controller(qtbot: Any) -> Iterator[PlanController]:
    """A controller over a new plan (2027-2031) with nothing but its plan record."""
    document = PlanDocument.new("빈 계획", 2027, 2031, region_province="경상남도", lead_organisation="창원시")
    controller = PlanController(document)
    yield controller
    controller.undo_stack.clear()
    document.close()


@pytest.fixture
def demo_controller(qtbot: Any) -> Iterator[PlanController]:
    """A controller over a demo-sized Korean plan: 4 fields, 9 stakeholders, 16 initiatives with budgets."""
    document = PlanDocument.new("창원시 AI 융합 기본계획", 2027, 2031, region_province="경상남도",
                                region_district="창원시", lead_organisation="창원시 스마트도시과")
    build_sample_plan(document)
    controller = PlanController(document)
    yield controller
    controller.undo_stack.clear()
    document.close()


@pytest.fixture
def haedam_controller(qtbot: Any, tmp_path: Path) -> Iterator[PlanController]:
    """A controller over the bundled Korean demo plan (planner.demo), opened from a plan file."""
    demo = pytest.importorskip("planner.demo")
    from planner.storage.create import create_empty_database
    from planner.storage.document import make_engine

    path = tmp_path / "haedam.cplan"
    create_empty_database(path)
    engine = make_engine(path)
    try:
        with Session(engine) as session, session.begin():
            demo.build_demo_plan(session, "ko")
    finally:
        engine.dispose()
    document = PlanDocument.open(path)
    controller = PlanController(document)
    yield controller
    controller.undo_stack.clear()
    document.close()
