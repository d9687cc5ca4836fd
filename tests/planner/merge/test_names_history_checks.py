"""What a merge carries beyond the rows: names of versions, both sides' history with one entry for the merge, and
the schedule and guideline findings that only the merged plan has."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from planner.cli import main
from planner.merge import lineage, merge_plans
from planner.merge.lineage import Version, combined_names
from planner.months import YearMonth
from planner.versions import list_versions, name_version
from tests.planner.merge.test_lineage import edit, sample_file
from tests.planner.merge.versions import tables


def history_ids(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return [row_id for (row_id,) in connection.execute("SELECT id FROM change_log")]
    finally:
        connection.close()


def history(path: Path) -> list[tuple[str, str]]:
    connection = sqlite3.connect(path)
    try:
        return list(connection.execute("SELECT command, summary FROM change_log ORDER BY at"))
    finally:
        connection.close()


def names(path: Path) -> dict[str, tuple[str, str]]:
    return {info.id: (info.name, info.note) for info in list_versions(path) if info.name or info.note}


@pytest.fixture
def named_copies(tmp_path: Path) -> tuple[Path, Path, str]:
    """A plan saved once (its version named "v1.0 approved"), copied to ours and theirs."""
    path = sample_file(tmp_path / "plan.cplan")
    edit(path, "A-02", {"title": "공통"})
    (first,) = lineage.read_versions_of(path)
    name_version(path, first, "v1.0 approved", "의회 보고")
    for side in ("ours", "theirs"):
        shutil.copy(path, tmp_path / f"{side}.cplan")
    return tmp_path / "ours.cplan", tmp_path / "theirs.cplan", first


def merge(ours: Path, theirs: Path, out: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, dict]:
    capsys.readouterr()
    code = main(["merge", str(ours), str(theirs), "--out", str(out), "--json", "--lang", "en", *extra])
    return code, json.loads(capsys.readouterr().out)


def test_names_histories_and_new_findings_of_a_cli_merge(named_copies: tuple[Path, Path, str], tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    ours, theirs, first = named_copies
    # alone each is fine; together A-01 starts in 2031 and runs 24 months, past the plan's last year (2031)
    edit(ours, "A-01", {"start_month": YearMonth(2031, 1)})
    edit(theirs, "A-01", {"duration_months": 24})
    edit(theirs, "B-01", {"title": "상대 쪽 제목"})
    name_version(theirs, lineage.heads(lineage.read_versions_of(theirs))[0], "상대 검토안")
    out = tmp_path / "merged.cplan"
    code, report = merge(ours, theirs, out, capsys)
    assert code == 0 and report["clean"]  # no conflict: new findings are reported, never block
    checks = report["checks"]
    assert not checks["clean"] and checks["profile"]
    assert [(item["check"], item["item_label"][:4]) for item in checks["findings"]
            if item["severity"] == "error"] == [("period_in_plan", "A-01")]
    assert [(item["kind"], item["initiative"]) for item in checks["schedule"]] == [
        ("ends_after_plan_period", "A-01"), ("kpi_target_before_finish", "A-01")]  # its KPI's last target: 2031
    # what both sides already had is not reported again: the sample plan breaks other rules on both sides
    assert checks["counts"]["error"] == 1

    # names of versions travel: the shared one, and the one only theirs recorded
    kept = names(out)
    assert kept[first] == ("v1.0 approved", "의회 보고")
    assert ("상대 검토안", "") in kept.values()
    # both sides' history by id, each entry once, plus one entry for the merge
    merged_ids = history_ids(out)
    assert len(merged_ids) == len(set(merged_ids))
    assert set(merged_ids) >= set(history_ids(ours)) | set(history_ids(theirs))
    assert len(merged_ids) == len(set(history_ids(ours)) | set(history_ids(theirs))) + 1
    merges = [summary for command, summary in history(out) if command == "merge_plan"]
    assert merges == ["Merge theirs.cplan into ours.cplan"]

    capsys.readouterr()
    assert main(["merge", str(ours), str(theirs), "--out", str(out), "--force", "--lang", "en"]) == 0
    text = capsys.readouterr().out
    assert "neither side had them): guideline errors 1, warnings " in text and "period_in_plan" not in text
    assert "Error: A-01" in text and "Schedule: A-01 ends in" in text


def test_a_version_named_differently_on_each_side_keeps_ours_and_notes_theirs(
        named_copies: tuple[Path, Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ours, theirs, first = named_copies
    name_version(ours, first, "확정안", "")
    name_version(theirs, first, "검토안", "부서 의견 반영")
    edit(ours, "A-01", {"title": "우리"})
    edit(theirs, "B-01", {"title": "상대"})
    out = tmp_path / "merged.cplan"
    assert merge(ours, theirs, out, capsys)[0] == 0
    assert names(out)[first] == ("확정안", "Also named “검토안”.\n부서 의견 반영")
    # merging again with theirs adds nothing twice; the other order keeps theirs' name
    again = tmp_path / "again.cplan"
    assert merge(out, theirs, again, capsys)[0] == 0
    assert names(again)[first] == ("확정안", "Also named “검토안”.\n부서 의견 반영")
    reverse = tmp_path / "reverse.cplan"
    assert merge(theirs, ours, reverse, capsys)[0] == 0
    assert names(reverse)[first] == ("검토안", "부서 의견 반영\nAlso named “확정안”.")


def test_combined_names_cases() -> None:
    def version(name: str = "", note: str = "") -> Version:
        return Version("v", "2026-01-01 00:00:00.000000", name=name, note=note)

    assert combined_names(version(), version("B", "n")) == ("B", "n")
    assert combined_names(version("A"), version()) == ("A", "")
    assert combined_names(version("A", "n"), version("A", "n")) == ("A", "n")
    assert combined_names(version("", "only a note"), version("B")) == ("B", "only a note")
    assert combined_names(version("A", "x" * 2000), version("B", "y"))[1] == "x" * 2000  # the note's limit


def test_the_history_is_append_only_in_a_merge(versions) -> None:  # type: ignore[no-untyped-def]
    """A side without some of the base's history entries (a department package, a restored version) never
    deletes them; entries both sides have are kept once."""
    base, ours, theirs = tables(versions.base), tables(versions.ours), tables(versions.theirs)
    entry = {"id": "00000000-0000-4000-8000-00000000beef", "at": "2026-01-01T00:00:00", "author": "김담당",
             "command": "update_row", "summary": "과제 수정", "details": {"action": "do"},
             "modified_at": "2026-01-01T00:00:00"}
    assert base["change_log"]
    theirs["change_log"] = []
    ours["change_log"] = [*ours["change_log"], entry]
    result = merge_plans(base, ours, theirs)
    assert result.clean
    assert {row["id"] for row in result.tables["change_log"]} == {row["id"] for row in base["change_log"]} | {entry["id"]}
    assert result.stats["deleted_theirs"] == 0


def test_checks_that_cannot_run_are_reported_and_the_merge_is_still_saved(
        named_copies: tuple[Path, Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from planner.merge import merge_command

    def broken(_path: Path, _merged: object) -> None:
        raise ValueError("profile damaged")

    monkeypatch.setattr(merge_command, "check_merged_file", broken)
    ours, theirs, _first = named_copies
    edit(ours, "A-01", {"title": "우리"})
    out = tmp_path / "merged.cplan"
    code, report = merge(ours, theirs, out, capsys)
    assert code == 0 and out.exists()
    assert report["checks"]["problems"] == ["The checks of the merged plan could not run: profile damaged"]
    assert not report["checks"]["clean"]
