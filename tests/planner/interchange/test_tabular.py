"""CSV and XLSX tables: exact round trips (a new plan and the same plan), headers in both languages,
encodings, value forms, formulas neutralised, references, the column mapping and the CLI."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import update

import planner.cli as cli
from planner.interchange.formats import EXPORT_FORMATS, IMPORT_FORMATS, ImportOptions
from planner.interchange.incoming import existing_rows
from planner.interchange.report import ImportReport
from planner.interchange.tabular import (
    TABLE_KINDS,
    SheetData,
    build_import,
    guess_columns,
    guess_kind,
    preview_rows,
    read_sheets,
    write_table_csv,
    write_workbook_xlsx,
)
from planner.interchange.tabular.registered import import_tabular
from planner.interchange.tabular.tables import PARENTS_FIRST
from planner.model import Initiative
from planner.months import YearMonth
from planner.storage.document import PlanDocument
from tests.planner.commands.sample_plan import build_sample_plan


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    code = cli.main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    return code, out, err


def new_plan(capsys: pytest.CaptureFixture[str], path: Path) -> Path:
    assert run(capsys, "new", path, "--title", "빈 계획", "--start-year", "2027", "--end-year", "2031")[0] == 0
    return path


def source_plan(capsys: pytest.CaptureFixture[str], folder: Path, source: str) -> Path:
    plan = folder / f"{source}.cplan"
    if source == "demo":
        assert run(capsys, "demo", plan, "--lang", "ko")[0] == 0
    else:
        build_sample_plan(plan).engine.dispose()
    return plan


def workbook_values(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in workbook.worksheets}
    finally:
        workbook.close()


def plan_dump(path: Path) -> dict[str, list[dict[str, Any]]]:
    """Every row of every kind (but the change log an applied command writes) as Python values, by id."""
    from sqlalchemy.orm import Session

    from planner.model import ENTITY_CLASSES
    from planner.storage.document import make_engine

    engine = make_engine(path)
    try:
        with Session(engine) as session:
            return {kind: sorted(existing_rows(session, kind), key=lambda row: row["id"])
                    for kind in ENTITY_CLASSES if kind != "change_log"}
    finally:
        engine.dispose()


def csv_sheet(text: str, encoding: str = "utf-8") -> SheetData:
    report = ImportReport()
    sheets = read_sheets(text.encode(encoding), ".csv", report)
    assert report.ok, report.lines()
    return sheets[0]


def import_text(document: PlanDocument, text: str, **options: Any) -> tuple[Any, ImportReport]:
    with document.session() as session:
        return import_tabular(text.encode("utf-8"), ".csv", session,
                              ImportOptions(source_name="t.csv", **options))


@pytest.fixture
def sample(tmp_path: Path) -> PlanDocument:
    build_sample_plan(tmp_path / "sample.cplan").engine.dispose()
    return PlanDocument.open(tmp_path / "sample.cplan")


# -- round trips ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("source", "language"), [("demo", "ko"), ("sample", "en")])
def test_csv_tables_round_trip_exactly_through_a_new_plan(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                          source: str, language: str) -> None:
    plan = source_plan(capsys, tmp_path, source)
    target = new_plan(capsys, tmp_path / "target.cplan")
    for kind in PARENTS_FIRST:  # stakeholders and initiatives before the tables that refer to them
        first = tmp_path / f"first-{kind}.csv"
        code, out, err = run(capsys, "export", plan, "--to", first, "--kind", kind, "--lang", language)
        assert (code, err) == (0, ""), out
        code, out, err = run(capsys, "import", first, "--into", target)
        assert (code, err) == (0, ""), out
    for kind in TABLE_KINDS:
        first, second = tmp_path / f"first-{kind}.csv", tmp_path / f"second-{kind}.csv"
        assert run(capsys, "export", target, "--to", second, "--kind", kind, "--lang", language)[0] == 0
        assert second.read_bytes() == first.read_bytes(), kind
    assert run(capsys, "verify", target)[0] == 0


@pytest.mark.parametrize(("source", "language"), [("demo", "ko"), ("sample", "en")])
def test_an_xlsx_workbook_round_trips_exactly_through_a_new_plan(capsys: pytest.CaptureFixture[str],
                                                                 tmp_path: Path, source: str, language: str) -> None:
    plan = source_plan(capsys, tmp_path, source)
    target = new_plan(capsys, tmp_path / "target.cplan")
    assert run(capsys, "export", plan, "--to", tmp_path / "first.xlsx", "--lang", language)[0] == 0
    code, out, err = run(capsys, "import", tmp_path / "first.xlsx", "--into", target)
    assert (code, err) == (0, "") and "Imported" in out, out
    assert run(capsys, "export", target, "--to", tmp_path / "second.xlsx", "--lang", language)[0] == 0
    first, second = workbook_values(tmp_path / "first.xlsx"), workbook_values(tmp_path / "second.xlsx")
    assert list(first) == [TABLE_KINDS[kind].label if language == "en" else sheet for kind, sheet in
                           zip(TABLE_KINDS, first, strict=True)]
    for title, rows in first.items():
        assert rows == second[title], title
    assert sum(len(rows) - 1 for rows in first.values()) > 6


def test_importing_the_export_into_the_same_plan_changes_nothing(capsys: pytest.CaptureFixture[str],
                                                                 tmp_path: Path) -> None:
    plan = source_plan(capsys, tmp_path, "demo")
    assert run(capsys, "export", plan, "--to", tmp_path / "all.xlsx")[0] == 0
    assert run(capsys, "export", plan, "--to", tmp_path / "kpis.csv", "--kind", "kpis")[0] == 0
    before = plan_dump(plan)
    for name in ("all.xlsx", "kpis.csv"):
        code, out, _err = run(capsys, "import", tmp_path / name, "--into", plan)
        assert code == 0, out
    assert plan_dump(plan) == before  # every row matched, every value and modification time as it was


def test_every_field_an_initiative_row_carries_round_trips(capsys: pytest.CaptureFixture[str],
                                                           tmp_path: Path) -> None:
    plan = tmp_path / "sample.cplan"
    sample = build_sample_plan(plan)
    full = {"phase": 3, "start_month": YearMonth(2028, 11), "duration_months": 7, "not_before": YearMonth(2028, 9),
            "lead_department": "-디지털정책과", "status": "on_hold", "progress": 35,
            "actual_start": YearMonth(2028, 12), "actual_finish": YearMonth(2029, 6), "purpose": "목적\n둘째 줄",
            "content": "=SUM(A1:A3)", "target_users": "@주민", "ai_technology": "+LLM", "service_domain": "'복지",
            "data_used": "\t탭으로 시작", "score_urgency": 1, "score_policy_fit": 2, "score_feasibility": 3,
            "score_effect": 4, "score_technical": 5, "project_type": "research", "contract_method": "수의계약",
            "prior_consultation": "완료", "security_consultation": True, "data_subject_count": 120_000,
            "sensitive_data": True, "unique_identifiers": True, "privacy_impact_assessment": True}
    sample.run(lambda session: session.execute(update(Initiative).where(Initiative.id == sample.ids["i1"])
                                               .values(**full)))
    sample.engine.dispose()
    for suffix in (".csv", ".xlsx"):
        target = new_plan(capsys, tmp_path / f"target{suffix}.cplan")
        if suffix == ".csv":
            assert run(capsys, "export", plan, "--to", tmp_path / "s.csv", "--kind", "stakeholders")[0] == 0
            assert run(capsys, "import", tmp_path / "s.csv", "--into", target)[0] == 0
        assert run(capsys, "export", plan, "--to", tmp_path / f"i{suffix}", "--kind", "initiatives")[0] == 0 \
            if suffix == ".csv" else run(capsys, "export", plan, "--to", tmp_path / f"i{suffix}")[0] == 0
        code, out, _err = run(capsys, "import", tmp_path / f"i{suffix}", "--into", target)
        assert code == 0, out
        document = PlanDocument.open(target)
        with document.session() as session:
            row = next(row for row in existing_rows(session, "initiative") if row["code"] == "A-01")
            fields = {item["id"]: item["code"] for item in existing_rows(session, "field")}
            lead = {item["id"]: item["name"] for item in existing_rows(session, "stakeholder")}
            rules = {item["id"]: item["name"] for item in existing_rows(session, "funding_rule")}
        document.close()
        assert {name: row[name] for name in full} == full, suffix
        assert row["id"] == sample.ids["i1"] and row["title"] == "AI 돌봄 로봇"
        assert fields[row["field_id"]] == "A" and lead[row["lead_stakeholder_id"]] == "해담군청 디지털정책과"
        assert rules[row["funding_rule_id"]] == "스마트빌리지"


def test_an_accepted_import_is_one_command_that_undoes_exactly(sample: PlanDocument, tmp_path: Path) -> None:
    before = plan_dump(sample.working_path)
    text = ("과제코드,과제명,시작월,기간,분야,분야명,추진전략,추진전략명,재원 기준\n"
            "N-01,새 과제,2029-01,6,N,새 분야,N-1,새 전략,새 지원사업\n"
            "A-02,이름을 바꾼 과제,2028-01,6,,,,,\n")
    command, report = import_text(sample, text)
    assert report.ok and command is not None, report.lines()
    with sample.session() as session:
        assert command.summary(session) == {"field": (1, 0), "strategy": (1, 0), "funding_rule": (1, 0),
                                            "initiative": (1, 1)}
    sample.apply(command)
    with sample.session() as session:
        titles = {row["code"]: row["title"] for row in existing_rows(session, "initiative")}
        strategy = next(row for row in existing_rows(session, "strategy") if row["code"] == "N-1")
        field = next(row for row in existing_rows(session, "field") if row["code"] == "N")
    assert titles["N-01"] == "새 과제" and titles["A-02"] == "이름을 바꾼 과제"
    assert strategy["field_id"] == field["id"] and field["name"] == "새 분야"
    sample.revert(command)
    assert plan_dump(sample.working_path) == before


# -- headers, encodings and value forms ----------------------------------------------------------------------


def test_korean_english_and_field_name_headers_are_recognised() -> None:
    for headers in (["과제코드", "사업명", "시작 연월", "사업기간", "추진상태"],
                    ["Code", "Title", "Start month", "Duration (months)", "Status"],
                    ["code", "title", "start_month", "duration_months", "status"],
                    ["  CODE ", "title.", "Start-Month", "DURATION(months)", "status!"]):
        sheet = SheetData("x", headers, [], 2)
        assert guess_kind(sheet) == "initiatives", headers
        assert guess_columns("initiatives", headers) == {0: "code", 1: "title", 2: "start_month",
                                                         3: "duration_months", 4: "status"}, headers
    assert guess_kind(SheetData("x", ["이해관계자명", "소속", "부문", "영향력", "관심도"], [], 2)) == "stakeholders"
    assert guess_kind(SheetData("x", ["과제코드", "회계연도", "재원", "예산(백만원)"], [], 2)) == "budget_lines"
    assert guess_kind(SheetData("x", ["과제코드", "이해관계자", "역할"], [], 2)) == "roles"
    assert guess_kind(SheetData("x", ["지표명", "단위", "2028 목표"], [], 2)) == "kpis"
    assert guess_kind(SheetData("x", ["비고", "합계"], [], 2)) is None
    assert guess_kind(SheetData("예산", ["과제코드", "금액"], [], 2)) == "budget_lines"  # the sheet's name helps
    assert guess_columns("kpis", ["지표명", "목표 2028", "2029년 실적", "Target 2030"]) == {
        0: "name", 1: "target_2028", 2: "actual_2029", 3: "target_2030"}


def test_a_cp949_csv_with_korean_headers_imports(sample: PlanDocument) -> None:
    text = "이해관계자명,소속기관,부문,영향력,관심도,입장\r\n해담 주민자치회,해담읍,시민사회,4,5,지지\r\n"
    data = text.encode("cp949")
    report = ImportReport()
    sheets = read_sheets(data, ".csv", report)
    assert report.ok and sheets[0].encoding == "cp949" and sheets[0].headers[0] == "이해관계자명"
    with sample.session() as session:
        command, report = import_tabular(data, ".csv", session, ImportOptions(source_name="주민.csv"))
    assert report.ok and command is not None, report.lines()
    sample.apply(command)
    with sample.session() as session:
        added = next(row for row in existing_rows(session, "stakeholder") if row["name"] == "해담 주민자치회")
    assert (added["organisation"], added["sector"], added["influence"], added["interest"], added["attitude"]) == (
        "해담읍", "civil_society", 4, 5, "supportive")


@pytest.mark.parametrize(("data", "encoding"), [
    ("코드,제목\nA-09,가\n".encode("utf-8-sig"), "utf-8-sig"),
    ("코드,제목\nA-09,가\n".encode(), "utf-8"),
    ("코드,제목\nA-09,가\n".encode("cp949"), "cp949"),
    ("코드\t제목\r\nA-09\t가\r\n".encode("utf-16"), "utf-16"),
    ("코드;제목\nA-09;가\n".encode(), "utf-8"),
])
def test_csv_encodings_and_delimiters_are_found(data: bytes, encoding: str) -> None:
    report = ImportReport()
    [sheet] = read_sheets(data, ".csv", report)
    assert report.ok and sheet.encoding == encoding
    assert (sheet.headers, sheet.rows, sheet.first_row_number) == (["코드", "제목"], [["A-09", "가"]], 2)


def test_month_forms_excel_serials_and_date_cells_all_read_as_the_month(sample: PlanDocument,
                                                                          tmp_path: Path) -> None:
    forms = ["2027. 3.", "2027.3", "2027-03", "2027/3", "2027년 3월", "202703", "46447", "2027-03-15",
             "2027. 3. 15."]
    text = "code,title,start month\n" + "".join(f"M-{n},t,{form}\n" for n, form in enumerate(forms))
    sheet = csv_sheet(text)
    columns = guess_columns("initiatives", sheet.headers)
    assert [row[2] for row in preview_rows("initiatives", sheet, columns)] == ["2027-03"] * len(forms)
    workbook = openpyxl.Workbook()
    worksheet = workbook.active
    worksheet.append(["code", "title", "start month"])
    worksheet.append(["X-1", "t", datetime(2027, 3, 1)])
    worksheet.append(["X-2", "t", 46447])  # a serial number in a cell without a date format
    workbook.save(tmp_path / "m.xlsx")
    report = ImportReport()
    [xlsx_sheet] = read_sheets((tmp_path / "m.xlsx").read_bytes(), ".xlsx", report)
    assert [row[2] for row in preview_rows("initiatives", xlsx_sheet, columns)] == ["2027-03", "2027-03"]
    with sample.session() as session:
        command = build_import(session, "initiatives", xlsx_sheet, columns, report)
        assert report.ok and command is not None, report.lines()
        assert {row["start_month"] for row in command.tables["initiative"]} == {YearMonth(2027, 3)}


def test_money_with_separators_units_and_million_won_headers(sample: PlanDocument) -> None:
    text = ("과제코드,회계연도,재원,예산(백만원),집행액\n"
            "A-01,2029,국비,\"1,200\",\"₩1,200,000\"\n"
            "A-01,2030,시·군·구비,1.5,12억 5천만원\n"
            "A-02,2029,national,12억,1200000\n")
    sheet = csv_sheet(text)
    columns = guess_columns("budget_lines", sheet.headers)
    assert columns == {0: "initiative", 1: "fiscal_year", 2: "source", 3: "planned_krw", 4: "executed_krw"}
    report = ImportReport()
    with sample.session() as session:
        command = build_import(session, "budget_lines", sheet, columns, report)
    assert report.ok and command is not None, report.lines()
    amounts = sorted((row["fiscal_year"], row["source"], row["planned_krw"], row["executed_krw"])
                     for row in command.tables["budget_line"])
    assert amounts == [(2029, "national", 1_200_000_000, 1_200_000), (2029, "national", 1_200_000_000, 1_200_000),
                       (2030, "municipal", 1_500_000, 1_250_000_000)]
    sheet = csv_sheet("Initiative code,Fiscal year,Funding source,Planned (KRW million)\nA-01,2031,Private,2.5\n")
    with sample.session() as session:
        command = build_import(session, "budget_lines", sheet, guess_columns("budget_lines", sheet.headers), report)
    assert command is not None and command.tables["budget_line"][0]["planned_krw"] == 2_500_000


def test_yes_no_words_choices_by_label_and_tags(sample: PlanDocument) -> None:
    text = ("이름,부문,태도,관리전략,태그\n"
            "가,중앙정부,적극 지지,,\"AI, 행정\"\n"
            "나,central_government,Sceptical,Keep informed,\n"
            "다,지자체,neutral,밀착 관리,복지\n")
    report = ImportReport()
    sheet = csv_sheet(text)
    with sample.session() as session:
        command = build_import(session, "stakeholders", sheet, guess_columns("stakeholders", sheet.headers), report)
    assert report.ok and command is not None, report.lines()
    rows = {row["name"]: row for row in command.tables["stakeholder"]}
    assert [(rows[name]["sector"], rows[name]["attitude"], rows[name]["engagement"], rows[name]["tags"])
            for name in "가나다"] == [("central_government", "champion", None, ["AI", "행정"]),
                                    ("central_government", "sceptical", "keep_informed", []),
                                    ("local_government", "neutral", "manage_closely", ["복지"])]
    text = "관계 주체,관계 대상,관계유형,방향,강도\n" + "".join(
        f"해담군청 디지털정책과,{target},협력,{word},2\n"
        for target, word in (("누리 소프트", "예"), ("노인복지관", "N"), ("누리 소프트", "X"), ("노인복지관", "TRUE")))
    sheet = csv_sheet(text)
    with sample.session() as session:
        command = build_import(session, "relations", sheet, guess_columns("relations", sheet.headers), report)
    assert report.ok and command is not None, report.lines()
    assert [row["directed"] for row in command.tables["stakeholder_relation"]] == [True, False, False, True]


def test_formulas_in_user_text_are_neutralised_on_export_and_restored_on_import(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    plan = tmp_path / "sample.cplan"
    sample = build_sample_plan(plan)
    titles = ["=cmd|' /C calc'!A0", "+1", "-2", "@SUM(A1)", "\tTab", "\rReturn", "'=quoted", "'plain", "_x0041_",
              "bell\x07", "R&D <b>"]
    codes = ["A-01", "A-02", "B-01"]
    sample.run(lambda session: [session.execute(update(Initiative).where(Initiative.code == code)
                                                .values(title=title, lead_department=titles[-1 - number]))
                                for number, (code, title) in enumerate(zip(codes, titles, strict=False))])
    sample.run(lambda session: session.execute(update(Initiative).where(Initiative.code == "A-01")
                                               .values(purpose="\n".join(titles))))
    sample.engine.dispose()
    assert run(capsys, "export", plan, "--to", tmp_path / "i.csv")[0] == 0
    assert run(capsys, "export", plan, "--to", tmp_path / "all.xlsx")[0] == 0
    text = (tmp_path / "i.csv").read_text("utf-8-sig")
    assert "\nA-01,'=cmd|' /C calc'!A0," in text and "\nA-02,'+1," in text and "\nB-01,'-2," in text
    workbook = openpyxl.load_workbook(tmp_path / "all.xlsx")  # full mode: formulas would show as data_type "f"
    cells = [cell for row in workbook.worksheets[0].iter_rows() for cell in row if cell.value is not None]
    assert not any(cell.data_type == "f" for cell in cells)
    assert any(cell.value == "'=cmd|' /C calc'!A0" for cell in cells)
    before = plan_dump(plan)
    for name in ("i.csv", "all.xlsx"):
        code, out, _err = run(capsys, "import", tmp_path / name, "--into", plan)
        assert code == 0, out
        assert plan_dump(plan) == before, name  # every text came back literally: nothing changed
    target = new_plan(capsys, tmp_path / "target.cplan")
    assert run(capsys, "import", tmp_path / "all.xlsx", "--into", target)[0] == 0
    document = PlanDocument.open(target)
    with document.session() as session:
        rows = {row["code"]: row for row in existing_rows(session, "initiative")}
    document.close()
    assert [rows[code]["title"] for code in codes] == titles[:3]
    assert rows["A-01"]["purpose"] == "\n".join(titles)


def test_kpi_targets_of_new_years_are_added_and_changed_ones_updated(sample: PlanDocument) -> None:
    text = "과제코드,지표명,지표유형,2028 목표,2028 실적,2033 목표\nA-01,돌봄 대상자 수,산출,160,140,400\n"
    command, report = import_text(sample, text)
    assert report.ok and command is not None, report.lines()
    with sample.session() as session:
        assert command.summary(session) == {"kpi_target": (1, 1)}  # the KPI row itself is as it was
    assert report.counts == {"kpi": 1, "kpi_target": 2}  # the years the file has
    sample.apply(command)
    with sample.session() as session:
        kpi = next(row["id"] for row in existing_rows(session, "kpi") if row["name"] == "돌봄 대상자 수")
        targets = {row["year"]: (row["target_value"], row["actual_value"])
                   for row in existing_rows(session, "kpi_target") if row["kpi_id"] == kpi}
    assert targets == {2028: (Decimal("160"), Decimal("140")), 2031: (Decimal("300.25"), None),
                       2033: (Decimal("400"), None)}


def test_a_row_id_column_wins_over_the_key(sample: PlanDocument) -> None:
    text = f"code,title,ID\nA-99,코드를 바꾼 과제,{existing_id(sample, 'A-01')}\n"
    command, report = import_text(sample, text)
    assert report.ok and command is not None, report.lines()
    sample.apply(command)
    with sample.session() as session:
        codes = {row["code"] for row in existing_rows(session, "initiative")}
    assert codes == {"A-99", "A-02", "B-01"}


def existing_id(document: PlanDocument, code: str) -> str:
    with document.session() as session:
        return next(row["id"] for row in existing_rows(session, "initiative") if row["code"] == code)


# -- problems ------------------------------------------------------------------------------------------------


def test_unknown_references_name_the_value_and_nothing_is_built(sample: PlanDocument) -> None:
    text = ("과제코드,이해관계자,역할\n"
            "A-01,없는 기관,R\n"
            "Z-09,누리 소프트,C\n"
            "A-02,누리 소프트,Q\n")
    command, report = import_text(sample, text)
    assert command is None
    lines = report.lines()
    assert any(line.startswith("row 2 [이해관계자]") and "'없는 기관'" in line for line in lines), lines
    assert any(line.startswith("row 3 [과제코드]") and "'Z-09'" in line for line in lines), lines
    assert any(line.startswith("row 4 [역할]") and "'Q'" in line for line in lines), lines
    command, report = import_text(sample, "과제코드,과제명,분야\nN-1,새 과제,Q\n")
    assert command is None and "'Q'" in report.lines()[0] and "[분야]" in report.lines()[0]


def test_problems_the_plan_check_finds_name_the_files_headers(sample: PlanDocument) -> None:
    command, report = import_text(sample, "과제코드,과제명,시작월,진척률\nN-1," + "가" * 301 + ",2029-01,140\n"
                                  "A-01,같은 코드,2029-01,0\nA-01,또 같은 코드,2029-01,0\n")
    assert command is None
    lines = report.lines()
    assert any(line.startswith("row 2 [과제명]") for line in lines), lines
    assert any(line.startswith("row 2 [진척률]") for line in lines), lines
    assert any(line.startswith("row 4 [과제코드]") and "row 3" in line for line in lines), lines


def test_new_rows_without_a_required_column_are_reported_once(sample: PlanDocument) -> None:
    command, report = import_text(sample, "이름,소속\n가,나\n다,라\n누리 소프트,\n")
    assert command is None
    assert report.lines() == ["row 2 [Sector]: 2 new row(s) need a value for Sector, but the sheet has no such "
                              "column."]


def test_the_column_mapping_can_name_columns_and_ignore_others(sample: PlanDocument) -> None:
    text = "번호,사업 이름,착수,개월\nN-1,새 과제,2029-01,6\n"
    sheet = csv_sheet(text)
    assert guess_kind(sheet) == "initiatives"
    assert guess_columns("initiatives", sheet.headers) == {0: "code", 2: "start_month", 3: "duration_months"}
    command, report = import_text(sample, text, kind="initiatives", column_names={"사업 이름": "title", "개월": "-"})
    assert report.ok and command is not None, report.lines()
    assert command.tables["initiative"][0]["duration_months"] == 12  # ignored: the default
    command, report = import_text(sample, text, kind="initiatives", columns={0: "code", 1: "title", 2: "start_month",
                                                                             3: "duration_months"})
    assert report.ok and command is not None and command.tables["initiative"][0]["duration_months"] == 6
    command, report = import_text(sample, text, kind="initiatives", columns={0: "code", 1: "colour"})
    assert command is None and "'colour' is not a column" in report.lines()[0]
    assert preview_rows("initiatives", sheet, {0: "code", 1: "title", 2: "start_month", 3: "phase"}) == [
        ["N-1", "새 과제", "2029-01", "6"]]
    assert preview_rows("initiatives", sheet, {3: "progress", 0: "", 2: "colour", 1: "status"}) == [
        ["N-1", "⚠ 새 과제", "2029-01", "6"]]  # by column index; unmapped and unknown fields show the cell


def test_an_unrecognised_sheet_is_reported_and_sheet_chooses_one(sample: PlanDocument, tmp_path: Path) -> None:
    with sample.session() as session:
        write_workbook_xlsx(session, tmp_path / "all.xlsx", "en")
    workbook = openpyxl.load_workbook(tmp_path / "all.xlsx")
    notes = workbook.create_sheet("설명")
    notes.append(["이 파일은", "예산 자료입니다"])
    workbook.save(tmp_path / "all.xlsx")
    data = (tmp_path / "all.xlsx").read_bytes()
    with sample.session() as session:
        command, report = import_tabular(data, ".xlsx", session, ImportOptions())
        assert command is None and report.lines()[0].startswith("sheet 설명:"), report.lines()
        command, report = import_tabular(data, ".xlsx", session, ImportOptions(sheet="KPIs"))
        assert report.ok and command is not None and command.tables == {}  # as the plan has them
        assert report.counts == {"kpi": 2, "kpi_target": 3}
        command, report = import_tabular(data, ".xlsx", session, ImportOptions(sheet="없는 시트"))
        assert command is None and "Initiatives" in report.lines()[0]


# -- the CLI and the registry --------------------------------------------------------------------------------


def test_the_registry_offers_csv_and_xlsx() -> None:
    assert EXPORT_FORMATS["csv"].kinds == (*TABLE_KINDS, "schedule")  # the computed schedule: export only
    assert IMPORT_FORMATS["csv"].tabular and IMPORT_FORMATS["xlsx"].tabular
    assert (IMPORT_FORMATS["xlsx"].suffixes, EXPORT_FORMATS["xlsx"].suffix) == ((".xlsx",), ".xlsx")


def test_cli_import_dry_run_kind_column_and_refusal(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    plan = source_plan(capsys, tmp_path, "sample")
    source = tmp_path / "list.csv"
    source.write_text("번호,과제명,시작월\nN-1,새 과제,2029. 1.\n", encoding="utf-8")
    before = plan.read_bytes()
    code, out, _err = run(capsys, "import", source, "--into", plan, "--dry-run", "--json", "--kind", "initiatives")
    report = json.loads(out)
    assert code == 0 and report["ok"] and not report["imported"] and report["counts"] == {"initiative": 1}
    assert plan.read_bytes() == before
    code, out, _err = run(capsys, "import", source, "--into", plan, "--column", "번호=code", "--column", "과제명=-",
                          "--kind", "initiatives")
    assert code == 2 and "not imported" in out and "[Title]" in out  # the title is ignored: required for new rows
    assert plan.read_bytes() == before
    code, out, _err = run(capsys, "import", source, "--into", plan, "--column", "번호=code", "--kind", "initiatives")
    assert code == 0 and "Initiatives: 1 added, 0 updated" in out
    code, out, _err = run(capsys, "import", source, "--into", plan, "--kind", "people")
    assert code == 2 and "'people' is not a table" in out


def test_cli_export_a_chosen_table_and_the_workbook(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    plan = source_plan(capsys, tmp_path, "sample")
    code, out, _err = run(capsys, "export", plan, "--to", tmp_path / "s.csv", "--kind", "stakeholders", "--lang", "ko")
    assert code == 0 and "3" in out
    lines = (tmp_path / "s.csv").read_bytes().split(b"\r\n")
    assert lines[0].startswith("\ufeff이름,소속 기관,부문".encode()) and len(lines) == 5 and lines[-1] == b""
    code, out, _err = run(capsys, "export", plan, "--to", tmp_path / "p.xlsx", "--lang", "en")
    assert code == 0
    workbook = openpyxl.load_workbook(tmp_path / "p.xlsx")
    sheet = workbook["Initiatives"]
    assert sheet.freeze_panes == "A2" and sheet["A1"].font.b and sheet["A1"].value == "Code"
    last = openpyxl.utils.get_column_letter(sheet.max_column)
    assert sheet[f"{last}1"].value == "ID" and sheet.column_dimensions[last].hidden
    assert sheet["H2"].is_date and sheet["H2"].number_format == "yyyy-mm"
    assert run(capsys, "export", plan, "--to", tmp_path / "x.csv", "--kind", "people")[0] == 2


def test_write_functions_count_rows(sample: PlanDocument, tmp_path: Path) -> None:
    with sample.session() as session:
        assert write_table_csv(session, "roles", tmp_path / "r.csv", "ko") == 3
        assert write_workbook_xlsx(session, tmp_path / "w.xlsx", "ko") == {
            "initiatives": 3, "stakeholders": 3, "relations": 1, "budget_lines": 3, "kpis": 2, "roles": 3}
    report = ImportReport()
    sheets = read_sheets((tmp_path / "w.xlsx").read_bytes(), ".xlsx", report)
    assert [guess_kind(sheet) for sheet in sheets] == list(TABLE_KINDS)
    assert io.BytesIO((tmp_path / "r.csv").read_bytes()).read(3) == b"\xef\xbb\xbf"
    with zipfile.ZipFile(tmp_path / "w.xlsx") as archive:  # readers find each sheet's size without a scan
        assert b'<dimension ref="A1:AK4"' in archive.read("xl/worksheets/sheet1.xml")
