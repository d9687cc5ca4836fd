"""Named versions in the app: the Versions dialog (list, name, open read-only, restore as a new plan)."""
