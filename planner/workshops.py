"""Live workshop capture: dot votes, impact × feasibility, the five scores, sticky notes, quick adds and rounds."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from planner.commands.base import Changes, Command
from planner.commands.initiatives import add_initiative_command
from planner.commands.rows import AddRow, DeleteRows, UpdateRow
from planner.errors import NotFoundError, ValidationError
from planner.i18n import N_, _
from planner.model import (
    Field,
    Initiative,
    Stakeholder,
    StickyNote,
    WorkshopRating,
    WorkshopRound,
    WorkshopRoundItem,
    new_id,
    utc_now,
)
from planner.model import vocabulary as v
from planner.model.attributes import attribute
from planner.stakeholders.register import DEFAULTS as STAKEHOLDER_DEFAULTS
from planner.stakeholders.register import add_stakeholders_command

# How a workshop ranks initiatives (English source; shown through _()).
#   dots:   most votes first;
#   matrix: highest impact × feasibility first, then higher impact; unrated (either missing) last;
#   scores: highest sum of the five prioritisation scores first (a missing score counts 0).
# Ties are broken by the initiative's code, so every ranking is a strict order and ranks are 1, 2, 3, ...
METHODS: dict[str, str] = {
    "dots": N_("Dot voting"),
    "matrix": N_("Impact × feasibility"),
    "scores": N_("Prioritisation scores"),
}
# The five prioritisation scores of an initiative (DOMAIN.md), in the order they are shown.
SCORE_NAMES: tuple[str, ...] = ("score_urgency", "score_policy_fit", "score_feasibility", "score_effect",
                                "score_technical")
SCORE_LABELS: dict[str, str] = {
    "score_urgency": N_("Urgency"), "score_policy_fit": N_("Policy fit"), "score_feasibility": N_("Feasibility"),
    "score_effect": N_("Effect"), "score_technical": N_("Technical feasibility"),
}
# Sticky note colours (English source labels).
STICKY_COLOURS: dict[str, str] = {
    "yellow": N_("Yellow"), "pink": N_("Pink"), "green": N_("Green"), "blue": N_("Blue"), "orange": N_("Orange"),
}
STICKY_TARGETS: dict[str, str] = {"initiative": N_("Initiative"), "stakeholder": N_("Stakeholder")}
# Kinds whose change alters what rating_rows returns.
RATING_KINDS = frozenset({"workshop_rating", "initiative", "field", "sticky_note"})
ROUND_KINDS = ("workshop_round", "workshop_round_item")
MAX_VOTES = 999


def _check_method(method: str) -> None:
    if method not in METHODS:
        raise ValidationError({"method": _("'{value}' is not a workshop method.").format(value=method)})


def method_value(method: str, votes: int, impact: int | None, feasibility: int | None,
                 scores: Sequence[int | None]) -> int | None:
    """The number a method ranks by: votes, impact × feasibility (None unless both are rated), or the sum of
    the five scores (None when none is given)."""
    if method == "dots":
        return votes
    if method == "matrix":
        return impact * feasibility if impact is not None and feasibility is not None else None
    given = [score for score in scores if score is not None]
    return sum(given) if given else None


def _ranking_key(method: str, code: str, votes: int, impact: int | None, feasibility: int | None,
                 scores: Sequence[int | None]) -> tuple[Any, ...]:
    value = method_value(method, votes, impact, feasibility, scores)
    if method == "matrix":
        return (value is None, -(value or 0), -(impact or 0), code)
    return (-(value or 0), code)


@dataclass(frozen=True, slots=True)
class RatingRow:
    """One initiative as the workshop sees it now. `id` is the initiative's id; `rank` is 1 for the first."""

    id: str
    code: str
    title: str
    field_id: str | None
    field_code: str
    field_name: str
    votes: int
    impact: int | None
    feasibility: int | None
    scores: tuple[int | None, ...]  # in SCORE_NAMES order
    note_count: int
    rank: int = 0

    def value(self, method: str) -> int | None:
        return method_value(method, self.votes, self.impact, self.feasibility, self.scores)

    def score(self, score_name: str) -> int | None:
        return self.scores[SCORE_NAMES.index(score_name)]


