"""Budget by fiscal year and funding source, per initiative and in total, and funding-rule violations."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from math import floor
from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from planner.i18n import _
from planner.model import BudgetLine, BudgetTotal, FundingRule, Initiative, Plan
from planner.model.vocabulary import FUNDING_SOURCES

# The kinds of funding-rule violation, in the order they are reported for one initiative and year.
MIN_NATIONAL_SHARE = "min_national_share"
MAX_NATIONAL_SHARE = "max_national_share"
MAX_PER_YEAR = "max_per_year"
MAX_YEARS = "max_years"
VIOLATION_KINDS = (MIN_NATIONAL_SHARE, MAX_NATIONAL_SHARE, MAX_PER_YEAR, MAX_YEARS)

# The source whose share the rules limit.
NATIONAL = "national"

# Kinds of row whose change can alter a budget matrix or a funding-rule check.
BUDGET_KINDS = ("budget_line", "budget_total", "initiative", "funding_rule", "plan")


@dataclass(frozen=True)
class BudgetMatrix:
    """Money by fiscal year × funding source (whole KRW), for the whole plan or one initiative.

    `years` are the plan period's years plus any other year that has money, ascending; `sources` are the
    sources that have money (planned or executed) in vocabulary order, then unknown codes alphabetically.
    `planned` and `executed` hold only the cells that have a budget line; an executed amount not yet
    recorded counts as 0 (`has_executed` tells whether any was recorded)."""

    years: tuple[int, ...]
    sources: tuple[str, ...]
    planned: Mapping[tuple[int, str], int] = field(default_factory=dict)
    executed: Mapping[tuple[int, str], int] = field(default_factory=dict)
    has_executed: bool = False
    initiative_id: str | None = None

    def _cells(self, executed: bool) -> Mapping[tuple[int, str], int]:
        return self.executed if executed else self.planned

    def cell(self, year: int, source: str, executed: bool = False) -> int:
        return self._cells(executed).get((year, source), 0)

    def year_total(self, year: int, executed: bool = False) -> int:
        """The row total: every source of one fiscal year."""
        return sum(amount for (y, _s), amount in self._cells(executed).items() if y == year)

    def source_total(self, source: str, executed: bool = False) -> int:
        """The column total: every year of one source."""
        return sum(amount for (_y, s), amount in self._cells(executed).items() if s == source)

    def total(self, executed: bool = False) -> int:
        """The grand total."""
        return sum(self._cells(executed).values())

    @property
    def is_empty(self) -> bool:
        return not self.planned and not self.executed


@dataclass(frozen=True)
class InitiativeBudget:
    """One line of the per-initiative budget table: planned KRW by source and by year, and its rule."""

    id: str
    code: str
    title: str
    funding_rule: str  # the rule's name, "" without one
    by_source: Mapping[str, int]
    by_year: Mapping[int, int]
    total_krw: int

    def national_share(self) -> Fraction | None:
        """National / total planned, as an exact fraction (None when nothing is planned)."""
        return Fraction(self.by_source.get(NATIONAL, 0), self.total_krw) if self.total_krw else None


@dataclass(frozen=True)
class FundingViolation:
    """One breach of a funding rule by one initiative (in one fiscal year, except for MAX_YEARS).

    `actual` and `limit` are percents for the share kinds (`actual` exact, a Fraction), whole KRW for
    MAX_PER_YEAR and a number of fiscal years for MAX_YEARS. `cells` are the (year, source) cells of the
    year × source table the breach lies in; source None means the year's total."""

    kind: str
    initiative_id: str
    initiative_code: str
    initiative_title: str
    rule_id: str
    rule_name: str
    year: int | None
    actual: Fraction | int
    limit: int
    message: str
    cells: tuple[tuple[int, str | None], ...] = ()


# -- the year × source matrix -------------------------------------------------------------------------


def ordered_sources(codes: Iterable[str]) -> tuple[str, ...]:
    """Funding-source codes in vocabulary order, unknown codes after them alphabetically."""
    used = set(codes)
    return tuple(code for code in FUNDING_SOURCES if code in used) + tuple(sorted(used - set(FUNDING_SOURCES)))


def plan_years(session: Session) -> tuple[int, int]:
    """The first and last fiscal year of the plan period."""
    start, end = session.execute(select(Plan.start_year, Plan.end_year)).one()
    return int(start), int(end)


