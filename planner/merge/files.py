"""Merging plan files: read three plans as the app opens them, check they are versions of one plan, write the
merged plan (with its unresolved conflicts recorded) as a new file, whole or not at all."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from planner.errors import PlannerError
from planner.i18n import _
from planner.merge.conflicts import MISSING, SIDES, Conflict, short
from planner.merge.engine import OURS, MergeResult, Tables, merge_plans
from planner.merge.lineage import Versions
from planner.model import new_id, utc_now

MAX_LABEL = 300
MAX_FIELD = 80


class MergeRefused(PlannerError):
    """The files cannot be merged (not versions of one plan, or the result would not be a sound plan)."""


def read_plan_tables(path: Path) -> Tables:
    """Every row of a plan file in the plan-JSON form; the file is validated and opened read-only as the app
    opens it (an older format converted in the working copy). PlanFileError for a file that is not a plan."""
    from planner.cli import opened_plan
    from planner.interchange.plan_json import plan_to_json

    with opened_plan(path, read_only=True) as document, document.session() as session:
        return plan_to_json(session)["tables"]


def plan_id(tables: Tables) -> str | None:
    rows = tables.get("plan", [])
    return str(rows[0]["id"]) if len(rows) == 1 else None


def check_lineage(paths: Sequence[Path], versions: Sequence[Tables]) -> None:
    """Refuse (MergeRefused) three files that are not versions of one plan: each plan carries the id its
    first version was given, kept by every copy, save and export."""
    ids = [plan_id(tables) for tables in versions]
    if len(set(ids)) != 1:
        names = ", ".join(f"{path.name}" for path in paths)
        raise MergeRefused(_("{files} are not versions of the same plan (each began as a different plan), so "
                             "there is no common version to merge from. Add --allow-unrelated to merge them "
                             "anyway.").format(files=names))


def merge_files(base: Path, ours: Path, theirs: Path, *, prefer: str = OURS,
                allow_unrelated: bool = False) -> MergeResult:
    """Merge the plan files `ours` and `theirs`, both descended from `base`."""
    return merge_plan_files(base, ours, theirs, prefer=prefer, allow_unrelated=allow_unrelated).result


@dataclass
class FileMerge:
    """A merge of two plan files: the result, each file's versions (the merged file descends from both), and
    what the base was (a file name, or the saved version the lineage found)."""

    result: MergeResult
    versions: tuple[Versions, Versions]
    base_name: str
    base_version: str | None = None
    paths: tuple[Path | None, Path | None] = (None, None)  # ours and theirs


def no_common_version_message(ours: Path, theirs: Path, reason: str) -> str:
    return _("{ours} and {theirs} have no common saved version to merge from ({reason}). Give the version both "
             "started from as BASE: cplan merge BASE OURS THEIRS --out OUT.").format(
        ours=Path(ours).name, theirs=Path(theirs).name, reason=reason.rstrip("."))


def merge_plan_files(base: Path | None, ours: Path, theirs: Path, *, prefer: str = OURS,
                     allow_unrelated: bool = False) -> FileMerge:
    """Merge the plan files `ours` and `theirs`. Without `base`, their common version is found in their lineage
    (MergeRefused when they have none). A department package is completed with the base's rows outside its
    scope, so that what it never held does not count as deleted."""
    from planner.merge import lineage

    our_file, their_file = lineage.read_plan_file(Path(ours)), lineage.read_plan_file(Path(theirs))
    versions = (our_file.versions, their_file.versions)
    if base is None:
        if not allow_unrelated:
            check_lineage([Path(ours), Path(theirs)], [our_file.tables, their_file.tables])
        try:
            base_tables, our_tables, their_tables, common = lineage.merge_inputs(
                our_file.tables, our_file.versions, their_file.tables, their_file.versions)
        except lineage.NoCommonVersion as error:
            raise MergeRefused(no_common_version_message(ours, theirs, str(error))) from error
        result = merge_plans(base_tables, our_tables, their_tables, prefer=prefer)
        name = _("saved {when}").format(when=lineage.version_text(common))
        return FileMerge(result, versions, name, common.id, (Path(ours), Path(theirs)))
    base_tables = read_plan_tables(Path(base))
    if not allow_unrelated:
        check_lineage([Path(base), Path(ours), Path(theirs)], [base_tables, our_file.tables, their_file.tables])
    our_tables = lineage.fill_outside_scope(base_tables, our_file.tables, lineage.scope_of(our_file.versions))
    their_tables = lineage.fill_outside_scope(base_tables, their_file.tables, lineage.scope_of(their_file.versions))
    return FileMerge(merge_plans(base_tables, our_tables, their_tables, prefer=prefer), versions, Path(base).name,
                     paths=(Path(ours), Path(theirs)))


def conflict_rows(conflicts: Sequence[Conflict], sources: str, now: datetime | None = None) -> list[dict[str, Any]]:
    """The merge_conflict rows recording `conflicts` (plan-JSON form), for the app's later review."""
    stamp = (now or utc_now()).isoformat()
    rows = []
    for conflict in conflicts:
        sides: dict[str, Any] = {}
        for side in (*SIDES, "merged"):
            if side not in conflict.values and side not in conflict.texts:
                continue
            entry: dict[str, Any] = {"text": conflict.texts.get(side, "")}
            value = conflict.values.get(side, MISSING)
            if value is not MISSING:
                entry["value"] = value
            sides[side] = entry
        rows.append({
            "id": new_id(), "modified_at": stamp, "conflict_type": conflict.conflict_type,
            "item_kind": conflict.kind, "item_id": conflict.row_id, "item_label": short(conflict.label, MAX_LABEL),
            "field_name": conflict.field[:MAX_FIELD], "conflict_key": conflict.key, "sides": sides,
            "kept": conflict.kept, "involved": list(conflict.involved), "message": conflict.message,
            "sources": sources, "created_at": stamp,
        })
    return rows


