"""Qt item models: thin adapters over the plain row snapshots planner.queries returns."""

from __future__ import annotations

from desktop_app.models.initiative_table_model import InitiativeTableModel
from desktop_app.models.record_filter_proxy_model import RecordFilterProxyModel
from desktop_app.models.snapshot_table_model import (
    FILTER_ROLE,
    ID_ROLE,
    SEARCH_ROLE,
    SORT_ROLE,
    SnapshotTableModel,
)
from desktop_app.models.stakeholder_table_model import StakeholderTableModel

__all__ = [
    "FILTER_ROLE",
    "ID_ROLE",
    "SEARCH_ROLE",
    "SORT_ROLE",
    "InitiativeTableModel",
    "RecordFilterProxyModel",
    "SnapshotTableModel",
    "StakeholderTableModel",
]
