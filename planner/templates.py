"""The catalogue of service templates (resources/templates): loaded, validated and listed in one language."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from functools import cache
from math import floor
from pathlib import Path
from typing import Any

from planner.errors import NotFoundError, PlannerError
from planner.i18n import LANGUAGE_NAMES, N_, SUPPORTED_LANGUAGES, _, current_language
from planner.model import vocabulary as v
from planner.model.attributes import ATTRIBUTES, Attribute
from planner.model.vocabulary import CHECKLIST_ITEMS
from planner.resources import resource_path

CATALOGUE_FILE = ("templates", "catalogue.json")
CATALOGUE_FORMAT = "convergence-planner-templates"
FORMAT_VERSION = 1  # the newest version this code reads
LANGUAGES: tuple[str, ...] = SUPPORTED_LANGUAGES
TEMPLATE_ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,79}$")  # fits Initiative.template_id (80 characters)
KPI_TARGET_BASES = ("start", "finish")  # KPI target years count from the start year or the finish year

# Keys of each object of the format: required, then optional.
_TOP_KEYS = ({"format", "format_version", "templates"}, {"about"})
_TEMPLATE_KEYS = (
    {"id", "name", "summary", "purpose", "content", "target_users", "ai_technology", "service_domain", "data_used",
     "project_type", "duration_months", "budget", "funding_rule", "kpis", "checklists", "privacy", "prerequisites"},
    {"contract_method", "security_consultation"},
)
_BUDGET_KEYS = ({"lines"}, {"total_krw"})
_LINE_KEYS = ({"year_offset", "source"}, {"share_percent", "amount_krw"})
_RULE_KEYS = (
    {"name", "min_national_share_percent", "max_national_share_percent", "max_per_year_krw", "max_years"},
    {"programme", "description"},
)
_KPI_KEYS = ({"type", "name", "unit", "targets_from", "targets"}, {"baseline_value", "method"})
_TARGET_KEYS = ({"year_offset", "value"}, set())
_PRIVACY_KEYS = ({"data_subject_count", "sensitive_data", "unique_identifiers"}, set())
# Texts of a template and the model field each fills (whose length limit applies).
_TEMPLATE_TEXTS: dict[str, tuple[str, str] | None] = {
    "name": ("initiative", "title"), "summary": None, "purpose": ("initiative", "purpose"),
    "content": ("initiative", "content"), "target_users": ("initiative", "target_users"),
    "ai_technology": ("initiative", "ai_technology"), "service_domain": ("initiative", "service_domain"),
    "data_used": ("initiative", "data_used"), "contract_method": ("initiative", "contract_method"),
}
_MISSING: Any = object()  # a required key left out (already reported by _Reader.keys)


# -- the catalogue as read --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """A text in every language of the app; a language-neutral text has the same string in each."""

    values: Mapping[str, str]

    def get(self, language: str) -> str:
        return self.values.get(language) or self.values.get("en", "")

    def all(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self.values.values()))


@dataclass(frozen=True)
class BudgetShare:
    """One line of a template's budget shape: a fiscal year counted from the start year, a source, and
    either a percentage of the template's total or a fixed amount."""

    year_offset: int
    source: str
    share_percent: Fraction | None = None
    amount_krw: int | None = None


@dataclass(frozen=True)
class TemplateFundingRule:
    """The funding rule of the programme a template is usually financed by."""

    name: Text
    programme: Text
    min_national_share_percent: int | None
    max_national_share_percent: int | None
    max_per_year_krw: int | None
    max_years: int | None
    description: Text


@dataclass(frozen=True)
class TemplateKpi:
    """A KPI with its yearly targets, counted from the initiative's start year or finish year."""

    type: str
    name: Text
    unit: Text
    baseline_value: Decimal | None
    method: Text
    targets_from: str
    targets: tuple[tuple[int, Decimal], ...]  # (year offset, target value)


