"""The Overview dashboard: the plan's key figures, its budget by year and source, and how the plan is spread."""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop_app.models.money_format import decimals_for, krw_text, million_text, million_unit
from desktop_app.plan_controller import PlanController
from desktop_app.views.kpi_list_view import KpiListView
from desktop_app.widgets.bar_list_view import BarListView
from desktop_app.widgets.muted_text import mute
from desktop_app.widgets.number_card_view import NumberCardView
from desktop_app.widgets.refresh_when_shown import StaleRefresher
from planner.budget import budget_matrix
from planner.commands import Changes
from planner.i18n import _
from planner.model.vocabulary import FUNDING_SOURCES, INITIATIVE_STATUSES, PLAN_TYPES, SECTORS, label
from planner.queries import PlanOverview, plan_overview

# Kinds of row the dashboard sums up.
OVERVIEW_KINDS = ("plan", "field", "initiative", "dependency", "stakeholder", "kpi", "budget_line")


def budget_by_year_and_source(session: Session) -> dict[int, dict[str, int]]:
    """Planned KRW summed by fiscal year and funding source (from planner.budget's matrix, the one home)."""
    table: dict[int, dict[str, int]] = defaultdict(dict)
    for (year, source), amount in budget_matrix(session).planned.items():
        table[year][source] = amount
    return dict(table)


def _read(session: Session) -> tuple[PlanOverview, dict[int, dict[str, int]]]:
    return plan_overview(session), budget_by_year_and_source(session)


def _heading(text: str, scale: float = 1.25) -> QLabel:
    heading = QLabel(text)
    font = heading.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    heading.setFont(font)
    return heading


