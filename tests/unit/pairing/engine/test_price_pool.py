"""Pricing passes on two cores (pairing/engine/price_pool.py): the same pass as pricing.price whoever prices
which block, a helper that fails is made up for, cancel stops a pass within one block, no helper outlives
its Pricer."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from pairing.engine import whole_lp
from pairing.engine.instance import compile_program
from pairing.engine.options import SolveOptions
from pairing.engine.price_pool import Pricer
from pairing.engine.pricing import build_space, price
from pairing.synthetic import synthetic_program
from tests.unit.pairing.engine.test_whole_lp import FOREVER, _setup

READY_S = 60.0  # a helper's start: imports only (generous for a loaded machine)


def _space(n: int = 60, seed: int = 3, block: int = 8):
    program = synthetic_program(n, seed=seed)
    inst = compile_program(program, SolveOptions.from_settings(program.settings, workers=1))
    space = build_space(inst)
    space.block = block  # many blocks, so both processes price some
    return inst, space


def _same(a, b) -> bool:
    return (np.array_equal(a.best, b.best) and np.array_equal(a.upper, b.upper) and a.complete == b.complete
            and [(c.d, c.members, c.value) for c in a.columns] == [(c.d, c.members, c.value) for c in b.columns]
            and a.work == b.work)  # the search's steps too: whole_lp's deterministic units count them


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_pass_on_two_cores_is_the_pass_on_one(seed):
    inst, space = _space()
    rng = np.random.default_rng(seed)
    every = np.arange(inst.n_directors)
    with Pricer(space, helper=True) as pool:
        assert pool.wait_ready(READY_S)
        for _ in range(3):
            mu = rng.normal(0, 15, inst.n_mentors)
            floor = np.where(rng.random(inst.n_directors) < 0.5, -np.inf, rng.normal(60, 20, inst.n_directors))
            some = np.sort(rng.choice(every, size=45, replace=False))
            for directors in (every, some):
                for restrict in (None, 4):  # exact, and the heuristic pass (whole_lp's heuristic rounds)
                    alone = price(space, mu, floor, per_director=3, directors=directors, restrict=restrict)
                    assert _same(pool.price(mu, floor, per_director=3, directors=directors, restrict=restrict), alone)
        assert pool.helper_blocks > 0


def test_the_blocks_a_failed_helper_held_are_priced_here():
    inst, space = _space()
    mu = np.random.default_rng(5).normal(0, 15, inst.n_mentors)
    floor = np.full(inst.n_directors, -np.inf)
    every = np.arange(inst.n_directors)
    with Pricer(space, helper=True) as pool:
        assert pool.wait_ready(READY_S)
        pool._proc.kill()  # as an out-of-memory kill would
        assert _same(pool.price(mu, floor, per_director=3, directors=every),
                     price(space, mu, floor, per_director=3, directors=every))
        assert not pool.helped


def test_the_helper_ends_with_its_pricer():
    _, space = _space()
    with Pricer(space, helper=True) as pool:
        assert pool.wait_ready(READY_S)
        process = pool._proc
    assert process.poll() is not None


class _SetAfter:
    """A cancel flag that is set from its n-th look on (a Stop pressed during a pass)."""

    def __init__(self, n: int) -> None:
        self.looks, self.n = 0, n

    def is_set(self) -> bool:
        self.looks += 1
        return self.looks > self.n


@pytest.mark.parametrize("helper", [False, True])
def test_cancel_stops_a_pass_within_one_block(helper):
    inst, space = _space()
    mu = np.zeros(inst.n_mentors)
    floor = np.full(inst.n_directors, -np.inf)
    with Pricer(space, helper=helper) as pool:
        cancel = _SetAfter(2)
        out = pool.price(mu, floor, per_director=3, directors=np.arange(inst.n_directors), cancel=cancel)
    assert not out.complete
    assert np.isinf(out.upper).sum() >= inst.n_directors - 3 * space.block  # at most the blocks begun
    assert cancel.looks <= 4


def test_a_cancelled_whole_lp_still_proves_its_bound_and_stops_in_its_first_pass():
    program = synthetic_program(60, seed=2)
    inst, arcs, teams, prices = _setup(program, SolveOptions.from_settings(program.settings, workers=1))
    space = build_space(inst)
    space.block = 8
    from pairing.engine.bound import pairwise_upper

    cancel = threading.Event()
    cancel.set()
    out = whole_lp.relax(inst, space, teams, prices, FOREVER, FOREVER, cancel, fallback=pairwise_upper(inst, arcs, prices))
    assert out.rounds == 0  # nothing priced
    stopped = whole_lp.relax(inst, space, teams, prices, FOREVER, FOREVER, _SetAfter(3),
                             fallback=pairwise_upper(inst, arcs, prices))
    assert stopped.rounds == 0 and np.isfinite(stopped.bound)
    whole = whole_lp.relax(inst, build_space(inst), teams, prices, FOREVER, FOREVER)
    assert stopped.bound >= whole.bound - 1e-6  # the fallback's bound: valid, weaker


def test_the_whole_lp_on_two_cores_is_the_whole_lp_on_one():
    program = synthetic_program(60, seed=5)
    inst, _, teams, prices = _setup(program, SolveOptions.from_settings(program.settings, workers=1))
    one = whole_lp.relax(inst, _space_of(inst), teams, prices, FOREVER, FOREVER)
    space = _space_of(inst)
    with Pricer(space, helper=True) as pool:
        pool.wait_ready(READY_S)
        two = whole_lp.relax(inst, space, teams, prices, FOREVER, FOREVER, pricer=pool)
    assert (one.rounds, one.bound, one.lp) == (two.rounds, two.bound, two.lp)
    assert [(c.d, c.members) for c in one.master.columns] == [(c.d, c.members) for c in two.master.columns]


def _space_of(inst):
    space = build_space(inst)
    space.block = 8
    return space


KILLED_PARENT = """
import sys
from pairing.engine.instance import compile_program
from pairing.engine.options import SolveOptions
from pairing.engine.price_pool import Pricer
from pairing.engine.pricing import build_space
from pairing.synthetic import synthetic_program
program = synthetic_program(20, seed=1)
pool = Pricer(build_space(compile_program(program, SolveOptions.from_settings(program.settings))), helper=True)
assert pool.wait_ready(60)
print(pool._proc.pid, flush=True)
sys.stdin.read()  # until killed
"""


def test_the_helper_ends_when_the_solving_process_is_killed():
    import os
    import signal
    import subprocess
    import sys
    import time

    from pairing.engine.price_pool import _root_path

    parent = subprocess.Popen([sys.executable, "-c", KILLED_PARENT], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              env={**os.environ, "PYTHONPATH": _root_path()})
    try:
        helper = int(parent.stdout.readline())
        os.kill(parent.pid, signal.SIGKILL)  # as the window ending its search process would
        parent.wait()
        for _ in range(600):  # its input closes: it ends (liveness, not timing: up to 60 s on a loaded machine)
            try:
                os.kill(helper, 0)
            except ProcessLookupError:
                break
            if _reaped(helper):
                break
            time.sleep(0.1)
        else:
            os.kill(helper, signal.SIGKILL)
            raise AssertionError("the pricing helper outlived its solving process")
    finally:
        parent.stdin.close()
        parent.stdout.close()
        if parent.poll() is None:
            parent.kill()
            parent.wait()


def _reaped(pid: int) -> bool:
    """Whether `pid` is a zombie (ended; its parent died, so init reaps it later)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(") ")[1].startswith("Z")
    except OSError:
        return True


