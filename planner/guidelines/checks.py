"""Conformance checks of a plan against a guideline profile, with findings in the report language.

`check_plan(session, profile, language)` runs every check the profile lists (`profile.checks`) and returns a
CheckReport whose findings are sorted errors first, then warnings, then notes, then by the item they concern
(the plan itself, then initiatives in plan order, then stakeholders). A finding's severity is the profile's
for that check; its id is "<check>:<item id or ->[:<detail>]", stable as long as the plan's rows are.

The plan is read with a few Core selects (aggregated in SQL where possible), never one query per initiative.

Checks and their parameters (the names profile files use; defaults from loader.CHECK_PARAMS):

| check               | finds                                                    | params (default)          |
|---------------------|----------------------------------------------------------|---------------------------|
| required_fields     | initiatives missing a field of profile.required_fields   | -                         |
|                     | (1)                                                      |                           |
| lead                | initiatives with no lead organisation and no lead        | -                         |
|                     | department                                               |                           |
| period_in_plan      | initiatives starting before the plan's first year or     | -                         |
|                     | ending after its last                                    |                           |
| kpi_present         | initiatives without a KPI that has a baseline and a      | -                         |
|                     | target                                                   |                           |
| kpi_target_year     | KPIs whose last target year is before their initiative   | -                         |
|                     | ends                                                     |                           |
| budget_totals       | declared totals that the lines of their year and source  | -                         |
|                     | do not add up to; lines of a year and source with no     |                           |
|                     | declared total (2)                                       |                           |
| funding_rules       | breaches of the funding rules initiatives follow (3)     | -                         |
| programme_funding   | the programme's rule applied to every initiative like a  | min_national_share_percent|
|                     | FundingRule, per fiscal year with planned money          | max_national_share_percent|
|                     |                                                          | max_per_year_krw,         |
|                     |                                                          | max_years (all none)      |
| dependency_cycle    | loops of dependencies (merged or imported files), one    | -                         |
|                     | per group of looping initiatives, the loop named by      |                           |
|                     | codes                                                    |                           |
| ai_ethics           | AI initiatives (AI technology filled in) with any of the | -                         |
|                     | 10 core requirements of the AI ethics standard           |                           |
|                     | unanswered                                               |                           |
| trustworthy_ai      | the same with the 15 trustworthy-AI requirements         | -                         |
| privacy_impact      | no privacy-impact-assessment flag where a threshold is   | -                         |
|                     | met (4)                                                  |                           |
| duplicates          | likely duplicate initiatives by title or purpose (5)     | title_similarity (0.9),   |
|                     |                                                          | purpose_similarity (0.9)  |
| raci                | broken RACI rules (6)                                    | -                         |
| submission_deadline | an annual plan for year P (report year, else first year) | month (9), day (10),      |
|                     | is due on month/day of year P + year_offset: no          | year_offset (-1)          |
|                     | submission date (said differently once `today` is past   |                           |
|                     | the deadline), or a later one                            |                           |
| narrative_written   | narrative sections of the profile with no text, or less  | min_characters (1)        |
|                     | than min_characters                                      |                           |
| plan_period         | a plan period shorter or longer than the profile expects | min_years (1), max_years  |
|                     |                                                          | (10)                      |
| allowed_values      | initiatives whose `field` holds none of `values`         | field, values (required)  |
| partners            | initiatives with fewer than `min` stakeholders of        | sectors (every sector),   |
|                     | `sectors` holding RACI role R or C                       | min (1)                   |

(1) initiative attributes (empty text or no value; a yes/no attribute always counts as given) or the derived
    lead, kpi, budget (a budget line; not asked of a milestone initiative, duration 0), milestone, partner (a stakeholder other than the lead with a RACI
    role), field, strategy.
(2) With no totals declared at all: one note (always severity info): the summary uses the sums of the lines.
(3) planner.budget.funding_rule_violations; messages rewritten in the report language.
(4) 개인정보 보호법 Art. 33: 50,000 or more data subjects with sensitive data or unique identifiers, or
    1,000,000 or more data subjects. The 500,000-subject threshold for linked files and the change of an
    assessed system are not modelled: the plan holds no data about them.
(5) Texts are normalised (NFKC, case folded, spaces and punctuation removed); equal texts, or texts at least
    the similarity alike (difflib ratio), make a pair. One finding per pair, on the later initiative, naming
    the earlier one; each initiative is paired with the first of its group of equal texts, or with the earlier
    text it resembles most.
(6) planner.stakeholders.raci.raci_findings: no or several accountable, no responsible, a lead that is not the
    accountable one, stakeholders with no role; messages rewritten in the report language.

Near-duplicate detection scales to thousands of initiatives: texts are compared only when they share enough
character bigrams (a prefix-filtered inverted index) and have compatible lengths; a pair whose texts repeat
themselves heavily may escape this blocking.
"""

from __future__ import annotations

import gc
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher
from fractions import Fraction
from functools import cached_property
from math import floor
from operator import itemgetter
from typing import Any

from sqlalchemy import Integer, and_, case, distinct, func, select, type_coerce
from sqlalchemy.orm import Session

from planner.budget import (
    MAX_NATIONAL_SHARE,
    MAX_PER_YEAR,
    MAX_YEARS,
    MIN_NATIONAL_SHARE,
    funding_rule_violations,
    share_text,
)
from planner.guidelines.findings import CheckReport, Finding
from planner.guidelines.profile import CHECKS, DERIVED_FIELDS, SEVERITIES, CheckSpec, GuidelineProfile
from planner.i18n import N_, translate
from planner.model import (
    BudgetLine,
    BudgetTotal,
    ChecklistAnswer,
    Dependency,
    Initiative,
    Kpi,
    KpiTarget,
    Milestone,
    NarrativeSection,
    Plan,
    RaciRole,
    Stakeholder,
)
from planner.model.attributes import ATTRIBUTES
from planner.model.vocabulary import CHECKLIST_ANSWERS, CHECKLIST_ITEMS, FUNDING_SOURCES, SECTORS
from planner.months import YearMonth

