"""A quick `cplan` start: each command line builds only its own command, and `cplan export --kind schedule` reads
the plan file straight (no SQLAlchemy, no working copy) with every open-time check, the same CSV bytes."""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import planner.cli as cli
import planner.storage.validate as validate
from planner.errors import PlanFileError
from planner.interchange.tabular import cell_values, csv_files
from planner.interchange.tabular.exporting import write_schedule_csv
from planner.reports import schedule_csv
from planner.schedule import NUMPY_IMPORT_FROM
from planner.storage.document import PlanDocument
from planner.storage.schema import SCHEMA_VERSION
from tests.planner.commands.sample_plan import build_sample_plan
from tests.planner.test_cli_schedule import _version_2_file

ROOT = Path(__file__).resolve().parents[2]
# What a schedule CSV export must not import: each costs a tenth of a second or more at every start.
NOT_FOR_A_SCHEDULE_CSV = ("sqlalchemy", "alembic", "matplotlib", "reportlab", "openpyxl", "networkx", "numpy",
                          "PySide6")


def _sample_plan(path: Path) -> Path:
    build_sample_plan(path).engine.dispose()
    return path


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    action = next(action for action in parser._actions if isinstance(action, argparse._SubParsersAction))
    return dict(action.choices)


def test_the_schedule_csv_export_imports_no_database_toolkit_and_no_report_library(tmp_path: Path) -> None:
    plan, target = _sample_plan(tmp_path / "p.cplan"), tmp_path / "out.csv"
    env = os.environ | {"PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
                        "CPLAN_LANG": "en", "CPLAN_DATA_DIR": str(tmp_path / "app-data")}
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "planner.cli", "export", str(plan), "--to", str(target), "--kind",
         "schedule"], env=env, capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Wrote 3 rows of Schedule" in result.stdout
    imported = {line.rsplit("|", 1)[-1].strip().split(".")[0] for line in result.stderr.splitlines()}
    assert "planner" in imported  # the import log was read
    assert imported.isdisjoint(NOT_FOR_A_SCHEDULE_CSV), sorted(imported & set(NOT_FOR_A_SCHEDULE_CSV))
    assert not (tmp_path / "app-data").exists() or not any((tmp_path / "app-data").rglob("*.cplan"))


def test_the_file_read_straight_gives_the_bytes_the_working_copy_gives(tmp_path: Path) -> None:
    plan = _sample_plan(tmp_path / "p.cplan")
    connection = sqlite3.connect(plan)
    with connection:  # titles a spreadsheet would take for formulas, and one starting with an apostrophe
        connection.execute("UPDATE initiative SET title = '=HYPERLINK(\"http://x\")' WHERE code = 'A-01'")
        connection.execute("UPDATE initiative SET title = '''quoted' WHERE code = 'B-01'")
    connection.close()
    for language in ("en", "ko"):
        straight, through_copy = tmp_path / f"straight-{language}.csv", tmp_path / f"copy-{language}.csv"
        message = schedule_csv.write_schedule_of_file(plan, straight, language)
        assert message is not None and str(straight) in message
        document = PlanDocument.open(plan, read_only=True)
        try:
            with document.session() as session:
                assert write_schedule_csv(session, through_copy, language) == 3
        finally:
            document.close()
        assert straight.read_bytes() == through_copy.read_bytes()
    assert "'=HYPERLINK" in straight.read_text(encoding="utf-8-sig")


def test_the_straight_writer_neutralises_and_renders_as_the_tabular_exports_do() -> None:
    assert schedule_csv.FORMULA_STARTS == cell_values.FORMULA_STARTS
    for text in ("", "plain", "=1+1", "+82", "-3", "@sum", "\tx", "\rx", "'kept", "a'b", "해담군"):
        assert schedule_csv.neutralised(text) == cell_values.neutralise(text)
    rows = [["A-01", 'a "quoted", text'], ["B-01", "two\nlines"]]
    assert schedule_csv.csv_bytes(["Code", "Title"], rows) == csv_files.render_csv(["Code", "Title"], rows)


