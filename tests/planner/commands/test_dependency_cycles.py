"""A dependency that would close a cycle is refused with the cycle named in order; nothing changes."""

from __future__ import annotations

import pytest

from planner.commands import AddRow, UpdateRow
from planner.model.rules import CycleError
from planner.months import YearMonth
from planner.queries import count_rows
from planner.storage import PlanDocument


@pytest.fixture
def chain() -> tuple[PlanDocument, dict[str, str], dict[str, str]]:
    """Initiatives A → B → C → D linked in a chain; returns the document, ids by code and link ids."""
    document = PlanDocument.new("cycles", 2027, 2031)
    ids: dict[str, str] = {}
    for code in "ABCD":
        add = AddRow("initiative", {"code": code, "title": code, "start_month": YearMonth(2027, 1)})
        document.apply(add)
        ids[code] = add.row_id
    links: dict[str, str] = {}
    for before, after in ("AB", "BC", "CD"):
        link = AddRow("dependency", {"predecessor_id": ids[before], "successor_id": ids[after]})
        document.apply(link)
        links[before + after] = link.row_id
    yield document, ids, links
    document.close()


@pytest.mark.parametrize(
    ("before", "after", "cycle"),
    [("D", "A", ["D", "A", "B", "C", "D"]), ("C", "B", ["C", "B", "C"]), ("D", "B", ["D", "B", "C", "D"])],
)
def test_a_link_closing_a_cycle_is_refused_naming_the_cycle(chain, before, after, cycle) -> None:
    document, ids, _links = chain
    with pytest.raises(CycleError) as refused:
        document.apply(AddRow("dependency", {"predecessor_id": ids[before], "successor_id": ids[after]}))
    assert refused.value.cycle == cycle
    assert " → ".join(cycle) in str(refused.value)
    with document.session() as session:
        assert count_rows(session, "dependency") == 3


def test_a_link_that_closes_no_cycle_is_accepted(chain) -> None:
    document, ids, _links = chain
    document.apply(AddRow("dependency", {"predecessor_id": ids["A"], "successor_id": ids["D"]}))
    with document.session() as session:
        assert count_rows(session, "dependency") == 4


def test_reversing_an_existing_link_by_editing_it_is_checked_without_the_link_itself(chain) -> None:
    document, ids, links = chain
    # Turning A→B into B→A: the old A→B must not count, but B→A with B→C→D does not cycle.
    document.apply(UpdateRow("dependency", links["AB"], {"predecessor_id": ids["B"], "successor_id": ids["A"]}))
    # Turning C→D into C→B closes C→B→C (B→C still stands).
    with pytest.raises(CycleError) as refused:
        document.apply(UpdateRow("dependency", links["CD"], {"predecessor_id": ids["C"], "successor_id": ids["B"]}))
    assert refused.value.cycle == ["C", "B", "C"]
