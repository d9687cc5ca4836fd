"""Read and validate guideline profile files (YAML), list the built-in and user profiles, copy one to edit it."""

from __future__ import annotations

import contextlib
import difflib
import os
import re
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from planner.errors import NotFoundError, PlannerError
from planner.guidelines.profile import (
    BLOCKS,
    CHECKS,
    COVER_BLOCKS,
    DERIVED_FIELDS,
    NUMBERING_SCHEMES,
    PROFILE_FORMAT,
    PROFILE_FORMAT_VERSION,
    SEVERITIES,
    CheckSpec,
    CoverSpec,
    GuidelineProfile,
    LocalText,
    SectionSpec,
)
from planner.i18n import N_, SUPPORTED_LANGUAGES, _

MAX_PROFILE_BYTES = 1_000_000
PROFILE_SUFFIX = ".yaml"
PROFILE_ID_PATTERN = re.compile(r"^[a-z][a-z0-9-]{1,79}$")
SECTION_KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_.-]{0,79}$")  # narrative keys are stored in 80 characters
MAX_SECTION_DEPTH = 9  # Ⅰ. 1. 가. 1) 가) (1) (가) ① ㉮
MAX_YAML_DEPTH = 64  # nested mappings and lists; nine section levels need about twenty
MAX_YAML_EVENTS = 20_000  # values, mappings and lists; the largest built-in profile has about 700
MAX_TITLE_LENGTH = 200
MAX_TEXT_LENGTH = 4000
MAX_LISTED_PROBLEMS = 5  # in the one-line message; `problems` holds them all
MAX_PROBLEMS = 100  # reading stops after this many: the file is not a profile
DEFAULT_COVER_BLOCKS = ("title", "subtitle", "region", "date", "lead_organisation", "contact")
# The profile a plan falls back on when it names none (or one that is not installed).
DEFAULT_PROFILE_FOR_PLAN_TYPE = {
    "master": "kr-master-plan",
    "project": "kr-master-plan",
    "isp": "kr-master-plan",
    "annual": "kr-annual-implementation",
}
FALLBACK_PROFILE_ID = "kr-master-plan"

_TOP_LEVEL_KEYS = ("format", "format_version", "id", "name", "description", "plan_type", "language", "numbering",
                   "cover", "required_fields", "checks", "sections")
_TOP_LEVEL_REQUIRED = ("format", "format_version", "id", "name", "plan_type", "language", "sections")
_SECTION_KEYS = ("key", "title", "narrative", "block", "sections", "options", "hint", "appendix")
_COVER_KEYS = ("blocks", "approval_columns")
_NULL_TAG = "tag:yaml.org,2002:null"
_NULL_SPELLINGS = ("", "~", "null", "Null", "NULL")

# What the `what` of an "unknown value" message names (English source; shown through _()).
WHAT_PLAN_TYPE = N_("plan type")
WHAT_LANGUAGE = N_("report language")
WHAT_NUMBERING = N_("numbering scheme")
WHAT_COVER_BLOCK = N_("cover block")
WHAT_FIELD = N_("initiative field")
WHAT_CHECK = N_("check id")
WHAT_SEVERITY = N_("severity")
WHAT_BLOCK = N_("block id")
WHAT_SECTOR = N_("sector")


@dataclass(frozen=True)
class ParamSpec:
    """One parameter of a check: its kind (int, number, bool, field, texts, sectors), default and bounds."""

    kind: str
    default: Any = None
    minimum: float | None = None
    maximum: float | None = None
    required: bool = False
    nullable: bool = False


# The parameters each check takes (docs/guideline-profiles.md explains them). Checks not listed take none.
# The loader fills in every default, so a check reads `spec.params[name]` without guessing.
CHECK_PARAMS: dict[str, dict[str, ParamSpec]] = {
    "duplicates": {
        "title_similarity": ParamSpec("number", 0.9, 0.0, 1.0),
        "purpose_similarity": ParamSpec("number", 0.9, 0.0, 1.0),
    },
    "submission_deadline": {
        "month": ParamSpec("int", 9, 1, 12),
        "day": ParamSpec("int", 10, 1, 31),
        "year_offset": ParamSpec("int", -1, -5, 5),
    },
    "plan_period": {
        "min_years": ParamSpec("int", 1, 1, 30),
        "max_years": ParamSpec("int", 10, 1, 30),
    },
    "allowed_values": {
        "field": ParamSpec("field", required=True),
        "values": ParamSpec("texts", required=True),
    },
    "partners": {
        "sectors": ParamSpec("sectors", ()),
        "min": ParamSpec("int", 1, 1, 100),
    },
    "programme_funding": {  # as a FundingRule of the plan, applied to every initiative
        "min_national_share_percent": ParamSpec("int", None, 0, 100, nullable=True),
        "max_national_share_percent": ParamSpec("int", None, 0, 100, nullable=True),
        "max_per_year_krw": ParamSpec("int", None, 0, 10**15, nullable=True),
        "max_years": ParamSpec("int", None, 1, 30, nullable=True),
    },
    "narrative_written": {
        "min_characters": ParamSpec("int", 1, 1, 100_000),
    },
}
_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # a deadline must exist every year


