"""`cplan profiles`: list the guideline profiles, and copy one to edit it."""

from __future__ import annotations

import argparse


def register(commands: argparse._SubParsersAction, language_option: argparse.ArgumentParser) -> None:
    """Add the command to `cplan` (being written)."""
