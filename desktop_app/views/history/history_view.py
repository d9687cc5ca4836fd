"""The History view: who changed what and when, newest first, with filters and the fields each change set."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.plan_controller import PlanController
from desktop_app.views.history.history_table_model import ENTRY_ID_ROLE, HistoryTableModel
from desktop_app.widgets.accessibility import chain_focus
from desktop_app.widgets.find_shortcut import ClaimsFindShortcut
from desktop_app.widgets.muted_text import mute
from desktop_app.widgets.refresh_when_shown import StaleRefresher
from planner.commands import Changes
from planner.errors import PlannerError
from planner.history import (
    FILTER_KINDS,
    HistoryEntry,
    HistoryFilters,
    author_text,
    describe_entry,
    history_authors,
    history_count,
    history_entries,
    kind_label,
    local_day_end,
    local_day_start,
    omitted_note,
    reference_labels,
)
from planner.i18n import _

SHOWN_ENTRIES = 5_000  # the newest entries the table holds (filters narrow the rest)
SEARCH_DELAY_MS = 250  # typing pauses this long before the history is searched
ROW_KIND_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # on a details item: (kind, id) of the changed row


class HistoryView(ClaimsFindShortcut, QWidget):
    """Read-only. The table lists the entries that pass the filters (author, kind of item, text, days); below
    it, the selected entry's rows with each field before and after. Enter or a double-click on a row of the
    details (itemActivated) selects that item, so the inspector shows it, when it is still in the plan."""

    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("history_view")
        self.controller = controller
        self.total = 0

        # -- filters
        self.author_combo = QComboBox()
        self.author_combo.setObjectName("author_combo")
        self.author_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.author_combo.addItem(_("Everyone"), None)
        author_label = QLabel(_("&Author:"))
        author_label.setBuddy(self.author_combo)
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("kind_combo")
        self.kind_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.kind_combo.addItem(_("Every kind of item"), None)
        for kind in sorted(FILTER_KINDS, key=lambda kind: kind_label(kind).casefold()):
            self.kind_combo.addItem(kind_label(kind), kind)
        kind_label_widget = QLabel(_("&Item:"))
        kind_label_widget.setBuddy(self.kind_combo)
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("search_edit")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(_("Search the history (Ctrl+F)"))
        self.search_edit.setAccessibleName(_("Search the history"))
        self.search_edit.setMinimumWidth(self.fontMetrics().averageCharWidth() * 26)
        today = QDate.currentDate()
        self.since_check = QCheckBox(_("Fro&m"))
        self.since_check.setObjectName("since_check")
        self.since_check.setToolTip(_("Only the changes on or after this day"))
        self.since_edit = self._date_edit("since_edit", _("First day"), today.addDays(-30))
        self.until_check = QCheckBox(_("&To"))
        self.until_check.setObjectName("until_check")
        self.until_check.setToolTip(_("Only the changes on or before this day"))
        self.until_edit = self._date_edit("until_edit", _("Last day"), today)
        self.count_label = QLabel()
        self.count_label.setObjectName("count_label")
        mute(self.count_label)

        filter_bar = QHBoxLayout()
        filter_bar.setContentsMargins(8, 6, 8, 0)
        for widget in (author_label, self.author_combo):
            filter_bar.addWidget(widget)
        filter_bar.addSpacing(10)
        for widget in (kind_label_widget, self.kind_combo):
            filter_bar.addWidget(widget)
        filter_bar.addSpacing(10)
        filter_bar.addWidget(self.search_edit, 1)
        filter_bar.addSpacing(10)
        for widget in (self.since_check, self.since_edit, self.until_check, self.until_edit):
            filter_bar.addWidget(widget)
        filter_bar.addSpacing(10)
        filter_bar.addWidget(self.count_label)
        self.versions_button = QPushButton(_("Versions…"))
        self.versions_button.setObjectName("versions_button")
        self.versions_button.setToolTip(_("Named versions: open a saved version read-only or restore it as a new plan"))
        self.versions_button.clicked.connect(self.show_versions)
        filter_bar.addWidget(self.versions_button)

        # -- the entries
        self.model = HistoryTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("history_table")
        self.table.setAccessibleName(_("Changes"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(int(self.fontMetrics().height() * 1.7))
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(True)
        character = self.fontMetrics().averageCharWidth()
        self.table.setColumnWidth(0, self.fontMetrics().horizontalAdvance("2027-12-31 23:59") + 3 * character)
        for column, width in ((1, 16), (2, 48)):
            self.table.setColumnWidth(column, character * width)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("empty_label")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        mute(self.empty_label)

        # -- the selected entry
        self.details_title = QLabel()
        self.details_title.setObjectName("details_title")
        self.details_title.setWordWrap(True)
        self.details_title.setTextFormat(Qt.TextFormat.PlainText)
        self.details_title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.details_title.font()
        font.setBold(True)
        self.details_title.setFont(font)
        self.details_tree = QTreeWidget()
        self.details_tree.setObjectName("details_tree")
        self.details_tree.setAccessibleName(_("What the change did"))
        self.details_tree.setColumnCount(3)
        self.details_tree.setHeaderLabels([_("Item or field"), _("Before"), _("After")])
        self.details_tree.setAlternatingRowColors(True)
        self.details_tree.setUniformRowHeights(True)
        self.details_tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.details_tree.header().setStretchLastSection(True)
        self.details_tree.setColumnWidth(0, character * 40)
        self.details_tree.setColumnWidth(1, character * 30)
        self.details_tree.itemActivated.connect(self._on_details_item_activated)
        self.details_note = QLabel()
        self.details_note.setObjectName("details_note")
        self.details_note.setWordWrap(True)
        mute(self.details_note)
        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.setContentsMargins(8, 4, 8, 4)
        details_layout.setSpacing(4)
        details_layout.addWidget(self.details_title)
        details_layout.addWidget(self.details_tree, 1)
        details_layout.addWidget(self.details_note)

        entries = QWidget()
        entries_layout = QVBoxLayout(entries)
        entries_layout.setContentsMargins(0, 0, 0, 0)
        entries_layout.addWidget(self.empty_label)
        entries_layout.addWidget(self.table, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("history_splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(entries)
        self.splitter.addWidget(details)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(filter_bar)
        layout.addWidget(self.splitter, 1)
        chain_focus(self.author_combo, self.kind_combo, self.search_edit, self.since_check, self.since_edit,
                    self.until_check, self.until_edit, self.table, self.details_tree)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self.author_combo.activated.connect(lambda _index: self.refresh())
        self.kind_combo.activated.connect(lambda _index: self.refresh())
        self.search_edit.textChanged.connect(lambda _text: self._search_timer.start())
        for check, edit in ((self.since_check, self.since_edit), (self.until_check, self.until_edit)):
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(lambda _checked: self.refresh())
            edit.dateChanged.connect(lambda _date: self.refresh())
        self.table.selectionModel().currentRowChanged.connect(lambda _current, _previous: self._show_details())
        self.refresher = StaleRefresher(self, self.refresh)
        controller.plan_changed.connect(self._on_plan_changed)
        controller.document_replaced.connect(self.refresh)
        self.refresh()

    @staticmethod
    def _date_edit(name: str, accessible_name: str, day: QDate) -> QDateEdit:
        edit = QDateEdit(day)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible_name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setEnabled(False)
        return edit

    # -- public -----------------------------------------------------------------------------------------

    def filters(self) -> HistoryFilters:
        """The filters as the controls set them (days in the computer's time zone)."""
        since = local_day_start(self._day(self.since_edit)) if self.since_check.isChecked() else None
        until = local_day_end(self._day(self.until_edit)) if self.until_check.isChecked() else None
        return HistoryFilters(author=self.author_combo.currentData(), kind=self.kind_combo.currentData(),
                              text=self.search_edit.text(), since=since, until=until, limit=SHOWN_ENTRIES)

    def show_versions(self) -> None:
        """The Versions dialog of the window (File ▸ Versions…), or on its own outside a main window."""
        window = self.window()
        if callable(getattr(window, "show_versions", None)):
            window.show_versions()
            return
        from desktop_app.versions.versions_dialog import show_versions

        self.versions_dialog = show_versions(self, self.controller)

    def refresh(self) -> None:
        """Read the history again with the current filters, keeping the selected entry when it is still shown."""
        self.refresher.mark_refreshed()
        self._search_timer.stop()
        filters = self.filters()
        try:
            entries, authors, total = self.controller.read(
                lambda session: (history_entries(session, filters), history_authors(session), history_count(session)))
        except PlannerError:
            return  # the plan is closed
        self.total = total
        self._set_authors(authors)
        selected = self.current_entry()
        self.model.set_entries(entries)
        row = self.model.row_of(selected.id) if selected is not None else -1
        if row < 0 and entries:
            row = 0
        if row >= 0:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self._show_details()
        if not total:
            self.empty_label.setText(_("No changes have been recorded yet. Every edit of the plan, and every undo "
                                       "and redo, will be listed here with who made it and when."))
        elif not entries:
            self.empty_label.setText(_("No change matches the filters."))
        self.empty_label.setVisible(not entries)
        self.table.setVisible(bool(entries))
        if len(entries) < total:
            self.count_label.setText(_("{shown} of {total} changes").format(shown=f"{len(entries):,}",
                                                                            total=f"{total:,}"))
        else:
            self.count_label.setText(_("{count} changes").format(count=f"{total:,}"))

    def current_entry(self) -> HistoryEntry | None:
        index = self.table.currentIndex()
        return self.model.entry(index.row()) if index.isValid() else None

    def row_texts(self) -> list[list[str]]:
        """The text of every cell of the table (for tests and accessibility checks)."""
        return [[self.model.cell_text(entry, column) for column in range(self.model.columnCount())]
                for entry in self.model.entries]

    def details_texts(self) -> list[list[str]]:
        """The details tree, one list per item (rows, then their fields indented by two spaces)."""
        lines: list[list[str]] = []
        for number in range(self.details_tree.topLevelItemCount()):
            item = self.details_tree.topLevelItem(number)
            lines.append([item.text(column) for column in range(3)])
            for child in range(item.childCount()):
                field = item.child(child)
                lines.append(["  " + field.text(0), field.text(1), field.text(2)])
        return lines

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    # -- helpers ----------------------------------------------------------------------------------------

    @staticmethod
    def _day(edit: QDateEdit) -> date:
        value = edit.date()
        return date(value.year(), value.month(), value.day())

    def _set_authors(self, authors: list[str]) -> None:
        current = self.author_combo.currentData()
        self.author_combo.blockSignals(True)
        try:
            self.author_combo.clear()
            self.author_combo.addItem(_("Everyone"), None)
            for author in authors:
                self.author_combo.addItem(author_text(author), author)
            self.author_combo.setCurrentIndex(max(0, self.author_combo.findData(current)) if current is not None
                                              else 0)
        finally:
            self.author_combo.blockSignals(False)

    def _show_details(self) -> None:
        entry = self.current_entry()
        self.details_tree.clear()
        if entry is None:
            self.details_title.setText("")
            self.details_note.setText("")
            self.details_note.hide()
            return
        self.details_title.setText(" · ".join((entry.local_time.strftime("%Y-%m-%d %H:%M"), author_text(entry.author),
                                               entry.summary)))
        try:
            references = self.controller.read(lambda session: reference_labels(session, [entry]))
        except PlannerError:
            references = {}
        for change, row in zip(entry.rows, describe_entry(entry, references), strict=True):
            title = f"{row.kind_label} · {row.label}" if row.label else row.kind_label
            item = QTreeWidgetItem([f"{title} ({row.change_label})", "", ""])
            item.setData(0, ROW_KIND_ROLE, (change.kind, change.id))
            item.setToolTip(0, title)
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
            for label, before, after in row.fields:
                child = QTreeWidgetItem([label, before, after])
                for column, text in ((1, before), (2, after)):
                    if text:
                        child.setToolTip(column, text)
                item.addChild(child)
            self.details_tree.addTopLevelItem(item)
            item.setFirstColumnSpanned(True)  # (only once the item is in the tree)
            item.setExpanded(True)
        note = omitted_note(entry)
        if entry.whole_plan and not note:
            note = _("The whole plan was replaced (an import).")
        self.details_note.setText(note)
        self.details_note.setVisible(bool(note))

    # -- handlers ---------------------------------------------------------------------------------------

    def _on_details_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        while item.parent() is not None:
            item = item.parent()
        kind, row_id = item.data(0, ROW_KIND_ROLE) or ("", "")
        if not kind or not row_id:
            return
        from planner.commands import table_of

        try:
            table = table_of(kind)
            present = self.controller.read(
                lambda session: session.execute(table.select().where(table.c.id == row_id)).first() is not None)
        except PlannerError:
            return
        if present:
            self.controller.select(kind, [row_id])

    def _on_plan_changed(self, _changes: Changes, _initiator: object) -> None:
        self.refresher.mark_changed()  # every edit adds an entry


__all__ = ["ENTRY_ID_ROLE", "HistoryView"]
