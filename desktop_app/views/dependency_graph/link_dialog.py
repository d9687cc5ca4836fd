"""A tiny dialog asking the type and lag of a new dependency."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QWidget

from desktop_app.views.dependency_graph.graph_style import TYPE_NAMES
from planner.i18n import _

MAX_LAG_MONTHS = 120


class LinkDialog(QDialog):
    """Type (FS, SS, FF, SF) and lag in months (negative: a lead) of a link about to be made."""

    def __init__(self, parent: QWidget | None = None, description: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Add dependency"))
        self.type_combo = QComboBox()
        self.type_combo.setObjectName("type_combo")
        for code, name in TYPE_NAMES.items():
            self.type_combo.addItem(_(name), code)
        self.lag_spin = QSpinBox()
        self.lag_spin.setObjectName("lag_spin")
        self.lag_spin.setRange(-MAX_LAG_MONTHS, MAX_LAG_MONTHS)
        self.lag_spin.setSuffix(" " + _("months"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Add"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QFormLayout(self)
        if description:
            text = QLabel(description)
            text.setWordWrap(True)
            layout.addRow(text)
        layout.addRow(_("Type"), self.type_combo)
        layout.addRow(_("Lag (months)"), self.lag_spin)
        layout.addRow(buttons)

    def details(self) -> tuple[str, int]:
        return str(self.type_combo.currentData()), self.lag_spin.value()
