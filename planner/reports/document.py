"""The document framework: page templates, header, footer, watermark, headings, table of contents and outline.

The PDF is laid out in ONE pass. The table of contents is known before layout (every heading is in the story
built beforehand), so its size is fixed; what is only known at the end — the page of each heading, the total
page count — is drawn late: the canvas keeps every finished page and, when the document is saved, replays
them, drawing each footer's "x / y", the TOC's page numbers and the bookmarks on the right pages.
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab import rl_config
from reportlab.lib.colors import Color, black
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph
from reportlab.platypus.doctemplate import NextPageTemplate
from reportlab.platypus.flowables import PageBreak, PageBreakIfNotEmpty

from planner.i18n import N_, translate
from planner.reports.context import (
    COVER_TEMPLATE,
    FONT_BOLD,
    FONT_REGULAR,
    FOOTER_HEIGHT,
    FRAME_HEIGHT,
    FRAME_WIDTH,
    HEADER_HEIGHT,
    LANDSCAPE_FRAME_HEIGHT,
    LANDSCAPE_FRAME_WIDTH,
    LANDSCAPE_TEMPLATE,
    MARGIN_BOTTOM,
    MARGIN_SIDE,
    MARGIN_TOP,
    MM,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    PORTRAIT_TEMPLATE,
    clean,
    markup,
    paragraph_styles,
    register_fonts,
)

TOC_MAX_DEPTH = 3  # headings deeper than this are in the outline but not in the table of contents
OUTLINE_TITLE_LIMIT = 300  # characters of a heading shown in the PDF outline
HEADER_SIZE = 8
FOOTER_SIZE = 9
WATERMARK_TEXT = "초안 / DRAFT"
PDF_LANGUAGES = {"ko": "ko-KR", "en": "en-US"}
TOC_NUMBER_COLUMN = 14 * MM  # room kept at the right of every TOC line for its page number
TOC_TITLE = N_("Contents")


def one_line(text: str | None) -> str:
    """User text on one line (for the outline, the header): control characters and newlines made spaces."""
    return " ".join(clean(text).split())


def shortened(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# -- what is drawn late ------------------------------------------------------------------------------------


@dataclass
class TocSlot:
    """Where a TOC line wants the page number of its heading drawn (absolute page coordinates)."""

    key: str
    right: float
    baseline: float
    font: str
    size: float
    link: tuple[float, float, float, float]  # x0, y0, x1, y1 of the clickable area


@dataclass
class PageMarks:
    """What layout learns page by page, drawn when the document is saved (see DeferredCanvas)."""

    heading_pages: dict[str, int] = field(default_factory=dict)  # bookmark key -> page number
    bookmarks: dict[int, list[tuple[str, float]]] = field(default_factory=dict)  # page -> [(key, top)]
    toc_slots: dict[int, list[TocSlot]] = field(default_factory=dict)
    footer_pages: set[int] = field(default_factory=set)
    last_outline_level: int = -1
    total_pages: int = 0
    automatic_keys: int = 0

    def next_key(self) -> str:
        self.automatic_keys += 1
        return f"heading-auto-{self.automatic_keys}"

    def outline_level(self, depth: int) -> int:
        """The outline level of a heading at `depth`: never more than one below the previous entry's."""
        level = max(0, min(depth - 1, self.last_outline_level + 1))
        self.last_outline_level = level
        return level


