"""planner.i18n: the catalogue, the desktop app's lookup hook, and numbers, months and dates per language."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from planner import i18n
from planner.i18n import _, format_date, format_month, format_number, install_lookup, set_language, translate


@pytest.fixture(autouse=True)
def no_lookup() -> Iterator[None]:
    yield
    install_lookup("en", None)


def test_the_catalogue_translates_into_the_current_language() -> None:
    set_language("ko")
    assert _("&Save") == "저장(&S)"
    assert _("no such source text") == "no such source text"
    set_language("en")
    assert _("&Save") == "&Save"


def test_a_lookup_translates_while_its_language_is_current() -> None:
    install_lookup("ko", lambda text: f"<{text}>")
    set_language("ko")
    assert _("&Save") == "<&Save>"
    set_language("en")
    assert _("&Save") == "&Save"  # the lookup belongs to Korean only


def test_the_catalogue_answers_what_the_lookup_does_not_know() -> None:
    install_lookup("ko", lambda text: text)  # e.g. compiled translations older than the catalogue
    set_language("ko")
    assert _("&Save") == "저장(&S)"


def test_reports_keep_their_own_language_whatever_the_lookup() -> None:
    install_lookup("ko", lambda text: "interface")
    set_language("ko")
    assert translate("&Save", "ko") == "저장(&S)"
    assert translate("&Save", "en") == "&Save"


def test_removing_the_lookup_returns_to_the_catalogue() -> None:
    install_lookup("ko", lambda text: "interface")
    install_lookup("ko", None)
    set_language("ko")
    assert _("&Save") == "저장(&S)"


def test_a_lookup_for_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="fr"):
        install_lookup("fr", lambda text: text)


def test_catalogue_returns_a_copy() -> None:
    copy = i18n.catalogue("ko")
    copy["&Save"] = "changed"
    assert i18n.catalogue("ko")["&Save"] == "저장(&S)"
    assert i18n.catalogue("en") == {}


def test_numbers_months_and_dates_follow_the_language() -> None:
    assert format_number(1_250_000) == "1,250,000"
    assert format_number(1250.5, 1) == "1,250.5"
    assert format_month(2027, 3, "ko") == "2027. 3."
    assert format_month(2027, 3, "en") == "2027-03"
    assert format_date(date(2027, 3, 5), "ko") == "2027. 3. 5."
    assert format_date(date(2027, 3, 5), "en") == "2027-03-05"
    set_language("ko")
    assert format_month(2031, 12) == "2031. 12."


def test_a_month_label_follows_the_language() -> None:
    from planner.months import YearMonth

    assert YearMonth(2027, 3).label("ko") == "2027. 3." and YearMonth(2027, 3).label("en") == "2027-03"
