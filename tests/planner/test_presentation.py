"""Presentation mode without a screen: the default sequence, the saved sequence and its undo, each slide's pages."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

import pytest
from sqlalchemy import Engine, create_engine, event, select, update
from sqlalchemy.orm import Session

from planner.commands import DeleteRows
from planner.demo import build_demo_plan
from planner.errors import PlannerError
from planner.i18n import translate
from planner.model import Base, Field, Initiative, Plan, PresentationSlide
from planner.presentation import (
    FIELD_ITEMS_PER_PAGE,
    SLIDE_KINDS,
    BudgetContent,
    FieldContent,
    GridContent,
    KpisContent,
    NetworkContent,
    RoadmapBar,
    RoadmapContent,
    SlideSpec,
    TitleContent,
    build_deck,
    default_slides,
    pack_rows,
    reveal_steps,
    save_sequence_command,
    slides,
    spotlight_targets,
)


def _engine() -> Engine:
    engine = create_engine("sqlite://")
    event.listen(engine, "connect", lambda connection, _record: connection.execute("PRAGMA foreign_keys = ON"))
    Base.metadata.create_all(engine)
    return engine


@pytest.fixture
def session() -> Iterator[Session]:
    """The Korean demo plan (2027-2031, six fields) in an in-memory database."""
    engine = _engine()
    with Session(engine) as session:
        build_demo_plan(session, "ko")
        session.commit()
        yield session
    engine.dispose()


def _field_ids(session: Session) -> list[str]:
    return list(session.scalars(select(Field.id).order_by(Field.position, Field.code)))


def test_the_default_sequence_shows_title_roadmap_each_field_grid_network_budget_and_kpis(session: Session) -> None:
    specs = default_slides(session)
    fields = _field_ids(session)
    assert [spec.kind for spec in specs] == ["title", "roadmap", *["field"] * len(fields), "grid", "network",
                                             "budget", "kpis"]
    assert [spec.params["field_id"] for spec in specs if spec.kind == "field"] == fields
    assert slides(session) == specs  # nothing saved: the defaults
    assert set(SLIDE_KINDS) >= {spec.kind for spec in specs} | {"ratings"}


def test_saving_a_sequence_is_one_command_and_reverting_it_restores_the_rows(session: Session) -> None:
    specs = [SlideSpec("budget", title="돈", notes="예산 설명"), SlideSpec("title"),
             SlideSpec("kpis", hidden=True), SlideSpec("field", {"field_id": _field_ids(session)[1]})]
    command = save_sequence_command(session, specs)
    command.apply(session)
    saved = slides(session)
    assert [(spec.kind, spec.title, spec.notes, spec.hidden) for spec in saved] == [
        ("budget", "돈", "예산 설명", False), ("title", "", "", False), ("kpis", "", "", True), ("field", "", "", False)]
    assert saved[3].params == {"field_id": _field_ids(session)[1]}
    # a second save replaces the rows, keeping the ids of the slides it keeps
    second = save_sequence_command(session, [saved[1], saved[0]])
    second.apply(session)
    assert [(spec.kind, spec.slide_id) for spec in slides(session)] == [("title", saved[1].slide_id),
                                                                        ("budget", saved[0].slide_id)]
    second.revert(session)
    assert [spec.kind for spec in slides(session)] == ["budget", "title", "kpis", "field"]
    command.revert(session)
    assert session.scalars(select(PresentationSlide)).all() == []
    assert slides(session) == default_slides(session)


def test_a_slide_of_an_unknown_kind_is_refused_with_its_number(session: Session) -> None:
    with pytest.raises(PlannerError, match=r"Slide 2.*'poster'"):
        save_sequence_command(session, [SlideSpec("title"), SlideSpec("poster")])


def test_the_roadmap_reveals_one_year_a_step_and_other_slides_take_one(session: Session) -> None:
    assert reveal_steps(session, SlideSpec("roadmap")) == 5
    assert reveal_steps(session, SlideSpec("roadmap", {"years": [2028, 2029]})) == 2
    for kind in SLIDE_KINDS:
        if kind != "roadmap":
            assert reveal_steps(session, SlideSpec(kind)) == 1
    deck = build_deck(session)
    roadmap_pages = [page for page in deck.pages if page.kind == "roadmap"]
    assert roadmap_pages and all(page.steps == 5 for page in roadmap_pages)
    assert all(page.content.years == (2027, 2028, 2029, 2030, 2031) for page in roadmap_pages)


def test_the_deck_holds_plain_content_in_the_plan_language_and_skips_hidden_slides(session: Session) -> None:
    deck = build_deck(session)
    assert deck.language == "ko"
    kinds = {page.kind: type(page.content) for page in deck.pages}
    assert kinds == {"title": TitleContent, "roadmap": RoadmapContent, "field": FieldContent, "grid": GridContent,
                     "network": NetworkContent, "budget": BudgetContent, "kpis": KpisContent}
    budget = next(page for page in deck.pages if page.kind == "budget")
    assert budget.title == translate("Budget by year", "ko")
    title = deck.pages[0].content
    assert isinstance(title, TitleContent) and title.vision and "2027–2031" in title.lines
    english = build_deck(session, "en")
    assert next(page for page in english.pages if page.kind == "budget").title == "Budget by year"
    save_sequence_command(session, [SlideSpec("title"), SlideSpec("budget", hidden=True)]).apply(session)
    assert [page.kind for page in build_deck(session).pages] == ["title"]
    assert [page.kind for page in build_deck(session, include_hidden=True).pages] == ["title", "budget"]


def test_a_field_with_many_initiatives_pages_itself(session: Session) -> None:
    field_id = _field_ids(session)[0]
    session.execute(update(Initiative).values(field_id=field_id))  # every initiative into one field
    count = len(session.scalars(select(Initiative.id)).all())
    save_sequence_command(session, [SlideSpec("field", {"field_id": field_id}, notes="설명")]).apply(session)
    pages = build_deck(session).pages
    assert len(pages) == -(-count // FIELD_ITEMS_PER_PAGE)
    assert all(len(page.content.items) <= FIELD_ITEMS_PER_PAGE for page in pages)
    assert sum(len(page.content.items) for page in pages) == count
    assert [page.page for page in pages] == list(range(1, len(pages) + 1))
    assert pages[0].heading.endswith(f"(1/{len(pages)})") and all(page.notes == "설명" for page in pages)


def test_a_slide_whose_field_was_deleted_says_so_instead_of_failing(session: Session) -> None:
    field_id = _field_ids(session)[0]
    save_sequence_command(session, [SlideSpec("field", {"field_id": field_id})]).apply(session)
    DeleteRows("field", [field_id]).apply(session)
    page = build_deck(session, "en").pages[0]
    assert isinstance(page.content, FieldContent) and page.content.items == ()
    assert page.content.empty_text == "This field is no longer in the plan."


def test_roadmap_rows_never_put_two_bars_in_the_same_months() -> None:
    bars = [RoadmapBar(f"i{n}", f"A-{n:02d}", "t", start, start + length - 1, length == 0)
            for n, (start, length) in enumerate([(0, 12), (5, 3), (13, 6), (14, 0), (20, 2), (2, 30)])]
    rows = pack_rows(bars)
    assert sorted(bar.code for row in rows for bar in row) == sorted(bar.code for bar in bars)
    for row in rows:
        for earlier, later in pairwise(row):
            assert later.start > max(earlier.finish, earlier.start + 3) + 1


def test_spotlight_targets_are_lanes_and_initiatives_or_stakeholders(session: Session) -> None:
    deck = build_deck(session)
    roadmap = next(page for page in deck.pages if page.kind == "roadmap")
    kinds = {target.kind for target in spotlight_targets(roadmap)}
    assert kinds == {"field", "initiative"}
    grid = next(page for page in deck.pages if page.kind == "grid")
    assert {target.kind for target in spotlight_targets(grid)} == {"stakeholder"}
    assert spotlight_targets(deck.pages[0]) == []


def test_an_empty_plan_still_makes_a_deck(session: Session) -> None:
    engine = _engine()
    with Session(engine) as empty:
        empty.add(Plan(title="빈 계획", start_year=2027, end_year=2029))
        empty.flush()
        deck = build_deck(empty)
        assert [page.kind for page in deck.pages] == ["title", "roadmap", "grid", "network", "budget", "kpis"]
        roadmap = deck.pages[1].content
        assert isinstance(roadmap, RoadmapContent) and roadmap.lanes == ()
    engine.dispose()