# Privacy impact assessment thresholds (개인정보 보호법 Art. 33 and its decree), in data subjects.
PIA_SENSITIVE_SUBJECTS = 50_000
PIA_ANY_SUBJECTS = 1_000_000
NATIONAL = "national"
# Bounds of the near-duplicate search for each text (see similar_text_pairs).
MAX_POSTINGS_PER_TEXT = 2_000
MAX_COMPARED_PER_TEXT = 12
BLANKS = " \t\r\n\f\v\u00a0\u3000"  # what counts as blank around a text (SQL trim)
ANSWERED = tuple(answer for answer in CHECKLIST_ANSWERS if answer != "unanswered")

_SEVERITY_RANK = {severity: rank for rank, severity in enumerate(SEVERITIES)}
_CHECK_RANK = {check: rank for rank, check in enumerate(CHECKS)}
_NOT_WORD = re.compile(r"[\W_]+")

# Where an item sorts: the plan's own things, then initiatives (and what belongs to them), then stakeholders.
SortKey = tuple[int, int, int]  # (0 the plan's own things, 1 initiatives, 2 stakeholders; then places)
PLAN_ITEM = (0, 0, 0)


# -- reading the plan ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class KpiSummary:
    """What the KPI checks need of one initiative's KPI, aggregated in SQL."""

    id: str
    initiative_id: str
    name: str
    has_baseline: bool
    target_count: int
    last_target_year: int | None


@dataclass(frozen=True, slots=True)
class InitiativeFacts:
    """What the checks read of every initiative; `start` and `finish` (the last month) are month indexes."""

    id: str
    code: str
    title: str
    purpose: str
    label: str  # code and title, as findings name it
    rank: int  # place in plan order
    start: int
    finish: int
    lead_stakeholder_id: str | None
    lead_department: str
    ai_technology: str
    data_subject_count: int
    sensitive_data: bool
    unique_identifiers: bool
    privacy_impact_assessment: bool
    milestone: bool = False  # a zero-duration initiative: a checkpoint (an evaluation, a selection), no work

    @property
    def order(self) -> SortKey:
        return (1, self.rank, 0)


class PlanFacts:
    """The parts of a plan the checks read, each read once (a few Core selects) when first needed."""

    def __init__(self, session: Session) -> None:
        self.session = session

    @cached_property
    def plan(self) -> Any:
        return self.session.execute(select(Plan.__table__)).first()

    @cached_property
    def initiatives(self) -> list[InitiativeFacts]:
        """Every initiative in plan order (months as raw month indexes: no conversion for 10,000 rows)."""
        table = Initiative.__table__
        query = select(
            table.c.id, table.c.code, table.c.title, table.c.purpose,
            type_coerce(table.c.start_month, Integer), table.c.duration_months, table.c.lead_stakeholder_id,
            table.c.lead_department, table.c.ai_technology, table.c.data_subject_count,
            table.c.sensitive_data, table.c.unique_identifiers, table.c.privacy_impact_assessment,
        ).order_by(table.c.position, table.c.code, table.c.id)
        found = []
        for rank, row in enumerate(self.session.execute(query)):
            (initiative_id, code, title, purpose, start, duration, lead, department, technology, subjects,
             sensitive, unique, assessed) = row
            start = int(start)
            found.append(InitiativeFacts(
                initiative_id, code, title, purpose or "", f"{code} {title}".strip(), rank, start,
                start + max(int(duration or 0) - 1, 0), lead, department or "", technology or "",
                int(subjects or 0), bool(sensitive), bool(unique), bool(assessed), int(duration or 0) == 0))
        return found

    @cached_property
    def rank(self) -> dict[str, int]:
        """Each initiative's place in plan order."""
        return {item.id: item.rank for item in self.initiatives}

    @cached_property
    def by_id(self) -> dict[str, InitiativeFacts]:
        return {item.id: item for item in self.initiatives}

    @cached_property
    def kpis(self) -> list[KpiSummary]:
        kpi, target = Kpi.__table__, KpiTarget.__table__
        valued = and_(target.c.kpi_id == kpi.c.id, target.c.target_value.is_not(None))
        query = (
            select(kpi.c.id, kpi.c.initiative_id, kpi.c.name, kpi.c.baseline_value.is_not(None),
                   func.count(target.c.id), func.max(target.c.year))
            .select_from(kpi.outerjoin(target, valued))
            .where(kpi.c.initiative_id.is_not(None))
            .group_by(kpi.c.id)
            .order_by(kpi.c.position, kpi.c.name, kpi.c.id)
        )
        return [KpiSummary(row[0], row[1], row[2], bool(row[3]), int(row[4]), row[5])
                for row in self.session.execute(query)]

    @cached_property
    def kpis_by_initiative(self) -> dict[str, list[KpiSummary]]:
        grouped: dict[str, list[KpiSummary]] = defaultdict(list)
        for summary in self.kpis:
            grouped[summary.initiative_id].append(summary)
        return grouped

    @cached_property
    def money_by_initiative_year(self) -> dict[str, dict[int, tuple[int, int]]]:
        """(national, total) planned KRW of each initiative in each fiscal year."""
        line = BudgetLine.__table__
        national = func.sum(case((line.c.source == NATIONAL, line.c.planned_krw), else_=0))
        query = (select(line.c.initiative_id, line.c.fiscal_year, national, func.sum(line.c.planned_krw))
                 .group_by(line.c.initiative_id, line.c.fiscal_year)
                 .order_by(line.c.initiative_id, line.c.fiscal_year))
        found: dict[str, dict[int, tuple[int, int]]] = defaultdict(dict)
        for initiative_id, year, national_krw, total_krw in self.session.execute(query):
            found[initiative_id][int(year)] = (int(national_krw or 0), int(total_krw or 0))
        return found

    def initiatives_where(self, condition: Any) -> set[str]:
        """Ids of the initiatives meeting an SQL condition (only those rows are read)."""
        return set(self.session.execute(select(Initiative.__table__.c.id).where(condition)).scalars())

    def initiatives_without(self, column: Any, condition: Any = None) -> set[str]:
        """Ids of the initiatives that no row of `column`'s table (meeting `condition`) points to."""
        related = select(column).where(column == Initiative.__table__.c.id)
        if condition is not None:
            related = related.where(condition)
        return self.initiatives_where(~related.exists())

    def answered_counts(self, checklist: str) -> dict[str, int]:
        """How many items of a checklist each initiative has answered (yes, no or not applicable)."""
        answer = ChecklistAnswer.__table__
        query = (select(answer.c.initiative_id, func.count(distinct(answer.c.item_key)))
                 .where(answer.c.checklist == checklist, answer.c.item_key.in_(CHECKLIST_ITEMS[checklist]),
                        answer.c.answer.in_(ANSWERED))
                 .group_by(answer.c.initiative_id))
        return {initiative_id: int(count) for initiative_id, count in self.session.execute(query)}


