"""The New Plan dialog: title, region and first/last year, each validated as the user types."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from planner.i18n import _
from planner.model.attributes import ATTRIBUTES, Attribute

_SPECS: dict[str, Attribute] = {spec.name: spec for spec in ATTRIBUTES["plan"]}


@dataclass(frozen=True)
class NewPlanValues:
    """What the user entered for a new plan."""

    title: str
    region_province: str
    region_district: str
    start_year: int
    end_year: int

    def plan_values(self) -> dict[str, str]:
        """The optional plan fields, as keyword arguments of PlanDocument.new()."""
        return {"region_province": self.region_province, "region_district": self.region_district}


def problems_of(values: NewPlanValues) -> dict[str, str]:
    """Every problem of the entered values by field name (the model's own rules); empty when sound."""
    problems: dict[str, str] = {}
    for name in ("title", "region_province", "region_district", "start_year", "end_year"):
        problem = _SPECS[name].problem(getattr(values, name))
        if problem:
            problems[name] = problem
    if "start_year" not in problems and "end_year" not in problems and values.end_year < values.start_year:
        problems["end_year"] = _("The last year comes before the first year.")
    return problems


class NewPlanDialog(QDialog):
    """Asks for the few values a plan cannot start without; OK stays disabled until they are sound."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("New Plan"))
        self.setMinimumWidth(460)
        first = date.today().year + 1
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(_("e.g. AI convergence master plan 2026–2030"))
        self.province_edit = QLineEdit()
        self.district_edit = QLineEdit()
        self.start_spin = self._year_spin(first)
        self.end_spin = self._year_spin(first + 4)
        self._problem_labels: dict[str, QLabel] = {}

        form = QFormLayout()
        for name, editor in (
            ("title", self.title_edit),
            ("region_province", self.province_edit),
            ("region_district", self.district_edit),
            ("start_year", self.start_spin),
            ("end_year", self.end_spin),
        ):
            form.addRow(_(_SPECS[name].label), editor)
            problem = QLabel()
            problem.setObjectName(f"problem_{name}")
            problem.setStyleSheet("color: #b3261e;")
            problem.setWordWrap(True)
            problem.hide()
            form.addRow("", problem)
            self._problem_labels[name] = problem

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Create Plan"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        self._touched: set[str] = set()
        self.title_edit.textEdited.connect(lambda _text: self._on_field_edited("title"))
        self.province_edit.textEdited.connect(lambda _text: self._on_field_edited("region_province"))
        self.district_edit.textEdited.connect(lambda _text: self._on_field_edited("region_district"))
        self.start_spin.valueChanged.connect(lambda _value: self._on_field_edited("start_year"))
        self.end_spin.valueChanged.connect(lambda _value: self._on_field_edited("end_year"))
        self._validate()

    def _year_spin(self, value: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(_SPECS["start_year"].minimum or 1990, _SPECS["start_year"].maximum or 2100)
        spin.setValue(value)
        spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        return spin

    def values(self) -> NewPlanValues:
        return NewPlanValues(
            title=self.title_edit.text().strip(),
            region_province=self.province_edit.text().strip(),
            region_district=self.district_edit.text().strip(),
            start_year=self.start_spin.value(),
            end_year=self.end_spin.value(),
        )

    def problems(self) -> dict[str, str]:
        return problems_of(self.values())

    def _on_field_edited(self, name: str) -> None:
        self._touched.add(name)
        self._validate()

    def _validate(self) -> None:
        problems = self.problems()
        for name, label in self._problem_labels.items():
            # An empty title is not scolded before the user has typed anything; OK stays disabled anyway.
            shown = name in problems and (name in self._touched or name != "title")
            label.setText(problems.get(name, ""))
            label.setVisible(shown)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problems)

    def accept(self) -> None:
        if self.problems():
            self._touched.update(self._problem_labels)
            self._validate()
            return
        super().accept()
