"""Fixtures of the merge tests: the sample plan as a common version and two copies to edit on either side."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from planner.merge import MergeResult, merge_plans
from tests.planner.commands.sample_plan import SamplePlan, build_sample_plan
from tests.planner.merge.versions import copy_plan, tables


@dataclass
class ThreeVersions:
    """A common version and two copies of it (ours, theirs), each a plan file of its own."""

    base: SamplePlan
    ours: SamplePlan
    theirs: SamplePlan
    paths: dict[str, Path]

    @property
    def ids(self) -> dict[str, str]:
        return self.base.ids

    def merge(self, **options: Any) -> MergeResult:
        return merge_plans(tables(self.base), tables(self.ours), tables(self.theirs), **options)

    def fork(self) -> None:
        """Make ours and theirs copies of the base as it is now (after edits of the base itself)."""
        for side in ("ours", "theirs"):
            getattr(self, side).engine.dispose()
            self.base.engine.dispose()
            setattr(self, side, copy_plan(self.base, self.paths["base"], self.paths[side]))
            getattr(self, side).ids.update(self.base.ids)


@pytest.fixture
def versions(tmp_path: Path) -> Iterator[ThreeVersions]:
    paths = {side: tmp_path / f"{side}.cplan" for side in ("base", "ours", "theirs")}
    base = build_sample_plan(paths["base"])
    three = ThreeVersions(base, copy_plan(base, paths["base"], paths["ours"]),
                          copy_plan(base, paths["base"], paths["theirs"]), paths)
    yield three
    for plan in (three.base, three.ours, three.theirs):
        plan.engine.dispose()
