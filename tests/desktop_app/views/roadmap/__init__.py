"""Tests of the roadmap view."""
