"""Restricted pricing (restricted.py) and the large path's column generation (large_lp.py): the proof is
never below exact pricing, it is exact where it says so, and the bounds hold against brute force."""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pairing.domain import Settings
from pairing.engine import SolveOptions, large_lp, solver
from pairing.engine.candidates import build_arcs
from pairing.engine.construct import is_complete, locked_members
from pairing.engine.instance import compile_program
from pairing.engine.pricing import build_space, price
from pairing.engine.restricted import outside_bound, price_restricted, restrict
from pairing.engine.result import objective
from pairing.synthetic import synthetic_program
from tests.unit.pairing.engine.test_engine_bruteforce import exhaustive, programs

FOREVER = float("inf")


def _pruned(program, options, k: int):
    """The instance, arcs keeping about k mentors per director and role (candidates a strict subset), the
    start teams and the flows' prices."""
    inst = compile_program(program, options)
    locked_members(inst)
    arcs = build_arcs(inst, k)
    teams = solver._start(inst, arcs)
    return inst, arcs, teams, large_lp.start_prices(inst, arcs)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 2**16), st.sampled_from([1, 2, 4]), st.booleans())
def test_the_restricted_proof_is_never_below_exact_pricing_and_exact_where_it_says_so(seed, k, tight):
    settings_ = Settings(avoid_same_organization=True) if tight else None
    program = synthetic_program(24, seed=seed % 11, slack=1.05 if tight else 1.2,
                                **({"settings": settings_} if settings_ else {}))
    options = SolveOptions.from_settings(program.settings, workers=1)
    inst, arcs, _, _ = _pruned(program, options, k)
    full = build_space(inst)
    r = restrict(inst, arcs, full, group=5)
    rng = np.random.default_rng(seed)
    mu = rng.normal(0, 10, inst.n_mentors)
    nothing = np.full(inst.n_directors, -np.inf)
    exact = price(full, mu, nothing, per_director=3)
    got, within = price_restricted(r, mu, nothing, per_director=3)
    assert np.all(got.upper >= exact.upper - 1e-6)  # a proof for every director
    assert np.all(got.best <= exact.best + 1e-6)  # real teams only
    proven = outside_bound(r, mu) <= within
    assert np.allclose(got.best[proven], exact.best[proven], atol=1e-6)  # exact where the proof says so
    for column in got.columns:  # columns of the whole program, valued as pricing values them
        assert column.members[0] < inst.n_producers
        assert all(arcs.dense[column.d, m] > -np.inf for m in column.members)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 2**16))
def test_widening_prices_the_loose_directors_over_every_mentor(seed):
    program = synthetic_program(20, seed=seed % 5)
    options = SolveOptions.from_settings(program.settings, workers=1)
    inst, arcs, _, _ = _pruned(program, options, 1)
    full = build_space(inst)
    r = restrict(inst, arcs, full, group=4)
    mu = np.random.default_rng(seed).normal(0, 10, inst.n_mentors)
    nothing = np.full(inst.n_directors, -np.inf)
    exact = price(full, mu, nothing, per_director=3)
    got, within = price_restricted(r, mu, nothing, per_director=3, widen=inst.n_directors)
    assert r.stats["widened"] == r.stats["loose"]
    assert np.allclose(got.upper, exact.upper, atol=1e-6)  # every director now exact
    assert np.allclose(got.best, exact.best, atol=1e-6)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(programs())
def test_the_large_paths_bounds_are_never_below_the_brute_force_optimum(case):
    program, options = case
    if options.fair:
        options = type(options)(**{**options.__dict__, "fair": False})
    inst, arcs, teams, prices = _pruned(program, options, 1)
    placed, best = exhaustive(program, options)
    complete = placed == inst.n_directors
    r = restrict(inst, arcs, build_space(inst), group=2)
    relaxed = large_lp.relax(inst, r, teams, prices, FOREVER, FOREVER, None, lambda v: None, complete=complete)
    assert relaxed.bound >= best - 1e-6
    if np.all(np.isfinite(relaxed.proof)):
        value, upper, _ = large_lp.prove(inst, r, relaxed, FOREVER, FOREVER, None, complete=complete)
        assert value >= best - 1e-6
        assert value <= relaxed.master.lagrangian(relaxed.proof, relaxed.centre, complete=complete and bool(
            np.all(relaxed.proof > -1e8))) + 1e-6  # the proof pass only lowers the bound


def _search(program, options, k):
    inst, arcs, teams, prices = _pruned(program, options, k)
    start = {d: ms for d, ms in teams.items() if is_complete(inst, d, ms)}
    return inst, start, large_lp.search(inst, arcs, teams, 0.0, prices, report=lambda b, s: None, cancel=None,
                                        hopeless=set())


def test_the_large_path_keeps_every_rule_and_gives_the_same_teams_for_the_same_seed():
    program = synthetic_program(60, seed=3, settings=Settings(avoid_same_organization=True))
    options = SolveOptions.from_settings(program.settings, workers=1, time_limit_s=1e6)
    inst, start, first = _search(program, options, 3)
    _, _, second = _search(program, options, 3)
    assert first.teams == second.teams
    assert first.bound == second.bound
    used = np.zeros(inst.n_mentors, dtype=np.int64)
    for members in first.teams.values():
        used[members] += 1
    assert np.all(used <= inst.capacity)
    assert all(is_complete(inst, d, first.teams[d]) for d in first.teams)
    assert len(start) == len(first.teams) == inst.n_directors  # (the bound is over complete pairings)
    assert objective(inst, start) <= objective(inst, first.teams) <= first.bound + 1e-6
