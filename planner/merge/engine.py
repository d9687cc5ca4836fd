"""The three-way merge of plans: row by row (by UUID) and field by field, then the checks of the merged whole."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from itertools import chain
from typing import Any

from planner.commands.rows import GENERIC_REFERENCES
from planner.errors import PlannerError, ValidationError
from planner.i18n import N_, _
from planner.interchange.plan_json import TIMESTAMP_COLUMNS
from planner.merge.conflicts import (
    BASE,
    DELETE_MODIFY,
    FIELD,
    MERGED,
    MISSING,
    OURS,
    REFERENCES,
    THEIRS,
    ChosenValue,
    Conflict,
    ConflictList,
    Labeller,
    Row,
    RowsById,
    field_label,
    short,
)
from planner.model import ENTITY_CLASSES

Tables = dict[str, list[Row]]
PREFERENCES = (OURS, THEIRS)
# Counters of MergeResult.stats, in the order they are shown.
STAT_NAMES = (
    "unchanged", "added_ours", "added_theirs", "added_both", "changed_ours", "changed_theirs", "changed_both",
    "deleted_ours", "deleted_theirs", "deleted_both", "duplicates_merged", "history_added",
)
SIDE_NAMES = {OURS: N_("ours"), THEIRS: N_("theirs"), BASE: N_("base")}
MAX_KEY_LENGTH = 250
# Append-only records (the history): every side's entries are kept, by id; a row one side lacks is never a
# deletion (a department package or a restored version simply never held it).
APPEND_ONLY = frozenset({"change_log"})


@dataclass(frozen=True)
class _Columns:
    """A kind's columns: all of them, the ones whose values count as content, and the timestamps."""

    names: tuple[str, ...]
    content: tuple[str, ...]
    timestamps: tuple[str, ...]


def _kind_columns(kind: str) -> _Columns:
    names = tuple(column.name for column in ENTITY_CLASSES[kind].__table__.columns)  # type: ignore[attr-defined]
    return _Columns(names, tuple(name for name in names if name != "id" and name not in TIMESTAMP_COLUMNS),
                    tuple(name for name in names if name in TIMESTAMP_COLUMNS))


COLUMNS: dict[str, _Columns] = {kind: _kind_columns(kind) for kind in ENTITY_CLASSES}


def side_name(side: str) -> str:
    """'ours', 'theirs' or 'base', translated."""
    return _(SIDE_NAMES.get(side, side))


def other_side(side: str) -> str:
    return THEIRS if side == OURS else OURS


def conflict_key(*parts: Any) -> str:
    """A conflict's stable key from its parts ('field:initiative:ID:title'); long keys end in a digest."""
    key = ":".join(str(part) for part in parts)
    if len(key) <= MAX_KEY_LENGTH:
        return key
    return key[:MAX_KEY_LENGTH - 17] + "#" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def index_tables(tables: Mapping[str, list[Row]]) -> RowsById:
    """Rows of every kind by id (kinds the tables lack are empty)."""
    return {kind: {row["id"]: row for row in tables.get(kind, [])} for kind in ENTITY_CLASSES}


def _later(first: Any, second: Any) -> Any:
    """The later of two timestamps in their JSON form (ISO text); None counts as earliest."""
    if first is None or first == second:
        return second
    if second is None:
        return first
    try:
        return first if datetime.fromisoformat(first) >= datetime.fromisoformat(second) else second
    except (TypeError, ValueError):
        return max(str(first), str(second))


def same_content(first: Row, second: Row, kind: str) -> bool:
    """True when two versions of a row differ at most in their timestamps."""
    return first is second or first == second or all(
        first.get(name) == second.get(name) for name in COLUMNS[kind].content)


