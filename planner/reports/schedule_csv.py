"""The computed schedule as a CSV file (`cplan export PLAN --to OUT.csv --kind schedule`), written straight from
the plan file: this module and what it imports start in a few milliseconds (no SQLAlchemy, no data model)."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import TYPE_CHECKING

from planner.i18n import N_, _, format_month, translate
from planner.months import YearMonth

if TYPE_CHECKING:
    from planner.schedule import ScheduleResult

# `--kind schedule`: a report, never imported, so not one of the tables (planner.interchange.tabular.tables).
SCHEDULE_KIND = "schedule"
SCHEDULE_HEADERS = (N_("Code"), N_("Title"), N_("Early start"), N_("Early finish"))
# A cell starting with one of these is a formula to a spreadsheet; the same as
# planner.interchange.tabular.cell_values.FORMULA_STARTS (a test keeps them equal: importing that package here
# would import the data model and SQLAlchemy).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralised(text: str) -> str:
    """User text as a CSV cell, as planner.interchange.tabular.cell_values.neutralise writes it."""
    if text and (text[0] in FORMULA_STARTS or text[0] == "'"):
        return "'" + text
    return text


def csv_bytes(headers: list[str], rows: list[list[str]]) -> bytes:
    """A table as CSV bytes, as planner.interchange.tabular.csv_files.render_csv writes it (UTF-8 with BOM, CRLF
    line ends, quoted where needed)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def schedule_rows(result: ScheduleResult, language: str) -> list[list[str]]:
    """Every initiative's code, title, early start and last month worked (a milestone: its own month), ordered
    by start, then code."""
    from planner.schedule import ScheduledInitiative

    order = sorted(range(len(result.inputs)), key=lambda position: (result.es[position],
                                                                    result.inputs[position].code))
    rows = []
    for position in order:
        start, finish = result.es[position], result.ef[position]
        first = YearMonth.from_index(start)
        last = YearMonth.from_index(ScheduledInitiative.last_month(start, finish))
        rows.append([neutralised(result.inputs[position].code), neutralised(result.inputs[position].title),
                     format_month(first.year, first.month, language), format_month(last.year, last.month, language)])
    return rows


def write_schedule(result: ScheduleResult, target: Path, language: str) -> int:
    """Write the schedule as a CSV file with headers in `language`, atomically; the number of rows written."""
    from planner.atomic_files import write_bytes_atomically

    rows = schedule_rows(result, language)
    write_bytes_atomically(target, csv_bytes([translate(header, language) for header in SCHEDULE_HEADERS], rows))
    return len(rows)


def written_message(count: int, target: Path) -> str:
    """The line `cplan export` prints after writing the schedule."""
    return _("Wrote {count} rows of {table} to {file}.").format(count=count, table=_("Schedule"), file=target)


def write_schedule_of_file(plan_file: Path, target: Path, language: str) -> str | None:
    """Schedule the plan file `plan_file` and write its schedule CSV, reading the file directly: checked as
    opening it checks it (planner.storage.validate), all of it read in one read transaction, no working copy.
    The line to print; None, with nothing written, when the file is of an older format, which is read only once
    converted (in a working copy: planner.storage.document.PlanDocument.open)."""
    from planner.schedule import schedule_dates_of_database
    from planner.storage.validate import validated_snapshot

    with validated_snapshot(Path(plan_file).absolute()) as (report, connection):
        if report.needs_migration:
            return None
        result = schedule_dates_of_database(connection)
    return written_message(write_schedule(result, target, language), target)
