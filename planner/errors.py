"""Typed errors the planner raises; each carries a message fit to show a user as it is."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


class PlannerError(Exception):
    """Base of every error meant for a user: str(error) is the whole message."""


class PlanFileError(PlannerError):
    """A plan file cannot be used; the message names the file and what is wrong with it."""

    def __init__(self, path: Path | str, problem: str, *, code: str) -> None:
        self.path = Path(path)
        self.problem = problem
        self.code = code
        super().__init__(f"{self.path}: {problem}")


class PlanSaveError(PlannerError):
    """Saving failed; the file on disk is as it was and the edits are still in the working copy."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


@dataclass
class LockInfo:
    """Who holds a plan file open, read from the lock beside it."""

    user: str
    host: str
    pid: int
    since: str
    path: Path = field(default_factory=Path)


class PlanLockedError(PlannerError):
    """Another running instance holds the plan file; it can still be opened read-only."""

    def __init__(self, path: Path | str, holder: LockInfo, message: str) -> None:
        self.path = Path(path)
        self.holder = holder
        super().__init__(message)


class ValidationError(PlannerError):
    """A value breaks a rule of the model; `problems` maps each field name to its message."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = dict(problems)
        super().__init__("; ".join(self.problems.values()))


class NotFoundError(PlannerError):
    """The item a command refers to is not in the plan (any more)."""


class CycleError(ValidationError):
    """Dependencies that form a cycle; `cycle` lists the initiative codes in order, the first repeated last."""

    def __init__(self, problems: dict[str, str], cycle: list[str]) -> None:
        super().__init__(problems)
        self.cycle = cycle


class ScheduleConflictError(PlannerError):
    """An edit of dates the schedule cannot honour, e.g. a bar moved before what its dependencies allow."""

    def __init__(self, message: str, initiative_code: str = "") -> None:
        self.initiative_code = initiative_code
        super().__init__(message)
