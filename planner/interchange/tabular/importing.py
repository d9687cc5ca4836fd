"""Importing tables from CSV/XLSX: every cell read as its column's value, rows matched to the plan's by
their readable keys, references resolved, then one checked, undoable command (nothing changes before it is
applied)."""

from __future__ import annotations

import re
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import Any

from sqlalchemy.orm import Session

from planner.commands.rows import KIND_LABELS, table_of
from planner.i18n import _
from planner.interchange.incoming import IncomingRows, UpsertRowsCommand, existing_rows, import_rows_command
from planner.interchange.report import ImportProblem, ImportReport
from planner.interchange.tabular.cell_values import (
    CellError,
    blank,
    read_bool,
    read_choice,
    read_decimal,
    read_int,
    read_money,
    read_month,
    read_tags,
    read_text,
    restore,
    spreadsheet_error,
)
from planner.interchange.tabular.csv_files import read_csv
from planner.interchange.tabular.sheets import SheetData, column_letter, sheet_place
from planner.interchange.tabular.tables import (
    FIELD_RULES,
    PARENTS_FIRST,
    TABLE_KINDS,
    FieldRule,
    field_rule,
    money_unit,
    normalise,
)
from planner.interchange.tabular.xlsx_files import read_xlsx
from planner.model.attributes import ATTRIBUTES

_ID_PATTERN = re.compile(r"[0-9A-Za-z-]{1,36}")
_NAME_WITH_ORGANISATION = re.compile(r"^(?P<name>.+?)\s*\((?P<organisation>[^()]*)\)$")
# The columns a table's rows are matched by (those in brackets only when the sheet has them).
MATCH_KEYS: dict[str, tuple[str, ...]] = {
    "initiatives": ("code",),
    "stakeholders": ("name", "[organisation]"),
    "relations": ("source", "target", "[type]"),
    "budget_lines": ("initiative", "fiscal_year", "source"),
    "kpis": ("[initiative]", "name"),
    "roles": ("initiative", "stakeholder"),
}
_EMPTY = object()  # a blank cell, before its column decides what it means


def read_sheets(data: bytes, suffix: str, report: ImportReport, *, name: str = "",
                only_sheet: str | None = None) -> list[SheetData]:
    """The sheets of a ".csv" or ".xlsx" file (only `only_sheet` of a workbook when given); every safety and
    encoding problem goes into `report`; [] when the file cannot be read."""
    if suffix.lower() == ".csv":
        return read_csv(data, name or "CSV", report)
    if suffix.lower() == ".xlsx":
        return read_xlsx(data, report, only_sheet)
    report.add(_("the file"), "", _("'{suffix}' files are not tables; use .csv or .xlsx.").format(
        suffix=suffix))
    return []


# -- one cell ---------------------------------------------------------------------------------------------


def _parser(rule: FieldRule, field_name: str, multiplier: int) -> Callable[[object], Any]:
    """How a cell that is neither blank nor an error becomes the column's value (CellError when it cannot)."""
    kind = rule.value
    if kind == "text":
        return read_text
    if kind == "int":
        return lambda raw: raw if raw.__class__ is int else read_int(raw)
    if kind == "money":
        return lambda raw: read_money(raw, multiplier)
    if kind in ("decimal", "target", "actual"):
        return read_decimal
    if kind == "month":
        return read_month
    if kind == "bool":
        return read_bool
    if kind == "choice":
        choices = rule.choices
        assert choices is not None
        return lambda raw: read_choice(raw, field_name, choices)
    if kind == "tags":
        return read_tags
    if kind == "id":
        return _read_id
    return lambda raw: read_text(raw).strip()  # ref, name, info


def _read_id(raw: object) -> str:
    text = read_text(raw).strip()
    if not _ID_PATTERN.fullmatch(text):
        raise CellError(_("'{value}' is not a row id (letters, digits and hyphens, at most 36).").format(
            value=text[:60]))
    return text