def _price_in_a_daemon(connection) -> None:
    """In a daemonic spawned child, as the app's solver runs (ui/solve_process): a pass with a helper."""
    inst, space = _space()
    mu = np.random.default_rng(7).normal(0, 15, inst.n_mentors)
    floor = np.full(inst.n_directors, -np.inf)
    every = np.arange(inst.n_directors)
    with Pricer(space, helper=True) as pool:
        ready = pool.wait_ready(READY_S)
        same = _same(pool.price(mu, floor, per_director=3, directors=every),
                     price(space, mu, floor, per_director=3, directors=every))
        connection.send((ready, same, pool.helper_blocks))
    connection.close()


def test_a_helper_starts_from_the_apps_daemonic_solver_process():
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_price_in_a_daemon, args=(sender,), daemon=True)
    child.start()
    sender.close()
    try:
        ready, same, blocks = receiver.recv()
    finally:
        receiver.close()
        child.join(READY_S)
    assert ready and same and blocks > 0
    assert child.exitcode == 0


def test_cancel_is_seen_while_waiting_for_a_stalled_helper():
    import os
    import signal

    inst, space = _space()
    mu = np.zeros(inst.n_mentors)
    floor = np.full(inst.n_directors, -np.inf)
    cancel = threading.Event()
    out = {}
    with Pricer(space, helper=True) as pool:
        assert pool.wait_ready(READY_S)
        os.kill(pool._proc.pid, signal.SIGSTOP)  # the helper gets no CPU (a heavily loaded machine)

        def run() -> None:
            out["pass"] = pool.price(mu, floor, per_director=3, directors=np.arange(inst.n_directors), cancel=cancel)

        worker = threading.Thread(target=run)
        worker.start()
        worker.join(1.0)  # this process prices its blocks, then waits for the helper's
        cancel.set()
        worker.join(READY_S)  # liveness: it returns once it sees the cancel (it used to wait for the helper)
        alive = worker.is_alive()
        os.kill(pool._proc.pid, signal.SIGCONT)
    assert not alive
    assert not out["pass"].complete and pool.helper_blocks == 0
    assert np.isinf(out["pass"].upper).sum() > 0
