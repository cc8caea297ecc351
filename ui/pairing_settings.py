"""The Pairing page's settings panel, made from the declarations (issue 8): a weight slider per criterion of
the registry (pairing/criteria.py) and a control per pairing setting of the schema (pairing/schema.py) —
a check box for a switch, a spin box within its bounds for a number, two for a range — with titles and
explanations from the catalogue in the interface language and the program's role words. A criterion or a
setting added to the declarations is in the panel with no code here."""

from __future__ import annotations

from dataclasses import replace
from typing import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractSpinBox, QCheckBox, QDoubleSpinBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QSlider, QSpinBox,
    QVBoxLayout, QWidget,
)

from pairing import actions
from pairing.criteria import BY_KEY, REGISTRY
from pairing.domain import Settings
from pairing.schema import WEIGHT, Range, Setting, run_items, setting
from pairing.words import Renderer, msg
from ui.document import ProgramDocument, step_text
from ui.i18n import data_lang
from ui.team_detail import criterion_label

SLIDER_STEPS_PER_UNIT = 2   # sliders move weights in steps of 0.5
WEIGHT_MAX = int(WEIGHT.high)
# Letters the Pairing page and the menus already use as Alt shortcuts: the panel's labels take others.
TAKEN_MNEMONICS = frozenset("acdefhlnprstuv")


def renderer(roles: Mapping | None = None) -> Renderer:
    """Sentences in the interface language, with the program's role names when known."""
    return Renderer(data_lang(), roles) if roles else Renderer(data_lang())


def criterion_effect(name: str, roles: Mapping | None = None) -> str:
    """One line saying what raising a criterion's weight does."""
    if name not in BY_KEY:
        return ""
    return renderer(roles)(msg("criteria.weight_effect", help=msg(f"criteria.{name}_help")))


def save_settings(document: ProgramDocument, settings: Settings, key: str):
    """Save the program settings as one action; moves of one control in a row merge into one undo step.
    Refused (with a dialog offering to reload) if another viewer changed the settings meanwhile."""
    text = step_text("Commands", QT_TRANSLATE_NOOP("Commands", "Change pairing settings"))
    return document.perform(text, actions.settings.save_settings, settings, settings=True, merge=f"settings:{key}")


def with_mnemonic(text: str, english: str, taken: set[str]) -> str:
    """`text` with an Alt shortcut: the first letter of its English wording not yet taken, marked in place
    in English text and as `(&M)` after Chinese text (the convention of Chinese interfaces); as it is when
    every letter is taken."""
    letter = next((c for c in english.lower() if c.isascii() and c.isalpha() and c not in taken), None)
    if letter is None:
        return text
    taken.add(letter)
    at = text.lower().find(letter)
    if text.isascii() and at >= 0:
        return text[:at] + "&" + text[at:]
    return f"{text}(&{letter.upper()})"