@dataclass(frozen=True)
class _Column:
    """A mapped column of a sheet: where it is, what it fills and how its cells are read."""

    index: int
    field: str
    header: str
    rule: FieldRule
    multiplier: int = 1

    @cached_property
    def parse(self) -> Callable[[object], Any]:
        return _parser(self.rule, self.field, self.multiplier)

    @cached_property
    def read(self) -> Callable[[object], Any]:
        """The cell's value for the column (_EMPTY when blank); CellError when it is not one. Values of a
        small domain (choices, yes/no, months) are remembered per cell text."""
        parse = self.parse
        cache: dict[object, Any] | None = {} if self.rule.value in ("choice", "bool", "month") else None
        plain_text = self.rule.value == "text"

        def read(raw: object) -> Any:
            if raw is None:
                return _EMPTY
            if raw.__class__ is str:
                if raw[:1] == "'":  # type: ignore[index]
                    raw = restore(raw)  # type: ignore[arg-type]
                if not raw or raw.isspace():  # type: ignore[union-attr]
                    return _EMPTY
                if raw[0] == "#" and spreadsheet_error(raw):  # type: ignore[index]
                    raise CellError(_("The cell holds the spreadsheet error {value}.").format(value=raw))
                if plain_text:
                    return raw
            if cache is not None:
                value = cache.get(raw, _EMPTY)
                if value is _EMPTY:
                    value = parse(raw)
                    if len(cache) < 10_000:
                        cache[raw] = value
                return value
            return parse(raw)

        return read


def display_value(column: _Column, value: Any) -> str:
    """A read value as the preview shows it."""
    if value is _EMPTY or value is None:
        return ""
    kind = column.rule.value
    if kind == "money":
        return f"{value:,}"
    if kind == "month":
        return value.label()
    if kind == "bool":
        return _("Yes") if value else _("No")
    if kind == "choice" and column.rule.choices is not None:
        return _(column.rule.choices[value])
    if kind == "tags":
        return ", ".join(value)
    return str(value)


def _columns_of(kind: str, sheet: SheetData, columns: dict[int, str], report: ImportReport) -> list[_Column]:
    """The mapped columns, checked: a field named that the table lacks, a column beyond the sheet or a field
    mapped twice is a problem."""
    where = _("column mapping")
    result: list[_Column] = []
    seen: dict[str, int] = {}
    width = max(len(sheet.headers), max((len(row) for row in sheet.rows), default=0))
    for index in sorted(columns):
        name = columns[index]
        if not name:
            continue
        rule = field_rule(kind, name)
        header = sheet.headers[index] if 0 <= index < len(sheet.headers) and sheet.headers[index] else \
            column_letter(max(index, 0))
        if rule is None:
            report.add(where, header, _(
                "'{field}' is not a column of {table}; its columns are: {fields}.").format(
                field=name, table=_(TABLE_KINDS[kind].label),
                fields=", ".join(column.field for column in TABLE_KINDS[kind].columns)))
            continue
        if index < 0 or index >= width:
            report.add(where, header, _("The sheet has no column {column}.").format(
                column=column_letter(max(index, 0))))
            continue
        if name in seen:
            report.add(where, header, _("{field} is already read from column {column}.").format(
                field=name, column=column_letter(seen[name])))
            continue
        seen[name] = index
        multiplier = money_unit(header)[1] if rule.value == "money" else 1
        result.append(_Column(index, name, header, rule, multiplier))
    return result


def preview_rows(kind: str, sheet: SheetData, columns: dict[int, str], limit: int = 20) -> list[list[str]]:
    """The first `limit` rows that are not empty as the mapped columns read them: one string per entry of
    `columns`, in the order of the column indexes (an unreadable cell shows "⚠ " and the cell's text, a column
    mapped to no field or to an unknown one the cell's text, an empty cell "")."""
    mapped = {column.index: column for column in _columns_of(kind, sheet, columns, ImportReport())}
    preview: list[list[str]] = []
    for row in sheet.rows:
        if len(preview) >= limit:
            break
        if all(blank(value) for value in row):
            continue
        shown = []
        for index in sorted(columns):
            raw = row[index] if 0 <= index < len(row) else None
            column = mapped.get(index)
            if column is None:
                shown.append("" if blank(raw) else read_text(raw)[:200])
                continue
            try:
                shown.append(display_value(column, column.read(raw)))
            except CellError:
                shown.append("⚠ " + read_text(raw)[:200])
        preview.append(shown)
    return preview


