"""Microsoft Project XML (MSPDI): the plan out and back in exactly, files of MS Project, ProjectLibre and
GanttProject read as they write them, and hostile or broken files refused whole with the plan unchanged."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest

import planner.cli as cli
from planner.commands.rows import UpdateRow
from planner.interchange.formats import ImportOptions
from planner.interchange.incoming import existing_rows
from planner.interchange.mspdi import read_mspdi
from planner.interchange.task_outline import round_months
from planner.months import YearMonth
from planner.storage.document import PlanDocument

DATA = Path(__file__).parent / "data"
NS = "{http://schemas.microsoft.com/project}"

# The order of elements in mspdi_pj12.xsd, with the elements MS Project 2010+ adds where it writes them.
PROJECT_ORDER = (
    "SaveVersion", "UID", "BuildNumber", "Name", "GUID", "Title", "Subject", "Category", "Company", "Manager",
    "Author", "CreationDate", "Revision", "LastSaved", "ScheduleFromStart", "StartDate", "FinishDate",
    "FYStartDate", "CriticalSlackLimit", "CurrencyDigits", "CurrencySymbol", "CurrencyCode",
    "CurrencySymbolPosition", "CalendarUID", "DefaultStartTime", "DefaultFinishTime", "MinutesPerDay",
    "MinutesPerWeek", "DaysPerMonth", "DefaultTaskType", "DefaultFixedCostAccrual", "DefaultStandardRate",
    "DefaultOvertimeRate", "DurationFormat", "WorkFormat", "EditableActualCosts", "HonorConstraints",
    "EarnedValueMethod", "InsertedProjectsLikeSummary", "MultipleCriticalPaths", "NewTasksEffortDriven",
    "NewTasksEstimated", "SplitsInProgressTasks", "SpreadActualCost", "SpreadPercentComplete",
    "TaskUpdatesResource", "FiscalYearStart", "WeekStartDay", "MoveCompletedEndsBack",
    "MoveRemainingStartsBack", "MoveRemainingStartsForward", "MoveCompletedEndsForward",
    "BaselineForEarnedValue", "AutoAddNewResourcesAndTasks", "StatusDate", "CurrentDate",
    "MicrosoftProjectServerURL", "Autolink", "NewTaskStartDate", "NewTasksAreManual", "DefaultTaskEVMethod",
    "ProjectExternallyEdited", "ExtendedCreationDate", "ActualsInSync", "RemoveFileProperties",
    "AdminProject", "UpdateManuallyScheduledTasksWhenEditingLinks",
    "KeepTaskOnNearestWorkingTimeWhenMadeAutoScheduled", "OutlineCodes", "WBSMasks", "ExtendedAttributes",
    "Calendars", "Tasks", "Resources", "Assignments")
TASK_ORDER = (
    "UID", "GUID", "ID", "Name", "Active", "Manual", "Type", "IsNull", "CreateDate", "Contact", "WBS",
    "WBSLevel", "OutlineNumber", "OutlineLevel", "Priority", "Start", "Finish", "Duration", "ManualStart",
    "ManualFinish", "ManualDuration", "DurationFormat", "Work", "Stop", "Resume", "ResumeValid",
    "EffortDriven", "Recurring", "OverAllocated", "Estimated", "Milestone", "Summary", "DisplayAsSummary",
    "Critical", "IsSubproject", "IsSubprojectReadOnly", "SubprojectName", "ExternalTask",
    "ExternalTaskProject", "EarlyStart", "EarlyFinish", "LateStart", "LateFinish", "StartVariance",
    "FinishVariance", "WorkVariance", "FreeSlack", "TotalSlack", "StartSlack", "FinishSlack", "FixedCost",
    "FixedCostAccrual", "PercentComplete", "PercentWorkComplete", "Cost", "OvertimeCost", "OvertimeWork",
    "ActualStart", "ActualFinish", "ActualDuration", "ActualCost", "ActualOvertimeCost", "ActualWork",
    "ActualOvertimeWork", "RegularWork", "RemainingDuration", "RemainingCost", "RemainingWork",
    "RemainingOvertimeCost", "RemainingOvertimeWork", "ACWP", "CV", "ConstraintType", "CalendarUID",
    "ConstraintDate", "Deadline", "LevelAssignments", "LevelingCanSplit", "LevelingDelay",
    "LevelingDelayFormat", "PreLeveledStart", "PreLeveledFinish", "Hyperlink", "HyperlinkAddress",
    "HyperlinkSubAddress", "IgnoreResourceCalendar", "Notes", "HideBar", "Rollup", "BCWS", "BCWP",
    "PhysicalPercentComplete", "EarnedValueMethod", "PredecessorLink", "ActualWorkProtected",
    "ActualOvertimeWorkProtected", "ExtendedAttribute", "Baseline", "OutlineCode", "IsPublished",
    "StatusManager", "CommitmentStart", "CommitmentFinish", "CommitmentType")
LINK_ORDER = (
    "PredecessorUID", "Type", "CrossProject", "CrossProjectName", "LinkLag", "LagFormat")
DEFINITION_ORDER = (
    "FieldID", "FieldName", "CFType", "Guid", "ElemType", "MaxMultiValues", "UserDef", "Alias",
    "SecondaryPID", "SecondaryGuid", "AutoRollDown", "DefaultGuid", "Ltuid", "PhoneticAlias")
CALENDAR_ORDER = (
    "UID", "GUID", "Name", "IsBaseCalendar", "IsBaselineCalendar", "BaseCalendarUID", "WeekDays",
    "Exceptions", "WorkWeeks")


# --- helpers shared with test_gantt_project -----------------------------------------------------------------

def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str]:
    code = cli.main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    assert err == ""
    return code, out


def new_plan(capsys: pytest.CaptureFixture[str], path: Path, title: str = "빈 계획") -> Path:
    assert run(capsys, "new", path, "--title", title, "--start-year", "2027", "--end-year", "2031")[0] == 0
    return path


def demo_plan(capsys: pytest.CaptureFixture[str], path: Path) -> Path:
    """The Korean demo plan, with one 'start no earlier than' after the planned start (the demo has none)."""
    assert run(capsys, "demo", path, "--lang", "ko")[0] == 0
    document = PlanDocument.open(path)
    try:
        with document.session() as session:
            row = next(row for row in existing_rows(session, "initiative") if row["code"] == "B-05")
        document.apply(UpdateRow("initiative", row["id"], {"not_before": row["start_month"] + 2}))
        document.save()
    finally:
        document.close()
    return path


def plan_title(path: Path) -> str:
    document = PlanDocument.open(path)
    try:
        with document.session() as session:
            return str(existing_rows(session, "plan")[0]["title"])
    finally:
        document.close()


def carried(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every value a schedule file carries, by codes (not ids): fields and strategies that hold initiatives
    (with a strategy's own field), initiatives (hierarchy, start, duration, progress, a 'start no earlier
    than' after the start), their milestones and the dependencies."""
    document = PlanDocument.open(path)
    try:
        with document.session() as session:
            rows = {kind: existing_rows(session, kind)
                    for kind in ("field", "strategy", "initiative", "milestone", "dependency")}
    finally:
        document.close()
    fields = {row["id"]: row["code"] for row in rows["field"]}
    strategies = {row["id"]: row["code"] for row in rows["strategy"]}
    codes = {row["id"]: row["code"] for row in rows["initiative"]}
    used_fields = {row["field_id"] for row in rows["initiative"]}
    used_strategies = {row["strategy_id"] for row in rows["initiative"]}
    return {
        "field": sorted((row["code"], row["name"]) for row in rows["field"] if row["id"] in used_fields),
        "strategy": sorted((row["code"], row["name"], fields.get(row["field_id"]))
                           for row in rows["strategy"] if row["id"] in used_strategies),
        "initiative": sorted(
            (row["code"], row["title"], fields.get(row["field_id"]), strategies.get(row["strategy_id"]),
             str(row["start_month"]), row["duration_months"], row["progress"],
             str(row["not_before"]) if row["not_before"] and row["not_before"] > row["start_month"] else None)
            for row in rows["initiative"]),
        "milestone": sorted((codes[row["initiative_id"]], row["title"], str(row["month"]), row["done"])
                            for row in rows["milestone"]),
        "dependency": sorted((codes[row["predecessor_id"]], codes[row["successor_id"]], row["type"],
                              row["lag_months"]) for row in rows["dependency"]),
    }


