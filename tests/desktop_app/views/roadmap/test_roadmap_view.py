"""The roadmap view: bars where the schedule puts them, drags as single undoable commands, refusals, lanes, selection."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from sqlalchemy import func, select

from desktop_app.plan_controller import PlanController
from desktop_app.views.roadmap import roadmap_view
from desktop_app.views.roadmap.bar_item import BarItem
from desktop_app.views.roadmap.roadmap_view import RoadmapView
from planner.commands import read_row
from planner.model import BudgetLine, Dependency
from planner.schedule import schedule_plan


@pytest.fixture
def view(qtbot: Any, demo_controller: PlanController) -> RoadmapView:
    widget = RoadmapView(demo_controller)
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def start_of(controller: PlanController, initiative_id: str) -> int:
    return controller.read(lambda session: read_row(session, "initiative", initiative_id)["start_month"].index)


def dependency_count(controller: PlanController) -> int:
    return controller.read(lambda session: session.execute(select(func.count()).select_from(Dependency)).scalar_one())


def bar_point(view: RoadmapView, item: BarItem, where: str = "centre") -> QPoint:
    """The viewport position of a bar's centre (or just inside its right end), scrolled into sight."""
    view.canvas.reveal(item)
    rect = item.mapRectToScene(item.bar_rect())
    point = rect.center() if where == "centre" else QPointF(rect.right() - 2, rect.center().y())
    return view.canvas.mapFromScene(point)


def drag(view: RoadmapView, start: QPoint, end: QPoint, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    viewport = view.canvas.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, modifier, start)
    steps = 4
    for step in range(1, steps + 1):
        QTest.mouseMove(viewport, start + (end - start) * step / steps)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, modifier, end)


def by_code(view: RoadmapView, code: str) -> BarItem:
    return next(item for item in view.scene.bar_items.values() if item.bar.code == code)


def free_bar(view: RoadmapView) -> BarItem:
    """A bar with no predecessor, so it may move either way."""
    successors = {link.successor_id for link in view.snapshot.links}
    return next(item for item in view.scene.bar_items.values()
                if item.bar.id not in successors and not item.bar.milestone)


def driven_bar(view: RoadmapView) -> BarItem:
    """A bar an FS link holds where it is."""
    return next(item for item in view.scene.bar_items.values()
                if item.bar.why.startswith("FS") and not item.bar.milestone)


def test_one_bar_per_initiative_at_its_early_start(view: RoadmapView, demo_controller: PlanController) -> None:
    result = demo_controller.read(schedule_plan)
    scene = view.scene
    assert set(scene.bar_items) == {item.id for item in result.items}
    for scheduled in result.items:
        item = scene.bar_items[scheduled.id]
        rect = item.mapRectToScene(item.bar_rect())
        if scheduled.milestone:
            assert rect.center().x() == pytest.approx(scene.x_of(scheduled.es))
        else:
            assert rect.left() == pytest.approx(scene.x_of(scheduled.es))
            assert rect.width() == pytest.approx(scheduled.duration * scene.month_width)
            assert rect.right() == pytest.approx(scene.x_of(scheduled.ef))
    assert len(scene.links) == dependency_count(demo_controller)


def test_dragging_a_bar_moves_it_and_undo_restores_it(view: RoadmapView, demo_controller: PlanController) -> None:
    item = free_bar(view)
    bar_id, es = item.bar.id, item.bar.es
    before = start_of(demo_controller, bar_id)
    start = bar_point(view, item)
    drag(view, start, start + QPoint(round(3 * view.scene.month_width), 0))
    assert start_of(demo_controller, bar_id) == es + 3
    assert view.scene.bar_items[bar_id].bar.es == es + 3  # the view followed the model
    assert demo_controller.undo_stack.count() == 1
    demo_controller.undo_stack.undo()
    assert start_of(demo_controller, bar_id) == before
    assert view.scene.bar_items[bar_id].bar.es == es


