"""One program, many viewers (issue 11, item 1): two windows on one file, the command line while a window is
open, a stale write refused with an offer to reload, an undo that cannot apply, read-only."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThreadPool

from backends import on_server
from gui_walk import sample_program
from pairing import actions
from pairing.actions.program import open_program as open_program_store
from pairing.domain import Role
from ui.main_window import MainWindow
from ui.settings_store import SettingsStore

ROOT = Path(__file__).resolve().parents[2]
SEE_MS = 10_000  # "within a few seconds": the window polls every second


@pytest.fixture
def program(tmp_path):
    return sample_program(tmp_path / "shared.pairing")


class Asked(list):
    """The questions "this program is open elsewhere" asked, and the answer given (False: open to edit)."""

    answer: bool | None = False


@pytest.fixture
def asked(monkeypatch):
    questions = Asked()
    monkeypatch.setattr(MainWindow, "ask_open_elsewhere", lambda window, others: questions.append(others)
                        or questions.answer)
    return questions


def open_window(qtbot, tmp_path, program, name: str) -> MainWindow:
    window = MainWindow(SettingsStore.at(tmp_path / f"{name}.ini"))
    qtbot.addWidget(window)
    assert window.open_program(str(program))
    window.show()
    return window


@pytest.fixture
def two_windows(qtbot, tmp_path, program, asked):
    first = open_window(qtbot, tmp_path, program, "first")
    second = open_window(qtbot, tmp_path, program, "second")
    yield first, second
    QThreadPool.globalInstance().waitForDone(30_000)


def names(window) -> dict[str, str]:
    page = window.roster_page(Role.DIRECTOR)
    return {page.model.person(r).id: page.model.person(r).name for r in range(page.model.rowCount())}


def test_the_second_window_is_warned_and_the_first_is_not(two_windows, asked):
    assert len(asked) == 1 and len(asked[0]) == 1 and asked[0][0].pid == os.getpid()


def test_a_deletion_in_one_window_shows_in_the_other(two_windows, qtbot):
    first, second = two_windows
    resets = Resets().watch(first.roster_page(Role.DIRECTOR).model)
    first.roster_page(Role.DIRECTOR).select_ids(["D07"])
    page = second.roster_page(Role.DIRECTOR)
    page.select_ids(["D05"])
    page.delete_selected()
    qtbot.wait_until(lambda: "D05" not in names(first), timeout=SEE_MS)
    assert first.roster_page(Role.DIRECTOR).model.rowCount() == 23
    assert resets == [] and first.roster_page(Role.DIRECTOR).selected_ids() == ["D07"]  # rows, not a reset


def test_an_edit_over_a_change_made_in_the_other_window_is_refused_and_offers_reload(two_windows, qtbot):
    from ui.commands import edit_person

    first, second = two_windows
    first.document.poll_timer.stop()  # the first window has not looked yet: it still shows the old D01
    seen = first.roster_page(Role.DIRECTOR).model.person(first.roster_page(Role.DIRECTOR).model.row_of("D01"))
    theirs = seen.with_changes(name="Renamed in the second window")
    assert edit_person(second.document, seen, theirs) is not None
    assert edit_person(first.document, seen, seen.with_changes(notes="only my notes")) is None
    assert first.refusal_box.isVisible() and "(D01) was changed in another window" in first.refusal_box.text()
    assert first.document.read(actions.people.person, "D01") == theirs  # nothing written over it
    first.reload_button.click()
    assert names(first)["D01"] == "Renamed in the second window"


def test_editing_a_person_deleted_elsewhere_does_not_bring_them_back(two_windows, qtbot):
    from ui.commands import edit_person

    first, second = two_windows
    first.document.poll_timer.stop()
    seen = first.roster_page(Role.DIRECTOR).model.person(first.roster_page(Role.DIRECTOR).model.row_of("D02"))
    page = second.roster_page(Role.DIRECTOR)
    page.select_ids(["D02"])
    page.delete_selected()
    assert edit_person(first.document, seen, seen.with_changes(notes="x")) is None
    assert "deleted" in first.refusal_box.text()
    assert "D02" not in {p.id for p in first.document.read(actions.reading.people)}


def test_an_undo_whose_person_came_back_elsewhere_says_so_and_keeps_the_stack(two_windows, qtbot, monkeypatch):
    """The issue's case: B deleted a person, A re-created them, B's Undo failed with an IntegrityError on the
    terminal and yet said "Undone"."""
    from PySide6.QtWidgets import QMessageBox

    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: said.append(args[2]))
    first, second = two_windows
    page = second.roster_page(Role.DIRECTOR)
    person = page.model.person(page.model.row_of("D03"))
    page.select_ids(["D03"])
    page.delete_selected()
    with first.document.store.sessions.begin() as session:  # the first window adds a new D03 meanwhile
        actions.people.add_people(session, [person.with_changes(name="Someone new")])
    index = second.document.undo_stack.index()
    second.undo_action.trigger()
    assert said and "D03" in said[0]
    assert second.document.undo_stack.index() == index and second.isWindowModified()
    assert "Undone" not in second.statusBar().currentMessage()


def test_a_command_line_import_shows_in_the_open_window(qtbot, tmp_path, program, asked):
    window = open_window(qtbot, tmp_path, program, "only")
    roster = tmp_path / "rename.csv"
    roster.write_text("id,name,role\nD01,Renamed From The Command Line,director\n", encoding="utf-8")
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "import", str(roster), "--db", str(program),
                           "--on-conflict", "update"], capture_output=True, text=True, cwd=ROOT, timeout=120,
                          env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert done.returncode == 0, done.stderr
    qtbot.wait_until(lambda: names(window)["D01"] == "Renamed From The Command Line", timeout=SEE_MS)
    assert asked == []  # the command line is not a window: nothing to warn about


def test_read_only_changes_nothing_and_says_so(qtbot, tmp_path, program, asked, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: said.append(args[2]))
    open_window(qtbot, tmp_path, program, "editor")
    asked.answer = True
    viewer = open_window(qtbot, tmp_path, program, "viewer")
    assert "(read-only)" in viewer.windowTitle() and not viewer.add_action.isEnabled()
    page = viewer.roster_page(Role.DIRECTOR)
    page.select_ids(["D01"])
    page.delete_selected()
    assert said and "read-only" in said[0]
    assert "D01" in names(viewer) and "D01" in {p.id for p in viewer.document.read(actions.reading.people)}


def test_closing_a_window_removes_it_from_the_viewers(qtbot, tmp_path, program, asked):
    first = open_window(qtbot, tmp_path, program, "first")
    first.close_document()
    open_window(qtbot, tmp_path, program, "second")
    assert asked == []


# -- the Pairing page of one window while another window or program changes the program -------------------

@pytest.fixture(scope="module")
def program_with_run(tmp_path_factory):
    from gui_walk import make_program

    return make_program(tmp_path_factory.mktemp("viewers") / "sample.pairing")


class Resets(list):
    """Every model reset of the watched models: the page's views must change rows, never reset (issue 11)."""

    def watch(self, *models) -> "Resets":
        for model in models:
            model.modelAboutToBeReset.connect(lambda model=model: self.append(type(model).__name__))
        return self


