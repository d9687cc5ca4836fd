"""Hostile and broken CSV/XLSX files: each gives a clear report (where, column, what is wrong), never a
traceback, and the plan file stays byte for byte as it was."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

from planner.interchange.formats import ImportOptions
from planner.interchange.report import ImportReport
from planner.interchange.tabular import read_sheets, xlsx_files
from planner.interchange.tabular import sheets as sheets_module
from planner.interchange.tabular.registered import import_tabular
from planner.storage.document import PlanDocument
from tests.planner.commands.sample_plan import build_sample_plan
from tests.planner.interchange.test_tabular import run

GOOD_CSV = "과제코드,과제명,시작월,기간\nN-1,새 과제,2029-01,6\n"


def workbook_bytes(rows: list[list[object]], title: str = "추진과제") -> bytes:
    workbook = openpyxl.Workbook()
    worksheet = workbook.active
    worksheet.title = title
    for row in rows:
        worksheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def zip_bytes(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def with_sheet_xml(workbook: bytes, sheet_xml: bytes) -> bytes:
    """The workbook with its first sheet's XML replaced (openpyxl never writes what a hostile file may)."""
    source = zipfile.ZipFile(io.BytesIO(workbook))
    return zip_bytes({info.filename: sheet_xml if info.filename == "xl/worksheets/sheet1.xml"
                      else source.read(info.filename) for info in source.infolist()})


def zip_bomb() -> bytes:
    """A workbook whose sheet unpacks 60 MB of XML from about 60 KB."""
    good = zipfile.ZipFile(io.BytesIO(workbook_bytes([["code", "title"]])))
    entries = {info.filename: good.read(info.filename) for info in good.infolist()}
    entries["xl/worksheets/sheet1.xml"] = b"<worksheet>" + b" " * (60 * 1024 * 1024) + b"</worksheet>"
    return zip_bytes(entries)


