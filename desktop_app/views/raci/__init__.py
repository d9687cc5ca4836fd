"""The RACI matrix page: initiatives × stakeholders, the RACI rules it breaks, editing one cell at a time."""
