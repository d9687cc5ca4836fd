"""The complete plan as a versioned JSON document: written from every table, read back with strict checks."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    Integer,
    String,
    Table,
    select,
)
from sqlalchemy import UniqueConstraint as SqlUniqueConstraint
from sqlalchemy.orm import Session

from planner.atomic_files import write_bytes_atomically
from planner.commands.rows import GENERIC_REFERENCES
from planner.i18n import _
from planner.interchange.report import ImportReport
from planner.model import ENTITY_CLASSES, DecimalText, YearMonthType, utc_now
from planner.model.attributes import ATTRIBUTES, Attribute
from planner.months import YearMonth
from planner.storage.schema import SCHEMA_VERSION

FORMAT_NAME = "convergence-planner-plan"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 200 * 1024 * 1024
TOP_LEVEL_KEYS = ("format", "format_version", "schema_version", "exported_at", "tables")
# Columns stamped with a time when a row is made; a file that leaves them out gets the time of the import.
TIMESTAMP_COLUMNS = frozenset({"modified_at", "created_at", "at"})
INT64_RANGE = (-(2**63), 2**63 - 1)
_MONTH_PATTERN = re.compile(r"^(\d{4})-(\d{2})$")
_DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")

Tables = dict[str, list[dict[str, Any]]]
# Where row `number` of `kind` is in the source, as the report names it.
Placer = Callable[[str, int], str]


class _BadValue(ValueError):
    """A value that does not fit its column; the message says what is wrong."""


# -- value forms ----------------------------------------------------------------------------------------------


def value_form(column: Column[Any]) -> str:
    """How a column's values appear in the JSON file: text, integer, money, bool, float, datetime, date, month,
    decimal or json."""
    column_type = column.type
    if isinstance(column_type, YearMonthType):
        return "month"
    if isinstance(column_type, DecimalText):
        return "decimal"
    if isinstance(column_type, JSON):
        return "json"
    if isinstance(column_type, Boolean):
        return "bool"
    if isinstance(column_type, DateTime):
        return "datetime"
    if isinstance(column_type, Date):
        return "date"
    if isinstance(column_type, Float):
        return "float"
    if isinstance(column_type, BigInteger):
        return "money"
    if isinstance(column_type, Integer):
        return "integer"
    if isinstance(column_type, String):  # Text is a String without a length
        return "text"
    raise TypeError(f"no JSON form for the column {column}")  # pragma: no cover - a new column type


def _encode_month(value: YearMonth) -> str:
    return f"{value.year:04d}-{value.month:02d}"


ENCODERS: dict[str, Callable[[Any], Any]] = {
    "month": _encode_month,
    "decimal": str,
    "datetime": datetime.isoformat,
    "date": date.isoformat,
}


def _decode_text(value: Any, column: Column[Any]) -> str:
    if not isinstance(value, str):
        raise _BadValue(_("must be text."))
    limit = getattr(column.type, "length", None)
    if limit is not None and len(value) > limit:
        raise _BadValue(_("is {length} characters long; at most {limit} are allowed.").format(
            length=len(value), limit=limit))
    return value


def _decode_integer(value: Any, column: Column[Any]) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _BadValue(_("must be a whole number."))
    if not INT64_RANGE[0] <= value <= INT64_RANGE[1]:
        raise _BadValue(_("is too large a number."))
    return value


def _decode_bool(value: Any, column: Column[Any]) -> bool:
    if not isinstance(value, bool):
        raise _BadValue(_("must be true or false."))
    return value


def _decode_float(value: Any, column: Column[Any]) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise _BadValue(_("must be a number."))
    return float(value)


def _decode_datetime(value: Any, column: Column[Any]) -> datetime:
    try:
        parsed = datetime.fromisoformat(value) if isinstance(value, str) and len(value) <= 40 else None
    except ValueError:
        parsed = None
    if parsed is None or parsed.tzinfo is not None:
        raise _BadValue(_("must be a time such as 2027-03-01T09:30:00 (UTC, without a zone)."))
    return parsed


def _decode_date(value: Any, column: Column[Any]) -> date:
    try:
        if isinstance(value, str) and _DATE_PATTERN.match(value):
            return date.fromisoformat(value)
    except ValueError:
        pass
    raise _BadValue(_("must be a date such as 2026-09-10."))


def _decode_month(value: Any, column: Column[Any]) -> YearMonth:
    match = _MONTH_PATTERN.match(value) if isinstance(value, str) else None
    try:
        if match is not None:
            return YearMonth(int(match.group(1)), int(match.group(2)))
    except ValueError:
        pass
    raise _BadValue(_("must be a month such as 2027-03."))


def _decode_decimal(value: Any, column: Column[Any]) -> Decimal:
    try:
        if isinstance(value, str) and len(value) <= 40:
            number = Decimal(value)
            if number.is_finite():
                return number
    except InvalidOperation:
        pass
    raise _BadValue(_("must be a number written as text, such as \"72.5\"."))


def _decode_json(value: Any, column: Column[Any]) -> Any:
    default = column.default.arg if column.default is not None else None
    if default is list and not (isinstance(value, list) and all(isinstance(item, str) for item in value)):
        raise _BadValue(_("must be a list of texts."))
    if default is dict and not isinstance(value, dict):
        raise _BadValue(_("must be an object."))
    return value


DECODERS: dict[str, Callable[[Any, Column[Any]], Any]] = {
    "text": _decode_text, "integer": _decode_integer, "money": _decode_integer, "bool": _decode_bool,
    "float": _decode_float, "datetime": _decode_datetime, "date": _decode_date, "month": _decode_month,
    "decimal": _decode_decimal, "json": _decode_json,
}


def _table(kind: str) -> Table:
    return ENTITY_CLASSES[kind].__table__  # type: ignore[return-value]


# -- writing --------------------------------------------------------------------------------------------------


def plan_to_json(session: Session) -> dict[str, Any]:
    """The whole plan as a JSON-ready dict: every kind, every column, rows sorted by id."""
    tables: dict[str, list[dict[str, Any]]] = {}
    for kind in ENTITY_CLASSES:
        table = _table(kind)
        columns = list(table.columns)
        names = [column.name for column in columns]
        encoders = [ENCODERS.get(value_form(column)) for column in columns]
        rows = []
        for stored in session.execute(select(table).order_by(table.c.id)):
            rows.append({
                name: value if value is None or encode is None else encode(value)
                for name, value, encode in zip(names, stored, encoders, strict=True)
            })
        tables[kind] = rows
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "schema_version": SCHEMA_VERSION,
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "tables": tables,
    }


def render_plan_json(document: dict[str, Any]) -> bytes:
    """The document as UTF-8 JSON, one row per line (readable, diff-friendly, and fast to write)."""
    def dumps(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))

    head = ",\n".join(f"  {dumps(key)}: {dumps(document[key])}" for key in TOP_LEVEL_KEYS if key != "tables")
    parts = ["{\n", head, ',\n  "tables": {']
    for number, (kind, rows) in enumerate(document["tables"].items()):
        parts.append(("," if number else "") + f"\n    {dumps(kind)}: [")
        parts.append(",".join(f"\n      {dumps(row)}" for row in rows))
        parts.append("\n    ]" if rows else "]")
    parts.append("\n  }\n}\n")
    return "".join(parts).encode("utf-8")


def write_plan_json(session: Session, target: Path | str) -> Path:
    """Write the whole plan to `target` as JSON, whole or not at all."""
    return write_bytes_atomically(Path(target), render_plan_json(plan_to_json(session)))


# -- reading --------------------------------------------------------------------------------------------------


def _refuse_constant(name: str) -> Any:
    raise ValueError(_("{name} is not allowed in a plan file.").format(name=name))


def _object_without_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        duplicate = next(key for key, _value in pairs if key in seen or seen.add(key))  # type: ignore[func-returns-value]
        raise ValueError(_("the key \"{key}\" appears twice in one object").format(key=duplicate))
    return result


def parse_json_bytes(data: bytes | str, report: ImportReport) -> Any:
    """The parsed JSON value, or None with one clear problem in `report` (size, encoding or syntax)."""
    if len(data) > MAX_FILE_BYTES:
        report.add("$", "", _("The file is larger than {limit} MB.").format(limit=MAX_FILE_BYTES // (1024 * 1024)))
        return None
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            report.add("$", "", _("The file is not valid UTF-8 text (byte {offset}).").format(offset=error.start))
            return None
    try:
        return json.loads(data, parse_constant=_refuse_constant, object_pairs_hook=_object_without_duplicate_keys)
    except json.JSONDecodeError as error:
        report.add("$", "", _("The file is not valid JSON: {problem} at line {line}, column {column}.").format(
            problem=error.msg, line=error.lineno, column=error.colno))
    except ValueError as error:
        report.add("$", "", _("The file is not valid JSON: {problem}.").format(problem=error))
    except RecursionError:
        report.add("$", "", _("The file is not valid JSON: it is nested too deeply."))
    return None


def _check_header(document: Any, report: ImportReport) -> bool:
    if not isinstance(document, dict):
        report.add("$", "", _("The file does not hold a JSON object."))
        return False
    if document.get("format") != FORMAT_NAME:
        report.add("$.format", "format", _("This is not a Convergence Planner plan file (\"format\" must be "
                                           "\"{name}\").").format(name=FORMAT_NAME))
        return False
    version = document.get("format_version")
    if version != FORMAT_VERSION or isinstance(version, bool):
        report.add("$.format_version", "format_version",
                   _("Format version {found} cannot be read; this version of the app reads version {version}.")
                   .format(found=json.dumps(version), version=FORMAT_VERSION))
        return False
    sound = True
    for key in sorted(set(document) - set(TOP_LEVEL_KEYS)):
        report.add(f"$.{key}", key, _("Unknown key."))
        sound = False
    schema = document.get("schema_version")
    if isinstance(schema, bool) or not isinstance(schema, int) or schema < 1:
        report.add("$.schema_version", "schema_version", _("must be a whole number."))
        sound = False
    if "exported_at" in document and not isinstance(document["exported_at"], str):
        report.add("$.exported_at", "exported_at", _("must be text."))
    if not isinstance(document.get("tables"), dict):
        report.add("$.tables", "tables", _("must be an object of tables by kind."))
        return False
    return sound


def _column_defaults(table: Table) -> dict[str, Callable[[], Any]]:
    """What a column left out of a row becomes (only columns that may be left out)."""
    defaults: dict[str, Callable[[], Any]] = {}
    for column in table.columns:
        default = column.default
        if column.name in TIMESTAMP_COLUMNS:
            defaults[column.name] = utc_now
        elif default is not None and default.is_scalar:
            defaults[column.name] = lambda value=default.arg: value
        elif default is not None and default.is_callable and not column.primary_key:
            defaults[column.name] = lambda make=default.arg: make(None)  # type: ignore[operator]
        elif column.nullable and not column.primary_key:
            defaults[column.name] = lambda: None
    return defaults


class _ColumnPlan:
    """How one column's values are read: its decoder and a quick test that spares the full rule check."""

    def __init__(self, column: Column[Any], spec: Attribute | None) -> None:
        self.column = column
        self.name = column.name
        self.form = value_form(column)
        self.decode = DECODERS[self.form]
        self.is_text = self.form == "text"
        self.limit: int | None = getattr(column.type, "length", None)
        self.nullable = bool(column.nullable) and not column.primary_key
        self.spec = spec

    def plainly_sound(self, value: Any) -> bool:
        """True when the value surely passes the field's rule (False: ask Attribute.problem)."""
        spec = self.spec
        assert spec is not None
        if value is None or value == "" or value == []:
            return not spec.required
        if spec.choices is not None and spec.kind == "choice" and value not in spec.choices:
            return False
        if spec.minimum is not None and (not isinstance(value, int) or value < spec.minimum):
            return False
        if spec.maximum is not None and (not isinstance(value, int) or value > spec.maximum):
            return False
        # types were checked by the column's decoder
        return spec.max_length is None or (isinstance(value, str) and len(value) <= spec.max_length)


def json_path_place(kind: str, number: int) -> str:
    """Where a row of a plan JSON file is: its JSON path."""
    return f"$.tables.{kind}[{number}]"


def _read_rows(kind: str, rows: Any, report: ImportReport, positions: dict[int, str],
               declared_ids: set[str], place: Placer = json_path_place) -> list[dict[str, Any]]:
    """The sound rows of one kind, decoded (where each is in the source noted in `positions`, every id the
    source gives in `declared_ids`); every problem reported by place and field."""
    path = f"$.tables.{kind}"
    if not isinstance(rows, list):
        report.add(path, "", _("must be a list of rows."))
        return []
    table = _table(kind)
    attributes = {spec.name: spec for spec in ATTRIBUTES.get(kind, ()) if spec.kind != "ref"}
    plans = [_ColumnPlan(column, attributes.get(column.name)) for column in table.columns]
    names = {plan.name for plan in plans}
    defaults = _column_defaults(table)
    decoded_rows: list[dict[str, Any]] = []
    seen_ids: dict[str, int] = {}
    for number, row in enumerate(rows):
        where = place(kind, number)
        if not isinstance(row, dict):
            report.add(where, "", _("must be an object of column values."))
            continue
        decoded: dict[str, Any] = {}
        sound = True
        if len(row) != len(names) or row.keys() != names:
            for name in row.keys() - names:
                report.add(where, name, _("Unknown column of {kind}.").format(kind=kind))
                sound = False
        for plan in plans:
            name = plan.name
            if name not in row:
                if name in defaults:
                    decoded[name] = defaults[name]()
                else:
                    report.add(where, name, _("is required."))
                    sound = False
                continue
            value = row[name]
            if value is None:
                if not plan.nullable:
                    report.add(where, name, _("must not be null."))
                    sound = False
                decoded[name] = None
                continue
            if plan.is_text and type(value) is str and (plan.limit is None or len(value) <= plan.limit):
                decoded[name] = value  # the common case, without a call
            else:
                try:
                    decoded[name] = plan.decode(value, plan.column)
                except _BadValue as error:
                    report.add(where, name, str(error))
                    sound = False
                    continue
            if plan.spec is not None and not plan.plainly_sound(decoded[name]):
                problem = plan.spec.problem(decoded[name])
                if problem:
                    report.add(where, name, problem)
                    sound = False
        row_id = decoded.get("id")
        if isinstance(row_id, str):
            if row_id == "":
                report.add(where, "id", _("must not be empty."))
                sound = False
            elif row_id in seen_ids:
                report.add(where, "id", _("The id {id} is already used by {kind} row {row}.").format(
                    id=row_id, kind=kind, row=place(kind, seen_ids[row_id])))
                sound = False
            else:
                seen_ids[row_id] = number
        if sound:
            decoded_rows.append(decoded)
            positions[id(decoded)] = where
    declared_ids.update(seen_ids)
    return decoded_rows


def unique_column_sets(table: Table) -> list[tuple[str, ...]]:
    """Every set of columns (other than the id) whose values must be unique together."""
    sets = {(column.name,) for column in table.columns if column.unique and not column.primary_key}
    sets |= {tuple(column.name for column in constraint.columns) for constraint in table.constraints
             if isinstance(constraint, SqlUniqueConstraint)}
    return sorted(sets)


def _check_unique(kind: str, rows: list[dict[str, Any]], positions: dict[int, str], report: ImportReport) -> None:
    for names in unique_column_sets(_table(kind)):
        seen: dict[tuple[Any, ...], str] = {}
        for row in rows:
            key = tuple(row[name] for name in names)
            if any(value is None for value in key):
                continue
            if key in seen:
                report.add(positions[id(row)], names[-1],
                           _("{values} is already used by {kind} {id}.").format(
                               values=", ".join(str(value) for value in key), kind=kind, id=seen[key]))
            else:
                seen[key] = row["id"]


def _check_references(tables: Tables, ids: dict[str, set[str]], positions: dict[int, str],
                      report: ImportReport) -> None:
    kind_of = {_table(kind).name: kind for kind in ENTITY_CLASSES}
    for kind, rows in tables.items():
        for key in _table(kind).foreign_keys:
            name = key.parent.name
            target_kind = kind_of[key.column.table.name]
            targets = ids.get(target_kind, set())
            for row in rows:
                value = row[name]
                if value is not None and value not in targets:
                    report.add(positions[id(row)], name,
                               _("refers to {kind} {id}, which does not exist.").format(kind=target_kind, id=value))
    for kind, column in GENERIC_REFERENCES:  # rows that name their target by kind and id, without a foreign key
        for row in tables.get(kind, []):
            target_kind, target_id = row["target_kind"], row[column]
            if target_id not in ids.get(target_kind, set()):
                report.add(positions[id(row)], column,
                           _("refers to {kind} {id}, which does not exist.").format(kind=target_kind, id=target_id))


