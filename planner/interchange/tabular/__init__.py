"""Plan tables as CSV files and XLSX workbooks: initiatives, stakeholders, relations, budget lines, KPIs and
RACI roles, exported with headers in the chosen language and imported with a column mapping and a preview."""

from __future__ import annotations

from planner.interchange.tabular.exporting import write_table_csv, write_workbook_xlsx
from planner.interchange.tabular.importing import build_import, preview_rows, read_sheets
from planner.interchange.tabular.sheets import SheetData, guess_kind
from planner.interchange.tabular.tables import TABLE_KINDS, ColumnSpec, TableSpec, guess_columns

__all__ = [
    "TABLE_KINDS",
    "ColumnSpec",
    "SheetData",
    "TableSpec",
    "build_import",
    "guess_columns",
    "guess_kind",
    "preview_rows",
    "read_sheets",
    "write_table_csv",
    "write_workbook_xlsx",
]
