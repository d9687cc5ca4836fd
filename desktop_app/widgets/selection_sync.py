"""The guard a view holds while it echoes a selection made elsewhere, so its own handlers do not echo it back."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def syncing_selection(view: Any) -> Iterator[None]:
    """Set `view._syncing` for the duration (restoring the earlier value, so nesting is safe)."""
    was, view._syncing = getattr(view, "_syncing", False), True
    try:
        yield
    finally:
        view._syncing = was
