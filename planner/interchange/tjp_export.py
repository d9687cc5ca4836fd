"""The plan's schedule model as a TaskJuggler project (.tjp) that tj3 schedules, with a CSV report to compare."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner.i18n import N_, _, translate
from planner.interchange.calendar_export import first_day, last_day
from planner.months import YearMonth

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from planner.interchange.formats import ExportOptions
    from planner.schedule import Link, ScheduleResult

PROJECT_ID = "cplan"
ROOT_TASK = "roadmap"  # every field, strategy and initiative; the CSV report lists its leaves
ANCHOR_TASK = "plan_start"  # a milestone at the plan's first day: "start no earlier than" is a gap after it
MILESTONES_TASK = "milestones"
REPORT_NAME = "schedule"  # tj3 -o DIR writes DIR/schedule.csv
REPORT_COLUMNS = ("Code", "id", "start", "end", "duration", "name")
WORD_JOINER = "\u2060"  # invisible; breaks ${ and $( so tj3 never expands them, and ends a trailing backslash
_CONTROL = re.compile("[\x00-\x1f\x7f]")
_NOT_IDENTIFIER = re.compile(r"[^A-Za-z0-9]+")
_EXPANSION = re.compile(r"\$(?=[{(])")

MILESTONES_NAME = N_("Milestones")
PLAN_START_NAME = N_("Start of the plan period")
HEADER_RUN = N_("TaskJuggler project written by Convergence Planner {version}. Run: tj3 -o DIR {file} "
                "(DIR/{report}.csv lists every initiative's start and end).")
HEADER_MONTHS = N_("A month is its first day at 00:00; an initiative lasts the calendar days of its months.")
LEFT_OUT = N_("{type} link from {code} with a lag of {lag} months: left out, TaskJuggler cannot start a task "
              "before its predecessor starts.")


def tjp_string(text: str) -> str:
    """A TaskJuggler string literal holding `text` as it reads: one line, double quotes escaped; `${` and `$(`
    (tj3 would expand a macro or an environment variable) and a trailing backslash (it would escape the closing
    quote) get an invisible word joiner."""
    flat = _CONTROL.sub(" ", text)
    flat = _EXPANSION.sub("$" + WORD_JOINER, flat)
    if flat.endswith("\\"):
        flat += WORD_JOINER
    return '"' + flat.replace('"', '\\"') + '"'


def tjp_comment(text: str) -> str:
    return "# " + _CONTROL.sub(" ", text)


def tjp_date(day: date) -> str:
    return day.isoformat()


class _Identifiers:
    """TaskJuggler ids made from codes: ASCII letters, digits and '_', a kind prefix (so no id is a keyword), and
    unique across the file."""

    def __init__(self) -> None:
        self.taken: set[str] = {PROJECT_ID, ROOT_TASK, ANCHOR_TASK, MILESTONES_TASK, REPORT_NAME}

    def make(self, prefix: str, code: str, number: int) -> str:
        ascii_part = _NOT_IDENTIFIER.sub("_", code).strip("_")
        base = f"{prefix}_{ascii_part}" if ascii_part else f"{prefix}_{number}"
        candidate, suffix = base, 2
        while candidate in self.taken:
            candidate, suffix = f"{base}_{suffix}", suffix + 1
        self.taken.add(candidate)
        return candidate


@dataclass
class _Task:
    id: str
    name: str
    children: list[_Task] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)  # attributes of a leaf

    def render(self, depth: int, out: list[str]) -> None:
        pad = "  " * depth
        out.append(f"{pad}task {self.id} {tjp_string(self.name)} {{")
        for line in self.lines:
            out.append(f"{pad}  {line}")
        for child in self.children:
            child.render(depth + 1, out)
        out.append(f"{pad}}}")


@dataclass(frozen=True)
class DependencyGap:
    """What one dependency asks of its successor's start, in TaskJuggler's terms: after the predecessor's start or
    end (`on_end`) plus `months` (never negative), or None when TaskJuggler cannot express it."""

    on_end: bool
    months: int


def dependency_gap(kind: str, lag: int, predecessor_duration: int, successor_duration: int) -> DependencyGap | None:
    """TaskJuggler's `depends` bounds only the successor's start, by the predecessor's start or end plus a gap that
    is never negative. FS and SS map directly; FF and SF become a bound on the start (finish - duration); a
    negative gap after the end becomes a gap after the start when it fits in the predecessor; one that would
    fall before the predecessor's start cannot be written (None)."""
    on_end = kind in ("FS", "FF")
    months = lag - (successor_duration if kind in ("FF", "SF") else 0)
    if months < 0 and on_end:
        on_end, months = False, months + predecessor_duration
    return DependencyGap(on_end, months) if months >= 0 else None


def _gap_days(anchor_month: int, months: int) -> int:
    return (first_day(YearMonth.from_index(anchor_month + months))
            - first_day(YearMonth.from_index(anchor_month))).days


@dataclass
class TjpProject:
    """The .tjp text and what it holds."""

    text: str
    initiatives: int
    dependencies: int
    left_out: int  # dependencies TaskJuggler cannot express, written as comments


