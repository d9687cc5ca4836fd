"""Export PDF from the app: target, checks, the draft choice, progress, the message at the end, failures."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QPushButton

from desktop_app.plan_controller import PlanController
from desktop_app.printing import export_flow
from desktop_app.printing.export_flow import (
    CANCEL,
    ERRORS_LISTED,
    EXPORT_DRAFT,
    SHOW_CHECKS,
    CheckErrorsDialog,
    ExportFlow,
    pdf_file_name,
    suggested_target,
)
from planner.commands import AddRow
from planner.guidelines.findings import CheckReport, Finding
from planner.months import YearMonth
from tests.desktop_app.printing import demo_controller_at, pdf_page_texts

TIMEOUT_MS = 60_000
WATERMARK = "DRAFT"


@pytest.fixture
def controller(qtbot: Any, tmp_path: Path) -> Iterator[PlanController]:
    with demo_controller_at(tmp_path) as demo:
        yield demo


def add_bare_initiative(controller: PlanController) -> None:
    """An initiative without lead or KPI: the master-plan profile's checks report errors."""
    controller.execute(AddRow("initiative", {"code": "Z-99", "title": "검토 안 된 과제", "start_month": YearMonth(2027, 1),
                                             "duration_months": 6}))


class Answers:
    """Scripted answers to an ExportFlow's questions and a record of what it said."""

    def __init__(self, flow: ExportFlow, target: Path | None, choice: str = CANCEL) -> None:
        self.suggested: list[Path] = []
        self.reports: list[Any] = []
        self.done: list[str] = []
        self.failures: list[str] = []
        self.target = target
        self.choice = choice
        flow.choose_target = self._choose_target
        flow.confirm_draft = self._confirm_draft
        flow.show_done = lambda _parent, message, _path: self.done.append(message)
        flow.show_failure = lambda _parent, message: self.failures.append(message)

    def _choose_target(self, _parent: Any, suggested: Path) -> Path | None:
        self.suggested.append(suggested)
        return self.target

    def _confirm_draft(self, _parent: Any, report: Any, _profile_name: str) -> str:
        self.reports.append(report)
        return self.choice


def run(qtbot: Any, flow: ExportFlow) -> None:
    with qtbot.waitSignal(flow.ended, timeout=TIMEOUT_MS):
        flow.start()
    if flow.job is not None:
        assert flow.job.wait()


