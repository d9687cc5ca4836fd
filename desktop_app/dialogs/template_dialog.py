"""The "Add from template" dialog: pick a service template, a field and a start month; OK adds it as one undo."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop_app.models.money_format import million_text, million_unit
from desktop_app.plan_controller import PlanController
from desktop_app.widgets.muted_text import mute
from planner.commands.templates import (
    AddFromTemplateCommand,
    add_from_template_command,
    plan_language,
    prerequisite_status,
    suggested_start_month,
)
from planner.errors import PlannerError
from planner.i18n import _
from planner.model import vocabulary as v
from planner.months import YearMonth
from planner.queries import choices_for
from planner.templates import TemplateSummary, get_template, list_templates

ID_ROLE = Qt.ItemDataRole.UserRole
ERROR_STYLE = "color: #b3261e;"
WARNING_STYLE = "color: #8a5300;"


def choose_template(parent: QWidget | None, controller: PlanController) -> AddFromTemplateCommand | None:
    """Show the dialog; the command it executed (already on the undo stack), or None when cancelled.
    Tests replace this helper and drive TemplateDialog directly."""
    dialog = TemplateDialog(controller, parent)
    try:
        return dialog.added if dialog.exec() else None
    finally:
        dialog.deleteLater()


class TemplateDialog(QDialog):
    """Templates in a list with a details pane; the field and start month of the new initiative below."""

    def __init__(self, controller: PlanController, parent: QWidget | None = None, field_id: str | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.added: AddFromTemplateCommand | None = None
        self._start_edited = False
        self.setWindowTitle(_("Add from Template"))
        self.setObjectName("template_dialog")
        self.summaries = list_templates()

        self.template_list = QTreeWidget()
        self.template_list.setObjectName("template_list")
        self.template_list.setAccessibleName(_("Service templates"))
        self.template_list.setRootIsDecorated(False)
        self.template_list.setUniformRowHeights(True)
        self.template_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.template_list.setHeaderLabels(
            [_("Template"), _("Summary"), _("Months"), _("Budget ({unit})").format(unit=million_unit()),
             _("Funding rule")]
        )
        for summary in self.summaries:
            item = QTreeWidgetItem([
                summary.name, summary.summary, str(summary.duration_months),
                million_text(summary.budget_total_krw), summary.funding_rule or "—",
            ])
            item.setData(0, ID_ROLE, summary.id)
            item.setToolTip(0, summary.name)
            item.setToolTip(1, summary.summary)
            for column in (2, 3):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.template_list.addTopLevelItem(item)
        header = self.template_list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._fit_columns()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

        self.details_view = QTextBrowser()
        self.details_view.setObjectName("details_view")
        self.details_view.setAccessibleName(_("Template details"))
        self.details_view.setOpenLinks(False)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.template_list)
        splitter.addWidget(self.details_view)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)

        self.field_combo = QComboBox()
        self.field_combo.setObjectName("field_combo")
        self.field_combo.addItem(_("No field"), None)
        for key, name in controller.read(lambda session: choices_for(session, "field")):
            self.field_combo.addItem(name, key)
        if field_id is not None and self.field_combo.findData(field_id) >= 0:
            self.field_combo.setCurrentIndex(self.field_combo.findData(field_id))

        self.start_edit = QDateEdit()
        self.start_edit.setObjectName("start_edit")
        self.start_edit.setDisplayFormat("yyyy-MM")
        self.start_edit.setDateRange(QDate(1990, 1, 1), QDate(2100, 12, 1))
        self.start_edit.dateChanged.connect(self._on_start_edit_changed)

        self.prerequisites_label = QLabel()
        self.prerequisites_label.setObjectName("prerequisites_label")
        self.prerequisites_label.setWordWrap(True)
        self.prerequisites_label.setStyleSheet(WARNING_STYLE)
        self.prerequisites_label.hide()
        self.language_label = QLabel()
        self.language_label.setObjectName("language_label")
        self.language_label.setWordWrap(True)
        mute(self.language_label)
        self.error_label = QLabel()
        self.error_label.setObjectName("error_label")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.hide()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(_("Field"), self.field_combo)
        form.addRow(_("Start month"), self.start_edit)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(_("Add Initiative"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(form)
        layout.addWidget(self.prerequisites_label)
        layout.addWidget(self.language_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self.template_list.currentItemChanged.connect(self._on_current_template_changed)
        self.template_list.itemDoubleClicked.connect(lambda _item, _column: self.accept())
        metrics = self.fontMetrics()
        self.resize(max(metrics.averageCharWidth() * 170, 1100), max(metrics.height() * 46, 760))
        if self.template_list.topLevelItemCount():
            self.template_list.setCurrentItem(self.template_list.topLevelItem(0))

    # -- public -----------------------------------------------------------------------------------------

    def current_template_id(self) -> str | None:
        item = self.template_list.currentItem()
        return None if item is None else str(item.data(0, ID_ROLE))

    def select_template(self, template_id: str) -> None:
        for number in range(self.template_list.topLevelItemCount()):
            item = self.template_list.topLevelItem(number)
            if item.data(0, ID_ROLE) == template_id:
                self.template_list.setCurrentItem(item)
                return
        raise KeyError(template_id)

    def start_month(self) -> YearMonth:
        date = self.start_edit.date()
        return YearMonth(date.year(), date.month())

    def set_start_month(self, month: YearMonth) -> None:
        self.start_edit.setDate(QDate(month.year, month.month, 1))
        self._start_edited = True

    def field_id(self) -> str | None:
        data = self.field_combo.currentData()
        return None if data is None else str(data)

    def accept(self) -> None:
        """Add the chosen template as one undoable command, select the new initiative and close."""
        template_id = self.current_template_id()
        if template_id is None:
            return
        start, field_id = self.start_month(), self.field_id()
        try:
            command = self.controller.read(lambda session: add_from_template_command(
                session, template_id, start_month=start, field_id=field_id))
            self.controller.execute(command, self)
        except PlannerError as error:
            self.error_label.setText(str(error))
            self.error_label.show()
            return
        self.added = command
        self.controller.select("initiative", [command.initiative_id])
        super().accept()

    def _fit_columns(self) -> None:
        """Every column but the summary as wide as its widest text (names at most 48 characters)."""
        metrics = self.template_list.fontMetrics()
        header_metrics = self.template_list.header().fontMetrics()
        padding = metrics.averageCharWidth() * 3
        limits = {0: metrics.averageCharWidth() * 48, 4: metrics.averageCharWidth() * 30}
        for column in (0, 2, 3, 4):
            texts = [self.template_list.topLevelItem(n).text(column) for n in range(self.template_list.topLevelItemCount())]
            width = max([metrics.horizontalAdvance(text) for text in texts] or [0])
            width = min(width, limits.get(column, width))
            header_width = header_metrics.horizontalAdvance(self.template_list.headerItem().text(column))
            self.template_list.setColumnWidth(column, max(width, header_width) + padding)

    # -- handlers ---------------------------------------------------------------------------------------

    def _on_start_edit_changed(self, _date: QDate) -> None:
        self._start_edited = True

    def _on_current_template_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        self.error_label.hide()
        self.ok_button.setEnabled(current is not None)
        if current is None:
            self.details_view.clear()
            self.prerequisites_label.hide()
            return
        template_id = str(current.data(0, ID_ROLE))
        summary = next(s for s in self.summaries if s.id == template_id)
        template = get_template(template_id)

        def read(session: Session) -> tuple[str, YearMonth, tuple[str, ...], tuple[str, ...]]:
            language = plan_language(session)
            status = prerequisite_status(session, template, language)
            start = suggested_start_month(session, template_id)
            return (language, start, tuple(code for _id, code, _title in status.linked),
                    tuple(prerequisite for prerequisite, _name in status.missing))

        language, start, linked, missing = self.controller.read(read)
        if not self._start_edited:
            self.start_edit.blockSignals(True)
            self.start_edit.setDate(QDate(start.year, start.month, 1))
            self.start_edit.blockSignals(False)
        names = dict(summary.prerequisites)
        if missing:
            self.prerequisites_label.setText(_("Suggested first, not in the plan yet: {names}").format(
                names=", ".join(names[m] for m in missing)))
        self.prerequisites_label.setVisible(bool(missing))
        self.language_label.setText(_("The initiative's texts are written in the plan's language ({language}).").format(
            language=_("Korean") if language == "ko" else _("English")))
        self.details_view.setHtml(details_html(summary, linked, set(missing)))


def details_html(summary: TemplateSummary, linked: tuple[str, ...], missing: set[str]) -> str:
    """The details pane: what the template adds, in the app's language."""
    def row(label: str, value: str) -> str:
        if not value:
            return ""
        return f"<tr><th align='left' valign='top'>{escape(label)}&nbsp;&nbsp;</th><td>{value}</td></tr>"

    def text(value: str) -> str:
        return escape(value).replace("\n", "<br>")

    years = "<br>".join(
        _("Year {number}: {amounts}").format(number=offset + 1, amounts=", ".join(
            f"{escape(v.label(v.FUNDING_SOURCES, source))} {million_text(amount)}" for source, amount in sources))
        for offset, sources in summary.budget_by_year
    )
    budget = _("{total} {unit} in total").format(total=million_text(summary.budget_total_krw), unit=million_unit())
    kpis = "<br>".join(
        f"{escape(v.label(v.KPI_TYPES, kind))}: {escape(name)}" + (f" ({escape(unit)})" if unit else "")
        for kind, name, unit in summary.kpis
    )
    checklists = ", ".join(
        _("{checklist}: {count} items").format(checklist=escape(v.label(v.CHECKLISTS, checklist)), count=count)
        for checklist, count in summary.checklist_items
    )
    subjects, sensitive, unique = summary.privacy
    privacy_parts = []
    if subjects is not None:
        privacy_parts.append(_("about {count} data subjects").format(count=f"{subjects:,}"))
    if sensitive:
        privacy_parts.append(_("sensitive data"))
    if unique:
        privacy_parts.append(_("unique identifiers"))
    prerequisites = "<br>".join(
        escape(name) + " — " + (_("not in the plan") if template_id in missing else _("in the plan"))
        for template_id, name in summary.prerequisites
    )
    if linked:
        prerequisites += "<br>" + escape(_("Linked after: {codes}").format(codes=", ".join(linked)))
    rule = escape(summary.funding_rule)
    if summary.funding_rule_description:
        rule += f"<br><small>{escape(summary.funding_rule_description)}</small>"
    rows = "".join((
        row(_("Purpose"), text(summary.purpose)),
        row(_("Content"), text(summary.content)),
        row(_("Target users"), text(summary.target_users)),
        row(_("Service domain"), text(summary.service_domain)),
        row(_("AI technology"), text(summary.ai_technology)),
        row(_("Data used"), text(summary.data_used)),
        row(_("Project type"), escape(v.label(v.PROJECT_TYPES, summary.project_type))),
        row(_("Duration"), escape(_("{months} months").format(months=summary.duration_months))),
        row(_("Budget"), f"{escape(budget)}<br>{years}"),
        row(_("Funding rule"), rule or escape(_("None (own funds)"))),
        row(_("KPIs"), kpis),
        row(_("Checklists"), checklists + (" " + escape(_("(answers start unanswered)")) if checklists else "")),
        row(_("Privacy"), escape(", ".join(privacy_parts))),
        row(_("Suggested prerequisites"), prerequisites),
    ))
    return f"<h3>{escape(summary.name)}</h3><p>{escape(summary.summary)}</p><table cellspacing='4'>{rows}</table>"
