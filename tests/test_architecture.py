"""House rules checked on every run: Qt-free planner, ruff, docstrings, translations, PySide6-free planner tests."""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

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


def _translation_tools() -> Any:
    """resources/i18n/merge_proposals.py, which writes the .ts and .qm from the catalogue ko.json."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("merge_proposals", ROOT / "resources" / "i18n" / "merge_proposals.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


REGENERATE = "run: python resources/i18n/merge_proposals.py"


def test_the_qt_linguist_source_holds_the_catalogue() -> None:
    """convergence_planner_ko.ts (what the desktop app's .qm is compiled from) has exactly ko.json's pairs."""
    import xml.etree.ElementTree as ElementTree

    folder = ROOT / "resources" / "i18n"
    catalogue = json.loads((folder / "ko.json").read_text("utf-8"))
    root = ElementTree.parse(folder / "convergence_planner_ko.ts").getroot()
    assert (root.tag, root.get("language"), root.get("sourcelanguage")) == ("TS", "ko_KR", "en")
    assert [context.findtext("name") for context in root.iter("context")] == ["ConvergencePlanner"]
    pairs = {message.findtext("source"): message.findtext("translation") for message in root.iter("message")}
    assert len(pairs) == len(list(root.iter("message")))
    assert {k: v for k, v in pairs.items() if catalogue.get(k) != v} == {}, REGENERATE
    assert sorted(set(catalogue) - set(pairs)) == [], REGENERATE


def test_the_compiled_translations_are_up_to_date() -> None:
    """The committed .ts and .qm are what pyside6-lrelease makes from ko.json today (byte for byte)."""
    tools = _translation_tools()
    assert tools.stale_files(tools.read_catalogue()) == [], REGENERATE


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