@dataclass(frozen=True)
class ProfileProblem:
    """One thing wrong in a profile file, where it is (1-based line and column) and what it is."""

    line: int
    column: int
    where: str  # the path of the value, e.g. "sections[3].block"; "" for the file as a whole
    message: str

    def __str__(self) -> str:
        if self.line <= 0:
            return self.message
        if not self.where:
            return _("line {line}, column {column}: {message}").format(
                line=self.line, column=self.column, message=self.message)
        return _("line {line}, column {column} ({where}): {message}").format(
            line=self.line, column=self.column, where=self.where, message=self.message)

    def as_json(self) -> dict[str, Any]:
        return {"line": self.line, "column": self.column, "where": self.where, "message": self.message}


class ProfileError(PlannerError):
    """A profile file that cannot be used; `problems` holds every problem found, not only the first."""

    def __init__(self, source: Path | None, problems: Iterable[ProfileProblem]) -> None:
        self.source = source
        self.problems = list(problems)
        shown = "; ".join(str(problem) for problem in self.problems[:MAX_LISTED_PROBLEMS])
        if len(self.problems) > MAX_LISTED_PROBLEMS:
            shown = _("{problems} (and {count} more)").format(
                problems=shown, count=len(self.problems) - MAX_LISTED_PROBLEMS)
        super().__init__(f"{source}: {shown}" if source is not None else shown)


class ProfileCopyError(PlannerError):
    """A profile could not be copied (bad or taken id, existing file, disk error); nothing was written."""


# -- reading YAML safely -------------------------------------------------------------------------------------


