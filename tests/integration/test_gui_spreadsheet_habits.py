"""Spreadsheet habits (issue 11, item 5): Ctrl+Z undoes the program's last action whatever has focus, Edit ▸
Cut/Copy/Paste, people and teams copied as tab-separated text, rows pasted back through the import's review."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWizard

from gui_walk import copy_program, make_program, open_window
from pairing.domain import Role

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(scope="module")
def program_with_run(tmp_path_factory):
    return make_program(tmp_path_factory.mktemp("habits") / "sample.pairing")


@pytest.fixture
def window(program_with_run, tmp_path, qtbot):
    window = open_window(qtbot, tmp_path, copy_program(program_with_run, tmp_path))
    window.activateWindow()
    qtbot.wait_until(lambda: QGuiApplication.focusWindow() is window.windowHandle())  # shortcuts need it
    return window


def directors(window):
    return window.roster_page(Role.DIRECTOR)


def names(page) -> set[str]:
    return {page.model.person(row).name for row in range(page.model.rowCount())}


def test_ctrl_z_in_the_filter_box_undoes_the_program_action(window, qtbot):
    page = directors(window)
    qtbot.keyClicks(page.filter_edit, "Maya")  # the field now has an undo history of its own
    page.filter_edit.clear()
    page.select_ids(["D03"])
    gone = page.model.person(page.model.row_of("D03")).name
    page.delete_selected()
    assert gone not in names(page)
    page.filter_edit.setFocus()
    qtbot.keyClick(page.filter_edit, Qt.Key.Key_Z, CTRL)
    assert gone in names(page)  # the deletion is undone …
    assert page.filter_edit.text() == ""  # … and the old filter text did not come back
    qtbot.keyClick(page.filter_edit, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert gone not in names(page)  # redo from the same box


def test_a_field_being_typed_in_keeps_its_own_undo(window, qtbot):
    page = directors(window)
    page.filter_edit.setFocus()
    steps = window.document.undo_stack.index()
    qtbot.keyClicks(page.filter_edit, "ab")
    qtbot.keyClick(page.filter_edit, Qt.Key.Key_Z, CTRL)
    assert page.filter_edit.text() != "ab" and window.document.undo_stack.index() == steps


def test_copy_people_then_paste_them_back_through_the_import_review(window, qtbot):
    page = directors(window)
    window.tabs.setCurrentWidget(page)
    page.select_ids(["D01", "D02"])
    page.table.setFocus()
    before = {p.id: p for p in page.selected_people()}
    qtbot.keyClick(page.table, Qt.Key.Key_C, CTRL)
    text = QGuiApplication.clipboard().text()
    lines = text.splitlines()
    assert lines[0].split("\t")[:3] == ["id", "name", "role"] and len(lines) == 3
    assert all(before[i].name in text for i in before)
    page.delete_selected()
    assert not set(before) & {p.id for p in page.model.people()}
    qtbot.keyClick(page.table, Qt.Key.Key_V, CTRL)
    wizard = window.import_wizard
    assert wizard is not None and wizard.isVisible()
    with qtbot.wait_signal(wizard.tableRead, timeout=10_000):
        wizard.next()
    wizard.next()
    with qtbot.wait_signal(wizard.planReady, timeout=10_000):
        wizard.next()
    assert not wizard.plan.errors
    with qtbot.wait_signal(wizard.applied, timeout=10_000):
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    after = {p.id: p for p in page.model.people() if p.id in before}
    assert {i: (p.name, p.genres, p.needs, p.availability) for i, p in after.items()} == \
        {i: (p.name, p.genres, p.needs, p.availability) for i, p in before.items()}


def test_rows_without_a_role_column_pasted_on_a_page_are_of_its_role(window, qtbot):
    page = window.roster_page(Role.PRODUCER)
    window.tabs.setCurrentWidget(page)
    QGuiApplication.clipboard().setText("姓名\t题材\t名额\nNew Producer\tdrama\t2\n")
    page.table.setFocus()
    window.paste_action.trigger()
    wizard = window.import_wizard
    with qtbot.wait_signal(wizard.tableRead, timeout=10_000):
        wizard.next()
    wizard.next()
    with qtbot.wait_signal(wizard.planReady, timeout=10_000):
        wizard.next()
    with qtbot.wait_signal(wizard.applied, timeout=10_000):
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert "New Producer" in names(page)
    window.undo_action.trigger()
    assert "New Producer" not in names(page)


def test_pasting_text_that_is_not_a_table_says_so(window, qtbot):
    page = directors(window)
    window.tabs.setCurrentWidget(page)
    QGuiApplication.clipboard().setText("just a sentence")
    page.table.setFocus()
    window.paste_action.trigger()
    assert "no table" in window.statusBar().currentMessage()
    assert getattr(window, "import_wizard", None) is None


def test_ctrl_c_on_the_pairing_page_copies_the_teams(window, qtbot):
    window.tabs.setCurrentWidget(window.pages["pairing"])
    page = window.page("pairing")
    qtbot.wait_until(lambda: page.run is not None, timeout=60_000)
    page.team_view.setFocus()
    qtbot.keyClick(page.team_view, Qt.Key.Key_C, CTRL)
    lines = QGuiApplication.clipboard().text().splitlines()
    assert lines[0].split("\t")[:3] == ["#", "Young director", "Senior producer"]  # the program's role names
    assert len(lines) == 1 + page.team_model.rowCount()


def test_edit_menu_has_cut_copy_paste(window):
    texts = [a.text() for a in window.edit_menu.actions()]
    assert {"Cu&t", "&Copy", "&Paste"} <= set(texts)


def test_an_empty_program_says_what_to_do_next(qtbot, tmp_path):
    from ui.main_window import MainWindow
    from ui.settings_store import SettingsStore

    window = MainWindow(SettingsStore.at(tmp_path / "empty.ini"))
    qtbot.addWidget(window)
    assert window.open_program(str(tmp_path / "empty.pairing"))
    window.show()
    page = directors(window)
    assert page.empty.isVisible() and "Import the roster" in page.empty_label.text()
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert window.import_wizard.isVisible()
    window.import_wizard.reject()


def _cell(page, person_id: str, header: str):
    column = next(i for i, c in enumerate(page.model.columns) if c.header == header)
    return page.proxy.mapFromSource(page.model.index(page.model.row_of(person_id), column))


def _stored(window, person_id):
    from pairing import actions

    return window.document.read(actions.people.person, person_id)


def test_cells_are_edited_in_place_checked_like_an_import_and_undoable(window, qtbot):
    page = directors(window)
    before = _stored(window, "D02")
    assert page.proxy.flags(_cell(page, "D02", "Name")) & Qt.ItemFlag.ItemIsEditable
    assert page.proxy.setData(_cell(page, "D02", "Name"), "Lin Xiaoyu-Chen") is False  # written by the action
    assert _stored(window, "D02").name == "Lin Xiaoyu-Chen"
    assert page.proxy.data(_cell(page, "D02", "Name")) == "Lin Xiaoyu-Chen"
    page.proxy.setData(_cell(page, "D02", "Genres"), "纪录片; sci-fi")
    assert _stored(window, "D02").genres == ("documentary", "sci-fi")
    page.proxy.setData(_cell(page, "D02", "Free slots"), "周四 上午; Fri EVE")
    assert _stored(window, "D02").availability == ("Thu AM", "Fri EVE")
    for _ in range(3):
        assert window.document.undo()
    assert _stored(window, "D02") == before


def test_a_value_that_cannot_be_read_changes_nothing_and_says_why(window, qtbot):
    page = window.roster_page(Role.PRODUCER)
    before = _stored(window, "P01")
    with qtbot.wait_signal(page.cellRefused) as refused:
        page.proxy.setData(_cell(page, "P01", "Capacity"), "three")
    assert "three" in refused.args[0] and _stored(window, "P01") == before
    assert not window.document.undo_stack.canUndo()
    page.proxy.setData(_cell(page, "P01", "Skills"), "editing:4; 摄影")
    assert _stored(window, "P01").skills == {"editing": 4, "cinematography": 3}
