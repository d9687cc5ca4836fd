"""What every part of a report shares: fonts, page geometry, paragraph styles, escaping and formatting of user
text, the table helper, and the context a generated block is built in."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from planner.i18n import N_, translate
from planner.months import YearMonth

if TYPE_CHECKING:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Flowable, Paragraph, Table
    from sqlalchemy.orm import Session

    from planner.guidelines.profile import GuidelineProfile, SectionSpec
    from planner.schedule import ScheduleResult

MM = 72 / 25.4  # points per millimetre
PAGE_WIDTH, PAGE_HEIGHT = 210 * MM, 297 * MM  # A4 portrait
# DOMAIN.md: margins top/bottom 15 mm, left/right 20 mm, header/footer 10 mm (the body starts below the header).
MARGIN_TOP = MARGIN_BOTTOM = 15 * MM
MARGIN_SIDE = 20 * MM
HEADER_HEIGHT = FOOTER_HEIGHT = 10 * MM
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN_SIDE  # 170 mm
FRAME_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM - HEADER_HEIGHT - FOOTER_HEIGHT  # 247 mm
LANDSCAPE_FRAME_WIDTH = PAGE_HEIGHT - 2 * MARGIN_SIDE  # 257 mm
LANDSCAPE_FRAME_HEIGHT = PAGE_WIDTH - MARGIN_TOP - MARGIN_BOTTOM - HEADER_HEIGHT - FOOTER_HEIGHT  # 160 mm
PORTRAIT_TEMPLATE, LANDSCAPE_TEMPLATE, COVER_TEMPLATE = "portrait", "landscape", "cover"

FONT_REGULAR, FONT_BOLD = "NanumGothic", "NanumGothic-Bold"
BODY_SIZE = 15  # DOMAIN.md: body around 15 pt, notes around 13 pt, line spacing 150-160 %
NOTE_SIZE = 13
TABLE_SIZE = 9.5
CELL_PADDING = 6.5  # left and right padding of a table cell, and a little air
LEADING = 1.6

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@cache
def register_fonts() -> None:
    """Register NanumGothic (regular and bold) with reportlab once; reportlab embeds the glyphs used, as a subset."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from planner.fonts import font_path

    pdfmetrics.registerFont(TTFont(FONT_REGULAR, str(font_path("regular"))))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(font_path("bold"))))
    pdfmetrics.registerFontFamily(FONT_REGULAR, normal=FONT_REGULAR, bold=FONT_BOLD, italic=FONT_REGULAR,
                                  boldItalic=FONT_BOLD)
    addMapping(FONT_REGULAR, 0, 0, FONT_REGULAR)
    addMapping(FONT_REGULAR, 1, 0, FONT_BOLD)
    addMapping(FONT_REGULAR, 0, 1, FONT_REGULAR)
    addMapping(FONT_REGULAR, 1, 1, FONT_BOLD)


def clean(text: str | None) -> str:
    """User text with control characters (other than newline) made spaces; tabs too."""
    if not text:
        return ""
    return _CONTROL.sub(" ", str(text).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " "))


def markup(text: str | None) -> str:
    """User text made safe for a reportlab Paragraph: every character literal, newlines kept as line breaks.

    reportlab parses Paragraph text as markup (RELIABILITY.md): `x<y` raises, `R&D` changes, `<img src=...>`
    embeds a local file, `<a href="javascript:...">` adds a link. Escaped, all of them print as typed.
    """
    return escape(clean(text), {'"': "&quot;"}).replace("\n", "<br/>")


def shortened(text: str | None, length: int) -> str:
    """Text on one line, cut to `length` characters with "…" when longer (where a full text cannot go)."""
    flat = " ".join((text or "").split())
    return flat if len(flat) <= length else flat[:length - 1].rstrip() + "…"


def money_millions(krw: int | None, *, blank_zero: bool = False) -> str:
    """KRW shown in 백만원 (millions) with thousands separators: 1,234; 12.5 when not a whole million."""
    if krw is None or (blank_zero and krw == 0):
        return "" if krw is None or blank_zero else "0"
    millions = krw / 1_000_000
    if krw % 1_000_000 == 0:
        return f"{krw // 1_000_000:,}"
    return f"{millions:,.1f}"


def month_text(month: YearMonth | None) -> str:
    """A month as Korean reports write it: 2027. 3."""
    return "" if month is None else f"{month.year}. {month.month}."


