"""Saved workshop rounds: save the ratings as a named round, delete one, and compare two rounds' rankings."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.plan_controller import PlanController
from desktop_app.widgets.message_bar_view import MessageBarView
from desktop_app.workshop.rating_panel_view import (
    HIGHLIGHT,
    MOVED_DOWN,
    MOVED_UP,
    NO_VALUE,
    SMALL_TEXT_PX,
    move_text,
)
from planner.commands import Changes, Command
from planner.errors import PlannerError
from planner.i18n import N_, _
from planner.workshops import (
    METHODS,
    ROUND_KINDS,
    RoundChange,
    RoundComparison,
    RoundSummary,
    compare_rounds,
    default_round_name,
    delete_round_command,
    round_list,
    save_round_command,
)

ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
COMPARISON_COLUMNS = (
    ("code", N_("Code")), ("title", N_("Initiative")), ("values", N_("Value: then → now")),
    ("change", N_("Change")), ("ranks", N_("Rank: then → now")), ("move", N_("Move")),
)
NEW_TEXT = N_("new")
GONE_TEXT = N_("gone")
# The light background of rows that moved.
MOVED_ROW = QColor(HIGHLIGHT).lighter(130)

AnyIndex = QModelIndex | QPersistentModelIndex


def _number(value: int | None) -> str:
    return NO_VALUE if value is None else str(value)


def change_move_text(change: RoundChange) -> str:
    """▲2 / ▼1 for a rank change, 'new' or 'gone' for an initiative only one round holds."""
    if change.appeared:
        return _(NEW_TEXT)
    if change.disappeared:
        return _(GONE_TEXT)
    return move_text(change.rank_change)


def local_time_text(stored: datetime) -> str:
    """A time stored in UTC (rows carry naive UTC times) as the computer's local time, 'YYYY-MM-DD HH:MM'."""
    return stored.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")


