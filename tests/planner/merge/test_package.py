"""Department packages: one field out, edited elsewhere, merged back; rows it never held are not deleted."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from planner.cli import main
from planner.commands import AddRow, DeleteRows, UpdateRow
from planner.merge import lineage
from planner.merge.package import PackageError, package_tables
from planner.model import Initiative
from planner.months import YearMonth
from planner.storage import PlanDocument
from planner.versions import list_versions, name_version


def rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(path)
    try:
        return list(connection.execute(sql))
    finally:
        connection.close()


def edit(path: Path, *changes: tuple[str, str, dict[str, object] | None]) -> None:
    document = PlanDocument.open(path)
    try:
        with document.session() as session:
            ids = dict(session.execute(select(Initiative.code, Initiative.id)).all())
        for kind, code, values in changes:
            if kind == "delete":
                document.apply(DeleteRows("initiative", [ids[code]]))
            elif kind == "milestone":
                document.apply(AddRow("milestone", {"initiative_id": ids[code], **(values or {})}))
            else:
                document.apply(UpdateRow("initiative", ids[code], values or {}))
        document.save()
    finally:
        document.close()


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    assert main(["demo", str(tmp_path / "plan.cplan"), "--lang", "ko"]) == 0
    return tmp_path / "plan.cplan"


def test_a_package_holds_one_field_with_what_it_refers_to(demo: Path) -> None:
    plan = lineage.read_plan_file(demo)
    package = package_tables(plan.tables, "C")
    fields = {row["id"]: row["code"] for row in plan.tables["field"]}
    assert {fields[row["field_id"]] for row in package.tables["initiative"]} == {"C"}
    codes = {row["id"] for row in package.tables["initiative"]}
    assert all(row["predecessor_id"] in codes and row["successor_id"] in codes for row in package.tables["dependency"])
    stakeholders = {row["id"] for row in package.tables["stakeholder"]}
    assert all(row["stakeholder_id"] in stakeholders for row in package.tables["raci_role"])
    assert all(row["initiative_id"] in codes for row in package.tables["budget_line"])
    assert len(package.tables["plan"]) == 1 and package.tables["narrative_section"] == []
    with pytest.raises(PackageError, match="Z"):
        package_tables(plan.tables, "Z")


def test_two_department_round_trip_by_files(demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The acceptance: two packages out, each edited by its department, merged back one after the other; the
    centre's own edits meanwhile are kept, and nothing outside a package is deleted."""
    before = rows(demo, "SELECT code, title FROM initiative")
    (approved,) = lineage.read_versions_of(demo)
    name_version(demo, approved, "v1.0 approved", "군수 결재")
    assert main(["package", str(demo), "--field", "C", "--out", str(tmp_path / "care.cplan")]) == 0
    assert main(["package", str(demo), "--field", "B", "--out", str(tmp_path / "safety.cplan")]) == 0
    assert lineage.scope_of(lineage.read_versions_of(tmp_path / "care.cplan"))["field"] == "C"
    edit(tmp_path / "care.cplan", ("update", "C-01", {"title": "돌봄 부서가 고친 제목"}), ("delete", "C-04", None),
         ("milestone", "C-02", {"title": "돌봄 점검", "month": YearMonth(2028, 3)}))
    edit(tmp_path / "safety.cplan", ("update", "B-01", {"progress": 66}))
    edit(demo, ("update", "A-01", {"title": "본청이 고친 제목"}))
    capsys.readouterr()
    assert main(["merge", str(demo), str(tmp_path / "care.cplan"), "--out", str(tmp_path / "step1.cplan"),
                 "--json", "--prefer", "theirs"]) == 1
    report = json.loads(capsys.readouterr().out)
    # C-04 was deleted in the package, but the centre's plan links it with A-06 and A-07 (another field, so never
    # in the package): reported, not silently lost; with theirs preferred the deletion stands
    assert sorted((conflict["type"], conflict["label"]) for conflict in report["conflicts"]) == [
        ("deleted_parent", "A-06 → C-04"), ("deleted_parent", "C-04 → A-07")]
    assert report["stats"]["deleted_theirs"] > 0
    assert main(["merge", str(tmp_path / "step1.cplan"), str(tmp_path / "safety.cplan"), "--out",
                 str(tmp_path / "final.cplan")]) == 0
    final = dict(rows(tmp_path / "final.cplan", "SELECT code, title FROM initiative"))
    assert final["C-01"] == "돌봄 부서가 고친 제목" and final["A-01"] == "본청이 고친 제목" and "C-04" not in final
    assert set(final) == {code for code, _title in before} - {"C-04"}
    # the named version travels out in both packages and back into the merged plan
    for path in ("care.cplan", "safety.cplan", "step1.cplan", "final.cplan"):
        named = {info.id: (info.name, info.note) for info in list_versions(tmp_path / path)}
        assert named[approved] == ("v1.0 approved", "군수 결재"), path
    # every department's and the centre's history, each entry once, and one entry per merge
    history = rows(tmp_path / "final.cplan", "SELECT id, command FROM change_log")
    assert len(history) == len({row_id for row_id, _command in history})
    assert {row_id for row_id, _command in history} >= {
        row_id for path in (demo, tmp_path / "care.cplan", tmp_path / "safety.cplan")
        for (row_id,) in rows(path, "SELECT id FROM change_log")}
    assert [command for _row_id, command in history].count("merge_plan") == 2
    edits = rows(tmp_path / "final.cplan", "SELECT count(*) FROM change_log WHERE command != 'merge_plan'")
    assert edits == [(len(rows(demo, "SELECT id FROM change_log")) + 4,)]  # centre 1, care 3 (+ demo's own)
    assert rows(tmp_path / "final.cplan", "SELECT progress FROM initiative WHERE code = 'B-01'") == [(66,)]
    assert rows(tmp_path / "final.cplan", "SELECT count(*) FROM milestone WHERE title = '돌봄 점검'") == [(1,)]
    # sections, budget totals and other fields' rows, never in either package, are all still there
    for table in ("narrative_section", "budget_total", "stakeholder", "funding_rule"):
        assert rows(tmp_path / "final.cplan", f"SELECT count(*) FROM {table}") == rows(demo, f"SELECT count(*) FROM {table}")


def test_package_of_an_unknown_field_writes_nothing(demo: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["package", str(demo), "--field", "Q", "--out", str(tmp_path / "q.cplan"), "--lang", "en"]) == 2
    assert "no field with the code Q" in capsys.readouterr().err
    assert not (tmp_path / "q.cplan").exists()
