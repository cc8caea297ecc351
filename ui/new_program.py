"""File ▸ New (issue 11, item 7): the program's name and kind first, then where to keep it, then an offer to
import a roster — instead of a file dialog and an empty table."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLineEdit, QPushButton,
    QVBoxLayout, QWidget,
)

from pairing.domain import ProgramKind
from ui.i18n import fmt
from ui.plain import plain_label

SUFFIX = ".pairing"


@dataclass(frozen=True)
class NewProgram:
    """What the curator asked for: a name, a kind (the role names' template), a file, and whether to import."""

    name: str
    kind: ProgramKind
    path: Path
    import_next: bool


def file_name_for(name: str) -> str:
    """A file name from a program name: `BJIFF Talents 2026` → `BJIFF Talents 2026.pairing`."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", name).strip(" .") or "program"
    return cleaned + SUFFIX


class NewProgramDialog(QDialog):
    """Name, kind and place of a new program; OK is enabled once it has a name."""

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New program"))
        self.folder = folder
        self._path_edited = False
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("e.g. BJIFF Talents 2026"))
        self.kind_box = QComboBox()
        for kind, text in ((ProgramKind.TALENT, self.tr("Talent program (young directors, producers, instructors)")),
                           (ProgramKind.SCREENWRITING, self.tr("Screenwriting camp (screenwriters, lead mentors)")),
                           (ProgramKind.ACTION, self.tr("Action-performance camp (performers, action directors, "
                                                        "coaches)")),
                           (ProgramKind.BLANK, self.tr("Other (name the roles later)"))):
            self.kind_box.addItem(text, kind)
        self.path_edit = QLineEdit()
        self.path_edit.textEdited.connect(lambda _text: setattr(self, "_path_edited", True))
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self.browse)
        place = QHBoxLayout()
        place.addWidget(self.path_edit, 1)
        place.addWidget(browse)
        self.import_box = QCheckBox(self.tr("&Import a roster (CSV or Excel) next"))
        self.import_box.setChecked(True)
        self.note = plain_label(self.tr("The kind only sets what the program calls its people; change it, the "
                                        "dates and the role names later with File ▸ Program."))
        self.note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&Kind:"), self.kind_box)
        form.addRow(self.tr("&Save in:"), place)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Create"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.import_box)
        layout.addWidget(self.buttons)
        self.name_edit.textChanged.connect(self._name_changed)
        self._name_changed("")

    def _name_changed(self, text: str) -> None:
        if not self._path_edited:
            self.path_edit.setText(str(self.folder / file_name_for(text.strip() or self.tr("New program"))))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(text.strip()))

    def browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the new program as"), self.path_edit.text(),
                                              self.tr("Talent programs (*.pairing)"))
        if path:
            self.path_edit.setText(path if Path(path).suffix else path + SUFFIX)
            self._path_edited = True

    def chosen(self) -> NewProgram:
        path = Path(self.path_edit.text().strip()).expanduser()
        if not path.suffix:
            path = path.with_suffix(SUFFIX)
        return NewProgram(self.name_edit.text().strip(), self.kind_box.currentData(), path,
                          self.import_box.isChecked())

    def problem(self) -> str | None:
        """Why the program cannot be created where asked, in a sentence, or None."""
        path = self.chosen().path
        if not path.parent.is_dir():
            return fmt(self.tr("The folder %1 does not exist."), path.parent)
        if path.exists():
            return fmt(self.tr("%1 exists already: choose another name, or open it with File ▸ Open."), path)
        return None

    def accept(self) -> None:
        problem = self.problem()
        if problem:
            self.note.setText(problem)
            return
        super().accept()
