"""In Korean, every window, view, menu, action, tooltip, header and dialog of the app shows no English text."""

from __future__ import annotations

import html
import importlib
import inspect
import json
import pkgutil
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, QLocale, QModelIndex, Qt
from PySide6.QtGui import QAction, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QGraphicsView,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

import desktop_app
from desktop_app.i18n_qt import install_translations, remove_translations
from desktop_app.view_specs import VIEW_NAMES

ROOT = Path(__file__).resolve().parents[2]
TAG = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9]*|/[a-zA-Z][a-zA-Z0-9]*|!--)[^>]*>")
ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")
# Names, units, codes and abbreviations that stay in Latin letters in a Korean interface.
ALLOWED_WORDS = frozenset(word.lower() for word in (
    "Convergence", "Planner", "cplan",  # the app's and its files' name
    "English",  # the language named in itself in the language choice
    "Ctrl", "Shift", "Alt", "Del", "Esc", "Tab", "PgUp", "PgDown", "Home", "End", "Meta", "Up", "Down", "Left",
    "Right", "Space", "Enter",  # shortcut keys
    "KPI", "KPIs", "RACI", "PDF", "ISP", "KRW", "PNG", "CSV", "JSON", "YAML", "ICT", "IoT", "SaaS", "API",
    "GIS", "CCTV", "DRAFT", "NanumGothic", "Okabe", "Ito", "px", "pt", "DPI",
    "Python", "PySide", "GNU", "LGPL", "SIL",  # the software and licences named in the About dialog
    "FS", "SS", "FF", "SF",  # dependency type codes
    "Enter", "Delete", "Space", "Backspace",  # keys named in hints
    "KISA", "NIA", "SWOT", "ISMP",  # Korean institutions' and methods' own abbreviations
    "Excel", "Microsoft", "Project", "ProjectLibre", "GanttProject", "TaskJuggler", "Gephi", "yEd", "GraphML",
    "XML", "iCalendar",  # other tools and formats, by their own names
    "xlsx", "xml", "gan", "graphml", "ics", "tjp", "csv", "json",  # file suffixes
))
CODE = re.compile(r"\b[a-z0-9]+(?:[-_][a-z0-9]+)+\b")  # identifiers shown as codes: kr-master-plan
DATA_NAMES = ("Tallinn Digital Partners OÜ",)  # a foreign partner's own name in the demo plan
MAX_ROWS = 40  # rows of each item model looked at (the labels repeat after a few)
# A widget showing names and data rather than interface text (the About dialog's component list, paths, web
# addresses) sets this property; only its headers, tooltips and accessible names are checked.
DATA_PROPERTY = "untranslated_data"


def _catalogue() -> dict[str, str]:
    return json.loads((ROOT / "resources" / "i18n" / "ko.json").read_text("utf-8"))


def _plain(text: str) -> str:
    """Rich text as the user reads it; accelerator ampersands dropped."""
    if TAG.search(text):
        document = QTextDocument()
        document.setHtml(text)
        text = document.toPlainText()
    return html.unescape(text).replace("&&", "\x00").replace("&", "").replace("\x00", "&")


