"""What the frozen bundle carries as files and which Qt parts it keeps: read by convergence-planner.spec and tests."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_NAME = "convergence-planner"
CLI_NAME = "cplan"

# Python packages only the desktop app uses: cplan's archive leaves them out.
GUI_ONLY_PACKAGES = frozenset({"desktop_app", "PySide6", "shiboken6", "matplotlib", "mpl_toolkits", "fontTools",
                               "kiwisolver", "contourpy", "cycler", "pyparsing"})

# resources/ becomes planner/_resources (as setup.py installs it); translation sources and tools stay out.
RESOURCE_SKIP_SUFFIXES = frozenset({".ts", ".py", ".pyc"})

# Qt plugins kept, by plugin folder (None: every plugin of that kind). Other plugin kinds are left out.
QT_PLUGIN_KEEP: dict[str, frozenset[str] | None] = {
    # a desktop (X11 or Wayland), Windows, and offscreen for the smoke test and --screenshot
    "platforms": frozenset({"qxcb", "qwayland", "qoffscreen", "qminimal", "qwindows", "qdirect2d"}),
    "imageformats": frozenset({"qsvg", "qico", "qjpeg", "qgif"}),
    "iconengines": frozenset({"qsvgicon"}),
    "printsupport": frozenset({"cupsprintersupport", "windowsprintersupport"}),
    # qgtk3 is left out: it would pull the build machine's GTK, Pango and Cairo into the bundle
    "platformthemes": frozenset({"qxdgdesktopportal"}),
    "platforminputcontexts": frozenset({"composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"}),
    "xcbglintegrations": None,  # the xcb plugin's OpenGL glue
    "wayland-shell-integration": frozenset({"xdg-shell"}),
    "wayland-decoration-client": frozenset({"bradient"}),
    "wayland-graphics-integration-client": None,
    "styles": None,
}
QT_TRANSLATION_LANGUAGES = ("ko", "en")

# Libraries of Qt modules and media stacks the app never loads (a plugin that needs one is left out as well).
DROPPED_LIBRARY_PREFIXES = (
    "libQt6Quick", "libQt6Qml", "libQt6WebEngine", "libQt6Multimedia", "libQt63D", "libQt6VirtualKeyboard",
    "libQt6Designer", "libQt6FFmpeg", "libavcodec", "libavformat", "libavutil", "libswresample", "libswscale",
    "libavif",
    "Qt6Quick", "Qt6Qml", "Qt6WebEngine", "Qt6Multimedia", "Qt63D", "Qt6VirtualKeyboard", "Qt6Designer",
    "avcodec", "avformat", "avutil", "swresample", "swscale", "opengl32sw",
)


def resource_datas(root: Path = ROOT) -> list[tuple[str, str]]:
    """(source file, bundle folder) pairs for resources/ → planner/_resources."""
    resources = root / "resources"
    pairs = []
    for source in sorted(resources.rglob("*")):
        if source.is_file() and source.suffix not in RESOURCE_SKIP_SUFFIXES and "__pycache__" not in source.parts:
            pairs.append((str(source), str(Path("planner", "_resources", source.parent.relative_to(resources)))))
    return pairs


def migration_datas(root: Path = ROOT) -> list[tuple[str, str]]:
    """Alembic reads env.py, script.py.mako and versions/*.py as files from its script location (next to
    planner/storage/migrate.py), not from the archive: they go into the bundle as files."""
    migrations = root / "planner" / "storage" / "migrations"
    sources = sorted([*migrations.glob("*.py"), *migrations.glob("*.mako"), *migrations.glob("versions/*.py")])
    return [(str(source), str(Path("planner", "storage", source.parent.relative_to(migrations.parent))))
            for source in sources]


def font_datas() -> list[tuple[str, str]]:
    """NanumGothic (the weights planner.fonts uses) where planner.fonts looks for it: the koreanize_matplotlib
    folder, found next to the archive as a namespace package."""
    from planner.fonts import FONT_FILES, fonts_dir

    return [(str(fonts_dir() / filename), "koreanize_matplotlib/fonts") for filename in FONT_FILES.values()]


def plugin_kept(parts: tuple[str, ...]) -> bool:
    """Whether a file under .../plugins/<kind>/<file> is one the app needs."""
    index = parts.index("plugins")
    if len(parts) <= index + 2:
        return True
    kind, filename = parts[index + 1], parts[-1]
    if kind not in QT_PLUGIN_KEEP:
        return False
    wanted = QT_PLUGIN_KEEP[kind]
    if wanted is None:
        return True
    stem = filename.split(".")[0]
    stem = stem.removeprefix("lib")
    return stem in wanted


def kept(destination: str) -> bool:
    """Whether a collected file (by its path inside the bundle) stays in the bundle."""
    parts = Path(destination).parts
    if len(parts) > 1 and parts[0] == "PySide6":
        if "plugins" in parts:
            return plugin_kept(parts)
        if "translations" in parts:
            return any(parts[-1].endswith(f"_{language}.qm") for language in QT_TRANSLATION_LANGUAGES)
        if "qml" in parts:
            return False
    if len(parts) > 1 and parts[0] == "matplotlib" and "sample_data" in parts:
        return False
    return not parts[-1].startswith(DROPPED_LIBRARY_PREFIXES)
