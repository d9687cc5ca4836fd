"""The PDF read back: headings in profile order with their numbers, TOC page numbers, outline, cover, header and
footer, fonts, metadata, watermark, refusal and atomic export."""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from reportlab.platypus import Paragraph
from sqlalchemy import select
from sqlalchemy.orm import Session

from planner.errors import PlannerError
from planner.guidelines.numbering import heading_label
from planner.guidelines.profile import CheckSpec
from planner.i18n import translate
from planner.model import Initiative, NarrativeSection, Plan
from planner.reports import blocks as report_blocks
from planner.reports.context import PAGE_HEIGHT, PAGE_WIDTH, ReportContext, paragraph_styles
from planner.reports.document import Heading, render_story
from planner.reports.pdf import ExportRefused, build_pdf, build_story, export_pdf, render_pdf
from tests.planner.reports import pdf_reading as reading
from tests.planner.reports.conftest import all_blocks_profile, make_profile, narrative_profile, section

SUBSET = re.compile(r"^[A-Z]{6}\+NanumGothic")
TODAY = date(2026, 11, 3)


def headings_of(profile: object, language: str) -> list[tuple[int, str]]:
    """(depth, "number title") of every section, in profile order."""
    result = []
    chapter_appendix = False
    for path, spec in profile.walk():  # type: ignore[attr-defined]
        if len(path) == 1:
            chapter_appendix = spec.appendix
        number = heading_label(profile.numbering, path, appendix=chapter_appendix, language=language)  # type: ignore[attr-defined]
        result.append((len(path), f"{number} {spec.title.get(language)}"))
    return result


def squeezed_body(reader: object) -> str:
    return reading.squeezed(reading.all_body_text(reader))  # type: ignore[arg-type]


@pytest.mark.parametrize("language", ["ko", "en"])
def test_every_section_title_in_profile_order_with_its_number(demo_session: Callable[[str], Session],
                                                               language: str) -> None:
    profile = narrative_profile(language)
    reader = reading.read_pdf(build_pdf(demo_session(language), profile, language, today=TODAY))
    body = reading.squeezed("\n".join(reading.body_text(reader, index) for index in range(2, len(reader.pages))))
    position = 0
    for _depth, title in headings_of(profile, language):
        found = body.find(reading.squeezed(title), position)
        assert found >= 0, f"{title!r} missing or out of order"
        position = found
    if language == "ko":
        assert "Ⅰ.계획개요" in body and "1.추진배경" in body and "가.법적근거" in body and "1)세부근거" in body
        assert "붙임1추진실적" in body
    else:
        assert "1.Overview" in body and "1.1Background" in body and "1.3.1Legalbasis" in body


def test_toc_page_numbers_are_the_pages_of_the_headings(demo_session: Callable[[str], Session]) -> None:
    profile = narrative_profile("ko")
    reader = reading.read_pdf(build_pdf(demo_session("ko"), profile, "ko", today=TODAY))
    toc = reading.toc_numbers(reader, 1)
    expected = [title for depth, title in headings_of(profile, "ko") if depth <= 3]
    assert [entry for entry, _page in toc] == expected  # depth 4 is in the outline only
    for title, page in toc:
        assert reading.squeezed(title) in reading.squeezed(reading.body_text(reader, page - 1)), title
    outline_pages = {entry.title: entry.page for entry in reading.outline_entries(reader)}
    assert all(outline_pages[title] == page for title, page in toc)
    # Each TOC line links to its heading's page.
    links = [link for link in reading.link_annotations(reader) if link["page"] == 2]
    assert len(links) == len(toc)
    assert all(link["uri"] is None and link["dest"] is not None for link in links)
    assert [reader.get_page_number(link["dest"][0].get_object()) + 1 for link in links] == [page for _t, page in toc]


def test_outline_mirrors_the_headings_with_nesting(demo_session: Callable[[str], Session]) -> None:
    profile = narrative_profile("ko")
    reader = reading.read_pdf(build_pdf(demo_session("ko"), profile, "ko", today=TODAY))
    entries = reading.outline_entries(reader)
    assert entries[0].title == translate("Contents", "ko") and entries[0].level == 0 and entries[0].page == 2
    assert [(entry.level + 1, entry.title) for entry in entries[1:]] == headings_of(profile, "ko")
    assert entries[1].page == 3  # the first chapter starts on the page after the table of contents


