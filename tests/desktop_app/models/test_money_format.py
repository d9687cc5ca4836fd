"""Money on screen: millions of won with separators, one decimal only where a column needs it."""

from __future__ import annotations

from desktop_app.models.money_format import decimals_for, krw_text, million_text, million_unit


def test_million_text() -> None:
    assert million_text(0) == "0"
    assert million_text(1_250_000_000) == "1,250"
    assert million_text(1_250_500_000) == "1,250.5"
    assert million_text(12_345_678_901_234) == "12,345,678.9"
    assert million_text(1_250_000_000, 1) == "1,250.0"
    assert million_text(1_250_050_000, 0) == "1,250"
    assert million_text(None) == ""


def test_decimals_for_a_column() -> None:
    assert decimals_for([1_000_000, 2_000_000]) == 0
    assert decimals_for([1_000_000, 2_500_000]) == 1
    assert decimals_for([]) == 0


def test_full_amount_and_unit_are_translatable() -> None:
    assert krw_text(1_234_000) == "1,234,000 KRW"
    assert million_unit() == "KRW million"
