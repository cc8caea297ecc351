"""Large programs (pairing/engine/neighbourhoods.py, the large path of solver.py): the team-column model on
neighbourhoods keeps every hard rule and only ever raises the total, the column bound under any mentor
prices never falls below the optimum, every director is placed where greedy construction fails, the same
seed gives the same teams, progress and cancel behave.

The large path is forced on small programs by setting solver.COLUMN_MAX_PAIRS to 0 (the size above which
it is used) and a small neighbourhood size; its budget is in deterministic units, made coarse here
(MOVE_COST) so a test's few moves end long before the wall-clock safety net on a busy machine."""

from __future__ import annotations

import threading

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pairing.domain import Lock, Program, RunStatus, Settings
from pairing.engine import SolveOptions, TeamEvaluator, neighbourhoods, solve, solver
from pairing.engine.bound import column_bound, flow_bound, pairwise_upper
from pairing.engine.candidates import build_arcs
from pairing.engine.construct import greedy, is_complete, locked_members
from pairing.engine.instance import compile_program
from pairing.engine.master import level_gains
from pairing.engine.result import objective
from pairing.engine.scoring import load_marginal
from pairing.synthetic import synthetic_program
from tests.unit.pairing.engine.test_engine_bruteforce import exhaustive, programs


@pytest.fixture
def large_path(monkeypatch):
    """Every coupled program takes the large-program path, in neighbourhoods of 12 directors."""
    monkeypatch.setattr(solver, "COLUMN_MAX_PAIRS", 0)
    monkeypatch.setattr(solver, "FULL_MODEL_ARCS", 0)  # (else CP-SAT takes the whole model of a small program)
    monkeypatch.setattr(neighbourhoods, "REGION", 12)
    monkeypatch.setattr(neighbourhoods, "MOVE_COST", 0.4)


