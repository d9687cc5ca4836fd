"""The full-screen presentation: slides from the plan, clicker keys, reveal steps, blackout and a spotlight."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QScreen
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.plan_controller import PlanController
from desktop_app.presentation.slide_renderer import SlideRenderer, Spotlight
from desktop_app.presentation.themes import THEME_LABELS, THEMES, theme_named
from desktop_app.workshop.sticky_note_dialog import StickyNoteDialog
from planner.i18n import _
from planner.presentation import Deck, SlidePage, SpotlightTarget, build_deck, spotlight_targets

# The lead wires the workshop's live rating panel here: factory(controller, page, parent) -> a widget shown over
# a "ratings" slide, or None to keep the static picture of the votes.
RatingsWidgetFactory = Callable[[PlanController, SlidePage, QWidget], QWidget | None]
_ratings_widget_factory: RatingsWidgetFactory | None = None


def set_ratings_widget_factory(factory: RatingsWidgetFactory | None) -> None:
    """Register (or remove, with None) the factory of the live ratings widget for "ratings" slides."""
    global _ratings_widget_factory
    _ratings_widget_factory = factory


NEXT_KEYS = {Qt.Key.Key_PageDown, Qt.Key.Key_Right, Qt.Key.Key_Space, Qt.Key.Key_Down, Qt.Key.Key_Return,
             Qt.Key.Key_Enter}
PREVIOUS_KEYS = {Qt.Key.Key_PageUp, Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_Backspace}
NOTE_TARGET_KINDS = ("initiative", "stakeholder")  # what can take a sticky note (M)


class SlideCanvas(QWidget):
    """Paints one page (at a reveal step, with a spotlight) letterboxed into the widget."""

    def __init__(self, renderer: SlideRenderer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.renderer = renderer
        self.page: SlidePage | None = None
        self.step: int | None = None
        self.spotlight: Spotlight | None = None
        self.footer = ""
        self.blacked_out = False
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def show_page(self, page: SlidePage | None, step: int | None = None, spotlight: Spotlight | None = None,
                  footer: str = "") -> None:
        self.page, self.step, self.spotlight, self.footer = page, step, spotlight, footer
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            if self.blacked_out:
                painter.fillRect(self.rect(), Qt.GlobalColor.black)
                return
            self.renderer.paint(painter, self.page, QRectF(self.rect()), step=self.step, spotlight=self.spotlight,
                                footer=self.footer)
        finally:
            painter.end()


class SpotlightDialog(QDialog):
    """Pick what the spotlight shows: a lane, an initiative or a stakeholder of the current slide."""

    def __init__(self, targets: list[SpotlightTarget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Spotlight"))
        self.targets = targets
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(_("Type to filter"))
        self.filter_edit.setAccessibleName(_("Filter"))
        self.list_widget = QListWidget(self)
        self.list_widget.setAccessibleName(_("What to spotlight"))
        kinds = {"field": _("Field"), "initiative": _("Initiative"), "stakeholder": _("Stakeholder")}
        for target in targets:
            item = QListWidgetItem(f"{kinds.get(target.kind, target.kind)}: {target.label}")
            item.setData(Qt.ItemDataRole.UserRole, target)
            self.list_widget.addItem(item)
        if targets:
            self.list_widget.setCurrentRow(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list_widget.itemActivated.connect(lambda _item: self.accept())
        self.filter_edit.textChanged.connect(self._on_filter_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.list_widget)
        layout.addWidget(buttons)
        self.resize(560, 520)

    def _on_filter_changed(self, text: str) -> None:
        first_visible = None
        for row in range(self.list_widget.count()):
            item = self.list_widget.item(row)
            hidden = text.strip().lower() not in item.text().lower()
            item.setHidden(hidden)
            if not hidden and first_visible is None:
                first_visible = row
        if first_visible is not None:
            self.list_widget.setCurrentRow(first_visible)

    def chosen(self) -> SpotlightTarget | None:
        item = self.list_widget.currentItem()
        if item is None or item.isHidden():
            return None
        return item.data(Qt.ItemDataRole.UserRole)


class PresentationWindow(QWidget):
    """The slides of the open plan, one page at a time. Keys: PgDown/Right/Space/Down next step or slide,
    PgUp/Left/Up previous, Home/End, B black screen (any key returns), S spotlight, M sticky note (memo),
    P presenter view, Esc clears the spotlight, else leaves. Signals: position_changed(page index, step), closed()."""

    position_changed = Signal(int, int)
    closed = Signal()

    def __init__(self, controller: PlanController, parent: QWidget | None = None, *, theme: str = "default",
                 start_slide: int = 0, language: str | None = None) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.controller = controller
        self.main_window = parent.window() if parent is not None else None
        self.language = language
        self.theme = theme_named(theme)
        self.setWindowTitle(_("Presentation"))
        self.setAccessibleName(_("Presentation"))
        self.setAccessibleDescription(_("Page Down or Right: next; Page Up or Left: previous; B: black screen; "
                                        "S: spotlight; M: sticky note; P: presenter view; Esc: leave"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.renderer = SlideRenderer(self.theme)
        self.canvas = SlideCanvas(self.renderer, self)
        self.canvas.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)
        self.deck: Deck = self._read_deck()
        self.page_index = min(max(start_slide, 0), max(len(self.deck.pages) - 1, 0))
        self.step = 0
        self.spotlight: Spotlight | None = None
        self.blacked_out = False
        self.presenter_view: QWidget | None = None
        self.spotlight_dialog: SpotlightDialog | None = None
        self.note_target_dialog: SpotlightDialog | None = None
        self.sticky_note_dialog: StickyNoteDialog | None = None
        self.ratings_widget: QWidget | None = None
        controller.plan_changed.connect(self._on_plan_changed)
        controller.document_replaced.connect(self._on_plan_changed)
        self.resize(1280, 720)
        self._show_current()

    # -- the deck ---------------------------------------------------------------------------------------

    def _read_deck(self) -> Deck:
        return self.controller.read(lambda session: build_deck(session, self.language))

    def _on_plan_changed(self, *_args: object) -> None:
        self.deck = self._read_deck()
        self.page_index = min(self.page_index, max(len(self.deck.pages) - 1, 0))
        page = self.current_page
        self.step = min(self.step, page.steps - 1) if page else 0
        self._show_current()

    @property
    def current_page(self) -> SlidePage | None:
        return self.deck.pages[self.page_index] if self.deck.pages else None

    @property
    def next_page(self) -> SlidePage | None:
        following = self.page_index + 1
        return self.deck.pages[following] if following < len(self.deck.pages) else None

    def footer(self, index: int) -> str:
        return f"{index + 1} / {len(self.deck.pages)}" if self.deck.pages else ""

    def _show_current(self) -> None:
        self.canvas.blacked_out = self.blacked_out
        self.canvas.show_page(self.current_page, self.step, self.spotlight, self.footer(self.page_index))
        self._update_ratings_widget()
        self.position_changed.emit(self.page_index, self.step)

    def _update_ratings_widget(self) -> None:
        if self.ratings_widget is not None:
            self.ratings_widget.deleteLater()
            self.ratings_widget = None
        page = self.current_page
        if page is None or page.kind != "ratings" or _ratings_widget_factory is None or self.blacked_out:
            return
        widget = _ratings_widget_factory(self.controller, page, self.canvas)
        if widget is not None:
            widget.setGeometry(self.canvas.rect())
            widget.show()
            self.ratings_widget = widget

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        if self.ratings_widget is not None:
            self.ratings_widget.setGeometry(self.canvas.rect())

    # -- navigation -------------------------------------------------------------------------------------

    def go_to(self, index: int, step: int = 0) -> None:
        """Show page `index` (clamped) at reveal `step`; the spotlight is cleared on a new page."""
        if not self.deck.pages:
            return
        index = min(max(index, 0), len(self.deck.pages) - 1)
        if index != self.page_index:
            self.spotlight = None
        self.page_index = index
        self.step = min(max(step, 0), self.deck.pages[index].steps - 1)
        self._show_current()

    def next(self) -> None:
        page = self.current_page
        if page is None:
            return
        if self.step < page.steps - 1:
            self.go_to(self.page_index, self.step + 1)
        elif self.page_index < len(self.deck.pages) - 1:
            self.go_to(self.page_index + 1, 0)

    def previous(self) -> None:
        if self.step > 0:
            self.go_to(self.page_index, self.step - 1)
        elif self.page_index > 0:
            before = self.deck.pages[self.page_index - 1]
            self.go_to(self.page_index - 1, before.steps - 1)

    def first(self) -> None:
        self.go_to(0, 0)

    def last(self) -> None:
        if self.deck.pages:
            self.go_to(len(self.deck.pages) - 1, self.deck.pages[-1].steps - 1)

    def set_blacked_out(self, blacked_out: bool) -> None:
        self.blacked_out = blacked_out
        self._show_current()

    def set_spotlight(self, kind: str | None, target_id: str | None = None) -> None:
        """Light one lane ("field"), "initiative" or "stakeholder" and dim the rest; kind None clears it."""
        self.spotlight = None if kind is None else (kind, target_id)
        self._show_current()

    def choose_spotlight(self) -> SpotlightDialog | None:
        """Open the spotlight chooser for the current slide (non-modal); None when the slide has nothing to pick."""
        page = self.current_page
        targets = spotlight_targets(page) if page else []
        if not targets:
            return None
        dialog = SpotlightDialog(targets, self)
        dialog.accepted.connect(lambda: self._on_spotlight_chosen(dialog))
        self.spotlight_dialog = dialog
        dialog.open()
        return dialog

    def _on_spotlight_chosen(self, dialog: SpotlightDialog) -> None:
        target = dialog.chosen()
        if target is not None:
            self.set_spotlight(target.kind, target.target_id)
        self.activateWindow()
        self.setFocus()

    def add_sticky_note(self) -> QDialog | None:
        """M: open the sticky note dialog for the spotlighted initiative or stakeholder, else first the chooser
        of the slide's initiatives and stakeholders (non-modal). None when the slide has nothing to note on."""
        page = self.current_page
        targets = [target for target in (spotlight_targets(page) if page else [])
                   if target.kind in NOTE_TARGET_KINDS and target.target_id]
        if self.spotlight is not None and self.spotlight[0] in NOTE_TARGET_KINDS and self.spotlight[1]:
            kind, target_id = self.spotlight
            name = next((target.label for target in targets
                         if (target.kind, target.target_id) == (kind, target_id)), "")
            return self._open_sticky_note_dialog(kind, target_id, name)
        if not targets:
            return None
        dialog = SpotlightDialog(targets, self)
        dialog.setWindowTitle(_("Sticky note on…"))
        dialog.list_widget.setAccessibleName(_("What the note goes on"))
        dialog.accepted.connect(lambda: self._on_note_target_chosen(dialog))
        dialog.rejected.connect(self._return_focus)
        self.note_target_dialog = dialog
        dialog.open()
        return dialog

    def _on_note_target_chosen(self, dialog: SpotlightDialog) -> None:
        target = dialog.chosen()
        if target is None or target.target_id is None:
            self._return_focus()
            return
        self._open_sticky_note_dialog(target.kind, target.target_id, target.label)

    def _open_sticky_note_dialog(self, kind: str, target_id: str, name: str) -> StickyNoteDialog:
        dialog = StickyNoteDialog(self.controller, kind, target_id, name, self)
        dialog.finished.connect(lambda _result: self._return_focus())
        self.sticky_note_dialog = dialog
        dialog.open()
        return dialog

    def _return_focus(self) -> None:
        self.activateWindow()
        self.setFocus()

    def toggle_presenter_view(self) -> None:
        if self.presenter_view is not None and self.presenter_view.isVisible():
            self.presenter_view.close()
            return
        self.show_presenter_view()

    def show_presenter_view(self, screen: QScreen | None = None) -> QWidget:
        from desktop_app.presentation.presenter_view import PresenterView

        if self.presenter_view is None:
            self.presenter_view = PresenterView(self)
        if screen is not None:
            self.presenter_view.setScreen(screen)
            self.presenter_view.setGeometry(screen.availableGeometry())
        self.presenter_view.show()
        return self.presenter_view

    # -- showing on a screen ----------------------------------------------------------------------------

    def present(self, screen: QScreen | None = None, *, full_screen: bool = True) -> None:
        """Show on `screen` (default: the main window's), full screen; with a second screen the presenter view
        opens on it."""
        screens = QGuiApplication.screens()
        if screen is None:
            screen = self.main_window.screen() if self.main_window is not None else QGuiApplication.primaryScreen()
        if screen is not None:
            self.setScreen(screen)
            self.setGeometry(screen.geometry())
        if full_screen:
            self.showFullScreen()
        else:
            self.show()
        others = [other for other in screens if other is not screen]
        if others:
            self.show_presenter_view(others[0])
        self.activateWindow()
        self.setFocus()

    # -- input ------------------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.handle_key(event.key(), event.modifiers()):
            super().keyPressEvent(event)

    def handle_key(self, key: int, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> bool:
        """Act on one key (the presenter view forwards its keys here); True when it was used."""
        if self.blacked_out:
            self.set_blacked_out(False)  # any key returns from the black screen
            return True
        if key in NEXT_KEYS:
            self.next()
        elif key in PREVIOUS_KEYS:
            self.previous()
        elif key == Qt.Key.Key_Home:
            self.first()
        elif key == Qt.Key.Key_End:
            self.last()
        elif key in (Qt.Key.Key_B, Qt.Key.Key_Period):
            self.set_blacked_out(True)
        elif key == Qt.Key.Key_S:
            self.choose_spotlight()
        elif key == Qt.Key.Key_M:
            self.add_sticky_note()
        elif key == Qt.Key.Key_P:
            self.toggle_presenter_view()
        elif key == Qt.Key.Key_Escape:
            if self.spotlight is not None:
                self.set_spotlight(None)
            else:
                self.close()
        else:
            return False
        return True

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.handle_key(Qt.Key.Key_PageDown)
        elif event.button() == Qt.MouseButton.RightButton:
            self.handle_key(Qt.Key.Key_PageUp)

    def event(self, event: QEvent) -> bool:
        # Tab and Backtab would move the focus away from the slides; in a presentation they mean next/previous
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            self.handle_key(Qt.Key.Key_PageDown if event.key() == Qt.Key.Key_Tab else Qt.Key.Key_PageUp)
            return True
        return super().event(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        try:
            self.controller.plan_changed.disconnect(self._on_plan_changed)
            self.controller.document_replaced.disconnect(self._on_plan_changed)
        except (RuntimeError, TypeError):
            pass
        if self.presenter_view is not None:
            self.presenter_view.close()
        if self.main_window is not None:
            if self.main_window.isMinimized():
                self.main_window.showNormal()
            self.main_window.raise_()
            self.main_window.activateWindow()
        super().closeEvent(event)
        self.closed.emit()


class PresentationStartDialog(QDialog):
    """Before presenting: which screen, which theme, which slide to start on."""

    def __init__(self, slide_count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Start presentation"))
        self.screen_combo = QComboBox(self)
        self.screen_combo.setAccessibleName(_("Screen"))
        for number, screen in enumerate(QGuiApplication.screens(), start=1):
            size = screen.size()
            self.screen_combo.addItem(_("Screen {number}: {name} ({width}×{height})").format(
                number=number, name=screen.name(), width=size.width(), height=size.height()), screen)
        current = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
        index = QGuiApplication.screens().index(current) if current in QGuiApplication.screens() else 0
        self.screen_combo.setCurrentIndex(index)
        self.theme_combo = QComboBox(self)
        self.theme_combo.setAccessibleName(_("Theme"))
        for name in THEMES:
            self.theme_combo.addItem(_(THEME_LABELS[name]), name)
        self.slide_spin = QSpinBox(self)
        self.slide_spin.setAccessibleName(_("First slide"))
        self.slide_spin.setRange(1, max(1, slide_count))
        form = QFormLayout()
        form.addRow(_("Screen:"), self.screen_combo)
        form.addRow(_("Theme:"), self.theme_combo)
        form.addRow(_("First slide:"), self.slide_spin)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Present"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def chosen_screen(self) -> QScreen | None:
        return self.screen_combo.currentData()

    def chosen_theme(self) -> str:
        return str(self.theme_combo.currentData())

    def chosen_start(self) -> int:
        return self.slide_spin.value() - 1


def start_presentation(controller: PlanController, parent: QWidget | None = None, *,
                       ask: bool = True, language: str | None = None) -> PresentationWindow | None:
    """What the main window's "Present" action calls: ask for screen, theme and first slide (only when there is
    more than one screen, unless `ask` is False), then show the presentation full screen."""
    screen, theme, start = None, "default", 0
    if ask and len(QGuiApplication.screens()) > 1:
        count = len(controller.read(lambda session: build_deck(session, language)).pages)
        dialog = PresentationStartDialog(count, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        screen, theme, start = dialog.chosen_screen(), dialog.chosen_theme(), dialog.chosen_start()
    window = PresentationWindow(controller, parent, theme=theme, start_slide=start, language=language)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.present(screen)
    return window