def read(data: bytes, path: Path) -> tuple[object, object]:
    document = PlanDocument.open(path)
    try:
        with document.session() as session:
            return read_mspdi(data, session, ImportOptions(source_name="schedule.xml"))
    finally:
        document.close()


def refused(capsys: pytest.CaptureFixture[str], source: Path, plan: Path) -> list[dict[str, str]]:
    """Import `source`; it must be refused (exit 2) with the plan file byte for byte unchanged."""
    before = plan.read_bytes()
    code, out = run(capsys, "import", source, "--into", plan, "--json", "--lang", "en")
    report = json.loads(out)
    assert code == 2 and not report["ok"] and not report["imported"], out
    assert plan.read_bytes() == before
    return report["problems"]


def without_creation_date(data: bytes) -> bytes:
    return re.sub(rb"<CreationDate>[^<]*</CreationDate>", b"", data)


# --- round trip ---------------------------------------------------------------------------------------------

def test_demo_plan_round_trips_through_mspdi(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = demo_plan(capsys, tmp_path / "demo.cplan")
    (tmp_path / "first").mkdir()
    (tmp_path / "second").mkdir()
    code, out = run(capsys, "export", source, "--to", tmp_path / "first" / "plan.xml")
    assert code == 0 and "plan.xml" in out
    target = new_plan(capsys, tmp_path / "target.cplan", plan_title(source))
    code, out = run(capsys, "import", tmp_path / "first" / "plan.xml", "--into", target)
    assert code == 0, out
    expected, actual = carried(source), carried(target)
    for kind in expected:
        assert actual[kind] == expected[kind], kind
    assert len(expected["initiative"]) == 28 and len(expected["milestone"]) == 38 and expected["dependency"]
    assert any(row[7] is not None for row in actual["initiative"])  # the 'start no earlier than' came back
    assert run(capsys, "export", target, "--to", tmp_path / "second" / "plan.xml")[0] == 0
    first = (tmp_path / "first" / "plan.xml").read_bytes()
    second = (tmp_path / "second" / "plan.xml").read_bytes()
    assert without_creation_date(first) == without_creation_date(second)
    assert run(capsys, "verify", target)[0] == 0


def test_importing_the_same_file_again_updates_and_adds_nothing(capsys: pytest.CaptureFixture[str],
                                                                tmp_path: Path) -> None:
    plan = new_plan(capsys, tmp_path / "p.cplan")
    sample = DATA / "msproject_2019.xml"
    assert run(capsys, "import", sample, "--into", plan)[0] == 0
    once = carried(plan)
    assert run(capsys, "import", sample, "--into", plan)[0] == 0
    assert carried(plan) == once


def test_export_follows_the_schema_order_ms_project_needs(capsys: pytest.CaptureFixture[str],
                                                          tmp_path: Path) -> None:
    source = demo_plan(capsys, tmp_path / "demo.cplan")
    assert run(capsys, "export", source, "--to", tmp_path / "plan.xml")[0] == 0
    for document in (tmp_path / "plan.xml", DATA / "msproject_2019.xml"):
        root = ElementTree.parse(document).getroot()
        assert root.tag == f"{NS}Project"
        in_order(root, PROJECT_ORDER)
        in_order(root.find(f"{NS}Calendars/{NS}Calendar"), CALENDAR_ORDER)
        for definition in root.iterfind(f"{NS}ExtendedAttributes/{NS}ExtendedAttribute"):
            in_order(definition, DEFINITION_ORDER)
        tasks = root.findall(f"{NS}Tasks/{NS}Task")
        assert tasks[0].findtext(f"{NS}UID") == "0" and tasks[0].findtext(f"{NS}OutlineLevel") == "0"
        for task in tasks:
            in_order(task, TASK_ORDER)
            for link in task.iterfind(f"{NS}PredecessorLink"):
                in_order(link, LINK_ORDER)
    root = ElementTree.parse(tmp_path / "plan.xml").getroot()
    uids = [int(task.findtext(f"{NS}UID") or "") for task in root.iterfind(f"{NS}Tasks/{NS}Task")]
    assert uids == list(range(len(uids)))
    one_month = [link for link in root.iterfind(f".//{NS}PredecessorLink")
                 if link.findtext(f"{NS}LinkLag") == "96000"]
    assert one_month and all(link.findtext(f"{NS}LagFormat") == "11" for link in one_month)  # shown as "1 mo"


def in_order(element: ElementTree.Element | None, order: tuple[str, ...]) -> None:
    assert element is not None
    names = [child.tag.removeprefix(NS) for child in element]
    assert all(name in order for name in names), set(names) - set(order)
    positions = [order.index(name) for name in names]
    assert positions == sorted(positions), names


# --- files as the tools write them --------------------------------------------------------------------------

def test_ms_project_2019_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    plan = new_plan(capsys, tmp_path / "p.cplan")
    code, out = run(capsys, "import", DATA / "msproject_2019.xml", "--into", plan, "--dry-run", "--json")
    report = json.loads(out)
    assert code == 0 and report["ok"] and report["dry_run"] and not report["imported"]
    assert report["counts"] == {"field": 2, "strategy": 2, "initiative": 7, "dependency": 6}
    assert run(capsys, "import", DATA / "msproject_2019.xml", "--into", plan)[0] == 0
    values = carried(plan)
    assert values["field"] == [("MSP-1", "데이터 기반 행정"), ("MSP-2", "디지털 포용")]
    assert values["strategy"] == [("MSP-1.1", "데이터 플랫폼 고도화", "MSP-1"),
                                  ("MSP-2.2", "강사 양성", "MSP-2")]
    assert values["initiative"] == [
        ("MSP-1.1.1", "데이터 표준 수립", "MSP-1", "MSP-1.1", "2027-03", 3, 100, None),
        ("MSP-1.1.2", "통합 데이터 플랫폼 구축", "MSP-1", "MSP-1.1", "2027-06", 9, 40, None),
        ("MSP-1.1.3", "플랫폼 개통", "MSP-1", "MSP-1.1", "2028-02", 0, 0, None),  # milestone, at 17:00
        ("MSP-1.2", "AI 민원 챗봇 구축", "MSP-1", None, "2027-04", 12, 25, None),
        ("MSP-2.1", "주민 AI 리터러시 교육", "MSP-2", None, "2027-09", 12, 10, None),
        # under the third-level summary "1기 과정", which is flattened
        ("MSP-2.2.1.1", "주민 디지털 강사 1기 양성", "MSP-2", "MSP-2.2", "2027-12", 7, 0, None),
        ("MSP-3", "최종 성과 보고회", None, None, "2028-06", 0, 0, None),
    ]
    assert values["dependency"] == [
        ("MSP-1.1.1", "MSP-1.1.2", "FS", 0),
        ("MSP-1.1.1", "MSP-1.2", "SS", 1),  # 30 elapsed days
        ("MSP-1.1.2", "MSP-1.1.3", "FS", 0),
        ("MSP-1.1.2", "MSP-2.1", "FF", 6),  # 6 mo
        ("MSP-2.1", "MSP-2.2.1.1", "SS", 4),  # 4 emo
        ("MSP-2.2.1.1", "MSP-3", "FS", 0),  # from the summary task "강사 양성": to the initiative inside it
    ]


def test_projectlibre_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    plan = new_plan(capsys, tmp_path / "p.cplan")
    assert run(capsys, "import", DATA / "projectlibre.xml", "--into", plan)[0] == 0
    values = carried(plan)
    assert values["field"] == [("MSP-1", "Preparation"), ("MSP-2", "Operation")]
    assert values["strategy"] == []
    assert [row[:6] for row in values["initiative"]] == [
        ("MSP-1.1", "Route survey", "MSP-1", None, "2027-01", 1),
        ("MSP-1.2", "Vendor selection", "MSP-1", None, "2027-02", 2),
        ("MSP-2.1", "Pilot operation", "MSP-2", None, "2027-04", 6),
        ("MSP-2.2", "Passenger survey", "MSP-2", None, "2027-07", 2),
        ("MSP-2.3", "Go-live decision", "MSP-2", None, "2027-09", 0),
        ("MSP-2.4", "Expansion plan", "MSP-2", None, "2027-10", 3),
    ]
    assert values["dependency"] == [
        ("MSP-1.1", "MSP-1.2", "FS", 0),
        ("MSP-1.2", "MSP-2.1", "FS", 0),  # 16 hours: less than half a month
        ("MSP-2.1", "MSP-2.2", "SS", 3),  # 50 % of a six-month predecessor
        ("MSP-2.2", "MSP-2.3", "FS", 0),  # one week
        ("MSP-2.3", "MSP-2.4", "FS", 0),
    ]


def test_ganttproject_export_reads_like_its_gan_file(capsys: pytest.CaptureFixture[str],
                                                     tmp_path: Path) -> None:
    from_xml = new_plan(capsys, tmp_path / "xml.cplan")
    from_gan = new_plan(capsys, tmp_path / "gan.cplan")
    assert run(capsys, "import", DATA / "ganttproject_export.xml", "--into", from_xml)[0] == 0
    assert run(capsys, "import", DATA / "ganttproject_3.gan", "--into", from_gan)[0] == 0
    xml_values, gan_values = carried(from_xml), carried(from_gan)
    assert xml_values["initiative"][0] == ("MSP-1.1", "마을 수요조사", "MSP-1", None, "2027-03", 1, 100, None)
    # The same schedule under other codes (outline numbers here, GanttProject ids there).
    by_title = {row[1]: row[4:] for row in xml_values["initiative"]}
    assert by_title == {row[1]: row[4:] for row in gan_values["initiative"]}
    titles = {row[0]: row[1] for row in xml_values["initiative"]}
    gan_titles = {row[0]: row[1] for row in gan_values["initiative"]}
    from_xml_links = sorted((titles[a], titles[b], kind, lag) for a, b, kind, lag in xml_values["dependency"])
    assert from_xml_links == sorted(
        (gan_titles[a], gan_titles[b], kind, lag) for a, b, kind, lag in gan_values["dependency"])
    assert len(xml_values["dependency"]) == 8


def test_lags_round_to_whole_months_half_away_from_zero() -> None:
    assert [round_months(value) for value in (0.49, 0.5, 1.5, -0.5, -1.5, -2.49)] == [0, 1, 2, -1, -2, -2]


# --- files refused ------------------------------------------------------------------------------------------

def task(uid: int, name: str = "과제", *, level: int | str = 1, start: str = "2027-03-02T08:00:00",
         finish: str = "2027-05-31T17:00:00", extra: str = "") -> str:
    return (f"<Task><UID>{uid}</UID><ID>{uid}</ID><Name>{name}</Name><OutlineLevel>{level}</OutlineLevel>"
            f"<Start>{start}</Start><Finish>{finish}</Finish>{extra}</Task>")


def project(*tasks: str, header: str = "") -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<Project xmlns="http://schemas.microsoft.com/project">'
            f"<SaveVersion>14</SaveVersion>{header}<Tasks>{''.join(tasks)}</Tasks></Project>").encode()