def test_dragging_the_right_end_changes_the_duration(view: RoadmapView, demo_controller: PlanController) -> None:
    item = free_bar(view)
    bar_id, duration = item.bar.id, item.bar.duration
    start = bar_point(view, item, "end")
    drag(view, start, start + QPoint(round(2 * view.scene.month_width), 0))
    assert demo_controller.read(lambda s: read_row(s, "initiative", bar_id)["duration_months"]) == duration + 2
    demo_controller.undo_stack.undo()
    assert demo_controller.read(lambda s: read_row(s, "initiative", bar_id)["duration_months"]) == duration


def test_a_drag_before_the_predecessor_allows_is_refused(view: RoadmapView, demo_controller: PlanController) -> None:
    item = driven_bar(view)
    bar_id, es = item.bar.id, item.bar.es
    before = start_of(demo_controller, bar_id)
    start = bar_point(view, item)
    drag(view, start, start - QPoint(round(2 * view.scene.month_width), 0))
    assert start_of(demo_controller, bar_id) == before
    assert demo_controller.undo_stack.count() == 0
    assert view.message_bar.isVisible()
    assert item.bar.code in view.message_text()
    snapped = view.scene.bar_items[bar_id]
    assert snapped.preview_offset == 0
    assert snapped.mapRectToScene(snapped.bar_rect()).left() == pytest.approx(view.scene.x_of(es))


def test_a_cycle_making_link_is_refused_with_the_cycle_named(view: RoadmapView, demo_controller: PlanController) -> None:
    link = view.snapshot.links[0]
    predecessor, successor = view.scene.bar_items[link.predecessor_id], view.scene.bar_items[link.successor_id]
    count = dependency_count(demo_controller)
    drag(view, bar_point(view, successor), bar_point(view, predecessor), Qt.KeyboardModifier.ShiftModifier)
    assert dependency_count(demo_controller) == count
    assert demo_controller.undo_stack.count() == 0
    assert "cycle" in view.message_text()
    assert predecessor.bar.code in view.message_text() and successor.bar.code in view.message_text()


def test_drawing_a_link_adds_one_dependency_and_undo_removes_it(view: RoadmapView, demo_controller: PlanController) -> None:
    linked = {(link.predecessor_id, link.successor_id) for link in view.snapshot.links}
    first, last = by_code(view, "A-01"), by_code(view, "D-03")
    assert (first.bar.id, last.bar.id) not in linked
    count = dependency_count(demo_controller)
    view.link_action.setChecked(True)  # the link tool: a plain drag draws a link
    drag(view, bar_point(view, first), bar_point(view, by_code(view, "D-03")))
    assert dependency_count(demo_controller) == count + 1
    assert demo_controller.undo_stack.count() == 1
    assert any(link.predecessor_id == first.bar.id and link.successor_id == last.bar.id and link.type == "FS"
               for link in view.snapshot.links)
    assert len(view.scene.links) == count + 1
    demo_controller.undo_stack.undo()
    assert dependency_count(demo_controller) == count
    assert view.message_text() == ""


def test_the_critical_path_is_marked_critical(view: RoadmapView, demo_controller: PlanController) -> None:
    result = demo_controller.read(schedule_plan)
    assert result.critical_path
    codes = {item.bar.code: item for item in view.scene.bar_items.values()}
    for code in result.critical_path:
        assert codes[code].bar.critical
    for scheduled in result.items:
        assert view.scene.bar_items[scheduled.id].bar.critical == (scheduled.total_float <= 0)
    critical_links = [route for route in view.scene.links if route.link.critical]
    assert critical_links and all(view.scene.bar_items[i.link.successor_id].bar.critical for i in critical_links)
    assert "Critical" in codes[result.critical_path[0]].toolTip()
    assert "because of" in codes[result.critical_path[-1]].toolTip()


