"""`cplan server init` on a real PostgreSQL server: tables, row versions, roles, and PostgreSQL's own permissions."""

from __future__ import annotations

import pytest

from planner.cli import main
from planner.model import ENTITY_CLASSES
from planner.storage.schema import SCHEMA_VERSION
from planner.team.schema import ADMIN_ROLE, EDITOR_ROLE, ROLES, VERSION_COLUMNS, VIEWER_ROLE
from tests.team.conftest import PgServer

psycopg = pytest.importorskip("psycopg", reason="team-plan tests skipped: the PostgreSQL driver is not installed "
                                                "(pip install '.[team]')")


def _init(url: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["server", "init", url])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_init_creates_every_table_with_row_versions_and_the_roles(
        pg_server: PgServer, team_database: str, team_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _init(team_url, capsys)
    assert (code, err) == (0, "")
    assert "cplan_viewer, cplan_editor, cplan_admin" in out
    with pg_server.connect(team_database) as connection:
        columns = {
            (table, column): (data_type, nullable)
            for table, column, data_type, nullable in connection.execute(
                "SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns "
                "WHERE table_schema = 'public'")
        }
        roles = {name for (name,) in connection.execute(
            "SELECT rolname FROM pg_roles WHERE rolname LIKE 'cplan\\_%' AND NOT rolcanlogin")}
        record = connection.execute("SELECT schema_version, plan_id FROM cplan_team").fetchall()
        deferrable = connection.execute(
            "SELECT count(*) FILTER (WHERE condeferrable), count(*) FROM pg_constraint WHERE contype = 'f'").fetchone()
    for kind, cls in ENTITY_CLASSES.items():
        table = cls.__table__.name
        for column in cls.__table__.columns:
            assert (table, column.name) in columns, f"{kind}.{column.name} missing on the server"
        assert columns[(table, "cplan_version")] == ("bigint", "NO")
        assert columns[(table, "cplan_changed_by")] == ("text", "NO")
        assert columns[(table, "cplan_changed_at")] == ("timestamp with time zone", "NO")
    # The column types that differ most between SQLite and PostgreSQL arrive as PostgreSQL's own.
    assert columns[("budget_line", "planned_krw")][0] == "bigint"
    assert columns[("initiative", "start_month")][0] == "integer"
    assert columns[("initiative", "security_consultation")][0] == "boolean"
    assert columns[("plan", "approval_columns")][0] == "json"
    assert columns[("kpi_target", "target_value")][0] == "character varying"
    assert columns[("plan", "submission_date")][0] == "date"
    assert columns[("initiative", "modified_at")][0] == "timestamp without time zone"
    assert set(ROLES) <= roles
    assert record == [(SCHEMA_VERSION, None)]
    assert deferrable is not None and deferrable[0] == deferrable[1] > 0
    assert len(VERSION_COLUMNS) == 3


def test_init_again_keeps_the_tables_and_says_so(team_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert _init(team_url, capsys)[0] == 0
    code, out, err = _init(team_url, capsys)
    assert (code, err) == (0, "")
    assert "already set up" in out


def test_init_refuses_a_database_holding_tables_of_another_origin(
        pg_server: PgServer, team_database: str, team_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pg_server.connect(team_database) as connection:
        connection.execute("CREATE TABLE initiative (id text PRIMARY KEY)")
    code, _out, err = _init(team_url, capsys)
    assert code == 2
    assert "did not make (initiative)" in err
    assert "Traceback" not in err
    with pg_server.connect(team_database) as connection:
        assert connection.execute("SELECT to_regclass('public.cplan_team')").fetchone() == (None,)


WRITES = {
    "INSERT": "INSERT INTO field (id, modified_at, code, name, description, position) "
              "VALUES ('f-new', now(), 'F9', 'x', '', 0)",
    "UPDATE": "UPDATE field SET name = 'changed'",
    "DELETE": "DELETE FROM field",
    "TRUNCATE": "TRUNCATE field",
    "CREATE": "CREATE TABLE smuggled (id int)",
    "SEQUENCE": "SELECT nextval('cplan_row_version')",
    "RECORD": "UPDATE cplan_team SET plan_title = 'changed'",
}


@pytest.fixture
def initialised(pg_server: PgServer, initialised_database: str) -> str:
    with pg_server.connect(initialised_database) as connection:
        connection.execute("INSERT INTO field (id, modified_at, code, name, description, position) "
                           "VALUES ('f-1', now(), 'F1', 'AI 복지', '', 0)")
    return initialised_database


@pytest.mark.parametrize("statement", sorted(WRITES))
def test_a_viewer_cannot_write_even_with_hand_written_sql(pg_server: PgServer, initialised: str, statement: str) -> None:
    viewer = pg_server.login_role(VIEWER_ROLE)
    with pg_server.connect(initialised, user=viewer) as connection:
        assert connection.execute("SELECT name FROM field").fetchall() == [("AI 복지",)]
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            connection.execute(WRITES[statement])
    with pg_server.connect(initialised) as connection:
        assert connection.execute("SELECT id, name FROM field").fetchall() == [("f-1", "AI 복지")]
        assert connection.execute("SELECT to_regclass('public.smuggled')").fetchone() == (None,)


@pytest.mark.parametrize(("statement", "allowed"), [
    ("INSERT", True), ("UPDATE", True), ("DELETE", True), ("TRUNCATE", False), ("CREATE", False),
    ("RECORD", False),
])
def test_an_editor_changes_rows_but_not_the_tables(pg_server: PgServer, initialised: str, statement: str,
                                                   allowed: bool) -> None:
    editor = pg_server.login_role(EDITOR_ROLE)
    with pg_server.connect(initialised, user=editor) as connection:
        if allowed:
            connection.execute(WRITES[statement])
        else:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                connection.execute(WRITES[statement])


def test_an_admin_may_empty_the_tables_and_a_stranger_may_not_connect(pg_server: PgServer, initialised: str) -> None:
    admin = pg_server.login_role(ADMIN_ROLE)
    with pg_server.connect(initialised, user=admin) as connection:
        connection.execute("TRUNCATE field CASCADE")
    stranger = pg_server.login_role()
    with pytest.raises(psycopg.OperationalError, match="permission denied"):
        pg_server.connect(initialised, user=stranger)


def test_the_trigger_stamps_every_write_with_a_new_version_and_its_author(pg_server: PgServer, initialised: str) -> None:
    editor = pg_server.login_role(EDITOR_ROLE)
    with pg_server.connect(initialised, user=editor) as connection:
        before = connection.execute("SELECT cplan_version FROM field").fetchone()
        connection.execute("UPDATE field SET cplan_version = 1, cplan_changed_by = 'forged', name = 'n'")
        after = connection.execute("SELECT cplan_version, cplan_changed_by FROM field").fetchone()
    assert before is not None and after is not None
    assert after[0] > before[0]
    assert after[1] == editor
