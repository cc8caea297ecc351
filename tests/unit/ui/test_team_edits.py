"""Manual team changes: planned members, hard rules checked by the engine, score change, refusals."""

from dataclasses import replace

import pytest

from pairing import engine
from pairing.domain import Lock, Person, Program, Role, RunResult, RunStatus, Settings
from pairing.words import render
from ui.team_edits import Move, MoveRefused, evaluate, plan_members

SLOT = ("Mon AM",)


def _program(locks=()) -> Program:
    people = (
        Person("D1", "Ann", Role.DIRECTOR, genres=("drama",), needs=("editing",), availability=SLOT),
        Person("D2", "Bo", Role.DIRECTOR, genres=("sci-fi",), needs=("vfx",), availability=SLOT),
        Person("D3", "Cy", Role.DIRECTOR, genres=("drama",), needs=("sound",), availability=SLOT),
        Person("P1", "Pat", Role.PRODUCER, genres=("drama",), availability=SLOT, capacity=1),
        Person("P2", "Pia", Role.PRODUCER, genres=("sci-fi",), availability=SLOT, capacity=2),
        Person("P3", "Pol", Role.PRODUCER, genres=("drama",), availability=SLOT, capacity=1),
        Person("I1", "Ike", Role.INSTRUCTOR, skills={"editing": 4}, availability=SLOT, capacity=3),
        Person("I2", "Ida", Role.INSTRUCTOR, skills={"vfx": 4}, availability=SLOT, capacity=3),
        Person("I3", "Ivo", Role.INSTRUCTOR, skills={"sound": 4}, availability=SLOT, capacity=3),
    )
    return Program(Settings(instructors_min=1, instructors_max=2), people, tuple(locks))


def _run(program: Program) -> RunResult:
    plan = {"D1": ("P1", ("I1",)), "D2": ("P2", ("I2",)), "D3": ("P2", ("I3",))}
    evaluator = engine.TeamEvaluator(program)
    teams = tuple(evaluator.evaluate_team(d, p, i) for d, (p, i) in plan.items())
    return RunResult(RunStatus.OPTIMAL, sum(t.score for t in teams), sum(t.score for t in teams), teams=teams)


def _members(result: RunResult) -> dict:
    return {t.director: (t.producer, t.instructors) for t in result.teams}


def test_an_alternative_replaces_the_named_mentor_and_reports_the_score_change():
    program = _program()
    run = _run(program)
    outcome = evaluate(engine.TeamEvaluator(program), run, Move("P3", "producer", "D3", replaces="P2", target_hint="D3"))
    assert outcome.allowed
    assert _members(outcome.result)["D3"] == ("P3", ("I3",))
    new_d3 = next(t for t in outcome.result.teams if t.director == "D3")
    old_d3 = next(t for t in run.teams if t.director == "D3")
    assert outcome.delta == pytest.approx(new_d3.score - old_d3.score)
    assert outcome.result.objective == pytest.approx(run.objective + outcome.delta)
    assert outcome.result.status is RunStatus.FEASIBLE  # a hand-made change is no longer proven best


def test_dragging_a_producer_to_another_team_trades_producers():
    program = _program()
    outcome = evaluate(engine.TeamEvaluator(program), _run(program), Move("P1", "producer", "D2", source="D1"))
    members = _members(outcome.result)
    assert members["D1"][0] == "P2" and members["D2"][0] == "P1"
    assert set(outcome.changed) == {"D1", "D2"}
    assert outcome.allowed


def test_an_instructor_joins_a_team_with_room_and_leaves_one_that_keeps_enough():
    program = _program()
    run = _run(program)
    run = replace(run, teams=tuple(replace(t, instructors=("I1", "I3")) if t.director == "D1" else t for t in run.teams))
    members = plan_members(program, run, Move("I3", "instructor", "D2", source="D1"))
    assert members == {"D1": ("P1", ("I1",)), "D2": ("P2", ("I2", "I3"))}


def test_an_instructor_swaps_with_a_full_team():
    program = _program()
    members = plan_members(program, _run(program), Move("I1", "instructor", "D2", source="D1"))
    assert members == {"D1": ("P1", ("I2",)), "D2": ("P2", ("I1",))}


def test_a_change_that_exceeds_capacity_is_reported_as_a_violation():
    program = _program()
    # P1 takes one director and already has D1.
    outcome = evaluate(engine.TeamEvaluator(program), _run(program), Move("P1", "producer", "D3", replaces="P2", target_hint="D3"))
    assert not outcome.allowed
    assert any("P1" in render(v) or "Pat" in render(v) for v in outcome.violations)


def test_a_locked_mentor_cannot_be_moved_away():
    program = _program(locks=[Lock("D1", "P1")])
    with pytest.raises(MoveRefused, match="locked"):
        plan_members(program, _run(program), Move("P1", "producer", "D2", source="D1"))


def test_a_mentor_already_in_the_team_is_refused():
    program = _program()
    with pytest.raises(MoveRefused, match="already"):
        plan_members(program, _run(program), Move("I2", "instructor", "D2"))
