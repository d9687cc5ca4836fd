"""The stakeholder register's additions for the grid workshop: tag filter, quick add, paste from a spreadsheet."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from desktop_app.plan_controller import PlanController
from desktop_app.views.stakeholders_view import StakeholdersView
from planner.queries import stakeholder_rows


@pytest.fixture
def view(qtbot: Any, demo_controller: PlanController) -> StakeholdersView:
    view = StakeholdersView(demo_controller)
    qtbot.addWidget(view)
    return view


def shown_names(view: StakeholdersView) -> list[str]:
    return [view.proxy.index(row, 0).data() for row in range(view.proxy.rowCount())]


def test_tag_filter_lists_the_tags_and_keeps_only_tagged_rows(view: StakeholdersView) -> None:
    assert [view.tag_combo.itemText(n) for n in range(view.tag_combo.count())] == ["All tags", "자문단"]
    view.tag_combo.setCurrentIndex(view.tag_combo.findData("자문단"))
    assert sorted(shown_names(view)) == sorted(["과학기술정보통신부", "창원시", "창원대학교"])
    view.filter_combo.setCurrentIndex(view.filter_combo.findData("local_government"))  # both filters apply
    assert shown_names(view) == ["창원시"]
    view.tag_combo.setCurrentIndex(0)
    assert sorted(shown_names(view)) == sorted(["경상남도", "창원시"])


def test_tag_filter_follows_new_tags(view: StakeholdersView) -> None:
    from planner.commands import UpdateRow

    first = view.model.rows[1].id
    view.controller.execute(UpdateRow("stakeholder", first, {"tags": ["워크숍"]}))
    assert view.tag_combo.findData("워크숍") > 0


def test_quick_add_with_enter_is_one_undo_entry(view: StakeholdersView, qtbot: Any) -> None:
    controller = view.controller
    view.show()
    qtbot.waitExposed(view)
    view.quick_add_edit.setFocus()
    view.quick_add_edit.setText("마산상공회의소")  # keyClicks takes ASCII only
    QTest.keyClick(view.quick_add_edit, Qt.Key.Key_Return)
    names = [row.name for row in controller.read(stakeholder_rows)]
    assert "마산상공회의소" in names and len(names) == 10
    assert controller.undo_stack.count() == 1
    assert view.quick_add_edit.text() == ""
    added = next(row for row in view.model.rows if row.name == "마산상공회의소")
    assert added.sector == "local_government"
    assert view.controller.selection_ids == [added.id]
    controller.undo_stack.undo()
    assert len(controller.read(stakeholder_rows)) == 9


def test_quick_add_under_filters_uses_the_sector_and_tag(view: StakeholdersView) -> None:
    view.filter_combo.setCurrentIndex(view.filter_combo.findData("academia"))
    view.tag_combo.setCurrentIndex(view.tag_combo.findData("자문단"))
    new_id = view.quick_add("  경남연구원 ")
    row = view.model.row_snapshot(view.model.row_of(str(new_id)))
    assert (row.name, row.sector, row.tags) == ("경남연구원", "academia", ("자문단",))
    assert view.quick_add("   ") is None


KOREAN_TSV = (
    "이름\t소속 기관\t부문\t영향력\t관심도\t태도\t태그\n"
    "마산상공회의소\t산업진흥팀\t민간기업\t3\t4\t지지\t\n"
    "경남테크노파크\tAI센터\t공공기관\t4\t4\t중립\t자문단\n"
    "잘못된 행\t\t공공기관\t9\t2\t중립\t\n"
    "창원산업진흥원\t\tpublic_agency\t2\t5\t적극 지지\t\n"
)


def test_paste_of_korean_tsv_adds_the_good_rows_as_one_undo_entry(view: StakeholdersView) -> None:
    pytest.importorskip("planner.stakeholders.register")
    controller = view.controller
    added = view.paste_text(KOREAN_TSV)
    assert len(added) == 3
    assert controller.undo_stack.count() == 1
    names = {row.name for row in controller.read(stakeholder_rows)}
    assert {"마산상공회의소", "경남테크노파크", "창원산업진흥원"} <= names and "잘못된 행" not in names
    assert view.message_bar.isVisibleTo(view) and "4" in view.message_bar.text()  # the bad row is named
    assert controller.selection_ids == added
    controller.undo_stack.undo()
    assert len(controller.read(stakeholder_rows)) == 9


def test_ctrl_v_in_the_table_pastes_the_clipboard(view: StakeholdersView, qtbot: Any) -> None:
    pytest.importorskip("planner.stakeholders.register")
    view.show()
    qtbot.waitExposed(view)
    QGuiApplication.clipboard().setText("이름\t부문\n진해청년회\t시민사회·주민\n")
    view.table.setFocus()
    QTest.keyClick(view.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "진해청년회" in {row.name for row in view.controller.read(stakeholder_rows)}
    assert view.controller.undo_stack.count() == 1
