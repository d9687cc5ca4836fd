"""The inspector: a form, generated from ATTRIBUTES, that edits the selected rows (or the plan) through commands."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.inspector.comments_panel_view import CommentsPanel
from desktop_app.inspector.field_editor_view import FieldEditor, editor_for
from desktop_app.inspector.linked_panel_view import LinkedPanelView
from desktop_app.inspector.sticky_notes_panel_view import StickyNotesPanel
from desktop_app.plan_controller import PlanController
from desktop_app.widgets.accessibility import chain_focus, last_in_focus_chain
from desktop_app.widgets.muted_text import mute
from planner.commands import Changes, Command, CompositeCommand, UpdateRow, table_of
from planner.errors import PlannerError, ValidationError
from planner.i18n import N_, _
from planner.model.attributes import ATTRIBUTES, Attribute
from planner.model.rules import UNIQUE_FIELDS
from planner.queries import choices_for, plan_values

# What one row of each kind is called, above the form.
KIND_TITLES = {
    "plan": N_("Plan"),
    "field": N_("Field"),
    "strategy": N_("Strategy"),
    "initiative": N_("Initiative"),
    "milestone": N_("Milestone"),
    "dependency": N_("Dependency"),
    "stakeholder": N_("Stakeholder"),
    "stakeholder_relation": N_("Stakeholder relation"),
    "raci_role": N_("RACI role"),
    "funding_rule": N_("Funding rule"),
    "budget_line": N_("Budget line"),
    "budget_total": N_("Budget total"),
    "presentation_slide": N_("Slide"),
    "workshop_rating": N_("Workshop rating"),
    "workshop_round": N_("Workshop round"),
    "workshop_round_item": N_("Workshop round entry"),
    "sticky_note": N_("Sticky note"),
    "kpi": N_("KPI"),
    "kpi_target": N_("KPI target"),
    "risk": N_("Risk"),
    "checklist_answer": N_("Checklist answer"),
    "narrative_section": N_("Narrative section"),
    "comment": N_("Comment"),
}


def read_rows(session: Session, kind: str, ids: Sequence[str]) -> list[dict[str, Any]]:
    """The stored values of the rows with these ids that still exist, in the order of `ids`."""
    table = table_of(kind)
    found = {row["id"]: dict(row) for row in session.execute(select(table).where(table.c.id.in_(list(ids)))).mappings()}
    return [found[row_id] for row_id in ids if row_id in found]


def read_form(session: Session, kind: str, ids: Sequence[str]) -> tuple[str, list[dict[str, Any]], dict[str, list[tuple[str, str]]]]:
    """What the inspector shows: the kind, the rows' values and the choices of its reference fields.

    With no ids, or when every selected row is gone, that is the plan record."""
    rows = read_rows(session, kind, ids) if kind != "plan" and kind in ATTRIBUTES and ids else []
    if not rows:
        kind, rows = "plan", [plan_values(session)]
    choices = {
        spec.name: choices_for(session, spec.ref_kind)
        for spec in ATTRIBUTES[kind] if spec.kind == "ref" and spec.ref_kind
    }
    return kind, rows, choices


def heading_of(kind: str, row: dict[str, Any]) -> str:
    """A short name for one row: 'X-01 Title', a name, a title, or what kind of row it is."""
    if kind == "initiative":
        return f"{row.get('code', '')} {row.get('title', '')}".strip()
    for key in ("title", "name", "code", "key"):
        if row.get(key):
            return str(row[key])
    return _(KIND_TITLES.get(kind, kind))


class InspectorView(QWidget):
    """Shows the fields of the selected item(s) and commits each edit as one undoable UpdateRow (or, for
    several items, one CompositeCommand). Bad input shows a red message under its field and changes nothing."""

    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inspector_view")
        self.controller = controller
        self.kind = "plan"  # what the form shows (the plan when nothing is selected)
        self.ids: list[str] = []
        self.rows: list[dict[str, Any]] = []
        self.editors: dict[str, FieldEditor] = {}
        self._form_key: tuple[str, bool] | None = None
        self._ref_kinds: set[str] = set()

        self.heading_label = QLabel()
        self.heading_label.setObjectName("heading_label")
        self.heading_label.setWordWrap(True)
        self.heading_label.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading_label.setFont(font)
        self.kind_label = QLabel()
        self.kind_label.setObjectName("kind_label")
        mute(self.kind_label)

        self.form, self.form_layout = self._new_form()
        self.scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.form)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(2)
        header = QVBoxLayout()
        header.setContentsMargins(12, 0, 12, 6)
        header.addWidget(self.kind_label)
        header.addWidget(self.heading_label)
        layout.addLayout(header)
        layout.addWidget(scroll, 1)
        self.linked_panel = LinkedPanelView(controller)  # an initiative's stakeholders, a stakeholder's initiatives
        layout.addWidget(self.linked_panel)
        self.sticky_notes_panel = StickyNotesPanel(controller)  # the notes on an initiative or stakeholder
        layout.addWidget(self.sticky_notes_panel)
        self.comments_panel = CommentsPanel(controller)  # the threads on an initiative, stakeholder, KPI or section
        layout.addWidget(self.comments_panel)

        controller.selection_changed.connect(self._on_selection_changed)
        controller.plan_changed.connect(self._on_plan_changed)
        controller.document_replaced.connect(self._on_document_replaced)
        self.show_selection(controller.selection_kind, controller.selection_ids)

    # -- public -----------------------------------------------------------------------------------------

    def editor(self, name: str) -> FieldEditor:
        return self.editors[name]

    def show_selection(self, kind: str, ids: Sequence[str]) -> None:
        """Show these rows afresh (dropping typed text that was refused)."""
        self._selection = (kind, list(ids))
        self._load(keep_typed=False)

    def commit(self, name: str) -> bool:
        """Store what the user entered in field `name` for every shown row, as one undo entry."""
        editor = self.editors[name]
        spec = editor.attribute
        try:
            value = editor.read_value()
        except ValueError as error:
            editor.show_error(str(error))
            return False
        targets = [row["id"] for row in self.rows if row.get(name) != value]
        if not targets:
            editor.clear_error()
            self._show_editor_value(editor)
            return True
        label = _("Edit {field}").format(field=_(spec.label))
        commands: list[Command] = [UpdateRow(self.kind, row_id, {name: value}, label) for row_id in targets]
        command = commands[0] if len(commands) == 1 else CompositeCommand(label, commands)
        try:
            self.controller.execute(command, self)
        except ValidationError as error:
            editor.show_error(error.problems.get(name) or str(error))
            return False
        except PlannerError as error:
            editor.show_error(str(error))
            return False
        editor.clear_error()
        self._show_editor_value(editor)
        return True

    # -- loading ----------------------------------------------------------------------------------------

    def _load(self, keep_typed: bool) -> None:
        kind, ids = self._selection
        try:
            kind, rows, choices = self.controller.read(lambda session: read_form(session, kind, ids))
        except PlannerError:
            return  # the plan is closed
        self.kind, self.rows = kind, rows
        self.ids = [row["id"] for row in rows]
        multiple = len(rows) > 1
        if self._form_key != (kind, multiple):
            self._build_form(kind, multiple)
            keep_typed = False
        if multiple:
            self.heading_label.setText(_("{count} items selected").format(count=len(rows)))
        else:
            self.heading_label.setText(heading_of(kind, rows[0]))
        self.kind_label.setText(_(KIND_TITLES.get(kind, kind)))
        focused = self.focusWidget()
        for name, editor in self.editors.items():
            if name in choices:
                editor.set_choices(choices[name])
            busy = editor.has_error or (focused is not None and editor.isAncestorOf(focused) and editor.has_pending_edit())
            if keep_typed and busy:
                continue
            editor.clear_error()
            self._show_editor_value(editor)

    def _show_editor_value(self, editor: FieldEditor) -> None:
        name = editor.attribute.name
        values = [row.get(name) for row in self.rows]
        mixed = any(value != values[0] for value in values[1:])
        editor.set_value(None if mixed else values[0], mixed)

    @staticmethod
    def _new_form() -> tuple[QWidget, QVBoxLayout]:
        form = QWidget()
        form.setObjectName("inspector_form")
        layout = QVBoxLayout(form)
        layout.setContentsMargins(12, 4, 12, 12)
        layout.setSpacing(10)
        return form, layout

    def _build_form(self, kind: str, multiple: bool) -> None:
        """A new form widget for this kind of row; the scroll area lays it out at once."""
        for editor in self.editors.values():
            editor.committed.disconnect(self._on_editor_committed)
        self.editors = {}
        form, layout = self._new_form()
        unique = set(UNIQUE_FIELDS.get(kind, ())) if multiple else set()
        specs: list[Attribute] = [spec for spec in ATTRIBUTES.get(kind, ()) if spec.name not in unique]
        for spec in specs:
            editor = editor_for(spec, form)
            editor.committed.connect(self._on_editor_committed)
            self.editors[spec.name] = editor
            layout.addWidget(editor)
        if unique:
            note = QLabel(_("Fields that must be unique are edited one item at a time."))
            note.setWordWrap(True)
            mute(note)
            layout.addWidget(note)
        layout.addStretch(1)
        old = self.scroll.takeWidget()
        if old is not None:
            old.hide()
            old.deleteLater()  # an editor of it may still be inside its own signal
        self.form, self.form_layout = form, layout
        self.scroll.setWidget(form)
        chain_focus(last_in_focus_chain(form), self.linked_panel.tree)  # Tab: the form, then what is linked
        self._ref_kinds = {spec.ref_kind for spec in specs if spec.kind == "ref" and spec.ref_kind}
        self._form_key = (kind, multiple)

    # -- handlers ---------------------------------------------------------------------------------------

    def _on_editor_committed(self, name: str) -> None:
        if name in self.editors:
            self.commit(name)

    def _on_selection_changed(self, kind: str, ids: list[str]) -> None:
        self.show_selection(kind, ids)

    def _on_plan_changed(self, changes: Changes, _initiator: object) -> None:
        _kind, selected_ids = self._selection
        shown = set(self.ids) | set(selected_ids)
        if (changes.ids & shown) or changes.touches(*self._ref_kinds) or (self.kind == "plan" and changes.touches("plan")):
            self._load(keep_typed=True)

    def _on_document_replaced(self) -> None:
        self._load(keep_typed=False)
