"""Where the bundled resources (demo plans, translations, profiles, fonts list) are found."""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    """The installed copy (planner/_resources) or, in a source checkout, the top-level resources/."""
    installed = Path(__file__).resolve().parent / "_resources"
    if installed.is_dir():
        return installed
    checkout = Path(__file__).resolve().parent.parent / "resources"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"The application's resources are missing (looked in {installed} and {checkout}).")


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
