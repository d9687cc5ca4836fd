"""Tests of presentation mode: the window, the presenter view, the sequence dialog and export."""
