"""The plan's domain model: SQLAlchemy tables for everything a .cplan file holds."""

from __future__ import annotations

from planner.model.base import Base, DecimalText, YearMonthType, new_id, utc_now
from planner.model.baselines import Baseline, BaselineBudget, BaselineItem
from planner.model.budget import BudgetLine, BudgetTotal, FundingRule
from planner.model.history import ChangeLogEntry, Comment
from planner.model.initiatives import Dependency, Initiative, Milestone
from planner.model.merge import MergeConflict
from planner.model.outcomes import ChecklistAnswer, Kpi, KpiTarget, Risk
from planner.model.plan import Field, NarrativeSection, Plan, Strategy
from planner.model.stakeholder_maps import NetworkPosition, StakeholderSnapshot, StakeholderSnapshotItem
from planner.model.stakeholders import RaciRole, Stakeholder, StakeholderRelation
from planner.model.versions import PlanVersion
from planner.model.workshops import (
    PresentationSlide,
    StickyNote,
    WorkshopRating,
    WorkshopRound,
    WorkshopRoundItem,
)

# Every kind of row by the name commands and Changes use for it.
ENTITY_CLASSES: dict[str, type[Base]] = {
    "plan": Plan,
    "narrative_section": NarrativeSection,
    "field": Field,
    "strategy": Strategy,
    "stakeholder": Stakeholder,
    "funding_rule": FundingRule,
    "initiative": Initiative,
    "milestone": Milestone,
    "dependency": Dependency,
    "stakeholder_relation": StakeholderRelation,
    "raci_role": RaciRole,
    "budget_line": BudgetLine,
    "budget_total": BudgetTotal,
    "kpi": Kpi,
    "kpi_target": KpiTarget,
    "risk": Risk,
    "checklist_answer": ChecklistAnswer,
    "comment": Comment,
    "change_log": ChangeLogEntry,
    "baseline": Baseline,
    "baseline_item": BaselineItem,
    "baseline_budget": BaselineBudget,
    "stakeholder_snapshot": StakeholderSnapshot,
    "stakeholder_snapshot_item": StakeholderSnapshotItem,
    "network_position": NetworkPosition,
    "presentation_slide": PresentationSlide,
    "workshop_rating": WorkshopRating,
    "workshop_round": WorkshopRound,
    "workshop_round_item": WorkshopRoundItem,
    "sticky_note": StickyNote,
    "merge_conflict": MergeConflict,
}

__all__ = [
    "ENTITY_CLASSES",
    "Base",
    "Baseline",
    "BaselineBudget",
    "BaselineItem",
    "BudgetLine",
    "BudgetTotal",
    "ChangeLogEntry",
    "ChecklistAnswer",
    "Comment",
    "DecimalText",
    "Dependency",
    "Field",
    "FundingRule",
    "Initiative",
    "Kpi",
    "KpiTarget",
    "MergeConflict",
    "Milestone",
    "NarrativeSection",
    "NetworkPosition",
    "Plan",
    "PlanVersion",
    "PresentationSlide",
    "RaciRole",
    "Risk",
    "Stakeholder",
    "StakeholderRelation",
    "StakeholderSnapshot",
    "StakeholderSnapshotItem",
    "StickyNote",
    "Strategy",
    "WorkshopRating",
    "WorkshopRound",
    "WorkshopRoundItem",
    "YearMonthType",
    "new_id",
    "utc_now",
]
