"""TaskJuggler export: the project file's structure, escaping of hostile text, and tj3's schedule against ours."""

from __future__ import annotations

import csv
import os
import re
import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import update

import planner.cli as cli
from planner.interchange.tjp_export import (
    WORD_JOINER,
    DependencyGap,
    _Identifiers,
    dependency_gap,
    exactly_expressed,
    tjp_project,
    tjp_string,
)
from planner.model import Field, Initiative, Plan
from planner.months import YearMonth
from planner.schedule import plan_links, schedule_plan
from planner.storage.document import PlanDocument
from tests.planner.commands.sample_plan import build_sample_plan

TJ3 = shutil.which("tj3")
needs_tj3 = pytest.mark.skipif(TJ3 is None, reason="TaskJuggler (tj3, Debian package tj3) is not installed")
HOSTILE_TEXTS = [
    'say "hi" } include "/etc/passwd" {',
    "${projectstart} and ${undefined \"arg\"} and $(HOME)",
    "line one\nline two\r\tand a tab",
    "ends with a backslash \\",
    'escaped quote at the end \\"',
    "/* not a comment */ # nor this -8<- [macro]",
    "한글 과제명 · 「따옴표」",
]


def project_text(path: Path, language: str = "en") -> str:
    document = PlanDocument.open(path)
    try:
        with document.session() as session:
            return tjp_project(session, language).text
    finally:
        document.close()


def test_the_project_nests_fields_strategies_and_initiatives_with_their_schedule(tmp_path: Path) -> None:
    build_sample_plan(tmp_path / "p.cplan").engine.dispose()
    text = project_text(tmp_path / "p.cplan")
    assert 'project cplan "해담군 AI 융합 계획" 2027-01-01 - 2033-01-01 {' in text
    assert 'text Code "Code"' in text
    # Field A holds strategy 1-1 (with A-01) and A-02 directly; field B holds the milestone initiative B-01.
    assert re.search(r'task f_A "A AI 복지·돌봄" \{\s+task s_1_1 "1-1 돌봄 기반 조성" \{\s+task i_A_01 ', text)
    robot = re.search(r'task i_A_01 "AI 돌봄 로봇" \{(.*?)\n      \}', text, re.S)
    assert robot is not None
    assert 'Code "A-01"' in robot.group(1)
    assert "start 2027-03-01" in robot.group(1) and "duration 366d" in robot.group(1)  # 2027-03..2028-02
    # SS from B-01 with a lag of -2 would start A-01 before B-01 starts: TaskJuggler cannot say that.
    assert "# SS link from B-01 with a lag of -2 months: left out" in robot.group(1)
    calls = re.search(r'task i_A_02 "AI 안부 전화" \{(.*?)\n    \}', text, re.S)
    assert calls is not None
    # Planned for 2028-01 (365 days after the plan's start) and FS + 1 month after A-01 ends (2028-03).
    assert "depends plan_start { gapduration 365d }, roadmap.f_A.s_1_1.i_A_01 { gapduration 31d }" in calls.group(1)
    assert "duration 183d" in calls.group(1)
    assert re.search(r'task i_B_01 "스마트 정류장" \{\s+Code "B-01"\s+start 2027-01-01\s+milestone', text)
    assert re.search(r'task m_1 "A-01 시범 운영" \{\s+milestone\s+start 2027-09-30', text)
    assert "taskreport schedule" in text and "formats csv" in text and "taskroot roadmap" in text
    assert "columns Code, id, start, end, duration, name" in text
    assert text.count("{") == text.count("}")


@pytest.mark.parametrize(("kind", "lag", "durations", "expected"), [
    ("FS", 0, (12, 6), DependencyGap(True, 0)),
    ("FS", 2, (12, 6), DependencyGap(True, 2)),
    ("FS", -3, (12, 6), DependencyGap(False, 9)),  # a lead: three months before the end = nine after the start
    ("FS", -3, (2, 6), None),  # before the predecessor starts
    ("SS", 4, (12, 6), DependencyGap(False, 4)),
    ("SS", -1, (12, 6), None),
    ("FF", 0, (12, 6), DependencyGap(False, 6)),  # start >= end - 6 = start + 6
    ("FF", 0, (3, 6), None),
    ("FF", 8, (12, 6), DependencyGap(True, 2)),
    ("SF", 10, (12, 6), DependencyGap(False, 4)),
    ("SF", 0, (12, 6), None),
    ("FS", 0, (0, 0), DependencyGap(True, 0)),  # milestones
])
def test_each_dependency_becomes_a_start_bound_taskjuggler_can_express(
        kind: str, lag: int, durations: tuple[int, int], expected: DependencyGap | None) -> None:
    assert dependency_gap(kind, lag, *durations) == expected


def tj3_unquote(literal: str) -> str:
    """What tj3's scanner reads from a double-quoted string: the text between the quotes with \\" made '"'
    (ProjectFileScanner.rb); the literal must be one string with nothing after it."""
    match = re.fullmatch(r'"((?:\\"|[^"])*)"', literal)
    assert match is not None, literal
    return match.group(1).replace('\\"', '"')


@pytest.mark.parametrize("text", HOSTILE_TEXTS)
def test_strings_are_escaped_so_tj3_reads_them_literally(text: str) -> None:
    literal = tjp_string(text)
    assert "\n" not in literal and "\r" not in literal
    assert "${" not in literal and "$(" not in literal  # no macro call, no environment variable
    read_back = tj3_unquote(literal)
    assert read_back.replace(WORD_JOINER, "") == re.sub(r"[\x00-\x1f]", " ", text)


