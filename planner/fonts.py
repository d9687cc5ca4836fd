"""The Korean fonts every output uses (NanumGothic, SIL OFL), found inside koreanize-matplotlib's package."""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

FONT_FAMILY = "NanumGothic"
FONT_FILES = {"regular": "NanumGothic.ttf", "bold": "NanumGothicBold.ttf"}


@cache
def fonts_dir() -> Path:
    """The folder holding the NanumGothic files, located without importing koreanize_matplotlib (and pyplot)."""
    spec = importlib.util.find_spec("koreanize_matplotlib")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("The package koreanize-matplotlib, which carries the Korean fonts, is not installed.")
    folder = Path(next(iter(spec.submodule_search_locations))) / "fonts"
    if not (folder / FONT_FILES["regular"]).is_file():
        raise FileNotFoundError(f"The Korean font files are missing from {folder}.")
    return folder


def font_path(weight: str = "regular") -> Path:
    """Path of the regular or bold NanumGothic TrueType file."""
    return fonts_dir() / FONT_FILES[weight]
