"""File ▸ Import in the app: reading off the GUI thread, the mapping step, the check, one undo step, Cancel."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.interchange import import_dialog, import_job
from desktop_app.interchange.column_mapping_model import ColumnMappingModel, TextTableModel
from desktop_app.interchange.import_dialog import BUSY, MAPPING, RESULT, ImportDialog
from desktop_app.plan_controller import PlanController
from planner.interchange.export_json import write_plan_json_summary
from planner.interchange.formats import IMPORT_FORMATS
from planner.interchange.importing import _snapshot
from planner.storage import PlanDocument
from tests.desktop_app.test_untranslated import korean_interface  # noqa: F401  (a fixture)
from tests.planner.commands.sample_plan import build_sample_plan

TIMEOUT_MS = 30_000


def sample_document(path: Path) -> PlanDocument:
    build_sample_plan(path).engine.dispose()
    return PlanDocument.open(path)


@pytest.fixture
def controller(qtbot: Any, tmp_path: Path) -> Iterator[PlanController]:
    document = sample_document(tmp_path / "plan.cplan")
    controller = PlanController(document)
    yield controller
    controller.undo_stack.clear()
    document.close()


def plan_rows(controller: PlanController) -> dict[str, Any]:
    """Every row of every table exactly as stored."""
    return controller.read(lambda session: _snapshot(session.connection()))


def open_dialog(qtbot: Any, controller: PlanController, path: Path) -> ImportDialog:
    dialog = ImportDialog(controller, None, path)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_idle(qtbot, dialog)
    return dialog


def wait_idle(qtbot: Any, dialog: ImportDialog) -> None:
    if dialog.job is not None:
        assert dialog.job.wait(TIMEOUT_MS / 1000)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=TIMEOUT_MS)


def other_plan_json(tmp_path: Path) -> Path:
    """A whole plan as JSON: a new plan with a different title (what the import replaces the sample with)."""
    document = PlanDocument.new("바꿀 계획", 2028, 2032)
    try:
        with document.session() as session:
            write_plan_json_summary(session, tmp_path / "other.json")
    finally:
        document.close()
    return tmp_path / "other.json"


# -- JSON: a whole plan --------------------------------------------------------------------------------------


def test_a_broken_json_file_lists_every_problem_and_cannot_be_imported(qtbot: Any, controller: PlanController,
                                                                      tmp_path: Path) -> None:
    source = other_plan_json(tmp_path)
    document = json.loads(source.read_text("utf-8"))
    document["tables"]["initiative"] = [
        {"id": "i-1", "code": "X-1", "title": "", "start_month": "2027-13"},
        {"id": "i-2", "code": "X-2", "title": "둘째", "start_month": "2027-03", "progress": 400},
    ]
    source.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    before = plan_rows(controller)
    dialog = open_dialog(qtbot, controller, source)
    assert dialog.pages.currentIndex() == RESULT
    assert not dialog.import_button.isEnabled()
    problems = dialog.problem_model.rows()
    assert len(problems) >= 2 and dialog.problem_view.isVisibleTo(dialog)
    places = {where for where, _field, _message in problems}
    assert any("initiative" in where and "0" in where for where in places), places
    assert any("initiative" in where and "1" in where for where in places), places
    assert {"start_month", "progress"} <= {field for _where, field, _message in problems}
    assert "problem" in dialog.result_label.text()
    assert dialog.import_now() is False
    assert controller.undo_stack.count() == 0
    assert plan_rows(controller) == before


def test_a_whole_plan_is_a_warned_replace_imported_as_one_undo_step(qtbot: Any, controller: PlanController,
                                                                    tmp_path: Path) -> None:
    source = other_plan_json(tmp_path)
    before = plan_rows(controller)
    dialog = open_dialog(qtbot, controller, source)
    assert dialog.pages.currentIndex() == RESULT
    assert dialog.check_result is not None and dialog.check_result.replaces_plan
    text = dialog.result_label.text()
    assert "replaces the whole open plan" in text and "other.json" in text
    assert "initiative: 0 in the file, 3 in the plan now" in text
    assert dialog.import_button.isEnabled() and not dialog.problem_view.isVisibleTo(dialog)
    assert plan_rows(controller) == before  # nothing changes before Import
    with qtbot.waitSignal(dialog.accepted):
        assert dialog.import_now()
    assert controller.document.title() == "바꿀 계획"
    assert controller.undo_stack.count() == 1
    assert controller.undo_stack.undoText() == "Import other.json"
    assert "other.json" in dialog.imported_message
    controller.undo_stack.undo()
    assert plan_rows(controller) == before
    controller.undo_stack.redo()
    assert controller.document.title() == "바꿀 계획"


def test_cancel_while_reading_leaves_the_plan_unchanged_and_reports_nothing(qtbot: Any, controller: PlanController,
                                                                           tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    release = threading.Event()
    real_read = import_job.read_import

    def slow_read(session: Any, path: Path, spec: Any) -> Any:
        release.wait(10)
        return real_read(session, path, spec)

    monkeypatch.setattr(import_dialog, "read_import", slow_read)
    before = plan_rows(controller)
    dialog = ImportDialog(controller, None, other_plan_json(tmp_path))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.busy and dialog.pages.currentIndex() == BUSY
    assert not dialog.import_button.isEnabled() and dialog.cancel_button.isEnabled()
    job = dialog.job
    assert job is not None
    dialog.cancel_button.click()
    assert dialog.result() == ImportDialog.DialogCode.Rejected
    release.set()
    assert job.wait(TIMEOUT_MS / 1000)
    QApplication.processEvents()
    assert dialog.check_result is None  # the late answer went unheard
    assert controller.undo_stack.count() == 0 and plan_rows(controller) == before


def test_cancel_after_the_check_leaves_the_plan_unchanged(qtbot: Any, controller: PlanController,
                                                         tmp_path: Path) -> None:
    before = plan_rows(controller)
    dialog = open_dialog(qtbot, controller, other_plan_json(tmp_path))
    assert dialog.import_button.isEnabled()
    dialog.cancel_button.click()
    assert controller.undo_stack.count() == 0 and plan_rows(controller) == before


# -- files that are not what they say --------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "content", "expected"), [
    ("notes.docx", b"PK\x03\x04", "cannot be imported"),
    ("empty.json", b"", "JSON"),
    ("text.json", "이것은 JSON이 아님".encode(), "JSON"),
    ("deep.json", b"[" * 100_000 + b"]" * 100_000, "JSON"),
    ("bom.json", b"\xef\xbb\xbf{\"format\": 1", "JSON"),
])
def test_unreadable_and_hostile_files_give_a_report_not_a_crash(qtbot: Any, controller: PlanController,
                                                               tmp_path: Path, name: str, content: bytes,
                                                               expected: str) -> None:
    source = tmp_path / name
    source.write_bytes(content)
    before = plan_rows(controller)
    dialog = open_dialog(qtbot, controller, source)
    assert dialog.pages.currentIndex() == RESULT
    assert not dialog.import_button.isEnabled()
    assert dialog.check_result is not None and not dialog.check_result.ok
    assert dialog.problem_model.rowCount() >= 1
    assert expected in " ".join(cell for row in dialog.problem_model.rows() for cell in row)
    assert plan_rows(controller) == before


def test_a_missing_file_and_a_too_big_file_are_refused_with_a_reason(qtbot: Any, controller: PlanController,
                                                                    tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = open_dialog(qtbot, controller, tmp_path / "gone.json")
    assert "cannot be read" in dialog.problem_model.rows()[0][2]
    monkeypatch.setattr(import_job, "MAX_IMPORT_BYTES", 100)
    big = tmp_path / "big.json"
    big.write_bytes(b" " * 101)
    dialog = open_dialog(qtbot, controller, big)
    assert "larger than" in dialog.problem_model.rows()[0][2]
    assert not dialog.import_button.isEnabled()


def test_an_importer_that_raises_is_reported_as_a_problem(qtbot: Any, controller: PlanController, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from planner.interchange import formats

    def broken(_data: bytes, _session: Any, _options: Any) -> Any:
        raise KeyError("surprise")

    spec = formats.IMPORT_FORMATS["json"]
    monkeypatch.setitem(formats.IMPORT_FORMATS, "json", type(spec)(spec.name, spec.description, spec.suffixes,
                                                                   broken, replaces_plan=True))
    dialog = open_dialog(qtbot, controller, other_plan_json(tmp_path))
    assert "internal error" in dialog.problem_model.rows()[0][2] and "KeyError" in dialog.problem_model.rows()[0][2]
    assert not dialog.import_button.isEnabled()


def test_problems_are_copied_and_saved_as_a_report(qtbot: Any, controller: PlanController, tmp_path: Path) -> None:
    source = tmp_path / "bad.json"
    source.write_text('{"format": "something else"}', "utf-8")
    dialog = open_dialog(qtbot, controller, source)
    rows = dialog.problem_model.rows()
    assert rows
    dialog.copy_problems()
    copied = QApplication.clipboard().text().splitlines()
    assert copied[0] == "Where\tColumn or field\tWhat is wrong"
    assert copied[1:] == ["\t".join(row) for row in rows]
    target = tmp_path / "report.txt"
    dialog.choose_report_path = lambda _parent, suggested: target if suggested.endswith("bad-problems.txt") else None
    dialog.save_report()
    text = target.read_text("utf-8")
    assert text.startswith("bad.json: not imported,")
    assert all(row[2] in text for row in rows)


def test_the_problem_table_sorts_rows_by_place_in_natural_order(qtmodeltester: Any) -> None:
    model = TextTableModel(["Where", "Field", "What is wrong"])
    model.set_rows(["Where", "Field", "What is wrong"], [["row 10", "b", "x"], ["row 9", "a", "y"],
                                                         ["row 2", "c", "z"]])
    qtmodeltester.check(model)
    model.sort(0)
    assert [model.data(model.index(row, 0)) for row in range(3)] == ["row 2", "row 9", "row 10"]
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert [model.data(model.index(row, 1)) for row in range(3)] == ["c", "b", "a"]


# -- the main window -------------------------------------------------------------------------------------------


def test_file_import_opens_the_dialog_on_the_chosen_file(make_window: Any, plan_file: Path, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch, qtbot: Any) -> None:
    window = make_window(str(plan_file))
    action = window.import_action
    assert action.shortcut().toString() == "Ctrl+Shift+I" and action.isEnabled()
    source = other_plan_json(tmp_path)
    asked: list[str] = []
    monkeypatch.setattr(import_dialog, "ask_import_path", lambda _parent, folder: asked.append(folder) or source)
    action.trigger()
    dialog = window.findChild(ImportDialog)
    assert dialog is not None and asked
    wait_idle(qtbot, dialog)
    assert dialog.isModal() or dialog.windowModality() != Qt.WindowModality.NonModal
    assert dialog.import_now()
    assert window.statusBar().currentMessage().startswith("Imported other.json")
    assert window.windowTitle().startswith("바꿀 계획")
    window.undo_action.trigger()
    assert window.windowTitle().startswith("Test plan")


def test_the_open_dialog_offers_every_registered_import_format() -> None:
    filters = import_dialog.import_file_filters()
    assert filters[0].startswith("All supported files (") and filters[-1] == "All files (*)"
    for spec in IMPORT_FORMATS.values():
        for suffix in spec.suffixes:
            assert f"*{suffix}" in filters[0]
            assert any(f"*{suffix}" in line for line in filters[1:-1])
    assert len(filters) == len(IMPORT_FORMATS) + 2


def test_the_mapping_model_passes_the_model_tester_without_a_sheet(qtmodeltester: Any) -> None:
    model = ColumnMappingModel()
    model.set_sheet(None, None, {})
    qtmodeltester.check(model)
    assert model.columns() == {} and model.missing_required() == []
    assert [model.headerData(column, Qt.Orientation.Horizontal) for column in range(3)] == [
        "Column in the file", "Read as", "Sample values"]
    assert MAPPING == 2


# -- tables: CSV and XLSX ----------------------------------------------------------------------------------------

KOREAN_CSV = ("과제코드,과제명,시작월,기간,비고\n"
              "A-01,AI 돌봄 로봇 고도화,2027-03,12,돌봄 현장 의견 반영\n"
              "N-1,새 AI 과제,2029-01,6,\n"
              "N-2,두 번째 과제,2029. 4.,3,시범 사업\n")


def initiative_titles(controller: PlanController) -> dict[str, str]:
    from planner.interchange.incoming import existing_rows

    return controller.read(lambda session: {row["code"]: row["title"] for row in existing_rows(session, "initiative")})


def test_a_korean_csv_is_mapped_previewed_checked_imported_and_undone(qtbot: Any, controller: PlanController,
                                                                     tmp_path: Path) -> None:
    source = tmp_path / "과제.csv"
    source.write_text(KOREAN_CSV, "utf-8")
    before = plan_rows(controller)
    dialog = open_dialog(qtbot, controller, source)
    assert dialog.pages.currentIndex() == MAPPING
    assert dialog.kind_combo.currentData() == "initiatives"
    assert not dialog.sheet_table.isVisibleTo(dialog)  # one table: nothing to choose between
    model = dialog.mapping_model
    assert [model.data(model.index(row, 0)) for row in range(model.rowCount())] == [
        "과제코드", "과제명", "시작월", "기간", "비고"]
    assert model.columns() == {0: "code", 1: "title", 2: "start_month", 3: "duration_months"}
    assert model.data(model.index(4, 1)) == "— ignore —"
    assert model.data(model.index(1, 2)).startswith("AI 돌봄 로봇 고도화 · 새 AI 과제")
    assert model.missing_required() == []
    preview = dialog.preview_model
    assert preview.headers() == ["Code ← 과제코드", "Title ← 과제명", "Start month ← 시작월",
                                 "Duration (months) ← 기간"]
    assert preview.rows()[2][:3] == ["N-2", "두 번째 과제", "2029-04"]
    # The remark column becomes the content; the duration is no longer read.
    assert model.set_field(4, "content") and model.set_field(3, "")
    assert preview.headers() == ["Code ← 과제코드", "Title ← 과제명", "Start month ← 시작월", "Content ← 비고"]
    assert preview.rows()[0] == ["A-01", "AI 돌봄 로봇 고도화", "2027-03", "돌봄 현장 의견 반영"]
    assert plan_rows(controller) == before
    dialog.check()
    wait_idle(qtbot, dialog)
    assert dialog.pages.currentIndex() == RESULT, dialog.problem_model.rows()
    assert dialog.import_button.isEnabled()
    assert "initiative: adds 2, updates 1" in dialog.result_label.text()
    assert plan_rows(controller) == before  # checked, not yet imported
    assert dialog.import_now()
    assert controller.undo_stack.count() == 1 and controller.undo_stack.undoText() == "Import 과제.csv"
    titles = initiative_titles(controller)
    assert titles["A-01"] == "AI 돌봄 로봇 고도화" and titles["N-1"] == "새 AI 과제" and "N-2" in titles
    controller.undo_stack.undo()
    assert plan_rows(controller) == before


def test_choosing_a_field_taken_by_another_column_frees_that_column(qtbot: Any, qtmodeltester: Any) -> None:
    from planner.interchange.tabular import TABLE_KINDS, SheetData

    sheet = SheetData("t.csv", ["과제코드", "과제명", "사업명"], [["A-1", "가", "나"]], 2, "utf-8")
    model = ColumnMappingModel()
    model.set_sheet(sheet, TABLE_KINDS["initiatives"], {0: "code", 1: "title"})
    qtmodeltester.check(model)
    assert model.missing_required() == ["Start month"]
    assert model.field_choices()[0] == ("— ignore —", "")
    assert ("Title *", "title") in model.field_choices() and ("Purpose", "purpose") in model.field_choices()
    with qtbot.waitSignal(model.mapping_changed, timeout=1000):
        assert model.set_field(2, "title")
    assert model.columns() == {0: "code", 2: "title"}
    assert not model.set_field(1, "no_such_field")
    assert model.flags(model.index(0, 1)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable


def test_problems_in_a_csv_are_all_listed_and_back_leads_to_the_mapping(qtbot: Any, controller: PlanController,
                                                                       tmp_path: Path) -> None:
    source = tmp_path / "tasks.csv"
    source.write_text("과제코드,과제명,시작월,진척률\nN-1,새 과제,2029-13,40\nN-2,둘째,2029-01,abc\nN-3,,2029-02,150\n",
                      "utf-8")
    before = plan_rows(controller)
    dialog = open_dialog(qtbot, controller, source)
    assert dialog.pages.currentIndex() == MAPPING
    dialog.check()
    wait_idle(qtbot, dialog)
    assert dialog.pages.currentIndex() == RESULT and not dialog.import_button.isEnabled()
    problems = dialog.problem_model.rows()
    places = {(where, field) for where, field, _message in problems}
    assert places == {("row 2", "시작월"), ("row 3", "진척률"), ("row 4", "과제명"), ("row 4", "진척률")}
    assert dialog.back_button.isVisible()
    dialog.back_button.click()
    assert dialog.pages.currentIndex() == MAPPING
    # Without the progress column, what is left to correct is the month of row 2 and the title of row 4.
    dialog.mapping_model.set_field(3, "")
    dialog.check()
    wait_idle(qtbot, dialog)
    assert {(where, field) for where, field, _message in dialog.problem_model.rows()} == {
        ("row 2", "시작월"), ("row 4", "과제명")}
    assert controller.undo_stack.count() == 0 and plan_rows(controller) == before


def test_a_workbook_maps_each_sheet_skips_unknown_ones_and_imports_them_together(
        qtbot: Any, controller: PlanController, tmp_path: Path) -> None:
    import openpyxl

    workbook = openpyxl.Workbook()
    tasks = workbook.active
    tasks.title = "과제"
    tasks.append(["과제코드", "과제명", "시작월", "기간"])
    tasks.append(["N-1", "새 과제", "2029-01", 6])
    budget = workbook.create_sheet("예산")
    budget.append(["과제코드", "회계연도", "재원", "예산(백만원)"])
    budget.append(["N-1", 2029, "국비", 120])
    budget.append(["A-01", 2028, "시비", 5])
    notes = workbook.create_sheet("메모")
    notes.append(["작성자", "내용"])
    notes.append(["김", "검토 필요"])
    source = tmp_path / "계획.xlsx"
    workbook.save(source)
    before = plan_rows(controller)
    dialog = open_dialog(qtbot, controller, source)
    assert dialog.pages.currentIndex() == MAPPING
    assert dialog.sheet_table.isVisibleTo(dialog) and dialog.sheet_table.rowCount() == 3
    assert [choice.kind for choice in dialog.choices] == ["initiatives", "budget_lines", None]
    assert dialog.sheet_table.item(2, 2).text() == "— skip this sheet —"
    dialog.sheet_table.setCurrentCell(1, 0)
    assert dialog.kind_combo.currentData() == "budget_lines"
    assert dialog.preview_model.rows()[0] == ["N-1", "2029", "National", "120,000,000"]
    dialog.check()
    wait_idle(qtbot, dialog)
    assert dialog.import_button.isEnabled(), dialog.problem_model.rows()
    text = dialog.result_label.text()
    assert "initiative: adds 1" in text and "budget line: adds 2" in text
    assert dialog.import_now()
    assert controller.undo_stack.count() == 1
    controller.undo_stack.undo()
    assert plan_rows(controller) == before


def test_a_sheet_read_as_another_table_gets_its_columns_guessed_afresh(qtbot: Any, controller: PlanController,
                                                                       tmp_path: Path) -> None:
    source = tmp_path / "people.csv"
    source.write_text("이해관계자,부문,영향력\n새 기관,지자체,4\n", "utf-8")
    dialog = open_dialog(qtbot, controller, source)
    assert dialog.kind_combo.currentData() == "stakeholders"
    assert dialog.mapping_model.columns() == {0: "name", 1: "sector", 2: "influence"}
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("roles"))
    assert dialog.choices[0].kind == "roles"
    assert dialog.mapping_model.columns() == {0: "stakeholder"}
    assert "Initiative code" in dialog.missing_label.text() and dialog.missing_label.isVisibleTo(dialog)


def test_a_kpi_sheet_offers_its_year_columns_as_fields(qtbot: Any, controller: PlanController, tmp_path: Path) -> None:
    source = tmp_path / "지표.csv"
    source.write_text("과제코드,지표명,2028 목표,2028 실적\nA-01,돌봄 대상자 수,160,140\n", "utf-8")
    dialog = open_dialog(qtbot, controller, source)
    assert dialog.kind_combo.currentData() == "kpis"
    assert dialog.mapping_model.columns() == {0: "initiative", 1: "name", 2: "target_2028", 3: "actual_2028"}
    assert ("Target 2028", "target_2028") in dialog.mapping_model.field_choices()
    assert dialog.preview_model.headers()[2:] == ["Target 2028 ← 2028 목표", "Actual 2028 ← 2028 실적"]


@pytest.mark.parametrize(("name", "content"), [
    ("bomb.xlsx", b"PK\x03\x04" + b"\x00" * 100),
    ("not-a-table.csv", b"\x00\x01\x02\xff\xfe" * 1000),
    ("empty.csv", b""),
])
def test_broken_tables_give_a_report_not_a_crash(qtbot: Any, controller: PlanController, tmp_path: Path,
                                                 name: str, content: bytes) -> None:
    source = tmp_path / name
    source.write_bytes(content)
    before = plan_rows(controller)
    dialog = open_dialog(qtbot, controller, source)
    assert dialog.pages.currentIndex() in (RESULT, MAPPING)
    if dialog.pages.currentIndex() == MAPPING:
        dialog.check()
        wait_idle(qtbot, dialog)
    assert dialog.pages.currentIndex() == RESULT and not dialog.import_button.isEnabled()
    assert dialog.problem_model.rowCount() >= 1
    assert plan_rows(controller) == before


# -- keyboard, screen readers, Korean -----------------------------------------------------------------------------


def test_the_read_as_column_is_edited_with_a_combo_box_from_the_keyboard(qtbot: Any, controller: PlanController,
                                                                         tmp_path: Path) -> None:
    from PySide6.QtWidgets import QComboBox

    source = tmp_path / "과제.csv"
    source.write_text(KOREAN_CSV, "utf-8")
    dialog = open_dialog(qtbot, controller, source)
    view = dialog.mapping_view
    index = dialog.mapping_model.index(4, 1)
    view.setCurrentIndex(index)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.indexWidget(index) or view.findChild(QComboBox)
    assert isinstance(editor, QComboBox) and editor.accessibleName() == "Read as"
    assert editor.itemText(0) == "— ignore —" and editor.currentData() == ""
    number = editor.findData("content")
    editor.setCurrentIndex(number)
    editor.activated.emit(number)
    QApplication.processEvents()
    assert dialog.mapping_model.columns()[4] == "content"
    assert dialog.preview_model.headers()[-1] == "Content ← 비고"


@pytest.mark.parametrize("step", ["choose", "mapping", "result"])
def test_every_control_of_each_step_is_named_and_reached_by_tab(qtbot: Any, controller: PlanController,
                                                               tmp_path: Path, step: str) -> None:
    from desktop_app.widgets.accessibility import clipped_labels
    from tests.desktop_app.test_accessibility import assert_named, assert_tab_reaches_every_control

    source = tmp_path / "tasks.csv"
    source.write_text("과제코드,과제명,시작월\nN-1,,2029-13\n", "utf-8")
    if step == "choose":
        dialog = ImportDialog(controller)
        qtbot.addWidget(dialog)
        dialog.show()
    else:
        dialog = open_dialog(qtbot, controller, source)
        if step == "result":
            dialog.check()
            wait_idle(qtbot, dialog)
            assert dialog.problem_view.isVisible()
    qtbot.waitExposed(dialog)
    assert_named(dialog)
    assert_tab_reaches_every_control(dialog)
    assert clipped_labels(dialog) == []


def test_the_dialog_speaks_korean_at_the_mapping_and_result_steps(korean_interface: None, qtbot: Any,  # noqa: F811
                                                                  controller: PlanController, tmp_path: Path) -> None:
    from tests.desktop_app.test_untranslated import Collector

    source = tmp_path / "과제.csv"
    source.write_text(KOREAN_CSV, "utf-8")
    dialog = open_dialog(qtbot, controller, source)
    collector = Collector()
    collector.tree(dialog, "mapping")
    assert "가져오기(&I)" in collector.texts
    dialog.check()
    wait_idle(qtbot, dialog)
    collector.tree(dialog, "result")
    source.write_text("과제코드,과제명,시작월,진척률\nN-1,,2029-01,140\n", "utf-8")
    dialog.load(source)
    wait_idle(qtbot, dialog)
    dialog.check()
    wait_idle(qtbot, dialog)
    collector.tree(dialog, "problems")
    untranslated = collector.untranslated()
    assert not untranslated, "\n".join(untranslated)


# -- --import-preview -----------------------------------------------------------------------------------------


def test_import_preview_screenshot_pictures_the_mapping_step(tmp_path: Path, qapp: Any) -> None:
    from PySide6.QtGui import QImage

    from tests.desktop_app.test_app import run_app

    source = tmp_path / "과제.csv"
    source.write_text(KOREAN_CSV, "utf-8")
    picture = tmp_path / "import.png"
    result = run_app("--demo", "--import-preview", str(source), "--lang", "ko", "--screenshot", str(picture),
                     data_dir=tmp_path / "data")
    assert result.returncode == 0, result.stderr
    image = QImage(str(picture))
    assert (image.width(), image.height()) == (1280, 800)
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 10
    assert not list((tmp_path / "data" / "working").glob("*.cplan"))


def test_import_preview_needs_a_plan(tmp_path: Path) -> None:
    from tests.desktop_app.test_app import run_app

    result = run_app("--import-preview", "x.csv", "--screenshot", str(tmp_path / "x.png"), data_dir=tmp_path / "d")
    assert result.returncode == 2 and "--import-preview" in result.stderr


def test_import_preview_without_screenshot_opens_the_dialog(make_window: Any, qtbot: Any, tmp_path: Path) -> None:
    source = tmp_path / "과제.csv"
    source.write_text(KOREAN_CSV, "utf-8")
    from desktop_app.app import open_import_dialog, parse_arguments

    assert parse_arguments(["--demo", "--import-preview", str(source)]).import_preview == str(source)
    window = make_window("--demo")
    open_import_dialog(window, source)  # what main() runs once the window shows
    dialog = window.findChild(ImportDialog)
    assert dialog is not None and dialog.isVisible()
    wait_idle(qtbot, dialog)
    assert dialog.pages.currentIndex() == MAPPING
    dialog.reject()


# -- every other registered import format ---------------------------------------------------------------------


@pytest.mark.parametrize("format_name", [name for name, spec in IMPORT_FORMATS.items()
                                         if not spec.tabular and not spec.replaces_plan])
def test_a_file_the_app_exported_imports_back_as_one_undo_step(qtbot: Any, controller: PlanController,
                                                               tmp_path: Path, format_name: str) -> None:
    from planner.interchange.formats import EXPORT_FORMATS, ExportOptions

    spec = IMPORT_FORMATS[format_name]
    exporter = next(export for export in EXPORT_FORMATS.values() if export.suffix in spec.suffixes)
    source = tmp_path / f"exported{exporter.suffix}"
    with controller.document.session() as session:
        exporter.write(session, source, ExportOptions(language="ko"))
    before = plan_rows(controller)
    dialog = open_dialog(qtbot, controller, source)
    assert dialog.pages.currentIndex() == RESULT
    assert dialog.check_result is not None and dialog.check_result.ok, dialog.problem_model.rows()
    assert "No problems found" in dialog.result_label.text()
    assert dialog.import_now()
    assert controller.undo_stack.count() == 1
    assert controller.undo_stack.undoText() == f"Import {source.name}"
    controller.undo_stack.undo()
    assert plan_rows(controller) == before