def merged_document(result: MergeResult, sources: str) -> dict[str, Any]:
    """The merged plan as a plan-JSON document, its unresolved conflicts added as merge_conflict rows."""
    from planner.interchange.plan_json import FORMAT_NAME, FORMAT_VERSION
    from planner.storage.schema import SCHEMA_VERSION

    tables = dict(result.tables)
    tables["merge_conflict"] = [*tables.get("merge_conflict", []), *conflict_rows(result.conflicts, sources)]
    return {"format": FORMAT_NAME, "format_version": FORMAT_VERSION, "schema_version": SCHEMA_VERSION,
            "exported_at": datetime.now(UTC).isoformat(timespec="seconds"), "tables": tables}


def checked_tables(result: MergeResult, sources: str) -> dict[str, list[dict[str, Any]]]:
    """The merged rows as a plan file takes them, after every check a plan file gets (types, limits, unique
    values, references, cycles); MergeRefused listing the problems if a check fails (nothing is written then)."""
    from planner.interchange.plan_json import read_plan_json, render_plan_json

    tables, report = read_plan_json(render_plan_json(merged_document(result, sources)))
    if not report.ok:
        raise MergeRefused(_("The merged plan failed its checks, so nothing was written: {problems}").format(
            problems="; ".join(report.lines(10))))
    return tables


def _insert_tables(connection: Connection, tables: dict[str, list[dict[str, Any]]]) -> None:
    """Insert checked rows (every column present) table by table, parents first, each table in one executemany
    with its columns' own conversions (months, decimals, JSON, ...); foreign keys are checked at commit."""
    from planner.model import ENTITY_CLASSES, Base

    kinds = {cls.__table__.name: kind for kind, cls in ENTITY_CLASSES.items()}  # type: ignore[attr-defined]
    connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
    for table in Base.metadata.sorted_tables:
        rows = tables.get(kinds.get(table.name, ""), [])
        if not rows:
            continue
        columns = list(table.columns)
        processors = [column.type.bind_processor(connection.dialect) for column in columns]
        values = [tuple(value if process is None else process(value)
                        for process, value in zip(processors, (row.get(column.name) for column in columns),
                                                  strict=True)) for row in rows]
        names = ", ".join(f'"{column.name}"' for column in columns)
        marks = ", ".join("?" for _column in columns)
        connection.exec_driver_sql(f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})', values)


def record_merged_version(path: Path, ours: Versions, theirs: Versions) -> None:
    """Record in the merged file both files' versions and its own, descended from the heads of both."""
    from planner.history import login_name
    from planner.merge import lineage

    parents = [*lineage.heads(ours), *lineage.heads(theirs)]
    added = list(lineage.union(ours, theirs).values())
    record = lineage.prepare_version(lineage.file_content(path), {}, login_name(), parents=parents, scope=None,
                                     added=added)
    record.write(path)


MERGE_COMMAND = "merge_plan"  # the command name of the history entry a merge writes (as the app's merge)


def merge_entry(summary: str, details: dict[str, Any], *, author: str | None = None,
                now: datetime | None = None) -> dict[str, Any]:
    """The change_log row (plan-JSON form) that records a merge in the merged plan's history: one entry, next
    to the entries of both sides (which the merge keeps, by id)."""
    from planner.history import clean_author, login_name

    stamp = (now or utc_now()).isoformat()
    return {"id": new_id(), "modified_at": stamp, "at": stamp, "author": clean_author(login_name() if author is None
                                                                                     else author),
            "command": MERGE_COMMAND, "summary": summary, "details": {"action": "do", **details}}


def merge_entry_details(result: MergeResult, files: dict[str, str]) -> dict[str, Any]:
    """What the merge entry records: the files merged, rows per kind in the merged plan, the conflicts."""
    plan_rows = {kind: len(rows) for kind, rows in result.tables.items() if rows and kind != "change_log"}
    return {"kinds": sorted(plan_rows), "rows": [], "counts": {}, "total_rows": 0, "truncated": False,
            "whole_plan": True, "plan_rows": plan_rows, "merge": {
                **files, "conflicts": len(result.conflicts), "decided": len(result.resolved),
                "stats": {name: count for name, count in result.stats.items() if count}}}


def write_merged_plan(result: MergeResult, target: Path, *, sources: str, force: bool = False,
                      lineage: tuple[Versions, Versions] | None = None, entry: dict[str, Any] | None = None,
                      inspect: Callable[[Path], None] | None = None) -> Path:
    """Write the merged plan to `target` as a new plan file (atomically; an existing file only with `force`),
    then check the written file as opening it would. With `lineage` (the two files' versions) the merged file
    records them and a version of its own descended from both. `entry` (merge_entry) is added to its history;
    `inspect` is called with the new file, complete but not yet in place (to check it before it is saved)."""
    from planner.cli import write_plan_file
    from planner.storage.create import create_empty_database
    from planner.storage.document import make_engine
    from planner.storage.validate import validate_plan_file

    if entry is not None:
        result = replace(result, tables={**result.tables, "change_log": [*result.tables.get("change_log", []), entry]})
    tables = checked_tables(result, sources)

    def build(path: Path) -> None:
        create_empty_database(path)
        engine = make_engine(path)
        try:
            with engine.begin() as connection:
                _insert_tables(connection, tables)
        finally:
            engine.dispose()
        if inspect is not None:
            inspect(path)
        if lineage is not None:
            record_merged_version(path, *lineage)

    written = write_plan_file(Path(target), build, force=force)
    validate_plan_file(written)
    return written
