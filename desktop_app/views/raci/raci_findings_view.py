"""The list of broken RACI rules beside the matrix; clicking one shows its row, column or cell."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desktop_app.views.raci.raci_style import FINDING_MARK
from desktop_app.widgets.muted_text import mute
from planner.i18n import _
from planner.stakeholders.raci import RaciFinding

FINDING_DATA_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # the RaciFinding of a list item


class RaciFindingsView(QWidget):
    """One line per finding, in the planner's order; `finding_clicked(finding)` when the user picks one."""

    finding_clicked = Signal(object)  # RaciFinding

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("raci_findings_view")
        self.title_label = QLabel()
        self.title_label.setObjectName("findings_title_label")
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.rules_label = QLabel(_("Each initiative needs exactly one A, at least one R, and its lead as the A; "
                                    "every stakeholder needs a role somewhere."))
        self.rules_label.setWordWrap(True)
        mute(self.rules_label)
        self.list = QListWidget()
        self.list.setObjectName("findings_list")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.itemClicked.connect(self._on_list_item_clicked)
        self.list.itemActivated.connect(self._on_list_item_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.title_label)
        layout.addWidget(self.rules_label)
        layout.addWidget(self.list, 1)
        self.set_findings(())

    def set_findings(self, findings: Sequence[RaciFinding]) -> None:
        self.list.clear()
        for finding in findings:
            item = QListWidgetItem(f"{FINDING_MARK} {finding.message}")
            item.setData(FINDING_DATA_ROLE, finding)
            item.setToolTip(finding.message)
            self.list.addItem(item)
        if findings:
            self.title_label.setText(_("RACI findings: {count}").format(count=len(findings)))
        else:
            self.title_label.setText(_("No RACI findings: every rule is met."))
        self.list.setVisible(bool(findings))

    def findings(self) -> list[RaciFinding]:
        return [self.list.item(n).data(FINDING_DATA_ROLE) for n in range(self.list.count())]

    def _on_list_item_clicked(self, item: QListWidgetItem) -> None:
        self.finding_clicked.emit(item.data(FINDING_DATA_ROLE))
