"""`cplan export FILE --to OUT.json`: the exporter writing the complete plan as JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from planner.i18n import _

if TYPE_CHECKING:
    from planner.reports.export_command import ExportRequest


def export_plan_json_file(request: ExportRequest, out: TextIO) -> int:
    """Write the whole plan to request.target as JSON (atomically) and say how many rows went out."""
    from planner.atomic_files import write_bytes_atomically
    from planner.cli import EXIT_OK, opened_plan
    from planner.interchange.plan_json import plan_to_json, render_plan_json

    with opened_plan(request.plan_file) as document, document.session() as session:
        document_json = plan_to_json(session)
    write_bytes_atomically(request.target.absolute(), render_plan_json(document_json))
    rows = sum(len(rows) for rows in document_json["tables"].values())
    print(_("Wrote {file}: {rows} rows of {kinds} kinds (JSON format version {version}).").format(
        file=request.target, rows=rows, kinds=len(document_json["tables"]), version=document_json["format_version"]),
        file=out)
    return EXIT_OK
