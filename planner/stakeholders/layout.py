"""Stakeholder network layouts in the unit square: vectorised Fruchterman–Reingold and sector rings."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

from planner.model.vocabulary import SECTORS

if TYPE_CHECKING:
    from planner.stakeholders.analysis import StakeholderGraph

Position = tuple[float, float]

# How often (in iterations) force_layout reports progress, and the forces it balances.
PROGRESS_EVERY = 5
_START_TEMPERATURE = 0.1  # the largest step of the first iteration, in unit-square widths
# Pull towards the centre, so isolated stakeholders and small components stay near the rest; weaker below
# _GRAVITY_FULL_AT nodes, where it would otherwise crush the structure of a small network.
_GRAVITY = 8.0
_GRAVITY_FULL_AT = 200
_MIN_DISTANCE_SQUARED = 1e-8


class LayoutCancelled(Exception):
    """The progress callback asked a layout to stop."""


def force_layout(graph: StakeholderGraph, *, seed: int = 0, iterations: int = 100,
                 progress: Callable[[float], bool] | None = None,
                 fixed: dict[str, Position] | None = None) -> dict[str, Position]:
    """Fruchterman–Reingold positions in [0, 1]² by stakeholder id; the same graph and seed give the same result.

    Repulsion between every pair is computed at once with numpy (O(n²) per iteration, float32); attraction
    along each relation is weighted by its strength (3 = 1.0); a weak pull to the centre keeps isolated
    stakeholders near the rest; the step size cools linearly to zero. Nodes in `fixed` (unit-square
    coordinates; ids not in the graph are ignored) never move, and then the result is not rescaled — free
    nodes are only kept inside the square. Without fixed nodes the result is scaled uniformly to fill the square.
    `progress(fraction)` is called every PROGRESS_EVERY iterations and at the end; returning False raises
    LayoutCancelled."""
    if iterations < 0:
        raise ValueError(f"iterations must not be negative, not {iterations}")
    ids = sorted(node.id for node in graph.nodes)
    count = len(ids)
    index = {node_id: position for position, node_id in enumerate(ids)}
    pinned = {node_id: _checked(node_id, point) for node_id, point in (fixed or {}).items() if node_id in index}

    rng = np.random.default_rng(seed)
    positions = rng.random((count, 2), dtype=np.float64).astype(np.float32)
    movable = np.ones(count, dtype=bool)
    for node_id, point in pinned.items():
        positions[index[node_id]] = point
        movable[index[node_id]] = False

    sources, targets, weights = _edge_arrays(graph, index)
    if count > 1 and movable.any():
        _simulate(positions, movable, sources, targets, weights, iterations, progress)
    elif progress is not None and progress(1.0) is False:
        raise LayoutCancelled

    if pinned:
        np.clip(positions, 0.0, 1.0, out=positions)
        for node_id, point in pinned.items():  # exactly as given, not rounded through float32
            positions[index[node_id]] = point
        result = {node_id: (float(x), float(y)) for node_id, (x, y) in zip(ids, positions.tolist(), strict=True)}
        result.update(pinned)
        return result
    return _fit_unit_square(ids, positions.astype(np.float64))


def _checked(node_id: str, point: Position) -> Position:
    x, y = float(point[0]), float(point[1])
    if not (0.0 <= x <= 1.0 and 0.0 <= y <= 1.0):
        raise ValueError(f"fixed position of {node_id} is outside the unit square: {point}")
    return x, y


def _edge_arrays(graph: StakeholderGraph,
                 index: dict[str, int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rows = sorted(
        (index[edge.source_id], index[edge.target_id], edge.strength / 3.0, edge.id)
        for edge in graph.edges
        if edge.source_id != edge.target_id and edge.source_id in index and edge.target_id in index
    )
    sources = np.array([row[0] for row in rows], dtype=np.intp)
    targets = np.array([row[1] for row in rows], dtype=np.intp)
    weights = np.array([max(row[2], 0.1) for row in rows], dtype=np.float32)
    return sources, targets, weights


def _simulate(positions: np.ndarray, movable: np.ndarray, sources: np.ndarray, targets: np.ndarray,
              weights: np.ndarray, iterations: int, progress: Callable[[float], bool] | None) -> None:
    """Move the free rows of `positions` (float32, n × 2) in place."""
    count = len(positions)
    k = math.sqrt(1.0 / count)  # the ideal distance: each node gets an equal share of the unit square
    k2 = np.float32(k * k)
    centre = np.float32(0.5)
    squared = np.empty((count, count), dtype=np.float32)  # reused every iteration
    diagonal = np.arange(count)
    gravity = np.float32(_GRAVITY * min(1.0, count / _GRAVITY_FULL_AT))
    for step in range(iterations):
        # Repulsion k²/d along each unit vector = k² (p_i - p_j) / d²; summed with one matrix product:
        # Σ_j w_ij (p_i - p_j) = p_i Σ_j w_ij - (W p)_i with w_ij = k² / d²_ij.
        centred = positions - centre  # small norms keep d² = |p_i|² + |p_j|² - 2 p_i·p_j precise in float32
        norms = np.einsum("ij,ij->i", centred, centred)
        np.matmul(centred, centred.T, out=squared)
        squared *= -2.0
        squared += norms[:, None]
        squared += norms[None, :]
        np.maximum(squared, _MIN_DISTANCE_SQUARED, out=squared)
        np.divide(k2, squared, out=squared)
        squared[diagonal, diagonal] = 0.0
        displacement = centred * squared.sum(axis=1)[:, None] - squared @ centred

        # Attraction d²/k along each relation = (p_t - p_s) d / k, weighted by strength.
        if len(sources):
            delta = positions[targets] - positions[sources]
            pull = delta * (np.sqrt(np.einsum("ij,ij->i", delta, delta)) * weights / np.float32(k))[:, None]
            for axis in range(2):
                displacement[:, axis] += np.bincount(sources, weights=pull[:, axis], minlength=count)
                displacement[:, axis] -= np.bincount(targets, weights=pull[:, axis], minlength=count)

        displacement -= centred * gravity
        temperature = _START_TEMPERATURE * (1.0 - step / iterations)
        length = np.sqrt(np.einsum("ij,ij->i", displacement, displacement))
        scale = np.minimum(length, temperature) / np.maximum(length, 1e-12)
        positions[movable] += (displacement * scale[:, None])[movable]

        done = step + 1
        report = progress is not None and (done % PROGRESS_EVERY == 0 or done == iterations)
        if report and progress(done / iterations) is False:
            raise LayoutCancelled
    if iterations == 0 and progress is not None and progress(1.0) is False:
        raise LayoutCancelled


def _fit_unit_square(ids: list[str], positions: np.ndarray) -> dict[str, Position]:
    """Scale uniformly (keeping proportions) and centre so the positions fill [0, 1]²."""
    if not ids:
        return {}
    low = positions.min(axis=0)
    span = positions.max(axis=0) - low
    size = float(span.max())
    if size <= 0.0:
        return {node_id: (0.5, 0.5) for node_id in ids}
    fitted = (positions - low) / size + (1.0 - span / size) / 2.0
    np.clip(fitted, 0.0, 1.0, out=fitted)
    return {node_id: (float(x), float(y)) for node_id, (x, y) in zip(ids, fitted.tolist(), strict=True)}


def sector_rings_layout(graph: StakeholderGraph) -> dict[str, Position]:
    """Each sector as one wedge of a disc in [0, 1]², in vocabulary order clockwise from the top (unknown sector
    codes after, alphabetically); the wedge's share follows its stakeholder count. Within a wedge stakeholders
    fill rings from the inside out by influence (highest first), then name, then id."""
    nodes = list(graph.nodes)
    if not nodes:
        return {}
    if len(nodes) == 1:
        return {nodes[0].id: (0.5, 0.5)}
    order = {code: position for position, code in enumerate(SECTORS)}
    sectors = sorted({node.sector for node in nodes}, key=lambda code: (order.get(code, len(order)), code))
    members = {
        sector: sorted((node for node in nodes if node.sector == sector),
                       key=lambda node: (-node.influence, node.name, node.id))
        for sector in sectors
    }
    inner, outer = 0.1, 1.0
    spacing = math.sqrt(math.pi * (outer * outer - inner * inner) / len(nodes))
    gap = 0.15 if len(sectors) > 1 else 0.0  # of each wedge's ring slot, at the wedge's edges
    polar: dict[str, tuple[float, float]] = {}
    start = 0.0
    for sector in sectors:
        people = members[sector]
        width = 2.0 * math.pi * len(people) / len(nodes)
        usable = width * (1.0 - gap)
        first = start + (width - usable) / 2.0
        placed, ring = 0, 0
        while placed < len(people):
            radius = inner + spacing * (ring + 0.5)
            capacity = max(1, int(radius * usable / spacing))
            row = people[placed:placed + capacity]
            for slot, node in enumerate(row):
                polar[node.id] = (radius, first + usable * (slot + 0.5) / len(row))
            placed += len(row)
            ring += 1
        start += width
    largest = max(radius for radius, _ in polar.values())
    return {
        node_id: (0.5 + 0.5 * radius / largest * math.sin(angle), 0.5 - 0.5 * radius / largest * math.cos(angle))
        for node_id, (radius, angle) in polar.items()
    }