# -- running the checks -------------------------------------------------------------------------------------


@dataclass
class CheckRun:
    """One run of the checks: the plan's facts, the report language, and the findings so far."""

    facts: PlanFacts
    profile: GuidelineProfile
    language: str
    today: date
    found: list[tuple[tuple[int, ...], Finding]] = field(default_factory=list)  # (sort key, finding)

    def tr(self, text: str) -> str:
        """An English source string (marked with N_) in the report language."""
        return translate(text, self.language)

    def add(self, spec: CheckSpec, item_id: str | None, message: str, *, kind: str | None, label: str,
            order: SortKey, detail: str = "", severity: str | None = None) -> None:
        """A finding; it sorts by severity, then `order` (where its item sorts), then check, then the order
        the check found it in."""
        finding_id = f"{spec.id}:{item_id or '-'}:{detail}" if detail else f"{spec.id}:{item_id or '-'}"
        severity = severity or spec.severity
        key = (_SEVERITY_RANK.get(severity, len(_SEVERITY_RANK)), *order, _CHECK_RANK.get(spec.id, 0),
               len(self.found))
        self.found.append((key, Finding(finding_id, spec.id, severity, message, kind, item_id, label)))

    def add_on_initiative(self, spec: CheckSpec, item: InitiativeFacts, message: str,
                          detail: str = "") -> None:
        """A finding about an initiative (`message` already names it)."""
        finding_id = f"{spec.id}:{item.id}:{detail}" if detail else f"{spec.id}:{item.id}"
        key = (_SEVERITY_RANK.get(spec.severity, len(_SEVERITY_RANK)), 1, item.rank, 0,
               _CHECK_RANK.get(spec.id, 0), len(self.found))
        self.found.append((key, Finding(finding_id, spec.id, spec.severity, message, "initiative", item.id,
                                        item.label)))

    # -- formatting in the report language --------------------------------------------------------------

    def money(self, krw: int) -> str:
        return self.tr(N_("{amount} KRW")).format(amount=f"{krw:,}")

    def month(self, index: int) -> str:
        """A month index as the report writes it: 2027. 3. (Korean) or 2027-03."""
        month = YearMonth.from_index(index)
        return month.korean() if self.language == "ko" else str(month)

    def day(self, day: date) -> str:
        return f"{day.year}. {day.month}. {day.day}." if self.language == "ko" else day.isoformat()

    def vocabulary(self, vocabulary: Mapping[str, str], code: str) -> str:
        return self.tr(vocabulary[code]) if code in vocabulary else code


def check_plan(session: Session, profile: GuidelineProfile, language: str, *,
               today: date | None = None) -> CheckReport:
    """Every check the profile asks for, findings in `language` (the report's), errors first, then by item.

    `today` is the day deadlines are judged at (default: the real today)."""
    run = CheckRun(PlanFacts(session), profile, language, today or date.today())
    collecting = gc.isenabled()
    gc.disable()  # tens of thousands of findings: cyclic garbage collection passes would dominate the time
    try:
        for check_id, spec in profile.checks.items():
            function = CHECK_FUNCTIONS.get(check_id)
            if function is not None:
                function(run, spec)
        ordered = sorted(run.found, key=itemgetter(0))
    finally:
        if collecting:
            gc.enable()
    return CheckReport(profile_id=profile.id, language=language,
                       findings=tuple(finding for _key, finding in ordered))


# -- the checks, one function each ------------------------------------------------------------------------


def param(spec: CheckSpec, name: str) -> Any:
    """A check's parameter: the profile's value, else the default the profile loader fills in."""
    if name in spec.params:
        return spec.params[name]
    from planner.guidelines.loader import CHECK_PARAMS

    default = CHECK_PARAMS.get(spec.id, {}).get(name)
    return None if default is None else default.default


def _missing_derived(facts: PlanFacts, name: str) -> set[str]:
    """Ids of the initiatives lacking a derived field (see DERIVED_FIELDS)."""
    initiative = Initiative.__table__
    if name == "lead":
        return {item.id for item in facts.initiatives
                if not item.lead_stakeholder_id and not item.lead_department.strip()}
    if name == "kpi":
        return facts.initiatives_without(Kpi.__table__.c.initiative_id)
    if name == "budget":  # a milestone initiative (duration 0) has no money of its own
        milestones = {item.id for item in facts.initiatives if item.milestone}
        return facts.initiatives_without(BudgetLine.__table__.c.initiative_id) - milestones
    if name == "milestone":
        return facts.initiatives_without(Milestone.__table__.c.initiative_id)
    if name == "partner":  # a RACI role held by someone other than the lead organisation
        raci = RaciRole.__table__
        return facts.initiatives_without(raci.c.initiative_id, initiative.c.lead_stakeholder_id.is_(None)
                                         | (raci.c.stakeholder_id != initiative.c.lead_stakeholder_id))
    if name in ("field", "strategy"):
        return facts.initiatives_where(initiative.c[f"{name}_id"].is_(None))
    return set()


