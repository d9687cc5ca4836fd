"""The history of a team plan: every edit, undo and redo on the server recorded like a file's, and who may write it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import psycopg
import pytest

from planner.cli import main as cplan
from planner.commands.rows import AddRow, DeleteRows, UpdateRow
from planner.history import HistoryFilters, history_authors, history_count, history_entries
from planner.storage import PlanDocument
from planner.team.document import KEEP_MINE, RELOAD, EditNotMade, TeamDocument
from planner.team.schema import EDITOR_ROLE, VIEWER_ROLE
from planner.team.session import TeamPlan
from planner.team.transfer import checkout_plan
from tests.team.conftest import PgServer


@pytest.fixture
def published(pg_server: PgServer, published_database: str, capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    return pg_server.url(published_database)


def _initiative(team: TeamPlan, code: str) -> dict[str, Any]:
    return next(row for row in team.read_rows("initiative") if row["code"] == code)


def _entries(document: TeamDocument, filters: HistoryFilters | None = None) -> list[Any]:
    with document.session() as session:
        return history_entries(session, filters)


def test_every_edit_undo_and_redo_records_one_entry_with_who_when_what_and_the_values(published: str) -> None:
    with TeamDocument.open(published, author="김민수") as document:
        with document.session() as session:
            already = history_count(session)
        target = _initiative(document.team, "A-01")
        edit = UpdateRow("initiative", target["id"], {"title": "서버 이력 제목", "progress": 35})
        document.apply(edit)
        document.revert(edit)
        document.apply(edit, redo=True)
        entries = _entries(document)
    assert len(entries) == already + 3
    redo, undo, do = entries[:3]  # newest first
    assert [entry.action for entry in (do, undo, redo)] == ["do", "undo", "redo"]
    assert {entry.author for entry in (do, undo, redo)} == {"김민수"}
    assert do.command == "update_row" and do.summary == edit.label
    assert undo.summary.startswith("Undo: ") and redo.summary.startswith("Redo: ")
    assert do.at <= undo.at <= redo.at
    [row] = do.rows
    assert (row.kind, row.id, row.change, row.label) == ("initiative", target["id"], "updated", f"A-01 {'서버 이력 제목'}")
    values = {change.name: (change.before, change.after) for change in row.fields}
    assert values == {"title": (target["title"], "서버 이력 제목"), "progress": (target["progress"], 35)}
    [undone] = undo.rows
    assert {change.name: (change.before, change.after) for change in undone.fields} == {
        "title": ("서버 이력 제목", target["title"]), "progress": (35, target["progress"])}


def _five_edits(target: dict[str, Any], line: dict[str, Any], kpi: dict[str, Any]) -> list[Any]:
    """Edits of a month, a text, a yes/no, money, a decimal, a list, an added and a deleted row."""
    return [UpdateRow("initiative", target["id"], {"start_month": target["start_month"] + 3,
                                                   "title": "달과 제목", "security_consultation": True}),
            UpdateRow("budget_line", line["id"], {"planned_krw": 123_456_000}),
            UpdateRow("kpi_target", kpi["id"], {"target_value": "98.25"}),
            AddRow("stakeholder", {"name": "새 협력기관", "sector": "private_company", "tags": ["민간", "AI"]}),
            DeleteRows("initiative", [target["id"]])]


def test_a_team_entry_has_the_same_form_as_a_files_entry(published: str, tmp_path: Path) -> None:
    """The same commands on the team plan and on a checkout of it: the same rows, fields and values."""
    copy, _result = checkout_plan(TeamPlan.connect(published).address, tmp_path / "copy.cplan")
    with TeamDocument.open(published, author="김민수") as document:
        target = _initiative(document.team, "A-02")
        line = next(row for row in document.team.read_rows("budget_line") if row["initiative_id"] == target["id"])
        kpi = document.team.read_rows("kpi_target")[0]
        commands = _five_edits(target, line, kpi)
        for command in commands:
            document.apply(command)
        team_entries = _entries(document, HistoryFilters(limit=len(commands)))
    with PlanDocument.open(copy) as file_document:
        file_document.author = "김민수"
        file_commands = _five_edits(target, line, kpi)
        for command in file_commands:
            file_document.apply(command)
        with file_document.session() as session:
            file_entries = history_entries(session, HistoryFilters(limit=len(commands)))

    def shape(entry: Any) -> Any:
        rows = [(row.kind, row.change, row.label, {change.name: (change.before, change.after) for change in row.fields
                                                   if change.name not in ("id", "created_at")})
                for row in entry.rows if row.kind != "stakeholder"]  # a new stakeholder's id differs
        return entry.command, entry.summary, entry.kinds, entry.counts, sorted(rows, key=repr)

    assert [shape(entry) for entry in team_entries] == [shape(entry) for entry in file_entries]
    month = next(row for row in team_entries[-1].rows if row.kind == "initiative")
    start = next(change for change in month.fields if change.name == "start_month")
    assert isinstance(start.after, str) and len(start.after) == 7  # a month as '2027-06', as in a file
    deletion = team_entries[0]
    assert deletion.counts["initiative"] == 1 and deletion.counts.get("budget_line", 0) >= 1


def test_without_an_author_the_login_is_recorded_and_a_refused_edit_records_nothing(
        pg_server: PgServer, published_database: str) -> None:
    editor = pg_server.login_role(EDITOR_ROLE)
    url = pg_server.url(published_database, user=editor, tcp=True)
    with TeamDocument.open(url) as mine, TeamPlan.connect(url, author="김민수") as other:
        target = _initiative(other, "A-01")
        other.apply(UpdateRow("initiative", target["id"], {"title": "다른 사람"}))
        before = len(_entries(mine))
        mine.resolve_stale = lambda _error: RELOAD
        with pytest.raises(EditNotMade):
            mine.apply(UpdateRow("initiative", target["id"], {"title": "내 것"}))
        assert len(_entries(mine)) == before  # refused: no entry
        mine.apply(AddRow("field", {"code": "F7", "name": "새 분야"}))
        newest = _entries(mine)[0]
        assert newest.author == editor and newest.rows[0].change == "added"
        with mine.session() as session:
            assert {editor, "김민수"} <= set(history_authors(session))
        by_author = _entries(mine, HistoryFilters(author="김민수", kind="initiative"))
        assert [entry.summary for entry in by_author][:1] == [UpdateRow("initiative", "", {}).label]


def test_keep_mine_records_only_the_edit_that_was_made(published: str) -> None:
    with TeamDocument.open(published, author="이영희") as mine, TeamPlan.connect(published, author="김민수") as other:
        target = _initiative(other, "A-01")
        other.apply(UpdateRow("initiative", target["id"], {"title": "그쪽"}))
        before = len(_entries(mine))
        mine.resolve_stale = lambda _error: KEEP_MINE
        mine.apply(UpdateRow("initiative", target["id"], {"title": "내 것"}))
        entries = _entries(mine)
    assert len(entries) == before + 1
    [row] = entries[0].rows
    assert [(change.name, change.before, change.after) for change in row.fields] == [("title", "그쪽", "내 것")]


def test_editors_add_history_but_cannot_change_it_and_viewers_cannot_write_it(
        pg_server: PgServer, published_database: str, published: str) -> None:
    with TeamDocument.open(published, author="김민수") as document:
        document.apply(AddRow("field", {"code": "F8", "name": "분야"}))
    editor, viewer = pg_server.login_role(EDITOR_ROLE), pg_server.login_role(VIEWER_ROLE)
    insert = ("INSERT INTO change_log (id, modified_at, at, author, command, summary, details) "
              "VALUES (gen_random_uuid()::text, now(), now(), 'x', 'x', 'x', '{}')")
    with pg_server.connect(published_database, user=editor) as connection:
        connection.execute(insert)
        for statement in ("UPDATE change_log SET author = 'forged'", "DELETE FROM change_log",
                          "TRUNCATE change_log"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                connection.execute(statement)
    with pg_server.connect(published_database, user=viewer) as connection:
        assert connection.execute("SELECT count(*) FROM change_log").fetchone()[0] >= 1
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            connection.execute(insert)


def test_a_checkout_carries_the_history_and_cplan_history_lists_it(published: str, tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    import json

    with TeamDocument.open(published, author="김민수") as document:
        target = _initiative(document.team, "A-01")
        document.apply(UpdateRow("initiative", target["id"], {"title": "체크아웃에 남을 제목"}))
        on_server = _entries(document)
        copy = tmp_path / "copy.cplan"
        document.save_as(copy)
    capsys.readouterr()
    assert cplan(["history", str(copy), "--json", "--author", "김민수"]) == 0
    listed = json.loads(capsys.readouterr().out)["entries"]
    assert [entry["id"] for entry in listed] == [entry.id for entry in on_server if entry.author == "김민수"]
    assert listed[0]["rows"][0]["fields"]["title"] == {"before": target["title"], "after": "체크아웃에 남을 제목"}
    assert cplan(["history", str(copy), "--details"]) == 0
    assert "체크아웃에 남을 제목" in capsys.readouterr().out


def test_cplan_history_reads_the_team_plan_at_its_address(published: str, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    with TeamDocument.open(published, author="이서연") as document:
        target = _initiative(document.team, "A-01")
        document.apply(UpdateRow("initiative", target["id"], {"title": "서버에서 바로 읽는 이력"}))
    capsys.readouterr()
    assert cplan(["history", published, "--json", "--author", "이서연"]) == 0
    [entry] = json.loads(capsys.readouterr().out)["entries"]
    assert entry["rows"][0]["fields"]["title"]["after"] == "서버에서 바로 읽는 이력"
    assert cplan(["history", published, "--text", "서버에서 바로"]) == 0
    assert "서버에서 바로 읽는 이력" in capsys.readouterr().out


def test_cplan_history_names_an_unreachable_server_without_a_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    assert cplan(["history", "postgresql://nobody:secret@127.0.0.1:9/plan"]) != 0
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err and "secret" not in captured.err + captured.out
    assert "127.0.0.1" in captured.err
