"""The inspector's linked items: an initiative's stakeholders and roles, or a stakeholder's initiatives and dates."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.plan_controller import PlanController
from desktop_app.widgets.muted_text import mute
from desktop_app.widgets.refresh_when_shown import StaleRefresher
from planner.commands import Changes
from planner.errors import PlannerError
from planner.i18n import _
from planner.model.vocabulary import RACI_ROLES, label
from planner.months import YearMonth
from planner.stakeholders.linked import (
    LinkedInitiative,
    LinkedStakeholder,
    initiative_stakeholders,
    stakeholder_initiatives,
)

ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # the id of the item a row stands for
CRITICAL_MARK = "◆"  # before "Critical", so criticality is not told by colour alone
_CRITICAL_COLOUR = QColor("#B3261E")
# Kinds whose change may alter what the panel lists (the schedule moves dates and criticality).
WATCHED_KINDS = ("raci_role", "initiative", "stakeholder", "dependency", "milestone", "plan")


def month_text(index: int) -> str:
    """A month index as the interface language writes the month."""
    return YearMonth.from_index(index).label()


class LinkedPanelView(QWidget):
    """Shown under the inspector's form for one selected initiative or stakeholder; hidden otherwise.
    Clicking a row selects that stakeholder or initiative."""

    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("linked_panel_view")
        self.controller = controller
        self.kind = ""  # "initiative" or "stakeholder": what the panel is about ("" when hidden)
        self.item_id = ""
        self.rows: list[LinkedStakeholder] | list[LinkedInitiative] = []

        self.title_label = QLabel()
        self.title_label.setObjectName("linked_title_label")
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("linked_empty_label")
        self.empty_label.setWordWrap(True)
        mute(self.empty_label)
        self.tree = QTreeWidget()
        self.tree.setObjectName("linked_tree")
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        self.tree.itemClicked.connect(self._on_tree_item_clicked)
        self.tree.itemActivated.connect(self._on_tree_item_clicked)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.setSpacing(4)
        layout.addWidget(self.title_label)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.tree, 1)

        controller.selection_changed.connect(self._on_selection_changed)
        controller.plan_changed.connect(self._on_plan_changed)
        controller.document_replaced.connect(self.refresh)
        self.refresher = StaleRefresher(self, self.refresh)
        self.show_selection(controller.selection_kind, controller.selection_ids)

    # -- public -----------------------------------------------------------------------------------------

    def show_selection(self, kind: str, ids: Sequence[str]) -> None:
        """Follow the shared selection: one initiative or one stakeholder shows its links."""
        if kind in ("initiative", "stakeholder") and len(ids) == 1:
            self.kind, self.item_id = kind, ids[0]
        else:
            self.kind, self.item_id = "", ""
        self.refresh()

    def refresh(self) -> None:
        """Read the links of the shown item again."""
        self.refresher.mark_refreshed()
        rows: list[LinkedStakeholder] | list[LinkedInitiative] = []
        if self.kind:
            query = initiative_stakeholders if self.kind == "initiative" else stakeholder_initiatives
            try:
                rows = self.controller.read(lambda session: query(session, self.item_id))
            except PlannerError:
                self.kind, self.item_id = "", ""  # gone from the plan, or the plan is closed
        self.rows = rows
        self.setVisible(bool(self.kind))
        if self.kind == "initiative":
            self._show_stakeholders(rows)  # type: ignore[arg-type]
        elif self.kind == "stakeholder":
            self._show_initiatives(rows)  # type: ignore[arg-type]

    def row_texts(self) -> list[list[str]]:
        """The text of every cell, row by row (for tests and accessibility checks)."""
        return [[self.tree.topLevelItem(n).text(c) for c in range(self.tree.columnCount())]
                for n in range(self.tree.topLevelItemCount())]

    # -- filling ----------------------------------------------------------------------------------------

    def _fill(self, title: str, empty: str, headers: list[str], rows: list[tuple[str, list[str], str]]) -> None:
        self.title_label.setText(title)
        self.tree.setAccessibleName(title)
        self.empty_label.setText(empty)
        self.empty_label.setVisible(not rows)
        self.tree.setVisible(bool(rows))
        self.tree.clear()
        self.tree.setColumnCount(len(headers))
        self.tree.setHeaderLabels(headers)
        for item_id, texts, tooltip in rows:
            item = QTreeWidgetItem(texts)
            item.setData(0, ID_ROLE, item_id)
            for column in range(len(texts)):
                item.setToolTip(column, tooltip)
            self.tree.addTopLevelItem(item)
        self.tree.setFixedHeight(self._tree_height(len(rows)))

    def _tree_height(self, count: int) -> int:
        row = self.tree.sizeHintForRow(0) if count else self.fontMetrics().height() + 6
        header = self.tree.header().sizeHint().height()
        return header + row * min(max(count, 1), 8) + 2 * self.tree.frameWidth() + 2

    def _show_stakeholders(self, rows: list[LinkedStakeholder]) -> None:
        self._fill(
            _("Stakeholders ({count})").format(count=len(rows)),
            _("No stakeholder has a RACI role on this initiative."),
            [_("Name"), _("Role"), _("Organisation"), _("Contact")],
            [(row.id, [row.name, row.role, row.organisation, row.contact],
              f"{row.name} — {label(RACI_ROLES, row.role)}") for row in rows],
        )

    def _show_initiatives(self, rows: list[LinkedInitiative]) -> None:
        self._fill(
            _("Initiatives ({count})").format(count=len(rows)),
            _("This stakeholder has no RACI role on any initiative."),
            [_("Code"), _("Title"), _("Role"), _("Schedule"), _("Critical"), _("Float")],
            [(row.id,
              [row.code, row.title, row.role, f"{month_text(row.start)}–{month_text(row.finish)}",
               f"{CRITICAL_MARK} {_('Critical')}" if row.critical else "",
               _("{months} mo").format(months=row.total_float)],
              f"{row.code} {row.title} — {label(RACI_ROLES, row.role)}") for row in rows],
        )
        for number, row in enumerate(rows):
            if row.critical:
                item = self.tree.topLevelItem(number)
                item.setForeground(4, QBrush(_CRITICAL_COLOUR))
                font = QFont(self.tree.font())
                font.setBold(True)
                item.setFont(4, font)

    # -- handlers ---------------------------------------------------------------------------------------

    def _on_tree_item_clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        target = "stakeholder" if self.kind == "initiative" else "initiative"
        item_id = str(item.data(0, ID_ROLE))
        # After the click has been handled: the new selection refills this tree, deleting the clicked item.
        QTimer.singleShot(0, lambda: self.controller.select(target, [item_id]))

    def _on_selection_changed(self, kind: str, ids: list[str]) -> None:
        self.show_selection(kind, ids)

    def _on_plan_changed(self, changes: Changes, _initiator: object) -> None:
        if self.kind and (changes.touches(*WATCHED_KINDS) or changes.affects_schedule):
            self.refresher.mark_changed()
