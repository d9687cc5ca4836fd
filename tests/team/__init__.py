"""Tests of planner.team against a real PostgreSQL server."""
