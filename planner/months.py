"""Year-month values: the planner's unit of time, stored as an integer month index."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache, total_ordering

from planner.i18n import _

_MONTH_PATTERN = re.compile(r"^\s*(\d{4})\s*[-./년]\s*(\d{1,2})\s*[.월]?\s*$")


@total_ordering
@dataclass(frozen=True, slots=True)
class YearMonth:
    """A calendar month, e.g. 2027-03. Adding an int moves it by that many months."""

    year: int
    month: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise ValueError(_("Month must be between 1 and 12, not {month}.").format(month=self.month))
        if not 1900 <= self.year <= 2999:
            raise ValueError(_("Year must be between 1900 and 2999, not {year}.").format(year=self.year))

    @property
    def index(self) -> int:
        """Months since January of year 0; what the database stores."""
        return self.year * 12 + (self.month - 1)

    @staticmethod
    def from_index(index: int) -> YearMonth:
        """The month of a month index; values are immutable, so each month is built once and shared."""
        return _month_from_index(index)

    @classmethod
    def parse(cls, text: str) -> YearMonth:
        """Read '2027-03', '2027.3', '2027. 3.', '2027/3' or '2027년 3월'."""
        match = _MONTH_PATTERN.match(text.replace("/", "-"))
        if not match:
            raise ValueError(_("'{text}' is not a month; write it as 2027-03.").format(text=text))
        return cls(int(match.group(1)), int(match.group(2)))

    def __add__(self, months: int) -> YearMonth:
        if not isinstance(months, int):
            return NotImplemented
        return YearMonth.from_index(self.index + months)

    def __sub__(self, other: int | YearMonth) -> YearMonth | int:
        if isinstance(other, YearMonth):
            return self.index - other.index
        if isinstance(other, int):
            return YearMonth.from_index(self.index - other)
        return NotImplemented

    def __lt__(self, other: YearMonth) -> bool:
        if not isinstance(other, YearMonth):
            return NotImplemented
        return self.index < other.index

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    def label(self, language: str | None = None) -> str:
        """The month as the interface language writes it: '2027. 3.' in Korean, '2027-03' in English."""
        from planner.i18n import format_month

        return format_month(self.year, self.month, language)

    def korean(self) -> str:
        """The Korean government document style: '2027. 3.'."""
        return f"{self.year}. {self.month}."


@lru_cache(maxsize=4096)
def _month_from_index(index: int) -> YearMonth:
    return YearMonth(index // 12, index % 12 + 1)