def test_a_plan_without_errors_is_exported_and_reported(qtbot: Any, controller: PlanController, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    # The checks find nothing (whatever the demo plan holds today): the export is final, asked nothing.
    monkeypatch.setattr("planner.guidelines.checks.check_plan",
                        lambda _session, profile, language, **_options: CheckReport(profile.id, language, ()))
    target = tmp_path / "out" / "plan.pdf"
    target.parent.mkdir()
    flow = ExportFlow(controller)
    answers = Answers(flow, target)
    exported: list[tuple[str, int]] = []
    flow.exported.connect(lambda path, pages: exported.append((path, pages)))
    run(qtbot, flow)
    assert answers.reports == [], "no errors, no question"
    texts = pdf_page_texts(target)
    assert exported == [(str(target), len(texts))]
    assert answers.done == [f"PDF saved: {target} ({len(texts)} pages)"]
    assert all(WATERMARK not in text for text in texts)
    assert list(target.parent.iterdir()) == [target]
    assert export_flow.last_export_folder() == str(target.parent)


def test_errors_ask_and_the_draft_choice_writes_a_watermarked_draft(qtbot: Any, controller: PlanController,
                                                                   tmp_path: Path) -> None:
    add_bare_initiative(controller)
    target = tmp_path / "draft.pdf"
    flow = ExportFlow(controller)
    answers = Answers(flow, target, EXPORT_DRAFT)
    run(qtbot, flow)
    assert len(answers.reports) == 1 and answers.reports[0].has_errors
    assert any("Z-99" in finding.item_label for finding in answers.reports[0].errors)
    texts = pdf_page_texts(target)
    assert all(WATERMARK in text for text in texts[1:])
    assert "draft" in answers.done[0]


def test_errors_then_cancel_write_nothing(qtbot: Any, controller: PlanController, tmp_path: Path) -> None:
    add_bare_initiative(controller)
    folder = tmp_path / "out"
    folder.mkdir()
    flow = ExportFlow(controller)
    answers = Answers(flow, folder / "plan.pdf", CANCEL)
    with qtbot.assertNotEmitted(flow.exported), qtbot.assertNotEmitted(flow.show_checks_requested):
        run(qtbot, flow)
    assert len(answers.reports) == 1
    assert list(folder.iterdir()) == []
    assert flow.job is None and answers.done == [] and answers.failures == []


def test_show_checks_asks_for_the_checks_panel_and_writes_nothing(qtbot: Any, controller: PlanController,
                                                                 tmp_path: Path) -> None:
    add_bare_initiative(controller)
    flow = ExportFlow(controller)
    Answers(flow, tmp_path / "plan.pdf", SHOW_CHECKS)
    with qtbot.waitSignal(flow.show_checks_requested, timeout=1000):
        run(qtbot, flow)
    assert not (tmp_path / "plan.pdf").exists()


def test_cancelling_the_file_dialog_does_nothing(qtbot: Any, controller: PlanController, tmp_path: Path) -> None:
    flow = ExportFlow(controller)
    answers = Answers(flow, None)
    run(qtbot, flow)
    assert answers.suggested and answers.suggested[0].suffix == ".pdf"
    assert flow.job is None and answers.failures == [] and answers.done == []


def test_a_target_in_a_missing_folder_gets_a_clear_message(qtbot: Any, controller: PlanController,
                                                           tmp_path: Path) -> None:
    target = tmp_path / "missing" / "plan.pdf"
    flow = ExportFlow(controller)
    answers = Answers(flow, target, EXPORT_DRAFT)
    failed: list[str] = []
    flow.failed.connect(failed.append)
    run(qtbot, flow)
    assert len(answers.failures) == 1 and failed == answers.failures
    assert str(target) in answers.failures[0] and "does not exist" in answers.failures[0]
    assert not target.parent.exists()


def test_a_write_failure_in_the_worker_is_reported_and_leaves_nothing(qtbot: Any, controller: PlanController,
                                                                      tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The folder disappears between the question and the write: the worker's failure is shown."""
    folder = tmp_path / "usb"
    folder.mkdir()
    monkeypatch.setattr(export_flow, "target_problem", lambda _target: None)
    flow = ExportFlow(controller)
    answers = Answers(flow, folder / "gone" / "plan.pdf", EXPORT_DRAFT)
    run(qtbot, flow)
    assert len(answers.failures) == 1 and "gone" in answers.failures[0]
    assert list(folder.iterdir()) == []


def test_cancel_during_the_export_leaves_nothing(qtbot: Any, controller: PlanController, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    flow = ExportFlow(controller)
    answers = Answers(flow, folder / "plan.pdf", EXPORT_DRAFT)
    flow.start()
    assert flow.job is not None and flow.job.running
    with qtbot.waitSignal(flow.ended, timeout=1000):
        flow.progress_dialog.findChild(QPushButton).click()  # type: ignore[union-attr]
    assert flow.job.wait(TIMEOUT_MS / 1000)
    qtbot.wait(100)
    assert list(folder.iterdir()) == []
    assert answers.done == [] and answers.failures == []


def test_the_default_file_is_the_plan_title_in_the_last_folder(controller: PlanController, tmp_path: Path) -> None:
    assert pdf_file_name('a/b: "c"?') == "a_b_ _c.pdf"
    assert pdf_file_name("   ") == "plan.pdf"
    plan_folder = controller.document.path.parent  # type: ignore[union-attr]
    assert suggested_target(controller, "해담군 계획") == plan_folder / "해담군 계획.pdf"
    export_flow.remember_export_folder(tmp_path)
    assert suggested_target(controller, "해담군 계획") == tmp_path / "해담군 계획.pdf"


def test_the_errors_dialog_lists_twenty_and_counts_the_rest(qtbot: Any) -> None:
    findings = tuple(Finding(f"lead:{n}", "lead", "error", f"Initiative {n} has no lead", "initiative", str(n),
                             f"A-{n:02d}") for n in range(25))
    dialog = CheckErrorsDialog(CheckReport("kr-master-plan", "en", findings), "Master plan")
    qtbot.addWidget(dialog)
    assert dialog.error_list.rowCount() == ERRORS_LISTED
    assert [dialog.error_list.item(0, column).text() for column in range(3)] == [
        "Error", "A-00", "Initiative 0 has no lead"]
    more = dialog.findChild(QLabel, "more_errors_label")
    assert more is not None and more.text() == "and 5 more"
    dialog.draft_button.click()
    assert dialog.choice == EXPORT_DRAFT


def test_the_errors_dialog_offers_the_checks(qtbot: Any) -> None:
    finding = Finding("lead:1", "lead", "error", "No lead", "initiative", "1", "")
    dialog = CheckErrorsDialog(CheckReport("kr-master-plan", "en", (finding,)), "Master plan")
    qtbot.addWidget(dialog)
    assert dialog.findChild(QLabel, "more_errors_label") is None
    assert dialog.error_list.item(0, 1).text() == "—"
    dialog.checks_button.click()
    assert dialog.choice == SHOW_CHECKS