def test_switching_the_lanes_regroups_the_bars(view: RoadmapView, demo_controller: PlanController) -> None:
    assert [band.label.split()[0] for band in view.scene.lane_bands] == ["A", "B", "C", "D"]
    view.set_grouping("source")
    totals: dict[str, dict[str, int]] = {}
    for initiative_id, source, amount in demo_controller.read(lambda s: s.execute(
            select(BudgetLine.initiative_id, BudgetLine.source, func.sum(BudgetLine.planned_krw))
            .group_by(BudgetLine.initiative_id, BudgetLine.source)).all()):
        totals.setdefault(initiative_id, {})[source] = amount
    scene = view.scene
    assert {band.key for band in scene.lane_bands} <= {"national", "provincial", "municipal", "private", ""}
    for bar_id, sources in totals.items():
        row = scene.row_of[bar_id]
        band = max((b for b in scene.lane_bands if b.first_row <= row), key=lambda b: b.first_row)
        assert band.key == max(sources, key=lambda s: sources[s])
        assert scene.row_tops[row] > band.top
    view.set_grouping("strategy")
    assert [band.label.split()[0] for band in scene.lane_bands] == ["S1", "S2", "S3", "S4"]


def test_selection_is_shared_both_ways(view: RoadmapView, demo_controller: PlanController) -> None:
    item = by_code(view, "B-02")
    demo_controller.select("initiative", [item.bar.id])
    assert view.selected_ids() == [item.bar.id]
    other = by_code(view, "C-01")
    point = bar_point(view, other)
    QTest.mouseClick(view.canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    assert demo_controller.selection_kind == "initiative"
    assert demo_controller.selection_ids == [other.bar.id]
    demo_controller.select("stakeholder", ["someone"])
    assert view.selected_ids() == []


def test_alt_right_nudges_the_selection_by_a_month_as_one_undo_entry(view: RoadmapView,
                                                                     demo_controller: PlanController) -> None:
    items = [by_code(view, "A-01"), by_code(view, "C-02")]
    starts = {item.bar.id: item.bar.es for item in items}
    before = {bar_id: start_of(demo_controller, bar_id) for bar_id in starts}
    demo_controller.select("initiative", list(starts))
    view.canvas.setFocus()
    QTest.keyClick(view.canvas, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert {bar_id: start_of(demo_controller, bar_id) for bar_id in starts} == {i: s + 1 for i, s in starts.items()}
    assert demo_controller.undo_stack.count() == 1
    assert sorted(view.selected_ids()) == sorted(starts)  # the selection survives the rebuild
    demo_controller.undo_stack.undo()
    assert {bar_id: start_of(demo_controller, bar_id) for bar_id in starts} == before


def test_arrow_keys_walk_bars_and_lanes(view: RoadmapView, demo_controller: PlanController) -> None:
    view.canvas.setFocus()
    QTest.keyClick(view.canvas, Qt.Key.Key_Down)
    first = view.scene.row_ids[0]
    assert demo_controller.selection_ids == [first]
    QTest.keyClick(view.canvas, Qt.Key.Key_Down)
    assert demo_controller.selection_ids == [view.scene.row_ids[1]]
    QTest.keyClick(view.canvas, Qt.Key.Key_Right)
    assert demo_controller.selection_ids == [view.scene.row_ids[view.scene.lane_bands[1].first_row]]


def test_enter_asks_for_the_inspector_and_delete_asks_first(view: RoadmapView, demo_controller: PlanController,
                                                             qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    item = by_code(view, "D-02")
    demo_controller.select("initiative", [item.bar.id])
    view.canvas.setFocus()
    with qtbot.waitSignal(view.inspector_requested, timeout=1000):
        QTest.keyClick(view.canvas, Qt.Key.Key_Return)
    asked: list[str] = []
    monkeypatch.setattr(roadmap_view, "confirm_delete", lambda _parent, text: asked.append(text) or False)
    assert not view.delete_selected()
    assert asked and "D-02" in asked[0]
    monkeypatch.setattr(roadmap_view, "confirm_delete", lambda _parent, _text: True)
    QTest.keyClick(view.canvas, Qt.Key.Key_Delete)
    assert item.bar.id not in view.scene.bar_items
    assert demo_controller.selection_ids == []
    demo_controller.undo_stack.undo()
    assert any(i.bar.code == "D-02" for i in view.scene.bar_items.values())


def test_zoom_and_fit_keep_the_bars_on_the_month_grid(view: RoadmapView) -> None:
    width = view.scene.month_width
    view.zoom_in_action.trigger()
    assert view.scene.month_width > width
    view.fit_action.trigger()
    snapshot = view.snapshot
    assert snapshot is not None
    scene = view.scene
    assert scene.x_of(snapshot.plan_end + 1) <= view.canvas.viewport().width()
    for item in scene.bar_items.values():
        if not item.bar.milestone:
            assert item.mapRectToScene(item.bar_rect()).left() == pytest.approx(scene.x_of(item.bar.es))


def test_large_type_makes_rows_taller(view: RoadmapView) -> None:
    height = view.scene.style.row_height
    view.set_large_type(True)
    assert view.scene.style.row_height > height
    assert len(view.scene.bar_items) == len(view.snapshot.bars)


def test_a_chosen_baseline_shows_ghost_bars_where_the_bars_were(view: RoadmapView, demo_controller: PlanController) -> None:
    from planner.baselines import save_baseline_command

    assert not view.baseline_combo.isEnabled()  # nothing saved yet
    demo_controller.execute(demo_controller.read(lambda s: save_baseline_command(s, "Approved")), None)
    assert view.baseline_combo.isEnabled()
    item = free_bar(view)
    bar_id, es, duration = item.bar.id, item.bar.es, item.bar.duration
    view.move_to({bar_id: es + 4})
    view.set_baseline(view.baseline_combo.itemData(1))
    moved = view.scene.bar_items[bar_id]
    assert moved.bar.es == es + 4
    assert moved.ghost == (es, duration)
    assert moved.mapRectToScene(moved.ghost_rect()).left() == pytest.approx(view.scene.x_of(es))
    view.set_baseline(None)
    assert view.scene.bar_items[bar_id].ghost is None


def scene_figures(scene: Any) -> tuple[dict[str, tuple[float, float, str, int]], list[list[tuple[float, float]]]]:
    """Each bar's position, title and start, and every link's route: what a reader of the scene sees."""
    bars = {bar_id: (item.pos().x(), item.pos().y(), item.bar.title, item.bar.es)
            for bar_id, item in scene.bar_items.items()}
    return bars, [route.points for route in scene.links]


def test_an_edit_of_values_updates_the_bars_in_place_as_a_rebuild_would(view: RoadmapView,
                                                                        demo_controller: PlanController) -> None:
    from desktop_app.views.roadmap.roadmap_scene import RoadmapScene
    from planner.commands import UpdateRow

    items = dict(view.scene.bar_items)
    first = next(iter(items))
    demo_controller.execute(UpdateRow("initiative", first, {"title": "Renamed initiative"}))
    item = free_bar(view)
    view.move_to({item.bar.id: item.bar.es + 3})  # its links are routed again
    assert view.scene.bar_items == items  # the same items: nothing was rebuilt
    assert items[first].bar.title == "Renamed initiative"
    fresh = RoadmapScene(view.style_)
    fresh.month_width = view.scene.month_width  # the zoom the view shows
    fresh.build(view.snapshot, view.grouping, view.scene.ghosts, view.style_)
    assert scene_figures(view.scene) == scene_figures(fresh)
    demo_controller.undo_stack.undo()
    demo_controller.undo_stack.undo()
    fresh.build(view.snapshot, view.grouping, view.scene.ghosts, view.style_)
    assert scene_figures(view.scene) == scene_figures(fresh)


def test_a_new_link_rebuilds_the_scene(view: RoadmapView, demo_controller: PlanController) -> None:
    from planner.commands import DeleteRows

    items = dict(view.scene.bar_items)
    link = view.scene.links[0].link
    demo_controller.execute(DeleteRows("dependency", [link.id]))
    assert all(view.scene.bar_items[bar_id] is not item for bar_id, item in items.items())
    assert link.id not in {route.link.id for route in view.scene.links}
