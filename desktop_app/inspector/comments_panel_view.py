"""The inspector's comments: the threads on the selected initiative, stakeholder, KPI or section, with add, reply,
resolve or reopen, and delete (each one undo entry, recorded in the history under the user's name)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop_app.plan_controller import PlanController
from desktop_app.widgets.message_bar_view import MessageBarView
from desktop_app.widgets.muted_text import mute
from desktop_app.widgets.refresh_when_shown import StaleRefresher
from planner.commands import Changes, Command
from planner.comments import (
    COMMENT_TARGETS,
    CommentRow,
    CommentThread,
    add_comment_command,
    comment_threads,
    delete_comment_command,
    reply_command,
    set_resolved_command,
)
from planner.errors import PlannerError
from planner.history import author_text
from planner.i18n import _

COMMENT_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # the id of the comment a row stands for
RESOLVED_COLOUR = QColor("#7a7a7a")


def _when(comment: CommentRow, time_format: str = "%Y-%m-%d") -> str:
    """When a comment was written, in the computer's time zone."""
    from datetime import UTC

    if comment.created_at is None:
        return ""
    return comment.created_at.replace(tzinfo=UTC).astimezone().strftime(time_format)


class CommentsPanel(QWidget):
    """Shown under the sticky notes for one selected initiative, stakeholder, KPI or section; hidden otherwise.
    The tree holds a row per thread (✓ and grey when resolved) with its replies indented under it; the box below
    takes the text of a new comment (Add, or Ctrl+Enter) or of a reply to the chosen thread (Reply)."""

    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("comments_panel")
        self.controller = controller
        self.kind = ""  # a key of COMMENT_TARGETS ("" when hidden)
        self.item_id = ""
        self.threads: list[CommentThread] = []

        self.title_label = QLabel()
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.empty_label = QLabel(_("No comments yet."))
        self.empty_label.setWordWrap(True)
        mute(self.empty_label)
        self.tree = QTreeWidget()
        self.tree.setObjectName("comments_tree")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([_("Comment"), _("Author")])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.tree.currentItemChanged.connect(lambda *_args: self._on_current_changed())
        self.tree.installEventFilter(self)
        self.full_text_label = QLabel()  # the chosen comment whole: the tree cuts long texts in a narrow dock
        self.full_text_label.setObjectName("comment_full_text")
        self.full_text_label.setWordWrap(True)
        self.full_text_label.setTextFormat(Qt.TextFormat.PlainText)
        self.full_text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.full_text_label.setStyleSheet("QLabel { background: palette(base); border: 1px solid palette(mid); "
                                           "padding: 4px; }")
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("comment_editor")
        self.editor.setAccessibleName(_("Text of a new comment or reply"))
        self.editor.setPlaceholderText(_("Write a comment or a reply… (Ctrl+Enter adds it as a comment)"))
        self.editor.setTabChangesFocus(True)
        self.editor.setFixedHeight(self.editor.fontMetrics().lineSpacing() * 3 + 14)
        self.editor.textChanged.connect(self._update_buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self.editor, context=Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.add_comment)
        self.add_button = QPushButton(_("Add comment"))
        self.add_button.setObjectName("add_comment_button")
        self.add_button.setToolTip(_("Add the text as a new comment (Ctrl+Enter)"))
        self.add_button.clicked.connect(self.add_comment)
        self.reply_button = QPushButton(_("Reply"))
        self.reply_button.setObjectName("reply_button")
        self.reply_button.setAccessibleName(_("Reply to the chosen comment"))
        self.reply_button.setToolTip(_("Add the text as a reply in the chosen thread"))
        self.reply_button.clicked.connect(self.reply)
        self.resolve_button = QPushButton(_("Resolve"))
        self.resolve_button.setObjectName("resolve_button")
        self.resolve_button.clicked.connect(self.toggle_resolved)
        self.delete_button = QPushButton(_("Delete"))
        self.delete_button.setObjectName("delete_comment_button")
        self.delete_button.setAccessibleName(_("Delete the chosen comment"))
        self.delete_button.setToolTip(_("Delete the chosen comment, with its replies (Delete)"))
        self.delete_button.clicked.connect(self.delete_current)
        self.message_bar = MessageBarView()

        buttons = QHBoxLayout()
        for button in (self.add_button, self.reply_button, self.resolve_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.setSpacing(4)
        layout.addWidget(self.title_label)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.tree)
        layout.addWidget(self.full_text_label)
        layout.addWidget(self.editor)
        layout.addLayout(buttons)

        controller.selection_changed.connect(self._on_selection_changed)
        controller.plan_changed.connect(self._on_plan_changed)
        controller.document_replaced.connect(self.refresh)
        self.refresher = StaleRefresher(self, self.refresh)
        self.show_selection(controller.selection_kind, controller.selection_ids)

    # -- public -----------------------------------------------------------------------------------------

    def show_selection(self, kind: str, ids: Sequence[str]) -> None:
        """Follow the shared selection: one initiative, stakeholder, KPI or section shows its comments."""
        if kind in COMMENT_TARGETS and len(ids) == 1:
            if (kind, ids[0]) != (self.kind, self.item_id):
                self.editor.clear()
            self.kind, self.item_id = kind, ids[0]
        else:
            self.kind, self.item_id = "", ""
        self.message_bar.hide()
        self.refresh()

    def refresh(self) -> None:
        """Read the threads of the shown item again."""
        self.refresher.mark_refreshed()
        threads: list[CommentThread] = []
        if self.kind:
            try:
                threads = self.controller.read(lambda session: comment_threads(session, self.kind, self.item_id))
            except PlannerError:
                self.kind, self.item_id = "", ""  # the plan is closed
        self.threads = threads
        self.setVisible(bool(self.kind))
        unresolved = sum(1 for thread in threads if not thread.resolved)
        title = (_("Comments ({count} unresolved)").format(count=unresolved) if unresolved
                 else _("Comments ({count})").format(count=len(threads)))
        self.title_label.setText(title)
        self.tree.setAccessibleName(title)
        self.empty_label.setVisible(not threads)
        self.tree.setVisible(bool(threads))
        current = self.current_comment_id()
        self.tree.clear()
        for thread in threads:
            item = self._item(thread.comment, thread.resolved, root=True)
            for reply in thread.replies:
                item.addChild(self._item(reply, thread.resolved, root=False))
            self.tree.addTopLevelItem(item)
            item.setExpanded(True)
        self._select(current)
        if threads and self.tree.currentItem() is None:
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self._show_full_text()
        lines = min(max(sum(thread.size for thread in threads), 1), 7)
        row_height = max(self.tree.sizeHintForRow(0) if threads else 0, self.tree.fontMetrics().height() + 8, 18)
        self.tree.setFixedHeight(self.tree.header().sizeHint().height() + row_height * lines
                                 + 2 * self.tree.frameWidth() + 2)
        self._update_buttons()

    def row_texts(self) -> list[list[str]]:
        """Every row's cells, threads and their replies in order (a reply's text indented by two spaces)."""
        texts: list[list[str]] = []
        for number in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(number)
            texts.append([item.text(column) for column in range(2)])
            for child in range(item.childCount()):
                reply = item.child(child)
                texts.append(["  " + reply.text(0), reply.text(1)])
        return texts

    def current_comment_id(self) -> str | None:
        item = self.tree.currentItem()
        return str(item.data(0, COMMENT_ID_ROLE)) if item is not None else None

    def current_thread(self) -> CommentThread | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        while item.parent() is not None:
            item = item.parent()
        comment_id = item.data(0, COMMENT_ID_ROLE)
        return next((thread for thread in self.threads if thread.id == comment_id), None)

    def add_comment(self) -> bool:
        """Add the editor's text as a new thread on the shown item; True when added."""
        if not self.kind or not self.editor.toPlainText().strip():
            return False
        text, kind, item_id, author = self.editor.toPlainText(), self.kind, self.item_id, self.controller.author
        return self._run(lambda session: add_comment_command(session, kind, item_id, text, author), clear=True)

    def reply(self) -> bool:
        """Add the editor's text as a reply in the chosen thread; True when added."""
        thread = self.current_thread()
        if thread is None or not self.editor.toPlainText().strip():
            return False
        text, author = self.editor.toPlainText(), self.controller.author
        return self._run(lambda session: reply_command(session, thread.id, text, author), clear=True)

    def toggle_resolved(self) -> bool:
        """Resolve the chosen thread, or reopen it when it is resolved; True when it changed."""
        thread = self.current_thread()
        if thread is None:
            return False
        resolved = not thread.resolved
        return self._run(lambda session: set_resolved_command(session, thread.id, resolved))

    def delete_current(self) -> bool:
        """Delete the chosen comment (a thread with its replies) as one undo entry; True when deleted."""
        comment_id = self.current_comment_id()
        if comment_id is None:
            return False
        return self._run(lambda session: delete_comment_command(session, comment_id))

    # -- helpers ----------------------------------------------------------------------------------------

    def _run(self, make: Callable[[Session], Command], *, clear: bool = False) -> bool:
        try:
            command = self.controller.read(make)
            self.controller.execute(command, self)
        except PlannerError as error:
            self.message_bar.show_message(str(error))
            return False
        self.message_bar.hide()
        if clear:
            self.editor.clear()
        self.refresh()
        return True

    def _item(self, comment: CommentRow, resolved: bool, *, root: bool) -> QTreeWidgetItem:
        """A thread's first comment (marked ✓ when the thread is resolved) or a reply; the state in words is in
        the tooltip and the accessible text."""
        text = " ".join(comment.body.split())
        state = (_("Resolved") if resolved else _("Unresolved")) if root else ""
        item = QTreeWidgetItem([f"✓ {text}" if root and resolved else text, author_text(comment.author)])
        item.setData(0, COMMENT_ID_ROLE, comment.id)
        item.setToolTip(0, f"{comment.body}\n({state})" if state else comment.body)
        item.setData(0, Qt.ItemDataRole.AccessibleTextRole, f"{text} ({state})" if state else text)
        item.setToolTip(1, _when(comment, "%Y-%m-%d %H:%M"))
        if resolved:
            for column in range(2):
                item.setForeground(column, QBrush(RESOLVED_COLOUR))
        return item

    def _select(self, comment_id: str | None) -> None:
        if comment_id is None:
            return
        for number in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(number)
            for candidate in (item, *(item.child(child) for child in range(item.childCount()))):
                if candidate.data(0, COMMENT_ID_ROLE) == comment_id:
                    self.tree.setCurrentItem(candidate)
                    return

    def _update_buttons(self) -> None:
        has_text = bool(self.editor.toPlainText().strip())
        thread = self.current_thread()
        self.add_button.setEnabled(has_text)
        self.reply_button.setEnabled(has_text and thread is not None)
        self.resolve_button.setEnabled(thread is not None)
        self.delete_button.setEnabled(self.tree.currentItem() is not None)
        if thread is not None and thread.resolved:
            self.resolve_button.setText(_("Reopen"))
            self.resolve_button.setAccessibleName(_("Reopen the chosen thread"))
            self.resolve_button.setToolTip(_("Mark the chosen thread as unresolved again"))
        else:
            self.resolve_button.setText(_("Resolve"))
            self.resolve_button.setAccessibleName(_("Resolve the chosen thread"))
            self.resolve_button.setToolTip(_("Mark the chosen thread as resolved"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Delete in the tree deletes the chosen comment, before the window's Edit ▸ Delete (which deletes what
        the current view has selected) can take the key."""
        if watched is self.tree and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Delete \
                and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            if event.type() == QEvent.Type.ShortcutOverride:
                event.accept()
                return True
            if event.type() == QEvent.Type.KeyPress:
                self.delete_current()
                return True
        return super().eventFilter(watched, event)

    def _show_full_text(self) -> None:
        comment_id = self.current_comment_id()
        thread = self.current_thread()
        comment = None
        if thread is not None:
            comment = next((c for c in (thread.comment, *thread.replies) if c.id == comment_id), None)
        if comment is None:
            self.full_text_label.hide()
            self.full_text_label.setText("")
            return
        heading = " · ".join(part for part in (author_text(comment.author), _when(comment, "%Y-%m-%d %H:%M")) if part)
        if comment.parent_id is None and thread is not None:
            heading += f" ({_('Resolved') if thread.resolved else _('Unresolved')})"
        self.full_text_label.setText(f"{heading}\n{comment.body}")
        self.full_text_label.show()

    # -- handlers ---------------------------------------------------------------------------------------

    def _on_current_changed(self) -> None:
        self._update_buttons()
        self._show_full_text()

    def _on_selection_changed(self, kind: str, ids: list[str]) -> None:
        self.show_selection(kind, ids)

    def _on_plan_changed(self, changes: Changes, _initiator: object) -> None:
        if self.kind and changes.touches("comment", self.kind):
            self.refresher.mark_changed()
