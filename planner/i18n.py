"""Translation of user-visible text: English source strings, Korean catalogue in resources/i18n."""

from __future__ import annotations

import json
import locale
import os
from functools import cache

SUPPORTED_LANGUAGES = ("ko", "en")
_current_language = ""


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


def _(text: str) -> str:
    """Translate an English source string into the current language (unknown strings stay English)."""
    return _catalogue(current_language()).get(text, text)


def translate(text: str, language: str) -> str:
    """Translate into a given language regardless of the current one (reports in another language)."""
    return _catalogue(language).get(text, text)


def N_(text: str) -> str:
    """Mark a string for translation without translating it now (module-level constants)."""
    return text