def test_ids_are_ascii_unique_and_never_a_keyword() -> None:
    ids = _Identifiers()
    made = [ids.make("i", code, number) for number, code in enumerate(
        ["A-01", "A_01", "가-01", "가나", "task", "A-01", "plan_start"], start=1)]
    assert made == ["i_A_01", "i_A_01_2", "i_01", "i_4", "i_task", "i_A_01_3", "i_plan_start"]
    assert all(re.fullmatch(r"[A-Za-z_]\w*", made_id, re.ASCII) for made_id in made)


def test_cli_writes_the_project_and_says_what_it_left_out(capsys: pytest.CaptureFixture[str],
                                                         tmp_path: Path) -> None:
    plan = tmp_path / "p.cplan"
    build_sample_plan(plan).engine.dispose()
    target = tmp_path / "plan.tjp"
    target.write_bytes(b"old")
    assert cli.main(["export", str(plan), "--to", str(target)]) == 0
    out = capsys.readouterr().out
    assert "3 initiatives" in out and "1 dependencies would start a task before" in out
    assert target.read_text("utf-8").startswith("# TaskJuggler project written by Convergence Planner")
    assert not list(tmp_path.glob(".plan.tjp.*"))


# -- with TaskJuggler itself ----------------------------------------------------------------------------------


def run_tj3(project: Path) -> tuple[subprocess.CompletedProcess[str], Path]:
    out_dir = project.parent / "tj3-out"
    out_dir.mkdir(exist_ok=True)
    env = os.environ | {"TJ_SECRET": "leaked-secret-value"}
    result = subprocess.run([str(TJ3), "--no-color", "-o", str(out_dir), str(project)], capture_output=True,
                            text=True, timeout=300, env=env)
    return result, out_dir / "schedule.csv"


def our_months(path: Path) -> tuple[dict[str, tuple[str, str, bool]], set[str]]:
    """Our schedule by code (first month, last month, milestone) and the codes whose start no left-out link
    bounds, directly or through a predecessor."""
    document = PlanDocument.open(path)
    with document.session() as session:
        result = schedule_plan(session)
        links = plan_links(session)
    document.close()
    ours = {item.code: (str(YearMonth.from_index(item.es)), str(YearMonth.from_index(item.display_early_finish)),
                        item.milestone) for item in result.items}
    return ours, exactly_expressed(result, links)


def tj3_months(csv_path: Path) -> dict[str, tuple[str, str]]:
    """tj3's start and end by code, as months: its End is the first moment after the task (a milestone: its
    own day), so the last month worked is the month of the day before."""
    with csv_path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    months: dict[str, tuple[str, str]] = {}
    for row in rows:
        start, end = date.fromisoformat(row["Start"]), date.fromisoformat(row["End"])
        last = end if start == end else end - timedelta(days=1)
        months[row["Code"]] = (start.strftime("%Y-%m"), last.strftime("%Y-%m"))
    return months


@needs_tj3
@pytest.mark.parametrize("source", ["demo", "synthetic", "synthetic-milestone-chains"])
def test_tj3_schedules_the_export_as_we_do(capsys: pytest.CaptureFixture[str], tmp_path: Path, source: str) -> None:
    plan = tmp_path / "p.cplan"
    if source == "demo":
        assert cli.main(["demo", str(plan), "--lang", "ko"]) == 0
    elif source == "synthetic":
        assert cli.main(["synth", str(plan), "--initiatives", "200", "--stakeholders", "10", "--seed", "7"]) == 0
    else:  # links from milestones written with `onstart` made tj3 report a loop that is not there on this plan
        assert cli.main(["synth", str(plan), "--initiatives", "300", "--stakeholders", "20", "--seed", "2"]) == 0
    assert cli.main(["export", str(plan), "--to", str(tmp_path / "plan.tjp")]) == 0
    capsys.readouterr()
    result, schedule_csv = run_tj3(tmp_path / "plan.tjp")
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    theirs = tj3_months(schedule_csv)
    ours, exact = our_months(plan)
    assert set(theirs) == set(ours)
    assert len(exact) >= len(ours) * 2 // 5  # much of the plan is checked, not a token few
    differing = {code: (ours[code][:2], theirs[code]) for code in exact if ours[code][:2] != theirs[code]}
    assert differing == {}


@needs_tj3
def test_tj3_reads_hostile_titles_literally(tmp_path: Path) -> None:
    plan = tmp_path / "p.cplan"
    sample = build_sample_plan(plan)

    def make_hostile(session: object) -> None:
        table = Initiative.__table__
        for number, code in enumerate(("A-01", "A-02", "B-01")):
            session.execute(update(table).where(table.c.code == code).values(  # type: ignore[attr-defined]
                title=HOSTILE_TEXTS[number] + " $(TJ_SECRET)"))
        session.execute(update(table).where(table.c.code == "B-01").values(  # type: ignore[attr-defined]
            code='B"} $(TJ_SECRET)\\'))
        session.execute(update(Plan.__table__).values(title=HOSTILE_TEXTS[3]))  # type: ignore[attr-defined]
        session.execute(update(Field.__table__).values(name=HOSTILE_TEXTS[5]))  # type: ignore[attr-defined]

    sample.run(make_hostile)
    sample.engine.dispose()
    (tmp_path / "plan.tjp").write_text(project_text(plan), encoding="utf-8")
    result, schedule_csv = run_tj3(tmp_path / "plan.tjp")
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    output = schedule_csv.read_text("utf-8")
    assert "leaked-secret-value" not in output and "leaked-secret-value" not in result.stdout
    assert len(output.strip().splitlines()) == 4  # the header and three initiatives, one line each
    assert "$" + WORD_JOINER + "(TJ_SECRET)" in output
