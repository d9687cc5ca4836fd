"""The Checks page: the plan's guideline profile, the findings of its checks, kept current as the plan is edited."""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCursor, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.plan_controller import PlanController
from desktop_app.views.checks.findings_model import (
    SEVERITY_COLOURS,
    FindingsFilterProxyModel,
    FindingsModel,
    severity_icon,
)
from desktop_app.widgets.find_shortcut import ClaimsFindShortcut
from desktop_app.widgets.message_bar_view import MessageBarView
from desktop_app.widgets.muted_text import mute
from desktop_app.widgets.refresh_when_shown import StaleRefresher
from desktop_app.widgets.selection_sync import syncing_selection
from planner.commands import Changes, UpdateRow
from planner.errors import PlannerError
from planner.guidelines.checks import check_plan
from planner.guidelines.findings import CheckReport, Finding
from planner.guidelines.loader import PROFILE_SUFFIX, ProfileError, all_profiles, profile_for_plan
from planner.guidelines.profile import SEVERITIES, GuidelineProfile
from planner.i18n import LANGUAGE_NAMES, N_, SUPPORTED_LANGUAGES, _, current_language
from planner.model import Plan
from planner.queries import count_rows

log = logging.getLogger(__name__)

DEBOUNCE_MS = 250  # edits closer together than this are checked once
BUSY_CURSOR_INITIATIVES = 2_000  # above this many initiatives a run shows the busy cursor
MAX_SHOWN_PROFILE_ERRORS = 5  # broken profile files listed in the message bar before "and n more"
MAX_SHOWN_PROBLEMS = 3  # problems listed for each file
# The severity toggles look like chips: filled while their findings are shown, greyed while hidden.
SEVERITY_TOGGLE_STYLE = (
    "QToolButton { padding: 2px 8px; border: 1px solid #b8b8b8; border-radius: 10px; color: #8a8a8a; }"
    "QToolButton:checked { background: #e3edf9; border-color: #6d9bd1; color: palette(text); }"
    "QToolButton:focus { border: 2px solid #2f6fb3; }"
)
# The text of each severity's filter toggle.
SEVERITY_TOGGLE_TEXTS = {"error": N_("Errors {count}"), "warning": N_("Warnings {count}"), "info": N_("Info {count}")}
SEVERITY_TOGGLE_TIPS = {
    "error": N_("Show or hide the errors: they must be fixed before the PDF can be exported"),
    "warning": N_("Show or hide the warnings: worth fixing, but they do not block the export"),
    "info": N_("Show or hide the notes for information"),
}


@dataclass(frozen=True)
class CheckRun:
    """What one run of the checks used and found."""

    profile: GuidelineProfile
    language: str
    report: CheckReport
    plan_id: str
    requested_profile_id: str  # the id the plan names (it may not be installed)


def profile_error_text(error: ProfileError) -> str:
    """One broken profile file: its name, then each problem with its line on a line of its own."""
    name = error.source.name if error.source is not None else _("(unnamed profile)")
    problems = [str(problem) for problem in error.problems[:MAX_SHOWN_PROBLEMS]] or [str(error)]
    if len(error.problems) > MAX_SHOWN_PROBLEMS:
        problems.append(_("… and {count} more problems").format(count=len(error.problems) - MAX_SHOWN_PROBLEMS))
    return "\n".join([f"• {name}", *(f"    {problem}" for problem in problems)])


def profile_errors_text(errors: list[ProfileError]) -> str:
    """The message bar's text for the guideline profile files that cannot be used."""
    lines = [_("These guideline profile files cannot be used; fix them in a text editor:")]
    lines += [profile_error_text(error) for error in errors[:MAX_SHOWN_PROFILE_ERRORS]]
    if len(errors) > MAX_SHOWN_PROFILE_ERRORS:
        lines.append(_("… and {count} more files").format(count=len(errors) - MAX_SHOWN_PROFILE_ERRORS))
    return "\n".join(lines)