def rating_rows(session: Session, method: str = "dots", field_id: str | None = None) -> list[RatingRow]:
    """Every initiative (or one field's) with its votes, impact, feasibility, five scores and sticky-note count,
    in ranking order of `method` (see METHODS), ranked 1, 2, 3, ... among the rows returned."""
    _check_method(method)
    initiative, rating, field = Initiative.__table__, WorkshopRating.__table__, Field.__table__
    notes = dict(session.execute(
        select(StickyNote.target_id, func.count()).where(StickyNote.target_kind == "initiative")
        .group_by(StickyNote.target_id)).all())
    query = (
        select(initiative.c.id, initiative.c.code, initiative.c.title, initiative.c.field_id,
               field.c.code.label("field_code"), field.c.name.label("field_name"),
               rating.c.votes, rating.c.impact, rating.c.feasibility,
               *(initiative.c[name] for name in SCORE_NAMES))
        .outerjoin(rating, rating.c.initiative_id == initiative.c.id)
        .outerjoin(field, field.c.id == initiative.c.field_id)
    )
    if field_id is not None:
        query = query.where(initiative.c.field_id == field_id)
    rows = [
        RatingRow(row.id, row.code or "", row.title or "", row.field_id, row.field_code or "", row.field_name or "",
                  row.votes or 0, row.impact, row.feasibility, tuple(row._mapping[name] for name in SCORE_NAMES),
                  int(notes.get(row.id, 0)))
        for row in session.execute(query)
    ]
    rows.sort(key=lambda r: _ranking_key(method, r.code, r.votes, r.impact, r.feasibility, r.scores))
    return [replace(row, rank=n) for n, row in enumerate(rows, start=1)]


# -- rating commands -------------------------------------------------------------------------------------------


def _initiative(session: Session, initiative_id: str) -> tuple[str, str]:
    found = session.execute(select(Initiative.code, Initiative.title).where(Initiative.id == initiative_id)).first()
    if found is None:
        raise NotFoundError(_("The initiative is no longer in the plan."))
    return found[0] or "", found[1] or ""


def _rating(session: Session, initiative_id: str) -> dict[str, Any] | None:
    table = WorkshopRating.__table__
    row = session.execute(select(table).where(table.c.initiative_id == initiative_id)).mappings().first()
    return dict(row) if row else None


def add_vote_command(session: Session, initiative_id: str, delta: int) -> Command:
    """One undoable edit adding `delta` dot votes (negative: taking them away) to an initiative, creating its
    rating when it has none. ValidationError when the votes would go below 0 or above 999 or delta is 0."""
    code, _title = _initiative(session, initiative_id)
    current = _rating(session, initiative_id)
    votes = (current or {}).get("votes") or 0
    new_votes = votes + delta
    if delta == 0:
        raise ValidationError({"votes": _("A vote change must add or remove at least one vote.")})
    if new_votes < 0:
        raise ValidationError({"votes": _("'{code}' has no votes to take away.").format(code=code)})
    if new_votes > MAX_VOTES:
        raise ValidationError({"votes": _("'{code}' cannot have more than {count} votes.").format(
            code=code, count=MAX_VOTES)})
    label = (_("Add a vote to '{code}'") if delta > 0 else _("Take a vote from '{code}'")).format(code=code)
    if current is None:
        return AddRow("workshop_rating", {"initiative_id": initiative_id, "votes": new_votes}, label=label)
    return UpdateRow("workshop_rating", current["id"], {"votes": new_votes}, label=label)


_UNSET: Any = object()


