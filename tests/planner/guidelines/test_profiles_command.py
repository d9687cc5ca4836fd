"""`cplan profiles [--json]` and `cplan profiles copy ID NEW_ID`: listings, problems with lines, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.cli import EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK, main
from planner.resources import resource_path

SHIPPED = ["en-partner-brief", "kr-annual-implementation", "kr-master-plan", "kr-smart-village"]


def run_cli(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    code = main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    return code, out, err


def write_broken_profile(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    master = resource_path("guidelines", "kr-master-plan.yaml").read_text("utf-8")
    text = master.replace("id: kr-master-plan", "id: broken-one").replace("block: kpi_chart\n", "block: kpi_charts\n")
    text = text.replace("language: ko ", "language: kr ")
    path = folder / "broken-one.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_profiles_lists_the_built_in_profiles_and_exits_0(capsys: pytest.CaptureFixture[str],
                                                          private_data_dir: Path) -> None:
    code, out, err = run_cli(capsys, "profiles")
    assert (code, err) == (EXIT_OK, "")
    lines = out.splitlines()
    assert lines[0].split() == ["Id", "Name", "Plan", "type", "Language", "Kind", "File"]
    assert [line.split()[0] for line in lines[1:5]] == SHIPPED
    master = next(line for line in lines if line.startswith("kr-master-plan"))
    assert "Local intelligent-informatization master plan (5 years)" in master
    assert "Local master plan" in master and " ko " in master and "built-in" in master
    assert master.rstrip().endswith("kr-master-plan.yaml")
    assert f"Your own profiles go in {private_data_dir / 'guidelines'}." in out


def test_profiles_json_has_english_keys_and_names_in_the_message_language(capsys: pytest.CaptureFixture[str],
                                                                          private_data_dir: Path) -> None:
    code, out, _err = run_cli(capsys, "profiles", "--json", "--lang", "ko")
    assert code == EXIT_OK
    data = json.loads(out)
    assert data["user_folder"] == str(private_data_dir / "guidelines") and data["problems"] == []
    assert [entry["id"] for entry in data["profiles"]] == SHIPPED
    master = next(entry for entry in data["profiles"] if entry["id"] == "kr-master-plan")
    assert master == {"id": "kr-master-plan", "name": "지역 지능정보화 기본계획 (5개년)", "plan_type": "master",
                      "language": "ko", "numbering": "ko", "builtin": True, "file": master["file"]}
    assert Path(master["file"]).is_file()
    _code, english, _err = run_cli(capsys, "profiles", "--json", "--lang", "en")
    assert json.loads(english)["profiles"][2]["name"] == "Local intelligent-informatization master plan (5 years)"


def test_a_broken_user_profile_is_listed_with_its_lines_and_exits_1(capsys: pytest.CaptureFixture[str],
                                                                   private_data_dir: Path) -> None:
    path = write_broken_profile(private_data_dir / "guidelines")
    lines = path.read_text("utf-8").split("\n")
    language_line = next(n for n, line in enumerate(lines, 1) if line.startswith("language: kr"))
    block_line = next(n for n, line in enumerate(lines, 1) if line.strip() == "block: kpi_charts")
    code, out, err = run_cli(capsys, "profiles")
    assert (code, err) == (EXIT_FINDINGS, "")
    assert "These profile files cannot be used:" in out
    assert f"  {path}" in out.splitlines()
    assert f"    line {language_line}, column 11 (language): Unknown report language 'kr'; choose one of: ko, en." \
        in out.splitlines()
    assert any(line.startswith(f"    line {block_line}, column 16 (sections[6].sections[6].block): Unknown block id "
                               "'kpi_charts'; did you mean 'kpi_chart'?") for line in out.splitlines())

    code, out, _err = run_cli(capsys, "profiles", "--json")
    assert code == EXIT_FINDINGS
    data = json.loads(out)
    assert [entry["id"] for entry in data["profiles"]] == SHIPPED
    [broken] = data["problems"]
    assert broken["file"] == str(path)
    assert [(problem["line"], problem["where"]) for problem in broken["problems"]] == [
        (language_line, "language"), (block_line, "sections[6].sections[6].block")]
    assert set(broken["problems"][0]) == {"line", "column", "where", "message"}


def test_copy_then_list_shows_the_users_profile(capsys: pytest.CaptureFixture[str], private_data_dir: Path) -> None:
    code, out, err = run_cli(capsys, "profiles", "copy", "kr-smart-village", "village-2026")
    target = private_data_dir / "guidelines" / "village-2026.yaml"
    assert (code, err) == (EXIT_OK, "")
    assert out == (f"Copied the profile kr-smart-village to {target}; edit it, then run 'cplan profiles' to check "
                   "it.\n")
    code, out, _err = run_cli(capsys, "profiles", "--json")
    entry = json.loads(out)["profiles"][-1]
    assert code == EXIT_OK
    assert (entry["id"], entry["builtin"], entry["file"], entry["plan_type"]) == (
        "village-2026", False, str(target), "project")
    _code, out, _err = run_cli(capsys, "profiles")
    own = next(line for line in out.splitlines() if line.startswith("village-2026"))
    assert " own " in own and "Smart Village project application (village-2026)" in own


def test_copy_prints_json_when_asked(capsys: pytest.CaptureFixture[str], private_data_dir: Path) -> None:
    code, out, _err = run_cli(capsys, "profiles", "copy", "en-partner-brief", "brief", "--json")
    assert code == EXIT_OK
    assert json.loads(out) == {"id": "brief", "source": "en-partner-brief",
                               "file": str(private_data_dir / "guidelines" / "brief.yaml")}


@pytest.mark.parametrize(("args", "fragment"), [
    (["kr-master-plan", "Bad_Id"], "The id 'Bad_Id' is not valid"),
    (["kr-master-plan", "kr-annual-implementation"], "There is already a profile with the id"),
    (["no-such-profile", "fresh"], "There is no guideline profile 'no-such-profile'"),
    (["kr-master-plan"], "the following arguments are required: NEW_ID"),
])
def test_copy_refusals_exit_2_with_one_line(capsys: pytest.CaptureFixture[str], private_data_dir: Path,
                                            args: list[str], fragment: str) -> None:
    code, out, err = run_cli(capsys, "profiles", "copy", *args)
    assert (code, out) == (EXIT_BAD_INPUT, "")
    assert len(err.rstrip("\n").split("\n")) == 1 and err.startswith("cplan") and fragment in err, err
    assert not (private_data_dir / "guidelines").exists()


def test_copy_refuses_an_existing_file_and_leaves_it_alone(capsys: pytest.CaptureFixture[str],
                                                          private_data_dir: Path) -> None:
    folder = private_data_dir / "guidelines"
    folder.mkdir(parents=True)
    (folder / "mine.yaml").write_text("# my notes\n", encoding="utf-8")
    code, _out, err = run_cli(capsys, "profiles", "copy", "kr-master-plan", "mine")
    assert code == EXIT_BAD_INPUT and "mine.yaml already exists; choose another id." in err
    assert (folder / "mine.yaml").read_text("utf-8") == "# my notes\n"


def test_messages_follow_lang(capsys: pytest.CaptureFixture[str], private_data_dir: Path) -> None:
    write_broken_profile(private_data_dir / "guidelines")
    code, out, _err = run_cli(capsys, "profiles", "--lang", "ko")
    assert code == EXIT_FINDINGS
    assert "다음 프로파일 파일은 사용할 수 없습니다:" in out and "기본 제공" in out
    assert "열 (language): 알 수 없는 보고서 언어 'kr'" in out
