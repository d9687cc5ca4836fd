"""The cplan command line: every sub-command in-process and as a process, exit codes, one-line errors."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import types
from pathlib import Path

import pytest
from sqlalchemy import insert
from sqlalchemy.orm import Session

import planner.i18n
from planner.cli import display_width, main, split_region
from planner.i18n import current_language
from planner.model import ENTITY_CLASSES, Plan, new_id, utc_now
from planner.storage import SCHEMA_VERSION
from planner.storage.lock import acquire_lock
from tests.planner.commands.sample_plan import build_sample_plan
from tests.planner.storage.helpers import insert_as_of_then

ROOT = Path(__file__).resolve().parents[2]
HEAVY_MODULES = ("alembic", "networkx", "matplotlib", "reportlab", "PySide6")


def run_cli(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    code = main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    return code, out, err


def run_process(cwd: Path, *args: object) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
                        "CPLAN_LANG": "en", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "planner.cli", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=300)


def assert_one_line_error(err: str, *expected: str) -> None:
    lines = err.rstrip("\n").split("\n")
    assert len(lines) == 1, err
    assert "Traceback" not in err and lines[0].startswith("cplan")
    for text in expected:
        assert text in lines[0], (text, lines[0])


def leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.startswith("."))


@pytest.fixture
def sample_file(tmp_path: Path) -> Path:
    path = tmp_path / "sample.cplan"
    build_sample_plan(path).engine.dispose()
    return path


# -- usage ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("args", [
    [], ["frobnicate"], ["info"], ["info", "x.cplan", "--bogus"], ["--lang", "fr", "info", "x.cplan"],
    ["synth", "x.cplan", "--initiatives", "many", "--stakeholders", "1"], ["new", "x.cplan", "--title", "t"],
])
def test_usage_errors_exit_2_with_one_line(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    code, out, err = run_cli(capsys, *args)
    assert code == 2 and out == ""
    assert_one_line_error(err)


def test_help_and_version_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run_cli(capsys, "--help")
    assert code == 0 and "demo" in out and "synth" in out
    code, out, _err = run_cli(capsys, "new", "--help")
    assert code == 0 and "--start-year" in out
    code, out, _err = run_cli(capsys, "--version")
    assert code == 0 and out.startswith("cplan ")


def test_lang_sets_the_message_language_and_main_restores_it(
    capsys: pytest.CaptureFixture[str], sample_file: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    korean = {"Initiatives": "과제", "Budget total": "예산 합계", "{amount} KRW": "{amount}원"}
    monkeypatch.setattr(planner.i18n, "_catalogue", lambda language: korean if language == "ko" else {})
    code, out, _err = run_cli(capsys, "--lang", "ko", "info", sample_file)
    assert code == 0 and "예산 합계: 150,000,000원" in out and "  과제 " in out
    assert current_language() == "en"
    code, out, _err = run_cli(capsys, "info", sample_file, "--lang=ko", "--json")
    assert code == 0 and set(json.loads(out)["counts"]) == set(ENTITY_CLASSES)  # JSON keys stay English
    code, out, _err = run_cli(capsys, "info", sample_file)
    assert code == 0 and "Budget total: 150,000,000 KRW" in out


# -- new ----------------------------------------------------------------------------------------------------


def test_split_region() -> None:
    assert split_region("해담도 해담군") == ("해담도", "해담군")
    assert split_region("  해담도  해담군 해담읍 ") == ("해담도", "해담군 해담읍")
    assert split_region("해담군") == ("", "해담군")
    assert split_region("") == ("", "")


def test_new_writes_a_plan_with_a_korean_title_and_path(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "계획 폴더"
    folder.mkdir()
    out_path = folder / "해담군 계획.cplan"
    code, out, err = run_cli(capsys, "new", out_path, "--title", "해담군 AI 융합 계획", "--region", "해담도 해담군",
                             "--start-year", "2027", "--end-year", "2031")
    assert (code, err) == (0, "") and str(out_path) in out
    code, out, _err = run_cli(capsys, "info", out_path, "--json")
    summary = json.loads(out)
    assert code == 0
    assert (summary["title"], summary["region_province"], summary["region_district"]) == (
        "해담군 AI 융합 계획", "해담도", "해담군")
    assert (summary["start_year"], summary["end_year"], summary["counts"]["plan"]) == (2027, 2031, 1)
    assert leftovers(folder) == []


def test_new_with_a_one_word_region_sets_the_district(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _out, _err = run_cli(capsys, "new", tmp_path / "p.cplan", "--title", "T", "--region", "해담군",
                               "--start-year", "2027", "--end-year", "2027")
    assert code == 0
    summary = json.loads(run_cli(capsys, "info", tmp_path / "p.cplan", "--json")[1])
    assert (summary["region_province"], summary["region_district"], summary["region"]) == ("", "해담군", "해담군")


@pytest.mark.parametrize(("start", "end", "expected"), [
    ("2031", "2027", "--end-year: The last year comes before the first year."),
    ("1980", "2031", "--start-year: First year must be at least 1990."),
    ("2027", "2101", "--end-year: Last year must be at most 2100."),
])
def test_new_refuses_bad_years_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, start: str, end: str, expected: str,
) -> None:
    code, out, err = run_cli(capsys, "new", tmp_path / "p.cplan", "--title", "T", "--start-year", start,
                             "--end-year", end)
    assert code == 2 and out == ""
    assert_one_line_error(err, expected)
    assert not (tmp_path / "p.cplan").exists() and leftovers(tmp_path) == []


def test_new_refuses_an_empty_title(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _out, err = run_cli(capsys, "new", tmp_path / "p.cplan", "--title", "  ", "--start-year", "2027",
                              "--end-year", "2028")
    assert code == 2
    assert_one_line_error(err, "--title: Title is required.")


def test_writing_refuses_an_existing_file_unless_forced(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "p.cplan"
    target.write_bytes(b"precious")
    args = ["new", target, "--title", "T", "--start-year", "2027", "--end-year", "2028"]
    code, _out, err = run_cli(capsys, *args)
    assert code == 2 and target.read_bytes() == b"precious"
    assert_one_line_error(err, str(target), "--force")
    code, _out, _err = run_cli(capsys, *args, "--force")
    assert code == 0 and run_cli(capsys, "verify", target)[0] == 0
    assert leftovers(tmp_path) == []


def test_writing_refuses_a_folder_a_missing_folder_and_a_plan_open_elsewhere(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, sample_file: Path,
) -> None:
    args = ["--title", "T", "--start-year", "2027", "--end-year", "2028", "--force"]
    code, _out, err = run_cli(capsys, "new", tmp_path, *args)
    assert code == 2
    assert_one_line_error(err, "is a folder")
    code, _out, err = run_cli(capsys, "new", tmp_path / "missing" / "p.cplan", *args)
    assert code == 2
    assert_one_line_error(err, "does not exist")
    lock = acquire_lock(sample_file)
    assert lock is not None
    try:
        before = sample_file.read_bytes()
        code, _out, err = run_cli(capsys, "new", sample_file, *args)
        assert code == 2 and sample_file.read_bytes() == before
        assert_one_line_error(err, "is open in Convergence Planner")
    finally:
        lock.release()


# -- info and verify ----------------------------------------------------------------------------------------


def test_info_shows_counts_budget_version_title_period_and_region(
    capsys: pytest.CaptureFixture[str], sample_file: Path,
) -> None:
    code, out, err = run_cli(capsys, "info", sample_file)
    assert (code, err) == (0, "")
    assert out.startswith("해담군 AI 융합 계획\n")
    for text in ("Region: 해담도 해담군", "Period: 2027–2031", f"File format version: {SCHEMA_VERSION}",
                 "Budget total: 150,000,000 KRW", "of which milestones (0 months): 1"):
        assert text in out
    counts = {line.rsplit(None, 1)[0].strip(): line.rsplit(None, 1)[1] for line in out.splitlines()[6:]
              if not line.startswith("    ")}
    assert counts["Initiatives"] == "3" and counts["Dependencies"] == "2" and counts["Stakeholders"] == "3"


def test_info_json_parses_and_has_every_count(capsys: pytest.CaptureFixture[str], sample_file: Path) -> None:
    code, out, _err = run_cli(capsys, "info", "--json", sample_file)
    summary = json.loads(out)
    assert code == 0
    assert summary["counts"] == {
        "plan": 1, "narrative_section": 1, "field": 2, "strategy": 1, "stakeholder": 3, "funding_rule": 1,
        "initiative": 3, "milestone": 1, "dependency": 2, "stakeholder_relation": 1, "raci_role": 3,
        "budget_line": 3, "budget_total": 1, "kpi": 2, "kpi_target": 3, "risk": 2, "checklist_answer": 1, "comment": 3,
        "change_log": 1, "baseline": 1, "baseline_item": 1, "baseline_budget": 1, "stakeholder_snapshot": 1,
        "stakeholder_snapshot_item": 1, "network_position": 1,
        "presentation_slide": 1, "workshop_rating": 1, "workshop_round": 1, "workshop_round_item": 1, "sticky_note": 1,
        "merge_conflict": 1,
    }
    assert (summary["budget_total_krw"], summary["schema_version"], summary["needs_migration"]) == (
        150_000_000, SCHEMA_VERSION, False)
    assert (summary["title"], summary["region"], summary["start_year"], summary["end_year"]) == (
        "해담군 AI 융합 계획", "해담도 해담군", 2027, 2031)


def test_verify_a_sound_plan(capsys: pytest.CaptureFixture[str], sample_file: Path) -> None:
    assert run_cli(capsys, "verify", sample_file) == (0, f"OK: {sample_file}\n", "")


def _bad_files(folder: Path, sample_file: Path) -> dict[str, Path]:
    empty = folder / "empty.cplan"
    empty.write_bytes(b"")
    text = folder / "notes.cplan"
    text.write_text("회의록", encoding="utf-8")
    foreign = folder / "other.sqlite"
    sqlite3.connect(foreign).execute("CREATE TABLE t (x)").connection.close()
    hostile = folder / "hostile.cplan"
    hostile.write_bytes(sample_file.read_bytes())
    connection = sqlite3.connect(hostile)
    connection.execute("CREATE TRIGGER wipe AFTER INSERT ON initiative BEGIN DELETE FROM budget_line; END")
    connection.commit()
    connection.close()
    return {"does not exist": folder / "missing.cplan", "empty (0 bytes)": empty,
            "not a Convergence Planner plan": text, "another application": foreign,
            "trigger 'wipe'": hostile, "folder": folder}


@pytest.mark.parametrize("command", ["verify", "info"])
def test_bad_files_exit_2_with_one_line_naming_file_and_reason(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, sample_file: Path, command: str,
) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    for reason, path in _bad_files(folder, sample_file).items():
        code, out, err = run_cli(capsys, command, path)
        assert code == 2 and out == "", (reason, out)
        assert_one_line_error(err, str(path), reason)


# -- synth and demo -----------------------------------------------------------------------------------------


def test_synth_then_verify_then_info(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "합성.cplan"
    code, out, err = run_cli(capsys, "synth", target, "--initiatives", "120", "--stakeholders", "25", "--seed", "4")
    assert (code, err) == (0, "") and "120" in out
    assert run_cli(capsys, "verify", target)[0] == 0
    code, out, _err = run_cli(capsys, "info", target, "--json")
    counts = json.loads(out)["counts"]
    assert code == 0 and (counts["initiative"], counts["stakeholder"], counts["dependency"]) == (120, 25, 180)
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("size", ["-1", "1000001"])
def test_synth_refuses_sizes_out_of_range(capsys: pytest.CaptureFixture[str], tmp_path: Path, size: str) -> None:
    code, _out, err = run_cli(capsys, "synth", tmp_path / "s.cplan", "--initiatives", size, "--stakeholders", "1")
    assert code == 2 and not (tmp_path / "s.cplan").exists()
    assert_one_line_error(err, "--initiatives")


@pytest.fixture
def fake_demo(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A stand-in planner.demo that writes a plan record titled by language, or fails for language 'en'
    when told to; records the languages asked for."""
    asked: list[str] = []
    module = types.ModuleType("planner.demo")

    def build_demo_plan(session: Session, language: str = "ko") -> None:
        asked.append(language)
        session.execute(insert(Plan.__table__).values(
            id=new_id(), modified_at=utc_now(), title=f"demo-{language}", start_year=2027, end_year=2031,
            language=language))
        if module.fail:  # type: ignore[attr-defined]
            raise RuntimeError("demo broke half-way")

    module.build_demo_plan = build_demo_plan  # type: ignore[attr-defined]
    module.fail = False  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "planner.demo", module)
    return asked


