"""The Export dialog: safe defaults, names and suffixes, mistakes explained, a file written in the background."""

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool, Qt
from PySide6.QtWidgets import QMessageBox

from pairing import engine
from pairing.domain import Person, Role, RunResult, RunStatus, Settings
from pairing.storage import repo
from ui.document import ProgramDocument
from ui.export_dialog import ExportDialog
from ui.settings_store import SettingsStore

SLOT = ("Mon AM",)
PEOPLE = [
    Person("D1", "陈思远", Role.DIRECTOR, email="chen@example.org", availability=SLOT, genres=("drama",)),
    Person("P1", "=Pat", Role.PRODUCER, email="pat@example.org", availability=SLOT, genres=("drama",)),
    Person("I1", "Ike", Role.INSTRUCTOR, availability=SLOT),
]


@pytest.fixture
def document(tmp_path, qtbot):
    doc = ProgramDocument.open(tmp_path / "Spring Camp.pairing")
    with doc.store.sessions.begin() as session:
        repo.save_settings(session, Settings(name="Spring Camp 2026", instructors_min=1, instructors_max=1))
        repo.add_people(session, PEOPLE)
    yield doc
    QThreadPool.globalInstance().waitForDone(10_000)
    doc.close()


@pytest.fixture
def warnings(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args, **kw: shown.append(args[2]))
    return shown


def _add_run(document):
    program = document.program()
    team = engine.TeamEvaluator(program).evaluate_team("D1", "P1", ("I1",))
    with document.store.sessions.begin() as session:
        repo.save_run(session, program.settings, RunResult(RunStatus.OPTIMAL, team.score, team.score, teams=(team,)))


def test_contacts_are_off_and_the_default_file_is_named_after_the_program(document, qtbot):
    dialog = ExportDialog(document)
    qtbot.addWidget(dialog)
    assert not dialog.contacts_box.isChecked()
    assert dialog.options().include_contacts is False
    assert dialog.path_edit.text().endswith("spring-camp-2026-teams.csv")
    dialog.set_format("pdf")
    assert dialog.path_edit.text().endswith("spring-camp-2026-sheets.pdf")
    assert not dialog.gb18030_box.isEnabled()


def test_exporting_teams_without_a_run_says_what_to_do(document, qtbot, warnings, tmp_path):
    dialog = ExportDialog(document)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(tmp_path / "teams.csv"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert warnings and "Propose" in warnings[0]
    assert not (tmp_path / "teams.csv").exists()
    assert dialog.operation is None


def test_a_missing_folder_is_reported_before_anything_runs(document, qtbot, warnings, tmp_path):
    _add_run(document)
    dialog = ExportDialog(document)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(tmp_path / "nowhere" / "teams.csv"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert warnings and "does not exist" in warnings[0] and "nowhere" in warnings[0]


def test_csv_in_gb18030_with_contacts_is_written_in_the_background(document, qtbot, warnings, tmp_path):
    _add_run(document)
    dialog = ExportDialog(document)
    qtbot.addWidget(dialog)
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("zh"))
    dialog.gb18030_box.setChecked(True)
    dialog.contacts_box.setChecked(True)
    target = tmp_path / "teams.csv"
    dialog.path_edit.setText(str(target))
    with qtbot.wait_signal(dialog.exported, timeout=20_000) as blocker:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].count == 1
    text = target.read_bytes().decode("gb18030")
    rows = list(csv.reader(text.splitlines()))
    assert any("陈思远" in cell for row in rows for cell in row)
    assert "'=Pat" in text  # a name that looks like a formula stays text
    assert "chen@example.org" in text
    assert warnings == []


