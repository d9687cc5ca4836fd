"""Checks of a merged plan for what only merging can break, each settled as a conflict of its own kind:
references to rows the other side deleted, rules of one row, unique values, dependency cycles, a second
accountable (A) in RACI and funding rules."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import pairwise
from typing import Any

from planner.i18n import N_, _
from planner.interchange.plan_json import dependency_cycles, unique_column_sets
from planner.merge.conflicts import (
    BASE,
    CYCLE,
    DANGLING_REFERENCE,
    DELETE_MODIFY,
    DELETED_PARENT,
    FUNDING_RULE,
    MERGED,
    MISSING,
    OURS,
    REFERENCES,
    ROW_RULE,
    SECOND_ACCOUNTABLE,
    THEIRS,
    UNIQUE,
    Conflict,
    Row,
    RowsById,
    field_label,
    short,
)
from planner.merge.engine import (
    REFERRERS,
    MergeState,
    conflict_key,
    other_side,
    same_content,
    side_name,
)
from planner.model import ENTITY_CLASSES
from planner.model import vocabulary as v
from planner.stakeholders.raci import EXEMPT_STATUSES

MAX_ROUNDS = 100  # passes over references (each settles at least one); a safeguard, never reached in practice
CHOICES_WITH_MERGED = (OURS, THEIRS, MERGED)


def check_merged(state: MergeState) -> None:
    """Settle everything the merged rows break only together, in an order where each step sees the last's result."""
    settle_dangling_references(state)
    check_row_rules(state)
    settle_dangling_references(state)
    settle_unique_values(state)
    settle_dangling_references(state)
    break_cycles(state)
    check_accountable(state)
    check_funding_rules(state)
    settle_dangling_references(state)


def _kind_name(kind: str) -> str:
    from planner.commands.rows import KIND_LABELS

    return _(KIND_LABELS.get(kind, kind))


# -- references to deleted rows -----------------------------------------------------------------------------------


def _reference_columns(kind: str) -> list[tuple[str, str | None, bool]]:
    """(column, kind referred to or None for a generic target_kind/target_id, whether deleting the target
    deletes the row) for every reference of `kind`."""
    found = []
    kinds = {cls.__table__.name: name for name, cls in ENTITY_CLASSES.items()}  # type: ignore[attr-defined]
    for key in ENTITY_CLASSES[kind].__table__.foreign_keys:  # type: ignore[attr-defined]
        found.append((key.parent.name, kinds[key.column.table.name], key.ondelete == "CASCADE"))
    from planner.commands.rows import GENERIC_REFERENCES

    found += [(column, None, True) for generic_kind, column in GENERIC_REFERENCES if generic_kind == kind]
    return found


REFERENCE_COLUMNS = {kind: _reference_columns(kind) for kind in ENTITY_CLASSES}


def _kinds_with_removed_rows(state: MergeState) -> set[str]:
    """Kinds of which some version has a row the merged plan does not."""
    return {kind for kind, merged in state.merged.items()
            if any(side[kind].keys() - merged.keys() for side in state.sides.values())}


def settle_dangling_references(state: MergeState) -> None:
    """Every merged row that refers to a row the merged plan lacks (the other side deleted it) is a conflict:
    the side that still has the target wins by putting it back (with what the deletion took along), the side
    that deleted it by leaving the referring row out (or emptying a reference that may be empty)."""
    if state.edits == state.references_settled_at:
        return  # nothing changed since the last pass
    for _round in range(MAX_ROUNDS):
        removed = _kinds_with_removed_rows(state)
        found = False
        for kind in ENTITY_CLASSES if removed else ():
            rows = state.merged[kind]
            for column, target_kind, cascade in REFERENCE_COLUMNS[kind]:
                if target_kind is not None:
                    if target_kind not in removed:
                        continue
                    missing = {row.get(column) for row in rows.values()} - state.merged[target_kind].keys()
                    if not missing or missing == {None}:
                        continue
                for row_id in list(rows):
                    row = rows.get(row_id)
                    target_id = None if row is None else row.get(column)
                    if target_id is None:
                        continue
                    current_kind = target_kind or row.get("target_kind")  # type: ignore[union-attr]
                    if current_kind not in state.merged or target_id in state.merged[current_kind]:
                        continue
                    found = True
                    _settle_reference(state, kind, row_id, column, current_kind, target_id, cascade)
        if not found:
            break
    state.references_settled_at = state.edits


