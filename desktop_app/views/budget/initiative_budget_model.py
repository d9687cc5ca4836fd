"""The per-initiative budget table: planned KRW million by source, national share, funding rule and its check."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy.orm import Session

from desktop_app.models.money_format import decimals_for, krw_text, million_text
from desktop_app.models.snapshot_table_model import AnyIndex, Column, SnapshotTableModel
from desktop_app.views.budget.budget_matrix_model import breach_brush, rich_tooltip
from planner.budget import (
    BUDGET_KINDS,
    InitiativeBudget,
    budget_by_initiative,
    funding_rule_violations,
    percent_text,
)
from planner.commands import Changes
from planner.i18n import N_, _
from planner.model.vocabulary import FUNDING_SOURCES


@dataclass(frozen=True)
class InitiativeBudgetEntry:
    """One line: the initiative's budget snapshot and the messages of its funding-rule breaches."""

    budget: InitiativeBudget
    violations: tuple[str, ...]

    @property
    def id(self) -> str:
        return self.budget.id


def read_initiative_budget_entries(session: Session) -> list[InitiativeBudgetEntry]:
    messages: dict[str, list[str]] = {}
    for violation in funding_rule_violations(session):
        messages.setdefault(violation.initiative_id, []).append(violation.message)
    return [InitiativeBudgetEntry(row, tuple(messages.get(row.id, ()))) for row in budget_by_initiative(session)]


def _share(entry: InitiativeBudgetEntry) -> Fraction | None:
    return entry.budget.national_share()


def _share_text(entry: InitiativeBudgetEntry) -> str:
    share = _share(entry)
    return "" if share is None else f"{percent_text(share * 100)} %"


def _check_text(entry: InitiativeBudgetEntry) -> str:
    if not entry.budget.funding_rule:
        return ""
    if entry.violations:
        return _("{count} breaches").format(count=len(entry.violations)) if len(entry.violations) > 1 else _("1 breach")
    return _("Complies")


class InitiativeBudgetModel(SnapshotTableModel[InitiativeBudgetEntry]):
    """Code, title, planned money by source and in total, national share, funding rule and check."""

    WATCHED_KINDS = frozenset(BUDGET_KINDS)
    follows_plan = True  # False: the owner refreshes it (the budget view does, when it is shown)

    def make_columns(self) -> list[Column[InitiativeBudgetEntry]]:
        columns: list[Column[InitiativeBudgetEntry]] = [
            Column("code", N_("Code"), lambda e: e.budget.code, width_chars=6),
            Column("title", N_("Title"), lambda e: e.budget.title, tooltip=lambda e: e.budget.title, width_chars=18,
                   max_chars=44),
        ]
        for source, header in FUNDING_SOURCES.items():
            columns.append(Column(
                source, header, lambda e, s=source: self._money(e.budget.by_source.get(s, 0)),
                sort=lambda e, s=source: e.budget.by_source.get(s, 0),
                tooltip=lambda e, s=source: krw_text(e.budget.by_source.get(s, 0)), numeric=True, width_chars=7,
            ))
        columns += [
            Column("total", N_("Total"), lambda e: self._money(e.budget.total_krw), sort=lambda e: e.budget.total_krw,
                   tooltip=lambda e: krw_text(e.budget.total_krw), numeric=True, width_chars=8),
            Column("national_share", N_("National share"), _share_text,
                   sort=lambda e: -1.0 if _share(e) is None else float(_share(e) or 0), numeric=True, width_chars=7),
            Column("funding_rule", N_("Funding rule"), lambda e: e.budget.funding_rule,
                   tooltip=lambda e: e.budget.funding_rule, width_chars=12, max_chars=30),
            Column("check", N_("Rule check"), _check_text, sort=lambda e: (-len(e.violations), _check_text(e)),
                   tooltip=lambda e: rich_tooltip(e.violations), width_chars=8),
        ]
        return columns

    def _money(self, krw: int) -> str:
        return million_text(krw, getattr(self, "_decimals", None)) if krw else "–"

    def prepare_rows(self, rows: Sequence[InitiativeBudgetEntry]) -> bool:
        """One number format for every money column (a decimal only when some amount needs it)."""
        decimals = decimals_for(amount for entry in rows for amount in entry.budget.by_source.values())
        changed = decimals != getattr(self, "_decimals", decimals)
        self._decimals = decimals
        return changed

    def _on_plan_changed(self, changes: Changes, initiator: object) -> None:
        if self.follows_plan:
            super()._on_plan_changed(changes, initiator)

    def read_rows(self, session: Session) -> list[InitiativeBudgetEntry]:
        return read_initiative_budget_entries(session)

    def search_text(self, row: InitiativeBudgetEntry) -> str:
        return f"{row.budget.code}\n{row.budget.title}".casefold()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.BackgroundRole and index.isValid() and 0 <= index.row() < self.rowCount()
                and self.columns[index.column()].key == "check" and self.row_snapshot(index.row()).violations):
            return breach_brush()
        return super().data(index, role)
