"""The stakeholder grid: markers in their cells and quadrants, drag as one undo entry, selection, snapshot arrows."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from desktop_app.plan_controller import PlanController
from desktop_app.views.stakeholder_grid import stakeholder_grid_view
from desktop_app.views.stakeholder_grid.grid_layout import GridGeometry
from desktop_app.views.stakeholder_grid.grid_style import ATTITUDE_SHAPES, HIGH_FROM
from desktop_app.views.stakeholder_grid.stakeholder_grid_view import StakeholderGridView
from planner.model.vocabulary import engagement_for
from planner.queries import StakeholderRow, stakeholder_rows


@pytest.fixture
def view(qtbot: Any, demo_controller: PlanController) -> StakeholderGridView:
    view = StakeholderGridView(demo_controller)
    qtbot.addWidget(view)
    view.resize(1400, 900)
    view.show()
    qtbot.waitExposed(view)
    return view


def rows(controller: PlanController) -> dict[str, StakeholderRow]:
    return {row.id: row for row in controller.read(stakeholder_rows)}


def quadrant_of(geometry: GridGeometry, point: QPointF) -> str:
    """The engagement strategy of the quadrant a point lies in, read from the drawn geometry alone."""
    high_interest = point.x() >= geometry.x_of(HIGH_FROM)
    high_influence = point.y() < geometry.y_of(HIGH_FROM - 1)
    return {(True, True): "manage_closely", (True, False): "keep_satisfied",
            (False, True): "keep_informed", (False, False): "monitor"}[(high_influence, high_interest)]


def viewport_point(view: StakeholderGridView, scene_point: QPointF) -> QPoint:
    return view.canvas.mapFromScene(scene_point)


def drag(view: StakeholderGridView, start: QPoint, end: QPoint) -> None:
    viewport = view.canvas.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 6):
        QTest.mouseMove(viewport, start + (end - start) * step / 5)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)


def test_one_marker_per_stakeholder_in_its_cell(view: StakeholderGridView) -> None:
    by_id = rows(view.controller)
    canvas = view.canvas
    assert set(canvas.markers) == set(by_id)
    for stakeholder_id, marker in canvas.markers.items():
        row = by_id[stakeholder_id]
        assert canvas.geometry_.cell_at(marker.pos()) == (row.influence, row.interest)
        assert canvas.geometry_.cell_rect(row.influence, row.interest).contains(marker.sceneBoundingRect().center())
    assert len(canvas.labels) == len(by_id)  # every name has a place on the demo plan


def test_marker_quadrant_matches_engagement_for(view: StakeholderGridView) -> None:
    for marker in view.canvas.markers.values():
        row = marker.row
        assert quadrant_of(view.canvas.geometry_, marker.pos()) == engagement_for(row.influence, row.interest)


def test_attitudes_have_distinct_shapes_and_quadrants_are_named(view: StakeholderGridView) -> None:
    assert len(set(ATTITUDE_SHAPES.values())) == len(ATTITUDE_SHAPES)
    titles = {code: item.text() for code, item in view.canvas.quadrant_titles.items()}
    assert titles == {"manage_closely": "Manage closely", "keep_satisfied": "Keep satisfied",
                      "keep_informed": "Keep informed", "monitor": "Monitor"}


def test_labels_do_not_overlap_each_other_or_markers(view: StakeholderGridView) -> None:
    labels = [label.sceneBoundingRect() for label in view.canvas.labels.values()]
    markers = [marker.sceneBoundingRect().adjusted(3, 3, -3, -3) for marker in view.canvas.markers.values()]
    for number, rect in enumerate(labels):
        assert not any(rect.intersects(other) for other in labels[number + 1:])
        assert not any(rect.intersects(other) for other in markers)


def test_drag_to_another_cell_is_one_undo_entry(view: StakeholderGridView) -> None:
    controller = view.controller
    canvas = view.canvas
    target = next(row for row in rows(controller).values() if row.name == "주민자치회")  # influence 1, interest 4
    start = viewport_point(view, canvas.marker_of(target.id).pos())
    end = viewport_point(view, canvas.geometry_.cell_rect(5, 2).center())
    count = controller.undo_stack.count()
    drag(view, start, end)
    moved = rows(controller)[target.id]
    assert (moved.influence, moved.interest) == (5, 2)
    assert controller.undo_stack.count() == count + 1
    assert canvas.geometry_.cell_at(canvas.marker_of(target.id).pos()) == (5, 2)
    assert controller.selection_ids == [target.id]
    controller.undo_stack.undo()
    restored = rows(controller)[target.id]
    assert (restored.influence, restored.interest) == (1, 4)
    assert canvas.geometry_.cell_at(canvas.marker_of(target.id).pos()) == (1, 4)


def test_dropping_outside_the_grid_clamps_to_the_edge(view: StakeholderGridView) -> None:
    controller = view.controller
    canvas = view.canvas
    target = next(row for row in rows(controller).values() if row.name == "창원대학교")  # influence 2, interest 3
    start = viewport_point(view, canvas.marker_of(target.id).pos())
    plot = canvas.geometry_.plot
    end = viewport_point(view, QPointF(plot.right() + 200, plot.top() - 200))
    drag(view, start, end)
    moved = rows(controller)[target.id]
    assert (moved.influence, moved.interest) == (5, 5)


def test_a_drop_in_the_same_cell_changes_nothing(view: StakeholderGridView) -> None:
    controller = view.controller
    marker = next(iter(view.canvas.markers.values()))
    start = viewport_point(view, marker.pos())
    drag(view, start, start + QPoint(4, 6))
    assert controller.undo_stack.count() == 0
    assert marker.pos() == marker.home


def test_selection_is_shared_with_the_controller(view: StakeholderGridView) -> None:
    controller = view.controller
    first, second = list(view.canvas.markers)[:2]
    controller.select("stakeholder", [first, second])
    assert view.canvas.marker_of(first).isSelected() and view.canvas.marker_of(second).isSelected()
    point = viewport_point(view, view.canvas.marker_of(second).pos())
    QTest.mouseClick(view.canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, point)
    assert controller.selection_ids == [first]
    assert not view.canvas.marker_of(second).isSelected()


def test_an_edit_elsewhere_refreshes_the_grid(view: StakeholderGridView) -> None:
    from planner.commands import UpdateRow

    stakeholder_id = next(iter(view.canvas.markers))
    view.controller.execute(UpdateRow("stakeholder", stakeholder_id, {"influence": 1, "interest": 1}))
    assert view.canvas.geometry_.cell_at(view.canvas.marker_of(stakeholder_id).pos()) == (1, 1)


def test_snapshot_compare_draws_one_arrow_per_moved_stakeholder(
    view: StakeholderGridView, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("planner.stakeholders.snapshots")
    from planner.commands import UpdateRow

    controller = view.controller
    monkeypatch.setattr(stakeholder_grid_view, "ask_snapshot_name", lambda _parent: "워크숍 1차")
    assert view.save_snapshot()
    assert view.compare_combo.count() == 2
    moved = list(view.canvas.markers)[:3]
    for number, stakeholder_id in enumerate(moved):
        controller.execute(UpdateRow("stakeholder", stakeholder_id, {"influence": 1 + number, "interest": 1}))
    view.compare_combo.setCurrentIndex(1)
    assert sorted(arrow.stakeholder_id for arrow in view.canvas.arrows) == sorted(moved)
    assert view.legend.arrow_note.isVisibleTo(view)
    view.compare_with(None)
    assert view.canvas.arrows == []


def test_cancelled_snapshot_name_saves_nothing(view: StakeholderGridView, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("planner.stakeholders.snapshots")
    monkeypatch.setattr(stakeholder_grid_view, "ask_snapshot_name", lambda _parent: None)
    assert not view.save_snapshot()
    assert view.controller.undo_stack.count() == 0
