"""The tables a plan is exchanged in as CSV/XLSX: their columns, the headers each column is recognised by, and
guessing a sheet's table and columns from its headers."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from planner.i18n import N_, translate
from planner.model import vocabulary as v


@dataclass(frozen=True)
class ColumnSpec:
    """One column of a table: a stable field name, the English header (shown through _()) and other headers
    that are recognised as this column."""

    field: str
    label: str
    aliases: tuple[str, ...]
    required: bool = False


@dataclass(frozen=True)
class TableSpec:
    """One table: its name (a TABLE_KINDS key), its English label, the kind of row it holds and its
    columns."""

    name: str
    label: str
    row_kind: str
    columns: tuple[ColumnSpec, ...]


@dataclass(frozen=True)
class FieldRule:
    """How one column's cells are read and written.

    value: text, int, money, decimal, month, bool, choice, tags, ref (a readable key of another row: `ref`
    names its kind), name (a field's or strategy's name, used only to add one the plan lacks), info (written
    for reading, ignored on import), id (the row's id), target/actual (a KPI's value for one year)."""

    value: str
    column: str | None = None  # the plan's column the field fills
    choices: dict[str, str] | None = None
    ref: str | None = None


@dataclass
class _Table:
    spec: TableSpec
    rules: dict[str, FieldRule] = field(default_factory=dict)


def _table(name: str, label: str, row_kind: str,
           columns: list[tuple[str, str, tuple[str, ...], bool, FieldRule]]) -> _Table:
    specs = tuple(ColumnSpec(name_, label_, aliases, required)
                  for name_, label_, aliases, required, _rule in columns)
    return _Table(TableSpec(name, label, row_kind, specs), {name_: rule for name_, *_rest, rule in columns})


def _text(column: str) -> FieldRule:
    return FieldRule("text", column)


def _value(kind: str, column: str, choices: dict[str, str] | None = None) -> FieldRule:
    return FieldRule(kind, column, choices)


def _ref(kind: str, column: str) -> FieldRule:
    return FieldRule("ref", column, ref=kind)


ID_COLUMN = ("id", "ID", ("identifier", "식별자"), False, FieldRule("id", "id"))
INITIATIVE_REF = ("initiative", N_("Initiative code"), ("과제코드", "과제번호", "코드", "code", "initiative", "과제"),
                  True, _ref("initiative", "initiative_id"))
INITIATIVE_TITLE = ("initiative_title", N_("Initiative title"), ("과제명", "사업명", "title", "initiative name"),
                    False, FieldRule("info"))

_TABLES: tuple[_Table, ...] = (
    _table("initiatives", N_("Initiatives"), "initiative", [
        ("code", N_("Code"), ("과제코드", "과제번호", "번호", "initiative code", "code"), True, _text("code")),
        ("title", N_("Title"), ("과제명", "사업명", "추진과제", "과제", "세부과제", "name", "initiative",
                                "initiative title"), True, _text("title")),
        ("field", N_("Field code"), ("분야", "분야코드", "field"), False, _ref("field", "field_id")),
        ("field_name", N_("Field name"), ("분야명", "분야이름"), False, FieldRule("name")),
        ("strategy", N_("Strategy code"), ("추진전략", "전략", "전략코드", "strategy"), False,
         _ref("strategy", "strategy_id")),
        ("strategy_name", N_("Strategy name"), ("추진전략명", "전략명"), False, FieldRule("name")),
        ("phase", N_("Phase"), ("단계", "추진단계", "phase"), False, _value("int", "phase")),
        ("start_month", N_("Start month"), ("시작월", "시작연월", "시작 연월", "착수월", "착수", "시작", "시작시기",
                                            "start", "start date"), True, _value("month", "start_month")),
        ("duration_months", N_("Duration (months)"), ("기간", "사업기간", "추진기간", "개월", "개월수", "duration",
                                                      "months"), False, _value("int", "duration_months")),
        ("not_before", N_("Start no earlier than"), ("시작가능시기", "not before", "earliest start"), False,
         _value("month", "not_before")),
        ("lead_stakeholder", N_("Lead organisation"), ("주관기관", "주관", "추진주체", "lead",
                                                       "lead organization", "lead stakeholder"), False,
         _ref("stakeholder", "lead_stakeholder_id")),
        ("lead_department", N_("Lead department"), ("주관부서", "담당부서", "부서", "department"), False,
         _text("lead_department")),
        ("status", N_("Status"), ("상태", "추진상태", "진행상태", "status"), False,
         _value("choice", "status", v.INITIATIVE_STATUSES)),
        ("progress", N_("Progress (%)"), ("진척률", "진척도", "진행률", "progress"), False,
         _value("int", "progress")),
        ("actual_start", N_("Actual start"), ("실제시작", "실제 착수", "착수실적"), False,
         _value("month", "actual_start")),
        ("actual_finish", N_("Actual finish"), ("실제종료", "실제완료", "완료월"), False,
         _value("month", "actual_finish")),
        ("purpose", N_("Purpose"), ("목적", "사업목적", "추진목적", "purpose"), False, _text("purpose")),
        ("content", N_("Content"), ("내용", "주요내용", "사업내용", "추진내용", "content"), False, _text("content")),
        ("target_users", N_("Target users"), ("대상", "수혜대상", "서비스대상", "target users"), False,
         _text("target_users")),
        ("ai_technology", N_("AI technology"), ("AI기술", "활용기술", "적용기술", "ai technology"), False,
         _text("ai_technology")),
        ("service_domain", N_("Service domain"), ("서비스분야", "서비스영역", "service domain"), False,
         _text("service_domain")),
        ("data_used", N_("Data used"), ("활용데이터", "사용데이터", "데이터", "data used"), False,
         _text("data_used")),
        ("score_urgency", N_("Urgency"), ("시급성", "urgency"), False, _value("int", "score_urgency")),
        ("score_policy_fit", N_("Policy fit"), ("정책적타당성", "정책타당성", "정책부합성", "policy fit"), False,
         _value("int", "score_policy_fit")),
        ("score_feasibility", N_("Feasibility"), ("실현가능성", "feasibility"), False,
         _value("int", "score_feasibility")),
        ("score_effect", N_("Effect"), ("효과성", "기대효과", "effect"), False, _value("int", "score_effect")),
        ("score_technical", N_("Technical feasibility"), ("기술구현성", "기술적타당성", "technical feasibility"),
         False, _value("int", "score_technical")),
        ("project_type", N_("Project type"), ("사업유형", "사업 유형", "project type"), False,
         _value("choice", "project_type", v.PROJECT_TYPES)),
        ("contract_method", N_("Contract method"), ("계약방법", "계약방식", "contract method"), False,
         _text("contract_method")),
        ("prior_consultation", N_("Prior consultation"), ("사전협의", "prior consultation"), False,
         _text("prior_consultation")),
        ("security_consultation", N_("Security consultation needed"), ("보안성검토", "보안성 검토",
                                                                        "security consultation"), False,
         _value("bool", "security_consultation")),
        ("data_subject_count", N_("Data subjects"), ("정보주체수", "정보주체 수", "data subject count"), False,
         _value("int", "data_subject_count")),
        ("sensitive_data", N_("Sensitive data"), ("민감정보", "sensitive data"), False,
         _value("bool", "sensitive_data")),
        ("unique_identifiers", N_("Unique identifiers"), ("고유식별정보", "unique identifiers"), False,
         _value("bool", "unique_identifiers")),
        ("privacy_impact_assessment", N_("Privacy impact assessment planned or done"),
         ("개인정보영향평가", "영향평가", "pia", "privacy impact assessment"), False,
         _value("bool", "privacy_impact_assessment")),
        ("funding_rule", N_("Funding rule"), ("재원기준", "지원사업", "funding rule", "programme"), False,
         _ref("funding_rule", "funding_rule_id")),
        ID_COLUMN,
    ]),
    _table("stakeholders", N_("Stakeholders"), "stakeholder", [
        ("name", N_("Name"), ("이해관계자", "이해관계자명", "성명", "명칭", "stakeholder", "stakeholder name"), True,
         _text("name")),
        ("organisation", N_("Organisation"), ("소속", "소속기관", "기관", "organization", "org"), False,
         _text("organisation")),
        ("sector", N_("Sector"), ("부문", "섹터", "기관유형", "sector"), True,
         _value("choice", "sector", v.SECTORS)),
        ("role", N_("Role"), ("역할", "주요역할", "role"), False, _text("role")),
        ("influence", N_("Influence"), ("영향력", "영향도", "influence", "power"), False,
         _value("int", "influence")),
        ("interest", N_("Interest"), ("관심도", "관심", "interest"), False, _value("int", "interest")),
        ("attitude", N_("Attitude"), ("태도", "입장", "attitude"), False,
         _value("choice", "attitude", v.ATTITUDES)),
        ("engagement", N_("Engagement strategy"), ("관리전략", "관리 전략", "engagement"), False,
         _value("choice", "engagement", v.ENGAGEMENT_STRATEGIES)),
        ("contact", N_("Contact"), ("연락처", "contact"), False, _text("contact")),
        ("tags", N_("Tags"), ("태그", "키워드", "tags", "keywords"), False, _value("tags", "tags")),
        ("notes", N_("Notes"), ("메모", "비고", "notes", "note", "remarks"), False, _text("notes")),
        ID_COLUMN,
    ]),
    _table("relations", N_("Stakeholder relations"), "stakeholder_relation", [
        ("source", N_("From stakeholder"), ("관계 주체", "주체", "출발", "from", "source"), True,
         _ref("stakeholder", "source_id")),
        ("target", N_("To stakeholder"), ("관계 대상", "대상", "도착", "to", "target"), True,
         _ref("stakeholder", "target_id")),
        ("type", N_("Relation type"), ("관계유형", "관계", "유형", "type", "relation"), False,
         _value("choice", "type", v.RELATION_TYPES)),
        ("directed", N_("Directed"), ("방향", "방향있음", "directed"), False, _value("bool", "directed")),
        ("strength", N_("Strength"), ("강도", "관계강도", "strength"), False, _value("int", "strength")),
        ("notes", N_("Notes"), ("메모", "비고", "notes", "note"), False, _text("notes")),
        ID_COLUMN,
    ]),
    _table("budget_lines", N_("Budget lines"), "budget_line", [
        INITIATIVE_REF,
        INITIATIVE_TITLE,
        ("fiscal_year", N_("Fiscal year"), ("회계연도", "연도", "년도", "사업연도", "year", "fiscal year"), True,
         _value("int", "fiscal_year")),
        ("source", N_("Funding source"), ("재원", "재원구분", "재원별", "source", "funding source"), True,
         _value("choice", "source", v.FUNDING_SOURCES)),
        ("planned_krw", N_("Planned (KRW)"), ("계획", "계획액", "계획금액", "예산", "예산액", "사업비", "금액",
                                              "planned", "budget", "amount"), True,
         _value("money", "planned_krw")),
        ("executed_krw", N_("Executed (KRW)"), ("집행", "집행액", "집행금액", "executed", "spent"), False,
         _value("money", "executed_krw")),
        ID_COLUMN,
    ]),
    _table("kpis", N_("KPIs"), "kpi", [
        (*INITIATIVE_REF[:3], False, INITIATIVE_REF[4]),
        INITIATIVE_TITLE,
        ("name", N_("KPI name"), ("지표명", "지표", "성과지표", "성과지표명", "kpi", "indicator", "name"), True,
         _text("name")),
        ("type", N_("KPI type"), ("지표유형", "유형", "구분", "type"), True, _value("choice", "type", v.KPI_TYPES)),
        ("unit", N_("Unit"), ("단위", "unit"), False, _text("unit")),
        ("baseline_value", N_("Baseline"), ("기준값", "기준치", "현재값", "현재수준", "baseline value"), False,
         _value("decimal", "baseline_value")),
        ("baseline_year", N_("Baseline year"), ("기준연도", "기준년도", "baseline year"), False,
         _value("int", "baseline_year")),
        ("method", N_("How measured"), ("측정방법", "측정 방법", "산식", "측정산식", "method"), False,
         _text("method")),
        ID_COLUMN,
    ]),
    _table("roles", N_("RACI roles"), "raci_role", [
        INITIATIVE_REF,
        INITIATIVE_TITLE,
        ("stakeholder", N_("Stakeholder"), ("이해관계자명", "기관", "stakeholder name", "name"), True,
         _ref("stakeholder", "stakeholder_id")),
        ("role", N_("RACI role"), ("역할", "role", "raci"), True, _value("choice", "role", v.RACI_ROLES)),
        ID_COLUMN,
    ]),
)

TABLE_KINDS: dict[str, TableSpec] = {table.spec.name: table.spec for table in _TABLES}
FIELD_RULES: dict[str, dict[str, FieldRule]] = {table.spec.name: table.rules for table in _TABLES}
# The order in which tables of one import are read: a table's references point to tables read before it.
PARENTS_FIRST = ("stakeholders", "initiatives", "relations", "budget_lines", "kpis", "roles")
# Other names a sheet holding each table may have (besides the table's name and its labels).
SHEET_ALIASES: dict[str, tuple[str, ...]] = {
    "initiatives": ("과제", "추진과제", "과제목록", "세부과제", "사업", "사업목록", "projects", "initiative"),
    "stakeholders": ("이해관계자", "이해관계자목록", "stakeholder"),
    "relations": ("관계", "이해관계자관계", "관계망", "relation", "stakeholder relations"),
    "budget_lines": ("예산", "재원", "예산계획", "투자계획", "소요예산", "budget", "budget lines"),
    "kpis": ("성과지표", "지표", "성과목표", "kpi", "indicators"),
    "roles": ("raci", "역할", "역할분담", "roles", "raci 역할"),
}

# Other words for choice values, besides their codes and their English and Korean labels.
CHOICE_ALIASES: dict[str, dict[str, str]] = {
    "source": {"국비": "national", "국고": "national", "도비": "provincial", "시도비": "provincial",
               "광역": "provincial", "시비": "municipal", "군비": "municipal", "구비": "municipal",
               "시군비": "municipal", "시군구비": "municipal", "지방비": "municipal", "민간": "private",
               "민자": "private", "기타": "other"},
    "status": {"예정": "planned", "계획": "planned", "진행": "in_progress", "진행중": "in_progress",
               "추진중": "in_progress", "완료": "done", "보류": "on_hold", "중단": "on_hold", "취소": "cancelled"},
    "sector": {"중앙부처": "central_government", "정부": "central_government", "지자체": "local_government",
               "공공": "public_agency", "기업": "private_company", "민간": "private_company",
               "해외": "global_partner", "주민": "civil_society", "시민사회": "civil_society",
               "학계": "academia", "대학": "academia", "연구기관": "academia"},
    "role": {"실행": "R", "책임": "A", "협의": "C", "공유": "I", "통보": "I", "responsible": "R",
             "accountable": "A", "consulted": "C", "informed": "I"},
}

# Units a money header may name (KRW multipliers); the longest spelling first.
_MONEY_UNITS: tuple[tuple[str, int], ...] = (
    ("백만원", 1_000_000), ("백만 원", 1_000_000), ("천원", 1_000), ("천 원", 1_000), ("억원", 100_000_000),
    ("억 원", 100_000_000), ("krw million", 1_000_000), ("million krw", 1_000_000), ("mil. krw", 1_000_000),
    ("krw thousand", 1_000), ("thousand krw", 1_000), ("million", 1_000_000), ("thousand", 1_000),
    ("백만", 1_000_000), ("천", 1_000), ("억", 100_000_000),
)
_CURRENCY_WORDS = re.compile(r"krw|원|₩|won", re.IGNORECASE)
_TARGET_HEADER = re.compile(r"^(?:(?P<word1>target|목표|목표치|목표값|actual|실적|실적치)(?P<year1>\d{4})년?"
                            r"|(?P<year2>\d{4})년?(?P<word2>target|목표|목표치|목표값|actual|실적|실적치))$")


def normalise(text: str) -> str:
    """A header or choice as compared: case-folded, without spaces and punctuation ("시작 연월" = "시작연월")."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(character for character in folded if character.isalnum())


