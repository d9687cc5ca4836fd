"""The scrolling canvas of the dependency graph: Ctrl+wheel zoom, fit, Shift-drag to link, Del to delete."""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPen
from PySide6.QtWidgets import QGraphicsLineItem, QGraphicsScene, QGraphicsView, QWidget

from desktop_app.views.dependency_graph import graph_style as style
from desktop_app.views.dependency_graph.node_item import NodeItem
from desktop_app.widgets.zoomable_canvas_view import ZoomableCanvasView


class GraphCanvasView(ZoomableCanvasView):
    """Shows the graph scene; reports link gestures and key commands to the graph view."""

    link_dragged = Signal(str, str)  # predecessor id, successor id (Shift-drag or a pick after "Link…")
    pick_cancelled = Signal()
    delete_requested = Signal()

    def __init__(self, scene: QGraphicsScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, style.SCENE_BACKGROUND, parent)
        self.setObjectName("graph_canvas")
        self.pick_source: str | None = None  # after "Link…": the predecessor waiting for a click on its successor
        self._drag_source: NodeItem | None = None
        self._drag_line: QGraphicsLineItem | None = None

    # -- keys -------------------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        key = event.key()
        if key == Qt.Key.Key_Delete and modifiers == Qt.KeyboardModifier.NoModifier:
            self.delete_requested.emit()
        elif key == Qt.Key.Key_Escape and (self.pick_source is not None or self._drag_source is not None):
            self.cancel_link_gesture()
        else:
            super().keyPressEvent(event)  # zoom and fit keys, or the view's own
            return
        event.accept()

    # -- linking gestures -------------------------------------------------------------------------------

    def node_at(self, position: QPoint) -> NodeItem | None:
        for item in self.items(position):
            if isinstance(item, NodeItem) and item.isVisible():
                return item
        return None

    def begin_pick(self, source_id: str) -> None:
        """After "Link…": the next click on a node links `source_id` to it."""
        self.pick_source = source_id
        self.viewport().setCursor(Qt.CursorShape.CrossCursor)

    def cancel_link_gesture(self) -> None:
        picking = self.pick_source is not None
        self.pick_source = None
        self._end_drag()
        self.viewport().unsetCursor()
        if picking:
            self.pick_cancelled.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            node = self.node_at(event.position().toPoint())
            if self.pick_source is not None:
                source = self.pick_source
                self.pick_source = None
                self.viewport().unsetCursor()
                if node is not None and node.initiative_id != source:
                    self.link_dragged.emit(source, node.initiative_id)
                else:
                    self.pick_cancelled.emit()
                event.accept()
                return
            if node is not None and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self._drag_source = node
                start = node.centre()
                self._drag_line = QGraphicsLineItem(QLineF(start, start))
                self._drag_line.setPen(QPen(style.BLUE, 2, Qt.PenStyle.DashLine))
                self._drag_line.setZValue(10)
                self.scene().addItem(self._drag_line)
                self.setDragMode(QGraphicsView.DragMode.NoDrag)
                self.viewport().setCursor(Qt.CursorShape.CrossCursor)
                event.accept()
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag_source is not None and self._drag_line is not None:
            end = self.mapToScene(event.position().toPoint())
            self._drag_line.setLine(QLineF(self._drag_source.centre(), QPointF(end)))
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag_source is not None and event.button() == Qt.MouseButton.LeftButton:
            source = self._drag_source
            target = self.node_at(event.position().toPoint())
            self._end_drag()
            self.viewport().unsetCursor()
            event.accept()
            if target is not None and target is not source:
                self.link_dragged.emit(source.initiative_id, target.initiative_id)
            return
        super().mouseReleaseEvent(event)

    def _end_drag(self) -> None:
        if self._drag_line is not None:
            self.scene().removeItem(self._drag_line)
        self._drag_source, self._drag_line = None, None
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