@dataclass
class MergeResult:
    """The merged plan (`tables`: every kind's rows sorted by id, values in the plan-JSON form), the conflicts
    still to decide, the ones a resolution decided, and counts of what came from where.

    The rows hold, for each unresolved conflict, the version its `kept` names (the preferred side's by default)."""

    tables: Tables
    conflicts: list[Conflict]
    stats: dict[str, int]
    resolved: list[Conflict] = field(default_factory=list)
    prefer: str = OURS
    resolutions: dict[str, Any] = field(default_factory=dict)
    inputs: tuple[Tables, Tables, Tables] = field(default_factory=lambda: ({}, {}, {}), repr=False)

    @property
    def clean(self) -> bool:
        return not self.conflicts

    def conflict(self, key: str) -> Conflict:
        """The conflict with this key, unresolved or decided by a resolution; KeyError when there is none."""
        for candidate in chain(self.conflicts, self.resolved):
            if candidate.key == key:
                return candidate
        raise KeyError(key)


class MergeState:
    """Everything one merge works on: the three versions by id, the merged rows, the conflicts and counts."""

    def __init__(self, base: RowsById, ours: RowsById, theirs: RowsById, prefer: str,
                 resolutions: Mapping[str, Any]) -> None:
        self.sides: dict[str, RowsById] = {BASE: base, OURS: ours, THEIRS: theirs}
        self.prefer = prefer
        self.merged: RowsById = {kind: {} for kind in ENTITY_CLASSES}
        self.conflicts = ConflictList(resolutions)
        self.stats: Counter[str] = Counter()
        self.field_merged: set[tuple[str, str]] = set()  # rows whose fields came from both sides
        self.labels = Labeller(self.merged, ours, theirs, base)
        # Which sides the merged rows of each kind came from (MERGED: a mix or a value of one's own); a kind whose
        # rows all come from one side cannot break what that side keeps (unique values, one A per initiative).
        self.contributed: dict[str, set[str]] = {kind: set() for kind in ENTITY_CLASSES}
        self.edits = 0  # how many times a check changed the merged rows
        self.references_settled_at: int | None = None  # `edits` when references were last all settled
        self._children: dict[tuple[str, str, str], dict[str, list[str]]] = {}

    @property
    def base(self) -> RowsById:
        return self.sides[BASE]

    @property
    def ours(self) -> RowsById:
        return self.sides[OURS]

    @property
    def theirs(self) -> RowsById:
        return self.sides[THEIRS]

    def choice(self, key: str, default: str | None = None) -> Any:
        return self.conflicts.choice(key, self.prefer if default is None else default)

    def label(self, kind: str, row_id: str) -> str:
        return self.labels.label(kind, row_id)

    # -- who refers to whom -----------------------------------------------------------------------------------

    def from_both_sides(self, kind: str) -> bool:
        """Whether the merged rows of `kind` mix both sides' changes."""
        sources = self.contributed[kind]
        return not (sources <= {OURS} or sources <= {THEIRS})

    def put(self, kind: str, row_id: str, row: Row, side: str) -> None:
        """Set a merged row that a check took from `side` (MERGED: made of both or of a value of one's own),
        keeping the indexes of merged rows already built current (they may also list rows since changed)."""
        self.merged[kind][row_id] = row
        self.contributed[kind].add(side)
        self.edits += 1
        for (version, child_kind, column), index in self._children.items():
            if version == MERGED and child_kind == kind and row.get(column) is not None:
                index.setdefault(row[column], []).append(row_id)

    def children(self, version: str, child_kind: str, column: str) -> dict[str, list[str]]:
        """Ids of `child_kind` rows by the id their `column` holds, in one version ('merged' or a side).

        Cached; for the merged version it may also list rows left out or pointed elsewhere since."""
        cache_key = (version, child_kind, column)
        found = self._children.get(cache_key)
        if found is None:
            rows = self.merged[child_kind] if version == MERGED else self.sides[version][child_kind]
            found = {}
            for row_id, row in rows.items():
                target = row.get(column)
                if target is not None:
                    found.setdefault(target, []).append(row_id)
            self._children[cache_key] = found
        return found

    def drop(self, kind: str, row_id: str) -> list[str]:
        """Leave a row out of the merged plan with what depends on it, as deleting it in the app would:
        CASCADE children and comments go too, SET NULL references are emptied. Returns the ids of every row
        left out or emptied."""
        dropped: list[str] = []
        pending = [(kind, row_id)]
        while pending:
            current_kind, current_id = pending.pop()
            if self.merged[current_kind].pop(current_id, None) is None:
                continue
            self.edits += 1
            dropped.append(current_id)
            for child_kind, column, cascade in REFERRERS.get(current_kind, ()):
                for child_id in self.children(MERGED, child_kind, column).get(current_id, ()):
                    child = self.merged[child_kind].get(child_id)
                    if child is None or child.get(column) != current_id:
                        continue
                    if column == "target_id" and child.get("target_kind") != current_kind:
                        continue
                    if cascade:
                        pending.append((child_kind, child_id))
                    else:
                        self.merged[child_kind][child_id] = child | {column: None}
                        dropped.append(child_id)
        return dropped


