"""Hostile strings in every text field reach the PDF literally: no markup, no file read, no link, no crash."""

from __future__ import annotations

import random
import zlib
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from planner.model import ENTITY_CLASSES, NarrativeSection, Plan
from planner.model.attributes import ATTRIBUTES
from planner.reports.pdf import export_pdf
from tests.planner.reports import pdf_reading as reading
from tests.planner.reports.conftest import all_blocks_profile, make_profile, narrative_profile

TODAY = date(2026, 11, 3)
EVIL_IMAGE_SIZE = (7, 13)  # a PNG of this size must never turn up in the PDF
# Kinds whose text fields all get hostile values (codes and keys stay as they are: they identify rows).
FILLED_KINDS = ("plan", "narrative_section", "field", "strategy", "stakeholder", "funding_rule", "initiative",
                "milestone", "kpi", "risk", "checklist_answer")
SKIPPED_FIELDS = {"code", "key", "title@narrative_section", "item_key"}
# The fields that must reach the PDF (every row of the kind), and so appear in its text.
SHOWN_FIELDS = {
    "plan": ("title", "region_province", "region_district", "lead_organisation", "contact_department",
             "contact_name", "contact_phone", "publication_number"),
    "narrative_section": ("body",),
    "initiative": ("title", "purpose", "content"),
    "kpi": ("name",),
    "stakeholder": ("name",),
    "field": ("name",),
    "strategy": ("name",),
    "risk": ("title", "description", "mitigation"),
    "milestone": ("title",),
}


def write_evil_png(path: Path) -> Path:
    """A valid 7×13 grey PNG: if `<img src=...>` were honoured, this file would be embedded."""
    width, height = EVIL_IMAGE_SIZE

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (len(data).to_bytes(4, "big") + kind + data
                + zlib.crc32(kind + data).to_bytes(4, "big"))

    rows = b"".join(b"\x00" + b"\x80" * width for _row in range(height))
    header = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([8, 0, 0, 0, 0])
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows))
                     + chunk(b"IEND", b""))
    return path


def hostile_strings(image: Path) -> list[str]:
    return [
        "R&D", "x<y", "<b>", "</para>", f'<img src="{image}"/>', '<img src="/etc/passwd">',
        '<a href="javascript:alert(1)">x</a>', "<font name=x>", "$5 to $10", "$\\foo$",
        "line one\nline two", "&amp;", "\"double\" 'single' “curly”", "해담군 주민 ㉮ ①", "unclosed <i>italic",
    ]


def long_word(seed: int) -> str:
    """A 20,000-character word (no spaces), different for each seed."""
    generator = random.Random(seed)
    return f"W{seed}W" + "".join(generator.choice("abcdefghijklmnopqrstuvwxyz가나다라마바사") for _ in range(20_000))


def text_fields(kind: str) -> list[str]:
    return [spec.name for spec in ATTRIBUTES[kind] if spec.kind in ("text", "multiline")
            and spec.name not in SKIPPED_FIELDS and f"{spec.name}@{kind}" not in SKIPPED_FIELDS]


def fill_every_field(session: Session, strings: list[str]) -> dict[str, list[str]]:
    """Put every hostile string (tagged per row and field) into every text field; return field -> values."""
    expected: dict[str, list[str]] = {}
    counter = 0
    for kind in FILLED_KINDS:
        model = ENTITY_CLASSES[kind]
        for row in session.scalars(select(model)).all():
            for name in text_fields(kind):
                counter += 1
                pieces = [f"Q{counter}x{index}:{text}:Q{counter}x{index}" for index, text in enumerate(strings)]
                setattr(row, name, "\n".join(pieces))
                if name in SHOWN_FIELDS.get(kind, ()):
                    expected[f"{kind}.{name}#{counter}"] = pieces
    plan = session.scalars(select(Plan)).one()
    plan.approval_columns = strings[:4]
    expected["plan.approval_columns"] = strings[:4]
    session.flush()
    return expected


def printed(piece: str, text: str, *, probe: int = 4) -> bool:
    """The piece is in the PDF's (whitespace-free) text whole, or in contiguous parts in order.

    A table row that breaks across pages leaves each cell's text in parts, with the other cells' parts and
    the repeated header between them. Every part must be the piece's text exactly; each next part is looked
    for after the previous one. (Pieces carry a unique tag at both ends, so a part cannot be taken from another
    field's copy of the same string.)
    """
    wanted = reading.squeezed(piece)
    if wanted in text:
        return True
    done = position = 0
    while done < len(wanted):
        best_at, best_length = -1, 0
        at = text.find(wanted[done:done + probe], position)
        while at >= 0:
            length = 0
            while (done + length < len(wanted) and at + length < len(text)
                   and text[at + length] == wanted[done + length]):
                length += 1
            if length > best_length:
                best_at, best_length = at, length
            if done + length == len(wanted):
                break
            at = text.find(wanted[done:done + probe], at + 1)
        if best_at < 0:
            return False
        done, position = done + best_length, best_at + best_length
    return True