def _line_of(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    line = before.count("\n") + 1
    return line, offset - (before.rfind("\n") + 1) + 1


def _compose(text: str) -> tuple[Node | None, list[ProfileProblem]]:
    """The YAML node tree (every value with its position), refusing anchors, aliases and tags."""
    try:
        problems = []
        depth = 0
        for count, event in enumerate(yaml.parse(text, Loader=yaml.SafeLoader)):
            mark = event.start_mark
            if count >= MAX_YAML_EVENTS:  # stop early: reading a megabyte of YAML takes seconds
                return None, [ProfileProblem(mark.line + 1, mark.column + 1, "", _(
                    "The file holds more than {count} values; a profile is much smaller.").format(
                    count=f"{MAX_YAML_EVENTS:,}"))]
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_YAML_DEPTH:  # stop early: the scanner slows down with every open bracket
                    return None, [ProfileProblem(mark.line + 1, mark.column + 1, "", _(
                        "The file is nested too deeply to be a profile."))]
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                problems.append(ProfileProblem(mark.line + 1, mark.column + 1, "",
                                               _("Anchors and aliases (& and *) are not allowed in a profile.")))
            elif getattr(event, "tag", None) and not isinstance(event, yaml.DocumentStartEvent):
                problems.append(ProfileProblem(mark.line + 1, mark.column + 1, "",
                                               _("Tags such as {tag} are not allowed in a profile.").format(
                                                   tag=event.tag)))
            if len(problems) >= MAX_PROBLEMS:
                return None, [*problems, _stopped_problem()]
        if problems:
            return None, problems
        return yaml.compose(text, Loader=yaml.SafeLoader), []
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = " ".join(part for part in (error.context, error.problem) if part) or str(error)
        message = _("The file is not valid YAML: {problem}").format(problem=problem)
        return None, [ProfileProblem(mark.line + 1 if mark else 0, mark.column + 1 if mark else 0, "", message)]
    except yaml.reader.ReaderError as error:
        line, column = _line_of(text, error.position)
        code = f"U+{error.character:04X}" if isinstance(error.character, int) else str(error.character)
        message = _("The file holds a character a profile cannot hold (code {code}).").format(code=code)
        return None, [ProfileProblem(line, column, "", message)]
    except yaml.YAMLError as error:
        return None, [ProfileProblem(0, 0, "", _("The file is not valid YAML: {problem}").format(problem=error))]
    except RecursionError:
        return None, [ProfileProblem(0, 0, "", _("The file is nested too deeply to be a profile."))]


class _TooManyProblems(Exception):
    """Reading stopped: the file has MAX_PROBLEMS problems already."""


def _stopped_problem() -> ProfileProblem:
    return ProfileProblem(0, 0, "", _("Reading stopped after {count} problems.").format(count=MAX_PROBLEMS))


class _Reader:
    """Walks the YAML nodes of a profile, turning values into Python and collecting every problem."""

    def __init__(self) -> None:
        self.problems: list[ProfileProblem] = []
        self._constructor = yaml.constructor.SafeConstructor()

    def problem(self, node: Node, where: str, message: str) -> None:
        self.problems.append(ProfileProblem(node.start_mark.line + 1, node.start_mark.column + 1, where, message))
        if len(self.problems) >= MAX_PROBLEMS:
            raise _TooManyProblems

    # -- shapes

    def mapping(self, node: Node, where: str, allowed: Iterable[str], required: Iterable[str] = ()
                ) -> dict[str, tuple[Node, Node]] | None:
        """The entries of a mapping by key (key node, value node); unknown, repeated and missing keys reported."""
        if not isinstance(node, MappingNode):
            self.problem(node, where, _("Expected a mapping (key: value)."))
            return None
        allowed = tuple(allowed)
        entries: dict[str, tuple[Node, Node]] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.problem(key_node, where, _("Keys must be text."))
                continue
            key = key_node.value
            path = f"{where}.{key}" if where else key
            if key in entries:
                self.problem(key_node, path, _("The key '{key}' appears twice (first on line {line}).").format(
                    key=key, line=entries[key][0].start_mark.line + 1))
                continue
            if allowed and key not in allowed:
                self.problem(key_node, path, _("Unknown key '{key}'; allowed here: {allowed}.").format(
                    key=key, allowed=", ".join(allowed)))
                continue
            entries[key] = (key_node, value_node)
        for key in required:
            if key not in entries:
                self.problem(node, where, _("The key '{key}' is missing.").format(key=key))
        return entries

    def sequence(self, node: Node, where: str, *, allow_empty: bool = True) -> list[Node] | None:
        if not isinstance(node, SequenceNode):
            self.problem(node, where, _("Expected a list (lines starting with '- ')."))
            return None
        if not node.value and not allow_empty:
            self.problem(node, where, _("The list is empty."))
        return list(node.value)

    # -- scalars

    @staticmethod
    def _is_null(node: Node) -> bool:
        return isinstance(node, ScalarNode) and node.tag == _NULL_TAG and node.style is None \
            and node.value in _NULL_SPELLINGS

    def text(self, node: Node, where: str, *, max_length: int = MAX_TITLE_LENGTH, multiline: bool = False,
             required: bool = True) -> str | None:
        """Any plain or quoted scalar as the text it spells (`2024`, `yes` stay text)."""
        if not isinstance(node, ScalarNode):
            self.problem(node, where, _("Expected text."))
            return None
        if self._is_null(node):
            if required:
                self.problem(node, where, _("This must not be empty."))
            return None
        value = node.value if multiline else node.value.strip()
        if required and not value.strip():
            self.problem(node, where, _("This must not be empty."))
            return None
        if len(value) > max_length:
            self.problem(node, where, _("This text is too long ({length} characters; at most {limit}).").format(
                length=len(value), limit=max_length))
            return None
        allowed_controls = "\n\t" if multiline else ""
        if any(ord(character) < 32 and character not in allowed_controls for character in value):
            self.problem(node, where, _("This text must be on one line, without control characters."))
            return None
        return value

    def _scalar(self, node: Node) -> Any:
        try:
            return self._constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, OverflowError):
            return node.value

    def integer(self, node: Node, where: str, minimum: float | None = None, maximum: float | None = None
                ) -> int | None:
        value = self._scalar(node) if isinstance(node, ScalarNode) else None
        if not isinstance(value, int) or isinstance(value, bool):
            self.problem(node, where, _("Expected a whole number."))
            return None
        return value if self._in_range(node, where, value, minimum, maximum) else None

    def number(self, node: Node, where: str, minimum: float | None = None, maximum: float | None = None
               ) -> float | int | None:
        value = self._scalar(node) if isinstance(node, ScalarNode) else None
        if not isinstance(value, int | float) or isinstance(value, bool) or value != value:
            self.problem(node, where, _("Expected a number."))
            return None
        return value if self._in_range(node, where, value, minimum, maximum) else None

    def _in_range(self, node: Node, where: str, value: float, minimum: float | None, maximum: float | None) -> bool:
        if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
            if maximum is None:
                message = _("The value must be at least {minimum}.").format(minimum=minimum)
            else:
                message = _("The value must be between {minimum} and {maximum}.").format(minimum=minimum,
                                                                                       maximum=maximum)
            self.problem(node, where, message)
            return False
        return True

    def boolean(self, node: Node, where: str) -> bool | None:
        value = self._scalar(node) if isinstance(node, ScalarNode) else None
        if not isinstance(value, bool):
            self.problem(node, where, _("Expected true or false."))
            return None
        return value

    def choice(self, node: Node, where: str, choices: Iterable[str], what: str) -> str | None:
        value = self.text(node, where)
        if value is None:
            return None
        choices = tuple(choices)
        if value in choices:
            return value
        if len(choices) <= 12:
            message = _("Unknown {what} '{value}'; choose one of: {choices}.").format(
                what=_(what), value=value, choices=", ".join(choices))
        else:
            close = difflib.get_close_matches(value, choices, n=1)
            if close:
                message = _("Unknown {what} '{value}'; did you mean '{suggestion}'?").format(
                    what=_(what), value=value, suggestion=close[0])
            else:
                message = _("Unknown {what} '{value}'; docs/guideline-profiles.md lists them.").format(
                    what=_(what), value=value)
        self.problem(node, where, message)
        return None

    def choices(self, node: Node, where: str, choices: Iterable[str], what: str, *, allow_empty: bool = True
                ) -> tuple[str, ...] | None:
        items = self.sequence(node, where, allow_empty=allow_empty)
        if items is None:
            return None
        values: list[str] = []
        choices = tuple(choices)
        for index, item in enumerate(items):
            value = self.choice(item, f"{where}[{index}]", choices, what)
            if value is None:
                continue
            if value in values:
                self.problem(item, f"{where}[{index}]", _("'{value}' is listed twice.").format(value=value))
                continue
            values.append(value)
        return tuple(values)

    def local_text(self, node: Node, where: str, *, max_length: int = MAX_TITLE_LENGTH, multiline: bool = False,
                   required: bool = True) -> LocalText | None:
        """{ko: ..., en: ...}: at least one language when required."""
        entries = self.mapping(node, where, SUPPORTED_LANGUAGES)
        if entries is None:
            return None
        problems_before = len(self.problems)
        values: dict[str, str] = {}
        for language, (_key, value_node) in entries.items():
            value = self.text(value_node, f"{where}.{language}", max_length=max_length, multiline=multiline,
                              required=False)
            if value:
                values[language] = value
        if required and not values:
            if len(self.problems) == problems_before:
                self.problem(node, where, _("Give the text in at least one language (ko or en)."))
            return None
        return LocalText(values)


