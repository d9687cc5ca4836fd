"""Print preview: the exact pages of the PDF that Export would write, with page navigation, zoom and Print."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMargins, QPointF, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSizePolicy,
    QSpinBox,
    QStyle,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.plan_controller import PlanController
from desktop_app.printing.export_flow import ExportFlow
from desktop_app.printing.pdf_job import PdfJob, PdfJobResult, PdfRequest
from desktop_app.printing.pdf_printing import print_with_dialog
from desktop_app.widgets.message_bar_view import MessageBarView
from planner.i18n import _

ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0)
REPORT_LANGUAGES = (("ko", "한국어"), ("en", "English"))


@dataclass(frozen=True)
class ProfileChoice:
    id: str
    name: str
    language: str


@dataclass(frozen=True)
class PreviewSettings:
    """What the dialog reads from the plan when it opens."""

    profile_id: str
    title: str
    profiles: tuple[ProfileChoice, ...]


def read_preview_settings(session: Session) -> PreviewSettings:
    """The profiles to choose from (broken profile files are left out: the Profiles view reports them), the
    plan's own profile (or the default for its type) and its title."""
    from planner.guidelines.loader import all_profiles, profile_for_plan
    from planner.i18n import current_language
    from planner.model import Plan

    plan = session.execute(select(Plan)).scalars().first()
    interface = current_language()
    profiles, _broken = all_profiles()
    choices = tuple(ProfileChoice(profile.id, profile.name.get(interface), profile.language) for profile in profiles)
    if plan is None:
        return PreviewSettings("", "", choices)
    return PreviewSettings(profile_for_plan(plan.plan_type, plan.guideline_profile_id).id, plan.title, choices)


def _shortcut_text(sequence: QKeySequence | QKeySequence.StandardKey) -> str:
    return QKeySequence(sequence).toString(QKeySequence.SequenceFormat.NativeText)


