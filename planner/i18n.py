"""Translation of user-visible text: English source strings, Korean catalogue in resources/i18n."""

from __future__ import annotations

import json
import locale
import os
from collections.abc import Callable
from datetime import date
from functools import cache

SUPPORTED_LANGUAGES = ("ko", "en")
_current_language = ""
# The desktop app routes _() through Qt's translators (QCoreApplication.translate) while the interface
# language is the one its translators were installed for; the CLI and the reports read the catalogue.
_lookup: Callable[[str], str] | None = None
_lookup_language = ""


def default_language() -> str:
    """CPLAN_LANG if set, else Korean on a Korean locale, else English."""
    requested = os.environ.get("CPLAN_LANG", "")
    if requested in SUPPORTED_LANGUAGES:
        return requested
    system = (locale.getlocale()[0] or os.environ.get("LANG", "")).lower()
    return "ko" if system.startswith("ko") else "en"


def set_language(language: str) -> None:
    """Choose the language of every later translation ('ko' or 'en')."""
    global _current_language
    if language not in SUPPORTED_LANGUAGES:
        raise ValueError(f"Unsupported language {language!r}; choose one of {', '.join(SUPPORTED_LANGUAGES)}.")
    _current_language = language


def current_language() -> str:
    global _current_language
    if not _current_language:
        _current_language = default_language()
    return _current_language


@cache
def _catalogue(language: str) -> dict[str, str]:
    if language == "en":
        return {}
    from planner.resources import resource_path

    path = resource_path("i18n", f"{language}.json")
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def install_lookup(language: str, lookup: Callable[[str], str] | None) -> None:
    """Let `lookup` translate every _() while the current language is `language` (None removes it).

    The desktop app passes a function over QCoreApplication.translate, so the interface reads the compiled
    Qt translations made from the same catalogue; translate() (reports in a chosen language) is unaffected."""
    global _lookup, _lookup_language
    if lookup is not None and language not in SUPPORTED_LANGUAGES:
        raise ValueError(f"Unsupported language {language!r}; choose one of {', '.join(SUPPORTED_LANGUAGES)}.")
    _lookup, _lookup_language = lookup, (language if lookup is not None else "")


def catalogue(language: str) -> dict[str, str]:
    """A copy of the translations into `language` (English source → text; empty for English)."""
    return dict(_catalogue(language))


def _(text: str) -> str:
    """Translate an English source string into the current language (unknown strings stay English)."""
    language = current_language()
    if _lookup is not None and language == _lookup_language:
        translated = _lookup(text)
        if translated != text:
            return translated
    return _catalogue(language).get(text, text)  # also when the compiled translations lag behind the catalogue


def translate(text: str, language: str) -> str:
    """Translate into a given language regardless of the current one (reports in another language)."""
    return _catalogue(language).get(text, text)


def N_(text: str) -> str:
    """Mark a string for translation without translating it now (module-level constants)."""
    return text


# The languages' names (English source; shown through _() or translate()).
LANGUAGE_NAMES = {"ko": N_("Korean"), "en": N_("English")}


# -- numbers, months and dates as the language writes them ------------------------------------------------


def format_number(value: int | float, decimals: int = 0) -> str:
    """A number with thousands separators (the same comma in Korean and English): 1,250 or 1,250.5."""
    return f"{value:,.{decimals}f}"


def format_month(year: int, month: int, language: str | None = None) -> str:
    """A month as the language writes it: '2027. 3.' in Korean, '2027-03' in English."""
    if (language or current_language()) == "ko":
        return f"{year}. {month}."
    return f"{year:04d}-{month:02d}"


def format_date(day: date, language: str | None = None) -> str:
    """A day as the language writes it: '2027. 3. 5.' in Korean (공문서 style), '2027-03-05' in English."""
    if (language or current_language()) == "ko":
        return f"{day.year}. {day.month}. {day.day}."
    return day.isoformat()
