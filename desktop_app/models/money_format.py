"""How amounts of money are shown on screen: millions of won (백만원) with thousands separators."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from planner.i18n import _

MILLION = 1_000_000


def million_text(krw: int | None, decimals: int | None = None) -> str:
    """`krw` in millions with separators: 1,250 for 1,250,000,000. `decimals` None: one decimal only when
    the amount is not a whole million; give 0 or 1 to format a whole column alike."""
    if krw is None:
        return ""
    if decimals is None:
        decimals = 0 if krw % MILLION == 0 else 1
    if decimals == 0 and krw % MILLION == 0:
        return f"{krw // MILLION:,}"
    quantum = Decimal(1).scaleb(-decimals)
    millions = (Decimal(krw) / MILLION).quantize(quantum, rounding=ROUND_HALF_UP)
    return f"{millions:,}"


def decimals_for(amounts: Iterable[int]) -> int:
    """1 when any amount is not a whole million (so a column lines up), else 0."""
    return 1 if any(amount % MILLION for amount in amounts) else 0


def krw_text(krw: int | None) -> str:
    """The full amount in won, e.g. '1,250,000,000 KRW' (Korean: '1,250,000,000원')."""
    if krw is None:
        return ""
    return _("{amount} KRW").format(amount=f"{krw:,}")


def million_unit() -> str:
    """The unit of million_text: 'KRW million' (Korean: '백만원')."""
    return _("KRW million")