def check_required_fields(run: CheckRun, spec: CheckSpec) -> None:
    facts = run.facts
    attributes = {attribute.name: attribute for attribute in ATTRIBUTES["initiative"]}
    wanted = [name for name in dict.fromkeys(run.profile.required_fields)
              if name in DERIVED_FIELDS or (name in attributes and attributes[name].kind != "bool")]
    if not wanted or not facts.initiatives:
        return
    missing: dict[str, set[str]] = {}
    for name in wanted:
        if name in DERIVED_FIELDS:
            missing[name] = _missing_derived(facts, name)
        else:
            column = Initiative.__table__.c[name]
            blank = column.is_(None)
            if attributes[name].kind in ("text", "multiline", "choice"):
                blank = blank | (func.trim(column, BLANKS) == "")
            missing[name] = facts.initiatives_where(blank)
    labels = {name: run.tr(DERIVED_FIELDS[name] if name in DERIVED_FIELDS else attributes[name].label)
              for name in wanted}
    template = run.tr(N_("{item}: missing {fields}"))
    for item in facts.initiatives:
        lacking = [labels[name] for name in wanted if item.id in missing.get(name, ())]
        if lacking:
            run.add_on_initiative(spec, item, template.format(item=item.label, fields=", ".join(lacking)))


def check_lead(run: CheckRun, spec: CheckSpec) -> None:
    template = run.tr(N_("{item}: no lead organisation or department"))
    for item in run.facts.initiatives:
        if not item.lead_stakeholder_id and not item.lead_department.strip():
            run.add_on_initiative(spec, item, template.format(item=item.label))


def check_period_in_plan(run: CheckRun, spec: CheckSpec) -> None:
    plan = run.facts.plan
    if plan is None:
        return
    first, last = int(plan.start_year), int(plan.end_year)
    template = run.tr(N_("{item}: runs {start} to {finish}, outside the plan period {first}–{last}"))
    for item in run.facts.initiatives:
        if item.start // 12 < first or item.finish // 12 > last:
            run.add_on_initiative(spec, item, template.format(
                item=item.label, start=run.month(item.start), finish=run.month(item.finish), first=first,
                last=last))


def check_kpi_present(run: CheckRun, spec: CheckSpec) -> None:
    no_kpi = run.tr(N_("{item}: no KPI"))
    incomplete = run.tr(N_("{item}: none of its {count} KPIs has both a baseline and a target"))
    for item in run.facts.initiatives:
        kpis = run.facts.kpis_by_initiative.get(item.id, [])
        if not kpis:
            run.add_on_initiative(spec, item, no_kpi.format(item=item.label))
        elif not any(kpi.has_baseline and kpi.target_count for kpi in kpis):
            run.add_on_initiative(spec, item, incomplete.format(item=item.label, count=len(kpis)))


def check_kpi_target_year(run: CheckRun, spec: CheckSpec) -> None:
    facts = run.facts
    template = run.tr(N_("{item}: the last target of KPI '{kpi}' is for {year}, before the initiative "
                         "finishes in {finish}"))
    for summary in facts.kpis:
        item = facts.by_id.get(summary.initiative_id)
        if item is None or summary.last_target_year is None:
            continue
        finish_year = item.finish // 12
        if summary.last_target_year < finish_year:
            message = template.format(item=item.label, kpi=summary.name, year=summary.last_target_year,
                                      finish=finish_year)
            run.add(spec, summary.id, message, kind="kpi", label=f"{item.label} · {summary.name}",
                    order=item.order)


def check_budget_totals(run: CheckRun, spec: CheckSpec) -> None:
    session = run.facts.session
    line, total = BudgetLine.__table__, BudgetTotal.__table__
    sums = {(int(year), source): int(amount or 0) for year, source, amount in session.execute(
        select(line.c.fiscal_year, line.c.source, func.sum(line.c.planned_krw))
        .group_by(line.c.fiscal_year, line.c.source))}
    declared = {(int(row.fiscal_year), row.source): row for row in session.execute(
        select(total.c.id, total.c.fiscal_year, total.c.source, total.c.amount_krw))}
    source_rank = {code: rank for rank, code in enumerate(FUNDING_SOURCES)}
    if not declared:
        if sums:
            message = run.tr(N_("The plan declares no budget totals; the budget summary uses the sums of the "
                                "budget lines"))
            run.add(spec, None, message, kind="plan", label=run.tr(N_("Budget totals")), order=(0, 1, 0),
                    severity="info")
        return
    mismatch = run.tr(N_("{item}: the budget lines add up to {sum}, but the declared total is {total} "
                         "(difference {difference})"))
    undeclared = run.tr(N_("{item}: the budget lines add up to {sum}, but the plan declares no total for "
                           "this year and source"))
    cells = sorted(set(declared) | set(sums),
                   key=lambda cell: (cell[0], source_rank.get(cell[1], len(source_rank)), cell[1]))
    for place, (year, source) in enumerate(cells):
        label = f"{year} {run.vocabulary(FUNDING_SOURCES, source)}"
        summed = sums.get((year, source), 0)
        row = declared.get((year, source))
        if row is None:
            if summed:
                run.add(spec, None, undeclared.format(item=label, sum=run.money(summed)), kind="budget_total",
                        label=label, order=(0, 1, place), detail=f"{year}-{source}")
            continue
        amount = int(row.amount_krw or 0)
        if summed != amount:
            difference = summed - amount
            sign = "+" if difference > 0 else "-"
            message = mismatch.format(item=label, sum=run.money(summed), total=run.money(amount),
                                      difference=sign + run.money(abs(difference)))
            run.add(spec, row.id, message, kind="budget_total", label=label, order=(0, 1, place))