class PrintPreviewDialog(QDialog):
    """Shows the PDF a profile makes of the plan, built in the background from a snapshot (PdfJob). A plan
    with errors is previewed as the draft an export would write, watermark included, and a message says so.

    Signals for the main window: show_checks_requested() (open the Checks panel), exported(path, pages)."""

    show_checks_requested = Signal()
    exported = Signal(str, int)
    built = Signal()  # a new document is shown (tests and screenshots wait on it)
    build_failed = Signal(str)

    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("print_preview_dialog")
        self.setWindowTitle(_("Print Preview"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.controller = controller
        self.job: PdfJob | None = None
        self.result: PdfJobResult | None = None
        self.export_flow: ExportFlow | None = None
        self._buffer: QBuffer | None = None  # QPdfDocument reads from it lazily: it must outlive the document
        self.document = QPdfDocument(self)
        settings = controller.read(read_preview_settings)
        self.plan_title = settings.title

        self.view = QPdfView(self)
        self.view.setObjectName("pdf_view")
        self.view.setAccessibleName(_("Pages of the PDF"))
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.view.setPageSpacing(12)
        self.view.setDocumentMargins(QMargins(12, 12, 12, 12))
        self.view.setDocument(self.document)
        self.view.setStyleSheet("QPdfView { background: #7a7a7a; }")
        self.view.pageNavigator().currentPageChanged.connect(self._on_current_page_changed)

        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("preview_toolbar")
        self.first_action = self._action(_("First page"), "|◀", self.go_first, Qt.Key.Key_Home,
                                         icon=QStyle.StandardPixmap.SP_MediaSkipBackward)
        self.previous_action = self._action(_("Previous page"), "◀", self.go_previous, Qt.Key.Key_PageUp,
                                            icon=QStyle.StandardPixmap.SP_ArrowLeft)
        self.page_box = QSpinBox()
        self.page_box.setObjectName("page_box")
        self.page_box.setAccessibleName(_("Page number"))
        self.page_box.setToolTip(_("Go to page"))
        self.page_box.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.page_box.setKeyboardTracking(False)
        self.page_box.setRange(0, 0)
        self.page_box.setMinimumWidth(90)
        self.page_box.valueChanged.connect(self._on_page_box_changed)
        self.next_action = self._action(_("Next page"), "▶", self.go_next, Qt.Key.Key_PageDown,
                                        icon=QStyle.StandardPixmap.SP_ArrowRight)
        self.last_action = self._action(_("Last page"), "▶|", self.go_last, Qt.Key.Key_End,
                                        icon=QStyle.StandardPixmap.SP_MediaSkipForward)
        self.zoom_out_action = self._action(_("Zoom out"), "−", self.zoom_out, QKeySequence.StandardKey.ZoomOut)
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("zoom_label")
        self.zoom_label.setMinimumWidth(52)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_in_action = self._action(_("Zoom in"), "+", self.zoom_in, QKeySequence.StandardKey.ZoomIn,
                                           extra=(QKeySequence("Ctrl+="),))
        self.fit_width_action = self._action(_("Fit width"), _("Fit width"), self.fit_width, QKeySequence("Ctrl+1"),
                                             checkable=True)
        self.fit_page_action = self._action(_("Fit page"), _("Fit page"), self.fit_page, QKeySequence("Ctrl+0"),
                                            checkable=True)
        self.profile_box = QComboBox()
        self.profile_box.setObjectName("profile_box")
        self.profile_box.setAccessibleName(_("Guideline profile"))
        self.profile_box.setToolTip(_("The guideline profile the document follows"))
        for profile in settings.profiles:
            self.profile_box.addItem(profile.name, profile.id)
            self.profile_box.setItemData(self.profile_box.count() - 1, profile.language, Qt.ItemDataRole.UserRole + 1)
        self.profile_box.setCurrentIndex(max(0, self.profile_box.findData(settings.profile_id)))
        self.language_box = QComboBox()
        self.language_box.setObjectName("language_box")
        self.language_box.setAccessibleName(_("Report language"))
        self.language_box.setToolTip(_("The language the document is written in"))
        for code, name in REPORT_LANGUAGES:
            self.language_box.addItem(name, code)
        self._select_profile_language()
        self.profile_box.currentIndexChanged.connect(self._on_profile_changed)
        self.language_box.currentIndexChanged.connect(self._on_language_changed)
        self.busy_bar = QProgressBar()
        self.busy_bar.setObjectName("busy_bar")
        self.busy_bar.setAccessibleName(_("Building the PDF"))
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setFixedWidth(90)
        self.busy_bar.setTextVisible(False)
        self.status_label = QLabel()
        self.status_label.setObjectName("status_label")
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setMinimumWidth(220)
        self.status_label.setIndent(8)
        self.status_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.refresh_action = self._action(_("Refresh"), _("Refresh"), self.rebuild, QKeySequence.StandardKey.Refresh)
        self.print_action = self._action(_("Print…"), _("Print…"), self.print_document, QKeySequence.StandardKey.Print)
        self.export_action = self._action(_("Export PDF…"), _("Export PDF…"), self.export_pdf, QKeySequence("Ctrl+E"))
        self.close_action = self._action(_("Close"), _("Close"), self.reject, QKeySequence(Qt.Key.Key_Escape))

        for widget_or_action in (self.first_action, self.previous_action, self.page_box, self.next_action,
                                 self.last_action, None, self.zoom_out_action, self.zoom_label, self.zoom_in_action,
                                 self.fit_width_action, self.fit_page_action, None):
            if widget_or_action is None:
                self.toolbar.addSeparator()
            elif isinstance(widget_or_action, QAction):
                self.toolbar.addAction(widget_or_action)
            else:
                self.toolbar.addWidget(widget_or_action)
        self.toolbar.addWidget(QLabel(_("Profile") + " "))
        self.toolbar.addWidget(self.profile_box)
        self.toolbar.addWidget(QLabel(" " + _("Language") + " "))
        self.toolbar.addWidget(self.language_box)
        self.toolbar.addSeparator()
        self.busy_action = self.toolbar.addWidget(self.busy_bar)  # a toolbar shows and hides its widgets' actions
        self.toolbar.addWidget(self.status_label)

        self.draft_bar = MessageBarView("warning", closable=False)
        self.draft_bar.setObjectName("draft_bar")
        self.draft_bar.set_action(_("Show checks"), self.show_checks_requested.emit)
        self.notice_bar = MessageBarView("info", closable=True)
        self.notice_bar.setObjectName("notice_bar")
        self.notice_bar.set_action(_("Refresh"), self.rebuild)

        buttons = QHBoxLayout()
        buttons.setContentsMargins(8, 4, 8, 8)
        buttons.addStretch(1)
        self.buttons: dict[str, QToolButton] = {}
        for name, action in (("print", self.print_action), ("export", self.export_action), ("close", self.close_action)):
            button = QToolButton()
            button.setObjectName(f"{name}_button")
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setMinimumWidth(110)
            self.buttons[name] = button
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.toolbar)
        bars = QVBoxLayout()
        bars.setContentsMargins(8, 0, 8, 0)
        bars.addWidget(self.draft_bar)
        bars.addWidget(self.notice_bar)
        layout.addLayout(bars)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

        controller.plan_changed.connect(self._on_plan_changed)
        controller.document_replaced.connect(self._on_plan_changed)
        self.resize(1100, 860)
        self._update_controls()
        self.rebuild()

    def _action(self, text: str, icon_text: str, slot: Any, shortcut: Any, *, checkable: bool = False,
                extra: tuple[QKeySequence, ...] = (),
                icon: QStyle.StandardPixmap | None = None) -> QAction:
        action = QAction(text, self)  # the name menus and screen readers use
        action.setIconText(icon_text)  # what a text-only tool button shows
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        action.setCheckable(checkable)
        sequences = [QKeySequence(shortcut), *extra]
        action.setShortcuts(sequences)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setToolTip(f"{text} ({_shortcut_text(sequences[0])})")
        action.setStatusTip(text)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    # -- state -----------------------------------------------------------------------------------------------

    @property
    def page_count(self) -> int:
        return self.document.pageCount() if self.document.status() == QPdfDocument.Status.Ready else 0

    @property
    def current_page(self) -> int:
        """0-based page at the top of the view."""
        return self.view.pageNavigator().currentPage()

    @property
    def profile_id(self) -> str:
        return str(self.profile_box.currentData() or "")

    @property
    def language(self) -> str:
        return str(self.language_box.currentData() or "ko")

    @property
    def building(self) -> bool:
        return self.job is not None and self.job.running

    def effective_zoom(self) -> float:
        """The zoom the pages are shown at (also in the fit modes, where QPdfView keeps no factor)."""
        mode = self.view.zoomMode()
        if mode == QPdfView.ZoomMode.Custom or not self.page_count:
            return self.view.zoomFactor()
        page = self.document.pagePointSize(self.current_page)
        pixels_per_point = self.view.logicalDpiX() / 72.0
        margins = self.view.documentMargins()
        width = self.view.viewport().width() - margins.left() - margins.right()
        height = self.view.viewport().height() - margins.top() - margins.bottom()
        by_width = width / max(1.0, page.width() * pixels_per_point)
        if mode == QPdfView.ZoomMode.FitToWidth:
            return by_width
        return min(by_width, height / max(1.0, page.height() * pixels_per_point))

    def _update_controls(self) -> None:
        count = self.page_count
        has_pages = count > 0
        page = self.current_page + 1 if has_pages else 0
        self.page_box.blockSignals(True)
        self.page_box.setRange(1 if has_pages else 0, count)
        self.page_box.setSuffix(f" / {count}")
        self.page_box.setValue(page)
        self.page_box.blockSignals(False)
        self.page_box.setEnabled(has_pages)
        self.first_action.setEnabled(has_pages and page > 1)
        self.previous_action.setEnabled(has_pages and page > 1)
        self.next_action.setEnabled(has_pages and page < count)
        self.last_action.setEnabled(has_pages and page < count)
        zoom = self.effective_zoom()
        self.zoom_in_action.setEnabled(has_pages and zoom < ZOOM_STEPS[-1] - 0.001)
        self.zoom_out_action.setEnabled(has_pages and zoom > ZOOM_STEPS[0] + 0.001)
        self.zoom_label.setText(f"{round(zoom * 100)} %" if has_pages else "")
        self.fit_width_action.setChecked(self.view.zoomMode() == QPdfView.ZoomMode.FitToWidth)
        self.fit_page_action.setChecked(self.view.zoomMode() == QPdfView.ZoomMode.FitInView)
        self.print_action.setEnabled(has_pages)
        self.export_action.setEnabled(self.export_flow is None)
        self.busy_action.setVisible(self.building)
        self.profile_box.setEnabled(self.profile_box.count() > 1)

    # -- navigation and zoom --------------------------------------------------------------------------------

    def go_to_page(self, page: int) -> None:
        """Show the 0-based `page` at the top of the view."""
        if not self.page_count:
            return
        page = max(0, min(self.page_count - 1, page))
        self.view.pageNavigator().jump(page, QPointF(0, 0), self.view.pageNavigator().currentZoom())
        self._center_horizontally()
        self._update_controls()

    def _center_horizontally(self) -> None:
        """Pages are centred in a layout as wide as the widest (landscape) page: show the middle, so a zoomed
        portrait page is not cut off on the right."""
        bar = self.view.horizontalScrollBar()
        bar.setValue((bar.minimum() + bar.maximum()) // 2)

    def go_first(self) -> None:
        self.go_to_page(0)

    def go_previous(self) -> None:
        self.go_to_page(self.current_page - 1)

    def go_next(self) -> None:
        self.go_to_page(self.current_page + 1)

    def go_last(self) -> None:
        self.go_to_page(self.page_count - 1)

    def set_zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(ZOOM_STEPS[0], min(ZOOM_STEPS[-1], factor)))
        self._center_horizontally()
        self._update_controls()

    def zoom_in(self) -> None:
        zoom = self.effective_zoom()
        self.set_zoom(next((step for step in ZOOM_STEPS if step > zoom + 0.001), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        zoom = self.effective_zoom()
        self.set_zoom(next((step for step in reversed(ZOOM_STEPS) if step < zoom - 0.001), ZOOM_STEPS[0]))

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._update_controls()

    def fit_page(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self._update_controls()

    def _on_current_page_changed(self, _page: int) -> None:
        self._update_controls()

    def _on_page_box_changed(self, value: int) -> None:
        if value >= 1:
            self.go_to_page(value - 1)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._update_controls()

    # -- building ------------------------------------------------------------------------------------------

    def _select_profile_language(self) -> None:
        language = self.profile_box.currentData(Qt.ItemDataRole.UserRole + 1) or "ko"
        self.language_box.blockSignals(True)
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(language)))
        self.language_box.blockSignals(False)

    def _on_profile_changed(self, _index: int) -> None:
        self._select_profile_language()
        self.rebuild()

    def _on_language_changed(self, _index: int) -> None:
        self.rebuild()

    def rebuild(self) -> None:
        """Build the PDF again from the plan as it is now, with the chosen profile and language."""
        if self.job is not None:
            self.job.cancel()
        self.notice_bar.hide()
        self.status_label.setText(_("Building the PDF…"))
        self.job = PdfJob(self.controller, PdfRequest(self.profile_id or None, self.language), self)
        self.job.progress.connect(self.status_label.setText)
        self.job.finished.connect(self._on_job_finished)
        self.job.failed.connect(self._on_job_failed)
        self.job.start()
        self._update_controls()

    def _on_job_finished(self, result: PdfJobResult) -> None:
        if self.sender() is not self.job:
            return
        page = self.current_page
        self.result = result
        assert result.pdf is not None
        self._show_pdf(result.pdf)
        self.status_label.setText(_("{count} pages").format(count=self.page_count))
        self._show_draft_state(result)
        self._update_controls()
        if page:
            self.go_to_page(page)
        self.built.emit()

    def _on_job_failed(self, message: str) -> None:
        if self.sender() is not self.job:
            return
        self.status_label.setText(_("The PDF could not be built."))
        self.notice_bar.show_message(message, "warning")
        self._update_controls()
        self.build_failed.emit(message)

    def _show_pdf(self, data: bytes) -> None:
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.close()
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
        self._buffer = buffer

    def _show_draft_state(self, result: PdfJobResult) -> None:
        if not result.draft:
            self.draft_bar.hide()
            return
        errors = len(result.report.errors) if result.report is not None else 0
        self.draft_bar.show_message(_(
            "This is a draft: the checks of this profile find {count} errors. Export refuses a PDF with errors "
            "unless you export it as a draft, which carries the “초안 / DRAFT” watermark on every page, as shown "
            "here. Fix the errors to get the final document.").format(count=errors))

    def _on_plan_changed(self, *_args: Any) -> None:
        self.notice_bar.show_message(_("The plan has changed since this preview was built."), "info")

    # -- print, export, close -----------------------------------------------------------------------------

    def print_document(self) -> int:
        if not self.page_count:
            return 0
        return print_with_dialog(self, self.document, self.plan_title)

    def export_pdf(self) -> None:
        """Export what is previewed (same profile and language) through the usual export questions."""
        if self.export_flow is not None:
            return
        flow = ExportFlow(self.controller, self, profile_id=self.profile_id or None, language=self.language)
        flow.exported.connect(self.exported)
        flow.show_checks_requested.connect(self.show_checks_requested)
        flow.ended.connect(self._on_export_ended)
        self.export_flow = flow
        self._update_controls()
        flow.start()

    def _on_export_ended(self) -> None:
        if self.export_flow is not None:
            self.export_flow.deleteLater()
        self.export_flow = None
        self._update_controls()

    def done(self, result: int) -> None:
        if self.job is not None:
            self.job.cancel()
        super().done(result)
