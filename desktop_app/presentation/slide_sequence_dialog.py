"""Edit the plan's slide sequence: order (drag, Alt+Up/Down), add, remove, hide, titles and presenter notes."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.plan_controller import PlanController
from planner.errors import PlannerError
from planner.i18n import _
from planner.presentation import SLIDE_KINDS, SlideSpec, field_rows, save_sequence_command, slides

SPEC_ROLE = Qt.ItemDataRole.UserRole


class SlideSequenceDialog(QDialog):
    """OK saves the whole sequence as one undoable edit (save_sequence_command)."""

    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(_("Slides"))
        self._fields = {row[0]: f"{row[1]}. {row[2]}" for row in controller.read(field_rows)}
        self.list_widget = QListWidget(self)
        self.list_widget.setAccessibleName(_("Slide sequence"))
        self.list_widget.setToolTip(_("Drag to reorder, or Alt+Up / Alt+Down"))
        self.list_widget.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list_widget.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.title_edit = QLineEdit(self)
        self.title_edit.setAccessibleName(_("Slide title"))
        self.title_edit.setMaxLength(200)
        self.hidden_check = QCheckBox(_("Hide this slide"), self)
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setAccessibleName(_("Presenter's notes"))
        self.notes_edit.setTabChangesFocus(True)
        self.kind_label = QLabel(self)
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet("color: #B00020;")
        self.add_button = QPushButton(_("Add slide"), self)
        self.add_button.setAccessibleName(_("Add slide"))
        self.add_menu = QMenu(self)
        self._fill_add_menu()
        self.add_button.setMenu(self.add_menu)
        self.remove_button = QPushButton(_("Remove"), self)
        self.remove_button.setToolTip(_("Remove the selected slide (Delete)"))
        self.up_button = QPushButton(_("Move up"), self)
        self.up_button.setToolTip(_("Move the selected slide up (Alt+Up)"))
        self.down_button = QPushButton(_("Move down"), self)
        self.down_button.setToolTip(_("Move the selected slide down (Alt+Down)"))
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.list_widget.installEventFilter(self)  # Alt+Up/Down move, Delete removes
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(_("Type:"), self.kind_label)
        form.addRow(_("Title:"), self.title_edit)
        form.addRow("", self.hidden_check)
        form.addRow(_("Notes:"), self.notes_edit)
        side = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            side.addWidget(button)
        left = QVBoxLayout()
        left.addWidget(self.list_widget)
        left.addLayout(side)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(form, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(self.message_label)
        layout.addWidget(buttons)
        for spec in controller.read(slides):
            self._append(spec)
        self.list_widget.currentItemChanged.connect(self._on_current_changed)
        self.title_edit.textEdited.connect(self._on_edited)
        self.hidden_check.toggled.connect(self._on_edited)
        self.notes_edit.textChanged.connect(self._on_edited)
        self.list_widget.setCurrentRow(0)
        self._on_current_changed(self.list_widget.currentItem(), None)
        self.resize(980, 620)

    # -- the list ---------------------------------------------------------------------------------------

    def _describe(self, spec: SlideSpec) -> str:
        text = _(SLIDE_KINDS.get(spec.kind, spec.kind))
        if spec.kind == "field":
            text = self._fields.get(str(spec.params.get("field_id")), _("A field no longer in the plan"))
        if spec.title:
            text = f"{text} — {spec.title}"
        return f"{text} ({_('hidden')})" if spec.hidden else text

    def _append(self, spec: SlideSpec, row: int | None = None) -> QListWidgetItem:
        item = QListWidgetItem(self._describe(spec))
        item.setData(SPEC_ROLE, spec)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsDragEnabled)
        if row is None:
            self.list_widget.addItem(item)
        else:
            self.list_widget.insertItem(row, item)
        return item

    def _fill_add_menu(self) -> None:
        for kind, label in SLIDE_KINDS.items():
            if kind == "field":
                continue
            self.add_menu.addAction(_(label), lambda kind=kind: self.add_slide(SlideSpec(kind)))
        for field_id, name in self._fields.items():
            self.add_menu.addAction(_("Field: {name}").format(name=name),
                                    lambda field_id=field_id: self.add_slide(SlideSpec("field", {"field_id": field_id})))

    def specs(self) -> list[SlideSpec]:
        """The sequence as the dialog holds it now, top to bottom."""
        return [self.list_widget.item(row).data(SPEC_ROLE) for row in range(self.list_widget.count())]

    def add_slide(self, spec: SlideSpec) -> None:
        row = self.list_widget.currentRow() + 1 if self.list_widget.currentRow() >= 0 else self.list_widget.count()
        self.list_widget.setCurrentItem(self._append(spec, row))

    def remove_current(self) -> None:
        row = self.list_widget.currentRow()
        if row >= 0:
            self.list_widget.takeItem(row)

    def move_current(self, offset: int) -> None:
        row = self.list_widget.currentRow()
        target = row + offset
        if row < 0 or not 0 <= target < self.list_widget.count():
            return
        item = self.list_widget.takeItem(row)
        self.list_widget.insertItem(target, item)
        self.list_widget.setCurrentRow(target)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.list_widget and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            alt = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
            if alt and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.move_current(-1 if event.key() == Qt.Key.Key_Up else 1)
                return True
            if event.key() == Qt.Key.Key_Delete:
                self.remove_current()
                return True
        return super().eventFilter(watched, event)

    # -- the editor -------------------------------------------------------------------------------------

    def _on_current_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        spec: SlideSpec | None = current.data(SPEC_ROLE) if current is not None else None
        for widget in (self.title_edit, self.hidden_check, self.notes_edit, self.remove_button):
            widget.setEnabled(spec is not None)
        for widget, blocked in ((self.title_edit, True), (self.hidden_check, True), (self.notes_edit, True)):
            widget.blockSignals(blocked)
        self.kind_label.setText(_(SLIDE_KINDS.get(spec.kind, spec.kind)) if spec else "")
        self.title_edit.setText(spec.title if spec else "")
        self.title_edit.setPlaceholderText(_("Automatic title") if spec else "")
        self.hidden_check.setChecked(bool(spec and spec.hidden))
        self.notes_edit.setPlainText(spec.notes if spec else "")
        for widget in (self.title_edit, self.hidden_check, self.notes_edit):
            widget.blockSignals(False)

    def _on_edited(self, *_args: object) -> None:
        item = self.list_widget.currentItem()
        if item is None:
            return
        spec = replace(item.data(SPEC_ROLE), title=self.title_edit.text().strip(),
                       hidden=self.hidden_check.isChecked(), notes=self.notes_edit.toPlainText())
        item.setData(SPEC_ROLE, spec)
        item.setText(self._describe(spec))

    def accept(self) -> None:
        """Save the sequence as one undo entry; a refused sequence keeps the dialog open with the reason."""
        specs = self.specs()
        try:
            command = self.controller.read(lambda session: save_sequence_command(session, specs))
            self.controller.execute(command, self)
        except PlannerError as error:
            self.message_label.setText(str(error))
            return
        super().accept()
