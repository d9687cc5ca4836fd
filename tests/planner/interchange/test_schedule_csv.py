"""`cplan export --kind schedule`: the computed schedule as CSV (code, title, early start, last month worked)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

import planner.cli as cli
from planner.months import YearMonth
from planner.schedule import schedule_plan
from planner.storage.document import PlanDocument
from tests.planner.commands.sample_plan import build_sample_plan


def read_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def test_the_schedule_csv_holds_every_initiative_with_its_computed_months(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    plan = tmp_path / "p.cplan"
    build_sample_plan(plan).engine.dispose()
    target = tmp_path / "schedule.csv"
    assert cli.main(["export", str(plan), "--to", str(target), "--kind", "schedule", "--lang", "en"]) == 0
    assert "Wrote 3 rows of Schedule" in capsys.readouterr().out
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")  # as Korean Excel opens it
    header, *rows = read_rows(target)
    assert header == ["Code", "Title", "Early start", "Early finish"]
    document = PlanDocument.open(plan)
    with document.session() as session:
        result = schedule_plan(session)
    document.close()
    expected = {item.code: [item.code, item.title, str(YearMonth.from_index(item.es)),
                            str(YearMonth.from_index(item.display_early_finish))] for item in result.items}
    assert {row[0]: row for row in rows} == expected
    assert [row[2] for row in rows] == sorted(row[2] for row in rows)  # ordered by start
    milestone = next(row for row in rows if row[0] == "B-01")
    assert milestone[2] == milestone[3] == "2027-01"  # a milestone: its own month
    robot = next(row for row in rows if row[0] == "A-01")
    assert robot[2:] == ["2027-03", "2028-02"]  # twelve months: the last one worked, not the month after


def test_the_schedule_csv_speaks_korean_and_is_refused_for_a_workbook(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    plan = tmp_path / "p.cplan"
    build_sample_plan(plan).engine.dispose()
    target = tmp_path / "일정.csv"
    assert cli.main(["export", str(plan), "--to", str(target), "--kind", "schedule", "--lang", "ko"]) == 0
    header, first, *_rest = read_rows(target)
    assert header == ["코드", "제목", "가장 이른 착수", "가장 이른 완료"]
    assert first[2].endswith(".") and first[2].startswith("2027. ")  # months as Korean documents write them
    capsys.readouterr()
    assert cli.main(["export", str(plan), "--to", str(tmp_path / "all.xlsx"), "--kind", "schedule"]) == 2
    assert "--kind" in capsys.readouterr().err
    assert not (tmp_path / "all.xlsx").exists()
