"""Synthetic plans of any size, deterministic for a seed: for tests, benchmarks and trying the app at scale."""

from __future__ import annotations

import contextlib
import math
import random
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, insert

from planner.model import (
    BudgetLine,
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
from planner.model.vocabulary import ATTITUDES, ENGAGEMENT_STRATEGIES, RELATION_TYPES, SECTORS

# Every synthetic row carries this modification time, so two runs with one seed give identical plans.
FIXED_TIMESTAMP = datetime(2026, 1, 5, 9, 0, 0)
FIRST_YEAR = 2027
LAST_YEAR = 2031
DEPENDENCIES_PER_INITIATIVE = 1.5
MILESTONE_SHARE = 0.05
RELATIONS_PER_STAKEHOLDER = 1.2
# Phases as in real local master plans: phase 1 = 1 year, phase 2 = 2 years, phase 3 = 2 years (in months).
PHASE_WINDOWS: tuple[tuple[int, int], ...] = ((0, 12), (12, 36), (36, 60))
PHASE_WEIGHTS = (0.25, 0.4, 0.35)
DEPENDENCY_TYPE_WEIGHTS = {"FS": 0.6, "SS": 0.2, "FF": 0.12, "SF": 0.08}

FIELD_NAMES = (
    "AI 행정혁신", "AI 복지·돌봄", "스마트 교통", "안전·재난 대응", "농어촌 스마트화", "환경·에너지",
    "데이터 기반 정책", "디지털 포용", "관광·문화", "산업·일자리", "교육·인재", "보건·의료",
)
STRATEGY_THEMES = ("기반 조성", "서비스 고도화", "확산·정착", "민관 협력", "데이터 연계")
INITIATIVE_SUBJECTS = (
    "AI 민원 안내", "독거노인 AI 돌봄", "스마트 버스정류장", "산불 감시 드론", "스마트팜 데이터",
    "공공데이터 개방 플랫폼", "디지털 배움터", "AI 교통신호 제어", "침수 예측 센서망", "관광 안내 챗봇",
    "디지털트윈 도시관리", "스마트 경로당", "AI 보건 상담", "스마트 쓰레기 수거", "주민 참여 플랫폼",
    "AI 복지 사각지대 발굴", "스마트 가로등", "농산물 수요 예측", "지역 인재 양성", "스마트 주차",
)
INITIATIVE_ACTIONS = ("시범사업", "구축", "고도화", "운영", "확산", "기본계획 수립")
ORGANISATIONS: dict[str, tuple[str, ...]] = {
    "central_government": ("과학기술정보통신부", "행정안전부", "국토교통부", "보건복지부", "농림축산식품부"),
    "local_government": ("가상도청", "가상시청", "가상시의회", "가상읍사무소", "가상면사무소"),
    "public_agency": ("한국지능정보사회진흥원", "정보통신산업진흥원", "한국국토정보공사", "가상도 경제진흥원"),
    "private_company": ("가상 AI 주식회사", "한빛 데이터", "누리 소프트", "다온 모빌리티", "새솔 통신"),
    "global_partner": ("Sister City of Aveiro", "Nordic Smart Cities", "UN-Habitat Korea Office", "OpenData Lab"),
    "civil_society": ("가상시 주민자치회", "노인복지관", "청년 네트워크", "장애인 단체 연합", "마을 협동조합"),
    "academia": ("가상대학교 AI학과", "가상과학기술원", "지역혁신연구소", "가상전문대학"),
}
DEPARTMENTS = ("디지털정책과", "AI융합팀", "복지정책과", "교통행정과", "안전총괄과", "농업정책과", "관광과")
TAGS = ("AI", "데이터", "돌봄", "교통", "안전", "예산", "주민", "기업", "연구")
KPI_UNITS = ("건", "%", "명", "개소", "점", "분")
KPI_TYPES_CYCLE = ("output", "outcome", "process", "input")
RISK_TITLES = ("예산 확보 지연", "데이터 품질 미흡", "개인정보 민원", "사업자 선정 지연", "주민 수용성 부족")
# Bits of a random 128-bit number to clear and set so that it reads as a version-4, RFC 4122 UUID.
_UUID_CLEAR = ~((0xF000 << 64) | (0xC000 << 48))
_UUID_SET = (0x4000 << 64) | (0x8000 << 48)


@dataclass
class _Initiative:
    """What the generator needs to know of an initiative while it links and budgets it."""

    id: str
    field_index: int
    strategy_index: int
    phase: int
    start: int  # month offset from January of the first year
    duration: int

    @property
    def end(self) -> int:
        """The month after the last month of work ([start, end))."""
        return self.start + self.duration


class _Generator:
    """Draws every row of one synthetic plan from one random.Random."""

    def __init__(self, initiative_count: int, stakeholder_count: int, seed: int) -> None:
        self.random = random.Random(seed)
        self.initiative_count = initiative_count
        self.stakeholder_count = stakeholder_count
        self.first_month = FIRST_YEAR * 12  # YearMonth index of January of the first year

    def new_id(self) -> str:
        """A version-4 UUID drawn from the seeded generator (what str(uuid.UUID(int=..., version=4)) gives)."""
        bits = (self.random.getrandbits(128) & _UUID_CLEAR) | _UUID_SET
        text = f"{bits:032x}"
        return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"

    @staticmethod
    def stamp(row: dict[str, Any]) -> dict[str, Any]:
        row["modified_at"] = FIXED_TIMESTAMP
        return row

    # -- the plan and its structure -------------------------------------------------------------------------

    def plan(self) -> list[dict[str, Any]]:
        return [self.stamp({
            "id": self.new_id(),
            "title": f"가상시 AI 융합 지역 디지털 전환 계획 (합성 {self.initiative_count:,}개 과제)",
            "region_province": "가상도", "region_district": "가상시", "plan_type": "master",
            "start_year": FIRST_YEAR, "end_year": LAST_YEAR, "lead_organisation": "가상시청",
            "contact_department": "디지털정책과", "contact_name": "홍길동", "contact_phone": "000-000-0000",
            "vision": "사람 중심의 AI로 함께 성장하는 가상시", "publication_number": "", "language": "ko",
            "guideline_profile_id": "kr-local-master",
        })]

    def narrative_sections(self) -> list[dict[str, Any]]:
        sections = (("background", "추진 배경", "지역 현안을 AI와 데이터로 해결하기 위한 계획이다."),
                    ("trends", "정책·기술 동향", "국가 지능정보사회 종합계획과 연계한다."),
                    ("vision", "비전과 목표", "사람 중심의 AI로 함께 성장하는 가상시"))
        return [self.stamp({"id": self.new_id(), "key": key, "title": title, "body": body, "position": index})
                for index, (key, title, body) in enumerate(sections)]

    def fields_and_strategies(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        root = math.sqrt(max(self.initiative_count, 1))
        field_count = min(max(3, math.ceil(root / 4)), 26)
        strategy_count = max(field_count * 2, math.ceil(root))
        fields = []
        for index in range(field_count):
            name = FIELD_NAMES[index % len(FIELD_NAMES)]
            if index >= len(FIELD_NAMES):
                name = f"{name} {index // len(FIELD_NAMES) + 1}"
            fields.append(self.stamp({
                "id": self.new_id(), "code": chr(ord("A") + index), "name": name,
                "description": f"{name} 분야의 과제", "position": index,
            }))
        strategies = []
        for index in range(strategy_count):
            field_index = index % field_count
            number = index // field_count + 1
            theme = STRATEGY_THEMES[(number - 1) % len(STRATEGY_THEMES)]
            strategies.append(self.stamp({
                "id": self.new_id(), "code": f"{field_index + 1}-{number}",
                "name": f"{fields[field_index]['name']} {theme}", "field_id": fields[field_index]["id"],
                "description": "", "position": index,
            }))
        return fields, strategies

    def funding_rules(self) -> list[dict[str, Any]]:
        rules = (
            ("스마트빌리지 선도서비스", "MSIT Smart Village", 80, None, 100_000_000, None),
            ("디지털트윈 시범지역", "MSIT Digital Twin", None, None, 5_000_000_000, 3),
            ("국토부 디지털트윈", "MOLIT Digital Twin", 50, 50, 700_000_000, 1),
        )
        return [self.stamp({
            "id": self.new_id(), "name": name, "programme": programme, "min_national_share_percent": minimum,
            "max_national_share_percent": maximum, "max_per_year_krw": per_year, "max_years": years,
            "description": "",
        }) for name, programme, minimum, maximum, per_year, years in rules]

    # -- stakeholders ---------------------------------------------------------------------------------------

    def stakeholders(self) -> list[dict[str, Any]]:
        sectors = list(SECTORS)
        attitudes = list(ATTITUDES)
        engagements = list(ENGAGEMENT_STRATEGIES)
        rows = []
        for index in range(self.stakeholder_count):
            # The first seven cover every sector; the rest lean towards local government and companies.
            sector = sectors[index] if index < len(sectors) else self.random.choices(
                sectors, weights=(2, 5, 2, 4, 1, 3, 2))[0]
            organisation = self.random.choice(ORGANISATIONS[sector])
            department = self.random.choice(DEPARTMENTS)
            rows.append(self.stamp({
                "id": self.new_id(), "name": f"{organisation} {department} {index + 1}",
                "organisation": organisation, "sector": sector, "role": "",
                "influence": self.random.randint(1, 5), "interest": self.random.randint(1, 5),
                "attitude": self.random.choices(attitudes, weights=(1, 3, 4, 2, 1))[0],
                "engagement": self.random.choice(engagements) if self.random.random() < 0.15 else None,
                "contact": "", "notes": "",
                "tags": self.random.sample(TAGS, self.random.randint(0, 3)),
            }))
        return rows

    def stakeholder_relations(self, stakeholders: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
        count = len(stakeholders)
        if count < 2:
            return []
        wanted = min(round(RELATIONS_PER_STAKEHOLDER * count), count * (count - 1))
        types = list(RELATION_TYPES)
        seen: set[tuple[int, int]] = set()
        rows = []
        attempts = 0
        while len(rows) < wanted and attempts < wanted * 20:
            attempts += 1
            source, target = self.random.randrange(count), self.random.randrange(count)
            if source == target or (source, target) in seen:
                continue
            seen.add((source, target))
            rows.append(self.stamp({
                "id": self.new_id(), "source_id": stakeholders[source]["id"],
                "target_id": stakeholders[target]["id"], "type": self.random.choice(types),
                "directed": self.random.random() < 0.8, "strength": self.random.randint(1, 5), "notes": "",
            }))
        return rows

    # -- initiatives and their schedule ---------------------------------------------------------------------

    def schedule(self, strategies: Sequence[dict[str, Any]], field_count: int) -> list[_Initiative]:
        """Initiatives in a random topological order: by start month (phases follow each other), ties random."""
        milestone_indexes = set(self.random.sample(range(self.initiative_count),
                                                   round(MILESTONE_SHARE * self.initiative_count)))
        drafted: list[tuple[int, float, _Initiative]] = []
        for index in range(self.initiative_count):
            strategy_index = self.random.randrange(len(strategies))
            phase = self.random.choices((1, 2, 3), weights=PHASE_WEIGHTS)[0]
            window_start, window_end = PHASE_WINDOWS[phase - 1]
            start = window_start + self.random.randrange(0, max(1, window_end - window_start - 3))
            if index in milestone_indexes:
                duration = 0
            else:
                room = window_end - start
                duration = self.random.randint(3, min(24, room)) if room >= 3 else room
            initiative = _Initiative(self.new_id(), strategy_index % field_count, strategy_index, phase, start,
                                     duration)
            drafted.append((start, self.random.random(), initiative))
        drafted.sort(key=lambda item: (item[0], item[1]))
        return [initiative for _start, _tie, initiative in drafted]

    def initiatives(self, ordered: Sequence[_Initiative], fields: Sequence[dict[str, Any]],
                    strategies: Sequence[dict[str, Any]], funding_rules: Sequence[dict[str, Any]], leads: dict[str, str]) -> list[dict[str, Any]]:
        """The initiative rows, coded per field (A-01, A-02, ...) in strategy order."""
        by_code_order = sorted(range(len(ordered)), key=lambda i: (ordered[i].field_index,
                                                                   ordered[i].strategy_index, i))
        per_field = [0] * len(fields)
        largest_field = max(Counter(item.field_index for item in ordered).values(), default=0)
        width = max(2, len(str(largest_field)))
        rows = []
        for position, topological_index in enumerate(by_code_order):
            item = ordered[topological_index]
            per_field[item.field_index] += 1
            subject = self.random.choice(INITIATIVE_SUBJECTS)
            action = self.random.choice(INITIATIVE_ACTIONS)
            lead = leads.get(item.id)
            scores = [self.random.randint(1, 5) for _ in range(5)]
            rows.append(self.stamp({
                "id": item.id,
                "code": f"{fields[item.field_index]['code']}-{per_field[item.field_index]:0{width}d}",
                "title": f"{subject} {action}", "purpose": f"{subject}(으)로 지역 현안 해결",
                "content": f"{subject} {action}을 추진한다.", "target_users": "가상시 주민",
                "field_id": fields[item.field_index]["id"], "strategy_id": strategies[item.strategy_index]["id"],
                "phase": item.phase, "start_month": self.first_month + item.start,
                "duration_months": item.duration, "not_before": None,
                "ai_technology": self.random.choice(("자연어처리", "컴퓨터비전", "예측 분석", "추천", "")),
                "service_domain": fields[item.field_index]["name"], "data_used": "공공데이터",
                "lead_stakeholder_id": lead, "lead_department": "" if lead else self.random.choice(DEPARTMENTS),
                "score_urgency": scores[0], "score_policy_fit": scores[1], "score_feasibility": scores[2],
                "score_effect": scores[3], "score_technical": scores[4], "status": "planned", "progress": 0,
                "actual_start": None, "actual_finish": None,
                "project_type": self.random.choices(("isp", "build", "operate", "research"), (1, 6, 2, 1))[0],
                "contract_method": "", "prior_consultation": "", "security_consultation": self.random.random() < 0.3,
                "data_subject_count": None, "sensitive_data": False, "unique_identifiers": False,
                "funding_rule_id": self.random.choice(funding_rules)["id"] if self.random.random() < 0.1 else None,
                "template_id": None, "position": position,
            }))
        return rows

    def dependencies(self, ordered: Sequence[_Initiative]) -> list[dict[str, Any]]:
        """About 1.5 links per initiative, always from earlier to later in `ordered` (so never a cycle),
        of all four types, with lags (some negative) that the drawn dates already satisfy."""
        count = len(ordered)
        wanted = min(round(DEPENDENCIES_PER_INITIATIVE * count), count * (count - 1) // 2)
        phases = [item.phase for item in ordered]
        phase_first = [bisect_left(phases, phase) for phase in (1, 2, 3, 4)]
        by_field: dict[int, list[int]] = {}
        for index, item in enumerate(ordered):
            by_field.setdefault(item.field_index, []).append(index)
        types = list(DEPENDENCY_TYPE_WEIGHTS)
        weights = list(DEPENDENCY_TYPE_WEIGHTS.values())
        seen: set[tuple[int, int]] = set()
        rows: list[dict[str, Any]] = []
        attempts = 0
        while len(rows) < wanted and attempts < wanted * 20:
            attempts += 1
            # The first four links show every type; the rest follow the weights.
            kind = types[len(rows)] if len(rows) < len(types) else self.random.choices(types, weights)[0]
            if kind == "FS" and 0 < phase_first[1] < count:
                successor = self.random.randrange(phase_first[1], count)
                bound = phase_first[ordered[successor].phase - 1]  # every earlier phase has finished
            else:
                kind = "SS" if kind == "FS" else kind
                successor = self.random.randrange(1, count)
                bound = successor
            predecessor = self._predecessor(by_field.get(ordered[successor].field_index, []), bound)
            if (predecessor, successor) in seen:
                continue
            seen.add((predecessor, successor))
            before, after = ordered[predecessor], ordered[successor]
            room = {
                "FS": after.start - before.end,
                "SS": after.start - before.start,
                "FF": after.end - before.end,
                "SF": after.end - before.start,
            }[kind]
            rows.append(self.stamp({
                "id": self.new_id(), "predecessor_id": before.id, "successor_id": after.id, "type": kind,
                "lag_months": self._lag(room),
            }))
        return rows

    def _predecessor(self, same_field: list[int], bound: int) -> int:
        """An index below `bound`, from the same field six times in ten when there is one."""
        if self.random.random() < 0.6:
            available = bisect_left(same_field, bound)
            if available:
                return same_field[self.random.randrange(available)]
        return self.random.randrange(bound)

    def _lag(self, room: int) -> int:
        """A lag no larger than the room the dates leave: mostly 0, some positive, some leads (negative)."""
        if room < 0:
            return max(room, -120)
        draw = self.random.random()
        if draw < 0.7:
            return 0
        if draw < 0.85 and room >= 1:
            return self.random.randint(1, min(3, room))
        return -self.random.randint(1, 3)

    def milestones(self, ordered: Sequence[_Initiative]) -> list[dict[str, Any]]:
        rows = []
        for item in ordered:
            if item.duration >= 6 and self.random.random() < 0.3:
                rows.append(self.stamp({
                    "id": self.new_id(), "initiative_id": item.id, "title": "중간 점검",
                    "month": self.first_month + item.start + item.duration // 2, "done": False,
                }))
        return rows

    # -- roles, money, indicators, risks --------------------------------------------------------------------

    def leads_and_roles(self, ordered: Sequence[_Initiative],
                        stakeholders: Sequence[dict[str, Any]]) -> tuple[dict[str, str], list[dict[str, Any]]]:
        """Each initiative's RACI roles (one R, often an A, a few C and I) and, mostly, its lead (the R)."""
        if not stakeholders:
            return {}, []
        local = [row["id"] for row in stakeholders if row["sector"] in ("local_government", "public_agency")]
        local = local or [row["id"] for row in stakeholders]
        overseers = [row["id"] for row in stakeholders if row["sector"] == "central_government"] or local
        everyone = [row["id"] for row in stakeholders]
        leads: dict[str, str] = {}
        rows: list[dict[str, Any]] = []
        for item in ordered:
            taken: set[str] = set()
            responsible = self.random.choice(local)
            picks = [(responsible, "R")]
            if self.random.random() < 0.5:
                picks.append((self.random.choice(overseers), "A"))
            picks += [(self.random.choice(everyone), "C") for _ in range(self.random.randint(0, 2))]
            if self.random.random() < 0.3:
                picks.append((self.random.choice(everyone), "I"))
            for stakeholder_id, role in picks:
                if stakeholder_id in taken:
                    continue
                taken.add(stakeholder_id)
                rows.append(self.stamp({
                    "id": self.new_id(), "stakeholder_id": stakeholder_id, "initiative_id": item.id, "role": role,
                }))
            if self.random.random() < 0.8:
                leads[item.id] = responsible
        return leads, rows

    def budget_lines(self, ordered: Sequence[_Initiative]) -> list[dict[str, Any]]:
        """Planned money per fiscal year the initiative spans, split over national, provincial, municipal
        and sometimes private sources, in whole millions of KRW."""
        rows = []
        for item in ordered:
            if item.duration == 0:
                continue
            first_year = FIRST_YEAR + item.start // 12
            last_year = FIRST_YEAR + (item.end - 1) // 12
            national_share = self.random.choice((0.0, 0.5, 0.5, 0.6, 0.7, 0.8))
            provincial_share = self.random.choice((0.0, 0.0, 0.1, 0.2)) if national_share < 0.8 else 0.0
            private_share = 0.1 if self.random.random() < 0.05 else 0.0
            for year in range(first_year, last_year + 1):
                total = self.random.lognormvariate(math.log(300), 0.8) * 1_000_000
                national = round(total * national_share, -6)
                provincial = round(total * provincial_share, -6)
                private = round(total * private_share, -6)
                municipal = max(round(total, -6) - national - provincial - private, 1_000_000)
                for source, amount in (("national", national), ("provincial", provincial),
                                       ("municipal", municipal), ("private", private)):
                    if amount > 0:
                        rows.append(self.stamp({
                            "id": self.new_id(), "initiative_id": item.id, "fiscal_year": year,
                            "source": source, "planned_krw": int(amount), "executed_krw": None,
                        }))
        return rows

    def kpis_and_targets(self, ordered: Sequence[_Initiative]) -> tuple[list[dict[str, Any]],
                                                                         list[dict[str, Any]]]:
        """Four plan-wide KPIs (one per type) and one KPI per initiative with work in it, with targets for
        the year the initiative ends and for the plan's last year."""
        kpis: list[dict[str, Any]] = []
        targets: list[dict[str, Any]] = []
        owners: list[tuple[str | None, int]] = [(None, LAST_YEAR)] * len(KPI_TYPES_CYCLE)
        owners += [(item.id, FIRST_YEAR + max(item.end - 1, item.start) // 12) for item in ordered
                   if item.duration > 0]
        for position, (initiative_id, finish_year) in enumerate(owners):
            kpi_type = KPI_TYPES_CYCLE[position % len(KPI_TYPES_CYCLE)]
            baseline = self.random.randint(0, 200)
            kpi_id = self.new_id()
            kpis.append(self.stamp({
                "id": kpi_id, "initiative_id": initiative_id, "name": f"{kpi_type} 지표 {position + 1}",
                "type": kpi_type, "unit": self.random.choice(KPI_UNITS), "baseline_value": Decimal(baseline),
                "baseline_year": FIRST_YEAR - 1, "method": "행정 통계", "position": position,
            }))
            for year in dict.fromkeys((finish_year, LAST_YEAR)):
                growth = Decimal(self.random.randint(5, 50)) / Decimal(10)
                targets.append(self.stamp({
                    "id": self.new_id(), "kpi_id": kpi_id, "year": year,
                    "target_value": (Decimal(baseline) + growth * (year - FIRST_YEAR + 1)).quantize(Decimal("0.1")),
                    "actual_value": None,
                }))
        return kpis, targets

    def risks(self, ordered: Sequence[_Initiative], stakeholders: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
        rows = []
        for item in ordered:
            if self.random.random() >= 0.2:
                continue
            owner = self.random.choice(stakeholders)["id"] if stakeholders and self.random.random() < 0.5 else None
            rows.append(self.stamp({
                "id": self.new_id(), "initiative_id": item.id, "title": self.random.choice(RISK_TITLES),
                "description": "", "likelihood": self.random.randint(1, 5), "impact": self.random.randint(1, 5),
                "mitigation": "사전 협의와 단계적 추진", "owner_stakeholder_id": owner,
                "status": self.random.choice(("open", "open", "mitigating", "closed")),
            }))
        return rows


def _insert_all(connection: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    if rows:
        connection.execute(insert(table), rows)


def synthesize_plan(path: Path | str, initiatives: int, stakeholders: int, seed: int = 0) -> None:
    """Write a new plan file at `path` (which must not exist) with `initiatives` initiatives and
    `stakeholders` stakeholders, drawn from `seed`: the same arguments always give the same plan."""
    from planner.storage.create import create_empty_database
    from planner.storage.document import make_engine

    if initiatives < 0 or stakeholders < 0:
        raise ValueError("initiatives and stakeholders must not be negative")
    path = Path(path)
    generator = _Generator(initiatives, stakeholders, seed)
    plan = generator.plan()
    sections = generator.narrative_sections()
    fields, strategies = generator.fields_and_strategies()
    funding_rules = generator.funding_rules()
    stakeholder_rows = generator.stakeholders()
    relations = generator.stakeholder_relations(stakeholder_rows)
    ordered = generator.schedule(strategies, len(fields))
    leads, roles = generator.leads_and_roles(ordered, stakeholder_rows)
    initiative_rows = generator.initiatives(ordered, fields, strategies, funding_rules, leads)
    dependencies = generator.dependencies(ordered)
    milestones = generator.milestones(ordered)
    budget = generator.budget_lines(ordered)
    kpis, targets = generator.kpis_and_targets(ordered)
    risks = generator.risks(ordered, stakeholder_rows)

    create_empty_database(path)
    engine = make_engine(path)
    try:
        with engine.begin() as connection:
            for model, rows in (
                (Plan, plan), (NarrativeSection, sections), (Field, fields), (Strategy, strategies),
                (FundingRule, funding_rules), (Stakeholder, stakeholder_rows), (StakeholderRelation, relations),
                (Initiative, initiative_rows), (Milestone, milestones), (Dependency, dependencies),
                (RaciRole, roles), (BudgetLine, budget), (Kpi, kpis), (KpiTarget, targets), (Risk, risks),
            ):
                _insert_all(connection, model.__table__, rows)
    except BaseException:
        engine.dispose()
        with contextlib.suppress(OSError):
            path.unlink()
        raise
    engine.dispose()
