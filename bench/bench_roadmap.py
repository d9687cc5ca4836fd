"""Roadmap frame times: a synthetic 2,000-initiative plan rendered in a 1920×1080 viewport, offscreen."""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CPLAN_LANG", "ko")

FRAMES = 20
INITIATIVES = 2000
STAKEHOLDERS = 300
VIEWPORT = (1920, 1080)


def frame_times_ms(widget: object, image: object, frames: int = FRAMES) -> list[float]:
    """Render `widget` into `image` `frames` times; each frame's milliseconds."""
    from PySide6.QtGui import QColor

    times = []
    for _frame in range(frames):
        image.fill(QColor("white"))  # type: ignore[attr-defined]
        began = time.perf_counter()
        widget.render(image)  # type: ignore[attr-defined]
        times.append((time.perf_counter() - began) * 1000)
    return times


def _median_frame_ms(widget: object, image: object, frames: int = FRAMES) -> float:
    return statistics.median(frame_times_ms(widget, image, frames))


def measure_roadmap(initiatives: int = INITIATIVES, frames: int = FRAMES,
                    say: Callable[[str], None] = print) -> dict[str, list[float]]:
    """Build the roadmap of a synthetic plan of `initiatives` in a 1920×1080 viewport and render it; `say` each
    figure. Returns the frame times (ms) at 1:1 ("at_one"), with the whole scene fitted ("overview"), and the
    view's build time ("built", one value)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from desktop_app.fonts import apply_application_font

    apply_application_font(app)  # type: ignore[arg-type]
    from desktop_app.plan_controller import PlanController
    from desktop_app.views.roadmap.roadmap_snapshot import roadmap_snapshot
    from desktop_app.views.roadmap.roadmap_view import RoadmapView
    from planner.storage import PlanDocument
    from planner.synth import synthesize_plan

    folder = Path(tempfile.mkdtemp(prefix="bench-roadmap-"))
    path = folder / "synthetic.cplan"
    began = time.perf_counter()
    synthesize_plan(path, initiatives, STAKEHOLDERS)
    say(f"synthesised {initiatives:,} initiatives in {time.perf_counter() - began:.2f} s")
    document = PlanDocument.open(path)
    figures: dict[str, list[float]] = {}
    try:
        controller = PlanController(document)
        began = time.perf_counter()
        snapshot = controller.read(roadmap_snapshot)
        say(f"snapshot (schedule + lanes): {(time.perf_counter() - began) * 1000:.0f} ms — "
          f"{len(snapshot.bars):,} bars, {len(snapshot.links):,} links")
        began = time.perf_counter()
        view = RoadmapView(controller)
        figures["built"] = [(time.perf_counter() - began) * 1000]
        say(f"view built (snapshot + scene of {len(view.scene.items()):,} items): {figures['built'][0]:.0f} ms")
        canvas = view.canvas
        toolbar = view.toolbar.sizeHint().height() + 4
        view.resize(VIEWPORT[0] + canvas.frameWidth() * 2 + canvas.verticalScrollBar().sizeHint().width(),
                    VIEWPORT[1] + toolbar + canvas.horizontalScrollBar().sizeHint().height() + 4)
        view.show()
        app.processEvents()
        viewport = canvas.viewport()
        say(f"viewport {viewport.width()}×{viewport.height()}")
        image = QImage(viewport.size(), QImage.Format.Format_ARGB32_Premultiplied)

        canvas.set_month_width(22.0)
        canvas.verticalScrollBar().setValue(canvas.verticalScrollBar().maximum() // 2)
        canvas.horizontalScrollBar().setValue(canvas.horizontalScrollBar().minimum())
        app.processEvents()
        figures["at_one"] = frame_times_ms(viewport, image, frames)
        at_one = statistics.median(figures["at_one"])
        say(f"1:1 (22 px a month, middle rows): median {at_one:.1f} ms a frame over {frames} frames (target ≤ 16 ms)")

        view.set_large_type(True)
        app.processEvents()
        large = _median_frame_ms(viewport, image, frames)
        say(f"1:1, large type: median {large:.1f} ms a frame")
        view.set_large_type(False)

        began = time.perf_counter()
        canvas.fit()
        app.processEvents()
        say(f"fit (Ctrl+0) relayout: {(time.perf_counter() - began) * 1000:.0f} ms, "
          f"{canvas.month_width:.1f} px a month")
        fitted = _median_frame_ms(viewport, image, frames)
        say(f"fit (time axis fitted, rows 1:1): median {fitted:.1f} ms a frame")

        canvas.fitInView(view.scene.sceneRect(), Qt.AspectRatioMode.IgnoreAspectRatio)
        app.processEvents()
        figures["overview"] = frame_times_ms(viewport, image, frames)
        overview = statistics.median(figures["overview"])
        say(f"whole scene fitted (scaled {canvas.transform().m22():.3f}, level of detail): "
          f"median {overview:.1f} ms a frame")
        canvas.resetTransform()

        began = time.perf_counter()
        view.refresh()
        say(f"refresh after an edit (snapshot + rebuild): {(time.perf_counter() - began) * 1000:.0f} ms")
        view.close()
    finally:
        document.close()
    return figures


def main() -> int:
    measure_roadmap()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
