"""One program, many viewers (issue 11, item 1): two windows on one file, the command line while a window is
open, a stale write refused with an offer to reload, an undo that cannot apply, read-only."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool

from gui_walk import sample_program
from pairing import actions
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
    page = second.roster_page(Role.DIRECTOR)
    page.select_ids(["D05"])
    page.delete_selected()
    qtbot.wait_until(lambda: "D05" not in names(first), timeout=SEE_MS)
    assert first.roster_page(Role.DIRECTOR).model.rowCount() == 23


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
