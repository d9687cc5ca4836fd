"""The presenter's own screen: the current slide, the next one, the notes and the time since the start."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QPlainTextEdit, QWidget

from desktop_app.presentation.slide_renderer import SlideRenderer
from planner.i18n import _

if TYPE_CHECKING:
    from desktop_app.presentation.presentation_window import PresentationWindow


def elapsed_text(milliseconds: int) -> str:
    """0:05:09 style: hours, minutes, seconds."""
    seconds = max(0, milliseconds) // 1000
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


class PresenterView(QWidget):
    """Follows a PresentationWindow: its keys drive the slides too."""

    def __init__(self, presentation: PresentationWindow) -> None:
        super().__init__(None, Qt.WindowType.Window)
        from desktop_app.presentation.presentation_window import SlideCanvas

        self.presentation = presentation
        self.setWindowTitle(_("Presenter view"))
        self.setAccessibleName(_("Presenter view"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        renderer = SlideRenderer(presentation.theme)
        self.current_canvas = SlideCanvas(renderer, self)
        self.current_canvas.setAccessibleName(_("Current slide"))
        self.next_canvas = SlideCanvas(SlideRenderer(presentation.theme), self)
        self.next_canvas.setAccessibleName(_("Next slide"))
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setReadOnly(True)
        self.notes_edit.setAccessibleName(_("Presenter's notes"))
        self.notes_edit.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        notes_font = QFont(self.notes_edit.font())
        notes_font.setPointSizeF(max(notes_font.pointSizeF(), 10) * 1.6)
        self.notes_edit.setFont(notes_font)
        self.position_label = QLabel(self)
        self.timer_label = QLabel(self)
        self.timer_label.setAccessibleName(_("Time since the start"))
        self.next_label = QLabel(_("Next"), self)
        big = QFont(self.timer_label.font())
        big.setPointSizeF(max(big.pointSizeF(), 10) * 2.2)
        big.setBold(True)
        self.timer_label.setFont(big)
        self.position_label.setFont(big)
        layout = QGridLayout(self)
        layout.addWidget(self.current_canvas, 0, 0, 2, 1)
        layout.addWidget(self.next_label, 0, 1)
        layout.addWidget(self.next_canvas, 1, 1)
        layout.addWidget(self.notes_edit, 2, 0)
        status = QGridLayout()
        status.addWidget(self.position_label, 0, 0)
        status.addWidget(self.timer_label, 1, 0)
        layout.addLayout(status, 2, 1)
        layout.setColumnStretch(0, 3)
        layout.setColumnStretch(1, 2)
        layout.setRowStretch(1, 3)
        layout.setRowStretch(2, 2)
        self.clock = QElapsedTimer()
        self.clock.start()
        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self._on_tick)
        self.ticker.start()
        presentation.position_changed.connect(self._on_position_changed)
        self.resize(1200, 760)
        self._on_position_changed(presentation.page_index, presentation.step)
        self._on_tick()

    def _on_position_changed(self, index: int, step: int) -> None:
        presentation = self.presentation
        page = presentation.current_page
        self.current_canvas.show_page(page, step, presentation.spotlight, presentation.footer(index))
        following = presentation.next_page
        if page is not None and step < page.steps - 1:
            self.next_canvas.show_page(page, step + 1, None, presentation.footer(index))
            self.next_label.setText(_("Next: the next step of this slide"))
        else:
            self.next_canvas.show_page(following, None, None, presentation.footer(index + 1) if following else "")
            self.next_label.setText(_("Next") if following else _("Last slide"))
        self.notes_edit.setPlainText(page.notes if page is not None else "")
        self.position_label.setText(f"{index + 1} / {len(presentation.deck.pages)}" if page else "")

    def _on_tick(self) -> None:
        self.timer_label.setText(elapsed_text(self.clock.elapsed()))

    def restart_timer(self) -> None:
        self.clock.restart()
        self._on_tick()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_P:
            self.close()
            return
        if event.key() == Qt.Key.Key_R:
            self.restart_timer()
            return
        if not self.presentation.handle_key(event.key(), event.modifiers()):
            super().keyPressEvent(event)

    def closeEvent(self, event: object) -> None:
        self.ticker.stop()
        super().closeEvent(event)  # type: ignore[arg-type]
