"""A labelled stand-in for a view that a later release delivers: its title and one line saying what is coming."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from planner.i18n import _


class PlaceholderView(QWidget):
    """A centred title and the line "Coming in a later release: <what>", nothing more."""

    def __init__(self, title: str, coming: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("placeholder_view")
        self.title_label = QLabel(title)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note_label = QLabel(_("Coming in a later release: {what}").format(what=coming))
        self.note_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note_label.setWordWrap(True)
        self.note_label.setEnabled(False)  # drawn in the palette's muted text colour
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title_label)
        layout.addWidget(self.note_label)
        layout.addStretch(1)
