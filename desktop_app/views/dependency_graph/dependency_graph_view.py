"""The Dependencies page: initiatives layered by topological generation, typed links, chains, linking and unlinking."""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop_app.plan_controller import PlanController
from desktop_app.views.dependency_graph import graph_style as style
from desktop_app.views.dependency_graph.edge_item import EdgeItem
from desktop_app.views.dependency_graph.graph_canvas_view import GraphCanvasView
from desktop_app.views.dependency_graph.graph_layout import layered_layout, topological_generations
from desktop_app.views.dependency_graph.graph_legend_view import GraphLegendView
from desktop_app.views.dependency_graph.graph_snapshot import GraphEdge, GraphSnapshot, read_graph
from desktop_app.views.dependency_graph.graph_style import Role
from desktop_app.views.dependency_graph.link_dialog import LinkDialog
from desktop_app.views.dependency_graph.node_item import NodeFonts, NodeItem
from desktop_app.widgets.accessibility import chain_focus, toolbar_controls
from desktop_app.widgets.message_bar_view import MessageBarView
from desktop_app.widgets.muted_text import mute
from desktop_app.widgets.refresh_when_shown import StaleRefresher
from desktop_app.widgets.selection_sync import syncing_selection
from planner.commands import AddRow, Changes, DeleteRows
from planner.errors import PlannerError
from planner.i18n import _

# Kinds of row whose change redraws the graph.
GRAPH_KINDS = ("initiative", "dependency", "field", "plan")
NO_FIELD = ""  # the filter value of initiatives outside every field (as in the initiative table)


def ask_link_details(parent: QWidget | None) -> tuple[str, int] | None:
    """Ask the type and lag of a new link; None when cancelled (tests replace this)."""
    dialog = LinkDialog(parent, getattr(parent, "pending_link_text", ""))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.details()


