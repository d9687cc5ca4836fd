"""Re-render the user guide's screenshots with the app's own --screenshot option (offscreen, demo plan)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

IMAGES = Path(__file__).resolve().parent / "images"
SHOTS = {
    "start": [],
    "overview": ["--demo", "--view", "overview"],
    "initiatives": ["--demo", "--view", "initiatives"],
    "stakeholders": ["--demo", "--view", "stakeholders"],
    "grid": ["--demo", "--view", "grid"],
    "network": ["--demo", "--view", "network"],
    "raci": ["--demo", "--view", "raci"],
    "roadmap": ["--demo", "--view", "roadmap"],
    "dependencies": ["--demo", "--view", "dependencies"],
    "budget": ["--demo", "--view", "budget"],
    "document": ["--demo", "--view", "document"],
    "checks": ["--demo", "--view", "checks"],
    "slide-title": ["--demo", "--present", "--slide", "1"],
    "slide-roadmap": ["--demo", "--present", "--slide", "2"],
    "slide-roadmap-high-contrast": ["--demo", "--present", "--slide", "2", "--theme", "high-contrast"],
}
# The import dialog's mapping step (name -> sample table per language), shown with --import-preview.
IMPORT_SHOTS = {
    "import-mapping": {
        "ko": ("과제.csv", "번호,사업명,시작시기,추진기간,담당부서,추진상태,사업비(백만원),비고\n"
                          "F-01,AI 돌봄 로봇 보급 확대,2027. 3.,18,복지정책과,진행중,1200,시범사업 성과 반영\n"
                          "F-02,독거노인 AI 안부 확인 서비스,2027-07,12,노인복지과,예정,450,\n"
                          "F-03,치매 조기 발견 AI 검사,2028년 1월,24,보건소,예정,800,공모 연계\n"
                          "G-01,지역 데이터 댐 구축,2027/5,30,정보통신과,예정,2500,민간 클라우드 활용\n"
                          "G-02,AI 민원 상담 챗봇,2027. 1.,9,민원봉사과,진행중,300,표준 모델 적용\n"),
        "en": ("initiatives.csv", "Code,Initiative,Start,Months,Department,Status,Budget (KRW million),Notes\n"
                                 "F-01,AI care robots for more homes,2027-03,18,Welfare Policy,In progress,1200,pilot\n"
                                 "F-02,AI check-in calls for seniors,2027-07,12,Senior Welfare,Planned,450,\n"
                                 "F-03,Early dementia screening with AI,2028-01,24,Public Health,Planned,800,\n"
                                 "G-01,Regional data dam,2027-05,30,ICT,Planned,2500,cloud partner\n"
                                 "G-02,AI civil-petition chatbot,2027-01,9,Civil Service,In progress,300,\n"),
    },
}
# Pages of the demo plan's PDF shown in the guide: name -> how to find the page.
PDF_PAGES = ("cover", "contents", "roadmap", "sheet")


def render_pdf_pages(pdf: Path, folder: Path, sheet_word: str) -> None:
    """Render the cover, the contents, the first roadmap page and the first definition sheet of a PDF to PNGs."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
    from PySide6.QtPdf import QPdfDocument

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication.instance() or QGuiApplication([])
    document = QPdfDocument(app)
    document.load(str(pdf))
    pages = range(document.pageCount())
    landscape = next(page for page in pages if document.pagePointSize(page).width() > document.pagePointSize(page).height())
    texts = {page: document.getAllText(page).text() for page in pages}
    sheets = [page for page in pages if page > 2 and sheet_word in texts[page]]
    chosen = {"cover": 0, "contents": 1, "roadmap": landscape, "sheet": sheets[1] if len(sheets) > 1 else sheets[0]}
    for name in PDF_PAGES:
        size = document.pagePointSize(chosen[name])
        page = document.render(chosen[name], QSize(int(size.width() * 1.4), int(size.height() * 1.4)))
        image = QImage(page.size(), QImage.Format.Format_RGB32)
        image.fill(QColor("white"))  # the rendered page is transparent where nothing is drawn
        painter = QPainter(image)
        painter.drawImage(0, 0, page)
        painter.end()
        image.save(str(folder / f"pdf-{name}.png"))
        print((folder / f"pdf-{name}.png").relative_to(IMAGES.parent))