def _settle_reference(state: MergeState, kind: str, row_id: str, column: str, target_kind: str, target_id: str,
                      cascade: bool) -> None:
    holders = [side for side in (OURS, THEIRS) if target_id in state.sides[side][target_kind]]
    if len(holders) == 2:  # both sides have it: only an earlier step left it out; it simply comes back
        _restore(state, target_kind, target_id, state.prefer)
        return
    row = state.merged[kind][row_id]
    conflict_type = DELETED_PARENT if cascade else DANGLING_REFERENCE
    key = conflict_key(conflict_type, kind, row_id, column)
    target_label = state.label(target_kind, target_id)
    values: dict[str, Any] = {side: target_id if target_id in state.sides[side][target_kind] else MISSING
                              for side in (BASE, OURS, THEIRS)}
    texts = {side: target_label if value is not MISSING else (_("(not there)") if side == BASE else _("(deleted)"))
             for side, value in values.items()}
    involved = [row_id, target_id]
    if holders:
        holder = holders[0]
        deleter = other_side(holder)
        choice = state.choice(key)
        choices: tuple[str, ...] = (OURS, THEIRS)
        if cascade:
            message = _("{deleter} deleted the {target_kind} {target}; {holder} has this {kind} under it.")
        else:
            message = _("{deleter} deleted the {target_kind} {target}, which {holder} refers to in {field}.")
        message = message.format(deleter=side_name(deleter), holder=side_name(holder),
                                 target_kind=_kind_name(target_kind), target=target_label, kind=_kind_name(kind),
                                 field=field_label(kind, column))
    else:
        holder, deleter, choice, choices = None, MERGED, MERGED, (MERGED,)
        message = _("The {target_kind} {target} is deleted on both sides.").format(
            target_kind=_kind_name(target_kind), target=target_label)
    if holder is not None and choice == holder:
        involved += _restore(state, target_kind, target_id, holder)
        kept = holder
    else:
        kept = deleter
        if cascade:
            involved += state.drop(kind, row_id)
        else:
            state.put(kind, row_id, row | {column: None}, deleter)
    state.conflicts.add(Conflict(conflict_type, kind, row_id, state.labels.label(kind, row_id, row), column, key,
                                 values, texts, kept, message, tuple(dict.fromkeys(involved)), choices))


def _restore(state: MergeState, kind: str, row_id: str, holder: str) -> list[str]:
    """Put a row back as `holder` has it, with the rows `holder` has under it that the merged plan lacks
    (what deleting it took along) and the references to it that the deletion emptied. Returns the ids of every
    row put back or pointed at it again."""
    side_rows = state.sides[holder]
    deleter = other_side(holder)
    restored: list[str] = []
    pending = [(kind, row_id)]
    while pending:
        current_kind, current_id = pending.pop()
        row = side_rows[current_kind].get(current_id)
        if current_id in state.merged[current_kind] or row is None:
            continue
        state.put(current_kind, current_id, row, holder)
        restored.append(current_id)
        for child_kind, column, cascade in REFERRERS[current_kind]:
            for child_id in state.children(holder, child_kind, column).get(current_id, ()):
                child = side_rows[child_kind][child_id]
                if column == "target_id" and child.get("target_kind") != current_kind:
                    continue
                merged_child = state.merged[child_kind].get(child_id)
                if cascade:
                    chosen = state.conflicts.resolutions.get(conflict_key(DELETE_MODIFY, child_kind, child_id))
                    if merged_child is None and chosen != deleter:  # unless its deletion was chosen explicitly
                        pending.append((child_kind, child_id))
                elif merged_child is not None and merged_child.get(column) is None:
                    base_child = state.base[child_kind].get(child_id)
                    if base_child is not None and base_child.get(column) == current_id:
                        state.put(child_kind, child_id, merged_child | {column: current_id}, holder)
                        restored.append(child_id)
    return restored


# -- rules of one row -------------------------------------------------------------------------------------------

