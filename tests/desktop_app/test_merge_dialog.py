"""Merge Plan from File in the app: the merge off the GUI thread, the conflict review, Apply as one undo step."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from desktop_app.merge.merge_dialog import NEEDS_BASE, PROBLEM, REVIEW, MergeDialog
from desktop_app.plan_controller import PlanController
from planner.commands import UpdateRow
from planner.interchange.importing import _snapshot
from planner.merge import lineage
from planner.model import Initiative
from planner.storage import PlanDocument
from tests.planner.commands.sample_plan import build_sample_plan

TIMEOUT_MS = 30_000


def set_titles(document: PlanDocument, titles: dict[str, str]) -> None:
    with document.session() as session:
        ids = dict(session.execute(select(Initiative.code, Initiative.id)).all())
    for code, title in titles.items():
        document.apply(UpdateRow("initiative", ids[code], {"title": title}))


def titles(controller: PlanController) -> dict[str, str]:
    return controller.read(lambda session: dict(session.execute(select(Initiative.code, Initiative.title)).all()))


@pytest.fixture
def two_versions(tmp_path: Path) -> tuple[Path, Path]:
    """The sample plan saved once (its first version), copied, and each copy edited and saved."""
    build_sample_plan(tmp_path / "plan.cplan").engine.dispose()
    with PlanDocument.open(tmp_path / "plan.cplan") as document:
        set_titles(document, {"A-02": "공통"})
        document.save()
    shutil.copy(tmp_path / "plan.cplan", tmp_path / "other.cplan")
    with PlanDocument.open(tmp_path / "other.cplan") as document:
        set_titles(document, {"A-01": "상대 제목", "A-02": "상대 둘째"})
        document.save()
    return tmp_path / "plan.cplan", tmp_path / "other.cplan"


@pytest.fixture
def controller(qtbot: Any, two_versions: tuple[Path, Path]) -> Iterator[PlanController]:
    document = PlanDocument.open(two_versions[0])
    controller = PlanController(document)
    controller.execute(UpdateRow("initiative", _id(controller, "A-01"), {"title": "우리 제목"}))
    yield controller
    controller.undo_stack.clear()
    document.close()


def _id(controller: PlanController, code: str) -> str:
    return controller.read(lambda session: session.execute(
        select(Initiative.id).where(Initiative.code == code)).scalar_one())


def wait_idle(qtbot: Any, dialog: MergeDialog) -> None:
    if dialog.job is not None:
        assert dialog.job.wait(TIMEOUT_MS / 1000)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=TIMEOUT_MS)


def open_dialog(qtbot: Any, controller: PlanController, other: Path) -> MergeDialog:
    dialog = MergeDialog(controller, None, other)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_idle(qtbot, dialog)
    return dialog


def test_review_choose_apply_and_undo(qtbot: Any, controller: PlanController, two_versions: tuple[Path, Path]) -> None:
    before = controller.read(lambda session: _snapshot(session.connection()))
    dialog = open_dialog(qtbot, controller, two_versions[1])
    assert dialog.pages.currentIndex() == REVIEW
    conflicts = dialog.merge_result.conflicts if dialog.merge_result else []
    assert [(conflict.conflict_type, conflict.field, conflict.text("ours"), conflict.text("theirs"))
            for conflict in conflicts] == [("field", "title", "우리 제목", "상대 제목")]
    group = dialog.tree.topLevelItem(0)
    assert group.childCount() == 1 and "(1)" in group.text(0)
    row = group.child(0)
    assert [row.text(column) for column in (1, 3, 4)][1:] == ["우리 제목", "상대 제목"]
    # keyboard: the list has the focus; T keeps theirs for the current conflict
    dialog.tree.setFocus()
    qtbot.keyClick(dialog.tree, Qt.Key.Key_T)
    assert dialog.choices[conflicts[0].key] == "theirs" and dialog.choice_buttons["theirs"].isChecked()
    assert "theirs 1" in dialog.summary.text() or "1" in dialog.summary.text()
    dialog.apply_button.click()
    wait_idle(qtbot, dialog)
    # the sample plan breaks guideline rules: shown as a warning (not a blocker); a second Apply applies anyway
    assert dialog.isVisible() and dialog.warning_label.isVisible()
    assert "guideline errors" in dialog.warning_label.text()
    assert controller.undo_stack.count() == 1
    dialog.apply_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=TIMEOUT_MS)
    assert dialog.result() == dialog.DialogCode.Accepted
    merged = titles(controller)
    assert merged["A-01"] == "상대 제목" and merged["A-02"] == "상대 둘째"
    assert controller.undo_stack.count() == 2  # our edit, then the merge: one step
    versions = controller.read(lambda session: lineage.read_versions(session.connection().connection.driver_connection))
    assert lineage.heads(lineage.read_versions_of(two_versions[1]))[0] in versions  # the next save descends from both
    controller.undo_stack.undo()
    assert controller.read(lambda session: _snapshot(session.connection())) == before
    assert lineage.heads(lineage.read_versions_of(two_versions[1]))[0] not in controller.read(
        lambda session: lineage.read_versions(session.connection().connection.driver_connection))


def test_all_theirs_and_cancel_changes_nothing(qtbot: Any, controller: PlanController,
                                              two_versions: tuple[Path, Path]) -> None:
    before = controller.read(lambda session: _snapshot(session.connection()))
    dialog = open_dialog(qtbot, controller, two_versions[1])
    dialog.all_theirs_button.click()
    assert set(dialog.choices.values()) == {"theirs"}
    dialog.cancel_button.click()
    assert controller.read(lambda session: _snapshot(session.connection())) == before
    assert controller.undo_stack.count() == 1


def test_a_file_without_a_common_version_asks_for_the_base(qtbot: Any, controller: PlanController,
                                                          tmp_path: Path) -> None:
    shutil.copy(controller.document.path, tmp_path / "unrelated.cplan")  # the same plan, its lineage cut off
    connection = sqlite3.connect(tmp_path / "unrelated.cplan")
    with connection:
        connection.execute("DELETE FROM plan_version")
    connection.close()
    dialog = open_dialog(qtbot, controller, tmp_path / "unrelated.cplan")
    assert dialog.pages.currentIndex() == NEEDS_BASE, dialog.problem_label.text()
    assert not dialog.apply_button.isEnabled()
    not_a_plan = tmp_path / "junk.cplan"
    not_a_plan.write_bytes(b"junk")
    dialog = open_dialog(qtbot, controller, not_a_plan)
    assert dialog.pages.currentIndex() == PROBLEM and "junk.cplan" in dialog.problem_label.text()
