"""What the frozen bundle carries as files and which Qt parts it keeps: read by convergence-planner.spec and tests."""

from __future__ import annotations

import struct
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
    # the eglfs platform (full-screen embedded devices) is not kept: its libraries are needed by nothing else
    "libQt6EglFSDeviceIntegration", "libQt6EglFsKmsSupport",
)

# matplotlib's fonts: the app draws with NanumGothic and falls back to DejaVu Sans (desktop_app/charts.py), and
# never draws mathtext (every text is drawn literally). Serif, monospace and the STIX fonts are never used.
DROPPED_MATPLOTLIB_FONT_PREFIXES = ("DejaVuSerif", "DejaVuSansMono", "STIX")

# Team plans (a shared plan on PostgreSQL): the driver psycopg with its C part psycopg_binary, which brings its
# own libpq and OpenSSL (psycopg_binary.libs); keyring remembers a team plan's password in the OS keyring.
TEAM_PACKAGES = ("psycopg", "psycopg_binary")
KEYRING_PACKAGES = ("keyring", "jaraco")
# keyring's Linux desktop backend (Secret Service over D-Bus) needs secretstorage, which needs cryptography: a
# second OpenSSL, about 12 MB. Other backends (libsecret through gi, KWallet through dbus-python) are left out too.
LINUX_KEYRING_PACKAGES = ("secretstorage", "jeepney", "cryptography", "dbus")
NEVER_BUNDLED_TEAM_PACKAGES = ("psycopg_c", "psycopg_pool")


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
    if len(parts) > 1 and parts[0] == "matplotlib":
        if "sample_data" in parts:
            return False
        if "fonts" in parts and parts[-1].startswith(DROPPED_MATPLOTLIB_FONT_PREFIXES):
            return False
    return not parts[-1].startswith(DROPPED_LIBRARY_PREFIXES)


def team_excludes(*, bundle_team: bool, windows: bool, linux_keyring: bool = False) -> list[str]:
    """The modules the analysis leaves out for team plans: all of them without team plans; on Linux (unless
    asked for) keyring with its Secret Service backend, so the app hides "remember the password"."""
    if not bundle_team:
        return [*TEAM_PACKAGES, *NEVER_BUNDLED_TEAM_PACKAGES, *KEYRING_PACKAGES, *LINUX_KEYRING_PACKAGES]
    if windows:
        return [*NEVER_BUNDLED_TEAM_PACKAGES, *LINUX_KEYRING_PACKAGES]
    if linux_keyring:
        return [*NEVER_BUNDLED_TEAM_PACKAGES]
    return [*NEVER_BUNDLED_TEAM_PACKAGES, *KEYRING_PACKAGES, *LINUX_KEYRING_PACKAGES]


ELF_MAGIC = b"\x7fELF"
PAGE_SIZE = 4096
PT_LOAD = 1


def stripped_library_loads(path: Path) -> bool:
    """Whether the dynamic loader accepts a (stripped) library: every loadable segment's file offset and address
    agree modulo the page size. strip can break this for libraries that patchelf rewrote (auditwheel), and the
    loader then refuses them: "ELF load command address/offset not page-aligned". Files that are not 64-bit ELF
    are accepted as they are."""
    with open(path, "rb") as stream:
        header = stream.read(64)
        if len(header) < 64 or header[:4] != ELF_MAGIC or header[4] != 2:
            return True
        order = "<" if header[5] == 1 else ">"
        (table_offset,) = struct.unpack_from(order + "Q", header, 32)
        entry_size, entry_count = struct.unpack_from(order + "HH", header, 54)
        stream.seek(table_offset)
        table = stream.read(entry_size * entry_count)
    if len(table) < entry_size * entry_count:
        return False
    for index in range(entry_count):
        kind, _flags, offset, address, _physical, _file_size, _memory_size, align = struct.unpack_from(
            order + "IIQQQQQQ", table, index * entry_size)
        if kind == PT_LOAD and (offset - address) % max(align, PAGE_SIZE):
            return False
    return True