# -- the profile ---------------------------------------------------------------------------------------------


def _initiative_fields() -> dict[str, str]:
    from planner.model.attributes import ATTRIBUTES

    return {spec.name: spec.kind for spec in ATTRIBUTES["initiative"]}


def _initiative_choices(name: str) -> dict[str, str] | None:
    from planner.model.attributes import ATTRIBUTES

    return next((spec.choices for spec in ATTRIBUTES["initiative"] if spec.name == name), None)


def _check_params(reader: _Reader, check_id: str, entries: dict[str, tuple[Node, Node]], node: Node,
                  where: str) -> dict[str, Any]:
    from planner.model.vocabulary import SECTORS

    specs = CHECK_PARAMS.get(check_id, {})
    params: dict[str, Any] = {}
    for name, spec in specs.items():
        if name not in entries:
            if spec.required:
                reader.problem(node, where, _("The key '{key}' is missing.").format(key=name))
            params[name] = spec.default
            continue
        value_node = entries[name][1]
        path = f"{where}.{name}"
        value: Any = None
        if spec.nullable and reader._is_null(value_node):
            value = None
        elif spec.kind == "int":
            value = reader.integer(value_node, path, spec.minimum, spec.maximum)
        elif spec.kind == "number":
            value = reader.number(value_node, path, spec.minimum, spec.maximum)
        elif spec.kind == "bool":
            value = reader.boolean(value_node, path)
        elif spec.kind == "field":
            fields = _initiative_fields()
            value = reader.choice(value_node, path, fields, WHAT_FIELD)
            if value is not None and fields[value] not in ("text", "choice"):
                reader.problem(value_node, path, _("The field '{field}' does not hold one value of a list; choose "
                                                   "a text or choice field.").format(field=value))
                value = None
        elif spec.kind == "texts":
            items = reader.sequence(value_node, path, allow_empty=False)
            texts = []
            for index, item in enumerate(items or ()):
                text = reader.text(item, f"{path}[{index}]")
                if text is not None and text in texts:
                    reader.problem(item, f"{path}[{index}]", _("'{value}' is listed twice.").format(value=text))
                elif text is not None:
                    texts.append(text)
            value = tuple(texts)
        elif spec.kind == "sectors":
            value = reader.choices(value_node, path, SECTORS, WHAT_SECTOR)
        params[name] = value
    # Rules between parameters.
    if check_id == "plan_period" and isinstance(params.get("min_years"), int) \
            and isinstance(params.get("max_years"), int) and params["min_years"] > params["max_years"]:
        reader.problem(node, where, _("min_years is larger than max_years."))
    if check_id == "programme_funding" and isinstance(params.get("min_national_share_percent"), int) \
            and isinstance(params.get("max_national_share_percent"), int) \
            and params["min_national_share_percent"] > params["max_national_share_percent"]:
        reader.problem(node, where, _("min_national_share_percent is larger than max_national_share_percent."))
    if check_id == "submission_deadline" and isinstance(params.get("month"), int) \
            and isinstance(params.get("day"), int) and params["day"] > _DAYS_IN_MONTH[params["month"] - 1]:
        reader.problem(node, where, _("Month {month} has no day {day} every year.").format(
            month=params["month"], day=params["day"]))
    if check_id == "allowed_values" and isinstance(params.get("field"), str) and params.get("values"):
        choices = _initiative_choices(params["field"])
        for value in params["values"]:
            if choices is not None and value not in choices:
                reader.problem(entries["values"][1], f"{where}.values",
                               _("'{value}' is not a value of {field}; choose among: {choices}.").format(
                                   value=value, field=params["field"], choices=", ".join(choices)))
    return params


