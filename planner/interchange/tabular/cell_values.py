"""Reading spreadsheet cells as plan values (months, money, yes/no, choices, numbers) and writing plan values
as cells, with formulas in user text neutralised."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from functools import cache

from planner.i18n import _, translate
from planner.interchange.tabular.tables import CHOICE_ALIASES, normalise
from planner.model.attributes import parse_date
from planner.months import YearMonth

# Characters that make a spreadsheet read a cell as a formula (or that hide one): a cell of user text starting
# with one gets a leading apostrophe on export, which the import removes again.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Excel's own limit for a cell's text; longer cells are refused.
MAX_CELL_CHARACTERS = 32_767
# Excel's serial numbers for 1900-01-01 .. 9999-12-31.
_SERIAL_RANGE = (1, 2_958_465)
_EXCEL_EPOCH = datetime(1899, 12, 30)
_YES = frozenset({"1", "y", "yes", "true", "t", "o", "예", "네", "○", "●", "✓", "✔", "v", "있음", "해당", "필요"})
_NO = frozenset({"0", "n", "no", "false", "f", "x", "아니요", "아니오", "아니", "×", "✗", "-", "없음", "해당없음",
                 "불필요"})
_SPREADSHEET_ERRORS = frozenset({"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A",
                                 "#GETTING_DATA", "#SPILL!", "#CALC!"})
_AMOUNT_PART = re.compile(r"(\d+(?:\.\d+)?)\s*(조|억|천만|백만|만|천)?")
_TIME_OF_DAY = re.compile(r"[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$")
_AMOUNT_UNITS = {"조": 10**12, "억": 10**8, "천만": 10**7, "백만": 10**6, "만": 10**4, "천": 10**3, None: 1}


class CellError(ValueError):
    """A cell that cannot be read as its column's value; the message says what forms are accepted."""


def neutralise(text: str) -> str:
    """User text as a cell: a leading apostrophe before = + - @ TAB CR (and before an apostrophe, so that text
    which itself starts with one comes back unchanged)."""
    if text and (text[0] in FORMULA_STARTS or text[0] == "'"):
        return "'" + text
    return text


def restore(text: str) -> str:
    """A cell's text as the user wrote it: the apostrophe neutralise() added removed."""
    if len(text) > 1 and text[0] == "'" and (text[1] in FORMULA_STARTS or text[1] == "'"):
        return text[1:]
    return text


def spreadsheet_error(value: object) -> bool:
    """True for a cell holding a spreadsheet error such as #DIV/0! or #N/A."""
    return isinstance(value, str) and value in _SPREADSHEET_ERRORS


def blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _number_text(value: object) -> str | None:
    """A cell's number as text without separators ("1,200" → "1200"), None when it is not a number's form."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value) if value == value and value not in (float("inf"), float("-inf")) else None
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, str):
        text = value.strip().replace(",", "").replace("_", "").replace(" ", "")
        return text or None
    return None


def read_text(value: object) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(sep=" ")
    return str(value)


def read_int(value: object) -> int:
    text = _number_text(value)
    try:
        if text is not None:
            number = Decimal(text)
            if number.is_finite() and number == number.to_integral_value() and abs(number) < 10**18:
                return int(number)
    except InvalidOperation:
        pass
    raise CellError(_("'{value}' is not a whole number.").format(value=read_text(value)))


def read_decimal(value: object) -> Decimal:
    if isinstance(value, float) and value == value and abs(value) != float("inf"):
        return Decimal(int(value)) if value.is_integer() and abs(value) < 1e15 else Decimal(repr(value))
    text = _number_text(value)
    try:
        if text is not None and len(text) <= 40:
            number = Decimal(text)
            if number.is_finite():
                return number
    except InvalidOperation:
        pass
    raise CellError(_("'{value}' is not a number.").format(value=read_text(value)))


def read_money(value: object, multiplier: int = 1) -> int:
    """Whole KRW from 1,200,000 / ₩1,200 / 1200000 / 12억 / 12억 5천만원 / 1,200백만원; a number without a unit
    is multiplied by the column's unit (1,000,000 for a header such as 예산(백만원))."""
    amount: Decimal | None = None
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        try:
            amount = read_decimal(value) * multiplier
        except CellError:
            amount = None
    elif isinstance(value, str):
        text = value.strip().replace(",", "").replace(" ", "").replace("₩", "").removesuffix("원")
        text = text.removeprefix("krw").removeprefix("KRW").removesuffix("krw").removesuffix("KRW")
        negative = text.startswith("-")
        text = text.removeprefix("-")
        parts = list(_AMOUNT_PART.finditer(text)) if text else []
        if parts and "".join(part.group(0) for part in parts) == text:
            explicit = any(part.group(2) for part in parts)
            amount = sum((Decimal(part.group(1)) * _AMOUNT_UNITS[part.group(2)] for part in parts),
                         Decimal(0))
            if not explicit:
                amount *= multiplier
            if negative:
                amount = -amount
    if amount is None:
        raise CellError(_("'{value}' is not an amount of money; write it as 1,200,000 or 1200000 (KRW), or "
                          "as 12억 or 1,200백만원.").format(value=read_text(value)))
    if amount != amount.to_integral_value():
        raise CellError(_("'{value}' is not a whole number of won.").format(value=read_text(value)))
    if abs(amount) >= 10**18:
        raise CellError(_("'{value}' is too large an amount.").format(value=read_text(value)))
    return int(amount)


