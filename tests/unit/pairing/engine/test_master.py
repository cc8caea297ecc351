"""The team-column master (pairing/engine/master.py): its bound never falls below the optimum; its LP time
limit, the dive cut short and the exactly-one integer model."""

from __future__ import annotations

import time

from unittest.mock import patch

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from pairing.domain import Settings
from pairing.engine import SolveOptions
from pairing.engine.candidates import build_arcs
from pairing.engine.construct import constructive, is_complete, locked_members, usage_array
from pairing.engine import master as master_module
from pairing.engine.instance import compile_program
from pairing.engine.master import Master, dive, generate, integer_teams
from pairing.engine.mentor_slots import assign
from pairing.engine.pricing import build_space
from pairing.engine.result import complete_teams, objective
from pairing.synthetic import synthetic_program
from tests.unit.pairing.engine.test_engine_bruteforce import exhaustive, programs


def _unfair_master(case):
    """The case's program without fairness (the column LP's bound is on the total), compiled, with its master."""
    program, options = case
    if options.fair:
        options = type(options)(**{**options.__dict__, "fair": False})
    inst = compile_program(program, options)
    locked_members(inst)
    return program, options, inst, Master(inst, build_space(inst))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(programs())
def test_column_bound_is_never_below_the_optimum(case):
    program, options, inst, master = _unfair_master(case)
    relax = generate(master, time.perf_counter() + 60)
    placed, best = exhaustive(program, options)
    assert relax.converged
    assert relax.bound_any(master) >= best - 1e-6  # over every pairing, complete or not
    if placed == inst.n_directors:  # over complete pairings; the relaxation places everyone too
        assert relax.bound >= best - 1e-6
        assert relax.unplaced.sum() <= 1e-6
        assert abs(relax.lp - relax.bound) <= 1e-3  # converged: the Lagrangian bound is the LP value


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(programs(), st.integers(1, 2))
def test_a_bound_from_column_generation_cut_short_is_never_below_the_optimum(case, rounds):
    """Stopped after one or two rounds, before the LP converges, the bound is the Lagrangian of the last
    exact pricing: still above every pairing (and above every complete one in its complete form), while
    the unconverged LP value itself may be below the optimum."""
    program, options, inst, master = _unfair_master(case)
    with patch.object(master_module, "MAX_ROUNDS", rounds):
        relax = generate(master, time.perf_counter() + 60)
    placed, best = exhaustive(program, options)
    assert relax.bound_any(master) >= best - 1e-6
    if placed == inst.n_directors:
        assert relax.bound >= best - 1e-6

def _generated(n: int, seed: int, **settings) -> Master:
    program = synthetic_program(n, seed=seed, settings=Settings(**settings))
    inst = compile_program(program, SolveOptions.from_settings(program.settings, time_limit_s=5, workers=1))
    master = Master(inst, build_space(inst))
    master.add_teams(complete_teams(inst, constructive(inst, build_arcs(inst))))
    generate(master, time.perf_counter() + 60)
    return master


def test_the_lp_solves_after_highs_run_clock_passes_the_time_left():
    """HiGHS compares its time limit with a run clock that adds up over every run() of one object: the
    master sets the clock so far plus the time left, so a re-solve with less time left than the LP has
    run in total still solves (it used to stop at once, which cut the dive at 200 directors short)."""
    master = _generated(60, 1)
    clock = master.lp.getRunTime()
    assert clock > 0
    lp, pi, mu = master.solve_lp(time.perf_counter() + clock / 2)  # an unchanged LP: no iteration needed
    assert np.isfinite(lp) and len(pi) == master.inst.n_directors


@pytest.mark.parametrize("distinct_mentor_slots", [False, True])
def test_a_dive_cut_short_still_gives_teams_that_keep_the_rules(distinct_mentor_slots):
    """A dive whose deadline has passed fixes nothing; with finish=True it takes the pool's columns
    greedily and prices the directors left over the places still free. Its teams keep every capacity
    (and with distinct mentor slots each gets a weekly slot of its own); on this program the greedy places
    every director without the weekly rule, and all but what a swap would need with it."""
    master = _generated(40, 2, distinct_mentor_slots=distinct_mentor_slots)
    inst = master.inst
    assert dive(master, time.perf_counter() - 5.0, reprice=3) == {}
    teams = dive(master, time.perf_counter() - 5.0, reprice=3, finish=True)
    assert all(is_complete(inst, d, ms) for d, ms in teams.items())
    assert np.all(usage_array(inst, teams) <= inst.capacity)
    if distinct_mentor_slots:
        assert len(assign(inst, teams)[1]) == len(teams) >= inst.n_directors - 1
    else:
        assert sorted(teams) == list(range(inst.n_directors))


def test_exactly_one_team_per_director_gives_the_same_optimum_as_the_placing_bonus():
    """integer_teams(place_all=True) — exactly one column for every director with a column in the pool,
    no bonus — reaches the optimum of the at-most-one model with the placing bonus when that places
    everyone."""
    for n, seed in ((20, 1), (12, 2)):
        master = _generated(n, seed)
        pool = list(range(len(master.columns)))
        bonus = integer_teams(master, pool, None, 30, 0, 1)
        exact = integer_teams(master, pool, None, 30, 0, 1, place_all=True)
        assert bonus.proven and exact.proven and len(bonus.teams) == len(exact.teams) == n
        assert abs(objective(master.inst, bonus.teams) - objective(master.inst, exact.teams)) <= 1e-6
