"""The RACI page: the initiatives × stakeholders matrix, edited cell by cell, beside the rules it breaks."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, QModelIndex, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QMenu,
    QSizePolicy,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop_app.plan_controller import PlanController
from desktop_app.views.raci.raci_cell_delegate import RaciCellDelegate
from desktop_app.views.raci.raci_findings_view import RaciFindingsView
from desktop_app.views.raci.raci_header_view import RotatedHeaderView
from desktop_app.views.raci.raci_matrix_model import RaciMatrixModel, RaciSnapshot, read_raci_snapshot
from desktop_app.views.raci.raci_style import ROLE_COLOURS, ROLES
from desktop_app.widgets.message_bar_view import MessageBarView
from desktop_app.widgets.muted_text import mute
from desktop_app.widgets.refresh_when_shown import StaleRefresher
from desktop_app.widgets.selection_sync import syncing_selection
from planner.commands import Changes, Command, CompositeCommand
from planner.errors import PlannerError
from planner.i18n import _
from planner.model.vocabulary import RACI_ROLES, SECTORS, label
from planner.stakeholders.raci import RaciFinding, set_raci_role_command

# Kinds whose change alters the matrix or its findings.
WATCHED_KINDS = ("raci_role", "initiative", "stakeholder", "field")
_ROLE_KEYS = {Qt.Key.Key_R: "R", Qt.Key.Key_A: "A", Qt.Key.Key_C: "C", Qt.Key.Key_I: "I"}
_CLEAR_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)


def legend_html() -> str:
    """The four roles as coloured letters with their names."""
    chips = [
        f'<span style="background:{ROLE_COLOURS[role][0]}; color:{ROLE_COLOURS[role][1]}; font-weight:bold;">'
        f"&nbsp;{role}&nbsp;</span>&nbsp;{label(RACI_ROLES, role)}"
        for role in ROLES
    ]
    return "&nbsp;&nbsp;&nbsp;".join(chips)


class RaciView(QWidget):
    """Type R, A, C or I in a cell to set the role, Delete or Backspace to clear it, or right-click (or
    double-click) for a menu; each edit is one undo entry. Rows are shared as the initiative selection,
    a clicked column header as the stakeholder selection."""

    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("raci_view")
        self.controller = controller
        self._syncing = False
        self._header_pressed = False

        self.model = RaciMatrixModel(self)

        self.field_combo = QComboBox()
        self.field_combo.setObjectName("field_combo")
        self.field_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.field_combo.currentIndexChanged.connect(self._on_filter_changed)
        self.sector_combo = QComboBox()
        self.sector_combo.setObjectName("sector_combo")
        self.sector_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.sector_combo.currentIndexChanged.connect(self._on_filter_changed)
        self.legend_label = QLabel(legend_html())
        self.legend_label.setObjectName("legend_label")
        self.legend_label.setTextFormat(Qt.TextFormat.RichText)
        hint = QLabel(_("Type R, A, C or I to set a role, Delete to clear it; right-click for a menu."))
        hint.setContentsMargins(8, 0, 8, 0)
        mute(hint)

        self.toolbar = QToolBar()
        self.toolbar.setMovable(False)
        self.toolbar.addWidget(self.field_combo)
        self.toolbar.addWidget(self.sector_combo)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.toolbar.addWidget(self.legend_label)

        self.message_bar = MessageBarView("warning")

        self.table = QTableView()
        self.table.setObjectName("raci_table")
        self.table.setAccessibleName(_("RACI"))
        self.table.setAccessibleDescription(hint.text())
        self.field_combo.setAccessibleName(_("Field"))
        self.sector_combo.setAccessibleName(_("Sector"))
        self.header = RotatedHeaderView(self.table, max_chars=16)
        self.table.setHorizontalHeader(self.header)
        self.table.setModel(self.model)
        self.table.setItemDelegate(RaciCellDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        metrics = self.fontMetrics()
        self.header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.header.setDefaultSectionSize(metrics.height() + 16)
        vertical = self.table.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(int(metrics.height() * 1.7))
        vertical.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        vertical.setTextElideMode(Qt.TextElideMode.ElideRight)
        vertical.setMaximumWidth(metrics.averageCharWidth() * 46)
        vertical.setHighlightSections(True)

        self.findings_view = RaciFindingsView()
        self.findings_view.finding_clicked.connect(self._on_finding_clicked)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.findings_view)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setSizes([1000, 360])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.message_bar)
        layout.addWidget(hint)
        layout.addWidget(self.splitter, 1)

        self.table.installEventFilter(self)
        self.header.viewport().installEventFilter(self)
        self.table.customContextMenuRequested.connect(self._on_table_context_menu_requested)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.table.selectionModel().currentChanged.connect(self._on_current_changed)
        self.header.sectionClicked.connect(self._on_header_section_clicked)
        controller.plan_changed.connect(self._on_plan_changed)
        controller.selection_changed.connect(self._on_controller_selection_changed)
        controller.document_replaced.connect(self.refresh)
        self.refresher = StaleRefresher(self, self.refresh)
        self.refresh()

    # -- reading ----------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the matrix and its findings again, keeping the current cell and the filters."""
        current = self.current_cell()
        try:
            snapshot = self.controller.read(read_raci_snapshot)
        except PlannerError:
            return  # the plan is closed
        self.model.set_snapshot(snapshot)
        self.findings_view.set_findings(snapshot.findings)
        self._reload_filter_entries(snapshot)
        self._apply_filters()
        if current is not None and self.table.currentIndex() != self._index_of(*current):
            with syncing_selection(self):
                index = self._index_of(*current)
                if index.isValid():
                    self.table.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.refresher.mark_refreshed()

    @property
    def snapshot(self) -> RaciSnapshot:
        return self.model.snapshot

    def findings(self) -> list[RaciFinding]:
        """The findings the panel lists."""
        return self.findings_view.findings()

    def current_cell(self) -> tuple[str, str] | None:
        """(initiative id, stakeholder id) of the current cell."""
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.initiative_id(index.row()), self.model.stakeholder_id(index.column())

    # -- editing ----------------------------------------------------------------------------------------

    def set_role(self, initiative_id: str, stakeholder_id: str, role: str | None) -> bool:
        """Give one cell a role (None clears it) as one undo entry; False when refused or nothing changed."""
        return self._set_roles([(initiative_id, stakeholder_id)], role)

    def set_selected_roles(self, role: str | None) -> bool:
        """Give every selected cell (or the current one) the role, as one undo entry."""
        return self._set_roles(self._target_cells(), role)

    def _target_cells(self) -> list[tuple[str, str]]:
        current = self.table.currentIndex()
        selected = [index for index in self.table.selectionModel().selectedIndexes()
                    if not self.table.isRowHidden(index.row()) and not self.table.isColumnHidden(index.column())]
        if current.isValid() and current not in selected:
            selected = [current]
        cells = sorted((index.row(), index.column()) for index in selected)
        return [(self.model.initiative_id(row), self.model.stakeholder_id(column)) for row, column in cells]

    def _set_roles(self, cells: Sequence[tuple[str, str]], role: str | None) -> bool:
        cells = [cell for cell in cells if self.model.snapshot.matrix.role(*cell) != role]
        if not cells:
            return False

        def build(session: object) -> Command:
            commands = [set_raci_role_command(session, i, s, role) for i, s in cells]  # type: ignore[arg-type]
            if len(commands) == 1:
                return commands[0]
            text = (_("Set {count} RACI roles to {role}").format(count=len(commands), role=role) if role
                    else _("Clear {count} RACI roles").format(count=len(commands)))
            return CompositeCommand(text, commands)

        try:
            command = self.controller.read(build)
            self.controller.execute(command, self)
        except PlannerError as error:
            self.message_bar.show_message(str(error))
            return False
        self.message_bar.hide()
        return True

    def cell_menu(self, index: QModelIndex) -> QMenu:
        """The menu of a cell: R, A, C, I or no role (the current one checked), for the selected cells."""
        menu = QMenu(self)
        group = QActionGroup(menu)
        current = index.data(Qt.ItemDataRole.DisplayRole) or None
        for role in (*ROLES, None):
            text = f"{role}  {label(RACI_ROLES, role)}" if role else _("No role")
            action = QAction(text, menu)
            action.setCheckable(True)
            action.setChecked(role == current)
            action.setData(role)
            group.addAction(action)
            action.triggered.connect(lambda _checked=False, role=role: self.set_selected_roles(role))
            menu.addAction(action)
        return menu

    # -- filters ----------------------------------------------------------------------------------------

    def _reload_filter_entries(self, snapshot: RaciSnapshot) -> None:
        sectors = sorted({holder.sector for holder in snapshot.matrix.stakeholders},
                         key=lambda code: list(SECTORS).index(code) if code in SECTORS else len(SECTORS))
        for combo, entries in (
            (self.field_combo, [(_("All fields"), None), *[(name, field_id) for field_id, name in snapshot.fields]]),
            (self.sector_combo, [(_("All sectors"), None), *[(label(SECTORS, code), code) for code in sectors]]),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            try:
                combo.clear()
                for text, value in entries:
                    combo.addItem(text, value)
                combo.setCurrentIndex(next((n for n, (_t, value) in enumerate(entries) if value == current), 0))
            finally:
                combo.blockSignals(False)

    def _apply_filters(self) -> None:
        field_id, sector = self.field_combo.currentData(), self.sector_combo.currentData()
        snapshot = self.model.snapshot
        for row, item in enumerate(snapshot.matrix.initiatives):
            self.table.setRowHidden(row, field_id is not None and snapshot.initiative_fields.get(item.id) != field_id)
        for column, holder in enumerate(snapshot.matrix.stakeholders):
            self.table.setColumnHidden(column, sector is not None and holder.sector != sector)

    def _reveal(self, row: int, column: int) -> None:
        """Clear a filter that hides this row or column."""
        if row >= 0 and self.table.isRowHidden(row):
            self.field_combo.setCurrentIndex(0)
        if column >= 0 and self.table.isColumnHidden(column):
            self.sector_combo.setCurrentIndex(0)

    def _on_filter_changed(self, _number: int) -> None:
        self._apply_filters()

    # -- selection --------------------------------------------------------------------------------------


    def _index_of(self, initiative_id: str, stakeholder_id: str) -> QModelIndex:
        row, column = self.model.row_of(initiative_id), self.model.column_of(stakeholder_id)
        return self.model.index(row, column) if row >= 0 and column >= 0 else QModelIndex()

    def _first_visible_column(self) -> int:
        current = self.table.currentIndex()
        if current.isValid() and not self.table.isColumnHidden(current.column()):
            return current.column()
        return next((c for c in range(self.model.columnCount()) if not self.table.isColumnHidden(c)), -1)

    def _first_visible_row(self) -> int:
        current = self.table.currentIndex()
        if current.isValid() and not self.table.isRowHidden(current.row()):
            return current.row()
        return next((r for r in range(self.model.rowCount()) if not self.table.isRowHidden(r)), -1)

    def select_row(self, row: int) -> None:
        """Select an initiative's row (keeping the current column) and scroll to it."""
        self._reveal(row, -1)
        column = self._first_visible_column()
        if row < 0 or column < 0:
            return
        index = self.model.index(row, column)
        selection = QItemSelection(self.model.index(row, 0), self.model.index(row, self.model.columnCount() - 1))
        model = self.table.selectionModel()
        model.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        model.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
        self.table.scrollTo(index)

    def select_column(self, column: int) -> None:
        """Select a stakeholder's column (keeping the current row) and scroll to it."""
        self._reveal(-1, column)
        row = self._first_visible_row()
        if row < 0 or column < 0:
            return
        index = self.model.index(row, column)
        selection = QItemSelection(self.model.index(0, column), self.model.index(self.model.rowCount() - 1, column))
        model = self.table.selectionModel()
        model.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        model.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
        self.table.scrollTo(index)

    def select_cell(self, row: int, column: int) -> None:
        self._reveal(row, column)
        index = self.model.index(row, column)
        self.table.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.table.scrollTo(index)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing or self._header_pressed or not current.isValid():
            return
        self.controller.select("initiative", [self.model.initiative_id(current.row())])

    def _on_header_section_clicked(self, column: int) -> None:
        self._header_pressed = False
        if 0 <= column < self.model.columnCount():
            self.controller.select("stakeholder", [self.model.stakeholder_id(column)])

    def _on_controller_selection_changed(self, kind: str, ids: list[str]) -> None:
        if self._syncing or not ids:
            return
        current = self.table.currentIndex()
        with syncing_selection(self):
            if kind == "initiative":
                if current.isValid() and self.model.initiative_id(current.row()) in ids:
                    return
                self.select_row(self.model.row_of(ids[0]))
            elif kind == "stakeholder":
                column = self.model.column_of(ids[0])
                if column < 0 or self.table.selectionModel().isColumnSelected(column, QModelIndex()):
                    return
                self.select_column(column)

    def _on_finding_clicked(self, finding: RaciFinding) -> None:
        row = self.model.row_of(finding.initiative_id) if finding.initiative_id else -1
        column = self.model.column_of(finding.stakeholder_id) if finding.stakeholder_id else -1
        with syncing_selection(self):
            if row >= 0 and column >= 0:
                self.select_cell(row, column)
            elif row >= 0:
                self.select_row(row)
            elif column >= 0:
                self.select_column(column)
        if row >= 0:
            self.controller.select("initiative", [finding.initiative_id or ""])
        elif column >= 0:
            self.controller.select("stakeholder", [finding.stakeholder_id or ""])
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- events -----------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.header.viewport():
            if event.type() == QEvent.Type.MouseButtonPress:
                self._header_pressed = True
            elif event.type() == QEvent.Type.MouseButtonRelease:
                self._header_pressed = False
            return False
        if watched is self.table and isinstance(event, QKeyEvent):
            role = self._key_role(event)
            if role is not None and event.type() == QEvent.Type.ShortcutOverride:
                event.accept()
                return True
            if role is not None and event.type() == QEvent.Type.KeyPress:
                self.set_selected_roles(role or None)
                return True
        return super().eventFilter(watched, event)

    def _key_role(self, event: QKeyEvent) -> str | None:
        """"R", "A", "C", "I" for a role key, "" for a clearing key, None for any other key."""
        modifiers = event.modifiers() & ~(Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier)
        if modifiers != Qt.KeyboardModifier.NoModifier or not self.table.currentIndex().isValid():
            return None
        key = Qt.Key(event.key())
        if key in _ROLE_KEYS:
            return _ROLE_KEYS[key]
        if key in _CLEAR_KEYS:
            return ""
        return None

    def _on_table_context_menu_requested(self, position: QPoint) -> None:
        index = self.table.indexAt(position)
        if not index.isValid():
            return
        if index not in self.table.selectionModel().selectedIndexes():
            self.table.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self._exec_menu(index, position)

    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self._exec_menu(index, self.table.visualRect(index).bottomLeft())

    def _exec_menu(self, index: QModelIndex, position: QPoint) -> None:
        menu = self.cell_menu(index)
        menu.exec(self.table.viewport().mapToGlobal(position))
        menu.deleteLater()

    def _on_plan_changed(self, changes: Changes, _initiator: object) -> None:
        if changes.touches(*WATCHED_KINDS):
            self.refresher.mark_changed()

