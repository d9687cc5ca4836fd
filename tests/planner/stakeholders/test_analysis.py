"""Stakeholder network metrics on small hand-computed graphs, ego networks, and the demo plan's network."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from planner.stakeholders.analysis import (
    NodeMetrics,
    StakeholderGraph,
    ego_network,
    network_metrics,
    stakeholder_graph,
)
from tests.planner.stakeholders.graphs import BRIDGED, PATH, STAR, graph


def test_path_betweenness_and_degree_centrality() -> None:
    metrics = network_metrics(PATH)
    assert metrics["b"] == NodeMetrics(degree=2, degree_centrality=1.0, betweenness=1.0, community=metrics["b"].community,
                                       isolated=False, broker=True)
    for end in "ac":
        assert metrics[end].degree == 1
        assert metrics[end].degree_centrality == pytest.approx(0.5)
        assert metrics[end].betweenness == 0.0
        assert not metrics[end].broker and not metrics[end].isolated


def test_star_centre_lies_on_every_path_between_leaves() -> None:
    metrics = network_metrics(STAR)
    assert metrics["h"].degree == 4
    assert metrics["h"].degree_centrality == pytest.approx(1.0)
    assert metrics["h"].betweenness == pytest.approx(1.0)  # all 6 leaf pairs of 6 possible
    assert metrics["h"].broker
    for leaf in "pqrs":
        assert metrics[leaf].degree_centrality == pytest.approx(0.25)
        assert metrics[leaf].betweenness == 0.0
        assert not metrics[leaf].broker


def test_two_triangles_joined_by_a_bridge() -> None:
    metrics = network_metrics(BRIDGED)
    # c and d each lie on the 2 × 3 paths between the triangles, of (6-1)(6-2)/2 = 10 pairs.
    for end in "cd":
        assert metrics[end].betweenness == pytest.approx(0.6)
        assert metrics[end].degree == 3
        assert metrics[end].degree_centrality == pytest.approx(0.6)
        assert metrics[end].broker
    for other in "abef":
        assert metrics[other].betweenness == 0.0
        assert not metrics[other].broker
    # Two communities of equal size, numbered by their smallest id.
    assert {metrics[x].community for x in "abc"} == {0}
    assert {metrics[x].community for x in "def"} == {1}


def test_isolated_stakeholder_has_its_own_community() -> None:
    metrics = network_metrics(graph("abcz", [("a", "b"), ("b", "c")]))
    assert metrics["z"] == NodeMetrics(degree=0, degree_centrality=0.0, betweenness=0.0, community=1,
                                       isolated=True, broker=False)
    assert metrics["b"].betweenness == pytest.approx(1 / 3)  # 1 pair of (4-1)(4-2)/2 = 3
    assert {metrics[x].community for x in "abc"} == {0}
    assert not any(metrics[x].isolated for x in "abc")


def test_relations_both_ways_and_self_relations_count_once() -> None:
    metrics = network_metrics(graph("ab", [("a", "b"), ("b", "a"), ("a", "a")]))
    assert metrics["a"].degree == metrics["b"].degree == 1
    assert metrics["a"].degree_centrality == pytest.approx(1.0)


def test_metrics_do_not_depend_on_the_order_of_nodes_and_relations() -> None:
    shuffled = StakeholderGraph(tuple(reversed(BRIDGED.nodes)), tuple(reversed(BRIDGED.edges)))
    assert network_metrics(shuffled) == network_metrics(BRIDGED)


def test_empty_and_single_node_graphs() -> None:
    assert network_metrics(StakeholderGraph((), ())) == {}
    assert network_metrics(graph("a", [])) == {
        "a": NodeMetrics(degree=0, degree_centrality=0.0, betweenness=0.0, community=0, isolated=True, broker=False)
    }


def test_ego_network_by_radius_ignores_direction() -> None:
    chain = graph("abcd", [("b", "a"), ("b", "c"), ("d", "c")])
    assert ego_network(chain, "a") == {"a", "b"}
    assert ego_network(chain, "a", radius=2) == {"a", "b", "c"}
    assert ego_network(chain, "c", radius=1) == {"b", "c", "d"}
    assert ego_network(chain, "a", radius=0) == {"a"}
    assert ego_network(chain, "a", radius=10) == {"a", "b", "c", "d"}
    assert ego_network(BRIDGED, "a", radius=2) == {"a", "b", "c", "d"}


def test_ego_network_rejects_unknown_ids_and_negative_radius() -> None:
    with pytest.raises(KeyError):
        ego_network(PATH, "nobody")
    with pytest.raises(ValueError):
        ego_network(PATH, "a", radius=-1)


@pytest.fixture(scope="module")
def demo_session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    from planner.demo import build_demo_plan
    from planner.storage.create import create_empty_database
    from planner.storage.document import make_engine

    path: Path = tmp_path_factory.mktemp("demo") / "demo.cplan"
    create_empty_database(path)
    engine = make_engine(path)
    try:
        with Session(engine) as session:
            build_demo_plan(session, "en")
            yield session
            session.rollback()
    finally:
        engine.dispose()


def test_demo_plan_network(demo_session: Session) -> None:
    from planner.model import Stakeholder, StakeholderRelation

    network = stakeholder_graph(demo_session)
    assert len(network.nodes) == demo_session.query(Stakeholder).count() > 0
    assert len(network.edges) == demo_session.query(StakeholderRelation).count() > 0
    assert [(node.name, node.id) for node in network.nodes] == sorted((node.name, node.id) for node in network.nodes)
    metrics = network_metrics(network)
    assert set(metrics) == {node.id for node in network.nodes}
    for value in metrics.values():
        assert 0.0 <= value.betweenness <= 1.0
        assert 0.0 <= value.degree_centrality <= 1.0
        assert value.isolated == (value.degree == 0)
    assert sorted({value.community for value in metrics.values()}) == list(range(
        len({value.community for value in metrics.values()})))
    assert any(value.broker for value in metrics.values())
    centre = network.nodes[0].id
    assert centre in ego_network(network, centre, radius=2)
