"""Annual-plan blocks: last year's results against targets, this year's plan, and the per-project summary."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from reportlab.platypus import Flowable, Paragraph, Table
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from planner.model import BudgetLine, Initiative, Kpi, KpiTarget
from planner.months import YearMonth
from planner.reports.blocks.annual import (
    project_summary,
    results_table,
    results_year,
    shortened,
    year_plan_table,
)
from planner.reports.context import FRAME_WIDTH, ReportContext
from tests.planner.reports.block_rendering import (
    HOSTILE,
    make_context,
    plan_session,
    render_text,
    squeezed,
    table_widths,
)
from tests.planner.reports.test_blocks_tables import build_hostile_plan, millions


@pytest.fixture(scope="module")
def demo_ko() -> Iterator[Session]:
    with plan_session("ko") as session:
        yield session


def percent(part: Decimal | int, whole: Decimal | int) -> str:
    """One decimal, half up, computed independently of the code under test."""
    value = Fraction(Decimal(part)) * 100 / Fraction(Decimal(whole))
    tenths = int(value * 10 + Fraction(1, 2))
    return f"{tenths // 10:,}.{tenths % 10} %"


def test_the_results_year_is_the_year_before_unless_the_section_says(demo_ko: Session) -> None:
    assert results_year(make_context(demo_ko, "ko", report_year=2028)) == 2027
    assert results_year(make_context(demo_ko, "ko", report_year=2028, options={"results_year_offset": 0})) == 2028
    assert results_year(make_context(demo_ko, "ko", report_year=2028, options={"results_year_offset": "x"})) == 2027


def test_results_compare_actuals_and_executed_budget_with_targets(demo_ko: Session, tmp_path: Path) -> None:
    flowables = results_table(make_context(demo_ko, "ko", report_year=2028))
    assert all(width == pytest.approx(FRAME_WIDTH) for width in table_widths(flowables))
    text = render_text(flowables, tmp_path / "results.pdf")
    assert "2027" in text
    targets = demo_ko.execute(select(Kpi.name, KpiTarget.target_value, KpiTarget.actual_value)
                              .join(KpiTarget).where(KpiTarget.year == 2027)).all()
    measured = [row for row in targets if row.actual_value is not None and row.target_value]
    assert measured
    for row in measured:
        assert percent(row.actual_value, row.target_value) in text
    planned, executed = demo_ko.execute(select(func.sum(BudgetLine.planned_krw), func.sum(BudgetLine.executed_krw))
                                        .where(BudgetLine.fiscal_year == 2027)).one()
    assert millions(planned) in text and millions(executed) in text
    assert percent(executed, planned) in text
    assert "성과지표" in text and "목표" in text and "실적" in text and "(단위: 백만원)" in text


def test_results_of_a_year_without_records_say_so(demo_ko: Session, tmp_path: Path) -> None:
    flowables = results_table(make_context(demo_ko, "ko", report_year=2040))
    assert not any(isinstance(flowable, Table) for flowable in flowables)
    assert "2039" in render_text(flowables, tmp_path / "none.pdf")


def test_year_plan_lists_the_initiatives_running_in_the_year(demo_ko: Session, tmp_path: Path) -> None:
    flowables = year_plan_table(make_context(demo_ko, "ko", report_year=2028))
    assert all(width == pytest.approx(FRAME_WIDTH) for width in table_widths(flowables))
    text = render_text(flowables, tmp_path / "year.pdf")
    running, finished = [], []
    for code, start, duration in demo_ko.execute(select(Initiative.code, Initiative.start_month,
                                                        Initiative.duration_months)):
        last = start + max(duration - 1, 0)
        with_money = demo_ko.execute(select(BudgetLine.id).join(Initiative).where(
            Initiative.code == code, BudgetLine.fiscal_year == 2028)).first()
        (running if (start <= YearMonth(2028, 12) and last >= YearMonth(2028, 1)) or with_money
         else finished).append(code)
    assert running and finished
    assert all(code in text for code in running)
    assert not any(code in text for code in finished)
    total = demo_ko.execute(select(func.sum(BudgetLine.planned_krw)).where(BudgetLine.fiscal_year == 2028)).scalar()
    assert millions(total) in text


def test_project_summary_shortens_purposes(tmp_path: Path) -> None:
    with plan_session("en") as session:  # the English purposes run longer than 80 characters
        flowables = project_summary(make_context(session, "en"))
        rows = session.execute(select(Initiative.code, Initiative.purpose)).all()
        total = session.execute(select(func.sum(BudgetLine.planned_krw))).scalar()
    assert all(width == pytest.approx(FRAME_WIDTH) for width in table_widths(flowables))
    text = squeezed(render_text(flowables, tmp_path / "summary.pdf"))
    assert all(code in text for code, _purpose in rows)
    long_purpose = next(purpose for _code, purpose in rows if len(purpose) > 80)
    assert squeezed(long_purpose) not in text and squeezed(shortened(long_purpose, 80)) in text
    assert millions(total) in text and "Totalbudget" in text and "Nationalshare" in text


def test_shortened() -> None:
    assert shortened("a\nb", 80) == "a b"
    assert shortened("x" * 100, 80) == "x" * 79 + "…" and len(shortened("x" * 100, 80)) == 80
    assert shortened("x" * 80, 80) == "x" * 80


@pytest.mark.parametrize("block", [results_table, year_plan_table, project_summary])
def test_an_empty_plan_gives_sentences(block: Callable[[ReportContext], list[Flowable]], tmp_path: Path) -> None:
    with plan_session("ko", demo=False) as session:
        flowables = block(make_context(session, "ko", report_year=2028))
    assert flowables and not any(isinstance(flowable, Table) for flowable in flowables)
    assert any(isinstance(flowable, Paragraph) for flowable in flowables)
    assert render_text(flowables, tmp_path / "empty.pdf").strip()


def test_english_labels(tmp_path: Path) -> None:
    with plan_session("en") as session:
        ctx = make_context(session, "en", report_year=2028)
        text = render_text([*results_table(ctx), *project_summary(ctx)], tmp_path / "en.pdf")
    for label in ("Target", "Actual", "Planned", "Total budget", "(Unit: KRW million)"):
        assert squeezed(label) in squeezed(text)
    assert "합계" not in text


def test_hostile_text_renders_literally(tmp_path: Path) -> None:
    with plan_session("ko", demo=False) as session:
        build_hostile_plan(session)
        ctx = make_context(session, "ko", report_year=2028)
        flowables = [*results_table(ctx), *year_plan_table(ctx), *project_summary(ctx)]
        text = squeezed(render_text(flowables, tmp_path / "hostile.pdf"))
    for hostile in HOSTILE:
        assert squeezed(hostile) in text, hostile
    assert "80.0%" in text  # the hostile KPI: actual 8 of target 10
