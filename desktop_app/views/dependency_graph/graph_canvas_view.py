"""The scrolling canvas of the dependency graph: Ctrl+wheel zoom, fit, Shift-drag to link, Del to delete."""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QMouseEvent, QPainter, QPen, QWheelEvent
from PySide6.QtWidgets import QGraphicsLineItem, QGraphicsScene, QGraphicsView, QWidget

from desktop_app.views.dependency_graph import graph_style as style
from desktop_app.views.dependency_graph.node_item import NodeItem

MIN_SCALE = 0.05
MAX_SCALE = 4.0
FIT_MAX_SCALE = 1.25  # a small graph is not blown up past this when fitted


class GraphCanvasView(QGraphicsView):
    """Shows the graph scene; reports link gestures and key commands to the graph view."""

    link_dragged = Signal(str, str)  # predecessor id, successor id (Shift-drag or a pick after "Link…")
    pick_cancelled = Signal()
    delete_requested = Signal()
    zoomed = Signal(float)  # the new scale, after a zoom the user asked for
    fit_requested = Signal()  # Ctrl+0

    def __init__(self, scene: QGraphicsScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setObjectName("graph_canvas")
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setBackgroundBrush(style.SCENE_BACKGROUND)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.pick_source: str | None = None  # after "Link…": the predecessor waiting for a click on its successor
        self._drag_source: NodeItem | None = None
        self._drag_line: QGraphicsLineItem | None = None

    # -- zoom -------------------------------------------------------------------------------------------

    def scale_factor(self) -> float:
        return self.transform().m11()

    def zoom_by(self, factor: float) -> None:
        current = self.scale_factor()
        target = min(max(current * factor, MIN_SCALE), MAX_SCALE)
        if target != current:
            self.scale(target / current, target / current)
            self.zoomed.emit(target)

    def fit_all(self) -> None:
        """Show the whole graph (not larger than FIT_MAX_SCALE)."""
        scene = self.scene()
        bounds = scene.itemsBoundingRect().adjusted(-24, -24, 24, 24)
        if bounds.isEmpty():
            self.resetTransform()
            return
        scene.setSceneRect(bounds)
        self.fitInView(bounds, Qt.AspectRatioMode.KeepAspectRatio)
        if self.scale_factor() > FIT_MAX_SCALE:
            self.resetTransform()
            self.scale(FIT_MAX_SCALE, FIT_MAX_SCALE)
            self.centerOn(bounds.center())

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_by(1.0015 ** event.angleDelta().y())
            event.accept()
            return
        super().wheelEvent(event)

    # -- keys -------------------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        key = event.key()
        if key == Qt.Key.Key_Delete and modifiers == Qt.KeyboardModifier.NoModifier:
            self.delete_requested.emit()
        elif key == Qt.Key.Key_Escape and (self.pick_source is not None or self._drag_source is not None):
            self.cancel_link_gesture()
        elif modifiers == Qt.KeyboardModifier.ControlModifier and key == Qt.Key.Key_0:
            self.fit_requested.emit()
        elif event.matches(QKeySequence.StandardKey.ZoomIn) or (
                modifiers & Qt.KeyboardModifier.ControlModifier and key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal)):
            self.zoom_by(1.25)
        elif event.matches(QKeySequence.StandardKey.ZoomOut) or (
                modifiers == Qt.KeyboardModifier.ControlModifier and key == Qt.Key.Key_Minus):
            self.zoom_by(0.8)
        else:
            super().keyPressEvent(event)
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
