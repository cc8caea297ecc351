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
