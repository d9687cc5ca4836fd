"""GraphML: the stakeholder network out (Gephi, yEd) and back in, and hostile or broken files refused whole."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree

import pytest
from sqlalchemy import update

import planner.cli as cli
from planner.interchange.formats import ImportOptions
from planner.interchange.graphml import DEFAULT_SECTOR, graphml_document, read_graphml
from planner.interchange.incoming import existing_rows
from planner.model import Stakeholder
from planner.stakeholders.positions import network_positions, set_network_positions_command
from planner.storage.document import PlanDocument
from tests.planner.commands.sample_plan import build_sample_plan

DATA = Path(__file__).parent / "data"
NS = {"g": "http://graphml.graphdrawing.org/xmlns", "y": "http://www.yworks.com/xml/graphml"}
# What GraphML carries of a stakeholder and of a relation (contact and notes stay in the plan).
STAKEHOLDER_FIELDS = ("id", "name", "organisation", "sector", "role", "influence", "interest", "attitude",
                      "engagement", "tags")
RELATION_FIELDS = ("id", "source_id", "target_id", "type", "directed", "strength")


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str]:
    code = cli.main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    assert err == ""
    return code, out


def new_plan(capsys: pytest.CaptureFixture[str], path: Path) -> Path:
    assert run(capsys, "new", path, "--title", "빈 계획", "--start-year", "2027", "--end-year", "2031")[0] == 0
    return path


def carried(path: Path) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]], dict[str, tuple[float, float]]]:
    document = PlanDocument.open(path)
    try:
        with document.session() as session:
            people = sorted(tuple(row[name] for name in STAKEHOLDER_FIELDS)
                            for row in existing_rows(session, "stakeholder"))
            relations = sorted(tuple(row[name] for name in RELATION_FIELDS)
                               for row in existing_rows(session, "stakeholder_relation"))
            return people, relations, network_positions(session)
    finally:
        document.close()


def read(data: bytes, path: Path) -> tuple[object, object]:
    document = PlanDocument.open(path)
    try:
        with document.session() as session:
            return read_graphml(data, session, ImportOptions(source_name="net.graphml"))
    finally:
        document.close()


def import_into(path: Path, source: Path) -> None:
    document = PlanDocument.open(path)
    try:
        with document.session() as session:
            command, report = read_graphml(source.read_bytes(), session, ImportOptions(source_name=source.name))
        assert command is not None and report.ok, report.lines()
        document.apply(command)
        document.save()
    finally:
        document.close()


def demo_with_positions(capsys: pytest.CaptureFixture[str], path: Path) -> Path:
    assert run(capsys, "demo", path, "--lang", "ko")[0] == 0
    document = PlanDocument.open(path)
    with document.session() as session:
        ids = sorted(row["id"] for row in existing_rows(session, "stakeholder"))
        command = set_network_positions_command(session, {ids[0]: (0.125, 0.875), ids[1]: (1.0, 0.0),
                                                          ids[2]: (0.333333333333, 0.5)})
    document.apply(command)
    document.save()
    document.close()
    return path


def test_demo_network_round_trips_through_graphml_exactly(capsys: pytest.CaptureFixture[str],
                                                          tmp_path: Path) -> None:
    source = demo_with_positions(capsys, tmp_path / "demo.cplan")
    code, out = run(capsys, "export", source, "--to", tmp_path / "net.graphml", "--lang", "ko")
    assert code == 0 and "35" in out and "30" in out
    target = new_plan(capsys, tmp_path / "fresh.cplan")
    code, out = run(capsys, "import", tmp_path / "net.graphml", "--into", target)
    assert code == 0, out
    assert carried(target) == carried(source)
    # A second import of the same file updates every row in place: nothing is added twice.
    assert run(capsys, "import", tmp_path / "net.graphml", "--into", target)[0] == 0
    assert carried(target) == carried(source)


def test_export_declares_typed_keys_and_keeps_korean_text(capsys: pytest.CaptureFixture[str],
                                                          tmp_path: Path) -> None:
    source = demo_with_positions(capsys, tmp_path / "demo.cplan")
    assert run(capsys, "export", source, "--to", tmp_path / "net.graphml", "--lang", "ko")[0] == 0
    data = (tmp_path / "net.graphml").read_bytes()
    root = ElementTree.fromstring(data)
    keys = {key.get("id"): (key.get("for"), key.get("attr.name"), key.get("attr.type"), key.get("yfiles.type"))
            for key in root.findall("g:key", NS)}
    assert keys["label"] == ("node", "label", "string", None)
    assert keys["influence"] == ("node", "influence", "int", None)
    assert keys["map_x"] == ("node", "map_x", "double", None)
    assert keys["weight"] == ("edge", "weight", "int", None)
    assert keys["yed_node"] == ("node", None, None, "nodegraphics")
    graph = root.find("g:graph", NS)
    assert graph is not None and graph.get("edgedefault") == "directed"
    nodes = graph.findall("g:node", NS)
    edges = graph.findall("g:edge", NS)
    assert (len(nodes), len(edges)) == (35, 30)
    assert {edge.get("directed") for edge in edges} == {"true", "false"}  # per edge: the demo has both
    labels = {node.findtext("g:data[@key='label']", namespaces=NS) for node in nodes}
    assert "과학기술정보통신부" in labels
    assert {node.findtext("g:data[@key='sector_label']", namespaces=NS) for node in nodes} >= {"중앙정부", "민간기업"}
    yed_labels = {label.text for label in graph.iterfind(".//y:NodeLabel", NS)}
    assert yed_labels == labels
    placed = [node for node in nodes if node.find("g:data[@key='map_x']", NS) is not None]
    assert len(placed) == 3  # only the saved positions; every node has Gephi's x/y
    assert all(node.find("g:data[@key='x']", NS) is not None for node in nodes)


def test_gephi_file_imports_with_its_labels_weights_and_directions(capsys: pytest.CaptureFixture[str],
                                                                   tmp_path: Path) -> None:
    plan = new_plan(capsys, tmp_path / "p.cplan")
    import_into(plan, DATA / "gephi_network.graphml")
    document = PlanDocument.open(plan)
    with document.session() as session:
        people = {row["name"]: row for row in existing_rows(session, "stakeholder")}
        relations = existing_rows(session, "stakeholder_relation")
        positions = network_positions(session)
    document.close()
    assert set(people) == {"해담군청 스마트정보과", "행정안전부", "해담 마을공동체"}
    assert people["해담군청 스마트정보과"]["sector"] == "local_government"  # its Korean label
    assert people["행정안전부"]["sector"] == "central_government"  # its code
    assert people["해담 마을공동체"]["sector"] == DEFAULT_SECTOR  # Gephi gave none
    names = {row["id"]: name for name, row in people.items()}
    by_pair = {(names[row["source_id"]], names[row["target_id"]]): row for row in relations}
    funding = by_pair[("행정안전부", "해담군청 스마트정보과")]
    assert (funding["type"], funding["directed"], funding["strength"]) == ("funds", True, 4)
    meeting = by_pair[("해담군청 스마트정보과", "해담 마을공동체")]
    assert (meeting["type"], meeting["directed"], meeting["strength"]) == ("partners", False, 1)
    assert meeting["notes"] == "주민설명회 공동 개최"  # a label that is no relation type is kept as the note
    # Gephi's y points up: the node at y=-300 is at the bottom of the map; the square keeps the proportions.
    ids = {name: row["id"] for name, row in people.items()}
    assert positions[ids["해담군청 스마트정보과"]] == pytest.approx((0.0, 0.0))
    assert positions[ids["행정안전부"]] == pytest.approx((1.0, 0.0))
    assert positions[ids["해담 마을공동체"]] == pytest.approx((0.5, 1.0))


def test_yed_file_imports_labels_groups_and_arrows(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    plan = new_plan(capsys, tmp_path / "p.cplan")
    import_into(plan, DATA / "yed_network.graphml")
    document = PlanDocument.open(plan)
    with document.session() as session:
        names = {row["id"]: row["name"] for row in existing_rows(session, "stakeholder")}
        relations = {(names[row["source_id"]], names[row["target_id"]]): row
                     for row in existing_rows(session, "stakeholder_relation")}
        positions = {names[key]: point for key, point in network_positions(session).items()}
    document.close()
    # The group "주민 협의체" is not a stakeholder; its two members are.
    assert sorted(names.values()) == ["노인회", "청년회", "해담군청", "해담대학교 산학협력단"]
    advice = relations[("해담대학교 산학협력단", "해담군청")]
    assert (advice["type"], advice["directed"]) == ("advises", True)  # yEd's edge label 자문
    assert relations[("해담군청", "노인회")]["directed"] is True  # the arrow was drawn at the source end
    assert relations[("노인회", "청년회")]["directed"] is False  # no arrow at either end
    # Centres of yEd's geometry (y downwards), scaled by the wider side and centred in the unit square.
    assert positions["해담군청"] == pytest.approx((0.0, 92.5 / 400))
    assert positions["해담대학교 산학협력단"] == pytest.approx((1.0, 92.5 / 400))
    assert positions["노인회"] == pytest.approx((120 / 400, 307.5 / 400))


def test_a_node_matches_a_stakeholder_of_the_plan_by_name(tmp_path: Path) -> None:
    build_sample_plan(tmp_path / "p.cplan").engine.dispose()
    data = b"""<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">
      <key id="k0" for="node" attr.name="label" attr.type="string"/>
      <key id="k1" for="node" attr.name="influence" attr.type="int"/>
      <graph edgedefault="directed">
        <node id="a"><data key="k0">\xeb\x88\x84\xeb\xa6\xac \xec\x86\x8c\xed\x94\x84\xed\x8a\xb8</data>
          <data key="k1">5</data></node>
      </graph></graphml>"""  # 누리 소프트, a stakeholder of the sample plan
    command, report = read(data, tmp_path / "p.cplan")
    assert report.ok, report.lines()  # type: ignore[attr-defined]
    document = PlanDocument.open(tmp_path / "p.cplan")
    with document.session() as session:
        assert command.summary(session) == {"stakeholder": (0, 1)}  # type: ignore[attr-defined]
    document.apply(command)  # type: ignore[arg-type]
    with document.session() as session:
        row = next(row for row in existing_rows(session, "stakeholder") if row["name"] == "누리 소프트")
    document.close()
    assert (row["influence"], row["sector"], row["interest"]) == (5, "private_company", 4)  # the rest kept


HOSTILE = {
    "xxe": (b'<?xml version="1.0"?><!DOCTYPE g [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b'<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph><node id="&x;"/></graph></graphml>',
            "entit"),
    "billion laughs": (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                       b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
                       b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
                       b'<graphml><graph><node id="&lol3;"/></graph></graphml>', "entit"),
    "quadratic blowup": (b'<?xml version="1.0"?><!DOCTYPE g [<!ENTITY a "' + b"x" * 50_000 + b'">]><graphml><graph>'
                         + b'<node id="n"><data key="label">' + b"&a;" * 2_000 + b"</data></node></graph></graphml>",
                         "entit"),
    "not xml": (b"\x00\x01 this is not xml", "well-formed"),
    "not graphml": (b'<?xml version="1.0"?><gexf><graph/></gexf>', "not a GraphML file"),
    "no graph": (b'<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns"/>', "no <graph>"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_and_foreign_files_are_refused_and_the_plan_file_is_unchanged(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str) -> None:
    data, expected = HOSTILE[name]
    source = tmp_path / "bad.graphml"
    source.write_bytes(data)
    plan = tmp_path / "p.cplan"
    build_sample_plan(plan).engine.dispose()
    before = plan.read_bytes()
    code, out = run(capsys, "import", source, "--into", plan, "--json")
    report = json.loads(out)
    assert code == 2 and not report["ok"] and not report["imported"]
    assert expected in " ".join(problem["message"] for problem in report["problems"])
    assert plan.read_bytes() == before


BROKEN = b"""<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="label" attr.type="string"/>
  <key id="d1" for="node" attr.name="influence" attr.type="string"/>
  <key id="d2" for="node" attr.name="sector" attr.type="string"/>
  <key id="d3" for="edge" attr.name="weight" attr.type="double"/>
  <graph edgedefault="directed">
    <node id="n1"><data key="d0">A</data><data key="d1">high</data></node>
    <node id="n2"><data key="d0">B</data><data key="d2">space agency</data></node>
    <node id="n2"><data key="d0">B again</data></node>
    <node id="n3"><data key="d0">C</data><data key="d1">9</data></node>
    <node id="n4"/>
    <edge id="e5" source="n3" target="n3"/>
    <edge id="e6" source="n3" target="n2"><data key="d3">2.5</data></edge>
    <edge id="e7" source="n3" target="ghost"/>
    <edge id="e8" target="n3"/>
  </graph>
