"""`cplan export FILE --to OUT.pdf`: written, refused with the errors, forced drafts, formats, options."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import update

from planner.cli import main
from planner.guidelines.loader import builtin_profiles_dir, find_profile
from planner.model import Plan
from planner.reports import pdf as pdf_module
from planner.storage import PlanDocument
from tests.planner.reports import pdf_reading as reading


@pytest.fixture
def demo_file(tmp_path: Path) -> Path:
    path = tmp_path / "demo.cplan"
    assert main(["demo", str(path), "--lang", "ko"]) == 0
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_export_writes_the_pdf_and_says_how_many_pages(demo_file: Path, tmp_path: Path,
                                                       fake_checks: Callable[..., object],
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    calls = fake_checks(errors=0, warnings=2)
    target = tmp_path / "plan.pdf"
    code, out, err = run(capsys, "export", str(demo_file), "--to", str(target))
    assert (code, err) == (0, "")
    reader = reading.read_pdf(target.read_bytes())
    assert out.strip() == f"Wrote {target.absolute()}: {len(reader.pages)} pages."
    assert calls == [("kr-master-plan", "ko", None)]  # the plan's own profile, in the profile's language
    assert reader.metadata.subject == find_profile("kr-master-plan").name.get("ko")
    assert reading.document_language(reader) == "ko-KR"
    assert not any("DRAFT" in text for text in reading.page_texts(reader))


def test_errors_refuse_the_export_with_the_list(demo_file: Path, tmp_path: Path,
                                                fake_checks: Callable[..., object],
                                                capsys: pytest.CaptureFixture[str]) -> None:
    fake_checks(errors=2, warnings=1)
    target = tmp_path / "plan.pdf"
    code, out, _err = run(capsys, "export", str(demo_file), "--to", str(target))
    assert code == 1
    lines = out.strip().splitlines()
    assert "2 error(s)" in lines[0]
    assert lines[1:3] == ["  - [lead] A-01 Item: Error number 1.", "  - [lead] A-02 Item: Error number 2."]
    assert "--force" in lines[3] and len(lines) == 4  # warnings are not listed
    assert not target.exists()


def test_force_writes_a_draft(demo_file: Path, tmp_path: Path, fake_checks: Callable[..., object],
                              capsys: pytest.CaptureFixture[str]) -> None:
    fake_checks(errors=3)
    target = tmp_path / "plan.pdf"
    code, out, _err = run(capsys, "export", str(demo_file), "--to", str(target), "--force")
    assert code == 0
    reader = reading.read_pdf(target.read_bytes())
    assert out.strip() == (f"Wrote a draft (초안 / DRAFT) to {target.absolute()}: {len(reader.pages)} pages, "
                           "3 error(s) left.")
    assert all("초안 / DRAFT" in text for text in reading.page_texts(reader))


def test_real_checks_and_blocks_with_force(demo_file: Path, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "plan.pdf"
    code, out, err = run(capsys, "export", str(demo_file), "--to", str(target), "--force")
    assert code == 0, err
    pages = len(reading.read_pdf(target.read_bytes()).pages)
    assert out.startswith("Wrote ") and f": {pages} pages" in out and pages > 20


def test_unknown_format_names_the_formats(demo_file: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "export", str(demo_file), "--to", str(tmp_path / "plan.docx"))
    assert code == 2 and out == ""
    assert "'.docx'" in err and ".pdf (PDF document)" in err
    assert not (tmp_path / "plan.docx").exists()


def test_unknown_profile_is_bad_input(demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, "export", str(demo_file), "--to", str(tmp_path / "plan.pdf"),
                          "--profile", "no-such-profile")
    assert code == 2 and "no-such-profile" in err
    assert not (tmp_path / "plan.pdf").exists()


def test_profile_language_and_year_options(demo_file: Path, tmp_path: Path, fake_checks: Callable[..., object],
                                           capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    calls = fake_checks()
    asked: list[tuple[str, str, int | None]] = []

    def fake_render(session: object, profile: object, language: str, **options: object) -> tuple[bytes, int]:
        asked.append((profile.id, language, options.get("report_year")))  # type: ignore[attr-defined]
        return b"%PDF-1.4 fake", 1

    monkeypatch.setattr(pdf_module, "render_pdf", fake_render)
    target = tmp_path / "plan.pdf"
    code, out, _err = run(capsys, "export", str(demo_file), "--to", str(target), "--profile",
                          "kr-annual-implementation", "--lang", "en", "--year", "2029")
    assert code == 0 and "1 pages" in out
    assert asked == [("kr-annual-implementation", "en", 2029)] and calls[-1][:2] == ("kr-annual-implementation", "en")
    assert target.read_bytes() == b"%PDF-1.4 fake"
    code, _out, err = run(capsys, "export", str(demo_file), "--to", str(target), "--year", "20")
    assert code == 2 and "--year" in err


def test_profile_from_a_file(demo_file: Path, tmp_path: Path, fake_checks: Callable[..., object],
                             capsys: pytest.CaptureFixture[str]) -> None:
    fake_checks()
    profile_file = tmp_path / "mine.yaml"
    shutil.copy(builtin_profiles_dir() / "en-partner-brief.yaml", profile_file)
    target = tmp_path / "plan.pdf"
    code, _out, err = run(capsys, "export", str(demo_file), "--to", str(target), "--profile", str(profile_file))
    assert code == 0, err
    reader = reading.read_pdf(target.read_bytes())
    assert reading.document_language(reader) == "en-US"


def test_the_plans_own_profile_is_used(demo_file: Path, tmp_path: Path, fake_checks: Callable[..., object],
                                       capsys: pytest.CaptureFixture[str]) -> None:
    calls = fake_checks()
    document = PlanDocument.open(demo_file, read_only=False)
    try:
        with document.session() as session:
            session.execute(update(Plan).values(guideline_profile_id="en-partner-brief"))
        document.save()
    finally:
        document.close()
    code, _out, err = run(capsys, "export", str(demo_file), "--to", str(tmp_path / "plan.pdf"))
    assert code == 0, err
    assert calls == [("en-partner-brief", "en", None)]


@pytest.mark.parametrize("kind", ["schedule", "initiatives"])
def test_an_export_onto_the_plan_file_itself_is_refused_and_the_plan_kept(
        demo_file: Path, capsys: pytest.CaptureFixture[str], kind: str) -> None:
    plan_named_csv = demo_file.with_name("plan.csv")  # a plan file may have any name
    shutil.copyfile(demo_file, plan_named_csv)
    before = plan_named_csv.read_bytes()
    code, out, err = run(capsys, "export", str(plan_named_csv), "--to", str(plan_named_csv), "--kind", kind)
    assert code == 2 and "would replace the plan" in err and out == ""
    assert plan_named_csv.read_bytes() == before


def test_an_export_into_a_missing_folder_or_onto_a_folder_says_so(
        demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "없는 폴더" / "일정.csv"
    code, _out, err = run(capsys, "export", str(demo_file), "--to", str(missing), "--kind", "schedule")
    assert code == 2 and f"The folder {missing.parent} does not exist." in err and ".writing" not in err
    folder = tmp_path / "folder.csv"
    folder.mkdir()
    code, _out, err = run(capsys, "export", str(demo_file), "--to", str(folder))
    assert code == 2 and "is a folder" in err
    assert list(folder.iterdir()) == []