# -- the plan's rows by their readable keys ---------------------------------------------------------------


class _Index:
    """Rows of one kind by a key: each key's rows in order, each row taken once."""

    def __init__(self, rows: list[dict[str, Any]], key: Callable[[dict[str, Any]], tuple[Any, ...]]) -> None:
        self.rows: dict[tuple[Any, ...], deque[dict[str, Any]]] = {}
        for row in rows:
            self.rows.setdefault(key(row), deque()).append(row)

    def take(self, key: tuple[Any, ...], taken: set[str]) -> dict[str, Any] | None:
        queue = self.rows.get(key)
        while queue:
            row = queue.popleft()
            if row["id"] not in taken:
                return row
        return None


def _export_order(kind: str) -> Callable[[dict[str, Any]], Any]:
    """How rows of a kind are ordered in an export (duplicates of a key are matched in this order)."""
    if kind in ("initiative", "kpi"):
        return lambda row: (row.get("position") or 0, row.get("code") or row.get("name") or "", row["id"])
    if kind == "budget_line":
        return lambda row: (row["fiscal_year"], row["source"], row["id"])
    return lambda row: row["id"]


@dataclass
class _Context:
    """What one import knows: the plan's rows (read once), the rows the file adds or updates, and where each
    problem's field is a header of the file."""

    session: Session
    incoming: IncomingRows = field(default_factory=IncomingRows)
    plan: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    by_id: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    taken: dict[str, set[str]] = field(default_factory=dict)  # plan rows the file matched, by kind
    seen: dict[str, dict[tuple[Any, ...], str]] = field(default_factory=dict)  # file rows by kind and key
    keys: dict[str, dict[str, set[str]]] = field(default_factory=dict)  # readable key → ids, by kind
    names: dict[str, dict[str, set[str]]] = field(default_factory=dict)  # fields/strategies by name
    created: dict[tuple[str, str], str] = field(default_factory=dict)  # (kind, key) → id of a row added
    positions: dict[str, int] = field(default_factory=dict)
    headers_at: dict[str, dict[str, str]] = field(default_factory=dict)  # place → plan column → header
    targets: dict[str, dict[int, dict[str, Any]]] | None = None  # stored KPI targets by KPI and year
    unchanged: Counter[str] = field(default_factory=Counter)  # rows the file has as the plan has them, by kind

    def rows(self, kind: str) -> list[dict[str, Any]]:
        if kind not in self.plan:
            rows = existing_rows(self.session, kind)
            rows.sort(key=_export_order(kind))
            self.plan[kind] = rows
            self.by_id[kind] = {row["id"]: row for row in rows}
        return self.plan[kind]

    def row_by_id(self, kind: str, row_id: str) -> dict[str, Any] | None:
        self.rows(kind)
        return self.by_id[kind].get(row_id)

    def key_index(self, kind: str) -> dict[str, set[str]]:
        """Readable key → ids: initiatives by code, stakeholders by name and "name (organisation)", fields and
        strategies by code, funding rules by name."""
        if kind not in self.keys:
            index: dict[str, set[str]] = {}
            for row in self.rows(kind):
                self._index_row(kind, row, index)
            self.keys[kind] = index
        return self.keys[kind]

    @staticmethod
    def _key_spellings(kind: str, row: dict[str, Any]) -> list[str]:
        if kind in ("initiative", "field", "strategy"):
            return [row.get("code") or ""]
        if kind == "stakeholder":
            name, organisation = row.get("name") or "", row.get("organisation") or ""
            return [name, f"{name} ({organisation})"] if organisation else [name]
        return [row.get("name") or ""]

    def _index_row(self, kind: str, row: dict[str, Any], index: dict[str, set[str]]) -> None:
        for spelling in self._key_spellings(kind, row):
            if spelling:
                index.setdefault(spelling.strip(), set()).add(row["id"])

    def rekey(self, kind: str, before: dict[str, Any] | None, after: dict[str, Any]) -> None:
        """Keep the key index right when the file adds a row or changes a row's key."""
        index = self.key_index(kind)
        if before is not None:
            for spelling in self._key_spellings(kind, before):
                index.get(spelling.strip(), set()).discard(before["id"])
        self._index_row(kind, after, index)

    def name_index(self, kind: str) -> dict[str, set[str]]:
        if kind not in self.names:
            index: dict[str, set[str]] = {}
            for row in self.rows(kind):
                index.setdefault((row.get("name") or "").strip(), set()).add(row["id"])
            self.names[kind] = index
        return self.names[kind]

    def targets_of(self, kpi_id: str) -> dict[int, dict[str, Any]]:
        """A KPI's stored targets by year."""
        if self.targets is None:
            self.targets = {}
            for target in self.rows("kpi_target"):
                self.targets.setdefault(target["kpi_id"], {})[target["year"]] = target
        return self.targets.get(kpi_id, {})

    def next_position(self, kind: str) -> int:
        if kind not in self.positions:
            self.positions[kind] = max((row.get("position") or 0 for row in self.rows(kind)), default=-1) + 1
        position = self.positions[kind]
        self.positions[kind] += 1
        return position


