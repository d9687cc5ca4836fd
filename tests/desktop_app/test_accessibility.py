"""Accessibility of the demo plan's window, views and dialogs: names, keyboard reach, Tab order, font scale, DPI."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QDialog, QToolBar, QWidget

from desktop_app.dialogs.new_plan_dialog import NewPlanDialog
from desktop_app.dialogs.recovery_dialog import RecoveryDialog
from desktop_app.dialogs.template_dialog import TemplateDialog
from desktop_app.plan_controller import PlanController
from desktop_app.view_specs import VIEW_NAMES
from desktop_app.views.dependency_graph.link_dialog import LinkDialog
from desktop_app.widgets import accessibility
from desktop_app.widgets.accessibility import (
    describe,
    interactive_widgets,
    keyboard_unreachable_actions,
    tab_focus_chain,
    toolbar_controls,
    unnamed_widgets,
)
from planner.storage.working import WorkingCopyInfo
from tests.desktop_app.views.conftest import demo_controller  # noqa: F401  (a fixture)

FONT_SCALE = 1.5


def demo_window(make_window: Any) -> Any:
    window = make_window("--demo")
    window.resize(1600, 1000)
    QApplication.processEvents()
    return window


def show_view(window: Any, name: str) -> QWidget:
    window.select_view(name)
    QApplication.processEvents()
    view = window.current_view()
    assert view is not None
    return view


def assert_named(root: QWidget) -> None:
    unnamed = [describe(widget) for widget in unnamed_widgets(root)]
    assert unnamed == [], f"controls without an accessible name, buddy label or text in {describe(root)}"


def assert_tab_reaches_every_control(root: QWidget) -> list[QWidget]:
    """Tab from the first control visits every control of `root` and comes back around (no trap)."""
    chain = tab_focus_chain(root)  # raises on a loop that never comes back
    reachable = [widget for widget in interactive_widgets(root) if widget.focusPolicy() & Qt.FocusPolicy.TabFocus]
    missed = [describe(widget) for widget in reachable if widget not in chain]
    assert missed == [], f"Tab never reaches these controls of {describe(root)}"
    return chain


# -- menus ------------------------------------------------------------------------------------------------


def test_every_menu_entry_has_a_shortcut_or_a_mnemonic(make_window: Any) -> None:
    window = demo_window(make_window)
    window.recent_menu.aboutToShow.emit()
    assert keyboard_unreachable_actions(window.menuBar()) == []


def test_the_checks_view_opens_with_f7_from_the_view_menu_entry(make_window: Any, qtbot: Any) -> None:
    window = demo_window(make_window)
    checks_action = next(action for action in window.view_actions if action.objectName() == "view_checks_action")
    assert checks_action.shortcut().toString() == "F7"
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_F7)
    assert window.current_view_name() == "checks"


def test_the_navigator_is_named_and_reached_by_tab(make_window: Any) -> None:
    window = demo_window(make_window)
    assert window.navigator.accessibleName() == "Views"
    assert_named(window.workspace)
    assert window.navigator in tab_focus_chain(window)


# -- views ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", VIEW_NAMES)
def test_every_control_of_a_view_is_named(make_window: Any, name: str) -> None:
    window = demo_window(make_window)
    assert_named(show_view(window, name))


@pytest.mark.parametrize("name", VIEW_NAMES)
def test_tab_reaches_every_control_of_a_view_toolbar_first_left_to_right(make_window: Any, name: str) -> None:
    window = demo_window(make_window)
    view = show_view(window, name)
    chain = assert_tab_reaches_every_control(view)
    for toolbar in view.findChildren(QToolBar):
        if not toolbar.isVisible():
            continue
        controls = [widget for widget in toolbar_controls(toolbar) if widget.isVisible() and widget.isEnabled()]
        visited = [widget for widget in chain if widget in controls]
        assert visited == controls, f"Tab misses or reorders the toolbar of {name}"
        lefts = [widget.mapTo(toolbar, widget.rect().topLeft()).x() for widget in visited]
        assert lefts == sorted(lefts), f"the toolbar of {name} is not visited left to right"
        if visited:
            below = [widget for widget in chain if widget not in controls and not toolbar.isAncestorOf(widget)
                     and widget.mapTo(view, widget.rect().topLeft()).y()
                     > toolbar.mapTo(view, toolbar.rect().bottomLeft()).y()]
            if below:  # the content under the toolbar comes after it
                assert chain.index(below[0]) > chain.index(visited[-1]), f"{name}: content before its toolbar"


@pytest.mark.parametrize("name", ["initiatives", "stakeholders", "roadmap", "dependencies", "grid", "network", "raci"])
def test_every_toolbar_button_is_reachable_by_keyboard(make_window: Any, name: str) -> None:
    """A toolbar command has a shortcut or its button takes Tab focus (Space presses it)."""
    window = demo_window(make_window)
    view = show_view(window, name)
    chain = tab_focus_chain(view)
    for toolbar in view.findChildren(QToolBar):
        for action in toolbar.actions():
            button = toolbar.widgetForAction(action)
            if action.isSeparator() or not action.isVisible() or not action.text() or button is None:
                continue
            tab_reachable = button in chain or (not action.isEnabled() and bool(button.focusPolicy()
                                                                                & Qt.FocusPolicy.TabFocus))
            assert accessibility.action_is_keyboard_reachable(action) or tab_reachable, action.text()


@pytest.mark.parametrize("kind", ["initiatives", "stakeholders"])
def test_the_inspector_is_named_and_tab_goes_from_the_form_to_the_linked_items(make_window: Any, kind: str) -> None:
    window = demo_window(make_window)
    view = show_view(window, kind)
    view.table.selectRow(0)
    QApplication.processEvents()
    inspector = window._inspector
    assert inspector is not None and inspector.isVisible()
    assert_named(inspector)
    chain = assert_tab_reaches_every_control(inspector)
    tree = inspector.linked_panel.tree
    if tree.isVisible():
        form_controls = [widget for widget in chain if inspector.form.isAncestorOf(widget)]
        assert form_controls and chain.index(tree) > chain.index(form_controls[-1])


# -- dialogs ----------------------------------------------------------------------------------------------


def make_dialog(kind: str, controller: PlanController) -> QDialog:
    if kind == "new_plan":
        return NewPlanDialog()
    if kind == "recovery":
        copy = WorkingCopyInfo(Path("/nowhere/copy.cplan"), None, "Crashed plan", 1, "host",
                               "2026-03-02T09:00:00", "2026-03-02T09:15:00", True)
        return RecoveryDialog([copy])
    if kind == "template":
        return TemplateDialog(controller)
    return LinkDialog(None, "A-01 → A-02")


@pytest.mark.parametrize("kind", ["new_plan", "recovery", "template", "link"])
def test_every_control_of_a_dialog_is_named_and_reached_by_tab(
    qtbot: Any, demo_controller: PlanController, kind: str  # noqa: F811
) -> None:
    dialog = make_dialog(kind, demo_controller)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert_named(dialog)
    assert_tab_reaches_every_control(dialog)
    assert accessibility.clipped_labels(dialog) == []


# -- the system font scale ----------------------------------------------------------------------------------


@pytest.fixture
def larger_font(qapp: QApplication) -> Iterator[QFont]:
    """The application font at 1.5 times its size, as a system font scale sets it; restored afterwards."""
    original = QFont(qapp.font())
    larger = QFont(original)
    larger.setPointSizeF(original.pointSizeF() * FONT_SCALE)
    qapp.setFont(larger)
    yield larger
    qapp.setFont(original)


def test_views_follow_a_larger_system_font_without_clipped_labels(make_window: Any, larger_font: QFont) -> None:
    window = demo_window(make_window)
    for name in VIEW_NAMES:
        view = show_view(window, name)
        assert view.font().pointSizeF() >= larger_font.pointSizeF() - 0.01, name
        clipped = [f"{label.text()[:40]!r} needs {label.sizeHint().toTuple()}, has {label.size().toTuple()}"
                   for label in accessibility.clipped_labels(view)]
        assert clipped == [], name
    assert accessibility.clipped_labels(window.statusBar()) == []


def test_the_start_page_follows_a_larger_system_font(make_window: Any, larger_font: QFont) -> None:
    window = make_window()
    window.resize(1600, 1000)
    QApplication.processEvents()
    assert window.start_page.font().pointSizeF() >= larger_font.pointSizeF() - 0.01
    assert accessibility.clipped_labels(window.start_page) == []
    assert_named(window.start_page)
    assert_tab_reaches_every_control(window.start_page)


# -- high DPI -----------------------------------------------------------------------------------------------


def test_the_application_asks_for_pass_through_scale_factor_rounding(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fractional scale factors (125 %, 150 %) are used as they are, not rounded to 1 or 2 (blurry or huge)."""
    from desktop_app import app as app_module
    from desktop_app import fonts

    calls: list[str] = []

    class FakeApplication:
        @staticmethod
        def instance() -> None:
            return None

        def __init__(self, _argv: list[str]) -> None:
            calls.append("created")

        for name in ("setOrganizationName", "setApplicationName", "setApplicationDisplayName"):
            locals()[name] = staticmethod(lambda _text: None)

    class FakeGuiApplication:
        @staticmethod
        def setHighDpiScaleFactorRoundingPolicy(policy: Qt.HighDpiScaleFactorRoundingPolicy) -> None:
            calls.append(policy.name)

    monkeypatch.setattr(app_module, "QApplication", FakeApplication)
    monkeypatch.setattr(app_module, "QGuiApplication", FakeGuiApplication)
    monkeypatch.setattr(fonts, "apply_application_font", lambda _app: None)
    app_module.create_application([])
    assert calls == ["PassThrough", "created"]  # the policy is set before the application exists


def test_the_budget_chart_renders_at_the_screen_pixel_ratio(make_window: Any) -> None:
    window = demo_window(make_window)
    view = show_view(window, "budget")
    canvas = view.canvas
    canvas.draw()
    QApplication.processEvents()
    ratio = canvas.devicePixelRatioF()
    assert canvas.device_pixel_ratio == pytest.approx(ratio)
    width, height = canvas.get_width_height(physical=True)
    assert (width, height) == (round(canvas.width() * ratio), round(canvas.height() * ratio))
