"""The identity of a plan file's schema: application id, version numbers and the structural fingerprint."""

from __future__ import annotations

import hashlib
import json
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

    def digest(self) -> str:
        """A SHA-256 of the whole structure, the same for equal fingerprints (see KNOWN_DIGESTS)."""
        canonical = [
            sorted([name, [list(column) for column in columns]] for name, columns in self.tables.items()),
            sorted([table, unique, list(columns)] for table, unique, columns in self.indexes),
            sorted(list(key) for key in self.foreign_keys), sorted(self.triggers), sorted(self.views),
        ]
        return hashlib.sha256(json.dumps(canonical, ensure_ascii=False).encode("utf-8")).hexdigest()

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


# expected_fingerprint(version).digest() of each format version: a file whose fingerprint has the digest of its
# version needs no comparison, so opening it does not build the expected schema (SQLAlchemy, the data model and
# the migrations: a quarter of a second). tests/planner/storage/test_schema.py recomputes every entry; a new
# format version adds its own (`python -c "from planner.storage.schema import expected_fingerprint as f;
# print(f(N).digest())"`). A version without one is compared in full, as before.
KNOWN_DIGESTS: dict[int, str] = {
    1: "426fa3bf01de135076013b1862165184b82d961e5197f9e9ba40b3bcb25ba416",
    2: "69a46831803b733340aaeeb527be31c722ade2962e75ed2205e35e4c6dac5bc3",
    3: "479349e41b236ca379a428b4ccf919dd1ffa94de174e519b11507da18a478420",
    4: "2bbbf5bb80f5dd80e5a31da5e29180da95a6a42f49e1594697d2965afdb4e90b",
    5: "97a7cca5d8c021cb2f94ba1b99d758f74ce3d1e0f2b2dd1ef73fdfa0198133c1",
    6: "29962a64b87073379923dcef031d36ef44f78de9b4c08b75a0c8348956471be4",
    7: "a8f38d5e0a78a8f14b1ddec79d09fbe8a4a40550de2132f6cd88df39b28cfffb",
    8: "34986a3dc7374378003154d1436123ea5ef0aa8ba317a251e90d2264339dcb54",
    9: "6db0d4d28de45d5fa34ff8a7cb2e1e412bbf95f6dbce4d612c74cec69c3a8db3",
}


def schema_differences(connection: sqlite3.Connection, version: int) -> list[str]:
    """What the schema of the database on `connection` has that a file of format `version` made by this app
    lacks, or differs in (see SchemaFingerprint.differences); [] when it is exactly that schema."""
    found = read_fingerprint(connection)
    if KNOWN_DIGESTS.get(version) == found.digest():
        return []
    return found.differences(expected_fingerprint(version))
