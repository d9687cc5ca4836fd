"""Definition sheets (과제정의서): one per initiative in code order, under a heading, with its sub-tables."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.platypus import CondPageBreak, PageBreak, Paragraph, Table
from sqlalchemy import select
from sqlalchemy.orm import Session

from planner.model import BudgetLine, Initiative, Kpi, Milestone, RaciRole, Stakeholder
from planner.reports.blocks.sheets import definition_sheets
from planner.reports.blocks.tables import code_sort_key
from planner.reports.context import FRAME_WIDTH
from tests.planner.reports.block_rendering import (
    HOSTILE,
    LONG_WORD,
    make_context,
    page_count,
    plan_session,
    render_pdf,
    render_text,
    squeezed,
    table_widths,
)
from tests.planner.reports.test_blocks_tables import build_hostile_plan, millions


@pytest.fixture(scope="module")
def demo_ko() -> Iterator[Session]:
    with plan_session("ko") as session:
        yield session


def headings_of(flowables: list) -> list[str]:
    from planner.reports.document import Heading

    return [flowable.text for flowable in flowables if isinstance(flowable, Heading)]


def test_one_sheet_per_initiative_in_code_order_under_a_heading(demo_ko: Session) -> None:
    flowables = definition_sheets(make_context(demo_ko, "ko"))
    rows = demo_ko.execute(select(Initiative.code, Initiative.title)).all()
    expected = [f"{code} {title}" for code, title in sorted(rows, key=lambda row: code_sort_key(row.code))]
    assert headings_of(flowables) == expected
    assert sum(isinstance(flowable, PageBreak) for flowable in flowables) == len(rows) - 1
    assert all(width == pytest.approx(FRAME_WIDTH) for width in table_widths(flowables))


def test_each_sheet_starts_a_page_unless_the_profile_says_otherwise(demo_ko: Session, tmp_path: Path) -> None:
    count = len(demo_ko.execute(select(Initiative.id)).all())
    paged = render_pdf(definition_sheets(make_context(demo_ko, "ko")), tmp_path / "paged.pdf")
    compact_flowables = definition_sheets(make_context(demo_ko, "ko", options={"page_per_initiative": False}))
    assert not any(isinstance(flowable, PageBreak) for flowable in compact_flowables)
    assert sum(isinstance(flowable, CondPageBreak) for flowable in compact_flowables) >= count - 1
    compact = render_pdf(compact_flowables, tmp_path / "compact.pdf")
    assert page_count(paged) >= count and page_count(paged) > page_count(compact)
    # Every page of the paged version starts with the sheet of one initiative (or its continuation).
    codes = sorted(demo_ko.execute(select(Initiative.code)).scalars(), key=code_sort_key)
    starts = [page.extract_text()[:4] for page in PdfReader(str(paged)).pages]
    assert [start for start in starts if start in codes] == codes


def test_a_sheet_shows_the_initiative_s_facts(demo_ko: Session, tmp_path: Path) -> None:
    initiative = demo_ko.execute(select(Initiative).where(Initiative.code == "A-02")).scalar_one()
    ctx = make_context(demo_ko, "ko")
    flowables = definition_sheets(ctx)
    pages = [page.extract_text() for page in PdfReader(str(render_pdf(flowables, tmp_path / "sheets.pdf"))).pages]
    first = next(index for index, page in enumerate(pages) if page.startswith("A-02 "))
    last = next(index for index, page in enumerate(pages) if page.startswith("A-03 "))
    sheet = squeezed("".join(pages[first:last]))
    for label in ("분야", "추진전략", "주관", "목적", "사전협의", "활용데이터", "(단위:백만원)", "성과지표", "마일스톤", "위험"):
        assert label in sheet, label
    for value in (initiative.purpose, initiative.data_used, initiative.contract_method):
        assert squeezed(value) in sheet
    partners = demo_ko.execute(select(Stakeholder.name, RaciRole.role).join(RaciRole).where(
        RaciRole.initiative_id == initiative.id, RaciRole.role.in_(("R", "C")))).all()
    assert partners and all(squeezed(f"{name}({role})") in sheet for name, role in partners)
    planned = sum(demo_ko.execute(select(BudgetLine.planned_krw).where(
        BudgetLine.initiative_id == initiative.id)).scalars())
    assert millions(planned) in sheet
    kpis = demo_ko.execute(select(Kpi.name).where(Kpi.initiative_id == initiative.id)).scalars().all()
    milestones = demo_ko.execute(select(Milestone.title).where(Milestone.initiative_id == initiative.id)).scalars()
    assert all(squeezed(name) in sheet for name in [*kpis, *milestones])
    assert "선행과제" in sheet and "종료-시작(FS)" in sheet  # A-02 follows A-01 finish-to-start


def test_long_texts_keep_their_lines(demo_ko: Session, tmp_path: Path) -> None:
    content = demo_ko.execute(select(Initiative.content).where(Initiative.code == "A-01")).scalar_one()
    lines = [line for line in content.split("\n") if line.strip()]
    assert len(lines) > 1
    flowables = definition_sheets(make_context(demo_ko, "ko"))
    text = render_text(flowables[:flowables.index(next(f for f in flowables if isinstance(f, Table))) + 1],
                       tmp_path / "a01.pdf")
    starts = [line.strip()[:6] for line in text.split("\n")]
    assert all(line.strip()[:6] in starts for line in lines)  # each item begins a line of its own


def test_english_sheet_labels(tmp_path: Path) -> None:
    with plan_session("en") as session:
        flowables = definition_sheets(make_context(session, "en"))
        first_sheet = flowables[:flowables.index(next(f for f in flowables if isinstance(f, PageBreak)))]
        text = render_text(first_sheet, tmp_path / "en.pdf")
    for label in ("Initiative title", "Implementation period", "Purpose", "(Unit: KRW million)", "KPIs",
                  "Milestones"):
        assert squeezed(label) in squeezed(text)


def test_an_empty_plan_has_a_sentence(tmp_path: Path) -> None:
    with plan_session("ko", demo=False) as session:
        flowables = definition_sheets(make_context(session, "ko"))
    assert len(flowables) == 1 and isinstance(flowables[0], Paragraph)
    assert not any(isinstance(flowable, Table) for flowable in flowables)


def test_hostile_text_and_a_long_word_render_literally(tmp_path: Path) -> None:
    with plan_session("ko", demo=False) as session:
        build_hostile_plan(session)
        text = render_text(definition_sheets(make_context(session, "ko")), tmp_path / "hostile.pdf")
    flat = squeezed(text)
    for hostile in HOSTILE:
        assert squeezed(hostile) in flat, hostile
    assert text.count("가") >= 2 * len(LONG_WORD)  # the purpose and a risk's mitigation, each complete
