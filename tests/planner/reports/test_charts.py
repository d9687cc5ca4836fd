"""The chart blocks: vector drawings of the roadmap, budget, KPIs and stakeholders that fit their pages."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from itertools import pairwise
from pathlib import Path

import pytest
from reportlab.graphics.shapes import Drawing, Group, Polygon, PolyLine, Shape, String
from reportlab.platypus import Paragraph
from sqlalchemy import insert
from sqlalchemy.orm import Session

from planner.budget import budget_matrix
from planner.i18n import N_
from planner.model import (
    BudgetLine,
    Dependency,
    Field,
    Initiative,
    Kpi,
    KpiTarget,
    NetworkPosition,
    Stakeholder,
    StakeholderRelation,
    new_id,
)
from planner.months import YearMonth
from planner.reports.blocks import block_builder
from planner.reports.blocks import charts as charts_block
from planner.reports.charts import ELLIPSIS, MM, fit_text, nice_ticks, text_width, wrap_text
from planner.reports.charts.kpi import read_chart_kpis, value_text
from planner.reports.charts.roadmap import (
    BAR_FILL,
    CRITICAL_FILL,
    MIN_MONTH_WIDTH,
    read_roadmap,
    roadmap_pages,
    split_years,
)
from planner.reports.charts.stakeholder_grid import grid_drawing_with_layout, read_grid_stakeholders
from planner.reports.charts.stakeholder_network import network_drawing_with_layout, read_network
from planner.reports.context import ReportContext, money_millions
from planner.schedule import schedule_plan
from tests.planner.reports.chart_rendering import pdf_pages_text, plan_session, render_pdf, report_context

CHART_BLOCKS = ("roadmap_chart", "budget_chart", "kpi_chart", "stakeholder_grid", "stakeholder_network")
HOSTILE = ("R&D", "x<y", "<b>", '<img src="/etc/passwd"/>', "$5 to $10", "&amp;", "해담군 AI 돌봄")
LONG_WORD = "가" * 20_000
FIRST_MONTH = YearMonth(2027, 1)


def shapes(node: Group) -> Iterator[Shape]:
    """Every shape inside a drawing or group, depth first."""
    for child in node.contents:
        if isinstance(child, Group):
            yield from shapes(child)
        else:
            yield child


def strings(drawing: Group) -> list[str]:
    return [shape.text for shape in shapes(drawing) if isinstance(shape, String)]


def drawings(flowables: list) -> list[Drawing]:
    return [flowable for flowable in flowables if isinstance(flowable, Drawing)]


def add_initiatives(session: Session, count: int, *, start: YearMonth = FIRST_MONTH, duration: int = 12,
                    field_id: str | None = None, titles: list[str] | None = None) -> list[str]:
    ids = [new_id() for _ in range(count)]
    session.execute(insert(Initiative), [
        {"id": ids[n], "code": f"T-{n + 1:03d}", "title": titles[n] if titles else f"과제 {n + 1}",
         "start_month": YearMonth.from_index(start.index + (n % 24)), "duration_months": duration,
         "field_id": field_id, "position": n}
        for n in range(count)
    ])
    return ids


def link(session: Session, predecessor: str, successor: str, kind: str = "FS") -> None:
    session.execute(insert(Dependency), [{"id": new_id(), "predecessor_id": predecessor, "successor_id": successor,
                                          "type": kind, "lag_months": 0}])


def add_field(session: Session, name: str, code: str = "A") -> str:
    field_id = new_id()
    session.execute(insert(Field), [{"id": field_id, "code": code, "name": name, "position": 0}])
    return field_id


def add_stakeholder(session: Session, name: str, influence: int = 3, interest: int = 3,
                    sector: str = "local_government") -> str:
    stakeholder_id = new_id()
    session.execute(insert(Stakeholder), [{"id": stakeholder_id, "name": name, "sector": sector,
                                           "influence": influence, "interest": interest}])
    return stakeholder_id


def roadmap_height(ctx: ReportContext) -> float:
    return charts_block.roadmap_height(ctx, "로드맵 (2027–2036, 99/99)")


# -- the demo plan ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_session() -> Iterator[Session]:
    with plan_session(demo="ko") as session:
        yield session


def test_every_chart_of_the_demo_plan_has_a_caption_and_fits_its_pages(demo_session: Session,
                                                                       tmp_path: Path) -> None:
    ctx = report_context(demo_session)
    story: list = []
    for block in CHART_BLOCKS:
        flowables = block_builder(block)(ctx)
        captions = [f for f in flowables if isinstance(f, Paragraph) and f.style.name == "caption"]
        assert captions, block
        assert all(c.getPlainText().startswith(ctx.tr(N_("<Figure> {title}")).split("{")[0]) for c in captions)
        found = drawings(flowables)
        assert found, block
        limit = ctx.landscape_width if block == "roadmap_chart" else ctx.frame_width
        height = ctx.landscape_height if block == "roadmap_chart" else ctx.frame_height
        assert all(d.width <= limit + 0.01 and d.height <= height for d in found), block
        story += flowables
    pdf = render_pdf(story, tmp_path / "charts.pdf")  # a drawing larger than its frame raises LayoutError
    text = "\n".join(pdf_pages_text(pdf))
    for expected in ("해담군청", "국비", "2031", "A-01", "주민 디지털 서비스 만족도"):
        assert expected in text


def test_the_demo_roadmap_is_one_landscape_page_with_fields_critical_bars_and_arrows(demo_session: Session) -> None:
    ctx = report_context(demo_session)
    flowables = block_builder("roadmap_chart")(ctx)
    kinds = [type(f).__name__ for f in flowables]
    landscape = kinds.index("NextPageTemplate")
    assert tuple(flowables[landscape].action) == ("nextPageTemplate", "landscape")
    assert kinds[-2:] == ["NextPageTemplate", "PageBreak"] and flowables[-2].action[1] == "portrait"

    schedule = schedule_plan(demo_session)
    data = read_roadmap(demo_session, schedule, "분야 없음")
    pages = roadmap_pages(data, ctx.landscape_width, roadmap_height(ctx), ctx.tr)
    assert len(pages) == 1 and pages[0].range_text() == "2027–2031"
    page = pages[0]
    assert len(page.rows) == 28 and page.month_width >= MIN_MONTH_WIDTH
    critical = {item.code for item in schedule.items if item.critical}
    assert critical and {code for code, colour in page.bar_colours.items() if colour == CRITICAL_FILL} == critical
    assert all(colour == BAR_FILL for code, colour in page.bar_colours.items() if code not in critical)
    assert len(page.arrows) == 40  # every dependency of the demo: both ends on the one page
    text = strings(page.drawing)
    assert "2027" in text and "2031" in text
    assert any(t.startswith("A.") for t in text)  # a field band


# -- empty plans -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("block", CHART_BLOCKS)
def test_an_empty_plan_gets_a_sentence_instead_of_an_empty_chart(block: str) -> None:
    with plan_session() as session:
        flowables = block_builder(block)(report_context(session, "en"))
    assert not drawings(flowables)
    assert len(flowables) == 1 and isinstance(flowables[0], Paragraph)
    assert flowables[0].getPlainText().startswith(("The plan has", "No budget"))


# -- roadmap pages -----------------------------------------------------------------------------------------


def test_a_ten_year_plan_is_split_by_year_range_at_a_legible_month_width(tmp_path: Path) -> None:
    with plan_session(2027, 2036) as session:
        field_id = add_field(session, "스마트 교통")
        ids = add_initiatives(session, 5, duration=100, field_id=field_id,
                              titles=[f"지능형 교통 체계 구축 사업 {n}단계" for n in range(5)])
        ctx = report_context(session)
        data = read_roadmap(session, schedule_plan(session), "분야 없음")
        assert (data.first_year, data.last_year) == (2027, 2036)
        pages = roadmap_pages(data, ctx.landscape_width, roadmap_height(ctx), ctx.tr)
        assert [(p.first_year, p.last_year) for p in pages] == [(2027, 2031), (2032, 2036)]
        assert [p.range_text() for p in pages] == ["2027–2031", "2032–2036"]
        for page in pages:
            assert page.drawing.width <= ctx.landscape_width + 0.01
            assert page.drawing.height <= roadmap_height(ctx)
            assert page.month_width >= MIN_MONTH_WIDTH
            # A 100-month bar crosses the split: it is cut, ending in a point on the cut side.
            bars = [s for s in shapes(page.drawing) if isinstance(s, Polygon)
                    and s.fillColor in (BAR_FILL, CRITICAL_FILL) and min(s.points[1::2]) > 0]  # the legend's swatches sit below 0 in their group
            assert len(bars) == 5 and all(len(bar.points) == 10 for bar in bars)  # 4 corners and a point
        del ids
        flowables = block_builder("roadmap_chart")(ctx)
        render_pdf(flowables, tmp_path / "ten.pdf")
        texts = pdf_pages_text(tmp_path / "ten.pdf")
    assert any("(2027–2031)" in text for text in texts) and any("(2032–2036)" in text for text in texts)
    assert any("2036" in text for text in texts)


def test_split_years_keeps_ranges_equal_and_within_the_limit() -> None:
    assert split_years(2027, 2031, 7) == [(2027, 2031)]
    assert split_years(2027, 2031, 3) == [(2027, 2029), (2030, 2031)]
    assert split_years(2027, 2036, 7) == [(2027, 2031), (2032, 2036)]
    assert split_years(2027, 2027, 1) == [(2027, 2027)]


def test_many_rows_continue_on_further_pages_each_with_the_time_scale(tmp_path: Path) -> None:
    with plan_session() as session:
        field_id = add_field(session, "AI 행정")
        add_initiatives(session, 120, field_id=field_id)
        ctx = report_context(session)
        data = read_roadmap(session, schedule_plan(session), "분야 없음")
        height = roadmap_height(ctx)
        pages = roadmap_pages(data, ctx.landscape_width, height, ctx.tr)
        assert len(pages) >= 4
        assert [p.part for p in pages] == list(range(1, len(pages) + 1))
        assert all(p.parts == len(pages) for p in pages)
        assert pages[0].range_text() == f"2027–2031, 1/{len(pages)}"
        assert [row.code for p in pages for row in p.rows] == [f"T-{n:03d}" for n in range(1, 121)]
        for page in pages:
            assert page.drawing.height <= height and page.drawing.width <= ctx.landscape_width + 0.01
            text = strings(page.drawing)
            assert {"2027", "2031", "AI 행정"} <= {t.removeprefix("A. ") for t in text}
        flowables = block_builder("roadmap_chart")(ctx)
        render_pdf(flowables, tmp_path / "rows.pdf")
        texts = pdf_pages_text(tmp_path / "rows.pdf")
    assert sum(1 for text in texts if f"1/{len(pages)})" in text or f"/{len(pages)})" in text) == len(pages)


def test_dependency_arrows_are_drawn_only_when_both_ends_are_on_the_page() -> None:
    with plan_session() as session:
        ids = add_initiatives(session, 120, duration=3)
        link(session, ids[0], ids[1])  # same page
        link(session, ids[0], ids[119], "SS")  # first page to last page
        link(session, ids[60], ids[62], "FF")
        ctx = report_context(session)
        data = read_roadmap(session, schedule_plan(session), "분야 없음")
        pages = roadmap_pages(data, ctx.landscape_width, roadmap_height(ctx), ctx.tr)
    arrows = [arrow for page in pages for arrow in page.arrows]
    assert sorted(arrows) == [("T-001", "T-002"), ("T-061", "T-063")]
    for page in pages:
        lines = [s for s in shapes(page.drawing) if isinstance(s, PolyLine)]
        assert len(lines) == len(page.arrows)


def test_critical_bars_are_coloured_as_critical() -> None:
    with plan_session() as session:
        first, second, loose = add_initiatives(session, 3, duration=12)
        link(session, first, second)
        schedule = schedule_plan(session)
        ctx = report_context(session)
        data = read_roadmap(session, schedule, "분야 없음")
        page = roadmap_pages(data, ctx.landscape_width, roadmap_height(ctx), ctx.tr)[0]
    critical = {item.code for item in schedule.items if item.critical}
    assert critical == {"T-001", "T-002"}
    assert page.bar_colours == {"T-001": CRITICAL_FILL, "T-002": CRITICAL_FILL, "T-003": BAR_FILL}
    filled = [s for s in shapes(page.drawing) if isinstance(s, Polygon) and s.fillColor == CRITICAL_FILL]
    assert len(filled) == 2
    del loose


def test_a_dependency_cycle_still_draws_the_roadmap_with_a_note() -> None:
    with plan_session() as session:
        first, second = add_initiatives(session, 2)
        link(session, first, second)
        link(session, second, first)
        flowables = block_builder("roadmap_chart")(report_context(session, "en"))
    assert drawings(flowables)
    assert any(isinstance(f, Paragraph) and "cycle" in f.getPlainText() for f in flowables)


# -- hostile text ------------------------------------------------------------------------------------------


def test_hostile_strings_render_literally_in_every_chart(tmp_path: Path) -> None:
    texts = [*HOSTILE, LONG_WORD]
    with plan_session() as session:
        field_id = add_field(session, "R&D <b>분야</b>")
        ids = add_initiatives(session, len(texts), field_id=field_id, titles=texts)
        people = []
        for number, text in enumerate(texts):
            people.append(add_stakeholder(session, text, influence=1 + number % 5, interest=1 + (number * 2) % 5))
            kpi_id = new_id()
            session.execute(insert(Kpi), [{"id": kpi_id, "name": text, "type": "outcome", "unit": "$5 to $10",
                                           "baseline_value": Decimal(number), "baseline_year": 2026}])
            session.execute(insert(KpiTarget), [{"id": new_id(), "kpi_id": kpi_id, "year": 2027,
                                                 "target_value": Decimal("1.5")}])
        session.execute(insert(StakeholderRelation), [
            {"id": new_id(), "source_id": source, "target_id": target, "type": "funds"}
            for source, target in pairwise(people)])
        session.execute(insert(BudgetLine), [{"id": new_id(), "initiative_id": ids[0], "fiscal_year": 2027,
                                              "source": "R&D<b>", "planned_krw": 5_000_000}])
        ctx = report_context(session)
        story = [flowable for block in CHART_BLOCKS for flowable in block_builder(block)(ctx)]
        pdf = render_pdf(story, tmp_path / "hostile.pdf")
    text = "\n".join(pdf_pages_text(pdf))
    for hostile in HOSTILE:
        assert hostile in text, hostile
    assert "R&D <b>분야</b>" in text.replace("\n", " ")
    assert "$5 to $10" in text
    assert "가가가가가가" + ELLIPSIS in text  # the 20,000-character word is cut to its label's width
    assert LONG_WORD not in text


def test_fit_text_cuts_to_the_width_with_an_ellipsis() -> None:
    assert fit_text("R&D <b>", 200) == "R&D <b>"
    cut = fit_text(LONG_WORD, 100)
    assert cut.endswith(ELLIPSIS) and cut.startswith("가") and text_width(cut) <= 100
    assert fit_text("줄\n바꿈\t탭\x00", 200) == "줄 바꿈 탭"
    assert fit_text("anything", 0) == ""
    lines = wrap_text("Information strategy plan for AI convergence " + LONG_WORD, 80, max_lines=3)
    assert len(lines) == 3 and lines[0] == "Information strategy" and lines[-1].endswith(ELLIPSIS)
    assert all(text_width(line) <= 80 for line in lines)


# -- budget, KPI -------------------------------------------------------------------------------------------


def test_the_budget_chart_labels_each_year_with_its_total(demo_session: Session) -> None:
    ctx = report_context(demo_session)
    flowables = block_builder("budget_chart")(ctx)
    (drawing,) = drawings(flowables)
    text = strings(drawing)
    matrix = budget_matrix(demo_session)
    for year in matrix.years:
        assert str(year) in text
        assert money_millions(matrix.year_total(year)) in text
    assert {"국비", "시·도비", "시·군·구비"} <= set(text)
    assert ctx.tr(N_("(Unit: KRW million)")) in text
    assert nice_ticks(0, 6590) == [0, 2000, 4000, 6000, 8000]


def test_the_kpi_chart_shows_plan_kpis_else_outcome_kpis_with_values() -> None:
    with plan_session() as session:
        (initiative,) = add_initiatives(session, 1)
        outcome = new_id()
        session.execute(insert(Kpi), [{"id": outcome, "initiative_id": initiative, "name": "돌봄 만족도",
                                       "type": "outcome", "unit": "점", "baseline_value": Decimal("68.0")}])
        session.execute(insert(KpiTarget), [{"id": new_id(), "kpi_id": outcome, "year": 2027,
                                             "target_value": Decimal("70"), "actual_value": Decimal("69.50")}])
        assert [k.name for k in read_chart_kpis(session)] == ["돌봄 만족도"]
        flowables = block_builder("kpi_chart")(report_context(session))
        text = [t for d in drawings(flowables) for t in strings(d)]
        assert {"68", "70", "69.5", "2027"} <= set(text)
        assert "(단위: 점)" in text or "(Unit: 점)" in text

        session.execute(insert(Kpi), [{"id": new_id(), "initiative_id": None, "name": "계획 KPI", "type": "output",
                                       "baseline_value": Decimal("1")}])
        assert [k.name for k in read_chart_kpis(session)] == ["계획 KPI"]
    assert value_text(Decimal("1234.500")) == "1,234.5" and value_text(Decimal("1E+3")) == "1,000"


# -- stakeholders ------------------------------------------------------------------------------------------


def test_stakeholders_in_one_cell_are_spread_without_overlap_and_overflow_is_counted() -> None:
    with plan_session() as session:
        for number in range(14):
            add_stakeholder(session, f"기관 {number:02d}", influence=5, interest=5)
        add_stakeholder(session, "관찰 대상", influence=1, interest=1, sector="academia")
        stakeholders = read_grid_stakeholders(session)
    ctx_width, height = 170 * MM, 230 * MM
    drawing, layout = grid_drawing_with_layout(stakeholders, ctx_width, height, lambda text: text)
    assert drawing.width <= ctx_width and drawing.height <= height
    assert len(layout.points) + len(layout.hidden) == 15
    points = sorted(layout.points.values(), key=lambda p: -p[1])
    crowded = [p for p in points if p[1] > points[-1][1]]
    assert all(a[1] - b[1] >= 8 for a, b in pairwise(crowded))  # one line each
    text = strings(drawing)
    assert {"Manage closely", "Keep satisfied", "Keep informed", "Monitor"} <= set(text)
    if layout.hidden:
        assert f"+{len(layout.hidden)} more" in text


def test_the_network_uses_saved_positions_and_places_labels_apart() -> None:
    with plan_session() as session:
        west = add_stakeholder(session, "서쪽 기관", influence=5)
        east = add_stakeholder(session, "동쪽 기관", influence=1)
        north = add_stakeholder(session, "북쪽 기관")
        session.execute(insert(NetworkPosition), [
            {"id": new_id(), "stakeholder_id": west, "x": 0.1, "y": 0.5},
            {"id": new_id(), "stakeholder_id": east, "x": 0.9, "y": 0.5},
            {"id": new_id(), "stakeholder_id": north, "x": 0.5, "y": 0.1},  # stored y runs downwards
        ])
        session.execute(insert(StakeholderRelation), [
            {"id": new_id(), "source_id": west, "target_id": east, "type": "funds", "directed": True,
             "strength": 5},
            {"id": new_id(), "source_id": west, "target_id": north, "type": "partners", "directed": False},
        ])
        network = read_network(session)
    drawing, layout = network_drawing_with_layout(network, 170 * MM, 200 * MM, lambda text: text)
    assert drawing.width <= 170 * MM and drawing.height <= 200 * MM
    (wx, wy), (ex, ey), (nx, ny) = layout.centres[west], layout.centres[east], layout.centres[north]
    assert wx < nx < ex and abs(wy - ey) < 0.01 and ny > wy
    assert layout.radii[west] > layout.radii[east]
    assert layout.arrows == 1
    boxes = list(layout.labels.values())
    assert len(boxes) == 3 and not layout.unlabelled
    for index, first in enumerate(boxes):
        for second in boxes[index + 1:]:
            assert first[2] <= second[0] or second[2] <= first[0] or first[3] <= second[1] or second[3] <= first[1]
    assert {"서쪽 기관", "동쪽 기관", "북쪽 기관"} <= set(strings(drawing))


def test_without_saved_positions_the_network_gets_the_force_layout(demo_session: Session) -> None:
    network = read_network(demo_session)
    assert set(network.positions) == {node.id for node in network.nodes}
    assert all(0 <= x <= 1 and 0 <= y <= 1 for x, y in network.positions.values())
