"""A thin table model over a RACI snapshot: rows are initiatives, columns stakeholders, cells their roles."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.views.raci.raci_style import FINDING_MARK, FINDING_TINT, ROLE_COLOURS
from planner.i18n import _
from planner.model import Initiative
from planner.model.vocabulary import RACI_ROLES, SECTORS, label
from planner.queries import choices_for
from planner.stakeholders.raci import (
    LEAD_NOT_ACCOUNTABLE,
    SEVERAL_ACCOUNTABLE,
    RaciFinding,
    RaciMatrix,
    raci_findings,
    raci_matrix,
)

ROLE_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # the cell's role code (R, A, C, I) or None
INITIATIVE_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 2  # the row's initiative id (cells and vertical header)
STAKEHOLDER_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 3  # the column's stakeholder id (cells and horizontal header)
FINDING_ROLE = int(Qt.ItemDataRole.UserRole) + 4  # True on a cell a finding is about (framed by the delegate)

AnyIndex = QModelIndex | QPersistentModelIndex
_CENTRE = int(Qt.AlignmentFlag.AlignCenter)


@dataclass(frozen=True)
class RaciSnapshot:
    """Everything the RACI page shows, as plain values read in one short session."""

    matrix: RaciMatrix
    findings: tuple[RaciFinding, ...] = ()
    initiative_fields: dict[str, str | None] = field(default_factory=dict)  # initiative id -> field id
    fields: tuple[tuple[str, str], ...] = ()  # (field id, "code name") in plan order


def empty_snapshot() -> RaciSnapshot:
    return RaciSnapshot(RaciMatrix((), (), {}))


def read_raci_snapshot(session: Session) -> RaciSnapshot:
    """The matrix, its findings and each initiative's field."""
    table = Initiative.__table__
    initiative_fields = {row.id: row.field_id for row in session.execute(select(table.c.id, table.c.field_id))}
    return RaciSnapshot(raci_matrix(session), tuple(raci_findings(session)), initiative_fields,
                        tuple(choices_for(session, "field")))


