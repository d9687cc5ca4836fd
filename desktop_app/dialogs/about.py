"""Help ▸ About: the application's icon, name, version, environment and the third-party licences it ships."""

from __future__ import annotations

import json
import platform
from dataclasses import dataclass
from pathlib import Path

from PySide6 import __version__ as PYSIDE_VERSION
from PySide6.QtCore import QSize, Qt, qVersion
from PySide6.QtGui import QFont, QGuiApplication, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner import version
from planner.i18n import _
from planner.resources import resource_path

APPLICATION_ICON_NAME = "convergence-planner"
DESKTOP_FILE_NAME = "convergence-planner"  # the .desktop entry's name, so Wayland and GNOME match its icon
LICENCE_FOLDER = "licenses"
LICENCE_INDEX = "index.json"
COPYRIGHT_YEARS = "2026"
ICON_SIZE = 96
ICON_PNG_SIZES = (16, 32, 48, 64, 128, 256)  # resources/icons/icon-<size>.png (render_icons.py)
# Marks a widget whose text is names and data (component names, licence identifiers, paths, web addresses)
# rather than interface text: tests/desktop_app/test_untranslated.py checks only its headers and tooltips.
DATA_PROPERTY = "untranslated_data"


def application_icon() -> QIcon:
    """The window icon from the PNGs rendered at 16–256 px (no SVG plugin needed in the frozen app); the SVG
    when they are missing; an empty icon when both are."""
    icon = QIcon()
    folder = resource_path("icons")
    for size in ICON_PNG_SIZES:
        path = folder / f"icon-{size}.png"
        if path.is_file():
            icon.addFile(str(path), QSize(size, size))
    if icon.isNull() and (folder / f"{APPLICATION_ICON_NAME}.svg").is_file():
        icon.addFile(str(folder / f"{APPLICATION_ICON_NAME}.svg"))
    return icon


def apply_application_identity() -> None:
    """Give the running application its window icon and desktop-file name (nothing before it exists)."""
    if QGuiApplication.instance() is None:
        return
    QGuiApplication.setDesktopFileName(DESKTOP_FILE_NAME)
    QGuiApplication.setWindowIcon(application_icon())


@dataclass(frozen=True)
class LicenceRecord:
    """One third-party component of the application as resources/licenses/index.json describes it."""

    name: str
    version: str
    licence: str
    url: str
    file: str
    distribution: str = ""
    used_for: str = "runtime"
    required_by: str = ""
    source: str = ""
    replaceable: bool = False


class LicenceIndexError(Exception):
    """resources/licenses/index.json is missing or not what the application wrote."""


def licence_folder() -> Path:
    return resource_path(LICENCE_FOLDER)


def load_licence_index(folder: Path | None = None) -> list[LicenceRecord]:
    """The components listed in index.json, in its order; LicenceIndexError names what is wrong with it."""
    path = (folder or licence_folder()) / LICENCE_INDEX
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise LicenceIndexError(_("The list of third-party licences cannot be read ({path}): {reason}").format(
            path=path, reason=error)) from error
    fields = set(LicenceRecord.__dataclass_fields__)
    try:
        return [LicenceRecord(**{key: value for key, value in entry.items() if key in fields}) for entry in entries]
    except (TypeError, AttributeError) as error:
        raise LicenceIndexError(_("The list of third-party licences is damaged ({path}).").format(path=path)) from error


def read_licence_text(record: LicenceRecord, folder: Path | None = None) -> str:
    """The licence text shipped for a component, or a message saying that it is missing."""
    path = (folder or licence_folder()) / Path(record.file).name  # never outside the licence folder
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return _("The licence text of {name} cannot be read ({path}): {reason}").format(
            name=record.name, path=path, reason=error)


def licence_note(record: LicenceRecord) -> str:
    """What the user should know about a component besides its licence text."""
    lines = []
    if record.used_for == "font":
        lines.append(_("The typeface of Korean text on screen, in charts and in PDF reports."))
    if record.used_for == "team":
        lines.append(_("Needed only for team plans on a PostgreSQL server."))
    if record.required_by:
        lines.append(_("Included because {name} uses it.").format(name=record.required_by))
    if record.replaceable:
        lines.append(_("Used unmodified, as separate libraries that you may replace with compatible versions of "
                       "your own, under the GNU LGPL version 3."))
    if record.source:
        lines.append(_("Source code: {where}").format(where=record.source))
    if record.url:
        lines.append(_("Web site: {url}").format(url=record.url))
    return "\n".join(lines)


def _selectable(label: QLabel) -> QLabel:
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                  | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    return label


