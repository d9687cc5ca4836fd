"""The dependency graph on the demo plan: layers, critical marks, field filter, chains, linking and unlinking."""

from __future__ import annotations

import itertools
from collections import deque
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from sqlalchemy import func, select

from desktop_app.plan_controller import PlanController
from desktop_app.views.dependency_graph import dependency_graph_view
from desktop_app.views.dependency_graph.dependency_graph_view import DependencyGraphView
from desktop_app.views.dependency_graph.edge_item import EdgeItem
from desktop_app.views.dependency_graph.graph_style import Role
from desktop_app.views.dependency_graph.link_dialog import LinkDialog
from desktop_app.views.dependency_graph.node_item import NodeItem
from planner.commands import AddRow
from planner.model import Dependency
from planner.months import YearMonth
from planner.schedule import DRIVER_DEPENDENCY, Link, plan_links, schedule_plan


@pytest.fixture
def view(qtbot: Any, haedam_controller: PlanController) -> DependencyGraphView:
    view = DependencyGraphView(haedam_controller)
    qtbot.addWidget(view)
    view.resize(1600, 1000)
    view.show()
    qtbot.waitExposed(view)
    return view


@pytest.fixture
def links(view: DependencyGraphView) -> list[Link]:
    return view.controller.read(plan_links)


def ids_by_code(view: DependencyGraphView) -> dict[str, str]:
    return {node.code: node.id for node in view.snapshot.nodes}


def dependency_count(controller: PlanController) -> int:
    return controller.read(lambda session: session.execute(select(func.count(Dependency.id))).scalar_one())


def reach(start: str, links: list[Link], forward: bool) -> set[str]:
    """Every initiative reachable from `start` along the links (forward) or against them."""
    following: dict[str, list[str]] = {}
    for link in links:
        before, after = (link.predecessor_id, link.successor_id) if forward else (link.successor_id, link.predecessor_id)
        following.setdefault(before, []).append(after)
    seen: set[str] = set()
    queue = deque([start])
    while queue:
        for nxt in following.get(queue.popleft(), []):
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return seen


def generations_by_peeling(ids: list[str], links: list[Link]) -> dict[str, int]:
    """Topological generations the slow, obvious way: repeatedly take away the initiatives without predecessors."""
    remaining, generation, result = set(ids), 0, {}
    while remaining:
        ready = {i for i in remaining if not any(link.successor_id == i and link.predecessor_id in remaining for link in links)}
        assert ready, "the demo plan has a cycle"
        result |= dict.fromkeys(ready, generation)
        remaining -= ready
        generation += 1
    return result


def click(qtbot: Any, view: DependencyGraphView, item: NodeItem | EdgeItem, modifier: Any = None,
          point: QPoint | None = None) -> None:
    position = point or view.canvas.mapFromScene(item.sceneBoundingRect().center())
    qtbot.mouseClick(view.canvas.viewport(), Qt.MouseButton.LeftButton,
                     modifier or Qt.KeyboardModifier.NoModifier, position)


def edge_point(view: DependencyGraphView, edge: EdgeItem) -> QPoint:
    """A point on the drawn curve of `edge` where it is the topmost item (no other edge or node over it)."""
    for step in range(1, 40):
        point = view.canvas.mapFromScene(edge.mapToScene(edge.path.pointAtPercent(step / 40)))
        if view.canvas.items(point)[:1] == [edge]:
            return point
    raise AssertionError(f"no free point on the edge {edge.text}")


def test_every_node_sits_in_the_column_of_its_topological_generation(view: DependencyGraphView,
                                                                       links: list[Link]) -> None:
    ids = list(view.node_items)
    assert len(ids) == 28 and len(view.edge_items) == len(links) == 40
    expected = generations_by_peeling(ids, links)
    assert {i: view.node_items[i].layer for i in ids} == expected
    column_x = {}
    for node_id, generation in expected.items():
        item = view.node_items[node_id]
        assert item.isVisible()
        column_x.setdefault(generation, set()).add(round(item.x(), 3))
    assert all(len(xs) == 1 for xs in column_x.values())  # one column per generation
    assert [min(column_x[g]) for g in sorted(column_x)] == sorted(min(xs) for xs in column_x.values())
    for link in links:
        assert view.node_items[link.predecessor_id].x() < view.node_items[link.successor_id].x()
    # Nodes of a column do not overlap.
    for generation in column_x:
        boxes = sorted((view.node_items[i].sceneBoundingRect() for i in ids if expected[i] == generation),
                       key=lambda rect: rect.top())
        assert all(a.bottom() - 6 < b.top() for a, b in itertools.pairwise(boxes))


