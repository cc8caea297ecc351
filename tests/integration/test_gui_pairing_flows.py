"""End-to-end flows of the Pairing page on the sample roster: propose, lock, re-propose, swap, export, cancel,
pictures."""

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QThreadPool, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from pairing.domain import RunStatus
from pairing.importer import import_roster
from pairing.storage import repo
from pairing.words import render
from ui.charts import PicturesPage
from ui.document import ProgramDocument
from ui.export_dialog import open_export_dialog
from ui.models.team_model import TeamTableModel
from ui.pairing_page import PairingPage

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample" / "roster.csv"
SOLVE_MS = 30_000


@pytest.fixture
def document(tmp_path, qtbot):
    doc = ProgramDocument.open(tmp_path / "sample.pairing")
    with doc.store.sessions.begin() as session:
        plan = import_roster(session, SAMPLE)
        assert not plan.errors
    yield doc
    QThreadPool.globalInstance().waitForDone(30_000)  # no background read may outlive the file
    doc.close()


@pytest.fixture
def warnings(monkeypatch):
    """Dialogs are recorded, never shown."""
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args, **kw: shown.append(args[2]))
    return shown


@pytest.fixture
def page(document, qtbot, warnings):
    widget = PairingPage(document)
    widget.solve_overrides = {"workers": 1, "time_limit_s": 1.0}
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    return widget


def _propose(page, qtbot) -> int:
    with qtbot.wait_signal(page.proposalEnded, timeout=SOLVE_MS) as blocker:
        qtbot.mouseClick(page.propose_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0] is not None, "the proposal should save a run"
    return blocker.args[0]


def _stored(document, run_id):
    with document.store.sessions() as session:
        return repo.get_run(session, run_id).result


def _team(result, director):
    return next(t for t in result.teams if t.director == director)


def _alternatives_of(page, qtbot, director) -> int:
    """Select a team and wait until its alternatives (searched in the background) are listed."""
    with qtbot.wait_signal(page.alternativesReady, timeout=SOLVE_MS, check_params_cb=lambda d: d == director):
        page.select_director(director)
    return page.detail.alternatives_model.rowCount()


def test_propose_lock_and_repropose_keeps_the_lock(page, document, qtbot):
    first = _propose(page, qtbot)
    assert page.team_model.rowCount() == len(_stored(document, first).teams) == 24
    assert page.propose_button.isEnabled() and not page.cancel_button.isEnabled()
    director = page.team_model.team(3).director
    page.select_director(director)
    members = page.detail.members_model
    producer_row = next(r for r in range(members.rowCount()) if members.member(r).role == "producer")
    mentor = members.member(producer_row).mentor
    members.setData(members.index(producer_row, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert (director, mentor) in {(lk.director, lk.mentor) for lk in document.program().locks}
    assert page.team_model.index(page.team_model.row_of(director), TeamTableModel.LOCKS).data() != ""

    second = _propose(page, qtbot)
    assert second != first
    kept = _team(_stored(document, second), director)
    assert kept.producer == mentor and mentor in kept.locked
    assert page.run.id == second and page.history.model.rowCount() == 2
    assert page.run_program().previous == _stored(document, first)  # the run before the shown one

    page.history.view.selectAll()  # two runs selected: what changed between them
    changed = {page.history.diff_model.change(r).director for r in range(page.history.diff_model.rowCount())}
    old_teams = {t.director: set(t.mentors) for t in _stored(document, first).teams}
    new_teams = {t.director: set(t.mentors) for t in _stored(document, second).teams}
    assert changed == {d for d in new_teams if new_teams[d] != old_teams.get(d)}
    assert str(len(changed)) in page.history.diff_label.text()


def test_swap_by_alternative_is_stored_and_undoable(page, document, qtbot):
    run_id = _propose(page, qtbot)
    before = _stored(document, run_id)
    director = next(t.director for t in before.teams if _alternatives_of(page, qtbot, t.director))
    alternative = page.detail.alternatives_model.alternative(0)
    page.detail.alternatives_view.selectRow(0)
    qtbot.mouseClick(page.detail.use_button, Qt.MouseButton.LeftButton)
    after = _team(_stored(document, run_id), director)
    assert alternative.mentor in after.mentors
    assert alternative.replaces is None or alternative.replaces not in after.mentors
    assert _stored(document, run_id).objective == pytest.approx(before.objective + (after.score - _team(before, director).score), abs=1e-6)
    document.undo_stack.undo()
    assert _stored(document, run_id).teams == before.teams


def test_drag_a_producer_onto_another_team_trades_producers(page, document, qtbot, warnings):
    run_id = _propose(page, qtbot)
    model = page.team_model
    source = model.team(0)
    mime = model.mimeData([model.index(0, TeamTableModel.PRODUCER)])
    target_row = next(r for r in range(1, model.rowCount())
                      if model.team(r).producer != source.producer
                      and model.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, model.index(r, 0)))
    target = model.team(target_row)
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, model.index(target_row, 0))
    stored = _stored(document, run_id)
    assert _team(stored, target.director).producer == source.producer
    assert _team(stored, source.director).producer == target.producer
    assert warnings == []


