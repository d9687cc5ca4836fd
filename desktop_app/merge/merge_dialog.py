"""File ▸ Merge Plan from File…: merge off the GUI thread, review every conflict (ours / theirs / both, one by one
or all at once), check the result, and apply it as one undoable command; File ▸ Export Department Package…."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.dialogs import plan_file_filter, show_error
from desktop_app.interchange.snapshot_job import SnapshotJob
from desktop_app.merge.merge_work import (
    CheckedMerge,
    MergeOutcome,
    MergePlanCommand,
    decide_and_check,
    merge_into_open_plan,
)
from desktop_app.plan_controller import PlanController
from planner.i18n import N_, _
from planner.merge.conflicts import CONFLICT_TYPES, MERGED, OURS, THEIRS, Conflict, short
from planner.merge.engine import MergeResult

BUSY, NEEDS_BASE, REVIEW, PROBLEM = range(4)
CHOICE_NAMES = {OURS: N_("Ours"), THEIRS: N_("Theirs"), MERGED: N_("Both")}
COLUMNS = (N_("Item"), N_("Attribute"), N_("Base"), N_("Ours (open plan)"), N_("Theirs (file)"), N_("Keep"))
KEEP_COLUMN = 5
MAX_FINDING_LINES = 8  # findings listed in the dialog (the Checks view lists them all after applying)


def ask_merge_path(parent: QWidget | None, directory: str) -> Path | None:
    """The plan file to merge into the open plan, or None. (Tests replace this helper.)"""
    path, _selected = QFileDialog.getOpenFileName(parent, _("Merge Plan from File"), directory, plan_file_filter())
    return Path(path) if path else None


def ask_base_path(parent: QWidget | None, directory: str) -> Path | None:
    """The file both versions started from, or None. (Tests replace this helper.)"""
    path, _selected = QFileDialog.getOpenFileName(parent, _("Choose the Common Base File"), directory,
                                                  plan_file_filter())
    return Path(path) if path else None


class MergeDialog(QDialog):
    """Merges `other` into the open plan in the background, then lists the conflicts by type for review."""

    def __init__(self, controller: PlanController, parent: QWidget | None, other: Path,
                 base: Path | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.other = Path(other)
        self.outcome: MergeOutcome | None = None
        self.merge_result: MergeResult | None = None
        self.checked: CheckedMerge | None = None
        self.choices: dict[str, str] = {}
        self.job: SnapshotJob | None = None
        self.applied_message = ""
        self._apply_when_checked = False
        self.setObjectName("merge_dialog")
        self.setWindowTitle(_("Merge {file}").format(file=self.other.name))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.resize(1100, 680)
        self._build()
        self.start(base)

    # -- layout -----------------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setObjectName("merge_heading")
        layout.addWidget(self.heading)
        self.pages = QStackedWidget(self)
        layout.addWidget(self.pages, 1)

        self.busy_label = QLabel(_("Merging…"), self)
        self.busy_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages.addWidget(self.busy_label)

        needs_base = QWidget(self)
        base_layout = QVBoxLayout(needs_base)
        self.needs_base_label = QLabel(needs_base)
        self.needs_base_label.setWordWrap(True)
        base_layout.addWidget(self.needs_base_label)
        self.choose_base_button = QPushButton(_("Choose &Base File…"), needs_base)
        self.choose_base_button.clicked.connect(self.choose_base)
        base_layout.addWidget(self.choose_base_button, 0, Qt.AlignmentFlag.AlignLeft)
        base_layout.addStretch(1)
        self.pages.addWidget(needs_base)

        review = QWidget(self)
        review_layout = QVBoxLayout(review)
        review_layout.setContentsMargins(0, 0, 0, 0)
        self.tree = QTreeWidget(review)
        self.tree.setObjectName("merge_conflicts")
        self.tree.setHeaderLabels([_(name) for name in COLUMNS])
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAccessibleName(_("Conflicts"))
        self.tree.setWordWrap(True)
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((300, 110, 180, 180, 180, 70)):
            self.tree.setColumnWidth(column, width)
        self.tree.currentItemChanged.connect(self._show_current)
        review_layout.addWidget(self.tree, 1)

        self.detail = QLabel(review)
        self.detail.setWordWrap(True)
        self.detail.setObjectName("merge_detail")
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        review_layout.addWidget(self.detail)
        choice_row = QHBoxLayout()
        choice_row.addWidget(QLabel(_("Keep:"), review))
        self.choice_group = QButtonGroup(self)
        self.choice_buttons: dict[str, QRadioButton] = {}
        for choice, text in ((OURS, N_("&Ours")), (THEIRS, N_("&Theirs")), (MERGED, N_("Bot&h"))):
            button = QRadioButton(_(text), review)
            button.setObjectName(f"keep_{choice}")
            self.choice_group.addButton(button)
            self.choice_buttons[choice] = button
            button.toggled.connect(lambda checked, name=choice: checked and self.choose(name))
            choice_row.addWidget(button)
        choice_row.addStretch(1)
        self.all_ours_button = QPushButton(_("All O&urs"), review)
        self.all_ours_button.clicked.connect(lambda: self.choose_all(OURS))
        self.all_theirs_button = QPushButton(_("All Th&eirs"), review)
        self.all_theirs_button.clicked.connect(lambda: self.choose_all(THEIRS))
        choice_row.addWidget(self.all_ours_button)
        choice_row.addWidget(self.all_theirs_button)
        review_layout.addLayout(choice_row)
        self.summary = QLabel(review)
        self.summary.setWordWrap(True)
        self.summary.setObjectName("merge_summary")
        review_layout.addWidget(self.summary)
        self.pages.addWidget(review)

        self.problem_label = QLabel(self)
        self.problem_label.setWordWrap(True)
        self.problem_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.problem_label.setObjectName("merge_problem")
        self.pages.addWidget(self.problem_label)

        self.warning_label = QLabel(self)
        self.warning_label.setWordWrap(True)
        self.warning_label.setObjectName("merge_warnings")
        self.warning_label.hide()
        layout.addWidget(self.warning_label)
        self.buttons = QDialogButtonBox(self)
        self.apply_button = self.buttons.addButton(_("&Apply"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setObjectName("merge_apply")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button.clicked.connect(self.apply)
        self.cancel_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)
        # keyboard: O / T / B choose for the current conflict while the list has the focus
        for key, choice in (("O", OURS), ("T", THEIRS), ("B", MERGED)):
            shortcut = QShortcut(QKeySequence(key), self.tree)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda name=choice: self._choose_by_key(name))

    # -- the background work ------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self.job is not None and self.job.running

    def _run(self, work: Any, on_done: Any, text: str) -> None:
        if self.job is not None:
            self.job.cancel()
        self.busy_label.setText(text)
        self.pages.setCurrentIndex(BUSY)
        self.apply_button.setEnabled(False)
        job = SnapshotJob(self.controller, work, self)
        job.finished.connect(on_done)
        job.failed.connect(self._failed)
        self.job = job
        job.start()

    def start(self, base: Path | None = None) -> None:
        other = self.other
        self.heading.setText(_("Merging {file} into the open plan.").format(file=other.name))
        self._run(lambda session: merge_into_open_plan(session, other, base), self._merged, _("Merging…"))

    def choose_base(self) -> None:
        base = ask_base_path(self, str(self.other.parent))
        if base is not None:
            self.start(base)

    def _failed(self, message: str) -> None:
        self._show_problem(message or _("The merge stopped."))

    def _show_problem(self, message: str) -> None:
        self.problem_label.setText(message)
        self.pages.setCurrentIndex(PROBLEM)
        self.apply_button.setEnabled(False)

    def _merged(self, outcome: MergeOutcome) -> None:
        self.outcome = outcome
        if outcome.needs_base:
            self.needs_base_label.setText(outcome.problem)
            self.pages.setCurrentIndex(NEEDS_BASE)
            self.choose_base_button.setFocus()
            return
        if outcome.result is None:
            self._show_problem(outcome.problem)
            return
        self.heading.setText(_("Merging {file} into the open plan (common version: {base}).").format(
            file=self.other.name, base=outcome.base_name))
        self.choices = {conflict.key: conflict.kept if conflict.kept in conflict.choices else OURS
                        for conflict in outcome.result.conflicts}
        self._show_review(outcome.result)

    # -- review ---------------------------------------------------------------------------------------------

    def _show_review(self, result: MergeResult) -> None:
        self.merge_result = result
        self.tree.clear()
        self.items: dict[str, QTreeWidgetItem] = {}
        groups: dict[str, QTreeWidgetItem] = {}
        for conflict in result.conflicts:
            group = groups.get(conflict.conflict_type)
            if group is None:
                group = QTreeWidgetItem(self.tree)
                group.setFirstColumnSpanned(True)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                groups[conflict.conflict_type] = group
            item = QTreeWidgetItem(group, self._row_texts(conflict))
            item.setData(0, Qt.ItemDataRole.UserRole, conflict.key)
            for column in range(len(COLUMNS)):
                item.setToolTip(column, item.text(column))
            self.items[conflict.key] = item
        counts = Counter(conflict.conflict_type for conflict in result.conflicts)
        for conflict_type, group in groups.items():
            group.setText(0, f"{_(CONFLICT_TYPES.get(conflict_type, conflict_type))} ({counts[conflict_type]})")
            group.setExpanded(True)
        self.pages.setCurrentIndex(REVIEW)
        self.apply_button.setEnabled(True)
        self.apply_button.setDefault(True)
        first = next(iter(self.items.values()), None)
        if first is not None:
            self.tree.setCurrentItem(first)
            self.tree.setFocus()
        self._show_current()
        self._update_summary()

    def _row_texts(self, conflict: Conflict) -> list[str]:
        return [f"{conflict.kind_label} {conflict.label}".strip(), conflict.field_label or "—",
                short(conflict.text("base"), 80), short(conflict.text(OURS), 80), short(conflict.text(THEIRS), 80),
                _(CHOICE_NAMES.get(self.choices.get(conflict.key, OURS), OURS))]

    def current_conflict(self) -> Conflict | None:
        item = self.tree.currentItem()
        key = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        if not key or self.merge_result is None:
            return None
        return self.merge_result.conflict(key)

    def _show_current(self, *_args: Any) -> None:
        conflict = self.current_conflict()
        for name, button in self.choice_buttons.items():
            button.blockSignals(True)
            button.setEnabled(conflict is not None and name in conflict.choices)
            button.setVisible(name != MERGED or (conflict is not None and MERGED in conflict.choices))
            button.setChecked(conflict is not None and self.choices.get(conflict.key) == name)
            button.blockSignals(False)
        if conflict is None:
            self.detail.setText(_("Choose a conflict to decide it; O keeps ours, T theirs, B both."))
            return
        self.detail.setText(_("{message}\nBase: {base}\nOurs: {ours}\nTheirs: {theirs}").format(
            message=conflict.message, base=short(conflict.text("base"), 300), ours=short(conflict.text(OURS), 300),
            theirs=short(conflict.text(THEIRS), 300)))

    def _choose_by_key(self, choice: str) -> None:
        conflict = self.current_conflict()
        if conflict is not None and choice in conflict.choices:
            self.choose(choice)
            self._show_current()

    def choose(self, choice: str, key: str | None = None) -> None:
        """Keep `choice` (ours, theirs, merged) for one conflict (the current one by default)."""
        conflict = self.current_conflict() if key is None else self.merge_result.conflict(key) if self.merge_result else None
        if conflict is None or choice not in conflict.choices:
            return
        if self.choices.get(conflict.key) != choice and self._apply_when_checked:  # the findings shown are stale
            self._apply_when_checked = False
            self.checked = None
            self.apply_button.setText(_("&Apply"))
            self.warning_label.hide()
        self.choices[conflict.key] = choice
        self.items[conflict.key].setText(KEEP_COLUMN, _(CHOICE_NAMES[choice]))
        self._update_summary()

    def choose_all(self, choice: str) -> None:
        """Keep one side for every conflict."""
        if self.merge_result is None:
            return
        for conflict in self.merge_result.conflicts:
            if choice in conflict.choices:
                self.choose(choice, conflict.key)
        self._show_current()

    def _update_summary(self) -> None:
        if self.merge_result is None:
            return
        stats = self.merge_result.stats
        kept = Counter(self.choices.get(conflict.key, OURS) for conflict in self.merge_result.conflicts)
        changes = _("From the open plan: {ours} rows added or changed, {ours_deleted} deleted; from {file}: {theirs} "
                    "added or changed, {theirs_deleted} deleted.").format(
            ours=f"{stats['added_ours'] + stats['changed_ours']:,}", ours_deleted=f"{stats['deleted_ours']:,}",
            file=self.other.name, theirs=f"{stats['added_theirs'] + stats['changed_theirs']:,}",
            theirs_deleted=f"{stats['deleted_theirs']:,}")
        if not self.merge_result.conflicts:
            self.summary.setText(changes + " " + _("No conflicts."))
            self.detail.setText(_("Every change from both sides fits together; Apply makes the open plan the merged "
                                  "one (one step you can undo)."))
            return
        self.summary.setText(changes + " " + _("Conflicts: {count} — keeping ours {ours}, theirs {theirs}, both "
                                               "{both}.").format(count=len(self.merge_result.conflicts), ours=kept[OURS],
                                                                 theirs=kept[THEIRS], both=kept[MERGED]))

    # -- applying -------------------------------------------------------------------------------------------

    def apply(self) -> None:
        """Check the merge with the choices in the background; apply it when sound (what the schedule and the
        guideline checks find that neither side had is shown first, and a second Apply applies anyway)."""
        if self.busy or self.outcome is None or self.outcome.result is None:
            return
        if self.checked is not None and self.checked.tables is not None and self._apply_when_checked:
            self._execute(self.checked)
            return
        outcome, choices = self.outcome, dict(self.choices)
        self._run(lambda _session: decide_and_check(outcome, choices), self._checked, _("Checking the merged plan…"))

    def _checked(self, checked: CheckedMerge) -> None:
        self.checked = checked
        if checked.result.conflicts:  # the choices broke something in turn: review those
            assert self.outcome is not None
            self.outcome.result = checked.result
            self.choices = {conflict.key: conflict.kept if conflict.kept in conflict.choices else OURS
                            for conflict in checked.result.conflicts}
            self._show_review(checked.result)
            self.warning_label.setText(_("Your choices caused {count} new conflicts; decide them too.").format(
                count=len(checked.result.conflicts)))
            self.warning_label.show()
            return
        if checked.blockers or checked.tables is None:
            self._back_to_review()
            self.warning_label.setText("\n".join(checked.blockers))
            self.warning_label.show()
            return
        findings = checked.findings
        if findings is not None and not findings.clean and not self._apply_when_checked:
            self._back_to_review()
            lines = "\n".join(f"• {line}" for line in findings.lines(MAX_FINDING_LINES))
            self.warning_label.setText(_("{summary}\n{lines}\nApply Anyway makes the open plan the merged one; the "
                                         "Checks view lists every finding.").format(
                summary=findings.summary(), lines=lines))
            self.warning_label.show()
            self.apply_button.setText(_("&Apply Anyway"))
            self._apply_when_checked = True
            return
        self._execute(checked)

    def _back_to_review(self) -> None:
        """The conflicts as the user decided them, to apply anyway or to decide otherwise (the list keeps every
        conflict and choice; the checked result no longer lists the ones the choices decided)."""
        self.pages.setCurrentIndex(REVIEW)
        self.apply_button.setEnabled(True)
        self._show_current()

    def _execute(self, checked: CheckedMerge) -> None:
        assert self.outcome is not None and checked.tables is not None
        label = _("Merge {file}").format(file=self.other.name)
        command = MergePlanCommand(checked.tables, self.outcome.their_versions, label)
        try:
            self.controller.execute(command)
        except Exception as error:  # the plan stays as it was
            show_error(self, _("Merge"), str(error))
            return
        self.applied_message = _("Merged {file} ({count} conflicts decided). Undo takes the merge back.").format(
            file=self.other.name, count=len(checked.result.resolved))
        if checked.findings is not None and not checked.findings.clean:
            self.applied_message += " " + checked.findings.summary()
        self.accept()

    def reject(self) -> None:
        if self.job is not None:
            self.job.cancel()
        super().reject()


def merge_with_dialog(window: Any) -> MergeDialog | None:
    """File ▸ Merge Plan from File…: choose the file, then the review dialog; the status bar says what happened."""
    controller = getattr(window, "controller", None)
    if controller is None:
        return None
    commit = getattr(window, "commit_pending_edits", None)
    if callable(commit):
        commit()
    document = controller.document
    folder = str(document.path.parent) if document.path is not None else ""
    path = ask_merge_path(window, folder)
    if path is None:
        return None
    if document.path is not None and path.absolute() == document.path.absolute():
        show_error(window, _("Merge"), _("{file} is the open plan; choose another version of it.").format(
            file=path.name))
        return None
    dialog = MergeDialog(controller, window, path)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def on_accepted() -> None:
        if dialog.applied_message:
            window.statusBar().showMessage(dialog.applied_message, 15_000)

    dialog.accepted.connect(on_accepted)
    dialog.open()
    return dialog


def export_package_with_dialog(window: Any) -> Path | None:
    """File ▸ Export Department Package…: choose a field and where to write; the package is made from the saved
    file (so it shares its lineage), so unsaved changes are saved first or the export is not made."""
    from planner.merge.package import field_codes, write_package

    controller = getattr(window, "controller", None)
    if controller is None:
        return None
    document = controller.document
    if document.path is None or controller.is_modified or document.unsaved:
        show_error(window, _("Export Department Package"), _("Save the plan first: the package is made from the "
                                                             "saved file, so that it can be merged back."))
        return None
    fields = controller.read(lambda session: field_codes(_field_rows(session)))
    if not fields:
        show_error(window, _("Export Department Package"), _("The plan has no fields."))
        return None
    labels = [f"{code} {name}".strip() for code, name in fields]
    chosen, ok = QInputDialog.getItem(window, _("Export Department Package"), _("Field:"), labels, 0, False)
    if not ok:
        return None
    code = fields[labels.index(chosen)][0]
    suggested = str(document.path.with_name(f"{document.path.stem}-{code}.cplan"))
    target, _selected = QFileDialog.getSaveFileName(window, _("Export Department Package"), suggested,
                                                    plan_file_filter())
    if not target:
        return None
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        write_package(document.path, code, Path(target), force=True)
    except Exception as error:
        QApplication.restoreOverrideCursor()
        show_error(window, _("Export Department Package"), str(error))
        return None
    QApplication.restoreOverrideCursor()
    window.statusBar().showMessage(_("Wrote the department package {file}.").format(file=Path(target).name), 15_000)
    return Path(target)


def _field_rows(session: Any) -> dict[str, list[dict[str, Any]]]:
    from sqlalchemy import select

    from planner.model import Field

    return {"field": [{"code": code, "name": name, "position": position}
                      for code, name, position in session.execute(select(Field.code, Field.name, Field.position))]}


def screenshot_merge_preview(window: Any, path: Path, target: Path, seconds: float = 60.0) -> bool:
    """--merge-preview FILE --screenshot PNG: the conflict review of FILE merged into the open plan."""
    from desktop_app.widgets.dialog_screenshot import screenshot_when_idle

    return screenshot_when_idle(MergeDialog(window.controller, window, path), target, 1280, 760, seconds)
