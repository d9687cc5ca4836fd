"""Team plans in the app: the Open Team Plan dialog, live updates, stale edits and a lost server."""
