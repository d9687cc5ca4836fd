"""Roadmap frame times: a synthetic 2,000-initiative plan rendered in a 1920×1080 viewport, offscreen."""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CPLAN_LANG", "ko")

FRAMES = 20
INITIATIVES = 2000
STAKEHOLDERS = 300
VIEWPORT = (1920, 1080)


def _median_frame_ms(widget: object, image: object, frames: int = FRAMES) -> float:
    from PySide6.QtGui import QColor

    times = []
    for _frame in range(frames):
        image.fill(QColor("white"))  # type: ignore[attr-defined]
        began = time.perf_counter()
        widget.render(image)  # type: ignore[attr-defined]
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)


def main() -> int:
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
    synthesize_plan(path, INITIATIVES, STAKEHOLDERS)
    print(f"synthesised {INITIATIVES:,} initiatives in {time.perf_counter() - began:.2f} s")
    document = PlanDocument.open(path)
    try:
        controller = PlanController(document)
        began = time.perf_counter()
        snapshot = controller.read(roadmap_snapshot)
        print(f"snapshot (schedule + lanes): {(time.perf_counter() - began) * 1000:.0f} ms — "
              f"{len(snapshot.bars):,} bars, {len(snapshot.links):,} links")
        began = time.perf_counter()
        view = RoadmapView(controller)
        print(f"view built (snapshot + scene of {len(view.scene.items()):,} items): "
              f"{(time.perf_counter() - began) * 1000:.0f} ms")
        canvas = view.canvas
        toolbar = view.toolbar.sizeHint().height() + 4
        view.resize(VIEWPORT[0] + canvas.frameWidth() * 2 + canvas.verticalScrollBar().sizeHint().width(),
                    VIEWPORT[1] + toolbar + canvas.horizontalScrollBar().sizeHint().height() + 4)
        view.show()
        app.processEvents()
        viewport = canvas.viewport()
        print(f"viewport {viewport.width()}×{viewport.height()}")
        image = QImage(viewport.size(), QImage.Format.Format_ARGB32_Premultiplied)

        canvas.set_month_width(22.0)
        canvas.verticalScrollBar().setValue(canvas.verticalScrollBar().maximum() // 2)
        canvas.horizontalScrollBar().setValue(canvas.horizontalScrollBar().minimum())
        app.processEvents()
        at_one = _median_frame_ms(viewport, image)
        print(f"1:1 (22 px a month, middle rows): median {at_one:.1f} ms a frame over {FRAMES} frames (target ≤ 16 ms)")

        view.set_large_type(True)
        app.processEvents()
        large = _median_frame_ms(viewport, image)
        print(f"1:1, large type: median {large:.1f} ms a frame")
        view.set_large_type(False)

        began = time.perf_counter()
        canvas.fit()
        app.processEvents()
        print(f"fit (Ctrl+0) relayout: {(time.perf_counter() - began) * 1000:.0f} ms, "
              f"{canvas.month_width:.1f} px a month")
        fitted = _median_frame_ms(viewport, image)
        print(f"fit (time axis fitted, rows 1:1): median {fitted:.1f} ms a frame")

        canvas.fitInView(view.scene.sceneRect(), Qt.AspectRatioMode.IgnoreAspectRatio)
        app.processEvents()
        overview = _median_frame_ms(viewport, image)
        print(f"whole scene fitted (scaled {canvas.transform().m22():.3f}, level of detail): "
              f"median {overview:.1f} ms a frame")
        canvas.resetTransform()

        began = time.perf_counter()
        view.refresh()
        print(f"refresh after an edit (snapshot + rebuild): {(time.perf_counter() - began) * 1000:.0f} ms")
        view.close()
    finally:
        document.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
