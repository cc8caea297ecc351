"""Diagnosis by name, cancel, breakdowns, reasons in both languages, manual edits and alternatives."""

from __future__ import annotations

import threading

import pytest

from pairing.domain import Lock, Person, Program, Role, RunStatus, Settings, Team
from pairing.engine import SolveOptions, TeamEvaluator, explain_infeasible, solve
from pairing.synthetic import synthetic_program
from pairing.words import render

FAST = SolveOptions(time_limit_s=2, workers=1)


def _en(messages) -> list[str]:
    """Explanations are messages (issue 8): rendered here in English with the default role names."""
    return [render(m) for m in messages]


def _p(pid, role, **kw):
    kw.setdefault("availability", ("Mon AM", "Tue PM"))
    return Person(id=pid, name=kw.pop("name", pid), role=role, **kw)


def _small(**changes) -> Program:
    people = [
        _p("D1", Role.DIRECTOR, genres=("sci-fi",), needs=("vfx", "sound")),
        _p("D2", Role.DIRECTOR, genres=("drama",), needs=("editing",)),
        _p("P1", Role.PRODUCER, genres=("sci-fi",), capacity=2),
        _p("I1", Role.INSTRUCTOR, skills={"vfx": 5}, capacity=2),
        _p("I2", Role.INSTRUCTOR, skills={"vfx": 3}, capacity=2),
        _p("I3", Role.INSTRUCTOR, skills={"sound": 4, "editing": 4}, capacity=2),
    ]
    return Program(settings=Settings(), people=tuple(people), **changes)


def test_capacity_shortfall_is_diagnosed_and_the_partial_pairing_names_who_is_left():
    program = _small()
    people = tuple(p.with_changes(capacity=1) if p.id == "P1" else p for p in program.people)
    result = solve(Program(settings=program.settings, people=people), FAST)
    assert result.status is RunStatus.INFEASIBLE
    assert any("capacity: 2 young directors but senior producers can take 1" in s for s in _en(result.diagnosis))
    assert len(result.teams) == 1 and len(result.unmatched) == 1
    assert result.unmatched[0].why
    assert explain_infeasible(Program(settings=program.settings, people=people), FAST) == list(result.diagnosis)


def test_no_possible_mentor_and_no_common_slot_are_named():
    program = _small()
    people = tuple(p.with_changes(avoid=("P1",)) if p.id == "D2" else p for p in program.people)
    result = solve(Program(settings=program.settings, people=people), FAST)
    assert any("no possible senior producer for D2" in s and "avoid" in s for s in _en(result.diagnosis))
    people = tuple(p.with_changes(availability=("Sun EVE",)) if p.id == "D1" else p for p in program.people)
    result = solve(Program(settings=program.settings, people=people), FAST)
    assert result.status is RunStatus.INFEASIBLE
    assert any("D1" in s and ("slot" in s) for s in _en(result.diagnosis))
    assert [u.id for u in result.unmatched] == ["D1"]


def test_contradictory_locks_are_diagnosed_and_never_broken():
    people = list(_small().people) + [_p("P2", Role.PRODUCER, capacity=2)]
    program = Program(settings=Settings(), people=tuple(people), locks=(Lock("D1", "P1"), Lock("D1", "P2")))
    result = solve(program, FAST)
    assert any("locked to 2 senior producers" in s for s in _en(result.diagnosis))
    why = {u.id: render(u.why) for u in result.unmatched}
    assert "cannot all be kept" in why["D1"]
    assert all(t.director != "D1" for t in result.teams)


def test_lock_is_kept_and_listed():
    program = _small(locks=(Lock("D2", "I2"),))
    result = solve(program, FAST)
    team = next(t for t in result.teams if t.director == "D2")
    assert "I2" in team.instructors and team.locked == ("I2",)


