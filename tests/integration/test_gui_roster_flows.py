"""End-to-end roster flows in the main window: open the sample, import through the wizard, edit and undo."""

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox, QWizard

from gui_walk import sample_program as sample_roster_program
from pairing.domain import Role, Weights
from pairing.storage import open_program, repo
from ui.main_window import MainWindow
from ui.models.roles import SEARCH_ROLE
from ui.plain import tip
from ui.settings_store import Preferences, SettingsStore

NEWCOMERS = ("name,role,genres,needs,availability\n"
             "Nadia Rahman,director,科幻,vfx,Mon AM\n"
             "Bo Li,director,drama,sound,Tue PM\n")


@pytest.fixture
def sample_program(tmp_path):
    return sample_roster_program(tmp_path / "sample.pairing")


@pytest.fixture
def window(qtbot, tmp_path, sample_program):
    window = MainWindow(SettingsStore.at(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    assert window.open_program(str(sample_program))
    window.show()
    return window


def _directors(window):
    return window.roster_page(Role.DIRECTOR)


def _names(page):
    return {page.model.person(row).name for row in range(page.model.rowCount())}


def test_the_sample_opens_with_its_roster_and_title(window):
    assert _directors(window).model.rowCount() == 24
    assert window.roster_page(Role.PRODUCER).model.rowCount() == 8
    assert window.tabs.tabText(0).endswith("(24)")
    assert "sample.pairing" in window.windowTitle() and not window.isWindowModified()


def test_import_a_file_through_the_wizard(qtbot, window, tmp_path, monkeypatch):
    roster = tmp_path / "newcomers.csv"
    roster.write_text(NEWCOMERS, encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(roster), ""))
    window.import_action.trigger()
    wizard = window.import_wizard
    qtbot.mouseClick(wizard.file_page.browse_button, Qt.MouseButton.LeftButton)
    with qtbot.wait_signal(wizard.tableRead, timeout=10000):
        wizard.next()
    wizard.next()
    with qtbot.wait_signal(wizard.planReady, timeout=10000):
        wizard.next()
    with qtbot.wait_signal(wizard.applied, timeout=10000):
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert {"Nadia Rahman", "Bo Li"} <= _names(_directors(window))
    assert window.tabs.tabText(0).endswith("(26)") and window.isWindowModified()
    window.undo_action.trigger()
    assert _directors(window).model.rowCount() == 24 and not window.isWindowModified()


def _drop(window, path):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)


def test_dropping_a_roster_file_opens_the_wizard_on_it(qtbot, window, tmp_path):
    roster = tmp_path / "drop.csv"
    roster.write_text(NEWCOMERS, encoding="utf-8")
    _drop(window, roster)
    assert window.import_wizard.path() == str(roster)
    window.import_wizard.reject()


def test_dropping_a_program_opens_it(qtbot, window, tmp_path):
    other = tmp_path / "other.pairing"
    open_program(other).close()
    _drop(window, other)
    assert window.document.location == str(other) and _directors(window).model.rowCount() == 0


