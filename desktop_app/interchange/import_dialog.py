"""File ▸ Import: read a file off the GUI thread, map a table's columns with a preview, check, import as one undo."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.interchange.column_mapping_model import (
    ColumnMappingModel,
    FieldChoiceDelegate,
    TextTableModel,
    column_header,
    problem_headers,
    problem_rows,
)
from desktop_app.interchange.import_job import (
    PREVIEW_ROWS,
    CheckResult,
    ReadResult,
    SheetChoice,
    check_tabular,
    import_label,
    read_import,
)
from desktop_app.interchange.snapshot_job import SnapshotJob
from desktop_app.plan_controller import PlanController
from desktop_app.widgets.accessibility import chain_focus
from planner.commands.rows import KIND_LABELS
from planner.errors import PlannerError
from planner.i18n import _, format_number
from planner.interchange.formats import IMPORT_FORMATS, SAVE_AS_HINTS, ImportFormat, import_format_for
from planner.interchange.report import ImportProblem, ImportReport

if TYPE_CHECKING:
    from planner.interchange.tabular import SheetData, TableSpec

WARNING_STYLE = "color: #8a5300;"
ERROR_STYLE = "color: #b3261e;"
LAST_FOLDER_KEY = "import/last_folder"
REPORT_LINE_LIMIT = 1_000_000  # "Save report" writes every problem kept

# Pages of the dialog.
CHOOSE, BUSY, MAPPING, RESULT = range(4)


# -- the file dialog -----------------------------------------------------------------------------------------


def import_file_filters() -> list[str]:
    """Filters for the open dialog, from the registry: every supported file, one per format, then any file."""
    patterns = sorted({f"*{suffix}" for spec in IMPORT_FORMATS.values() for suffix in spec.suffixes})
    filters = [_("All supported files ({patterns})").format(patterns=" ".join(patterns))]
    for spec in IMPORT_FORMATS.values():
        wildcards = " ".join(f"*{suffix}" for suffix in spec.suffixes)
        filters.append(f"{capitalised(_(spec.description))} ({wildcards})")
    filters.append(_("All files (*)"))
    return filters


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def last_import_folder() -> str:
    from desktop_app.settings import remembered_folder

    return remembered_folder(LAST_FOLDER_KEY)


def remember_import_folder(folder: Path) -> None:
    from desktop_app.settings import remember_folder

    remember_folder(LAST_FOLDER_KEY, folder)


def ask_import_path(parent: QWidget | None, directory: str) -> Path | None:
    """The file the user chooses to import, or None. (Tests replace this helper.)"""
    path, _selected = QFileDialog.getOpenFileName(parent, _("Import"), directory, ";;".join(import_file_filters()))
    return Path(path) if path else None


def ask_report_path(parent: QWidget | None, suggested: str) -> Path | None:
    """Where to save the problem report as text, or None. (Tests replace this helper.)"""
    path, _selected = QFileDialog.getSaveFileName(parent, _("Save Report"), suggested,
                                                  f"{_('Text files (*.txt)')};;{_('All files (*)')}")
    return Path(path) if path else None


def format_unknown_message(path: Path) -> str:
    hint = SAVE_AS_HINTS.get(path.suffix.lower())
    if hint is not None:  # a file people often have: say how to get one the app reads
        return f"{path.name}: {_(hint)}"
    formats = ", ".join(f"{', '.join(spec.suffixes)} ({_(spec.description)})" for spec in IMPORT_FORMATS.values())
    return _("{file}: '{suffix}' files cannot be imported; the app reads {formats}.").format(
        file=path.name, suffix=path.suffix or path.name, formats=formats)


# -- texts ----------------------------------------------------------------------------------------------------


def kind_label(kind: str) -> str:
    return _(KIND_LABELS.get(kind, kind))


def summary_lines(result: CheckResult) -> list[str]:
    """What an accepted import will do, one line per kind of row."""
    lines = []
    for kind, (added, updated) in result.added_updated.items():
        if added and updated:
            text = _("{kind}: adds {added}, updates {updated}")
        elif updated:
            text = _("{kind}: updates {updated}")
        else:
            text = _("{kind}: adds {added}")
        lines.append(text.format(kind=kind_label(kind), added=format_number(added), updated=format_number(updated)))
    return lines


def replace_lines(result: CheckResult) -> list[str]:
    """For a whole plan: the rows of each kind in the file and in the open plan now."""
    kinds = sorted(set(result.file_rows) | set(result.plan_rows),
                   key=lambda kind: (-result.file_rows.get(kind, 0), kind))
    return [_("{kind}: {file_rows} in the file, {plan_rows} in the plan now").format(
        kind=kind_label(kind), file_rows=format_number(result.file_rows.get(kind, 0)),
        plan_rows=format_number(result.plan_rows.get(kind, 0))) for kind in kinds]


def year_fields(kind: str | None, headers: list[str]) -> dict[str, str]:
    """The fields a KPI sheet's headers make up ("2028 목표" → target_2028), with their labels."""
    if kind != "kpis":
        return {}
    from planner.interchange.tabular.tables import kpi_year_field

    fields: dict[str, str] = {}
    for header in headers:
        name = kpi_year_field(header) if header else None
        if name is not None:
            word, year = name.split("_", 1)
            fields[name] = (_("Target {year}") if word == "target" else _("Actual {year}")).format(year=year)
    return fields


