"""The History view: every recorded change of the plan, with filters and the details of each."""
