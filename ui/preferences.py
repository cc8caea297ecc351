"""Preferences: interface language, default weights for new programs, default solver time limit."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QGridLayout, QGroupBox, QLabel, QVBoxLayout,
    QWidget,
)

from pairing.criteria import REGISTRY
from pairing.domain import Weights
from pairing.schema import WEIGHT
from pairing.words import msg, render
from ui.i18n import data_lang
from ui.settings_store import Preferences, SettingsStore


class PreferencesDialog(QDialog):
    """Edits the typed preferences; OK writes them to the settings store."""

    def __init__(self, settings: SettingsStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Preferences"))
        preferences = settings.preferences()
        self.language_combo = QComboBox(self)
        self.language_combo.setAccessibleName(self.tr("Interface language"))
        # Language names are shown in their own language, so anyone can find theirs.
        for code, name in (("system", self.tr("System default")), ("en", "English"), ("zh_CN", "简体中文")):
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(preferences.language)))
        self.time_spin = QDoubleSpinBox(self)
        self.time_spin.setAccessibleName(self.tr("Solver time limit in seconds"))
        self.time_spin.setRange(0.5, 3600)
        self.time_spin.setDecimals(1)
        self.time_spin.setSuffix(self.tr(" s"))
        self.time_spin.setValue(preferences.time_limit_s)
        self.weight_spins = self._weight_spins(preferences.weights)
        self._arrange()

    def _weight_spins(self, weights: Weights) -> dict[str, QDoubleSpinBox]:
        """One spin box per criterion of the registry (pairing/criteria.py), named from the catalogue."""
        spins = {}
        for criterion in REGISTRY:
            spin = QDoubleSpinBox(self)
            spin.setRange(WEIGHT.low, WEIGHT.high)
            spin.setSingleStep(0.5)
            spin.setDecimals(1)
            spin.setValue(getattr(weights, criterion.key))
            spin.setAccessibleName(criterion.name(data_lang()))
            spin.setToolTip(criterion.help(data_lang()))
            spins[criterion.key] = spin
        return spins

    def _arrange(self) -> None:
        general = QFormLayout()
        general.addRow(self.tr("&Language:"), self.language_combo)
        note = QLabel(self.tr("The window switches to the chosen language when you press OK."), self)
        note.setWordWrap(True)
        general.addRow("", note)
        general.addRow(self.tr("Solver &time limit:"), self.time_spin)
        weights_box = QGroupBox(self.tr("Default weights for new programs"), self)
        weights = QGridLayout(weights_box)
        for row, criterion in enumerate(REGISTRY):
            spin = self.weight_spins[criterion.key]
            caption = QLabel(render(msg("words.caption", text=criterion.name(data_lang())), data_lang()), weights_box)
            caption.setBuddy(spin)
            weights.addWidget(caption, row, 0)
            weights.addWidget(spin, row, 1)
            # One line each, never wrapped: a longer translation widens the dialog instead of being cut.
            weights.addWidget(QLabel(criterion.help(data_lang()), weights_box), row, 2)
        weights.setColumnStretch(2, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(general)
        layout.addWidget(weights_box)
        layout.addWidget(buttons)

    def preferences(self) -> Preferences:
        weights = Weights(**{name: spin.value() for name, spin in self.weight_spins.items()})
        return Preferences(self.language_combo.currentData(), weights, self.time_spin.value())

    def accept(self) -> None:
        self.settings.save_preferences(self.preferences())
        super().accept()
