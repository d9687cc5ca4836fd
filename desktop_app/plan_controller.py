"""The open plan as the GUI sees it: the document, one undo stack, the shared selection, change broadcasts."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from desktop_app import settings
from desktop_app.widgets.busy import busy, is_large
from planner.commands import Command
from planner.commands.base import Changes
from planner.errors import PlannerError
from planner.i18n import _
from planner.queries import count_rows
from planner.storage import PlanDocument

if TYPE_CHECKING:
    from planner.team.document import TeamDocument

T = TypeVar("T")


class PlanUndoCommand(QUndoCommand):
    """Wraps one planner command: redo() applies it, undo() reverts it, each broadcasting its Changes (and each
    recorded in the plan's history under the user's name)."""

    def __init__(self, controller: PlanController, command: Command, initiator: object | None,
                 applied: Changes | None = None) -> None:
        super().__init__(command.label)
        self._controller = controller
        self.command = command
        self._initiator = initiator
        self._applied_before = False
        self._applied = applied  # a team plan's edit, already committed before it was pushed

    def redo(self) -> None:
        self._controller.refresh_author()
        if self._applied is not None:
            changes, self._applied = self._applied, None
            self._applied_before = True
            self._controller.plan_changed.emit(changes, self._initiator)
            return
        with self._controller.reporting_refusals(), self._controller.busy_updating():
            changes = self._controller.document.apply(self.command, redo=self._applied_before)
            self._applied_before = True
            self._controller.plan_changed.emit(changes, self._initiator)

    def undo(self) -> None:
        self._controller.refresh_author()
        with self._controller.reporting_refusals(), self._controller.busy_updating():
            changes = self._controller.document.revert(self.command)
            self._controller.plan_changed.emit(changes, None)


class PlanController(QObject):
    """Owns one PlanDocument and its QUndoStack. Every edit goes through execute(); views listen to
    plan_changed(Changes, initiator) and selection_changed(kind, ids)."""

    plan_changed = Signal(object, object)  # Changes, initiator (the object that made the edit, or None)
    selection_changed = Signal(str, object)  # kind ("initiative", "stakeholder", "plan", ...), list of ids
    document_replaced = Signal()  # after revert_to_saved / save_as: views reload everything
    edit_refused = Signal(str)  # an undo or redo of a team plan the server refused (the message)

    def __init__(self, document: PlanDocument | TeamDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.undo_stack = QUndoStack(self)
        self.selection_kind = "plan"
        self.selection_ids: list[str] = []
        self._row_count: int | None = None  # initiatives + stakeholders, until they change
        self.plan_changed.connect(self._on_plan_changed)  # first: the count is fresh before views ask for it
        self.document_replaced.connect(self._forget_row_count)
        self.refresh_author()

    # -- size -------------------------------------------------------------------------------------------

    def row_count(self) -> int:
        """Initiatives plus stakeholders in the plan: how much work rebuilding a view is."""
        if self._row_count is None:
            try:
                self._row_count = self.read(lambda session: count_rows(session, "initiative")
                                            + count_rows(session, "stakeholder"))
            except (PlannerError, SQLAlchemyError, OSError):  # a lost server: the edit itself will say so
                return 0
        return self._row_count

    def is_large(self) -> bool:
        """Whether rebuilding a view of this plan takes long enough to show the busy indicator."""
        return is_large(self.row_count())

    @contextmanager
    def busy_updating(self) -> Iterator[None]:
        """Around an edit, undo or redo of a large plan: the views refresh under the busy indicator."""
        with busy(self.parent() if isinstance(self.parent(), QWidget) else None,  # type: ignore[arg-type]
                  _("Updating the views…"), show=self.is_large(), settle=False):
            yield

    def _on_plan_changed(self, changes: Changes, _initiator: object) -> None:
        if changes.touches("initiative", "stakeholder"):
            self._row_count = None

    def _forget_row_count(self) -> None:
        self._row_count = None

    # -- editing ----------------------------------------------------------------------------------------

    def refresh_author(self) -> None:
        """Name the user as Preferences does (the OS login name when no name is set) for the next edits."""
        self.document.author = settings.user_name()

    @property
    def author(self) -> str:
        """Who the next edit is recorded for (and who new comments are by)."""
        self.refresh_author()
        return self.document.author

    def execute(self, command: Command, initiator: object | None = None) -> None:
        """Apply `command` as one undo entry. A refused edit raises its PlannerError and leaves the stack,
        the plan and the views as they were."""
        if getattr(self.document, "saves_every_edit", False):
            # A team plan: commit first (a refused edit rolls back, so no dry run is needed), so a stale edit or
            # a lost server is handled here (the user already answered; the views show the plan as it is), and
            # only a committed edit enters the undo stack.
            self.refresh_author()
            try:
                changes = self.document.apply(command)
            except PlannerError as error:
                if not getattr(error, "already_reported", False):
                    raise
                self.plan_changed.emit(Changes(frozenset(getattr(error, "kinds", ()))), None)
                return
            self.undo_stack.push(PlanUndoCommand(self, command, initiator, applied=changes))
            return
        self.validate(command)
        self.undo_stack.push(PlanUndoCommand(self, command, initiator))

    @contextmanager
    def reporting_refusals(self) -> Iterator[None]:
        """Around an undo or redo of a team plan (called by Qt, which cannot take an exception): a refused edit
        becomes edit_refused and a refresh of the views. A plan file's edits raise as before."""
        if not getattr(self.document, "saves_every_edit", False):
            yield
            return
        try:
            yield
        except PlannerError as error:
            if not getattr(error, "already_reported", False):
                self.edit_refused.emit(str(error))
            self.plan_changed.emit(Changes(frozenset(getattr(error, "kinds", ()))), None)

    def validate(self, command: Command) -> None:
        """Dry-run `command` in a transaction that is rolled back: raises what apply() would raise."""
        with self.document.session() as session:
            command.apply(session)
            session.rollback()

    def read(self, query: Callable[[Session], T]) -> T:
        """Run a read-only query (e.g. planner.queries.initiative_rows) in a short session."""
        with self.document.session() as session:
            return query(session)

    @contextmanager
    def macro(self, label: str) -> Iterator[None]:
        """Group several execute() calls into one undo entry (e.g. a multi-row edit)."""
        self.undo_stack.beginMacro(label)
        try:
            yield
        finally:
            self.undo_stack.endMacro()

    # -- selection --------------------------------------------------------------------------------------

    def select(self, kind: str, ids: list[str]) -> None:
        if kind == self.selection_kind and ids == self.selection_ids:
            return
        self.selection_kind, self.selection_ids = kind, list(ids)
        self.selection_changed.emit(kind, list(ids))

    # -- saving -----------------------------------------------------------------------------------------

    @property
    def is_modified(self) -> bool:
        if getattr(self.document, "saves_every_edit", False):
            return False  # a team plan: every edit is committed on the server
        return not self.undo_stack.isClean() or (self.document.unsaved and self.document.path is None)

    def save(self) -> None:
        self.document.save()
        self.undo_stack.setClean()

    def save_as(self, path: str) -> None:
        self.document.save_as(path)
        self.undo_stack.setClean()
        self.document_replaced.emit()

    def revert_to_saved(self) -> None:
        self.document.revert_to_saved()
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self.document_replaced.emit()