@pytest.fixture
def viewers(program_with_run, tmp_path, qtbot):
    """The Pairing page of one document (window A) and a second document on the same file (window B)."""
    from gui_walk import copy_program
    from ui.document import ProgramDocument
    from ui.pairing_page import PairingPage

    path = copy_program(program_with_run, tmp_path)
    here, there = ProgramDocument.open(path), ProgramDocument.open(path)
    page = PairingPage(here)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    page.solve_overrides = {"workers": 1, "time_limit_s": 1.0}
    page.solve_mode = "thread"
    qtbot.wait_until(lambda: page.loader is None and page.run is not None, timeout=SEE_MS)
    yield page, there
    QThreadPool.globalInstance().waitForDone(60_000)
    there.close()
    here.close()


def _breaking_lock(page):
    """A lock that the shown run breaks: its first director with the producer of another team."""
    from pairing.domain import Lock

    teams = page.run.result.teams
    other = next(t for t in teams[1:] if t.producer != teams[0].producer)
    return Lock(teams[0].director, other.producer)


def test_a_lock_set_in_another_window_shows_with_its_banner_here(viewers, qtbot):
    from pairing.domain import Lock

    page, there = viewers
    resets = Resets().watch(page.team_model, page.history.model)
    lock = _breaking_lock(page)
    director = page._names[lock.director]
    assert there.perform("Lock", actions.locks.set_locks, [lock], True) is not None
    qtbot.wait_until(lambda: page.banner.isVisible(), timeout=SEE_MS)
    assert f"now break a rule ({director}" in page.banner_label.text()
    assert (lock.director, lock.mentor) in page.team_model._locks
    assert "breaks a rule" in page.unmatched_text.toPlainText()
    assert there.perform("Unlock", actions.locks.set_locks, [lock], False) is not None
    qtbot.wait_until(lambda: not page.banner.isVisible(), timeout=SEE_MS)
    assert (lock.director, lock.mentor) not in page.team_model._locks
    # A lock the shown teams keep: its team's locks column says so.
    kept = page.run.result.teams[0]
    assert there.perform("Lock", actions.locks.set_locks, [Lock(kept.director, kept.producer)], True) is not None
    row = page.team_model.row_of(kept.director)
    qtbot.wait_until(lambda: page.team_model.index(row, page.team_model.LOCKS).data() == "1", timeout=SEE_MS)
    assert not page.banner.isVisible() and resets == []