class DependencyGraphView(QWidget):
    """Every initiative as a node, columns by topological generation, every dependency as a typed edge."""

    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dependency_graph_view")
        self.controller = controller
        self.snapshot = GraphSnapshot((), (), ())
        self.node_items: dict[str, NodeItem] = {}
        self.edge_items: dict[str, EdgeItem] = {}
        self.generations: dict[str, int] = {}
        self.upstream_ids: set[str] = set()
        self.downstream_ids: set[str] = set()
        self.pending_link_text = ""  # "A-01 → A-02" while the link dialog asks
        self._successors: dict[str, list[str]] = {}
        self._predecessors: dict[str, list[str]] = {}
        self._syncing = False
        self._refresher = StaleRefresher(self, self.refresh)
        self._auto_fit = True
        self._fonts = NodeFonts.from_font(self.font())

        self.field_combo = QComboBox()
        self.field_combo.setObjectName("field_combo")
        self.field_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.field_combo.setToolTip(_("Show the initiatives of one field; linked initiatives of other fields stay faded"))
        self.field_combo.currentIndexChanged.connect(self._on_field_combo_changed)

        self.link_action = QAction(_("Link…"), self)
        self.link_action.setToolTip(_("Link the selected initiative to the one you click next (or Shift-drag between two)"))
        self.link_action.triggered.connect(self._on_link_action_triggered)
        self.delete_action = QAction(_("Delete link"), self)
        self.delete_action.setToolTip(_("Delete the selected links (Del)"))
        self.delete_action.triggered.connect(self._on_delete_action_triggered)
        self.fit_action = QAction(_("Fit"), self)
        self.fit_action.setToolTip(_("Show the whole graph (Ctrl+0)"))
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
        self.toolbar.addWidget(self.field_combo)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.link_action)
        self.toolbar.addAction(self.delete_action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.fit_action)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.toolbar.addWidget(self.count_label)

        self.message_bar = MessageBarView()  # why a link was refused (warning), or what to click next (info)
        self.scene = QGraphicsScene(self)
        # No BSP index: long edges span most of its cells, and for 10,000 initiatives the index took over
        # 150 MB when first drawn; a scan of the items' bounds per frame costs far less.
        self.scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.canvas = GraphCanvasView(self.scene)
        self.legend = GraphLegendView()
        self.hint_label = QLabel(_("Shift-drag from one initiative to another to link them · Del deletes the selected "
                                   "link · Ctrl+wheel zooms, Ctrl+0 fits"))
        self.hint_label.setObjectName("hint_label")
        self.hint_label.setWordWrap(True)  # wraps rather than clips with a large system font
        mute(self.hint_label)
        footer = QHBoxLayout()
        footer.setContentsMargins(0, 0, 10, 0)
        footer.addWidget(self.legend, 1)
        footer.addWidget(self.hint_label)

        bar_holder = QVBoxLayout()
        bar_holder.setContentsMargins(8, 4, 8, 0)
        bar_holder.addWidget(self.message_bar)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addLayout(bar_holder)
        layout.addWidget(self.canvas, 1)
        layout.addLayout(footer)
        self.field_combo.setAccessibleName(_("Field"))
        self.canvas.setAccessibleName(_("Dependencies"))
        chain_focus(*toolbar_controls(self.toolbar), self.canvas)  # Tab: the toolbar left to right, then the graph

        self.scene.selectionChanged.connect(self._on_scene_selection_changed)
        self.canvas.link_dragged.connect(self._on_canvas_link_dragged)
        self.canvas.pick_cancelled.connect(self._on_canvas_pick_cancelled)
        self.canvas.delete_requested.connect(self._on_canvas_delete_requested)
        self.canvas.zoomed.connect(self._on_canvas_zoomed)
        self.canvas.fit_requested.connect(self._on_fit_action_triggered)
        controller.plan_changed.connect(self._on_plan_changed)
        controller.selection_changed.connect(self._on_controller_selection_changed)
        controller.document_replaced.connect(self._on_document_replaced)
        self.refresh()
        if controller.selection_kind in ("initiative", "dependency"):
            self._on_controller_selection_changed(controller.selection_kind, controller.selection_ids)

    # -- public -----------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the plan again and redraw the graph, keeping the selection and the field filter."""
        self._refresher.mark_refreshed()
        self.snapshot = self.controller.read(read_graph)
        self._reload_field_entries()
        self._rebuild()
        if self.snapshot.schedule_problem:
            self.message_bar.show_message(self.snapshot.schedule_problem)

    def field_filter(self) -> str | None:
        """The field shown (NO_FIELD for initiatives without one), None for all."""
        value = self.field_combo.currentData()
        return None if value is None else str(value)

    def set_field_filter(self, field_id: str | None) -> None:
        number = self.field_combo.findData(field_id) if field_id is not None else 0
        self.field_combo.setCurrentIndex(max(number, 0))

    def selected_node_ids(self) -> list[str]:
        return [item.initiative_id for item in self.scene.selectedItems() if isinstance(item, NodeItem)]

    def selected_edge_ids(self) -> list[str]:
        return [item.dependency_id for item in self.scene.selectedItems() if isinstance(item, EdgeItem)]

    def select_nodes(self, ids: Iterable[str], centre: bool = True) -> None:
        """Select these initiatives (those shown), highlight their chains and share the selection."""
        self._select_items([self.node_items[i] for i in ids if i in self.node_items], centre)

    def select_edges(self, ids: Iterable[str]) -> None:
        self._select_items([self.edge_items[i] for i in ids if i in self.edge_items], False)

    def begin_link(self) -> bool:
        """Start "Link…": the selected initiative becomes the predecessor of the next one clicked."""
        selected = self.selected_node_ids()
        if len(selected) != 1:
            self.message_bar.show_message(_("Select the initiative that comes first, then choose Link…"), "info")
            return False
        code = self.node_items[selected[0]].code
        self.message_bar.show_message(
            _("Click the initiative that follows {code} (Esc cancels).").format(code=code), "info")
        self.canvas.setFocus(Qt.FocusReason.OtherFocusReason)
        self.canvas.begin_pick(selected[0])
        return True

    def add_link(self, predecessor_id: str, successor_id: str) -> str | None:
        """Ask the type and lag, then add the dependency as one undoable command; its id, or None."""
        if predecessor_id == successor_id:
            return None
        codes = {node.id: node.code for node in self.snapshot.nodes}
        self.pending_link_text = f"{codes.get(predecessor_id, '?')} → {codes.get(successor_id, '?')}"
        try:
            details = ask_link_details(self)
        finally:
            self.pending_link_text = ""
        if details is None:
            self._hide_info()
            return None
        type_, lag = details
        command = AddRow("dependency", {"predecessor_id": predecessor_id, "successor_id": successor_id,
                                        "type": type_, "lag_months": lag})
        try:
            self.controller.execute(command, self)
        except PlannerError as error:
            self.message_bar.show_message(str(error))
            return None
        self.message_bar.hide()
        self._refresher.refresh_if_stale()
        self.select_edges([command.row_id])
        return command.row_id

    def delete_selected(self) -> bool:
        """Delete the selected links as one undoable command."""
        ids = self.selected_edge_ids()
        if not ids:
            return False
        try:
            self.controller.execute(DeleteRows("dependency", ids), self)
        except PlannerError as error:
            self.message_bar.show_message(str(error))
            return False
        self.message_bar.hide()
        return True

    def fit(self) -> None:
        """Show the whole graph, and keep fitting it when the window resizes until the user zooms."""
        self._auto_fit = True
        self.canvas.fit_all()

    # -- building the scene -----------------------------------------------------------------------------

    def _reload_field_entries(self) -> None:
        current = self.field_combo.currentData()
        entries: list[tuple[str, str | None]] = [(_("All fields"), None), *((name, key) for key, name in self.snapshot.fields)]
        if any(node.field_id is None for node in self.snapshot.nodes):
            entries.append((_("No field"), NO_FIELD))
        self.field_combo.blockSignals(True)
        try:
            self.field_combo.clear()
            for text, value in entries:
                self.field_combo.addItem(text, value)
            number = next((n for n, (_text, value) in enumerate(entries) if value == current), 0)
            self.field_combo.setCurrentIndex(number)
        finally:
            self.field_combo.blockSignals(False)

    def _shown_nodes(self) -> tuple[set[str], set[str]]:
        """(members of the filtered field, others shown faded because they link to a member)."""
        wanted = self.field_filter()
        if wanted is None:
            return {node.id for node in self.snapshot.nodes}, set()
        members = {node.id for node in self.snapshot.nodes if (node.field_id or NO_FIELD) == wanted}
        context = set()
        for edge in self.snapshot.edges:
            if edge.predecessor_id in members and edge.successor_id not in members:
                context.add(edge.successor_id)
            elif edge.successor_id in members and edge.predecessor_id not in members:
                context.add(edge.predecessor_id)
        return members, context

    def _rebuild(self) -> None:
        snapshot = self.snapshot
        kept_nodes, kept_edges = self.selected_node_ids(), self.selected_edge_ids()
        with syncing_selection(self):
            self.canvas.cancel_link_gesture()
            self.scene.clear()
            self.node_items, self.edge_items = {}, {}
        self._successors = {node.id: [] for node in snapshot.nodes}
        self._predecessors = {node.id: [] for node in snapshot.nodes}
        for edge in snapshot.edges:
            if edge.predecessor_id in self._successors and edge.successor_id in self._successors:
                self._successors[edge.predecessor_id].append(edge.successor_id)
                self._predecessors[edge.successor_id].append(edge.predecessor_id)
        self.generations = topological_generations([node.id for node in snapshot.nodes],
                                                   [(e.predecessor_id, e.successor_id) for e in snapshot.edges])
        members, context = self._shown_nodes()
        shown = members | context
        for node in snapshot.nodes:
            item = NodeItem(node.id, node.code, node.title, node.field_id, node.critical, node.total_float, self._fonts)
            item.context = node.id in context
            item.layer = self.generations[node.id]
            item.setVisible(node.id in shown)
            self.scene.addItem(item)
            self.node_items[node.id] = item
        shown_edges = [e for e in snapshot.edges if e.predecessor_id in shown and e.successor_id in shown
                       and (e.predecessor_id in members or e.successor_id in members)]
        for edge in snapshot.edges:
            if edge.predecessor_id not in self.node_items or edge.successor_id not in self.node_items:
                continue
            item = EdgeItem(edge.id, edge.predecessor_id, edge.successor_id, edge.type, edge.lag, edge.critical,
                            self._fonts)
            item.setVisible(False)
            self.scene.addItem(item)
            self.edge_items[edge.id] = item
        self._place([node.id for node in snapshot.nodes if node.id in shown], shown_edges)
        if not snapshot.nodes:
            empty = QGraphicsSimpleTextItem(_("No initiatives yet."))
            empty.setFont(self._fonts.title)
            empty.setBrush(style.MUTED_TEXT)
            self.scene.addItem(empty)
        self.scene.setSceneRect(self.scene.itemsBoundingRect().adjusted(-40, -40, 40, 40))
        with syncing_selection(self):
            for node_id in kept_nodes:
                if node_id in self.node_items and self.node_items[node_id].isVisible():
                    self.node_items[node_id].setSelected(True)
            for edge_id in kept_edges:
                if edge_id in self.edge_items and self.edge_items[edge_id].isVisible():
                    self.edge_items[edge_id].setSelected(True)
        self._apply_roles()
        self._update_actions()
        self._update_count(len(members), len(shown_edges))
        self._forget_vanished_selection()
        if self._auto_fit:
            self.canvas.fit_all()

    def _place(self, shown: list[str], edges: Sequence[GraphEdge]) -> None:
        """Lay the shown nodes out in columns (generations, empty ones closed up) and route the edges."""
        used = sorted({self.generations[node_id] for node_id in shown})
        column_of = {generation: number for number, generation in enumerate(used)}
        layers = {node_id: column_of[self.generations[node_id]] for node_id in shown}
        pairs = [(edge.predecessor_id, edge.successor_id) for edge in edges]
        layout = layered_layout(shown, pairs, layers, node_height=style.NODE_HEIGHT,
                                dummy_height=style.DUMMY_HEIGHT, gap=style.ROW_GAP)
        step = style.NODE_WIDTH + style.COLUMN_GAP
        for node_id in shown:
            self.node_items[node_id].setPos(layers[node_id] * step, layout.y[node_id] - style.NODE_HEIGHT / 2)
        # Spread the ends of several links over a node's side, in the order of where they go.
        routes = []
        outgoing: dict[str, list[tuple[float, int]]] = {}
        incoming: dict[str, list[tuple[float, int]]] = {}
        for number, (edge, bends) in enumerate(zip(edges, layout.bends, strict=True)):
            scene_bends = [(column * step, column * step + style.NODE_WIDTH, y) for column, y in bends]
            routes.append(scene_bends)
            after_y = scene_bends[0][2] if scene_bends else layout.y[edge.successor_id]
            before_y = scene_bends[-1][2] if scene_bends else layout.y[edge.predecessor_id]
            outgoing.setdefault(edge.predecessor_id, []).append((after_y, number))
            incoming.setdefault(edge.successor_id, []).append((before_y, number))

        def offsets(ends: dict[str, list[tuple[float, int]]]) -> dict[int, float]:
            result = {}
            for entries in ends.values():
                entries.sort()
                spacing = min(12.0, style.NODE_HEIGHT * 0.7 / max(len(entries) - 1, 1))
                for place, (_y, number) in enumerate(entries):
                    result[number] = (place - (len(entries) - 1) / 2) * spacing
            return result

        start_offsets, end_offsets = offsets(outgoing), offsets(incoming)
        ends = []
        # Links that climb or drop far between two columns run vertically in a lane of their own in the gap,
        # the lanes ordered so that their vertical runs cross as few horizontal ones as possible.
        gaps: dict[int, list[tuple[int, float, int, int]]] = {}
        for number, edge in enumerate(edges):
            start = self.node_items[edge.predecessor_id].port(True, start_offsets[number])
            end = self.node_items[edge.successor_id].port(False, end_offsets[number])
            ends.append((start, end))
            heights = [start.y(), *(y for _left, _right, y in routes[number]), end.y()]
            first_gap = layers[edge.predecessor_id]
            for hop, (before, after) in enumerate(itertools.pairwise(heights)):
                if abs(after - before) > style.COLUMN_GAP - style.ARROW_LENGTH:
                    down = after > before
                    gaps.setdefault(first_gap + hop, []).append((0 if down else 1, -before if down else before,
                                                                 number, hop))
        lanes: list[list[float]] = [[0.5] * (len(route) + 1) for route in routes]
        for runs in gaps.values():
            runs.sort()
            for place, (_direction, _key, number, hop) in enumerate(runs):
                lanes[number][hop] = 0.2 + 0.6 * (place + 0.5) / len(runs)
        for number, edge in enumerate(edges):
            item = self.edge_items[edge.id]
            start, end = ends[number]
            item.route(start, routes[number], end, lanes[number])
            item.setVisible(True)

    # -- highlighting -----------------------------------------------------------------------------------

    def _reach(self, starts: Iterable[str], neighbours: dict[str, list[str]]) -> set[str]:
        seen: set[str] = set()
        frontier = deque(starts)
        while frontier:
            for nxt in neighbours.get(frontier.popleft(), ()):
                if nxt not in seen:
                    seen.add(nxt)
                    frontier.append(nxt)
        return seen

    def _apply_roles(self) -> None:
        """Selected nodes, their whole upstream and downstream chains highlighted; the rest faded."""
        selected = set(self.selected_node_ids())
        self.upstream_ids = self._reach(selected, self._predecessors) - selected if selected else set()
        self.downstream_ids = self._reach(selected, self._successors) - selected if selected else set()
        up, down = self.upstream_ids | selected, self.downstream_ids | selected
        for node_id, node in self.node_items.items():
            if not selected:
                role = Role.NORMAL
            elif node_id in selected:
                role = Role.SELECTED
            elif node_id in self.upstream_ids:
                role = Role.UPSTREAM
            elif node_id in self.downstream_ids:
                role = Role.DOWNSTREAM
            else:
                role = Role.FADED
            node.set_role(role, node.context)
        for edge in self.edge_items.values():
            context = self.node_items[edge.predecessor_id].context or self.node_items[edge.successor_id].context
            if not selected:
                role = Role.NORMAL
            elif edge.predecessor_id in up and edge.successor_id in up:
                role = Role.UPSTREAM
            elif edge.predecessor_id in down and edge.successor_id in down:
                role = Role.DOWNSTREAM
            else:
                role = Role.FADED
            edge.set_role(role, context)

    def _select_items(self, items: Sequence[NodeItem | EdgeItem], centre: bool) -> None:
        with syncing_selection(self):
            self.scene.clearSelection()
            for item in items:
                if item.isVisible():
                    item.setSelected(True)
        self._on_scene_selection_changed()
        if centre and items:
            self._reveal(items[0])

    def _reveal(self, item: NodeItem | EdgeItem) -> None:
        visible = self.canvas.mapToScene(self.canvas.viewport().rect()).boundingRect()
        if not visible.contains(item.sceneBoundingRect()):
            self.canvas.centerOn(item)

    def _forget_vanished_selection(self) -> None:
        """Links or initiatives deleted (or undone): drop vanished ids from the shared selection."""
        kind = self.controller.selection_kind
        known = self.node_items if kind == "initiative" else self.edge_items if kind == "dependency" else None
        if known is None:
            return
        existing = [i for i in self.controller.selection_ids if i in known]
        if existing != self.controller.selection_ids:
            self.controller.select(kind, existing)

    def _update_actions(self) -> None:
        self.delete_action.setEnabled(bool(self.selected_edge_ids()))
        self.link_action.setEnabled(bool(self.snapshot.nodes))

    def _update_count(self, nodes: int, links: int) -> None:
        text = _("{nodes} initiatives · {links} links").format(nodes=f"{nodes:,}", links=f"{links:,}")
        self.count_label.setText(f"{text}   ")

    def _hide_info(self) -> None:
        if self.message_bar.kind == "info":
            self.message_bar.hide()

    # -- handlers ---------------------------------------------------------------------------------------

    def _on_scene_selection_changed(self) -> None:
        if self._syncing:
            return
        self._apply_roles()
        self._update_actions()
        nodes, edges = self.selected_node_ids(), self.selected_edge_ids()
        if nodes:
            self.controller.select("initiative", nodes)
        elif edges:
            self.controller.select("dependency", edges)
        elif self.controller.selection_kind in ("initiative", "dependency"):
            self.controller.select(self.controller.selection_kind, [])

    def _on_controller_selection_changed(self, kind: str, ids: list[str]) -> None:
        if kind == "initiative":
            if sorted(ids) == sorted(self.selected_node_ids()) and not self.selected_edge_ids():
                return
            items: list[NodeItem | EdgeItem] = [self.node_items[i] for i in ids if i in self.node_items]
        elif kind == "dependency":
            if sorted(ids) == sorted(self.selected_edge_ids()) and not self.selected_node_ids():
                return
            items = [self.edge_items[i] for i in ids if i in self.edge_items]
        else:
            items = []
        with syncing_selection(self):
            self.scene.clearSelection()
            for item in items:
                if item.isVisible():
                    item.setSelected(True)
        self._apply_roles()
        self._update_actions()
        shown = [item for item in items if item.isVisible()]
        if shown:
            self._reveal(shown[0])

    def _on_plan_changed(self, changes: Changes, _initiator: object) -> None:
        if changes.touches(*GRAPH_KINDS):
            self._refresher.mark_changed()

    def _on_document_replaced(self) -> None:
        self.refresh()

    def _on_field_combo_changed(self, _number: int) -> None:
        self._auto_fit = True
        self._rebuild()

    def _on_link_action_triggered(self) -> None:
        self.begin_link()

    def _on_delete_action_triggered(self) -> None:
        self.delete_selected()

    def _on_fit_action_triggered(self) -> None:
        self.fit()

    def _on_canvas_link_dragged(self, predecessor_id: str, successor_id: str) -> None:
        self.add_link(predecessor_id, successor_id)

    def _on_canvas_pick_cancelled(self) -> None:
        self._hide_info()

    def _on_canvas_delete_requested(self) -> None:
        self.delete_selected()

    def _on_canvas_zoomed(self, _scale: float) -> None:
        self._auto_fit = False

    # -- Qt events --------------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)  # a stale graph was redrawn just before, by its StaleRefresher
        if self._auto_fit:
            QTimer.singleShot(0, self._fit_if_auto)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._auto_fit:
            self.canvas.fit_all()

    def _fit_if_auto(self) -> None:
        if self._auto_fit:
            self.canvas.fit_all()
