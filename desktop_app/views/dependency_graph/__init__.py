"""The dependency graph: initiatives as nodes layered by topological generation, links as typed edges."""
