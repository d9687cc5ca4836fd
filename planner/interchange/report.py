"""What an import found wrong: one problem per row/element and field, collected into one report."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from planner.errors import PlannerError
from planner.i18n import _

# Problems kept in a report; beyond it they are only counted (a hostile file cannot fill the memory).
MAX_KEPT_PROBLEMS = 10_000


@dataclass(frozen=True)
class ImportProblem:
    """One thing wrong with the file: where (a row/element id or a JSON path), which field, what is wrong."""

    where: str
    field: str
    message: str

    def line(self) -> str:
        """The problem as one line: `where [field]: message`."""
        named = f" [{self.field}]" if self.field else ""
        return " ".join(f"{self.where}{named}: {self.message}".split())

    def as_json(self) -> dict[str, str]:
        return {"where": self.where, "field": self.field, "message": self.message}


@dataclass
class ImportReport:
    """Every problem an import found (the file is accepted only when there are none) and the rows it holds."""

    problems: list[ImportProblem] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)  # rows by kind
    omitted: int = 0  # problems found beyond MAX_KEPT_PROBLEMS

    @property
    def problem_count(self) -> int:
        return len(self.problems) + self.omitted

    @property
    def ok(self) -> bool:
        return not self.problems

    def add(self, where: str, field_name: str, message: str) -> None:
        if len(self.problems) < MAX_KEPT_PROBLEMS:
            self.problems.append(ImportProblem(where, field_name, message))
        else:
            self.omitted += 1

    def lines(self, limit: int = 50) -> list[str]:
        """One line per problem, at most `limit`, then how many more there are."""
        lines = [problem.line() for problem in self.problems[:limit]]
        if self.problem_count > len(lines):
            lines.append(_("… and {count} more.").format(count=self.problem_count - len(lines)))
        return lines

    def as_json(self) -> dict[str, object]:
        return {"ok": self.ok, "counts": dict(self.counts), "problem_count": self.problem_count,
                "problems": [problem.as_json() for problem in self.problems]}


class ImportRejected(PlannerError):
    """A file refused for its problems; `report` lists them all and nothing in the plan changed."""

    def __init__(self, source: str, report: ImportReport) -> None:
        self.source = source
        self.report = report
        super().__init__(_("{source}: not imported, {count} problem(s) found; the plan is unchanged.").format(
            source=source, count=report.problem_count))
