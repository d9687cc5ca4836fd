"""The RACI matrix: a sound item model, typing and clearing roles as single undo entries, findings that follow edits."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest

from desktop_app.plan_controller import PlanController
from desktop_app.views.raci.raci_matrix_model import ROLE_ROLE, RaciMatrixModel, read_raci_snapshot
from desktop_app.views.raci.raci_view import RaciView
from planner.stakeholders.raci import NO_ACCOUNTABLE, raci_findings, raci_matrix


@pytest.fixture
def view(qtbot: Any, demo_controller: PlanController) -> RaciView:
    view = RaciView(demo_controller)
    qtbot.addWidget(view)
    view.resize(1400, 900)
    view.show()
    qtbot.waitExposed(view)
    return view


def cell(view: RaciView, initiative_id: str, stakeholder_id: str) -> QModelIndex:
    return view.model.index(view.model.row_of(initiative_id), view.model.column_of(stakeholder_id))


def type_in(qtbot: Any, view: RaciView, index: QModelIndex, key: Qt.Key) -> None:
    view.table.setFocus()
    view.table.setCurrentIndex(index)
    QTest.keyClick(view.table, key)


def empty_cell(controller: PlanController) -> tuple[str, str]:
    matrix = controller.read(raci_matrix)
    return next((i.id, s.id) for i in matrix.initiatives for s in matrix.stakeholders if matrix.role(i.id, s.id) is None)


@pytest.mark.parametrize("fixture", ["demo_controller", "empty_controller"])
def test_matrix_model_passes_the_model_tester(qtmodeltester: Any, request: pytest.FixtureRequest, fixture: str) -> None:
    controller: PlanController = request.getfixturevalue(fixture)
    model = RaciMatrixModel()
    model.set_snapshot(controller.read(read_raci_snapshot))
    qtmodeltester.check(model, force_py=True)
    model.set_snapshot(controller.read(read_raci_snapshot))  # same shape: data changes only
    qtmodeltester.check(model, force_py=True)


def test_cells_show_the_roles_of_the_plan(view: RaciView, demo_controller: PlanController) -> None:
    matrix = demo_controller.read(raci_matrix)
    assert view.model.rowCount() == len(matrix.initiatives) == 16
    assert view.model.columnCount() == len(matrix.stakeholders) == 9
    for (initiative_id, stakeholder_id), role in matrix.cells.items():
        index = cell(view, initiative_id, stakeholder_id)
        assert index.data() == role
        assert index.data(ROLE_ROLE) == role
    first = matrix.initiatives[0]
    assert view.model.headerData(0, Qt.Orientation.Vertical).endswith(f"{first.code} {first.title}")


def test_typing_a_sets_the_cell_as_one_undo_entry(qtbot: Any, view: RaciView, demo_controller: PlanController) -> None:
    initiative_id, stakeholder_id = empty_cell(demo_controller)
    index = cell(view, initiative_id, stakeholder_id)
    before = demo_controller.undo_stack.count()
    type_in(qtbot, view, index, Qt.Key.Key_A)
    assert demo_controller.read(raci_matrix).role(initiative_id, stakeholder_id) == "A"
    assert index.data() == "A"
    assert demo_controller.undo_stack.count() == before + 1
    demo_controller.undo_stack.undo()
    assert demo_controller.read(raci_matrix).role(initiative_id, stakeholder_id) is None
    assert index.data() == ""


def test_typing_another_letter_changes_the_role(qtbot: Any, view: RaciView, demo_controller: PlanController) -> None:
    (initiative_id, stakeholder_id), role = next(iter(demo_controller.read(raci_matrix).cells.items()))
    other = "I" if role != "I" else "C"
    type_in(qtbot, view, cell(view, initiative_id, stakeholder_id), getattr(Qt.Key, f"Key_{other}"))
    assert demo_controller.read(raci_matrix).role(initiative_id, stakeholder_id) == other
    demo_controller.undo_stack.undo()
    assert demo_controller.read(raci_matrix).role(initiative_id, stakeholder_id) == role


@pytest.mark.parametrize("key", [Qt.Key.Key_Delete, Qt.Key.Key_Backspace])
def test_delete_clears_a_cell(qtbot: Any, view: RaciView, demo_controller: PlanController, key: Qt.Key) -> None:
    (initiative_id, stakeholder_id), role = next(iter(demo_controller.read(raci_matrix).cells.items()))
    before = demo_controller.undo_stack.count()
    type_in(qtbot, view, cell(view, initiative_id, stakeholder_id), key)
    assert demo_controller.read(raci_matrix).role(initiative_id, stakeholder_id) is None
    assert demo_controller.undo_stack.count() == before + 1
    demo_controller.undo_stack.undo()
    assert demo_controller.read(raci_matrix).role(initiative_id, stakeholder_id) == role


def test_clearing_an_empty_cell_adds_no_undo_entry(qtbot: Any, view: RaciView, demo_controller: PlanController) -> None:
    initiative_id, stakeholder_id = empty_cell(demo_controller)
    before = demo_controller.undo_stack.count()
    type_in(qtbot, view, cell(view, initiative_id, stakeholder_id), Qt.Key.Key_Delete)
    assert demo_controller.undo_stack.count() == before


def test_the_cell_menu_sets_the_selected_cell(view: RaciView, demo_controller: PlanController) -> None:
    initiative_id, stakeholder_id = empty_cell(demo_controller)
    index = cell(view, initiative_id, stakeholder_id)
    view.table.setCurrentIndex(index)
    menu = view.cell_menu(index)
    actions = {action.data(): action for action in menu.actions()}
    assert set(actions) == {"R", "A", "C", "I", None}
    assert actions[None].isChecked()
    actions["C"].trigger()
    assert demo_controller.read(raci_matrix).role(initiative_id, stakeholder_id) == "C"


def test_arrows_move_between_cells(qtbot: Any, view: RaciView) -> None:
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(2, 2))
    QTest.keyClick(view.table, Qt.Key.Key_Right)
    QTest.keyClick(view.table, Qt.Key.Key_Down)
    assert (view.table.currentIndex().row(), view.table.currentIndex().column()) == (3, 3)


def test_findings_list_follows_an_edit_and_its_undo(qtbot: Any, view: RaciView, demo_controller: PlanController) -> None:
    assert view.findings() == demo_controller.read(raci_findings)
    matrix = demo_controller.read(raci_matrix)
    initiative_id, stakeholder_id = next(key for key, role in matrix.cells.items() if role == "A")
    assert not any(f.kind == NO_ACCOUNTABLE and f.initiative_id == initiative_id for f in view.findings())
    type_in(qtbot, view, cell(view, initiative_id, stakeholder_id), Qt.Key.Key_Delete)
    assert view.findings() == demo_controller.read(raci_findings)
    assert any(f.kind == NO_ACCOUNTABLE and f.initiative_id == initiative_id for f in view.findings())
    row = view.model.row_of(initiative_id)
    assert view.model.headerData(row, Qt.Orientation.Vertical).startswith("⚠")
    demo_controller.undo_stack.undo()
    assert view.findings() == demo_controller.read(raci_findings)
    assert not any(f.kind == NO_ACCOUNTABLE and f.initiative_id == initiative_id for f in view.findings())


def test_clicking_a_finding_selects_its_row(qtbot: Any, view: RaciView, demo_controller: PlanController) -> None:
    matrix = demo_controller.read(raci_matrix)
    initiative_id, stakeholder_id = next(key for key, role in matrix.cells.items() if role == "A")
    view.set_role(initiative_id, stakeholder_id, None)
    number = next(n for n, f in enumerate(view.findings()) if f.initiative_id == initiative_id)
    item = view.findings_view.list.item(number)
    view.findings_view.list.itemClicked.emit(item)
    assert view.table.currentIndex().row() == view.model.row_of(initiative_id)
    assert demo_controller.selection_kind == "initiative"
    assert demo_controller.selection_ids == [initiative_id]


def test_a_stakeholder_without_role_is_a_finding_on_its_column(view: RaciView, demo_controller: PlanController) -> None:
    matrix = demo_controller.read(raci_matrix)
    holder = matrix.stakeholders[0]
    cells = [key for key in matrix.cells if key[1] == holder.id]
    view.table.clearSelection()
    for initiative_id, stakeholder_id in cells:
        view.set_role(initiative_id, stakeholder_id, None)
    finding = next(f for f in view.findings() if f.stakeholder_id == holder.id and f.initiative_id is None)
    column = view.model.column_of(holder.id)
    assert view.model.headerData(column, Qt.Orientation.Horizontal).startswith("⚠")
    view.findings_view.finding_clicked.emit(finding)
    assert view.table.selectionModel().isColumnSelected(column, QModelIndex())
    assert demo_controller.selection_kind == "stakeholder"
    assert demo_controller.selection_ids == [holder.id]


def test_selection_is_shared(view: RaciView, demo_controller: PlanController) -> None:
    view.table.setCurrentIndex(view.model.index(4, 1))
    assert demo_controller.selection_kind == "initiative"
    assert demo_controller.selection_ids == [view.model.initiative_id(4)]
    view.header.sectionClicked.emit(3)
    assert demo_controller.selection_kind == "stakeholder"
    assert demo_controller.selection_ids == [view.model.stakeholder_id(3)]
    demo_controller.select("initiative", [view.model.initiative_id(7)])
    assert view.table.currentIndex().row() == 7


def test_filters_by_field_and_sector(view: RaciView, demo_controller: PlanController) -> None:
    snapshot = view.snapshot
    field_id, _name = snapshot.fields[1]
    view.field_combo.setCurrentIndex(view.field_combo.findData(field_id))
    shown = [r for r in range(view.model.rowCount()) if not view.table.isRowHidden(r)]
    assert shown and all(snapshot.initiative_fields[view.model.initiative_id(r)] == field_id for r in shown)
    assert len(shown) == 4
    view.sector_combo.setCurrentIndex(view.sector_combo.findData("local_government"))
    columns = [c for c in range(view.model.columnCount()) if not view.table.isColumnHidden(c)]
    assert [snapshot.matrix.stakeholders[c].sector for c in columns] == ["local_government"] * 2


def test_refreshes_after_an_edit_made_while_hidden(qtbot: Any, demo_controller: PlanController) -> None:
    view = RaciView(demo_controller)
    qtbot.addWidget(view)
    initiative_id, stakeholder_id = empty_cell(demo_controller)
    from planner.stakeholders.raci import set_raci_role_command
    command = demo_controller.read(lambda s: set_raci_role_command(s, initiative_id, stakeholder_id, "I"))
    demo_controller.execute(command)
    assert view.refresher.stale
    view.show()
    qtbot.waitExposed(view)
    assert cell(view, initiative_id, stakeholder_id).data() == "I"


def test_empty_plan_shows_no_cells(qtbot: Any, empty_controller: PlanController) -> None:
    view = RaciView(empty_controller)
    qtbot.addWidget(view)
    view.show()
    assert view.model.rowCount() == view.model.columnCount() == 0
    assert view.findings() == []