RowRule = tuple[str, tuple[str, ...], Callable[[Row], bool], str]
ROW_RULES: tuple[RowRule, ...] = (
    ("plan", ("start_year", "end_year"), lambda row: row["end_year"] < row["start_year"],
     N_("The last year comes before the first year.")),
    ("dependency", ("predecessor_id", "successor_id"), lambda row: row["predecessor_id"] == row["successor_id"],
     N_("An initiative cannot depend on itself.")),
    ("stakeholder_relation", ("source_id", "target_id"), lambda row: row["source_id"] == row["target_id"],
     N_("A stakeholder cannot be related to itself.")),
    ("initiative", ("actual_start", "actual_finish"),
     lambda row: bool(row["actual_start"] and row["actual_finish"] and row["actual_finish"] < row["actual_start"]),
     N_("The actual finish comes before the actual start.")),
)


def _fields_text(state: MergeState, kind: str, names: Iterable[str], row: Row | None) -> str:
    if row is None:
        return _("(not there)")
    return ", ".join(f"{field_label(kind, name)}: {state.labels.value_text(kind, name, row.get(name))}"
                     for name in names)


def check_row_rules(state: MergeState) -> None:
    """A row whose fields came from both sides may break a rule neither side broke (ours moved the first year
    after theirs' new last year): the rule's fields come from one side, as a conflict."""
    for kind, row_id in sorted(state.field_merged):
        for rule_kind, names, broken, rule_message in ROW_RULES:
            row = state.merged[kind].get(row_id)
            if rule_kind != kind or row is None or not broken(row):
                continue
            key = conflict_key(ROW_RULE, kind, row_id, "+".join(names))
            choice = state.choice(key)
            source = state.sides[choice][kind].get(row_id) if choice in (OURS, THEIRS) else None
            if source is not None:
                state.put(kind, row_id, row | {name: source.get(name) for name in names}, choice)
            versions = {side: state.sides[side][kind].get(row_id) for side in (BASE, OURS, THEIRS)}
            values = {side: MISSING if found is None else {name: found.get(name) for name in names}
                      for side, found in versions.items()}
            texts = {side: _fields_text(state, kind, names, found) for side, found in versions.items()}
            state.conflicts.add(Conflict(ROW_RULE, kind, row_id, state.labels.label(kind, row_id, row), names[-1],
                                         key, values, texts, choice, _(rule_message), (row_id,)))


# -- unique values ----------------------------------------------------------------------------------------------

UNIQUE_SETS = {kind: unique_column_sets(ENTITY_CLASSES[kind].__table__) for kind in ENTITY_CLASSES}  # type: ignore[arg-type]


def _holds(state: MergeState, side: str, kind: str, row_id: str, names: tuple[str, ...], value: tuple[Any, ...]) -> bool:
    row = state.sides[side][kind].get(row_id)
    return row is not None and tuple(row.get(name) for name in names) == value


def _referred_to(state: MergeState, kind: str, row_id: str) -> bool:
    for child_kind, column, _cascade in REFERRERS[kind]:
        for child_id in state.children(MERGED, child_kind, column).get(row_id, ()):
            child = state.merged[child_kind].get(child_id)
            if child is not None and (column != "target_id" or child.get("target_kind") == kind):
                return True
    return False


def settle_unique_values(state: MergeState) -> None:
    """Values that must be unique (codes, names, one row per pair) used twice only after merging: one row keeps
    the value (one that had it in base, else the chosen side's), the other takes back a value it has on a side,
    gets a marked copy of the value (codes, names), or, for a second row of the same pair, is left out; two
    identical rows of a pair nobody refers to become one without a conflict."""
    for kind in ENTITY_CLASSES:
        if not state.from_both_sides(kind):
            continue  # every row as one side has it: that side's values are unique
        for names in UNIQUE_SETS[kind]:
            groups: dict[tuple[Any, ...], list[str]] = {}
            for row_id, row in state.merged[kind].items():
                value = tuple(row.get(name) for name in names)
                if None not in value:
                    groups.setdefault(value, []).append(row_id)
            for value, ids in list(groups.items()):
                if len(ids) > 1:
                    _settle_duplicate(state, kind, names, value, sorted(ids), groups)


def _free_value(state: MergeState, kind: str, names: tuple[str, ...], value: tuple[Any, ...],
                groups: dict[tuple[Any, ...], list[str]]) -> bool:
    if groups.get(value):
        return False
    targets = REFERENCES[kind]
    return all(name not in targets or part is None or part in state.merged[targets[name]]
               for name, part in zip(names, value, strict=True))


