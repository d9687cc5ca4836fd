"""Regenerates the third-party licence texts and index.json next to this script from the installed distributions.

Run by hand in the development environment after a dependency changes (not at build time; the files it writes
are committed and the frozen app reads them without network or dist-info):

    python resources/licenses/collect_licenses.py

It walks pyproject.toml's runtime dependencies and the team extra, with everything they pull in, and copies each
distribution's licence files from its metadata. Qt/PySide6 get the LGPL-3.0 and GPL-3.0 texts from
/usr/share/common-licenses, Python its LICENSE.txt; NanumGothic.txt (the SIL OFL 1.1 with NAVER's notice) is
kept by hand, as the font's carrier package does not ship the font licence.
"""

from __future__ import annotations

import json
import re
import sys
import sysconfig
import tomllib
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path

from packaging.markers import Marker
from packaging.requirements import Requirement

LICENCE_FOLDER = Path(__file__).resolve().parent
PROJECT_ROOT = LICENCE_FOLDER.parent.parent
COMMON_LICENSES = Path("/usr/share/common-licenses")
INDEX_NAME = "index.json"
# The team extra is optional at run time; its packages are listed with used_for "team".
OPTIONAL_EXTRAS = {"team": "team"}
# PySide6 is one entry for the whole Qt for Python family and the Qt libraries it carries.
FOLDED_INTO_PYSIDE6 = {"pyside6-essentials", "pyside6-addons", "shiboken6"}
# Platforms the frozen app is built for: a requirement needed on any of them is listed.
TARGET_PLATFORMS = ({"sys_platform": "linux", "platform_system": "Linux", "os_name": "posix"},
                    {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt"})
# Short licence names where the metadata has no SPDX expression (or only the full text).
LICENCE_NAMES = {
    "matplotlib": "Matplotlib License (PSF-based)",
    "reportlab": "BSD-3-Clause",
    "rl-accel": "BSD-3-Clause",
    "defusedxml": "PSF-2.0",
    "koreanize-matplotlib": "MIT",
    "python-dateutil": "Apache-2.0 AND BSD-3-Clause",
    "contourpy": "BSD-3-Clause",
    "cycler": "BSD-3-Clause",
    "kiwisolver": "BSD-3-Clause",
    "openpyxl": "MIT",
    "et-xmlfile": "MIT",
    "six": "MIT",
    "icalendar": "BSD-2-Clause",
    "pyyaml": "MIT",
}
QT_SOURCE_URL = "https://download.qt.io/official_releases/qt/ and https://code.qt.io"
PYSIDE_SOURCE_URL = "https://download.qt.io/official_releases/QtForPython/ and https://code.qt.io/cgit/pyside/pyside-setup.git"


@dataclass(frozen=True)
class LicenceEntry:
    """One line of index.json."""

    name: str
    distribution: str  # the normalised name pip knows it by ("" for Python and the font)
    version: str
    licence: str
    url: str
    file: str
    used_for: str = "runtime"  # "runtime", "team" (only team plans need it) or "font"
    required_by: str = ""  # the dependency that pulls it in ("" for a direct dependency)
    source: str = ""  # where the source code is offered (LGPL components)
    replaceable: bool = False  # LGPL: used unmodified as separate libraries the user may replace


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def applies(requirement: Requirement, extras: set[str]) -> bool:
    if requirement.marker is None:
        return True
    marker = Marker(str(requirement.marker))
    return any(marker.evaluate({**platform, "extra": extra}) for platform in TARGET_PLATFORMS
               for extra in (extras or {""}))


def project_requirements() -> tuple[list[Requirement], list[Requirement]]:
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = [Requirement(text) for text in project["dependencies"]]
    optional = [Requirement(text) for extra in OPTIONAL_EXTRAS for text in project["optional-dependencies"][extra]]
    return runtime, optional


def walk(roots: list[Requirement], used_for: str, seen: dict[str, tuple[str, str]]) -> None:
    """Add every distribution reachable from `roots` to `seen` (normalised name → (used_for, required_by))."""
    pending = [(requirement, "") for requirement in roots]
    while pending:
        requirement, parent = pending.pop(0)
        key = normalise(requirement.name)
        if key in seen:
            continue
        try:
            distribution = metadata.distribution(requirement.name)
        except metadata.PackageNotFoundError:
            print(f"not installed, skipped: {requirement.name}", file=sys.stderr)
            continue
        seen[key] = (used_for, parent)
        for text in distribution.metadata.get_all("Requires-Dist") or []:
            child = Requirement(text)
            if applies(child, set(requirement.extras)):
                pending.append((child, parent or distribution.metadata["Name"]))


def licence_name(distribution: metadata.Distribution) -> str:
    data = distribution.metadata
    key = normalise(data["Name"])
    if key in LICENCE_NAMES:
        return LICENCE_NAMES[key]
    expression = data.get("License-Expression")
    if expression:
        return str(expression)
    declared = (data.get("License") or "").strip()
    if declared and "\n" not in declared and len(declared) <= 40:
        return declared
    classifiers = [c.rsplit(" :: ", 1)[-1] for c in data.get_all("Classifier") or [] if c.startswith("License ::")]
    return ", ".join(classifiers) or "see licence text"


def home_page(distribution: metadata.Distribution) -> str:
    data = distribution.metadata
    if data.get("Home-page"):
        return str(data["Home-page"])
    urls = dict(url.split(", ", 1) for url in data.get_all("Project-URL") or [] if ", " in url)
    for label in ("Homepage", "homepage", "Home", "Source", "Source Code", "Repository", "Documentation"):
        if label in urls:
            return urls[label]
    return next(iter(urls.values()), "")


def licence_files(distribution: metadata.Distribution) -> list[metadata.PackagePath]:
    wanted = re.compile(r"(licen[cs]e|copying|notice|authors)", re.IGNORECASE)
    return [path for path in distribution.files or [] if ".dist-info" in str(path) and wanted.search(path.name)]


def licence_text(distribution: metadata.Distribution) -> str:
    parts = []
    for path in licence_files(distribution):
        text = Path(str(path.locate())).read_text(encoding="utf-8", errors="replace").strip()
        if text:
            inside = str(path).split(".dist-info/", 1)[-1]
            parts.append(f"===== {inside} =====\n\n{text}\n")
    if not parts:
        declared = (distribution.metadata.get("License") or "").strip()
        if declared:
            parts.append(declared + "\n")
    return "\n".join(parts)


def write_text(name: str, text: str) -> str:
    file_name = f"{name}.txt"
    (LICENCE_FOLDER / file_name).write_text(text.rstrip() + "\n", encoding="utf-8")
    return file_name


def qt_entry() -> LicenceEntry:
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    notice = (
        "Qt and Qt for Python (PySide6, Shiboken6)\n\n"
        f"Qt {qVersion()} and PySide6 {pyside_version} are used under the GNU Lesser General Public License "
        "version 3 (LGPL-3.0-only). Copyright (C) The Qt Company Ltd. and other contributors.\n\n"
        "The Qt and PySide6 libraries are used unmodified and are shipped as separate shared libraries and Python "
        "modules in the application folder; you may replace them with compatible versions of your own.\n\n"
        f"Source code of Qt: {QT_SOURCE_URL}\nSource code of Qt for Python: {PYSIDE_SOURCE_URL}\n"
        "Licences of the third-party components inside Qt: https://doc.qt.io/qt-6/licenses-used-in-qt.html\n\n"
        "The LGPL-3.0 text follows; it adds permissions to the GNU GPL version 3, whose text follows it.\n\n"
    )
    lgpl = (COMMON_LICENSES / "LGPL-3").read_text(encoding="utf-8")
    gpl = (COMMON_LICENSES / "GPL-3").read_text(encoding="utf-8")
    text = f"{notice}===== LGPL-3.0 =====\n\n{lgpl}\n===== GPL-3.0 =====\n\n{gpl}"
    return LicenceEntry("PySide6 and Qt", "pyside6", pyside_version, "LGPL-3.0-only", "https://www.qt.io/qt-for-python",
                        write_text("PySide6", text), source=f"{QT_SOURCE_URL}; {PYSIDE_SOURCE_URL}", replaceable=True)


def python_entry() -> LicenceEntry:
    path = Path(sysconfig.get_path("stdlib")) / "LICENSE.txt"
    version = ".".join(str(part) for part in sys.version_info[:3])
    return LicenceEntry("Python", "", version, "PSF-2.0", "https://www.python.org",
                        write_text("Python", path.read_text(encoding="utf-8")))


def font_entry() -> LicenceEntry:
    file_name = "NanumGothic.txt"
    if not (LICENCE_FOLDER / file_name).is_file():
        raise FileNotFoundError(f"{file_name} is kept by hand next to this script and is missing")
    return LicenceEntry("NanumGothic", "", "3.021", "OFL-1.1", "https://hangeul.naver.com/font", file_name,
                        used_for="font", required_by="koreanize-matplotlib")


def distribution_entry(key: str, used_for: str, parent: str) -> LicenceEntry:
    distribution = metadata.distribution(key)
    name = str(distribution.metadata["Name"])
    text = licence_text(distribution)
    if not text.strip():
        raise ValueError(f"{name} ships no licence text; add it by hand")
    licence = licence_name(distribution)
    lgpl = licence.startswith("LGPL")
    return LicenceEntry(name, key, distribution.version, licence, home_page(distribution), write_text(key, text),
                        used_for=used_for, required_by=parent, replaceable=lgpl,
                        source=home_page(distribution) if lgpl else "")


def main() -> int:
    runtime, optional = project_requirements()
    seen: dict[str, tuple[str, str]] = {}
    walk(runtime, "runtime", seen)
    walk(optional, "team", seen)
    entries = [python_entry(), qt_entry(), font_entry()]
    for key, (used_for, parent) in sorted(seen.items()):
        if key == "pyside6" or key in FOLDED_INTO_PYSIDE6:
            continue
        entries.append(distribution_entry(key, used_for, "" if normalise(parent) == key else parent))
    index = [asdict(entry) for entry in entries]
    (LICENCE_FOLDER / INDEX_NAME).write_text(json.dumps(index, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for entry in entries:
        print(f"{entry.name:24} {entry.version:12} {entry.licence:32} {entry.file}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
