"""The main window: one plan per window, the navigator and views, the inspector dock, menus and file handling."""

from __future__ import annotations

import logging
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDockWidget,
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app import dialogs, settings
from desktop_app.dialogs import SaveChoice
from desktop_app.plan_controller import PlanController
from desktop_app.start_page import StartPage
from desktop_app.view_specs import VIEW_NAMES, VIEW_SPECS
from desktop_app.views.placeholder_view import PlaceholderView
from desktop_app.widgets.busy import busy
from desktop_app.widgets.message_bar_view import MessageBarView
from desktop_app.widgets.view_release import (
    is_large_plan,
    is_large_plan_file,
    release_hidden_views,
    view_work_is_long,
)
from planner.commands import Changes
from planner.errors import PlanLockedError, PlannerError
from planner.i18n import _
from planner.storage import PLAN_SUFFIX, PlanDocument, WorkingCopyInfo

log = logging.getLogger(__name__)

DEFAULT_WINDOW_SIZE = QSize(1600, 1000)


def _install_ratings_slide() -> None:
    """The presentation's ratings slides show the live rating panel (capture without leaving the slide)."""
    from desktop_app.presentation.presentation_window import set_ratings_widget_factory

    def make_panel(controller: PlanController, page: object, parent: QWidget) -> QWidget:
        from desktop_app.workshop.rating_panel_view import RatingPanel

        panel = RatingPanel(controller, parent)
        field_id = getattr(getattr(page, "content", None), "field_id", None)
        if field_id:
            panel.set_field(field_id)
        return panel

    set_ratings_widget_factory(make_panel)


# Views past Ctrl+0 reached by a key of their own (the action that opens them owns it).
# (Ctrl+0 is "Fit" inside the graph views, so the tenth view does not take it.)
_VIEW_SHORTCUTS = {"document": "Ctrl+Shift+D", "checks": "F7", "history": "Ctrl+Shift+H"}


def _create_view(name: str, controller: PlanController) -> QWidget:
    """The view of a navigator entry; the real views are imported when first needed (start-up time)."""
    if name == "overview":
        from desktop_app.views.overview_view import OverviewView

        return OverviewView(controller)
    if name == "initiatives":
        from desktop_app.views.initiatives_view import InitiativesView

        return InitiativesView(controller)
    if name == "stakeholders":
        from desktop_app.views.stakeholders_view import StakeholdersView

        return StakeholdersView(controller)
    if name == "roadmap":
        from desktop_app.views.roadmap.roadmap_view import RoadmapView

        return RoadmapView(controller)
    if name == "dependencies":
        from desktop_app.views.dependency_graph.dependency_graph_view import DependencyGraphView

        return DependencyGraphView(controller)
    if name == "grid":
        from desktop_app.views.stakeholder_grid.stakeholder_grid_view import StakeholderGridView

        return StakeholderGridView(controller)
    if name == "network":
        from desktop_app.views.stakeholder_network.stakeholder_network_view import StakeholderNetworkView

        return StakeholderNetworkView(controller)
    if name == "raci":
        from desktop_app.views.raci.raci_view import RaciView

        return RaciView(controller)
    if name == "budget":
        from desktop_app.views.budget.budget_view import BudgetView

        return BudgetView(controller)
    if name == "document":
        from desktop_app.views.document.document_view import DocumentView

        return DocumentView(controller)
    if name == "checks":
        from desktop_app.views.checks.checks_view import ChecksView

        return ChecksView(controller)
    if name == "history":
        from desktop_app.views.history.history_view import HistoryView

        return HistoryView(controller)
    spec = next(spec for spec in VIEW_SPECS if spec.name == name)
    return PlaceholderView(_(spec.label), _(spec.coming or ""))


def _create_inspector(controller: PlanController) -> QWidget:
    from desktop_app.inspector.inspector_view import InspectorView

    return InspectorView(controller)


def _shortcuts(standard: QKeySequence.StandardKey, *fallbacks: str) -> list[QKeySequence]:
    """The platform's bindings for a standard key plus the ones the app promises everywhere, without repeats."""
    keys = list(QKeySequence.keyBindings(standard))
    for text in fallbacks:
        extra = QKeySequence(text)
        if extra not in keys:
            keys.append(extra)
    return keys


