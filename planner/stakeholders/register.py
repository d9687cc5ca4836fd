"""The stakeholder register's paste: read rows copied from a spreadsheet (or CSV) and add them as one edit."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from planner.commands.base import Command, CompositeCommand
from planner.commands.rows import AddRow
from planner.errors import ValidationError
from planner.i18n import _, translate
from planner.model import vocabulary as v
from planner.model.attributes import attribute
from planner.model.vocabulary import engagement_for

# The columns a paste may hold, in the order assumed when it has no header row.
COLUMNS = ("name", "organisation", "sector", "influence", "interest", "attitude", "contact", "tags", "role", "notes")
# Header texts recognised for each column (compared case-insensitively, spaces and '_' ignored).
HEADERS: dict[str, tuple[str, ...]] = {
    "name": ("이름", "성명", "이해관계자", "name", "stakeholder"),
    "organisation": ("소속기관", "소속", "기관", "organisation", "organization", "org"),
    "sector": ("부문", "구분", "sector"),
    "influence": ("영향력", "influence", "power"),
    "interest": ("관심도", "관심", "interest"),
    "attitude": ("태도", "attitude"),
    "contact": ("연락처", "contact"),
    "tags": ("태그", "tags", "tag"),
    "role": ("역할", "role"),
    "notes": ("메모", "비고", "notes", "note"),
}
# Common short names of sectors and attitudes, beyond their codes and labels.
ALIASES: dict[str, str] = {
    "지방정부": "local_government", "지자체": "local_government", "중앙부처": "central_government",
    "정부": "central_government", "공기업": "public_agency", "기업": "private_company", "민간": "private_company",
    "시민사회": "civil_society", "주민": "civil_society", "학계": "academia", "연구기관": "academia",
    "대학": "academia", "해외": "global_partner", "global": "global_partner",
}
# Defaults of the optional scores and choices when a cell is blank.
DEFAULTS: dict[str, Any] = {"influence": 3, "interest": 3, "attitude": "neutral"}

engagement_quadrant = engagement_for


@dataclass
class PastedStakeholders:
    """The rows read from a paste, ready for add_stakeholders_command, and what was wrong with the others."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _key(text: str) -> str:
    return "".join(text.split()).replace("_", "").replace("·", "").lower()


_HEADER_KEYS = {_key(text): column for column, texts in HEADERS.items() for text in texts}


def _choice_lookup(vocabulary: Mapping[str, str]) -> dict[str, str]:
    """Code, English label, Korean label and alias of every entry, normalised, to its code."""
    found = {_key(alias): code for alias, code in ALIASES.items() if code in vocabulary}
    for code, label in vocabulary.items():
        for text in (code, label, translate(label, "ko")):
            found[_key(text)] = code
    return found


def _split(text: str) -> list[tuple[int, list[str]]]:
    """(line number, cells) of every non-blank line: tab-separated when any line has a tab, else CSV."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if any("\t" in line for line in lines):
        cells = [line.split("\t") for line in lines]
    else:
        cells = list(csv.reader(io.StringIO("\n".join(lines))))
        cells += [[]] * (len(lines) - len(cells))
    return [(number, row) for number, row in enumerate(cells, start=1) if any(cell.strip() for cell in row)]


def _header(cells: Sequence[str]) -> list[str | None] | None:
    """The column of each cell when the row is a header (at least half its filled cells are known column
    titles, in Korean or English), else None."""
    keys = _HEADER_KEYS | {_key(translate(attribute("stakeholder", c).label, "ko")): c for c in COLUMNS} | {
        _key(attribute("stakeholder", c).label): c for c in COLUMNS}
    columns = [keys.get(_key(cell)) for cell in cells]
    filled = sum(1 for cell in cells if cell.strip())
    known = sum(1 for column in columns if column)
    return columns if known and known * 2 >= filled else None


def parse_pasted_stakeholders(text: str) -> PastedStakeholders:
    """Read pasted rows (spreadsheet cells or CSV). A first row of known column titles (Korean or English) says
    which column is which; without one the columns are taken in the order of COLUMNS. Sector and attitude may be
    codes or labels in either language. A row with any problem is left out; each problem names row and column."""
    result = PastedStakeholders()
    lines = _split(text)
    if not lines:
        return result
    sectors, attitudes = _choice_lookup(v.SECTORS), _choice_lookup(v.ATTITUDES)
    header = _header(lines[0][1])
    titles: list[str]
    if header is not None:
        first_line, first_cells = lines.pop(0)
        columns = header
        titles = [cell.strip() for cell in first_cells]
        for title, column in zip(titles, columns, strict=True):
            if column is None and title:
                result.problems.append(_("Row {row}: the column '{column}' is not known and was ignored.").format(
                    row=first_line, column=title))
    else:
        columns = list(COLUMNS)
        titles = [_(attribute("stakeholder", name).label) for name in COLUMNS]
    for number, cells in lines:
        row: dict[str, Any] = dict(DEFAULTS)
        problems: list[str] = []
        for index, cell in enumerate(cells):
            column = columns[index] if index < len(columns) else None
            if column is None:
                continue
            value, message = _read_cell(column, cell, sectors, attitudes)
            if message is not None:
                problems.append(_("Row {row}, column '{column}': {problem}").format(
                    row=number, column=titles[index], problem=message))
            elif value is not _BLANK:
                row[column] = value
        for required in ("name", "sector"):
            if not row.get(required) and not any(f"'{_title(columns, titles, required)}'" in p for p in problems):
                problems.append(_("Row {row}, column '{column}': {problem}").format(
                    row=number, column=_title(columns, titles, required),
                    problem=_("{field} is required.").format(field=_(attribute("stakeholder", required).label))))
        if problems:
            result.problems.extend(problems)
        else:
            result.rows.append(row)
    return result


_BLANK = object()  # a blank cell of a column with a default: the default stays


def _read_cell(column: str, cell: str, sectors: Mapping[str, str], attitudes: Mapping[str, str]) -> tuple[Any, str | None]:
    """The stored value of one cell and None, or (anything, the problem with it)."""
    raw = cell.strip()
    if raw == "" and (column in DEFAULTS or column in ("sector",)):
        return _BLANK, None
    if column in ("sector", "attitude"):
        code = (sectors if column == "sector" else attitudes).get(_key(raw))
        if code is None:
            return None, _("'{value}' is not one of the allowed values.").format(value=raw)
        return code, None
    spec = attribute("stakeholder", column)
    try:
        value = spec.parse(cell if spec.kind == "multiline" else raw)
    except ValueError as error:
        return None, str(error)
    return value, spec.problem(value)


def _title(columns: Sequence[str | None], titles: Sequence[str], column: str) -> str:
    """What the paste calls a column (its header text), or the column's label when it has none."""
    for index, candidate in enumerate(columns):
        if candidate == column and index < len(titles):
            return titles[index]
    return _(attribute("stakeholder", column).label)


def add_stakeholders_command(session: Session, rows: Sequence[Mapping[str, Any]]) -> Command:
    """One undoable command adding every row as a stakeholder (rows as parse_pasted_stakeholders gives them).
    ValidationError when there is nothing to add; a row breaking a rule refuses the whole command on apply."""
    if not rows:
        raise ValidationError({"rows": _("There are no stakeholders to add.")})
    commands = [AddRow("stakeholder", dict(row)) for row in rows]
    if len(commands) == 1:
        label = _("Add stakeholder '{name}'").format(name=rows[0].get("name", ""))
    else:
        label = _("Add {count} stakeholders").format(count=len(commands))
    return CompositeCommand(label, commands)
