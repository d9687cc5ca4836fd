"""GanttProject's own file (.gan): import of its tasks, hierarchy, dependencies with type and lag, and
milestones; export of the plan as a .gan file GanttProject opens."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING
from xml.etree.ElementTree import Comment, Element, SubElement, indent, tostring

from planner.atomic_files import write_bytes_atomically
from planner.i18n import _
from planner.interchange.report import ImportReport
from planner.interchange.task_outline import (
    CODE_COLUMN,
    DAYS_PER_MONTH,
    KIND_COLUMN,
    MAX_TASKS,
    MAX_WORKING_DAYS,
    PARENT_COLUMN,
    WEEKMASK,
    OutlineRow,
    SourceLink,
    SourceTask,
    add_working_days,
    import_outline_command,
    month_of,
    needs_dates,
    plan_outline,
    reported,
    round_months,
    set_levels,
    shown,
    span_months,
    task_place,
    working_calendar,
    xml_text,
)
from planner.interchange.xml_safety import parse_xml

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from planner.commands.base import Command
    from planner.interchange.formats import ExportOptions, ImportOptions

# <depend type>: GanttProject's TaskDependencyConstraint.Type persistent values (ordinal + 1).
DEPEND_TYPES = {1: "SS", 2: "FS", 3: "FF", 4: "SF"}
DEPEND_TYPE_CODES = {name: code for code, name in DEPEND_TYPES.items()}
# <depend difference> is in working days (GanttProject shifts by its calendar); a month is taken as MS
# Project's working month, so that a .gan file and GanttProject's MS Project export of it read the same.
WORKING_DAYS_PER_MONTH = DAYS_PER_MONTH
GAN_VERSION = "3.3.3300"
TASK_COLOUR = "#8cb6ce"
MILESTONE_COLOUR = "#000000"
_WEEK = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


# --- reading ------------------------------------------------------------------------------------------------

def _integer(element: Element, name: str, where: str, report: ImportReport, *, minimum: int | None = None,
             maximum: int | None = None) -> int | None:
    raw = (element.get(name) or "").strip()
    if not raw:
        return None
    try:
        value = int(raw)
    except ValueError:
        report.add(where, name, _("'{value}' is not a whole number.").format(value=shown(raw)))
        return None
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        report.add(where, name, _("{value} is outside the range {minimum} to {maximum}.").format(
            value=value, minimum=minimum, maximum=maximum))
        return None
    return value


def _calendar(root: Element, report: ImportReport) -> tuple[str, list[date]]:
    """The working week (numpy weekmask, Monday first) and the dated holidays of the project's calendar."""
    weekmask = WEEKMASK
    holidays: list[date] = []
    calendars = root.find("calendars")
    if calendars is None:
        return weekmask, holidays
    week = calendars.find("day-types/default-week")
    if week is not None:
        weekmask = "".join("0" if week.get(day, "1" if day in ("sat", "sun") else "0") == "1" else "1"
                           for day in _WEEK)
        if "1" not in weekmask:
            report.add(_("the calendar"), "default-week", _("has no working day."))
            weekmask = WEEKMASK
    for holiday in calendars.findall("date"):
        if holiday.get("type", "HOLIDAY") != "HOLIDAY" or not holiday.get("year"):
            continue  # a recurring holiday (no year) is not taken into account
        try:
            holidays.append(date(int(holiday.get("year", "")), int(holiday.get("month", "")),
                                 int(holiday.get("date", ""))))
        except ValueError:
            report.add(_("the calendar"), "date", _("'{year}-{month}-{day}' is not a date.").format(
                year=shown(holiday.get("year", "")), month=shown(holiday.get("month", "")),
                day=shown(holiday.get("date", ""))))
    return weekmask, holidays


def _columns(tasks: Element) -> dict[str, str]:
    """Custom column id (tpc0, ...) → which of our columns, by the column names we write."""
    ours = (CODE_COLUMN, KIND_COLUMN, PARENT_COLUMN)
    properties = tasks.find("taskproperties")
    found = properties if properties is not None else []
    return {prop.get("id", ""): prop.get("name", "") for prop in found
            if prop.get("type") == "custom" and prop.get("name") in ours}


