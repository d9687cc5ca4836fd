"""File ▸ Export ▸ one entry per registered format: the file, the table for CSV, written off the GUI thread."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from desktop_app.interchange import export_actions
from desktop_app.interchange.export_actions import (
    InterchangeExportFlow,
    TableChoiceDialog,
    export_with_dialogs,
    with_mnemonic,
)
from desktop_app.widgets.accessibility import keyboard_unreachable_actions
from planner.interchange import formats
from planner.interchange.formats import EXPORT_FORMATS, ExportFormat

TIMEOUT_MS = 60_000


def run_export(qtbot: Any, window: Any, format_name: str) -> InterchangeExportFlow:
    flows: list[InterchangeExportFlow] = []
    original = InterchangeExportFlow.start

    def start(flow: InterchangeExportFlow) -> None:
        flows.append(flow)
        original(flow)

    InterchangeExportFlow.start = start  # type: ignore[method-assign]
    try:
        export_with_dialogs(window, format_name)
    finally:
        InterchangeExportFlow.start = original  # type: ignore[method-assign]
    flow = flows[0]
    if flow.job is not None:
        assert flow.job.wait(TIMEOUT_MS / 1000)
        qtbot.waitUntil(lambda: not flow.job.running, timeout=TIMEOUT_MS)
    return flow


@pytest.fixture
def demo_window(make_window: Any) -> Any:
    return make_window("--demo")


def test_the_export_menu_has_one_keyboard_reachable_entry_per_registered_format(demo_window: Any) -> None:
    window = demo_window
    window.export_menu.aboutToShow.emit()
    actions = window.export_menu.actions()
    assert [action.data() for action in actions] == list(EXPORT_FORMATS)
    assert all(action.isEnabled() and action.text().endswith("…") for action in actions)
    assert keyboard_unreachable_actions(window.menuBar()) == []
    for action, spec in zip(actions, EXPORT_FORMATS.values(), strict=True):
        assert f"({spec.suffix[:1]}" in action.text() and spec.suffix.lstrip(".")[:1] in action.text().lower()


def test_mnemonics_come_from_the_suffix_and_are_not_repeated() -> None:
    def spec(suffix: str) -> ExportFormat:
        return ExportFormat(suffix, "table", suffix, lambda *_args: "")

    used: set[str] = set()
    texts = [with_mnemonic(spec(suffix), used) for suffix in (".xlsx", ".xml", ".gan", ".graphml", ".csv")]
    assert texts == ["Table (.&xlsx)…", "Table (.x&ml)…", "Table (.&gan)…", "Table (.g&raphml)…",
                     "Table (.&csv)…"]


def test_without_a_plan_the_export_entries_are_disabled(make_window: Any) -> None:
    window = make_window()
    window.export_menu.aboutToShow.emit()
    assert window.export_menu.actions() and not any(action.isEnabled() for action in window.export_menu.actions())
    assert not window.import_action.isEnabled()


@pytest.mark.parametrize("format_name", list(EXPORT_FORMATS))
def test_every_registered_format_writes_its_file_and_says_so(qtbot: Any, demo_window: Any, dialogs_script: Any,
                                                              tmp_path: Path, format_name: str,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    spec = EXPORT_FORMATS[format_name]
    target = tmp_path / f"out{spec.suffix}"
    dialogs_script.answer("ask_export_path", str(target))
    kinds_asked: list[tuple[str, ...]] = []
    monkeypatch.setattr(export_actions, "ask_table_kind",
                        lambda _parent, kinds: kinds_asked.append(kinds) or kinds[-1])
    flow = run_export(qtbot, demo_window, format_name)
    assert target.is_file() and target.stat().st_size > 0
    assert demo_window.statusBar().currentMessage()
    assert str(target.name) in demo_window.statusBar().currentMessage()
    (_name, (title, suggested, file_filter)), = [asked for asked in dialogs_script.asked
                                                 if asked[0] == "ask_export_path"]
    assert suggested.endswith(spec.suffix) and f"*{spec.suffix}" in file_filter and spec.suffix in title
    assert Path(suggested).stem.startswith(demo_window.plan_title()[:20])
    assert bool(kinds_asked) == bool(spec.kinds)
    if spec.kinds:
        assert flow.suggested_target(spec.kinds[-1]).name == Path(suggested).name


def test_the_json_export_reads_back_as_the_same_plan(qtbot: Any, demo_window: Any, dialogs_script: Any,
                                                     tmp_path: Path) -> None:
    from planner.interchange.plan_json import plan_to_json, render_plan_json

    target = tmp_path / "plan"  # no suffix typed: .json is added
    dialogs_script.answer("ask_export_path", str(target))
    run_export(qtbot, demo_window, "json")
    written = json.loads((tmp_path / "plan.json").read_text("utf-8"))
    expected = demo_window.controller.read(plan_to_json)
    assert written["tables"] == json.loads(render_plan_json(expected))["tables"]


def test_a_folder_that_does_not_exist_is_reported_naming_the_file(qtbot: Any, demo_window: Any,
                                                                  dialogs_script: Any, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    failures: list[str] = []
    monkeypatch.setattr(export_actions, "show_export_failure", lambda _parent, message: failures.append(message))
    target = tmp_path / "missing" / "plan.json"
    dialogs_script.answer("ask_export_path", str(target))
    run_export(qtbot, demo_window, "json")
    assert len(failures) == 1 and str(target) in failures[0] and "does not exist" in failures[0]
    assert not target.exists()


def test_an_exporter_that_fails_is_reported_naming_the_file(qtbot: Any, demo_window: Any, dialogs_script: Any,
                                                            tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(_session: Any, target: Path, _options: Any) -> str:
        raise PermissionError(13, "Permission denied", str(target))

    monkeypatch.setitem(formats.EXPORT_FORMATS, "json", ExportFormat("json", "complete plan as JSON", ".json", broken))
    failures: list[str] = []
    monkeypatch.setattr(export_actions, "show_export_failure", lambda _parent, message: failures.append(message))
    target = tmp_path / "plan.json"
    dialogs_script.answer("ask_export_path", str(target))
    run_export(qtbot, demo_window, "json")
    assert failures == [f"{target} could not be written: Permission denied"]


def test_cancel_while_writing_leaves_no_new_file_and_no_message(qtbot: Any, demo_window: Any, dialogs_script: Any,
                                                               tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    release = threading.Event()
    real = EXPORT_FORMATS["json"]

    def slow(session: Any, target: Path, options: Any) -> str:
        release.wait(10)
        return real.write(session, target, options)

    monkeypatch.setitem(formats.EXPORT_FORMATS, "json", ExportFormat("json", real.description, ".json", slow))
    target = tmp_path / "plan.json"
    dialogs_script.answer("ask_export_path", str(target))
    demo_window.statusBar().clearMessage()
    flow = export_with_dialogs(demo_window, "json")
    assert flow is not None and flow.job is not None and flow.job.running
    job = flow.job
    with qtbot.waitSignal(flow.ended):
        flow.cancel()
    release.set()
    assert job.wait(TIMEOUT_MS / 1000)
    QApplication.processEvents()
    assert not target.exists()
    assert demo_window.statusBar().currentMessage() == ""


def test_choosing_no_file_or_no_table_writes_nothing(qtbot: Any, demo_window: Any, dialogs_script: Any,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    dialogs_script.answer("ask_export_path", None)
    flow = export_with_dialogs(demo_window, "json")
    assert flow is not None and flow.job is None
    spec = ExportFormat("table", "one table", ".tbl", lambda *_args: "", kinds=("initiatives", "stakeholders"))
    monkeypatch.setitem(formats.EXPORT_FORMATS, "table", spec)
    monkeypatch.setattr(export_actions, "ask_table_kind", lambda _parent, _kinds: None)
    flow = export_with_dialogs(demo_window, "table")
    assert flow is not None and flow.job is None
    assert dialogs_script.names() == ["ask_export_path"]


def test_the_table_choice_dialog_lists_the_tables_given(qtbot: Any) -> None:
    dialog = TableChoiceDialog(("initiatives", "stakeholders"))
    qtbot.addWidget(dialog)
    assert dialog.table_list.count() == 2 and dialog.chosen_kind() == "initiatives"
    dialog.table_list.setCurrentRow(1)
    assert dialog.chosen_kind() == "stakeholders"