class _RowProblem(Exception):
    """A row that cannot be imported (already reported)."""


@dataclass
class _Row:
    """One row of the sheet as read: where it is, the value of each mapped field."""

    where: str
    values: dict[str, Any]
    headers: dict[str, str]  # field → header
    report: ImportReport

    def get(self, name: str) -> Any:
        value = self.values.get(name, _EMPTY)
        return None if value is _EMPTY else value

    def problem(self, name: str, message: str) -> None:
        self.report.add(self.where, self.headers.get(name, name), message)


def _resolve(context: _Context, row: _Row, name: str, kind: str) -> str | None:
    """The id of the row a reference cell names (None for an empty cell); a problem when it names none or
    several."""
    text = row.get(name)
    if text is None:
        return None
    ids = context.key_index(kind).get(text, set())
    if len(ids) == 1:
        return next(iter(ids))
    label = _(KIND_LABELS.get(kind, kind))
    if len(ids) > 1:
        row.problem(name, _("'{value}' names {count} {kind} rows; write it as name (organisation).").format(
            value=text, count=len(ids), kind=label))
    elif kind == "initiative":
        row.problem(name, _("No initiative has the code '{value}', in the plan or in the file.").format(
            value=text))
    elif kind == "stakeholder":
        row.problem(name, _("No stakeholder is named '{value}', in the plan or in the file.").format(
            value=text))
    else:
        row.problem(name, _("No {kind} is named '{value}' in the plan.").format(kind=label, value=text))
    raise _RowProblem


def _resolve_or_add_group(context: _Context, row: _Row, kind: str, code_field: str, name_field: str,
                          extra: dict[str, Any]) -> str | None:
    """A field's or strategy's id by its code (or its name); one the plan lacks is added when the row names
    it."""
    code = row.get(code_field)
    name = row.get(name_field)
    if code is None and name is None:
        return None
    if code is not None:
        ids = context.key_index(kind).get(code) or context.name_index(kind).get(code, set())
        if len(ids) == 1:
            return next(iter(ids))
    elif name is not None:
        ids = context.name_index(kind).get(name, set())
        if len(ids) == 1:
            return next(iter(ids))
    created = context.created.get((kind, code or ""))
    if created is not None:
        return created
    label = _(KIND_LABELS.get(kind, kind))
    if code is None or name is None:
        shown = row.headers.get(name_field) or _(next(c.label for c in TABLE_KINDS["initiatives"].columns
                                                       if c.field == name_field))
        row.problem(code_field if code is not None else name_field,
                    _("No {kind} has the code or name '{value}' in the plan; add it first, or give its code "
                      "and its name (column {column}) to add it.").format(kind=label, value=code or name,
                                                                          column=shown))
        raise _RowProblem
    added = context.incoming.add(kind, {"code": code, "name": name, "position": context.next_position(kind),
                                        **extra}, _("{where} (new {kind} {code})").format(
                                            where=row.where, kind=label, code=code))
    context.created[(kind, code)] = added["id"]
    context.rekey(kind, None, added)
    return added["id"]