def date_text(day: date | None) -> str:
    """A day as Korean reports write it: 2027. 3. 1."""
    return "" if day is None else f"{day.year}. {day.month}. {day.day}."


@cache
def _styles() -> dict[str, ParagraphStyle]:
    from reportlab.lib.colors import Color, black
    from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    register_fonts()

    def style(name: str, size: float, *, bold: bool = False, leading: float = LEADING, **extra: Any) -> ParagraphStyle:
        extra.setdefault("textColor", black)
        return ParagraphStyle(name, fontName=FONT_BOLD if bold else FONT_REGULAR, fontSize=size,
                              leading=size * leading, splitLongWords=True, **extra)

    styles = {
        "cover_title": style("cover_title", 26, bold=True, leading=1.35, alignment=TA_CENTER),
        "cover_subtitle": style("cover_subtitle", 16, leading=1.4, alignment=TA_CENTER),
        "cover_organisation": style("cover_organisation", 20, bold=True, leading=1.3, alignment=TA_CENTER),
        "cover_date": style("cover_date", 16, leading=1.3, alignment=TA_CENTER),
        "cover_small": style("cover_small", 9, leading=1.3),
        "toc_title": style("toc_title", 20, bold=True, leading=1.4, alignment=TA_CENTER, spaceAfter=8 * MM),
        "h1": style("h1", 20, bold=True, leading=1.35, spaceBefore=4 * MM, spaceAfter=4 * MM, keepWithNext=True),
        "h2": style("h2", 17, bold=True, leading=1.35, spaceBefore=5 * MM, spaceAfter=3 * MM, keepWithNext=True),
        "h3": style("h3", 15, bold=True, leading=1.4, spaceBefore=4 * MM, spaceAfter=2 * MM, keepWithNext=True),
        "h4": style("h4", 14, bold=True, leading=1.4, spaceBefore=3 * MM, spaceAfter=2 * MM, keepWithNext=True),
        "body": style("body", BODY_SIZE, alignment=TA_LEFT, spaceAfter=1 * MM),
        "note": style("note", NOTE_SIZE, spaceAfter=1 * MM),
        "caption": style("caption", 11, bold=True, leading=1.3, spaceBefore=2 * MM, spaceAfter=2 * MM,
                         keepWithNext=True),
        "source_note": style("source_note", 10, leading=1.3, spaceBefore=1 * MM),
        "placeholder": style("placeholder", NOTE_SIZE, textColor=Color(0.45, 0.45, 0.45)),
        "table_header": style("table_header", TABLE_SIZE, bold=True, leading=1.3, alignment=TA_CENTER),
        "table_cell": style("table_cell", TABLE_SIZE, leading=1.3),
        "table_number": style("table_number", TABLE_SIZE, leading=1.3, alignment=TA_RIGHT),
        "table_center": style("table_center", TABLE_SIZE, leading=1.3, alignment=TA_CENTER),
    }
    # The □ ○ - · levels: each lower level two characters further in; wrapped lines align with the item text.
    for level in range(1, 5):
        size = BODY_SIZE if level <= 2 else NOTE_SIZE
        indent = (level - 1) * 2 * BODY_SIZE * 0.5  # two half-width characters... per level
        styles[f"bullet{level}"] = style(
            f"bullet{level}", size, bold=False, leftIndent=indent + size * 1.2, bulletIndent=indent,
            bulletFontName=FONT_REGULAR, bulletFontSize=size, spaceBefore=(2 * MM if level == 1 else 0.5 * MM),
            spaceAfter=0.5 * MM,
        )
    return styles


def paragraph_styles() -> dict[str, ParagraphStyle]:
    """The report's paragraph styles by name (see _styles for the list)."""
    return _styles()


@cache
def _fragment_templates(style_name: str) -> tuple[Any, Any]:
    """The text fragment reportlab's parser makes for one plain character in a style: regular and bold."""
    from reportlab.platypus import Paragraph

    style = paragraph_styles()[style_name]
    return Paragraph("x", style).frags[0], Paragraph("<b>x</b>", style).frags[0]


