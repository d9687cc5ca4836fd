"""Adding an initiative from a service template: the initiative, its budget, rule, KPIs, checklist and links, one undo."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from planner.commands.base import Command, CompositeCommand
from planner.commands.initiatives import add_initiative_command
from planner.commands.rows import AddRow
from planner.i18n import _, current_language
from planner.model import Dependency, FundingRule, Initiative, Plan
from planner.months import YearMonth
from planner.queries import finish_month
from planner.templates import LANGUAGES, ServiceTemplate, get_template, load_catalogue

UNANSWERED = "unanswered"


@dataclass(frozen=True)
class PrerequisiteStatus:
    """How a template's suggested prerequisites stand in a plan."""

    linked: tuple[tuple[str, str, str], ...]  # (initiative id, code, title) of initiatives made from them
    # (in a command's result: only those it links directly, not those another linked one already follows)
    missing: tuple[tuple[str, str], ...]  # (template id, template name) with no initiative in the plan
    earliest_start: YearMonth | None  # the month after the last linked prerequisite ends (finish-to-start)


class AddFromTemplateCommand(CompositeCommand):
    """The composite that adds one initiative from a template; it also says what it did and what is missing."""

    def __init__(self, label: str, commands: Sequence[Command], *, template_id: str, initiative_id: str,
                 code: str, title: str, start_month: YearMonth, funding_rule: str, funding_rule_added: bool,
                 budget_total_krw: int, prerequisites: PrerequisiteStatus) -> None:
        super().__init__(label, commands)
        self.template_id = template_id
        self.initiative_id = initiative_id
        self.code = code
        self.title = title
        self.start_month = start_month
        self.funding_rule = funding_rule
        self.funding_rule_added = funding_rule_added
        self.budget_total_krw = budget_total_krw
        self.prerequisites = prerequisites

    @property
    def linked_codes(self) -> list[str]:
        return [code for _id, code, _title in self.prerequisites.linked]

    @property
    def missing_prerequisites(self) -> list[str]:
        """Names of the suggested prerequisites that are not in the plan."""
        return [name for _id, name in self.prerequisites.missing]

    def summary(self) -> str:
        """What adding the template does, in a few translated sentences (shown by the dialog)."""
        lines = [_("Adds {code} “{title}” starting {month}.").format(
            code=self.code, title=self.title, month=str(self.start_month))]
        if self.funding_rule:
            text = (_("Adds the funding rule “{rule}”.") if self.funding_rule_added
                    else _("Uses the plan's funding rule “{rule}”."))
            lines.append(text.format(rule=self.funding_rule))
        if self.prerequisites.linked:
            lines.append(_("Follows {codes} (finish to start).").format(codes=", ".join(self.linked_codes)))
        if self.prerequisites.missing:
            lines.append(_("Suggested first, not in the plan: {names}.").format(
                names=", ".join(self.missing_prerequisites)))
        return "\n".join(lines)


def plan_language(session: Session) -> str:
    """The language the plan's own texts are written in (the app's language if it is not one the app knows)."""
    language = session.execute(select(Plan.language)).scalar_one_or_none()
    return language if language in LANGUAGES else current_language()


def prerequisite_status(session: Session, template: ServiceTemplate, language: str,
                        catalogue: Mapping[str, ServiceTemplate] | None = None) -> PrerequisiteStatus:
    """Which suggested prerequisites of `template` have initiatives made from them in the plan (in plan
    order) and which are missing."""
    templates = load_catalogue() if catalogue is None else catalogue
    wanted = list(template.prerequisites)
    rows = session.execute(
        select(Initiative.id, Initiative.code, Initiative.title, Initiative.template_id, Initiative.start_month,
               Initiative.duration_months)
        .where(Initiative.template_id.in_(wanted))
        .order_by(Initiative.position, Initiative.code)
    ).all() if wanted else []
    present = {row.template_id for row in rows}
    missing = tuple(
        (p, templates[p].text("name", language) if p in templates else p) for p in wanted if p not in present
    )
    earliest = max((row.start_month + max(row.duration_months, 0) for row in rows), default=None)
    return PrerequisiteStatus(tuple((row.id, row.code, row.title) for row in rows), missing, earliest)


def _direct_predecessors(session: Session, ids: Sequence[str]) -> list[str]:
    """`ids` without those that already come before another of them through the plan's links, so the new
    initiative is not linked to the ISP when it follows a platform that follows the ISP."""
    successors: dict[str, list[str]] = {}
    for before, after in session.execute(select(Dependency.predecessor_id, Dependency.successor_id)):
        successors.setdefault(before, []).append(after)

    def reaches_another(start: str) -> bool:
        seen, pending = {start}, [start]
        while pending:
            for after in successors.get(pending.pop(), ()):
                if after in ids and after != start:
                    return True
                if after not in seen:
                    seen.add(after)
                    pending.append(after)
        return False

    return [initiative_id for initiative_id in ids if not reaches_another(initiative_id)]


def suggested_start_month(session: Session, template_id: str,
                          catalogue: Mapping[str, ServiceTemplate] | None = None) -> YearMonth:
    """January of the plan's first year, or later: the month after the last prerequisite in the plan ends."""
    template = get_template(template_id, catalogue)
    first_year = session.execute(select(Plan.start_year)).scalar_one()
    start = YearMonth(first_year, 1)
    status = prerequisite_status(session, template, plan_language(session), catalogue)
    if status.earliest_start is not None and status.earliest_start > start:
        start = status.earliest_start
    return start


