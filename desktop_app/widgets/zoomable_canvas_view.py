"""A scrolling QGraphicsView with Ctrl+wheel and Ctrl+plus/minus zoom, Ctrl+0 fit, and background panning."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QKeySequence, QPainter, QWheelEvent
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QWidget


class ZoomableCanvasView(QGraphicsView):
    """The canvas of the graph-like views; subclasses set FIT_MAX_SCALE and FIT_MARGIN and add their gestures."""

    MIN_SCALE = 0.05
    MAX_SCALE = 4.0
    FIT_MAX_SCALE = 1.25  # a small scene is not blown up past this when fitted
    FIT_MARGIN = 24.0

    zoomed = Signal(float)  # the new scale, after a zoom the user asked for
    fit_requested = Signal()  # Ctrl+0

    def __init__(self, scene: QGraphicsScene, background: QColor | QBrush, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setBackgroundBrush(background)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def scale_factor(self) -> float:
        return self.transform().m11()

    def zoom_by(self, factor: float) -> None:
        current = self.scale_factor()
        target = min(max(current * factor, self.MIN_SCALE), self.MAX_SCALE)
        if target != current:
            self.scale(target / current, target / current)
            self.zoomed.emit(target)

    def fit_all(self) -> None:
        """Show everything in the scene (not larger than FIT_MAX_SCALE)."""
        scene = self.scene()
        margin = self.FIT_MARGIN
        bounds = scene.itemsBoundingRect().adjusted(-margin, -margin, margin, margin)
        if bounds.isEmpty():
            self.resetTransform()
            return
        scene.setSceneRect(bounds)
        self.fitInView(bounds, Qt.AspectRatioMode.KeepAspectRatio)
        if self.scale_factor() > self.FIT_MAX_SCALE:
            self.resetTransform()
            self.scale(self.FIT_MAX_SCALE, self.FIT_MAX_SCALE)
            self.centerOn(bounds.center())

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_by(1.0015 ** event.angleDelta().y())
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        key = event.key()
        if modifiers == Qt.KeyboardModifier.ControlModifier and key == Qt.Key.Key_0:
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