HOSTILE: dict[str, tuple[str, bytes, str]] = {
    # name: (suffix, bytes, a piece of the message the report must give)
    "zip bomb": (".xlsx", zip_bomb(), "zip bomb"),
    "renamed csv": (".xlsx", GOOD_CSV.encode(), "CSV file renamed"),
    "not a zip": (".xlsx", b"\x00\x01garbage" * 100, "not a zip archive"),
    "old xls": (".xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, ".xls"),
    "truncated": (".xlsx", workbook_bytes([["code", "title"], ["A", "B"]])[:900], "damaged"),
    "zip without a workbook": (".xlsx", zip_bytes({"hello.txt": b"hi"}), "xl/workbook.xml"),
    "broken sheet xml": (".xlsx", with_sheet_xml(workbook_bytes([["a"]]), b"<worksheet><sheet"), "cannot be read"),
    "entity expansion": (".xlsx", with_sheet_xml(workbook_bytes([["a"]]), (
        b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><worksheet xmlns="http://schemas.openxmlformats.org/'
        b'spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&c;</t></is></c></row>'
        b'</sheetData></worksheet>')), "declares entities or a DTD"),
    "xlsx named csv": (".csv", workbook_bytes([["code"]]), "zip archive"),
    "1 MB csv cell": (".csv", ("과제코드,과제명,시작월\nN-1," + "가" * 1_000_000 + ",2029-01\n").encode(),
                      "131,072 characters"),
    "1 MB xlsx cell": (".xlsx", with_sheet_xml(workbook_bytes([["과제코드"]]), (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>과제코드</t></is></c><c r="B1" t="inlineStr"><is><t>과제명</t></is>'
        '</c><c r="C1" t="inlineStr"><is><t>시작월</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>N-1'
        '</t></is></c><c r="B2" t="inlineStr"><is><t>' + "가" * 1_000_000 + '</t></is></c><c r="C2" t="inlineStr">'
        '<is><t>2029-01</t></is></c></row></sheetData></worksheet>').encode()), "1,000,000 characters"),
    "40k csv cell": (".csv", ("과제코드,과제명,시작월\nN-1," + "가" * 40_000 + ",2029-01\n").encode(),
                     "at most 32,767"),
    "wrong types": (".csv", "과제코드,과제명,시작월,기간,진척률,보안성 검토\nN-1,가,2029-01,열두 달,많이,아마도\n".encode(),
                    "'열두 달' is not a whole number"),
    "money text": (".csv", "과제코드,회계연도,재원,계획액\nA-01,2029,국비,많음\n".encode(), "not an amount of money"),
    "bad dates": (".csv", "과제코드,과제명,시작월\nN-1,가,2029-13\nN-2,나,2029-02-30\nN-3,다,내년 봄\n".encode(),
                  "'2029-13' is not a month"),
    "mixed encodings": (".csv", "과제코드,과제명,시작월\n".encode() + "N-1,돌봄,2029-01\n".encode("cp949")
                        + "N-2,교통,2029-02\n".encode(), "mixes encodings: UTF-8 on line(s) 1, 3, CP949/EUC-KR on line(s) 2"),
    "neither encoding": (".csv", b"code,title,start\nN-1,\xff\xfe\xff,2029-01\n", "neither UTF-8 nor CP949"),
    "BOM then cp949": (".csv", "\ufeff과제코드,과제명\n".encode() + "N-1,돌봄\n".encode("cp949"), "mixes encodings"),
    "binary": (".csv", bytes(range(256)) * 4, "neither UTF-8 nor CP949"),
    "unclosed quote": (".csv", ('code,title,start\nN-1,"' + "x" * 200_000 + "\n").encode(), "not closed"),
    "unknown reference": (".csv", "과제코드,이해관계자,역할\nA-01,없는 기관,R\n".encode(), "'없는 기관'"),
    "unclear table": (".csv", "가,나,다\n1,2,3\n".encode(), "not clear"),
    "empty": (".csv", b"", "holds no rows"),
    "headers only": (".csv", "과제코드,과제명,시작월\n".encode(), "holds no rows"),
    "formula without a value": (".xlsx", workbook_bytes([["과제코드", "과제명", "시작월"], ["N-1", "=A2&\"!\"", "2029-01"]]),
                                "is required"),
    "spreadsheet error": (".xlsx", workbook_bytes([["과제코드", "과제명", "시작월"], ["N-1", "#DIV/0!", "2029-01"]]),
                          "#DIV/0!"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_file_is_refused_with_a_clear_report_and_the_plan_unchanged(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str
) -> None:
    suffix, data, message = HOSTILE[name]
    plan = tmp_path / "plan.cplan"
    build_sample_plan(plan).engine.dispose()
    source = tmp_path / f"hostile{suffix}"
    source.write_bytes(data)
    before = plan.read_bytes()
    code, out, err = run(capsys, "import", source, "--into", plan)
    assert (code, err) == (2, ""), out
    lines = out.splitlines()
    assert "not imported" in lines[0] and len(lines) >= 2 and all(line.startswith("  - ") for line in lines[1:])
    assert message in out, out
    assert plan.read_bytes() == before


def test_problems_name_the_row_and_the_column_header(tmp_path: Path) -> None:
    build_sample_plan(tmp_path / "p.cplan").engine.dispose()
    document = PlanDocument.open(tmp_path / "p.cplan")
    _suffix, data, _message = HOSTILE["wrong types"]
    with document.session() as session:
        command, report = import_tabular(data, ".csv", session, ImportOptions(source_name="x.csv"))
    assert command is None
    assert [(problem.where, problem.field) for problem in report.problems] == [
        ("row 2", "기간"), ("row 2", "진척률"), ("row 2", "보안성 검토")]
    workbook = workbook_bytes([["과제코드", "과제명", "시작월"], [], ["N-1", "가", "2029-13"]], title="과제 목록")
    with document.session() as session:
        command, report = import_tabular(workbook, ".xlsx", session, ImportOptions(kind="initiatives"))
    assert command is None and report.lines() == [
        "sheet 과제 목록 row 3 [시작월]: '2029-13' is not a month; write it as 2027-03, 2027. 3., 2027/3 or 2027년 3월, "
        "or as an Excel date."]


def test_the_zip_limits_are_checked_before_anything_is_unpacked(monkeypatch: pytest.MonkeyPatch) -> None:
    data = workbook_bytes([["code", "title"], ["A-1", "x" * 5000]])
    report = ImportReport()
    assert read_sheets(data, ".xlsx", report) and report.ok
    monkeypatch.setattr(xlsx_files, "MAX_TOTAL_UNCOMPRESSED", 4096)
    assert read_sheets(data, ".xlsx", report) == [] and "would unpack to" in report.lines()[0]
    monkeypatch.setattr(xlsx_files, "MAX_ENTRIES", 3)
    report = ImportReport()
    assert read_sheets(data, ".xlsx", report) == [] and "parts" in report.lines()[0]


def test_too_many_rows_and_columns_are_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sheets_module, "MAX_ROWS", 5)
    monkeypatch.setattr(sheets_module, "MAX_COLUMNS", 4)
    text = "code,title,start\n" + "".join(f"N-{number},t,2029-01\n" for number in range(8)) + "x,y,z,a,b,c\n"
    report = ImportReport()
    [sheet] = read_sheets(text.encode(), ".csv", report)
    assert len(sheet.rows) == 5 and "more than 5 rows" in report.lines()[0]
    report = ImportReport()
    [sheet] = read_sheets(b"code,title,start\nx,y,z,a,b,c\n", ".csv", report)
    assert sheet.rows == [["x", "y", "z", "a"]] and "beyond column 4" in report.lines()[0]


def test_hostile_text_exports_and_comes_back_literally(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from sqlalchemy import update

    from planner.model import Stakeholder

    plan = tmp_path / "plan.cplan"
    sample = build_sample_plan(plan)
    texts = ["x<y & R&D", "</para><img src='/etc/passwd'/>", "\x00\x0b\x1f 제어문자", "_x000D_ 그대로",
             "줄\r\n바꿈\r끝", "가" * 20_000, "🙂 emoji", "\ufeffBOM", "-@+=", "''=", "' 앞 공백", "  양쪽 공백  "]
    sample.run(lambda session: [session.execute(update(Stakeholder).where(Stakeholder.id == sample.ids["st1"])
                                                .values(notes="\n".join(texts), role=texts[0], contact=texts[-1]))])
    sample.engine.dispose()
    for name, arguments in (("s.csv", ["--kind", "stakeholders"]), ("s.xlsx", [])):
        assert run(capsys, "export", plan, "--to", tmp_path / name, *arguments)[0] == 0
        target = tmp_path / f"target-{name}.cplan"
        assert run(capsys, "new", target, "--title", "t", "--start-year", "2027", "--end-year", "2031")[0] == 0
        code, out, _err = run(capsys, "import", tmp_path / name, "--into", target,
                              *([] if name.endswith("csv") else ["--sheet", "Stakeholders"]))
        assert code == 0, out
        document = PlanDocument.open(target)
        from planner.interchange.incoming import existing_rows

        with document.session() as session:
            row = next(row for row in existing_rows(session, "stakeholder") if row["id"] == sample.ids["st1"])
        document.close()
        assert (row["notes"], row["role"], row["contact"]) == ("\n".join(texts), texts[0], texts[-1]), name
