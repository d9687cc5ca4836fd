"""PdfJob builds the PDF from a snapshot in a worker thread, reports back by signals, cancels, and cleans up."""

from __future__ import annotations

import errno
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from desktop_app.plan_controller import PlanController
from desktop_app.printing import pdf_job
from desktop_app.printing.pdf_job import PdfJob, PdfJobResult, PdfRequest, failure_message
from planner.commands import UpdateRow
from planner.model import Plan
from tests.desktop_app.printing import demo_controller_at, pdf_page_texts

TIMEOUT_MS = 60_000


@pytest.fixture
def controller(qtbot: Any, tmp_path: Path) -> Iterator[PlanController]:
    with demo_controller_at(tmp_path) as demo:
        yield demo


def plan_id(controller: PlanController) -> str:
    return controller.read(lambda session: session.execute(select(Plan.id)).scalar_one())


def run(qtbot: Any, job: PdfJob) -> PdfJobResult:
    with qtbot.waitSignal(job.finished, timeout=TIMEOUT_MS) as finished:
        job.start()
    assert job.wait()
    return finished.args[0]


def test_builds_the_demo_plan_in_the_background_and_removes_the_snapshot(qtbot: Any, controller: PlanController) -> None:
    job = PdfJob(controller, PdfRequest(language="ko"))
    progress: list[str] = []
    job.progress.connect(progress.append)
    result = run(qtbot, job)
    assert result.pdf is not None and result.pdf.startswith(b"%PDF")
    texts = pdf_page_texts(result.pdf)
    assert len(texts) > 10
    assert "해담군" in "".join(texts)
    assert result.profile_id == "kr-master-plan" and result.language == "ko"
    assert result.report is not None and result.draft == result.report.has_errors
    assert progress, "the build reports what it is doing"
    assert job.snapshot_dir is not None and not job.snapshot_dir.exists()
    assert not job.running


def test_builds_from_the_plan_as_it_was_when_started(qtbot: Any, controller: PlanController) -> None:
    """The worker reads its snapshot, never the GUI's working copy: an edit made meanwhile is not in it."""
    title = controller.read(lambda session: session.execute(select(Plan.title)).scalar_one())
    job = PdfJob(controller, PdfRequest(language="ko", draft=False))
    with qtbot.waitSignal(job.finished, timeout=TIMEOUT_MS) as finished:
        job.start()
        controller.execute(UpdateRow("plan", plan_id(controller), {"title": "바뀐 제목 ZZQ"}))
    text = "".join(pdf_page_texts(finished.args[0].pdf))
    assert "ZZQ" not in text
    assert title.split()[0] in text


def test_a_cancelled_job_reports_nothing_and_leaves_nothing(qtbot: Any, controller: PlanController) -> None:
    job = PdfJob(controller, PdfRequest(language="ko"))
    job.start()
    snapshot = job.snapshot_dir
    assert snapshot is not None and job.running
    job.cancel()
    assert not job.running
    with qtbot.assertNotEmitted(job.finished, wait=200), qtbot.assertNotEmitted(job.failed, wait=200):
        assert job.wait(TIMEOUT_MS / 1000)
    assert not snapshot.exists()


def test_a_cancelled_export_leaves_no_new_file(qtbot: Any, controller: PlanController, tmp_path: Path) -> None:
    target = tmp_path / "out" / "plan.pdf"
    target.parent.mkdir()
    job = PdfJob(controller, PdfRequest(language="ko", target=target, force=True))
    job.start()
    job.cancel()
    assert job.wait(TIMEOUT_MS / 1000)
    qtbot.wait(100)  # let the worker's last (ignored) news arrive
    assert list(target.parent.iterdir()) == []


def test_exports_to_the_target(qtbot: Any, controller: PlanController, tmp_path: Path) -> None:
    target = tmp_path / "plan.pdf"
    result = run(qtbot, PdfJob(controller, PdfRequest(language="ko", target=target, force=True)))
    assert result.path == target and target.is_file()
    assert result.pages == len(pdf_page_texts(target)) > 10
    assert result.pdf is None


def test_a_target_in_a_missing_folder_fails_with_a_message_naming_it(qtbot: Any, controller: PlanController,
                                                                     tmp_path: Path) -> None:
    target = tmp_path / "no such folder" / "plan.pdf"
    job = PdfJob(controller, PdfRequest(language="ko", target=target, force=True))
    with qtbot.waitSignal(job.failed, timeout=TIMEOUT_MS) as failed:
        job.start()
    assert "no such folder" in failed.args[0]
    assert job.wait() and job.snapshot_dir is not None and not job.snapshot_dir.exists()
    assert not target.parent.exists()


def test_a_snapshot_that_cannot_be_made_is_reported(qtbot: Any, controller: PlanController,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(_source: Path, _target: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("planner.storage.document.copy_database", fail)
    job = PdfJob(controller, PdfRequest(language="ko"))
    with qtbot.waitSignal(job.failed, timeout=1000) as failed:
        job.start()
    assert "No space left on device" in failed.args[0]
    assert job.snapshot_dir is not None and not job.snapshot_dir.exists()
    assert not job.running


def test_an_unknown_profile_fails_with_the_planner_message(qtbot: Any, controller: PlanController) -> None:
    job = PdfJob(controller, PdfRequest(profile_id="no-such-profile", language="ko"))
    with qtbot.waitSignal(job.failed, timeout=TIMEOUT_MS) as failed:
        job.start()
    assert "no-such-profile" in failed.args[0]


def test_failure_messages_name_the_file_and_the_reason() -> None:
    request = PdfRequest(target=Path("/media/usb/plan.pdf"))
    message = failure_message(OSError(errno.ENOSPC, "No space left on device", "/media/usb/plan.pdf"), request)
    assert "/media/usb/plan.pdf" in message and "No space left on device" in message
    assert "plan.pdf" in failure_message(PermissionError(errno.EACCES, "Permission denied"), request)
    assert "ValueError" in failure_message(ValueError("boom"), PdfRequest())


def test_one_build_pool_serialises_the_builds() -> None:
    assert pdf_job.build_pool() is pdf_job.build_pool()
    assert pdf_job.build_pool().maxThreadCount() == 1
