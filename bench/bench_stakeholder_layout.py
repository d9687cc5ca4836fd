"""Prints stakeholder network figures: force_layout at 500 / 2,000 nodes and network_metrics at 2,000 / 5,000."""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from planner.model.vocabulary import SECTORS  # noqa: E402
from planner.stakeholders.analysis import (  # noqa: E402
    StakeholderEdge,
    StakeholderGraph,
    StakeholderNode,
    network_metrics,
)
from planner.stakeholders.layout import force_layout  # noqa: E402

RUNS = 5


def random_graph(nodes: int, edges: int, seed: int = 0) -> StakeholderGraph:
    """`nodes` stakeholders and `edges` relations between distinct random pairs, drawn from `seed`."""
    generator = random.Random(seed)
    sectors = list(SECTORS)
    people = tuple(
        StakeholderNode(f"{generator.getrandbits(128):032x}", f"이해관계자 {index}", "", generator.choice(sectors),
                        generator.randint(1, 5), generator.randint(1, 5), "neutral")
        for index in range(nodes)
    )
    relations = []
    while len(relations) < edges:
        source, target = generator.sample(people, 2)
        relations.append(StakeholderEdge(f"{generator.getrandbits(128):032x}", source.id, target.id, "partners",
                                         generator.random() < 0.7, generator.randint(1, 5)))
    return StakeholderGraph(people, tuple(relations))


def median_seconds(work: Callable[[], object]) -> float:
    timings = []
    for _ in range(RUNS):
        start = time.perf_counter()
        work()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def main() -> None:
    for nodes in (500, 2000):
        graph = random_graph(nodes, int(nodes * 2.5))
        seconds = median_seconds(lambda graph=graph: force_layout(graph, seed=0))
        print(f"force_layout     {nodes:>5,} nodes / {len(graph.edges):>5,} edges, 100 iterations: "
              f"{seconds * 1000:8.1f} ms (median of {RUNS}; target ≤ 2,000 ms at 2,000 / 5,000)")
    graph = random_graph(2000, 5000)
    seconds = median_seconds(lambda: network_metrics(graph))
    print(f"network_metrics  {len(graph.nodes):>5,} nodes / {len(graph.edges):>5,} edges: "
          f"{seconds * 1000:8.1f} ms (median of {RUNS})")


if __name__ == "__main__":
    main()
