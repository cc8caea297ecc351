"""The person editor: every roster field of one person, with inline validation and vocabulary completion."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QListView, QMessageBox, QPlainTextEdit, QPushButton, QScrollArea, QSpinBox, QVBoxLayout, QWidget,
)

from pairing.domain import DEFAULT_CAPACITY, Person, Role
from pairing import actions
from ui.document import ProgramDocument
from ui.i18n import fmt
from ui.models.people_list_model import PeopleListModel
from ui.widgets.availability_grid import AvailabilityGrid
from ui.widgets.tag_edit import TagEdit
from ui.plain import as_written, plain_label


class PeopleListEditor(QWidget):
    """A list of people picked from the roster; ordered (up/down) for preferences."""

    def __init__(self, candidates: list[Person], ids, *, ordered: bool, accessible: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        names = {p.id: p.name for p in candidates}
        self.model = PeopleListModel(ids, names, self)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setAccessibleName(accessible)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setMinimumHeight(self.fontMetrics().height() * 4)
        self.picker = QComboBox(self)
        self.picker.setAccessibleName(self.tr("Person to add"))
        self.picker.setMinimumContentsLength(12)
        self.picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        for person in candidates:
            self.picker.addItem(f"{person.name} ({person.id})", person.id)
        self.add_button = QPushButton(self.tr("Add"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.up_button = QPushButton(self.tr("Up"), self)
        self.down_button = QPushButton(self.tr("Down"), self)
        self._layout(ordered)
        self.add_button.clicked.connect(self.add_current)
        self.remove_button.clicked.connect(lambda: self.model.remove(self._row()))
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))

    def _layout(self, ordered: bool) -> None:
        picker_row = QHBoxLayout()
        picker_row.addWidget(self.picker, 1)
        picker_row.addWidget(self.add_button)
        buttons = QVBoxLayout()
        for button in (self.up_button, self.down_button):
            buttons.addWidget(button)
            button.setVisible(ordered)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.view, 1)
        body.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(picker_row)
        layout.addLayout(body)

    def _row(self) -> int:
        return self.view.currentIndex().row()

    def add_current(self) -> None:
        person_id = self.picker.currentData()
        if person_id:
            self.model.append(person_id)

    def _move(self, step: int) -> None:
        row = self.model.move(self._row(), step)
        self.view.setCurrentIndex(self.model.index(row, 0))

    def ids(self) -> tuple[str, ...]:
        return self.model.ids()


class PersonEditor(QDialog):
    """Edit (or create) one person. OK stays disabled, with a message, while the input is invalid."""

    def __init__(self, document: ProgramDocument, person: Person, *, is_new: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.original = person
        self.is_new = is_new
        people = document.read(actions.reading.people)
        self.calendar = document.read(actions.reading.settings).calendar
        self.taken_ids = {p.id for p in people} - ({person.id} if not is_new else set())
        self.vocabulary = document.read(actions.reading.vocabulary)
        self.candidates = [p for p in people if p.id != person.id and (p.role is Role.DIRECTOR) != (
            person.role is Role.DIRECTOR)]
        self.known_languages = sorted({lang for p in people for lang in p.languages})
        role_name = {Role.DIRECTOR: self.tr("director"), Role.PRODUCER: self.tr("producer"),
                     Role.INSTRUCTOR: self.tr("instructor")}[person.role]
        title = self.tr("New %1") if is_new else self.tr("Edit %1")
        self.setWindowTitle(fmt(title, role_name))
        self._build()
        self._load(person)
        self._connect()
        self.validate()
        self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- construction ---------------------------------------------------------------------------

    def _line(self, accessible: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setAccessibleName(accessible)
        edit.setMinimumWidth(edit.fontMetrics().averageCharWidth() * 32)
        return edit

    def _build(self) -> None:
        mentor = self.original.role.is_mentor
        self.id_edit = self._line(self.tr("Roster id"))
        self.name_edit = self._line(self.tr("Name"))
        self.organization_edit = self._line(self.tr("Organization"))
        self.email_edit = self._line(self.tr("E-mail"))
        self.phone_edit = self._line(self.tr("Phone"))
        self.genres_edit = TagEdit("genre", self, vocabulary=self.vocabulary)
        self.genres_edit.setAccessibleName(self.tr("Genres"))
        self.skills_edit = TagEdit("skill", self, levels=True, vocabulary=self.vocabulary)
        self.skills_edit.setAccessibleName(self.tr("Skills"))
        self.needs_edit = TagEdit("skill", self, vocabulary=self.vocabulary)
        self.needs_edit.setAccessibleName(self.tr("Needs"))
        self.languages_edit = TagEdit(None, self, suggestions=self.known_languages)
        self.languages_edit.setAccessibleName(self.tr("Languages"))
        self.capacity_spin = QSpinBox(self)
        self.capacity_spin.setRange(-1, 99)
        self.capacity_spin.setAccessibleName(self.tr("Capacity"))
        default = DEFAULT_CAPACITY.get(self.original.role, 0)
        self.capacity_spin.setSpecialValueText(fmt(self.tr("Default (%1)"), default))
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setAccessibleName(self.tr("Notes"))
        self.notes_edit.setTabChangesFocus(True)
        self.grid = AvailabilityGrid(self.calendar, self)
        self.message = plain_label(parent=self)
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self._arrange(mentor)

    def _arrange(self, mentor: bool) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&Id:"), self.id_edit)
        form.addRow(self.tr("&Organization:"), self.organization_edit)
        form.addRow(self.tr("E-&mail:"), self.email_edit)
        form.addRow(self.tr("&Phone:"), self.phone_edit)
        form.addRow(self.tr("&Genres:"), self.genres_edit)
        if mentor:
            form.addRow(self.tr("&Skills:"), self.skills_edit)
            form.addRow(self.tr("&Capacity:"), self.capacity_spin)
        else:
            form.addRow(self.tr("Nee&ds:"), self.needs_edit)
        for unused in ((self.needs_edit,) if mentor else (self.skills_edit, self.capacity_spin)):
            unused.hide()
        form.addRow(self.tr("&Languages:"), self.languages_edit)
        form.addRow(self.tr("No&tes:"), self.notes_edit)
        if self.original.extra:
            form.addRow(self.tr("Other columns:"), self._extra_label())
        left = QWidget(self)
        left.setLayout(form)
        right = QVBoxLayout()
        right.addWidget(self._group(self.tr("&Availability (click or drag; Space toggles)"), self._grid_area()))
        self.prefers_group, self.avoid_group = QGroupBox(self), QGroupBox(self)
        right.addWidget(self.prefers_group)
        right.addWidget(self.avoid_group)
        body = QHBoxLayout()
        body.addWidget(left, 3)
        body.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _grid_area(self) -> QWidget:
        """A dated calendar can have many days: past about ten rows the grid scrolls."""
        if len(self.grid.days) <= 10:
            return self.grid
        area = QScrollArea(self)
        area.setWidget(self.grid)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        row_height = self.grid.sizeHint().height() // (len(self.grid.days) + 1)
        area.setMinimumSize(self.grid.sizeHint().width() + area.verticalScrollBar().sizeHint().width() + 4,
                            row_height * 11)
        return area

    def _extra_label(self) -> QLabel:
        """Columns of an imported roster the program has no field for, kept with the person (read only)."""
        text = "\n".join(f"{key}: {value}" for key, value in self.original.extra.items())
        label = QLabel(text, self)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setAccessibleName(self.tr("Other columns from the imported roster"))
        return label

    def _group(self, title: str, widget: QWidget) -> QGroupBox:
        group = QGroupBox(title, self)
        inner = QVBoxLayout(group)
        inner.addWidget(widget)
        return group

    def _people_lists(self, person: Person) -> None:
        self.prefers_list = PeopleListEditor(self.candidates, person.prefers, ordered=True,
                                             accessible=self.tr("Preferences, best first"), parent=self)
        self.avoid_list = PeopleListEditor(self.candidates, person.avoid, ordered=False,
                                           accessible=self.tr("Never pair with"), parent=self)
        for group, title, widget in ((self.prefers_group, self.tr("P&refers (best first)"), self.prefers_list),
                                     (self.avoid_group, self.tr("A&void"), self.avoid_list)):
            group.setTitle(title)
            QVBoxLayout(group).addWidget(widget)

    def _load(self, person: Person) -> None:
        self.id_edit.setText(person.id)
        self.name_edit.setText(person.name)
        self.organization_edit.setText(person.organization)
        self.email_edit.setText(person.email)
        self.phone_edit.setText(person.phone)
        self.genres_edit.set_values(person.genres)
        self.skills_edit.set_values(dict(person.skills))
        self.needs_edit.set_values(person.needs)
        self.languages_edit.set_values(person.languages)
        self.capacity_spin.setValue(-1 if person.capacity is None else person.capacity)
        self.notes_edit.setPlainText(person.notes)
        self.grid.set_selected(person.availability)
        self._people_lists(person)

    def _connect(self) -> None:
        self.id_edit.textChanged.connect(self.validate)
        self.name_edit.textChanged.connect(self.validate)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    # -- values ---------------------------------------------------------------------------------

    def problems(self) -> list[str]:
        problems = []
        if not self.name_edit.text().strip():
            problems.append(self.tr("Enter a name."))
        new_id = self.id_edit.text().strip()
        if not new_id:
            problems.append(self.tr("Enter an id (for example D25); it must be unique in the program."))
        elif new_id in self.taken_ids:
            problems.append(fmt(self.tr("The id %1 is already used by someone else; choose another."), new_id))
        return problems

    def validate(self) -> bool:
        problems = self.problems()
        self.message.setText(" ".join(problems))
        self.message.setVisible(bool(problems))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problems)
        return not problems

    def accept(self) -> None:
        if self.validate():
            super().accept()

    def has_changes(self) -> bool:
        """Whether OK would change anything (slots compared as a set: the grid lists them in calendar order)."""
        if self.is_new:
            return bool(self.name_edit.text().strip())
        edited, original = self.person(), self.original
        return (edited.with_changes(availability=frozenset(edited.availability))
                != original.with_changes(availability=frozenset(original.availability)))

    def reject(self) -> None:
        """Cancel (or Escape) with edits asks first, so a slip of the key loses nothing."""
        if self.has_changes():
            answer = QMessageBox.question(
                self, self.tr("Discard changes?"),
                as_written(fmt(self.tr("Your changes to %1 are not saved. Discard them?"),
                               self.name_edit.text() or self.tr("this person"))),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()

    def person(self) -> Person:
        """The edited person as a plain value (fields this editor does not show are kept)."""
        mentor = self.original.role.is_mentor
        outside = self.grid.outside_calendar(self.original.availability)
        return self.original.with_changes(
            id=self.id_edit.text().strip(),
            name=self.name_edit.text().strip(),
            organization=self.organization_edit.text().strip(),
            email=self.email_edit.text().strip(),
            phone=self.phone_edit.text().strip(),
            genres=self.genres_edit.values(),
            skills=self.skills_edit.levels_map() if mentor else dict(self.original.skills),
            needs=self.original.needs if mentor else self.needs_edit.values(),
            languages=self.languages_edit.values(),
            capacity=(None if self.capacity_spin.value() < 0 else self.capacity_spin.value()) if mentor else None,
            availability=self.grid.selected() + outside,
            prefers=self.prefers_list.ids(),
            avoid=self.avoid_list.ids(),
            notes=self.notes_edit.toPlainText().strip(),
        )
