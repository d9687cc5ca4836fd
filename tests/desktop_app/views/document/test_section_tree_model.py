"""The outline model: the cover, then the profile's sections numbered by its scheme with what each holds."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt

from desktop_app.plan_controller import PlanController
from desktop_app.views.document.document_view import read_document_snapshot
from desktop_app.views.document.section_tree_model import (
    COVER_KEY,
    KEY_ROLE,
    OutlineEntry,
    SectionTreeModel,
    build_outline,
)
from planner.guidelines.loader import profile_for_plan
from planner.guidelines.profile import BLOCKS, CoverSpec, GuidelineProfile, LocalText, SectionSpec
from planner.i18n import set_language


def text(ko: str, en: str) -> LocalText:
    return LocalText({"ko": ko, "en": en})


def make_test_profile(profile_id: str = "test-profile", numbering: str = "ko") -> GuidelineProfile:
    """Ⅰ. 개요 (1. 추진 배경, 2. 계획 목적 > 가. 세부 목적), Ⅱ. 추진과제 (a block), Ⅲ. 기대효과, 붙임 1."""
    sections = (
        SectionSpec("overview", text("개요", "Overview"), children=(
            SectionSpec("overview.background", text("추진 배경", "Background"), narrative="overview.background",
                        hint=text("추진 배경을 기술함", "Why the plan is made")),
            SectionSpec("overview.purpose", text("계획 목적", "Purpose"), narrative="overview.purpose", children=(
                SectionSpec("overview.purpose.detail", text("세부 목적", "Detailed aims"),
                            narrative="purpose_detail"),
            )),
        )),
        SectionSpec("initiatives", text("추진과제", "Initiatives"), block="initiative_table"),
        SectionSpec("effects", text("기대효과", "Expected effects"), narrative="expected_effects",
                    block="kpi_chart"),
        SectionSpec("appendix.sheets", text("과제정의서", "Definition sheets"), block="definition_sheets",
                    appendix=True),
    )
    return GuidelineProfile(
        id=profile_id, name=text("시험 프로파일", "Test profile"), description=text("", ""), plan_type="master",
        language="ko", numbering=numbering, cover=CoverSpec(("title", "date", "approval_box")),
        required_fields=(), checks={}, sections=sections,
    )


def flatten(model: SectionTreeModel, parent: QModelIndex | None = None) -> list[tuple[str, str, str]]:
    """(key, heading, status) of every row, depth first."""
    parent = parent or QModelIndex()
    rows = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        rows.append((index.data(KEY_ROLE), index.data(), model.index(row, 1, parent).data()))
        rows.extend(flatten(model, index))
    return rows


def test_outline_numbers_the_sections_by_the_profile_scheme() -> None:
    outline = build_outline(make_test_profile(), {"overview.background"}, "en", "ko")
    model = SectionTreeModel()
    model.set_outline(outline)
    assert flatten(model) == [
        (COVER_KEY, "Cover", "Edited in the inspector"),
        ("overview", "Ⅰ. Overview", "1 of 3 written"),
        ("overview.background", "1. Background", "✓ Written"),
        ("overview.purpose", "2. Purpose", "To be written"),
        ("overview.purpose.detail", "가. Detailed aims", "To be written"),
        ("initiatives", "Ⅱ. Initiatives", BLOCKS["initiative_table"]),
        ("effects", "Ⅲ. Expected effects", f"To be written · {BLOCKS['kpi_chart']}"),
        ("appendix.sheets", "붙임 1 Definition sheets", BLOCKS["definition_sheets"]),
    ]


def test_outline_entries_know_their_plan_title_hint_and_narrative_place() -> None:
    outline = build_outline(make_test_profile(), set(), "en", "ko")
    background = outline[1].children[0]
    assert (background.kind, background.title, background.plan_title) == ("narrative", "Background", "추진 배경")
    assert background.hint == "Why the plan is made"
    assert [entry.narrative_position for entry in outline[1].narrative_entries()] == [0, 1, 2]
    assert outline[2].kind == "block"
    assert outline[1].kind == "group"


def test_english_numbering_and_korean_interface() -> None:
    set_language("ko")
    outline = build_outline(make_test_profile(numbering="en"), set(), "ko", "ko")
    model = SectionTreeModel()
    model.set_outline(outline)
    rows = flatten(model)
    assert rows[3][1] == "1.2 계획 목적"
    assert rows[4][1] == "1.2.1 세부 목적"
    assert rows[2][2] in ("작성 필요", "To be written")  # Korean once the catalogue has the proposal


def test_model_passes_the_model_tester(qtmodeltester: Any) -> None:
    model = SectionTreeModel()
    model.set_outline(build_outline(make_test_profile(), set(), "en", "ko"))
    qtmodeltester.check(model, force_py=True)
    model.set_outline(build_outline(make_test_profile(), {"expected_effects"}, "en", "ko"))  # same shape
    qtmodeltester.check(model, force_py=True)


def test_empty_model_passes_the_model_tester(qtmodeltester: Any) -> None:
    model = SectionTreeModel()
    model.set_outline(())
    qtmodeltester.check(model, force_py=True)


def test_model_of_the_demo_plan_passes_the_model_tester(qtmodeltester: Any,
                                                        haedam_controller: PlanController) -> None:
    snapshot = haedam_controller.read(read_document_snapshot)
    profile = profile_for_plan(snapshot.plan_type, snapshot.profile_id)
    model = SectionTreeModel()
    model.set_outline(build_outline(profile, snapshot.written_keys, "ko", "ko"))
    qtmodeltester.check(model, force_py=True)
    headings = [heading for _key, heading, _status in flatten(model)]
    assert headings[:3] == ["Cover", "Ⅰ. 개요", "1. 추진 배경"]


def test_same_shape_updates_in_place_and_new_shape_resets(qtbot: Any) -> None:
    model = SectionTreeModel()
    model.set_outline(build_outline(make_test_profile(), set(), "en", "ko"))
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda first, last, _roles=(): changed.append((first.row(), last.row())))
    with qtbot.assertNotEmitted(model.modelReset):
        model.set_outline(build_outline(make_test_profile(), {"overview.purpose"}, "en", "ko"))
    assert changed
    assert model.data(model.index_of("overview.purpose", 1)) == "✓ Written"
    with qtbot.waitSignal(model.modelReset):
        model.set_outline(build_outline(make_test_profile(), set(), "en", "ko")[:2])
    assert model.rowCount() == 2


@pytest.mark.parametrize("written", [True, False])
def test_status_colours_differ_for_written_and_missing(written: bool) -> None:
    model = SectionTreeModel()
    model.set_outline(build_outline(make_test_profile(), {"overview.background"} if written else set(), "en", "ko"))
    colour = model.index_of("overview.background", 1).data(Qt.ItemDataRole.ForegroundRole)
    other = model.index_of("overview.purpose", 1).data(Qt.ItemDataRole.ForegroundRole)
    assert (colour != other) is written


def test_entry_lookup() -> None:
    model = SectionTreeModel()
    model.set_outline(build_outline(make_test_profile(), set(), "en", "ko"))
    index = model.index_of("overview.purpose.detail")
    entry = model.entry(index)
    assert isinstance(entry, OutlineEntry) and entry.narrative_key == "purpose_detail"
    assert model.entry_by_key("nothing") is None
    assert not model.index_of("nothing").isValid()
    assert model.parent(index) == model.index_of("overview.purpose")
