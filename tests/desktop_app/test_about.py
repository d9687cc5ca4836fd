"""The About dialog (Help menu), the shipped third-party licences, the window icon and `--version`."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
from packaging.requirements import Requirement
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

import planner
from desktop_app.dialogs import about
from desktop_app.dialogs.about import AboutDialog, LicenceIndexError, LicenceRecord

ROOT = Path(__file__).resolve().parents[2]
LICENCES = ROOT / "resources" / "licenses"


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _index() -> list[dict[str, Any]]:
    return json.loads((LICENCES / "index.json").read_text(encoding="utf-8"))


def _open_about_from_the_help_menu(window: Any, qtbot: Any) -> AboutDialog:
    help_menu = next(action.menu() for action in window.menuBar().actions()
                     if action.menu() is not None and window.about_action in action.menu().actions())
    assert help_menu.title() == "&Help"
    window.about_action.trigger()
    dialog = window.findChild(AboutDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


# -- the shipped licences -----------------------------------------------------------------------------------


def test_every_runtime_dependency_has_a_licence_entry_with_its_text() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = {_normalise(Requirement(text).name) for text in project["dependencies"]}
    wanted |= {_normalise(Requirement(text).name) for text in project["optional-dependencies"]["team"]}
    entries = {entry["distribution"]: entry for entry in _index() if entry["distribution"]}
    assert wanted - set(entries) == set()
    for entry in _index():
        text = (LICENCES / entry["file"]).read_text(encoding="utf-8")
        assert entry["name"] and entry["licence"] and len(text.strip()) > 200, entry["name"]


def test_the_lgpl_font_and_python_licences_are_there_in_full() -> None:
    by_name = {entry["name"]: entry for entry in _index()}

    def text(name: str) -> str:
        return (LICENCES / by_name[name]["file"]).read_text(encoding="utf-8")

    qt = by_name["PySide6 and Qt"]
    assert qt["licence"] == "LGPL-3.0-only" and qt["replaceable"] and "code.qt.io" in qt["source"]
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in text("PySide6 and Qt")
    assert "GNU GENERAL PUBLIC LICENSE" in text("PySide6 and Qt")  # the LGPL adds permissions to the GPL
    assert by_name["NanumGothic"]["licence"] == "OFL-1.1" and "SIL OPEN FONT LICENSE" in text("NanumGothic")
    assert "NAVER Corporation" in text("NanumGothic")
    assert by_name["psycopg"]["used_for"] == "team" and by_name["psycopg"]["licence"].startswith("LGPL-3.0")
    assert "PYTHON SOFTWARE FOUNDATION LICENSE" in text("Python")
    assert by_name["matplotlib"]["licence"].startswith("Matplotlib License")


def test_a_damaged_index_is_a_clear_error_and_a_missing_text_a_message(tmp_path: Path) -> None:
    (tmp_path / "index.json").write_text("[{\"name\": ", encoding="utf-8")
    with pytest.raises(LicenceIndexError, match="cannot be read"):
        about.load_licence_index(tmp_path)
    (tmp_path / "index.json").write_text('[{"name": "x"}]', encoding="utf-8")
    with pytest.raises(LicenceIndexError, match="damaged"):
        about.load_licence_index(tmp_path)
    (tmp_path / "secret.txt").write_text("outside", encoding="utf-8")
    folder = tmp_path / "licenses"
    folder.mkdir()
    record = LicenceRecord("Gone", "1.0", "MIT", "", "../secret.txt")
    message = about.read_licence_text(record, folder)
    assert "Gone" in message and "cannot be read" in message and "outside" not in message


def test_the_dialog_without_its_index_says_so_instead_of_failing(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(about, "licence_folder", lambda: tmp_path)
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert dialog.licence_list.topLevelItemCount() == 0
    assert "cannot be read" in dialog.licence_note.text() and str(tmp_path) in dialog.licence_note.text()


# -- the dialog -------------------------------------------------------------------------------------------


def test_help_about_shows_the_version_and_the_licences(make_window: Any, qtbot: Any) -> None:
    from planner.storage.working import data_dir

    window = make_window()
    dialog = _open_about_from_the_help_menu(window, qtbot)
    assert dialog.isVisible() and dialog.windowTitle() == "About Convergence Planner"
    assert dialog.version_label.text() == f"Version {planner.version()}"
    assert dialog.data_folder_label.text() == str(data_dir())
    names = [dialog.licence_list.topLevelItem(row).text(0) for row in range(dialog.licence_list.topLevelItemCount())]
    assert names == [entry["name"] for entry in _index()]
    assert {"PySide6 and Qt", "NanumGothic", "SQLAlchemy", "Python"} <= set(names)

    assert dialog.select_licence("SQLAlchemy")
    assert "Permission is hereby granted" in dialog.licence_text.toPlainText()
    assert dialog.licence_text.isReadOnly()
    assert dialog.select_licence("PySide6 and Qt")
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in dialog.licence_text.toPlainText()
    assert "replace" in dialog.licence_note.text() and "code.qt.io" in dialog.licence_note.text()
    assert dialog.select_licence("psycopg")
    assert "team plans" in dialog.licence_note.text()
    assert not dialog.select_licence("no such component")

    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


# -- the application --------------------------------------------------------------------------------------


def test_the_application_has_its_icon_and_desktop_file_name(qapp: QApplication) -> None:
    from desktop_app.app import create_application

    app = create_application([])
    icon = app.windowIcon()
    assert not icon.isNull() and not icon.pixmap(32, 32).isNull()
    assert {(size.width(), size.height()) for size in icon.availableSizes()} >= {(16, 16), (32, 32), (256, 256)}
    assert QGuiApplication.desktopFileName() == "convergence-planner"


def test_the_icon_files_exist_at_every_size_the_installers_want() -> None:
    from PIL import Image

    icons = ROOT / "resources" / "icons"
    for name in ("convergence-planner", "cplan-file"):
        with Image.open(icons / f"{name}.png") as png:
            assert png.size == (256, 256)
        with Image.open(icons / f"{name}.ico") as ico:
            assert sorted(ico.info["sizes"]) == [(size, size) for size in (16, 24, 32, 48, 64, 128, 256)]
    for size in (16, 32, 48, 64, 128, 256):
        with Image.open(icons / f"icon-{size}.png") as png:
            assert png.size == (size, size)


def test_version_option_prints_the_program_and_the_version(capsys: pytest.CaptureFixture[str]) -> None:
    from desktop_app.app import main

    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"convergence-planner {planner.version()}\n"
