"""Synthetic plans: the counts asked for, an acyclic graph of all four link types, sound rows, determinism."""

from __future__ import annotations

import sqlite3
from collections import Counter, deque
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from planner.model import ENTITY_CLASSES
from planner.model.rules import problems_of
from planner.model.vocabulary import FUNDING_SOURCES, SECTORS
from planner.storage import PlanDocument, validate_plan_file
from planner.storage.document import make_engine
from planner.synth import synthesize_plan
from tests.planner.commands.sample_plan import TableDump, dump_tables


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite3.Connection]:
    path = tmp_path_factory.mktemp("synth") / "synthetic.cplan"
    synthesize_plan(path, 400, 60, seed=7)
    connection = sqlite3.connect(path)
    yield connection
    connection.close()


def _dump(path: Path) -> TableDump:
    engine = make_engine(path)
    try:
        with engine.connect() as connection:
            return dump_tables(connection)
    finally:
        engine.dispose()


def _count(connection: sqlite3.Connection, sql: str) -> int:
    return int(connection.execute(sql).fetchone()[0])


def test_counts_match_the_request(synthetic: sqlite3.Connection) -> None:
    assert _count(synthetic, "SELECT count(*) FROM initiative") == 400
    assert _count(synthetic, "SELECT count(*) FROM stakeholder") == 60
    assert _count(synthetic, "SELECT count(*) FROM dependency") == 600  # 1.5 per initiative
    assert _count(synthetic, "SELECT count(*) FROM initiative WHERE duration_months = 0") == 20  # 5 %
    assert _count(synthetic, "SELECT count(*) FROM plan") == 1
    for table in ("field", "strategy", "stakeholder_relation", "raci_role", "budget_line", "kpi", "kpi_target",
                  "milestone", "risk", "funding_rule", "narrative_section"):
        assert _count(synthetic, f"SELECT count(*) FROM {table}") > 0, table


def test_three_levels_fields_strategies_initiatives(synthetic: sqlite3.Connection) -> None:
    assert _count(synthetic, "SELECT count(*) FROM field") >= 3
    assert _count(synthetic, "SELECT count(*) FROM strategy WHERE field_id IS NULL") == 0
    mismatched = """SELECT count(*) FROM initiative i JOIN strategy s ON s.id = i.strategy_id
                    WHERE i.field_id IS NOT s.field_id"""
    assert _count(synthetic, mismatched) == 0
    assert _count(synthetic, "SELECT count(*) FROM initiative WHERE strategy_id IS NULL") == 0
    codes = [code for (code,) in synthetic.execute("SELECT code FROM initiative ORDER BY position")]
    assert codes[0] == "A-01" and len(set(codes)) == len(codes)


def test_dependencies_form_no_cycle(synthetic: sqlite3.Connection) -> None:
    nodes = [node for (node,) in synthetic.execute("SELECT id FROM initiative")]
    edges = synthetic.execute("SELECT predecessor_id, successor_id FROM dependency").fetchall()
    incoming = Counter(successor for _predecessor, successor in edges)
    successors: dict[str, list[str]] = {}
    for predecessor, successor in edges:
        successors.setdefault(predecessor, []).append(successor)
    ready = deque(node for node in nodes if incoming[node] == 0)
    visited = 0
    while ready:
        node = ready.popleft()
        visited += 1
        for successor in successors.get(node, []):
            incoming[successor] -= 1
            if incoming[successor] == 0:
                ready.append(successor)
    assert visited == len(nodes)  # Kahn's algorithm reached every initiative: no cycle
    assert len(set(edges)) == len(edges) and all(a != b for a, b in edges)


def test_all_four_link_types_and_some_leads(synthetic: sqlite3.Connection) -> None:
    types = dict(synthetic.execute("SELECT type, count(*) FROM dependency GROUP BY type").fetchall())
    assert set(types) == {"FS", "SS", "FF", "SF"}
    assert types["FS"] > types["SS"] > 0
    assert _count(synthetic, "SELECT count(*) FROM dependency WHERE lag_months < 0") > 0
    assert _count(synthetic, "SELECT count(*) FROM dependency WHERE lag_months > 0") > 0
    assert _count(synthetic, "SELECT count(*) FROM dependency WHERE lag_months NOT BETWEEN -120 AND 120") == 0


