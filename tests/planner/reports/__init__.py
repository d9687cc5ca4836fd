"""Tests of the plan documents (PDF)."""
