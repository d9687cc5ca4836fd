"""Tests of the Budget view and its item models."""