def test_a_rename_and_runs_made_elsewhere_change_rows_here_not_the_whole_view(viewers, qtbot):
    from dataclasses import replace

    page, there = viewers
    resets = Resets().watch(page.team_model, page.history.model)
    page.history.view.selectRow(0)
    director = page.run.result.teams[0].director
    person = there.read(actions.people.person, director)
    there.perform("Rename", actions.people.edit_person, person.with_changes(name="Renamed Elsewhere"))
    row = page.team_model.row_of(director)
    qtbot.wait_until(lambda: page.team_model.index(row, page.team_model.DIRECTOR).data() == "Renamed Elsewhere",
                     timeout=SEE_MS)
    inserted = []
    page.history.model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    there.perform("Restore", actions.runs.restore_run, replace(page.run, id=page.run.id + 1))
    qtbot.wait_until(lambda: page.history.model.rowCount() == 2, timeout=SEE_MS)
    assert inserted == [(1, 1)] and page.history.selected_runs()[0].id == page.run.id  # the selection stays
    assert there.undo()  # the other window takes its run back
    qtbot.wait_until(lambda: page.history.model.rowCount() == 1, timeout=SEE_MS)
    assert resets == [] and page.run.id == page.history.model.run(0).id


# -- a window's Propose saves like the command line (issue 11): the write lock, and never over a change ----

def _runs_in(path) -> list[int]:
    from pairing.actions.program import open_program

    store = open_program(path, read_only=True)
    try:
        with store.sessions() as session:
            return actions.reading.run_numbers(session)
    finally:
        store.close()


def _set_aside_said(page, qtbot):
    """Propose; the run is set aside: the message saying where, the proposal not ended until it is read."""
    ended = []
    page.proposalEnded.connect(ended.append)
    page.propose()
    qtbot.wait_until(lambda: page.aside_box is not None and page.aside_box.isVisible(), timeout=60_000)
    assert ended == [] and page.operation is None
    return page.aside_box.text()


def test_a_propose_while_another_program_holds_the_write_lock_sets_the_run_aside_and_says_where(
        viewers, qtbot, monkeypatch):
    import json
    import sqlite3

    page, _there = viewers
    monkeypatch.setattr("pairing.storage.saving.ATTEMPTS", 1)
    page.document.store.busy_limit_s = 0.1
    path = page.document.location
    before = _runs_in(path)
    holder = sqlite3.connect(path, timeout=0.1, isolation_level=None)  # another program, writing
    holder.execute("BEGIN IMMEDIATE")
    try:
        said = _set_aside_said(page, qtbot)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    aside = page.aside_box.property("aside_path")
    assert "another program is writing it" in said and aside in said
    assert json.loads(Path(aside).read_text(encoding="utf-8"))["result"]["teams"]  # nothing computed is lost
    assert _runs_in(path) == before
    page.aside_box.close()


