"""print_pdf paints each PDF page full page on the printer: page ranges, copies, orientation, resolution cap."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QColor, QImage
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from desktop_app.printing.pdf_printing import MAX_PRINT_DPI, pages_to_print, print_pdf
from tests.desktop_app.printing import demo_controller_at


def three_pages() -> bytes:
    """Two portrait pages (the first with a black square in its top-left quarter) and a landscape one."""
    output = io.BytesIO()
    canvas = Canvas(output, pagesize=A4)
    width, height = A4
    canvas.rect(0, height / 2, width / 2, height / 2, stroke=0, fill=1)
    canvas.showPage()
    canvas.drawString(100, 700, "Page 2")
    canvas.showPage()
    canvas.setPageSize(landscape(A4))
    canvas.drawString(100, 400, "Page 3")
    canvas.showPage()
    canvas.save()
    return output.getvalue()


class RecordingPdfDocument(QPdfDocument):
    """Remembers the image size of every render."""

    def __init__(self) -> None:
        super().__init__()
        self.rendered: list[QSize] = []

    def render(self, page: int, size: QSize, *args: Any) -> QImage:  # type: ignore[override]
        self.rendered.append(size)
        return super().render(page, size, *args)


def load(data: bytes, document: QPdfDocument | None = None) -> tuple[QPdfDocument, QBuffer]:
    document = document or QPdfDocument()
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    assert document.status() == QPdfDocument.Status.Ready
    return document, buffer


def pdf_printer(path: Path, mode: QPrinter.PrinterMode = QPrinter.PrinterMode.ScreenResolution) -> QPrinter:
    printer = QPrinter(mode)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def orientations(path: Path) -> str:
    """'P' or 'L' for each page of a PDF file."""
    return "".join("L" if page.mediabox.width > page.mediabox.height else "P" for page in PdfReader(path).pages)


@pytest.fixture
def document(qtbot: Any) -> Any:
    loaded, buffer = load(three_pages())
    yield loaded
    loaded.close()
    buffer.close()


def test_prints_every_page_full_page_in_its_orientation(document: QPdfDocument, tmp_path: Path) -> None:
    out = tmp_path / "printed.pdf"
    assert print_pdf(document, pdf_printer(out)) == 3
    assert orientations(out) == "PPL"
    reader = PdfReader(out)
    assert round(float(reader.pages[0].mediabox.width)) == 595 and round(float(reader.pages[0].mediabox.height)) == 842
    printed, buffer = load(out.read_bytes())
    image = printed.render(0, QSize(210, 297))
    assert QColor(image.pixel(50, 70)).lightness() < 60, "the black square is in the top-left quarter"
    assert QColor(image.pixel(160, 220)).lightness() > 200, "the rest of the page is white"
    assert QColor(image.pixel(2, 2)).lightness() < 60, "the page is printed to its very edge (full page)"
    printed.close()
    buffer.close()


def test_prints_the_page_range_given(document: QPdfDocument, tmp_path: Path) -> None:
    out = tmp_path / "range.pdf"
    assert print_pdf(document, pdf_printer(out), page_range=(2, 3)) == 2
    assert orientations(out) == "PL"
    assert pages_to_print(document, pdf_printer(tmp_path / "x.pdf"), (0, 99)) == [0, 1, 2]


def test_prints_the_range_chosen_in_the_print_dialog(document: QPdfDocument, tmp_path: Path) -> None:
    out = tmp_path / "dialog-range.pdf"
    printer = pdf_printer(out)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(3, 3)
    assert print_pdf(document, printer) == 1
    assert orientations(out) == "L"


@pytest.mark.parametrize(("collate", "expected"), [(True, "PPLPPL"), (False, "PPPPLL")])
def test_makes_the_copies_the_printer_cannot(document: QPdfDocument, tmp_path: Path, collate: bool,
                                             expected: str) -> None:
    out = tmp_path / "copies.pdf"
    printer = pdf_printer(out)
    assert not printer.supportsMultipleCopies()
    printer.setCopyCount(2)
    printer.setCollateCopies(collate)
    assert print_pdf(document, printer) == 6
    assert orientations(out) == expected


def test_progress_can_stop_printing(document: QPdfDocument, tmp_path: Path) -> None:
    out = tmp_path / "stopped.pdf"
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return False

    assert print_pdf(document, pdf_printer(out), progress=progress) == 1
    assert seen == [(1, 3)]
    assert len(PdfReader(out).pages) == 1


def test_renders_at_most_300_dpi_on_a_high_resolution_printer(qtbot: Any, tmp_path: Path) -> None:
    recording, buffer = load(three_pages(), RecordingPdfDocument())
    printer = pdf_printer(tmp_path / "high.pdf", QPrinter.PrinterMode.HighResolution)
    assert printer.resolution() > MAX_PRINT_DPI
    assert print_pdf(recording, printer, page_range=(1, 1)) == 1
    assert recording.rendered == [QSize(round(595.2756 * MAX_PRINT_DPI / 72), round(841.8898 * MAX_PRINT_DPI / 72))]
    recording.close()
    buffer.close()


def test_an_empty_range_prints_nothing(document: QPdfDocument, tmp_path: Path) -> None:
    assert print_pdf(document, pdf_printer(tmp_path / "none.pdf"), page_range=(5, 9)) == 0


def test_prints_every_page_of_the_demo_plan(qtbot: Any, tmp_path: Path) -> None:
    from planner.guidelines.loader import profile_for_plan
    from planner.reports.pdf import build_pdf

    with demo_controller_at(tmp_path) as controller:
        data = controller.read(lambda session: build_pdf(session, profile_for_plan("master", None), "ko"))
    pages = len(PdfReader(io.BytesIO(data)).pages)
    demo, buffer = load(data)
    out = tmp_path / "demo-printed.pdf"
    assert print_pdf(demo, pdf_printer(out)) == pages
    assert len(PdfReader(out).pages) == pages
    assert orientations(out) == "".join(
        "L" if page.mediabox.width > page.mediabox.height else "P" for page in PdfReader(io.BytesIO(data)).pages)
    demo.close()
    buffer.close()