def _explanation(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    font = label.font()
    font.setPointSizeF(max(font.pointSizeF() * 0.9, 7.0))
    label.setFont(font)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # a palette colour: right in both schemes
    return label


class SettingsPanel(QWidget):
    """Controls for the program's pairing settings. Emits `changed(Settings, key)` on each user change.

    `sliders[criterion]` and `controls[setting]` hold the generated controls (a range's two settings each
    have their spin box)."""

    changed = Signal(object, str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._settings = Settings()
        self._loading = False
        self._roles: Mapping | None = None
        self.sliders: dict[str, QSlider] = {}
        self.controls: dict[str, QWidget] = {}
        self._values: dict[str, QLabel] = {}
        self._texts: list[tuple[QWidget, str, object]] = []  # (widget, what, key): re-worded for role names
        layout = QVBoxLayout(self)
        layout.addWidget(self._weights_box())
        layout.addWidget(self._rules_box())
        layout.addStretch(1)
        self._word()

    # -- building ---------------------------------------------------------------------------

    def _weights_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("What matters (weights)"))
        form = QVBoxLayout(box)
        for criterion in REGISTRY:
            form.addLayout(self._weight_row(criterion.key))
            explanation = _explanation("")
            self._texts.append((explanation, "effect", criterion.key))
            form.addWidget(explanation)
        return box

    def _weight_row(self, name: str) -> QHBoxLayout:
        row = QHBoxLayout()
        label = QLabel()
        slider = QSlider(Qt.Orientation.Horizontal)
        slider.setRange(0, WEIGHT_MAX * SLIDER_STEPS_PER_UNIT)
        slider.setPageStep(SLIDER_STEPS_PER_UNIT)
        label.setBuddy(slider)
        value = QLabel()
        value.setMinimumWidth(value.fontMetrics().horizontalAdvance("10.0 "))
        slider.valueChanged.connect(lambda v, n=name: self._weight_moved(n, v))
        self.sliders[name], self._values[name] = slider, value
        self._texts += [(label, "criterion", name), (slider, "slider", name)]
        row.addWidget(label)
        row.addWidget(slider, 1)
        row.addWidget(value)
        return row

    def _rules_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Teams and rules"))
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for item in run_items():
            if isinstance(item, Range):
                self._range_row(form, item)
            elif item.type is bool:
                self._switch_row(form, item)
            else:
                self._number_row(form, item)
        return box

    def _range_row(self, form: QFormLayout, item: Range) -> None:
        low, high = self._spin(setting(item.low)), self._spin(setting(item.high))
        row = QHBoxLayout()
        row.addWidget(low)
        row.addWidget(QLabel(self.tr("to")))
        row.addWidget(high)
        row.addStretch(1)
        label = QLabel()
        label.setBuddy(low)
        self._texts.append((label, "title", item))
        form.addRow(label, row)
        self._explained(form, item)

    def _switch_row(self, form: QFormLayout, item: Setting) -> None:
        box = QCheckBox()
        box.toggled.connect(self._rules_changed)
        self.controls[item.name] = box
        self._texts.append((box, "switch", item))
        form.addRow(box)
        self._explained(form, item)

    def _number_row(self, form: QFormLayout, item: Setting) -> None:
        spin = self._spin(item)
        label = QLabel()
        label.setBuddy(spin)
        self._texts.append((label, "title", item))
        form.addRow(label, spin)
        self._explained(form, item)

    def _spin(self, item: Setting) -> QAbstractSpinBox:
        spin = QSpinBox() if item.type is int else QDoubleSpinBox()
        if isinstance(spin, QDoubleSpinBox):
            spin.setDecimals(1)
        spin.setRange(item.low if item.low is not None else -1e9, item.high if item.high is not None else 1e9)
        spin.valueChanged.connect(self._rules_changed)
        self.controls[item.name] = spin
        self._texts.append((spin, "spin", item))
        return spin

    def _explained(self, form: QFormLayout, item: Setting | Range) -> None:
        explanation = _explanation("")
        self._texts.append((explanation, "description", item))
        form.addRow(explanation)

    # -- words ------------------------------------------------------------------------------

    def set_role_names(self, roles: Mapping) -> None:
        """Say the program's own role names (issue 10): "每位编剧学员的导师人数"."""
        self._roles = roles
        self._word()

    def _word(self) -> None:
        """Every title and explanation from the catalogue, in the interface language."""
        say = renderer(self._roles)
        taken = set(TAKEN_MNEMONICS)
        english = Renderer("en", self._roles) if self._roles else Renderer("en")
        for widget, what, key in self._texts:
            if what == "criterion":
                widget.setText(with_mnemonic(say(msg(f"criteria.{key}")), english(msg(f"criteria.{key}")), taken))
            elif what == "slider":
                widget.setAccessibleName(self.tr("Weight: %1").replace("%1", criterion_label(key)))
                widget.setAccessibleDescription(criterion_effect(key, self._roles))
                widget.setToolTip(criterion_effect(key, self._roles))
            elif what == "effect":
                widget.setText(criterion_effect(key, self._roles))
            elif what in ("title", "switch"):
                title = say(msg(f"settings.{key.name}"))
                marked = with_mnemonic(title, english(msg(f"settings.{key.name}")), taken)
                widget.setText(marked if what == "switch" else say(msg("words.caption", text=marked)))
                if what == "switch":
                    widget.setAccessibleName(title)
                    widget.setAccessibleDescription(_sentence(say(msg(f"settings.{key.name}_help"))))
                    widget.setToolTip(widget.accessibleDescription())
            elif what == "spin":
                widget.setAccessibleName(say(msg(f"settings.{key.name}")))
                widget.setToolTip(_sentence(say(msg(f"settings.{key.name}_help"))))
            elif what == "description":
                widget.setText(_sentence(say(msg(f"settings.{key.name}_help"))))

    # -- values -----------------------------------------------------------------------------

    def set_settings(self, settings: Settings) -> None:
        """Show stored settings without reporting them as a user change."""
        self._loading = True
        try:
            self._settings = settings
            for name, value in settings.weights.as_dict().items():
                if name in self.sliders:
                    self.sliders[name].setValue(round(value * SLIDER_STEPS_PER_UNIT))
                    self._values[name].setText(f"{value:.1f}")
            for name, control in self.controls.items():
                value = getattr(settings, name)
                control.setChecked(value) if isinstance(control, QCheckBox) else control.setValue(value)
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
        sender = self.sender()
        self._keep_ranges_ordered(sender)
        values = {name: control.isChecked() if isinstance(control, QCheckBox) else control.value()
                  for name, control in self.controls.items()}
        name = next((n for n, c in self.controls.items() if c is sender), "")
        self._emit(replace(self._settings, **values), f"rule:{name}")

    def _keep_ranges_ordered(self, sender) -> None:
        """Keep min ≤ max by moving the other bound, as a curator would expect."""
        for item in run_items():
            if not isinstance(item, Range):
                continue
            low, high = self.controls[item.low], self.controls[item.high]
            if low.value() <= high.value():
                continue
            self._loading = True  # show the moved bound without reporting it as a second change
            if sender is low:
                high.setValue(low.value())
            else:
                low.setValue(high.value())
            self._loading = False

    def _emit(self, settings: Settings, key: str) -> None:
        if settings == self._settings:
            return
        self._settings = settings
        self.changed.emit(settings, key)


def _sentence(text: str) -> str:
    """A description as a sentence under its control: capitalised, with its full stop."""
    if not text:
        return text
    end = "" if text[-1] in ".。!?！？" else ("。" if not text.isascii() else ".")
    return text[:1].upper() + text[1:] + end
