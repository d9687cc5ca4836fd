"""Merge properties over random edits made with the app's own commands on both sides of the sample plan:
merge(a, a, a) = a, merge(base, x, base) = x, merge(base, base, y) = y, every change that does not conflict is
kept, every conflict is reported (none dropped), and the merged plan passes every check of a plan file."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.commands import AddRow, Command, DeleteRows, UpdateRow
from planner.merge import MergeResult, apply_resolutions, merge_plans
from planner.merge.files import checked_tables
from planner.months import YearMonth
from tests.planner.commands.sample_plan import SamplePlan, build_sample_plan
from tests.planner.merge.versions import Tables, apply, by_id, content_columns, copy_plan, row_ids, tables

TEXTS = ("가", "나", "다")
SOURCES = ("national", "municipal", "provincial")
# (kind, column, values) a random edit may set; references name (kind, index) and are looked up when applied.
UPDATES: tuple[tuple[str, str, tuple[Any, ...]], ...] = (
    ("initiative", "title", TEXTS),
    ("initiative", "progress", (10, 50)),
    ("initiative", "duration_months", (3, 24)),
    ("initiative", "code", ("Z-01", "Z-02")),
    ("initiative", "lead_stakeholder_id", (("stakeholder", 0), ("stakeholder", 2), None)),
    ("initiative", "start_month", (YearMonth(2027, 6), YearMonth(2029, 1))),
    ("stakeholder", "name", TEXTS),
    ("stakeholder", "influence", (1, 5)),
    ("milestone", "title", TEXTS),
    ("risk", "likelihood", (1, 5)),
    ("risk", "owner_stakeholder_id", (("stakeholder", 1), None)),
    ("budget_line", "planned_krw", (0, 90_000_000)),
    ("raci_role", "role", ("R", "A", "C", "I")),
    ("dependency", "lag_months", (0, 3)),
    ("dependency", "successor_id", (("initiative", 0), ("initiative", 2))),
    ("plan", "vision", TEXTS),
    ("plan", "end_year", (2029, 2032)),
    ("plan", "start_year", (2030, 2026)),
    ("stakeholder_relation", "source_id", (("stakeholder", 2),)),
    ("stakeholder_relation", "target_id", (("stakeholder", 2),)),
    ("initiative", "funding_rule_id", (None,)),
)
DELETABLE = ("initiative", "stakeholder", "milestone", "risk", "dependency", "raci_role", "budget_line", "kpi",
             "comment")
ADDABLE = ("milestone", "comment", "dependency", "raci_role", "initiative", "budget_line", "stakeholder")

Operation = tuple[str, int, int, int]
operation = st.tuples(st.sampled_from(("update", "update", "add", "delete")), st.integers(0, 40),
                      st.integers(0, 9), st.integers(0, 9))
operations = st.lists(operation, max_size=6)


@st.composite
def two_sides(draw: st.DrawFn) -> tuple[list[Operation], list[Operation]]:
    """Edits of ours and theirs; some touch the same rows and fields with other values, as real edits often do."""
    shared = draw(st.lists(operation, max_size=4))
    mirrored = [(action, first, second, third + draw(st.integers(0, 2))) for action, first, second, third in shared]
    ours = draw(st.permutations(shared + draw(st.lists(operation, max_size=3))))
    theirs = draw(st.permutations(mirrored + draw(st.lists(operation, max_size=3))))
    return list(ours), list(theirs)


def _pick(ids: list[str], index: int) -> str | None:
    return ids[index % len(ids)] if ids else None


def _command(plan: SamplePlan, operation: Operation) -> Command | None:
    action, first, second, third = operation
    ids = {kind: row_ids(plan, kind) for kind in ("initiative", "stakeholder")}

    def ref(value: Any) -> Any:
        return _pick(ids[value[0]], value[1]) if isinstance(value, tuple) else value

    if action == "update":
        kind, column, values = UPDATES[first % len(UPDATES)]
        target = _pick(row_ids(plan, kind), second)
        value = ref(values[third % len(values)])
        return None if target is None else UpdateRow(kind, target, {column: value})
    if action == "delete":
        kind = DELETABLE[first % len(DELETABLE)]
        target = _pick(row_ids(plan, kind), second)
        return None if target is None else DeleteRows(kind, [target])
    kind = ADDABLE[first % len(ADDABLE)]
    initiative, other = _pick(ids["initiative"], second), _pick(ids["initiative"], third)
    stakeholder = _pick(ids["stakeholder"], third)
    values: dict[str, Any] = {
        "milestone": {"initiative_id": initiative, "title": TEXTS[third % 3], "month": YearMonth(2028, 1)},
        "comment": {"target_kind": "initiative", "target_id": initiative, "body": TEXTS[third % 3]},
        "dependency": {"predecessor_id": initiative, "successor_id": other},
        "raci_role": {"stakeholder_id": stakeholder, "initiative_id": initiative, "role": "RACI"[second % 4]},
        "initiative": {"code": f"Z-0{third % 3}", "title": TEXTS[second % 3], "start_month": YearMonth(2028, 1)},
        "budget_line": {"initiative_id": initiative, "fiscal_year": 2027 + second % 3, "source": SOURCES[third % 3],
                        "planned_krw": 1_000_000 * (third + 1)},
        "stakeholder": {"name": TEXTS[second % 3], "sector": "academia"},
    }[kind]
    if any(value is None for value in values.values()):
        return None
    return AddRow(kind, values)


class Forks:
    """Copies of the sample plan made on demand, each edited by a list of operations (refused ones skipped).

    Every copy is written over one file and used through one engine, so its compiled statements are reused."""

    def __init__(self, sample: SamplePlan, path: Path, folder: Path) -> None:
        self.path = path
        self.base = tables(sample)
        self.fork = copy_plan(sample, path, folder / "fork.cplan", durable=False)
        self.fork_path = folder / "fork.cplan"

    def edited(self, edits: list[Operation]) -> Tables:
        self.fork.engine.dispose()
        shutil.copyfile(self.path, self.fork_path)
        for operation in edits:
            command = _command(self.fork, operation)
            if command is not None:
                apply(self.fork, command)
        return tables(self.fork)


@pytest.fixture(scope="module")
def forks(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Forks]:
    folder = tmp_path_factory.mktemp("merge-properties")
    sample = build_sample_plan(folder / "sample.cplan")
    forks = Forks(sample, folder / "sample.cplan", folder)
    yield forks
    forks.fork.engine.dispose()
    sample.engine.dispose()


PROPERTY_SETTINGS = settings(max_examples=50, deadline=None,
                             suppress_health_check=[HealthCheck.function_scoped_fixture])


def test_merging_a_plan_with_itself_gives_the_plan(forks: Forks) -> None:
    result = merge_plans(forks.base, forks.base, forks.base)
    assert result.tables == forks.base and result.clean
    assert result.stats["unchanged"] == sum(len(rows) for rows in forks.base.values())


@PROPERTY_SETTINGS
@given(edits=operations)
def test_merging_one_sides_changes_gives_that_side(forks: Forks, edits: list[Operation]) -> None:
    changed = forks.edited(edits)
    assert merge_plans(changed, changed, changed).tables == changed
    for result in (merge_plans(forks.base, changed, forks.base), merge_plans(forks.base, forks.base, changed)):
        assert result.clean, [conflict.line() for conflict in result.conflicts]
        assert result.tables == changed


def _involved(result: MergeResult) -> set[str]:
    return {row_id for conflict in result.conflicts for row_id in (conflict.row_id, *conflict.involved)}


def _expected_conflict_keys(base: Tables, ours: Tables, theirs: Tables) -> set[str]:
    """The field and delete/modify conflicts any correct merge must report, found independently."""
    keys = set()
    base_rows, our_rows, their_rows = by_id(base), by_id(ours), by_id(theirs)
    for kind, rows in base_rows.items():
        columns = content_columns(kind)
        for row_id, original in rows.items():
            mine, other = our_rows[kind].get(row_id), their_rows[kind].get(row_id)
            if mine is not None and other is not None:
                keys |= {f"field:{kind}:{row_id}:{name}" for name in columns
                         if len({repr(original[name]), repr(mine[name]), repr(other[name])}) == 3}
            elif (mine is None) != (other is None):
                present = mine if other is None else other
                if any(present[name] != original[name] for name in columns):
                    keys.add(f"delete_modify:{kind}:{row_id}")
    return keys


def _assert_changes_kept(base: Tables, ours: Tables, theirs: Tables, result: MergeResult) -> None:
    """Every row and field only one side changed (or both alike) is as that side has it, unless a conflict names
    the row; every row some side has is in the merged plan, or deleted by a side that did not change it, or named
    by a conflict, or the twin of a row both sides added alike."""
    involved = _involved(result)
    base_rows, our_rows, their_rows, merged = by_id(base), by_id(ours), by_id(theirs), by_id(result.tables)
    for kind in base_rows:
        columns = content_columns(kind)
        for row_id in set(base_rows[kind]) | set(our_rows[kind]) | set(their_rows[kind]):
            if row_id in involved:
                continue
            original, mine, other = (rows[kind].get(row_id) for rows in (base_rows, our_rows, their_rows))
            found = merged[kind].get(row_id)
            where = (kind, row_id)
            if mine is None and other is None:
                assert found is None, where
            elif original is None:
                added = mine or other
                assert added is not None
                if found is None:  # kept once: a row both sides added alike under other ids
                    twins = [row for row in merged[kind].values() if all(row[c] == added[c] for c in columns)]
                    assert twins, where
                else:
                    assert all(found[c] == added[c] for c in columns), where
            elif mine is None or other is None:
                present = mine if other is None else other
                assert present is not None
                assert all(present[c] == original[c] for c in columns), where  # else a delete/modify conflict
                assert found is None, where
            else:
                assert found is not None, where
                for name in columns:
                    if mine[name] == original[name]:
                        assert found[name] == other[name], (where, name)
                    elif other[name] == original[name] or other[name] == mine[name]:
                        assert found[name] == mine[name], (where, name)


@PROPERTY_SETTINGS
@given(edits=two_sides(), prefer=st.sampled_from(("ours", "theirs")))
def test_both_sides_changes_are_kept_and_every_conflict_reported(
        forks: Forks, edits: tuple[list[Operation], list[Operation]], prefer: str) -> None:
    ours, theirs = forks.edited(edits[0]), forks.edited(edits[1])

    result = merge_plans(forks.base, ours, theirs, prefer=prefer)

    reported = {conflict.key for conflict in result.conflicts}
    assert _expected_conflict_keys(forks.base, ours, theirs) <= reported
    assert len(reported) == len(result.conflicts)  # one conflict per key: a choice decides exactly one
    _assert_changes_kept(forks.base, ours, theirs, result)
    checked_tables(result, "property")  # types, limits, unique values, references, cycles: a sound plan
    if {conflict.conflict_type for conflict in result.conflicts} <= {"field", "delete_modify"}:
        swapped = merge_plans(forks.base, theirs, ours, prefer="theirs" if prefer == "ours" else "ours")
        assert swapped.tables == result.tables  # the sides are alike: only the preference decides


@PROPERTY_SETTINGS
@given(edits=two_sides(), choice=st.sampled_from(("ours", "theirs")))
def test_deciding_every_conflict_leaves_a_clean_sound_plan(
        forks: Forks, edits: tuple[list[Operation], list[Operation]], choice: str) -> None:
    result = merge_plans(forks.base, forks.edited(edits[0]), forks.edited(edits[1]))
    for _round in range(10):
        if result.clean:
            break
        result = apply_resolutions(result, {conflict.key: choice for conflict in result.conflicts})
    assert result.clean, [conflict.line() for conflict in result.conflicts]
    checked_tables(result, "property")
