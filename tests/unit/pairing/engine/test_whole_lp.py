"""The whole-program column LP of large programs (pairing/engine/whole_lp.py): its bound is never below the
brute-force optimum, at convergence it is the column LP's value (the same as master.generate's), the
pricing prunings it adds keep pricing exact, and the LP's rounding with its repair keeps every rule."""

from __future__ import annotations

import time

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pairing.domain import Program, Settings
from pairing.engine import SolveOptions, TeamEvaluator, neighbourhoods, solve, solver, whole_lp
from pairing.engine.bound import flow_bound
from pairing.engine.candidates import build_arcs
from pairing.engine.construct import is_complete, locked_members
from pairing.engine.instance import compile_program
from pairing.engine.master import Master, generate
from pairing.engine.pricing import build_space, price
from pairing.engine.result import objective
from pairing.synthetic import synthetic_program
from tests.unit.pairing.engine.test_engine_bruteforce import exhaustive, programs

FOREVER = float("inf")


def _setup(program: Program, options: SolveOptions):
    inst = compile_program(program, options)
    locked_members(inst)
    arcs = build_arcs(inst)
    teams = solver._start(inst, arcs)
    prices = np.zeros(inst.n_mentors)
    flow_bound(inst, arcs, prices=prices)
    return inst, arcs, teams, prices


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(programs())
def test_the_whole_lp_bound_is_never_below_the_brute_force_optimum(case):
    program, options = case
    if options.fair:
        options = type(options)(**{**options.__dict__, "fair": False})
    inst, _, teams, prices = _setup(program, options)
    placed, best = exhaustive(program, options)
    # over every pairing (a director may have no team) it bounds the best partial pairing too
    every = whole_lp.relax(inst, build_space(inst), teams, prices, budget=FOREVER, deadline=FOREVER, complete=False)
    assert every.bound >= best - 1e-6
    if placed == inst.n_directors:
        complete = whole_lp.relax(inst, build_space(inst), teams, prices, budget=FOREVER, deadline=FOREVER)
        assert complete.bound >= best - 1e-6


@pytest.mark.parametrize("seed", [1, 2])
def test_at_convergence_the_stabilised_bound_is_the_column_lp_value(seed):
    program = synthetic_program(30, seed=seed)
    options = SolveOptions.from_settings(program.settings, workers=1)
    inst, _, teams, prices = _setup(program, options)
    ours = whole_lp.relax(inst, build_space(inst), teams, prices, budget=FOREVER, deadline=FOREVER)
    assert ours.converged
    master = Master(inst, build_space(inst))
    master.add_teams({d: ms for d, ms in teams.items() if is_complete(inst, d, ms)})
    theirs = generate(master, FOREVER)
    assert theirs.converged
    # the two LPs are the same model; each bound is within the convergence tolerance of its LP value
    assert ours.bound == pytest.approx(theirs.lp, rel=2 * whole_lp.CONVERGED)
    assert ours.lp == pytest.approx(theirs.lp, rel=2 * whole_lp.CONVERGED)
    assert ours.bound >= theirs.lp - 1e-6


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 2**16))
def test_pricing_from_the_pool_floor_is_exact(seed):
    """Pricing with each director's best pool column as its floor (whole_lp.relax) gives the same bound on
    every director's best team as pricing from nothing, under any prices."""
    program = synthetic_program(12, seed=seed % 7)
    inst = compile_program(program, SolveOptions.from_settings(program.settings, workers=1))
    space = build_space(inst)
    rng = np.random.default_rng(seed)
    mu = rng.normal(0, 15, inst.n_mentors)
    free = price(space, mu, np.full(inst.n_directors, -np.inf), per_director=30)
    pool = whole_lp.Pool(inst.n_mentors, 1 + inst.options.instructors_max)
    pool.add(free.columns[:: 3])  # some real teams, not the best ones
    floor = pool.best(mu, inst.n_directors)
    floored = price(space, mu, floor, per_director=3)
    upper = np.maximum(floored.upper, floor)
    finite = np.isfinite(free.best)
    assert np.allclose(upper[finite], free.upper[finite], atol=1e-6)


def test_the_lps_rounding_and_its_repair_keep_every_rule():
    program = synthetic_program(80, seed=4, slack=1.05, settings=Settings(avoid_same_organization=True))
    options = SolveOptions.from_settings(program.settings, workers=1)
    inst, arcs, teams, prices = _setup(program, options)
    relaxed = whole_lp.relax(inst, build_space(inst), teams, prices, budget=FOREVER, deadline=FOREVER)
    rounded = whole_lp.round_teams(inst, relaxed.master, relaxed.x, relaxed.mu, relaxed.upper)
    neighbourhoods.repair_many(inst, arcs, rounded, set(), 0, FOREVER, pool=whole_lp.pool_by_director(relaxed.master))
    used = np.zeros(inst.n_mentors, dtype=np.int64)
    for members in rounded.values():
        used[members] += 1
    assert np.all(used <= inst.capacity)
    assert all(is_complete(inst, d, rounded[d]) for d in rounded)
    assert len(rounded) == inst.n_directors  # this program has a complete pairing, and it is found
    assert objective(inst, rounded) <= relaxed.bound + 1e-6