def check_funding_rules(run: CheckRun, spec: CheckSpec) -> None:
    templates = {
        MIN_NATIONAL_SHARE: N_("{item}: national share {share}% is below the {limit}% minimum of '{rule}' "
                               "({year})"),
        MAX_NATIONAL_SHARE: N_("{item}: national share {share}% is above the {limit}% maximum of '{rule}' "
                               "({year})"),
        MAX_PER_YEAR: N_("{item}: {amount} planned in {year} is above the {limit} a year allowed by "
                         "'{rule}'"),
        MAX_YEARS: N_("{item}: money planned in {count} fiscal years ({years}), more than the {limit} "
                      "allowed by '{rule}'"),
    }
    for violation in funding_rule_violations(run.facts.session):
        row = run.facts.by_id.get(violation.initiative_id)
        if row is None:
            continue
        label = row.label
        template = run.tr(templates[violation.kind])
        if violation.kind in (MIN_NATIONAL_SHARE, MAX_NATIONAL_SHARE):
            share = share_text(Fraction(violation.actual), violation.limit,
                               below=violation.kind == MIN_NATIONAL_SHARE)
            message = template.format(item=label, share=share, limit=violation.limit,
                                      rule=violation.rule_name, year=violation.year)
        elif violation.kind == MAX_PER_YEAR:
            message = template.format(item=label, amount=run.money(int(violation.actual)),
                                      year=violation.year, limit=run.money(violation.limit),
                                      rule=violation.rule_name)
        else:
            years = sorted(run.facts.money_by_initiative_year.get(row.id, {}))
            funded = [year for year in years if run.facts.money_by_initiative_year[row.id][year][1] > 0]
            message = template.format(item=label, count=violation.actual, years=", ".join(map(str, funded)),
                                      limit=violation.limit, rule=violation.rule_name)
        detail = violation.kind if violation.kind == MAX_YEARS else f"{violation.kind}:{violation.year}"
        run.add_on_initiative(spec, row, message, detail=detail)


def shown_share(national: int, total: int, limit: int, below: bool) -> str:
    """planner.budget.share_text of national / total (total > 0) in whole-number arithmetic, for speed."""
    if national < 0:
        return share_text(Fraction(national * 100, total), limit, below)
    nearest = (2000 * national + total) // (2 * total)  # tenths of a percent, rounded half up
    tenths = min(nearest, limit * 10 - 1) if below else max(nearest, limit * 10 + 1)
    return f"{tenths // 10:,}.{tenths % 10}"


def check_programme_funding(run: CheckRun, spec: CheckSpec) -> None:
    low, high = param(spec, "min_national_share_percent"), param(spec, "max_national_share_percent")
    cap, most_years = param(spec, "max_per_year_krw"), param(spec, "max_years")
    if low is None and high is None and cap is None and most_years is None:
        return
    below = run.tr(N_("{item}: national share {share}% is below the programme's {limit}% minimum ({year})"))
    above = run.tr(N_("{item}: national share {share}% is above the programme's {limit}% maximum ({year})"))
    above_cap = run.tr(N_("{item}: {amount} planned in {year} is above the programme's {limit} a year"))
    too_long = run.tr(N_("{item}: money planned in {count} fiscal years ({years}), more than the programme's "
                         "{limit}"))
    money = run.facts.money_by_initiative_year
    for row in run.facts.initiatives:
        label = row.label
        funded = [(year, cell) for year, cell in money.get(row.id, {}).items() if cell[1] > 0]
        for year, (national, total) in funded:
            if low is not None and national * 100 < int(low) * total:
                run.add_on_initiative(spec, row, below.format(
                    item=label, share=shown_share(national, total, int(low), below=True), limit=low,
                    year=year),
                    detail=f"{MIN_NATIONAL_SHARE}:{year}")
            if high is not None and national * 100 > int(high) * total:
                run.add_on_initiative(spec, row, above.format(
                    item=label, share=shown_share(national, total, int(high), below=False), limit=high,
                    year=year), detail=f"{MAX_NATIONAL_SHARE}:{year}")
            if cap is not None and total > int(cap):
                run.add_on_initiative(spec, row, above_cap.format(
                    item=label, amount=run.money(total), year=year, limit=run.money(int(cap))),
                    detail=f"{MAX_PER_YEAR}:{year}")
        if most_years is not None and len(funded) > int(most_years):
            run.add_on_initiative(spec, row, too_long.format(
                item=label, count=len(funded), years=", ".join(str(year) for year, _cell in funded),
                limit=most_years), detail=MAX_YEARS)


def _initiatives_in_loops(edges: Sequence[tuple[str, str]]) -> set[str]:
    """The initiatives a topological sort cannot place: those on a loop or after one (Kahn's algorithm)."""
    successors: dict[str, list[str]] = defaultdict(list)
    incoming: Counter[str] = Counter()
    nodes: set[str] = set()
    for predecessor, successor in edges:
        successors[predecessor].append(successor)
        incoming[successor] += 1
        nodes.update((predecessor, successor))
    ready = [node for node in nodes if not incoming[node]]
    placed = 0
    while ready:
        node = ready.pop()
        placed += 1
        for successor in successors[node]:
            incoming[successor] -= 1
            if not incoming[successor]:
                ready.append(successor)
    return {node for node in nodes if incoming[node] > 0} if placed < len(nodes) else set()


def check_dependency_cycle(run: CheckRun, spec: CheckSpec) -> None:
    dependency = Dependency.__table__
    edges = [(row[0], row[1]) for row in run.facts.session.execute(
        select(dependency.c.predecessor_id, dependency.c.successor_id))]
    stuck = _initiatives_in_loops(edges)
    if not stuck:
        return
    import networkx as nx

    facts = run.facts
    rank = facts.rank

    def in_plan_order(node: str) -> tuple[int, str]:
        return rank.get(node, len(rank)), node

    graph = nx.DiGraph()  # built in plan order, so the loop found and named does not depend on storage order
    graph.add_edges_from(sorted((edge for edge in edges if edge[0] in stuck and edge[1] in stuck),
                                key=lambda edge: (in_plan_order(edge[0]), in_plan_order(edge[1]))))
    template = run.tr(N_("{item}: dependency cycle {cycle}"))
    larger = run.tr(N_("{item}: dependency cycle {cycle}; {count} initiatives depend on each other in loops"))
    for component in nx.strongly_connected_components(graph):
        if len(component) < 2:
            continue
        start = min(component, key=in_plan_order)
        cycle = [edge[0] for edge in nx.find_cycle(graph.subgraph(component), source=start)]
        first = min(range(len(cycle)), key=lambda index: in_plan_order(cycle[index]))
        cycle = cycle[first:] + cycle[:first]
        codes = [facts.by_id[node].code if node in facts.by_id else node for node in cycle]
        text = " → ".join([*codes, codes[0]])
        row = facts.by_id.get(cycle[0])
        if row is None:
            continue
        message = (template.format(item=row.label, cycle=text) if len(component) == len(cycle)
                   else larger.format(item=row.label, cycle=text, count=len(component)))
        run.add_on_initiative(spec, row, message)


