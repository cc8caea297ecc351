"""The Pictures page's numbers follow a change by recomputing only what it affects (issue 11), and the result is
the engine's own compatibility matrix (every pair, to the cell) after every kind of change."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from pairing import engine
from pairing.domain import Lock, Person, Role, RunResult, RunStatus, Team
from pairing.synthetic import synthetic_program
from ui.pictures_work import (
    Affected, Computed, affected_by, concerns_pictures_elsewhere, concerns_pictures_here, pictures_data,
    pictures_work, recompute,
)


def engine_matrix(program) -> np.ndarray:
    """The ground truth: the engine's matrix of the whole program (producers and instructors), cut to producers."""
    directors, mentors, rows = engine.TeamEvaluator(program).compatibility_matrix()
    producers = [j for j, m in enumerate(mentors) if m in {p.id for p in program.producers}]
    return np.array(rows, dtype=float).reshape(len(directors), len(mentors))[:, producers]


def computed(program, generation: int = 0) -> Computed:
    done = recompute(None, program)
    return Computed(generation, program, pictures_data(program, None, None, done[0]), done[1])


def step(before: Computed, program) -> tuple[Computed, Affected]:
    scores, affected = recompute(before, program)
    np.testing.assert_array_equal(scores, engine_matrix(program))  # NaN (forbidden) where the engine's is None
    return Computed(before.generation + 1, program, pictures_data(program, None, None, scores), affected), affected


def with_people(program, people):
    return replace(program, people=tuple(people))


def edited(program, person_id: str, **changes):
    return with_people(program, [p.with_changes(**changes) if p.id == person_id else p for p in program.people])


@pytest.fixture(scope="module")
def program():
    """A synthetic program whose people also name others by name (the references a rename can move)."""
    made = synthetic_program(30, seed=3)
    director, producer = made.directors[0], made.producers[1]
    people = [p.with_changes(prefers=(producer.name, *p.prefers)) if p.id == director.id else
              p.with_changes(avoid=(made.directors[2].name,)) if p.id == producer.id else p for p in made.people]
    return with_people(made, people)


def test_the_first_computation_is_the_engines_matrix(program):
    scores, affected = recompute(None, program)
    assert affected.whole
    np.testing.assert_array_equal(scores, engine_matrix(program))
    assert np.isnan(scores).any() and not np.isnan(scores).all()  # forbidden pairs and allowed ones


def test_an_edited_director_recomputes_their_row_only(program):
    first = computed(program)
    director = program.directors[4]
    _, affected = step(first, edited(program, director.id, genres=("wuxia",), availability=("Sun EVE",)))
    assert affected == Affected(directors=frozenset({director.id}))


def test_an_edited_producer_recomputes_their_column_only(program):
    first = computed(program)
    producer = program.producers[3]
    for changes in ({"capacity": 0}, {"organization": program.directors[0].organization or "Studio 1"},
                    {"languages": ("Klingon",)}, {"availability": program.producers[0].availability}):
        _, affected = step(first, edited(program, producer.id, **changes))
        assert affected == Affected(producers=frozenset({producer.id}))


def test_notes_or_an_instructor_change_no_cell_and_a_lock_changes_nothing(program):
    first = computed(program)
    instructor = program.instructors[0]
    _, affected = step(first, edited(program, instructor.id, genres=("horror",)))
    assert not affected
    locked = replace(program, locks=(Lock(program.directors[0].id, program.producers[0].id),))
    assert not affected_by(program, locked)


def test_a_rename_moves_the_rows_of_those_who_named_the_person(program):
    first = computed(program)
    producer = program.producers[1]  # the first director prefers them by name; they avoid the third by name
    _, affected = step(first, edited(program, producer.id, name="Someone Else Entirely"))
    assert affected.producers == {producer.id} and affected.directors == {program.directors[0].id}
    # A newcomer with the name the third director has: "avoid" no longer names one person.
    twin = Person("D99", program.directors[2].name, Role.DIRECTOR, availability=("Mon AM",))
    _, affected = step(first, with_people(program, [*program.people, twin]))
    assert affected.producers == {producer.id} and affected.directors == {"D99"}


def test_people_added_and_removed(program):
    first = computed(program)
    newcomers = [Person("D98", "New Director", Role.DIRECTOR, genres=("drama",), availability=("Mon PM",)),
                 Person("P98", "New Producer", Role.PRODUCER, genres=("drama",), availability=("Mon PM",))]
    gone = {program.directors[5].id, program.producers[2].id}
    now = with_people(program, [p for p in program.people if p.id not in gone] + newcomers)
    done, affected = step(first, now)
    assert affected == Affected(directors=frozenset({"D98"}), producers=frozenset({"P98"}))
    assert "D98" in done.data.row_of and program.directors[5].id not in done.data.row_of
    # A director who becomes a producer leaves the rows and joins the columns.
    moved = program.directors[6]
    _, affected = step(done, edited(now, moved.id, role=Role.PRODUCER, capacity=2))
    assert affected == Affected(producers=frozenset({moved.id}))


def test_settings_that_decide_teams_recompute_everything_others_nothing(program):
    first = computed(program)
    weights = replace(program.settings.weights, genre=program.settings.weights.genre + 3)
    _, affected = step(first, replace(program, settings=replace(program.settings, weights=weights)))
    assert affected.whole
    _, affected = step(first, replace(program, settings=replace(program.settings, time_limit_s=99.0)))
    assert not affected


def test_a_new_run_recomputes_the_rows_whose_team_changed(program):
    teams = tuple(Team(d.id, program.producers[i % 5].id, (program.instructors[0].id,))
                  for i, d in enumerate(program.directors))
    ran = replace(program, previous=RunResult(RunStatus.FEASIBLE, teams=teams))
    first, affected = step(computed(program), ran)
    assert affected.whole  # the first run switches the stability criterion on
    changed = list(teams)
    changed[7] = replace(changed[7], producer=program.producers[9].id)
    _, affected = step(first, replace(ran, previous=RunResult(RunStatus.FEASIBLE, teams=tuple(changed))))
    assert affected == Affected(directors=frozenset({teams[7].director}))


def test_the_background_work_reads_and_computes_from_its_basis(program):
    first = computed(program)
    now = edited(program, program.directors[1].id, name="Renamed Here")
    work = pictures_work(lambda: (now, None), first, generation=5)
    result = work(None, None)
    assert result.generation == 5 and result.program is now
    assert result.affected == Affected(directors=frozenset({program.directors[1].id}))
    assert dict(result.data.directors)[program.directors[1].id] == "Renamed Here"


def test_which_changes_concern_the_pictures():
    from pairing.actions import ChangeSet

    assert concerns_pictures_here(ChangeSet.of(people_changed=["D01"]))
    assert concerns_pictures_here(ChangeSet.of(runs_added=[3]))
    assert concerns_pictures_here(ChangeSet.of(settings=True))
    assert not concerns_pictures_here(ChangeSet.of(locks=[Lock("D01", "P01")]))
    assert concerns_pictures_elsewhere(frozenset({"person"})) and concerns_pictures_elsewhere(frozenset({"run"}))
    assert not concerns_pictures_elsewhere(frozenset({"lock", "schedule", "schedule_meeting"}))

