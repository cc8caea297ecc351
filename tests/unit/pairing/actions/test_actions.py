"""The action layer: each action changes the program, says what it changed, and its undo value undoes it."""

from __future__ import annotations

import pytest

from pairing import actions
from pairing.actions import ChangeSet, Undo, locks, moves, people, propose, reading, runs, settings
from pairing.domain import Lock, Person, Role, RunStatus
from pairing.errors import ActionRefused, UserError
from pairing.storage import repo
from pairing.words import render

SLOT = ("Mon AM",)


def _roster() -> list[Person]:
    return [
        Person("D01", "Ann", Role.DIRECTOR, genres=("drama",), needs=("editing",), availability=SLOT),
        Person("D02", "Bo", Role.DIRECTOR, genres=("sci-fi",), needs=("vfx",), availability=SLOT),
        Person("P01", "Pat", Role.PRODUCER, genres=("drama",), availability=SLOT, capacity=1),
        Person("P02", "Pia", Role.PRODUCER, genres=("sci-fi",), availability=SLOT, capacity=2),
        Person("I01", "Ike", Role.INSTRUCTOR, skills={"editing": 4}, availability=SLOT, capacity=2,
               prefers=("D01",)),
        Person("I02", "Ida", Role.INSTRUCTOR, skills={"vfx": 4}, availability=SLOT, capacity=2),
    ]


@pytest.fixture
def filled(store):
    with store.sessions.begin() as session:
        people.add_people(session, _roster())
    return store


def _ids(session) -> list[str]:
    return [p.id for p in reading.people(session)]


def _undo(store, step: Undo):
    with store.sessions.begin() as session:
        return actions.undo(session, step)


def test_add_then_undo_then_redo(store):
    with store.sessions.begin() as session:
        done = people.add_people(session, _roster()[:2])
    assert done.changes.people_added == {"D01", "D02"} and not done.changes.people_removed
    redo = _undo(store, done.undo)
    with store.sessions() as session:
        assert _ids(session) == []
    assert redo.changes.people_removed == {"D01", "D02"}
    _undo(store, redo.undo)
    with store.sessions() as session:
        assert _ids(session) == ["D01", "D02"]


def test_delete_restores_people_and_their_locks(filled):
    with filled.sessions.begin() as session:
        locks.lock(session, "D01", "P01")
        done = people.delete_people(session, ["P01"])
    assert done.changes.people_removed == {"P01"} and done.changes.locks == {Lock("D01", "P01")}
    with filled.sessions() as session:
        assert reading.locks(session) == []
    _undo(filled, done.undo)
    with filled.sessions() as session:
        assert reading.locks(session) == [Lock("D01", "P01")]
        assert "P01" in _ids(session)


def test_rename_follows_references_and_undoes(filled):
    with filled.sessions() as session:
        d01 = repo.get_person(session, "D01")
    with filled.sessions.begin() as session:
        done = people.edit_person(session, d01.with_changes(id="D09"), old_id="D01")
    assert done.changes.renamed == (("D01", "D09"),)
    assert done.changes.people_changed == {"D09", "I01"}  # I01 prefers D01: the preference follows
    with filled.sessions() as session:
        assert repo.get_person(session, "I01").prefers == ("D09",)
    _undo(filled, done.undo)
    with filled.sessions() as session:
        assert repo.get_person(session, "I01").prefers == ("D01",)
        assert repo.get_person(session, "D01") == d01


def test_a_rename_onto_a_taken_id_is_refused_and_changes_nothing(filled):
    with filled.sessions() as session:
        d01 = repo.get_person(session, "D01")
    with pytest.raises(ActionRefused) as refused, filled.sessions.begin() as session:
        people.edit_person(session, d01.with_changes(id="D02"), old_id="D01")
    assert render(refused.value.message, "zh") == "编号 D02 在本项目中已被使用，请另选一个。"


