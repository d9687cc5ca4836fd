"""The desktop app's entry point: arguments, language choice, the window it builds and --screenshot."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QImage

from desktop_app import app, settings
from planner.i18n import current_language
from tests.desktop_app.conftest import make_plan_file
from tests.desktop_app.test_main_window import write_foreign_lock

ROOT = Path(__file__).resolve().parents[2]
HAS_DEMO = importlib.util.find_spec("planner.demo") is not None


def run_app(*argv: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CPLAN_DATA_DIR=str(data_dir), PYTHONPATH=str(ROOT))
    env.pop("CPLAN_LANG", None)
    return subprocess.run([sys.executable, "-m", "desktop_app", *argv], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=120)


def assert_picture(path: Path) -> None:
    assert path.is_file() and path.stat().st_size > 10_000
    image = QImage(str(path))
    assert not image.isNull()
    assert (image.width(), image.height()) == app.SCREENSHOT_SIZE
    colours = {image.pixel(x, y) for x in range(0, image.width(), 5) for y in range(0, image.height(), 5)}
    assert len(colours) > 3, "the picture is blank"


# -- arguments --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("argv", [["--lang", "fr"], ["--view", "gantt"], ["--bogus"], ["a.cplan", "b.cplan"],
                                  ["plan.cplan", "--demo"]])
def test_bad_arguments_give_one_line_and_exit_status_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert app.main(argv) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and error.startswith("convergence-planner: error: ")


def test_language_comes_from_the_option_then_the_environment_then_the_settings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("CPLAN_LANG", raising=False)
    settings.set_last_language("ko")
    assert app.choose_language("en") == "en"
    assert app.choose_language(None) == "ko"
    monkeypatch.setenv("CPLAN_LANG", "en")
    assert app.choose_language(None) == "en"


def test_a_locked_file_opens_read_only_when_nobody_can_be_asked(qtbot: Any, plan_file: Path) -> None:
    write_foreign_lock(plan_file)
    window, deferred = app.create_window(app.parse_arguments([str(plan_file)]), interactive=False)
    qtbot.addWidget(window, before_close_func=lambda w: w.shutdown())
    assert deferred == []
    assert window.document is not None and window.document.read_only


def test_a_bad_file_without_a_screen_raises_startup_error(qtbot: Any, tmp_path: Path) -> None:
    with pytest.raises(app.StartupError, match="does not exist"):
        app.create_window(app.parse_arguments([str(tmp_path / "missing.cplan")]), interactive=False)


def test_an_unexpected_error_is_logged_and_reported(qapp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop_app import dialogs

    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_unexpected_error", lambda _parent, summary, log_path: shown.append(summary))
    try:
        raise ValueError("boom in a slot")
    except ValueError as error:
        app._excepthook(ValueError, error, error.__traceback__)
    assert shown == ["ValueError: boom in a slot"]
    log = app.error_log_path().read_text(encoding="utf-8")
    assert "boom in a slot" in log and "Traceback" in log


# -- the demo plan ----------------------------------------------------------------------------------------


@pytest.mark.skipif(not HAS_DEMO, reason="planner.demo is not part of this checkout yet")
def test_the_demo_opens_as_an_untitled_unmodified_copy(make_window: Any, dialogs_script: Any,
                                                       tmp_path: Path) -> None:
    window = make_window("--demo")
    assert window.is_demo and window.controller is not None
    assert not window.isWindowModified()
    demo_file = window.document.path
    before = demo_file.read_bytes()
    target = tmp_path / "mine.cplan"
    dialogs_script.answer("ask_save_path", str(target))
    assert window.save() is True  # Save asks where
    assert dialogs_script.names() == ["ask_save_path"]
    assert window.document.path == target and not window.is_demo
    assert not demo_file.exists() or demo_file.read_bytes() == before
    assert settings.recent_files() == [str(target)]


# -- --screenshot in a child process ----------------------------------------------------------------------


@pytest.mark.parametrize("language", ["ko", "en"])
def test_screenshot_writes_a_picture_of_the_window(language: str, tmp_path: Path, qapp: Any) -> None:
    plan = make_plan_file(tmp_path / "계획.cplan", "해담군 AI 융합 기본계획 2026–2030")
    picture = tmp_path / f"shot-{language}.png"
    result = run_app(str(plan), "--lang", language, "--view", "stakeholders", "--screenshot", str(picture),
                     data_dir=tmp_path / "data")
    assert result.returncode == 0, result.stderr
    assert_picture(picture)
    assert not list((tmp_path / "data" / "working").glob("*.cplan"))  # the working copy was closed
    assert not (tmp_path / "계획.cplan.lock").exists()


@pytest.mark.skipif(not HAS_DEMO, reason="planner.demo is not part of this checkout yet")
@pytest.mark.parametrize("language", ["ko", "en"])
def test_screenshot_of_the_demo_plan(language: str, tmp_path: Path, qapp: Any) -> None:
    picture = tmp_path / "demo.png"
    result = run_app("--demo", "--lang", language, "--screenshot", str(picture), data_dir=tmp_path / "data")
    assert result.returncode == 0, result.stderr
    assert_picture(picture)


def test_screenshot_of_the_start_page(tmp_path: Path, qapp: Any) -> None:
    picture = tmp_path / "start.png"
    result = run_app("--screenshot", str(picture), data_dir=tmp_path / "data")
    assert result.returncode == 0, result.stderr
    assert_picture(picture)


def test_screenshot_of_a_bad_file_is_one_line_and_exit_status_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.cplan"
    bad.write_bytes(b"\0" * 4096)
    picture = tmp_path / "never.png"
    result = run_app(str(bad), "--screenshot", str(picture), data_dir=tmp_path / "data")
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if line.startswith("convergence-planner:")]
    assert len(lines) == 1 and "bad.cplan" in lines[0] and "zero bytes" in lines[0]
    assert "Traceback" not in result.stderr
    assert not picture.exists()


def test_current_language_is_restored_after_each_test() -> None:
    assert current_language() == "en"


@pytest.mark.parametrize("theme", ["default", "high-contrast"])
def test_present_screenshot_renders_one_slide_at_full_hd(theme: str, tmp_path: Path, qapp: Any) -> None:
    from PySide6.QtGui import QImage

    picture = tmp_path / "slide.png"
    result = run_app("--demo", "--present", "--slide", "2", "--theme", theme, "--lang", "ko", "--screenshot",
                     str(picture), data_dir=tmp_path / "data")
    assert result.returncode == 0, result.stderr
    image = QImage(str(picture))
    assert (image.width(), image.height()) == (1920, 1080)
    assert not list((tmp_path / "data" / "working").glob("*.cplan"))


def test_present_with_a_slide_that_does_not_exist_is_one_line_and_exit_status_2(tmp_path: Path) -> None:
    picture = tmp_path / "slide.png"
    result = run_app("--demo", "--present", "--slide", "999", "--screenshot", str(picture), data_dir=tmp_path / "data")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and not picture.exists()


def test_present_needs_a_plan(tmp_path: Path) -> None:
    result = run_app("--present", "--screenshot", str(tmp_path / "x.png"), data_dir=tmp_path / "data")
    assert result.returncode == 2 and "--present" in result.stderr
