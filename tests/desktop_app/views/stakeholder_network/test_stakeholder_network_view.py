"""The stakeholder network on the bundled demo plan: items, layouts off the GUI thread, saved positions, analysis."""

from __future__ import annotations

import time
from typing import Any

import pytest

from desktop_app.plan_controller import PlanController
from desktop_app.views.stakeholder_network import layout_worker
from desktop_app.views.stakeholder_network.stakeholder_network_view import (
    FORCE,
    MANUAL,
    RINGS,
    StakeholderNetworkView,
)
from planner.stakeholders.analysis import ego_network, network_metrics, stakeholder_graph
from planner.stakeholders.layout import LayoutCancelled, force_layout, sector_rings_layout
from planner.stakeholders.linked import initiative_stakeholders
from planner.stakeholders.positions import network_positions

WAIT_MS = 10_000


def make_view(qtbot: Any, controller: PlanController) -> StakeholderNetworkView:
    view = StakeholderNetworkView(controller)
    qtbot.addWidget(view)
    view.resize(1600, 1000)
    view.show()
    qtbot.waitExposed(view)
    return view


def settle(qtbot: Any, view: StakeholderNetworkView) -> None:
    qtbot.waitUntil(lambda: not view.is_layout_running(), timeout=WAIT_MS)


@pytest.fixture
def view(qtbot: Any, haedam_controller: PlanController) -> StakeholderNetworkView:
    view = make_view(qtbot, haedam_controller)
    settle(qtbot, view)
    return view


def close(first: dict[str, tuple[float, float]], second: dict[str, tuple[float, float]]) -> bool:
    return first.keys() == second.keys() and all(
        abs(first[k][0] - second[k][0]) < 1e-6 and abs(first[k][1] - second[k][1]) < 1e-6 for k in first)


def test_a_node_per_stakeholder_and_an_edge_per_relation(view: StakeholderNetworkView) -> None:
    graph = view.controller.read(stakeholder_graph)
    assert set(view.node_items) == {node.id for node in graph.nodes}
    assert set(view.edge_items) == {edge.id for edge in graph.edges}
    assert len(view.node_items) == 35 and len(view.edge_items) == 30
    edge = next(iter(graph.edges))
    item = view.edge_items[edge.id]
    assert (item.source.stakeholder_id, item.target.stakeholder_id, item.directed) == (
        edge.source_id, edge.target_id, edge.directed)
    assert item.toolTip()  # the relation type on hover


