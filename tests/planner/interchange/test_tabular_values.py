"""Reading single cells and headers: months, money, yes/no, choices, numbers, formulas neutralised, units."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from planner.interchange.report import ImportReport
from planner.interchange.tabular.cell_values import (
    CellError,
    decimal_cell,
    neutralise,
    read_bool,
    read_choice,
    read_decimal,
    read_int,
    read_money,
    read_month,
    restore,
)
from planner.interchange.tabular.csv_files import decode_csv, sniff_delimiter
from planner.interchange.tabular.tables import field_for_header, kind_for_sheet_name, money_unit, normalise
from planner.interchange.tabular.xlsx_files import escape_text, unescape_text
from planner.model.vocabulary import FUNDING_SOURCES, RACI_ROLES, SECTORS
from planner.months import YearMonth


@pytest.mark.parametrize("value", ["2027. 3.", "2027.3", "2027-03", "2027/3", "2027년 3월", "2027년3월", " 2027-3 ",
                                   "202703", "46447", 46447, 46447.75, datetime(2027, 3, 15), date(2027, 3, 1),
                                   "2027-03-15", "2027. 3. 15.", "2027-03-01 00:00:00", 2027.03, 2027.3])
def test_a_month_is_read_from_every_form(value: object) -> None:
    assert read_month(value) == YearMonth(2027, 3)


@pytest.mark.parametrize("value", ["2027-13", "2027-00", "2027", 2027, "내년", "2027-02-30", "03/2027", 2027.1,
                                   -5, True, "1899-12"])
def test_what_is_not_a_month_says_which_forms_are(value: object) -> None:
    with pytest.raises(CellError, match="is not a month; write it as 2027-03"):
        read_month(value)


@pytest.mark.parametrize(("value", "multiplier", "won"), [
    ("1,200,000,000", 1, 1_200_000_000), ("1200000000", 1, 1_200_000_000), ("₩1,200", 1, 1_200),
    ("1,200원", 1, 1_200), ("12억", 1, 1_200_000_000), ("12억 5천만원", 1, 1_250_000_000),
    ("1,200백만원", 1, 1_200_000_000), ("3만", 1, 30_000), ("1,200", 1_000_000, 1_200_000_000),
    ("1.5", 1_000_000, 1_500_000), (1.5, 1_000_000, 1_500_000), (1200, 1, 1200), (1200.0, 1, 1200),
    ("12억", 1_000_000, 1_200_000_000), ("-300", 1, -300), ("KRW 5,000", 1, 5000),
])
def test_money_is_read_with_separators_units_and_the_columns_unit(value: object, multiplier: int, won: int) -> None:
    assert read_money(value, multiplier) == won


@pytest.mark.parametrize("value", ["많음", "1.5", "12억원쯤", "1,2,3억x", "", "--5", True])
def test_what_is_not_money_is_refused(value: object) -> None:
    with pytest.raises(CellError):
        read_money(value)


def test_numbers() -> None:
    assert [read_int(value) for value in ("1,200", " 7 ", 3.0, "4.0", 12)] == [1200, 7, 3, 4, 12]
    for bad in ("3.5", "열둘", 3.5, True, "1e3x"):
        with pytest.raises(CellError, match="not a whole number"):
            read_int(bad)
    assert [read_decimal(value) for value in ("72.5", "1,234.5", 72.5, 120, 120.0, "1E+3")] == [
        Decimal("72.5"), Decimal("1234.5"), Decimal("72.5"), Decimal(120), Decimal(120), Decimal("1E+3")]
    with pytest.raises(CellError):
        read_decimal("NaN")


def test_decimals_are_numbers_in_xlsx_only_when_excel_keeps_them_exactly() -> None:
    assert decimal_cell(Decimal("120")) == 120 and decimal_cell(Decimal("72.5")) == 72.5
    assert decimal_cell(Decimal("120.0")) == "120.0" and decimal_cell(Decimal("0.12345678901234567890")) == \
        "0.12345678901234567890"


@pytest.mark.parametrize(("words", "value"), [
    (("예", "네", "Y", "yes", "TRUE", "true", "O", "1", 1, True, "✓"), True),
    (("아니요", "아니오", "N", "no", "FALSE", "X", "x", "0", 0, False, "-"), False),
])
def test_yes_and_no(words: tuple[object, ...], value: bool) -> None:
    assert all(read_bool(word) is value for word in words)
    with pytest.raises(CellError, match="not yes or no"):
        read_bool("아마도")


def test_choices_by_code_and_label_in_either_language() -> None:
    assert {read_choice(word, "sector", SECTORS) for word in (
        "중앙정부", "central_government", "Central government", "CENTRAL GOVERNMENT", "중앙 정부", "중앙부처")} == {
        "central_government"}
    assert read_choice("시민사회·주민", "sector", SECTORS) == "civil_society"
    assert [read_choice(word, "source", FUNDING_SOURCES) for word in ("국비", "시·도비", "시군구비", "민자", "Other")] \
        == ["national", "provincial", "municipal", "private", "other"]
    assert [read_choice(word, "role", RACI_ROLES) for word in ("R", "a", "협의(C)", "공유", "Informed")] == [
        "R", "A", "C", "I", "I"]
    with pytest.raises(CellError, match="is not one of: central_government"):
        read_choice("외계", "sector", SECTORS)


@pytest.mark.parametrize("text", ["=cmd|' /C calc'!A0", "+1", "-2", "@SUM(A1)", "\tx", "\rx", "'=x", "'plain", "''",
                                  "'", "", "plain", "a=b"])
def test_neutralised_text_is_restored_exactly(text: str) -> None:
    cell = neutralise(text)
    assert restore(cell) == text
    assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r")
    assert unescape_text(escape_text(cell)) == cell


def test_a_hand_written_leading_apostrophe_stays() -> None:
    assert restore("'hello") == "'hello" and restore("'=x") == "=x" and restore("''x") == "'x"


def test_xlsx_escapes_carry_what_xml_cannot() -> None:
    for text in ("a\x00b\x0bc", "줄\r\n바꿈", "_x0041_", "_x005F_", "_x00_", "\ufffe"):
        escaped = escape_text(text)
        assert unescape_text(escaped) == text
        assert "\r" not in escaped and "\x00" not in escaped
    assert unescape_text("_xD800_") == "_xD800_"  # never a lone surrogate


def test_headers_are_compared_without_case_spaces_punctuation_and_units() -> None:
    assert normalise(" Start-Month ") == normalise("start_month") == "startmonth"
    assert field_for_header("initiatives", "시작 연월") == "start_month"
    assert field_for_header("budget_lines", "예산(백만원)") == "planned_krw"
    assert field_for_header("budget_lines", "Planned (KRW million)") == "planned_krw"
    assert field_for_header("budget_lines", "계획(원)") == "planned_krw"
    assert field_for_header("budget_lines", "집행액 (천원)") == "executed_krw"
    assert field_for_header("initiatives", "비고") is None
    assert money_unit("예산(백만원)")[1] == 1_000_000 and money_unit("집행액 (천원)")[1] == 1_000
    assert money_unit("Planned (KRW million)")[1] == 1_000_000 and money_unit("계획액")[1] == 1
    assert kind_for_sheet_name("과제목록.csv") == "initiatives" and kind_for_sheet_name("RACI 역할") == "roles"
    assert kind_for_sheet_name("Sheet1") is None


def test_decoding_is_strict_utf8_first_then_cp949() -> None:
    report = ImportReport()
    assert decode_csv("가,나".encode("cp949"), report) == ("가,나", "cp949")
    assert decode_csv("가,나".encode(), report) == ("가,나", "utf-8")
    assert decode_csv("가,나".encode("utf-8-sig"), report) == ("가,나", "utf-8-sig")
    assert decode_csv("방각하".encode("euc-kr"), report) == ("방각하", "cp949")
    assert decode_csv("똠".encode("cp949"), report) == ("똠", "cp949")  # CP949-only syllable
    assert report.ok
    assert [sniff_delimiter(text) for text in ("a,b;c,d", "a;b;c", "a\tb\tc", '"a;b",c', "abc")] == [
        ",", ";", "\t", ",", ","]
