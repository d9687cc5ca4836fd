"""The Budget view: year × source table, stacked bars, funding-rule violations and the per-initiative table."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.charts import make_canvas, make_figure
from desktop_app.models.money_format import krw_text, million_unit
from desktop_app.models.snapshot_table_model import ID_ROLE
from desktop_app.plan_controller import PlanController
from desktop_app.views.budget.budget_chart import draw_budget_chart
from desktop_app.views.budget.budget_matrix_model import BudgetMatrixModel, rich_tooltip
from desktop_app.views.budget.initiative_budget_model import InitiativeBudgetModel
from desktop_app.widgets.muted_text import mute
from desktop_app.widgets.refresh_when_shown import StaleRefresher
from planner.budget import (
    BUDGET_KINDS,
    MAX_NATIONAL_SHARE,
    MAX_PER_YEAR,
    MIN_NATIONAL_SHARE,
    BudgetMatrix,
    DeclaredTotals,
    FundingViolation,
    budget_matrix,
    declare_totals_command,
    declared_totals,
    funding_rule_violations,
    percent_text,
)
from planner.commands import Changes
from planner.i18n import _
from planner.model import Initiative
from planner.model.vocabulary import FUNDING_SOURCES, label

WHOLE_PLAN = ""  # the scope combo's value for the whole plan


@dataclass(frozen=True)
class BudgetSnapshot:
    """What the view shows, read in one short session: no ORM object outlives it."""

    initiatives: tuple[tuple[str, str, str], ...]  # (id, code, title) in the plan's order
    matrix: BudgetMatrix
    violations: tuple[FundingViolation, ...]
    ruled_count: int  # initiatives that follow a funding rule
    declared: DeclaredTotals  # the totals the plan declares against the sums of its lines


def read_budget(session: Session, initiative_id: str | None) -> BudgetSnapshot:
    initiatives = tuple(
        (row.id, row.code, row.title) for row in session.execute(
            select(Initiative.id, Initiative.code, Initiative.title).order_by(Initiative.position, Initiative.code))
    )
    if initiative_id is not None and initiative_id not in {row[0] for row in initiatives}:
        initiative_id = None
    ruled = session.execute(select(func.count()).where(Initiative.funding_rule_id.is_not(None))).scalar_one()
    return BudgetSnapshot(initiatives, budget_matrix(session, initiative_id),
                          tuple(funding_rule_violations(session)), int(ruled), declared_totals(session))


def numbers_text(violation: FundingViolation) -> str:
    """The breach's actual figure and limit, e.g. 'National share 62.5 % — minimum 80 %'."""
    if violation.kind in (MIN_NATIONAL_SHARE, MAX_NATIONAL_SHARE):
        share = f"{percent_text(Fraction(violation.actual))} %"
        if violation.kind == MIN_NATIONAL_SHARE:
            return _("National share {share} — minimum {limit} %").format(share=share, limit=violation.limit)
        return _("National share {share} — maximum {limit} %").format(share=share, limit=violation.limit)
    if violation.kind == MAX_PER_YEAR:
        return _("Planned {amount} — at most {limit} a year").format(
            amount=krw_text(int(violation.actual)), limit=krw_text(violation.limit))
    return _("Funded years {count} — at most {limit}").format(count=violation.actual, limit=violation.limit)


def _heading(text: str, scale: float = 1.2) -> QLabel:
    heading = QLabel(text)
    heading.setTextFormat(Qt.TextFormat.PlainText)
    font = heading.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    heading.setFont(font)
    return heading


def _fit_height(table: QTableView) -> None:
    """Make a table exactly as tall as its rows (the page scrolls, not the table); room is kept for a
    horizontal scroll bar unless it is switched off."""
    header = 0 if table.horizontalHeader().isHidden() else table.horizontalHeader().sizeHint().height()
    rows = table.verticalHeader().defaultSectionSize() * table.model().rowCount()
    scroll = 0
    if table.horizontalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
        scroll = table.horizontalScrollBar().sizeHint().height()
    table.setFixedHeight(header + rows + scroll + 2 * table.frameWidth() + 2)


