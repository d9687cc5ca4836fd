"""The Overview dashboard shows what planner.queries.plan_overview computes and follows the plan's changes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from desktop_app.models.money_format import million_text
from desktop_app.plan_controller import PlanController
from desktop_app.views.overview_view import OverviewView, budget_by_year_and_source
from planner.commands import AddRow, UpdateRow
from planner.queries import initiative_rows, plan_overview, plan_values

ROOT = Path(__file__).resolve().parents[3]


def card(view: OverviewView, key: str) -> str:
    return view.cards[key].value_label.text()


def test_cards_and_budget_table_show_the_plan_overview_figures(qtbot: Any, demo_controller: PlanController) -> None:
    view = OverviewView(demo_controller)
    qtbot.addWidget(view)
    overview = demo_controller.read(plan_overview)
    assert view.title_label.text() == overview.title
    assert "경상남도 창원시" in view.facts_label.text() and "2027–2031" in view.facts_label.text()
    assert "Local master plan" in view.facts_label.text()
    assert card(view, "fields") == str(overview.field_count)
    assert card(view, "initiatives") == str(overview.initiative_count)
    assert card(view, "milestones") == str(overview.milestone_initiative_count)
    assert card(view, "dependencies") == str(overview.dependency_count)
    assert card(view, "stakeholders") == str(overview.stakeholder_count)
    assert card(view, "kpis") == str(overview.kpi_count)
    assert card(view, "budget") == million_text(overview.budget_total_krw)
    assert view.cards["budget"].note_label.text() == "KRW million"

    table = view.budget_table
    last_row, last_column = table.rowCount() - 1, table.columnCount() - 1
    assert table.verticalHeaderItem(last_row).text() == "Total"
    assert table.item(last_row, last_column).data(Qt.ItemDataRole.UserRole) == overview.budget_total_krw
    assert table.item(last_row, last_column).text() == million_text(overview.budget_total_krw)
    years = [int(table.verticalHeaderItem(row).text()) for row in range(last_row)]
    assert years == list(range(2027, 2032))
    for row, year in enumerate(years):
        assert table.item(row, last_column).data(Qt.ItemDataRole.UserRole) == overview.budget_by_year.get(year, 0)
    sources = [table.horizontalHeaderItem(column).text() for column in range(last_column)]
    assert sources == ["National", "Provincial", "Municipal", "Private"]
    for column, source in enumerate(("national", "provincial", "municipal", "private")):
        assert table.item(last_row, column).data(Qt.ItemDataRole.UserRole) == overview.budget_by_source[source]

    assert dict((label, value) for label, value, _text in view.by_field.items) == overview.initiatives_by_field
    assert sum(value for _label, value, _text in view.by_status.items) == overview.initiative_count
    assert ("Central government", 2, "2") in view.by_sector.items


def test_budget_matrix_adds_up_to_the_overview_total(demo_controller: PlanController) -> None:
    matrix = demo_controller.read(budget_by_year_and_source)
    overview = demo_controller.read(plan_overview)
    assert sum(sum(row.values()) for row in matrix.values()) == overview.budget_total_krw
    assert {year: sum(row.values()) for year, row in matrix.items()} == overview.budget_by_year


def test_the_dashboard_follows_edits_and_undo(qtbot: Any, demo_controller: PlanController) -> None:
    view = OverviewView(demo_controller)
    qtbot.addWidget(view)
    view.show()
    before = demo_controller.read(plan_overview).budget_total_krw
    initiative = demo_controller.read(initiative_rows)[0].id
    demo_controller.execute(AddRow("budget_line", {"initiative_id": initiative, "fiscal_year": 2031,
                                                   "source": "other", "planned_krw": 1_500_000_000}))
    assert card(view, "budget") == million_text(before + 1_500_000_000)
    assert view.budget_table.horizontalHeaderItem(4).text() == "Other"
    plan_id = demo_controller.read(plan_values)["id"]
    demo_controller.execute(UpdateRow("plan", plan_id, {"title": "새 제목"}))
    assert view.title_label.text() == "새 제목"
    demo_controller.undo_stack.undo()
    demo_controller.undo_stack.undo()
    assert card(view, "budget") == million_text(before)


def test_a_hidden_dashboard_catches_up_when_shown(qtbot: Any, demo_controller: PlanController) -> None:
    view = OverviewView(demo_controller)
    qtbot.addWidget(view)
    demo_controller.execute(AddRow("field", {"code": "E", "name": "AI 교통"}))
    assert card(view, "fields") == "4"  # not drawn while hidden
    view.show()
    assert card(view, "fields") == "5"


def test_an_empty_plan_shows_zeros_and_no_budget_table(qtbot: Any, empty_controller: PlanController) -> None:
    view = OverviewView(empty_controller)
    qtbot.addWidget(view)
    view.show()
    assert card(view, "initiatives") == "0" and card(view, "budget") == "0"
    assert view.budget_table.isHidden() and not view.budget_empty_label.isHidden()
    assert view.by_field.items == []


def test_importing_the_views_loads_no_chart_library() -> None:
    code = (
        "import sys, desktop_app.views.overview_view, desktop_app.views.initiatives_view, "
        "desktop_app.views.stakeholders_view, desktop_app.inspector; "
        "sys.exit(1 if 'matplotlib' in sys.modules else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT, timeout=120).returncode == 0


def test_the_bundled_demo_plan_totals(qtbot: Any, haedam_controller: PlanController) -> None:
    view = OverviewView(haedam_controller)
    qtbot.addWidget(view)
    overview = haedam_controller.read(plan_overview)
    assert card(view, "initiatives") == f"{overview.initiative_count:,}"
    assert card(view, "budget") == million_text(overview.budget_total_krw)
    table = view.budget_table
    total = table.item(table.rowCount() - 1, table.columnCount() - 1)
    assert total.data(Qt.ItemDataRole.UserRole) == overview.budget_total_krw
