"""The Pairing page's settings panel: weights with their effect explained, team size, rules, time limit."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox, QDoubleSpinBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QSlider, QSpinBox, QVBoxLayout,
    QWidget,
)

from pairing import actions
from pairing.domain import CRITERIA, Settings
from ui.document import ProgramDocument
from ui.team_detail import criterion_label

SLIDER_STEPS_PER_UNIT = 2   # sliders move weights in steps of 0.5
WEIGHT_MAX = 10


def criterion_effect(name: str) -> str:
    """One line saying what raising a criterion's weight does."""
    translate = QCoreApplication.translate  # named so pyside6-lupdate finds the strings
    effects = {
        "genre": translate("Criteria", "Higher: teams share more genres."),
        "needs": translate("Criteria", "Higher: instructors cover more of what each director wants to learn."),
        "meeting": translate("Criteria", "Higher: teams have more free slots in common."),
        "preference": translate("Criteria", "Higher: people get the partners they asked for."),
        "language": translate("Criteria", "Higher: team members share a language more often."),
        "load": translate("Criteria", "Higher: directors are spread more evenly across mentors."),
        "stability": translate("Criteria", "Higher: a new proposal keeps more teams of the previous run."),
    }
    return effects.get(name, "")


def save_settings(document: ProgramDocument, settings: Settings, key: str):
    """Save the program settings as one action; moves of one control in a row merge into one undo step.
    Refused (with a dialog offering to reload) if another viewer changed the settings meanwhile."""
    text = QCoreApplication.translate("Commands", "Change pairing settings")
    return document.perform(text, actions.settings.save_settings, settings, settings=True, merge=f"settings:{key}")


