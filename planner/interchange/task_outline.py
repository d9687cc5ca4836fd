"""Task outlines of scheduling tools (MS Project XML, GanttProject) to and from the plan's fields, strategies,
initiatives, milestones and dependencies: month arithmetic, the outline both formats write, the import."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import numpy as np
from sqlalchemy.orm import Session

from planner.i18n import _
from planner.interchange.incoming import IncomingRows, UpsertRowsCommand, existing_rows, import_rows_command
from planner.interchange.report import ImportReport
from planner.months import YearMonth

# What a task stands for in the plan; written to our own files so that a re-import need not guess from levels.
KIND_FIELD = "field"
KIND_STRATEGY = "strategy"
KIND_INITIATIVE = "initiative"
KIND_MILESTONE = "milestone"  # a milestone row of an initiative (not a milestone initiative)
KINDS = (KIND_FIELD, KIND_STRATEGY, KIND_INITIATIVE, KIND_MILESTONE)
_GROUP = "group"  # a summary task deeper than level 2 of a file without our marks: flattened

# The names of our custom columns (MS Project extended attribute aliases, GanttProject custom columns). Fixed,
# whatever the interface language, because a re-import recognises our files by them.
CODE_COLUMN = "Convergence Planner code"
KIND_COLUMN = "Convergence Planner row"
PARENT_COLUMN = "Convergence Planner parent"  # a strategy's own field; a milestone's initiative

# Working time as MS Project assumes it unless a file says otherwise: 8 hours a day, 20 days a month.
MINUTES_PER_DAY = 480
DAYS_PER_MONTH = 20
ELAPSED_MINUTES_PER_MONTH = 30 * 24 * 60  # MS Project's elapsed month ("emo") is 30 elapsed days
WEEKMASK = "1111100"  # Monday to Friday

MAX_TASKS = 100_000  # tasks in one file; beyond it the file is refused before anything else is read
MAX_LINKS = 200_000  # links after links to summary tasks are spread to the initiatives inside them
MAX_DURATION_MONTHS = 600  # the model's limit (ATTRIBUTES: initiative.duration_months)
MAX_WORKING_DAYS = MAX_DURATION_MONTHS * 31  # anything longer is absurd, whatever the calendar
MAX_CODE_LENGTH = 20

DEPENDENCY_TYPES = ("FS", "SS", "FF", "SF")


# --- months and working days --------------------------------------------------------------------------------

def first_working_day(month: YearMonth) -> date:
    """The first Monday-to-Friday day of a month."""
    day = date(month.year, month.month, 1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def last_working_day(month: YearMonth) -> date:
    """The last Monday-to-Friday day of a month."""
    following = month + 1
    day = date(following.year, following.month, 1) - timedelta(days=1)
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


def working_days(first: date, last: date) -> int:
    """Monday-to-Friday days from `first` to `last`, both included (0 when last is before first)."""
    if last < first:
        return 0
    return int(np.busday_count(first, last + timedelta(days=1), weekmask=WEEKMASK))


def month_of(day: date) -> YearMonth:
    """The month a day falls in (ValueError outside the years the planner knows)."""
    return YearMonth(day.year, day.month)


def span_months(start: date, finish: date) -> int:
    """How many calendar months a task from `start` to `finish` (its last working day) touches; at least 1."""
    return max(1, month_of(finish) - month_of(start) + 1)  # type: ignore[operator]


def round_months(value: float) -> int:
    """Whole months, halves away from zero: 0.5 → 1 and -1.5 → -2 (round() would give 0 and -2)."""
    return int(math.copysign(math.floor(abs(value) + 0.5), value))


def working_calendar(weekmask: str = WEEKMASK, holidays: Sequence[date] = ()) -> np.busdaycalendar:
    """The working days of a file: a week (Monday first, "1" = working) and dated holidays."""
    days = np.array(sorted(set(holidays)), dtype="datetime64[D]")
    return np.busdaycalendar(weekmask=weekmask, holidays=days)


STANDARD_CALENDAR = working_calendar()


def add_working_days(start: date, days: int, calendar: np.busdaycalendar = STANDARD_CALENDAR) -> date:
    """The working day `days` working days after `start` (start itself rolled forward to a working day)."""
    result = np.busday_offset(np.datetime64(start, "D"), days, roll="forward", busdaycal=calendar)
    return date.fromisoformat(str(result))


# --- what our files hold: the outline written from a plan ---------------------------------------------------

@dataclass
class OutlineRow:
    """One task of an exported outline: a field, a strategy (under a field), an initiative or an initiative's
    milestone, with its dates as a scheduling tool shows them."""

    kind: str
    level: int
    code: str  # the row's own code ("" for a milestone row)
    parent_code: str  # a strategy: its own field's code; a milestone: its initiative's code; else ""
    name: str
    start: date
    finish: date  # the last working day (a milestone: its day)
    milestone: bool = False
    progress: int = 0
    constraint: date | None = None  # "start no earlier than" (initiatives)
    initiative_id: str | None = None  # initiatives: the row, for the links
    uid: int = 0
    outline_number: str = ""
    summary: bool = False
    children: list[OutlineRow] = field(default_factory=list)

    @property
    def working_days(self) -> int:
        return 0 if self.milestone else working_days(self.start, self.finish)


@dataclass(frozen=True)
class OutlineLink:
    """A dependency between two exported initiatives, by their task UIDs."""

    predecessor_uid: int
    successor_uid: int
    type: str
    lag_months: int


@dataclass
class PlanOutline:
    """A plan as one outline of tasks (in order, each with its UID and outline number) and the links between
    initiatives."""

    title: str
    rows: list[OutlineRow]
    links: list[OutlineLink]
    start: date
    finish: date


def _ordered(rows: Iterable[dict[str, Any]], *keys: str) -> list[dict[str, Any]]:
    return sorted(rows, key=lambda row: tuple(0 if row.get(key) is None else row[key] for key in keys))


def _initiative_row(row: dict[str, Any], level: int) -> OutlineRow:
    start_month: YearMonth = row["start_month"]
    duration = max(int(row["duration_months"] or 0), 0)
    start = first_working_day(start_month)
    milestone = duration == 0
    finish = start if milestone else last_working_day(start_month + (duration - 1))
    constraint_month = start_month
    not_before: YearMonth | None = row.get("not_before")
    if not_before is not None and not_before > start_month:
        constraint_month = not_before
    return OutlineRow(KIND_INITIATIVE, level, row["code"], "", row["title"], start, finish, milestone,
                      int(row.get("progress") or 0), first_working_day(constraint_month), row["id"])


def plan_outline(session: Session) -> PlanOutline:
    """The plan as scheduling tools show it: fields (level 1) → strategies (level 2) → initiatives, each
    initiative followed by its milestones; initiatives without a field under their strategy at level 1, and
    without either at level 1. Fields and strategies that hold no initiative are left out (they have no bars).
    Order: by position, then code, so that the same plan always gives the same UIDs."""
    plan = existing_rows(session, "plan")[0]
    fields = _ordered(existing_rows(session, "field"), "position", "code")
    strategies = _ordered(existing_rows(session, "strategy"), "position", "code")
    initiatives = _ordered(existing_rows(session, "initiative"), "position", "code")
    milestones: dict[str, list[dict[str, Any]]] = {}
    by_month = sorted(existing_rows(session, "milestone"), key=lambda row: (row["month"], row["title"]))
    for milestone in by_month:
        milestones.setdefault(milestone["initiative_id"], []).append(milestone)
    field_codes = {row["id"]: row["code"] for row in fields}
    strategy_order = {row["id"]: number for number, row in enumerate(strategies)}
    strategy_by_id = {row["id"]: row for row in strategies}

    def leaves(members: list[dict[str, Any]], level: int) -> list[OutlineRow]:
        result: list[OutlineRow] = []
        for member in members:
            task = _initiative_row(member, level)
            result.append(task)
            for milestone in milestones.get(member["id"], []):
                day = first_working_day(milestone["month"])
                result.append(OutlineRow(KIND_MILESTONE, level, "", member["code"], milestone["title"], day,
                                         day,
                                         True, 100 if milestone["done"] else 0))
        return result

    def strategy_groups(members: list[dict[str, Any]], level: int) -> list[OutlineRow]:
        by_strategy: dict[str, list[dict[str, Any]]] = {}
        for member in members:
            by_strategy.setdefault(member["strategy_id"], []).append(member)
        groups: list[OutlineRow] = []
        for strategy_id in sorted(by_strategy, key=strategy_order.__getitem__):
            strategy = strategy_by_id[strategy_id]
            own_field = field_codes.get(strategy["field_id"], "")
            group = OutlineRow(KIND_STRATEGY, level, strategy["code"], own_field, strategy["name"], date.max,
                               date.min, summary=True)
            group.children = leaves(by_strategy[strategy_id], level + 1)
            groups.append(group)
        return groups

    top: list[OutlineRow] = []
    by_field: dict[str | None, list[dict[str, Any]]] = {}
    for initiative in initiatives:
        field_id = initiative["field_id"] if initiative["field_id"] in field_codes else None
        by_field.setdefault(field_id, []).append(initiative)
    for field_row in fields:
        members = by_field.get(field_row["id"])
        if not members:
            continue
        group = OutlineRow(KIND_FIELD, 1, field_row["code"], "", field_row["name"], date.max, date.min,
                           summary=True)
        with_strategy = [member for member in members if member["strategy_id"] in strategy_by_id]
        group.children = strategy_groups(with_strategy, 2) + leaves(
            [member for member in members if member["strategy_id"] not in strategy_by_id], 2)
        top.append(group)
    loose = by_field.get(None, [])
    top += strategy_groups([member for member in loose if member["strategy_id"] in strategy_by_id], 1)
    top += leaves([member for member in loose if member["strategy_id"] not in strategy_by_id], 1)

    rows: list[OutlineRow] = []

    def place(children: list[OutlineRow], prefix: str) -> None:
        for number, child in enumerate(children, start=1):
            child.outline_number = f"{prefix}{number}"
            child.uid = len(rows) + 1
            rows.append(child)
            if child.children:
                place(child.children, f"{child.outline_number}.")
                child.start = min(grandchild.start for grandchild in child.children)
                child.finish = max(grandchild.finish for grandchild in child.children)

    place(top, "")
    uid_of = {row.initiative_id: row.uid for row in rows if row.initiative_id}
    links = sorted(
        (OutlineLink(uid_of[link["predecessor_id"]], uid_of[link["successor_id"]], link["type"],
                     int(link["lag_months"]))
         for link in existing_rows(session, "dependency")
         if link["predecessor_id"] in uid_of and link["successor_id"] in uid_of),
        key=lambda link: (link.successor_uid, link.predecessor_uid))
    plan_start = first_working_day(YearMonth(plan["start_year"], 1))
    plan_finish = last_working_day(YearMonth(plan["end_year"], 12))
    start = min([plan_start, *(row.start for row in rows)])
    finish = max([plan_finish, *(row.finish for row in rows)])
    return PlanOutline(plan["title"], rows, links, start, finish)


def xml_text(text: str) -> str:
    """Text as XML 1.0 can hold it: the control characters it forbids are left out (else no tool opens it)."""
    return "".join(character for character in text
                   if character in "\t\n\r" or " " <= character <= "\ud7ff"
                   or "\ue000" <= character <= "\ufffd" or character >= "\U00010000")


# --- what a file holds: tasks read from it, to be imported --------------------------------------------------

@dataclass
class SourceTask:
    """One task as a format reader found it, its values already checked (None where absent or refused)."""

    key: str  # the file's own id of the task (MS Project UID, GanttProject id)
    where: str  # how the user finds it: 'task UID 12 "이름"'
    name: str
    level: int  # 1 = top level (the project summary task is not a SourceTask)
    parent: int | None = None  # index of the parent task
    outline_code: str = ""  # WBS or outline number, for codes of files without ours
    code: str | None = None  # our marks (None: the file has none for this task)
    kind: str | None = None
    parent_code: str | None = None
    start: date | None = None
    months: int | None = None  # duration in whole months (0: milestone); None when not known
    milestone: bool = False
    progress: int | None = None
    constraint_month: YearMonth | None = None  # "start no earlier than"
    has_children: bool = False


@dataclass(frozen=True)
class SourceLink:
    """A link as a reader found it: both tasks by the file's ids, the lag already in months."""

    predecessor: str
    successor: str
    type: str
    lag_months: int
    where: str
    field: str


