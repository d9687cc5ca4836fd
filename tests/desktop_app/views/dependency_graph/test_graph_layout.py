"""The Qt-free layered layout: generations, order within columns, spacing, cycles tolerated."""

from __future__ import annotations

import itertools
import random

import networkx as nx

from desktop_app.views.dependency_graph.graph_layout import layered_layout, topological_generations


def random_dag(count: int, links: int, seed: int) -> tuple[list[str], list[tuple[str, str]]]:
    rng = random.Random(seed)
    nodes = [f"n{number}" for number in range(count)]
    edges = set()
    while len(edges) < links:
        a, b = sorted(rng.sample(range(count), 2))
        edges.add((nodes[a], nodes[b]))
    shuffled = nodes[:]
    rng.shuffle(shuffled)
    return shuffled, sorted(edges)


def test_generations_match_networkx() -> None:
    nodes, edges = random_dag(200, 300, seed=7)
    graph = nx.DiGraph(edges)
    graph.add_nodes_from(nodes)
    expected = {node: number for number, layer in enumerate(nx.topological_generations(graph)) for node in layer}
    assert topological_generations(nodes, edges) == expected


def test_a_cycle_is_put_after_the_rest_instead_of_failing() -> None:
    generations = topological_generations(["a", "b", "c", "d"], [("a", "b"), ("b", "c"), ("c", "b"), ("a", "d")])
    assert generations["a"] == 0 and generations["d"] == 1
    assert generations["b"] == generations["c"] == 2


def test_layout_keeps_columns_spacing_and_reduces_crossings() -> None:
    nodes, edges = random_dag(60, 90, seed=3)
    layers = topological_generations(nodes, edges)
    layout = layered_layout(nodes, edges, layers, node_height=40, dummy_height=8, gap=10, sweeps=0)
    unordered = layout.crossings
    layout = layered_layout(nodes, edges, layers, node_height=40, dummy_height=8, gap=10)
    assert layout.crossings <= unordered
    assert layout.layer == layers
    for column in range(layout.layer_count):
        centres = sorted(layout.y[node] for node in nodes if layers[node] == column)
        assert all(b - a >= 50 - 1e-6 for a, b in itertools.pairwise(centres))
    for (before, after), bends in zip(edges, layout.bends, strict=True):
        assert [column for column, _y in bends] == list(range(layers[before] + 1, layers[after]))


def test_two_crossing_links_are_uncrossed() -> None:
    nodes = ["a", "b", "c", "d"]
    edges = [("a", "d"), ("b", "c")]
    layout = layered_layout(nodes, edges, {"a": 0, "b": 0, "c": 1, "d": 1}, node_height=40, dummy_height=8, gap=10)
    assert layout.crossings == 0
    assert (layout.y["a"] < layout.y["b"]) == (layout.y["d"] < layout.y["c"])