def _read_checks(reader: _Reader, node: Node) -> dict[str, CheckSpec]:
    entries = reader.mapping(node, "checks", ())
    checks: dict[str, CheckSpec] = {}
    for check_id, (key_node, value_node) in (entries or {}).items():
        where = f"checks.{check_id}"
        if check_id not in CHECKS:
            reader.choice(key_node, where, CHECKS, WHAT_CHECK)
            continue
        params = CHECK_PARAMS.get(check_id, {})
        if isinstance(value_node, ScalarNode):
            reader.problem(value_node, where, _("Write the check as a mapping, e.g. 'severity: error'."))
            continue
        settings = reader.mapping(value_node, where, ("severity", *params), ("severity",))
        if settings is None:
            continue
        severity = reader.choice(settings["severity"][1], f"{where}.severity", SEVERITIES, WHAT_SEVERITY) \
            if "severity" in settings else None
        values = _check_params(reader, check_id, settings, value_node, where)
        if severity is not None:
            checks[check_id] = CheckSpec(check_id, severity, MappingProxyType(values))
    return checks


def _read_cover(reader: _Reader, node: Node) -> CoverSpec:
    entries = reader.mapping(node, "cover", _COVER_KEYS, ("blocks",))
    if entries is None:
        return CoverSpec(DEFAULT_COVER_BLOCKS)
    blocks: tuple[str, ...] = ()
    if "blocks" in entries:
        blocks = reader.choices(entries["blocks"][1], "cover.blocks", COVER_BLOCKS, WHAT_COVER_BLOCK,
                                allow_empty=False) or ()
    columns: list[LocalText] = []
    problems_before = len(reader.problems)
    if "approval_columns" in entries:
        for index, item in enumerate(reader.sequence(entries["approval_columns"][1], "cover.approval_columns")
                                     or ()):
            column = reader.local_text(item, f"cover.approval_columns[{index}]", max_length=40)
            if column is not None:
                columns.append(column)
    if "approval_box" in blocks and not columns and len(reader.problems) == problems_before:
        reader.problem(node, "cover", _("The cover has an approval box; list its columns under "
                                        "approval_columns."))
    return CoverSpec(blocks, tuple(columns))