class DeferredCanvas(Canvas):
    """A canvas that keeps finished pages and writes them at save(), after drawing what only the end knows."""

    def __init__(self, *args: Any, marks: PageMarks | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.marks = marks if marks is not None else PageMarks()
        self._finished_pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._finished_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        if len(self._code):
            self.showPage()
        marks = self.marks
        total = len(self._finished_pages)
        marks.total_pages = total
        annotations = self._annotationCount  # a document-wide counter (it names annotations), not page state
        for state in self._finished_pages:
            self.__dict__.update(state)
            self._annotationCount = annotations
            self._draw_late(marks, self._pageNumber, total)
            annotations = self._annotationCount
            Canvas.showPage(self)
        self._finished_pages = []
        Canvas.save(self)

    def _draw_late(self, marks: PageMarks, page: int, total: int) -> None:
        for key, top in marks.bookmarks.get(page, ()):
            self.bookmarkPage(key, fit="XYZ", top=top)
        for slot in marks.toc_slots.get(page, ()):
            target = marks.heading_pages.get(slot.key)
            if target is None:
                continue
            self.setFillColor(black)
            self.setFont(slot.font, slot.size)
            self.drawRightString(slot.right, slot.baseline, str(target))
            self.linkRect("", slot.key, slot.link, relative=0, thickness=0)
        if page in marks.footer_pages:
            width = self._pagesize[0]
            self.setFillColor(black)
            self.setFont(FONT_REGULAR, FOOTER_SIZE)
            self.drawCentredString(width / 2, MARGIN_BOTTOM + FOOTER_HEIGHT / 2 - FOOTER_SIZE / 2,
                                   f"{page} / {total}")


def _marks_of(canvas: Canvas) -> PageMarks | None:
    marks = getattr(canvas, "marks", None)
    return marks if isinstance(marks, PageMarks) else None


# -- headings -------------------------------------------------------------------------------------------------


def _hanging_style(base: ParagraphStyle, number: str, name: str) -> ParagraphStyle:
    """The style with wrapped lines aligned after the number ("Ⅰ. " hangs to the left)."""
    if not number:
        return base
    indent = stringWidth(f"{number} ", base.fontName, base.fontSize)
    if indent > FRAME_WIDTH / 3:  # a very long label: no hanging indent
        return base
    return ParagraphStyle(name, parent=base, leftIndent=base.leftIndent + indent,
                          firstLineIndent=base.firstLineIndent - indent)


class Heading(Flowable):
    """A numbered heading: shown as "number text", listed in the TOC (when `toc`) and in the PDF outline.

    `text` is plain user text (escaped here). Depth 1 is a chapter; style h1..h4 by depth (deeper → h4).
    """

    def __init__(self, text: str, depth: int = 1, number: str = "", toc: bool = True, *,
                 style: str | None = None, key: str | None = None) -> None:
        super().__init__()
        self.text = text
        self.depth = max(1, int(depth))
        self.number = number
        self.toc = toc
        self.key = key  # the bookmark; assigned by assign_heading_keys (or when drawn)
        base = paragraph_styles()[style or f"h{min(self.depth, 4)}"]
        self.style = _hanging_style(base, number, f"{base.name}-numbered")
        shown = f"{markup(number)} {markup(text)}" if number else markup(text)
        self.paragraph = Paragraph(shown, self.style)
        self.keepWithNext = bool(getattr(self.style, "keepWithNext", True))
        self.underlined = style is None and self.depth == 1

    @property
    def title(self) -> str:
        """The heading as one line of plain text (the outline's and the TOC's wording)."""
        text = one_line(self.text)
        return f"{self.number} {text}" if self.number else text

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width, self.height = self.paragraph.wrap(available_width, available_height)
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        parts = self.paragraph.split(available_width, available_height)
        if not parts:
            return []
        first = Heading.__new__(Heading)
        first.__dict__.update(self.__dict__)
        first.paragraph = parts[0]
        first.keepWithNext = False
        first.underlined = False  # a heading long enough to split goes without the rule
        return [first, *parts[1:]]

    def getSpaceBefore(self) -> float:
        return float(self.style.spaceBefore)

    def getSpaceAfter(self) -> float:
        return float(self.style.spaceAfter)

    def draw(self) -> None:
        canvas = self.canv
        self.paragraph.drawOn(canvas, 0, 0)
        if self.underlined:  # a chapter heading stands on a rule
            canvas.saveState()
            canvas.setLineWidth(1.2)
            canvas.line(0, -1.6 * MM, self.width, -1.6 * MM)
            canvas.restoreState()
        marks = _marks_of(canvas)
        if marks is None:
            return
        if self.key is None:
            self.key = marks.next_key()
        page = canvas.getPageNumber()
        marks.heading_pages[self.key] = page
        top = canvas.absolutePosition(0, self.height + self.getSpaceBefore())[1]
        marks.bookmarks.setdefault(page, []).append((self.key, min(top, canvas._pagesize[1])))
        level = marks.outline_level(self.depth)
        canvas.addOutlineEntry(shortened(self.title, OUTLINE_TITLE_LIMIT), self.key, level=level,
                               closed=level >= 1 or None)


def _children(flowable: Any) -> Iterable[Any]:
    for name in ("_content", "_flowables"):
        value = getattr(flowable, name, None)
        if isinstance(value, (list, tuple)):
            yield from value


def iter_headings(story: Iterable[Any]) -> Iterator[Heading]:
    """The headings of a story in order, including those inside containers (KeepTogether and the like)."""
    for flowable in story:
        if isinstance(flowable, Heading):
            yield flowable
        else:
            yield from iter_headings(_children(flowable))


def assign_heading_keys(story: Sequence[Any]) -> list[Heading]:
    """Give every heading of the story its bookmark key (heading-1, heading-2, ...); return them in order."""
    headings = list(iter_headings(story))
    for index, heading in enumerate(headings, 1):
        heading.key = f"heading-{index}"
    return headings


# -- table of contents -----------------------------------------------------------------------------------------


def _toc_styles() -> dict[int, ParagraphStyle]:
    styles = paragraph_styles()
    base = styles["body"]
    result = {}
    for depth, (size, bold, before) in {1: (13, True, 3 * MM), 2: (11.5, False, 1 * MM),
                                        3: (10.5, False, 0.5 * MM)}.items():
        result[depth] = ParagraphStyle(
            f"toc{depth}", parent=base, fontName=FONT_BOLD if bold else FONT_REGULAR, fontSize=size,
            leading=size * 1.45, leftIndent=(depth - 1) * 7 * MM, rightIndent=TOC_NUMBER_COLUMN,
            spaceBefore=before, spaceAfter=0.5 * MM)
    return result


class TocLine(Flowable):
    """One line of the table of contents: the heading's number and title, leaders, and (drawn late) its page.

    The whole line links to the heading.
    """

    def __init__(self, paragraph: Paragraph, key: str | None) -> None:
        super().__init__()
        self.paragraph = paragraph
        self.key = key  # None for the first parts of an entry split across pages: they carry no number
        self.style = paragraph.style

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        _width, self.height = self.paragraph.wrap(available_width, available_height)
        self.width = available_width
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        parts = self.paragraph.split(available_width, available_height)
        if len(parts) < 2:
            return []
        return [TocLine(parts[0], None), *[TocLine(part, None) for part in parts[1:-1]], TocLine(parts[-1], self.key)]

    def getSpaceBefore(self) -> float:
        return float(self.style.spaceBefore)

    def getSpaceAfter(self) -> float:
        return float(self.style.spaceAfter)

    def _last_line(self) -> tuple[float, float]:
        """(x where the last line's text ends, its baseline), in the flowable's coordinates."""
        para = self.paragraph
        blocks = getattr(para, "blPara", None)
        lines = getattr(blocks, "lines", None) or [None]
        count = len(lines)
        style = self.style
        if rl_config.paraFontSizeHeightOffset:  # how Paragraph.drawPara places its first line
            ascent = style.fontSize
        else:
            ascent = getattr(blocks, "ascent", style.fontSize)
        baseline = self.height - ascent - (count - 1) * style.leading
        line = lines[-1]
        indent = style.leftIndent + (style.firstLineIndent if count == 1 else 0)
        room = self.width - indent - style.rightIndent
        extra = getattr(line, "extraSpace", None)
        if extra is None and isinstance(line, tuple):
            extra = line[0]
        end = indent + room - (extra if isinstance(extra, (int, float)) else 0)
        return end, baseline

    def draw(self) -> None:
        canvas = self.canv
        self.paragraph.drawOn(canvas, 0, 0)
        if self.key is None:
            return
        marks = _marks_of(canvas)
        end, baseline = self._last_line()
        leader_end = self.width - TOC_NUMBER_COLUMN + 2 * MM
        if leader_end - end > 4 * MM:
            canvas.saveState()
            canvas.setStrokeColor(Color(0.45, 0.45, 0.45))
            canvas.setLineWidth(0.7)
            canvas.setLineCap(1)
            canvas.setDash([0.1, 2.6])
            canvas.line(end + 2 * MM, baseline + 1, leader_end, baseline + 1)
            canvas.restoreState()
        if marks is None:
            return
        right, absolute_baseline = canvas.absolutePosition(self.width, baseline)
        x0, y0 = canvas.absolutePosition(0, 0)
        marks.toc_slots.setdefault(canvas.getPageNumber(), []).append(TocSlot(
            key=self.key, right=right, baseline=absolute_baseline, font=self.style.fontName,
            size=self.style.fontSize, link=(x0, y0, right, y0 + self.height)))


def toc_flowables(headings: Sequence[Heading], language: str) -> list[Flowable]:
    """The table of contents: its own heading (in the outline, not in itself), then one line per heading."""
    styles = _toc_styles()
    flowables: list[Flowable] = [Heading(translate(TOC_TITLE, language), depth=1, toc=False, style="toc_title",
                                         key="contents")]
    for heading in headings:
        if not heading.toc or heading.depth > TOC_MAX_DEPTH:
            continue
        style = _hanging_style(styles[heading.depth], heading.number, f"toc{heading.depth}-numbered")
        text = markup(heading.text)
        shown = f"{markup(heading.number)} {text}" if heading.number else text
        flowables.append(TocLine(Paragraph(shown, style), heading.key))
    return flowables


# -- page breaks -----------------------------------------------------------------------------------------------


def page_start(template: str = PORTRAIT_TEMPLATE) -> Flowable:
    """Start a new page of a template, unless the current page is still empty (then it just takes the template)."""
    return PageBreakIfNotEmpty(nextTemplate=template)


def without_blank_pages(flowables: Sequence[Flowable]) -> list[Flowable]:
    """NextPageTemplate + PageBreak pairs (ctx.landscape(), ctx.portrait()) made breaks that never leave an
    empty page behind."""
    result: list[Flowable] = []
    index = 0
    while index < len(flowables):
        flowable = flowables[index]
        following = flowables[index + 1] if index + 1 < len(flowables) else None
        if (isinstance(flowable, NextPageTemplate) and type(following) is PageBreak
                and following.nextTemplate is None and isinstance(flowable.action[1], str)):
            result.append(page_start(flowable.action[1]))
            index += 2
            continue
        result.append(flowable)
        index += 1
    return result


# -- the document ----------------------------------------------------------------------------------------------


def _fitted(text: str, font: str, size: float, width: float) -> str:
    """Text cut with … to fit a width."""
    if stringWidth(text, font, size) <= width:
        return text
    low, high = 0, min(len(text), int(width / (size * 0.25)) + 1)
    while low < high:
        middle = (low + high + 1) // 2
        if stringWidth(text[:middle] + "…", font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low] + "…"


class PlanDocTemplate(BaseDocTemplate):
    """A4 pages: the cover (no header or footer), portrait and landscape pages with header, footer, watermark."""

    def __init__(self, output: Any, *, title: str, author: str, subject: str, creator: str, language: str,
                 draft: bool = False, invariant: bool = False) -> None:
        register_fonts()
        self.marks = PageMarks()
        self.draft = draft
        self.header_text = one_line(title)
        super().__init__(
            output, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), leftMargin=MARGIN_SIDE, rightMargin=MARGIN_SIDE,
            topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, title=one_line(title), author=one_line(author),
            subject=one_line(subject), creator=creator, lang=PDF_LANGUAGES.get(language, language),
            invariant=1 if invariant else None, initialFontName=FONT_REGULAR, displayDocTitle=1,
        )
        body_bottom = MARGIN_BOTTOM + FOOTER_HEIGHT
        cover_frame = Frame(MARGIN_SIDE, MARGIN_BOTTOM, FRAME_WIDTH, PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
                            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="cover")
        portrait_frame = Frame(MARGIN_SIDE, body_bottom, FRAME_WIDTH, FRAME_HEIGHT, leftPadding=0,
                               rightPadding=0, topPadding=0, bottomPadding=0, id="body")
        landscape_frame = Frame(MARGIN_SIDE, body_bottom, LANDSCAPE_FRAME_WIDTH, LANDSCAPE_FRAME_HEIGHT,
                                leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body-landscape")
        self.addPageTemplates([
            PageTemplate(COVER_TEMPLATE, [cover_frame], onPage=self._cover_page, onPageEnd=self._page_end,
                         pagesize=(PAGE_WIDTH, PAGE_HEIGHT), autoNextPageTemplate=PORTRAIT_TEMPLATE),
            PageTemplate(PORTRAIT_TEMPLATE, [portrait_frame], onPage=self._body_page, onPageEnd=self._page_end,
                         pagesize=(PAGE_WIDTH, PAGE_HEIGHT)),
            PageTemplate(LANDSCAPE_TEMPLATE, [landscape_frame], onPage=self._body_page, onPageEnd=self._page_end,
                         pagesize=(PAGE_HEIGHT, PAGE_WIDTH)),
        ])

    def _cover_page(self, canvas: Canvas, _document: BaseDocTemplate) -> None:
        return None

    def _body_page(self, canvas: Canvas, _document: BaseDocTemplate) -> None:
        """The header (the plan title, small, right-aligned above a rule); the footer is drawn late."""
        page_width = canvas._pagesize[0]
        self.marks.footer_pages.add(canvas.getPageNumber())
        width = page_width - 2 * MARGIN_SIDE
        top = canvas._pagesize[1] - MARGIN_TOP
        canvas.saveState()
        canvas.setFont(FONT_REGULAR, HEADER_SIZE)
        canvas.setFillColor(Color(0.25, 0.25, 0.25))
        canvas.drawRightString(page_width - MARGIN_SIDE, top - HEADER_HEIGHT / 2,
                               _fitted(self.header_text, FONT_REGULAR, HEADER_SIZE, width))
        canvas.setStrokeColor(Color(0.35, 0.35, 0.35))
        canvas.setLineWidth(0.5)
        rule = top - HEADER_HEIGHT / 2 - 2.2 * MM
        canvas.line(MARGIN_SIDE, rule, page_width - MARGIN_SIDE, rule)
        canvas.restoreState()

    def _page_end(self, canvas: Canvas, _document: BaseDocTemplate) -> None:
        if self.draft:
            draw_watermark(canvas)


def draw_watermark(canvas: Canvas) -> None:
    """"초안 / DRAFT" across the page: light grey, diagonal, large, see-through."""
    width, height = canvas._pagesize
    canvas.saveState()
    canvas.setFillColor(Color(0.55, 0.55, 0.55))
    canvas.setFillAlpha(0.28)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(math.degrees(math.atan2(height, width)))
    size = min(width, height) * 0.16
    canvas.setFont(FONT_BOLD, size)
    canvas.drawCentredString(0, -size / 3, WATERMARK_TEXT)
    canvas.restoreState()


@dataclass(frozen=True)
class RenderedPdf:
    """A laid-out PDF: its bytes and its page count."""

    data: bytes
    pages: int


def render_story(story: list[Flowable], *, title: str, author: str, subject: str, creator: str, language: str,
                 draft: bool = False, invariant: bool = False) -> RenderedPdf:
    """Lay the story out in one pass and return the PDF. Headings get their keys here if they have none."""
    if not any(heading.key for heading in iter_headings(story)):
        assign_heading_keys(story)
    output = io.BytesIO()
    document = PlanDocTemplate(output, title=title, author=author, subject=subject, creator=creator,
                               language=language, draft=draft, invariant=invariant)
    marks = document.marks

    def canvas_maker(*args: Any, **kwargs: Any) -> DeferredCanvas:
        return DeferredCanvas(*args, marks=marks, **kwargs)

    document.build(story, canvasmaker=canvas_maker)
    return RenderedPdf(output.getvalue(), document.marks.total_pages)
