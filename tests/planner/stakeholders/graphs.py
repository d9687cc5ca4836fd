"""Small hand-made stakeholder graphs for the analysis and layout tests."""

from __future__ import annotations

from planner.stakeholders.analysis import StakeholderEdge, StakeholderGraph, StakeholderNode


def node(node_id: str, sector: str = "local_government", influence: int = 3, name: str | None = None
         ) -> StakeholderNode:
    return StakeholderNode(node_id, name or node_id.upper(), "", sector, influence, 3, "neutral")


def graph(ids: str | list[str], links: list[tuple[str, str]], *, directed: bool = True) -> StakeholderGraph:
    """Nodes by id (a string: one letter each) and relations between them (source, target)."""
    return StakeholderGraph(
        tuple(node(node_id) for node_id in ids),
        tuple(StakeholderEdge(f"e{number}", source, target, "partners", directed, 3)
              for number, (source, target) in enumerate(links)),
    )


PATH = graph("abc", [("a", "b"), ("b", "c")])
STAR = graph("hpqrs", [("h", "p"), ("q", "h"), ("h", "r"), ("s", "h")])
# Two triangles a-b-c and d-e-f joined by the bridge c-d.
BRIDGED = graph("abcdef", [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("d", "e"), ("e", "f"), ("f", "d")])