def test_a_drop_that_breaks_a_hard_rule_is_refused_with_a_reason(page, document, qtbot, warnings):
    run_id = _propose(page, qtbot)
    before = _stored(document, run_id)
    model = page.team_model
    # The members list drags an instructor; onto the team it is already in, that makes no sense.
    page.select_director(model.team(0).director)
    members = page.detail.members_model
    mime = members.mimeData([members.index(members.rowCount() - 1, 0)])
    assert not model.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, model.index(0, 0))
    assert not model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, model.index(0, 0))
    assert warnings and "already" in warnings[-1]
    assert _stored(document, run_id).teams == before.teams


def test_export_through_the_dialog_writes_the_file(page, document, qtbot, tmp_path, monkeypatch):
    _propose(page, qtbot)
    target = tmp_path / "out" / "teams"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    dialog = open_export_dialog(document, page)
    qtbot.addWidget(dialog)
    assert not dialog.contacts_box.isChecked()
    dialog.set_format("xlsx")
    qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    assert dialog.path_edit.text().endswith("teams.xlsx")
    with qtbot.wait_signal(dialog.exported, timeout=SOLVE_MS):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    workbook = openpyxl.load_workbook(tmp_path / "out" / "teams.xlsx", read_only=True)
    assert workbook.sheetnames[0]
    workbook.close()


def test_cancel_during_propose_keeps_the_best_teams_found(page, document, qtbot):
    page.solve_overrides = {"workers": 1, "time_limit_s": 60.0}
    qtbot.mouseClick(page.propose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.progress_label.text().startswith("Best so far"), timeout=SOLVE_MS)
    assert page.progress_bar.maximum() == 0  # busy
    with qtbot.wait_signal(page.proposalEnded, timeout=SOLVE_MS) as blocker:
        qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    result = _stored(document, blocker.args[0])
    assert result.status is RunStatus.CANCELLED
    assert len(result.teams) == 24
    assert page.propose_button.isEnabled() and not page.cancel_button.isEnabled()


def test_pictures_mark_the_chosen_pairs_of_the_latest_run(page, document, qtbot):
    run_id = _propose(page, qtbot)
    pictures = PicturesPage(document)
    qtbot.addWidget(pictures)
    pictures.resize(1000, 700)
    qtbot.waitUntil(lambda: pictures.data.run_id == run_id, timeout=SOLVE_MS)
    result = _stored(document, run_id)
    assert pictures.data.chosen == {(t.director, t.producer) for t in result.teams}
    for director, producer in pictures.data.chosen:
        score, chosen = pictures.data.cell(director, producer)
        assert chosen and score is not None  # a chosen pair is never a forbidden one
    assert sum(load.used for load in pictures.data.loads) == sum(len(t.mentors) for t in result.teams)
    assert sum(pictures.histogram.counts) == 24
    image = pictures.grab().toImage()
    assert not image.isNull() and image.width() > 0


