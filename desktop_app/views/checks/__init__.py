"""The Checks page: the plan's guideline profile and the findings of its conformance checks, kept current."""