def _structure(session: Session) -> tuple[dict[str, Any], dict[str, Any], list[Any]]:
    from sqlalchemy import select

    from planner.model import Field, Initiative, Strategy

    fields = {row.id: row for row in session.execute(
        select(Field.__table__.c.id, Field.__table__.c.code, Field.__table__.c.name, Field.__table__.c.position)
        .order_by(Field.__table__.c.position, Field.__table__.c.code))}
    strategy = Strategy.__table__
    strategies = {row.id: row for row in session.execute(
        select(strategy.c.id, strategy.c.code, strategy.c.name, strategy.c.field_id, strategy.c.position)
        .order_by(strategy.c.position, strategy.c.code))}
    table = Initiative.__table__
    initiatives = list(session.execute(
        select(table.c.id, table.c.code, table.c.title, table.c.field_id, table.c.strategy_id)
        .order_by(table.c.position, table.c.code)))
    return fields, strategies, initiatives


def tjp_project(session: Session, language: str) -> TjpProject:
    """The plan as a TaskJuggler project: fields → strategies → initiatives nested as in the plan, each initiative
    a task of its scheduled length in days (or a milestone), its earliest start (planned start, 'start no earlier
    than', plan start) and its dependencies, the plan's milestones, and a CSV task report."""
    from sqlalchemy import select

    from planner import __version__
    from planner.model import Milestone, Plan
    from planner.schedule import plan_links, schedule_dates

    plan = session.execute(select(Plan.__table__.c.title, Plan.__table__.c.start_year,
                                  Plan.__table__.c.end_year)).one()
    result = schedule_dates(session)
    links = plan_links(session)
    fields, strategies, initiatives = _structure(session)
    milestone = Milestone.__table__
    marks = list(session.execute(select(milestone.c.id, milestone.c.initiative_id, milestone.c.title,
                                        milestone.c.month).order_by(milestone.c.month, milestone.c.title)))
    ids = _Identifiers()
    tree = _Task(ROOT_TASK, plan.title)
    containers: dict[str, _Task] = {}

    def container(kind: str, row_id: str | None) -> _Task:
        if row_id is None:
            return tree
        key = f"{kind}:{row_id}"
        if key not in containers:
            if kind == "strategy":
                row = strategies[row_id]
                parent = container("field", row.field_id if row.field_id in fields else None)
                containers[key] = _Task(ids.make("s", row.code, len(containers) + 1), f"{row.code} {row.name}")
            else:
                row = fields[row_id]
                parent = tree
                containers[key] = _Task(ids.make("f", row.code, len(containers) + 1), f"{row.code} {row.name}")
            parent.children.append(containers[key])
        return containers[key]

    # Containers in plan order first, so the file reads like the plan; empty ones are left out below.
    for initiative in initiatives:
        if initiative.strategy_id in strategies:
            container("strategy", initiative.strategy_id)
        elif initiative.field_id in fields:
            container("field", initiative.field_id)
    paths: dict[str, str] = {}
    tasks: dict[str, _Task] = {}
    for number, initiative in enumerate(initiatives, start=1):
        if initiative.strategy_id in strategies:
            parent = container("strategy", initiative.strategy_id)
        else:
            parent = container("field", initiative.field_id if initiative.field_id in fields else None)
        task = _Task(ids.make("i", initiative.code, number), initiative.title)
        parent.children.append(task)
        tasks[initiative.id] = task
    _assign_paths(tree, ROOT_TASK, paths)
    dependencies, left_out = _initiative_lines(result, links, tasks, paths, language)

    plan_start = YearMonth(plan.start_year, 1)
    starts = [first_day(plan_start), *(last_day(mark.month) for mark in marks)]
    finish_year = max(plan.end_year, YearMonth.from_index(result.finish).year,
                      *(mark.month.year for mark in marks))
    out = [
        tjp_comment(translate(HEADER_RUN, language).format(version=__version__, file="FILE.tjp", report=REPORT_NAME)),
        tjp_comment(translate(HEADER_MONTHS, language)),
        f"project {PROJECT_ID} {tjp_string(plan.title)} {tjp_date(min(starts))} - {tjp_date(date(finish_year + 2, 1, 1))} {{",
        '  timeformat "%Y-%m-%d"',
        "  extend task {",
        '    text Code "Code"',  # the CSV column the benchmark reads: never translated
        "  }",
        "}",
        "",
        f"task {ANCHOR_TASK} {tjp_string(translate(PLAN_START_NAME, language))} {{",
        "  milestone",
        f"  start {tjp_date(first_day(plan_start))}",
        "}",
        "",
    ]
    tree.render(0, out)
    if marks:
        out.append("")
        codes = {initiative.id: initiative.code for initiative in initiatives}
        group = _Task(MILESTONES_TASK, translate(MILESTONES_NAME, language))
        for number, mark in enumerate(marks, start=1):
            code = codes.get(mark.initiative_id, "")
            group.children.append(_Task(f"m_{number}", f"{code} {mark.title}".strip(),
                                        lines=["milestone", f"start {tjp_date(last_day(mark.month))}"]))
        group.render(0, out)
    out += [
        "",
        f"taskreport {REPORT_NAME} {tjp_string(REPORT_NAME)} {{",
        "  formats csv",
        f"  taskroot {ROOT_TASK}",
        "  hidetask ~isleaf()",
        "  sorttasks plan.start.up, id.up",
        f"  columns {', '.join(REPORT_COLUMNS)}",
        '  timeformat "%Y-%m-%d"',
        "}",
        "",
    ]
    return TjpProject("\n".join(out), len(tasks), dependencies, left_out)


