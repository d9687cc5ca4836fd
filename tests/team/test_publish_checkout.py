"""`cplan server publish` and `checkout` against a real PostgreSQL server: exact round trips, refusals, bad values."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from planner.cli import main, opened_plan
from planner.interchange.plan_json import plan_to_json
from planner.storage.document import PlanDocument
from tests.planner.commands.sample_plan import build_sample_plan
from tests.team.conftest import PgServer


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _tables(path: Path) -> dict[str, list[dict[str, Any]]]:
    with opened_plan(path) as document, document.session() as session:
        return plan_to_json(session)["tables"]


@pytest.fixture
def initialised_url(pg_server: PgServer, initialised_database: str, capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    return pg_server.url(initialised_database)


@pytest.fixture
def sample_file(tmp_path: Path) -> Path:
    path = tmp_path / "sample.cplan"
    build_sample_plan(path).engine.dispose()
    return path


@pytest.fixture
def demo_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "demo.cplan"
    assert _run(capsys, "demo", str(path), "--lang", "ko")[0] == 0
    return path


@pytest.mark.parametrize("plan", ["sample_file", "demo_file"])
def test_publish_then_checkout_gives_back_every_row_exactly(
        request: pytest.FixtureRequest, initialised_url: str, tmp_path: Path, plan: str,
        capsys: pytest.CaptureFixture[str]) -> None:
    original: Path = request.getfixturevalue(plan)
    code, out, err = _run(capsys, "server", "publish", str(original), initialised_url)
    assert (code, err) == (0, "")
    assert out.startswith("Published “") and "initiatives" in out
    copy = tmp_path / "copy.cplan"
    code, out, err = _run(capsys, "server", "checkout", initialised_url, str(copy))
    assert (code, err) == (0, "")
    assert str(copy) in out
    before, after = _tables(original), _tables(copy)
    # Every kind, every column, timestamps included: nothing is re-stamped on the way.
    assert after == before
    assert sum(len(rows) for rows in after.values()) > 30
    with PlanDocument.open(copy) as document:  # a normal plan file, as the app opens it
        assert document.title() == before["plan"][0]["title"]


def test_the_checkout_keeps_the_plan_id_so_copies_merge_back(
        initialised_url: str, sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, "server", "publish", str(sample_file), initialised_url)[0] == 0
    copies = {name: tmp_path / f"{name}.cplan" for name in ("base", "ours", "theirs")}
    for path in copies.values():
        assert _run(capsys, "server", "checkout", initialised_url, str(path))[0] == 0
    plan_ids = {_tables(path)["plan"][0]["id"] for path in copies.values()}
    assert plan_ids == {_tables(sample_file)["plan"][0]["id"]}
    for name, title in (("ours", "우리 쪽 제목"), ("theirs", None)):
        if title:
            with contextlib.closing(sqlite3.connect(copies[name])) as connection, connection:
                connection.execute("UPDATE initiative SET title = ? WHERE code = 'A-01'", (title,))
    merged = tmp_path / "merged.cplan"
    code, _out, err = _run(capsys, "merge", str(copies["base"]), str(copies["ours"]), str(copies["theirs"]),
                           "--out", str(merged))
    assert (code, err) == (0, "")
    titles = {row["code"]: row["title"] for row in _tables(merged)["initiative"]}
    assert titles["A-01"] == "우리 쪽 제목"


def test_publish_refuses_a_database_that_holds_a_plan_unless_replace(
        initialised_url: str, sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, "server", "publish", str(sample_file), initialised_url)[0] == 0
    other = tmp_path / "other.cplan"
    assert _run(capsys, "new", str(other), "--title", "다른 계획", "--region", "해담군",
                "--start-year", "2027", "--end-year", "2030")[0] == 0
    code, out, err = _run(capsys, "server", "publish", str(other), initialised_url)
    assert code == 2 and out == ""
    assert "already holds the plan “해담군 AI 융합 계획”" in err and "--replace" in err
    copy = tmp_path / "copy.cplan"
    assert _run(capsys, "server", "checkout", initialised_url, str(copy))[0] == 0
    assert _tables(copy) == _tables(sample_file)
    code, out, err = _run(capsys, "server", "publish", str(other), initialised_url, "--replace")
    assert (code, err) == (0, "")
    assert _run(capsys, "server", "checkout", initialised_url, str(copy), "--force")[0] == 0
    assert _tables(copy) == _tables(other)


def test_checkout_never_overwrites_a_file_without_force(
        initialised_url: str, sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, "server", "publish", str(sample_file), initialised_url)[0] == 0
    existing = tmp_path / "mine.cplan"
    existing.write_bytes(b"my own work")
    code, _out, err = _run(capsys, "server", "checkout", initialised_url, str(existing))
    assert code == 2 and "already exists" in err
    assert existing.read_bytes() == b"my own work"


def test_publish_and_checkout_need_a_database_set_up_with_init(
        team_url: str, sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = _run(capsys, "server", "publish", str(sample_file), team_url)
    assert code == 2 and "not set up for team plans" in err and "cplan server init" in err
    code, _out, err = _run(capsys, "server", "checkout", team_url, str(tmp_path / "copy.cplan"))
    assert code == 2 and "not set up for team plans" in err
    assert not (tmp_path / "copy.cplan").exists()


def test_checkout_of_a_database_without_a_plan_says_so(
        initialised_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = _run(capsys, "server", "checkout", initialised_url, str(tmp_path / "copy.cplan"))
    assert code == 2 and "holds no plan yet" in err
    assert not (tmp_path / "copy.cplan").exists()


def test_values_postgresql_cannot_store_are_all_listed_and_nothing_is_published(
        pg_server: PgServer, initialised_database: str, initialised_url: str, sample_file: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    with contextlib.closing(sqlite3.connect(sample_file)) as connection, connection:
        connection.execute("UPDATE initiative SET title = ? WHERE code = 'A-01'", ("nul\x00inside",))
        connection.execute("UPDATE field SET name = ? WHERE code = (SELECT min(code) FROM field)", ("가" * 250,))
        connection.execute("UPDATE initiative SET data_subject_count = ? WHERE code = 'A-02'", (2**40,))
        connection.execute("UPDATE kpi_target SET target_value = ? WHERE id = (SELECT min(id) FROM kpi_target)",
                           ("9" * 45,))
        connection.execute("UPDATE plan SET approval_columns = ?", ('["담당", "팀\\u0000장"]',))
    code, out, err = _run(capsys, "server", "publish", str(sample_file), initialised_url)
    assert code == 2 and out == ""
    assert "nothing was changed on the server" in err
    assert "initiative A-01, field title: holds a NUL character" in err
    assert "field name: is 250 characters long; the server allows at most 200" in err
    assert "initiative A-02, field data_subject_count: is too large a number" in err
    assert "field target_value: is 45 characters long; the server allows at most 40" in err
    assert "field approval_columns: holds a NUL character" in err
    assert "Traceback" not in err
    with pg_server.connect(initialised_database) as connection:
        assert connection.execute('SELECT count(*) FROM "plan"').fetchone() == (0,)


def test_publish_of_a_file_that_is_not_a_plan_changes_nothing(
        pg_server: PgServer, initialised_database: str, initialised_url: str, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    bogus = tmp_path / "bogus.cplan"
    bogus.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    code, _out, err = _run(capsys, "server", "publish", str(bogus), initialised_url)
    assert code == 2 and "bogus.cplan" in err and "Traceback" not in err
    with pg_server.connect(initialised_database) as connection:
        assert connection.execute('SELECT count(*) FROM "plan"').fetchone() == (0,)


def test_publishing_needs_the_admin_role(pg_server: PgServer, initialised_database: str, sample_file: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    from planner.history import login_name
    from planner.team.schema import ADMIN_ROLE, EDITOR_ROLE

    editor, admin = pg_server.login_role(EDITOR_ROLE), pg_server.login_role(ADMIN_ROLE)
    code, _out, err = _run(capsys, "server", "publish", str(sample_file),
                           pg_server.url(initialised_database, user=editor))
    assert code == 2 and "permission denied" in err and "role does not allow" in err
    with pg_server.connect(initialised_database) as connection:
        assert connection.execute('SELECT count(*) FROM "plan"').fetchone() == (0,)
    code, _out, err = _run(capsys, "server", "publish", str(sample_file), pg_server.url(initialised_database, user=admin))
    assert (code, err) == (0, "")
    with pg_server.connect(initialised_database) as connection:
        assert connection.execute("SELECT published_by FROM cplan_team").fetchone() == (login_name(),)
        assert connection.execute('SELECT DISTINCT cplan_changed_by FROM "plan"').fetchall() == [(login_name(),)]
