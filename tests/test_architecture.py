"""House rules checked on every run: Qt-free planner, ruff, docstrings, translations, PySide6-free planner tests."""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCE_PACKAGES = ("planner", "desktop_app")


def _python_files() -> list[Path]:
    files: list[Path] = []
    for package in SOURCE_PACKAGES:
        files += [p for p in (ROOT / package).rglob("*.py") if "migrations" not in p.parts]
    return files


def test_import_contract_keeps_planner_free_of_qt() -> None:
    lint_imports = shutil.which("lint-imports")
    assert lint_imports, "import-linter is part of the test extra"
    result = subprocess.run([lint_imports], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_is_clean() -> None:
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "."], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_module_opens_with_a_docstring() -> None:
    missing = [str(p.relative_to(ROOT)) for p in _python_files() if ast.get_docstring(ast.parse(p.read_text("utf-8"))) is None]
    assert missing == []


def _translatable_strings() -> dict[str, str]:
    found: dict[str, str] = {}
    for path in _python_files():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("_", "N_")
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.setdefault(node.args[0].value, f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_every_user_visible_string_has_a_korean_translation() -> None:
    catalogue = json.loads((ROOT / "resources" / "i18n" / "ko.json").read_text("utf-8"))
    untranslated = {text: where for text, where in _translatable_strings().items() if not catalogue.get(text)}
    assert untranslated == {}


def test_korean_translations_keep_every_placeholder() -> None:
    import string

    catalogue = json.loads((ROOT / "resources" / "i18n" / "ko.json").read_text("utf-8"))
    formatter = string.Formatter()
    broken = []
    for source, korean in catalogue.items():
        wanted = {name for _t, name, _s, _c in formatter.parse(source) if name}
        got = {name for _t, name, _s, _c in formatter.parse(korean) if name}
        if wanted != got:
            broken.append(source)
    assert broken == []


@pytest.mark.skipif(os.environ.get("CPLAN_WITHOUT_QT") == "1", reason="this is the inner run")
def test_planner_tests_pass_without_pyside6() -> None:
    """Run the planner tests in a process where importing PySide6 fails (ARCHITECTURE rule 11)."""
    blocker = (
        "import sys, importlib.abc\n"
        "class Block(importlib.abc.MetaPathFinder):\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('PySide6', 'shiboken6', 'pytestqt'):\n"
        "            raise ImportError(f'{name} is blocked for this run')\n"
        "sys.meta_path.insert(0, Block())\n"
        "import pytest\n"
        "sys.exit(pytest.main(['-q', '-p', 'no:pytest-qt', '-p', 'no:cacheprovider', '-m', 'not slow', 'tests/planner']))\n"
    )
    env = os.environ | {"CPLAN_WITHOUT_QT": "1"}
    result = subprocess.run([sys.executable, "-c", blocker], cwd=ROOT, capture_output=True, text=True, env=env, timeout=900)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    assert " passed" in result.stdout


def test_nothing_imports_pyplot() -> None:
    """Charts are standalone Figure objects (matplotlib's embedding guide); pyplot's global state stays out."""
    offenders = []
    for path in _python_files():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            if any(name == "matplotlib.pyplot" or name.startswith("matplotlib.pyplot.") for name in names):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []
