"""Geometry of the stakeholder grid: cells of the 5 × 5 plot, spreading markers in a cell, greedy label placement."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF

SCALE = (1, 2, 3, 4, 5)
LOW, HIGH = SCALE[0], SCALE[-1]


def clamp(value: int) -> int:
    return max(LOW, min(HIGH, value))


@dataclass(frozen=True)
class GridGeometry:
    """The plot rectangle: interest 1–5 left to right, influence 1–5 bottom to top."""

    plot: QRectF

    @property
    def cell_width(self) -> float:
        return self.plot.width() / len(SCALE)

    @property
    def cell_height(self) -> float:
        return self.plot.height() / len(SCALE)

    def cell_rect(self, influence: int, interest: int) -> QRectF:
        left = self.plot.left() + (interest - LOW) * self.cell_width
        top = self.plot.top() + (HIGH - influence) * self.cell_height
        return QRectF(left, top, self.cell_width, self.cell_height)

    def x_of(self, interest: float) -> float:
        """The left edge of an interest column (interest may be 6 for the right edge)."""
        return self.plot.left() + (interest - LOW) * self.cell_width

    def y_of(self, influence: float) -> float:
        """The top edge of an influence row (influence may be 0 for the bottom edge)."""
        return self.plot.top() + (HIGH - influence) * self.cell_height

    def cell_at(self, point: QPointF) -> tuple[int, int]:
        """(influence, interest) of the cell under `point`, clamped to 1–5 outside the plot."""
        interest = LOW + math.floor((point.x() - self.plot.left()) / self.cell_width)
        influence = HIGH - math.floor((point.y() - self.plot.top()) / self.cell_height)
        return clamp(influence), clamp(interest)


def slot_grid(count: int, cell: QRectF, row_height: float) -> tuple[int, int]:
    """(columns, rows) for `count` markers in a cell: as few columns as the rows of height `row_height` allow."""
    if count <= 0:
        return 0, 0
    max_rows = max(1, int(cell.height() // row_height))
    columns = math.ceil(count / max_rows)
    rows = math.ceil(count / columns)
    return columns, rows


def spread_in_cell(count: int, cell: QRectF, row_height: float, marker_width: float) -> list[QPointF]:
    """Centres of `count` markers sharing `cell`: a small grid, row by row, labels having room to the right."""
    columns, rows = slot_grid(count, cell, row_height)
    if not count:
        return []
    slot_width = cell.width() / columns
    slot_height = cell.height() / rows
    centres = []
    for number in range(count):
        column, row = number % columns, number // columns
        x = cell.left() + column * slot_width + min(marker_width, slot_width / 2)
        if count == 1:
            x = cell.center().x()
        y = cell.top() + (row + 0.5) * slot_height
        centres.append(QPointF(x, y))
    return centres


def candidate_rects(centre: QPointF, radius: float, size: tuple[float, float], gap: float) -> list[QRectF]:
    """Where a label may go around a marker, in order of preference: right, left, below, above, the diagonals."""
    width, height = size
    x, y = centre.x(), centre.y()
    right, left = x + radius + gap, x - radius - gap - width
    return [
        QRectF(right, y - height / 2, width, height),
        QRectF(left, y - height / 2, width, height),
        QRectF(x - width / 2, y + radius + gap, width, height),
        QRectF(x - width / 2, y - radius - gap - height, width, height),
        QRectF(right, y - radius - height, width, height),
        QRectF(right, y + radius, width, height),
        QRectF(left, y - radius - height, width, height),
        QRectF(left, y + radius, width, height),
    ]


class RectIndex:
    """Rectangles bucketed in a coarse spatial hash, so an overlap test looks only at its neighbourhood.

    Answers exactly as testing every rectangle would (`QRectF.intersects`), in time independent of how many
    rectangles there are elsewhere — placing n labels is O(n), not O(n²)."""

    def __init__(self, rects: Iterable[QRectF] = (), bucket: float = 64.0) -> None:
        self.bucket = bucket
        self._buckets: dict[tuple[int, int], list[QRectF]] = defaultdict(list)
        for rect in rects:
            self.add(rect)

    def _keys(self, rect: QRectF) -> Iterator[tuple[int, int]]:
        size = self.bucket
        x0, x1 = math.floor(rect.left() / size), math.floor(rect.right() / size)
        y0, y1 = math.floor(rect.top() / size), math.floor(rect.bottom() / size)
        for x in range(x0, x1 + 1):
            for y in range(y0, y1 + 1):
                yield x, y

    def add(self, rect: QRectF) -> None:
        rect = rect.normalized()
        for key in self._keys(rect):
            self._buckets[key].append(rect)

    def intersects(self, rect: QRectF) -> bool:
        buckets = self._buckets
        for key in self._keys(rect.normalized()):
            others = buckets.get(key)
            if others and any(rect.intersects(other) for other in others):
                return True
        return False


def place_label(candidates: Sequence[QRectF], obstacles: Sequence[QRectF] | RectIndex, bounds: QRectF) -> QRectF | None:
    """The first candidate inside `bounds` that overlaps no obstacle, or None."""
    index = obstacles if isinstance(obstacles, RectIndex) else RectIndex(obstacles)
    for rect in candidates:
        if not bounds.contains(rect):
            continue
        if index.intersects(rect):
            continue
        return rect
    return None
