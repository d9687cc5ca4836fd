"""cplan schedule, impact and baseline: tables, JSON, exit codes, one-line errors, locks, cycles, old files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert
from sqlalchemy.orm import Session

import planner.i18n
from planner.cli import fit, format_table, parse_delays
from planner.errors import PlannerError
from planner.impact import impact, impact_json
from planner.model import Dependency, Initiative, Plan, new_id, utc_now
from planner.months import YearMonth
from planner.schedule import plan_links, schedule_json, schedule_plan
from planner.storage.document import make_engine
from planner.storage.lock import acquire_lock
from planner.storage.migrate import upgrade_connection
from planner.storage.schema import SCHEMA_VERSION
from planner.storage.validate import validate_plan_file
from tests.planner.commands.sample_plan import build_sample_plan
from tests.planner.storage.helpers import insert_as_of_then
from tests.planner.test_cli import assert_one_line_error, leftovers, run_cli, run_process
from tests.planner.test_impact import build_delay_plan, row_id


@pytest.fixture
def sample_file(tmp_path: Path) -> Path:
    """The sample plan: a schedule without findings."""
    path = tmp_path / "sample.cplan"
    build_sample_plan(path).engine.dispose()
    return path


@pytest.fixture
def delay_file(tmp_path: Path) -> Path:
    """The delay plan: two KPI findings in its schedule."""
    path = tmp_path / "지연 계획.cplan"
    build_delay_plan(path).engine.dispose()
    return path


@pytest.fixture
def cycle_file(tmp_path: Path) -> Path:
    """The delay plan with M -> A added behind the rules' back: A -> B -> M -> A."""
    path = tmp_path / "cycle.cplan"
    build_delay_plan(path).engine.dispose()
    engine = make_engine(path)
    with engine.begin() as connection:
        connection.execute(insert(Dependency.__table__).values(
            id=new_id(), predecessor_id=row_id("M"), successor_id=row_id("A"), type="FS", lag_months=0))
    engine.dispose()
    return path


def _session_result(path: Path, work):  # type: ignore[no-untyped-def]
    engine = make_engine(path)
    try:
        with Session(engine) as session:
            return work(session)
    finally:
        engine.dispose()


# -- helpers ----------------------------------------------------------------------------------------------


def test_parse_delays() -> None:
    assert parse_delays(["A-01=3", " B-02 = -2 ", "C=+1"]) == {"A-01": 3, "B-02": -2, "C": 1}
    for value, expected in (("X=abc", "the months for X must be a whole number"), ("A-01", "CODE=MONTHS"),
                            ("=3", "CODE=MONTHS"), ("A=1.5", "A must be a whole number")):
        with pytest.raises(PlannerError, match=expected):
            parse_delays([value])
    with pytest.raises(PlannerError, match="A is given more than once"):
        parse_delays(["A=1", "A=2"])


def test_table_helpers_count_hangul_twice() -> None:
    assert fit("스마트 정류장 설치 사업", 10) == "스마트 정…"  # 9 columns and the ellipsis
    assert fit("short", 10) == "short"
    assert format_table(["Code", "제목"], [["A", "가나"], ["B-01", "x"]], right=(1,)) == [
        "Code  제목", "A     가나", "B-01     x"]


# -- schedule ---------------------------------------------------------------------------------------------


def test_schedule_table_without_findings_exits_0(capsys: pytest.CaptureFixture[str], sample_file: Path) -> None:
    code, out, err = run_cli(capsys, "schedule", sample_file)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].split() == ["Code", "Title", "Start", "Finish", "Float", "Critical", "Driver"]
    assert lines[1].startswith("B-01") and "2027-01  2027-01" in lines[1] and "its planned start (2027-01)" in lines[1]
    a01 = next(line for line in lines if line.startswith("A-01"))
    assert "2027-03  2028-02" in a01 and " * " in a01
    a02 = next(line for line in lines if line.startswith("A-02"))
    assert "FS link from A-01 with a lag of 1 month" in a02
    assert "Project finish: 2028-09" in lines and "Critical path: A-01 → A-02" in lines
    assert "Findings" not in out


def test_schedule_with_findings_exits_1_and_lists_them(capsys: pytest.CaptureFixture[str], delay_file: Path) -> None:
    code, out, err = run_cli(capsys, "schedule", delay_file)
    assert (code, err) == (1, "")
    assert "Findings (2):" in out and "KPI kC" in out and "KPI kB2" in out
    code, out, _err = run_cli(capsys, "schedule", delay_file, "--json")
    assert code == 1 and len(json.loads(out)["findings"]) == 2


