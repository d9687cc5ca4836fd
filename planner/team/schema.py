"""The team plan's schema on PostgreSQL: the plan's own tables, row versions kept beside them, and three roles.

Design (docs/team-mode.md): the tables are made from the same SQLAlchemy metadata as a .cplan file. Only on
PostgreSQL, every plan table gets three more columns that the model does not know, so the SQLite format and the
commands stay as they are: `cplan_version` (a number from one sequence, new on every insert and update, never
reused), `cplan_changed_by` and `cplan_changed_at`. A trigger sets them; a client cannot forge them. The same
trigger notes each row an edit touches (old and new values) in a temporary table of the editing session, from
which planner.team.session tells a stale edit from a harmless one. Foreign keys are made DEFERRABLE (checked at
commit when a transaction asks), so a whole plan can be written in any order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import (
    CheckConstraint,
    Column,
    Connection,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    inspect,
    select,
    text,
)

from planner.i18n import _
from planner.model import ENTITY_CLASSES, Base
from planner.storage.schema import ALEMBIC_VERSION_TABLE, REVISIONS, SCHEMA_VERSION
from planner.team.connection import ServerError

VIEWER_ROLE = "cplan_viewer"
EDITOR_ROLE = "cplan_editor"
ADMIN_ROLE = "cplan_admin"
ROLES = (VIEWER_ROLE, EDITOR_ROLE, ADMIN_ROLE)
VERSION_SEQUENCE = "cplan_row_version"
VERSION_COLUMN = "cplan_version"
CHANGED_BY_COLUMN = "cplan_changed_by"
CHANGED_AT_COLUMN = "cplan_changed_at"
VERSION_COLUMNS = (VERSION_COLUMN, CHANGED_BY_COLUMN, CHANGED_AT_COLUMN)
STAMP_FUNCTION = "cplan_stamp_row"
STAMP_TRIGGER = "cplan_stamp"
TOUCHED_TABLE = "cplan_touched"
# The transaction-local setting that names who makes an edit (set by planner.team.session).
AUTHOR_SETTING = "cplan.author"
HISTORY_TABLE = "change_log"  # every edit adds its entry (planner.history); editors may not change or delete one

team_metadata = MetaData()
# One row: which format the server's tables are in, and which plan they hold (publish fills the plan columns).
team_info = Table(
    "cplan_team", team_metadata,
    Column("singleton", Integer, primary_key=True),
    Column("schema_version", Integer, nullable=False),
    Column("set_up_at", DateTime(timezone=True), nullable=False),
    Column("set_up_by", Text, nullable=False, default=""),
    Column("plan_id", String(36)),
    Column("plan_title", Text),
    Column("published_at", DateTime(timezone=True)),
    Column("published_by", Text),
    Column("published_from", Text),
    CheckConstraint("singleton = 1", name="ck_cplan_team_one_row"),
)

_STAMP_FUNCTION_SQL = f"""
CREATE OR REPLACE FUNCTION {STAMP_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $body$
DECLARE
  noting boolean := to_regclass('pg_temp.{TOUCHED_TABLE}') IS NOT NULL;
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF noting THEN
      INSERT INTO pg_temp.{TOUCHED_TABLE} (table_name, row_id, operation, old_version, old_changed_by,
                                           old_changed_at, old_row, new_version, new_row)
      VALUES (TG_TABLE_NAME, OLD.id, TG_OP, OLD.{VERSION_COLUMN}, OLD.{CHANGED_BY_COLUMN},
              OLD.{CHANGED_AT_COLUMN}, to_jsonb(OLD), NULL, NULL);
    END IF;
    RETURN OLD;
  END IF;
  NEW.{VERSION_COLUMN} := nextval('{VERSION_SEQUENCE}');
  NEW.{CHANGED_BY_COLUMN} := coalesce(nullif(current_setting('{AUTHOR_SETTING}', true), ''), session_user);
  NEW.{CHANGED_AT_COLUMN} := now();
  IF noting THEN
    IF TG_OP = 'UPDATE' THEN
      INSERT INTO pg_temp.{TOUCHED_TABLE} (table_name, row_id, operation, old_version, old_changed_by,
                                           old_changed_at, old_row, new_version, new_row)
      VALUES (TG_TABLE_NAME, NEW.id, TG_OP, OLD.{VERSION_COLUMN}, OLD.{CHANGED_BY_COLUMN},
              OLD.{CHANGED_AT_COLUMN}, to_jsonb(OLD), NEW.{VERSION_COLUMN}, to_jsonb(NEW));
    ELSE
      INSERT INTO pg_temp.{TOUCHED_TABLE} (table_name, row_id, operation, new_version, new_row)
      VALUES (TG_TABLE_NAME, NEW.id, TG_OP, NEW.{VERSION_COLUMN}, to_jsonb(NEW));
    END IF;
  END IF;
  RETURN NEW;
END
$body$
"""

# Created by each editing session for itself (TEMP privilege), emptied at every commit.
TOUCHED_TABLE_SQL = f"""
CREATE TEMP TABLE IF NOT EXISTS {TOUCHED_TABLE} (
  seq bigserial PRIMARY KEY, table_name text NOT NULL, row_id text NOT NULL, operation text NOT NULL,
  old_version bigint, old_changed_by text, old_changed_at timestamptz, old_row jsonb,
  new_version bigint, new_row jsonb
) ON COMMIT DELETE ROWS
"""


def plan_tables() -> list[Table]:
    """The plan's tables, parents before children (every kind of row a .cplan file holds)."""
    kinds = {cls.__table__ for cls in ENTITY_CLASSES.values()}
    return [table for table in Base.metadata.sorted_tables if table in kinds]


@dataclass
class SetUpResult:
    """What `cplan server init` did."""

    created_tables: bool
    created_roles: list[str] = field(default_factory=list)
    database: str = ""


@dataclass(frozen=True)
class ServerPlanInfo:
    """The team database's record: its format, and the plan published to it (None before the first)."""

    schema_version: int
    plan_id: str | None
    plan_title: str | None
    published_at: datetime | None
    published_by: str | None


def _quote(connection: Connection, name: str) -> str:
    return connection.dialect.identifier_preparer.quote(name)


def _require_postgresql(connection: Connection) -> None:
    if connection.dialect.name != "postgresql":
        raise ServerError(_("Team plans live on PostgreSQL, not on {engine}.").format(engine=connection.dialect.name))


def read_server_info(connection: Connection) -> ServerPlanInfo | None:
    """The team record, or None when the database was never set up with `cplan server init`."""
    _require_postgresql(connection)
    present = connection.execute(text("SELECT to_regclass('public.cplan_team') IS NOT NULL")).scalar_one()
    if not present:
        return None
    row = connection.execute(select(team_info)).mappings().first()
    if row is None:
        return None
    return ServerPlanInfo(row["schema_version"], row["plan_id"], row["plan_title"], row["published_at"],
                          row["published_by"])


def require_team_database(connection: Connection, database: str) -> ServerPlanInfo:
    """The team record of a database set up for this version of the app; ServerError otherwise."""
    info = read_server_info(connection)
    if info is None:
        raise ServerError(_("The database {database} is not set up for team plans; run 'cplan server init' on it "
                            "first.").format(database=database))
    if info.schema_version != SCHEMA_VERSION:
        raise ServerError(_("The database {database} holds plans in format {server}, but this app uses format "
                            "{app}; use the app version that set it up.").format(
                                database=database, server=info.schema_version, app=SCHEMA_VERSION))
    return info


def _create_tables(connection: Connection, author: str) -> None:
    connection.execute(text(f"CREATE SEQUENCE {VERSION_SEQUENCE} AS bigint"))
    Base.metadata.create_all(connection)
    connection.execute(text(
        f"CREATE TABLE {ALEMBIC_VERSION_TABLE} (version_num VARCHAR(32) NOT NULL, "
        f"CONSTRAINT {ALEMBIC_VERSION_TABLE}_pkc PRIMARY KEY (version_num))"))
    connection.execute(text(f"INSERT INTO {ALEMBIC_VERSION_TABLE} (version_num) VALUES (:revision)"),
                       {"revision": REVISIONS[SCHEMA_VERSION]})
    connection.execute(text(_STAMP_FUNCTION_SQL))
    for table in plan_tables():
        name = _quote(connection, table.name)
        connection.execute(text(
            f"ALTER TABLE {name} "
            f"ADD COLUMN {VERSION_COLUMN} bigint NOT NULL DEFAULT nextval('{VERSION_SEQUENCE}'), "
            f"ADD COLUMN {CHANGED_BY_COLUMN} text NOT NULL DEFAULT '', "
            f"ADD COLUMN {CHANGED_AT_COLUMN} timestamptz NOT NULL DEFAULT now()"))
        connection.execute(text(
            f"CREATE TRIGGER {STAMP_TRIGGER} BEFORE INSERT OR UPDATE OR DELETE ON {name} "
            f"FOR EACH ROW EXECUTE FUNCTION {STAMP_FUNCTION}()"))
    keys = connection.execute(text(
        "SELECT conrelid::regclass::text, conname FROM pg_constraint "
        "WHERE contype = 'f' AND connamespace = 'public'::regnamespace")).all()
    for table_name, constraint in keys:
        connection.execute(text(
            f"ALTER TABLE {table_name} ALTER CONSTRAINT {_quote(connection, constraint)} "
            "DEFERRABLE INITIALLY IMMEDIATE"))
    team_metadata.create_all(connection)
    connection.execute(team_info.insert().values(
        singleton=1, schema_version=SCHEMA_VERSION, set_up_at=text("now()"), set_up_by=author))


def _create_roles(connection: Connection) -> list[str]:
    created = []
    for role in ROLES:
        exists = connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :role"), {"role": role}).first()
        if exists is None:
            connection.execute(text(f"CREATE ROLE {role} NOLOGIN"))
            created.append(role)
    return created


def _grant(connection: Connection) -> None:
    """PostgreSQL's own permissions: a viewer reads, an editor changes rows and adds to the history (which it
    may not change or delete: the history only grows), an admin may do everything to the plan's tables (publish
    replaces them). Nobody else may even connect; nobody may create tables."""
    database = _quote(connection, connection.execute(text("SELECT current_database()")).scalar_one())
    plan = ", ".join(_quote(connection, table.name) for table in plan_tables())
    edited = ", ".join(_quote(connection, table.name) for table in plan_tables() if table.name != HISTORY_TABLE)
    # Tables of the file that are not items of the plan (e.g. its lineage), the team record and the format stamp:
    # read by everyone, written only by an admin.
    others = [name for name in Base.metadata.tables if name not in {table.name for table in plan_tables()}]
    record = ", ".join(_quote(connection, name) for name in [*others, team_info.name, ALEMBIC_VERSION_TABLE])
    for statement in (
        f"REVOKE ALL ON DATABASE {database} FROM PUBLIC",
        "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
        f"GRANT CONNECT ON DATABASE {database} TO {VIEWER_ROLE}",
        f"GRANT CONNECT, TEMPORARY ON DATABASE {database} TO {EDITOR_ROLE}, {ADMIN_ROLE}",
        f"GRANT USAGE ON SCHEMA public TO {VIEWER_ROLE}, {EDITOR_ROLE}, {ADMIN_ROLE}",
        f"GRANT SELECT ON {plan}, {record} TO {VIEWER_ROLE}, {EDITOR_ROLE}",
        f"GRANT INSERT, UPDATE, DELETE ON {edited} TO {EDITOR_ROLE}",
        f"REVOKE UPDATE, DELETE, TRUNCATE ON {HISTORY_TABLE} FROM {EDITOR_ROLE}",
        f"GRANT INSERT ON {HISTORY_TABLE} TO {EDITOR_ROLE}",
        f"GRANT USAGE ON SEQUENCE {VERSION_SEQUENCE} TO {EDITOR_ROLE}",
        f"GRANT ALL ON {plan}, {record} TO {ADMIN_ROLE}",
        f"GRANT ALL ON SEQUENCE {VERSION_SEQUENCE} TO {ADMIN_ROLE}",
    ):
        connection.execute(text(statement))


def set_up_database(connection: Connection, author: str) -> SetUpResult:
    """Create the plan's tables, row versions and roles in an empty database (in the caller's transaction).

    A database already set up keeps its tables and gets its roles and permissions put right again; a database
    holding other tables of ours, or in another format, is refused."""
    _require_postgresql(connection)
    database = connection.execute(text("SELECT current_database()")).scalar_one()
    info = read_server_info(connection)
    if info is not None:
        require_team_database(connection, database)
        created = False
    else:
        ours = {table.name for table in plan_tables()} | {ALEMBIC_VERSION_TABLE, VERSION_SEQUENCE}
        clashing = sorted(ours & set(inspect(connection).get_table_names(schema="public")))
        if clashing:
            raise ServerError(_("The database {database} already holds tables that 'cplan server init' did not "
                                "make ({tables}); use a new, empty database.").format(
                                    database=database, tables=", ".join(clashing[:5])))
        _create_tables(connection, author)
        created = True
    roles = _create_roles(connection)
    _grant(connection)
    return SetUpResult(created, roles, database)