def test_demo_plumbing_language_overwrite_and_failure(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fake_demo: list[str],
) -> None:
    target = tmp_path / "demo.cplan"
    assert run_cli(capsys, "demo", target, "--lang", "ko")[0] == 0
    assert json.loads(run_cli(capsys, "info", target, "--json")[1])["title"] == "demo-ko"
    code, _out, err = run_cli(capsys, "demo", target, "--lang", "en")
    assert code == 2
    assert_one_line_error(err, "--force")
    assert run_cli(capsys, "demo", target, "--lang", "en", "--force")[0] == 0
    assert json.loads(run_cli(capsys, "info", target, "--json")[1])["title"] == "demo-en"
    assert run_cli(capsys, "demo", tmp_path / "default.cplan")[0] == 0
    assert fake_demo == ["ko", "en", "en"]  # without --lang: the message language (English in tests)
    sys.modules["planner.demo"].fail = True  # type: ignore[attr-defined]
    before = target.read_bytes()
    code, _out, err = run_cli(capsys, "demo", target, "--force")
    assert code == 2 and target.read_bytes() == before
    assert_one_line_error(err, "RuntimeError: demo broke half-way")
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("language", ["ko", "en"])
def test_the_real_demo_plan(capsys: pytest.CaptureFixture[str], tmp_path: Path, language: str) -> None:
    pytest.importorskip("planner.demo")
    target = tmp_path / f"demo-{language}.cplan"
    assert run_cli(capsys, "demo", target, "--lang", language)[0] == 0
    assert run_cli(capsys, "verify", target)[0] == 0
    summary = json.loads(run_cli(capsys, "info", target, "--json")[1])
    assert summary["language"] == language and summary["counts"]["initiative"] > 0
    assert summary["start_year"] == 2027 and summary["end_year"] == 2031


