"""The stakeholder register page: search, filter by sector and tag, add, quick add, paste, delete, shared selection."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QComboBox, QLineEdit, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from desktop_app.models.record_filter_proxy_model import RecordFilterProxyModel
from desktop_app.models.stakeholder_table_model import StakeholderTableModel
from desktop_app.plan_controller import PlanController
from desktop_app.widgets import record_table_view
from desktop_app.widgets.accessibility import chain_focus, toolbar_controls
from desktop_app.widgets.message_bar_view import MessageBarView
from desktop_app.widgets.record_table_view import RecordTableView, show_refusal
from planner.commands import AddRow
from planner.errors import PlannerError
from planner.i18n import _
from planner.model.vocabulary import SECTORS, label

DEFAULT_SECTOR = "local_government"
MAX_PROBLEMS_SHOWN = 8


def confirm_delete(parent: QWidget | None, text: str) -> bool:
    """Ask before deleting stakeholders that other rows depend on (tests replace this)."""
    return record_table_view.confirm_delete(parent, text)


class TagFilterProxyModel(RecordFilterProxyModel):
    """The register's proxy: search and sector filter as usual, and only the rows carrying one tag when set."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tag: str | None = None

    @property
    def tag(self) -> str | None:
        return self._tag

    def set_tag(self, tag: str | None) -> None:
        if tag != self._tag:
            self.beginFilterChange()
            self._tag = tag
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not super().filterAcceptsRow(source_row, source_parent):
            return False
        model = self.sourceModel()
        if self._tag is None or not isinstance(model, StakeholderTableModel):
            return True
        return self._tag in model.row_snapshot(source_row).tags