def preview_row_numbers(sheet: SheetData, count: int) -> list[str]:
    """The spreadsheet row numbers of the first `count` rows that are not empty (the rows the preview shows)."""
    from planner.interchange.tabular.cell_values import blank

    numbers: list[str] = []
    for index, row in enumerate(sheet.rows):
        if len(numbers) >= count:
            break
        if not all(blank(value) for value in row):
            numbers.append(str(sheet.first_row_number + index))
    return numbers


def report_text(source: Path, report: ImportReport) -> str:
    """The problems as a text file: a heading line, then one line per problem."""
    heading = _("{file}: not imported, {count} problem(s) found; the plan is unchanged.").format(
        file=source.name, count=report.problem_count)
    return "\n".join([heading, "", *report.lines(REPORT_LINE_LIMIT)]) + "\n"


def _table_view(name: str, accessible: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setAccessibleName(accessible)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.horizontalHeader().setHighlightSections(False)
    return view


def _caption(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(buddy)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


# -- the dialog -----------------------------------------------------------------------------------------------


class ImportDialog(QDialog):
    """Import a file into the open plan. A table (CSV, XLSX) goes through a mapping step: for each sheet the
    table it is read as, each column's field, a preview of the first rows. Check reads the rows against the
    plan in the background; the result is a summary, a replace warning, or every problem in a table. Import
    (only without problems) executes one command: one undo step. Cancel at any point leaves the plan as it was.

    For tests: `job` is the running background job (wait() on it), `check_result` the last CheckResult."""

    def __init__(self, controller: PlanController, parent: QWidget | None = None, path: Path | str | None = None,
                 format_name: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import_dialog")
        self.controller = controller
        self.source: Path | None = None
        self.spec: ImportFormat | None = None
        self.job: SnapshotJob | None = None
        self.read_result: ReadResult | None = None
        self.choices: list[SheetChoice] = []
        self.check_result: CheckResult | None = None
        self.imported_message = ""
        self._current_sheet = -1
        self._filling = False
        self.choose_report_path: Callable[[QWidget | None, str], Path | None] = ask_report_path
        self.choose_source: Callable[[QWidget | None, str], Path | None] = ask_import_path
        self.setWindowTitle(_("Import"))
        self._build()
        self._fit_to_screen()
        if path is not None:
            self.load(Path(path), format_name)
        else:
            self._show_page(CHOOSE)

    # -- construction -----------------------------------------------------------------------------------

    def _build(self) -> None:
        self.source_label = QLabel()
        self.source_label.setObjectName("import_source_label")
        self.source_label.setWordWrap(True)
        self.source_label.setTextFormat(Qt.TextFormat.PlainText)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_choose_page())
        self.pages.addWidget(self._build_busy_page())
        self.pages.addWidget(self._build_mapping_page())
        self.pages.addWidget(self._build_result_page())

        self.back_button = QPushButton(_("< &Back"))
        self.back_button.setObjectName("import_back_button")
        self.check_button = QPushButton(_("C&heck"))
        self.check_button.setObjectName("import_check_button")
        self.check_button.setToolTip(_("Read every row against the plan and list what is wrong; nothing changes yet"))
        self.import_button = QPushButton(_("&Import"))
        self.import_button.setObjectName("import_button")
        self.import_button.setToolTip(_("Import the checked rows as one change (Edit ▸ Undo takes it back)"))
        self.cancel_button = QPushButton(_("Cancel"))
        self.cancel_button.setObjectName("import_cancel_button")
        buttons = QHBoxLayout()  # wizard order on every platform: Back on the left, then Check, Import, Cancel
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        for button in (self.check_button, self.import_button, self.cancel_button):
            buttons.addWidget(button)
        self.back_button.clicked.connect(self.go_back)
        self.check_button.clicked.connect(self.check)
        self.import_button.clicked.connect(self.import_now)
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.source_label)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        chain_focus(self.sheet_table, self.kind_combo, self.mapping_view, self.preview_view)

    def _build_choose_page(self) -> QWidget:
        page = QWidget()
        formats = "\n".join(f"• {capitalised(_(spec.description))}" for spec in IMPORT_FORMATS.values())
        text = QLabel(_("Choose a file to import. These can be read:") + "\n" + formats)
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setWordWrap(True)
        self.choose_button = QPushButton(_("Choose &File…"))
        self.choose_button.setObjectName("import_choose_button")
        self.choose_button.clicked.connect(self.choose_file)
        layout = QVBoxLayout(page)
        layout.addWidget(text)
        row = QHBoxLayout()
        row.addWidget(self.choose_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    def _build_busy_page(self) -> QWidget:
        page = QWidget()
        self.busy_label = QLabel()
        self.busy_label.setObjectName("import_busy_label")
        self.busy_label.setWordWrap(True)
        self.busy_bar = QProgressBar()
        self.busy_bar.setObjectName("import_busy_bar")
        self.busy_bar.setRange(0, 0)  # busy: no measure of how far it is
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setAccessibleName(_("Working"))
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.busy_label)
        layout.addWidget(self.busy_bar)
        layout.addStretch(2)
        return page

    def _build_mapping_page(self) -> QWidget:
        page = QWidget()
        self.sheet_table = QTableWidget(0, 3)
        self.sheet_table.setObjectName("import_sheet_table")
        self.sheet_table.setAccessibleName(_("Sheets in the file"))
        self.sheet_table.setHorizontalHeaderLabels([_("Sheet"), _("Rows"), _("Import as")])
        self.sheet_table.verticalHeader().hide()
        self.sheet_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.sheet_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.sheet_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.sheet_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.sheet_table.currentCellChanged.connect(lambda row, *_rest: self._show_sheet(row))
        self.sheet_caption = _caption(_("&Sheets in the file:"), self.sheet_table)

        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("import_kind_combo")
        self.kind_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.kind_combo.currentIndexChanged.connect(self._on_kind_combo_changed)
        kind_row = QFormLayout()
        kind_row.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.kind_caption = QLabel(_("&Rows are:"))
        self.kind_caption.setBuddy(self.kind_combo)
        kind_row.addRow(self.kind_caption, self.kind_combo)

        self.mapping_model = ColumnMappingModel(self)
        self.mapping_model.mapping_changed.connect(self._on_mapping_changed)
        self.mapping_view = _table_view("import_mapping_view", _("Columns of the file and the fields they are read as"))
        self.mapping_view.setModel(self.mapping_model)
        self.mapping_view.setItemDelegateForColumn(1, FieldChoiceDelegate(self.mapping_model, self.mapping_view))
        triggers = QAbstractItemView.EditTrigger
        self.mapping_view.setEditTriggers(triggers.DoubleClicked | triggers.SelectedClicked | triggers.EditKeyPressed)
        self.mapping_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.mapping_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.mapping_view.verticalHeader().hide()
        mapping_header = self.mapping_view.horizontalHeader()
        mapping_header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        mapping_header.setStretchLastSection(True)
        self.mapping_caption = _caption(_("&Columns (double-click or press F2 to choose the field; * required):"),
                                        self.mapping_view)
        self.missing_label = QLabel()
        self.missing_label.setObjectName("import_missing_label")
        self.missing_label.setWordWrap(True)
        self.missing_label.setStyleSheet(WARNING_STYLE)

        self.preview_model = TextTableModel(parent=self)
        self.preview_view = _table_view("import_preview_view", _("Preview of the first rows as they will be read"))
        self.preview_view.setModel(self.preview_model)
        self.preview_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.preview_caption = _caption(_("Pre&view (the first {count} rows as they will be read):").format(
            count=PREVIEW_ROWS), self.preview_view)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.sheet_caption)
        top_layout.addWidget(self.sheet_table)
        top_layout.addLayout(kind_row)
        top_layout.addWidget(self.mapping_caption)
        top_layout.addWidget(self.mapping_view, 1)
        top_layout.addWidget(self.missing_label)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.preview_caption)
        bottom_layout.addWidget(self.preview_view, 1)
        splitter = self.mapping_splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("import_mapping_splitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        return page

    def _build_result_page(self) -> QWidget:
        page = QWidget()
        self.result_label = QLabel()
        self.result_label.setObjectName("import_result_label")
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.problem_model = TextTableModel(problem_headers(), self)
        self.problem_view = _table_view("import_problem_view", _("Problems found in the file"))
        self.problem_view.setModel(self.problem_model)
        self.problem_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problem_view.setSortingEnabled(True)
        self.problem_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # by place: row 2 before row 10
        self.problem_view.setWordWrap(False)
        problem_header = self.problem_view.horizontalHeader()
        problem_header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        problem_header.setStretchLastSection(True)
        self.problem_view.verticalHeader().hide()
        self.problem_detail = QLabel()
        self.problem_detail.setObjectName("import_problem_detail")
        self.problem_detail.setWordWrap(True)
        self.problem_detail.setTextFormat(Qt.TextFormat.PlainText)
        self.problem_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem_view.selectionModel().currentRowChanged.connect(self._on_problem_row_changed)
        self.copy_button = QPushButton(_("C&opy Problems"))
        self.copy_button.setObjectName("import_copy_button")
        self.copy_button.setToolTip(_("Copy every problem to the clipboard, one per line (paste into a spreadsheet)"))
        self.copy_button.clicked.connect(self.copy_problems)
        self.save_report_button = QPushButton(_("Sa&ve Report…"))
        self.save_report_button.setObjectName("import_save_report_button")
        self.save_report_button.clicked.connect(self.save_report)
        copy_shortcut = QShortcut(QKeySequence.StandardKey.Copy, self.problem_view)
        copy_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        copy_shortcut.activated.connect(self.copy_problems)
        self.problem_buttons = QWidget()
        row = QHBoxLayout(self.problem_buttons)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.copy_button)
        row.addWidget(self.save_report_button)
        row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.result_label)
        layout.addWidget(self.problem_view, 1)
        layout.addWidget(self.problem_detail)
        layout.addWidget(self.problem_buttons)
        self.result_stretch = QWidget()
        layout.addWidget(self.result_stretch, 1)
        return page

    def _fit_to_screen(self) -> None:
        metrics = self.fontMetrics()
        width, height = metrics.height() * 66, metrics.height() * 44
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            available = screen.availableGeometry()
            width, height = min(width, int(available.width() * 0.9)), min(height, int(available.height() * 0.9))
        self.resize(width, height)

    # -- state ------------------------------------------------------------------------------------------

    def _show_page(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        tabular = self.spec is not None and self.spec.tabular
        self.back_button.setVisible(page == RESULT and tabular and bool(self.choices))
        self.check_button.setVisible(page == MAPPING or (page == BUSY and tabular))
        self.check_button.setEnabled(page == MAPPING and any(choice.kind for choice in self.choices))
        self.import_button.setEnabled(page == RESULT and self.check_result is not None and self.check_result.ok)
        self.import_button.setVisible(page != CHOOSE)
        if page == MAPPING:
            self.check_button.setDefault(True)
        elif page == RESULT and self.import_button.isEnabled():
            self.import_button.setDefault(True)
        if page == CHOOSE:
            self.choose_button.setFocus()

    @property
    def busy(self) -> bool:
        return self.job is not None and self.job.running

    def _start(self, work: Callable[[Any], Any], on_done: Callable[[Any], None], text: str) -> None:
        if self.job is not None:
            self.job.cancel()  # a new file or a new check: the answer to the old question is not wanted
        self.busy_label.setText(text)
        self._show_page(BUSY)
        job = SnapshotJob(self.controller, work, self)
        job.finished.connect(on_done)
        job.failed.connect(self._on_job_failed)
        self.job = job
        job.start()

    def _on_job_failed(self, message: str) -> None:
        report = ImportReport()
        report.add(_("the file"), "", message)
        self._show_result(CheckResult(None, report))

    # -- reading ----------------------------------------------------------------------------------------

    def choose_file(self) -> None:
        folder = last_import_folder()
        if not folder and self.controller.document.path is not None:
            folder = str(self.controller.document.path.parent)
        path = self.choose_source(self, folder)
        if path is not None:
            self.load(path)

    def load(self, path: Path, format_name: str | None = None) -> None:
        """Read `path` in the background (the dialog shows it is busy and Cancel works)."""
        path = Path(path)
        self.source = path
        self.spec = import_format_for(path, format_name)
        self.read_result, self.check_result, self.choices = None, None, []
        self.setWindowTitle(_("Import {file}").format(file=path.name))
        if self.spec is None:
            report = ImportReport()
            report.add(_("the file"), "", format_unknown_message(path))
            self.source_label.setText(path.name)
            self._show_result(CheckResult(None, report))
            return
        self.source_label.setText(_("{file} — {format}").format(file=path.name, format=_(self.spec.description)))
        spec = self.spec
        self._start(lambda session: read_import(session, path, spec), self._on_read,
                    _("Reading {file}…").format(file=path.name))

    def _on_read(self, read: ReadResult) -> None:
        self.read_result = read
        if read.checked is not None:
            self._show_result(read.checked)
            return
        self.choices = [SheetChoice(choice.sheet, choice.kind, dict(choice.columns)) for choice in read.guessed]
        self._show_page(MAPPING)
        self._fill_sheets()
        self.mapping_view.setFocus()

    # -- the mapping step -------------------------------------------------------------------------------

    def _table_kinds(self) -> dict[str, TableSpec]:
        from planner.interchange.tabular import TABLE_KINDS

        return TABLE_KINDS

    def _fill_sheets(self) -> None:
        self._filling = True
        try:
            kinds = self._table_kinds()
            self.kind_combo.clear()
            for kind, spec in kinds.items():
                self.kind_combo.addItem(_(spec.label), kind)
            if len(self.choices) > 1:
                self.kind_combo.addItem(_("— skip this sheet —"), None)
            self.sheet_table.setRowCount(len(self.choices))
            for row, choice in enumerate(self.choices):
                name = QTableWidgetItem(choice.sheet.name or (self.source.name if self.source else ""))
                count = QTableWidgetItem(format_number(len(choice.sheet.rows)))
                count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.sheet_table.setItem(row, 0, name)
                self.sheet_table.setItem(row, 1, count)
                self.sheet_table.setItem(row, 2, QTableWidgetItem(self._choice_label(choice)))
            several = len(self.choices) > 1
            self.sheet_table.setVisible(several)
            self.sheet_caption.setVisible(several)
            rows_height = self.sheet_table.verticalHeader().defaultSectionSize() * min(len(self.choices), 5)
            self.sheet_table.setMaximumHeight(rows_height + self.sheet_table.horizontalHeader().sizeHint().height() + 6)
        finally:
            self._filling = False
        first = next((row for row, choice in enumerate(self.choices) if choice.kind), 0)
        self._current_sheet = -1
        self.sheet_table.setCurrentCell(first, 0)
        self._show_sheet(first)

    def _choice_label(self, choice: SheetChoice) -> str:
        if choice.kind is None:
            return _("— skip this sheet —")
        spec = self._table_kinds().get(choice.kind)
        return _(spec.label) if spec is not None else choice.kind

    def _show_sheet(self, row: int) -> None:
        if self._filling or not 0 <= row < len(self.choices) or row == self._current_sheet:
            return
        self._current_sheet = row
        choice = self.choices[row]
        self._filling = True
        try:
            self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(choice.kind), 0))
        finally:
            self._filling = False
        self._show_mapping()

    def _show_mapping(self) -> None:
        choice = self.current_choice()
        if choice is None:
            return
        spec = self._table_kinds().get(choice.kind) if choice.kind else None
        self.mapping_model.set_sheet(choice.sheet, spec, choice.columns, year_fields(choice.kind, choice.sheet.headers))
        self.mapping_view.setEnabled(spec is not None)
        self._size_mapping_columns()
        self._update_preview()
        self._share_height()

    def _share_height(self) -> None:
        """The mapping as tall as its rows need (at most about half), the preview the rest."""
        total = sum(self.mapping_splitter.sizes())
        if total <= 0:
            return
        rows = self.mapping_model.rowCount()
        row_height = self.mapping_view.verticalHeader().defaultSectionSize()
        chrome = self.mapping_view.horizontalHeader().sizeHint().height() + 8
        above = sum(widget.sizeHint().height() + 6 for widget in (self.sheet_caption, self.sheet_table,
                                                                   self.kind_combo, self.mapping_caption)
                    if not widget.isHidden())
        wanted = above + chrome + row_height * max(rows, 3) + self.missing_label.sizeHint().height()
        top = min(wanted, int(total * 0.55))
        self.mapping_splitter.setSizes([top, total - top])

    def _size_mapping_columns(self) -> None:
        metrics = self.mapping_view.fontMetrics()
        view = self.mapping_view
        view.resizeColumnToContents(0)
        view.setColumnWidth(0, min(max(view.columnWidth(0), metrics.averageCharWidth() * 16),
                                   metrics.averageCharWidth() * 40))
        widest = max((metrics.horizontalAdvance(label) for label, _name in self.mapping_model.field_choices()),
                     default=0)
        view.setColumnWidth(1, widest + metrics.averageCharWidth() * 8)

    def current_choice(self) -> SheetChoice | None:
        return self.choices[self._current_sheet] if 0 <= self._current_sheet < len(self.choices) else None

    def _on_kind_combo_changed(self, _number: int) -> None:
        if self._filling:
            return
        self.set_kind(self.kind_combo.currentData())

    def set_kind(self, kind: str | None) -> None:
        """Read the current sheet as another table (its columns guessed afresh), or skip it (None)."""
        from planner.interchange.tabular import guess_columns

        choice = self.current_choice()
        if choice is None or choice.kind == kind:
            return
        choice.kind = kind
        choice.columns = dict(guess_columns(kind, choice.sheet.headers)) if kind else {}
        number = self.kind_combo.findData(kind)
        if number >= 0 and self.kind_combo.currentIndex() != number:
            self._filling = True
            self.kind_combo.setCurrentIndex(number)
            self._filling = False
        item = self.sheet_table.item(self._current_sheet, 2)
        if item is not None:
            item.setText(self._choice_label(choice))
        self._show_mapping()
        self._show_page(MAPPING)

    def _on_mapping_changed(self) -> None:
        choice = self.current_choice()
        if choice is not None:
            choice.columns = self.mapping_model.columns()
        self._update_preview()

    def _update_preview(self) -> None:
        from planner.interchange.tabular import preview_rows

        choice = self.current_choice()
        missing = self.mapping_model.missing_required()
        self.missing_label.setText(_("Required fields no column is read as: {fields}").format(
            fields=", ".join(missing)) if missing else "")
        self.missing_label.setVisible(bool(missing))
        if choice is None or not choice.kind or not choice.columns:
            self.preview_model.set_rows([], [])
            return
        spec = self._table_kinds()[choice.kind]
        labels = {column.field: _(column.label) for column in spec.columns} | year_fields(choice.kind, choice.sheet.headers)
        mapped = sorted(choice.columns.items())
        headers = [f"{labels.get(name, name)} ← {column_header(choice.sheet.headers, index)}" for index, name in mapped]
        try:
            rows = preview_rows(choice.kind, choice.sheet, dict(choice.columns), limit=PREVIEW_ROWS)
        except Exception as error:  # the preview is a help: a failure there must not stop the dialog
            rows = [[_("The preview failed: {reason}").format(reason=error)]]
        self.preview_model.set_rows(headers, rows, preview_row_numbers(choice.sheet, len(rows)))
        metrics = self.preview_view.fontMetrics()
        for column in range(len(headers)):
            self.preview_view.resizeColumnToContents(column)
            self.preview_view.setColumnWidth(column, min(self.preview_view.columnWidth(column),
                                                         metrics.averageCharWidth() * 36))

    # -- checking ---------------------------------------------------------------------------------------

    def check(self) -> None:
        """Check the chosen sheets against the plan in the background."""
        if self.busy or self.source is None or not self.choices:
            return
        choices = [SheetChoice(choice.sheet, choice.kind, dict(choice.columns)) for choice in self.choices]
        label = import_label(self.source)
        self._start(lambda session: check_tabular(session, choices, label), self._show_result,
                    _("Checking {file} against the plan…").format(file=self.source.name))

    def _show_result(self, result: CheckResult) -> None:
        self.check_result = result
        report = result.report
        self.problem_model.set_rows(problem_headers(), problem_rows(report.problems))
        header = self.problem_view.horizontalHeader()
        self.problem_model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        has_problems = not result.ok
        listed = has_problems and bool(report.problems)
        for widget in (self.problem_view, self.problem_buttons, self.problem_detail):
            widget.setVisible(listed)
        if listed:
            self.problem_view.setCurrentIndex(self.problem_model.index(0, 0))
        self.result_stretch.setVisible(not (has_problems and report.problems))
        if has_problems:
            count = report.problem_count
            lines = [_("{count} problem(s) found; nothing is imported and the plan is unchanged. Correct the file "
                       "(or the column mapping) and check again.").format(count=format_number(count))]
            if report.omitted:
                lines.append(_("Only the first {kept} problems are listed.").format(
                    kept=format_number(len(report.problems))))
            self.result_label.setStyleSheet(ERROR_STYLE)
            self._size_problem_columns()
        elif result.replaces_plan:
            lines = [_("Importing replaces the whole open plan with the plan in {file}: every current row is removed "
                       "and the file's rows take their place. Edit ▸ Undo brings the current plan back.").format(
                           file=self.source.name if self.source else ""), "", *replace_lines(result)]
            self.result_label.setStyleSheet(WARNING_STYLE)
        else:
            lines = [_("No problems found. Importing makes these changes (one step; Edit ▸ Undo takes it back):"), "",
                     *summary_lines(result)]
            self.result_label.setStyleSheet("")
        self.result_label.setText("\n".join(lines))
        self._show_page(RESULT)
        (self.problem_view if has_problems and report.problems else self.import_button).setFocus()

    def _on_problem_row_changed(self, current: Any, _previous: Any) -> None:
        """The whole of the current problem below the table (long messages are cut in their cell)."""
        rows = self.problem_model.rows()
        row = rows[current.row()] if current.isValid() and current.row() < len(rows) else None
        self.problem_detail.setText(ImportProblem(*row).line() if row else "")

    def _size_problem_columns(self) -> None:
        metrics = self.problem_view.fontMetrics()
        for column, chars in ((0, 28), (1, 18)):
            self.problem_view.resizeColumnToContents(column)
            self.problem_view.setColumnWidth(column, min(max(self.problem_view.columnWidth(column),
                                                             metrics.averageCharWidth() * 10),
                                                         metrics.averageCharWidth() * chars))

    def go_back(self) -> None:
        if self.choices and not self.busy:
            self._show_page(MAPPING)
            self.mapping_view.setFocus()

    # -- the report -------------------------------------------------------------------------------------

    def problems_text(self) -> str:
        """Every problem listed, tab-separated with a header line (pastes into a spreadsheet)."""
        rows = [self.problem_model.headers(), *self.problem_model.rows()]
        return "\n".join("\t".join(cell.replace("\t", " ") for cell in row) for row in rows) + "\n"

    def copy_problems(self) -> None:
        if self.problem_model.rowCount():
            QApplication.clipboard().setText(self.problems_text())

    def save_report(self) -> None:
        if self.check_result is None or self.source is None:
            return
        suggested = str(self.source.with_name(f"{self.source.stem}-{_('problems')}.txt"))
        target = self.choose_report_path(self, suggested)
        if target is None:
            return
        from planner.atomic_files import write_bytes_atomically

        try:
            write_bytes_atomically(Path(target).absolute(), report_text(self.source, self.check_result.report).encode("utf-8"))
        except OSError as error:
            from desktop_app import dialogs

            dialogs.show_error(self, _("Cannot Save the Report"), _("{file}: {reason}").format(
                file=target, reason=error.strerror or error))

    # -- importing --------------------------------------------------------------------------------------

    def import_now(self) -> bool:
        """Execute the checked command as one undo step and close; False (the reason shown) when refused."""
        result = self.check_result
        if result is None or not result.ok or result.command is None or self.busy:
            return False
        # The command runs on the plan in this thread (a 100,000-row workbook takes seconds): say so first.
        self.busy_label.setText(_("Importing {file}…").format(file=self.source.name if self.source else ""))
        self._show_page(BUSY)
        self.cancel_button.setEnabled(False)
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.controller.execute(result.command)
        except (PlannerError, OSError) as error:
            report = ImportReport()
            report.add(_("the file"), "", str(error))
            self._show_result(CheckResult(None, report))
            return False
        finally:
            QApplication.restoreOverrideCursor()
            self.cancel_button.setEnabled(True)
        if self.source is not None:
            remember_import_folder(self.source.parent)
        details = "; ".join(summary_lines(result)) if result.added_updated else _("the plan was replaced")
        self.imported_message = _("Imported {file}: {details}.").format(
            file=self.source.name if self.source else "", details=details)
        self.accept()
        return True

    def done(self, code: int) -> None:
        if self.job is not None:
            self.job.cancel()  # a read or check still running is left to end unheard; the plan is unchanged
        super().done(code)


# -- from the main window ---------------------------------------------------------------------------------------


def import_with_dialog(window: Any) -> ImportDialog | None:
    """File ▸ Import…: choose a file, then the import dialog (window-modal); the status bar says what came in."""
    controller = getattr(window, "controller", None)
    if controller is None:
        return None
    commit = getattr(window, "commit_pending_edits", None)
    if callable(commit):
        commit()
    folder = last_import_folder()
    if not folder and controller.document.path is not None:
        folder = str(controller.document.path.parent)
    path = ask_import_path(window, folder)
    if path is None:
        return None
    dialog = ImportDialog(controller, window, path)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def on_accepted() -> None:
        if dialog.imported_message:
            window.statusBar().showMessage(dialog.imported_message, 15_000)

    dialog.accepted.connect(on_accepted)
    dialog.open()
    return dialog


def screenshot_import_preview(window: Any, path: Path, target: Path, seconds: float = 60.0) -> bool:
    """--import-preview FILE --screenshot PNG: the import dialog on FILE at its mapping (or result) step."""
    from desktop_app.widgets.dialog_screenshot import screenshot_when_idle

    return screenshot_when_idle(ImportDialog(window.controller, window, path), target, 1280, 800, seconds)
