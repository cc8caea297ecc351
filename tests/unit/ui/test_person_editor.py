"""The person editor: validation, vocabulary tag fields, the availability grid, ordered preferences."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from pairing.domain import Role
from ui.person_editor import PersonEditor
from ui.roster_page import RosterPage
from ui.widgets.availability_grid import AvailabilityGrid
from ui.widgets.tag_edit import TagEdit

from shell_support import make_document, roster_state


@pytest.fixture
def document(tmp_path, qtbot):
    doc = make_document(tmp_path / "e.pairing")
    yield doc
    doc.close()


def _editor(qtbot, document, person_id=None, person=None, is_new=False):
    person = person or roster_state(document)[0][person_id]
    editor = PersonEditor(document, person, is_new=is_new)
    qtbot.addWidget(editor)
    return editor


def _ok(editor):
    return editor.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_a_missing_name_disables_ok_and_says_so(qtbot, document):
    editor = _editor(qtbot, document, "D01")
    assert _ok(editor).isEnabled()
    editor.name_edit.clear()
    assert not _ok(editor).isEnabled()
    assert "name" in editor.message.text()
    qtbot.keyClicks(editor.name_edit, "Chen")  # QTest types ASCII only
    assert _ok(editor).isEnabled()


def test_an_id_used_by_someone_else_is_refused(qtbot, document):
    editor = _editor(qtbot, document, "D01")
    editor.id_edit.setText("P01")
    assert not _ok(editor).isEnabled()
    assert "P01" in editor.message.text()
    editor.id_edit.setText("D42")
    assert _ok(editor).isEnabled()


def test_a_chinese_term_is_stored_canonically_and_an_unknown_one_is_marked(qtbot):
    edit = TagEdit("genre")
    qtbot.addWidget(edit)
    edit.show()
    edit.line_edit.setText("科幻, 剧情, ")  # QTest cannot type Chinese; an input method would set it
    qtbot.keyClicks(edit.line_edit, "science fiction, cyberpunkish")
    assert edit.values() == ("sci-fi", "drama", "cyberpunkish")
    assert [text for text, _ in edit.unknown()] == ["cyberpunkish"]
    assert edit.hint.isVisibleTo(edit) and "cyberpunkish" in edit.hint.text()


def test_skills_keep_their_levels(qtbot):
    edit = TagEdit("skill", levels=True)
    qtbot.addWidget(edit)
    edit.line_edit.setText("剪辑:4, sound")
    assert edit.levels_map() == {"editing": 4, "sound": 3}
    edit.tidy()
    assert edit.line_edit.text() == "Editing:4, Sound"


def test_completion_offers_both_languages(qtbot):
    edit = TagEdit("genre")
    qtbot.addWidget(edit)
    words = edit.completion_words()
    assert "Sci-fi" in words and "科幻" in words


def test_the_grid_toggles_by_click_drag_and_keyboard(qtbot):
    grid = AvailabilityGrid(("Mon AM", "Mon PM", "Mon EVE", "Tue AM", "Tue PM", "Tue EVE"))
    qtbot.addWidget(grid)
    grid.show()
    cell = lambda row, col: grid._cell_rect(row, col).center()  # noqa: E731
    qtbot.mouseClick(grid, Qt.MouseButton.LeftButton, pos=cell(0, 0))
    assert grid.selected() == ("Mon AM",)
    qtbot.mousePress(grid, Qt.MouseButton.LeftButton, pos=cell(1, 0))
    qtbot.mouseMove(grid, cell(1, 2))
    qtbot.mouseRelease(grid, Qt.MouseButton.LeftButton, pos=cell(1, 2))
    assert "Tue AM" in grid.selected() and "Tue EVE" in grid.selected()
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_Space)   # the cursor is on the last cell dragged: Tue EVE
    assert "Tue EVE" not in grid.selected()
    qtbot.keyClick(grid, Qt.Key.Key_Up)
    qtbot.keyClick(grid, Qt.Key.Key_Space)
    assert "Mon EVE" in grid.selected()
    qtbot.mouseClick(grid, Qt.MouseButton.LeftButton, pos=cell(-1, 1))  # the PM header selects the column
    assert {"Mon PM", "Tue PM"} <= set(grid.selected())


def test_the_edited_person_carries_every_field(qtbot, document):
    editor = _editor(qtbot, document, "D01")
    editor.genres_edit.line_edit.setText("纪录片")
    editor.notes_edit.setPlainText("moved to Shanghai")
    editor.grid.set_selected(("Wed AM",))
    person = editor.person()
    assert person.genres == ("documentary",)
    assert person.notes == "moved to Shanghai"
    assert person.availability == ("Wed AM",)
    assert person.prefers == ("P01", "I01") and person.needs == ("screenwriting", "editing")


def test_preferences_reorder_and_avoid_picks_from_the_roster(qtbot, document):
    editor = _editor(qtbot, document, "D01")
    prefers = editor.prefers_list
    prefers.view.setCurrentIndex(prefers.model.index(1, 0))
    qtbot.mouseClick(prefers.up_button, Qt.MouseButton.LeftButton)
    editor.avoid_list.picker.setCurrentIndex(editor.avoid_list.picker.findData("P02"))
    qtbot.mouseClick(editor.avoid_list.add_button, Qt.MouseButton.LeftButton)
    person = editor.person()
    assert person.prefers == ("I01", "P01")
    assert person.avoid == ("P02",)
    assert all(editor.prefers_list.picker.itemData(i)[0] in "PI" for i in range(editor.prefers_list.picker.count()))


def test_capacity_for_mentors_only(qtbot, document):
    mentor = _editor(qtbot, document, "P02")
    mentor.show()
    assert mentor.capacity_spin.isVisible()
    assert mentor.capacity_spin.text() == "Default (3)"
    mentor.capacity_spin.setValue(5)
    assert mentor.person().capacity == 5
    director = _editor(qtbot, document, "D02")
    director.show()
    assert not director.capacity_spin.isVisible()


def test_adding_a_person_through_the_page_is_undoable(qtbot, document):
    page = RosterPage(document, Role.DIRECTOR)
    qtbot.addWidget(page)
    page.add_person()
    editor = page.editor
    assert editor.id_edit.text() == "D04" and not _ok(editor).isEnabled()
    qtbot.keyClicks(editor.name_edit, "Nadia Rahman")
    with qtbot.wait_signal(document.rosterChanged):
        qtbot.mouseClick(_ok(editor), Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 4 and page.selected_ids() == ["D04"]
    document.undo_stack.undo()
    assert page.model.rowCount() == 3


def test_the_people_list_model_passes_the_model_tester(qtmodeltester):
    from ui.models.people_list_model import PeopleListModel

    model = PeopleListModel(["P01", "I01", "X9"], {"P01": "Zhou Min", "I01": "Ana Costa"})
    qtmodeltester.check(model)
    assert model.index(2, 0).data() == "X9"  # an id no longer in the roster is shown as it is
    assert model.move(0, 1) == 1 and model.ids() == ("I01", "P01", "X9")
    model.remove(2)
    assert not model.append("P01") and model.append("P02")
    qtmodeltester.check(model)


def test_a_long_dated_calendar_scrolls(qtbot, document):
    import dataclasses
    import datetime as dt

    from pairing.calendar import dated_calendar
    from pairing.storage import repo

    with document.store.sessions.begin() as session:
        settings = repo.get_settings(session)
        repo.save_settings(session, dataclasses.replace(
            settings, calendar=dated_calendar(dt.date(2026, 3, 2), dt.date(2026, 4, 30))))
    editor = _editor(qtbot, document, "D01")
    assert len(editor.grid.days) == 60
    assert editor.grid.parentWidget().parentWidget() is not None  # inside a scroll area's viewport
    assert editor.grid.sizeHint().height() > editor.sizeHint().height()
    editor.grid.set_selected(("2026-03-03 PM",))
    assert editor.person().availability[0] == "2026-03-03 PM"


def test_cancel_with_changes_asks_before_discarding(qtbot, document, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args: (asked.append(args[2]), answers.pop(0))[1])
    editor = _editor(qtbot, document, "D01")
    editor.show()
    editor.reject()               # nothing changed: closes without asking
    assert asked == [] and not editor.isVisible()
    editor.show()
    editor.notes_edit.setPlainText("changed")
    editor.reject()               # the curator chooses Cancel: the editor stays open
    assert editor.isVisible() and "陈思远" in asked[0]
    editor.reject()               # then Discard
    assert not editor.isVisible()


def test_ok_without_changes_adds_no_undo_step(qtbot, document):
    page = RosterPage(document, Role.PRODUCER)
    qtbot.addWidget(page)
    page.select_ids(["P01"], "P01")
    page.edit_selected()
    qtbot.mouseClick(_ok(page.editor), Qt.MouseButton.LeftButton)
    assert document.undo_stack.count() == 0


def test_columns_kept_from_an_import_are_shown_and_kept(qtbot, document):
    person = roster_state(document)[0]["D03"].with_changes(extra={"微信": "maya_docs"})
    editor = _editor(qtbot, document, person=person)
    assert "微信: maya_docs" in editor._extra_label().text()
    assert editor.person().extra == {"微信": "maya_docs"}
