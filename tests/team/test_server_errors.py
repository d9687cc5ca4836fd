"""Bad addresses, unreachable servers, wrong passwords and a missing driver: one clear line, exit 2, no password."""

from __future__ import annotations

import socket
import sys
from pathlib import Path

import pytest

from planner.cli import main
from planner.team.connection import parse_server_address
from planner.team.schema import VIEWER_ROLE
from tests.team.conftest import PgServer

SECRET = "s3cret-Pa55word"
WRONG = "wrong-Pa55word"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _closed_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])  # nothing listens there once the probe is closed


@pytest.mark.parametrize(("url", "expected"), [
    ("sqlite:///plan.cplan", "is not a PostgreSQL address"),
    ("mysql://kim:" + SECRET + "@db/plan", "is not a PostgreSQL address"),
    ("just some words", "is not a server address"),
    ("postgresql://kim:" + SECRET + "@db:port/plan", "is not a server address"),
    ("postgresql://kim:" + SECRET + "@db.local", "names no database"),
])
def test_a_bad_address_is_named_without_its_password(url: str, expected: str, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["server", "init", url], ["server", "checkout", url, str(tmp_path / "out.cplan")]):
        code, out, err = _run(capsys, *argv)
        assert code == 2 and out == ""
        assert expected in err
        assert SECRET not in err
        assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "out.cplan").exists()


def test_the_masked_address_hides_passwords_in_the_user_part_and_the_query() -> None:
    address = parse_server_address(f"postgresql://kim:{SECRET}@db.local:5432/plan?password={SECRET}&sslmode=require")
    assert address.masked == "postgresql://kim:***@db.local:5432/plan?password=***&sslmode=require"
    assert address.scrub(f"failed for {SECRET} at postgresql://kim:{SECRET}@x/y") == \
        "failed for *** at postgresql://kim:***@x/y"


def test_an_unreachable_server_is_a_clear_message(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("psycopg", reason="the PostgreSQL driver is not installed (pip install '.[team]')")
    url = f"postgresql://kim:{SECRET}@127.0.0.1:{_closed_port()}/plan"
    code, out, err = _run(capsys, "server", "init", url)
    assert code == 2 and out == ""
    assert err.startswith("cplan: Could not connect to the server at postgresql://kim:***@127.0.0.1:")
    assert SECRET not in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_a_missing_driver_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # import psycopg now raises ImportError
    code, _out, err = _run(capsys, "server", "init", "postgresql://kim@db.local/plan")
    assert code == 2
    assert "PostgreSQL driver psycopg" in err and "convergence-planner[team]" in err


def _password_role(pg_server: PgServer) -> str:
    """A viewer with a password (the roles exist: the initialised_database fixture ran init)."""
    if pg_server.tcp_host is None:
        pytest.skip("the configured server offers no TCP address where passwords are checked")
    return pg_server.login_role(VIEWER_ROLE, password=SECRET)


def test_a_wrong_password_is_refused_without_showing_it(pg_server: PgServer, initialised_database: str,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    user = _password_role(pg_server)
    capsys.readouterr()
    url = pg_server.url(initialised_database, user=user, password=WRONG, tcp=True)
    code, out, err = _run(capsys, "server", "init", url)
    if code == 0:
        pytest.skip("the configured server does not check passwords over TCP (trust)")
    assert code == 2 and out == ""
    assert "refused the login" in err and "password authentication failed" in err
    assert WRONG not in err and f"{user}:***@" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_the_right_password_from_the_url_or_pgpassword_is_used_and_never_shown(
        pg_server: PgServer, initialised_database: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    user = _password_role(pg_server)
    capsys.readouterr()
    with_password = pg_server.url(initialised_database, user=user, password=SECRET, tcp=True)
    code, out, err = _run(capsys, "server", "checkout", with_password, str(tmp_path / "a.cplan"))
    assert code == 2 and "holds no plan yet" in err  # logged in (as a viewer) and read the database
    assert SECRET not in out + err
    monkeypatch.setenv("PGPASSWORD", SECRET)
    code, out, err = _run(capsys, "server", "checkout", pg_server.url(initialised_database, user=user, password="", tcp=True),
                          str(tmp_path / "b.cplan"))
    assert code == 2 and "holds no plan yet" in err
    assert SECRET not in out + err


def test_a_database_that_does_not_exist_is_named(pg_server: PgServer, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = _run(capsys, "server", "init", pg_server.url("no_such_database_here"))
    assert code == 2
    assert "has no database named no_such_database_here" in err


def test_init_without_the_right_to_create_tables_is_a_clear_refusal(
        pg_server: PgServer, initialised_database: str, capsys: pytest.CaptureFixture[str]) -> None:
    other = pg_server.create_database()
    try:
        with pg_server.connect(other) as connection:
            connection.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
        viewer = pg_server.login_role(VIEWER_ROLE)
        code, _out, err = _run(capsys, "server", "init", pg_server.url(other, user=viewer))
        assert code == 2
        assert "refused this" in err and "permission denied" in err and "Traceback" not in err
    finally:
        pg_server.drop_database(other)