def plain_paragraph(text: str | None, style_name: str = "body", *, bold: bool = False) -> Paragraph:
    """A paragraph of plain user text, every character literal, newlines kept as line breaks.

    Built from text fragments directly instead of through reportlab's markup parser (which is what makes raw
    user text dangerous, RELIABILITY.md): literal by construction and about ten times faster — a 500-initiative
    report holds some 50,000 table cells. Wrapping (long words split too) is reportlab's own.
    """
    from reportlab.platypus import Paragraph

    regular, strong = _fragment_templates(style_name)
    template = strong if bold else regular
    plain = clean(text)
    fragments = []
    for index, line in enumerate(plain.split("\n")):
        if index:
            fragments.append(template.clone(text="", lineBreak=True, __tag__="br", link=[], us_lines=[]))
        if line:
            fragments.append(template.clone(text=line, link=[], us_lines=[]))
    return Paragraph(plain, paragraph_styles()[style_name], frags=fragments)


def _report_table_class() -> type:
    """reportlab's Table that never leaves a sliver: when less than one line of a row would fit at the bottom of
    a page, the row moves to the next page whole instead of leaving the repeated header over an empty strip."""
    from reportlab.platypus import Table

    class ReportTable(Table):
        minimum_row_part = TABLE_SIZE * 1.3 + 6  # one line of a cell plus its padding

        def _splitRows(self, availHeight: float, doInRowSplit: int = 0) -> list[Any]:
            if doInRowSplit:
                rows = self._getFirstPossibleSplitRowPosition(availHeight, ignoreSpans=doInRowSplit)
                if rows < len(self._rowHeights) and availHeight - sum(self._rowHeights[:rows]) < self.minimum_row_part:
                    return []
            return super()._splitRows(availHeight, doInRowSplit)

    return ReportTable


_REPORT_TABLE: type | None = None


def report_table(*args: Any, **kwargs: Any) -> Table:
    """A ReportTable (see _report_table_class), made when reportlab is first needed."""
    global _REPORT_TABLE
    if _REPORT_TABLE is None:
        _REPORT_TABLE = _report_table_class()
    return _REPORT_TABLE(*args, **kwargs)


