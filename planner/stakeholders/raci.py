"""The RACI matrix of initiatives × stakeholders, the rules it must follow, and the command that edits one cell."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner.commands.base import Command, CompositeCommand
from planner.commands.rows import AddRow, DeleteRows, UpdateRow
from planner.errors import NotFoundError, ValidationError
from planner.i18n import _
from planner.model import Initiative, RaciRole, Stakeholder
from planner.model.vocabulary import RACI_ROLES

# The kinds of RaciFinding, in the order they are reported for one initiative.
NO_ACCOUNTABLE = "no_accountable"
SEVERAL_ACCOUNTABLE = "several_accountable"
NO_RESPONSIBLE = "no_responsible"
LEAD_NOT_ACCOUNTABLE = "lead_not_accountable"
STAKEHOLDER_WITHOUT_ROLE = "stakeholder_without_role"
FINDING_KINDS = (NO_ACCOUNTABLE, SEVERAL_ACCOUNTABLE, NO_RESPONSIBLE, LEAD_NOT_ACCOUNTABLE, STAKEHOLDER_WITHOUT_ROLE)
# Initiatives in these statuses need no RACI (nobody is accountable for work that will not happen).
EXEMPT_STATUSES = frozenset({"cancelled"})
# The order in which roles are listed: the accountable one first.
ROLE_ORDER = {"A": 0, "R": 1, "C": 2, "I": 3}


class RaciInitiative(NamedTuple):
    """A row of the matrix."""

    id: str
    code: str
    title: str
    lead_stakeholder_id: str | None


class RaciStakeholder(NamedTuple):
    """A column of the matrix."""

    id: str
    name: str
    sector: str


@dataclass(frozen=True)
class RaciMatrix:
    """Initiatives (in plan order), stakeholders (by name) and the role of each filled cell."""

    initiatives: tuple[RaciInitiative, ...]
    stakeholders: tuple[RaciStakeholder, ...]
    cells: dict[tuple[str, str], str]  # (initiative id, stakeholder id) -> R, A, C or I

    def role(self, initiative_id: str, stakeholder_id: str) -> str | None:
        return self.cells.get((initiative_id, stakeholder_id))


@dataclass(frozen=True, slots=True)
class RaciFinding:
    """A broken RACI rule: on an initiative, or about a stakeholder (the other side None)."""

    kind: str
    initiative_id: str | None
    initiative_code: str | None
    stakeholder_id: str | None
    stakeholder_name: str | None
    message: str


def raci_matrix(session: Session) -> RaciMatrix:
    """The whole matrix, read as plain values."""
    initiative, stakeholder, raci = Initiative.__table__, Stakeholder.__table__, RaciRole.__table__
    initiatives = tuple(
        RaciInitiative(row.id, row.code, row.title, row.lead_stakeholder_id)
        for row in session.execute(
            select(initiative.c.id, initiative.c.code, initiative.c.title, initiative.c.lead_stakeholder_id)
            .order_by(initiative.c.position, initiative.c.code, initiative.c.id))
    )
    stakeholders = tuple(
        RaciStakeholder(row.id, row.name, row.sector)
        for row in session.execute(
            select(stakeholder.c.id, stakeholder.c.name, stakeholder.c.sector)
            .order_by(stakeholder.c.name, stakeholder.c.id))
    )
    cells = {
        (row.initiative_id, row.stakeholder_id): row.role
        for row in session.execute(select(raci.c.initiative_id, raci.c.stakeholder_id, raci.c.role))
    }
    return RaciMatrix(initiatives, stakeholders, cells)


def raci_findings(session: Session) -> list[RaciFinding]:
    """Every broken rule: per initiative (plan order) no A, several A, no R, a lead that is not the A;
    then every stakeholder with no role on any initiative. Cancelled initiatives are exempt.

    'Lead not accountable' is reported only when someone else holds A: with no A at all, 'no accountable'
    already says what to fix."""
    matrix = raci_matrix(session)
    exempt = set(session.execute(
        select(Initiative.__table__.c.id).where(Initiative.__table__.c.status.in_(EXEMPT_STATUSES))).scalars())
    names = {holder.id: holder.name for holder in matrix.stakeholders}
    roles: dict[str, dict[str, list[str]]] = {}
    for (initiative_id, stakeholder_id), role in matrix.cells.items():
        roles.setdefault(initiative_id, {}).setdefault(role, []).append(stakeholder_id)
    findings: list[RaciFinding] = []
    for item in matrix.initiatives:
        if item.id in exempt:
            continue
        held = roles.get(item.id, {})
        accountable = sorted(held.get("A", []), key=lambda sid: (names.get(sid, ""), sid))
        if not accountable:
            findings.append(RaciFinding(NO_ACCOUNTABLE, item.id, item.code, None, None, _(
                "{code}: nobody is accountable (A)."
            ).format(code=item.code)))
        elif len(accountable) > 1:
            findings.append(RaciFinding(SEVERAL_ACCOUNTABLE, item.id, item.code, None, None, _(
                "{code}: {count} stakeholders are accountable (A): {names}; there should be exactly one."
            ).format(code=item.code, count=len(accountable), names=", ".join(names[s] for s in accountable))))
        if not held.get("R"):
            findings.append(RaciFinding(NO_RESPONSIBLE, item.id, item.code, None, None, _(
                "{code}: nobody is responsible (R)."
            ).format(code=item.code)))
        lead = item.lead_stakeholder_id
        if lead is not None and accountable and lead not in accountable:
            findings.append(RaciFinding(LEAD_NOT_ACCOUNTABLE, item.id, item.code, lead, names.get(lead), _(
                "{code}: the lead organisation {name} is not the accountable one (A)."
            ).format(code=item.code, name=names.get(lead, lead))))
    with_role = {stakeholder_id for _initiative_id, stakeholder_id in matrix.cells}
    for holder in matrix.stakeholders:
        if holder.id not in with_role:
            findings.append(RaciFinding(STAKEHOLDER_WITHOUT_ROLE, None, None, holder.id, holder.name, _(
                "{name} has no role on any initiative."
            ).format(name=holder.name)))
    return findings


def set_raci_role_command(session: Session, initiative_id: str, stakeholder_id: str, role: str | None) -> Command:
    """One undoable command giving a stakeholder `role` (R, A, C or I) on an initiative, changing the role it
    has, or (role None or "") clearing the cell. Setting what is already there gives a command that does nothing.
    ValidationError for an unknown role, NotFoundError for an initiative or stakeholder not in the plan."""
    role = (role or "").strip().upper() or None
    if role is not None and role not in RACI_ROLES:
        raise ValidationError({"role": _("'{value}' is not a RACI role (R, A, C or I).").format(value=role)})
    initiative, stakeholder, raci = Initiative.__table__, Stakeholder.__table__, RaciRole.__table__
    code = session.execute(select(initiative.c.code).where(initiative.c.id == initiative_id)).scalar_one_or_none()
    if code is None:
        raise NotFoundError(_("The initiative is no longer in the plan."))
    name = session.execute(select(stakeholder.c.name).where(stakeholder.c.id == stakeholder_id)).scalar_one_or_none()
    if name is None:
        raise NotFoundError(_("The stakeholder is no longer in the plan."))
    existing = session.execute(
        select(raci.c.id, raci.c.role).where(raci.c.initiative_id == initiative_id, raci.c.stakeholder_id == stakeholder_id)
    ).first()
    if role is None:
        label = _("Clear the role of {name} on {code}").format(name=name, code=code)
        if existing is None:
            return CompositeCommand(label, [])
        return DeleteRows("raci_role", [existing.id], label=label)
    label = _("Make {name} {role} on {code}").format(name=name, role=role, code=code)
    if existing is None:
        return AddRow("raci_role", {"initiative_id": initiative_id, "stakeholder_id": stakeholder_id, "role": role},
                      label=label)
    if existing.role == role:
        return CompositeCommand(label, [])
    return UpdateRow("raci_role", existing.id, {"role": role}, label=label)


def role_sort_key(role: str) -> int:
    """A, R, C, I in that order (anything else last)."""
    return ROLE_ORDER.get(role, len(ROLE_ORDER))
