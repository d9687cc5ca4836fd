"""`cplan export --to OUT.json` and `cplan import SRC --into FILE`: round trips, refusals, dry runs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import planner.cli as cli
from tests.planner.commands.sample_plan import build_sample_plan


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    code = cli.main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    return code, out, err


def without_time(path: Path) -> dict[str, object]:
    document = json.loads(path.read_text("utf-8"))
    document.pop("exported_at")
    return document


def new_plan(capsys: pytest.CaptureFixture[str], path: Path) -> Path:
    assert run(capsys, "new", path, "--title", "빈 계획", "--start-year", "2027", "--end-year", "2031")[0] == 0
    return path


@pytest.mark.parametrize("source", ["demo", "sample"])
def test_export_import_export_is_exact(capsys: pytest.CaptureFixture[str], tmp_path: Path, source: str) -> None:
    plan = tmp_path / "source.cplan"
    if source == "demo":
        assert run(capsys, "demo", plan, "--lang", "ko")[0] == 0
    else:
        build_sample_plan(plan).engine.dispose()
    code, out, err = run(capsys, "export", plan, "--to", tmp_path / "first.json")
    assert (code, err) == (0, "") and "first.json" in out
    target = new_plan(capsys, tmp_path / "target.cplan")
    code, out, err = run(capsys, "import", tmp_path / "first.json", "--into", target)
    assert (code, err) == (0, "") and "Initiatives" in out
    assert run(capsys, "export", target, "--to", tmp_path / "second.json")[0] == 0
    first, second = without_time(tmp_path / "first.json"), without_time(tmp_path / "second.json")
    # The history gains the file's entries and one of its own: the import (planner.history)
    known = {row["id"] for row in first["tables"]["change_log"]}  # type: ignore[index]
    recorded = [row for row in second["tables"]["change_log"] if row["id"] not in known]  # type: ignore[index]
    assert [row["command"] for row in recorded] == ["replace_plan"]
    second["tables"]["change_log"] = [row for row in second["tables"]["change_log"]  # type: ignore[index]
                                      if row["id"] in known]
    for kind, rows in first["tables"].items():  # type: ignore[union-attr]
        assert rows == second["tables"][kind], kind  # type: ignore[index]
    assert first == second
    assert run(capsys, "verify", target)[0] == 0


def test_dry_run_checks_and_counts_without_writing(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    plan = tmp_path / "source.cplan"
    build_sample_plan(plan).engine.dispose()
    assert run(capsys, "export", plan, "--to", tmp_path / "p.json")[0] == 0
    target = new_plan(capsys, tmp_path / "target.cplan")
    before = target.read_bytes()
    code, out, _err = run(capsys, "import", tmp_path / "p.json", "--into", target, "--dry-run", "--json")
    report = json.loads(out)
    assert code == 0 and report["ok"] and not report["imported"] and report["counts"]["initiative"] == 3
    assert target.read_bytes() == before


def hostile_files(good: dict[str, object]) -> dict[str, bytes]:
    tables = good["tables"]
    assert isinstance(tables, dict)
    initiative = tables["initiative"][0]
    dependency = tables["dependency"][0]

    def variant(**changes: object) -> bytes:
        return json.dumps(good | changes, ensure_ascii=False).encode("utf-8")

    return {
        "truncated": json.dumps(good).encode("utf-8")[:500],
        "wrong_types": variant(tables=tables | {"initiative": [initiative | {"duration_months": "twelve"}]}),
        "unknown_kind": variant(tables=tables | {"gantt_bar": []}),
        "dangling": variant(tables=tables | {"milestone": [tables["milestone"][0] | {"initiative_id": "gone"}]}),
        "duplicate_id": variant(tables=tables | {"initiative": [*tables["initiative"], initiative]}),
        "cycle": variant(tables=tables | {"dependency": [*tables["dependency"], dependency | {
            "id": "back", "predecessor_id": dependency["successor_id"], "successor_id": dependency["predecessor_id"]}]}),
        "long_title": variant(tables=tables | {"initiative": [initiative | {"title": "x" * 1_000_000}]}),
        "version": variant(format_version=99),
    }


def test_hostile_files_exit_2_with_the_report_and_leave_the_plan_unchanged(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    plan = tmp_path / "source.cplan"
    build_sample_plan(plan).engine.dispose()
    assert run(capsys, "export", plan, "--to", tmp_path / "good.json")[0] == 0
    good = json.loads((tmp_path / "good.json").read_text("utf-8"))
    before = plan.read_bytes()
    for name, data in hostile_files(good).items():
        source = tmp_path / f"{name}.json"
        source.write_bytes(data)
        code, out, err = run(capsys, "import", source, "--into", plan)
        assert (code, err) == (2, ""), (name, out, err)
        lines = out.splitlines()
        assert "not imported" in lines[0] and len(lines) >= 2 and all(line.startswith("  - ") for line in lines[1:])
        assert plan.read_bytes() == before, name
    code, out, _err = run(capsys, "import", tmp_path / "cycle.json", "--into", plan, "--json")
    report = json.loads(out)
    assert code == 2 and not report["ok"] and any("cycle" in p["message"] for p in report["problems"])


def test_the_printed_report_stops_at_50_problems(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    plan = tmp_path / "source.cplan"
    build_sample_plan(plan).engine.dispose()
    assert run(capsys, "export", plan, "--to", tmp_path / "good.json")[0] == 0
    good = json.loads((tmp_path / "good.json").read_text("utf-8"))
    good["tables"]["kpi"] = [{"id": f"k{number}", "name": 5, "type": "output"} for number in range(80)]
    (tmp_path / "bad.json").write_text(json.dumps(good), "utf-8")
    before = plan.read_bytes()
    code, out, _err = run(capsys, "import", tmp_path / "bad.json", "--into", plan, "--lang", "en")
    lines = out.splitlines()
    assert code == 2 and len(lines) == 52 and "33 more" in lines[-1]  # 80 names, 3 targets of KPIs gone
    assert plan.read_bytes() == before


def test_unknown_suffix_and_missing_source_are_one_line_errors(capsys: pytest.CaptureFixture[str],
                                                               tmp_path: Path) -> None:
    plan = new_plan(capsys, tmp_path / "p.cplan")
    (tmp_path / "x.docx").write_bytes(b"PK")
    code, _out, err = run(capsys, "import", tmp_path / "x.docx", "--into", plan)
    assert code == 2 and ".docx" in err and len(err.strip().splitlines()) == 1
    code, _out, err = run(capsys, "import", tmp_path / "none.json", "--into", plan)
    assert code == 2 and "none.json" in err


@pytest.mark.parametrize(("name", "advice"), [("plan.mpp", "XML"), ("old.xls", ".xlsx"), ("표.hwp", "CSV")])
def test_files_people_often_have_get_advice_on_what_to_save_instead(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, advice: str) -> None:
    target = new_plan(capsys, tmp_path / "target.cplan")
    before = target.read_bytes()
    (tmp_path / name).write_bytes(b"\xd0\xcf\x11\xe0 not readable")
    code, _out, err = run(capsys, "import", tmp_path / name, "--into", target)
    assert code == 2 and name in err and advice in err and "save" in err.lower()
    assert target.read_bytes() == before