def test_the_large_path_with_the_whole_lp_gives_the_same_teams_for_the_same_seed(monkeypatch):
    monkeypatch.setattr(solver, "COLUMN_MAX_PAIRS", 0)
    monkeypatch.setattr(solver, "FULL_MODEL_ARCS", 0)
    monkeypatch.setattr(neighbourhoods, "REGION", 12)
    monkeypatch.setattr(neighbourhoods, "MOVE_COST", 0.4)
    program = synthetic_program(50, seed=6)
    options = SolveOptions.from_settings(program.settings, time_limit_s=8, workers=1)
    first, second = solve(program, options), solve(program, options)
    assert [(t.director, t.producer, t.instructors) for t in first.teams] == \
        [(t.director, t.producer, t.instructors) for t in second.teams]
    assert first.bound >= first.objective
    evaluator = TeamEvaluator(program, options)
    assert all(evaluator.check_team(first, team) == [] for team in first.teams)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(programs(), st.integers(1, 3))
def test_a_last_pass_for_the_bound_only_still_bounds_the_brute_force_optimum(case, rounds):
    """When a whole round no longer fits the budget but a pricing pass does, relax prices once more for
    the bound only (no LP after it): that bound too is never below the optimum."""
    program, options = case
    if options.fair:
        options = type(options)(**{**options.__dict__, "fair": False})
    inst, _, teams, prices = _setup(program, options)
    placed, best = exhaustive(program, options)
    out = _relax_rounds(inst, teams, prices, rounds, complete=placed == inst.n_directors)
    assert out.bound >= best - 1e-6


@pytest.mark.parametrize("seed", [1, 2])
def test_the_last_pass_for_the_bound_only_lowers_it_and_leaves_the_lp_as_it_was(seed):
    program = synthetic_program(40, seed=seed)
    inst, _, teams, prices = _setup(program, SolveOptions.from_settings(program.settings, workers=1))
    two = _relax_rounds(inst, teams, prices, 2, complete=True)
    assert two.final_pass and two.rounds == 2
    without = whole_lp.relax(inst, build_space(inst), teams, prices, budget=1e9, deadline=FOREVER)
    assert not without.final_pass
    # the LP (and so the rounding) is that of two whole rounds; the bound is at most theirs
    whole_lp_two = _relax_rounds(inst, teams, prices, 2, complete=True, last_pass=False)
    assert two.lp == whole_lp_two.lp and len(two.master.columns) == len(whole_lp_two.master.columns)
    assert two.bound <= whole_lp_two.bound
    assert two.bound >= without.bound - 1e-6


@pytest.mark.parametrize("seed", [1, 3])
def test_a_last_pass_left_for_later_gives_the_bound_relax_would_have_given(seed):
    """With `later` the last pass for the bound only is the caller's (after the LP's rounding): until it is
    priced the LP and the bound are those of the whole rounds; priced, it gives the bound relax gives."""
    program = synthetic_program(40, seed=seed)
    inst, _, teams, prices = _setup(program, SolveOptions.from_settings(program.settings, workers=1))
    inside = _relax_rounds(inst, teams, prices, 2, complete=True)
    deferred = _relax_rounds(inst, teams, prices, 2, complete=True, later=True)
    whole_rounds = _relax_rounds(inst, teams, prices, 2, complete=True, last_pass=False)
    assert inside.final_pass and inside.bound_pass is None
    assert deferred.bound_pass is not None and not deferred.final_pass
    assert deferred.lp == inside.lp and deferred.bound == whole_rounds.bound
    assert not deferred.bound_pass(time.perf_counter() - 1.0)  # it could not end in time: not begun
    assert not deferred.final_pass and deferred.bound == whole_rounds.bound
    assert deferred.bound_pass(FOREVER) and deferred.final_pass
    assert deferred.bound == inside.bound and np.array_equal(deferred.upper, inside.upper)


def _relax_rounds(inst, teams, prices, rounds, complete, last_pass=True, later=False):
    """relax where `rounds` exact rounds fit the budget, then one pricing pass for the bound only (none
    without last_pass)."""
    real = whole_lp._next_round
    seen = {"exact": 0}

    def next_round(state, budget, left, dual_cost):
        kind = real(state, budget, left, dual_cost)
        if kind == whole_lp.EXACT_ROUND:
            seen["exact"] += 1
            if seen["exact"] > rounds:
                return whole_lp.BOUND_ONLY if last_pass else whole_lp.STOP
        return kind

    whole_lp._next_round = next_round
    try:
        return whole_lp.relax(inst, build_space(inst), teams, prices, budget=1e9, deadline=FOREVER, complete=complete,
                              later=later)
    finally:
        whole_lp._next_round = real


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_directors_last_bound_moved_by_its_mentors_price_falls_bounds_its_teams_at_new_prices(seed):
    """What a pass cut short proves for the directors it did not reach (and why the others need no
    pricing): the last bound plus the most their team's prices can fall is at least their best team."""
    program = synthetic_program(30, seed=seed)
    inst = compile_program(program, SolveOptions.from_settings(program.settings, workers=1))
    space = build_space(inst)
    rng = np.random.default_rng(seed)
    last_mu = rng.normal(5, 5, inst.n_mentors)
    mu = last_mu + rng.normal(0, 3, inst.n_mentors)
    nothing = np.full(inst.n_directors, -np.inf)
    last_upper = price(space, last_mu, nothing, per_director=1).upper
    wanted, moved = whole_lp._worth_pricing(space, nothing, mu, last_mu, last_upper)
    best = price(space, mu, nothing, per_director=1).best
    assert len(wanted) == inst.n_directors  # (a floor of −inf: every director is worth pricing)
    assert np.all(moved >= best - 1e-6)
    assert np.any(moved > last_upper)  # prices fell somewhere: the last bound alone would not do
