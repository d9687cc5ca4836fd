"""The Document page: the outline of the plan's guideline profile beside the text of the selected section."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QCloseEvent, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.plan_controller import PlanController
from desktop_app.views.document.narrative_editor_view import NarrativeEditor, read_narrative_rows
from desktop_app.views.document.section_tree_model import (
    COVER_KEY,
    OutlineEntry,
    SectionTreeModel,
    build_outline,
)
from desktop_app.widgets.message_bar_view import MessageBarView
from desktop_app.widgets.muted_text import mute
from desktop_app.widgets.refresh_when_shown import StaleRefresher
from planner.commands import Changes
from planner.errors import PlannerError
from planner.guidelines.loader import profile_for_plan
from planner.guidelines.profile import COVER_BLOCKS, GuidelineProfile
from planner.i18n import _, current_language
from planner.model.plan import NarrativeSection, Plan

# Kinds whose change alters the outline: the plan (its profile, type, language) and the narrative texts.
WATCHED_KINDS = ("plan", "narrative_section")


@dataclass(frozen=True)
class DocumentSnapshot:
    """What the page needs from the plan."""

    plan_id: str
    plan_type: str
    profile_id: str
    language: str
    written_keys: frozenset[str]


def read_document_snapshot(session: Session) -> DocumentSnapshot:
    plan = session.execute(select(Plan.__table__)).mappings().one()
    written = frozenset(key for key, row in read_narrative_rows(session).items() if row.body.strip())
    return DocumentSnapshot(plan["id"], plan["plan_type"], plan["guideline_profile_id"] or "",
                            plan["language"] or "ko", written)


def load_plan_profile(plan_type: str, profile_id: str) -> GuidelineProfile:
    """The guideline profile a plan follows (its own when installed and sound, else its type's default)."""
    return profile_for_plan(plan_type, profile_id or None)


class DocumentView(QWidget):
    """Left, the sections of the document as the plan's profile lays them out, with whether each is written;
    right, the selected section: its text to edit (one undo entry per burst of typing), what the PDF
    generates there, or, for the cover, a button that opens the plan's cover fields in the inspector.

    The main window should call `commit_pending()` before saving, closing or reverting the plan so that the
    last keystrokes (stored after a short pause) are part of the plan."""

    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("document_view")
        self.controller = controller
        self.profile: GuidelineProfile | None = None
        self.snapshot: DocumentSnapshot | None = None
        self._syncing = False

        self.profile_label = QLabel()
        self.profile_label.setObjectName("profile_label")
        self.profile_label.setContentsMargins(8, 4, 8, 0)
        self.profile_label.setWordWrap(True)
        mute(self.profile_label)
        self.message_bar = MessageBarView("warning")

        self.model = SectionTreeModel(self)
        self.tree = QTreeView()
        self.tree.setObjectName("section_tree")
        self.tree.setAccessibleName(_("Sections of the document"))
        self.tree.setModel(self.model)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setUniformRowHeights(True)
        self.tree.setAllColumnsShowFocus(True)
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, self.fontMetrics().averageCharWidth() * 34)

        self.heading_label = QLabel()
        self.heading_label.setObjectName("section_heading")
        heading_font = self.heading_label.font()
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.35)
        heading_font.setBold(True)
        self.heading_label.setFont(heading_font)
        self.heading_label.setWordWrap(True)
        self.heading_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_label = QLabel()
        self.detail_label.setObjectName("section_detail")
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        mute(self.detail_label)

        self.editor = NarrativeEditor(controller)
        self.cover_label = QLabel()
        self.cover_label.setObjectName("cover_explanation")
        self.cover_label.setWordWrap(True)
        self.cover_label.setTextFormat(Qt.TextFormat.RichText)
        self.cover_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.cover_button = QPushButton(_("Edit the cover in the inspector"))
        self.cover_button.setObjectName("edit_cover_button")
        self.cover_button.setToolTip(_("Select the plan so the inspector shows the cover's fields: date, "
                                       "approval box, publication number, contact"))
        self.cover_button.clicked.connect(self.select_plan)
        cover_page = QWidget()
        cover_layout = QVBoxLayout(cover_page)
        cover_layout.setContentsMargins(0, 0, 0, 0)
        cover_layout.addWidget(self.cover_label)
        cover_layout.addWidget(self.cover_button, 0, Qt.AlignmentFlag.AlignLeft)
        cover_layout.addStretch(1)
        self.info_label = QLabel()
        self.info_label.setObjectName("section_info")
        self.info_label.setWordWrap(True)
        self.info_label.setTextFormat(Qt.TextFormat.RichText)
        self.info_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        self.pages = QStackedWidget()
        self.pages.addWidget(self.editor)
        self.pages.addWidget(cover_page)
        self.pages.addWidget(self.info_label)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(12, 8, 8, 8)
        right_layout.setSpacing(6)
        right_layout.addWidget(self.heading_label)
        right_layout.addWidget(self.detail_label)
        right_layout.addWidget(self.pages, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([560, 840])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.profile_label)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.splitter, 1)

        self.tree.selectionModel().currentChanged.connect(self._on_current_changed)
        controller.plan_changed.connect(self._on_plan_changed)
        controller.document_replaced.connect(self._on_document_replaced)
        self.refresher = StaleRefresher(self, self.refresh)
        self.refresh()

    # -- reading -------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the plan's profile and narrative state again, keeping the selected section."""
        try:
            snapshot = self.controller.read(read_document_snapshot)
        except PlannerError:
            return  # the plan is closed
        self.refresher.mark_refreshed()
        try:
            profile = load_plan_profile(snapshot.plan_type, snapshot.profile_id)
        except PlannerError as error:
            self.message_bar.show_message(_("The plan's guideline profile could not be read: {error}").format(
                error=error))
            profile = self.profile
        else:
            self.message_bar.hide()
        self.snapshot, self.profile = snapshot, profile
        if profile is None:
            self.model.set_outline(())
            self.profile_label.clear()
            self._show_entry(None)
            return
        language = current_language()
        self.profile_label.setText(self._profile_text(profile, snapshot))
        current_key = self.current_key()
        reset = [entry.key for entry in self.model.entries]
        outline = build_outline(profile, snapshot.written_keys, language, snapshot.language)
        self.model.set_outline(outline)
        if [entry.key for entry in outline] != reset:
            self.tree.expandAll()
            self.tree.resizeColumnToContents(0)
        self.select_section(current_key if self.model.entry_by_key(current_key or "") else COVER_KEY)
        self._show_entry(self.current_entry())

    def _profile_text(self, profile: GuidelineProfile, snapshot: DocumentSnapshot) -> str:
        text = _("Layout: {profile} ({id})").format(profile=profile.name.get(current_language()), id=profile.id)
        if snapshot.profile_id and snapshot.profile_id != profile.id:
            text += "  " + _("— the plan's profile “{id}” is not installed, so its plan type's default is used.")\
                .format(id=snapshot.profile_id)
        return text

    def current_key(self) -> str | None:
        """The key of the selected outline entry (COVER_KEY for the cover)."""
        entry = self.current_entry()
        return entry.key if entry else None

    def current_entry(self) -> OutlineEntry | None:
        return self.model.entry(self.tree.currentIndex())

    # -- choosing a section --------------------------------------------------------------------------------

    def select_section(self, key: str) -> bool:
        """Show the section with this key (or COVER_KEY); False when the outline has no such entry."""
        index = self.model.index_of(key)
        if not index.isValid():
            return False
        if self.tree.currentIndex() != index:
            self.tree.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self.tree.scrollTo(index)
        return True

    def select_plan(self) -> None:
        """Select the plan so the inspector edits its cover fields."""
        if self.snapshot is not None:
            self.controller.select("plan", [self.snapshot.plan_id])

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_entry(self.model.entry(current))

    def _show_entry(self, entry: OutlineEntry | None) -> None:
        if entry is None or entry.kind != "narrative":
            self.editor.set_section(None)  # stores what was typed in the section left
        if entry is None:
            self.heading_label.clear()
            self.detail_label.clear()
            self.pages.setCurrentWidget(self.info_label)
            self.info_label.setText("")
            return
        self.heading_label.setText(entry.heading)
        self.detail_label.setVisible(bool(entry.hint) or entry.kind in ("cover", "narrative"))
        if entry.kind == "cover":
            self.detail_label.setText(_("The first page of the document. Its text comes from the plan's details."))
            self.cover_label.setText(self._cover_html())
            self.pages.setCurrentIndex(1)
        elif entry.kind == "narrative":
            details = [entry.hint or _("Write this section in the plan's language.")]
            if entry.block:
                details.append(_("After the text, the PDF shows: {block}").format(block=entry.block_description()))
            self.detail_label.setText("\n".join(details))
            self.editor.set_section(entry.narrative_key, entry.plan_title, entry.narrative_position)
            self.pages.setCurrentWidget(self.editor)
            self.select_section_row()
        else:
            self.detail_label.setText(entry.hint)
            self.info_label.setText(self._generated_html(entry))
            self.pages.setCurrentWidget(self.info_label)

    def _cover_html(self) -> str:
        items = []
        if self.profile is not None:
            items = [escape(_(COVER_BLOCKS.get(block, block))) for block in self.profile.cover.blocks]
        listing = "".join(f"<li>{item}</li>" for item in items)
        explanation = escape(_("The cover's date, approval box (결재란) columns, publication registration number "
                               "and contact are edited in the inspector when the plan is selected."))
        return f"<p>{escape(_('The cover shows, top to bottom:'))}</p><ul>{listing}</ul><p>{explanation}</p>"

    def _generated_html(self, entry: OutlineEntry) -> str:
        parts = []
        if entry.block:
            parts.append(f"<p>{escape(_('The PDF generates this section from the plan:'))}</p>"
                         f"<p><b>{escape(entry.block_description())}</b></p>"
                         f"<p>{escape(_('Edit the data in the other views; nothing is written here.'))}</p>")
        if entry.children:
            rows = "".join(f"<li>{escape(child.heading)} — {escape(child.status)}</li>" if child.status
                           else f"<li>{escape(child.heading)}</li>" for child in entry.children)
            parts.append(f"<p>{escape(_('This chapter holds:'))}</p><ul>{rows}</ul>")
        return "".join(parts)

    # -- keeping every keystroke ---------------------------------------------------------------------------

    def commit_pending(self) -> bool:
        """Store text typed in the editor that is not stored yet; False when the plan refused it."""
        return self.editor.commit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.select_section_row()

    def hideEvent(self, event: QHideEvent) -> None:
        self.commit_pending()
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.commit_pending()
        super().closeEvent(event)

    # -- reactions -----------------------------------------------------------------------------------------

    def _on_plan_changed(self, changes: Changes, _initiator: object) -> None:
        if changes.touches(*WATCHED_KINDS):
            self.refresher.mark_changed()
        if changes.touches("narrative_section") and self.controller.selection_kind != "narrative_section":
            self.select_section_row()  # the section's first text made its row: its comments can be shown now

    def select_section_row(self) -> None:
        """Make the shown narrative section the controller's selection, so the inspector shows it and its
        comments (a section nobody wrote in yet has no row, and nothing to comment on)."""
        entry = self.current_entry()
        if entry is None or entry.kind != "narrative" or not entry.narrative_key or not self.isVisible():
            return
        key = entry.narrative_key
        row_id = self.controller.read(lambda session: session.execute(
            select(NarrativeSection.id).where(NarrativeSection.key == key)).scalar_one_or_none())
        if row_id is not None:
            self.controller.select("narrative_section", [row_id])

    def _on_document_replaced(self) -> None:
        self.editor.discard_pending()  # the plan was reverted or saved under another name: show what it holds
        self.editor.set_section(None)
        self.refresh()