def _explanation(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    font = label.font()
    font.setPointSizeF(max(font.pointSizeF() * 0.9, 7.0))
    label.setFont(font)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # a palette colour: right in both schemes
    return label


class SettingsPanel(QWidget):
    """Controls for the program's pairing settings. Emits `changed(Settings, key)` on each user change."""

    changed = Signal(object, str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._settings = Settings()
        self._loading = False
        self.sliders: dict[str, QSlider] = {}
        self._values: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(self._weights_box())
        layout.addWidget(self._rules_box())
        layout.addStretch(1)

    # -- building ---------------------------------------------------------------------------

    def _weights_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("What matters (weights)"))
        form = QVBoxLayout(box)
        for name in CRITERIA:
            form.addLayout(self._weight_row(name))
            form.addWidget(_explanation(criterion_effect(name)))
        return box

    def _weight_row(self, name: str) -> QHBoxLayout:
        row = QHBoxLayout()
        label = QLabel(criterion_label(name))
        slider = QSlider(Qt.Orientation.Horizontal)
        slider.setRange(0, WEIGHT_MAX * SLIDER_STEPS_PER_UNIT)
        slider.setPageStep(SLIDER_STEPS_PER_UNIT)
        slider.setAccessibleName(self.tr("Weight: %1").replace("%1", criterion_label(name)))
        slider.setAccessibleDescription(criterion_effect(name))
        slider.setToolTip(criterion_effect(name))
        label.setBuddy(slider)
        value = QLabel()
        value.setMinimumWidth(value.fontMetrics().horizontalAdvance("10.0 "))
        slider.valueChanged.connect(lambda v, n=name: self._weight_moved(n, v))
        self.sliders[name], self._values[name] = slider, value
        row.addWidget(label)
        row.addWidget(slider, 1)
        row.addWidget(value)
        return row

    def _rules_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Teams and rules"))
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.instructors_min, self.instructors_max = QSpinBox(), QSpinBox()
        for spin, text in ((self.instructors_min, self.tr("Fewest instructors per director")),
                           (self.instructors_max, self.tr("Most instructors per director"))):
            spin.setRange(0, 10)
            spin.setAccessibleName(text)
            spin.valueChanged.connect(self._rules_changed)
        size = QHBoxLayout()
        size.addWidget(self.instructors_min)
        size.addWidget(QLabel(self.tr("to")))
        size.addWidget(self.instructors_max)
        size.addStretch(1)
        label = QLabel(self.tr("&Instructors per director:"))
        label.setBuddy(self.instructors_min)
        form.addRow(label, size)
        self.require_meeting = self._check(self.tr("Shared &meeting slot"))
        self.same_organization = self._check(self.tr("Keep &organizations apart"))
        self.fairness = self._check(self.tr("Fairness mo&de"))
        for box_, explanation in (
            (self.require_meeting, self.tr("Every team has at least one slot when all its members are free.")),
            (self.same_organization, self.tr("Never pair people who work for the same organization.")),
            (self.fairness, self.tr("Lift the weakest team first, then the total score.")),
        ):
            box_.setAccessibleDescription(explanation)
            box_.setToolTip(explanation)
            form.addRow(box_)
            form.addRow(_explanation(explanation))
        self.time_limit = QDoubleSpinBox()
        self.time_limit.setRange(0.5, 3600.0)
        self.time_limit.setDecimals(1)
        self.time_limit.setSuffix(self.tr(" s"))
        self.time_limit.setAccessibleName(self.tr("Time limit of a proposal in seconds"))
        self.time_limit.valueChanged.connect(self._rules_changed)
        limit_label = QLabel(self.tr("&Time limit:"))
        limit_label.setBuddy(self.time_limit)
        form.addRow(limit_label, self.time_limit)
        self.stability = QDoubleSpinBox()
        self.stability.setRange(0.0, 1000.0)
        self.stability.setDecimals(1)
        self.stability.setAccessibleName(self.tr("Keep a previous team unless a change gains more than this"))
        self.stability.setToolTip(self.stability.accessibleName())
        self.stability.valueChanged.connect(self._rules_changed)
        stability_label = QLabel(self.tr("Stability mar&gin:"))
        stability_label.setBuddy(self.stability)
        form.addRow(stability_label, self.stability)
        form.addRow(_explanation(self.stability.accessibleName() + "."))
        return box

    def _check(self, text: str) -> QCheckBox:
        box = QCheckBox(text)
        box.setAccessibleName(text.replace("&", ""))
        box.toggled.connect(self._rules_changed)
        return box

    # -- values -----------------------------------------------------------------------------

    def set_settings(self, settings: Settings) -> None:
        """Show stored settings without reporting them as a user change."""
        self._loading = True
        try:
            self._settings = settings
            for name, value in settings.weights.as_dict().items():
                self.sliders[name].setValue(round(value * SLIDER_STEPS_PER_UNIT))
                self._values[name].setText(f"{value:.1f}")
            self.instructors_min.setValue(settings.instructors_min)
            self.instructors_max.setValue(settings.instructors_max)
            self.require_meeting.setChecked(settings.require_meeting)
            self.same_organization.setChecked(settings.avoid_same_organization)
            self.fairness.setChecked(settings.fairness)
            self.time_limit.setValue(settings.time_limit_s)
            self.stability.setValue(settings.stability_threshold)
        finally:
            self._loading = False

    def settings(self) -> Settings:
        return self._settings

    def _weight_moved(self, name: str, position: int) -> None:
        value = position / SLIDER_STEPS_PER_UNIT
        self._values[name].setText(f"{value:.1f}")
        if self._loading:
            return
        weights = replace(self._settings.weights, **{name: value})
        self._emit(replace(self._settings, weights=weights), f"weight:{name}")

    def _rules_changed(self, *_args) -> None:
        if self._loading:
            return
        low, high = self.instructors_min.value(), self.instructors_max.value()
        sender = self.sender()
        # Keep min ≤ max by moving the other bound, as a curator would expect.
        if low > high:
            if sender is self.instructors_min:
                high = low
            else:
                low = high
            self._loading = True  # show the moved bound without reporting it as a second change
            self.instructors_min.setValue(low)
            self.instructors_max.setValue(high)
            self._loading = False
        new = replace(
            self._settings, instructors_min=low, instructors_max=high,
            require_meeting=self.require_meeting.isChecked(),
            avoid_same_organization=self.same_organization.isChecked(),
            fairness=self.fairness.isChecked(), time_limit_s=self.time_limit.value(),
            stability_threshold=self.stability.value(),
        )
        key = f"rule:{sender.accessibleName() if sender is not None else ''}"
        self._emit(new, key)

    def _emit(self, settings: Settings, key: str) -> None:
        if settings == self._settings:
            return
        self._settings = settings
        self.changed.emit(settings, key)

