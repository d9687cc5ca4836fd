"""A table page for one kind of row: search box, filter combo, Add and Delete, a sortable table, shared selection."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeyEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSizePolicy,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.models.record_filter_proxy_model import RecordFilterProxyModel
from desktop_app.models.snapshot_table_model import ID_ROLE, SnapshotTableModel
from desktop_app.plan_controller import PlanController
from desktop_app.widgets.accessibility import chain_focus, toolbar_controls
from desktop_app.widgets.busy import is_large
from desktop_app.widgets.find_shortcut import ClaimsFindShortcut
from desktop_app.widgets.muted_text import mute
from desktop_app.widgets.selection_sync import syncing_selection
from planner.commands import AddRow, Changes, DeleteRows
from planner.commands.rows import GENERIC_REFERENCES
from planner.errors import PlannerError
from planner.i18n import N_, _
from planner.model import ENTITY_CLASSES

SEARCH_PAUSE_MS = 180  # a large table filters once typing has paused this long

# What the rows that depend on a deleted row are called in the confirmation.
DEPENDENT_LABELS = {
    "initiative": N_("Initiatives"),
    "stakeholder": N_("Stakeholders"),
    "field": N_("Fields"),
    "strategy": N_("Strategies"),
    "milestone": N_("Milestones"),
    "dependency": N_("Dependencies"),
    "stakeholder_relation": N_("Stakeholder relations"),
    "raci_role": N_("RACI roles"),
    "budget_line": N_("Budget lines"),
    "budget_total": N_("Budget totals"),
    "presentation_slide": N_("Slides"),
    "workshop_rating": N_("Workshop ratings"),
    "workshop_round": N_("Workshop rounds"),
    "workshop_round_item": N_("Workshop round entries"),
    "sticky_note": N_("Sticky notes"),
    "funding_rule": N_("Funding rules"),
    "kpi": N_("KPIs"),
    "kpi_target": N_("KPI targets"),
    "risk": N_("Risks"),
    "checklist_answer": N_("Checklist answers"),
    "comment": N_("Comments"),
    "narrative_section": N_("Narrative sections"),
}


def confirm_delete(parent: QWidget | None, text: str) -> bool:
    """Ask whether to delete rows that others depend on; True to go ahead."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("Delete"))
    box.setText(text)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Yes).setText(_("Delete"))
    box.button(QMessageBox.StandardButton.Cancel).setText(_("Cancel"))
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box.exec() == QMessageBox.StandardButton.Yes


def show_refusal(parent: QWidget | None, text: str) -> None:
    """Tell the user why the plan refused an edit."""
    QMessageBox.warning(parent, _("The change was not made"), text)


def dependents_of(session: Session, kind: str, ids: Sequence[str]) -> dict[tuple[str, bool], int]:
    """Rows that refer to any of `ids`: {(kind, deleted along with them?): count}. One level deep."""
    target = ENTITY_CLASSES[kind].__table__
    found: dict[tuple[str, bool], set[str]] = {}
    wanted = list(ids)
    for child_kind, child_class in ENTITY_CLASSES.items():
        child = child_class.__table__
        for key in child.foreign_keys:  # type: ignore[attr-defined]
            if key.column.table is not target:
                continue
            query = select(child.c.id).where(key.parent.in_(wanted))
            if child_kind == kind:
                query = query.where(child.c.id.not_in(wanted))
            rows = set(session.execute(query).scalars())
            if rows:
                found.setdefault((child_kind, key.ondelete == "CASCADE"), set()).update(rows)
    for ref_kind, column in GENERIC_REFERENCES:
        table = ENTITY_CLASSES[ref_kind].__table__
        rows = set(session.execute(select(table.c.id).where(table.c[column].in_(wanted))).scalars())
        if rows:
            found.setdefault((ref_kind, True), set()).update(rows)
    return {key: len(rows) for key, rows in found.items()}


