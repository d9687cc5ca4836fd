"""What a merge could not decide alone: conflict types, the Conflict record, readable labels and values."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from planner.commands.rows import KIND_LABELS
from planner.errors import PlannerError, ValidationError
from planner.i18n import N_, _
from planner.model import ENTITY_CLASSES
from planner.model import vocabulary as v
from planner.model.attributes import ATTRIBUTES

Row = dict[str, Any]
RowsById = dict[str, dict[str, Row]]  # kind -> id -> row (values in their plan-JSON form)

OURS = "ours"
THEIRS = "theirs"
BASE = "base"
MERGED = "merged"  # keep the rows as merged (both sides' changes), for conflicts of a rule, not of a value
SIDES = (BASE, OURS, THEIRS)
CHOOSABLE_SIDES = (OURS, THEIRS)

# The kinds of conflict, in the order they are reported, with what each means (English source, via _()).
FIELD = "field"
DELETE_MODIFY = "delete_modify"
DELETED_PARENT = "deleted_parent"
DANGLING_REFERENCE = "dangling_reference"
ROW_RULE = "row_rule"
UNIQUE = "unique"
CYCLE = "cycle"
SECOND_ACCOUNTABLE = "second_accountable"
FUNDING_RULE = "funding_rule"
CONFLICT_TYPES: dict[str, str] = {
    FIELD: N_("same field changed differently"),
    DELETE_MODIFY: N_("deleted on one side, changed on the other"),
    DELETED_PARENT: N_("added or changed under an item the other side deleted"),
    DANGLING_REFERENCE: N_("refers to an item the other side deleted"),
    ROW_RULE: N_("changes that break a rule of the item together"),
    UNIQUE: N_("the same value used twice after merging"),
    CYCLE: N_("a dependency cycle after merging"),
    SECOND_ACCOUNTABLE: N_("a second accountable (A) after merging"),
    FUNDING_RULE: N_("a funding rule broken after merging"),
}


class _Missing:
    """The value of a side that does not have the row at all (deleted there, or never added)."""

    _instance: _Missing | None = None

    def __new__(cls) -> _Missing:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "MISSING"

    def __bool__(self) -> bool:
        return False


MISSING: Any = _Missing()


@dataclass(frozen=True)
class ChosenValue:
    """A value of one's own for a field conflict (wrap it when the value is itself the text "ours" or "theirs")."""

    value: Any


@dataclass(frozen=True)
class Conflict:
    """One conflict: which row (kind, id, readable label) and field, each side's value, what the merged plan holds.

    `values` are the sides' values in the plan-JSON form (MISSING: the side has no such row); `texts` are the
    same for display. `kept` says which version the merged rows hold (ours, theirs, merged or value) until it is
    resolved; `choices` are what `resolve` accepts (a field conflict also accepts a value of its own)."""

    conflict_type: str
    kind: str
    row_id: str
    label: str
    field: str
    key: str
    values: Mapping[str, Any]
    texts: Mapping[str, str]
    kept: str
    message: str
    involved: tuple[str, ...] = ()
    choices: tuple[str, ...] = CHOOSABLE_SIDES
    accepts_value: bool = False

    @property
    def type_label(self) -> str:
        return _(CONFLICT_TYPES.get(self.conflict_type, self.conflict_type))

    @property
    def kind_label(self) -> str:
        return _(KIND_LABELS.get(self.kind, self.kind))

    @property
    def field_label(self) -> str:
        return field_label(self.kind, self.field) if self.field else ""

    def text(self, side: str) -> str:
        return self.texts.get(side, "")

    def resolve(self, choice: Any) -> tuple[str, Any]:
        """The (key, choice) pair apply_resolutions takes; PlannerError when the choice does not fit this conflict.

        A choice is one of `choices` ("ours", "theirs", for rule conflicts also "merged"), or for a field
        conflict a value of its own (plan-JSON form or a Python value; ChosenValue for the texts "ours"/"theirs")."""
        if isinstance(choice, str) and choice in self.choices:
            return self.key, choice
        if not self.accepts_value:
            raise PlannerError(_("{key}: choose one of {choices}.").format(key=self.key, choices=", ".join(self.choices)))
        value = choice.value if isinstance(choice, ChosenValue) else choice
        return self.key, ChosenValue(checked_value(self.kind, self.field, value))

    def as_json(self) -> dict[str, Any]:
        """The conflict as JSON (keys in English; texts in the current language)."""
        return {
            "type": self.conflict_type, "key": self.key, "kind": self.kind, "id": self.row_id, "label": self.label,
            "field": self.field, "kept": self.kept, "message": self.message, "involved": list(self.involved),
            "choices": list(self.choices), "accepts_value": self.accepts_value,
            "texts": {side: self.texts.get(side, "") for side in SIDES},
            "values": {side: value for side, value in self.values.items() if value is not MISSING},
        }

    def line(self) -> str:
        """The conflict on one line: type, what, field, the three versions and what the plan holds."""
        what = f"{self.kind_label} {self.label}".strip()
        if self.field and self.conflict_type == FIELD:
            what += f" · {self.field_label}"
        versions = " · ".join(f"{_(name)}: {short(self.texts.get(side, ''))}" for side, name in
                              ((BASE, N_("base")), (OURS, N_("ours")), (THEIRS, N_("theirs"))))
        kept = _(KEPT_NAMES.get(self.kept, self.kept))
        said = "" if self.conflict_type == FIELD else f" {self.message}"
        return " ".join(f"[{self.type_label}] {what}:{said} ({versions}) → {kept}".split())


