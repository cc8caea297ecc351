"""Every input of the shell's windows has a name a screen reader can say (its own or its label's)."""

import pytest
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget,
)

from pairing.domain import Role
from ui.import_wizard import ImportWizard
from ui.main_window import MainWindow
from ui.person_editor import PersonEditor
from ui.preferences import PreferencesDialog
from ui.settings_store import SettingsStore

from shell_support import make_document, roster_state

INPUTS = (QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QAbstractItemView, QAbstractButton)


def unnamed_inputs(root: QWidget) -> list[str]:
    labelled = {id(label.buddy()) for label in root.findChildren(QLabel) if label.buddy() is not None}
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INPUTS) or _qt_internal(widget, root):
            continue
        text = widget.text() if isinstance(widget, QAbstractButton) else ""
        if not (widget.accessibleName() or text or id(widget) in labelled):
            missing.append(f"{type(widget).__name__} under {type(widget.parent()).__name__}")
    return missing


def _qt_internal(widget: QWidget, root: QWidget) -> bool:
    """Parts Qt makes inside its own widgets: a combo's popup list, a spin box's editor, a clear button."""
    if widget.window() is not root.window():
        return True
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, (QComboBox, QAbstractSpinBox, QAbstractItemView, QLineEdit)):
            return True
        parent = parent.parentWidget()
    return False


@pytest.fixture
def document(tmp_path, qtbot):
    doc = make_document(tmp_path / "a.pairing")
    yield doc
    doc.close()


def test_main_window_and_roster_pages(qtbot, tmp_path):
    window = MainWindow(SettingsStore.at(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    window.set_document(make_document(tmp_path / "w.pairing"))  # the window closes it
    for role in Role:
        assert unnamed_inputs(window.roster_page(role)) == []


@pytest.mark.parametrize("person_id", ["D01", "P01"])
def test_person_editor(qtbot, document, person_id):
    editor = PersonEditor(document, roster_state(document)[0][person_id])
    qtbot.addWidget(editor)
    assert unnamed_inputs(editor) == []


def test_import_wizard_pages(qtbot, document, tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("name,role,favourite\nA,director,x\n", encoding="utf-8")
    wizard = ImportWizard(document, str(path))
    qtbot.addWidget(wizard)
    wizard.show()
    with qtbot.wait_signal(wizard.tableRead):
        wizard.next()
    wizard.next()
    for page in (wizard.file_page, wizard.preview_page, wizard.mapping_page, wizard.report_page):
        assert unnamed_inputs(page) == []


def test_preferences(qtbot, tmp_path):
    dialog = PreferencesDialog(SettingsStore.at(tmp_path / "p.ini"))
    qtbot.addWidget(dialog)
    assert unnamed_inputs(dialog) == []
