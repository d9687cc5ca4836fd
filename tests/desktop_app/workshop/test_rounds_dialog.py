"""The rounds dialog: save a round, compare two (values, ranks, moves highlighted), delete one and undo it."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop_app.plan_controller import PlanController
from desktop_app.workshop.rounds_dialog import COMPARISON_COLUMNS, ComparisonTableModel, RoundsDialog
from planner.commands import DeleteRows
from planner.workshops import add_vote_command, compare_rounds, rating_rows, round_list, save_round_command
from tests.desktop_app.views.conftest import demo_controller  # noqa: F401  (fixture)


def vote(controller: PlanController, initiative_id: str, count: int) -> None:
    controller.execute(controller.read(lambda s: add_vote_command(s, initiative_id, count)))


def save(controller: PlanController, name: str) -> str:
    command = controller.read(lambda s: save_round_command(s, name))
    controller.execute(command)
    return command.round_id


@pytest.fixture
def two_rounds(demo_controller: PlanController) -> tuple[PlanController, list[str]]:  # noqa: F811
    """Round 'morning': the first initiative has 3 votes; 'afternoon': the last one has 5 more, then the second
    initiative was deleted before it."""
    ids = [row.id for row in demo_controller.read(rating_rows)]
    vote(demo_controller, ids[0], 3)
    save(demo_controller, "오전")
    vote(demo_controller, ids[-1], 5)
    demo_controller.execute(DeleteRows("initiative", [ids[1]]))
    save(demo_controller, "오후")
    return demo_controller, ids


@pytest.fixture
def dialog(qtbot: Any, two_rounds: tuple[PlanController, list[str]]) -> RoundsDialog:
    view = RoundsDialog(two_rounds[0])
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    return view


def cell(dialog: RoundsDialog, row: int, key: str) -> str:
    column = next(n for n, (name, _header) in enumerate(COMPARISON_COLUMNS) if name == key)
    return str(dialog.model.index(row, column).data())


def test_the_comparison_model_passes_the_model_tester(qtmodeltester: Any,
                                                      two_rounds: tuple[PlanController, list[str]]) -> None:
    controller, _ids = two_rounds
    first, second = (summary.id for summary in controller.read(round_list))
    model = ComparisonTableModel()
    model.set_comparison(controller.read(lambda s: compare_rounds(s, first, second, "dots")))
    qtmodeltester.check(model, force_py=True)
    model.set_comparison(None)
    qtmodeltester.check(model, force_py=True)


def test_the_dialog_compares_the_last_two_rounds_and_shows_the_moves(
        dialog: RoundsDialog, two_rounds: tuple[PlanController, list[str]]) -> None:
    _controller, ids = two_rounds
    assert dialog.round_list.count() == 2
    assert (dialog.first_combo.currentText(), dialog.second_combo.currentText()) == ("오전", "오후")
    assert dialog.model.rowCount() == 16  # 15 still there and the deleted one
    top = dialog.model.changes[0]
    assert top.initiative_id == ids[-1]
    assert (cell(dialog, 0, "values"), cell(dialog, 0, "ranks"), cell(dialog, 0, "move")) == ("0 → 5", "16 → 1", "▲15")
    assert cell(dialog, 0, "change") == "+5"
    assert cell(dialog, 1, "move") == "▼1"  # the first initiative, pushed down
    assert dialog.model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is not None  # moved: highlighted
    assert cell(dialog, 15, "move") == "gone" and dialog.model.changes[15].initiative_id == ids[1]
    assert "오전" in dialog.summary_label.text() and "오후" in dialog.summary_label.text()


def test_the_method_changes_the_comparison(dialog: RoundsDialog) -> None:
    dialog.set_method("matrix")
    assert dialog.comparison is not None and dialog.comparison.method == "matrix"
    assert cell(dialog, 0, "values") == "– → –"


def test_saving_a_round_in_the_dialog_is_one_undo_entry(qtbot: Any, dialog: RoundsDialog) -> None:
    controller = dialog.controller
    count = controller.undo_stack.count()
    assert dialog.name_edit.text() == "Round 3"
    with qtbot.waitSignal(dialog.round_saved) as saved:
        assert dialog.save_round()
    assert saved.args == ["Round 3"]
    assert controller.undo_stack.count() == count + 1
    assert dialog.round_list.count() == 3
    assert (dialog.first_combo.currentText(), dialog.second_combo.currentText()) == ("오후", "Round 3")
    dialog.name_edit.setText("오전")
    assert not dialog.save_round()
    assert "already" in dialog.message_bar.text()


def test_deleting_a_round_is_undoable(dialog: RoundsDialog) -> None:
    controller = dialog.controller
    dialog.round_list.setCurrentRow(-1)
    assert not dialog.delete_selected_round()  # nothing selected
    dialog.round_list.setCurrentRow(0)
    assert dialog.delete_selected_round()
    assert [summary.name for summary in controller.read(round_list)] == ["오후"]
    assert dialog.round_list.count() == 1
    controller.undo_stack.undo()
    assert dialog.round_list.count() == 2
    assert dialog.model.rowCount() == 16


def test_a_round_is_dated_in_the_computers_local_time(monkeypatch: pytest.MonkeyPatch) -> None:
    import time
    from datetime import datetime

    from desktop_app.workshop.rounds_dialog import local_time_text

    monkeypatch.setenv("TZ", "Asia/Seoul")
    time.tzset()
    try:
        assert local_time_text(datetime(2027, 3, 5, 1, 30)) == "2027-03-05 10:30"  # stored in UTC, shown at +9
    finally:
        monkeypatch.undo()
        time.tzset()
