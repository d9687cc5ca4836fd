"""Stakeholder mapping: network analysis and layouts, RACI rules, grid snapshots, positions, pasted rows."""
