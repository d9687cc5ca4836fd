"""Named versions: cplan versions lists, names and restores the saved versions of a plan."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from planner.cli import main
from planner.merge import lineage
from planner.model import Initiative
from planner.storage import PlanDocument
from planner.versions import list_versions, name_document_version
from tests.planner.merge.test_lineage import edit, sample_file


def two_saves(tmp_path: Path) -> tuple[Path, list[str]]:
    """A plan saved twice: A-01's title 'first' in the older version, 'second' in the newer one."""
    path = sample_file(tmp_path / "plan.cplan")
    edit(path, "A-01", {"title": "first"})
    edit(path, "A-01", {"title": "second"})
    return path, [info.id for info in list_versions(path)]


def title_of(path: Path, code: str) -> str:
    document = PlanDocument.open(path, read_only=True)
    try:
        with document.session() as session:
            return session.execute(select(Initiative.title).where(Initiative.code == code)).scalar_one()
    finally:
        document.close()


def test_list_name_and_restore_through_the_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, (newer, older) = two_saves(tmp_path)
    assert main(["versions", str(path), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)["versions"]
    assert [item["id"] for item in listed] == [newer, older]
    assert [item["content"] for item in listed] == [True, True] and listed[0]["head"] and not listed[1]["head"]

    assert main(["versions", str(path), "name", older[:8], "부서 검토안", "--note", "검토 전"]) == 0
    assert "부서 검토안" in capsys.readouterr().out
    assert main(["versions", str(path)]) == 0
    table = capsys.readouterr().out
    assert "부서 검토안" in table and older[:8] in table
    info = next(item for item in list_versions(path) if item.id == older)
    assert (info.name, info.note) == ("부서 검토안", "검토 전")

    out = tmp_path / "restored.cplan"
    assert main(["versions", str(path), "restore", older, "--out", str(out)]) == 0
    assert title_of(out, "A-01") == "first" and title_of(path, "A-01") == "second"
    # the restored plan equals the version's content, and shares the lineage (names included)
    assert lineage.file_content(out) == lineage.rebuild(older, lineage.read_versions_of(path))
    restored = list_versions(out)
    assert restored[1].id == older and restored[1].name == "부서 검토안" and restored[0].parents == (older,)
    assert newer not in {item.id for item in restored}
    out_merged = tmp_path / "merged.cplan"
    assert main(["merge", str(path), str(out), "--out", str(out_merged)]) in (0, 1)  # a common version is found
    assert main(["versions", str(path), "restore", older, "--out", str(out)]) == 2  # exists: --force needed
    assert "already exists" in capsys.readouterr().err


def test_a_version_without_content_or_an_unknown_id_is_refused(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    path, (newer, older) = two_saves(tmp_path)
    connection = sqlite3.connect(path)
    connection.execute("UPDATE plan_version SET snapshot = NULL, snapshot_of = NULL WHERE id = ?", (older,))
    connection.commit()
    connection.close()
    out = tmp_path / "restored.cplan"
    assert main(["versions", str(path), "--json"]) == 0
    assert [item["content"] for item in json.loads(capsys.readouterr().out)["versions"]] == [True, False]
    assert main(["versions", str(path), "restore", older, "--out", str(out)]) == 2
    assert "no longer kept" in capsys.readouterr().err and not out.exists()
    assert main(["versions", str(path), "restore", "nope", "--out", str(out)]) == 2
    assert "no version nope" in capsys.readouterr().err
    assert main(["versions", str(path), "restore", newer]) == 2
    assert "--out" in capsys.readouterr().err
    assert main(["versions", str(path), "name", newer]) == 2
    assert main(["versions", str(path), "restore", "a"]) == 2  # too short to be a prefix
    assert not out.exists()


def test_a_damaged_snapshot_is_a_clear_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, (newer, _older) = two_saves(tmp_path)
    connection = sqlite3.connect(path)
    connection.execute("UPDATE plan_version SET snapshot = ? WHERE id = ?", (b"junk", newer))
    connection.commit()
    connection.close()
    assert main(["versions", str(path), "restore", newer, "--out", str(tmp_path / "r.cplan")]) == 2
    err = capsys.readouterr().err
    assert "damaged" in err and "Traceback" not in err and not (tmp_path / "r.cplan").exists()


def test_naming_a_version_of_an_open_plan_writes_file_and_working_copy(tmp_path: Path) -> None:
    path, (newer, _older) = two_saves(tmp_path)
    document = PlanDocument.open(path)
    try:
        name_document_version(document, newer, "  최종   보고 ", "의회 보고")
        assert next(item for item in list_versions(document.working_path) if item.id == newer).name == "최종 보고"
        assert next(item for item in list_versions(path) if item.id == newer).note == "의회 보고"
        document.save()  # a later save keeps the name
    finally:
        document.close()
    infos = list_versions(path)
    assert len(infos) == 3 and next(item for item in infos if item.id == newer).name == "최종 보고"