def link(uid: int, link_type: int = 1, lag: int = 0, lag_format: int = 7) -> str:
    return (f"<PredecessorLink><PredecessorUID>{uid}</PredecessorUID><Type>{link_type}</Type>"
            f"<LinkLag>{lag}</LinkLag><LagFormat>{lag_format}</LagFormat></PredecessorLink>")


HOSTILE = {
    "xxe": b'<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           b'<Project xmlns="http://schemas.microsoft.com/project"><Name>&x;</Name></Project>',
    "billion_laughs": b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                      + b"".join(b'<!ENTITY lol%d "%s">' % (n, (b"&lol%d;" % (n - 1) if n > 1 else b"&lol;")
                                                              * 10) for n in range(1, 10))
                      + b']><Project xmlns="http://schemas.microsoft.com/project"><Name>&lol9;</Name>'
                        b"</Project>",
    "quadratic_blowup": b'<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY a "' + b"A" * 100_000 + b'">]>'
                        b'<Project xmlns="http://schemas.microsoft.com/project"><Name>' + b"&a;" * 10_000
                        + b"</Name></Project>",
    "not_xml": b"PK\x03\x04 this is a zip, not XML",
    "graphml": (DATA / "gephi_network.graphml").read_bytes(),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_and_foreign_files_are_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                               name: str) -> None:
    plan = new_plan(capsys, tmp_path / "p.cplan")
    source = tmp_path / f"{name}.xml"
    source.write_bytes(HOSTILE[name])
    problems = refused(capsys, source, plan)
    message = problems[0]["message"]
    expected = {"xxe": "entities", "billion_laughs": "entities", "quadratic_blowup": "entities",
                "not_xml": "not well-formed", "graphml": "root element is <graphml>"}[name]
    assert expected in message, message
    assert "root:" not in json.dumps(problems)  # nothing of /etc/passwd was read