def _marked_copy(kind: str, name: str, text: str, groups: dict[tuple[Any, ...], list[str]]) -> str:
    limit = getattr(ENTITY_CLASSES[kind].__table__.columns[name].type, "length", None) or 200  # type: ignore[attr-defined]
    number = 2
    while True:
        suffix = f"~{number}"
        candidate = text[: limit - len(suffix)] + suffix
        if not groups.get((candidate,)):
            return candidate
        number += 1


def _settle_duplicate(state: MergeState, kind: str, names: tuple[str, ...], value: tuple[Any, ...], ids: list[str],
                      groups: dict[tuple[Any, ...], list[str]]) -> None:
    key = conflict_key(UNIQUE, kind, "+".join(names), *value)
    choice = state.choice(key)
    if choice not in (OURS, THEIRS):
        choice = state.prefer

    def rank(row_id: str) -> int:
        ours, theirs = (_holds(state, side, kind, row_id, names, value) for side in (OURS, THEIRS))
        if _holds(state, BASE, kind, row_id, names, value) or (ours and theirs):
            return 0
        if (ours and choice == OURS) or (theirs and choice == THEIRS):
            return 1
        return 2 if ours or theirs else 3

    keeper, *losers = sorted(ids, key=lambda row_id: (rank(row_id), row_id))
    keeper_row = state.merged[kind][keeper]
    groups[value] = [keeper]
    single_text = len(names) == 1 and names[0] not in REFERENCES[kind] and isinstance(value[0], str)
    shown = " · ".join(str(part) if name not in REFERENCES[kind] else state.labels.value_text(kind, name, part)
                       for name, part in zip(names, value, strict=True))
    for loser in losers:
        loser_row = state.merged[kind][loser]
        if same_content(loser_row, keeper_row, kind) and not _referred_to(state, kind, loser):
            state.drop(kind, loser)
            state.stats["duplicates_merged"] += 1
            continue
        label = state.labels.label(kind, loser, loser_row)
        involved = [keeper, loser]
        message = ""
        for side in (choice, other_side(choice)):
            version = state.sides[side][kind].get(loser)
            if version is None:
                continue
            other_value = tuple(version.get(name) for name in names)
            if other_value != value and _free_value(state, kind, names, other_value, groups):
                state.put(kind, loser, loser_row | dict(zip(names, other_value, strict=True)), side)
                groups[other_value] = [loser]
                message = _("After merging, {value} would be used twice; {label} keeps the value it has in "
                            "{side}: {new}.").format(value=shown, label=label, side=side_name(side),
                                                     new=" · ".join(str(part) for part in other_value))
                break
        if not message and single_text:
            new = _marked_copy(kind, names[0], value[0], groups)
            state.put(kind, loser, loser_row | {names[0]: new}, MERGED)
            groups[(new,)] = [loser]
            message = _("After merging, {value} would be used twice; {label} now has {new} until you choose.").format(
                value=shown, label=label, new=new)
        if not message:
            involved += state.drop(kind, loser)
            message = _("After merging, there would be two {kind} rows for {value}; the one from {side} is kept and "
                        "the other left out (its values are kept with this conflict).").format(
                kind=_kind_name(kind), value=shown, side=side_name(choice))
        values: dict[str, Any] = {side: state.sides[side][kind].get(loser) or MISSING for side in (BASE, OURS, THEIRS)}
        values[MERGED] = loser_row
        texts = {side: ", ".join(state.labels.label(kind, row_id, state.sides[side][kind][row_id])
                                 for row_id in ids if _holds(state, side, kind, row_id, names, value))
                 or _("(not there)") for side in (BASE, OURS, THEIRS)}
        state.conflicts.add(Conflict(UNIQUE, kind, loser, label, names[-1], key, values, texts, choice, message,
                                     tuple(dict.fromkeys(involved))))


# -- dependency cycles ------------------------------------------------------------------------------------------


def _pairs(rows: dict[str, Row]) -> set[tuple[str, str]]:
    return {(row["predecessor_id"], row["successor_id"]) for row in rows.values()}


