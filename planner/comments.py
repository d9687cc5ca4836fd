"""Comments and their threads on an initiative, stakeholder, KPI or narrative section: reading them, and the
undoable commands that add, reply, edit, resolve, reopen and delete."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from planner.commands import AddRow, DeleteRows, UpdateRow
from planner.errors import NotFoundError, PlannerError, ValidationError
from planner.i18n import N_, _
from planner.model import ENTITY_CLASSES, Comment

# What a comment can be on, with how the messages name it (English source; shown through _()).
COMMENT_TARGETS: dict[str, str] = {
    "initiative": N_("initiative"),
    "stakeholder": N_("stakeholder"),
    "kpi": N_("KPI"),
    "narrative_section": N_("section"),
}
MAX_COMMENT_CHARACTERS = 5_000


@dataclass(frozen=True)
class CommentRow:
    """One comment as the inspector and the report show it (a reply has a parent_id)."""

    id: str
    target_kind: str
    target_id: str
    parent_id: str | None
    author: str
    body: str
    created_at: datetime | None
    resolved: bool


@dataclass(frozen=True)
class CommentThread:
    """A comment that starts a thread, and its replies oldest first; the thread is resolved or not as a whole."""

    comment: CommentRow
    replies: tuple[CommentRow, ...]

    @property
    def id(self) -> str:
        return self.comment.id

    @property
    def resolved(self) -> bool:
        return self.comment.resolved

    @property
    def size(self) -> int:
        return 1 + len(self.replies)


def _row(values: Any) -> CommentRow:
    return CommentRow(values["id"], values["target_kind"], values["target_id"], values["parent_id"],
                      values["author"] or "", values["body"] or "", values["created_at"], bool(values["resolved"]))


def _threads(rows: list[CommentRow]) -> list[CommentThread]:
    """Rows (oldest first) gathered into threads; a reply whose thread is gone is left out."""
    replies: dict[str, list[CommentRow]] = {}
    roots: list[CommentRow] = []
    by_id = {row.id: row for row in rows}
    for row in rows:
        if row.parent_id is None:
            roots.append(row)
            continue
        root = row
        seen = {row.id}
        while root.parent_id is not None and root.parent_id in by_id and root.parent_id not in seen:
            root = by_id[root.parent_id]
            seen.add(root.id)
        if root.parent_id is None:
            replies.setdefault(root.id, []).append(row)
    return [CommentThread(root, tuple(replies.get(root.id, ()))) for root in roots]


def _ordered(query: Any) -> Any:
    table = Comment.__table__
    return query.order_by(table.c.created_at, table.c.id)


def comment_threads(session: Session, target_kind: str, target_id: str) -> list[CommentThread]:
    """The threads on one item, oldest first, each with its replies oldest first."""
    table = Comment.__table__
    rows = session.execute(_ordered(select(table).where(table.c.target_kind == target_kind,
                                                        table.c.target_id == target_id))).mappings()
    return _threads([_row(values) for values in rows])


def unresolved_count(session: Session, target_kind: str, target_id: str) -> int:
    """How many threads on one item are not resolved."""
    table = Comment.__table__
    return session.execute(select(func.count()).select_from(table).where(
        table.c.target_kind == target_kind, table.c.target_id == target_id, table.c.parent_id.is_(None),
        table.c.resolved.is_(False))).scalar_one()


def all_threads(session: Session, *, unresolved_only: bool = False) -> list[CommentThread]:
    """Every thread in the plan (or every unresolved one), oldest first."""
    table = Comment.__table__
    rows = [_row(values) for values in session.execute(_ordered(select(table))).mappings()]
    threads = _threads(rows)
    return [thread for thread in threads if not (unresolved_only and thread.resolved)]


def target_label(session: Session, target_kind: str, target_id: str) -> str:
    """The name of what a comment is on ('A-01 Title', a stakeholder's or KPI's name, a section's title), or ''
    when it is gone."""
    from planner.history import row_label

    cls = ENTITY_CLASSES.get(target_kind)
    if cls is None:
        return ""
    table = cls.__table__
    row = session.execute(select(table).where(table.c.id == target_id)).mappings().first()
    return row_label(target_kind, dict(row)) if row is not None else ""


# -- commands ----------------------------------------------------------------------------------------------


def _checked_body(body: str) -> str:
    text = body.strip()
    if not text:
        raise ValidationError({"body": _("Write the comment first.")})
    if len(text) > MAX_COMMENT_CHARACTERS:
        raise ValidationError({"body": _("A comment holds at most {count} characters; this one has {length}.").format(
            count=f"{MAX_COMMENT_CHARACTERS:,}", length=f"{len(text):,}")})
    return text


def _checked_author(author: str) -> str:
    from planner.history import clean_author

    return clean_author(author)


def _comment(session: Session, comment_id: str) -> CommentRow:
    table = Comment.__table__
    values = session.execute(select(table).where(table.c.id == comment_id)).mappings().first()
    if values is None:
        raise NotFoundError(_("The comment is no longer in the plan."))
    return _row(values)


def _thread_root(session: Session, comment: CommentRow) -> CommentRow:
    seen = {comment.id}
    while comment.parent_id is not None and comment.parent_id not in seen:
        seen.add(comment.parent_id)
        comment = _comment(session, comment.parent_id)
    return comment


def add_comment_command(session: Session, target_kind: str, target_id: str, body: str, author: str) -> AddRow:
    """One undoable edit starting a thread on an item. ValidationError for an empty or too long text or a kind
    of item comments cannot go on; NotFoundError when the item is gone."""
    if target_kind not in COMMENT_TARGETS:
        raise ValidationError({"target_kind": _("Comments go on an initiative, a stakeholder, a KPI or a section.")})
    table = ENTITY_CLASSES[target_kind].__table__
    if session.execute(select(table.c.id).where(table.c.id == target_id)).first() is None:
        raise NotFoundError(_("The {kind} is no longer in the plan.").format(kind=_(COMMENT_TARGETS[target_kind])))
    return AddRow("comment", {"target_kind": target_kind, "target_id": target_id, "parent_id": None,
                              "author": _checked_author(author), "body": _checked_body(body), "resolved": False},
                  label=_("Add comment"))


def reply_command(session: Session, comment_id: str, body: str, author: str) -> AddRow:
    """One undoable edit replying in the thread of `comment_id` (a reply to a reply joins the same thread)."""
    root = _thread_root(session, _comment(session, comment_id))
    return AddRow("comment", {"target_kind": root.target_kind, "target_id": root.target_id, "parent_id": root.id,
                              "author": _checked_author(author), "body": _checked_body(body), "resolved": False},
                  label=_("Reply to comment"))


def edit_comment_command(session: Session, comment_id: str, body: str, author: str) -> UpdateRow:
    """One undoable edit changing the text of one's own comment. PlannerError for someone else's."""
    comment = _comment(session, comment_id)
    if comment.author != _checked_author(author):
        raise PlannerError(_("Only {author} can edit this comment; reply to it instead.").format(
            author=comment.author or _("(unknown)")))
    return UpdateRow("comment", comment_id, {"body": _checked_body(body)}, label=_("Edit comment"))


def set_resolved_command(session: Session, comment_id: str, resolved: bool) -> UpdateRow:
    """One undoable edit resolving (or reopening) the thread `comment_id` is in. PlannerError when it already is."""
    root = _thread_root(session, _comment(session, comment_id))
    if root.resolved == resolved:
        raise PlannerError(_("The thread is already resolved.") if resolved else _("The thread is already open."))
    label = _("Resolve comment") if resolved else _("Reopen comment")
    return UpdateRow("comment", root.id, {"resolved": resolved}, label=label)


class DeleteComment(DeleteRows):
    """DeleteRows of one comment (with its replies) under the label given (DeleteRows names only the kind)."""

    @property
    def label(self) -> str:
        return self._label or super().label


def delete_comment_command(session: Session, comment_id: str) -> DeleteComment:
    """One undoable edit deleting a comment; deleting the first comment of a thread deletes its replies too."""
    comment = _comment(session, comment_id)
    table = Comment.__table__
    replies = session.execute(select(func.count()).select_from(table).where(table.c.parent_id == comment.id)).scalar_one()
    label = _("Delete comment thread") if replies else _("Delete comment")
    return DeleteComment("comment", [comment.id], label=label)


__all__ = [
    "COMMENT_TARGETS",
    "MAX_COMMENT_CHARACTERS",
    "CommentRow",
    "CommentThread",
    "DeleteComment",
    "add_comment_command",
    "all_threads",
    "comment_threads",
    "delete_comment_command",
    "edit_comment_command",
    "reply_command",
    "set_resolved_command",
    "target_label",
    "unresolved_count",
]
