"""The KPIs of the plan as a list (on the Overview): selecting one shows it, and its comments, in the inspector."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.plan_controller import PlanController
from planner.i18n import _
from planner.model import Initiative, Kpi

KPI_ID_ROLE = Qt.ItemDataRole.UserRole
MAX_SHOWN = 500  # a list on a summary page; the rest are reached through their initiatives


def read_kpis(session: Session) -> list[tuple[str, str]]:
    """(id, 'A-01 · name (unit)') of the plan's KPIs, plan-wide ones first, then by initiative code."""
    rows = session.execute(
        select(Kpi.id, Kpi.name, Kpi.unit, Initiative.code)
        .outerjoin(Initiative, Kpi.initiative_id == Initiative.id)
        .order_by(Initiative.code.is_not(None), Initiative.code, Kpi.position, Kpi.name)
        .limit(MAX_SHOWN)
    ).all()
    found = []
    for kpi_id, name, unit, code in rows:
        text = f"{name} ({unit})" if unit else name
        found.append((kpi_id, f"{code} · {text}" if code else _("Plan · {kpi}").format(kpi=text)))
    return found


class KpiListView(QListWidget):
    """One line per KPI; the current one is the controller's selection (kind "kpi")."""

    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("kpi_list")
        self.setAccessibleName(_("KPIs"))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSizeAdjustPolicy(QAbstractItemView.SizeAdjustPolicy.AdjustToContents)
        self.setMaximumHeight(int(self.fontMetrics().height() * 12))
        self.currentItemChanged.connect(self._on_current_changed)
        self.itemClicked.connect(self._on_current_changed)

    def refresh(self) -> None:
        current = self.current_kpi_id()
        kpis = self.controller.read(read_kpis)
        self.blockSignals(True)
        try:
            self.clear()
            for kpi_id, text in kpis:
                item = QListWidgetItem(text)
                item.setData(KPI_ID_ROLE, kpi_id)
                self.addItem(item)
                if kpi_id == current:
                    self.setCurrentItem(item)
        finally:
            self.blockSignals(False)
        self.setVisible(bool(kpis))

    def current_kpi_id(self) -> str | None:
        item = self.currentItem()
        return item.data(KPI_ID_ROLE) if item is not None else None

    def select_kpi(self, kpi_id: str) -> bool:
        """Make the KPI current (and so the controller's selection); False when it is not listed."""
        for row in range(self.count()):
            if self.item(row).data(KPI_ID_ROLE) == kpi_id:
                self.setCurrentRow(row)
                self._on_current_changed(self.item(row))
                return True
        return False

    def _on_current_changed(self, item: QListWidgetItem | None, *_previous: object) -> None:
        if item is not None:
            self.controller.select("kpi", [item.data(KPI_ID_ROLE)])
