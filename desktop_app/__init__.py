"""Convergence Planner's Qt face: windows, views, item models and dialogs over the planner core."""