def _month_of_serial(serial: float) -> YearMonth:
    day = _EXCEL_EPOCH + timedelta(days=int(serial))
    return YearMonth(day.year, day.month)


def read_month(value: object) -> YearMonth:
    """A month from 2027-03, 2027.3, 2027. 3., 2027/3, 2027년 3월, 202703, a day (2027-03-15), an Excel date
    cell or an Excel serial number (the day is dropped)."""
    try:
        if isinstance(value, datetime | date):
            return YearMonth(value.year, value.month)
        if isinstance(value, str):
            text = _TIME_OF_DAY.sub("", value.strip())
            if not re.fullmatch(r"\d+", text):
                try:
                    return YearMonth.parse(text)
                except ValueError:
                    written = text.replace("년", ".").replace("월", ".").replace("일", "").replace(" ", "")
                    day = parse_date(written)
                    return YearMonth(day.year, day.month)
            value = int(text)
        if isinstance(value, float) and 1900 < value < 3000 and not value.is_integer():
            year, fraction = repr(value).split(".")
            if fraction != "1":  # 2027.1 may have been 2027.10 before it became a number
                return YearMonth(int(year), int(fraction))
        elif isinstance(value, int | float) and not isinstance(value, bool):
            number = int(value) if float(value).is_integer() else value
            if isinstance(number, int) and 190_001 <= number <= 299_912 and 1 <= number % 100 <= 12:
                return YearMonth(number // 100, number % 100)
            if _SERIAL_RANGE[0] <= number <= _SERIAL_RANGE[1] and not 1900 <= number <= 2999:
                return _month_of_serial(number)
    except (ValueError, OverflowError):
        pass
    raise CellError(_("'{value}' is not a month; write it as 2027-03, 2027. 3., 2027/3 or 2027년 3월, or as an "
                      "Excel date.").format(value=read_text(value)))


def read_bool(value: object) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        key = value.strip().casefold()
        if key in _YES:
            return True
        if key in _NO:
            return False
    raise CellError(_("'{value}' is not yes or no; write 예/아니요, Y/N, O/X, TRUE/FALSE or 1/0.").format(
        value=read_text(value)))


@cache
def _choice_keys(field_name: str, choices: tuple[tuple[str, str], ...]) -> dict[str, str]:
    keys: dict[str, str] = {}
    for code, label in choices:
        for spelling in (code, label, translate(label, "ko"), re.sub(r"\(.*\)", "", translate(label, "ko"))):
            keys.setdefault(normalise(spelling), code)
    for spelling, code in CHOICE_ALIASES.get(field_name, {}).items():
        if code in dict(choices):
            keys.setdefault(normalise(spelling), code)
    return keys


def read_choice(value: object, field_name: str, choices: dict[str, str]) -> str:
    """A choice's code from its code or its English or Korean label, in any case and spacing."""
    key = normalise(read_text(value))
    code = _choice_keys(field_name, tuple(choices.items())).get(key)
    if code is None:
        allowed = ", ".join(f"{code} ({_(label)})" for code, label in choices.items())
        raise CellError(_("'{value}' is not one of: {choices}.").format(value=read_text(value),
                                                                       choices=allowed))
    return code


def read_tags(value: object) -> list[str]:
    text = read_text(value).replace("，", ",").replace(";", ",")
    return [tag.strip() for tag in text.split(",") if tag.strip()]


def decimal_cell(number: Decimal) -> int | float | str:
    """A decimal as an XLSX cell: a number when Excel keeps it exactly, else its text."""
    if number == number.to_integral_value() and "E" not in str(number) and "." not in str(number):
        whole = int(number)
        if abs(whole) < 2**53:
            return whole
    as_float = float(number)
    if str(read_decimal(as_float)) == str(number):
        return as_float
    return str(number)


def money_cell(amount: int) -> int | str:
    """Money as an XLSX cell: a number while Excel keeps it exactly (below 2^53), else its text."""
    return amount if abs(amount) < 2**53 else str(amount)


def yes_no(value: bool, language: str) -> str:
    return translate("Yes" if value else "No", language)
