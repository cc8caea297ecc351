"""The Pairing page owns the engine's evaluator (issue 8, no hidden state): one per program value and shown
run, made anew when the program changes."""

from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool, Qt

from pairing.importer import import_roster
from ui.document import ProgramDocument
from ui.pairing_page import PairingPage

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample" / "roster.csv"


@pytest.fixture
def page(tmp_path, qtbot):
    document = ProgramDocument.open(tmp_path / "sample.pairing")
    with document.store.sessions.begin() as session:
        assert not import_roster(session, SAMPLE).errors
    widget = PairingPage(document)
    widget.solve_overrides = {"workers": 1, "time_limit_s": 1.0}
    qtbot.addWidget(widget)
    yield widget
    QThreadPool.globalInstance().waitForDone(30_000)
    document.close()


def test_the_evaluator_is_kept_for_a_program_and_made_anew_when_it_changes(page, qtbot):
    with qtbot.wait_signal(page.proposalEnded, timeout=30_000):
        qtbot.mouseClick(page.propose_button, Qt.MouseButton.LeftButton)
    first = page.run_evaluator()
    assert page.run_evaluator() is first  # a drag asks many questions of one compiled program
    assert first.program.previous is None  # the first run's program: no run before it

    page.settings_panel.controls["fairness"].setChecked(True)  # saved, then the page reads the settings
    qtbot.wait_until(lambda: page.program().settings.fairness)
    changed = page.run_evaluator()
    assert changed is not first and changed.program.settings.fairness
    assert not first.program.settings.fairness  # the old one still answers for the program it was made from

    director = page.team_model.team(0).director  # the curator ticks the producer's lock box
    page.select_director(director)
    members = page.detail.members_model
    row = next(r for r in range(members.rowCount()) if members.member(r).role == "producer")
    mentor = members.member(row).mentor
    members.setData(members.index(row, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    qtbot.wait_until(lambda: (director, mentor) in {(lk.director, lk.mentor) for lk in page.program().locks})
    locked = page.run_evaluator()
    assert locked is not changed
    assert (locked.instance.d_index[director], locked.instance.m_index[mentor]) in locked.instance.lock_set
