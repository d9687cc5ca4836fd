"""Exporting the plan's tables as CSV files and as one XLSX workbook: headers and labels in the chosen
language, references by readable keys, user text neutralised against formulas, every write atomic."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from planner.i18n import N_, format_month, translate
from planner.interchange.incoming import existing_rows
from planner.interchange.tabular.cell_values import decimal_cell, money_cell, neutralise, yes_no
from planner.interchange.tabular.csv_files import write_csv
from planner.interchange.tabular.tables import FIELD_RULES, TABLE_KINDS, ColumnSpec, FieldRule
from planner.interchange.tabular.xlsx_files import SheetOut, escape_text, write_xlsx
from planner.months import YearMonth
from planner.reports.schedule_csv import SCHEDULE_KIND as SCHEDULE_KIND  # `--kind schedule`, a report's CSV
from planner.reports.schedule_csv import write_schedule

# Headers of a KPI's value columns for one year (English source; shown through translate()).
TARGET_HEADER = N_("Target {year}")
ACTUAL_HEADER = N_("Actual {year}")
# Months in XLSX are dates shown as the language writes months.
MONTH_FORMATS = {"ko": "yyyy. m.", "en": "yyyy-mm"}


@dataclass
class ExportedTable:
    """One table as exported: headers, the kind of each column's values, the rows (Python values: str, int,
    Decimal, YearMonth or None)."""

    name: str
    title: str
    headers: list[str]
    kinds: list[str]  # per column: text, int, money, decimal or month
    rows: list[list[Any]]


class _Lookups:
    """The plan's rows other tables refer to, by id, and their readable keys."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._rows: dict[str, list[dict[str, Any]]] = {}

    def rows(self, kind: str) -> list[dict[str, Any]]:
        if kind not in self._rows:
            self._rows[kind] = existing_rows(self.session, kind)
        return self._rows[kind]

    def by_id(self, kind: str) -> dict[str, dict[str, Any]]:
        return {row["id"]: row for row in self.rows(kind)}

    def initiative_order(self) -> dict[str, int]:
        ordered = sorted(self.rows("initiative"),
                         key=lambda row: (row["position"] or 0, row["code"], row["id"]))
        return {row["id"]: number for number, row in enumerate(ordered)}

    def stakeholder_keys(self) -> dict[str, str]:
        """Each stakeholder's readable key: its name, or "name (organisation)" when others share the name."""
        rows = self.rows("stakeholder")
        shared = Counter(row["name"] for row in rows)
        return {row["id"]: f"{row['name']} ({row['organisation']})"
                if shared[row["name"]] > 1 and row["organisation"] else row["name"] for row in rows}


def _choice(rule: FieldRule, code: str | None, language: str) -> str | None:
    if code is None:
        return None
    assert rule.choices is not None
    return translate(rule.choices[code], language) if code in rule.choices else code


def _value_kind(rule: FieldRule) -> str:
    return {"int": "int", "money": "money", "decimal": "decimal", "month": "month", "target": "decimal",
            "actual": "decimal"}.get(rule.value, "text")


def _cells(spec: ColumnSpec, rule: FieldRule, language: str,
           reference: Callable[[str, dict[str, Any]], Any]) -> Callable[[dict[str, Any]], Any]:
    """How one column's cell is made from a row."""
    column = rule.column
    if rule.value in ("ref", "name", "info"):
        return lambda row: reference(spec.field, row)
    if rule.value == "id":
        return lambda row: row["id"]
    assert column is not None
    if rule.value == "bool":
        return lambda row: yes_no(bool(row[column]), language)
    if rule.value == "choice":
        return lambda row: _choice(rule, row[column], language)
    if rule.value == "tags":
        return lambda row: ", ".join(row[column] or [])
    return lambda row: row[column]


def _references(table: str, lookups: _Lookups) -> tuple[Callable[[str, dict[str, Any]], Any],
                                                       Callable[[dict[str, Any]], Any]]:
    """The readable key of each reference column of a table, and the order of its rows."""
    initiatives = lookups.by_id("initiative")
    order = lookups.initiative_order()
    stakeholders = lookups.stakeholder_keys()

    if table == "initiatives":
        fields, strategies = lookups.by_id("field"), lookups.by_id("strategy")
        rules = {row["id"]: row["name"] for row in lookups.rows("funding_rule")}
        named: dict[str, Callable[[dict[str, Any]], Any]] = {
            "field": lambda row: fields[row["field_id"]]["code"] if row["field_id"] else None,
            "field_name": lambda row: fields[row["field_id"]]["name"] if row["field_id"] else None,
            "strategy": lambda row: strategies[row["strategy_id"]]["code"] if row["strategy_id"] else None,
            "strategy_name": lambda row: (strategies[row["strategy_id"]]["name"] if row["strategy_id"]
                                          else None),
            "lead_stakeholder": lambda row: stakeholders.get(row["lead_stakeholder_id"]),
            "funding_rule": lambda row: rules.get(row["funding_rule_id"]),
        }
        return (lambda name, row: named[name](row)), (lambda row: order[row["id"]])
    if table == "stakeholders":
        return (lambda name, row: None), (lambda row: (row["name"], row["organisation"], row["id"]))
    if table == "relations":
        return ((lambda name, row: stakeholders[row[f"{name}_id"]]),
                (lambda row: (stakeholders[row["source_id"]], stakeholders[row["target_id"]], row["type"],
                              row["id"])))
    if table == "roles":
        return ((lambda name, row: stakeholders[row["stakeholder_id"]] if name == "stakeholder"
                 else _initiative_key(initiatives, name, row)),
                (lambda row: (order[row["initiative_id"]], stakeholders[row["stakeholder_id"]], row["id"])))
    if table == "budget_lines":
        sources = list(FIELD_RULES[table]["source"].choices or {})
        return ((lambda name, row: _initiative_key(initiatives, name, row)),
                (lambda row: (order[row["initiative_id"]], row["fiscal_year"],
                              sources.index(row["source"]) if row["source"] in sources else len(sources),
                              row["id"])))
    return ((lambda name, row: _initiative_key(initiatives, name, row)),  # kpis
            (lambda row: (order[row["initiative_id"]] if row["initiative_id"] else -1, row["position"] or 0,
                          row["name"], row["id"])))