class _SectionReader:
    """Reads the section tree, checking keys and narratives are unique and appendices come last."""

    def __init__(self, reader: _Reader) -> None:
        self.reader = reader
        self.keys: dict[str, int] = {}
        self.narratives: dict[str, int] = {}

    def read_list(self, node: Node, where: str, depth: int) -> tuple[SectionSpec, ...]:
        reader = self.reader
        items = reader.sequence(node, where, allow_empty=False)
        if items is None:
            return ()
        if depth > MAX_SECTION_DEPTH:
            reader.problem(node, where, _("Sections are nested too deeply (at most {limit} levels).").format(
                limit=MAX_SECTION_DEPTH))
            return ()
        sections = []
        seen_appendix = False
        for index, item in enumerate(items):
            section = self.read_section(item, f"{where}[{index}]", depth)
            if section is None:
                continue
            if section.appendix:
                seen_appendix = True
            elif seen_appendix:
                reader.problem(item, f"{where}[{index}]",
                               _("A body section cannot follow an appendix; put the appendices last."))
            sections.append(section)
        return tuple(sections)

    def read_section(self, node: Node, where: str, depth: int) -> SectionSpec | None:
        reader = self.reader
        entries = reader.mapping(node, where, _SECTION_KEYS, ("key", "title"))
        if entries is None:
            return None
        line = node.start_mark.line + 1
        key = None
        if "key" in entries:
            key_node = entries["key"][1]
            key = reader.text(key_node, f"{where}.key", max_length=80)
            if key is not None and not SECTION_KEY_PATTERN.match(key):
                reader.problem(key_node, f"{where}.key", _("The section key '{key}' is not valid: use lower-case "
                                                           "letters, digits, '.', '_' and '-', starting with a "
                                                           "letter.").format(key=key))
                key = None
            elif key is not None and key in self.keys:
                reader.problem(key_node, f"{where}.key", _("The section key '{key}' is used twice (first on "
                                                           "line {line}).").format(key=key, line=self.keys[key]))
                key = None
            elif key is not None:
                self.keys[key] = key_node.start_mark.line + 1
        title = reader.local_text(entries["title"][1], f"{where}.title") if "title" in entries else None
        contents = sorted((name for name in ("narrative", "block", "sections") if name in entries),
                          key=lambda name: entries[name][0].start_mark.index)
        if len(contents) > 1:
            reader.problem(entries[contents[1]][0], f"{where}.{contents[1]}",
                           _("A section holds one of narrative, block or sections; this one has {keys}.").format(
                               keys=", ".join(contents)))
        elif not contents:
            reader.problem(node, where, _("A section needs a narrative, a block or sections."))
        narrative = block = None
        children: tuple[SectionSpec, ...] = ()
        if "narrative" in entries:
            narrative_node = entries["narrative"][1]
            narrative = reader.text(narrative_node, f"{where}.narrative", max_length=80)
            if narrative is not None and not SECTION_KEY_PATTERN.match(narrative):
                reader.problem(narrative_node, f"{where}.narrative", _(
                    "The narrative key '{key}' is not valid: use lower-case letters, digits, '.', '_' and '-', "
                    "starting with a letter.").format(key=narrative))
                narrative = None
            elif narrative is not None and narrative in self.narratives:
                reader.problem(narrative_node, f"{where}.narrative", _(
                    "The narrative '{key}' is used by two sections (first on line {line}).").format(
                    key=narrative, line=self.narratives[narrative]))
                narrative = None
            elif narrative is not None:
                self.narratives[narrative] = narrative_node.start_mark.line + 1
        if "block" in entries:
            block = reader.choice(entries["block"][1], f"{where}.block", BLOCKS, WHAT_BLOCK)
        if "sections" in entries:
            children = self.read_list(entries["sections"][1], f"{where}.sections", depth + 1)
        options: Mapping[str, Any] = MappingProxyType({})
        if "options" in entries:
            options = self.read_options(entries["options"], where, has_block="block" in entries)
        hint = LocalText({})
        if "hint" in entries:
            hint = reader.local_text(entries["hint"][1], f"{where}.hint", max_length=MAX_TEXT_LENGTH,
                                     multiline=True, required=False) or hint
        appendix = False
        if "appendix" in entries:
            appendix = bool(reader.boolean(entries["appendix"][1], f"{where}.appendix"))
            if appendix and depth > 1:
                reader.problem(entries["appendix"][0], f"{where}.appendix",
                               _("Only top-level sections can be appendices."))
                appendix = False
        if key is None or title is None:
            return None
        return SectionSpec(key=key, title=title, narrative=narrative, block=block, options=options, hint=hint,
                           appendix=appendix, children=children, line=line)

    def read_options(self, entry: tuple[Node, Node], where: str, *, has_block: bool) -> Mapping[str, Any]:
        reader = self.reader
        key_node, node = entry
        if not has_block:
            reader.problem(key_node, f"{where}.options", _("Options are only for sections with a block."))
            return MappingProxyType({})
        entries = reader.mapping(node, f"{where}.options", ())
        options: dict[str, Any] = {}
        for name, (_option_key, value_node) in (entries or {}).items():
            path = f"{where}.options.{name}"
            if isinstance(value_node, ScalarNode):
                options[name] = None if reader._is_null(value_node) else reader._scalar(value_node)
            elif isinstance(value_node, SequenceNode) and all(isinstance(item, ScalarNode)
                                                              for item in value_node.value):
                options[name] = tuple(reader._scalar(item) for item in value_node.value)
            else:
                reader.problem(value_node, path, _("An option holds a value or a list of values."))
        return MappingProxyType(options)


@dataclass(frozen=True)
class _Loaded:
    profile: GuidelineProfile
    id_line: int
    id_column: int


def _read(text: str, source: Path | None, builtin: bool) -> _Loaded:
    root, problems = _compose(text)
    if problems:
        raise ProfileError(source, problems)
    if root is None:
        raise ProfileError(source, [ProfileProblem(1, 1, "", _("The file is empty."))])
    reader = _Reader()
    try:
        return _read_root(reader, root, source, builtin)
    except _TooManyProblems:
        raise ProfileError(source, [*_in_line_order(reader.problems), _stopped_problem()]) from None


def _in_line_order(problems: list[ProfileProblem]) -> list[ProfileProblem]:
    return sorted(problems, key=lambda problem: (problem.line, problem.column))