def test_needs_count_once_per_team_and_breakdown_adds_up():
    program = _small()
    evaluator = TeamEvaluator(program, FAST)
    both_vfx = evaluator.evaluate_team("D1", "P1", ["I1", "I2"])
    vfx_and_sound = evaluator.evaluate_team("D1", "P1", ["I1", "I3"])
    assert vfx_and_sound.breakdown["needs"] > both_vfx.breakdown["needs"]
    for team in (both_vfx, vfx_and_sound):
        assert sum(team.breakdown.values()) == pytest.approx(team.score)
    assert "both work in sci-fi" in _en(vfx_and_sound.reasons)
    assert "covers: VFX, sound" in _en(vfx_and_sound.reasons)
    zh = [render(r, "zh") for r in evaluator.reasons(vfx_and_sound)]
    assert "都做科幻" in zh and any("周一 上午" in r for r in zh)


def test_solved_teams_have_breakdowns_that_add_up_and_cover_needs():
    result = solve(_small(), FAST)
    assert result.status is RunStatus.OPTIMAL
    assert result.objective == pytest.approx(sum(t.score for t in result.teams))
    d1 = next(t for t in result.teams if t.director == "D1")
    assert set(d1.instructors) & {"I3"}  # sound is only covered by I3
    assert result.bound == result.objective  # the contract: equal when optimal


def test_cancel_from_the_progress_callback_returns_a_valid_pairing():
    program = synthetic_program(60, seed=3)
    cancel = threading.Event()
    seen = []

    def progress(p):
        seen.append(p.phase)
        cancel.set()

    result = solve(program, SolveOptions(time_limit_s=30, workers=1), progress=progress, cancel=cancel)
    assert result.status is RunStatus.CANCELLED
    assert len(result.teams) == 60 and seen[0] == "construct"
    evaluator = TeamEvaluator(program, SolveOptions(workers=1))
    assert all(not evaluator.check_team(result, t) for t in result.teams)


def test_check_team_names_broken_rules():
    program = _small()
    result = solve(program, FAST)
    bad = Team(director="D1", producer=None, instructors=("I1", "I2", "I3"))
    problems = _en(TeamEvaluator(program, FAST).check_team(result, bad))
    assert any("no senior producer" in p for p in problems)
    assert any("has 3 instructors" in p for p in problems)


def test_alternatives_keep_the_hard_rules():
    program = synthetic_program(20, seed=5)
    options = SolveOptions(time_limit_s=1, workers=1)
    result = solve(program, options)
    # The first team with alternatives: how good a 1-second search was must not decide the test (issue 8).
    evaluator = TeamEvaluator(program, options)
    found, team = next(((found, t) for t in result.teams
                        if (found := evaluator.alternatives(result, t.director, limit=5))), ([], None))
    assert found
    director = team.director
    for alt in found:
        if alt.role is Role.PRODUCER:
            edited = Team(director, alt.mentor, team.instructors)
        elif alt.replaces is None:
            edited = Team(director, team.producer, (*team.instructors, alt.mentor))
        else:
            edited = Team(director, team.producer, tuple(alt.mentor if i == alt.replaces else i for i in team.instructors))
        assert evaluator.check_team(result, edited) == []
    assert [a.delta for a in found] == sorted((a.delta for a in found), reverse=True)


def test_pair_score_is_none_where_forbidden_and_matrix_matches():
    program = _small()
    people = tuple(p.with_changes(avoid=("I1",)) if p.id == "D1" else p for p in program.people)
    program = Program(settings=Settings(), people=people)
    evaluator = TeamEvaluator(program, FAST)
    assert evaluator.pair_score("D1", "I1") is None
    assert evaluator.pair_score("D1", "P1") > 0
    directors, mentors, rows = evaluator.compatibility_matrix()
    assert mentors[:1] == ["P1"] and rows[directors.index("D1")][mentors.index("I1")] is None


def test_reproposal_keeps_previous_teams_and_counts_changes():
    """On the exact (pairwise) path both solves are proven optimal, so the answer does not depend on how
    busy the machine is: it used to be a 2-second search that failed 3 times in 5 under load (issue 8)."""
    from pairing.domain import Weights

    settings = Settings(require_meeting=False, weights=Weights(needs=0, meeting=0))
    program = synthetic_program(30, seed=2, settings=settings)
    options = SolveOptions.from_settings(settings, workers=1)
    first = solve(program, options)
    again = solve(Program(settings=program.settings, people=program.people, previous=first), options)
    assert first.status is RunStatus.OPTIMAL and again.status is RunStatus.OPTIMAL
    assert first.teams_changed is None and again.teams_changed == 0