@dataclass
class _Resolved:
    """A task after classification, with the plan row it becomes (or updates)."""

    task: SourceTask
    kind: str
    row: dict[str, Any] | None = None  # the incoming row (its "id" is the row's)
    initiatives: list[str] = field(default_factory=list)  # the ids of the initiatives it is or holds


def _derived_code(task: SourceTask, prefix: str, taken: set[str]) -> str:
    """A code for a task of a file without ours: its WBS when that is a code with letters (one we wrote, kept
    by a tool that dropped our columns), else PREFIX-outline number; PREFIX-U<id> if too long or taken."""
    outline = task.outline_code.strip()
    if outline and any(character.isalpha() for character in outline) and len(outline) <= MAX_CODE_LENGTH:
        candidate = outline
    else:
        candidate = f"{prefix}-{outline or task.key}"
    if len(candidate) > MAX_CODE_LENGTH or candidate in taken:
        candidate = f"{prefix}-U{task.key}"[:MAX_CODE_LENGTH]
    return candidate


class OutlineImport:
    """Turns the tasks and links of a file into rows for the open plan (IncomingRows): classification, codes,
    matching by code or name, hierarchy, milestones and links (those of summary tasks spread to every
    initiative inside them)."""

    def __init__(self, session: Session, report: ImportReport, code_prefix: str) -> None:
        self.report = report
        self.prefix = code_prefix
        self.incoming = IncomingRows()
        self.plan_rows = {kind: existing_rows(session, kind)
                          for kind in ("field", "strategy", "initiative", "milestone", "dependency")}

    def _by(self, kind: str, key: str) -> dict[Any, dict[str, Any]]:
        return {row[key]: row for row in self.plan_rows[kind]}

    def _next_position(self, kind: str) -> int:
        return max((int(row.get("position") or 0) for row in self.plan_rows[kind]), default=-1) + 1

    def _classify(self, tasks: Sequence[SourceTask]) -> list[_Resolved]:
        resolved: list[_Resolved] = []
        for task in tasks:
            if task.kind is not None:
                kind = task.kind.strip()
                if kind not in KINDS:
                    self.report.add(task.where, KIND_COLUMN, _("'{value}' is not one of: {choices}.").format(
                        value=task.kind, choices=", ".join(KINDS)))
                    kind = _GROUP
            elif task.has_children:
                kind = {1: KIND_FIELD, 2: KIND_STRATEGY}.get(task.level, _GROUP)
            else:
                kind = KIND_INITIATIVE
            resolved.append(_Resolved(task, kind))
        return resolved

    @staticmethod
    def _ancestor(resolved: Sequence[_Resolved], index: int, kind: str) -> _Resolved | None:
        parent = resolved[index].task.parent
        while parent is not None:
            if resolved[parent].kind == kind and resolved[parent].row is not None:
                return resolved[parent]
            parent = resolved[parent].task.parent
        return None

    def _groups(self, resolved: list[_Resolved], kind: str) -> dict[str, dict[str, Any]]:
        """Fields or strategies: one incoming row per code of ours (a strategy sits under every field whose
        initiatives serve it), per name in files without ours. Returns the rows by the file's codes."""
        by_code, by_name = self._by(kind, "code"), self._by(kind, "name")
        taken_codes = set(by_code)
        matched: set[str] = set()
        rows: dict[object, dict[str, Any]] = {}
        file_codes: dict[str, dict[str, Any]] = {}
        position = self._next_position(kind)
        for item in resolved:
            if item.kind != kind:
                continue
            task = item.task
            name = task.name.strip()
            ours = task.kind is not None
            if ours and not (task.code or "").strip():
                self.report.add(task.where, CODE_COLUMN, _("is required."))
                continue
            key: object = (task.code or "").strip() if ours else ("name", name)
            if key in rows:
                item.row = rows[key]
                continue
            current = by_code.get(str(key)) if ours else None
            if current is None or current["id"] in matched:
                current = by_name.get(name)
            if current is not None and current["id"] in matched:
                current = None
            if current is not None:
                matched.add(current["id"])
                row = self.incoming.update(kind, current, {"name": name}, task.where)
            else:
                if ours and key not in taken_codes:
                    code = str(key)
                else:
                    code = _derived_code(task, self.prefix, taken_codes)
                taken_codes.add(code)
                row = self.incoming.add(kind, {"code": code, "name": name, "position": position}, task.where)
                position += 1
            rows[key] = item.row = row
            if ours:
                file_codes[str(key)] = row
        return file_codes

    def build(self, tasks: Sequence[SourceTask], links: Sequence[SourceLink]) -> IncomingRows:
        resolved = self._classify(tasks)
        fields = self._groups(resolved, KIND_FIELD)
        self._groups(resolved, KIND_STRATEGY)
        plan_fields = self._by("field", "code")
        placed: set[int] = set()
        for index, item in enumerate(resolved):  # each strategy's own field
            if item.kind != KIND_STRATEGY or item.row is None or id(item.row) in placed:
                continue
            placed.add(id(item.row))
            if item.task.kind is not None:
                parent_code = (item.task.parent_code or "").strip()
                field_row = fields.get(parent_code) or plan_fields.get(parent_code)
                if parent_code and field_row is None:
                    self.report.add(item.task.where, PARENT_COLUMN, _(
                        "names the field '{code}', which is neither in the file nor in the plan.").format(
                        code=parent_code))
            else:
                ancestor = self._ancestor(resolved, index, KIND_FIELD)
                field_row = ancestor.row if ancestor is not None else None
            item.row["field_id"] = field_row["id"] if field_row is not None else None
        initiatives = self._initiatives(resolved)
        self._milestones(resolved, initiatives)
        self._links(resolved, links)
        return self.incoming

    def _initiatives(self, resolved: list[_Resolved]) -> dict[str, dict[str, Any]]:
        by_code = self._by("initiative", "code")
        position = self._next_position("initiative")
        rows: dict[str, dict[str, Any]] = {}
        first_place: dict[str, str] = {}
        for index, item in enumerate(resolved):
            if item.kind != KIND_INITIATIVE:
                continue
            task = item.task
            if task.kind is not None:
                code = (task.code or "").strip()
                if not code:
                    self.report.add(task.where, CODE_COLUMN, _("is required."))
                    continue
            else:
                code = _derived_code(task, self.prefix, set(rows))
            if code in rows:
                self.report.add(task.where, CODE_COLUMN, _("The code '{code}' is also the code of {other}.")
                                .format(code=code, other=first_place[code]))
                continue
            first_place[code] = task.where
            field_item = self._ancestor(resolved, index, KIND_FIELD)
            strategy_item = self._ancestor(resolved, index, KIND_STRATEGY)
            values: dict[str, Any] = {
                "code": code, "title": task.name.strip(),
                "field_id": field_item.row["id"] if field_item is not None and field_item.row else None,
                "strategy_id": (strategy_item.row["id"]
                                if strategy_item is not None and strategy_item.row else None),
            }
            start: YearMonth | None = None
            if task.start is not None:
                try:
                    start = values["start_month"] = month_of(task.start)
                except ValueError as error:
                    self.report.add(task.where, "start_month", str(error))
            if task.months is not None:
                values["duration_months"] = 0 if task.milestone else task.months
            if task.progress is not None:
                values["progress"] = task.progress
            constraint = task.constraint_month
            later = constraint is not None and start is not None and constraint > start
            not_before = constraint if later else None
            current = by_code.get(code)
            if current is not None:
                kept = current.get("not_before")
                if not_before is None and kept is not None and start is not None and kept <= start:
                    not_before = kept  # one before the start changes nothing; the file cannot carry it
                values["not_before"] = not_before
                row = self.incoming.update("initiative", current, values, task.where)
            else:
                values |= {"not_before": not_before, "position": position}
                row = self.incoming.add("initiative", values, task.where)
                position += 1
            rows[code] = item.row = row
        children: dict[int, list[int]] = {}
        for index, item in enumerate(resolved):
            if item.task.parent is not None:
                children.setdefault(item.task.parent, []).append(index)
        for index in range(len(resolved) - 1, -1, -1):  # children come after their parents
            item = resolved[index]
            item.initiatives = []
            if item.kind == KIND_INITIATIVE and item.row is not None:
                item.initiatives.append(item.row["id"])
            for child in children.get(index, []):
                item.initiatives.extend(resolved[child].initiatives)
        return rows

    def _milestones(self, resolved: list[_Resolved], initiatives: dict[str, dict[str, Any]]) -> None:
        by_code = self._by("initiative", "code")
        existing = {(row["initiative_id"], row["title"]): row for row in self.plan_rows["milestone"]}
        seen: set[tuple[str, str]] = set()
        for item in resolved:
            if item.kind != KIND_MILESTONE:
                continue
            task = item.task
            owner_code = (task.parent_code or "").strip()
            owner = initiatives.get(owner_code) or by_code.get(owner_code)
            if owner is None:
                self.report.add(task.where, PARENT_COLUMN, _(
                    "names the initiative '{code}', which is neither in the file nor in the plan.").format(
                    code=owner_code))
                continue
            if task.start is None:
                continue  # the reader has reported it
            try:
                month = month_of(task.start)
            except ValueError as error:
                self.report.add(task.where, "month", str(error))
                continue
            title = task.name.strip()
            values = {"initiative_id": owner["id"], "title": title, "month": month,
                      "done": task.progress is not None and task.progress >= 100}
            key = (owner["id"], title)
            current = existing.get(key)
            if current is not None and key not in seen:
                self.incoming.update("milestone", current, values, task.where)
            else:
                self.incoming.add("milestone", values, task.where)
            seen.add(key)

    def _links(self, resolved: list[_Resolved], links: Sequence[SourceLink]) -> None:
        by_key = {item.task.key: item for item in resolved}
        existing = {(row["predecessor_id"], row["successor_id"]): row for row in self.plan_rows["dependency"]}
        # (predecessor, successor) → (the link, whether it was written between these two initiatives)
        chosen: dict[tuple[str, str], tuple[SourceLink, bool]] = {}
        total = 0
        for link in links:
            ends: list[_Resolved] = []
            for key in (link.predecessor, link.successor):
                item = by_key.get(key)
                if item is None:
                    self.report.add(link.where, link.field, _(
                        "refers to the task {key}, which is not in the file.").format(key=key))
                    break
                if item.kind == KIND_MILESTONE:
                    self.report.add(link.where, link.field, _(
                        "links {task}, a milestone of an initiative; the plan links initiatives only, so "
                        "link the initiative instead.").format(task=item.task.where))
                    break
                ends.append(item)
            if len(ends) != 2:
                continue
            predecessors, successors = ends[0].initiatives, ends[1].initiatives
            direct = ends[0].kind == KIND_INITIATIVE and ends[1].kind == KIND_INITIATIVE
            if not direct and set(predecessors) & set(successors):
                self.report.add(link.where, link.field, _(
                    "links a summary task with a task inside it ({first} and {second}).").format(
                    first=ends[0].task.where, second=ends[1].task.where))
                continue
            total += len(predecessors) * len(successors)
            if total > MAX_LINKS:
                self.report.add(link.where, link.field, _(
                    "With the links of summary tasks spread to the initiatives inside them the file holds "
                    "more than {limit} links; it is not imported.").format(limit=MAX_LINKS))
                return
            for predecessor in predecessors:
                for successor in successors:
                    pair = (predecessor, successor)
                    if pair not in chosen or (direct and not chosen[pair][1]):
                        chosen[pair] = (link, direct)
        for (predecessor, successor), (link, _direct) in chosen.items():
            values = {"predecessor_id": predecessor, "successor_id": successor, "type": link.type,
                      "lag_months": link.lag_months}
            current = existing.get((predecessor, successor))
            if current is not None:
                self.incoming.update("dependency", current, values, link.where)
            else:
                self.incoming.add("dependency", values, link.where)