class OverviewView(QWidget):
    """Plain widgets (no chart library at start-up), refreshed from the controller's Changes."""

    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overview_view")
        self.controller = controller
        self.overview: PlanOverview | None = None
        self.budget: dict[int, dict[str, int]] = {}
        self._refresher = StaleRefresher(self, self.refresh)

        self.title_label = _heading("", 1.9)
        self.title_label.setObjectName("title_label")
        self.title_label.setWordWrap(True)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts_label = QLabel()
        self.facts_label.setObjectName("facts_label")
        self.facts_label.setWordWrap(True)
        self.facts_label.setTextFormat(Qt.TextFormat.PlainText)

        self.cards: dict[str, NumberCardView] = {}
        cards = QGridLayout()
        cards.setSpacing(10)
        captions = [
            ("fields", _("Fields")), ("initiatives", _("Initiatives")), ("milestones", _("Milestones")),
            ("dependencies", _("Dependencies")), ("stakeholders", _("Stakeholders")), ("kpis", _("KPIs")),
            ("budget", _("Total budget")),
        ]
        for number, (key, caption) in enumerate(captions):
            card = NumberCardView(caption)
            card.setObjectName(f"{key}_card")
            self.cards[key] = card
            cards.addWidget(card, 0, number)
            cards.setColumnStretch(number, 2 if key == "budget" else 1)  # room for a long amount

        self.budget_table = QTableWidget()
        self.budget_table.setObjectName("budget_table")
        self.budget_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.budget_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.budget_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.budget_table.setAlternatingRowColors(True)
        self.budget_table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.budget_table.setSizeAdjustPolicy(QAbstractItemView.SizeAdjustPolicy.AdjustToContents)
        self.budget_table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.budget_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.budget_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.budget_table.verticalHeader().setDefaultSectionSize(int(self.fontMetrics().height() * 1.8))
        self.budget_empty_label = QLabel(_("No budget lines yet."))
        mute(self.budget_empty_label)

        self.by_field = BarListView()
        self.by_field.setObjectName("by_field")
        self.by_status = BarListView()
        self.by_status.setObjectName("by_status")
        self.by_sector = BarListView()
        self.by_sector.setObjectName("by_sector")
        for bars in (self.by_field, self.by_status):
            bars.empty_text = _("No initiatives yet.")
        self.by_sector.empty_text = _("No stakeholders yet.")

        spread = QGridLayout()
        spread.setHorizontalSpacing(28)
        spread.setVerticalSpacing(6)
        for column, (heading, bars) in enumerate(
            [(_("Initiatives by field"), self.by_field), (_("Initiatives by status"), self.by_status),
             (_("Stakeholders by sector"), self.by_sector)]
        ):
            spread.addWidget(_heading(heading), 0, column)
            spread.addWidget(bars, 1, column, Qt.AlignmentFlag.AlignTop)
            spread.setColumnStretch(column, 1)

        page = QWidget()
        page.setObjectName("overview_page")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(24, 20, 24, 24)
        layout.setSpacing(10)
        layout.addWidget(self.title_label)
        layout.addWidget(self.facts_label)
        layout.addSpacing(8)
        layout.addLayout(cards)
        layout.addSpacing(14)
        self.budget_heading = _heading(_("Budget by year and source ({unit})").format(unit=million_unit()))
        layout.addWidget(self.budget_heading)
        layout.addWidget(self.budget_table)
        layout.addWidget(self.budget_empty_label)
        layout.addSpacing(14)
        layout.addLayout(spread)
        layout.addSpacing(14)
        self.kpi_heading = _heading(_("KPIs (select one to see it and its comments in the inspector)"))
        self.kpi_list = KpiListView(controller)
        layout.addWidget(self.kpi_heading)
        layout.addWidget(self.kpi_list)
        layout.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        controller.plan_changed.connect(self._on_plan_changed)
        controller.document_replaced.connect(self._refresher.mark_changed)
        self.refresh()

    # -- refreshing -------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the key figures again and show them."""
        self.overview, self.budget = self.controller.read(_read)
        self._refresher.mark_refreshed()
        self._show_facts(self.overview)
        self._show_cards(self.overview)
        self._show_budget(self.overview, self.budget)
        self._show_spread(self.overview)
        self.kpi_list.refresh()
        self.kpi_heading.setVisible(self.kpi_list.count() > 0)

    def _on_plan_changed(self, changes: Changes, _initiator: object) -> None:
        if changes.touches(*OVERVIEW_KINDS):
            self._refresher.mark_changed()

    # -- parts ------------------------------------------------------------------------------------------

    def _show_facts(self, overview: PlanOverview) -> None:
        self.title_label.setText(overview.title)
        facts = [
            (_("Region"), overview.region or "—"),
            (_("Period"), f"{overview.start_year}–{overview.end_year}"),
            (_("Lead organisation"), overview.lead_organisation or "—"),
            (_("Plan type"), label(PLAN_TYPES, overview.plan_type)),
        ]
        self.facts_label.setText("     ".join(f"{name}: {value}" for name, value in facts))

    def _show_cards(self, overview: PlanOverview) -> None:
        self.cards["fields"].set_value(f"{overview.field_count:,}")
        self.cards["initiatives"].set_value(f"{overview.initiative_count:,}")
        self.cards["milestones"].set_value(f"{overview.milestone_initiative_count:,}", _("initiatives without duration"))
        self.cards["dependencies"].set_value(f"{overview.dependency_count:,}")
        self.cards["stakeholders"].set_value(f"{overview.stakeholder_count:,}")
        self.cards["kpis"].set_value(f"{overview.kpi_count:,}")
        self.cards["budget"].set_value(million_text(overview.budget_total_krw), million_unit())
        self.cards["budget"].setToolTip(krw_text(overview.budget_total_krw))

    def _show_budget(self, overview: PlanOverview, budget: dict[int, dict[str, int]]) -> None:
        years = sorted(set(range(overview.start_year, overview.end_year + 1)) | set(budget))
        used = {source for row in budget.values() for source in row}
        sources = [code for code in FUNDING_SOURCES if code in used] + sorted(used - set(FUNDING_SOURCES))
        table = self.budget_table
        table.setVisible(bool(budget))
        self.budget_empty_label.setVisible(not budget)
        table.clear()
        table.setRowCount(len(years) + 1)
        table.setColumnCount(len(sources) + 1)
        table.setHorizontalHeaderLabels([label(FUNDING_SOURCES, code) for code in sources] + [_("Total")])
        table.setVerticalHeaderLabels([str(year) for year in years] + [_("Total")])
        bold = QFont(table.font())
        bold.setBold(True)

        decimals = decimals_for(amount for row in budget.values() for amount in row.values())

        def put(row: int, column: int, krw: int, total: bool = False) -> None:
            item = QTableWidgetItem(million_text(krw, decimals) if krw else "–")
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(krw_text(krw))
            item.setData(Qt.ItemDataRole.UserRole, krw)
            if total:
                item.setFont(bold)
            table.setItem(row, column, item)

        for row, year in enumerate(years):
            for column, source in enumerate(sources):
                put(row, column, budget.get(year, {}).get(source, 0))
            put(row, len(sources), sum(budget.get(year, {}).values()), total=True)
        for column, source in enumerate(sources):
            put(len(years), column, sum(budget.get(year, {}).get(source, 0) for year in years), total=True)
        put(len(years), len(sources), sum(sum(row.values()) for row in budget.values()), total=True)
        header_height = table.horizontalHeader().sizeHint().height()
        rows_height = table.verticalHeader().defaultSectionSize() * table.rowCount()
        table.setFixedHeight(header_height + rows_height + 2 * table.frameWidth() + 2)

    def _show_spread(self, overview: PlanOverview) -> None:
        def count(number: int) -> str:
            return f"{number:,}"

        by_field = sorted(overview.initiatives_by_field.items(), key=lambda item: (-item[1], item[0]))
        self.by_field.set_items([(name or _("No field"), n, count(n)) for name, n in by_field])
        statuses = [code for code in INITIATIVE_STATUSES if code in overview.initiatives_by_status]
        statuses += sorted(set(overview.initiatives_by_status) - set(INITIATIVE_STATUSES))
        self.by_status.set_items([
            (label(INITIATIVE_STATUSES, code), overview.initiatives_by_status[code],
             count(overview.initiatives_by_status[code])) for code in statuses
        ])
        sectors = [code for code in SECTORS if code in overview.stakeholders_by_sector]
        sectors += sorted(set(overview.stakeholders_by_sector) - set(SECTORS))
        self.by_sector.set_items([
            (label(SECTORS, code), overview.stakeholders_by_sector[code],
             count(overview.stakeholders_by_sector[code])) for code in sectors
        ])
