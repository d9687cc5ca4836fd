"""Small reusable widgets of the desktop app: the table page, number cards and bar lists."""
