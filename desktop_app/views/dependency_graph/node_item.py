"""One initiative in the dependency graph: a rounded box with its code and a shortened title."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from desktop_app.views.dependency_graph import graph_style as style
from desktop_app.views.dependency_graph.graph_style import Role
from planner.i18n import _


@dataclass(frozen=True)
class NodeFonts:
    """The fonts every node shares (built once per scene from the application font)."""

    code: QFont
    title: QFont
    label: QFont
    code_height: float
    title_height: float
    title_metrics: QFontMetricsF
    label_metrics: QFontMetricsF
    _label_sizes: dict[str, tuple[float, float]] = field(default_factory=dict)

    @classmethod
    def from_font(cls, base: QFont) -> NodeFonts:
        def sized(pixels: int, bold: bool) -> QFont:
            font = QFont(base)
            font.setPixelSize(pixels)
            font.setBold(bold)
            return font

        code, title = sized(style.CODE_PIXELS, True), sized(style.TITLE_PIXELS, False)
        metrics = QFontMetricsF(title)
        label = sized(style.LABEL_PIXELS, False)
        return cls(code, title, label, QFontMetricsF(code).height(), metrics.height(), metrics, QFontMetricsF(label))

    def label_size(self, text: str) -> tuple[float, float]:
        """Width and height of an edge label box for `text` (the few distinct labels are measured once)."""
        size = self._label_sizes.get(text)
        if size is None:
            size = (self.label_metrics.horizontalAdvance(text) + 8, self.label_metrics.height() + 2)
            self._label_sizes[text] = size
        return size


def wrap_title(title: str, metrics: QFontMetricsF, width: float, lines: int = 2) -> list[str]:
    """Up to `lines` lines of `title` broken at spaces, the last one elided when the title is longer."""
    words = title.split()
    result: list[str] = []
    current = ""
    for number, word in enumerate(words):
        candidate = f"{current} {word}" if current else word
        if metrics.horizontalAdvance(candidate) <= width or not current:
            current = candidate
            continue
        result.append(current)
        current = word
        if len(result) == lines - 1:
            current = " ".join(words[number:])
            break
    if current:
        result.append(current)
    result = [metrics.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in result[:lines]]
    return result


# Every node's box in its own coordinates: one rectangle shared by all (never changed), not one each.
NODE_RECT = QRectF(0, 0, style.NODE_WIDTH, style.NODE_HEIGHT)
NODE_BOUNDS = NODE_RECT.adjusted(-3, -3, 3, 3)


class NodeItem(QGraphicsItem):
    """Draws one initiative; holds only plain values (ids, texts), never an ORM object."""

    def __init__(self, initiative_id: str, code: str, title: str, field_id: str | None, critical: bool,
                 total_float: int | None, fonts: NodeFonts) -> None:
        super().__init__()
        self.initiative_id = initiative_id
        self.code = code
        self.title = title
        self.field_id = field_id
        self.critical = critical
        self.layer = 0
        self.role = Role.NORMAL
        self.context = False  # from another field, shown because it links to the filtered one
        self._fonts = fonts
        self._rect = NODE_RECT
        inner = style.NODE_WIDTH - 16
        self._title_lines = wrap_title(title, fonts.title_metrics, inner, style.TITLE_LINES)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(2)
        tip = f"{code} {title}"
        if critical:
            tip += "\n" + _("On the critical path")
        elif total_float is not None:
            tip += "\n" + _("Total float: {months} months").format(months=total_float)
        self.setToolTip(tip)

    # -- geometry ---------------------------------------------------------------------------------------

    def boundingRect(self) -> QRectF:
        return QRectF(NODE_BOUNDS)  # a copy: callers may change what they get

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRoundedRect(self._rect, 8, 8)
        return path

    def centre(self) -> QPointF:
        return self.mapToScene(self._rect.center())

    def port(self, right: bool, offset: float) -> QPointF:
        """A point on the left or right side, `offset` from the middle."""
        x = self._rect.right() if right else self._rect.left()
        return self.mapToScene(QPointF(x, self._rect.center().y() + offset))

    # -- state ------------------------------------------------------------------------------------------

    def set_role(self, role: Role, context: bool) -> None:
        self.role, self.context = role, context
        if role is Role.FADED:
            self.setOpacity(style.FADED_OPACITY)
        elif context:
            self.setOpacity(style.CONTEXT_OPACITY)
        else:
            self.setOpacity(1.0)
        self.setZValue(3 if role in (Role.SELECTED, Role.UPSTREAM, Role.DOWNSTREAM) else 2)
        self.update()

    # -- painting ---------------------------------------------------------------------------------------

    def _colours(self) -> tuple[QColor, QColor, float, QColor]:
        """Fill, border, border width and text colour."""
        fill, border, width, text = style.NODE_FILL, style.NODE_BORDER, 1.2, style.TEXT_COLOUR
        if self.critical:
            fill, border, width = style.CRITICAL_TINT, style.VERMILLION, 3.0
        if self.role is Role.UPSTREAM:
            fill = style.SKY_TINT
            border, width = (border, width) if self.critical else (style.BLUE, 2.2)
        elif self.role is Role.DOWNSTREAM:
            fill = style.GREEN_TINT
            border, width = (border, width) if self.critical else (style.BLUISH_GREEN, 2.2)
        elif self.role is Role.SELECTED:
            fill, text = style.BLUE, QColor("#FFFFFF")
            border, width = (border, 3.5) if self.critical else (QColor("#003F63"), 2.5)
        return fill, border, width, text

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        fill, border, width, text = self._colours()
        scale = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        if scale < style.SHAPE_MIN_SCALE:
            painter.fillRect(self._rect, border if self.critical or self.role is not Role.NORMAL else fill.darker(115))
            return  # a few pixels: a plain block
        painter.setPen(QPen(border, width))
        painter.setBrush(QBrush(fill))
        painter.drawRoundedRect(self._rect, 8, 8)
        if scale < style.TEXT_MIN_SCALE:
            return  # far out: boxes only
        left = self._rect.left() + 8
        inner = self._rect.width() - 16
        painter.setPen(text)
        painter.setFont(self._fonts.code)
        code_height = self._fonts.code_height
        painter.drawText(QRectF(left, self._rect.top() + 5, inner, code_height),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.code)
        if self.critical:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(style.VERMILLION if self.role is not Role.SELECTED else QColor("#FFFFFF"))
            marker = QRectF(self._rect.right() - 22, self._rect.top() + 9, 12, 12)
            painter.drawPolygon([QPointF(marker.center().x(), marker.top()), QPointF(marker.right(), marker.center().y()),
                                 QPointF(marker.center().x(), marker.bottom()), QPointF(marker.left(), marker.center().y())])
            painter.setPen(text)
        painter.setFont(self._fonts.title)
        line_height = self._fonts.title_height
        top = self._rect.top() + 6 + code_height
        for line in self._title_lines:
            painter.drawText(QRectF(left, top, inner, line_height),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, line)
            top += line_height
        if self.isSelected() and self.role is not Role.SELECTED:
            painter.setPen(QPen(style.BLUE, 2, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(self._rect.adjusted(-2, -2, 2, 2), 9, 9)
