"""The stakeholder network as GraphML: written for Gephi and yEd, read back (ours, Gephi's, yEd's) as checked rows."""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.etree.ElementTree import Element, SubElement, indent, tostring

from sqlalchemy import func, select

from planner.i18n import _, translate
from planner.interchange.incoming import IncomingRows, existing_rows, import_rows_command
from planner.interchange.report import ImportReport
from planner.interchange.xml_safety import local_name, parse_xml
from planner.model import vocabulary as v
from planner.palette import SECTOR_COLOURS
from planner.stakeholders.register import ALIASES as SECTOR_ALIASES

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from planner.commands.base import Command
    from planner.interchange.formats import ExportOptions, ImportOptions

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
YED_NS = "http://www.yworks.com/xml/graphml"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = f"{GRAPHML_NS} http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd"

# A node that a file gives without a sector gets this one (the file says nothing better); an unknown sector
# is a problem.
DEFAULT_SECTOR = "civil_society"
# Gephi's x/y and yEd's geometry: the unit square of the network map scaled by this per √stakeholders
# (about the spacing of the app's own map), at least MIN_DRAWING_SIZE wide.
DRAWING_SPACING = 150.0
MIN_DRAWING_SIZE = 400.0
UNKNOWN_SECTOR_COLOUR = "#999999"


@dataclass(frozen=True)
class GraphmlKey:
    """One <key> the export declares: its id (Gephi reads label, x, y, size, r/g/b, weight by id), what it
    is for, the attribute name (what the import reads) and the GraphML type."""

    id: str
    domain: str  # node | edge
    name: str
    type: str  # string | int | double | float | boolean


NODE_KEYS = (
    GraphmlKey("label", "node", "label", "string"),
    GraphmlKey("organisation", "node", "organisation", "string"),
    GraphmlKey("sector", "node", "sector", "string"),
    GraphmlKey("sector_label", "node", "sector_label", "string"),
    GraphmlKey("role", "node", "role", "string"),
    GraphmlKey("influence", "node", "influence", "int"),
    GraphmlKey("interest", "node", "interest", "int"),
    GraphmlKey("attitude", "node", "attitude", "string"),
    GraphmlKey("attitude_label", "node", "attitude_label", "string"),
    GraphmlKey("engagement", "node", "engagement", "string"),
    GraphmlKey("engagement_label", "node", "engagement_label", "string"),
    GraphmlKey("tags", "node", "tags", "string"),
    GraphmlKey("raci_r", "node", "raci_r", "int"),
    GraphmlKey("raci_a", "node", "raci_a", "int"),
    GraphmlKey("raci_c", "node", "raci_c", "int"),
    GraphmlKey("raci_i", "node", "raci_i", "int"),
    GraphmlKey("map_x", "node", "map_x", "double"),
    GraphmlKey("map_y", "node", "map_y", "double"),
    GraphmlKey("x", "node", "x", "float"),
    GraphmlKey("y", "node", "y", "float"),
    GraphmlKey("size", "node", "size", "float"),
    GraphmlKey("r", "node", "r", "int"),
    GraphmlKey("g", "node", "g", "int"),
    GraphmlKey("b", "node", "b", "int"),
)
EDGE_KEYS = (
    GraphmlKey("type", "edge", "type", "string"),
    GraphmlKey("edgelabel", "edge", "type_label", "string"),  # Gephi shows the key with id edgelabel as label
    GraphmlKey("weight", "edge", "weight", "int"),
)
YED_NODE_KEY, YED_EDGE_KEY = "yed_node", "yed_edge"
# Text XML 1.0 cannot hold (control characters other than tab, newline and carriage return; surrogates).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_WHOLE = re.compile(r"^[+-]?\d+(?:\.0*)?$", re.ASCII)
_NUMBER = re.compile(r"^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$", re.ASCII)
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


# -- writing ----------------------------------------------------------------------------------------------------


def _xml_text(value: object) -> str:
    """A value as text XML can hold (characters it cannot are written as spaces)."""
    return _NOT_XML.sub(" ", str(value))


def _data(parent: Element, key: str, value: object) -> None:
    SubElement(parent, "data", {"key": key}).text = _xml_text(value)