def _read_root(reader: _Reader, root: Node, source: Path | None, builtin: bool) -> _Loaded:
    from planner.model.vocabulary import PLAN_TYPES

    entries = reader.mapping(root, "", _TOP_LEVEL_KEYS, _TOP_LEVEL_REQUIRED)
    if entries is None:
        raise ProfileError(source, reader.problems)

    def node(key: str) -> Node | None:
        return entries[key][1] if key in entries else None

    values: dict[str, Any] = {}
    if (format_node := node("format")) is not None:
        value = reader.text(format_node, "format")
        if value is not None and value != PROFILE_FORMAT:
            reader.problem(format_node, "format", _("The format must be '{format}'.").format(format=PROFILE_FORMAT))
    if (version_node := node("format_version")) is not None:
        version = reader.integer(version_node, "format_version", 1)
        if version is not None and version > PROFILE_FORMAT_VERSION:
            reader.problem(version_node, "format_version", _(
                "Format version {version} is newer than this application reads (up to {supported}); "
                "update the application.").format(version=version, supported=PROFILE_FORMAT_VERSION))
    id_line = id_column = 0
    if (id_node := node("id")) is not None:
        id_line, id_column = id_node.start_mark.line + 1, id_node.start_mark.column + 1
        values["id"] = reader.text(id_node, "id", max_length=80)
        if values["id"] is not None and not PROFILE_ID_PATTERN.match(values["id"]):
            reader.problem(id_node, "id", _invalid_id_message(values["id"]))
            values["id"] = None
    if (name_node := node("name")) is not None:
        values["name"] = reader.local_text(name_node, "name")
    values["description"] = LocalText({})
    if (description_node := node("description")) is not None:
        values["description"] = reader.local_text(description_node, "description", max_length=MAX_TEXT_LENGTH,
                                                  multiline=True, required=False)
    if (plan_type_node := node("plan_type")) is not None:
        values["plan_type"] = reader.choice(plan_type_node, "plan_type", PLAN_TYPES, WHAT_PLAN_TYPE)
    if (language_node := node("language")) is not None:
        values["language"] = reader.choice(language_node, "language", SUPPORTED_LANGUAGES, WHAT_LANGUAGE)
    values["numbering"] = values.get("language") or "ko"
    if (numbering_node := node("numbering")) is not None:
        values["numbering"] = reader.choice(numbering_node, "numbering", NUMBERING_SCHEMES, WHAT_NUMBERING)
    values["cover"] = CoverSpec(DEFAULT_COVER_BLOCKS)
    if (cover_node := node("cover")) is not None:
        values["cover"] = _read_cover(reader, cover_node)
    values["required_fields"] = ()
    if (fields_node := node("required_fields")) is not None:
        values["required_fields"] = reader.choices(fields_node, "required_fields",
                                                   [*_initiative_fields(), *DERIVED_FIELDS], WHAT_FIELD)
    values["checks"] = {}
    if (checks_node := node("checks")) is not None:
        values["checks"] = _read_checks(reader, checks_node)
    values["sections"] = ()
    if (sections_node := node("sections")) is not None:
        values["sections"] = _SectionReader(reader).read_list(sections_node, "sections", 1)

    if reader.problems:
        raise ProfileError(source, _in_line_order(reader.problems))
    profile = GuidelineProfile(
        id=values["id"], name=values["name"], description=values["description"], plan_type=values["plan_type"],
        language=values["language"], numbering=values["numbering"], cover=values["cover"],
        required_fields=values["required_fields"], checks=MappingProxyType(values["checks"]),
        sections=values["sections"], source=source, builtin=builtin)
    return _Loaded(profile, id_line, id_column)


def _invalid_id_message(profile_id: str) -> str:
    return _("The id '{id}' is not valid: use 2 to 80 lower-case letters, digits and hyphens, starting with a "
             "letter.").format(id=profile_id)


def load_profile_text(text: str, source: Path | None = None, *, builtin: bool = False) -> GuidelineProfile:
    """The validated profile written in `text`; ProfileError listing every problem with its line."""
    return _read(text, source, builtin).profile


def _read_file_text(path: Path) -> str:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_PROFILE_BYTES + 1)
    except OSError as error:
        raise ProfileError(path, [ProfileProblem(0, 0, "", _("The file cannot be read: {reason}").format(
            reason=error.strerror or error))]) from error
    if len(data) > MAX_PROFILE_BYTES:
        raise ProfileError(path, [ProfileProblem(0, 0, "", _(
            "The file is larger than {limit} bytes; a profile is a small text file.").format(
            limit=f"{MAX_PROFILE_BYTES:,}"))])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise ProfileError(path, [ProfileProblem(line, column, "", _(
            "The file is not UTF-8 text; save it as UTF-8."))]) from None


def _load_file(path: Path, *, builtin: bool = False) -> _Loaded:
    return _read(_read_file_text(path), path, builtin)


def load_profile_file(path: Path | str) -> GuidelineProfile:
    """The validated profile in a file (at most 1 MB of UTF-8 YAML); ProfileError naming the lines."""
    return _load_file(Path(path)).profile


# -- where profiles live -------------------------------------------------------------------------------------


def builtin_profiles_dir() -> Path:
    from planner.resources import resource_path

    return resource_path("guidelines")


@cache
def _builtins() -> tuple[tuple[GuidelineProfile, ...], tuple[ProfileError, ...]]:
    profiles: list[GuidelineProfile] = []
    errors: list[ProfileError] = []
    for path in sorted(builtin_profiles_dir().glob(f"*{PROFILE_SUFFIX}")):
        try:
            profiles.append(_load_file(path, builtin=True).profile)
        except ProfileError as error:
            errors.append(error)
    return tuple(profiles), tuple(errors)


def builtin_profiles() -> tuple[GuidelineProfile, ...]:
    """The profiles shipped with the application (read once); a broken shipped file raises its ProfileError."""
    profiles, errors = _builtins()
    if errors:
        raise errors[0]
    return profiles


def user_profiles_dir() -> Path:
    """The folder of the user's own profiles: 'guidelines' in the application's data folder (not created here)."""
    from planner.storage.working import data_dir

    return data_dir() / "guidelines"


