"""A plain snapshot of the plan's dependency network for the graph view: nodes, links, fields, criticality."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner.errors import PlannerError
from planner.model import Field, Initiative
from planner.schedule import DRIVER_DEPENDENCY, plan_links, schedule_plan


@dataclass(frozen=True, slots=True)
class GraphNode:
    """One initiative as the graph draws it."""

    id: str
    code: str
    title: str
    field_id: str | None
    rank: tuple[int, int, str]  # (field position, initiative position, code): the initial order in a column
    critical: bool
    total_float: int | None


@dataclass(frozen=True, slots=True)
class GraphEdge:
    """One dependency as the graph draws it; critical when both ends are and it drives the successor."""

    id: str
    predecessor_id: str
    successor_id: str
    type: str
    lag: int
    critical: bool


@dataclass(frozen=True, slots=True)
class GraphSnapshot:
    """Everything the graph view shows, read in one short session; holds no ORM object."""

    nodes: tuple[GraphNode, ...]
    edges: tuple[GraphEdge, ...]
    fields: tuple[tuple[str, str], ...]  # (id, "code name") in the plan's order
    schedule_problem: str = ""  # why criticality is unknown (a damaged plan with a cycle), else ""


def read_graph(session: Session) -> GraphSnapshot:
    """The dependency network of the plan in `session` with the schedule's critical nodes and links."""
    field_table = Field.__table__
    field_rows = session.execute(
        select(field_table.c.id, field_table.c.code, field_table.c.name, field_table.c.position)
        .order_by(field_table.c.position, field_table.c.code)
    ).all()
    field_rank = {row.id: number for number, row in enumerate(field_rows)}
    table = Initiative.__table__
    rows = session.execute(
        select(table.c.id, table.c.code, table.c.title, table.c.field_id, table.c.position)
    ).all()
    links = plan_links(session)
    problem = ""
    try:
        scheduled = schedule_plan(session).by_id
    except PlannerError as error:
        scheduled, problem = {}, str(error)
    nodes = []
    for row in rows:
        item = scheduled.get(row.id)
        nodes.append(GraphNode(
            row.id, row.code, row.title, row.field_id,
            (field_rank.get(row.field_id, len(field_rank)) if row.field_id else len(field_rank), row.position, row.code),
            bool(item and item.critical), item.total_float if item else None,
        ))
    nodes.sort(key=lambda node: node.rank)
    edges = []
    for link in links:
        before, after = scheduled.get(link.predecessor_id), scheduled.get(link.successor_id)
        critical = bool(
            before and after and before.critical and after.critical
            and after.driver.kind == DRIVER_DEPENDENCY and after.driver.predecessor_id == link.predecessor_id
        )
        edges.append(GraphEdge(link.id, link.predecessor_id, link.successor_id, link.type, link.lag, critical))
    edges.sort(key=lambda edge: edge.id)
    fields = tuple((row.id, f"{row.code} {row.name}") for row in field_rows)
    return GraphSnapshot(tuple(nodes), tuple(edges), fields, problem)