KEPT_NAMES = {
    OURS: N_("ours kept"), THEIRS: N_("theirs kept"), MERGED: N_("both sides' changes kept"),
    "value": N_("a value of its own kept"),
}


def short(text: str, limit: int = 60) -> str:
    """`text` on one line, cut to `limit` characters with an ellipsis."""
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def conflict_counts(conflicts: list[Conflict]) -> dict[str, int]:
    """How many conflicts of each type, in the order of CONFLICT_TYPES (types without any left out)."""
    counts = {name: 0 for name in CONFLICT_TYPES}
    for conflict in conflicts:
        counts[conflict.conflict_type] = counts.get(conflict.conflict_type, 0) + 1
    return {name: count for name, count in counts.items() if count}


# -- readable field names, row labels and values -------------------------------------------------------------


_FIELD_LABELS = {(kind, spec.name): spec.label for kind, specs in ATTRIBUTES.items() for spec in specs}
_CHOICES = {(kind, spec.name): spec.choices for kind, specs in ATTRIBUTES.items() for spec in specs if spec.choices}
_MONEY = {(kind, spec.name) for kind, specs in ATTRIBUTES.items() for spec in specs if spec.kind == "money"}


def _label_elsewhere(name: str) -> str | None:
    """The label the inspector gives a column of this name in some kind (role, code, title, ...), if any."""
    return next((label for (_kind, column), label in _FIELD_LABELS.items() if column == name), None)


def field_label(kind: str, name: str) -> str:
    """The translated label of a field: the inspector's; for a reference without one, the kind it refers to
    ("Initiative"); else the inspector's label of a column of that name elsewhere; else the column name."""
    label = _FIELD_LABELS.get((kind, name))
    if label:
        return _(label)
    target = REFERENCES.get(kind, {}).get(name)
    if target is not None and target in KIND_LABELS:
        text = _(KIND_LABELS[target])
        return text[:1].upper() + text[1:]
    if name == "target_id":  # comments and sticky notes: the item they are on
        return _("Item")
    label = None if name.endswith("_id") else _label_elsewhere(name)
    return _(label) if label else name


def _references_of(kind: str) -> dict[str, str]:
    """Column -> the kind it refers to, for the foreign keys of `kind`."""
    kinds = {cls.__table__.name: name for name, cls in ENTITY_CLASSES.items()}  # type: ignore[attr-defined]
    return {key.parent.name: kinds[key.column.table.name]
            for key in ENTITY_CLASSES[kind].__table__.foreign_keys}  # type: ignore[attr-defined]


REFERENCES: dict[str, dict[str, str]] = {kind: _references_of(kind) for kind in ENTITY_CLASSES}


