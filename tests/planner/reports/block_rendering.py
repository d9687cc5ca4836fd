"""Test helper for the generated blocks: plans to build them from, a context, and rendering to PDF text."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from planner.demo import build_demo_plan
from planner.guidelines.profile import CoverSpec, GuidelineProfile, LocalText, SectionSpec
from planner.model import Plan
from planner.reports.context import (
    FRAME_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_SIDE,
    MARGIN_TOP,
    ReportContext,
    markup,
    register_fonts,
)

# User text that reportlab would misread if it were not escaped; each must print exactly as typed.
HOSTILE = ("R&D", "x<y", "<b>", '<img src="/etc/passwd"/>', '<a href="javascript:alert(1)">click</a>',
           "$5 to $10", "</para>", "&amp;")
LONG_WORD = "가" * 20_000


@contextlib.contextmanager
def plan_session(language: str = "ko", *, demo: bool = True) -> Iterator[Session]:
    """A session on an in-memory plan: the demo plan in `language`, or an empty 2027–2031 plan."""
    from planner.storage.migrate import create_schema

    engine = create_engine("sqlite://")
    with engine.begin() as connection:
        create_schema(connection)
    try:
        with Session(engine) as session:
            if demo:
                build_demo_plan(session, language)
            else:
                session.add(Plan(title="빈 계획", start_year=2027, end_year=2031))
            session.flush()
            yield session
    finally:
        engine.dispose()


def make_profile(language: str = "ko") -> GuidelineProfile:
    """A minimal profile (the blocks only read its language and their section)."""
    return GuidelineProfile(
        id="test-profile", name=LocalText({"en": "Test"}), description=LocalText({}), plan_type="master",
        language=language, numbering=language, cover=CoverSpec(blocks=("title",)), required_fields=(),
        checks={}, sections=(),
    )


def _heading_is_available() -> bool:
    try:
        from planner.reports.document import Heading  # noqa: F401
    except ImportError:
        return False
    return True


class StandInContext(ReportContext):
    """A context whose headings are plain paragraphs, used only while planner.reports.document has no Heading."""

    def heading(self, text: str, depth: int | None = None, *, number: str = "", toc: bool = True) -> Flowable:
        prefix = f"{markup(number)} " if number else ""
        return Paragraph(prefix + markup(text), self.styles["h3"])


def make_context(session: Session, language: str = "ko", *, report_year: int = 2028,
                 options: Mapping[str, Any] | None = None, block: str = "initiative_table") -> ReportContext:
    """A report context on `session` for a section holding `block` with `options`."""
    section = SectionSpec(key="test.section", title=LocalText({"en": "Section"}), block=block,
                          options=dict(options or {}))
    context_class = ReportContext if _heading_is_available() else StandInContext
    return context_class(session=session, profile=make_profile(language), language=language,
                         report_year=report_year, section=section)


def render_pdf(flowables: Sequence[Flowable], path: Path) -> Path:
    """Lay the flowables out on A4 pages with the report's margins and write the PDF."""
    register_fonts()
    document = SimpleDocTemplate(str(path), leftMargin=MARGIN_SIDE, rightMargin=MARGIN_SIDE,
                                 topMargin=MARGIN_TOP + 10 * 72 / 25.4, bottomMargin=MARGIN_BOTTOM + 10 * 72 / 25.4)
    assert abs(document.width - FRAME_WIDTH) < 0.01
    document.build(list(flowables))
    return path


def pdf_text(path: Path) -> str:
    """The text of every page of a PDF, pages joined by newlines."""
    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def render_text(flowables: Sequence[Flowable], path: Path) -> str:
    """Render the flowables to `path` and read the text back."""
    return pdf_text(render_pdf(flowables, path))


def page_count(path: Path) -> int:
    return len(PdfReader(str(path)).pages)


def squeezed(text: str) -> str:
    """Text without any whitespace (wrapping in table cells breaks lines anywhere)."""
    return re.sub(r"\s+", "", text)


def table_widths(flowables: Sequence[Flowable]) -> list[float]:
    """The total column width of every Table among the flowables."""
    from reportlab.platypus import Table

    return [sum(flowable._colWidths) for flowable in flowables if isinstance(flowable, Table)]