def dependency_cycles(tables: Tables, limit: int = 20) -> list[list[str]]:
    """Cycles among the file's dependencies, each as initiative codes with the first repeated last."""
    links = [(row["predecessor_id"], row["successor_id"]) for row in tables.get("dependency", [])]
    successors: dict[str, list[str]] = {}
    waiting: dict[str, int] = {}  # how many predecessors of each initiative are not yet placed
    for before, after in links:
        successors.setdefault(before, []).append(after)
        waiting[after] = waiting.get(after, 0) + 1
    ready = [node for node in successors if node not in waiting]
    while ready:  # Kahn's topological sort: what is never ready lies on or behind a cycle
        for after in successors.get(ready.pop(), ()):
            waiting[after] -= 1
            if not waiting[after]:
                ready.append(after)
    stuck = {node for node, count in waiting.items() if count}
    if not stuck:
        return []
    import networkx

    graph = networkx.DiGraph([(before, after) for before, after in links if before in stuck and after in stuck])
    codes = {row["id"]: row["code"] for row in tables.get("initiative", [])}
    cycles: list[list[str]] = []
    while len(cycles) < limit:
        try:
            edges = networkx.find_cycle(graph)
        except networkx.NetworkXNoCycle:
            break
        nodes = [edge[0] for edge in edges] + [edges[0][0]]
        cycles.append([codes.get(node, node) for node in nodes])
        graph.remove_edge(*edges[-1][:2])
    return cycles