def _referrers() -> dict[str, list[tuple[str, str, bool]]]:
    """For each kind, the (kind, column, cascade) of every column that refers to it; generic references
    (comments, sticky notes: target_kind + target_id) are listed under every kind, with cascade."""
    kinds = {cls.__table__.name: name for name, cls in ENTITY_CLASSES.items()}  # type: ignore[attr-defined]
    found: dict[str, list[tuple[str, str, bool]]] = {kind: [] for kind in ENTITY_CLASSES}
    for kind, cls in ENTITY_CLASSES.items():
        for key in cls.__table__.foreign_keys:  # type: ignore[attr-defined]
            target = kinds[key.column.table.name]
            found[target].append((kind, key.parent.name, key.ondelete == "CASCADE"))
    for target in found:
        found[target].extend((kind, column, True) for kind, column in GENERIC_REFERENCES)
    return found


REFERRERS = _referrers()


# -- rows and fields --------------------------------------------------------------------------------------------


def _field_texts(state: MergeState, kind: str, name: str, values: Mapping[str, Any]) -> dict[str, str]:
    return {side: state.labels.value_text(kind, name, value) for side, value in values.items()}


def _changes_text(state: MergeState, kind: str, row: Row, base: Row | None) -> str:
    """What a version of a row holds, as 'Field: value; ...' (only the fields that differ from base)."""
    names = [name for name in COLUMNS[kind].content if base is None or row.get(name) != base.get(name)]
    return "; ".join(f"{field_label(kind, name)}: {short(state.labels.value_text(kind, name, row.get(name)), 40)}"
                     for name in names[:6]) or _("(unchanged)")


def _merge_fields(state: MergeState, kind: str, row_id: str, base: Row | None, ours: Row, theirs: Row) -> Row:
    """One row from two versions, field by field; a field both changed differently is a conflict."""
    merged: Row = {}
    state.field_merged.add((kind, row_id))
    state.contributed[kind].update((OURS, THEIRS))
    for name in COLUMNS[kind].names:
        if name == "id":
            merged[name] = row_id
            continue
        if name in TIMESTAMP_COLUMNS:
            merged[name] = _later(ours.get(name), theirs.get(name))
            continue
        mine, other = ours.get(name), theirs.get(name)
        original = MISSING if base is None else base.get(name)
        if mine == other or other == original:
            merged[name] = mine
            continue
        if mine == original:
            merged[name] = other
            continue
        key = conflict_key(FIELD, kind, row_id, name)
        choice = state.choice(key)
        if isinstance(choice, ChosenValue):
            merged[name], kept = choice.value, "value"
        else:
            merged[name], kept = (other, THEIRS) if choice == THEIRS else (mine, OURS)
        values = {BASE: original, OURS: mine, THEIRS: other}
        label = state.labels.label(kind, row_id, ours)
        message = (_("Both sides added this {kind} with a different {field}.") if base is None else
                   _("Both sides changed {field}.")).format(kind=_kind_name(kind), field=field_label(kind, name))
        state.conflicts.add(Conflict(FIELD, kind, row_id, label, name, key, values,
                                     _field_texts(state, kind, name, values), kept, message, (row_id,),
                                     accepts_value=True))
    return merged


def _with_later_timestamps(first: Row, second: Row, kind: str) -> Row:
    if first == second:
        return first
    return first | {name: _later(first.get(name), second.get(name)) for name in COLUMNS[kind].timestamps}


