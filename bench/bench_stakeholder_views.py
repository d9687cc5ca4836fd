"""Grid and network frame times with 2,000 stakeholders and 5,000 relations in a 1920×1080 viewport, offscreen."""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_roadmap import frame_times_ms

FRAMES = 20
STAKEHOLDERS = 2000
RELATIONS = 5000
VIEWPORT = (1920, 1080)




def _add_relations(document: object, wanted: int) -> None:
    """Top the synthetic plan's relations up to `wanted` with random distinct pairs (bulk Core insert)."""
    from sqlalchemy import insert, select

    from planner.model import Stakeholder, StakeholderRelation, new_id, utc_now

    with document.session() as session:  # type: ignore[attr-defined]
        ids = list(session.execute(select(Stakeholder.id)).scalars())
        pairs = {(row[0], row[1]) for row in session.execute(select(StakeholderRelation.source_id, StakeholderRelation.target_id))}
        rng = random.Random(0)
        rows = []
        while len(pairs) < wanted:
            pair = (rng.choice(ids), rng.choice(ids))
            if pair[0] != pair[1] and pair not in pairs:
                pairs.add(pair)
                rows.append({"id": new_id(), "modified_at": utc_now(), "source_id": pair[0], "target_id": pair[1],
                             "type": rng.choice(["funds", "partners", "advises", "supplies"]), "directed": True,
                             "strength": rng.randint(1, 5), "notes": ""})
        session.execute(insert(StakeholderRelation), rows)


def measure_views(stakeholders: int = STAKEHOLDERS, relations: int = RELATIONS, frames: int = FRAMES,
                  say: Callable[[str], None] = print) -> dict[str, list[float]]:
    """Build the grid and the network of a synthetic plan with `stakeholders` and `relations` in a 1920×1080
    viewport and render each; `say` each figure. Returns each view's frame times (ms) at 1:1 ("grid",
    "network")."""
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from desktop_app.fonts import apply_application_font

    apply_application_font(app)  # type: ignore[arg-type]
    from desktop_app.plan_controller import PlanController
    from desktop_app.views.stakeholder_grid.stakeholder_grid_view import StakeholderGridView
    from desktop_app.views.stakeholder_network.stakeholder_network_view import StakeholderNetworkView
    from planner.storage import PlanDocument
    from planner.synth import synthesize_plan

    path = Path(tempfile.mkdtemp(prefix="bench-stakeholders-")) / "synthetic.cplan"
    synthesize_plan(path, 200, stakeholders)
    document = PlanDocument.open(path)
    figures: dict[str, list[float]] = {}
    try:
        _add_relations(document, relations)
        controller = PlanController(document)
        say(f"{stakeholders:,} stakeholders, {relations:,} relations; {frames} frames at "
              f"{VIEWPORT[0]}×{VIEWPORT[1]}, median (target ≤ 16 ms at 1:1)")
        for name, label, factory in (("grid", "power/interest grid", StakeholderGridView),
                                     ("network", "relationship network", StakeholderNetworkView)):
            began = time.perf_counter()
            view = factory(controller)
            view.resize(*VIEWPORT)
            view.show()
            app.processEvents()
            if hasattr(view, "is_layout_running"):
                deadline = time.perf_counter() + 30
                while view.is_layout_running() and time.perf_counter() < deadline:
                    app.processEvents()
                    time.sleep(0.01)
            built = (time.perf_counter() - began) * 1000
            viewport = view.canvas.viewport()
            image = QImage(viewport.size(), QImage.Format.Format_ARGB32_Premultiplied)
            if hasattr(view.canvas, "resetTransform") and label.startswith("relationship"):
                view.canvas.resetTransform()  # 1:1
                centre = view.scene.itemsBoundingRect().center()
                view.canvas.centerOn(centre)
                app.processEvents()
            figures[name] = frame_times_ms(viewport, image, frames)
            frame = statistics.median(figures[name])
            say(f"{label:<22} built in {built:7.0f} ms; frame {frame:6.1f} ms "
                  f"(viewport {viewport.width()}×{viewport.height()})")
            view.close()
    finally:
        document.close()
    return figures


def main() -> int:
    measure_views()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