def budget_matrix(session: Session, initiative_id: str | None = None) -> BudgetMatrix:
    """Planned and executed KRW by fiscal year and source, for the whole plan or one initiative."""
    query = select(BudgetLine.fiscal_year, BudgetLine.source, BudgetLine.planned_krw, BudgetLine.executed_krw)
    if initiative_id is not None:
        query = query.where(BudgetLine.initiative_id == initiative_id)
    planned: dict[tuple[int, str], int] = defaultdict(int)
    executed: dict[tuple[int, str], int] = defaultdict(int)
    has_executed = False
    for year, source, planned_krw, executed_krw in session.execute(query):
        key = (int(year), str(source))
        planned[key] += int(planned_krw or 0)
        executed[key] += int(executed_krw or 0)
        has_executed = has_executed or executed_krw is not None
    start, end = plan_years(session)
    years = tuple(sorted(set(range(start, end + 1)) | {year for year, _source in planned}))
    sources = ordered_sources(source for (_year, source), amount in [*planned.items(), *executed.items()] if amount)
    return BudgetMatrix(
        years=years,
        sources=sources,
        planned=dict(planned),
        executed=dict(executed),
        has_executed=has_executed,
        initiative_id=initiative_id,
    )


def budget_by_initiative(session: Session) -> list[InitiativeBudget]:
    """Every initiative (in the plan's order) with its planned KRW by source and year, and its rule's name."""
    rules = {row.id: row.name for row in session.execute(select(FundingRule.id, FundingRule.name))}
    by_source: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    by_year: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    query = select(BudgetLine.initiative_id, BudgetLine.fiscal_year, BudgetLine.source, BudgetLine.planned_krw)
    for initiative_id, year, source, planned_krw in session.execute(query):
        by_source[initiative_id][source] += int(planned_krw or 0)
        by_year[initiative_id][int(year)] += int(planned_krw or 0)
    initiatives = select(Initiative.id, Initiative.code, Initiative.title, Initiative.funding_rule_id).order_by(
        Initiative.position, Initiative.code
    )
    rows = []
    for initiative_id, code, title, rule_id in session.execute(initiatives):
        sources = by_source.get(initiative_id, {})
        rows.append(
            InitiativeBudget(
                id=initiative_id, code=code, title=title, funding_rule=rules.get(rule_id, "") if rule_id else "",
                by_source={s: sources[s] for s in ordered_sources(sources)},
                by_year=dict(sorted(by_year.get(initiative_id, {}).items())), total_krw=sum(sources.values()),
            )
        )
    return rows


# -- funding rules ------------------------------------------------------------------------------------


def percent_text(percent: Fraction) -> str:
    """A percentage with one decimal, rounded half up: 62.5, 80.0."""
    tenths = floor(percent * 10 + Fraction(1, 2))
    sign = "-" if tenths < 0 else ""
    return f"{sign}{abs(tenths) // 10:,}.{abs(tenths) % 10}"


def share_text(share: Fraction, limit: int, below: bool) -> str:
    """A share breaching `limit`, with one decimal but never rounded onto or past the limit: 79.96 % below an
    80 % minimum shows as 79.9 (not 80.0), 50.01 % above a 50 % maximum as 50.1."""
    nearest = floor(share * 10 + Fraction(1, 2))
    tenths = min(nearest, limit * 10 - 1) if below else max(nearest, limit * 10 + 1)
    return percent_text(Fraction(tenths, 10))


def amount_text(krw: int) -> str:
    """A whole amount of won: '100,000,000 KRW' (Korean: '100,000,000원')."""
    return _("{amount} KRW").format(amount=f"{krw:,}")


def _where(code: str, year: int | None) -> str:
    return code if year is None else _("{code}, {year}").format(code=code, year=year)