def _kind_name(kind: str) -> str:
    from planner.commands.rows import KIND_LABELS

    return _(KIND_LABELS.get(kind, kind))


def _delete_modify(state: MergeState, kind: str, row_id: str, base: Row, present: Row, keeper: str) -> None:
    """One side deleted the row, the other (`keeper`) changed it."""
    deleter = other_side(keeper)
    key = conflict_key(DELETE_MODIFY, kind, row_id)
    choice = state.choice(key)
    if choice == keeper:
        state.merged[kind][row_id] = present
        state.contributed[kind].add(keeper)
    values = {BASE: base, keeper: present, deleter: MISSING}
    texts = {BASE: _changes_text(state, kind, base, present), keeper: _changes_text(state, kind, present, base),
             deleter: _("(deleted)")}
    message = _("{deleter} deleted this {kind}; {keeper} changed it.").format(
        deleter=side_name(deleter), keeper=side_name(keeper), kind=_kind_name(kind))
    state.conflicts.add(Conflict(DELETE_MODIFY, kind, row_id, state.labels.label(kind, row_id, present), "", key,
                                 values, texts, choice, message, (row_id,)))


def _merge_history(state: MergeState, kind: str) -> None:
    """An append-only kind: every version's rows by id, each once (ours first); counted apart from the plan's
    rows ("history_added": entries one side has that the other has not)."""
    base_rows, our_rows, their_rows = state.base[kind], state.ours[kind], state.theirs[kind]
    merged = state.merged[kind]
    for row_id in dict.fromkeys(chain(base_rows, our_rows, their_rows)):
        ours, theirs = our_rows.get(row_id), their_rows.get(row_id)
        merged[row_id] = ours or theirs or base_rows[row_id]
        state.stats["unchanged" if ours is not None and theirs is not None else "history_added"] += 1


def _merge_kind(state: MergeState, kind: str) -> None:
    """Merge every row of one kind by id."""
    if kind in APPEND_ONLY:
        _merge_history(state, kind)
        return
    base_rows, our_rows, their_rows = state.base[kind], state.ours[kind], state.theirs[kind]
    merged = state.merged[kind]
    stats = state.stats
    contributed = state.contributed[kind]
    for row_id in dict.fromkeys(chain(base_rows, our_rows, their_rows)):
        base, ours, theirs = base_rows.get(row_id), our_rows.get(row_id), their_rows.get(row_id)
        if base is None:
            if theirs is None:
                merged[row_id] = ours
                stats["added_ours"] += 1
                contributed.add(OURS)
            elif ours is None:
                merged[row_id] = theirs
                stats["added_theirs"] += 1
                contributed.add(THEIRS)
            elif same_content(ours, theirs, kind):
                merged[row_id] = _with_later_timestamps(ours, theirs, kind)
                stats["added_both"] += 1
            else:
                merged[row_id] = _merge_fields(state, kind, row_id, None, ours, theirs)
                stats["added_both"] += 1
        elif ours is None or theirs is None:
            if ours is None and theirs is None:
                stats["deleted_both"] += 1
                continue
            present, keeper = (theirs, THEIRS) if ours is None else (ours, OURS)
            if same_content(present, base, kind):
                stats["deleted_" + other_side(keeper)] += 1
            else:
                _delete_modify(state, kind, row_id, base, present, keeper)
        elif ours is theirs or ours == theirs:
            merged[row_id] = ours
            stats["unchanged" if same_content(ours, base, kind) else "changed_both"] += 1
        else:
            ours_changed = not same_content(ours, base, kind)
            theirs_changed = not same_content(theirs, base, kind)
            if ours_changed and theirs_changed:
                merged[row_id] = (_with_later_timestamps(ours, theirs, kind) if same_content(ours, theirs, kind)
                                  else _merge_fields(state, kind, row_id, base, ours, theirs))
                stats["changed_both"] += 1
            elif ours_changed:
                merged[row_id] = ours
                stats["changed_ours"] += 1
                contributed.add(OURS)
            elif theirs_changed:
                merged[row_id] = theirs
                stats["changed_theirs"] += 1
                contributed.add(THEIRS)
            else:
                merged[row_id] = _with_later_timestamps(ours, theirs, kind)
                stats["unchanged"] += 1