class ChecksView(ClaimsFindShortcut, QWidget):
    """The guideline profile the plan is checked against and every finding, errors first.

    Selecting a finding selects its item (so the inspector shows it); double-click or Enter also emits
    `item_activated(kind, id)` so the main window can show the item in its own view. The findings follow
    the plan's edits a moment after they are made (only while the page is visible)."""

    export_requested = Signal()  # "Export PDF…" was clicked: the main window runs the export
    item_activated = Signal(str, str)  # kind, id ("" for the plan as a whole)

    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checks_view")
        self.controller = controller
        self._syncing = False
        self._run: CheckRun | None = None
        self._profiles: list[GuidelineProfile] = []
        self._profile_errors: list[ProfileError] = []
        self._chosen_language: str | None = None  # None: the profile's report language

        self.model = FindingsModel(self)
        self.proxy = FindingsFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)

        # -- top bar: profile, report language, export
        self.profile_label = QLabel(_("Guideline profile:"))
        self.profile_combo = QComboBox()
        self.profile_combo.setObjectName("profile_combo")
        self.profile_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.profile_combo.setAccessibleName(_("Guideline profile"))
        self.profile_combo.setToolTip(_("The guideline the plan is written for; changing it can be undone"))
        self.profile_label.setBuddy(self.profile_combo)
        self.profile_combo.activated.connect(self._on_profile_combo_activated)

        self.language_label = QLabel(_("Report language:"))
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("language_combo")
        self.language_combo.setAccessibleName(_("Report language"))
        self.language_combo.setToolTip(_("The language of the messages; it follows the profile until you "
                                         "choose one"))
        for language in SUPPORTED_LANGUAGES:
            self.language_combo.addItem(_(LANGUAGE_NAMES.get(language, language)), language)
        self.language_label.setBuddy(self.language_combo)
        self.language_combo.activated.connect(self._on_language_combo_activated)

        self.export_button = QPushButton(_("Export PDF…"))
        self.export_button.setObjectName("export_button")
        self.export_button.setAccessibleName(_("Export PDF"))
        self.export_button.setToolTip(_("Check the plan and write its PDF (Ctrl+E)"))
        self.export_button.clicked.connect(self.export_requested)

        top_bar = QHBoxLayout()
        top_bar.setContentsMargins(8, 6, 8, 0)
        top_bar.addWidget(self.profile_label)
        top_bar.addWidget(self.profile_combo)
        top_bar.addSpacing(16)
        top_bar.addWidget(self.language_label)
        top_bar.addWidget(self.language_combo)
        top_bar.addStretch(1)
        top_bar.addWidget(self.export_button)

        # -- summary and notes
        self.summary_icon = QLabel()
        self.summary_icon.setObjectName("summary_icon")
        self.summary_icon.setStyleSheet("QLabel { color: #2e7d32; font-weight: bold; }")
        self.summary_label = QLabel()
        self.summary_label.setObjectName("summary_label")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.summary_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.summary_label.setFont(font)
        summary_line = QHBoxLayout()
        summary_line.setContentsMargins(8, 4, 8, 0)
        summary_line.addWidget(self.summary_icon)
        summary_line.addWidget(self.summary_label, 1)

        self.profile_errors_bar = MessageBarView("warning")
        self.profile_errors_bar.setObjectName("profile_errors_bar")
        self.profile_note_bar = MessageBarView("info", closable=False)
        self.profile_note_bar.setObjectName("profile_note_bar")
        self.profile_note_bar.set_action(_("Use This Profile"), self._adopt_fallback_profile)
        self.error_bar = MessageBarView("warning")
        self.error_bar.setObjectName("error_bar")

        # -- filter bar: severity toggles and search
        self.severity_buttons: dict[str, QToolButton] = {}
        filter_bar = QHBoxLayout()
        filter_bar.setContentsMargins(8, 4, 8, 0)
        for severity in SEVERITIES:
            button = QToolButton()
            button.setObjectName(f"{severity}_filter_button")
            button.setCheckable(True)
            button.setChecked(True)
            button.setIcon(severity_icon(severity))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setToolTip(_(SEVERITY_TOGGLE_TIPS[severity]))
            button.setStyleSheet(SEVERITY_TOGGLE_STYLE)
            button.toggled.connect(self._on_severity_button_toggled)
            self.severity_buttons[severity] = button
            filter_bar.addWidget(button)
        filter_bar.addSpacing(12)
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("search_edit")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(_("Search the findings (Ctrl+F)"))
        self.search_edit.setAccessibleName(_("Search the findings"))
        self.search_edit.setMinimumWidth(self.fontMetrics().averageCharWidth() * 32)
        self.search_edit.textChanged.connect(self._on_search_text_changed)
        filter_bar.addWidget(self.search_edit)
        filter_bar.addStretch(1)
        self.count_label = QLabel()
        self.count_label.setObjectName("count_label")
        mute(self.count_label)
        filter_bar.addWidget(self.count_label)

        # -- findings, or the empty state
        self.table = QTableView()
        self.table.setObjectName("findings_table")
        self.table.setAccessibleName(_("Findings"))
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(int(self.fontMetrics().height() * 1.8))
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the report's order until a header is clicked
        self.table.setSortingEnabled(True)
        self._columns_fitted = False  # the columns are fitted to the first findings, then left to the user
        character = self.fontMetrics().averageCharWidth()
        for number, column in enumerate(self.model.columns[:-1]):
            self.table.setColumnWidth(number, character * column.width_chars * 2)

        self.empty_label = QLabel(
            f'<div style="font-size: 56pt; color: #2e7d32;">✓</div>'
            f'<div style="font-size: 15pt; color: #2e7d32;">{html.escape(_("The checks found no problems"))}</div>')
        self.empty_label.setObjectName("empty_label")
        self.empty_label.setTextFormat(Qt.TextFormat.RichText)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setAccessibleName(_("The checks found no problems"))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(top_bar)
        layout.addLayout(summary_line)
        layout.addWidget(self.profile_errors_bar)
        layout.addWidget(self.profile_note_bar)
        layout.addWidget(self.error_bar)
        layout.addLayout(filter_bar)
        layout.addWidget(self.stack, 1)

        # Keyboard order: profile → report language → filters → search → findings → export.
        chain: list[QWidget] = [self.profile_combo, self.language_combo, *self.severity_buttons.values(),
                                self.search_edit, self.table, self.export_button]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        for button in self.severity_buttons.values():
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._on_debounce_timeout)
        self.refresher = StaleRefresher(self, self._recheck)

        self.table.selectionModel().currentChanged.connect(self._on_current_changed)
        self.table.clicked.connect(self._on_table_clicked)
        self.table.doubleClicked.connect(self._on_table_activated)
        self.table.installEventFilter(self)
        controller.plan_changed.connect(self._on_plan_changed)
        controller.document_replaced.connect(self._on_document_replaced)
        self.refresh()

    # -- public -----------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the guideline profiles again and run the checks now."""
        self._debounce.stop()
        self._load_profiles()
        self._recheck()

    def report(self) -> CheckReport | None:
        """The findings of the last run (None when the plan could not be checked)."""
        return self._run.report if self._run is not None else None

    def profile(self) -> GuidelineProfile | None:
        """The profile the last run checked against."""
        return self._run.profile if self._run is not None else None

    def language(self) -> str:
        """The language of the messages: the one chosen, else the profile's."""
        if self._chosen_language is not None:
            return self._chosen_language
        return self._run.profile.language if self._run is not None else current_language()

    def focus_search(self) -> None:
        """Put the cursor in the search box (Ctrl+F)."""
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def set_report_language(self, language: str | None) -> None:
        """Show the messages in `language` (None: follow the profile) and check again."""
        self._chosen_language = language if language in SUPPORTED_LANGUAGES else None
        self._recheck()

    def set_profile(self, profile_id: str) -> bool:
        """Make `profile_id` the plan's guideline profile as one undo entry; False when refused or unchanged."""
        if self._run is None or profile_id == self._run.requested_profile_id:
            return False
        command = UpdateRow("plan", self._run.plan_id, {"guideline_profile_id": profile_id},
                            label=_("Change the guideline profile"))
        try:
            self.controller.execute(command, self)
        except PlannerError as error:
            self.error_bar.show_message(str(error))
            self._show_profile_in_combo()
            return False
        self.error_bar.hide()
        return True

    def set_shown_severities(self, severities: set[str] | frozenset[str]) -> None:
        """Show only the findings of these severities (the toggles follow)."""
        for severity, button in self.severity_buttons.items():
            button.setChecked(severity in severities)

    def shown_findings(self) -> list[Finding]:
        """The findings the table shows, in its order (after filters, search and sorting)."""
        return [self.model.finding(self.proxy.mapToSource(self.proxy.index(row, 0)).row())
                for row in range(self.proxy.rowCount())]

    def current_finding(self) -> Finding | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.finding(self.proxy.mapToSource(index).row())

    def select_finding(self, finding_id: str) -> bool:
        """Make a finding the current row (and select its item); False when it is not shown."""
        index = self._proxy_index_of(finding_id)
        if not index.isValid():
            return False
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        return True

    # -- running the checks -----------------------------------------------------------------------------

    def _load_profiles(self) -> None:
        self._profiles, self._profile_errors = all_profiles()
        if self._profile_errors:
            self.profile_errors_bar.show_message(profile_errors_text(self._profile_errors))
        else:
            self.profile_errors_bar.hide()

    def _check(self, session: Session) -> CheckRun:
        plan = session.execute(select(Plan.id, Plan.plan_type, Plan.guideline_profile_id)).one()
        profile = profile_for_plan(plan.plan_type, plan.guideline_profile_id)
        language = self._chosen_language or profile.language
        busy = count_rows(session, "initiative") > BUSY_CURSOR_INITIATIVES
        if busy:
            QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
        try:
            report = check_plan(session, profile, language)
        finally:
            if busy:
                QApplication.restoreOverrideCursor()
        return CheckRun(profile, language, report, plan.id, plan.guideline_profile_id or "")

    def _recheck(self) -> None:
        """Run the checks and show their findings, keeping the current finding and the scroll position."""
        self._debounce.stop()
        self.refresher.mark_refreshed()
        try:
            run = self.controller.read(self._check)
        except PlannerError as error:  # a broken built-in profile, or the plan is closed
            self.error_bar.show_message(_("The plan could not be checked: {reason}").format(reason=error))
            return
        except Exception as error:  # a fault in a check must not take the page (or a timer callback) down
            log.exception("The checks failed")
            self.error_bar.show_message(_("The plan could not be checked: {reason}").format(
                reason=f"{type(error).__name__}: {error}"))
            return
        self.error_bar.hide()
        self._run = run
        top = self._top_anchor()
        current = self.current_finding()
        with syncing_selection(self):
            self.model.set_findings(run.report.findings)
            if current is not None and not self.table.currentIndex().isValid():
                self.select_finding(current.id)
        if top is not None:
            self._scroll_to_anchor(*top)
        if not self._columns_fitted and run.report.findings:
            self._fit_columns()
        self._show_profile_in_combo()
        self._show_language_in_combo()
        self._show_profile_note()
        self._show_summary()

    def _fit_columns(self) -> None:
        """Widen the severity, check and item columns to the rows in sight, each within a share of the width."""
        self._columns_fitted = True
        width = max(self.table.viewport().width(), 800)
        for number, share in enumerate((0.12, 0.34, 0.26)):
            wanted = self.table.sizeHintForColumn(number) + 12
            header = self.table.horizontalHeader().sectionSizeHint(number)
            self.table.setColumnWidth(number, min(max(wanted, header), int(width * share)))

    def _top_anchor(self) -> tuple[str, int] | None:
        """The finding in the top row and how many pixels of it are scrolled out of sight (None at the top)."""
        index = self.table.indexAt(self.table.viewport().rect().topLeft())
        if not index.isValid() or self.table.verticalScrollBar().value() == 0:
            return None
        return self.model.finding(self.proxy.mapToSource(index).row()).id, -self.table.visualRect(index).top()

    def _scroll_to_anchor(self, finding_id: str, hidden_pixels: int) -> None:
        """Scroll so the finding is the top row again, as far out of sight as it was."""
        index = self._proxy_index_of(finding_id)
        if not index.isValid():
            return
        self.table.updateGeometries()  # the scroll range must count the rows just inserted
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)
        scroll_bar = self.table.verticalScrollBar()
        scroll_bar.setValue(scroll_bar.value() + hidden_pixels)

    def _proxy_index_of(self, finding_id: str) -> QModelIndex:
        row = self.model.row_of(finding_id)
        return self.proxy.mapFromSource(self.model.index(row, 0)) if row >= 0 else QModelIndex()

    # -- showing ----------------------------------------------------------------------------------------

    def _show_profile_in_combo(self) -> None:
        run = self._run
        language = current_language()
        self.profile_combo.blockSignals(True)
        try:
            self.profile_combo.clear()
            profiles = list(self._profiles)
            if run is not None and all(profile.id != run.profile.id for profile in profiles):
                profiles.append(run.profile)
            for profile in profiles:
                self.profile_combo.addItem(profile.name.get(language), profile.id)
                where = _("Built in") if profile.builtin else str(profile.source or "")
                description = profile.description.get(language)
                tip = "\n".join(part for part in (f"{profile.name.get(language)} ({profile.id})", description, where)
                                if part)
                self.profile_combo.setItemData(self.profile_combo.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
            if run is not None:
                self.profile_combo.setCurrentIndex(max(0, self.profile_combo.findData(run.profile.id)))
        finally:
            self.profile_combo.blockSignals(False)

    def _show_language_in_combo(self) -> None:
        index = self.language_combo.findData(self.language())
        if index >= 0 and index != self.language_combo.currentIndex():
            self.language_combo.blockSignals(True)
            self.language_combo.setCurrentIndex(index)
            self.language_combo.blockSignals(False)

    def _show_profile_note(self) -> None:
        run = self._run
        if run is None or not run.requested_profile_id or run.requested_profile_id == run.profile.id:
            self.profile_note_bar.hide()
            return
        name = run.profile.name.get(current_language())
        broken = any(error.source is not None and error.source.name == f"{run.requested_profile_id}{PROFILE_SUFFIX}"
                     for error in self._profile_errors)
        if broken:
            text = _("The plan's guideline profile “{id}” cannot be read (see above); it is checked against "
                     "“{name}” until the file is fixed.")
        else:
            text = _("The plan names the guideline profile “{id}”, which is not installed here; it is checked "
                     "against “{name}” instead.")
        self.profile_note_bar.show_message(text.format(id=run.requested_profile_id, name=name))

    def _show_summary(self) -> None:
        run = self._run
        assert run is not None
        counts = run.report.counts()
        for severity, button in self.severity_buttons.items():
            text = _(SEVERITY_TOGGLE_TEXTS[severity]).format(count=counts.get(severity, 0))
            button.setText(text)
            button.setAccessibleName(text)
        errors = counts.get("error", 0)
        if errors == 1:
            summary, colour, mark = _("1 error: fix it to export the PDF"), SEVERITY_COLOURS["error"], "error"
        elif errors:
            summary = _("{count} errors: fix them to export the PDF").format(count=errors)
            colour, mark = SEVERITY_COLOURS["error"], "error"
        else:
            summary, colour, mark = _("Ready to export"), "#2e7d32", ""
        self.summary_label.setText(summary)
        self.summary_label.setStyleSheet(f"QLabel {{ color: {colour}; }}")
        self.summary_label.setAccessibleName(summary)
        if mark:
            self.summary_icon.setPixmap(severity_icon(mark).pixmap(18, 18))
        else:
            self.summary_icon.setText("✓")
        self.stack.setCurrentWidget(self.table if run.report.findings else self.empty_label)
        self._update_count()

    def _update_count(self) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        self.count_label.setText(_("{shown} of {total} findings shown").format(shown=shown, total=total)
                                 if shown != total else "")

    # -- user actions -----------------------------------------------------------------------------------

    def _on_profile_combo_activated(self, index: int) -> None:
        profile_id = self.profile_combo.itemData(index)
        if isinstance(profile_id, str):
            self.set_profile(profile_id)

    def _adopt_fallback_profile(self) -> None:
        if self._run is not None:
            self.set_profile(self._run.profile.id)

    def _on_language_combo_activated(self, index: int) -> None:
        language = self.language_combo.itemData(index)
        profile_language = self._run.profile.language if self._run is not None else None
        self.set_report_language(None if language == profile_language else language)

    def _on_severity_button_toggled(self, _checked: bool) -> None:
        self.proxy.set_shown_severities(severity for severity, button in self.severity_buttons.items()
                                        if button.isChecked())
        self._update_count()

    def _on_search_text_changed(self, text: str) -> None:
        self.proxy.set_search_text(text)
        self._update_count()

    def _select_item_of(self, index: QModelIndex) -> Finding | None:
        if not index.isValid():
            return None
        finding = self.model.finding(self.proxy.mapToSource(index).row())
        if finding.item_kind:
            self.controller.select(finding.item_kind, [finding.item_id] if finding.item_id else [])
        return finding

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._syncing:
            self._select_item_of(current)

    def _on_table_clicked(self, index: QModelIndex) -> None:
        self._select_item_of(index)  # also when the row was already current but something else was selected

    def _on_table_activated(self, index: QModelIndex) -> None:
        finding = self._select_item_of(index)
        if finding is not None and finding.item_kind:
            self.item_activated.emit(finding.item_kind, finding.item_id or "")

    # -- plan changes -----------------------------------------------------------------------------------

    def _on_plan_changed(self, _changes: Changes, initiator: object) -> None:
        if initiator is self:  # the profile was changed here: show the new findings at once
            self.refresher.mark_changed()
        else:
            self._debounce.start()

    def _on_debounce_timeout(self) -> None:
        self.refresher.mark_changed()

    def _on_document_replaced(self) -> None:
        self._chosen_language = None
        self._debounce.stop()
        self._load_profiles()
        self.refresher.mark_changed()

    # -- events -----------------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # A profile file may have been added, fixed or broken while the page was hidden.
        before = self._profile_files()
        self._load_profiles()
        if self._profile_files() != before:
            self._recheck()

    def _profile_files(self) -> tuple[tuple[str, str], ...]:
        return (tuple((profile.id, str(profile.source)) for profile in self._profiles)
                + tuple(("", str(error)) for error in self._profile_errors))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.table and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)):
            self._on_table_activated(self.table.currentIndex())
            return True
        return super().eventFilter(watched, event)

