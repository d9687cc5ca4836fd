"""Fixtures for the desktop app's tests: plan files, a main window, and scripted answers to every dialog."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from planner.storage import PlanDocument


def make_plan_file(path: Path, title: str = "Test plan") -> Path:
    """A saved plan file at `path` holding only its plan record."""
    document = PlanDocument.new(title, 2026, 2030, region_province="경상북도")
    try:
        document.save_as(path)
    finally:
        document.close()
    return path


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    folder.mkdir()
    return make_plan_file(folder / "test.cplan")


@dataclass
class DialogScript:
    """Answers for the helpers in desktop_app.dialogs, and a record of every question asked.

    A question without a scripted answer fails the test instead of blocking it on a modal dialog.
    """

    answers: dict[str, list[Any]] = field(default_factory=dict)
    asked: list[tuple[str, tuple[Any, ...]]] = field(default_factory=list)
    originals: dict[str, Callable[..., Any]] = field(default_factory=dict)

    def answer(self, name: str, *values: Any) -> None:
        self.answers.setdefault(name, []).extend(values)

    def names(self) -> list[str]:
        return [name for name, _args in self.asked]

    def messages(self, name: str = "show_error") -> list[str]:
        """The texts shown by show_error (title and message joined)."""
        return [" ".join(str(arg) for arg in args) for asked, args in self.asked if asked == name]

    def handler(self, name: str) -> Callable[..., Any]:
        def ask(_parent: Any, *args: Any) -> Any:
            self.asked.append((name, args))
            queue = self.answers.get(name)
            if not queue:
                raise AssertionError(f"unexpected dialog {name}{args!r}")
            value = queue.pop(0)
            return value(*args) if callable(value) else value

        return ask


SCRIPTED = (
    "ask_export_path", "ask_folder",
    "ask_save_changes", "ask_open_read_only", "confirm_revert", "ask_open_path", "ask_save_path",
    "ask_new_plan", "ask_recovery",
)
RECORDED = ("show_error", "show_unexpected_error")


@pytest.fixture
def dialogs_script(monkeypatch: pytest.MonkeyPatch) -> DialogScript:
    """Replace every question with a scripted answer; error messages are recorded, never shown."""
    from desktop_app import dialogs

    script = DialogScript()
    for name in (*SCRIPTED, *RECORDED):
        script.originals[name] = getattr(dialogs, name)
    for name in SCRIPTED:
        monkeypatch.setattr(dialogs, name, script.handler(name))
    for name in RECORDED:
        monkeypatch.setattr(dialogs, name, lambda _parent, *args, _name=name: script.asked.append((_name, args)))
    return script


@pytest.fixture
def make_window(qtbot: Any, dialogs_script: DialogScript) -> Iterator[Callable[..., Any]]:
    """Build MainWindows (from command-line arguments); each is shut down without questions at the end."""
    from desktop_app.app import create_window, parse_arguments

    def build(*argv: str, show: bool = True) -> Any:
        window, deferred = create_window(parse_arguments(list(argv)))
        qtbot.addWidget(window, before_close_func=lambda w: w.shutdown())
        if show:
            window.show()
            qtbot.waitExposed(window)
        for action in deferred:
            action()
        return window

    yield build
