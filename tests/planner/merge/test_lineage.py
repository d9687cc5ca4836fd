"""Lineage: every save records a version; two files that share one merge without the base file."""

from __future__ import annotations

import json
import shutil
import sqlite3
import zlib
from pathlib import Path

import pytest
from sqlalchemy import select

from planner.cli import main
from planner.commands import DeleteRows, UpdateRow
from planner.merge import lineage
from planner.model import Initiative
from planner.storage import PlanDocument
from tests.planner.commands.sample_plan import build_sample_plan


def sample_file(path: Path) -> Path:
    build_sample_plan(path).engine.dispose()
    return path


def versions(path: Path) -> lineage.Versions:
    return lineage.read_versions_of(path)


def edit(path: Path, code: str, values: dict[str, object] | None, *, save_as: Path | None = None) -> None:
    document = PlanDocument.open(path)
    try:
        with document.session() as session:
            row_id = session.execute(select(Initiative.id).where(Initiative.code == code)).scalar_one()
        document.apply(DeleteRows("initiative", [row_id]) if values is None else UpdateRow("initiative", row_id, values))
        document.save_as(save_as) if save_as else document.save()
    finally:
        document.close()


def titles(path: Path) -> dict[str, str]:
    connection = sqlite3.connect(path)
    try:
        return dict(connection.execute("SELECT code, title FROM initiative"))
    finally:
        connection.close()


def test_each_save_and_save_as_records_a_version_descending_from_the_last(tmp_path: Path) -> None:
    path = sample_file(tmp_path / "plan.cplan")
    assert versions(path) == {}  # a file written before lineage (here: by the test's builder) records none
    edit(path, "A-01", {"title": "첫 저장"})
    (first,) = versions(path).values()
    assert first.parents == () and first.whole and first.author
    edit(path, "A-01", {"title": "두 번째"})
    edit(path, "A-02", {"title": "다른 이름으로"}, save_as=tmp_path / "copy.cplan")
    chain = versions(tmp_path / "copy.cplan")
    assert len(chain) == 3
    (head,) = lineage.heads(chain)
    second = chain[chain[head].parents[0]]
    assert second.parents == (first.id,)
    # only the newest version is stored whole; older ones as the changes back from their successor
    assert [version.whole for version in (chain[first.id], second, chain[head])] == [False, False, True]
    assert lineage.rebuild(first.id, chain)["initiative"] != lineage.rebuild(head, chain)["initiative"]
    rebuilt = {row["code"]: row["title"] for row in lineage.rebuild(first.id, chain)["initiative"]}
    assert rebuilt["A-01"] == "첫 저장"
    # the working copy knew each saved version: the plain file also holds the chain
    assert set(versions(path)) == {first.id, second.id}


def test_files_made_by_the_cli_start_a_lineage_that_copies_share(tmp_path: Path) -> None:
    assert main(["demo", str(tmp_path / "demo.cplan"), "--lang", "ko"]) == 0
    (root,) = versions(tmp_path / "demo.cplan").values()
    shutil.copy(tmp_path / "demo.cplan", tmp_path / "ours.cplan")
    shutil.copy(tmp_path / "demo.cplan", tmp_path / "theirs.cplan")
    edit(tmp_path / "ours.cplan", "A-01", {"title": "우리 쪽 제목"})
    edit(tmp_path / "theirs.cplan", "A-02", {"title": "상대 쪽 제목"})
    common = lineage.common_version(versions(tmp_path / "ours.cplan"), versions(tmp_path / "theirs.cplan"))
    assert common.version.id == root.id
    assert {row["code"]: row["title"] for row in common.tables["initiative"]} == {
        code: title for code, title in titles(tmp_path / "demo.cplan").items()}


