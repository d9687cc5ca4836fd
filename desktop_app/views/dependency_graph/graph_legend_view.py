"""The legend under the dependency graph: line style of each link type and the highlight colours."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop_app.views.dependency_graph import graph_style as style
from planner.i18n import _

SAMPLE_WIDTH = 34
SPACING = 18


class GraphLegendView(QWidget):
    """One line of samples: FS, SS, FF, SF lines; critical, upstream and downstream boxes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("graph_legend")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def entries(self) -> list[tuple[str, str]]:
        """(sample kind, text) in the order drawn."""
        lines = [(f"line:{code}", f"{_(name)}") for code, name in style.TYPE_NAMES.items()]
        return [*lines, ("critical", _("Critical path")), ("upstream", _("Upstream")), ("downstream", _("Downstream"))]

    def sizeHint(self) -> QSize:
        return QSize(self.fontMetrics().averageCharWidth() * 100, int(self.fontMetrics().height() * 2.0))

    def minimumSizeHint(self) -> QSize:
        return QSize(10, self.sizeHint().height())

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        middle = self.height() / 2
        x = 12.0
        text_colour = self.palette().color(QPalette.ColorRole.WindowText)
        for kind, text in self.entries():
            if kind.startswith("line:"):
                code = kind[5:]
                pen = QPen(style.EDGE_COLOUR, 2, style.TYPE_PEN_STYLES[code], Qt.PenCapStyle.FlatCap)
                if code == "FF":
                    pen.setDashPattern(style.DOT_PATTERN)
                painter.setPen(pen)
                painter.drawLine(QPointF(x, middle), QPointF(x + SAMPLE_WIDTH - 6, middle))
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QBrush(style.EDGE_COLOUR))
                tip = x + SAMPLE_WIDTH
                painter.drawPolygon([QPointF(tip, middle), QPointF(tip - 7, middle - 4), QPointF(tip - 7, middle + 4)])
            else:
                fill, border, width = {
                    "critical": (style.CRITICAL_TINT, style.VERMILLION, 3.0),
                    "upstream": (style.SKY_TINT, style.BLUE, 2.2),
                    "downstream": (style.GREEN_TINT, style.BLUISH_GREEN, 2.2),
                }[kind]
                painter.setPen(QPen(QColor(border), width))
                painter.setBrush(QBrush(fill))
                painter.drawRoundedRect(QRectF(x + 2, middle - 8, SAMPLE_WIDTH - 4, 16), 4, 4)
            x += SAMPLE_WIDTH + 6
            painter.setPen(text_colour)
            painter.drawText(QRectF(x, 0, metrics.horizontalAdvance(text) + 2, self.height()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
            x += metrics.horizontalAdvance(text) + SPACING
