"""The app's QSettings, kept in an INI file in the data folder: window layout, recent files, language, the user's
name."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from planner.storage.working import data_dir

ORGANISATION_NAME = "ConvergencePlanner"
APPLICATION_NAME = "Convergence Planner"
SETTINGS_FILE_NAME = "settings.ini"
MAX_RECENT_FILES = 10

_RECENT_KEY = "files/recent"
_LANGUAGE_KEY = "ui/language"
_USER_NAME_KEY = "user/name"
_GEOMETRY_KEY = "window/geometry"
_STATE_KEY = "window/state"


def settings_path() -> Path:
    """Where the settings live: beside the working copies, so a test's private data folder isolates them."""
    return data_dir() / SETTINGS_FILE_NAME


def app_settings() -> QSettings:
    """A QSettings on the INI file (cheap to create; read it fresh each time so tests stay isolated)."""
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    return QSettings(str(path), QSettings.Format.IniFormat)


def _string_list(value: object) -> list[str]:
    """QSettings returns a str for a one-item list in INI files and None for an empty one."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, (list, tuple)):
        return [str(item) for item in value if item]
    return []


def _normalised(path: str | os.PathLike[str]) -> str:
    return str(Path(path).absolute())


# -- recent files -----------------------------------------------------------------------------------------


def recent_files() -> list[str]:
    """The recently opened or saved plans, newest first (at most MAX_RECENT_FILES)."""
    return _string_list(app_settings().value(_RECENT_KEY))[:MAX_RECENT_FILES]


def _store_recent(paths: list[str]) -> None:
    settings = app_settings()
    settings.setValue(_RECENT_KEY, paths[:MAX_RECENT_FILES])
    settings.sync()


def add_recent_file(path: str | os.PathLike[str]) -> None:
    """Put `path` at the top of the recent files (moving it there if it was already listed)."""
    entry = _normalised(path)
    _store_recent([entry, *(p for p in recent_files() if p != entry)])


def remove_recent_file(path: str | os.PathLike[str]) -> None:
    entry = _normalised(path)
    _store_recent([p for p in recent_files() if p != entry])


def clear_recent_files() -> None:
    _store_recent([])


# -- language ---------------------------------------------------------------------------------------------


def last_language() -> str | None:
    value = app_settings().value(_LANGUAGE_KEY)
    return str(value) if value else None


def set_last_language(language: str) -> None:
    settings = app_settings()
    settings.setValue(_LANGUAGE_KEY, language)
    settings.sync()


# -- the user's name ---------------------------------------------------------------------------------------


def user_name() -> str:
    """The name the user gave for the history and comments ("" when none: the OS login name is used then)."""
    value = app_settings().value(_USER_NAME_KEY)
    return " ".join(str(value).split())[:100] if value else ""


def set_user_name(name: str) -> None:
    settings = app_settings()
    settings.setValue(_USER_NAME_KEY, " ".join(name.split())[:100])
    settings.sync()


# -- window layout ----------------------------------------------------------------------------------------


def remembered_folder(key: str) -> str:
    """The folder last used for one kind of file dialog (`key`), or "" when none is kept or it is gone."""
    value = app_settings().value(key)
    return str(value) if value and Path(str(value)).is_dir() else ""


def remember_folder(key: str, folder: str | os.PathLike[str]) -> None:
    """Keep the folder a file dialog of one kind (`key`) used, for the next one."""
    settings = app_settings()
    settings.setValue(key, str(folder))
    settings.sync()


def window_layout() -> tuple[QByteArray | None, QByteArray | None]:
    """The saved (geometry, state) of the main window, each None when never saved."""
    settings = app_settings()
    geometry = settings.value(_GEOMETRY_KEY)
    state = settings.value(_STATE_KEY)
    return (
        geometry if isinstance(geometry, QByteArray) and not geometry.isEmpty() else None,
        state if isinstance(state, QByteArray) and not state.isEmpty() else None,
    )


def save_window_layout(geometry: QByteArray, state: QByteArray) -> None:
    settings = app_settings()
    settings.setValue(_GEOMETRY_KEY, geometry)
    settings.setValue(_STATE_KEY, state)
    settings.sync()
