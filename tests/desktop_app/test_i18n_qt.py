"""desktop_app.i18n_qt: Qt's translators for Korean, _() through QCoreApplication.translate, and the .qm's contents."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from desktop_app import i18n_qt
from desktop_app.i18n_qt import TRANSLATION_CONTEXT, install_translations, qm_path, remove_translations
from planner.i18n import _, current_language

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def restore_english(qapp: QApplication) -> Iterator[None]:
    locale = QLocale()
    yield
    remove_translations()
    install_translations("en")
    QLocale.setDefault(locale)


def test_korean_installs_qt_and_our_translations(restore_english: None, qtbot: object) -> None:
    assert install_translations("ko") == ["qtbase_ko", "convergence_planner_ko"]
    assert current_language() == "ko"
    assert QCoreApplication.translate(TRANSLATION_CONTEXT, "&Save") == "저장(&S)"
    assert _("&Save") == "저장(&S)"
    assert QLocale().language() == QLocale.Language.Korean
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    assert [button.text() for button in buttons.buttons()] == ["확인", "취소"]


def test_english_removes_every_translator(restore_english: None) -> None:
    install_translations("ko")
    assert install_translations("en") == []
    assert current_language() == "en"
    assert QCoreApplication.translate(TRANSLATION_CONTEXT, "&Save") == "&Save"
    assert _("&Save") == "&Save"
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
    assert buttons.buttons()[0].text() == "OK"


def test_a_missing_qm_leaves_the_catalogue_in_charge(restore_english: None, monkeypatch: pytest.MonkeyPatch,
                                                     tmp_path: Path) -> None:
    monkeypatch.setattr(i18n_qt, "qm_path", lambda language: tmp_path / f"convergence_planner_{language}.qm")
    assert install_translations("ko") == ["qtbase_ko"]
    assert _("&Save") == "저장(&S)"


def test_an_unknown_language_is_refused(restore_english: None) -> None:
    with pytest.raises(ValueError, match="fr"):
        install_translations("fr")


def test_the_compiled_translations_hold_every_pair_of_the_catalogue(qapp: QApplication) -> None:
    """The committed .qm answers each English source with the catalogue's Korean (regenerate when this fails:
    python resources/i18n/merge_proposals.py)."""
    catalogue = json.loads((ROOT / "resources" / "i18n" / "ko.json").read_text("utf-8"))
    translator = QTranslator()
    assert translator.load(str(qm_path("ko")))
    wrong = {source: translator.translate(TRANSLATION_CONTEXT, source) for source, korean in catalogue.items()
             if translator.translate(TRANSLATION_CONTEXT, source) != korean}
    assert wrong == {}
