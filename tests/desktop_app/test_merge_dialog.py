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
from planner.months import YearMonth
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
    # the sample plan breaks guideline rules, but on both sides alike: nothing new, so Apply applies at once
    dialog.apply_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=TIMEOUT_MS)
    assert dialog.checked is not None and dialog.checked.findings is not None and dialog.checked.findings.clean
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


def edit_file(path: Path, code: str, values: dict[str, Any]) -> None:
    with PlanDocument.open(path) as document:
        with document.session() as session:
            row_id = session.execute(select(Initiative.id).where(Initiative.code == code)).scalar_one()
        document.apply(UpdateRow("initiative", row_id, values))
        document.save()


def test_findings_only_the_merge_has_are_shown_before_applying(qtbot: Any, controller: PlanController,
                                                               two_versions: tuple[Path, Path]) -> None:
    # alone each side is fine; together A-01 runs past the plan's last year (2031)
    controller.execute(UpdateRow("initiative", _id(controller, "A-01"), {"start_month": YearMonth(2031, 1)}))
    edit_file(two_versions[1], "A-01", {"duration_months": 24})
    dialog = open_dialog(qtbot, controller, two_versions[1])
    dialog.all_ours_button.click()
    dialog.apply_button.click()
    wait_idle(qtbot, dialog)
    assert dialog.isVisible() and dialog.warning_label.isVisible()
    findings = dialog.checked.findings if dialog.checked else None
    assert findings is not None and [finding.check for finding in findings.errors] == ["period_in_plan"]
    assert {finding.kind for finding in findings.schedule} >= {"ends_after_plan_period"}
    text = dialog.warning_label.text()
    assert "guideline errors 1" in text and "A-01" in text
    assert dialog.apply_button.text().replace("&", "") == "Apply Anyway"
    assert controller.undo_stack.count() == 2  # nothing applied yet
    # changing a choice makes the findings stale: the next Apply checks again
    dialog.choose("theirs", dialog.merge_result.conflicts[0].key)
    assert not dialog.warning_label.isVisible() and dialog.apply_button.text().replace("&", "") == "Apply"
    dialog.choose("ours", dialog.merge_result.conflicts[0].key)
    dialog.apply_button.click()
    wait_idle(qtbot, dialog)
    assert dialog.warning_label.isVisible()
    dialog.apply_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=TIMEOUT_MS)
    assert "guideline errors 1" in dialog.applied_message
    assert controller.undo_stack.count() == 3


def versions_of(controller: PlanController) -> lineage.Versions:
    return controller.read(lambda session: lineage.read_versions(session.connection().connection.driver_connection))


def history_ids(controller: PlanController) -> list[tuple[str, str]]:
    return controller.read(lambda session: list(session.connection().exec_driver_sql(
        "SELECT id, summary FROM change_log")))


def test_a_merge_brings_the_names_of_versions_and_the_other_files_history(
        qtbot: Any, controller: PlanController, two_versions: tuple[Path, Path]) -> None:
    from planner.versions import name_version

    ours, other = two_versions
    (shared,) = lineage.read_versions_of(ours)
    theirs_head = lineage.heads(lineage.read_versions_of(other))[0]
    name_version(other, shared, "v1.0 approved", "군수 결재")
    name_version(other, theirs_head, "상대 검토안")
    before_history = history_ids(controller)
    their_history = {row_id for (row_id,) in sqlite3.connect(other).execute("SELECT id FROM change_log")}
    dialog = open_dialog(qtbot, controller, other)
    dialog.apply_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=TIMEOUT_MS)
    versions = versions_of(controller)
    assert (versions[shared].name, versions[shared].note) == ("v1.0 approved", "군수 결재")
    assert versions[theirs_head].name == "상대 검토안"
    after = history_ids(controller)
    ids = [row_id for row_id, _summary in after]
    assert len(ids) == len(set(ids)) and set(ids) >= their_history | {row_id for row_id, _summary in before_history}
    assert [summary for _row_id, summary in after].count("Merge other.cplan") == 1
    # undo takes the merge back: the names the open plan did not have, and the other file's entries
    controller.undo_stack.undo()
    versions = versions_of(controller)
    assert versions[shared].name == "" and theirs_head not in versions
    assert not (their_history - {row_id for row_id, _summary in before_history}) & {
        row_id for row_id, _summary in history_ids(controller)}
