"""Tests of the Checks page."""