def test_a_propose_whose_program_changed_during_the_search_is_set_aside_then_proposed_again(
        viewers, qtbot, monkeypatch):
    from pairing import engine
    from pairing.actions.program import open_program

    page, _there = viewers
    path = page.document.location
    before = _runs_in(path)
    lock = _breaking_lock(page)
    solve, changed = engine.solve, []

    def changed_meanwhile(program, options, **kwargs):  # another program locks a pair during the search
        if not changed:
            store = open_program(path)
            with store.sessions.begin() as session:
                actions.locks.set_locks(session, [lock], True)
            store.close()
            changed.append(True)
        return solve(program, options, **kwargs)

    monkeypatch.setattr(engine, "solve", changed_meanwhile)
    said = _set_aside_said(page, qtbot)
    assert "changed while the teams were being proposed" in said
    assert _runs_in(path) == before and Path(page.aside_box.property("aside_path")).exists()
    qtbot.wait_until(lambda: lock in {(d, m) for d, m in page._locks} or (lock.director, lock.mentor) in page._locks,
                     timeout=SEE_MS)
    with qtbot.wait_signal(page.proposalEnded, timeout=60_000, check_params_cb=lambda run: run is not None) as ended:
        page.aside_box.buttons()[0].click()  # "Propose again" in the message
    assert ended.args[0] not in before and _runs_in(path) == [*before, ended.args[0]]
    kept = next(t for t in page.run.result.teams if t.director == lock.director)
    assert lock.mentor in kept.mentors  # the new run keeps the lock set meanwhile


# -- the same flows on the test's backend: SQLite files, or a shared PostgreSQL database ------------------

def _viewer_seen(document, viewer_id):
    from sqlalchemy import select

    from pairing.storage.models import ViewerRow

    return document.read(lambda session: session.scalar(select(ViewerRow.seen).where(ViewerRow.id == viewer_id)))


def _age_viewer(document, viewer_id) -> None:
    """Make a viewer look as if it last said it was there long ago."""
    import datetime as dt

    from sqlalchemy import update

    from pairing.storage.changes import GONE_AFTER_S
    from pairing.storage.models import ViewerRow

    long_ago = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None) - dt.timedelta(seconds=2 * GONE_AFTER_S)
    with document.store.sessions.begin() as session:
        session.execute(update(ViewerRow).where(ViewerRow.id == viewer_id).values(seen=long_ago))


