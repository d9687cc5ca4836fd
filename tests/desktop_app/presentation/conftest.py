"""A controller over the bundled Korean demo plan, for the presentation tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from desktop_app.plan_controller import PlanController
from planner.demo import build_demo_plan
from planner.storage import PlanDocument
from planner.storage.create import create_empty_database
from planner.storage.document import make_engine


@pytest.fixture
def demo_controller(qtbot: Any, tmp_path: Path) -> Iterator[PlanController]:
    """The demo plan (Korean, 2027-2031, six fields) under a controller."""
    path = tmp_path / "demo.cplan"
    create_empty_database(path)
    engine = make_engine(path)
    try:
        with Session(engine) as session, session.begin():
            build_demo_plan(session, "ko")
    finally:
        engine.dispose()
    document = PlanDocument.open(path)
    controller = PlanController(document)
    yield controller
    controller.undo_stack.clear()
    document.close()


@pytest.fixture
def empty_plan_controller(qtbot: Any) -> Iterator[PlanController]:
    """A controller over a plan with nothing but its plan record."""
    document = PlanDocument.new("빈 계획", 2027, 2031, region_province="경상남도")
    controller = PlanController(document)
    yield controller
    controller.undo_stack.clear()
    document.close()
