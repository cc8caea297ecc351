"""The Program dialog (issue 10): the program's name, kind (role-name template), first week, length,
cadence, meeting length, language, time zone and the names of its people in both languages. Saving
is one undoable action."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QGridLayout, QGroupBox, QLabel,
    QLineEdit, QSpinBox, QVBoxLayout, QWidget,
)


from pairing.actions import properties as program_properties
from pairing.calendar import parse_name, parse_role_name, parse_time_zone
from pairing.domain import (
    MEETING_MINUTES_RANGE, PROGRAM_ROLES, WEEKS_RANGE, Cadence, ProgramKind, ProgramProperties, template_roles,
)
from pairing.errors import UserError
from pairing.words import Renderer
from ui.document import ProgramDocument, step_text
from ui.i18n import data_lang

ZONES = ("Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei", "Asia/Tokyo", "Asia/Singapore", "Europe/London",
         "Europe/Berlin", "Europe/Paris", "America/New_York", "America/Los_Angeles", "UTC")


class ProgramDialog(QDialog):
    """Edit the program's properties; OK saves them as one undoable step."""

    def __init__(self, document: ProgramDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setWindowTitle(self.tr("Program"))
        self.before = document.read(program_properties.properties)
        self._build()
        self.show_properties(self.before)

    def _build(self) -> None:
        self.name_edit = QLineEdit()
        self.kind_box = QComboBox()
        for kind, text in ((ProgramKind.TALENT, self.tr("Talent program")),
                           (ProgramKind.SCREENWRITING, self.tr("Screenwriting camp")),
                           (ProgramKind.ACTION, self.tr("Action-performance camp")),
                           (ProgramKind.BLANK, self.tr("Blank"))):
            self.kind_box.addItem(text, kind)
        self.start_check = QCheckBox(self.tr("First week starts on"))
        self.start_edit = QDateEdit()
        self.start_edit.setCalendarPopup(True)
        self.start_edit.setDisplayFormat("yyyy-MM-dd")
        self.weeks_box = QSpinBox()
        self.weeks_box.setRange(*WEEKS_RANGE)
        self.weeks_box.setSuffix(self.tr(" weeks"))
        self.cadence_box = QComboBox()
        for cadence, text in ((Cadence.ONCE, self.tr("Once")), (Cadence.WEEKLY, self.tr("Every week")),
                              (Cadence.FORTNIGHTLY, self.tr("Every second week")),
                              (Cadence.MONTHLY, self.tr("Every fourth week"))):
            self.cadence_box.addItem(text, cadence)
        self.minutes_box = QSpinBox()
        self.minutes_box.setRange(*MEETING_MINUTES_RANGE)
        self.minutes_box.setSingleStep(15)
        self.minutes_box.setSuffix(self.tr(" minutes"))
        self.language_box = QComboBox()
        self.language_box.addItem(self.tr("English"), "en")
        self.language_box.addItem(self.tr("Simplified Chinese"), "zh")
        self.zone_box = QComboBox()
        self.zone_box.setEditable(True)
        self.zone_box.addItems(ZONES)
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&Kind:"), self.kind_box)
        form.addRow(self.start_check, self.start_edit)
        form.addRow(self.tr("&Length:"), self.weeks_box)
        form.addRow(self.tr("Teams &meet:"), self.cadence_box)
        form.addRow(self.tr("Meeting l&ength:"), self.minutes_box)
        form.addRow(self.tr("&Language:"), self.language_box)
        form.addRow(self.tr("&Time zone:"), self.zone_box)
        self.role_edits: dict[str, tuple[QLineEdit, QLineEdit]] = {}
        roles = QGroupBox(self.tr("What the program calls its people"))
        grid = QGridLayout(roles)
        grid.addWidget(QLabel(self.tr("English")), 0, 1)
        grid.addWidget(QLabel(self.tr("Chinese")), 0, 2)
        titles = {"director": self.tr("Mentee (director)"), "producer": self.tr("Lead mentor (producer)"),
                  "instructor": self.tr("Panel mentor (instructor)"), "mentor": self.tr("Any mentor")}
        for row, role in enumerate(PROGRAM_ROLES, start=1):
            en, zh = QLineEdit(), QLineEdit()
            en.setAccessibleName(f"{titles[role]} — English")
            zh.setAccessibleName(f"{titles[role]} — Chinese")
            grid.addWidget(QLabel(titles[role]), row, 0)
            grid.addWidget(en, row, 1)
            grid.addWidget(zh, row, 2)
            self.role_edits[role] = (en, zh)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #9C0006")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(roles)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.kind_box.activated.connect(self._on_kind)
        self.start_check.toggled.connect(self.start_edit.setEnabled)

    def show_properties(self, p: ProgramProperties) -> None:
        self.name_edit.setText(p.name)
        self.kind_box.setCurrentIndex(self.kind_box.findData(p.kind))
        self.start_check.setChecked(p.start is not None)
        self.start_edit.setEnabled(p.start is not None)
        self.start_edit.setDate(QDate(p.start.year, p.start.month, p.start.day) if p.start else QDate.currentDate())
        self.weeks_box.setValue(p.weeks)
        self.cadence_box.setCurrentIndex(self.cadence_box.findData(p.cadence))
        self.minutes_box.setValue(p.meeting_minutes)
        self.language_box.setCurrentIndex(self.language_box.findData(p.language))
        self.zone_box.setCurrentText(p.time_zone)
        self._show_roles(p.roles)

    def _show_roles(self, roles) -> None:
        for role, en, zh in roles:
            self.role_edits[role][0].setText(en)
            self.role_edits[role][1].setText(zh)

    def _on_kind(self, _index: int) -> None:
        """Choosing a kind of program fills in its template's role names (the curator may change them)."""
        self._show_roles(template_roles(self.kind_box.currentData()))

    def properties(self) -> ProgramProperties:
        """The properties as entered; a UserError naming the value when one is not acceptable."""
        start = self.start_edit.date().toPython() if self.start_check.isChecked() else None
        roles = tuple(parse_role_name(f"{role}={en.text()}/{zh.text()}") for role, (en, zh) in self.role_edits.items())
        return replace(self.before, name=parse_name(self.name_edit.text()), kind=self.kind_box.currentData(),
                       start=start, weeks=self.weeks_box.value(), cadence=self.cadence_box.currentData(),
                       meeting_minutes=self.minutes_box.value(), language=self.language_box.currentData(),
                       time_zone=parse_time_zone(self.zone_box.currentText()), roles=roles)

    def accept(self) -> None:
        try:
            new = self.properties()
        except UserError as error:
            message = getattr(error, "message", None)
            self.error_label.setText(Renderer.for_lang(data_lang()).sentence(message) if message else str(error))
            return
        if new != self.before:
            text = step_text("ProgramDialog", QT_TRANSLATE_NOOP("ProgramDialog", "Change the program"))
            self.document.perform(text, program_properties.save_properties, new, settings=True)
        super().accept()