def test_critical_nodes_and_links_are_marked(view: DependencyGraphView) -> None:
    schedule = view.controller.read(schedule_plan).by_id
    critical = {i for i, item in schedule.items() if item.critical}
    assert critical and critical != set(schedule)
    assert {i for i, node in view.node_items.items() if node.critical} == critical
    for edge in view.edge_items.values():
        successor = schedule[edge.successor_id]
        drives = successor.driver.kind == DRIVER_DEPENDENCY and successor.driver.predecessor_id == edge.predecessor_id
        assert edge.critical == (edge.predecessor_id in critical and edge.successor_id in critical and drives)
    assert any(edge.critical for edge in view.edge_items.values())


def test_field_filter_hides_other_fields_and_fades_linked_ones(view: DependencyGraphView, links: list[Link]) -> None:
    field_id, _name = view.snapshot.fields[1]
    members = {node.id for node in view.snapshot.nodes if node.field_id == field_id}
    neighbours = {link.successor_id for link in links if link.predecessor_id in members} | {
        link.predecessor_id for link in links if link.successor_id in members}
    neighbours -= members
    view.set_field_filter(field_id)
    assert view.field_filter() == field_id
    shown = {i for i, node in view.node_items.items() if node.isVisible()}
    assert shown == members | neighbours
    assert {i for i in shown if view.node_items[i].context} == neighbours
    assert all(view.node_items[i].opacity() < 1 for i in neighbours)
    for edge in view.edge_items.values():
        assert edge.isVisible() == (edge.predecessor_id in members or edge.successor_id in members)
    for edge in (e for e in view.edge_items.values() if e.isVisible()):
        assert view.node_items[edge.predecessor_id].x() < view.node_items[edge.successor_id].x()
    view.set_field_filter(None)
    assert all(node.isVisible() for node in view.node_items.values())


def test_selecting_a_node_highlights_exactly_its_chains_and_shares_the_selection(
        qtbot: Any, view: DependencyGraphView, links: list[Link]) -> None:
    chosen = ids_by_code(view)["A-02"]
    click(qtbot, view, view.node_items[chosen])
    upstream, downstream = reach(chosen, links, forward=False), reach(chosen, links, forward=True)
    assert upstream and downstream
    assert (view.upstream_ids, view.downstream_ids) == (upstream, downstream)
    for node_id, node in view.node_items.items():
        expected = (Role.SELECTED if node_id == chosen else Role.UPSTREAM if node_id in upstream
                    else Role.DOWNSTREAM if node_id in downstream else Role.FADED)
        assert node.role is expected, node.code
    for edge in view.edge_items.values():
        ends = {edge.predecessor_id, edge.successor_id}
        on_up, on_down = ends <= upstream | {chosen}, ends <= downstream | {chosen}
        assert edge.role is (Role.UPSTREAM if on_up else Role.DOWNSTREAM if on_down else Role.FADED)
    controller = view.controller
    assert (controller.selection_kind, controller.selection_ids) == ("initiative", [chosen])
    # Another view selects an initiative: the graph follows.
    other = ids_by_code(view)["C-04"]
    controller.select("initiative", [other])
    assert view.selected_node_ids() == [other]
    assert view.upstream_ids == reach(other, links, forward=False)
    controller.select("stakeholder", ["someone"])
    assert view.selected_node_ids() == [] and all(n.role is Role.NORMAL for n in view.node_items.values())


def test_shift_drag_adds_one_undoable_link(qtbot: Any, view: DependencyGraphView,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def answer(parent: Any) -> tuple[str, int]:
        asked.append(parent.pending_link_text)
        return "SS", 2

    monkeypatch.setattr(dependency_graph_view, "ask_link_details", answer)
    controller = view.controller
    codes = ids_by_code(view)
    before = dependency_count(controller)
    source, target = view.node_items[codes["D-02"]], view.node_items[codes["F-02"]]
    viewport = view.canvas.viewport()
    start = view.canvas.mapFromScene(source.sceneBoundingRect().center())
    end = view.canvas.mapFromScene(target.sceneBoundingRect().center())
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, start)
    qtbot.mouseMove(viewport, end)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, end)
    assert asked == ["D-02 → F-02"]
    assert dependency_count(controller) == before + 1
    assert controller.undo_stack.count() == 1
    added = [link for link in controller.read(plan_links) if (link.predecessor_id, link.successor_id) == (source.initiative_id,
                                                                                          target.initiative_id)]
    assert [(link.type, link.lag) for link in added] == [("SS", 2)]
    edge = view.edge_items[added[0].id]
    assert edge.isVisible() and edge.text == "SS+2" and view.selected_edge_ids() == [added[0].id]
    controller.undo_stack.undo()
    assert dependency_count(controller) == before
    assert added[0].id not in view.edge_items


