"""iCalendar export: initiative periods from the computed schedule, milestones, stable UIDs, Korean text folded."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from icalendar import Calendar
from sqlalchemy import update

import planner.cli as cli
from planner.interchange.calendar_export import calendar_document, last_day
from planner.model import Initiative
from planner.months import YearMonth
from planner.storage.document import PlanDocument
from tests.planner.commands.sample_plan import build_sample_plan

STAMP = datetime(2027, 1, 5, 9, 30, tzinfo=UTC)


def events_of(data: bytes) -> dict[str, object]:
    parsed = Calendar.from_ical(data)
    return {str(event["uid"]): event for event in parsed.walk("VEVENT")}


def sample_calendar(tmp_path: Path, language: str = "ko", **changes: object) -> bytes:
    tmp_path.mkdir(parents=True, exist_ok=True)
    sample = build_sample_plan(tmp_path / "p.cplan")
    if changes:
        sample.run(lambda session: session.execute(
            update(Initiative.__table__).where(Initiative.__table__.c.code == "A-01").values(**changes)))
    sample.engine.dispose()
    document = PlanDocument.open(tmp_path / "p.cplan")
    with document.session() as session:
        data, _count = calendar_document(session, language, stamp=STAMP)
    document.close()
    return data


def uid(short: str) -> str:
    """The sample plan's row ids are made from short names (see sample_plan.py)."""
    return f"{short:0>8}-0000-4000-8000-000000000000@convergence-planner"


def test_initiative_periods_follow_the_schedule_and_milestones_fall_on_the_last_day(tmp_path: Path) -> None:
    data = sample_calendar(tmp_path)
    parsed = Calendar.from_ical(data)
    assert (str(parsed["version"]), str(parsed["x-wr-calname"])) == ("2.0", "해담군 AI 융합 계획")
    assert "Convergence Planner" in str(parsed["prodid"])
    events = events_of(data)
    assert len(events) == 4  # three initiatives and one milestone
    robot = events[uid("i1")]
    assert (robot["dtstart"].dt, robot["dtend"].dt) == (date(2027, 3, 1), date(2028, 3, 1))  # 12 months, DTEND after
    assert str(robot["summary"]) == "A-01 AI 돌봄 로봇"
    assert robot["dtstamp"].dt == STAMP
    # A-02 was planned for 2028-01 but follows A-01 (FS, lag 1): the calendar shows the computed months.
    calls = events[uid("i2")]
    assert (calls["dtstart"].dt, calls["dtend"].dt) == (date(2028, 4, 1), date(2028, 10, 1))
    stop = events[uid("i3")]  # a milestone initiative (duration 0) in 2027-01
    assert (stop["dtstart"].dt, stop["dtend"].dt) == (date(2027, 1, 31), date(2027, 2, 1))
    assert str(stop["summary"]) == "◆ B-01 스마트 정류장"
    pilot = events[uid("m1")]
    assert (pilot["dtstart"].dt, pilot["dtend"].dt) == (date(2027, 9, 30), date(2027, 10, 1))
    assert str(pilot["summary"]) == "◆ A-01 시범 운영"
    assert all(str(event["transp"]) == "TRANSPARENT" for event in events.values())


def test_descriptions_and_categories_carry_lead_status_field_and_strategy(tmp_path: Path) -> None:
    events = events_of(sample_calendar(tmp_path, lead_department="스마트정보과", status="in_progress"))
    robot = events[uid("i1")]
    description = str(robot["description"])
    assert "주관기관: 해담군청 디지털정책과" in description
    assert "주관부서: 스마트정보과" in description
    assert "상태: 추진 중" in description
    assert [str(name) for name in robot["categories"].cats] == ["AI 복지·돌봄", "돌봄 기반 조성"]
    english = events_of(sample_calendar(tmp_path / "en", language="en"))
    assert "Lead organisation: 해담군청 디지털정책과" in str(english[uid("i1")]["description"])


def test_a_cancelled_initiative_is_marked_cancelled(tmp_path: Path) -> None:
    events = events_of(sample_calendar(tmp_path, status="cancelled"))
    assert str(events[uid("i1")]["status"]) == "CANCELLED"
    assert str(events[uid("m1")]["status"]) == "CANCELLED"
    assert "status" not in events[uid("i2")]


def test_long_korean_and_hostile_text_is_folded_escaped_and_read_back(tmp_path: Path) -> None:
    title = "지역 주민, 어르신; 그리고 \\ 돌봄 — " + "가나다라마바사아자차카타파하" * 6 + "\n둘째 줄\x01"
    data = sample_calendar(tmp_path, title=title)
    lines = data.split(b"\r\n")
    assert lines[-1] == b"" and b"\n" not in b"".join(lines)  # CRLF line ends only
    assert max(len(line) for line in lines) <= 75  # RFC 5545 folding, in octets
    for line in lines:
        line.decode("utf-8")  # folding never splits a Korean character
    summary = str(events_of(data)[uid("i1")]["summary"])
    assert summary == "A-01 " + title.replace("\x01", " ")


def test_every_uid_is_stable_across_exports(tmp_path: Path) -> None:
    first = sample_calendar(tmp_path / "a")
    second = sample_calendar(tmp_path / "b")
    assert set(events_of(first)) == set(events_of(second))
    assert first == second  # with the same time stamp the bytes are the same


def test_cli_writes_the_calendar_atomically(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    plan = tmp_path / "demo.cplan"
    assert cli.main(["demo", str(plan), "--lang", "ko"]) == 0
    target = tmp_path / "plan.ics"
    target.write_bytes(b"old")
    capsys.readouterr()
    assert cli.main(["export", str(plan), "--to", str(target)]) == 0
    out = capsys.readouterr().out
    events = events_of(target.read_bytes())
    assert "66" in out and len(events) == 66  # 28 initiatives and 38 milestones
    assert not list(tmp_path.glob(".plan.ics.*"))
    assert all(event["dtstart"].dt < event["dtend"].dt for event in events.values())


def test_last_day_of_month() -> None:
    assert last_day(YearMonth(2028, 2)) == date(2028, 2, 29)
    assert last_day(YearMonth(2027, 12)) == date(2027, 12, 31)
