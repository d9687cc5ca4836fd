"""The stakeholder table model: model-tester clean, engagement overrides marked, search, sector filter."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from desktop_app.models import RecordFilterProxyModel, StakeholderTableModel
from desktop_app.models.stakeholder_table_model import OVERRIDDEN_MARK
from desktop_app.plan_controller import PlanController
from planner.commands import AddRow, DeleteRows, UpdateRow
from planner.months import YearMonth


def names(model: Any) -> list[str]:
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_empty_plan_passes_the_model_testers(qtmodeltester: Any, qtlog: Any, empty_controller: PlanController) -> None:
    qtmodeltester.check(StakeholderTableModel(empty_controller))
    qtmodeltester.check(StakeholderTableModel(empty_controller), force_py=True)
    assert not [record for record in qtlog.records if "FAIL" in record.message]


def test_demo_plan_passes_the_model_testers_through_edits(
    qtmodeltester: Any, qtlog: Any, demo_controller: PlanController
) -> None:
    model = StakeholderTableModel(demo_controller)
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(StakeholderTableModel(demo_controller))
    assert model.rowCount() == 9
    demo_controller.execute(AddRow("stakeholder", {"name": "가나다 협동조합", "sector": "civil_society"}))
    demo_controller.execute(UpdateRow("stakeholder", model.row_snapshot(0).id, {"name": "힣 마지막"}))
    demo_controller.execute(DeleteRows("stakeholder", [model.row_snapshot(2).id]))
    for _step in range(3):
        demo_controller.undo_stack.undo()
    demo_controller.undo_stack.redo()
    assert model.rowCount() == 10
    assert not [record for record in qtlog.records if "FAIL" in record.message]


def test_labels_are_translated_and_an_engagement_set_by_hand_is_marked(demo_controller: PlanController) -> None:
    model = StakeholderTableModel(demo_controller)
    row = model.row_of(next(r.id for r in model.rows if r.sector == "global_partner"))
    engagement = model.column_of("engagement")
    assert model.index(row, model.column_of("sector")).data() == "Global partner"
    assert model.index(row, engagement).data() == f"Keep satisfied {OVERRIDDEN_MARK}"
    assert model.index(row, engagement).data(Qt.ItemDataRole.FontRole).italic()
    assert "Monitor" in model.index(row, engagement).data(Qt.ItemDataRole.ToolTipRole)
    derived = model.row_of(next(r.id for r in model.rows if r.name == "경상남도"))
    assert model.index(derived, engagement).data() == "Manage closely"
    assert model.index(derived, engagement).data(Qt.ItemDataRole.FontRole) is None


def test_initiatives_involved_follow_raci_roles(demo_controller: PlanController) -> None:
    model = StakeholderTableModel(demo_controller)
    new = AddRow("stakeholder", {"name": "새 기관", "sector": "academia"})
    demo_controller.execute(new)
    column = model.column_of("initiatives")
    assert model.index(model.row_of(new.row_id), column).data() == "0"
    initiative = AddRow("initiative", {"code": "N-01", "title": "새 과제", "start_month": YearMonth(2028, 1)})
    demo_controller.execute(initiative)
    demo_controller.execute(AddRow("raci_role", {"stakeholder_id": new.row_id, "initiative_id": initiative.row_id,
                                                 "role": "C"}))
    assert model.index(model.row_of(new.row_id), column).data() == "1"
    demo_controller.execute(DeleteRows("initiative", [initiative.row_id]))  # its roles go with it
    assert model.index(model.row_of(new.row_id), column).data() == "0"


def test_search_matches_name_or_organisation_and_the_sector_filter(demo_controller: PlanController) -> None:
    proxy = RecordFilterProxyModel()
    proxy.setSourceModel(StakeholderTableModel(demo_controller))
    proxy.set_search_text("창원")
    assert sorted(names(proxy)) == ["창원대학교", "창원시"]
    proxy.set_search_text("연합회")  # organisation
    assert names(proxy) == ["주민자치회"]
    proxy.set_search_text("GLOBAL ai")
    assert names(proxy) == ["Global AI Partners"]
    proxy.set_search_text("")
    proxy.set_filter_value("central_government")
    assert sorted(names(proxy)) == ["과학기술정보통신부", "행정안전부"]


def test_sorting_by_influence_is_numeric_and_by_sector_follows_the_vocabulary(demo_controller: PlanController) -> None:
    model = StakeholderTableModel(demo_controller)
    proxy = RecordFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.sort(model.column_of("influence"), Qt.SortOrder.DescendingOrder)
    influence = [int(proxy.index(row, model.column_of("influence")).data()) for row in range(proxy.rowCount())]
    assert influence == sorted(influence, reverse=True)
    proxy.sort(model.column_of("sector"), Qt.SortOrder.AscendingOrder)
    assert proxy.index(0, model.column_of("sector")).data() == "Central government"


def test_the_bundled_demo_plan_passes_the_model_testers(
    qtmodeltester: Any, qtlog: Any, haedam_controller: PlanController
) -> None:
    model = StakeholderTableModel(haedam_controller)
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(StakeholderTableModel(haedam_controller))
    assert model.rowCount() > 0
    assert not [record for record in qtlog.records if "FAIL" in record.message]
