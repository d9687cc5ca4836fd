"""Benchmarks that print figures (run them as scripts: `python bench/run.py`); never imported by the app."""