def import_outline_command(session: Session, tasks: Sequence[SourceTask], links: Sequence[SourceLink],
                           report: ImportReport, *, code_prefix: str, label: str) -> UpsertRowsCommand | None:
    """The one undoable command that adds and updates the file's rows, or None with every problem in `report`:
    the reader's, then the plan's (types, limits, unique codes, references, dependency cycles) except where
    the reader already named a problem of that task."""
    incoming = OutlineImport(session, report, code_prefix).build(tasks, links)
    if report.ok:
        return import_rows_command(session, incoming, report, label)
    check = ImportReport()
    import_rows_command(session, incoming, check, label)
    known = {problem.where for problem in report.problems}
    for problem in check.problems:
        if problem.where not in known:
            report.add(problem.where, problem.field, problem.message)
    report.counts.update(check.counts)
    return None


def tree_parents(levels: Sequence[int]) -> list[int | None]:
    """The parent of each task of an outline given by levels (1 = top): the nearest earlier task of a lower
    level. Tolerates jumps (a task two levels below the one before it hangs under that one)."""
    parents: list[int | None] = []
    stack: list[int] = []
    for index, level in enumerate(levels):
        while stack and levels[stack[-1]] >= level:
            stack.pop()
        parents.append(stack[-1] if stack else None)
        stack.append(index)
    return parents


def reported(report: ImportReport, where: str, field_name: str) -> bool:
    """Whether the report already names a problem of this task and field (then "missing" would mislead)."""
    return any(problem.where == where and problem.field == field_name for problem in report.problems)


def needs_dates(task: SourceTask) -> bool:
    """Whether the task becomes an initiative or a milestone: those need a start (fields, strategies not)."""
    return task.kind in (KIND_INITIATIVE, KIND_MILESTONE) if task.kind is not None else not task.has_children


def shown(value: str, limit: int = 40) -> str:
    """A value from the file as a message quotes it: at most `limit` characters (a file may hold more)."""
    return value if len(value) <= limit else value[:limit - 1] + "…"


def task_place(word: str, key: str, name: str) -> str:
    """How a problem names a task: 'task UID 12 "이름"' (the name shortened when long)."""
    shown = name if len(name) <= 40 else name[:39] + "…"
    return f'{word} {key} "{shown}"' if shown else f"{word} {key}"


def set_levels(tasks: list[SourceTask]) -> None:
    """Fill in parent and has_children from the tasks' levels."""
    for task, parent in zip(tasks, tree_parents([task.level for task in tasks]), strict=True):
        task.parent = parent
        if parent is not None:
            tasks[parent].has_children = True
