"""Start-up of the desktop app: arguments, language, fonts, Qt translations, error hook, window and --screenshot."""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, NoReturn

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

import planner
from desktop_app.view_specs import VIEW_NAMES
from planner.errors import PlanLockedError, PlannerError
from planner.i18n import SUPPORTED_LANGUAGES, _, current_language, set_language

if TYPE_CHECKING:
    from desktop_app.main_window import MainWindow
    from planner.storage import PlanDocument

log = logging.getLogger(__name__)

PROGRAM_NAME = "convergence-planner"
VIEW_CHOICES = VIEW_NAMES
SCREENSHOT_SIZE = (1600, 1000)
ERROR_LOG_NAME = "error.log"
_ERROR_LOG_LIMIT = 1_000_000  # bytes; the log starts afresh beyond this


class _ArgumentParser(argparse.ArgumentParser):
    """argparse that reports a bad argument in one line on stderr (exit status 2), without the usage block."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {_('error')}: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _ArgumentParser(prog=PROGRAM_NAME, description=_("Convergence Planner: plan AI-convergence work offline."))
    parser.add_argument("file", nargs="?", metavar="FILE", help=_("a plan file (.cplan) to open"))
    parser.add_argument("--version", action="version", version=f"{PROGRAM_NAME} {planner.version()}",
                        help=_("print the version and exit"))
    parser.add_argument("--demo", action="store_true", help=_("open an untitled copy of the demo plan"))
    parser.add_argument("--lang", choices=SUPPORTED_LANGUAGES, help=_("language of the interface (ko or en)"))
    parser.add_argument("--view", choices=VIEW_CHOICES, help=_("the view to show first"))
    parser.add_argument("--screenshot", metavar="PNG",
                        help=_("show the window, save a picture of it to PNG and exit (works offscreen)"))
    parser.add_argument("--present", action="store_true", help=_("start presentation mode with the plan"))
    parser.add_argument("--slide", type=int, default=1, metavar="N",
                        help=_("with --present: the slide to start at (1 is the first)"))
    parser.add_argument("--theme", choices=("default", "high-contrast"), default="default",
                        help=_("with --present: the slides' theme"))
    parser.add_argument("--import-preview", metavar="IMPORT_FILE",
                        help=_("open the import dialog on IMPORT_FILE (with --screenshot: a picture of its first step)"))
    parser.add_argument("--merge-preview", metavar="OTHER_FILE",
                        help=_("merge OTHER_FILE into the plan and show the conflict review (with --screenshot: a "
                               "picture of it)"))
    return parser


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.file and args.demo:
        parser.error(_("give either FILE or --demo, not both"))
    if args.present and not (args.file or args.demo):
        parser.error(_("--present needs FILE or --demo"))
    if args.slide < 1:
        parser.error(_("--slide counts from 1"))
    if args.import_preview and not (args.file or args.demo):
        parser.error(_("--import-preview needs FILE or --demo"))
    if args.merge_preview and not (args.file or args.demo):
        parser.error(_("--merge-preview needs FILE or --demo"))
    return args


def choose_language(requested: str | None) -> str:
    """--lang, else CPLAN_LANG, else the language used last time, else the system's (Korean or English)."""
    if requested:
        return requested
    if os.environ.get("CPLAN_LANG") in SUPPORTED_LANGUAGES:
        return os.environ["CPLAN_LANG"]
    from desktop_app.settings import last_language

    remembered = last_language()
    if remembered in SUPPORTED_LANGUAGES:
        return str(remembered)
    return current_language()


# -- the application object -------------------------------------------------------------------------------


def create_application(argv: Sequence[str]) -> QApplication:
    """The QApplication (or the one that exists, e.g. under pytest-qt) with names, high-DPI policy and fonts."""
    from desktop_app.fonts import apply_application_font
    from desktop_app.settings import APPLICATION_NAME, ORGANISATION_NAME

    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        QApplication.setOrganizationName(ORGANISATION_NAME)
        QApplication.setApplicationName(APPLICATION_NAME)
        app = QApplication(list(argv))
    # Some platforms append the display name to window titles unless a title already ends with it.
    QApplication.setApplicationDisplayName(_("Convergence Planner"))
    assert isinstance(app, QApplication)
    from desktop_app.dialogs.about import apply_application_identity

    apply_application_identity()  # the window icon, and the .desktop entry Wayland and GNOME match it with
    apply_application_font(app)
    return app


