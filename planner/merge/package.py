"""Department packages: one field's initiatives with everything they refer to, as a plan file that shares the
lineage of the plan it came from and merges back into it (`cplan package FILE --field CODE --out PKG.cplan`)."""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from planner.errors import PlannerError
from planner.i18n import _

if TYPE_CHECKING:  # lineage loads SQLAlchemy and the data model: not needed to register the command
    from planner.merge.lineage import Tables, Versions

# Rows that belong to others: included when every non-empty one of these references points into the package.
OWNED_BY: dict[str, tuple[tuple[str, str], ...]] = {
    "milestone": (("initiative_id", "initiative"),),
    "dependency": (("predecessor_id", "initiative"), ("successor_id", "initiative")),
    "raci_role": (("initiative_id", "initiative"),),
    "budget_line": (("initiative_id", "initiative"),),
    "kpi": (("initiative_id", "initiative"),),
    "kpi_target": (("kpi_id", "kpi"),),
    "risk": (("initiative_id", "initiative"),),
    "checklist_answer": (("initiative_id", "initiative"),),
    "workshop_rating": (("initiative_id", "initiative"),),
    "stakeholder_relation": (("source_id", "stakeholder"), ("target_id", "stakeholder")),
}


class PackageError(PlannerError):
    """The package cannot be made (no such field, or the result would not be a sound plan)."""


@dataclass
class Package:
    """The rows of a department package (every kind, plan-JSON form) and its scope (row ids by kind)."""

    field_code: str
    field_name: str
    tables: Tables
    scope: dict[str, Any]

    def count(self, kind: str) -> int:
        return len(self.tables.get(kind, []))


def field_codes(tables: Mapping[str, list[dict[str, Any]]]) -> list[tuple[str, str]]:
    """(code, name) of the plan's fields, in their order."""
    rows = sorted(tables.get("field", []), key=lambda row: (row.get("position") or 0, row.get("code") or ""))
    return [(str(row.get("code") or ""), str(row.get("name") or "")) for row in rows]


def package_tables(tables: Mapping[str, list[dict[str, Any]]], field_code: str) -> Package:
    """The package of the field with code `field_code`: the plan row, the field, its strategies and initiatives,
    what those own (milestones, dependencies among them, roles, budget lines, KPIs and targets, risks, checklist
    answers, ratings, comments) and every row they refer to (stakeholders and relations among them, funding rules,
    ...). PackageError when the plan has no such field."""
    from planner.merge.conflicts import REFERENCES  # loads the data model; not needed for `cplan --help`

    fields = [row for row in tables.get("field", []) if str(row.get("code") or "") == field_code]
    if not fields:
        codes = ", ".join(code for code, _name in field_codes(tables)) or _("none")
        raise PackageError(_("The plan has no field with the code {code} (fields: {codes}).").format(
            code=field_code, codes=codes))
    index = {kind: {row["id"]: row for row in rows} for kind, rows in tables.items()}
    chosen: dict[str, dict[str, dict[str, Any]]] = {kind: {} for kind in tables}

    def add(kind: str, row: dict[str, Any]) -> bool:
        if row["id"] in chosen.setdefault(kind, {}):
            return False
        chosen[kind][row["id"]] = row
        return True

    for row in tables.get("plan", []):
        add("plan", row)
    field_ids = {row["id"] for row in fields}
    for row in fields:
        add("field", row)
    strategies = [row for row in tables.get("strategy", []) if row.get("field_id") in field_ids]
    strategy_ids = {row["id"] for row in strategies}
    for row in strategies:
        add("strategy", row)
    for row in tables.get("initiative", []):
        if row.get("field_id") in field_ids or row.get("strategy_id") in strategy_ids:
            add("initiative", row)
    changed = True
    while changed:
        changed = False
        for kind in list(chosen):  # what the chosen rows refer to
            for row in list(chosen[kind].values()):
                for column, target in REFERENCES.get(kind, {}).items():
                    referred = index.get(target, {}).get(row.get(column))  # type: ignore[arg-type]
                    if referred is not None:
                        changed |= add(target, referred)
        for kind, owners in OWNED_BY.items():  # what belongs to chosen rows
            for row in tables.get(kind, []):
                links = [(row.get(column), target) for column, target in owners if row.get(column) is not None]
                if links and all(value in chosen.get(target, {}) for value, target in links):
                    changed |= add(kind, row)
        for row in tables.get("comment", []):  # comments on chosen items (not the plan's own)
            target_kind = row.get("target_kind")
            if target_kind != "plan" and row.get("target_id") in chosen.get(str(target_kind), {}):
                changed |= add("comment", row)
    packaged = {kind: sorted(rows.values(), key=lambda row: row["id"]) for kind, rows in chosen.items()}
    packaged = {kind: packaged.get(kind, []) for kind in tables if kind != "change_log"}
    scope = {"field": field_code, "rows": {kind: [row["id"] for row in rows] for kind, rows in packaged.items()
                                            if rows}}
    return Package(field_code, str(fields[0].get("name") or ""), packaged, scope)