</graphml>
"""


def test_every_problem_is_reported_by_element_id_and_no_stakeholder_is_invented(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = tmp_path / "net.graphml"
    source.write_bytes(BROKEN)
    plan = tmp_path / "p.cplan"
    build_sample_plan(plan).engine.dispose()
    before = plan.read_bytes()
    code, out = run(capsys, "import", source, "--into", plan, "--json")
    report = json.loads(out)
    assert code == 2 and not report["imported"]
    found = {(problem["where"], problem["field"]) for problem in report["problems"]}
    assert ("node n1", "influence") in found  # "high" is not a number
    assert ("node n2", "sector") in found  # not a sector
    assert ("node n2", "id") in found  # the second node n2
    assert ("node n3", "influence") in found  # 9 is out of range (checked with the plan's own rules)
    assert ("node n4", "label") in found  # a new stakeholder needs a name
    assert ("edge e5", "target") in found  # self-loop
    assert ("edge e6", "weight") in found  # 2.5 is no whole strength
    assert ("edge e7", "target") in found
    assert ("edge e8", "source") in found  # no source at all
    dangling = next(problem["message"] for problem in report["problems"] if problem["where"] == "edge e7")
    assert "'ghost'" in dangling and "no stakeholder is made up" in dangling
    assert plan.read_bytes() == before
    command, checked = read(BROKEN, plan)
    assert command is None and not checked.ok  # type: ignore[attr-defined]


def test_a_dangling_edge_alone_refuses_the_file(tmp_path: Path) -> None:
    build_sample_plan(tmp_path / "p.cplan").engine.dispose()
    data = b"""<graphml><key id="l" for="node" attr.name="label"/><graph>
      <node id="a"><data key="l">A</data></node><edge id="e7" source="a" target="b"/></graph></graphml>"""
    command, report = read(data, tmp_path / "p.cplan")
    assert command is None
    assert report.lines() == [  # type: ignore[attr-defined]
        "edge e7 [target]: Node 'b' is not in the file; no stakeholder is made up for it."]


def test_export_writes_well_formed_xml_for_any_text_and_replaces_the_target_whole(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    plan = tmp_path / "p.cplan"
    sample = build_sample_plan(plan)
    hostile = 'A & B <b>"quoted"</b> \x01\x0b ]]> 한글'
    sample.run(lambda session: session.execute(update(Stakeholder.__table__).values(role=hostile)))
    sample.engine.dispose()
    target = tmp_path / "net.graphml"
    target.write_bytes(b"old")
    assert run(capsys, "export", plan, "--to", target)[0] == 0
    root = ElementTree.fromstring(target.read_bytes())
    roles = {node.findtext("g:data[@key='role']", namespaces=NS) for node in root.iter(f"{{{NS['g']}}}node")}
    assert roles == {'A & B <b>"quoted"</b>    ]]> 한글'}
    assert not list(tmp_path.glob(".net.graphml.*"))  # no temporary file left beside it


def test_dry_run_reports_the_counts_and_writes_nothing(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    plan = new_plan(capsys, tmp_path / "p.cplan")
    before = plan.read_bytes()
    code, out = run(capsys, "import", DATA / "yed_network.graphml", "--into", plan, "--dry-run", "--json")
    report = json.loads(out)
    assert code == 0 and report["ok"] and report["dry_run"] and not report["imported"]
    assert report["counts"] == {"stakeholder": 4, "stakeholder_relation": 3, "network_position": 4}
    assert plan.read_bytes() == before


def test_graphml_document_counts_what_it_writes(tmp_path: Path) -> None:
    build_sample_plan(tmp_path / "p.cplan").engine.dispose()
    document = PlanDocument.open(tmp_path / "p.cplan")
    with document.session() as session:
        data, people, relations = graphml_document(session, "en")
    document.close()
    assert (people, relations) == (3, 1)
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    assert "해담군청 디지털정책과".encode() in data


def test_groups_huge_numbers_and_hyperedges_are_reported_not_guessed(tmp_path: Path) -> None:
    build_sample_plan(tmp_path / "p.cplan").engine.dispose()
    huge = b"9" * 5000  # beyond Python's int() digit limit: reported, never a crash
    data = b"""<graphml><key id="l" for="node" attr.name="label"/><key id="i" for="node" attr.name="influence"/>
      <graph><node id="a"><data key="l">A</data><data key="i">""" + huge + b"""</data></node>
        <node id="g"><graph><node id="g::b"><data key="l">B</data></node></graph></node>
        <edge id="e1" source="g::b" target="g"/>
        <hyperedge id="h1"><endpoint node="a"/><endpoint node="g::b"/></hyperedge>
      </graph></graphml>"""
    command, report = read(data, tmp_path / "p.cplan")
    assert command is None
    lines = report.lines()  # type: ignore[attr-defined]
    assert any(line.startswith("node a [influence]: '999") and "is not a whole number" in line for line in lines)
    assert "edge e1 [target]: Node 'g' is a group in the file, not a stakeholder." in lines
    assert any(line.startswith("hyperedge h1:") for line in lines)
    assert len(lines) == 3