def test_cancel_stops_a_long_export_and_the_dialog_stays_usable(document, qtbot, warnings, tmp_path, monkeypatch):
    import threading

    import ui.export_dialog as export_dialog

    _add_run(document)
    started = threading.Event()

    def slow_write(data, fmt, path, options, *, pdf_renderer=None, progress=None, cancel=None):
        progress(0.25)
        started.set()
        cancel.wait(120)  # until the test cancels (a loaded machine may take long to get there)
        return None  # what write_export returns when cancelled: nothing written

    monkeypatch.setattr(export_dialog, "write_export", slow_write)
    dialog = ExportDialog(document)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(tmp_path / "teams.csv"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert started.wait(10)
    qtbot.waitUntil(lambda: dialog.progress.value() == 25)
    assert not dialog.export_button.isEnabled() and dialog.progress.isVisible() is dialog.isVisible()
    with qtbot.wait_signal(dialog.operation.cancelled, timeout=10_000):
        dialog.buttons.button(dialog.buttons.StandardButton.Cancel).click()
    assert dialog.report is None and "nothing was written" in dialog.status.text()
    assert dialog.export_button.isEnabled() and not (tmp_path / "teams.csv").exists()


def test_closing_the_dialog_while_writing_cancels_then_closes(document, qtbot, warnings, tmp_path, monkeypatch):
    import threading

    import ui.export_dialog as export_dialog

    _add_run(document)
    started = threading.Event()

    def slow_write(data, fmt, path, options, *, pdf_renderer=None, progress=None, cancel=None):
        started.set()
        cancel.wait(120)  # until the test cancels (a loaded machine may take long to get there)
        return None

    monkeypatch.setattr(export_dialog, "write_export", slow_write)
    dialog = ExportDialog(document)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.path_edit.setText(str(tmp_path / "teams.csv"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert started.wait(10)
    with qtbot.wait_signal(dialog.rejected, timeout=10_000):
        dialog.reject()  # the window's close button
        assert dialog.isVisible()  # still open until the writing has stopped
    assert not dialog.isVisible() and dialog.operation is None


def test_the_default_folder_is_the_documents_folder_as_an_absolute_path(document, qtbot):
    from ui.export_dialog import documents_folder

    dialog = ExportDialog(document)
    qtbot.addWidget(dialog)
    path = Path(dialog.path_edit.text())
    assert path.is_absolute() and path.parent == documents_folder().resolve()


def test_after_writing_the_dialog_says_where_and_opens_the_folder(document, qtbot, warnings, tmp_path, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    _add_run(document)
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    settings = SettingsStore.at(tmp_path / "settings.ini")
    dialog = ExportDialog(document, settings=settings)
    qtbot.addWidget(dialog)
    dialog.show()
    (tmp_path / "out").mkdir()
    dialog.set_format("xlsx")
    dialog.path_edit.setText(str(tmp_path / "out" / "teams.xlsx"))
    with qtbot.wait_signal(dialog.exported, timeout=20_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and str(tmp_path / "out" / "teams.xlsx") in dialog.status.text()
    assert dialog.open_folder_button.isVisible()
    qtbot.mouseClick(dialog.open_folder_button, Qt.MouseButton.LeftButton)
    assert opened == [str(tmp_path / "out")]


def test_the_next_export_remembers_the_folder_and_the_format(document, qtbot, warnings, tmp_path):
    _add_run(document)
    settings = SettingsStore.at(tmp_path / "settings.ini")
    first = ExportDialog(document, settings=settings)
    qtbot.addWidget(first)
    (tmp_path / "out").mkdir()
    first.set_format("pdf")
    first.set_format("xlsx")
    first.path_edit.setText(str(tmp_path / "out" / "mine.xlsx"))
    with qtbot.wait_signal(first.exported, timeout=20_000):
        qtbot.mouseClick(first.export_button, Qt.MouseButton.LeftButton)
    second = ExportDialog(document, settings=settings)
    qtbot.addWidget(second)
    assert second.fmt() == "xlsx"
    assert Path(second.path_edit.text()) == (tmp_path / "out" / "spring-camp-2026-teams.xlsx").resolve()
