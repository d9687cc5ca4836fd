"""Fixtures of the report tests: the demo plan in memory, profiles built in the test, checks made to order."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

import pytest
from sqlalchemy import create_engine, event
from sqlalchemy.orm import Session

from planner.demo import build_demo_plan
from planner.guidelines.findings import CheckReport, Finding
from planner.guidelines.profile import BLOCKS, CheckSpec, CoverSpec, GuidelineProfile, LocalText, SectionSpec
from planner.model import Base

ALL_COVER_BLOCKS = ("publication_number", "approval_box", "title", "subtitle", "region", "date",
                    "lead_organisation", "contact")
APPROVAL_COLUMNS = (LocalText({"ko": "담당", "en": "Officer"}), LocalText({"ko": "팀장", "en": "Team lead"}),
                    LocalText({"ko": "과장", "en": "Director"}), LocalText({"ko": "국장", "en": "Director general"}))


def text(ko: str, en: str) -> LocalText:
    return LocalText({"ko": ko, "en": en})


def section(key: str, ko: str, en: str, **extra: object) -> SectionSpec:
    return SectionSpec(key=key, title=text(ko, en), **extra)  # type: ignore[arg-type]


def make_profile(sections: Sequence[SectionSpec], *, language: str = "ko", numbering: str | None = None,
                 checks: dict[str, CheckSpec] | None = None, plan_type: str = "master",
                 cover: Sequence[str] = ALL_COVER_BLOCKS, profile_id: str = "test-profile") -> GuidelineProfile:
    return GuidelineProfile(
        id=profile_id, name=text("시험용 지침", "Test guideline"), description=text("", ""), plan_type=plan_type,
        language=language, numbering=numbering or language, cover=CoverSpec(tuple(cover), APPROVAL_COLUMNS),
        required_fields=(), checks=checks or {}, sections=tuple(sections))


def narrative_profile(language: str = "ko", **extra: object) -> GuidelineProfile:
    """Narrative sections of the demo plan only: chapters, sections, a depth-4 section, an empty one, an appendix."""
    sections = (
        section("overview", "계획 개요", "Overview", children=(
            section("overview.background", "추진 배경", "Background", narrative="overview.background"),
            section("overview.purpose", "계획 목적", "Purpose", narrative="overview.purpose"),
            section("overview.scope", "계획 범위", "Scope", narrative="overview.scope", children=(
                section("overview.scope.legal", "법적 근거", "Legal basis", narrative="overview.legal_basis",
                        children=(
                            section("overview.scope.legal.detail", "세부 근거", "Details",
                                    narrative="not.written.yet", hint=text("조례 근거를 기술", "cite the bylaws")),
                        )),
            )),
        )),
        section("environment", "여건 분석", "Environment", children=(
            section("environment.policy", "정책 동향", "Policy trends", narrative="environment.policy_trends"),
            section("environment.technology", "기술 동향", "Technology trends",
                    narrative="environment.technology_trends"),
            section("status.swot", "SWOT 분석", "SWOT analysis", narrative="status.swot"),
        )),
        section("vision", "비전 및 목표", "Vision and goals", narrative="vision.goals"),
        section("governance", "추진체계 및 성과관리", "Governance", narrative="governance"),
        section("effects", "기대효과", "Expected effects", narrative="expected_effects"),
        section("appendix.results", "추진 실적", "Past results", appendix=True, narrative="status.past_results"),
    )
    return make_profile(sections, language=language, **extra)  # type: ignore[arg-type]


def all_blocks_profile(language: str = "ko") -> GuidelineProfile:
    """One chapter holding every generated block, after a narrative chapter."""
    blocks = tuple(section(f"blocks.{block}", block, block, block=block) for block in BLOCKS)
    return make_profile((
        section("overview", "계획 개요", "Overview", narrative="overview.background"),
        section("blocks", "생성 블록", "Generated blocks", children=blocks),
    ), language=language)


@pytest.fixture
def demo_session() -> Iterator[Callable[[str], Session]]:
    """open(language) -> a session on a fresh in-memory demo plan in that language (closed at the end)."""
    opened: list[tuple[Session, object]] = []

    def open_demo(language: str = "ko") -> Session:
        engine = create_engine("sqlite://")
        event.listen(engine, "connect", lambda connection, _record: connection.execute("PRAGMA foreign_keys = ON"))
        Base.metadata.create_all(engine)
        session = Session(engine)
        build_demo_plan(session, language)
        session.flush()
        opened.append((session, engine))
        return session

    yield open_demo
    for session, engine in opened:
        session.close()
        engine.dispose()  # type: ignore[attr-defined]


def report_with(profile_id: str, language: str, errors: int = 0, warnings: int = 0) -> CheckReport:
    findings = [Finding(id=f"lead:i{n}", check="lead", severity="error", message=f"Error number {n}.",
                        item_kind="initiative", item_id=f"i{n}", item_label=f"A-0{n} Item")
                for n in range(1, errors + 1)]
    findings += [Finding(id=f"duplicates:i{n}", check="duplicates", severity="warning", message=f"Warning {n}.")
                 for n in range(1, warnings + 1)]
    return CheckReport(profile_id, language, tuple(findings))


@pytest.fixture
def fake_checks(monkeypatch: pytest.MonkeyPatch) -> Callable[..., list[tuple[object, ...]]]:
    """Make planner.guidelines.checks.check_plan report a given number of errors; returns the calls' log."""
    calls: list[tuple[object, ...]] = []

    def install(errors: int = 0, warnings: int = 0) -> list[tuple[object, ...]]:
        from planner.guidelines import checks

        def check_plan(session: Session, profile: GuidelineProfile, language: str, *, today: object = None
                       ) -> CheckReport:
            calls.append((profile.id, language, today))
            return report_with(profile.id, language, errors, warnings)

        monkeypatch.setattr(checks, "check_plan", check_plan)
        return calls

    return install