def _funding_rule(context: _Context, row: _Row) -> str | None:
    name = row.get("funding_rule")
    if name is None:
        return None
    ids = context.key_index("funding_rule").get(name, set())
    if len(ids) == 1:
        return next(iter(ids))
    if len(ids) > 1:
        row.problem("funding_rule", _("'{value}' names {count} funding rules.").format(value=name,
                                                                                        count=len(ids)))
        raise _RowProblem
    added = context.incoming.add("funding_rule", {"name": name},
                                 _("{where} (new funding rule {name})").format(where=row.where, name=name))
    context.rekey("funding_rule", None, added)
    return added["id"]


# -- rows of each table -----------------------------------------------------------------------------------


def _empty_meaning(table: str, rule: FieldRule) -> tuple[str, Any]:
    """What a blank cell of a plain column means: ("value", v) to store v, ("keep", None) to leave the column
    out (the stored value, or the default of a new row), ("required", None) for a problem."""
    assert rule.column is not None
    column = table_of(TABLE_KINDS[table].row_kind).c[rule.column]
    if rule.value == "text":
        return "value", ""
    if rule.value == "tags":
        return "value", []
    if column.nullable:
        return "value", None
    return ("keep", None) if column.default is not None else ("required", None)


def _plain_plan(table: str, fields: list[str]) -> list[tuple[str, str, str, Any]]:
    """For each mapped plain field (not a reference): (field, plan column, blank meaning, blank value)."""
    plan = []
    for name in fields:
        rule = FIELD_RULES[table].get(name)
        if rule is None or rule.column is None or rule.value in ("ref", "name", "info", "id"):
            continue
        meaning, value = _empty_meaning(table, rule)
        plan.append((name, rule.column, meaning, value))
    return plan


def _same(current: Any, value: Any) -> bool:
    if isinstance(current, Decimal) and isinstance(value, Decimal):
        return current == value
    return type(current) is type(value) and current == value


UNIQUE_KEY_TABLES = frozenset({"initiatives", "budget_lines", "roles"})  # the plan allows each key once


