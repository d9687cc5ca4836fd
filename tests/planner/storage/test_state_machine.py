"""Edit, undo, redo, save, revert and reopen a plan in any order: it always reopens exactly what was saved."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import select

from planner.commands import AddRow, Command, DeleteRows, UpdateRow
from planner.errors import PlannerError
from planner.model import Dependency, Initiative
from planner.storage import PlanDocument, validate_plan_file
from tests.planner.storage.helpers import dump_database, initiative_values, plan_id

Dump = dict[str, list[tuple[Any, ...]]]

titles = st.text(
    alphabet=st.sampled_from("가나다라 AI-&<>'\"%_;\\x0"), min_size=1, max_size=20
).filter(lambda text: text.strip() != "")


class PlanDocumentMachine(RuleBasedStateMachine):
    """The model is the list of dumps: before each undoable command, and at the last save."""

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="cplan-machine-"))
        self.path = self.folder / "plan.cplan"
        self.document = PlanDocument.new("State machine plan", 2027, 2031)
        self.plan_id = plan_id(self.document)
        self.undo: list[tuple[Command, Dump, Dump]] = []  # command, content before, content after
        self.redo: list[tuple[Command, Dump, Dump]] = []
        self.saved: Dump | None = None
        self.next_code = 0
        # Start from a small linked plan (as if made from a template), so deletions cascade from the start.
        starters = [AddRow("initiative", initiative_values(9000 + n, title=f"Starter {n}")) for n in range(1, 5)]
        for command in starters:
            self.document.apply(command)
        for first, second in [(0, 1), (1, 2), (0, 3), (2, 3)]:
            self.document.apply(AddRow("dependency", {"predecessor_id": starters[first].row_id,
                                                      "successor_id": starters[second].row_id}))

    def teardown(self) -> None:
        self.document.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    # -- helpers ------------------------------------------------------------------------------------------

    def content(self) -> Dump:
        return dump_database(self.document.working_path)

    def plan_content(self) -> Dump:
        """Everything but the history (change_log), which only grows: undo and redo add entries of their own."""
        dump = self.content()
        dump.pop("change_log", None)
        dump.pop("plan_version", None)  # the lineage records saves, which undo does not take back
        return dump

    def history_size(self) -> int:
        return len(self.content().get("change_log", []))

    def initiative_ids(self) -> list[str]:
        """In code order: ids are random UUIDs, and hypothesis needs the same draws to pick the same rows."""
        with self.document.session() as session:
            return list(session.execute(select(Initiative.id).order_by(Initiative.code)).scalars())

    def dependencies(self) -> list[tuple[str, str]]:
        with self.document.session() as session:
            return [tuple(row) for row in session.execute(select(Dependency.predecessor_id, Dependency.successor_id))]

    def do(self, command: Command) -> None:
        """Apply a new command: one undo entry, and the redo stack is gone (as in any editor)."""
        before = self.content()
        try:
            self.document.apply(command)
        except PlannerError:
            assert self.content() == before  # a refused edit changes nothing, the history included
            return
        self.undo.append((command, {k: v for k, v in before.items() if k not in ("change_log", "plan_version")},
                          self.plan_content()))
        self.redo.clear()

    # -- rules --------------------------------------------------------------------------------------------

    @rule(title=titles)
    def add_initiative(self, title: str) -> None:
        self.next_code += 1
        self.do(AddRow("initiative", initiative_values(self.next_code, title=title)))

    @rule(data=st.data(), title=titles)
    def update_title(self, data: st.DataObject, title: str) -> None:
        targets = [("plan", self.plan_id)] + [("initiative", i) for i in self.initiative_ids()]
        kind, row_id = data.draw(st.sampled_from(targets))
        self.do(UpdateRow(kind, row_id, {"title": title}))

    @precondition(lambda self: self.initiative_ids())
    @rule(data=st.data())
    def delete_initiative(self, data: st.DataObject) -> None:
        linked_ids = {row_id for pair in self.dependencies() for row_id in pair}
        linked = [row_id for row_id in self.initiative_ids() if row_id in linked_ids]
        # Initiatives with dependencies are listed twice: their deletion cascades, which undo must restore.
        self.do(DeleteRows("initiative", [data.draw(st.sampled_from(linked + self.initiative_ids()))]))

    @precondition(lambda self: len(self.initiative_ids()) >= 2)
    @rule(data=st.data(), lag=st.integers(-3, 6), kind=st.sampled_from(["FS", "SS", "FF", "SF"]))
    def add_dependency(self, data: st.DataObject, lag: int, kind: str) -> None:
        predecessor, successor = data.draw(st.permutations(self.initiative_ids()))[:2]
        self.do(AddRow("dependency", {"predecessor_id": predecessor, "successor_id": successor,
                                      "type": kind, "lag_months": lag}))

    @precondition(lambda self: self.undo)
    @rule()
    def undo_last(self) -> None:
        command, before, after = self.undo.pop()
        entries = self.history_size()
        self.document.revert(command)
        assert self.plan_content() == before
        assert self.history_size() == entries + 1  # the undo is recorded; the entry it undoes is kept
        self.redo.append((command, before, after))

    @precondition(lambda self: self.redo)
    @rule()
    def redo_last(self) -> None:
        command, before, after = self.redo.pop()
        self.document.apply(command)
        assert self.plan_content() == after
        self.undo.append((command, before, after))

    @precondition(lambda self: self.document.unsaved)
    @rule()
    def save(self) -> None:
        if self.document.path is None:
            self.document.save_as(self.path)
        else:
            self.document.save()
        self.saved = self.content()
        assert not self.document.unsaved

    @precondition(lambda self: self.saved is not None and (self.undo or self.redo))  # something happened since
    @rule()
    def close_and_reopen(self) -> None:
        self.document.close()
        self.document = PlanDocument.open(self.path)
        assert not self.document.read_only
        assert self.content() == self.saved
        self.undo.clear()
        self.redo.clear()

    @precondition(lambda self: self.saved is not None and self.document.unsaved)
    @rule()
    def revert_to_saved(self) -> None:
        self.document.revert_to_saved()
        assert self.content() == self.saved
        self.undo.clear()
        self.redo.clear()

    # -- invariants ---------------------------------------------------------------------------------------

    @invariant()
    def the_file_holds_the_last_save(self) -> None:
        if self.saved is None:
            assert not self.path.exists()
            return
        validate_plan_file(self.path)
        assert dump_database(self.path) == self.saved

    @invariant()
    def every_dependency_links_two_initiatives(self) -> None:
        ids = set(self.initiative_ids())
        for predecessor, successor in self.dependencies():
            assert predecessor in ids and successor in ids and predecessor != successor


@pytest.mark.slow  # many saves and reopens; no Qt in it, so the run without PySide6 skips it
def test_edit_undo_save_reopen_state_machine() -> None:
    run_state_machine_as_test(
        PlanDocumentMachine,
        settings=settings(max_examples=30, stateful_step_count=25, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow]),
    )
