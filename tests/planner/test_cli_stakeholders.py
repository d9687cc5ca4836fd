"""`cplan stakeholders` and `cplan raci`: tables, JSON keys, exit codes 0/1/2 and the impact report's contacts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.commands import UpdateRow
from planner.stakeholders.raci import set_raci_role_command
from tests.planner.commands.sample_plan import build_sample_plan
from tests.planner.test_cli import assert_one_line_error, run_cli


@pytest.fixture
def sample_file(tmp_path: Path) -> Path:
    path = tmp_path / "sample.cplan"
    build_sample_plan(path).engine.dispose()
    return path


@pytest.fixture
def sound_file(tmp_path: Path) -> Path:
    """The sample plan with every RACI rule kept, and a contact for its lead organisation."""
    path = tmp_path / "sound.cplan"
    plan = build_sample_plan(path)
    ids = plan.ids
    for initiative, stakeholder, role in (("i1", "st1", "A"), ("i1", "st2", "R"), ("i2", "st3", "R"),
                                          ("i3", "st1", "A"), ("i3", "st2", "R")):
        command = plan.run(lambda s, i=initiative, st=stakeholder, r=role: set_raci_role_command(
            s, ids[i], ids[st], r))
        plan.run(command.apply)
    plan.run(UpdateRow("stakeholder", ids["st1"], {"contact": "061-123-4567"}).apply)
    plan.engine.dispose()
    return path


def test_stakeholders_json_has_quadrant_strategy_centrality_and_community(
    capsys: pytest.CaptureFixture[str], sample_file: Path,
) -> None:
    code, out, err = run_cli(capsys, "stakeholders", sample_file, "--json")
    assert (code, err) == (0, "")
    rows = {row["name"]: row for row in json.loads(out)["stakeholders"]}
    assert set(rows) == {"해담군청 디지털정책과", "누리 소프트", "노인복지관"}
    office = rows["해담군청 디지털정책과"]
    assert {"quadrant", "strategy", "centrality", "community"} <= set(office)
    assert (office["quadrant"], office["strategy"]) == ("manage_closely", "manage_closely")
    assert (rows["누리 소프트"]["quadrant"], rows["노인복지관"]["quadrant"]) == ("keep_informed", "manage_closely")
    # st1 funds st2: both linked (centrality 1/2), one community; st3 alone
    assert office["centrality"] == rows["누리 소프트"]["centrality"] == 0.5
    assert office["community"] == rows["누리 소프트"]["community"] != rows["노인복지관"]["community"]
    assert rows["노인복지관"]["isolated"] is True


def test_the_strategy_is_the_stored_one_when_set(capsys: pytest.CaptureFixture[str], sample_file: Path) -> None:
    plan = build_sample_plan(sample_file.parent / "strategy.cplan")
    plan.run(UpdateRow("stakeholder", plan.ids["st2"], {"engagement": "keep_satisfied"}).apply)
    plan.engine.dispose()
    code, out, _err = run_cli(capsys, "stakeholders", sample_file.parent / "strategy.cplan", "--json")
    nuri = next(row for row in json.loads(out)["stakeholders"] if row["name"] == "누리 소프트")
    assert (code, nuri["quadrant"], nuri["strategy"]) == (0, "keep_informed", "keep_satisfied")


def test_stakeholders_as_a_table(capsys: pytest.CaptureFixture[str], sample_file: Path) -> None:
    code, out, err = run_cli(capsys, "stakeholders", sample_file)
    assert (code, err) == (0, "")
    header, *lines = out.splitlines()
    assert header.split()[:2] == ["Name", "Sector"] and "Centrality" in header and "Community" in header
    assert len(lines) == 3 and any("Manage closely" in line and "0.50" in line for line in lines)


def test_raci_exits_1_on_a_broken_rule(capsys: pytest.CaptureFixture[str], sample_file: Path) -> None:
    code, out, err = run_cli(capsys, "raci", sample_file)
    assert (code, err) == (1, "")
    assert "A-01: nobody is accountable (A)." in out and "노인복지관 has no role on any initiative." in out
    code, out, _err = run_cli(capsys, "raci", sample_file, "--json")
    data = json.loads(out)
    assert code == 1
    assert {"kind": "no_responsible", "initiative": "A-02", "stakeholder": None,
            "message": "A-02: nobody is responsible (R)."} in data["findings"]
    assert data["initiatives"][0]["roles"] == [{"role": "R", "stakeholder": "해담군청 디지털정책과"},
                                               {"role": "C", "stakeholder": "누리 소프트"}]


def test_raci_exits_0_on_a_sound_plan(capsys: pytest.CaptureFixture[str], sound_file: Path) -> None:
    code, out, err = run_cli(capsys, "raci", sound_file)
    assert (code, err) == (0, "") and "Findings" not in out
    assert out.splitlines()[0].split()[:2] == ["Code", "Title"]
    code, out, _err = run_cli(capsys, "raci", sound_file, "--json")
    data = json.loads(out)
    assert (code, data["findings"]) == (0, [])
    assert data["initiatives"][0]["lead"] == "해담군청 디지털정책과"


def test_raci_and_stakeholders_exit_2_on_bad_input(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = tmp_path / "missing.cplan"
    not_a_plan = tmp_path / "text.cplan"
    not_a_plan.write_text("hello", "utf-8")
    for command in ("raci", "stakeholders"):
        for path in (missing, not_a_plan):
            code, out, err = run_cli(capsys, command, path)
            assert (code, out) == (2, "")
            assert_one_line_error(err)
        code, _out, err = run_cli(capsys, command)
        assert code == 2 and err


def test_impact_names_whom_to_inform_and_how(capsys: pytest.CaptureFixture[str], sound_file: Path) -> None:
    code, out, _err = run_cli(capsys, "impact", sound_file, "--delay", "A-01=2")
    assert code == 0
    assert any(line.strip().startswith("해담군청 디지털정책과: A-01 (A), A-02 (A)")
               and line.endswith("contact: 061-123-4567") for line in out.splitlines())
    code, out, _err = run_cli(capsys, "impact", sound_file, "--delay", "A-01=2", "--json")
    holders = {holder["name"]: holder for holder in json.loads(out)["stakeholders"]}
    assert holders["해담군청 디지털정책과"]["contact"] == "061-123-4567" and holders["누리 소프트"]["contact"] == ""


def test_the_help_lists_the_new_commands(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run_cli(capsys, "--help")
    assert code == 0 and "stakeholders" in out and "raci" in out