def funding_rule_violations(session: Session) -> list[FundingViolation]:
    """Every breach of a funding rule by an initiative that follows one, by initiative (plan order) and year.

    Checked per fiscal year in which the initiative has planned money (executed amounts are not checked):
    - national share = national / total planned of that year, exact; below the rule's minimum percent or
      above its maximum percent is a breach (exactly at the limit complies); shown with one decimal;
    - the year's total planned money from all sources above max_per_year_krw is a breach: the programmes
      cap the size of a project ("up to 100M KRW a year per project"), not only the national part;
    - more fiscal years with planned money than max_years is one breach, reported for the first year over.
    """
    rules = {row.id: row for row in session.execute(select(FundingRule.__table__))}
    if not rules:
        return []
    initiatives = session.execute(
        select(Initiative.id, Initiative.code, Initiative.title, Initiative.funding_rule_id)
        .where(Initiative.funding_rule_id.is_not(None))
        .order_by(Initiative.position, Initiative.code)
    ).all()
    if not initiatives:
        return []
    ids = [row.id for row in initiatives]
    years: dict[str, dict[int, dict[str, int]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(int)))
    query = select(BudgetLine.initiative_id, BudgetLine.fiscal_year, BudgetLine.source, BudgetLine.planned_krw).where(
        BudgetLine.initiative_id.in_(ids)
    )
    for initiative_id, year, source, planned_krw in session.execute(query):
        years[initiative_id][int(year)][source] += int(planned_krw or 0)

    found: list[FundingViolation] = []
    for initiative in initiatives:
        rule = rules.get(initiative.funding_rule_id)
        if rule is None:
            continue

        def violation(kind: str, year: int | None, actual: Fraction | int, limit: int, message: str,
                      cells: tuple[tuple[int, str | None], ...], initiative: Row[Any] = initiative,
                      rule: Row[Any] = rule) -> FundingViolation:
            return FundingViolation(
                kind=kind, initiative_id=initiative.id, initiative_code=initiative.code,
                initiative_title=initiative.title, rule_id=rule.id, rule_name=rule.name, year=year,
                actual=actual, limit=limit, message=message, cells=cells,
            )

        funded = {year: sources for year, sources in sorted(years.get(initiative.id, {}).items())
                  if sum(sources.values()) > 0}
        for year, sources in funded.items():
            total = sum(sources.values())
            national = sources.get(NATIONAL, 0)
            share = Fraction(national * 100, total)
            where = _where(initiative.code, year)
            low, high = rule.min_national_share_percent, rule.max_national_share_percent
            if low is not None and share < low:
                found.append(violation(
                    MIN_NATIONAL_SHARE, year, share, low,
                    _("{where}: national share {share} % is below the {limit} % minimum of '{rule}'").format(
                        where=where, share=share_text(share, low, below=True), limit=low, rule=rule.name),
                    ((year, NATIONAL), (year, None)),
                ))
            if high is not None and share > high:
                found.append(violation(
                    MAX_NATIONAL_SHARE, year, share, high,
                    _("{where}: national share {share} % is above the {limit} % maximum of '{rule}'").format(
                        where=where, share=share_text(share, high, below=False), limit=high, rule=rule.name),
                    ((year, NATIONAL), (year, None)),
                ))
            cap = rule.max_per_year_krw
            if cap is not None and total > cap:
                found.append(violation(
                    MAX_PER_YEAR, year, total, cap,
                    _("{where}: {amount} planned is above the {limit} a year allowed by '{rule}'").format(
                        where=where, amount=amount_text(total), limit=amount_text(cap), rule=rule.name),
                    ((year, None),),
                ))
        if rule.max_years is not None and len(funded) > rule.max_years:
            over = list(funded)[rule.max_years:]
            found.append(violation(
                MAX_YEARS, over[0], len(funded), rule.max_years,
                _("{where}: money planned in {count} fiscal years ({years}), more than the {limit} allowed by "
                  "'{rule}'").format(where=initiative.code, count=len(funded),
                                     years=", ".join(str(year) for year in funded), limit=rule.max_years,
                                     rule=rule.name),
                tuple((year, None) for year in over),
            ))
    return found


# -- the totals a plan declares ------------------------------------------------------------------------------


@dataclass(frozen=True)
class DeclaredTotals:
    """The totals the plan declares by (fiscal year, source) against the sums of its budget lines."""

    declared: Mapping[tuple[int, str], int]
    lines: Mapping[tuple[int, str], int]

    @property
    def any_declared(self) -> bool:
        return bool(self.declared)

    def differences(self) -> list[tuple[int, str, int | None, int]]:
        """(year, source, declared or None, sum of the lines) for every cell where they differ."""
        cells = sorted(set(self.declared) | set(self.lines), key=lambda cell: (cell[0], _source_order(cell[1])))
        return [(year, source, self.declared.get((year, source)), self.lines.get((year, source), 0))
                for year, source in cells
                if self.declared.get((year, source), 0) != self.lines.get((year, source), 0)]


def _source_order(source: str) -> tuple[int, str]:
    codes = list(FUNDING_SOURCES)
    return (codes.index(source), "") if source in codes else (len(codes), source)


def declared_totals(session: Session) -> DeclaredTotals:
    """The declared totals and the sums of the planned budget lines, cell by cell."""
    declared = {(int(year), str(source)): int(amount) for year, source, amount in session.execute(
        select(BudgetTotal.fiscal_year, BudgetTotal.source, BudgetTotal.amount_krw))}
    lines: dict[tuple[int, str], int] = defaultdict(int)
    for year, source, amount in session.execute(
            select(BudgetLine.fiscal_year, BudgetLine.source, BudgetLine.planned_krw)):
        lines[(int(year), str(source))] += int(amount)
    return DeclaredTotals(declared, dict(lines))


def declare_totals_command(session: Session) -> Any:
    """One undoable command that makes the declared totals equal to the current sums of the budget lines."""
    from planner.commands import AddRow, CompositeCommand, DeleteRows

    existing = list(session.execute(select(BudgetTotal.id)).scalars())
    sums = declared_totals(session).lines
    commands: list[Any] = [DeleteRows("budget_total", existing)] if existing else []
    commands += [AddRow("budget_total", {"fiscal_year": year, "source": source, "amount_krw": amount})
                 for (year, source), amount in sorted(sums.items()) if amount]
    return CompositeCommand(_("Declare the budget totals"), commands)