class RaciMatrixModel(QAbstractTableModel):
    """Read-only adapter: edits go through set_raci_role_command in the view, and set_snapshot() shows the
    result (cell changes as dataChanged; a changed set of rows or columns as a reset)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._snapshot = empty_snapshot()
        self._index()

    # -- snapshot ---------------------------------------------------------------------------------------

    @property
    def snapshot(self) -> RaciSnapshot:
        return self._snapshot

    def set_snapshot(self, snapshot: RaciSnapshot) -> None:
        old = self._snapshot.matrix
        same_shape = ([i.id for i in old.initiatives] == [i.id for i in snapshot.matrix.initiatives]
                      and [s.id for s in old.stakeholders] == [s.id for s in snapshot.matrix.stakeholders])
        if not same_shape:
            self.beginResetModel()
            self._snapshot = snapshot
            self._index()
            self.endResetModel()
            return
        self._snapshot = snapshot
        self._index()
        rows, columns = self.rowCount(), self.columnCount()
        if rows and columns:
            self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, columns - 1))
        if rows:
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, rows - 1)
        if columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, columns - 1)

    def _index(self) -> None:
        matrix = self._snapshot.matrix
        self._row_of = {item.id: number for number, item in enumerate(matrix.initiatives)}
        self._column_of = {holder.id: number for number, holder in enumerate(matrix.stakeholders)}
        self._row_findings: dict[str, list[RaciFinding]] = {}
        self._column_findings: dict[str, list[RaciFinding]] = {}
        self._cell_findings: dict[tuple[str, str], list[RaciFinding]] = {}
        for finding in self._snapshot.findings:
            if finding.initiative_id is not None:
                self._row_findings.setdefault(finding.initiative_id, []).append(finding)
            else:
                self._column_findings.setdefault(finding.stakeholder_id or "", []).append(finding)
            if finding.initiative_id is None:
                continue
            if finding.kind == LEAD_NOT_ACCOUNTABLE and finding.stakeholder_id:
                self._cell_findings.setdefault((finding.initiative_id, finding.stakeholder_id), []).append(finding)
            if finding.kind == SEVERAL_ACCOUNTABLE:
                for (initiative_id, stakeholder_id), role in matrix.cells.items():
                    if initiative_id == finding.initiative_id and role == "A":
                        self._cell_findings.setdefault((initiative_id, stakeholder_id), []).append(finding)

    # -- lookups ----------------------------------------------------------------------------------------

    def row_of(self, initiative_id: str) -> int:
        return self._row_of.get(initiative_id, -1)

    def column_of(self, stakeholder_id: str) -> int:
        return self._column_of.get(stakeholder_id, -1)

    def initiative_id(self, row: int) -> str:
        return self._snapshot.matrix.initiatives[row].id

    def stakeholder_id(self, column: int) -> str:
        return self._snapshot.matrix.stakeholders[column].id

    def role_at(self, row: int, column: int) -> str | None:
        return self._snapshot.matrix.role(self.initiative_id(row), self.stakeholder_id(column))

    def row_has_finding(self, row: int) -> bool:
        return self.initiative_id(row) in self._row_findings

    def column_has_finding(self, column: int) -> bool:
        return self.stakeholder_id(column) in self._column_findings

    # -- QAbstractTableModel ----------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._snapshot.matrix.initiatives)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._snapshot.matrix.stakeholders)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < self.rowCount() and 0 <= index.column() < self.columnCount()):
            return None
        matrix = self._snapshot.matrix
        initiative = matrix.initiatives[index.row()]
        holder = matrix.stakeholders[index.column()]
        code = matrix.role(initiative.id, holder.id)
        if role == Qt.ItemDataRole.DisplayRole:
            return code or ""
        if role == ROLE_ROLE:
            return code
        if role == INITIATIVE_ID_ROLE:
            return initiative.id
        if role == STAKEHOLDER_ID_ROLE:
            return holder.id
        if role == FINDING_ROLE:
            return (initiative.id, holder.id) in self._cell_findings
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _CENTRE
        if role == Qt.ItemDataRole.BackgroundRole:
            if code in ROLE_COLOURS:
                return QBrush(QColor(ROLE_COLOURS[code][0]))
            if initiative.id in self._row_findings or holder.id in self._column_findings:
                return QBrush(QColor(FINDING_TINT))
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(ROLE_COLOURS[code][1])) if code in ROLE_COLOURS else None
        if role == Qt.ItemDataRole.FontRole and code:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [f"{initiative.code} {initiative.title}", holder.name]
            lines.append(f"{code} — {label(RACI_ROLES, code)}" if code else _("No role"))
            lines += [f"{FINDING_MARK} {f.message}" for f in self._cell_findings.get((initiative.id, holder.id), [])]
            return "\n".join(lines)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        matrix = self._snapshot.matrix
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(matrix.stakeholders):
                return None
            holder = matrix.stakeholders[section]
            findings = self._column_findings.get(holder.id, [])
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{FINDING_MARK} {holder.name}" if findings else holder.name
            if role == Qt.ItemDataRole.ToolTipRole:
                return "\n".join([holder.name, label(SECTORS, holder.sector)] + [f"{FINDING_MARK} {f.message}" for f in findings])
            if role == STAKEHOLDER_ID_ROLE:
                return holder.id
            if role == FINDING_ROLE:
                return bool(findings)
            return None
        if not 0 <= section < len(matrix.initiatives):
            return None
        initiative = matrix.initiatives[section]
        findings = self._row_findings.get(initiative.id, [])
        if role == Qt.ItemDataRole.DisplayRole:
            text = f"{initiative.code} {initiative.title}"
            return f"{FINDING_MARK} {text}" if findings else text
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join([f"{initiative.code} {initiative.title}"] + [f"{FINDING_MARK} {f.message}" for f in findings])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and findings:
            return QBrush(QColor(FINDING_TINT))
        if role == INITIATIVE_ID_ROLE:
            return initiative.id
        if role == FINDING_ROLE:
            return bool(findings)
        return None
