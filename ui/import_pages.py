"""The pages of the import wizard: choose the file, check how it was read, match the columns, review.

The pages show and collect; the wizard (ui/import_wizard.py) reads, checks and applies in the background.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFileDialog, QFormLayout, QGridLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QScrollArea, QSplitter, QTableView, QVBoxLayout, QWidget, QWizardPage,
)

from pairing.domain import Role
from pairing.importer import CHOOSABLE, ColumnPlan, ImportPlan, Kind, RawTable
from pairing.importer.columns import PAIRING_FIELDS, pairing_lookalikes
from pairing.importer.headers import FIELDS, HEADER_NAMES
from pairing.importer.reading import encoding_label
from pairing.importer.review import added_lines, change_lines, conflict_lines
from pairing.words import Renderer
from ui.i18n import data_lang, fmt, role_title
from ui.models.import_models import IssueModel, RawTableModel
from ui.plain import plain_label, tip

if TYPE_CHECKING:
    from ui.import_wizard import ImportWizard

ENCODINGS = ("utf-8", "utf-8-sig", "gb18030", "utf-16")
DELIMITERS = (",", ";", "\t")
HEADER_CHOICES = 10


def field_label(name: str) -> str:
    """A roster field in the interface language."""
    labels = {
        "id": QCoreApplication.translate("ImportWizard", "Id"),
        "name": QCoreApplication.translate("ImportWizard", "Name"),
        "role": QCoreApplication.translate("ImportWizard", "Role"),
        "email": QCoreApplication.translate("ImportWizard", "E-mail"),
        "phone": QCoreApplication.translate("ImportWizard", "Phone"),
        "organization": QCoreApplication.translate("ImportWizard", "Organization"),
        "genres": QCoreApplication.translate("ImportWizard", "Genres"),
        "skills": QCoreApplication.translate("ImportWizard", "Skills"),
        "needs": QCoreApplication.translate("ImportWizard", "Needs"),
        "availability": QCoreApplication.translate("ImportWizard", "Availability"),
        "capacity": QCoreApplication.translate("ImportWizard", "Capacity"),
        "languages": QCoreApplication.translate("ImportWizard", "Languages"),
        "prefers": QCoreApplication.translate("ImportWizard", "Prefers"),
        "avoid": QCoreApplication.translate("ImportWizard", "Avoid"),
        "notes": QCoreApplication.translate("ImportWizard", "Notes"),
        "given_name": QCoreApplication.translate("ImportWizard", "Given name (combined into the name)"),
        "family_name": QCoreApplication.translate("ImportWizard", "Family name (combined into the name)"),
    }
    return labels.get(name, name)


def with_header_line(table: RawTable, line: int) -> RawTable:
    """The same file read with a later row as its header (rows above it are dropped)."""
    if line == table.header_line:
        return table
    rows = [(n, cells) for n, cells in table.rows if n > line]
    header = next(cells for n, cells in table.rows if n == line)
    return dataclasses.replace(table, header=tuple(header), rows=tuple(rows), header_line=line)


def worksheet_names(path: str) -> list[str]:
    """The worksheets of an .xlsx workbook, in order (read-only: only the workbook index is parsed)."""
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return list(book.sheetnames)
    finally:
        book.close()


def _table_view(model, parent: QWidget, accessible: str) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setAccessibleName(accessible)
    view.setWordWrap(False)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class FilePage(QWizardPage):
    """Choose the roster file."""

    def __init__(self, wizard: "ImportWizard") -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Choose a roster file"))
        self.setSubTitle(self.tr("A CSV, tab-separated or Excel (.xlsx) file, in English or Chinese. "
                                 "Nothing is written until you apply the import."))
        self.path_edit = QLineEdit(self)
        self.path_edit.setAccessibleName(self.tr("Roster file"))
        self.browse_button = QPushButton(self.tr("&Browse…"), self)
        self.browse_button.clicked.connect(self.browse)
        self.path_edit.textChanged.connect(self.completeChanged)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        caption = QLabel(self.tr("&File:"), self)
        caption.setBuddy(self.path_edit)  # a form row holding a layout sets no buddy by itself
        layout = QFormLayout(self)
        layout.addRow(caption, row)
        hint = QLabel(self.tr("Tip: you can also drop a file on the main window."), self)
        hint.setWordWrap(True)
        layout.addRow(hint)
        layout.addRow(self._known_columns())

    def _known_columns(self) -> QLabel:
        """The header names the import recognises, so a curator can check a file before choosing it."""
        def examples(name: str) -> str:
            names = HEADER_NAMES[name]
            return " · ".join([n for n in names if n.isascii()][:3] + [n for n in names if not n.isascii()][:2])

        rows = "".join(f"<tr><td>{field_label(name)}</td><td>&nbsp;&nbsp;{examples(name)}</td></tr>"
                       for name in FIELDS)
        label = QLabel(self.tr("<p>Form exports are read as they are; you check every column next. "
                               "Headers recognised at once:</p>")
                       + f"<table>{rows}</table>", self)
        label.setWordWrap(True)
        return label

    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import roster"), str(Path(self.path_edit.text()).parent) if self.path_edit.text() else "",
            self.tr("Rosters (*.csv *.tsv *.txt *.xlsx);;All files (*)"))
        if path:
            self.path_edit.setText(path)

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return Path(self.path_edit.text().strip()).is_file()


class PreviewPage(QWizardPage):
    """The file as read: detected encoding, delimiter and header row, each overridable (re-reads)."""

    def __init__(self, wizard: "ImportWizard") -> None:
        super().__init__(wizard)
        self.wizard_ = wizard
        self.setTitle(self.tr("Check how the file was read"))
        self.setSubTitle(self.tr("If the text looks garbled or the columns are wrong, change the encoding, "
                                 "delimiter or header row."))
        self.encoding_combo = self._combo(self.tr("Encoding"))
        self.delimiter_combo = self._combo(self.tr("Delimiter"))
        self.header_combo = self._combo(self.tr("Header row"))
        self.sheet_combo = self._combo(self.tr("Worksheet"))
        self.status = plain_label(parent=self)
        self.status.setWordWrap(True)
        self.model = RawTableModel(self)
        self.view = _table_view(self.model, self, self.tr("File preview"))
        form = QGridLayout()
        self.captions: dict[QComboBox, QLabel] = {}
        for column, (label, combo) in enumerate(((self.tr("&Encoding:"), self.encoding_combo),
                                                 (self.tr("&Delimiter:"), self.delimiter_combo),
                                                 (self.tr("&Worksheet:"), self.sheet_combo),
                                                 (self.tr("&Header row:"), self.header_combo))):
            caption = QLabel(label, self)
            caption.setBuddy(combo)
            self.captions[combo] = caption
            form.addWidget(caption, 0, column * 2)
            form.addWidget(combo, 0, column * 2 + 1)
        form.setColumnStretch(8, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        self._fill_choices()

    def _combo(self, accessible: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setAccessibleName(accessible)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return combo

    def _fill_choices(self) -> None:
        self.encoding_combo.addItem(self.tr("Detect"), None)
        for encoding in ENCODINGS:
            self.encoding_combo.addItem(encoding_label(encoding), encoding)
        self.delimiter_combo.addItem(self.tr("Detect"), None)
        for delimiter, label in zip(DELIMITERS, (self.tr("Comma"), self.tr("Semicolon"), self.tr("Tab"))):
            self.delimiter_combo.addItem(label, delimiter)
        self.encoding_combo.activated.connect(lambda _i: self.wizard_.read_file())
        self.delimiter_combo.activated.connect(lambda _i: self.wizard_.read_file())
        self.sheet_combo.activated.connect(lambda _i: self.wizard_.read_file())
        self.header_combo.activated.connect(lambda _i: self.wizard_.choose_header(self.header_combo.currentData()))

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        self.encoding_combo.setCurrentIndex(0)
        self.delimiter_combo.setCurrentIndex(0)
        self.sheet_combo.clear()
        self.wizard_.read_file()

    def overrides(self) -> tuple[str | None, str | None, str | None]:
        """Encoding, delimiter and worksheet chosen by the curator (None: detect / the first sheet)."""
        return self.encoding_combo.currentData(), self.delimiter_combo.currentData(), self.sheet_combo.currentData()

    def show_sheets(self, sheets: list[str], current: str | None) -> None:
        """Workbooks choose a worksheet; text files choose an encoding and a delimiter."""
        self.sheet_combo.clear()
        for name in sheets:
            self.sheet_combo.addItem(name, name)
        self.sheet_combo.setCurrentIndex(max(0, self.sheet_combo.findData(current)))
        workbook = bool(sheets)
        for combo, visible in ((self.sheet_combo, workbook), (self.encoding_combo, not workbook),
                               (self.delimiter_combo, not workbook)):
            combo.setVisible(visible)
            self.captions[combo].setVisible(visible)

    def show_reading(self) -> None:
        self.status.setText(self.tr("Reading the file…"))
        self.completeChanged.emit()

    def show_table(self, table: RawTable | None, original: RawTable | None, message: str = "") -> None:
        self.model.set_table(table)
        if table is None:
            self.status.setText(fmt(self.tr("The file could not be read: %1"), message))
        else:
            self.status.setText(self._describe(table))
            self._fill_header_choices(original or table, table.header_line)
        self.completeChanged.emit()

    def _describe(self, table: RawTable) -> str:
        if table.sheet:
            how = fmt(self.tr("Excel workbook, sheet “%1”"), table.sheet)
        else:
            delimiter = dict(zip(DELIMITERS, (self.tr("comma"), self.tr("semicolon"), self.tr("tab"))))
            how = fmt(self.tr("%1 text, %2-separated"), encoding_label(table.encoding),
                      delimiter.get(table.delimiter, table.delimiter or ""))
        return fmt(self.tr("Read as: %1; header on line %2; %3 rows."), how, table.header_line, len(table.rows))

    def _fill_header_choices(self, original: RawTable, chosen: int) -> None:
        self.header_combo.clear()
        lines = [(original.header_line, original.header)] + list(original.rows[:HEADER_CHOICES - 1])
        for line, cells in lines:
            preview = ", ".join(c for c in cells[:4] if c)
            self.header_combo.addItem(fmt(self.tr("Line %1: %2"), line, preview[:40]), line)
        self.header_combo.setCurrentIndex(max(0, self.header_combo.findData(chosen)))

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return self.wizard_.table is not None and self.wizard_.column_plan is not None and not self.wizard_.busy


def renderer(wizard: "ImportWizard | None" = None) -> Renderer:
    """Messages of the core in the interface language, with the program's own role names."""
    roles = getattr(wizard, "roles", None)
    return Renderer.for_lang(data_lang(), **({"roles": roles} if roles else {}))


