"""The live rating panel of a workshop: large type for a projector, votes and ratings typed by keyboard."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from desktop_app.plan_controller import PlanController
from desktop_app.widgets.message_bar_view import MessageBarView
from desktop_app.widgets.refresh_when_shown import StaleRefresher
from desktop_app.workshop.sticky_note_dialog import StickyNoteDialog
from planner.commands import Changes, Command
from planner.errors import PlannerError
from planner.i18n import N_, _
from planner.model import Field
from planner.workshops import (
    METHODS,
    RATING_KINDS,
    ROUND_KINDS,
    SCORE_LABELS,
    SCORE_NAMES,
    RatingRow,
    add_vote_command,
    added_row_id,
    default_round_name,
    quick_add_initiative_command,
    quick_add_stakeholder_command,
    rating_rows,
    save_round_command,
    set_rating_command,
    set_score_command,
)

ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # the initiative's id (every column)
TEXT_PX = 28  # the table's text, in device-independent pixels (legible at 1920×1080 from the back)
SMALL_TEXT_PX = 24  # the smallest text of the panel
# Okabe–Ito based colours: the highlighted (just edited) row, rank moves up and down.
HIGHLIGHT = QColor("#F0E442")
HIGHLIGHT_TEXT = QColor("#000000")
MOVED_UP = QColor("#007A5A")  # bluish green, darkened for contrast on white
MOVED_DOWN = QColor("#B34700")  # vermillion, darkened for contrast on white
NO_VALUE = "–"
# Short headers of the five scores (the full name is the header's tooltip).
SCORE_SHORT: dict[str, str] = {
    "score_urgency": N_("Urgency"), "score_policy_fit": N_("Policy"), "score_feasibility": N_("Feasible"),
    "score_effect": N_("Effect"), "score_technical": N_("Tech."),
}
# Shift+1..5 on layouts where Shift turns the digit into a symbol.
SHIFTED_DIGITS = {Qt.Key.Key_Exclam: 1, Qt.Key.Key_At: 2, Qt.Key.Key_NumberSign: 3, Qt.Key.Key_Dollar: 4,
                  Qt.Key.Key_Percent: 5}
DIGITS = {Qt.Key.Key_1: 1, Qt.Key.Key_2: 2, Qt.Key.Key_3: 3, Qt.Key.Key_4: 4, Qt.Key.Key_5: 5}
CLEAR_KEYS = (Qt.Key.Key_0, Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
PLAIN_KEYS = frozenset({*DIGITS, *SHIFTED_DIGITS, *CLEAR_KEYS, Qt.Key.Key_Plus, Qt.Key.Key_Equal, Qt.Key.Key_Minus,
                        Qt.Key.Key_N, Qt.Key.Key_S, Qt.Key.Key_M, Qt.Key.Key_R, Qt.Key.Key_C, Qt.Key.Key_Tab,
                        Qt.Key.Key_Backtab})
HINTS = {
    "dots": N_("+ / − vote · ↑↓ move · N new · S note · M method · R save round · C compare"),
    "matrix": N_("1–5 impact · Shift+1–5 feasibility · Tab switch · 0 clear · + / − vote · N new · S note · M method"),
    "scores": N_("Tab next score · 1–5 set · 0 clear · + / − vote · N new · S note · M method · R save round"),
}


@dataclass(frozen=True)
class RatingColumn:
    """One column of the panel: a key (a RatingRow value or an edit target), header and tooltip."""

    key: str
    header: str
    tooltip: str = ""
    editable: bool = False


def columns_for(method: str) -> list[RatingColumn]:
    """The columns the panel shows for a method: rank, move, code, title, then the method's values."""
    columns = [RatingColumn("rank", N_("Rank")), RatingColumn("move", "", N_("Change of rank after the last edit")),
               RatingColumn("code", N_("Code")), RatingColumn("title", N_("Initiative"))]
    if method == "dots":
        columns.append(RatingColumn("votes", N_("Votes"), N_("Dot votes (+ / −)"), editable=True))
    elif method == "matrix":
        columns += [RatingColumn("impact", N_("Impact"), N_("Impact 1–5 (digits)"), editable=True),
                    RatingColumn("feasibility", N_("Feasibility"), N_("Feasibility 1–5 (Shift+digits)"), editable=True),
                    RatingColumn("product", "I×F", N_("Impact × feasibility")),
                    RatingColumn("votes", N_("Votes"), N_("Dot votes (+ / −)"))]
    else:
        columns += [RatingColumn(name, SCORE_SHORT[name], SCORE_LABELS[name], editable=True) for name in SCORE_NAMES]
        columns.append(RatingColumn("total", N_("Total"), N_("Sum of the five scores")))
    columns.append(RatingColumn("notes", N_("Notes"), N_("Sticky notes (S adds one)")))
    return columns


