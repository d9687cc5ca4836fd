"""Microsoft Project XML (MSPDI) as MS Project, ProjectLibre and GanttProject write it: import of tasks,
outline levels, links with type and lag, milestones, starts and durations; export of the plan as one."""

from __future__ import annotations

import math
import re
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING
from xml.etree.ElementTree import Element, SubElement, indent, tostring

from planner.atomic_files import write_bytes_atomically
from planner.i18n import _
from planner.interchange.report import ImportReport
from planner.interchange.task_outline import (
    CODE_COLUMN,
    DAYS_PER_MONTH,
    ELAPSED_MINUTES_PER_MONTH,
    KIND_COLUMN,
    KIND_MILESTONE,
    MAX_TASKS,
    MAX_WORKING_DAYS,
    MINUTES_PER_DAY,
    PARENT_COLUMN,
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
    working_days,
    xml_text,
)
from planner.interchange.xml_safety import local_name, parse_xml

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from planner.commands.base import Command
    from planner.interchange.formats import ExportOptions, ImportOptions

NAMESPACE = "http://schemas.microsoft.com/project"
# MS Project writes the first; the 2007 schema declares the second; some generators write none.
ACCEPTED_NAMESPACES = (NAMESPACE, NAMESPACE + "/2007", "")

# PredecessorLink Type: 0=FF, 1=FS, 2=SF, 3=SS (mspdi_pj12.xsd).
LINK_TYPES = {0: "FF", 1: "FS", 2: "SF", 3: "SS"}
LINK_TYPE_CODES = {name: code for code, name in LINK_TYPES.items()}
# LagFormat (and DurationFormat) codes: working time, elapsed time, percent of the predecessor's duration;
# 35-52 are the same units marked as estimated ("?").
WORKING_LAG_FORMATS = {3, 5, 7, 9, 11, 35, 37, 39, 41, 43}
ELAPSED_LAG_FORMATS = {4, 6, 8, 10, 12, 36, 38, 40, 42, 44}
PERCENT_LAG_FORMATS = {19, 20, 51, 52}
LAG_FORMAT_DAYS = 7
LAG_FORMAT_MONTHS = 11
CONSTRAINT_START_NO_EARLIER_THAN = 4
CONSTRAINT_AS_SOON_AS_POSSIBLE = 0

# Text1-Text3 (the PIDs MS Project gives these custom fields) carry our code, row kind and parent.
CUSTOM_FIELDS = ((CODE_COLUMN, "188743731", "Text1"), (KIND_COLUMN, "188743734", "Text2"),
                 (PARENT_COLUMN, "188743737", "Text3"))
CUSTOM_FIELD_TYPE_TEXT = "7"

_DURATION = re.compile(r"^(-)?P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)D)?"
                       r"(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$")
WORK_START = time(8, 0)
WORK_FINISH = time(17, 0)


# --- reading ------------------------------------------------------------------------------------------------

