"""Colours of the RACI roles (Okabe-Ito, colour-blind-safe; the letter is always drawn too) and of findings."""

from __future__ import annotations

from PySide6.QtGui import QColor

from planner.model.vocabulary import RACI_ROLES

# role -> (background, text). Blue/orange differ for every kind of colour blindness; A and C also differ
# strongly in lightness, and I is a neutral grey.
ROLE_COLOURS: dict[str, tuple[str, str]] = {
    "R": ("#E69F00", "#000000"),  # orange
    "A": ("#0072B2", "#FFFFFF"),  # dark blue
    "C": ("#56B4E9", "#000000"),  # sky blue
    "I": ("#D9D9D9", "#000000"),  # light grey
}
FINDING_TINT = "#FBE3E4"  # empty cells of a row or column with a finding
FINDING_FRAME = "#B3261E"  # the frame around a cell a finding is about
FINDING_MARK = "⚠"  # before the header of a row or column with a finding (not told by colour alone)
ROLES = tuple(RACI_ROLES)  # R, A, C, I


def role_background(role: str) -> QColor:
    return QColor(ROLE_COLOURS[role][0])


def role_foreground(role: str) -> QColor:
    return QColor(ROLE_COLOURS[role][1])