def _assign_paths(task: _Task, path: str, paths: dict[str, str]) -> None:
    paths[task.id] = path
    for child in task.children:
        _assign_paths(child, f"{path}.{child.id}", paths)


def _initiative_lines(result: ScheduleResult, links: Iterable[Link], tasks: Mapping[str, _Task],
                      paths: Mapping[str, str], language: str) -> tuple[int, int]:
    """Fill in each initiative task: its code, length, earliest start and dependencies. Returns how many
    dependencies were written and how many TaskJuggler cannot express (written as comments)."""
    scheduled = result.by_id
    incoming: dict[str, list[Link]] = {}
    for link in links:
        if link.predecessor_id in tasks and link.successor_id in tasks:
            incoming.setdefault(link.successor_id, []).append(link)
    written = left_out = 0
    for initiative_id, task in tasks.items():
        item = scheduled[initiative_id]
        earliest = max(item.planned_start, item.not_before or result.plan_start, result.plan_start)
        task.lines.append(f"Code {tjp_string(item.code)}")
        depends: list[str] = []
        comments: list[str] = []
        for link in sorted(incoming.get(initiative_id, []), key=lambda link: (scheduled[link.predecessor_id].code,
                                                                              link.id)):
            predecessor = scheduled[link.predecessor_id]
            gap = dependency_gap(link.type, link.lag, predecessor.duration, item.duration)
            if gap is None:
                left_out += 1
                comments.append(tjp_comment(translate(LEFT_OUT, language).format(
                    type=link.type, code=predecessor.code, lag=link.lag)))
                continue
            written += 1
            # A milestone's start is its end: tj3's loop check walks through a milestone from its start to its
            # end, so `onstart` on one makes it report a loop that is not there. Its end means the same.
            on_end = gap.on_end or predecessor.milestone
            anchor = predecessor.ef if on_end else predecessor.es
            options = [] if on_end else ["onstart"]
            days = _gap_days(anchor, gap.months)
            if days:
                options.append(f"gapduration {days}d")
            depends.append(paths[tasks[link.predecessor_id].id] + (f" {{ {' '.join(options)} }}" if options else ""))
        if depends:
            if earliest > result.plan_start:  # "start no earlier than": a gap after the plan's first day
                days = _gap_days(result.plan_start, earliest - result.plan_start)
                depends.insert(0, f"{ANCHOR_TASK} {{ gapduration {days}d }}")
            task.lines += [*comments, f"depends {', '.join(depends)}"]
        else:
            task.lines += [*comments, f"start {tjp_date(first_day(YearMonth.from_index(earliest)))}"]
        if item.milestone:
            task.lines.append("milestone")
        else:
            task.lines.append(f"duration {_gap_days(item.es, item.duration)}d")
    return written, left_out


def exactly_expressed(result: ScheduleResult, links: Iterable[Link]) -> set[str]:
    """The codes of the initiatives whose start no left-out dependency bounds, directly or through a predecessor:
    TaskJuggler schedules these exactly as we do (the others it may start earlier)."""
    items = result.by_id
    predecessors: dict[str, list[str]] = {}
    tainted: list[str] = []
    for link in links:
        predecessors.setdefault(link.successor_id, []).append(link.predecessor_id)
        if dependency_gap(link.type, link.lag, items[link.predecessor_id].duration,
                          items[link.successor_id].duration) is None:
            tainted.append(link.successor_id)
    successors: dict[str, list[str]] = {}
    for successor, earlier in predecessors.items():
        for predecessor in earlier:
            successors.setdefault(predecessor, []).append(successor)
    reached, stack = set(tainted), list(tainted)
    while stack:  # everything downstream of a left-out link
        for successor in successors.get(stack.pop(), []):
            if successor not in reached:
                reached.add(successor)
                stack.append(successor)
    return {item.code for item_id, item in items.items() if item_id not in reached}


def write_tjp(session: Session, target: Path, options: ExportOptions) -> str:
    """Write the TaskJuggler project to `target` (atomically) and say what went out."""
    from planner.atomic_files import write_bytes_atomically

    project = tjp_project(session, options.language)
    write_bytes_atomically(Path(target).absolute(), project.text.encode("utf-8"))
    line = _("Wrote {file}: {initiatives} initiatives and {dependencies} dependencies (TaskJuggler).").format(
        file=target, initiatives=project.initiatives, dependencies=project.dependencies)
    if project.left_out:
        line += " " + _("{count} dependencies would start a task before its predecessor starts, which TaskJuggler "
                        "cannot express; they are written as comments.").format(count=project.left_out)
    return line