def _raci_counts(session: Session) -> dict[str, Counter[str]]:
    from planner.model import RaciRole

    table = RaciRole.__table__
    counts: dict[str, Counter[str]] = {}
    for stakeholder_id, role, count in session.execute(
            select(table.c.stakeholder_id, table.c.role, func.count()).group_by(table.c.stakeholder_id, table.c.role)):
        counts.setdefault(stakeholder_id, Counter())[role] = int(count)
    return counts


def _drawing_positions(session: Session, saved: Mapping[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    """Where each stakeholder is drawn in Gephi and yEd: its saved place on the network map, the others laid out
    around them as the app's map does (the same seed, so the same file every time)."""
    from planner.stakeholders.analysis import stakeholder_graph
    from planner.stakeholders.layout import force_layout

    graph = stakeholder_graph(session)
    if not graph.nodes:
        return {}
    return force_layout(graph, seed=0, fixed=dict(saved) or None)


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _yed_node(parent: Element, name: str, colour: str, centre: tuple[float, float]) -> None:
    width = min(300.0, max(60.0, 13.0 * len(name) + 20.0))
    height = 30.0
    shape = SubElement(SubElement(parent, "data", {"key": YED_NODE_KEY}), "y:ShapeNode")
    SubElement(shape, "y:Geometry", {"x": f"{centre[0] - width / 2:.1f}", "y": f"{centre[1] - height / 2:.1f}",
                                     "width": f"{width:.1f}", "height": f"{height:.1f}"})
    SubElement(shape, "y:Fill", {"color": colour, "transparent": "false"})
    SubElement(shape, "y:BorderStyle", {"color": "#000000", "type": "line", "width": "1.0"})
    SubElement(shape, "y:NodeLabel", {"alignment": "center", "autoSizePolicy": "content", "fontSize": "12",
                                      "modelName": "internal", "modelPosition": "c", "textColor": "#000000",
                                      "visible": "true"}).text = _xml_text(name)
    SubElement(shape, "y:Shape", {"type": "roundrectangle"})


def _yed_edge(parent: Element, label: str, directed: bool, strength: int) -> None:
    line = SubElement(SubElement(parent, "data", {"key": YED_EDGE_KEY}), "y:PolyLineEdge")
    SubElement(line, "y:LineStyle", {"color": "#555555", "type": "line", "width": f"{0.5 + 0.5 * strength:.1f}"})
    SubElement(line, "y:Arrows", {"source": "none", "target": "standard" if directed else "none"})
    SubElement(line, "y:EdgeLabel", {"alignment": "center", "fontSize": "10", "modelName": "centered",
                                     "modelPosition": "center", "textColor": "#555555",
                                     "visible": "true"}).text = _xml_text(label)
    SubElement(line, "y:BendStyle", {"smoothed": "false"})


def graphml_document(session: Session, language: str) -> tuple[bytes, int, int]:
    """The plan's stakeholder network as GraphML bytes (UTF-8), with how many stakeholders and relations it holds.

    Every stakeholder is a node (id: its UUID) and every relation an edge (id: its UUID; `directed` per edge).
    Contact details and notes are left out: the file is for drawing and analysing the network."""
    from planner.stakeholders.positions import network_positions

    people = sorted(existing_rows(session, "stakeholder"), key=lambda row: (row["name"], row["id"]))
    names = {row["id"] for row in people}
    relations = sorted((row for row in existing_rows(session, "stakeholder_relation")
                        if row["source_id"] in names and row["target_id"] in names),
                       key=lambda row: (row["source_id"], row["target_id"], row["id"]))
    saved = {key: point for key, point in network_positions(session).items() if key in names}
    drawn = _drawing_positions(session, saved)
    raci = _raci_counts(session)
    size = max(MIN_DRAWING_SIZE, DRAWING_SPACING * math.sqrt(max(len(people), 1)))

    root = Element("graphml", {"xmlns": GRAPHML_NS, "xmlns:xsi": XSI_NS, "xmlns:y": YED_NS,
                               "xsi:schemaLocation": SCHEMA_LOCATION})
    for key in (*NODE_KEYS, *EDGE_KEYS):
        SubElement(root, "key", {"id": key.id, "for": key.domain, "attr.name": key.name, "attr.type": key.type})
    SubElement(root, "key", {"id": YED_NODE_KEY, "for": "node", "yfiles.type": "nodegraphics"})
    SubElement(root, "key", {"id": YED_EDGE_KEY, "for": "edge", "yfiles.type": "edgegraphics"})
    graph = SubElement(root, "graph", {"id": "stakeholders", "edgedefault": "directed"})

    def label(vocabulary: dict[str, str], code: str | None) -> str:
        if code is None:
            return ""
        return translate(vocabulary[code], language) if code in vocabulary else code

    for person in people:
        node = SubElement(graph, "node", {"id": person["id"]})
        engagement = person["engagement"] or v.engagement_for(person["influence"], person["interest"])
        roles = raci.get(person["id"], Counter())
        values: list[tuple[str, object]] = [
            ("label", person["name"]), ("organisation", person["organisation"] or ""), ("sector", person["sector"]),
            ("sector_label", label(v.SECTORS, person["sector"])), ("role", person["role"] or ""),
            ("influence", person["influence"]), ("interest", person["interest"]),
            ("attitude", person["attitude"]), ("attitude_label", label(v.ATTITUDES, person["attitude"])),
            ("engagement", person["engagement"] or ""),
            ("engagement_label", label(v.ENGAGEMENT_STRATEGIES, engagement)),
            ("tags", json.dumps(list(person["tags"] or []), ensure_ascii=False)),
            ("raci_r", roles["R"]), ("raci_a", roles["A"]), ("raci_c", roles["C"]), ("raci_i", roles["I"]),
        ]
        if person["id"] in saved:
            x, y = saved[person["id"]]
            values += [("map_x", repr(float(x))), ("map_y", repr(float(y)))]
        colour = SECTOR_COLOURS.get(person["sector"], UNKNOWN_SECTOR_COLOUR)
        cx, cy = drawn.get(person["id"], (0.5, 0.5))
        # Gephi draws y upwards around the origin; the map (and yEd) draw y downwards from the top left.
        values += [("x", f"{(cx - 0.5) * size:.2f}"), ("y", f"{(0.5 - cy) * size:.2f}"),
                   ("size", f"{6.0 + 4.0 * person['influence']:.1f}")]
        values += list(zip(("r", "g", "b"), _rgb(colour), strict=True))
        for key, value in values:
            _data(node, key, value)
        _yed_node(node, person["name"], colour, (cx * size, cy * size))
    for relation in relations:
        edge = SubElement(graph, "edge", {"id": relation["id"], "source": relation["source_id"],
                                          "target": relation["target_id"],
                                          "directed": "true" if relation["directed"] else "false"})
        type_label = label(v.RELATION_TYPES, relation["type"])
        for key, value in (("type", relation["type"]), ("edgelabel", type_label), ("weight", relation["strength"])):
            _data(edge, key, value)
        _yed_edge(edge, type_label, bool(relation["directed"]), int(relation["strength"]))
    indent(root, space="  ")
    body = tostring(root, encoding="unicode")
    text = '<?xml version="1.0" encoding="UTF-8"?>\n<!-- Written by Convergence Planner -->\n' + body + "\n"
    return text.encode("utf-8"), len(people), len(relations)


def write_graphml(session: Session, target: Path, options: ExportOptions) -> str:
    """Write the stakeholder network to `target` (atomically) and say what went out."""
    from planner.atomic_files import write_bytes_atomically

    data, people, relations = graphml_document(session, options.language)
    write_bytes_atomically(Path(target).absolute(), data)
    return _("Wrote {file}: {stakeholders} stakeholders and {relations} relations (GraphML).").format(
        file=target, stakeholders=people, relations=relations)


# -- reading ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _KeyDefinition:
    name: str  # attr.name (lower case), else the key id
    domain: str  # node | edge | graph | all | ...
    yfiles: str  # yfiles.type, "" when none
    default: str | None


@dataclass
class _FileNode:
    element_id: str
    where: str
    values: dict[str, str] = field(default_factory=dict)  # attribute name (lower case) → text
    yed_label: str | None = None
    yed_centre: tuple[str, str] | None = None  # centre of yEd's geometry, as text pairs of x+w/2, y+h/2


@dataclass
class _FileEdge:
    where: str
    source: str | None
    target: str | None
    directed: bool | None  # from the edge's own attributes or yEd's arrows; None: the graph's default
    values: dict[str, str] = field(default_factory=dict)
    yed_label: str | None = None
    reversed: bool = False  # yEd drew the arrow at the source end


def _normal(text: str) -> str:
    return "".join(text.split()).replace("_", "").replace("·", "").replace("&", "").casefold()


def _choice_lookup(vocabulary: Mapping[str, str], aliases: Mapping[str, str] | None = None) -> dict[str, str]:
    """Code, English label and Korean label of every entry (and the aliases), normalised, to its code."""
    found = {_normal(alias): code for alias, code in (aliases or {}).items() if code in vocabulary}
    for code, english in vocabulary.items():
        for text in (code, english, translate(english, "ko")):
            found[_normal(text)] = code
    return found


def _key_definitions(root: Element, report: ImportReport) -> dict[str, _KeyDefinition]:
    keys: dict[str, _KeyDefinition] = {}
    for element in root:
        if local_name(element) != "key":
            continue
        key_id = element.get("id", "")
        if not key_id:
            report.add(_("key without id"), "", _("A <key> declaration has no id; the file is not valid GraphML."))
            continue
        if key_id in keys:
            report.add(_("key {id}").format(id=key_id), "id", _("Another <key> already has this id."))
            continue
        default = next((child for child in element if local_name(child) == "default"), None)
        keys[key_id] = _KeyDefinition((element.get("attr.name") or key_id).strip().casefold(),
                                      element.get("for", "all"), element.get("yfiles.type", ""),
                                      None if default is None else (default.text or ""))
    return keys


def _all_text(element: Element) -> str:
    return "".join(element.itertext())


def _yed_label(element: Element, label_tag: str) -> str | None:
    """The first non-empty label yEd drew (NodeLabel or EdgeLabel), anywhere inside its graphics data."""
    for child in element.iter():
        if local_name(child) == label_tag:
            text = (child.text or "").strip()
            if text:
                return text
    return None


def _yed_centre(element: Element) -> tuple[str, str] | None:
    for child in element.iter():
        if local_name(child) == "Geometry":
            try:
                x, y = float(child.get("x", "0")), float(child.get("y", "0"))
                width, height = float(child.get("width", "0")), float(child.get("height", "0"))
            except ValueError:
                return None
            return repr(x + width / 2), repr(y + height / 2)
    return None


def _read_data(owner: Element, domain: str, keys: Mapping[str, _KeyDefinition],
               target: _FileNode | _FileEdge) -> None:
    seen: set[str] = set()
    for element in owner:
        if local_name(element) != "data":
            continue
        key_id = element.get("key", "")
        definition = keys.get(key_id, _KeyDefinition(key_id.casefold(), "all", "", None))
        if definition.yfiles == "nodegraphics" and isinstance(target, _FileNode):
            target.yed_label = _yed_label(element, "NodeLabel")
            target.yed_centre = _yed_centre(element)
        elif definition.yfiles == "edgegraphics" and isinstance(target, _FileEdge):
            target.yed_label = _yed_label(element, "EdgeLabel")
            arrows = next((child for child in element.iter() if local_name(child) == "Arrows"), None)
            if arrows is not None and target.directed is None:
                at_source = arrows.get("source", "none") != "none"
                at_target = arrows.get("target", "none") != "none"
                target.directed = at_source != at_target
                target.reversed = at_source and not at_target
        elif not definition.yfiles and definition.domain in (domain, "all"):
            target.values[definition.name] = _all_text(element).strip()
            seen.add(definition.name)
    for definition in keys.values():  # a key's <default> stands for the data a node or edge leaves out
        if (definition.default is not None and definition.domain in (domain, "all") and not definition.yfiles
                and definition.name not in seen):
            target.values.setdefault(definition.name, definition.default.strip())


def _walk_graphs(root: Element) -> Iterator[tuple[Element, bool]]:
    """Every <graph> in the file, nested ones (yEd groups) included, with its default direction; iteratively, so
    deep nesting cannot exhaust the stack."""
    stack = [child for child in reversed(root) if local_name(child) == "graph"]
    while stack:
        graph = stack.pop()
        yield graph, graph.get("edgedefault", "directed").strip().lower() != "undirected"
        nested = [grandchild for child in graph if local_name(child) == "node"
                  for grandchild in child if local_name(grandchild) == "graph"]
        stack.extend(reversed(nested))


@dataclass
class _FileGraph:
    nodes: dict[str, _FileNode] = field(default_factory=dict)
    groups: set[str] = field(default_factory=set)
    edges: list[_FileEdge] = field(default_factory=list)


def _read_file_graph(root: Element, keys: Mapping[str, _KeyDefinition], report: ImportReport) -> _FileGraph:
    found = _FileGraph()
    edge_ids: set[str] = set()
    node_number = edge_number = 0
    for graph, directed_default in _walk_graphs(root):
        for element in graph:
            kind = local_name(element)
            if kind == "node":
                node_number += 1
                node_id = element.get("id", "")
                where = _("node {id}").format(id=node_id) if node_id else _("node #{number} (no id)").format(
                    number=node_number)
                if not node_id:
                    report.add(where, "id", _("The node has no id."))
                    continue
                if node_id in found.nodes or node_id in found.groups:
                    report.add(where, "id", _("Another node already has this id."))
                    continue
                if any(local_name(child) == "graph" for child in element):
                    found.groups.add(node_id)  # a yEd group: its members are read, the group is not a stakeholder
                    continue
                node = _FileNode(node_id, where)
                _read_data(element, "node", keys, node)
                found.nodes[node_id] = node
            elif kind == "edge":
                edge_number += 1
                edge = _FileEdge("", element.get("source"), element.get("target"),
                                 _edge_direction(element))
                _read_data(element, "edge", keys, edge)
                edge_id = element.get("id") or edge.values.get("edge id") or ""
                edge.where = (_("edge {id}").format(id=edge_id) if edge_id
                              else _("edge #{number} (no id)").format(number=edge_number))
                if edge_id and edge_id in edge_ids:
                    report.add(edge.where, "id", _("Another edge already has this id."))
                    continue
                if edge_id:
                    edge_ids.add(edge_id)
                    edge.values["id"] = edge_id
                if edge.directed is None:
                    edge.directed = directed_default
                found.edges.append(edge)
            elif kind == "hyperedge":
                report.add(_("hyperedge {id}").format(id=element.get("id", "?")), "",
                           _("Hyperedges are not supported; a relation links two stakeholders."))
    return found


def _edge_direction(element: Element) -> bool | None:
    """GraphML's `directed` attribute, else Gephi's `type` (directed / undirected), else None."""
    directed = (element.get("directed") or "").strip().lower()
    if directed in ("true", "1"):
        return True
    if directed in ("false", "0"):
        return False
    kind = (element.get("type") or "").strip().lower()
    if kind in ("directed", "undirected"):
        return kind == "directed"
    return None


def _whole_number(text: str) -> int | None:
    """A whole number written as 4, +4 or 4.0 (Gephi writes its numbers so); None for anything else, and for
    numbers of more than 18 digits (no score or strength is that large)."""
    stripped = text.strip()
    if not _WHOLE.match(stripped):
        return None
    whole = stripped.split(".")[0]
    return int(whole) if len(whole.lstrip("+-")) <= 18 else None


def _number(text: str) -> float | None:
    cleaned = text.strip().replace(",", ".")
    if not _NUMBER.match(cleaned):
        return None
    value = float(cleaned)
    return value if math.isfinite(value) else None


@dataclass
class _Lookups:
    sectors: dict[str, str]
    attitudes: dict[str, str]
    engagements: dict[str, str]
    relation_types: dict[str, str]

    @staticmethod
    def build() -> _Lookups:
        return _Lookups(_choice_lookup(v.SECTORS, SECTOR_ALIASES), _choice_lookup(v.ATTITUDES),
                        _choice_lookup(v.ENGAGEMENT_STRATEGIES), _choice_lookup(v.RELATION_TYPES))


def _choice(text: str, lookup: Mapping[str, str], vocabulary: Mapping[str, str], where: str, name: str,
            report: ImportReport) -> str | None:
    code = lookup.get(_normal(text))
    if code is None:
        report.add(where, name, _("'{value}' is neither a code nor a label of the allowed values ({codes}).").format(
            value=text, codes=", ".join(vocabulary)))
    return code


def _tags(text: str, where: str, report: ImportReport) -> list[str] | None:
    stripped = text.strip()
    if stripped.startswith("["):
        try:
            tags = json.loads(stripped)
        except ValueError:
            tags = None
        if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
            report.add(where, "tags", _("'{value}' is not a list of tags.").format(value=text))
            return None
        return tags
    return [tag.strip() for tag in stripped.replace("，", ",").split(",") if tag.strip()]


def _stakeholder_values(node: _FileNode, lookups: _Lookups, report: ImportReport) -> dict[str, Any] | None:
    """The stakeholder fields the node carries, as stored values; None when any is wrong (reported)."""
    values = node.values
    problems = report.problem_count
    found: dict[str, Any] = {}
    name = values.get("label") or values.get("name") or node.yed_label or ""
    if name.strip():
        found["name"] = name.strip()
    for field_name, keys in (("organisation", ("organisation", "organization")), ("role", ("role",))):
        present = next((values[key] for key in keys if key in values), None)
        if present is not None:
            found[field_name] = present
    for field_name, lookup, vocabulary in (("sector", lookups.sectors, v.SECTORS),
                                           ("attitude", lookups.attitudes, v.ATTITUDES)):
        text = values.get(field_name) or values.get(f"{field_name}_label") or ""
        if text.strip():
            found[field_name] = _choice(text, lookup, vocabulary, node.where, field_name, report)
    if "engagement" in values:
        text = values["engagement"]
        found["engagement"] = (_choice(text, lookups.engagements, v.ENGAGEMENT_STRATEGIES, node.where, "engagement",
                                       report) if text.strip() else None)
    for field_name in ("influence", "interest"):
        if values.get(field_name, "").strip():
            number = _whole_number(values[field_name])
            if number is None:
                report.add(node.where, field_name, _("'{value}' is not a whole number.").format(value=values[field_name]))
            found[field_name] = number
    if "tags" in values:
        found["tags"] = _tags(values["tags"], node.where, report)
    return found if report.problem_count == problems else None


@dataclass
class _PlanIndex:
    """The plan's stakeholders, relations and positions, for matching the file's nodes and edges."""

    people: dict[str, dict[str, Any]]
    by_name: dict[str, list[dict[str, Any]]]
    relations: dict[str, dict[str, Any]]
    by_link: dict[tuple[str, str, str], dict[str, Any]]
    positions: dict[str, dict[str, Any]]

    @staticmethod
    def read(session: Session) -> _PlanIndex:
        people = {row["id"]: row for row in existing_rows(session, "stakeholder")}
        by_name: dict[str, list[dict[str, Any]]] = {}
        for row in people.values():
            by_name.setdefault(row["name"].strip(), []).append(row)
        relations = {row["id"]: row for row in existing_rows(session, "stakeholder_relation")}
        by_link = {(row["source_id"], row["target_id"], row["type"]): row for row in relations.values()}
        positions = {row["stakeholder_id"]: row for row in existing_rows(session, "network_position")}
        return _PlanIndex(people, by_name, relations, by_link, positions)


def _file_id(element_id: str, taken: Mapping[str, object]) -> str | None:
    """The file's own id for a new row when it is a UUID the plan does not use (our exports), else None."""
    return element_id if _UUID.match(element_id) and element_id not in taken else None


def _positions(graph: _FileGraph, own_file: bool, report: ImportReport) -> dict[str, tuple[float, float]]:
    """Where the file places its nodes, in the network map's unit square (y downwards).

    A file of ours (it declares map_x/map_y) gives the map's positions exactly; other files give Gephi's x/y
    (y upwards) or yEd's geometry (y downwards), scaled uniformly into the unit square."""
    found: dict[str, tuple[float, float]] = {}
    for node in graph.nodes.values():
        names = ("map_x", "map_y") if own_file else ("x", "y")
        texts = tuple(node.values.get(name, "").strip() for name in names)
        if not own_file and not all(texts) and node.yed_centre is not None:
            texts = node.yed_centre
        if not any(texts):
            continue
        numbers = [_number(text) for text in texts]
        for name, text, number in zip(names, texts, numbers, strict=True):
            if number is None:
                report.add(node.where, name, _("'{value}' is not a number.").format(value=text))
            elif own_file and not 0.0 <= number <= 1.0:
                report.add(node.where, name, _("The position {value} is outside 0–1.").format(value=text))
        x, y = numbers
        if x is None or y is None:
            continue
        found[node.element_id] = (x, y) if own_file or node.yed_centre == texts else (x, -y)
    if own_file or not found:
        return found
    xs, ys = [x for x, _y in found.values()], [y for _x, y in found.values()]
    span = max(max(xs) - min(xs), max(ys) - min(ys))
    if span <= 0.0:
        return {key: (0.5, 0.5) for key in found}
    left = min(xs) - (span - (max(xs) - min(xs))) / 2
    top = min(ys) - (span - (max(ys) - min(ys))) / 2
    return {key: ((x - left) / span, (y - top) / span) for key, (x, y) in found.items()}


def read_graphml(data: bytes, session: Session, options: ImportOptions) -> tuple[Command | None, ImportReport]:
    """Check a GraphML file against the open plan: the command adding and updating its stakeholders, relations and
    map positions, or None with every problem in the report. The plan itself is not changed.

    Nodes match stakeholders by id (files of ours), else by name (label), else they are new; an edge updates the
    relation with its id or with the same two stakeholders and type, else it is new. An edge naming a node the
    file does not hold, or linking a node to itself, is a problem: no stakeholder is made up for it."""
    report = ImportReport()
    root = parse_xml(data, report)
    if root is None:
        return None, report
    if local_name(root) != "graphml":
        report.add(_("the file"), "", _("This is not a GraphML file: its root element is <{tag}>, not <graphml>.")
                   .format(tag=local_name(root)))
        return None, report
    keys = _key_definitions(root, report)
    if not any(local_name(child) == "graph" for child in root):
        report.add(_("the file"), "", _("The file holds no <graph> element."))
        return None, report
    graph = _read_file_graph(root, keys, report)
    own_file = any(definition.name == "map_x" for definition in keys.values())
    plan = _PlanIndex.read(session)
    lookups = _Lookups.build()
    incoming = IncomingRows()
    stakeholder_ids = _stakeholder_rows(graph, plan, lookups, incoming, report)
    _relation_rows(graph, plan, lookups, stakeholder_ids, incoming, report)
    for node_id, (x, y) in _positions(graph, own_file, report).items():
        stakeholder_id = stakeholder_ids.get(node_id)
        if stakeholder_id is None:
            continue
        where = graph.nodes[node_id].where
        current = plan.positions.get(stakeholder_id)
        if current is not None:
            incoming.update("network_position", current, {"x": x, "y": y}, where)
        else:
            incoming.add("network_position", {"stakeholder_id": stakeholder_id, "x": x, "y": y}, where)
    if not incoming.count() and not report.ok:
        return None, report
    # The sound rows are checked against the plan even when others were not (every problem in one report).
    label = _("Import stakeholder network from {file}").format(file=options.source_name or "GraphML")
    command = import_rows_command(session, incoming, report, label)
    return (command if report.ok else None), report


def _stakeholder_rows(graph: _FileGraph, plan: _PlanIndex, lookups: _Lookups, incoming: IncomingRows,
                      report: ImportReport) -> dict[str, str]:
    """Add or update a stakeholder per node; returns node id → stakeholder id for the nodes read soundly."""
    matched: dict[str, str] = {}  # stakeholder id → the node that matched it
    result: dict[str, str] = {}
    for node in graph.nodes.values():
        values = _stakeholder_values(node, lookups, report)
        if values is None:
            continue
        current = plan.people.get(node.element_id)
        if current is None and "name" in values:
            candidates = plan.by_name.get(values["name"], [])
            if len(candidates) > 1:
                report.add(node.where, "label", _("The label matches {count} stakeholders in the plan; give the "
                                                  "node the id of the one meant.").format(count=len(candidates)))
                continue
            current = candidates[0] if candidates else None
        if current is not None:
            other = matched.get(current["id"])
            if other is not None:
                report.add(node.where, "id", _("This node and node '{other}' both match the stakeholder '{name}' in "
                                               "the plan.").format(other=other, name=current["name"]))
                continue
            matched[current["id"]] = node.element_id
            incoming.update("stakeholder", current, values, node.where)
            result[node.element_id] = current["id"]
            continue
        if "name" not in values:
            report.add(node.where, "label", _("The node has no label; a stakeholder needs a name."))
            continue
        values.setdefault("sector", DEFAULT_SECTOR)
        new_id = _file_id(node.element_id, plan.people)
        row = incoming.add("stakeholder", {"id": new_id, **values} if new_id else values, node.where)
        result[node.element_id] = row["id"]
    return result


def _relation_rows(graph: _FileGraph, plan: _PlanIndex, lookups: _Lookups, stakeholder_ids: Mapping[str, str],
                   incoming: IncomingRows, report: ImportReport) -> None:
    """Add or update a relation per edge; every edge with a missing end or linking a node to itself is reported."""
    updated: set[str] = set()  # relations of the plan an earlier edge already updates
    for edge in graph.edges:
        ends: list[str] = []
        for end_name, node_id in (("source", edge.source), ("target", edge.target)):
            if not node_id:
                report.add(edge.where, end_name, _("The edge names no source node.") if end_name == "source"
                           else _("The edge names no target node."))
            elif node_id in graph.groups:
                report.add(edge.where, end_name, _("Node '{node}' is a group in the file, not a stakeholder.")
                           .format(node=node_id))
            elif node_id not in graph.nodes:
                report.add(edge.where, end_name, _("Node '{node}' is not in the file; no stakeholder is made up for "
                                                   "it.").format(node=node_id))
            else:
                ends.append(node_id)
        if len(ends) < 2:
            continue
        source, target = ends if not edge.reversed else ends[::-1]
        if source == target:
            report.add(edge.where, "target", _("The edge links node '{node}' to itself; a stakeholder cannot have a "
                                               "relation with itself.").format(node=source))
            continue
        values = _relation_values(edge, lookups, report)
        if values is None or source not in stakeholder_ids or target not in stakeholder_ids:
            continue  # the edge's own problems, or its nodes', are reported already
        source_id, target_id = stakeholder_ids[source], stakeholder_ids[target]
        values |= {"source_id": source_id, "target_id": target_id}
        edge_id = edge.values.get("id", "")
        current = plan.relations.get(edge_id)
        if current is None:  # the same two stakeholders and type: that relation, unless an earlier edge took it
            current = plan.by_link.get((source_id, target_id, values.get("type") or "partners"))
            if current is not None and current["id"] in updated:
                current = None
        if current is not None:
            updated.add(current["id"])
            values.pop("notes", None)
            incoming.update("stakeholder_relation", current, values, edge.where)
        else:
            new_id = _file_id(edge_id, plan.relations)
            incoming.add("stakeholder_relation", {"id": new_id, **values} if new_id else values, edge.where)


def _relation_values(edge: _FileEdge, lookups: _Lookups, report: ImportReport) -> dict[str, Any] | None:
    problems = report.problem_count
    values: dict[str, Any] = {"directed": bool(edge.directed)}
    code_text = edge.values.get("type", "").strip()
    if code_text:
        values["type"] = _choice(code_text, lookups.relation_types, v.RELATION_TYPES, edge.where, "type", report)
    else:
        label = next((text.strip() for text in (edge.values.get("type_label"), edge.values.get("edge label"),
                                                edge.values.get("label"), edge.yed_label) if text and text.strip()),
                     "")
        code = lookups.relation_types.get(_normal(label)) if label else None
        if code is not None:
            values["type"] = code
        elif label:
            values["notes"] = label  # a free label is kept as the relation's note; the type stays the default
    weight = next((edge.values[key] for key in ("weight", "strength") if edge.values.get(key, "").strip()), None)
    if weight is not None:
        number = _whole_number(weight)
        if number is None:
            report.add(edge.where, "weight", _("'{value}' is not a whole number.").format(value=weight))
        values["strength"] = number
    return values if report.problem_count == problems else None