def test_link_action_links_the_selected_node_to_the_next_one_clicked(qtbot: Any, view: DependencyGraphView,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dependency_graph_view, "ask_link_details", lambda _parent: ("FF", -1))
    codes = ids_by_code(view)
    view.select_nodes([codes["D-03"]])
    view.link_action.trigger()
    assert "D-03" in view.message_bar.text()
    click(qtbot, view, view.node_items[codes["F-03"]])
    added = [link for link in view.controller.read(plan_links)
             if (link.predecessor_id, link.successor_id) == (codes["D-03"], codes["F-03"])]
    assert [(link.type, link.lag) for link in added] == [("FF", -1)]
    assert view.controller.undo_stack.count() == 1
    assert view.edge_items[added[0].id].text == "FF−1"


def test_cancelling_the_link_dialog_changes_nothing(view: DependencyGraphView, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dependency_graph_view, "ask_link_details", lambda _parent: None)
    codes = ids_by_code(view)
    assert view.add_link(codes["D-02"], codes["F-02"]) is None
    assert view.controller.undo_stack.count() == 0


def test_a_link_that_closes_a_cycle_is_refused_with_the_cycle_and_changes_nothing(
        view: DependencyGraphView, links: list[Link], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dependency_graph_view, "ask_link_details", lambda _parent: ("FS", 0))
    controller = view.controller
    codes = ids_by_code(view)
    assert codes["A-01"] in reach(codes["A-07"], links, forward=False)
    before = dependency_count(controller)
    edges_before = set(view.edge_items)
    assert view.add_link(codes["A-07"], codes["A-01"]) is None
    message = view.message_bar.text()
    assert "cycle" in message and message.count("A-07") == 2 and "A-01" in message
    assert dependency_count(controller) == before
    assert controller.undo_stack.count() == 0
    assert set(view.edge_items) == edges_before


def test_deleting_a_link_with_del_then_undo_restores_it(qtbot: Any, view: DependencyGraphView,
                                                        links: list[Link]) -> None:
    controller = view.controller
    link = next(candidate for candidate in links if candidate.type == "SF")
    edge = view.edge_items[link.id]
    click(qtbot, view, edge, point=edge_point(view, edge))
    assert view.selected_edge_ids() == [link.id]
    assert (controller.selection_kind, controller.selection_ids) == ("dependency", [link.id])
    assert view.delete_action.isEnabled()
    view.canvas.setFocus()
    qtbot.keyClick(view.canvas, Qt.Key.Key_Delete)
    assert link.id not in view.edge_items
    assert link not in controller.read(plan_links)
    assert controller.undo_stack.count() == 1
    assert controller.selection_ids == []
    controller.undo_stack.undo()
    assert link in controller.read(plan_links)
    assert view.edge_items[link.id].isVisible()


def test_delete_selected_without_a_selected_link_does_nothing(view: DependencyGraphView) -> None:
    view.select_nodes([next(iter(view.node_items))])
    assert not view.delete_selected()
    assert view.controller.undo_stack.count() == 0


def test_edits_elsewhere_redraw_the_graph(view: DependencyGraphView) -> None:
    controller = view.controller
    command = AddRow("initiative", {"code": "Z-01", "title": "새 과제", "start_month": YearMonth(2027, 1)})
    controller.execute(command)
    assert view.node_items[command.row_id].layer == 0 and view.node_items[command.row_id].isVisible()
    controller.undo_stack.undo()
    assert command.row_id not in view.node_items


def test_a_hidden_view_redraws_when_shown_again(qtbot: Any, view: DependencyGraphView) -> None:
    view.hide()
    command = AddRow("initiative", {"code": "Z-02", "title": "숨은 동안", "start_month": YearMonth(2027, 1)})
    view.controller.execute(command)
    assert command.row_id not in view.node_items
    view.show()
    assert command.row_id in view.node_items


def test_zoom_and_fit_and_level_of_detail(qtbot: Any, view: DependencyGraphView) -> None:
    canvas = view.canvas
    fitted = canvas.scale_factor()
    assert canvas.mapToScene(canvas.viewport().rect()).boundingRect().contains(
        view.scene.itemsBoundingRect().adjusted(1, 1, -1, -1))
    canvas.zoom_by(0.25)
    assert canvas.scale_factor() == pytest.approx(fitted * 0.25)
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert canvas.scale_factor() == pytest.approx(fitted)


def test_the_empty_plan_shows_a_note(qtbot: Any, empty_controller: PlanController) -> None:
    view = DependencyGraphView(empty_controller)
    qtbot.addWidget(view)
    assert view.node_items == {} and not view.link_action.isEnabled()
    assert "0" in view.count_label.text()


def test_link_dialog_returns_type_and_lag(qtbot: Any) -> None:
    dialog = LinkDialog(None, "A-01 → A-02")
    qtbot.addWidget(dialog)
    assert dialog.details() == ("FS", 0)
    dialog.type_combo.setCurrentIndex(dialog.type_combo.findData("SF"))
    dialog.lag_spin.setValue(-3)
    assert dialog.details() == ("SF", -3)
