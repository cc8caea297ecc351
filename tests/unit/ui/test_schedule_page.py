"""The Schedule page (issue 10): the week grid (checked with qtmodeltester), the person filter, moving a
meeting by keyboard and by drop with the checks live, undo, and re-scheduling in the background."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from pairing.actions import scheduling
from pairing.domain import Cadence, Person, Role, RunResult, RunStatus, Settings, Team
from pairing.storage import program_repo, repo
from ui.document import ProgramDocument
from ui.program_dialog import ProgramDialog
from ui.schedule_page import SchedulePage

FREE = ("Mon AM", "Mon PM", "Tue AM")


@pytest.fixture
def document(tmp_path, qtbot):
    document = ProgramDocument.open(tmp_path / "p.pairing")
    people = [Person("D01", "Ann", Role.DIRECTOR, availability=FREE),
              Person("D02", "Bo", Role.DIRECTOR, availability=("Mon AM",)),
              Person("P01", "Helen Ma", Role.PRODUCER, availability=FREE),
              Person("I01", "Ivy", Role.INSTRUCTOR, availability=FREE),
              Person("I02", "Jon", Role.INSTRUCTOR, availability=("Mon AM",)),
              Person("D03", "Cy", Role.DIRECTOR, availability=("Sun EVE",))]
    teams = (Team("D01", "P01", ("I01",)), Team("D02", "P01", ("I02",)), Team("D03", "P01", ("I02",)))
    with document.store.sessions.begin() as session:
        repo.add_people(session, people)
        properties = program_repo.get_properties(session)
        program_repo.save_properties(session, replace(properties, start=dt.date(2027, 3, 1), weeks=4,
                                                      cadence=Cadence.WEEKLY))
        repo.save_run(session, Settings(), RunResult(RunStatus.FEASIBLE, teams=teams))
    scheduling.schedule(document.store.sessions, time_limit_s=5)
    yield document
    document.close()


def open_page(document, qtbot) -> SchedulePage:
    """The page once it has read the program (it reads in the background)."""
    page = SchedulePage(document)
    qtbot.addWidget(page)
    qtbot.wait_until(lambda: page.loader is None and page.program is not None, timeout=10_000)
    return page


def settled(page, qtbot, act) -> None:
    """Do something that changes the program, and wait until the page shows it."""
    with qtbot.wait_signal(page.loaded, timeout=10_000):
        act()
    qtbot.wait_until(lambda: page.loader is None, timeout=10_000)


def stored(document):
    with document.store.sessions() as session:
        return scheduling.schedule_of(session, repo.latest_run(session).id)


def test_the_week_grid_shows_each_meeting_and_passes_the_model_tester(document, qtbot, qtmodeltester):
    page = open_page(document, qtbot)
    qtmodeltester.check(page.model)
    assert (page.model.rowCount(), page.model.columnCount()) == (3, 7)
    monday_am = page.model.index(0, 0)
    assert page.model.data(monday_am) == "2 · Bo"
    assert "Helen Ma" in page.model.data(monday_am, 3)  # tooltip names the members
    texts = [page.model.data(page.model.index(r, c)) for r in range(3) for c in range(7)]
    assert sum(1 for t in texts if t) == 2
    assert page.unscheduled_list.count() == 1
    assert "Cy (D03)" in page.unscheduled_list.item(0).text()


def test_the_person_filter_shows_one_persons_week(document, qtbot):
    page = open_page(document, qtbot)
    page.person_box.setCurrentIndex(page.person_box.findData("I02"))
    texts = [page.model.data(page.model.index(r, c)) for r in range(3) for c in range(7)]
    assert [t for t in texts if t] == ["2 · Bo"]
    page.person_box.setCurrentIndex(page.person_box.findData(None))
    assert len([1 for r in range(3) for c in range(7) if page.model.data(page.model.index(r, c))]) == 2


def test_moving_a_meeting_by_keyboard_and_undoing_it(document, qtbot, qtmodeltester):
    page = open_page(document, qtbot)
    before = stored(document)
    ann = next(m for m in before.meetings if m.team == "D01" and m.week == 0)
    page.view.setCurrentIndex(page.model.index_of(ann))
    assert page.model.chosen == ann
    settled(page, qtbot, lambda: page.move_by(1, -1) if ann.slot == "Mon PM" else page.move_by(-1, 1))  # Mon PM <-> Tue AM
    after = stored(document)
    moved = next(m for m in after.meetings if m.team == "D01" and m.period == ann.period)
    assert moved.slot == ("Tue AM" if ann.slot == "Mon PM" else "Mon PM") and moved.pinned
    assert document.undo_stack.count() == 1
    qtmodeltester.check(page.model)
    assert page.model.chosen == moved and page.view.currentIndex() == page.model.index_of(moved)  # it follows
    settled(page, qtbot, document.undo_stack.undo)
    assert stored(document) == before
    assert page.model.data(page.model.index_of(ann)) == "1 · Ann"
    settled(page, qtbot, document.undo_stack.redo)
    assert stored(document).meetings == after.meetings


def test_a_drop_where_a_member_is_busy_or_not_free_is_refused_live(document, qtbot):
    page = open_page(document, qtbot)
    ann = next(m for m in stored(document).meetings if m.team == "D01" and m.week == 0)
    page.view.setCurrentIndex(page.model.index_of(ann))
    data = page.model.mimeData([page.model.index_of(ann)])
    with qtbot.wait_signal(page.model.checked) as blocker:
        assert not page.model.canDropMimeData(data, None, -1, -1, page.model.index(0, 0))  # Mon AM: Bo's meeting
    assert "Helen Ma (P01)" in page.problems_label.text()
    assert "already meets" in page.problems_label.text()
    assert blocker.args[0]
    assert not page.model.canDropMimeData(data, None, -1, -1, page.model.index(2, 3))  # Thu EVE: nobody free
    assert "not free" in page.problems_label.text()
    assert stored(document).of_team("D01")[0] == ann and document.undo_stack.count() == 0


def test_a_drop_on_a_free_cell_moves_the_meeting(document, qtbot):
    page = open_page(document, qtbot)
    ann = next(m for m in stored(document).meetings if m.team == "D01" and m.week == 0)
    index = page.model.index_of(ann)
    page.view.setCurrentIndex(index)
    data = page.model.mimeData([index])
    target = page.model.index(1, 0) if ann.slot == "Tue AM" else page.model.index(0, 1)
    page.model.dropMimeData(data, None, -1, -1, target)
    assert stored(document).of_team("D01")[0].slot != ann.slot
    document.undo_stack.undo()
    assert stored(document).of_team("D01")[0] == ann


def test_a_moved_meeting_is_named_in_the_language_shown_after_a_switch(document, qtbot):
    """Issue 11 (honest undo): the Schedule page's steps are values, said again when the language changes."""
    from ui.app import switch_language

    page = open_page(document, qtbot)
    ann = next(m for m in stored(document).meetings if m.team == "D01" and m.week == 0)
    index = page.model.index_of(ann)
    target = page.model.index(1, 0) if ann.slot == "Tue AM" else page.model.index(0, 1)
    page.model.dropMimeData(page.model.mimeData([index]), None, -1, -1, target)
    number = page.model.numbers[ann.team]
    assert document.undo_stack.undoText() == f"Move the meeting of team {number}"
    try:
        switch_language("zh_CN")
        document.say_steps_again()
        assert document.undo_stack.undoText() == f"移动第 {number} 组的会面"
    finally:
        switch_language("en")
    document.say_steps_again()
    assert document.undo_stack.undoText() == f"Move the meeting of team {number}"