def test_outline_never_skips_a_level() -> None:
    story = [Heading("Chapter", depth=1, number="1."), Paragraph("x", paragraph_styles()["body"]),
             Heading("Too deep", depth=4), Heading("Second", depth=2), Heading("Next chapter", depth=1)]
    reader = reading.read_pdf(render_story(story, title="t", author="a", subject="s", creator="c",
                                           language="en").data)
    assert [(entry.level, entry.title) for entry in reading.outline_entries(reader)] == [
        (0, "1. Chapter"), (1, "Too deep"), (1, "Second"), (0, "Next chapter")]


def test_cover_blocks(demo_session: Callable[[str], Session]) -> None:
    session = demo_session("ko")
    plan = session.scalars(select(Plan)).one()
    plan.approval_columns = ["실무자", "부서장"]
    reader = reading.read_pdf(build_pdf(session, narrative_profile("ko"), "ko", today=TODAY))
    cover = reading.squeezed(reader.pages[0].extract_text())
    for expected in ["75-4990000-000127-13", "실무자", "부서장", plan.title, "(2027~2031)", "해담도해담군", "2027.1.",
                     "해담군청", "스마트정보과AI융합팀", "주무관김하늘", "061-000-2041"]:
        assert reading.squeezed(expected) in cover, expected
    assert "팀장" not in cover  # the plan's own columns replace the profile's
    assert f"/ {len(reader.pages)}" not in reader.pages[0].extract_text()  # no footer on the cover


def test_cover_without_optional_blocks_uses_the_current_month(demo_session: Callable[[str], Session]) -> None:
    session = demo_session("en")
    plan = session.scalars(select(Plan)).one()
    plan.publication_number, plan.document_month = "", None
    profile = make_profile(narrative_profile("en").sections, language="en",
                           cover=("title", "subtitle", "date", "lead_organisation"))
    reader = reading.read_pdf(build_pdf(session, profile, "en", today=TODAY))
    cover = reader.pages[0].extract_text()
    assert "2026. 11." in cover
    assert "Haedam" in cover and "2027 ~ 2031" in cover
    assert "Officer" not in cover and plan.contact_phone not in cover


def test_header_and_footer_on_every_page_but_the_cover(demo_session: Callable[[str], Session]) -> None:
    session = demo_session("ko")
    title = session.scalars(select(Plan)).one().title
    reader = reading.read_pdf(build_pdf(session, narrative_profile("ko"), "ko", today=TODAY))
    total = len(reader.pages)
    assert total > 8
    cover = reader.pages[0].extract_text()
    assert f"/ {total}" not in cover and reading.squeezed(title) in reading.squeezed(cover)
    for index in range(1, total):
        assert reading.footer_text(reader, index).strip() == f"{index + 1} / {total}"
        assert reading.header_text(reader, index).strip() == title


def test_fonts_are_embedded_subsets_and_korean_is_extractable(demo_session: Callable[[str], Session]) -> None:
    session = demo_session("ko")
    reader = reading.read_pdf(build_pdf(session, narrative_profile("ko"), "ko", today=TODAY))
    fonts = reading.font_names(reader)
    nanum = {name for name in fonts if "Nanum" in name}
    assert nanum and all(SUBSET.match(name) for name in nanum), fonts
    assert fonts - nanum <= {"Helvetica"}  # (reportlab's table default, declared by empty cells, draws nothing)
    assert reading.embedded_font_files(reader) >= len(nanum)
    background = session.scalars(select(NarrativeSection).where(NarrativeSection.key == "overview.background")).one()
    first_line = background.body.splitlines()[1].strip().lstrip("○").replace("**", "")
    assert reading.squeezed(first_line) in squeezed_body(reader)


def test_metadata(demo_session: Callable[[str], Session]) -> None:
    session = demo_session("en")
    plan = session.scalars(select(Plan)).one()
    for language, tag in (("en", "en-US"), ("ko", "ko-KR")):
        reader = reading.read_pdf(build_pdf(session, narrative_profile(language), language, today=TODAY))
        assert reader.metadata.title == plan.title
        assert reader.metadata.author == plan.lead_organisation
        assert reader.metadata.subject == narrative_profile(language).name.get(language)
        assert reader.metadata.creator.startswith("Convergence Planner")
        assert reading.document_language(reader) == tag


