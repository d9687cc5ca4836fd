"""Pasting stakeholders: Korean, English or no header, labels for codes, problems by row and column, one command."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from planner.commands import CompositeCommand
from planner.errors import ValidationError
from planner.stakeholders.register import (
    add_stakeholders_command,
    engagement_quadrant,
    parse_pasted_stakeholders,
)
from tests.planner.commands.sample_plan import SamplePlan, build_sample_plan
from tests.planner.commands.test_rows import assert_undo_and_redo_are_exact


@pytest.fixture
def plan(tmp_path: Path) -> Iterator[SamplePlan]:
    built = build_sample_plan(tmp_path / "register.cplan")
    yield built
    built.engine.dispose()


def test_a_korean_header_from_a_spreadsheet() -> None:
    text = ("이름\t소속 기관\t부문\t영향력\t관심도\t태도\t연락처\t태그\n"
            "김해담\t해담군청\t지방자치단체\t5\t4\t적극 지지\t061-000-0000\tAI, 행정\n")
    pasted = parse_pasted_stakeholders(text)
    assert pasted.problems == []
    assert pasted.rows == [{"name": "김해담", "organisation": "해담군청", "sector": "local_government",
                            "influence": 5, "interest": 4, "attitude": "champion", "contact": "061-000-0000",
                            "tags": ["AI", "행정"]}]


def test_an_english_header_in_any_order_as_csv() -> None:
    text = 'Sector,Name,Interest,Notes\nPrivate company,"Nuri, Inc.",2,"first line"\nacademia,Garam University,,\n'
    pasted = parse_pasted_stakeholders(text)
    assert pasted.problems == []
    assert pasted.rows == [
        {"name": "Nuri, Inc.", "sector": "private_company", "influence": 3, "interest": 2, "attitude": "neutral",
         "notes": "first line"},
        {"name": "Garam University", "sector": "academia", "influence": 3, "interest": 3, "attitude": "neutral",
         "notes": ""},
    ]


def test_no_header_takes_the_columns_in_order() -> None:
    text = "누리 소프트\t누리\t민간기업\t2\t4\t지지\t02-1\t\t개발사\t메모\n"
    [row] = parse_pasted_stakeholders(text).rows
    assert row == {"name": "누리 소프트", "organisation": "누리", "sector": "private_company", "influence": 2,
                   "interest": 4, "attitude": "supportive", "contact": "02-1", "tags": [], "role": "개발사",
                   "notes": "메모"}


def test_the_sector_by_its_korean_label_code_or_a_short_name() -> None:
    text = "이름\t부문\n가\t학계·연구기관\n나\tcentral_government\n다\t지자체\n라\tCivil society & residents\n"
    assert [row["sector"] for row in parse_pasted_stakeholders(text).rows] == [
        "academia", "central_government", "local_government", "civil_society"]


def test_a_bad_value_names_row_and_column_and_leaves_the_row_out() -> None:
    text = "이름\t부문\t영향력\n가\tacademia\t7\n\n\n나\t없는 부문\t3\n다\tacademia\t2\n\t\t\n"
    pasted = parse_pasted_stakeholders(text)
    assert [row["name"] for row in pasted.rows] == ["다"]
    assert pasted.problems == [
        "Row 2, column '영향력': Influence must be at most 5.",
        "Row 5, column '부문': '없는 부문' is not one of the allowed values.",
    ]


def test_missing_required_values_and_unknown_columns() -> None:
    pasted = parse_pasted_stakeholders("Name,Colour,Sector\nAlpha,red,\n,blue,academia\n")
    assert pasted.rows == []
    assert pasted.problems == [
        "Row 1: the column 'Colour' is not known and was ignored.",
        "Row 2, column 'Sector': Sector is required.",
        "Row 3, column 'Name': Name is required.",
    ]
    assert pasted.problems[1].startswith("Row 2")


def test_blank_text_and_blank_lines_give_nothing() -> None:
    for text in ("", "\n\n", "  \r\n\t\n"):
        pasted = parse_pasted_stakeholders(text)
        assert (pasted.rows, pasted.problems) == ([], [])
    assert len(parse_pasted_stakeholders("\r\n가\t\tacademia\r\n\r\n나\t\tacademia\r\n").rows) == 2


def test_the_quadrant_is_the_vocabularys() -> None:
    assert engagement_quadrant(5, 5) == "manage_closely" and engagement_quadrant(1, 1) == "monitor"
    assert engagement_quadrant(4, 2) == "keep_satisfied" and engagement_quadrant(2, 4) == "keep_informed"


def test_the_rows_are_added_as_one_command_with_exact_undo(plan: SamplePlan) -> None:
    rows = parse_pasted_stakeholders("이름\t부문\t영향력\n가람대학교\t학계·연구기관\t4\n해담 주민회\t주민\t2\n").rows
    command = plan.run(lambda s: add_stakeholders_command(s, rows))
    assert isinstance(command, CompositeCommand) and len(command.commands) == 2 and "2" in command.label
    applied = assert_undo_and_redo_are_exact(plan, command)
    added = {row["name"]: row for row in applied["stakeholder"]}
    assert (added["가람대학교"]["sector"], added["가람대학교"]["influence"]) == ("academia", 4)
    assert added["해담 주민회"]["sector"] == "civil_society" and len(applied["stakeholder"]) == 5


def test_nothing_to_add_and_a_row_breaking_a_rule(plan: SamplePlan) -> None:
    with pytest.raises(ValidationError):
        plan.run(lambda s: add_stakeholders_command(s, []))
    command = plan.run(lambda s: add_stakeholders_command(s, [{"name": "가", "sector": "academia"},
                                                             {"name": "나", "sector": "nowhere"}]))
    before = plan.dump()
    with pytest.raises(ValidationError):
        plan.run(command.apply)
    assert plan.dump() == before  # the transaction rolled back: not even the first row
