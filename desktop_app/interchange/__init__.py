"""Import and export in the app: the import dialog (column mapping, preview, check) and the export actions."""