class MappingPage(QWizardPage):
    """The column plan: every column with sample answers, what it holds and why; the curator maps, unmaps,
    ignores, or combines two name columns (given + family name). An import with none of genres, skills,
    needs or availability stops here until the curator says to go on without them."""

    KEEP, NOTE, IGNORE = "keep", "note", "ignore"

    def __init__(self, wizard: "ImportWizard") -> None:
        super().__init__(wizard)
        self.wizard_ = wizard
        self.setTitle(self.tr("Match the columns"))
        self.setSubTitle(self.tr("Each column of the file, with its first answers, what it will hold and why. "
                                 "Change any choice; columns added by the form tool are set aside."))
        self.role_combo = QComboBox(self)
        self.role_combo.setAccessibleName(self.tr("Role of everyone in the file"))
        self.role_combo.addItem(self.tr("Taken from the role column"), None)
        for role, label in ((Role.DIRECTOR, self.tr("Directors")), (Role.PRODUCER, self.tr("Producers")),
                            (Role.INSTRUCTOR, self.tr("Instructors"))):
            self.role_combo.addItem(label, str(role))  # in the program's words once it is known (show_roles)
        self.role_combo.activated.connect(self._role_chosen)
        self.grid_host = QWidget(self)
        self.grid = QGridLayout(self.grid_host)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_host)
        self.combos: list[QComboBox] = []
        self.reasons: list[QLabel] = []
        self.missing = plain_label(parent=self)
        self.missing.setWordWrap(True)
        self.without_pairing = QCheckBox(self.tr("Import &without genres, skills, needs or availability"), self)
        self.without_pairing.toggled.connect(self.completeChanged)
        role_row = QFormLayout()
        role_row.addRow(self.tr("&People in the file are:"), self.role_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(role_row)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.missing)
        layout.addWidget(self.without_pairing)

    def _name_roles(self) -> None:
        """The role choices in the program's own words (a screenwriting camp: "Screenwriters")."""
        roles = self.wizard_.roles
        if roles is None:
            return
        for index in range(1, self.role_combo.count()):
            self.role_combo.setItemText(index, role_title(roles, self.role_combo.itemData(index), plural=True))

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        plan = self.wizard_.column_plan
        self._clear()
        for text, column in ((self.tr("Column in the file"), 0), (self.tr("First answers"), 1),
                             (self.tr("Holds"), 2), (self.tr("Why"), 3)):
            self.grid.addWidget(QLabel(f"<b>{text}</b>", self.grid_host), 0, column)
        for column in plan.columns:
            self._add_row(column)
        self.grid.setColumnStretch(0, 2)
        self.grid.setColumnStretch(1, 3)
        self.grid.setColumnStretch(3, 4)
        self.grid.setRowStretch(len(plan.columns) + 1, 1)
        self._name_roles()
        self.role_combo.setCurrentIndex(max(0, self.role_combo.findData(plan.role)))
        self.without_pairing.setChecked(False)
        self._show_missing()

    def _clear(self) -> None:
        while self.grid.count():
            widget = self.grid.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.combos.clear()
        self.reasons.clear()

    def _add_row(self, column) -> None:
        row = column.index + 1
        header = plain_label(column.header or self.tr("(no header)"), self.grid_host)
        header.setWordWrap(True)
        self.grid.addWidget(header, row, 0)
        samples = " · ".join(s[:30] for s in column.samples)
        sample_label = plain_label(samples, self.grid_host)
        sample_label.setWordWrap(True)
        sample_label.setToolTip(tip("\n".join(column.samples)))
        self.grid.addWidget(sample_label, row, 1)
        combo = self._combo(column)
        combo.activated.connect(lambda _i, index=column.index: self._chosen(index))
        self.grid.addWidget(combo, row, 2)
        reason = plain_label(self._reason(column), self.grid_host)
        reason.setWordWrap(True)
        self.grid.addWidget(reason, row, 3)
        self.combos.append(combo)
        self.reasons.append(reason)

    def _combo(self, column) -> QComboBox:
        combo = QComboBox(self.grid_host)
        combo.setAccessibleName(fmt(self.tr("What column %1 holds"), column.header))
        if column.kind is Kind.FORM:
            combo.addItem(self.tr("Form column (set aside)"), self.KEEP)
        elif column.kind in (Kind.OPTION, Kind.GRID):
            combo.addItem(fmt(self.tr("%1: “%2”"), field_label(column.field), column.option), self.KEEP)
        combo.addItem(self.tr("Keep as note"), self.NOTE)
        combo.addItem(self.tr("Ignore"), self.IGNORE)
        for name in CHOOSABLE:
            combo.addItem(field_label(name), name)
        current = self.KEEP if column.kind in (Kind.FORM, Kind.OPTION, Kind.GRID) else (
            column.field if column.kind is Kind.FIELD else self.IGNORE if column.kind is Kind.IGNORED else self.NOTE)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        return combo

    def _reason(self, column) -> str:
        text = renderer(self.wizard_)(column.reason) if column.reason else ""
        if column.kind is Kind.FIELD:
            text = fmt(self.tr("%1 (sure: %2)"), text, column.score)
        return text

    def _chosen(self, index: int) -> None:
        choice = self.combos[index].currentData()
        if choice == self.KEEP:
            return
        plan = self.wizard_.column_plan.choose(index, choice)
        self.wizard_.column_plan = plan
        self.reasons[index].setText(self._reason(plan.columns[index]))
        self._show_missing()

    def _role_chosen(self, _index: int) -> None:
        self.wizard_.column_plan = self.wizard_.column_plan.with_role(self.role_combo.currentData())

    def _show_missing(self) -> None:
        """Say so when a column is ambiguous, or when no pairing data is mapped (naming look-alike columns)."""
        plan = self.wizard_.column_plan
        ambiguous = [c for c in plan.columns if c.ambiguous]
        lacking = not any(plan.has(f) for f in PAIRING_FIELDS)
        if ambiguous:
            choices = "; ".join(fmt(self.tr("“%1” could be %2"), c.header,
                                    " / ".join(field_label(f) for f in c.alternatives)) for c in ambiguous)
            self.missing.setText(fmt(self.tr("Choose what these columns hold: %1."), choices))
            self.missing.setVisible(True)
            self.without_pairing.setVisible(False)
            self.completeChanged.emit()
            return
        if lacking:
            looks = ", ".join(f"“{c.header}” ({field_label(c.suggestion or c.alternatives[0])})"
                              for c in pairing_lookalikes(plan))
            text = self.tr("None of genres, skills, needs or availability is matched to a column, so pairing "
                           "would have little to go on.")
            if looks:
                text += " " + fmt(self.tr("These columns look like them: %1."), looks)
            self.missing.setText(text)
        self.missing.setVisible(lacking)
        self.without_pairing.setVisible(lacking)
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        plan = self.wizard_.column_plan
        if plan is None or any(c.ambiguous for c in plan.columns):
            return False  # a question that could mean two fields is asked, not guessed
        return any(plan.has(f) for f in PAIRING_FIELDS) or self.without_pairing.isChecked()

    def mapping(self) -> ColumnPlan:
        return self.wizard_.column_plan

    def set_field(self, column: int, name: str | None) -> None:
        """Choose a column's field (tests and keyboard users share the combos)."""
        combo = self.combos[column]
        combo.setCurrentIndex(max(0, combo.findData(name or self.NOTE)))
        self._chosen(column)