def test_many_viewers_on_the_tests_backend(program_location, tmp_path, qtbot, asked, monkeypatch):
    """Two windows on one program in a file, or — with PAIRING_TEST_DB set (.ci/run) — in a PostgreSQL database
    as curators on several computers share it: the change counters polled, a lock and a deletion shown in the
    other window with the Pairing page's banner, a stale write refused, a Propose while another program holds
    the write lock set aside, an edit while it writes refused, and the heartbeat by which a window on another
    computer is known to be there."""
    from pairing.cli import main as command_line
    from ui.commands import edit_person

    monkeypatch.chdir(tmp_path)  # a run set aside from a database goes to the current folder
    location = str(program_location)
    assert command_line(["import", str(ROOT / "resources" / "sample" / "roster.csv"), "--db", location]) == 0
    assert command_line(["solve", "--db", location, "--time-limit", "2"]) in (0, 1)
    first = open_window(qtbot, tmp_path, location, "first")
    second = open_window(qtbot, tmp_path, location, "second")
    assert len(asked) == 1 and [v.pid for v in asked[0]] == [os.getpid()]
    first.tabs.setCurrentWidget(first.pages["pairing"])
    pairing = first.page("pairing")
    pairing.solve_overrides, pairing.solve_mode = {"workers": 1, "time_limit_s": 1.0}, "thread"
    qtbot.wait_until(lambda: pairing.loader is None and pairing.run is not None, timeout=SEE_MS)

    lock = _breaking_lock(pairing)
    assert second.document.perform("Lock", actions.locks.set_locks, [lock], True) is not None
    qtbot.wait_until(lambda: pairing.banner.isVisible(), timeout=SEE_MS)
    assert "now break a rule" in pairing.banner_label.text()

    roster = second.roster_page(Role.DIRECTOR)
    roster.select_ids(["D05"])
    roster.delete_selected()
    qtbot.wait_until(lambda: "D05" not in names(first) and "left the roster" in pairing.banner_label.text(),
                     timeout=SEE_MS)

    first.document.poll_timer.stop()
    seen = first.roster_page(Role.DIRECTOR).model.person(first.roster_page(Role.DIRECTOR).model.row_of("D01"))
    assert edit_person(second.document, seen, seen.with_changes(name="Renamed on another computer")) is not None
    assert edit_person(first.document, seen, seen.with_changes(notes="mine")) is None
    assert first.refusal_box.isVisible() and first.document.read(actions.people.person, "D01").notes != "mine"
    first.reload_button.click()
    first.document.poll_timer.start()

    monkeypatch.setattr("pairing.storage.saving.ATTEMPTS", 1)
    first.document.store.busy_limit_s = 0.1
    runs = first.document.read(actions.reading.run_numbers)
    other = open_program_store(location)
    try:
        with other.writing():  # another program writes (SQLite's write lock, PostgreSQL's advisory lock)
            said = _set_aside_said(pairing, qtbot)
    finally:
        other.close()
    aside = Path(pairing.aside_box.property("aside_path"))
    assert aside.exists() and str(aside) in said and first.document.read(actions.reading.run_numbers) == runs
    pairing.aside_box.close()

    # An edit while another program writes waits for it a little, then is refused with a sentence.
    from PySide6.QtWidgets import QMessageBox

    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: said.append(args[2]))
    monkeypatch.setattr("ui.document.WRITE_WAIT_S", 0.1)
    mine = first.roster_page(Role.DIRECTOR).model.person(first.roster_page(Role.DIRECTOR).model.row_of("D02"))
    other = open_program_store(location)
    try:
        with other.writing():
            assert edit_person(first.document, mine, mine.with_changes(notes="while they write")) is None
    finally:
        other.close()
    assert said and "stayed busy" in said[-1] and first.document.read(actions.people.person, "D02").notes != \
        "while they write"
    assert edit_person(first.document, mine, mine.with_changes(notes="once they are done")) is not None
    assert first.document.read(actions.people.person, "D02").notes == "once they are done"

    _age_viewer(second.document, first.document.viewer_id)
    if not on_server():  # one file on this computer: a window is there while its process is
        assert [v.pid for v in second.document.other_viewers()] == [os.getpid()]
        return
    # A shared database: a window says it is there every SEEN_EVERY_S seconds (here at every poll), and one
    # on another computer counts as gone once it has been silent for GONE_AFTER_S.
    monkeypatch.setattr("pairing.actions.viewers.SEEN_EVERY_S", 0)
    monkeypatch.setattr("pairing.storage.changes.socket.gethostname", lambda: "another-computer")
    aged = _viewer_seen(second.document, first.document.viewer_id)
    qtbot.wait_until(lambda: _viewer_seen(second.document, first.document.viewer_id) > aged, timeout=SEE_MS)
    assert len(second.document.other_viewers()) == 1
    first.document.poll_timer.stop()  # the first window falls silent (its computer went to sleep)
    _age_viewer(second.document, first.document.viewer_id)
    assert second.document.other_viewers() == []
    QThreadPool.globalInstance().waitForDone(30_000)


def test_closing_while_proposing_says_where_a_set_aside_run_went_before_the_window_closes(
        program_with_run, tmp_path, qtbot, asked, monkeypatch):
    """Closing asks to stop and keep the best; when that run cannot be saved in the program, the window shows
    where it went and closes only once the curator has read it."""
    import sqlite3

    from gui_walk import copy_program

    monkeypatch.setattr("pairing.storage.saving.ATTEMPTS", 1)
    window = open_window(qtbot, tmp_path, copy_program(program_with_run, tmp_path), "closing")
    window.tabs.setCurrentWidget(window.pages["pairing"])
    page = window.page("pairing")
    page.solve_overrides, page.solve_mode = {"workers": 1, "time_limit_s": 60.0}, "thread"
    qtbot.wait_until(lambda: page.loader is None and page.run is not None, timeout=SEE_MS)
    window.document.store.busy_limit_s = 0.1
    holder = sqlite3.connect(window.document.location, timeout=0.1, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program writes until the test ends
    from pairing import engine

    solve = engine.solve

    def until_stopped(program, options, *, progress, cancel):  # a search that runs until the curator stops it
        cancel.wait(60)
        return solve(program, options, progress=progress, cancel=cancel)

    monkeypatch.setattr(engine, "solve", until_stopped)
    try:
        page.propose()
        assert page.operation is not None
        window.close()
        qtbot.mouseClick(window.stop_button, Qt.MouseButton.LeftButton)
        qtbot.wait_until(lambda: page.aside_box is not None and page.aside_box.isVisible(), timeout=60_000)
        assert window.isVisible() and Path(page.aside_box.property("aside_path")).exists()
        page.aside_box.buttons()[1].click()  # Close: read
        qtbot.wait_until(lambda: not window.isVisible(), timeout=SEE_MS)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
