"""The Preferences dialog: the interface language (Korean, English or the system's), used from the next start, and
the user's name shown in the plan's history and comments."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from desktop_app.settings import last_language, set_last_language, set_user_name, user_name
from planner.i18n import (
    LANGUAGE_NAMES,
    N_,
    SUPPORTED_LANGUAGES,
    _,
    current_language,
    default_language,
    format_date,
    format_month,
    translate,
)

FOLLOW_SYSTEM = "system"  # stored as the language: start-up then takes the system's (desktop_app.app.choose_language)
NATIVE_NAMES = {"ko": "한국어", "en": "English"}  # each language named in itself, as language menus do
_CHOICE_LABELS = {FOLLOW_SYSTEM: N_("Follow the system ({language})")}
_SAMPLE_DAY = date(2027, 3, 5)
_SAMPLE_AMOUNT = 1_250_000_000


def stored_choice() -> str:
    """'ko', 'en' or FOLLOW_SYSTEM (also when nothing or something unknown is stored)."""
    value = last_language()
    return value if value in SUPPORTED_LANGUAGES else FOLLOW_SYSTEM


def effective_language(choice: str) -> str:
    """The language a start with this choice shows (CPLAN_LANG still wins, as at start-up)."""
    return choice if choice in SUPPORTED_LANGUAGES else default_language()


def format_sample(language: str) -> str:
    """How numbers, money, months and dates look in `language` (shown under the choice)."""
    amount = translate("{amount} KRW", language).format(amount=f"{_SAMPLE_AMOUNT:,}")
    return " · ".join((amount, format_month(2027, 3, language), format_date(_SAMPLE_DAY, language)))


class SettingsDialog(QDialog):
    """Preferences: the interface language (used from the next start) and the user's name (at once); OK stores
    them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings_dialog")
        self.setWindowTitle(_("Preferences"))
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("language_combo")
        self.language_combo.setAccessibleName(_("Interface language"))
        self.language_combo.setToolTip(_("The language of menus, views and messages"))
        system = NATIVE_NAMES[default_language()]
        self.language_combo.addItem(_(_CHOICE_LABELS[FOLLOW_SYSTEM]).format(language=system), FOLLOW_SYSTEM)
        for language in SUPPORTED_LANGUAGES:
            self.language_combo.addItem(NATIVE_NAMES[language], language)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(stored_choice())))
        self.sample_label = QLabel()
        self.sample_label.setObjectName("sample_label")
        self.sample_label.setAccessibleName(_("Formats in the chosen language"))
        self.restart_label = QLabel()
        self.restart_label.setObjectName("restart_label")
        self.restart_label.setWordWrap(True)
        self.restart_label.setAccessibleName(_("When the change applies"))
        self.name_edit = QLineEdit(user_name())
        self.name_edit.setObjectName("name_edit")
        self.name_edit.setMaxLength(100)
        self.name_edit.setAccessibleName(_("Your name"))
        self.name_edit.setToolTip(_("Who the plan's history and your comments name; empty: your login name"))
        self.name_edit.setPlaceholderText(_("Your login name when left empty"))

        form = QFormLayout()
        language_label = QLabel(_("Interface &language:"))
        language_label.setBuddy(self.language_combo)
        form.addRow(language_label, self.language_combo)
        form.addRow(_("Formats:"), self.sample_label)
        name_label = QLabel(_("Your &name (shown in history and comments):"))
        name_label.setBuddy(self.name_edit)
        form.addRow(name_label, self.name_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.restart_label)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.language_combo.currentIndexChanged.connect(self._update_notes)
        self._update_notes()

    def choice(self) -> str:
        return str(self.language_combo.currentData())

    def needs_restart(self) -> bool:
        """Whether the chosen language differs from the one this session shows."""
        return effective_language(self.choice()) != current_language()

    def restart_message(self) -> str:
        language = _(LANGUAGE_NAMES[effective_language(self.choice())])
        return _("The interface will be in {language} from the next start of Convergence Planner.").format(
            language=language)

    def _update_notes(self) -> None:
        self.sample_label.setText(format_sample(effective_language(self.choice())))
        self.restart_label.setText(self.restart_message() if self.needs_restart() else "")

    def apply(self) -> bool:
        """Store the choices; True when the language takes effect only at the next start (the name applies to the
        next edit)."""
        set_last_language(self.choice())
        set_user_name(self.name_edit.text())
        return self.needs_restart()


def open_settings(parent: QWidget | None) -> bool:
    """Show the Preferences dialog; on OK store the choice and, when a restart is needed, say so in the
    window's status bar. Returns whether anything was stored."""
    dialog = SettingsDialog(parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        if dialog.apply() and isinstance(parent, QMainWindow):
            parent.statusBar().showMessage(dialog.restart_message(), 15_000)
        return True
    finally:
        dialog.deleteLater()


def settings_action(window: QWidget) -> QAction:
    """The menu action that opens Preferences (Ctrl+, and the platform's preferences key)."""
    action = QAction(_("&Preferences…"), window)
    action.setObjectName("preferences_action")
    keys = [QKeySequence(QKeySequence.StandardKey.Preferences), QKeySequence("Ctrl+,")]
    action.setShortcuts([key for index, key in enumerate(keys) if not key.isEmpty() and key not in keys[:index]])
    action.setStatusTip(_("Choose the interface language and your name"))
    action.setToolTip(_("Preferences (Ctrl+,)"))
    action.setMenuRole(QAction.MenuRole.PreferencesRole)
    action.triggered.connect(lambda _checked=False: open_settings(window))
    window.addAction(action)
    return action