class _Reader:
    """One MSPDI file read against the open plan; every problem goes into the report."""

    def __init__(self, root: Element, report: ImportReport) -> None:
        self.root = root
        self.report = report
        self.namespace = root.tag[1:].partition("}")[0] if root.tag.startswith("{") else ""
        self.minutes_per_day = MINUTES_PER_DAY
        self.days_per_month = DAYS_PER_MONTH
        self.day_starts = WORK_START

    def child(self, element: Element, name: str) -> Element | None:
        return element.find(f"{{{self.namespace}}}{name}" if self.namespace else name)

    def children(self, element: Element, name: str) -> list[Element]:
        return element.findall(f"{{{self.namespace}}}{name}" if self.namespace else name)

    def text(self, element: Element, name: str) -> str | None:
        found = self.child(element, name)
        if found is None or found.text is None or not found.text.strip():
            return None
        return found.text.strip()

    def integer(self, element: Element, name: str, where: str, *, minimum: int | None = None,
                maximum: int | None = None) -> int | None:
        raw = self.text(element, name)
        if raw is None:
            return None
        try:
            value = int(raw)
        except ValueError:
            self.report.add(where, name, _("'{value}' is not a whole number.").format(value=shown(raw)))
            return None
        if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
            self.report.add(where, name, _("{value} is outside the range {minimum} to {maximum}.").format(
                value=value, minimum=minimum, maximum=maximum))
            return None
        return value

    def flag(self, element: Element, name: str) -> bool | None:
        raw = self.text(element, name)
        return None if raw is None else raw.lower() in ("1", "true")

    def moment(self, element: Element, name: str, where: str) -> datetime | None:
        raw = self.text(element, name)
        if raw is None:
            return None
        try:
            value = datetime.fromisoformat(raw)
            month_of(value.date())
        except ValueError:
            self.report.add(where, name, _(
                "'{value}' is not a date and time such as 2027-03-01T08:00:00 within the years 1900 to 2999.")
                            .format(value=shown(raw)))
            return None
        return value.replace(tzinfo=None)

    def duration_minutes(self, element: Element, where: str) -> float | None:
        """Working minutes of the Duration element (PT96H0M0S); a day is the file's working day, a month its
        working month."""
        raw = self.text(element, "Duration")
        if raw is None:
            return None
        match = _DURATION.match(raw) if len(raw) <= 60 else None
        if match is None or not any(match.groups()[1:]):
            self.report.add(where, "Duration", _("'{value}' is not a duration such as PT96H0M0S.").format(
                value=shown(raw)))
            return None
        sign, years, months, days, hours, minutes, seconds = match.groups()
        day = self.minutes_per_day
        total = sum(float(value or 0) * factor for value, factor in (
            (years, 12 * self.days_per_month * day), (months, self.days_per_month * day), (days, day),
            (hours, 60), (minutes, 1), (seconds, 1 / 60)))
        if sign:
            self.report.add(where, "Duration", _("'{value}' is negative.").format(value=shown(raw)))
            return None
        if total > MAX_WORKING_DAYS * day:
            self.report.add(where, "Duration", _(
                "'{value}' is longer than the {limit} months an initiative may last.").format(
                value=shown(raw), limit=MAX_WORKING_DAYS // 31))
            return None
        return total

    def read_header(self) -> None:
        where = _("the project")
        minutes = self.integer(self.root, "MinutesPerDay", where, minimum=1, maximum=1440)
        days = self.integer(self.root, "DaysPerMonth", where, minimum=1, maximum=31)
        self.minutes_per_day = minutes or MINUTES_PER_DAY
        self.days_per_month = days or DAYS_PER_MONTH
        raw = self.text(self.root, "DefaultStartTime")
        if raw is not None:
            try:
                self.day_starts = time.fromisoformat(raw)
            except ValueError:
                self.report.add(where, "DefaultStartTime", _("'{value}' is not a time such as 08:00:00.")
                                .format(value=shown(raw)))

    def our_fields(self) -> dict[str, str]:
        """FieldID → which of our columns, from the project's custom field definitions (aliases)."""
        ours = {alias: alias for alias, _field_id, _name in CUSTOM_FIELDS}
        found: dict[str, str] = {}
        definitions = self.child(self.root, "ExtendedAttributes")
        for definition in self.children(definitions, "ExtendedAttribute") if definitions is not None else []:
            alias = self.text(definition, "Alias")
            field_id = self.text(definition, "FieldID")
            if alias in ours and field_id:
                found[field_id] = alias
        return found

    def read(self) -> tuple[list[SourceTask], list[SourceLink]]:
        self.read_header()
        columns = self.our_fields()
        container = self.child(self.root, "Tasks")
        elements = self.children(container, "Task") if container is not None else []
        if len(elements) > MAX_TASKS:
            self.report.add(_("the file"), "Tasks", _("holds {count} tasks; at most {limit} are imported.")
                            .format(count=len(elements), limit=MAX_TASKS))
            return [], []
        tasks: list[SourceTask] = []
        finishes: dict[int, datetime | None] = {}
        durations: dict[int, float | None] = {}
        raw_links: list[tuple[int, Element, SourceTask]] = []
        seen: dict[str, str] = {}
        for number, element in enumerate(elements, start=1):
            raw_uid = self.text(element, "UID")
            name = xml_text(self.text(element, "Name") or "")
            if raw_uid is None or not raw_uid.lstrip("-").isdigit():
                self.report.add(task_place(_("task"), f"#{number}", name), "UID",
                                _("is missing or not a whole number."))
                continue
            key = str(int(raw_uid))
            where = task_place(_("task UID"), key, name)
            if self.flag(element, "IsNull"):
                continue
            level = self.integer(element, "OutlineLevel", where, minimum=0, maximum=10_000)
            outline_number = self.text(element, "OutlineNumber") or ""
            if level is None:
                level = outline_number.count(".") + 1 if outline_number else (0 if key == "0" else 1)
            if level == 0:
                continue  # the project summary task
            if key in seen:
                self.report.add(where, "UID", _("is also the UID of {other}.").format(other=seen[key]))
                continue
            seen[key] = where
            if not name.strip():
                self.report.add(where, "Name", _("is missing."))
            wbs = self.text(element, "WBS")
            task = SourceTask(key, where, name, level, outline_code=wbs or outline_number)
            values = {columns[field_id]: value or "" for field_id, value in (
                (self.text(attribute, "FieldID"), self.text(attribute, "Value"))
                for attribute in self.children(element, "ExtendedAttribute")) if field_id in columns}
            if values.get(KIND_COLUMN):
                task.kind = values[KIND_COLUMN]
                task.code = values.get(CODE_COLUMN, "")
                task.parent_code = values.get(PARENT_COLUMN, "")
            start = self.moment(element, "Start", where)
            task.start = start.date() if start is not None else None
            finishes[len(tasks)] = self.moment(element, "Finish", where)
            durations[len(tasks)] = self.duration_minutes(element, where)
            milestone = self.flag(element, "Milestone")
            task.milestone = bool(milestone) or (milestone is None and durations[len(tasks)] == 0)
            task.progress = self.integer(element, "PercentComplete", where, minimum=0, maximum=100)
            constraint_type = self.integer(element, "ConstraintType", where, minimum=0, maximum=7)
            if constraint_type == CONSTRAINT_START_NO_EARLIER_THAN:
                constraint = self.moment(element, "ConstraintDate", where)
                task.constraint_month = month_of(constraint.date()) if constraint is not None else None
            raw_links.extend((len(tasks), link, task) for link in self.children(element, "PredecessorLink"))
            tasks.append(task)
        set_levels(tasks)
        for index, task in enumerate(tasks):
            self.months(task, finishes[index], durations[index])
        return tasks, self.links(tasks, raw_links)

    def months(self, task: SourceTask, finish: datetime | None, minutes: float | None) -> None:
        """The task's duration in months: the calendar months its Start..Finish touches (at least 1); from the
        Duration in working days when there is no Finish; 0 for a milestone."""
        if not needs_dates(task):
            return
        if task.start is None:
            if not reported(self.report, task.where, "Start"):
                self.report.add(task.where, "Start", _("is missing."))
            return
        if task.milestone or task.kind == KIND_MILESTONE:
            task.months = 0
            return
        if finish is not None:
            last = finish.date()
            if finish.time() <= self.day_starts and last > task.start:
                last = date.fromordinal(last.toordinal() - 1)  # finished at the end of the day before
            if last < task.start:
                self.report.add(task.where, "Finish", _("{finish} is before the start {start}.").format(
                    finish=finish.isoformat(), start=task.start.isoformat()))
                return
        elif minutes is not None:
            days = max(1, math.ceil(minutes / self.minutes_per_day))
            last = add_working_days(task.start, days - 1)
        else:
            if not reported(self.report, task.where, "Duration"):
                self.report.add(task.where, "Finish", _("is missing, and so is the Duration."))
            return
        try:
            task.months = span_months(task.start, last)
        except ValueError as error:
            self.report.add(task.where, "Finish", str(error))

    def links(self, tasks: list[SourceTask], raw: list[tuple[int, Element, SourceTask]]) -> list[SourceLink]:
        months_of = {task.key: task.months for task in tasks}
        links: list[SourceLink] = []
        working_month = self.minutes_per_day * self.days_per_month
        for _index, element, task in raw:
            where = task.where
            predecessor = self.integer(element, "PredecessorUID", where)
            if predecessor is None:
                if self.text(element, "PredecessorUID") is None:
                    self.report.add(where, "PredecessorUID", _("is missing."))
                continue
            if self.flag(element, "CrossProject"):
                self.report.add(where, "PredecessorLink", _(
                    "links the task {key} of another project file; links to other projects are not imported.")
                                .format(key=predecessor))
                continue
            type_code = self.integer(element, "Type", where, minimum=0, maximum=3)
            lag = self.integer(element, "LinkLag", where)
            lag_format = self.integer(element, "LagFormat", where)
            if (self.text(element, "Type") is not None and type_code is None) or (
                    self.text(element, "LinkLag") is not None and lag is None):
                continue
            lag = lag or 0
            lag_format = LAG_FORMAT_DAYS if lag_format is None else lag_format
            if lag_format in WORKING_LAG_FORMATS:
                months = lag / 10 / working_month
            elif lag_format in ELAPSED_LAG_FORMATS:
                months = lag / 10 / ELAPSED_MINUTES_PER_MONTH
            elif lag_format in PERCENT_LAG_FORMATS:
                months = lag / 100 * (months_of.get(str(predecessor)) or 0)
            else:
                self.report.add(where, "LagFormat", _("{value} is not a lag format of MS Project.").format(
                    value=lag_format))
                continue
            link_type = LINK_TYPES[1 if type_code is None else type_code]
            links.append(SourceLink(str(predecessor), task.key, link_type, round_months(months), where,
                                    "PredecessorUID"))
        return links


def read_mspdi(data: bytes, session: Session, options: ImportOptions) -> tuple[Command | None, ImportReport]:
    """Check an MSPDI file against the open plan: the command that adds and updates its fields, strategies,
    initiatives, milestones and dependencies, or None with every problem in the report."""
    report = ImportReport()
    root = parse_xml(data, report)
    if root is None:
        return None, report
    namespace = root.tag[1:].partition("}")[0] if root.tag.startswith("{") else ""
    if local_name(root) != "Project" or namespace not in ACCEPTED_NAMESPACES:
        report.add(_("the file"), "", _(
            "This is not a Microsoft Project XML file: its root element is <{name}>, not <Project> of "
            "{namespace}.").format(name=local_name(root), namespace=NAMESPACE))
        return None, report
    tasks, links = _Reader(root, report).read()
    if not tasks and report.ok:
        report.add(_("the file"), "Tasks", _("holds no tasks."))
    if not tasks:
        return None, report
    label = _("Import {file}").format(file=options.source_name or "MS Project XML")
    return import_outline_command(session, tasks, links, report, code_prefix="MSP", label=label), report


# --- writing ------------------------------------------------------------------------------------------------

def _moment(day: date, at: time) -> str:
    return datetime.combine(day, at).isoformat()


def _hours(days: int) -> str:
    return f"PT{days * MINUTES_PER_DAY // 60}H0M0S"


def _add(parent: Element, name: str, value: object) -> Element:
    element = SubElement(parent, name)
    element.text = xml_text(str(value))
    return element


def _calendar(parent: Element) -> None:
    calendar = SubElement(SubElement(parent, "Calendars"), "Calendar")
    for name, value in (("UID", 1), ("Name", "Standard"), ("IsBaseCalendar", 1), ("IsBaselineCalendar", 0),
                        ("BaseCalendarUID", -1)):
        _add(calendar, name, value)
    week = SubElement(calendar, "WeekDays")
    for day_type in range(1, 8):  # 1 = Sunday ... 7 = Saturday
        weekday = SubElement(week, "WeekDay")
        _add(weekday, "DayType", day_type)
        working = day_type not in (1, 7)
        _add(weekday, "DayWorking", int(working))
        if working:
            times = SubElement(weekday, "WorkingTimes")
            for start, finish in (("08:00:00", "12:00:00"), ("13:00:00", "17:00:00")):
                period = SubElement(times, "WorkingTime")
                _add(period, "FromTime", start)
                _add(period, "ToTime", finish)


def _task(parent: Element, row: OutlineRow, links: list[tuple[int, str, int]]) -> None:
    task = SubElement(parent, "Task")
    _add(task, "UID", row.uid)
    _add(task, "ID", row.uid)
    _add(task, "Name", row.name)
    _add(task, "Active", 1)
    _add(task, "Manual", 0)
    _add(task, "Type", 1)
    _add(task, "IsNull", 0)
    _add(task, "WBS", row.code or row.outline_number)
    _add(task, "OutlineNumber", row.outline_number)
    _add(task, "OutlineLevel", row.level)
    _add(task, "Priority", 500)
    _add(task, "Start", _moment(row.start, WORK_START))
    _add(task, "Finish", _moment(row.finish, WORK_START if row.milestone else WORK_FINISH))
    _add(task, "Duration", _hours(row.working_days))
    _add(task, "DurationFormat", LAG_FORMAT_DAYS)
    _add(task, "Estimated", 0)
    _add(task, "Milestone", int(row.milestone))
    _add(task, "Summary", int(row.summary))
    _add(task, "PercentComplete", row.progress)
    if row.summary:
        _add(task, "ConstraintType", CONSTRAINT_AS_SOON_AS_POSSIBLE)
        _add(task, "CalendarUID", -1)
    else:  # the planned start acts as "start no earlier than" in the planner's schedule; so it does here
        _add(task, "ConstraintType", CONSTRAINT_START_NO_EARLIER_THAN)
        _add(task, "CalendarUID", -1)
        _add(task, "ConstraintDate", _moment(row.constraint or row.start, WORK_START))
    for predecessor_uid, link_type, lag_months in links:
        link = SubElement(task, "PredecessorLink")
        _add(link, "PredecessorUID", predecessor_uid)
        _add(link, "Type", LINK_TYPE_CODES[link_type])
        _add(link, "CrossProject", 0)
        # A month of lag as MS Project's working month ("mo": DaysPerMonth days of MinutesPerDay), in tenths
        # of a minute; MS Project shows it as "1 mo".
        _add(link, "LinkLag", lag_months * DAYS_PER_MONTH * MINUTES_PER_DAY * 10)
        _add(link, "LagFormat", LAG_FORMAT_MONTHS if lag_months else LAG_FORMAT_DAYS)
    values = (row.code, row.kind, row.parent_code)
    for (_alias, field_id, _name), value in zip(CUSTOM_FIELDS, values, strict=True):
        if value:
            attribute = SubElement(task, "ExtendedAttribute")
            _add(attribute, "FieldID", field_id)
            _add(attribute, "Value", value)


def mspdi_document(session: Session, file_name: str, *,
                   created: datetime | None = None) -> tuple[bytes, int, int]:
    """The plan as an MSPDI document (elements in the order of the schema, as MS Project writes them), with
    the number of tasks and links it holds."""
    outline = plan_outline(session)
    created = (created or datetime.now()).replace(microsecond=0)
    project = Element("Project", {"xmlns": NAMESPACE})
    header: list[tuple[str, object]] = [
        ("SaveVersion", 14), ("Name", file_name), ("Title", outline.title),
        ("CreationDate", created.isoformat()),
        ("ScheduleFromStart", 1), ("StartDate", _moment(outline.start, WORK_START)),
        ("FinishDate", _moment(outline.finish, WORK_FINISH)), ("FYStartDate", 1), ("CriticalSlackLimit", 0),
        ("CurrencyDigits", 0), ("CurrencySymbol", "₩"), ("CurrencyCode", "KRW"),
        ("CurrencySymbolPosition", 0),
        ("CalendarUID", 1), ("DefaultStartTime", "08:00:00"), ("DefaultFinishTime", "17:00:00"),
        ("MinutesPerDay", MINUTES_PER_DAY), ("MinutesPerWeek", MINUTES_PER_DAY * 5),
        ("DaysPerMonth", DAYS_PER_MONTH),
        ("DefaultTaskType", 1), ("DefaultFixedCostAccrual", 3), ("DurationFormat", LAG_FORMAT_DAYS),
        ("WorkFormat", 2), ("EditableActualCosts", 0), ("HonorConstraints", 0),
        ("InsertedProjectsLikeSummary", 1),
        ("MultipleCriticalPaths", 0), ("NewTasksEffortDriven", 0), ("NewTasksEstimated", 0),
        ("SplitsInProgressTasks", 1), ("SpreadActualCost", 0), ("SpreadPercentComplete", 0),
        ("TaskUpdatesResource", 1), ("FiscalYearStart", 0), ("WeekStartDay", 1), ("MoveCompletedEndsBack", 0),
        ("MoveRemainingStartsBack", 0), ("MoveRemainingStartsForward", 0), ("MoveCompletedEndsForward", 0),
        ("BaselineForEarnedValue", 0), ("AutoAddNewResourcesAndTasks", 1), ("MicrosoftProjectServerURL", 1),
        ("Autolink", 0), ("NewTaskStartDate", 0), ("NewTasksAreManual", 0), ("DefaultTaskEVMethod", 0),
        ("ProjectExternallyEdited", 0), ("ActualsInSync", 0), ("RemoveFileProperties", 0),
        ("AdminProject", 0),
    ]
    for name, value in header:
        _add(project, name, value)
    definitions = SubElement(project, "ExtendedAttributes")
    for alias, field_id, field_name in CUSTOM_FIELDS:
        definition = SubElement(definitions, "ExtendedAttribute")
        _add(definition, "FieldID", field_id)
        _add(definition, "FieldName", field_name)
        _add(definition, "CFType", CUSTOM_FIELD_TYPE_TEXT)
        _add(definition, "Alias", alias)
    _calendar(project)
    tasks = SubElement(project, "Tasks")
    summary = SubElement(tasks, "Task")  # UID 0: the project summary task MS Project always writes
    for name, value in (("UID", 0), ("ID", 0), ("Name", outline.title), ("Type", 1), ("IsNull", 0),
                        ("WBS", 0), ("OutlineNumber", 0), ("OutlineLevel", 0), ("Priority", 500),
                        ("Start", _moment(outline.start, WORK_START)),
                        ("Finish", _moment(outline.finish, WORK_FINISH)),
                        ("Duration", _hours(working_days(outline.start, outline.finish))),
                        ("DurationFormat", LAG_FORMAT_DAYS), ("Milestone", 0), ("Summary", 1),
                        ("PercentComplete", 0), ("ConstraintType", CONSTRAINT_AS_SOON_AS_POSSIBLE),
                        ("CalendarUID", -1)):
        _add(summary, name, value)
    incoming: dict[int, list[tuple[int, str, int]]] = {}
    for link in outline.links:
        incoming.setdefault(link.successor_uid, []).append((link.predecessor_uid, link.type, link.lag_months))
    for row in outline.rows:
        _task(tasks, row, incoming.get(row.uid, []))
    indent(project, space="    ")
    declaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    text = declaration + tostring(project, encoding="unicode") + "\n"
    return text.encode("utf-8"), len(outline.rows), len(outline.links)


def write_mspdi(session: Session, target: Path, options: ExportOptions) -> str:
    """Write the plan as Microsoft Project XML (atomically); one line saying what was written."""
    data, tasks, links = mspdi_document(session, target.name)
    write_bytes_atomically(target, data)
    return _("Wrote {file}: {tasks} tasks and {links} links as Microsoft Project XML.").format(
        file=target, tasks=tasks, links=links)
