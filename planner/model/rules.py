"""Rules a row must satisfy before a command writes it; broken rules raise ValidationError."""

from __future__ import annotations

from collections import deque
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from planner.errors import CycleError, ValidationError
from planner.i18n import _
from planner.model import ENTITY_CLASSES
from planner.model.attributes import ATTRIBUTES
from planner.model.vocabulary import CHECKLIST_ITEMS

# Columns whose value must be unique within the plan, per kind.
UNIQUE_FIELDS: dict[str, tuple[str, ...]] = {
    "initiative": ("code",),
    "field": ("code",),
    "strategy": ("code",),
    "narrative_section": ("key",),
    "baseline": ("name",),
    "stakeholder_snapshot": ("name",),
    "workshop_round": ("name",),
    "network_position": ("stakeholder_id",),
    "workshop_rating": ("initiative_id",),
}
# Groups of columns that together must be unique, with the message shown when they are not.
UNIQUE_TOGETHER: dict[str, tuple[tuple[str, ...], str]] = {
    "dependency": (("predecessor_id", "successor_id"), "These two initiatives are already linked."),
    "raci_role": (("stakeholder_id", "initiative_id"), "This stakeholder already has a role on this initiative."),
    "budget_line": (("initiative_id", "fiscal_year", "source"),
                    "There is already a budget line for this initiative, year and source."),
    "kpi_target": (("kpi_id", "year"), "This KPI already has a target for that year."),
    "checklist_answer": (("initiative_id", "checklist", "item_key"), "This checklist item is already answered."),
    "stakeholder_snapshot_item": (("snapshot_id", "stakeholder_id"),
                                  "This snapshot already holds this stakeholder."),
    "workshop_round_item": (("round_id", "initiative_id"), "This round already holds this initiative."),
}


def problems_of(session: Session, kind: str, row: dict[str, Any], row_id: str | None) -> dict[str, str]:
    """Every rule `row` (the complete new values) breaks, by field name; empty when it is sound."""
    problems: dict[str, str] = {}
    table = ENTITY_CLASSES[kind].__table__
    for spec in ATTRIBUTES.get(kind, ()):
        if spec.name in row or spec.required:  # a required field left out counts as empty
            problem = spec.problem(row.get(spec.name))
            if problem:
                problems[spec.name] = problem
    for name in UNIQUE_FIELDS.get(kind, ()):
        value = row.get(name)
        if name in problems or value in (None, ""):
            continue
        query = select(func.count()).select_from(table).where(table.c[name] == value)
        if row_id is not None:
            query = query.where(table.c.id != row_id)
        if session.execute(query).scalar_one():
            problems[name] = _("'{value}' is already used by another item.").format(value=value)
    if kind in UNIQUE_TOGETHER:
        columns, message = UNIQUE_TOGETHER[kind]
        if all(row.get(c) is not None for c in columns):
            query = select(func.count()).select_from(table).where(and_(*(table.c[c] == row[c] for c in columns)))
            if row_id is not None:
                query = query.where(table.c.id != row_id)
            if session.execute(query).scalar_one():
                problems[columns[-1]] = _(message)
    if kind == "plan" and not problems and row.get("end_year", 0) < row.get("start_year", 0):
        problems["end_year"] = _("The last year comes before the first year.")
    if kind == "dependency" and row.get("predecessor_id") and row.get("predecessor_id") == row.get("successor_id"):
        problems["successor_id"] = _("An initiative cannot depend on itself.")
    if kind == "stakeholder_relation" and row.get("source_id") and row.get("source_id") == row.get("target_id"):
        problems["target_id"] = _("A stakeholder cannot be related to itself.")
    if kind == "checklist_answer" and row.get("checklist") in CHECKLIST_ITEMS and \
            row.get("item_key") not in CHECKLIST_ITEMS[row["checklist"]]:
        problems["item_key"] = _("'{value}' is not an item of this checklist.").format(value=row.get("item_key"))
    if kind == "initiative" and row.get("actual_start") and row.get("actual_finish") and \
            row["actual_finish"] < row["actual_start"]:
        problems["actual_finish"] = _("The actual finish comes before the actual start.")
    for name, problem in _dangling_references(session, kind, row).items():
        problems.setdefault(name, problem)
    if kind == "dependency" and not problems:
        cycle = find_cycle_through(session, row["predecessor_id"], row["successor_id"], row_id)
        if cycle:
            problems["successor_id"] = _("This link would close a cycle: {cycle}.").format(cycle=" → ".join(cycle))
    return problems


def find_cycle_through(session: Session, predecessor_id: str, successor_id: str, ignore_id: str | None) -> list[str]:
    """The initiative codes of the cycle a new link predecessor → successor would close, in order
    (first and last the same), or [] when it closes none. `ignore_id` is the link being edited."""
    table = ENTITY_CLASSES["dependency"].__table__
    query = select(table.c.predecessor_id, table.c.successor_id)
    if ignore_id is not None:
        query = query.where(table.c.id != ignore_id)
    successors: dict[str, list[str]] = {}
    for before, after in session.execute(query):
        successors.setdefault(before, []).append(after)
    came_from: dict[str, str] = {successor_id: ""}
    frontier = deque([successor_id])
    while frontier:
        node = frontier.popleft()
        if node == predecessor_id:
            path = [node]
            while came_from[path[-1]]:
                path.append(came_from[path[-1]])
            ids = [predecessor_id, *reversed(path)]
            initiative = ENTITY_CLASSES["initiative"].__table__
            codes = dict(session.execute(select(initiative.c.id, initiative.c.code).where(initiative.c.id.in_(ids))).all())
            return [codes.get(i, i) for i in ids]
        for nxt in successors.get(node, ()):
            if nxt not in came_from:
                came_from[nxt] = node
                frontier.append(nxt)
    return []


def _dangling_references(session: Session, kind: str, row: dict[str, Any]) -> dict[str, str]:
    problems: dict[str, str] = {}
    if kind == "comment" and row.get("parent_id"):
        comments = ENTITY_CLASSES["comment"].__table__
        if not session.execute(select(func.count()).select_from(comments).where(comments.c.id == row["parent_id"])).scalar_one():
            problems["parent_id"] = _("The comment this replies to is not in the plan.")
    for spec in ATTRIBUTES.get(kind, ()):
        if spec.kind != "ref" or not row.get(spec.name):
            continue
        target = ENTITY_CLASSES[spec.ref_kind or ""].__table__
        found = session.execute(select(func.count()).select_from(target).where(target.c.id == row[spec.name]))
        if not found.scalar_one():
            problems[spec.name] = _("{field} refers to an item that is not in the plan.").format(field=_(spec.label))
    return problems


def check_row(session: Session, kind: str, row: dict[str, Any], row_id: str | None) -> None:
    problems = problems_of(session, kind, row, row_id)
    if not problems:
        return
    if kind == "dependency" and row.get("predecessor_id") and row.get("successor_id"):
        cycle = find_cycle_through(session, row["predecessor_id"], row["successor_id"], row_id)
        if cycle:
            raise CycleError(problems, cycle)
    raise ValidationError(problems)
