"""Accessibility helpers: naming controls for screen readers and auditing names, focus order and clipping."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QGraphicsView,
    QLabel,
    QLineEdit,
    QMenu,
    QMenuBar,
    QPlainTextEdit,
    QTextEdit,
    QToolBar,
    QToolButton,
    QWidget,
)

# The kinds of control a keyboard user operates (the audit looks at these only).
INTERACTIVE_TYPES: tuple[type[QWidget], ...] = (
    QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView, QGraphicsView, QAbstractSlider,
    QTextEdit, QPlainTextEdit,
)


def set_accessible(widget: QWidget, name: str, description: str = "") -> QWidget:
    """Give `widget` the name (and description) a screen reader announces; returns it for chaining."""
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)
    return widget


def set_buddy_label(label: QLabel, widget: QWidget) -> QLabel:
    """Make `label` name `widget` (screen readers read it; its '&' mnemonic focuses the widget); returns the label."""
    label.setBuddy(widget)
    return label


def chain_focus(*widgets: QWidget) -> None:
    """Make Tab visit `widgets` one after the other, in the order given."""
    for first, second in pairwise(widgets):
        QWidget.setTabOrder(first, second)


def last_in_focus_chain(root: QWidget, limit: int = 2000) -> QWidget:
    """The last Tab-focusable widget inside `root` (else `root`) on the window's focus chain: what should follow
    `root` goes after it."""
    last = root
    current = root.nextInFocusChain()
    for _step in range(limit):
        if current is root:
            break
        if root.isAncestorOf(current) and current.focusPolicy() & Qt.FocusPolicy.TabFocus:
            last = current
        current = current.nextInFocusChain()
    return last


def toolbar_controls(toolbar: QToolBar) -> list[QWidget]:
    """Let Tab reach every button and control of `toolbar` (Qt leaves tool buttons out of the Tab chain);
    returns them left to right. Clicking a button still leaves the focus where it was."""
    controls: list[QWidget] = []
    for action in toolbar.actions():
        widget = toolbar.widgetForAction(action)
        if widget is None or action.isSeparator():
            continue
        if isinstance(widget, QToolButton) and widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            widget.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            controls.append(widget)
        else:  # a container of controls
            controls.extend(child for child in widget.findChildren(QWidget)
                            if isinstance(child, INTERACTIVE_TYPES) and is_interactive_kind(child)
                            and child.focusPolicy() & Qt.FocusPolicy.TabFocus)
    return controls


def is_interactive_kind(widget: QWidget) -> bool:
    """Whether `widget` is a control in itself (not the line edit inside a combo or spin box)."""
    return not (isinstance(widget, QLineEdit) and isinstance(widget.parentWidget(), (QComboBox, QAbstractSpinBox)))


def is_interactive(widget: QWidget) -> bool:
    """Whether `widget` is a shown control the keyboard can reach (Tab or click focus)."""
    if not isinstance(widget, INTERACTIVE_TYPES):
        return False
    if not is_interactive_kind(widget):
        return False  # the editor inside a combo or spin box: the box is the control
    return widget.isVisibleTo(widget.window()) and widget.isVisible() and widget.focusPolicy() != Qt.FocusPolicy.NoFocus


def interactive_widgets(root: QWidget) -> list[QWidget]:
    """The shown keyboard-reachable controls inside `root`, in creation order."""
    return [widget for widget in root.findChildren(QWidget) if is_interactive(widget) and widget.isEnabled()]


def _buddy_texts(root: QWidget) -> dict[int, str]:
    texts: dict[int, str] = {}
    for label in root.window().findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None and label.text().strip():
            texts[id(buddy)] = label.text()
    return texts


def visible_label(widget: QWidget, buddies: dict[int, str] | None = None) -> str:
    """What names `widget` for a user: its accessible name, its buddy label, its own text or placeholder."""
    if widget.accessibleName().strip():
        return widget.accessibleName().strip()
    if buddies is None:
        buddies = _buddy_texts(widget)
    if buddies.get(id(widget), "").strip():
        return buddies[id(widget)].replace("&", "").strip()
    if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
        return widget.text().replace("&", "").strip()
    if isinstance(widget, QLineEdit) and widget.placeholderText().strip():
        return widget.placeholderText().strip()
    if isinstance(widget, QAbstractButton) and widget.toolTip().strip():
        return widget.toolTip().strip()  # an icon-only button is named by its tooltip
    return ""


def unnamed_widgets(root: QWidget) -> list[QWidget]:
    """The controls inside `root` that a screen reader could only announce by their kind."""
    buddies = _buddy_texts(root)
    return [widget for widget in interactive_widgets(root) if not visible_label(widget, buddies)]


def describe(widget: QWidget) -> str:
    """A short text naming a widget in test messages: class, object name and label."""
    name = widget.objectName() or "-"
    return f"{type(widget).__name__}#{name} '{visible_label(widget)}'"


def tab_focus_chain(root: QWidget, limit: int = 2000) -> list[QWidget]:
    """The widgets inside `root` that Tab visits, in order, following the focus chain once around from `root`.

    Raises RuntimeError when the chain never returns to where it started (a trap) within `limit` steps."""
    chain: list[QWidget] = []
    start = root
    current = root.nextInFocusChain()
    seen: set[int] = set()
    for _step in range(limit):
        if current is start:
            return chain
        if id(current) in seen:
            raise RuntimeError(f"focus chain loops without returning to {describe(root)} at {describe(current)}")
        seen.add(id(current))
        inside = current is root or root.isAncestorOf(current)
        if (inside and current.isVisible() and current.isEnabled()
                and bool(current.focusPolicy() & Qt.FocusPolicy.TabFocus) and current.focusProxy() is None):
            chain.append(current)
        current = current.nextInFocusChain()
    raise RuntimeError(f"focus chain from {describe(root)} is longer than {limit} steps")


def keyboard_unreachable_actions(menu_bar: QMenuBar) -> list[str]:
    """The enabled menu entries (as 'Menu > Entry') with neither a shortcut nor an '&' mnemonic; menus too."""
    missing: list[str] = []

    def walk(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            if action.isSeparator() or not action.isVisible() or not action.isEnabled():
                continue  # a disabled entry (e.g. "No recent plans") is a note, not a command
            text = action.text()
            entry = f"{path} > {text}"
            if action.menu() is not None:
                if not _has_mnemonic(text):
                    missing.append(entry)
                walk(action.menu(), entry)
            elif not _has_mnemonic(text) and not any(not key.isEmpty() for key in action.shortcuts()):
                missing.append(entry)

    for action in menu_bar.actions():
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            if not _has_mnemonic(action.text()):
                missing.append(action.text())
            walk(submenu, action.text().replace("&", ""))
    return missing


def _has_mnemonic(text: str) -> bool:
    """Whether `text` marks one of its characters with '&' (a literal '&&' does not count)."""
    stripped = text.replace("&&", "")
    index = stripped.find("&")
    return 0 <= index < len(stripped) - 1


def action_is_keyboard_reachable(action: QAction) -> bool:
    """Whether an action has a shortcut or a mnemonic."""
    return _has_mnemonic(action.text()) or any(not key.isEmpty() for key in action.shortcuts())


def clipped_labels(root: QWidget) -> list[QLabel]:
    """Shown one-line labels inside `root` narrower or lower than their text needs (after layout)."""
    clipped: list[QLabel] = []
    for label in root.findChildren(QLabel):
        if not label.isVisible() or not label.text().strip() or label.wordWrap() or label.pixmap().width() > 0:
            continue
        if label.sizePolicy().horizontalPolicy().name == "Ignored":
            continue  # elided on purpose
        hint = label.sizeHint()
        if hint.width() > label.width() + 1 or hint.height() > label.height() + 1:
            clipped.append(label)
    return clipped
