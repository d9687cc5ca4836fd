"""The stakeholder register: one row per StakeholderRow snapshot."""

from __future__ import annotations

import unicodedata

from sqlalchemy.orm import Session

from desktop_app.models.snapshot_table_model import Column, SnapshotTableModel
from planner.i18n import N_, _
from planner.model.vocabulary import ATTITUDES, ENGAGEMENT_STRATEGIES, SECTORS, engagement_for, label
from planner.queries import StakeholderRow, stakeholder_rows

OVERRIDDEN_MARK = "✎"  # after an engagement strategy set by hand
_SECTOR_ORDER = {code: number for number, code in enumerate(SECTORS)}
_ATTITUDE_ORDER = {code: number for number, code in enumerate(ATTITUDES)}
_ENGAGEMENT_ORDER = {code: number for number, code in enumerate(ENGAGEMENT_STRATEGIES)}


def _engagement_text(row: StakeholderRow) -> str:
    text = label(ENGAGEMENT_STRATEGIES, row.engagement)
    return f"{text} {OVERRIDDEN_MARK}" if row.engagement_overridden else text


def _engagement_tooltip(row: StakeholderRow) -> str:
    derived = label(ENGAGEMENT_STRATEGIES, engagement_for(row.influence, row.interest))
    if row.engagement_overridden:
        return _("Set by hand; influence and interest suggest: {strategy}").format(strategy=derived)
    return _("Derived from influence and interest")


class StakeholderTableModel(SnapshotTableModel[StakeholderRow]):
    """Name, organisation, sector, influence, interest, attitude, engagement, involvement and tags."""

    WATCHED_KINDS = frozenset({"stakeholder", "raci_role", "initiative"})

    def make_columns(self) -> list[Column[StakeholderRow]]:
        return [
            Column("name", N_("Name"), lambda r: r.name, tooltip=lambda r: r.name, width_chars=18),
            Column("organisation", N_("Organisation"), lambda r: r.organisation, tooltip=lambda r: r.organisation,
                   width_chars=18),
            Column("sector", N_("Sector"), lambda r: label(SECTORS, r.sector),
                   sort=lambda r: _SECTOR_ORDER.get(r.sector, len(_SECTOR_ORDER)), width_chars=14),
            Column("influence", N_("Influence"), lambda r: str(r.influence), sort=lambda r: r.influence,
                   numeric=True, width_chars=7),
            Column("interest", N_("Interest"), lambda r: str(r.interest), sort=lambda r: r.interest,
                   numeric=True, width_chars=7),
            Column("attitude", N_("Attitude"), lambda r: label(ATTITUDES, r.attitude),
                   sort=lambda r: _ATTITUDE_ORDER.get(r.attitude, len(_ATTITUDE_ORDER)), width_chars=9),
            Column("engagement", N_("Engagement"), _engagement_text, tooltip=_engagement_tooltip,
                   sort=lambda r: _ENGAGEMENT_ORDER.get(r.engagement, len(_ENGAGEMENT_ORDER)),
                   italic=lambda r: r.engagement_overridden, width_chars=13),
            Column("initiatives", N_("Initiatives"), lambda r: str(r.initiative_count),
                   sort=lambda r: r.initiative_count, numeric=True, width_chars=7),
            Column("tags", N_("Tags"), lambda r: ", ".join(r.tags), tooltip=lambda r: ", ".join(r.tags),
                   width_chars=16),
        ]

    def read_rows(self, session: Session) -> list[StakeholderRow]:
        return stakeholder_rows(session)

    def search_text(self, row: StakeholderRow) -> str:
        return unicodedata.normalize("NFC", f"{row.name}\n{row.organisation}").casefold()

    def filter_value(self, row: StakeholderRow) -> str:
        return row.sector

    def all_tags(self) -> list[str]:
        """Every tag used by a stakeholder, sorted, once each (the entries of the register's tag filter)."""
        return sorted({tag for row in self.rows for tag in row.tags})