def test_reasons_follow_the_interface_language(page, document, qtbot):
    from ui.i18n import interface_language, set_interface_language

    _propose(page, qtbot)
    director = page.team_model.team(0).director
    before = interface_language()
    set_interface_language("zh_CN")
    try:
        _alternatives_of(page, qtbot, director)
        text = page.detail.reasons.text()
    finally:
        set_interface_language(before)
    stored = [render(r) for r in page.team_model.team(0).reasons]
    assert text and stored and not any(reason in text for reason in stored)  # not in English
    name = document.program().by_id()[director].name
    assert any("\u4e00" <= ch <= "\u9fff" for ch in text.replace(name, ""))


def test_an_over_full_program_names_who_is_left_out_and_why(tmp_path, qtbot, warnings):
    from pairing.domain import Person, Role

    slot = ("Mon AM",)
    people = [Person(f"D{i}", name, Role.DIRECTOR, availability=slot) for i, name in enumerate(("周雨", "Ann", "Bo"))]
    people += [Person("P1", "Pat", Role.PRODUCER, availability=slot, capacity=1),
               Person("I1", "Ike", Role.INSTRUCTOR, availability=slot, capacity=3)]
    document = ProgramDocument.open(tmp_path / "full.pairing")
    with document.store.sessions.begin() as session:
        repo.add_people(session, people)
    try:
        page = PairingPage(document)
        page.solve_overrides = {"workers": 1, "time_limit_s": 1.0}
        qtbot.addWidget(page)
        page.lower_tabs.setCurrentIndex(1)
        run_id = _propose(page, qtbot)
        result = _stored(document, run_id)
        assert len(result.unmatched) == 2 and result.diagnosis
        text = page.unmatched_text.toPlainText()
        names = {p.id: p.name for p in people}
        for unmatched in result.unmatched:
            assert render(unmatched.why) in text and names[unmatched.id] in text
        assert "Diagnosis" in text and render(result.diagnosis[0]) in text
        assert page.lower_tabs.currentIndex() == 0  # the curator is shown who is left out
        assert "2 unmatched" in page.summary.text()
    finally:
        QThreadPool.globalInstance().waitForDone(30_000)
        document.close()


def test_keyboard_cut_and_paste_moves_a_mentor_like_a_drop(page, document, qtbot, warnings):
    run_id = _propose(page, qtbot)
    model = page.team_model
    source = model.team(0)
    page.select_director(source.director)
    members = page.detail.members_model
    producer_row = next(r for r in range(members.rowCount()) if members.member(r).role == "producer")
    page.detail.members_view.setCurrentIndex(members.index(producer_row, 0))
    page.cut_action.trigger()
    assert page.clipboard is not None and "Ctrl+V" in page.detail.hint.text()
    payload = page.clipboard
    target_row = next(r for r in range(1, model.rowCount())
                      if model.team(r).producer != source.producer and page.preview(payload, model.team(r).director)[0])
    target = model.team(target_row)
    page.select_director(target.director)
    page.paste_action.trigger()
    stored = _stored(document, run_id)
    assert _team(stored, target.director).producer == source.producer
    assert _team(stored, source.director).producer == target.producer
    assert page.clipboard is None and warnings == []


def test_f5_proposes_and_alt_mnemonics_still_work(page, qtbot):
    from PySide6.QtGui import QGuiApplication

    page.show()
    page.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is page.windowHandle())  # shortcuts need focus
    with qtbot.wait_signal(page.proposalEnded, timeout=SOLVE_MS):
        qtbot.keyClick(page, Qt.Key.Key_F5)
    assert page.run is not None
    assert page.propose_button.shortcut().toString() != ""  # Alt+P from "&Propose teams" still works


def test_a_first_run_is_never_explained_by_itself(page, document, qtbot):
    """Reasons are computed against the run before the shown one, not against the latest run."""
    _propose(page, qtbot)
    director = page.team_model.team(0).director
    _alternatives_of(page, qtbot, director)
    assert "previous run" not in page.detail.reasons.text()
    assert page.run_program().previous is None
