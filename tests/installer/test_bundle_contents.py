"""The frozen bundle's file list (installer/bundle_contents.py): migrations, resources, fonts and the Qt trimming."""

from __future__ import annotations

import ast
import importlib.util
import struct
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "installer" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(name, module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bundle() -> ModuleType:
    return _load("bundle_contents")


def _destinations(pairs: list[tuple[str, str]]) -> dict[str, str]:
    """{path relative to the checkout: bundle folder}."""
    return {str(Path(source).relative_to(ROOT)): folder for source, folder in pairs}


def test_every_migration_script_is_a_file_next_to_migrate_py(bundle: ModuleType) -> None:
    collected = _destinations(bundle.migration_datas(ROOT))
    versions = sorted((ROOT / "planner/storage/migrations/versions").glob("*.py"))
    assert len(versions) >= 9
    for script in versions:
        assert collected[str(script.relative_to(ROOT))] == str(Path("planner/storage/migrations/versions"))
    assert collected["planner/storage/migrations/env.py"] == str(Path("planner/storage/migrations"))
    assert collected["planner/storage/migrations/script.py.mako"] == str(Path("planner/storage/migrations"))


def test_migration_location_in_the_bundle_is_where_migrate_looks() -> None:
    from planner.storage import migrate

    # migrate.py finds the scripts beside itself; in the bundle it lives at planner/storage/migrate.pyc.
    beside_migrate = Path(migrate.__file__).resolve().parent / "migrations"
    assert beside_migrate == migrate.MIGRATIONS_DIR


def test_resources_become_planner_resources_without_sources_and_tools(bundle: ModuleType) -> None:
    collected = _destinations(bundle.resource_datas(ROOT))
    assert collected["resources/i18n/ko.json"] == str(Path("planner/_resources/i18n"))
    assert collected["resources/i18n/convergence_planner_ko.qm"] == str(Path("planner/_resources/i18n"))
    assert collected["resources/demo/haedam.json"] == str(Path("planner/_resources/demo"))
    assert any(name.startswith("resources/guidelines/") and name.endswith(".yaml") for name in collected)
    assert any(name.startswith("resources/templates/") for name in collected)
    assert not [name for name in collected if name.endswith((".ts", ".py", ".pyc"))]


def test_both_nanum_gothic_weights_go_where_planner_fonts_finds_them(bundle: ModuleType) -> None:
    from planner.fonts import FONT_FILES

    pairs = bundle.font_datas()
    assert sorted(Path(source).name for source, _folder in pairs) == sorted(FONT_FILES.values())
    assert {folder for _source, folder in pairs} == {"koreanize_matplotlib/fonts"}
    assert all(Path(source).is_file() for source, _folder in pairs)


@pytest.mark.parametrize(
    ("destination", "expected"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/plugins/platforms/qwindows.dll", True),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqtiff.so", False),
        ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", True),
        ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", True),
        ("PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so", False),
        ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", False),
        ("PySide6/Qt/translations/qtbase_ko.qm", True),
        ("PySide6/Qt/translations/qtbase_en.qm", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/Qt/qml/QtQuick/qmldir", False),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
        ("PySide6/Qt/lib/libQt6Quick.so.6", False),
        ("PySide6/Qt6Qml.dll", False),
        ("matplotlib/mpl-data/sample_data/goog.npz", False),
        ("matplotlib/mpl-data/fonts/ttf/DejaVuSans.ttf", True),
        ("planner/_resources/i18n/ko.json", True),
    ],
)
def test_trimming_keeps_what_the_app_loads(bundle: ModuleType, destination: str, expected: bool) -> None:
    assert bundle.kept(destination) is expected


def test_spec_uses_the_shared_lists_and_both_entry_scripts() -> None:
    spec = (ROOT / "installer" / "convergence-planner.spec").read_text(encoding="utf-8")
    for needed in ("migration_datas(ROOT)", "resource_datas(ROOT)", "font_datas()", "kept(entry[0])",
                   "launch_gui.py", "launch_cli.py", "COLLECT("):
        assert needed in spec
    assert (ROOT / "installer" / "launch_gui.py").is_file()
    assert (ROOT / "installer" / "launch_cli.py").is_file()


def test_planner_imports_nothing_that_cplan_leaves_out(bundle: ModuleType) -> None:
    """cplan's archive has no GUI_ONLY_PACKAGES: a planner module importing one would fail only when frozen."""
    offenders = []
    for path in sorted((ROOT / "planner").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            else:
                continue
            offenders += [f"{path.relative_to(ROOT)}: {name}" for name in names
                          if name.split(".")[0] in bundle.GUI_ONLY_PACKAGES]
    assert offenders == []
    assert {"desktop_app", "PySide6", "matplotlib"} <= bundle.GUI_ONLY_PACKAGES


@pytest.mark.parametrize(
    ("destination", "expected"),
    [
        ("matplotlib/mpl-data/fonts/ttf/DejaVuSans.ttf", True),
        ("matplotlib/mpl-data/fonts/ttf/DejaVuSans-Bold.ttf", True),
        ("matplotlib/mpl-data/fonts/ttf/LastResortHE-Regular.ttf", True),
        ("matplotlib/mpl-data/fonts/ttf/DejaVuSerif-Bold.ttf", False),
        ("matplotlib/mpl-data/fonts/ttf/DejaVuSansMono.ttf", False),
        ("matplotlib/mpl-data/fonts/ttf/STIXGeneral.ttf", False),
        ("koreanize_matplotlib/fonts/NanumGothic.ttf", True),
        ("PySide6/Qt/lib/libQt6EglFSDeviceIntegration.so.6", False),
        ("PySide6/Qt/lib/libQt6EglFsKmsSupport.so.6", False),
        ("PySide6/Qt/lib/libQt6OpenGL.so.6", True),
        ("psycopg_binary.libs/libpq-e9b5c9ac.so.5.18", True),
        ("psycopg_binary.libs/libssl-6a9b88ec.so.3", True),
    ],
)
def test_trimming_of_unused_fonts_and_libraries(bundle: ModuleType, destination: str, expected: bool) -> None:
    assert bundle.kept(destination) is expected


def test_the_fonts_the_charts_use_are_kept(bundle: ModuleType) -> None:
    """desktop_app/charts.py draws with NanumGothic and falls back to DejaVu Sans: neither may be trimmed."""
    from desktop_app.charts import FONT_FAMILIES

    assert FONT_FAMILIES[0] == "NanumGothic"
    for family in FONT_FAMILIES[1:]:
        file_name = family.replace(" ", "") + ".ttf"
        assert bundle.kept(f"matplotlib/mpl-data/fonts/ttf/{file_name}"), family


def test_team_plans_are_bundled_by_default_and_keyring_where_it_has_a_backend(bundle: ModuleType) -> None:
    linux = bundle.team_excludes(bundle_team=True, windows=False)
    assert not {"psycopg", "psycopg_binary"} & set(linux)
    assert {"keyring", "secretstorage", "cryptography"} <= set(linux)

    windows = bundle.team_excludes(bundle_team=True, windows=True)
    assert not {"psycopg", "psycopg_binary", "keyring", "jaraco"} & set(windows)
    assert "cryptography" in windows

    with_secret_service = bundle.team_excludes(bundle_team=True, windows=False, linux_keyring=True)
    assert not {"keyring", "secretstorage", "jeepney", "cryptography"} & set(with_secret_service)

    for windows_build in (False, True):
        without = bundle.team_excludes(bundle_team=False, windows=windows_build)
        assert {"psycopg", "psycopg_binary", "keyring", "cryptography"} <= set(without)


def test_spec_bundles_team_plans_unless_switched_off() -> None:
    spec = (ROOT / "installer" / "convergence-planner.spec").read_text(encoding="utf-8")
    assert 'os.environ.get("CPLAN_BUNDLE_TEAM", "1") != "0"' in spec
    assert "team_excludes(bundle_team=BUNDLE_TEAM" in spec
    assert "sqlalchemy.dialects.postgresql.psycopg" in spec
    assert "stripped_library_loads(target)" in spec


def _elf(path: Path, segments: list[tuple[int, int, int]]) -> Path:
    """A minimal 64-bit little-endian ELF header and program header table of PT_LOAD (offset, address, align)."""
    entry_size = 56
    header = bytearray(64)
    header[:6] = b"\x7fELF\x02\x01"
    struct.pack_into("<Q", header, 32, 64)
    struct.pack_into("<HH", header, 54, entry_size, len(segments))
    table = b"".join(struct.pack("<IIQQQQQQ", 1, 5, offset, address, address, 4096, 4096, align)
                     for offset, address, align in segments)
    path.write_bytes(bytes(header) + table)
    return path


def test_stripped_library_check_refuses_segments_the_loader_refuses(bundle: ModuleType, tmp_path: Path) -> None:
    aligned = _elf(tmp_path / "good.so", [(0, 0, 0x1000), (0x2000, 0x202000, 0x1000)])
    assert bundle.stripped_library_loads(aligned) is True
    # what strip makes of a patchelf-rewritten library: the offset moved, the address did not
    shifted = _elf(tmp_path / "bad.so", [(0, 0, 0x1000), (0x1e40, 0x202000, 0x1000)])
    assert bundle.stripped_library_loads(shifted) is False
    truncated = tmp_path / "truncated.so"
    truncated.write_bytes(aligned.read_bytes()[:80])
    assert bundle.stripped_library_loads(truncated) is False
    text = tmp_path / "notes.txt"
    text.write_text("not a library", encoding="utf-8")
    assert bundle.stripped_library_loads(text) is True


def test_stripped_library_check_accepts_a_library_python_loaded(bundle: ModuleType) -> None:
    import _sqlite3

    assert bundle.stripped_library_loads(Path(_sqlite3.__file__)) is True