def test_schedule_json_is_exactly_schedule_json(capsys: pytest.CaptureFixture[str], delay_file: Path) -> None:
    code, out, _err = run_cli(capsys, "schedule", "--json", delay_file)
    expected = _session_result(delay_file, lambda s: schedule_json(schedule_plan(s), plan_links(s)))
    assert code == 1 and json.loads(out) == expected
    assert [i["code"] for i in expected["initiatives"]]  # type: ignore[index]


def test_schedule_help_documents_the_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run_cli(capsys, "schedule", "--help")
    assert code == 0
    text = " ".join(out.split())
    assert "1 when it has findings" in text and "2 on bad input or a dependency cycle" in text


def test_a_cycle_gives_its_name_on_one_line_and_exit_2(capsys: pytest.CaptureFixture[str], cycle_file: Path) -> None:
    for args in (["schedule", cycle_file], ["schedule", cycle_file, "--json"], ["impact", cycle_file, "--delay", "A=1"],
                 ["baseline", cycle_file, "save", "v1"]):
        before = cycle_file.read_bytes()
        code, out, err = run_cli(capsys, *args)
        assert code == 2 and out == "", args
        assert_one_line_error(err, "These dependencies form a cycle: A → B → M → A.")
        assert cycle_file.read_bytes() == before


def test_a_missing_file_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    for args in (["schedule", tmp_path / "none.cplan"], ["impact", tmp_path / "none.cplan", "--delay", "A=1"],
                 ["baseline", tmp_path / "none.cplan", "list"]):
        code, _out, err = run_cli(capsys, *args)
        assert code == 2
        assert_one_line_error(err, "does not exist")


# -- impact -----------------------------------------------------------------------------------------------------


def test_impact_text(capsys: pytest.CaptureFixture[str], delay_file: Path) -> None:
    before = delay_file.read_bytes()
    code, out, err = run_cli(capsys, "impact", delay_file, "--delay", "A=3")
    assert (code, err) == (0, "")
    assert "Delays (months): A +3" in out and "Project finish: 2028-10 → 2029-01 (+3)" in out
    assert "Initiatives that move (3):" in out
    assert any(line.split()[:1] == ["B"] and "2028-03 → 2028-06" in line for line in out.splitlines())
    assert "38,300,001 KRW in all" in out and "300,001 KRW" in out
    assert "M: 'KPI kM' (last target 2028, finishes 2029-01)" in out
    assert "Alpha: A (R)" in out and "Gamma" not in out
    assert delay_file.read_bytes() == before  # nothing written
    assert leftovers(delay_file.parent) == []


def test_impact_json_matches_the_report(capsys: pytest.CaptureFixture[str], delay_file: Path) -> None:
    code, out, _err = run_cli(capsys, "impact", delay_file, "--delay", "A=3", "--delay", "C=-12", "--json")
    expected = _session_result(delay_file, lambda s: impact_json(impact(s, {"A": 3, "C": -12})))
    assert code == 0 and json.loads(out) == expected
    shifts = {m["code"]: m["start_shift"] for m in expected["moves"]}  # type: ignore[union-attr]
    assert shifts == {"A": 3, "B": 3, "M": 3, "C": -5}  # C: SS after the delayed A + 2 stops the pull at 2027-08


def test_impact_when_nothing_moves(capsys: pytest.CaptureFixture[str], delay_file: Path) -> None:
    code, out, _err = run_cli(capsys, "impact", delay_file, "--delay", "B=-5")
    assert code == 0 and "Nothing moves." in out and "Project finish: 2028-10 → 2028-10 (+0)" in out


@pytest.mark.parametrize(("args", "expected"), [
    (["--delay", "X=abc"], "--delay X=abc: the months for X must be a whole number"),
    (["--delay", "Z-99=3"], "There is no initiative with the code Z-99."),
    (["--delay", "A=3", "--delay", "Q=1"], "Q"),
    (["--delay", "A"], "CODE=MONTHS"),
    (["--delay", "A=601"], "A: the delay must be between -600 and 600 months."),
    ([], "--delay"),  # required
])
def test_impact_bad_input_is_one_line_exit_2(
    capsys: pytest.CaptureFixture[str], delay_file: Path, args: list[str], expected: str,
) -> None:
    code, out, err = run_cli(capsys, "impact", delay_file, *args)
    assert code == 2 and out == ""
    assert_one_line_error(err, expected)


