"""A dashboard card: a caption, one big number, and a unit or note under it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from desktop_app.widgets.muted_text import mute


class NumberCardView(QFrame):
    """Shows one key figure large enough to read across a meeting room."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.caption_label = QLabel(caption)
        self.caption_label.setWordWrap(True)
        self.value_label = QLabel("–")
        self.value_label.setObjectName("value_label")
        self.value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.value_label.font()
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        self.value_label.setFont(font)
        self.note_label = QLabel("")
        mute(self.note_label)
        self.note_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(2)
        layout.addWidget(self.caption_label)
        layout.addWidget(self.value_label)
        layout.addWidget(self.note_label)
        layout.addStretch(1)

    def set_value(self, text: str, note: str = "") -> None:
        self.value_label.setText(text)
        self.note_label.setText(note)
        self.note_label.setVisible(bool(note))
