"""Heading numbers of a profile's sections: Korean Ⅰ. 1. 가. 1) 가) (1) (가) ① ㉮, English 1. 1.1, appendices."""

from __future__ import annotations

import pytest

from planner.guidelines.loader import find_profile, load_profile_text
from planner.guidelines.numbering import hangul, heading_label, korean_label, roman
from planner.guidelines.profile import GuidelineProfile


def nested_profile(depth: int, numbering: str = "ko", language: str = "ko") -> str:
    """A profile with one chain of sections `depth` deep, a second top-level section and two appendices."""
    lines = ["format: convergence-planner-guideline", "format_version: 1", "id: nested", "name: {en: Nested}",
             "plan_type: master", f"language: {language}", f"numbering: {numbering}", "sections:"]
    for level in range(1, depth + 1):
        indent = "    " * (level - 1)
        lines += [f"{indent}  - key: s{level}", f"{indent}    title: {{en: Level {level}}}"]
        if level < depth:
            lines.append(f"{indent}    sections:")
        else:
            lines.append(f"{indent}    narrative: deepest")
    lines += ["  - key: second", "    title: {en: Second}", "    block: kpi_table",
              "  - key: sheets", "    title: {en: Sheets}", "    appendix: true", "    sections:",
              "      - key: sheets.one", "        title: {en: One}", "        block: definition_sheets",
              "  - key: ethics", "    title: {en: Ethics}", "    appendix: true", "    block: ethics_summary"]
    return "\n".join(lines) + "\n"


def labels(profile: GuidelineProfile, language: str = "ko") -> list[str]:
    return [heading_label(profile.numbering, path, appendix=section.appendix, language=language)
            for path, section in profile.walk()]


def test_korean_headings_go_through_all_nine_levels_then_appendices() -> None:
    profile = load_profile_text(nested_profile(9))
    assert labels(profile) == ["Ⅰ.", "1.", "가.", "1)", "가)", "(1)", "(가)", "①", "㉮", "Ⅱ.",
                               "붙임 1", "1.", "붙임 2"]
    paths = [path for path, _section in profile.walk()]
    assert paths[:3] == [(1,), (1, 1), (1, 1, 1)] and paths[9:] == [(2,), (1,), (1, 1), (2,)]


def test_a_tenth_level_is_refused() -> None:
    from planner.guidelines.loader import ProfileError

    with pytest.raises(ProfileError, match="nested too deeply \\(at most 9 levels\\)"):
        load_profile_text(nested_profile(10))


def test_english_headings_and_appendices() -> None:
    profile = load_profile_text(nested_profile(4, numbering="en", language="en"))
    assert labels(profile, "en") == ["1.", "1.1", "1.1.1", "1.1.1.1", "2.", "Appendix 1", "1.1", "Appendix 2"]


def test_the_shipped_profiles_number_their_headings_as_government_reports_do() -> None:
    master = find_profile("kr-master-plan")
    numbered = {section.key: label for section, label in zip(
        [section for _path, section in master.walk()], labels(master), strict=True)}
    assert numbered["overview"] == "Ⅰ." and numbered["overview.legal_basis"] == "4."
    assert numbered["effects"] == "Ⅷ." and numbered["management.risks"] == "8."
    assert [numbered[key] for key in ("appendix.definition_sheets", "appendix.budget", "appendix.ethics")] == [
        "붙임 1", "붙임 2", "붙임 3"]
    brief = find_profile("en-partner-brief")
    assert labels(brief, "en")[:3] == ["1.", "1.1", "1.2"] and labels(brief, "en")[-1] == "Appendix 1"


@pytest.mark.parametrize(("number", "expected"), [
    (1, "가"), (2, "나"), (3, "다"), (13, "파"), (14, "하"), (15, "거"), (16, "너"), (28, "허"), (29, "고"),
    (43, "구"), (56, "후"), (57, "57"), (0, "0"),
])
def test_hangul_letters_continue_after_ha_with_geo(number: int, expected: str) -> None:
    assert hangul(number) == expected


def test_labels_beyond_their_series() -> None:
    assert [korean_label(3, n) for n in (14, 15)] == ["하.", "거."]
    assert [roman(n) for n in (1, 8, 12, 13, 14, 2027)] == ["Ⅰ", "Ⅷ", "Ⅻ", "XIII", "XIV", "MMXXVII"]
    assert korean_label(8, 20) == "⑳" and korean_label(8, 21) == "(21)"
    assert korean_label(9, 14) == "㉻" and korean_label(9, 15) == "(거)"
    assert korean_label(12, 1) == "㉮"  # deeper than nine levels keeps the last form
    assert heading_label("ko", ()) == "" and heading_label("en", (3,), appendix=True, language="en") == "Appendix 3"


def test_a_fifteenth_korean_section_is_geo() -> None:
    header = nested_profile(1).split("sections:\n")[0]
    leaves = "".join(f"          - key: s{n}\n            title: {{ko: 절 {n}}}\n            block: kpi_table\n"
                     for n in range(1, 16))
    text = (header + "sections:\n  - key: top\n    title: {ko: 상위}\n    sections:\n"
            "      - key: mid\n        title: {ko: 중간}\n        sections:\n" + leaves)
    profile = load_profile_text(text)
    assert labels(profile)[:3] == ["Ⅰ.", "1.", "가."]
    assert labels(profile)[-2:] == ["하.", "거."]
