"""Plan documents: the guideline-conformant PDF (reportlab) assembled from a guideline profile."""
