"""What links stakeholders and initiatives: the stakeholders of one initiative, the initiatives of one stakeholder."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner.errors import NotFoundError
from planner.i18n import _
from planner.model import Initiative, RaciRole, Stakeholder
from planner.schedule import schedule_plan
from planner.stakeholders.raci import role_sort_key


@dataclass(frozen=True, slots=True)
class LinkedStakeholder:
    """A stakeholder with a RACI role on an initiative, and how to reach them."""

    id: str
    name: str
    organisation: str
    sector: str
    role: str
    contact: str


@dataclass(frozen=True, slots=True)
class LinkedInitiative:
    """An initiative a stakeholder has a RACI role on, where the schedule puts it (month indices)."""

    id: str
    code: str
    title: str
    role: str
    start: int  # early start
    finish: int  # the last month worked (a milestone: its own month)
    critical: bool
    total_float: int


def _exists(session: Session, table: object, row_id: str) -> bool:
    return session.execute(select(table.c.id).where(table.c.id == row_id)).first() is not None  # type: ignore[attr-defined]


def initiative_stakeholders(session: Session, initiative_id: str) -> list[LinkedStakeholder]:
    """The stakeholders with a role on the initiative: A first, then R, C and I, each by name.
    NotFoundError when the initiative is not in the plan."""
    if not _exists(session, Initiative.__table__, initiative_id):
        raise NotFoundError(_("The initiative is no longer in the plan."))
    stakeholder, raci = Stakeholder.__table__, RaciRole.__table__
    rows = session.execute(
        select(stakeholder.c.id, stakeholder.c.name, stakeholder.c.organisation, stakeholder.c.sector, raci.c.role,
               stakeholder.c.contact)
        .join(stakeholder, stakeholder.c.id == raci.c.stakeholder_id)
        .where(raci.c.initiative_id == initiative_id)
    ).all()
    linked = [LinkedStakeholder(*row) for row in rows]
    return sorted(linked, key=lambda item: (role_sort_key(item.role), item.name, item.id))


def stakeholder_initiatives(session: Session, stakeholder_id: str) -> list[LinkedInitiative]:
    """The initiatives the stakeholder has a role on, by scheduled start then code, with their criticality.
    NotFoundError when the stakeholder is not in the plan."""
    if not _exists(session, Stakeholder.__table__, stakeholder_id):
        raise NotFoundError(_("The stakeholder is no longer in the plan."))
    raci = RaciRole.__table__
    roles = dict(session.execute(
        select(raci.c.initiative_id, raci.c.role).where(raci.c.stakeholder_id == stakeholder_id)).all())
    if not roles:
        return []
    scheduled = schedule_plan(session).by_id
    linked = [
        LinkedInitiative(item.id, item.code, item.title, roles[item.id], item.es, item.display_early_finish,
                         item.critical, item.total_float)
        for initiative_id in roles
        if (item := scheduled.get(initiative_id)) is not None
    ]
    return sorted(linked, key=lambda item: (item.start, item.code, item.id))