@dataclass(frozen=True)
class ServiceTemplate:
    """One validated template of the catalogue."""

    id: str
    texts: Mapping[str, Text]
    project_type: str
    duration_months: int
    security_consultation: bool
    budget_total_krw: int
    budget_lines: tuple[BudgetShare, ...]
    funding_rule: TemplateFundingRule | None
    kpis: tuple[TemplateKpi, ...]
    checklists: Mapping[str, tuple[str, ...]]
    data_subject_count: int | None
    sensitive_data: bool
    unique_identifiers: bool
    prerequisites: tuple[str, ...]

    def text(self, name: str, language: str) -> str:
        text = self.texts.get(name)
        return text.get(language) if text is not None else ""

    def yearly_budget(self) -> dict[int, dict[str, int]]:
        """Whole KRW by year offset and source (sources in vocabulary order). Shares are rounded twice, by
        largest remainder: first the yearly totals so that they add up to the template's total, then each
        year's sources so that they add up to that year's total."""
        return yearly_amounts(self.budget_total_krw, self.budget_lines)


@dataclass(frozen=True)
class TemplateSummary:
    """What the template chooser shows of one template, in one language."""

    id: str
    name: str
    summary: str
    purpose: str
    content: str
    target_users: str
    service_domain: str
    ai_technology: str
    data_used: str
    project_type: str
    duration_months: int
    budget_total_krw: int
    budget_by_year: tuple[tuple[int, tuple[tuple[str, int], ...]], ...]  # (year offset, ((source, KRW), ...))
    funding_rule: str  # the rule's name, "" without one
    funding_rule_description: str
    kpis: tuple[tuple[str, str, str], ...]  # (type, name, unit)
    checklist_items: tuple[tuple[str, int], ...]  # (checklist, number of items)
    prerequisites: tuple[tuple[str, str], ...]  # (template id, name)
    privacy: tuple[int | None, bool, bool]  # data subjects, sensitive data, unique identifiers


@dataclass(frozen=True)
class TemplateProblem:
    template: str  # the template's id ("" for the catalogue as a whole)
    field: str  # where in the template, e.g. "budget.lines[2].source"
    message: str

    def __str__(self) -> str:
        if not self.template:
            return _("Template catalogue, {field}: {message}").format(field=self.field, message=self.message)
        return _("Template '{template}', {field}: {message}").format(
            template=self.template, field=self.field, message=self.message
        )


class TemplateCatalogueError(PlannerError):
    """The template catalogue breaks its format; `problems` names the template and field of each break."""

    def __init__(self, problems: Sequence[TemplateProblem], source: str = "") -> None:
        self.problems = list(problems)
        self.source = source
        lines = "\n".join(str(problem) for problem in self.problems)
        if source:
            head = _("The template catalogue {source} is not valid:").format(source=source)
        else:
            head = _("The template catalogue is not valid:")
        super().__init__(f"{head}\n{lines}")


# -- amounts ---------------------------------------------------------------------------------------------


def largest_remainder(total: int, weights: Sequence[Fraction]) -> list[int]:
    """Split whole `total` in proportion to `weights`: floors, then one more to the largest remainders
    (earlier first on a tie). The parts add up to `total` exactly."""
    weight_sum = sum(weights, Fraction(0))
    if total == 0 or weight_sum == 0:
        return [0] * len(weights)
    exact = [Fraction(total) * weight / weight_sum for weight in weights]
    parts = [floor(value) for value in exact]
    order = sorted(range(len(weights)), key=lambda n: (-(exact[n] - parts[n]), n))
    for n in order[: total - sum(parts)]:
        parts[n] += 1
    return parts


def _source_order(source: str) -> int:
    codes = list(v.FUNDING_SOURCES)
    return codes.index(source) if source in codes else len(codes)


