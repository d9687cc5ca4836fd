"""The narrative text of a plan's sections: paragraphs, the □ ○ - · bullet levels of 개조식 writing, and bold.

A section's body is plain text, one block per line, so it stays readable in any tool and merges line by line:

    □ 추진 배경                      a level-1 bullet (□), then level 2 (○), 3 (-) and 4 (·)
      ○ 인구 **14.4%** 감소          ** marks bold; indentation is two spaces a level (ignored on reading)
    A line without a marker is a plain paragraph; an empty line is a gap.

A literal asterisk or backslash is written \\* or \\\\ (the editor does this for you).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

BULLET_MARKERS: dict[int, str] = {1: "□", 2: "○", 3: "-", 4: "·"}
MAX_LEVEL = 4
# Markers read as a level (other dots people type for the fourth level included).
_MARKER_LEVELS: dict[str, int] = {"□": 1, "○": 2, "-": 3, "·": 4, "ㆍ": 4, "•": 4}
INDENT = "  "  # written before a bullet per level below the first


@dataclass(frozen=True)
class Run:
    """A stretch of text, bold or not."""

    text: str
    bold: bool = False


@dataclass(frozen=True)
class NarrativeBlock:
    """One line of narrative: level 0 is a plain paragraph (or a gap when it has no text), 1-4 a bullet."""

    level: int
    runs: tuple[Run, ...] = ()

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)

    @property
    def is_gap(self) -> bool:
        return self.level == 0 and not self.text

    @property
    def marker(self) -> str:
        return BULLET_MARKERS.get(self.level, "")


def _split_marker(line: str) -> tuple[int, str]:
    stripped = line.lstrip(" \t\u3000")
    if stripped and stripped[0] in _MARKER_LEVELS and (len(stripped) == 1 or stripped[1] in " \t\u3000"):
        return _MARKER_LEVELS[stripped[0]], stripped[2:] if len(stripped) > 1 else ""
    return 0, line.rstrip() if stripped else ""


def parse_runs(text: str) -> tuple[Run, ...]:
    """Split text at ** into plain and bold runs; \\* and \\\\ stand for * and \\. An unclosed ** stays literal."""
    pieces: list[tuple[str, bool]] = []  # (text, is a ** toggle)
    buffer: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text) and text[index + 1] in "*\\":
            buffer.append(text[index + 1])
            index += 2
        elif text.startswith("**", index):
            pieces.append(("".join(buffer), False))
            pieces.append(("**", True))
            buffer = []
            index += 2
        else:
            buffer.append(char)
            index += 1
    pieces.append(("".join(buffer), False))
    toggles = sum(1 for _text, toggle in pieces if toggle)
    if toggles % 2:  # the last ** has no partner: it is text
        last = max(i for i, (_t, toggle) in enumerate(pieces) if toggle)
        pieces[last] = ("**", False)
    runs: list[Run] = []
    bold = False
    for piece, toggle in pieces:
        if toggle:
            bold = not bold
        elif piece:
            if runs and runs[-1].bold == bold:
                runs[-1] = Run(runs[-1].text + piece, bold)
            else:
                runs.append(Run(piece, bold))
    return tuple(runs)


def parse_narrative(body: str) -> list[NarrativeBlock]:
    """The blocks of a section's body (see the module's docstring for the format)."""
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    blocks = []
    for line in lines:
        level, rest = _split_marker(line)
        blocks.append(NarrativeBlock(level, parse_runs(rest)))
    return blocks


def escape_runs_text(text: str) -> str:
    """Text written so that parse_runs gives it back literally."""
    return text.replace("\\", "\\\\").replace("*", "\\*")


def format_runs(runs: Iterable[Run]) -> str:
    parts = []
    for run in runs:
        if not run.text:
            continue
        escaped = escape_runs_text(run.text)
        parts.append(f"**{escaped}**" if run.bold else escaped)
    return "".join(parts)


def format_narrative(blocks: Sequence[NarrativeBlock]) -> str:
    """The body text of blocks; parse_narrative(format_narrative(blocks)) gives the same blocks back."""
    lines = []
    for block in blocks:
        text = format_runs(block.runs)
        if block.level == 0:
            lines.append(text)  # (a paragraph typed as "□ text" is read back as the bullet it looks like)
        else:
            level = min(max(block.level, 1), MAX_LEVEL)
            lines.append(f"{INDENT * (level - 1)}{BULLET_MARKERS[level]} {text}")
    return "\n".join(lines)


def plain_text(body: str) -> str:
    """The body's text without bold marks and escapes (markers and line breaks kept), e.g. for search."""
    return "\n".join(
        (f"{INDENT * (block.level - 1)}{block.marker} " if block.level else "") + block.text
        for block in parse_narrative(body)
    )
