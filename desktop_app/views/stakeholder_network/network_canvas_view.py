"""The scrolling canvas of the stakeholder network: Ctrl+wheel zoom, Ctrl+0 fit, drag the background to pan."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QGraphicsScene, QWidget

from desktop_app.views.stakeholder_network import network_style as style
from desktop_app.widgets.zoomable_canvas_view import ZoomableCanvasView


class NetworkCanvasView(ZoomableCanvasView):
    """Shows the network scene; nodes are dragged directly, the background pans."""

    FIT_MAX_SCALE = 1.5  # a small network is not blown up past this when fitted
    FIT_MARGIN = 30.0

    def __init__(self, scene: QGraphicsScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, style.SCENE_BACKGROUND, parent)
        self.setObjectName("network_canvas")
        self.before_tooltip: Callable[[], Any] | None = None  # called before a tooltip is shown

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and self.before_tooltip is not None:
            self.before_tooltip()
        return super().viewportEvent(event)
