"""File ▸ Open Team Plan…: where the team plan lives and who logs in; the password is kept only in the OS keyring.

Host, port, database and user are remembered in the app's settings. The password never is: it is typed each time,
unless the `keyring` package is installed and the user ticks "remember the password in the system keyring" (then
it lives in the operating system's keyring, never in a file of the app). Without keyring the option is hidden.
"""

from __future__ import annotations

import importlib.util
import logging
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import URL

from desktop_app import settings
from planner.i18n import _
from planner.team.connection import DRIVER, ServerAddress

log = logging.getLogger(__name__)

KEYRING_SERVICE = "Convergence Planner team plans"
DEFAULT_PORT = 5432
_SETTINGS_PREFIX = "team/"
_REMEMBERED = ("host", "port", "database", "user")


def keyring_available() -> bool:
    """Whether the OS keyring can be used (the optional `keyring` package is installed)."""
    return importlib.util.find_spec("keyring") is not None


@dataclass(frozen=True)
class TeamLogin:
    """What the dialog asked for."""

    host: str
    port: int
    database: str
    user: str
    password: str
    remember_password: bool = False

    @property
    def keyring_key(self) -> str:
        return f"{self.user}@{self.host}:{self.port}/{self.database}"

    def address(self) -> ServerAddress:
        """The server address (the password inside it, never shown: ServerAddress masks it)."""
        url = URL.create(DRIVER, username=self.user or None, password=self.password or None,
                         host=self.host or None, port=self.port, database=self.database)
        return ServerAddress(url)

    def problems(self) -> list[str]:
        found = []
        if not self.host.strip():
            found.append(_("Enter the server's host name or address."))
        if not self.database.strip():
            found.append(_("Enter the name of the database that holds the team plan."))
        if not self.user.strip():
            found.append(_("Enter your user name on the server."))
        return found


def remembered_login() -> dict[str, str]:
    """Host, port, database and user as last used (never a password)."""
    store = settings.app_settings()
    return {name: str(store.value(_SETTINGS_PREFIX + name) or "") for name in _REMEMBERED}


def remember_login(login: TeamLogin) -> bool:
    """Remember host, port, database and user; the password only in the OS keyring when the user ticked the box
    (unticked, a password kept there before is removed). False when the keyring refused (the login still works;
    the password is typed next time)."""
    store = settings.app_settings()
    for name in _REMEMBERED:
        store.setValue(_SETTINGS_PREFIX + name, str(getattr(login, name)))
    store.sync()
    if not keyring_available():
        return True
    import keyring

    wanted = login.remember_password and bool(login.password)
    try:
        if wanted:
            keyring.set_password(KEYRING_SERVICE, login.keyring_key, login.password)
        elif keyring.get_password(KEYRING_SERVICE, login.keyring_key) is not None:
            keyring.delete_password(KEYRING_SERVICE, login.keyring_key)
    except Exception as error:  # a keyring backend that is locked, missing or refuses (keyring.errors.*)
        log.info("Team plan: the system keyring refused: %s", error)
        return not wanted  # only a password the user asked to keep is worth a word
    return True


def _stored_password(key: str) -> str:
    if not keyring_available():
        return ""
    import keyring

    try:
        return keyring.get_password(KEYRING_SERVICE, key) or ""
    except Exception:  # a keyring backend that is locked or missing: the user types the password
        return ""


class OpenTeamPlanDialog(QDialog):
    """Asks for the server, database, user and password of a team plan."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Open Team Plan"))
        self.setObjectName("open_team_plan_dialog")
        remembered = remembered_login()
        self.host_edit = QLineEdit(remembered["host"] or "localhost")
        self.port_spin = QSpinBox()
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(int(remembered["port"]) if remembered["port"].isdigit() else DEFAULT_PORT)
        self.database_edit = QLineEdit(remembered["database"])
        self.user_edit = QLineEdit(remembered["user"])
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember_check = QCheckBox(_("Remember the password in the system keyring"))
        self.remember_check.setVisible(keyring_available())
        self.problem_label = QLabel()
        self.problem_label.setWordWrap(True)
        self.problem_label.hide()
        for widget, name in ((self.host_edit, "host"), (self.port_spin, "port"), (self.database_edit, "database"),
                             (self.user_edit, "user"), (self.password_edit, "password"),
                             (self.remember_check, "remember_password")):
            widget.setObjectName(name)

        form = QFormLayout()
        form.addRow(_("&Server:"), self.host_edit)
        form.addRow(_("&Port:"), self.port_spin)
        form.addRow(_("&Database:"), self.database_edit)
        form.addRow(_("&User:"), self.user_edit)
        form.addRow(_("Pass&word:"), self.password_edit)
        note = QLabel(_("The password is not stored unless you choose the system keyring.") if keyring_available()
                      else _("The password is not stored; you type it each time you open the plan."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Open).setText(_("Connect"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.remember_check)
        layout.addWidget(note)
        layout.addWidget(self.problem_label)
        layout.addWidget(buttons)
        stored = _stored_password(self.login().keyring_key) if remembered["user"] else ""
        if stored:
            self.password_edit.setText(stored)
            self.remember_check.setChecked(True)
        (self.password_edit if remembered["user"] else self.host_edit).setFocus()

    def login(self) -> TeamLogin:
        return TeamLogin(self.host_edit.text().strip(), self.port_spin.value(), self.database_edit.text().strip(),
                         self.user_edit.text().strip(), self.password_edit.text(),
                         self.remember_check.isChecked() and keyring_available())

    def accept(self) -> None:
        problems = self.login().problems()
        if problems:
            self.problem_label.setText("\n".join(problems))
            self.problem_label.show()
            return
        super().accept()


def ask_team_login(parent: QWidget | None) -> TeamLogin | None:
    """The login the user entered, or None when they cancel."""
    dialog = OpenTeamPlanDialog(parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.login()