def yearly_amounts(total_krw: int, lines: Sequence[BudgetShare]) -> dict[int, dict[str, int]]:
    """The whole-KRW amounts of a budget shape by year offset and source (see ServiceTemplate.yearly_budget)."""
    result: dict[int, dict[str, int]] = {}
    if all(line.amount_krw is not None for line in lines):
        for line in sorted(lines, key=lambda line: (line.year_offset, _source_order(line.source))):
            result.setdefault(line.year_offset, {})[line.source] = int(line.amount_krw or 0)
        return result
    offsets = sorted({line.year_offset for line in lines})
    by_year = {offset: sorted((line for line in lines if line.year_offset == offset),
                              key=lambda line: _source_order(line.source)) for offset in offsets}
    year_totals = largest_remainder(
        total_krw, [sum((line.share_percent or Fraction(0) for line in by_year[o]), Fraction(0)) for o in offsets]
    )
    for offset, year_total in zip(offsets, year_totals, strict=True):
        year_lines = by_year[offset]
        amounts = largest_remainder(year_total, [line.share_percent or Fraction(0) for line in year_lines])
        result[offset] = {line.source: amount for line, amount in zip(year_lines, amounts, strict=True)}
    return result


# -- reading and validating ------------------------------------------------------------------------------


class _Reader:
    """Walks the raw JSON of the catalogue, collecting every problem with its template and field."""

    def __init__(self) -> None:
        self.problems: list[TemplateProblem] = []
        self.template = ""

    def problem(self, where: str, message: str) -> None:
        self.problems.append(TemplateProblem(self.template, where, message))

    def keys(self, value: Any, where: str, keys: tuple[set[str], set[str]]) -> bool:
        """Check an object's keys: every required one present, none unknown. False if it is no object."""
        if value is _MISSING:
            return False
        if not isinstance(value, dict):
            self.problem(where, _("must be an object"))
            return False
        required, optional = keys
        for name in sorted(required - value.keys()):
            self.problem(_join(where, name), _("is missing"))
        for name in sorted(value.keys() - required - optional):
            self.problem(_join(where, name), _("is not a known key (known keys: {keys})").format(
                keys=", ".join(sorted(required | optional))))
        return True

    def text(self, value: Any, where: str, spec: Attribute | None = None, required: bool = False) -> Text:
        """A {ko, en} pair or a language-neutral string."""
        if value is _MISSING:
            return Text(dict.fromkeys(LANGUAGES, ""))
        if isinstance(value, str):
            values = dict.fromkeys(LANGUAGES, value)
        elif isinstance(value, dict):
            values = {}
            for language in LANGUAGES:
                if language not in value:
                    self.problem(where, _("has no {language} text ('{code}')").format(
                        language=_(LANGUAGE_NAMES[language]), code=language))
                elif not isinstance(value[language], str):
                    self.problem(_join(where, language), _("must be text"))
                else:
                    values[language] = value[language]
            for language in sorted(value.keys() - set(LANGUAGES)):
                self.problem(_join(where, language), _("is not a language of the app ({languages})").format(
                    languages=", ".join(LANGUAGES)))
        else:
            if value is not None or required:
                self.problem(where, _("must be text or a {\"ko\": ..., \"en\": ...} pair"))
            return Text(dict.fromkeys(LANGUAGES, ""))
        for language, text in values.items():
            if required and not text.strip():
                self.problem(where, _("must not be empty ('{code}')").format(code=language))
            if spec is not None and text:
                problem = spec.problem(text)
                if problem:
                    self.problem(where, f"{problem} ('{language}')")
        return Text(values)

    def integer(self, value: Any, where: str, minimum: int | None = None, maximum: int | None = None,
                optional: bool = False) -> int | None:
        if value is _MISSING or (value is None and optional):
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(where, _("must be a whole number"))
            return None
        if minimum is not None and value < minimum:
            self.problem(where, _("must be at least {minimum}").format(minimum=minimum))
            return None
        if maximum is not None and value > maximum:
            self.problem(where, _("must be at most {maximum}").format(maximum=maximum))
            return None
        return value

    def number(self, value: Any, where: str, optional: bool = False) -> Decimal | None:
        if value is _MISSING or (value is None and optional):
            return None
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            self.problem(where, _("must be a number"))
            return None
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            self.problem(where, _("must be a number"))
            return None
        if not number.is_finite():
            self.problem(where, _("must be a number"))
            return None
        return number

    def boolean(self, value: Any, where: str) -> bool:
        if value is _MISSING:
            return False
        if not isinstance(value, bool):
            self.problem(where, _("must be true or false"))
            return False
        return value

    def choice(self, value: Any, where: str, vocabulary: Mapping[str, str] | Sequence[str], what: str) -> str | None:
        if value is _MISSING:
            return None
        if not isinstance(value, str) or value not in vocabulary:
            self.problem(where, _("'{value}' is not a {what} (one of: {choices})").format(
                value=value, what=_(what), choices=", ".join(vocabulary)))
            return None
        return value

    # -- the parts of a template ---------------------------------------------------------------------------

    def catalogue(self, data: Any) -> dict[str, ServiceTemplate]:
        if not self.keys(data, "", _TOP_KEYS):
            return {}
        if "format" in data and data["format"] != CATALOGUE_FORMAT:
            self.problem("format", _("must be '{format}'").format(format=CATALOGUE_FORMAT))
        version = data.get("format_version")
        if "format_version" in data and self.integer(version, "format_version", minimum=1) is not None \
                and version > FORMAT_VERSION:
            self.problem("format_version", _(
                "{version} is newer than this version of Convergence Planner reads ({supported})").format(
                    version=version, supported=FORMAT_VERSION))
        raw = data.get("templates")
        if not isinstance(raw, list) or not raw:
            if "templates" in data:
                self.problem("templates", _("must be a non-empty list"))
            return {}
        templates: dict[str, ServiceTemplate] = {}
        known: set[str] = set()  # ids of every template, broken ones too (a prerequisite may name them)
        for number, item in enumerate(raw):
            where = f"templates[{number}]"
            template_id = item.get("id") if isinstance(item, dict) else None
            self.template = template_id if isinstance(template_id, str) and template_id else where
            if isinstance(template_id, str):
                known.add(template_id)
            template = self.service_template(item)
            if template is None:
                continue
            if template.id in templates:
                self.problem("id", _("is used by another template too"))
                continue
            templates[template.id] = template
        for template in templates.values():
            self.template = template.id
            for number, prerequisite in enumerate(template.prerequisites):
                if prerequisite == template.id:
                    self.problem(f"prerequisites[{number}]", _("a template cannot be its own prerequisite"))
                elif prerequisite not in known:
                    self.problem(f"prerequisites[{number}]", _("names an unknown template '{id}'").format(
                        id=prerequisite))
        self.template = ""
        cycle = _prerequisite_cycle(templates)
        if cycle:
            self.template = cycle[0]
            self.problem("prerequisites", _("form a cycle: {cycle}").format(cycle=" → ".join(cycle)))
        return templates

    def service_template(self, item: Any) -> ServiceTemplate | None:
        before = len(self.problems)
        if not self.keys(item, "", _TEMPLATE_KEYS):
            return None
        template_id = item.get("id")
        if not isinstance(template_id, str) or not TEMPLATE_ID_PATTERN.match(template_id):
            self.problem("id", _("must be lowercase letters, digits and '_' (at most 80, starting with a letter)"))
        texts = {
            name: self.text(item.get(name, _MISSING if name in _TEMPLATE_KEYS[0] else None), name, _spec(*target) if target else None,
                            required=name in ("name", "summary", "purpose"))
            for name, target in _TEMPLATE_TEXTS.items()
        }
        project_type = self.choice(item.get("project_type", _MISSING), "project_type", v.PROJECT_TYPES, N_("project type"))
        duration = self.integer(item.get("duration_months", _MISSING), "duration_months", minimum=1, maximum=600)
        security = self.boolean(item.get("security_consultation", False), "security_consultation")
        rule = self.funding_rule(item.get("funding_rule", _MISSING))
        total, lines = self.budget(item.get("budget", _MISSING), duration)
        kpis = self.kpis(item.get("kpis", _MISSING))
        checklists = self.checklists(item.get("checklists", _MISSING))
        privacy = item.get("privacy", _MISSING)
        subjects, sensitive, unique = None, False, False
        if self.keys(privacy, "privacy", _PRIVACY_KEYS):
            subjects = self.integer(privacy.get("data_subject_count", _MISSING), "privacy.data_subject_count", minimum=0,
                                    optional=True)
            sensitive = self.boolean(privacy.get("sensitive_data", _MISSING), "privacy.sensitive_data")
            unique = self.boolean(privacy.get("unique_identifiers", _MISSING), "privacy.unique_identifiers")
        prerequisites = item.get("prerequisites", _MISSING)
        if prerequisites is _MISSING:
            prerequisites = []
        elif not isinstance(prerequisites, list) or not all(isinstance(p, str) for p in prerequisites):
            self.problem("prerequisites", _("must be a list of template ids"))
            prerequisites = []
        elif len(set(prerequisites)) != len(prerequisites):
            self.problem("prerequisites", _("names a template twice"))
        if len(self.problems) > before:
            return None
        template = ServiceTemplate(
            id=template_id, texts=texts, project_type=project_type or "build", duration_months=duration or 1,
            security_consultation=security, budget_total_krw=total, budget_lines=lines, funding_rule=rule,
            kpis=kpis, checklists=checklists, data_subject_count=subjects, sensitive_data=sensitive,
            unique_identifiers=unique, prerequisites=tuple(prerequisites),
        )
        if rule is not None:
            self.budget_within_rule(template, rule)
        return template if len(self.problems) == before else None

    def budget(self, value: Any, duration_months: int | None) -> tuple[int, tuple[BudgetShare, ...]]:
        if not self.keys(value, "budget", _BUDGET_KEYS):
            return 0, ()
        raw_lines = value.get("lines")
        if not isinstance(raw_lines, list) or not raw_lines:
            self.problem("budget.lines", _("must be a non-empty list"))
            return 0, ()
        # the last fiscal year of a January start (not checked while the duration itself is wrong)
        last_offset = None if duration_months is None else (duration_months - 1) // 12
        lines: list[BudgetShare] = []
        seen: set[tuple[int, str]] = set()
        for number, raw in enumerate(raw_lines):
            where = f"budget.lines[{number}]"
            if not self.keys(raw, where, _LINE_KEYS):
                continue
            offset = self.integer(raw.get("year_offset", _MISSING), f"{where}.year_offset", minimum=0, maximum=last_offset)
            source = self.choice(raw.get("source", _MISSING), f"{where}.source", v.FUNDING_SOURCES, N_("funding source"))
            share: Fraction | None = None
            amount: int | None = None
            if ("share_percent" in raw) == ("amount_krw" in raw):
                self.problem(where, _("needs exactly one of share_percent and amount_krw"))
            elif "share_percent" in raw:
                number_value = self.number(raw["share_percent"], f"{where}.share_percent")
                if number_value is not None and not 0 < number_value <= 100:
                    self.problem(f"{where}.share_percent", _("must be more than 0 and at most 100"))
                elif number_value is not None:
                    share = Fraction(number_value)
            else:
                amount = self.integer(raw["amount_krw"], f"{where}.amount_krw", minimum=0)
            if offset is None or source is None or (share is None and amount is None):
                continue
            if (offset, source) in seen:
                self.problem(where, _("year {offset} and source '{source}' appear twice").format(
                    offset=offset, source=source))
            seen.add((offset, source))
            lines.append(BudgetShare(offset, source, share, amount))
        if len(lines) != len(raw_lines):
            return 0, ()
        shares = [line for line in lines if line.share_percent is not None]
        total = value.get("total_krw")
        if shares and len(shares) != len(lines):
            self.problem("budget.lines", _("mix shares and amounts; use one or the other"))
            return 0, ()
        if shares:
            total_krw = self.integer(total, "budget.total_krw", minimum=1)
            share_sum = sum((line.share_percent or Fraction(0) for line in shares), Fraction(0))
            if share_sum != 100:
                self.problem("budget.lines", _("shares add up to {sum} %, not 100 %").format(
                    sum=_fraction_text(share_sum)))
            return total_krw or 0, tuple(lines)
        amount_sum = sum(line.amount_krw or 0 for line in lines)
        if total is not None and self.integer(total, "budget.total_krw", minimum=0) is not None and total != amount_sum:
            self.problem("budget.total_krw", _("is {total} but the amounts add up to {sum}").format(
                total=f"{total:,}", sum=f"{amount_sum:,}"))
        return amount_sum, tuple(lines)

    def funding_rule(self, value: Any) -> TemplateFundingRule | None:
        if value is None:
            return None
        if not self.keys(value, "funding_rule", _RULE_KEYS):
            return None
        where = "funding_rule"
        name = self.text(value.get("name", _MISSING), f"{where}.name", _spec("funding_rule", "name"), required=True)
        programme = self.text(value.get("programme"), f"{where}.programme", _spec("funding_rule", "programme"))
        description = self.text(value.get("description"), f"{where}.description")
        low = self.integer(value.get("min_national_share_percent", _MISSING), f"{where}.min_national_share_percent",
                           minimum=0, maximum=100, optional=True)
        high = self.integer(value.get("max_national_share_percent", _MISSING), f"{where}.max_national_share_percent",
                            minimum=0, maximum=100, optional=True)
        if low is not None and high is not None and low > high:
            self.problem(f"{where}.max_national_share_percent", _("is below the minimum national share"))
        cap = self.integer(value.get("max_per_year_krw", _MISSING), f"{where}.max_per_year_krw", minimum=0, optional=True)
        years = self.integer(value.get("max_years", _MISSING), f"{where}.max_years", minimum=1, maximum=50, optional=True)
        return TemplateFundingRule(name, programme, low, high, cap, years, description)

    def budget_within_rule(self, template: ServiceTemplate, rule: TemplateFundingRule) -> None:
        """The template's own budget must keep its own funding rule, every year."""
        amounts = template.yearly_budget()
        funded = [offset for offset, sources in amounts.items() if sum(sources.values()) > 0]
        if rule.max_years is not None and len(funded) > rule.max_years:
            self.problem("budget.lines", _("money in {count} years, more than the {limit} of its funding rule").format(
                count=len(funded), limit=rule.max_years))
        for offset in funded:
            sources = amounts[offset]
            year_total = sum(sources.values())
            share = Fraction(sources.get("national", 0) * 100, year_total)
            if rule.max_per_year_krw is not None and year_total > rule.max_per_year_krw:
                self.problem("budget.lines", _("year {offset}: {amount} KRW is above the {limit} KRW a year of its "
                                               "funding rule").format(offset=offset, amount=f"{year_total:,}",
                                                                      limit=f"{rule.max_per_year_krw:,}"))
            if rule.min_national_share_percent is not None and share < rule.min_national_share_percent:
                self.problem("budget.lines", _("year {offset}: national share {share} % is below the {limit} % of "
                                               "its funding rule").format(offset=offset, share=_fraction_text(share),
                                                                          limit=rule.min_national_share_percent))
            if rule.max_national_share_percent is not None and share > rule.max_national_share_percent:
                self.problem("budget.lines", _("year {offset}: national share {share} % is above the {limit} % of "
                                               "its funding rule").format(offset=offset, share=_fraction_text(share),
                                                                          limit=rule.max_national_share_percent))

    def kpis(self, value: Any) -> tuple[TemplateKpi, ...]:
        if value is _MISSING:
            return ()
        if not isinstance(value, list):
            self.problem("kpis", _("must be a list"))
            return ()
        kpis: list[TemplateKpi] = []
        for number, raw in enumerate(value):
            where = f"kpis[{number}]"
            if not self.keys(raw, where, _KPI_KEYS):
                continue
            kind = self.choice(raw.get("type", _MISSING), f"{where}.type", v.KPI_TYPES, N_("KPI type"))
            name = self.text(raw.get("name", _MISSING), f"{where}.name", _spec("kpi", "name"), required=True)
            unit = self.text(raw.get("unit", _MISSING), f"{where}.unit", _spec("kpi", "unit"))
            method = self.text(raw.get("method"), f"{where}.method")
            baseline = self.number(raw.get("baseline_value"), f"{where}.baseline_value", optional=True)
            base = self.choice(raw.get("targets_from", _MISSING), f"{where}.targets_from", KPI_TARGET_BASES, N_("target base"))
            targets: list[tuple[int, Decimal]] = []
            raw_targets = raw.get("targets")
            if not isinstance(raw_targets, list) or not raw_targets:
                self.problem(f"{where}.targets", _("must be a non-empty list"))
                raw_targets = []
            for t, target in enumerate(raw_targets):
                target_where = f"{where}.targets[{t}]"
                if not self.keys(target, target_where, _TARGET_KEYS):
                    continue
                offset = self.integer(target.get("year_offset", _MISSING), f"{target_where}.year_offset", minimum=0, maximum=20)
                target_value = self.number(target.get("value", _MISSING), f"{target_where}.value")
                if offset is not None and any(offset == o for o, _value in targets):
                    self.problem(f"{target_where}.year_offset", _("year {offset} has two targets").format(
                        offset=offset))
                elif offset is not None and target_value is not None:
                    targets.append((offset, target_value))
            if kind and base:
                kpis.append(TemplateKpi(kind, name, unit, baseline, method, base, tuple(sorted(targets))))
        missing = [kind for kind in v.KPI_TYPES if kind not in {kpi.type for kpi in kpis}]
        if missing and len(kpis) == len(value):
            self.problem("kpis", _("need at least one KPI of each type; missing: {types}").format(
                types=", ".join(missing)))
        return tuple(kpis)

    def checklists(self, value: Any) -> dict[str, tuple[str, ...]]:
        if value is _MISSING:
            return {}
        if not isinstance(value, dict):
            self.problem("checklists", _("must be an object"))
            return {}
        checklists: dict[str, tuple[str, ...]] = {}
        for checklist, keys in value.items():
            where = f"checklists.{checklist}"
            if checklist not in CHECKLIST_ITEMS:
                self.problem(where, _("'{value}' is not a checklist with items (one of: {choices})").format(
                    value=checklist, choices=", ".join(CHECKLIST_ITEMS)))
                continue
            if not isinstance(keys, list) or not all(isinstance(key, str) for key in keys):
                self.problem(where, _("must be a list of item keys"))
                continue
            for number, key in enumerate(keys):
                if key not in CHECKLIST_ITEMS[checklist]:
                    self.problem(f"{where}[{number}]", _("'{value}' is not an item of this checklist (one of: "
                                                         "{choices})").format(
                        value=key, choices=", ".join(CHECKLIST_ITEMS[checklist])))
            if len(set(keys)) != len(keys):
                self.problem(where, _("names an item twice"))
            checklists[checklist] = tuple(keys)
        return checklists