def install_qt_translations(app: QApplication, language: str) -> None:
    """Qt's own texts (standard buttons, undo templates, file dialogs: qtbase_ko.qm) and ours
    (convergence_planner_ko.qm); from then on _() reads the interface texts through QCoreApplication.translate."""
    from desktop_app.i18n_qt import install_translations

    install_translations(language)


# -- errors that escape a slot ----------------------------------------------------------------------------


def error_log_path() -> Path:
    from planner.storage.working import data_dir

    return data_dir() / ERROR_LOG_NAME


def log_exception(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> Path | None:
    """Append the traceback to the error log in the data folder; return its path (None if it cannot be written)."""
    path = error_log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size > _ERROR_LOG_LIMIT:
            path.unlink()
        with path.open("a", encoding="utf-8") as handle:
            handle.write(f"--- {time.strftime('%Y-%m-%d %H:%M:%S')} pid {os.getpid()}\n")
            handle.write("".join(traceback.format_exception(exc_type, exc, tb)))
    except OSError:
        return None
    return path


def _excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """Log an unexpected error and tell the user in a non-modal message; the window stays alive."""
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    path = log_exception(exc_type, exc, tb)
    traceback.print_exception(exc_type, exc, tb, file=sys.stderr)
    app = QApplication.instance()
    if app is None:
        return
    try:
        from desktop_app import dialogs

        summary = str(exc) if isinstance(exc, PlannerError) else f"{exc_type.__name__}: {exc}"
        dialogs.show_unexpected_error(QApplication.activeWindow(), summary[:500], path)
    except Exception:  # the hook itself must never raise
        traceback.print_exc(file=sys.stderr)


def install_excepthook() -> None:
    sys.excepthook = _excepthook


# -- the demo plan ----------------------------------------------------------------------------------------


def write_demo_plan(path: Path, language: str) -> None:
    """Write the demo plan to a new file, the way `cplan demo` does: planner.demo.write_demo_plan when it
    exists, else an empty schema filled by planner.demo.build_demo_plan in one transaction."""
    from planner import demo

    writer: Callable[[Path, str], object] | None = getattr(demo, "write_demo_plan", None)
    if writer is not None:
        writer(path, language)
        return
    from sqlalchemy.orm import Session

    from planner.storage import make_engine
    from planner.storage.create import create_empty_database

    create_empty_database(path)
    engine = make_engine(path)
    try:
        with Session(engine) as session, session.begin():
            demo.build_demo_plan(session, language=language)
    finally:
        engine.dispose()


def create_demo_document(language: str | None = None) -> tuple[PlanDocument, Path]:
    """A fresh demo plan written to a temporary folder and opened from there; the window treats it as
    untitled (Save asks where) and removes the folder when it closes. Returns (document, folder)."""
    from planner.storage import PlanDocument

    folder = Path(tempfile.mkdtemp(prefix="cplan-demo-"))
    path = folder / "demo.cplan"
    try:
        write_demo_plan(path, language or current_language())
        document = PlanDocument.open(path)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return document, folder


# -- the window -------------------------------------------------------------------------------------------


def _fail(message: str) -> int:
    print(f"{PROGRAM_NAME}: {message}", file=sys.stderr)
    return 2


def _settle(app: QApplication, seconds: float = 0.25) -> None:
    """Process events until layouts, deferred loads and first paints are done."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.005)
    app.processEvents()


def take_screenshot(app: QApplication, window: MainWindow, target: str) -> int:
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    _settle(app)
    picture = window.grab()
    saved = not picture.isNull() and picture.save(target, "PNG")
    window.shutdown()
    window.close()
    if not saved:
        return _fail(_("could not write the picture to {path}").format(path=target))
    return 0


def take_slide_screenshot(window: MainWindow, args: argparse.Namespace) -> int:
    """--present --screenshot: render slide N at 1920×1080 to the PNG and exit."""
    from desktop_app.presentation.slide_export import screenshot_slide

    try:
        if window.controller is None:
            return _fail(_("there is no plan to present"))
        screenshot_slide(window.controller, args.slide, args.theme, Path(args.screenshot), language=args.lang)
    except (PlannerError, ValueError, OSError) as error:
        return _fail(str(error))
    finally:
        window.shutdown()
        window.close()
    return 0


def take_import_screenshot(window: MainWindow, args: argparse.Namespace) -> int:
    """--import-preview FILE --screenshot PNG: the import dialog on FILE, read and at its first step."""
    from desktop_app.interchange.import_dialog import screenshot_import_preview

    try:
        if window.controller is None:
            return _fail(_("there is no plan to import into"))
        saved = screenshot_import_preview(window, Path(args.import_preview), Path(args.screenshot))
    finally:
        window.shutdown()
        window.close()
    return 0 if saved else _fail(_("could not write the picture to {path}").format(path=args.screenshot))


def take_merge_screenshot(window: MainWindow, args: argparse.Namespace) -> int:
    """--merge-preview OTHER --screenshot PNG: the conflict review of OTHER merged into the plan."""
    from desktop_app.merge.merge_dialog import screenshot_merge_preview

    try:
        if window.controller is None:
            return _fail(_("there is no plan to merge into"))
        saved = screenshot_merge_preview(window, Path(args.merge_preview), Path(args.screenshot))
    finally:
        window.shutdown()
        window.close()
    return 0 if saved else _fail(_("could not write the picture to {path}").format(path=args.screenshot))


def open_import_dialog(window: MainWindow, path: Path) -> None:
    """--import-preview FILE without --screenshot: the import dialog on FILE over the window."""
    from desktop_app.interchange.import_dialog import ImportDialog

    if window.controller is not None:
        dialog = ImportDialog(window.controller, window, path)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: window.statusBar().showMessage(dialog.imported_message, 15_000))
        dialog.open()


class StartupError(Exception):
    """The plan asked for on the command line cannot be shown and there is nobody to ask (--screenshot)."""


def create_window(args: argparse.Namespace, *, interactive: bool = True) -> tuple[MainWindow, list[Callable[[], object]]]:
    """The main window with the plan the arguments ask for, and the actions to run once it is visible
    (messages about a bad FILE, the lock question). Without `interactive`, a bad FILE raises StartupError
    and a locked one opens read-only."""
    from desktop_app.main_window import MainWindow
    from planner.storage import PlanDocument

    window = MainWindow()
    deferred: list[Callable[[], object]] = []
    if args.file:
        try:
            try:
                document = PlanDocument.open(args.file)
            except PlanLockedError:
                if interactive:
                    raise
                document = PlanDocument.open(args.file, read_only=True)
        except (PlannerError, OSError) as error:
            if not interactive:
                window.shutdown()
                raise StartupError(str(error)) from error
            path = args.file
            deferred.append(lambda: window.open_path(path))  # shows the message (or the lock question)
        else:
            window.adopt(document)
    elif args.demo:
        try:
            document, folder = create_demo_document(current_language())
        except (PlannerError, OSError, ImportError) as error:
            if not interactive:
                raise StartupError(_("the demo plan could not be created: {reason}").format(reason=error)) from error
            problem = error
            deferred.append(lambda: _report_demo_failure(window, problem))
        else:
            window.adopt(document, demo_folder=folder)
    if args.view:
        window.select_view(args.view)
    return window, deferred


def main(argv: Sequence[str] | None = None) -> int:
    """Run the desktop app; returns the exit status (2 for bad arguments or, with --screenshot, a bad FILE)."""
    try:
        args = parse_arguments(argv)
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else 2
    language = choose_language(args.lang)
    set_language(language)
    if args.lang:
        from desktop_app.settings import set_last_language

        set_last_language(args.lang)

    app = create_application(sys.argv[:1])
    install_qt_translations(app, language)
    if args.screenshot:
        try:
            window, _deferred = create_window(args, interactive=False)
        except StartupError as error:
            return _fail(str(error))
        if args.present:
            return take_slide_screenshot(window, args)
        if args.import_preview:
            return take_import_screenshot(window, args)
        if args.merge_preview:
            return take_merge_screenshot(window, args)
        return take_screenshot(app, window, args.screenshot)

    install_excepthook()
    window, deferred = create_window(args)
    window.show()
    if args.present:
        deferred.append(lambda: window.present(start_slide=args.slide - 1, theme=args.theme))
    if args.import_preview:
        deferred.append(lambda: open_import_dialog(window, Path(args.import_preview)))
    if args.merge_preview:
        from desktop_app.merge.merge_dialog import MergeDialog

        deferred.append(lambda: MergeDialog(window.controller, window, Path(args.merge_preview)).open()
                        if window.controller is not None else None)
    for action in deferred:
        QTimer.singleShot(0, action)
    QTimer.singleShot(0, window.offer_recovery)
    status = app.exec()
    window.leave_for_recovery()  # only left with a plan when the loop ended without a close event
    return status


def _report_demo_failure(window: MainWindow, error: BaseException) -> None:
    from desktop_app import dialogs

    dialogs.show_error(window, _("Cannot Open the Demo Plan"), str(error))


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