class _TableReader:
    """Reads the rows of one sheet of one table into the import."""

    def __init__(self, context: _Context, table: str, sheet: SheetData, columns: list[_Column],
                 report: ImportReport) -> None:
        self.context = context
        self.table = table
        self.kind = TABLE_KINDS[table].row_kind
        self.sheet = sheet
        self.columns = columns
        self.report = report
        self.headers = {column.field: column.header for column in columns}
        self.mapped = set(self.headers)
        self.header_of_column: dict[str, str] = {}  # plan column → the header problems name
        for column in columns:
            if column.rule.column is not None and column.rule.value not in ("target", "actual"):
                self.header_of_column[column.rule.column] = column.header
        for name, rule in FIELD_RULES[table].items():
            if rule.column is not None and rule.column not in self.header_of_column:
                self.header_of_column[rule.column] = self._label(name)
        self.missing_for_new: dict[str, list[str]] = {}  # required field without a column → new rows
        self.key_names = [name.strip("[]") for name in MATCH_KEYS[table]
                          if not name.startswith("[") or name.strip("[]") in self.mapped]
        self.key_columns = [FIELD_RULES[table][name].column for name in self.key_names]
        self.index: _Index | None = None
        self.plain = _plain_plan(table, [column.field for column in columns])
        self.readers = [(column.index, column.field, column.read, column.header) for column in columns]

    def _plain_values(self, row: _Row) -> tuple[dict[str, Any], bool]:
        """The plan's column values the row's plain cells (not references) give; every problem reported."""
        values: dict[str, Any] = {}
        sound = True
        cells = row.values
        for name, column, meaning, blank_value in self.plain:
            value = cells[name]
            if value is not _EMPTY:
                values[column] = value
            elif meaning == "value":
                values[column] = [] if blank_value == [] else blank_value
            elif meaning == "required":
                row.problem(name, _("is required."))
                sound = False
        return values, sound

    def _label(self, name: str) -> str:
        return _(next((column.label for column in TABLE_KINDS[self.table].columns if column.field == name),
                      name))

    def _check_sheet(self) -> bool:
        missing = [name for name in MATCH_KEYS[self.table]
                   if not name.startswith("[") and name not in self.mapped]
        for name in missing:
            self.report.add(sheet_place(self.sheet), self._label(name),
                            _("The sheet has no column for {column}; its rows cannot be matched or added "
                              "without it.").format(column=self._label(name)))
        return not missing

    def read(self) -> None:
        if not self._check_sheet():
            return
        read_row = getattr(self, f"_{self.table}")
        for position, cells in enumerate(self.sheet.rows):
            if not cells or all(blank(value) for value in cells):
                continue
            row = self._cells(cells, self.sheet.place(position))
            if row is None:
                continue
            try:
                read_row(row)
            except _RowProblem:
                continue
        for name, places in self.missing_for_new.items():
            self.report.add(places[0], self._label(name), _(
                "{count} new row(s) need a value for {column}, but the sheet has no such column.").format(
                    count=len(places), column=self._label(name)))

    def _cells(self, cells: list[object], where: str) -> _Row | None:
        values: dict[str, Any] = {}
        sound = True
        width = len(cells)
        for index, name, read, header in self.readers:
            try:
                values[name] = read(cells[index] if index < width else None)
            except CellError as error:
                self.report.add(where, header, str(error))
                sound = False
        if not sound:
            return None
        self.context.headers_at[where] = self.header_of_column
        return _Row(where, values, self.headers, self.report)

    def _values(self, row: _Row, references: tuple[tuple[str, str], ...]) -> dict[str, Any]:
        """The row's plain values and resolved references (every problem of the row reported, then
        _RowProblem)."""
        values, sound = self._plain_values(row)
        for name in ("code", "name", "organisation"):
            if isinstance(values.get(name), str):
                values[name] = values[name].strip()
                if not values[name] and name != "organisation":
                    row.problem(name, _("is required."))
                    sound = False
        for name, kind in references:
            if name not in self.mapped:
                continue
            column = FIELD_RULES[self.table][name].column
            assert column is not None
            try:
                value = _resolve(self.context, row, name, kind)
            except _RowProblem:
                sound = False
                continue
            if value is None and not table_of(self.kind).c[column].nullable:
                row.problem(name, _("is required."))
                sound = False
            values[column] = value
        if not sound:
            raise _RowProblem
        return values

    # matching

    def _key(self, values: dict[str, Any]) -> tuple[Any, ...]:
        return tuple(values.get(column) for column in self.key_columns)

    def _matched(self, row: _Row, values: dict[str, Any]) -> dict[str, Any] | None:
        """The plan row this file row updates: the one with its id, else the first not yet taken with its
        key."""
        taken = self.context.taken.setdefault(self.kind, set())
        row_id = row.get("id")
        if row_id is not None:
            current = self.context.row_by_id(self.kind, row_id)
            if current is not None and current["id"] not in taken:
                return current
        if self.index is None:
            columns = self.key_columns
            self.index = _Index(self.context.rows(self.kind), lambda stored: tuple(
                stored.get(column).strip() if isinstance(stored.get(column), str) else stored.get(column)
                for column in columns))
        return self.index.take(self._key(values), taken)

    def _already(self, row: _Row, marker: tuple[Any, ...]) -> None:
        seen = self.context.seen.setdefault(self.kind, {})
        earlier = seen.get(marker)
        if earlier is not None:
            row.problem(self.key_names[-1], _("The same {kind} is already in {where}.").format(
                kind=_(KIND_LABELS.get(self.kind, self.kind)), where=earlier))
            raise _RowProblem
        seen[marker] = row.where

    def _store(self, row: _Row, values: dict[str, Any],
               new_values: Callable[[], dict[str, Any]] | None = None
               ) -> tuple[dict[str, Any], dict[str, Any] | None]:
        """Add the row or update the matched one (a row the file has as the plan has it is left out); the row
        as it will be and the plan row it updates (None when added)."""
        if self.table in UNIQUE_KEY_TABLES:
            self._already(row, ("key", *self._key(values)))
        current = self._matched(row, values)
        if current is None:
            missing = [column.field for column in TABLE_KINDS[self.table].columns
                       if column.required and column.field not in self.mapped]
            for name in missing:
                self.missing_for_new.setdefault(name, []).append(row.where)
            if missing:
                raise _RowProblem  # reported once for the sheet
            added = values | (new_values() if new_values is not None else {})
            row_id = row.get("id")
            if row_id is not None and self.context.row_by_id(self.kind, row_id) is None:
                self._already(row, ("id", row_id))
                added["id"] = row_id
            return self.context.incoming.add(self.kind, added, row.where), None
        self._already(row, ("id", current["id"]))
        self.context.taken.setdefault(self.kind, set()).add(current["id"])
        if all(_same(current.get(name), value) for name, value in values.items()):
            self.context.unchanged[self.kind] += 1
            return current, current
        return self.context.incoming.update(self.kind, current, values, row.where), current

    # the tables

    def _initiatives(self, row: _Row) -> None:
        context = self.context
        failed = False
        try:
            values = self._values(row, (("lead_stakeholder", "stakeholder"),))
        except _RowProblem:
            failed, values = True, {}
        groups: dict[str, Any] = {}
        for name, resolve in (
            ("field", lambda: _resolve_or_add_group(context, row, "field", "field", "field_name", {})),
            ("strategy", lambda: _resolve_or_add_group(context, row, "strategy", "strategy", "strategy_name",
                                                       {"field_id": groups.get("field_id")})),
            ("funding_rule", lambda: _funding_rule(context, row)),
        ):
            if name not in self.mapped and not (name != "funding_rule" and f"{name}_name" in self.mapped):
                continue
            try:
                groups[FIELD_RULES[self.table][name].column] = resolve()  # type: ignore[index]
            except _RowProblem:
                failed = True
        if failed:
            raise _RowProblem
        stored, before = self._store(row, values | groups,
                                     lambda: {"position": context.next_position("initiative")})
        context.rekey("initiative", before, stored)

    def _stakeholders(self, row: _Row) -> None:
        stored, before = self._store(row, self._values(row, ()))
        self.context.rekey("stakeholder", before, stored)

    def _relations(self, row: _Row) -> None:
        self._store(row, self._values(row, (("source", "stakeholder"), ("target", "stakeholder"))))

    def _budget_lines(self, row: _Row) -> None:
        self._store(row, self._values(row, (("initiative", "initiative"),)))

    def _roles(self, row: _Row) -> None:
        self._store(row, self._values(row, (("initiative", "initiative"), ("stakeholder", "stakeholder"))))

    def _kpis(self, row: _Row) -> None:
        context = self.context
        values = self._values(row, (("initiative", "initiative"),))
        stored, before = self._store(row, values, lambda: {"position": context.next_position("kpi")})
        self._targets(row, stored, before is not None)

    def _targets(self, row: _Row, kpi: dict[str, Any], in_plan: bool) -> None:
        """The KPI's target and actual values of each year the sheet has a column for (a year with no values
        and no stored target adds nothing)."""
        by_year: dict[int, dict[str, tuple[Any, str]]] = {}
        for column in self.columns:
            if column.rule.value in ("target", "actual"):
                year = int(column.field.rsplit("_", 1)[1])
                by_year.setdefault(year, {})[f"{column.rule.value}_value"] = (row.get(column.field),
                                                                              column.header)
        if not by_year:
            return
        stored = self.context.targets_of(kpi["id"]) if in_plan else {}
        for year, cells in sorted(by_year.items()):
            values = {name: value for name, (value, _header) in cells.items()}
            where = _("{where}, year {year}").format(where=row.where, year=year)
            self.context.headers_at[where] = {name: header for name, (_value, header) in cells.items()}
            current = stored.get(year)
            if current is None:
                if any(value is not None for value in values.values()):
                    self.context.incoming.add("kpi_target", {"kpi_id": kpi["id"], "year": year, **values},
                                              where)
            elif all(_same(current.get(name), value) for name, value in values.items()):
                self.context.unchanged["kpi_target"] += 1
            else:
                self.context.incoming.update("kpi_target", current, values, where)


