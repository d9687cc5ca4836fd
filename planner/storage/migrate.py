"""Creating a new plan schema and upgrading an older one with the Alembic migrations shipped in the package."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, text

from planner.storage.schema import ALEMBIC_VERSION_TABLE, APPLICATION_ID, REVISIONS, SCHEMA_VERSION

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def _alembic_config(connection: Connection):  # -> alembic.config.Config (imported lazily: it is slow)
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("version_table", ALEMBIC_VERSION_TABLE)
    config.attributes["connection"] = connection
    return config


def _stamp_identity(connection: Connection, version: int) -> None:
    connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
    connection.exec_driver_sql(f"PRAGMA user_version = {int(version)}")


def create_schema(connection: Connection) -> None:
    """A brand-new plan: create every table from the model and stamp it at the newest revision."""
    from planner.model import Base

    Base.metadata.create_all(connection)
    connection.execute(
        text(
            f"CREATE TABLE {ALEMBIC_VERSION_TABLE} (version_num VARCHAR(32) NOT NULL, "
            f"CONSTRAINT {ALEMBIC_VERSION_TABLE}_pkc PRIMARY KEY (version_num))"
        )
    )
    connection.execute(
        text(f"INSERT INTO {ALEMBIC_VERSION_TABLE} (version_num) VALUES (:revision)"),
        {"revision": REVISIONS[SCHEMA_VERSION]},
    )
    _stamp_identity(connection, SCHEMA_VERSION)


def upgrade_connection(connection: Connection, revision: str = "head") -> None:
    """Run the shipped migrations on an open connection up to `revision` (an empty database starts at 0)."""
    from alembic import command

    command.upgrade(_alembic_config(connection), revision)
    version = next(v for v, r in REVISIONS.items() if r == (REVISIONS[SCHEMA_VERSION] if revision == "head" else revision))
    _stamp_identity(connection, version)


def head_revision() -> str:
    """The newest revision among the shipped migration scripts."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    head = ScriptDirectory.from_config(config).get_current_head()
    assert head is not None
    return head
