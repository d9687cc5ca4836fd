"""The plan JSON format: every kind and column written, exact round trips, strict checks of hostile files."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from planner.errors import PlannerError
from planner.interchange import plan_json
from planner.interchange.importing import ReplacePlanCommand, import_plan_json_command
from planner.interchange.plan_json import (
    FORMAT_NAME,
    plan_to_json,
    read_plan_json,
    render_plan_json,
    write_plan_json,
)
from planner.interchange.report import ImportRejected, ImportReport
from planner.model import ENTITY_CLASSES
from planner.storage.create import create_plan_database
from planner.storage.document import make_engine
from planner.storage.schema import SCHEMA_VERSION
from tests.planner.commands.sample_plan import SamplePlan, build_sample_plan


@pytest.fixture
def sample(tmp_path: Path) -> Iterator[SamplePlan]:
    plan = build_sample_plan(tmp_path / "sample.cplan")
    yield plan
    plan.engine.dispose()


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[SamplePlan]:
    path = tmp_path / "fresh.cplan"
    create_plan_database(path, title="빈 계획", start_year=2030, end_year=2032)
    engine = make_engine(path)
    yield SamplePlan(engine, {})
    engine.dispose()


def exported(plan: SamplePlan) -> dict[str, Any]:
    return plan.run(plan_to_json)


def as_file(document: dict[str, Any]) -> bytes:
    return render_plan_json(document)


def problems_of(data: bytes | str) -> list[tuple[str, str, str]]:
    _tables, report = read_plan_json(data)
    assert not report.ok
    return [(problem.where, problem.field, problem.message) for problem in report.problems]


def test_every_kind_and_column_is_written_in_its_documented_form(sample: SamplePlan) -> None:
    document = exported(sample)
    assert (document["format"], document["format_version"], document["schema_version"]) == \
        (FORMAT_NAME, 1, SCHEMA_VERSION)
    assert list(document["tables"]) == list(ENTITY_CLASSES)
    for kind, rows in document["tables"].items():
        assert rows, f"the sample plan has rows of every kind, {kind} is empty"
        columns = {column.name for column in ENTITY_CLASSES[kind].__table__.columns}
        assert all(set(row) == columns for row in rows)
    by_id = {row["id"]: row for rows in document["tables"].values() for row in rows}
    i1 = by_id[sample.ids["i1"]]
    assert (i1["start_month"], i1["not_before"], i1["security_consultation"]) == ("2027-03", None, False)
    assert i1["modified_at"] == "2020-01-02T03:04:05.600000"
    assert by_id[sample.ids["k2"]]["baseline_value"] == "72.5"
    assert by_id[sample.ids["t2"]]["target_value"] == "300.25"
    assert by_id[sample.ids["b1"]]["planned_krw"] == 80_000_000
    assert by_id[sample.ids["st1"]]["tags"] == ["AI", "행정"]
    assert by_id[sample.ids["log1"]]["details"] == {"rows": 3}
    assert by_id[sample.ids["np1"]]["x"] == 0.25
    assert json.loads(as_file(document).decode("utf-8")) == document


def test_round_trip_through_a_fresh_plan_is_exact_and_undo_restores_it(sample: SamplePlan, fresh: SamplePlan) -> None:
    original = exported(sample)
    fresh_before = fresh.dump()
    tables, report = read_plan_json(as_file(original))
    assert report.ok, report.lines()
    assert report.counts["initiative"] == 3
    command = fresh.run(lambda session: import_plan_json_command(session, tables, report=report))
    changes = fresh.run(command.apply)
    assert changes.affects_schedule and "stakeholder" in changes.kinds
    again = exported(fresh)
    assert {k: v for k, v in again.items() if k != "exported_at"} == \
        {k: v for k, v in original.items() if k != "exported_at"}
    for kind in ENTITY_CLASSES:  # row by row, so a difference names its row
        for before, after in zip(original["tables"][kind], again["tables"][kind], strict=True):
            assert before == after
    assert fresh.dump() == sample.dump()  # stored values byte for byte, the plan row replaced (not added)
    fresh.run(command.revert)
    assert fresh.dump() == fresh_before
    fresh.run(command.apply)  # redo
    assert fresh.dump() == sample.dump()


def test_write_plan_json_writes_the_file_whole(sample: SamplePlan, tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    sample.run(lambda session: write_plan_json(session, target))
    document = json.loads(target.read_text("utf-8"))
    assert document["tables"]["initiative"][0]["code"] in {"A-01", "A-02", "B-01"}
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_the_command_refuses_a_report_with_problems_and_unknown_modes(fresh: SamplePlan) -> None:
    report = ImportReport()
    report.add("$.tables.plan[0]", "title", "is required.")
    with Session(fresh.engine) as session:
        with pytest.raises(ImportRejected) as refused:
            import_plan_json_command(session, {"plan": [{}]}, report=report, source="x.json")
        assert refused.value.report is report and "x.json" in str(refused.value)
        with pytest.raises(PlannerError, match="merge"):
            import_plan_json_command(session, {"plan": [{}]}, mode="merge")


# -- hostile and broken files --------------------------------------------------------------------------------


@pytest.fixture
def document(sample: SamplePlan) -> dict[str, Any]:
    return exported(sample)


def row_of(document: dict[str, Any], kind: str, row_id: str) -> tuple[int, dict[str, Any]]:
    rows = document["tables"][kind]
    return next((number, row) for number, row in enumerate(rows) if row["id"] == row_id)


def test_truncated_invalid_utf8_and_nan_are_one_clear_problem(document: dict[str, Any]) -> None:
    data = as_file(document)
    [(where, _field, message)] = problems_of(data[: len(data) // 2])
    assert where == "$" and "not valid JSON" in message and "line" in message
    [(_w, _f, message)] = problems_of(b'{"format": "\xff\xfe"}')
    assert "UTF-8" in message
    [(_w, _f, message)] = problems_of('{"format": NaN}')
    assert "NaN" in message
    [(_w, _f, message)] = problems_of('{"format": 1, "format": 2}')
    assert "twice" in message
    [(_w, _f, message)] = problems_of("[" * 100_000 + "]" * 100_000)
    assert "not valid JSON" in message


def test_a_file_over_the_size_limit_is_refused(document: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(plan_json, "MAX_FILE_BYTES", 1000)
    [(_w, _f, message)] = problems_of(as_file(document))
    assert "larger than" in message


def test_wrong_format_and_format_version_are_refused(document: dict[str, Any]) -> None:
    assert problems_of(as_file(document | {"format_version": 2}))[0][1] == "format_version"
    assert problems_of(as_file(document | {"format": "gantt"}))[0][1] == "format"
    assert problems_of(json.dumps([1, 2]))[0][2] == "The file does not hold a JSON object."


def test_every_problem_is_collected_with_path_and_field(document: dict[str, Any], sample: SamplePlan) -> None:
    i_number, initiative = row_of(document, "initiative", sample.ids["i2"])
    initiative.update(start_month="2027/3", duration_months="12", sensitive_data=1, colour="red")
    k_number, kpi = row_of(document, "kpi", sample.ids["k1"])
    kpi["baseline_value"] = 120.5
    m_number, milestone = row_of(document, "milestone", sample.ids["m1"])
    del milestone["title"]
    document["tables"]["gantt_bar"] = []
    document["tables"]["stakeholder"][0]["modified_at"] = "2027-01-01T00:00:00+09:00"
    found = problems_of(as_file(document))
    fields = {(where, field) for where, field, _message in found}
    assert {(f"$.tables.initiative[{i_number}]", name) for name in
            ("start_month", "duration_months", "sensitive_data", "colour")} <= fields
    assert (f"$.tables.kpi[{k_number}]", "baseline_value") in fields
    assert (f"$.tables.milestone[{m_number}]", "title") in fields
    assert ("$.tables.gantt_bar", "") in fields
    assert ("$.tables.stakeholder[0]", "modified_at") in fields
    assert all(message for _where, _field, message in found)


def test_dangling_reference_duplicate_id_and_duplicate_code(document: dict[str, Any], sample: SamplePlan) -> None:
    r_number, risk = row_of(document, "risk", sample.ids["r1"])
    risk["owner_stakeholder_id"] = "no-such-stakeholder"
    document["tables"]["initiative"].append(dict(document["tables"]["initiative"][0]))
    copy = dict(document["tables"]["field"][0], id="another-field")
    document["tables"]["field"].append(copy)
    found = problems_of(as_file(document))
    assert any(w == f"$.tables.risk[{r_number}]" and f == "owner_stakeholder_id" and "no-such-stakeholder" in m
               for w, f, m in found)
    assert any(w == "$.tables.initiative[3]" and f == "id" for w, f, _m in found)
    assert any(w == "$.tables.field[2]" and f == "code" for w, f, _m in found)


def test_a_dependency_cycle_is_reported_with_the_cycle(document: dict[str, Any], sample: SamplePlan) -> None:
    document["tables"]["dependency"].append(dict(document["tables"]["dependency"][0], id="back-link",
                                                 predecessor_id=sample.ids["i2"], successor_id=sample.ids["i3"]))
    messages = [m for _w, f, m in problems_of(as_file(document)) if "cycle" in m]
    assert len(messages) == 1
    assert all(code in messages[0] for code in ("A-01", "A-02", "B-01"))


def test_a_megabyte_string_is_accepted_in_long_text_and_refused_in_a_short_field(
    document: dict[str, Any], sample: SamplePlan
) -> None:
    number, initiative = row_of(document, "initiative", sample.ids["i1"])
    initiative["content"] = "가" * 1_000_000
    tables, report = read_plan_json(as_file(document))
    assert report.ok and any(len(row["content"]) == 1_000_000 for row in tables["initiative"])
    initiative["title"] = "가" * 1_000_000
    [(where, field, message)] = problems_of(as_file(document))
    assert (where, field) == (f"$.tables.initiative[{number}]", "title") and "300" in message


def test_a_file_without_a_plan_row_is_refused(document: dict[str, Any]) -> None:
    document["tables"]["plan"] = []
    assert ("$.tables.plan", "") in {(w, f) for w, f, _m in problems_of(as_file(document))}


def test_the_report_caps_its_lines() -> None:
    report = ImportReport()
    for number in range(60):
        report.add(f"$.tables.kpi[{number}]", "name", "is required.")
    lines = report.lines(50)
    assert len(lines) == 51 and "10" in lines[-1] and report.as_json()["problem_count"] == 60
    assert isinstance(ReplacePlanCommand({}).label, str)