# -- baselines --------------------------------------------------------------------------------------------------


def test_baseline_save_list_compare(capsys: pytest.CaptureFixture[str], delay_file: Path) -> None:
    code, out, err = run_cli(capsys, "baseline", delay_file, "list")
    assert (code, out, err) == (0, "The plan has no baselines yet.\n", "")
    before = delay_file.read_bytes()
    code, out, err = run_cli(capsys, "baseline", delay_file, "save", "2027 승인안", "--note", "의회 승인")
    assert (code, err) == (0, "") and "Saved the baseline '2027 승인안'" in out
    assert delay_file.read_bytes() != before and leftovers(delay_file.parent) == []
    assert validate_plan_file(delay_file).schema_version == SCHEMA_VERSION

    code, out, _err = run_cli(capsys, "baseline", delay_file, "list")
    assert code == 0 and out.splitlines()[0].split() == ["Name", "Saved", "(UTC)", "Initiatives"]
    assert out.splitlines()[1].startswith("2027 승인안") and out.splitlines()[1].endswith(" 5")
    code, out, _err = run_cli(capsys, "baseline", delay_file, "list", "--json")
    [listed] = json.loads(out)
    assert code == 0 and (listed["name"], listed["initiatives"]) == ("2027 승인안", 5)

    code, out, _err = run_cli(capsys, "baseline", delay_file, "compare", "2027 승인안", "--as-of", "2027-06")
    assert code == 0
    assert "Compared with the baseline '2027 승인안'" in out and "progress as of 2027-06" in out
    assert "No initiative moved." in out and "Budget: 204,000,001 KRW → 204,000,001 KRW" in out
    a = next(line for line in out.splitlines() if line.split()[:1] == ["A"])
    assert "0%" in a and "25%" in a and "not started yet, behind plan" in a
    code, out, _err = run_cli(capsys, "baseline", delay_file, "compare", "2027 승인안", "--json", "--as-of", "2028.9")
    data = json.loads(out)
    assert code == 0 and data["as_of"] == "2028-09" and data["finish_slip"] == 0
    assert data["budget"]["baseline_total"] == data["budget"]["current_total"] == 204_000_001


def test_baseline_save_json(capsys: pytest.CaptureFixture[str], delay_file: Path) -> None:
    code, out, _err = run_cli(capsys, "baseline", delay_file, "save", "v1", "--json")
    data = json.loads(out)
    assert code == 0 and data["name"] == "v1" and data["file"] == str(delay_file.absolute())


@pytest.mark.parametrize(("args", "expected"), [
    (["compare", "nope"], "There is no baseline named 'nope'."),
    (["compare", "v1", "--as-of", "June"], "--as-of: 'June' is not a month"),
    (["save", "v1"], "There is already a baseline named 'v1'."),
    (["save", " "], "Name is required."),
    (["frobnicate"], "invalid choice"),
    ([], "required"),
])
def test_baseline_bad_input_is_one_line_exit_2(
    capsys: pytest.CaptureFixture[str], delay_file: Path, args: list[str], expected: str,
) -> None:
    assert run_cli(capsys, "baseline", delay_file, "save", "v1")[0] == 0
    before = delay_file.read_bytes()
    code, out, err = run_cli(capsys, "baseline", delay_file, *args)
    assert code == 2 and out == ""
    assert_one_line_error(err, expected)
    assert delay_file.read_bytes() == before


def test_baseline_save_on_a_locked_file_is_refused(capsys: pytest.CaptureFixture[str], delay_file: Path) -> None:
    lock = acquire_lock(delay_file)
    assert lock is not None
    try:
        before = delay_file.read_bytes()
        code, out, err = run_cli(capsys, "baseline", delay_file, "save", "v1")
        assert code == 2 and out == ""
        assert_one_line_error(err, "is open in Convergence Planner")
        assert delay_file.read_bytes() == before
        assert run_cli(capsys, "baseline", delay_file, "list")[0] == 0  # reading is still fine
        assert run_cli(capsys, "schedule", delay_file)[0] == 1
    finally:
        lock.release()


