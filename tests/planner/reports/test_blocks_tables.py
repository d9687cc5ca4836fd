"""The generated table blocks on the demo plan, an empty plan and a plan full of hostile text."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from reportlab.platypus import Paragraph, Table
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from planner.i18n import translate
from planner.model import (
    BudgetLine,
    BudgetTotal,
    ChecklistAnswer,
    Field,
    FundingRule,
    Initiative,
    Kpi,
    KpiTarget,
    Plan,
    RaciRole,
    Risk,
    Stakeholder,
    Strategy,
)
from planner.model.vocabulary import CHECKLIST_ITEMS
from planner.months import YearMonth
from planner.reports.blocks import block_builder
from planner.reports.blocks.tables import (
    RACI_COLUMNS_PER_TABLE,
    budget_by_initiative,
    budget_table,
    code_sort_key,
    ethics_summary,
    funding_summary,
    initiative_table,
    kpi_table,
    number_text,
    period_text,
    privacy_assessment_needed,
    raci_table,
    risk_register,
    stakeholder_table,
    vision_summary,
)
from planner.reports.context import FRAME_WIDTH
from tests.planner.reports.block_rendering import (
    HOSTILE,
    LONG_WORD,
    make_context,
    plan_session,
    render_text,
    squeezed,
    table_widths,
)

TABLE_BLOCKS = ("initiative_table", "budget_table", "budget_by_initiative", "kpi_table", "stakeholder_table",
                "raci_table", "risk_register", "ethics_summary", "funding_summary", "vision_summary")


@pytest.fixture(scope="module")
def demo_ko() -> Iterator[Session]:
    with plan_session("ko") as session:
        yield session


@pytest.fixture(scope="module")
def demo_en() -> Iterator[Session]:
    with plan_session("en") as session:
        yield session


def millions(krw: int) -> str:
    """Independent of the code under test: whole millions with separators, else one decimal."""
    return f"{krw // 1_000_000:,}" if krw % 1_000_000 == 0 else f"{krw / 1_000_000:,.1f}"


def test_helpers() -> None:
    assert period_text(YearMonth(2027, 3), 12) == "2027. 3. ~ 2028. 2."
    assert period_text(YearMonth(2029, 6), 0) == "2029. 6."
    assert number_text(Decimal("68.0")) == "68" and number_text(Decimal("1234.50")) == "1,234.5"
    assert sorted(["A-10", "A-2", "B-1"], key=code_sort_key) == ["A-2", "A-10", "B-1"]
    assert privacy_assessment_needed(50_000, True, False) and not privacy_assessment_needed(49_999, True, True)
    assert privacy_assessment_needed(1_000_000, False, False) and not privacy_assessment_needed(None, True, True)


def test_initiative_table_groups_by_field_with_sub_totals(demo_ko: Session, tmp_path: Path) -> None:
    ctx = make_context(demo_ko, "ko")
    flowables = initiative_table(ctx)
    text = render_text(flowables, tmp_path / "initiatives.pdf")
    codes = [code for (code,) in demo_ko.execute(select(Initiative.code))]
    assert codes and all(code in text for code in codes)
    planned: dict[str, int] = defaultdict(int)
    for field_id, amount in demo_ko.execute(select(Initiative.field_id, BudgetLine.planned_krw)
                                            .join(BudgetLine, BudgetLine.initiative_id == Initiative.id)):
        planned[field_id] += amount
    fields = demo_ko.execute(select(Field.id, Field.code, Field.name).order_by(Field.position)).all()
    positions = [text.index(f"{row.code}. {row.name}") for row in fields]
    assert positions == sorted(positions)  # fields in field order
    for row in fields:
        assert millions(planned[row.id]) in text
    assert millions(sum(planned.values())) in text
    assert "(단위: 백만원)" in text and "총사업비" in text and "합계" in text
    assert "2027. 2. ~ 2027. 7." in text  # A-01's period
    assert table_widths(flowables) == [pytest.approx(FRAME_WIDTH)]


def test_every_block_fills_the_frame_width(demo_ko: Session) -> None:
    ctx = make_context(demo_ko, "ko")
    for block in TABLE_BLOCKS:
        widths = table_widths(block_builder(block)(ctx))
        assert widths, block
        assert all(width == pytest.approx(FRAME_WIDTH) for width in widths), block


def test_budget_table_totals_by_year_and_source(demo_ko: Session, tmp_path: Path) -> None:
    text = render_text(budget_table(make_context(demo_ko, "ko")), tmp_path / "budget.pdf")
    by_year: dict[int, int] = defaultdict(int)
    by_source: dict[str, int] = defaultdict(int)
    for year, source, amount in demo_ko.execute(select(BudgetLine.fiscal_year, BudgetLine.source,
                                                       BudgetLine.planned_krw)):
        by_year[year] += amount
        by_source[source] += amount
    for amount in [*by_year.values(), *by_source.values(), sum(by_year.values())]:
        assert millions(amount) in text
    assert "국비" in text and "시·군·구비" in text
    assert "※" not in text  # the demo's declared totals match its lines


def test_budget_table_marks_declared_totals_that_do_not_match(tmp_path: Path) -> None:
    with plan_session("ko") as session:
        session.execute(update(BudgetTotal).where(BudgetTotal.fiscal_year == 2028,
                                                  BudgetTotal.source == "national").values(amount_krw=1_000_000))
        text = render_text(budget_table(make_context(session, "ko")), tmp_path / "declared.pdf")
    assert "1 ※" in text
    assert "※" in text.split("1 ※", 1)[1]  # the explanation below the table


def test_budget_by_initiative_rows_and_totals(demo_ko: Session, tmp_path: Path) -> None:
    text = render_text(budget_by_initiative(make_context(demo_ko, "ko")), tmp_path / "by_initiative.pdf")
    a02 = demo_ko.execute(select(BudgetLine.planned_krw).join(Initiative).where(Initiative.code == "A-02")).scalars()
    assert "A-02" in text and millions(sum(a02)) in text
    assert all(str(year) in text for year in range(2027, 2032))


def test_kpi_table_plan_level_first_with_labels(demo_ko: Session, tmp_path: Path) -> None:
    text = render_text(kpi_table(make_context(demo_ko, "ko")), tmp_path / "kpis.pdf")
    plan_kpi = demo_ko.execute(select(Kpi.name).where(Kpi.initiative_id.is_(None))).scalars().first()
    first_initiative_kpi = demo_ko.execute(select(Kpi.name).join(Initiative).order_by(Initiative.position,
                                                                                     Kpi.position)).scalar()
    assert plan_kpi and first_initiative_kpi
    assert squeezed(text).index(squeezed(plan_kpi)) < squeezed(text).index(squeezed(first_initiative_kpi))
    assert "결과" in text and "과정" in text and "68 (2026)" in text


def test_stakeholder_and_raci_tables(demo_ko: Session, tmp_path: Path) -> None:
    ctx = make_context(demo_ko, "ko")
    text = squeezed(render_text(stakeholder_table(ctx), tmp_path / "stakeholders.pdf"))
    names = list(demo_ko.execute(select(Stakeholder.name)).scalars())
    assert all(squeezed(name) in text for name in names)
    assert "밀착관리" in text and "중앙정부" in text
    raci = raci_table(ctx)
    tables = [flowable for flowable in raci if isinstance(flowable, Table)]
    with_role = set(demo_ko.execute(select(RaciRole.stakeholder_id)).scalars())
    assert len(tables) == -(-len(with_role) // RACI_COLUMNS_PER_TABLE)
    assert all(len(table._colWidths) <= RACI_COLUMNS_PER_TABLE + 2 for table in tables)
    raci_text = render_text(raci, tmp_path / "raci.pdf")
    legend = translate("R = responsible, A = accountable, C = consulted, I = informed", "ko")
    assert squeezed(legend) in squeezed(raci_text)
    assert all(code in raci_text for code in demo_ko.execute(select(Initiative.code)).scalars())


def test_risk_register_highest_score_first(demo_ko: Session, tmp_path: Path) -> None:
    flowables = risk_register(make_context(demo_ko, "ko"))
    text = squeezed(render_text(flowables, tmp_path / "risks.pdf"))
    risks = demo_ko.execute(select(Risk.title, Risk.likelihood, Risk.impact)).all()
    top = max(risks, key=lambda r: r.likelihood * r.impact)
    low = min(risks, key=lambda r: r.likelihood * r.impact)
    assert text.index(squeezed(top.title)) < text.index(squeezed(low.title))


def test_ethics_summary_counts_answers_of_ai_initiatives(demo_ko: Session, tmp_path: Path) -> None:
    text = render_text(ethics_summary(make_context(demo_ko, "ko")), tmp_path / "ethics.pdf")
    ai = demo_ko.execute(select(Initiative.id, Initiative.code).where(Initiative.ai_technology != "")).all()
    not_ai = demo_ko.execute(select(Initiative.code).where(Initiative.ai_technology == "")).scalars().all()
    assert ai and all(row.code in text for row in ai)
    assert not any(code in text for code in not_ai)
    first = ai[0]
    answered = demo_ko.execute(select(ChecklistAnswer.item_key).where(
        ChecklistAnswer.initiative_id == first.id, ChecklistAnswer.checklist == "ai_ethics",
        ChecklistAnswer.answer != "unanswered")).scalars().all()
    assert f"{len(set(answered) & set(CHECKLIST_ITEMS['ai_ethics']))}/10" in text


def test_funding_summary_rules_and_shares(demo_ko: Session, tmp_path: Path) -> None:
    text = squeezed(render_text(funding_summary(make_context(demo_ko, "ko")), tmp_path / "funding.pdf"))
    rules = demo_ko.execute(select(FundingRule.name)).scalars().all()
    assert rules and all(squeezed(rule) in text for rule in rules)
    followers = demo_ko.execute(select(Initiative.code).where(Initiative.funding_rule_id.is_not(None))).scalars()
    assert all(code in text for code in followers)
    assert "80.0%" in text


def test_vision_summary_counts_initiatives(demo_ko: Session, tmp_path: Path) -> None:
    text = squeezed(render_text(vision_summary(make_context(demo_ko, "ko")), tmp_path / "vision.pdf"))
    vision = demo_ko.execute(select(Plan.vision)).scalar_one()
    assert squeezed(vision) in text
    strategies = demo_ko.execute(select(Strategy.name)).scalars().all()
    assert all(squeezed(name) in text for name in strategies)
    total = len(demo_ko.execute(select(Initiative.id)).all())
    assert text.endswith(f"합계{total}")


def test_english_labels(demo_en: Session, tmp_path: Path) -> None:
    ctx = make_context(demo_en, "en")
    text = render_text([*initiative_table(ctx), *budget_table(ctx), *kpi_table(ctx)], tmp_path / "en.pdf")
    for label in ("(Unit: KRW million)", "Total budget", "Initiative title", "National", "Fiscal year", "Outcome"):
        assert label in text
    assert "합계" not in text and "총사업비" not in text


@pytest.mark.parametrize("block", TABLE_BLOCKS)
def test_an_empty_plan_gives_a_sentence_not_a_table(block: str, tmp_path: Path) -> None:
    with plan_session("ko", demo=False) as session:
        flowables = block_builder(block)(make_context(session, "ko"))
        assert flowables and not any(isinstance(flowable, Table) for flowable in flowables)
        assert all(isinstance(flowable, Paragraph) for flowable in flowables)
        assert render_text(flowables, tmp_path / f"{block}.pdf").strip()


def build_hostile_plan(session: Session) -> None:
    """One of everything, every text field hostile; one cell holds a 20,000-character word."""
    field = Field(code="A", name=HOSTILE[0] + " " + HOSTILE[1], position=0)
    strategy = Strategy(code="S1", name=HOSTILE[2], position=0)
    rule = FundingRule(name=HOSTILE[3], programme=HOSTILE[4], min_national_share_percent=80,
                       max_per_year_krw=100_000_000)
    lead = Stakeholder(name=HOSTILE[5], organisation=HOSTILE[6], sector="local_government")
    other = Stakeholder(name=HOSTILE[7], organisation=LONG_WORD, sector="academia")
    session.add_all([field, strategy, rule, lead, other])
    session.flush()
    strategy.field_id = field.id
    initiative = Initiative(code="X-01", title=" / ".join(HOSTILE), purpose=LONG_WORD, content="\n".join(HOSTILE),
                            target_users=HOSTILE[1], data_used=HOSTILE[3], ai_technology=HOSTILE[4],
                            field_id=field.id, strategy_id=strategy.id, start_month=YearMonth(2027, 3),
                            duration_months=12, lead_stakeholder_id=lead.id, lead_department=HOSTILE[0],
                            contract_method=HOSTILE[5], prior_consultation=HOSTILE[6], funding_rule_id=rule.id)
    session.add(initiative)
    session.flush()
    kpi = Kpi(initiative_id=initiative.id, name=HOSTILE[4], type="outcome", unit=HOSTILE[0],
              baseline_value=Decimal(1), baseline_year=2026)
    session.add_all([
        kpi,
        BudgetLine(initiative_id=initiative.id, fiscal_year=2027, source="national", planned_krw=50_000_000,
                   executed_krw=25_000_000),
        Risk(initiative_id=initiative.id, title=HOSTILE[3], description=HOSTILE[1], mitigation=LONG_WORD,
             owner_stakeholder_id=lead.id, likelihood=4, impact=5),
        RaciRole(initiative_id=initiative.id, stakeholder_id=lead.id, role="A"),
        RaciRole(initiative_id=initiative.id, stakeholder_id=other.id, role="R"),
    ])
    session.flush()
    session.add(KpiTarget(kpi_id=kpi.id, year=2027, target_value=Decimal(10), actual_value=Decimal(8)))
    session.execute(update(Plan).values(vision="\n".join(HOSTILE)))
    session.flush()


def test_hostile_text_renders_literally(tmp_path: Path) -> None:
    with plan_session("ko", demo=False) as session:
        build_hostile_plan(session)
        ctx = make_context(session, "ko", report_year=2028)
        flowables = [flowable for block in TABLE_BLOCKS for flowable in block_builder(block)(ctx)]
        text = squeezed(render_text(flowables, tmp_path / "hostile.pdf"))
        # The stakeholder register (whose labels hold no 가) carries the 20,000-character word in one cell: it
        # wraps and runs over pages (the header repeats between its parts) but every character is printed.
        register = render_text(stakeholder_table(ctx), tmp_path / "register.pdf")
    for hostile in HOSTILE:
        assert squeezed(hostile) in text, hostile
    assert register.count("가") == len(LONG_WORD)