# -- as a whole process -----------------------------------------------------------------------------------


def test_process_synth_verify_info(tmp_path: Path) -> None:
    synth = run_process(tmp_path, "synth", "합성 계획.cplan", "--initiatives", "300", "--stakeholders", "40")
    assert synth.returncode == 0, synth.stderr
    verify = run_process(tmp_path, "verify", "합성 계획.cplan")
    assert (verify.returncode, verify.stdout, verify.stderr) == (0, "OK: 합성 계획.cplan\n", "")
    info = run_process(tmp_path, "info", "--json", "합성 계획.cplan")
    assert info.returncode == 0, info.stderr
    assert json.loads(info.stdout)["counts"]["initiative"] == 300


def test_process_bad_input_gives_one_line_and_no_traceback(tmp_path: Path) -> None:
    (tmp_path / "empty.cplan").write_bytes(b"")
    for args, reason in ((["verify", "missing.cplan"], "does not exist"),
                         (["info", "empty.cplan"], "0 bytes"),
                         (["info", "empty.cplan", "--bogus"], "unrecognized arguments"),
                         (["new", "n.cplan", "--title", "T", "--start-year", "2030", "--end-year", "2029"],
                          "--end-year")):
        result = run_process(tmp_path, *args)
        assert result.returncode == 2 and result.stdout == ""
        assert_one_line_error(result.stderr, reason)


