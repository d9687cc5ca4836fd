"""Presentation mode: full-screen slides from the plan, a presenter view, the sequence editor and export."""