# -- the import -------------------------------------------------------------------------------------------


def _rename_fields(report: ImportReport, first: int, context: _Context) -> None:
    """Name the file's headers (not the plan's column names) in the problems the plan check found."""
    labels = {attribute.name: attribute.label
              for attributes in ATTRIBUTES.values() for attribute in attributes}
    for position in range(first, len(report.problems)):
        problem = report.problems[position]
        headers = context.headers_at.get(problem.where)
        if headers is None:
            continue
        header = headers.get(problem.field) or (_(labels[problem.field]) if problem.field in labels else None)
        if header and header != problem.field:
            report.problems[position] = ImportProblem(problem.where, header, problem.message)


def build_import_of(session: Session, parts: list[tuple[str, SheetData, dict[int, str]]],
                    report: ImportReport, label: str) -> UpsertRowsCommand | None:
    """One command importing several sheets (each: its table, its cells, column index → field), parents first
    so that later tables can refer to rows the earlier ones add; None when any problem is found (all in
    `report`)."""
    context = _Context(session)
    for table, sheet, columns in sorted(parts, key=lambda part: PARENTS_FIRST.index(part[0])):
        mapped = _columns_of(table, sheet, columns, report)
        _TableReader(context, table, sheet, mapped, report).read()
    first = len(report.problems)
    if not context.incoming.count() and (report.problems or context.unchanged):
        report.counts.update(context.unchanged)  # every row found is as the plan has it: nothing to change
        return None if report.problems else UpsertRowsCommand({}, label)
    command = import_rows_command(session, context.incoming, report, label)
    report.counts.update(context.unchanged)
    _rename_fields(report, first, context)
    return command if report.ok else None


