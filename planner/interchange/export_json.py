"""The complete plan written as a JSON file, with a line saying what went out."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from planner.i18n import _

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def write_plan_json_summary(session: Session, target: Path) -> str:
    """Write the whole plan to `target` as JSON (atomically) and say how many rows went out."""
    from planner.atomic_files import write_bytes_atomically
    from planner.interchange.plan_json import plan_to_json, render_plan_json

    document_json = plan_to_json(session)
    write_bytes_atomically(Path(target).absolute(), render_plan_json(document_json))
    rows = sum(len(rows) for rows in document_json["tables"].values())
    return _("Wrote {file}: {rows} rows of {kinds} kinds (JSON format version {version}).").format(
        file=target, rows=rows, kinds=len(document_json["tables"]), version=document_json["format_version"])
