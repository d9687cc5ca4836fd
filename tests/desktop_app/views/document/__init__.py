"""Tests of the Document page: the outline model, the narrative editor and the page."""
