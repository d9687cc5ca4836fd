"""Merging another plan file into the open plan: the conflict review dialog and department packages."""
