"""The stakeholder network as plain values, and its metrics: degree, centrality, communities, brokers, ego networks."""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx
    from sqlalchemy.orm import Session

# A broker's betweenness is among the top BROKER_SHARE of all stakeholders (ties included) and above zero.
BROKER_SHARE = 0.10


EXACT_BETWEENNESS_LIMIT = 1000
BETWEENNESS_SAMPLE = 300


@dataclass(frozen=True, slots=True)
class StakeholderNode:
    """One stakeholder as the network needs it."""

    id: str
    name: str
    organisation: str
    sector: str
    influence: int
    interest: int
    attitude: str


@dataclass(frozen=True, slots=True)
class StakeholderEdge:
    """One relation between two stakeholders (`directed` False: it runs both ways)."""

    id: str
    source_id: str
    target_id: str
    type: str
    directed: bool
    strength: int


@dataclass(frozen=True, slots=True)
class StakeholderGraph:
    """Every stakeholder (by name, then id) and every relation (by source, target, id) of a plan."""

    nodes: tuple[StakeholderNode, ...]
    edges: tuple[StakeholderEdge, ...]


@dataclass(frozen=True, slots=True)
class NodeMetrics:
    """Where one stakeholder stands in the network (all measured on the undirected view of the relations)."""

    degree: int  # how many other stakeholders it has a relation with
    degree_centrality: float  # degree / (number of stakeholders - 1)
    betweenness: float  # normalised betweenness centrality, 0..1
    community: int  # 0 = the largest community; ties by the smallest stakeholder id
    isolated: bool  # no relation to any other stakeholder
    broker: bool  # betweenness in the top 10 % and above zero


def stakeholder_graph(session: Session) -> StakeholderGraph:
    """The stakeholders and relations of the plan a session holds, read with Core selects into plain values."""
    from sqlalchemy import select

    from planner.model import Stakeholder, StakeholderRelation

    person = Stakeholder.__table__
    relation = StakeholderRelation.__table__
    nodes = tuple(
        StakeholderNode(row.id, row.name, row.organisation or "", row.sector, int(row.influence),
                        int(row.interest), row.attitude)
        for row in session.execute(
            select(person.c.id, person.c.name, person.c.organisation, person.c.sector, person.c.influence,
                   person.c.interest, person.c.attitude).order_by(person.c.name, person.c.id)
        )
    )
    edges = tuple(
        StakeholderEdge(row.id, row.source_id, row.target_id, row.type, bool(row.directed), int(row.strength))
        for row in session.execute(
            select(relation.c.id, relation.c.source_id, relation.c.target_id, relation.c.type,
                   relation.c.directed, relation.c.strength)
            .order_by(relation.c.source_id, relation.c.target_id, relation.c.id)
        )
    )
    return StakeholderGraph(nodes, edges)


def undirected_pairs(graph: StakeholderGraph) -> list[tuple[str, str]]:
    """Each linked pair of distinct, known stakeholders once, as (smaller id, larger id), sorted.

    Self-relations and relations to stakeholders missing from the graph are left out."""
    known = {node.id for node in graph.nodes}
    pairs = {
        (min(edge.source_id, edge.target_id), max(edge.source_id, edge.target_id))
        for edge in graph.edges
        if edge.source_id != edge.target_id and edge.source_id in known and edge.target_id in known
    }
    return sorted(pairs)


def network_metrics(graph: StakeholderGraph) -> dict[str, NodeMetrics]:
    """Degree, degree centrality, normalised betweenness, community, isolation and broker flag per stakeholder id.

    Deterministic: the undirected networkx graph is built from sorted ids and sorted pairs, so greedy modularity
    always merges in the same order; communities are numbered by size (largest first), then smallest id."""
    import networkx as nx

    ids = sorted(node.id for node in graph.nodes)
    if not ids:
        return {}
    undirected = nx.Graph()
    undirected.add_nodes_from(ids)
    undirected.add_edges_from(undirected_pairs(graph))

    count = len(ids)
    # Exact betweenness costs O(V·E) (about 6 s at 2,000 stakeholders / 5,000 relations); above
    # EXACT_BETWEENNESS_LIMIT it is estimated from a fixed, seeded sample of source stakeholders.
    sample = None if undirected.number_of_nodes() <= EXACT_BETWEENNESS_LIMIT else BETWEENNESS_SAMPLE
    betweenness = nx.betweenness_centrality(undirected, k=sample, normalized=True, seed=0)
    community_of = _communities(undirected, ids)
    broker_floor = _broker_floor(betweenness.values(), count)
    metrics: dict[str, NodeMetrics] = {}
    for node_id in ids:
        degree = int(undirected.degree(node_id))
        between = float(betweenness[node_id])
        metrics[node_id] = NodeMetrics(
            degree=degree,
            degree_centrality=degree / (count - 1) if count > 1 else 0.0,
            betweenness=between,
            community=community_of[node_id],
            isolated=degree == 0,
            broker=between > 0.0 and between >= broker_floor,
        )
    return metrics


def _communities(undirected: nx.Graph, ids: list[str]) -> dict[str, int]:
    import networkx as nx

    if undirected.number_of_edges() == 0:
        groups = [[node_id] for node_id in ids]
    else:
        groups = [sorted(group) for group in nx.community.greedy_modularity_communities(undirected)]
    groups.sort(key=lambda group: (-len(group), group[0]))
    return {node_id: number for number, group in enumerate(groups) for node_id in group}


def _broker_floor(values: Iterable[float], count: int) -> float:
    """The smallest betweenness still in the top BROKER_SHARE (at least one stakeholder)."""
    ranked = sorted(values, reverse=True)
    top = max(1, math.ceil(count * BROKER_SHARE - 1e-9))
    return ranked[top - 1]


def ego_network(graph: StakeholderGraph, stakeholder_id: str, radius: int = 1) -> set[str]:
    """The ids of every stakeholder within `radius` relations of one stakeholder (either direction), itself included.

    Raises KeyError for an id that is not in the graph, ValueError for a negative radius."""
    if radius < 0:
        raise ValueError(f"radius must not be negative, not {radius}")
    neighbours: dict[str, set[str]] = {node.id: set() for node in graph.nodes}
    if stakeholder_id not in neighbours:
        raise KeyError(stakeholder_id)
    for source, target in undirected_pairs(graph):
        neighbours[source].add(target)
        neighbours[target].add(source)
    reached = {stakeholder_id}
    frontier = deque([(stakeholder_id, 0)])
    while frontier:
        current, distance = frontier.popleft()
        if distance == radius:
            continue
        for other in neighbours[current]:
            if other not in reached:
                reached.add(other)
                frontier.append((other, distance + 1))
    return reached
