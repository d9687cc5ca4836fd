"""The stakeholder register page: add, delete with cascade and undo, search and the sector filter."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

from desktop_app.plan_controller import PlanController
from desktop_app.views import stakeholders_view
from desktop_app.views.stakeholders_view import StakeholdersView
from planner.model import Initiative, RaciRole
from planner.queries import stakeholder_rows


@pytest.fixture
def view(qtbot: Any, demo_controller: PlanController) -> StakeholdersView:
    view = StakeholdersView(demo_controller)
    qtbot.addWidget(view)
    return view


def shown_names(view: StakeholdersView) -> list[str]:
    return [view.proxy.index(row, 0).data() for row in range(view.proxy.rowCount())]


def test_add_creates_a_local_government_stakeholder_selected_and_undoable(view: StakeholdersView) -> None:
    new_id = view.add_row()
    row = next(r for r in view.controller.read(stakeholder_rows) if r.id == new_id)
    assert (row.name, row.sector) == ("New stakeholder", "local_government")
    assert view.controller.selection_ids == [new_id]
    assert view.proxy.rowCount() == 10
    view.controller.undo_stack.undo()
    assert view.proxy.rowCount() == 9


def test_add_under_a_sector_filter_uses_that_sector(view: StakeholdersView) -> None:
    view.filter_combo.setCurrentIndex(view.filter_combo.findData("academia"))
    new_id = view.add_row()
    assert view.model.row_snapshot(view.model.row_of(str(new_id))).sector == "academia"
    assert view.selected_ids() == [new_id]


def test_delete_cascades_to_roles_and_unlinks_leads_then_undo_restores(
    view: StakeholdersView, monkeypatch: pytest.MonkeyPatch
) -> None:
    questions: list[str] = []
    monkeypatch.setattr(stakeholders_view, "confirm_delete", lambda _p, text: questions.append(text) or True)
    controller = view.controller

    def counts() -> tuple[int, int]:
        return controller.read(lambda session: (
            session.execute(select(func.count(RaciRole.id))).scalar_one(),
            session.execute(select(func.count(Initiative.lead_stakeholder_id))).scalar_one(),
        ))

    before = counts()
    gyeongnam = next(r.id for r in view.model.rows if r.name == "경상남도")
    view.select_ids([gyeongnam])
    assert view.delete_selected()
    assert "RACI roles" in questions[0] and "Initiatives" in questions[0]
    assert "경상남도" not in shown_names(view)
    assert counts()[0] < before[0] and counts()[1] < before[1]
    controller.undo_stack.undo()
    assert view.proxy.rowCount() == 9
    assert counts() == before


def test_search_and_sector_filter_narrow_the_rows(view: StakeholdersView) -> None:
    view.search_edit.setText("정보")
    assert sorted(shown_names(view)) == ["과학기술정보통신부", "창원시", "한국지능정보사회진흥원"]
    view.search_edit.clear()
    view.filter_combo.setCurrentIndex(view.filter_combo.findData("local_government"))
    assert sorted(shown_names(view)) == ["경상남도", "창원시"]
    assert view.filter_combo.currentText() == "Local government"