class StakeholdersView(RecordTableView):
    """Every stakeholder of the plan in a sortable register; the inspector edits the selected ones."""

    KIND = "stakeholder"
    model: StakeholderTableModel
    proxy: TagFilterProxyModel

    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(controller, StakeholderTableModel(controller), parent)
        self.model.setParent(self)
        self.setObjectName("stakeholders_view")

        self.tag_combo = QComboBox()
        self.tag_combo.setObjectName("tag_combo")
        self.tag_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.tag_combo.setToolTip(_("Show only the stakeholders with this tag"))
        self.tag_combo.currentIndexChanged.connect(self._on_tag_combo_changed)
        self.quick_add_edit = QLineEdit()
        self.quick_add_edit.setObjectName("quick_add_edit")
        self.quick_add_edit.setPlaceholderText(_("Quick add: name, then Enter"))
        self.quick_add_edit.setToolTip(_("Type a name and press Enter to add a stakeholder"))
        self.quick_add_edit.setMinimumWidth(self.fontMetrics().averageCharWidth() * 24)
        self.quick_add_edit.returnPressed.connect(self._on_quick_add_return_pressed)
        self.toolbar.insertWidget(self.spacer_action, self.tag_combo)
        self.toolbar.insertWidget(self.spacer_action, self.quick_add_edit)

        self.paste_action = QAction(_("Paste"), self)
        self.paste_action.setToolTip(_("Add the rows copied from a spreadsheet (Ctrl+V)"))
        self.paste_action.triggered.connect(self._on_paste_action_triggered)
        self.toolbar.insertAction(self.add_action, self.paste_action)
        self.filter_combo.setAccessibleName(_("Sector"))
        self.tag_combo.setAccessibleName(_("Tag"))
        self.table.setAccessibleName(_("Stakeholders"))
        chain_focus(*toolbar_controls(self.toolbar), self.table)

        self.message_bar = MessageBarView("warning")
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(1, self.message_bar)

        self.model.refreshed.connect(self._reload_tag_entries)
        self._reload_tag_entries()

    # -- RecordTableView hooks --------------------------------------------------------------------------

    def make_proxy(self) -> TagFilterProxyModel:
        return TagFilterProxyModel(self)

    def search_placeholder(self) -> str:
        return _("Search name or organisation")

    def add_text(self) -> str:
        return _("Add stakeholder")

    def filter_entries(self) -> list[tuple[str, Any]]:
        return [(_("All sectors"), None), *((label(SECTORS, code), code) for code in SECTORS)]

    def stretch_column(self) -> int:
        return 0  # the name

    def new_row_values(self, session: Session) -> dict[str, Any]:
        return {"name": _("New stakeholder"), "sector": self.proxy.filter_value or DEFAULT_SECTOR}

    def ask_to_delete(self, text: str) -> bool:
        return confirm_delete(self, text)

    # -- public -----------------------------------------------------------------------------------------

    def quick_add(self, name: str) -> str | None:
        """Add a stakeholder called `name` with the usual defaults (and the chosen sector and tag) as one command."""
        name = name.strip()
        if not name:
            return None
        values: dict[str, Any] = {"name": name, "sector": self.proxy.filter_value or DEFAULT_SECTOR}
        if self.proxy.tag is not None:
            values["tags"] = [self.proxy.tag]
        command = AddRow(self.KIND, values, label=_("Add stakeholder"))
        try:
            self.controller.execute(command, self)
        except PlannerError as error:
            show_refusal(self, str(error))
            return None
        self._reveal(command.row_id)
        self.select_ids([command.row_id])
        return command.row_id

    def paste_text(self, text: str) -> list[str]:
        """Add the stakeholders in pasted spreadsheet text as one undoable command; the new ids.

        Rows with problems are left out and the problems are shown in the message bar."""
        from planner.stakeholders.register import add_stakeholders_command, parse_pasted_stakeholders

        pasted = parse_pasted_stakeholders(text)
        if pasted.problems:
            shown = pasted.problems[:MAX_PROBLEMS_SHOWN]
            more = len(pasted.problems) - len(shown)
            lines = [_("Some pasted rows were not added:"), *(f"  • {problem}" for problem in shown)]
            if more > 0:
                lines.append(_("…and {count} more").format(count=more))
            self.message_bar.show_message("\n".join(lines), "warning")
        else:
            self.message_bar.hide()
        if not pasted.rows:
            if not pasted.problems:
                self.message_bar.show_message(_("The clipboard holds no stakeholder rows."), "info")
            return []
        before = {row.id for row in self.model.rows}
        try:
            command = self.controller.read(lambda session: add_stakeholders_command(session, pasted.rows))
            self.controller.execute(command, self)
        except PlannerError as error:
            show_refusal(self, str(error))
            return []
        added = [row.id for row in self.model.rows if row.id not in before]
        for row_id in added[:1]:
            self._reveal(row_id)
        self.select_ids(added)
        return added

    def paste_from_clipboard(self) -> list[str]:
        return self.paste_text(QGuiApplication.clipboard().text())

    # -- keyboard ---------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In the table, Ctrl+V pastes rows copied from a spreadsheet."""
        if watched is self.table and isinstance(event, QKeyEvent) and event.matches(QKeySequence.StandardKey.Paste):
            if event.type() == QEvent.Type.ShortcutOverride:
                event.accept()
                return True
            if event.type() == QEvent.Type.KeyPress:
                self.paste_from_clipboard()
                return True
        return super().eventFilter(watched, event)

    # -- handlers ---------------------------------------------------------------------------------------

    def _on_tag_combo_changed(self, _number: int) -> None:
        self.proxy.set_tag(self.tag_combo.currentData())

    def _on_quick_add_return_pressed(self) -> None:
        if self.quick_add(self.quick_add_edit.text()) is not None:
            self.quick_add_edit.clear()

    def _on_paste_action_triggered(self) -> None:
        self.paste_from_clipboard()

    def _reload_tag_entries(self) -> None:
        current = self.tag_combo.currentData()
        tags = self.model.all_tags()
        self.tag_combo.blockSignals(True)
        try:
            self.tag_combo.clear()
            self.tag_combo.addItem(_("All tags"), None)
            for tag in tags:
                self.tag_combo.addItem(tag, tag)
            self.tag_combo.setCurrentIndex(max(self.tag_combo.findData(current), 0))
        finally:
            self.tag_combo.blockSignals(False)
        self.tag_combo.setEnabled(bool(tags))
        self.proxy.set_tag(self.tag_combo.currentData())

    def _reveal(self, row_id: str) -> None:
        super()._reveal(row_id)
        hidden = not self.proxy.mapFromSource(self.model.index(self.model.row_of(row_id), 0)).isValid()
        if hidden and self.tag_combo.currentIndex() != 0:
            self.tag_combo.setCurrentIndex(0)
