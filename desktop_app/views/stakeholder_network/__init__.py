"""The stakeholder network page: stakeholders as nodes, relations as edges, layouts and network analysis."""