def test_rescheduling_runs_in_the_background_and_is_undoable(document, qtbot):
    page = open_page(document, qtbot)
    with document.store.sessions.begin() as session:
        program_repo.delete_schedule(session, repo.latest_run(session).id)
    settled(page, qtbot, page.reload)
    assert page.model.rowCount() == 0
    page.fresh_box.setChecked(True)
    page.schedule_button.click()
    assert not page.progress.isHidden() and page.cancel_button.isEnabled()
    qtbot.wait_until(lambda: document.undo_stack.count() == 1 and page.model.rowCount() == 3, timeout=30000)
    assert page.progress.isHidden() and page.schedule_button.isEnabled()
    assert len(stored(document).meetings) == 8
    document.undo_stack.undo()
    assert stored(document) is None


def test_the_program_dialog_saves_undoably_and_refuses_a_bad_time_zone(document, qtbot):
    dialog = ProgramDialog(document)
    qtbot.addWidget(dialog)
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("screenwriting"))
    dialog.kind_box.activated.emit(dialog.kind_box.currentIndex())
    assert dialog.role_edits["director"][1].text() == "编剧学员"
    dialog.zone_box.setCurrentText("Mars/Olympus")
    dialog.accept()
    assert "Mars/Olympus" in dialog.error_label.text() and dialog.result() == 0
    dialog.zone_box.setCurrentText("Asia/Shanghai")
    dialog.weeks_box.setValue(12)
    dialog.accept()
    with document.store.sessions() as session:
        saved = program_repo.get_properties(session)
    assert saved.weeks == 12 and saved.role_word("director", "en") == "screenwriter"
    document.undo_stack.undo()
    with document.store.sessions() as session:
        assert program_repo.get_properties(session).weeks == 4


