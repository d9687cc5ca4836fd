"""The stakeholder network on the bundled demo plan: items, layouts off the GUI thread, saved positions, analysis."""

from __future__ import annotations

import time
from typing import Any

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt

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


# -- what is drawn (rendered offscreen; the relation layer keeps per-cell paths that must follow changes) ------


def paint_item(item: Any, rect: QRectF, scale: float = 1.0) -> Any:
    """Paint one item alone over the scene rectangle `rect` (white behind it) at this zoom; the image."""
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtWidgets import QStyleOptionGraphicsItem

    image = QImage(int(rect.width() * scale) + 1, int(rect.height() * scale) + 1,
                   QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(scale, scale)
    painter.translate(-rect.left(), -rect.top())
    painter.translate(item.pos())
    option = QStyleOptionGraphicsItem()
    option.exposedRect = item.mapRectFromScene(rect)
    item.paint(painter, option)
    painter.end()
    return image


def inked(image: Any, x: float, y: float, reach: int = 1) -> bool:
    """Whether anything but white is drawn within `reach` pixels of (x, y)."""
    from PySide6.QtGui import QColor

    white = QColor("white").rgb()
    return any(image.pixel(int(x) + i, int(y) + j) != white
               for i in range(-reach, reach + 1) for j in range(-reach, reach + 1)
               if 0 <= int(x) + i < image.width() and 0 <= int(y) + j < image.height())


def only_relation(view: StakeholderNetworkView, kept: Any) -> None:
    for edge in view.edge_items.values():
        edge.setVisible(edge is kept)


def test_the_layer_draws_visible_relations_and_follows_hiding_and_moves(view: StakeholderNetworkView) -> None:
    layer = view.edge_layer
    assert layer is not None
    edge = max(view.edge_items.values(), key=lambda e: e.line().length())
    only_relation(view, edge)
    rect = layer.boundingRect()
    middle = edge.line().center() - rect.topLeft()
    assert inked(paint_item(layer, rect), middle.x(), middle.y())
    edge.setVisible(False)
    assert not inked(paint_item(layer, rect), middle.x(), middle.y())
    edge.setVisible(True)
    before = paint_item(layer, rect)  # the cells' paths are made now; the move below must replace them
    assert inked(before, middle.x(), middle.y())
    old_middle = edge.line().center()
    source, target = edge.source.pos(), edge.target.pos()
    away = target - source
    for turned in (QPointF(-away.y(), away.x()), QPointF(away.y(), -away.x())):  # a quarter turn about the source
        edge.target.setPos(source + turned * 0.5)
        if edge.distance_to(old_middle) > 20:
            break
    assert edge.distance_to(old_middle) > 20
    image = paint_item(layer, rect)
    assert not inked(image, middle.x(), middle.y())
    new_middle = edge.line().center() - rect.topLeft()
    assert inked(image, new_middle.x(), new_middle.y())


def test_arrowheads_are_drawn_for_directed_relations(view: StakeholderNetworkView) -> None:
    layer = view.edge_layer
    assert layer is not None
    edge = next(e for e in view.edge_items.values() if e.directed and not e.arrow().isEmpty())
    only_relation(view, edge)
    arrow = edge.arrow()
    inside = arrow.at(1) * 0.7 + arrow.at(2) * 0.15 + arrow.at(0) * 0.15  # in the head, off the line
    rect = arrow.boundingRect().adjusted(-20, -20, 20, 20)  # a small repaint around it
    x, y = int(inside.x() - rect.left()), int(inside.y() - rect.top())
    assert paint_item(layer, rect).pixelColor(x, y) == edge.colour
    edge.setVisible(False)
    assert not inked(paint_item(layer, rect), x, y)


def test_a_name_is_drawn_below_its_circle_only_when_near_enough(view: StakeholderNetworkView) -> None:
    from PySide6.QtGui import QColor

    from desktop_app.views.stakeholder_network import network_style as style

    item = next(iter(view.node_items.values()))
    rect = item.sceneBoundingRect()
    label = item._label_rect.translated(item.pos() - rect.topLeft())

    def text_columns(scale: float) -> list[int]:
        image = paint_item(item, rect, scale)
        return [x for x in range(int(label.left() * scale), int(label.right() * scale))
                for y in range(int(label.top() * scale), int(label.bottom() * scale))
                if QColor(image.pixel(x, y)).lightness() < 100]

    columns = text_columns(1.0)
    assert len(columns) > 20  # dark glyphs on the light backdrop
    assert abs((min(columns) + max(columns)) / 2 - label.center().x()) < 3  # centred in it
    assert text_columns(1.0) == columns  # laid out once, drawn the same again
    assert text_columns(style.LABEL_MIN_SCALE / 2) == []


def test_an_arrowhead_reaching_across_a_cell_edge_is_drawn_where_it_reaches(qtbot: Any) -> None:
    from PySide6.QtGui import QColor, QFont, QFontMetricsF

    from desktop_app.views.stakeholder_network.network_edge_item import CELL, NetworkEdge, NetworkEdgeLayer
    from desktop_app.views.stakeholder_network.network_node_item import NetworkNodeItem

    font = QFont()
    metrics = QFontMetricsF(font)
    source = NetworkNodeItem("a", "A", "", 1, QColor("grey"), font, metrics)
    target = NetworkNodeItem("b", "B", "", 1, QColor("grey"), font, metrics)
    source.setPos(100, 200)
    target.setPos(CELL + 1 + target.radius + 2, 200)  # the line's tip just past the cell edge at x = CELL
    layer = NetworkEdgeLayer(font, metrics)
    edge = NetworkEdge("r", source, target, "funds", "Funds", True, 1, (40, 16))
    layer.set_edges([edge])
    assert edge.line().p2().x() == pytest.approx(CELL + 1)
    inside = QPointF(CELL - 8, 202.5)  # in the head, back from the tip, off the line
    assert edge.arrow().containsPoint(inside, Qt.FillRule.OddEvenFill) and edge.distance_to(inside) > 2
    rect = QRectF(inside.x() - 2, inside.y() - 1, 4, 2)  # a repaint of the cell before the tip's only
    image = paint_item(layer, rect)
    assert image.pixelColor(2, 1) == edge.colour


def test_names_are_laid_out_once_and_only_the_last_drawn_are_kept(qtbot: Any) -> None:
    from PySide6.QtGui import QFont

    from desktop_app.views.stakeholder_network import network_node_item as node_item

    font = QFont()
    first = node_item.laid_out("창원시", font, font.key())
    assert node_item.laid_out("창원시", font, font.key()) is first
    assert first.text() == "창원시"
    for number in range(node_item.LABEL_CACHE_SIZE + 5):
        node_item.laid_out(f"stakeholder {number}", font, font.key())
    assert len(node_item._laid_out) == node_item.LABEL_CACHE_SIZE
    assert node_item.laid_out("창원시", font, font.key()) is not first  # the oldest went first
