"""The import wizard: file → preview with overrides → the column plan → review → apply.

Nothing is written until the curator applies. Reading, understanding the columns, planning and applying
run in the background through the import stages of `pairing.importer.service`; only paths, plain options
and frozen values cross threads. The pages live in ui/import_pages.py.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEventLoop, QTimer, Signal
from PySide6.QtWidgets import QWidget, QWizard

from pairing.actions import importing
from pairing.errors import UserError
from pairing.importer import ColumnPlan, ImportOptions, ImportPlan, RawTable
from pairing.importer.issues import ImportFileError
from ui.document import ProgramDocument, step_text
from ui.i18n import fmt
from ui.import_pages import (  # noqa: F401 - field_label and the pages are part of this module's API
    FilePage, MappingPage, PreviewPage, ReportPage, field_label, renderer, with_header_line, worksheet_names,
)
from ui.operations import run_in_background


class ImportWizard(QWizard):
    """Import a roster into the open program. Signals say when background steps are done (tests await them)."""

    tableRead = Signal()
    planReady = Signal()
    applied = Signal()
    failed = Signal(str)

    def __init__(self, document: ProgramDocument, path: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.table: RawTable | None = None
        self.original: RawTable | None = None
        self.column_plan: ColumnPlan | None = None
        self.plan: ImportPlan | None = None
        self.conflict_choices: dict[int, str] = {}
        self.roles = None  # the program's own role names, for the messages shown
        self.busy = False
        self._generation = 0
        self.setWindowTitle(self.tr("Import roster"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, False)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Apply"))
        self.file_page, self.preview_page = FilePage(self), PreviewPage(self)
        self.mapping_page, self.report_page = MappingPage(self), ReportPage(self)
        for page in (self.file_page, self.preview_page, self.mapping_page, self.report_page):
            self.addPage(page)
        self._sized = False
        if path:
            self.file_page.path_edit.setText(path)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Room for a wide preview table and long Chinese or German labels, sized from the font."""
        if not self._sized:
            self._sized = True
            metrics = self.fontMetrics()
            self.resize(max(self.width(), metrics.averageCharWidth() * 130), max(self.height(), metrics.height() * 36))
        super().showEvent(event)

    # -- background steps -----------------------------------------------------------------------

    def _start(self, work, on_finished, on_failed) -> None:
        self._generation += 1
        generation = self._generation
        self.busy = True

        def finished(result):
            if generation == self._generation:
                self.busy = False
                on_finished(result)

        def failed(message):
            if generation == self._generation:
                self.busy = False
                on_failed(message)
                self.failed.emit(message)

        run_in_background(work, on_finished=finished, on_failed=failed, parent=self)

    def path(self) -> str:
        return self.file_page.path_edit.text().strip()

    def read_file(self) -> None:
        """Read (or re-read, after an override) the file off the GUI thread."""
        path = self.path()
        encoding, delimiter, sheet = self.preview_page.overrides()
        self.table = self.original = self.column_plan = None
        self.conflict_choices = {}
        self.preview_page.show_reading()
        say, sessions = renderer(self), self.document.store.sessions  # plain values for the worker, no QObject

        def work(report, cancel):
            try:
                table = importing.read_file(path, encoding=encoding, delimiter=delimiter, sheet=sheet)
            except ImportFileError as exc:  # said in the interface language, not str(exc)'s English
                raise UserError(exc.text(say)) from None
            with sessions() as session:
                plan, roles = importing.understand_columns(session, table)
            return table, (worksheet_names(path) if table.sheet is not None else []), plan, roles

        self._start(work, self._table_read, self._table_failed)

    def _table_read(self, result: tuple[RawTable, list[str], ColumnPlan, object]) -> None:
        table, sheets, self.column_plan, self.roles = result
        self.table = self.original = table
        self.preview_page.show_sheets(sheets, table.sheet)
        self.preview_page.show_table(table, table)
        self.tableRead.emit()

    def _table_failed(self, message: str) -> None:
        self.preview_page.show_table(None, None, message)

    def choose_header(self, line: int | None) -> None:
        """Read a later row as the header: the columns are understood again (in the background)."""
        if self.original is None or line is None:
            return
        table = with_header_line(self.original, line)
        self.table, self.column_plan = table, None
        self.preview_page.show_table(table, self.original)
        understand = self.document.reader(importing.understand_columns, table)

        def work(report, cancel):
            return understand()[0]

        self._start(work, self._columns_understood, lambda message: None)

    def _columns_understood(self, plan: ColumnPlan) -> None:
        self.column_plan = plan
        self.preview_page.completeChanged.emit()
        self.tableRead.emit()

    def options(self) -> ImportOptions:
        return ImportOptions(role=self.column_plan.role if self.column_plan else None,
                             conflict_choices=dict(self.conflict_choices))

    def check(self) -> None:
        """Parse every row through the column plan and plan the import against the program (reads only)."""
        self.plan = None
        plan = self.document.reader(importing.plan_columns, self.table, self.column_plan, self.options())

        def work(report, cancel):
            return plan()

        self._start(work, self._plan_ready, lambda message: self.report_page.show_plan(None, message))

    def choose_conflict(self, line: int, choice: str | None) -> None:
        """The curator's answer for one conflict (None: refuse); the review is checked again."""
        if choice is None:
            self.conflict_choices.pop(line, None)
        else:
            self.conflict_choices[line] = choice
        self.report_page.show_checking()
        self.check()

    def _plan_ready(self, plan: ImportPlan) -> None:
        self.plan = plan
        self.report_page.show_plan(plan)
        self.planReady.emit()

    # -- applying -------------------------------------------------------------------------------

    def accept(self) -> None:
        """Apply the plan in the background; the wizard closes when it is written."""
        if self.plan is None or not self.plan.ok or self.busy:
            return
        apply = self.document.writer(importing.apply_import, self.plan)
        if apply is None:
            return

        def work(report, cancel):
            return apply()

        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        self.report_page.summary.setText(self.tr("Importing…"))
        self._start(work, self._applied, self._apply_failed)

    def _applied(self, done) -> None:
        plan: ImportPlan = done.value
        text = step_text("ImportWizard", QT_TRANSLATE_NOOP("ImportWizard", "Import %1"), Path(plan.source).name)
        self.document.record(text, done)  # views update, undo kept
        self.applied.emit()
        super().accept()

    def _apply_failed(self, message: str) -> None:
        self.report_page.summary.setText(fmt(self.tr("Nothing was imported: %1"), message))
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)


def wait_for(signal, timeout_ms: int = 10000) -> None:
    """Block (processing events) until a signal fires; used by the screenshot script, not by tests."""
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def render_pages(window, path: str):
    """Drive a wizard over `path` page by page for the screenshot script: yields (name, widget)."""
    wizard = window.open_import_wizard(path)
    yield "file", wizard
    wizard.next()
    if wizard.table is None:
        wait_for(wizard.tableRead)
    yield "preview", wizard
    wizard.next()
    yield "mapping", wizard
    wizard.next()
    if wizard.plan is None:
        wait_for(wizard.planReady)
    yield "report", wizard
    wizard.reject()
