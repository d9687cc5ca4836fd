"""The stakeholder register page: search, filter by sector, add, delete, and the shared selection."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from desktop_app.models.stakeholder_table_model import StakeholderTableModel
from desktop_app.plan_controller import PlanController
from desktop_app.widgets import record_table_view
from desktop_app.widgets.record_table_view import RecordTableView
from planner.i18n import _
from planner.model.vocabulary import SECTORS, label

DEFAULT_SECTOR = "local_government"


def confirm_delete(parent: QWidget | None, text: str) -> bool:
    """Ask before deleting stakeholders that other rows depend on (tests replace this)."""
    return record_table_view.confirm_delete(parent, text)


class StakeholdersView(RecordTableView):
    """Every stakeholder of the plan in a sortable register; the inspector edits the selected ones."""

    KIND = "stakeholder"

    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(controller, StakeholderTableModel(controller), parent)
        self.model.setParent(self)
        self.setObjectName("stakeholders_view")

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
