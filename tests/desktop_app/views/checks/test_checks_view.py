"""The Checks page: findings of the demo plan, live updates after edits and undo, selection, profile, filters."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from sqlalchemy import select

from desktop_app.plan_controller import PlanController
from desktop_app.views.checks.checks_view import ChecksView
from planner.commands import UpdateRow
from planner.guidelines.checks import check_plan
from planner.guidelines.loader import profile_for_plan
from planner.model import Initiative, Plan


def make_view(qtbot: Any, controller: PlanController) -> ChecksView:
    view = ChecksView(controller)
    qtbot.addWidget(view)
    view.resize(1400, 900)
    view.show()
    qtbot.waitExposed(view)
    return view


@pytest.fixture
def view(qtbot: Any, haedam_controller: PlanController) -> ChecksView:
    return make_view(qtbot, haedam_controller)


def plan_row(controller: PlanController) -> Any:
    return controller.read(lambda session: session.execute(
        select(Plan.id, Plan.plan_type, Plan.guideline_profile_id)).one())


def expected_report(controller: PlanController, language: str | None = None) -> Any:
    plan = plan_row(controller)
    profile = profile_for_plan(plan.plan_type, plan.guideline_profile_id)
    return controller.read(lambda session: check_plan(session, profile, language or profile.language))


def first_initiative_with_a_lead(controller: PlanController) -> Any:
    return controller.read(lambda session: session.execute(
        select(Initiative.id, Initiative.code, Initiative.lead_stakeholder_id, Initiative.lead_department)
        .where(Initiative.lead_stakeholder_id.is_not(None)).order_by(Initiative.code)).first())


def lead_finding_ids(view: ChecksView, initiative_id: str) -> list[str]:
    report = view.report()
    assert report is not None
    return [finding.id for finding in report.findings if finding.check == "lead" and finding.item_id == initiative_id]


def row_of(view: ChecksView, finding_id: str) -> QModelIndex:
    row = view.model.row_of(finding_id)
    return view.proxy.mapFromSource(view.model.index(row, 0))


def test_lists_the_findings_of_the_demo_plan(view: ChecksView, haedam_controller: PlanController) -> None:
    expected = expected_report(haedam_controller)
    report = view.report()
    assert report is not None
    assert report.profile_id == expected.profile_id == "kr-master-plan"
    assert [finding.id for finding in report.findings] == [finding.id for finding in expected.findings]
    assert [finding.id for finding in view.shown_findings()] == [finding.id for finding in expected.findings]
    assert view.profile_combo.currentData() == "kr-master-plan"
    assert view.language_combo.currentData() == "ko"
    counts = expected.counts()
    assert view.severity_buttons["error"].text() == f"Errors {counts['error']}"
    assert view.severity_buttons["warning"].text() == f"Warnings {counts['warning']}"
    assert view.severity_buttons["info"].text() == f"Info {counts['info']}"
    if counts["error"]:
        assert str(counts["error"]) in view.summary_label.text()
        assert "fix" in view.summary_label.text()
    else:
        assert view.summary_label.text() == "Ready to export"
    if expected.findings:
        assert view.stack.currentWidget() is view.table
    assert view.profile_note_bar.isHidden()


def test_clearing_a_lead_adds_a_finding_after_a_moment_and_undo_removes_it(
        qtbot: Any, view: ChecksView, haedam_controller: PlanController) -> None:
    initiative = first_initiative_with_a_lead(haedam_controller)
    assert lead_finding_ids(view, initiative.id) == []
    haedam_controller.execute(UpdateRow("initiative", initiative.id,
                                        {"lead_stakeholder_id": None, "lead_department": ""}))
    assert lead_finding_ids(view, initiative.id) == []  # not yet: the edits are checked together a moment later
    qtbot.waitUntil(lambda: lead_finding_ids(view, initiative.id) != [], timeout=5000)
    finding_id = lead_finding_ids(view, initiative.id)[0]
    assert row_of(view, finding_id).isValid()
    assert initiative.code in row_of(view, finding_id).siblingAtColumn(2).data()

    haedam_controller.undo_stack.undo()
    qtbot.waitUntil(lambda: lead_finding_ids(view, initiative.id) == [], timeout=5000)
    assert not view.model.row_of(finding_id) >= 0


def test_a_hidden_view_checks_only_when_shown_again(
        qtbot: Any, view: ChecksView, haedam_controller: PlanController) -> None:
    initiative = first_initiative_with_a_lead(haedam_controller)
    view.hide()
    haedam_controller.execute(UpdateRow("initiative", initiative.id,
                                        {"lead_stakeholder_id": None, "lead_department": ""}))
    qtbot.waitUntil(lambda: view.refresher.stale, timeout=5000)
    assert lead_finding_ids(view, initiative.id) == []
    view.show()
    qtbot.waitExposed(view)
    assert lead_finding_ids(view, initiative.id) != []


def test_the_current_finding_and_scroll_survive_a_refresh(
        qtbot: Any, view: ChecksView, haedam_controller: PlanController) -> None:
    view.resize(1400, 420)  # fewer rows fit than there are findings
    findings = view.shown_findings()
    view.select_finding(findings[-1].id)
    scroll_bar = view.table.verticalScrollBar()
    assert scroll_bar.value() > 0
    top_before = view.table.indexAt(view.table.viewport().rect().topLeft())
    top_id = view.model.finding(view.proxy.mapToSource(top_before).row()).id
    initiative = first_initiative_with_a_lead(haedam_controller)
    haedam_controller.execute(UpdateRow("initiative", initiative.id,
                                        {"lead_stakeholder_id": None, "lead_department": ""}))
    qtbot.waitUntil(lambda: lead_finding_ids(view, initiative.id) != [], timeout=5000)
    assert view.shown_findings().index(next(f for f in view.shown_findings() if f.check == "lead")) < \
        view.shown_findings().index(next(f for f in view.shown_findings() if f.id == top_id))  # added above
    current = view.current_finding()
    assert current is not None and current.id == findings[-1].id
    top_after = view.table.indexAt(view.table.viewport().rect().topLeft())
    assert view.model.finding(view.proxy.mapToSource(top_after).row()).id == top_id


def test_clicking_a_finding_selects_its_item(qtbot: Any, view: ChecksView, haedam_controller: PlanController) -> None:
    finding = next(f for f in view.shown_findings() if f.item_kind and f.item_id)
    index = row_of(view, finding.id).siblingAtColumn(3)
    view.table.scrollTo(index)
    with qtbot.waitSignal(haedam_controller.selection_changed) as blocker:
        QTest.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=view.table.visualRect(index).center())
    assert blocker.args == [finding.item_kind, [finding.item_id]]
    assert view.current_finding() == finding


def test_keyboard_moves_select_items_and_enter_activates(
        qtbot: Any, view: ChecksView, haedam_controller: PlanController) -> None:
    findings = [f for f in view.shown_findings() if f.item_kind and f.item_id]
    assert len(findings) >= 2
    view.select_finding(findings[0].id)
    view.table.setFocus()
    second = view.shown_findings()[view.shown_findings().index(findings[0]) + 1]
    QTest.keyClick(view.table, Qt.Key.Key_Down)
    assert view.current_finding() == second
    if second.item_kind:
        assert haedam_controller.selection_kind == second.item_kind
    view.select_finding(findings[1].id)
    with qtbot.waitSignal(view.item_activated) as blocker:
        QTest.keyClick(view.table, Qt.Key.Key_Return)
    assert blocker.args == [findings[1].item_kind, findings[1].item_id]
    assert haedam_controller.selection_ids == [findings[1].item_id]


def test_double_click_activates_the_item(qtbot: Any, view: ChecksView) -> None:
    finding = next(f for f in view.shown_findings() if f.item_kind and f.item_id)
    index = row_of(view, finding.id).siblingAtColumn(1)
    view.table.scrollTo(index)
    centre = view.table.visualRect(index).center()
    QTest.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)  # a double-click's first press
    with qtbot.waitSignal(view.item_activated) as blocker:
        QTest.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert blocker.args == [finding.item_kind, finding.item_id]


def test_switching_the_profile_is_one_undo_entry(
        qtbot: Any, view: ChecksView, haedam_controller: PlanController) -> None:
    before = haedam_controller.undo_stack.count()
    index = view.profile_combo.findData("en-partner-brief")
    assert index >= 0
    view.profile_combo.setCurrentIndex(index)
    view.profile_combo.activated.emit(index)
    assert haedam_controller.undo_stack.count() == before + 1
    assert plan_row(haedam_controller).guideline_profile_id == "en-partner-brief"
    report = view.report()
    assert report is not None and report.profile_id == "en-partner-brief"
    assert report.language == "en"  # the messages follow the profile's language
    assert view.language_combo.currentData() == "en"
    assert [f.id for f in report.findings] == [f.id for f in expected_report(haedam_controller).findings]

    haedam_controller.undo_stack.undo()
    assert plan_row(haedam_controller).guideline_profile_id == "kr-master-plan"
    assert haedam_controller.undo_stack.count() == before + 1  # undone, still one entry (redo-able)
    qtbot.waitUntil(lambda: view.profile_combo.currentData() == "kr-master-plan", timeout=5000)
    assert view.report().profile_id == "kr-master-plan"  # type: ignore[union-attr]
    assert view.language_combo.currentData() == "ko"


def test_the_report_language_can_be_chosen(view: ChecksView, haedam_controller: PlanController) -> None:
    index = view.language_combo.findData("en")
    view.language_combo.setCurrentIndex(index)
    view.language_combo.activated.emit(index)
    report = view.report()
    assert report is not None and report.language == "en"
    expected = expected_report(haedam_controller, "en")
    assert [f.message for f in report.findings] == [f.message for f in expected.findings]
    assert haedam_controller.undo_stack.count() == 0  # not an edit of the plan


def test_severity_toggles_and_search_filter_the_table(view: ChecksView) -> None:
    report = view.report()
    assert report is not None
    view.set_shown_severities({"warning"})
    assert not view.severity_buttons["error"].isChecked()
    assert [f.id for f in view.shown_findings()] == [f.id for f in report.findings if f.severity == "warning"]
    view.set_shown_severities({"error", "warning", "info"})
    assert len(view.shown_findings()) == len(report.findings)

    target = next(f for f in report.findings if f.item_label)
    word = target.item_label.split()[0]
    view.focus_search()
    assert view.search_edit.hasFocus()
    view.search_edit.setText(word)
    shown = view.shown_findings()
    assert target in shown
    assert all(word.casefold() in " ".join((f.item_label, f.message)).casefold()
               or word.casefold() in view.model.search_text(f) for f in shown)
    view.search_edit.setText("zzz-no-such-finding")
    assert view.shown_findings() == []
    assert view.count_label.text() == f"0 of {len(report.findings)} findings shown"


def test_export_button_asks_for_the_export(qtbot: Any, view: ChecksView) -> None:
    with qtbot.waitSignal(view.export_requested):
        view.export_button.click()


def test_focus_order_runs_from_profile_to_table(view: ChecksView) -> None:
    order = [view.profile_combo, view.language_combo, *view.severity_buttons.values(), view.search_edit, view.table]
    for first, second in itertools.pairwise(order):
        assert first.nextInFocusChain() is second or _next_focusable(first) is second
    for widget in (view.profile_combo, view.language_combo, view.search_edit, view.table, view.export_button):
        assert widget.accessibleName()


def _next_focusable(widget: Any) -> Any:
    following = widget.nextInFocusChain()
    while following is not widget and not following.focusPolicy() & Qt.FocusPolicy.TabFocus:
        following = following.nextInFocusChain()
    return following


def test_an_unknown_profile_falls_back_with_a_note(qtbot: Any, empty_controller: PlanController) -> None:
    plan_id = plan_row(empty_controller).id
    empty_controller.execute(UpdateRow("plan", plan_id, {"guideline_profile_id": "kr-not-installed"}))
    view = make_view(qtbot, empty_controller)
    assert view.report().profile_id == "kr-master-plan"  # type: ignore[union-attr]
    assert "kr-not-installed" in view.profile_note_bar.text()
    assert view.profile_combo.currentData() == "kr-master-plan"
    view.profile_note_bar.button.click()  # "Use This Profile"
    assert plan_row(empty_controller).guideline_profile_id == "kr-master-plan"
    assert view.profile_note_bar.isHidden()


def test_broken_user_profiles_are_named_with_line_and_problem(
        qtbot: Any, private_data_dir: Path, empty_controller: PlanController) -> None:
    folder = private_data_dir / "guidelines"
    folder.mkdir(parents=True)
    (folder / "my-broken.yaml").write_text(
        "format: convergence-planner-guideline\nformat_version: 1\nid: my-broken\nname: {ko: 고장, en: Broken}\n"
        "plan_type: master\nlanguage: ko\nsections: []\ncolour: blue\n", encoding="utf-8")
    view = make_view(qtbot, empty_controller)
    text = view.profile_errors_bar.text()
    assert "my-broken.yaml" in text
    assert "line 8" in text
    assert "colour" in text  # the problem: an unknown key
    assert view.report() is not None  # the checks still run against a sound profile

    (folder / "my-broken.yaml").unlink()
    view.hide()
    view.show()  # coming back to the page reads the profile files again
    qtbot.waitExposed(view)
    assert view.profile_errors_bar.isHidden()


def test_a_plan_without_findings_shows_the_empty_state(
        qtbot: Any, empty_controller: PlanController, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop_app.views.checks import checks_view
    from planner.guidelines.findings import CheckReport

    monkeypatch.setattr(checks_view, "check_plan",
                        lambda session, profile, language, *, today=None: CheckReport(profile.id, language, ()))
    view = make_view(qtbot, empty_controller)
    assert view.stack.currentWidget() is view.empty_label
    assert "no problems" in view.empty_label.text()
    assert view.summary_label.text() == "Ready to export"


def test_choosing_the_current_profile_again_is_no_edit(view: ChecksView, haedam_controller: PlanController) -> None:
    index = view.profile_combo.findData("kr-master-plan")
    view.profile_combo.activated.emit(index)
    assert haedam_controller.undo_stack.count() == 0


def test_a_large_plan_is_checked_under_the_busy_cursor(
        qtbot: Any, empty_controller: PlanController, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QApplication

    from desktop_app.views.checks import checks_view
    from planner.guidelines.findings import CheckReport

    cursors: list[Any] = []

    def recording_check_plan(session: Any, profile: Any, language: str, *, today: Any = None) -> CheckReport:
        cursor = QApplication.overrideCursor()
        cursors.append(cursor.shape() if cursor is not None else None)
        return CheckReport(profile.id, language, ())

    monkeypatch.setattr(checks_view, "check_plan", recording_check_plan)
    make_view(qtbot, empty_controller)
    monkeypatch.setattr(checks_view, "BUSY_CURSOR_INITIATIVES", -1)  # every plan counts as large
    make_view(qtbot, empty_controller)
    assert cursors == [None, Qt.CursorShape.WaitCursor]
    assert QApplication.overrideCursor() is None  # restored


def test_a_failing_check_is_reported_not_raised(
        qtbot: Any, empty_controller: PlanController, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop_app.views.checks import checks_view

    def failing_check_plan(*_args: Any, **_kwargs: Any) -> Any:
        raise KeyError("kpi")

    monkeypatch.setattr(checks_view, "check_plan", failing_check_plan)
    view = make_view(qtbot, empty_controller)
    assert "could not be checked" in view.error_bar.text()
    assert view.report() is None