class ComparisonTableModel(QAbstractTableModel):
    """A thin read-only model over a RoundComparison: one row per initiative, in the second round's order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.changes: list[RoundChange] = []

    def set_comparison(self, comparison: RoundComparison | None) -> None:
        self.beginResetModel()
        self.changes = list(comparison.changes) if comparison else []
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.changes)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COMPARISON_COLUMNS)

    @staticmethod
    def _text(change: RoundChange, key: str) -> str:
        if key == "code":
            return change.code
        if key == "title":
            return change.title
        if key == "values":
            return f"{_number(change.first_value)} → {_number(change.second_value)}"
        if key == "change":
            return "" if not change.change else f"{change.change:+d}"
        if key == "ranks":
            return f"{_number(change.first_rank)} → {_number(change.second_rank)}"
        return change_move_text(change)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.changes) or \
                not 0 <= index.column() < len(COMPARISON_COLUMNS):
            return None
        change, key = self.changes[index.row()], COMPARISON_COLUMNS[index.column()][0]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(change, key)
        if role == ID_ROLE:
            return change.initiative_id
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if key == "title":
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole and change.moved:
            return QBrush(MOVED_ROW)
        if role == Qt.ItemDataRole.ForegroundRole and key == "move":
            if change.appeared or (change.rank_change or 0) > 0:
                return QBrush(MOVED_UP)
            if change.disappeared or (change.rank_change or 0) < 0:
                return QBrush(MOVED_DOWN)
        if role == Qt.ItemDataRole.FontRole and change.disappeared:
            font = QLabel().font()
            font.setStrikeOut(True)
            return font if key == "title" else None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and \
                0 <= section < len(COMPARISON_COLUMNS):
            return _(COMPARISON_COLUMNS[section][1])
        return None


class RoundsDialog(QDialog):
    """The workshop's saved rounds: save the current ratings under a name, delete a round (undoable), and pick
    two rounds and a method to see values, ranks and moves side by side (moved rows highlighted).

    Signals: round_saved(str) with the saved round's name."""

    round_saved = Signal(str)

    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.rounds: list[RoundSummary] = []
        self.comparison: RoundComparison | None = None
        self.setWindowTitle(_("Workshop rounds"))
        self.setAccessibleName(_("Workshop rounds"))
        font = self.font()
        font.setPixelSize(SMALL_TEXT_PX)
        self.setFont(font)

        self.message_bar = MessageBarView("warning")
        self.round_list = QListWidget()
        self.round_list.setAccessibleName(_("Saved rounds"))
        self.round_list.setMaximumHeight(220)
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(_("Name of the new round"))
        self.name_edit.setPlaceholderText(_("Name of the new round"))
        self.name_edit.returnPressed.connect(self.save_round)
        self.save_button = QPushButton(_("Save current ratings"))
        self.save_button.setToolTip(_("Save the ratings as they stand now as a named round"))
        self.save_button.clicked.connect(self.save_round)
        self.delete_button = QPushButton(_("Delete round"))
        self.delete_button.setToolTip(_("Delete the selected round (Delete); Undo brings it back"))
        self.delete_button.clicked.connect(self.delete_selected_round)
        save_row = QHBoxLayout()
        save_row.addWidget(self.name_edit, 1)
        save_row.addWidget(self.save_button)
        save_row.addWidget(self.delete_button)

        self.first_combo = QComboBox()
        self.first_combo.setAccessibleName(_("Earlier round"))
        self.second_combo = QComboBox()
        self.second_combo.setAccessibleName(_("Later round"))
        self.method_combo = QComboBox()
        self.method_combo.setAccessibleName(_("Ranking method"))
        for method, label in METHODS.items():
            self.method_combo.addItem(_(label), method)
        for combo in (self.first_combo, self.second_combo, self.method_combo):
            combo.currentIndexChanged.connect(self.update_comparison)
        pick = QGridLayout()
        first_label, second_label, method_label = QLabel(_("From:")), QLabel(_("To:")), QLabel(_("Ranked by:"))
        first_label.setBuddy(self.first_combo)
        second_label.setBuddy(self.second_combo)
        method_label.setBuddy(self.method_combo)
        for column, (label, combo) in enumerate(((first_label, self.first_combo), (second_label, self.second_combo),
                                                  (method_label, self.method_combo))):
            pick.addWidget(label, 0, column * 2)
            pick.addWidget(combo, 0, column * 2 + 1)
            pick.setColumnStretch(column * 2 + 1, 1)

        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.model = ComparisonTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(_("Comparison of the two rounds"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(round(SMALL_TEXT_PX * 1.7))
        header = self.table.horizontalHeader()
        for number, (key, _header) in enumerate(COMPARISON_COLUMNS):
            header.setSectionResizeMode(number, QHeaderView.ResizeMode.Stretch if key == "title"
                                        else QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.message_bar)
        layout.addWidget(QLabel(_("Saved rounds")))
        layout.addWidget(self.round_list)
        layout.addLayout(save_row)
        layout.addSpacing(12)
        layout.addLayout(pick)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        controller.plan_changed.connect(self._on_plan_changed)
        controller.document_replaced.connect(self.refresh)
        self.refresh()
        self.resize(1400, 900)

    # -- reading -----------------------------------------------------------------------------------------------

    def _on_plan_changed(self, changes: Changes, _initiator: object) -> None:
        if changes.touches(*ROUND_KINDS):
            self.refresh()

    def refresh(self) -> None:
        """Read the rounds again; keep the chosen pair when both still exist, else the last two."""
        first_id, second_id = self.first_combo.currentData(), self.second_combo.currentData()
        selected = self.selected_round_id()
        self.rounds = self.controller.read(round_list)
        self.round_list.clear()
        for summary in self.rounds:
            text = _("{name} — {date} · {count} initiatives").format(
                name=summary.name, date=local_time_text(summary.created_at), count=summary.count)
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, summary.id)
            self.round_list.addItem(item)
            if summary.id == selected:
                self.round_list.setCurrentItem(item)
        ids = [summary.id for summary in self.rounds]
        if first_id not in ids or second_id not in ids or (first_id == second_id and len(ids) >= 2):
            first_id = ids[-2] if len(ids) >= 2 else (ids[0] if ids else None)
            second_id = ids[-1] if ids else None
        for combo, chosen in ((self.first_combo, first_id), (self.second_combo, second_id)):
            combo.blockSignals(True)
            combo.clear()
            for summary in self.rounds:
                combo.addItem(summary.name, summary.id)
            combo.setCurrentIndex(max(combo.findData(chosen), 0))
            combo.blockSignals(False)
        self.delete_button.setEnabled(bool(self.rounds))
        if not self.name_edit.text().strip() or self.name_edit.text() in {s.name for s in self.rounds}:
            self.name_edit.setText(self.controller.read(default_round_name))
        self.update_comparison()

    def selected_round_id(self) -> str | None:
        item = self.round_list.currentItem()
        return str(item.data(ID_ROLE)) if item is not None else None

    def set_method(self, method: str) -> None:
        self.method_combo.setCurrentIndex(max(self.method_combo.findData(method), 0))

    def choose_rounds(self, first_id: str, second_id: str) -> None:
        """Compare these two rounds (ids)."""
        self.first_combo.blockSignals(True)
        self.first_combo.setCurrentIndex(max(self.first_combo.findData(first_id), 0))
        self.first_combo.blockSignals(False)
        self.second_combo.setCurrentIndex(max(self.second_combo.findData(second_id), 0))
        self.update_comparison()

    def update_comparison(self) -> None:
        first_id, second_id = self.first_combo.currentData(), self.second_combo.currentData()
        method = self.method_combo.currentData() or "dots"
        self.comparison = None
        if first_id and second_id:
            try:
                self.comparison = self.controller.read(lambda s: compare_rounds(s, first_id, second_id, method))
            except PlannerError as error:
                self.message_bar.show_message(str(error))
        self.model.set_comparison(self.comparison)
        if self.comparison is None:
            self.summary_label.setText(_("Save at least one round to compare rounds."))
            return
        moved = [change for change in self.comparison.changes if change.rank_change]
        self.summary_label.setText(_("From '{first}' to '{second}': {moved} of {count} initiatives changed rank, "
                                     "{new} new, {gone} gone.").format(
            first=self.comparison.first.name, second=self.comparison.second.name, moved=len(moved),
            count=len(self.comparison.changes), new=sum(c.appeared for c in self.comparison.changes),
            gone=sum(c.disappeared for c in self.comparison.changes)))

    # -- editing -----------------------------------------------------------------------------------------------

    def _execute(self, command: Command) -> bool:
        try:
            self.controller.execute(command, initiator=self)
        except PlannerError as error:
            self.message_bar.show_message(str(error))
            return False
        self.message_bar.hide()
        return True

    def save_round(self) -> bool:
        """Save the current ratings under the name typed (one undo entry); emits round_saved(name)."""
        name = self.name_edit.text()
        try:
            command = self.controller.read(lambda s: save_round_command(s, name))
        except PlannerError as error:
            self.message_bar.show_message(str(error))
            return False
        previous = self.second_combo.currentData()
        if not self._execute(command):
            return False
        self.choose_rounds(previous or command.round_id, command.round_id)
        self.name_edit.setText(self.controller.read(default_round_name))
        self.round_saved.emit(command.name)
        return True

    def delete_selected_round(self) -> bool:
        """Delete the round selected in the list (one undo entry)."""
        round_id = self.selected_round_id()
        if round_id is None:
            self.message_bar.show_message(_("Select the round to delete in the list."), "info")
            return False
        try:
            command = self.controller.read(lambda s: delete_round_command(s, round_id))
        except PlannerError as error:
            self.message_bar.show_message(str(error))
            return False
        return self._execute(command)

    def keyPressEvent(self, event: Any) -> None:
        if event.key() == Qt.Key.Key_Delete and self.round_list.hasFocus():
            self.delete_selected_round()
            return
        super().keyPressEvent(event)