def test_merge_without_base_finds_it_in_the_lineage(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", str(tmp_path / "demo.cplan"), "--lang", "en"]) == 0
    edit(tmp_path / "demo.cplan", "A-03", {"progress": 5})  # a few saves before the copies are made
    for side in ("ours", "theirs"):
        shutil.copy(tmp_path / "demo.cplan", tmp_path / f"{side}.cplan")
    edit(tmp_path / "ours.cplan", "A-01", {"title": "우리 쪽 제목"})
    edit(tmp_path / "ours.cplan", "B-01", None)
    edit(tmp_path / "theirs.cplan", "A-02", {"title": "상대 쪽 제목"})
    edit(tmp_path / "theirs.cplan", "A-01", {"title": "상대도 바꿈"})
    capsys.readouterr()
    code = main(["merge", str(tmp_path / "ours.cplan"), str(tmp_path / "theirs.cplan"), "--out",
                 str(tmp_path / "merged.cplan"), "--json", "--lang", "en"])
    report = json.loads(capsys.readouterr().out)
    assert code == 1 and report["base"] is None and report["base_version"]
    assert [(conflict["type"], conflict["field"]) for conflict in report["conflicts"]] == [("field", "title")]
    merged = titles(tmp_path / "merged.cplan")
    assert merged["A-01"] == "우리 쪽 제목" and merged["A-02"] == "상대 쪽 제목" and "B-01" not in merged
    # B-01 was deleted by ours only; every other row of the demo survives
    assert set(merged) == set(titles(tmp_path / "demo.cplan")) - {"B-01"}
    # the merged file descends from both: merging it with either side again finds that side's version
    out = versions(tmp_path / "merged.cplan")
    (head,) = lineage.heads(out)
    assert set(out[head].parents) == {*lineage.heads(versions(tmp_path / "ours.cplan")),
                                      *lineage.heads(versions(tmp_path / "theirs.cplan"))}
    assert lineage.common_version(out, versions(tmp_path / "theirs.cplan")).version.id == \
        lineage.heads(versions(tmp_path / "theirs.cplan"))[0]


def test_files_without_a_common_version_are_refused_with_a_hint(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    first = sample_file(tmp_path / "first.cplan")
    shutil.copy(first, tmp_path / "second.cplan")
    edit(first, "A-01", {"title": "하나"})  # each copy's first save starts a lineage of its own
    edit(tmp_path / "second.cplan", "A-01", {"title": "둘"})
    capsys.readouterr()
    code = main(["merge", str(first), str(tmp_path / "second.cplan"), "--out", str(tmp_path / "out.cplan"),
                 "--lang", "en"])
    error = capsys.readouterr().err
    assert code == 2 and "no common saved version" in error and "BASE" in error
    assert not (tmp_path / "out.cplan").exists()


def test_damaged_or_oversized_snapshots_are_refused_not_crashed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lineage, "MAX_SNAPSHOT_BYTES", 1 << 20)  # the limit's logic, without a gigabyte of work
    with pytest.raises(lineage.LineageError):
        lineage.unpack(b"not zlib at all")
    with pytest.raises(lineage.LineageError):
        lineage.unpack(zlib.compress(b"[1, 2]"))
    bomb = zlib.compress(b"{" + b" " * (lineage.MAX_SNAPSHOT_BYTES + 10) + b"}", 9)
    with pytest.raises(lineage.LineageError, match="too large"):
        lineage.unpack(bomb)
    # a version whose content is damaged is skipped; an older one with content is used instead
    old = lineage.Version("v1", "2026-01-01 00:00:00.000000", snapshot=lineage.pack({"plan": []}))
    broken = lineage.Version("v2", "2026-01-02 00:00:00.000000", parents=("v1",), snapshot=b"junk")
    ours = {"v1": old, "v2": broken, "v3": lineage.Version("v3", "2026-01-03", parents=("v2",))}
    theirs = {"v1": old, "v2": broken, "v4": lineage.Version("v4", "2026-01-04", parents=("v2",))}
    assert lineage.common_version(ours, theirs).version.id == "v1"
    # a cycle of parents in a hostile file ends
    looped = {"a": lineage.Version("a", "1", parents=("b",)), "b": lineage.Version("b", "2", parents=("a",))}
    assert lineage.ancestors(looped, ["a"]) == {"a", "b"}
    with pytest.raises(lineage.NoCommonVersion):
        lineage.common_version(looped, {"c": lineage.Version("c", "3")})


def test_only_the_newest_versions_keep_content(tmp_path: Path) -> None:
    tables = {"plan": [{"id": "p", "title": "0"}]}
    known: lineage.Versions = {}
    for number in range(lineage.KEEP_CONTENT + 5):
        record = lineage.prepare_version({"plan": [{"id": "p", "title": str(number)}]}, known, "me")
        for version_id, blob in record.superseded.items():
            known[version_id] = lineage.Version(**{**known[version_id].__dict__, "snapshot": blob,
                                                   "snapshot_of": record.version.id})
        for version_id in record.dropped:
            known[version_id] = lineage.Version(**{**known[version_id].__dict__, "snapshot": None,
                                                   "snapshot_of": None})
        known[record.version.id] = record.version
    assert sum(version.has_content for version in known.values()) == lineage.KEEP_CONTENT
    oldest_kept = min((version for version in known.values() if version.has_content), key=lambda v: v.saved_at)
    assert lineage.rebuild(oldest_kept.id, known)["plan"][0]["title"] == "5"
    assert tables  # the first content is gone, its id stays
    assert len(known) == lineage.KEEP_CONTENT + 5


def test_a_version_record_that_cannot_be_written_never_keeps_the_plan_from_being_saved(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = sample_file(tmp_path / "plan.cplan")
    edit(path, "A-01", {"title": "첫 저장"})

    def damaged(path: Path, author: str) -> lineage.VersionRecord:
        raise lineage.LineageError("a damaged version record")

    monkeypatch.setattr(lineage, "record_version", damaged)
    edit(path, "A-01", {"title": "그래도 저장"})
    assert titles(path)["A-01"] == "그래도 저장"
    assert len(versions(path)) == 1  # this save recorded no version; the earlier one is still there