def hostile_profile(language: str) -> Any:
    """The narrative chapters and every generated block."""
    return make_profile((*narrative_profile(language).sections, *all_blocks_profile(language).sections[1:]),
                        language=language)


def assert_nothing_added(reader: Any) -> None:
    for link in reading.link_annotations(reader):
        assert link["uri"] is None and link["action"] is None, link  # only the app's internal links
    for resources in reading.resource_dicts(reader):
        for xobject in (reading.resolved(resources.get("/XObject")) or {}).values():
            xobject = reading.resolved(xobject)
            if xobject.get("/Subtype") == "/Image":
                assert (int(xobject["/Width"]), int(xobject["/Height"])) != EVIL_IMAGE_SIZE


@pytest.mark.slow  # long PDF builds; they touch no Qt, so the run without PySide6 skips them
@pytest.mark.parametrize("language", ["ko", "en"])
def test_every_hostile_string_in_every_field_prints_literally(demo_session: Callable[[str], Session],
                                                              fake_checks: Callable[..., object],
                                                              tmp_path: Path, language: str) -> None:
    fake_checks()
    session = demo_session(language)
    strings = hostile_strings(write_evil_png(tmp_path / "evil.png"))
    expected = fill_every_field(session, strings)
    target = tmp_path / "hostile.pdf"
    result = export_pdf(session, hostile_profile(language), language, target, today=TODAY)
    reader = reading.read_pdf(target.read_bytes())
    assert result.pages == len(reader.pages)
    text = reading.squeezed(reading.all_body_text(reader) + "\n" + reader.pages[0].extract_text())
    missing = [(field, piece) for field, pieces in expected.items() for piece in pieces if not printed(piece, text)]
    assert not missing, missing[:10]
    assert_nothing_added(reader)


@pytest.mark.slow  # long PDF builds; they touch no Qt, so the run without PySide6 skips them
def test_a_20000_character_word_in_each_kind_of_field(demo_session: Callable[[str], Session],
                                                      fake_checks: Callable[..., object], tmp_path: Path) -> None:
    fake_checks()
    session = demo_session("ko")
    words: dict[str, str] = {}
    targets = [("plan", "title"), ("narrative_section", "body"), ("initiative", "title"),
               ("initiative", "purpose"), ("kpi", "name"), ("stakeholder", "name"), ("risk", "title"),
               ("risk", "mitigation"), ("milestone", "title"), ("field", "name"), ("strategy", "name")]
    for seed, (kind, name) in enumerate(targets, 1):
        query = select(ENTITY_CLASSES[kind])
        if kind == "narrative_section":
            query = query.where(NarrativeSection.key == "overview.background")
        row = session.scalars(query.limit(1)).first()
        assert row is not None, kind
        words[f"{kind}.{name}"] = long_word(seed)
        setattr(row, name, words[f"{kind}.{name}"])
    session.flush()
    target = tmp_path / "long.pdf"
    export_pdf(session, hostile_profile("ko"), "ko", target, today=TODAY)
    reader = reading.read_pdf(target.read_bytes())
    text = reading.squeezed(reading.all_body_text(reader) + "\n" + reader.pages[0].extract_text())
    assert not [field for field, word in words.items() if not printed(word, text, probe=16)]
    assert_nothing_added(reader)


def test_hostile_text_with_narrative_sections_only(demo_session: Callable[[str], Session],
                                                   tmp_path: Path) -> None:
    """The document framework alone (cover, TOC, headings, narrative) with hostile text; no block involved."""
    from planner.reports.pdf import build_pdf

    session = demo_session("en")
    strings = hostile_strings(write_evil_png(tmp_path / "evil.png"))
    expected = fill_every_field(session, strings)
    word = long_word(99)
    plan = session.scalars(select(Plan)).one()
    plan.lead_organisation = word
    reader = reading.read_pdf(build_pdf(session, narrative_profile("en"), "en", today=TODAY))
    text = reading.squeezed(reading.all_body_text(reader) + "\n" + reader.pages[0].extract_text())
    framework_fields = ("plan.title", "plan.region", "plan.contact", "plan.publication", "narrative_section",
                        "plan.approval")
    missing = [(field, piece) for field, pieces in expected.items() if field.startswith(framework_fields)
               for piece in pieces if reading.squeezed(piece) not in text]  # (no table splits here: whole)
    assert not missing, missing[:10]
    assert word in text
    assert reader.metadata.author.startswith("W99W")
    assert_nothing_added(reader)
