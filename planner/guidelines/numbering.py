"""Heading numbers of government reports: Ⅰ. → 1. → 가. → 1) → 가) → (1) → (가) → ① → ㉮, or 1. → 1.1 → 1.1.1."""

from __future__ import annotations

from planner.i18n import N_, translate

ROMAN = "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ"
# 가 나 다 ... 하, then 거 너 더 ... 허, 고 노 도 ... (the customary continuation after 하).
_INITIALS = "ㄱㄴㄷㄹㅁㅂㅅㅇㅈㅊㅋㅌㅍㅎ"
_CONSONANT_INDEX = {"ㄱ": 0, "ㄴ": 2, "ㄷ": 3, "ㄹ": 5, "ㅁ": 6, "ㅂ": 7, "ㅅ": 9, "ㅇ": 11, "ㅈ": 12, "ㅊ": 14,
                    "ㅋ": 15, "ㅌ": 16, "ㅍ": 17, "ㅎ": 18}
_VOWELS = (0, 4, 8, 13)  # ㅏ ㅓ ㅗ ㅜ
CIRCLED_DIGITS = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
CIRCLED_SYLLABLES = "㉮㉯㉰㉱㉲㉳㉴㉵㉶㉷㉸㉹㉺㉻"
APPENDIX_WORD = N_("Appendix")


def roman(number: int) -> str:
    """Ⅰ, Ⅱ, ... Ⅻ, then plain upper-case Roman numerals."""
    if 1 <= number <= len(ROMAN):
        return ROMAN[number - 1]
    values = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
              (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    parts = []
    for value, letters in values:
        count, number = divmod(number, value)
        parts.append(letters * count)
    return "".join(parts)


def hangul(number: int) -> str:
    """가 나 다 ... 하 (1-14), 거 ... 허 (15-28), 고 ... 호, 구 ... 후; beyond that the number itself."""
    if number < 1:
        return str(number)
    round_, position = divmod(number - 1, len(_INITIALS))
    if round_ >= len(_VOWELS):
        return str(number)
    initial = _CONSONANT_INDEX[_INITIALS[position]]
    return chr(0xAC00 + (initial * 21 + _VOWELS[round_]) * 28)


def _circled(characters: str, number: int, fallback: str) -> str:
    return characters[number - 1] if 1 <= number <= len(characters) else fallback


def korean_label(depth: int, number: int) -> str:
    """The label of the number-th heading at a depth (1 = top): Ⅰ. 1. 가. 1) 가) (1) (가) ① ㉮."""
    forms = (
        lambda n: f"{roman(n)}.", lambda n: f"{n}.", lambda n: f"{hangul(n)}.", lambda n: f"{n})",
        lambda n: f"{hangul(n)})", lambda n: f"({n})", lambda n: f"({hangul(n)})",
        lambda n: _circled(CIRCLED_DIGITS, n, f"({n})"), lambda n: _circled(CIRCLED_SYLLABLES, n, f"({hangul(n)})"),
    )
    return forms[min(depth, len(forms)) - 1](number)


def heading_label(scheme: str, path: tuple[int, ...], *, appendix: bool = False, language: str = "ko") -> str:
    """The number shown before a heading at `path` (1-based positions from the top).

    Korean: each depth by its own form (only the last position shows). English: 1. then 1.1, 1.1.1.
    An appendix (a top-level section marked so) reads 붙임 1 / Appendix 1, and its subsections count on
    from it in the same scheme as the body's.
    """
    if not path:
        return ""
    if appendix and len(path) == 1:
        return f"{translate(APPENDIX_WORD, language)} {path[0]}"
    if scheme == "en":
        return f"{path[0]}." if len(path) == 1 else ".".join(str(part) for part in path)
    return korean_label(len(path), path[-1])