def test_process_info_imports_nothing_heavy(tmp_path: Path, sample_file: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "planner.cli", "info", str(sample_file)],
        cwd=tmp_path, capture_output=True, text=True, encoding="utf-8", timeout=120,
        env=os.environ | {"PYTHONPATH": str(ROOT), "CPLAN_LANG": "en"},
    )
    assert result.returncode == 0
    imported = {line.rsplit("|", 1)[-1].strip().split(".")[0] for line in result.stderr.splitlines()}
    assert imported.isdisjoint(HEAVY_MODULES)


def test_display_width_counts_hangul_twice() -> None:
    assert display_width("KPIs") == 4
    assert display_width("추진과제") == 8
    assert display_width("RACI 역할") == 9


def test_info_on_an_older_file_says_it_will_be_converted(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from planner.storage.document import make_engine
    from planner.storage.migrate import upgrade_connection

    path = tmp_path / "version1.cplan"
    engine = make_engine(path)
    with engine.begin() as connection:
        upgrade_connection(connection, "0001")
        insert_as_of_then(connection, Plan, id=new_id(), modified_at=utc_now(), title="옛 계획", start_year=2024,
                          end_year=2028, region_district="해담군")
    engine.dispose()
    before = path.read_bytes()
    summary = json.loads(run_cli(capsys, "info", path, "--json")[1])
    assert (summary["schema_version"], summary["needs_migration"], summary["title"]) == (1, True, "옛 계획")
    assert summary["counts"]["comment"] == 0 and summary["counts"]["plan"] == 1
    code, out, _err = run_cli(capsys, "info", path)
    assert code == 0 and "converted to the current file format" in out
    assert run_cli(capsys, "verify", path)[0] == 0
    assert path.read_bytes() == before  # info and verify never write
