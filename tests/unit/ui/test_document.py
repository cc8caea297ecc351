"""The open document: one transaction per action, rolled back on error; Save As copies everything."""

import pytest

from pairing.domain import Person, Role
from pairing.storage import repo
from ui.document import ProgramDocument


@pytest.fixture
def document(tmp_path, qtbot):
    doc = ProgramDocument.open(tmp_path / "doc.pairing")
    yield doc
    doc.close()


def test_an_action_that_fails_leaves_nothing_written(document):
    with pytest.raises(RuntimeError):
        with document.store.sessions.begin() as session:
            repo.add_people(session, [Person("D01", "A", Role.DIRECTOR)])
            raise RuntimeError("simulated failure")
    assert document.program().people == ()


def test_save_as_copies_the_program(document, tmp_path):
    with document.store.sessions.begin() as session:
        repo.add_people(session, [Person("D01", "周雨", Role.DIRECTOR)])
    document.save_as(tmp_path / "copy.pairing")
    copy = ProgramDocument.open(tmp_path / "copy.pairing")
    try:
        assert [p.name for p in copy.program().people] == ["周雨"]
    finally:
        copy.close()


def test_save_as_refuses_a_shared_database_with_a_sentence(document, tmp_path, monkeypatch):
    from pairing.storage import ProgramFileError

    monkeypatch.setattr(document.store.engine.dialect, "name", "postgresql")
    with pytest.raises(ProgramFileError, match="shared database"):
        document.save_as(tmp_path / "copy.pairing")
    assert not (tmp_path / "copy.pairing").exists()


def _elsewhere(document) -> list:
    seen = []
    document.elsewhere.connect(lambda tables: seen.append(set(tables)))
    return seen


def test_a_background_write_is_not_told_twice_and_anothers_change_before_it_is_told(document, tmp_path):
    """Issue 11: a background action (an import) tells the views what it changed once; what another viewer
    changed before it is told as theirs, never swallowed."""
    from pairing import actions

    other = ProgramDocument.open(tmp_path / "doc.pairing")
    try:
        seen = _elsewhere(document)
        other.perform("Add", actions.people.add_people, [Person("P01", "Helen Ma", Role.PRODUCER)])
        write = document.writer(actions.people.add_people, [Person("D01", "周雨", Role.DIRECTOR)])
        done = write()  # on a worker thread in the window; its change counts are kept for record
        document.record("Import", done)
        assert seen == [{"person"}]  # the other window's person, told as another viewer's change
        assert document.poll() == frozenset()  # this window's own import is not reported again
    finally:
        other.close()


def test_a_change_while_another_program_writes_is_refused_with_a_sentence(document, tmp_path, monkeypatch):
    """Issue 11: a window's write takes the program's write lock like the command line; while another program
    holds it, the window waits a little and then refuses, writing nothing (no SQL, no traceback)."""
    from pairing import actions
    from pairing.actions.program import ProgramFileError, open_program

    monkeypatch.setattr("ui.document.WRITE_WAIT_S", 0.1)
    refused = []
    document.refused.connect(refused.append)
    holder = open_program(tmp_path / "doc.pairing")
    try:
        with holder.writing():
            assert document.perform("Add", actions.people.add_people, [Person("D01", "A", Role.DIRECTOR)]) is None
    finally:
        holder.close()
    assert len(refused) == 1 and isinstance(refused[0], ProgramFileError)
    assert refused[0].message.code == "storage.busy"
    assert document.program().people == ()
    assert document.perform("Add", actions.people.add_people, [Person("D01", "A", Role.DIRECTOR)]) is not None
