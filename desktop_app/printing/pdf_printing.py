"""Print a PDF's pages as they are: each page rendered at the printer's resolution and painted full page."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QProgressDialog, QWidget

from planner.i18n import _

MAX_PRINT_DPI = 300  # enough for text and charts on paper; one A4 page at 300 dpi is about 35 MB of pixels
POINTS_PER_INCH = 72.0


class PrintError(Exception):
    """The printer could not be started; the message is for the user."""


def pages_to_print(pdf: QPdfDocument, printer: QPrinter, page_range: tuple[int, int] | None = None) -> list[int]:
    """0-based page numbers to print: `page_range` (1-based, inclusive) if given, else the range chosen in
    the printer dialog, else every page; clipped to the document."""
    count = pdf.pageCount()
    if page_range is None and printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        page_range = (printer.fromPage(), printer.toPage() or count)
    if page_range is None:
        return list(range(count))
    first, last = page_range
    first, last = max(1, first), min(count, last)
    return list(range(first - 1, last))


def copies_to_make(printer: QPrinter) -> int:
    """Copies the app must paint itself: none extra when the printer (driver) makes them."""
    return 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())


def _orientation(size: QSizeF) -> QPageLayout.Orientation:
    if size.width() > size.height():
        return QPageLayout.Orientation.Landscape
    return QPageLayout.Orientation.Portrait


def on_white_paper(image: QImage) -> QImage:
    """The page as an opaque image: QPdfDocument renders what the page leaves empty as transparent, which
    some printer drivers print black and PDF printers store as a second (mask) image."""
    paper = QImage(image.size(), QImage.Format.Format_RGB32)
    paper.fill(Qt.GlobalColor.white)
    painter = QPainter(paper)
    painter.drawImage(0, 0, image)
    painter.end()
    return paper


def print_pdf(pdf: QPdfDocument, printer: QPrinter, *, page_range: tuple[int, int] | None = None,
              progress: Callable[[int, int], bool] | None = None) -> int:
    """Print the pages of `pdf` on `printer` (A4, full page, each page turned to its own orientation).

    `page_range` is 1-based and inclusive; without it the printer's own range applies. `progress(done,
    total)` is called after each page and stops printing when it returns False. Returns the pages printed
    (copies included). Raises PrintError when the printer cannot start."""
    pages = pages_to_print(pdf, printer, page_range)
    if not pages:
        return 0
    copies = copies_to_make(printer)
    order = [page for _copy in range(copies) for page in pages] if printer.collateCopies() else \
        [page for page in pages for _copy in range(copies)]
    printer.setFullPage(True)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(_orientation(pdf.pagePointSize(order[0])))
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(_("The printer could not be started."))
    printed = 0
    try:
        for number, page in enumerate(order):
            point_size = pdf.pagePointSize(page)
            if number:
                printer.setPageOrientation(_orientation(point_size))
                if not printer.newPage():
                    raise PrintError(_("The printer refused a new page after {count} pages.").format(count=printed))
            scale = dpi / POINTS_PER_INCH
            image = on_white_paper(pdf.render(
                page, QSize(round(point_size.width() * scale), round(point_size.height() * scale))))
            target = QRectF(printer.paperRect(QPrinter.Unit.DevicePixel))
            target.moveTo(0, 0)
            painter.drawImage(target, image)
            printed += 1
            if progress is not None and not progress(printed, len(order)):
                break
    finally:
        painter.end()
    return printed


def print_with_dialog(parent: QWidget | None, pdf: QPdfDocument, title: str = "") -> int:
    """Ask for the printer in the system's print dialog, then print with a cancellable progress dialog.
    Returns the pages printed (0 when the user cancels)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setFullPage(True)
    if title:
        printer.setDocName(title)
    printer.setFromTo(1, pdf.pageCount())
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_("Print"))
    dialog.setMinMax(1, pdf.pageCount())
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCollateCopies, True)
    try:
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return 0
    finally:
        dialog.deleteLater()
    pages = len(pages_to_print(pdf, printer)) * copies_to_make(printer)
    busy = QProgressDialog(_("Printing…"), _("Cancel"), 0, pages, parent)
    busy.setWindowTitle(_("Print"))
    busy.setMinimumDuration(0)
    busy.setValue(0)

    def advance(done: int, _total: int) -> bool:
        busy.setValue(done)  # a modal progress dialog processes events here, so Cancel is seen
        return not busy.wasCanceled()

    try:
        return print_pdf(pdf, printer, progress=advance)
    finally:
        busy.close()
        busy.deleteLater()