class ReportPage(QWizardPage):
    """What the import would change — every person added, every changed field before → after — each
    conflict with the curator's choice, and every problem by line and column; errors block applying."""

    def __init__(self, wizard: "ImportWizard") -> None:
        super().__init__(wizard)
        self.wizard_ = wizard
        self.setTitle(self.tr("Review and apply"))
        self.summary = plain_label(parent=self)
        self.summary.setWordWrap(True)
        self.review = QPlainTextEdit(self)
        self.review.setReadOnly(True)
        self.review.setAccessibleName(self.tr("People added and fields changed"))
        self.conflicts_host = QWidget(self)
        self.conflicts = QGridLayout(self.conflicts_host)
        self.conflict_combos: dict[int, QComboBox] = {}
        self.model = IssueModel(self)
        self.view = _table_view(self.model, self, self.tr("Problems found"))
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        metrics = self.view.fontMetrics()
        for column, chars in enumerate((10, 6, 14)):
            self.view.setColumnWidth(column, metrics.averageCharWidth() * chars + 24)
        self.detail = plain_label(parent=self)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.view.selectionModel().currentRowChanged.connect(self._show_detail)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.review)
        split.addWidget(self.view)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.conflicts_host)
        layout.addWidget(split, 1)
        layout.addWidget(self.detail)
        self.setFinalPage(True)

    def _show_detail(self, current, _previous) -> None:
        """The whole sentence of the selected problem (the table cuts long ones)."""
        issues = self.model.issues()
        self.detail.setText(issues[current.row()].located(renderer(self.wizard_)) if 0 <= current.row() < len(issues) else "")

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        self.wizard_.conflict_choices = {}
        self._clear_conflicts()
        self.show_checking()
        self.wizard_.check()

    def show_checking(self) -> None:
        self.model.set_issues(())
        self.review.clear()
        self.detail.clear()
        self.summary.setText(self.tr("Checking every row…"))
        self.completeChanged.emit()

    def show_plan(self, plan: ImportPlan | None, message: str = "") -> None:
        if plan is None:
            self.summary.setText(fmt(self.tr("The file could not be checked: %1"), message))
            self.completeChanged.emit()
            return
        say = renderer(self.wizard_)
        self.model.set_roles(self.wizard_.roles)
        self.model.set_issues(plan.issues)
        self.review.setPlainText("\n".join(added_lines(plan, say) + change_lines(plan, say)
                                            + conflict_lines(plan, say)))
        self._show_conflicts(plan)
        counts = fmt(self.tr("%1 to add, %2 to update, %3 unchanged. Errors: %4. Warnings: %5."),
                     len(plan.added), len(plan.updated), len(plan.unchanged), len(plan.errors),
                     len(plan.warnings))
        advice = (self.tr("Fix the errors in the file (or the column matching, or choose for each conflict) "
                          "and try again; nothing has been written.") if plan.errors else
                  self.tr("Press Apply to import. You can undo the import with Edit ▸ Undo."))
        self.summary.setText(f"{counts}\n{advice}")
        self.completeChanged.emit()

    def _clear_conflicts(self) -> None:
        while self.conflicts.count():
            widget = self.conflicts.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.conflict_combos.clear()

    def _show_conflicts(self, plan: ImportPlan) -> None:
        """One choice per conflict: refuse (the default), add as a new person, or update the person."""
        if {c.line for c in plan.conflicts} == set(self.conflict_combos):
            return
        self._clear_conflicts()
        say = renderer(self.wizard_)
        for row, conflict in enumerate(plan.conflicts):
            text = plain_label(fmt(self.tr("Line %1: %2"), conflict.line, say(conflict.message())), self.conflicts_host)
            text.setWordWrap(True)
            combo = QComboBox(self.conflicts_host)
            combo.setAccessibleName(fmt(self.tr("What to do with line %1"), conflict.line))
            combo.addItem(self.tr("Do not import this row"), None)
            combo.addItem(self.tr("Add as a new person"), "add")
            combo.addItem(self.tr("Update the person in the program"), "update")
            combo.setCurrentIndex(max(0, combo.findData(self.wizard_.conflict_choices.get(conflict.line))))
            combo.activated.connect(lambda _i, line=conflict.line, box=combo:
                                    self.wizard_.choose_conflict(line, box.currentData()))
            self.conflicts.addWidget(text, row, 0)
            self.conflicts.addWidget(combo, row, 1)
            self.conflict_combos[conflict.line] = combo
        self.conflicts.setColumnStretch(0, 1)

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        plan = self.wizard_.plan
        return plan is not None and plan.ok and not self.wizard_.busy
