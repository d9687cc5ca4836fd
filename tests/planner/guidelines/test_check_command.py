"""`cplan check`: the table and JSON, the profile chosen, the report language, --today, and the exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import update

from planner.cli import main
from planner.model import Plan
from tests.planner.commands.sample_plan import build_sample_plan

TINY_PROFILE = """\
format: convergence-planner-guideline
format_version: 1
id: tiny-check
name: {en: Tiny guideline, ko: 작은 지침}
plan_type: master
language: en
numbering: en
checks:
  plan_period: {severity: error, min_years: 1, max_years: MAX_YEARS}
  lead: {severity: warning}
sections:
  - key: background
    title: {en: Background, ko: 추진 배경}
    narrative: background
"""


def run_cli(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    code = main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def sample_file(tmp_path: Path) -> Path:
    path = tmp_path / "sample.cplan"
    build_sample_plan(path).engine.dispose()
    return path


def tiny_profile(folder: Path, max_years: int) -> Path:
    path = folder / "tiny-check.yaml"
    path.write_text(TINY_PROFILE.replace("MAX_YEARS", str(max_years)), encoding="utf-8")
    return path


def test_no_errors_exits_0_and_lists_the_warnings(capsys: pytest.CaptureFixture[str], sample_file: Path,
                                                  tmp_path: Path) -> None:
    code, out, err = run_cli(capsys, "check", sample_file, "--profile", tiny_profile(tmp_path, 5))
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "Checked against the profile tiny-check (Tiny guideline)."
    assert lines[1].split() == ["Severity", "Check", "Item", "Message"]
    assert lines[2].split()[:3] == ["Warning", "lead", "A-02"]
    assert lines[2].endswith(" A-02 AI 안부 전화   no lead organisation or department")  # the item named once
    assert lines[-1] == "0 error(s), 2 warning(s), 0 note(s)."


def test_errors_exit_1(capsys: pytest.CaptureFixture[str], sample_file: Path, tmp_path: Path) -> None:
    code, out, _err = run_cli(capsys, "check", sample_file, "--profile", tiny_profile(tmp_path, 4))
    assert code == 1
    assert "The plan period 2027–2031 is 5 years; the profile expects at most 4 years" in out
    assert out.splitlines()[-1] == "1 error(s), 2 warning(s), 0 note(s)."


def test_json(capsys: pytest.CaptureFixture[str], sample_file: Path, tmp_path: Path) -> None:
    code, out, _err = run_cli(capsys, "check", sample_file, "--profile", tiny_profile(tmp_path, 4), "--json")
    data = json.loads(out)
    assert code == 1
    assert (data["profile"], data["language"]) == ("tiny-check", "en")
    assert data["counts"] == {"error": 1, "warning": 2, "info": 0}
    first = data["findings"][0]
    assert first == {"id": "plan_period:-:long", "check": "plan_period", "severity": "error",
                     "message": "The plan period 2027–2031 is 5 years; the profile expects at most 4 years",
                     "item_kind": "plan", "item_id": None, "item_label": "해담군 AI 융합 계획"}
    assert [finding["item_label"] for finding in data["findings"][1:]] == ["A-02 AI 안부 전화", "B-01 스마트 정류장"]


def test_the_plans_own_profile_by_default(capsys: pytest.CaptureFixture[str], sample_file: Path) -> None:
    code, out, _err = run_cli(capsys, "check", sample_file, "--json")
    data = json.loads(out)
    assert data["profile"] == "kr-master-plan" and data["language"] == "ko"  # the profile's language
    assert code == (1 if data["counts"]["error"] else 0)
    assert any(finding["message"] == "A-02 AI 안부 전화: 주관 기관 또는 주관 부서 없음"
               for finding in data["findings"])


def test_lang_chooses_the_language_of_the_findings(capsys: pytest.CaptureFixture[str], sample_file: Path) -> None:
    _code, out, _err = run_cli(capsys, "check", sample_file, "--profile", "kr-master-plan", "--lang", "en", "--json")
    data = json.loads(out)
    assert data["language"] == "en"
    assert any(finding["message"] == "A-02 AI 안부 전화: no lead organisation or department"
               for finding in data["findings"])
    _code, out, _err = run_cli(capsys, "check", sample_file, "--profile", "kr-master-plan", "--lang", "ko")
    assert out.splitlines()[0].endswith("프로필로 점검했습니다.")
    assert "주관 기관 또는 주관 부서 없음" in out


def test_today_judges_the_submission_deadline(capsys: pytest.CaptureFixture[str], sample_file: Path) -> None:
    from planner.storage.document import make_engine

    engine = make_engine(sample_file)
    with engine.begin() as connection:
        connection.execute(update(Plan.__table__).values(plan_type="annual", report_year=2028))
    engine.dispose()
    arguments = ("check", sample_file, "--profile", "kr-annual-implementation", "--lang", "en", "--json")
    before = json.loads(run_cli(capsys, *arguments, "--today", "2027-09-10")[1])
    after = json.loads(run_cli(capsys, *arguments, "--today", "2027-09-11")[1])
    message = {finding["check"]: finding["message"] for finding in before["findings"]}["submission_deadline"]
    assert message == "The annual plan for 2028 is due on 2027-09-10; no submission date is recorded yet"
    message = {finding["check"]: finding["message"] for finding in after["findings"]}["submission_deadline"]
    assert message == "The annual plan for 2028 was due on 2027-09-10 and has no submission date"


def test_unknown_profile_exits_2_naming_the_ids(capsys: pytest.CaptureFixture[str], sample_file: Path) -> None:
    code, out, err = run_cli(capsys, "check", sample_file, "--profile", "no-such-profile")
    assert (code, out) == (2, "")
    lines = err.rstrip("\n").split("\n")
    assert len(lines) == 1 and lines[0].startswith("cplan: ")
    assert "no-such-profile" in lines[0] and "kr-master-plan" in lines[0] and "en-partner-brief" in lines[0]


@pytest.mark.parametrize("today", ["2026-13-01", "yesterday", "2026/09/10"])
def test_bad_today_exits_2(capsys: pytest.CaptureFixture[str], sample_file: Path, today: str) -> None:
    code, out, err = run_cli(capsys, "check", sample_file, "--today", today)
    assert (code, out) == (2, "")
    assert err == f"cplan: --today: '{today}' is not a date such as 2026-09-10.\n"


def test_missing_file_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run_cli(capsys, "check", tmp_path / "nothing.cplan")
    assert (code, out) == (2, "")
    assert err.startswith("cplan: ") and "nothing.cplan" in err and err.count("\n") == 1


def test_broken_profile_file_exits_2(capsys: pytest.CaptureFixture[str], sample_file: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: convergence-planner-guideline\nid: [\n", encoding="utf-8")
    code, out, err = run_cli(capsys, "check", sample_file, "--profile", broken)
    assert (code, out) == (2, "")
    assert err.startswith("cplan: ") and err.count("\n") == 1
