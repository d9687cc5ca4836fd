"""Rows an import adds and updates: checked against the plan they would make, applied and undone exactly."""

from __future__ import annotations

from pathlib import Path

from planner.interchange.incoming import IncomingRows, existing_rows, import_rows_command
from planner.interchange.report import ImportReport
from planner.months import YearMonth
from planner.storage.document import PlanDocument
from tests.planner.commands.sample_plan import build_sample_plan


def sample_document(path: Path) -> PlanDocument:
    build_sample_plan(path).engine.dispose()
    return PlanDocument.open(path)


def stored(document: object, kind: str) -> list[tuple[object, ...]]:
    with document.session() as session:  # type: ignore[attr-defined]
        return sorted((tuple(sorted(row.items())) for row in existing_rows(session, kind)), key=repr)


def test_added_and_updated_rows_apply_as_one_command_and_revert_exactly(tmp_path: Path) -> None:
    document = sample_document(tmp_path / "p.cplan")
    before = {kind: stored(document, kind) for kind in ("initiative", "dependency", "budget_line")}
    with document.session() as session:
        first = existing_rows(session, "initiative")[0]
        incoming = IncomingRows()
        incoming.update("initiative", first, {"title": "바뀐 제목"}, "row 2")
        added = incoming.add("initiative", {"code": "NEW-1", "title": "새 과제", "start_month": YearMonth(2028, 1),
                                            "duration_months": 6}, "row 3")
        incoming.add("dependency", {"predecessor_id": first["id"], "successor_id": added["id"]}, "row 4")
        incoming.add("budget_line", {"initiative_id": added["id"], "fiscal_year": 2028, "source": "national",
                                     "planned_krw": 1_000_000}, "row 5")
        report = ImportReport()
        command = import_rows_command(session, incoming, report, "Import")
        assert report.ok, report.lines()
        assert command is not None
        assert command.summary(session) == {"initiative": (1, 1), "dependency": (1, 0), "budget_line": (1, 0)}
    document.apply(command)
    with document.session() as session:
        titles = {row["code"]: row["title"] for row in existing_rows(session, "initiative")}
    assert titles[first["code"]] == "바뀐 제목" and titles["NEW-1"] == "새 과제"
    document.revert(command)
    assert {kind: stored(document, kind) for kind in before} == before
    document.apply(command)  # redo gives the same rows again
    with document.session() as session:
        assert len(existing_rows(session, "initiative")) == len(before["initiative"]) + 1


def test_every_problem_is_reported_at_its_place_and_nothing_is_built(tmp_path: Path) -> None:
    document = sample_document(tmp_path / "p.cplan")
    with document.session() as session:
        rows = existing_rows(session, "initiative")
        incoming = IncomingRows()
        incoming.add("initiative", {"code": "NEW", "title": "", "start_month": YearMonth(2028, 1),
                                    "progress": 140}, "row 2")
        incoming.add("initiative", {"code": rows[0]["code"], "title": "같은 코드", "start_month": YearMonth(2028, 1)},
                     "row 5")
        incoming.add("dependency", {"predecessor_id": rows[1]["id"], "successor_id": "missing"}, "row 3")
        report = ImportReport()
        assert import_rows_command(session, incoming, report, "Import") is None
    lines = report.lines()
    assert any(line.startswith("row 2 [title]") for line in lines), lines
    assert any(line.startswith("row 2 [progress]") for line in lines), lines
    assert any(line.startswith("row 5 [code]") for line in lines), lines
    assert any(line.startswith("row 3 [successor_id]") for line in lines), lines


def test_a_dependency_closing_a_cycle_is_reported_with_the_cycle(tmp_path: Path) -> None:
    document = sample_document(tmp_path / "p.cplan")
    with document.session() as session:
        links = existing_rows(session, "dependency")
        codes = {row["id"]: row["code"] for row in existing_rows(session, "initiative")}
        link = links[0]
        incoming = IncomingRows()
        incoming.add("dependency", {"predecessor_id": link["successor_id"], "successor_id": link["predecessor_id"]},
                     "row 2")
        report = ImportReport()
        assert import_rows_command(session, incoming, report, "Import") is None
    cycle = next(problem for problem in report.problems if "cycle" in problem.message)
    assert codes[link["predecessor_id"]] in cycle.message and codes[link["successor_id"]] in cycle.message
