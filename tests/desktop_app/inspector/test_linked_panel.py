"""The inspector's linked panel: an initiative's stakeholders with roles, a stakeholder's initiatives with criticality."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop_app.inspector.inspector_view import InspectorView
from desktop_app.inspector.linked_panel_view import LinkedPanelView
from desktop_app.plan_controller import PlanController
from planner.months import YearMonth
from planner.schedule import schedule_plan
from planner.stakeholders.linked import initiative_stakeholders, stakeholder_initiatives
from planner.stakeholders.raci import raci_matrix, set_raci_role_command


@pytest.fixture
def panel(qtbot: Any, demo_controller: PlanController) -> Iterator[LinkedPanelView]:
    container = QWidget()  # as under the inspector's form: hiding the panel leaves its parent shown
    qtbot.addWidget(container)
    panel = LinkedPanelView(demo_controller, container)
    QVBoxLayout(container).addWidget(panel)
    container.resize(600, 400)
    container.show()
    yield panel
    del container


def test_hidden_without_a_single_initiative_or_stakeholder(panel: LinkedPanelView, demo_controller: PlanController) -> None:
    assert panel.isHidden()
    demo_controller.select("field", ["x"])
    assert panel.isHidden()


def test_an_initiative_lists_its_stakeholders_and_roles(panel: LinkedPanelView, demo_controller: PlanController) -> None:
    initiative = demo_controller.read(raci_matrix).initiatives[0]
    demo_controller.select("initiative", [initiative.id])
    assert not panel.isHidden()
    expected = demo_controller.read(lambda s: initiative_stakeholders(s, initiative.id))
    assert len(expected) == 3
    assert panel.row_texts() == [[row.name, row.role, row.organisation, row.contact] for row in expected]
    assert [row[1] for row in panel.row_texts()] == ["A", "R", "C"]


def test_a_stakeholder_lists_its_initiatives_with_the_schedules_criticality(
        panel: LinkedPanelView, demo_controller: PlanController) -> None:
    holder = demo_controller.read(raci_matrix).stakeholders[0]
    demo_controller.select("stakeholder", [holder.id])
    expected = demo_controller.read(lambda s: stakeholder_initiatives(s, holder.id))
    schedule = demo_controller.read(schedule_plan).by_id
    assert expected
    texts = panel.row_texts()
    assert [row[0] for row in texts] == [item.code for item in expected]
    for row, item in zip(texts, expected, strict=True):
        scheduled = schedule[item.id]
        assert row[2] == item.role
        assert row[3] == f"{YearMonth.from_index(scheduled.es)}–{YearMonth.from_index(scheduled.display_early_finish)}"
        assert bool(row[4]) == scheduled.critical
        assert row[5].startswith(str(scheduled.total_float))
    assert any(item.critical for item in expected) or not any(s.critical for s in schedule.values())


def test_clicking_a_row_selects_that_item(qtbot: Any, panel: LinkedPanelView, demo_controller: PlanController) -> None:
    initiative = demo_controller.read(raci_matrix).initiatives[0]
    demo_controller.select("initiative", [initiative.id])
    first_id = panel.rows[0].id
    tree = panel.tree
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(tree.topLevelItem(0)).center())
    qtbot.waitUntil(lambda: demo_controller.selection_kind == "stakeholder")
    assert demo_controller.selection_ids == [first_id]
    assert panel.kind == "stakeholder" and panel.item_id == first_id  # it follows the selection it made
    code = panel.row_texts()[0][0]
    panel.tree.itemClicked.emit(panel.tree.topLevelItem(0), 0)
    qtbot.waitUntil(lambda: demo_controller.selection_kind == "initiative")
    by_code = {item.code: item.id for item in demo_controller.read(raci_matrix).initiatives}
    assert demo_controller.selection_ids == [by_code[code]]


def test_follows_a_raci_edit_and_its_undo(panel: LinkedPanelView, demo_controller: PlanController) -> None:
    matrix = demo_controller.read(raci_matrix)
    initiative = matrix.initiatives[0]
    holder = next(s for s in matrix.stakeholders if matrix.role(initiative.id, s.id) is None)
    demo_controller.select("initiative", [initiative.id])
    command = demo_controller.read(lambda s: set_raci_role_command(s, initiative.id, holder.id, "I"))
    demo_controller.execute(command)
    assert [holder.name, "I"] == panel.row_texts()[-1][:2]
    demo_controller.undo_stack.undo()
    assert len(panel.row_texts()) == 3


def test_the_inspector_shows_the_panel_under_its_form(qtbot: Any, demo_controller: PlanController) -> None:
    inspector = InspectorView(demo_controller)
    qtbot.addWidget(inspector)
    inspector.show()
    initiative = demo_controller.read(raci_matrix).initiatives[0]
    demo_controller.select("initiative", [initiative.id])
    assert inspector.linked_panel.isVisible()
    assert len(inspector.linked_panel.row_texts()) == 3
    demo_controller.select("plan", [])
    assert not inspector.linked_panel.isVisible()
