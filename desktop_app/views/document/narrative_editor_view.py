"""The editor of one narrative section: paragraphs, □ ○ - · bullet levels and bold, stored through plan commands."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QEvent, QMimeData, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QHideEvent,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QComboBox, QTextEdit, QToolBar, QVBoxLayout, QWidget
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.plan_controller import PlanController
from desktop_app.widgets.message_bar_view import MessageBarView
from planner.commands import AddRow, Changes, Command, UpdateRow
from planner.errors import PlannerError
from planner.i18n import _
from planner.model.plan import NarrativeSection
from planner.narrative import (
    BULLET_MARKERS,
    MAX_LEVEL,
    NarrativeBlock,
    Run,
    escape_runs_text,
    format_narrative,
    parse_narrative,
    plain_text,
)

IDLE_COMMIT_MS = 800  # a burst of typing is stored once it has been idle this long
LEVEL_PROPERTY = QTextFormat.Property.UserProperty + 1  # the block's narrative level (0 paragraph, 1-4 bullet)
NARRATIVE_MIME_TYPE = "application/x-convergence-planner-narrative"  # copied text in the stored format
LINE_HEIGHT_PERCENT = 135  # Hangul reads better with some air between lines
_BOLD_WEIGHT = 600  # a fragment at least this heavy is bold
_SOFT_BREAK = "\u2028"  # Shift+Enter's line separator; the stored format has one block per line
_OBJECT = "\ufffc"  # an embedded object (image): the stored format holds text only


@dataclass(frozen=True)
class NarrativeRow:
    """A narrative section as the plan stores it."""

    id: str
    key: str
    title: str
    body: str
    position: int


def read_narrative_rows(session: Session) -> dict[str, NarrativeRow]:
    """Every narrative section of the plan by key."""
    table = NarrativeSection.__table__
    rows = session.execute(select(table.c.id, table.c.key, table.c.title, table.c.body, table.c.position))
    return {row.key: NarrativeRow(row.id, row.key, row.title, row.body or "", row.position) for row in rows}


def read_narrative_row(session: Session, key: str) -> NarrativeRow | None:
    """The narrative section with this key, or None when the plan has none yet."""
    table = NarrativeSection.__table__
    row = session.execute(
        select(table.c.id, table.c.key, table.c.title, table.c.body, table.c.position).where(table.c.key == key)
    ).first()
    return None if row is None else NarrativeRow(row.id, row.key, row.title, row.body or "", row.position)


# -- the QTextDocument as narrative blocks and back ---------------------------------------------------------


def block_level(block: QTextBlock) -> int:
    """The narrative level of a text block (0 for a plain paragraph)."""
    value = block.blockFormat().property(LEVEL_PROPERTY)
    return min(max(int(value), 0), MAX_LEVEL) if isinstance(value, int) else 0


def _merged(runs: Sequence[Run]) -> tuple[Run, ...]:
    """Neighbouring runs of the same weight joined, empty ones dropped."""
    merged: list[Run] = []
    for run in runs:
        if not run.text:
            continue
        if merged and merged[-1].bold == run.bold:
            merged[-1] = Run(merged[-1].text + run.text, run.bold)
        else:
            merged.append(run)
    return tuple(merged)


def document_blocks(document: QTextDocument) -> list[NarrativeBlock]:
    """The narrative blocks a text document shows; trailing empty paragraphs are left out."""
    blocks: list[NarrativeBlock] = []
    block = document.firstBlock()
    while block.isValid():
        runs: list[Run] = []
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.isValid():
                text = fragment.text().replace(_SOFT_BREAK, " ").replace(_OBJECT, "")
                runs.append(Run(text, fragment.charFormat().fontWeight() >= _BOLD_WEIGHT))
            fragments += 1
        blocks.append(NarrativeBlock(block_level(block), _merged(runs)))
        block = block.next()
    while blocks and blocks[-1].is_gap:
        blocks.pop()
    return blocks


def document_body(document: QTextDocument) -> str:
    """The stored text (planner.narrative's format) of what a text document shows."""
    return format_narrative(document_blocks(document))


def char_format(bold: bool) -> QTextCharFormat:
    text_format = QTextCharFormat()
    text_format.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    return text_format


_MODIFIER_KEYS = (Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_AltGr, Qt.Key.Key_Meta, Qt.Key.Key_Shift)


class NarrativeTextEdit(QTextEdit):
    """The rich-text field: bullet markers are painted in each block's hanging indent (they are not text, so
    the cursor never lands inside one); keys for levels, bold and the plan's undo are handled here."""

    level_key_pressed = Signal(int)  # Alt+0 .. Alt+4
    level_step_pressed = Signal(int)  # Tab (+1) / Shift+Tab (-1)
    bold_key_pressed = Signal()  # Ctrl+B
    undo_key_pressed = Signal()  # Ctrl+Z
    redo_key_pressed = Signal()  # Ctrl+Shift+Z (Ctrl+Y)
    focus_left = Signal()
    window_shortcut_pressed = Signal()  # a key that may trigger a window action (save, export, switch view)

    _LEVEL_KEYS = {Qt.Key.Key_0: 0, Qt.Key.Key_1: 1, Qt.Key.Key_2: 2, Qt.Key.Key_3: 3, Qt.Key.Key_4: 4}

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptRichText(False)
        self.setUndoRedoEnabled(False)  # undo is the plan's (controller.undo_stack)
        self.setTabChangesFocus(False)

    # -- geometry of the bullets -------------------------------------------------------------------------

    def _metrics(self) -> QFontMetricsF:
        return QFontMetricsF(self.document().defaultFont())

    def level_step(self) -> float:
        """How far each level below the first is indented: about two half-width characters (one Hangul)."""
        return self._metrics().horizontalAdvance("가")

    def marker_width(self) -> float:
        """The hanging part of a bullet: the widest marker and a space."""
        metrics = self._metrics()
        return max(metrics.horizontalAdvance(f"{marker} ") for marker in BULLET_MARKERS.values())

    def block_format(self, level: int) -> QTextBlockFormat:
        """The format of a block at a level: bullets hang their marker left of the text."""
        block_format = QTextBlockFormat()
        block_format.setProperty(LEVEL_PROPERTY, level)
        block_format.setTextIndent(0)
        block_format.setLineHeight(LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        block_format.setLeftMargin((level - 1) * self.level_step() + self.marker_width() if level else 0)
        return block_format

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        try:
            painter.setFont(self.document().defaultFont())
            metrics = self._metrics()
            painter.setPen(self.palette().text().color())
            offset_x = -self.horizontalScrollBar().value()
            offset_y = -self.verticalScrollBar().value()
            visible = event.rect()
            layout = self.document().documentLayout()
            block = self.document().firstBlock()
            while block.isValid():
                level = block_level(block)
                if level:
                    rect = layout.blockBoundingRect(block).translated(offset_x, offset_y)
                    if rect.bottom() >= visible.top() and rect.top() <= visible.bottom():
                        text_layout = block.layout()
                        if text_layout.lineCount():
                            line = text_layout.lineAt(0)
                            origin = text_layout.position()
                            marker = BULLET_MARKERS[level]  # set snug against the text, a space apart
                            x = origin.x() + line.x() + offset_x - metrics.horizontalAdvance(f"{marker} ")
                            baseline = origin.y() + line.y() + line.ascent() + offset_y
                            painter.drawText(QPointF(x, baseline), marker)
                    elif rect.top() > visible.bottom():
                        break
                block = block.next()
        finally:
            painter.end()

    # -- keys ----------------------------------------------------------------------------------------------

    def _is_undo(self, event: QKeyEvent) -> bool:
        return event.matches(QKeySequence.StandardKey.Undo)

    def _is_redo(self, event: QKeyEvent) -> bool:
        return event.matches(QKeySequence.StandardKey.Redo) or (
            event.key() == Qt.Key.Key_Z
            and event.modifiers() == (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        )

    def _level_key(self, event: QKeyEvent) -> int | None:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers == Qt.KeyboardModifier.AltModifier:
            return self._LEVEL_KEYS.get(Qt.Key(event.key()))
        return None

    def _is_bold(self, event: QKeyEvent) -> bool:
        return event.key() == Qt.Key.Key_B and event.modifiers() == Qt.KeyboardModifier.ControlModifier

    def _is_own_shortcut(self, event: QKeyEvent) -> bool:
        return (self._is_undo(event) or self._is_redo(event) or self._is_bold(event)
                or self._level_key(event) is not None)

    def _may_be_window_shortcut(self, event: QKeyEvent) -> bool:
        modifiers = event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                                         | Qt.KeyboardModifier.MetaModifier)
        if event.key() in _MODIFIER_KEYS:
            return False
        return bool(modifiers) or Qt.Key.Key_F1 <= event.key() <= Qt.Key.Key_F35

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if self._is_own_shortcut(event):
                event.accept()  # these keys belong to the editor, not to the window's shortcuts
                return True
            event.ignore()
            handled = super().event(event)  # accepts the editing keys it handles itself (Ctrl+Left, Ctrl+C, ...)
            if not event.isAccepted() and self._may_be_window_shortcut(event):
                self.window_shortcut_pressed.emit()  # e.g. Ctrl+S: the typed text goes into the plan first
            return handled
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if self._is_redo(event):
            self.redo_key_pressed.emit()
        elif self._is_undo(event):
            self.undo_key_pressed.emit()
        elif self._is_bold(event):
            self.bold_key_pressed.emit()
        elif (level := self._level_key(event)) is not None:
            self.level_key_pressed.emit(level)
        elif key == Qt.Key.Key_Backtab or (key == Qt.Key.Key_Tab and modifiers == Qt.KeyboardModifier.ShiftModifier):
            self.level_step_pressed.emit(-1)
        elif key == Qt.Key.Key_Tab and modifiers == Qt.KeyboardModifier.NoModifier:
            self.level_step_pressed.emit(1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and modifiers in (
                Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            self._new_line()
        elif key == Qt.Key.Key_Backspace and modifiers == Qt.KeyboardModifier.NoModifier \
                and self._at_bullet_start():
            self.set_block_levels(0)  # like a word processor: Backspace before a bullet's text removes it
        else:
            super().keyPressEvent(event)
            if key == Qt.Key.Key_Space:
                self._format_typed_marker()
        event.accept()

    def _at_bullet_start(self) -> bool:
        cursor = self.textCursor()
        return not cursor.hasSelection() and cursor.positionInBlock() == 0 and block_level(cursor.block()) > 0

    def _new_line(self) -> None:
        """Enter: a new block at the same level; on an empty bullet it ends the bullets instead."""
        cursor = self.textCursor()
        if not cursor.hasSelection() and block_level(cursor.block()) and not cursor.block().text():
            self.set_block_levels(0)
            return
        cursor.beginEditBlock()
        cursor.removeSelectedText()
        cursor.insertBlock(self.block_format(block_level(cursor.block())), self.currentCharFormat())
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def _format_typed_marker(self) -> None:
        """A plain paragraph that starts with a typed marker and a space (□ ○ - ·) becomes that bullet, as it
        would be read back from the stored text."""
        cursor = self.textCursor()
        block = cursor.block()
        if block_level(block):
            return
        text = block.text()
        parsed = parse_narrative(escape_runs_text(text))
        if len(parsed) != 1 or parsed[0].level == 0:
            return
        prefix = len(text) - len(parsed[0].text)
        if cursor.positionInBlock() != prefix:
            return
        edit = QTextCursor(block)
        edit.beginEditBlock()
        edit.setPosition(block.position() + prefix, QTextCursor.MoveMode.KeepAnchor)
        edit.removeSelectedText()
        edit.setBlockFormat(self.block_format(parsed[0].level))
        edit.endEditBlock()

    # -- levels --------------------------------------------------------------------------------------------

    def selected_blocks(self) -> list[QTextBlock]:
        """The blocks the selection touches (the cursor's block when nothing is selected)."""
        cursor = self.textCursor()
        document = self.document()
        block, last = document.findBlock(cursor.selectionStart()), document.findBlock(cursor.selectionEnd())
        blocks = [block]
        while block != last and block.isValid():
            block = block.next()
            blocks.append(block)
        return [block for block in blocks if block.isValid()]

    def set_block_levels(self, level: int | None = None, step: int = 0) -> None:
        """Give the selected blocks a level, or move each by `step` levels (kept within 0..4)."""
        blocks = self.selected_blocks()
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        for block in blocks:
            new_level = level if level is not None else min(max(block_level(block) + step, 0), MAX_LEVEL)
            if new_level != block_level(block) or block.blockFormat().leftMargin() != \
                    self.block_format(new_level).leftMargin():
                edit = QTextCursor(block)
                edit.setBlockFormat(self.block_format(new_level))
        cursor.endEditBlock()
        self.viewport().update()

    def reapply_indents(self) -> None:
        """Set every block's indent again (after the font changed)."""
        block = self.document().firstBlock()
        while block.isValid():
            QTextCursor(block).setBlockFormat(self.block_format(block_level(block)))
            block = block.next()

    # -- clipboard: the stored format between editors, plain text elsewhere ---------------------------------

    def createMimeDataFromSelection(self) -> QMimeData:
        fragment = self.textCursor().selection()
        scratch = QTextDocument()
        QTextCursor(scratch).insertFragment(fragment)
        body = document_body(scratch)
        mime = QMimeData()
        mime.setData(NARRATIVE_MIME_TYPE, body.encode("utf-8"))
        mime.setText(plain_text(body))
        return mime

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasFormat(NARRATIVE_MIME_TYPE) or source.hasText()

    def insertFromMimeData(self, source: QMimeData) -> None:
        """Paste text only (no foreign fonts, colours or images); lines starting with a marker become bullets."""
        if source.hasFormat(NARRATIVE_MIME_TYPE):
            body = bytes(source.data(NARRATIVE_MIME_TYPE).data()).decode("utf-8", errors="replace")
        elif source.hasText():
            text = source.text().replace("\r\n", "\n").replace("\r", "\n")
            if "\n" not in text:
                self.textCursor().insertText(text.replace(_OBJECT, ""), self.currentCharFormat())
                return
            body = "\n".join(escape_runs_text(line) for line in text.split("\n"))
        else:
            return
        self.insert_blocks(parse_narrative(body))

    def insert_blocks(self, blocks: Sequence[NarrativeBlock]) -> None:
        """Insert narrative blocks at the cursor: the first continues the current line."""
        if not blocks:
            return
        cursor = self.textCursor()
        cursor.beginEditBlock()
        cursor.removeSelectedText()
        for number, block in enumerate(blocks):
            if number:
                cursor.insertBlock(self.block_format(block.level), char_format(False))
            elif block.level and not cursor.block().text():
                cursor.setBlockFormat(self.block_format(block.level))
            for run in block.runs:
                cursor.insertText(run.text, char_format(run.bold))
        cursor.endEditBlock()
        self.setTextCursor(cursor)

    # -- focus ---------------------------------------------------------------------------------------------

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_left.emit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)  # a new font becomes the document's default font
        if event.type() == QEvent.Type.FontChange:
            was_blocked = self.blockSignals(True)  # the indents follow the font; the text did not change
            try:
                self.reapply_indents()
            finally:
                self.blockSignals(was_blocked)


class NarrativeEditor(QWidget):
    """Edits the narrative section `key` of the plan. Each burst of typing is stored as one command (after
    IDLE_COMMIT_MS idle, on focus-out, on switching section and before hiding); Ctrl+Z / Ctrl+Shift+Z undo
    and redo on the plan's stack. Edits made elsewhere (undo, other views) are shown as they arrive."""

    committed = Signal(str)  # the section key whose text was just stored

    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("narrative_editor")
        self.controller = controller
        self.key: str | None = None
        self.title = ""  # in the plan's language, for a row made on the first edit
        self.position = 0
        self.row_id: str | None = None
        self.stored_body = ""  # the body the plan holds, as last read or written
        self._pending = False
        self._loading = False
        self._committing = False  # inside controller.execute of this editor's own edit

        self.text_edit = NarrativeTextEdit()
        self.text_edit.setObjectName("narrative_text")
        self.text_edit.setAccessibleName(_("Section text"))
        self.text_edit.setReadOnly(True)
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.setInterval(IDLE_COMMIT_MS)
        self.idle_timer.timeout.connect(self.commit)

        self.style_combo = QComboBox()
        self.style_combo.setObjectName("paragraph_style_combo")
        self.style_combo.setAccessibleName(_("Paragraph style"))
        self.style_combo.setToolTip(_("Paragraph style (Alt+0 to Alt+4)"))
        self.style_combo.addItem(_("Paragraph"), 0)
        for level, marker in BULLET_MARKERS.items():
            self.style_combo.addItem(_("{marker}  Bullet level {level}").format(marker=marker, level=level), level)
        self.style_combo.activated.connect(self._on_style_combo_activated)

        self.bold_action = self._action(_("Bold"), _("Bold (Ctrl+B)"), self.toggle_bold, "bold_action")
        self.bold_action.setCheckable(True)
        font = self.bold_action.font()
        font.setBold(True)
        self.bold_action.setFont(font)
        self.shallower_action = self._action(
            _("◂ Shallower"), _("One bullet level shallower (Shift+Tab)"), lambda: self.change_level(-1),
            "shallower_action")
        self.deeper_action = self._action(
            _("Deeper ▸"), _("One bullet level deeper (Tab)"), lambda: self.change_level(1), "deeper_action")

        self.toolbar = QToolBar()
        self.toolbar.setObjectName("narrative_toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.addWidget(self.style_combo)
        self.toolbar.addAction(self.shallower_action)
        self.toolbar.addAction(self.deeper_action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.bold_action)
        self.message_bar = MessageBarView("warning")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.text_edit, 1)

        self.text_edit.textChanged.connect(self._on_text_changed)
        self.text_edit.cursorPositionChanged.connect(self._on_cursor_position_changed)
        self.text_edit.currentCharFormatChanged.connect(self._on_current_char_format_changed)
        self.text_edit.level_key_pressed.connect(self.set_level)
        self.text_edit.level_step_pressed.connect(self.change_level)
        self.text_edit.bold_key_pressed.connect(self.toggle_bold)
        self.text_edit.undo_key_pressed.connect(self.undo)
        self.text_edit.redo_key_pressed.connect(self.redo)
        self.text_edit.focus_left.connect(self.commit)
        self.text_edit.window_shortcut_pressed.connect(self.commit)
        controller.plan_changed.connect(self._on_plan_changed)
        self._set_tools_enabled(False)

    def _action(self, text: str, tip: str, slot: Callable[[], object], name: str) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _set_tools_enabled(self, enabled: bool) -> None:
        for widget in (self.style_combo, self.bold_action, self.shallower_action, self.deeper_action):
            widget.setEnabled(enabled)

    # -- which section -----------------------------------------------------------------------------------

    def set_section(self, key: str | None, title: str = "", position: int = 0) -> None:
        """Edit the section `key` (None: nothing). Text typed for the previous section is stored first; the
        same key again only updates the title and position a new row would get."""
        if key != self.key:
            self.commit()  # (under the previous section's title and position)
        self.title, self.position = title, position
        if key == self.key:
            return  # the same section, or storing the text refreshed the page, which switched to `key`
        self.key = key
        self.message_bar.hide()
        self.text_edit.setReadOnly(key is None)
        self._set_tools_enabled(key is not None)
        self._load_from_plan(keep_cursor=False)

    def _load_from_plan(self, keep_cursor: bool) -> None:
        row = None
        if self.key is not None:
            try:
                row = self.controller.read(lambda session: read_narrative_row(session, self.key or ""))
            except PlannerError:
                return  # the plan is closed
        self.row_id = row.id if row else None
        self.stored_body = row.body if row else ""
        if keep_cursor and self.stored_body == self.text():
            return
        self.load_body(self.stored_body, keep_cursor)

    def load_body(self, body: str, keep_cursor: bool = False) -> None:
        """Show a stored body (nothing is written to the plan)."""
        cursor = self.text_edit.textCursor()
        where = (cursor.blockNumber(), cursor.positionInBlock())
        self._loading = True
        try:
            document = self.text_edit.document()
            document.clear()
            edit = QTextCursor(document)
            edit.beginEditBlock()
            for number, block in enumerate(parse_narrative(body)):
                if number:
                    edit.insertBlock(self.text_edit.block_format(block.level), char_format(False))
                else:
                    edit.setBlockFormat(self.text_edit.block_format(block.level))
                    edit.setBlockCharFormat(char_format(False))
                for run in block.runs:
                    edit.insertText(run.text, char_format(run.bold))
            edit.endEditBlock()
            self._pending = False
            self.idle_timer.stop()
            restored = QTextCursor(document)
            if keep_cursor:
                block = document.findBlockByNumber(min(where[0], document.blockCount() - 1))
                restored.setPosition(block.position() + min(where[1], max(block.length() - 1, 0)))
            self.text_edit.setTextCursor(restored)
            self.text_edit.setCurrentCharFormat(char_format(restored.charFormat().fontWeight() >= _BOLD_WEIGHT))
        finally:
            self._loading = False
        self._on_cursor_position_changed()

    def text(self) -> str:
        """What the editor shows, in the stored format."""
        return document_body(self.text_edit.document())

    @property
    def has_pending_edits(self) -> bool:
        """True while typed text is not yet stored in the plan."""
        return self._pending

    # -- storing -------------------------------------------------------------------------------------------

    def commit(self) -> bool:
        """Store typed text now, as one command. False when the plan refused it (the text stays here)."""
        self.idle_timer.stop()
        if not self._pending or self.key is None:
            return True
        if not shiboken6.isValid(self.controller) or not shiboken6.isValid(self.controller.undo_stack):
            return False  # the application is shutting down around the editor
        key = self.key
        body = self.text()
        try:
            row = self.controller.read(lambda session: read_narrative_row(session, key))
            command: Command | None = None
            label = _("Edit the text of “{section}”").format(section=self.title or key)
            if row is not None and row.body != body:
                command = UpdateRow("narrative_section", row.id, {"body": body}, label=label)
            elif row is None and body:
                command = AddRow("narrative_section", {"key": key, "title": self.title or key, "body": body,
                                                       "position": self.position}, label=label)
            self._pending = False  # views refreshing on the change below may ask for a commit again
            if command is not None:
                self._committing = True
                try:
                    self.controller.execute(command, self)
                finally:
                    self._committing = False
        except PlannerError as error:
            self._pending = True
            self.message_bar.show_message(_("The text could not be stored: {error}").format(error=error))
            return False
        self.stored_body = body
        self.row_id = command.row_id if isinstance(command, AddRow | UpdateRow) else (row.id if row else None)
        self.message_bar.hide()
        if command is not None:
            self.committed.emit(key)
        return True

    def discard_pending(self) -> None:
        """Forget typed text that is not stored (the plan was replaced, e.g. reverted to the saved file)."""
        self.idle_timer.stop()
        self._pending = False

    def reload(self) -> None:
        """Read the section again from the plan and show it (keeping the cursor where possible)."""
        if self._pending:
            self.commit()  # typed text is never dropped: it is stored over the change (undo brings it back)
            return
        self._load_from_plan(keep_cursor=True)

    # -- undo ----------------------------------------------------------------------------------------------

    def undo(self) -> None:
        """Store typed text, then undo the plan's last edit."""
        if self.commit():
            self.controller.undo_stack.undo()

    def redo(self) -> None:
        if self.commit():
            self.controller.undo_stack.redo()

    # -- formatting ----------------------------------------------------------------------------------------

    def set_level(self, level: int) -> None:
        """Make the selected lines plain paragraphs (0) or bullets of a level (1 □, 2 ○, 3 -, 4 ·)."""
        if self.key is None:
            return
        self.text_edit.set_block_levels(level=min(max(level, 0), MAX_LEVEL))
        self._on_cursor_position_changed()

    def change_level(self, step: int) -> None:
        """Move the selected lines `step` levels deeper (or shallower when negative)."""
        if self.key is None:
            return
        self.text_edit.set_block_levels(step=step)
        self._on_cursor_position_changed()

    def toggle_bold(self) -> None:
        """Make the selection bold, or plain when it is bold (without a selection: the text typed next)."""
        if self.key is None:
            return
        bold = self.text_edit.fontWeight() < _BOLD_WEIGHT
        self.text_edit.mergeCurrentCharFormat(char_format(bold))
        self.bold_action.setChecked(bold)

    # -- reactions -----------------------------------------------------------------------------------------

    def _on_text_changed(self) -> None:
        if self._loading or self.key is None:
            return
        self._pending = True
        self.idle_timer.start()
        self.text_edit.viewport().update()

    def _on_cursor_position_changed(self) -> None:
        level = block_level(self.text_edit.textCursor().block())
        self.style_combo.setCurrentIndex(self.style_combo.findData(level))
        self.shallower_action.setEnabled(self.key is not None and level > 0)
        self.deeper_action.setEnabled(self.key is not None and level < MAX_LEVEL)

    def _on_current_char_format_changed(self, text_format: QTextCharFormat) -> None:
        self.bold_action.setChecked(text_format.fontWeight() >= _BOLD_WEIGHT)

    def _on_style_combo_activated(self, index: int) -> None:
        self.set_level(int(self.style_combo.itemData(index)))
        self.text_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_plan_changed(self, changes: Changes, initiator: object) -> None:
        # Not `initiator is self`: redoing this editor's edit names it as initiator too, and must be shown.
        if self._committing or self.key is None or not changes.touches("narrative_section"):
            return
        if self.row_id is not None and self.row_id not in changes.ids:
            return
        self.reload()

    def hideEvent(self, event: QHideEvent) -> None:
        self.commit()
        super().hideEvent(event)
