"""The stakeholder grid page: the influence × interest plot, its legend, saving snapshots and comparing with one."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop_app.plan_controller import PlanController
from desktop_app.views.stakeholder_grid.grid_canvas_view import GridCanvasView, Movement
from desktop_app.views.stakeholder_grid.grid_legend_view import GridLegendView
from desktop_app.widgets.accessibility import chain_focus, set_buddy_label, toolbar_controls
from desktop_app.widgets.message_bar_view import MessageBarView
from desktop_app.widgets.refresh_when_shown import StaleRefresher
from planner.commands import Changes, UpdateRow
from planner.errors import PlannerError
from planner.i18n import _
from planner.queries import stakeholder_rows

KIND = "stakeholder"


def ask_snapshot_name(parent: QWidget | None) -> str | None:
    """Ask for the name of a new grid snapshot; None when cancelled (tests replace this)."""
    text, accepted = QInputDialog.getText(parent, _("Save snapshot"), _("Name of the snapshot:"),
                                          QLineEdit.EchoMode.Normal, "")
    text = text.strip()
    return text if accepted and text else None


def _snapshots_api() -> Any | None:
    """planner.stakeholders.snapshots, or None while it is not there yet."""
    try:
        from planner.stakeholders import snapshots
    except ImportError:
        return None
    return snapshots


class StakeholderGridView(QWidget):
    """Drag a marker to another cell to change influence and interest (one undo entry per drag)."""

    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stakeholder_grid_view")
        self.controller = controller
        self._syncing = False

        self.canvas = GridCanvasView()
        self.legend = GridLegendView(self.canvas.grid_style)
        self.message_bar = MessageBarView("warning")

        self.save_snapshot_action = QAction(_("Save snapshot…"), self)
        self.save_snapshot_action.setToolTip(_("Remember everyone's place on the grid under a name"))
        self.save_snapshot_action.triggered.connect(self._on_save_snapshot_triggered)
        self.compare_combo = QComboBox()
        self.compare_combo.setObjectName("compare_combo")
        self.compare_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.compare_combo.setToolTip(_("Draw an arrow for every stakeholder who moved since a snapshot"))
        self.compare_combo.currentIndexChanged.connect(self._on_compare_combo_changed)

        self.toolbar = QToolBar()
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addAction(self.save_snapshot_action)
        self.toolbar.addSeparator()
        self.toolbar.addWidget(set_buddy_label(QLabel(_("Compare with:") + " "), self.compare_combo))
        self.toolbar.addWidget(self.compare_combo)

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.canvas, 1)
        body.addWidget(self.legend)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.message_bar)
        layout.addLayout(body, 1)
        self.canvas.setAccessibleName(_("Power/interest grid"))
        chain_focus(*toolbar_controls(self.toolbar), self.canvas)  # Tab: the toolbar left to right, then the grid

        self.refresher = StaleRefresher(self, self.refresh)
        self.canvas.marker_dropped.connect(self._on_marker_dropped)
        self.canvas.selection_made.connect(self._on_canvas_selection_made)
        controller.plan_changed.connect(self._on_plan_changed)
        controller.selection_changed.connect(self._on_controller_selection_changed)
        controller.document_replaced.connect(self.refresher.mark_changed)
        self.refresh()

    # -- public -----------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the stakeholders, the snapshots and the chosen comparison again."""
        self.refresher.mark_refreshed()
        self._reload_snapshots()
        self.canvas.movements = self._movements()
        self.canvas.selected_ids = set(self.controller.selection_ids if self.controller.selection_kind == KIND else [])
        self.canvas.set_rows(self.controller.read(stakeholder_rows))

    def move_stakeholder(self, stakeholder_id: str, influence: int, interest: int) -> bool:
        """Put a stakeholder in another cell as one undoable edit; False when the plan refused it."""
        command = UpdateRow(KIND, stakeholder_id, {"influence": influence, "interest": interest},
                            label=_("Move stakeholder on the grid"))
        try:
            self.controller.execute(command, self)
        except PlannerError as error:
            self.message_bar.show_message(str(error))
            self.canvas.rebuild()
            return False
        return True

    def save_snapshot(self) -> bool:
        """Ask for a name and save everyone's place as one undoable edit."""
        snapshots = _snapshots_api()
        if snapshots is None:
            self.message_bar.show_message(_("Snapshots are not available in this version."), "info")
            return False
        name = ask_snapshot_name(self)
        if not name:
            return False
        try:
            command = self.controller.read(lambda session: snapshots.save_grid_snapshot_command(session, name))
            self.controller.execute(command, self)
        except PlannerError as error:
            self.message_bar.show_message(str(error))
            return False
        self._reload_snapshots()
        return True

    def compare_with(self, snapshot_id: str | None) -> None:
        """Draw arrows from each moved stakeholder's cell in this snapshot (None: no comparison)."""
        number = self.compare_combo.findData(snapshot_id)
        self.compare_combo.setCurrentIndex(max(number, 0))

    # -- handlers ---------------------------------------------------------------------------------------

    def _on_marker_dropped(self, stakeholder_id: str, influence: int, interest: int) -> None:
        self.move_stakeholder(stakeholder_id, influence, interest)

    def _on_canvas_selection_made(self, ids: list[str]) -> None:
        self._syncing = True
        try:
            self.controller.select(KIND, ids)
        finally:
            self._syncing = False

    def _on_controller_selection_changed(self, kind: str, ids: list[str]) -> None:
        if not self._syncing:
            self.canvas.set_selected_ids(ids if kind == KIND else [])

    def _on_plan_changed(self, changes: Changes, _initiator: object) -> None:
        if changes.touches(KIND) or any("snapshot" in kind for kind in changes.kinds):
            self.refresher.mark_changed()

    def _on_compare_combo_changed(self, _number: int) -> None:
        self.canvas.set_movements(self._movements())
        self.legend.arrow_note.setVisible(self.compare_combo.currentData() is not None)

    def _on_save_snapshot_triggered(self) -> None:
        self.save_snapshot()

    # -- helpers ----------------------------------------------------------------------------------------

    def _reload_snapshots(self) -> None:
        snapshots = _snapshots_api()
        summaries = self.controller.read(snapshots.list_grid_snapshots) if snapshots is not None else []
        current = self.compare_combo.currentData()
        self.compare_combo.blockSignals(True)
        try:
            self.compare_combo.clear()
            self.compare_combo.addItem(_("(none)"), None)
            for summary in summaries:
                created = str(summary.created_at)[:16]
                self.compare_combo.addItem(f"{summary.name} ({created})", summary.id)
            self.compare_combo.setCurrentIndex(max(self.compare_combo.findData(current), 0))
        finally:
            self.compare_combo.blockSignals(False)
        self.compare_combo.setEnabled(bool(summaries))
        self.save_snapshot_action.setEnabled(snapshots is not None)
        self.legend.arrow_note.setVisible(self.compare_combo.currentData() is not None)

    def _movements(self) -> list[Movement]:
        snapshot_id = self.compare_combo.currentData()
        snapshots = _snapshots_api()
        if snapshot_id is None or snapshots is None:
            return []
        try:
            moved = self.controller.read(lambda session: snapshots.grid_movements(session, snapshot_id))
        except PlannerError as error:  # the snapshot went away (undo) between listing and reading
            self.message_bar.show_message(str(error), "info")
            return []
        return [(m.stakeholder_id, m.old_influence, m.old_interest) for m in moved
                if m.old_influence is not None and m.old_interest is not None]