def money_unit(header: str) -> tuple[str, int]:
    """The header without its unit, and the KRW each 1 in the column is worth ("예산(백만원)" → 1,000,000)."""
    lowered = unicodedata.normalize("NFKC", header).casefold()
    for word, multiplier in _MONEY_UNITS:
        bracketed = re.search(r"[(\[]\s*" + re.escape(word) + r"\s*[)\]]|[,:/]\s*" + re.escape(word) + r"\s*$"
                              r"|(?<=[^\W\d_])\s*" + re.escape(word) + r"\s*$", lowered)
        if bracketed is not None:
            return lowered[:bracketed.start()] + lowered[bracketed.end():], multiplier
    return lowered, 1


def _money_key(header: str) -> str:
    return normalise(_CURRENCY_WORDS.sub("", money_unit(header)[0]))


def kpi_year_field(header: str) -> str | None:
    """The field of a KPI's target or actual column for one year ("2028 목표" → "target_2028"), else None."""
    match = _TARGET_HEADER.match(normalise(header))
    if match is None:
        return None
    word = match.group("word1") or match.group("word2")
    year = match.group("year1") or match.group("year2")
    return f"{'actual' if word in ('actual', '실적', '실적치') else 'target'}_{year}"


def dynamic_rule(table: str, field_name: str) -> FieldRule | None:
    """The rule of a field made up from a header (a KPI's target_YYYY / actual_YYYY), else None."""
    if table == "kpis":
        match = re.fullmatch(r"(target|actual)_(\d{4})", field_name)
        if match is not None:
            return FieldRule(match.group(1), f"{match.group(1)}_value")
    return None


