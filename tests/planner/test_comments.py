"""Comments and threads: the commands (add, reply, edit one's own, resolve, reopen, delete) undo exactly and are
recorded in the history; threads and counts are read back; the report's comments appendix."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from planner.commands import Command, DeleteRows
from planner.comments import (
    MAX_COMMENT_CHARACTERS,
    add_comment_command,
    all_threads,
    comment_threads,
    delete_comment_command,
    edit_comment_command,
    reply_command,
    set_resolved_command,
    target_label,
    unresolved_count,
)
from planner.errors import NotFoundError, PlannerError, ValidationError
from planner.guidelines.loader import load_profile_text
from planner.history import history_entries
from planner.model import Initiative, Kpi, Stakeholder
from planner.reports.blocks import block_builder
from planner.resources import resource_path
from planner.storage import PlanDocument
from tests.planner.commands.sample_plan import build_sample_plan
from tests.planner.reports.block_rendering import HOSTILE, make_context, plan_session, render_text, squeezed
from tests.planner.storage.helpers import dump_database

Ids = dict[str, str]


@pytest.fixture
def sample(tmp_path: Path) -> Iterator[tuple[PlanDocument, Ids]]:
    plan = build_sample_plan(tmp_path / "sample.cplan")
    plan.engine.dispose()
    document = PlanDocument.open(tmp_path / "sample.cplan")
    document.author = "김주무관"
    yield document, plan.ids
    document.close()


def comments_table(document: PlanDocument) -> list[tuple[Any, ...]]:
    return dump_database(document.working_path)["comment"]


def run(document: PlanDocument, make: Any) -> Command:
    with document.session() as session:
        command = make(session)
    document.apply(command)
    return command


def test_a_thread_with_replies_is_read_back_in_order(sample: tuple[PlanDocument, Ids]) -> None:
    document, ids = sample
    first = run(document, lambda s: add_comment_command(s, "initiative", ids["i2"], "  일정 확인 바랍니다 \n", "김주무관"))
    reply = run(document, lambda s: reply_command(s, first.row_id, "확인했습니다", "박팀장"))
    run(document, lambda s: reply_command(s, reply.row_id, "감사합니다", "김주무관"))  # a reply to a reply
    second = run(document, lambda s: add_comment_command(s, "initiative", ids["i2"], "예산 재검토", "이과장"))
    with document.session() as session:
        threads = comment_threads(session, "initiative", ids["i2"])
        assert [(t.comment.body, t.comment.author, [r.body for r in t.replies]) for t in threads] == [
            ("일정 확인 바랍니다", "김주무관", ["확인했습니다", "감사합니다"]), ("예산 재검토", "이과장", [])]
        assert {reply.parent_id for reply in threads[0].replies} == {first.row_id}  # one thread
        assert unresolved_count(session, "initiative", ids["i2"]) == 2
        assert threads[0].comment.created_at is not None and not threads[0].resolved
    assert second.label == "Add comment" and reply.label == "Reply to comment"


def test_each_command_undoes_exactly_and_is_recorded(sample: tuple[PlanDocument, Ids]) -> None:
    document, ids = sample
    start = comments_table(document)
    steps: list[tuple[Command, list[tuple[Any, ...]]]] = []

    def step(make: Any) -> Command:
        before = comments_table(document)
        command = run(document, make)
        steps.append((command, before))
        return command

    first = step(lambda s: add_comment_command(s, "kpi", ids["k1"], "목표치 근거?", "김주무관"))
    reply = step(lambda s: reply_command(s, first.row_id, "통계청 자료", "박팀장"))
    step(lambda s: edit_comment_command(s, first.row_id, "목표치 산출 근거는?", "김주무관"))
    step(lambda s: set_resolved_command(s, reply.row_id, True))  # resolving from a reply resolves its thread
    with document.session() as session:
        assert unresolved_count(session, "kpi", ids["k1"]) == 0
        assert all_threads(session, unresolved_only=True) == [t for t in all_threads(session) if not t.resolved]
    step(lambda s: set_resolved_command(s, first.row_id, False))
    step(lambda s: delete_comment_command(s, first.row_id))  # the thread, its reply too
    with document.session() as session:
        assert comment_threads(session, "kpi", ids["k1"]) == []
    for command, before in reversed(steps):
        document.revert(command)
        assert comments_table(document) == before
    assert comments_table(document) == start
    with document.session() as session:
        recorded = [entry for entry in history_entries(session) if entry.command != "import"]
    assert [entry.summary for entry in reversed(recorded)][:6] == [
        "Add comment", "Reply to comment", "Edit comment", "Resolve comment", "Reopen comment",
        "Delete comment thread"]
    assert all(entry.author == "김주무관" for entry in recorded)
    assert {row.kind for entry in recorded for row in entry.rows} == {"comment"}


def test_commands_refuse_what_cannot_be(sample: tuple[PlanDocument, Ids]) -> None:
    document, ids = sample
    first = run(document, lambda s: add_comment_command(s, "stakeholder", ids["st2"], "연락처", "김주무관"))
    with document.session() as session:
        with pytest.raises(ValidationError):
            add_comment_command(session, "initiative", ids["i1"], "   ", "김주무관")
        with pytest.raises(ValidationError, match="at most 5,000"):
            add_comment_command(session, "initiative", ids["i1"], "가" * (MAX_COMMENT_CHARACTERS + 1), "김")
        with pytest.raises(ValidationError):
            add_comment_command(session, "budget_line", ids["b1"], "안 됨", "김")
        with pytest.raises(NotFoundError):
            add_comment_command(session, "initiative", "no-such-id", "없음", "김")
        with pytest.raises(NotFoundError):
            reply_command(session, "no-such-id", "답", "김")
        with pytest.raises(PlannerError, match="Only 김주무관 can edit"):
            edit_comment_command(session, first.row_id, "고침", "박팀장")
        with pytest.raises(PlannerError, match="already open"):
            set_resolved_command(session, first.row_id, False)
    run(document, lambda s: set_resolved_command(s, first.row_id, True))
    with document.session() as session, pytest.raises(PlannerError, match="already resolved"):
        set_resolved_command(session, first.row_id, True)


def test_comments_go_on_every_kind_of_target_and_go_with_their_item(sample: tuple[PlanDocument, Ids]) -> None:
    document, ids = sample
    for kind, name in (("initiative", "i3"), ("stakeholder", "st3"), ("kpi", "k2"), ("narrative_section", "sec1")):
        run(document, lambda s, kind=kind, name=name: add_comment_command(s, kind, ids[name], f"{kind} 의견", "김"))
    with document.session() as session:
        assert [target_label(session, kind, ids[name]) for kind, name in (
            ("initiative", "i3"), ("stakeholder", "st3"), ("kpi", "k2"), ("narrative_section", "sec1"))] == [
            "B-01 스마트 정류장", "노인복지관", "주민 만족도", "추진 배경"]
    delete = DeleteRows("initiative", [ids["i3"]])
    document.apply(delete)
    with document.session() as session:
        assert comment_threads(session, "initiative", ids["i3"]) == []
        assert target_label(session, "initiative", ids["i3"]) == ""
    document.revert(delete)
    with document.session() as session:
        assert [t.comment.body for t in comment_threads(session, "initiative", ids["i3"])] == ["initiative 의견"]


# -- the report's appendix --------------------------------------------------------------------------------


def _comment_demo(session: Any) -> dict[str, str]:
    initiative = session.execute(select(Initiative.id).order_by(Initiative.code)).scalars().first()
    stakeholder = session.execute(select(Stakeholder.id).order_by(Stakeholder.name)).scalars().first()
    kpi = session.execute(select(Kpi.id)).scalars().first()
    open_thread = add_comment_command(session, "initiative", initiative, "예산 근거 보완 " + " ".join(HOSTILE), "박주무관")
    open_thread.apply(session)
    reply_command(session, open_thread.row_id, "다음 주 보완", "김팀장").apply(session)
    done = add_comment_command(session, "stakeholder", stakeholder, "연락처 확인 완료", "")
    done.apply(session)
    set_resolved_command(session, done.row_id, True).apply(session)
    add_comment_command(session, "kpi", kpi, "지표 정의 확인", "이과장").apply(session)
    return {"initiative": initiative, "stakeholder": stakeholder}


def test_the_appendix_lists_unresolved_threads_by_item_and_all_with_the_option(tmp_path: Path) -> None:
    with plan_session("ko") as session:
        _comment_demo(session)
        unresolved = render_text(block_builder("comments")(make_context(session, "ko", block="comments")),
                                 tmp_path / "open.pdf")
        everything = render_text(block_builder("comments")(
            make_context(session, "ko", block="comments", options={"include": "all"})), tmp_path / "all.pdf")
    text = squeezed(unresolved)
    assert squeezed("예산 근거 보완") in text and squeezed("↳ 김팀장") in text and squeezed("다음 주 보완") in text
    assert all(squeezed(hostile) in text for hostile in HOSTILE)  # user text prints exactly as typed
    assert squeezed("지표 정의 확인") in text and squeezed("연락처 확인 완료") not in text
    assert text.index(squeezed("예산 근거 보완")) < text.index(squeezed("지표 정의 확인"))  # initiatives before KPIs
    assert squeezed("연락처 확인 완료") in squeezed(everything)


def test_the_appendix_says_so_when_there_is_nothing_to_list(tmp_path: Path) -> None:
    with plan_session("en", demo=False) as session:
        text = render_text(block_builder("comments")(make_context(session, "en", block="comments")),
                           tmp_path / "none.pdf")
    assert "There are no unresolved comments." in text


def test_the_documented_section_turns_the_appendix_on_in_a_copied_profile() -> None:
    shipped = resource_path("guidelines", "kr-master-plan.yaml").read_text(encoding="utf-8")
    assert "block: comments" not in shipped  # off by default
    documented = (Path(__file__).resolve().parents[2] / "docs" / "guideline-profiles.md").read_text(encoding="utf-8")
    snippet = documented.split("```yaml\n  - key: appendix.comments", 1)[1].split("```", 1)[0]
    profile = load_profile_text(shipped.rstrip("\n") + "\n  - key: appendix.comments" + snippet)
    section = next(section for _path, section in profile.walk() if section.key == "appendix.comments")
    assert section.block == "comments" and section.appendix and section.options == {"include": "unresolved"}

