"""Restricted pricing (restricted.py) and the bound of very large programs (large_bound.py): the proof is
never below exact pricing, it is exact where it says so, and the bounds hold against brute force."""

from __future__ import annotations

import threading

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pairing.domain import Settings
from pairing.engine import SolveOptions, TeamEvaluator, large_bound, neighbourhoods, solve, solver, whole_lp
from pairing.engine.bound import flow_bound
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
    prices = np.zeros(inst.n_mentors)
    flow_bound(inst, arcs, prices=prices)
    return inst, arcs, teams, prices


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


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(programs(), st.integers(0, 2**16))
def test_the_large_bound_is_never_below_the_brute_force_optimum(case, seed):
    program, options = case
    if options.fair:
        options = type(options)(**{**options.__dict__, "fair": False})
    inst, arcs, _, prices = _pruned(program, options, 1)
    placed, best = exhaustive(program, options)
    complete = placed == inst.n_directors
    for mu in (prices, np.random.default_rng(seed).normal(0, 10, inst.n_mentors)):
        proof = large_bound.first(inst, arcs, mu, complete=complete, deadline=FOREVER)
        assert proof.value >= best - 1e-6
        before = proof.value
        large_bound.tighten(proof, FOREVER, FOREVER)
        assert best - 1e-6 <= proof.value <= before + 1e-9


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 2**16))
def test_tightened_to_the_end_the_large_bound_is_the_exact_lagrangian(seed):
    program = synthetic_program(30, seed=seed % 7)
    options = SolveOptions.from_settings(program.settings, workers=1)
    inst, arcs, _, prices = _pruned(program, options, 2)
    proof = large_bound.first(inst, arcs, prices, complete=True, deadline=FOREVER)
    first = proof.value
    large_bound.tighten(proof, FOREVER, FOREVER)
    exact = price(build_space(inst), prices, np.full(inst.n_directors, -np.inf), per_director=0)
    value = proof.master.lagrangian(exact.upper, prices)
    assert value - 1e-6 <= proof.value <= value + 1e-6
    assert proof.value <= first


def test_the_path_above_the_full_pass_keeps_every_rule_and_is_repeatable(monkeypatch):
    """The neighbourhood path with large_bound (forced on a small program): the same teams for the same
    seed, every rule kept, the bound above the score."""
    monkeypatch.setattr(solver, "COLUMN_MAX_PAIRS", 0)
    monkeypatch.setattr(solver, "FULL_MODEL_ARCS", 0)
    monkeypatch.setattr(solver, "PASS_MAX_PAIRS", 0)
    monkeypatch.setattr(whole_lp, "MAX_PAIRS", 0)
    monkeypatch.setattr(neighbourhoods, "REGION", 12)
    monkeypatch.setattr(neighbourhoods, "MOVE_COST", 0.4)
    program = synthetic_program(50, seed=6)
    options = SolveOptions.from_settings(program.settings, time_limit_s=8, workers=1)
    seen = []
    first = solve(program, options, progress=seen.append)
    second = solve(program, options)
    assert [(t.director, t.producer, t.instructors) for t in first.teams] == \
        [(t.director, t.producer, t.instructors) for t in second.teams]
    assert len(first.teams) == 50
    assert first.bound >= first.objective
    inst = compile_program(program, options)
    flows = flow_bound(inst, build_arcs(inst))
    assert first.bound < flows  # the restricted pass and the exact blocks lower the flows' bound
    evaluator = TeamEvaluator(program, options)
    assert all(evaluator.check_team(first, team) == [] for team in first.teams)


def test_cancel_stops_the_large_bound_between_groups_and_blocks():
    program = synthetic_program(30, seed=2)
    options = SolveOptions.from_settings(program.settings, workers=1)
    inst, arcs, _, prices = _pruned(program, options, 2)
    stop = threading.Event()
    stop.set()
    assert large_bound.first(inst, arcs, prices, complete=True, deadline=FOREVER, cancel=stop) is None
    proof = large_bound.first(inst, arcs, prices, complete=True, deadline=FOREVER)
    before = proof.upper.copy()
    assert large_bound.tighten(proof, FOREVER, FOREVER, stop) == 0.0
    assert np.array_equal(proof.upper, before)


def test_tightening_on_two_cores_proves_the_same_bound(monkeypatch):
    program = synthetic_program(40, seed=5)
    options = SolveOptions.from_settings(program.settings, workers=1)
    inst, arcs, _, prices = _pruned(program, options, 2)
    one = large_bound.first(inst, arcs, prices, complete=True, deadline=FOREVER)
    large_bound.tighten(one, FOREVER, FOREVER)
    monkeypatch.setattr(large_bound, "MIN_PAIRS", 0)  # a helper process prices blocks from the back
    monkeypatch.setattr(large_bound, "TIGHTEN_CHUNK", 16)
    two = large_bound.first(inst, arcs, prices, complete=True, deadline=FOREVER)
    two.full.block = 4
    large_bound.tighten(two, FOREVER, FOREVER)
    assert two.helper_blocks > 0 and one.helper_blocks == 0
    assert np.array_equal(one.upper, two.upper)
    assert one.value == two.value


def test_moves_over_the_arcs_keep_every_rule_and_never_lower_the_score(monkeypatch):
    monkeypatch.setattr(neighbourhoods, "RESTRICT_ABOVE", 0)  # restricted whatever the number of places
    program = synthetic_program(60, seed=4, settings=Settings(avoid_same_organization=True))
    options = SolveOptions.from_settings(program.settings, workers=1)
    inst, arcs, teams, prices = _pruned(program, options, 3)
    start = {d: ms for d, ms in teams.items() if is_complete(inst, d, ms)}
    runs = [neighbourhoods.improve(inst, arcs, start, 3.0, 0, deadline=FOREVER, restrict=True) for _ in range(2)]
    assert runs[0].teams == runs[1].teams and runs[0].moves > 0
    teams = runs[0].teams
    used = np.zeros(inst.n_mentors, dtype=np.int64)
    for d, members in teams.items():
        used[members] += 1
        assert is_complete(inst, d, members)
        assert all(arcs.dense[d, m] > -np.inf for m in members)
    assert np.all(used <= inst.capacity)
    assert objective(inst, teams) >= objective(inst, start)