def _check_checklist(run: CheckRun, spec: CheckSpec, checklist: str, template: str) -> None:
    ai_rows = [row for row in run.facts.initiatives if (row.ai_technology or "").strip()]
    if not ai_rows:
        return
    total = len(CHECKLIST_ITEMS[checklist])
    answered = run.facts.answered_counts(checklist)
    for row in ai_rows:
        missing = total - answered.get(row.id, 0)
        if missing > 0:
            message = run.tr(template).format(item=row.label, missing=missing, total=total)
            run.add_on_initiative(spec, row, message)


def check_ai_ethics(run: CheckRun, spec: CheckSpec) -> None:
    _check_checklist(run, spec, "ai_ethics", N_(
        "{item}: AI-ethics self-check incomplete, {missing} of the {total} core requirements unanswered"))


def check_trustworthy_ai(run: CheckRun, spec: CheckSpec) -> None:
    _check_checklist(run, spec, "trustworthy_ai", N_(
        "{item}: trustworthy-AI self-check incomplete, {missing} of the {total} requirements unanswered"))


def privacy_assessment_threshold(data_subjects: int | None, sensitive: bool, unique_identifiers: bool) -> int | None:
    """The PIA threshold an initiative meets (DOMAIN.md): 1,000,000 subjects, or 50,000 with sensitive or
    unique-identifier data; None when it meets neither (linked files and changed systems are not recorded)."""
    count = data_subjects or 0
    if count >= PIA_ANY_SUBJECTS:
        return PIA_ANY_SUBJECTS
    if count >= PIA_SENSITIVE_SUBJECTS and (sensitive or unique_identifiers):
        return PIA_SENSITIVE_SUBJECTS
    return None


def check_privacy_impact(run: CheckRun, spec: CheckSpec) -> None:
    many = run.tr(N_("{item}: {count} data subjects (the threshold is {threshold}): a privacy impact "
                     "assessment is required but not marked as planned or done"))
    sensitive = run.tr(N_("{item}: {count} data subjects with sensitive data or unique identifiers (the "
                          "threshold is {threshold}): a privacy impact assessment is required but not marked "
                          "as planned or done"))
    for row in run.facts.initiatives:
        count = int(row.data_subject_count or 0)
        if row.privacy_impact_assessment:
            continue
        threshold = privacy_assessment_threshold(count, row.sensitive_data, row.unique_identifiers)
        if threshold is not None:
            template = many if threshold == PIA_ANY_SUBJECTS else sensitive
            run.add_on_initiative(spec, row, template.format(item=row.label, count=f"{count:,}",
                                                             threshold=f"{threshold:,}"))


# -- duplicates ---------------------------------------------------------------------------------------------


def normalised_text(text: str) -> str:
    """A text for comparing: NFKC, case folded, without spaces and punctuation."""
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", text or "").casefold())


def _bigrams(text: str) -> set[str]:
    return {text[index:index + 2] for index in range(len(text) - 1)} or {text}


def similar_text_pairs(texts: Sequence[str], threshold: float) -> dict[int, tuple[int, float]]:
    """For each distinct text that resembles an earlier one (difflib ratio >= threshold), the earlier text it
    resembles most and the ratio: later index -> (earlier index, ratio).

    Blocking keeps this near linear: a pair is compared only when the shorter text shares at least about
    (3 * threshold - 2) of its character bigrams with the longer one (found through an inverted index probed
    with the rarest bigrams only, a prefix filter) and the lengths allow the ratio at all. When texts are
    built from a few recurring pieces (hundreds of "스마트 경로당 N호"), each text reads at most
    MAX_POSTINGS_PER_TEXT index entries and is compared with at most MAX_COMPARED_PER_TEXT candidates, those
    sharing the most rare bigrams: the time stays bounded and some near pairs may then go unreported."""
    grams = [_bigrams(text) for text in texts]
    frequency: Counter[str] = Counter(gram for text_grams in grams for gram in text_grams)
    index: dict[str, list[int]] = defaultdict(list)
    for position, text_grams in enumerate(grams):
        for gram in text_grams:
            index[gram].append(position)
    share = max(0.0, 3 * threshold - 2)
    length_ratio = threshold / (2 - threshold) if threshold < 2 else 1.0
    best: dict[int, tuple[int, float]] = {}
    matcher = SequenceMatcher(None, autojunk=False)
    for position, text in enumerate(texts):
        own = grams[position]
        needed = max(1, floor(share * len(own)) - 1)
        prefix = sorted(own, key=lambda gram: (frequency[gram], gram))[:len(own) - needed + 1]
        shared: Counter[int] = Counter()
        budget = MAX_POSTINGS_PER_TEXT
        for gram in prefix:
            postings = index[gram][:budget]
            budget -= len(postings)
            for other in postings:  # each pair once: from its smaller text, or from the later of equal ones
                size = len(grams[other])
                if size > len(own) or (size == len(own) and other < position):
                    shared[other] += 1
            if budget <= 0:
                break
        if not shared:
            continue
        matcher.set_seq2(text)
        for other, _count in shared.most_common(MAX_COMPARED_PER_TEXT):
            other_text = texts[other]
            shorter, longer = sorted((len(text), len(other_text)))
            if shorter < length_ratio * longer:
                continue
            if len(own & grams[other]) < needed:
                continue
            matcher.set_seq1(other_text)
            if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
                continue
            ratio = matcher.ratio()
            if ratio < threshold:
                continue
            earlier, later = min(position, other), max(position, other)
            current = best.get(later)
            if current is None or (-ratio, earlier) < (-current[1], current[0]):
                best[later] = (earlier, ratio)
    return best


