"""Every bad plan file is refused with a typed error naming the file, and is left exactly as it was."""

from __future__ import annotations

import random
import re
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from planner.errors import PlanFileError
from planner.storage import SCHEMA_VERSION, PlanDocument, validate_plan_file
from tests.planner.storage.helpers import (
    folder_listing,
    make_plan,
    plan_title_in_file,
    read_only_connection,
    sha256,
    working_files,
)

PAGE_SIZE = 4096


def _execute(path: Path, *statements: str) -> None:
    connection = sqlite3.connect(path)
    try:
        for statement in statements:
            connection.execute(statement)
        connection.commit()
    finally:
        connection.close()


def _copy_of_plan(source: Path, folder: Path) -> Path:
    target = folder / "plan.cplan"
    shutil.copyfile(source, target)
    return target


# Each builder makes one bad file in `folder` (from a sound plan `good`) and returns its path.
def _missing(good: Path, folder: Path) -> Path:
    return folder / "plan.cplan"


def _folder(good: Path, folder: Path) -> Path:
    (folder / "plan.cplan").mkdir()
    return folder / "plan.cplan"


def _empty(good: Path, folder: Path) -> Path:
    (folder / "plan.cplan").write_bytes(b"")
    return folder / "plan.cplan"


def _renamed_xlsx(good: Path, folder: Path) -> Path:
    workbook = openpyxl.Workbook()
    workbook.active.append(["과제", "예산"])
    workbook.save(folder / "plan.cplan")
    return folder / "plan.cplan"


def _pdf(good: Path, folder: Path) -> Path:
    (folder / "plan.cplan").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" * 20)
    return folder / "plan.cplan"


def _nul_bytes(good: Path, folder: Path) -> Path:
    (folder / "plan.cplan").write_bytes(b"\x00" * (16 * PAGE_SIZE))
    return folder / "plan.cplan"


def _foreign_sqlite(good: Path, folder: Path) -> Path:
    path = folder / "plan.cplan"
    _execute(path, "CREATE TABLE contacts (name TEXT, phone TEXT)", "INSERT INTO contacts VALUES ('Kim', '010')")
    return path


