"""The Budget view: fiscal year × funding source tables, a stacked bar chart and funding-rule violations."""
