"""The Stakeholder network page: stakeholders and relations, force / sector-ring / saved layouts, network analysis."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt, QThreadPool, QTimer
from PySide6.QtGui import QAction, QFont, QFontMetricsF, QKeySequence, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGraphicsScene,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop_app.plan_controller import PlanController
from desktop_app.views.stakeholder_network import network_style as style
from desktop_app.views.stakeholder_network.analysis_panel_view import AnalysisPanelView
from desktop_app.views.stakeholder_network.layout_worker import ForceLayoutWorker, LayoutSignals, Positions
from desktop_app.views.stakeholder_network.network_canvas_view import NetworkCanvasView
from desktop_app.views.stakeholder_network.network_edge_item import NetworkEdge, NetworkEdgeLayer
from desktop_app.views.stakeholder_network.network_node_item import NetworkNodeItem
from desktop_app.widgets.accessibility import chain_focus, set_buddy_label, toolbar_controls
from desktop_app.widgets.busy import busy, is_large
from desktop_app.widgets.message_bar_view import MessageBarView
from desktop_app.widgets.muted_text import mute
from desktop_app.widgets.refresh_when_shown import StaleRefresher
from desktop_app.widgets.selection_sync import syncing_selection
from planner.commands import Changes
from planner.errors import PlannerError
from planner.i18n import N_, _
from planner.model.vocabulary import RELATION_TYPES, SECTORS, label
from planner.stakeholders.analysis import (
    NodeMetrics,
    StakeholderGraph,
    ego_network,
    network_metrics,
    stakeholder_graph,
    undirected_pairs,
)

# Kinds of row whose change redraws the network (saved positions: any kind naming positions).
NETWORK_KINDS = ("stakeholder", "stakeholder_relation", "plan")
FORCE, RINGS, MANUAL = "force", "rings", "manual"
LAYOUT_MODES = ((FORCE, N_("Force (seed 0)")), (RINGS, N_("Sector rings")), (MANUAL, N_("Manual (saved)")))
FORCE_SEED = 0


def read_saved_positions(session: Any) -> Positions:
    """The manual positions stored in the plan ({} while planner.stakeholders.positions is not there)."""
    try:
        from planner.stakeholders.positions import network_positions
    except ImportError:
        return {}
    return dict(network_positions(session))


def read_initiative_stakeholders(session: Any, initiative_ids: Iterable[str]) -> set[str]:
    """The ids of every stakeholder with a role on one of these initiatives."""
    from planner.stakeholders.linked import initiative_stakeholders

    return {linked.id for initiative_id in initiative_ids for linked in initiative_stakeholders(session, initiative_id)}


def graph_key(graph: StakeholderGraph) -> tuple[Any, ...]:
    """What the force layout depends on: the stakeholders and the weighted pairs."""
    return (tuple(sorted(node.id for node in graph.nodes)),
            tuple(sorted((edge.source_id, edge.target_id, edge.strength) for edge in graph.edges)))


class StakeholderNetworkView(QWidget):
    """Every stakeholder as a circle (size: influence, fill: sector), every relation as a styled line."""

    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stakeholder_network_view")
        self.controller = controller
        self.graph = StakeholderGraph((), ())
        self._node_metrics: dict[str, NodeMetrics] | None = {}  # None: not computed yet (see `metrics`)
        self._isolated: set[str] = set()
        self._base_tips: dict[str, str] = {}
        self.saved_positions: Positions = {}
        self.node_items: dict[str, NetworkNodeItem] = {}
        self.edge_items: dict[str, NetworkEdge] = {}  # drawn by self.edge_layer
        self.edge_layer: NetworkEdgeLayer | None = None
        self.initiative_highlight: set[str] | None = None  # stakeholders of the selected initiatives
        self.ego_ids: set[str] | None = None  # shown in the ego view, None: everyone
        self._computed: Positions = {}  # the last force or sector-ring layout (unit square)
        self._force_result: tuple[tuple[Any, ...], Positions] | None = None
        self._side = style.MIN_SIDE
        self._carried: set[str] = set()  # stakeholders whose position a rebuild kept from before
        self._first_refresh = True
        self._syncing = False
        self._auto_fit = True
        self._run = 0  # number of the latest force layout run
        self._worker: ForceLayoutWorker | None = None
        self._pool = QThreadPool(self)  # made before the signals, so it is destroyed (and waited for) first
        self._pool.setMaxThreadCount(1)
        self._signals = LayoutSignals(self)
        self._signals.progressed.connect(self._on_layout_progressed)
        self._signals.finished.connect(self._on_layout_finished)
        self._signals.cancelled.connect(self._on_layout_cancelled)
        self._signals.failed.connect(self._on_layout_failed)
        self._refresher = StaleRefresher(self, self.refresh)
        font = QFont(self.font())
        font.setPixelSize(style.LABEL_PIXELS)
        self._font, self._metrics = font, QFontMetricsF(font)
        edge_font = QFont(self.font())
        edge_font.setPixelSize(style.EDGE_LABEL_PIXELS)
        self._edge_font, self._edge_metrics = edge_font, QFontMetricsF(edge_font)

        self.layout_combo = QComboBox()
        self.layout_combo.setObjectName("layout_combo")
        for mode, text in LAYOUT_MODES:
            self.layout_combo.addItem(_(text), mode)
        self.layout_combo.setToolTip(_("How the stakeholders are placed; drag a stakeholder to save a manual layout"))
        self.layout_combo.currentIndexChanged.connect(self._on_layout_combo_changed)
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("layout_progress")
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setMaximumWidth(160)
        self.progress_bar.setFormat(_("Layout %p%"))
        self.cancel_button = QPushButton(_("Cancel"))
        self.cancel_button.setObjectName("cancel_layout_button")
        self.cancel_button.setToolTip(_("Stop the force layout and keep the positions shown"))
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)

        self.brokers_action = self._toggle(_("Brokers"), _("Ring the stakeholders that link otherwise separate groups"))
        self.communities_action = self._toggle(_("Communities"), _("Colour stakeholders by community instead of sector"))
        self.ego_action = self._toggle(_("Ego view"), _("Show only the selected stakeholder and its direct relations"))
        self.fit_action = QAction(_("Fit"), self)
        self.fit_action.setToolTip(_("Show the whole network (Ctrl+0)"))
        self.fit_action.setShortcut(QKeySequence("Ctrl+0"))
        self.fit_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.fit_action.triggered.connect(self._on_fit_action_triggered)
        self.addAction(self.fit_action)
        self.count_label = QLabel()
        self.count_label.setObjectName("count_label")
        mute(self.count_label)

        self.toolbar = QToolBar()
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addWidget(set_buddy_label(QLabel(_("Layout:") + " "), self.layout_combo))
        self.toolbar.addWidget(self.layout_combo)
        progress_box = QWidget()  # the toolbar shows and hides its widgets lazily; this box's children at once
        progress_layout = QHBoxLayout(progress_box)
        progress_layout.setContentsMargins(6, 0, 0, 0)
        progress_layout.addWidget(self.progress_bar)
        progress_layout.addWidget(self.cancel_button)
        self.toolbar.addWidget(progress_box)
        self.toolbar.addSeparator()
        for action in (self.brokers_action, self.communities_action, self.ego_action):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.fit_action)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.toolbar.addWidget(self.count_label)
        self._show_progress(False)

        self.message_bar = MessageBarView()
        self.scene = QGraphicsScene(self)
        self.canvas = NetworkCanvasView(self.scene)
        self.canvas.before_tooltip = lambda: self.metrics  # the node tooltips show degree and betweenness
        self.panel = AnalysisPanelView()
        self.hint_label = QLabel(_("Drag a stakeholder to place it (saved in the plan, undoable) · hover a line for "
                                   "its type · Ctrl+wheel zooms, Ctrl+0 fits"))
        mute(self.hint_label)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.canvas)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setSizes([1200, 360])
        bar_holder = QVBoxLayout()
        bar_holder.setContentsMargins(8, 4, 8, 0)
        bar_holder.addWidget(self.message_bar)
        footer = QHBoxLayout()
        footer.setContentsMargins(10, 2, 10, 2)
        footer.addWidget(self.hint_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addLayout(bar_holder)
        layout.addWidget(splitter, 1)
        layout.addLayout(footer)
        self.hint_label.setWordWrap(True)  # wraps rather than clips with a large system font
        self.canvas.setAccessibleName(_("Relationship network"))
        chain_focus(*toolbar_controls(self.toolbar), self.canvas)  # Tab: the toolbar, the network, then the panel

        self.scene.selectionChanged.connect(self._on_scene_selection_changed)
        self.canvas.zoomed.connect(self._on_canvas_zoomed)
        self.canvas.fit_requested.connect(self._on_fit_action_triggered)
        self.panel.isolated_activated.connect(self._on_panel_isolated_activated)
        controller.plan_changed.connect(self._on_plan_changed)
        controller.selection_changed.connect(self._on_controller_selection_changed)
        controller.document_replaced.connect(self._on_document_replaced)
        self.refresh()
        self._on_controller_selection_changed(controller.selection_kind, controller.selection_ids)

    def _toggle(self, text: str, tip: str) -> QAction:
        action = QAction(text, self)
        action.setCheckable(True)
        action.setToolTip(tip)
        action.toggled.connect(self._on_toggle_action_toggled)
        return action

    # -- public -----------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the stakeholders, relations, measures and saved positions again and redraw."""
        self._refresher.mark_refreshed()

        def read(session: Any) -> tuple[StakeholderGraph, Positions]:
            return stakeholder_graph(session), read_saved_positions(session)

        self.graph, self.saved_positions = self.controller.read(read)
        self._node_metrics = None  # computed when first needed (about 1.5 s at 2,000 stakeholders)
        linked = {end for pair in undirected_pairs(self.graph) for end in pair}
        self._isolated = {node.id for node in self.graph.nodes if node.id not in linked}
        if self._first_refresh:
            self._first_refresh = False
            self._set_mode_quietly(MANUAL if self.saved_positions else FORCE)
        kept = self.selected_ids()
        self._rebuild()
        with syncing_selection(self):
            for stakeholder_id in kept:
                if stakeholder_id in self.node_items:
                    self.node_items[stakeholder_id].setSelected(True)
        self._apply_mode()
        self._apply_looks()

    @property
    def metrics(self) -> dict[str, NodeMetrics]:
        """Degree, betweenness, community… per stakeholder, computed when first needed: a selection, the Brokers
        or Communities highlight, or the first tooltip over the canvas."""
        if self._node_metrics is None:
            self._set_metrics(network_metrics(self.graph))
        assert self._node_metrics is not None
        return self._node_metrics

    def _set_metrics(self, metrics: dict[str, NodeMetrics]) -> None:
        """Keep the measures and add degree and betweenness to every stakeholder's tooltip."""
        self._node_metrics = metrics
        for node_id, item in self.node_items.items():
            node_metrics = metrics.get(node_id)
            if node_metrics is not None:
                item.setToolTip(self._base_tips.get(node_id, "") + "\n" + _(
                    "Degree {degree} · betweenness {betweenness:.3f}").format(
                    degree=node_metrics.degree, betweenness=node_metrics.betweenness))

    def layout_mode(self) -> str:
        return str(self.layout_combo.currentData())

    def set_layout_mode(self, mode: str) -> None:
        self.layout_combo.setCurrentIndex(max(self.layout_combo.findData(mode), 0))

    def is_layout_running(self) -> bool:
        return self._worker is not None

    def start_force_layout(self) -> None:
        """Lay the network out by force on a worker thread; the positions shown stay until it finishes."""
        if self._worker is not None:
            self._worker.cancel()
        self._run += 1
        self._worker = ForceLayoutWorker(self._run, self.graph, FORCE_SEED, self._signals)
        self.progress_bar.setValue(0)
        self._show_progress(True)
        self._pool.start(self._worker)

    def cancel_layout(self) -> bool:
        """Stop the running force layout; the positions shown are kept."""
        if self._worker is None:
            return False
        self._worker.cancel()
        return True

    def unit_positions(self) -> Positions:
        """Where every stakeholder is shown, in the unit square the layouts and saved positions use."""
        side = self._side
        return {node_id: (item.pos().x() / side, item.pos().y() / side) for node_id, item in self.node_items.items()}

    def visible_node_ids(self) -> set[str]:
        return {node_id for node_id, item in self.node_items.items() if item.isVisible()}

    def broker_ringed_ids(self) -> set[str]:
        return {node_id for node_id, item in self.node_items.items() if item.broker}

    def highlighted_ids(self) -> set[str]:
        return {node_id for node_id, item in self.node_items.items() if item.highlighted}

    def faded_ids(self) -> set[str]:
        return {node_id for node_id, item in self.node_items.items() if item.faded}

    def selected_ids(self) -> list[str]:
        return [item.stakeholder_id for item in self.scene.selectedItems() if isinstance(item, NetworkNodeItem)]

    def select_stakeholders(self, ids: Iterable[str]) -> None:
        """Select these stakeholders (those shown) and share the selection."""
        wanted = [i for i in ids if i in self.node_items]
        with syncing_selection(self):
            self.scene.clearSelection()
            for stakeholder_id in wanted:
                self.node_items[stakeholder_id].setSelected(True)
        self._on_scene_selection_changed()

    def place_node(self, stakeholder_id: str, unit: tuple[float, float]) -> None:
        """Move one stakeholder (unit-square coordinates) as a drag would, and save the positions."""
        item = self.node_items[stakeholder_id]
        item.setPos(QPointF(unit[0] * self._side, unit[1] * self._side))
        self._on_node_dropped(item)

    def save_positions(self) -> bool:
        """Store where every stakeholder is shown as the plan's manual layout: one undoable command."""
        try:
            from planner.stakeholders.positions import set_network_positions_command
        except ImportError:
            self.message_bar.show_message(_("Positions cannot be saved in this version of the planner."))
            return False
        positions = {node_id: (min(max(x, 0.0), 1.0), min(max(y, 0.0), 1.0))
                     for node_id, (x, y) in self.unit_positions().items()}
        try:
            command = self.controller.read(
                lambda session: set_network_positions_command(session, positions, _("Move stakeholders")))
            self.controller.execute(command, self)
        except PlannerError as error:
            self.message_bar.show_message(str(error))
            return False
        self.saved_positions = positions
        self._set_mode_quietly(MANUAL)
        return True

    def fit(self) -> None:
        self._auto_fit = True
        self._fit_visible()

    # -- building the scene -----------------------------------------------------------------------------

    def _set_mode_quietly(self, mode: str) -> None:
        self.layout_combo.blockSignals(True)
        try:
            self.set_layout_mode(mode)
        finally:
            self.layout_combo.blockSignals(False)

    def _rebuild(self) -> None:
        previous = self.unit_positions()
        self._carried = set()
        with syncing_selection(self):
            self.scene.clear()
        self.node_items, self.edge_items, self._base_tips = {}, {}, {}
        self.edge_layer = None
        self._side = style.scene_side(len(self.graph.nodes))
        bounds = QRectF(0, 0, self._side, self._side)
        for node in self.graph.nodes:
            tip = "\n".join(part for part in (node.name, node.organisation, label(SECTORS, node.sector)) if part)
            self._base_tips[node.id] = tip  # degree and betweenness are added when the metrics are there
            item = NetworkNodeItem(node.id, node.name, tip, node.influence, self._sector_colour(node.sector),
                                   self._font, self._metrics)
            item.isolated = node.id in self._isolated
            item.bounds = bounds
            item.dropped = self._on_node_dropped
            if node.id in previous:
                self._carried.add(node.id)
                item.setPos(QPointF(previous[node.id][0] * self._side, previous[node.id][1] * self._side))
            self.scene.addItem(item)
            self.node_items[node.id] = item
        layer = NetworkEdgeLayer(self._edge_font, self._edge_metrics)
        sizes: dict[str, tuple[float, float]] = {}
        for edge in self.graph.edges:
            source, target = self.node_items.get(edge.source_id), self.node_items.get(edge.target_id)
            if source is None or target is None or source is target:
                continue
            type_label = label(RELATION_TYPES, edge.type)
            if type_label not in sizes:
                sizes[type_label] = layer.label_size(type_label)
            self.edge_items[edge.id] = NetworkEdge(edge.id, source, target, edge.type, type_label, edge.directed,
                                                   edge.strength, sizes[type_label])
        layer.set_edges(self.edge_items.values())
        self.scene.addItem(layer)
        self.edge_layer = layer
        self.panel.set_isolated([(node.id, node.name) for node in self.graph.nodes if node.id in self._isolated])
        text = _("{stakeholders} stakeholders · {relations} relations").format(
            stakeholders=f"{len(self.node_items):,}", relations=f"{len(self.edge_items):,}")
        self.count_label.setText(f"{text}   ")

    def _place(self, positions: Positions) -> None:
        side = self._side
        layer = self.edge_layer
        if layer is not None:
            layer.begin_batch()  # the relations are indexed once, after every node has moved
        try:
            for node_id, item in self.node_items.items():
                point = positions.get(node_id)
                if point is not None:
                    item.setPos(QPointF(point[0] * side, point[1] * side))
        finally:
            if layer is not None:
                layer.end_batch()

    def _rings(self) -> Positions:
        from planner.stakeholders.layout import sector_rings_layout

        return sector_rings_layout(self.graph)

    def _fallback(self) -> Positions:
        """Where stakeholders go before (or without) a layout of the chosen kind: the last one computed."""
        fallback = self._rings()
        fallback.update({k: v for k, v in self._computed.items() if k in fallback})
        return fallback

    def _apply_mode(self) -> None:
        mode = self.layout_mode()
        if mode == RINGS:
            self._computed = self._rings()
            self._place(self._computed)
        elif mode == MANUAL:
            positions = self._fallback()
            positions.update(self.saved_positions)
            self._place(positions)
        else:
            key = graph_key(self.graph)
            if self._force_result is not None and self._force_result[0] == key:
                self._place(self._force_result[1])
            else:
                self._place({k: v for k, v in self._fallback().items() if k not in self._carried})
                if self.graph.nodes:
                    self.start_force_layout()
        if self._auto_fit:
            self._fit_visible()

    def _sector_colour(self, sector: str) -> Any:
        return style.SECTOR_COLOURS.get(sector, style.GREY)

    # -- highlighting -----------------------------------------------------------------------------------

    def _apply_looks(self) -> None:
        """Fill (sector or community), broker rings, initiative highlight, ego filter."""
        communities = self.communities_action.isChecked()
        brokers = self.brokers_action.isChecked()
        highlight = self.initiative_highlight
        selected = self.selected_ids()
        self.ego_ids = None
        if self.ego_action.isChecked():
            if selected:
                self.ego_ids = ego_network(self.graph, selected[0], 1)
                if self.message_bar.kind == "info":
                    self.message_bar.hide()
            else:
                self.message_bar.show_message(_("Select a stakeholder to see only its direct relations."), "info")
        sectors = {node.id: node.sector for node in self.graph.nodes}
        # The measures only when something shown needs them (they may still be on their way from the worker).
        all_metrics = self.metrics if (communities or brokers or selected) else (self._node_metrics or {})
        for node_id, item in self.node_items.items():
            metrics = all_metrics.get(node_id) if (communities or brokers) else None
            if communities and metrics is not None:
                colour = style.COMMUNITY_COLOURS[metrics.community % len(style.COMMUNITY_COLOURS)]
            else:
                colour = self._sector_colour(sectors.get(node_id, ""))
            lit = highlight is not None and node_id in highlight
            item.set_look(colour, brokers and metrics is not None and metrics.broker, lit,
                          highlight is not None and not lit)
            item.setVisible(self.ego_ids is None or node_id in self.ego_ids)
        for item in self.edge_items.values():
            ends = (item.source, item.target)
            item.setVisible(all(end.isVisible() for end in ends))
            item.setOpacity(style.FADED_OPACITY if any(end.faded for end in ends) else 1.0)
        community_count = len({m.community for m in all_metrics.values()}) if communities else 0
        self.panel.set_legend(communities, community_count)
        node = next((n for n in self.graph.nodes if selected and n.id == selected[0]), None)
        self.panel.show_stakeholder(node, all_metrics.get(node.id) if node else None)

    def _fit_visible(self) -> None:
        bounds = QRectF()
        for item in self.node_items.values():
            if item.isVisible():
                bounds = bounds.united(item.sceneBoundingRect())
        if bounds.isEmpty():
            self.canvas.fit_all()
            return
        bounds = bounds.adjusted(-30, -30, 30, 30)
        self.scene.setSceneRect(bounds.united(QRectF(-40, -40, self._side + 80, self._side + 80)))
        self.canvas.fitInView(bounds, Qt.AspectRatioMode.KeepAspectRatio)
        if self.canvas.scale_factor() > 1.5:
            self.canvas.resetTransform()
            self.canvas.scale(1.5, 1.5)
            self.canvas.centerOn(bounds.center())

    def _show_progress(self, shown: bool) -> None:
        self.progress_bar.setVisible(shown)
        self.cancel_button.setVisible(shown)

    # -- handlers ---------------------------------------------------------------------------------------

    def _on_layout_combo_changed(self, _number: int) -> None:
        if self.layout_mode() != FORCE and self._worker is not None:
            self._worker.cancel()
        self._auto_fit = True
        self._apply_mode()

    def _on_layout_progressed(self, run: int, fraction: float) -> None:
        if run == self._run:
            self.progress_bar.setValue(round(fraction * 100))

    def _on_layout_finished(self, run: int, positions: Positions) -> None:
        if run != self._run:
            return
        self._worker = None
        self._show_progress(False)
        self._force_result = (graph_key(self.graph), dict(positions))
        self._computed = dict(positions)
        if self.layout_mode() == FORCE:
            with busy(self, _("Placing the stakeholders…"), show=is_large(len(positions))):
                self._place(positions)
                if self._auto_fit:
                    self._fit_visible()

    def _on_layout_cancelled(self, run: int) -> None:
        if run != self._run:
            return
        self._worker = None
        self._show_progress(False)
        self.message_bar.show_message(_("Layout cancelled: the previous positions are kept."), "info")

    def _on_layout_failed(self, run: int, text: str) -> None:
        if run != self._run:
            return
        self._worker = None
        self._show_progress(False)
        self.message_bar.show_message(_("The layout failed: {error}").format(error=text))

    def _on_cancel_button_clicked(self) -> None:
        self.cancel_layout()

    def _on_toggle_action_toggled(self, _checked: bool) -> None:
        self._apply_looks()
        if self.sender() is self.ego_action:
            self._fit_visible()

    def _on_node_dropped(self, _item: NetworkNodeItem) -> None:
        if self._worker is not None:
            self._worker.cancel()
        self.save_positions()

    def _on_scene_selection_changed(self) -> None:
        if self._syncing:
            return
        ids = self.selected_ids()
        if ids or self.controller.selection_kind == "stakeholder":
            self.initiative_highlight = None
            self.controller.select("stakeholder", ids)
        ego_before = self.ego_ids
        self._apply_looks()
        if self.ego_action.isChecked() and self.ego_ids != ego_before:
            self._fit_visible()

    def _on_controller_selection_changed(self, kind: str, ids: list[str]) -> None:
        if kind == "initiative":
            try:
                self.initiative_highlight = self.controller.read(
                    lambda session: read_initiative_stakeholders(session, ids)) if ids else None
            except ImportError:
                self.initiative_highlight = None
            with syncing_selection(self):
                self.scene.clearSelection()
        elif kind == "stakeholder":
            self.initiative_highlight = None
            if sorted(ids) != sorted(self.selected_ids()):
                with syncing_selection(self):
                    self.scene.clearSelection()
                    for stakeholder_id in ids:
                        if stakeholder_id in self.node_items:
                            self.node_items[stakeholder_id].setSelected(True)
        else:
            self.initiative_highlight = None
        self._apply_looks()

    def _on_panel_isolated_activated(self, stakeholder_id: str) -> None:
        self.select_stakeholders([stakeholder_id])
        item = self.node_items.get(stakeholder_id)
        if item is not None:
            self.canvas.centerOn(item)

    def _on_plan_changed(self, changes: Changes, initiator: object) -> None:
        positions = any("position" in kind for kind in changes.kinds)
        if changes.touches(*NETWORK_KINDS) or (positions and initiator is not self):
            self._refresher.mark_changed()

    def _on_document_replaced(self) -> None:
        self._force_result = None
        self.refresh()

    def _on_fit_action_triggered(self) -> None:
        self.fit()

    def _on_canvas_zoomed(self, _scale: float) -> None:
        self._auto_fit = False

    # -- Qt events --------------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._auto_fit:
            QTimer.singleShot(0, self._fit_if_auto)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._auto_fit:
            self._fit_visible()

    def _fit_if_auto(self) -> None:
        if self._auto_fit:
            self._fit_visible()