class AboutDialog(QDialog):
    """Two tabs: About (icon, name, version, description, copyright, versions, data folder) and Third-party
    licences (the components with their licence; the selected one's notes and full text)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.setWindowTitle(_("About Convergence Planner"))
        self.resize(900, 620)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._about_page(), _("About"))
        self.tabs.addTab(self._licences_page(), _("Third-party licences"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        if self.licence_list.topLevelItemCount():
            self.licence_list.setCurrentItem(self.licence_list.topLevelItem(0))

    # -- the About tab -----------------------------------------------------------------------------------

    def _about_page(self) -> QWidget:
        from planner.storage.working import data_dir

        page = QWidget()
        icon = QLabel()
        icon.setPixmap(application_icon().pixmap(ICON_SIZE, ICON_SIZE))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        name = QLabel(_("Convergence Planner"))
        title_font = QFont(name.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.6)
        title_font.setBold(True)
        name.setFont(title_font)
        self.version_label = _selectable(QLabel(_("Version {version}").format(version=version())))
        self.version_label.setObjectName("about_version")
        description = QLabel(_("Offline planning of AI-convergence work for local governments."))
        description.setWordWrap(True)
        copyright_line = QLabel(_("Copyright © {years} the Convergence Planner authors.").format(years=COPYRIGHT_YEARS))
        details = QFormLayout()
        details.addRow(_("Python version:"), _selectable(QLabel(platform.python_version())))
        details.addRow(_("Qt version:"), _selectable(QLabel(qVersion())))
        details.addRow(_("PySide6 version:"), _selectable(QLabel(PYSIDE_VERSION)))
        self.data_folder_label = _selectable(QLabel(str(data_dir())))
        self.data_folder_label.setObjectName("about_data_folder")
        self.data_folder_label.setWordWrap(True)
        self.data_folder_label.setProperty(DATA_PROPERTY, True)
        details.addRow(_("Data folder:"), self.data_folder_label)
        font_note = QLabel(_("Korean text uses the NanumGothic typeface by NAVER, under the SIL Open Font License 1.1."))
        font_note.setWordWrap(True)
        qt_note = QLabel(_("The Qt libraries and PySide6 are used unmodified under the GNU LGPL version 3. The licences "
                           "of every component are under Third-party licences."))
        qt_note.setWordWrap(True)

        text = QVBoxLayout()
        for widget in (name, self.version_label, description, copyright_line):
            text.addWidget(widget)
        text.addSpacing(12)
        text.addLayout(details)
        text.addSpacing(12)
        text.addWidget(font_note)
        text.addWidget(qt_note)
        text.addStretch(1)
        row = QHBoxLayout(page)
        row.addWidget(icon)
        row.addSpacing(16)
        row.addLayout(text, 1)
        return page

    # -- the licences tab --------------------------------------------------------------------------------

    def _licences_page(self) -> QWidget:
        page = QWidget()
        intro = QLabel(_("Convergence Planner includes these components. Select one to read its licence."))
        intro.setWordWrap(True)
        self.licence_list = QTreeWidget()
        self.licence_list.setObjectName("licence_list")
        self.licence_list.setAccessibleName(_("Third-party components"))
        self.licence_list.setRootIsDecorated(False)
        self.licence_list.setHeaderLabels([_("Component"), _("Version"), _("Licence")])
        self.licence_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for widget in (self.licence_list, self.licence_list.header()):  # the header view walks the same model
            widget.setProperty(DATA_PROPERTY, True)
        self.licence_note = _selectable(QLabel())
        self.licence_note.setObjectName("licence_note")
        self.licence_note.setWordWrap(True)
        self.licence_note.setProperty(DATA_PROPERTY, True)
        self.licence_text = QPlainTextEdit()
        self.licence_text.setObjectName("licence_text")
        self.licence_text.setAccessibleName(_("Licence text"))
        self.licence_text.setReadOnly(True)
        self.licence_text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.licence_text.setFont(QFont("monospace"))

        self.records: list[LicenceRecord] = []
        try:
            self.records = load_licence_index()
        except LicenceIndexError as error:
            self.licence_note.setText(str(error))
        for record in self.records:
            item = QTreeWidgetItem([record.name, record.version, record.licence])
            item.setData(0, Qt.ItemDataRole.UserRole, record)
            self.licence_list.addTopLevelItem(item)
        for column in range(2):
            self.licence_list.resizeColumnToContents(column)
        self.licence_list.currentItemChanged.connect(self._on_current_licence_changed)

        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.setContentsMargins(0, 0, 0, 0)
        details_layout.addWidget(self.licence_note)
        details_layout.addWidget(self.licence_text, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.licence_list)
        splitter.addWidget(details)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([380, 480])
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        return page

    def _on_current_licence_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        record = current.data(0, Qt.ItemDataRole.UserRole) if current is not None else None
        if not isinstance(record, LicenceRecord):
            self.licence_note.clear()
            self.licence_text.clear()
            return
        self.licence_note.setText(licence_note(record))
        self.licence_text.setPlainText(read_licence_text(record))
        self.licence_text.moveCursor(self.licence_text.textCursor().MoveOperation.Start)

    def select_licence(self, name: str) -> bool:
        """Select the component called `name` (as listed); False if there is none."""
        for index in range(self.licence_list.topLevelItemCount()):
            item = self.licence_list.topLevelItem(index)
            if item.text(0) == name:
                self.licence_list.setCurrentItem(item)
                return True
        return False


def show_about_dialog(parent: QWidget | None) -> AboutDialog:
    """Open the About dialog (window-modal, deleted when closed) and return it."""
    dialog = AboutDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
