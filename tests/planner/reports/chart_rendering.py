"""Test helper for the chart blocks: plans in memory, a ReportContext, and rendering flowables to PDF and PNG."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate
from sqlalchemy import create_engine, event, insert
from sqlalchemy.orm import Session

from planner.guidelines.profile import CoverSpec, GuidelineProfile, LocalText
from planner.model import Base, Plan, new_id
from planner.reports.context import (
    FOOTER_HEIGHT,
    FRAME_HEIGHT,
    FRAME_WIDTH,
    LANDSCAPE_FRAME_HEIGHT,
    LANDSCAPE_FRAME_WIDTH,
    LANDSCAPE_TEMPLATE,
    MARGIN_BOTTOM,
    MARGIN_SIDE,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    PORTRAIT_TEMPLATE,
    ReportContext,
    register_fonts,
)

TEST_PROFILE = GuidelineProfile(
    id="chart-test", name=LocalText({"en": "Chart test"}), description=LocalText({}), plan_type="master",
    language="ko", numbering="ko", cover=CoverSpec(blocks=()), required_fields=(), checks={}, sections=(),
)


@contextmanager
def plan_session(start_year: int = 2027, end_year: int = 2031, *, demo: str | None = None) -> Iterator[Session]:
    """A session on a new in-memory plan (empty, or the demo plan in the language `demo`)."""
    engine = create_engine("sqlite://")
    event.listen(engine, "connect", lambda connection, _record: connection.execute("PRAGMA foreign_keys = ON"))
    Base.metadata.create_all(engine)
    try:
        with Session(engine) as session:
            if demo is not None:
                from planner.demo import build_demo_plan

                build_demo_plan(session, demo)
            else:
                session.execute(insert(Plan), [{"id": new_id(), "title": "시험 계획", "start_year": start_year,
                                                "end_year": end_year}])
            session.flush()
            yield session
    finally:
        engine.dispose()


def report_context(session: Session, language: str = "ko") -> ReportContext:
    """A ReportContext on a session with a minimal profile."""
    return ReportContext(session, TEST_PROFILE, language, 2027)


def render_pdf(flowables: Sequence[Flowable], path: Path) -> Path:
    """Lay flowables out on A4 pages with the report's frames (portrait and landscape, no padding), as the
    report does; a flowable larger than its frame raises LayoutError."""
    register_fonts()
    bottom = MARGIN_BOTTOM + FOOTER_HEIGHT
    portrait = PageTemplate(PORTRAIT_TEMPLATE, [Frame(MARGIN_SIDE, bottom, FRAME_WIDTH, FRAME_HEIGHT, leftPadding=0,
                                                      rightPadding=0, topPadding=0, bottomPadding=0)],
                            pagesize=(PAGE_WIDTH, PAGE_HEIGHT))
    landscape = PageTemplate(LANDSCAPE_TEMPLATE, [Frame(MARGIN_SIDE, bottom, LANDSCAPE_FRAME_WIDTH,
                                                        LANDSCAPE_FRAME_HEIGHT, leftPadding=0, rightPadding=0,
                                                        topPadding=0, bottomPadding=0)],
                             pagesize=(PAGE_HEIGHT, PAGE_WIDTH))
    document = BaseDocTemplate(str(path), pagesize=(PAGE_WIDTH, PAGE_HEIGHT), pageTemplates=[portrait, landscape],
                               title="chart test")
    document.build(list(flowables))
    return path


def pdf_pages_text(path: Path) -> list[str]:
    """The text of every page of a PDF, extracted with pypdf."""
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(str(path)).pages]


def render_png(path: Path, folder: Path, resolution: int = 80) -> list[Path]:
    """Every page of a PDF as a PNG (pdftoppm), for looking at."""
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-r", str(resolution), "-png", str(path), str(folder / "page")], check=True)
    return sorted(folder.glob("page*.png"))
