"""Every roster and lock edit is an action on the undo stack: done at once, undo restores exactly, redo applies
again; the stack holds the action's undo value; a step that cannot apply leaves the stack as it was."""

import pytest

from pairing import actions
from pairing.domain import Lock, Person, Role
from ui import commands
from ui.document import ActionCommand

from shell_support import make_document, roster_state


@pytest.fixture
def document(tmp_path, qtbot):
    doc = make_document(tmp_path / "c.pairing", locks=[Lock("D01", "P01"), Lock("D01", "I01"), Lock("D02", "I02")])
    yield doc
    doc.close()


def _round_trip(document, qtbot, act, check_applied):
    before = roster_state(document)
    with qtbot.wait_signal(document.changed) as blocker:
        done = act()
    assert done is not None and blocker.args[0] == done.changes
    check_applied()
    after = roster_state(document)
    command = document.undo_stack.command(document.undo_stack.index() - 1)
    assert isinstance(command, ActionCommand) and command.step == done.undo  # a plain value, no session
    assert document.undo()
    assert roster_state(document) == before
    assert document.redo()
    assert roster_state(document) == after
    check_applied()


def test_add_person(document, qtbot):
    new = Person("D09", "新人", Role.DIRECTOR, genres=("comedy",))
    _round_trip(document, qtbot, lambda: commands.add_people(document, [new]),
                lambda: _people(document)["D09"] == new or pytest.fail("not added"))


def test_edit_person(document, qtbot):
    before = _people(document)["P02"]
    after = before.with_changes(name="Helen Ma-Li", capacity=5, genres=("horror",))
    _round_trip(document, qtbot, lambda: commands.edit_person(document, before, after),
                lambda: _people(document)["P02"] == after or pytest.fail("not edited"))


def test_renaming_an_id_moves_locks_and_references(document, qtbot):
    before = _people(document)["P01"]
    after = before.with_changes(id="P10")

    def renamed():
        people, locks = roster_state(document)
        assert "P01" not in people and people["P10"].name == "Zhou Min"
        assert people["D01"].prefers == ("P10", "I01")
        assert Lock("D01", "P10") in locks and Lock("D01", "P01") not in locks

    _round_trip(document, qtbot, lambda: commands.edit_person(document, before, after), renamed)


def test_delete_person_restores_the_person_and_their_locks(document, qtbot):
    def deleted():
        people, locks = roster_state(document)
        assert "D01" not in people
        assert locks == {Lock("D02", "I02")}

    _round_trip(document, qtbot, lambda: commands.delete_people(document, ["D01"]), deleted)


def test_delete_several_people(document, qtbot):
    def deleted():
        people, locks = roster_state(document)
        assert not {"I01", "I02"} & set(people)
        assert locks == {Lock("D01", "P01")}

    _round_trip(document, qtbot, lambda: commands.delete_people(document, ["I01", "I02"]), deleted)


@pytest.mark.parametrize("lock, locked", [
    (Lock("D03", "P02"), True),   # a new lock
    (Lock("D01", "P01"), False),  # an existing lock removed
])
def test_lock_and_unlock(document, qtbot, lock, locked):
    _round_trip(document, qtbot, lambda: commands.set_locks(document, [lock], locked),
                lambda: (lock in roster_state(document)[1]) == locked or pytest.fail("lock state wrong"))


def test_locking_what_is_locked_changes_nothing_and_undo_keeps_it(document):
    commands.set_locks(document, [Lock("D01", "P01")], True)
    assert document.undo()
    assert Lock("D01", "P01") in roster_state(document)[1]


def test_an_applied_import_is_undone_as_one_step(document, qtbot):
    old = _people(document)["D03"]
    new_d03 = old.with_changes(needs=("sound",))
    added = Person("P05", "New producer", Role.PRODUCER)
    _round_trip(document, qtbot,
                lambda: document.perform("Import x.csv", actions.people.replace_people, add=[added], update=[new_d03]),
                lambda: (_people(document)["D03"] == new_d03 and "P05" in _people(document))
                or pytest.fail("import not applied"))


def test_commands_say_what_they_do(document):
    commands.delete_people(document, ["D01"])
    assert document.undo_stack.undoText() == "Delete 陈思远"


def test_an_undo_that_cannot_apply_says_so_and_keeps_the_stack(document, qtbot):
    """Issue 11: B's Undo failed with an IntegrityError on the terminal, yet the status said "Undone"."""
    commands.delete_people(document, ["D02"])
    index = document.undo_stack.index()
    with document.store.sessions.begin() as session:  # someone else adds a new D02 meanwhile
        actions.people.add_people(session, [Person("D02", "Someone else", Role.DIRECTOR)])
    with qtbot.wait_signal(document.refused) as refused:
        assert not document.undo()
    assert "D02" in str(refused.args[0])
    assert document.undo_stack.index() == index and document.undo_stack.canUndo()
    assert _people(document)["D02"].name == "Someone else"  # nothing written over it


def test_an_edit_over_a_row_changed_elsewhere_is_refused(document, qtbot):
    from shell_support import mark_seen

    mark_seen(document)
    before = _people(document)["D01"]
    with document.store.sessions.begin() as session:  # another window renames D01
        actions.people.update_people(session, [before.with_changes(name="Renamed elsewhere")])
    with qtbot.wait_signal(document.refused) as refused:
        assert commands.edit_person(document, before, before.with_changes(notes="mine")) is None
    assert refused.args[0].changed == ("D01",)
    assert _people(document)["D01"].name == "Renamed elsewhere" and not document.undo_stack.canUndo()


def _people(document):
    return roster_state(document)[0]
