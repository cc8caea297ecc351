"""The restricted master's dual by accelerated gradient (pairing/engine/smooth_dual.py): its value is the
restricted Lagrangian at the prices it returns, never below the restricted LP's value (HiGHS's, on the
same columns) and within a few hundredths of a per cent of it; its fractional teams are a choice per
director; the same pool gives the same prices."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pairing.engine import SolveOptions, smooth_dual, whole_lp
from pairing.engine.construct import is_complete
from pairing.engine.master import UNPLACED, Master
from pairing.engine.pricing import build_space, price
from pairing.synthetic import synthetic_program
from tests.unit.pairing.engine.test_whole_lp import _setup

FOREVER = float("inf")


def _restricted(size: int, seed: int, slack: float = 1.1):
    """A master whose pool holds the construction's teams and the best teams of every director under
    random prices (a few each), and that pool as smooth_dual's arrays."""
    program = synthetic_program(size, seed=seed, slack=slack)
    inst, _, teams, _ = _setup(program, SolveOptions.from_settings(program.settings, workers=1))
    space = build_space(inst)
    master = Master(inst, space)
    master.add_teams({d: ms for d, ms in teams.items() if is_complete(inst, d, ms)})  # the construction's
    rng = np.random.default_rng(seed)
    for _ in range(3):
        found = price(space, rng.normal(0, 10, inst.n_mentors), np.full(inst.n_directors, -np.inf), per_director=4)
        for column in found.columns:
            master.add(column)
    pool = whole_lp.Pool(inst.n_mentors, 1 + max(inst.options.instructors_max, 1))
    pool.add(master.columns)
    return inst, master, pool.restricted(inst.n_directors, smooth_dual.level_arrays(master.gains))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(12, 60), st.integers(0, 2**16), st.sampled_from([0.9, 1.1, 1.5]))
def test_its_value_is_never_below_the_restricted_lp_and_close_to_it(size, seed, slack):
    inst, master, restricted = _restricted(size, seed, slack)
    lp, _, _ = master.solve_lp()
    dual = smooth_dual.minimise(restricted, np.zeros(inst.n_mentors), smooth_dual.COLD_TAUS)
    assert dual.value >= lp - 1e-6 * max(abs(lp), 1.0)  # a dual value: never below the LP's (weak duality)
    if slack >= 1.1:  # (with too few places for everyone, prices reach UNPLACED's order: seen 0.5% above)
        assert dual.value <= lp + 2e-4 * max(abs(lp), 1.0) + 0.05 * inst.n_directors ** 0.5


def test_its_value_is_the_lagrangian_over_the_pool_at_its_prices():
    inst, master, restricted = _restricted(40, seed=3)
    dual = smooth_dual.minimise(restricted, np.zeros(inst.n_mentors), smooth_dual.COLD_TAUS)
    pool = whole_lp.Pool(inst.n_mentors, restricted.members.shape[1])
    pool.add(master.columns)
    best = np.maximum(pool.best(dual.mu, inst.n_directors), -UNPLACED)
    levels = sum(float(np.maximum(g + dual.mu[m], 0.0).sum()) for m, g in enumerate(master.gains))
    assert dual.value == pytest.approx(best.sum() + levels, abs=1e-6)


def test_its_fractional_teams_choose_at_most_one_team_per_director_and_value_near_the_lp():
    inst, master, restricted = _restricted(50, seed=5)
    lp, _, _ = master.solve_lp()
    dual = smooth_dual.minimise(restricted, np.zeros(inst.n_mentors), smooth_dual.COLD_TAUS)
    per_director = np.bincount(restricted.d, weights=dual.x, minlength=inst.n_directors)
    assert np.all(dual.x >= 0) and np.all(per_director <= 1 + 1e-9)
    assert dual.primal == pytest.approx(lp, rel=1e-3)


def test_the_same_pool_and_start_give_the_same_prices():
    inst, _, restricted = _restricted(30, seed=7)
    start = np.linspace(-5, 5, inst.n_mentors)
    first, second = smooth_dual.minimise(restricted, start), smooth_dual.minimise(restricted, start)
    assert np.array_equal(first.mu, second.mu) and first.steps == second.steps


def test_a_director_without_columns_counts_as_unplaced():
    restricted = smooth_dual.Restricted(2, 1, np.array([0]), np.array([[0, 1]]), np.array([7.0]),
                                        np.array([0]), np.array([1.0]))
    dual = smooth_dual.minimise(restricted, np.zeros(1), smooth_dual.COLD_TAUS)
    # director 0 takes its team (7) with the mentor's one level (1); director 1 has none: −UNPLACED
    assert dual.value == pytest.approx(8.0 - UNPLACED, abs=1e-6)


def test_the_whole_lp_rounds_its_fractional_teams_into_teams_that_keep_capacities():
    program = synthetic_program(60, seed=2)
    inst, _, teams, prices = _setup(program, SolveOptions.from_settings(program.settings, workers=1))
    relaxed = whole_lp.relax(inst, build_space(inst), teams, prices, budget=FOREVER, deadline=FOREVER)
    assert relaxed.x is not None and len(relaxed.x) <= len(relaxed.master.columns)
    rounded = whole_lp.round_teams(inst, relaxed.master, relaxed.x, relaxed.mu, relaxed.upper)
    used = np.zeros(inst.n_mentors, dtype=np.int64)
    for members in rounded.values():
        used[members] += 1
    assert np.all(used <= inst.capacity) and all(is_complete(inst, d, ms) for d, ms in rounded.items())
