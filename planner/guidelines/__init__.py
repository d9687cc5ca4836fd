"""Guideline profiles (resources/guidelines/) and the conformance checks a plan must pass before it is exported."""
