"""The side panel of the stakeholder network: the selected stakeholder's measures, isolated ones, the legend."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.views.stakeholder_network import network_style as style
from desktop_app.widgets.muted_text import mute
from planner.i18n import _
from planner.model.vocabulary import RELATION_TYPES, SECTORS, label

if TYPE_CHECKING:
    from planner.stakeholders.analysis import NodeMetrics, StakeholderNode

DASH = "—"


class AnalysisPanelView(QWidget):
    """Degree, betweenness and community of the selected stakeholder; the isolated ones; what colours mean."""

    isolated_activated = Signal(str)  # a stakeholder id picked in the isolated list

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("network_analysis_panel")
        self.setMinimumWidth(250)
        self.setMaximumWidth(420)
        selected = QGroupBox(_("Selected stakeholder"))
        form = QFormLayout(selected)
        self.name_label = QLabel(DASH)
        self.name_label.setWordWrap(True)
        self.sector_label = QLabel(DASH)
        self.degree_label = QLabel(DASH)
        self.degree_label.setObjectName("degree_label")
        self.betweenness_label = QLabel(DASH)
        self.betweenness_label.setObjectName("betweenness_label")
        self.community_label = QLabel(DASH)
        self.community_label.setObjectName("community_label")
        self.role_label = QLabel(DASH)
        self.role_label.setWordWrap(True)
        form.addRow(_("Name"), self.name_label)
        form.addRow(_("Sector"), self.sector_label)
        form.addRow(_("Degree"), self.degree_label)
        form.addRow(_("Betweenness"), self.betweenness_label)
        form.addRow(_("Community"), self.community_label)
        form.addRow(_("Role in the network"), self.role_label)

        isolated = QGroupBox(_("Isolated stakeholders"))
        isolated_layout = QVBoxLayout(isolated)
        self.isolated_list = QListWidget()
        self.isolated_list.setObjectName("isolated_list")
        self.isolated_list.setAccessibleName(_("Isolated stakeholders"))
        self.isolated_list.setMaximumHeight(130)
        self.isolated_list.itemActivated.connect(self._on_isolated_list_item_activated)
        self.isolated_list.itemClicked.connect(self._on_isolated_list_item_activated)
        self.isolated_empty = QLabel(_("None: every stakeholder has a relation."))
        self.isolated_empty.setWordWrap(True)
        mute(self.isolated_empty)
        isolated_layout.addWidget(self.isolated_list)
        isolated_layout.addWidget(self.isolated_empty)

        legend = QGroupBox(_("Legend"))
        legend_layout = QVBoxLayout(legend)
        self.legend_label = QLabel()
        self.legend_label.setWordWrap(True)
        legend_layout.addWidget(self.legend_label)
        legend_layout.addStretch(1)
        self.set_legend(communities=False, community_count=0)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(selected)
        layout.addWidget(isolated)
        layout.addWidget(legend, 1)

    def show_stakeholder(self, node: StakeholderNode | None, metrics: NodeMetrics | None) -> None:
        if node is None or metrics is None:
            for widget in (self.name_label, self.sector_label, self.degree_label, self.betweenness_label,
                           self.community_label, self.role_label):
                widget.setText(DASH)
            return
        self.name_label.setText(node.name if not node.organisation else f"{node.name}\n{node.organisation}")
        self.sector_label.setText(label(SECTORS, node.sector))
        self.degree_label.setText(str(metrics.degree))
        self.betweenness_label.setText(f"{metrics.betweenness:.3f}")
        self.community_label.setText(str(metrics.community + 1))
        notes = []
        if metrics.broker:
            notes.append(_("Broker (links otherwise separate groups)"))
        if metrics.isolated:
            notes.append(_("Isolated (no relations)"))
        self.role_label.setText("\n".join(notes) or DASH)

    def set_isolated(self, entries: list[tuple[str, str]]) -> None:
        """(id, name) of every isolated stakeholder."""
        self.isolated_list.clear()
        for stakeholder_id, name in entries:
            item = QListWidgetItem(name)
            item.setData(256, stakeholder_id)
            self.isolated_list.addItem(item)
        self.isolated_list.setVisible(bool(entries))
        self.isolated_empty.setVisible(not entries)

    def isolated_ids(self) -> list[str]:
        return [self.isolated_list.item(n).data(256) for n in range(self.isolated_list.count())]

    def set_legend(self, communities: bool, community_count: int) -> None:
        def swatch(colour: str, text: str) -> str:
            return f"<span style='color:{colour}; font-size:14px'>●</span> {text}"

        rows: list[str] = []
        if communities:
            rows.append(f"<b>{_('Fill: community')}</b>")
            for number in range(community_count):
                colour = style.COMMUNITY_COLOURS[number % len(style.COMMUNITY_COLOURS)].name()
                rows.append(swatch(colour, _("Community {number}").format(number=number + 1)))
        else:
            rows.append(f"<b>{_('Fill: sector')}</b>")
            rows.extend(swatch(style.SECTOR_COLOURS[code].name(), _(name)) for code, name in SECTORS.items())
        rows.append(f"<b>{_('Lines: relation type')}</b>")
        dashes = {"SolidLine": "━━", "DashLine": "╍╍", "DotLine": "┈┈", "DashDotLine": "━·━"}
        for code, name in RELATION_TYPES.items():
            colour = style.RELATION_COLOURS[code].name()
            dash = dashes.get(style.RELATION_PEN_STYLES[code].name, "━━")
            rows.append(f"<span style='color:{colour}'>{dash}</span> {_(name)}")
        rows.append(_("Circle size: influence · line width: strength · arrow: directed"))
        rows.append(_("Black ring: broker · dashed outline: isolated · orange ring: stakeholder of the selected "
                      "initiative"))
        self.legend_label.setText("<br>".join(rows))

    def _on_isolated_list_item_activated(self, item: QListWidgetItem) -> None:
        self.isolated_activated.emit(str(item.data(256)))
