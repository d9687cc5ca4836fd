"""A throw-away PostgreSQL server for the team-plan tests, or the one CPLAN_TEST_PG_URL names.

With initdb and pg_ctl installed (Debian's postgresql package; CI installs it), one server is started for the test
session in a temporary folder: Unix socket there, TCP only on 127.0.0.1 at a free port (password logins), stopped
and removed at the end. As root it runs as the `postgres` user (initdb refuses root). Otherwise
CPLAN_TEST_PG_URL may name a server whose user can create databases and roles (e.g.
postgresql://postgres:PASSWORD@127.0.0.1:5432/postgres); each test gets its own new database there. When neither
is possible the tests are skipped and say why.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shlex
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ENV_URL = "CPLAN_TEST_PG_URL"
SERVER_USER = "postgres"
START_TIMEOUT_SECONDS = 60


def _binary(name: str) -> str | None:
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
                        key=lambda path: int(path.split("/")[4]) if path.split("/")[4].isdigit() else 0)
    return shutil.which(name) or (candidates[-1] if candidates else None)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class PgServer:
    """A PostgreSQL server the tests may use as a superuser: new databases and login roles on demand."""

    user: str
    host: str  # a socket folder or a host name
    port: int
    password: str | None = None
    tcp_host: str | None = None  # where password logins are checked (None: the server decides, maybe trust)
    started_here: bool = False
    _roles: list[str] = field(default_factory=list)
    _passwords: dict[str, str] = field(default_factory=dict)

    def url(self, database: str, *, user: str | None = None, password: str | None = None,
            tcp: bool = False) -> str:
        """A URL as a user writes it (a login role's own password unless `password` is given); tcp=True goes
        through 127.0.0.1, where passwords are checked."""
        name = user or self.user
        secret = password if password is not None else self._passwords.get(name) if user else self.password
        credentials = name + (f":{secret}" if secret else "")
        if tcp or not self.host.startswith("/"):
            return f"postgresql://{credentials}@{self.tcp_host or self.host}:{self.port}/{database}"
        return f"postgresql://{credentials}@/{database}?host={self.host}&port={self.port}"

    def connect(self, database: str = "postgres", *, user: str | None = None):  # -> psycopg.Connection
        """An autocommit connection as the server's superuser, or as a login role made by login_role()."""
        import psycopg

        password = self._passwords.get(user) if user else self.password
        return psycopg.connect(host=self.host, port=self.port, user=user or self.user, password=password,
                               dbname=database, autocommit=True)

    def create_database(self, template: str | None = None) -> str:
        """A new database: empty, or a copy of `template` (no one may be connected to it)."""
        name = f"cplan_test_{uuid.uuid4().hex[:12]}"
        with self.connect() as connection:
            connection.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
        return name

    def drop_database(self, name: str) -> None:
        with self.connect() as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def login_role(self, *member_of: str, password: str | None = None) -> str:
        """A new login role with a password (its own random one unless given), member of the given group roles."""
        from psycopg import sql

        name = f"cplan_user_{uuid.uuid4().hex[:10]}"
        secret = password or uuid.uuid4().hex
        with self.connect() as connection:
            connection.execute(sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(sql.Identifier(name),
                                                                                sql.Literal(secret)))
            for group in member_of:
                connection.execute(f"GRANT {group} TO {name}")
        self._roles.append(name)
        self._passwords[name] = secret
        return name

    def drop_roles(self) -> None:
        with self.connect() as connection:
            for name in self._roles:
                connection.execute(f"DROP ROLE IF EXISTS {name}")
        self._roles.clear()


def _as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    if shutil.which("runuser"):
        return ["runuser", "-u", SERVER_USER, "--", *command]
    return ["su", SERVER_USER, "-s", "/bin/sh", "-c", shlex.join(command)]


def _start_server(folder: Path) -> PgServer:
    initdb, pg_ctl = _binary("initdb"), _binary("pg_ctl")
    assert initdb and pg_ctl
    port = _free_port()
    data = folder / "data"
    subprocess.run(_as_server_user([initdb, "-D", str(data), "-U", SERVER_USER, "--auth-local=trust",
                                    "--auth-host=scram-sha-256", "--no-sync", "-E", "UTF8", "--locale=C"]),
                   check=True, capture_output=True, timeout=START_TIMEOUT_SECONDS)
    options = f"-F -c listen_addresses=127.0.0.1 -p {port} -k {folder} -c max_connections=60"
    started = subprocess.run(_as_server_user([pg_ctl, "-D", str(data), "-w", "-t", str(START_TIMEOUT_SECONDS),
                                              "-l", str(folder / "server.log"), "-o", options, "start"]),
                             capture_output=True, text=True, timeout=START_TIMEOUT_SECONDS + 10)
    if started.returncode != 0:
        log = (folder / "server.log").read_text(errors="replace") if (folder / "server.log").exists() else ""
        pytest.fail(f"PostgreSQL did not start: {started.stderr}\n{log}")
    return PgServer(SERVER_USER, str(folder), port, tcp_host="127.0.0.1", started_here=True)


def _stop_server(folder: Path) -> None:
    pg_ctl = _binary("pg_ctl")
    assert pg_ctl
    subprocess.run(_as_server_user([pg_ctl, "-D", str(folder / "data"), "-m", "immediate", "stop"]),
                   capture_output=True, timeout=60)


def _server_from_url(url: str) -> PgServer:
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    host = str(parsed.query.get("host") or parsed.host or "localhost")
    return PgServer(parsed.username or SERVER_USER, host, int(parsed.query.get("port") or parsed.port or 5432),
                    password=parsed.password, tcp_host=parsed.host if parsed.host else None)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip("team-plan tests skipped: the PostgreSQL driver is not installed (pip install '.[team]')")
    configured = os.environ.get(ENV_URL, "").strip()
    if configured:
        server = _server_from_url(configured)
        try:
            server.connect().close()
        except Exception as error:
            pytest.skip(f"team-plan tests skipped: {ENV_URL} names a server that cannot be used: {error}")
        yield server
        server.drop_roles()
        return
    if not (_binary("initdb") and _binary("pg_ctl")):
        pytest.skip(f"team-plan tests skipped: no PostgreSQL here (install Debian's postgresql package, or set "
                    f"{ENV_URL} to a server URL)")
    if os.geteuid() == 0:
        try:
            account = pwd.getpwnam(SERVER_USER)
        except KeyError:
            pytest.skip(f"team-plan tests skipped: running as root, and there is no '{SERVER_USER}' user to run "
                        f"initdb as (set {ENV_URL} instead)")
    folder = Path(tempfile.mkdtemp(prefix="cplan-pg-"))
    try:
        if os.geteuid() == 0:
            os.chown(folder, account.pw_uid, account.pw_gid)
        server = _start_server(folder)
        try:
            yield server
        finally:
            _stop_server(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def team_database(pg_server: PgServer) -> Iterator[str]:
    """The name of a new, empty database (dropped afterwards)."""
    name = pg_server.create_database()
    try:
        yield name
    finally:
        with contextlib.suppress(Exception):
            pg_server.drop_database(name)


@pytest.fixture
def team_url(pg_server: PgServer, team_database: str) -> str:
    """A superuser's URL of a new, empty database."""
    return pg_server.url(team_database)


def _init(url: str) -> None:
    from planner.cli import main

    assert main(["server", "init", url]) == 0, "cplan server init failed"


@pytest.fixture(scope="session")
def templates(pg_server: PgServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """Databases made once and copied for each test (copying is far quicker than setting up): "initialised"
    (after `cplan server init`) and "published" (the sample plan published to it)."""
    from planner.cli import main
    from tests.planner.commands.sample_plan import build_sample_plan

    made = {"initialised": pg_server.create_database(), "published": pg_server.create_database()}
    try:
        for name in made.values():
            _init(pg_server.url(name))
        plan = tmp_path_factory.mktemp("team") / "sample.cplan"
        build_sample_plan(plan).engine.dispose()
        assert main(["server", "publish", str(plan), pg_server.url(made["published"])]) == 0
        yield made
    finally:
        for name in made.values():
            with contextlib.suppress(Exception):
                pg_server.drop_database(name)


def _copied_database(pg_server: PgServer, template: str) -> Iterator[str]:
    name = pg_server.create_database(template)
    try:
        _init(pg_server.url(name))  # a copy lacks the database-level permissions (CONNECT); init puts them right
        yield name
    finally:
        with contextlib.suppress(Exception):
            pg_server.drop_database(name)


@pytest.fixture
def initialised_database(pg_server: PgServer, templates: dict[str, str]) -> Iterator[str]:
    """A new database set up with `cplan server init`, holding no plan."""
    yield from _copied_database(pg_server, templates["initialised"])


@pytest.fixture
def published_database(pg_server: PgServer, templates: dict[str, str]) -> Iterator[str]:
    """A new database set up with `cplan server init` holding the sample plan (tests/planner/commands)."""
    yield from _copied_database(pg_server, templates["published"])
