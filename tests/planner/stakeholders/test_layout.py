"""Stakeholder network layouts: deterministic force layout in the unit square, fixed nodes, cancelling, sector rings."""

from __future__ import annotations

import math
from itertools import pairwise

import pytest

from planner.model.vocabulary import SECTORS
from planner.stakeholders.analysis import StakeholderGraph
from planner.stakeholders.layout import LayoutCancelled, force_layout, sector_rings_layout
from tests.planner.stakeholders.graphs import BRIDGED, STAR, graph, node


def _inside_unit_square(positions: dict[str, tuple[float, float]]) -> bool:
    return all(0.0 <= x <= 1.0 and 0.0 <= y <= 1.0 for x, y in positions.values())


def test_force_layout_is_deterministic_for_a_seed() -> None:
    first = force_layout(BRIDGED, seed=7)
    assert first == force_layout(BRIDGED, seed=7)
    assert first != force_layout(BRIDGED, seed=8)
    assert set(first) == set("abcdef")


def test_force_layout_fills_the_unit_square_and_separates_nodes() -> None:
    positions = force_layout(BRIDGED)
    assert _inside_unit_square(positions)
    xs = [x for x, _ in positions.values()]
    ys = [y for _, y in positions.values()]
    assert max(max(xs) - min(xs), max(ys) - min(ys)) == pytest.approx(1.0)
    distances = [math.dist(positions[a], positions[b]) for a in positions for b in positions if a < b]
    assert min(distances) > 0.05


def test_force_layout_pulls_linked_nodes_together() -> None:
    positions = force_layout(BRIDGED, seed=3)

    def centre(ids: str) -> tuple[float, float]:
        return (sum(positions[i][0] for i in ids) / 3, sum(positions[i][1] for i in ids) / 3)

    within = max(math.dist(positions[a], centre("abc")) for a in "abc")
    assert math.dist(centre("abc"), centre("def")) > within


def test_force_layout_keeps_fixed_nodes_where_given() -> None:
    fixed = {"a": (0.1, 0.2), "f": (0.9, 0.75), "unknown": (0.5, 0.5)}
    positions = force_layout(BRIDGED, seed=1, fixed=fixed)
    assert positions["a"] == (0.1, 0.2)
    assert positions["f"] == (0.9, 0.75)
    assert "unknown" not in positions
    assert _inside_unit_square(positions)
    every = {node_id: (0.5, 0.5) for node_id in "abcdef"}
    assert force_layout(BRIDGED, fixed=every) == every


def test_fixed_positions_outside_the_unit_square_are_refused() -> None:
    with pytest.raises(ValueError):
        force_layout(BRIDGED, fixed={"a": (1.5, 0.5)})


def test_force_layout_reports_progress_and_can_be_cancelled() -> None:
    seen: list[float] = []
    force_layout(STAR, iterations=20, progress=lambda fraction: seen.append(fraction) is None)
    assert seen == sorted(seen) and seen[-1] == 1.0 and len(seen) >= 4

    calls: list[float] = []

    def stop_after_first(fraction: float) -> bool:
        calls.append(fraction)
        return False

    with pytest.raises(LayoutCancelled):
        force_layout(STAR, iterations=50, progress=stop_after_first)
    assert len(calls) == 1 and calls[0] < 1.0


def test_force_layout_small_graphs() -> None:
    assert force_layout(StakeholderGraph((), ())) == {}
    assert force_layout(graph("a", [])) == {"a": (0.5, 0.5)}
    apart = force_layout(graph("ab", []), iterations=0)
    assert _inside_unit_square(apart) and apart["a"] != apart["b"]
    with pytest.raises(ValueError):
        force_layout(STAR, iterations=-1)


def _clockwise_angle(point: tuple[float, float]) -> float:
    return math.atan2(point[0] - 0.5, -(point[1] - 0.5)) % (2 * math.pi)


def test_sector_rings_put_each_sector_together_in_vocabulary_order() -> None:
    sectors = list(SECTORS)
    people = [node(f"{sector[:3]}{number}", sector, influence=1 + number % 5, name=f"{sector} {number:02d}")
              for sector_index, sector in enumerate(sectors[::-1])
              for number in range(3 + 2 * sector_index)]
    people.append(node("zz1", "unknown_sector"))
    network = StakeholderGraph(tuple(people), ())
    positions = sector_rings_layout(network)
    assert set(positions) == {person.id for person in people}
    assert _inside_unit_square(positions)

    spans = []
    for sector in [*sectors, "unknown_sector"]:
        angles = [_clockwise_angle(positions[person.id]) for person in people if person.sector == sector]
        spans.append((min(angles), max(angles)))
    for (_, end), (start, _) in pairwise(spans):
        assert end < start  # wedges follow the vocabulary order clockwise and never overlap

    for sector in sectors:  # the most influential sit innermost
        members = sorted((person for person in people if person.sector == sector),
                         key=lambda person: (-person.influence, person.name))
        radii = [round(math.dist(positions[person.id], (0.5, 0.5)), 9) for person in members]
        assert radii == sorted(radii)


def test_sector_rings_small_graphs() -> None:
    assert sector_rings_layout(StakeholderGraph((), ())) == {}
    assert sector_rings_layout(graph("a", [])) == {"a": (0.5, 0.5)}
    assert _inside_unit_square(sector_rings_layout(BRIDGED))