def test_the_roster_tabs_use_the_programs_role_names(document, qtbot, tmp_path):
    from ui.main_window import MainWindow
    from ui.settings_store import SettingsStore

    window = MainWindow(SettingsStore.at(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    window.open_program(document.location)
    assert window.tabs.tabText(0).startswith("Young directors")
    dialog = ProgramDialog(window.document, window)
    qtbot.addWidget(dialog)
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("screenwriting"))
    dialog.kind_box.activated.emit(dialog.kind_box.currentIndex())
    dialog.accept()
    assert [window.tabs.tabText(i).split(" (")[0] for i in range(3)] == ["Screenwriters", "Lead mentors", "Instructors"]
    window.document.undo_stack.undo()
    assert window.tabs.tabText(0).startswith("Young directors")
    window.close_document()


def test_after_a_manual_change_the_page_says_so_until_the_meetings_are_placed_again(document, qtbot):
    page = open_page(document, qtbot)
    teams = (Team("D01", "P01", ("I02",)), Team("D02", "P01", ("I02",)), Team("D03", "P01", ("I02",)))
    with document.store.sessions.begin() as session:  # a mentor swapped on the Pairing page
        run = repo.latest_run(session)
        repo.replace_run_result(session, run.id, replace(run.result, teams=teams))
    settled(page, qtbot, page.reload)
    assert page.banner.isVisibleTo(page) and page.problems.only_teams
    assert "D01" in page.banner_label.text() and "Schedule meetings" in page.banner_label.text()
    with qtbot.wait_signal(page.said, timeout=30000):
        page.update_button.click()
    assert document.undo_stack.count() == 1
    assert stored(document).stale_teams(RunResult(RunStatus.FEASIBLE, teams=teams)) == ()
    assert not page.banner.isVisibleTo(page)
    assert all(m.people[-1] == "I02" for m in stored(document).meetings)  # every meeting with its new people
    assert {u.team for u in stored(document).unscheduled} >= {"D03"}


def test_the_team_table_headers_use_the_programs_role_names(qtbot):
    from pairing.domain import ProgramKind, ProgramProperties, template_roles
    from ui.models.team_model import TeamTableModel

    model = TeamTableModel()
    camp = ProgramProperties(kind=ProgramKind.ACTION, roles=template_roles(ProgramKind.ACTION))
    with qtbot.wait_signal(model.headerDataChanged):
        model.set_role_names(camp.role_names())
    model.set_teams([], {}, lang="zh_CN")
    assert [model.headerData(i, Qt.Orientation.Horizontal) for i in (1, 2, 3)] == ["学员", "动作导演", "教练"]
    model.set_teams([], {}, lang="en")
    assert [model.headerData(i, Qt.Orientation.Horizontal) for i in (1, 2, 3)] == ["Performer", "Action director",
                                                                                  "Coaches"]


def test_the_banner_says_who_left_and_that_the_dates_changed_and_a_roster_change_reads_no_schedule(document, qtbot):
    from pairing import actions

    page = open_page(document, qtbot)
    document.poll_timer.stop()
    document.poll()  # the fixture wrote past the document: what it wrote is read once, now
    qtbot.wait_until(lambda: page.loader is None, timeout=10_000)
    shown = page.schedule
    assert not page.problems and not page.banner.isVisibleTo(page)
    settled(page, qtbot, lambda: document.perform("Delete", actions.people.delete_people, ["I01"]))
    assert page.schedule is shown  # people changed, not runs: the schedule was not read again
    assert page.problems.left == ("I01",) and "left the roster (I01)" in page.banner_label.text()
    assert "anew" in page.update_button.toolTip()  # not only teams changed: every meeting is placed anew
    settled(page, qtbot, document.undo_stack.undo)
    assert not page.problems and not page.banner.isVisibleTo(page)
    properties = document.read(actions.properties.properties)
    settled(page, qtbot, lambda: document.perform("Weeks", actions.properties.save_properties,
                                                  replace(properties, weeks=6)))
    assert page.problems.dates_changed and "dates" in page.banner_label.text()


def test_a_list_of_the_page_changes_line_by_line_and_keeps_its_scroll_position(qtbot):
    from PySide6.QtWidgets import QListWidget

    from ui.schedule_page import _set_lines

    widget = QListWidget()
    qtbot.addWidget(widget)
    widget.resize(200, 120)
    widget.show()
    _set_lines(widget, [f"Team {i} is short" for i in range(100)])
    widget.setCurrentRow(45)
    qtbot.wait_until(lambda: widget.verticalScrollBar().value() > 0)  # the current row scrolled into view
    widget.verticalScrollBar().setValue(40)
    kept = widget.item(45)
    with qtbot.assert_not_emitted(widget.model().modelReset):
        _set_lines(widget, [f"Team {i} is short" if i != 45 else "Team 45 has its meetings" for i in range(99)])
    assert widget.verticalScrollBar().value() == 40 and widget.currentItem() is kept
    assert kept.text() == "Team 45 has its meetings" and widget.count() == 99


def test_the_meetings_of_a_slot_wrap_instead_of_scrolling_sideways(document, qtbot):
    """Long member names in the selected slot's list wrap within the side panel (issue 11: the list scrolled
    sideways at 1280×800)."""
    with document.store.sessions.begin() as session:
        long = Person("P01", "Helen Ma of the Northern Film Academy's Documentary and Animation Department",
                      Role.PRODUCER, availability=FREE)
        repo.save_person(session, long)
    page = open_page(document, qtbot)
    page.resize(1280, 800)
    page.show()
    qtbot.wait_exposed(page)
    page.view.setCurrentIndex(page.model.index(0, 0))
    assert page.cell_list.count() >= 1 and "Documentary and Animation" in page.cell_list.item(0).text()
    bar = page.cell_list.horizontalScrollBar()
    assert bar.maximum() == bar.minimum(), "the list scrolls sideways"
    item = page.cell_list.visualItemRect(page.cell_list.item(0))
    assert item.width() <= page.cell_list.viewport().width()