@pytest.mark.parametrize("seed", [1, 2])
def test_large_neighbourhood_search_keeps_every_hard_rule(seed):
    program = synthetic_program(80, seed=seed)
    options = SolveOptions(time_limit_s=1.5, workers=1, seed=seed)
    progress = []
    result = solve(program, options, progress=progress.append)
    # the team columns may prove the optimum within the 1.5 s (they do on an idle machine)
    assert result.status in (RunStatus.FEASIBLE, RunStatus.OPTIMAL) and len(result.teams) == 80
    assert progress[0].phase == "construct" and progress[-1].phase == "done"
    assert result.objective >= progress[0].best - 1e-6
    assert result.bound >= result.objective
    evaluator = TeamEvaluator(program, options)
    for team in result.teams:
        assert evaluator.check_team(result, team) == []


def test_one_impossible_director_does_not_stop_the_others():
    program = synthetic_program(80, seed=4)
    producers = [p.id for p in program.producers]
    locks = (Lock("D01", producers[0]), Lock("D01", producers[1]))
    program = Program(settings=program.settings, people=program.people, locks=locks)
    options = SolveOptions(time_limit_s=1.5, workers=1)
    result = solve(program, options)
    assert result.status is RunStatus.INFEASIBLE
    assert [u.id for u in result.unmatched] == ["D01"] and "cannot all be kept" in render(result.unmatched[0].why)
    assert len(result.teams) == 79
    evaluator = TeamEvaluator(program, options)
    for team in result.teams:
        assert evaluator.check_team(result, team) == []


def test_certified_flow_on_few_arcs_equals_the_flow_on_every_pair():
    from pairing.domain import Weights
    from pairing.engine.candidates import build_arcs
    from pairing.engine.construct import exact_teams
    from pairing.engine.instance import compile_program
    from pairing.engine.result import objective

    settings = Settings(require_meeting=False, weights=Weights(needs=0, meeting=0))
    program = synthetic_program(150, seed=6, settings=settings)
    options = SolveOptions.from_settings(settings)
    inst = compile_program(program, options)
    every, proven_every = exact_teams(inst, build_arcs(inst, k=inst.n_mentors))
    few, proven_few = exact_teams(inst, build_arcs(inst, k=2))
    assert proven_every and proven_few
    assert objective(inst, few) == pytest.approx(objective(inst, every), abs=1e-6)
    assert solve(program, options).status is RunStatus.OPTIMAL


def test_solver_core_names_the_colliding_people_when_no_precheck_sees_it():
    people = [
        _p("D1", Role.DIRECTOR, avoid=("P2",)), _p("D2", Role.DIRECTOR, avoid=("P2",)),
        _p("P1", Role.PRODUCER, capacity=1), _p("P2", Role.PRODUCER, capacity=1),
        _p("I1", Role.INSTRUCTOR, capacity=4),
    ]
    program = Program(settings=Settings(), people=tuple(people))
    result = solve(program, FAST)
    assert result.status is RunStatus.INFEASIBLE and len(result.teams) == 1
    core = " ".join(_en(result.diagnosis))
    assert "cannot all hold together" in core and "P1" in core and "D1" in core and "D2" in core
    assert "I1" not in core and "P2" not in core  # the core is minimal: only the people who collide
    assert "P1" in render(result.unmatched[0].why) and "full" in render(result.unmatched[0].why)


def test_same_organization_is_forbidden_but_independent_is_no_organization():
    def with_orgs(director_org, mentor_org):
        people = tuple(p.with_changes(organization=director_org) if p.id == "D1"
                       else p.with_changes(organization=mentor_org) if p.id == "I1" else p
                       for p in _small().people)
        return Program(settings=Settings(), people=people)

    def pair_score(program):
        return TeamEvaluator(program, FAST).pair_score("D1", "I1")

    assert pair_score(with_orgs("北影青年工作室", " 北影青年工作室 ")) is None
    assert pair_score(with_orgs("Silver Reed Films", "silver reed films")) is None
    for placeholder in ("Independent", "独立导演", "自由职业", "n/a"):
        assert pair_score(with_orgs(placeholder, placeholder)) is not None