@dataclass
class ReportContext:
    """Everything a generated block is built from: the plan (a session), the profile, the language, the year."""

    session: Session
    profile: GuidelineProfile
    language: str  # the report language, independent of the interface's
    report_year: int  # the year an annual plan is for; for other plans, the first year
    draft: bool = False
    section: SectionSpec | None = None  # the section a block is being built for
    section_depth: int = 1  # depth of that section's heading (1 = top level)
    _schedule: ScheduleResult | None = field(default=None, repr=False)
    progress: Callable[[str], None] | None = None  # told what is being built (for a progress bar)

    # -- text -----------------------------------------------------------------------------------------------

    def tr(self, text: str) -> str:
        """Translate an English source string (marked with N_) into the report language."""
        return translate(text, self.language)

    @property
    def styles(self) -> dict[str, ParagraphStyle]:
        return paragraph_styles()

    def para(self, text: str | None, style: str = "body", *, bold: bool = False) -> Paragraph:
        """A paragraph of user (or any plain) text: every character prints as typed, newlines break lines."""
        return plain_paragraph(text, style, bold=bold)

    def rich(self, safe_markup: str, style: str = "body", bullet: str | None = None) -> Paragraph:
        """A paragraph of markup the report code built itself (every user part already passed through markup())."""
        from reportlab.platypus import Paragraph

        return Paragraph(safe_markup, self.styles[style], bulletText=bullet)

    # -- numbers and dates --------------------------------------------------------------------------------

    money = staticmethod(money_millions)
    month = staticmethod(month_text)
    date = staticmethod(date_text)

    def unit_note(self) -> str:
        """The unit line above money tables: (단위: 백만원) / (Unit: KRW million)."""
        return self.tr(N_("(Unit: KRW million)"))

    # -- layout -------------------------------------------------------------------------------------------

    frame_width: float = FRAME_WIDTH
    frame_height: float = FRAME_HEIGHT
    landscape_width: float = LANDSCAPE_FRAME_WIDTH
    landscape_height: float = LANDSCAPE_FRAME_HEIGHT

    def table(self, header: Sequence[str], rows: Sequence[Sequence[Any]], col_widths: Sequence[float], *,
              numeric: Sequence[int] = (), centered: Sequence[int] = (), header_rows: int = 1,
              extra_style: Sequence[tuple[Any, ...]] = (), total_rows: Sequence[int] = ()) -> Table:
        """A ruled table that splits across pages (inside a row too) and repeats its header rows.

        header and rows hold plain text (escaped here) or ready Flowables; `numeric` columns align right,
        `centered` columns centre; `total_rows` (indexes into rows) are shaded and bold.
        """
        from reportlab.lib import colors
        from reportlab.pdfbase.pdfmetrics import stringWidth
        from reportlab.platypus import Flowable, TableStyle

        widths = list(col_widths)

        def cell(value: Any, column: int, bold: bool = False, style: str | None = None) -> Any:
            """Text that fits its column on one line stays a plain string: reportlab draws it literally and does
            not wrap it, several times faster than a Paragraph (a 500-initiative report has ~60,000 cells)."""
            if isinstance(value, Flowable):
                return value
            text = clean("" if value is None else str(value))
            font = FONT_BOLD if bold else FONT_REGULAR
            if "\n" not in text and stringWidth(text, font, TABLE_SIZE) <= widths[column] - CELL_PADDING:
                return text
            name = style or ("table_number" if column in numeric else "table_center" if column in centered
                             else "table_cell")
            return plain_paragraph(text, name, bold=bold)

        data: list[list[Any]] = [[cell(text, column, True, "table_header") for column, text in enumerate(header)]]
        totals = set(total_rows)
        for index, row in enumerate(rows):
            data.append([cell(value, column, index in totals) for column, value in enumerate(row)])
        table = report_table(data, colWidths=widths, repeatRows=header_rows, splitInRow=1, hAlign="LEFT")
        commands: list[tuple[Any, ...]] = [
            # Every cell's font (empty cells would otherwise declare Helvetica) and the plain strings' leading.
            ("FONT", (0, 0), (-1, -1), FONT_REGULAR, TABLE_SIZE, TABLE_SIZE * 1.3),
            ("FONT", (0, 0), (-1, header_rows - 1), FONT_BOLD, TABLE_SIZE, TABLE_SIZE * 1.3),
            ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
            ("LINEABOVE", (0, 0), (-1, 0), 1.2, colors.black),
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.Color(0.88, 0.88, 0.88)),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ]
        commands += [("ALIGN", (column, header_rows), (column, -1), "RIGHT") for column in numeric]
        commands += [("ALIGN", (column, header_rows), (column, -1), "CENTER") for column in centered]
        commands.append(("ALIGN", (0, 0), (-1, header_rows - 1), "CENTER"))
        commands += [("FONT", (0, index + 1), (-1, index + 1), FONT_BOLD, TABLE_SIZE, TABLE_SIZE * 1.3)
                     for index in totals]
        for index in totals:
            commands.append(("BACKGROUND", (0, index + 1), (-1, index + 1), colors.Color(0.95, 0.95, 0.95)))
        commands.extend(extra_style)
        table.setStyle(TableStyle(commands))
        return table

    def heading(self, text: str, depth: int | None = None, *, number: str = "", toc: bool = True) -> Flowable:
        """A heading below the current section (depth defaults to one deeper), in the TOC and the outline.

        `text` is plain user text (escaped by the heading). Definition sheets use it for one heading per initiative.
        """
        from planner.reports.document import Heading  # the document framework owns headings

        return Heading(text, depth=self.section_depth + 1 if depth is None else depth, number=number, toc=toc)

    def landscape(self) -> list[Flowable]:
        """Flowables that start a landscape page (for wide charts); follow with portrait() to come back."""
        from reportlab.platypus import NextPageTemplate, PageBreak

        return [NextPageTemplate(LANDSCAPE_TEMPLATE), PageBreak()]

    def portrait(self) -> list[Flowable]:
        """Flowables that go back to portrait pages after landscape ones."""
        from reportlab.platypus import NextPageTemplate, PageBreak

        return [NextPageTemplate(PORTRAIT_TEMPLATE), PageBreak()]

    # -- plan data shared by several blocks --------------------------------------------------------------

    @property
    def schedule(self) -> ScheduleResult:
        """The plan's schedule (computed once per report)."""
        if self._schedule is None:
            from planner.schedule import schedule_plan

            self._schedule = schedule_plan(self.session)
        return self._schedule

    def tell(self, what: str) -> None:
        if self.progress is not None:
            self.progress(what)