def test_force_layout_runs_off_the_gui_thread_and_places_the_nodes(qtbot: Any, haedam_controller: PlanController,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    threads: list[threading.Thread] = []
    real = layout_worker.compute_force_layout

    def recording(graph: Any, seed: int, progress: Any) -> Any:
        threads.append(threading.current_thread())
        return real(graph, seed, progress)

    monkeypatch.setattr(layout_worker, "compute_force_layout", recording)
    view = make_view(qtbot, haedam_controller)
    assert view.layout_mode() == FORCE  # no saved positions: force layout first
    settle(qtbot, view)
    assert threads and threads[0] is not threading.main_thread()
    expected = force_layout(view.graph, seed=0)
    assert close(view.unit_positions(), expected)
    assert not view.progress_bar.isVisible()


def test_cancelling_keeps_the_old_positions(qtbot: Any, view: StakeholderNetworkView,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    before = view.unit_positions()
    started = []

    def endless(_graph: Any, _seed: int, progress: Any) -> Any:
        started.append(True)
        while progress(0.5):
            time.sleep(0.005)
        raise LayoutCancelled

    monkeypatch.setattr(layout_worker, "compute_force_layout", endless)
    view.start_force_layout()
    assert view.is_layout_running() and view.cancel_button.isVisibleTo(view)
    qtbot.waitUntil(lambda: bool(started), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: view.progress_bar.value() == 50, timeout=WAIT_MS)
    view.cancel_button.click()
    settle(qtbot, view)
    assert close(view.unit_positions(), before)
    assert "cancel" in view.message_bar.text().lower() or "취소" in view.message_bar.text()


def test_sector_rings_layout(view: StakeholderNetworkView) -> None:
    view.set_layout_mode(RINGS)
    assert close(view.unit_positions(), sector_rings_layout(view.graph))


def test_manual_positions_are_saved_reloaded_and_undone(qtbot: Any, view: StakeholderNetworkView) -> None:
    controller = view.controller
    first_id, second_id = sorted(view.node_items)[:2]
    layout_before = view.unit_positions()
    view.place_node(first_id, (0.1, 0.2))
    assert view.layout_mode() == MANUAL
    saved = controller.read(network_positions)
    assert saved[first_id] == pytest.approx((0.1, 0.2))
    assert set(saved) == set(view.node_items)
    after_first = view.unit_positions()
    view.place_node(second_id, (0.9, 0.8))
    assert controller.undo_stack.count() == 2

    reopened = make_view(qtbot, controller)  # on open with saved positions: those
    assert reopened.layout_mode() == MANUAL and not reopened.is_layout_running()
    assert reopened.unit_positions()[second_id] == pytest.approx((0.9, 0.8))
    assert close(reopened.unit_positions(), view.unit_positions())

    controller.undo_stack.undo()
    assert close(view.unit_positions(), after_first)
    assert close(reopened.unit_positions(), after_first)
    controller.undo_stack.undo()
    assert controller.read(network_positions) == {}
    assert close(view.unit_positions(), layout_before)


def test_a_drag_with_the_mouse_saves_one_command(qtbot: Any, view: StakeholderNetworkView) -> None:
    from PySide6.QtCore import QPoint, Qt

    item = next(iter(view.node_items.values()))
    start = view.canvas.mapFromScene(item.scenePos())
    end = start + QPoint(60, 40)
    qtbot.mousePress(view.canvas.viewport(), Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        qtbot.mouseMove(view.canvas.viewport(), start + (end - start) * step / 5)
    qtbot.mouseRelease(view.canvas.viewport(), Qt.MouseButton.LeftButton, pos=end)
    assert view.controller.undo_stack.count() == 1
    saved = view.controller.read(network_positions)
    assert saved[item.stakeholder_id] == pytest.approx(view.unit_positions()[item.stakeholder_id])


def test_analysis_panel_shows_the_selected_stakeholder(view: StakeholderNetworkView) -> None:
    metrics = network_metrics(view.graph)
    busiest = max(metrics, key=lambda k: (metrics[k].degree, k))
    view.select_stakeholders([busiest])
    assert view.controller.selection_kind == "stakeholder" and view.controller.selection_ids == [busiest]
    assert view.panel.degree_label.text() == str(metrics[busiest].degree)
    assert view.panel.betweenness_label.text() == f"{metrics[busiest].betweenness:.3f}"
    assert view.panel.community_label.text() == str(metrics[busiest].community + 1)
    isolated = {k for k, m in metrics.items() if m.isolated}
    assert set(view.panel.isolated_ids()) == isolated
    assert {k for k, item in view.node_items.items() if item.isolated} == isolated


def test_ego_view_shows_exactly_the_ego_network(view: StakeholderNetworkView) -> None:
    metrics = network_metrics(view.graph)
    centre = max(metrics, key=lambda k: (metrics[k].degree, k))
    view.select_stakeholders([centre])
    view.ego_action.setChecked(True)
    assert view.visible_node_ids() == ego_network(view.graph, centre, 1)
    shown_edges = {k for k, e in view.edge_items.items() if e.isVisible()}
    assert all(view.edge_items[k].source.isVisible() and view.edge_items[k].target.isVisible() for k in shown_edges)
    view.ego_action.setChecked(False)
    assert view.visible_node_ids() == set(view.node_items)


def test_selecting_an_initiative_highlights_its_stakeholders(view: StakeholderNetworkView) -> None:
    from sqlalchemy import select

    from planner.model import Initiative

    controller = view.controller
    initiative_ids = controller.read(lambda s: list(s.execute(select(Initiative.id)).scalars()))
    initiative_id = next(i for i in initiative_ids if controller.read(lambda s, i=i: initiative_stakeholders(s, i)))
    expected = {linked.id for linked in controller.read(lambda s: initiative_stakeholders(s, initiative_id))}
    controller.select("initiative", [initiative_id])
    assert view.highlighted_ids() == expected
    assert view.faded_ids() == set(view.node_items) - expected
    controller.select("plan", [])
    assert view.highlighted_ids() == set() and view.faded_ids() == set()


def test_broker_highlight_matches_network_metrics(view: StakeholderNetworkView) -> None:
    metrics = network_metrics(view.graph)
    assert view.broker_ringed_ids() == set()
    view.brokers_action.setChecked(True)
    brokers = {k for k, m in metrics.items() if m.broker}
    assert brokers and view.broker_ringed_ids() == brokers


def test_communities_colouring(view: StakeholderNetworkView) -> None:
    from desktop_app.views.stakeholder_network import network_style as style

    metrics = network_metrics(view.graph)
    view.communities_action.setChecked(True)
    for node_id, item in view.node_items.items():
        expected = style.COMMUNITY_COLOURS[metrics[node_id].community % len(style.COMMUNITY_COLOURS)]
        assert item.colour == expected


def test_refreshes_when_a_relation_is_added(view: StakeholderNetworkView, qtbot: Any) -> None:
    from planner.commands import AddRow

    first, second = sorted(view.node_items)[:2]
    view.controller.execute(AddRow("stakeholder_relation", {"source_id": first, "target_id": second,
                                                            "type": "advises", "directed": True, "strength": 2}))
    assert len(view.edge_items) == 31
    settle(qtbot, view)


def test_labels_hidden_when_zoomed_far_out(view: StakeholderNetworkView) -> None:
    item = next(iter(view.node_items.values()))
    assert item.label_visible_at(1.0)
    assert not item.label_visible_at(0.2)


def test_relations_are_drawn_by_one_layer_item(view: StakeholderNetworkView) -> None:
    from desktop_app.views.stakeholder_network.network_node_item import NetworkNodeItem

    items = view.scene.items()
    assert view.edge_layer is not None and view.edge_layer in items
    assert len(items) == len(view.node_items) + 1  # no item per relation
    assert all(isinstance(item, NetworkNodeItem) for item in items if item is not view.edge_layer)
    layer_bounds = view.edge_layer.boundingRect()
    assert all(layer_bounds.contains(edge.line().p1()) and layer_bounds.contains(edge.line().p2())
               for edge in view.edge_items.values())


def test_hovering_a_relation_finds_it_and_hidden_ones_are_skipped(view: StakeholderNetworkView) -> None:
    layer = view.edge_layer
    assert layer is not None
    edge = max(view.edge_items.values(), key=lambda e: e.line().length())
    middle = edge.line().center()
    found = layer.edge_at(middle)
    assert found is not None and found.distance_to(middle) < 1e-6
    for other in view.edge_items.values():
        other.setVisible(False)
    assert layer.edge_at(middle) is None
    for other in view.edge_items.values():
        other.setVisible(True)


def test_lines_are_cut_at_fixed_cells() -> None:
    from desktop_app.views.stakeholder_network.network_edge_item import CELL, cut

    pieces = cut(10.0, 20.0, 3 * CELL + 5.0, 2 * CELL + 7.0)
    assert pieces[0][1].p1().x() == 10.0 and pieces[-1][1].p2().x() == 3 * CELL + 5.0
    total = sum(piece.length() for _cell, piece in pieces)
    assert abs(total - ((3 * CELL - 5.0) ** 2 + (2 * CELL - 13.0) ** 2) ** 0.5) < 1e-6
    for (cx, cy), piece in pieces:
        middle = piece.center()
        assert cx * CELL <= middle.x() <= (cx + 1) * CELL and cy * CELL <= middle.y() <= (cy + 1) * CELL
