"""Qt's side of the interface language: our compiled Korean .qm, Qt's own qtbase_ko.qm, QLocale, and _() via Qt."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from planner.i18n import SUPPORTED_LANGUAGES, install_lookup, set_language
from planner.resources import resource_path

log = logging.getLogger(__name__)

TRANSLATION_CONTEXT = "ConvergencePlanner"  # the context of every message in resources/i18n/*.ts
QM_BASENAME = "convergence_planner"
QT_CATALOGUES = ("qtbase",)  # standard buttons, undo texts, file and colour dialogs
_LOCALES = {"ko": QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea),
            "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)}

_installed: list[QTranslator] = []  # kept alive (and removable) as long as they are installed


def qm_path(language: str) -> Path:
    """The compiled translations of the app's own texts into `language` (built from resources/i18n/ko.json)."""
    return resource_path("i18n", f"{QM_BASENAME}_{language}.qm")


def qt_translate(text: str) -> str:
    """One English source string through the installed Qt translators (the source itself when none has it)."""
    return QCoreApplication.translate(TRANSLATION_CONTEXT, text)


def remove_translations() -> None:
    """Take out every translator installed here and let _() read the catalogue again."""
    app = QCoreApplication.instance()
    for translator in _installed:
        if app is not None:
            app.removeTranslator(translator)
    _installed.clear()
    install_lookup("en", None)


def _load(name: str, folder: str) -> QTranslator | None:
    translator = QTranslator()
    if translator.load(name, folder):
        return translator
    log.warning("The translation %s.qm was not found in %s", name, folder)
    return None


def install_translations(language: str) -> list[str]:
    """Make `language` the interface language: planner.i18n's language, QLocale's default (numbers and dates
    in Qt widgets), Qt's own translations and ours; _() then resolves through QCoreApplication.translate.
    Returns the names of the .qm files loaded. Without our .qm, _() keeps reading the catalogue."""
    if language not in SUPPORTED_LANGUAGES:
        raise ValueError(f"Unsupported language {language!r}; choose one of {', '.join(SUPPORTED_LANGUAGES)}.")
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install_translations needs a QApplication.")
    remove_translations()
    set_language(language)
    QLocale.setDefault(_LOCALES[language])
    if language == "en":
        return []
    loaded: list[str] = []
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for catalogue in QT_CATALOGUES:
        translator = _load(f"{catalogue}_{language}", qt_folder)
        if translator is not None:
            app.installTranslator(translator)
            _installed.append(translator)
            loaded.append(f"{catalogue}_{language}")
    ours = qm_path(language)
    translator = _load(ours.stem, str(ours.parent))
    if translator is not None:
        app.installTranslator(translator)
        _installed.append(translator)
        loaded.append(ours.stem)
        install_lookup(language, qt_translate)
    return loaded
