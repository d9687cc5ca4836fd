"""Hostile text through every format that goes out and comes back: exported, imported into an empty plan, literal."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select, update

import planner.cli as cli
from planner.interchange.formats import EXPORT_FORMATS, IMPORT_FORMATS
from planner.model import ENTITY_CLASSES
from planner.storage.document import PlanDocument
from tests.planner.commands.sample_plan import build_sample_plan

HOSTILE = [
    "=cmd|' /C calc'!A0", "+1+1", "-2", "@SUM(A1)", "\tTab first", "'=already quoted", "'plain apostrophe",
    "R&D <b>bold</b> x<y", '"double" \'single\' “curly”', "${HOME} $(PATH) \\ back\\slash\\",
    "해담군 주민 ㉮ ① 𝔘", "]]> <!-- --> <![CDATA[", "} include \"/etc/passwd\" {", "ends with a backslash \\",
]

# Single-line fields are trimmed when typed in the app (planner/model/attributes.py: Attribute.parse), and an
# import may trim them too (a name with a leading tab from a spreadsheet comes back without it); every other
# character comes back. The complete-plan JSON keeps every character.
SINGLE_LINE = frozenset({"title", "name", "organisation"})
# Which text fields each format carries (kind → fields) and how a file of it is named.
CARRIED = {
    ".json": {"initiative": ("title", "purpose", "content"), "stakeholder": ("name", "role", "notes")},
    ".xlsx": {"initiative": ("title", "purpose", "content"), "stakeholder": ("name", "role", "notes")},
    ".xml": {"initiative": ("title",)},
    ".gan": {"initiative": ("title",)},
    ".graphml": {"stakeholder": ("name", "organisation")},
}


def hostile_plan(path: Path, offset: int = 0) -> dict[str, dict[str, list[str]]]:
    """The sample plan with hostile text in the carried fields; returns kind → field → values by row."""
    sample = build_sample_plan(path)
    expected: dict[str, dict[str, list[str]]] = {}

    def fill(session: object) -> None:
        for kind in ("initiative", "stakeholder"):
            table = ENTITY_CLASSES[kind].__table__
            ids = sorted(session.execute(select(table.c.id)).scalars())  # type: ignore[attr-defined]
            for number, row_id in enumerate(ids):
                values = {}
                for field in ("title", "purpose", "content") if kind == "initiative" else (
                        "name", "role", "notes", "organisation"):
                    text = HOSTILE[(offset + number * 4 + len(values)) % len(HOSTILE)]
                    if field in ("title", "name"):
                        text = f"{text} #{number}"  # names and titles stay unique
                    values[field] = text
                    expected.setdefault(kind, {}).setdefault(field, []).append(text)
                session.execute(update(table).where(table.c.id == row_id).values(**values))  # type: ignore[attr-defined]

    sample.run(fill)
    sample.engine.dispose()
    return expected


def texts(path: Path, kind: str, field: str) -> list[str]:
    document = PlanDocument.open(path, read_only=True)
    try:
        with document.session() as session:
            table = ENTITY_CLASSES[kind].__table__
            return sorted(session.execute(select(table.c[field])).scalars())
    finally:
        document.close()


@pytest.mark.parametrize("offset", [0, 12])  # each string in a first or a later field, of a title or a text
@pytest.mark.parametrize("suffix", sorted(CARRIED))
def test_hostile_text_comes_back_literally(capsys: pytest.CaptureFixture[str], tmp_path: Path, suffix: str,
                                           offset: int) -> None:
    assert any(spec.suffix == suffix for spec in EXPORT_FORMATS.values())
    assert any(suffix in spec.suffixes for spec in IMPORT_FORMATS.values())
    source = tmp_path / "hostile.cplan"
    expected = hostile_plan(source, offset)
    exported = tmp_path / f"out{suffix}"
    assert cli.main(["export", str(source), "--to", str(exported)]) == 0
    target = tmp_path / "target.cplan"
    assert cli.main(["new", str(target), "--title", "빈 계획", "--start-year", "2026", "--end-year", "2031"]) == 0
    code = cli.main(["import", str(exported), "--into", str(target)])
    out = capsys.readouterr().out
    assert code == 0, out
    for kind, fields in CARRIED[suffix].items():
        for field in fields:
            wanted, found = expected[kind][field], texts(target, kind, field)
            if field in SINGLE_LINE and suffix != ".json":  # other tools' files: may come back trimmed
                wanted, found = [text.strip() for text in wanted], [text.strip() for text in found]
            assert sorted(found) == sorted(wanted), (suffix, kind, field)
