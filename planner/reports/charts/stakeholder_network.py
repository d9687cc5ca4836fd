"""The stakeholder network: stakeholders at their saved places (else the force layout the app shows first),
relations as lines (arrows when directed, wider when stronger), nodes sized by influence and coloured by sector.

Labels are placed greedily, most influential stakeholders first: right, left, below or above the node, the
first place that overlaps no label and no node already placed; a name with no free place is left out (and
counted in NetworkLayout.unlabelled).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Rect
from reportlab.lib.colors import white

from planner.i18n import N_
from planner.model.vocabulary import SECTORS
from planner.reports.charts import (
    DARK_GREY,
    LABEL_SIZE,
    MM,
    LegendEntry,
    arrow_head,
    fit_text,
    label,
    legend,
    ordered_sectors,
    placed,
    sector_colour,
    text_width,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from planner.stakeholders.analysis import StakeholderGraph, StakeholderNode

LABEL_WIDTH = 34 * MM  # the longest a name may run
EDGE_COLOUR = DARK_GREY
FORCE_SEED = 0  # as the desktop network view's first layout
Box = tuple[float, float, float, float]  # left, bottom, right, top


@dataclass(frozen=True)
class NetworkData:
    """The graph and a position in the unit square (y downwards, as stored) for every node."""

    graph: StakeholderGraph
    positions: dict[str, tuple[float, float]]

    @property
    def nodes(self) -> tuple[StakeholderNode, ...]:
        return self.graph.nodes


@dataclass
class NetworkLayout:
    """What was drawn where (drawing coordinates): node centres and radii, label boxes, arrows drawn."""

    centres: dict[str, tuple[float, float]] = field(default_factory=dict)
    radii: dict[str, float] = field(default_factory=dict)
    labels: dict[str, Box] = field(default_factory=dict)
    unlabelled: list[str] = field(default_factory=list)
    arrows: int = 0


def read_network(session: Session) -> NetworkData:
    """The stakeholder graph with positions: the saved ones where the user placed stakeholders; the others from
    the force layout (seed 0) with the saved ones held fixed, so the picture matches the app's."""
    from planner.stakeholders.analysis import stakeholder_graph
    from planner.stakeholders.layout import force_layout
    from planner.stakeholders.positions import network_positions

    graph = stakeholder_graph(session)
    ids = {node.id for node in graph.nodes}
    saved = {key: (min(1.0, max(0.0, x)), min(1.0, max(0.0, y)))
             for key, (x, y) in network_positions(session).items()
             if key in ids and math.isfinite(x) and math.isfinite(y)}
    if ids and ids <= set(saved):
        positions = saved
    elif ids:
        positions = force_layout(graph, seed=FORCE_SEED, fixed=saved or None)
    else:
        positions = {}
    return NetworkData(graph, positions)


def node_radius(influence: int, count: int) -> float:
    """Radius in points: 4 to 9.5 by influence 1..5, smaller in a crowded network."""
    scale = 1.0 if count <= 60 else max(0.55, math.sqrt(60 / count))
    return (2.6 + 1.4 * max(1, min(5, influence))) * scale


def network_drawing(network: NetworkData, width: float, height: float, tr: Callable[[str], str]) -> Drawing:
    drawing, _layout = network_drawing_with_layout(network, width, height, tr)
    return drawing