def test_invariant_output_is_reproducible(demo_session: Callable[[str], Session]) -> None:
    session = demo_session("ko")
    first = build_pdf(session, narrative_profile("ko"), "ko", today=TODAY, invariant=True)
    assert build_pdf(session, narrative_profile("ko"), "ko", today=TODAY, invariant=True) == first


def test_bullets_hang_and_bold_runs_are_bold(demo_session: Callable[[str], Session]) -> None:
    session = demo_session("en")
    row = session.scalars(select(NarrativeSection).where(NarrativeSection.key == "overview.background")).one()
    long_item = " ".join(["wrapped"] * 60)
    row.body = f"□ Level one\n  ○ {long_item}\n    - level three\n      · level four\nPlain **bold part** end"
    reader = reading.read_pdf(build_pdf(session, narrative_profile("en"), "en", today=TODAY))
    page = next(index for index in range(2, len(reader.pages)) if "Level one" in reader.pages[index].extract_text())
    pieces = reading.text_pieces(reader, page)
    x_of = {piece.text.strip(): piece.x for piece in pieces}
    assert x_of["□"] < x_of["○"] < x_of["-"] < x_of["·"]  # each level further in
    wrapped = [piece for piece in pieces if piece.text.strip().startswith("wrapped")]
    # The wrapped lines of the ○ item align with each other, indented past the marker (a hanging indent).
    assert len(wrapped) >= 3 and len({round(piece.x, 1) for piece in wrapped[1:]}) == 1
    assert wrapped[1].x - x_of["○"] > 10
    fonts = reading.piece_fonts(reader, page)
    assert "Bold" in fonts["bold part"] and "Bold" not in fonts["end"]


@pytest.mark.parametrize(("language", "expected"), [("en", "(To be written: cite the bylaws)"),
                                                     ("ko", "(작성 필요: 조례 근거를 기술)")])
def test_unwritten_section_shows_a_placeholder(demo_session: Callable[[str], Session], language: str,
                                                expected: str) -> None:
    reader = reading.read_pdf(build_pdf(demo_session(language), narrative_profile(language), language, today=TODAY))
    assert reading.squeezed(expected) in squeezed_body(reader)


def test_draft_watermark_only_on_drafts(demo_session: Callable[[str], Session]) -> None:
    session = demo_session("ko")
    final = reading.read_pdf(build_pdf(session, narrative_profile("ko"), "ko", today=TODAY))
    draft = reading.read_pdf(build_pdf(session, narrative_profile("ko"), "ko", today=TODAY, draft=True))
    assert not any("DRAFT" in text for text in reading.page_texts(final))
    assert all("초안 / DRAFT" in text for text in reading.page_texts(draft))


def landscape_block(ctx: ReportContext) -> list[object]:
    return [*ctx.landscape(), ctx.para("wide content"), *ctx.portrait()]


def test_blocks_get_their_context_and_landscape_pages_leave_no_blank_page(
        demo_session: Callable[[str], Session], monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[str, int]] = []

    def builder(block_id: str) -> Callable[[ReportContext], list[object]]:
        def build(ctx: ReportContext) -> list[object]:
            assert ctx.section is not None
            seen.append((ctx.section.key, ctx.section_depth))
            return landscape_block(ctx) if block_id == "roadmap_chart" else [ctx.para(f"block {block_id}")]
        return build

    monkeypatch.setattr(report_blocks, "block_builder", builder)
    profile = make_profile((
        section("one", "하나", "One", block="roadmap_chart"),
        section("two", "둘", "Two", narrative="overview.purpose", children=(
            section("two.table", "표", "Table", block="kpi_table"),
            section("two.chart", "차트", "Chart", block="roadmap_chart"),
        )),
    ), language="en")
    reader = reading.read_pdf(build_pdf(demo_session("en"), profile, "en", today=TODAY))
    assert seen == [("one", 1), ("two.table", 2), ("two.chart", 2)]
    sizes = [(round(float(page.mediabox.width)), round(float(page.mediabox.height))) for page in reader.pages]
    landscape = (round(PAGE_HEIGHT), round(PAGE_WIDTH))
    portrait = (round(PAGE_WIDTH), round(PAGE_HEIGHT))
    texts = [reading.body_text(reader, index) for index in range(len(reader.pages))]
    assert all(text.strip() for text in texts)  # no blank page
    chapter_one = next(index for index, text in enumerate(texts) if index > 1 and "1. One" in text)
    assert sizes[chapter_one] == landscape and "wide content" in texts[chapter_one]  # heading on its chart's page
    chart = next(index for index, text in enumerate(texts) if index > 1 and "2.2 Chart" in text)
    assert sizes[chart] == landscape and "wide content" in texts[chart]
    assert sizes[chart - 1] == portrait and "block kpi_table" in texts[chart - 1]
    assert sizes[1] == portrait and sizes[-1] == landscape


