"""Fixtures of the command tests: the sample plan, fresh for every test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.planner.commands.sample_plan import SamplePlan, build_sample_plan


@pytest.fixture
def sample_plan(tmp_path: Path) -> Iterator[SamplePlan]:
    plan = build_sample_plan(tmp_path / "sample.cplan")
    yield plan
    plan.engine.dispose()
