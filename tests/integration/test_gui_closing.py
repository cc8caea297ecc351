"""Closing the window while teams are being proposed asks first, and whatever the answer nothing is lost and
nothing is printed (issue 11, item 6)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QThreadPool, Qt

from gui_walk import sample_program
from pairing.domain import RunStatus
from pairing.storage import open_program, repo
from pairing.synthetic import synthetic_program
from ui.main_window import MainWindow
from ui.settings_store import SettingsStore

SOLVE_MS = 60_000


@pytest.fixture
def program(tmp_path):
    return sample_program(tmp_path / "sample.pairing")


LARGE = 300  # directors: above the team-column size, where no search proves its teams best, so a proposal
#               with a long time limit is still running when Stop is clicked, however loaded the machine


@pytest.fixture
def large_program(tmp_path):
    path = tmp_path / "large.pairing"
    store = open_program(path)
    try:
        with store.sessions.begin() as session:
            repo.add_people(session, synthetic_program(LARGE, seed=1).people)
    finally:
        store.close()
    return path


def open_window(qtbot, tmp_path, program):
    window = MainWindow(SettingsStore.at(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    assert window.open_program(str(program))
    window.show()
    return window


@pytest.fixture
def window(qtbot, tmp_path, program):
    window = open_window(qtbot, tmp_path, program)
    yield window
    QThreadPool.globalInstance().waitForDone(SOLVE_MS)


def proposing(window, qtbot, time_limit_s: float):
    window.tabs.setCurrentWidget(window.pages["pairing"])
    page = window.page("pairing")
    qtbot.wait_until(lambda: page.loader is None, timeout=SOLVE_MS)
    page.solve_overrides = {"workers": 1, "time_limit_s": time_limit_s}
    qtbot.mouseClick(page.propose_button, Qt.MouseButton.LeftButton)
    qtbot.wait_until(lambda: page.progress_label.text() != page.tr("Forming teams…"), timeout=SOLVE_MS)
    return page


def runs_of(path):
    store = open_program(path, create=False)
    try:
        with store.sessions() as session:
            return repo.list_runs(session)
    finally:
        store.close()


def test_stop_and_keep_the_best_saves_the_run_then_closes(large_program, qtbot, tmp_path, capfd):
    window = open_window(qtbot, tmp_path, large_program)
    try:
        proposing(window, qtbot, 120.0)
        assert not window.close()
        assert window.isVisible() and window.work_question.isVisible()
        qtbot.mouseClick(window.stop_button, Qt.MouseButton.LeftButton)
        qtbot.wait_until(lambda: not window.isVisible(), timeout=SOLVE_MS)
        assert window.document is None
        [run] = runs_of(large_program)
        assert run.result.status is RunStatus.CANCELLED and len(run.result.teams) == LARGE
        assert capfd.readouterr().err == ""
    finally:
        QThreadPool.globalInstance().waitForDone(SOLVE_MS)


def test_wait_closes_when_the_proposal_ends_by_itself(window, program, qtbot, capfd):
    proposing(window, qtbot, 2.0)
    window.close()
    qtbot.mouseClick(window.wait_button, Qt.MouseButton.LeftButton)
    qtbot.wait_until(lambda: not window.isVisible(), timeout=SOLVE_MS)
    [run] = runs_of(program)
    assert run.result.status is not RunStatus.CANCELLED and len(run.result.teams) == 24
    assert capfd.readouterr().err == ""


def test_dont_close_keeps_the_window_and_the_proposal(window, program, qtbot):
    page = proposing(window, qtbot, 60.0)
    window.close()
    window.work_question.reject()
    assert window.isVisible() and page.operation is not None
    with qtbot.wait_signal(page.proposalEnded, timeout=SOLVE_MS):
        page.cancel()
    assert window.isVisible() and len(runs_of(program)) == 1
    assert window.close()  # nothing runs now: closes without asking


def test_opening_another_program_while_proposing_is_refused_with_a_sentence(window, tmp_path, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: said.append(args[2]))
    page = proposing(window, qtbot, 60.0)
    assert not window.open_program(str(tmp_path / "other.pairing"))
    assert "proposal is running" in said[0] and window.page("pairing") is page
    with qtbot.wait_signal(page.proposalEnded, timeout=SOLVE_MS):
        page.cancel()