def test_dates_lie_in_the_plan_period_and_satisfy_every_link(synthetic: sqlite3.Connection) -> None:
    first, last = synthetic.execute("SELECT start_year * 12, end_year * 12 + 11 FROM plan").fetchone()
    spans = {row[0]: (row[1], row[1] + row[2]) for row in
             synthetic.execute("SELECT id, start_month, duration_months FROM initiative")}
    assert all(first <= start and end - 1 <= last for start, end in spans.values() if end > start)
    violated = []
    for predecessor, successor, kind, lag in synthetic.execute(
            "SELECT predecessor_id, successor_id, type, lag_months FROM dependency"):
        (p_start, p_end), (s_start, s_end) = spans[predecessor], spans[successor]
        required = {"FS": (s_start, p_end), "SS": (s_start, p_start), "FF": (s_end, p_end), "SF": (s_end, p_start)}
        mine, theirs = required[kind]
        if mine < theirs + lag:
            violated.append((kind, lag))
    assert violated == []


def test_stakeholders_cover_every_sector_with_roles_and_relations(synthetic: sqlite3.Connection) -> None:
    sectors = {sector for (sector,) in synthetic.execute("SELECT DISTINCT sector FROM stakeholder")}
    assert sectors == set(SECTORS)
    responsible = synthetic.execute(
        "SELECT initiative_id, count(*) FROM raci_role WHERE role = 'R' GROUP BY initiative_id").fetchall()
    assert len(responsible) == 400 and {count for _initiative, count in responsible} == {1}
    roles = {role for (role,) in synthetic.execute("SELECT DISTINCT role FROM raci_role")}
    assert roles == {"R", "A", "C", "I"}
    assert _count(synthetic, "SELECT count(*) FROM stakeholder_relation WHERE source_id = target_id") == 0
    assert _count(synthetic, "SELECT count(*) FROM initiative WHERE lead_stakeholder_id IS NOT NULL") > 200


def test_budget_spans_the_plan_years_and_sources(synthetic: sqlite3.Connection) -> None:
    years = {year for (year,) in synthetic.execute("SELECT DISTINCT fiscal_year FROM budget_line")}
    sources = {source for (source,) in synthetic.execute("SELECT DISTINCT source FROM budget_line")}
    assert years == set(range(2027, 2032))
    assert {"national", "municipal", "provincial"} <= sources <= set(FUNDING_SOURCES)
    assert _count(synthetic, "SELECT count(*) FROM budget_line WHERE planned_krw <= 0") == 0
    milestone_money = """SELECT count(*) FROM budget_line b JOIN initiative i ON i.id = b.initiative_id
                         WHERE i.duration_months = 0"""
    assert _count(synthetic, milestone_money) == 0
    assert _count(synthetic, "SELECT count(*) FROM kpi WHERE initiative_id IS NULL") == 4
    assert _count(synthetic, "SELECT count(DISTINCT type) FROM kpi") == 4


def test_every_row_passes_the_models_rules(tmp_path: Path) -> None:
    path = tmp_path / "small.cplan"
    synthesize_plan(path, 60, 15, seed=3)
    validate_plan_file(path)
    engine = make_engine(path)
    try:
        with Session(engine) as session:
            broken = {}
            for kind, model in ENTITY_CLASSES.items():
                for row in session.execute(model.__table__.select()).mappings():
                    problems = problems_of(session, kind, dict(row), row["id"])
                    if problems:
                        broken[(kind, row["id"])] = problems
            assert broken == {}
    finally:
        engine.dispose()
    document = PlanDocument.open(path)
    try:
        assert "합성 60개 과제" in document.title()
    finally:
        document.close()


def test_the_same_seed_gives_the_same_plan_and_another_seed_another(tmp_path: Path) -> None:
    for name, seed in (("a", 11), ("b", 11), ("c", 12)):
        synthesize_plan(tmp_path / f"{name}.cplan", 150, 30, seed=seed)
    first, second, other = (_dump(tmp_path / f"{name}.cplan") for name in "abc")
    assert first == second
    assert first["initiative"] != other["initiative"]
    assert len(first["initiative"]) == len(other["initiative"]) == 150


@pytest.mark.parametrize(("initiatives", "stakeholders"), [(0, 0), (1, 0), (2, 1), (3, 2), (12, 7)])
def test_tiny_plans_are_sound(tmp_path: Path, initiatives: int, stakeholders: int) -> None:
    path = tmp_path / "tiny.cplan"
    synthesize_plan(path, initiatives, stakeholders)
    validate_plan_file(path)
    dump = _dump(path)
    assert len(dump["initiative"]) == initiatives and len(dump["stakeholder"]) == stakeholders
    assert len(dump["dependency"]) <= initiatives * (initiatives - 1) // 2


def test_refuses_an_existing_file_and_negative_sizes(tmp_path: Path) -> None:
    existing = tmp_path / "existing.cplan"
    existing.write_bytes(b"keep me")
    with pytest.raises(FileExistsError):
        synthesize_plan(existing, 5, 5)
    assert existing.read_bytes() == b"keep me"
    with pytest.raises(ValueError):
        synthesize_plan(tmp_path / "negative.cplan", -1, 5)
    assert not (tmp_path / "negative.cplan").exists()
