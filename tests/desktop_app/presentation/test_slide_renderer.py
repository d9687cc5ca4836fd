"""Every slide kind in both themes and both languages: no type under 24 px at 1920×1080."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication

from desktop_app.plan_controller import PlanController
from desktop_app.presentation.slide_renderer import MIN_TEXT_PX, SlideRenderer, wrap_text
from desktop_app.presentation.themes import THEMES, readable_text_on, theme_named
from planner.commands import AddRow, CompositeCommand
from planner.model import Initiative
from planner.presentation import SLIDE_KINDS, SlideSpec, build_deck, default_slides, save_sequence_command


def _every_kind(controller: PlanController) -> None:
    """The default slides plus a ratings slide with votes, and a roadmap limited to two years."""
    initiative_ids = controller.read(lambda session: list(session.scalars(
        Initiative.__table__.select().with_only_columns(Initiative.__table__.c.id).limit(3))))
    controller.execute(CompositeCommand("votes", [
        AddRow("workshop_rating", {"initiative_id": initiative_id, "votes": 5 - n, "impact": 4, "feasibility": n + 1})
        for n, initiative_id in enumerate(initiative_ids)]))
    specs = [*controller.read(default_slides), SlideSpec("ratings"), SlideSpec("roadmap", {"years": [2028, 2029]})]
    controller.execute(controller.read(lambda session: save_sequence_command(session, specs)))


@pytest.mark.parametrize("language", ["ko", "en"])
@pytest.mark.parametrize("theme", sorted(THEMES))
def test_no_slide_uses_type_under_24_px(qtbot: Any, demo_controller: PlanController, theme: str,
                                        language: str) -> None:
    _every_kind(demo_controller)
    deck = demo_controller.read(lambda session: build_deck(session, language))
    assert {page.kind for page in deck.pages} == set(SLIDE_KINDS)
    image = QImage(1920, 1080, QImage.Format.Format_RGB32)
    for number, page in enumerate(deck.pages):
        renderer = SlideRenderer(theme_named(theme))
        painter = QPainter(image)
        renderer.paint(painter, page, QRectF(0, 0, 1920, 1080), footer=f"{number + 1} / {len(deck.pages)}")
        painter.end()
        assert renderer.used_font_sizes, page.kind
        assert min(renderer.used_font_sizes) >= MIN_TEXT_PX, (page.kind, sorted(renderer.used_font_sizes))
        for step in range(page.steps):  # every reveal step and a spotlight too
            painter = QPainter(image)
            renderer.paint(painter, page, QRectF(0, 0, 1920, 1080), step=step, spotlight=("initiative", "none"))
            painter.end()
        assert min(renderer.used_font_sizes) >= MIN_TEXT_PX


def test_empty_slides_say_so_in_big_type(qtbot: Any, empty_plan_controller: PlanController) -> None:
    deck = empty_plan_controller.read(lambda session: build_deck(session, "en"))
    renderer = SlideRenderer(theme_named("default"))
    image = QImage(960, 540, QImage.Format.Format_RGB32)
    for page in deck.pages:
        painter = QPainter(image)
        renderer.paint(painter, page, QRectF(0, 0, 960, 540))
        painter.end()
    assert min(renderer.used_font_sizes) >= MIN_TEXT_PX


def test_the_renderer_refuses_small_type(qtbot: Any) -> None:
    with pytest.raises(ValueError, match="under the 24 px minimum"):
        SlideRenderer(theme_named("default")).font(18)


def test_long_text_wraps_and_ends_in_an_ellipsis(qtbot: Any) -> None:
    metrics = SlideRenderer(theme_named("default")).metrics(24)
    lines = wrap_text(metrics, "해담군 AI 융합 지역 디지털 전환 계획 " * 10, 400, 2)
    assert len(lines) == 2 and lines[-1].endswith("…")
    assert all(metrics.horizontalAdvance(line) <= 400 for line in lines)
    assert wrap_text(metrics, "짧은 제목", 400, 2) == ["짧은 제목"]
    assert QApplication.instance() is not None


def test_text_on_a_fill_is_black_or_white_by_contrast() -> None:
    from PySide6.QtGui import QColor

    assert readable_text_on(QColor("#F0E442")).name() == "#000000"
    assert readable_text_on(QColor("#0072B2")).name() == "#ffffff"