class Collector:
    """Every text found, with where it was found; untranslated() lists the ones still in English."""

    def __init__(self) -> None:
        self.texts: dict[str, str] = {}
        catalogue = _catalogue()
        self.english_sources = {_plain(source) for source, korean in catalogue.items()
                                if self.english_words(_plain(source)) and _plain(korean) != _plain(source)}

    def add(self, where: str, text: object) -> None:
        if isinstance(text, str) and text.strip():
            self.texts.setdefault(text, where)

    @staticmethod
    def english_words(text: str) -> list[str]:
        """The English words of a text, leaving out allowed names, codes and the demo plan's foreign names."""
        scanned = CODE.sub(" ", text)
        for name in DATA_NAMES:
            scanned = scanned.replace(name, " ")
        return [word for word in ENGLISH_WORD.findall(scanned) if word.lower() not in ALLOWED_WORDS]

    def untranslated(self) -> list[str]:
        found = []
        for text, where in sorted(self.texts.items(), key=lambda item: item[1]):
            plain = _plain(text)
            if plain.strip() in self.english_sources or self.english_words(plain):
                found.append(f"{where}: {plain[:120]!r}")
        return found

    # -- walking ---------------------------------------------------------------------------------------

    def widget(self, widget: QWidget, where: str) -> None:
        name = f"{where}/{type(widget).__name__}:{widget.objectName()}"
        for getter in ("windowTitle", "toolTip", "statusTip", "whatsThis", "accessibleName", "accessibleDescription"):
            self.add(f"{name}.{getter}", getattr(widget, getter)())
        if widget.property(DATA_PROPERTY):
            if isinstance(widget, QAbstractItemView) and widget.model() is not None:
                self.model(widget.model(), name, headers_only=True)
            return
        if isinstance(widget, (QLabel, QAbstractButton)):
            self.add(f"{name}.text", widget.text())
        if isinstance(widget, (QLineEdit, QTextEdit, QPlainTextEdit)):
            self.add(f"{name}.placeholderText", widget.placeholderText())
        if isinstance(widget, QGroupBox):
            self.add(f"{name}.title", widget.title())
        if isinstance(widget, QMenu):
            self.add(f"{name}.title", widget.title())
        if isinstance(widget, QTabBar):
            for index in range(widget.count()):
                self.add(f"{name}.tab{index}", widget.tabText(index))
                self.add(f"{name}.tab{index}.toolTip", widget.tabToolTip(index))
        if isinstance(widget, QComboBox):
            for index in range(widget.count()):
                self.add(f"{name}.item{index}", widget.itemText(index))
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            self.model(widget.model(), name)
        if isinstance(widget, QGraphicsView) and widget.scene() is not None:
            for item in widget.scene().items():
                self.add(f"{name}.scene.toolTip", item.toolTip())
                if isinstance(item, QGraphicsSimpleTextItem):
                    self.add(f"{name}.scene.text", item.text())
                elif isinstance(item, QGraphicsTextItem):
                    self.add(f"{name}.scene.text", item.toPlainText())
        for action in widget.actions():
            self.action(action, name)

    def action(self, action: QAction, where: str) -> None:
        name = f"{where}/action:{action.objectName() or action.text()}"
        for getter in ("text", "iconText", "toolTip", "statusTip", "whatsThis"):
            self.add(f"{name}.{getter}", getattr(action, getter)())
        if action.menu() is not None:
            self.widget(action.menu(), name)

    def model(self, model: QAbstractItemModel, where: str, *, headers_only: bool = False) -> None:
        roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)

        def columns(parent: QModelIndex) -> int:
            try:
                return model.columnCount(parent)
            except TypeError:  # a list model, whose columnCount is private in C++
                return 1

        for column in range(columns(QModelIndex())):
            for role in roles:
                self.add(f"{where}.header{column}", model.headerData(column, Qt.Orientation.Horizontal, role))
        if headers_only:
            return

        def rows(parent: QModelIndex, depth: int) -> None:
            for row in range(min(model.rowCount(parent), MAX_ROWS)):
                for column in range(columns(parent)):
                    index = model.index(row, column, parent)
                    for role in roles:
                        self.add(f"{where}.cell({row},{column})", model.data(index, role))
                first = model.index(row, 0, parent)
                if depth < 3 and first.isValid() and model.rowCount(first) > 0:
                    rows(first, depth + 1)

        rows(QModelIndex(), 0)

    def tree(self, top: QWidget, where: str) -> None:
        self.widget(top, where)
        for child in top.findChildren(QWidget):
            self.widget(child, where)
        for action in top.findChildren(QAction):
            self.action(action, where)


def _settle(qtbot: Any) -> None:
    for _round in range(5):
        QApplication.processEvents()
    qtbot.wait(50)
    QApplication.processEvents()


@pytest.fixture
def korean_interface(qapp: QApplication) -> Iterator[None]:
    """The interface in Korean through Qt's translators, as the app starts with --lang ko."""
    locale = QLocale()
    loaded = install_translations("ko")
    assert loaded == ["qtbase_ko", "convergence_planner_ko"]
    yield
    remove_translations()
    install_translations("en")
    QLocale.setDefault(locale)


# -- the dialogs --------------------------------------------------------------------------------------


def _dialog_classes() -> list[type[QDialog]]:
    """Every QDialog subclass defined in the desktop_app package."""
    for module in pkgutil.walk_packages(desktop_app.__path__, "desktop_app."):
        if module.name != "desktop_app.__main__":
            importlib.import_module(module.name)
    found: dict[str, type[QDialog]] = {}
    pending: list[type] = [QDialog]
    while pending:
        for subclass in pending.pop().__subclasses__():
            pending.append(subclass)
            if subclass.__module__.startswith("desktop_app."):
                found[f"{subclass.__module__}.{subclass.__qualname__}"] = subclass
    return [found[name] for name in sorted(found)]


def _check_report() -> Any:
    from planner.guidelines.findings import CheckReport, Finding

    return CheckReport("kr-master-plan", "ko", (Finding("lead:1", "lead", "error", "주관 부서가 없음", "initiative",
                                                        "1", "A-01 AI 돌봄 로봇"),))