def _tight(n: int, seed: int) -> Program:
    """About 1.05 producer places per director, every third person in one of n/8 organizations."""
    program = synthetic_program(n, seed=seed, slack=1.05, settings=Settings(avoid_same_organization=True))
    orgs = [f"Org {k}" for k in range(max(2, n // 8))]
    people = tuple(p.with_changes(organization=orgs[i % len(orgs)]) if i % 3 == 0 else p
                   for i, p in enumerate(program.people))
    return Program(settings=program.settings, people=people)


def _rules_hold(program: Program, result, options) -> None:
    evaluator = TeamEvaluator(program, options)
    for team in result.teams:
        assert evaluator.check_team(result, team) == []


def test_a_move_keeps_every_rule_and_its_gain_is_the_rise_of_the_total():
    program = synthetic_program(60, seed=3)
    inst = compile_program(program, SolveOptions.from_settings(program.settings, workers=1))
    arcs = build_arcs(inst)
    teams = solver._start(inst, arcs)
    before = objective(inst, teams)
    region = list(range(0, 60, 2))
    gain, cost = neighbourhoods.move(inst, teams, region, seed=0, deadline=float("inf"))
    assert cost > 0 and gain >= 0
    assert objective(inst, teams) == pytest.approx(before + gain, abs=1e-6)
    assert all(is_complete(inst, d, teams[d]) for d in range(inst.n_directors))
    used = np.zeros(inst.n_mentors, dtype=np.int64)
    for members in teams.values():
        used[members] += 1
    assert np.all(used <= inst.capacity)


def test_a_neighbourhood_starts_each_mentors_load_after_the_places_taken_outside():
    program = synthetic_program(20, seed=5)
    inst = compile_program(program, SolveOptions.from_settings(program.settings))
    used = np.minimum(np.arange(inst.n_mentors) % 3, inst.capacity)
    sub, gains, mentors = neighbourhoods.sub_instance(inst, np.array([1, 4, 7]), used)
    assert list(mentors) == [m for m in range(inst.n_mentors) if inst.capacity[m] > used[m]]
    assert [p.id for p in sub.directors] == [inst.directors[d].id for d in (1, 4, 7)]
    for i, m in enumerate(mentors):
        expected = [inst.weights["load"] * load_marginal(inst, m, k)
                    for k in range(used[m] + 1, int(inst.capacity[m]) + 1)]
        assert gains[i] == pytest.approx(expected)
        assert sub.mentors[i].id == inst.mentors[m].id and sub.capacity[i] == inst.capacity[m] - used[m]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(programs(), st.integers(0, 2**16))
def test_the_column_bound_under_any_prices_is_never_below_the_optimum(case, seed):
    program, options = case
    if options.fair:
        options = type(options)(**{**options.__dict__, "fair": False})
    inst = compile_program(program, options)
    locked_members(inst)
    arcs = build_arcs(inst)
    placed, best = exhaustive(program, options)
    rng = np.random.default_rng(seed)
    flow_prices = np.zeros(inst.n_mentors)
    flow = flow_bound(inst, arcs, prices=flow_prices)
    for mu in (flow_prices, rng.normal(0, 20, inst.n_mentors), np.zeros(inst.n_mentors)):
        exact = column_bound(inst, mu, complete=False)
        assert exact.value >= best - 1e-6  # any pairing, complete or not
        # a pass cut short (here before its first director) counts the pairwise upper bound instead
        pairwise = pairwise_upper(inst, arcs, mu)
        assert np.all((pairwise >= exact.upper - 1e-6) | (exact.upper < -1e8))  # (no team at all: both nothing)
        assert column_bound(inst, mu, deadline=0.0, complete=False, fallback=pairwise).value >= exact.value - 1e-6
        if placed == inst.n_directors:
            assert column_bound(inst, mu).value >= best - 1e-6
    if placed == inst.n_directors and np.isfinite(flow):
        # under the flows' own prices the team columns price at most what the pairwise relaxation does
        assert column_bound(inst, flow_prices).value <= flow + 1e-3 * inst.n_directors + 1e-6


def test_level_gains_of_a_neighbourhood_without_places_taken_are_the_programs():
    program = synthetic_program(10, seed=1)
    inst = compile_program(program, SolveOptions.from_settings(program.settings))
    used = np.zeros(inst.n_mentors, dtype=np.int64)
    mentors = np.arange(inst.n_mentors)
    after = neighbourhoods.level_gains_after(inst, used, inst.capacity, mentors)
    for mine, theirs in zip(after, level_gains(inst)):
        assert mine == pytest.approx(theirs)


def test_a_feasible_tight_program_where_greedy_fails_gets_every_director_placed(large_path):
    program = _tight(60, seed=2)
    options = SolveOptions.from_settings(program.settings, time_limit_s=6, workers=1)
    inst = compile_program(program, options)
    teams = greedy(inst, build_arcs(inst))
    assert not all(is_complete(inst, d, teams.get(d, [])) for d in range(inst.n_directors))  # greedy fails
    result = solve(program, options)
    assert not result.unmatched and result.status is RunStatus.FEASIBLE
    assert result.bound >= result.objective
    _rules_hold(program, result, options)


def test_the_large_path_improves_keeps_locks_and_repeats_exactly(large_path):
    program = synthetic_program(60, seed=4)
    options = SolveOptions.from_settings(program.settings, time_limit_s=6, workers=1, seed=5)
    evaluator = TeamEvaluator(program, options)
    # pairs the rules allow, from the end of the lists (not what a director would pick first)
    producer = next(p.id for p in reversed(program.producers) if evaluator.pair_score("D03", p.id) is not None)
    instructor = next(p.id for p in reversed(program.instructors) if evaluator.pair_score("D10", p.id) is not None)
    program = Program(settings=program.settings, people=program.people,
                      locks=(Lock("D03", producer), Lock("D10", instructor)))
    progress = []
    first = solve(program, options, progress=progress.append)
    second = solve(program, options)
    assert [(t.director, t.producer, t.instructors) for t in first.teams] == \
        [(t.director, t.producer, t.instructors) for t in second.teams]
    assert first.status is RunStatus.FEASIBLE and len(first.teams) == 60
    assert first.bound >= first.objective
    team = {t.director: t for t in first.teams}
    assert team["D03"].producer == producer and instructor in team["D10"].instructors
    _rules_hold(program, first, options)
    # progress: the construction first, then the best only rises and the proven bound only falls
    assert progress[0].phase == "construct" and progress[-1].phase == "done"
    improving = [p for p in progress if p.phase == "improve"]
    assert improving and improving[-1].best > progress[0].best
    assert all(a.best <= b.best + 1e-6 for a, b in zip(improving, improving[1:]))
    bounds = [p.bound for p in improving if np.isfinite(p.bound)]
    assert all(a >= b - 1e-6 for a, b in zip(bounds, bounds[1:]))
    assert first.objective == pytest.approx(improving[-1].best, abs=1e-3)


def test_cancel_during_the_large_search_keeps_the_best_pairing(large_path):
    program = synthetic_program(60, seed=6)
    options = SolveOptions.from_settings(program.settings, time_limit_s=30, workers=1)
    cancel = threading.Event()
    seen = []

    def on_progress(p):
        seen.append(p)
        if p.phase == "improve" and p.best > seen[0].best:
            cancel.set()

    result = solve(program, options, progress=on_progress, cancel=cancel)
    assert result.status is RunStatus.CANCELLED and len(result.teams) == 60
    assert result.objective >= max(p.best for p in seen if p.phase != "done") - 1e-3
    _rules_hold(program, result, options)


def test_a_reproposal_on_the_large_path_keeps_the_previous_teams(large_path):
    program = synthetic_program(60, seed=8)
    options = SolveOptions.from_settings(program.settings, time_limit_s=4, workers=1)
    first = solve(program, options)
    again = solve(Program(settings=program.settings, people=program.people, previous=first), options)
    assert again.teams_changed is not None and again.teams_changed <= 6
    _rules_hold(program, again, options)


def test_a_director_no_pairing_can_place_stays_out_and_the_bound_still_holds(large_path):
    program = synthetic_program(60, seed=4)
    producers = [p.id for p in program.producers]
    program = Program(settings=program.settings, people=program.people,
                      locks=(Lock("D01", producers[0]), Lock("D01", producers[1])))  # two producers: never
    options = SolveOptions.from_settings(program.settings, time_limit_s=6, workers=1)
    result = solve(program, options)
    assert result.status is RunStatus.INFEASIBLE and [u.id for u in result.unmatched] == ["D01"]
    # a real bound (the whole-program LP over partial pairings: it may meet the score, never fall below it)
    assert len(result.teams) == 59 and result.objective <= result.bound < float("inf")
    inst = compile_program(program, options)
    locked_members(inst)
    every = column_bound(inst, np.zeros(inst.n_mentors), complete=False).value
    assert every >= result.objective  # the partial pairing is bounded by the bound over every pairing
    _rules_hold(program, result, options)


def test_a_director_the_construction_leaves_out_is_placed_by_the_column_repair(large_path):
    program = _tight(40, seed=10)  # the flows and their greedy repair leave one director without a team
    options = SolveOptions.from_settings(program.settings, time_limit_s=6, workers=1)
    inst = compile_program(program, options)
    arcs = build_arcs(inst)
    teams = solver._start(inst, arcs)
    assert sum(not is_complete(inst, d, teams.get(d, [])) for d in range(inst.n_directors)) == 1
    assert neighbourhoods.repair(inst, arcs, teams, set(), seed=0, deadline=float("inf")) == 1
    assert all(is_complete(inst, d, teams[d]) for d in range(inst.n_directors))
    used = np.zeros(inst.n_mentors, dtype=np.int64)
    for members in teams.values():
        used[members] += 1
    assert np.all(used <= inst.capacity)
    result = solve(program, options)
    assert not result.unmatched and result.status is RunStatus.FEASIBLE
    assert result.bound >= result.objective
    _rules_hold(program, result, options)
