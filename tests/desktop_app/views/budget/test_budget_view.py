"""The Budget view shows what planner.budget computes, narrows to an initiative, highlights funding-rule
breaches, and draws one bar container per source."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from desktop_app.models.money_format import MILLION, decimals_for, million_text
from desktop_app.plan_controller import PlanController
from desktop_app.views.budget.budget_matrix_model import KRW_ROLE, VIOLATIONS_ROLE, BudgetMatrixModel
from desktop_app.views.budget.budget_view import BudgetView
from desktop_app.views.budget.initiative_budget_model import InitiativeBudgetModel
from planner.budget import budget_by_initiative, budget_matrix, funding_rule_violations
from planner.commands import AddRow, UpdateRow
from planner.i18n import _
from planner.model import BudgetLine
from planner.months import YearMonth

ROOT = Path(__file__).resolve().parents[4]
HOSTILE = "$\\foo$ <b>R&D</b> Cost $5 to $10"


def make_view(qtbot: Any, controller: PlanController, show: bool = True) -> BudgetView:
    view = BudgetView(controller)
    qtbot.addWidget(view)
    if show:
        view.resize(1200, 900)
        view.show()
        qtbot.waitExposed(view)
    return view


def initiative_ids(controller: PlanController) -> dict[str, str]:
    return {row.code: row.id for row in controller.read(budget_by_initiative)}


def line_id(controller: PlanController, initiative_id: str, year: int, source: str) -> str:
    query = select(BudgetLine.id).where(BudgetLine.initiative_id == initiative_id, BudgetLine.fiscal_year == year,
                                        BudgetLine.source == source)
    return str(controller.read(lambda session: session.execute(query).scalar_one()))


def table_texts(view: BudgetView) -> list[list[str]]:
    model = view.matrix_model
    return [[model.index(row, column).data() for column in range(model.columnCount())]
            for row in range(model.rowCount())]


def expected_texts(matrix: Any, executed: bool = False) -> list[list[str]]:
    cells = matrix.executed if executed else matrix.planned
    decimals = decimals_for(cells.values())

    def text(krw: int) -> str:
        return million_text(krw, decimals) if krw else "–"

    rows = [[text(matrix.cell(year, source, executed)) for source in matrix.sources] + [text(matrix.year_total(year, executed))]
            for year in matrix.years]
    rows.append([text(matrix.source_total(source, executed)) for source in matrix.sources] + [text(matrix.total(executed))])
    return rows


def cell(view: BudgetView, year: int, source: str | None) -> Any:
    model = view.matrix_model
    row = model.matrix.years.index(year)
    column = len(model.matrix.sources) if source is None else model.matrix.sources.index(source)
    return model.index(row, column)


def test_the_table_shows_the_totals_planner_computes(qtbot: Any, haedam_controller: PlanController) -> None:
    view = make_view(qtbot, haedam_controller)
    matrix = haedam_controller.read(budget_matrix)
    model = view.matrix_model
    assert table_texts(view) == expected_texts(matrix)
    assert model.index(model.rowCount() - 1, model.columnCount() - 1).data() == "19,450.0"
    assert model.index(model.rowCount() - 1, model.columnCount() - 1).data(KRW_ROLE) == matrix.total() == 19_450_000_000
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["National", "Provincial", "Municipal", "Private", "Other", "Total"]
    years = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    assert years == ["2027", "2028", "2029", "2030", "2031", "Total"]
    assert view.violations_list.isHidden() and view.violations_list.count() == 0
    assert view.violations_note.text() == "All 6 initiatives that follow a funding rule comply with it."
    assert view.initiative_model.rowCount() == len(haedam_controller.read(budget_by_initiative))


def test_executed_amounts(qtbot: Any, haedam_controller: PlanController) -> None:
    view = make_view(qtbot, haedam_controller)
    view.amounts_combo.setCurrentIndex(1)
    assert view.executed and view.matrix_model.executed
    matrix = haedam_controller.read(budget_matrix)
    assert table_texts(view) == expected_texts(matrix, executed=True)
    assert view.matrix_model.amount(len(matrix.years), len(matrix.sources)) == matrix.total(executed=True) > 0


def test_choosing_an_initiative_narrows_the_table(qtbot: Any, haedam_controller: PlanController) -> None:
    view = make_view(qtbot, haedam_controller)
    b04 = initiative_ids(haedam_controller)["B-04"]
    view.scope_combo.setCurrentIndex(view.scope_combo.findData(b04))
    assert view.scope() == b04
    matrix = haedam_controller.read(lambda session: budget_matrix(session, b04))
    assert view.matrix_model.matrix == matrix
    assert table_texts(view) == expected_texts(matrix)
    assert table_texts(view)[-1][-1] == "6,000"
    assert view.matrix_model.matrix.sources == ("national", "provincial", "municipal", "private")
    assert view.scope_label.text().startswith("B-04 ")
    assert view.figure.axes[0].get_title(loc="left").startswith("B-04 ")
    assert view.initiatives_table.selectionModel().currentIndex().data() == "B-04"  # the row follows
    view.set_scope(None)
    assert table_texts(view)[-1][-1] == "19,450.0"


def test_the_shared_selection_is_offered(qtbot: Any, haedam_controller: PlanController) -> None:
    view = make_view(qtbot, haedam_controller)
    e01 = initiative_ids(haedam_controller)["E-01"]
    assert view.selection_button.isHidden()
    haedam_controller.select("initiative", [e01])
    assert view.selection_button.isVisible() and "E-01" in view.selection_button.text()
    qtbot.mouseClick(view.selection_button, Qt.MouseButton.LeftButton)
    assert view.scope() == e01
    assert view.selection_button.isHidden()
    haedam_controller.select("stakeholder", [])
    assert view.selection_button.isHidden()


def test_a_row_of_the_initiative_table_selects_the_initiative(qtbot: Any, haedam_controller: PlanController) -> None:
    view = make_view(qtbot, haedam_controller)
    model = view.initiative_model
    row = model.row_of(initiative_ids(haedam_controller)["D-01"])
    view.initiatives_table.setCurrentIndex(model.index(row, 1))
    assert view.scope() == model.row_snapshot(row).id
    assert (haedam_controller.selection_kind, haedam_controller.selection_ids) == ("initiative", [view.scope()])


def test_a_violation_is_listed_highlighted_and_gone_on_undo(qtbot: Any, haedam_controller: PlanController) -> None:
    view = make_view(qtbot, haedam_controller)
    e01 = initiative_ids(haedam_controller)["E-01"]
    assert view.matrix_model.index(1, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    haedam_controller.execute(UpdateRow("budget_line", line_id(haedam_controller, e01, 2028, "national"),
                                        {"planned_krw": 70_000_000}))
    message = "E-01, 2028: national share 77.8 % is below the 80 % minimum of '스마트빌리지 선도서비스'"
    assert [v.message for v in haedam_controller.read(funding_rule_violations)] == [message]
    assert view.violations_list.count() == 1 and view.violations_list.item(0).text() == message
    assert view.violations_heading.text() == "Funding-rule violations (1)"
    for source in ("national", None):
        index = cell(view, 2028, source)
        assert index.data(Qt.ItemDataRole.BackgroundRole) is not None
        assert index.data(VIOLATIONS_ROLE) == (message,)
        assert message.replace("'", "&#x27;") in index.data(Qt.ItemDataRole.ToolTipRole)
    assert cell(view, 2028, "municipal").data(Qt.ItemDataRole.BackgroundRole) is None
    assert cell(view, 2029, "national").data(Qt.ItemDataRole.BackgroundRole) is None
    check = view.initiative_model.index(view.initiative_model.row_of(e01), view.initiative_model.column_of("check"))
    assert check.data() == "1 breach" and check.data(Qt.ItemDataRole.BackgroundRole) is not None

    view.violations_list.itemClicked.emit(view.violations_list.item(0))
    assert view.scope() == e01
    assert cell(view, 2028, "national").data(VIOLATIONS_ROLE) == (message,)

    haedam_controller.undo_stack.undo()
    assert view.violations_list.count() == 0 and view.violations_list.isHidden()
    assert cell(view, 2028, "national").data(Qt.ItemDataRole.BackgroundRole) is None
    assert check.data() == "Complies"
    haedam_controller.undo_stack.redo()
    assert view.violations_list.count() == 1


def test_a_hidden_view_catches_up_when_shown(qtbot: Any, haedam_controller: PlanController) -> None:
    view = make_view(qtbot, haedam_controller, show=False)
    a01 = initiative_ids(haedam_controller)["A-01"]
    haedam_controller.execute(AddRow("budget_line", {"initiative_id": a01, "fiscal_year": 2034, "source": "private",
                                                     "planned_krw": 1_000_000}))
    assert 2034 not in view.matrix_model.matrix.years
    view.show()
    assert view.matrix_model.matrix.years[-1] == 2034
    assert table_texts(view)[-1][-1] == "19,451.0"


def test_the_chart_stacks_one_bar_container_per_source(qtbot: Any, haedam_controller: PlanController) -> None:
    view = make_view(qtbot, haedam_controller)
    matrix = haedam_controller.read(budget_matrix)
    [axes] = view.figure.axes
    assert len(axes.containers) == len(matrix.sources) == 5
    bottoms = [0.0] * len(matrix.years)
    for container, source in zip(axes.containers, matrix.sources, strict=True):
        assert len(container.patches) == len(matrix.years)
        for number, (patch, year) in enumerate(zip(container.patches, matrix.years, strict=True)):
            assert patch.get_height() == pytest.approx(matrix.cell(year, source) / MILLION)
            assert patch.get_y() == pytest.approx(bottoms[number])
            bottoms[number] += patch.get_height()
    assert bottoms == pytest.approx([matrix.year_total(year) / MILLION for year in matrix.years])
    assert [t.get_text() for t in axes.get_xticklabels()] == [str(year) for year in matrix.years]
    legend = [text.get_text() for text in axes.get_legend().get_texts()]
    assert legend == ["Other", "Private", "Municipal", "Provincial", "National"]  # as stacked, top first
    assert axes.get_ylabel() == "KRW million"
    assert len({patch.get_facecolor() for container in axes.containers for patch in container.patches[:1]}) == 5
    view.canvas.draw()


def test_the_chart_and_messages_take_user_text_literally(qtbot: Any, empty_controller: PlanController) -> None:
    controller = empty_controller
    rule = AddRow("funding_rule", {"name": HOSTILE, "min_national_share_percent": 80})
    controller.execute(rule)
    initiative = AddRow("initiative", {"code": "R&D-1", "title": HOSTILE, "start_month": YearMonth(2028, 1),
                                       "funding_rule_id": rule.row_id})
    controller.execute(initiative)
    controller.execute(AddRow("budget_line", {"initiative_id": initiative.row_id, "fiscal_year": 2028,
                                              "source": "national", "planned_krw": 1_000_000}))
    controller.execute(AddRow("budget_line", {"initiative_id": initiative.row_id, "fiscal_year": 2028,
                                              "source": "municipal", "planned_krw": 1_000_000}))
    view = make_view(qtbot, controller)
    view.set_scope(initiative.row_id)
    title = view.figure.axes[0].get_title(loc="left")
    assert title.startswith(f"R&D-1 {HOSTILE}")
    view.canvas.draw()  # mathtext would raise on $\foo$
    message = f"R&D-1, 2028: national share 50.0 % is below the 80 % minimum of '{HOSTILE}'"
    assert view.violations_list.item(0).text() == message
    tooltip = view.violations_list.item(0).toolTip()
    assert "&lt;b&gt;R&amp;D&lt;/b&gt;" in tooltip and "<b>R&D</b>" not in tooltip
    assert view.scope_combo.currentText() == f"R&D-1 {HOSTILE}"


def test_an_empty_plan(qtbot: Any, empty_controller: PlanController) -> None:
    view = make_view(qtbot, empty_controller)
    assert table_texts(view) == [["–"]] * 6
    assert view.figure.axes[0].containers == []
    assert view.violations_note.text() == "No initiative follows a funding rule yet."
    assert view.scope_combo.count() == 1
    view.canvas.draw()


def test_item_models_pass_the_model_tester(qtmodeltester: Any, haedam_controller: PlanController) -> None:
    matrix_model = BudgetMatrixModel()
    qtmodeltester.check(matrix_model)
    e01 = initiative_ids(haedam_controller)["E-01"]
    haedam_controller.execute(UpdateRow("budget_line", line_id(haedam_controller, e01, 2029, "national"),
                                        {"planned_krw": 1}))
    matrix_model.set_matrix(haedam_controller.read(budget_matrix), haedam_controller.read(funding_rule_violations))
    qtmodeltester.check(matrix_model)
    initiative_model = InitiativeBudgetModel(haedam_controller)
    qtmodeltester.check(initiative_model)
    haedam_controller.undo_stack.undo()
    initiative_model.sort(initiative_model.column_of("total"), Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(initiative_model)


def test_importing_the_view_loads_no_chart_library() -> None:
    code = (
        "import sys, desktop_app.views.budget.budget_view, desktop_app.views.budget.budget_chart, "
        "desktop_app.charts; sys.exit(1 if 'matplotlib' in sys.modules else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT, timeout=120).returncode == 0


def test_constructing_the_view_loads_matplotlib_but_never_pyplot(qtbot: Any, empty_controller: PlanController) -> None:
    make_view(qtbot, empty_controller, show=False)
    assert "matplotlib.figure" in sys.modules and "matplotlib.backends.backend_qtagg" in sys.modules
    assert "matplotlib.pyplot" not in sys.modules


def test_long_titles_are_elided_by_display_width() -> None:
    from desktop_app.views.budget.budget_chart import elided

    assert elided("B-04 short", 64) == "B-04 short"
    assert elided("가" * 40, 64) == "가" * 31 + "…"
    assert elided("a" * 70, 64) == "a" * 63 + "…"


def test_chart_texts_use_the_korean_font(qtbot: Any, haedam_controller: PlanController) -> None:
    from matplotlib import font_manager

    from planner.fonts import FONT_FAMILY

    view = make_view(qtbot, haedam_controller, show=False)
    found = font_manager.findfont(font_manager.FontProperties(family=FONT_FAMILY), fallback_to_default=False)
    assert Path(found).name == "NanumGothic.ttf"
    [axes] = view.figure.axes
    view.canvas.draw()
    texts = [axes.title, axes.xaxis.label, axes.yaxis.label, *axes.get_legend().get_texts(), *axes.get_xticklabels()]
    assert all(text.get_fontfamily()[0] == FONT_FAMILY for text in texts)


def test_declared_totals_are_checked_and_declared_in_one_undo_step(qtbot: Any, haedam_controller: PlanController) -> None:
    view = make_view(qtbot, haedam_controller)
    assert "✓" in view.declared_note.text() and not view.declare_button.isEnabled()
    query = select(BudgetLine.id, BudgetLine.fiscal_year, BudgetLine.planned_krw).order_by(BudgetLine.id).limit(1)
    line_id_, year, planned = haedam_controller.read(lambda session: session.execute(query).one())
    haedam_controller.execute(UpdateRow("budget_line", line_id_, {"planned_krw": planned + 2_000_000}))
    qtbot.waitUntil(lambda: "✓" not in view.declared_note.text())
    assert str(year) in view.declared_note.text() and view.declare_button.isEnabled()

    depth = haedam_controller.undo_stack.count()
    view.declare_button.click()
    assert haedam_controller.undo_stack.count() == depth + 1
    assert "✓" in view.declared_note.text()
    haedam_controller.undo_stack.undo()
    assert "✓" not in view.declared_note.text()


def test_a_plan_without_declared_totals_says_so(qtbot: Any, empty_controller: PlanController) -> None:
    view = make_view(qtbot, empty_controller)
    assert view.declare_button.isVisible()
    assert view.declared_note.text() == _("The plan declares no totals yet: its summary table shows the sums of "
                                          "the lines.")