def _duplicate_pairs(rows: Sequence[Any], attribute: str, threshold: float) -> dict[tuple[str, str], float]:
    """(earlier id, later id) -> similarity (1.0: equal texts) of initiatives alike in one text attribute."""
    groups: dict[str, list[str]] = {}
    normalised: dict[str, str] = {}
    for row in rows:
        raw = getattr(row, attribute) or ""
        text = normalised.get(raw)
        if text is None:
            text = normalised[raw] = normalised_text(raw)
        if text:
            groups.setdefault(text, []).append(row.id)
    pairs: dict[tuple[str, str], float] = {}
    for members in groups.values():
        for later in members[1:]:
            pairs[(members[0], later)] = 1.0
    texts = list(groups)
    if threshold < 1.0:
        for later, (earlier, ratio) in similar_text_pairs(texts, threshold).items():
            pairs[(groups[texts[earlier]][0], groups[texts[later]][0])] = ratio
    return pairs


def check_duplicates(run: CheckRun, spec: CheckSpec) -> None:
    rows = run.facts.initiatives
    by_pair: dict[tuple[str, str], list[tuple[str, float]]] = defaultdict(list)
    for attribute in ("title", "purpose"):
        threshold = float(param(spec, f"{attribute}_similarity"))
        for pair, ratio in _duplicate_pairs(rows, attribute, threshold).items():
            by_pair[pair].append((attribute, ratio))
    if not by_pair:
        return
    reasons = {
        ("title", True): run.tr(N_("same title")),
        ("title", False): run.tr(N_("title {percent}% alike")),
        ("purpose", True): run.tr(N_("same purpose")),
        ("purpose", False): run.tr(N_("purpose {percent}% alike")),
    }
    template = run.tr(N_("{item}: likely a duplicate of {other} ({reasons})"))
    facts = run.facts
    for (earlier, later), alike in by_pair.items():
        said = [reasons[(attribute, ratio >= 1.0)].format(percent=floor(ratio * 100))
                for attribute, ratio in alike]
        row, other = facts.by_id[later], facts.by_id[earlier]
        message = template.format(item=row.label, other=other.label, reasons=", ".join(said))
        run.add_on_initiative(spec, row, message, detail=earlier)


# -- RACI, deadline, narrative, programme rules --------------------------------------------------------------


def check_raci(run: CheckRun, spec: CheckSpec) -> None:
    from planner.stakeholders import raci

    findings = raci.raci_findings(run.facts.session)
    if not findings:
        return
    templates = {
        raci.NO_ACCOUNTABLE: N_("{item}: nobody is accountable (A)"),
        raci.SEVERAL_ACCOUNTABLE: N_("{item}: {count} stakeholders are accountable (A): {names}; there "
                                     "should be exactly one"),
        raci.NO_RESPONSIBLE: N_("{item}: nobody is responsible (R)"),
        raci.LEAD_NOT_ACCOUNTABLE: N_("{item}: the lead organisation {name} is not the accountable one (A)"),
        raci.STAKEHOLDER_WITHOUT_ROLE: N_("{item}: no role on any initiative"),
    }
    accountable: dict[str, list[str]] = defaultdict(list)
    several = {finding.initiative_id for finding in findings if finding.kind == raci.SEVERAL_ACCOUNTABLE}
    if several:
        role, holder = RaciRole.__table__, Stakeholder.__table__
        query = (select(role.c.initiative_id, holder.c.name)
                 .select_from(role.join(holder, holder.c.id == role.c.stakeholder_id))
                 .where(role.c.role == "A", role.c.initiative_id.in_(several))
                 .order_by(holder.c.name, holder.c.id))
        for initiative_id, name in run.facts.session.execute(query):
            accountable[initiative_id].append(name)
    for finding in findings:
        template = run.tr(templates.get(finding.kind, "{item}"))
        if finding.kind == raci.STAKEHOLDER_WITHOUT_ROLE:
            name = finding.stakeholder_name or ""
            run.add(spec, finding.stakeholder_id, template.format(item=name), kind="stakeholder", label=name,
                    order=(2, 0, 0), detail=finding.kind)  # raci_findings lists them by name
            continue
        row = run.facts.by_id.get(finding.initiative_id or "")
        if row is None:
            continue
        names = accountable.get(row.id, [])
        message = template.format(item=row.label, count=len(names), names=", ".join(names),
                                  name=finding.stakeholder_name or "")
        run.add_on_initiative(spec, row, message, detail=finding.kind)


def check_submission_deadline(run: CheckRun, spec: CheckSpec) -> None:
    plan = run.facts.plan
    if plan is None:
        return
    year = int(plan.report_year or plan.start_year)
    try:
        due = date(year + int(param(spec, "year_offset")), int(param(spec, "month")), int(param(spec, "day")))
    except ValueError:
        return
    submitted: date | None = plan.submission_date
    label = plan.title or ""
    if submitted is None:
        if run.today > due:
            message = run.tr(N_("The annual plan for {year} was due on {due} and has no submission date"))
        else:
            message = run.tr(N_("The annual plan for {year} is due on {due}; no submission date is recorded "
                                "yet"))
        detail = "missing"
    elif submitted > due:
        message = run.tr(N_("The annual plan for {year} is submitted on {submitted}, after the deadline "
                            "{due}"))
        detail = "late"
    else:
        return
    shown = run.day(submitted) if submitted else ""
    run.add(spec, None, message.format(year=year, due=run.day(due), submitted=shown),
            kind="plan", label=label, order=PLAN_ITEM, detail=detail)