def _join(where: str, name: str) -> str:
    return f"{where}.{name}" if where else name


def _spec(kind: str, name: str) -> Attribute:
    return next(spec for spec in ATTRIBUTES[kind] if spec.name == name)


def _fraction_text(value: Fraction) -> str:
    if value.denominator == 1:
        return str(value.numerator)
    return f"{float(value):.2f}".rstrip("0").rstrip(".")


def _prerequisite_cycle(templates: Mapping[str, ServiceTemplate]) -> list[str]:
    """The ids of a cycle of prerequisites (first repeated last), or []."""
    state: dict[str, int] = {}  # 1 = on the path, 2 = done
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        path.append(node)
        for prerequisite in templates[node].prerequisites:
            if prerequisite not in templates or prerequisite == node:
                continue
            if state.get(prerequisite) == 1:
                return [*path[path.index(prerequisite):], prerequisite]
            if prerequisite not in state:
                found = visit(prerequisite)
                if found:
                    return found
        path.pop()
        state[node] = 2
        return []

    for template_id in templates:
        if template_id not in state:
            cycle = visit(template_id)
            if cycle:
                return cycle
    return []


# -- public ----------------------------------------------------------------------------------------------


def parse_catalogue(data: Any, source: str = "") -> dict[str, ServiceTemplate]:
    """Validate the catalogue's JSON data; its templates by id, in catalogue order. Raises
    TemplateCatalogueError listing every problem with its template and field."""
    reader = _Reader()
    templates = reader.catalogue(data)
    if reader.problems:
        raise TemplateCatalogueError(reader.problems, source)
    return templates


