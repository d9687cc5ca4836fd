"""One editor per kind of Attribute (line, text block, combo, check box), each with its inline error label."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from planner.i18n import _
from planner.model.attributes import Attribute
from planner.model.vocabulary import label as vocabulary_label

ERROR_COLOUR = "#c62828"
MIXED = "\x00mixed"  # the combo entry standing for "the selected items differ"


def several_values_text() -> str:
    return _("Several values")


class FieldEditor(QWidget):
    """A caption, the editing widget and a red message under it. `committed` fires when the user is done."""

    committed = Signal(str)  # the attribute's name

    def __init__(self, attribute: Attribute, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.attribute = attribute
        self.setObjectName(f"{attribute.name}_field")
        self._loading = False
        self.caption_label = QLabel(_(attribute.label) + (" *" if attribute.required else ""))
        self.caption_label.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setObjectName(f"{attribute.name}_error")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.hide()
        self.input = self.make_input()
        self.input.setObjectName(f"{attribute.name}_editor")
        self.caption_label.setBuddy(self.input)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addWidget(self.caption_label)
        layout.addWidget(self.input)
        layout.addWidget(self.error_label)

    # -- to implement -----------------------------------------------------------------------------------

    def make_input(self) -> QWidget:
        raise NotImplementedError

    def show_value(self, value: Any, mixed: bool) -> None:
        raise NotImplementedError

    def read_value(self) -> Any:
        """The value the user entered; ValueError (with a message naming the field) when it is not valid."""
        raise NotImplementedError

    def is_modified(self) -> bool:
        """Whether the user changed the entry since it was last shown or committed."""
        return True

    def mark_clean(self) -> None:
        """Forget that the user changed the entry."""

    def has_pending_edit(self) -> bool:
        """Whether the user is typing something not yet committed (a refresh must not overwrite it)."""
        return False

    def set_choices(self, choices: Sequence[tuple[Any, str]]) -> None:
        """For combos: the (value, text) entries to offer."""

    # -- common -----------------------------------------------------------------------------------------

    def set_value(self, value: Any, mixed: bool = False) -> None:
        """Show a stored value (or, with mixed=True, that the selected items differ) without committing."""
        self._loading = True
        try:
            self.show_value(value, mixed)
            self.mark_clean()
        finally:
            self._loading = False

    @property
    def has_error(self) -> bool:
        return not self.error_label.isHidden()

    @property
    def error_text(self) -> str:
        return self.error_label.text() if self.has_error else ""

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def clear_error(self) -> None:
        self.error_label.clear()
        self.error_label.hide()

    def _commit(self) -> None:
        if not self._loading and self.is_modified():
            self.committed.emit(self.attribute.name)


class LineFieldEditor(FieldEditor):
    """Text, whole numbers, money (with separators), decimals, months ('2027-03') and tags on one line."""

    input: QLineEdit

    EXAMPLES = {"month": "2027-03", "date": "2026-09-10", "tags": "AI, 돌봄"}

    def make_input(self) -> QWidget:
        edit = QLineEdit()
        if self.attribute.max_length:
            edit.setMaxLength(self.attribute.max_length)
        if self.attribute.kind in ("int", "money", "decimal", "score"):
            edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        edit.editingFinished.connect(self._on_input_editing_finished)
        return edit

    def show_value(self, value: Any, mixed: bool) -> None:
        self.input.setText("" if mixed else self.attribute.format(value))
        self.input.setCursorPosition(0)  # show the beginning of a long text
        example = _(self.attribute.example) if self.attribute.example else self.EXAMPLES.get(self.attribute.kind)
        hint = _("e.g. {example}").format(example=example) if example else ""
        self.input.setPlaceholderText(several_values_text() if mixed else hint)

    def read_value(self) -> Any:
        return self.attribute.parse(self.input.text())

    def is_modified(self) -> bool:
        return self.input.isModified()

    def mark_clean(self) -> None:
        self.input.setModified(False)

    def has_pending_edit(self) -> bool:
        return self.input.isModified()

    def _on_input_editing_finished(self) -> None:
        self._commit()


class TextBlockFieldEditor(FieldEditor):
    """Several lines of prose; committed when the focus leaves it."""

    input: QPlainTextEdit

    def make_input(self) -> QWidget:
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(int(edit.fontMetrics().lineSpacing() * 4.6))
        edit.installEventFilter(self)
        return edit

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.input and event.type() == QEvent.Type.FocusOut:
            self._commit()
        return super().eventFilter(watched, event)

    def show_value(self, value: Any, mixed: bool) -> None:
        self.input.setPlainText("" if mixed or value is None else str(value))
        self.input.setPlaceholderText(several_values_text() if mixed else "")

    def read_value(self) -> Any:
        return self.attribute.parse(self.input.toPlainText())

    def is_modified(self) -> bool:
        return self.input.document().isModified()

    def mark_clean(self) -> None:
        self.input.document().setModified(False)

    def has_pending_edit(self) -> bool:
        return self.input.document().isModified()

    def commit_now(self) -> None:
        """Commit as if the focus had left (the Enter of a line edit)."""
        self._commit()


class ComboFieldEditor(FieldEditor):
    """Choices from a vocabulary (translated labels), references to other rows, and 1-5 scores."""

    input: QComboBox

    def make_input(self) -> QWidget:
        combo = QComboBox()
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(12)
        combo.currentIndexChanged.connect(self._on_input_index_changed)
        self._choices: list[tuple[Any, str]] = []
        if self.attribute.kind == "choice" and self.attribute.choices is not None:
            self._choices = [(code, vocabulary_label(self.attribute.choices, code)) for code in self.attribute.choices]
        elif self.attribute.kind == "score":
            low, high = self.attribute.minimum or 1, self.attribute.maximum or 5
            self._choices = [(number, str(number)) for number in range(low, high + 1)]
        return combo

    def empty_text(self) -> str:
        if self.attribute.name == "engagement":
            return _("Derived from influence and interest")
        return "—"

    def set_choices(self, choices: Sequence[tuple[Any, str]]) -> None:
        self._choices = list(choices)

    def show_value(self, value: Any, mixed: bool) -> None:
        entries: list[tuple[Any, str]] = []
        if mixed:
            entries.append((MIXED, several_values_text()))
        if not self.attribute.required:
            entries.append((None, self.empty_text()))
        entries += self._choices
        if not mixed and value is not None and all(value != code for code, _text in entries):
            shown = _("(missing item)") if self.attribute.kind == "ref" else str(value)
            entries.append((value, shown))
        combo = self.input
        combo.blockSignals(True)
        try:
            combo.clear()
            for code, text in entries:
                combo.addItem(text, code)
            wanted = MIXED if mixed else value
            combo.setCurrentIndex(next((n for n, (code, _t) in enumerate(entries) if code == wanted), 0))
        finally:
            combo.blockSignals(False)

    def read_value(self) -> Any:
        value = self.input.currentData()
        if value == MIXED:
            raise ValueError(_("{field}: choose a value.").format(field=_(self.attribute.label)))
        return value

    def is_modified(self) -> bool:
        return self.input.currentData() != MIXED

    def choose(self, value: Any) -> None:
        """Pick the entry holding `value`, as a user would (commits)."""
        self.input.setCurrentIndex(self.input.findData(value))

    def _on_input_index_changed(self, _number: int) -> None:
        self._commit()


class CheckFieldEditor(FieldEditor):
    """Yes/no; committed on every click."""

    input: QCheckBox

    def make_input(self) -> QWidget:
        box = QCheckBox(_(self.attribute.label))
        box.clicked.connect(self._on_input_clicked)
        self.caption_label.hide()  # the check box carries the caption
        return box

    def show_value(self, value: Any, mixed: bool) -> None:
        self.input.setTristate(mixed)
        self.input.setCheckState(Qt.CheckState.PartiallyChecked if mixed else
                                 Qt.CheckState.Checked if value else Qt.CheckState.Unchecked)

    def read_value(self) -> Any:
        return self.input.checkState() != Qt.CheckState.Unchecked

    def _on_input_clicked(self, _checked: bool) -> None:
        if self.input.isTristate():
            self.input.setTristate(False)
            self.input.setCheckState(Qt.CheckState.Checked)
        self._commit()


def editor_for(attribute: Attribute, parent: QWidget | None = None) -> FieldEditor:
    """The editor that suits the attribute's kind."""
    if attribute.kind in ("choice", "ref", "score"):
        return ComboFieldEditor(attribute, parent)
    if attribute.kind == "bool":
        return CheckFieldEditor(attribute, parent)
    if attribute.kind == "multiline":
        return TextBlockFieldEditor(attribute, parent)
    return LineFieldEditor(attribute, parent)
