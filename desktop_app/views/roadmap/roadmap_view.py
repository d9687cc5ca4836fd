"""The roadmap page: swimlane Gantt chart with a toolbar, a message bar for refused edits, and the shared selection."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QSizePolicy,
    QToolBar,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop_app.plan_controller import PlanController
from desktop_app.views.roadmap import roadmap_edits
from desktop_app.views.roadmap.roadmap_canvas_view import RoadmapCanvasView
from desktop_app.views.roadmap.roadmap_scene import RoadmapScene
from desktop_app.views.roadmap.roadmap_snapshot import GROUPINGS, RoadmapSnapshot, roadmap_snapshot
from desktop_app.views.roadmap.roadmap_style import RoadmapStyle
from desktop_app.widgets import record_table_view
from desktop_app.widgets.accessibility import chain_focus, set_buddy_label, toolbar_controls
from desktop_app.widgets.message_bar_view import MessageBarView
from desktop_app.widgets.record_table_view import DEPENDENT_LABELS, dependents_of
from desktop_app.widgets.refresh_when_shown import StaleRefresher
from desktop_app.widgets.selection_sync import syncing_selection
from planner.baselines import BASELINE_KINDS
from planner.commands import Changes, Command, DeleteRows
from planner.errors import PlannerError
from planner.i18n import _

# Kinds of row whose change alters what the roadmap draws.
REFRESH_KINDS = ("initiative", "dependency", "plan", "budget_line", "field", "strategy", "stakeholder", "milestone",
                 *BASELINE_KINDS)


def confirm_delete(parent: QWidget | None, text: str) -> bool:
    """Ask before deleting initiatives from the roadmap (tests replace this)."""
    return record_table_view.confirm_delete(parent, text)


class RoadmapView(QWidget):
    """The plan's initiatives on a month axis, grouped into swimlanes; every drag is one undoable command."""

    inspector_requested = Signal()  # Enter or double-click on a bar: show the inspector

    KIND = "initiative"

    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("roadmap_view")
        self._syncing = False
        self._baseline_id: str | None = None
        self.snapshot: RoadmapSnapshot | None = None
        self.style_ = RoadmapStyle(self.font())
        self.scene = RoadmapScene(self.style_, self)
        self.canvas = RoadmapCanvasView(self.scene)
        self.message_bar = MessageBarView()  # why an edit was refused

        self.lane_combo = QComboBox()
        self.lane_combo.setObjectName("lane_combo")
        for key, label in GROUPINGS:
            self.lane_combo.addItem(_(label), key)
        self.lane_combo.currentIndexChanged.connect(self._on_lane_combo_changed)

        self.baseline_combo = QComboBox()
        self.baseline_combo.setObjectName("baseline_combo")
        self.baseline_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.baseline_combo.currentIndexChanged.connect(self._on_baseline_combo_changed)

        shortcut_context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        self.zoom_out_action = self._action(_("Zoom out"), self.canvas.zoom_out, ["Ctrl+-"], shortcut_context)
        self.zoom_in_action = self._action(_("Zoom in"), self.canvas.zoom_in, ["Ctrl++", "Ctrl+="], shortcut_context)
        self.fit_action = self._action(_("Fit"), self.canvas.fit, ["Ctrl+0"], shortcut_context)
        self.fit_action.setToolTip(_("Fit the whole plan period into the window (Ctrl+0)"))
        self.large_type_action = self._action(_("Large type"), lambda: None, [], shortcut_context)
        self.large_type_action.setCheckable(True)
        self.large_type_action.setToolTip(_("Larger labels for projectors and big screens"))
        self.large_type_action.toggled.connect(self._on_large_type_toggled)
        self.link_action = self._action(_("Link tool"), lambda: None, [], shortcut_context)
        self.link_action.setCheckable(True)
        self.link_action.setToolTip(_("Drag from one bar to another to make it a predecessor (or Shift-drag)"))
        self.link_action.toggled.connect(self._on_link_action_toggled)

        self.toolbar = QToolBar()
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addWidget(set_buddy_label(QLabel(_("Lanes:") + " "), self.lane_combo))
        self.toolbar.addWidget(self.lane_combo)
        self.toolbar.addSeparator()
        for action in (self.zoom_out_action, self.zoom_in_action, self.fit_action):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.large_type_action)
        self.toolbar.addAction(self.link_action)
        self.toolbar.addSeparator()
        self.toolbar.addWidget(set_buddy_label(QLabel(_("Baseline:") + " "), self.baseline_combo))
        self.toolbar.addWidget(self.baseline_combo)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.legend_label = QLabel(self._legend_html())
        self.legend_label.setObjectName("legend_label")
        self.toolbar.addWidget(self.legend_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.canvas, 1)
        self.canvas.setAccessibleName(_("Roadmap"))
        chain_focus(*toolbar_controls(self.toolbar), self.canvas)  # Tab: the toolbar left to right, then the bars

        self.scene.selectionChanged.connect(self._on_scene_selection_changed)
        self.canvas.bars_dropped.connect(self._on_canvas_bars_dropped)
        self.canvas.bar_end_dropped.connect(self._on_canvas_bar_end_dropped)
        self.canvas.link_dropped.connect(self._on_canvas_link_dropped)
        self.canvas.nudge_pressed.connect(self._on_canvas_nudge_pressed)
        self.canvas.enter_pressed.connect(self._on_canvas_enter_pressed)
        self.canvas.delete_pressed.connect(self.delete_selected)
        # A hidden roadmap rebuilds when next shown, not on every edit (10,000 bars take seconds to rebuild).
        self.refresher = StaleRefresher(self, self.refresh)
        controller.plan_changed.connect(self._on_plan_changed)
        controller.selection_changed.connect(self._on_controller_selection_changed)
        controller.document_replaced.connect(self._on_document_replaced)
        self._reload_baselines()
        self.refresh()
        self._fitted = False

    def _action(self, text: str, slot: Callable[[], object], keys: list[str], context: Qt.ShortcutContext) -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(key) for key in keys])
        action.setShortcutContext(context)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _legend_html(self) -> str:
        style = self.style_
        entries = [
            (style.critical_colour.name(), "■", _("Critical path")),
            (style.bar_colour.name(), "■", _("Other initiatives")),
            (style.float_colour.name(), "▬", _("Float (slack)")),
            (style.text_colour.name(), "◆", _("Milestone")),
            (style.today_colour.name(), "┃", _("Today")),
        ]
        return "&nbsp;&nbsp;".join(
            f"<span style='color:{colour}; font-size:large'>{mark}</span>&nbsp;{text}" for colour, mark, text in entries
        )

    # -- public -----------------------------------------------------------------------------------------

    @property
    def grouping(self) -> str:
        return str(self.lane_combo.currentData())

    def set_grouping(self, key: str) -> None:
        """Group the lanes by 'field', 'strategy', 'lead' (organisation) or 'source' (largest funding source)."""
        self.lane_combo.setCurrentIndex(self.lane_combo.findData(key))

    def set_large_type(self, large: bool) -> None:
        self.large_type_action.setChecked(large)

    def message_text(self) -> str:
        """The refusal shown in the message bar ('' when it is hidden)."""
        return self.message_bar.text()

    def selected_ids(self) -> list[str]:
        return [item.bar.id for item in self.canvas.selected_bars()]

    def select_ids(self, ids: list[str]) -> None:
        items = [self.scene.bar_items[i] for i in ids if i in self.scene.bar_items]
        with syncing_selection(self):
            self.canvas.select_bars(items)

    def refresh(self) -> None:
        """Rebuild the scene from a fresh schedule snapshot, keeping the scroll position and the selection."""
        self.canvas.abort_drag()
        self.refresher.mark_refreshed()
        horizontal, vertical = self.canvas.horizontalScrollBar().value(), self.canvas.verticalScrollBar().value()
        self.snapshot = self.controller.read(roadmap_snapshot)
        ghosts = self._read_ghosts()
        with syncing_selection(self):
            if not self.scene.update_from(self.snapshot, ghosts):  # an edit of values: the changed bars only
                self.scene.build(self.snapshot, self.grouping, ghosts, self.style_)
        self.canvas.horizontalScrollBar().setValue(horizontal)
        self.canvas.verticalScrollBar().setValue(vertical)
        if self.controller.selection_kind == self.KIND:
            existing = [i for i in self.controller.selection_ids if i in self.scene.bar_items]
            with syncing_selection(self):
                self.canvas.select_bars([self.scene.bar_items[i] for i in existing], reveal=False)
            if existing != self.controller.selection_ids:
                self.controller.select(self.KIND, existing)
        self.canvas.viewport().update()

    def delete_selected(self) -> bool:
        """Delete the selected initiatives as one undoable command, after asking."""
        ids = self.selected_ids()
        if not ids:
            return False
        dependents = self.controller.read(lambda session: dependents_of(session, self.KIND, ids))
        if not confirm_delete(self, self._delete_text(ids, dependents)):
            return False
        return self._execute(lambda _session: DeleteRows(self.KIND, ids))

    def _delete_text(self, ids: list[str], dependents: dict[tuple[str, bool], int]) -> str:
        bars = self.snapshot.by_id if self.snapshot else {}
        names = [bars[i].label for i in ids if i in bars]
        if len(ids) == 1:
            parts = [_("Delete the initiative {name}?").format(name=names[0] if names else "")]
        else:
            parts = [_("Delete {count} selected initiatives?").format(count=len(ids))]
        removed = [f"  • {_(DEPENDENT_LABELS.get(kind, kind))}: {number:,}"
                   for (kind, cascade), number in sorted(dependents.items()) if cascade]
        if removed:
            parts += ["", _("This also deletes:"), *removed]
        parts += ["", _("You can undo this.")]
        return "\n".join(parts)

    # -- editing ----------------------------------------------------------------------------------------

    def _execute(self, build: Callable[[Session], Command]) -> bool:
        """Build a command in a short session and execute it; a refusal snaps the bars back and says why."""
        try:
            command = self.controller.read(build)
            self.controller.execute(command, self)
        except PlannerError as error:
            self.canvas.cancel_previews()
            self.message_bar.show_message(str(error))
            return False
        self.message_bar.hide()
        return True

    def move_to(self, starts: dict[str, int]) -> bool:
        """Move initiatives to new start months (indices) as one command."""
        return self._execute(lambda session: roadmap_edits.move_command(session, starts))

    def _on_canvas_bars_dropped(self, starts: dict[str, int]) -> None:
        self.move_to(starts)

    def _on_canvas_bar_end_dropped(self, initiative_id: str, duration: int) -> None:
        self._execute(lambda session: roadmap_edits.resize_command(session, initiative_id, duration))

    def _on_canvas_link_dropped(self, predecessor_id: str, successor_id: str) -> None:
        self._execute(lambda _session: roadmap_edits.link_command(predecessor_id, successor_id))

    def _on_canvas_nudge_pressed(self, months: int) -> None:
        items = self.canvas.selected_bars()
        if items:
            self.move_to({item.bar.id: item.bar.es + months for item in items})

    def _on_canvas_enter_pressed(self) -> None:
        if self.selected_ids():
            self.inspector_requested.emit()

    # -- baselines --------------------------------------------------------------------------------------

    def _reload_baselines(self) -> None:
        """Fill the baseline chooser ('None' first), keeping the chosen one while it exists."""
        self.baseline_combo.blockSignals(True)
        try:
            self.baseline_combo.clear()
            self.baseline_combo.addItem(_("None"), None)
            for baseline_id, name in self.controller.read(roadmap_edits.list_baselines):
                self.baseline_combo.addItem(name, baseline_id)
            index = self.baseline_combo.findData(self._baseline_id) if self._baseline_id else 0
            self.baseline_combo.setCurrentIndex(max(index, 0))
            self._baseline_id = self.baseline_combo.currentData()
        finally:
            self.baseline_combo.blockSignals(False)
        has_baselines = self.baseline_combo.count() > 1
        self.baseline_combo.setEnabled(has_baselines)
        self.baseline_combo.setToolTip(_("Show a saved baseline as ghost bars behind the current ones")
                                       if has_baselines else _("No baseline has been saved in this plan yet."))

    def _read_ghosts(self) -> dict[str, tuple[int, int]]:
        baseline_id = self._baseline_id
        if not baseline_id:
            return {}
        return self.controller.read(lambda session: roadmap_edits.baseline_bars(session, baseline_id))

    def set_baseline(self, baseline_id: str | None) -> None:
        """Show a saved baseline's ghost bars (None: none)."""
        self.baseline_combo.setCurrentIndex(max(self.baseline_combo.findData(baseline_id), 0))

    def _on_baseline_combo_changed(self, _index: int) -> None:
        self._baseline_id = self.baseline_combo.currentData()
        self.scene.set_ghosts(self._read_ghosts())

    # -- handlers ---------------------------------------------------------------------------------------

    def _on_lane_combo_changed(self, _index: int) -> None:
        if self.snapshot is not None:
            with syncing_selection(self):
                self.scene.build(self.snapshot, self.grouping, self.scene.ghosts, self.style_)
            self._restore_selection()

    def _on_large_type_toggled(self, large: bool) -> None:
        self.style_ = RoadmapStyle(self.font(), large_type=large)
        self.legend_label.setText(self._legend_html())
        if self.snapshot is not None:
            with syncing_selection(self):
                self.scene.build(self.snapshot, self.grouping, self.scene.ghosts, self.style_)
            self._restore_selection()

    def _restore_selection(self) -> None:
        if self.controller.selection_kind == self.KIND:
            self.select_ids(self.controller.selection_ids)

    def _on_link_action_toggled(self, on: bool) -> None:
        self.canvas.link_mode = on
        self.canvas.setDragMode(RoadmapCanvasView.DragMode.NoDrag if on else RoadmapCanvasView.DragMode.RubberBandDrag)

    def _on_scene_selection_changed(self) -> None:
        if not self._syncing:
            self.controller.select(self.KIND, self.selected_ids())

    def _on_controller_selection_changed(self, kind: str, ids: list[str]) -> None:
        wanted = list(ids) if kind == self.KIND else []
        if wanted == self.selected_ids():
            return
        self.select_ids(wanted)

    def _on_plan_changed(self, changes: Changes, _initiator: object) -> None:
        if changes.touches(*BASELINE_KINDS):
            self._reload_baselines()
        if changes.touches(*REFRESH_KINDS):
            self.refresher.mark_changed()

    def _on_document_replaced(self) -> None:
        self._reload_baselines()
        self.refresher.mark_changed()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._fitted and self.canvas.viewport().width() > 200:
            self._fitted = True
            self.canvas.fit()
            self.canvas.scroll_to_top()
