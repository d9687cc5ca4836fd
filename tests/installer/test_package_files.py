"""The Debian desktop entry and MIME type, and the Windows installer script, agree with the app and each other."""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from defusedxml import ElementTree

from planner.storage.schema import APPLICATION_ID

ROOT = Path(__file__).resolve().parents[2]
DEBIAN = ROOT / "installer" / "debian"
ISS = ROOT / "installer" / "windows" / "convergence-planner.iss"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
MIME_TYPE = "application/x-convergence-plan"


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DEBIAN / "convergence-planner.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_starts_the_app_and_names_it_in_korean_and_english() -> None:
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == "convergence-planner"
    assert "%f" in entry["Exec"].split()  # a double-clicked .cplan file arrives as FILE
    assert entry["Icon"] == "convergence-planner"
    for key in ("Name", "Comment", "GenericName"):
        assert entry[key] and entry[f"{key}[ko]"]
    assert re.search("[가-힣]", entry["Comment[ko]"])
    assert entry["MimeType"] == f"{MIME_TYPE};"


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils is not installed")
def test_desktop_entry_passes_desktop_file_validate() -> None:
    result = subprocess.run(["desktop-file-validate", str(DEBIAN / "convergence-planner.desktop")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in (result.stdout + result.stderr).lower()


def test_mime_type_matches_plan_files_by_name_and_by_the_sqlite_application_id() -> None:
    root = ElementTree.parse(DEBIAN / "convergence-planner.xml").getroot()
    mime = root.find(f"{MIME_NS}mime-type")
    assert mime is not None and mime.get("type") == MIME_TYPE
    assert [glob.get("pattern") for glob in mime.findall(f"{MIME_NS}glob")] == ["*.cplan"]
    outer = mime.find(f"{MIME_NS}magic/{MIME_NS}match")
    assert outer is not None and outer.get("value") == "SQLite format 3" and outer.get("offset") == "0"
    inner = outer.find(f"{MIME_NS}match")
    assert inner is not None and inner.get("type") == "big32" and inner.get("offset") == "68"
    assert int(inner.get("value", ""), 16) == APPLICATION_ID  # PRAGMA application_id of every plan file
    comments = {comment.get("{http://www.w3.org/XML/1998/namespace}lang"): comment.text
                for comment in mime.findall(f"{MIME_NS}comment")}
    assert comments[None] and comments["ko"]


def test_demo_plan_file_carries_the_magic_the_mime_type_looks_for(tmp_path: Path) -> None:
    from planner.cli import main

    plan = tmp_path / "demo.cplan"
    assert main(["demo", str(plan)]) == 0
    head = plan.read_bytes()[:72]
    assert head.startswith(b"SQLite format 3\x00")
    assert int.from_bytes(head[68:72], "big") == APPLICATION_ID


def test_build_deb_installs_the_files_the_desktop_entry_and_mime_type_name() -> None:
    script = (ROOT / "installer" / "build_deb.sh").read_text(encoding="utf-8")
    assert "usr/share/applications/$PACKAGE.desktop" in script
    assert "usr/share/mime/packages/$PACKAGE.xml" in script
    assert "apps/$PACKAGE.png" in script and "apps/$PACKAGE.svg" in script
    assert "mimetypes/application-x-convergence-plan.png" in script  # the <generic-icon> name
    assert 'ln -s "/opt/$PACKAGE/cplan"' in script and 'ln -s "/opt/$PACKAGE/convergence-planner"' in script
    for icon in ("convergence-planner.svg", "cplan-file.png", "cplan-file.svg", "icon-256.png"):
        assert (ROOT / "resources" / "icons" / icon).is_file()


def _iss_text() -> str:
    raw = ISS.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Inno Setup reads a Unicode script only as UTF-8 with a BOM"
    return raw.decode("utf-8-sig")


def _iss_section(text: str, name: str) -> list[str]:
    lines, inside = [], False
    for line in text.replace(" \\\n", " ").splitlines():  # ISPP's line spanning
        stripped = line.strip()
        if stripped.startswith("["):
            inside = stripped == f"[{name}]"
            continue
        if inside and stripped and not stripped.startswith(";"):
            lines.append(stripped)
    return lines


def test_windows_installer_is_per_user_by_default_and_offers_all_users() -> None:
    setup = dict(line.split("=", 1) for line in _iss_section(_iss_text(), "Setup"))
    assert setup["PrivilegesRequired"] == "lowest"
    assert setup["PrivilegesRequiredOverridesAllowed"] == "dialog"
    assert setup["ChangesAssociations"] == "yes"
    assert setup["DefaultDirName"].startswith("{autopf}")
    assert setup["AppVersion"] == "{#AppVersion}"


def test_windows_installer_speaks_korean_and_english() -> None:
    text = _iss_text()
    languages = _iss_section(text, "Languages")
    assert any('"compiler:Languages\\Korean.isl"' in line for line in languages)
    assert any('"compiler:Default.isl"' in line for line in languages)
    messages = [line.split("=", 1)[0] for line in _iss_section(text, "CustomMessages")]
    names = {message.split(".", 1)[1] for message in messages}
    assert {f"{language}.{name}" for language in ("ko", "en") for name in names} == set(messages)


def test_windows_association_is_written_under_hka_software_classes_only() -> None:
    registry = _iss_section(_iss_text(), "Registry")
    assert registry
    for line in registry:
        assert line.startswith("Root: HKA; Subkey: \"Software\\Classes\\"), line
    joined = "\n".join(registry)
    assert 'Subkey: "Software\\Classes\\{#PlanExtension}"' in joined
    assert "DefaultIcon" in joined and "cplan-file.ico" in joined
    assert '"""{app}\\{#AppExeName}"" ""%1"""' in joined


def test_windows_installer_ships_what_the_spec_builds() -> None:
    text = _iss_text()
    spec = (ROOT / "installer" / "convergence-planner.spec").read_text(encoding="utf-8")
    assert '#define AppExeName "convergence-planner.exe"' in text and "name=APP_NAME" in spec
    assert '#define CliExeName "cplan.exe"' in text and "name=CLI_NAME" in spec
    assert "dist\\convergence-planner" in text
    assert (ROOT / "resources" / "icons" / "convergence-planner.ico").is_file()
    assert (ROOT / "resources" / "icons" / "cplan-file.ico").is_file()
