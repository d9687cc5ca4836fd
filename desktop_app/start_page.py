"""The start page shown when no plan is open: New, Open, the demo plan and the recent files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop_app import settings
from desktop_app.widgets.muted_text import mute
from planner.i18n import _

_PATH_ROLE = Qt.ItemDataRole.UserRole
ROW_HEIGHT = 30
MAX_LIST_HEIGHT = ROW_HEIGHT * 10 + 6  # the ten recent plans without a scroll bar


class StartPage(QWidget):
    """Buttons to start or open a plan, and the recent files (missing ones greyed, any removable)."""

    new_plan_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()
    recent_file_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("start_page")

        title = QLabel(_("Convergence Planner"))
        title_font = title.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 2.2)
        title_font.setBold(True)
        title.setFont(title_font)
        subtitle = QLabel(_("Plan AI-convergence work for your region: initiatives, partners, schedule and budget."))
        subtitle.setWordWrap(True)

        self.new_button = QPushButton(_("New Plan…"))
        self.open_button = QPushButton(_("Open…"))
        self.demo_button = QPushButton(_("Open the Demo Plan"))
        actions = QVBoxLayout()
        actions.setSpacing(8)
        for button in (self.new_button, self.open_button, self.demo_button):
            button.setMinimumHeight(36)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            actions.addWidget(button)
        actions.addStretch(1)
        self.new_button.clicked.connect(self.new_plan_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.demo_button.clicked.connect(self.demo_requested)

        recent_title = QLabel(_("Recent plans"))
        recent_font = recent_title.font()
        recent_font.setBold(True)
        recent_title.setFont(recent_font)
        self.recent_list = QListWidget()
        self.recent_list.setObjectName("recent_list")
        self.recent_list.setAlternatingRowColors(True)
        self.recent_list.itemActivated.connect(self._on_recent_item_activated)
        self.recent_list.currentItemChanged.connect(lambda *_args: self._update_buttons())
        self.empty_label = QLabel(_("Plans you open or save appear here."))
        mute(self.empty_label, 0.7)  # a hint, but legible (a disabled label is too faint on a projector)
        self.remove_button = QPushButton(_("Remove from List"))
        self.remove_button.clicked.connect(self._on_remove_clicked)
        remove_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.recent_list)
        remove_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove_shortcut.activated.connect(self._on_remove_clicked)
        self.recent_list.setMinimumHeight(120)
        self.recent_list.setMaximumHeight(MAX_LIST_HEIGHT)
        recent = QVBoxLayout()
        recent.setSpacing(8)
        recent.addWidget(recent_title)
        recent.addWidget(self.recent_list)
        recent.addWidget(self.empty_label)
        remove_row = QHBoxLayout()
        remove_row.addStretch(1)
        remove_row.addWidget(self.remove_button)
        recent.addLayout(remove_row)
        recent.addStretch(1)

        columns = QHBoxLayout()
        columns.setSpacing(32)
        columns.addLayout(actions, 2)
        columns.addLayout(recent, 5)

        panel = QFrame()
        panel.setObjectName("start_panel")
        panel.setMaximumWidth(960)
        panel_layout = QVBoxLayout(panel)
        panel_layout.setSpacing(12)
        panel_layout.addWidget(title)
        panel_layout.addWidget(subtitle)
        panel_layout.addSpacing(16)
        panel_layout.addLayout(columns)
        panel_layout.addStretch(1)

        outer = QHBoxLayout(self)
        outer.setContentsMargins(48, 48, 48, 48)
        outer.addStretch(1)
        outer.addWidget(panel, 8)
        outer.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        """Reload the recent files from the settings."""
        self.recent_list.clear()
        muted = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        for path_text in settings.recent_files():
            path = Path(path_text)
            item = QListWidgetItem(f"{path.name}    {path.parent}")
            item.setData(_PATH_ROLE, path_text)
            item.setSizeHint(QSize(0, ROW_HEIGHT))
            if path.is_file():
                item.setToolTip(path_text)
            else:
                item.setForeground(muted)
                item.setToolTip(_("This file is no longer at {path}. Remove it from the list?").format(path=path_text))
            self.recent_list.addItem(item)
        has_items = self.recent_list.count() > 0
        self.recent_list.setVisible(has_items)
        self.remove_button.setVisible(has_items)
        self.empty_label.setVisible(not has_items)
        if has_items:
            self.recent_list.setCurrentRow(0)
        self._update_buttons()

    def recent_paths(self) -> list[str]:
        return [self.recent_list.item(row).data(_PATH_ROLE) for row in range(self.recent_list.count())]

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.recent_list.currentItem() is not None)

    def _on_recent_item_activated(self, item: QListWidgetItem) -> None:
        self.recent_file_activated.emit(item.data(_PATH_ROLE))

    def _on_remove_clicked(self) -> None:
        item = self.recent_list.currentItem()
        if item is None:
            return
        row = self.recent_list.row(item)
        settings.remove_recent_file(item.data(_PATH_ROLE))
        self.refresh()
        if self.recent_list.count():
            self.recent_list.setCurrentRow(min(row, self.recent_list.count() - 1))
