"""The snapshot model's refresh: removes, moves, inserts and changes keep every persistent index on its row's id."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPersistentModelIndex, Qt
from sqlalchemy.orm import Session

from desktop_app.models.snapshot_table_model import ID_ROLE, SORT_ROLE, Column, SnapshotTableModel


@dataclass(frozen=True)
class Thing:
    id: str
    name: str
    size: int


class ThingModel(SnapshotTableModel[Thing]):
    def make_columns(self) -> list[Column[Thing]]:
        return [Column("name", "Name", lambda t: t.name), Column("size", "Size", lambda t: str(t.size),
                                                                  sort=lambda t: t.size, numeric=True)]

    def read_rows(self, session: Session) -> list[Thing]:  # pragma: no cover - no controller here
        return []


def things(ids: list[str], version: int = 0) -> list[Thing]:
    return [Thing(row_id, f"{row_id}-{version}", int(row_id) * 10) for row_id in ids]


def test_model_without_rows_passes_the_model_tester(qtmodeltester: Any) -> None:
    qtmodeltester.check(ThingModel(None), force_py=True)


def test_sorting_back_to_the_plan_order() -> None:
    model = ThingModel(None)
    model.set_rows(things(["2", "1", "3"]))
    model.sort(1, Qt.SortOrder.AscendingOrder)
    assert [row.id for row in model.rows] == ["1", "2", "3"]
    model.sort(-1)
    assert [row.id for row in model.rows] == ["2", "1", "3"]


def test_rows_report_id_sort_value_and_alignment() -> None:
    model = ThingModel(None)
    model.set_rows(things(["1", "2"]))
    assert model.data(model.index(1, 0)) == "2-0"
    assert model.data(model.index(1, 0), ID_ROLE) == "2"
    assert model.data(model.index(1, 1), SORT_ROLE) == 20
    assert model.data(model.index(5, 0)) is None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    before=st.lists(st.integers(0, 30), unique=True, max_size=12),
    after=st.lists(st.integers(0, 30), unique=True, max_size=12),
    changed=st.booleans(),
    sort=st.sampled_from([None, (1, Qt.SortOrder.AscendingOrder), (1, Qt.SortOrder.DescendingOrder),
                          (0, Qt.SortOrder.DescendingOrder)]),
)
def test_refresh_and_sorting_keep_persistent_indexes_on_their_ids(
    qtmodeltester: Any, before: list[int], after: list[int], changed: bool, sort: tuple[int, Qt.SortOrder] | None
) -> None:
    model = ThingModel(None)
    qtmodeltester.check(model, force_py=True)
    model.set_rows(things([str(n) for n in before]))
    persistent = {str(n): QPersistentModelIndex(model.index(row, 1)) for row, n in enumerate(before)}
    if sort is not None:
        model.sort(*sort)
    model.set_rows(things([str(n) for n in after], version=1 if changed else 0))
    expected = [str(n) for n in after]
    if sort is not None:
        reverse = sort[1] == Qt.SortOrder.DescendingOrder
        key = (lambda i: int(i)) if sort[0] == 1 else (lambda i: f"{i}-{1 if changed else 0}")
        expected = sorted(expected, key=key, reverse=reverse)
    assert [model.data(model.index(row, 0), ID_ROLE) for row in range(model.rowCount())] == expected
    for row_id, index in persistent.items():
        if int(row_id) in after:
            assert index.isValid() and index.data(ID_ROLE) == row_id and index.column() == 1
        else:
            assert not index.isValid()