def field_rule(table: str, field_name: str) -> FieldRule | None:
    return FIELD_RULES[table].get(field_name) or dynamic_rule(table, field_name)


def _is_money(table: str, field_name: str) -> bool:
    rule = FIELD_RULES[table].get(field_name)
    return rule is not None and rule.value == "money"


@cache
def _header_keys(table: str) -> dict[str, str]:
    """Every recognised header of a table (normalised) → its field; money columns without their unit."""
    keys: dict[str, str] = {}
    spec = TABLE_KINDS[table]
    for rank in range(3):  # the field names first, then the labels, then the aliases
        for column in spec.columns:
            if rank == 0:
                spellings: tuple[str, ...] = (column.field,)
            elif rank == 1:
                spellings = (column.label, translate(column.label, "ko"))
            else:
                spellings = column.aliases
            for spelling in spellings:
                key = _money_key(spelling) if _is_money(table, column.field) else normalise(spelling)
                if key:
                    keys.setdefault(key, column.field)
    return keys


def field_for_header(table: str, header: str) -> str | None:
    """The field a header names in a table, else None."""
    if not isinstance(header, str) or not header.strip():
        return None
    keys = _header_keys(table)
    found = keys.get(normalise(header))
    if found is None:
        money_field = keys.get(_money_key(header))
        if money_field is not None and _is_money(table, money_field):
            found = money_field
    if found is None and table == "kpis":
        found = kpi_year_field(header)
    return found


