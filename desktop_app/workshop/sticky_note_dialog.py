"""A quick dialog putting a sticky note on an initiative or a stakeholder: type, press Enter, done."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.plan_controller import PlanController
from planner.errors import PlannerError
from planner.i18n import _
from planner.workshops import STICKY_COLOURS, StickyNoteRow, add_sticky_note_command, sticky_notes

SMALL_TEXT_PX = 24  # the panel's smallest text size (rating_panel_view imports this dialog)
# Paper colours of the notes (light, so black text stays legible on a projector).
NOTE_PAPER = {"yellow": "#FFF4A3", "pink": "#FFD1E0", "green": "#CFF5D8", "blue": "#CCE6FF", "orange": "#FFDDB3"}


class StickyNoteDialog(QDialog):
    """Shows the notes already on the target and adds one: Enter saves, Shift+Enter starts a new line, Esc
    cancels. The note is added through controller.execute (one undo entry); a refused note keeps the dialog
    open with the reason shown."""

    def __init__(self, controller: PlanController, target_kind: str, target_id: str, target_name: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.target_kind = target_kind
        self.target_id = target_id
        self.setWindowTitle(_("Sticky note"))
        self.setAccessibleName(_("Sticky note"))
        font = self.font()
        font.setPixelSize(SMALL_TEXT_PX)  # legible on a projector
        self.setFont(font)
        heading = QLabel(_("Sticky note on {name}").format(name=target_name) if target_name else _("Sticky note"))
        heading.setWordWrap(True)
        heading_font = heading.font()
        heading_font.setBold(True)
        heading.setFont(heading_font)
        self.existing_notes = QLabel()
        self.existing_notes.setWordWrap(True)
        self.existing_notes.setTextFormat(Qt.TextFormat.PlainText)
        self.text_edit = QPlainTextEdit()
        self.text_edit.setAccessibleName(_("Text of the note"))
        self.text_edit.setPlaceholderText(_("Write the note; Enter saves, Shift+Enter starts a new line"))
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.installEventFilter(self)
        self.colour_combo = QComboBox()
        self.colour_combo.setAccessibleName(_("Colour"))
        for code, label in STICKY_COLOURS.items():
            self.colour_combo.addItem(_(label), code)
            self.colour_combo.setItemData(self.colour_combo.count() - 1, QColor(NOTE_PAPER[code]),
                                          Qt.ItemDataRole.BackgroundRole)
        self.colour_combo.currentIndexChanged.connect(self._on_colour_changed)
        self.author_edit = QLineEdit()
        self.author_edit.setAccessibleName(_("Author"))
        self.author_edit.setMaxLength(100)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #B3261E;")
        self.error_label.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(_("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(_("Colour:"), self.colour_combo)
        form.addRow(_("Author:"), self.author_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.existing_notes)
        layout.addWidget(self.text_edit, 1)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self._show_existing(controller.read(lambda s: sticky_notes(s, target_kind, target_id)))
        self._on_colour_changed()
        self.text_edit.setFocus()
        self.resize(960, 600)

    def _show_existing(self, notes: list[StickyNoteRow]) -> None:
        if not notes:
            self.existing_notes.hide()
            return
        lines = [_("Notes already here:")]
        lines += [f"• {note.text}" + (f" — {note.author}" if note.author else "") for note in notes]
        self.existing_notes.setText("\n".join(lines))

    def _on_colour_changed(self) -> None:
        paper = NOTE_PAPER.get(self.colour_combo.currentData(), NOTE_PAPER["yellow"])
        self.text_edit.setStyleSheet(f"QPlainTextEdit {{ background: {paper}; color: #1A1A1A; }}")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.text_edit and event.type() == QEvent.Type.KeyPress:
            key_event = event if isinstance(event, QKeyEvent) else None
            if key_event and key_event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
                    key_event.modifiers() & Qt.KeyboardModifier.ShiftModifier):
                self.save()
                return True
        return super().eventFilter(watched, event)

    def save(self) -> None:
        """Add the note (one undo entry) and close; show the reason and stay open when it is refused."""
        try:
            command = self.controller.read(lambda s: add_sticky_note_command(
                s, self.target_kind, self.target_id, self.text_edit.toPlainText(),
                str(self.colour_combo.currentData()), self.author_edit.text()))
            self.controller.execute(command, initiator=self)
        except PlannerError as error:
            self.error_label.setText(str(error))
            self.error_label.show()
            self.text_edit.setFocus()
            return
        self.accept()
