"""Tests of planner.interchange."""
