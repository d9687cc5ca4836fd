"""Tests of the dependency graph view, its items and its layout."""