def read_catalogue(path: Path) -> dict[str, ServiceTemplate]:
    """Load and validate a catalogue file."""
    try:
        with path.open(encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError) as error:
        raise TemplateCatalogueError([TemplateProblem("", path.name, str(error))], str(path)) from error
    return parse_catalogue(data, str(path))


@cache
def load_catalogue() -> dict[str, ServiceTemplate]:
    """The bundled catalogue, read once."""
    return read_catalogue(resource_path(*CATALOGUE_FILE))


def get_template(template_id: str, catalogue: Mapping[str, ServiceTemplate] | None = None) -> ServiceTemplate:
    templates = load_catalogue() if catalogue is None else catalogue
    try:
        return templates[template_id]
    except KeyError:
        raise NotFoundError(_("There is no template '{id}'.").format(id=template_id)) from None


def summarise(template: ServiceTemplate, language: str, catalogue: Mapping[str, ServiceTemplate]) -> TemplateSummary:
    """The template in one language, as the chooser lists it."""
    rule = template.funding_rule
    return TemplateSummary(
        id=template.id,
        **{name: template.text(name, language) for name in (
            "name", "summary", "purpose", "content", "target_users", "service_domain", "ai_technology", "data_used")},
        project_type=template.project_type,
        duration_months=template.duration_months,
        budget_total_krw=template.budget_total_krw,
        budget_by_year=tuple((offset, tuple(sources.items())) for offset, sources in template.yearly_budget().items()),
        funding_rule=rule.name.get(language) if rule else "",
        funding_rule_description=rule.description.get(language) if rule else "",
        kpis=tuple((kpi.type, kpi.name.get(language), kpi.unit.get(language)) for kpi in template.kpis),
        checklist_items=tuple((checklist, len(keys)) for checklist, keys in template.checklists.items() if keys),
        prerequisites=tuple(
            (p, catalogue[p].text("name", language) if p in catalogue else p) for p in template.prerequisites
        ),
        privacy=(template.data_subject_count, template.sensitive_data, template.unique_identifiers),
    )


def list_templates(language: str | None = None,
                   catalogue: Mapping[str, ServiceTemplate] | None = None) -> list[TemplateSummary]:
    """Every template of the catalogue, in catalogue order, its texts in `language` (default: the app's)."""
    templates = load_catalogue() if catalogue is None else catalogue
    language = language or current_language()
    return [summarise(template, language, templates) for template in templates.values()]


__all__ = [
    "CHECKLIST_ITEMS",
    "BudgetShare",
    "ServiceTemplate",
    "TemplateCatalogueError",
    "TemplateFundingRule",
    "TemplateKpi",
    "TemplateProblem",
    "TemplateSummary",
    "Text",
    "get_template",
    "largest_remainder",
    "list_templates",
    "load_catalogue",
    "parse_catalogue",
    "read_catalogue",
    "yearly_amounts",
]