def test_edit_a_person_and_undo_it(qtbot, window):
    page = _directors(window)
    page.select_ids(["D01"], "D01")
    window.tabs.setCurrentWidget(page)
    window.edit_action.trigger()
    editor = page.editor
    editor.name_edit.setText("Chen Siyuan")
    with qtbot.wait_signal(window.document.rosterChanged):
        qtbot.mouseClick(editor.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert "Chen Siyuan" in _names(page) and window.isWindowModified()
    assert page.selected_ids() == ["D01"]
    assert window.statusBar().currentMessage() == "Edit Chen Siyuan — Edit ▸ Undo reverses it."
    window.undo_action.trigger()
    assert "Chen Siyuan" not in _names(page) and "陈思远" in _names(page)
    assert window.statusBar().currentMessage() == "Undone: Edit Chen Siyuan"
    window.redo_action.trigger()
    assert "Chen Siyuan" in _names(page)


def test_typing_in_the_table_filters_it(qtbot, window):
    page = _directors(window)
    page.table.setFocus()
    qtbot.keyClicks(page.table, "doc")
    assert page.filter_edit.text() == "doc"
    assert 0 < page.proxy.rowCount() < 24
    assert all("doc" in page.proxy.index(r, 0).data(SEARCH_ROLE) for r in range(page.proxy.rowCount()))
    qtbot.keyClick(page.filter_edit, Qt.Key.Key_Down)  # back to the table, on the first match
    assert page.table.currentIndex().row() == 0
    page.filter_edit.setFocus()
    qtbot.keyClick(page.filter_edit, Qt.Key.Key_Escape)
    assert page.filter_edit.text() == "" and page.proxy.rowCount() == 24


def test_duplicate_and_delete_are_undoable(qtbot, window):
    page = _directors(window)
    window.tabs.setCurrentWidget(page)
    page.select_ids(["D02"])
    window.duplicate_action.trigger()
    assert page.model.rowCount() == 25 and page.selected_people()[0].name.startswith("Lin Xiaoyu")
    window.delete_action.trigger()
    assert page.model.rowCount() == 24
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert page.model.rowCount() == 24 and window.document.undo_stack.isClean()


def test_save_as_continues_in_the_copy(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "copy.pairing"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    page = _directors(window)
    page.select_ids(["D03"])
    window.tabs.setCurrentWidget(page)
    window.delete_action.trigger()
    window.save_as_action.trigger()
    assert target.exists() and window.document.location == str(target)
    assert not window.isWindowModified() and "copy.pairing" in window.windowTitle()
    window.undo_action.trigger()  # the undo history follows into the copy
    with window.document.store.sessions() as session:
        assert repo.get_person(session, "D03").role is Role.DIRECTOR
    assert window.isWindowModified()


def test_new_program_asks_name_and_kind_and_starts_with_the_default_weights(qtbot, window, tmp_path):
    from pairing import actions
    from pairing.domain import ProgramKind

    window.settings.save_preferences(Preferences("en", Weights(genre=9.0), 4.0))
    window.settings.set_last_folder(str(tmp_path))
    window.new_action.trigger()
    dialog = window.new_dialog
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # a program needs a name
    qtbot.keyClicks(dialog.name_edit, "Sci-fi Camp 2026")
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData(ProgramKind.SCREENWRITING))
    assert dialog.path_edit.text() == str(tmp_path / "Sci-fi Camp 2026.pairing")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert window.document.location.endswith("Sci-fi Camp 2026.pairing")
    assert _directors(window).model.rowCount() == 0
    properties = window.document.read(actions.properties.properties)
    assert properties.name == "Sci-fi Camp 2026" and properties.kind is ProgramKind.SCREENWRITING
    assert properties.role_word("director", "en") == "screenwriter"
    assert window.import_wizard.isVisible()  # the roster comes next
    window.import_wizard.reject()
    assert "Sci-fi Camp 2026" in window.windowTitle()
    with window.document.store.sessions() as session:
        settings = repo.get_settings(session)
    assert settings.weights.genre == 9.0 and settings.time_limit_s == 4.0


def test_opening_something_else_says_so_and_keeps_the_program(qtbot, window, tmp_path, monkeypatch):
    junk = tmp_path / "notes.pairing"
    junk.write_text("just some notes", encoding="utf-8")
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    assert not window.open_program(str(junk))
    assert "notes.pairing" in warnings[0] and _directors(window).model.rowCount() == 24


def test_without_a_program_the_welcome_page_offers_the_recent_ones(qtbot, tmp_path, sample_program):
    settings = SettingsStore.at(tmp_path / "welcome.ini")
    settings.add_recent_program(str(sample_program))
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    assert window.stack.currentWidget() is window.welcome
    assert not window.import_action.isEnabled() and not window.save_as_action.isEnabled()
    window.recent_menu.aboutToShow.emit()
    recent = [a for a in window.recent_menu.actions() if a.isEnabled()]
    assert [a.toolTip() for a in recent] == [tip(str(sample_program))]
    recent[0].trigger()
    assert window.stack.currentWidget() is window.tabs and window.import_action.isEnabled()
    window.close_document()
    assert window.stack.currentWidget() is window.welcome and window.windowTitle() == "Talent Pairing"


def test_the_pairing_page_is_built_when_first_shown(qtbot, window):
    from ui.main_window import LazyPage
    from ui.pairing_page import PairingPage

    assert isinstance(window.pages["pairing"], LazyPage) and window.pages["pairing"].page is None
    window.tabs.setCurrentWidget(window.pages["pairing"])
    assert isinstance(window.page("pairing"), PairingPage)
    assert not window.add_action.isEnabled()  # roster actions belong to roster pages
    window.view_menu.actions()[0].trigger()   # Ctrl+1: back to the directors
    assert window.tabs.currentWidget() is _directors(window) and window.add_action.isEnabled()


def test_a_big_roster_is_read_off_the_gui_thread(qtbot, tmp_path):
    from pairing.domain import Person
    from ui.commands import edit_person
    from ui.document import ProgramDocument
    from ui.roster_page import BACKGROUND_RELOAD_AT, RosterPage

    size = BACKGROUND_RELOAD_AT + 10
    store = open_program(tmp_path / "big.pairing")
    with store.sessions.begin() as session:
        repo.add_people(session, [Person(f"D{i:05d}", f"Director {i}", Role.DIRECTOR) for i in range(size)])
    store.close()
    document = ProgramDocument.open(tmp_path / "big.pairing")
    page = RosterPage(document, Role.DIRECTOR)
    qtbot.addWidget(page)
    assert page.model.rowCount() == 0 and page.count_label.text() == "Loading…"
    qtbot.wait_signal(page.reloaded, timeout=20000).wait()
    assert page.model.rowCount() == size
    before = page.model.person(page.model.row_of("D00007"))
    resets = []
    page.model.modelAboutToBeReset.connect(lambda: resets.append(True))
    edit_person(document, before, before.with_changes(name="Renamed"))
    edit_person(document, before.with_changes(name="Renamed"), before.with_changes(name="Renamed twice"))
    # An edit changes its row in place (issue 8: change sets, not a re-read of 2,000 people and a reset).
    assert page.model.person(page.model.row_of("D00007")).name == "Renamed twice"
    assert page.model.rowCount() == size and resets == []
    document.close()