def break_cycles(state: MergeState) -> None:
    """A dependency cycle that exists only after merging: the links of the cycle the chosen side does not have
    are taken back to that side's version, or left out."""
    if not state.from_both_sides("dependency"):
        return  # every link as one side has it: that side has no cycle
    dependencies = state.merged["dependency"]
    side_pairs = {side: _pairs(state.sides[side]["dependency"]) for side in (BASE, OURS, THEIRS)}
    for _round in range(max(MAX_ROUNDS, len(dependencies))):
        initiatives = state.merged["initiative"]
        cycles = dependency_cycles({"dependency": list(dependencies.values()),
                                    "initiative": list(initiatives.values())}, limit=1)
        if not cycles:
            return
        codes = cycles[0]
        ids_by_code = {row["code"]: row_id for row_id, row in initiatives.items()}
        nodes = [ids_by_code.get(code, code) for code in codes]
        by_pair = {(row["predecessor_id"], row["successor_id"]): row_id for row_id, row in dependencies.items()}
        edges = [by_pair[pair] for pair in pairwise(nodes) if pair in by_pair]
        key = conflict_key(CYCLE, "dependency", *sorted(set(nodes)))
        choice = state.choice(key)
        if choice not in (OURS, THEIRS):
            choice = state.prefer
        chosen = state.sides[choice]["dependency"]
        cycle_pairs = [(dependencies[edge]["predecessor_id"], dependencies[edge]["successor_id"]) for edge in edges]
        to_break = [edge for edge, pair in zip(edges, cycle_pairs, strict=True) if pair not in side_pairs[choice]]
        to_break = to_break or edges[-1:]
        for edge in to_break:
            version = chosen.get(edge)
            pair = None if version is None else (version["predecessor_id"], version["successor_id"])
            if pair is not None and pair not in by_pair and all(node in initiatives for node in pair):
                state.put("dependency", edge, version, choice)  # type: ignore[arg-type]
                by_pair[pair] = edge
            else:
                state.drop("dependency", edge)
        cycle = " → ".join(codes)
        values = {side: [list(pair) for pair in cycle_pairs if pair in side_pairs[side]] for side in (BASE, OURS, THEIRS)}
        shown = {side: [pair for pair in cycle_pairs if pair in side_pairs[side]
                        and (side == BASE or pair not in side_pairs[BASE])] for side in (BASE, OURS, THEIRS)}
        texts = {side: ", ".join(f"{state.labels.code(before)} → {state.labels.code(after)}" for before, after in pairs)
                 or _("(none of these links)") for side, pairs in shown.items()}
        message = _("The dependencies form a cycle after merging: {cycle}; the links of {side} are kept.").format(
            cycle=cycle, side=side_name(choice))
        state.conflicts.add(Conflict(CYCLE, "dependency", to_break[0], cycle, "", key, values, texts, choice, message,
                                     tuple(dict.fromkeys([*nodes, *edges]))))


# -- RACI: one accountable --------------------------------------------------------------------------------------


def _accountable(rows: dict[str, Row]) -> dict[str, list[tuple[str, str]]]:
    """(stakeholder id, RACI row id) of every A, by initiative."""
    held: dict[str, list[tuple[str, str]]] = {}
    for row_id, row in rows.items():
        if row.get("role") == "A":
            held.setdefault(row["initiative_id"], []).append((row["stakeholder_id"], row_id))
    return held