# People who edit and comment in the history and comments screenshots.
HISTORY_PEOPLE = {"ko": ("김지민 주무관", "박수진 팀장", "이동훈 과장"),
                  "en": ("Kim Ji-min", "Park Soo-jin", "Lee Dong-hoon")}
HISTORY_TEXTS = {
    "ko": ("예산 산출 근거를 보완해 주세요.", "다음 주까지 국비 매칭 근거를 보완하겠습니다.",
           "시범 지역 선정 기준을 명확히 해 주세요."),
    "en": ("Please add how the budget was worked out.", "I will add the national matching basis next week.",
           "Please state how the pilot areas are chosen."),
}


def write_history_plan(path: Path, language: str) -> None:
    """The demo plan with a few recorded edits (one undone and redone) and two comment threads on its first
    initiative, one resolved (run in its own process: `make_screenshots.py --history-plan PATH LANG`)."""
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from planner.cli import main as cplan
    from planner.commands import UpdateRow, move_initiative_command
    from planner.comments import add_comment_command, reply_command, set_resolved_command
    from planner.i18n import set_language
    from planner.model import Initiative
    from planner.storage import PlanDocument

    if cplan(["--lang", language, "demo", str(path), "--force"]) != 0:
        raise SystemExit(f"could not write {path}")
    set_language(language)
    officer, lead, manager = HISTORY_PEOPLE[language]
    first_text, reply_text, second_text = HISTORY_TEXTS[language]
    document = PlanDocument.open(path)
    try:
        with document.session() as session:
            first, second = session.execute(select(Initiative.id, Initiative.start_month)
                                            .order_by(Initiative.code).limit(2)).all()

        def apply(make: Callable[[Session], Any]) -> Any:
            with document.session() as session:
                command = make(session)
            document.apply(command)
            return command

        document.author = officer
        thread = apply(lambda s: add_comment_command(s, "initiative", first.id, first_text, officer))
        document.author = lead
        apply(lambda s: reply_command(s, thread.row_id, reply_text, lead))
        document.author = manager
        apply(lambda s: add_comment_command(s, "initiative", first.id, second_text, manager))
        moved = apply(lambda s: move_initiative_command(s, second.id, second.start_month + 2))
        document.revert(moved)
        document.apply(moved, redo=True)
        document.author = officer
        apply(lambda s: set_resolved_command(s, thread.row_id, True))
        document.apply(UpdateRow("initiative", first.id, {"duration_months": 8, "status": "in_progress",
                                                          "progress": 10}))
        document.save()
    finally:
        document.close()


def shoot_comments(path: Path, language: str, target: Path) -> None:
    """The inspector with the comments on the plan's first initiative (run in its own process:
    `make_screenshots.py --comments-shot PATH LANG PNG`)."""
    from sqlalchemy import select

    from desktop_app.app import (
        _settle,
        create_application,
        create_window,
        install_qt_translations,
        parse_arguments,
    )
    from planner.i18n import set_language
    from planner.model import Initiative

    set_language(language)
    app = create_application(sys.argv[:1])
    install_qt_translations(app, language)
    window, _deferred = create_window(parse_arguments([str(path), "--view", "initiatives", "--lang", language]),
                                      interactive=False)
    assert window.controller is not None
    first = window.controller.read(lambda session: session.execute(
        select(Initiative.id).order_by(Initiative.code).limit(1)).scalar_one())
    window.resize(1600, 1000)
    window.show()
    window.controller.select("initiative", [first])
    _settle(app, 0.5)
    if not window.inspector_dock.grab().save(str(target), "PNG"):
        raise SystemExit(f"could not write {target}")
    window.shutdown()
    window.close()


