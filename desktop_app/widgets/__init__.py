"""Reusable widgets of the desktop app: the table page, number cards, bar lists, message bars, refresh-on-show."""