def test_an_older_file_is_still_converted_in_a_working_copy_and_left_as_it_was(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = _version_2_file(tmp_path / "old.cplan")
    original = path.read_bytes()
    assert schedule_csv.write_schedule_of_file(path, tmp_path / "unwritten.csv", "en") is None
    assert not (tmp_path / "unwritten.csv").exists()
    target = tmp_path / "old.csv"
    assert cli.main(["export", str(path), "--to", str(target), "--kind", "schedule", "--lang", "en"]) == 0
    assert "Wrote 1 rows of Schedule" in capsys.readouterr().out
    assert target.read_text(encoding="utf-8-sig").splitlines()[1] == "A-01,옛 과제,2027-04,2027-12"
    assert path.read_bytes() == original


def test_a_file_with_objects_this_app_does_not_make_is_refused_by_the_quick_export(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    plan = _sample_plan(tmp_path / "p.cplan")
    connection = sqlite3.connect(plan)
    connection.execute("CREATE TRIGGER sneaky AFTER INSERT ON initiative BEGIN SELECT 1; END")
    connection.close()
    target = tmp_path / "out.csv"
    assert cli.main(["export", str(plan), "--to", str(target), "--kind", "schedule"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "trigger 'sneaky'" in err and "Traceback" not in err
    assert not target.exists()
    (tmp_path / "not-a-plan.cplan").write_bytes(b"%PDF-1.7\n" + b"x" * 200)
    assert cli.main(["export", str(tmp_path / "not-a-plan.cplan"), "--to", str(target), "--kind", "schedule"]) == 2
    assert "PDF document" in capsys.readouterr().err and not target.exists()


def test_a_file_replaced_between_its_header_check_and_its_reading_is_refused(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    plan = _sample_plan(tmp_path / "p.cplan")
    older = _version_2_file(tmp_path / "older.cplan")
    checked_header = validate._checked_header

    def check_then_replace(path: Path) -> int:
        version = checked_header(path)
        os.replace(older, plan)  # another program swaps the file in between
        return version

    monkeypatch.setattr(validate, "_checked_header", check_then_replace)
    with pytest.raises(PlanFileError) as refused, validate.validated_snapshot(plan):
        pass
    assert refused.value.code == "changed"


def test_the_snapshot_reports_the_checked_file(tmp_path: Path) -> None:
    plan = _sample_plan(tmp_path / "p.cplan")
    with validate.validated_snapshot(plan) as (report, connection):
        assert (report.schema_version, report.needs_migration) == (SCHEMA_VERSION, False)
        assert report.title == "해담군 AI 융합 계획"
        assert connection.in_transaction
        with pytest.raises(sqlite3.OperationalError):
            connection.execute("DELETE FROM initiative")  # read-only


def test_command_modules_name_exactly_the_commands_each_module_adds() -> None:
    full = _subcommands(cli.build_parser())
    assert list(full)[-len(cli.COMMAND_MODULES):] == list(cli.COMMAND_MODULES)  # the order --help lists
    for command, module_name in cli.COMMAND_MODULES.items():
        only = _subcommands(cli.build_parser(command))
        added = {name for name, parser in only.items() if name in cli.COMMAND_MODULES}
        assert added == {name for name, module in cli.COMMAND_MODULES.items() if module == module_name}
        assert only[command].format_help() == full[command].format_help()


@pytest.mark.parametrize(("argv", "command"), [
    (["export", "p.cplan"], "export"),
    (["--lang", "en", "history", "p.cplan"], "history"),
    (["--lang=ko", "info", "p.cplan"], "info"),
    (["--help", "export"], None),
    (["--la", "en", "export"], None),  # an abbreviated option: the whole parser reads it
    (["--version"], None),
    (["--", "export"], None),
    ([], None),
])
def test_the_command_is_read_ahead_only_when_nothing_but_lang_comes_first(argv: list[str], command: str | None
                                                                          ) -> None:
    assert cli._requested_command(argv) == command


@pytest.mark.parametrize("argv", [
    ["export", "p.cplan"],  # --to missing: the export parser's message
    ["exprot", "p.cplan"],  # no such command: every command listed
    ["--lang", "xx", "export", "p.cplan", "--to", "x.csv"],
])
def test_usage_errors_read_as_the_whole_parser_words_them(capsys: pytest.CaptureFixture[str], argv: list[str]
                                                          ) -> None:
    assert cli.main(argv) == 2
    quick = capsys.readouterr().err
    with pytest.raises(cli._UsageError) as whole:
        cli.build_parser().parse_args(argv)
    assert quick.strip() == " ".join(str(whole.value).split())
    if argv[0] == "exprot":
        assert "'merge'" in quick and "'server'" in quick


def test_a_plan_below_the_import_threshold_is_scheduled_without_importing_numpy() -> None:
    code = (
        "import sys\n"
        "from planner.schedule import NUMPY_FROM, NUMPY_IMPORT_FROM, Link, ScheduleInput, schedule\n"
        "count = NUMPY_IMPORT_FROM - 1\n"
        "assert count >= NUMPY_FROM\n"
        "items = [ScheduleInput(str(n), f'A-{n}', 24300, 2) for n in range(count)]\n"
        "result = schedule(items, [Link(str(n), str(n + 1)) for n in range(count - 1)], 24300, 30000)\n"
        "print(result.es[-1] - result.es[0], 'numpy' in sys.modules)\n"
    )
    env = os.environ | {"PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [str(2 * (NUMPY_IMPORT_FROM - 2)), "False"]
