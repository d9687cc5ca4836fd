"""The print preview shows the PDF's own pages, navigates and zooms, rebuilds on a profile change, and
previews a plan with errors as the watermarked draft an export would write."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtTest import QTest

from desktop_app.plan_controller import PlanController
from desktop_app.printing import export_flow
from desktop_app.printing.print_preview_dialog import PrintPreviewDialog
from planner.commands import AddRow
from planner.months import YearMonth
from tests.desktop_app.printing import demo_controller_at

TIMEOUT_MS = 60_000


@pytest.fixture
def controller(qtbot: Any, tmp_path: Path) -> Iterator[PlanController]:
    with demo_controller_at(tmp_path) as demo:
        yield demo


def open_dialog(qtbot: Any, controller: PlanController) -> PrintPreviewDialog:
    dialog = PrintPreviewDialog(controller)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.built, timeout=TIMEOUT_MS):
        dialog.resize(1200, 900)
        dialog.show()
        qtbot.waitExposed(dialog)
    return dialog


@pytest.fixture
def dialog(qtbot: Any, controller: PlanController) -> Iterator[PrintPreviewDialog]:
    preview = open_dialog(qtbot, controller)
    yield preview
    preview.close()
    if preview.job is not None:
        preview.job.wait()


def pdf_pages(dialog: PrintPreviewDialog) -> int:
    import io

    assert dialog.result is not None and dialog.result.pdf is not None
    return len(PdfReader(io.BytesIO(dialog.result.pdf)).pages)


def test_shows_every_page_of_the_pdf(dialog: PrintPreviewDialog) -> None:
    count = pdf_pages(dialog)
    assert count > 10 and dialog.page_count == count
    assert dialog.page_box.text() == f"1 / {count}"
    assert dialog.view.pageMode() == QPdfView.PageMode.MultiPage
    assert not dialog.busy_action.isVisible()
    assert dialog.status_label.text() == f"{count} pages"
    assert dialog.print_action.isEnabled()
    assert dialog.profile_id == "kr-master-plan" and dialog.language == "ko"


def test_page_buttons_and_keys_move_through_the_pages(qtbot: Any, dialog: PrintPreviewDialog) -> None:
    count = dialog.page_count
    assert not dialog.previous_action.isEnabled()
    dialog.next_action.trigger()
    assert dialog.current_page == 1 and dialog.page_box.value() == 2
    dialog.view.setFocus()
    QTest.keyClick(dialog.view, Qt.Key.Key_PageDown)
    assert dialog.current_page == 2
    QTest.keyClick(dialog.view, Qt.Key.Key_PageUp)
    assert dialog.current_page == 1
    QTest.keyClick(dialog.view, Qt.Key.Key_End)
    assert dialog.current_page == count - 1 and dialog.page_box.text() == f"{count} / {count}"
    assert not dialog.next_action.isEnabled() and not dialog.last_action.isEnabled()
    QTest.keyClick(dialog.view, Qt.Key.Key_Home)
    assert dialog.current_page == 0
    dialog.page_box.setValue(5)
    assert dialog.current_page == 4
    dialog.go_to_page(10_000)
    assert dialog.current_page == count - 1


def test_zoom_and_fit_change_the_view(qtbot: Any, dialog: PrintPreviewDialog) -> None:
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.FitInView and dialog.fit_page_action.isChecked()
    fitted = dialog.effective_zoom()
    dialog.view.setFocus()
    QTest.keyClick(dialog.view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.Custom
    assert dialog.view.zoomFactor() > fitted
    assert dialog.zoom_label.text() == f"{round(dialog.view.zoomFactor() * 100)} %"
    zoomed = dialog.view.zoomFactor()
    QTest.keyClick(dialog.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert dialog.view.zoomFactor() < zoomed
    dialog.fit_width_action.trigger()
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    assert dialog.fit_width_action.isChecked() and not dialog.fit_page_action.isChecked()
    assert dialog.effective_zoom() > fitted, "a portrait page is wider when fitted to the width"
    for _step in range(30):
        dialog.zoom_in()
    assert dialog.view.zoomFactor() == 4.0 and not dialog.zoom_in_action.isEnabled()
    dialog.fit_page_action.trigger()
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.FitInView


def test_choosing_another_profile_rebuilds_in_its_language(qtbot: Any, dialog: PrintPreviewDialog) -> None:
    index = dialog.profile_box.findData("en-partner-brief")
    assert index >= 0
    with qtbot.waitSignal(dialog.built, timeout=TIMEOUT_MS):
        dialog.profile_box.setCurrentIndex(index)
        assert dialog.building and dialog.busy_action.isVisible()
    assert dialog.result is not None and dialog.result.profile_id == "en-partner-brief"
    assert dialog.language == "en" and dialog.result.language == "en"
    assert dialog.page_count == pdf_pages(dialog)


def test_choosing_another_language_rebuilds(qtbot: Any, dialog: PrintPreviewDialog) -> None:
    with qtbot.waitSignal(dialog.built, timeout=TIMEOUT_MS):
        dialog.language_box.setCurrentIndex(dialog.language_box.findData("en"))
    assert dialog.result is not None and dialog.result.language == "en"
    assert dialog.result.profile_id == "kr-master-plan"


def test_a_plan_with_errors_is_previewed_as_a_draft(qtbot: Any, controller: PlanController) -> None:
    controller.execute(AddRow("initiative", {"code": "Z-99", "title": "검토 안 된 과제", "start_month": YearMonth(2027, 1),
                                             "duration_months": 6}))
    preview = open_dialog(qtbot, controller)
    assert preview.result is not None and preview.result.draft
    errors = len(preview.result.report.errors)
    assert f"{errors} errors" in preview.draft_bar.text() and "DRAFT" in preview.draft_bar.text()
    with qtbot.waitSignal(preview.show_checks_requested, timeout=1000):
        preview.draft_bar.button.click()
    preview.close()


def test_an_edit_after_the_build_offers_a_refresh(qtbot: Any, dialog: PrintPreviewDialog,
                                                  controller: PlanController) -> None:
    assert dialog.notice_bar.text() == ""
    controller.execute(AddRow("initiative", {"code": "Z-98", "title": "새 과제", "start_month": YearMonth(2028, 1),
                                             "duration_months": 3}))
    assert "changed" in dialog.notice_bar.text()
    with qtbot.waitSignal(dialog.built, timeout=TIMEOUT_MS):
        dialog.notice_bar.button.click()
    assert dialog.notice_bar.text() == ""
    assert dialog.result is not None and dialog.result.draft, "the new initiative has no lead and no KPI"


def test_a_failed_build_is_shown_in_the_message_bar(qtbot: Any, dialog: PrintPreviewDialog,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from planner.errors import PlannerError

    def refuse(*_args: Any, **_kwargs: Any) -> bytes:
        raise PlannerError("The chart could not be drawn.")

    monkeypatch.setattr("planner.reports.pdf.build_pdf", refuse)
    with qtbot.waitSignal(dialog.build_failed, timeout=TIMEOUT_MS):
        dialog.refresh_action.trigger()
    assert dialog.notice_bar.text() == "The chart could not be drawn."
    assert dialog.page_count > 0, "the last pages stay on show"


def test_export_from_the_preview_uses_its_profile_and_language(qtbot: Any, dialog: PrintPreviewDialog,
                                                               monkeypatch: pytest.MonkeyPatch,
                                                               tmp_path: Path) -> None:
    target = tmp_path / "preview.pdf"
    monkeypatch.setattr(export_flow, "ask_pdf_target", lambda _parent, _suggested: target)
    monkeypatch.setattr(export_flow, "ask_draft_choice", lambda _parent, _report, _name: export_flow.EXPORT_DRAFT)
    monkeypatch.setattr(export_flow, "show_export_done", lambda _parent, _message, _path: None)
    with qtbot.waitSignal(dialog.built, timeout=TIMEOUT_MS):
        dialog.language_box.setCurrentIndex(dialog.language_box.findData("en"))
    with qtbot.waitSignal(dialog.exported, timeout=TIMEOUT_MS) as exported:
        dialog.export_action.trigger()
        assert not dialog.export_action.isEnabled()
    assert exported.args == [str(target), pdf_pages(dialog)]
    assert target.read_bytes()[:4] == b"%PDF"
    qtbot.waitUntil(lambda: dialog.export_action.isEnabled())


def test_closing_cancels_a_running_build(qtbot: Any, controller: PlanController) -> None:
    preview = PrintPreviewDialog(controller)
    qtbot.addWidget(preview)
    preview.show()
    qtbot.waitExposed(preview)
    job = preview.job
    assert job is not None and job.running
    with qtbot.assertNotEmitted(preview.built, wait=100):
        QTest.keyClick(preview, Qt.Key.Key_Escape)
    assert not preview.isVisible() and job.cancelled
    assert job.wait(TIMEOUT_MS / 1000)