def _truncated(good: Path, folder: Path) -> Path:
    path = _copy_of_plan(good, folder)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def _corrupted_pages(good: Path, folder: Path) -> Path:
    path = _copy_of_plan(good, folder)
    data = bytearray(path.read_bytes())
    pages = len(data) // PAGE_SIZE
    noise = random.Random(20270101)
    for page in (pages // 2 - 3, pages // 2, pages // 2 + 2):
        data[page * PAGE_SIZE:(page + 1) * PAGE_SIZE] = bytes(noise.getrandbits(8) for _ in range(PAGE_SIZE))
    path.write_bytes(bytes(data))
    return path


def _newer(good: Path, folder: Path) -> Path:
    path = _copy_of_plan(good, folder)
    _execute(path, f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    return path


def _unknown_version(good: Path, folder: Path) -> Path:
    path = _copy_of_plan(good, folder)
    _execute(path, "PRAGMA user_version = 0")
    return path


TRIGGER = ("CREATE TRIGGER {name} AFTER INSERT ON initiative BEGIN "
           "UPDATE plan SET title = 'pwned'; DELETE FROM initiative WHERE id <> new.id; END")


def _trigger(good: Path, folder: Path) -> Path:
    path = _copy_of_plan(good, folder)
    _execute(path, TRIGGER.format(name="planted_after_insert"))
    return path


def _trigger_named_like_internal(good: Path, folder: Path) -> Path:
    # 'sqlitextrap' is an ordinary name, but matches LIKE 'sqlite_%' ('_' is a wildcard there).
    path = _copy_of_plan(good, folder)
    _execute(path, TRIGGER.format(name="sqlitextrap"))
    return path


def _extra_table(good: Path, folder: Path) -> Path:
    path = _copy_of_plan(good, folder)
    _execute(path, "CREATE TABLE exfiltrated (data TEXT)")
    return path


def _extra_view(good: Path, folder: Path) -> Path:
    path = _copy_of_plan(good, folder)
    _execute(path, "CREATE VIEW every_plan AS SELECT * FROM plan")
    return path


def _extra_index(good: Path, folder: Path) -> Path:
    path = _copy_of_plan(good, folder)
    _execute(path, "CREATE INDEX ix_sneaky ON initiative (title)")
    return path


# builder, expected code, words the problem text must contain (lower-case)
CASES: dict[str, tuple[Callable[[Path, Path], Path], str, tuple[str, ...]]] = {
    "missing": (_missing, "missing", ("does not exist",)),
    "folder": (_folder, "not_a_file", ("folder",)),
    "empty": (_empty, "empty", ("0 bytes",)),
    "renamed_xlsx": (_renamed_xlsx, "not_sqlite", ("zip",)),
    "pdf": (_pdf, "not_sqlite", ("pdf",)),
    "nul_bytes": (_nul_bytes, "damaged", ("zero bytes",)),
    "foreign_sqlite": (_foreign_sqlite, "foreign", ("another application",)),
    "truncated": (_truncated, "damaged", ("truncated",)),
    "corrupted_pages": (_corrupted_pages, "damaged", ("damaged",)),
    "newer": (_newer, "newer", ("newer",)),
    "unknown_version": (_unknown_version, "damaged", ("version",)),
    "trigger": (_trigger, "hostile", ("trigger 'planted_after_insert'",)),
    "trigger_named_like_internal": (_trigger_named_like_internal, "hostile", ("trigger 'sqlitextrap'",)),
    "extra_table": (_extra_table, "hostile", ("table 'exfiltrated'",)),
    "extra_view": (_extra_view, "hostile", ("view 'every_plan'",)),
    "extra_index": (_extra_index, "hostile", ("index on 'initiative' (title)",)),
}

OPENERS: dict[str, Callable[[Path], object]] = {
    "validate": validate_plan_file,
    "open": PlanDocument.open,
    "open_read_only": lambda path: PlanDocument.open(path, read_only=True),
}


@pytest.fixture(scope="module")
def good_plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A sound plan with enough initiatives to span many pages (built once; tests copy it)."""
    folder = tmp_path_factory.mktemp("good")
    data_dir = folder / "app-data"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CPLAN_DATA_DIR", str(data_dir))
        return make_plan(folder / "good.cplan", title="Sound plan", initiatives=120)


def assert_user_message(error: PlanFileError, path: Path) -> None:
    message = str(error)
    assert str(path) in message
    assert "\n" not in message
    for tell_tale in ("Traceback", 'File "', "sqlite3.", "Error(", "Exception", "<", ">"):
        assert tell_tale not in message, f"{tell_tale!r} in {message!r}"


def test_sound_plan_passes(good_plan: Path) -> None:
    report = validate_plan_file(good_plan)
    assert report.schema_version == SCHEMA_VERSION
    assert report.title == "Sound plan"
    assert not report.needs_migration


@pytest.mark.parametrize("opener", OPENERS)
@pytest.mark.parametrize("case", CASES)
def test_bad_file_is_refused_and_left_untouched(case: str, opener: str, good_plan: Path, tmp_path: Path) -> None:
    build, code, words = CASES[case]
    folder = tmp_path / "files"
    folder.mkdir()
    path = build(good_plan, folder)
    digest = sha256(path) if path.is_file() else None
    listing = folder_listing(folder)

    with pytest.raises(PlanFileError) as caught:
        OPENERS[opener](path)

    error = caught.value
    assert error.code == code, str(error)
    assert error.path == path
    assert_user_message(error, path)
    for word in words:
        assert word in error.problem.lower()
    assert (sha256(path) if path.is_file() else None) == digest
    assert folder_listing(folder) == listing  # no lock, backup, journal or temporary file beside it
    assert working_files() == []  # no working copy or sidecar left behind


def test_newer_file_names_both_versions(good_plan: Path, tmp_path: Path) -> None:
    path = _newer(good_plan, tmp_path)
    with pytest.raises(PlanFileError) as caught:
        PlanDocument.open(path)
    numbers = re.findall(r"\d+", caught.value.problem)
    assert str(SCHEMA_VERSION + 1) in numbers
    assert str(SCHEMA_VERSION) in numbers


@pytest.mark.parametrize("build", [_trigger, _trigger_named_like_internal])
def test_planted_trigger_never_runs(build: Callable[[Path, Path], Path], good_plan: Path, tmp_path: Path) -> None:
    path = build(good_plan, tmp_path)
    digest = sha256(path)

    # The trigger is live: an insert through plain sqlite3 into a scratch copy fires it.
    scratch = tmp_path / "scratch" / "copy.cplan"
    scratch.parent.mkdir()
    shutil.copyfile(path, scratch)
    _execute(scratch, "INSERT INTO initiative (id, modified_at, code, title, purpose, content, target_users, "
                      "start_month, duration_months, ai_technology, service_domain, data_used, lead_department, "
                      "status, progress, project_type, contract_method, prior_consultation, security_consultation, "
                      "sensitive_data, unique_identifiers, position) VALUES ('x', '2027-01-01', 'X', 'x', '', '', "
                      "'', 24324, 1, '', '', '', '', 'planned', 0, 'build', '', '', 0, 0, 0, 0)")
    assert plan_title_in_file(scratch) == "pwned"

    with pytest.raises(PlanFileError) as caught:
        PlanDocument.open(path)
    assert caught.value.code == "hostile"
    assert sha256(path) == digest
    assert plan_title_in_file(path) == "Sound plan"
    connection = read_only_connection(path)
    try:
        assert connection.execute("SELECT count(*) FROM initiative").fetchone() == (120,)
    finally:
        connection.close()
    assert working_files() == []


def test_a_file_swapped_between_validation_and_copy_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The working copy is checked again, so a file replaced after validation (say, with a trigger) is refused."""
    import planner.storage.document as document_module
    from planner.errors import PlanFileError
    from planner.storage import PlanDocument

    plan = tmp_path / "swapped.cplan"
    with PlanDocument.new("swap", 2027, 2031) as document:
        document.save_as(plan)
    real_copy = document_module.copy_database

    def copy_then_plant_trigger(source: Path, target: Path) -> None:
        real_copy(source, target)
        with sqlite3.connect(target) as connection:  # what a swapped-in hostile file would carry
            connection.execute("CREATE TRIGGER planted AFTER INSERT ON initiative BEGIN DELETE FROM plan; END")

    monkeypatch.setattr(document_module, "copy_database", copy_then_plant_trigger)
    with pytest.raises(PlanFileError) as refused:
        PlanDocument.open(plan)
    assert refused.value.code == "changed"
    assert str(plan) in str(refused.value)
    assert list((tmp_path / "app-data" / "working").glob("*.cplan")) == []
    assert not (tmp_path / "swapped.cplan.lock").exists()
