"""The Pictures and Schedule pages follow the program in place (issue 11): a change made in another window (a
second document on the same SQLite file) or by the command line reaches them; only what it affects is
recomputed; the scroll position, the selected and the hovered cell stay; an answer computed in the
background for a state the program no longer holds is never shown."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QThreadPool

from gui_walk import copy_program, make_program
from pairing import actions
from pairing.domain import Lock
from ui.charts import PicturesPage
from ui.document import ProgramDocument
from ui.pictures_work import Affected

ROOT = Path(__file__).resolve().parents[2]
SEE_MS = 10_000  # "within a few seconds": a document looks for other viewers' changes every second


@pytest.fixture(scope="module")
def program_with_run(tmp_path_factory):
    return make_program(tmp_path_factory.mktemp("live") / "sample.pairing")


@pytest.fixture
def documents(program_with_run, tmp_path):
    """Two documents on one program file: the window the test looks at (here), another window (there)."""
    path = copy_program(program_with_run, tmp_path)
    here, there = ProgramDocument.open(path), ProgramDocument.open(path)
    yield here, there
    QThreadPool.globalInstance().waitForDone(60_000)
    there.close()
    here.close()


@pytest.fixture
def pictures(documents, qtbot):
    page = PicturesPage(documents[0])
    qtbot.addWidget(page)
    page.resize(640, 420)  # small enough for the heatmap to scroll both ways
    with qtbot.wait_signal(page.dataReady, timeout=SEE_MS):
        page.show()
    return page


def rename(document, person_id: str, name: str):
    person = document.read(actions.people.person, person_id)
    assert document.perform("Rename", actions.people.edit_person, person.with_changes(name=name)) is not None


def names(page) -> dict[str, str]:
    return dict(page.data.directors)


def test_a_rename_in_another_window_changes_one_row_and_keeps_scroll_selection_and_hover(pictures, documents,
                                                                                         qtbot):
    page, (_here, there) = pictures, documents
    heatmap = page.heatmap
    v, h = page.heat_area.verticalScrollBar(), page.heat_area.horizontalScrollBar()
    assert v.maximum() > 0 and h.maximum() > 0
    v.setValue(v.maximum() // 2)
    h.setValue(h.maximum() // 2)
    scrolled = (v.value(), h.value())
    directors = [d for d, _name in page.data.directors]
    chosen_pair = (directors[-1], page.data.producers[-1][0])
    heatmap.select(chosen_pair)
    v.setValue(scrolled[0])
    h.setValue(scrolled[1])
    shown = heatmap.visibleRegion().boundingRect()
    left, top = heatmap._margins()
    under_mouse = shown.topLeft() + QPoint(left + heatmap.cell + 3, top + heatmap.cell + 3)
    qtbot.mouseMove(heatmap, under_mouse)
    hovered = heatmap.hovered
    assert hovered is not None and hovered == heatmap.pair_at(*heatmap.cell_at(under_mouse))
    renamed = directors[3]
    with qtbot.wait_signal(page.dataReady, timeout=SEE_MS):
        rename(there, renamed, "Renamed Elsewhere")
    assert names(page)[renamed] == "Renamed Elsewhere"
    assert page.last_affected == Affected(directors=frozenset({renamed}))  # one row, not the matrix
    assert (v.value(), h.value()) == scrolled
    assert heatmap.selected == chosen_pair and heatmap.hovered == hovered
    assert page.data.producers[-1][1] in page.selected_label.text()


def test_a_new_run_made_elsewhere_shows_its_pictures_without_recomputing_pairs(pictures, documents, qtbot):
    page, (here, there) = pictures, documents
    run = there.read(actions.reading.latest_run)
    with qtbot.wait_signal(page.dataReady, timeout=SEE_MS):
        there.perform("Restore", actions.runs.restore_run, replace(run, id=run.id + 1))
    assert page.data.run_id == run.id + 1
    assert not page.last_affected  # the same teams: no pair's score moved
    locked, generation, seen = run.result.teams[0], page.generation, []
    here.elsewhere.connect(seen.append)
    there.perform("Lock", actions.locks.set_locks, [Lock(locked.director, locked.producer)], True)
    qtbot.wait_until(lambda: any("lock" in tables for tables in seen), timeout=SEE_MS)
    assert page.generation == generation and page.operation is None  # a lock draws nothing here


def test_an_answer_for_a_state_the_program_no_longer_holds_is_dropped(pictures, documents, qtbot, monkeypatch):
    import ui.pictures_work as work

    page, (here, _there) = pictures, documents
    entered, gate = threading.Event(), threading.Event()
    original = work.recompute

    def held(*args, **kwargs):  # the first computation waits, after its read, until the test lets it go
        entered.set()
        gate.wait(30)
        return original(*args, **kwargs)

    monkeypatch.setattr(work, "recompute", held)
    shown, dropped = [], []
    page.dataReady.connect(lambda: shown.append(dict(page.data.directors)))
    page.resultDropped.connect(dropped.append)
    director, before = page.data.directors[0][0], page.generation
    rename(here, director, "First Name")
    qtbot.wait_until(entered.is_set, timeout=SEE_MS)  # it has read "First Name" and computes
    rename(here, director, "Second Name")
    assert page.generation == before + 2
    with qtbot.wait_signal(page.dataReady, timeout=SEE_MS):
        gate.set()
    assert dropped == [before + 1] and [s[director] for s in shown] == ["Second Name"]
    assert page.last_affected == Affected(directors=frozenset({director}))  # from the dropped answer's basis


def test_pictures_that_could_not_be_computed_say_so_and_the_next_change_computes_them(pictures, documents, qtbot,
                                                                                      monkeypatch):
    import ui.pictures_work as work

    page, (here, _there) = pictures, documents
    original, calls = work.recompute, []

    def failing_once(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise ValueError("the disk went away")
        return original(*args, **kwargs)

    monkeypatch.setattr(work, "recompute", failing_once)
    director = page.data.directors[0][0]
    rename(here, director, "Not Shown")
    qtbot.wait_until(lambda: "the disk went away" in page.status.text() and page.operation is None, timeout=SEE_MS)
    assert names(page)[director] != "Not Shown"
    with qtbot.wait_signal(page.dataReady, timeout=SEE_MS):
        rename(here, director, "Shown Again")
    assert names(page)[director] == "Shown Again" and "the disk went away" not in page.status.text()


# -- the Schedule page --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def program_with_schedule(program_with_run, tmp_path_factory):
    """The sample with a run and its meetings over four weeks."""
    import datetime as dt

    from pairing.actions import scheduling
    from pairing.actions.program import open_program
    from pairing.domain import Cadence
    from pairing.storage import program_repo

    path = copy_program(program_with_run, tmp_path_factory.mktemp("scheduled"))
    store = open_program(path)
    try:
        with store.sessions.begin() as session:
            properties = program_repo.get_properties(session)
            program_repo.save_properties(session, replace(properties, start=dt.date(2027, 3, 1), weeks=4,
                                                          cadence=Cadence.WEEKLY))
        scheduling.schedule(store.sessions, time_limit_s=10)
    finally:
        store.close()
    return path


@pytest.fixture
def scheduled(program_with_schedule, tmp_path):
    path = copy_program(program_with_schedule, tmp_path)
    here, there = ProgramDocument.open(path), ProgramDocument.open(path)
    yield here, there
    QThreadPool.globalInstance().waitForDone(60_000)
    there.close()
    here.close()


def schedule_page(document, qtbot, qtmodeltester):
    from ui.schedule_page import SchedulePage

    page = SchedulePage(document)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.wait_until(lambda: page.loader is None and page.schedule is not None, timeout=SEE_MS)
    qtmodeltester.check(page.model)  # and on every change from here on
    return page


class Resets(list):
    """Every model reset of the watched models: the page changes cells and lines, never resets (issue 11)."""

    def watch(self, *models) -> "Resets":
        for model in models:
            model.modelAboutToBeReset.connect(lambda model=model: self.append(type(model).__name__))
        return self


def busy_cell(page):
    """A cell of the shown week with a meeting: (index, its first meeting)."""
    for row in range(page.model.rowCount()):
        for column in range(page.model.columnCount()):
            meetings = page.model.meetings_at(page.model.index(row, column))
            if meetings:
                return page.model.index(row, column), meetings[0]
    raise AssertionError("no meeting in the shown week")


def test_a_rename_elsewhere_changes_the_schedules_cells_in_place(scheduled, qtbot, qtmodeltester):
    here, there = scheduled
    page = schedule_page(here, qtbot, qtmodeltester)
    index, meeting = busy_cell(page)
    mentor = meeting.people[1]
    page.person_box.setCurrentIndex(page.person_box.findData(mentor))  # one mentor's week
    page.view.setCurrentIndex(index)
    resets = Resets().watch(page.model, page.person_box.model(), page.cell_list.model())
    schedule, changed = page.schedule, []
    page.model.dataChanged.connect(lambda first, last: changed.append((first.row(), first.column())))
    with qtbot.wait_signal(page.loaded, timeout=SEE_MS):
        rename(there, meeting.team, "Renamed Elsewhere")
    assert "Renamed Elsewhere" in page.model.data(index)
    shown = {(i.row(), i.column()) for i in (page.model.index_of(m) for m in page.schedule.of_team(meeting.team))
             if i.isValid()}
    assert set(changed) == shown  # the renamed team's cells of the shown week, no other
    assert page.view.currentIndex() == index and page.person_box.currentData() == mentor
    assert (page.model.chosen.team, page.model.chosen.period) == (meeting.team, meeting.period)
    assert any("Renamed Elsewhere" in page.person_box.itemText(i) for i in range(page.person_box.count()))
    assert "Renamed Elsewhere" in page.cell_list.item(0).text() and resets == []
    assert page.schedule is schedule  # a person changed, not a run: the meetings were not read again


def test_a_team_changed_elsewhere_shows_the_banner_and_its_action_mends_it(scheduled, qtbot, qtmodeltester):
    here, there = scheduled
    page = schedule_page(here, qtbot, qtmodeltester)
    assert not page.banner.isVisible()
    run = there.read(actions.reading.latest_run)
    teams = list(run.result.teams)
    first, other = teams[0], next(t for t in teams[1:] if t.producer != teams[0].producer)
    teams[0] = replace(first, producer=other.producer)
    with qtbot.wait_signal(page.loaded, timeout=SEE_MS):
        there.perform("Move", actions.runs.set_result, run.id, replace(run.result, teams=tuple(teams)))
    assert page.banner.isVisible() and page.problems.stale_teams == (first.director,)
    assert here.read(actions.people.person, first.director).name in page.banner_label.text()
    with qtbot.wait_signal(page.said, timeout=30_000):
        page.update_button.click()
    assert not page.banner.isVisible() and page.schedule.stale_teams(page.run.result) == ()


def test_a_member_no_longer_free_elsewhere_shows_the_banner(scheduled, qtbot, qtmodeltester):
    here, there = scheduled
    page = schedule_page(here, qtbot, qtmodeltester)
    _index, meeting = busy_cell(page)
    person = there.read(actions.people.person, meeting.people[-1])
    free = tuple(slot for slot in person.availability if slot != meeting.slot)
    with qtbot.wait_signal(page.loaded, timeout=SEE_MS):
        there.perform("Busy", actions.people.edit_person, person.with_changes(availability=free))
    assert page.banner.isVisible() and meeting.team in {m.team for m in page.problems.not_free}
    assert "no longer free" in page.banner_label.text() and not page.problems.only_teams


def test_a_schedule_read_for_a_state_the_program_no_longer_holds_is_dropped(scheduled, qtbot, qtmodeltester,
                                                                          monkeypatch):
    import ui.schedule_work as work

    here, _there = scheduled
    page = schedule_page(here, qtbot, qtmodeltester)
    _index, meeting = busy_cell(page)
    entered, gate = threading.Event(), threading.Event()
    original = work.schedule_problems

    def held(*args, **kwargs):  # the first read waits, after reading, until the test lets it go
        entered.set()
        gate.wait(30)
        return original(*args, **kwargs)

    monkeypatch.setattr(work, "schedule_problems", held)
    labels, dropped = [], []
    page.loaded.connect(lambda: labels.append(page.model.label(page.model.find(meeting.team, meeting.period))))
    page.resultDropped.connect(dropped.append)
    before = page.generation
    rename(here, meeting.team, "First Name")
    qtbot.wait_until(entered.is_set, timeout=SEE_MS)
    rename(here, meeting.team, "Second Name")
    with qtbot.wait_signal(page.loaded, timeout=SEE_MS):
        gate.set()
    assert dropped == [before + 1] and len(labels) == 1 and labels[0].endswith("Second Name")


def test_a_command_line_import_reaches_the_open_pictures_and_schedule(scheduled, qtbot, qtmodeltester, tmp_path):
    here, _there = scheduled
    schedule = schedule_page(here, qtbot, qtmodeltester)
    pictures = PicturesPage(here)
    qtbot.addWidget(pictures)
    with qtbot.wait_signal(pictures.dataReady, timeout=SEE_MS):
        pictures.show()
    _index, meeting = busy_cell(schedule)
    roster = tmp_path / "rename.csv"
    roster.write_text(f"id,name,role\n{meeting.team},Renamed From The Command Line,director\n", encoding="utf-8")
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "import", str(roster), "--db", here.location,
                           "--on-conflict", "update"], capture_output=True, text=True, cwd=ROOT, timeout=120,
                          env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert done.returncode == 0, done.stderr
    qtbot.wait_until(lambda: names(pictures)[meeting.team] == "Renamed From The Command Line"
                     and "Renamed From The Command Line" in schedule.model.label(meeting), timeout=SEE_MS)
    assert pictures.last_affected == Affected(directors=frozenset({meeting.team}))