def _number(value: int | None) -> str:
    return NO_VALUE if value is None else str(value)


def move_text(change: int | None) -> str:
    """▲2 for two places up, ▼1 for one down, empty when unchanged."""
    if not change:
        return ""
    return f"▲{change}" if change > 0 else f"▼{-change}"


AnyIndex = QModelIndex | QPersistentModelIndex


class RatingTableModel(QAbstractTableModel):
    """A thin read-only model over rating_rows(): one row per initiative in ranking order. Holds plain
    RatingRow snapshots only. `highlight_id` is the row last edited; `moves` its rank changes."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[RatingRow] = []
        self.method = "dots"
        self.columns = columns_for(self.method)
        self.highlight_id: str | None = None
        self.moves: dict[str, int] = {}

    def set_rows(self, rows: list[RatingRow], method: str, highlight_id: str | None = None,
                 moves: dict[str, int] | None = None) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.method = method
        self.columns = columns_for(method)
        self.highlight_id = highlight_id
        self.moves = dict(moves or {})
        self.endResetModel()

    def row_of(self, initiative_id: str | None) -> int:
        return next((n for n, row in enumerate(self.rows) if row.id == initiative_id), -1)

    def column_of(self, key: str) -> int:
        return next((n for n, column in enumerate(self.columns) if column.key == key), -1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def _text(self, row: RatingRow, key: str) -> str:
        if key == "rank":
            return str(row.rank)
        if key == "move":
            return move_text(self.moves.get(row.id))
        if key == "code":
            return row.code
        if key == "title":
            return row.title
        if key == "votes":
            return str(row.votes)
        if key in ("impact", "feasibility"):
            return _number(getattr(row, key))
        if key == "product":
            return _number(row.value("matrix"))
        if key == "total":
            return _number(row.value("scores"))
        if key == "notes":
            return str(row.note_count) if row.note_count else ""
        return _number(row.score(key))

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows) or not 0 <= index.column() < len(self.columns):
            return None
        row, column = self.rows[index.row()], self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, column.key)
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column.key == "title":
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole and row.id == self.highlight_id:
            return QBrush(HIGHLIGHT)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column.key == "move" and self.moves.get(row.id):
                return QBrush(MOVED_UP if self.moves[row.id] > 0 else MOVED_DOWN)
            if row.id == self.highlight_id:
                return QBrush(HIGHLIGHT_TEXT)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column.key == "title" and row.field_name:
                return f"{row.field_code} {row.field_name}"
            return _(column.tooltip) if column.tooltip else None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return _(column.header) if column.header else ""
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip:
            return _(column.tooltip)
        return None


class RatingPanel(QWidget):
    """Live workshop capture for a projector: initiatives (all, or one field's) ranked by dot votes, impact ×
    feasibility or the five prioritisation scores, edited by keyboard. Every key press that edits is one undo
    entry through controller.execute.

    Keys on the table: ↑/↓ move; + or = adds a vote, − takes one; 1–5 sets impact (matrix) or the current score
    (scores); Shift+1–5 sets feasibility; Tab moves across the editable columns; 0/Delete clears; N adds an
    initiative inline (Shift+N a stakeholder); S adds a sticky note; M switches the method; R saves a round
    inline; C opens the rounds dialog; Ctrl+Z / Ctrl+Shift+Z undo and redo.

    Signals: round_saved(str) with the saved round's name.
    """

    round_saved = Signal(str)

    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.method = "dots"
        self.field_id: str | None = None
        self.quick_add_kind = ""  # "initiative", "stakeholder" or "round" while the inline bar is open
        self.sticky_note_dialog: StickyNoteDialog | None = None
        self.rounds_dialog: QWidget | None = None
        self._pending_highlight: str | None = None
        self._ranks: dict[str, int] = {}
        self._ranks_of: tuple[str, str | None] = ("", None)
        self.setAccessibleName(_("Workshop ratings"))
        font = self.font()
        font.setPixelSize(TEXT_PX)
        self.setFont(font)
        small = self.font()
        small.setPixelSize(SMALL_TEXT_PX)

        self.method_group = QButtonGroup(self)
        self.method_group.setExclusive(True)
        self.method_buttons: dict[str, QPushButton] = {}
        top = QHBoxLayout()
        for method, label in METHODS.items():
            button = QPushButton(_(label))
            button.setCheckable(True)
            button.setFont(small)
            button.setToolTip(_("Rank by {method} (M switches)").format(method=_(label)))
            button.setAccessibleName(_(label))
            button.clicked.connect(lambda _checked=False, m=method: self.set_method(m))
            self.method_group.addButton(button)
            self.method_buttons[method] = button
            top.addWidget(button)
        self.method_buttons["dots"].setChecked(True)
        for button in self.method_buttons.values():  # the chosen method must show from the back of the room
            button.setStyleSheet("QPushButton { padding: 4px 14px; }"
                                 "QPushButton:checked { background: #0072B2; color: white; font-weight: bold; }")
        top.addSpacing(24)
        self.field_combo = QComboBox()
        self.field_combo.setFont(small)
        self.field_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.field_combo.setAccessibleName(_("Field shown"))
        self.field_combo.setToolTip(_("Show the initiatives of one field, or of all"))
        self.field_combo.currentIndexChanged.connect(self._on_field_chosen)
        top.addWidget(self.field_combo)
        top.addStretch(1)
        self.save_round_button = QPushButton(_("Save round"))
        self.save_round_button.setFont(small)
        self.save_round_button.setToolTip(_("Save the ratings as a named round (R)"))
        self.save_round_button.clicked.connect(lambda: self.open_quick_add("round"))
        self.rounds_button = QPushButton(_("Compare rounds…"))
        self.rounds_button.setFont(small)
        self.rounds_button.setToolTip(_("Saved rounds and how the ranking changed (C)"))
        self.rounds_button.clicked.connect(self.open_rounds_dialog)
        top.addWidget(self.save_round_button)
        top.addWidget(self.rounds_button)

        self.model = RatingTableModel(self)
        self.table = QTableView()
        self.table.setFont(font)
        self.table.setModel(self.model)
        self.table.setAccessibleName(_("Initiatives and their ratings"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(round(TEXT_PX * 1.75))
        header = self.table.horizontalHeader()
        header.setFont(small)
        header.setHighlightSections(False)
        self.table.setStyleSheet(
            "QTableView::item:focus { border: 3px solid #0072B2; }"
            "QTableView::item:selected { background: #0072B2; color: white; }")
        self.table.installEventFilter(self)

        self.quick_add_label = QLabel()
        self.quick_add_label.setFont(small)
        self.quick_add_edit = QLineEdit()
        self.quick_add_edit.setFont(font)
        self.quick_add_edit.setAccessibleName(_("Quick add"))
        self.quick_add_edit.returnPressed.connect(self.commit_quick_add)
        self.quick_add_edit.installEventFilter(self)
        self.quick_add_bar = QWidget()
        quick_layout = QHBoxLayout(self.quick_add_bar)
        quick_layout.setContentsMargins(0, 0, 0, 0)
        quick_layout.addWidget(self.quick_add_label)
        quick_layout.addWidget(self.quick_add_edit, 1)
        self.quick_add_bar.hide()

        self.message_bar = MessageBarView("warning")
        self.message_bar.setFont(small)
        self.hint_label = QLabel()
        self.hint_label.setFont(small)
        self.hint_label.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.quick_add_bar)
        layout.addWidget(self.hint_label)
        self.setFocusProxy(self.table)

        self._refresher = StaleRefresher(self, self.refresh)
        controller.plan_changed.connect(self._on_plan_changed)
        controller.document_replaced.connect(self._reload)
        self._reload()

    # -- reading -----------------------------------------------------------------------------------------------

    def _reload(self) -> None:
        self._fill_fields()
        self.refresh()

    def _fill_fields(self) -> None:
        fields = self.controller.read(lambda s: s.execute(
            select(Field.id, Field.code, Field.name).order_by(Field.position, Field.code)).all())
        self.field_combo.blockSignals(True)
        self.field_combo.clear()
        self.field_combo.addItem(_("All fields"), None)
        for field_id, code, name in fields:
            self.field_combo.addItem(f"{code} {name}".strip(), field_id)
        found = self.field_combo.findData(self.field_id)
        if found < 0:
            self.field_id, found = None, 0
        self.field_combo.setCurrentIndex(found)
        self.field_combo.blockSignals(False)

    def _on_plan_changed(self, changes: Changes, initiator: object) -> None:
        if changes.touches("field"):
            self._fill_fields()
        if changes.touches(*RATING_KINDS, *ROUND_KINDS, "stakeholder"):
            self._refresher.mark_changed()

    def refresh(self) -> None:
        """Read the ratings again, re-sort, keep the current initiative current and mark its move."""
        self._refresher.mark_refreshed()
        current_id = self.current_initiative_id()
        current_column_key = self._current_column_key()
        rows = self.controller.read(lambda s: rating_rows(s, self.method, self.field_id))
        moves: dict[str, int] = {}
        highlight = self._pending_highlight
        if self._ranks_of == (self.method, self.field_id) and highlight is not None:
            moves = {row.id: self._ranks[row.id] - row.rank for row in rows
                     if row.id in self._ranks and self._ranks[row.id] != row.rank}
        self._ranks = {row.id: row.rank for row in rows}
        self._ranks_of = (self.method, self.field_id)
        self._pending_highlight = None
        self.model.set_rows(rows, self.method, highlight or self.model.highlight_id, moves or None)
        header = self.table.horizontalHeader()
        for number, column in enumerate(self.model.columns):
            mode = QHeaderView.ResizeMode.Stretch if column.key == "title" else QHeaderView.ResizeMode.ResizeToContents
            header.setSectionResizeMode(number, mode)
        self.hint_label.setText(_(HINTS[self.method]))
        self.select_initiative(highlight or current_id, current_column_key)

    def current_initiative_id(self) -> str | None:
        index = self.table.currentIndex()
        return str(index.data(ID_ROLE)) if index.isValid() else None

    def _current_column_key(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.column() >= len(self.model.columns):
            return None
        return self.model.columns[index.column()].key

    def select_initiative(self, initiative_id: str | None, column_key: str | None = None) -> None:
        """Make an initiative the current row (the first when it is not shown), keeping the column if it can."""
        if not self.model.rows:
            return
        row = max(self.model.row_of(initiative_id), 0)
        column = self.model.column_of(column_key) if column_key else -1
        if column < 0:
            column = next((n for n, c in enumerate(self.model.columns) if c.editable), 0)
        index = self.model.index(row, column)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)

    # -- settings ----------------------------------------------------------------------------------------------

    def set_method(self, method: str) -> None:
        """Rank by 'dots', 'matrix' or 'scores'."""
        if method not in METHODS:
            raise ValueError(method)
        self.method = method
        self.method_buttons[method].setChecked(True)
        self.refresh()

    def next_method(self) -> None:
        methods = list(METHODS)
        self.set_method(methods[(methods.index(self.method) + 1) % len(methods)])

    def set_field(self, field_id: str | None) -> None:
        """Show one field's initiatives (None: all)."""
        found = self.field_combo.findData(field_id)
        self.field_combo.setCurrentIndex(max(found, 0))

    def _on_field_chosen(self) -> None:
        self.field_id = self.field_combo.currentData()
        self.refresh()

    # -- editing -----------------------------------------------------------------------------------------------

    def _run(self, make: Any, highlight_id: str | None) -> bool:
        """Build a command in a short read, execute it as one undo entry; show a refusal in the message bar."""
        try:
            command: Command = self.controller.read(make)
            self._pending_highlight = highlight_id
            self.controller.execute(command, initiator=self)
        except PlannerError as error:
            self._pending_highlight = None
            self.message_bar.show_message(str(error))
            return False
        self.message_bar.hide()
        return True

    def add_vote(self, delta: int) -> None:
        """Add (or, negative, take away) votes on the current initiative."""
        initiative_id = self.current_initiative_id()
        if initiative_id:
            self._run(lambda s: add_vote_command(s, initiative_id, delta), initiative_id)

    def set_value(self, key: str, value: int | None) -> None:
        """Set impact, feasibility or one of the five scores (a SCORE_NAMES entry) of the current initiative;
        nothing happens when the value is already that."""
        initiative_id = self.current_initiative_id()
        row = self.model.rows[self.model.row_of(initiative_id)] if initiative_id else None
        if row is None:
            return
        current = getattr(row, key) if key in ("impact", "feasibility") else row.score(key)
        if current == value:
            return
        if key in ("impact", "feasibility"):
            self._run(lambda s: set_rating_command(s, initiative_id, **{key: value}), initiative_id)
        else:
            self._run(lambda s: set_score_command(s, initiative_id, key, value), initiative_id)

    def _digit_target(self, shifted: bool) -> str | None:
        key = self._current_column_key()
        if self.method == "matrix":
            if shifted:
                return "feasibility"
            return key if key in ("impact", "feasibility") else "impact"
        if self.method == "scores" and not shifted:
            return key if key in SCORE_NAMES else SCORE_NAMES[0]
        return None

    def _move_column(self, step: int) -> None:
        editable = [n for n, column in enumerate(self.model.columns) if column.editable]
        index = self.table.currentIndex()
        if not editable or not index.isValid():
            return
        column = index.column()
        position = editable.index(column) if column in editable else -1
        target = editable[(position + step) % len(editable)]
        self.table.setCurrentIndex(self.model.index(index.row(), target))

    def _handle_key(self, event: QKeyEvent) -> bool:
        key = Qt.Key(event.key())
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        control = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        shifted = bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
        if control:
            if key == Qt.Key.Key_Z:
                (self.controller.undo_stack.redo if shifted else self.controller.undo_stack.undo)()
                return True
            if key == Qt.Key.Key_Y:
                self.controller.undo_stack.redo()
                return True
            return False
        if modifiers & Qt.KeyboardModifier.AltModifier:
            return False
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.add_vote(1)
        elif key == Qt.Key.Key_Minus:
            self.add_vote(-1)
        elif key in DIGITS or key in SHIFTED_DIGITS:
            shifted = shifted or key in SHIFTED_DIGITS
            target = self._digit_target(shifted)
            if target is None:
                return self.method == "dots"  # digits mean nothing in dot voting
            self.set_value(target, DIGITS.get(key) or SHIFTED_DIGITS[key])
        elif key in CLEAR_KEYS:
            target = self._digit_target(False)
            if target is None:
                return False
            self.set_value(target, None)
        elif key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            if self.method == "dots":
                return False
            self._move_column(-1 if key == Qt.Key.Key_Backtab or shifted else 1)
        elif key == Qt.Key.Key_N:
            self.open_quick_add("stakeholder" if shifted else "initiative")
        elif key == Qt.Key.Key_S:
            self.open_sticky_note()
        elif key == Qt.Key.Key_M:
            self.next_method()
        elif key == Qt.Key.Key_R:
            self.open_quick_add("round")
        elif key == Qt.Key.Key_C:
            self.open_rounds_dialog()
        else:
            return False
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and isinstance(event, QKeyEvent):
            if event.type() == QEvent.Type.ShortcutOverride:
                control = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
                ours = event.key() in PLAIN_KEYS and not control
                ours = ours or (control and event.key() in (Qt.Key.Key_Z, Qt.Key.Key_Y))
                if ours:
                    event.accept()
                    return True
            elif event.type() == QEvent.Type.KeyPress and self._handle_key(event):
                return True
        if watched is self.quick_add_edit and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() == Qt.Key.Key_Escape:
            self.close_quick_add()
            return True
        return super().eventFilter(watched, event)

    # -- quick add, notes, rounds ------------------------------------------------------------------------------

    def _quick_add_field(self) -> tuple[str | None, str]:
        """The field a quick-added initiative goes into: the one shown, else the current row's."""
        if self.field_id is not None:
            return self.field_id, self.field_combo.currentText()
        row = self.model.row_of(self.current_initiative_id())
        if row >= 0 and self.model.rows[row].field_id:
            found = self.model.rows[row]
            return found.field_id, f"{found.field_code} {found.field_name}".strip()
        return None, ""

    def open_quick_add(self, kind: str = "initiative") -> None:
        """Open the inline bar: 'initiative' (a title), 'stakeholder' (a name) or 'round' (a round name). Enter
        adds, Esc closes."""
        self.quick_add_kind = kind
        self.quick_add_edit.clear()
        if kind == "initiative":
            _field_id, field_name = self._quick_add_field()
            self.quick_add_label.setText(_("New initiative in {field}:").format(field=field_name) if field_name
                                         else _("New initiative:"))
            self.quick_add_edit.setPlaceholderText(_("Title; Enter adds, Esc cancels"))
        elif kind == "stakeholder":
            self.quick_add_label.setText(_("New stakeholder:"))
            self.quick_add_edit.setPlaceholderText(_("Name; Enter adds, Esc cancels"))
        else:
            self.quick_add_label.setText(_("Save round as:"))
            self.quick_add_edit.setPlaceholderText(_("Name; Enter saves, Esc cancels"))
            self.quick_add_edit.setText(self.controller.read(default_round_name))
            self.quick_add_edit.selectAll()
        self.quick_add_edit.setAccessibleName(self.quick_add_label.text())
        self.quick_add_bar.show()
        self.quick_add_edit.setFocus()

    def close_quick_add(self) -> None:
        self.quick_add_kind = ""
        self.quick_add_bar.hide()
        self.table.setFocus()

    def commit_quick_add(self) -> None:
        """Add what the inline bar holds; a refusal keeps it open with the reason shown."""
        text = self.quick_add_edit.text()
        if self.quick_add_kind == "initiative":
            field_id, _name = self._quick_add_field()
            command = self._build(lambda s: quick_add_initiative_command(s, text, field_id))
            if command is None or not self._run(lambda _s: command, added_row_id(command)):
                return
        elif self.quick_add_kind == "stakeholder":
            if not self._run(lambda s: quick_add_stakeholder_command(s, text), self.current_initiative_id()):
                return
        elif self.quick_add_kind == "round" and not self.save_round(text):
            return
        self.close_quick_add()

    def _build(self, make: Any) -> Any:
        try:
            return self.controller.read(make)
        except PlannerError as error:
            self.message_bar.show_message(str(error))
            return None

    def save_round(self, name: str, note: str = "") -> bool:
        """Save the ratings as the round `name` (one undo entry); emits round_saved(name). False if refused."""
        command = self._build(lambda s: save_round_command(s, name, note))
        if command is None or not self._run(lambda _s: command, None):
            return False
        self.message_bar.show_message(_("Saved the round '{name}'.").format(name=command.name), "info")
        self.round_saved.emit(command.name)
        return True

    def open_sticky_note(self) -> None:
        """Open the sticky note dialog on the current initiative (Enter saves)."""
        initiative_id = self.current_initiative_id()
        if not initiative_id:
            return
        row = self.model.rows[self.model.row_of(initiative_id)]
        self.sticky_note_dialog = StickyNoteDialog(self.controller, "initiative", initiative_id,
                                                   f"{row.code} {row.title}", self)
        self.sticky_note_dialog.finished.connect(lambda _result: self.table.setFocus())
        self.sticky_note_dialog.open()

    def open_rounds_dialog(self) -> None:
        """Open the saved rounds and their comparison (non-modal)."""
        from desktop_app.workshop.rounds_dialog import RoundsDialog

        dialog = RoundsDialog(self.controller, self)
        dialog.set_method(self.method)
        dialog.round_saved.connect(self.round_saved)
        dialog.finished.connect(lambda _result: self.table.setFocus())
        self.rounds_dialog = dialog
        dialog.open()
