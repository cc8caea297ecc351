"""The Export dialog: format, destination, language, contacts (off by default); writes in the background."""

from __future__ import annotations

import os
import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QMessageBox, QProgressBar, QPushButton, QVBoxLayout, QWidget,
)

from pairing import actions
from pairing.exports import RUN_FORMATS, ExportOptions, ExportReport, write_export
from ui.document import ProgramDocument
from ui.i18n import data_lang, say, say_fault
from ui.operations import Operation, run_in_background
from ui.plain import as_written, plain_label
from ui.settings_store import SettingsStore

SUFFIXES = {"csv": ".csv", "xlsx": ".xlsx", "pdf": ".pdf", "ics": ".ics", "matrix": ".csv", "roster": ".csv"}
NAME_PARTS = {"csv": "teams", "xlsx": "teams", "pdf": "sheets", "ics": "meetings", "matrix": "matrix",
              "roster": "roster"}
CSV_LIKE = frozenset({"csv", "matrix", "roster"})


def format_labels() -> list[tuple[str, str]]:
    translate = QCoreApplication.translate  # named so pyside6-lupdate finds the strings
    return [
        ("csv", translate("ExportDialog", "Teams as CSV (spreadsheet text)")),
        ("xlsx", translate("ExportDialog", "Teams as Excel workbook")),
        ("pdf", translate("ExportDialog", "Printable PDF sheets, one page per team")),
        ("ics", translate("ExportDialog", "Calendar invitations (ICS) for the first meetings")),
        ("matrix", translate("ExportDialog", "Compatibility matrix (CSV)")),
        ("roster", translate("ExportDialog", "Roster in the import format (CSV)")),
    ]


def file_filter(fmt: str) -> str:
    translate = QCoreApplication.translate  # named so pyside6-lupdate finds the strings
    return {
        "xlsx": translate("ExportDialog", "Excel workbooks (*.xlsx)"),
        "pdf": translate("ExportDialog", "PDF documents (*.pdf)"),
        "ics": translate("ExportDialog", "Calendar files (*.ics)"),
    }.get(fmt, translate("ExportDialog", "CSV files (*.csv)"))


