"""The initiative table page: search, filter by field, add, delete, and the shared selection."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from desktop_app.dialogs import template_dialog
from desktop_app.models.initiative_table_model import NO_FIELD, InitiativeTableModel
from desktop_app.plan_controller import PlanController
from desktop_app.widgets import record_table_view
from desktop_app.widgets.accessibility import chain_focus, toolbar_controls
from desktop_app.widgets.record_table_view import RecordTableView
from planner.commands import AddRow, add_initiative_command
from planner.i18n import _
from planner.queries import choices_for


def confirm_delete(parent: QWidget | None, text: str) -> bool:
    """Ask before deleting initiatives that other rows depend on (tests replace this)."""
    return record_table_view.confirm_delete(parent, text)


class InitiativesView(RecordTableView):
    """Every initiative of the plan in a sortable table; the inspector edits the selected ones."""

    KIND = "initiative"

    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(controller, InitiativeTableModel(controller), parent)
        self.model.setParent(self)
        self.setObjectName("initiatives_view")
        self.template_action = QAction(_("Add from template…"), self)
        self.template_action.setToolTip(_("Add an initiative from a service template"))
        self.template_action.triggered.connect(self.add_from_template)
        self.toolbar.insertAction(self.delete_action, self.template_action)
        self.filter_combo.setAccessibleName(_("Field"))
        self.table.setAccessibleName(_("Initiatives"))
        chain_focus(*toolbar_controls(self.toolbar), self.table)

    def add_from_template(self) -> str | None:
        """Choose a template and add it as one undoable command; the new initiative's id, or None."""
        command = template_dialog.choose_template(self, self.controller)
        if command is None:
            return None
        self._reveal(command.initiative_id)
        self.select_ids([command.initiative_id])
        return command.initiative_id

    def search_placeholder(self) -> str:
        return _("Search code or title")

    def add_text(self) -> str:
        return _("Add initiative")

    def filter_entries(self) -> list[tuple[str, Any]]:
        fields = self.controller.read(lambda session: choices_for(session, "field"))
        return [(_("All fields"), None), *((name, key) for key, name in fields), (_("No field"), NO_FIELD)]

    def filter_kinds(self) -> tuple[str, ...]:
        return ("field",)

    def new_row_command(self, session: Session) -> AddRow:
        return add_initiative_command(session, field_id=self.proxy.filter_value or None)

    def ask_to_delete(self, text: str) -> bool:
        return confirm_delete(self, text)