def test_every_bad_value_is_reported_at_its_task_and_field(capsys: pytest.CaptureFixture[str],
                                                           tmp_path: Path) -> None:
    plan = new_plan(capsys, tmp_path / "p.cplan")
    source = tmp_path / "bad.xml"
    source.write_bytes(project(
        task(1, "날짜 오류", start="2027-13-45T08:00:00"),
        task(2, "기간 오류", finish="", extra="<Duration>eight hours</Duration>"),
        task(3, "음수 기간", finish="", extra="<Duration>-PT8H0M0S</Duration>"),
        task(4, "터무니없는 기간", finish="", extra="<Duration>PT9999999H0M0S</Duration>"),
        task(5, "", extra="<PercentComplete>lots</PercentComplete>"),
        task(6, "시작 없음", start=""),
        task(7, "없는 선행", extra=link(99)),
        task(8, "끝이 시작보다 앞", finish="2027-01-04T17:00:00"),
        task(9, "수준 오류", level="x"),
        task(10, "연결 형식 오류", extra=link(1, link_type=7)),
        "<Task><UID>abc</UID><Name>UID 오류</Name></Task>",
        header="<MinutesPerDay>zero</MinutesPerDay>"))
    problems = {(problem["where"], problem["field"]) for problem in refused(capsys, source, plan)}
    for expected in [('task UID 1 "날짜 오류"', "Start"), ('task UID 2 "기간 오류"', "Duration"),
                     ('task UID 3 "음수 기간"', "Duration"), ('task UID 4 "터무니없는 기간"', "Duration"),
                     ("task UID 5", "Name"), ("task UID 5", "PercentComplete"),
                     ('task UID 6 "시작 없음"', "Start"),
                     ('task UID 7 "없는 선행"', "PredecessorUID"),
                     ('task UID 8 "끝이 시작보다 앞"', "Finish"),
                     ('task UID 9 "수준 오류"', "OutlineLevel"), ('task UID 10 "연결 형식 오류"', "Type"),
                     ('task #11 "UID 오류"', "UID"), ("the project", "MinutesPerDay")]:
        assert expected in problems, (expected, problems)