def shoot_history(data_dir: str, env: dict[str, str], language: str, folder: Path) -> None:
    """The History view and the inspector's comments, on a demo plan with recorded edits and comments."""
    plan = Path(data_dir) / f"history-{language}.cplan"
    script = str(Path(__file__).resolve())
    subprocess.run([sys.executable, script, "--history-plan", str(plan), language], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    target = folder / "history.png"
    subprocess.run([sys.executable, "-m", "desktop_app", str(plan), "--view", "history", "--lang", language,
                    "--screenshot", str(target)], env=env, check=True, stderr=subprocess.DEVNULL)
    print(target.relative_to(IMAGES.parent))
    target = folder / "comments.png"
    subprocess.run([sys.executable, script, "--comments-shot", str(plan), language, str(target)], env=env, check=True,
                   stderr=subprocess.DEVNULL)
    print(target.relative_to(IMAGES.parent))


def main() -> int:
    with tempfile.TemporaryDirectory() as data_dir:
        env = os.environ | {"QT_QPA_PLATFORM": "offscreen", "CPLAN_DATA_DIR": data_dir}
        for language in ("ko", "en"):
            folder = IMAGES / language
            folder.mkdir(parents=True, exist_ok=True)
            for name, arguments in SHOTS.items():
                target = folder / f"{name}.png"
                command = [sys.executable, "-m", "desktop_app", *arguments, "--lang", language, "--screenshot", str(target)]
                subprocess.run(command, env=env, check=True, stderr=subprocess.DEVNULL)
                print(target.relative_to(IMAGES.parent))
            for name, samples in IMPORT_SHOTS.items():
                file_name, text = samples[language]
                sample = Path(data_dir) / file_name
                sample.write_text(text, encoding="utf-8")
                target = folder / f"{name}.png"
                command = [sys.executable, "-m", "desktop_app", "--demo", "--import-preview", str(sample), "--lang",
                           language, "--screenshot", str(target)]
                subprocess.run(command, env=env, check=True, stderr=subprocess.DEVNULL)
                print(target.relative_to(IMAGES.parent))
            plan, pdf = Path(data_dir) / f"demo-{language}.cplan", Path(data_dir) / f"demo-{language}.pdf"
            cplan = [sys.executable, "-m", "planner.cli", "--lang", language]
            subprocess.run([*cplan, "demo", str(plan), "--force"], env=env, check=True, stdout=subprocess.DEVNULL)
            subprocess.run([*cplan, "export", str(plan), "--to", str(pdf), "--lang", language], env=env, check=True,
                           stdout=subprocess.DEVNULL)
            render_pdf_pages(pdf, folder, "주요내용" if language == "ko" else "Main content")
            shoot_history(data_dir, env, language, folder)
            shoot_merge(Path(data_dir), env, language, folder)
            shoot_versions(Path(data_dir), env, language, folder)
            subprocess.run([sys.executable, str(Path(__file__).resolve()), "--team-shot", language, str(folder)],
                           env=env, check=True, stderr=subprocess.DEVNULL)
            shoot_about(env, language, folder)
    return 0


def write_merge_pair(folder: Path, language: str) -> tuple[Path, Path]:
    """The demo plan copied and edited on both sides (conflicting titles and progress, a deletion against an
    edit), for the conflict review screenshot."""
    import shutil

    from sqlalchemy import select

    from planner.cli import main as cplan
    from planner.commands import DeleteRows, UpdateRow
    from planner.model import Initiative
    from planner.storage import PlanDocument

    ours, theirs = folder / f"merge-ours-{language}.cplan", folder / f"merge-theirs-{language}.cplan"
    cplan(["demo", str(ours), "--lang", language, "--force"])
    shutil.copy(ours, theirs)
    edits = {ours: [("A-01", {"progress": 40}), ("A-02", {"duration_months": 20}), ("C-02", None)],
             theirs: [("A-01", {"progress": 55}), ("B-01", {"progress": 10}), ("C-02", {"progress": 30})]}
    for path, changes in edits.items():
        with PlanDocument.open(path) as document:
            with document.session() as session:
                ids = dict(session.execute(select(Initiative.code, Initiative.id)).all())
            for code, values in changes:
                document.apply(DeleteRows("initiative", [ids[code]]) if values is None
                               else UpdateRow("initiative", ids[code], values))
            document.save()
    return ours, theirs


def shoot_merge(data_dir: Path, env: dict[str, str], language: str, folder: Path) -> None:
    """merge-review.png: the conflict review dialog (--merge-preview)."""
    ours, theirs = write_merge_pair(data_dir, language)
    target = folder / "merge-review.png"
    subprocess.run([sys.executable, "-m", "desktop_app", str(ours), "--merge-preview", str(theirs), "--lang",
                    language, "--screenshot", str(target)], env=env, check=True, stderr=subprocess.DEVNULL)
    print(target.relative_to(IMAGES.parent))


VERSION_NAMES = {"ko": ("부서 의견 반영 전 초안", "의회 보고안"), "en": ("Draft before the departments' comments",
                                                                     "For the council")}


def write_versions_plan(path: Path, language: str) -> None:
    """The demo plan saved three times, two of the versions named, for the Versions dialog screenshot."""
    from sqlalchemy import select

    from planner.cli import main as cplan
    from planner.commands import UpdateRow
    from planner.model import Initiative
    from planner.storage import PlanDocument
    from planner.versions import list_versions, name_version

    cplan(["demo", str(path), "--lang", language, "--force"])
    for progress in (20, 45):
        with PlanDocument.open(path) as document:
            with document.session() as session:
                first = session.execute(select(Initiative.id).order_by(Initiative.code).limit(1)).scalar_one()
            document.apply(UpdateRow("initiative", first, {"progress": progress}))
            document.save()
    newest, _middle, oldest = list_versions(path)
    draft, council = VERSION_NAMES[language]
    name_version(path, oldest.id, draft)
    name_version(path, newest.id, council, "2027년 3월 정례회" if language == "ko" else "March 2027 session")


def shoot_versions_dialog(path: Path, language: str, target: Path) -> None:
    """The Versions dialog (run in its own process: `make_screenshots.py --versions-shot PATH LANG PNG`)."""
    from desktop_app.app import (
        _settle,
        create_application,
        create_window,
        install_qt_translations,
        parse_arguments,
    )
    from planner.i18n import set_language

    set_language(language)
    app = create_application(sys.argv[:1])
    install_qt_translations(app, language)
    window, _deferred = create_window(parse_arguments([str(path), "--view", "history", "--lang", language]),
                                      interactive=False)
    window.resize(1400, 900)
    window.show()
    window.show_versions()
    dialog = window.versions_dialog
    dialog.tree.setCurrentItem(dialog.tree.topLevelItem(0))
    _settle(app, 0.5)
    if not dialog.grab().save(str(target), "PNG"):
        raise SystemExit(f"could not write {target}")
    dialog.close()
    window.shutdown()
    window.close()


def shoot_versions(data_dir: Path, env: dict[str, str], language: str, folder: Path) -> None:
    """versions.png: File ▸ Versions… on a plan saved three times, two versions named."""
    plan = data_dir / f"versions-{language}.cplan"
    script = str(Path(__file__).resolve())
    subprocess.run([sys.executable, script, "--versions-plan", str(plan), language], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    target = folder / "versions.png"
    subprocess.run([sys.executable, script, "--versions-shot", str(plan), language, str(target)], env=env,
                   check=True, stderr=subprocess.DEVNULL)
    print(target.relative_to(IMAGES.parent))


# The data folder the About dialog shows in the guide: where a Linux user's folder is (nothing is written to it).
ABOUT_DATA_FOLDER = "/home/user/.local/share/ConvergencePlanner"


def shoot_about_dialog(language: str, folder: Path) -> None:
    """about.png and about-licences.png: Help ▸ About, on its first tab and on the licences with PySide6 and Qt
    selected (run in its own process: `make_screenshots.py --about-shot LANG FOLDER`)."""
    from desktop_app.app import _settle, create_application, install_qt_translations
    from desktop_app.dialogs.about import AboutDialog
    from planner.i18n import set_language

    set_language(language)
    app = create_application(sys.argv[:1])
    install_qt_translations(app, language)
    dialog = AboutDialog()
    dialog.show()
    for name, tab in (("about", 0), ("about-licences", 1)):
        dialog.tabs.setCurrentIndex(tab)
        dialog.select_licence("PySide6 and Qt")
        _settle(app, 0.3)
        target = folder / f"{name}.png"
        if not dialog.grab().save(str(target), "PNG"):
            raise SystemExit(f"could not write {target}")
    dialog.close()


def shoot_about(env: dict[str, str], language: str, folder: Path) -> None:
    script = str(Path(__file__).resolve())
    subprocess.run([sys.executable, script, "--about-shot", language, str(folder)],
                   env=env | {"CPLAN_DATA_DIR": ABOUT_DATA_FOLDER}, check=True, stderr=subprocess.DEVNULL)
    for name in ("about", "about-licences"):
        print((folder / f"{name}.png").relative_to(IMAGES.parent))


def shoot_team_dialogs(language: str, folder: Path) -> None:
    """team-open.png (File ▸ Open Team Plan…) and team-merge.png (the stale edit's Merge…), with sample values;
    no server is needed (run in its own process: `make_screenshots.py --team-shot LANG FOLDER`)."""
    from datetime import datetime

    from desktop_app.app import _settle, create_application, install_qt_translations
    from desktop_app.team.open_dialog import OpenTeamPlanDialog
    from desktop_app.team.stale_merge_dialog import StaleMergeDialog
    from planner.i18n import set_language
    from planner.months import YearMonth
    from planner.team.session import StaleEditError

    set_language(language)
    app = create_application(sys.argv[:1])
    install_qt_translations(app, language)
    login = OpenTeamPlanDialog()
    for edit, value in ((login.host_edit, "plan.haedam.go.kr"), (login.database_edit, "ai_plan_2027"),
                        (login.user_edit, "minsu.kim"), (login.password_edit, "password")):
        edit.setText(value)
    login.password_edit.setFocus()
    ko = language == "ko"
    error = StaleEditError("initiative", "x", "A-01 " + ("AI 돌봄 로봇 보급 확대" if ko else "AI care robots"),
                           "이영희" if ko else "Lee Younghee", datetime(2027, 3, 14, 10, 42).astimezone(),
                           ["start_month", "status", "title"],
                           theirs={"title": "AI 돌봄 로봇 보급 확대(2단계)" if ko else "AI care robots, phase 2",
                                   "start_month": YearMonth(2027, 9).index, "status": "in_progress"},
                           mine={"title": "AI 돌봄 로봇 전 읍면 보급" if ko else "AI care robots for every town",
                                 "start_month": YearMonth(2027, 7).index, "status": "planned"})
    merge = StaleMergeDialog(error)
    merge.theirs_buttons["start_month"].setChecked(True)
    for dialog, name in ((login, "team-open"), (merge, "team-merge")):
        dialog.show()
        _settle(app, 0.3)
        login.password_edit.deselect()  # no selection highlight in the guide
        if not dialog.grab().save(str(folder / f"{name}.png"), "PNG"):
            raise SystemExit(f"could not write {folder / name}.png")
        dialog.close()


if __name__ == "__main__":
    if sys.argv[1:2] == ["--team-shot"]:
        sys.path.insert(0, str(IMAGES.parent.parent))
        shoot_team_dialogs(sys.argv[2], Path(sys.argv[3]))
        raise SystemExit(0)
    if sys.argv[1:2] == ["--about-shot"]:
        sys.path.insert(0, str(IMAGES.parent.parent))
        shoot_about_dialog(sys.argv[2], Path(sys.argv[3]))
        raise SystemExit(0)
    if sys.argv[1:2] == ["--versions-plan"]:
        sys.path.insert(0, str(IMAGES.parent.parent))
        write_versions_plan(Path(sys.argv[2]), sys.argv[3])
        raise SystemExit(0)
    if sys.argv[1:2] == ["--versions-shot"]:
        sys.path.insert(0, str(IMAGES.parent.parent))
        shoot_versions_dialog(Path(sys.argv[2]), sys.argv[3], Path(sys.argv[4]))
        raise SystemExit(0)
    if sys.argv[1:2] == ["--history-plan"]:
        sys.path.insert(0, str(IMAGES.parent.parent))
        write_history_plan(Path(sys.argv[2]), sys.argv[3])
        raise SystemExit(0)
    if sys.argv[1:2] == ["--comments-shot"]:
        sys.path.insert(0, str(IMAGES.parent.parent))
        shoot_comments(Path(sys.argv[2]), sys.argv[3], Path(sys.argv[4]))
        raise SystemExit(0)
    raise SystemExit(main())
