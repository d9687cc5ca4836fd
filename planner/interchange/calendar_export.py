"""The plan's initiative periods and milestones as an iCalendar file, for Outlook, Google Calendar and the like."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner.i18n import N_, _, format_month, translate
from planner.months import YearMonth

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from planner.interchange.formats import ExportOptions

UID_DOMAIN = "convergence-planner"
PRODUCT_ID = "-//Convergence Planner//Convergence Planner {version}//KO"
MILESTONE_MARK = "◆"
# Characters an iCalendar text value may not hold (RFC 5545 CONTROL, newline aside: the library escapes it).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")

LEAD_ORGANISATION = N_("Lead organisation")
LEAD_DEPARTMENT = N_("Lead department")
STATUS = N_("Status")
SCHEDULED = N_("Scheduled (dependencies applied)")
INITIATIVE = N_("Initiative")
MILESTONE = N_("Milestone")
DONE = N_("Done")
YES, NO = N_("Yes"), N_("No")


@dataclass(frozen=True)
class CalendarEvent:
    """One all-day event: [start, end) in days, as iCalendar writes all-day events (DTEND exclusive)."""

    uid: str
    start: date
    end: date
    summary: str
    description: str
    categories: tuple[str, ...]
    cancelled: bool = False


def first_day(month: YearMonth) -> date:
    return date(month.year, month.month, 1)


def last_day(month: YearMonth) -> date:
    """A month-granular milestone falls on its month's last day ('by the end of September')."""
    return date(month.year, month.month, calendar.monthrange(month.year, month.month)[1])


def _clean(text: str) -> str:
    return _CONTROL.sub(" ", text)


def calendar_events(session: Session, language: str) -> list[CalendarEvent]:
    """An event per initiative period (its early start to its early finish in the computed schedule, so every
    dependency is respected), per milestone initiative (duration 0) and per milestone, by start date then code."""
    from sqlalchemy import select

    from planner.model import Field, Initiative, Milestone, Stakeholder, Strategy
    from planner.model import vocabulary as v
    from planner.schedule import schedule_plan

    def tr(text: str) -> str:
        return translate(text, language)

    scheduled = schedule_plan(session).by_id
    fields = dict(session.execute(select(Field.__table__.c.id, Field.__table__.c.name)).all())
    strategies = dict(session.execute(select(Strategy.__table__.c.id, Strategy.__table__.c.name)).all())
    people = dict(session.execute(select(Stakeholder.__table__.c.id, Stakeholder.__table__.c.name)).all())
    table = Initiative.__table__
    initiatives = {row.id: row for row in session.execute(
        select(table.c.id, table.c.code, table.c.title, table.c.field_id, table.c.strategy_id,
               table.c.lead_stakeholder_id, table.c.lead_department, table.c.status))}

    def categories(row: Any) -> tuple[str, ...]:
        names = (fields.get(row.field_id), strategies.get(row.strategy_id))
        return tuple(_clean(name) for name in names if name)

    events: list[CalendarEvent] = []
    for row in initiatives.values():
        item = scheduled.get(row.id)
        if item is None:
            continue
        start, finish = YearMonth.from_index(item.es), YearMonth.from_index(item.display_early_finish)
        lines = []
        if row.lead_stakeholder_id in people:
            lines.append(f"{tr(LEAD_ORGANISATION)}: {people[row.lead_stakeholder_id]}")
        if row.lead_department:
            lines.append(f"{tr(LEAD_DEPARTMENT)}: {row.lead_department}")
        lines.append(f"{tr(STATUS)}: {tr(v.INITIATIVE_STATUSES.get(row.status, row.status))}")
        period = (format_month(start.year, start.month, language) if item.milestone else
                  f"{format_month(start.year, start.month, language)} – "
                  f"{format_month(finish.year, finish.month, language)}")
        lines.append(f"{tr(SCHEDULED)}: {period}")
        if item.milestone:
            first, after = last_day(start), last_day(start) + timedelta(days=1)
            summary = f"{MILESTONE_MARK} {row.code} {row.title}"
            kinds = (*categories(row), tr(MILESTONE))
        else:
            first, after = first_day(start), first_day(YearMonth.from_index(item.ef))
            summary = f"{row.code} {row.title}"
            kinds = categories(row)
        events.append(CalendarEvent(f"{row.id}@{UID_DOMAIN}", first, after, _clean(summary),
                                    _clean("\n".join(lines)), kinds, cancelled=row.status == "cancelled"))
    milestone = Milestone.__table__
    for mark in session.execute(select(milestone.c.id, milestone.c.initiative_id, milestone.c.title,
                                       milestone.c.month, milestone.c.done)):
        owner = initiatives.get(mark.initiative_id)
        if owner is None:
            continue
        day = last_day(mark.month)
        description = "\n".join((f"{tr(INITIATIVE)}: {owner.code} {owner.title}",
                                 f"{tr(MILESTONE)}: {format_month(mark.month.year, mark.month.month, language)}",
                                 f"{tr(DONE)}: {tr(YES) if mark.done else tr(NO)}"))
        events.append(CalendarEvent(f"{mark.id}@{UID_DOMAIN}", day, day + timedelta(days=1),
                                    _clean(f"{MILESTONE_MARK} {owner.code} {mark.title}"), _clean(description),
                                    (*categories(owner), tr(MILESTONE)), cancelled=owner.status == "cancelled"))
    events.sort(key=lambda event: (event.start, event.summary, event.uid))
    return events


def calendar_document(session: Session, language: str, stamp: datetime | None = None) -> tuple[bytes, int]:
    """The iCalendar bytes (lines folded at 75 octets by the icalendar library) and how many events they hold.
    Every event is all-day and transparent (it does not make its reader look busy for months)."""
    from icalendar import Calendar, Event
    from sqlalchemy import select

    from planner import __version__
    from planner.model import Plan

    title = session.execute(select(Plan.__table__.c.title)).scalar_one()
    stamped = stamp or datetime.now(UTC)
    document = Calendar()
    document.add("prodid", PRODUCT_ID.format(version=__version__))
    document.add("version", "2.0")
    document.add("calscale", "GREGORIAN")
    document.add("method", "PUBLISH")
    document.add("x-wr-calname", _clean(title))
    events = calendar_events(session, language)
    for item in events:
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamped)
        event.add("dtstart", item.start)
        event.add("dtend", item.end)
        event.add("summary", item.summary)
        event.add("description", item.description)
        if item.categories:
            event.add("categories", list(item.categories))
        event.add("transp", "TRANSPARENT")
        if item.cancelled:
            event.add("status", "CANCELLED")
        document.add_component(event)
    return document.to_ical(), len(events)


def write_calendar(session: Session, target: Path, options: ExportOptions) -> str:
    """Write the calendar to `target` (atomically) and say what went out."""
    from planner.atomic_files import write_bytes_atomically

    data, count = calendar_document(session, options.language)
    write_bytes_atomically(Path(target).absolute(), data)
    return _("Wrote {file}: {events} events (iCalendar).").format(file=target, events=count)