def all_profiles() -> tuple[list[GuidelineProfile], list[ProfileError]]:
    """The built-in profiles, then the user's (*.yaml in user_profiles_dir(), by file name), and every broken file.

    A broken user file, or one whose id is already taken, is reported in the second list; nothing raises.
    """
    builtins, builtin_errors = _builtins()
    profiles = list(builtins)
    errors = list(builtin_errors)
    taken = {profile.id: profile for profile in profiles}
    folder = user_profiles_dir()
    try:
        paths = sorted(path for path in folder.glob(f"*{PROFILE_SUFFIX}") if path.is_file())
    except OSError:
        paths = []
    for path in paths:
        try:
            loaded = _load_file(path)
        except ProfileError as error:
            errors.append(error)
            continue
        profile = loaded.profile
        other = taken.get(profile.id)
        if other is not None:
            message = (_("The id '{id}' is the id of a built-in profile; give the copy its own id.")
                       if other.builtin else
                       _("The id '{id}' is already used by {file}.")).format(id=profile.id, file=other.source)
            errors.append(ProfileError(path, [ProfileProblem(loaded.id_line, loaded.id_column, "id", message)]))
            continue
        taken[profile.id] = profile
        profiles.append(profile)
    return profiles, errors


def find_profile(profile_id: str) -> GuidelineProfile:
    """The profile with this id (built-in or the user's); NotFoundError, or the ProfileError of its broken file."""
    profiles, errors = all_profiles()
    for profile in profiles:
        if profile.id == profile_id:
            return profile
    for error in errors:
        if error.source is not None and error.source.name == f"{profile_id}{PROFILE_SUFFIX}":
            raise error
    raise NotFoundError(_("There is no guideline profile '{id}'; the profiles are: {ids}.").format(
        id=profile_id, ids=", ".join(profile.id for profile in profiles)))


def profile_for_plan(plan_type: str, profile_id: str | None) -> GuidelineProfile:
    """The plan's own profile when it is installed and sound, else the built-in default for its plan type."""
    if profile_id:
        with contextlib.suppress(NotFoundError, ProfileError):
            return find_profile(profile_id)
    default_id = DEFAULT_PROFILE_FOR_PLAN_TYPE.get(plan_type, FALLBACK_PROFILE_ID)
    builtins = {profile.id: profile for profile in builtin_profiles()}
    return builtins.get(default_id) or builtins[FALLBACK_PROFILE_ID]


# -- copying -------------------------------------------------------------------------------------------------


def _renamed_text(text: str, new_id: str) -> str:
    """The profile text with its id and names changed in place; comments and layout kept."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    replacements: list[tuple[int, int, str]] = []
    assert isinstance(root, MappingNode)
    for key_node, value_node in root.value:
        if key_node.value == "id" and isinstance(value_node, ScalarNode):
            replacements.append((value_node.start_mark.index, value_node.end_mark.index, new_id))
        elif key_node.value == "name" and isinstance(value_node, MappingNode):
            for _language, text_node in value_node.value:
                if isinstance(text_node, ScalarNode) and text_node.value.strip():
                    renamed = f"{text_node.value.strip()} ({new_id})"
                    end = text_node.end_mark.index
                    kept_newline = "\n" if text[end - 1:end] == "\n" else ""
                    replacements.append((text_node.start_mark.index, end, _double_quoted(renamed) + kept_newline))
    for start, end, value in sorted(replacements, reverse=True):
        text = text[:start] + value + text[end:]
    return text


def _double_quoted(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def copy_profile(profile_id: str, new_id: str, target_dir: Path | None = None) -> Path:
    """Copy a profile's file as `<new_id>.yaml` in the user's profile folder with its id and names changed.

    ProfileCopyError when the new id is malformed or taken or the file exists; NotFoundError for an unknown
    source. The file appears complete or not at all.
    """
    if not PROFILE_ID_PATTERN.match(new_id):
        raise ProfileCopyError(_invalid_id_message(new_id))
    source = find_profile(profile_id)
    profiles, _errors = all_profiles()
    if any(profile.id == new_id for profile in profiles):
        raise ProfileCopyError(_("There is already a profile with the id '{id}'.").format(id=new_id))
    folder = Path(target_dir) if target_dir is not None else user_profiles_dir()
    target = folder / f"{new_id}{PROFILE_SUFFIX}"
    if target.exists():
        raise ProfileCopyError(_("{file} already exists; choose another id.").format(file=target))
    assert source.source is not None
    text = _renamed_text(_read_file_text(source.source), new_id)
    load_profile_text(text, target)  # the copy must read back as a sound profile
    temporary = folder / f".{new_id}.{uuid.uuid4().hex[:8]}.writing"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with temporary.open("w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            raise ProfileCopyError(_("{file} already exists; choose another id.").format(file=target))
        os.replace(temporary, target)
    except OSError as error:
        raise ProfileCopyError(_("The profile could not be written to {file}: {reason}").format(
            file=target, reason=error.strerror or error)) from error
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()
    return target
