"""Keep the Korean translations in step: merge proposals into ko.json, write the Qt Linguist .ts, compile the .qm.

The catalogue ko.json ({"English source": "한국어"}) is what people and scripts edit; the CLI and the PDF reports
read it directly. The desktop app reads the same pairs through Qt: convergence_planner_ko.ts (one context,
one <message> per pair) is generated from ko.json and compiled to convergence_planner_ko.qm with
pyside6-lrelease. Both generated files are committed; tests fail when they fall behind ko.json.

    python resources/i18n/merge_proposals.py                    # regenerate .ts and .qm from ko.json
    python resources/i18n/merge_proposals.py /tmp/ko/*.json     # merge proposals first (new keys added,
                                                                # differing translations kept and listed)
    python resources/i18n/merge_proposals.py --replace FILE...  # proposals win over existing translations
    python resources/i18n/merge_proposals.py --from-ts          # take translations edited in Qt Linguist
    python resources/i18n/merge_proposals.py --check            # exit 1 when .ts or .qm are stale
"""

from __future__ import annotations

import argparse
import json
import shutil
import string
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from xml.sax.saxutils import escape

FOLDER = Path(__file__).resolve().parent
CATALOGUE = FOLDER / "ko.json"
TS_FILE = FOLDER / "convergence_planner_ko.ts"
QM_FILE = FOLDER / "convergence_planner_ko.qm"
CONTEXT = "ConvergencePlanner"  # the one translation context of planner.i18n's strings in the desktop app
LANGUAGE = "ko_KR"


def read_catalogue(path: Path = CATALOGUE) -> dict[str, str]:
    with path.open(encoding="utf-8") as handle:
        data = json.load(handle)
    if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in data.items()):
        raise ValueError(f"{path} must hold one JSON object of English text → Korean text.")
    return data


def write_catalogue(catalogue: dict[str, str], path: Path = CATALOGUE) -> None:
    text = json.dumps(dict(sorted(catalogue.items())), ensure_ascii=False, indent=1) + "\n"
    path.write_text(text, encoding="utf-8")


def placeholders(text: str) -> set[str]:
    try:
        return {name for _text, name, _spec, _conv in string.Formatter().parse(text) if name}
    except ValueError:
        return {"<unbalanced braces>"}


def merge(catalogue: dict[str, str], proposals: dict[str, str], *, replace: bool, origin: str) -> list[str]:
    """Add the proposals to the catalogue; return one line per proposal not taken (and why)."""
    notes: list[str] = []
    for source, korean in proposals.items():
        if not isinstance(source, str) or not isinstance(korean, str) or not korean.strip():
            notes.append(f"{origin}: skipped {source!r}: the translation is empty or not text")
        elif placeholders(source) != placeholders(korean):
            notes.append(f"{origin}: skipped {source!r}: placeholders differ ({korean!r})")
        elif source in catalogue and catalogue[source] != korean and not replace:
            notes.append(f"{origin}: kept {catalogue[source]!r} for {source!r} (proposed {korean!r})")
        else:
            catalogue[source] = korean
    return notes


def ts_text(catalogue: dict[str, str]) -> str:
    """The Qt Linguist source: one context, the messages in the catalogue's (sorted) order."""
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<!DOCTYPE TS>",
        f'<TS version="2.1" language="{LANGUAGE}" sourcelanguage="en">',
        "<context>",
        f"    <name>{CONTEXT}</name>",
    ]
    entities = {'"': "&quot;", "'": "&apos;"}
    for source, korean in sorted(catalogue.items()):
        lines += [
            "    <message>",
            f"        <source>{escape(source, entities)}</source>",
            f"        <translation>{escape(korean, entities)}</translation>",
            "    </message>",
        ]
    lines += ["</context>", "</TS>", ""]
    return "\n".join(lines)


def read_ts(path: Path = TS_FILE) -> dict[str, str]:
    """The (source → translation) pairs of a .ts file's messages (every context)."""
    pairs: dict[str, str] = {}
    for message in ElementTree.parse(path).getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is not None and translation.get("type") not in ("unfinished", "obsolete", "vanished"):
            pairs[source] = translation.text or ""
    return pairs


def lrelease_program() -> str:
    """pyside6-lrelease on the PATH, else the lrelease that ships inside the PySide6 package."""
    found = shutil.which("pyside6-lrelease")
    if found:
        return found
    import PySide6

    bundled = Path(PySide6.__file__).resolve().parent / "lrelease"
    if bundled.exists():
        return str(bundled)
    raise FileNotFoundError("pyside6-lrelease was not found; install PySide6 (it ships Qt's lrelease).")


def compile_qm(ts_path: Path, qm_path: Path) -> None:
    result = subprocess.run([lrelease_program(), "-silent", str(ts_path), "-qm", str(qm_path)],
                            capture_output=True, text=True, timeout=120)
    if result.returncode != 0 or not qm_path.exists():
        raise RuntimeError(f"lrelease failed on {ts_path}: {result.stdout}{result.stderr}")


def compiled_bytes(catalogue: dict[str, str]) -> tuple[str, bytes]:
    with tempfile.TemporaryDirectory(prefix="cplan-i18n-") as folder:
        ts_path = Path(folder) / TS_FILE.name
        qm_path = Path(folder) / QM_FILE.name
        text = ts_text(catalogue)
        ts_path.write_text(text, encoding="utf-8")
        compile_qm(ts_path, qm_path)
        return text, qm_path.read_bytes()


def regenerate(catalogue: dict[str, str]) -> None:
    text, qm = compiled_bytes(catalogue)
    TS_FILE.write_text(text, encoding="utf-8")
    QM_FILE.write_bytes(qm)


def stale_files(catalogue: dict[str, str]) -> list[str]:
    text, qm = compiled_bytes(catalogue)
    stale = []
    if not TS_FILE.exists() or TS_FILE.read_text(encoding="utf-8") != text:
        stale.append(TS_FILE.name)
    if not QM_FILE.exists() or QM_FILE.read_bytes() != qm:
        stale.append(QM_FILE.name)
    return stale


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("proposals", nargs="*", type=Path, help="JSON files {English: Korean} to merge into ko.json")
    parser.add_argument("--replace", action="store_true", help="proposals replace differing translations")
    parser.add_argument("--from-ts", action="store_true", help="merge the translations of the .ts into ko.json")
    parser.add_argument("--check", action="store_true", help="only say whether the .ts and .qm are up to date")
    args = parser.parse_args(argv)
    catalogue = read_catalogue()
    if args.check:
        stale = stale_files(catalogue)
        print("stale: " + ", ".join(stale) if stale else "up to date")
        return 1 if stale else 0
    notes: list[str] = []
    if args.from_ts:
        notes += merge(catalogue, read_ts(), replace=True, origin=TS_FILE.name)
    for path in args.proposals:
        try:
            proposals = read_catalogue(path)
        except (OSError, ValueError) as error:
            notes.append(f"{path}: not read: {error}")
            continue
        notes += merge(catalogue, proposals, replace=args.replace, origin=str(path))
    written = [TS_FILE.name, QM_FILE.name]
    if catalogue != read_catalogue():
        write_catalogue(catalogue)
        written.insert(0, CATALOGUE.name)
    regenerate(catalogue)
    for note in notes:
        print(note)
    print(f"{len(catalogue)} translations; wrote {', '.join(written)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
