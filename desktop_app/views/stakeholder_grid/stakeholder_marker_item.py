"""One stakeholder on the grid: a marker coloured by sector and shaped by attitude, and its name label."""

from __future__ import annotations

import math
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QFont, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPixmapItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from desktop_app.views.stakeholder_grid.grid_style import (
    LABEL_BACKDROP,
    OUTLINE_COLOUR,
    SELECTION_COLOUR,
    TEXT_COLOUR,
    marker_path,
    sector_colour,
)
from planner.queries import StakeholderRow

GRAB_FACTOR = 1.3  # the grab area's radius, in marker radii
RING_FACTOR = 1.45  # the selection ring's radius, in marker radii


@lru_cache(maxsize=256)
def marker_stamp(attitude: str, sector: str, radius: float, selected: bool, ratio: float = 1.0) -> QPixmap:
    """A marker drawn once (antialiased, with its selection ring when `selected`), centred in a transparent
    square as wide as its grab area and margin; every marker of that attitude, sector and size blits it."""
    half = max(radius * GRAB_FACTOR + 4, radius * RING_FACTOR + 2)
    side = math.ceil(2 * half * ratio)
    pixmap = QPixmap(side, side)
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate(side / ratio / 2, side / ratio / 2)
    if selected:
        painter.setPen(QPen(SELECTION_COLOUR, 3))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(QPointF(0, 0), radius * RING_FACTOR, radius * RING_FACTOR)
    painter.setPen(QPen(OUTLINE_COLOUR, 1.6))
    painter.setBrush(QBrush(sector_colour(sector)))
    painter.drawPath(marker_path(attitude, radius))
    painter.end()
    return pixmap


class StakeholderMarkerItem(QGraphicsPixmapItem):
    """Selectable (by the canvas); the grid view drags it (the plan changes only when it is dropped).

    Drawn as a shared pre-rendered stamp (see `marker_stamp`) by Qt itself: no antialiased path, font or pen
    per marker per frame. The bounding rectangle is the grab area plus a margin, as label placement expects."""

    def __init__(self, row: StakeholderRow, radius: float, ratio: float = 1.0) -> None:
        super().__init__()
        self.row = row
        self.stakeholder_id = row.id
        self.radius = radius
        self.ratio = ratio
        self.home = QPointF()  # where the layout put it; a cancelled drag goes back here
        self.label: GridLabelItem | None = None
        self._grab = QPainterPath()
        self._grab.addEllipse(QPointF(0, 0), radius * GRAB_FACTOR, radius * GRAB_FACTOR)  # easy to grab
        self._bounds = self._grab.boundingRect().adjusted(-4, -4, 4, 4)  # not the stamp's whole pixels
        self._selected = False
        self._show_stamp(False)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setZValue(10)
        self.setToolTip(row.name if not row.organisation else f"{row.name}\n{row.organisation}")

    def _show_stamp(self, selected: bool) -> None:
        stamp = marker_stamp(self.row.attitude, self.row.sector, self.radius, selected, self.ratio)
        self.setPixmap(stamp)
        half = stamp.width() / stamp.devicePixelRatio() / 2
        self.setOffset(-half, -half)

    def place(self, centre: QPointF) -> None:
        self.home = QPointF(centre)
        self.setPos(centre)

    def shape(self) -> QPainterPath:
        return self._grab

    def boundingRect(self) -> QRectF:
        return self._bounds

    # Selection is kept here, not by Qt: a Qt-selected pixmap item paints a dashed box around itself, and the
    # stamp already carries the ring. The canvas is the only one that selects markers.
    def isSelected(self) -> bool:
        return self._selected

    def setSelected(self, selected: bool) -> None:
        if bool(selected) != self._selected:
            self._selected = bool(selected)
            self._show_stamp(self._selected)


class GridLabelItem(QGraphicsItem):
    """A marker's name on a light backdrop so it stays readable over shading and grid lines."""

    PADDING = 3.0

    def __init__(self, text: str, font: QFont, rect: QRectF) -> None:
        super().__init__()
        self.text = text
        self.font = font
        self.rect = QRectF(rect)
        self.setZValue(8)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def boundingRect(self) -> QRectF:
        return self.rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(LABEL_BACKDROP)
        painter.drawRoundedRect(self.rect, 3, 3)
        painter.setPen(TEXT_COLOUR)
        painter.setFont(self.font)
        painter.drawText(self.rect.adjusted(self.PADDING, 0, -self.PADDING, 0),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, self.text)
