"""Initiative commands the GUI needs beyond the generic rows: add with the next free code, move in time."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from planner.commands.rows import AddRow
from planner.i18n import _
from planner.model import Field, Initiative, Plan, Strategy
from planner.months import YearMonth

DEFAULT_DURATION_MONTHS = 12
NO_FIELD_PREFIX = "X"  # the code prefix of initiatives outside any field


def next_initiative_code(session: Session, field_id: str | None = None) -> str:
    """The next free code: the field's code, a dash and the next number ('A-07' after 'A-06'); outside any
    field 'X-01', 'X-02', ... At least two digits, more when the codes in use have more."""
    prefix = f"{NO_FIELD_PREFIX}-"
    if field_id is not None:
        field_code = session.execute(select(Field.code).where(Field.id == field_id)).scalar_one_or_none()
        prefix = f"{field_code}-" if field_code else prefix
    pattern = re.compile(rf"^{re.escape(prefix)}(\d+)$")
    highest, width = 0, 2
    for (code,) in session.execute(select(Initiative.code)):
        match = pattern.match(code or "")
        if match:
            highest = max(highest, int(match.group(1)))
            width = max(width, len(match.group(1)))
    return f"{prefix}{highest + 1:0{width}d}"


def add_initiative_command(session: Session, **values: Any) -> AddRow:
    """An AddRow for a new initiative, filling what the user has not chosen yet: the field of its strategy,
    the next free code of that field, a provisional title, January of the plan's first year, twelve months,
    and the last position in the list. Apply it (through the undo stack) to add the initiative."""
    if values.get("strategy_id") and not values.get("field_id"):
        values["field_id"] = session.execute(
            select(Strategy.field_id).where(Strategy.id == values["strategy_id"])
        ).scalar_one_or_none()
    if not values.get("code"):
        values["code"] = next_initiative_code(session, values.get("field_id"))
    values.setdefault("title", _("New initiative"))
    if values.get("start_month") is None:
        first_year = session.execute(select(Plan.start_year)).scalar_one()
        values["start_month"] = YearMonth(first_year, 1)
    values.setdefault("duration_months", DEFAULT_DURATION_MONTHS)
    if "position" not in values:
        values["position"] = (session.execute(select(func.max(Initiative.position))).scalar_one() or 0) + 1
    return AddRow("initiative", values, label=_("Add initiative"))
