"""The outline of a plan document as a tree model: the cover, then the profile's numbered sections and their state."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from planner.guidelines.numbering import heading_label
from planner.guidelines.profile import BLOCKS, GuidelineProfile, SectionSpec
from planner.i18n import N_, _

COVER_KEY = "#cover"  # the outline's first entry (no profile section key starts with #)
KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # the entry's key
COLUMNS = (N_("Section"), N_("Status"))
_MISSING_COLOUR = QColor("#b45309")  # "to be written": an amber legible on light and dark backgrounds
_WRITTEN_COLOUR = QColor("#2e7d32")

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class OutlineEntry:
    """One entry of the outline: the cover, or a section of the profile with what it holds."""

    key: str  # the profile section's key, or COVER_KEY
    kind: str  # "cover", "narrative" (written by the planner, maybe followed by a block), "block" or "group"
    number: str  # "Ⅰ.", "1.", "가.", "붙임 1", "" for the cover
    title: str  # in the interface language
    plan_title: str = ""  # in the plan's language: the title a new narrative row gets
    narrative_key: str | None = None
    narrative_position: int = 0  # the section's place among the profile's narrative sections
    block: str | None = None
    hint: str = ""  # what the section should say, in the interface language
    written: bool = False  # the narrative has text
    children: tuple[OutlineEntry, ...] = field(default=())

    @property
    def heading(self) -> str:
        return f"{self.number} {self.title}".strip()

    def block_description(self) -> str:
        """What the generated block shows, in the interface language."""
        if not self.block:
            return ""
        return _(BLOCKS[self.block]) if self.block in BLOCKS else self.block

    def narrative_entries(self) -> list[OutlineEntry]:
        """This entry and its descendants that hold narrative."""
        own = [self] if self.narrative_key else []
        return own + [entry for child in self.children for entry in child.narrative_entries()]

    @property
    def status(self) -> str:
        if self.kind == "cover":
            return _("Edited in the inspector")
        if self.kind == "narrative":
            written = _("✓ Written") if self.written else _("To be written")
            return f"{written} · {self.block_description()}" if self.block else written
        if self.kind == "block":
            return self.block_description()
        narratives = self.narrative_entries()
        if not narratives:
            return ""
        return _("{written} of {total} written").format(
            written=sum(entry.written for entry in narratives), total=len(narratives))


def build_outline(profile: GuidelineProfile, written_keys: set[str] | frozenset[str], interface_language: str,
                  plan_language: str, cover_title: str | None = None) -> tuple[OutlineEntry, ...]:
    """The cover and the profile's sections, numbered by its scheme; `written_keys` are the narrative keys
    whose body has text."""
    paths = {section.key: path for path, section in profile.walk()}
    narrative_positions = {section.key: n for n, section in enumerate(profile.narrative_sections())}

    def entry(section: SectionSpec) -> OutlineEntry:
        if section.narrative:
            kind = "narrative"
        elif section.block:
            kind = "block"
        else:
            kind = "group"
        return OutlineEntry(
            key=section.key, kind=kind,
            number=heading_label(profile.numbering, paths[section.key], appendix=section.appendix,
                                 language=profile.language),
            title=section.title.get(interface_language), plan_title=section.title.get(plan_language),
            narrative_key=section.narrative, narrative_position=narrative_positions.get(section.key, 0),
            block=section.block, hint=section.hint.get(interface_language) if section.hint.values else "",
            written=bool(section.narrative and section.narrative in written_keys),
            children=tuple(entry(child) for child in section.children),
        )

    cover = OutlineEntry(key=COVER_KEY, kind="cover", number="", title=cover_title or _("Cover"))
    return (cover, *(entry(section) for section in profile.sections))


def _shape(entries: Sequence[OutlineEntry]) -> tuple[object, ...]:
    return tuple((entry.key, _shape(entry.children)) for entry in entries)


@dataclass
class _Node:
    entry: OutlineEntry
    parent: int  # node number of the parent, -1 at the top
    row: int
    children: list[int]


class SectionTreeModel(QAbstractItemModel):
    """A thin tree over outline entries: column 0 the numbered heading, column 1 its status. Entries with the
    same shape are updated in place (dataChanged) so the view keeps its selection and expansion."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: tuple[OutlineEntry, ...] = ()
        self._nodes: list[_Node] = []
        self._top: list[int] = []
        self._by_key: dict[str, int] = {}

    # -- content -------------------------------------------------------------------------------------------

    @property
    def entries(self) -> tuple[OutlineEntry, ...]:
        return self._entries

    def set_outline(self, entries: Sequence[OutlineEntry]) -> None:
        entries = tuple(entries)
        if _shape(entries) == _shape(self._entries) and self._nodes:
            self._index_nodes(entries)
            for number, node in enumerate(self._nodes):
                if node.row == 0:  # one signal per group of siblings
                    siblings = self._nodes[node.parent].children if node.parent >= 0 else self._top
                    first = self.createIndex(0, 0, number)
                    last = self.createIndex(len(siblings) - 1, len(COLUMNS) - 1, siblings[-1])
                    self.dataChanged.emit(first, last)
            return
        self.beginResetModel()
        self._index_nodes(entries)
        self.endResetModel()

    def _index_nodes(self, entries: tuple[OutlineEntry, ...]) -> None:
        self._entries = entries
        self._nodes, self._top, self._by_key = [], [], {}

        def add(children: Sequence[OutlineEntry], parent: int) -> list[int]:
            numbers = []
            for row, child in enumerate(children):
                number = len(self._nodes)
                self._nodes.append(_Node(child, parent, row, []))
                self._by_key.setdefault(child.key, number)
                numbers.append(number)
                self._nodes[number].children = add(child.children, number)
            return numbers

        self._top = add(entries, -1)

    def entry(self, index: Index) -> OutlineEntry | None:
        """The entry an index shows."""
        if not index.isValid() or not 0 <= index.internalId() < len(self._nodes):
            return None
        return self._nodes[index.internalId()].entry

    def entry_by_key(self, key: str) -> OutlineEntry | None:
        number = self._by_key.get(key)
        return None if number is None else self._nodes[number].entry

    def index_of(self, key: str, column: int = 0) -> QModelIndex:
        """The index of the entry with this key (invalid when there is none)."""
        number = self._by_key.get(key)
        if number is None:
            return QModelIndex()
        return self.createIndex(self._nodes[number].row, column, number)

    # -- QAbstractItemModel --------------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008 - Qt's signature
        if column < 0 or column >= len(COLUMNS):
            return QModelIndex()
        if not parent.isValid():
            siblings = self._top
        elif parent.column() == 0 and 0 <= parent.internalId() < len(self._nodes):
            siblings = self._nodes[parent.internalId()].children
        else:
            return QModelIndex()
        if not 0 <= row < len(siblings):
            return QModelIndex()
        return self.createIndex(row, column, siblings[row])

    def parent(self, index: Index | None = None) -> QModelIndex | QObject:  # type: ignore[override]
        if index is None:
            return super().parent()  # the QObject parent
        if not index.isValid() or not 0 <= index.internalId() < len(self._nodes):
            return QModelIndex()
        parent = self._nodes[index.internalId()].parent
        if parent < 0:
            return QModelIndex()
        return self.createIndex(self._nodes[parent].row, 0, parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        if not parent.isValid():
            return len(self._top)
        if parent.column() != 0 or not 0 <= parent.internalId() < len(self._nodes):
            return 0
        return len(self._nodes[parent.internalId()].children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return len(COLUMNS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(COLUMNS):
            return _(COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        entry = self.entry(index)
        if entry is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return entry.heading if column == 0 else entry.status
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0:
                return "\n".join(part for part in (entry.heading, entry.hint) if part)
            return entry.status or None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return entry.heading if column == 0 else entry.status
        if role == KEY_ROLE:
            return entry.key
        if role == Qt.ItemDataRole.ForegroundRole and column == 1 and entry.kind == "narrative":
            return _WRITTEN_COLOUR if entry.written else _MISSING_COLOUR
        if role == Qt.ItemDataRole.FontRole and column == 0 and index.parent() == QModelIndex():
            font = QFont()
            font.setBold(True)
            return font
        return None

    def written_map(self) -> Mapping[str, bool]:
        """Whether each narrative section shows as written, by entry key (for tests and summaries)."""
        return {node.entry.key: node.entry.written for node in self._nodes if node.entry.kind == "narrative"}