def check_accountable(state: MergeState) -> None:
    """An initiative with two or more accountable stakeholders (A) only after merging: the chosen side's A is
    kept; every other A takes the role the chosen side gives that row, or is left out when it has none there."""
    if not state.from_both_sides("raci_role"):
        return  # every role as one side has it: no A that side did not have
    merged_rows = state.merged["raci_role"]
    held = _accountable(merged_rows)
    sides = {side: _accountable(state.sides[side]["raci_role"]) for side in (BASE, OURS, THEIRS)}
    for initiative_id, holders in sorted(held.items()):
        if len(holders) < 2 or any(len(sides[side].get(initiative_id, ())) > 1 for side in (OURS, THEIRS)):
            continue
        initiative = state.merged["initiative"].get(initiative_id)
        if initiative is None or initiative.get("status") in EXEMPT_STATUSES:
            continue
        key = conflict_key(SECOND_ACCOUNTABLE, "initiative", initiative_id)
        choice = state.choice(key)
        names = sorted(state.label("stakeholder", stakeholder_id) for stakeholder_id, _row in holders)
        involved = [initiative_id, *(row_id for _stakeholder, row_id in holders)]
        if choice in (OURS, THEIRS):
            keep = {stakeholder_id for stakeholder_id, _row in sides[choice].get(initiative_id, ())}
            for stakeholder_id, row_id in holders:
                if stakeholder_id in keep:
                    continue
                version = state.sides[choice]["raci_role"].get(row_id)
                if version is not None and version.get("role") != "A":
                    state.put("raci_role", row_id, merged_rows[row_id] | {"role": version["role"]}, choice)
                else:
                    state.drop("raci_role", row_id)
        values = {side: sorted(stakeholder for stakeholder, _row in sides[side].get(initiative_id, ()))
                  for side in (BASE, OURS, THEIRS)}
        texts = {side: ", ".join(state.label("stakeholder", stakeholder) for stakeholder in found) or _("(nobody)")
                 for side, found in values.items()}
        message = _("{count} stakeholders are accountable (A) after merging: {names}; there should be exactly "
                    "one.").format(count=len(holders), names=", ".join(names))
        state.conflicts.add(Conflict(SECOND_ACCOUNTABLE, "initiative", initiative_id,
                                     state.label("initiative", initiative_id), "role", key, values, texts, choice,
                                     message, tuple(involved), CHOICES_WITH_MERGED))


# -- funding rules ----------------------------------------------------------------------------------------------

RULE_LIMITS = ("min_national_share_percent", "max_national_share_percent", "max_per_year_krw", "max_years")


def _lines_by_initiative(rows: dict[str, Row]) -> dict[str, list[Row]]:
    found: dict[str, list[Row]] = {}
    for row in rows.values():
        found.setdefault(row["initiative_id"], []).append(row)
    return found


def _funding_inputs(version: RowsById, lines: dict[str, list[Row]], initiative_id: str) -> tuple[Any, ...] | None:
    """Everything a funding-rule check of one initiative reads: its rule's limits and its planned money."""
    initiative = version["initiative"].get(initiative_id)
    if initiative is None:
        return None
    rule_id = initiative.get("funding_rule_id")
    rule = version["funding_rule"].get(rule_id) if rule_id else None
    limits = None if rule is None else tuple(rule.get(name) for name in RULE_LIMITS)
    money = tuple(sorted((line["fiscal_year"], line["source"], line["planned_krw"])
                         for line in lines.get(initiative_id, ())))
    return rule_id, limits, money


def _python_rows(kind: str, rows: Iterable[Row]) -> list[dict[str, Any]]:
    """Rows in the plan-JSON form as the Python values a table takes (months, dates, decimals, ...)."""
    from planner.interchange.plan_json import DECODERS, value_form

    columns = list(ENTITY_CLASSES[kind].__table__.columns)  # type: ignore[attr-defined]
    decoders = [(column.name, DECODERS[value_form(column)], column) for column in columns]
    return [{name: None if row.get(name) is None else decode(row.get(name), column)
             for name, decode, column in decoders} for row in rows]


def _violations(version: RowsById, lines: dict[str, list[Row]], initiative_ids: list[str]) -> list[Any]:
    """planner.budget.funding_rule_violations on a plan holding only these initiatives of one version, their
    rules and their budget lines: the same check, on the rows it reads (cheaper than building the whole plan)."""
    from sqlalchemy import create_engine, insert
    from sqlalchemy.orm import Session

    from planner.budget import funding_rule_violations
    from planner.model import Base, BudgetLine, FundingRule, Initiative

    initiatives = [version["initiative"][row_id] for row_id in initiative_ids if row_id in version["initiative"]]
    rule_ids = {row.get("funding_rule_id") for row in initiatives}
    rules = [row for row_id, row in version["funding_rule"].items() if row_id in rule_ids]
    budget = [line for row in initiatives for line in lines.get(row["id"], ())]
    engine = create_engine("sqlite://")
    try:
        tables = [FundingRule.__table__, Initiative.__table__, BudgetLine.__table__]
        Base.metadata.create_all(engine, tables=tables)  # type: ignore[arg-type]
        with Session(engine) as session:
            for kind, table, rows in (("funding_rule", tables[0], rules), ("initiative", tables[1], initiatives),
                                      ("budget_line", tables[2], budget)):
                if rows:
                    session.execute(insert(table), _python_rows(kind, rows))
            return funding_rule_violations(session)
    finally:
        engine.dispose()


