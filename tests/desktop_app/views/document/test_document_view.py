"""The Document page: the profile's outline with statuses, the section editor beside it, the cover, and edits
that survive switching sections, undo and a change of profile."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest

from desktop_app.plan_controller import PlanController
from desktop_app.views.document import document_view
from desktop_app.views.document.document_view import DocumentView
from desktop_app.views.document.narrative_editor_view import read_narrative_row
from desktop_app.views.document.section_tree_model import COVER_KEY, KEY_ROLE, SectionTreeModel
from planner.commands import UpdateRow
from planner.guidelines.profile import BLOCKS, GuidelineProfile
from planner.i18n import set_language
from planner.queries import plan_values
from tests.desktop_app.views.document.test_section_tree_model import make_test_profile


def headings(model: SectionTreeModel, parent: QModelIndex | None = None) -> list[tuple[str, str]]:
    parent = parent or QModelIndex()
    rows = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        rows.append((index.data(), model.index(row, 1, parent).data()))
        rows.extend(headings(model, index))
    return rows


def make_view(qtbot: Any, controller: PlanController) -> DocumentView:
    view = DocumentView(controller)
    qtbot.addWidget(view)
    view.resize(1400, 900)
    view.show()
    qtbot.waitExposed(view)
    return view


@pytest.fixture
def test_profiles(monkeypatch: pytest.MonkeyPatch) -> dict[str, GuidelineProfile]:
    """Plans read their profile from here: 'test-profile' (Korean numbering) or 'english-profile'."""
    profiles = {"test-profile": make_test_profile(), "english-profile": make_test_profile("english-profile", "en")}
    monkeypatch.setattr(document_view, "load_plan_profile",
                        lambda _plan_type, profile_id: profiles.get(profile_id, profiles["test-profile"]))
    return profiles


def plan_id(controller: PlanController) -> str:
    return str(controller.read(plan_values)["id"])


def test_the_demo_outline_shows_the_profile_with_numbers_and_statuses(qtbot: Any,
                                                                     haedam_controller: PlanController) -> None:
    set_language("ko")
    view = make_view(qtbot, haedam_controller)
    rows = headings(view.model)
    titles = [heading for heading, _status in rows]
    assert titles[0] in ("표지", "Cover")
    assert titles[1:6] == ["Ⅰ. 개요", "1. 추진 배경", "2. 계획 목적", "3. 계획 범위", "4. 법적 근거"]
    assert "Ⅷ. 기대효과" in titles
    assert titles[-3:] == ["붙임 1 과제정의서", "붙임 2 예산 총괄표", "붙임 3 AI 윤리 자율점검 결과"]
    statuses = dict(rows)
    assert statuses["1. 추진 배경"] in ("✓ 작성됨", "✓ Written")
    assert statuses["Ⅴ. 추진과제"]  # the block's description
    assert view.current_key() == COVER_KEY
    assert "kr-master-plan" in view.profile_label.text()


def test_outline_numbers_and_statuses_with_a_test_profile(qtbot: Any, empty_controller: PlanController,
                                                         test_profiles: dict[str, GuidelineProfile]) -> None:
    view = make_view(qtbot, empty_controller)
    assert headings(view.model) == [
        ("Cover", "Edited in the inspector"), ("Ⅰ. Overview", "0 of 3 written"),
        ("1. Background", "To be written"), ("2. Purpose", "To be written"),
        ("가. Detailed aims", "To be written"), ("Ⅱ. Initiatives", BLOCKS["initiative_table"]),
        ("Ⅲ. Expected effects", f"To be written · {BLOCKS['kpi_chart']}"),
        ("붙임 1 Definition sheets", BLOCKS["definition_sheets"]),
    ]


def test_a_narrative_section_opens_the_editor_with_its_hint(qtbot: Any, empty_controller: PlanController,
                                                           test_profiles: dict[str, GuidelineProfile]) -> None:
    view = make_view(qtbot, empty_controller)
    assert view.select_section("overview.background")
    assert view.pages.currentWidget() is view.editor
    assert view.heading_label.text() == "1. Background"
    assert view.detail_label.text() == "Why the plan is made"
    assert view.editor.key == "overview.background"
    assert not view.editor.text_edit.isReadOnly()
    view.select_section("effects")
    assert view.editor.key == "expected_effects"
    assert BLOCKS["kpi_chart"] in view.detail_label.text()


def test_a_generated_section_describes_what_the_pdf_shows(qtbot: Any, empty_controller: PlanController,
                                                         test_profiles: dict[str, GuidelineProfile]) -> None:
    view = make_view(qtbot, empty_controller)
    view.select_section("initiatives")
    assert view.pages.currentWidget() is view.info_label
    assert BLOCKS["initiative_table"] in view.info_label.text()
    assert view.editor.key is None
    view.select_section("overview")  # a chapter lists what it holds
    assert "2. Purpose" in view.info_label.text()


def test_the_cover_button_selects_the_plan_for_the_inspector(qtbot: Any, empty_controller: PlanController,
                                                            test_profiles: dict[str, GuidelineProfile]) -> None:
    view = make_view(qtbot, empty_controller)
    view.select_section("initiatives")
    view.select_section(COVER_KEY)
    assert view.pages.currentIndex() == 1
    assert "Approval box" in view.cover_label.text()
    empty_controller.select("initiative", ["x"])
    with qtbot.waitSignal(empty_controller.selection_changed) as blocker:
        view.cover_button.click()
    assert blocker.args == ["plan", [plan_id(empty_controller)]]


def test_typing_in_a_missing_section_adds_it_and_updates_the_status(qtbot: Any, empty_controller: PlanController,
                                                                   test_profiles: dict[str, GuidelineProfile]
                                                                   ) -> None:
    view = make_view(qtbot, empty_controller)
    view.select_section("overview.purpose")
    view.editor.text_edit.insertPlainText("목적")
    qtbot.waitUntil(lambda: not view.editor.has_pending_edits, timeout=5000)
    row = empty_controller.read(lambda session: read_narrative_row(session, "overview.purpose"))
    assert row is not None and (row.title, row.body, row.position) == ("계획 목적", "목적", 1)
    assert view.model.index_of("overview.purpose", 1).data() == "✓ Written"
    assert view.model.index_of("overview", 1).data() == "1 of 3 written"
    assert view.current_key() == "overview.purpose"  # the refresh kept the selection
    empty_controller.undo_stack.undo()
    assert view.model.index_of("overview.purpose", 1).data() == "To be written"
    assert view.editor.text() == ""


def test_switching_section_stores_what_was_typed(qtbot: Any, empty_controller: PlanController,
                                                 test_profiles: dict[str, GuidelineProfile]) -> None:
    view = make_view(qtbot, empty_controller)
    view.select_section("overview.background")
    view.editor.text_edit.insertPlainText("배경")
    view.select_section("overview.purpose")
    assert empty_controller.undo_stack.count() == 1
    row = empty_controller.read(lambda session: read_narrative_row(session, "overview.background"))
    assert row is not None and (row.title, row.body, row.position) == ("추진 배경", "배경", 0)
    assert view.editor.key == "overview.purpose"
    view.editor.text_edit.insertPlainText("목적")
    view.select_section(COVER_KEY)
    assert empty_controller.undo_stack.count() == 2
    view.select_section("overview.background")
    assert view.editor.text() == "배경"


def test_hiding_the_view_stores_what_was_typed(qtbot: Any, empty_controller: PlanController,
                                               test_profiles: dict[str, GuidelineProfile]) -> None:
    view = make_view(qtbot, empty_controller)
    view.select_section("overview.background")
    view.editor.text_edit.insertPlainText("배경")
    view.hide()
    assert empty_controller.undo_stack.count() == 1
    assert not view.editor.has_pending_edits


def test_undo_from_elsewhere_shows_the_previous_text(qtbot: Any, haedam_controller: PlanController) -> None:
    view = make_view(qtbot, haedam_controller)
    view.select_section("overview.background")
    before = view.editor.text()
    view.editor.text_edit.selectAll()
    view.editor.text_edit.insertPlainText("새 배경")  # the first line's bullet level stays
    view.commit_pending()
    assert view.editor.text() == "□ 새 배경"
    haedam_controller.undo_stack.undo()
    assert view.editor.text() == before
    row = haedam_controller.read(lambda session: read_narrative_row(session, "overview.background"))
    assert row is not None and row.body == before
    haedam_controller.undo_stack.redo()
    assert view.editor.text() == "□ 새 배경"


def test_ctrl_z_in_the_editor_undoes_on_the_plan(qtbot: Any, haedam_controller: PlanController) -> None:
    view = make_view(qtbot, haedam_controller)
    view.select_section("overview.purpose")
    before = view.editor.text()
    view.editor.text_edit.insertPlainText("앞말 ")
    view.editor.text_edit.setFocus()
    QTest.keyClick(view.editor.text_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert view.editor.text() == before
    assert haedam_controller.undo_stack.index() == 0


def test_a_new_profile_rebuilds_the_outline(qtbot: Any, empty_controller: PlanController,
                                            test_profiles: dict[str, GuidelineProfile]) -> None:
    view = make_view(qtbot, empty_controller)
    view.select_section("overview.purpose.detail")
    empty_controller.execute(UpdateRow("plan", plan_id(empty_controller), {"guideline_profile_id": "english-profile"}))
    assert view.model.index_of("overview.purpose.detail").data() == "1.2.1 Detailed aims"
    assert view.current_key() == "overview.purpose.detail"
    assert "english-profile" in view.profile_label.text()


def test_a_profile_that_cannot_be_read_is_reported(qtbot: Any, empty_controller: PlanController,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from planner.errors import PlannerError

    def broken(_plan_type: str, _profile_id: str) -> GuidelineProfile:
        raise PlannerError("line 3: bad section")

    monkeypatch.setattr(document_view, "load_plan_profile", broken)
    view = make_view(qtbot, empty_controller)
    assert "line 3: bad section" in view.message_bar.text()
    assert view.model.rowCount() == 0


def test_a_stale_view_refreshes_when_shown(qtbot: Any, empty_controller: PlanController,
                                           test_profiles: dict[str, GuidelineProfile]) -> None:
    view = make_view(qtbot, empty_controller)
    view.hide()
    empty_controller.execute(UpdateRow("plan", plan_id(empty_controller), {"guideline_profile_id": "english-profile"}))
    assert view.refresher.stale
    view.show()
    qtbot.waitExposed(view)
    assert view.model.index_of("overview.purpose").data() == "1.2 Purpose"


def test_a_replaced_document_drops_unsaved_typing_and_reloads(qtbot: Any, empty_controller: PlanController,
                                                             test_profiles: dict[str, GuidelineProfile]) -> None:
    view = make_view(qtbot, empty_controller)
    view.select_section("overview.background")
    view.editor.text_edit.insertPlainText("되돌릴 글")
    empty_controller.document_replaced.emit()
    assert view.editor.text() == ""
    assert empty_controller.undo_stack.count() == 0
    assert view.model.index_of("overview.background").data(KEY_ROLE) == "overview.background"