def network_drawing_with_layout(network: NetworkData, width: float, height: float,
                                tr: Callable[[str], str]) -> tuple[Drawing, NetworkLayout]:
    """The network in a square as large as `width` × `height` allows (legend below)."""
    graph = network.graph
    nodes = list(graph.nodes)
    sectors = ordered_sectors(node.sector for node in nodes)
    entries = [LegendEntry(tr(SECTORS[code]) if code in SECTORS else code, sector_colour(code), "point")
               for code in sectors]
    entries.append(LegendEntry(tr(N_("Circle size: influence")), DARK_GREY, "point"))
    if any(edge.directed for edge in graph.edges):
        entries.append(LegendEntry(tr(N_("Directed relation")), EDGE_COLOUR, "arrow"))
    if graph.edges:
        entries.append(LegendEntry(tr(N_("Line width: strength of the relation")), EDGE_COLOUR, "line"))
    legend_group, legend_height = legend(entries, width)
    side = min(width, height - legend_height - 8)
    drawing = Drawing(width, side + legend_height + 8)
    layout = NetworkLayout()
    count = len(nodes)
    bottom = legend_height + 8
    left = (width - side) / 2
    margin = node_radius(5, count) + 2
    label_room = LABEL_SIZE + 4  # names may sit below the lowest and above the highest node

    xs = [network.positions.get(node.id, (0.5, 0.5))[0] for node in nodes]
    ys = [network.positions.get(node.id, (0.5, 0.5))[1] for node in nodes]
    span = max(max(xs, default=0) - min(xs, default=0), max(ys, default=0) - min(ys, default=0)) or 1.0
    usable_w, usable_h = side - 2 * margin, side - 2 * margin - 2 * label_room
    scale = min(usable_w, usable_h) / span
    mid_x = (max(xs, default=0.5) + min(xs, default=0.5)) / 2
    mid_y = (max(ys, default=0.5) + min(ys, default=0.5)) / 2
    for node, x, y in zip(nodes, xs, ys, strict=True):
        layout.centres[node.id] = (left + side / 2 + (x - mid_x) * scale, bottom + side / 2 - (y - mid_y) * scale)
        layout.radii[node.id] = node_radius(node.influence, count)

    edges_group, nodes_group, words = Group(), Group(), Group()
    for edge in graph.edges:
        if edge.source_id == edge.target_id or edge.source_id not in layout.centres \
                or edge.target_id not in layout.centres:
            continue
        (x1, y1), (x2, y2) = layout.centres[edge.source_id], layout.centres[edge.target_id]
        distance = math.hypot(x2 - x1, y2 - y1)
        r1, r2 = layout.radii[edge.source_id], layout.radii[edge.target_id]
        if distance <= r1 + r2 + 1:
            continue
        ux, uy = (x2 - x1) / distance, (y2 - y1) / distance
        stroke = 0.4 + 0.35 * (max(1, min(5, edge.strength)) - 1)
        start = (x1 + ux * r1, y1 + uy * r1)
        end = (x2 - ux * r2, y2 - uy * r2)
        if edge.directed:
            head = 3.5 + stroke
            edges_group.add(Line(*start, end[0] - ux * head * 0.8, end[1] - uy * head * 0.8,
                                 strokeColor=EDGE_COLOUR, strokeWidth=stroke))
            edges_group.add(arrow_head(*end, ux, uy, head, EDGE_COLOUR))
            layout.arrows += 1
        else:
            edges_group.add(Line(*start, *end, strokeColor=EDGE_COLOUR, strokeWidth=stroke))

    occupied: list[Box] = [(cx - r, cy - r, cx + r, cy + r) for node_id, (cx, cy) in layout.centres.items()
                           for r in (layout.radii[node_id],)]
    bounds = (0.0, bottom, width, bottom + side)
    for node in sorted(nodes, key=lambda n: (-n.influence, n.name, n.id)):
        cx, cy = layout.centres[node.id]
        radius = layout.radii[node.id]
        nodes_group.add(Circle(cx, cy, radius, fillColor=sector_colour(node.sector), strokeColor=DARK_GREY,
                               strokeWidth=0.6))
        text = fit_text(node.name, LABEL_WIDTH)
        if not text:
            continue
        box = _place_label(cx, cy, radius, text_width(text), occupied, bounds)
        if box is None:
            layout.unlabelled.append(node.id)
            continue
        occupied.append(box)
        layout.labels[node.id] = box
        words.add(Rect(box[0], box[1], box[2] - box[0], box[3] - box[1], fillColor=white, strokeColor=None,
                       strokeWidth=0))
        words.add(label(box[0] + 1, box[1] + 2.2, text))
    for group in (edges_group, nodes_group, words):
        drawing.add(group)
    drawing.add(placed(legend_group, 0, legend_height))
    return drawing, layout


def _place_label(cx: float, cy: float, radius: float, text_w: float, occupied: list[Box], bounds: Box) -> Box | None:
    """The first free place for a label of width `text_w` beside the node: right, left, below, above."""
    box_w, box_h = text_w + 2, LABEL_SIZE + 3
    gap = 2.0
    candidates = [
        (cx + radius + gap, cy - box_h / 2),  # right
        (cx - radius - gap - box_w, cy - box_h / 2),  # left
        (cx - box_w / 2, cy - radius - gap - box_h),  # below
        (cx - box_w / 2, cy + radius + gap),  # above
    ]
    own = (cx - radius, cy - radius, cx + radius, cy + radius)
    for x, y in candidates:
        box = (x, y, x + box_w, y + box_h)
        if box[0] < bounds[0] or box[1] < bounds[1] or box[2] > bounds[2] or box[3] > bounds[3]:
            continue
        if any(_overlaps(box, other) for other in occupied if other != own):
            continue
        return box
    return None


def _overlaps(first: Box, second: Box) -> bool:
    return first[0] < second[2] and second[0] < first[2] and first[1] < second[3] and second[1] < first[3]
