"""Registers the bundled NanumGothic fonts with Qt and makes them the application font."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from planner.fonts import FONT_FAMILY, FONT_FILES, font_path

log = logging.getLogger(__name__)

_registered_family: str | None = None


def register_korean_fonts() -> str | None:
    """Add NanumGothic regular and bold to Qt's font database; return the family name, None if unavailable."""
    global _registered_family
    if _registered_family is not None:
        return _registered_family
    families: list[str] = []
    for weight in FONT_FILES:
        try:
            path = font_path(weight)
        except FileNotFoundError as error:
            log.warning("Korean font not found: %s", error)
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("Qt could not load the font file %s", path)
            continue
        families.extend(QFontDatabase.applicationFontFamilies(font_id))
    if not families:
        return None
    _registered_family = FONT_FAMILY if FONT_FAMILY in families else families[0]
    return _registered_family


def apply_application_font(app: QApplication) -> None:
    """Make NanumGothic the application font (keeping the platform's size), so Korean renders everywhere."""
    family = register_korean_fonts()
    if family is None:
        return
    font = QFont(app.font())
    font.setFamilies([family, *[f for f in font.families() if f != family]])
    app.setFont(font)
