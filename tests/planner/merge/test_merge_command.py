"""`cplan merge`: a clean merge exits 0 with a sound plan, conflicts exit 1 and are recorded in the plan, bad input
exits 2 with nothing written, and the merged files are only ever read."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import insert, select

from planner.cli import main
from planner.interchange.plan_json import plan_to_json
from planner.model import MergeConflict, Plan, new_id, utc_now
from planner.months import YearMonth
from planner.storage import SCHEMA_VERSION, PlanDocument, make_engine, validate_plan_file
from planner.storage.migrate import upgrade_connection
from tests.planner.merge.conftest import ThreeVersions
from tests.planner.merge.versions import add, update


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def merge(versions: ThreeVersions, out: Path, *options: str) -> int:
    for plan in (versions.base, versions.ours, versions.theirs):
        plan.engine.dispose()
    paths = versions.paths
    return main(["merge", str(paths["base"]), str(paths["ours"]), str(paths["theirs"]), "--out", str(out), *options])


def opened_tables(path: Path) -> dict[str, list[dict]]:
    document = PlanDocument.open(path, read_only=True)
    try:
        with document.session() as session:
            return plan_to_json(session)["tables"]
    finally:
        document.close()


def test_a_clean_merge_exits_0_and_writes_a_sound_plan_with_both_sides_changes(
        versions: ThreeVersions, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    update(versions.ours, "initiative", "i1", title="우리 제목")
    milestone = add(versions.theirs, "milestone", "m_new", initiative_id="i2", title="완료 보고",
                    month=YearMonth(2028, 6))
    out = tmp_path / "merged.cplan"

    assert merge(versions, out) == 0

    printed = capsys.readouterr().out
    assert "No conflicts." in printed and "From ours: 0 added, 1 changed, 0 deleted" in printed
    assert "From theirs: 1 added, 0 changed, 0 deleted" in printed
    assert validate_plan_file(out).schema_version == SCHEMA_VERSION
    assert main(["verify", str(out)]) == 0
    merged = opened_tables(out)
    assert {row["id"]: row["title"] for row in merged["initiative"]}[versions.ids["i1"]] == "우리 제목"
    assert milestone in {row["id"] for row in merged["milestone"]}
    assert [record["id"] for record in merged["merge_conflict"]] == [versions.ids["mc1"]]  # the sample's own


def test_conflicts_exit_1_and_are_recorded_in_the_merged_plan(
        versions: ThreeVersions, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    update(versions.ours, "initiative", "i1", title="우리 제목")
    update(versions.theirs, "initiative", "i1", title="그쪽 제목")
    sources = {side: digest(path) for side, path in versions.paths.items()}
    out = tmp_path / "merged.cplan"

    assert merge(versions, out) == 1

    printed = capsys.readouterr().out
    assert "Conflicts (1): same field changed differently 1" in printed
    assert "AI 돌봄 로봇" in printed and "우리 제목" in printed and "그쪽 제목" in printed
    assert {side: digest(path) for side, path in versions.paths.items()} == sources  # only ever read
    merged = opened_tables(out)
    assert {row["id"]: row["title"] for row in merged["initiative"]}[versions.ids["i1"]] == "우리 제목"
    (record,) = [record for record in merged["merge_conflict"] if record["id"] != versions.ids["mc1"]]
    assert (record["conflict_type"], record["item_kind"], record["item_id"], record["field_name"], record["kept"]) == (
        "field", "initiative", versions.ids["i1"], "title", "ours")
    assert record["conflict_key"] == f"field:initiative:{versions.ids['i1']}:title"
    assert record["sides"]["ours"] == {"text": "우리 제목", "value": "우리 제목"}
    assert record["sides"]["theirs"] == {"text": "그쪽 제목", "value": "그쪽 제목"}
    assert record["sources"] == "base.cplan | ours.cplan | theirs.cplan"

    again = tmp_path / "theirs-first.cplan"
    assert merge(versions, again, "--prefer", "theirs", "--json") == 1
    report = json.loads(capsys.readouterr().out)
    assert report["clean"] is False and report["conflict_counts"] == {"field": 1}
    (conflict,) = report["conflicts"]
    assert (conflict["kept"], conflict["texts"]["base"], conflict["values"]["theirs"]) == (
        "theirs", "AI 돌봄 로봇", "그쪽 제목")
    assert {row["id"]: row["title"] for row in opened_tables(again)["initiative"]}[versions.ids["i1"]] == "그쪽 제목"


def test_a_plan_merged_before_keeps_its_recorded_conflicts(versions: ThreeVersions, tmp_path: Path) -> None:
    update(versions.ours, "initiative", "i1", title="우리 제목")
    update(versions.theirs, "initiative", "i1", title="그쪽 제목")
    first = tmp_path / "first.cplan"
    assert merge(versions, first) == 1
    second = tmp_path / "second.cplan"
    paths = versions.paths
    assert main(["merge", str(paths["ours"]), str(first), str(paths["ours"]), "--out", str(second)]) == 0
    assert len(opened_tables(second)["merge_conflict"]) == 2  # the sample's own and the first merge's


def _write_version_6_plan(path: Path) -> None:
    engine = make_engine(path)
    try:
        with engine.begin() as connection:
            upgrade_connection(connection, "0006")
            connection.execute(insert(Plan.__table__).values(id=new_id(), modified_at=utc_now(), title="옛 계획",
                                                             start_year=2027, end_year=2030))
    finally:
        engine.dispose()


def test_files_of_an_older_format_are_merged_as_the_app_opens_them(tmp_path: Path) -> None:
    base = tmp_path / "base.cplan"
    _write_version_6_plan(base)
    assert validate_plan_file(base).schema_version == 6
    ours, theirs = tmp_path / "ours.cplan", tmp_path / "theirs.cplan"
    ours.write_bytes(base.read_bytes())
    theirs.write_bytes(base.read_bytes())
    document = PlanDocument.open(ours)
    try:
        with document.session() as session:
            plan_id = session.execute(select(Plan.id)).scalar_one()
        from planner.commands import UpdateRow

        document.apply(UpdateRow("plan", plan_id, {"vision": "함께 여는 AI 마을"}))
        document.save()
    finally:
        document.close()
    before = digest(theirs)
    out = tmp_path / "merged.cplan"

    assert main(["merge", str(base), str(ours), str(theirs), "--out", str(out)]) == 0

    assert validate_plan_file(out).schema_version == SCHEMA_VERSION and digest(theirs) == before
    assert opened_tables(out)["plan"][0]["vision"] == "함께 여는 AI 마을"


def _not_a_plan(folder: Path, versions: ThreeVersions) -> list[str]:
    junk = folder / "notes.cplan"
    junk.write_text("회의 메모", encoding="utf-8")
    return [str(versions.paths["base"]), str(junk), str(versions.paths["theirs"])]


def _empty(folder: Path, versions: ThreeVersions) -> list[str]:
    empty = folder / "empty.cplan"
    empty.write_bytes(b"")
    return [str(versions.paths["base"]), str(versions.paths["ours"]), str(empty)]


def _missing(folder: Path, versions: ThreeVersions) -> list[str]:
    return [str(folder / "nowhere.cplan"), str(versions.paths["ours"]), str(versions.paths["theirs"])]


def _unrelated(folder: Path, versions: ThreeVersions) -> list[str]:
    other = folder / "other.cplan"
    assert main(["new", str(other), "--title", "다른 계획", "--start-year", "2027", "--end-year", "2030"]) == 0
    return [str(versions.paths["base"]), str(other), str(versions.paths["theirs"])]


def _planted_trigger(folder: Path, versions: ThreeVersions) -> list[str]:
    hostile = folder / "hostile.cplan"
    hostile.write_bytes(versions.paths["theirs"].read_bytes())
    connection = sqlite3.connect(hostile)
    connection.execute("CREATE TRIGGER wipe AFTER INSERT ON initiative BEGIN DELETE FROM budget_line; END")
    connection.commit()
    connection.close()
    return [str(versions.paths["base"]), str(versions.paths["ours"]), str(hostile)]


def _newer(folder: Path, versions: ThreeVersions) -> list[str]:
    newer = folder / "newer.cplan"
    newer.write_bytes(versions.paths["ours"].read_bytes())
    connection = sqlite3.connect(newer)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.commit()
    connection.close()
    return [str(versions.paths["base"]), str(newer), str(versions.paths["theirs"])]


BAD_INPUTS = {"not a plan": (_not_a_plan, "not a Convergence Planner plan"), "empty": (_empty, "empty"),
              "missing": (_missing, "does not exist"), "unrelated": (_unrelated, "not versions of the same plan"),
              "planted trigger": (_planted_trigger, "trigger 'wipe'"), "newer": (_newer, "newer version")}


@pytest.mark.parametrize("case", BAD_INPUTS)
def test_bad_input_exits_2_with_a_clear_message_and_nothing_written(
        case: str, versions: ThreeVersions, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    build, words = BAD_INPUTS[case]
    arguments = build(folder, versions)
    out = tmp_path / "out" / "merged.cplan"
    out.parent.mkdir()
    for plan in (versions.base, versions.ours, versions.theirs):
        plan.engine.dispose()

    assert main(["merge", *arguments, "--out", str(out)]) == 2

    error = capsys.readouterr().err
    assert words in error and "Traceback" not in error and len(error.strip().splitlines()) == 1
    assert list(out.parent.iterdir()) == []


def test_unrelated_plans_merge_when_asked(versions: ThreeVersions, tmp_path: Path) -> None:
    arguments = _unrelated(tmp_path, versions)
    out = tmp_path / "merged.cplan"
    versions.base.engine.dispose()
    assert main(["merge", *arguments, "--out", str(out), "--allow-unrelated"]) in (0, 1)
    assert main(["verify", str(out)]) == 0


def test_the_output_never_replaces_a_merged_file_and_an_existing_one_only_with_force(
        versions: ThreeVersions, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ours = versions.paths["ours"]
    before = digest(ours)
    assert merge(versions, ours, "--force") == 2
    assert "one of the files being merged" in capsys.readouterr().err and digest(ours) == before

    existing = tmp_path / "existing.cplan"
    existing.write_bytes(b"keep me")
    assert merge(versions, existing) == 2
    assert "--force" in capsys.readouterr().err and existing.read_bytes() == b"keep me"
    assert merge(versions, existing, "--force") == 0
    assert validate_plan_file(existing).title == "해담군 AI 융합 계획"


def test_the_merge_conflict_kind_is_part_of_every_new_plan(tmp_path: Path) -> None:
    path = tmp_path / "plan.cplan"
    assert main(["new", str(path), "--title", "계획", "--start-year", "2027", "--end-year", "2030"]) == 0
    engine = make_engine(path)
    try:
        with engine.connect() as connection:
            assert connection.execute(select(MergeConflict.__table__)).all() == []
    finally:
        engine.dispose()