def _initiative_key(initiatives: dict[str, dict[str, Any]], name: str, row: dict[str, Any]) -> str | None:
    initiative = initiatives.get(row["initiative_id"]) if row["initiative_id"] else None
    if initiative is None:
        return None
    return initiative["title"] if name == "initiative_title" else initiative["code"]


def exported_table(session: Session, table: str, language: str,
                   lookups: _Lookups | None = None) -> ExportedTable:
    """One table of the plan as headers and rows of values, ordered as the plan shows them."""
    lookups = lookups or _Lookups(session)
    spec = TABLE_KINDS[table]
    rules = FIELD_RULES[table]
    reference, order = _references(table, lookups)
    rows = sorted(lookups.rows(spec.row_kind), key=order)
    columns = [column for column in spec.columns if column.field != "id"]
    headers = [translate(column.label, language) for column in columns]
    kinds = [_value_kind(rules[column.field]) for column in columns]
    makers = [_cells(column, rules[column.field], language, reference) for column in columns]
    table_rows = [[make(row) for make in makers] for row in rows]
    if table == "kpis":
        targets: dict[str, dict[int, dict[str, Any]]] = {}
        for target in lookups.rows("kpi_target"):
            targets.setdefault(target["kpi_id"], {})[target["year"]] = target
        years = sorted({year for by_year in targets.values() for year in by_year})
        for year in years:
            headers += [translate(TARGET_HEADER, language).format(year=year),
                        translate(ACTUAL_HEADER, language).format(year=year)]
            kinds += ["decimal", "decimal"]
        for row, cells in zip(rows, table_rows, strict=True):
            by_year = targets.get(row["id"], {})
            for year in years:
                target = by_year.get(year)
                cells += [target["target_value"], target["actual_value"]] if target else [None, None]
    headers.append("ID")
    kinds.append("text")
    for row, cells in zip(rows, table_rows, strict=True):
        cells.append(row["id"])
    return ExportedTable(table, translate(spec.label, language), headers, kinds, table_rows)


def _csv_cell(kind: str, value: Any, language: str) -> str:
    if value is None:
        return ""
    if kind == "text":
        return neutralise(value)
    if kind == "month":
        return format_month(value.year, value.month, language)
    return str(value)


def write_table_csv(session: Session, kind: str, target: Path, language: str) -> int:
    """Write one table as a CSV file (UTF-8 with BOM, CRLF), atomically; the number of rows written."""
    table = exported_table(session, kind, language)
    rows = [[_csv_cell(value_kind, value, language)
             for value_kind, value in zip(table.kinds, row, strict=True)] for row in table.rows]
    write_csv(target, table.headers, rows)
    return len(rows)


def write_schedule_csv(session: Session, target: Path, language: str) -> int:
    """Write every initiative's code, title, early start and last month worked (a milestone: its own month) as a
    CSV file ordered by start, atomically; the number of rows written (planner.reports.schedule_csv)."""
    from planner.schedule import schedule_dates

    return write_schedule(schedule_dates(session), target, language)


def _xlsx_cell(kind: str, value: Any) -> Any:
    if value is None:
        return None
    if kind == "text":
        return escape_text(neutralise(value)) if value else None
    if kind == "month":
        assert isinstance(value, YearMonth)
        return datetime(value.year, value.month, 1)
    if kind == "money":
        return money_cell(value)
    if kind == "decimal":
        assert isinstance(value, Decimal)
        return decimal_cell(value)
    return value


def sheet_of(table: ExportedTable, language: str) -> SheetOut:
    month_format = MONTH_FORMATS.get(language, MONTH_FORMATS["en"])
    formats = [month_format if kind == "month" else "" for kind in table.kinds]
    rows = [[_xlsx_cell(kind, value) for kind, value in zip(table.kinds, row, strict=True)]
            for row in table.rows]
    return SheetOut(table.title, [escape_text(header) for header in table.headers], formats, rows,
                    hidden=frozenset({len(table.headers) - 1}))


def write_workbook_xlsx(session: Session, target: Path, language: str) -> dict[str, int]:
    """Write every table as one sheet of one workbook, atomically; the rows written per table."""
    lookups = _Lookups(session)
    tables = [exported_table(session, name, language, lookups) for name in TABLE_KINDS]
    write_xlsx(target, [sheet_of(table, language) for table in tables])
    return {table.name: len(table.rows) for table in tables}
