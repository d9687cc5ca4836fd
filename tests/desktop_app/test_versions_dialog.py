"""Named versions in the app (Save Version As…, the Versions dialog) and comments on KPIs and sections."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from desktop_app.versions import versions_dialog
from planner.cli import main
from planner.commands import UpdateRow
from planner.model import Kpi, NarrativeSection, Plan
from planner.versions import list_versions


@pytest.fixture
def demo_file(tmp_path: Path) -> Path:
    path = tmp_path / "demo.cplan"
    assert main(["demo", str(path), "--lang", "ko"]) == 0
    return path


def plan_title(controller: Any) -> str:
    return controller.read(lambda session: session.execute(select(Plan.title)).scalar_one())


def test_save_version_as_names_the_saved_version_and_restore_writes_it(
        make_window: Callable[..., Any], demo_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window(str(demo_file))
    controller = window.controller
    first_title = plan_title(controller)
    [first] = list_versions(demo_file)
    plan_id = controller.read(lambda session: session.execute(select(Plan.id)).scalar_one())
    controller.execute(UpdateRow("plan", plan_id, {"title": "바뀐 계획"}))
    asked: list[str] = []
    monkeypatch.setattr(versions_dialog, "ask_version_name",
                        lambda _parent, name="", note="", title="": asked.append(title) or ("의회 보고안", "초안"))
    assert window.save_version_as()
    assert asked == ["Save Version As"] and not window.is_modified()
    newest, older = list_versions(demo_file)
    assert older.id == first.id and (newest.name, newest.note) == ("의회 보고안", "초안")

    window.show_versions()
    dialog = window.versions_dialog
    assert dialog.tree.topLevelItemCount() == 2 and dialog.tree.topLevelItem(0).text(0) == "의회 보고안"
    dialog.select_version(first.id)
    monkeypatch.setattr(versions_dialog, "ask_version_name", lambda *_args, **_kw: ("최초안", ""))
    assert dialog.name_selected()
    assert dialog.tree.topLevelItem(1).text(0) == "최초안"
    assert {info.name for info in list_versions(demo_file)} == {"의회 보고안", "최초안"}

    target = tmp_path / "restored.cplan"
    monkeypatch.setattr(versions_dialog, "ask_restore_path", lambda _parent, suggested: target)
    dialog.select_version(first.id)
    assert dialog.restore_selected() == target
    restored = list_versions(target)
    assert restored[1].id == first.id and restored[1].name == "최초안"
    from planner.storage import PlanDocument

    with PlanDocument.open(target, read_only=True) as document, document.session() as session:
        assert session.execute(select(Plan.title)).scalar_one() == first_title

    # Open Read-Only: the rebuilt version replaces the (saved) plan in this window, read-only
    dialog.select_version(first.id)
    assert dialog.open_selected()
    assert window.document.read_only and plan_title(window.controller) == first_title
    assert "opened read-only" in window.path_label.text()
    folder = window.document.path.parent
    window.close_plan()
    assert not folder.exists()


def test_a_version_without_content_cannot_be_opened(make_window: Callable[..., Any], demo_file: Path) -> None:
    import sqlite3

    connection = sqlite3.connect(demo_file)
    connection.execute("UPDATE plan_version SET snapshot = NULL")
    connection.commit()
    connection.close()
    window = make_window(str(demo_file))
    window.show_versions()
    dialog = window.versions_dialog
    assert dialog.tree.topLevelItem(0).text(3) == "not kept"
    assert not dialog.open_button.isEnabled() and not dialog.restore_button.isEnabled()
    assert "can no longer be opened" in dialog.note_label.text()


def test_comments_panel_on_a_kpi_and_on_a_section(make_window: Callable[..., Any], demo_file: Path) -> None:
    window = make_window(str(demo_file))
    controller = window.controller
    panel = window._inspector.comments_panel
    window.select_view("overview")
    kpi_list = window.current_view().kpi_list
    assert kpi_list.count() > 0
    kpi_id = controller.read(lambda session: session.execute(select(Kpi.id)).scalars().first())
    assert kpi_list.select_kpi(kpi_id)
    assert (controller.selection_kind, controller.selection_ids) == ("kpi", [kpi_id])
    assert panel.kind == "kpi" and panel.item_id == kpi_id and panel.isVisibleTo(window)

    key, section_id = controller.read(lambda session: session.execute(
        select(NarrativeSection.key, NarrativeSection.id)).first())
    window.select_view("document")
    document_view = window.current_view()
    assert document_view.select_section(key)
    assert (controller.selection_kind, controller.selection_ids) == ("narrative_section", [section_id])
    assert panel.kind == "narrative_section" and panel.isVisibleTo(window)