def _funding_rule_command(session: Session, template: ServiceTemplate,
                          language: str) -> tuple[str | None, str, AddRow | None]:
    """The id and name of the plan's rule of the same name (in either language), or of a new one with the
    AddRow that adds it."""
    rule = template.funding_rule
    if rule is None:
        return None, "", None
    names = [rule.name.get(language), *rule.name.all()]
    existing = session.execute(
        select(FundingRule.id, FundingRule.name).where(or_(*(FundingRule.name == name for name in names)))
        .order_by(FundingRule.name, FundingRule.id)
    ).all()
    for name in names:  # the name in the plan's language first
        for row in existing:
            if row.name == name:
                return row.id, row.name, None
    command = AddRow("funding_rule", {
        "name": rule.name.get(language), "programme": rule.programme.get(language),
        "min_national_share_percent": rule.min_national_share_percent,
        "max_national_share_percent": rule.max_national_share_percent,
        "max_per_year_krw": rule.max_per_year_krw, "max_years": rule.max_years,
        "description": rule.description.get(language),
    })
    return command.row_id, rule.name.get(language), command


def add_from_template_command(session: Session, template_id: str, *, start_month: YearMonth | None = None,
                              field_id: str | None = None, language: str | None = None,
                              catalogue: Mapping[str, ServiceTemplate] | None = None) -> AddFromTemplateCommand:
    """One undoable command that adds an initiative made from template `template_id`: the initiative (the
    next code of `field_id`, its texts in `language`, by default the plan's), its budget lines, the funding
    rule (the plan's rule of that name, else a new one), KPIs with yearly targets, unanswered checklist
    items, and finish-to-start links from initiatives already made from its suggested prerequisites.
    Without `start_month` it starts in January of the plan's first year or after those prerequisites."""
    templates = load_catalogue() if catalogue is None else catalogue
    template = get_template(template_id, templates)
    language = language if language in LANGUAGES else plan_language(session)
    status = prerequisite_status(session, template, language, templates)
    if start_month is None:
        start_month = suggested_start_month(session, template_id, templates)
    rule_id, rule_name, rule_command = _funding_rule_command(session, template, language)
    title = template.text("name", language)

    values: dict[str, Any] = {
        name: template.text(name, language)
        for name in ("purpose", "content", "target_users", "ai_technology", "service_domain", "data_used",
                     "contract_method")
    }
    values |= {
        "title": title, "field_id": field_id, "start_month": start_month,
        "duration_months": template.duration_months, "project_type": template.project_type,
        "status": "planned", "progress": 0, "security_consultation": template.security_consultation,
        "data_subject_count": template.data_subject_count, "sensitive_data": template.sensitive_data,
        "unique_identifiers": template.unique_identifiers, "funding_rule_id": rule_id, "template_id": template.id,
    }
    initiative = add_initiative_command(session, **values)
    initiative_id = initiative.row_id
    commands: list[Command] = [c for c in (rule_command,) if c is not None]
    commands.append(initiative)

    first_year = start_month.year
    for offset, sources in template.yearly_budget().items():
        for source, amount in sources.items():
            if amount > 0:
                commands.append(AddRow("budget_line", {
                    "initiative_id": initiative_id, "fiscal_year": first_year + offset, "source": source,
                    "planned_krw": amount,
                }))

    finish_year = finish_month(start_month, template.duration_months).year
    for position, kpi in enumerate(template.kpis):
        kpi_command = AddRow("kpi", {
            "initiative_id": initiative_id, "name": kpi.name.get(language), "type": kpi.type,
            "unit": kpi.unit.get(language), "baseline_value": kpi.baseline_value,
            "baseline_year": first_year - 1 if kpi.baseline_value is not None else None,
            "method": kpi.method.get(language), "position": position,
        })
        commands.append(kpi_command)
        base_year = first_year if kpi.targets_from == "start" else finish_year
        for offset, value in kpi.targets:
            commands.append(AddRow("kpi_target", {
                "kpi_id": kpi_command.row_id, "year": base_year + offset, "target_value": value,
            }))

    for checklist, keys in template.checklists.items():
        for key in keys:
            commands.append(AddRow("checklist_answer", {
                "initiative_id": initiative_id, "checklist": checklist, "item_key": key, "answer": UNANSWERED,
                "note": "",
            }))

    direct = _direct_predecessors(session, [row[0] for row in status.linked])
    status = PrerequisiteStatus(tuple(row for row in status.linked if row[0] in direct), status.missing,
                                status.earliest_start)
    for predecessor_id in direct:
        commands.append(AddRow("dependency", {
            "predecessor_id": predecessor_id, "successor_id": initiative_id, "type": "FS", "lag_months": 0,
        }))

    return AddFromTemplateCommand(
        _("Add '{name}' from template").format(name=title), commands,
        template_id=template.id, initiative_id=initiative_id, code=str(initiative.values["code"]), title=title,
        start_month=start_month, funding_rule=rule_name,
        funding_rule_added=rule_command is not None, budget_total_krw=template.budget_total_krw,
        prerequisites=status,
    )