def _first_initiative(window: Any) -> tuple[str, str]:
    """The id and "code title" of the demo plan's first initiative."""
    from sqlalchemy import select

    from planner.model.initiatives import Initiative

    def first(session: Any) -> tuple[str, str]:
        initiative = session.scalars(select(Initiative).order_by(Initiative.code)).first()
        return str(initiative.id), f"{initiative.code} {initiative.title}"

    return window.controller.read(first)


def _spotlight_targets(window: Any) -> list[Any]:
    """What the spotlight offers on the demo's roadmap slide."""
    from planner.presentation import build_deck, spotlight_targets

    deck = window.controller.read(lambda session: build_deck(session))
    return list(spotlight_targets(deck.pages[1]))


def _stale_edit() -> Any:
    """A stale edit of the title and start of one initiative, as the team plan reports it."""
    from datetime import UTC, datetime

    from planner.team.session import StaleEditError

    return StaleEditError("initiative", "1", "A-01 AI 돌봄 로봇", "김민수", datetime(2027, 3, 5, 1, 0, tzinfo=UTC),
                          ["title", "start_month"], theirs={"title": "AI 돌봄 로봇 확대", "start_month": "2027-04"},
                          mine={"title": "AI 돌봄 로봇 시범", "start_month": "2027-06"})


def _arguments(dialog: type[QDialog], window: Any) -> dict[str, Any] | None:
    """Keyword arguments for a dialog's constructor by parameter name; None when one cannot be supplied."""
    from planner.storage.working import WorkingCopyInfo

    known: dict[str, Callable[[], Any]] = {
        "controller": lambda: window.controller,
        "parent": lambda: window,
        "parent_widget": lambda: window,
        "copies": lambda: [WorkingCopyInfo(Path("/tmp/x.cplan"), None, "해담군 계획", 1, "host",
                                           "2027-03-05T10:00:00+09:00", "2027-03-05T10:00:00+09:00", True)],
        "report": _check_report,
        "profile_name": lambda: "지역 AI 융합 기본계획",
        "target_kind": lambda: "initiative",
        "target_id": lambda: _first_initiative(window)[0],
        "target_name": lambda: _first_initiative(window)[1],
        "slide_count": lambda: 15,
        "targets": lambda: _spotlight_targets(window),
        "other": lambda: Path("/없는 폴더/없는 계획.cplan"),  # the merge dialog: a file that is not there
        "error": _stale_edit,  # the team plan's merge of a stale edit
    }
    arguments: dict[str, Any] = {}
    for name, parameter in inspect.signature(dialog.__init__).parameters.items():
        if name == "self" or parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            continue
        if name in known:
            arguments[name] = known[name]()
        elif parameter.default is inspect.Parameter.empty:
            return None
    return arguments


# -- the tests ----------------------------------------------------------------------------------------


def test_the_main_window_and_every_view_speak_korean(korean_interface: None, make_window: Callable[..., Any],
                                                    qtbot: Any) -> None:
    window = make_window("--demo")
    window.resize(1400, 900)
    collector = Collector()
    for name in VIEW_NAMES:
        window.select_view(name)
        _settle(qtbot)
        collector.tree(window, f"view {name}")
    assert len(collector.texts) > 500  # the walk reached the views' tables, scenes and editors
    assert "저장(&S)" in collector.texts and "&Save" not in collector.texts
    for action in window.menuBar().actions():
        collector.action(action, "menu bar")
    untranslated = collector.untranslated()
    assert not untranslated, "\n".join(untranslated)


def test_every_dialog_speaks_korean(korean_interface: None, make_window: Callable[..., Any], qtbot: Any) -> None:
    window = make_window("--demo")
    collector = Collector()
    not_built = []
    classes = _dialog_classes()
    assert any(cls.__name__ == "SettingsDialog" for cls in classes)
    for dialog_class in classes:
        arguments = _arguments(dialog_class, window)
        if arguments is None:
            not_built.append(f"{dialog_class.__module__}.{dialog_class.__qualname__}")
            continue
        dialog = dialog_class(**arguments)
        qtbot.addWidget(dialog)
        dialog.show()
        _settle(qtbot)
        collector.tree(dialog, dialog_class.__name__)
        dialog.reject()
    assert not_built == [], "give these dialogs' constructor arguments in _arguments()"
    untranslated = collector.untranslated()
    assert not untranslated, "\n".join(untranslated)


def test_the_walker_catches_english_left_in_a_korean_window(korean_interface: None, qtbot: Any) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    QLabel("&Save", widget)
    QLabel("A-01 · Ctrl+S · KPI 3건", widget).setToolTip("Budget overview")
    collector = Collector()
    collector.tree(widget, "test")
    assert [line.split(": ", 1)[1] for line in collector.untranslated()] == ["'Save'", "'Budget overview'"]