def checked_package(package: Package) -> dict[str, list[dict[str, Any]]]:
    """The package's rows after every check a plan file gets; PackageError listing the problems."""
    from planner.interchange.plan_json import FORMAT_NAME, FORMAT_VERSION, read_plan_json, render_plan_json
    from planner.storage.schema import SCHEMA_VERSION

    document = {"format": FORMAT_NAME, "format_version": FORMAT_VERSION, "schema_version": SCHEMA_VERSION,
                "exported_at": datetime.now(UTC).isoformat(timespec="seconds"), "tables": package.tables}
    tables, report = read_plan_json(render_plan_json(document))
    if not report.ok:
        raise PackageError(_("The package failed its checks, so nothing was written: {problems}").format(
            problems="; ".join(report.lines(10))))
    return tables


def write_package(source: Path, field_code: str, target: Path, *, force: bool = False) -> Package:
    """Write the department package of `field_code` from the plan file `source` to the new plan file `target`.

    The package records the source's versions and one of its own descended from the source's latest, with its
    scope, so it merges back with `cplan merge SOURCE PKG` (rows it never held do not count as deleted)."""
    from planner.cli import CommandLineError, write_plan_file
    from planner.history import login_name
    from planner.merge import lineage
    from planner.merge.files import _insert_tables
    from planner.model.base import new_id, utc_now
    from planner.storage.create import create_empty_database
    from planner.storage.document import make_engine

    source, target = Path(source), Path(target)
    if target.absolute() == source.absolute():
        raise CommandLineError(_("{file} is the plan being packaged; write the package to a new file.").format(
            file=target))
    plan = lineage.read_plan_file(source)
    package = package_tables(plan.tables, field_code)
    tables = checked_package(package)
    versions: Versions = dict(plan.versions)
    parents = lineage.heads(versions)
    if not parents:  # a file saved before lineage existed: the package holds its content as the base
        content = {kind: rows for kind, rows in plan.tables.items() if kind not in lineage.UNSNAPSHOTTED}
        root = lineage.Version(new_id(), utc_now().strftime("%Y-%m-%d %H:%M:%S.%f"), login_name(), (), None,
                       lineage.pack(content))
        versions = {root.id: root}
        parents = [root.id]

    def build(path: Path) -> None:
        create_empty_database(path)
        engine = make_engine(path)
        try:
            with engine.begin() as connection:
                _insert_tables(connection, tables)
        finally:
            engine.dispose()
        record = lineage.prepare_version(lineage.file_content(path), {}, login_name(), parents=parents,
                                         scope=package.scope, added=list(versions.values()))
        record.write(path)

    write_plan_file(target, build, force=force)
    return package


def _command_package(args: argparse.Namespace, out: TextIO) -> int:
    from planner.cli import EXIT_OK

    package = write_package(Path(args.file), args.field, Path(args.out), force=args.force)
    print(_("Wrote the department package {out}: field {code} {name}, {initiatives} initiatives, {stakeholders} "
            "stakeholders, {budget} budget lines, {kpis} KPIs. Edited elsewhere, it merges back with: cplan merge "
            "{file} {out} --out MERGED.cplan").format(
        out=args.out, code=package.field_code, name=package.field_name, initiatives=package.count("initiative"),
        stakeholders=package.count("stakeholder"), budget=package.count("budget_line"), kpis=package.count("kpi"),
        file=args.file), file=out)
    return EXIT_OK


def register(commands: argparse._SubParsersAction, language_option: argparse.ArgumentParser) -> None:
    """Add `cplan package FILE --field CODE --out PKG.cplan [--force]`."""
    command = commands.add_parser(
        "package", parents=[language_option], help=_("export one field's initiatives as a department package"),
        description=_("Write one field's initiatives, with everything they refer to, as a plan file a department "
                      "can edit on its own. It shares the lineage of FILE, so it merges back with `cplan merge FILE "
                      "PKG --out OUT`; rows the package never held are not treated as deleted."))
    command.add_argument("file", metavar="FILE", help=_("the plan file"))
    command.add_argument("--field", required=True, metavar="CODE", help=_("the code of the field to export"))
    command.add_argument("--out", required=True, metavar="PKG", help=_("the package file to write"))
    command.add_argument("--force", action="store_true", help=_("replace PKG if it exists"))
    command.set_defaults(handler=_command_package)