def test_a_link_cycle_is_reported_with_the_cycle(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    plan = new_plan(capsys, tmp_path / "p.cplan")
    source = tmp_path / "cycle.xml"
    source.write_bytes(project(task(1, "가", extra=link(2)), task(2, "나", extra=link(1))))
    problems = refused(capsys, source, plan)
    cycle = [problem["message"] for problem in problems if "cycle" in problem["message"]]
    assert cycle and "MSP-1" in cycle[0] and "MSP-2" in cycle[0], problems


def test_links_to_milestone_rows_and_into_own_summary_are_refused(capsys: pytest.CaptureFixture[str],
                                                                   tmp_path: Path) -> None:
    plan = new_plan(capsys, tmp_path / "p.cplan")
    ours = ("<ExtendedAttributes><ExtendedAttribute><FieldID>188743734</FieldID><FieldName>Text2</FieldName>"
            "<Alias>Convergence Planner row</Alias></ExtendedAttribute><ExtendedAttribute><FieldID>188743737"
            "</FieldID><FieldName>Text3</FieldName><Alias>Convergence Planner parent</Alias>"
            "</ExtendedAttribute>"
            "<ExtendedAttribute><FieldID>188743731</FieldID><FieldName>Text1</FieldName>"
            "<Alias>Convergence Planner code</Alias></ExtendedAttribute></ExtendedAttributes>")

    def marks(kind: str, code: str = "", parent: str = "") -> str:
        values = ((188743731, code), (188743734, kind), (188743737, parent))
        return "".join(f"<ExtendedAttribute><FieldID>{field}</FieldID><Value>{value}</Value>"
                       "</ExtendedAttribute>" for field, value in values if value)

    source = tmp_path / "links.xml"
    source.write_bytes(project(
        task(1, "분야", extra=marks("field", "F")),
        task(2, "과제", level=2, extra=link(1) + marks("initiative", "I-1")),
        task(3, "착수보고", level=2, start="2027-03-02T08:00:00", finish="2027-03-02T08:00:00",
             extra="<Milestone>1</Milestone>" + marks("milestone", parent="I-1")),
        task(4, "다른 과제", extra=link(3) + marks("initiative", "I-2")),
        header=ours))
    problems = refused(capsys, source, plan)
    messages = {problem["where"]: problem["message"] for problem in problems}
    assert "inside it" in messages['task UID 2 "과제"']
    assert "milestone of an initiative" in messages['task UID 4 "다른 과제"']


def test_too_many_tasks_are_refused_before_anything_else(capsys: pytest.CaptureFixture[str],
                                                         tmp_path: Path) -> None:
    plan = new_plan(capsys, tmp_path / "p.cplan")
    source = tmp_path / "huge.xml"
    source.write_bytes(project(*(f"<Task><UID>{uid}</UID></Task>" for uid in range(1, 100_002))))
    problems = refused(capsys, source, plan)
    assert len(problems) == 1 and "100001 tasks" in problems[0]["message"]


def test_reading_never_changes_the_plan(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    plan = new_plan(capsys, tmp_path / "p.cplan")
    before = plan.read_bytes()
    command, report = read((DATA / "msproject_2019.xml").read_bytes(), plan)
    assert command is not None and report.ok  # type: ignore[attr-defined]
    assert plan.read_bytes() == before
    assert carried(plan)["initiative"] == []


def test_export_and_import_from_the_command_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = demo_plan(capsys, tmp_path / "demo.cplan")
    code, out = run(capsys, "export", source, "--to", tmp_path / "out.xml", "--lang", "en")
    assert code == 0 and "tasks and" in out and "links" in out
    code, out = run(capsys, "export", source, "--to", tmp_path / "out.gan", "--lang", "en")
    assert code == 0 and "GanttProject" in out
    root = ElementTree.parse(tmp_path / "out.xml").getroot()
    names = {task.findtext(f"{NS}Name") for task in root.iterfind(f"{NS}Tasks/{NS}Task")}
    assert "착수보고회" in names  # a milestone of A-01, as a milestone task
    milestone = next(task for task in root.iterfind(f"{NS}Tasks/{NS}Task")
                     if task.findtext(f"{NS}Name") == "착수보고회")
    assert milestone.findtext(f"{NS}Milestone") == "1" and milestone.findtext(f"{NS}Duration") == "PT0H0M0S"
    assert YearMonth.parse(milestone.findtext(f"{NS}Start", "")[:7]) == YearMonth(2027, 2)