def build_import(session: Session, kind: str, sheet: SheetData, columns: dict[int, str],
                 report: ImportReport) -> UpsertRowsCommand | None:
    """The command importing one sheet as the table `kind` with the columns mapped as `columns` (index →
    field): every cell read, every row matched to the plan's or added, references resolved, then checked as
    part of the plan it would make. None when any problem is found (all in `report`); the plan itself never
    changes."""
    label = _("Import {table} from {source}").format(table=_(TABLE_KINDS[kind].label), source=sheet.name)
    return build_import_of(session, [(kind, sheet, columns)], report, label)


def columns_with_names(kind: str, sheet: SheetData, guessed: dict[int, str], names: dict[str, str],
                       report: ImportReport) -> dict[int, str]:
    """The guessed columns with the ones named HEADER → FIELD put in (a header matched exactly, else as
    compared: case, spaces and punctuation aside)."""
    columns = dict(guessed)
    for header, name in names.items():
        index = next((position for position, text in enumerate(sheet.headers) if text == header), None)
        if index is None:
            index = next((position for position, text in enumerate(sheet.headers)
                          if normalise(text) == normalise(header)), None)
        if index is None:
            report.add(_("column mapping"), header, _(
                "The sheet {sheet} has no column headed '{header}'.").format(sheet=sheet.name, header=header))
            continue
        for position, mapped in list(columns.items()):
            if mapped == name:
                del columns[position]
        columns[index] = name if name not in ("-", "") else ""
    return columns