def _check_rules(tables: Tables, positions: dict[int, str], report: ImportReport) -> None:
    plans = tables.get("plan", [])
    if len(plans) != 1:
        report.add("$.tables.plan", "", _("The file must hold exactly one plan row, not {count}.").format(
            count=len(plans)))
    for plan in plans:
        if plan["end_year"] < plan["start_year"]:
            report.add(positions[id(plan)], "end_year",
                       _("The last year comes before the first year."))
    for kind, first, second, message in (
        ("dependency", "predecessor_id", "successor_id", _("An initiative cannot depend on itself.")),
        ("stakeholder_relation", "source_id", "target_id", _("A stakeholder cannot be related to itself.")),
    ):
        for row in tables.get(kind, []):
            if row[first] == row[second]:
                report.add(positions[id(row)], second, message)
    for cycle in dependency_cycles(tables):
        report.add("$.tables.dependency", "successor_id",
                   _("The dependencies form a cycle: {cycle}.").format(cycle=" → ".join(cycle)))


def read_plan_json(data: bytes | str) -> tuple[Tables, ImportReport]:
    """Parse and check a plan JSON file: the rows by kind, ready to insert, and every problem found.

    The tables are usable only when the report is ok; every kind is present (empty when the file has none)."""
    report = ImportReport()
    document = parse_json_bytes(data, report)
    if document is None or not _check_header(document, report):
        return {}, report
    tables: Tables = {kind: [] for kind in ENTITY_CLASSES}
    positions: dict[int, str] = {}
    declared_ids: dict[str, set[str]] = {}  # ids of every row, sound or not: only truly missing targets count
    for kind, rows in document["tables"].items():
        if kind not in ENTITY_CLASSES:
            report.add(f"$.tables.{kind}", "", _("Unknown kind of item: {kind}").format(kind=kind))
            continue
        tables[kind] = _read_rows(kind, rows, report, positions, declared_ids.setdefault(kind, set()))
        report.counts[kind] = len(rows) if isinstance(rows, list) else 0
    for kind, rows in tables.items():
        _check_unique(kind, rows, positions, report)
    _check_references(tables, declared_ids, positions, report)
    _check_rules(tables, positions, report)
    return tables, report

