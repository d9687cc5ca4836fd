"""Slides as PNG files and as a two-slides-a-page PDF handout; one slide to a PNG for --present --screenshot."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QImage

from desktop_app.plan_controller import PlanController
from desktop_app.presentation.slide_export import (
    deck_of,
    export_handout_pdf,
    export_png,
    render_slide_image,
    screenshot_slide,
)
from planner.errors import PlannerError
from planner.presentation import SlideSpec, save_sequence_command


def test_every_slide_becomes_one_png(qtbot: Any, demo_controller: PlanController, tmp_path: Path) -> None:
    count = len(deck_of(demo_controller).pages)
    written = export_png(demo_controller, tmp_path / "png", theme="high-contrast")
    assert [path.name for path in written] == [f"slide-{n:02d}.png" for n in range(1, count + 1)]
    assert sorted(path.name for path in (tmp_path / "png").iterdir()) == [path.name for path in written]
    image = QImage(str(written[0]))
    assert (image.width(), image.height()) == (1920, 1080)
    assert image.pixelColor(5, 5).name() == "#000000"  # the high-contrast background


def test_the_handout_has_two_slides_a_page_with_their_notes(qtbot: Any, demo_controller: PlanController,
                                                           tmp_path: Path) -> None:
    specs = [SlideSpec("title", notes="Welcome everyone"), SlideSpec("budget", notes="Totals by year"),
             SlideSpec("kpis"), SlideSpec("grid", hidden=True), SlideSpec("network")]
    demo_controller.execute(demo_controller.read(lambda session: save_sequence_command(session, specs)))
    count = len(deck_of(demo_controller).pages)
    path = tmp_path / "out" / "handout.pdf"
    pages = export_handout_pdf(demo_controller, path)
    reader = PdfReader(str(path))
    assert len(reader.pages) == pages == math.ceil(count / 2)
    text = reader.pages[0].extract_text().replace("\x01", " ")  # Qt writes its spaces as glyph 1
    assert "Welcome everyone" in text and "Totals by year" in text
    assert [item.name for item in path.parent.iterdir()] == ["handout.pdf"]  # no temporary file left behind


def test_a_failed_handout_leaves_the_old_file_alone(qtbot: Any, demo_controller: PlanController, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "out").mkdir()
    path = tmp_path / "out" / "handout.pdf"
    path.write_bytes(b"old")
    from desktop_app.presentation import slide_export

    def broken(*_args: Any) -> None:
        raise RuntimeError("disk trouble")

    monkeypatch.setattr(slide_export, "_paint_handout", broken)
    with pytest.raises(RuntimeError):
        export_handout_pdf(demo_controller, path)
    assert path.read_bytes() == b"old"
    assert [item.name for item in path.parent.iterdir()] == ["handout.pdf"]


def test_screenshot_slide_renders_slide_n_counted_from_one(qtbot: Any, demo_controller: PlanController,
                                                           tmp_path: Path) -> None:
    path = tmp_path / "slide.png"
    screenshot_slide(demo_controller, 2, "default", path, language="en")
    image = QImage(str(path))
    assert (image.width(), image.height()) == (1920, 1080)
    assert image == render_slide_image(demo_controller, 1, (1920, 1080), "default", "en")
    with pytest.raises(PlannerError, match="no slide 99"):
        screenshot_slide(demo_controller, 99, "default", tmp_path / "none.png")
    with pytest.raises(ValueError, match="no presentation theme 'neon'"):
        screenshot_slide(demo_controller, 1, "neon", tmp_path / "none.png")
    assert not (tmp_path / "none.png").exists()
