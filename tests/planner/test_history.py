"""The plan's history: every command applied, undone and redone through PlanDocument is recorded once, with who,
when, and each changed row's fields before and after; the record of a huge command is capped; history survives an
import and its undo; reading and filtering it; `cplan history`."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from planner import history
from planner.cli import main
from planner.commands import AddRow, Command, CompositeCommand, DeleteRows, UpdateRow, move_initiative_command
from planner.errors import ValidationError
from planner.history import (
    ROWS_PER_ENTRY,
    HistoryEntry,
    HistoryFilters,
    describe_entry,
    history_authors,
    history_entries,
    items_text,
    reference_labels,
)
from planner.interchange.importing import ReplacePlanCommand, import_plan_json_command
from planner.interchange.incoming import IncomingRows, import_rows_command
from planner.interchange.plan_json import plan_to_json, read_plan_json, render_plan_json
from planner.interchange.report import ImportReport
from planner.model import ChangeLogEntry, Initiative, NarrativeSection, Stakeholder
from planner.months import YearMonth
from planner.stakeholders.positions import set_network_positions_command
from planner.stakeholders.snapshots import save_grid_snapshot_command
from planner.storage import PlanDocument
from tests.planner.commands.sample_plan import build_sample_plan

Ids = dict[str, str]


@pytest.fixture
def sample(tmp_path: Path) -> Iterator[tuple[PlanDocument, Ids]]:
    """The sample plan (a row of every kind, one hand-written change_log row) opened as the app opens it."""
    plan = build_sample_plan(tmp_path / "sample.cplan")
    plan.engine.dispose()
    document = PlanDocument.open(tmp_path / "sample.cplan")
    document.author = "김주무관"
    yield document, plan.ids
    document.close()


def entries(document: PlanDocument, filters: HistoryFilters | None = None) -> list[HistoryEntry]:
    with document.session() as session:
        return history_entries(session, filters)


def recorded(document: PlanDocument) -> list[HistoryEntry]:
    """The entries the test's commands wrote (not the sample plan's hand-written one), oldest first."""
    return [entry for entry in reversed(entries(document)) if entry.command != "import"]


def rows_of(entry: HistoryEntry) -> dict[tuple[str, str], tuple[str, dict[str, tuple[Any, Any]]]]:
    """(kind, id) → (change, {field: (before, after)})."""
    return {(row.kind, row.id): (row.change, {field.name: (field.before, field.after) for field in row.fields})
            for row in entry.rows}


def build(document: PlanDocument, make: Callable[[Session], Command]) -> Command:
    with document.session() as session:
        return make(session)


# -- every command recorded -------------------------------------------------------------------------------


def test_an_edit_records_who_when_what_and_each_field_before_and_after(sample: tuple[PlanDocument, Ids]) -> None:
    document, ids = sample
    started = datetime.now(UTC).replace(tzinfo=None)
    command = UpdateRow("initiative", ids["i1"], {"title": "AI 돌봄 로봇 2단계", "start_month": YearMonth(2027, 5)})
    document.apply(command)
    [entry] = recorded(document)
    assert (entry.author, entry.command, entry.summary, entry.action) == ("김주무관", "update_row", command.label, "do")
    assert started <= entry.at <= datetime.now(UTC).replace(tzinfo=None)
    assert entry.kinds == ("initiative",) and entry.counts == {"initiative": 1} and not entry.truncated
    assert rows_of(entry) == {("initiative", ids["i1"]): (
        "updated", {"title": ("AI 돌봄 로봇", "AI 돌봄 로봇 2단계"), "start_month": ("2027-03", "2027-05")})}
    assert entry.rows[0].label == "A-01 AI 돌봄 로봇 2단계"


def test_added_rows_list_their_values_and_deleted_rows_what_they_held(sample: tuple[PlanDocument, Ids]) -> None:
    document, ids = sample
    add = AddRow("kpi_target", {"kpi_id": ids["k2"], "year": 2029, "target_value": Decimal("80.5")})
    document.apply(add)
    document.apply(DeleteRows("risk", [ids["r2"]]))
    added, deleted = recorded(document)
    change, fields = rows_of(added)[("kpi_target", add.row_id)]
    assert change == "added"
    assert fields["kpi_id"] == (None, ids["k2"]) and fields["year"] == (None, 2029)
    assert fields["target_value"] == (None, "80.5")  # decimals as text, as the plan's JSON file writes them
    assert "modified_at" not in fields and "id" not in fields
    change, fields = rows_of(deleted)[("risk", ids["r2"])]
    assert change == "deleted" and fields["title"] == ("예산 지연", None)


def test_a_cascading_delete_records_every_row_it_removed_or_emptied(sample: tuple[PlanDocument, Ids]) -> None:
    document, ids = sample
    document.apply(DeleteRows("stakeholder", [ids["st1"]]))
    [entry] = recorded(document)
    rows = rows_of(entry)
    assert rows[("stakeholder", ids["st1"])][0] == "deleted"
    for kind, name in (("raci_role", "raci1"), ("stakeholder_relation", "rel1"), ("comment", "c3"),
                       ("network_position", "np1")):
        assert rows[(kind, ids[name])][0] == "deleted", kind
    # a reference emptied by ON DELETE SET NULL is an update of the row that held it
    assert rows[("initiative", ids["i1"])] == ("updated", {"lead_stakeholder_id": (ids["st1"], None)})
    assert rows[("risk", ids["r2"])] == ("updated", {"owner_stakeholder_id": (ids["st1"], None)})
    assert entry.total_rows == len(rows)
    assert entry.rows[0].kind == "stakeholder"  # the item first, then what hung on it


def _commands(document: PlanDocument, ids: Ids) -> dict[str, Callable[[], Command]]:
    """One command of each kind the app makes, built against the plan as it is."""
    return {
        "add_row": lambda: AddRow("field", {"code": "C", "name": "AI 행정"}),
        "update_row": lambda: UpdateRow("stakeholder", ids["st2"], {"influence": 5, "tags": ["민간"]}),
        "delete_rows": lambda: DeleteRows("initiative", [ids["i1"]]),
        "composite": lambda: CompositeCommand("두 가지", [UpdateRow("initiative", ids["i2"], {"phase": 2}),
                                                         UpdateRow("kpi", ids["k2"], {"unit": "%"})]),
        "schedule_edit": lambda: build(document, lambda s: move_initiative_command(s, ids["i2"], YearMonth(2028, 6))),
        "save_grid_snapshot": lambda: build(document, lambda s: save_grid_snapshot_command(s, "2027 하반기")),
        "set_network_positions": lambda: build(
            document, lambda s: set_network_positions_command(s, {ids["st1"]: (0.5, 0.5), ids["st2"]: (0.1, 0.9)})),
        "upsert_rows": lambda: build(document, lambda s: _upsert(s, ids)),
    }


def _upsert(session: Session, ids: Ids) -> Command:
    incoming = IncomingRows()
    current = next(row for row in incoming_rows(session, "stakeholder") if row["id"] == ids["st3"])
    incoming.update("stakeholder", current, {"organisation": "해담군 노인복지관"}, "row 2")
    incoming.add("stakeholder", {"name": "해담 청년회", "sector": "civil_society"}, "row 3")
    command = import_rows_command(session, incoming, ImportReport(), "Import stakeholders")
    assert command is not None
    return command


def incoming_rows(session: Session, kind: str) -> list[dict[str, Any]]:
    from planner.interchange.incoming import existing_rows

    return existing_rows(session, kind)


@pytest.mark.parametrize("name", ["add_row", "update_row", "delete_rows", "composite", "schedule_edit",
                                  "save_grid_snapshot", "set_network_positions", "upsert_rows"])
def test_every_kind_of_command_is_recorded_and_undo_and_redo_mirror_it(sample: tuple[PlanDocument, Ids],
                                                                       name: str) -> None:
    document, ids = sample
    command = _commands(document, ids)[name]()
    document.apply(command)
    document.revert(command)
    document.apply(command, redo=True)
    done, undone, redone = recorded(document)
    assert [entry.action for entry in (done, undone, redone)] == ["do", "undo", "redo"]
    assert {entry.command for entry in (done, undone, redone)} == {name}
    assert undone.summary == f"Undo: {command.label}" and redone.summary == f"Redo: {command.label}"
    assert done.rows, name
    opposite = {"added": "deleted", "deleted": "added", "updated": "updated"}
    mirrored = {key: (opposite[change], {field: (after, before) for field, (before, after) in fields.items()})
                for key, (change, fields) in rows_of(done).items()}
    assert rows_of(undone) == mirrored
    assert rows_of(redone) == rows_of(done)


def test_a_row_deleted_and_written_again_in_one_command_is_an_update(sample: tuple[PlanDocument, Ids]) -> None:
    document, ids = sample  # SetNetworkPositions deletes the stakeholder's position and inserts it again
    document.apply(build(document, lambda s: set_network_positions_command(s, {ids["st1"]: (0.5, 0.75)})))
    [entry] = recorded(document)
    assert rows_of(entry) == {("network_position", ids["np1"]): ("updated", {"x": (0.25, 0.5)})}


def test_two_edits_of_one_row_in_one_command_keep_the_first_before_and_the_last_after(
        sample: tuple[PlanDocument, Ids]) -> None:
    document, ids = sample
    document.apply(CompositeCommand("두 번", [UpdateRow("field", ids["fA"], {"name": "중간"}),
                                             UpdateRow("field", ids["fA"], {"name": "마지막"})]))
    [entry] = recorded(document)
    assert rows_of(entry) == {("field", ids["fA"]): ("updated", {"name": ("AI 복지·돌봄", "마지막")})}


def test_a_refused_command_writes_nothing_and_one_that_changed_nothing_an_empty_entry(
        sample: tuple[PlanDocument, Ids]) -> None:
    document, ids = sample
    with pytest.raises(ValidationError):
        document.apply(UpdateRow("initiative", ids["i1"], {"code": "A-02"}))  # taken by i2
    assert recorded(document) == []
    document.apply(CompositeCommand("nothing", []))
    document.apply(UpdateRow("field", ids["fA"], {"name": "AI 복지·돌봄"}))  # the value it already has
    empty, same = recorded(document)
    assert (empty.summary, empty.rows, empty.kinds, empty.counts) == ("nothing", (), (), {})
    assert (same.summary, same.rows, same.kinds) == ("Edit field", (), ("field",))  # found by the kind filter
    assert history.omitted_note(same) == "No field of the plan changed."
    assert history.items_text(same) == ""


def test_writes_outside_commands_are_not_put_on_the_next_command(sample: tuple[PlanDocument, Ids]) -> None:
    document, ids = sample
    with document.session() as session:  # e.g. a maintenance step that is not an undoable edit
        session.execute(update(Stakeholder.__table__).where(Stakeholder.id == ids["st2"]).values(interest=1))
    document.apply(UpdateRow("field", ids["fB"], {"name": "교통"}))
    [entry] = recorded(document)
    assert list(rows_of(entry)) == [("field", ids["fB"])]


def test_a_dry_run_rolled_back_leaves_no_entry_and_no_kept_rows(sample: tuple[PlanDocument, Ids]) -> None:
    document, ids = sample
    with document.session() as session:  # as PlanController.validate does
        DeleteRows("initiative", [ids["i2"]]).apply(session)
        session.rollback()
    document.apply(UpdateRow("field", ids["fB"], {"name": "교통"}))
    assert [list(rows_of(entry)) for entry in recorded(document)] == [[("field", ids["fB"])]]


def test_long_texts_are_cut_in_the_record_and_kept_whole_in_the_plan(sample: tuple[PlanDocument, Ids]) -> None:
    document, ids = sample
    body = "가" * 10_000
    document.apply(UpdateRow("narrative_section", ids["sec1"], {"body": body}))
    [entry] = recorded(document)
    before, after = rows_of(entry)[("narrative_section", ids["sec1"])][1]["body"]
    assert before == "배경" and after == "가" * history.VALUE_CHARACTERS + "…"
    with document.session() as session:
        assert session.get(NarrativeSection, ids["sec1"]).body == body


# -- large commands ---------------------------------------------------------------------------------------


def test_a_huge_command_keeps_counts_and_the_first_rows(sample: tuple[PlanDocument, Ids]) -> None:
    document, _ids = sample
    count = ROWS_PER_ENTRY + 100
    adds = [AddRow("stakeholder", {"name": f"주민 {n:03d}", "sector": "civil_society"}) for n in range(count)]
    document.apply(CompositeCommand("많이", adds))
    document.apply(DeleteRows("stakeholder", [add.row_id for add in adds]))
    added, deleted = recorded(document)
    for entry in (added, deleted):
        assert entry.truncated and len(entry.rows) == ROWS_PER_ENTRY
        assert entry.total_rows == count
        assert "first 200 of 300" in history.omitted_note(entry)
    assert added.counts == {"stakeholder": count}
    assert {row.change for row in added.rows} == {"added"}
    assert {row.change for row in deleted.rows} == {"deleted"}
    assert sum(deleted.counts.values()) == count  # the rows past the kept old values are counted, kind unknown
    with document.session() as session:
        size = session.execute(select(func.length(ChangeLogEntry.details)).where(
            ChangeLogEntry.id == added.id)).scalar_one()
    assert size < 200_000  # a capped record, not one of every row


def test_an_import_that_replaces_the_plan_is_recorded_and_history_survives_it_and_its_undo(
        sample: tuple[PlanDocument, Ids], tmp_path: Path) -> None:
    document, ids = sample
    document.apply(UpdateRow("field", ids["fB"], {"name": "교통"}))
    other = PlanDocument.new("다른 계획", 2028, 2032)
    try:
        other.apply(AddRow("initiative", {"code": "Z-01", "title": "새 과제", "start_month": YearMonth(2028, 1)}))
        with other.session() as session:
            data = render_plan_json(plan_to_json(session))
    finally:
        other.close()
    tables, report = read_plan_json(data)
    file_history = {row["id"] for row in tables["change_log"]}
    assert file_history  # the file carries its own history ...
    command = build(document, lambda s: import_plan_json_command(s, tables, report=report))
    assert isinstance(command, ReplacePlanCommand)
    before = [entry.id for entry in entries(document)]
    document.apply(command)
    after_import = entries(document)
    ids = [entry.id for entry in after_import]
    assert set(ids) == set(before) | file_history | {ids[0]}  # ... added to this plan's, which stays whole
    assert [entry_id for entry_id in ids if entry_id in before] == before
    imported = after_import[0]
    assert imported.whole_plan and imported.command == "replace_plan" and imported.plan_rows["initiative"] == 1
    assert not imported.truncated  # a small plan: every row it removed and added is listed
    changes = {(row.kind, row.change) for row in imported.rows}
    assert {("initiative", "deleted"), ("initiative", "added"), ("plan", "deleted"), ("plan", "added")} <= changes
    assert imported.counts["initiative"] == 3 + 1
    assert ("change_log", "deleted") not in changes
    assert "Whole plan" in items_text(imported)
    document.revert(command)
    after_undo = entries(document)
    # the file's entries go with the undo; this plan's own, the import's and the undo's stay
    assert [entry.id for entry in after_undo[1:]] == [entry_id for entry_id in ids if entry_id not in file_history]
    assert after_undo[0].action == "undo" and after_undo[0].plan_rows["initiative"] == 3
    with document.session() as session:
        assert session.execute(select(func.count()).select_from(Initiative)).scalar_one() == 3


def test_history_is_saved_with_the_plan(sample: tuple[PlanDocument, Ids], tmp_path: Path) -> None:
    document, ids = sample
    document.apply(UpdateRow("field", ids["fB"], {"name": "교통"}))
    document.save_as(tmp_path / "saved.cplan")
    reopened = PlanDocument.open(tmp_path / "saved.cplan", read_only=True)
    try:
        assert [entry.summary for entry in recorded(reopened)] == ["Edit field"]
    finally:
        reopened.close()


# -- the author -------------------------------------------------------------------------------------------


def test_the_author_is_the_name_set_else_the_login_name(sample: tuple[PlanDocument, Ids],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    document, ids = sample
    monkeypatch.setattr(history.getpass, "getuser", lambda: "kimjm")
    document.author = "  박\n팀장  " + "x" * 200
    assert document.author == ("박 팀장 " + "x" * 200)[:100]
    document.author = ""
    assert document.author == "kimjm"
    document.apply(UpdateRow("field", ids["fB"], {"name": "교통"}))

    def no_login() -> str:
        raise KeyError("no passwd entry")

    monkeypatch.setattr(history.getpass, "getuser", no_login)
    document.apply(UpdateRow("field", ids["fB"], {"name": "교통 2"}))
    assert [entry.author for entry in recorded(document)] == ["kimjm", ""]
    assert history.author_text("") == "(unknown)"


# -- reading ----------------------------------------------------------------------------------------------


def _three_entries(document: PlanDocument, ids: Ids) -> None:
    document.author = "김주무관"
    document.apply(UpdateRow("initiative", ids["i1"], {"title": "스마트 돌봄"}))
    document.author = "박팀장"
    document.apply(UpdateRow("stakeholder", ids["st2"], {"name": "Nuri Soft(주)"}))
    document.apply(AddRow("comment", {"target_kind": "initiative", "target_id": ids["i2"], "body": "일정 확인"}))


def test_entries_are_newest_first_and_filtered_by_author_kind_text_and_time(sample: tuple[PlanDocument, Ids]) -> None:
    document, ids = sample
    _three_entries(document, ids)
    summaries = [entry.summary for entry in entries(document)]
    assert summaries == ["Add comment", "Edit stakeholder", "Edit initiative", "가져오기"]
    assert [e.summary for e in entries(document, HistoryFilters(author="박팀장"))] == ["Add comment", "Edit stakeholder"]
    assert [e.summary for e in entries(document, HistoryFilters(kind="initiative"))] == ["Edit initiative"]
    assert [e.summary for e in entries(document, HistoryFilters(text="nuri SOFT"))] == ["Edit stakeholder"]
    assert [e.summary for e in entries(document, HistoryFilters(text="스마트 돌봄"))] == ["Edit initiative"]
    assert [e.summary for e in entries(document, HistoryFilters(limit=2))] == ["Add comment", "Edit stakeholder"]
    today = datetime.now(UTC).date()
    assert len(entries(document, HistoryFilters(since=history.local_day_start(today - timedelta(days=1))))) == 3
    assert entries(document, HistoryFilters(since=history.local_day_start(today + timedelta(days=2)))) == []
    assert [e.summary for e in entries(document, HistoryFilters(until=history.local_day_end(date(2020, 1, 2))))] \
        == ["가져오기"]
    with document.session() as session:
        assert history_authors(session) == ["김주무관", "박팀장", ""]


def test_entries_read_in_words_with_labels_choices_and_the_names_of_what_they_refer_to(
        sample: tuple[PlanDocument, Ids]) -> None:
    document, ids = sample
    document.apply(UpdateRow("initiative", ids["i2"], {"status": "in_progress", "lead_stakeholder_id": ids["st2"],
                                                       "start_month": YearMonth(2028, 4)}))
    [entry] = recorded(document)
    with document.session() as session:
        references = reference_labels(session, [entry])
    [row] = describe_entry(entry, references)
    assert (row.kind_label, row.label, row.change_label) == ("Initiative", "A-02 AI 안부 전화", "changed")
    fields = {label: (before, after) for label, before, after in row.fields}
    assert fields["Status"] == ("Planned", "In progress")
    assert fields["Lead organisation"] == ("", "누리 소프트")
    assert fields["Start month"] == ("2028-01", "2028-04")
    assert items_text(entry) == "Initiative · A-02 AI 안부 전화"


def test_odd_or_damaged_records_are_read_without_failing(sample: tuple[PlanDocument, Ids]) -> None:
    document, _ids = sample
    with document.session() as session:  # the sample plan's own entry has {"rows": 3}; add worse ones
        for number, details in enumerate([[], {"rows": [1, {"kind": 5, "fields": "x"}]}, {"kinds": "initiative"},
                                          {"rows": [{"kind": "initiative", "fields": {"title": "not a pair"}}]}]):
            session.execute(ChangeLogEntry.__table__.insert().values(
                id=f"odd-{number}", modified_at=datetime(2021, 1, 1), at=datetime(2021, 1, 1 + number),
                author="", command="odd", summary="odd", details=details))
    read = entries(document, HistoryFilters(text="odd"))
    assert len(read) == 4
    for entry in read:
        describe_entry(entry)
        items_text(entry)
    assert entries(document, HistoryFilters(kind="initiative")) == []


# -- the command line -------------------------------------------------------------------------------------


@pytest.fixture
def history_file(tmp_path: Path) -> Path:
    plan = build_sample_plan(tmp_path / "cli.cplan")
    plan.engine.dispose()
    document = PlanDocument.open(tmp_path / "cli.cplan")
    try:
        _three_entries(document, plan.ids)
        document.save()
    finally:
        document.close()
    return tmp_path / "cli.cplan"


def test_cplan_history_lists_entries_and_filters_them(history_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["history", str(history_file)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["Time", "Author", "What", "Items"]
    assert "Add comment" in lines[1] and "박팀장" in lines[1] and "Edit initiative" in lines[3]
    assert main(["history", str(history_file), "--author", "김주무관", "--details"]) == 0
    out = capsys.readouterr().out
    assert "Edit initiative" in out and "Edit stakeholder" not in out
    assert "Title: AI 돌봄 로봇 → 스마트 돌봄" in out
    assert main(["history", str(history_file), "--kind", "stakeholder", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    [entry] = data["entries"]
    assert entry["summary"] == "Edit stakeholder" and entry["author"] == "박팀장"
    assert entry["rows"][0]["fields"]["name"] == {"before": "누리 소프트", "after": "Nuri Soft(주)"}
    assert main(["history", str(history_file), "--since", "2999-01-01"]) == 0
    assert capsys.readouterr().out.strip() == "No history entries match."


def test_cplan_history_refuses_bad_options_and_speaks_korean(history_file: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["history", str(history_file), "--kind", "initiatives"]) == 2
    assert "is not a kind of item" in capsys.readouterr().err
    assert main(["history", str(history_file), "--since", "yesterday"]) == 2
    assert "is not a date" in capsys.readouterr().err
    assert main(["history", str(history_file), "--limit", "0"]) == 2
    capsys.readouterr()
    assert main(["--lang", "ko", "history", str(history_file), "--limit", "1"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split()[1] == "작성자"  # the author column, in Korean


def test_cplan_history_of_a_plan_without_history(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", str(tmp_path / "new.cplan"), "--title", "새 계획", "--start-year", "2027",
                 "--end-year", "2031"]) == 0
    capsys.readouterr()
    assert main(["history", str(tmp_path / "new.cplan")]) == 0
    assert capsys.readouterr().out.strip() == "The plan has no history yet."
