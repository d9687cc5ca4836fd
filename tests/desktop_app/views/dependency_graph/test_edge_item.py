"""A dependency's edge: its pieces, kept as numbers, retrace its whole path; the arrowhead sits at its end."""

from __future__ import annotations

import random
from typing import Any

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFont, QPainterPath

from desktop_app.views.dependency_graph.edge_item import PIECE_MARGIN, EdgeItem
from desktop_app.views.dependency_graph.graph_style import ARROW_LENGTH
from desktop_app.views.dependency_graph.node_item import NodeFonts


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_an_edges_pieces_retrace_its_whole_path_with_the_lengths_where_they_begin(qapp: Any, seed: int) -> None:
    generator = random.Random(seed)
    x, y = 150.0, generator.uniform(0, 2000)
    start = QPointF(x, y)
    bends = []
    for hop in range(generator.randint(0, 4)):
        left = x + 58 + hop * 208
        bends.append((left, left + 150, generator.uniform(0, 2000)))
    end_x = x + 58 + len(bends) * 208
    end = QPointF(end_x, generator.uniform(0, 2000))
    item = EdgeItem("d", "a", "b", "SS", 1, False, NodeFonts.from_font(QFont()))
    item.route(start, bends, end, [generator.uniform(0.2, 0.8) for _ in range(len(bends) + 1)])
    pieces = item.pieces
    assert pieces and any(piece.path is None for piece in pieces) and any(piece.path for piece in pieces)
    retraced = QPainterPath(start)
    for piece in pieces:
        assert piece.start == pytest.approx(retraced.length())
        if piece.path is None:
            assert piece.left < piece.x < piece.right and piece.top < piece.run_top < piece.run_bottom < piece.bottom
            a, b = (piece.run_top, piece.run_bottom) if piece.downward else (piece.run_bottom, piece.run_top)
            assert retraced.currentPosition() == QPointF(piece.x, a)
            retraced.lineTo(QPointF(piece.x, b))
        else:
            bounds = piece.path.boundingRect()  # within the piece's bounds, PIECE_MARGIN away
            assert (piece.left, piece.top, piece.right, piece.bottom) == pytest.approx(
                (bounds.left() - PIECE_MARGIN, bounds.top() - PIECE_MARGIN, bounds.right() + PIECE_MARGIN,
                 bounds.bottom() + PIECE_MARGIN))
            retraced.connectPath(piece.path)
    assert retraced == item.path
    assert item.path.currentPosition() == QPointF(end.x() - ARROW_LENGTH, end.y())  # the arrowhead's base
    assert item.boundingRect().contains(QRectF(end.x() - ARROW_LENGTH, end.y() - 4, ARROW_LENGTH, 8))
