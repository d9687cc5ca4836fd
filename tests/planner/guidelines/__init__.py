"""Tests of guideline profiles, their numbering and the conformance checks."""