def _one_plan_row(base: RowsById, ours: RowsById, theirs: RowsById) -> None:
    """A plan file holds one plan row: merge the three as one row, under our id."""
    if len(ours["plan"]) != 1:
        return
    (plan_id,) = ours["plan"]
    for side in (base, theirs):
        if len(side["plan"]) == 1 and plan_id not in side["plan"]:
            (row,) = side["plan"].values()
            side["plan"] = {plan_id: row | {"id": plan_id}}


def merge_plans(base: Mapping[str, list[Row]], ours: Mapping[str, list[Row]], theirs: Mapping[str, list[Row]], *,
                prefer: str = OURS, resolutions: Mapping[str, Any] | None = None) -> MergeResult:
    """Merge two versions of a plan (`ours`, `theirs`) that share the version `base`, each given as plan tables
    (kind -> rows, values in the plan-JSON form, as plan_to_json writes them).

    Every change only one side made is kept; changes both made alike are kept once; what cannot be decided alone
    is a conflict, and the merged rows hold the `prefer`red side's version of it (or what `resolutions` chose,
    by conflict key). Then the merged whole is checked for what only merging can break: references to deleted
    rows, rules of a row, unique values, dependency cycles, a second accountable (A), funding rules."""
    from planner.merge import checks

    if prefer not in PREFERENCES:
        raise PlannerError(_("Unknown side '{side}'; use ours or theirs.").format(side=prefer))
    resolutions = dict(resolutions or {})
    base_rows, our_rows, their_rows = index_tables(base), index_tables(ours), index_tables(theirs)
    _one_plan_row(base_rows, our_rows, their_rows)
    state = MergeState(base_rows, our_rows, their_rows, prefer, resolutions)
    for kind in ENTITY_CLASSES:
        _merge_kind(state, kind)
    checks.check_merged(state)
    tables = {kind: [rows[row_id] for row_id in sorted(rows)] for kind, rows in state.merged.items()}
    stats = {name: state.stats.get(name, 0) for name in STAT_NAMES}
    return MergeResult(tables, state.conflicts.unresolved, stats, state.conflicts.resolved, prefer, resolutions,
                       (dict(base), dict(ours), dict(theirs)))


def apply_resolutions(result: MergeResult, choices: Mapping[str, Any]) -> MergeResult:
    """The merge again with some conflicts decided: `choices` maps a conflict key to "ours", "theirs" (for rule
    conflicts also "merged") or, for a field conflict, a value of its own. Earlier resolutions stay (a key
    decided before may be decided again); the result lists what is still undecided, including anything the
    choices themselves break (checked again).

    PlannerError for a key that is not a conflict of `result` or a choice that does not fit it (ValidationError,
    naming the field, for a value the field cannot hold or a reference to a row the plan does not have)."""
    decided: dict[str, Any] = {}
    for key, choice in choices.items():
        try:
            conflict = result.conflict(key)
        except KeyError:
            raise PlannerError(_("There is no unresolved conflict {key}.").format(key=key)) from None
        resolved_key, resolved_choice = conflict.resolve(choice)
        if isinstance(resolved_choice, ChosenValue):
            _check_reference(result, conflict, resolved_choice.value)
        decided[resolved_key] = resolved_choice
    base, ours, theirs = result.inputs
    return merge_plans(base, ours, theirs, prefer=result.prefer, resolutions=result.resolutions | decided)


def _check_reference(result: MergeResult, conflict: Conflict, value: Any) -> None:
    """A value of one's own for a reference must name a row of the merged plan (or of one of its versions)."""
    target = REFERENCES.get(conflict.kind, {}).get(conflict.field)
    if target is None or value is None:
        return
    if any(row["id"] == value for tables in (result.tables, *result.inputs) for row in tables.get(target, [])):
        return
    raise ValidationError({conflict.field: _("{field} refers to an item that is not in the plan.").format(
        field=field_label(conflict.kind, conflict.field))})
