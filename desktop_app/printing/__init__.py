"""Print preview, printing and PDF export in the app: the PDF built in the background, shown page by page."""
