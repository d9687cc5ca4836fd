"""Live workshop capture in the desktop app: the rating panel, sticky notes and saved rounds."""

from __future__ import annotations
