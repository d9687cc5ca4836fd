"""`cplan check`: check a plan against a guideline profile."""

from __future__ import annotations

import argparse


def register(commands: argparse._SubParsersAction, language_option: argparse.ArgumentParser) -> None:
    """Add the command to `cplan` (being written)."""
