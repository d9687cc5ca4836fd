"""The generated blocks of a report, by the block id a profile's section names (planner.guidelines.profile.BLOCKS)."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from planner.reports.context import ReportContext

# Block id -> "module:function"; each function takes the ReportContext (ctx.section is the section being built,
# ctx.section.options its parameters) and returns the flowables of the block. Loaded when first used.
BLOCK_BUILDERS: dict[str, str] = {
    "initiative_table": "planner.reports.blocks.tables:initiative_table",
    "budget_table": "planner.reports.blocks.tables:budget_table",
    "budget_by_initiative": "planner.reports.blocks.tables:budget_by_initiative",
    "kpi_table": "planner.reports.blocks.tables:kpi_table",
    "stakeholder_table": "planner.reports.blocks.tables:stakeholder_table",
    "raci_table": "planner.reports.blocks.tables:raci_table",
    "risk_register": "planner.reports.blocks.tables:risk_register",
    "ethics_summary": "planner.reports.blocks.tables:ethics_summary",
    "funding_summary": "planner.reports.blocks.tables:funding_summary",
    "vision_summary": "planner.reports.blocks.tables:vision_summary",
    "comments": "planner.reports.blocks.comments:comments_appendix",
    "definition_sheets": "planner.reports.blocks.sheets:definition_sheets",
    "results_table": "planner.reports.blocks.annual:results_table",
    "year_plan_table": "planner.reports.blocks.annual:year_plan_table",
    "project_summary": "planner.reports.blocks.annual:project_summary",
    "roadmap_chart": "planner.reports.blocks.charts:roadmap_chart",
    "budget_chart": "planner.reports.blocks.charts:budget_chart",
    "kpi_chart": "planner.reports.blocks.charts:kpi_chart",
    "stakeholder_grid": "planner.reports.blocks.charts:stakeholder_grid",
    "stakeholder_network": "planner.reports.blocks.charts:stakeholder_network",
}


def block_builder(block_id: str) -> Callable[[ReportContext], list[Flowable]]:
    """The function that builds a block (KeyError for an unknown id; profiles are validated against BLOCKS)."""
    module_name, function_name = BLOCK_BUILDERS[block_id].split(":")
    return getattr(import_module(module_name), function_name)
