"""Layered (Sugiyama-style) layout without Qt: generations, dummy nodes, barycentre ordering, compact rows."""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

K = TypeVar("K", bound=Hashable)


def topological_generations(nodes: Sequence[K], edges: Sequence[tuple[K, K]]) -> dict[K, int]:
    """Each node's generation in O(V+E): 0 without predecessors, else one more than its latest predecessor.

    Nodes on a cycle (a plan never holds one, but a damaged file might) go one generation after the rest."""
    index = {node: position for position, node in enumerate(nodes)}
    successors: list[list[int]] = [[] for _ in nodes]
    indegree = [0] * len(nodes)
    for before, after in edges:
        b, a = index.get(before), index.get(after)
        if b is None or a is None or b == a:
            continue
        successors[b].append(a)
        indegree[a] += 1
    generation = [0] * len(nodes)
    ready = [position for position, degree in enumerate(indegree) if degree == 0]
    head = 0
    while head < len(ready):
        node = ready[head]
        head += 1
        for successor in successors[node]:
            if generation[node] + 1 > generation[successor]:
                generation[successor] = generation[node] + 1
            indegree[successor] -= 1
            if indegree[successor] == 0:
                ready.append(successor)
    if len(ready) < len(nodes):
        last = max((generation[position] for position in ready), default=-1) + 1
        for position, degree in enumerate(indegree):
            if degree > 0:
                generation[position] = last
    return {node: generation[position] for position, node in enumerate(nodes)}


@dataclass(frozen=True)
class GraphLayout:
    """Where a layered layout puts things: columns for nodes, row centres, and the bends of long edges."""

    layer: dict[Hashable, int]  # node -> column
    y: dict[Hashable, float]  # node -> centre (0 at the top of the tallest column's first node)
    bends: list[list[tuple[int, float]]]  # per edge (input order): (column, centre) of each dummy it passes
    layer_count: int
    crossings: int


def _count_inversions(values: list[int]) -> int:
    """Pairs i < j with values[i] > values[j], in O(n log n) with a Fenwick tree over the values."""
    if len(values) < 2:
        return 0
    size = max(values) + 2
    tree = [0] * (size + 1)
    count = 0
    for seen, value in enumerate(values):
        # how many earlier values are <= value
        index, not_greater = value + 1, 0
        while index > 0:
            not_greater += tree[index]
            index -= index & -index
        count += seen - not_greater
        index = value + 1
        while index <= size:
            tree[index] += 1
            index += index & -index
    return count


def _crossings(order: list[list[int]], down: list[list[int]], position: list[int]) -> int:
    total = 0
    for members in order[:-1]:
        pairs = sorted((position[v], position[w]) for v in members for w in down[v])
        total += _count_inversions([w for _v, w in pairs])
    return total


def _isotonic(targets: list[float]) -> list[float]:
    """The non-decreasing sequence nearest to `targets` in least squares (pool adjacent violators)."""
    blocks: list[list[float]] = []  # [mean, weight]
    for value in targets:
        blocks.append([value, 1.0])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            mean, weight = blocks.pop()
            previous = blocks[-1]
            total = previous[1] + weight
            previous[0] = (previous[0] * previous[1] + mean * weight) / total
            previous[1] = total
    result: list[float] = []
    for mean, weight in blocks:
        result.extend([mean] * int(weight))
    return result


def layered_layout(
    nodes: Sequence[K],
    edges: Sequence[tuple[K, K]],
    layers: Mapping[K, int],
    *,
    node_height: float,
    dummy_height: float,
    gap: float,
    sweeps: int = 4,
) -> GraphLayout:
    """Order each column to reduce crossings and give every node a row centre.

    `nodes` come in their preferred initial order; `layers` gives each node its column and must put every
    edge's predecessor in an earlier column. An edge across several columns passes through dummy nodes, one
    per column between, so long links bend around the nodes instead of through them."""
    layer_count = max((layers[node] for node in nodes), default=-1) + 1
    vertex_layer: list[int] = [layers[node] for node in nodes]
    height: list[float] = [node_height] * len(nodes)
    index = {node: position for position, node in enumerate(nodes)}
    up: list[list[int]] = [[] for _ in nodes]
    down: list[list[int]] = [[] for _ in nodes]
    chains: list[list[int]] = []
    for before, after in edges:
        previous, last = index[before], index[after]
        chain: list[int] = []
        for column in range(layers[before] + 1, layers[after]):
            dummy = len(vertex_layer)
            vertex_layer.append(column)
            height.append(dummy_height)
            up.append([previous])
            down.append([])
            down[previous].append(dummy)
            chain.append(dummy)
            previous = dummy
        down[previous].append(last)
        up[last].append(previous)
        chains.append(chain)
    order: list[list[int]] = [[] for _ in range(layer_count)]
    for vertex, column in enumerate(vertex_layer):
        order[column].append(vertex)  # nodes first in their given order, dummies after in edge order
    position = [0] * len(vertex_layer)

    def number(members: list[int]) -> None:
        for place, vertex in enumerate(members):
            position[vertex] = place

    for members in order:
        number(members)

    def sweep(columns: range, neighbours: list[list[int]]) -> None:
        for column in columns:
            members = order[column]

            def barycentre(vertex: int) -> float:
                around = neighbours[vertex]
                return sum(position[n] for n in around) / len(around) if around else float(position[vertex])

            members.sort(key=barycentre)  # stable: ties keep their order
            number(members)

    best = [list(members) for members in order]
    fewest = _crossings(order, down, position)
    for turn in range(sweeps):
        if fewest == 0:
            break
        if turn % 2 == 0:
            sweep(range(1, layer_count), up)
        else:
            sweep(range(layer_count - 2, -1, -1), down)
        crossings = _crossings(order, down, position)
        if crossings < fewest:
            fewest, best = crossings, [list(members) for members in order]
    order = best
    for members in order:
        number(members)

    # Row centres: stacked, then pulled towards their neighbours while keeping order and spacing.
    centre = [0.0] * len(vertex_layer)
    offsets: list[list[float]] = []
    for members in order:
        offset, previous_height, column_offsets = 0.0, None, []
        for vertex in members:
            if previous_height is not None:
                offset += (previous_height + height[vertex]) / 2 + gap
            column_offsets.append(offset)
            previous_height = height[vertex]
        offsets.append(column_offsets)
        for vertex, offset in zip(members, column_offsets, strict=True):
            centre[vertex] = offset - column_offsets[-1] / 2

    def settle(column: int, neighbour_lists: tuple[list[list[int]], ...]) -> None:
        members = order[column]
        wanted = []
        for vertex in members:
            around = [n for lists in neighbour_lists for n in lists[vertex]]
            wanted.append(sum(centre[n] for n in around) / len(around) if around else centre[vertex])
        fitted = _isotonic([w - c for w, c in zip(wanted, offsets[column], strict=True)])
        for vertex, value, offset in zip(members, fitted, offsets[column], strict=True):
            centre[vertex] = value + offset

    for _turn in range(4):
        for column in range(1, layer_count):
            settle(column, (up,))
        for column in range(layer_count - 2, -1, -1):
            settle(column, (down,))
    for column in range(layer_count):
        settle(column, (up, down))

    top = min((centre[v] - height[v] / 2 for v in range(len(vertex_layer))), default=0.0)
    return GraphLayout(
        layer={node: layers[node] for node in nodes},
        y={node: centre[index[node]] - top for node in nodes},
        bends=[[(vertex_layer[d], centre[d] - top) for d in chain] for chain in chains],
        layer_count=layer_count,
        crossings=fewest,
    )