def check_narrative_written(run: CheckRun, spec: CheckSpec) -> None:
    narrative = NarrativeSection.__table__
    written = {row.key: row for row in run.facts.session.execute(
        select(narrative.c.id, narrative.c.key, narrative.c.body))}
    template = run.tr(N_("Section '{section}' is not written"))
    short = run.tr(N_("Section '{section}' has {count} characters of text; at least {minimum} expected"))
    minimum = max(1, int(param(spec, "min_characters")))
    seen: set[str] = set()
    for position, section in enumerate(run.profile.narrative_sections()):
        key = section.narrative or ""
        if key in seen:
            continue
        seen.add(key)
        row = written.get(key)
        length = len((row.body or "").strip()) if row is not None else 0
        if length >= minimum:
            continue
        title = section.title.get(run.language)
        message = (short.format(section=title, count=length, minimum=minimum) if length
                   else template.format(section=title))
        run.add(spec, row.id if row is not None else None, message,
                kind="narrative_section", label=title, order=(0, 2, position),
                detail="" if row is not None else key)


def check_plan_period(run: CheckRun, spec: CheckSpec) -> None:
    plan = run.facts.plan
    if plan is None:
        return
    first, last = int(plan.start_year), int(plan.end_year)
    years = last - first + 1
    shortest, longest = param(spec, "min_years"), param(spec, "max_years")
    if shortest is not None and years < int(shortest):
        message = run.tr(N_("The plan period {first}–{last} is {years} years; the profile expects at least "
                            "{limit} years")).format(first=first, last=last, years=years, limit=shortest)
        detail = "short"
    elif longest is not None and years > int(longest):
        message = run.tr(N_("The plan period {first}–{last} is {years} years; the profile expects at most "
                            "{limit} years")).format(first=first, last=last, years=years, limit=longest)
        detail = "long"
    else:
        return
    run.add(spec, None, message, kind="plan", label=plan.title or "", order=PLAN_ITEM, detail=detail)


def _allowed(values: Any, language: str) -> tuple[set[str], list[str]]:
    """Every allowed value (any language) and those to show in `language`."""
    if isinstance(values, Mapping):
        every = {str(value).strip() for texts in values.values() for value in (texts or ())}
        shown = [str(value) for value in (values.get(language) or values.get("en")
                                          or next(iter(values.values()), ()))]
        return every, shown
    listed = [str(value) for value in (values or ())]
    return {value.strip() for value in listed}, listed


def check_allowed_values(run: CheckRun, spec: CheckSpec) -> None:
    name = str(param(spec, "field") or "")
    attributes = {attribute.name: attribute for attribute in ATTRIBUTES["initiative"]}
    if name not in attributes:
        return
    allowed, shown = _allowed(param(spec, "values"), run.language)
    field_label = run.tr(attributes[name].label)
    choices = attributes[name].choices or {}
    other = run.tr(N_("{item}: {field} '{value}' is not one of the allowed values ({values})"))
    shown_values = ", ".join(run.vocabulary(choices, value) for value in shown)
    empty = run.tr(N_("{item}: {field} is empty; allowed values: {values}"))
    column = Initiative.__table__.c[name]
    outside = run.facts.session.execute(select(Initiative.__table__.c.id, column).where(
        column.is_(None) | func.trim(column, BLANKS).not_in(sorted(allowed))))
    values = {initiative_id: value for initiative_id, value in outside}
    for row in run.facts.initiatives:
        if row.id not in values:
            continue
        value = values[row.id]
        text = "" if value is None else str(value).strip()
        if text in allowed:
            continue
        label = row.label
        if text:
            message = other.format(item=label, field=field_label, value=run.vocabulary(choices, text),
                                   values=shown_values)
        else:
            message = empty.format(item=label, field=field_label, values=shown_values)
        run.add_on_initiative(spec, row, message)


def check_partners(run: CheckRun, spec: CheckSpec) -> None:
    sectors = [str(sector) for sector in (param(spec, "sectors") or SECTORS)]
    minimum = int(param(spec, "min") or 1)
    role, holder = RaciRole.__table__, Stakeholder.__table__
    query = (select(role.c.initiative_id, func.count(distinct(role.c.stakeholder_id)))
             .select_from(role.join(holder, holder.c.id == role.c.stakeholder_id))
             .where(role.c.role.in_(("R", "C")), holder.c.sector.in_(sectors))
             .group_by(role.c.initiative_id))
    counts = {initiative_id: int(count) for initiative_id, count in run.facts.session.execute(query)}
    template = run.tr(N_("{item}: {count} partners ({sectors}) responsible (R) or consulted (C); at least "
                         "{minimum} required"))
    sector_names = ", ".join(run.vocabulary(SECTORS, sector) for sector in sectors)
    for row in run.facts.initiatives:
        count = counts.get(row.id, 0)
        if count < minimum:
            run.add_on_initiative(spec, row, template.format(item=row.label, count=count,
                                                             sectors=sector_names, minimum=minimum))


# Every check of CHECKS, by id.
CHECK_FUNCTIONS: dict[str, Callable[[CheckRun, CheckSpec], None]] = {
    "required_fields": check_required_fields,
    "lead": check_lead,
    "period_in_plan": check_period_in_plan,
    "kpi_present": check_kpi_present,
    "kpi_target_year": check_kpi_target_year,
    "budget_totals": check_budget_totals,
    "funding_rules": check_funding_rules,
    "dependency_cycle": check_dependency_cycle,
    "ai_ethics": check_ai_ethics,
    "trustworthy_ai": check_trustworthy_ai,
    "privacy_impact": check_privacy_impact,
    "duplicates": check_duplicates,
    "raci": check_raci,
    "submission_deadline": check_submission_deadline,
    "narrative_written": check_narrative_written,
    "plan_period": check_plan_period,
    "allowed_values": check_allowed_values,
    "partners": check_partners,
    "programme_funding": check_programme_funding,
}
