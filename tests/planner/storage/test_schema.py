"""The schema made for a new plan is the schema the migrations build, and every file carries its identity."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory

from planner.storage import APPLICATION_ID, SCHEMA_VERSION, PlanDocument, make_engine
from planner.storage.create import create_plan_database
from planner.storage.migrate import MIGRATIONS_DIR, create_schema, head_revision, upgrade_connection
from planner.storage.schema import REVISIONS, SchemaFingerprint, expected_fingerprint, read_fingerprint
from tests.planner.storage.helpers import read_only_connection


def _fingerprint(path: Path) -> SchemaFingerprint:
    connection = read_only_connection(path)
    try:
        return read_fingerprint(connection)
    finally:
        connection.close()


def _identity(path: Path) -> tuple[int, int, str]:
    connection = read_only_connection(path)
    try:
        application_id = connection.execute("PRAGMA application_id").fetchone()[0]
        user_version = connection.execute("PRAGMA user_version").fetchone()[0]
        (revision,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        return application_id, user_version, revision
    finally:
        connection.close()


def _build(path: Path, revision: str | None) -> Path:
    """A file made by create_all (revision None) or by running the migrations up to `revision`."""
    engine = make_engine(path)
    try:
        with engine.begin() as connection:
            if revision is None:
                create_schema(connection)
            else:
                upgrade_connection(connection, revision)
    finally:
        engine.dispose()
    return path


def test_create_all_and_migrations_build_the_same_schema(tmp_path: Path) -> None:
    created = _fingerprint(_build(tmp_path / "created.cplan", None))
    migrated = _fingerprint(_build(tmp_path / "migrated.cplan", "head"))
    assert created.differences(migrated) == []
    assert migrated.differences(created) == []
    assert created == migrated
    assert created == expected_fingerprint(SCHEMA_VERSION)
    assert "initiative" in created.tables and "comment" in created.tables


def test_every_version_has_the_fingerprint_validation_expects(tmp_path: Path) -> None:
    for version, revision in REVISIONS.items():
        path = _build(tmp_path / f"v{version}.cplan", revision)
        assert _fingerprint(path) == expected_fingerprint(version)
        assert _identity(path) == (APPLICATION_ID, version, revision)
    assert expected_fingerprint(1) != expected_fingerprint(SCHEMA_VERSION)


def test_head_revision_is_the_current_schema_version() -> None:
    assert head_revision() == REVISIONS[SCHEMA_VERSION]
    assert max(REVISIONS) == SCHEMA_VERSION


def test_every_shipped_migration_has_a_schema_version() -> None:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    shipped = {script.revision for script in ScriptDirectory.from_config(config).walk_revisions()}
    assert shipped == set(REVISIONS.values())


def test_new_files_carry_application_id_and_version(tmp_path: Path) -> None:
    created = tmp_path / "created.cplan"
    create_plan_database(created, title="계획", start_year=2027, end_year=2031)
    assert _identity(created) == (APPLICATION_ID, SCHEMA_VERSION, REVISIONS[SCHEMA_VERSION])

    document = PlanDocument.new("새 계획", 2027, 2031)
    try:
        assert _identity(document.working_path)[:2] == (APPLICATION_ID, SCHEMA_VERSION)
        document.save_as(tmp_path / "saved.cplan")
    finally:
        document.close()
    assert _identity(tmp_path / "saved.cplan") == (APPLICATION_ID, SCHEMA_VERSION, REVISIONS[SCHEMA_VERSION])
    with (tmp_path / "saved.cplan").open("rb") as handle:
        header = handle.read(100)
    assert int.from_bytes(header[68:72], "big") == APPLICATION_ID
    assert int.from_bytes(header[60:64], "big") == SCHEMA_VERSION
    assert header[18:20] == b"\x01\x01"  # rollback journal, never WAL: the file alone is complete


def test_fingerprint_sees_objects_whatever_their_name(tmp_path: Path) -> None:
    path = _build(tmp_path / "plan.cplan", None)
    connection = sqlite3.connect(path)
    connection.execute("CREATE TRIGGER sqliteXtrap AFTER DELETE ON plan BEGIN SELECT 1; END")
    connection.execute("CREATE VIEW sqlite1view AS SELECT 1")
    connection.commit()
    connection.close()
    found = _fingerprint(path).differences(expected_fingerprint(SCHEMA_VERSION))
    assert "trigger 'sqliteXtrap'" in found
    assert "view 'sqlite1view'" in found


def test_every_known_digest_is_the_digest_of_that_versions_expected_schema() -> None:
    from planner.storage.schema import KNOWN_DIGESTS

    assert SCHEMA_VERSION in KNOWN_DIGESTS, (
        "add the new format version's digest to KNOWN_DIGESTS (planner/storage/schema.py), or every open "
        "builds the expected schema with SQLAlchemy")
    for version, digest in KNOWN_DIGESTS.items():
        assert expected_fingerprint(version).digest() == digest, version
    assert len(set(KNOWN_DIGESTS.values())) == len(KNOWN_DIGESTS)


def test_a_schema_with_the_known_digest_needs_no_comparison_and_another_is_compared(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import planner.storage.schema as schema

    path = _build(tmp_path / "created.cplan", None)
    calls: list[int] = []
    monkeypatch.setattr(schema, "expected_fingerprint", lambda version: calls.append(version) or
                        expected_fingerprint(version))
    connection = sqlite3.connect(path)
    try:
        assert schema.schema_differences(connection, SCHEMA_VERSION) == [] and calls == []
        connection.execute("CREATE VIEW peek AS SELECT 1")
        assert schema.schema_differences(connection, SCHEMA_VERSION) == ["view 'peek'"]
        assert calls == [SCHEMA_VERSION]
    finally:
        connection.close()