def test_a_block_that_raises_is_not_hidden(demo_session: Callable[[str], Session],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(_block_id: str) -> Callable[[ReportContext], list[object]]:
        def build(_ctx: ReportContext) -> list[object]:
            raise RuntimeError("block bug")
        return build

    monkeypatch.setattr(report_blocks, "block_builder", broken)
    with pytest.raises(RuntimeError, match="block bug"):
        build_pdf(demo_session("en"), make_profile((section("one", "하나", "One", block="kpi_table"),)), "en")


def test_progress_names_what_is_built(demo_session: Callable[[str], Session]) -> None:
    told: list[str] = []
    build_pdf(demo_session("en"), narrative_profile("en"), "en", progress=told.append, today=TODAY)
    assert "Background" in told and "Past results" in told


def test_build_story_starts_with_cover_then_contents(demo_session: Callable[[str], Session]) -> None:
    session = demo_session("en")
    ctx = ReportContext(session=session, profile=narrative_profile("en"), language="en", report_year=2027)
    story = build_story(ctx, today=TODAY)
    headings = [flowable for flowable in story if isinstance(flowable, Heading)]
    assert headings[0].key == "contents" and headings[0].toc is False
    assert [heading.title for heading in headings[1:]] == [title for _d, title in headings_of(ctx.profile, "en")]
    assert len({heading.key for heading in headings}) == len(headings)


# -- export ------------------------------------------------------------------------------------------------


def test_export_refuses_a_plan_with_errors(demo_session: Callable[[str], Session], fake_checks: Callable[..., object],
                                           tmp_path: Path) -> None:
    fake_checks(errors=2, warnings=1)
    target = tmp_path / "plan.pdf"
    with pytest.raises(ExportRefused) as refusal:
        export_pdf(demo_session("en"), narrative_profile("en"), "en", target, today=TODAY)
    assert len(refusal.value.report.errors) == 2 and "2" in str(refusal.value)
    assert isinstance(refusal.value, PlannerError)
    assert not target.exists() and list(tmp_path.iterdir()) == []


def test_forced_export_past_errors_is_a_watermarked_draft(demo_session: Callable[[str], Session],
                                                          fake_checks: Callable[..., object], tmp_path: Path) -> None:
    calls = fake_checks(errors=1)
    target = tmp_path / "plan.pdf"
    result = export_pdf(demo_session("ko"), narrative_profile("ko"), "ko", target, force=True, today=TODAY)
    assert calls == [("test-profile", "ko", TODAY)]
    assert result.draft and result.path == target.absolute() and len(result.report.errors) == 1
    reader = reading.read_pdf(target.read_bytes())
    assert result.pages == len(reader.pages)
    assert all("초안 / DRAFT" in text for text in reading.page_texts(reader))


def test_clean_export_is_final_even_when_forced(demo_session: Callable[[str], Session],
                                                fake_checks: Callable[..., object], tmp_path: Path) -> None:
    fake_checks(errors=0, warnings=3)
    target = tmp_path / "plan.pdf"
    result = export_pdf(demo_session("ko"), narrative_profile("ko"), "ko", target, force=True, today=TODAY)
    assert not result.draft and len(result.report.findings) == 3
    assert not any("DRAFT" in text for text in reading.page_texts(reading.read_pdf(target.read_bytes())))
    assert sorted(path.name for path in tmp_path.iterdir()) == ["plan.pdf"]


def test_failed_build_leaves_the_target_untouched(demo_session: Callable[[str], Session],
                                                 fake_checks: Callable[..., object], tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    fake_checks()
    target = tmp_path / "plan.pdf"
    target.write_bytes(b"the previous export")

    def broken(_block_id: str) -> Callable[[ReportContext], list[object]]:
        def build(_ctx: ReportContext) -> list[object]:
            raise RuntimeError("block bug")
        return build

    monkeypatch.setattr(report_blocks, "block_builder", broken)
    with pytest.raises(RuntimeError):
        export_pdf(demo_session("en"), make_profile((section("one", "하나", "One", block="kpi_table"),)), "en",
                   target)
    assert target.read_bytes() == b"the previous export"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["plan.pdf"]


def test_failed_write_leaves_the_target_untouched(demo_session: Callable[[str], Session],
                                                 fake_checks: Callable[..., object], tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    fake_checks()
    target = tmp_path / "plan.pdf"
    target.write_bytes(b"the previous export")

    def no_replace(_source: object, _target: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", no_replace)
    with pytest.raises(PlannerError, match="No space left on device"):
        export_pdf(demo_session("en"), narrative_profile("en"), "en", target, today=TODAY)
    assert target.read_bytes() == b"the previous export"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["plan.pdf"]


def test_export_to_a_missing_folder_or_a_folder_is_refused(demo_session: Callable[[str], Session],
                                                          fake_checks: Callable[..., object], tmp_path: Path) -> None:
    fake_checks()
    session = demo_session("en")
    with pytest.raises(PlannerError, match="does not exist"):
        export_pdf(session, narrative_profile("en"), "en", tmp_path / "missing" / "plan.pdf")
    with pytest.raises(PlannerError, match="folder"):
        export_pdf(session, narrative_profile("en"), "en", tmp_path)


def test_real_checks_refuse_an_unwritten_section(demo_session: Callable[[str], Session], tmp_path: Path) -> None:
    profile = narrative_profile("en", checks={"narrative_written": CheckSpec("narrative_written", "error")})
    with pytest.raises(ExportRefused) as refusal:
        export_pdf(demo_session("en"), profile, "en", tmp_path / "plan.pdf", today=TODAY)
    assert any(finding.check == "narrative_written" for finding in refusal.value.report.errors)
    assert not (tmp_path / "plan.pdf").exists()


# -- every block (passes once the block modules exist) ---------------------------------------------------------


def test_every_block_builds_and_every_initiative_code_is_in_the_pdf(demo_session: Callable[[str], Session]) -> None:
    session = demo_session("ko")
    profile = all_blocks_profile("ko")
    data, pages = render_pdf(session, profile, "ko", today=TODAY)
    reader = reading.read_pdf(data)
    assert pages == len(reader.pages)
    body = squeezed_body(reader)
    codes = session.scalars(select(Initiative.code)).all()
    assert len(codes) == 28 and all(code in body for code in codes)
    toc = reading.toc_numbers(reader, 1)
    outline = reading.outline_entries(reader)
    outline_pages = {entry.title: entry.page for entry in outline}
    assert toc and all(outline_pages[title] == page for title, page in toc if title in outline_pages)
    assert all(reading.squeezed(title) in reading.squeezed(reading.body_text(reader, page - 1))
               for title, page in toc)
    levels = [entry.level for entry in outline]
    assert all(later <= earlier + 1 for earlier, later in itertools.pairwise(levels))
    for index in range(1, len(reader.pages)):
        assert reading.footer_text(reader, index).strip() == f"{index + 1} / {len(reader.pages)}"


def test_report_year_defaults_to_the_plan(demo_session: Callable[[str], Session],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    years: list[int] = []

    def builder(_block_id: str) -> Callable[[ReportContext], list[object]]:
        def build(ctx: ReportContext) -> list[object]:
            years.append(ctx.report_year)
            return []
        return build

    monkeypatch.setattr(report_blocks, "block_builder", builder)
    session = demo_session("en")
    profile = make_profile((section("one", "하나", "One", block="year_plan_table"),), language="en")
    build_pdf(session, profile, "en")
    build_pdf(session, profile, "en", report_year=2029)
    session.scalars(select(Plan)).one().report_year = 2028
    build_pdf(session, profile, "en")
    assert years == [2027, 2029, 2028]