def test_lock_undo_puts_back_what_it_found(filled):
    with filled.sessions.begin() as session:
        locks.lock(session, "D01", "I01")
        done = locks.set_locks(session, [Lock("D01", "I01"), Lock("D02", "I02")], True)
    assert done.changes.locks == {Lock("D02", "I02")}  # D01–I01 was locked already
    redo = _undo(filled, done.undo)
    with filled.sessions() as session:
        assert reading.locks(session) == [Lock("D01", "I01")]
    _undo(filled, redo.undo)
    with filled.sessions() as session:
        assert set(reading.locks(session)) == {Lock("D01", "I01"), Lock("D02", "I02")}


def test_a_lock_between_two_directors_is_refused_with_a_message(filled):
    with pytest.raises(ActionRefused) as refused, filled.sessions.begin() as session:
        locks.lock(session, "D01", "D02")
    assert refused.value.message.code == "actions.lock_roles"
    with pytest.raises(UserError, match="no person with id X9"), filled.sessions.begin() as session:
        locks.lock(session, "D01", "X9")


def test_propose_saves_the_run_with_its_settings_and_undo_deletes_it(filled):
    done = propose.propose(filled.sessions, {"instructors_max": 1, "time_limit_s": 2.0},
                           search={"seed": 0, "workers": 1})
    run_id = done.value
    assert done.changes.runs_added == {run_id}
    with filled.sessions() as session:
        saved = runs.saved_run(session, run_id)
        assert reading.settings(session).instructors_max == 2  # the program's settings are not changed
    assert saved.settings.instructors_max == 1 and saved.settings.time_limit_s == 2.0
    assert saved.result.status in (RunStatus.OPTIMAL, RunStatus.FEASIBLE)
    assert {t.director for t in saved.result.teams} == {"D01", "D02"}
    redo = _undo(filled, done.undo)
    with filled.sessions() as session:
        assert reading.runs(session) == []
    _undo(filled, redo.undo)
    with filled.sessions() as session:
        assert [r.id for r in reading.runs(session)] == [run_id]
        assert runs.saved_run(session, run_id) == saved


def test_move_mentor_saves_the_change_or_refuses_it(filled):
    run_id = propose.propose(filled.sessions, {"instructors_max": 1}, search={"workers": 1}).value
    with filled.sessions() as session:
        before = runs.saved_run(session, run_id).result
    team = {t.director: t for t in before.teams}
    # P01 takes one director: moving P01 onto the other team would exceed its capacity unless swapped.
    other = "D02" if team["D01"].producer == "P01" else "D01"
    source = "D01" if other == "D02" else "D02"
    with filled.sessions.begin() as session:
        done = moves.move_mentor(session, run_id, moves.Move("P01", "producer", other, source=source))
    assert done.changes.teams == {(run_id, "D01"), (run_id, "D02")}
    with filled.sessions() as session:
        after = {t.director: t for t in runs.saved_run(session, run_id).result.teams}
    assert after[other].producer == "P01" and after[source].producer == team[other].producer
    _undo(filled, done.undo)
    with filled.sessions() as session:
        assert runs.saved_run(session, run_id).result == before
    with filled.sessions.begin() as session:
        locks.lock(session, other, after[other].instructors[0])
    with pytest.raises(moves.MoveRefused), filled.sessions.begin() as session:
        moves.move_mentor(session, run_id, moves.Move(after[other].instructors[0], "instructor", other))


def test_settings_undo(filled):
    with filled.sessions() as session:
        before = reading.settings(session)
    with filled.sessions.begin() as session:
        from dataclasses import replace

        done = settings.save_settings(session, replace(before, fairness=True))
    assert done.changes == ChangeSet(settings=True)
    _undo(filled, done.undo)
    with filled.sessions() as session:
        assert reading.settings(session) == before


def test_change_sets_merge_and_say_what_they_concern():
    merged = ChangeSet.of(people_added=["D01"]) | ChangeSet.of(runs_changed=[3], settings=True)
    assert merged.people == {"D01"} and merged.runs == {3} and merged.settings and merged.roster
    assert not ChangeSet()
