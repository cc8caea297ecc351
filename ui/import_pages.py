"""The pages of the import wizard: choose the file, check how it was read, match the columns, review.

The pages show and collect; the wizard (ui/import_wizard.py) reads, checks and applies in the background.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QFormLayout, QGridLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton,
    QScrollArea, QTableView, QVBoxLayout, QWidget, QWizardPage,
)

from pairing.domain import Role
from pairing.importer import ColumnMapping, ImportPlan, RawTable, map_columns
from pairing.importer.headers import FIELDS, HEADER_NAMES
from pairing.importer.reading import encoding_label
from ui.i18n import fmt
from ui.models.import_models import IssueModel, RawTableModel

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
        label = QLabel(self.tr("<p>Recognised column headers (English or Chinese; other columns are kept as "
                               "notes):</p>") + f"<table>{rows}</table>", self)
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
        self.status = QLabel(self)
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
        return self.wizard_.table is not None and not self.wizard_.busy


class MappingPage(QWizardPage):
    """One combo per file column: the field it holds, or "keep as note"."""

    def __init__(self, wizard: "ImportWizard") -> None:
        super().__init__(wizard)
        self.wizard_ = wizard
        self.setTitle(self.tr("Match the columns"))
        self.setSubTitle(self.tr("Each column of the file is matched to a roster field by its header. Check the "
                                 "suggestions; columns kept as notes are stored with the person."))
        self.role_combo = QComboBox(self)
        self.role_combo.setAccessibleName(self.tr("Role of everyone in the file"))
        self.role_combo.addItem(self.tr("Taken from the role column"), None)
        for role, label in ((Role.DIRECTOR, self.tr("Directors")), (Role.PRODUCER, self.tr("Producers")),
                            (Role.INSTRUCTOR, self.tr("Instructors"))):
            self.role_combo.addItem(label, str(role))
        self.grid_host = QWidget(self)
        self.grid = QGridLayout(self.grid_host)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_host)
        self.combos: list[QComboBox] = []
        role_row = QFormLayout()
        role_row.addRow(self.tr("&People in the file are:"), self.role_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(role_row)
        layout.addWidget(scroll, 1)

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        table = self.wizard_.table
        mapping = map_columns(table.header)
        self._clear()
        for text, column in ((self.tr("Column in the file"), 0), (self.tr("First value"), 1),
                             (self.tr("Roster field"), 2), (self.tr("Note"), 3)):
            caption = QLabel(f"<b>{text}</b>", self.grid_host)
            self.grid.addWidget(caption, 0, column)
        first_row = table.rows[0][1] if table.rows else ()
        for index, header in enumerate(table.header):
            self._add_row(index, header, first_row[index] if index < len(first_row) else "", mapping)
        self.grid.setColumnStretch(1, 1)
        self.grid.setRowStretch(len(table.header) + 1, 1)

    def _clear(self) -> None:
        while self.grid.count():
            widget = self.grid.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.combos.clear()

    def _add_row(self, index: int, header: str, sample: str, mapping: ColumnMapping) -> None:
        row = index + 1
        self.grid.addWidget(QLabel(header or self.tr("(no header)"), self.grid_host), row, 0)
        sample_label = QLabel(sample[:60], self.grid_host)
        sample_label.setToolTip(sample)
        self.grid.addWidget(sample_label, row, 1)
        combo = QComboBox(self.grid_host)
        combo.setAccessibleName(fmt(self.tr("Field of column %1"), header))
        combo.addItem(self.tr("Keep as note"), None)
        for name in FIELDS:
            combo.addItem(field_label(name), name)
        note = ""
        chosen = mapping.fields.get(index)
        if chosen is None and index in mapping.suggestions:
            chosen = mapping.suggestions[index]
            note = fmt(self.tr("suggested: the header looks like “%1”"), field_label(chosen))
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
        self.grid.addWidget(combo, row, 2)
        self.grid.addWidget(QLabel(note, self.grid_host), row, 3)
        self.combos.append(combo)

    def mapping(self) -> ColumnMapping:
        table = self.wizard_.table
        fields = {i: combo.currentData() for i, combo in enumerate(self.combos) if combo.currentData()}
        return ColumnMapping(table.header, fields, {}, self.role_combo.currentData())

    def set_field(self, column: int, name: str | None) -> None:
        """Choose a column's field (tests and keyboard users share the combos)."""
        combo = self.combos[column]
        combo.setCurrentIndex(max(0, combo.findData(name)))


class ReportPage(QWizardPage):
    """What the import would change, and every problem by line and column; errors block applying."""

    def __init__(self, wizard: "ImportWizard") -> None:
        super().__init__(wizard)
        self.wizard_ = wizard
        self.setTitle(self.tr("Review and apply"))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.model = IssueModel(self)
        self.view = _table_view(self.model, self, self.tr("Problems found"))
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        metrics = self.view.fontMetrics()
        for column, chars in enumerate((10, 6, 14)):
            self.view.setColumnWidth(column, metrics.averageCharWidth() * chars + 24)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.view.selectionModel().currentRowChanged.connect(self._show_detail)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.detail)
        self.setFinalPage(True)

    def _show_detail(self, current, _previous) -> None:
        """The whole sentence of the selected problem (the table cuts long ones)."""
        issues = self.model.issues()
        self.detail.setText(str(issues[current.row()]) if 0 <= current.row() < len(issues) else "")

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        self.model.set_issues(())
        self.detail.clear()
        self.summary.setText(self.tr("Checking every row…"))
        self.wizard_.check()

    def show_plan(self, plan: ImportPlan | None, message: str = "") -> None:
        if plan is None:
            self.summary.setText(fmt(self.tr("The file could not be checked: %1"), message))
            self.completeChanged.emit()
            return
        self.model.set_issues(plan.issues)
        counts = fmt(self.tr("%1 to add, %2 to update, %3 unchanged. Errors: %4. Warnings: %5."),
                     len(plan.added), len(plan.updated), len(plan.unchanged), len(plan.errors),
                     len(plan.warnings))
        advice = (self.tr("Fix the errors in the file (or the column matching) and try again; nothing "
                          "has been written.") if plan.errors else
                  self.tr("Press Apply to import. You can undo the import with Edit ▸ Undo."))
        self.summary.setText(f"{counts}\n{advice}")
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        plan = self.wizard_.plan
        return plan is not None and plan.ok and not self.wizard_.busy
