"""A dismissable, non-modal message strip above a view: info or warning colours, an optional action button."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from planner.i18n import _

# The frame's colours by kind of message.
STYLES = {
    "warning": "MessageBarView { background: #fff4ce; border: 1px solid #e0c060; border-radius: 4px; }",
    "info": "MessageBarView { background: #e5f1fb; border: 1px solid #9cc3e6; border-radius: 4px; }",
}
KINDS = tuple(STYLES)


class MessageBarView(QFrame):
    """A selectable message, an optional action button and, when closable, a ✕ that hides it.

    Hidden until `show_message`. Each message has a kind ("warning" or "info", see STYLES); a message
    shown without one takes the bar's default kind, given when it is made."""

    closed = Signal()  # the user dismissed the bar with its ✕

    def __init__(self, kind: str = "warning", closable: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("message_bar")
        self.default_kind = kind
        self.kind = kind
        self.setStyleSheet(STYLES[kind])
        self.label = QLabel()
        self.label.setObjectName("message_label")
        self.label.setWordWrap(True)
        self.label.setStyleSheet("color: #1f1f1f; background: transparent; border: none;")
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.button = QPushButton()  # the optional action, see set_action
        self.button.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.close_button: QToolButton | None = None
        if closable:
            self.close_button = QToolButton()
            self.close_button.setText("✕")
            self.close_button.setAutoRaise(True)
            self.close_button.setToolTip(_("Dismiss"))
            self.close_button.clicked.connect(self._on_close_button_clicked)
            layout.addWidget(self.close_button)
        self.hide()

    def show_message(self, text: str, kind: str | None = None) -> None:
        """Show `text` in the colours of `kind` (the bar's default kind when None)."""
        self.kind = kind or self.default_kind
        self.setStyleSheet(STYLES[self.kind])
        self.label.setText(text)
        self.show()

    def set_action(self, text: str, slot: Callable[[], object]) -> None:
        """Show an action button beside the message (such as "Save As…") that calls `slot`."""
        self.button.setText(text)
        self.button.clicked.connect(lambda _checked=False: slot())
        self.button.show()

    def text(self) -> str:
        """The message shown, "" when the bar is hidden."""
        return "" if self.isHidden() else self.label.text()

    def _on_close_button_clicked(self) -> None:
        self.hide()
        self.closed.emit()
