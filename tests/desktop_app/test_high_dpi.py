"""High-DPI crispness: at a device pixel ratio of 2 the window, the charts and the exports stay sharp and exact."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from desktop_app import app

ROOT = Path(__file__).resolve().parents[2]
RATIO = 2

# Run in a fresh interpreter (the scale factor must be set before the QApplication exists): the budget view on the
# demo plan, its chart canvas grabbed, and a slide rendered for export; prints one JSON line of measurements.
MEASURE_AT_RATIO = """
import json, sys, tempfile
from pathlib import Path
from PySide6.QtWidgets import QApplication
application = QApplication([])
from sqlalchemy.orm import Session
from planner.demo import build_demo_plan
from planner.storage import PlanDocument
from planner.storage.create import create_empty_database
from planner.storage.document import make_engine
from desktop_app.plan_controller import PlanController
from desktop_app.views.budget.budget_view import BudgetView
from desktop_app.presentation.slide_export import render_slide_image
path = Path(tempfile.mkdtemp()) / "demo.cplan"
create_empty_database(path)
engine = make_engine(path)
with Session(engine) as session, session.begin():
    build_demo_plan(session, "ko")
engine.dispose()
document = PlanDocument.open(path)
controller = PlanController(document)
view = BudgetView(controller)
view.resize(1400, 900)
view.show()
for _ in range(50):
    application.processEvents()
canvas = view.canvas
canvas.draw()
application.processEvents()
picture = canvas.grab()
renderer = canvas.get_renderer()
slide = render_slide_image(controller, 0, (1920, 1080))
print(json.dumps({
    "screen_ratio": application.primaryScreen().devicePixelRatio(),
    "grab_ratio": picture.devicePixelRatio(), "grab_size": [picture.width(), picture.height()],
    "logical_size": [canvas.width(), canvas.height()],
    "figure_dpi": canvas.figure.dpi, "figure_pixels": [round(value) for value in canvas.figure.bbox.size],
    "buffer_size": [renderer.width, renderer.height],
    "slide": [slide.width(), slide.height(), slide.devicePixelRatio()],
}))
view.close()
controller.undo_stack.clear()
document.close()
"""


def scaled_environment(data_dir: Path) -> dict[str, str]:
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR=str(RATIO),
                       CPLAN_DATA_DIR=str(data_dir), PYTHONPATH=str(ROOT))
    environment.pop("CPLAN_LANG", None)
    return environment


def columns_differing_from_their_twin(image: QImage) -> int:
    """How many sampled pixel pairs (2k, 2k+1) differ; a picture merely upscaled ×2 (nearest) has none."""
    return sum(image.pixel(x, y) != image.pixel(x + 1, y)
               for y in range(0, image.height(), 7) for x in range(0, image.width() - 1, 2))


@pytest.mark.parametrize("view", ["budget", "roadmap"])
def test_the_screenshot_is_rendered_at_the_device_pixel_ratio(view: str, tmp_path: Path) -> None:
    target = tmp_path / f"{view}.png"
    result = subprocess.run([sys.executable, "-m", "desktop_app", "--demo", "--lang", "ko", "--view", view,
                             "--screenshot", str(target)], capture_output=True, text=True,
                            env=scaled_environment(tmp_path / "data"), cwd=ROOT, timeout=180)
    assert result.returncode == 0, result.stderr[-2000:]
    image = QImage(str(target))
    assert not image.isNull()
    width, height = app.SCREENSHOT_SIZE
    assert (image.width(), image.height()) == (width * RATIO, height * RATIO)
    assert columns_differing_from_their_twin(image) > 500, "the picture looks upscaled, not rendered at ratio 2"


def test_the_budget_chart_is_drawn_at_ratio_2_and_slides_export_at_their_exact_size(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-c", MEASURE_AT_RATIO], capture_output=True, text=True,
                            env=scaled_environment(tmp_path / "data"), cwd=ROOT, timeout=180)
    assert result.returncode == 0, result.stderr[-2000:]
    measured = json.loads(result.stdout.strip().splitlines()[-1])
    assert measured["screen_ratio"] == RATIO
    logical_width, logical_height = measured["logical_size"]
    assert logical_width > 100 and logical_height > 100
    device_size = [logical_width * RATIO, logical_height * RATIO]
    assert measured["grab_ratio"] == RATIO
    assert measured["grab_size"] == device_size
    assert measured["figure_dpi"] == 100 * RATIO  # make_figure's 100 dpi, times the ratio
    assert measured["figure_pixels"] == device_size
    assert measured["buffer_size"] == device_size
    assert measured["slide"] == [1920, 1080, 1.0]