def _source_order(line: Row) -> tuple[int, str]:
    order = list(v.FUNDING_SOURCES)
    return (order.index(line["source"]) if line["source"] in order else len(order), line["source"])


def _money_text(lines: list[Row], year: int | None, every_year: bool) -> str:
    if every_year:
        years = sorted({line["fiscal_year"] for line in lines if line["planned_krw"]})
        return ", ".join(str(year) for year in years) or _("(no money planned)")
    parts = [f"{v.label(v.FUNDING_SOURCES, line['source'])} {line['planned_krw']:,}"
             for line in sorted(lines, key=_source_order) if line["fiscal_year"] == year]
    return f"{year}: " + (", ".join(parts) if parts else _("(no money planned)"))


def check_funding_rules(state: MergeState) -> None:
    """A funding rule an initiative breaks only after merging (ours raised the national money of a year, theirs
    added municipal money the same year). Only initiatives whose rule or money differs from both sides can break
    a rule neither side broke, so the real check runs on those alone. The rows stay as merged (both sides'
    changes) until a choice takes one side's budget lines of the initiative."""
    if not state.merged["funding_rule"]:
        return
    versions = {MERGED: state.merged, OURS: state.ours, THEIRS: state.theirs, BASE: state.base}
    lines = {name: _lines_by_initiative(version["budget_line"]) for name, version in versions.items()}
    candidates = []
    for initiative_id, initiative in state.merged["initiative"].items():
        if not initiative.get("funding_rule_id"):
            continue
        merged_inputs = _funding_inputs(state.merged, lines[MERGED], initiative_id)
        if all(merged_inputs != _funding_inputs(versions[side], lines[side], initiative_id) for side in (OURS, THEIRS)):
            candidates.append(initiative_id)
    if not candidates:
        return
    found = {name: _violations(versions[name], lines[name], candidates) for name in (MERGED, OURS, THEIRS)}
    earlier = {(item.initiative_id, item.kind, item.year) for side in (OURS, THEIRS) for item in found[side]}
    for violation in found[MERGED]:
        if (violation.initiative_id, violation.kind, violation.year) in earlier:
            continue
        initiative_id = violation.initiative_id
        key = conflict_key(FUNDING_RULE, "initiative", initiative_id, violation.kind, violation.year)
        choice = state.choice(key, MERGED)
        every_year = violation.kind == "max_years"
        texts = {name: _money_text(lines[name].get(initiative_id, []), violation.year, every_year)
                 for name in (BASE, OURS, THEIRS, MERGED)}
        values = {name: MISSING if inputs is None else {"funding_rule_id": inputs[0], "budget": [list(m) for m in inputs[2]]}
                  for name in (BASE, OURS, THEIRS)
                  for inputs in [_funding_inputs(versions[name], lines[name], initiative_id)]}
        if choice in (OURS, THEIRS):
            _take_budget(state, initiative_id, choice)
        state.conflicts.add(Conflict(FUNDING_RULE, "initiative", initiative_id, state.label("initiative", initiative_id),
                                     "funding_rule_id", key, values, texts, choice, short(violation.message, 300),
                                     (initiative_id, violation.rule_id), CHOICES_WITH_MERGED))


def _take_budget(state: MergeState, initiative_id: str, side: str) -> None:
    """The initiative's budget lines and funding rule as `side` has them."""
    side_rows = state.sides[side]
    if initiative_id not in side_rows["initiative"]:
        return
    merged_lines = state.merged["budget_line"]
    for line_id in [line_id for line_id, line in merged_lines.items() if line["initiative_id"] == initiative_id]:
        state.drop("budget_line", line_id)
    for line_id in state.children(side, "budget_line", "initiative_id").get(initiative_id, ()):
        state.put("budget_line", line_id, side_rows["budget_line"][line_id], side)
    initiative = state.merged["initiative"][initiative_id]
    state.put("initiative", initiative_id, initiative | {
        "funding_rule_id": side_rows["initiative"][initiative_id].get("funding_rule_id")}, side)

