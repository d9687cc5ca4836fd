"""The initiative table page: search, filter by field, add, delete, and the shared selection."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from desktop_app.models.initiative_table_model import NO_FIELD, InitiativeTableModel
from desktop_app.plan_controller import PlanController
from desktop_app.widgets import record_table_view
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
