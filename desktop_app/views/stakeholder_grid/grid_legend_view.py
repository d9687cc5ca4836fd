"""The grid's legend: sector colours and attitude shapes, in projector-sized type."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from desktop_app.views.stakeholder_grid.grid_style import (
    ARROW_COLOUR,
    OUTLINE_COLOUR,
    SECTOR_COLOURS,
    GridStyle,
    marker_path,
)
from planner.i18n import _
from planner.model.vocabulary import ATTITUDES, SECTORS, label


def marker_icon(attitude: str, colour: QColor, radius: float) -> QPixmap:
    """A marker drawn on a transparent pixmap (for the legend)."""
    side = int(radius * 2.8)
    pixmap = QPixmap(side, side)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate(QPointF(side / 2, side / 2))
    painter.setPen(QPen(OUTLINE_COLOUR, 1.6))
    painter.setBrush(QBrush(colour))
    painter.drawPath(marker_path(attitude, radius))
    painter.end()
    return pixmap


class GridLegendView(QWidget):
    """Two keys, sector → colour and attitude → shape; a third line explains the comparison arrows."""

    def __init__(self, style: GridStyle, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("grid_legend")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(6)
        radius = style.marker_radius
        self.entries: dict[str, QLabel] = {}
        for title, rows in (
            (_("Sector"), [(code, "circle_" + code, "supportive", SECTOR_COLOURS[code], label(SECTORS, code))
                           for code in SECTORS]),
            (_("Attitude"), [(code, "shape_" + code, code, QColor("#FFFFFF"), label(ATTITUDES, code))
                             for code in ATTITUDES]),
        ):
            heading = QLabel(title)
            heading.setFont(style.axis_font)
            layout.addWidget(heading)
            grid = QGridLayout()
            grid.setHorizontalSpacing(8)
            grid.setVerticalSpacing(2)
            for number, (_code, key, attitude, colour, text) in enumerate(rows):
                icon = QLabel()
                icon.setPixmap(marker_icon(attitude, colour, radius))
                name = QLabel(text)
                name.setFont(style.label_font)
                grid.addWidget(icon, number, 0)
                grid.addWidget(name, number, 1)
                self.entries[key] = name
            grid.setColumnStretch(1, 1)
            layout.addLayout(grid)
            layout.addSpacing(10)
        self.setFixedWidth(self.sizeHint().width() + 8)  # the note below wraps instead of widening the legend
        self.arrow_note = QLabel(_("Dashed arrows: moved since the compared snapshot"))
        self.arrow_note.setFont(style.label_font)
        self.arrow_note.setWordWrap(True)
        self.arrow_note.setStyleSheet(f"color: {ARROW_COLOUR.name()};")
        self.arrow_note.hide()
        layout.addWidget(self.arrow_note)
        layout.addStretch(1)