class BudgetView(QWidget):
    """Shows the plan's (or one initiative's) budget by fiscal year and funding source, as a table and as
    stacked bars, with the funding-rule breaches listed and highlighted. Refreshed from the controller's
    Changes; holds plain snapshots only."""

    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("budget_view")
        self.controller = controller
        self.snapshot: BudgetSnapshot | None = None
        self._refresher = StaleRefresher(self, self.refresh)
        self._syncing = False
        row_height = int(self.fontMetrics().height() * 1.8)

        # -- what to show ---------------------------------------------------------------------------------
        self.scope_combo = QComboBox()
        self.scope_combo.setObjectName("scope_combo")
        self.scope_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.scope_combo.setMinimumContentsLength(44)
        self.scope_combo.currentIndexChanged.connect(self._on_scope_combo_changed)
        self.selection_button = QPushButton()
        self.selection_button.setObjectName("selection_button")
        self.selection_button.setToolTip(_("Show the budget of the initiative selected in another view"))
        self.selection_button.clicked.connect(self._on_selection_button_clicked)
        self.selection_button.hide()
        self.amounts_combo = QComboBox()
        self.amounts_combo.setObjectName("amounts_combo")
        self.amounts_combo.setToolTip(_("Show planned or executed amounts"))
        self.amounts_combo.setAccessibleName(_("Amounts"))
        self.amounts_combo.addItem(_("Planned amounts"), False)
        self.amounts_combo.addItem(_("Executed amounts"), True)
        self.amounts_combo.currentIndexChanged.connect(self._on_amounts_combo_changed)
        scope_label = QLabel(_("Show"))
        scope_label.setBuddy(self.scope_combo)
        controls = QHBoxLayout()
        controls.setSpacing(8)
        controls.addWidget(scope_label)
        controls.addWidget(self.scope_combo)
        controls.addWidget(self.selection_button)
        controls.addStretch(1)
        controls.addWidget(self.amounts_combo)

        # -- year × source table and chart ----------------------------------------------------------------
        self.matrix_heading = _heading(_("Budget by year and source ({unit})").format(unit=million_unit()))
        self.scope_label = QLabel()
        self.scope_label.setObjectName("scope_label")
        self.scope_label.setTextFormat(Qt.TextFormat.PlainText)
        self.scope_label.setWordWrap(True)
        mute(self.scope_label)
        self.matrix_model = BudgetMatrixModel(self)
        self.matrix_table = QTableView()
        self.matrix_table.setObjectName("matrix_table")
        self.matrix_table.setModel(self.matrix_model)
        self.matrix_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.matrix_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.matrix_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.matrix_table.setAlternatingRowColors(True)
        self.matrix_table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.matrix_table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.matrix_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.matrix_table.horizontalHeader().setMinimumSectionSize(self.fontMetrics().averageCharWidth() * 9)
        self.matrix_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.matrix_table.verticalHeader().setDefaultSectionSize(row_height)
        self.matrix_table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

        self.figure = make_figure(6.4, 3.4)
        self.canvas = make_canvas(self.figure)
        self.canvas.setObjectName("budget_chart")
        self.canvas.setAccessibleName(_("Budget chart"))
        self.canvas.setMinimumSize(self.fontMetrics().averageCharWidth() * 50, row_height * 11)

        # -- the totals the plan declares (its summary table), checked against the lines ------------------
        self.declared_note = QLabel()
        self.declared_note.setObjectName("declared_note")
        self.declared_note.setTextFormat(Qt.TextFormat.PlainText)
        self.declared_note.setWordWrap(True)
        self.declare_button = QPushButton(_("Declare These Totals"))
        self.declare_button.setObjectName("declare_button")
        self.declare_button.setToolTip(_(
            "Record the current sums by year and source as the totals the plan declares. The checks then report "
            "any later change that makes the lines stop adding up to them."))
        self.declare_button.setAccessibleName(_("Declare these totals"))
        self.declare_button.clicked.connect(self._on_declare_button_clicked)

        matrix_column = QVBoxLayout()
        matrix_column.addWidget(self.matrix_table)
        matrix_column.addWidget(self.declared_note)
        matrix_column.addWidget(self.declare_button, 0, Qt.AlignmentFlag.AlignLeft)
        matrix_column.addStretch(1)
        matrix_row = QHBoxLayout()
        matrix_row.setSpacing(16)
        matrix_row.addLayout(matrix_column, 5)
        matrix_row.addWidget(self.canvas, 6)

        # -- violations -----------------------------------------------------------------------------------
        self.violations_heading = _heading(_("Funding-rule violations"))
        self.violations_list = QListWidget()
        self.violations_list.setObjectName("violations_list")
        self.violations_list.setWordWrap(True)
        self.violations_list.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.violations_list.itemActivated.connect(self._on_violations_list_item_activated)
        self.violations_list.itemClicked.connect(self._on_violations_list_item_activated)
        self.violations_note = QLabel()
        self.violations_note.setObjectName("violations_note")
        self.violations_note.setWordWrap(True)
        mute(self.violations_note)

        # -- per initiative -------------------------------------------------------------------------------
        self.initiatives_heading = _heading(_("Budget by initiative ({unit})").format(unit=million_unit()))
        self.initiative_model = InitiativeBudgetModel(controller, self)
        self.initiative_model.follows_plan = False  # read again with the view, not while it is hidden
        self._initiatives_stale = False
        self.initiatives_table = QTableView()
        self.initiatives_table.setObjectName("initiatives_table")
        self.initiatives_table.setAccessibleName(_("Budget by initiative"))
        self.initiatives_table.setModel(self.initiative_model)
        self.initiatives_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.initiatives_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.initiatives_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.initiatives_table.setAlternatingRowColors(True)
        self.initiatives_table.setWordWrap(False)
        self.initiatives_table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.initiatives_table.verticalHeader().hide()
        self.initiatives_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.initiatives_table.verticalHeader().setDefaultSectionSize(row_height)
        header = self.initiatives_table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.initiative_model.column_of("title"), QHeaderView.ResizeMode.Stretch)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the plan's order until a header is clicked
        self.initiatives_table.setSortingEnabled(True)
        self.initiatives_table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.initiatives_table.selectionModel().currentRowChanged.connect(self._on_initiatives_table_current_changed)
        self.initiative_model.modelReset.connect(self._fit_initiatives_table)
        self.initiative_model.rowsInserted.connect(self._fit_initiatives_table)
        self.initiative_model.rowsRemoved.connect(self._fit_initiatives_table)

        page = QWidget()
        page.setObjectName("budget_page")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(24, 16, 24, 24)
        layout.setSpacing(8)
        layout.addLayout(controls)
        layout.addSpacing(8)
        layout.addWidget(self.matrix_heading)
        layout.addWidget(self.scope_label)
        layout.addLayout(matrix_row)
        layout.addSpacing(12)
        layout.addWidget(self.violations_heading)
        layout.addWidget(self.violations_list)
        layout.addWidget(self.violations_note)
        layout.addSpacing(12)
        layout.addWidget(self.initiatives_heading)
        layout.addWidget(self.initiatives_table)
        layout.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        controller.plan_changed.connect(self._on_plan_changed)
        controller.document_replaced.connect(self._refresher.mark_changed)
        controller.selection_changed.connect(self._on_controller_selection_changed)
        self.refresh()
        self._fit_initiatives_table()

    # -- public -----------------------------------------------------------------------------------------

    def scope(self) -> str | None:
        """The initiative whose budget is shown, or None for the whole plan."""
        value = self.scope_combo.currentData()
        return value or None

    def set_scope(self, initiative_id: str | None) -> None:
        """Show one initiative's budget (None: the whole plan's)."""
        number = self.scope_combo.findData(initiative_id or WHOLE_PLAN)
        if number >= 0:
            self.scope_combo.setCurrentIndex(number)

    @property
    def executed(self) -> bool:
        return bool(self.amounts_combo.currentData())

    def refresh(self) -> None:
        """Read the budget again and show it."""
        self.snapshot = self.controller.read(lambda session: read_budget(session, self.scope()))
        self._refresher.mark_refreshed()
        if self._initiatives_stale:
            self._initiatives_stale = False
            self.initiative_model.refresh()
        self._show_choices(self.snapshot)
        self._show_matrix(self.snapshot)
        self._show_violations(self.snapshot)
        self._show_declared(self.snapshot)
        self._update_selection_button()

    # -- refreshing -------------------------------------------------------------------------------------

    def _on_plan_changed(self, changes: Changes, _initiator: object) -> None:
        if changes.touches(*BUDGET_KINDS):
            self._initiatives_stale = True
            self._refresher.mark_changed()

    # -- user actions -----------------------------------------------------------------------------------

    def _on_declare_button_clicked(self) -> None:
        command = self.controller.read(declare_totals_command)
        self.controller.execute(command, self)

    def _on_scope_combo_changed(self, _number: int) -> None:
        if self._syncing:
            return
        self.refresh()
        self._select_initiative_row(self.scope())

    def _on_amounts_combo_changed(self, _number: int) -> None:
        if self.snapshot is not None:
            self._show_matrix(self.snapshot)

    def _on_selection_button_clicked(self) -> None:
        ids = self.controller.selection_ids
        if self.controller.selection_kind == "initiative" and len(ids) == 1:
            self.set_scope(ids[0])

    def _on_controller_selection_changed(self, _kind: str, _ids: object) -> None:
        self._update_selection_button()

    def _on_violations_list_item_activated(self, item: QListWidgetItem) -> None:
        self.set_scope(item.data(Qt.ItemDataRole.UserRole))

    def _on_initiatives_table_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing or not current.isValid():
            return
        initiative_id = str(current.data(ID_ROLE))
        self.set_scope(initiative_id)
        self.controller.select("initiative", [initiative_id])

    # -- parts ------------------------------------------------------------------------------------------

    def _scope_title(self, snapshot: BudgetSnapshot) -> str:
        scope = snapshot.matrix.initiative_id
        for initiative_id, code, title in snapshot.initiatives:
            if initiative_id == scope:
                return f"{code} {title}"
        return _("Whole plan")

    def _show_choices(self, snapshot: BudgetSnapshot) -> None:
        combo = self.scope_combo
        wanted = snapshot.matrix.initiative_id or WHOLE_PLAN
        self._syncing = True
        try:
            combo.clear()
            combo.addItem(_("Whole plan"), WHOLE_PLAN)
            for initiative_id, code, title in snapshot.initiatives:
                combo.addItem(f"{code} {title}", initiative_id)
            combo.setCurrentIndex(max(combo.findData(wanted), 0))
        finally:
            self._syncing = False

    def _show_matrix(self, snapshot: BudgetSnapshot) -> None:
        matrix, executed = snapshot.matrix, self.executed
        scope = matrix.initiative_id
        violations = [v for v in snapshot.violations if scope is None or v.initiative_id == scope]
        self.matrix_model.set_matrix(matrix, [] if executed else violations, executed)
        _fit_height(self.matrix_table)
        title = self._scope_title(snapshot)
        what = self.amounts_combo.currentText()
        self.scope_label.setText(f"{title} · {what}")
        draw_budget_chart(self.figure, matrix, f"{title} · {what}", executed)
        self.canvas.draw_idle()

    def _show_declared(self, snapshot: BudgetSnapshot) -> None:
        """Whether the lines add up to the declared totals (whole plan only)."""
        whole_plan = snapshot.matrix.initiative_id is None
        self.declared_note.setVisible(whole_plan)
        self.declare_button.setVisible(whole_plan)
        if not whole_plan:
            return
        declared = snapshot.declared
        differences = declared.differences()
        if not declared.any_declared:
            text = _("The plan declares no totals yet: its summary table shows the sums of the lines.")
            self.declared_note.setStyleSheet("")
        elif not differences:
            text = _("✓ The lines add up to the declared totals.")
            self.declared_note.setStyleSheet("")
        else:
            year, source, stated, lines = differences[0]
            text = _("The lines differ from the declared totals in {count} cells, e.g. {year} {source}: declared "
                     "{declared}, lines {lines}.").format(
                count=len(differences), year=year, source=label(FUNDING_SOURCES, source),
                declared=krw_text(stated or 0), lines=krw_text(lines))
            self.declared_note.setStyleSheet("color: #b00020;")
        self.declared_note.setText(text)
        self.declare_button.setEnabled(bool(differences) or not declared.any_declared)

    def _show_violations(self, snapshot: BudgetSnapshot) -> None:
        violations = snapshot.violations
        self.violations_heading.setText(
            _("Funding-rule violations ({count})").format(count=len(violations)) if violations
            else _("Funding-rule violations"))
        listing = self.violations_list
        listing.clear()
        for violation in violations:
            item = QListWidgetItem(violation.message)
            item.setData(Qt.ItemDataRole.UserRole, violation.initiative_id)
            item.setToolTip(rich_tooltip([
                f"{violation.initiative_code} {violation.initiative_title}",
                _("Funding rule: {rule}").format(rule=violation.rule_name),
                numbers_text(violation),
            ]))
            listing.addItem(item)
        listing.setVisible(bool(violations))
        if violations:
            lines = min(len(violations), 8)
            listing.setFixedHeight(lines * int(self.fontMetrics().height() * 1.6) + 2 * listing.frameWidth() + 6)
            self.violations_note.setText(_("Click a violation to show that initiative's budget."))
        elif snapshot.ruled_count:
            self.violations_note.setText(
                _("All {count} initiatives that follow a funding rule comply with it.").format(
                    count=snapshot.ruled_count))
        else:
            self.violations_note.setText(_("No initiative follows a funding rule yet."))

    def _update_selection_button(self) -> None:
        ids = self.controller.selection_ids
        button = self.selection_button
        if self.controller.selection_kind != "initiative" or len(ids) != 1 or self.snapshot is None:
            button.hide()
            return
        code = next((code for initiative_id, code, _title in self.snapshot.initiatives if initiative_id == ids[0]), None)
        button.setText(_("Show selected initiative ({code})").format(code=code or ""))
        button.setVisible(code is not None and ids[0] != self.scope())

    def _select_initiative_row(self, initiative_id: str | None) -> None:
        """Select the shown initiative's row in the per-initiative table (or nothing), without echoes."""
        self._syncing = True
        try:
            selection = self.initiatives_table.selectionModel()
            row = self.initiative_model.row_of(initiative_id) if initiative_id else -1
            if row < 0:
                selection.clear()
            else:
                index = self.initiative_model.index(row, 0)
                selection.setCurrentIndex(index, selection.SelectionFlag.ClearAndSelect | selection.SelectionFlag.Rows)
                self.initiatives_table.scrollTo(index)
        finally:
            self._syncing = False

    def _fit_initiatives_table(self) -> None:
        _fit_height(self.initiatives_table)
