"""Tests of print preview, printing and PDF export in the app; helpers shared by them."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.orm import Session

from desktop_app.plan_controller import PlanController
from planner.storage import PlanDocument


def make_demo_file(path: Path, language: str = "ko") -> Path:
    """The bundled demo plan saved at `path`."""
    from planner.demo import build_demo_plan
    from planner.storage.create import create_empty_database
    from planner.storage.document import make_engine

    create_empty_database(path)
    engine = make_engine(path)
    try:
        with Session(engine) as session, session.begin():
            build_demo_plan(session, language)
    finally:
        engine.dispose()
    return path


@contextmanager
def demo_controller_at(folder: Path, language: str = "ko") -> Iterator[PlanController]:
    """A controller over the demo plan opened from a file in `folder`."""
    document = PlanDocument.open(make_demo_file(folder / "haedam.cplan", language))
    controller = PlanController(document)
    try:
        yield controller
    finally:
        controller.undo_stack.clear()
        document.close()


def pdf_page_texts(path_or_bytes: Path | bytes) -> list[str]:
    """The text of each page of a PDF file or PDF bytes."""
    import io

    from pypdf import PdfReader

    source = io.BytesIO(path_or_bytes) if isinstance(path_or_bytes, bytes) else path_or_bytes
    return [page.extract_text() or "" for page in PdfReader(source).pages]