def _read_tasks(root: Element, report: ImportReport) -> tuple[list[SourceTask], list[SourceLink]]:
    container = root.find("tasks")
    if container is None:
        return [], []
    count = sum(1 for _element in container.iter("task"))
    if count > MAX_TASKS:
        report.add(_("the file"), "tasks", _("holds {count} tasks; at most {limit} are imported.").format(
            count=count, limit=MAX_TASKS))
        return [], []
    calendar = working_calendar(*_calendar(root, report))
    columns = _columns(container)
    tasks: list[SourceTask] = []
    depends: list[tuple[str, str, Element]] = []
    seen: dict[str, str] = {}
    pending = [(element, 1) for element in reversed(container.findall("task"))]
    while pending:  # depth first, in the file's order, without recursion (the nesting may be deep)
        element, level = pending.pop()
        pending.extend((child, level + 1) for child in reversed(element.findall("task")))
        name = xml_text(element.get("name", ""))
        raw_id = (element.get("id") or "").strip()
        if not raw_id.lstrip("-").isdigit():
            report.add(task_place(_("task"), raw_id or "?", name), "id",
                       _("is missing or not a whole number."))
            continue
        key = str(int(raw_id))
        where = task_place(_("task id"), key, name)
        if key in seen:
            report.add(where, "id", _("is also the id of {other}.").format(other=seen[key]))
            continue
        seen[key] = where
        if not name.strip():
            report.add(where, "name", _("is missing."))
        task = SourceTask(key, where, name, level)
        values = {columns[prop.get("taskproperty-id", "")]: prop.get("value", "")
                  for prop in element.findall("customproperty") if prop.get("taskproperty-id") in columns}
        if values.get(KIND_COLUMN):
            task.kind = values[KIND_COLUMN]
            task.code = values.get(CODE_COLUMN, "")
            task.parent_code = values.get(PARENT_COLUMN, "")
        raw_start = (element.get("start") or "").strip()
        if raw_start:
            try:
                task.start = date.fromisoformat(raw_start)
                month_of(task.start)
            except ValueError:
                task.start = None
                report.add(where, "start", _(
                    "'{value}' is not a date such as 2027-03-02 within the years 1900 to 2999.").format(
                    value=shown(raw_start)))
        duration = _integer(element, "duration", where, report, minimum=0, maximum=MAX_WORKING_DAYS)
        task.milestone = element.get("meeting", "false").lower() == "true" or duration == 0
        task.progress = _integer(element, "complete", where, report, minimum=0, maximum=100)
        if task.start is not None and duration is not None and not task.milestone:
            try:
                first = add_working_days(task.start, 0, calendar)
                last = add_working_days(first, duration - 1, calendar)
                task.months = span_months(first, last)
            except ValueError as error:
                report.add(where, "duration", str(error))
        elif task.milestone:
            task.months = 0
        elif raw_start and task.start is not None:
            report.add(where, "duration", _("is missing."))
        depends.extend((key, where, depend) for depend in element.findall("depend"))
        tasks.append(task)
    set_levels(tasks)
    for task in tasks:
        if needs_dates(task) and task.start is None and not reported(report, task.where, "start"):
            report.add(task.where, "start", _("is missing."))
    links: list[SourceLink] = []
    for predecessor, where, depend in depends:
        successor = _integer(depend, "id", where, report)
        type_code = _integer(depend, "type", where, report, minimum=1, maximum=4)
        difference = _integer(depend, "difference", where, report, minimum=-MAX_WORKING_DAYS,
                              maximum=MAX_WORKING_DAYS)
        if successor is None:
            if not depend.get("id"):
                report.add(where, "depend", _("has no id of the task that follows."))
            continue
        if (depend.get("type") and type_code is None) or (depend.get("difference") and difference is None):
            continue
        links.append(SourceLink(predecessor, str(successor), DEPEND_TYPES[type_code or 2],
                                round_months((difference or 0) / WORKING_DAYS_PER_MONTH), where, "depend"))
    return tasks, links


def read_gan(data: bytes, session: Session, options: ImportOptions) -> tuple[Command | None, ImportReport]:
    """Check a GanttProject file against the open plan: the command that adds and updates its fields,
    strategies, initiatives, milestones and dependencies, or None with every problem in the report."""
    report = ImportReport()
    root = parse_xml(data, report)
    if root is None:
        return None, report
    if root.tag != "project":
        report.add(_("the file"), "", _("This is not a GanttProject file: its root element is <{name}>, not "
                                        "<project>.").format(name=root.tag))
        return None, report
    tasks, links = _read_tasks(root, report)
    if not tasks and report.ok:
        report.add(_("the file"), "tasks", _("holds no tasks."))
    if not tasks:
        return None, report
    label = _("Import {file}").format(file=options.source_name or "GanttProject")
    return import_outline_command(session, tasks, links, report, code_prefix="GAN", label=label), report


# --- writing ------------------------------------------------------------------------------------------------

