"""GanttProject (.gan): a file as GanttProject writes it read with its hierarchy, links and milestones; the
plan out as a .gan file and back in exactly; broken and hostile files refused with the plan unchanged."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

import pytest

from planner.interchange.gantt_project import DEPEND_TYPES
from tests.planner.interchange.test_mspdi import (
    HOSTILE,
    carried,
    demo_plan,
    new_plan,
    plan_title,
    refused,
    run,
)

DATA = Path(__file__).parent / "data"


def gan(*tasks: str, properties: str = "") -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?><project name="시험" version="3.2.3247">'
            '<calendars><day-types><default-week id="1" name="default" sun="1" mon="0" tue="0" wed="0" '
            'thu="0" fri="0" sat="1"/></day-types></calendars>'
            f"<tasks><taskproperties>{properties}</taskproperties>"
            f"{''.join(tasks)}</tasks></project>").encode()


def task(task_id: int | str, name: str = "과제", *, start: str = "2027-03-02", duration: str = "20",
         inner: str = "", meeting: str = "false") -> str:
    return (f'<task id="{task_id}" name="{name}" meeting="{meeting}" start="{start}" duration="{duration}" '
            f'complete="0">{inner}</task>')


def test_ganttproject_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    plan = new_plan(capsys, tmp_path / "p.cplan")
    code, out = run(capsys, "import", DATA / "ganttproject_3.gan", "--into", plan)
    assert code == 0, out
    values = carried(plan)
    assert values["field"] == [("GAN-0", "스마트빌리지 기반 조성"), ("GAN-5", "서비스 운영")]
    assert values["strategy"] == [("GAN-6", "AI 선별·판매 플랫폼", "GAN-5")]
    assert values["initiative"] == [
        ("GAN-1", "마을 수요조사", "GAN-0", None, "2027-03", 1, 100, None),
        ("GAN-2", "서비스 설계", "GAN-0", None, "2027-03", 3, 60, None),
        ("GAN-3", "설계 승인", "GAN-0", None, "2027-06", 0, 0, None),  # meeting="true"
        # 120 working days from 27 April, with the holiday of 4 October: the last day is 12 October
        ("GAN-4", "플랫폼 구축", "GAN-5", "GAN-6", "2027-04", 7, 20, None),
        ("GAN-7", "시범 운영", "GAN-5", "GAN-6", "2027-09", 4, 0, None),
        ("GAN-8", "스마트 경로당", "GAN-5", None, "2027-09", 3, 0, None),
        ("GAN-9", "사업 성과 보고", None, None, "2027-12", 0, 0, None),
    ]
    assert values["dependency"] == [
        ("GAN-1", "GAN-2", "FS", 0),
        ("GAN-2", "GAN-3", "FS", 0),
        ("GAN-2", "GAN-4", "SS", 1),  # 20 working days
        ("GAN-4", "GAN-7", "FF", 2),
        ("GAN-4", "GAN-9", "FS", 0),  # from the summary task 5: to every initiative inside it
        ("GAN-7", "GAN-9", "FS", 0),
        ("GAN-8", "GAN-7", "SF", 0),
        ("GAN-8", "GAN-9", "FS", 0),
    ]


def test_dependency_type_codes_are_ganttprojects() -> None:
    # TaskDependencyConstraint.Type {startstart, finishstart, finishfinish, startfinish}, saved as ordinal + 1
    assert DEPEND_TYPES == {1: "SS", 2: "FS", 3: "FF", 4: "SF"}


def test_demo_plan_round_trips_through_gan(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = demo_plan(capsys, tmp_path / "demo.cplan")
    assert run(capsys, "export", source, "--to", tmp_path / "first.gan")[0] == 0
    target = new_plan(capsys, tmp_path / "target.cplan", plan_title(source))
    code, out = run(capsys, "import", tmp_path / "first.gan", "--into", target)
    assert code == 0, out
    expected, actual = carried(source), carried(target)
    for kind in ("field", "strategy", "milestone", "dependency"):
        assert actual[kind] == expected[kind], kind
    # A .gan file has no 'start no earlier than'; everything else of an initiative comes back.
    assert [row[:7] for row in actual["initiative"]] == [row[:7] for row in expected["initiative"]]
    assert run(capsys, "export", target, "--to", tmp_path / "second.gan")[0] == 0
    assert (tmp_path / "first.gan").read_bytes() == (tmp_path / "second.gan").read_bytes()


def test_export_is_shaped_as_ganttproject_writes_it(capsys: pytest.CaptureFixture[str],
                                                     tmp_path: Path) -> None:
    source = demo_plan(capsys, tmp_path / "demo.cplan")
    assert run(capsys, "export", source, "--to", tmp_path / "plan.gan")[0] == 0
    root = ElementTree.parse(tmp_path / "plan.gan").getroot()
    assert root.tag == "project" and root.get("version", "").startswith("3.")
    assert [child.tag for child in root if isinstance(child.tag, str)] == [
        "description", "view", "view", "calendars", "tasks", "resources", "allocations", "vacations",
        "previous", "roles"]
    tasks = root.find("tasks")
    assert tasks is not None and tasks.get("empty-milestones") == "true"
    properties = {prop.get("id"): prop.get("name") for prop in tasks.iterfind("taskproperties/taskproperty")}
    defaults = [key for key in properties if key and key.startswith("tpd")]
    assert defaults == [f"tpd{number}" for number in range(10)]
    first = tasks.find("task")
    assert first is not None and list(first.attrib) == ["id", "name", "color", "meeting", "start", "duration",
                                                        "complete", "expand"]
    ids = [int(element.get("id", "")) for element in tasks.iter("task")]
    assert ids == list(range(len(ids)))
    milestone = next(element for element in tasks.iter("task") if element.get("name") == "착수보고회")
    assert milestone.get("meeting") == "true" and milestone.get("duration") == "0"
    a01 = next(element for element in tasks.iter("task")
               if element.get("name", "").startswith("해담 AI 융합 정보화"))
    assert a01.get("start") == "2027-02-01" and a01.get("duration") == "130"  # six months of working days
    for depend in tasks.iter("depend"):
        assert int(depend.get("difference", "")) % 20 == 0 and depend.get("hardness") == "Strong"


@pytest.mark.parametrize("name", ["xxe", "billion_laughs", "quadratic_blowup", "not_xml"])
def test_hostile_files_are_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str) -> None:
    plan = new_plan(capsys, tmp_path / "p.cplan")
    source = tmp_path / f"{name}.gan"
    source.write_bytes(HOSTILE[name])
    problems = refused(capsys, source, plan)
    assert problems[0]["where"] == "the file"


def test_an_ms_project_file_named_gan_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    plan = new_plan(capsys, tmp_path / "p.cplan")
    source = tmp_path / "wrong.gan"
    source.write_bytes((DATA / "projectlibre.xml").read_bytes())
    message = refused(capsys, source, plan)[0]["message"]
    assert "root element is <{http://schemas.microsoft.com/project}Project>" in message


def test_every_bad_value_is_reported(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    plan = new_plan(capsys, tmp_path / "p.cplan")
    source = tmp_path / "bad.gan"
    source.write_bytes(gan(
        task(1, "날짜 오류", start="2027-13-45"),
        task(2, "기간 오류", duration="스무 날"),
        task(3, "음수 기간", duration="-5"),
        task(4, "없는 후행", inner='<depend id="77" type="2" difference="0" hardness="Strong"/>'),
        task(5, "형식 오류", inner='<depend id="1" type="9" difference="0" hardness="Strong"/>'),
        task(6, "차이 오류", inner='<depend id="1" type="2" difference="한 달" hardness="Strong"/>'),
        task("x", "아이디 오류"),
        task(7, "완료율 오류").replace('complete="0"', 'complete="200"'),
        task(8, "시작 없음", start="")))
    problems = {(problem["where"], problem["field"]) for problem in refused(capsys, source, plan)}
    for expected in [('task id 1 "날짜 오류"', "start"), ('task id 2 "기간 오류"', "duration"),
                     ('task id 3 "음수 기간"', "duration"), ('task id 4 "없는 후행"', "depend"),
                     ('task id 5 "형식 오류"', "type"), ('task id 6 "차이 오류"', "difference"),
                     ('task x "아이디 오류"', "id"), ('task id 7 "완료율 오류"', "complete"),
                     ('task id 8 "시작 없음"', "start")]:
        assert expected in problems, (expected, problems)


def test_a_dependency_cycle_is_reported_with_the_cycle(capsys: pytest.CaptureFixture[str],
                                                        tmp_path: Path) -> None:
    plan = new_plan(capsys, tmp_path / "p.cplan")
    source = tmp_path / "cycle.gan"
    source.write_bytes(gan(task(1, "가", inner='<depend id="2" type="2" difference="0" hardness="Strong"/>'),
                           task(2, "나", inner='<depend id="1" type="2" difference="0" hardness="Strong"/>')))
    problems = refused(capsys, source, plan)
    messages = [problem["message"] for problem in problems if "cycle" in problem["message"]]
    assert messages and "GAN-1" in messages[0] and "GAN-2" in messages[0]


def test_deep_nesting_is_read_without_recursion(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    plan = new_plan(capsys, tmp_path / "p.cplan")
    depth = 3_000
    nested = "".join(f'<task id="{number}" name="단계 {number}" meeting="false" start="2027-03-02" '
                     'duration="20" complete="0">' for number in range(depth)) + "</task>" * depth
    source = tmp_path / "deep.gan"
    source.write_bytes(gan(nested))
    code, out = run(capsys, "import", source, "--into", plan, "--dry-run", "--json")
    assert code == 0, out
    assert '"initiative": 1' in out and '"field": 1' in out and '"strategy": 1' in out