class MainWindow(QMainWindow):
    """One window, at most one plan: the start page without a plan, else navigator + views + inspector."""

    plan_opened = Signal()
    plan_closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.controller: PlanController | None = None
        self._demo_folder: Path | None = None  # the temporary home of an unsaved demo plan
        self._version_copy = False  # the plan shown is a saved version rebuilt into _demo_folder (read-only)
        self.versions_dialog: QDialog | None = None
        self._lock_note = ""  # who holds the file, when it was opened read-only because of a lock
        self._views: dict[str, QWidget] = {}
        self._view_order: list[str] = []  # names of the views shown, the current one last
        self._inspector: QWidget | None = None
        self._inspector_wanted = True
        self._dock_programmatic = False
        self._undo_group = QUndoGroup(self)
        self._export_flows: list[object] = []  # PDF exports running in the background

        self.start_page = StartPage()
        self.start_page.new_plan_requested.connect(self.new_plan)
        self.start_page.open_requested.connect(self.open_with_dialog)
        self.start_page.demo_requested.connect(self.open_demo)
        self.start_page.recent_file_activated.connect(self.open_path)

        self._build_workspace()
        self._pages = QStackedWidget()
        self._pages.addWidget(self.start_page)
        self._pages.addWidget(self.workspace)
        self.setCentralWidget(self._pages)
        self._build_inspector_dock()
        self._build_status_bar()
        self._build_actions()
        self._build_menus()
        self._show_start_page()
        self._restore_layout()

    # -- construction ---------------------------------------------------------------------------------------

    def _build_workspace(self) -> None:
        self.workspace = QWidget()
        self.read_only_bar = MessageBarView("warning", closable=False)
        self.read_only_bar.setObjectName("read_only_bar")
        self.read_only_bar.set_action(_("Save As…"), self.save_as)
        self.warning_bar = MessageBarView("info", closable=True)
        self.warning_bar.setObjectName("warning_bar")

        self.navigator = QListWidget()
        self.navigator.setObjectName("navigator")
        self.navigator.setAccessibleName(_("Views"))
        self.navigator.setFrameShape(QFrame.Shape.NoFrame)
        self.navigator.setMinimumWidth(150)
        self.navigator.setMaximumWidth(260)
        font = self.navigator.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.navigator.setFont(font)
        for number, spec in enumerate(VIEW_SPECS, start=1):
            item = QListWidgetItem(_(spec.label))
            item.setData(Qt.ItemDataRole.UserRole, spec.name)
            shortcut = _VIEW_SHORTCUTS.get(spec.name) or (f"Ctrl+{number}" if number <= 9 else "")
            item.setToolTip(f"{_(spec.label)} ({shortcut})" if shortcut else _(spec.label))
            item.setSizeHint(QSize(0, 34))
            self.navigator.addItem(item)
        self.navigator.currentRowChanged.connect(self._on_navigator_row_changed)

        self.view_stack = QStackedWidget()
        self.view_stack.setObjectName("view_stack")
        self._slots: list[QWidget] = []
        for _spec in VIEW_SPECS:
            slot = QWidget()
            slot_layout = QVBoxLayout(slot)
            slot_layout.setContentsMargins(0, 0, 0, 0)
            self._slots.append(slot)
            self.view_stack.addWidget(slot)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("workspace_splitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.navigator)
        splitter.addWidget(self.view_stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([180, 1200])

        layout = QVBoxLayout(self.workspace)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.setSpacing(6)
        layout.addWidget(self.read_only_bar)
        layout.addWidget(self.warning_bar)
        layout.addWidget(splitter, 1)

    def _build_inspector_dock(self) -> None:
        self.inspector_dock = QDockWidget(_("Inspector"), self)
        self.inspector_dock.setObjectName("inspector_dock")
        self.inspector_dock.setAllowedAreas(
            Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.inspector_dock.setMinimumWidth(280)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.inspector_dock)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.read_only_label = QLabel()
        self.read_only_label.setObjectName("read_only_label")
        self.read_only_label.setStyleSheet("color: #8a5a00; font-weight: bold;")
        self.path_label = QLabel()
        self.path_label.setObjectName("path_label")
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bar.addPermanentWidget(self.read_only_label)
        bar.addPermanentWidget(self.path_label)

    def _action(self, text: str, slot: Callable[[], object], keys: list[QKeySequence] | None = None,
                name: str = "") -> QAction:
        action = QAction(text, self)
        if keys:
            action.setShortcuts(keys)
        if name:
            action.setObjectName(name)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)  # shortcuts work even while the menu bar is hidden
        return action

    def _build_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.new_action = self._action(_("&New Plan…"), self.new_plan, _shortcuts(key.New, "Ctrl+N"), "new_action")
        self.open_action = self._action(_("&Open…"), self.open_with_dialog, _shortcuts(key.Open, "Ctrl+O"), "open_action")
        self.demo_action = self._action(_("Open &Demo Plan"), self.open_demo, name="demo_action")
        self.open_team_action = self._action(_("Open &Team Plan…"), self.open_team_plan, name="open_team_action")
        self.save_action = self._action(_("&Save"), self.save, _shortcuts(key.Save, "Ctrl+S"), "save_action")
        self.save_as_action = self._action(
            _("Save &As…"), self.save_as, _shortcuts(key.SaveAs, "Ctrl+Shift+S"), "save_as_action"
        )
        self.revert_action = self._action(_("Rever&t to Saved"), self.revert, name="revert_action")
        self.save_version_action = self._action(_("Save &Version As…"), self.save_version_as,
                                                name="save_version_action")
        self.versions_action = self._action(_("Ver&sions…"), self.show_versions, name="versions_action")
        self.export_pdf_action = self._action(_("&Export PDF…"), self.export_pdf, [QKeySequence("Ctrl+E")],
                                              "export_pdf_action")
        self.import_action = self._action(_("&Import…"), self.import_file, [QKeySequence("Ctrl+Shift+I")],
                                          "import_action")
        self.merge_action = self._action(_("&Merge Plan from File…"), self.merge_from_file, name="merge_action")
        self.package_action = self._action(_("Export &Department Package…"), self.export_package,
                                           name="package_action")
        self.print_preview_action = self._action(_("Print Pre&view…"), self.print_preview,
                                                 [QKeySequence("Ctrl+Shift+P")], "print_preview_action")
        self.print_action = self._action(_("&Print…"), self.print_plan, _shortcuts(key.Print, "Ctrl+P"),
                                         "print_action")
        # F7 belongs to the View menu's Checks entry (one action per key); this entry is reached by its mnemonic
        self.present_action = self._action(_("&Present"), self.present, [QKeySequence("F5")], "present_action")
        self.slides_action = self._action(_("&Slides…"), self.edit_slides, name="slides_action")
        self.ratings_action = self._action(_("&Ratings and Votes…"), self.show_ratings, [QKeySequence("Ctrl+Shift+R")],
                                           "ratings_action")
        self.rounds_action = self._action(_("Workshop R&ounds…"), self.show_rounds, name="rounds_action")
        self.export_slides_pdf_action = self._action(_("Export Slides as P&DF Handout…"), self.export_slides_pdf,
                                                     name="export_slides_pdf_action")
        self.export_slides_png_action = self._action(_("Export Slides as PN&G Images…"), self.export_slides_png,
                                                     name="export_slides_png_action")
        self.check_plan_action = self._action(_("Chec&k Plan"), lambda: self.select_view("checks"),
                                              name="check_plan_action")
        self.close_action = self._action(_("&Close"), self.close_plan, _shortcuts(key.Close, "Ctrl+W"), "close_action")
        self.quit_action = self._action(_("&Quit"), self.close, _shortcuts(key.Quit, "Ctrl+Q"), "quit_action")
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        self.undo_action = self._undo_group.createUndoAction(self)
        self.undo_action.setObjectName("undo_action")
        self.undo_action.setShortcuts(_shortcuts(key.Undo, "Ctrl+Z"))
        self.redo_action = self._undo_group.createRedoAction(self)
        self.redo_action.setObjectName("redo_action")
        self.redo_action.setShortcuts(_shortcuts(key.Redo, "Ctrl+Y", "Ctrl+Shift+Z"))
        self.addAction(self.undo_action)
        self.addAction(self.redo_action)
        self.delete_action = self._action(_("&Delete"), self.delete_selected, _shortcuts(key.Delete, "Del"),
                                          "delete_action")
        self.find_action = self._action(_("&Find"), self.focus_search, _shortcuts(key.Find, "Ctrl+F"), "find_action")

        self.view_actions: list[QAction] = []
        self._view_action_group = QActionGroup(self)
        self._view_action_group.setExclusive(True)
        for number, spec in enumerate(VIEW_SPECS, start=1):
            own_key = _VIEW_SHORTCUTS.get(spec.name)
            keys = [QKeySequence(own_key)] if own_key else [QKeySequence(f"Ctrl+{number}")] if number <= 9 else []
            action = self._action(
                _(spec.label), lambda name=spec.name: self.select_view(name), keys, f"view_{spec.name}_action",
            )
            action.setCheckable(True)
            self._view_action_group.addAction(action)
            self.view_actions.append(action)

        self.inspector_action = self.inspector_dock.toggleViewAction()
        self.inspector_action.setText(_("Show &Inspector"))
        self.inspector_action.setObjectName("inspector_action")
        self.inspector_action.setShortcut(QKeySequence("Ctrl+I"))
        self.inspector_action.toggled.connect(self._on_inspector_action_toggled)
        from desktop_app.dialogs.about import show_about_dialog

        self.about_action = self._action(_("&About Convergence Planner"), lambda: show_about_dialog(self),
                                         name="about_action")
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(_("&File"))
        file_menu.addAction(self.new_action)
        file_menu.addAction(self.open_action)
        file_menu.addAction(self.open_team_action)
        self.recent_menu = QMenu(_("Open &Recent"), self)
        self.recent_menu.setObjectName("recent_menu")
        self.recent_menu.aboutToShow.connect(self._on_recent_menu_about_to_show)
        self._on_recent_menu_about_to_show()
        file_menu.addMenu(self.recent_menu)
        file_menu.addAction(self.demo_action)
        file_menu.addSeparator()
        file_menu.addAction(self.save_action)
        file_menu.addAction(self.save_as_action)
        file_menu.addAction(self.revert_action)
        file_menu.addAction(self.save_version_action)
        file_menu.addAction(self.versions_action)
        file_menu.addSeparator()
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.merge_action)
        file_menu.addAction(self.package_action)
        from desktop_app.interchange.export_actions import fill_export_menu

        self.export_menu = file_menu.addMenu(_("E&xport"))
        self.export_menu.setObjectName("export_menu")
        self.export_menu.aboutToShow.connect(lambda: fill_export_menu(self, self.export_menu))
        fill_export_menu(self, self.export_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.check_plan_action)
        file_menu.addAction(self.export_pdf_action)
        file_menu.addAction(self.print_preview_action)
        file_menu.addAction(self.print_action)
        file_menu.addSeparator()
        file_menu.addAction(self.close_action)
        file_menu.addAction(self.quit_action)

        edit_menu = bar.addMenu(_("&Edit"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.delete_action)
        edit_menu.addAction(self.find_action)
        edit_menu.addSeparator()
        from desktop_app.settings_dialog import settings_action

        self.settings_action = settings_action(self)
        edit_menu.addAction(self.settings_action)

        view_menu = bar.addMenu(_("&View"))
        for action in self.view_actions:
            view_menu.addAction(action)
        view_menu.addSeparator()
        view_menu.addAction(self.inspector_action)

        workshop_menu = bar.addMenu(_("&Workshop"))
        for action in (self.present_action, self.slides_action, None, self.ratings_action, self.rounds_action, None,
                       self.export_slides_pdf_action, self.export_slides_png_action):
            if action is None:
                workshop_menu.addSeparator()
            else:
                workshop_menu.addAction(action)

        help_menu = bar.addMenu(_("&Help"))
        help_menu.addAction(self.about_action)

    # -- state shown in the window --------------------------------------------------------------------------

    @property
    def document(self) -> PlanDocument | None:
        return self.controller.document if self.controller else None

    @property
    def is_demo(self) -> bool:
        """Whether the open plan is the unsaved demo copy (Save asks where)."""
        return self._demo_folder is not None

    def is_modified(self) -> bool:
        return self.controller is not None and self.controller.is_modified

    def plan_title(self) -> str:
        if self.controller is None:
            return ""
        try:
            return self.controller.document.title()
        except PlannerError:
            return self.controller.document.display_name

    def _plan_name(self) -> str:
        """How the plan is named in questions: its title, else its file name."""
        return self.plan_title() or (self.document.display_name if self.document else "")

    def _update_title(self) -> None:
        if self.controller is None:
            self.setWindowTitle(_("Convergence Planner"))
            self.setWindowModified(False)
            return
        name = self._plan_name().replace("[*]", "[*][*]")  # a literal [*] in a title is written twice
        note = getattr(self.controller.document, "title_note", "")  # a team plan: "team plan, read-only"
        self.setWindowTitle(f"{name}[*]{f' ({note})' if note else ''} — {_('Convergence Planner')}")
        self.setWindowModified(self.is_modified())

    def _update_file_state(self) -> None:
        document = self.document
        if document is None:
            self.path_label.setText("")
            self.read_only_label.setText("")
            self.read_only_bar.hide()
            return
        if self.is_demo and getattr(self, "_version_copy", False):
            self.path_label.setText(_("Saved version {name}, opened read-only; Save As keeps it as a plan").format(
                name=document.display_name))
            self.path_label.setToolTip("")
        elif self.is_demo:
            self.path_label.setText(_("Demo plan — not saved yet; Save asks where to keep it"))
            self.path_label.setToolTip("")
        elif getattr(document, "server_label", ""):
            self.path_label.setText(document.server_label)
            self.path_label.setToolTip(_("Team plan on the server; every edit is saved there at once."))
        elif document.path is None:
            self.path_label.setText(_("Not saved yet"))
            self.path_label.setToolTip("")
        else:
            self.path_label.setText(str(document.path))
            self.path_label.setToolTip(str(document.path))
        if document.read_only:
            self.read_only_label.setText(_("Read-only"))
            self.read_only_label.setToolTip(document.read_only_reason or "")
            if self._lock_note:
                text = _("{holder} You opened it read-only; use Save As to keep your changes in another file.").format(
                    holder=self._lock_note
                )
            elif document.read_only_reason == _("Opened read-only."):
                text = _("This plan was opened read-only. Use Save As to keep your changes in another file.")
            else:
                text = _("This plan is read-only: {reason} Use Save As to keep your changes in another file.").format(
                    reason=document.read_only_reason
                )
            self.read_only_bar.show_message(text)
        else:
            self.read_only_label.setText("")
            self.read_only_bar.hide()
        self._update_actions()

    def _show_warnings(self, warnings: list[str]) -> None:
        if warnings:
            self.warning_bar.show_message("\n".join(warnings))
        else:
            self.warning_bar.hide()

    def _update_actions(self) -> None:
        has_plan = self.controller is not None
        for action in (self.save_action, self.save_as_action, self.close_action, self.export_pdf_action, self.import_action,
                       self.merge_action, self.package_action, self.save_version_action, self.versions_action,
                       self.print_preview_action, self.print_action, self.check_plan_action, self.present_action,
                       self.slides_action, self.ratings_action, self.rounds_action, self.export_slides_pdf_action,
                       self.export_slides_png_action, *self.view_actions):
            action.setEnabled(has_plan)
        self.revert_action.setEnabled(has_plan and self.document is not None and self.document.path is not None)
        view = self.current_view()
        self.delete_action.setEnabled(callable(getattr(view, "delete_selected", None)))
        self.find_action.setEnabled(callable(getattr(view, "focus_search", None)))
        self.inspector_action.setEnabled(has_plan)

    # -- pages, views and the inspector ---------------------------------------------------------------------

    def _show_start_page(self) -> None:
        self.start_page.refresh()
        self._pages.setCurrentWidget(self.start_page)
        self._set_dock_visible(False)
        self._update_title()
        self._update_file_state()
        self._update_actions()

    def _set_dock_visible(self, visible: bool) -> None:
        self._dock_programmatic = True
        try:
            self.inspector_dock.setVisible(visible)
        finally:
            self._dock_programmatic = False

    def _on_inspector_action_toggled(self, checked: bool) -> None:
        if not self._dock_programmatic and self.controller is not None:
            self._inspector_wanted = checked

    def current_view_name(self) -> str | None:
        row = self.navigator.currentRow()
        return VIEW_NAMES[row] if self.controller is not None and 0 <= row < len(VIEW_NAMES) else None

    def current_view(self) -> QWidget | None:
        name = self.current_view_name()
        return self._views.get(name) if name else None

    def view(self, name: str) -> QWidget | None:
        """The view of a navigator entry, built if needed (None without a plan)."""
        if self.controller is None:
            return None
        return self._ensure_view(VIEW_NAMES.index(name))

    def select_view(self, name: str) -> None:
        """Show a view by name (overview, initiatives, roadmap, dependencies, stakeholders, budget, checks)."""
        if name not in VIEW_NAMES:
            raise ValueError(f"Unknown view {name!r}; choose one of {', '.join(VIEW_NAMES)}.")
        self.navigator.setCurrentRow(VIEW_NAMES.index(name))

    def _ensure_view(self, row: int) -> QWidget | None:
        assert self.controller is not None
        name = VIEW_NAMES[row]
        view = self._views.get(name)
        if view is None:
            try:
                view = _create_view(name, self.controller)
            except ImportError as error:  # a view not delivered yet must not keep the plan from opening
                log.warning("View %s unavailable: %s", name, error)
                spec = VIEW_SPECS[row]
                view = PlaceholderView(_(spec.label), _(spec.coming or "this view."))
            view.setObjectName(view.objectName() or f"{name}_view")
            requested = getattr(view, "inspector_requested", None)
            if requested is not None:
                requested.connect(self._on_view_inspector_requested)
            export_requested = getattr(view, "export_requested", None)
            if export_requested is not None:
                export_requested.connect(self.export_pdf)
            item_activated = getattr(view, "item_activated", None)
            if item_activated is not None:
                item_activated.connect(self._on_view_item_activated)
            self._slots[row].layout().addWidget(view)
            self._views[name] = view
        return view

    def _on_navigator_row_changed(self, row: int) -> None:
        if row < 0:
            return
        self.view_actions[row].setChecked(True)
        if self.controller is None:
            self.view_stack.setCurrentIndex(row)
        else:
            name = VIEW_NAMES[row]
            long_work = view_work_is_long(name, self._views.get(name), self.controller)
            with busy(self, _("Preparing {view}…").format(view=_(VIEW_SPECS[row].label)), show=long_work):
                self._ensure_view(row)
                self.view_stack.setCurrentIndex(row)
                if long_work:
                    self.view_stack.currentWidget().repaint()  # the first paint, too, under the indicator
                self._view_order = [*(other for other in self._view_order if other != name), name]
                if self.controller.is_large():
                    release_hidden_views(self._views, self._view_order)
        self._update_actions()

    # Where an item a view points at (e.g. a check finding) is shown.
    _VIEW_OF_KIND = {"initiative": "initiatives", "kpi": "initiatives", "milestone": "initiatives",
                     "dependency": "dependencies", "stakeholder": "stakeholders", "raci_role": "raci",
                     "budget_line": "budget", "budget_total": "budget", "funding_rule": "budget",
                     "narrative_section": "document", "plan": "document"}

    def _on_view_item_activated(self, kind: str, item_id: str) -> None:
        """A view asked to show an item: switch to the view that shows that kind and select it there."""
        view = self._VIEW_OF_KIND.get(kind)
        if view is None or self.controller is None:
            return
        self.select_view(view)
        if item_id:
            self.controller.select(kind, [item_id])

    # -- documents: export, preview, print ------------------------------------------------------------------

    def export_pdf(self) -> None:
        """File ▸ Export PDF: check the plan, then write the PDF in the background (a draft when errors remain)."""
        if self.controller is None:
            return
        self.commit_pending_edits()
        from desktop_app.printing.export_flow import ExportFlow

        flow = ExportFlow(self.controller, self)
        flow.show_checks_requested.connect(lambda: self.select_view("checks"))
        flow.exported.connect(lambda path, pages: self.statusBar().showMessage(
            _("PDF saved: {path} ({pages} pages)").format(path=path, pages=pages), 10_000))
        self._export_flows.append(flow)  # kept alive while it runs
        flow.ended.connect(lambda: self._export_flows.remove(flow) if flow in self._export_flows else None)
        flow.start()

    def merge_from_file(self) -> None:
        """File ▸ Merge Plan from File…: merge another version of the plan, reviewing every conflict."""
        from desktop_app.merge.merge_dialog import merge_with_dialog

        merge_with_dialog(self)

    def save_version_as(self) -> bool:
        """File ▸ Save Version As…: save the plan (if modified), then name the version the save recorded."""
        from desktop_app.versions.versions_dialog import ask_version_name
        from planner.versions import latest_version_id, name_document_version

        controller = self.controller
        if controller is None or not hasattr(controller.document, "working_path"):
            return False
        if (self.is_modified() or self.is_demo or controller.document.path is None
                or controller.document.read_only) and not self.save():
            return False
        document = controller.document
        version_id = latest_version_id(document.working_path)
        if version_id is None:
            return False
        answer = ask_version_name(self, title=_("Save Version As"))
        if answer is None:
            return False
        if not self._run_reporting(_("Cannot Name Version"), lambda: name_document_version(document, version_id,
                                                                                           *answer)):
            return False
        self.statusBar().showMessage(_("Saved version “{name}”.").format(name=answer[0]), 5000)
        return True

    def show_versions(self) -> None:
        """File ▸ Versions… (also in the History view): list, name, open read-only or restore a saved version."""
        from desktop_app.versions.versions_dialog import show_versions

        if self.controller is not None:
            self.commit_pending_edits()
            self.versions_dialog = show_versions(self, self.controller)

    def open_version_copy(self, path: Path, folder: Path) -> bool:
        """Show a rebuilt saved version (`path`, in the temporary `folder`) read-only in this window, in place of
        the current plan (after the usual question about its changes); the folder goes when it is closed."""
        if not self._release_current():
            shutil.rmtree(folder, ignore_errors=True)
            return False
        try:
            document = PlanDocument.open(path, read_only=True)
        except (PlannerError, OSError) as error:
            shutil.rmtree(folder, ignore_errors=True)
            dialogs.show_error(self, _("Cannot Open Version"), str(error))
            return False
        self._version_copy = True
        self._install(document, demo_folder=folder)
        self._update_file_state()
        return True

    def export_package(self) -> None:
        """File ▸ Export Department Package…: one field's initiatives as a plan file that merges back."""
        from desktop_app.merge.merge_dialog import export_package_with_dialog

        export_package_with_dialog(self)

    def import_file(self) -> None:
        """File ▸ Import…: choose a file, map and check it in the import dialog, import it as one undo step."""
        from desktop_app.interchange.import_dialog import import_with_dialog

        import_with_dialog(self)

    def print_preview(self, *, print_when_built: bool = False) -> None:
        """File ▸ Print Preview: the exact pages of the PDF, with printing and export from there."""
        if self.controller is None:
            return
        self.commit_pending_edits()
        from desktop_app.printing.print_preview_dialog import PrintPreviewDialog

        dialog = PrintPreviewDialog(self.controller, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show_checks_requested.connect(lambda: self.select_view("checks"))
        if print_when_built:
            def print_once() -> None:
                dialog.built.disconnect(print_once)
                dialog.print_document()

            dialog.built.connect(print_once)
        dialog.show()

    def print_plan(self) -> None:
        """File ▸ Print: the preview opens and, once its pages are built, the system's print dialog."""
        self.print_preview(print_when_built=True)

    # -- workshops: presentation, ratings, rounds -------------------------------------------------------------

    def present(self, *, start_slide: int = 0, theme: str | None = None) -> None:
        """Workshop ▸ Present (F5): the plan's slides full screen (asks for screen and theme with two screens)."""
        if self.controller is None:
            return
        self.commit_pending_edits()
        from desktop_app.presentation.presentation_window import PresentationWindow, start_presentation

        _install_ratings_slide()
        if theme is None:
            window = start_presentation(self.controller, self)
        else:
            window = PresentationWindow(self.controller, self, theme=theme, start_slide=start_slide)
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            window.present()
        self._presentation = window

    def edit_slides(self) -> None:
        """Workshop ▸ Slides: the order, titles, notes and visibility of the slides (one undo step)."""
        if self.controller is None:
            return
        from desktop_app.presentation.slide_sequence_dialog import SlideSequenceDialog

        dialog = SlideSequenceDialog(self.controller, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_ratings(self) -> None:
        """Workshop ▸ Ratings and Votes: dot votes, impact × feasibility or the five scores, by keyboard."""
        if self.controller is None:
            return
        from desktop_app.workshop.rating_panel_view import RatingPanel

        panel = RatingPanel(self.controller)
        panel.setWindowTitle(_("Ratings and Votes"))
        panel.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        panel.setWindowFlag(Qt.WindowType.Window, True)
        panel.resize(1280, 800)
        self._ratings_panel = panel
        panel.show()

    def show_rounds(self) -> None:
        """Workshop ▸ Rounds: save the ratings as a named round and compare two rounds."""
        if self.controller is None:
            return
        from desktop_app.workshop.rounds_dialog import RoundsDialog

        dialog = RoundsDialog(self.controller, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def export_slides_pdf(self) -> None:
        """Workshop ▸ Export Slides as PDF Handout: two slides a page with the presenter's notes."""
        if self.controller is None:
            return
        from desktop_app.presentation.slide_export import export_handout_pdf

        path = dialogs.ask_export_path(self, _("Export Slides as PDF Handout"),
                                       f"{_safe_file_name(self._plan_name())}-slides.pdf", _("PDF files (*.pdf)"))
        pages: list[int] = []
        if path and self._run_reporting(_("Cannot Export the Slides"),
                                        lambda: pages.append(export_handout_pdf(self.controller, path))):
            self.statusBar().showMessage(
                _("Handout saved: {path} ({pages} pages)").format(path=path, pages=pages[0]), 10_000)

    def export_slides_png(self) -> None:
        """Workshop ▸ Export Slides as PNG Images: one 1920×1080 picture per slide into a folder."""
        if self.controller is None:
            return
        from desktop_app.presentation.slide_export import export_png

        folder = dialogs.ask_folder(self, _("Export Slides as PNG Images"))
        written: list[object] = []
        if folder and self._run_reporting(_("Cannot Export the Slides"),
                                          lambda: written.extend(export_png(self.controller, folder))):
            self.statusBar().showMessage(
                _("{count} slide pictures saved in {folder}").format(count=len(written), folder=folder), 10_000)

    def delete_selected(self) -> None:
        """Edit ▸ Delete: ask the current view to delete what is selected in it."""
        delete = getattr(self.current_view(), "delete_selected", None)
        if callable(delete):
            self._run_reporting(_("Cannot Delete"), delete)

    def focus_search(self) -> None:
        """Edit ▸ Find: put the cursor in the current view's search box."""
        focus = getattr(self.current_view(), "focus_search", None)
        if callable(focus):
            focus()

    # -- installing and removing a plan ---------------------------------------------------------------------

    def adopt(self, document: PlanDocument, *, demo_folder: Path | None = None) -> bool:
        """Show an already opened document (after the prompt for the current plan); False if the user cancels,
        in which case `document` is closed. A demo copy lives in `demo_folder`, removed when it closes."""
        if not self._release_current():
            document.close()
            if demo_folder is not None:
                shutil.rmtree(demo_folder, ignore_errors=True)
            return False
        with busy(self, _("Opening {name}…").format(name=document.display_name), show=is_large_plan(document)):
            self._install(document, demo_folder=demo_folder)
        if document.path is not None and demo_folder is None:
            settings.add_recent_file(document.path)
        return True

    def _install(self, document: PlanDocument, *, demo_folder: Path | None = None) -> None:
        """Make `document` the window's plan (the previous one must be gone)."""
        assert self.controller is None, "close the current plan first"
        controller = PlanController(document, self)
        self.controller = controller
        self._demo_folder = demo_folder
        stack = controller.undo_stack
        if document.unsaved:
            stack.resetClean()  # a new or recovered plan holds work no file has: modified until saved
        self._undo_group.addStack(stack)
        self._undo_group.setActiveStack(stack)
        stack.cleanChanged.connect(self._on_undo_stack_clean_changed)
        controller.plan_changed.connect(self._on_plan_changed)
        controller.document_replaced.connect(self._on_document_replaced)

        try:
            self._inspector = _create_inspector(controller)
        except ImportError as error:
            log.warning("Inspector unavailable: %s", error)
            self._inspector = PlaceholderView(_("Inspector"), _("editing the selected item's fields."))
        self.inspector_dock.setWidget(self._inspector)
        self._pages.setCurrentWidget(self.workspace)
        self._set_dock_visible(self._inspector_wanted)
        row = max(self.navigator.currentRow(), 0)
        self.navigator.setCurrentRow(-1)
        self.navigator.setCurrentRow(row)
        self._update_title()
        self._update_file_state()
        self._show_warnings(document.warnings)
        self._update_actions()
        self.navigator.setFocus()
        self.plan_opened.emit()

    def _teardown(self) -> None:
        """Remove the plan without asking: views first, then close the document and its working copy."""
        controller = self.controller
        if controller is None:
            return
        self._stop_background_builds()
        self.controller = None
        self._lock_note = ""
        controller.undo_stack.cleanChanged.disconnect(self._on_undo_stack_clean_changed)
        controller.plan_changed.disconnect(self._on_plan_changed)
        controller.document_replaced.disconnect(self._on_document_replaced)
        self._undo_group.removeStack(controller.undo_stack)
        for view in self._views.values():
            view.hide()
            view.setParent(None)
            view.deleteLater()
        self._views.clear()
        self._view_order.clear()
        if self._inspector is not None:
            self.inspector_dock.setWidget(None)
            self._inspector.setParent(None)
            self._inspector.deleteLater()
            self._inspector = None
        try:
            controller.document.close()
        except (PlannerError, OSError) as error:  # the working copy may already be gone; nothing to lose
            log.warning("Closing the plan: %s", error)
        controller.deleteLater()
        self._remove_demo_folder()
        self.warning_bar.hide()
        self._show_start_page()
        self.plan_closed.emit()

    def _remove_demo_folder(self) -> None:
        if self._demo_folder is not None:
            shutil.rmtree(self._demo_folder, ignore_errors=True)
            self._demo_folder = None
        self._version_copy = False

    def _release_current(self) -> bool:
        """Close the current plan after asking about unsaved changes; False when the user cancels."""
        if self.controller is None:
            return True
        if not self.maybe_save():
            return False
        self._teardown()
        return True

    def commit_pending_edits(self) -> None:
        """Views that keep typed text before it becomes a command (the narrative editor) hand it over now."""
        for view in self._views.values():
            commit = getattr(view, "commit_pending", None)
            if callable(commit):
                commit()

    def maybe_save(self) -> bool:
        """Save / Don't Save / Cancel for a modified plan; True when it may be closed."""
        self.commit_pending_edits()
        if not self.is_modified():
            return True
        choice = dialogs.ask_save_changes(self, self._plan_name())
        if choice == SaveChoice.SAVE:
            return self.save()
        return choice == SaveChoice.DISCARD

    def _stop_background_builds(self) -> None:
        """Cancel PDF builds of this plan and wait for the worker (it reads a snapshot, never the plan)."""
        if "desktop_app.printing.pdf_job" not in sys.modules:
            return
        from desktop_app.printing.pdf_job import build_pool

        for flow in list(self._export_flows):
            cancel = getattr(flow, "cancel", None)
            if callable(cancel):
                cancel()
        self._export_flows.clear()
        pool = build_pool()
        pool.clear()
        pool.waitForDone(10_000)

    def shutdown(self) -> None:
        """Close the plan without asking (its working copy is removed): for --screenshot and tests."""
        self._teardown()

    def leave_for_recovery(self) -> None:
        """The app is ending without a close event (e.g. the session ends): keep unsaved work in the working
        copy, which the next start offers to recover; an unmodified plan is simply closed."""
        if self.controller is None:
            return
        if not self.is_modified():
            self._teardown()
            return
        self.controller.document.engine.dispose()

    # -- file commands --------------------------------------------------------------------------------------

    def _run_reporting(self, title: str, action: Callable[[], object]) -> bool:
        """Run `action`; a PlannerError (or an OS error) becomes one clear message. True on success."""
        try:
            action()
        except PlannerError as error:
            dialogs.show_error(self, title, str(error))
            return False
        except OSError as error:
            dialogs.show_error(self, title, str(error))
            return False
        return True

    def open_with_dialog(self) -> bool:
        """File ▸ Open…"""
        start = str(self.document.path.parent) if self.document and self.document.path and not self.is_demo else ""
        if not start:
            recent = settings.recent_files()
            start = str(Path(recent[0]).parent) if recent else ""
        path = dialogs.ask_open_path(self, start)
        return self.open_path(path) if path else False

    def open_path(self, path: str | Path, *, read_only: bool = False) -> bool:
        """Open a plan file in this window (after the prompt for the current one). False if it was not opened."""
        path = Path(path).absolute()
        if self.document is not None and not self.is_demo and self.document.path == path:
            self.statusBar().showMessage(_("{name} is already open.").format(name=path.name), 5000)
            return True
        try:
            with busy(self, _("Opening {name}…").format(name=path.name), show=is_large_plan_file(path)):
                document = PlanDocument.open(path, read_only=read_only)
        except PlanLockedError as error:
            if read_only or not dialogs.ask_open_read_only(self, error):
                return False
            if not self.open_path(path, read_only=True):
                return False
            self._lock_note = dialogs.lock_holder_text(error)
            self._update_file_state()
            return True
        except (PlannerError, OSError) as error:
            dialogs.show_error(self, _("Cannot Open Plan"), str(error))
            return False
        return self.adopt(document)

    def open_demo(self) -> bool:
        """File ▸ Open Demo Plan: a fresh, untitled copy of the demo plan in the current language."""
        from desktop_app.app import create_demo_document

        try:
            document, folder = create_demo_document()
        except ImportError:  # planner.demo is not part of this build
            dialogs.show_error(self, _("Cannot Open the Demo Plan"), _("This build has no demo plan."))
            return False
        except (PlannerError, OSError) as error:
            dialogs.show_error(self, _("Cannot Open the Demo Plan"), str(error))
            return False
        return self.adopt(document, demo_folder=folder)

    def open_team_plan(self) -> bool:
        """File ▸ Open Team Plan…: a plan on a PostgreSQL server (desktop_app.team)."""
        from desktop_app.team.team_link import open_team_plan

        return open_team_plan(self)

    def new_plan(self) -> bool:
        """File ▸ New Plan…"""
        values = dialogs.ask_new_plan(self)
        if values is None:
            return False
        if not self._release_current():
            return False
        try:
            document = PlanDocument.new(values.title, values.start_year, values.end_year, **values.plan_values())
        except (PlannerError, OSError) as error:
            dialogs.show_error(self, _("Cannot Create Plan"), str(error))
            return False
        self._install(document)
        return True

    def recover(self, working: WorkingCopyInfo) -> bool:
        """Open a working copy left by a crash, with its unsaved edits (the plan shows as modified)."""
        if not self._release_current():
            return False
        try:
            document = PlanDocument.recover(working)
        except (PlannerError, OSError) as error:
            dialogs.show_error(self, _("Cannot Recover Plan"), str(error))
            return False
        self._install(document)
        return True

    def close_plan(self) -> bool:
        """File ▸ Close: back to the start page (after the prompt)."""
        return self._release_current()

    def save(self) -> bool:
        """File ▸ Save; an untitled, demo or read-only plan goes to Save As. True when the plan was saved."""
        self.commit_pending_edits()
        controller = self.controller
        if controller is None:
            return False
        document = controller.document
        if getattr(document, "saves_every_edit", False):
            self.statusBar().showMessage(_("Every edit of a team plan is saved on the server at once."), 5000)
            return True
        if self.is_demo or document.path is None or document.read_only:
            return self.save_as()
        if not self._run_reporting(_("Cannot Save Plan"), controller.save):
            return False
        self._after_save()
        return True

    def save_as(self) -> bool:
        """File ▸ Save As…: choose a file; it becomes the plan's file. True when the plan was saved."""
        self.commit_pending_edits()
        controller = self.controller
        if controller is None:
            return False
        document = controller.document
        if document.path is not None and not self.is_demo:
            suggested = str(document.path)
        else:
            recent = settings.recent_files()
            folder = Path(recent[0]).parent if recent else Path.home()
            suggested = str(folder / f"{_safe_file_name(self.plan_title()) or _('plan')}{PLAN_SUFFIX}")
        target = dialogs.ask_save_path(self, suggested)
        if not target:
            return False
        if not self._run_reporting(_("Cannot Save Plan"), lambda: controller.save_as(target)):
            return False
        self._remove_demo_folder()
        self._lock_note = ""
        if document.path is not None:
            settings.add_recent_file(document.path)
        self._after_save()
        self._show_warnings(document.warnings)
        return True

    def _after_save(self) -> None:
        self._update_title()
        self._update_file_state()
        name = self.document.display_name if self.document else ""
        self.statusBar().showMessage(_("Saved {name}.").format(name=name), 5000)

    def revert(self) -> bool:
        """File ▸ Revert to Saved (after confirmation)."""
        self.commit_pending_edits()
        controller = self.controller
        if controller is None or controller.document.path is None:
            return False
        if not dialogs.confirm_revert(self, self._plan_name()):
            return False
        if not self._run_reporting(_("Cannot Revert Plan"), controller.revert_to_saved):
            return False
        self._update_title()
        self._update_file_state()
        return True

    # -- crash recovery -------------------------------------------------------------------------------------

    def offer_recovery(self) -> None:
        """At start-up: drop clean orphans, then offer the plans a crash left unsaved."""
        from desktop_app.dialogs.recovery_dialog import RecoveryAction
        from planner.storage import discard_clean_orphans, recoverable_working_copies

        try:
            discard_clean_orphans()
            copies = recoverable_working_copies()
        except OSError as error:
            log.warning("Looking for unsaved plans failed: %s", error)
            return
        while copies:
            choice = dialogs.ask_recovery(self, copies)
            if choice.action == RecoveryAction.RECOVER and choice.copies:
                self.recover(choice.copies[0])
                return
            if choice.action != RecoveryAction.DISCARD:
                return
            for info in choice.copies:
                info.remove()
            copies = recoverable_working_copies()

    # -- recent files ---------------------------------------------------------------------------------------

    def _on_recent_menu_about_to_show(self) -> None:
        menu = self.recent_menu
        menu.clear()
        paths = settings.recent_files()
        for number, path_text in enumerate(paths, start=1):
            path = Path(path_text)
            label = f"&{number % 10} {path.name}" if number <= 10 else path.name
            action = menu.addAction(label)
            action.setToolTip(path_text)
            action.setStatusTip(path_text)
            if not path.is_file():
                action.setEnabled(False)
                action.setToolTip(_("This file is no longer at {path}.").format(path=path_text))
            action.triggered.connect(lambda _checked=False, p=path_text: self.open_path(p))
        menu.setToolTipsVisible(True)
        if paths:
            menu.addSeparator()
            clear = menu.addAction(_("Clear Recent Plans"))
            clear.triggered.connect(self._on_clear_recent_triggered)
        else:
            menu.addAction(_("No recent plans")).setEnabled(False)

    def _on_clear_recent_triggered(self) -> None:
        settings.clear_recent_files()
        self.start_page.refresh()

    # -- signal handlers ------------------------------------------------------------------------------------

    def _on_undo_stack_clean_changed(self, _clean: bool) -> None:
        self.setWindowModified(self.is_modified())

    def _on_plan_changed(self, changes: Changes, _initiator: object) -> None:
        if changes.touches("plan"):
            self._update_title()

    def _on_view_inspector_requested(self) -> None:
        """A view asked for the inspector (double-click or Enter on a row): show it and move into it."""
        self._inspector_wanted = True
        self._set_dock_visible(True)
        self.inspector_dock.raise_()
        if self._inspector is not None:
            self._inspector.setFocus(Qt.FocusReason.OtherFocusReason)
            self._inspector.focusNextChild()

    def _on_document_replaced(self) -> None:
        self._update_title()
        self._update_file_state()

    # -- window events --------------------------------------------------------------------------------------

    def _restore_layout(self) -> None:
        geometry, state = settings.window_layout()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(self._default_size())
        if state is not None and self.restoreState(state):
            self._inspector_wanted = not self.inspector_dock.isHidden()
        self._set_dock_visible(self.controller is not None and self._inspector_wanted)

    def _default_size(self) -> QSize:
        screen = self.screen() or QApplication.primaryScreen()
        if screen is None:
            return DEFAULT_WINDOW_SIZE
        available = screen.availableGeometry().size()
        return DEFAULT_WINDOW_SIZE.boundedTo(available * 0.95) if available.isValid() else DEFAULT_WINDOW_SIZE

    def save_layout(self) -> None:
        """Keep the window geometry and the dock layout (with the user's inspector choice) in the settings."""
        shown = not self.inspector_dock.isHidden()
        self._set_dock_visible(self._inspector_wanted)
        settings.save_window_layout(self.saveGeometry(), self.saveState())
        self._set_dock_visible(shown)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        self.save_layout()
        self._teardown()
        event.accept()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow() and self.controller is None:
            self.start_page.refresh()  # a recent file may have come back or gone


def _safe_file_name(title: str) -> str:
    """A plan title usable as a file name on Windows and Linux."""
    cleaned = "".join("_" if char in '<>:"/\\|?*' or ord(char) < 32 else char for char in title).strip(" .")
    return cleaned[:80]
