"""The findings of a conformance check as a table: severity, check, item and message, with search and filters."""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import cache
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF
from sqlalchemy.orm import Session

from desktop_app.models.record_filter_proxy_model import RecordFilterProxyModel
from desktop_app.models.snapshot_table_model import SEARCH_ROLE, Column, SnapshotTableModel
from planner.guidelines.findings import Finding, severity_label
from planner.guidelines.profile import CHECKS, SEVERITIES
from planner.i18n import N_, _

log = logging.getLogger(__name__)

FINDING_ROLE = int(Qt.ItemDataRole.UserRole) + 10  # the Finding of a row (every column)
SEVERITY_ROLE = int(Qt.ItemDataRole.UserRole) + 11  # "error", "warning" or "info" (every column)

# What each severity is called (English source, shown through _()).
# The colour of each severity's mark.
SEVERITY_COLOURS: dict[str, str] = {"error": "#c42b1c", "warning": "#c98a00", "info": "#2f6fb3"}
_SEVERITY_RANK = {severity: rank for rank, severity in enumerate(SEVERITIES)}


def check_description(check: str) -> str:
    """What a check verifies, in the interface language (its id when the check is unknown)."""
    return _(CHECKS[check]) if check in CHECKS else check


@cache
def severity_icon(severity: str, size: int = 16) -> QIcon:
    """A drawn mark for a severity: a red disc with "!", an amber triangle with "!", a blue disc with "i"."""
    scale = 2  # drawn at twice the size so it stays sharp on high-density screens
    pixmap = QPixmap(size * scale, size * scale)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.scale(scale, scale)
        colour = QColor(SEVERITY_COLOURS.get(severity, "#808080"))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(colour))
        inset = 1.0
        if severity == "warning":
            path = QPainterPath()
            path.addPolygon(QPolygonF([QPointF(size / 2, inset), QPointF(size - inset, size - inset - 1),
                                       QPointF(inset, size - inset - 1)]))
            path.closeSubpath()
            painter.drawPath(path)
        else:
            painter.drawEllipse(QRectF(inset, inset, size - 2 * inset, size - 2 * inset))
        painter.setPen(QPen(QColor("white")))
        font = QFont()
        font.setBold(True)
        font.setPixelSize(round(size * 0.7))
        painter.setFont(font)
        glyph_box = QRectF(0, 1 if severity == "warning" else 0, size, size)
        painter.drawText(glyph_box, int(Qt.AlignmentFlag.AlignCenter), "i" if severity == "info" else "!")
    finally:
        painter.end()
    pixmap.setDevicePixelRatio(scale)
    return QIcon(pixmap)


def message_text(finding: Finding) -> str:
    """The message on one line, without the item's label in front when the Item column already shows it."""
    return " ".join(finding.detail.split())


def unique_findings(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """The findings with ids made unique (a repeated id gets "#2", "#3"…), so rows can be told apart."""
    seen: dict[str, int] = {}
    unique: list[Finding] = []
    for finding in findings:
        count = seen.get(finding.id, 0) + 1
        seen[finding.id] = count
        if count > 1:
            log.warning("Two findings share the id %r; the second is shown as %r", finding.id, f"{finding.id}#{count}")
            finding = replace(finding, id=f"{finding.id}#{count}")
        unique.append(finding)
    return tuple(unique)


class FindingsModel(SnapshotTableModel[Finding]):
    """A thin table over a tuple of Finding, in the report's order (errors first) until a header is clicked.

    set_findings() applies the difference to the rows shown, so the selection follows each finding by its id."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(None, parent)

    def make_columns(self) -> list[Column[Finding]]:
        return [
            Column("severity", N_("Severity"), lambda f: severity_label(f.severity),
                   sort=lambda f: (_SEVERITY_RANK.get(f.severity, len(_SEVERITY_RANK)), f.check, f.item_label),
                   tooltip=lambda f: severity_label(f.severity), width_chars=8, max_chars=10),
            Column("check", N_("Check"), lambda f: check_description(f.check),
                   tooltip=lambda f: check_description(f.check), width_chars=16, max_chars=36),
            Column("item", N_("Item"), lambda f: f.item_label or _("The plan as a whole"),
                   tooltip=lambda f: f.item_label or _("The plan as a whole"), width_chars=12, max_chars=30),
            Column("message", N_("Message"), message_text,
                   tooltip=lambda f: f.message, width_chars=30, max_chars=90),
        ]

    def read_rows(self, session: Session) -> list[Finding]:
        return []  # findings come from set_findings, never from the plan directly

    def search_text(self, row: Finding) -> str:
        text = " ".join((severity_label(row.severity), check_description(row.check), row.item_label, row.message))
        return unicodedata.normalize("NFC", text).casefold()

    def filter_value(self, row: Finding) -> Any:
        return row.severity

    def set_findings(self, findings: Sequence[Finding]) -> None:
        """Show these findings (in the report's order; a sorted table stays sorted)."""
        self.set_rows(unique_findings(findings))

    @property
    def findings(self) -> tuple[Finding, ...]:
        """The findings as shown (sorted when a header was clicked)."""
        return tuple(self.rows)

    def finding(self, row: int) -> Finding:
        return self.row_snapshot(row)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        if role == FINDING_ROLE:
            return self.row_snapshot(index.row())
        if role == SEVERITY_ROLE:
            return self.row_snapshot(index.row()).severity
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0:
            return severity_icon(self.row_snapshot(index.row()).severity)
        if role == Qt.ItemDataRole.AccessibleTextRole and index.column() == 0:
            return severity_label(self.row_snapshot(index.row()).severity)
        return super().data(index, role)


class FindingsFilterProxyModel(RecordFilterProxyModel):
    """Keeps the findings of the severities switched on whose text holds every word of the search box."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._severities: frozenset[str] = frozenset(SEVERITIES)

    @property
    def shown_severities(self) -> frozenset[str]:
        return self._severities

    def set_shown_severities(self, severities: Iterable[str]) -> None:
        wanted = frozenset(severities)
        if wanted != self._severities:
            self.beginFilterChange()
            self._severities = wanted
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        if model is None:
            return False
        index = model.index(source_row, 0, source_parent)
        if model.data(index, SEVERITY_ROLE) not in self._severities:
            return False
        words = self.search_words
        if words:
            text = model.data(index, SEARCH_ROLE) or ""
            return all(word in text for word in words)
        return True
