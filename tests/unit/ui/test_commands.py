"""Every roster and lock command: redo applies, undo restores exactly, redo again applies again."""

import pytest

from pairing.domain import Lock, Person, Role
from ui.commands import (
    AddPersonCommand, DeletePeopleCommand, DeletePersonCommand, EditPersonCommand, LockCommand, ReplaceRosterCommand,
)

from shell_support import make_document, roster_state


@pytest.fixture
def document(tmp_path, qtbot):
    doc = make_document(tmp_path / "c.pairing", locks=[Lock("D01", "P01"), Lock("D01", "I01"), Lock("D02", "I02")])
    yield doc
    doc.close()


def _round_trip(document, qtbot, command, check_applied):
    before = roster_state(document)
    with qtbot.wait_signal(document.rosterChanged if not isinstance(command, LockCommand) else document.locksChanged):
        document.undo_stack.push(command)
    check_applied()
    after = roster_state(document)
    document.undo_stack.undo()
    assert roster_state(document) == before
    document.undo_stack.redo()
    assert roster_state(document) == after
    check_applied()


def test_add_person(document, qtbot):
    new = Person("D09", "新人", Role.DIRECTOR, genres=("comedy",))
    _round_trip(document, qtbot, AddPersonCommand(document, [new]),
                lambda: _people(document)["D09"] == new or pytest.fail("not added"))


def test_edit_person(document, qtbot):
    before = _people(document)["P02"]
    after = before.with_changes(name="Helen Ma-Li", capacity=5, genres=("horror",))
    _round_trip(document, qtbot, EditPersonCommand(document, before, after),
                lambda: _people(document)["P02"] == after or pytest.fail("not edited"))


def test_renaming_an_id_moves_locks_and_references(document, qtbot):
    before = _people(document)["P01"]
    after = before.with_changes(id="P10")

    def renamed():
        people, locks = roster_state(document)
        assert "P01" not in people and people["P10"].name == "Zhou Min"
        assert people["D01"].prefers == ("P10", "I01")
        assert Lock("D01", "P10") in locks and Lock("D01", "P01") not in locks

    _round_trip(document, qtbot, EditPersonCommand(document, before, after), renamed)


def test_delete_person_restores_the_person_and_their_locks(document, qtbot):
    def deleted():
        people, locks = roster_state(document)
        assert "D01" not in people
        assert locks == {Lock("D02", "I02")}

    _round_trip(document, qtbot, DeletePersonCommand(document, "D01"), deleted)


def test_delete_several_people(document, qtbot):
    def deleted():
        people, locks = roster_state(document)
        assert not {"I01", "I02"} & set(people)
        assert locks == {Lock("D01", "P01")}

    _round_trip(document, qtbot, DeletePeopleCommand(document, ["I01", "I02"]), deleted)


@pytest.mark.parametrize("lock, locked", [
    (Lock("D03", "P02"), True),   # a new lock
    (Lock("D01", "P01"), False),  # an existing lock removed
    (Lock("D01", "P01"), True),   # locking what is locked changes nothing, and undo keeps it
])
def test_lock_and_unlock(document, qtbot, lock, locked):
    _round_trip(document, qtbot, LockCommand(document, lock, locked),
                lambda: (lock in roster_state(document)[1]) == locked or pytest.fail("lock state wrong"))


def test_an_applied_import_is_undone_as_one_step(document, qtbot):
    old = _people(document)["D03"]
    new_d03 = old.with_changes(needs=("sound",))
    added = Person("P05", "New producer", Role.PRODUCER)
    _round_trip(document, qtbot, ReplaceRosterCommand(document, [added], [(old, new_d03)], "Import x.csv"),
                lambda: (_people(document)["D03"] == new_d03 and "P05" in _people(document))
                or pytest.fail("import not applied"))


def test_commands_say_what_they_do(document):
    command = DeletePeopleCommand(document, ["D01"])
    assert command.text() == "Delete 陈思远"


def _people(document):
    return roster_state(document)[0]
