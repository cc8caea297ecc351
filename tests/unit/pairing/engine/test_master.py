"""The team-column master (pairing/engine/master.py): its bound never falls below the optimum."""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings

from pairing.engine.construct import locked_members
from pairing.engine.instance import compile_program
from pairing.engine.master import Master, generate
from pairing.engine.pricing import build_space
from tests.unit.pairing.engine.test_engine_bruteforce import exhaustive, programs


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(programs())
def test_column_bound_is_never_below_the_optimum(case):
    program, options = case
    if options.fair:
        options = type(options)(**{**options.__dict__, "fair": False})
    inst = compile_program(program, options)
    locked_members(inst)
    master = Master(inst, build_space(inst))
    relax = generate(master, time.perf_counter() + 60)
    placed, best = exhaustive(program, options)
    assert relax.converged
    assert relax.bound_any(master) >= best - 1e-6  # over every pairing, complete or not
    if placed == inst.n_directors:  # over complete pairings; the relaxation places everyone too
        assert relax.bound >= best - 1e-6
        assert relax.unplaced.sum() <= 1e-6
        assert abs(relax.lp - relax.bound) <= 1e-3  # converged: the Lagrangian bound is the LP value
