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


def test_a_command_line_import_reaches_the_open_pictures(pictures, documents, qtbot, tmp_path):
    page, (here, _there) = pictures, documents
    roster = tmp_path / "rename.csv"
    director = page.data.directors[1][0]
    roster.write_text(f"id,name,role\n{director},Renamed From The Command Line,director\n", encoding="utf-8")
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "import", str(roster), "--db", here.location,
                           "--on-conflict", "update"], capture_output=True, text=True, cwd=ROOT, timeout=120,
                          env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert done.returncode == 0, done.stderr
    qtbot.wait_until(lambda: names(page)[director] == "Renamed From The Command Line", timeout=SEE_MS)
    assert not page.last_affected.whole