def guess_columns(kind: str, headers: list[str]) -> dict[int, str]:
    """Column index → field for every header recognised as a column of the table `kind` (each field once: the
    first header naming it)."""
    columns: dict[int, str] = {}
    taken: set[str] = set()
    for index, header in enumerate(headers):
        found = field_for_header(kind, header)
        if found is not None and found not in taken:
            columns[index] = found
            taken.add(found)
    return columns


@cache
def _sheet_keys() -> dict[str, str]:
    keys: dict[str, str] = {}
    for name, spec in TABLE_KINDS.items():
        for spelling in (name, spec.label, translate(spec.label, "ko"), *SHEET_ALIASES[name]):
            keys.setdefault(normalise(spelling), name)
    return keys


def kind_for_sheet_name(name: str) -> str | None:
    """The table a sheet (or a CSV file: its name without the suffix) is named after, else None."""
    stem = re.sub(r"\.(csv|xlsx|txt)$", "", name.strip(), flags=re.IGNORECASE)
    return _sheet_keys().get(normalise(stem))


def header_scores(headers: list[str]) -> dict[str, int]:
    """How many of the headers each table recognises (the id column and reading-only columns not counted)."""
    scores: dict[str, int] = {}
    for kind in TABLE_KINDS:
        fields = guess_columns(kind, headers).values()
        rules = [field_rule(kind, name) for name in fields if name != "id"]
        scores[kind] = sum(1 for rule in rules if rule is not None and rule.value != "info")
    return scores


def guess_kind_from(name: str, headers: list[str]) -> str | None:
    """The table a sheet holds: the one whose columns most headers name (a sheet named after a table counts
    two more), when at least two headers count and no other table counts as many."""
    scores = header_scores(headers)
    named = kind_for_sheet_name(name)
    if named is not None and scores[named] >= 1:
        scores[named] += 2
    ranked = sorted(scores.items(), key=lambda item: -item[1])
    best, score = ranked[0]
    if score < 2 or (len(ranked) > 1 and ranked[1][1] == score):
        return None
    return best