def _task(parent: Element, row: OutlineRow, depends: list[tuple[int, str, int]],
          columns: dict[str, str]) -> Element:
    task = SubElement(parent, "task", {
        "id": str(row.uid - 1), "name": xml_text(row.name),
        "color": MILESTONE_COLOUR if row.milestone else TASK_COLOUR,
        "meeting": "true" if row.milestone else "false",
        "start": row.start.isoformat(), "duration": str(row.working_days), "complete": str(row.progress),
        "expand": "true"})
    for successor_uid, link_type, lag_months in depends:
        SubElement(task, "depend", {"id": str(successor_uid - 1), "type": str(DEPEND_TYPE_CODES[link_type]),
                                    "difference": str(lag_months * WORKING_DAYS_PER_MONTH),
                                    "hardness": "Strong"})
    for column, value in ((CODE_COLUMN, row.code), (KIND_COLUMN, row.kind), (PARENT_COLUMN, row.parent_code)):
        if value:
            SubElement(task, "customproperty", {"taskproperty-id": columns[column], "value": xml_text(value)})
    return task


def gan_document(session: Session, *, language: str = "ko") -> tuple[bytes, int, int]:
    """The plan as a GanttProject 3 file (elements and attributes in the order GanttProject writes them), with
    the number of tasks and links it holds."""
    outline = plan_outline(session)
    project = Element("project", {
        "name": xml_text(outline.title), "company": "", "webLink": "", "view-date": outline.start.isoformat(),
        "view-index": "0", "gantt-divider-location": "420", "resource-divider-location": "322",
        "version": GAN_VERSION, "locale": "ko_KR" if language == "ko" else "en_US"})
    SubElement(project, "description")
    columns = {CODE_COLUMN: "tpc0", KIND_COLUMN: "tpc1", PARENT_COLUMN: "tpc2"}
    view = SubElement(project, "view", {"zooming-state": "default:6", "id": "gantt-chart"})
    shown = (("tpc0", CODE_COLUMN, "80"), ("tpd3", "Name", "260"), ("tpd4", "Begin date", "80"),
             ("tpd5", "End date", "80"))
    for order, (field_id, name, width) in enumerate(shown):
        SubElement(view, "field", {"id": field_id, "name": name, "width": width, "order": str(order)})
    resources = SubElement(project, "view", {"id": "resource-table"})
    SubElement(resources, "field", {"id": "0", "name": "Name", "width": "210", "order": "0"})
    SubElement(resources, "field", {"id": "1", "name": "Default role", "width": "86", "order": "1"})
    project.append(Comment(" "))
    day_types = SubElement(SubElement(project, "calendars"), "day-types")
    SubElement(day_types, "day-type", {"id": "0"})
    SubElement(day_types, "day-type", {"id": "1"})
    SubElement(day_types, "default-week", {"id": "1", "name": "default", "sun": "1", "mon": "0", "tue": "0",
                                           "wed": "0", "thu": "0", "fri": "0", "sat": "1"})
    SubElement(day_types, "only-show-weekends", {"value": "false"})
    SubElement(day_types, "overriden-day-types")
    SubElement(day_types, "days")
    tasks = SubElement(project, "tasks", {"empty-milestones": "true"})
    properties = SubElement(tasks, "taskproperties")
    defaults = (("type", "icon"), ("priority", "icon"), ("info", "icon"), ("name", "text"),
                ("begindate", "date"), ("enddate", "date"), ("duration", "int"), ("completion", "int"),
                ("coordinator", "text"), ("predecessorsr", "text"))
    for number, (name, value_type) in enumerate(defaults):
        SubElement(properties, "taskproperty", {"id": f"tpd{number}", "name": name, "type": "default",
                                                "valuetype": value_type})
    for name, property_id in columns.items():
        SubElement(properties, "taskproperty", {"id": property_id, "name": name, "type": "custom",
                                                "valuetype": "text"})
    outgoing: dict[int, list[tuple[int, str, int]]] = {}
    for link in outline.links:
        outgoing.setdefault(link.predecessor_uid, []).append((link.successor_uid, link.type, link.lag_months))
    parents: list[Element] = [tasks]
    for row in outline.rows:
        del parents[row.level:]
        parents.append(_task(parents[row.level - 1], row, outgoing.get(row.uid, []), columns))
    for name in ("resources", "allocations", "vacations", "previous"):
        SubElement(project, name)
    SubElement(project, "roles", {"roleset-name": "Default"})
    indent(project, space="    ")
    text = '<?xml version="1.0" encoding="UTF-8"?>' + tostring(project, encoding="unicode") + "\n"
    return text.encode("utf-8"), len(outline.rows), len(outline.links)


def write_gan(session: Session, target: Path, options: ExportOptions) -> str:
    """Write the plan as a GanttProject file (atomically); one line saying what was written."""
    data, tasks, links = gan_document(session, language=options.language)
    write_bytes_atomically(target, data)
    return _("Wrote {file}: {tasks} tasks and {links} links as a GanttProject file.").format(
        file=target, tasks=tasks, links=links)