def _score_problem(value: Any, label: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        return _("{field} must be a whole number from 1 to 5.").format(field=_(label))
    return None


def set_rating_command(session: Session, initiative_id: str, *, impact: int | None = _UNSET,
                       feasibility: int | None = _UNSET) -> Command:
    """One undoable edit setting an initiative's impact and/or feasibility (1-5, or None to clear), creating its
    rating when it has none. ValidationError for a value outside 1-5 or when neither is given."""
    code, _title = _initiative(session, initiative_id)
    values = {name: value for name, value in (("impact", impact), ("feasibility", feasibility))
              if value is not _UNSET}
    if not values:
        raise ValidationError({"impact": _("Give an impact or a feasibility to set.")})
    problems = {name: problem for name, value in values.items()
                if (problem := _score_problem(value, attribute("workshop_rating", name).label))}
    if problems:
        raise ValidationError(problems)
    if set(values) == {"impact"}:
        label = _("Set the impact of '{code}'").format(code=code)
    elif set(values) == {"feasibility"}:
        label = _("Set the feasibility of '{code}'").format(code=code)
    else:
        label = _("Rate '{code}'").format(code=code)
    current = _rating(session, initiative_id)
    if current is None:
        return AddRow("workshop_rating", {"initiative_id": initiative_id, "votes": 0, **values}, label=label)
    return UpdateRow("workshop_rating", current["id"], values, label=label)


def set_score_command(session: Session, initiative_id: str, score_name: str, value: int | None) -> Command:
    """One undoable edit setting one of the five prioritisation scores (SCORE_NAMES) of an initiative (1-5, or
    None to clear). ValidationError for an unknown score or a value outside 1-5."""
    code, _title = _initiative(session, initiative_id)
    if score_name not in SCORE_LABELS:
        raise ValidationError({"score": _("'{value}' is not a prioritisation score.").format(value=score_name)})
    problem = _score_problem(value, SCORE_LABELS[score_name])
    if problem:
        raise ValidationError({score_name: problem})
    label = _("Set {score} of '{code}'").format(score=_(SCORE_LABELS[score_name]), code=code)
    return UpdateRow("initiative", initiative_id, {score_name: value}, label=label)


def clear_ratings_command(session: Session) -> Command:
    """One undoable edit deleting every live rating (votes, impact, feasibility) to start a new round. The five
    prioritisation scores belong to the initiatives and stay. ValidationError when there is nothing to clear."""
    ids = list(session.execute(select(WorkshopRating.id)).scalars())
    if not ids:
        raise ValidationError({"votes": _("There are no workshop ratings to clear.")})
    return DeleteRows("workshop_rating", ids, label=_("Clear the workshop ratings"))


# -- sticky notes and quick adds ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StickyNoteRow:
    """One sticky note as a list shows it."""

    id: str
    target_kind: str
    target_id: str
    text: str
    colour: str
    author: str
    created_at: datetime


def add_sticky_note_command(session: Session, target_kind: str, target_id: str, text: str,
                            colour: str = "yellow", author: str = "") -> AddRow:
    """One undoable edit putting a sticky note on an initiative or a stakeholder. ValidationError for an empty
    text, an unknown colour or kind; NotFoundError when the target is gone."""
    if target_kind not in STICKY_TARGETS:
        raise ValidationError({"target_kind": _("A sticky note goes on an initiative or a stakeholder.")})
    table = (Initiative if target_kind == "initiative" else Stakeholder).__table__
    if session.execute(select(table.c.id).where(table.c.id == target_id)).first() is None:
        raise NotFoundError(_("The {kind} is no longer in the plan.").format(kind=_(STICKY_TARGETS[target_kind])))
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Write something on the sticky note.")})
    if colour not in STICKY_COLOURS:
        raise ValidationError({"colour": _("'{value}' is not a sticky note colour.").format(value=colour)})
    author = author.strip()
    if len(author) > 100:
        raise ValidationError({"author": _("The author's name is longer than {count} characters.").format(count=100)})
    return AddRow("sticky_note", {"target_kind": target_kind, "target_id": target_id, "text": text,
                                  "colour": colour, "author": author}, label=_("Add sticky note"))


def sticky_notes(session: Session, target_kind: str, target_id: str) -> list[StickyNoteRow]:
    """The sticky notes on one initiative or stakeholder, oldest first."""
    table = StickyNote.__table__
    rows = session.execute(
        select(table).where(table.c.target_kind == target_kind, table.c.target_id == target_id)
        .order_by(table.c.created_at, table.c.id)).mappings()
    return [StickyNoteRow(r["id"], r["target_kind"], r["target_id"], r["text"], r["colour"], r["author"] or "",
                          r["created_at"]) for r in rows]


def quick_add_initiative_command(session: Session, title: str, field_id: str | None = None) -> AddRow:
    """One undoable edit adding an initiative with only a title (and optionally a field): the next free code of
    the field, the plan's first January, twelve months (planner.commands.add_initiative_command). The new id is
    `command.row_id`. ValidationError for an empty or too long title; NotFoundError for an unknown field."""
    title = title.strip()
    problem = attribute("initiative", "title").problem(title) if title else \
        _("{field} is required.").format(field=_(attribute("initiative", "title").label))
    if problem:
        raise ValidationError({"title": problem})
    if field_id is not None and session.execute(select(Field.id).where(Field.id == field_id)).first() is None:
        raise NotFoundError(_("The field is no longer in the plan."))
    command = add_initiative_command(session, title=title, field_id=field_id)
    return AddRow("initiative", command.values, label=_("Add initiative '{title}'").format(title=title))


def quick_add_stakeholder_command(session: Session, name: str, sector: str = "civil_society") -> Command:
    """One undoable edit adding a stakeholder with only a name and a sector (the register's defaults for the
    rest). The new id is `added_row_id(command)`. ValidationError for an empty name or an unknown sector."""
    name = name.strip()
    problem = attribute("stakeholder", "name").problem(name) if name else \
        _("{field} is required.").format(field=_(attribute("stakeholder", "name").label))
    if problem:
        raise ValidationError({"name": problem})
    if sector not in v.SECTORS:
        raise ValidationError({"sector": _("'{value}' is not one of the allowed values.").format(value=sector)})
    return add_stakeholders_command(session, [{**STAKEHOLDER_DEFAULTS, "name": name, "sector": sector}])


def added_row_id(command: Command) -> str:
    """The id of the row a quick add creates (an AddRow, or a composite holding one)."""
    if isinstance(command, AddRow):
        return command.row_id
    inner = getattr(command, "commands", [])
    if len(inner) == 1 and isinstance(inner[0], AddRow):
        return inner[0].row_id
    raise ValueError("not a single-row add")


# -- rounds --------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RoundSummary:
    """One saved workshop round, as a list shows it."""

    id: str
    name: str
    created_at: datetime
    note: str
    count: int


def _round_name_problem(session: Session, name: str, round_id: str | None = None) -> str | None:
    if not name:
        return _("Give the round a name.")
    problem = attribute("workshop_round", "name").problem(name)
    if problem:
        return problem
    table = WorkshopRound.__table__
    query = select(func.count()).select_from(table).where(table.c.name == name)
    if round_id is not None:
        query = query.where(table.c.id != round_id)
    if session.execute(query).scalar_one():
        return _("There is already a workshop round named '{name}'.").format(name=name)
    return None


class SaveRound(Command):
    """Save the live ratings and the five scores of every initiative as a named round; undo removes it. The
    values are captured on the first apply and kept, so redo recreates the very same round."""

    def __init__(self, name: str, note: str = "") -> None:
        self.name = name
        self.note = note
        self.round_id = new_id()
        self._rows: dict[str, list[dict[str, Any]]] | None = None

    @property
    def label(self) -> str:
        return _("Save workshop round '{name}'").format(name=self.name)

    def _capture(self, session: Session) -> dict[str, list[dict[str, Any]]]:
        now = utc_now()
        items = [
            {"id": new_id(), "modified_at": now, "round_id": self.round_id, "initiative_id": row.id,
             "code": row.code, "title": row.title[:300], "votes": row.votes, "impact": row.impact,
             "feasibility": row.feasibility, **dict(zip(SCORE_NAMES, row.scores, strict=True))}
            for row in sorted(rating_rows(session), key=lambda r: r.id)
        ]
        saved = [{"id": self.round_id, "modified_at": now, "name": self.name, "created_at": now, "note": self.note}]
        return {"workshop_round": saved, "workshop_round_item": items}

    def apply(self, session: Session) -> Changes:
        problem = _round_name_problem(session, self.name, self.round_id)
        if problem:
            raise ValidationError({"name": problem})
        if self._rows is None:
            self._rows = self._capture(session)
        for kind, table in zip(ROUND_KINDS, (WorkshopRound.__table__, WorkshopRoundItem.__table__), strict=True):
            if self._rows[kind]:
                session.execute(insert(table), self._rows[kind])
        return self._changes()

    def revert(self, session: Session) -> Changes:
        item, saved = WorkshopRoundItem.__table__, WorkshopRound.__table__
        session.execute(delete(item).where(item.c.round_id == self.round_id))
        session.execute(delete(saved).where(saved.c.id == self.round_id))
        return self._changes()

    def _changes(self) -> Changes:
        ids = [row["id"] for rows in (self._rows or {}).values() for row in rows]
        return Changes(frozenset(ROUND_KINDS), frozenset(ids) | {self.round_id})


def save_round_command(session: Session, name: str, note: str = "") -> SaveRound:
    """One undoable command saving every initiative's votes, impact, feasibility and five scores as the round
    `name` (trimmed); its id is `command.round_id`. ValidationError at once for an empty, too long or taken name."""
    name = name.strip()
    problem = _round_name_problem(session, name)
    if problem:
        raise ValidationError({"name": problem})
    return SaveRound(name, note)


def delete_round_command(session: Session, round_id: str) -> DeleteRows:
    """One undoable edit deleting a saved round and everything it holds. NotFoundError when it is gone."""
    name = session.execute(select(WorkshopRound.name).where(WorkshopRound.id == round_id)).scalar_one_or_none()
    if name is None:
        raise NotFoundError(_("The workshop round is no longer in the plan."))
    return DeleteRows("workshop_round", [round_id], label=_("Delete workshop round '{name}'").format(name=name))


def round_list(session: Session) -> list[RoundSummary]:
    """Every saved round, oldest first, with how many initiatives it holds."""
    saved, item = WorkshopRound.__table__, WorkshopRoundItem.__table__
    rows = session.execute(
        select(saved.c.id, saved.c.name, saved.c.created_at, saved.c.note, func.count(item.c.id))
        .outerjoin(item, item.c.round_id == saved.c.id)
        .group_by(saved.c.id)
        .order_by(saved.c.created_at, saved.c.name)
    )
    return [RoundSummary(row[0], row[1], row[2], row[3] or "", int(row[4])) for row in rows]


def default_round_name(session: Session) -> str:
    """A free name for the next round: 'Round 1', 'Round 2', ... (translated)."""
    taken = {summary.name for summary in round_list(session)}
    number = len(taken) + 1
    while _("Round {number}").format(number=number) in taken:
        number += 1
    return _("Round {number}").format(number=number)


@dataclass(frozen=True, slots=True)
class RoundChange:
    """One initiative across two rounds. first_*/second_* are None where the round did not hold it
    (appeared: only in the second; disappeared: only in the first). rank_change > 0: moved up."""

    initiative_id: str
    code: str
    title: str
    first_value: int | None
    second_value: int | None
    first_rank: int | None
    second_rank: int | None

    @property
    def appeared(self) -> bool:
        return self.first_rank is None

    @property
    def disappeared(self) -> bool:
        return self.second_rank is None

    @property
    def change(self) -> int | None:
        if self.first_value is None or self.second_value is None:
            return None
        return self.second_value - self.first_value

    @property
    def rank_change(self) -> int | None:
        if self.first_rank is None or self.second_rank is None:
            return None
        return self.first_rank - self.second_rank

    @property
    def moved(self) -> bool:
        """Anything differs: rank, value, or present in only one round."""
        return self.appeared or self.disappeared or bool(self.rank_change) or self.first_value != self.second_value


@dataclass(frozen=True, slots=True)
class RoundComparison:
    """Two rounds compared by one method: every initiative of either, in the second round's ranking order, then
    the ones only the first held (by their first rank)."""

    first: RoundSummary
    second: RoundSummary
    method: str
    changes: list[RoundChange]

    @property
    def moved(self) -> list[RoundChange]:
        return [change for change in self.changes if change.moved]


def _round_ranking(session: Session, round_id: str, method: str) -> dict[str, tuple[int, int | None, str, str]]:
    """initiative id → (rank, value, code, title) of one round."""
    item = WorkshopRoundItem.__table__
    rows = list(session.execute(select(item).where(item.c.round_id == round_id)).mappings())

    def key(row: Any) -> tuple[Any, ...]:
        return _ranking_key(method, row["code"] or "", row["votes"] or 0, row["impact"], row["feasibility"],
                            [row[name] for name in SCORE_NAMES])

    rows.sort(key=key)
    return {
        row["initiative_id"]: (n, method_value(method, row["votes"] or 0, row["impact"], row["feasibility"],
                                               [row[name] for name in SCORE_NAMES]), row["code"] or "",
                               row["title"] or "")
        for n, row in enumerate(rows, start=1)
    }


def compare_rounds(session: Session, first_id: str, second_id: str, method: str = "dots") -> RoundComparison:
    """How the ranking by `method` changed from round `first_id` to round `second_id`: each initiative's value
    and rank in both, what appeared and disappeared. Initiatives deleted since still compare (rounds keep code
    and title). NotFoundError for an unknown round; ValidationError for an unknown method."""
    _check_method(method)
    summaries = {summary.id: summary for summary in round_list(session)}
    for round_id in (first_id, second_id):
        if round_id not in summaries:
            raise NotFoundError(_("The workshop round is no longer in the plan."))
    first, second = _round_ranking(session, first_id, method), _round_ranking(session, second_id, method)
    changes: list[RoundChange] = []
    for initiative_id, (rank, value, code, title) in sorted(second.items(), key=lambda item: item[1][0]):
        before = first.get(initiative_id)
        changes.append(RoundChange(initiative_id, code, title, before[1] if before else None, value,
                                   before[0] if before else None, rank))
    for initiative_id, (rank, value, code, title) in sorted(first.items(), key=lambda item: item[1][0]):
        if initiative_id not in second:
            changes.append(RoundChange(initiative_id, code, title, value, None, rank, None))
    return RoundComparison(summaries[first_id], summaries[second_id], method, changes)


def method_label(method: str) -> str:
    """The translated name of a method."""
    return _(METHODS[method])

