"""The "merge" answer to a stale edit: for each field both users changed, theirs or mine (mine by default)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from planner.history import field_label, json_row_value, value_text
from planner.i18n import _
from planner.team.document import MergeChoice
from planner.team.session import StaleEditError

SHOWN_CHARACTERS = 80  # longer values are cut in the choice (the whole value is its tooltip)
MOST_ROWS_UNSCROLLED = 8


def shown_value(kind: str, name: str, raw: object) -> str:
    """A value of a stale edit as the interface writes it (choices by label, months, money), or "(empty)"."""
    text = value_text(kind, name, json_row_value(kind, name, raw))
    return text if text.strip() else _("(empty)")


def _cut(text: str) -> str:
    return text if len(text) <= SHOWN_CHARACTERS else text[:SHOWN_CHARACTERS - 1] + "…"


class StaleMergeDialog(QDialog):
    """Lists each conflicting field with their value and mine; the user picks one per field."""

    def __init__(self, error: StaleEditError, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.error = error
        self.setObjectName("stale_merge_dialog")
        self.setWindowTitle(_("Merge the Changes"))
        when = error.changed_at.astimezone().strftime("%Y-%m-%d %H:%M:%S") if error.changed_at else "?"
        headline = QLabel(_("{name} changed “{label}” at {time}. Choose whose value to keep for each field both of "
                            "you changed; your other changes are kept.").format(
                                name=error.changed_by or "?", label=error.label, time=when))
        headline.setWordWrap(True)
        headline.setObjectName("merge_headline")

        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        theirs_header = QLabel("<b>" + _("{name}'s value").format(name=error.changed_by or "?") + "</b>")
        mine_header = QLabel("<b>" + _("Your value") + "</b>")
        grid.addWidget(QLabel("<b>" + _("Changed field") + "</b>"), 0, 0)
        grid.addWidget(theirs_header, 0, 1)
        grid.addWidget(mine_header, 0, 2)
        self.theirs_buttons: dict[str, QRadioButton] = {}
        self.mine_buttons: dict[str, QRadioButton] = {}
        self._groups: list[QButtonGroup] = []
        for row, name in enumerate(error.fields, start=1):
            label = field_label(error.kind, name)
            theirs_text = shown_value(error.kind, name, error.theirs.get(name))
            mine_text = shown_value(error.kind, name, error.mine.get(name))
            theirs = QRadioButton(_cut(theirs_text))
            mine = QRadioButton(_cut(mine_text))
            theirs.setToolTip(theirs_text)
            mine.setToolTip(mine_text)
            theirs.setObjectName(f"theirs_{name}")
            mine.setObjectName(f"mine_{name}")
            theirs.setAccessibleName(_("{field}: keep {name}'s value {value}").format(
                field=label, name=error.changed_by or "?", value=theirs_text))
            mine.setAccessibleName(_("{field}: keep your value {value}").format(field=label, value=mine_text))
            group = QButtonGroup(self)
            group.addButton(theirs)
            group.addButton(mine)
            mine.setChecked(True)
            self._groups.append(group)
            self.theirs_buttons[name] = theirs
            self.mine_buttons[name] = mine
            grid.addWidget(QLabel(label), row, 0)
            grid.addWidget(theirs, row, 1)
            grid.addWidget(mine, row, 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        fields = QWidget()
        fields.setLayout(grid)

        buttons = QDialogButtonBox()
        self.merge_button = buttons.addButton(_("Merge"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.back_button = buttons.addButton(_("Back"), QDialogButtonBox.ButtonRole.RejectRole)
        self.merge_button.setObjectName("merge_button")
        self.back_button.setObjectName("back_button")
        self.merge_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(headline)
        if len(error.fields) > MOST_ROWS_UNSCROLLED:
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setWidget(fields)
            layout.addWidget(scroll, 1)
        else:
            layout.addWidget(fields)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def choice(self) -> MergeChoice:
        """The fields where my value wins, as picked now."""
        return MergeChoice(frozenset(name for name, button in self.mine_buttons.items() if button.isChecked()))


def ask_merge_fields(parent: QWidget | None, error: StaleEditError) -> MergeChoice | None:
    """The user's pick for each conflicting field, or None when they go back."""
    dialog = StaleMergeDialog(error, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.choice()
