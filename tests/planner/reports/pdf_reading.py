"""Reading a written PDF back with pypdf: text by page (with and without header and footer), text positions,
the outline, fonts, links, images, metadata."""

from __future__ import annotations

import io
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pypdf import PdfReader
from pypdf.generic import IndirectObject

from planner.reports.context import FOOTER_HEIGHT, HEADER_HEIGHT, MARGIN_BOTTOM, MARGIN_TOP

SUBSET_FONT = re.compile(r"^[A-Z]{6}\+(.+)$")


def read_pdf(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def squeezed(text: str) -> str:
    """Text with all whitespace removed (line breaks of wrapped text do not matter)."""
    return "".join(text.split())


@dataclass(frozen=True)
class TextPiece:
    """A run of text the page draws, where it starts (absolute page coordinates)."""

    text: str
    x: float
    y: float


def _multiply(first: list[float], second: list[float]) -> list[float]:
    a, b, c, d, e, f = first
    g, h, i, j, k, m = second
    return [a * g + b * i, a * h + b * j, c * g + d * i, c * h + d * j, e * g + f * i + k, e * h + f * j + m]


def text_pieces(reader: PdfReader, index: int) -> list[TextPiece]:
    """Every piece of text on a page with its position, in drawing order."""
    pieces: list[TextPiece] = []

    def visit(text: str, cm: Any, tm: Any, _font: Any, _size: Any) -> None:
        if text.strip():
            matrix = _multiply([float(v) for v in tm], [float(v) for v in cm])
            pieces.append(TextPiece(text, matrix[4], matrix[5]))

    reader.pages[index].extract_text(visitor_text=visit)
    return pieces


def piece_fonts(reader: PdfReader, index: int) -> dict[str, str]:
    """The font (BaseFont name) each piece of text on a page is drawn in, by its stripped text."""
    fonts: dict[str, str] = {}

    def visit(text: str, _cm: Any, _tm: Any, font: Any, _size: Any) -> None:
        if text.strip() and font is not None:
            fonts[text.strip()] = str(font.get("/BaseFont", ""))

    reader.pages[index].extract_text(visitor_text=visit)
    return fonts


def page_texts(reader: PdfReader) -> list[str]:
    return [page.extract_text() for page in reader.pages]


def page_height(reader: PdfReader, index: int) -> float:
    return float(reader.pages[index].mediabox.height)


def _band(reader: PdfReader, index: int) -> tuple[float, float]:
    """The y range of the body (between the footer and the header band)."""
    return MARGIN_BOTTOM + FOOTER_HEIGHT - 1, page_height(reader, index) - MARGIN_TOP - HEADER_HEIGHT + 1


FOOTER_LINE = re.compile(r"^\s*\d+ / \d+\s*$")


def body_text(reader: PdfReader, index: int) -> str:
    """A page's text without its header and footer.

    The header is the first text a body page draws and the footer ("x / y") the last, so they are the first
    and last lines of the extracted text (a page without a footer, the cover, has neither).
    """
    lines = reader.pages[index].extract_text().split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    if lines and FOOTER_LINE.match(lines[-1]):
        return "\n".join(lines[1:-1])
    return "\n".join(lines)


def header_text(reader: PdfReader, index: int) -> str:
    _low, high = _band(reader, index)
    return "".join(piece.text for piece in text_pieces(reader, index) if piece.y > high)


def footer_text(reader: PdfReader, index: int) -> str:
    low, _high = _band(reader, index)
    return "".join(piece.text for piece in text_pieces(reader, index) if piece.y < low)


def all_body_text(reader: PdfReader) -> str:
    return "\n".join(body_text(reader, index) for index in range(len(reader.pages)))


def lines_by_baseline(reader: PdfReader, index: int) -> list[tuple[float, list[TextPiece]]]:
    """The page's pieces grouped by baseline, top to bottom, each line's pieces left to right."""
    lines: dict[float, list[TextPiece]] = defaultdict(list)
    for piece in text_pieces(reader, index):
        lines[round(piece.y, 1)].append(piece)
    return [(y, sorted(lines[y], key=lambda piece: piece.x)) for y in sorted(lines, reverse=True)]


def toc_numbers(reader: PdfReader, index: int) -> list[tuple[str, int]]:
    """(the text of the TOC line the number stands on, the page number) for each entry on a TOC page."""
    low, high = _band(reader, index)
    entries = []
    for y, pieces in lines_by_baseline(reader, index):
        if not low <= y <= high or len(pieces) < 2 or not pieces[-1].text.strip().isdigit():
            continue
        entries.append(("".join(piece.text for piece in pieces[:-1]).strip(), int(pieces[-1].text.strip())))
    return entries


@dataclass(frozen=True)
class OutlineEntry:
    level: int
    title: str
    page: int  # 1-based


def outline_entries(reader: PdfReader) -> list[OutlineEntry]:
    """The outline (bookmarks) depth-first, with nesting levels (0 = top)."""
    result: list[OutlineEntry] = []

    def visit(items: list[Any], level: int) -> None:
        for item in items:
            if isinstance(item, list):
                visit(item, level + 1)
            else:
                result.append(OutlineEntry(level, str(item.title), reader.get_destination_page_number(item) + 1))

    visit(reader.outline, 0)
    return result


def resolved(value: Any) -> Any:
    return value.get_object() if isinstance(value, IndirectObject) else value


def resource_dicts(reader: PdfReader) -> Iterator[Any]:
    """Every resource dictionary of every page, including those of form XObjects (nested)."""
    seen: set[int] = set()

    def visit(resources: Any) -> Iterator[Any]:
        resources = resolved(resources)
        if resources is None or id(resources) in seen:
            return
        seen.add(id(resources))
        yield resources
        for xobject in (resolved(resources.get("/XObject")) or {}).values():
            xobject = resolved(xobject)
            if xobject.get("/Subtype") == "/Form" and "/Resources" in xobject:
                yield from visit(xobject["/Resources"])

    for page in reader.pages:
        yield from visit(page.get("/Resources"))


def font_names(reader: PdfReader) -> set[str]:
    """The BaseFont names of every font used (subset names keep their 6-letter prefix)."""
    names = set()
    for resources in resource_dicts(reader):
        for font in (resolved(resources.get("/Font")) or {}).values():
            names.add(str(resolved(font).get("/BaseFont", "")).lstrip("/"))
    return names


def embedded_font_files(reader: PdfReader) -> int:
    """How many fonts carry an embedded font program."""
    count = 0
    for resources in resource_dicts(reader):
        for font in (resolved(resources.get("/Font")) or {}).values():
            font = resolved(font)
            descriptor = resolved(font.get("/FontDescriptor"))
            if descriptor is None and "/DescendantFonts" in font:
                descendant = resolved(resolved(font["/DescendantFonts"])[0])
                descriptor = resolved(descendant.get("/FontDescriptor"))
            if descriptor is not None and any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
                count += 1
    return count


def image_xobjects(reader: PdfReader) -> int:
    """How many image XObjects the pages (and their forms) use."""
    count = 0
    for resources in resource_dicts(reader):
        for xobject in (resolved(resources.get("/XObject")) or {}).values():
            if resolved(xobject).get("/Subtype") == "/Image":
                count += 1
    return count


def link_annotations(reader: PdfReader) -> list[dict[str, Any]]:
    """Every link annotation: {"page", "uri" (or None), "dest" (or None), "action" (the /S of its action)}."""
    links = []
    for number, page in enumerate(reader.pages, 1):
        for annotation in resolved(page.get("/Annots")) or []:
            annotation = resolved(annotation)
            if annotation.get("/Subtype") != "/Link":
                continue
            action = resolved(annotation.get("/A")) or {}
            links.append({"page": number, "uri": action.get("/URI"), "action": action.get("/S"),
                          "dest": annotation.get("/Dest")})
    return links


def document_language(reader: PdfReader) -> str | None:
    language = reader.trailer["/Root"].get("/Lang")
    return None if language is None else str(language)
