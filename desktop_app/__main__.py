"""Runs the desktop app: python -m desktop_app [FILE] [--demo] [--lang ko|en] [--view NAME] [--screenshot PNG]."""

from __future__ import annotations

from desktop_app.app import main

raise SystemExit(main())
