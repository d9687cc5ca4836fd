"""The busy indicator: shown around long view switches, opening and edits of a large plan, gone afterwards."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from desktop_app import main_window
from desktop_app.widgets import busy as busy_module
from desktop_app.widgets.busy import busy, indicator_of, is_busy, record_spans
from planner.commands import UpdateRow
from planner.model import Plan


@pytest.fixture
def every_plan_is_large(monkeypatch: pytest.MonkeyPatch) -> None:
    """Treat the small test plans as 10,000-initiative ones (the decision is by size)."""
    monkeypatch.setattr(busy_module, "LARGE_WORK_ROWS", 0)


def watch_view_creation(monkeypatch: pytest.MonkeyPatch, window: Any) -> list[tuple[str, bool, Any, str]]:
    """While each view is built: its name, whether the indicator is on screen, the override cursor, the message."""
    seen: list[tuple[str, bool, Any, str]] = []
    original = main_window._create_view

    def create(name: str, controller: Any) -> QWidget:
        cursor = QApplication.overrideCursor()
        indicator = indicator_of(window)
        seen.append((name, bool(indicator and indicator.isVisible()), cursor.shape() if cursor else None,
                     indicator.message() if indicator else ""))
        return original(name, controller)

    monkeypatch.setattr(main_window, "_create_view", create)
    return seen


def test_a_large_plans_view_switch_shows_the_indicator_and_removes_it_after(
        make_window: Any, plan_file: Path, monkeypatch: pytest.MonkeyPatch, every_plan_is_large: None) -> None:
    window = make_window(str(plan_file))
    seen = watch_view_creation(monkeypatch, window)
    window.select_view("roadmap")
    name, shown, cursor, message = seen[-1]
    assert (name, shown, cursor) == ("roadmap", True, Qt.CursorShape.WaitCursor)
    assert "Roadmap" in message
    assert indicator_of(window).parentWidget() is window.statusBar()
    assert not is_busy(window)
    assert not indicator_of(window).isVisible()
    assert QApplication.overrideCursor() is None


def test_a_small_plans_view_switch_runs_without_the_indicator(
        make_window: Any, plan_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window(str(plan_file))
    seen = watch_view_creation(monkeypatch, window)
    spans = record_spans()
    window.select_view("roadmap")
    assert seen == [("roadmap", False, None, "")]
    assert spans == []


def test_a_built_view_shown_again_needs_no_indicator(
        make_window: Any, plan_file: Path, every_plan_is_large: None) -> None:
    window = make_window(str(plan_file))
    window.select_view("roadmap")
    window.select_view("initiatives")
    spans = record_spans()
    window.select_view("roadmap")  # built and up to date: nothing long to do
    assert spans == []


def test_the_indicator_goes_when_the_work_raises(make_window: Any, plan_file: Path) -> None:
    window = make_window(str(plan_file))
    with pytest.raises(RuntimeError, match="broken view"), busy(window, "Preparing…"):
        assert is_busy(window)
        assert indicator_of(window).isVisible()
        assert QApplication.overrideCursor().shape() == Qt.CursorShape.WaitCursor
        raise RuntimeError("broken view")
    assert not is_busy(window)
    assert not indicator_of(window).isVisible()
    assert QApplication.overrideCursor() is None


def test_nested_work_keeps_the_outer_message_until_the_outer_work_ends(make_window: Any, plan_file: Path) -> None:
    window = make_window(str(plan_file))
    with busy(window, "Opening the plan…"):
        with busy(window, "Preparing Roadmap…"):
            assert indicator_of(window).message() == "Opening the plan…"
        assert is_busy(window)
    assert not is_busy(window)
    assert QApplication.overrideCursor() is None


def test_edits_and_undo_of_a_large_plan_refresh_the_views_under_the_indicator(
        make_window: Any, plan_file: Path, every_plan_is_large: None) -> None:
    window = make_window(str(plan_file))
    controller = window.controller
    states: list[bool] = []
    controller.plan_changed.connect(lambda *_args: states.append(is_busy(window)))
    plan_id = controller.read(lambda session: session.execute(select(Plan.id)).scalar_one())
    controller.execute(UpdateRow("plan", plan_id, {"title": "Renamed"}))
    controller.undo_stack.undo()
    assert states == [True, True]
    assert not is_busy(window)


def test_a_large_plan_keeps_only_the_current_and_the_previous_view_built(
        make_window: Any, plan_file: Path, qtbot: Any, every_plan_is_large: None) -> None:
    window = make_window(str(plan_file))
    for name in ("initiatives", "roadmap", "dependencies", "stakeholders"):
        window.select_view(name)
    assert set(window._views) == {"dependencies", "stakeholders"}
    window.select_view("roadmap")  # built again when shown again
    assert set(window._views) == {"stakeholders", "roadmap"}
    assert window.current_view() is window._views["roadmap"]


def test_a_small_plan_keeps_every_view_built(make_window: Any, plan_file: Path) -> None:
    window = make_window(str(plan_file))
    for name in ("initiatives", "roadmap", "dependencies", "stakeholders"):
        window.select_view(name)
    assert {"initiatives", "roadmap", "dependencies", "stakeholders"} <= set(window._views)


def test_the_indicator_is_laid_out_before_the_work_starts_even_without_events(make_window: Any,
                                                                              plan_file: Path) -> None:
    window = make_window(str(plan_file))
    window.statusBar().showMessage("Saved.", 5000)  # a passing message would cover it
    with busy(window, "Updating the views…", settle=False):
        indicator = indicator_of(window)
        assert indicator.isVisible() and indicator.width() > 0 and indicator.height() > 0
        assert indicator.label.text() == "Updating the views…"
        assert window.statusBar().currentMessage() == ""
    assert not indicator.isVisible()