def test_baseline_save_on_a_read_only_file_is_refused(
    capsys: pytest.CaptureFixture[str], delay_file: Path, tmp_path: Path, tmpfs: Any
) -> None:
    """Read-only media: a read-only tmpfs when running as root (root ignores chmod), else chmod."""
    import os
    import shutil
    import subprocess

    folder = tmp_path / "stick"
    as_root = hasattr(os, "geteuid") and os.geteuid() == 0
    if as_root:
        tmpfs(folder, "8m")
    else:
        folder.mkdir()
    plan = Path(shutil.copy(delay_file, folder / "plan.cplan"))
    before = plan.read_bytes()
    if as_root:
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True, capture_output=True)
    else:
        plan.chmod(0o444)
    try:
        code, _out, err = run_cli(capsys, "baseline", plan, "save", "v1")
        assert code == 2
        assert_one_line_error(err, "read-only")
        assert plan.read_bytes() == before
    finally:
        if not as_root:
            plan.chmod(0o644)


def _version_2_file(path: Path) -> Path:
    engine = make_engine(path)
    with engine.begin() as connection:
        upgrade_connection(connection, "0002")
        insert_as_of_then(connection, Plan, id=new_id(), modified_at=utc_now(), title="옛 계획", start_year=2027,
                          end_year=2028)
        insert_as_of_then(connection, Initiative, id=new_id(), modified_at=utc_now(), code="A-01", title="옛 과제",
                          start_month=YearMonth(2027, 4).index, duration_months=9)
    engine.dispose()
    return path


def test_an_older_file_is_read_as_is_and_converted_when_a_baseline_is_saved(
    capsys: pytest.CaptureFixture[str], tmp_path: Path,
) -> None:
    path = _version_2_file(tmp_path / "old.cplan")
    original = path.read_bytes()
    code, out, _err = run_cli(capsys, "schedule", path)
    assert code == 0 and "A-01" in out and "2027-04  2027-12" in out
    assert run_cli(capsys, "baseline", path, "list")[0] == 0
    assert path.read_bytes() == original and sorted(p.name for p in tmp_path.iterdir()) == ["app-data", "old.cplan"]
    code, out, _err = run_cli(capsys, "baseline", path, "save", "v1")
    assert code == 0 and "old.v2-backup.cplan" in out and "Saved the baseline 'v1'" in out
    assert (tmp_path / "old.v2-backup.cplan").read_bytes() == original
    assert validate_plan_file(path).schema_version == SCHEMA_VERSION


# -- languages and processes ------------------------------------------------------------------------------------


def test_lang_ko_translates_the_tables(
    capsys: pytest.CaptureFixture[str], delay_file: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    korean = {"Project finish": "사업 종료", "Code": "코드", "There is no initiative with the code {code}.":
              "코드가 {code}인 과제가 없습니다."}
    monkeypatch.setattr(planner.i18n, "_catalogue", lambda language: korean if language == "ko" else {})
    code, out, _err = run_cli(capsys, "--lang", "ko", "schedule", delay_file)
    assert code == 1 and out.startswith("코드 ") and "사업 종료: 2028-10" in out
    code, out, _err = run_cli(capsys, "impact", delay_file, "--delay", "A=1", "--lang", "ko")
    assert code == 0 and "사업 종료: 2028-10 → 2028-11 (+1)" in out
    code, _out, err = run_cli(capsys, "impact", delay_file, "--delay", "Z=1", "--lang=ko")
    assert code == 2
    assert_one_line_error(err, "코드가 Z인 과제가 없습니다.")
    code, out, _err = run_cli(capsys, "baseline", delay_file, "list", "--lang", "ko")
    assert code == 0


def test_as_a_process_json_parses_and_a_cycle_ends_at_once(tmp_path: Path, delay_file: Path,
                                                           cycle_file: Path) -> None:
    result = run_process(tmp_path, "schedule", "--json", delay_file.name)
    assert result.returncode == 1, result.stderr
    assert [i["code"] for i in json.loads(result.stdout)["initiatives"]] == ["A", "D", "B", "C", "M"]
    result = run_process(tmp_path, "impact", delay_file.name, "--delay", "A=3", "--json")
    assert result.returncode == 0 and json.loads(result.stdout)["finish_after"] == "2029-01"
    result = run_process(tmp_path, "baseline", delay_file.name, "save", "v1")
    assert result.returncode == 0, result.stderr
    result = run_process(tmp_path, "baseline", delay_file.name, "compare", "v1", "--json")
    assert result.returncode == 0 and json.loads(result.stdout)["baseline"]["name"] == "v1"
    result = run_process(tmp_path, "schedule", cycle_file.name)
    assert result.returncode == 2 and result.stdout == ""
    assert_one_line_error(result.stderr, "A → B → M → A")
    result = run_process(tmp_path, "impact", delay_file.name, "--delay", "X=abc")
    assert result.returncode == 2
    assert_one_line_error(result.stderr, "X=abc")