def documents_folder() -> Path:
    """The user's documents folder (an absolute path), else their home folder."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found and Path(found).is_dir() else Path.home()


def default_path(document: ProgramDocument, fmt: str, folder: str | Path | None = None) -> Path:
    """In `folder` (the last export folder) or the documents folder, named after the program and what the
    file holds: `~/Documents/spring-2026-teams.xlsx`. Always absolute (issue 11: it once was relative)."""
    name = document.read(actions.reading.settings).name
    slug = re.sub(r"[^\w]+", "-", name, flags=re.UNICODE).strip("-").lower() or "program"
    where = Path(folder) if folder and Path(folder).is_dir() else documents_folder()
    return where.resolve() / f"{slug}-{NAME_PARTS[fmt]}{SUFFIXES[fmt]}"


def export_work(document: ProgramDocument, run_id: int | None, fmt: str, path: str, options: ExportOptions,
                renderer):
    """Background work: read what to export (a session of its own), write the file atomically, return the report."""
    read = document.reader(actions.exporting.export_data, fmt, run_id)

    def work(report, cancel) -> ExportReport | None:
        return write_export(read(), fmt, path, options, pdf_renderer=renderer, progress=report, cancel=cancel)

    return work


def _pdf_renderer():
    from ui.pdf_renderer import QtPdfRenderer

    return QtPdfRenderer()


class ExportDialog(QDialog):
    """Choose what to export and where; the file is written off the GUI thread with progress and cancel."""

    exported = Signal(object)  # ExportReport

    def __init__(self, document: ProgramDocument, parent: QWidget | None = None, run_id: int | None = None,
                 settings: SettingsStore | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.run_id = run_id
        self.settings = settings  # remembers the last folder and format; None in tests that need neither
        self.operation: Operation | None = None
        self.report: ExportReport | None = None
        self._path_edited = False
        self._close_when_stopped = False
        self.setWindowTitle(self.tr("Export"))
        self._build()
        remembered = settings.export_format() if settings is not None else None
        if remembered and self.format_box.findData(remembered) >= 0:
            self.set_format(remembered)
        self._format_changed()

    # -- layout -----------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.format_box = QComboBox()
        self.format_box.setAccessibleName(self.tr("Export format"))
        for key, label in format_labels():
            self.format_box.addItem(label, key)
        self.format_box.currentIndexChanged.connect(self._format_changed)
        form.addRow(self._buddy(self.tr("&Format:"), self.format_box), self.format_box)
        form.addRow(self._buddy(self.tr("&Save to:"), self._destination_row()), self._destination_row_widget)
        self.language_box = QComboBox()
        self.language_box.setAccessibleName(self.tr("Language of the sheets"))
        self.language_box.addItem("English", "en")
        self.language_box.addItem("简体中文", "zh")
        self.language_box.setCurrentIndex(1 if data_lang() == "zh" else 0)
        form.addRow(self._buddy(self.tr("&Language of the sheets:"), self.language_box), self.language_box)
        self.gb18030_box = QCheckBox(self.tr("For older Excel or WPS (GB18030 encoding)"))
        self.gb18030_box.setAccessibleName(self.tr("Write CSV in GB18030 encoding"))
        form.addRow(self.gb18030_box)
        layout.addLayout(form)
        layout.addWidget(self._contacts_widget())
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Export progress"))
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.status = plain_label()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Export status"))
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(self.tr("&Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setDefault(True)
        self.buttons.accepted.connect(self.start_export)
        self.open_folder_button = self.buttons.addButton(self.tr("Open &folder"), QDialogButtonBox.ButtonRole.ActionRole)
        self.open_folder_button.setAccessibleName(self.tr("Open the folder of the written file"))
        self.open_folder_button.hide()
        self.open_folder_button.clicked.connect(self.open_folder)
        self.buttons.rejected.connect(self._cancel_or_close)
        layout.addWidget(self.buttons)

    def _buddy(self, text: str, widget: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(widget)
        return label

    def _destination_row(self) -> QLineEdit:
        self.path_edit = QLineEdit()
        self.path_edit.setAccessibleName(self.tr("File to write"))
        self.path_edit.textEdited.connect(lambda _text: setattr(self, "_path_edited", True))
        self.browse_button = QPushButton(self.tr("&Browse…"))
        self.browse_button.setAccessibleName(self.tr("Choose the file to write"))
        self.browse_button.clicked.connect(self.browse)
        row = QWidget()
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.path_edit, 1)
        box.addWidget(self.browse_button)
        self._destination_row_widget = row
        return self.path_edit

    def _contacts_widget(self) -> QWidget:
        widget = QWidget()
        box = QVBoxLayout(widget)
        box.setContentsMargins(0, 0, 0, 0)
        self.contacts_box = QCheckBox(self.tr("Include &contacts (e-mail, phone)"))
        self.contacts_box.setAccessibleName(self.tr("Include e-mail addresses and phone numbers"))
        self.contacts_box.setChecked(False)
        explanation = QLabel(self.tr(
            "Off by default: e-mail addresses and phone numbers are personal data. Include them only when "
            "everyone who receives the file may see them. Calendar invitations list attendees only with contacts."))
        explanation.setWordWrap(True)
        box.addWidget(self.contacts_box)
        box.addWidget(explanation)
        return widget

    # -- values -----------------------------------------------------------------------------

    def fmt(self) -> str:
        return self.format_box.currentData()

    def set_format(self, fmt: str) -> None:
        self.format_box.setCurrentIndex(self.format_box.findData(fmt))

    def options(self) -> ExportOptions:
        encoding = "gb18030" if self.gb18030_box.isChecked() and self.fmt() in CSV_LIKE else "utf-8-sig"
        return ExportOptions(lang=self.language_box.currentData(), include_contacts=self.contacts_box.isChecked(),
                             encoding=encoding)

    def _format_changed(self) -> None:
        fmt = self.fmt()
        self.gb18030_box.setEnabled(fmt in CSV_LIKE)
        self.contacts_box.setEnabled(fmt not in ("matrix",))
        current = self.path_edit.text().strip()
        if not current or not self._path_edited:
            folder = self.settings.export_folder() if self.settings is not None else None
            self.path_edit.setText(str(default_path(self.document, fmt, folder)))
        else:
            self.path_edit.setText(str(Path(current).with_suffix(SUFFIXES[fmt])))

    def browse(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export to"), self.path_edit.text(),
                                                    file_filter(self.fmt()))
        if path:
            if not Path(path).suffix:
                path += SUFFIXES[self.fmt()]
            self.path_edit.setText(path)
            self._path_edited = True

    # -- export -----------------------------------------------------------------------------

    def _problem(self, fmt: str, path: Path) -> str | None:
        """A sentence saying why the export cannot start and what to do, or None."""
        if not str(path).strip() or path.name in ("", "."):
            return self.tr("Choose the file to write with Browse…, then export again.")
        if fmt in RUN_FORMATS and not self._has_run():
            return self.tr("This program has no teams yet. Open the Pairing page, press Propose, "
                           "then export again.")
        try:
            return self._path_problem(path)
        except OSError as exc:  # a name too long for the file system, a path through a file…
            return self.tr("%1\n\nChoose another file with Browse…, then export again.").replace("%1", say_fault(exc))

    def _path_problem(self, path: Path) -> str | None:
        folder = path.parent
        if not folder.is_dir():
            return self.tr("The folder %1 does not exist. Choose another place with Browse….").replace("%1", str(folder))
        if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
            return self.tr("%1 cannot be written here (no permission). Choose another folder with Browse….") \
                .replace("%1", str(path))
        if path.is_dir():
            return self.tr("%1 is a folder. Add a file name, or choose one with Browse….").replace("%1", str(path))
        return None

    def _has_run(self) -> bool:
        if self.run_id is not None:
            return any(r.id == self.run_id for r in self.document.read(actions.reading.runs))
        return self.document.read(actions.reading.latest_run) is not None

    def start_export(self) -> None:
        if self.operation is not None:
            return
        fmt, path = self.fmt(), Path(self.path_edit.text().strip()).expanduser()
        problem = self._problem(fmt, path)
        if problem:
            QMessageBox.warning(self, self.tr("Export"), as_written(problem))
            return
        renderer = _pdf_renderer() if fmt == "pdf" else None
        self._set_busy(True)
        self.operation = run_in_background(
            export_work(self.document, self.run_id, fmt, str(path), self.options(), renderer),
            on_progress=self._progressed, on_finished=self._finished, on_failed=self._failed,
            on_cancelled=self._cancelled, parent=self)

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.format_box, self.path_edit, self.browse_button, self.language_box, self.gb18030_box,
                       self.contacts_box, self.export_button):
            widget.setEnabled(not busy)
        if not busy:
            self.operation = None
            self._format_changed_enable_only()
        self.progress.setVisible(busy)
        self.progress.setValue(0)
        self.status.setText(self.tr("Writing…") if busy else self.status.text())

    def _format_changed_enable_only(self) -> None:
        self.gb18030_box.setEnabled(self.fmt() in CSV_LIKE)
        self.contacts_box.setEnabled(self.fmt() != "matrix")

    def _progressed(self, fraction: float) -> None:
        self.progress.setValue(int(round(float(fraction) * 100)))

    def _finished(self, report: ExportReport | None) -> None:
        self._set_busy(False)
        if report is None:
            self._cancelled()
            return
        self.report = report
        self.status.setText(self.tr("Wrote %1 to %2.").replace("%1", str(report.count)).replace("%2", str(report.path)))
        if self.settings is not None:
            self.settings.remember_export(str(Path(report.path).parent), self.fmt())
        self._show_done()
        self.exported.emit(report)
        if report.warnings:
            QMessageBox.warning(self, self.tr("Export"), as_written(self.tr("The file was written, but note:\n\n%1")
                                                                    .replace("%1", "\n".join(say(w) for w in report.warnings))))

    def _show_done(self) -> None:
        """The dialog stays open to say where the file went, with Open folder; Close ends it."""
        self.open_folder_button.show()
        self.open_folder_button.setDefault(True)
        self.export_button.setText(self.tr("Export &again"))
        self.export_button.setDefault(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))

    def open_folder(self) -> bool:
        """Show the written file's folder in the system's file manager."""
        if self.report is None:
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(self.report.path).parent)))

    def _failed(self, message: str) -> None:
        self._set_busy(False)
        self.status.setText(self.tr("Nothing was written."))
        if self._close_when_stopped:
            self._end()
            return
        QMessageBox.warning(self, self.tr("Export"), as_written(
            self.tr("%1\n\nNothing was written. Fix this and export again.").replace("%1", message)))

    def _cancelled(self) -> None:
        self._set_busy(False)
        self.status.setText(self.tr("Cancelled; nothing was written."))
        self._end()

    def _cancel_or_close(self) -> None:
        if self.operation is not None:
            self.operation.cancel()
            self.status.setText(self.tr("Cancelling…"))
            return
        self.reject()

    def reject(self) -> None:
        """Closing while writing cancels first and closes when the writing has stopped (nothing is written)."""
        if self.operation is not None:
            self._close_when_stopped = True
            self.operation.cancel()
            self.status.setText(self.tr("Cancelling…"))
            return
        super().reject()

    def _end(self) -> None:
        if self._close_when_stopped:
            super().reject()


def open_export_dialog(document: ProgramDocument, parent: QWidget | None = None,
                       run_id: int | None = None, settings: SettingsStore | None = None) -> ExportDialog:
    """Show the Export dialog window-modally (it does not block the caller) and return it."""
    dialog = ExportDialog(document, parent, run_id, settings)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