class Labeller:
    """Readable labels of rows ('A-01 AI 돌봄 로봇', '누리 소프트', 'A-01 → A-02'), looked up in several versions."""

    def __init__(self, *versions: RowsById) -> None:
        self.versions = versions

    def row(self, kind: str, row_id: str) -> Row | None:
        for version in self.versions:
            found = version.get(kind, {}).get(row_id)
            if found is not None:
                return found
        return None

    def label(self, kind: str, row_id: str | None, row: Row | None = None) -> str:
        """The label of a row (`row` if given, else found by id), or its id when it is nowhere."""
        if row_id is None:
            return ""
        row = row if row is not None else self.row(kind, row_id)
        if row is None:
            return row_id
        return short(self._label(kind, row), 120) or row_id

    def _ref(self, kind: str, row_id: Any) -> str:
        return self.label(kind, row_id) if isinstance(row_id, str) else ""

    def _label(self, kind: str, row: Row) -> str:
        get = row.get
        if kind in ("initiative", "field", "strategy"):
            return f"{get('code', '')} {get('name', get('title', ''))}"
        if kind == "milestone":
            return f"{self.code(get('initiative_id'))}: {get('title', '')}"
        if kind == "dependency":
            return f"{self.code(get('predecessor_id'))} → {self.code(get('successor_id'))}"
        if kind == "stakeholder_relation":
            return f"{self._ref('stakeholder', get('source_id'))} → {self._ref('stakeholder', get('target_id'))}"
        if kind == "raci_role":
            return f"{self.code(get('initiative_id'))} / {self._ref('stakeholder', get('stakeholder_id'))}"
        if kind == "budget_line":
            return (f"{self.code(get('initiative_id'))} {get('fiscal_year', '')} "
                    f"{v.label(v.FUNDING_SOURCES, get('source'))}")
        if kind in ("budget_total", "baseline_budget"):
            return f"{get('fiscal_year', '')} {v.label(v.FUNDING_SOURCES, get('source'))}"
        if kind == "kpi_target":
            return f"{self._ref('kpi', get('kpi_id'))} {get('year', '')}"
        if kind in ("checklist_answer", "workshop_rating"):
            return f"{self.code(get('initiative_id'))} {get('item_key', '')}"
        if kind in ("network_position", "stakeholder_snapshot_item"):
            return self._ref("stakeholder", get("stakeholder_id"))
        if kind in ("baseline_item", "workshop_round_item"):
            return f"{get('code', '')} {get('title', '')}"
        for name in ("title", "name", "item_label", "summary", "body", "text", "key", "kind"):
            if get(name):
                return str(get(name))
        return str(get("id", ""))

    def code(self, initiative_id: Any) -> str:
        """An initiative's code (its id when it is nowhere)."""
        if not isinstance(initiative_id, str):
            return ""
        row = self.row("initiative", initiative_id)
        return str(row["code"]) if row is not None else initiative_id

    def value_text(self, kind: str, name: str, value: Any) -> str:
        """A stored value (plan-JSON form) as a user reads it: referenced rows by label, choices by label."""
        if value is MISSING:
            return _("(not there)")
        if value is None or value == "" or value == []:
            return _("(empty)")
        target = REFERENCES.get(kind, {}).get(name)
        if target is not None:
            return self.label(target, value)
        if kind in ("comment", "sticky_note") and name == "target_id":
            return value
        if isinstance(value, bool):
            return _("Yes") if value else _("No")
        choices = _CHOICES.get((kind, name))
        if choices is not None and isinstance(value, str):
            return v.label(choices, value)
        if (kind, name) in _MONEY and isinstance(value, int):
            return f"{value:,}"
        if isinstance(value, list):
            return ", ".join(str(item) for item in value)
        if isinstance(value, dict):
            return json.dumps(value, ensure_ascii=False, sort_keys=True)
        return str(value)


def checked_value(kind: str, name: str, value: Any) -> Any:
    """A value chosen for a field, in plan-JSON form, after the checks a plan file's value gets;
    ValidationError naming the field when it does not fit."""
    from planner.interchange.plan_json import DECODERS, ENCODERS, value_form

    column = ENTITY_CLASSES[kind].__table__.columns[name]  # type: ignore[attr-defined]
    form = value_form(column)
    encode = ENCODERS.get(form)
    if encode is not None and value is not None and not isinstance(value, str):
        with contextlib.suppress(TypeError, ValueError, AttributeError):
            value = encode(value)  # a Python value (YearMonth, date, Decimal, ...) to its JSON form
    if value is None:
        if column.nullable and not column.primary_key:
            return None
        raise ValidationError({name: _("{field} must not be empty.").format(field=field_label(kind, name))})
    try:
        decoded = DECODERS[form](value, column)
    except ValueError as error:
        raise ValidationError({name: f"{field_label(kind, name)} {error}"}) from None
    for spec in ATTRIBUTES.get(kind, ()):
        if spec.name == name and spec.kind != "ref":
            problem = spec.problem(decoded)
            if problem:
                raise ValidationError({name: problem})
    return value


@dataclass
class ConflictList:
    """Conflicts found while merging, split into unresolved ones and ones a resolution decided."""

    resolutions: Mapping[str, Any]
    unresolved: list[Conflict] = field(default_factory=list)
    resolved: list[Conflict] = field(default_factory=list)

    def choice(self, key: str, default: str) -> Any:
        return self.resolutions.get(key, default)

    def add(self, conflict: Conflict) -> None:
        (self.resolved if conflict.key in self.resolutions else self.unresolved).append(conflict)
