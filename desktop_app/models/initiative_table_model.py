"""The initiative table: one row per InitiativeRow snapshot, with its field id for the field filter."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.models.money_format import decimals_for, krw_text, million_text
from desktop_app.models.snapshot_table_model import Column, SnapshotTableModel
from planner.i18n import N_, _
from planner.model import Initiative
from planner.model.vocabulary import INITIATIVE_STATUSES, label
from planner.queries import InitiativeRow, initiative_rows

NO_FIELD = ""  # the filter value of initiatives outside every field
_STATUS_ORDER = {code: number for number, code in enumerate(INITIATIVE_STATUSES)}


@dataclass(frozen=True)
class InitiativeEntry:
    """One table line: the query's snapshot plus the id of its field (InitiativeRow has the name only)."""

    row: InitiativeRow
    field_id: str | None

    @property
    def id(self) -> str:
        return self.row.id


def initiative_field_ids(session: Session) -> dict[str, str | None]:
    """Each initiative's field id (for filtering by field when two fields share a name)."""
    return {row[0]: row[1] for row in session.execute(select(Initiative.id, Initiative.field_id))}


def read_initiative_entries(session: Session) -> list[InitiativeEntry]:
    field_ids = initiative_field_ids(session)
    return [InitiativeEntry(row, field_ids.get(row.id)) for row in initiative_rows(session)]


def _normalised(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


def _status_text(entry: InitiativeEntry) -> str:
    return label(INITIATIVE_STATUSES, entry.row.status)


def _finish_text(entry: InitiativeEntry) -> str:
    return entry.row.finish.label()


def _duration_tooltip(entry: InitiativeEntry) -> str:
    return _("A milestone (no duration)") if entry.row.duration_months == 0 else ""


class InitiativeTableModel(SnapshotTableModel[InitiativeEntry]):
    """Code, title, field, phase, start, finish, duration, lead, status, progress and budget of every initiative."""

    WATCHED_KINDS = frozenset(
        {"initiative", "field", "strategy", "stakeholder", "budget_line", "dependency", "kpi", "raci_role"}
    )

    def make_columns(self) -> list[Column[InitiativeEntry]]:
        return [
            Column("code", N_("Code"), lambda e: e.row.code, width_chars=7),
            Column("title", N_("Title"), lambda e: e.row.title, tooltip=lambda e: e.row.title, width_chars=24,
                   max_chars=60),
            Column("field", N_("Field"), lambda e: e.row.field, width_chars=14),
            Column("phase", N_("Phase"), lambda e: "" if e.row.phase is None else str(e.row.phase),
                   sort=lambda e: -1 if e.row.phase is None else e.row.phase, numeric=True, width_chars=5),
            Column("start", N_("Start"), lambda e: e.row.start.label(), sort=lambda e: e.row.start.index,
                   numeric=True, width_chars=8),
            Column("finish", N_("Finish"), _finish_text, sort=lambda e: e.row.finish.index, numeric=True,
                   width_chars=8),
            Column("duration", N_("Months"), lambda e: str(e.row.duration_months),
                   sort=lambda e: e.row.duration_months, tooltip=_duration_tooltip, numeric=True, width_chars=6),
            Column("lead", N_("Lead"), lambda e: e.row.lead, tooltip=lambda e: e.row.lead, width_chars=12,
                   max_chars=28),
            Column("status", N_("Status"), _status_text,
                   sort=lambda e: _STATUS_ORDER.get(e.row.status, len(_STATUS_ORDER)), width_chars=10),
            Column("progress", N_("Progress"), lambda e: f"{e.row.progress}%", sort=lambda e: e.row.progress,
                   numeric=True, width_chars=7),
            Column("budget", N_("Budget (KRW million)"), self._budget_text,
                   sort=lambda e: e.row.budget_krw, tooltip=lambda e: krw_text(e.row.budget_krw), numeric=True,
                   width_chars=12),
        ]

    def _budget_text(self, entry: InitiativeEntry) -> str:
        return million_text(entry.row.budget_krw, getattr(self, "_budget_decimals", None))

    def prepare_rows(self, rows: Sequence[InitiativeEntry]) -> bool:
        """One number format for the whole budget column (a decimal only when some amount needs it)."""
        decimals = decimals_for(entry.row.budget_krw for entry in rows)
        changed = decimals != getattr(self, "_budget_decimals", decimals)
        self._budget_decimals = decimals
        return changed

    def read_rows(self, session: Session) -> list[InitiativeEntry]:
        return read_initiative_entries(session)

    def search_text(self, row: InitiativeEntry) -> str:
        return _normalised(f"{row.row.code}\n{row.row.title}")

    def filter_value(self, row: InitiativeEntry) -> str:
        return row.field_id or NO_FIELD
