"""Slides as images and as a handout: one PNG per slide, an A4 landscape PDF with two slides and notes a page."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from desktop_app.presentation.slide_renderer import SLIDE_HEIGHT, SLIDE_WIDTH, SlideRenderer, wrap_text
from desktop_app.presentation.themes import theme_named
from planner.atomic_files import replace_atomically
from planner.errors import PlannerError
from planner.i18n import _
from planner.presentation import Deck, build_deck

if TYPE_CHECKING:
    from desktop_app.plan_controller import PlanController

def deck_of(source: PlanController | Deck, language: str | None = None) -> Deck:
    """The deck to draw: `source` itself, or built from the controller's plan (visible slides only)."""
    if isinstance(source, Deck):
        return source
    return source.read(lambda session: build_deck(session, language))


def footer_text(deck: Deck, index: int) -> str:
    return f"{index + 1} / {len(deck.pages)}"


def render_slide_image(source: PlanController | Deck, index: int, size: tuple[int, int] = (SLIDE_WIDTH, SLIDE_HEIGHT),
                       theme: str = "default", language: str | None = None) -> QImage:
    """Page `index` (0-based, every reveal step shown) drawn into a new image of `size` pixels."""
    deck = deck_of(source, language)
    if not 0 <= index < len(deck.pages):
        raise PlannerError(_("There is no slide {number}; the presentation has {count} slides.").format(
            number=index + 1, count=len(deck.pages)))
    image = QImage(QSize(*size), QImage.Format.Format_RGB32)
    image.fill(QColor("#000000"))
    painter = QPainter(image)
    try:
        SlideRenderer(theme_named(theme)).paint(painter, deck.pages[index], QRectF(0, 0, size[0], size[1]),
                                                footer=footer_text(deck, index))
    finally:
        painter.end()
    return image


def _replace_atomically(path: Path, write: Callable[[str], None]) -> None:
    """planner.atomic_files.replace_atomically, with the folder made first (Qt's writers take a string path)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    replace_atomically(path, lambda temporary: write(str(temporary)))


def export_png(source: PlanController | Deck, folder: str | Path, *, theme: str = "default",
               language: str | None = None, size: tuple[int, int] = (SLIDE_WIDTH, SLIDE_HEIGHT)) -> list[Path]:
    """One PNG per slide page (slide-01.png, ...) in `folder`; returns the files written."""
    deck = deck_of(source, language)
    folder = Path(folder)
    written: list[Path] = []
    for index in range(len(deck.pages)):
        path = folder / f"slide-{index + 1:02d}.png"
        image = render_slide_image(deck, index, size, theme)

        def save(temporary: str, image: QImage = image, path: Path = path) -> None:
            if not image.save(temporary, "PNG"):
                raise PlannerError(_("Could not write the image {path}.").format(path=path))

        _replace_atomically(path, save)
        written.append(path)
    return written


def screenshot_slide(controller: PlanController, slide_number: int, theme: str, path: str | Path,
                     language: str | None = None) -> None:
    """Slide `slide_number` (1-based) at 1920×1080 to the PNG `path` (for --present --slide N --screenshot)."""
    deck = deck_of(controller, language)
    image = render_slide_image(deck, slide_number - 1, (SLIDE_WIDTH, SLIDE_HEIGHT), theme)
    target = Path(path)

    def save(temporary: str) -> None:
        if not image.save(temporary, "PNG"):
            raise PlannerError(_("Could not write the image {path}.").format(path=target))

    _replace_atomically(target, save)


def export_handout_pdf(source: PlanController | Deck, path: str | Path, *, theme: str = "default",
                       language: str | None = None) -> int:
    """An A4 landscape handout: two slides a page, each with its presenter's notes beside it. Written to a
    temporary file and moved into place. Returns the number of pages."""
    deck = deck_of(source, language)
    target = Path(path)
    pages = max(1, (len(deck.pages) + 1) // 2)

    def write(temporary: str) -> None:
        writer = QPdfWriter(temporary)
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                                         QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter))
        writer.setResolution(150)
        writer.setTitle(deck.plan_title)
        writer.setCreator("Convergence Planner")
        painter = QPainter()
        if not painter.begin(writer):
            raise PlannerError(_("Could not write the handout {path}.").format(path=target))
        try:
            _paint_handout(painter, writer, deck, theme)
        finally:
            painter.end()

    _replace_atomically(target, write)
    return pages


def _paint_handout(painter: QPainter, writer: QPdfWriter, deck: Deck, theme: str) -> None:
    renderer = SlideRenderer(theme_named(theme))
    area = QRectF(writer.pageLayout().paintRectPixels(writer.resolution()))
    area.moveTo(0, 0)
    gap = area.height() * 0.04
    half = (area.height() - gap) / 2
    slide_width = min(area.width() * 0.6, half * SLIDE_WIDTH / SLIDE_HEIGHT)
    notes_font = QFont(renderer.family)
    notes_font.setPointSizeF(10)
    for index, page in enumerate(deck.pages):
        if index and index % 2 == 0:
            writer.newPage()
        top = area.top() + (index % 2) * (half + gap)
        slide_rect = QRectF(area.left(), top, slide_width, slide_width * SLIDE_HEIGHT / SLIDE_WIDTH)
        renderer.paint(painter, page, slide_rect, footer=footer_text(deck, index))
        painter.setPen(QPen(QColor("#808080"), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(slide_rect)
        notes_rect = QRectF(slide_rect.right() + area.width() * 0.03, top,
                            area.right() - slide_rect.right() - area.width() * 0.03, slide_rect.height())
        _paint_notes(painter, notes_rect, page.heading, page.notes, notes_font)


def _paint_notes(painter: QPainter, rect: QRectF, heading: str, notes: str, font: QFont) -> None:
    bold = QFont(font)
    bold.setBold(True)
    painter.setPen(QColor("#000000"))
    painter.setFont(bold)
    metrics = QFontMetricsF(bold)
    line_height = metrics.height() * 1.25
    top = rect.top()
    for line in wrap_text(metrics, heading, rect.width(), 2):
        painter.drawText(QRectF(rect.left(), top, rect.width(), line_height), int(Qt.AlignmentFlag.AlignVCenter), line)
        top += line_height
    top += line_height * 0.5
    painter.setFont(font)
    metrics = QFontMetricsF(font)
    line_height = metrics.height() * 1.3
    room = max(1, int((rect.bottom() - top) // line_height))
    lines: list[str] = []
    for paragraph in (notes or "").splitlines() or [""]:
        lines.extend(wrap_text(metrics, paragraph, rect.width(), room) or [""])
    if not notes.strip():
        painter.setPen(QColor("#A0A0A0"))
        for number in range(min(room, 12)):
            y = top + (number + 1) * line_height
            painter.drawLine(QRectF(rect.left(), y, rect.width(), 0).topLeft(), QRectF(rect.right(), y, 0, 0).topLeft())
        return
    for line in _first(lines, room):
        painter.drawText(QRectF(rect.left(), top, rect.width(), line_height), int(Qt.AlignmentFlag.AlignVCenter), line)
        top += line_height


def _first(lines: Sequence[str], count: int) -> Sequence[str]:
    return lines[:count]