def dependents_text(count: int, dependents: dict[tuple[str, bool], int]) -> str:
    """The confirmation text listing what else a delete removes or unlinks."""
    def lines(deleted: bool) -> list[str]:
        return [
            f"  • {_(DEPENDENT_LABELS.get(kind, kind))}: {number:,}"
            for (kind, cascade), number in sorted(dependents.items()) if cascade == deleted
        ]

    parts = [_("Delete {count} selected rows?").format(count=count) if count > 1 else _("Delete the selected row?")]
    removed, unlinked = lines(True), lines(False)
    if removed:
        parts += ["", _("This also deletes:"), *removed]
    if unlinked:
        parts += ["", _("These will no longer refer to it:"), *unlinked]
    parts += ["", _("You can undo this.")]
    return "\n".join(parts)


class RecordTableView(ClaimsFindShortcut, QWidget):
    """Subclasses give the kind, the model, the filter entries and the values of a new row."""

    inspector_requested = Signal()  # double-click or Enter on a row: show the inspector

    KIND = ""

    def __init__(self, controller: PlanController, model: SnapshotTableModel[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.model = model
        self._syncing = False
        self._fitting = False
        self._user_sized_columns = False

        self.proxy = self.make_proxy()
        self.proxy.setSourceModel(model)

        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("search_edit")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.search_placeholder())
        self.search_edit.setMinimumWidth(self.fontMetrics().averageCharWidth() * 28)
        self.search_edit.textChanged.connect(self._on_search_text_changed)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_PAUSE_MS)
        self._search_timer.timeout.connect(self._on_search_timer_timeout)

        self.filter_combo = QComboBox()
        self.filter_combo.setObjectName("filter_combo")
        self.filter_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.filter_combo.setAccessibleName(_("Filter"))
        self.filter_combo.currentIndexChanged.connect(self._on_filter_combo_changed)

        self.count_label = QLabel()
        self.count_label.setObjectName("count_label")
        mute(self.count_label)

        self.add_action = QAction(self.add_text(), self)
        self.add_action.setToolTip(self.add_text())
        self.add_action.triggered.connect(self._on_add_action_triggered)
        self.delete_action = QAction(_("Delete"), self)
        self.delete_action.setToolTip(_("Delete the selected rows (Del)"))
        self.delete_action.triggered.connect(self._on_delete_action_triggered)

        self.toolbar = QToolBar()
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addWidget(self.search_edit)
        self.toolbar.addWidget(self.filter_combo)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.spacer_action = self.toolbar.addWidget(spacer)  # subclasses insert their own widgets before it
        self.toolbar.addWidget(self.count_label)
        self.toolbar.addAction(self.add_action)
        self.toolbar.addAction(self.delete_action)

        self.table = QTableView()
        self.table.setObjectName("table")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(int(self.fontMetrics().height() * 1.8))
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the plan's own order until a header is clicked
        self.table.setSortingEnabled(True)
        self._set_column_widths()
        header.sectionResized.connect(self._on_header_section_resized)

        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.table.installEventFilter(self)
        chain_focus(*toolbar_controls(self.toolbar), self.table)  # Tab: the toolbar left to right, then the table

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.table)

        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset, self.proxy.layoutChanged):
            signal.connect(self._update_count)
        model.refreshed.connect(self._on_model_refreshed)
        controller.selection_changed.connect(self._on_controller_selection_changed)
        controller.plan_changed.connect(self._on_plan_changed)
        controller.document_replaced.connect(self._reload_filter_entries)
        self._reload_filter_entries()
        self._update_count()
        self._update_actions()
        if controller.selection_kind == self.KIND:
            self._on_controller_selection_changed(self.KIND, controller.selection_ids)

    # -- for subclasses ---------------------------------------------------------------------------------

    def search_placeholder(self) -> str:
        return _("Search")

    def add_text(self) -> str:
        return _("Add")

    def filter_entries(self) -> list[tuple[str, Any]]:
        """(text, value) pairs of the filter combo; the first should be 'all' with value None."""
        return [(_("All"), None)]

    def filter_kinds(self) -> tuple[str, ...]:
        """Kinds whose change alters the filter entries."""
        return ()

    def make_proxy(self) -> RecordFilterProxyModel:
        """The search-and-filter proxy over the model (a subclass may filter on more)."""
        return RecordFilterProxyModel(self)

    def new_row_values(self, session: Session) -> dict[str, Any]:
        """The values of a row added with the Add button."""
        raise NotImplementedError

    def new_row_command(self, session: Session) -> AddRow:
        """The command the Add button executes (by default an AddRow of new_row_values)."""
        return AddRow(self.KIND, self.new_row_values(session))

    def ask_to_delete(self, text: str) -> bool:
        return confirm_delete(self, text)

    def stretch_column(self) -> int:
        """The column that takes up spare width (title, name)."""
        return 1

    # -- public -----------------------------------------------------------------------------------------

    def focus_search(self) -> None:
        """Put the cursor in the search box (Ctrl+F)."""
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def selected_ids(self) -> list[str]:
        """Ids of the selected rows, in the order shown."""
        rows = sorted(self.table.selectionModel().selectedRows(), key=lambda index: index.row())
        return [str(index.data(ID_ROLE)) for index in rows]

    def select_ids(self, ids: Sequence[str]) -> None:
        """Select the rows with these ids (those the search and filter show) and scroll to the first."""
        selection = QItemSelection()
        first: QModelIndex | None = None
        for row_id in ids:
            source_row = self.model.row_of(row_id)
            if source_row < 0:
                continue
            index = self.proxy.mapFromSource(self.model.index(source_row, 0))
            if not index.isValid():
                continue
            selection.select(index, index)
            first = first or index
        selection_model = self.table.selectionModel()
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        selection_model.select(selection, flags)
        if first is not None:
            selection_model.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.table.scrollTo(first)

    def add_row(self) -> str | None:
        """Add a row with sensible values as one undoable command, show and select it; its id, or None."""
        try:
            command = self.controller.read(self.new_row_command)
            self.controller.execute(command, self)
        except PlannerError as error:
            show_refusal(self, str(error))
            return None
        self._reveal(command.row_id)
        self.select_ids([command.row_id])
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        return command.row_id

    def delete_selected(self) -> bool:
        """Delete the selected rows as one undoable command (asking first when others depend on them)."""
        ids = self.selected_ids()
        if not ids:
            return False
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        dependents = self.controller.read(lambda session: dependents_of(session, self.KIND, ids))
        if dependents and not self.ask_to_delete(dependents_text(len(ids), dependents)):
            return False
        try:
            self.controller.execute(DeleteRows(self.KIND, ids), self)
        except PlannerError as error:
            show_refusal(self, str(error))
            return False
        if self.proxy.rowCount() and rows:
            neighbour = self.proxy.index(min(rows[0], self.proxy.rowCount() - 1), 0)
            self.select_ids([str(neighbour.data(ID_ROLE))])
        return True

    # -- keyboard ---------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In the table: Del deletes the selected rows, Enter asks for the inspector."""
        if watched is self.table and isinstance(event, QKeyEvent):
            action = self._table_key_action(event)
            if action is not None and event.type() == QEvent.Type.ShortcutOverride:
                event.accept()
                return True
            if action is not None and event.type() == QEvent.Type.KeyPress:
                action()
                return True
        return super().eventFilter(watched, event)

    def _table_key_action(self, event: QKeyEvent) -> Callable[[], object] | None:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers != Qt.KeyboardModifier.NoModifier:
            return None
        if event.key() == Qt.Key.Key_Delete:
            return self.delete_selected
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return self._request_inspector
        return None

    def _request_inspector(self) -> None:
        if self.selected_ids():
            self.inspector_requested.emit()

    # -- handlers ---------------------------------------------------------------------------------------

    def _on_table_selection_changed(self, *_args: object) -> None:
        self._update_actions()
        if not self._syncing:
            self.controller.select(self.KIND, self.selected_ids())

    def _on_controller_selection_changed(self, kind: str, ids: list[str]) -> None:
        wanted = list(ids) if kind == self.KIND else []
        if wanted == self.selected_ids():
            return
        with syncing_selection(self):
            self.select_ids(wanted)
        self._update_actions()

    def _on_model_refreshed(self) -> None:
        """Rows deleted (or brought back by undo): drop vanished ids from the shared selection."""
        if not self._widths_from_rows and not self._user_sized_columns and self.model.rowCount():
            self._set_column_widths()
            self._fit_columns()
        if self.controller.selection_kind != self.KIND:
            return
        existing = [row_id for row_id in self.controller.selection_ids if self.model.row_of(row_id) >= 0]
        if existing != self.controller.selection_ids:
            self.controller.select(self.KIND, existing)

    def _on_plan_changed(self, changes: Changes, _initiator: object) -> None:
        if changes.touches(*self.filter_kinds()):
            self._reload_filter_entries()

    def _on_table_double_clicked(self, _index: QModelIndex) -> None:
        self.inspector_requested.emit()

    def _on_search_text_changed(self, text: str) -> None:
        if is_large(self.model.rowCount()):  # thousands of rows: filter once typing pauses, not per keystroke
            self._search_timer.start()
        else:
            self._search_timer.stop()
            self.proxy.set_search_text(text)

    def _on_search_timer_timeout(self) -> None:
        self.proxy.set_search_text(self.search_edit.text())

    def _on_filter_combo_changed(self, _number: int) -> None:
        self.proxy.set_filter_value(self.filter_combo.currentData())

    def _on_add_action_triggered(self) -> None:
        self.add_row()

    def _on_delete_action_triggered(self) -> None:
        self.delete_selected()

    def _on_header_section_resized(self, *_args: object) -> None:
        if not self._fitting:
            self._user_sized_columns = True

    # -- helpers ----------------------------------------------------------------------------------------

    def _reload_filter_entries(self) -> None:
        current = self.filter_combo.currentData()
        entries = self.filter_entries()
        self.filter_combo.blockSignals(True)
        try:
            self.filter_combo.clear()
            for text, value in entries:
                self.filter_combo.addItem(text, value)
            number = next((n for n, (_text, value) in enumerate(entries) if value == current), 0)
            self.filter_combo.setCurrentIndex(number)
        finally:
            self.filter_combo.blockSignals(False)
        self.proxy.set_filter_value(self.filter_combo.currentData())

    def _reveal(self, row_id: str) -> None:
        """Clear the search and then the filter if they hide this row."""
        def hidden() -> bool:
            return not self.proxy.mapFromSource(self.model.index(self.model.row_of(row_id), 0)).isValid()

        if hidden() and self.search_edit.text():
            self.search_edit.clear()
        if hidden() and self.filter_combo.currentIndex() != 0:
            self.filter_combo.setCurrentIndex(0)

    def _update_count(self, *_args: object) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown == total:
            text = _("Rows: {total}").format(total=f"{total:,}")
        else:
            text = _("Rows: {shown} of {total}").format(shown=f"{shown:,}", total=f"{total:,}")
        self.count_label.setText(f"{text}   ")

    def _update_actions(self) -> None:
        self.delete_action.setEnabled(bool(self.table.selectionModel().hasSelection()))

    def _set_column_widths(self) -> None:
        """Widths from the header, the rows' text (the first few hundred) and each column's hint."""
        metrics = self.table.fontMetrics()
        average = metrics.averageCharWidth()
        padding = average * 3
        header_metrics = self.table.horizontalHeader().fontMetrics()
        rows = self.model.rows[:300]
        self._fitting = True
        try:
            for number, column in enumerate(self.model.columns):
                content = max((metrics.horizontalAdvance(column.display(row)) for row in rows), default=0)
                header_width = header_metrics.horizontalAdvance(_(column.header)) + padding + average * 2
                width = max(min(content + padding, average * column.max_chars), average * column.width_chars, header_width)
                self.table.setColumnWidth(number, width)
        finally:
            self._fitting = False
        self._base_stretch_width = self.table.columnWidth(self.stretch_column())
        self._widths_from_rows = bool(rows)

    def _fit_columns(self) -> None:
        """Give the spare width to the stretch column until the user resizes a column by hand."""
        if self._user_sized_columns:
            return
        header = self.table.horizontalHeader()
        stretch = self.stretch_column()
        others = sum(header.sectionSize(n) for n in range(header.count()) if n != stretch)
        spare = self.table.viewport().width() - others - 2
        self._fitting = True
        try:
            self.table.setColumnWidth(stretch, max(self._base_stretch_width, spare))
        finally:
            self._fitting = False

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_columns()

