"""The grid's fast paths give the same answers as the slow ones: the label index, the marker stamps."""

from __future__ import annotations

import random
from typing import Any

from PySide6.QtCore import QRectF

from desktop_app.views.stakeholder_grid.grid_layout import RectIndex, place_label
from desktop_app.views.stakeholder_grid.stakeholder_marker_item import StakeholderMarkerItem, marker_stamp
from planner.queries import StakeholderRow


def test_rect_index_answers_as_a_linear_scan() -> None:
    rng = random.Random(4)
    rects = [QRectF(rng.uniform(-50, 900), rng.uniform(-50, 600), rng.uniform(1, 120), rng.uniform(1, 40))
             for _ in range(400)]
    index = RectIndex(rects)
    for _ in range(2000):
        probe = QRectF(rng.uniform(-80, 950), rng.uniform(-80, 650), rng.uniform(1, 150), rng.uniform(1, 50))
        assert index.intersects(probe) == any(probe.intersects(other) for other in rects)
    bounds = QRectF(0, 0, 900, 600)
    candidates = [QRectF(x, 20, 60, 18) for x in range(0, 900, 45)]
    assert place_label(candidates, index, bounds) == place_label(candidates, rects, bounds)


def test_markers_share_stamps_and_show_selection_without_qt_selection(qtbot: Any) -> None:
    row = next(iter(_rows()))
    first, second = StakeholderMarkerItem(row, 9.0), StakeholderMarkerItem(row, 9.0)
    assert first.pixmap().cacheKey() == second.pixmap().cacheKey()  # drawn once, blitted by every marker
    first.setSelected(True)
    assert first.isSelected() and not second.isSelected()
    assert first.pixmap().cacheKey() == marker_stamp(row.attitude, row.sector, 9.0, True, 1.0).cacheKey()
    assert not first.flags() & first.GraphicsItemFlag.ItemIsSelectable  # so Qt draws no dashed box
    first.setSelected(False)
    assert first.pixmap().cacheKey() == second.pixmap().cacheKey()
    assert first.shape().boundingRect().width() < first.boundingRect().width()  # grab area inside the bounds


def _rows() -> list[StakeholderRow]:
    return [StakeholderRow(id="s1", name="해담군의회", organisation="", sector="local_government", influence=5,
                           interest=3, attitude="neutral", engagement="manage_closely",
                           engagement_overridden=False, initiative_count=0, tags=())]
