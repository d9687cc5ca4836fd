"""The identity of a plan file's schema: application id, version numbers and the structural fingerprint."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from functools import cache

# 'CPLN' as a big-endian integer: SQLite's application_id of every .cplan file.
APPLICATION_ID = 0x43504C4E
# PRAGMA user_version of a file written by this version of the app; each maps to an Alembic revision.
SCHEMA_VERSION = 9
REVISIONS: dict[int, str] = {1: "0001", 2: "0002", 3: "0003", 4: "0004", 5: "0005", 6: "0006",
                             7: "0007", 8: "0008", 9: "0009"}
ALEMBIC_VERSION_TABLE = "alembic_version"


@dataclass(frozen=True)
class SchemaFingerprint:
    """What a file's schema is made of, compared structurally (not by SQL text)."""

    tables: dict[str, tuple[tuple[object, ...], ...]]
    indexes: frozenset[tuple[str, bool, tuple[str, ...]]]
    foreign_keys: frozenset[tuple[str, str, str, str, str]]
    triggers: frozenset[str]
    views: frozenset[str]

    def differences(self, expected: SchemaFingerprint) -> list[str]:
        """Human-readable list of what this schema has that the expected one lacks, or differs in."""
        found: list[str] = []
        found += [f"trigger '{name}'" for name in sorted(self.triggers - expected.triggers)]
        found += [f"view '{name}'" for name in sorted(self.views - expected.views)]
        found += [f"table '{name}'" for name in sorted(set(self.tables) - set(expected.tables))]
        found += [f"missing table '{name}'" for name in sorted(set(expected.tables) - set(self.tables))]
        for name in sorted(set(self.tables) & set(expected.tables)):
            if self.tables[name] != expected.tables[name]:
                found.append(f"columns of table '{name}'")
        found += [f"index on '{table}' ({', '.join(cols)})" for table, _u, cols in sorted(self.indexes - expected.indexes)]
        found += [f"missing index on '{t}' ({', '.join(c)})" for t, _u, c in sorted(expected.indexes - self.indexes)]
        if self.foreign_keys != expected.foreign_keys:
            found.append("foreign keys")
        return found


def read_fingerprint(connection: sqlite3.Connection) -> SchemaFingerprint:
    """Read the structure of every object in the database without running any of its code."""
    # Only tables may be SQLite's own (sqlite_sequence, sqlite_stat1, ...): every trigger and view counts,
    # whatever its name. ('_' is a LIKE wildcard, so NOT LIKE 'sqlite_%' would also hide 'sqliteXtrap'.)
    rows = [
        (kind, name, table)
        for kind, name, table in connection.execute("SELECT type, name, tbl_name FROM sqlite_master").fetchall()
        if kind != "table" or not str(name).lower().startswith("sqlite_")
    ]
    tables: dict[str, tuple[tuple[object, ...], ...]] = {}
    indexes: set[tuple[str, bool, tuple[str, ...]]] = set()
    foreign_keys: set[tuple[str, str, str, str, str]] = set()
    triggers = frozenset(name for kind, name, _table in rows if kind == "trigger")
    views = frozenset(name for kind, name, _table in rows if kind == "view")
    for kind, name, _table in rows:
        if kind != "table":
            continue
        quoted = name.replace('"', '""')
        tables[name] = tuple(
            (column[1], str(column[2]).upper(), column[3], column[4], column[5], column[6])
            for column in connection.execute(f'PRAGMA table_xinfo("{quoted}")')
        )
        for index in connection.execute(f'PRAGMA index_list("{quoted}")'):
            index_name = index[1].replace('"', '""')
            columns = tuple(str(c[2]) for c in connection.execute(f'PRAGMA index_info("{index_name}")'))
            indexes.add((name, bool(index[2]), columns))
        for key in connection.execute(f'PRAGMA foreign_key_list("{quoted}")'):
            foreign_keys.add((name, str(key[2]), str(key[3]), str(key[4]), str(key[6])))
    return SchemaFingerprint(tables, frozenset(indexes), frozenset(foreign_keys), triggers, views)


@cache
def expected_fingerprint(version: int) -> SchemaFingerprint:
    """The fingerprint a file of the given schema version has when this app (or its migrations) made it."""
    from sqlalchemy import create_engine

    from planner.storage.migrate import create_schema, upgrade_connection

    engine = create_engine("sqlite://")
    with engine.begin() as connection:
        if version == SCHEMA_VERSION:
            create_schema(connection)
        else:
            upgrade_connection(connection, REVISIONS[version])
        raw = connection.connection.driver_connection
        assert raw is not None
        fingerprint = read_fingerprint(raw)
    engine.dispose()
    return fingerprint
