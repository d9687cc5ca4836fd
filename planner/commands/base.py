"""The command funnel: every edit is a Command whose apply and revert return the Changes they made."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

# Kinds of row whose change moves the schedule.
SCHEDULE_KINDS = frozenset({"initiative", "dependency", "plan"})


@dataclass(frozen=True)
class Changes:
    """Which kinds of row changed and which rows (by id); views refresh from this record."""

    kinds: frozenset[str] = field(default_factory=frozenset)
    ids: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def of(cls, kind: str, ids: Iterable[str] = ()) -> Changes:
        return cls(frozenset({kind}), frozenset(ids))

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.kinds | other.kinds, self.ids | other.ids)

    def __bool__(self) -> bool:
        return bool(self.kinds)

    @property
    def affects_schedule(self) -> bool:
        return bool(self.kinds & SCHEDULE_KINDS)

    def touches(self, *kinds: str) -> bool:
        return bool(self.kinds.intersection(kinds))


class Command(ABC):
    """One undoable edit of a plan. apply() may be called again after revert() (redo)."""

    @property
    @abstractmethod
    def label(self) -> str:
        """What the edit does, translated, for the Undo/Redo menu entries and the history."""

    @abstractmethod
    def apply(self, session: Session) -> Changes:
        """Make the edit inside the caller's transaction; raise a PlannerError to refuse it."""

    @abstractmethod
    def revert(self, session: Session) -> Changes:
        """Restore exactly the state before apply()."""


class CompositeCommand(Command):
    """Several commands as one undo entry: applied in order, reverted in reverse order."""

    def __init__(self, label: str, commands: Sequence[Command]) -> None:
        self._label = label
        self.commands = list(commands)

    @property
    def label(self) -> str:
        return self._label

    def apply(self, session: Session) -> Changes:
        changes = Changes()
        for command in self.commands:
            changes |= command.apply(session)
        return changes

    def revert(self, session: Session) -> Changes:
        changes = Changes()
        for command in reversed(self.commands):
            changes |= command.revert(session)
        return changes
